"""The dock as a whole: every control explains itself (tooltip), and the help button shows the
README section of the current tab."""

import pytest
from qgis.gui import QgsMapCanvas
from qgis.PyQt.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit, QWidget

from eo_order.ui.dock import HELP_SECTIONS, EoOrderDock
from eo_order.ui.help import readme_section

CONTROLS = (QAbstractButton, QComboBox, QAbstractSpinBox, QLineEdit)


@pytest.fixture
def dock(qgis_iface, qgis_new_project, tmp_path):
    widget = EoOrderDock(qgis_iface, journal_path=tmp_path / "orders.sqlite", history_path=tmp_path / "h.sqlite")
    yield widget
    widget.shutdown()


def own_controls(owner):
    """The controls a panel keeps as attributes (QGIS' composite widgets bring their own tooltips)."""
    return {name: value for name, value in vars(owner).items()
            if isinstance(value, QWidget) and not isinstance(value, QgsMapCanvas)
            and (isinstance(value, CONTROLS) or type(value).__name__.startswith("Qgs"))}


def test_every_control_has_a_tooltip(dock):
    owners = [dock, dock.search, dock.orders_panel, dock.wcs, dock.history_panel, dock.search.layer_tools,
              dock.search.download_box]
    missing = [f"{type(owner).__name__}.{name}" for owner in owners
               for name, control in own_controls(owner).items() if not control.toolTip().strip()]
    assert missing == []
    assert sum(len(own_controls(owner)) for owner in owners) > 35  # the check saw the forms (one Search tab)


def test_help_shows_the_current_tab_s_readme_section(dock):
    for index in range(dock.tabs.count()):
        dock.tabs.setCurrentIndex(index)
        title = dock.help_title()
        assert title == HELP_SECTIONS[type(dock.tabs.currentWidget()).__name__]
        assert readme_section(title), f"README has no section {title!r}"
    dock.tabs.setCurrentWidget(dock.search)  # one Search tab: its help tells of Copernicus too
    dialog = dock.help_button.click() or dock._help
    text = dialog.browser.toPlainText()
    assert "query log" in text and "Open in QGIS" in text
    dialog.close()


def test_a_connection_changed_in_one_tab_shows_in_the_others(dock, make_authcfg):
    from eo_order.core.connections import CDSE, WCS, Connection, ConnectionStore

    store = ConnectionStore(dock.search.settings)
    account = make_authcfg("cdse-user", "secret")
    dock.search.settings.cdse_authcfg = account  # as the Connections manager saves it
    store.add(Connection("Ottawa WCS", WCS, "http://127.0.0.1:9/wcs"))
    dock.search.connectionsChanged.emit()
    try:
        dock.search.select_catalogue(CDSE)
        assert dock.search.auth_select.configId() == account
        assert dock.wcs.url_combo.findData("http://127.0.0.1:9/wcs") >= 0
    finally:
        store.remove(store.find(WCS, "Ottawa WCS"))
        dock.search.settings.cdse_authcfg = ""


def test_damaged_journal_and_history_are_moved_aside_and_the_dock_opens(qgis_iface, qgis_new_project, tmp_path):
    junk = b"this is not a database" * 100
    (tmp_path / "orders.sqlite").write_bytes(junk)
    (tmp_path / "h.sqlite").write_bytes(b"SQLite format 3\x00" + junk)
    dock = EoOrderDock(qgis_iface, journal_path=tmp_path / "orders.sqlite", history_path=tmp_path / "h.sqlite")
    try:
        aside = sorted(p.name for p in tmp_path.iterdir() if ".corrupt-" in p.name)
        assert [name.split(".corrupt-")[0] for name in aside] == ["h.sqlite", "orders.sqlite"]
        assert all((tmp_path / name).read_bytes().endswith(junk) for name in aside)  # kept, not deleted
        assert not dock.notice.isHidden()
        text = dock.notice.text()
        assert "order journal" in text and "search history" in text and aside[1] in text and aside[0] in text
        assert dock.orders.journal.entries() == [] and dock.history.entries() == []
        dock.history.add("csw", "EODMS catalogue", "https://example/csw", {"bbox": [0, 0, 1, 1]}, 3)
        assert [e.result_count for e in dock.history.entries()] == [3]
    finally:
        dock.shutdown()
    again = EoOrderDock(qgis_iface, journal_path=tmp_path / "orders.sqlite", history_path=tmp_path / "h.sqlite")
    try:  # said once: the fresh files open quietly
        assert again.notice.isHidden() and [e.result_count for e in again.history.entries()] == [3]
    finally:
        again.shutdown()
