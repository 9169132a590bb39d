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

# Compact for a narrow dock: collection and packaging are in the Scene cell's tooltip, the time
# is shown to the minute, the message is elided (whole in its tooltip and on double-click).
COLUMNS = ("requested_at", "record_id", "order_id", "status", "message")
STATUS_COLOURS = {"submitted": "#33a02c", "failed": "#e31a1c", "interrupted": "#ff7f00", "pending": "#1f78b4"}
LIMIT = 500


def tr(text):
    return QCoreApplication.translate("OrdersPanel", text)


def status_label(status):
    """A journal status in QGIS' language (the journal keeps the English word)."""
    return {"submitted": tr("submitted"), "failed": tr("failed"), "interrupted": tr("interrupted"),
            "pending": tr("pending")}.get(status, status)


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
            [tr("Requested (UTC)"), tr("Scene"), tr("EODMS order"), tr("Status"), tr("Message")])
        self.table.horizontalHeaderItem(2).setToolTip(tooltip(tr("The order id in EODMS' reply (quote it to EODMS "
                                                                 "support); empty when the reply has none")))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
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
                value = str(getattr(entry, name) or "")
                if name == "requested_at":
                    value = value.replace("T", " ")[:16]
                elif name == "status":
                    value = status_label(value)
                item = QTableWidgetItem(value)
                if name == "record_id":
                    item.setToolTip(tooltip(tr("{0} · collection {1} · packaging {2}").format(
                        entry.record_id, entry.collection_id or "–", entry.packaging or tr("server default"))))
                if name == "status":
                    item.setForeground(QColor(STATUS_COLOURS.get(entry.status, "#000000")))
                if name == "message":
                    item.setToolTip(tooltip(entry.message))
                self.table.setItem(row, column, item)
        counts = {}
        for entry in self.entries:
            counts[entry.status] = counts.get(entry.status, 0) + 1
        self.summary.setText(tr("{0} order attempts: {1}.").format(
            len(self.entries), ", ".join(f"{n} {status_label(s)}" for s, n in sorted(counts.items()))
            or tr("none yet")))
        self.summary.setToolTip(tooltip(tr("Journal: {0}").format(self.controller.journal.path)))
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def _show_reply(self, row, _column):
        entry = self.entries[row]
        title = tr("Scene {0} ({1}): {2}").format(entry.record_id, entry.collection_id, status_label(entry.status))
        if entry.order_id:
            title += " · " + tr("EODMS order {0}").format(entry.order_id)
        box = message_box(QMessageBox.Icon.Information, tr("EODMS reply"), title,
                          QMessageBox.StandardButton.Close, self, informative=entry.message or "")
        box.setDetailedText(entry.response or tr("(no reply recorded)"))
        box.open()
