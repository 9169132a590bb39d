"""Background tasks: ``run()`` does network and parsing on a QgsTask thread,
``finished()`` builds layers on the main thread and reports through signals."""

import traceback

from qgis.core import Qgis, QgsMessageLog, QgsTask
from qgis.PyQt.QtCore import pyqtSignal

from .errors import Cancelled, EoOrderError
from .footprints import features_from_records, footprint_layer, search_layer_name

LOG_TAG = "EO Order"


def log(message, level=Qgis.MessageLevel.Info):
    QgsMessageLog.logMessage(message, LOG_TAG, level)


class SearchTask(QgsTask):
    """Search one catalogue page by page; the result is one footprint layer.

    Signals (main thread): ``pageFetched(page, pages, records)`` while running,
    then ``searchFinished(layer, error_text)`` – ``layer`` is None on failure or
    cancellation and ``error_text`` is '' on success or cancellation.
    """

    pageFetched = pyqtSignal(int, int, int)
    searchFinished = pyqtSignal(object, str)

    def __init__(self, client, query, catalog_label):
        super().__init__(f"EO Order: search {catalog_label}", QgsTask.Flag.CanCancel)
        self.client = client
        self.query = query
        self.catalog_label = catalog_label
        self.result = None
        self.features = []
        self.error = None
        self.layer = None

    def run(self):
        try:
            self.result = self.client.search(self.query, progress=self._progress, cancelled=self.isCanceled)
            self.features = features_from_records(self.result.records, self.client.url)
            return True
        except EoOrderError as exc:  # includes Cancelled
            self.error = exc
        except Exception as exc:  # noqa: BLE001 - reported, never a traceback dialog
            log(traceback.format_exc(), Qgis.MessageLevel.Critical)
            self.error = EoOrderError(
                f"The search failed unexpectedly ({exc.__class__.__name__}: {exc}). "
                "Details are in the EO Order log panel."
            )
        return False

    def _progress(self, page, pages, count, matched):
        self.setDescription(f"EO Order: search {self.catalog_label} – page {page} of {pages}")
        self.setProgress(min(100.0, 100.0 * page / max(pages, 1)))
        self.pageFetched.emit(page, pages, count)

    def finished(self, ok):
        if ok:
            name = search_layer_name(self.catalog_label, self.query, len(self.features))
            self.layer = footprint_layer(name, self.features)
            log(f"{name}: {len(self.features)} footprints from {self.result.pages} page(s), "
                f"{self.result.matched} matched on the server.")
            self.searchFinished.emit(self.layer, "")
            return
        if self.error is None or isinstance(self.error, Cancelled):
            self.searchFinished.emit(None, "")
            return
        log(str(self.error), Qgis.MessageLevel.Warning)
        self.searchFinished.emit(None, str(self.error))
