"""The Search tab with a CSW catalogue against a real pycsw: canvas extent → box → task → layer + table."""

import contextlib
from pathlib import Path

import pytest
from lxml import etree
from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProject,
    QgsRectangle,
)
from qgis.PyQt.QtCore import QBuffer, QCoreApplication, QEvent, QIODevice
from qgis.PyQt.QtGui import QColor, QImage

from eo_order.ui.search_tab import SearchTab
from eo_order.ui.widgets import ROLE_FID
from tests.conftest import wait_for
from tests.servers.canned import CannedServer
from tools.pycsw_server import PycswServer
from tools.sample_records import THUMB_URL, make_record

INSIDE = (-75.95, 45.2, -75.55, 45.45)
GML = "{http://www.opengis.net/gml}"


def png_bytes(width, height):
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(90, 90, 90))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


@pytest.fixture(scope="module")
def thumbs(qgis_app):
    with CannedServer({"/wes/getObject": (200, {"Content-Type": "image/png"}, png_bytes(120, 90), 0)}) as server:
        yield server


@pytest.fixture(scope="module")
def csw(tmp_path_factory, thumbs):
    """14 records in the box (thumbnails served on 127.0.0.1), one outside."""
    records = [make_record(str(10 + i), f"2011-0{i % 9 + 1}-15", INSIDE, crs="epsg_urn",
                           beam_mode=f"S{i % 7 + 1}") for i in range(14)]
    records.append(make_record("77", "2011-05-05", (-100, 60, -99, 61), crs="epsg_urn"))  # outside
    local = thumbs.url_for("/wes/getObject")
    records = [r.replace(THUMB_URL, local) for r in records]
    with PycswServer(records, tmp_path_factory.mktemp("pycsw"), maxrecords=5) as server:
        yield server


@pytest.fixture
def dock(qgis_iface, qgis_new_project, csw):
    canvas = qgis_iface.mapCanvas()
    mercator = QgsCoordinateReferenceSystem("EPSG:3857")
    canvas.setDestinationCrs(mercator)
    to_merc = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), mercator, QgsProject.instance())
    canvas.setExtent(to_merc.transformBoundingBox(QgsRectangle(-76.3556, 44.9617, -75.2466, 45.5371)))
    widget = SearchTab(qgis_iface)
    widget.add_catalog(csw.url)
    yield widget
    widget._remove_catalog()
    widget.shutdown()
    widget.deleteLater()
    qgis_iface.messageBar().clear_messages()


def run_search(dock):
    dock.search_button.click()
    assert dock.task is not None
    wait_for(lambda: dock.task is None, timeout=60)


def test_search_button_fills_the_layer_from_the_canvas_extent(dock, csw, qgis_iface):
    run_search(dock)
    layers = [lyr for lyr in QgsProject.instance().mapLayers().values()]
    assert len(layers) == 1
    layer = layers[0]
    assert sorted(f["record_id"] for f in layer.getFeatures()) == sorted(str(10 + i) for i in range(14))
    assert layer.name() == f"{csw.url.split('//')[1]} · 14 scenes"
    assert dock.table.rowCount() == 14
    assert "14 records in layer" in dock.status.text()

    # the box the server received is the canvas extent turned into WGS 84, lon/lat, as CRS84
    canvas = qgis_iface.mapCanvas()
    to_wgs = QgsCoordinateTransform(canvas.mapSettings().destinationCrs(),
                                    QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())
    expected = to_wgs.transformBoundingBox(canvas.extent())
    envelope = etree.fromstring(csw.requests[-1]).find(f".//{GML}Envelope")
    assert envelope.get("srsName") == "urn:ogc:def:crs:OGC:1.3:CRS84"
    lower = [float(v) for v in envelope.findtext(f"{GML}lowerCorner").split()]
    upper = [float(v) for v in envelope.findtext(f"{GML}upperCorner").split()]
    assert lower == pytest.approx([expected.xMinimum(), expected.yMinimum()], abs=1e-6)
    assert upper == pytest.approx([expected.xMaximum(), expected.yMaximum()], abs=1e-6)


def test_table_and_map_selection_follow_each_other(dock):
    run_search(dock)
    layer = dock.layer
    dock.table.selectRow(2)
    fid = dock.table.item(2, 0).data(ROLE_FID)
    assert layer.selectedFeatureIds() == [fid]
    record_id = dock.table.item(2, 0).text()
    assert layer.getFeature(fid)["record_id"] == record_id

    other = next(f.id() for f in layer.getFeatures() if f.id() != fid)
    layer.selectByIds([other])
    rows = {i.row() for i in dock.table.selectionModel().selectedRows()}
    assert [dock.table.item(r, 0).data(ROLE_FID) for r in rows] == [other]


def test_selecting_one_record_shows_its_thumbnail(dock, thumbs):
    run_search(dock)
    dock.table.selectRow(0)
    wait_for(lambda: dock.thumbnail.pixmap() is not None and not dock.thumbnail.pixmap().isNull())
    assert (dock.thumbnail.pixmap().width(), dock.thumbnail.pixmap().height()) == (120, 90)
    request = thumbs.requests[-1]
    record_id = dock.table.item(0, 0).text()
    assert request.path == "/wes/getObject"
    assert f"FeatureID=SERVICE-RSAT1_001-000000000000000000-{record_id}" in request.query
    dock.table.selectAll()
    assert dock.thumbnail.text() == "Select one record to see its thumbnail."


def test_dates_out_of_order_are_refused_before_any_request(dock, csw, qgis_iface):
    from qgis.PyQt.QtCore import QDate

    before = len(csw.requests)
    dock.start_edit.setDate(QDate(2013, 3, 1))
    dock.end_edit.setDate(QDate(2012, 1, 1))
    dock.search_button.click()
    assert dock.task is None and len(csw.requests) == before
    [message] = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Warning)
    assert "start date 2013-03-01 is not before the end date 2012-01-01" in message


def test_unreachable_catalogue_is_a_message_not_an_empty_layer(dock, qgis_iface):
    dock.add_catalog("http://127.0.0.1:9/csw")
    run_search(dock)
    assert QgsProject.instance().mapLayers() == {}
    [message] = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Critical)
    # named after the connection (here named after its URL), not "CSW catalogue"
    assert message.startswith("EO Order:Could not connect to 127.0.0.1:9/csw at http://127.0.0.1:9/csw (")
    assert "Check the URL and your network or proxy settings." in message
    dock._remove_catalog()


@contextlib.contextmanager
def canned_dock(qgis_iface, route):
    """A Search tab on a CSW endpoint answering ``route`` (see CannedServer), the canvas on Ottawa;
    the tab is deleted for good on the way out (no deferred deletion left for later tests)."""
    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    canvas.setExtent(QgsRectangle(-77, 44, -74, 46))
    with CannedServer({"/csw": route}) as server:
        dock = SearchTab(qgis_iface)
        try:
            dock.add_catalog(server.url_for("/csw"))
            yield dock
        finally:
            dock._remove_catalog()
            dock.shutdown()
            dock.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            qgis_iface.messageBar().clear_messages()


def test_records_without_a_footprint_are_in_the_layer_and_counted_in_the_status(qgis_iface, qgis_new_project):
    brief = (Path(__file__).resolve().parents[1] / "data" / "csw" / "geonetwork_dc_brief.xml").read_bytes()
    with canned_dock(qgis_iface, (200, {"Content-Type": "application/xml"}, brief, 0)) as dock:
        run_search(dock)
        layer = dock.layer
        assert layer.featureCount() == 4
        assert dock.table.rowCount() == 4
        assert dock.status.text() == f"4 records, 3 without a footprint, in layer “{layer.name()}”."


def test_paging_that_stops_early_is_said_in_the_status_line(qgis_iface, qgis_new_project):
    from tests.core.test_csw_paging import page

    def answer(request):
        start = int(etree.fromstring(request.body).get("startPosition"))
        return 200, {"Content-Type": "application/xml"}, page(start, 10, 25, None), 0

    with canned_dock(qgis_iface, answer) as dock:
        run_search(dock)
        text = dock.status.text()
    assert text.startswith("10 records in layer")
    assert "The catalogue matched 25 records but sent only 10 (page 1 gave no next record position)" in text
    assert "raise Max records" not in text


def test_cancel_frees_the_search_button_at_once_and_the_task_ends_within_a_second(qgis_iface, qgis_new_project):
    import time

    from qgis.core import QgsApplication

    silent = {"/csw": (200, {"Content-Type": "application/xml"}, b"<never/>", 600)}
    with CannedServer(silent) as server:
        panel = SearchTab(qgis_iface)
        panel.add_catalog(server.url_for("/csw"))
        panel.extent_box.set_box(INSIDE)
        try:
            task = panel.search()
            assert task is not None, panel.status.text()
            wait_for(lambda: server.requests, timeout=5)
            panel.cancel_button.click()
            assert panel.search_button.isEnabled() and not panel.cancel_button.isEnabled()
            assert panel.status.text() == "Search cancelled: nothing was added."
            assert panel.task is None
            cancelled_at = time.monotonic()
            wait_for(lambda: task not in QgsApplication.taskManager().activeTasks(), timeout=10)
            assert time.monotonic() - cancelled_at < 1.5
            assert panel.status.text() == "Search cancelled: nothing was added."  # the task's end says nothing more
            assert [lyr.name() for lyr in QgsProject.instance().mapLayers().values()] == []
        finally:
            panel._remove_catalog()
            panel.shutdown()
            panel.deleteLater()


def test_a_pacific_centred_canvas_searches_across_the_antimeridian_not_the_rest_of_the_world(
        qgis_iface, qgis_new_project):
    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:3832"))  # PDC Mercator, centred on 150° E
    canvas.setExtent(QgsRectangle(2.226e6, 1e6, 4.453e6, 2e6))  # 170° E … 170° W
    panel = SearchTab(qgis_iface)
    try:
        box = panel.extent_box.box()  # a QgsRectangle would have swapped the sides: -170…170
        # (the canvas widens the extent to its own shape: about 164° E … 164° W)
        assert 150 < box.west < 180 and -180 < box.east < -150 and box.south < box.north
        panel.extent_box.set_box((10, 40, 20, 50))  # a box the user types is used as it is
        box = panel.extent_box.box()
        assert (box.west, box.south, box.east, box.north) == (10, 40, 20, 50)
    finally:
        panel.shutdown()
        panel.deleteLater()


def test_a_zoomed_out_web_mercator_canvas_searches_the_whole_world(qgis_iface, qgis_new_project):
    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:3857"))
    canvas.setExtent(QgsRectangle(-4e7, -4e7, 4e7, 4e7))
    panel = SearchTab(qgis_iface)
    try:
        box = panel.extent_box.box()
        assert (box.west, round(box.south, 2), box.east, round(box.north, 2)) == (-180.0, -89.78, 180.0, 89.78)
        canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:3413"))
        canvas.setExtent(QgsRectangle(-3e6, -3e6, 3e6, 3e6))
        box = panel.extent_box.box()
        assert (box.west, box.east, box.north) == (-180.0, 180.0, 90.0) and box.south < 60  # the pole inside
    finally:
        panel.shutdown()
        panel.deleteLater()
