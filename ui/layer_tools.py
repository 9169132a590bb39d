"""What a user does with a footprint layer once it is on the map: **Export footprints…** and **Show
quicklooks**, from two places that run the same code —

- the Layers panel's context menu of footprint layers (:class:`LayerActions`: QGIS shows a custom
  layer action only on the layers it was registered for, so every footprint layer the project gets —
  from the dock, Processing or a file with EO Order's fields — is registered as it arrives);
- a row of buttons under the results table of the Search tab (:class:`LayerToolsRow`).
"""

from qgis.core import QgsMapLayerType, QgsProject
from qgis.PyQt.QtCore import QCoreApplication, QObject
from qgis.PyQt.QtWidgets import QAction, QHBoxLayout, QPushButton, QWidget

from ..core.footprints import layer_kind
from ..core.names import MENU


def tr(text):
    return QCoreApplication.translate("LayerTools", text)


def export_layer(iface, layer):
    from .export_dialog import export_layer_interactively

    return export_layer_interactively(iface, layer)


def show_layer_quicklooks(iface, layer):
    from .quicklooks import show_quicklooks

    return show_quicklooks(iface, layer)


def tools():
    """(text, tooltip, handler(iface, layer)) of each tool, in menu order."""
    return (
        (tr("Export footprints…"), tr("Save the footprints (all or the selected ones) as GeoPackage, GeoJSON, "
                                      "KML, CSV or Shapefile"), export_layer),
        (tr("Show quicklooks"), tr("Put the quicklooks of the selected footprints on the map, each stretched "
                                   "onto its footprint"), show_layer_quicklooks),
    )


class LayerActions(QObject):
    """EO Order's entries in the Layers panel's context menu of footprint layers (not of others)."""

    def __init__(self, iface, parent=None):
        super().__init__(parent)
        self.iface = iface
        self.actions = []
        for text, tooltip, handler in tools():
            action = QAction(text, iface.mainWindow())
            action.setToolTip(tooltip)
            action.triggered.connect(lambda _=False, h=handler: self._run(h))
            iface.addCustomActionForLayerType(action, MENU, QgsMapLayerType.VectorLayer, False)
            self.actions.append(action)
        QgsProject.instance().layersAdded.connect(self._layers_added)
        self._layers_added(QgsProject.instance().mapLayers().values())

    def _layers_added(self, layers):
        for layer in layers:
            if layer_kind(layer) is not None:
                for action in self.actions:
                    self.iface.addCustomActionForLayer(action, layer)

    def _run(self, handler):
        layer = self.iface.activeLayer()  # the layer right-clicked in the Layers panel
        if layer_kind(layer) is not None:
            handler(self.iface, layer)

    def remove(self):
        try:
            QgsProject.instance().layersAdded.disconnect(self._layers_added)
        except (TypeError, RuntimeError):
            pass
        for action in self.actions:
            self.iface.removeCustomActionForLayerType(action)
            action.deleteLater()
        self.actions = []


class LayerToolsRow(QWidget):
    """The tools as buttons for the layer a tab shows (``layer_getter()``; None → disabled)."""

    def __init__(self, iface, layer_getter, parent=None):
        super().__init__(parent)
        self.iface = iface
        self.layer_getter = layer_getter
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.buttons = []
        for text, tooltip, handler in tools():
            button = QPushButton(text)
            button.setToolTip(tooltip)
            button.clicked.connect(lambda _=False, h=handler: self._run(h))
            row.addWidget(button)
            self.buttons.append(button)
        self.export_button, self.quicklook_button = self.buttons
        row.addStretch(1)
        self.update_state()

    def _run(self, handler):
        layer = self.layer_getter()
        if layer is not None:
            return handler(self.iface, layer)
        return None

    def update_state(self):
        layer = self.layer_getter()
        has_layer = layer is not None
        self.export_button.setEnabled(has_layer)
        try:
            selected = has_layer and layer.selectedFeatureCount() > 0
        except RuntimeError:
            selected = False
        self.quicklook_button.setEnabled(bool(selected))
