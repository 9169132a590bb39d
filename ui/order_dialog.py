"""Confirm an EODMS order: the scenes, the packaging format EODMS offers, the credentials."""

from qgis.gui import QgsAuthConfigSelect
from qgis.PyQt.QtCore import QCoreApplication
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
from .messages import plain_label


def tr(text):
    return QCoreApplication.translate("OrderDialog", text)


class OrderDialog(QDialog):
    """``describe(scene, authcfg)`` starts a task whose ``done(description, error)``
    tells which packaging formats EODMS offers; it runs whenever credentials are chosen."""

    def __init__(self, scenes, authcfg, packaging, describe, already_ordered=(), parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Order from EODMS"))
        self.scenes = scenes
        self._describe = describe
        self._task = None
        layout = QVBoxLayout(self)
        count = len(scenes)
        layout.addWidget(QLabel(tr("Order {0} scene(s) from EODMS. EODMS e-mails you when each order is "
                                   "submitted and again with download links.").format(count)))
        self.table = QTableWidget(count, 4)
        self.table.setHorizontalHeaderLabels([tr("Scene"), tr("Collection"), tr("Date"), tr("Title")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        for row, scene in enumerate(scenes):
            for column, key in enumerate(("record_id", "collection_id", "acquired", "title")):
                self.table.setItem(row, column, QTableWidgetItem(scene.get(key, "")))
        layout.addWidget(self.table)
        if already_ordered:
            warning = plain_label(tr("Already ordered: {0}. They will be ordered again.").format(
                ", ".join(sorted(already_ordered))))
            warning.setWordWrap(True)
            warning.setStyleSheet("color: #b15928")
            layout.addWidget(warning)

        form = QFormLayout()
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
        self.resize(640, 360)
        self._refresh_formats(authcfg)

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
        ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok_button.setEnabled(bool(authcfg))
        if not authcfg:
            self.status.setText(tr("Choose or create the QGIS authentication configuration holding your "
                                   "EODMS username and password."))
            return
        self.status.setText(tr("Asking EODMS which packaging formats it offers…"))
        self._task = self._describe(self.scenes[0], authcfg)
        if self._task is not None:
            self._task.done.connect(self._formats_arrived)

    def _formats_arrived(self, description, error):
        if error:
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
