"""QGIS entry point: toolbar action, Web menu entry, dock and Processing provider."""

import os

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from .core.names import MENU
from .processing_provider.provider import EoOrderProvider

ICON = os.path.join(os.path.dirname(__file__), "icons", "eo_order.svg")
I18N = os.path.join(os.path.dirname(__file__), "i18n")


def tr(text):
    return QCoreApplication.translate("EoOrderPlugin", text)


def install_translator():
    """Load ``i18n/eo_order_<lang>.qm`` for QGIS' own locale (Settings › Options › General ›
    Override system locale, else the system's); returns the installed QTranslator or None (English)."""
    locale = QgsApplication.locale() or QLocale().name()
    path = os.path.join(I18N, f"eo_order_{locale[:2].lower()}.qm")
    translator = QTranslator()
    if not os.path.isfile(path) or not translator.load(path):
        return None
    QCoreApplication.installTranslator(translator)
    return translator


class EoOrderPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.translator = install_translator()
        self.provider = None
        self.action = None
        self.dock = None
        self.layer_actions = None

    def initProcessing(self):  # noqa: N802 - called by QGIS
        if self.provider is None:
            self.provider = EoOrderProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self):  # noqa: N802 - called by QGIS
        self.initProcessing()
        self.action = QAction(QIcon(ICON), tr("Search imagery"), self.iface.mainWindow())
        self.action.setObjectName("eoOrderSearchImagery")
        self.action.setToolTip(tr("Search imagery: open the EO Order dock"))
        self.action.setCheckable(True)
        self.action.toggled.connect(self.toggle_dock)
        self.iface.addToolBarIcon(self.action)
        self.iface.addPluginToWebMenu(MENU, self.action)
        from .ui.layer_tools import LayerActions

        self.layer_actions = LayerActions(self.iface)

    def toggle_dock(self, visible):
        if visible and self.dock is None:
            from .ui.dock import EoOrderDock

            self.dock = EoOrderDock(self.iface, self.iface.mainWindow())
            self.dock.visibilityChanged.connect(self._dock_visibility_changed)
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        if self.dock is not None:
            self.dock.setVisible(visible)

    def _dock_visibility_changed(self, visible):
        if self.action is not None and self.action.isChecked() != visible:
            self.action.blockSignals(True)
            self.action.setChecked(visible)
            self.action.blockSignals(False)

    def unload(self):
        if self.layer_actions is not None:
            from .ui.quicklooks import cancel_all

            cancel_all()
            self.layer_actions.remove()
            self.layer_actions = None
        if self.dock is not None:
            self.dock.shutdown()
            self.iface.removeDockWidget(self.dock)
            self.dock.deleteLater()
            self.dock = None
        if self.action is not None:
            self.iface.removePluginWebMenu(MENU, self.action)
            self.iface.removeToolBarIcon(self.action)
            self.action.deleteLater()
            self.action = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
            self.translator = None
