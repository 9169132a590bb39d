"""What users see when a catalogue misbehaves at the HTTP level (canned replies on 127.0.0.1)."""

import pytest
from lxml import etree

from eo_order.core.csw import CswClient, Profile
from eo_order.core.errors import HttpError, NetworkError, ResponseError, ServiceError
from eo_order.core.models import BBox, SearchQuery
from tests.servers.canned import CannedServer

BOX = BBox(-76.3556, 44.9617, -75.2466, 45.5371)
XML = {"Content-Type": "application/xml"}
PAGE = (b'<csw:GetRecordsResponse xmlns:csw="http://www.opengis.net/cat/csw/2.0.2" '
        b'xmlns:dc="http://purl.org/dc/elements/1.1/"><csw:SearchResults numberOfRecordsMatched="1" '
        b'numberOfRecordsReturned="1" nextRecord="0"><csw:Record><dc:identifier>1</dc:identifier>'
        b'</csw:Record></csw:SearchResults></csw:GetRecordsResponse>')

ROUTES = {
    "/html": (200, {"Content-Type": "text/html"},
              b"<!DOCTYPE html><html><head><title>EODMS is down for maintenance</title></head></html>", 0),
    "/500": (500, {"Content-Type": "text/plain"}, b"java.lang.NullPointerException", 0),
    "/slow": (200, XML, PAGE, 3.0),
    "/malformed": (200, XML, b"<csw:GetRecordsResponse xmlns:csw='x'><unclosed></csw:GetRecordsResponse>", 0),
    "/truncated": (200, {"Content-Type": "application/xml", "Content-Length": str(len(PAGE))}, PAGE[:120], 0),
    "/exception": (200, XML, b'<ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows" version="1.2.0">'
                   b'<ows:Exception exceptionCode="NoApplicableCode"><ows:ExceptionText>Database '
                   b'unavailable</ows:ExceptionText></ows:Exception></ows:ExceptionReport>', 0),
    "/page": (200, XML, PAGE, 0),
}


@pytest.fixture(scope="module")
def server():
    with CannedServer(ROUTES) as srv:
        yield srv


def search(server, path, **kwargs):
    client = CswClient(server.url_for(path), Profile.EODMS, name="EODMS catalogue", **kwargs)
    return client.search(SearchQuery(BOX, end="2013-03-29"))


def test_eodms_request_has_the_walkthrough_shape(server):
    search(server, "/page")
    root = etree.fromstring(server.requests[-1].body)
    ns = {"csw": "http://www.opengis.net/cat/csw/2.0.2", "ogc": "http://www.opengis.net/ogc",
          "gml": "http://www.opengis.net/gml"}
    assert root.tag == "{http://www.opengis.net/cat/csw/2.0.2}GetRecords"
    assert (root.get("service"), root.get("version"), root.get("resultType"), root.get("startPosition")) == \
        ("CSW", "2.0.2", "results", "1")
    assert root.get("outputSchema") == "http://www.opengis.net/cat/csw/2.0.2"
    assert root.find("csw:Query", ns).get("typeNames") == "csw:Record"
    assert root.findtext("csw:Query/csw:ElementSetName", namespaces=ns) == "full"
    both = root.find("csw:Query/csw:Constraint/ogc:Filter/ogc:And", ns)
    assert both.getparent().getparent().get("version") == "1.1.0"
    assert both.findtext("ogc:PropertyIsLessThan/ogc:Literal", namespaces=ns) == "2013-03-29Z"
    like = both.find("ogc:PropertyIsLike", ns)
    assert (like.get("wildCard"), like.get("singleChar"), like.get("escapeChar")) == ("*", "?", "\\")
    envelope = both.find("ogc:BBOX/gml:Envelope", ns)
    assert envelope.get("srsName") is None
    assert envelope.findtext("gml:lowerCorner", namespaces=ns) == "-76.3556 44.9617"
    assert envelope.findtext("gml:upperCorner", namespaces=ns) == "-75.2466 45.5371"


def test_html_page_with_http_200(server):
    with pytest.raises(ResponseError, match='EODMS catalogue returned an HTML page titled '
                                            '"EODMS is down for maintenance" instead of XML'):
        search(server, "/html")


def test_http_500_quotes_the_server(server):
    with pytest.raises(HttpError) as err:
        search(server, "/500")
    assert err.value.status == 500
    assert str(err.value).startswith("EODMS catalogue answered HTTP 500 Internal Server Error for http://127.0.0.1:")
    assert "try again later" in str(err.value) and "java.lang.NullPointerException" in str(err.value)


def test_timeout(server):
    with pytest.raises(NetworkError, match="did not answer within 0.5 s"):
        search(server, "/slow", timeout=(2, 0.5))


@pytest.mark.parametrize("path", ["/malformed", "/truncated"])
def test_malformed_or_truncated_xml(server, path):
    with pytest.raises((ResponseError, NetworkError), match="malformed or truncated XML|connection"):
        search(server, path)


def test_exception_report_with_http_200(server):
    with pytest.raises(ServiceError, match="EODMS catalogue reported an error \\(code NoApplicableCode\\): "
                                           "Database unavailable"):
        search(server, "/exception")
