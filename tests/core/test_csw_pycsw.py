"""CSW search against a real pycsw on 127.0.0.1: filters, paging, axis order."""

import pytest
from lxml import etree

from eo_order.core.csw import CswClient, Profile
from eo_order.core.models import BBox, SearchQuery
from tools.pycsw_server import PycswServer
from tools.sample_records import make_record

OTTAWA = BBox(-76.3556, 44.9617, -75.2466, 45.5371)
INSIDE = (-76.2, 45.0, -75.5, 45.4)
OUTSIDE = (-123.3, 49.0, -122.5, 49.4)  # Vancouver


def catalogue(crs):
    """27 records: 23 inside the Ottawa box before 2013-03-29, 2 inside after it,
    2 outside the box (Vancouver)."""
    expected, records = set(), []
    for i in range(23):
        rid = str(1500000 + i)
        expected.add(rid)
        records.append(make_record(rid, f"20{i % 12 + 1:02d}-0{i % 9 + 1}-1{i % 9}", INSIDE, crs=crs))
    records.append(make_record("2600001", "2013-03-29", INSIDE, crs=crs))
    records.append(make_record("2600002", "2019-07-01", INSIDE, crs=crs, title="RCM Scenes"))
    records.append(make_record("3700001", "2005-05-05", OUTSIDE, crs=crs))
    records.append(make_record("3700002", "2010-01-01", OUTSIDE, crs=crs))
    return records, expected


@pytest.fixture(scope="module", params=["crs84", "epsg_urn"])
def server(request, tmp_path_factory):
    records, expected = catalogue(request.param)
    with PycswServer(records, tmp_path_factory.mktemp(request.param), maxrecords=10) as srv:
        srv.expected = expected
        yield srv


def ids(records):
    return {r.record_id for r in records}


def test_search_pages_through_every_matching_record(server):
    """pycsw's ``maxrecords = 10`` chooses the page size, whatever the client asks: the parallel
    pages land where the first reply predicts and every record comes exactly once, in the order
    one request after the other gives (for a lon/lat and a lat/lon stored box)."""
    client = CswClient(server.url, Profile.GENERIC, records_per_request=1000, parallel_requests=4)
    seen_pages = []
    result = client.search(SearchQuery(OTTAWA, end="2013-03-29"), progress=lambda *a: seen_pages.append(a))
    asked = server.requests[-3:]
    one_by_one = CswClient(server.url, Profile.GENERIC, records_per_request=10, parallel_requests=1).search(
        SearchQuery(OTTAWA, end="2013-03-29"))
    found = [r.record_id for r in result.records]
    assert sorted(found) == sorted(server.expected) and len(found) == len(set(found)) == 23
    assert found == [r.record_id for r in one_by_one.records]
    assert [p[:2] for p in seen_pages] == [(1, 3), (2, 3), (3, 3)]
    assert result.matched == 23 and result.warnings() == []
    # GetRecords with startPosition 1 (asking for 1000), then 11 and 21 at once (in either order)
    starts = [etree.fromstring(body).get("startPosition") for body in asked]
    assert starts[0] == "1" and etree.fromstring(asked[0]).get("maxRecords") == "1000"
    assert sorted(starts[1:]) == ["11", "21"]


def test_pycsw_caps_pages_silently_and_paging_still_finds_all(server):
    result = CswClient(server.url, Profile.GENERIC).search(SearchQuery(OTTAWA, end="2013-03-29"))
    assert ids(result.records) == server.expected


def test_end_date_is_exclusive_and_start_inclusive(server):
    client = CswClient(server.url, Profile.GENERIC)
    upto = client.search(SearchQuery(OTTAWA, end="2013-03-30")).records
    assert "2600001" in ids(upto) and "2600002" not in ids(upto)
    after = client.search(SearchQuery(OTTAWA, start="2013-03-29")).records
    assert ids(after) == {"2600001", "2600002"}


def test_title_pattern_and_max_records(server):
    client = CswClient(server.url, Profile.GENERIC, records_per_request=10)
    assert ids(client.search(SearchQuery(OTTAWA, title="RCM*")).records) == {"2600002"}
    assert ids(client.search(SearchQuery(OTTAWA, title="R?M Scenes")).records) == {"2600002"}
    capped = client.search(SearchQuery(OTTAWA, end="2013-03-29", max_records=15))
    assert len(capped.records) == 15 and capped.matched == 23


def test_footprints_are_lon_lat_whatever_the_stored_axis_order(server):
    [rec] = CswClient(server.url, Profile.GENERIC).search(
        SearchQuery(BBox(-124, 48, -122, 50))).records[:1]
    assert rec.record_id.startswith("37")
    assert rec.bbox == pytest.approx(OUTSIDE)
    assert rec.collection_id == "Radarsat1"


def test_a_search_box_across_the_antimeridian_is_sent_as_two_boxes_or_ed(tmp_path):
    records = [make_record("4100001", "2012-05-01", (177.0, -19.0, 179.5, -16.0), crs="crs84"),  # Viti Levu
               make_record("4100002", "2012-05-02", (-179.9, -17.0, -178.5, -16.2), crs="crs84"),  # Lau islands
               make_record("4100003", "2012-05-03", (10.0, -19.0, 12.0, -16.0), crs="crs84")]  # Namibia
    with PycswServer(records, tmp_path, maxrecords=10) as srv:
        result = CswClient(srv.url, Profile.GENERIC).search(SearchQuery(BBox(170.0, -25.0, -170.0, -10.0)))
        sent = etree.fromstring(srv.requests[-1])
    assert ids(result.records) == {"4100001", "4100002"}
    ns = {"ogc": "http://www.opengis.net/ogc", "gml": "http://www.opengis.net/gml"}
    boxes = [(e.findtext("gml:lowerCorner", namespaces=ns), e.findtext("gml:upperCorner", namespaces=ns))
             for e in sent.iterfind(".//ogc:Or/ogc:BBOX/gml:Envelope", ns)]
    assert boxes == [("170.0 -25.0", "180.0 -10.0"), ("-180.0 -25.0", "-170.0 -10.0")]
