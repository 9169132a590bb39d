"""Background tasks: ``run()`` does network and parsing on a QgsTask thread,
``finished()`` reports on the main thread through signals, where layers are built."""

import contextlib
import math
import time
import traceback
from typing import TYPE_CHECKING, Any, Callable, Dict, Iterable, List, Optional, Sequence, Tuple

from qgis.core import Qgis, QgsMessageLog, QgsTask
from qgis.PyQt.QtCore import pyqtSignal

from .errors import Cancelled, EoOrderError, redact
from .http import Deadline
from .i18n import translate

if TYPE_CHECKING:
    from .catalogue import Catalogue, SearchForm
    from .cdse_download import Downloader
    from .download import Outcome
    from .eodms_order import EodmsOrderClient, OrderResult
    from .journal import OrderJournal

CATALOGUE_CONTEXT = "EoOrderCatalogue"  # a catalogue's ``noun`` (core/catalogue.py) is translated with it



def tr(text: str) -> str:
    return translate("EoOrderTasks", text)


LOG_TAG = "EO Order"


def log(message: object, level: Any = Qgis.MessageLevel.Info) -> None:
    """Write to QGIS' message log (EO Order tab), secrets redacted: messages and tracebacks may
    quote servers or URLs."""
    QgsMessageLog.logMessage(redact(str(message)), LOG_TAG, level)


class WorkTask(QgsTask):
    """Run ``work(task)`` on a worker thread.

    ``work`` may call ``task.report(percent, text)`` and should pass
    ``task.isCanceled`` to the core call as its ``cancelled`` callback. When it
    ends, ``done(result, error_text)`` is emitted on the main thread: ``result``
    is what ``work`` returned (None on failure or cancellation) and
    ``error_text`` is '' on success or cancellation. Unexpected exceptions are
    logged with their traceback and reported as a message, never a dialog. Cancelling closes the
    connections the work has open on the task's thread within a second (see :meth:`_guard`).
    """

    progressText = pyqtSignal(str)
    done = pyqtSignal(object, str)

    def __init__(self, description: str, work: Callable[["WorkTask"], Any], *, close_on_cancel: bool = True,
                 deadline: Optional[Tuple[str, str]] = None) -> None:
        super().__init__(description, QgsTask.Flag.CanCancel)
        self.base_description = description
        self.work = work
        self.close_on_cancel = close_on_cancel
        self.deadline = deadline  # (what, url): the whole work is bounded by the request deadline
        self.result: Any = None
        self.error: Optional[EoOrderError] = None

    def _guard(self):
        """The :class:`~.http.Deadline` the work runs under: Cancel closes its connections within a
        second (unless ``close_on_cancel`` is False: an order in flight must complete), and with
        ``deadline`` the whole work has the request time limit."""
        if self.deadline is not None:
            what, url = self.deadline
            return Deadline(what, url, self.isCanceled)
        if self.close_on_cancel:
            return Deadline(self.base_description, "", self.isCanceled, seconds=math.inf)
        return contextlib.nullcontext()

    def run(self) -> bool:
        try:
            with self._guard():
                self.result = self.work(self)
            return True
        except EoOrderError as exc:  # includes Cancelled
            self.error = exc
        except Exception as exc:  # noqa: BLE001 - reported, never a traceback dialog
            log(traceback.format_exc(), Qgis.MessageLevel.Critical)
            self.error = EoOrderError(
                tr(
                    "{0} failed unexpectedly ({1}: {2}). Details are in the EO Order log panel.").format(
                    self.base_description, exc.__class__.__name__, exc)
            )
        return False

    def report(self, percent: float, text: str = "") -> None:
        if text:
            self.setDescription(f"{self.base_description} – {text}")
            self.progressText.emit(text)
        self.setProgress(max(0.0, min(100.0, percent)))

    def error_text(self) -> str:
        if self.error is None or isinstance(self.error, Cancelled) or self.isCanceled():
            return ""
        return str(self.error)

    def finished(self, ok: bool) -> None:
        try:
            self.on_finished(ok)
        except Exception as exc:  # noqa: BLE001 - an exception here would abort QGIS (PyQt's rule)
            log(tr("EO Order could not finish {0!r}:\n{1}").format(self.description(), traceback.format_exc()),

                Qgis.MessageLevel.Critical)
            self.error = EoOrderError(
                tr(
                    "EO Order hit an internal error while finishing {0!r} ({1}). The details are in the "
                    "message log (EO Order tab): please report them.").format(
                    self.description(), exc))
            ok = False
        text = self.error_text()
        if text:
            log(text, Qgis.MessageLevel.Warning)
        self.done.emit(self.result if ok else None, text)

    def on_finished(self, ok: bool) -> None:
        """Main-thread hook for subclasses (build layers from ``self.result``)."""


class CatalogueSearchTask(WorkTask):
    """Search any :class:`~.catalogue.Catalogue`; the results arrive page by page.

    ``pageArrived(features)`` carries each new batch's footprint features (made on the worker
    thread, delivered on the main thread, where the layer grows); ``counted(received, matched)``
    follows the count (``matched`` is -1 when the server did not say). ``done`` carries the
    :class:`~.catalogue.CatalogueResult` (None when cancelled or failed: what arrived before is in
    ``arrived``).
    """

    pageArrived = pyqtSignal(object)
    counted = pyqtSignal(int, int)

    def __init__(self, catalogue: "Catalogue", query: "SearchForm") -> None:
        super().__init__(tr("EO Order: search {0}").format(catalogue.name), self._search)
        self.catalogue = catalogue
        self.query = query
        self.arrived = 0  # items delivered through pageArrived so far

    def _search(self, _task):
        return self.catalogue.search(self.query, progress=self._progress, cancelled=self.isCanceled,
                                     on_page=self._page)

    def _page(self, items):
        features = self.catalogue.features(items)
        self.arrived += len(items)
        self.pageArrived.emit(features)

    def _progress(self, received, matched):
        goal = min(matched, self.query.max_records) if matched else None
        noun = translate(CATALOGUE_CONTEXT, self.catalogue.noun)
        text = (tr("{0:,} of {1:,} {2}").format(received, goal, noun) if goal
                else tr("{0:,} {1}").format(received, noun))
        self.report(100.0 * received / goal if goal else 0.0, text)
        self.counted.emit(received, -1 if matched is None else int(matched))

    def on_finished(self, ok: bool) -> None:
        if ok:
            result = self.result
            missing = tr(", {0} without a footprint").format(result.without_footprint) \
                if result.without_footprint else ""
            noun = translate(CATALOGUE_CONTEXT, self.catalogue.noun)
            log(f"{self.catalogue.name}: {len(result.items)} {noun}{missing}"
                + (tr(", {0} matched on the server.").format(result.matched) if result.matched is not None else "."))
            for warning in result.warnings:
                log(f"{self.catalogue.name}: {warning}", Qgis.MessageLevel.Warning)


DONE, PARTLY, FAILED = "done", "partly", "failed"  # how a batch (download or order) ended


def batch_verdict(done: int, total: int) -> str:
    """How a batch ended: DONE (all of ``total``), PARTLY (some) or FAILED (none done)."""
    if done >= total:
        return DONE
    return PARTLY if done else FAILED


class BatchTask(WorkTask):
    """A task over a batch of items (products to download, scenes to order) with one ending.

    After the work, ``describe(result)`` returns ``(verdict, sentence)``: DONE, PARTLY or FAILED and
    the one sentence that says so and why. The task's description ends with that sentence, so what
    QGIS shows for the finished task (its task list, its "Task complete" notice) says the same thing
    as EO Order's message; a FAILED batch returns False from ``run()``, so QGIS shows it failed. The
    result still arrives through ``done`` (with no error text) so that each item's status can be shown.
    """

    def __init__(self, description: str, work: Callable[["WorkTask"], Any],
                 describe: Callable[[Any], Tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(description, work, **kwargs)
        self.describe = describe
        self.verdict = ""
        self.ending = ""

    def run(self) -> bool:
        if not super().run():
            return False
        self.verdict, self.ending = self.describe(self.result)
        self.setDescription(f"{self.base_description} – {self.ending}")
        return self.verdict != FAILED

    def finished(self, ok: bool) -> None:
        super().finished(ok or bool(self.verdict))  # a failed batch still hands over its result


class DownloadTask(BatchTask):
    """Download Copernicus products on a worker thread (``core.cdse_download.Downloader``).

    ``productDone(Outcome)`` and ``progressed(Progress)`` are emitted from the worker and
    delivered on the main thread; ``done`` carries the list of outcomes. ``recorder`` (a
    :class:`~.cdse_batch.DownloadRecorder`) records each finished product before the next one.
    ``describe(outcomes)`` gives the batch's ending sentence (see :class:`BatchTask`); the verdict
    counts the products on disk.
    """

    productDone = pyqtSignal(object)
    progressed = pyqtSignal(object)

    def __init__(self, downloader: "Downloader", items: Sequence[Any],
                 recorder: Optional[Callable[["Outcome"], None]] = None,
                 describe: Optional[Callable[[List["Outcome"]], str]] = None) -> None:
        describe = describe or _describe_downloads

        def judge(outcomes):
            return batch_verdict(sum(1 for o in outcomes if o.done), len(outcomes)), describe(outcomes)

        # The downloads run on the downloader's own threads, which stop on cancel and report each product.
        super().__init__(tr("EO Order: download {0} Copernicus product(s)").format(len(items)), self._download,
                         judge, close_on_cancel=False)
        self.downloader = downloader
        self.items = items
        self.recorder = recorder
        self._last_report = 0.0

    def _download(self, _task):
        try:
            return self.downloader.run(self.items, progress=self._progress, cancelled=self.isCanceled,
                                       on_product_done=self._product_done)
        finally:
            self.downloader.tokens.close()

    def _product_done(self, outcome):
        if self.recorder is not None:
            self.recorder(outcome)
        log(f"{outcome.name or outcome.product_id}: {outcome.status}. {outcome.message}",
            Qgis.MessageLevel.Info if outcome.done else Qgis.MessageLevel.Warning)
        self.productDone.emit(outcome)

    def _progress(self, snapshot):
        now = time.monotonic()
        if now - self._last_report < 0.25 and snapshot.products_done < snapshot.products_total:
            return  # a few updates per second are enough for a progress bar
        self._last_report = now
        self.report(100.0 * snapshot.fraction, snapshot.summary())
        self.progressed.emit(snapshot)


def _describe_downloads(outcomes):
    done = sum(1 for o in outcomes if o.done)
    return tr("{0} of {1} products on disk").format(done, len(outcomes))


class OrderTask(BatchTask):
    """Order EODMS scenes one by one on a worker thread (``core.eodms_order.order_batch``, which
    journals each scene); ``done`` carries the :class:`~.eodms_order.OrderResult` list.

    A scene refused for the credentials (HTTP 401) stops the batch: the task fails with that error
    and ``not_tried`` lists the record ids of the scenes never sent. Cancel stops between scenes (the
    order in flight completes). ``describe(results)`` gives the batch's ending sentence (see
    :class:`BatchTask`); the verdict counts the orders EODMS accepted.
    """

    def __init__(self, description: str, client: "EodmsOrderClient", scenes: Iterable[Dict[str, Any]],
                 journal: "OrderJournal", packaging: Optional[str], describe: Callable[[List["OrderResult"]], str],
                 scene_text: str = "scene {0} of {1}") -> None:
        def judge(results):
            return batch_verdict(sum(1 for r in results if r.ok), len(results)), describe(results)

        # close_on_cancel=False: Cancel stops the batch between scenes; the order in flight completes.
        super().__init__(description, self._order, judge, close_on_cancel=False)
        self.client = client
        self.scenes = list(scenes)
        self.journal = journal
        self.packaging = packaging
        self.scene_text = scene_text
        self.not_tried: List[str] = []  # record ids a 401 kept from being sent

    def _order(self, _task):
        from .eodms_order import order_batch

        def progress(done, total, _result):
            self.report(100.0 * done / total, self.scene_text.format(done, total))

        try:
            return order_batch(self.client, self.scenes, self.journal, self.packaging, progress=progress,
                               cancelled=self.isCanceled)
        except EoOrderError as exc:
            self.not_tried = [str(scene.get("record_id", "")) for scene in getattr(exc, "not_attempted", [])]
            raise
