"""The plugin as QGIS loads it: action, dock, Processing provider, clean unload."""

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QEvent
from qgis.PyQt.QtWidgets import QAction, QDockWidget

import eo_order


def test_plugin_loads_opens_its_dock_and_unloads_cleanly(qgis_iface):
    window = qgis_iface.mainWindow()
    plugin = eo_order.classFactory(qgis_iface)
    plugin.initGui()
    registry = QgsApplication.processingRegistry()
    assert registry.providerById("eo_order") is not None
    assert registry.algorithmById("eo_order:search_csw") is not None
    assert plugin.action.text() == "Search imagery"
    assert plugin.dock is None  # created on first use

    plugin.action.trigger()
    assert plugin.dock is not None and plugin.action.isChecked()
    assert window.findChildren(QDockWidget, "EoOrderSearchDock") == [plugin.dock]
    plugin.action.trigger()
    assert not plugin.dock.isVisible()

    plugin.unload()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # run deleteLater()
    assert registry.providerById("eo_order") is None
    assert window.findChildren(QAction, "eoOrderSearchImagery") == []
    assert window.findChildren(QDockWidget, "EoOrderSearchDock") == []
