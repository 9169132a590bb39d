"""Ordering from the map: canvas right-click, the dock's buttons → dialog → OrderTask.

:class:`OrderController` owns the order journal (in the QGIS profile folder), runs
every order on a :class:`~..core.tasks.WorkTask` and restyles footprint layers so
ordered scenes stand out.
"""

from qgis.core import Qgis, QgsApplication, QgsProject
from qgis.PyQt.QtCore import QCoreApplication, QObject, pyqtSignal
from qgis.PyQt.QtWidgets import QDialog

from ..core.auth import auth_hint, credentials_from_authcfg
from ..core.eodms_order import EodmsOrderClient
from ..core.errors import EoOrderError
from ..core.footprints import RECORDS, is_footprint_layer, scene_from_feature, style_footprints
from ..core.journal import OrderJournal, default_journal_path
from ..core.settings import Settings
from ..core.tasks import DONE, FAILED, PARTLY, OrderTask, WorkTask
from .map_pick import FootprintAction, SelectionAction, add_footprint_entries
from .messages import ask, push_message
from .order_dialog import OrderDialog
from .quicklooks import show_quicklooks


def tr(text):
    return QCoreApplication.translate("OrderController", text)


def describe_orders(results):
    """The one sentence that ends an order batch: how many orders EODMS accepted, and why the others failed."""
    failed = [r for r in results if not r.ok]
    done = len(results) - len(failed)
    if done:
        text = tr("EODMS accepted {0} of {1} order(s); watch your e-mail for the delivery links.").format(
            done, len(results))
    else:
        text = tr("Order failed: EODMS accepted none of the {0} order(s).").format(len(results))
    if failed:
        text += " " + tr("Failed: {0}").format("; ".join(f"{r.record_id}: {r.message}" for r in failed[:3]))
        if len(failed) > 3:
            text += " " + tr("({0} more in the Orders tab)").format(len(failed) - 3)
    return text


class OrderController(QObject):
    ordersChanged = pyqtSignal()

    def __init__(self, iface, journal_path=None, parent=None):
        super().__init__(parent)
        self.iface = iface
        self.canvas = iface.mapCanvas()
        self.settings = Settings()
        self.journal = OrderJournal(journal_path or default_journal_path())
        self.tasks = []
        self.canvas.contextMenuAboutToShow.connect(self._canvas_menu)
        QgsProject.instance().layersAdded.connect(self._layers_added)

    # --- entry points -------------------------------------------------------------------

    def request_order(self, features):
        """Ask for confirmation (dialog), then order the scenes of ``features``."""
        scenes = [s for s in (scene_from_feature(f) for f in features) if s["record_id"]]
        missing = [s for s in scenes if not s["collection_id"]]
        if not scenes or missing:
            push_message(self.iface, tr("These footprints have no EODMS record/collection id: search EODMS again "
                             "and order from the new footprints."), Qgis.MessageLevel.Warning)
            return None
        already = self.journal.submitted_ids() & {s["record_id"] for s in scenes}
        dialog = OrderDialog(scenes, self.settings.order_authcfg, self.settings.order_packaging,
                             self.describe, already, self.iface.mainWindow())
        if not self.confirm(dialog):
            return None
        if already and not self.confirm_reorder(sorted(already)):
            return None
        self.settings.order_authcfg = dialog.authcfg()
        self.settings.order_packaging = dialog.packaging()
        return self.start_order(scenes, dialog.packaging(), dialog.authcfg())

    def confirm(self, dialog):
        return dialog.exec() == QDialog.DialogCode.Accepted

    def confirm_reorder(self, record_ids):
        return ask(self.iface.mainWindow(), tr("Order again?"),
                   tr("EODMS already accepted orders for {0}. Order them again?").format(", ".join(record_ids)))

    def _client(self, authcfg):
        credentials = credentials_from_authcfg(authcfg, "EODMS")
        return EodmsOrderClient(self.settings.order_wcs_url, credentials=credentials,
                                auth_hint=auth_hint(authcfg))

    def describe(self, scene, authcfg):
        """Start a DescribeCoverage task for ``scene`` (the dialog's packaging list)."""
        try:
            client = self._client(authcfg)
        except EoOrderError as exc:
            push_message(self.iface, str(exc), Qgis.MessageLevel.Warning)
            return None
        task = WorkTask(tr("EO Order: describe EODMS scene {0}").format(scene["record_id"]),
                        lambda _task: client.describe(scene["record_id"], scene["collection_id"]))
        return self._run(task)

    def start_order(self, scenes, packaging, authcfg):
        """Order ``scenes`` on a background task; returns the task (None if refused)."""
        try:
            client = self._client(authcfg)
        except EoOrderError as exc:
            push_message(self.iface, str(exc), Qgis.MessageLevel.Critical)
            return None
        task = OrderTask(tr("EO Order: order {0} EODMS scene(s)").format(len(scenes)), client, scenes, self.journal,
                         packaging, describe_orders, scene_text=tr("scene {0} of {1}"))
        task.done.connect(lambda results, error: self._order_done(task, results, error))
        return self._run(task)

    def _run(self, task):
        self.tasks.append(task)
        task.done.connect(lambda *_: self.tasks.remove(task) if task in self.tasks else None)
        QgsApplication.taskManager().addTask(task)
        return task

    def _order_done(self, task, results, error):
        """The batch's one final message: all accepted (green), some (orange) or none (red), and why."""
        self.restyle()
        self.ordersChanged.emit()
        if error:
            text = tr("Order failed: {0}").format(error)
            if task.not_tried:
                text += " " + tr("Not tried: {0}; order them again once this is fixed.").format(
                    ", ".join(task.not_tried))
            push_message(self.iface, text, Qgis.MessageLevel.Critical, 0)
            return
        if results is None:
            push_message(self.iface, tr("Order cancelled: see the Orders tab for what was sent."),
                         Qgis.MessageLevel.Info)
            return
        level = {DONE: Qgis.MessageLevel.Success, PARTLY: Qgis.MessageLevel.Warning}.get(
            task.verdict, Qgis.MessageLevel.Critical)
        push_message(self.iface, task.ending, level, 0 if task.verdict == FAILED else 10)

    # --- map ---------------------------------------------------------------------------

    def _canvas_menu(self, menu, event):
        add_footprint_entries(menu, self.canvas, event.mapPoint(), RECORDS, [
            FootprintAction(tr("Order this scene: {0}"), tr("Order one of {0} scenes here"),
                            lambda _layer, feature: self.request_order([feature])),
            FootprintAction(tr("Show quicklook: {0}"), tr("Show the quicklook of one of {0} scenes"),
                            lambda layer, feature: show_quicklooks(self.iface, layer, [feature]),
                            lambda feature: bool(feature["thumbnail_url"])),
        ], SelectionAction(tr("Order {0} selected scenes"), lambda _layer, features: self.request_order(features)))

    def restyle(self, layers=None):
        """Fill ordered scenes green in every footprint layer."""
        submitted = self.journal.submitted_ids()
        for layer in layers or QgsProject.instance().mapLayers().values():
            if is_footprint_layer(layer):
                ids = {str(v) for v in layer.uniqueValues(layer.fields().indexOf("record_id"))}
                style_footprints(layer, submitted & ids)
                layer.triggerRepaint()

    def _layers_added(self, layers):
        self.restyle([layer for layer in layers if is_footprint_layer(layer)])


    def shutdown(self):
        for signal, slot in ((self.canvas.contextMenuAboutToShow, self._canvas_menu),
                             (QgsProject.instance().layersAdded, self._layers_added)):
            try:
                signal.disconnect(slot)
            except (TypeError, RuntimeError):
                pass
        for task in list(self.tasks):
            task.cancel()
        self.journal.close()
