"""Ordering from the map: right-click a footprint → dialog → order task → journal,
Orders tab and green footprints, against the local EODMS WES fake."""

import pytest
from qgis.core import Qgis, QgsPointXY, QgsProject, QgsRuleBasedRenderer, QgsTask
from qgis.gui import QgsMapMouseEvent
from qgis.PyQt.QtCore import QEvent, QPoint, Qt
from qgis.PyQt.QtWidgets import QMenu

from eo_order.core.footprints import features_from_records, footprint_layer
from eo_order.core.models import Record
from eo_order.core.settings import Settings
from eo_order.ui.dock import EoOrderDock
from tests.conftest import wait_for
from tests.servers.eodms_wes import EodmsWesServer

BOXES = {"1508207": (-76.45, 45.14, -76.30, 45.30), "1508208": (-76.10, 45.40, -75.95, 45.55),
         "1508209": (-75.60, 45.10, -75.45, 45.25)}


@pytest.fixture
def wes():
    with EodmsWesServer(fail={"1508209": "exception"}) as server:
        yield server


@pytest.fixture
def dock(qgis_iface, qgis_new_project, wes, make_authcfg, tmp_path):
    settings = Settings()
    settings.order_wcs_url = wes.url
    settings.order_authcfg = make_authcfg("eodms-user", "eodms-password")
    settings.order_packaging = "TAR"
    widget = EoOrderDock(qgis_iface, journal_path=tmp_path / "orders.sqlite")
    records = [Record(rid, title="Radarsat-1 Raw Scenes", date="2013-02-21", bbox=box, collection_id="Radarsat1")
               for rid, box in BOXES.items()]
    layer = footprint_layer("footprints", features_from_records(records, "test"))
    QgsProject.instance().addMapLayer(layer)
    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(layer.crs())
    canvas.setLayers([layer])
    extent = layer.extent()
    extent.scale(1.2)
    canvas.setExtent(extent)
    widget.layer = layer
    widget.confirmed = []
    widget.orders.confirm = lambda dialog: widget.confirmed.append(dialog) or True
    yield widget
    widget.shutdown()
    settings.order_wcs_url = ""
    qgis_iface.messageBar().clear_messages()


def right_click_menu(canvas, lon, lat):
    pixel = canvas.getCoordinateTransform().transform(QgsPointXY(lon, lat))
    event = QgsMapMouseEvent(canvas, QEvent.Type.MouseButtonPress, QPoint(int(pixel.x()), int(pixel.y())),
                             Qt.MouseButton.RightButton)
    menu = QMenu()
    canvas.contextMenuAboutToShow.emit(menu, event)
    return menu


def test_right_click_on_a_footprint_orders_that_scene(dock, wes, qgis_iface):
    canvas = qgis_iface.mapCanvas()
    menu = right_click_menu(canvas, -76.0, 45.47)  # inside 1508208 only
    labels = [a.text() for a in menu.actions() if a.text()]
    assert labels == ["Order this scene: 2013-02-21 · Radarsat1 · 1508208"]
    assert right_click_menu(canvas, -75.0, 45.0).actions() == []  # no footprint there

    next(a for a in menu.actions() if a.text()).trigger()
    [dialog] = dock.confirmed
    assert [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())] == ["1508208"]
    wait_for(lambda: dialog.status.text().startswith("EODMS offers"))
    assert [dialog.packaging_combo.itemText(i) for i in range(dialog.packaging_combo.count())] == \
        ["ZIP", "TAR", "TARGZ", "Server default"]
    assert dialog.packaging() == "TAR"  # the user's last choice, offered by EODMS

    wait_for(lambda: not dock.orders.tasks)
    [order] = wes.orders
    assert (order.coverage_id, order.packaging, order.username) == ("Radarsat1--1508208", "TAR", "eodms-user")
    [entry] = dock.orders.journal.entries()
    assert (entry.record_id, entry.status) == ("1508208", "submitted")
    table = dock.orders_panel.table
    assert table.rowCount() == 1
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers == ["Requested (UTC)", "Scene", "EODMS order", "Status", "Message"]
    assert [table.item(0, c).text() for c in (1, 2, 3)] == ["1508208", order.order_id, "submitted"]
    assert order.order_id and order.order_id in entry.response  # read from EODMS' reply, not made up
    renderer = dock.layer.renderer()
    assert isinstance(renderer, QgsRuleBasedRenderer)
    assert renderer.rootRule().children()[0].filterExpression() == "\"record_id\" IN ('1508208')"
    [message] = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Success)
    assert "EODMS accepted 1 of 1 order(s)" in message


def test_ordering_the_selection_reports_the_failed_scene(dock, wes, qgis_iface):
    dock.layer.selectAll()
    menu = right_click_menu(qgis_iface.mapCanvas(), -76.0, 45.47)
    action = next(a for a in menu.actions() if a.text() == "Order 3 selected scenes")
    action.trigger()
    wait_for(lambda: not dock.orders.tasks and len(dock.orders.journal.entries()) == 3)
    wait_for(lambda: qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Warning))
    statuses = {e.record_id: e.status for e in dock.orders.journal.entries()}
    assert statuses == {"1508207": "submitted", "1508208": "submitted", "1508209": "failed"}
    [message] = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Warning)
    assert "EODMS accepted 2 of 3 order(s)" in message and "1508209:" in message


def test_wrong_password_is_one_red_ending_naming_the_auth_config_and_the_scenes_not_tried(
        dock, wes, qgis_iface, make_authcfg):
    bad = make_authcfg("eodms-user", "not-the-password", name="My EODMS account")
    task = dock.orders.start_order([{"record_id": r, "collection_id": "Radarsat1"} for r in BOXES], "ZIP", bad)
    statuses = []
    task.statusChanged.connect(statuses.append)
    wait_for(lambda: not dock.orders.tasks)
    bar = qgis_iface.messageBar()
    assert bar.get_messages(Qgis.MessageLevel.Success) == bar.get_messages(Qgis.MessageLevel.Warning) == []
    [message] = bar.get_messages(Qgis.MessageLevel.Critical)
    assert message.startswith("EO Order:Order failed: EODMS rejected the username/password in auth config "
                              "'My EODMS account'")
    assert message.endswith("Not tried: 1508208, 1508209; order them again once this is fixed.")
    assert bad not in message and "not-the-password" not in message
    assert statuses[-1] == QgsTask.TaskStatus.Terminated  # QGIS shows the task failed
    assert len(wes.requests) == 1
    assert [e.status for e in dock.orders.journal.entries()] == ["failed"]


def test_a_batch_in_which_every_scene_failed_is_red_and_a_failed_task(qgis_iface, qgis_new_project, make_authcfg,
                                                                        tmp_path):
    with EodmsWesServer(fail={"1508207": "exception", "1508208": "exception"}) as server:
        settings = Settings()
        settings.order_wcs_url = server.url
        dock = EoOrderDock(qgis_iface, journal_path=tmp_path / "orders.sqlite", history_path=tmp_path / "h.sqlite")
        try:
            scenes = [{"record_id": r, "collection_id": "Radarsat1"} for r in ("1508207", "1508208")]
            task = dock.orders.start_order(scenes, "ZIP", make_authcfg("eodms-user", "eodms-password"))
            statuses, descriptions = [], []
            task.statusChanged.connect(statuses.append)
            task.done.connect(lambda *_: descriptions.append(task.description()))
            wait_for(lambda: not dock.orders.tasks)
            [message] = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Critical)
            assert message.startswith("EO Order:Order failed: EODMS accepted none of the 2 order(s). Failed: 1508207:")
            assert qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Success) == []
            assert statuses[-1] == QgsTask.TaskStatus.Terminated
            assert descriptions[0].endswith(message[len("EO Order:"):])  # QGIS' task list says the same
        finally:
            dock.shutdown()
            settings.order_wcs_url = ""
            qgis_iface.messageBar().clear_messages()


def test_a_scene_without_packaging_choice_is_ordered_with_the_server_default(qgis_iface, qgis_new_project,
                                                                           make_authcfg, tmp_path):
    with EodmsWesServer(no_packaging={"1508208"}) as server:
        settings = Settings()
        settings.order_wcs_url = server.url
        settings.order_authcfg = make_authcfg("eodms-user", "eodms-password")
        settings.order_packaging = "ZIP"
        dock = EoOrderDock(qgis_iface, journal_path=tmp_path / "orders.sqlite", history_path=tmp_path / "h.sqlite")
        dialogs = []
        dock.orders.confirm = lambda dialog: dialogs.append(dialog) or wait_for(
            lambda: "packaging choice" in dialog.status.text()) or True
        try:
            layer = footprint_layer("footprints", features_from_records(
                [Record("1508208", date="2013-02-21", bbox=BOXES["1508208"], collection_id="Radarsat1")], "test"))
            dock.orders.request_order(list(layer.getFeatures()))
            [dialog] = dialogs
            combo = dialog.packaging_combo
            assert [combo.itemText(i) for i in range(combo.count())] == ["Server default"]
            assert "EODMS offers no packaging choice" in dialog.status.text()
            wait_for(lambda: server.orders and not dock.orders.tasks)
            assert [(o.coverage_id, o.packaging) for o in server.orders] == [("Radarsat1--1508208", "")]
            assert [e.status for e in dock.orders.journal.entries()] == ["submitted"]
        finally:
            dock.shutdown()
            settings.order_wcs_url = ""
            settings.order_packaging = ""
