"""*Show quicklooks* from the GUI: selected footprints → task → raster layers in a group next to the
footprint layer, and what the message bar says (nothing selected, records without a quicklook,
thumbnails that fail)."""

import datetime as dt

import pytest
from qgis.core import Qgis, QgsApplication, QgsLayerTreeGroup, QgsProject, QgsRasterLayer

from eo_order.core.cdse_search import Product
from eo_order.core.footprints import features_from_products, features_from_records, footprint_layer
from eo_order.core.models import Record
from eo_order.core.quicklook import QuicklookCache
from eo_order.ui import quicklooks
from eo_order.ui.quicklooks import show_quicklooks
from tests.conftest import wait_for
from tests.servers.canned import CannedServer
from tools.pycsw_server import radar_thumbnail

UTC = dt.timezone.utc
BOXES = {"1508207": (-76.45, 45.14, -76.30, 45.30), "1508208": (-76.10, 45.40, -75.95, 45.55),
         "1508209": (-75.60, 45.10, -75.45, 45.25), "1508210": (-75.30, 45.10, -75.15, 45.25)}


@pytest.fixture
def thumbs():
    routes = {f"/wes/getObject/{rid}": (200, {"Content-Type": "image/png"}, radar_thumbnail(rid), 0)
              for rid in ("1508207", "1508208")}
    routes["/odata/v1/Assets(ql-1)/$value"] = (200, {"Content-Type": "image/png"}, radar_thumbnail("ql-1"), 0)
    with CannedServer(routes) as server:  # 1508209's thumbnail answers 404
        yield server


@pytest.fixture
def cache(tmp_path):
    return QuicklookCache(tmp_path / "quicklooks")


@pytest.fixture
def records(qgis_new_project, qgis_iface, thumbs):
    """Four EODMS footprints; 1508210 has no THUMBVIEW link."""
    items = [Record(rid, title="Radarsat-1 Raw Scenes", date="2013-02-21", bbox=box, collection_id="Radarsat1",
                    references={} if rid == "1508210" else {"THUMBVIEW": [thumbs.url_for(f"/wes/getObject/{rid}")]})
             for rid, box in BOXES.items()]
    layer = footprint_layer("EODMS catalogue · 4 scenes", features_from_records(items, "test"))
    QgsProject.instance().addMapLayer(layer)
    yield layer
    wait_for(lambda: not quicklooks.RUNNING)
    qgis_iface.messageBar().clear_messages()


def select(layer, *record_ids):
    layer.selectByIds([f.id() for f in layer.getFeatures() if f["record_id"] in record_ids])


def messages(iface, level):
    return iface.messageBar().get_messages(level)


def test_selected_footprints_become_raster_layers_in_a_group_below_the_footprints(records, qgis_iface, cache,
                                                                                   thumbs):
    select(records, "1508207", "1508208")
    task = show_quicklooks(qgis_iface, records, cache=cache)
    assert task in quicklooks.RUNNING  # kept alive while it runs
    wait_for(lambda: messages(qgis_iface, Qgis.MessageLevel.Success))
    assert not quicklooks.RUNNING
    root = QgsProject.instance().layerTreeRoot()
    footprint_node, group = root.children()  # the footprints stay drawn on top of the images
    assert isinstance(group, QgsLayerTreeGroup) and group.name() == records.name()
    assert footprint_node.layerId() == records.id()
    layers = [node.layer() for node in group.children()]
    assert [la.name() for la in layers] == ["2013-02-21 · Radarsat1 · 1508207", "2013-02-21 · Radarsat1 · 1508208"]
    assert all(isinstance(la, QgsRasterLayer) and la.isValid() for la in layers)
    # Each raster sits on its footprint.
    for layer in layers:
        west, south, east, north = BOXES[layer.name().rsplit(" · ", 1)[-1]]
        extent = layer.extent()
        assert abs(extent.xMinimum() - west) < 0.01 and abs(extent.yMaximum() - north) < 0.01
    [summary] = messages(qgis_iface, Qgis.MessageLevel.Success)
    assert "Showing 2 quicklook(s)" in summary and records.name() in summary
    assert messages(qgis_iface, Qgis.MessageLevel.Warning) == []

    # Again: the same layers, nothing fetched again.
    count = len(thumbs.requests)
    qgis_iface.messageBar().clear_messages()
    show_quicklooks(qgis_iface, records, cache=cache)
    wait_for(lambda: messages(qgis_iface, Qgis.MessageLevel.Success))
    assert [node.layerId() for node in group.children()] == [la.id() for la in layers]
    assert len(thumbs.requests) == count


def test_nothing_selected_says_so_and_starts_nothing(records, qgis_iface, cache):
    assert show_quicklooks(qgis_iface, records, cache=cache) is None
    [message] = messages(qgis_iface, Qgis.MessageLevel.Warning)
    assert "Select one or more footprints first" in message
    assert not quicklooks.RUNNING and len(QgsProject.instance().layerTreeRoot().children()) == 1


def test_records_without_a_thumbnail_and_failing_thumbnails_are_reported(records, qgis_iface, cache):
    select(records, "1508207", "1508209", "1508210")
    assert show_quicklooks(qgis_iface, records, cache=cache) is not None
    [info] = messages(qgis_iface, Qgis.MessageLevel.Info)
    assert "1 of the selected records have no quicklook" in info
    wait_for(lambda: messages(qgis_iface, Qgis.MessageLevel.Warning))
    [warning] = messages(qgis_iface, Qgis.MessageLevel.Warning)
    assert "Showing 1 quicklook(s)" in warning and "1 of 2 quicklook(s) could not be shown" in warning
    assert "1508209: " in warning and "404" in warning
    assert [la.name() for la in QgsProject.instance().mapLayers().values() if isinstance(la, QgsRasterLayer)] \
        == ["2013-02-21 · Radarsat1 · 1508207"]


def test_cancel_all_stops_running_tasks_and_adds_nothing(records, qgis_iface, cache, thumbs):
    thumbs.routes["/wes/getObject/1508207"] = (200, {"Content-Type": "image/png"}, radar_thumbnail("x"), 1.0)
    select(records, "1508207", "1508208")
    assert show_quicklooks(qgis_iface, records, cache=cache) is not None
    wait_for(lambda: thumbs.requests)
    quicklooks.cancel_all()
    assert not quicklooks.RUNNING
    wait_for(lambda: QgsApplication.taskManager().countActiveTasks() == 0)
    assert [la for la in QgsProject.instance().mapLayers().values() if isinstance(la, QgsRasterLayer)] == []
    assert [r.path for r in thumbs.requests] == ["/wes/getObject/1508207"]


def test_only_records_without_a_thumbnail_start_nothing(records, qgis_iface, cache):
    select(records, "1508210")
    assert show_quicklooks(qgis_iface, records, cache=cache) is None
    [message] = messages(qgis_iface, Qgis.MessageLevel.Warning)
    assert "None of the selected records has a quicklook" in message


def test_copernicus_products_use_their_quicklook_url(qgis_new_project, qgis_iface, thumbs, cache):
    products = [Product("ql-1", name="S1A_IW_GRDH_1SDV_20220503.SAFE", collection="SENTINEL-1",
                        sensing_start=dt.datetime(2022, 5, 3, 10, tzinfo=UTC),
                        sensing_end=dt.datetime(2022, 5, 3, 10, 1, tzinfo=UTC), checksum_md5="0" * 32,
                        footprint_wkt="POLYGON((10.1 46.0, 11.3 46.2, 11.0 47.1, 9.8 46.9, 10.1 46.0))",
                        quicklook_url=thumbs.url_for("/odata/v1/Assets(ql-1)/$value"))]
    layer = footprint_layer("Copernicus SENTINEL-1 · 1 product", features_from_products(products), kind="products")
    QgsProject.instance().addMapLayer(layer)
    root = QgsProject.instance().layerTreeRoot()
    search = root.insertGroup(0, "Copernicus searches")
    search.addLayer(layer)
    root.removeLayer(layer)
    show_quicklooks(qgis_iface, layer, list(layer.getFeatures()), cache=cache)  # features given: no selection
    wait_for(lambda: messages(qgis_iface, Qgis.MessageLevel.Success))
    footprint_node, subgroup = search.children()
    assert subgroup.name() == "Quicklooks" and footprint_node.layerId() == layer.id()
    [raster] = [node.layer() for node in subgroup.children()]
    assert raster.name() == "2022-05-03 · S1A_IW_GRDH_1SDV_20220503.SAFE" and raster.isValid()
    extent = raster.extent()
    assert abs(extent.xMinimum() - 9.8) < 0.02 and abs(extent.yMaximum() - 47.1) < 0.02
    qgis_iface.messageBar().clear_messages()


def test_a_layer_that_is_not_a_footprint_layer_is_refused(qgis_new_project, qgis_iface, cache):
    from qgis.core import QgsVectorLayer

    other = QgsVectorLayer("Point?crs=EPSG:4326&field=name:string", "towns", "memory")
    QgsProject.instance().addMapLayer(other)
    assert show_quicklooks(qgis_iface, other, cache=cache) is None
    assert show_quicklooks(qgis_iface, None, cache=cache) is None
    warnings = messages(qgis_iface, Qgis.MessageLevel.Warning)
    assert len(warnings) == 2 and all("Choose a footprint layer" in w for w in warnings)
    qgis_iface.messageBar().clear_messages()


def test_right_click_on_a_footprint_shows_its_quicklook(records, qgis_iface, tmp_path, monkeypatch):
    from qgis.core import QgsPointXY
    from qgis.gui import QgsMapMouseEvent
    from qgis.PyQt.QtCore import QEvent, QPoint, Qt
    from qgis.PyQt.QtWidgets import QMenu

    from eo_order.ui import ordering

    shown = []
    monkeypatch.setattr(ordering, "show_quicklooks", lambda iface, layer, features: shown.append(
        (layer.id(), [f["record_id"] for f in features])))
    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(records.crs())
    canvas.setLayers([records])
    canvas.setExtent(records.extent())
    controller = ordering.OrderController(qgis_iface, str(tmp_path / "orders.sqlite"))
    try:
        pixel = canvas.getCoordinateTransform().transform(QgsPointXY(-76.0, 45.47))  # inside 1508208
        event = QgsMapMouseEvent(canvas, QEvent.Type.MouseButtonPress, QPoint(int(pixel.x()), int(pixel.y())),
                                 Qt.MouseButton.RightButton)
        menu = QMenu()
        canvas.contextMenuAboutToShow.emit(menu, event)
        labels = [a.text() for a in menu.actions() if a.text()]
        assert labels == ["Order this scene: 2013-02-21 · Radarsat1 · 1508208",
                          "Show quicklook: 2013-02-21 · Radarsat1 · 1508208"]
        next(a for a in menu.actions() if a.text().startswith("Show quicklook")).trigger()
        assert shown == [(records.id(), ["1508208"])]
    finally:
        controller.shutdown()
