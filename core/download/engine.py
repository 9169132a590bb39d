"""The verified download engine: ``DownloadEngine(out_dir, …).run(requests)``.

What it guarantees for any :class:`~.model.DownloadRequest` (what the servers do: docs/copernicus.md, docs/stac.md):

- A file appears under its final name only once it is complete and verified: the bytes stream into
  ``<name>.part`` while their digest is computed, the checksum (when the catalogue gives one) or
  else the announced length is checked, and only then is the part fsynced and renamed
  (``os.replace``). An HTML or JSON error page served with status 200 is never saved as the file.
- Resume only when the server's file is provably the same (``If-Range`` with the first reply's
  strong ETag or Last-Modified, kept in ``<part>.meta``); a 200 reply restarts from zero.
- The expected size is a hard cap (a longer body is cut there and refused) and a completeness check.
- Redirects are followed here, so that credentials go to trusted origins only (see
  :mod:`.credentials`); a stalled download (under ``min_rate`` bytes/s over ``stall_window``
  seconds) is stopped, and Cancel closes every connection within a fraction of a second.
- 429 waits for Retry-After; 401 refreshes the credentials once; 5xx, broken connections and
  short bodies are retried with exponential backoff, resuming (see :mod:`.retry`).
- A login that fails is tried once per batch: the items not tried yet say so.
- At most ``concurrency`` downloads at once, and at most ``per_host`` to any one host.
"""

import os
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable, Iterable, List, Optional, Union

from ..errors import EoOrderError
from ..http import DEFAULT_TIMEOUT, new_session
from ..i18n import tr_noop, translate
from .batch import Batch, HostQueue, outcome_of
from .credentials import OriginCredentials
from .http_attempt import Attempt, server_said
from .model import FAILED, SKIPPED, UNVERIFIED, VERIFIED, DownloadRequest, Outcome, Progress
from .part_file import file_digest, remove, remove_part, size_of
from .retry import AttemptState, ChecksumMismatch, Final, RateLimited, Retry, RetryPolicy, Stopped, Unauthorized


def tr(text):
    return translate("EoOrderDownload", text)


STALL_WINDOW = 60.0  # seconds over which a download must average at least MIN_RATE
MIN_RATE = 1000  # bytes/s; slower than this over STALL_WINDOW = stalled


class _NoDigest:
    """Stands in for a hasher when there is no checksum to check."""

    def update(self, block):
        pass

    def hexdigest(self):
        return ""


class DownloadEngine:
    """Downloads batches of :class:`~.model.DownloadRequest` into ``out_dir``.

    ``credentials``: an :class:`~.credentials.OriginCredentials` (which origin gets which
    credential). ``retries`` bounds consecutive failed attempts without progress per item; the n-th
    waits ``backoff * 2**(n-1)`` seconds (at most ``max_backoff``). ``sleep`` is injectable for
    tests. ``service`` names the server in messages, ``support`` whom to tell when it misbehaves.
    """

    i18n_context = "EoOrderDownload"  # the context of a subclass' service and support (translated at start)
    service = tr_noop("The server")
    support = tr_noop("the server's operator")

    def __init__(self, out_dir: Union[str, "os.PathLike[str]"], *, credentials: Optional[OriginCredentials] = None,
                 session_factory: Callable[[], Any] = new_session, concurrency: int = 4,
                 per_host: Optional[int] = None, retries: int = 3, backoff: float = 2.0, max_backoff: float = 60.0,
                 rate_limit_wait: float = 60.0, max_rate_limit_waits: int = 20,
                 sleep: Callable[[float], None] = time.sleep, chunk: int = 1 << 20, timeout: Any = DEFAULT_TIMEOUT,
                 fsync: bool = True, stall_window: float = STALL_WINDOW, min_rate: float = MIN_RATE,
                 service: Optional[str] = None, support: Optional[str] = None) -> None:
        if int(concurrency) < 1:
            raise ValueError("concurrency must be at least 1")
        self.out_dir = os.fspath(out_dir)
        self.credentials = credentials if credentials is not None else OriginCredentials()
        self.session_factory = session_factory
        self.concurrency = int(concurrency)
        self.per_host = int(per_host or concurrency)
        self.service = service or translate(self.i18n_context, self.service)
        self.support = support or translate(self.i18n_context, self.support)
        self.policy = RetryPolicy(self.service, self.support, retries, backoff, max_backoff, rate_limit_wait,
                                  max_rate_limit_waits)
        self.sleep = sleep
        self.chunk = chunk
        self.timeout = timeout
        self.fsync = fsync
        self.stall_window = float(stall_window)
        self.min_rate = float(min_rate)

    # -- hooks a catalogue layer may override --

    def credential_for(self, url: str, first_url: str) -> Any:
        """The credential a request to ``url`` carries (never over http once ``first_url`` is https)."""
        return self.credentials.for_url(url, https_only=str(first_url).lower().startswith("https:"))

    def offline_reply(self, request: DownloadRequest, status: int, body: bytes) -> Optional[str]:
        """A message when an error reply means "not downloadable now" (status OFFLINE), else None."""
        return None

    def refusal(self, request: DownloadRequest, response: Any, body: bytes) -> Final:
        """The :class:`~.retry.Final` for an error reply that retrying will not mend."""
        status = response.status_code
        if status == 404:
            advice = tr("It may have been withdrawn: search the catalogue again.")
        elif status == 403:
            advice = tr("Check that your account may download it (and its quota), then try again.")
        else:
            advice = tr("Try again later; if it persists, report it to {0}.").format(self.support)
        return Final(FAILED, tr(
            "{0} answered HTTP {1} {2} for {3}. {4}{5}").format(
            self.service, status, response.reason, request.name, advice, server_said(body)), keep_part=True)

    # -- public --

    def run(self, requests_: Iterable[DownloadRequest], progress: Optional[Callable[[Progress], None]] = None,
            cancelled: Optional[Callable[[], bool]] = None,
            on_done: Optional[Callable[[Outcome], None]] = None) -> List[Outcome]:
        """Download ``requests_``; returns their outcomes in the same order (duplicate ids once).

        ``progress(Progress)``, ``cancelled() -> bool`` and ``on_done(Outcome)`` are called from
        worker threads, each serialised. ``on_done`` comes right after each item finishes, whatever
        its outcome, so the caller can record it at once; an exception it raises stops the batch
        and is raised again here.
        """
        unique: List[DownloadRequest] = _unique(requests_)
        try:
            os.makedirs(self.out_dir, exist_ok=True)
        except OSError as exc:
            raise EoOrderError(tr(
                "Could not create the download folder {0} ({1}): choose another folder.").format(
                self.out_dir, exc.strerror or exc)) from None
        if not unique:
            return []
        batch = Batch(self, unique, progress, cancelled, on_done)
        queue = HostQueue(unique, self.per_host)
        outcomes: List[Optional[Outcome]] = [None] * len(unique)

        def worker():
            while True:
                taken = queue.take()
                if taken is None:
                    return
                index, request = taken
                try:
                    outcomes[index] = batch.run_one(request)
                finally:
                    queue.release(request)

        workers = min(self.concurrency, len(unique))
        try:
            with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="download") as pool:
                for future in [pool.submit(worker) for _ in range(workers)]:
                    future.result()
        finally:
            batch.close()
        if batch.callback_error is not None:
            raise batch.callback_error
        return [outcome for outcome in outcomes if outcome is not None]  # every slot is filled

    def paths(self, requests_):
        """(plain, own) file paths per item id; a plain name used twice in the batch is left to the
        first item, the others use their own names."""
        paths, used = {}, set()
        for request in requests_:
            plain = request.filename
            own = request.own_filename or request.filename
            if plain.lower() in used:
                plain = own
            used.add(plain.lower())
            paths[request.item_id] = (self._under_folder(plain), self._under_folder(own))
        return paths

    def _under_folder(self, relative):
        parts = [p for p in relative.replace("\\", "/").split("/") if p not in ("", ".", "..")]
        return os.path.join(self.out_dir, *parts)

    def new_hasher(self, request):
        return request.checksum.new_hasher() if request.checksum else _NoDigest()

    # -- one item --

    def download(self, batch, request, final, part):
        """The item's outcome: attempts until one decides, as the retry policy says; LoginFailed
        (no credentials) goes up and stops the batch."""
        state = AttemptState()
        while True:
            if batch.stop_requested():
                return batch.stopped_outcome(request, part, state)
            try:
                return Attempt(self, batch, request, final, part, state).run()
            except Final as exc:
                return outcome_of(request, exc.status, part if exc.keep_part else None, exc.message, state)
            except Stopped:
                return batch.stopped_outcome(request, part, state)
            except ChecksumMismatch as exc:
                remove_part(part)
                verdict = self.policy.after(exc, state, request.name)
            except (Retry, RateLimited, Unauthorized) as exc:
                verdict = self.policy.after(exc, state, request.name)
            if verdict.failure is not None:
                return outcome_of(request, FAILED, part if verdict.keep_part else None, verdict.failure, state,
                                  checksum_ok=verdict.checksum_ok)
            try:
                self._wait(batch, verdict.delay)
            except Stopped:
                return batch.stopped_outcome(request, part, state)

    def finish(self, batch, request, final, part, digest, total, state):
        """Check the complete part (size, checksum), then rename it to its final name."""
        size = size_of(part)
        if total is not None and size != total:
            if size > total:
                remove_part(part)
            raise Retry(tr("{0} has {1} bytes instead of {2}.").format(request.name, size, total), progressed=False)
        if request.checksum:
            if digest != request.checksum.hexdigest:
                raise ChecksumMismatch(request.checksum, digest)
            status, checksum_ok, how = VERIFIED, True, tr("{0} verified").format(request.checksum.label)
        else:
            status, checksum_ok = UNVERIFIED, None
            how = (tr("complete (size checked; the catalogue gives no checksum)") if total is not None
                   else tr("downloaded, but neither a checksum nor a size was available to check it"))
        own = batch.paths[request.item_id][1]
        if final != own and os.path.exists(final):  # another item of that name got there first
            final = own
        os.replace(part, final)
        remove(part + ".meta")
        return Outcome(request.item_id, request.name, status, size, checksum_ok, final,
                       tr("{0}: {1} bytes, {2}{3}.").format(request.name, size, how, request.note), state.transferred)

    def existing(self, batch, request, final, ours):
        """A 'skipped' outcome when the final file is already there and verifies; else None. A file
        that does not verify is deleted only when it is ``ours`` (under the item's own name)."""
        if not os.path.isfile(final):
            return None
        size = size_of(final)
        if request.checksum:
            ok = file_digest(final, request.checksum.new_hasher()).hexdigest() == request.checksum.hexdigest
            how = tr("{0} verified").format(request.checksum.label)
        elif request.size:
            ok = size == request.size
            how = tr("size checked")
        else:
            ok, how = True, tr("nothing to check it against")

        if not ok:
            if ours:
                remove(final)  # a file under the item's own name must be good: download it again
            return None
        batch.set_done(request, size)
        return Outcome(request.item_id, request.name, SKIPPED, size, True if request.checksum else None, final,
                       tr("{0}: already downloaded ({1}){2}.").format(request.name, how, request.note))

    def _wait(self, batch, seconds):
        """Sleep in slices of at most 1 s, so that cancelling is noticed."""
        remaining = max(0.0, float(seconds))
        while remaining > 0:
            if batch.stop_requested():
                raise Stopped()
            step = min(1.0, remaining)
            self.sleep(step)
            remaining -= step


def _unique(requests_):
    seen, unique = set(), []
    for request in requests_:
        if request.item_id not in seen:
            seen.add(request.item_id)
            unique.append(request)
    return unique
