"""Downloading the assets of STAC items from the dock → StacDownloadTask → files + stac-download.csv.

:class:`StacDownloads` asks once per batch which assets to download (:class:`AssetChoiceDialog`:
the asset keys of the selected items, from the layer's ``asset_keys`` field, and the usual roles,
``data`` ticked), then runs one :class:`StacDownloadTask` per batch: it reads the items again from
their self links (their assets, checksums and sizes), writes the STAC download log into the folder
before the first byte and marks each asset Downloaded as soon as it is verified. The credentials:
the auth config of the STAC connection the items came from (Basic, sent to that API's own origin
only), the Copernicus account of the download box for Copernicus Data Space assets (its token
manager), and a Planetary Computer signature for the assets on its blob storage.
"""

import os
import time

from qgis.core import Qgis, QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QObject, Qt, pyqtSignal
from qgis.PyQt.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout
from requests.auth import HTTPBasicAuth

from ..core.auth import auth_hint, credentials_from_authcfg
from ..core.cdse_auth import TokenManager
from ..core.connections import STAC, ConnectionStore
from ..core.download import BasicCredential
from ..core.errors import Cancelled, EoOrderError, InputError
from ..core.footprints import ITEMS
from ..core.settings import Settings
from ..core.stac import StacClient
from ..core.stac_download import (
    LOG_NAME,
    PlanetarySigner,
    StacDownloader,
    StacLogRecorder,
    asset_rows,
    fetch_items,
    is_copernicus,
    stac_credentials,
    start_stac_log,
)
from ..core.tasks import BatchTask, batch_verdict, log
from .downloading import announce_ending, describe_downloads
from .map_pick import FootprintAction, SelectionAction, add_footprint_entries
from .messages import push_message

ROLES = ("data", "metadata", "overview", "thumbnail")  # offered besides the keys; "data" ticked
KEY_PREFIX, ROLE_PREFIX = "key:", "role:"


def tr(text):
    return QCoreApplication.translate("StacDownloads", text)


def origin(url):
    """``scheme://host[:port]`` of ``url``, lower case ('' for anything else)."""
    parts = str(url or "").split("/", 3)
    return "/".join(parts[:3]).lower() if len(parts) >= 3 and parts[0].endswith(":") else ""


def layer_asset_keys(features):
    """The asset keys the ``asset_keys`` field of ``features`` lists, each once, in order."""
    keys = {}
    for feature in features:
        for key in str(feature["asset_keys"] or "").split(","):
            if key.strip() and key.strip().upper() != "NULL":
                keys[key.strip()] = None
    return list(keys)


class AssetChoiceDialog(QDialog):
    """Which assets of the selected items to download: roles first (``data`` ticked), then the
    asset keys. ``choices()`` gives what is ticked (keys and roles, as core.stac_download takes them)."""

    def __init__(self, keys, count, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Download STAC assets"))
        layout = QVBoxLayout(self)
        label = QLabel(tr("Which assets of the {0} selected item(s)? An asset is downloaded when its role or its "
                          "key is ticked.").format(count))
        label.setWordWrap(True)
        layout.addWidget(label)
        self.list = QListWidget()
        for role in ROLES:
            self._add(tr("Role: {0}").format(role), ROLE_PREFIX + role, role == "data")
        for key in keys:
            self._add(tr("Asset: {0}").format(key), KEY_PREFIX + key, False)
        layout.addWidget(self.list)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Download"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.list.itemChanged.connect(self._changed)
        layout.addWidget(self.buttons)
        self._changed()

    def _add(self, text, data, checked):
        entry = QListWidgetItem(text)
        entry.setData(Qt.ItemDataRole.UserRole, data)
        entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        entry.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.list.addItem(entry)

    def entries(self):
        return [self.list.item(i) for i in range(self.list.count())]

    def set_checked(self, data, checked=True):
        """Tick (or untick) the role or key ``data`` (``role:data``, ``key:B04``)."""
        for entry in self.entries():
            if entry.data(Qt.ItemDataRole.UserRole) == data:
                entry.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                return
        raise KeyError(data)

    def choices(self):
        return [entry.data(Qt.ItemDataRole.UserRole).split(":", 1)[1] for entry in self.entries()
                if entry.checkState() == Qt.CheckState.Checked]

    def _changed(self, *_args):
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.choices()))


def describe_stac_downloads(outcomes, folder):
    """The one sentence that ends a STAC batch, e.g. "3 of 4 assets on disk in /data (3 verified);
    1 failed: <why>." or, when none reached the disk, "Download failed: <why>; nothing downloaded."."""
    return describe_downloads(outcomes, folder, tr("{0} of {1} assets on disk in {2}"))


class StacDownloadTask(BatchTask):
    """Read the items at ``links``, choose their assets (``choices``), write the STAC download log
    (``folder``/stac-download.csv, merged with the one there) and download them on the engine's
    threads, each verified asset recorded at once. ``progressed(Progress)`` and ``assetDone(Outcome)``
    come from the worker, delivered on the main thread; ``done`` carries the outcomes."""

    progressed = pyqtSignal(object)
    assetDone = pyqtSignal(object)

    def __init__(self, links, choices, folder, *, basic=None, copernicus=None, signer=None, per_host=4):
        super().__init__(tr("EO Order: download the assets of {0} STAC item(s)").format(len(links)), self._download,
                         self._judge, close_on_cancel=False)
        self.links, self.choices, self.folder = list(links), list(choices), folder
        self.basic = basic  # (username, password, origin): for the STAC API's own origin only
        self.copernicus = copernicus  # (credentials, token URL, hint) for Copernicus Data Space assets
        self.signer = signer
        self.per_host = per_host
        self.log_path = os.path.join(folder, LOG_NAME)
        self._last_report = 0.0

    def _judge(self, outcomes):
        return batch_verdict(sum(1 for o in outcomes if o.done), len(outcomes)), \
            describe_stac_downloads(outcomes, self.folder)

    def _download(self, _task):
        rows = self._rows()
        tokens = None
        try:
            if any(is_copernicus(row.href) for row in rows if not row.downloaded):
                if self.copernicus is None:
                    raise InputError(tr("These assets are on the Copernicus Data Space: choose your Copernicus Data "
                                        "Space account (Account, with Copernicus selected) and download again."))
                credentials, token_url, hint = self.copernicus
                tokens = TokenManager(token_url, credentials=credentials, auth_hint=hint)
            basic = BasicCredential(*self.basic[:2]) if self.basic else None
            links = [r.self_link for r in rows if self.basic and origin(r.self_link) == self.basic[2]]
            engine = StacDownloader(self.folder, signer=self.signer or PlanetarySigner(), per_host=self.per_host,
                                    credentials=stac_credentials(links, basic, tokens))
            recorder = StacLogRecorder(self.log_path)

            def done(outcome):
                recorder(outcome)  # first: an asset on disk is in the log before anything else happens
                log(outcome.message, Qgis.MessageLevel.Info if outcome.done else Qgis.MessageLevel.Warning)
                self.assetDone.emit(outcome)

            return engine.run(engine.requests(rows), progress=self._progress, cancelled=self.isCanceled,
                              on_done=done)
        except OSError as exc:  # recording a verified asset failed (disk full, file locked): stop clearly
            raise EoOrderError(tr(
                "A downloaded asset could not be recorded in the STAC download log {0} ({1}): is the disk full? The "
                "assets downloaded so far are on disk and verified. Free some space, then download again: verified "
                "files are skipped.").format(self.log_path, exc.strerror or exc)) from None
        finally:
            if tokens is not None:
                tokens.close()

    def _rows(self):
        clients = {}

        def client_for(link):
            base = origin(link)
            if base not in clients:  # the API's password to its own origin only
                auth = HTTPBasicAuth(*self.basic[:2]) if self.basic and base == self.basic[2] else None
                clients[base] = StacClient(base + "/", auth=auth)
            return clients[base]

        self.report(0.0, tr("reading {0} item(s)").format(len(self.links)))
        items = fetch_items(self.links, client_for, self.isCanceled)
        if self.isCanceled():
            raise Cancelled()
        rows = asset_rows(items, self.choices)
        try:
            os.makedirs(self.folder, exist_ok=True)
            rows = start_stac_log(self.log_path, rows)
        except OSError as exc:
            raise EoOrderError(tr("The download folder {0} cannot be written ({1}): choose a writable folder in the "
                                  "Download box.").format(self.folder, exc.strerror or exc)) from None
        return rows

    def _progress(self, snapshot):
        now = time.monotonic()
        if now - self._last_report < 0.25 and snapshot.products_done < snapshot.products_total:
            return  # a few updates per second are enough for a progress bar
        self._last_report = now
        self.report(100.0 * snapshot.fraction, snapshot.summary())
        self.progressed.emit(snapshot)


class StacDownloads(QObject):
    """Runs STAC asset downloads into ``settings.cdse_folder`` (the download box's folder), with the
    same signals as :class:`~.downloading.DownloadController`: ``progressed(Progress)``,
    ``productDone(layer, Outcome)``, ``started()`` and ``finished(outcomes, error)``."""

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
        self.ending = ""
        self.signer = None  # a core.stac_download.PlanetarySigner; None: its defaults
        self.canvas.contextMenuAboutToShow.connect(self._canvas_menu)

    @property
    def busy(self):
        return self.task is not None

    def exec_dialog(self, dialog):
        """Run the asset choice modally (tests replace this)."""
        return dialog.exec()

    def request_download(self, layer, features):
        """Ask which assets, then download them for ``features`` of the STAC footprint ``layer``.
        Returns the task, or None when refused or cancelled (a message says why)."""
        if self.task is not None:
            push_message(self.iface, tr("A download is already running: wait for it or cancel it first."),
                         Qgis.MessageLevel.Warning)
            return None
        links = [str(f["self_link"] or "") for f in features if "self_link" in f.fields().names()]
        links = list(dict.fromkeys(link for link in links if link and link.upper() != "NULL"))
        if not links:
            push_message(self.iface, tr("These features have no self_link: select items of a STAC search."),
                         Qgis.MessageLevel.Warning)
            return None
        folder = self.settings.cdse_folder
        try:
            basic = self._basic(links)
            copernicus = self._copernicus(any(is_copernicus(link) for link in links))
        except EoOrderError as exc:
            push_message(self.iface, str(exc), Qgis.MessageLevel.Warning)
            return None
        dialog = AssetChoiceDialog(layer_asset_keys(features), len(links), self.iface.mainWindow())
        if self.exec_dialog(dialog) != QDialog.DialogCode.Accepted or not dialog.choices():
            return None
        task = StacDownloadTask(links, dialog.choices(), folder, basic=basic, copernicus=copernicus,
                                signer=self.signer, per_host=self.settings.cdse_concurrency)
        task.progressed.connect(self.progressed)
        task.assetDone.connect(lambda outcome: self.productDone.emit(layer, outcome))
        task.done.connect(lambda outcomes, error: self._done(task, folder, outcomes, error))
        self.task = task
        QgsApplication.taskManager().addTask(task)
        self.started.emit()
        return task

    def _basic(self, links):
        """(username, password, origin): the auth config of the STAC connection these items came
        from (the connection at their self links' origin), for that origin only; None without one.
        The Copernicus Data Space gets its token instead, never a password."""
        origins = {origin(link) for link in links if not is_copernicus(link)}
        for connection in ConnectionStore(self.settings).all(STAC):
            authcfg = self.settings.authcfg_for(connection.url)
            if authcfg and origin(connection.url) in origins:
                credentials = credentials_from_authcfg(authcfg, connection.name)
                return credentials.username, credentials.password, origin(connection.url)
        return None

    def _copernicus(self, needed):
        """The Copernicus account of the download box, for Copernicus Data Space assets (None: none).
        Its auth config is read when the items are on the Copernicus Data Space (an unreadable one
        is said then); otherwise only if it reads, for assets an item may have there."""
        authcfg = self.settings.cdse_authcfg
        if not authcfg:
            return None
        try:
            credentials = credentials_from_authcfg(authcfg, "Copernicus Data Space")
        except EoOrderError:
            if needed:
                raise
            return None
        return credentials, self.settings.cdse_urls[2], auth_hint(authcfg)

    def cancel(self):
        if self.task is not None:
            self.task.cancel()

    def _done(self, task, folder, outcomes, error):
        if task is self.task:
            self.task = None
        self.ending = announce_ending(self.iface, task, folder, outcomes, error)
        self.finished.emit(outcomes, error)

    def _canvas_menu(self, menu, event):
        add_footprint_entries(menu, self.canvas, event.mapPoint(), ITEMS, [
            FootprintAction(tr("Download the assets of this item: {0}"), tr("Download one of {0} items here"),
                            lambda layer, feature: self.request_download(layer, [feature])),
        ], SelectionAction(tr("Download the assets of {0} selected items"), self.request_download))

    def shutdown(self):
        try:
            self.canvas.contextMenuAboutToShow.disconnect(self._canvas_menu)
        except (TypeError, RuntimeError):
            pass
        if self.task is not None:
            self.task.cancel()
