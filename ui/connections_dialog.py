"""The Connections manager: built-in services and the user's CSW 2.0.2 / WCS 1.0.0 connections, each
with an optional QGIS auth config; import/export as XML (EO Order's format, MetaSearch's, QGIS' WCS).

Thin: every rule (validation, names, conflicts, file formats) is in :mod:`..core.connections`.
"""

import os

from qgis.core import QgsApplication
from qgis.gui import QgsAuthConfigSelect
from qgis.PyQt.QtCore import QCoreApplication, Qt, pyqtSignal
from qgis.PyQt.QtGui import QFont
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from ..core.connections import (
    CDSE,
    CSW,
    EODMS_ORDER,
    FORMAT_EO_ORDER,
    FORMAT_QGIS_CSW,
    FORMAT_QGIS_WCS,
    STAC,
    WCS,
    Connection,
    ConnectionStore,
    default_name,
    parse_connections_xml,
    validate_url,
)
from ..core.csw import (
    DEFAULT_PARALLEL_REQUESTS,
    DEFAULT_RECORDS_PER_REQUEST,
    MAX_PARALLEL_REQUESTS,
    MAX_RECORDS_PER_REQUEST,
    Profile,
)
from ..core.errors import InputError
from ..core.settings import Settings
from .messages import ask, message_box, plain_label, tooltip

ROLE_KEY = Qt.ItemDataRole.UserRole
ERROR_STYLE = "color: #c0392b"


def tr(text):
    return QCoreApplication.translate("ConnectionsDialog", text)


def kind_text(kind):
    if kind == CSW:
        return tr("CSW 2.0.2 catalogue")
    if kind == WCS:
        return tr("WCS 1.0.0 server")
    if kind == EODMS_ORDER:
        return tr("EODMS ordering (WCS 2.0.1)")
    if kind == CDSE:
        return tr("Copernicus Data Space")
    if kind == STAC:
        return tr("STAC API")
    return kind


def profile_text(profile):
    if profile == Profile.EODMS:
        return tr("EODMS (lon/lat box, no srsName)")
    if profile == Profile.RCM:
        return tr("EODMS RCM (SOAP, WS-Security)")
    return tr("Standard CSW 2.0.2")


def authcfg_text(authcfg):
    """'Name (id)' of an auth config, or say it is missing from the authentication database."""
    if not authcfg:
        return tr("none")
    configs = QgsApplication.authManager().availableAuthMethodConfigs()
    if authcfg in configs:
        return f"{configs[authcfg].name()} ({authcfg})"
    return tr("{0} (not in this QGIS' authentication database)").format(authcfg)


class ConnectionEditDialog(QDialog):
    """New or edit one connection. For a built-in one only the auth config can change."""

    def __init__(self, store, connection=None, kind=None, parent=None):
        super().__init__(parent)
        self.store = store
        self.original = connection
        self.saved = None
        builtin = connection is not None and connection.builtin
        self.setWindowTitle(tr("Edit connection") if connection is not None else tr("New connection"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # French labels: fields go under them

        self.kind_combo = QComboBox()
        self.kind_combo.setToolTip(tr("What the server is: a CSW 2.0.2 catalogue or a STAC API (Search tab) or "
                                      "a WCS 1.0.0 server (WCS tab)"))
        for value in (CSW, STAC, WCS):
            self.kind_combo.addItem(kind_text(value), value)
        if builtin:
            self.kind_combo.clear()
            self.kind_combo.addItem(kind_text(connection.kind), connection.kind)
        current = connection.kind if connection is not None else (kind or CSW)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(current)))
        self.kind_combo.setEnabled(not builtin and connection is None and kind is None)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        form.addRow(tr("Type"), self.kind_combo)

        self.name_edit = QLineEdit(connection.name if connection is not None else "")
        self.name_edit.setPlaceholderText(tr("named after the URL if left empty"))
        self.name_edit.setToolTip(tr("The name shown in the catalogue and server lists (unique per type)"))
        self.name_edit.setReadOnly(builtin)
        form.addRow(tr("Name"), self.name_edit)

        self.url_edit = QLineEdit(connection.url if connection is not None else "")
        self.url_edit.setPlaceholderText("https://example.org/csw")
        self.url_edit.setToolTip(tr("The service address, starting with http:// or https://"))
        self.url_edit.setReadOnly(builtin)
        self.url_edit.textChanged.connect(self._check_url)
        form.addRow(tr("URL"), self.url_edit)

        self.profile_combo = QComboBox()
        self.profile_combo.setToolTip(tr("How to talk to the catalogue: standard CSW 2.0.2 for any catalogue; the "
                                         "EODMS profiles for EODMS' own servers (their box order and SOAP)"))
        for profile in (Profile.GENERIC, Profile.EODMS, Profile.RCM):
            self.profile_combo.addItem(profile_text(profile), int(profile))
        profile = connection.profile if connection is not None and connection.profile is not None else Profile.GENERIC
        self.profile_combo.setCurrentIndex(max(0, self.profile_combo.findData(int(profile))))
        self.profile_combo.setEnabled(not builtin)
        self.profile_label = QLabel(tr("Profile"))
        form.addRow(self.profile_label, self.profile_combo)

        self.schema_combo = QComboBox()
        self.schema_combo.setToolTip(tr("The record schema to ask the catalogue for. Dublin Core suits most "
                                        "catalogues; ISO 19139 gives GeoNetwork and INSPIRE catalogues' full "
                                        "records. Either is read, whatever the catalogue answers with."))
        self.schema_combo.addItem(tr("Dublin Core"), "dc")
        self.schema_combo.addItem(tr("ISO 19139"), "iso")
        schema = connection.schema if connection is not None else "dc"
        self.schema_combo.setCurrentIndex(max(0, self.schema_combo.findData(schema)))
        self.schema_combo.setEnabled(not builtin)
        self.schema_label = QLabel(tr("Record schema"))
        form.addRow(self.schema_label, self.schema_combo)

        self.records_spin = QSpinBox()
        self.records_spin.setRange(1, MAX_RECORDS_PER_REQUEST)
        self.records_spin.setSingleStep(100)
        self.records_spin.setToolTip(tr("How many records to ask for in each request. The catalogue may send "
                                        "fewer (its own limit): EO Order follows what it sends."))
        self.records_spin.setValue(connection.records_per_request if connection is not None
                                   else DEFAULT_RECORDS_PER_REQUEST)
        self.records_label = QLabel(tr("Records per request"))
        form.addRow(self.records_label, self.records_spin)

        self.parallel_spin = QSpinBox()
        self.parallel_spin.setRange(1, MAX_PARALLEL_REQUESTS)
        self.parallel_spin.setToolTip(tr("How many requests a search may send at once (1: one after the "
                                         "other). Lower it for a catalogue that refuses many at once."))
        self.parallel_spin.setValue(connection.parallel_requests if connection is not None
                                    else DEFAULT_PARALLEL_REQUESTS)
        self.parallel_label = QLabel(tr("Parallel requests"))
        form.addRow(self.parallel_label, self.parallel_spin)

        self.auth_select = QgsAuthConfigSelect(self)
        self.auth_select.setToolTip(tr("Optional QGIS authentication configuration (Basic: username and "
                                       "password) for this service; pick one or create one with +. Only its id "
                                       "is kept; the password stays in QGIS' encrypted authentication database."))
        self.auth_select.setConfigId(connection.authcfg if connection is not None else "")
        form.addRow(tr("Authentication"), self.auth_select)
        layout.addLayout(form)

        self.message = plain_label()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        layout.addWidget(self.message)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setToolTip(tr("Check and save the connection"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setToolTip(tr("Close without saving"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._kind_changed()
        self.resize(560, 0)

    @property
    def kind(self):
        return self.kind_combo.currentData()

    def _kind_changed(self, _index=None):
        is_csw = self.kind == CSW
        self.profile_combo.setVisible(is_csw)
        self.profile_label.setVisible(is_csw)
        self.schema_combo.setVisible(is_csw)
        self.schema_label.setVisible(is_csw)
        for widget in (self.records_spin, self.records_label, self.parallel_spin, self.parallel_label):
            widget.setVisible(is_csw)
        self.url_edit.setPlaceholderText({CSW: "https://example.org/csw", STAC: "https://example.org/stac/v1"}.get(
            self.kind, "https://example.org/cgi-bin/mapserv?map=…"))

    def _check_url(self, text):
        """Say what is wrong with the URL while it is typed (nothing once it is fine)."""
        if not text.strip():
            self.message.clear()
            return
        try:
            validate_url(text, self.kind)
            self.message.clear()
        except InputError as exc:
            self.message.setText(str(exc))

    def connection(self):
        """The connection the fields describe."""
        profile = Profile(self.profile_combo.currentData()) if self.kind == CSW else None
        name = self.name_edit.text().strip()
        if not name and self.original is None:
            try:
                name = default_name(validate_url(self.url_edit.text(), self.kind))
            except InputError:
                pass  # the URL's own message comes when saving
        schema = self.schema_combo.currentData() if self.kind == CSW else "dc"
        return Connection(name, self.kind, self.url_edit.text(), self.auth_select.configId(), False, profile, schema,
                          self.records_spin.value(), self.parallel_spin.value())

    def accept(self):
        """Validate and save (the dialog stays open with the reason when something is wrong)."""
        try:
            if self.original is None:
                self.saved = self.store.add(self.connection())
            else:
                self.saved = self.store.update(self.original, self.connection())
        except InputError as exc:
            self.message.setText(str(exc))
            return
        super().accept()


class QgisImportDialog(QDialog):
    """Pick connections among QGIS' own (WCS source manager, MetaSearch)."""

    def __init__(self, connections, with_password, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Import connections from QGIS"))
        self.connections = connections
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Connections of QGIS' WCS source manager and of MetaSearch:")))
        self.list = QListWidget()
        self.list.setToolTip(tr("Tick the connections to import"))
        for index, connection in enumerate(connections):
            item = QListWidgetItem(f"{connection.name} — {kind_text(connection.kind)}")
            item.setToolTip(tooltip(connection.url))
            item.setData(ROLE_KEY, index)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        layout.addWidget(self.list)
        if with_password:
            note = plain_label(tr("The username/password saved in QGIS for {0} are not taken: pick or create an "
                             "authentication configuration for them after the import.").format(
                ", ".join(with_password)))
            note.setWordWrap(True)
            layout.addWidget(note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Import"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setToolTip(tr("Import the ticked connections"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setToolTip(tr("Import nothing"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def chosen(self):
        return [self.connections[self.list.item(i).data(ROLE_KEY)] for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]


class ConnectionsDialog(QDialog):
    """All connections; ``changed`` is emitted whenever they (or their auth configs) change."""

    changed = pyqtSignal()

    def __init__(self, parent=None, settings=None):
        super().__init__(parent)
        self.settings = settings or Settings()
        self.store = ConnectionStore(self.settings)
        self.setWindowTitle(tr("EO Order – Connections"))
        layout = QVBoxLayout(self)

        self.tree = QTreeWidget()
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels([tr("Name"), tr("Type"), tr("URL"), tr("Authentication")])
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        header = self.tree.header()
        header.setStretchLastSection(False)
        for column, mode in enumerate((QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.ResizeToContents,
                                       QHeaderView.ResizeMode.Stretch, QHeaderView.ResizeMode.ResizeToContents)):
            header.setSectionResizeMode(column, mode)
        self.tree.setToolTip(tr("Built-in services (in italics: they cannot be removed, their authentication "
                                "can be set) and your catalogues and WCS servers. Double-click to edit."))
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.tree.itemDoubleClicked.connect(lambda *_: self.edit_connection())
        layout.addWidget(self.tree, 1)

        row = QHBoxLayout()
        self.new_button = _button(tr("New…"), tr("Add a CSW 2.0.2 catalogue, a STAC API or a WCS 1.0.0 server"),
                                  self.new_connection)
        self.edit_button = _button(tr("Edit…"), tr("Change the selected connection (for a built-in one: its "
                                                    "authentication)"), self.edit_connection)
        self.remove_button = _button(tr("Remove"), tr("Remove the selected connections (built-in ones stay)"),
                                     self.remove_connections)
        self.import_button = _button(tr("Import…"), tr("Load connections from an XML file: EO Order's, MetaSearch's "
                                                        "(CSW) or QGIS' WCS connections"), self.import_file)
        self.import_qgis_button = _button(tr("From QGIS…"), tr("Import the WCS connections of QGIS' data source "
                                                                "manager and MetaSearch's CSW catalogues"),
                                          self.import_from_qgis)
        self.export_button = _button(tr("Export…"), tr("Save the selected connections (or all) to an XML file, in "
                                                        "EO Order's format or QGIS' (MetaSearch, WCS)"),
                                     self.export_file)
        # Two rows of three (edit; exchange): the dialog stays narrow enough for a laptop in any language.
        rows = QGridLayout()
        for index, button in enumerate((self.new_button, self.edit_button, self.remove_button, self.import_button,
                                        self.import_qgis_button, self.export_button)):
            rows.addWidget(button, index // 3, index % 3)
        rows.setColumnStretch(3, 1)
        row.addLayout(rows)
        layout.addLayout(row)

        self.status = plain_label()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setToolTip(tr("What the last action did"))
        layout.addWidget(self.status)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setToolTip(tr("Close the connections manager"))
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(700, 420)
        self.refresh()

    # --- list ----------------------------------------------------------------------------

    def refresh(self, select=None):
        """Re-read the connections; select the one with key ``select`` ((kind, name))."""
        self.connections = self.store.all()
        self.tree.clear()
        italic = QFont()
        italic.setItalic(True)
        for connection in self.connections:
            item = QTreeWidgetItem([connection.name, kind_text(connection.kind), connection.url,
                                    authcfg_text(connection.authcfg)])
            item.setData(0, ROLE_KEY, list(connection.key))
            tip = connection.url
            if connection.kind == CSW:
                tip += "\n" + tr("Profile: {0}").format(profile_text(connection.profile))
            if connection.builtin:
                tip += "\n" + tr("Built in: cannot be removed; its authentication can be set.")
                for column in range(4):
                    item.setFont(column, italic)
            for column in range(4):
                item.setToolTip(column, tooltip(tip))
            self.tree.addTopLevelItem(item)
            if select is not None and connection.key == tuple(select):
                item.setSelected(True)
                self.tree.setCurrentItem(item)
        self._update_buttons()

    def selected(self):
        keys = {tuple(item.data(0, ROLE_KEY)) for item in self.tree.selectedItems()}
        return [c for c in self.connections if c.key in keys]

    def select(self, kind, name):
        self.refresh(select=(kind, name))

    def _update_buttons(self):
        chosen = self.selected()
        self.edit_button.setEnabled(len(chosen) == 1)
        self.remove_button.setEnabled(any(not c.builtin for c in chosen))

    def _changed(self, text, select=None):
        self.refresh(select)
        self.status.setStyleSheet("")
        self.status.setText(text)
        self.changed.emit()

    def _fail(self, text):
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(text)

    # --- new / edit / remove -------------------------------------------------------------

    def exec_dialog(self, dialog):
        """Run a sub-dialog (tests replace this to fill it in instead)."""
        return dialog.exec()

    def new_connection(self, kind=None):
        dialog = ConnectionEditDialog(self.store, kind=kind, parent=self)
        if self.exec_dialog(dialog) == QDialog.DialogCode.Accepted and dialog.saved is not None:
            self._changed(tr("Added “{0}”.").format(dialog.saved.name), dialog.saved.key)
            return dialog.saved
        return None

    def edit_connection(self):
        chosen = self.selected()
        if len(chosen) != 1:
            return None
        dialog = ConnectionEditDialog(self.store, chosen[0], parent=self)
        if self.exec_dialog(dialog) == QDialog.DialogCode.Accepted and dialog.saved is not None:
            self._changed(tr("Saved “{0}”.").format(dialog.saved.name), dialog.saved.key)
            return dialog.saved
        return None

    def confirm(self, title, text):
        """Ask yes/no (tests replace this)."""
        return ask(self, title, text)

    def remove_connections(self):
        chosen = [c for c in self.selected() if not c.builtin]
        if not chosen:
            return
        names = ", ".join(f"“{c.name}”" for c in chosen)
        if not self.confirm(tr("Remove connections"), tr("Remove {0}?").format(names)):
            return
        for connection in chosen:
            self.store.remove(connection)
        self._changed(tr("Removed {0}.").format(names))

    # --- import / export -----------------------------------------------------------------

    def ask_replace(self, names):
        """Replace the connections of these names (True), keep both (False) or cancel (None)?"""
        box = message_box(QMessageBox.Icon.Question, tr("Import connections"),
                          tr("These names are already used: {0}. Replace those connections? (No keeps "
                             "both: the imported ones get a number after their name.)").format(", ".join(names)),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
                          | QMessageBox.StandardButton.Cancel, self)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Cancel:
            return None
        return answer == QMessageBox.StandardButton.Yes

    def _clashes(self, connections):
        existing = {c.key: c for c in self.store.all()}
        return [c.name for c in connections if c.key in existing and existing[c.key].url != c.url.strip()
                and not existing[c.key].builtin]

    def import_file(self, path=None, replace_existing=None):
        """Import an exchange file; returns the ImportReport (None when nothing was read)."""
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, tr("Import connections"), os.path.expanduser("~"),
                                                  tr("Connections (*.xml *.XML);;All files (*)"))
            if not path:
                return None
        try:
            with open(path, "rb") as handle:
                data = handle.read()
            connections, dropped = parse_connections_xml(data, tr("The file {0}").format(os.path.basename(path)))
        except OSError as exc:
            self._fail(tr("Could not read {0}: {1}").format(path, exc.strerror or exc))
            return None
        except InputError as exc:
            self._fail(str(exc))
            return None
        return self._import(connections, dropped, replace_existing)

    def import_from_qgis(self, qsettings=None, replace_existing=None, chosen=None):
        """Import QGIS' WCS connections and MetaSearch's catalogues (``chosen``: skip the picker)."""
        found, with_password = self.store.qgis_connections(qsettings)
        if not found:
            self._fail(tr("QGIS has no WCS connections and MetaSearch no catalogues to import."))
            return None
        if chosen is None:
            picker = QgisImportDialog(found, with_password, self)
            if self.exec_dialog(picker) != QDialog.DialogCode.Accepted:
                return None
            chosen = picker.chosen()
        names = {c.name for c in chosen}
        return self._import(chosen, [n for n in with_password if n in names], replace_existing)

    def _import(self, connections, dropped, replace_existing):
        if replace_existing is None:
            clashes = self._clashes(connections)
            replace_existing = self.ask_replace(clashes) if clashes else False
            if replace_existing is None:
                return None
        report = self.store.import_connections(connections, replace_existing)
        report.dropped_credentials[:0] = dropped
        text = report_text(report)
        if report.changed:
            self._changed(text)
        elif report.skipped and not report.unchanged:
            self._fail(text)
        else:
            self.status.setStyleSheet("")
            self.status.setText(text)
        return report

    def export_file(self, path=None, fmt=None, connections=None):
        """Save ``connections`` (default: the selected ones, else all) as ``fmt``; returns the path."""
        connections = connections if connections is not None else (self.selected() or self.connections)
        if not path:
            filters = {tr("EO Order connections (*.xml)"): FORMAT_EO_ORDER,
                       tr("MetaSearch CSW connections (*.xml)"): FORMAT_QGIS_CSW,
                       tr("QGIS WCS connections (*.xml)"): FORMAT_QGIS_WCS}
            path, chosen_filter = QFileDialog.getSaveFileName(
                self, tr("Export connections"), os.path.join(os.path.expanduser("~"), "eo_order_connections.xml"),
                ";;".join(filters))
            if not path:
                return None
            fmt = fmt or filters.get(chosen_filter, FORMAT_EO_ORDER)
            if not path.lower().endswith(".xml"):
                path += ".xml"
        fmt = fmt or FORMAT_EO_ORDER
        try:
            data = self.store.export_xml(connections, fmt)
            with open(path, "wb") as handle:
                handle.write(data)
        except InputError as exc:
            self._fail(str(exc))
            return None
        except OSError as exc:
            self._fail(tr("Could not write {0}: {1}").format(path, exc.strerror or exc))
            return None
        count = len(connections) if fmt == FORMAT_EO_ORDER else \
            sum(1 for c in connections if c.kind == (CSW if fmt == FORMAT_QGIS_CSW else WCS))
        self.status.setStyleSheet("")
        self.status.setText(tr("Exported {0} connection(s) to {1}.").format(count, path))
        return path


def report_text(report):
    """What an import did, for the status line."""
    lines = [tr("Imported: {0} added, {1} updated, {2} already there.").format(
        len(report.added), len(report.replaced), len(report.unchanged))]
    if report.renamed:
        lines.append(tr("Renamed because the name was taken: {0}.").format(
            ", ".join(f"{old} → {new}" for old, new in report.renamed)))
    if report.skipped:
        lines.append(tr("Not imported: {0}.").format("; ".join(f"{name} ({why})" for name, why in report.skipped)))
    if report.dropped_credentials:
        lines.append(tr("The username/password in the file for {0} were not imported (EO Order keeps credentials "
                        "only in QGIS' authentication database): edit those connections and pick or create an "
                        "authentication configuration.").format(", ".join(report.dropped_credentials)))
    if report.unknown_authcfg:
        lines.append(tr("These authentication configurations are not in this QGIS: {0}. Import them (Settings › "
                        "Options › Authentication) or edit the connections.").format(
            ", ".join(f"{cfg} ({name})" for name, cfg in report.unknown_authcfg)))
    return "\n".join(lines)


def _button(text, tooltip, slot):
    button = QPushButton(text)
    button.setToolTip(tooltip)
    button.clicked.connect(lambda _checked=False: slot())
    return button
