"""A loopback HTTP server answering canned replies by path, for error-path tests.

    routes = {
        "/maintenance": (200, {"Content-Type": "text/html"}, b"<html>...</html>", 0),
        "/slow": (200, {"Content-Type": "application/xml"}, b"<a/>", 5.0),
        "/boom": (500, {}, b"Internal Server Error"),        # delay may be left out
        "/flaky": lambda request: (503, {}, b"", 0),       # or computed per request
        "/drip": (200, {}, Drip(b"<a>...</a>", interval=1.0)),  # one byte a second
    }
    with CannedServer(routes) as server:
        requests.get(server.url_for("/slow"), timeout=0.5)   # -> ReadTimeout
        server.requests[-1].method, .path, .query, .headers, .body

A route is looked up by the full path with query string first, then by the path alone; unknown
paths answer 404. A ``Content-Length`` given in the headers is sent as is (so a short body gives
the client a truncated reply); otherwise it is the body's length. Routes may be changed while the
server runs (``server.routes[path] = ...``).
"""

import dataclasses
import http.server
import sys
import threading
from urllib.parse import urlsplit


@dataclasses.dataclass
class Drip:
    """A body sent ``step`` bytes at a time, ``interval`` seconds apart (a stalled server), with
    its full Content-Length announced up front."""

    body: bytes
    interval: float
    step: int = 1


@dataclasses.dataclass
class RecordedRequest:
    method: str
    path: str  # without the query string
    query: str
    headers: dict
    body: bytes


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # stop() must not wait for a handler that is sleeping out a delay

    def handle_error(self, request, client_address):
        # A client that timed out and hung up is expected in these tests, not worth a traceback.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


class LoopbackServer:
    """Base: a threaded HTTP server on 127.0.0.1 (free port unless given), started on creation.

    Subclasses provide ``handle(recorded) -> (status, headers, body, delay_seconds)``; every
    request received is appended to ``recorded`` as a RecordedRequest.
    """

    protocol_version = "HTTP/1.0"  # a subclass may speak HTTP/1.1 (keep-alive connections)

    def __init__(self, port=0):
        self.recorded = []
        self.connections = 0  # TCP connections accepted
        self._stopping = threading.Event()
        owner = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = owner.protocol_version

            def setup(self):
                owner.connections += 1
                super().setup()

            def log_message(self, format, *args):  # noqa: A002 - base class signature
                pass

            def _serve(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                parts = urlsplit(self.path)
                recorded = RecordedRequest(
                    self.command, parts.path, parts.query, dict(self.headers.items()), body
                )
                owner.recorded.append(recorded)
                status, headers, payload, delay = owner.handle(recorded)
                if delay and owner._stopping.wait(delay):
                    self.close_connection = True
                    return  # server stopping: drop the connection
                drip = payload if isinstance(payload, Drip) else None
                if drip is not None:
                    payload = drip.body
                if isinstance(payload, str):
                    payload = payload.encode("utf-8")
                self.send_response(status)
                names = {name.lower() for name in headers}
                for name, value in headers.items():
                    self.send_header(name, str(value))
                if "content-length" not in names:
                    self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                if self.command == "HEAD":
                    return
                if drip is None:
                    self.wfile.write(payload)
                    return
                for start in range(0, len(payload), drip.step):
                    self.wfile.write(payload[start:start + drip.step])
                    self.wfile.flush()
                    if owner._stopping.wait(drip.interval):
                        return

            do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _serve  # noqa: N815

        self._httpd = _Server(("127.0.0.1", port), Handler)
        self.port = self._httpd.server_address[1]
        self.base_url = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"{type(self).__name__}-{self.port}",
            daemon=True,
        )
        self._thread.start()

    def handle(self, recorded):
        raise NotImplementedError

    def url_for(self, path):
        """Absolute URL of ``path`` (which may carry a query string) on this server."""
        if not path.startswith("/"):
            path = "/" + path
        return self.base_url + path

    def stop(self):
        if self._stopping.is_set():
            return
        self._stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


class CannedServer(LoopbackServer):
    """Answers from ``routes``: path -> (status, headers, body[, delay_seconds]) or a callable
    taking the RecordedRequest and returning such a tuple. ``requests`` lists RecordedRequests."""

    def __init__(self, routes, port=0):
        self.routes = dict(routes)
        super().__init__(port)

    @property
    def requests(self):
        """The RecordedRequests received so far (GET and POST), oldest first."""
        return self.recorded

    def handle(self, recorded):
        full = recorded.path + ("?" + recorded.query if recorded.query else "")
        route = self.routes.get(full, self.routes.get(recorded.path))
        if route is None:
            return 404, {"Content-Type": "text/plain"}, b"no canned reply for " + full.encode(), 0
        if callable(route):
            route = route(recorded)
        status, headers, body, *rest = route
        return status, dict(headers or {}), body, (rest[0] if rest else 0)
