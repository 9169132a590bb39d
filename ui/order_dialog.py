"""Confirm an EODMS order: the scenes, the packaging format EODMS offers, the credentials."""

import hashlib
import json

from qgis.core import QgsApplication, QgsAuthMethodConfig
from qgis.gui import QgsAuthConfigSelect
from qgis.PyQt.QtCore import QCoreApplication, QEvent, Qt
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ..core.eodms_order import PACKAGING_FORMATS, SERVER_DEFAULT
from ..core.errors import AuthError
from .messages import plain_label, tooltip


def tr(text):
    return QCoreApplication.translate("OrderDialog", text)


def _fingerprint(authcfg):
    """A hash of auth config ``authcfg``'s content (kept in memory only), to notice that it was edited."""
    config = QgsAuthMethodConfig()
    if not authcfg or not QgsApplication.authManager().loadAuthenticationConfig(authcfg, config, True):
        return ""
    return hashlib.sha256(json.dumps(config.configMap(), sort_keys=True).encode("utf-8")).hexdigest()


class OrderDialog(QDialog):
    """``describe(scene, authcfg)`` starts a task whose ``done(description, error)``
    tells which packaging formats EODMS offers; it runs whenever credentials are chosen."""

    def __init__(self, scenes, authcfg, packaging, describe, already_ordered=(), parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Order from EODMS"))
        self.scenes = scenes
        self._describe = describe
        self._task = None
        self._refused = None  # fingerprint of the credentials EODMS refused (HTTP 401): Order stays off
        layout = QVBoxLayout(self)
        count = len(scenes)
        intro = QLabel(tr("Order {0} scene(s) from EODMS. EODMS e-mails you when each order is "
                          "submitted and again with download links.").format(count))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        # Compact: the title (long, any language) is elided in its column and shown whole as a tooltip.
        self.table = QTableWidget(count, 4)
        self.table.setHorizontalHeaderLabels([tr("Scene"), tr("Collection"), tr("Date"), tr("Title")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for row, scene in enumerate(scenes):
            for column, key in enumerate(("record_id", "collection_id", "acquired", "title")):
                item = QTableWidgetItem(scene.get(key, ""))
                if key == "title":
                    item.setToolTip(tooltip(scene.get(key, "")))
                self.table.setItem(row, column, item)
        self.table.setMinimumHeight(self.table.verticalHeader().defaultSectionSize() * min(count, 3) + 30)
        layout.addWidget(self.table, 1)
        if already_ordered:
            warning = plain_label(tr("Already ordered: {0}. They will be ordered again.").format(
                ", ".join(sorted(already_ordered))))
            warning.setWordWrap(True)
            warning.setStyleSheet("color: #b15928")
            layout.addWidget(warning)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.auth_select = QgsAuthConfigSelect(self)
        self.auth_select.setToolTip(tr("QGIS authentication configuration (Basic) with your EODMS username "
                                       "and password; create one with the + button"))
        self.auth_select.setConfigId(authcfg)
        self.auth_select.selectedConfigIdChanged.connect(self._refresh_formats)
        form.addRow(tr("EODMS credentials"), self.auth_select)
        self.packaging_combo = QComboBox()
        self.packaging_combo.setToolTip(tr("How EODMS packages the delivered files"))
        self._fill_packaging(PACKAGING_FORMATS, packaging)
        form.addRow(tr("Packaging"), self.packaging_combo)
        self.status = plain_label()
        self.status.setWordWrap(True)
        form.addRow(self.status)
        layout.addLayout(form)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Order"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(560, 360)
        # Credentials edited in QGIS' authentication settings (the ✎ button here too): ask EODMS again.
        QgsApplication.authManager().authDatabaseChanged.connect(self._credentials_edited)
        self.finished.connect(self._disconnect)
        self._refresh_formats(authcfg)

    def _credentials_edited(self):
        self._refresh_formats(self.authcfg())

    def event(self, event):
        """Back from editing the refused auth config (its ✎ button, or QGIS' settings): when its
        content changed, ask EODMS again (QGIS has no signal for one edited auth config)."""
        if (event.type() == QEvent.Type.WindowActivate and self._refused is not None
                and _fingerprint(self.authcfg()) != self._refused):
            self._refresh_formats(self.authcfg())
        return super().event(event)

    def _disconnect(self, *_):
        try:
            QgsApplication.authManager().authDatabaseChanged.disconnect(self._credentials_edited)
        except (TypeError, RuntimeError):
            pass

    def authcfg(self):
        return self.auth_select.configId()

    def packaging(self):
        """The packaging chosen; ``SERVER_DEFAULT`` ('') sends none (the server's default)."""
        value = self.packaging_combo.currentData()
        return SERVER_DEFAULT if value is None else value

    def _fill_packaging(self, formats, wanted):
        """The formats on offer, then "Server default" (no packaging parameter sent)."""
        self.packaging_combo.clear()
        for value in formats:
            self.packaging_combo.addItem(value, value)
        self.packaging_combo.addItem(tr("Server default"), SERVER_DEFAULT)
        index = self.packaging_combo.findData(wanted)
        if wanted is not None and index >= 0:
            self.packaging_combo.setCurrentIndex(index)

    def _refresh_formats(self, authcfg):
        self._refused = None
        ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok_button.setEnabled(bool(authcfg))
        if not authcfg:
            self.status.setText(tr("Choose or create the QGIS authentication configuration holding your "
                                   "EODMS username and password."))
            return
        self.status.setText(tr("Asking EODMS which packaging formats it offers…"))
        self._task = self._describe(self.scenes[0], authcfg)
        if self._task is not None:
            self._task.done.connect(self._formats_arrived)  # a bound slot: disconnected if the dialog goes

    def _formats_arrived(self, description, error):
        task = self.sender()
        if task is not None and task is not self._task:
            return  # the answer for credentials chosen before: another question is on its way
        if error:
            if isinstance(getattr(task, "error", None), AuthError):
                # Ordering with credentials EODMS just refused would only fail again: Order stays off
                # until another auth config is chosen or this one is edited (both ask EODMS again).
                self._refused = _fingerprint(self.authcfg())
                self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
                error += " " + tr("Order is off until you choose other credentials or edit these.")
            self.status.setText(error)
            return
        if description is None:
            return
        current = self.packaging()
        offered = description.packaging_formats
        if not offered:  # nothing to choose: EODMS packages the scene its own way
            self._fill_packaging((), SERVER_DEFAULT)
            self.status.setText(tr("EODMS offers no packaging choice for this scene: it will use its default."))
            return
        wanted = current if current in offered or current == SERVER_DEFAULT else description.default_format
        self._fill_packaging(offered, wanted)
        self.status.setText(tr("EODMS offers: {0} (default {1}).").format(
            ", ".join(offered), description.default_format or "–"))
