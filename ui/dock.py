"""The EO Order dock: one tab per job (search any catalogue, orders, WCS coverages, history)."""

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsProject,
    QgsRectangle,
)
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtWidgets import QDockWidget, QLabel, QTabWidget, QToolButton, QVBoxLayout, QWidget

from ..core.footprints import CRS
from ..core.history import SearchHistory
from .help import HelpDialog
from .history_panel import HistoryPanel
from .messages import push_message
from .ordering import OrderController
from .orders_panel import OrdersPanel
from .search_tab import SearchTab
from .wcs_panel import WcsPanel

# README sections (headings) per tab, for the help button.
HELP_SECTIONS = {
    "SearchTab": "Search",
    "OrdersPanel": "Order from EODMS",
    "WcsPanel": "WCS 1.0.0",
    "HistoryPanel": "Search history",
}


def tr(text):
    return QCoreApplication.translate("EoOrderDock", text)


class EoOrderDock(QDockWidget):
    def __init__(self, iface, parent=None, journal_path=None, history_path=None):
        super().__init__(tr("EO Order – Search imagery"), parent)
        self.setObjectName("EoOrderSearchDock")
        self.iface = iface
        self.tabs = QTabWidget(self)
        self.search = SearchTab(iface, self.tabs)
        self.orders = OrderController(iface, journal_path, self)
        self.orders_panel = OrdersPanel(self.orders, self.tabs)
        self.search.orderRequested.connect(self.orders.request_order)
        self.search.ordered_ids = self.orders.journal.submitted_ids
        self.tabs.addTab(self.search, tr("Search"))
        self.tabs.addTab(self.orders_panel, tr("Orders"))
        self.wcs = WcsPanel(iface, self.tabs)
        self.tabs.addTab(self.wcs, tr("WCS"))
        self.history = SearchHistory(history_path)
        self.history_panel = HistoryPanel(self.history, self.tabs)
        self.tabs.addTab(self.history_panel, tr("History"))
        self.search.searched.connect(self._searched)
        self.history_panel.rerunRequested.connect(self.rerun)
        self.history_panel.loadBoxRequested.connect(self.load_box)
        # a change made in one tab's Connections manager shows in the other
        self.search.connectionsChanged.connect(self.wcs.reload_connections)
        self.wcs.connectionsChanged.connect(self.search.reload_connections)
        self.help_button = QToolButton(self.tabs)
        self.help_button.setText("?")
        self.help_button.setToolTip(tr("Help for this tab"))
        self.help_button.clicked.connect(self.show_help)
        self.tabs.setCornerWidget(self.help_button)
        self.notice = QLabel(self)  # a damaged journal/history file moved aside: said once, here and in the bar
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice.setStyleSheet("QLabel { background: #fff3cd; color: #664d03; padding: 4px; }")
        notices = [n for n in (self.orders.journal.notice, self.history.notice) if n]
        self.notice.setText("\n".join(notices))
        self.notice.setVisible(bool(notices))
        for text in notices:
            push_message(iface, text, Qgis.MessageLevel.Warning, 0)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.notice)
        layout.addWidget(self.tabs, 1)
        self.setWidget(body)

    # --- help ------------------------------------------------------------------------------

    def help_title(self):
        """The README section that documents the current tab."""
        return HELP_SECTIONS.get(self.tabs.currentWidget().__class__.__name__, "Use")

    def show_help(self):
        dialog = HelpDialog(self.help_title(), self)
        dialog.show()
        self._help = dialog
        return dialog

    # --- history ---------------------------------------------------------------------------

    def _searched(self, catalogue, query, count):
        self.history.add(catalogue.kind, catalogue.name, catalogue.url, catalogue.history_params(query), count)
        self.history_panel.refresh()

    def rerun(self, entry):
        """Run a history entry again, exactly (same catalogue, area, dates and filters)."""
        self.tabs.setCurrentWidget(self.search)
        return self.search.search(form=self.search.restore(entry))

    def load_box(self, entry):
        """Take a history entry's box as the search box of its tab, and show it on the map."""
        self.tabs.setCurrentWidget(self.search)
        self.search.extent_box.set_box(entry.box)
        canvas = self.iface.mapCanvas()
        to_map = QgsCoordinateTransform(QgsCoordinateReferenceSystem(CRS), canvas.mapSettings().destinationCrs(),
                                        QgsProject.instance())
        try:
            canvas.setExtent(to_map.transformBoundingBox(QgsRectangle(*entry.box)))
            canvas.refresh()
        except QgsCsException:
            pass  # the box cannot be shown in the canvas CRS; it is still the search box

    def shutdown(self):
        """Cancel running work and disconnect from QGIS (plugin unload)."""
        self.search.shutdown()
        self.orders.shutdown()
        self.wcs.shutdown()
        self.history.close()
