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
    owners = [dock, dock.search, dock.orders_panel, dock.copernicus, dock.wcs, dock.history_panel,
              dock.search.layer_tools, dock.copernicus.layer_tools]
    missing = [f"{type(owner).__name__}.{name}" for owner in owners
               for name, control in own_controls(owner).items() if not control.toolTip().strip()]
    assert missing == []
    assert sum(len(own_controls(owner)) for owner in owners) > 40  # the check saw the forms


def test_help_shows_the_current_tab_s_readme_section(dock):
    for index in range(dock.tabs.count()):
        dock.tabs.setCurrentIndex(index)
        title = dock.help_title()
        assert title == HELP_SECTIONS[type(dock.tabs.currentWidget()).__name__]
        assert readme_section(title), f"README has no section {title!r}"
    dock.tabs.setCurrentWidget(dock.copernicus)
    dialog = dock.help_button.click() or dock._help
    text = dialog.browser.toPlainText()
    assert "query log" in text and "Open in QGIS" in text
    dialog.close()


def test_a_connection_changed_in_one_tab_shows_in_the_others(dock, make_authcfg):
    from eo_order.core.connections import WCS, Connection, ConnectionStore

    store = ConnectionStore(dock.search.settings)
    account = make_authcfg("cdse-user", "secret")
    dock.search.settings.cdse_authcfg = account  # as the Connections manager saves it
    store.add(Connection("Ottawa WCS", WCS, "http://127.0.0.1:9/wcs"))
    dock.search.connectionsChanged.emit()
    try:
        assert dock.copernicus.auth_select.configId() == account
        assert dock.wcs.url_combo.findData("http://127.0.0.1:9/wcs") >= 0
    finally:
        store.remove(store.find(WCS, "Ottawa WCS"))
        dock.search.settings.cdse_authcfg = ""
