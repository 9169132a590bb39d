"""The EO Order dock: one tab per job (CSW search, orders, Copernicus, WCS coverages)."""

from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import QDockWidget, QTabWidget

from .copernicus_panel import CopernicusPanel
from .ordering import OrderController
from .orders_panel import OrdersPanel
from .search_panel import SearchPanel
from .wcs_panel import WcsPanel


def tr(text):
    return QCoreApplication.translate("EoOrderDock", text)


class EoOrderDock(QDockWidget):
    def __init__(self, iface, parent=None, journal_path=None):
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
        self.setWidget(self.tabs)

    def shutdown(self):
        """Cancel running work and disconnect from QGIS (plugin unload)."""
        self.search.shutdown()
        self.orders.shutdown()
        self.copernicus.shutdown()
        self.wcs.shutdown()
