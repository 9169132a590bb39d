"""Downloading Copernicus products from the map and the dock → DownloadTask → files + "Downloaded".

:class:`DownloadController` checks the account and folder, starts one
:class:`~..core.tasks.DownloadTask` per batch, keeps the footprint layer's ``downloaded`` field and
style true as products arrive, adds the canvas right-click entries for product footprints and opens
finished products in QGIS.
"""

import os

from qgis.core import Qgis, QgsApplication, QgsProject
from qgis.PyQt.QtCore import QCoreApplication, QObject, QUrl, pyqtSignal
from qgis.PyQt.QtGui import QDesktopServices

from ..core.auth import credentials_from_authcfg
from ..core.cdse_auth import TokenManager
from ..core.cdse_batch import DownloadRecorder, file_source, items_from_features, set_downloaded_flags
from ..core.cdse_download import Downloader, downloaded_path
from ..core.errors import EoOrderError
from ..core.footprints import PRODUCTS, QUERY_LOG_PROPERTY
from ..core.product_open import open_layers
from ..core.settings import Settings
from ..core.tasks import DownloadTask
from .map_pick import footprints_at
from .messages import folder_link, push_message
from .quicklooks import show_quicklooks


def tr(text):
    return QCoreApplication.translate("DownloadController", text)


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
        _catalogue, download_url, token_url = self.settings.cdse_urls
        folder = self.settings.cdse_folder
        tokens = TokenManager(token_url, credentials=credentials, auth_hint=f"auth config {authcfg}")
        downloader = Downloader(tokens, folder, download_url=download_url,
                                concurrency=self.settings.cdse_concurrency)
        log_path = layer.customProperty(QUERY_LOG_PROPERTY) or None
        if log_path and not os.path.isfile(log_path):
            log_path = None
        recorder = DownloadRecorder(log_path, file_source(layer))
        task = DownloadTask(downloader, items, recorder)
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
        """Add each downloaded product of ``features`` to the map; products QGIS cannot read are
        shown in the file browser instead. Returns the layers added."""
        layers, unreadable, missing = [], [], []
        for feature in features:
            path = self.product_path(feature)
            if not os.path.isfile(path):
                missing.append(feature["name"])
                continue
            opened = open_layers(path, QgsProject.instance(), group_name=feature["name"])
            if opened:
                layers += opened
            else:
                unreadable.append(path)
        if missing:
            push_message(self.iface, tr("Not downloaded yet: {0}. Download them first.").format(", ".join(missing[:3])),
                          Qgis.MessageLevel.Warning)
        if unreadable:
            push_message(self.iface, tr("QGIS cannot display {0} directly; it is shown in your file browser.").format(
                os.path.basename(unreadable[0])), Qgis.MessageLevel.Info)
            self.show_in_browser(unreadable[0])
        return layers

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
        if task is self.task:
            self.task = None
        self.finished.emit(outcomes, error)
        if error:
            push_message(self.iface, error, Qgis.MessageLevel.Critical)
            return
        if outcomes is None:
            push_message(self.iface,
                         tr("Download cancelled; partial files are kept and the next download resumes them."),
                         Qgis.MessageLevel.Info)
            return
        self._summary(outcomes, folder)

    def _summary(self, outcomes, folder):
        counts = {}
        for outcome in outcomes:
            counts[outcome.status] = counts.get(outcome.status, 0) + 1
        text = tr("Downloads to {0}: {1}.").format(folder, ", ".join(f"{n} {s}" for s, n in counts.items()))
        problems = [o for o in outcomes if o.status in ("failed", "offline", "cancelled")]
        if problems:
            text += " " + " ".join(o.message for o in problems[:2])
        level = Qgis.MessageLevel.Warning if problems else Qgis.MessageLevel.Success
        push_message(self.iface, text, level, 15, folder_link(folder, tr("Show folder")))

    # --- map -----------------------------------------------------------------------------

    def _canvas_menu(self, menu, event):
        under = footprints_at(self.canvas, event.mapPoint(), PRODUCTS)
        if not under:
            return
        menu.addSeparator()
        for layer, features in under.items():
            for feature in features[:5]:
                action = menu.addAction(tr("Download this product ({0})").format(feature["name"]))
                action.triggered.connect(lambda _=False, la=layer, f=feature: self.request_download(la, [f]))
                if feature["quicklook_url"]:
                    action = menu.addAction(tr("Show quicklook ({0})").format(feature["name"]))
                    action.triggered.connect(lambda _=False, la=layer, f=feature: show_quicklooks(self.iface, la, [f]))
            selected = layer.selectedFeatures()
            if len(selected) > 1:
                action = menu.addAction(tr("Download {0} selected products").format(len(selected)))
                action.triggered.connect(lambda _=False, la=layer, fs=selected: self.request_download(la, fs))


    def shutdown(self):
        try:
            self.canvas.contextMenuAboutToShow.disconnect(self._canvas_menu)
        except (TypeError, RuntimeError):
            pass
        if self.task is not None:
            self.task.cancel()

