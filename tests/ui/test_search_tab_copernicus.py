"""The Search tab with Copernicus Data Space end to end against local fakes of the CDSE catalogue, identity and download
hosts: canvas extent → search task → product layer + query log → Download selected / right-click →
verified files, ``downloaded`` in the layer and the log, Open in QGIS."""

import datetime as dt
import hashlib
import os
from pathlib import Path

import pytest
from osgeo import gdal
from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsPointXY,
    QgsProject,
    QgsRasterLayer,
    QgsRectangle,
    QgsWkbTypes,
)
from qgis.gui import QgsMapMouseEvent
from qgis.PyQt.QtCore import QDate, QEvent, QPoint, Qt
from qgis.PyQt.QtWidgets import QMenu

from eo_order.core.connections import CDSE
from eo_order.core.footprints import QUERY_LOG_PROPERTY
from eo_order.core.querylog import read_query_log
from eo_order.core.settings import Settings
from eo_order.ui.search_tab import SearchTab
from tests.conftest import wait_for
from tests.servers.cdse import CdseServer, make_products
from tests.servers.cdse_download import PASSWORD, USERNAME, Content, DownloadServer, IdentityServer, Product

# Four products side by side along 46.5 N, one every half degree of longitude.
RINGS = [((6.0 + i, 46.0), (6.4 + i, 46.0), (6.4 + i, 47.0), (6.0 + i, 47.0), (6.0 + i, 46.0)) for i in range(4)]
FAULTS = {1: ("429-once",), 3: ("offline",)}


def geotiff_bytes(tmp_path):
    """A 4x3 GeoTIFF over RINGS[2] whose pixels are 0..11."""
    import numpy as np

    path = str(tmp_path / "product.tif")
    dataset = gdal.GetDriverByName("GTiff").Create(path, 4, 3, 1, gdal.GDT_Byte)
    dataset.SetGeoTransform((8.0, 0.1, 0, 47.0, 0, -1 / 3))
    dataset.SetProjection('GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563]],'
                          'PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433],AUTHORITY["EPSG","4326"]]')
    dataset.GetRasterBand(1).WriteArray(np.arange(12, dtype=np.uint8).reshape(3, 4))
    dataset = None
    return Path(path).read_bytes()


@pytest.fixture
def cdse(tmp_path):
    """Catalogue (127.0.0.1) and download host (127.0.0.2) serving the same four products."""
    entries = make_products(4, start="2022-05-03T10:00:00Z", step=dt.timedelta(hours=1), footprint=list(RINGS),
                            cloud=[10, 20, 30, 40])
    products = []
    for index, entry in enumerate(entries):
        if index == 2:  # a product GDAL can read, for Open in QGIS
            name, content = "S2A_MSIL2A_20220503T120000_TEST.tif", Content(geotiff_bytes(tmp_path))
        else:
            name, content = entry["Name"], Content.random(150_000 + 10_000 * index, seed=index)
        product = Product(name, content, FAULTS.get(index, ()), product_id=entry["Id"])
        entry.update(product.catalogue_entry())
        products.append(product)
    identity = IdentityServer()
    download = DownloadServer(identity, products)
    with CdseServer(entries) as catalogue:
        yield catalogue, identity, download, products
    identity.stop()
    download.stop()


@pytest.fixture
def panel(qgis_iface, qgis_new_project, cdse, make_authcfg, tmp_path):
    catalogue, identity, download, _products = cdse
    settings = Settings()
    settings.set_cdse_urls(catalogue.url, download.products_url, identity.token_url)
    settings.cdse_folder = str(tmp_path / "downloads")
    settings.cdse_authcfg = make_authcfg(USERNAME, PASSWORD, name="CDSE test")
    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    canvas.setExtent(QgsRectangle(5.5, 45.5, 10.5, 47.5))
    widget = SearchTab(qgis_iface)
    widget.select_catalogue(CDSE)
    widget.collection_combo.setCurrentText("SENTINEL-2")
    widget.start_edit.setDate(QDate(2022, 5, 3))
    widget.end_edit.setDate(QDate(2022, 5, 4))
    yield widget
    widget.shutdown()
    settings.set_cdse_urls()
    settings.cdse_folder = ""
    settings.cdse_authcfg = ""
    qgis_iface.messageBar().clear_messages()


def search(panel):
    task = panel.search()
    assert task is not None
    wait_for(lambda: panel.task is None)
    assert panel.layer is not None, panel.status.text()
    return panel.layer


def select(panel, indexes):
    ids = [f.id() for f in panel.layer.getFeatures()]
    panel.layer.selectByIds([ids[i] for i in indexes])


def downloaded_flags(layer):
    return {f["name"]: bool(f["downloaded"]) for f in layer.getFeatures()}


def test_search_fills_the_layer_table_and_query_log(panel, cdse):
    catalogue, *_ = cdse
    panel.cloud_spin.setValue(30)
    layer = search(panel)
    assert layer.featureCount() == 3  # cloud 40 % is out
    assert QgsProject.instance().mapLayer(layer.id()) is layer
    assert panel.table.rowCount() == 3
    assert QgsWkbTypes.flatType(layer.wkbType()) == QgsWkbTypes.Type.MultiPolygon
    [query] = [q for q in catalogue.queries() if "$filter" in q]
    assert "att/OData.CSC.DoubleAttribute/Value le 30.00" in query["$filter"][0]
    assert "ContentDate/Start ge 2022-05-03T00:00:00.000Z" in query["$filter"][0]
    log_path = layer.customProperty(QUERY_LOG_PROPERTY)
    header, rows = read_query_log(log_path)
    assert header["Collection"] == "SENTINEL-2" and header["MaxCloud"] == "30"
    assert [r["Name"] for r in rows] == [f["name"] for f in layer.getFeatures()]
    assert not any(r["Downloaded"] for r in rows)
    assert os.path.basename(log_path) in panel.status.text() and log_path in panel.status.toolTip()


def test_download_selected_verifies_files_and_marks_layer_and_log(panel, cdse, tmp_path, qgis_iface):
    _catalogue, identity, download, products = cdse
    layer = search(panel)
    select(panel, [0, 1, 3])
    assert panel.download_button.isEnabled()
    panel.download_button.click()
    assert panel.downloads.busy and panel.stop_button.isEnabled()
    wait_for(lambda: not panel.downloads.busy, timeout=60)

    folder = tmp_path / "downloads"
    for index in (0, 1):
        data = (folder / (products[index].name + ".zip")).read_bytes()
        assert hashlib.md5(data).hexdigest() == products[index].content.md5
    assert not list(folder.glob("*.part"))
    names = [p.name for p in products]
    assert downloaded_flags(layer) == {names[0]: True, names[1]: True, names[2]: False, names[3]: False}
    _header, rows = read_query_log(layer.customProperty(QUERY_LOG_PROPERTY))
    assert {r["Name"]: r["Downloaded"] for r in rows} == downloaded_flags(layer)
    assert identity.logins == 1
    column = panel.table.columns.index("downloaded")
    downloaded_column = [panel.table.item(r, column).text() for r in range(panel.table.rowCount())]
    assert downloaded_column.count("yes") == 2
    [summary] = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Warning)
    assert "2 verified" in summary and "1 offline" in summary and "offline (in the long-term archive)" in summary
    assert "2 of 3 products on disk" in panel.progress_label.text()


def test_right_click_on_a_product_downloads_it(panel, cdse, tmp_path, qgis_iface):
    _catalogue, _identity, download, products = cdse
    layer = search(panel)
    canvas = qgis_iface.mapCanvas()
    canvas.setLayers([layer])
    pixel = canvas.getCoordinateTransform().transform(QgsPointXY(6.2, 46.5))  # inside RINGS[0] only
    event = QgsMapMouseEvent(canvas, QEvent.Type.MouseButtonPress, QPoint(int(pixel.x()), int(pixel.y())),
                             Qt.MouseButton.RightButton)
    menu = QMenu()
    canvas.contextMenuAboutToShow.emit(menu, event)
    [action] = [a for a in menu.actions() if a.text().startswith("Download this product")]
    assert products[0].name in action.text()
    action.trigger()
    wait_for(lambda: not panel.downloads.busy, timeout=30)
    assert [pid for pid, status in download.statuses if status in (200, 206)] == [products[0].id]
    assert downloaded_flags(layer)[products[0].name] is True


def test_open_in_qgis_adds_the_downloaded_raster(panel, cdse, tmp_path):
    *_rest, products = cdse
    layer = search(panel)
    select(panel, [2])
    assert not panel.open_button.isEnabled()
    panel.download_selected()
    wait_for(lambda: not panel.downloads.busy, timeout=30)
    assert panel.open_button.isEnabled()
    [raster] = panel.open_selected()
    assert isinstance(raster, QgsRasterLayer) and raster.isValid()
    assert QgsProject.instance().mapLayer(raster.id()) is raster
    assert (raster.width(), raster.height()) == (4, 3)
    assert raster.dataProvider().sample(QgsPointXY(8.05, 46.9), 1)[0] == 0
    assert raster.dataProvider().sample(QgsPointXY(8.35, 46.1), 1)[0] == 11
    assert layer.featureCount() == 4


def test_download_without_an_account_says_what_to_do(panel, qgis_iface):
    Settings().cdse_authcfg = ""
    search(panel)
    select(panel, [0])
    assert panel.download_selected() is None
    [message] = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Warning)
    assert "Copernicus Data Space" in message and "authentication configuration" in message


def test_wrong_dates_are_refused_before_any_request(panel, cdse, qgis_iface):
    catalogue, *_ = cdse
    panel.start_edit.setDate(QDate(2022, 5, 4))
    panel.end_edit.setDate(QDate(2022, 5, 3))
    assert panel.search() is None
    assert "is not before the end date" in panel.status.text()
    assert catalogue.queries() == []


def test_cancel_frees_the_search_button_at_once_and_the_task_ends_within_a_second(qgis_iface, qgis_new_project,
                                                                                tmp_path):
    import time

    from qgis.core import QgsApplication

    from tests.servers.canned import CannedServer

    with CannedServer({"/odata/v1/Products": (200, {"Content-Type": "application/json"}, b"{}", 600)}) as silent:
        settings = Settings()
        settings.set_cdse_urls(silent.url_for("/odata/v1/Products"))
        settings.cdse_folder = str(tmp_path / "downloads")
        widget = SearchTab(qgis_iface)
        widget.select_catalogue(CDSE)
        widget.start_edit.setDate(QDate(2022, 5, 3))
        widget.end_edit.setDate(QDate(2022, 5, 4))
        widget.extent_box.set_box((5.5, 45.5, 10.5, 47.5))
        try:
            task = widget.search()
            assert task is not None, widget.status.text()
            wait_for(lambda: silent.requests, timeout=5)
            widget.cancel_button.click()
            assert widget.search_button.isEnabled() and not widget.cancel_button.isEnabled()
            assert widget.status.text() == "Search cancelled: nothing was added."
            cancelled_at = time.monotonic()
            wait_for(lambda: task not in QgsApplication.taskManager().activeTasks(), timeout=10)
            assert time.monotonic() - cancelled_at < 1.5
        finally:
            widget.shutdown()
            settings.set_cdse_urls()
            settings.cdse_folder = ""


def test_online_and_downloaded_columns_stay_in_view_and_offline_products_are_flagged(panel, cdse):
    *_rest, products = cdse
    panel.resize(420, 600)
    panel.show()
    try:
        search(panel)
        wait_for(lambda: panel.table.viewport().width() > 0)
        table, header = panel.table, panel.table.horizontalHeader()
        assert table.columns[-1] == "name"  # the long name takes what is left, last
        for name in ("sensing_start", "online", "downloaded"):
            column = table.columns.index(name)
            assert header.sectionViewportPosition(column) + header.sectionSize(column) <= table.viewport().width()
        online = table.columns.index("online")
        names = {table.item(r, table.columns.index("name")).text(): table.item(r, online).text()
                 for r in range(table.rowCount())}
        assert names[products[3].name] == "no" and names[products[0].name] == "yes"  # offline, before any download
        assert header.sortIndicatorSection() == table.columns.index("sensing_start")
        assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    finally:
        panel.hide()


def test_default_dates_that_find_nothing_get_a_hint_that_a_later_success_replaces(qgis_iface, qgis_new_project,
                                                                                cdse, tmp_path):
    catalogue, *_ = cdse
    settings = Settings()
    settings.set_cdse_urls(catalogue.url)
    settings.cdse_folder = str(tmp_path / "downloads")
    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    canvas.setExtent(QgsRectangle(5.5, 45.5, 10.5, 47.5))
    widget = SearchTab(qgis_iface)
    try:
        widget.select_catalogue(CDSE)
        widget.collection_combo.setCurrentText("SENTINEL-2")
        assert widget.start_edit.date() == QDate.currentDate().addDays(-30)  # the automatic dates
        widget.search()
        wait_for(lambda: widget.task is None)
        assert widget.layer is None
        assert widget.status.text() == (
            "No products match this collection, area, period and cloud cover. The dates are the last 30 days: "
            "new products can take days to appear in the catalogue; choose an earlier period.")
        widget.start_edit.setDate(QDate(2022, 5, 3))
        widget.end_edit.setDate(QDate(2022, 5, 4))
        widget.search()
        wait_for(lambda: widget.task is None)
        text = widget.status.text()
        assert text.startswith(f"4 products in layer “{widget.layer.name()}”. Query log: OData_")
        assert "last 30 days" not in text and widget.layer.customProperty(QUERY_LOG_PROPERTY) in widget.status.toolTip()
    finally:
        widget.shutdown()
        settings.set_cdse_urls()
        settings.cdse_folder = ""
        qgis_iface.messageBar().clear_messages()


def test_the_automatic_dates_do_not_follow_to_a_catalogue_that_does_not_need_them(qgis_iface, qgis_new_project):
    widget = SearchTab(qgis_iface)
    try:
        widget.select_catalogue(CDSE)
        assert not widget.start_edit.isNull()
        widget.select_catalogue("csw")
        assert widget.start_edit.isNull() and widget.end_edit.isNull()  # a CSW search is not cut to 30 days
        assert widget.title_edit.isVisibleTo(widget) and not widget.cloud_spin.isVisibleTo(widget)
        assert widget.download_box.isHidden()
    finally:
        widget.shutdown()
