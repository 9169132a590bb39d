"""Downloading Copernicus products from the map and the dock → DownloadTask → files + "Downloaded".

:class:`DownloadController` checks the account and folder, starts one
:class:`~..core.tasks.DownloadTask` per batch, keeps the footprint layer's ``downloaded`` field and
style true as products arrive, adds the canvas right-click entries for product footprints and opens
finished products in QGIS.
"""

import os

from qgis.core import Qgis, QgsApplication, QgsCoordinateTransform, QgsCsException, QgsProject, QgsRectangle
from qgis.PyQt.QtCore import QCoreApplication, QObject, QUrl, pyqtSignal
from qgis.PyQt.QtGui import QDesktopServices

from ..core.auth import auth_hint, credentials_from_authcfg
from ..core.cdse_auth import TokenManager
from ..core.cdse_batch import DownloadRecorder, file_source, items_from_features, set_downloaded_flags
from ..core.cdse_download import CANCELLED, OFFLINE, SKIPPED, UNVERIFIED, VERIFIED, Downloader, downloaded_path
from ..core.cdse_download import FAILED as FAILED_STATUS
from ..core.errors import EoOrderError
from ..core.footprints import PRODUCTS, QUERY_LOG_PROPERTY
from ..core.product_open import open_layers
from ..core.settings import Settings
from ..core.tasks import DONE, FAILED, PARTLY, DownloadTask
from .map_pick import FootprintAction, SelectionAction, add_footprint_entries
from .messages import folder_link, push_message
from .quicklooks import show_quicklooks


def tr(text):
    return QCoreApplication.translate("DownloadController", text)


def describe_downloads(outcomes, folder, on_disk=None):
    """The one sentence that ends a download batch, e.g. "3 of 4 products on disk in /data (3 verified);
    1 offline (in the long-term archive): order it in the Copernicus Data Space browser first." or,
    when nothing reached the disk, "Download failed: <why>; nothing downloaded." Products a stopped
    batch never tried are named. ``on_disk``: the translated "{0} of {1} … on disk in {2}" of what
    the batch downloads (products by default; STAC assets)."""
    counts = {}
    for outcome in outcomes:
        counts[outcome.status] = counts.get(outcome.status, 0) + 1
    done = sum(1 for o in outcomes if o.done)
    not_tried = [o for o in outcomes if o.status == FAILED_STATUS and o.message.startswith(f"{o.name}: not tried")]
    failed = [o for o in outcomes if o.status == FAILED_STATUS and o not in not_tried]
    problems = []
    if counts.get(OFFLINE):
        problems.append(tr("{0} offline (in the long-term archive): order it in the Copernicus Data Space browser "
                           "first").format(counts[OFFLINE]))
    if counts.get(CANCELLED):
        problems.append(tr("{0} cancelled (partial files are kept and resumed next time)").format(counts[CANCELLED]))
    if not_tried:
        problems.append(tr("{0} not tried: {1}").format(len(not_tried), ", ".join(o.name for o in not_tried[:5])))
    if not done and failed:
        text = tr("Download failed: {0}").format(failed[0].message.rstrip(". ")) + tr("; nothing downloaded.")
        if len(failed) > 1:
            text += " " + tr("{0} more failed.").format(len(failed) - 1)
        return text + (" " + "; ".join(problems) + "." if problems else "")
    kinds = []
    for status, label in ((VERIFIED, tr("{0} verified")), (UNVERIFIED, tr("{0} complete, no checksum to verify")),
                          (SKIPPED, tr("{0} already there"))):
        if counts.get(status):
            kinds.append(label.format(counts[status]))
    text = (on_disk or tr("{0} of {1} products on disk in {2}")).format(done, len(outcomes), folder)
    if kinds:
        text += " (" + ", ".join(kinds) + ")"
    if failed:
        problems.insert(0, tr("{0} failed: {1}").format(len(failed), failed[0].message.rstrip(". ")))
    return text + ("; " + "; ".join(problems) if problems else "") + "."



def announce_ending(iface, task, folder, outcomes, error):
    """Say how a download batch ended, once, in the message bar — green when all is on disk, orange
    when partly, red when nothing (with the reason); a cancelled batch says its parts are kept.
    Returns that sentence (the dock's status line shows it too)."""
    if error:
        push_message(iface, tr("Download failed: {0}").format(error), Qgis.MessageLevel.Critical)
        return error
    if outcomes is None:
        ending = tr("Download cancelled; partial files are kept and the next download resumes them.")
        push_message(iface, ending, Qgis.MessageLevel.Info)
        return ending
    level = {DONE: Qgis.MessageLevel.Success, PARTLY: Qgis.MessageLevel.Warning}.get(
        task.verdict, Qgis.MessageLevel.Critical)
    link = folder_link(folder, tr("Show folder")) if task.verdict != FAILED else ""
    push_message(iface, task.ending, level, 0 if task.verdict == FAILED else 15, link)
    return task.ending

class DownloadController(QObject):
    """Runs Copernicus downloads. ``progressed(Progress)``, ``productDone(layer, Outcome)`` and
    ``finished(outcomes, error)`` let the Search tab show what happens."""

    progressed = pyqtSignal(object)
    productDone = pyqtSignal(object, object)
    started = pyqtSignal()
    finished = pyqtSignal(object, str)

    def __init__(self, iface, parent=None):
        super().__init__(parent)
        self.iface = iface
        self.canvas = iface.mapCanvas()
        self.settings = Settings()
        self.task = None
        self.ending = ""  # the last batch's final sentence
        self.canvas.contextMenuAboutToShow.connect(self._canvas_menu)

    # --- entry points -------------------------------------------------------------------

    @property
    def busy(self):
        return self.task is not None

    def request_download(self, layer, features):
        """Download the products of ``features`` (of the product ``layer``) into the configured folder.

        Returns the task, or None when refused (a message says why)."""
        if self.task is not None:
            push_message(self.iface, tr("A download is already running: wait for it or cancel it first."),
                          Qgis.MessageLevel.Warning)
            return None
        try:
            items = items_from_features(features)
            authcfg = self.settings.cdse_authcfg
            credentials = credentials_from_authcfg(authcfg, "Copernicus Data Space")
        except EoOrderError as exc:
            push_message(self.iface, str(exc), Qgis.MessageLevel.Warning)
            return None
        offline = [item for item in items if not item.online]
        if len(offline) == len(items):
            push_message(self.iface, tr("Nothing downloaded: the {0} selected product(s) are offline (in the long-term "
                                        "archive). Order them in the Copernicus Data Space browser first, then "
                                        "download them once they are online.").format(len(items)),
                         Qgis.MessageLevel.Warning)
            return None
        if offline:
            push_message(self.iface, tr("{0} of the {1} selected products are offline (in the long-term archive) and "
                                        "will not download; downloading the other {2}.").format(
                len(offline), len(items), len(items) - len(offline)), Qgis.MessageLevel.Info)
        _catalogue, download_url, token_url = self.settings.cdse_urls
        folder = self.settings.cdse_folder
        tokens = TokenManager(token_url, credentials=credentials, auth_hint=auth_hint(authcfg))
        downloader = Downloader(tokens, folder, download_url=download_url,
                                concurrency=self.settings.cdse_concurrency)
        log_path = layer.customProperty(QUERY_LOG_PROPERTY) or None
        if log_path and not os.path.isfile(log_path):
            log_path = None
        recorder = DownloadRecorder(log_path, file_source(layer))
        task = DownloadTask(downloader, items, recorder, describe=lambda outcomes: describe_downloads(outcomes, folder))
        task.progressed.connect(self.progressed)
        task.productDone.connect(lambda outcome: self._product_done(layer, outcome))
        task.done.connect(lambda outcomes, error: self._done(task, folder, outcomes, error))
        self.task = task
        QgsApplication.taskManager().addTask(task)
        self.started.emit()
        return task

    def cancel(self):
        if self.task is not None:
            self.task.cancel()

    def product_path(self, feature):
        """The file a product feature downloads to (whether it exists yet or not)."""
        return downloaded_path(self.settings.cdse_folder, feature["name"], feature["product_id"])

    def open_products(self, features):
        """Add each downloaded product of ``features`` to the map, zoom to what was added and say
        what it was (or why nothing was); products QGIS cannot read are shown in the file browser
        instead. Returns the layers added."""
        layers, opened, unreadable, missing = [], [], [], []
        for feature in features:
            path = self.product_path(feature)
            if not os.path.isfile(path):
                missing.append(feature["name"])
                continue
            added = open_layers(path, QgsProject.instance(), group_name=feature["name"])
            if added:
                layers += added
                opened.append(feature["name"])
            else:
                unreadable.append(path)
        if layers:
            zoomed = self._zoom_to(layers)
            text = tr("Added {0} layer(s) of {1}.").format(len(layers), ", ".join(opened[:3]))
            if len(opened) > 3:
                text += " " + tr("(and {0} more products)").format(len(opened) - 3)
            if not zoomed:
                text += " " + tr("They have no georeferencing QGIS can place on the map.")
            push_message(self.iface, text, Qgis.MessageLevel.Success if zoomed else Qgis.MessageLevel.Warning)
        if missing:
            push_message(self.iface, tr("Not downloaded yet: {0}. Download them first.").format(", ".join(missing[:3])),
                         Qgis.MessageLevel.Warning)
        if unreadable:
            push_message(self.iface, tr("QGIS cannot display {0} directly; it is shown in your file browser.").format(
                os.path.basename(unreadable[0])), Qgis.MessageLevel.Info)
            self.show_in_browser(unreadable[0])
        if not (layers or missing or unreadable):
            push_message(self.iface, tr("Select downloaded products to open them."), Qgis.MessageLevel.Info)
        return layers

    def _zoom_to(self, layers):
        """Zoom the map to ``layers`` (their extents in the map's CRS); False when none has one."""
        canvas_crs = self.canvas.mapSettings().destinationCrs()
        extent = QgsRectangle()
        extent.setMinimal()
        for layer in layers:
            box = layer.extent()
            if box.isEmpty() or not layer.crs().isValid():
                continue
            try:
                box = QgsCoordinateTransform(layer.crs(), canvas_crs, QgsProject.instance()).transformBoundingBox(box)
            except QgsCsException:
                continue
            extent.combineExtentWith(box)
        if extent.isEmpty() or not extent.isFinite():
            return False
        extent.scale(1.05)
        self.canvas.setExtent(extent)
        self.canvas.refresh()
        return True

    def show_in_browser(self, path):
        QDesktopServices.openUrl(QUrl.fromLocalFile(os.path.dirname(path)))

    # --- progress and results --------------------------------------------------------------

    def _product_done(self, layer, outcome):
        """Show a finished product as downloaded. File layers were updated by the recorder on the
        download thread (re-read them); memory layers are updated here."""
        try:
            layer.id()
        except RuntimeError:  # the layer was removed meanwhile: the query log still has it
            return
        if outcome.done:
            if layer.providerType() == "memory":
                set_downloaded_flags(layer.dataProvider(), [outcome.product_id])
            else:
                layer.reload()
            layer.triggerRepaint()
        self.productDone.emit(layer, outcome)

    def _done(self, task, folder, outcomes, error):
        """The batch's one final message: all done (green), partly (orange) or failed (red), and why."""
        if task is self.task:
            self.task = None
        self.ending = announce_ending(self.iface, task, folder, outcomes, error)
        self.finished.emit(outcomes, error)

    # --- map -----------------------------------------------------------------------------

    def _canvas_menu(self, menu, event):
        add_footprint_entries(menu, self.canvas, event.mapPoint(), PRODUCTS, [
            FootprintAction(tr("Download this product: {0}"), tr("Download one of {0} products here"),
                            lambda layer, feature: self.request_download(layer, [feature])),
            FootprintAction(tr("Show quicklook: {0}"), tr("Show the quicklook of one of {0} products"),
                            lambda layer, feature: show_quicklooks(self.iface, layer, [feature]),
                            lambda feature: bool(feature["quicklook_url"])),
        ], SelectionAction(tr("Download {0} selected products"), self.request_download))

    def shutdown(self):
        try:
            self.canvas.contextMenuAboutToShow.disconnect(self._canvas_menu)
        except (TypeError, RuntimeError):
            pass
        if self.task is not None:
            self.task.cancel()

