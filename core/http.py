"""HTTP plumbing: one requests session per operation, failures as clear errors.

Protocol clients call :func:`send` and get a streaming ``requests.Response`` with
a 2xx status, or an :class:`~.errors.EoOrderError` that says what failed.

**Proxies come from QGIS' network options** (*Settings › Options › Network*), which ``requests``
does not read by itself. :func:`new_session` reads them every time it makes a session:

- proxy off: ``requests`` as it is, so the environment (``HTTPS_PROXY``, ``NO_PROXY``) still
  applies, as it did before EO Order read QGIS' options;
- *Default Proxy* (QGIS: "use the system's proxy"): the environment / the operating system's
  settings, which is what ``requests`` reads when it trusts the environment;
- *HttpProxy*, *HttpCachingProxy*: that proxy for http and https (``CONNECT``); *Socks5Proxy*: that
  proxy as ``socks5h`` (names resolved by the proxy, as Qt does), which needs PySocks;
  *FtpCachingProxy* proxies only FTP, so http(s) go direct, as in QGIS. The environment's proxy
  variables are then ignored (QGIS' choice wins); ``REQUESTS_CA_BUNDLE`` still applies;
- the proxy's username/password are ``proxy/proxyUser`` / ``proxy/proxyPassword`` or, when set,
  the auth config ``proxy/authcfg`` (read through QGIS' authentication manager, as QGIS does);
- URLs starting with one of *Exclude URLs* (``proxy/proxyExcludedUrls``) or *No proxy for*
  (``proxy/noProxyUrls``) go direct, matched as QGIS matches them: a plain string prefix.

The settings are read directly rather than from ``QgsNetworkAccessManager.instance()``: that
manager is per thread, and sessions are made on QgsTask threads too, where ``instance()`` would
build a new manager from these same settings just to read them. ``QgsSettings`` may be read from
any thread. The proxy password is never logged and never appears in an error text or a repr
(errors name the proxy as ``host:port``).
"""

import importlib.util
import math
import os
import re
import socket
import threading
import time
from dataclasses import dataclass, field
from typing import Optional, Tuple
from urllib.parse import quote

import requests
import urllib3

from . import __version__
from .errors import (
    AuthError,
    Cancelled,
    HttpError,
    NetworkError,
    ResponseError,
    ServiceError,
    redact,
    refuse_userinfo,
    strip_userinfo,
)
from .i18n import translate
from .xmlsafe import html_message, looks_like_html, parse_bytes


def tr(text):
    return translate("EoOrderHttp", text)


USER_AGENT = f"EO-Order-QGIS-plugin/{__version__}"
DEFAULT_TIMEOUT = (15, 120)  # (connect, read) seconds
ERROR_BODY_LIMIT = 1 << 20

OFF, SYSTEM, MANUAL = "off", "system", "manual"
_DIRECT = {"http": None, "https": None, "all": None}  # per-request proxies meaning "no proxy at all"
NETWORK_OPTIONS = "Settings › Options › Network"


@dataclass(frozen=True)
class ProxyConfig:
    """What QGIS' network options say about proxies (see the module docstring)."""

    mode: str = OFF  # OFF, SYSTEM or MANUAL
    scheme: str = "http"  # MANUAL: "http" or "socks5h"
    host: str = ""
    port: int = 0
    user: str = ""
    password: str = field(default="", repr=False)
    excluded: Tuple[str, ...] = ()  # URL prefixes that go direct
    qgis_type: str = ""  # proxy/proxyType as QGIS wrote it

    @property
    def address(self):
        """``host:port`` — how messages name the proxy (never with credentials)."""
        return f"{self.host}:{self.port}" if self.port else self.host

    @property
    def url(self):
        """The proxy URL for requests, credentials included (never log it)."""
        credentials = ""
        if self.user:
            credentials = quote(self.user, safe="") + (":" + quote(self.password, safe="") if self.password else "")
            credentials += "@"
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{self.scheme}://{credentials}{host}" + (f":{self.port}" if self.port else "")

    def bypasses(self, url):
        """True when ``url`` must go direct (it starts with an excluded / no-proxy URL)."""
        return any(url.startswith(prefix) for prefix in self.excluded)

    def describe(self):
        """For messages: 'the proxy proxy.example.org:3128 set in QGIS (…)'."""
        return tr("the proxy {0} set in QGIS ({1})").format(self.address, NETWORK_OPTIONS)


def qgis_proxy(settings=None):
    """The :class:`ProxyConfig` of QGIS' network options (``QgsSettings`` ``proxy/…`` keys)."""
    if settings is None:
        try:
            from qgis.core import QgsSettings
        except ImportError:  # outside QGIS (tools, benchmarks): requests' own behaviour
            return ProxyConfig()
        settings = QgsSettings()
    if not settings.value("proxy/proxyEnabled", False, type=bool):
        return ProxyConfig()
    excluded = tuple(dict.fromkeys(
        prefix.strip() for key in ("proxy/proxyExcludedUrls", "proxy/noProxyUrls")
        for prefix in _string_list(settings.value(key, [])) if prefix.strip()))
    qgis_type = settings.value("proxy/proxyType", "", type=str) or ""
    if qgis_type in ("DefaultProxy", ""):
        return ProxyConfig(SYSTEM, excluded=excluded, qgis_type=qgis_type)
    if qgis_type not in ("HttpProxy", "HttpCachingProxy", "Socks5Proxy"):  # FtpCachingProxy: FTP only
        return ProxyConfig(OFF, qgis_type=qgis_type)
    try:
        port = int(str(settings.value("proxy/proxyPort", "", type=str) or "0").strip() or 0)
    except ValueError:
        port = 0
    user = settings.value("proxy/proxyUser", "", type=str) or ""
    password = settings.value("proxy/proxyPassword", "", type=str) or ""
    authcfg = (settings.value("proxy/authcfg", "", type=str) or "").strip()
    if authcfg:
        user, password = _proxy_credentials(authcfg, user, password)
    return ProxyConfig(MANUAL, "socks5h" if qgis_type == "Socks5Proxy" else "http",
                       (settings.value("proxy/proxyHost", "", type=str) or "").strip(), port, user, password,
                       excluded, qgis_type)


def _string_list(value):
    if value is None:
        return []
    if isinstance(value, str):  # one URL, or QGIS 2's '|'-joined list
        return value.split("|")
    return [str(v) for v in value]


def _proxy_credentials(authcfg, user, password):
    """Username/password of the proxy's auth config, as QgsNetworkAccessManager applies it."""
    try:
        from qgis.core import QgsApplication
        from qgis.PyQt.QtNetwork import QNetworkProxy
    except ImportError:
        return user, password
    manager = QgsApplication.authManager()
    ok, proxy = (False, None) if manager is None else manager.updateNetworkProxy(
        QNetworkProxy(QNetworkProxy.ProxyType.HttpProxy, "", 0, user, password), authcfg)
    if not ok:
        raise NetworkError(tr(
            "The proxy set in QGIS ({0}) uses the auth config {1!r}, which does not exist or cannot be decrypted: "
            "pick another one there or unlock the authentication database.").format(NETWORK_OPTIONS, authcfg))
    return proxy.user(), proxy.password()


class Session(requests.Session):
    """A requests session that follows QGIS' proxy settings (``proxy``: a :class:`ProxyConfig`)."""

    def __init__(self, proxy=None):
        super().__init__()
        _track_connections(self)  # so that a Deadline can close them (see "deadlines" below)
        self.proxy = proxy or ProxyConfig()
        self.headers["User-Agent"] = USER_AGENT
        if self.proxy.mode == MANUAL:
            self.trust_env = False  # QGIS' proxy, not the environment's
            self.proxies = {"http": self.proxy.url, "https": self.proxy.url}
            self.verify = os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE") or True

    def _proxies_for(self, url):
        return dict(_DIRECT) if self.proxy.bypasses(url) else dict(self.proxies)

    def request(self, method, url, *args, **kwargs):
        if kwargs.get("proxies") is None and self.proxy.bypasses(str(url)):
            kwargs["proxies"] = dict(_DIRECT)
        return super().request(method, url, *args, **kwargs)

    def rebuild_proxies(self, prepared_request, proxies):
        """On a redirect, decide again for the new URL (it may be excluded, or no longer be)."""
        return super().rebuild_proxies(prepared_request, self._proxies_for(prepared_request.url))


def new_session(proxy: Optional[ProxyConfig] = None) -> requests.Session:
    """A session for one operation, with QGIS' proxy settings (``proxy`` overrides them)."""
    proxy = proxy if proxy is not None else qgis_proxy()
    if proxy.mode == MANUAL:
        if not proxy.host:
            raise NetworkError(tr(
                "QGIS is set to use a proxy ({0}) but gives no proxy host: enter it in {1}, or turn the proxy off "
                "there.").format(proxy.qgis_type, NETWORK_OPTIONS))
        if proxy.scheme.startswith("socks") and importlib.util.find_spec("socks") is None:
            raise NetworkError(tr(
                "QGIS is set to use the SOCKS5 proxy {0} ({1}). EO Order talks to servers through Python's "
                "requests, which needs the PySocks package for SOCKS proxies, and PySocks is not installed in "
                "QGIS' Python: install it (pip install PySocks, or the python3-socks / OSGeo4W package), or use an "
                "HTTP proxy in QGIS.").format(proxy.address, NETWORK_OPTIONS))
    return Session(proxy)


def send(session, method, url, what, *, auth_hint="", timeout=DEFAULT_TIMEOUT, secret_body=False, **kwargs):
    """Send a request, stream the reply, and turn every failure into a clear error.

    ``what`` names the service in messages ("EODMS RCM catalogue"); ``auth_hint``
    tells the user where to fix credentials ("auth config abc1234").

    **Credentials never follow a redirect.** A request that carries them — ``secret_body=True``
    (the RCM SOAP envelope holds the WS-Security password), an ``auth`` or an ``Authorization``
    header — and is not a plain GET follows no redirect at all: a 307/308 would make requests
    re-send the same body (password included) to whatever the ``Location`` names, even plain
    http on another host. The 3xx becomes an error naming where it pointed, so the user can
    update the connection's URL. GETs with credentials still follow redirects, but requests
    drops the ``Authorization`` header as soon as the scheme, host or port changes.

    A URL with ``user:password@`` is refused (:func:`~.errors.refuse_userinfo`): credentials come
    from auth configs only.
    """
    refuse_userinfo(url, what)  # never send (nor show) a password typed into a URL
    headers = kwargs.get("headers") or {}
    credentialed = secret_body or kwargs.get("auth") is not None or any(
        str(name).lower() == "authorization" for name in headers)
    guarded = credentialed and method.upper() != "GET"
    if guarded:
        kwargs["allow_redirects"] = False
    shown = strip_userinfo(url)
    proxy = _proxy_used(session, url)
    try:
        response = session.request(method, url, stream=True, timeout=timeout, **kwargs)
    except requests.exceptions.ProxyError as exc:
        raise NetworkError(tr(
            "Could not reach {0} at {1} through {2}: {3}. Check the proxy settings, or add this server to the "
            "proxy's exclusions.").format(what, shown, proxy.describe() if proxy else tr("the proxy"), _reason(exc))
        ) from None
    except requests.exceptions.Timeout:
        raise NetworkError(tr(
            "{0} at {1} did not answer within {2} s. The server may be busy: try again later or ask for fewer "
            "records per page.").format(what, shown, timeout[1] if isinstance(timeout, tuple) else timeout)
        ) from None
    except requests.exceptions.InvalidURL:
        raise NetworkError(tr("{0!r} is not a valid URL for {1}.").format(shown, what)) from None
    except requests.exceptions.InvalidSchema as exc:
        if "socks" in str(exc).lower():
            raise NetworkError(tr("Could not reach {0}: {1} (the SOCKS proxy needs PySocks).").format(
                what, _reason(exc))) from None
        raise NetworkError(_no_scheme(shown, what)) from None
    except requests.exceptions.MissingSchema:
        raise NetworkError(_no_scheme(shown, what)) from None
    except requests.exceptions.ConnectionError as exc:
        raise NetworkError(tr(
            "Could not connect to {0} at {1} ({2}). Check the URL and your network or proxy settings."
        ).format(what, shown, _reason(exc))) from None
    except requests.exceptions.RequestException as exc:
        raise NetworkError(tr("Request to {0} at {1} failed: {2}").format(what, shown, _reason(exc))) from None
    if guarded and 300 <= response.status_code < 400:
        raise _redirect_error(response, what, shown)
    if response.status_code >= 400:
        raise _http_error(response, what, url, auth_hint, proxy, credentialed)
    return response


def _no_scheme(shown, what):
    return tr("{0!r} is not a valid URL for {1}: it needs http:// or https://.").format(shown, what)


def _redirect_error(response, what, shown):
    """The error for a redirect that a request with credentials must not follow."""
    status = response.status_code
    location = (response.headers.get("Location") or "").strip()
    response.close()
    if location:
        target = strip_userinfo(requests.compat.urljoin(shown, location))
        where = tr("to {0}").format(target)
    else:
        where = tr("without saying where (no Location header)")
    return HttpError(tr(
        "{0} at {1} answered HTTP {2} {3}, a redirect {4}. EO Order does not follow redirects for requests that "
        "carry your credentials, so they were not sent there. If the service has moved, update the connection's "
        "URL (Connections…) to the new address.").format(what, shown, status, response.reason, where),
        status,
    )


def _proxy_used(session, url):
    """The QGIS proxy a request to ``url`` goes through (None: direct or the environment's)."""
    proxy = getattr(session, "proxy", None)
    if isinstance(proxy, ProxyConfig) and proxy.mode == MANUAL and not proxy.bypasses(url):
        return proxy
    return None


def read_body(response, limit=None):
    """Read a streamed body (up to ``limit`` bytes), mapping broken streams to NetworkError."""
    try:
        if limit is None:
            return response.content
        data = bytearray()
        for chunk in response.iter_content(65536):
            data += chunk
            if len(data) >= limit:
                break
        return bytes(data)
    except requests.exceptions.RequestException as exc:
        raise NetworkError(tr("The connection broke while reading {0}: {1}").format(
            strip_userinfo(response.url), _reason(exc))) from None
    finally:
        response.close()


def read_capped(response, limit, what):
    """The whole body of a streamed reply, decompressed, refused past ``limit`` bytes.

    The raw stream is read in 16 KiB pieces and each is decompressed on its own, so memory stays near
    ``limit`` (plus what one piece can expand to) whatever the reply: a 2 MB gzip "bomb" or an endless
    body ends in a ResponseError that names ``what`` and the limit, not in gigabytes of memory.
    """
    data = bytearray()
    try:
        stream = response.raw.stream(16384, decode_content=True) if response.raw is not None else ()
        for chunk in stream:
            data += chunk
            if len(data) > limit:
                raise ResponseError(tr(
                    "{0} sent a reply larger than {1:g} MiB (after decompression), more than such a reply can "
                    "be: refused. Try again later; if it persists, check the URL.").format(what, limit / (1 << 20)))
        return bytes(data)
    except (requests.exceptions.RequestException, urllib3.exceptions.HTTPError, OSError) as exc:
        raise NetworkError(tr("The connection broke while reading the reply of {0}: {1}").format(
            what, _reason(exc))) from None
    finally:
        response.close()


def _http_error(response, what, url, auth_hint, proxy=None, credentialed=True):
    status = response.status_code
    body = read_body(response, ERROR_BODY_LIMIT)
    if status == 407:
        where = proxy.describe() if proxy else tr("the proxy")
        return HttpError(tr(
            "{0} wants a username and password for the request to {1} (HTTP 407 Proxy Authentication Required): "
            "set them, or an authentication configuration, in the proxy settings ({2})."
        ).format(where[:1].upper() + where[1:], what, NETWORK_OPTIONS), status)
    error = None
    if body.lstrip().startswith(b"<") and not looks_like_html(body):
        try:
            parse_bytes(body, what)
        except (ServiceError, AuthError) as exc:  # SOAP fault or OWS exception with an error status
            error = exc
        except Exception:  # noqa: BLE001 - an unreadable error body adds nothing
            pass
    if status == 401 and not credentialed:  # nothing was sent: do not blame a password
        detail = f" ({getattr(error, 'detail', error)})" if error else ""
        return AuthError(tr(
            "{0} asks for a username and password (HTTP 401{1}), and none is set for it: choose or create a QGIS "
            "authentication configuration (Basic) for this connection.").format(what, detail), status)
    if status in (401, 403) or isinstance(error, AuthError):
        where = tr(" in {0}").format(auth_hint) if auth_hint else ""
        detail = f", {getattr(error, 'detail', error)}" if error else ""
        return AuthError(tr(
            "{0} rejected the username/password{1} (HTTP {2}{3}). Check the credentials in QGIS' authentication "
            "settings.").format(what, where, status, detail), status)
    if error is not None:
        return error
    if looks_like_html(body):
        return HttpError(tr("HTTP {0} {1} from {2}: ").format(status, response.reason, what)
                         + html_message(body, what), status)
    excerpt = quote_excerpt(body)
    advice = tr("The server has a problem: try again later.") if status >= 500 \
        else tr("Check the URL and parameters.")
    return HttpError(
        tr("{0} answered HTTP {1} {2} for {3}. {4}").format(what, status, response.reason, strip_userinfo(url), advice)
        + (tr(" Server said: {0}").format(excerpt) if excerpt else ""),
        status,
    )


_CREDENTIALS = re.compile(r"(//)[^/@\s'\"]*@")


def quote_excerpt(body, limit=200):
    """The first ``limit`` bytes of a server's reply as one line of text fit to quote in a message:
    secrets removed (:func:`~.errors.redact`: a proxy may echo the request headers, Authorization
    included), then whitespace collapsed. Redaction runs before the cut so that a token cut in half
    is still recognised, and before the collapse so that it sees the lines as the server wrote them."""
    text = redact(bytes(body[: limit * 4]).decode("utf-8", "replace"))  # lines intact: header-like lines
    return " ".join(text.split())[:limit]


def _reason(exc):
    text = str(exc.args[0]) if exc.args else exc.__class__.__name__
    inner = getattr(exc.args[0], "reason", None) if exc.args else None
    while inner is not None and getattr(inner, "args", None) and isinstance(inner.args[-1], BaseException):
        inner = inner.args[-1]  # urllib3's ProxyError('Cannot connect to proxy.', NewConnectionError(…))
    if inner is not None:
        text = str(inner)
    text = _CREDENTIALS.sub(r"\1***@", text)  # a proxy URL in an error must not show its password
    return redact(text.split(": ", 1)[-1])[:200]



# --- deadlines and cancellation -----------------------------------------------------------------
#
# A socket read timeout bounds each wait for bytes, not a whole request: a server that drips one
# byte every few seconds, or a read of a 64 KiB chunk, never ends on its own, and cancelling a
# task cannot wake a thread blocked in recv(). A Deadline bounds one operation (a CSW page, a
# thumbnail, ...) as a whole: while it is active on a thread, every connection that thread takes
# from a session made here is tracked, and a watcher thread shuts those sockets down as soon as
# the operation is cancelled or its time is up. The blocked read then ends at once, whatever
# exception it raises is replaced by the true reason (Cancelled, or the deadline's message).

DEADLINE_SETTING = "eo_order/network/deadline_seconds"  # QgsSettings key: one limit for every request
DEFAULT_DEADLINE = 300.0  # seconds for one request (a CSW page, a thumbnail), body included
WATCH_INTERVAL = 0.1  # seconds between two checks of the cancel flag and the clock

_active = threading.local()


def deadline_seconds(settings=None):
    """The overall limit for one request, in seconds (``eo_order/network/deadline_seconds``,
    default 300; values below 1 s or unreadable fall back to the default)."""
    if settings is None:
        try:
            from qgis.core import QgsSettings
        except ImportError:
            return DEFAULT_DEADLINE
        settings = QgsSettings()
    try:
        value = float(settings.value(DEADLINE_SETTING, DEFAULT_DEADLINE))
    except (TypeError, ValueError):
        return DEFAULT_DEADLINE
    return value if math.isfinite(value) and value >= 1 else DEFAULT_DEADLINE


class Deadline:
    """``with Deadline(what, url, cancelled):`` — the requests made inside (on this thread, with a
    session from :func:`new_session`) end within :data:`WATCH_INTERVAL` of ``cancelled()`` turning
    true, and within ``seconds`` (default :func:`deadline_seconds`) in all. Leaving the block then
    raises :class:`~.errors.Cancelled` or a :class:`~.errors.NetworkError` naming ``what``, ``url``
    and the limit, instead of whatever the broken connection raised."""

    def __init__(self, what, url, cancelled=None, seconds=None, session=None):
        if session is not None:  # a session not made by new_session() (idempotent otherwise)
            _track_connections(session)
        self.what = what
        self.url = url
        self.cancelled = cancelled
        self.seconds = float(seconds) if seconds is not None else deadline_seconds()
        self.reason = None  # None, "cancelled" or "expired"
        self._sockets = []  # of the connections used inside the block (http.client drops conn.sock early)
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._watcher = None
        self._end = None

    def __enter__(self):
        self._end = time.monotonic() + self.seconds
        stack = getattr(_active, "stack", None)
        if stack is None:
            stack = _active.stack = []
        stack.append(self)
        self._watcher = threading.Thread(target=self._watch, name="EO Order deadline", daemon=True)
        self._watcher.start()
        return self

    def __exit__(self, exc_type, exc, tb):
        self._stop.set()
        self._watcher.join()
        _active.stack.remove(self)
        with self._lock:
            self._sockets.clear()
        if exc_type is not None and issubclass(exc_type, Cancelled):
            return False
        if self.reason is not None:  # set by the watcher before it closed the connections
            raise self.error() from None
        return False

    def check(self):
        """Raise now when cancelled or out of time (call it between chunks)."""
        if self._poll():
            raise self.error()

    def error(self):
        if self.reason == "cancelled":
            return Cancelled()
        return NetworkError(tr(
            "{0} at {1} did not finish sending its answer within {2:g} s, the time limit for one request. The "
            "server is stalled or very slow: try again later, ask for fewer records, or raise the limit (QGIS "
            "setting {3}).").format(self.what, self.url, self.seconds, DEADLINE_SETTING))

    def chunks(self, response, size=65536):
        """The body of ``response`` in chunks, checking this deadline between them."""
        for chunk in response.iter_content(size):
            self.check()
            yield chunk
        self.check()

    def _poll(self):
        if self.reason is None:
            if self.cancelled is not None and self.cancelled():
                self.reason = "cancelled"
            elif time.monotonic() >= self._end:
                self.reason = "expired"
        return self.reason is not None

    def _track(self, sock):
        with self._lock:
            self._sockets.append(sock)
            tripped = self.reason is not None
        if tripped:
            self._abort()

    def _watch(self):
        while not self._stop.wait(WATCH_INTERVAL):
            if self._poll():
                self._abort()
                return

    def _abort(self):
        with self._lock:
            sockets = list(self._sockets)
        for sock in sockets:
            try:  # the plain socket's shutdown (not SSLSocket's, which unwraps): wakes a blocked recv()
                socket.socket.shutdown(sock, socket.SHUT_RDWR)
            except OSError:
                pass


def _track_connections(session):
    """Make every connection ``session`` takes known to the Deadlines active on that thread."""
    for adapter in session.adapters.values():
        for name in ("get_connection", "get_connection_with_tls_context"):
            original = getattr(adapter, name, None)
            if original is None or getattr(original, "_eo_tracking", False):
                continue

            def get_connection(*args, _original=original, **kwargs):
                pool = _original(*args, **kwargs)
                _track_pool(pool)
                return pool

            get_connection._eo_tracking = True
            setattr(adapter, name, get_connection)


def _track_pool(pool):
    if getattr(pool, "_eo_tracking", False):
        return
    original = pool._get_conn

    def get_conn(*args, **kwargs):
        connection = original(*args, **kwargs)
        _track_socket(connection)
        if not getattr(connection, "_eo_tracking", False):  # a new connection connects later
            connect = connection.connect

            def tracked_connect(*args, **kwargs):
                connect(*args, **kwargs)
                _track_socket(connection)

            connection.connect = tracked_connect
            connection._eo_tracking = True
        return connection

    pool._get_conn = get_conn
    pool._eo_tracking = True


def _track_socket(connection):
    sock = getattr(connection, "sock", None)
    if sock is not None:
        for deadline in getattr(_active, "stack", ()):
            deadline._track(sock)
