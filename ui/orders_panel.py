"""The Orders tab: the order journal, newest first."""

from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .messages import message_box, plain_label, tooltip

COLUMNS = ("requested_at", "record_id", "collection_id", "packaging", "status", "message")
STATUS_COLOURS = {"submitted": "#33a02c", "failed": "#e31a1c", "interrupted": "#ff7f00", "pending": "#1f78b4"}
LIMIT = 500


def tr(text):
    return QCoreApplication.translate("OrdersPanel", text)


class OrdersPanel(QWidget):
    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.controller = controller
        layout = QVBoxLayout(self)
        self.summary = plain_label()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(
            [tr("Requested (UTC)"), tr("Scene"), tr("Collection"), tr("Packaging"), tr("Status"), tr("Message")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setToolTip(tr("Every order attempt, written before and after the request. "
                                 "Double-click a row to see EODMS' reply."))
        self.table.cellDoubleClicked.connect(self._show_reply)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        refresh = QPushButton(tr("Refresh"))
        refresh.setToolTip(tr("Read the order journal again"))
        refresh.clicked.connect(self.refresh)
        buttons.addStretch(1)
        buttons.addWidget(refresh)
        layout.addLayout(buttons)
        self.entries = []
        controller.ordersChanged.connect(self.refresh)
        self.refresh()

    def refresh(self):
        self.entries = self.controller.journal.entries(LIMIT)
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            for column, name in enumerate(COLUMNS):
                item = QTableWidgetItem(str(getattr(entry, name) or ""))
                if name == "status":
                    item.setForeground(QColor(STATUS_COLOURS.get(entry.status, "#000000")))
                if name == "message":
                    item.setToolTip(tooltip(entry.message))
                self.table.setItem(row, column, item)
        counts = {}
        for entry in self.entries:
            counts[entry.status] = counts.get(entry.status, 0) + 1
        self.summary.setText(tr("{0} order attempts: {1}. Journal: {2}").format(
            len(self.entries), ", ".join(f"{n} {s}" for s, n in sorted(counts.items())) or tr("none yet"),
            self.controller.journal.path))
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def _show_reply(self, row, _column):
        entry = self.entries[row]
        box = message_box(QMessageBox.Icon.Information, tr("EODMS reply"),
                          tr("Scene {0} ({1}): {2}").format(entry.record_id, entry.collection_id, entry.status),
                          QMessageBox.StandardButton.Close, self, informative=entry.message or "")
        box.setDetailedText(entry.response or tr("(no reply recorded)"))
        box.open()
