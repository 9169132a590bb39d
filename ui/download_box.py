"""The Search tab's *Download* section (Copernicus products and STAC assets): folder, how many at
once, Download selected / Stop / Open in QGIS, a progress bar and what happened. The downloads
themselves run in :class:`~.downloading.DownloadController` (Copernicus) and
:class:`~.stac_downloading.StacDownloads` (STAC: the assets chosen once per batch)."""

from qgis.gui import QgsCollapsibleGroupBox, QgsFileWidget
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import QFormLayout, QHBoxLayout, QProgressBar, QSizePolicy, QSpinBox

from ..core.footprints import ITEMS, layer_kind
from .downloading import DownloadController
from .messages import plain_label
from .stac_downloading import StacDownloads
from .widgets import push_button


def tr(text):
    return QCoreApplication.translate("SearchTab", text)


class DownloadBox(QgsCollapsibleGroupBox):
    """Downloads the products ``results`` has selected (``results.layer``,
    ``results.selected_features()``); the folder and concurrency are kept in ``settings``."""

    def __init__(self, iface, settings, results, title, parent=None):
        super().__init__(title, parent)
        self.settings = settings
        self.results = results
        self.setToolTip(tr("Where and how the selected products are downloaded"))
        self.downloads = DownloadController(iface, self)
        self.stac_downloads = StacDownloads(iface, self)
        for controller in (self.downloads, self.stac_downloads):
            controller.progressed.connect(self._progress)
            controller.productDone.connect(self._product_done)
            controller.started.connect(self._started)
            controller.finished.connect(self._finished)
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.folder_widget = QgsFileWidget()
        self.folder_widget.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        self.folder_widget.setFilePath(settings.cdse_folder)
        self.folder_widget.setToolTip(tr("Products and query logs are saved here"))
        self.folder_widget.fileChanged.connect(self._folder_changed)
        form.addRow(tr("Folder"), self.folder_widget)
        self.concurrency_spin = QSpinBox()
        self.concurrency_spin.setRange(1, 4)
        self.concurrency_spin.setValue(settings.cdse_concurrency)
        self.concurrency_spin.setToolTip(tr("Products downloaded at once (Copernicus allows 4 per account)"))
        self.concurrency_spin.valueChanged.connect(self._concurrency_changed)
        self.concurrency_spin.setPrefix(tr("at once: "))
        form.addRow(self.concurrency_spin)
        row = QHBoxLayout()
        self.download_button = push_button(tr("Download selected"),
                                           tr("Download the selected products (verified, resumable)"),
                                           self.download_selected, enabled=False)
        self.stop_button = push_button(tr("Stop"), tr("Stop downloading; partial files are kept and resumed next time"),
                                       self.cancel, enabled=False)
        self.open_button = push_button(tr("Open in QGIS"), tr("Add the selected downloaded products to the map"),
                                       self.open_selected, enabled=False)
        for widget in (self.download_button, self.stop_button, self.open_button):
            row.addWidget(widget)
        form.addRow(row)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress_label = plain_label("")
        self.progress_label.setWordWrap(True)
        self.progress_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        form.addRow(self.progress)
        form.addRow(self.progress_label)

    @property
    def busy(self):
        """A download (Copernicus or STAC) is running: one at a time."""
        return self.downloads.busy or self.stac_downloads.busy

    def cancel(self):
        self.downloads.cancel()
        self.stac_downloads.cancel()

    def _is_stac(self):
        return self.results.layer is not None and layer_kind(self.results.layer) == ITEMS

    def update_state(self, selected, downloadable):
        """``selected`` features of the results layer; ``downloadable``: they can be downloaded
        (Copernicus products, or STAC items)."""
        busy = self.busy
        self.download_button.setEnabled(bool(selected) and downloadable and not busy)
        self.stop_button.setEnabled(busy)
        self.open_button.setEnabled(downloadable and not self._is_stac()
                                    and any(bool(f["downloaded"]) for f in selected))

    def download_selected(self):
        if self.busy:
            return None
        if self._is_stac():
            return self.stac_downloads.request_download(self.results.layer, self.results.selected_features())
        return self.downloads.request_download(self.results.layer, self.results.selected_features())

    def open_selected(self):
        return self.downloads.open_products([f for f in self.results.selected_features() if f["downloaded"]])

    def _folder_changed(self, path):
        self.settings.cdse_folder = path

    def _concurrency_changed(self, value):
        self.settings.cdse_concurrency = value

    def _started(self):
        self.progress.setValue(0)
        self.progress_label.setText(tr("Starting the download…"))

    def _progress(self, snapshot):
        self.progress.setValue(int(1000 * snapshot.fraction))
        self.progress_label.setText(f"{snapshot.name}: {snapshot.summary()}")

    def _product_done(self, layer, outcome):
        self.progress_label.setText(outcome.message)
        if layer is self.results.layer:
            self.results.table.refresh()

    def _finished(self, outcomes, error):
        if error:
            self.progress_label.setText(error)
        elif outcomes is None:
            self.progress_label.setText(tr("Download stopped; partial files are kept and resumed next time."))
        else:
            self.progress.setValue(int(1000 * sum(1 for o in outcomes if o.done) / max(len(outcomes), 1)))
            controller = self.sender() if self.sender() in (self.downloads, self.stac_downloads) else self.downloads
            self.progress_label.setText(controller.ending)  # the batch's one ending (as in the message bar)

    def shutdown(self):
        self.downloads.shutdown()
        self.stac_downloads.shutdown()
