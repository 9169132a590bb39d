"""Copernicus Data Space OData search and the query log, against the local fake catalogue."""

import datetime as dt
import json
import os
import threading
import time

import pytest
import requests

from eo_order.core import querylog
from eo_order.core.cdse_search import (
    MAX_SKIP,
    MAX_TOP,
    CdseCatalogue,
    CdseQuery,
    Product,
    build_filter,
    parse_product,
    products_url,
)
from eo_order.core.errors import Cancelled, HttpError, InputError, NetworkError, ResponseError
from tests.servers.cdse import CdseServer, iso, make_products

UTC = dt.timezone.utc
SWISS = [(5.9, 45.8), (10.5, 45.8), (10.5, 47.8), (5.9, 47.8)]  # counter-clockwise, open
AUSTRALIA = ((140.0, -30.0), (141.0, -30.0), (141.0, -29.0), (140.0, -29.0), (140.0, -30.0))
GENEVA = "POLYGON((6.0 46.1, 6.3 46.1, 6.3 46.3, 6.0 46.3, 6.0 46.1))"
JSON_HEADERS = {"Content-Type": "application/json"}


def skips(server):
    return [int(q.get("$skip", ["0"])[-1]) for q in server.queries()]


def tops(server):
    return [int(q["$top"][-1]) for q in server.queries()]


# --- query and filter -----------------------------------------------------------


def test_filter_is_exactly_the_documented_grammar():
    query = CdseQuery("sentinel-2", SWISS, "2022-05-03", "2022-05-21T12:30:00.123456", max_cloud=40)
    assert build_filter(query) == (
        "Collection/Name eq 'SENTINEL-2' and "
        "OData.CSC.Intersects(area=geography'SRID=4326;POLYGON((5.9 45.8, 10.5 45.8, 10.5 47.8, 5.9 47.8, 5.9 45.8))') "
        "and ContentDate/Start ge 2022-05-03T00:00:00.000Z and ContentDate/Start lt 2022-05-21T12:30:00.123Z and "
        "Attributes/OData.CSC.DoubleAttribute/any(att:att/Name eq 'cloudCover' and "
        "att/OData.CSC.DoubleAttribute/Value le 40.00)"
    )


def test_filter_without_cloud_and_from_wkt_clockwise_with_zone():
    clockwise = "POLYGON ((5.9 45.8, 5.9 47.8, 10.5 47.8, 10.5 45.8, 5.9 45.8))"
    query = CdseQuery("SENTINEL-1", clockwise, "2022-05-03T02:00:00+02:00", dt.date(2022, 5, 4))
    assert query.polygon == tuple(SWISS + SWISS[:1])  # closed and turned counter-clockwise
    assert query.start == dt.datetime(2022, 5, 3, tzinfo=UTC)
    assert build_filter(query) == (
        "Collection/Name eq 'SENTINEL-1' and "
        "OData.CSC.Intersects(area=geography'SRID=4326;POLYGON((5.9 45.8, 10.5 45.8, 10.5 47.8, 5.9 47.8, 5.9 45.8))') "
        "and ContentDate/Start ge 2022-05-03T00:00:00.000Z and ContentDate/Start lt 2022-05-04T00:00:00.000Z"
    )


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"start": "2022-05-21", "end": "2022-05-03"}, "is not before the end date"),
        ({"start": "2022-05-03", "end": "2022-05-03"}, "is not before the end date"),
        ({"start": None}, "needs a start date"),
        ({"end": "03/05/2022"}, "is not an ISO date"),
        ({"max_cloud": 120}, "between 0 and 100; got 120"),
        ({"max_cloud": -1}, "between 0 and 100"),
        ({"max_cloud": "cloudy"}, "is not a number"),
        ({"polygon": "MULTIPOLYGON(((0 0, 1 0, 1 1, 0 0)), ((2 2, 3 2, 3 3, 2 2)))"}, "not a MULTIPOLYGON"),
        ({"polygon": "POLYGON((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 3 2, 3 3, 2 2))"}, "has holes"),
        ({"polygon": "POINT(1 2)"}, "must be a WKT POLYGON"),
        ({"polygon": "POLYGON((0 0, 1 0, 1 1"}, "is not valid WKT"),
        ({"polygon": [(0, 0), (1, 1), (0, 0), (1, 1)]}, "at least 3 distinct points"),
        ({"polygon": [(0, 0), (1, 1), (2, 2)]}, "no area"),
        ({"polygon": [(0, 0), (1, 1), (1, 0), (0, 1)]}, "crosses itself"),
        ({"polygon": [(45.8, 5.9), (47.8, 5.9), (47.8, 190)]}, "outside longitude"),
        ({"polygon": "SRID=3857;POLYGON((0 0, 1 0, 1 1, 0 0))"}, "SRID 3857"),
        ({"polygon": 42}, "WKT text or a list"),
        ({"collection": "SENTINEL-2' or 1 eq 1"}, "is not a Copernicus collection"),
        ({"collection": " "}, "Choose a Copernicus collection"),
        ({"max_records": 0}, "at least 1"),
    ],
)
def test_invalid_queries_say_what_is_wrong(kwargs, message):
    arguments = {"collection": "SENTINEL-2", "polygon": SWISS, "start": "2022-05-03", "end": "2022-05-21"}
    arguments.update(kwargs)
    with pytest.raises(InputError, match=message):
        CdseQuery(**arguments)


# --- product parsing --------------------------------------------------------------


def test_product_parsing_picks_md5_by_algorithm_and_reads_expanded_fields():
    item = make_products(1, cloud=12.5, checksum_order=("BLAKE3", "MD5"), size=0)[0]
    product = parse_product(item, "SENTINEL-2")
    assert isinstance(product, Product)
    assert product.checksum_md5 == item["Checksum"][1]["Value"] and item["Checksum"][0]["Algorithm"] == "BLAKE3"
    assert product.cloud_cover == 12.5 and product.size_bytes == 0 and product.online is True
    assert product.sensing_start == dt.datetime(2022, 5, 1, tzinfo=UTC)
    assert product.sensing_end == dt.datetime(2022, 5, 1, 0, 0, 25, tzinfo=UTC)
    assert product.footprint_wkt == "POLYGON ((5.9 45.8, 10.5 45.8, 10.5 47.8, 5.9 47.8, 5.9 45.8))"
    assert product.quicklook_url.endswith("/$value") and "Assets(" in product.quicklook_url
    assert product.s3_path.startswith("/eodata/SENTINEL-2/2022/05/01/")


def test_product_parsing_tolerates_missing_parts():
    item = make_products(1, expand=False, checksum_order=())[0]
    item["Footprint"] = None
    item["GeoFootprint"] = {"type": "MultiPolygon", "coordinates": [
        [[[0, 0], [1, 0], [1, 1], [0, 0]]], [[[2, 2], [3, 2], [3, 3], [2, 2]]]]}
    product = parse_product(item)
    assert product.checksum_md5 is None and product.cloud_cover is None and product.quicklook_url == ""
    assert product.footprint_wkt == "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((2 2, 3 2, 3 3, 2 2)))"
    only_blake = dict(item, Checksum=[{"Value": "ab", "Algorithm": "BLAKE3", "ChecksumDate": "x"}])
    assert parse_product(only_blake).checksum_md5 is None
    ewkt = dict(item, Footprint="geography'SRID=4326;MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)))'")
    assert parse_product(ewkt).footprint_wkt == "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)))"
    assert parse_product({"Name": "no id"}) is None


# --- search against the fake ------------------------------------------------------------


@pytest.fixture
def mixed_server():
    swiss_s2 = make_products(60, start="2022-05-01T00:00:00Z", step=dt.timedelta(hours=12),
                             cloud=lambda i: (i * 7) % 101, online=lambda i: i % 4 != 0, tag="ch")
    geneva_only = make_products(5, start="2022-05-10T06:00:00Z", footprint=GENEVA, cloud=5, tag="ge")
    australia = make_products(30, start="2022-05-01T00:00:00Z", step=dt.timedelta(hours=12),
                              footprint=AUSTRALIA, cloud=0, tag="au")
    swiss_s1 = make_products(30, collection="SENTINEL-1", start="2022-05-01T00:00:00Z",
                             step=dt.timedelta(hours=12), tag="ch")
    with CdseServer(swiss_s2 + geneva_only + australia + swiss_s1) as server:
        yield server


def expected_ids(products, collection, start, end, max_cloud=None, exclude_tags=()):
    result = []
    for p in products:
        when = dt.datetime.fromisoformat(p["ContentDate"]["Start"].replace("Z", "+00:00"))
        cloud = next((a["Value"] for a in p.get("Attributes", ()) if a["Name"] == "cloudCover"), None)
        if p["_collection"] != collection or not (start <= when < end) or p["Footprint"].find("140") >= 0:
            continue
        if max_cloud is not None and (cloud is None or cloud > max_cloud):
            continue
        result.append((when, p["Id"]))
    return [i for _, i in sorted(result)]


def test_search_by_collection_polygon_dates_and_cloud(mixed_server):
    start, end = dt.datetime(2022, 5, 5, tzinfo=UTC), dt.datetime(2022, 5, 20, tzinfo=UTC)
    query = CdseQuery("SENTINEL-2", SWISS, start, end, max_cloud=40)
    found = CdseCatalogue(mixed_server.url).search(query)
    ids = [p.product_id for p in found]
    assert ids == expected_ids(mixed_server.products, "SENTINEL-2", start, end, 40)
    assert 5 < len(ids) < 30 and all(p.cloud_cover <= 40 for p in found)
    assert any(p.online is False for p in found) and all(p.collection == "SENTINEL-2" for p in found)
    assert all(p.checksum_md5 and p.quicklook_url for p in found)
    # end exclusive, start inclusive: products exist exactly at both instants
    starts = {p.sensing_start for p in found}
    assert dt.datetime(2022, 5, 20, tzinfo=UTC) not in starts
    everything = CdseCatalogue(mixed_server.url).search(CdseQuery("SENTINEL-2", SWISS, start, end))
    assert start in {p.sensing_start for p in everything}
    assert end not in {p.sensing_start for p in everything}
    assert [p.product_id for p in everything] == expected_ids(mixed_server.products, "SENTINEL-2", start, end)
    # request shape: $expand repeated, ordered, $count on the first page only
    first = mixed_server.queries()[0]
    assert first["$expand"] == ["Attributes", "Assets"]
    assert first["$orderby"] == ["ContentDate/Start asc"] and first["$count"] == ["True"]
    assert "%20" in mixed_server.recorded[0].query and "+" not in mixed_server.recorded[0].query


def test_search_polygon_only_matches_intersecting_footprints(mixed_server):
    window = ("2022-05-01", "2022-06-01")
    geneva = CdseCatalogue(mixed_server.url).search(CdseQuery("SENTINEL-2", GENEVA, *window))
    assert len(geneva) == 65  # the 5 Geneva products and the 60 covering all of Switzerland
    tiny = [(6.5, 46.5), (6.51, 46.5), (6.51, 46.51)]  # inside Switzerland, outside Geneva
    assert len(CdseCatalogue(mixed_server.url).search(CdseQuery("SENTINEL-2", tiny, *window))) == 60
    aus = CdseCatalogue(mixed_server.url).search(CdseQuery("SENTINEL-2", AUSTRALIA, *window))
    assert len(aus) == 30 and all("140" in p.footprint_wkt for p in aus)
    s1 = CdseCatalogue(mixed_server.url).search(CdseQuery("SENTINEL-1", SWISS, *window))
    assert len(s1) == 30 and all(p.cloud_cover is None for p in s1)
    nothing = CdseCatalogue(mixed_server.url).search(CdseQuery("LANDSAT-8", SWISS, *window))
    assert nothing == []


def test_paging_asks_pages_of_at_most_1000_at_their_skip():
    with CdseServer(make_products(2600, step=dt.timedelta(minutes=1))) as server:
        catalogue = CdseCatalogue(server.url)
        pages = []
        found = catalogue.search(CdseQuery("SENTINEL-2", SWISS, "2022-05-01", "2022-06-01", max_records=2500),
                                 progress=lambda *args: pages.append(args))
        assert len(found) == 2500 and len({p.product_id for p in found}) == 2500
        assert [p.product_id for p in found] == [p["Id"] for p in server.products[:2500]]
        # the first page alone (its count says how many follow), then the other two at once
        assert (skips(server)[0], tops(server)[0]) == (0, 1000)
        assert sorted(zip(skips(server), tops(server))) == [(0, 1000), (1000, 1000), (2000, 500)]
        assert pages[-1] == (3, 3, 2500, 2600)
        assert all(server.recorded[i].query.count("$expand") == 2 for i in range(3))


def test_more_than_10000_results_come_once_each_without_skip_beyond_10000():
    base = dt.datetime(2022, 1, 1, tzinfo=UTC)
    products = make_products(23000, step=dt.timedelta(minutes=1), expand=False)
    for i, product in enumerate(products):  # groups of 3 products share a sensing start
        product["ContentDate"]["Start"] = iso(base + dt.timedelta(minutes=i // 3))
    started = time.perf_counter()
    with CdseServer(products) as server:
        query = CdseQuery("SENTINEL-2", SWISS, "2022-01-01", "2023-01-01", max_records=50000)
        found = CdseCatalogue(server.url).search(query)
        elapsed = time.perf_counter() - started
        ids = [p.product_id for p in found]
        assert len(ids) == 23000 and set(ids) == {p["Id"] for p in products}
        assert max(skips(server)) <= MAX_SKIP and max(tops(server)) <= MAX_TOP
        assert all(r.path.endswith("/Products") for r in server.recorded)
        assert [q.get("$count") for q in server.queries()].count(["True"]) == 1
        windows = [q["$filter"][0] for q in server.queries() if "$skip" not in q]
        assert len(windows) == 3  # 0-11,000, then two windows starting at the last start received
        assert "ContentDate/Start ge 2022-01-03T13:06:00.000Z" in windows[1]  # product 10,999's start
        starts = [p.sensing_start for p in found]
        assert starts == sorted(starts)
    print(f"23,000 products in {len(server.recorded)} requests, {elapsed:.2f} s")
    assert elapsed < 60


@pytest.fixture(scope="module")
def thirteen_thousand():
    base = dt.datetime(2022, 1, 1, tzinfo=UTC)
    products = make_products(13000, step=dt.timedelta(minutes=1), expand=False)
    for i, product in enumerate(products):  # pairs of products share a sensing start
        product["ContentDate"]["Start"] = iso(base + dt.timedelta(minutes=i // 2))
    return products


@pytest.mark.parametrize("next_link_past_wall", [True, False], ids=["nextLink past 10000", "no nextLink past 10000"])
def test_13000_products_come_once_each_whether_or_not_the_server_links_past_the_wall(thirteen_thousand,
                                                                                      next_link_past_wall):
    """The 10,000 wall is found from what the client knows (a full page at the last $skip allowed),
    not from a nextLink the catalogue does not promise: either way every product comes once."""
    with CdseServer(thirteen_thousand, next_link_past_wall=next_link_past_wall, delay=0.01) as server:
        batches = []
        found = CdseCatalogue(server.url, parallel_requests=3).search(
            CdseQuery("SENTINEL-2", SWISS, "2022-01-01", "2023-01-01", max_records=50000),
            on_page=lambda batch: batches.append([p.product_id for p in batch]))
        queries = server.queries()
        in_flight = server.max_in_flight
    ids = [p.product_id for p in found]
    assert ids == [p["Id"] for p in thirteen_thousand]  # each once, in catalogue order
    assert [i for batch in batches for i in batch] == ids
    assert max(skips(server)) <= MAX_SKIP and max(tops(server)) <= MAX_TOP
    windows = [q["$filter"][0] for q in queries if "$skip" not in q]
    assert len(windows) == 2 and "ContentDate/Start ge 2022-01-04T19:39:00.000Z" in windows[1]  # product 10,999
    assert in_flight == 3  # pages in parallel, never more than asked


def test_the_first_products_are_delivered_before_the_search_ends(thirteen_thousand):
    with CdseServer(thirteen_thousand[:5000], delay=0.05) as server:
        at_first = []
        found = CdseCatalogue(server.url).search(
            quick_query_2022(), on_page=lambda batch: at_first or at_first.append((len(batch), len(server.recorded))))
    assert len(found) == 5000
    assert at_first[0][0] == 1000 and at_first[0][1] < 5  # one of the 5 pages answered... or a few at most


def test_a_failure_or_cancel_keeps_what_arrived(thirteen_thousand):
    with CdseServer(thirteen_thousand[:5000], delay=0.02) as server:
        calls = []
        with pytest.raises(Cancelled) as caught:
            CdseCatalogue(server.url).search(quick_query_2022(), progress=lambda *a: calls.append(a),
                                             cancelled=lambda: bool(calls))
        assert [p.product_id for p in caught.value.result] == [p["Id"] for p in thirteen_thousand[:1000]]
        server.faults.append((500, JSON_HEADERS, json.dumps({"detail": "database down"})))
        server.delay = 0
        with pytest.raises(HttpError, match="database down") as failed:
            CdseCatalogue(server.url).search(quick_query_2022())
        assert failed.value.result == []


def test_cancel_stops_the_requests_in_flight_within_a_second(thirteen_thousand):
    with CdseServer(thirteen_thousand[:5000], delay=0.02) as server:
        cancel_at = []

        def on_page(batch):
            if not cancel_at:
                server.delay = 30
                cancel_at.append(time.monotonic() + 0.3)

        with pytest.raises(Cancelled) as caught:
            CdseCatalogue(server.url).search(
                quick_query_2022(), on_page=on_page,
                cancelled=lambda: bool(cancel_at) and time.monotonic() >= cancel_at[0])
        ended = time.monotonic()
    assert ended - cancel_at[0] < 1.0
    assert [p.product_id for p in caught.value.result] == [p["Id"] for p in thirteen_thousand[:1000]]


def quick_query_2022(**kwargs):
    return CdseQuery("SENTINEL-2", SWISS, "2022-01-01", "2023-01-01", max_records=50000, **kwargs)


@pytest.mark.parametrize("given, expected", [
    ("https://catalogue.dataspace.copernicus.eu/odata/v1/Products", "https://catalogue.dataspace.copernicus.eu/odata/v1/Products"),
    ("https://catalogue.dataspace.copernicus.eu/odata/v1", "https://catalogue.dataspace.copernicus.eu/odata/v1/Products"),
    (" https://catalogue.dataspace.copernicus.eu/odata/v1/ ", "https://catalogue.dataspace.copernicus.eu/odata/v1/Products"),
    ("https://catalogue.dataspace.copernicus.eu", "https://catalogue.dataspace.copernicus.eu/odata/v1/Products"),
    ("http://127.0.0.1:8080/odata/v1/Products/", "http://127.0.0.1:8080/odata/v1/Products"),
    ("http://127.0.0.1:8080/silent", "http://127.0.0.1:8080/silent"),
    ("", "https://catalogue.dataspace.copernicus.eu/odata/v1/Products"),
])
def test_the_service_root_is_accepted_as_catalogue_url(given, expected):
    assert products_url(given) == expected


def test_a_search_at_the_service_root_reaches_the_products(thirteen_thousand):
    with CdseServer(thirteen_thousand[:30]) as server:
        found = CdseCatalogue(server.base_url + "/odata/v1/").search(quick_query_2022())
        assert {r.path for r in server.recorded} == {"/odata/v1/Products"}
    assert len(found) == 30


def test_a_search_reuses_its_connections_and_closes_them(thirteen_thousand):
    import gc
    import warnings

    with CdseServer(thirteen_thousand[:6000], keep_alive=True) as server:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", ResourceWarning)
            catalogue = CdseCatalogue(server.url, parallel_requests=2)
            found = catalogue.search(quick_query_2022())
            del catalogue
            gc.collect()
        requests_made, connections = len(server.recorded), server.connections
    assert len(found) == 6000 and requests_made == 6  # the count says when to stop
    assert [str(w.message) for w in caught if issubclass(w.category, ResourceWarning)] == []
    assert connections <= 2


def test_max_records_smaller_than_one_page():
    with CdseServer(make_products(50)) as server:
        found = CdseCatalogue(server.url).search(CdseQuery("SENTINEL-2", SWISS, "2022-05-01", "2022-06-01",
                                                           max_records=7))
        assert len(found) == 7 and tops(server) == [7]


# --- the fake behaves like the catalogue --------------------------------------------------


def test_fake_refuses_skip_beyond_10000_and_top_beyond_1000():
    with CdseServer(make_products(30, expand=False)) as server:
        naive = requests.get(server.url, params={"$skip": "10001", "$top": "10"}, timeout=10)
        assert naive.status_code == 422 and naive.headers["Content-Type"] == "application/json"
        assert "less than or equal to 10000" in naive.json()["detail"][0]["msg"]
        assert requests.get(server.url, params={"$skip": "10000"}, timeout=10).status_code == 200
        big = requests.get(server.url, params={"$top": "1001"}, timeout=10)
        assert big.status_code == 400 and "1000" in big.json()["detail"]
        comma = requests.get(server.url, params={"$expand": "Attributes,Assets"}, timeout=10)
        assert comma.status_code == 400
        multi = requests.get(server.url, params={"$filter": "OData.CSC.Intersects(area=geography'SRID=4326;"
                                                             "MULTIPOLYGON(((0 0, 1 0, 1 1, 0 0))))')"}, timeout=10)
        assert multi.status_code == 400 and "POLYGON" in multi.json()["detail"]
        default = requests.get(server.url, params={"$count": "True", "$orderby": "ContentDate/Start desc"},
                               timeout=10).json()
        assert default["@odata.count"] == 30 and len(default["value"]) == 20
        assert default["@odata.context"] == "$metadata#Products"
        assert default["value"][0]["Id"] == server.products[-1]["Id"]
        assert "Attributes" not in default["value"][0] and "_collection" not in default["value"][0]
        nxt = default["@odata.nextLink"]
        assert nxt.startswith(server.url + "?") and "$skip=20" in nxt
        rest = requests.get(nxt, timeout=10).json()
        assert len(rest["value"]) == 10 and "@odata.nextLink" not in rest


def test_fake_filter_subset():
    products = make_products(10, cloud=lambda i: i * 10, step=dt.timedelta(days=1))
    with CdseServer(products) as server:
        def count(expression):
            reply = requests.get(server.url, params={"$filter": expression, "$count": "True", "$top": "0"},
                                 timeout=10)
            assert reply.status_code == 200, reply.text
            return reply.json()["@odata.count"]

        assert count("ContentDate/Start gt 2022-05-03T00:00:00.000Z") == 7
        assert count("ContentDate/Start ge 2022-05-03T00:00:00.000Z and ContentDate/Start le 2022-05-05T00:00:00Z") == 3
        assert count("Attributes/OData.CSC.DoubleAttribute/any(i0:i0/Name eq 'cloudCover' and "
                     "i0/Value lt 30.00)") == 3
        assert count("not (Collection/Name eq 'SENTINEL-2') or contains(Name,'_000004')") == 1
        assert count("Online eq true and Name eq '" + products[2]["Name"] + "'") == 1
        bad = requests.get(server.url, params={"$filter": "Foo/Bar eq 3"}, timeout=10)
        assert bad.status_code == 400 and "unsupported property" in bad.json()["detail"]


# --- errors ----------------------------------------------------------------------------


def quick_query(**kwargs):
    return CdseQuery("SENTINEL-2", SWISS, "2022-05-01", "2022-06-01", **kwargs)


@pytest.mark.parametrize(
    ("fault", "error", "message"),
    [
        ((422, JSON_HEADERS, json.dumps({"detail": [{"loc": ["query", "$skip"], "msg": "too far"}]})),
         HttpError, r"rejected the search \(HTTP 422\)\. Server said: \$skip: too far\. Check the collection"),
        ((500, JSON_HEADERS, json.dumps({"detail": "database timeout"})),
         HttpError, r"HTTP 500\)\. Server said: database timeout\. Try again later"),
        ((429, JSON_HEADERS, json.dumps({"detail": {"message": "slow down"}})),
         HttpError, r"too many requests \(HTTP 429\)\. Server said: slow down\. Wait a minute"),
        ((503, {"Content-Type": "text/html"}, "<html><head><title>Maintenance</title></head></html>"),
         HttpError, r"HTTP 503.*Maintenance"),
        ((200, {"Content-Type": "text/html"}, "<!DOCTYPE html><html><title>Login</title></html>"),
         ResponseError, r"HTML page titled \"Login\" instead of JSON"),
        ((200, JSON_HEADERS, '{"value": [{"Id": '), ResponseError, r"not valid JSON .*cut short"),
        ((200, JSON_HEADERS, '{"products": []}'), ResponseError, r"without a product list"),
    ],
)
def test_errors_are_clear_messages(fault, error, message):
    with CdseServer(make_products(3)) as server:
        server.faults.append(fault)
        with pytest.raises(error, match=message) as caught:
            CdseCatalogue(server.url).search(quick_query())
        if isinstance(caught.value, HttpError):
            assert caught.value.status == fault[0]


def test_unreachable_and_cancelled():
    with CdseServer(make_products(1500)) as server:
        url = server.url
        calls = []
        with pytest.raises(Cancelled):
            CdseCatalogue(url).search(quick_query(max_records=5000), progress=lambda *a: calls.append(a),
                                      cancelled=lambda: bool(calls))
        assert len(server.recorded) == 1
    with pytest.raises(NetworkError, match="Could not connect"):
        CdseCatalogue(url, timeout=(2, 2)).search(quick_query())


# --- query log ---------------------------------------------------------------------------


@pytest.fixture
def logged(tmp_path):
    query = CdseQuery("SENTINEL-2", SWISS, "2022-05-03", "2022-05-21T06:00:00.250Z", max_cloud=40.5,
                      max_records=250)
    products = [parse_product(p, "SENTINEL-2") for p in make_products(4, checksum_order=("BLAKE3", "MD5"))]
    products[1].name = 'odd, "quoted" name.SAFE'
    products[2].checksum_md5 = None
    products[3].online = False
    queried_at = dt.datetime(2024, 6, 1, 12, 30, 5, tzinfo=UTC)
    path = tmp_path / querylog.default_log_name(query, queried_at)
    querylog.write_query_log(path, query, products, "https://example.test/odata/v1/Products", queried_at)
    return path, query, products


def test_query_log_round_trip(logged):
    path, query, products = logged
    assert path.name == "OData_2022-05-03T00-00-00.000_2022-05-21T06-00-00.250_query_2024-06-01T12-30-05.000.log"
    text = path.read_text(encoding="utf-8")
    assert text.startswith(
        "# Collection: SENTINEL-2\n"
        "# Polygon: POLYGON((5.9 45.8, 10.5 45.8, 10.5 47.8, 5.9 47.8, 5.9 45.8))\n"
        "# StartTime: 2022-05-03T00:00:00.000\n"
        "# StopTime: 2022-05-21T06:00:00.250\n"
        "# MaxCloud: 40.5\n"
        "# MaxRecords: 250\n"
        "# Catalogue: https://example.test/odata/v1/Products\n"
        "# QueriedAt: 2024-06-01T12:30:05.000\n"
        "Id,Name,Checksum,Online,Downloaded\n"
    )
    assert f"{products[0].product_id},{products[0].name},{products[0].checksum_md5},True,False\n" in text
    header, rows = querylog.read_query_log(path)
    assert list(header) == list(querylog.HEADER_KEYS)
    assert [r["Id"] for r in rows] == [p.product_id for p in products]
    assert rows[1]["Name"] == 'odd, "quoted" name.SAFE' and rows[2]["Checksum"] == ""
    assert [r["Online"] for r in rows] == [True, True, True, False]
    assert not any(r["Downloaded"] for r in rows)
    again = querylog.query_from_header(header)
    assert (again.collection, again.polygon, again.start, again.end, again.max_cloud, again.max_records) == (
        query.collection, query.polygon, query.start, query.end, query.max_cloud, query.max_records)
    # rows written back give the same file
    copy = path.with_name("copy.log")
    querylog.write_query_log(copy, again, rows, header["Catalogue"], querylog.parse_log_time(header["QueriedAt"]))
    assert copy.read_bytes() == path.read_bytes()


def test_query_log_without_cloud_filter(tmp_path):
    query = CdseQuery("SENTINEL-1", SWISS, "2022-05-03", "2022-05-04")
    path = querylog.write_query_log(tmp_path / "a.log", query, [])
    header, rows = querylog.read_query_log(path)
    assert header["MaxCloud"] == "" and rows == [] and header["Catalogue"].startswith("https://catalogue.")
    assert querylog.query_from_header(header).max_cloud is None


def test_set_downloaded_rewrites_one_row(logged):
    path, _query, products = logged
    before = path.read_text(encoding="utf-8")
    querylog.set_downloaded(path, products[1].product_id)
    header, rows = querylog.read_query_log(path)
    assert [r["Downloaded"] for r in rows] == [False, True, False, False]
    after = path.read_text(encoding="utf-8")
    assert after.split("Id,Name")[0] == before.split("Id,Name")[0]  # header kept verbatim
    querylog.set_downloaded(path, products[1].product_id, False)
    assert path.read_text(encoding="utf-8") == before
    with pytest.raises(InputError, match="is not in the query log"):
        querylog.set_downloaded(path, "no-such-id")
    assert sorted(os.listdir(path.parent)) == [path.name]


def test_set_downloaded_crash_leaves_the_old_file(logged, monkeypatch):
    path, _query, products = logged
    before = path.read_bytes()

    def crash(src, dst):
        raise OSError("simulated power cut")

    monkeypatch.setattr(querylog.os, "replace", crash)
    with pytest.raises(OSError, match="simulated"):
        querylog.set_downloaded(path, products[0].product_id)
    assert path.read_bytes() == before
    assert sorted(os.listdir(path.parent)) == [path.name]  # the temporary file is gone too


def test_set_downloaded_from_many_threads(logged):
    path, query, _products = logged
    many = [parse_product(p, "SENTINEL-2") for p in make_products(40, tag="threads")]
    querylog.write_query_log(path, query, many)
    errors = []

    def mark(ids):
        try:
            for product_id in ids:
                querylog.set_downloaded(path, product_id)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=mark, args=([p.product_id for p in many[k::8]],)) for k in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    _header, rows = querylog.read_query_log(path)
    assert len(rows) == 40 and all(r["Downloaded"] for r in rows)


# --- hostile replies (issue 10) -----------------------------------------------------------


def canned_page(products):
    return 200, JSON_HEADERS, json.dumps({"value": [{k: v for k, v in p.items() if not k.startswith("_")}
                                                    for p in products]})


def test_products_without_a_readable_footprint_are_kept_and_counted():
    from eo_order.core.cdse_search import without_footprint
    from eo_order.core.footprints import features_from_products

    products = make_products(12, tag="fp")
    products[3]["Footprint"], products[3]["GeoFootprint"] = None, None
    products[7]["Footprint"], products[7]["GeoFootprint"] = "geography'SRID=4326;POLYGON ((nan 1, 2 2, 3 3))'", {}
    with CdseServer() as server:
        server.faults.append(canned_page(products))
        found = CdseCatalogue(server.url).search(CdseQuery("SENTINEL-2", SWISS, "2022-04-01", "2022-06-01"))
    assert [p.product_id for p in found] == [p["Id"] for p in products]  # none dropped
    assert without_footprint(found) == 2
    features = features_from_products(found)
    assert len(features) == 12 and sum(not f.hasGeometry() for f in features) == 2
    assert {f["product_id"] for f in features if not f.hasGeometry()} == {products[3]["Id"], products[7]["Id"]}


def test_a_checksum_that_is_not_an_md5_is_not_kept_as_one():
    item = make_products(1)[0]
    item["Checksum"] = [{"Value": "../../etc/passwd", "Algorithm": "MD5"}]
    assert parse_product(item).checksum_md5 is None


PAGE_UNDER_CAP = """
from eo_order.core.cdse_search import CdseCatalogue
from eo_order.core.errors import EoOrderError

try:
    CdseCatalogue(args[0]).fetch(args[0] + "?$top=1")
except EoOrderError as exc:
    print(exc)
"""


def test_a_gzip_bomb_page_is_refused_within_bounded_memory():
    from tests.processes import run_with_memory_cap
    from tests.servers.cdse_download import gzip_bomb

    with CdseServer() as server:
        server.faults.append((200, {**JSON_HEADERS, "Content-Encoding": "gzip"}, gzip_bomb(1 << 30)))
        result = run_with_memory_cap(PAGE_UNDER_CAP, os.path.dirname(os.path.dirname(os.path.dirname(
            os.path.abspath(__file__)))), 256, [server.url])
    assert result.returncode == 0, result.stderr[-2000:]
    assert "MemoryError" not in result.stderr
    assert "Copernicus Data Space catalogue sent a reply larger than 64 MiB (after decompression)" in result.stdout
