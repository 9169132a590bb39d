"""Secrets go only where they belong: no credentialed POST follows a redirect, server text quoted
in errors is redacted, URLs lose their user-info, and an auth config chosen for a CSW is sent (as
HTTP Basic, to that catalogue only) — against real local servers (pycsw behind a Basic-auth front,
canned servers that redirect or echo the request headers)."""

import base64
import json

import pytest

from eo_order.core.auth import Credentials, credentials_from_authcfg
from eo_order.core.csw import CswClient, Profile
from eo_order.core.errors import AuthError, HttpError, has_userinfo, redact, strip_userinfo
from eo_order.core.http import new_session, send
from eo_order.core.models import BBox, SearchQuery
from tests.servers.basic_auth import BasicAuthFront
from tests.servers.canned import CannedServer
from tools.pycsw_server import PycswServer
from tools.sample_records import make_record

OTTAWA = BBox(-76.3556, 44.9617, -75.2466, 45.5371)
SECRET = "Wh1te-Rabbit-42"
TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ"


def basic(user, password):
    return base64.b64encode(f"{user}:{password}".encode()).decode()


@pytest.fixture(scope="module")
def pycsw(tmp_path_factory):
    records = [make_record(str(7000 + i), f"2020-05-0{i + 1}", (-76, 45, -75.5, 45.3), crs="crs84")
               for i in range(3)]
    with PycswServer(records, tmp_path_factory.mktemp("basic")) as server:
        yield server


@pytest.fixture
def elsewhere():
    """A second local server (another port, plain http) that must never receive anything."""
    with CannedServer({}) as server:
        yield server


# --- 1. a POST with credentials follows no redirect ----------------------------------------


@pytest.mark.parametrize("status", [301, 302, 307, 308])
def test_rcm_password_is_never_posted_to_where_a_redirect_points(elsewhere, status):
    target = elsewhere.url_for("/steal/csw")
    with CannedServer({"/csw": (status, {"Location": target}, b"")}) as catalogue:
        client = CswClient(catalogue.url_for("/csw"), Profile.RCM, credentials=Credentials("eodms-user", SECRET),
                           auth_hint="auth config abc1234", name="EODMS RCM")
        with pytest.raises(HttpError) as raised:
            client.search(SearchQuery(OTTAWA))
    assert elsewhere.requests == []
    assert SECRET.encode() in catalogue.requests[0].body  # it went to the configured URL only
    text = str(raised.value)
    assert f"HTTP {status}" in text and f"to {target}" in text
    assert "update the connection's URL" in text and SECRET not in text


def test_basic_auth_for_a_csw_is_not_sent_after_a_redirect(elsewhere):
    with CannedServer({"/csw": (307, {"Location": elsewhere.url_for("/csw")}, b"")}) as catalogue:
        client = CswClient(catalogue.url_for("/csw"), Profile.GENERIC, credentials=Credentials("bob", SECRET))
        with pytest.raises(HttpError, match="a redirect to"):
            client.search(SearchQuery(OTTAWA))
    assert elsewhere.requests == []
    assert catalogue.requests[0].headers["Authorization"] == "Basic " + basic("bob", SECRET)


def test_a_redirect_target_is_named_without_its_user_info(elsewhere):
    port = elsewhere.port
    location = f"http://mallory:{SECRET}@127.0.0.1:{port}/x"
    with CannedServer({"/csw": (308, {"Location": location}, b"")}) as catalogue:
        client = CswClient(catalogue.url_for("/csw"), Profile.RCM, credentials=Credentials("u", "pw-1234"))
        with pytest.raises(HttpError) as raised:
            client.search(SearchQuery(OTTAWA))
    assert f"to http://127.0.0.1:{port}/x" in str(raised.value)
    assert "mallory" not in str(raised.value) and SECRET not in str(raised.value)


def test_anonymous_searches_still_follow_redirects(pycsw):
    with CannedServer({"/csw": (307, {"Location": pycsw.url}, b"")}) as old:
        result = CswClient(old.url_for("/csw"), Profile.GENERIC).search(SearchQuery(OTTAWA))
    assert len(result.records) == 3


# --- 4. server text quoted in errors is redacted -------------------------------------------


def echo_headers(as_json=False):
    """A broken proxy's 500 page quoting the request headers, Authorization first."""
    def reply(request):
        headers = dict(sorted(request.headers.items(), key=lambda item: item[0].lower() != "authorization"))
        if as_json:
            return 500, {"Content-Type": "application/json"}, json.dumps({"headers": headers}), 0
        lines = "\n".join(f"{name}: {value}" for name, value in headers.items())
        return 500, {"Content-Type": "text/plain"}, "Proxy error. Your request was:\n" + lines, 0
    return reply


@pytest.mark.parametrize("as_json", [False, True])
def test_an_error_page_echoing_the_request_headers_shows_no_credentials(as_json):
    with CannedServer({"/csw": echo_headers(as_json), "/odata": echo_headers(as_json)}) as proxy:
        client = CswClient(proxy.url_for("/csw"), Profile.GENERIC, credentials=Credentials("bob", SECRET))
        with pytest.raises(HttpError) as csw_error:
            client.search(SearchQuery(OTTAWA))
        with pytest.raises(HttpError) as bearer_error:
            send(new_session(), "GET", proxy.url_for("/odata"), "Copernicus Data Space",
                 headers={"Authorization": f"Bearer {TOKEN}"})
    for error in (csw_error.value, bearer_error.value):
        text = str(error)
        assert "HTTP 500" in text and "Server said" in text
        assert SECRET not in text and basic("bob", SECRET) not in text and TOKEN not in text
        assert TOKEN[:30] not in text


def test_a_soap_fault_quoting_the_envelope_does_not_show_the_password():
    fault = (
        '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>'
        "<soapenv:Fault><faultcode>soapenv:Server</faultcode>"
        f"<faultstring>Cannot process &lt;wsse:Password&gt;{SECRET}&lt;/wsse:Password&gt; password={SECRET}"
        "</faultstring></soapenv:Fault></soapenv:Body></soapenv:Envelope>")
    with CannedServer({"/csw": (500, {"Content-Type": "text/xml"}, fault)}) as rcm:
        client = CswClient(rcm.url_for("/csw"), Profile.RCM, credentials=Credentials("u", SECRET))
        with pytest.raises(Exception) as raised:
            client.search(SearchQuery(OTTAWA))
    assert "SOAP fault soapenv:Server" in str(raised.value) and SECRET not in str(raised.value)


@pytest.mark.parametrize("text, kept", [
    ("Authorization: Bearer abc.def-123456789", "Authorization: Bearer ***"),
    ('{"access_token": "tok-123456", "expires_in": 600}', '"expires_in": 600'),
    ("grant_type=password&username=alice&password=p%40ss&client_id=cdse-public", "client_id=cdse-public"),
    ("refresh_token=r-987654&grant_type=refresh_token", "grant_type=refresh_token"),
    ("see http://alice:hunter2@127.0.0.1:8000/csw?x=1", "see http://127.0.0.1:8000/csw?x=1"),
    ("Authorization: Basic YWxpY2U6aHVudGVyMg==", "Authorization: Basic ***"),
    (f"token {TOKEN} expired", "token *** expired"),
    ("<wsse:Password Type='PasswordText'>hunter2</wsse:Password>", "<wsse:Password Type='PasswordText'>***<"),
    ("EODMS rejected the username/password in auth config abc1234 (method Basic).", "username/password in auth"),
    ("EODMS RCM needs your EODMS username and password: choose or create one", "password: choose or create"),
    ("Host: x\npassword: hunter2\nX-Token: 1", "password: ***"),
])
def test_redact_removes_every_kind_of_secret_and_keeps_the_prose(text, kept):
    shown = redact(text)
    assert kept in shown
    for secret in ("abc.def-123456789", "tok-123456", "p%40ss", "r-987654", "hunter2", "YWxpY2U6aHVudGVyMg", TOKEN):
        assert secret not in shown


def test_strip_userinfo():
    assert strip_userinfo("https://u:p@host:8443/csw?a=b#c") == "https://host:8443/csw?a=b#c"
    assert strip_userinfo("http://host/csw?mail=a@b") == "http://host/csw?mail=a@b"
    assert strip_userinfo("http://host/csw") == "http://host/csw"
    assert has_userinfo(" http://u:p@host/csw ") and has_userinfo("http://u@host/csw")
    assert not has_userinfo("  http://host/csw?mail=a@b") and not has_userinfo("http://host/csw")


# --- 5. an auth config chosen for a generic / EODMS CSW is sent ----------------------------


@pytest.mark.parametrize("profile", [Profile.GENERIC, Profile.EODMS])
def test_an_auth_config_for_a_csw_is_sent_as_basic_to_that_catalogue(pycsw, make_authcfg, profile):
    authcfg = make_authcfg("carol", SECRET, name="catalogue login")
    with BasicAuthFront(pycsw.url, "carol", SECRET) as front:
        client = CswClient(front.url, profile, credentials=credentials_from_authcfg(authcfg),
                           auth_hint=f"auth config {authcfg}")
        result = client.search(SearchQuery(OTTAWA))
    assert result.matched is not None and (profile != Profile.GENERIC or len(result.records) == 3)
    assert {r.headers["Authorization"] for r in front.recorded} == {"Basic " + basic("carol", SECRET)}


def test_a_rejected_auth_config_is_blamed_and_a_missing_one_is_asked_for(pycsw, make_authcfg):
    authcfg = make_authcfg("carol", "not-" + SECRET)
    with BasicAuthFront(pycsw.url, "carol", SECRET) as front:
        wrong = CswClient(front.url, Profile.GENERIC, credentials=credentials_from_authcfg(authcfg),
                          auth_hint=f"auth config {authcfg}", name="My catalogue")
        with pytest.raises(AuthError) as rejected:
            wrong.search(SearchQuery(OTTAWA))
        with pytest.raises(AuthError) as missing:
            CswClient(front.url, Profile.GENERIC, name="My catalogue").search(SearchQuery(OTTAWA))
    assert f"My catalogue rejected the username/password in auth config {authcfg} (HTTP 401" in str(rejected.value)
    assert "not-" + SECRET not in str(rejected.value)
    assert "My catalogue asks for a username and password (HTTP 401" in str(missing.value)
    assert "none is set for it" in str(missing.value)


# --- 2. no password typed into a URL is kept or shown ---------------------------------------


def test_the_connections_manager_refuses_a_url_with_a_password(tmp_path, qgis_app):
    from qgis.core import QgsSettings
    from qgis.PyQt.QtCore import QSettings

    from eo_order.core.connections import CSW, Connection, ConnectionStore, connections_to_xml
    from eo_order.core.errors import InputError
    from eo_order.core.settings import Settings

    ini = tmp_path / "profile.ini"
    store = ConnectionStore(Settings(QgsSettings(str(ini), QSettings.Format.IniFormat)))
    url = f"http://dave:{SECRET}@127.0.0.1:8000/csw"
    with pytest.raises(InputError) as refused:
        store.add(Connection("My CSW", CSW, url))
    text = str(refused.value)
    assert "http://127.0.0.1:8000/csw" in text and "authentication configuration" in text and SECRET not in text
    with pytest.raises(InputError):
        store.ensure(CSW, url)
    report = store.import_xml(connections_to_xml([Connection("", CSW, url)]))
    assert not report.added and SECRET not in repr(report.skipped)
    QgsSettings(str(ini), QSettings.Format.IniFormat).sync()
    assert not ini.exists() or SECRET not in ini.read_text()


def test_no_request_is_sent_to_a_url_with_a_password(pycsw):
    from eo_order.core.errors import InputError

    url = pycsw.url.replace("http://", f"http://dave:{SECRET}@")
    before = len(pycsw.requests)
    with pytest.raises(InputError) as refused:
        CswClient(url, Profile.GENERIC, name="My CSW").search(SearchQuery(OTTAWA))
    assert len(pycsw.requests) == before
    assert pycsw.url in str(refused.value) and SECRET not in str(refused.value) and "dave" not in str(refused.value)


def test_what_is_stored_or_shown_never_holds_url_user_info(tmp_path, qgis_app):
    from eo_order.core.footprints import features_from_records, search_layer_name
    from eo_order.core.history import SearchHistory
    from eo_order.core.models import Record

    url = f"https://dave:{SECRET}@catalogue.example/csw"
    features = features_from_records([Record(record_id="1", bbox=(0, 0, 1, 1))], url)
    assert features[0]["catalog"] == "https://catalogue.example/csw"
    assert SECRET not in search_layer_name(url, SearchQuery(OTTAWA), 1)
    history = SearchHistory(tmp_path / "history.sqlite")
    history.add("csw", url, url, {"bbox": [0, 0, 1, 1]}, 1)
    history.close()
    assert SECRET.encode() not in (tmp_path / "history.sqlite").read_bytes()


def test_an_auth_config_without_a_username_is_named_by_its_name(make_authcfg):
    from eo_order.core.auth import credentials_from_authcfg
    from eo_order.core.errors import AuthError

    authcfg = make_authcfg("", "secret", name="My EODMS account")
    with pytest.raises(AuthError) as raised:
        credentials_from_authcfg(authcfg, "EODMS")
    assert str(raised.value).startswith("QGIS auth config 'My EODMS account' for EODMS has no username")
    assert authcfg not in str(raised.value)
