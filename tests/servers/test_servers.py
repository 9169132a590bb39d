"""The local test servers behave like the services they stand for (requests + lxml only)."""

import concurrent.futures
import os
import subprocess
import sys
from pathlib import Path

import pytest
import requests
from lxml import etree

from tools.pycsw_server import PycswServer
from tools.sample_records import OTTAWA_BBOX, demo_records, make_record

from .canned import CannedServer
from .rcm_shim import AUTH_FAULTSTRING, SOAP11_NS, WSSE_NS, RcmShim
from .slow_csw import SlowCsw, eodms_records

ROOT = Path(__file__).resolve().parents[2]
NS = {
    "csw": "http://www.opengis.net/cat/csw/2.0.2",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dct": "http://purl.org/dc/terms/",
    "ows": "http://www.opengis.net/ows",
    "soapenv": SOAP11_NS,
}
CRS84 = "urn:ogc:def:crs:OGC:1.3:CRS84"


def get_records(*filters, max_records=50, start=1):
    """A GetRecords body; several filters are and-ed (ogc:And must have two or more children)."""
    predicate = "".join(filters)
    if len(filters) > 1:
        predicate = f"<ogc:And>{predicate}</ogc:And>"
    constraint = (
        f'<csw:Constraint version="1.1.0"><ogc:Filter>{predicate}</ogc:Filter></csw:Constraint>'
        if predicate
        else ""
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<csw:GetRecords service="CSW" version="2.0.2" maxRecords="{max_records}" startPosition="{start}"
    resultType="results" outputSchema="http://www.opengis.net/cat/csw/2.0.2"
    xmlns:csw="http://www.opengis.net/cat/csw/2.0.2" xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:ows="http://www.opengis.net/ows" xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:gml="http://www.opengis.net/gml">
  <csw:Query typeNames="csw:Record">
    <csw:ElementSetName>full</csw:ElementSetName>
    {constraint}
  </csw:Query>
</csw:GetRecords>"""


def before(date):
    return (
        "<ogc:PropertyIsLessThan><ogc:PropertyName>dc:date</ogc:PropertyName>"
        f"<ogc:Literal>{date}</ogc:Literal></ogc:PropertyIsLessThan>"
    )


def title_like(pattern):
    return (
        "<ogc:PropertyIsLike wildCard='*' singleChar='?' escapeChar='\\'>"
        f"<ogc:PropertyName>dc:title</ogc:PropertyName><ogc:Literal>{pattern}</ogc:Literal>"
        "</ogc:PropertyIsLike>"
    )


def bbox(lower, upper, srs_name=None):
    srs = f' srsName="{srs_name}"' if srs_name else ""
    return (
        f"<ogc:BBOX><ogc:PropertyName>ows:BoundingBox</ogc:PropertyName><gml:Envelope{srs}>"
        f"<gml:lowerCorner>{lower}</gml:lowerCorner><gml:upperCorner>{upper}</gml:upperCorner>"
        "</gml:Envelope></ogc:BBOX>"
    )


OTTAWA_LONLAT = ("{} {}".format(*OTTAWA_BBOX[:2]), "{} {}".format(*OTTAWA_BBOX[2:]))


def results(content):
    root = etree.fromstring(content)
    search = root.find(".//csw:SearchResults", NS)
    assert search is not None, content[:500]
    ids = [r.findtext("dc:identifier", namespaces=NS) for r in root.iterfind(".//csw:Record", NS)]
    return search.attrib, ids


def envelope(payload, username="eodms-user", password="eodms-password", wsse=WSSE_NS):
    header = ""
    if username is not None:
        header = (
            f'<soapenv:Header><wsse:Security soapenv:mustUnderstand="1" xmlns:wsse="{wsse}">'
            f"<wsse:UsernameToken><wsse:Username>{username}</wsse:Username>"
            '<wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/'
            f'oasis-200401-wss-username-token-profile-1.0#PasswordText">{password}</wsse:Password>'
            "</wsse:UsernameToken></wsse:Security></soapenv:Header>"
        )
    body = payload.split("?>", 1)[1]
    return (
        f'<soapenv:Envelope xmlns:soapenv="{SOAP11_NS}">{header}'
        f"<soapenv:Body>{body}</soapenv:Body></soapenv:Envelope>"
    ).encode()


@pytest.fixture(scope="module")
def demo_csw(tmp_path_factory):
    with PycswServer(demo_records(), tmp_path_factory.mktemp("pycsw")) as server:
        yield server


# -- sample records ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "crs, attr, lower",
    [
        ("crs84", CRS84, "-76 45"),
        ("epsg_urn", "urn:ogc:def:crs:EPSG::4326", "45 -76"),
        ("none", None, "-76 45"),
    ],
)
def test_make_record_box_styles(crs, attr, lower):
    rec = etree.fromstring(make_record(42, "2001-02-03", (-76, 45, -75.5, 45.5), crs=crs).encode())
    box = rec.find("ows:BoundingBox", NS)
    assert box.get("crs") == attr
    assert box.findtext("ows:LowerCorner", namespaces=NS) == lower
    refs = {r.get("scheme"): r.text for r in rec.iterfind("dct:references", NS)}
    assert refs["THUMBVIEW"].endswith(
        "FeatureID=SERVICE-RSAT1_001-000000000000000000-42&ObjectType=Thumbview&collectionId=Radarsat1"
    )
    assert [s.text for s in rec.iterfind("dc:subject", NS)][1] == "F2"


def test_demo_records_are_deterministic_and_unique():
    records = demo_records()
    assert records == demo_records()
    ids = [etree.fromstring(r.encode()).findtext("dc:identifier", namespaces=NS) for r in records]
    assert len(ids) == len(set(ids)) >= 35


# -- pycsw ------------------------------------------------------------------------------------


def test_pycsw_finds_radarsat1_over_ottawa(demo_csw):
    body = get_records(before("2013-03-29"), title_like("*"), bbox(*OTTAWA_LONLAT, CRS84))
    reply = requests.post(demo_csw.url, data=body.encode(), timeout=10)
    assert reply.status_code == 200
    attrs, ids = results(reply.content)
    assert attrs["numberOfRecordsMatched"] == "12"
    assert len(ids) == 10  # capped by the server's maxrecords=10
    assert attrs["nextRecord"] == "11"
    assert demo_csw.requests[-1] == body.encode()

    attrs, ids = results(
        requests.post(
            demo_csw.url,
            data=get_records(before("2013-03-29"), bbox(*OTTAWA_LONLAT, CRS84), start=11).encode(),
            timeout=10,
        ).content
    )
    assert len(ids) == 2 and attrs["nextRecord"] == "0"


def test_pycsw_reads_envelope_without_srsname_as_lat_lon(demo_csw):
    lonlat = get_records(bbox(*OTTAWA_LONLAT))
    latlon = get_records(bbox(f"{OTTAWA_BBOX[1]} {OTTAWA_BBOX[0]}", f"{OTTAWA_BBOX[3]} {OTTAWA_BBOX[2]}"))
    assert (
        results(requests.post(demo_csw.url, data=lonlat.encode(), timeout=10).content)[0][
            "numberOfRecordsMatched"
        ]
        == "0"
    )
    assert (
        results(requests.post(demo_csw.url, data=latlon.encode(), timeout=10).content)[0][
            "numberOfRecordsMatched"
        ]
        == "16"
    )


def test_pycsw_answers_exception_report_with_http_200(demo_csw):
    body = get_records(before("x").replace("dc:date", "dc:nosuch"))
    reply = requests.post(demo_csw.url, data=body.encode(), timeout=10)
    assert reply.status_code == 200
    root = etree.fromstring(reply.content)
    assert root.tag == "{http://www.opengis.net/ows}ExceptionReport"
    assert root.find("ows:Exception", NS).get("exceptionCode") == "InvalidParameterValue"


def test_pycsw_reports_records_that_do_not_load(tmp_path):
    with pytest.raises(ValueError, match="loaded 1 of 2"):
        PycswServer([make_record(1, "2001-01-01", (0, 0, 1, 1)), "<not-xml"], tmp_path)


def test_pycsw_cli_prints_url_and_serves(tmp_path):
    proc = subprocess.Popen(
        [sys.executable, "-m", "tools.pycsw_server", "--workdir", str(tmp_path), "--demo"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        url = proc.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:")
        attrs, ids = results(requests.post(url, data=get_records().encode(), timeout=10).content)
        assert attrs["numberOfRecordsMatched"] == str(len(demo_records()))
    finally:
        proc.terminate()
        assert proc.wait(timeout=10) == 0
        proc.stdout.close()
    assert os.path.exists(tmp_path / "pycsw.cfg")


# -- RCM shim ---------------------------------------------------------------------------------


def post_soap(url, data):
    return requests.post(url, data=data, headers={"Content-Type": "text/xml; charset=utf-8"}, timeout=10)


def test_rcm_shim_accepts_right_credentials(demo_csw):
    with RcmShim(demo_csw.url, "alice", "s3cret") as rcm:
        reply = post_soap(rcm.url, envelope(get_records(bbox(*OTTAWA_LONLAT, CRS84)), "alice", "s3cret"))
        assert reply.status_code == 200
        root = etree.fromstring(reply.content)
        assert root.tag == f"{{{SOAP11_NS}}}Envelope"
        attrs, ids = results(reply.content)
        assert attrs["numberOfRecordsMatched"] == "16"
        assert b"alice" in rcm.requests[0]
        # The backend got the bare GetRecords, not the envelope.
        assert etree.fromstring(demo_csw.requests[-1]).tag == "{{{}}}GetRecords".format(NS["csw"])


def test_rcm_shim_can_relay_unwrapped(demo_csw):
    with RcmShim(demo_csw.url, "alice", "s3cret", wrap_reply=False) as rcm:
        reply = post_soap(rcm.url, envelope(get_records(), "alice", "s3cret"))
        assert etree.fromstring(reply.content).tag == "{{{}}}GetRecordsResponse".format(NS["csw"])


@pytest.mark.parametrize(
    "username, password, wsse",
    [
        ("alice", "wrong", WSSE_NS),
        (None, None, WSSE_NS),  # no header at all
        (
            "alice",
            "s3cret",
            "http://docs.oasisopen.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd",
        ),
    ],
)
def test_rcm_shim_rejects_bad_credentials_with_soap_fault(demo_csw, username, password, wsse):
    with RcmShim(demo_csw.url, "alice", "s3cret") as rcm:
        seen = len(demo_csw.requests)
        reply = post_soap(rcm.url, envelope(get_records(), username, password, wsse))
        assert reply.status_code == 500
        fault = etree.fromstring(reply.content).find("soapenv:Body/soapenv:Fault", NS)
        assert fault.findtext("faultcode") == "wsse:FailedAuthentication"
        assert fault.findtext("faultstring") == AUTH_FAULTSTRING
        assert len(demo_csw.requests) == seen  # nothing reached the catalogue


def test_rcm_shim_http401_mode(demo_csw):
    with RcmShim(demo_csw.url, "alice", "s3cret", auth_failure="http401") as rcm:
        reply = post_soap(rcm.url, envelope(get_records(), "alice", "nope"))
        assert reply.status_code == 401
        assert reply.headers["Content-Type"].startswith("text/html")


def test_rcm_shim_does_not_expand_entities(demo_csw):
    xxe = envelope(get_records(), "&xxe;", "s3cret")
    xxe = b'<?xml version="1.0"?><!DOCTYPE e [<!ENTITY xxe "alice">]>' + xxe
    with RcmShim(demo_csw.url, "alice", "s3cret") as rcm:
        assert post_soap(rcm.url, xxe).status_code == 500


# -- canned -----------------------------------------------------------------------------------


def test_canned_replies_by_path():
    routes = {
        "/maintenance": (200, {"Content-Type": "text/html"}, b"<html><body>Down</body></html>"),
        "/boom": (500, {"Content-Type": "text/plain"}, b"Internal Server Error", 0),
        "/slow": (200, {"Content-Type": "application/xml"}, b"<a/>", 3.0),
        "/short": (200, {"Content-Type": "application/xml", "Content-Length": "100"}, b"<a>", 0),
    }
    with CannedServer(routes) as server:
        page = requests.get(server.url_for("/maintenance?x=1"), timeout=5)
        assert page.status_code == 200 and page.text.startswith("<html>")
        assert requests.post(server.url_for("/boom"), data=b"<q/>", timeout=5).status_code == 500
        assert requests.get(server.url_for("/nowhere"), timeout=5).status_code == 404
        with pytest.raises(requests.Timeout):
            requests.get(server.url_for("/slow"), timeout=0.3)
        # A Content-Length longer than the body: requests 2.28 / urllib3 1.26 return the short
        # body without an error, so clients must compare lengths themselves.
        short = requests.get(server.url_for("/short"), timeout=5)
        assert short.headers["Content-Length"] == "100" and short.content == b"<a>"
        first, second = server.requests[:2]
        assert (first.method, first.path, first.query) == ("GET", "/maintenance", "x=1")
        assert (second.method, second.body) == ("POST", b"<q/>")


# -- slow CSW ---------------------------------------------------------------------------------


def page_through(url, max_records):
    """(ids, [(matched, returned, nextRecord)]) following nextRecord from 1 until it is 0."""
    ids, seen, start = [], [], 1
    while start:
        reply = requests.post(url, data=get_records(max_records=max_records, start=start), timeout=10)
        attrib, page_ids = results(reply.content)
        seen.append((attrib["numberOfRecordsMatched"], attrib["numberOfRecordsReturned"], attrib["nextRecord"]))
        ids += page_ids
        start = int(attrib["nextRecord"])
    return ids, seen


def test_slow_csw_pages_honestly_and_honours_the_cap():
    records = eodms_records(250)
    expected = [str(1_500_000 + i) for i in range(250)]
    with SlowCsw(records, delay=0) as csw:
        ids, seen = page_through(csw.url, 100)
        assert ids == expected
        assert seen == [("250", "100", "101"), ("250", "100", "201"), ("250", "50", "0")]
        assert csw.pages == [(1, 100, 100), (101, 100, 100), (201, 100, 50)]
        ids, seen = page_through(csw.url, 1000)  # all at once when uncapped
        assert ids == expected and seen == [("250", "250", "0")]
        csw.cap = 100  # the server, not the client, chooses the page size, without a word
        ids, seen = page_through(csw.url, 1000)
        assert ids == expected
        assert seen == [("250", "100", "101"), ("250", "100", "201"), ("250", "50", "0")]
        assert csw.pages[-3:] == [(1, 1000, 100), (101, 1000, 100), (201, 1000, 50)]
        attrib, page_ids = results(requests.post(csw.url, data=get_records(start=251), timeout=10).content)
        assert (attrib["numberOfRecordsReturned"], attrib["nextRecord"], page_ids) == ("0", "0", [])
        bad = requests.post(csw.url, data=get_records(start=0), timeout=10)
        assert bad.status_code == 200 and b"InvalidParameterValue" in bad.content


def test_slow_csw_waits_and_serves_requests_concurrently():
    with SlowCsw(eodms_records(40), delay=0.4) as csw:
        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            replies = list(pool.map(
                lambda start: requests.post(csw.url, data=get_records(max_records=10, start=start), timeout=10),
                (1, 11, 21, 31)))
        ids = [i for reply in replies for i in results(reply.content)[1]]
        assert ids == [str(1_500_000 + i) for i in range(40)]
        assert csw.max_in_flight == 4  # all four were waiting out their delay at the same time


def test_slow_csw_misbehaves_on_request():
    with SlowCsw(eodms_records(30), delay=0, extra=5) as csw:
        attrib, ids = results(requests.post(csw.url, data=get_records(max_records=10), timeout=10).content)
        assert (attrib["numberOfRecordsReturned"], attrib["nextRecord"], len(ids)) == ("15", "16", 15)
        csw.extra, csw.next_record = 0, lambda start, returned, matched: start + returned - 3
        attrib, ids = results(requests.post(csw.url, data=get_records(max_records=10), timeout=10).content)
        assert (attrib["nextRecord"], ids[-1]) == ("8", str(1_500_000 + 9))
        csw.next_record, csw.fail_at = None, {11}
        assert requests.post(csw.url, data=get_records(max_records=10, start=11), timeout=10).status_code == 500
        assert csw.pages[-1] == (11, 10, 0)
