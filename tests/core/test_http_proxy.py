"""Sessions follow QGIS' proxy settings (Settings › Options › Network), checked with a real local
forwarding proxy that records the absolute URLs it is asked for."""

import base64
import dataclasses
import http.client
import http.server
import importlib.util
import socket
import threading
from urllib.parse import urlsplit

import pytest
from qgis.core import QgsApplication, QgsSettings

from eo_order.core.csw import CswClient, Profile
from eo_order.core.errors import EoOrderError, HttpError, NetworkError
from eo_order.core.http import MANUAL, SYSTEM, new_session, qgis_proxy, read_body, send
from eo_order.core.models import BBox, SearchQuery
from eo_order.core.tasks import WorkTask
from tests.conftest import wait_for
from tests.servers.canned import CannedServer

PROXY_KEYS = ("proxy/proxyEnabled", "proxy/proxyType", "proxy/proxyHost", "proxy/proxyPort", "proxy/proxyUser",
              "proxy/proxyPassword", "proxy/authcfg", "proxy/proxyExcludedUrls", "proxy/noProxyUrls")
ENV_KEYS = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY", "http_proxy", "https_proxy", "all_proxy",
            "no_proxy")
HELLO = (200, {"Content-Type": "text/plain"}, b"hello", 0)


@dataclasses.dataclass
class Seen:
    method: str
    url: str
    proxy_authorization: str


class ForwardingProxy:
    """A tiny HTTP forward proxy on 127.0.0.1. ``seen`` lists what it was asked (absolute URLs);
    with ``credentials`` ("user:password") it answers 407 to requests without them."""

    def __init__(self, credentials=None):
        self.seen = []
        # Basic credentials in Latin-1, as requests (and Qt) send them
        self.expected = "Basic " + base64.b64encode(credentials.encode("latin-1")).decode() if credentials else None
        owner = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"

            def log_message(self, format, *args):  # noqa: A002 - base class signature
                pass

            def _forward(self):
                owner.seen.append(Seen(self.command, self.path, self.headers.get("Proxy-Authorization", "")))
                if owner.expected and self.headers.get("Proxy-Authorization") != owner.expected:
                    self._reply(407, [("Proxy-Authenticate", 'Basic realm="test proxy"')], b"")
                    return
                parts = urlsplit(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                headers = {k: v for k, v in self.headers.items()
                           if not k.lower().startswith("proxy-") and k.lower() not in ("connection", "keep-alive")}
                upstream = http.client.HTTPConnection(parts.hostname, parts.port or 80, timeout=10)
                upstream.request(self.command, (parts.path or "/") + (f"?{parts.query}" if parts.query else ""),
                                 body=body, headers=headers)
                reply = upstream.getresponse()
                data = reply.read()
                kept = [(k, v) for k, v in reply.getheaders()
                        if k.lower() not in ("connection", "transfer-encoding", "content-length")]
                self._reply(reply.status, kept + [("Via", "1.0 test-proxy")], data)
                upstream.close()

            def _reply(self, status, headers, data):
                self.send_response(status)
                for name, value in headers:
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_HEAD = _forward  # noqa: N815

        self._httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self.port = self._httpd.server_address[1]
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)
        self._thread.start()

    @property
    def urls(self):
        return [s.url for s in self.seen]

    def stop(self):
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)


@pytest.fixture
def proxy():
    server = ForwardingProxy()
    yield server
    server.stop()


@pytest.fixture
def target():
    with CannedServer({"/hello": HELLO, "/direct/hello": HELLO}) as server:
        yield server


@pytest.fixture
def network_options(qgis_app, monkeypatch):
    """Set QGIS' proxy options (``proxy/…`` keys) for one test; they are put back afterwards."""
    for key in ENV_KEYS:
        monkeypatch.delenv(key, raising=False)
    settings = QgsSettings()
    saved = {key: settings.value(key) for key in PROXY_KEYS if settings.contains(key)}

    def set_options(**values):
        for key in PROXY_KEYS:
            settings.remove(key)
        for name, value in values.items():
            settings.setValue(f"proxy/{name}", value)

    yield set_options
    for key in PROXY_KEYS:
        settings.remove(key)
    for key, value in saved.items():
        settings.setValue(key, value)


def http_proxy(proxy, **more):
    return dict(proxyEnabled=True, proxyType="HttpProxy", proxyHost="127.0.0.1", proxyPort=str(proxy.port), **more)


def get(url):
    return read_body(send(new_session(), "GET", url, "the test server"))


def test_requests_go_through_the_proxy_set_in_qgis(network_options, proxy, target):
    network_options(**http_proxy(proxy))
    assert get(target.url_for("/hello?a=1")) == b"hello"
    assert proxy.urls == [target.url_for("/hello?a=1")]  # the proxy was asked for the absolute URL
    assert len(target.requests) == 1


def test_a_catalogue_search_goes_through_the_proxy(network_options, proxy, target):
    sample = open("tests/data/eodms_getrecords_sample.xml", "rb").read()
    target.routes["/csw"] = (200, {"Content-Type": "application/xml"}, sample, 0)
    network_options(**http_proxy(proxy))
    page = CswClient(target.url_for("/csw"), Profile.EODMS).fetch_page(SearchQuery(bbox=BBox(-76.4, 44.9, -75.2, 45.6)))
    assert page.records and proxy.seen[-1].method == "POST" and proxy.urls == [target.url_for("/csw")]


@pytest.mark.parametrize("key", ["proxyExcludedUrls", "noProxyUrls"])
def test_excluded_urls_go_direct(network_options, proxy, target, key):
    network_options(**http_proxy(proxy, **{key: [target.url_for("/direct"), "  "]}))
    assert get(target.url_for("/direct/hello")) == b"hello"
    assert proxy.urls == [] and len(target.requests) == 1
    get(target.url_for("/hello"))  # another prefix of the same server still uses the proxy
    assert proxy.urls == [target.url_for("/hello")]


def test_a_redirect_is_decided_again_for_its_target(network_options, proxy, target):
    with CannedServer({"/hello": HELLO}) as other:
        target.routes["/moved"] = (302, {"Location": other.url_for("/hello")}, b"", 0)
        network_options(**http_proxy(proxy, noProxyUrls=[other.base_url]))
        assert get(target.url_for("/moved")) == b"hello"
        assert proxy.urls == [target.url_for("/moved")] and len(other.requests) == 1  # the second hop: direct


def test_proxy_off_is_direct(network_options, proxy, target):
    network_options(**dict(http_proxy(proxy), proxyEnabled=False))
    assert qgis_proxy().mode == "off"
    assert get(target.url_for("/hello")) == b"hello"
    assert proxy.urls == [] and len(target.requests) == 1


def test_the_default_proxy_is_the_system_s(network_options, proxy, target, monkeypatch):
    network_options(proxyEnabled=True, proxyType="DefaultProxy")
    monkeypatch.setenv("HTTP_PROXY", f"http://127.0.0.1:{proxy.port}")
    assert qgis_proxy().mode == SYSTEM
    get(target.url_for("/hello"))
    assert proxy.urls == [target.url_for("/hello")]


def test_a_qgis_proxy_wins_over_the_environment(network_options, proxy, target, monkeypatch):
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")  # nothing listens there
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    network_options(**http_proxy(proxy))
    get(target.url_for("/hello"))
    assert proxy.urls == [target.url_for("/hello")]


@pytest.fixture
def secured_proxy():
    server = ForwardingProxy(credentials="proxy-user:pä ss@word")
    yield server
    server.stop()


def test_proxy_username_and_password_from_the_settings(network_options, secured_proxy, target):
    network_options(**http_proxy(secured_proxy, proxyUser="proxy-user", proxyPassword="pä ss@word"))
    assert get(target.url_for("/hello")) == b"hello"
    assert secured_proxy.seen[-1].proxy_authorization == secured_proxy.expected
    assert "pä ss" not in repr(qgis_proxy())


def test_proxy_credentials_from_an_auth_config(network_options, secured_proxy, target, make_authcfg):
    authcfg = make_authcfg("proxy-user", "pä ss@word", name="proxy")
    network_options(**http_proxy(secured_proxy, proxyUser="ignored", proxyPassword="ignored", authcfg=authcfg))
    assert get(target.url_for("/hello")) == b"hello"
    assert secured_proxy.seen[-1].proxy_authorization == secured_proxy.expected


def test_rejected_proxy_credentials_are_a_clear_error(network_options, secured_proxy, target):
    network_options(**http_proxy(secured_proxy, proxyUser="proxy-user", proxyPassword="wrong-pw"))
    with pytest.raises(HttpError) as caught:
        get(target.url_for("/hello"))
    text = str(caught.value)
    assert text.startswith(f"The proxy 127.0.0.1:{secured_proxy.port} set in QGIS (Settings › Options › Network) "
                           "wants a username and password for the request to the test server (HTTP 407")
    assert "wrong-pw" not in text and target.requests == []


def test_a_missing_proxy_auth_config_is_a_clear_error(network_options, proxy, qgis_app):
    network_options(**http_proxy(proxy, authcfg="nosuch1"))
    with pytest.raises(NetworkError, match="uses the auth config 'nosuch1', which does not exist"):
        new_session()


def test_an_unreachable_proxy_is_named_without_its_password(network_options, target):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    network_options(proxyEnabled=True, proxyType="HttpCachingProxy", proxyHost="127.0.0.1", proxyPort=str(port),
                    proxyUser="me", proxyPassword="top-secret")
    with pytest.raises(NetworkError) as caught:
        get(target.url_for("/hello"))
    text = str(caught.value)
    assert f"through the proxy 127.0.0.1:{port} set in QGIS (Settings › Options › Network)" in text
    assert "top-secret" not in text and target.requests == []


@pytest.mark.skipif(importlib.util.find_spec("socks") is not None, reason="PySocks is installed here")
def test_socks_without_pysocks_says_what_to_install(network_options):
    network_options(proxyEnabled=True, proxyType="Socks5Proxy", proxyHost="127.0.0.1", proxyPort="1080",
                    proxyPassword="top-secret")
    with pytest.raises(NetworkError) as caught:
        new_session()
    text = str(caught.value)
    assert "SOCKS5 proxy 127.0.0.1:1080" in text and "needs the PySocks package" in text
    assert "top-secret" not in text


def test_settings_and_the_proxy_auth_config_are_read_on_task_threads(network_options, secured_proxy, target,
                                                                     make_authcfg):
    network_options(**http_proxy(secured_proxy, authcfg=make_authcfg("proxy-user", "pä ss@word", name="proxy")))
    task = WorkTask("proxy test", lambda _task: get(target.url_for("/hello")))  # new_session on the task's thread
    outcome = []
    task.done.connect(lambda result, error: outcome.append((result, error)))
    QgsApplication.taskManager().addTask(task)
    wait_for(lambda: outcome)
    assert outcome == [(b"hello", "")] and secured_proxy.urls == [target.url_for("/hello")]


def test_the_qgis_settings_are_read_as_qgis_writes_them(network_options):
    network_options(proxyEnabled="true", proxyType="Socks5Proxy", proxyHost=" proxy.example.org ",
                    proxyPort="1080", proxyExcludedUrls="http://a.example/|http://b.example/",
                    noProxyUrls=["http://c.example/"])
    config = qgis_proxy()
    assert (config.mode, config.scheme, config.address) == (MANUAL, "socks5h", "proxy.example.org:1080")
    assert config.excluded == ("http://a.example/", "http://b.example/", "http://c.example/")
    network_options(proxyEnabled=True, proxyType="FtpCachingProxy", proxyHost="ftp.example.org", proxyPort="21")
    assert qgis_proxy().mode == "off"  # an FTP proxy: http(s) go direct, as in QGIS
    network_options(proxyEnabled=True, proxyType="HttpProxy", proxyHost="")
    with pytest.raises(EoOrderError, match="gives no proxy host"):
        new_session()
