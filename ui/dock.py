"""The EO Order dock: one tab per job (CSW search, orders, Copernicus, WCS coverages, history)."""

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
from ..core.history import SearchHistory, cdse_params, csw_params
from .copernicus_panel import CopernicusPanel
from .help import HelpDialog
from .history_panel import HistoryPanel
from .messages import push_message
from .ordering import OrderController
from .orders_panel import OrdersPanel
from .search_panel import SearchPanel
from .wcs_panel import WcsPanel

# README sections (headings) per tab, for the help button.
HELP_SECTIONS = {
    "SearchPanel": "Search EODMS or a CSW catalogue",
    "OrdersPanel": "Order from EODMS",
    "CopernicusPanel": "Copernicus Data Space",
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
        self.search = SearchPanel(iface, self.tabs)
        self.orders = OrderController(iface, journal_path, self)
        self.orders_panel = OrdersPanel(self.orders, self.tabs)
        self.search.orderRequested.connect(self.orders.request_order)
        self.tabs.addTab(self.search, tr("Search"))
        self.tabs.addTab(self.orders_panel, tr("Orders"))
        self.copernicus = CopernicusPanel(iface, self.tabs)
        self.tabs.addTab(self.copernicus, tr("Copernicus"))
        self.wcs = WcsPanel(iface, self.tabs)
        self.tabs.addTab(self.wcs, tr("WCS"))
        self.history = SearchHistory(history_path)
        self.history_panel = HistoryPanel(self.history, self.tabs)
        self.tabs.addTab(self.history_panel, tr("History"))
        self.search.searched.connect(self._csw_searched)
        self.copernicus.searched.connect(self._cdse_searched)
        self.history_panel.rerunRequested.connect(self.rerun)
        self.history_panel.loadBoxRequested.connect(self.load_box)
        for source, others in ((self.search, (self.wcs, self.copernicus)), (self.wcs, (self.search, self.copernicus))):
            for other in others:  # a change made in one tab's Connections manager shows in the others
                source.connectionsChanged.connect(other.reload_connections)
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

    def _csw_searched(self, catalog, query, count):
        self.history.add("csw", catalog.label, catalog.url, csw_params(query), count)
        self.history_panel.refresh()

    def _cdse_searched(self, query, count):
        self.history.add("cdse", "Copernicus Data Space", self.copernicus.settings.cdse_urls[0],
                         cdse_params(query), count)
        self.history_panel.refresh()

    def _panel_for(self, entry):
        return self.copernicus if entry.kind == "cdse" else self.search

    def rerun(self, entry):
        """Run a history entry again, exactly (same catalogue, area, dates and filters)."""
        panel = self._panel_for(entry)
        self.tabs.setCurrentWidget(panel)
        if entry.kind == "cdse":
            return panel.search(ring=panel.restore(entry))
        panel.restore(entry)
        return panel.search()

    def load_box(self, entry):
        """Take a history entry's box as the search box of its tab, and show it on the map."""
        panel = self._panel_for(entry)
        self.tabs.setCurrentWidget(panel)
        panel.extent_box.set_box(entry.box)
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
        self.copernicus.shutdown()
        self.wcs.shutdown()
        self.history.close()
