"""The Connections manager: built-ins marked and kept, new/edit/remove with URL checks and a QGIS auth
config, import/export files, QGIS' own connections, and the Search/WCS tabs following it."""

import pytest
from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QSettings
from qgis.PyQt.QtWidgets import QAbstractButton, QComboBox, QDialog, QDialogButtonBox, QLineEdit, QWidget

from eo_order.core.connections import CSW, EODMS_ORDER, FORMAT_EO_ORDER, FORMAT_QGIS_WCS, STAC, WCS, ConnectionStore
from eo_order.core.csw import EODMS_RCM_URL, Profile
from eo_order.core.settings import Settings
from eo_order.ui.connections_dialog import ConnectionEditDialog, ConnectionsDialog
from eo_order.ui.search_tab import SearchTab
from eo_order.ui.wcs_panel import WcsPanel

PYCSW = "http://127.0.0.1:8000/csw"
MAPSERVER = "http://127.0.0.1:8001/cgi-bin/mapserv?map=/data/dem.map"


def settings_in(path):
    return Settings(QgsSettings(str(path), QSettings.Format.IniFormat))


@pytest.fixture
def dialog(qgis_app, tmp_path):
    widget = ConnectionsDialog(None, settings_in(tmp_path / "settings.ini"))
    widget.changes = []
    widget.changed.connect(lambda: widget.changes.append(True))
    widget.confirm = lambda title, text: True
    yield widget
    widget.deleteLater()


def fill(name=None, url=None, kind=None, profile=None, authcfg=None):
    """An ``exec_dialog`` that fills the connection form, presses OK and returns the result."""
    def run(form):
        if kind is not None:
            form.kind_combo.setCurrentIndex(form.kind_combo.findData(kind))
        if name is not None:
            form.name_edit.setText(name)
        if url is not None:
            form.url_edit.setText(url)
        if profile is not None:
            form.profile_combo.setCurrentIndex(form.profile_combo.findData(int(profile)))
        if authcfg is not None:
            form.auth_select.setConfigId(authcfg)
        form.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        run.form = form
        return form.result()
    return run


def rows(dialog):
    tree = dialog.tree
    return [tuple(tree.topLevelItem(i).text(c) for c in range(3)) for i in range(tree.topLevelItemCount())]


def select(dialog, name):
    for i in range(dialog.tree.topLevelItemCount()):
        item = dialog.tree.topLevelItem(i)
        item.setSelected(item.text(0) == name)


def test_builtins_are_listed_marked_and_cannot_be_removed(dialog):
    assert [r[0] for r in rows(dialog)] == ["EODMS catalogue", "EODMS RCM", "EODMS ordering", "Copernicus Data Space",
                                            "Copernicus Data Space STAC", "Earth Search", "Planetary Computer"]
    item = dialog.tree.topLevelItem(1)
    assert item.font(0).italic() and "Built in: cannot be removed" in item.toolTip(0)
    select(dialog, "EODMS RCM")
    assert not dialog.remove_button.isEnabled() and dialog.edit_button.isEnabled()


def test_every_control_has_a_tooltip(dialog):
    form = ConnectionEditDialog(dialog.store)
    for owner in (dialog, form):
        controls = {name: value for name, value in vars(owner).items() if isinstance(value, QWidget)
                    and (isinstance(value, (QAbstractButton, QComboBox, QLineEdit))
                         or type(value).__name__.startswith("Qgs") or name in ("tree", "list"))}
        assert controls and [n for n, c in controls.items() if not c.toolTip().strip()] == []
    for box in (dialog.buttons, form.buttons):
        assert all(b.toolTip() for b in box.buttons())


def test_a_new_catalogue_with_an_auth_config(dialog, make_authcfg):
    authcfg = make_authcfg("alice", "s3cret", name="pycsw login")
    dialog.exec_dialog = fill(name="Local pycsw", url=PYCSW, profile=Profile.GENERIC, authcfg=authcfg)
    saved = dialog.new_connection()
    assert (saved.name, saved.kind, saved.url, saved.authcfg) == ("Local pycsw", CSW, PYCSW, authcfg)
    assert rows(dialog)[-1] == ("Local pycsw", "CSW 2.0.2 catalogue", PYCSW)
    assert dialog.tree.topLevelItem(dialog.tree.topLevelItemCount() - 1).text(3) == f"pycsw login ({authcfg})"
    assert dialog.settings.authcfg_for(PYCSW) == authcfg and dialog.changes == [True]
    assert dialog.status.text() == "Added “Local pycsw”."


def test_a_catalogue_can_ask_for_iso_19139_records(dialog):
    def run(form):
        form.schema_combo.setCurrentIndex(form.schema_combo.findData("iso"))
        return fill(name="INSPIRE", url=PYCSW, profile=Profile.GENERIC)(form)

    dialog.exec_dialog = run
    saved = dialog.new_connection()
    assert saved.schema == "iso"
    assert ConnectionStore(dialog.settings).all(CSW)[-1].catalog.schema == "iso"


@pytest.mark.parametrize("url, message", [
    ("", "Enter the URL of the WCS 1.0.0 server."),
    ("example.org/wcs", "it must start with http:// or https://"),
    ("https://", "it names no server after https://"),
])
def test_a_bad_url_keeps_the_form_open_with_the_reason(dialog, url, message):
    dialog.exec_dialog = fill(name="Server", url=url, kind=WCS)
    assert dialog.new_connection() is None
    assert message in dialog.exec_dialog.form.message.text()
    assert dialog.store.user() == [] and dialog.changes == []


def test_the_url_is_checked_while_it_is_typed(dialog):
    form = ConnectionEditDialog(dialog.store, kind=CSW)
    form.url_edit.setText("htp://example.org")
    assert "must start with http:// or https://" in form.message.text()
    form.url_edit.setText("http://example.org/csw")
    assert form.message.text() == ""


def test_an_empty_name_is_the_url_s(dialog):
    dialog.exec_dialog = fill(url=MAPSERVER, kind=WCS)
    assert dialog.new_connection().name == "127.0.0.1:8001/cgi-bin/mapserv?map=/data/dem.map"


def test_a_taken_name_is_refused(dialog):
    dialog.exec_dialog = fill(name="EODMS RCM", url=PYCSW)
    assert dialog.new_connection() is None
    assert "already a CSW 2.0.2 catalogue named “EODMS RCM”" in dialog.exec_dialog.form.message.text()


def test_a_builtin_takes_only_an_auth_config(dialog, make_authcfg):
    authcfg = make_authcfg("eodms-user", "eodms-password")
    select(dialog, "EODMS ordering")
    dialog.exec_dialog = fill(name="Renamed?", url="http://127.0.0.1:9/", authcfg=authcfg)
    saved = dialog.edit_connection()
    assert dialog.exec_dialog.form.name_edit.isReadOnly() and dialog.exec_dialog.form.url_edit.isReadOnly()
    assert (saved.name, saved.kind, saved.authcfg) == ("EODMS ordering", EODMS_ORDER, authcfg)
    assert dialog.settings.order_authcfg == authcfg  # what the order dialog starts with


def test_edit_and_remove_a_user_connection(dialog):
    dialog.exec_dialog = fill(name="DEM", url=MAPSERVER, kind=WCS)
    dialog.new_connection()
    select(dialog, "DEM")
    dialog.exec_dialog = fill(name="DEM 2020", url=MAPSERVER + "&year=2020")
    dialog.edit_connection()
    assert rows(dialog)[-1] == ("DEM 2020", "WCS 1.0.0 server", MAPSERVER + "&year=2020")
    select(dialog, "DEM 2020")
    dialog.remove_connections()
    assert dialog.store.user() == [] and len(rows(dialog)) == len(dialog.store.builtins()) == 7
    assert len(dialog.changes) == 3


def test_export_then_import_in_another_profile(dialog, tmp_path, qgis_app):
    dialog.store.add(dialog_connection("pycsw", CSW, PYCSW))
    dialog.store.add(dialog_connection("DEM", WCS, MAPSERVER))
    dialog.refresh()
    path = dialog.export_file(str(tmp_path / "mine.xml"), FORMAT_EO_ORDER)
    assert dialog.status.text() == f"Exported 9 connection(s) to {path}."  # 7 built in, 2 user

    fresh = ConnectionsDialog(None, settings_in(tmp_path / "other.ini"))
    report = fresh.import_file(path, replace_existing=False)
    assert [c.name for c in report.added] == ["pycsw", "DEM"]
    assert rows(fresh) == rows(dialog)
    assert fresh.status.text().startswith("Imported: 2 added, 0 updated, 7 already there.")

    select(dialog, "DEM")
    wcs = dialog.export_file(str(tmp_path / "qgis_wcs.xml"), FORMAT_QGIS_WCS)
    assert b"<qgsWCSConnections" in open(wcs, "rb").read()
    assert dialog.status.text() == f"Exported 1 connection(s) to {wcs}."


def dialog_connection(name, kind, url, authcfg=""):
    from eo_order.core.connections import Connection

    return Connection(name, kind, url, authcfg)


def test_a_name_clash_asks_whether_to_replace(dialog, tmp_path):
    dialog.store.add(dialog_connection("pycsw", CSW, PYCSW))
    path = tmp_path / "theirs.xml"
    path.write_bytes(b'<qgsCSWConnections version="1.0"><csw name="pycsw" url="http://127.0.0.1:8009/csw"/>'
                     b"</qgsCSWConnections>")
    asked = []
    dialog.ask_replace = lambda names: asked.append(names) or False
    report = dialog.import_file(str(path))
    assert asked == [["pycsw"]] and report.renamed == [("pycsw", "pycsw (2)")]
    assert "Renamed because the name was taken: pycsw → pycsw (2)." in dialog.status.text()

    dialog.ask_replace = lambda names: None  # cancel
    assert dialog.import_file(str(path)) is None


def test_a_bad_file_is_an_error_in_the_dialog(dialog, tmp_path):
    path = tmp_path / "broken.xml"
    path.write_bytes(b"<qgsCSWConnections><csw name='x'")
    assert dialog.import_file(str(path), replace_existing=False) is None
    assert dialog.status.text().startswith("The file broken.xml is not readable XML")
    assert "c0392b" in dialog.status.styleSheet() and dialog.changes == []
    assert dialog.import_file(str(tmp_path / "missing.xml")) is None
    assert dialog.status.text().startswith(f"Could not read {tmp_path / 'missing.xml'}: No such file")


def test_import_from_qgis_settings(dialog, tmp_path):
    qgis = QgsSettings(str(tmp_path / "qgis.ini"), QSettings.Format.IniFormat)
    qgis.setValue("qgis/connections-wcs/DEM server/url", MAPSERVER)
    qgis.setValue("MetaSearch/pycsw demo/url", PYCSW)
    qgis.setValue("MetaSearch/pycsw demo/username", "bob")

    def pick(picker):
        assert picker.list.count() == 2
        picker.list.item(0).setCheckState(0)  # untick the WCS one
        return QDialog.DialogCode.Accepted

    dialog.exec_dialog = pick
    report = dialog.import_from_qgis(qgis, replace_existing=False)
    assert [(c.kind, c.name) for c in report.added] == [(CSW, "pycsw demo")]
    assert "The username/password in the file for pycsw demo were not imported" in dialog.status.text()


@pytest.fixture
def clean_user_connections(qgis_app):
    """The panels use the test profile's settings: leave its user connections as they were."""
    settings = Settings()
    saved = settings.user_connections
    yield settings
    if saved is None:
        settings._s.remove("eo_order/connections/user")
    else:
        settings.user_connections = saved


def test_the_search_tab_lists_catalogue_connections(qgis_iface, qgis_new_project, clean_user_connections):
    panel = SearchTab(qgis_iface)
    try:
        def manage(dialog):
            if isinstance(dialog, ConnectionsDialog):
                dialog.exec_dialog = fill(name="My pycsw", url=PYCSW + "/panel", profile=Profile.GENERIC)
                dialog.new_connection()
            return QDialog.DialogCode.Accepted

        panel.exec_dialog = manage
        panel.connections_button.click()
        index = panel.catalog_combo.findText("My pycsw")
        assert index >= 0 and panel.catalog_combo.itemData(index) == PYCSW + "/panel"
        panel.catalog_combo.setCurrentIndex(index)
        assert panel.catalog.url == PYCSW + "/panel" and panel.catalog.profile == Profile.GENERIC
        assert panel.remove_button.isEnabled()
        panel.catalog_combo.setCurrentIndex(panel.catalog_combo.findData(EODMS_RCM_URL))
        assert not panel.remove_button.isEnabled() and panel.auth_label.text() == "Credentials (required)"

        panel.exec_dialog = fill(name="Plus", url=PYCSW + "/plus")  # the + button: the same form, kind CSW
        panel.add_button.click()
        assert panel.catalog.url == PYCSW + "/plus" and panel.catalog_combo.currentText() == "Plus"
        panel._remove_catalog()
        assert panel.catalog_combo.findText("Plus") < 0
    finally:
        store = ConnectionStore(Settings())
        for connection in store.user(CSW):
            if connection.url.startswith(PYCSW + "/"):
                store.remove(connection)
        panel.shutdown()
        panel.deleteLater()


def test_the_wcs_tab_lists_server_connections(qgis_iface, qgis_new_project, clean_user_connections):
    panel = WcsPanel(qgis_iface)
    try:
        def manage(dialog):
            dialog.exec_dialog = fill(name="DEM", url=MAPSERVER, kind=WCS)
            dialog.new_connection()
            return QDialog.DialogCode.Accepted

        panel.exec_dialog = manage
        changed = []
        panel.connectionsChanged.connect(lambda: changed.append(True))
        panel.connections_button.click()
        index = panel.url_combo.findText("DEM")
        assert index >= 0 and changed == [True]
        panel.url_combo.setCurrentIndex(index)
        assert panel.url == MAPSERVER and panel.forget_button.isEnabled()
        panel.set_url("http://127.0.0.1:9/typed")
        assert panel.url == "http://127.0.0.1:9/typed" and not panel.forget_button.isEnabled()
    finally:
        panel.settings.forget(MAPSERVER)
        panel.shutdown()
        panel.deleteLater()


def test_a_stac_api_added_in_the_manager_is_a_catalogue_of_the_search_tab(qgis_iface, qgis_new_project,
                                                                       clean_user_connections):
    panel = SearchTab(qgis_iface)
    url = "http://127.0.0.1:9/stac"
    try:
        def manage(dialog):
            if isinstance(dialog, ConnectionsDialog):
                def run(form):
                    result = fill(name="My STAC", url=url, kind=STAC)(form)
                    assert not form.profile_combo.isVisibleTo(form)  # CSW profiles are not for STAC
                    return result
                dialog.exec_dialog = run
                saved = dialog.new_connection()
                assert (saved.kind, saved.name, saved.url) == (STAC, "My STAC", url)
            return QDialog.DialogCode.Accepted

        panel.exec_dialog = manage
        panel.connections_button.click()
        index = panel.catalog_combo.findText("My STAC")
        assert index >= 0 and panel.catalog_combo.itemData(index) == url
        panel.catalog_combo.setCurrentIndex(index)
        assert panel.catalogue.kind == STAC and panel.remove_button.isEnabled()
        assert panel.stac_collections.isVisibleTo(panel) and not panel.title_edit.isVisibleTo(panel)
    finally:
        store = ConnectionStore(Settings())
        for connection in store.user(STAC):
            if connection.url == url:
                store.remove(connection)
        panel.shutdown()
        panel.deleteLater()
