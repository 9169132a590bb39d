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
- Interrupted downloads resume only when the file on the server is provably the same: the first reply's
  ``ETag`` (a strong one) or else ``Last-Modified`` is kept beside the part in ``<part>.meta`` (JSON,
  written atomically, with the product id), and a resume sends ``Range: bytes=N-`` with
  ``If-Range: <that validator>``. A 206 reply is appended; a 200 reply (the file changed, or Range is
  not supported) restarts the file from zero. A part without a validator (or of another product) is
  not resumed: it restarts from zero.
- The announced size is a hard cap and a completeness check: the catalogue's ``ContentLength`` (when
  known) or else the size the reply announces. A reply announcing another size than the catalogue is
  refused; a body that goes past the size is cut there and refused (the file on disk never grows past
  it); a body that ends early is not complete (retried, resuming). A catalogue MD5 that is not 32
  hexadecimal digits is ignored, and the outcome says so.
- A product whose bytes arrive slower than ``min_rate`` bytes/s on average over ``stall_window``
  seconds (a server dripping a byte every few seconds, or silent) is stopped and failed with a clear
  message (the part is kept for the next run). A watchdog thread closes the connection of a stalled
  download, and of every download within a fraction of a second after Cancel: nothing waits for a
  chunk to arrive.
- Product ids must be UUIDs (what the catalogue issues); any other id is refused for that product
  (never pasted into a URL), and the id is percent-encoded in the URL path all the same.
- Redirects are followed here, not by requests, so that the ``Authorization: Bearer`` header goes to
  trusted origins only (scheme, host and port: the download URL's own origin, and
  ``https://*.dataspace.copernicus.eu`` on port 443 by default), never over a downgrade from https to
  http, never to the same host on another port, and is dropped for any other origin (e.g. a
  pre-signed storage URL).
- A login that fails (rejected password, an HTML page, a server error, no answer) is tried once per
  batch: it ends the batch with its message; the products not tried yet say so.
- 429 waits for Retry-After (else ``rate_limit_wait`` seconds) and goes on; 401 refreshes the token
  once; 5xx, broken connections and short bodies are retried with exponential backoff, resuming.
- An offline product (``Online`` false in the catalogue, or a server reply saying so) is reported as
  ``offline`` and does not stop the batch; a product whose final file already verifies is ``skipped``.

File names: CDSE serves directory-like products (``.SAFE``, ``.SEN3``, names without extension...) as
zip archives, so ``.zip`` is appended unless the name already ends with a single-file extension
(``.zip``, ``.nc``, ``.tif``...; see ``FILE_SUFFIXES``): ``S2A_MSIL1C_..._T33UUP_....SAFE`` is saved as
``S2A_MSIL1C_..._T33UUP_....SAFE.zip`` and ``S5P_OFFL_L2__NO2_....nc`` keeps its name. A name that is
not already plain (characters other than letters, digits and ``._+-``, or longer than 200
characters) is sanitised (those characters become ``_``), cut, and gets ``_<product id>`` before its
extension, so two products whose names collide once sanitised never share a file. The plain name
of a product can only be shared with a product of the very same name: a file found there is used
only when it verifies for this product (MD5, else size), is never deleted nor overwritten when it
does not, and this product then goes to ``<name>_<product id>.<ext>`` instead (that name is the
product's own: a file found there is this product's).
"""

import collections
import hashlib
import json
import os
import queue
import re
import socket
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from dataclasses import dataclass, replace
from email.utils import parsedate_to_datetime
from fnmatch import fnmatchcase
from typing import Optional
from urllib.parse import quote, urljoin, urlsplit

import requests

from .errors import EoOrderError, redact
from .http import DEFAULT_TIMEOUT, new_session
from .xmlsafe import looks_like_html  # noqa: N813 - one reader of HTML titles
from .xmlsafe import titled as _html_title

DOWNLOAD_URL = "https://download.dataspace.copernicus.eu/odata/v1/Products"
TRUSTED_ORIGINS = ("https://*.dataspace.copernicus.eu",)  # scheme://host-pattern[:port]; port: the default
DEFAULT_PORTS = {"http": 80, "https": 443}
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
STALL_WINDOW = 60.0  # seconds over which a download must average at least MIN_RATE
MIN_RATE = 1000  # bytes/s; slower than this over STALL_WINDOW = stalled
WATCH_EVERY = 0.2  # seconds between two looks of the watchdog (cancel, stalls)
MAX_NAME = 200  # characters of a file name
UUID_RE = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
MD5_RE = re.compile(r"^[0-9a-f]{32}$")

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


def valid_product_id(value):
    """True for a Copernicus product id (a UUID such as ``0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0``)."""
    return isinstance(value, str) and bool(UUID_RE.match(value))


def valid_md5(value):
    """The MD5 as 32 lower-case hexadecimal digits, or None when ``value`` is not one."""
    text = str(value or "").strip().lower()
    return text if MD5_RE.match(text) else None


def _sanitised(name):
    return re.sub(r"[^A-Za-z0-9._+-]", "_", name or "").strip("._ ")


def _with_suffix(name):
    return name if name.lower().endswith(FILE_SUFFIXES) else name + ".zip"


def product_filename(name, product_id=""):
    """The file name for a product: its plain name when that is already safe, else the sanitised name
    with ``_<product id>`` (see the module docstring). Deterministic: the same product always gets the
    same name."""
    safe = _sanitised(name)
    if safe and safe == name and len(_with_suffix(safe)) <= MAX_NAME:
        return _with_suffix(safe)
    return own_filename(name, product_id)


def own_filename(name, product_id):
    """``<sanitised name, cut>_<product id><extension>``: a file name no other product id can get."""
    ident = re.sub(r"[^A-Za-z0-9-]", "_", str(product_id or ""))[:64]
    full = _with_suffix(_sanitised(name)) if _sanitised(name) else ".zip"
    extension = next((s for s in FILE_SUFFIXES if full.lower().endswith(s)), "")
    stem = full[:len(full) - len(extension)].rstrip("._ ")
    stem = stem[:max(0, MAX_NAME - len(ident) - len(extension) - 1)]
    return f"{stem}_{ident}{extension}" if stem else f"{ident}{extension}"


def downloaded_path(folder, name, product_id):
    """Where a product's downloaded file is, or would be: its own name when that file exists, else its
    plain name (see the module docstring)."""
    own = os.path.join(folder, own_filename(name, product_id))
    return own if os.path.isfile(own) else os.path.join(folder, product_filename(name, product_id))


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

    def __init__(self, tokens, out_dir, *, download_url=DOWNLOAD_URL, trusted_origins=TRUSTED_ORIGINS,
                 session_factory=new_session, concurrency=MAX_CONCURRENCY, retries=3, backoff=2.0,
                 max_backoff=60.0, rate_limit_wait=60.0, max_rate_limit_waits=20, sleep=time.sleep,
                 chunk=1 << 20, timeout=DEFAULT_TIMEOUT, fsync=True, stall_window=STALL_WINDOW,
                 min_rate=MIN_RATE):
        if not 1 <= int(concurrency) <= MAX_CONCURRENCY:
            raise ValueError(f"concurrency must be 1..{MAX_CONCURRENCY} (CDSE allows {MAX_CONCURRENCY} connections)")
        self.tokens = tokens
        self.out_dir = os.fspath(out_dir)
        self.download_url = download_url.rstrip("/")
        self._https = urlsplit(self.download_url).scheme == "https"
        own = _origin(self.download_url)
        self.trusted_origins = tuple(o for o in map(_origin, trusted_origins) if o) + ((own,) if own else ())
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
        self.stall_window = float(stall_window)
        self.min_rate = float(min_rate)

    # -- public -----------------------------------------------------------------------------

    def product_url(self, product_id):
        return f"{self.download_url}({quote(str(product_id), safe='')})/$value"

    def is_trusted(self, url):
        """May the Bearer token be sent to ``url``? Only to a trusted origin: same scheme, a matching
        host and the same port (never to the right host on another port, nor over plain http when the
        download URL is https)."""
        origin = _origin(url)
        if origin is None or (self._https and origin[0] != "https"):
            return False
        scheme, host, port = origin
        return any(scheme == s and port == p and fnmatchcase(host, pattern) for s, pattern, p in self.trusted_origins)

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
        if not items:
            return []
        batch = _Batch(self, items, progress, cancelled, on_product_done)
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
        """The product's outcome; _LoginFailed (no token) goes up and stops the batch."""
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
                _remove_part(part)
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
        validator = meta_etag = None
        if offset:
            meta = _read_meta(part)
            if meta is not None and meta.get("product_id") == item.product_id:
                meta_etag = meta.get("etag") or None
                validator = meta_etag or meta.get("last_modified") or None
            if validator is None:  # not provably the same file on the server: start again
                _remove_part(part)
                offset = 0
        expected = item.size_bytes or None
        if expected and offset > expected:
            _remove_part(part)
            offset, validator = 0, None
        if expected and offset == expected:  # complete part left by a run that stopped before renaming
            return self._finish(batch, item, final, part, file_md5(part), expected, state, "")
        token = self._token()
        response = self._open(batch, item, token, offset, validator)
        with closing(response):
            status = response.status_code
            if status == 401:
                raise _Unauthorized(token)
            if status == 429:
                raise _RateLimited(_retry_after(response.headers.get("Retry-After")))
            if status == 416:  # nothing left to send: is the part already complete?
                _, total = _content_range(response.headers.get("Content-Range"))
                if offset and total == offset and (not expected or total == expected):
                    return self._finish(batch, item, final, part, file_md5(part), total, state, "")
                _remove_part(part)
                raise _Retry(f"{SERVICE} could not resume {item.name} (HTTP 416); restarting it.")
            if status not in (200, 206):
                body = _error_body(response)
                if status == 202 or (status in OFFLINE_STATUSES and OFFLINE_WORDS.search(body)):
                    raise _Final(OFFLINE, _offline_message(item))
                if status >= 500 or status == 408:
                    raise _Retry(f"{SERVICE} answered HTTP {status} for {item.name}.")
                raise _refusal(item, response, body)
            if status == 206 and not offset:
                status = 200  # a 206 to a request without Range: it must start at zero
            if status == 200 and offset:
                offset = 0  # the server ignored Range, or the file changed (If-Range): start again
            start, total = _content_range(response.headers.get("Content-Range")) if status == 206 else (0, None)
            if status == 206 and start != offset:
                _remove_part(part)
                raise _Retry(f"{SERVICE} resumed {item.name} at the wrong offset; restarting it.")
            if status == 206 and offset and meta_etag and _validator(response) not in (None, meta_etag):
                _remove_part(part)
                raise _Retry(f"{SERVICE} resumed {item.name} from another version of the file; restarting it.")
            with batch.watching(response) as watch:
                chunks = _blocks(response, self.chunk)
                first = self._next(chunks, item, watch, progressed=False)
                if first:
                    self._reject_error_page(item, response, first, offset)
                length = _int(response.headers.get("Content-Length"))
                if total is None and length is not None:
                    total = offset + length
                if expected and total is not None and total != expected:
                    _remove_part(part)
                    raise _Final(FAILED, f"{SERVICE} announced {total} bytes for {item.name}, but the catalogue "
                                 f"says {expected} bytes: refused, it is not the product the catalogue describes. "
                                 "Search again; if it persists, report it to Copernicus Data Space support.")
                cap = expected or total  # the hard cap and the size a complete file has
                batch.set_total(item, cap)
                if status == 200:  # a fresh start: remember what identifies this version of the file
                    _remove_part(part)
                    _write_meta(part, {"product_id": item.product_id, "etag": _validator(response),
                                       "last_modified": (response.headers.get("Last-Modified") or "").strip() or None})
                digest = hashlib.md5()
                if offset:
                    with open(part, "rb", buffering=0) as handle:
                        for block in iter(lambda: handle.read(1 << 20), b""):
                            digest.update(block)
                received, overflow = 0, False
                with _PartSink(part, append=bool(offset), digest=digest, fsync=self.fsync) as sink:
                    block = first
                    while block:
                        if cap is not None and offset + received + len(block) > cap:
                            block, overflow = block[:cap - offset - received], True
                        if block:
                            sink.put(block)
                            received += len(block)
                            state.transferred += len(block)
                            watch.advance(len(block))
                            batch.advance(item, offset + received, len(block))
                        if overflow:
                            break
                        if batch.stop_requested():
                            raise _Stopped()
                        block = self._next(chunks, item, watch, progressed=received > 0)
            if overflow:
                _remove_part(part)
                raise _Final(FAILED, f"{SERVICE} sent more than the announced {cap} bytes of {item.name}: "
                             "refused (stopped at that size and deleted). Try again later; if it persists, "
                             "report it to Copernicus Data Space support.")
            if (length is not None and received < length) or (cap is not None and offset + received < cap):
                raise _Retry(f"The connection broke after {offset + received} of {cap} bytes of {item.name}.",
                             progressed=received > 0)
        return self._finish(batch, item, final, part, digest.hexdigest(), cap, state, "")

    def _finish(self, batch, item, final, part, digest, total, state, note):
        size = _size(part)
        if total is not None and size != total:
            if size > total:
                _remove_part(part)
            raise _Retry(f"{item.name} has {size} bytes instead of {total}.", progressed=False)
        if item.checksum_md5:
            if digest != item.checksum_md5:
                raise _ChecksumMismatch(item.checksum_md5, digest)
            status, md5_ok, how = VERIFIED, True, "MD5 verified"
        else:
            status, md5_ok = UNVERIFIED, None
            how = ("complete (size checked; the catalogue gives no MD5)" if total is not None
                   else "downloaded, but neither an MD5 nor a size was available to check it")
        own = batch.paths[item.product_id][1]
        if final != own and os.path.exists(final):  # another product of that name got there first
            final = own
        os.replace(part, final)
        _remove(part + ".meta")
        return Outcome(item.product_id, item.name, status, size, md5_ok, final,
                       f"{item.name}: {size} bytes, {how}{note}{batch.notes.get(item.product_id, '')}.",
                       state.transferred)

    # -- HTTP -------------------------------------------------------------------------------

    def _token(self):
        try:
            return self.tokens.access_token()
        except EoOrderError as exc:  # rejected, unreachable or failing login: once per batch
            raise _LoginFailed(exc) from None

    def _open(self, batch, item, token, offset, validator=None):
        """GET the product, following up to MAX_REDIRECTS redirects with the Bearer for trusted origins."""
        session = batch.session()
        url = self.product_url(item.product_id)
        for _ in range(MAX_REDIRECTS + 1):
            headers = {"Accept-Encoding": "identity"}
            if offset:
                headers["Range"] = f"bytes={offset}-"
                headers["If-Range"] = validator
            if self.is_trusted(url):
                headers["Authorization"] = f"Bearer {token}"
            try:
                response = self._get(batch, session, url, headers)
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

    def _get(self, batch, session, url, headers):
        """``session.get`` on a helper thread, so that Cancel is noticed within WATCH_EVERY seconds even
        while a silent server keeps the reply's first byte waiting (up to the read timeout): the
        request is then abandoned (its reply, if one still comes, is closed) and _Stopped raised."""
        box, lock, done = {}, threading.Lock(), threading.Event()

        def call():
            try:
                response = session.get(url, headers=headers, stream=True, allow_redirects=False,
                                       timeout=self.timeout)
            except BaseException as exc:  # noqa: BLE001 - raised again on the download thread
                box["error"] = exc
            else:
                with lock:
                    box["response"] = response
                    if box.get("abandoned"):
                        response.close()
            finally:
                done.set()

        threading.Thread(target=call, name="cdse-download-request", daemon=True).start()
        while not done.wait(WATCH_EVERY):
            if batch.stop_requested():
                with lock:
                    box["abandoned"] = True
                    if "response" in box:
                        box["response"].close()
                raise _Stopped()
        if "error" in box:
            raise box["error"]
        return box["response"]

    def _next(self, chunks, item, watch, progressed):
        try:
            block = next(chunks, b"")
        except (requests.exceptions.RequestException, OSError) as exc:
            if watch.aborted is None:
                raise _Retry(f"The connection broke while downloading {item.name} ({_reason(exc)}).",
                             progressed=progressed) from None
            block = b""
        if watch.aborted == "cancel":
            raise _Stopped()
        if watch.aborted == "stall":
            raise _Final(FAILED, f"{SERVICE} sent {item.name} at less than {format_bytes(self.min_rate)}/s for "
                         f"{self.stall_window:g} s: stopped. The partial download is kept; run the download "
                         "again later to resume it.", keep_part=True)
        return block

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
        self.notes = {}  # product id -> text appended to its outcome's message
        self._watches = set()
        self._closed = threading.Event()
        self._watchdog = threading.Thread(target=self._watch_loop, name="cdse-download-watchdog", daemon=True)
        self._watchdog.start()

    def watching(self, response):
        """A context whose :class:`_Watch` the watchdog looks at while ``response`` is being read."""
        return _Watch(self, response)

    def _watch_loop(self):
        window, floor = self.downloader.stall_window, self.downloader.min_rate
        while not self._closed.wait(WATCH_EVERY):
            with self._lock:
                watches = list(self._watches)
            if not watches:
                continue
            stop = self.stop_requested()
            now = time.monotonic()
            for watch in watches:
                if stop:
                    watch.abort("cancel")
                elif watch.stalled(now, window, floor):
                    watch.abort("stall")

    def session(self):
        session = getattr(self._local, "session", None)
        if session is None:
            session = self._local.session = self.downloader.session_factory()
            with self._lock:
                self._sessions.append(session)
        return session

    def close(self):
        self._closed.set()
        self._watchdog.join()
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
            return _outcome(item, FAILED, part, f"{item.name}: not tried, because the login to {SERVICE} failed "
                            "(see the first failed product).", state)
        return _outcome(item, CANCELLED, part, f"{item.name}: cancelled; the partial download is kept and "
                        "the next run resumes it." if _size(part) else f"{item.name}: cancelled.", state)

    def run_one(self, item):
        outcome = self._run_one(item)
        with self._lock:
            self._finished += 1
            self._bytes[item.product_id] = outcome.bytes
            if not outcome.done:  # nothing more will come: stop counting the rest of it
                self._totals[item.product_id] = self._bytes[item.product_id]
        if not outcome.done:
            outcome = _with_note(outcome, self.notes.get(item.product_id, ""))
        self._report(item, outcome.bytes)
        if self._on_done is not None and self.callback_error is None:
            with self._callback_lock:
                try:
                    self._on_done(outcome)
                except BaseException as exc:  # noqa: BLE001 - raised again by run()
                    self.callback_error = exc
        return outcome

    def _run_one(self, item):
        if not valid_product_id(item.product_id):
            return Outcome(item.product_id, item.name, FAILED, 0, None, None,
                           f"{item.name or 'A product'}: its id {str(item.product_id)[:80]!r} is not a Copernicus "
                           "product id (a UUID such as 0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0), so it was not "
                           "requested: search the catalogue again for this product.")
        plain, own = self.paths[item.product_id]
        if self.auth_error is not None or self.stop_requested():
            return self.stopped_outcome(item, plain + ".part", _State())
        if not item.online:
            return Outcome(item.product_id, item.name, OFFLINE, 0, None, None, _offline_message(item))
        md5 = valid_md5(item.checksum_md5)
        if item.checksum_md5 and md5 is None:
            self.notes[item.product_id] = (f" (the catalogue's MD5 {str(item.checksum_md5).strip()[:40]!r} is not "
                                           "32 hexadecimal digits: ignored)")
        item = replace(item, checksum_md5=md5)
        final = plain
        if own != plain and os.path.isfile(own):  # the product's own name: any file there is its own
            final = own
        skipped = self._existing(item, final, ours=final == own)
        if skipped is not None:
            return skipped
        if final == plain and own != plain and os.path.isfile(plain):
            final = own  # a file of that name that is not this product's: leave it alone
        part = final + ".part"
        try:
            return self.downloader._download(self, item, final, part)
        except _LoginFailed as exc:
            with self._lock:
                first = self.auth_error is None
                if first:
                    self.auth_error = exc.error
            if not first:
                return self.stopped_outcome(item, part, _State())
            return _outcome(item, FAILED, part, str(exc.error), _State())
        except (requests.exceptions.RequestException, ConnectionError) as exc:  # OSErrors too, but not the disk's
            return _outcome(item, FAILED, part, f"The connection failed while downloading {item.name} "
                            f"({_reason(exc)}): run the download again later (it resumes).", _State())
        except OSError as exc:  # the disk: full, read-only, permissions
            return _outcome(item, FAILED, part, f"Could not write {item.name} to {self.downloader.out_dir} "
                            f"({exc.strerror or exc}). Free some space or choose another folder.", _State())

    def _existing(self, item, final, ours):
        """A 'skipped' outcome when the final file is already there and verifies; else None. A file
        that does not verify is deleted only when it is ``ours`` (under the product's own name)."""
        if not os.path.isfile(final):
            return None
        size = _size(final)
        if item.checksum_md5:
            ok = file_md5(final) == item.checksum_md5
            how = "MD5 verified"
        elif item.size_bytes:
            ok = size == item.size_bytes
            how = "size checked"
        else:
            ok, how = True, "nothing to check it against"
        if not ok:
            if ours:
                _remove(final)  # a file under the product's own name must be good: download it again
            return None
        with self._lock:
            self._bytes[item.product_id] = size
            self._totals[item.product_id] = size
        return Outcome(item.product_id, item.name, SKIPPED, size, True if item.checksum_md5 else None, final,
                       f"{item.name}: already downloaded ({how}){self.notes.get(item.product_id, '')}.")

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


class _LoginFailed(Exception):
    def __init__(self, error):
        super().__init__(str(error))
        self.error = error


class _Watch:
    """One response being read: bytes over time for the stall rule, and the way to abort it."""

    def __init__(self, batch, response):
        self.batch = batch
        self.response = response
        self.started = time.monotonic()
        self.received = 0
        self.samples = collections.deque([(self.started, 0)])
        self.aborted = None  # "cancel" or "stall" once the watchdog closed the connection

    def __enter__(self):
        with self.batch._lock:
            self.batch._watches.add(self)
        return self

    def __exit__(self, *exc):
        with self.batch._lock:
            self.batch._watches.discard(self)

    def advance(self, count):
        now = time.monotonic()
        with self.batch._lock:
            self.received += count
            self.samples.append((now, self.received))

    def stalled(self, now, window, floor):
        """True when less than ``floor * window`` bytes arrived in the last ``window`` seconds."""
        if window <= 0 or now - self.started < window:
            return False
        with self.batch._lock:
            while len(self.samples) > 1 and self.samples[1][0] <= now - window:
                self.samples.popleft()
            before = self.samples[0][1]
            return self.received - before < floor * window

    def abort(self, reason):
        if self.aborted is None:
            self.aborted = reason
            _shut_down(self.response)


def _shut_down(response):
    """Close the connection under a response being read on another thread: its blocked read returns."""
    raw = getattr(response, "raw", None)
    for path in (("_connection", "sock"), ("_fp", "fp", "raw", "_sock")):
        target = raw
        for name in path:
            target = getattr(target, name, None)
        if target is not None:
            try:
                target.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            return


def _blocks(response, size):
    """The body as it arrives: each block is what the socket had (at most ``size``), so that a slow
    server is seen as slow rather than waited for until a whole chunk is there."""
    raw = getattr(response, "raw", None)
    read1 = getattr(raw, "read1", None)  # urllib3 >= 2
    if read1 is None:
        fp = getattr(raw, "_fp", None)  # the http.client response under urllib3 1.x
        read1 = getattr(fp, "read1", None)
    if read1 is None:
        yield from response.iter_content(size)
        return
    while True:
        block = read1(size)
        if not block:
            return
        yield block


def _with_note(outcome, note):
    if not note:
        return outcome
    message = outcome.message[:-1] if outcome.message.endswith(".") else outcome.message
    return replace(outcome, message=f"{message}{note}.")


def _origin(url):
    """``(scheme, host, port)`` of a URL (host may be a ``*.`` pattern); None when unusable."""
    try:
        parts = urlsplit(str(url))
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS or not parts.hostname:
        return None
    return scheme, parts.hostname.lower(), port or DEFAULT_PORTS[scheme]


def _validator(response):
    """The response's strong ETag (weak ones cannot be used with If-Range), else None."""
    etag = (response.headers.get("ETag") or "").strip()
    return etag if etag.startswith('"') else None


def _read_meta(part):
    try:
        with open(part + ".meta", encoding="utf-8") as handle:
            meta = json.load(handle)
    except (OSError, ValueError):
        return None
    return meta if isinstance(meta, dict) else None


def _write_meta(part, meta):
    """``<part>.meta`` (JSON), atomically: a temporary file in the same folder, then os.replace."""
    folder = os.path.dirname(os.path.abspath(part))
    fd, temp = tempfile.mkstemp(prefix=".meta-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(meta, handle)
        os.replace(temp, part + ".meta")
    except BaseException:
        _remove(temp)
        raise


def _remove_part(part):
    _remove(part)
    _remove(part + ".meta")


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
    """(plain, own) file paths per product id (see the module docstring); a plain name used twice in
    the batch is left to the first product, the others use their own names."""
    paths, used = {}, set()
    for item in items:
        plain = product_filename(item.name, item.product_id)
        own = own_filename(item.name, item.product_id)
        if plain.lower() in used:
            plain = own
        used.add(plain.lower())
        paths[item.product_id] = (os.path.join(out_dir, plain), os.path.join(out_dir, own))
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
    "DownloadItem", "Downloader", "Outcome", "Progress", "downloaded_path", "file_md5", "format_bytes",
    "format_duration", "own_filename", "product_filename", "valid_md5", "valid_product_id",
]
