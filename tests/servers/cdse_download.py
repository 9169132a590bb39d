"""Loopback stand-ins for Copernicus Data Space's identity and download services (docs/copernicus.md).

    clock = FakeClock()
    identity = IdentityServer(clock=clock)                        # 127.0.0.1, Keycloak token endpoint
    storage = StorageServer({...})                                # 127.0.0.3, a foreign (pre-signed) host
    download = DownloadServer(identity, products, storage=storage)  # 127.0.0.2, OData $value
    catalogue = RedirectServer(download)                          # 127.0.0.1, redirects to 127.0.0.2

The identity server answers the password and refresh_token grants of client ``cdse-public`` with
``expires_in`` 600 and ``refresh_expires_in`` 3600, measured on an injectable clock (tests "advance
time"); wrong passwords get 401 ``invalid_grant`` and expired refresh tokens 400 ``invalid_grant``, as
Keycloak does. The download server wants a Bearer token the identity server issued and that has not
expired (401 otherwise), serves ``Range`` with 206 + ``Content-Range``, allows 4 connections at a time
(429 beyond) and injects faults per product (``Product.faults``):

    "429-once"      first request: 429 with Retry-After: 1
    "401-once"      first request: 401 although the token is valid
    "503-once"      first request: 503
    "reset"         first full reply: half the body, then a TCP reset
    "truncate"      first full reply: half the body, then a clean close (Content-Length says more)
    "corrupt-once"  first reply: one byte flipped (the MD5 will not match; the next reply is right)
    "wrong-checksum" the catalogue's MD5 is wrong (every download mismatches)
    "html"          every reply: a 200 text/html maintenance page
    "json-once"     first reply: a 200 application/json error message instead of the product
    "offline"       catalogue Online=false; a request anyway gets 422 "... is offline"
    "no-range"      Range is ignored: always 200 with the whole file
    "storage"       302 to the foreign storage host, which serves it without authentication
    "no-validator"  replies carry neither ETag nor Last-Modified
    "weak-etag"     replies carry only a weak ETag (W/"..."), no Last-Modified
    "endless"       200 with no Content-Length, then bytes forever (until the client hangs up)
    "long"          Content-Length and body 4 times the catalogue's ContentLength
    "short"         Content-Length and body a fifth of the catalogue's ContentLength
    "drip"          200 with the right Content-Length, then one byte every ``drip_every`` seconds
    "silent"        no answer at all (the reply would come after an hour)

Replies carry ``ETag`` (the MD5 of the current content) and ``Last-Modified``; ``If-Range`` is
honoured as RFC 9110 says: a Range whose If-Range does not match the current version gets a 200
with the whole file. ``product.replace(content)`` changes the file on the server (a new version).

Every server records its requests (``recorded``: method, path, query, headers, body); the download
server also counts bytes actually sent per product (``sent``) and the largest number of connections
it had open at once (``max_active``). ``rate`` throttles each connection (bytes per second).
"""

import hashlib
import http.server
import json
import random
import re
import secrets
import socket
import struct
import threading
import time
import uuid
from urllib.parse import parse_qs, urlsplit

from .canned import LoopbackServer, RecordedRequest, _Server

TOKEN_PATH = "/auth/realms/CDSE/protocol/openid-connect/token"
PRODUCT_PATH = re.compile(r"^/odata/v1/Products\(([^)/]+)\)/\$value$")
USERNAME = "alice@example.org"
PASSWORD = "correct horse battery staple"
JSON = {"Content-Type": "application/json"}


class FakeClock:
    """A monotonic clock tests can advance: ``clock()`` -> seconds, ``clock.advance(700)``."""

    def __init__(self, start=10_000.0):
        self.now = float(start)
        self._lock = threading.Lock()

    def __call__(self):
        with self._lock:
            return self.now

    def advance(self, seconds):
        with self._lock:
            self.now += seconds


class Content:
    """Product bytes: given (``Content(b"...")``) or generated (``Content.generated(512 << 20)``:
    one random block repeated, so that any size costs one block of memory)."""

    def __init__(self, data=b"", *, size=None, block=None):
        self._data = memoryview(bytes(data)) if block is None else None
        self._block = block
        self.size = len(data) if block is None else size
        self._md5 = None

    @classmethod
    def generated(cls, size, seed=0, block_size=1 << 20):
        return cls(size=size, block=memoryview(random.Random(seed).randbytes(block_size)))

    @classmethod
    def random(cls, size, seed=0):
        return cls(random.Random(seed).randbytes(size))

    def read(self, start, end, chunk=64 * 1024):
        """Memoryviews covering bytes [start, end)."""
        position = start
        while position < end:
            if self._data is not None:
                piece = self._data[position:min(end, position + chunk)]
            else:
                offset = position % len(self._block)
                piece = self._block[offset:offset + min(chunk, end - position, len(self._block) - offset)]
            yield piece
            position += len(piece)

    def bytes(self):
        return b"".join(self.read(0, self.size, 1 << 20))

    @property
    def md5(self):
        if self._md5 is None:
            digest = hashlib.md5()
            for piece in self.read(0, self.size, 1 << 20):
                digest.update(piece)
            self._md5 = digest.hexdigest()
        return self._md5


class Product:
    """One downloadable product and its faults (see the module docstring)."""

    def __init__(self, name, content, faults=(), product_id=None):
        self.id = product_id or str(uuid.uuid4())
        self.name = name
        self.content = content if isinstance(content, Content) else Content(content)
        self.faults = set(faults)
        self._once = {fault for fault in self.faults if fault in ONCE_FAULTS}
        self.version = 1

    def replace(self, content):
        """A new version of the file on the server (new bytes, new ETag and Last-Modified)."""
        self.content = content if isinstance(content, Content) else Content(content)
        self.version += 1

    @property
    def etag(self):
        return f'"{self.content.md5}"'

    @property
    def last_modified(self):
        return time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(1_700_000_000 + 3600 * self.version))

    @property
    def checksum(self):
        """The MD5 the catalogue advertises (wrong on purpose for 'wrong-checksum')."""
        if "wrong-checksum" in self.faults:
            return hashlib.md5(b"not " + self.content.md5.encode()).hexdigest()
        return self.content.md5

    def catalogue_entry(self):
        """The product as the OData catalogue describes it (the fields a query log keeps)."""
        return {
            "Id": self.id,
            "Name": self.name,
            "ContentLength": self.content.size,
            "Online": "offline" not in self.faults,
            "Checksum": [{"Value": self.checksum, "Algorithm": "MD5", "ChecksumDate": "2024-01-01T00:00:00Z"}],
        }

    def take(self, fault):
        """True the first time a one-shot fault is asked for."""
        if fault in self._once:
            self._once.discard(fault)
            return True
        return False


ONCE_FAULTS = {"429-once", "401-once", "503-once", "reset", "truncate", "corrupt-once", "json-once"}


def _marking_last(pieces, before_last):
    """``pieces``, calling ``before_last()`` (when given) before yielding the last one."""
    previous = None
    for piece in pieces:
        if previous is not None:
            yield previous
        previous = piece
    if previous is not None:
        if before_last is not None:
            before_last()
        yield previous


class Body:
    """A reply body the handler streams: ``content`` bytes [start, end), optionally throttled to
    ``rate`` bytes/s, cut after ``cut_after`` bytes (then a TCP reset if ``reset``, else a clean
    close), with the byte at absolute offset ``corrupt_at`` flipped."""

    def __init__(self, content, start=0, end=None, *, rate=None, cut_after=None, reset=False, corrupt_at=None,
                 on_sent=None, chunk=64 * 1024):
        self.content = content
        self.start = start
        self.end = content.size if end is None else end
        self.rate = rate
        self.cut_after = cut_after
        self.reset = reset
        self.corrupt_at = corrupt_at
        self.on_sent = on_sent
        self.chunk = chunk

    def __len__(self):
        return self.end - self.start

    def send(self, handler, stopping, before_last=None):
        """Stream the body; ``before_last()`` runs just before the last piece is written (once the
        client has it all it may open its next connection before this thread gets to run again)."""
        limit = len(self) if self.cut_after is None else min(len(self), self.cut_after)
        began, sent, position = time.monotonic(), 0, self.start
        for piece in _marking_last(self.content.read(self.start, self.start + limit, self.chunk),
                                   before_last if limit == len(self) else None):
            if self.corrupt_at is not None and position <= self.corrupt_at < position + len(piece):
                piece = bytearray(piece)
                piece[self.corrupt_at - position] ^= 0xFF
            handler.wfile.write(piece)
            sent += len(piece)
            position += len(piece)
            if self.on_sent is not None:
                self.on_sent(len(piece))
            if self.rate:
                ahead = began + sent / self.rate - time.monotonic()
                if ahead > 0 and stopping.wait(ahead):
                    break
        if self.cut_after is not None and limit < len(self):
            handler.close_connection = True
            if self.reset:  # SO_LINGER 0: close() sends RST instead of FIN
                stopping.wait(0.1)  # let the client read what was sent (a reset discards unread data)
                handler.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            handler.connection.close()
        return sent


class CdseLoopbackServer(LoopbackServer):
    """LoopbackServer on any loopback ``host`` (127.0.0.2... are loopback too on Linux) whose
    ``handle()`` may return a :class:`Body` to stream. Tracks open connections (``active``,
    ``max_active``): a connection counts from its request until the last piece of its reply goes out."""

    def __init__(self, host="127.0.0.1", port=0):
        self.recorded = []
        self.active = 0
        self.max_active = 0
        self._count_lock = threading.Lock()
        self._stopping = threading.Event()
        owner = self

        class Handler(_StreamingHandler):
            server_owner = owner

        self._httpd = _Server((host, port), Handler)
        self.host = host
        self.port = self._httpd.server_address[1]
        self.base_url = f"http://{host}:{self.port}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                        name=f"{type(self).__name__}-{host}:{self.port}", daemon=True)
        self._thread.start()

    def wait_idle(self, timeout=10.0):
        """Wait until no reply is being written (a client that hung up may leave one finishing)."""
        deadline = time.monotonic() + timeout
        while self.active:
            if time.monotonic() > deadline:
                raise AssertionError(f"{type(self).__name__} still busy after {timeout} s")
            time.sleep(0.01)

    def requests_for(self, path_fragment):
        return [r for r in self.recorded if path_fragment in r.path]


class _StreamingHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"
    server_owner = None

    def log_message(self, format, *args):  # noqa: A002 - base class signature
        pass

    def _serve(self):
        owner = self.server_owner
        with owner._count_lock:
            owner.active += 1
            owner.max_active = max(owner.max_active, owner.active)
        counted = [True]

        def uncount():  # once per request: when the reply is (about to be) complete
            with owner._count_lock:
                if counted[0]:
                    counted[0] = False
                    owner.active -= 1

        try:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            parts = urlsplit(self.path)
            recorded = RecordedRequest(self.command, parts.path, parts.query, dict(self.headers.items()), body)
            owner.recorded.append(recorded)
            status, headers, payload, delay = owner.handle(recorded)
            if delay and owner._stopping.wait(delay):
                return
            if isinstance(payload, str):
                payload = payload.encode("utf-8")
            self.send_response(status)
            names = {name.lower() for name in headers}
            for name, value in headers.items():
                if value is not None:  # None: leave the header out
                    self.send_header(name, str(value))
            if "content-length" not in names:
                self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            if self.command == "HEAD":
                return
            if hasattr(payload, "send"):  # Body, Endless, Drip: streamed
                payload.send(self, owner._stopping, before_last=uncount)
            else:
                uncount()
                self.wfile.write(payload)
        except (ConnectionError, OSError):
            pass  # the client hung up (or the reply was cut on purpose)
        finally:
            uncount()

    do_GET = do_POST = do_HEAD = _serve  # noqa: N815


class IdentityServer(CdseLoopbackServer):
    """The CDSE Keycloak token endpoint (``token_url``); ``logins``/``refreshes`` count the grants,
    ``attempts`` every password grant asked (answered or not). ``fault`` makes every grant fail:
    ``"html"`` (200 text/html maintenance page), ``"503"`` (503 HTML page), ``"401"`` (rejected
    credentials), ``"bomb"`` (200 JSON, gzip-encoded: a few MB that decompress to ``bomb_size``)."""

    def __init__(self, users=None, clock=None, host="127.0.0.1", access_ttl=600, refresh_ttl=3600, totp=None):
        self.users = dict(users or {USERNAME: PASSWORD})
        self.clock = clock or FakeClock()
        self.access_ttl = access_ttl
        self.refresh_ttl = refresh_ttl
        self.totp = totp  # required one-time code, if any
        self.logins = 0
        self.refreshes = 0
        self.rejected = 0
        self.attempts = 0
        self.fault = None
        self.bomb_size = 1 << 30
        self._access = {}  # token -> expiry (clock time)
        self._refresh = {}
        self._lock = threading.Lock()
        super().__init__(host)

    @property
    def token_url(self):
        return self.url_for(TOKEN_PATH)

    def valid(self, token):
        with self._lock:
            expiry = self._access.get(token)
        return expiry is not None and self.clock() < expiry

    def handle(self, recorded):
        if recorded.path != TOKEN_PATH:
            return 404, JSON, b'{"error":"RESTEASY003210: Could not find resource"}', 0
        if recorded.method != "POST":
            return 405, JSON, b'{"error":"HTTP 405 Method Not Allowed"}', 0
        form = {key: values[0] for key, values in parse_qs(recorded.body.decode("utf-8")).items()}
        if form.get("client_id") != "cdse-public":
            return _oauth_error(401, "invalid_client", "Invalid client or Invalid client credentials")
        grant = form.get("grant_type")
        if grant == "password":
            with self._lock:
                self.attempts += 1
        if self.fault == "html":
            return 200, {"Content-Type": "text/html"}, MAINTENANCE_PAGE, 0
        if self.fault == "503":
            return 503, {"Content-Type": "text/html"}, b"<html><title>503 Service Unavailable</title></html>", 0
        if self.fault == "401":
            return _oauth_error(401, "invalid_grant", "Invalid user credentials")
        if self.fault == "bomb":
            return 200, {**JSON, "Content-Encoding": "gzip"}, gzip_bomb(self.bomb_size), 0
        with self._lock:
            now = self.clock()
            if grant == "password":
                ok = self.users.get(form.get("username")) == form.get("password") and form.get("password")
                if not ok or (self.totp is not None and form.get("totp") != self.totp):
                    self.rejected += 1
                    return _oauth_error(401, "invalid_grant", "Invalid user credentials")
                self.logins += 1
            elif grant == "refresh_token":
                expiry = self._refresh.get(form.get("refresh_token"))
                if expiry is None or now >= expiry:
                    return _oauth_error(400, "invalid_grant", "Token is not active")
                self.refreshes += 1
            else:
                return _oauth_error(400, "unsupported_grant_type", "Unsupported grant_type")
            access, refresh = "eyJ" + secrets.token_urlsafe(24), "eyJ" + secrets.token_urlsafe(24)
            self._access[access] = now + self.access_ttl
            self._refresh[refresh] = now + self.refresh_ttl
        reply = {
            "access_token": access,
            "expires_in": self.access_ttl,
            "refresh_expires_in": self.refresh_ttl,
            "refresh_token": refresh,
            "token_type": "Bearer",
            "not-before-policy": 0,
            "session_state": secrets.token_hex(16),
            "scope": "AUDIENCE_PUBLIC openid email profile ondemand_processing user-context",
        }
        return 200, JSON, json.dumps(reply).encode(), 0


_BOMBS = {}


def gzip_bomb(size):
    """A gzip body (several members of 16 MiB of spaces each) that decompresses to ``size`` bytes."""
    if size not in _BOMBS:
        import gzip

        member = gzip.compress(b" " * (16 << 20), compresslevel=9)
        _BOMBS[size] = b"".join([gzip.compress(b"{") + member * (size // (16 << 20))])
    return _BOMBS[size]


def _oauth_error(status, error, description):
    return status, JSON, json.dumps({"error": error, "error_description": description}).encode(), 0


class DownloadServer(CdseLoopbackServer):
    """OData ``/odata/v1/Products(<Id>)/$value`` on 127.0.0.2 (``products_url`` is the base)."""

    def __init__(self, identity, products, *, host="127.0.0.2", max_connections=4, rate=None, storage=None,
                 chunk=64 * 1024):
        self.identity = identity
        self.products = {product.id: product for product in products}
        self.max_connections = max_connections
        self.rate = rate
        self.storage = storage
        self.chunk = chunk
        self.drip_every = 2.0  # seconds between two bytes of a "drip" reply
        self.sent = {}  # product id -> bytes of product data written to sockets
        self.statuses = []  # (product id, status) per request, in order
        self._sent_lock = threading.Lock()
        super().__init__(host)

    @property
    def products_url(self):
        return self.url_for("/odata/v1/Products")

    def add(self, product):
        self.products[product.id] = product
        return product

    def counter(self, product_id):
        def count(n):
            with self._sent_lock:
                self.sent[product_id] = self.sent.get(product_id, 0) + n
        return count

    def handle(self, recorded):
        match = PRODUCT_PATH.match(recorded.path)
        product = self.products.get(match.group(1)) if match else None
        reply = self._reply(recorded, product)
        self.statuses.append((product.id if product else None, reply[0]))
        return reply

    def _reply(self, recorded, product):
        if product is None:
            return 404, JSON, b'{"detail":"Not found"}', 0
        bearer = recorded.headers.get("Authorization", "")
        if not bearer.startswith("Bearer ") or not self.identity.valid(bearer[len("Bearer "):]):
            return 401, JSON, b'{"detail":"Expired signature!"}', 0
        with self._count_lock:
            busy = self.active > self.max_connections
        if busy:
            return 429, {**JSON, "Retry-After": "1"}, b'{"detail":"Too many requests"}', 0
        if product.take("429-once"):
            return 429, {**JSON, "Retry-After": "1"}, b'{"detail":"Too many requests"}', 0
        if product.take("401-once"):
            return 401, JSON, b'{"detail":"Expired signature!"}', 0
        if product.take("503-once"):
            return 503, {"Content-Type": "text/html"}, b"<html><title>503 Service Temporarily Unavailable</title>", 0
        if "offline" in product.faults:
            return 422, JSON, json.dumps({"detail": f"Product {product.id} is offline. Order it first."}), 0
        if "html" in product.faults:
            return 200, {"Content-Type": "text/html; charset=utf-8"}, MAINTENANCE_PAGE, 0
        if product.take("json-once"):
            return 200, JSON, b'{"detail":"Quota exceeded: too many downloads in progress"}', 0
        if "silent" in product.faults:
            return 200, JSON, b"{}", 3600
        if "storage" in product.faults and self.storage is not None:
            signature = secrets.token_hex(16)
            return 302, {"Location": self.storage.url_for(f"/eodata/{product.id}?X-Amz-Signature={signature}")}, b"", 0
        return serve_range(recorded, product, self, self.counter(product.id))


def serve_range(recorded, product, server, count):
    """200 or 206 for ``product`` honouring Range (unless 'no-range') and If-Range, with the body faults."""
    size = product.content.size
    headers = {"Content-Type": "application/zip", "Accept-Ranges": "bytes",
               "Content-Disposition": f'attachment; filename="{product.name}.zip"'}
    if "weak-etag" in product.faults:
        headers["ETag"] = "W/" + product.etag
    elif "no-validator" not in product.faults:
        headers["ETag"] = product.etag
        headers["Last-Modified"] = product.last_modified
    if "endless" in product.faults:
        return 200, {**headers, "Content-Length": None}, Endless(count), 0
    if "drip" in product.faults:
        return 200, {**headers, "Content-Length": size}, Drip(server.drip_every), 0
    if "long" in product.faults or "short" in product.faults:
        body = Content.random(size * 4 if "long" in product.faults else size // 5, seed=7)
        return 200, {**headers, "Content-Length": body.size}, Body(body, on_sent=count), 0
    start, status = 0, 200
    wanted = re.match(r"bytes=(\d+)-$", recorded.headers.get("Range", "").strip())
    if_range = recorded.headers.get("If-Range")
    if if_range is not None and if_range not in (headers.get("ETag"), headers.get("Last-Modified")):
        wanted = None  # another version: the whole (new) file
    if wanted and "no-range" not in product.faults:
        start = int(wanted.group(1))
        if start >= size:
            return 416, {"Content-Range": f"bytes */{size}"}, b"", 0
        status = 206
        headers["Content-Range"] = f"bytes {start}-{size - 1}/{size}"
    headers["Content-Length"] = size - start
    if "no-range" in product.faults:
        headers.pop("Accept-Ranges")
    cut = reset = None
    if status == 200 and product.take("reset"):
        cut, reset = (size - start) // 2, True
    elif status == 200 and product.take("truncate"):
        cut, reset = (size - start) // 2, False
    corrupt_at = size // 2 if product.take("corrupt-once") and start <= size // 2 else None
    body = Body(product.content, start, size, rate=server.rate, cut_after=cut, reset=bool(reset),
                corrupt_at=corrupt_at, on_sent=count, chunk=server.chunk)
    return status, headers, body, 0


class Endless:
    """A body without end (no Content-Length: the connection close would end it)."""

    def __init__(self, on_sent=None, chunk=64 * 1024):
        self.on_sent = on_sent
        self.chunk = chunk

    def send(self, handler, stopping, before_last=None):
        piece = b"\x00" * self.chunk
        sent = 0
        while not stopping.is_set():
            handler.wfile.write(piece)
            sent += len(piece)
            if self.on_sent is not None:
                self.on_sent(len(piece))
        return sent


class Drip:
    """One byte every ``every`` seconds, for ever (the Content-Length promises more)."""

    def __init__(self, every):
        self.every = every

    def send(self, handler, stopping, before_last=None):
        sent = 0
        while not stopping.wait(self.every):
            handler.wfile.write(b"x")
            handler.wfile.flush()
            sent += 1
        return sent


MAINTENANCE_PAGE = (b"<!DOCTYPE html><html><head><title>Copernicus Data Space Ecosystem - maintenance</title>"
                    b"</head><body><h1>We are upgrading the service</h1></body></html>")


class StorageServer(CdseLoopbackServer):
    """A foreign host (127.0.0.3) serving products at ``/eodata/<Id>`` without authentication, as a
    pre-signed object-storage URL would; it must never receive the CDSE token."""

    def __init__(self, products=(), host="127.0.0.3", rate=None, chunk=64 * 1024):
        self.products = {product.id: product for product in products}
        self.rate = rate
        self.chunk = chunk
        self.sent = {}
        super().__init__(host)

    def add(self, product):
        self.products[product.id] = product
        return product

    def handle(self, recorded):
        product = self.products.get(recorded.path.rsplit("/", 1)[-1])
        if product is None or not recorded.path.startswith("/eodata/"):
            return 404, {"Content-Type": "application/xml"}, b"<Error><Code>NoSuchKey</Code></Error>", 0

        def count(n):
            self.sent[product.id] = self.sent.get(product.id, 0) + n

        return serve_range(recorded, product, self, count)


class RedirectServer(CdseLoopbackServer):
    """The catalogue / zipper host: answers every product request with a redirect to ``target``
    (a server or base URL), keeping path and query."""

    def __init__(self, target, host="127.0.0.1", status=301):
        self.target = target
        self.status = status
        super().__init__(host)

    @property
    def products_url(self):
        return self.url_for("/odata/v1/Products")

    def handle(self, recorded):
        base = self.target if isinstance(self.target, str) else self.target.base_url
        location = base + recorded.path + ("?" + recorded.query if recorded.query else "")
        return self.status, {"Location": location, "Content-Type": "text/html"}, b"<html>Moved</html>", 0
