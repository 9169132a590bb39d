"""One HTTP attempt at one item: request (redirects followed here, credentials to trusted origins
only), status handling, error pages refused, the size cap, the stall rule, bytes into the part.

An attempt either returns the item's outcome or raises a signal of :mod:`.retry` for the policy.
"""

import collections
import re
import socket
import threading
import time
from contextlib import closing
from urllib.parse import urljoin, urlsplit

import requests

from ..errors import EoOrderError
from ..i18n import translate
from ..xmlsafe import looks_like_html, titled
from .model import FAILED, OFFLINE, format_bytes
from .part_file import PartSink, file_digest, remove_part, resume_point, start_part, strong_etag
from .retry import Final, LoginFailed, RateLimited, Retry, Stopped, Unauthorized, retry_after


def tr(text):
    return translate("EoOrderDownload", text)


MAX_REDIRECTS = 10
ERROR_BODY_LIMIT = 64 * 1024
WATCH_EVERY = 0.2  # seconds between two looks of the watchdog (cancel, stalls)
REDIRECTS = (301, 302, 303, 307, 308)


class Watch:
    """One response being read: bytes over time for the stall rule, and the way to abort it."""

    def __init__(self, lock, watches, response):
        self._lock = lock
        self._watches = watches
        self.response = response
        self.started = time.monotonic()
        self.received = 0
        self.samples = collections.deque([(self.started, 0)])
        self.aborted = None  # "cancel" or "stall" once the watchdog closed the connection

    def __enter__(self):
        with self._lock:
            self._watches.add(self)
        return self

    def __exit__(self, *exc):
        with self._lock:
            self._watches.discard(self)

    def advance(self, count):
        now = time.monotonic()
        with self._lock:
            self.received += count
            self.samples.append((now, self.received))

    def stalled(self, now, window, floor):
        """True when less than ``floor * window`` bytes arrived in the last ``window`` seconds."""
        if window <= 0 or now - self.started < window:
            return False
        with self._lock:
            while len(self.samples) > 1 and self.samples[1][0] <= now - window:
                self.samples.popleft()
            before = self.samples[0][1]
            return self.received - before < floor * window

    def abort(self, reason):
        if self.aborted is None:
            self.aborted = reason
            shut_down(self.response)


def shut_down(response):
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


def blocks(response, size):
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


def get_cancellable(session, url, headers, timeout, stop_requested):
    """``session.get`` on a helper thread, so that Cancel is noticed within WATCH_EVERY seconds even
    while a silent server keeps the reply's first byte waiting (up to the read timeout): the
    request is then abandoned (its reply, if one still comes, is closed) and Stopped raised."""
    box, lock, done = {}, threading.Lock(), threading.Event()

    def call():
        try:
            response = session.get(url, headers=headers, stream=True, allow_redirects=False, timeout=timeout)
        except BaseException as exc:  # noqa: BLE001 - raised again on the download thread
            box["error"] = exc
        else:
            with lock:
                box["response"] = response
                if box.get("abandoned"):
                    response.close()
        finally:
            done.set()

    threading.Thread(target=call, name="download-request", daemon=True).start()
    while not done.wait(WATCH_EVERY):
        if stop_requested():
            with lock:
                box["abandoned"] = True
                if "response" in box:
                    box["response"].close()
            raise Stopped()
    if "error" in box:
        raise box["error"]
    return box["response"]


class Attempt:
    """One attempt at ``request`` into ``part`` (then ``final``), for ``engine`` within ``batch``."""

    def __init__(self, engine, batch, request, final, part, state):
        self.engine = engine
        self.batch = batch
        self.request = request
        self.name = request.name
        self.final = final
        self.part = part
        self.state = state
        self.expected = request.size or None
        self.credential = None
        self.sent_headers = None

    def run(self):
        point = resume_point(self.part, self.request.item_id, self.expected)
        if self.expected and point.offset == self.expected:  # complete part left before its rename
            return self._finish_part(self.expected)
        response = self._open(point)
        with closing(response):
            status = self._check_status(response, point.offset)
            if status == 416:
                return self._finish_part(self._complete_size(response, point.offset))
            offset, total = self._resume_offset(response, status, point)
            with self.batch.watching(response) as watch:
                digest, cap, received, length = self._receive(response, watch, status, offset, total)
        if (length is not None and received < length) or (cap is not None and offset + received < cap):
            raise Retry(tr(
                "The connection broke after {0} of {1} bytes of {2}.").format(
                offset + received, cap, self.name),
                        progressed=received > 0)
        return self.engine.finish(self.batch, self.request, self.final, self.part, digest.hexdigest(), cap,
                                  self.state)

    def _finish_part(self, total):
        digest = file_digest(self.part, self.engine.new_hasher(self.request)).hexdigest()
        return self.engine.finish(self.batch, self.request, self.final, self.part, digest, total, self.state)

    # -- the request --

    def _headers(self, url, offset, validator):
        headers = {"Accept-Encoding": "identity"}
        if offset:
            headers["Range"] = f"bytes={offset}-"
            headers["If-Range"] = validator
        credential = self.engine.credential_for(url, self.request.url)
        if credential is not None:
            if self.sent_headers is None or credential is not self.credential:
                try:
                    self.sent_headers = credential.headers()
                except EoOrderError as exc:  # rejected, unreachable or failing login: once per batch
                    raise LoginFailed(exc) from None
                self.credential = credential
            headers.update(self.sent_headers)
        return headers

    def _open(self, point):
        """GET the item, following up to MAX_REDIRECTS redirects with credentials for trusted origins."""
        session = self.batch.session()
        url = self._signed_url()
        for _ in range(MAX_REDIRECTS + 1):
            headers = self._headers(url, point.offset, point.validator)
            if "Authorization" not in headers:
                self.credential = self.sent_headers = None
            try:
                response = get_cancellable(session, url, headers, self.engine.timeout, self.batch.stop_requested)
            except requests.exceptions.RequestException as exc:
                host = urlsplit(url).netloc
                raise Retry(tr("Could not get {0} from {1} ({2}).").format(self.name, host, reason(exc))) from None
            location = response.headers.get("Location")
            if response.status_code in REDIRECTS and location:
                response.close()
                url = urljoin(url, location)
                continue
            return response
        raise Final(FAILED, tr(
            "{0} redirected {1} more than {2} times: try again later.").format(
            self.engine.service, self.name, MAX_REDIRECTS), keep_part=True)

    def _signed_url(self):
        if self.request.sign is None:
            return self.request.url
        try:
            return self.request.sign(self.request.url)
        except EoOrderError as exc:  # the signing service failed: retried like the download itself
            raise Retry(tr("Could not sign the URL of {0}: {1}.").format(self.name, str(exc).rstrip('.'))) from None

    # -- the status --

    def _check_status(self, response, offset):
        """The status to go on with (200, 206, or 416 for a part that may be complete); raises for the rest."""
        status = response.status_code
        if status == 401:
            self._unauthorized()
        if status == 429:
            raise RateLimited(retry_after(response.headers.get("Retry-After")))
        if status in (200, 206, 416):
            return status
        body = error_body(response)
        offline = self.engine.offline_reply(self.request, status, body)
        if offline:
            raise Final(OFFLINE, offline)
        if status >= 500 or status == 408:
            raise Retry(tr("{0} answered HTTP {1} for {2}.").format(self.engine.service, status, self.name))
        raise self.engine.refusal(self.request, response, body)

    def _unauthorized(self):
        if self.credential is None:
            raise Final(FAILED, tr(
                "{0} asks for credentials to download {1} (HTTP 401): choose an authentication "
                "configuration for it, then run the download again.").format(
                self.engine.service, self.name),
                        keep_part=True)
        raise Unauthorized(self.credential, self.sent_headers)

    def _complete_size(self, response, offset):
        """416 (nothing left to send): the size of a complete part, else the part restarts."""
        _, total = content_range(response.headers.get("Content-Range"))
        if offset and total == offset and (not self.expected or total == self.expected):
            return total
        remove_part(self.part)
        raise Retry(tr("{0} could not resume {1} (HTTP 416); restarting it.").format(self.engine.service, self.name))

    def _resume_offset(self, response, status, point):
        """(offset the body starts at, total size from Content-Range or None)."""
        offset = point.offset
        if status == 206 and not offset:
            status = 200  # a 206 to a request without Range: it must start at zero
        if status == 200:
            return 0, None  # the server ignored Range, or the file changed (If-Range): start again
        start, total = content_range(response.headers.get("Content-Range"))
        if start != offset:
            remove_part(self.part)
            raise Retry(tr(
                "{0} resumed {1} at the wrong offset; restarting it.").format(
                self.engine.service, self.name))
        if point.etag and strong_etag(response) not in (None, point.etag):
            remove_part(self.part)
            raise Retry(tr(
                "{0} resumed {1} from another version of the file; restarting it.").format(
                self.engine.service, self.name))
        return offset, total

    # -- the body --

    def _receive(self, response, watch, status, offset, total):
        """Stream the body into the part; (digest, cap, bytes received, Content-Length)."""
        chunks = blocks(response, self.engine.chunk)
        first = self._next(chunks, watch, progressed=False)
        if first:
            self._reject_error_page(response, first, offset)
        length = to_int(response.headers.get("Content-Length"))
        if total is None and length is not None:
            total = offset + length
        if self.expected and total is not None and total != self.expected:
            remove_part(self.part)
            raise Final(FAILED, tr(
                "{0} announced {1} bytes for {2}, but the catalogue says {3} bytes: refused, it is not "
                "the file the catalogue describes. Search again; if it persists, report it to {4}.").format(
                self.engine.service, total, self.name, self.expected, self.engine.support))
        cap = self.expected or total  # the hard cap and the size a complete file has
        self.batch.set_total(self.request, cap)
        if not offset:
            start_part(self.part, self.request.item_id, response)
        digest = self.engine.new_hasher(self.request)
        if offset:
            file_digest(self.part, digest)
        received = self._stream(chunks, first, watch, offset, cap, digest)
        return digest, cap, received, length

    def _stream(self, chunks, block, watch, offset, cap, digest):
        received, overflow = 0, False
        with PartSink(self.part, append=bool(offset), digest=digest, fsync=self.engine.fsync) as sink:
            while block:
                if cap is not None and offset + received + len(block) > cap:
                    block, overflow = block[:cap - offset - received], True
                if block:
                    sink.put(block)
                    received += len(block)
                    self.state.transferred += len(block)
                    watch.advance(len(block))
                    self.batch.advance(self.request, offset + received, len(block))
                if overflow:
                    break
                if self.batch.stop_requested():
                    raise Stopped()
                block = self._next(chunks, watch, progressed=received > 0)
        if overflow:
            remove_part(self.part)
            raise Final(FAILED, tr(
                "{0} sent more than the announced {1} bytes of {2}: refused (stopped at that size and "
                "deleted). Try again later; if it persists, report it to {3}.").format(
                self.engine.service, cap, self.name, self.engine.support))
        return received

    def _next(self, chunks, watch, progressed):
        try:
            block = next(chunks, b"")
        except (requests.exceptions.RequestException, OSError) as exc:
            if watch.aborted is None:
                raise Retry(tr("The connection broke while downloading {0} ({1}).").format(self.name, reason(exc)),
                            progressed=progressed) from None
            block = b""
        if watch.aborted == "cancel":
            raise Stopped()
        if watch.aborted == "stall":
            raise Final(FAILED, tr(
                "{0} sent {1} at less than {2}/s for {3:g} s: stopped. The partial download is kept; run "
                "the download again later to resume it.").format(
                self.engine.service, self.name, format_bytes(self.engine.min_rate), self.engine.stall_window),
                        keep_part=True)
        return block

    def _reject_error_page(self, response, first, offset):
        """An error page served with 200/206 (maintenance, quota, JSON error) is not the file."""
        kind = (response.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        head = bytes(first[:512]).lstrip()
        service = self.engine.service
        if kind == "text/html" or (not offset and looks_like_html(head)):
            raise Retry(tr(
                "{0} sent a web page{1} instead of {2} (maintenance or an error page).").format(
                service, titled(first), self.name))
        if kind in ("application/json", "application/problem+json") and head.startswith((b"{", b"[")) \
                and not self.request.filename.lower().endswith(".json"):
            excerpt = " ".join(first[:200].decode("utf-8", "replace").split())
            raise Retry(tr("{0} sent an error message instead of {1}: {2}").format(service, self.name, excerpt))


def error_body(response):
    try:
        body = bytearray()
        for block in response.iter_content(ERROR_BODY_LIMIT):
            body += block
            if len(body) >= ERROR_BODY_LIMIT:
                break
        return bytes(body[:ERROR_BODY_LIMIT])
    except requests.exceptions.RequestException:
        return b""


def server_said(body):
    """`` Server said: …`` quoting an error body (a web page by its title), or ''."""
    if looks_like_html(body):
        detail = tr("a web page{0}").format(titled(body))
    else:
        detail = " ".join(body[:200].decode("utf-8", "replace").split())
    return tr(" Server said: {0}").format(detail) if detail else ""



def to_int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def content_range(value):
    """(start, total) from ``bytes start-end/total``; total None when '*'."""
    match = re.match(r"\s*bytes\s+(\d+)-(\d+)/(\d+|\*)", value or "")
    if not match:
        return None, None
    return int(match.group(1)), (int(match.group(3)) if match.group(3) != "*" else None)


def reason(exc):
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
