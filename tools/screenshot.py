"""Run inside the real QGIS desktop (``qgis --code tools/screenshot.py``): open the
EO Order dock, search the local demo catalogue for Ottawa, select a few records, show
their quicklooks on the map and save a picture of the main window to $EO_ORDER_SHOT,
then quit.

Started by ``tools/screenshot.sh`` under Xvfb with a throw-away profile in which
the plugin is installed; $EO_ORDER_CSW is the local pycsw URL. With ``EO_ORDER_SCENE=orders``
the picture shows the Orders tab (a few demo journal rows) and the order dialog for the selected
records instead, taken from the whole screen (the dialog is a window of its own).
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
SCENE = os.environ.get("EO_ORDER_SCENE", "")


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
    QTimer.singleShot(5000, step_orders if SCENE == "orders" else step_shoot)


def step_orders():
    """The Orders tab with demo journal rows, and the order dialog for three selected records."""
    from eo_order.ui.order_dialog import OrderDialog

    plugin = plugins["eo_order"]
    dock = plugin.dock
    journal = dock.orders.journal
    for number, (record_id, status, message) in enumerate((
            ("5120435", "submitted", "EODMS accepted the order; watch your e-mail for the delivery links."),
            ("5120436", "failed", "EODMS refused the order: the scene is no longer available (OWS exception)."),
            ("5120437", "submitted", "EODMS accepted the order; watch your e-mail for the delivery links."))):
        row = journal.begin(record_id, "Radarsat2", title="RADARSAT-2 SGF", packaging="ZIP")
        journal.finish(row, status, message, f"<OrderResponse><OrderId>77120{number}</OrderId></OrderResponse>"
                       if status == "submitted" else "")
    dock.orders_panel.refresh()
    dock.tabs.setCurrentWidget(dock.orders_panel)
    layer = dock.search.layer
    features = sorted(layer.getFeatures(), key=lambda f: f.id())[:3] if layer is not None else []
    from eo_order.core.footprints import scene_from_feature

    dialog = OrderDialog([scene_from_feature(f) for f in features], "", "ZIP", dock.orders.describe,
                         {features[0]["record_id"]} if features else (), iface.mainWindow())
    dialog.show()
    dialog.move(iface.mainWindow().geometry().center() - dialog.rect().center())
    plugin._shot_dialog = dialog
    QTimer.singleShot(2500, step_shoot)


def step_shoot():
    window = iface.mainWindow()
    if SCENE == "orders":  # the dialog is a window of its own: take the whole screen
        from qgis.PyQt.QtGui import QGuiApplication

        QGuiApplication.primaryScreen().grabWindow(0).save(SHOT, "PNG")
        print(f"[shot] window {window.frameGeometry()}, dialog "
              f"{plugins['eo_order']._shot_dialog.frameGeometry()}", flush=True)
    else:
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
