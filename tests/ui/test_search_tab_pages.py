"""The Search tab while a search runs: the layer and table grow page by page, the status counts
records, Cancel and failures keep what arrived; results tables sorted by date with an Ordered
column for EODMS; layers and messages named after the connection; the tab fits a small dock."""

import contextlib
import threading
import time

from lxml import etree
from qgis.core import QgsApplication, QgsCoordinateReferenceSystem, QgsProject, QgsRectangle
from qgis.PyQt.QtCore import QCoreApplication, QEvent, Qt

from eo_order.core.connections import CSW, Connection, ConnectionStore
from eo_order.core.csw import Profile
from eo_order.ui.search_tab import SearchTab
from eo_order.ui.widgets import ROLE_FID
from tests.conftest import wait_for
from tests.core.test_csw_paging import page
from tests.servers.canned import CannedServer

XML = {"Content-Type": "application/xml"}


def paged(total=25, per_page=10, gate=None, fail_from=None, silent_from=None):
    """A CSW answering ``per_page`` records of ``total``; from record ``fail_from`` on it answers
    HTTP 500, from ``silent_from`` on it never answers; pages after the first wait for ``gate``."""
    def answer(request):
        start = int(etree.fromstring(request.body).get("startPosition"))
        if start > 1 and gate is not None:
            gate.wait(20)
        if fail_from is not None and start >= fail_from:
            return 500, {"Content-Type": "text/plain"}, b"database on fire", 0
        if silent_from is not None and start >= silent_from:
            return 200, XML, b"<never/>", 600
        count = max(0, min(per_page, total - start + 1))
        nxt = start + count if start + count <= total else 0
        return 200, XML, page(start, count, total, nxt), 0
    return answer


@contextlib.contextmanager
def tab_on(qgis_iface, route, name="Paging CSW", profile=Profile.GENERIC):
    """A Search tab on a CSW connection called ``name`` whose endpoint answers ``route``."""
    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    canvas.setExtent(QgsRectangle(-77, 44, -74, 46))
    with CannedServer({"/csw": route}) as server:
        store = ConnectionStore()
        connection = store.add(Connection(name, CSW, server.url_for("/csw"), "", False, profile))
        tab = SearchTab(qgis_iface)
        try:
            tab.select_catalogue(CSW, connection.url)
            tab.max_spin.setValue(1000)
            yield tab, server
        finally:
            tab.shutdown()
            store.remove(connection)
            tab.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            qgis_iface.messageBar().clear_messages()


def watch(tab, task):
    """(features in the project's layer, task still running, status) at each page, seen after the tab."""
    seen = []
    task.pageArrived.connect(lambda _features: seen.append((
        [lyr.featureCount() for lyr in QgsProject.instance().mapLayers().values()],
        task.status() not in (task.TaskStatus.Complete, task.TaskStatus.Terminated), tab.status.text())))
    return seen


def test_the_layer_and_table_grow_page_by_page_and_the_status_counts_records(qgis_iface, qgis_new_project):
    with tab_on(qgis_iface, paged()) as (tab, _server):
        statuses = []
        task = tab.search()
        task.counted.connect(lambda *_: statuses.append(tab.status.text()))
        seen = watch(tab, task)
        wait_for(lambda: tab.task is None, timeout=30)
        layer = tab.layer
    assert [counts for counts, _running, _status in seen] == [[10], [20], [25]]
    assert all(running for _counts, running, _status in seen[:2])  # on the map before the search ended
    assert statuses[:3] == ["Searching Paging CSW: 10 of 25 records…", "Searching Paging CSW: 20 of 25 records…",
                            "Searching Paging CSW: 25 of 25 records…"]
    assert layer.featureCount() == 25 and layer.name() == "Paging CSW · 25 scenes"
    assert len(QgsProject.instance().mapLayers()) == 1  # one layer, filled in place


def test_the_table_keeps_the_user_s_sort_and_selection_while_pages_arrive(qgis_iface, qgis_new_project):
    gate = threading.Event()
    with tab_on(qgis_iface, paged(gate=gate)) as (tab, _server):
        tab.search()
        wait_for(lambda: tab.table.rowCount() == 10, timeout=30)
        column = tab.table.columns.index("record_id")
        tab.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
        tab.table.selectRow(3)
        chosen = tab.table.item(3, 0).data(ROLE_FID)
        gate.set()
        wait_for(lambda: tab.task is None, timeout=30)
        assert tab.table.rowCount() == 25
        header = tab.table.horizontalHeader()
        assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (column, Qt.SortOrder.AscendingOrder)
        texts = [tab.table.item(r, column).text() for r in range(25)]
        assert texts == sorted(texts)
        assert tab.layer.selectedFeatureIds() == [chosen]
        assert [tab.table.item(i.row(), 0).data(ROLE_FID) for i in tab.table.selectionModel().selectedRows()] == [
            chosen]


def test_cancel_keeps_what_arrived_and_says_so_within_a_second(qgis_iface, qgis_new_project):
    with tab_on(qgis_iface, paged(silent_from=11)) as (tab, server):
        task = tab.search()
        wait_for(lambda: tab.layer is not None and len(server.requests) >= 2, timeout=30)
        tab.cancel_button.click()
        cancelled_at = time.monotonic()
        assert tab.search_button.isEnabled() and not tab.cancel_button.isEnabled()
        [layer] = QgsProject.instance().mapLayers().values()
        assert layer.featureCount() == 10 and layer.name() == "Paging CSW · 10 scenes"
        assert tab.status.text() == f"Cancelled: 10 records kept in layer “{layer.name()}”."
        wait_for(lambda: task not in QgsApplication.taskManager().activeTasks(), timeout=10)
        assert time.monotonic() - cancelled_at < 1.5
        assert tab.status.text() == f"Cancelled: 10 records kept in layer “{layer.name()}”."
        assert layer.featureCount() == 10


def test_a_failure_after_some_pages_keeps_them_and_says_so(qgis_iface, qgis_new_project):
    with tab_on(qgis_iface, paged(fail_from=21)) as (tab, _server):
        tab.search()
        wait_for(lambda: tab.task is None, timeout=30)
        [layer] = QgsProject.instance().mapLayers().values()
        text = tab.status.text()
    assert layer.featureCount() == 20
    assert "Paging CSW" in text and "500" in text
    assert text.endswith(f"20 records that arrived before are kept in layer “{layer.name()}”.")


def test_layers_and_messages_are_named_after_the_connection_not_the_url(qgis_iface, qgis_new_project):
    with tab_on(qgis_iface, paged(total=3), name="Ottawa archive") as (tab, server):
        tab.search()
        wait_for(lambda: tab.task is None, timeout=30)
        assert tab.layer.name() == "Ottawa archive · 3 scenes"
        assert "127.0.0.1" not in tab.layer.name()
    with tab_on(qgis_iface, (500, {"Content-Type": "text/plain"}, b"down", 0), name="Ottawa archive") as (tab, _s):
        tab.search()
        wait_for(lambda: tab.task is None, timeout=30)
        assert tab.status.text().startswith("Ottawa archive answered")


def test_results_are_sorted_by_date_newest_first_and_eodms_records_show_ordered(qgis_iface, qgis_new_project):
    with tab_on(qgis_iface, paged(total=3), name="EODMS test", profile=Profile.EODMS) as (tab, _server):
        tab.ordered_ids = lambda: {"r2"}
        tab.search()
        wait_for(lambda: tab.task is None, timeout=30)
        table = tab.table
        headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
        assert headers[:3] == ["Record", "Date", "Ordered"]
        assert table.horizontalHeader().sortIndicatorSection() == table.columns.index("acquired")
        assert table.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
        ordered = {table.item(r, 0).text(): table.item(r, 2).text() for r in range(table.rowCount())}
        assert ordered == {"r1": "no", "r2": "yes", "r3": "no"}
        assert tab.order_button.isVisible() or not tab.isVisible()
        assert tab.download_box.isHidden()


def test_the_search_tab_fits_a_small_dock(qgis_iface, qgis_new_project):
    tab = SearchTab(qgis_iface)
    try:
        for catalogue in tab.catalogues:
            tab.select_catalogue(catalogue.kind, catalogue.url)
            hint = tab.minimumSizeHint()
            assert hint.width() <= 420 and hint.height() <= 600, (catalogue.name, hint)
    finally:
        tab.shutdown()
        tab.deleteLater()


def test_the_dock_fits_a_laptop_screen(qgis_iface, qgis_new_project, tmp_path):
    from eo_order.ui.dock import EoOrderDock

    dock = EoOrderDock(qgis_iface, journal_path=tmp_path / "orders.sqlite", history_path=tmp_path / "h.sqlite")
    try:
        hint = dock.minimumSizeHint()
        assert hint.width() <= 420 and hint.height() <= 600, hint  # was 563 × 478 (the History tab's line)
    finally:
        dock.shutdown()
