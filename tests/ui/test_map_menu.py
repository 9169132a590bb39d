"""The map's right-click lists every EO Order footprint under the click (topmost layer and newest
first, labelled by date, collection/beam and id; Copernicus products by sensing date and name),
in sub-menus past ten: the real OrderController / DownloadController menus."""

import datetime as dt

import pytest
from qgis.core import QgsPointXY, QgsProject
from qgis.gui import QgsMapMouseEvent
from qgis.PyQt.QtCore import QEvent, QPoint, Qt
from qgis.PyQt.QtWidgets import QMenu

from eo_order.core.cdse_search import Product
from eo_order.core.footprints import features_from_products, features_from_records, footprint_layer
from eo_order.core.models import Record
from eo_order.ui import downloading, ordering

UTC = dt.timezone.utc
BOX = (-76.5, 45.0, -75.5, 46.0)  # every footprint covers the click at (-76, 45.5)


def right_click(canvas, lon=-76.0, lat=45.5):
    pixel = canvas.getCoordinateTransform().transform(QgsPointXY(lon, lat))
    event = QgsMapMouseEvent(canvas, QEvent.Type.MouseButtonPress, QPoint(int(pixel.x()), int(pixel.y())),
                             Qt.MouseButton.RightButton)
    menu = QMenu()
    canvas.contextMenuAboutToShow.emit(menu, event)
    return menu


def show(canvas, *layers):
    QgsProject.instance().addMapLayers(list(layers))
    canvas.setDestinationCrs(layers[0].crs())
    canvas.setLayers(list(layers))
    extent = layers[0].extent()
    extent.scale(1.5)
    canvas.setExtent(extent)


def records_layer(name, count, first_day=1, collection="Radarsat2", beam="SCNB"):
    records = [Record(f"{7000 + i}", title="RS2", date=f"2013-03-{first_day + i:02d}", bbox=BOX,
                      collection_id=collection, subjects=[beam]) for i in range(count)]
    return footprint_layer(name, features_from_records(records, "test"))


@pytest.fixture
def controller(qgis_iface, qgis_new_project, tmp_path):
    ordered = []
    control = ordering.OrderController(qgis_iface, str(tmp_path / "orders.sqlite"))
    control.request_order = lambda features: ordered.append([f["record_id"] for f in features])
    control.ordered = ordered
    yield control
    control.shutdown()


def texts(menu):
    return [a.text() for a in menu.actions() if a.text()]


def test_eight_overlapping_scenes_are_all_listed_newest_first_with_date_beam_and_id(controller, qgis_iface):
    canvas = qgis_iface.mapCanvas()
    show(canvas, records_layer("scenes", 8))
    menu = right_click(canvas)
    labels = texts(menu)
    assert labels == [f"Order this scene: 2013-03-{d:02d} · Radarsat2 SCNB · {7000 + d - 1}" for d in range(8, 0, -1)]
    menu.actions()[-1].trigger()  # the oldest
    assert controller.ordered == [["7000"]]


def test_past_ten_footprints_each_action_is_a_submenu_listing_all_topmost_layer_first(controller, qgis_iface):
    canvas = qgis_iface.mapCanvas()
    top = records_layer("top", 3, first_day=1, collection="Radarsat1", beam="F2")
    below = records_layer("below", 10, first_day=10)
    show(canvas, top, below)
    menu = right_click(canvas)
    [submenu] = [a.menu() for a in menu.actions() if a.menu() is not None]
    assert menu.actions()[-1].text() == "Order one of 13 scenes here"
    labels = texts(submenu)
    assert len(labels) == 13
    assert labels[:4] == ["2013-03-03 · Radarsat1 F2 · 7002", "2013-03-02 · Radarsat1 F2 · 7001",
                          "2013-03-01 · Radarsat1 F2 · 7000", "2013-03-19 · Radarsat2 SCNB · 7009"]
    assert labels[-1] == "2013-03-10 · Radarsat2 SCNB · 7000"
    submenu.actions()[3].trigger()
    assert controller.ordered == [["7009"]]


def test_copernicus_products_are_labelled_by_sensing_date_and_name(qgis_iface, qgis_new_project):
    wkt = "POLYGON((-76.5 45, -75.5 45, -75.5 46, -76.5 46, -76.5 45))"
    products = [Product(f"id-{day}", name=f"S2A_MSIL1C_202205{day:02d}T102031_N0400_R065_T32TMS.SAFE",
                        collection="SENTINEL-2", sensing_start=dt.datetime(2022, 5, day, 10, 20, tzinfo=UTC),
                        footprint_wkt=wkt) for day in (3, 13, 8)]
    layer = footprint_layer("products", features_from_products(products), kind="products")
    canvas = qgis_iface.mapCanvas()
    show(canvas, layer)
    control = downloading.DownloadController(qgis_iface)
    requested = []
    control.request_download = lambda la, features: requested.append([f["product_id"] for f in features])
    try:
        menu = right_click(canvas)
        assert texts(menu) == [f"Download this product: 2022-05-{d:02d} · S2A_MSIL1C_202205{d:02d}T102031_N0400_"
                               f"R065_T32TMS.SAFE" for d in (13, 8, 3)]
        menu.actions()[-1].trigger()
        assert requested == [["id-3"]]
    finally:
        control.shutdown()
