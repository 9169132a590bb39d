"""Parsing of CSW replies: the EODMS walkthrough sample and what can go wrong."""

from pathlib import Path

import pytest

from eo_order.core.csw import parse_getrecords
from eo_order.core.errors import ResponseError, ServiceError

DATA = Path(__file__).resolve().parents[1] / "data"


def chunks(data, size=97):
    return (data[i:i + size] for i in range(0, len(data), size))


def test_walkthrough_sample_parses_into_the_expected_record():
    page = parse_getrecords(chunks((DATA / "eodms_getrecords_sample.xml").read_bytes()))
    assert (page.matched, page.returned, page.next_record) == (705, 1, 16)
    [rec] = page.records
    assert rec.record_id == "1508208"
    assert rec.collection_id == "Radarsat1"
    assert rec.title == "Radarsat-1 Raw Scenes"
    assert rec.type == "dataset"
    assert rec.beam_mode == "F2"
    assert rec.format == "GeoTIFF"
    assert rec.acquired.isoformat() == "2013-02-21"
    assert rec.thumbnail_url == (
        "https://was-eodms.compusult.net/wes/getObject?"
        "FeatureID=SERVICE-RSAT1_001-000000000000000000-1508208&ObjectType=Thumbview&collectionId=Radarsat1"
    )
    assert rec.references["transferOptions"] == [
        "http://gs.mdacorporation.com/SatelliteData/Radarsat1/Radarsat1.aspx",
        "http://ceocat.ccrs.nrcan.gc.ca",
    ]
    assert rec.source.startswith("https://www.eodms-sgdot.nrcan-rncan.gc.ca:80/MetaManagerCSW/csw/eodms_catalog?")
    assert rec.source.endswith("&Id=1508208&outputFormat=text/html")
    assert rec.bbox == (-76.275153, 45.191208, -75.444661, 45.739692)


def record_xml(box, crs=None):
    crs_attr = f' crs="{crs}"' if crs else ""
    return f"""<csw:GetRecordsResponse xmlns:csw="http://www.opengis.net/cat/csw/2.0.2"
      xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:ows="http://www.opengis.net/ows">
      <csw:SearchResults numberOfRecordsMatched="1" numberOfRecordsReturned="1" nextRecord="0">
      <csw:Record><dc:identifier>a</dc:identifier>
      <ows:BoundingBox{crs_attr}><ows:LowerCorner>{box[0]} {box[1]}</ows:LowerCorner>
      <ows:UpperCorner>{box[2]} {box[3]}</ows:UpperCorner></ows:BoundingBox></csw:Record>
      </csw:SearchResults></csw:GetRecordsResponse>""".encode()


@pytest.mark.parametrize("crs", ["urn:ogc:def:crs:EPSG::4326", "EPSG:4326",
                                 "urn:x-ogc:def:crs:EPSG:6.11:4326",
                                 "http://www.opengis.net/def/crs/EPSG/0/4326"])
def test_epsg_4326_boxes_are_read_lat_lon(crs):
    [rec] = parse_getrecords([record_xml((45.1, -76.2, 45.7, -75.4), crs)]).records
    assert rec.bbox == (-76.2, 45.1, -75.4, 45.7)


def test_crs84_boxes_are_read_lon_lat():
    [rec] = parse_getrecords([record_xml((-76.2, 45.1, -75.4, 45.7), "urn:ogc:def:crs:OGC:1.3:CRS84")]).records
    assert rec.bbox == (-76.2, 45.1, -75.4, 45.7)


def test_ows_exception_report_becomes_the_servers_message():
    body = b"""<?xml version="1.0"?><ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows" version="1.2.0">
      <ows:Exception exceptionCode="InvalidParameterValue" locator="outputschema">
      <ows:ExceptionText>Invalid outputSchema parameter value: foo</ows:ExceptionText></ows:Exception>
      </ows:ExceptionReport>"""
    with pytest.raises(ServiceError) as err:
        parse_getrecords(chunks(body), "Test CSW")
    assert str(err.value) == (
        "Test CSW reported an error (code InvalidParameterValue, locator outputschema): "
        "Invalid outputSchema parameter value: foo"
    )


def test_soap_fault_inside_an_envelope_is_an_error():
    body = b"""<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>
      <soapenv:Fault><faultcode>soapenv:Server</faultcode><faultstring>Catalogue offline</faultstring>
      </soapenv:Fault></soapenv:Body></soapenv:Envelope>"""
    with pytest.raises(ServiceError, match="^EODMS RCM answered with a SOAP fault soapenv:Server: Catalogue offline$"):
        parse_getrecords([body], "EODMS RCM")


def test_html_page_is_never_taken_for_records():
    body = b"<!DOCTYPE html><html><head><title>EODMS - Maintenance</title></head><body>Back soon</body></html>"
    with pytest.raises(ResponseError, match='HTML page titled "EODMS - Maintenance"'):
        parse_getrecords([body], "EODMS catalogue")


def test_truncated_xml_is_reported_not_returned_as_a_short_page():
    data = (DATA / "eodms_getrecords_sample.xml").read_bytes()
    with pytest.raises(ResponseError, match="malformed or truncated XML"):
        parse_getrecords(chunks(data[: len(data) // 2]), "EODMS catalogue")


def test_external_entities_are_not_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    body = f"""<?xml version="1.0"?>
<!DOCTYPE r [<!ENTITY xxe SYSTEM "file://{secret}">]>
<csw:GetRecordsResponse xmlns:csw="http://www.opengis.net/cat/csw/2.0.2" xmlns:dc="http://purl.org/dc/elements/1.1/">
<csw:SearchResults numberOfRecordsMatched="1" numberOfRecordsReturned="1" nextRecord="0">
<csw:Record><dc:identifier>x</dc:identifier><dc:title>&xxe;</dc:title></csw:Record>
</csw:SearchResults></csw:GetRecordsResponse>""".encode()
    page = parse_getrecords([body])
    [rec] = page.records
    assert "TOP-SECRET" not in rec.title


def test_a_non_csw_document_is_not_an_empty_result():
    with pytest.raises(ResponseError, match="answered with <rss> instead of a CSW 2.0.2 GetRecords result"):
        parse_getrecords([b"<rss><channel/></rss>"], "My catalogue")


def test_a_byte_order_mark_is_fine_but_json_is_not_xml():
    data = b"\xef\xbb\xbf" + (DATA / "eodms_getrecords_sample.xml").read_bytes()
    assert [r.record_id for r in parse_getrecords(chunks(data)).records] == ["1508208"]
    with pytest.raises(ResponseError, match="My catalogue did not answer with XML"):
        parse_getrecords([b'{"error": "nope"}'], "My catalogue")
