"""The WCS tab against a real MapServer 8 WCS 1.0.0: connect → coverages → describe → fetch → raster layer."""

import os
from urllib.parse import parse_qsl

import numpy as np
import pytest
from osgeo import gdal
from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProject,
    QgsRasterLayer,
    QgsRectangle,
)
from qgis.PyQt.QtCore import QCoreApplication, QSize, Qt
from qgis.PyQt.QtWidgets import QFrame

from eo_order.core.wcs_files import extension_for, file_stem
from eo_order.ui.wcs_panel import RESOLUTION, WcsPanel
from tests.conftest import wait_for
from tests.servers.canned import CannedServer
from tests.servers.mapserver import MapServerWcs, expected_pixels, make_test_tiff

gdal.UseExceptions()

BBOX = (-76.4, 44.9, -75.6, 45.5)  # 4:3 like the 800 × 600 test canvas: the canvas shows exactly this
WIDTH, HEIGHT = 64, 48
TIMES = ("2020-01-01", "2020-02-01")


@pytest.fixture(scope="module")
def source(tmp_path_factory):
    return make_test_tiff(tmp_path_factory.mktemp("wcs_src") / "dem.tif", WIDTH, HEIGHT, BBOX)


@pytest.fixture(scope="module")
def mapserver(tmp_path_factory, source):
    with MapServerWcs(tmp_path_factory.mktemp("wcs_ui"), source, coverage="dem", label="Ottawa test DEM",
                      layer_metadata={"wcs_timeposition": ",".join(TIMES)}) as server:
        yield server


@pytest.fixture
def doomed(tmp_path, source):
    """A server of its own whose coverage can be made to disappear."""
    with MapServerWcs(tmp_path / "doomed_srv", source, coverage="dem") as server:
        yield server


def remove_coverage(server):
    server.mapfile.write_text(server.mapfile.read_text().replace('NAME "dem"', 'NAME "other"'))


def use_canvas(iface, crs, rect):
    canvas = iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem(crs))
    canvas.setExtent(rect)


@pytest.fixture
def shown_canvas(qgis_iface, qgis_parent):
    """The canvas laid out at the configured 800 × 600 pixels, frameless (a never-shown canvas keeps a
    98 × 28 pixel map, and the frame would make it 798 × 598): setting BBOX then shows exactly BBOX."""
    canvas = qgis_iface.mapCanvas()
    frame = canvas.frameShape()
    canvas.setFrameShape(QFrame.Shape.NoFrame)
    qgis_parent.show()
    QCoreApplication.processEvents()
    assert canvas.mapSettings().outputSize() == QSize(800, 600)
    yield canvas
    qgis_parent.hide()
    canvas.setFrameShape(frame)


@pytest.fixture
def panel(qgis_iface, qgis_new_project, shown_canvas, mapserver):
    use_canvas(qgis_iface, "EPSG:4326", QgsRectangle(*BBOX))
    extent = shown_canvas.extent()
    assert (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum()) == pytest.approx(BBOX)
    widget = WcsPanel(qgis_iface)
    widget.set_url(mapserver.url)
    yield widget
    widget.settings.forget(mapserver.url)
    widget.shutdown()
    widget.deleteLater()
    qgis_iface.messageBar().clear_messages()


def connect(panel):
    panel.connect_button.click()
    assert panel.connect_task is not None
    wait_for(lambda: panel.connect_task is None, timeout=60)


def select(panel, name="dem"):
    panel.coverage_item(name).setSelected(True)
    assert panel.describe_task is not None
    wait_for(lambda: panel.describe_task is None, timeout=60)


def fetch(panel):
    panel.fetch_button.click()
    assert panel.fetch_task is not None
    wait_for(lambda: panel.fetch_task is None, timeout=60)


def last_query(server):
    return {k.upper(): v for k, v in parse_qsl(server.requests[-1].query, keep_blank_values=True)}


def combo_data(combo):
    return [combo.itemData(i) for i in range(combo.count())]


def raster_layers():
    return [lyr for lyr in QgsProject.instance().mapLayers().values() if isinstance(lyr, QgsRasterLayer)]


def test_connect_lists_the_coverage_and_remembers_the_server(panel, mapserver, qgis_iface):
    connect(panel)
    assert last_query(mapserver) == {"SERVICE": "WCS", "VERSION": "1.0.0", "REQUEST": "GetCapabilities"}
    assert panel.coverage_tree.topLevelItemCount() == 1
    item = panel.coverage_tree.topLevelItem(0)
    assert (item.text(0), item.text(1)) == ("dem", "Ottawa test DEM")
    assert item.toolTip(0) == "Lon/lat envelope (W, S, E, N): -76.4, 44.9, -75.6, 45.5"
    assert "EO Order test WCS: 1 coverage(s)" in panel.status.text()
    assert mapserver.url in panel.settings.urls and panel.settings.last_url == mapserver.url  # kept as a connection
    assert panel.url_combo.findData(mapserver.url) >= 0 and panel.forget_button.isEnabled()
    assert panel.url == mapserver.url  # the combo shows the connection's name; the URL is what is used
    assert not panel.fetch_button.isEnabled()  # nothing described yet

    panel.filter_edit.setText("nothing like it")
    assert item.isHidden()
    panel.filter_edit.setText("ottawa")
    assert not item.isHidden()
    assert qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Critical) == []


def test_selecting_the_coverage_describes_it_and_fills_the_request_widgets(panel, mapserver, qgis_iface):
    use_canvas(qgis_iface, "EPSG:3857", QgsRectangle(-8504000, 5606000, -8416000, 5672000))
    connect(panel)
    select(panel)
    assert last_query(mapserver)["REQUEST"] == "DescribeCoverage" and last_query(mapserver)["COVERAGE"] == "dem"
    desc = panel.description
    assert desc is not None and desc.name == "dem"

    assert combo_data(panel.form.crs_combo) == ["EPSG:4326", "EPSG:3857"]
    assert panel.form.crs_combo.currentData() == "EPSG:3857"  # the canvas CRS, offered by the coverage
    assert panel.form.extent_box.outputCrs().authid() == "EPSG:3857"
    assert combo_data(panel.form.response_crs_combo) == ["", "EPSG:4326", "EPSG:3857"]
    assert combo_data(panel.form.format_combo) == ["GTiff"] and panel.form.format_combo.currentData() == "GTiff"
    assert combo_data(panel.form.interpolation_combo) == ["", "nearest neighbor", "bilinear"]
    assert panel.form.interpolation_combo.currentText() == "Server default (nearest neighbor)"
    assert combo_data(panel.form.time_combo) == ["", *TIMES] and panel.form.time_combo.isEnabled()
    # the coverage's native 0.0125° pixels over the part of the view it covers (-76.393…-75.603, 44.9…45.32)
    assert (panel.form.width_spin.value(), panel.form.height_spin.value()) == (63, 33)
    panel.form.canvas_size_button.click()
    assert (panel.form.width_spin.value(), panel.form.height_spin.value()) == (800, 600)
    panel.form.grid_size_button.click()
    assert (panel.form.width_spin.value(), panel.form.height_spin.value()) == (63, 33)
    assert panel.form.output_widget.filePath() == ""  # an unsaved project: the user chooses, never /tmp

    details = panel.details.toPlainText()
    for text in ("dem – Ottawa test DEM", "Grid: 64 × 48 pixels over -76.4, 44.9, -75.6, 45.5 in EPSG:4326",
                 "Request CRSs: EPSG:4326, EPSG:3857", "Native CRS: EPSG:4326", "Formats: GTiff (native: GeoTIFF)",
                 "Interpolations: nearest neighbor (default), bilinear", "Time positions: 2020-01-01, 2020-02-01"):
        assert text in details

    # switching to the native CRS gives the native resolution
    panel.form.crs_combo.setCurrentIndex(panel.form.crs_combo.findData("EPSG:4326"))
    assert panel.form.extent_box.outputCrs().authid() == "EPSG:4326"
    assert float(panel.form.resx_edit.text()) == pytest.approx(0.0125)
    assert float(panel.form.resy_edit.text()) == pytest.approx(0.0125)
    assert panel.fetch_button.isEnabled()


@pytest.mark.parametrize("mode", ["size", "resolution"])
def test_fetch_adds_a_raster_layer_equal_to_the_source(panel, mapserver, qgis_iface, tmp_path, mode):
    connect(panel)
    select(panel)
    assert panel.form.crs_combo.currentData() == "EPSG:4326"
    rect = panel.form.extent_box.outputExtent()
    assert (rect.xMinimum(), rect.yMinimum(), rect.xMaximum(), rect.yMaximum()) == pytest.approx(BBOX, abs=1e-6)
    if mode == "resolution":
        panel.form.size_mode.setCurrentIndex(panel.form.size_mode.findData(RESOLUTION))
        assert panel.form.size_stack.currentIndex() == 1
    out = tmp_path / "out" / "dem.tif"
    panel.form.output_widget.setFilePath(str(out))
    fetch(panel)

    assert qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Critical) == []
    query = last_query(mapserver)
    assert query["REQUEST"] == "GetCoverage" and query["CRS"] == "EPSG:4326" and query["FORMAT"] == "GTiff"
    assert [float(v) for v in query["BBOX"].split(",")] == pytest.approx(BBOX, abs=1e-6)
    assert (query.get("WIDTH"), query.get("RESX")) == (("64", None) if mode == "size" else (None, "0.0125"))
    assert "TIME" not in query and "INTERPOLATION" not in query and "RESPONSE_CRS" not in query

    [layer] = raster_layers()
    assert layer.isValid() and layer.name() == "dem" and layer.source() == str(out)
    assert (layer.width(), layer.height(), layer.crs().authid()) == (WIDTH, HEIGHT, "EPSG:4326")
    extent = layer.extent()
    assert (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum()) == pytest.approx(
        BBOX, abs=1e-6)
    np.testing.assert_array_equal(gdal.Open(str(out)).ReadAsArray(), expected_pixels(WIDTH, HEIGHT))
    assert [p.name for p in out.parent.iterdir()] == ["dem.tif"]
    [message] = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Success)
    assert f"Coverage dem (64 × 48 pixels) saved as {out}" in message


def test_coverages_go_next_to_the_project_and_a_second_fetch_does_not_overwrite_the_first(panel, tmp_path):
    folder = tmp_path / "my project"
    folder.mkdir()
    QgsProject.instance().setFileName(str(folder / "ottawa.qgz"))
    try:
        connect(panel)
        select(panel)
        assert panel.form.output_widget.filePath() == str(folder / "dem.tif")
        fetch(panel)
        fetch(panel)
    finally:
        QgsProject.instance().setFileName("")
    assert sorted(p.name for p in folder.iterdir()) == ["dem.tif", "dem_1.tif"]
    assert sorted(layer.source() for layer in raster_layers()) == [str(folder / "dem.tif"), str(folder / "dem_1.tif")]


def test_without_a_project_folder_the_user_is_asked_for_a_file_and_nothing_goes_to_tmp(panel, mapserver, qgis_iface):
    connect(panel)
    select(panel)
    count = len(mapserver.requests)
    panel.fetch_button.click()
    assert panel.fetch_task is None and len(mapserver.requests) == count
    [message] = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Warning)
    assert message == ("EO Order:Choose the file to save the coverage to (or save the project first: coverages then "
                       "go next to it).")


def test_a_coverage_gone_from_the_server_is_its_message_and_nothing_is_saved(panel, doomed, qgis_iface, tmp_path):
    panel.set_url(doomed.url)
    connect(panel)
    select(panel)
    out = tmp_path / "out" / "dem.tif"
    panel.form.output_widget.setFilePath(str(out))
    remove_coverage(doomed)
    fetch(panel)
    [message] = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Critical)
    assert message.startswith("EO Order:WCS server reported an error (code InvalidParameterValue, locator coverage): ")
    assert "COVERAGE=dem not found" in message
    assert message.split(":", 1)[1] == panel.status.text()
    assert not out.parent.exists() or list(out.parent.iterdir()) == []
    assert raster_layers() == []
    panel.settings.forget(doomed.url)


def test_describe_error_shows_the_server_text(panel, doomed, qgis_iface):
    panel.set_url(doomed.url)
    connect(panel)
    remove_coverage(doomed)
    select(panel)
    [message] = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Critical)
    assert "(code CoverageNotDefined, locator coverage)" in message
    assert "COVERAGE dem cannot be opened / does not exist" in message
    assert panel.description is None and not panel.fetch_button.isEnabled()
    panel.settings.forget(doomed.url)


def test_unreachable_server_is_a_message_and_is_not_remembered(panel, qgis_iface):
    panel.set_url("http://127.0.0.1:9/wcs")
    connect(panel)
    [message] = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Critical)
    assert message.startswith("EO Order:Could not connect to WCS server at http://127.0.0.1:9/wcs?")
    assert "http://127.0.0.1:9/wcs" not in panel.settings.urls
    assert panel.coverage_tree.topLevelItemCount() == 0


def test_bad_input_is_refused_before_any_request(panel, mapserver, qgis_iface):
    connect(panel)
    select(panel)
    count = len(mapserver.requests)
    panel.form.size_mode.setCurrentIndex(panel.form.size_mode.findData(RESOLUTION))
    panel.form.resx_edit.setText("")
    panel.fetch_button.click()
    assert panel.fetch_task is None and len(mapserver.requests) == count
    [message] = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Warning)
    assert "Enter a positive RESX" in message


def test_file_names_follow_the_coverage_and_format():
    assert (extension_for("GTiff"), extension_for("image/tiff"), extension_for("GEOTIFF_16")) == (".tif",) * 3
    assert (extension_for("image/png"), extension_for("JPEG"), extension_for("NetCDF")) == (".png", ".jpg", ".nc")
    assert extension_for("mystery") == ".dat"
    assert file_stem("ns:dem 1/2") == "ns_dem_1_2" and file_stem("::") == "coverage"


# --- defaults that fetch something useful (the part of the view the coverage covers) ----------------


def test_a_zoomed_out_world_view_fetches_only_the_coverage_at_its_native_resolution(panel, mapserver, qgis_iface,
                                                                                      tmp_path):
    use_canvas(qgis_iface, "EPSG:4326", QgsRectangle(-400, -300, 400, 300))  # past ±180/±90, as QGIS allows
    connect(panel)
    select(panel)
    out = tmp_path / "dem.tif"
    panel.form.output_widget.setFilePath(str(out))
    fetch(panel)
    query = last_query(mapserver)
    assert [float(v) for v in query["BBOX"].split(",")] == pytest.approx(BBOX, abs=1e-9)
    assert (query["WIDTH"], query["HEIGHT"]) == (str(WIDTH), str(HEIGHT))
    [layer] = raster_layers()
    assert (layer.width(), layer.height()) == (WIDTH, HEIGHT)
    np.testing.assert_array_equal(gdal.Open(str(out)).ReadAsArray(), expected_pixels(WIDTH, HEIGHT))


def test_a_view_that_misses_the_coverage_is_refused_with_a_message(panel, mapserver, qgis_iface):
    use_canvas(qgis_iface, "EPSG:4326", QgsRectangle(10, 10, 20, 17.5))
    connect(panel)
    select(panel)
    panel.form.output_widget.setFilePath("/nonexistent/never-written.tif")
    count = len(mapserver.requests)
    panel.fetch_button.click()
    assert panel.fetch_task is None and len(mapserver.requests) == count
    [message] = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Warning)
    assert message == ("EO Order:The map view does not overlap coverage 'dem' (lon/lat W, S, E, N: -76.4, 44.9, "
                       "-75.6, 45.5): pan or zoom the map to it, use the coverage's extent, or type a box.")
    panel.form.coverage_extent_button.click()  # the way out the message names
    assert panel.form.build_request().bbox == pytest.approx(BBOX)


@pytest.fixture(scope="module")
def utm_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("wcs_utm")
    tif = make_test_tiff(folder / "utm.tif", WIDTH, HEIGHT, (440000, 4980000, 504000, 5028000), epsg=32618)
    with MapServerWcs(folder / "srv", tif, coverage="utm", srs="EPSG:32618 EPSG:4326") as server:
        yield server


def test_native_resolution_comes_from_the_envelope_of_the_grid_s_crs(panel, utm_server, qgis_iface):
    """MapServer lists the EPSG:4326 envelope first and the native EPSG:32618 one second."""
    use_canvas(qgis_iface, "EPSG:32618", QgsRectangle(400000, 4950000, 560000, 5070000))
    panel.set_url(utm_server.url)
    connect(panel)
    select(panel, "utm")
    assert panel.form.crs_combo.currentData() == "EPSG:32618"
    assert (panel.form.width_spin.value(), panel.form.height_spin.value()) == (WIDTH, HEIGHT)
    assert float(panel.form.resx_edit.text()) == 1000 and float(panel.form.resy_edit.text()) == 1000
    panel.form.crs_combo.setCurrentIndex(panel.form.crs_combo.findData("EPSG:4326"))
    assert float(panel.form.resx_edit.text()) != pytest.approx(0.8 / WIDTH)  # never a 4326 box over the UTM grid
    assert (panel.form.width_spin.value(), panel.form.height_spin.value()) == pytest.approx((WIDTH, HEIGHT), abs=3)
    panel.settings.forget(utm_server.url)


def test_the_coverage_s_null_values_are_transparent_on_the_layer(panel, qgis_iface, tmp_path):
    """A GeoServer-shaped description with nullValues -9999 and a GeoTIFF without a no-data tag."""
    data = os.path.join(os.path.dirname(__file__), "..", "data", "wcs")
    tif = make_test_tiff(tmp_path / "sst.tif", 4, 4, (-77.0, 44.0, -76.0, 45.0))
    coverage = open(tif, "rb").read()
    with CannedServer({}) as server:
        caps = open(os.path.join(data, "geoserver_capabilities.xml"), "rb").read().replace(
            b"http://127.0.0.1/geoserver/wcs?", server.url_for("/geoserver/wcs?").encode())
        describe = open(os.path.join(data, "geoserver_describe.xml"), "rb").read()
        replies = {"GetCapabilities": (200, {"Content-Type": "text/xml"}, caps),
                   "DescribeCoverage": (200, {"Content-Type": "text/xml"}, describe),
                   "GetCoverage": (200, {"Content-Type": "image/tiff"}, coverage)}
        server.routes["/geoserver/wcs"] = lambda r: replies[dict(parse_qsl(r.query))["REQUEST"]]
        panel.set_url(server.url_for("/geoserver/wcs"))
        connect(panel)
        select(panel, "sea:sst")
        panel.form.output_widget.setFilePath(str(tmp_path / "out" / "sst.tif"))
        fetch(panel)
        panel.settings.forget(server.url_for("/geoserver/wcs"))
    [layer] = raster_layers()
    provider = layer.dataProvider()
    assert not provider.sourceHasNoDataValue(1)
    assert provider.userNoDataValuesContains(1, -9999.0) and not provider.userNoDataValuesContains(1, 0.0)


@pytest.fixture(params=["en", "fr"])
def language(request):
    """English, or EO Order's French translation installed for the test."""
    if request.param == "en":
        yield "en"
        return
    from qgis.PyQt.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(os.path.join(os.path.dirname(__file__), "..", "..", "i18n", "eo_order_fr.qm"))
    QCoreApplication.installTranslator(translator)
    yield "fr"
    QCoreApplication.removeTranslator(translator)


def test_the_wcs_tab_fits_a_420_px_dock_without_horizontal_scrolling(language, qgis_iface, qgis_new_project,
                                                                      shown_canvas, mapserver, qgis_parent):
    panel = WcsPanel(qgis_iface)
    panel.set_url(mapserver.url)
    try:
        assert panel.connect_button.text() == ("Se connecter" if language == "fr" else "Connect")
        connect(panel)
        select(panel)
        panel.form.advanced.setCollapsed(False)
        assert panel.minimumSizeHint().width() <= 420
        panel.setParent(qgis_parent, Qt.WindowType.Window)
        panel.resize(420, 600)
        panel.show()
        QCoreApplication.processEvents()
        assert panel.width() == 420
        assert panel.form.minimumSizeHint().width() <= panel.scroll.viewport().width()
        assert panel.form.width() <= panel.scroll.viewport().width()
        assert panel.scroll.horizontalScrollBar().maximum() == 0
    finally:
        panel.hide()
        panel.settings.forget(mapserver.url)
        panel.shutdown()
        panel.deleteLater()


def test_a_world_view_in_degrees_asks_a_mercator_request_for_the_coverage_only(panel, mapserver, qgis_iface,
                                                                                 tmp_path):
    use_canvas(qgis_iface, "EPSG:4326", QgsRectangle(-400, -300, 400, 300))
    connect(panel)
    select(panel)
    panel.form.crs_combo.setCurrentIndex(panel.form.crs_combo.findData("EPSG:3857"))
    request = panel.form.build_request()
    to_merc = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"),
                                     QgsCoordinateReferenceSystem("EPSG:3857"), QgsProject.instance())
    merc = to_merc.transformBoundingBox(QgsRectangle(*BBOX))
    assert request.bbox == pytest.approx((merc.xMinimum(), merc.yMinimum(), merc.xMaximum(), merc.yMaximum()),
                                         rel=1e-6)
    assert (request.width, request.height) == pytest.approx((WIDTH, HEIGHT), abs=2)
