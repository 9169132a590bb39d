"""The export dialog: format → extension, the selection checkbox, export() writing the file,
errors shown in the dialog, and the message bar after export_layer_interactively."""

import datetime as dt

import pytest
from qgis.core import Qgis, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication, QWidget

from eo_order.core.cdse_search import Product
from eo_order.core.footprints import features_from_products, footprint_layer
from eo_order.ui.export_dialog import ExportDialog, export_layer_interactively

UTC = dt.timezone.utc


@pytest.fixture
def layer(qgis_new_project):
    products = [Product(f"id-{i}", name=f"S2A_MSIL1C_{i}.SAFE", collection="SENTINEL-2",
                        sensing_start=dt.datetime(2022, 5, 3, 10, i, tzinfo=UTC),
                        sensing_end=dt.datetime(2022, 5, 3, 10, i, 25, tzinfo=UTC), cloud_cover=10.0 * i,
                        checksum_md5="0" * 32, footprint_wkt=f"POLYGON(({i} 46, {i + 1} 46, {i + 1} 47, {i} 46))")
                for i in range(3)]
    layer = footprint_layer("Copernicus SENTINEL-2 · 3 products", features_from_products(products), kind="products")
    QgsProject.instance().addMapLayer(layer)
    return layer


@pytest.fixture
def dialog(layer, qgis_iface):
    widget = ExportDialog(layer, qgis_iface.mainWindow())
    yield widget
    widget.close()
    widget.deleteLater()
    qgis_iface.messageBar().clear_messages()


def test_changing_the_format_fixes_the_extension(dialog, tmp_path):
    dialog.file_widget.setFilePath(str(tmp_path / "alps.gpkg"))
    dialog.set_format("shp")
    assert dialog.file_path() == str(tmp_path / "alps.shp")
    assert "*.shp" in dialog.file_widget.filter()
    assert "sensing_start → sens_start" in dialog.note_label.text()
    dialog.set_format("geojson")
    assert dialog.file_path() == str(tmp_path / "alps.geojson")
    assert dialog.note_label.isHidden()


def test_every_control_has_a_tooltip(dialog):
    for widget in (dialog.format_combo, dialog.file_widget, dialog.selected_check, dialog.export_button):
        assert widget.toolTip(), widget


def test_the_default_file_is_named_after_the_layer(dialog):
    assert dialog.file_path().endswith("Copernicus_SENTINEL-2_3_products.gpkg")


def test_without_a_selection_the_checkbox_is_off_and_disabled(dialog, layer):
    assert not dialog.selected_check.isEnabled() and not dialog.selected_check.isChecked()
    layer.selectByIds([next(layer.getFeatures()).id()])
    assert dialog.selected_check.isEnabled()
    assert "(1)" in dialog.selected_check.text()


def test_with_a_selection_the_checkbox_defaults_on_and_export_writes_only_it(layer, qgis_iface, tmp_path):
    ids = [f.id() for f in layer.getFeatures()][:2]
    layer.selectByIds(ids)
    dialog = ExportDialog(layer, qgis_iface.mainWindow())
    assert dialog.selected_check.isEnabled() and dialog.selected_check.isChecked()
    dialog.set_format("kml")
    dialog.file_widget.setFilePath(str(tmp_path / "picked"))
    result = dialog.export()
    assert result is not None and result.count == 2
    assert result.path == str(tmp_path / "picked.kml")
    written = QgsVectorLayer(result.path, "back", "ogr")
    assert sorted(f["product_id"] for f in written.getFeatures()) == ["id-0", "id-1"]
    assert dialog.error_label.isHidden()
    dialog.deleteLater()


def test_an_error_shows_in_the_dialog_without_raising(dialog, tmp_path):
    (tmp_path / "afile").write_text("x")
    dialog.file_widget.setFilePath(str(tmp_path / "afile" / "out.gpkg"))
    dialog.export_button.click()  # accept() → export() fails → the dialog stays open
    assert dialog.export_result is None
    assert dialog.result() != ExportDialog.DialogCode.Accepted
    assert not dialog.error_label.isHidden()
    assert "is a file, not a folder" in dialog.error_label.text()
    dialog.set_format("csv")  # a new choice clears the old error
    assert dialog.error_label.isHidden()


def test_export_layer_interactively_reports_the_file_in_the_message_bar(layer, qgis_iface, tmp_path):
    target = tmp_path / "alps.geojson"

    def fill_in_and_export():
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ExportDialog) and w.isVisible())
        dialog.set_format("geojson")
        dialog.file_widget.setFilePath(str(target))
        dialog.export_button.click()

    QTimer.singleShot(0, fill_in_and_export)
    result = export_layer_interactively(qgis_iface, layer)
    assert result is not None and result.count == 3 and target.exists()
    [message] = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Success)
    assert "Exported 3 footprint(s)" in message and str(target) in message
    assert f'href="file://{tmp_path}"' in message
    qgis_iface.messageBar().clear_messages()


def test_export_layer_interactively_without_a_vector_layer_says_so(qgis_iface):
    assert export_layer_interactively(qgis_iface, None) is None
    [message] = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Warning)
    assert "Choose a footprint layer" in message
    qgis_iface.messageBar().clear_messages()
    assert isinstance(qgis_iface.mainWindow(), QWidget)
