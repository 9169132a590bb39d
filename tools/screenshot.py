"""Run inside the real QGIS desktop (``qgis --code tools/screenshot.py``): open the
EO Order dock, search the local demo catalogue for Ottawa, select a few records, show
their quicklooks on the map and save a picture of the main window to $EO_ORDER_SHOT,
then quit.

Started by ``tools/screenshot.sh`` under Xvfb with a throw-away profile in which
the plugin is installed; $EO_ORDER_CSW is the local pycsw URL.
"""

import os

from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QTimer
from qgis.utils import iface, loadPlugin, plugins, startPlugin

SHOT = os.environ["EO_ORDER_SHOT"]
CSW_URL = os.environ["EO_ORDER_CSW"]


def echo_log(message, tag, level):
    print(f"[{tag}] {message}", flush=True)  # the QGIS log panel, into qgis.log


def step_open():
    QgsApplication.messageLog().messageReceived.connect(echo_log)
    iface.mainWindow().showMaximized()
    loadPlugin("eo_order")
    startPlugin("eo_order")
    world = QgsVectorLayer("/usr/share/qgis/resources/data/world_map.gpkg|layername=states_provinces",
                           "Provinces", "ogr")
    QgsProject.instance().addMapLayer(world)
    QgsProject.instance().setCrs(QgsCoordinateReferenceSystem("EPSG:3857"))
    QTimer.singleShot(1500, step_search)


def step_search():
    canvas = iface.mapCanvas()
    crs = canvas.mapSettings().destinationCrs()
    to_map = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), crs, QgsProject.instance())
    canvas.setExtent(to_map.transformBoundingBox(QgsRectangle(-76.9, 44.7, -74.7, 45.8)))
    canvas.refresh()
    plugin = plugins["eo_order"]
    plugin.action.trigger()
    dock = plugin.dock.search
    dock.add_catalog(CSW_URL)
    from qgis.PyQt.QtCore import QDate

    dock.end_edit.setDate(QDate(2013, 3, 29))
    QTimer.singleShot(1500, dock.search_button.click)
    QTimer.singleShot(6000, step_select)


def step_select():
    from eo_order.ui.quicklooks import show_quicklooks

    dock = plugins["eo_order"].dock.search
    if dock.layer is not None:
        ids = sorted(f.id() for f in dock.layer.getFeatures())[:4]
        dock.layer.selectByIds(ids)
        show_quicklooks(iface, dock.layer)
        dock.layer.selectByIds(ids[:1])  # one record selected: the dock shows its thumbnail
    QTimer.singleShot(5000, step_shoot)


def step_shoot():
    window = iface.mainWindow()
    window.grab().save(SHOT, "PNG")
    dock_widget = plugins["eo_order"].dock
    with open(SHOT + ".txt", "w") as sizes:  # what fits: the window, the screen, the dock and its minimum
        screen = QgsApplication.primaryScreen().availableGeometry()
        hint = dock_widget.minimumSizeHint()
        sizes.write(f"window {window.frameGeometry().width()}x{window.frameGeometry().height()}, "
                    f"screen {screen.width()}x{screen.height()}, dock {dock_widget.width()}x{dock_widget.height()}, "
                    f"dock minimum {hint.width()}x{hint.height()}")
    dock = plugins["eo_order"].dock.search
    dock._remove_catalog()
    QTimer.singleShot(200, iface.actionExit().trigger)


QTimer.singleShot(2000, step_open)
