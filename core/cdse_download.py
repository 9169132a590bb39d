"""Verified, resumable batch download of Copernicus Data Space (CDSE) products over OData.

``Downloader(tokens, out_dir).run(items)`` fetches ``<download_url>(<Id>)/$value`` for each
:class:`DownloadItem` on at most 4 threads (CDSE's per-user limit) and returns one :class:`Outcome`
per product. What it guarantees (docs/copernicus.md):

- A file appears under its final name only once it is complete and verified: the bytes stream into
  ``<name>.part`` while their MD5 is computed, the MD5 (when the catalogue gives one) or else the
  announced length is checked, and only then is the part renamed with ``os.replace``. An HTML or JSON
  error page served with status 200 is never saved as a product. The .part is written on one helper
  thread while another computes the MD5; writeback starts every 16 MiB and the part is fsynced before
  the rename, so a crash cannot leave a "verified" file whose bytes never reached the disk.
- Interrupted downloads resume: the next attempt (or the next run) asks for ``Range: bytes=N-`` with N
  the size of the ``.part``; a 206 reply is appended, a 200 reply restarts the file from zero.
- Redirects are followed here, not by requests, so that the ``Authorization: Bearer`` header goes to
  trusted hosts only (the download host and ``*.dataspace.copernicus.eu`` by default), never over a
  downgrade from https to http, and is dropped for any other host (e.g. a pre-signed storage URL).
- 429 waits for Retry-After (else ``rate_limit_wait`` seconds) and goes on; 401 refreshes the token
  once; 5xx, broken connections and short bodies are retried with exponential backoff, resuming.
- An offline product (``Online`` false in the catalogue, or a server reply saying so) is reported as
  ``offline`` and does not stop the batch; a product whose final file already verifies is ``skipped``.

File names: the product ``Name`` with characters other than letters, digits and ``._+-`` replaced by
``_``. CDSE serves directory-like products (``.SAFE``, ``.SEN3``, names without extension...) as zip
archives, so ``.zip`` is appended unless the name already ends with a single-file extension
(``.zip``, ``.nc``, ``.tif``...; see ``FILE_SUFFIXES``): ``S2A_MSIL1C_..._T33UUP_....SAFE`` is saved as
``S2A_MSIL1C_..._T33UUP_....SAFE.zip`` and ``S5P_OFFL_L2__NO2_....nc`` keeps its name.
"""

import hashlib
import os
import queue
import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from fnmatch import fnmatchcase
from typing import Optional
from urllib.parse import urljoin, urlsplit

import requests

from .errors import AuthError, EoOrderError, redact
from .http import DEFAULT_TIMEOUT, new_session
from .xmlsafe import looks_like_html

DOWNLOAD_URL = "https://download.dataspace.copernicus.eu/odata/v1/Products"
TRUSTED_HOSTS = ("*.dataspace.copernicus.eu",)
SERVICE = "Copernicus Data Space"
MAX_CONCURRENCY = 4  # CDSE: 4 concurrent connections per user
MAX_REDIRECTS = 10
MAX_RETRY_AFTER = 900.0  # never wait longer than this for one 429
FILE_SUFFIXES = (".zip", ".nc", ".nc4", ".h5", ".he5", ".hdf", ".tif", ".tiff", ".jp2", ".tar", ".tgz", ".gz",
                 ".bz2", ".zst", ".eof", ".json", ".xml", ".dat", ".bin", ".grib", ".grb", ".grib2")
OFFLINE_WORDS = re.compile(rb"offline|not online|long[- ]term archive|\bLTA\b|not available for download", re.I)
OFFLINE_STATUSES = (400, 403, 404, 409, 410, 422, 503)  # with OFFLINE_WORDS in the body; 202 alone too
ERROR_BODY_LIMIT = 64 * 1024
WRITEBACK_EVERY = 16 << 20  # bytes of a .part written between two writeback starts (when fsync is on)

VERIFIED = "verified"  # complete, MD5 matches the catalogue's
UNVERIFIED = "unverified"  # complete (length as announced), but no MD5 to check
SKIPPED = "skipped"  # already on disk and verified: nothing downloaded
OFFLINE = "offline"  # in the long-term archive: not downloadable over OData now
FAILED = "failed"
CANCELLED = "cancelled"  # by the user; the .part is kept for the next run
DONE_STATUSES = frozenset({VERIFIED, UNVERIFIED, SKIPPED})


@dataclass(frozen=True)
class DownloadItem:
    product_id: str
    name: str
    checksum_md5: Optional[str] = None
    size_bytes: Optional[int] = None  # the catalogue's ContentLength; 0 or None = unknown
    online: bool = True


@dataclass(frozen=True)
class Outcome:
    product_id: str
    name: str
    status: str  # one of VERIFIED, UNVERIFIED, SKIPPED, OFFLINE, FAILED, CANCELLED
    bytes: int  # size of the file (final, or the .part left behind)
    md5_ok: Optional[bool]  # True: checked and equal; False: mismatch; None: not checked
    path: Optional[str]  # final file when done, the .part when one is left, else None
    message: str
    transferred: int = 0  # bytes received over the network for this product in this run

    def __post_init__(self):
        # it may quote a server's error body: no tokens in result tables
        object.__setattr__(self, "message", redact(self.message))

    @property
    def done(self):
        """True when the product is on disk and may be marked Downloaded."""
        return self.status in DONE_STATUSES


@dataclass(frozen=True)
class Progress:
    """A snapshot passed to the ``progress`` callback (from worker threads, one call at a time)."""

    product_id: str
    name: str
    product_bytes: int  # bytes of this product on disk (a resumed part counts)
    product_total: Optional[int]  # its size, when known
    done_bytes: int  # all products: bytes on disk
    total_bytes: Optional[int]  # all products: sum of sizes, None while one is unknown
    rate: float  # bytes received per second in this run
    eta: Optional[float]  # seconds to go at that rate, when total_bytes is known
    products_done: int  # products finished, whatever their outcome
    products_total: int

    @property
    def fraction(self):
        """0..1 over all products: bytes when all sizes are known, else finished products."""
        if self.total_bytes:
            return min(1.0, self.done_bytes / self.total_bytes)
        return self.products_done / self.products_total if self.products_total else 1.0

    def summary(self):
        """``2 of 5 done · 1.2 GB of 3.4 GB · 18.5 MB/s · 2 min left``"""
        parts = [f"{self.products_done} of {self.products_total} done"]
        if self.total_bytes:
            parts.append(f"{format_bytes(self.done_bytes)} of {format_bytes(self.total_bytes)}")
        else:
            parts.append(format_bytes(self.done_bytes))
        if self.rate > 0:
            parts.append(f"{format_bytes(self.rate)}/s")
        if self.eta is not None and self.products_done < self.products_total:
            parts.append(f"{format_duration(self.eta)} left")
        return " · ".join(parts)


def format_bytes(count):
    """``512 B``, ``1.5 kB``, ``18.5 MB``, ``3.4 GB`` (decimal units, as download sizes are quoted)."""
    count = float(count or 0)
    for unit in ("B", "kB", "MB"):
        if count < 1000:
            return f"{count:.0f} {unit}" if unit == "B" else f"{count:.1f} {unit}"
        count /= 1000
    return f"{count:.1f} GB"


def format_duration(seconds):
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min {seconds % 60:02d} s"
    return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"


def product_filename(name, product_id=""):
    """The file name for a product (see the module docstring)."""
    safe = re.sub(r"[^A-Za-z0-9._+-]", "_", name or "").strip("._ ")[:200] or re.sub(r"\W", "_", product_id)
    if not safe.lower().endswith(FILE_SUFFIXES):
        safe += ".zip"
    return safe


def file_md5(path, chunk=1 << 20):
    digest = hashlib.md5()
    with open(path, "rb", buffering=0) as handle:
        for block in iter(lambda: handle.read(chunk), b""):
            digest.update(block)
    return digest.hexdigest()


class Downloader:
    """Downloads batches of CDSE products; see the module docstring for the guarantees.

    ``tokens`` is a :class:`~.cdse_auth.TokenManager` (anything with ``access_token()`` and
    ``invalidate(token)``). ``retries`` bounds consecutive failed attempts without progress per
    product; the n-th waits ``backoff * 2**(n-1)`` seconds (at most ``max_backoff``). ``sleep`` and
    ``rate_limit_wait`` are injectable for tests.
    """

    def __init__(self, tokens, out_dir, *, download_url=DOWNLOAD_URL, trusted_hosts=TRUSTED_HOSTS,
                 session_factory=new_session, concurrency=MAX_CONCURRENCY, retries=3, backoff=2.0,
                 max_backoff=60.0, rate_limit_wait=60.0, max_rate_limit_waits=20, sleep=time.sleep,
                 chunk=1 << 20, timeout=DEFAULT_TIMEOUT, fsync=True):
        if not 1 <= int(concurrency) <= MAX_CONCURRENCY:
            raise ValueError(f"concurrency must be 1..{MAX_CONCURRENCY} (CDSE allows {MAX_CONCURRENCY} connections)")
        self.tokens = tokens
        self.out_dir = os.fspath(out_dir)
        self.download_url = download_url.rstrip("/")
        self._https = urlsplit(self.download_url).scheme == "https"
        own_host = (urlsplit(self.download_url).hostname or "").lower()
        self.trusted_hosts = tuple(h.lower() for h in trusted_hosts) + ((own_host,) if own_host else ())
        self.session_factory = session_factory
        self.concurrency = int(concurrency)
        self.retries = retries
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.rate_limit_wait = rate_limit_wait
        self.max_rate_limit_waits = max_rate_limit_waits
        self.sleep = sleep
        self.chunk = chunk
        self.timeout = timeout
        self.fsync = fsync

    # -- public -----------------------------------------------------------------------------

    def product_url(self, product_id):
        return f"{self.download_url}({product_id})/$value"

    def is_trusted(self, url):
        """May the Bearer token be sent to ``url``?"""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or (self._https and parts.scheme != "https"):
            return False
        host = (parts.hostname or "").lower()
        return any(fnmatchcase(host, pattern) for pattern in self.trusted_hosts)

    def run(self, items, progress=None, cancelled=None, on_product_done=None):
        """Download ``items``; returns their outcomes in the same order (duplicate ids once).

        ``progress(Progress)``, ``cancelled() -> bool`` and ``on_product_done(Outcome)`` are called
        from worker threads, each serialised. ``on_product_done`` comes right after each product
        finishes, whatever its outcome, so the caller can record Downloaded at once; an exception it
        raises stops the batch and is raised again here.
        """
        items = _unique(items)
        try:
            os.makedirs(self.out_dir, exist_ok=True)
        except OSError as exc:
            raise EoOrderError(f"Could not create the download folder {self.out_dir} ({exc.strerror or exc}): "
                               "choose another folder.") from None
        batch = _Batch(self, items, progress, cancelled, on_product_done)
        if not items:
            return []
        workers = min(self.concurrency, len(items))
        try:
            with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="cdse-download") as pool:
                outcomes = list(pool.map(batch.run_one, items))
        finally:
            batch.close()
        if batch.callback_error is not None:
            raise batch.callback_error
        return outcomes

    # -- one product ------------------------------------------------------------------------

    def _download(self, batch, item, final, part):
        """The product's outcome; AuthError (credentials rejected) goes up and stops the batch."""
        state = _State()
        while True:
            if batch.stop_requested():
                return batch.stopped_outcome(item, part, state)
            delay = 0.0
            try:
                return self._attempt(batch, item, final, part, state)
            except _Retry as exc:
                state.failures = 1 if exc.progressed else state.failures + 1
                if state.failures > self.retries:
                    return _outcome(item, FAILED, part, f"{exc.message} Gave up after {state.failures} attempts: "
                                    "run the download again later (it resumes).", state)
                delay = min(self.max_backoff, self.backoff * 2 ** (state.failures - 1))
            except _RateLimited as exc:
                state.rate_waits += 1
                if state.rate_waits > self.max_rate_limit_waits:
                    return _outcome(item, FAILED, part, f"{SERVICE} kept answering 'too many requests' (HTTP 429) "
                                    f"for {item.name}: run the download again later (it resumes).", state)
                delay = exc.after if exc.after is not None else self.rate_limit_wait
            except _Unauthorized as exc:
                if state.auth_retried:
                    return _outcome(item, FAILED, part, f"{SERVICE} refused the access token for {item.name} "
                                    "(HTTP 401) even after a refresh: check that your account may download "
                                    "this product, then run the download again.", state)
                state.auth_retried = True
                self.tokens.invalidate(exc.token)
            except _ChecksumMismatch as exc:
                _remove(part)
                if state.md5_restarted:
                    return _outcome(item, FAILED, None, f"{item.name}: the downloaded file's MD5 ({exc.actual}) "
                                    f"differs from the catalogue's ({exc.expected}) twice; the file was deleted. "
                                    "Report the product to Copernicus Data Space support or try again later.",
                                    state, md5_ok=False)
                state.md5_restarted = True
            except _Final as exc:
                return _outcome(item, exc.status, part if exc.keep_part else None, exc.message, state)
            except _Stopped:
                return batch.stopped_outcome(item, part, state)
            try:
                self._wait(batch, delay)
            except _Stopped:
                return batch.stopped_outcome(item, part, state)

    def _attempt(self, batch, item, final, part, state):
        offset = _size(part)
        expected = item.size_bytes or None
        if expected and offset > expected:
            _remove(part)
            offset = 0
        if expected and offset == expected:  # complete part left by a run that stopped before renaming
            return self._finish(batch, item, final, part, file_md5(part), expected, state, "")
        token = self._token()
        response = self._open(batch, item, token, offset)
        with closing(response):
            status = response.status_code
            if status == 401:
                raise _Unauthorized(token)
            if status == 429:
                raise _RateLimited(_retry_after(response.headers.get("Retry-After")))
            if status == 416:  # nothing left to send: is the part already complete?
                _, total = _content_range(response.headers.get("Content-Range"))
                if offset and total == offset:
                    return self._finish(batch, item, final, part, file_md5(part), total, state, "")
                _remove(part)
                raise _Retry(f"{SERVICE} could not resume {item.name} (HTTP 416); restarting it.")
            if status not in (200, 206):
                body = _error_body(response)
                if status == 202 or (status in OFFLINE_STATUSES and OFFLINE_WORDS.search(body)):
                    raise _Final(OFFLINE, _offline_message(item))
                if status >= 500 or status == 408:
                    raise _Retry(f"{SERVICE} answered HTTP {status} for {item.name}.")
                raise _refusal(item, response, body)
            if status == 200 and offset:
                offset = 0  # the server ignored Range: start again
            start, total = _content_range(response.headers.get("Content-Range")) if status == 206 else (0, None)
            if status == 206 and start != offset:
                _remove(part)
                raise _Retry(f"{SERVICE} resumed {item.name} at the wrong offset; restarting it.")
            length = _int(response.headers.get("Content-Length"))
            if total is None and length is not None:
                total = offset + length
            note = ""
            if expected and total and total != expected:
                note = f" (the server's size, {total} bytes, differs from the catalogue's, {expected} bytes)"
            if total is None:
                total = expected
            batch.set_total(item, total)
            chunks = response.iter_content(self.chunk)
            first = self._next(chunks, item, progressed=False)
            if first:
                self._reject_error_page(item, response, first, offset)
            digest = hashlib.md5()
            if offset:
                with open(part, "rb", buffering=0) as handle:
                    for block in iter(lambda: handle.read(1 << 20), b""):
                        digest.update(block)
            received = 0
            with _PartSink(part, append=bool(offset), digest=digest, fsync=self.fsync) as sink:
                block = first
                while block:
                    sink.put(block)
                    received += len(block)
                    state.transferred += len(block)
                    batch.advance(item, offset + received, len(block))
                    if batch.stop_requested():
                        raise _Stopped()
                    block = self._next(chunks, item, progressed=received > 0)
            if length is not None and received < length:
                raise _Retry(f"The connection broke after {offset + received} of {total} bytes of {item.name}.",
                             progressed=received > 0)
        return self._finish(batch, item, final, part, digest.hexdigest(), total, state, note)

    def _finish(self, batch, item, final, part, digest, total, state, note):
        size = _size(part)
        if total is not None and size != total:
            if size > total:
                _remove(part)
            raise _Retry(f"{item.name} has {size} bytes instead of {total}.", progressed=False)
        if item.checksum_md5:
            if digest != item.checksum_md5.strip().lower():
                raise _ChecksumMismatch(item.checksum_md5.strip().lower(), digest)
            status, md5_ok, how = VERIFIED, True, "MD5 verified"
        else:
            status, md5_ok = UNVERIFIED, None
            how = ("complete (size checked; the catalogue gives no MD5)" if total is not None
                   else "downloaded, but neither an MD5 nor a size was available to check it")
        os.replace(part, final)
        return Outcome(item.product_id, item.name, status, size, md5_ok, final,
                       f"{item.name}: {size} bytes, {how}{note}.", state.transferred)

    # -- HTTP -------------------------------------------------------------------------------

    def _token(self):
        try:
            return self.tokens.access_token()
        except AuthError:
            raise
        except EoOrderError as exc:  # login service unreachable or failing: transient
            raise _Retry(str(exc)) from None

    def _open(self, batch, item, token, offset):
        """GET the product, following up to MAX_REDIRECTS redirects with the Bearer for trusted hosts."""
        session = batch.session()
        url = self.product_url(item.product_id)
        for _ in range(MAX_REDIRECTS + 1):
            headers = {"Accept-Encoding": "identity"}
            if offset:
                headers["Range"] = f"bytes={offset}-"
            if self.is_trusted(url):
                headers["Authorization"] = f"Bearer {token}"
            try:
                response = session.get(url, headers=headers, stream=True, allow_redirects=False,
                                       timeout=self.timeout)
            except requests.exceptions.RequestException as exc:
                host = urlsplit(url).netloc
                raise _Retry(f"Could not get {item.name} from {host} ({_reason(exc)}).") from None
            location = response.headers.get("Location")
            if response.status_code in (301, 302, 303, 307, 308) and location:
                response.close()
                url = urljoin(url, location)
                continue
            return response
        raise _Final(FAILED, f"{SERVICE} redirected {item.name} more than {MAX_REDIRECTS} times: "
                             "try again later.", keep_part=True)

    def _next(self, chunks, item, progressed):
        try:
            return next(chunks, b"")
        except (requests.exceptions.RequestException, ConnectionError, TimeoutError) as exc:
            raise _Retry(f"The connection broke while downloading {item.name} ({_reason(exc)}).",
                         progressed=progressed) from None

    def _reject_error_page(self, item, response, first, offset):
        """An error page served with 200/206 (maintenance, quota, JSON error) is not a product."""
        kind = (response.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        head = bytes(first[:512]).lstrip()
        if kind == "text/html" or (not offset and looks_like_html(head)):
            raise _Retry(f"{SERVICE} sent a web page{_html_title(first)} instead of {item.name} (maintenance "
                         "or an error page).")
        if kind in ("application/json", "application/problem+json") and head.startswith((b"{", b"[")) \
                and not item.name.lower().endswith(".json"):
            excerpt = " ".join(first[:200].decode("utf-8", "replace").split())
            raise _Retry(f"{SERVICE} sent an error message instead of {item.name}: {excerpt}")

    def _wait(self, batch, seconds):
        """Sleep in slices of at most 1 s, so that cancelling is noticed."""
        remaining = max(0.0, float(seconds))
        while remaining > 0:
            if batch.stop_requested():
                raise _Stopped()
            step = min(1.0, remaining)
            self.sleep(step)
            remaining -= step


class _Batch:
    """Shared state of one run: sessions per thread, progress, callbacks, stop flags."""

    def __init__(self, downloader, items, progress, cancelled, on_product_done):
        self.downloader = downloader
        self.items = items
        self._progress = progress
        self._cancelled = cancelled
        self._on_done = on_product_done
        self._lock = threading.Lock()
        self._callback_lock = threading.Lock()
        self._local = threading.local()
        self._sessions = []
        self.callback_error = None
        self.auth_error = None
        self._started = time.monotonic()
        self._received = 0
        self._finished = 0
        self._bytes = {item.product_id: 0 for item in items}
        self._totals = {item.product_id: (item.size_bytes or None) for item in items}
        self.paths = _paths(downloader.out_dir, items)

    def session(self):
        session = getattr(self._local, "session", None)
        if session is None:
            session = self._local.session = self.downloader.session_factory()
            with self._lock:
                self._sessions.append(session)
        return session

    def close(self):
        for session in self._sessions:
            session.close()

    def stop_requested(self):
        if self.callback_error is not None:
            return True
        if self._cancelled is None:
            return False
        with self._callback_lock:
            return bool(self._cancelled())

    def stopped_outcome(self, item, part, state):
        if self.auth_error is not None:
            return _outcome(item, FAILED, part, f"{item.name} was not downloaded: {self.auth_error}", state)
        return _outcome(item, CANCELLED, part, f"{item.name}: cancelled; the partial download is kept and "
                        "the next run resumes it." if _size(part) else f"{item.name}: cancelled.", state)

    def run_one(self, item):
        final, part = self.paths[item.product_id]
        outcome = self._run_one(item, final, part)
        with self._lock:
            self._finished += 1
            self._bytes[item.product_id] = outcome.bytes if outcome.done else _size(part)
            if not outcome.done:  # nothing more will come: stop counting the rest of it
                self._totals[item.product_id] = self._bytes[item.product_id]
        self._report(item, outcome.bytes)
        if self._on_done is not None and self.callback_error is None:
            with self._callback_lock:
                try:
                    self._on_done(outcome)
                except BaseException as exc:  # noqa: BLE001 - raised again by run()
                    self.callback_error = exc
        return outcome

    def _run_one(self, item, final, part):
        if self.auth_error is not None or self.stop_requested():
            return self.stopped_outcome(item, part, _State())
        if not item.online:
            return Outcome(item.product_id, item.name, OFFLINE, 0, None, None, _offline_message(item))
        skipped = self._existing(item, final)
        if skipped is not None:
            return skipped
        try:
            return self.downloader._download(self, item, final, part)
        except AuthError as exc:
            self.auth_error = exc
            return _outcome(item, FAILED, part, str(exc), _State())
        except (requests.exceptions.RequestException, ConnectionError) as exc:  # OSErrors too, but not the disk's
            return _outcome(item, FAILED, part, f"The connection failed while downloading {item.name} "
                            f"({_reason(exc)}): run the download again later (it resumes).", _State())
        except OSError as exc:  # the disk: full, read-only, permissions
            return _outcome(item, FAILED, part, f"Could not write {item.name} to {self.downloader.out_dir} "
                            f"({exc.strerror or exc}). Free some space or choose another folder.", _State())

    def _existing(self, item, final):
        """A 'skipped' outcome when the final file is already there and verifies; else None."""
        if not os.path.isfile(final):
            return None
        size = _size(final)
        if item.checksum_md5:
            ok = file_md5(final) == item.checksum_md5.strip().lower()
            how = "MD5 verified"
        elif item.size_bytes:
            ok = size == item.size_bytes
            how = "size checked"
        else:
            ok, how = True, "nothing to check it against"
        if not ok:
            _remove(final)  # a file under the final name must be good: download it again
            return None
        with self._lock:
            self._bytes[item.product_id] = size
            self._totals[item.product_id] = size
        return Outcome(item.product_id, item.name, SKIPPED, size, True if item.checksum_md5 else None, final,
                       f"{item.name}: already downloaded ({how}).")

    def set_total(self, item, total):
        with self._lock:
            self._totals[item.product_id] = total

    def advance(self, item, product_bytes, received):
        with self._lock:
            self._bytes[item.product_id] = product_bytes
            self._received += received
        self._report(item, product_bytes)

    def _report(self, item, product_bytes):
        if self._progress is None:
            return
        with self._callback_lock:  # snapshot and call in one go, so that snapshots arrive in order
            with self._lock:
                done = sum(self._bytes.values())
                totals = list(self._totals.values())
                total = None if any(t is None for t in totals) else sum(totals)
                rate = self._received / max(1e-6, time.monotonic() - self._started)
                eta = (max(0, total - done) / rate) if total is not None and rate > 0 else None
                snapshot = Progress(item.product_id, item.name, product_bytes, self._totals[item.product_id],
                                    done, total, rate, eta, self._finished, len(self.items))
            self._progress(snapshot)


class _PartSink:
    """Appends blocks to a .part and feeds them to ``digest``, each on its own helper thread, so that
    receiving, hashing and writing overlap (hashlib and file writes release the GIL); at most
    ``depth`` blocks wait in memory per thread. Closing finishes both, then fsyncs if the stream
    completed (the rename that follows must not reach the disk before the bytes do)."""

    def __init__(self, path, append, digest, fsync, depth=4):
        self._handle = open(path, "ab" if append else "wb")
        self._digest = digest
        self._fsync = fsync
        self._unsynced = 0
        self._window = None
        self._error = None
        self._queues = (queue.Queue(depth), queue.Queue(depth))
        self._threads = [
            threading.Thread(target=self._drain, args=(q, work), name=f"cdse-part-{name}", daemon=True)
            for q, work, name in zip(self._queues, (self._write, digest.update), ("writer", "hasher"))
        ]
        for thread in self._threads:
            thread.start()

    def put(self, block):
        if self._error is not None:
            raise self._error
        for pending in self._queues:
            pending.put(block)

    def _write(self, block):
        if self._error is None:
            try:
                self._handle.write(block)
                self._unsynced += len(block)
                if self._fsync and self._unsynced >= WRITEBACK_EVERY:
                    # Start writing back as we go, without waiting, so that the final fsync has little
                    # left to wait for; the window before, written by now, leaves the page cache.
                    self._handle.flush()
                    end = self._handle.tell()
                    _start_writeback(self._handle.fileno(), end - self._unsynced, self._unsynced)
                    if self._window is not None:
                        _start_writeback(self._handle.fileno(), *self._window)
                    self._window = (end - self._unsynced, self._unsynced)
                    self._unsynced = 0
            except OSError as exc:
                self._error = exc

    @staticmethod
    def _drain(pending, work):
        while True:
            block = pending.get()
            if block is None:
                return
            work(block)

    def close(self, complete):
        for pending in self._queues:
            pending.put(None)
        for thread in self._threads:
            thread.join()
        try:
            if self._error is None:
                self._handle.flush()
                if complete and self._fsync:
                    os.fsync(self._handle.fileno())
        except OSError as exc:
            self._error = exc
        finally:
            self._handle.close()
        if self._error is not None:
            raise self._error

    def __enter__(self):
        return self

    def __exit__(self, kind, value, traceback):
        self.close(complete=kind is None)


@dataclass
class _State:
    failures: int = 0
    rate_waits: int = 0
    auth_retried: bool = False
    md5_restarted: bool = False
    transferred: int = 0


class _Retry(Exception):
    def __init__(self, message, progressed=False):
        super().__init__(message)
        self.message = message
        self.progressed = progressed


class _RateLimited(Exception):
    def __init__(self, after):
        super().__init__(after)
        self.after = after


class _Unauthorized(Exception):
    def __init__(self, token):
        super().__init__("HTTP 401")
        self.token = token


class _ChecksumMismatch(Exception):
    def __init__(self, expected, actual):
        super().__init__(expected, actual)
        self.expected = expected
        self.actual = actual


class _Final(Exception):
    def __init__(self, status, message, keep_part=False):
        super().__init__(message)
        self.status = status
        self.message = message
        self.keep_part = keep_part


class _Stopped(Exception):
    pass


def _outcome(item, status, part, message, state, md5_ok=None):
    size = _size(part) if part else 0
    return Outcome(item.product_id, item.name, status, size, md5_ok, part if size else None, message,
                   state.transferred)


def _error_body(response):
    try:
        body = bytearray()
        for block in response.iter_content(ERROR_BODY_LIMIT):
            body += block
            if len(body) >= ERROR_BODY_LIMIT:
                break
        return bytes(body[:ERROR_BODY_LIMIT])
    except requests.exceptions.RequestException:
        return b""


def _refusal(item, response, body):
    status = response.status_code
    if looks_like_html(body):
        detail = f"a web page{_html_title(body)}"
    else:
        detail = " ".join(body[:200].decode("utf-8", "replace").split())
    detail = f" Server said: {detail}" if detail else ""
    if status == 404:
        advice = "It may have been withdrawn: search the catalogue again."
    elif status == 403:
        advice = "Check that your account may download it (and its quota), then try again."
    else:
        advice = "Try again later; if it persists, report it to Copernicus Data Space support."
    return _Final(FAILED, f"{SERVICE} answered HTTP {status} {response.reason} for {item.name}. {advice}{detail}",
                  keep_part=True)


def _html_title(data):
    """' titled "..."' for an HTML page with a title, else ''."""
    match = re.search(rb"<title[^>]*>(.*?)</title", bytes(data[:20000]), re.I | re.S)
    title = " ".join(match.group(1).decode("utf-8", "replace").split())[:120] if match else ""
    return f' titled "{title}"' if title else ""


def _offline_message(item):
    return (f"{item.name} is offline (in the long-term archive) and cannot be downloaded over OData now: "
            "order it from the Copernicus Data Space browser, then download it again once it is online.")


def _unique(items):
    seen, unique = set(), []
    for item in items:
        if item.product_id not in seen:
            seen.add(item.product_id)
            unique.append(item)
    return unique


def _paths(out_dir, items):
    """(final, part) per product id; a name used twice gets the product id appended."""
    paths, used = {}, set()
    for item in items:
        filename = product_filename(item.name, item.product_id)
        if filename.lower() in used:
            stem, dot, ext = filename.rpartition(".")
            filename = f"{stem}_{re.sub(r'[^A-Za-z0-9-]', '_', item.product_id)}{dot}{ext}"
        used.add(filename.lower())
        final = os.path.join(out_dir, filename)
        paths[item.product_id] = (final, final + ".part")
    return paths


def _start_writeback(fd, start, length):
    """Ask the OS to start writing a range to disk now, without waiting (Linux: fadvise DONTNEED
    starts asynchronous writeback, then drops the pages once clean). Elsewhere: nothing."""
    if hasattr(os, "posix_fadvise"):
        os.posix_fadvise(fd, start, length, os.POSIX_FADV_DONTNEED)


def _size(path):
    try:
        return os.path.getsize(path)
    except (OSError, TypeError):
        return 0


def _remove(path):
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _content_range(value):
    """(start, total) from ``bytes start-end/total``; total None when '*'."""
    match = re.match(r"\s*bytes\s+(\d+)-(\d+)/(\d+|\*)", value or "")
    if not match:
        return None, None
    return int(match.group(1)), (int(match.group(3)) if match.group(3) != "*" else None)


def _retry_after(value):
    """Seconds from a Retry-After header (delta-seconds or HTTP date); None when absent/unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), MAX_RETRY_AFTER)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return min(max(0.0, when.timestamp() - time.time()), MAX_RETRY_AFTER)


def _reason(exc):
    """A short cause for a broken connection, without URLs (pre-signed ones carry secrets)."""
    cause = exc
    for _ in range(5):  # requests wraps urllib3, which wraps the socket error
        inner = getattr(cause, "reason", None)
        nested = [arg for arg in getattr(cause, "args", ()) if isinstance(arg, BaseException)]
        if isinstance(inner, BaseException):
            cause = inner
        elif nested:
            cause = nested[-1]
        else:
            break
    text = cause.strerror if isinstance(cause, OSError) and cause.strerror else str(cause)
    text = re.sub(r"https?://\S+|<[^>]*>", "", text).split(": ", 1)[-1]
    return " ".join(text.split())[:160] or cause.__class__.__name__


__all__ = [
    "CANCELLED", "DONE_STATUSES", "DOWNLOAD_URL", "FAILED", "OFFLINE", "SKIPPED", "UNVERIFIED", "VERIFIED",
    "DownloadItem", "Downloader", "Outcome", "Progress", "file_md5", "format_bytes", "format_duration",
    "product_filename",
]
