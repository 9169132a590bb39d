"""The History tab: searches from the Search tab (every catalogue) are kept (across plugin reloads),
re-run exactly, and their boxes loaded back, against a real pycsw and the local OData fake."""

import datetime as dt

import pytest
from lxml import etree
from qgis.core import QgsCoordinateReferenceSystem, QgsFeature, QgsGeometry, QgsProject, QgsRectangle, QgsVectorLayer
from qgis.PyQt.QtCore import QDate

import eo_order
from eo_order.core.connections import CDSE
from eo_order.ui.dock import EoOrderDock
from tests.conftest import wait_for
from tests.servers.cdse import CdseServer, make_products
from tools.pycsw_server import PycswServer
from tools.sample_records import make_record

GML = "{http://www.opengis.net/gml}"
INSIDE = (-75.95, 45.2, -75.55, 45.45)


@pytest.fixture(scope="module")
def csw(tmp_path_factory, qgis_app):
    records = [make_record(str(i), f"2011-0{i + 1}-15", INSIDE, crs="epsg_urn") for i in range(3)]
    with PycswServer(records, tmp_path_factory.mktemp("pycsw")) as server:
        yield server


@pytest.fixture(scope="module")
def odata():
    triangle_products = make_products(3, start="2022-05-03T10:00:00Z", footprint=((6, 46), (7, 46), (7, 47), (6, 46)))
    far = make_products(2, start="2022-05-03T10:00:00Z", footprint=((9, 46), (9.5, 46), (9.5, 46.1), (9, 46)),
                        tag="far")
    with CdseServer(triangle_products + far) as server:
        yield server


@pytest.fixture
def make_dock(qgis_iface, qgis_new_project, tmp_path):
    docks = []

    def make():
        dock = EoOrderDock(qgis_iface, journal_path=tmp_path / "orders.sqlite",
                           history_path=tmp_path / "history.sqlite")
        docks.append(dock)
        return dock

    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    canvas.setExtent(QgsRectangle(-76.3556, 44.9617, -75.2466, 45.5371))
    yield make
    for dock in docks:
        dock.shutdown()
    qgis_iface.messageBar().clear_messages()


def envelope(body):
    found = etree.fromstring(body).find(f".//{GML}Envelope")
    return found.findtext(f"{GML}lowerCorner"), found.findtext(f"{GML}upperCorner")


def test_searches_are_kept_across_a_reload_and_rerun_exactly(make_dock, csw, qgis_iface):
    dock = make_dock()
    dock.search.add_catalog(csw.url)
    dock.search.end_edit.setDate(QDate(2011, 3, 1))
    dock.search.search()
    wait_for(lambda: dock.search.task is None)
    assert dock.history_panel.table.rowCount() == 1
    assert dock.history_panel.table.item(0, 4).text() == "2"  # records of January and February
    first = csw.requests[-1]
    dock.shutdown()

    qgis_iface.mapCanvas().setExtent(QgsRectangle(0, 0, 1, 1))  # elsewhere: the re-run must not use it
    again = make_dock()
    assert again.history_panel.table.rowCount() == 1
    again.history_panel.table.selectRow(0)
    again.history_panel.rerun_button.click()
    assert again.tabs.currentWidget() is again.search and again.search.task is not None
    wait_for(lambda: again.search.task is None)
    assert envelope(csw.requests[-1]) == envelope(first)
    assert again.history_panel.table.rowCount() == 2
    assert again.search.end_edit.date() == QDate(2011, 3, 1)


def test_load_box_sets_the_search_box_and_shows_it(make_dock, csw, qgis_iface):
    dock = make_dock()
    dock.history.add("csw", "CSW", csw.url, {"bbox": [-80, 40, -79, 41], "start": None, "end": None,
                                               "title": "*", "max_records": 10}, 0)
    dock.history_panel.refresh()
    dock.history_panel.table.selectRow(0)
    dock.history_panel.box_button.click()
    box = dock.search.extent_box.outputExtent()
    assert (box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum()) == (-80, 40, -79, 41)
    assert qgis_iface.mapCanvas().extent().contains(QgsRectangle(-80, 40, -79, 41))


def test_copernicus_rerun_uses_the_exact_polygon_searched(make_dock, odata, qgis_iface, tmp_path):
    from eo_order.core.settings import Settings

    settings = Settings()
    settings.set_cdse_urls(odata.url)
    settings.cdse_folder = str(tmp_path / "cdse")
    try:
        aoi = QgsVectorLayer("Polygon?crs=EPSG:4326", "aoi", "memory")
        feature = QgsFeature()
        feature.setGeometry(QgsGeometry.fromWkt("POLYGON((5.5 45.5, 8 45.5, 5.5 48, 5.5 45.5))"))
        aoi.dataProvider().addFeatures([feature])
        QgsProject.instance().addMapLayer(aoi)
        aoi.selectAll()
        qgis_iface.setActiveLayer(aoi)
        dock = make_dock()
        panel = dock.search
        panel.select_catalogue(CDSE)
        panel.start_edit.setDate(QDate(2022, 5, 3))
        panel.end_edit.setDate(QDate(2022, 5, 4))
        panel.polygon_check.setChecked(True)
        panel.search()
        wait_for(lambda: panel.task is None)
        assert panel.layer.featureCount() == 3  # the triangle misses the far products
        searched = [q for q in odata.queries() if "$filter" in q][-1]["$filter"][0]

        dock.history_panel.table.selectRow(0)
        dock.history_panel.rerun_button.click()
        wait_for(lambda: panel.task is None)
        assert [q for q in odata.queries() if "$filter" in q][-1]["$filter"][0] == searched
        assert panel.layer.featureCount() == 3
        assert {tuple(p) for p in dock.history.entries()[0].params["polygon"]} == {(5.5, 45.5), (8.0, 45.5),
                                                                                 (5.5, 48.0)}
    finally:
        settings.set_cdse_urls()
        settings.cdse_folder = ""


def test_history_survives_a_plugin_reload(qgis_iface, qgis_new_project):
    plugin = eo_order.classFactory(qgis_iface)
    plugin.initGui()
    plugin.action.trigger()
    plugin.dock.history.clear()
    plugin.dock.history.add("csw", "EODMS catalogue", "https://example/csw",
                            {"bbox": [-76, 45, -75, 46], "start": None, "end": "2013-03-29", "title": "*",
                             "max_records": 1000}, 12, searched_at=dt.datetime(2026, 1, 2, tzinfo=dt.timezone.utc))
    plugin.unload()

    reloaded = eo_order.classFactory(qgis_iface)
    reloaded.initGui()
    reloaded.action.trigger()
    try:
        panel = reloaded.dock.history_panel
        assert panel.table.rowCount() == 1 and panel.table.item(0, 4).text() == "12"
        assert "2013-03-29" in panel.table.item(0, 2).text()
    finally:
        reloaded.dock.history.clear()
        reloaded.unload()


def test_rerun_restores_an_open_start_as_no_limit_not_a_greyed_today(make_dock, csw):
    dock = make_dock()
    dock.history.add("csw", "CSW", csw.url, {"bbox": list(INSIDE), "start": None, "end": "2011-03-01",
                                               "title": "*", "max_records": 1000}, 2)  # 1000: the default
    dock.history_panel.refresh()
    dock.search.start_edit.setDate(QDate(2011, 2, 1))  # what the form held before
    dock.history_panel.table.selectRow(0)
    dock.history_panel.rerun_button.click()
    wait_for(lambda: dock.search.task is None)
    start, end = dock.search.start_edit, dock.search.end_edit
    assert start.isNull() and start.text() == "no limit"  # shown as the user left it, not today's date
    assert not end.isNull() and end.text() == end.date().toString(end.displayFormat())
    assert end.date() == QDate(2011, 3, 1)
    assert b"2011-02-01" not in csw.requests[-1] and b"2011-03-01" in csw.requests[-1]
