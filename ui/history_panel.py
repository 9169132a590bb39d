"""The History tab: the last 20 searches (any catalogue), newest first; re-run one or load its box."""

from qgis.PyQt.QtCore import QCoreApplication, Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .messages import tooltip

ROLE_ID = Qt.ItemDataRole.UserRole


def tr(text):
    return QCoreApplication.translate("HistoryPanel", text)


class HistoryPanel(QWidget):
    """Lists :class:`~..core.history.SearchHistory`; ``rerunRequested(entry)`` and
    ``loadBoxRequested(entry)`` ask the dock to act on the chosen entry."""

    rerunRequested = pyqtSignal(object)
    loadBoxRequested = pyqtSignal(object)

    def __init__(self, history, parent=None):
        super().__init__(parent)
        self.history = history
        layout = QVBoxLayout(self)
        intro = QLabel(tr("Your last searches, newest first (kept in the QGIS profile folder)."))
        intro.setWordWrap(True)  # the dock fits a laptop screen (420 px wide)
        layout.addWidget(intro)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([tr("When"), tr("Catalogue"), tr("Search"), tr("Box"), tr("Results")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setToolTip(tr("Double-click a search to run it again"))
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.cellDoubleClicked.connect(lambda *_: self.rerun())
        layout.addWidget(self.table, 1)
        buttons = QGridLayout()
        self.rerun_button = QPushButton(tr("Re-run"))
        self.rerun_button.setToolTip(tr("Run the selected search again, exactly as it was"))
        self.rerun_button.clicked.connect(self.rerun)
        self.box_button = QPushButton(tr("Load box"))
        self.box_button.setToolTip(tr("Put the selected search's box into its tab's search box and zoom to it"))
        self.box_button.clicked.connect(self.load_box)
        self.clear_button = QPushButton(tr("Clear history"))
        self.clear_button.setToolTip(tr("Forget all searches"))
        self.clear_button.clicked.connect(self.clear)
        # Two rows (use a search; forget them all): narrow enough for a 420 px dock in any language.
        buttons.addWidget(self.rerun_button, 0, 0)
        buttons.addWidget(self.box_button, 0, 1)
        buttons.addWidget(self.clear_button, 1, 0)
        buttons.setColumnStretch(2, 1)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self):
        entries = self.history.entries()
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            box = entry.box
            cells = (
                entry.searched_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                entry.catalog,
                entry.describe(),
                ", ".join(f"{v:.2f}" for v in box) if box else "",
                str(entry.result_count),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ROLE_ID, entry.id)
                if column == 1:
                    item.setToolTip(tooltip(entry.url))
                self.table.setItem(row, column, item)
        self._update_buttons()

    def selected_entry(self):
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.history.entry(self.table.item(rows[0].row(), 0).data(ROLE_ID))

    def rerun(self):
        entry = self.selected_entry()
        if entry is not None:
            self.rerunRequested.emit(entry)

    def load_box(self):
        entry = self.selected_entry()
        if entry is not None:
            self.loadBoxRequested.emit(entry)

    def clear(self):
        self.history.clear()
        self.refresh()

    def _update_buttons(self):
        chosen = bool(self.table.selectionModel().selectedRows())
        self.rerun_button.setEnabled(chosen)
        self.box_button.setEnabled(chosen)
        self.clear_button.setEnabled(self.table.rowCount() > 0)
