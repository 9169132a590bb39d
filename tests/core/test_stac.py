"""core/stac.py against a real STAC API (rustac serve, memory backend) and small misbehaving fakes."""

import datetime as dt
import hashlib
import json
import re

import pytest
import requests
from shapely.geometry import box, shape
from shapely.ops import unary_union

from eo_order.core.errors import Cancelled, EoOrderError, InputError, ResponseError
from eo_order.core.http import Session
from eo_order.core.stac import (
    CLOUD_CLIENT,
    CLOUD_CQL2,
    CLOUD_QUERY,
    MAX_ASSETS,
    StacClient,
    StacPagingError,
    StacQuery,
    geometry_to_wkt,
    multihash_hex,
    parse_multihash,
)
from tests.servers.canned import CannedServer
from tests.servers.stac import RustacServer, data_bytes, generate_items

N_ITEMS = 600


@pytest.fixture(scope="module")
def generated():
    return generate_items(N_ITEMS)


@pytest.fixture(scope="module")
def rustac(tmp_path_factory, generated):
    with RustacServer(tmp_path_factory.mktemp("rustac"), generated) as server:
        yield server


def client_for(server, **kwargs):
    return StacClient(server.url, session=Session(), **kwargs)


def ids(result):
    found = [item.id for item in result.items]
    assert len(found) == len(set(found)), "an item came twice"
    return set(found)


def expected(generated, area=None, start=None, end=None, max_cloud=None):
    """The generated items a search must return, computed independently (shapely, plain comparisons)."""
    out = set()
    for item in generated:
        if area is not None and not shape(item["geometry"]).intersects(area):
            continue
        when = dt.datetime.fromisoformat(item["properties"]["datetime"].replace("Z", "+00:00"))
        if start and when < start or end and when >= end:
            continue
        cloud = item["properties"].get("eo:cloud_cover")
        if max_cloud is not None and (cloud is None or cloud > max_cloud):
            continue
        out.add(item["id"])
    return out


# --- the real server ---------------------------------------------------------------------------


def test_collections_are_listed_and_searchable(rustac):
    client = client_for(rustac)
    assert {c.id for c in client.collections()} == {"sentinel-2-l2a", "landsat-c2-l2", "sentinel-1-grd"}
    assert [c.id for c in client.collections(search="landsat")] == ["landsat-c2-l2"]
    assert [c.id for c in client.collections(search="GRD")] == ["sentinel-1-grd"]  # by title, any case


def test_box_search_returns_exactly_the_intersecting_items_across_pages(rustac, generated):
    area = (-60.5, -20.5, 40.5, 30.5)
    result = client_for(rustac).search(StacQuery(bbox=area, limit=9, max_records=10_000))
    want = expected(generated, box(*area))
    assert len(want) > 40
    assert ids(result) == want
    assert result.pages >= len(want) // 9
    method, url, body = result.requests[1]  # the server's next link: POST, the whole body with its skip
    assert method == "POST" and body["bbox"] == list(area) and body["limit"] == 9


def test_polygon_search_returns_exactly_the_intersecting_items(rustac, generated):
    ring = [(-100.5, -40.5), (20.5, -10.5), (-10.5, 50.5), (-120.5, 30.5), (-100.5, -40.5)]
    result = client_for(rustac).search(StacQuery(intersects=ring, limit=25, max_records=10_000))
    want = expected(generated, shape({"type": "Polygon", "coordinates": [ring]}))
    assert len(want) > 20
    assert ids(result) == want
    assert result.requests[0][2]["intersects"]["type"] == "Polygon"


def test_antimeridian_box_finds_items_on_both_sides_and_their_footprints_are_split(rustac, generated):
    west, south, east, north = 170.5, -30.5, -170.5, 40.5  # west > east: crosses ±180
    result = client_for(rustac).search(StacQuery(bbox=(west, south, east, north), limit=10, max_records=10_000))
    area = unary_union([box(west, south, 180, north), box(-180, south, east, north)])
    want = expected(generated, area)
    assert len(want) > 10
    assert ids(result) == want
    sent = result.requests[0][2]["intersects"]
    assert sent["type"] == "MultiPolygon" and len(sent["coordinates"]) == 2
    crossing = [item for item in result.items if item.id.endswith("0")]  # one in ten straddles ±180
    straddlers = [i for i in crossing if i.geometry_wkt.count(")),((") == 1]
    assert straddlers, "no item straddling ±180 was found"
    for item in result.items:
        assert item.geometry_wkt.startswith("MULTIPOLYGON(((")
        coordinates = item.geometry_wkt[len("MULTIPOLYGON("):].replace("(", "").replace(")", "").split(",")
        assert all(-180 <= float(pair.split()[0]) <= 180 for pair in coordinates)


def test_date_range_is_start_inclusive_end_exclusive(rustac, generated):
    start, end = dt.datetime(2024, 2, 1, tzinfo=dt.timezone.utc), dt.datetime(2024, 3, 1, tzinfo=dt.timezone.utc)
    result = client_for(rustac).search(StacQuery(start="2024-02-01", end="2024-03-01", limit=13, max_records=10_000))
    want = expected(generated, start=start, end=end)
    assert len(want) == 58  # 29 days, two items a day
    assert ids(result) == want
    assert result.requests[0][2]["datetime"] == "2024-02-01T00:00:00Z/2024-03-01T00:00:00Z"
    times = [item.datetime for item in result.items]
    assert min(times) == start and max(times) < end
    assert result.dropped >= 1  # the server's closed interval sent the item at 2024-03-01T00:00Z


def test_cloud_cover_is_filtered_client_side_when_the_api_cannot(rustac, generated):
    client = client_for(rustac)
    assert client.cloud_strategy() == CLOUD_CLIENT  # the memory backend lists neither filter nor query
    query = StacQuery(bbox=(-180, -90, 180, 90), max_cloud=25, limit=50, max_records=10_000)
    result = client.search(query)
    assert result.cloud_filter == CLOUD_CLIENT
    assert ids(result) == expected(generated, max_cloud=25)
    assert all(item.cloud_cover is not None and item.cloud_cover <= 25 for item in result.items)
    assert "filter" not in result.requests[0][2] and "query" not in result.requests[0][2]
    assert any("cannot filter cloud cover" in note for note in result.notes)


def test_max_records_is_never_exceeded_and_said(rustac):
    result = client_for(rustac).search(StacQuery(limit=40, max_records=95))
    assert len(result.items) == 95 and len(ids(result)) == 95
    assert result.truncated and any("Max records" in note for note in result.notes)


def test_items_carry_what_the_footprints_and_downloads_need(rustac, generated):
    result = client_for(rustac).search(StacQuery(collections=["sentinel-2-l2a"], max_records=10_000))
    assert ids(result) == {i["id"] for i in generated if i["collection"] == "sentinel-2-l2a"}
    item = next(i for i in result.items if i.id == "sentinel-2-l2a-00003")
    source = next(i for i in generated if i["id"] == item.id)
    assert item.collection == "sentinel-2-l2a" and item.platform == "sentinel-2a" and item.gsd == 10
    assert item.cloud_cover == source["properties"]["eo:cloud_cover"]
    assert item.self_link == rustac.url + "collections/sentinel-2-l2a/items/sentinel-2-l2a-00003"
    assert item.asset_keys == ("data", "thumbnail", "metadata")
    data = item.assets["data"]
    assert data.size == len(data_bytes(item.id)) and data.roles == ("data",)
    digest = data.multihash()
    hasher = digest.new_hasher()
    hasher.update(data_bytes(item.id))
    assert digest.algorithm == "md5" and digest.matches(hasher.digest())
    assert item.thumbnail_url.endswith(f"/{item.id}.png")
    metadata = item.assets["metadata"]
    assert metadata.href.startswith("s3://") and metadata.https_href().endswith(f"/{item.id}.xml")


def test_cancel_stops_and_keeps_what_arrived(rustac):
    calls = []
    with pytest.raises(Cancelled) as caught:
        client_for(rustac).search(StacQuery(limit=10, max_records=1000),
                                  progress=lambda n, matched: calls.append(n), cancelled=lambda: len(calls) >= 2)
    assert len(caught.value.result.items) == 20


# --- multihash and geometry --------------------------------------------------------------------


def test_multihash_md5_sha256_and_errors():
    payload = b"scene bytes"
    md5 = parse_multihash("d50110" + hashlib.md5(payload).hexdigest())  # noqa: S324 - 0xd5 is varint d5 01
    assert md5.algorithm == "md5" and md5.digest == hashlib.md5(payload).digest()  # noqa: S324
    sha = parse_multihash(multihash_hex("sha256", hashlib.sha256(payload).digest()))
    assert sha.algorithm == "sha256" and sha.matches(hashlib.sha256(payload).digest())
    assert sha.new_hasher().name == "sha256"
    assert multihash_hex("sha256", b"\0" * 32).startswith("1220")
    blake = parse_multihash("1e20" + "ab" * 32)
    assert blake.algorithm == "blake3"
    with pytest.raises(InputError, match="code 0x24"):
        parse_multihash("2401ff")
    with pytest.raises(InputError, match="digest bytes"):
        parse_multihash("d50110abcd")
    with pytest.raises(InputError, match="not a hexadecimal"):
        parse_multihash("zz")


def test_a_polygon_stored_across_the_antimeridian_becomes_two_parts():
    wkt = geometry_to_wkt({"type": "Polygon", "coordinates": [[[179, 0], [-179, 0], [-179, 2], [179, 2], [179, 0]]]})
    wkt = re.sub(r"\.0(?=[ ,)])", "", wkt)  # 180.0 and 180 are the same number
    assert wkt == "MULTIPOLYGON(((179 0,180 0,180 2,179 2,179 0)),((-180 0,-179 0,-179 2,-180 2,-180 0)))"
    assert geometry_to_wkt({"type": "Polygon", "coordinates": [[[1, 1.5], [2, 1], [2, 2], [1, 1.5]]]}) == \
        "MULTIPOLYGON(((1 1.5,2 1,2 2,1 1.5)))"
    assert geometry_to_wkt({"type": "Point", "coordinates": [1, 2]}) is None
    assert geometry_to_wkt({"type": "Polygon", "coordinates": [[[1, 1], [float("nan"), 1], [2, 2], [1, 1]]]}) is None
    assert geometry_to_wkt(None) is None


def test_query_input_is_checked():
    with pytest.raises(InputError, match="infinite"):
        StacQuery(bbox=(0, 0, float("inf"), 1))
    with pytest.raises(InputError, match="not before"):
        StacQuery(start="2024-03-01", end="2024-03-01")
    with pytest.raises(InputError, match="cloud"):
        StacQuery(max_cloud=float("nan"))
    with pytest.raises(InputError, match="3 distinct"):
        StacQuery(intersects=[(0, 0), (1, 1), (0, 0)])


# --- fakes: conformance, paging rules, hostile replies -----------------------------------------


def feature(item_id, **properties):
    properties.setdefault("datetime", "2024-01-01T00:00:00Z")
    return {"type": "Feature", "id": item_id, "collection": "c",
            "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]},
            "properties": properties, "links": [], "assets": {}}


def landing(server, conforms=(), post=True):
    links = [{"rel": "data", "href": server.url_for("/collections")},
             {"rel": "search", "href": server.url_for("/search"), "method": "GET"}]
    if post:
        links.append({"rel": "search", "href": server.url_for("/search"), "method": "POST"})
    return json.dumps({"type": "Catalog", "id": "fake", "links": links,
                       "conformsTo": ["https://api.stacspec.org/v1.0.0/core",
                                      "https://api.stacspec.org/v1.0.0/item-search", *conforms]})


def page(features, next_link=None, **extra):
    return json.dumps({"type": "FeatureCollection", "features": features,
                       "links": [next_link] if next_link else [], **extra})


JSON = {"Content-Type": "application/geo+json"}


@pytest.fixture
def fake():
    server = CannedServer({})
    yield server
    server.stop()


def serve(server, conforms=(), post=True, pages=None):
    """Landing page + a search answering ``pages(request) -> body``."""
    server.routes["/"] = lambda r: (200, JSON, landing(server, conforms, post))
    server.routes["/search"] = lambda r: (200, JSON, pages(r))


FILTER_CLASSES = ("https://api.stacspec.org/v1.0.0-rc.2/item-search#filter",
                  "http://www.opengis.net/spec/cql2/1.0/conf/cql2-json",
                  "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
                  "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2")


def test_cloud_cover_goes_as_a_cql2_json_filter_when_the_api_conforms(fake):
    serve(fake, FILTER_CLASSES, pages=lambda r: page([feature("a", **{"eo:cloud_cover": 5}),
                                                       feature("b", **{"eo:cloud_cover": 50})]))
    result = StacClient(fake.url_for("/"), session=Session()).search(StacQuery(max_cloud=30))
    body = json.loads(fake.requests[-1].body)
    assert body["filter-lang"] == "cql2-json"
    assert body["filter"] == {"op": "<=", "args": [{"property": "eo:cloud_cover"}, 30.0]}
    assert result.cloud_filter == CLOUD_CQL2 and ids(result) == {"a"}  # b: re-checked here, dropped


def test_cloud_cover_goes_as_cql2_text_in_a_get_search(fake):
    serve(fake, FILTER_CLASSES, post=False, pages=lambda r: page([feature("a", **{"eo:cloud_cover": 5})]))
    StacClient(fake.url_for("/"), session=Session()).search(StacQuery(max_cloud=30))
    sent = fake.requests[-1]
    assert sent.method == "GET"
    assert "filter-lang=cql2-text" in sent.query
    assert requests.utils.unquote(sent.query).replace("+", " ").count('"eo:cloud_cover" <= 30') == 1


def test_cloud_cover_goes_as_the_query_extension_when_only_that_is_listed(fake):
    serve(fake, ("https://api.stacspec.org/v1.0.0-rc.1/item-search#query",),
          pages=lambda r: page([feature("a", **{"eo:cloud_cover": 5})]))
    result = StacClient(fake.url_for("/"), session=Session()).search(StacQuery(max_cloud=30))
    assert json.loads(fake.requests[-1].body)["query"] == {"eo:cloud_cover": {"lte": 30.0}}
    assert result.cloud_filter == CLOUD_QUERY


def test_post_next_link_body_is_merged_and_its_headers_sent(fake):
    def pages(request):
        body = json.loads(request.body)
        if "token" not in body:
            return page([feature("a")], {"rel": "next", "href": fake.url_for("/search"), "method": "POST",
                                         "merge": True, "body": {"token": "p2"}, "headers": {"X-Page": "2"}})
        if body["token"] == "p2":
            return page([feature("b")], {"rel": "next", "href": fake.url_for("/search?page=3"), "method": "GET"})
        raise AssertionError(body)

    serve(fake, pages=pages)
    fake.routes["/search?page=3"] = (200, JSON, page([feature("c")]))
    result = StacClient(fake.url_for("/"), session=Session()).search(
        StacQuery(bbox=(0, 0, 2, 2), collections=["c"], limit=1))
    assert [i.id for i in result.items] == ["a", "b", "c"]
    second = fake.requests[2]
    assert json.loads(second.body) == {"limit": 1, "bbox": [0.0, 0.0, 2.0, 2.0], "collections": ["c"], "token": "p2"}
    assert second.headers.get("X-Page") == "2"
    assert fake.requests[3].method == "GET" and fake.requests[3].query == "page=3"


def test_a_next_link_without_merge_replaces_the_body(fake):
    def pages(request):
        body = json.loads(request.body)
        if body.get("page") == 2:
            return page([feature("b")])
        return page([feature("a")], {"rel": "next", "href": fake.url_for("/search"), "method": "POST",
                                     "body": {"page": 2}})

    serve(fake, pages=pages)
    StacClient(fake.url_for("/"), session=Session()).search(StacQuery(bbox=(0, 0, 2, 2)))
    assert json.loads(fake.requests[2].body) == {"page": 2}


def test_a_looping_next_link_is_an_error_that_keeps_the_items(fake):
    counter = iter(range(1000))
    serve(fake, pages=lambda r: page([feature(f"i{next(counter)}")],
                                     {"rel": "next", "href": fake.url_for("/search"), "method": "POST",
                                      "body": {"token": "same"}, "merge": True}))
    with pytest.raises(StacPagingError, match="repeats a request already made") as caught:
        StacClient(fake.url_for("/"), session=Session()).search(StacQuery(max_records=100))
    assert [i.id for i in caught.value.result.items] == ["i0", "i1"]
    assert len(fake.requests) == 3  # landing + 2 searches, then stop


def test_a_next_link_that_does_not_advance_is_an_error(fake):
    counter = iter(range(1000))
    serve(fake, post=False, pages=lambda r: page(
        [feature("a")], {"rel": "next", "href": fake.url_for(f"/search?token={next(counter)}")}))
    fake.routes["/search"] = lambda r: (200, JSON, page(
        [feature("a")], {"rel": "next", "href": fake.url_for(f"/search?token={next(counter)}")}))
    with pytest.raises(StacPagingError, match="does not advance"):
        StacClient(fake.url_for("/"), session=Session()).search(StacQuery(max_records=100))
    assert len(fake.requests) == 3


def test_an_oversized_page_is_refused(fake):
    big = page([feature(f"id{k}", note="x" * 1000) for k in range(300)])
    serve(fake, pages=lambda r: big)
    with pytest.raises(ResponseError, match="more than 0 MB in one reply"):
        StacClient(fake.url_for("/"), session=Session(), max_page_bytes=100_000).search(StacQuery())


def test_a_page_without_content_length_stops_at_the_cap_while_streaming():
    """No Content-Length and an endless body: the running total stops reading at the cap."""
    import http.server
    import threading

    sent = []

    class Endless(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"

        def log_message(self, *args):
            pass

        def do_GET(self):  # noqa: N802
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            if self.path == "/":
                base = f"http://127.0.0.1:{self.server.server_address[1]}"
                self.wfile.write(json.dumps({"links": [{"rel": "search", "href": base + "/search"}],
                                             "conformsTo": []}).encode())
                return
            try:
                self.wfile.write(b'{"type":"FeatureCollection","features":[')
                for _ in range(2000):  # up to 2000 x 64 KiB, far beyond the cap
                    self.wfile.write(b" " * 65536)
                    sent.append(65536)
            except OSError:
                pass  # the client hung up: what we want

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Endless)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/"
        with pytest.raises(ResponseError, match="more than 1 MB in one reply"):
            StacClient(url, session=Session(), max_page_bytes=1 << 20).search(StacQuery())
    finally:
        server.shutdown()
        server.server_close()
    assert sum(sent) < 1000 * 65536  # the client stopped reading long before the end


def test_nan_boxes_and_numbers_keep_the_item_without_geometry(fake):
    nan_geometry = feature("nan-geometry")
    nan_geometry["geometry"]["coordinates"][0][1] = [float("nan"), 0]
    huge = feature("huge", **{"eo:cloud_cover": float("inf"), "gsd": float("nan")})
    no_geometry = feature("none")
    no_geometry["geometry"] = None
    serve(fake, pages=lambda r: page([nan_geometry, huge, no_geometry]).replace("Infinity", "1e999"))
    result = StacClient(fake.url_for("/"), session=Session()).search(StacQuery())
    by_id = {i.id: i for i in result.items}
    assert set(by_id) == {"nan-geometry", "huge", "none"}
    assert by_id["nan-geometry"].geometry_wkt is None and by_id["none"].geometry_wkt is None
    assert by_id["huge"].cloud_cover is None and by_id["huge"].gsd is None
    assert result.without_geometry == 2 and any("2 item(s) have no usable geometry" in n for n in result.notes)


def test_assets_per_item_are_capped(fake):
    many = feature("many")
    many["assets"] = {f"b{k:04d}": {"href": f"https://x/{k}", "roles": ["data"]} for k in range(MAX_ASSETS + 50)}
    serve(fake, pages=lambda r: page([many]))
    result = StacClient(fake.url_for("/"), session=Session()).search(StacQuery())
    assert len(result.items[0].assets) == MAX_ASSETS


def test_credentials_never_follow_a_next_link_to_another_origin(fake):
    other = CannedServer({"/search": (200, JSON, page([feature("z")]))})
    try:
        serve(fake, post=False, pages=lambda r: page([feature("a")], {"rel": "next",
                                                                     "href": other.url_for("/search")}))
        client = StacClient(fake.url_for("/"), session=Session(), headers={"Authorization": "Bearer s3cret"})
        with pytest.raises(StacPagingError, match="another server") as caught:
            client.search(StacQuery())
        assert "s3cret" not in str(caught.value)
        assert other.requests == []
        assert fake.requests[-1].headers.get("Authorization") == "Bearer s3cret"
        # without credentials the link is followed
        result = StacClient(fake.url_for("/"), session=Session()).search(StacQuery())
        assert [i.id for i in result.items] == ["a", "z"]
        assert "Authorization" not in other.requests[-1].headers
    finally:
        other.stop()


def test_an_html_page_is_a_clear_error(fake):
    fake.routes["/"] = (200, {"Content-Type": "text/html"}, b"<html><title>Down for maintenance</title></html>")
    with pytest.raises(ResponseError, match="Down for maintenance"):
        StacClient(fake.url_for("/"), session=Session()).search(StacQuery())


def test_collections_follow_next_links_and_a_loop_is_an_error(fake):
    fake.routes["/"] = lambda r: (200, JSON, landing(fake))
    fake.routes["/collections"] = (200, JSON, json.dumps({"collections": [{"id": "one", "title": "First"}],
                                                          "links": [{"rel": "next", "href": "/collections?p=2"}]}))
    fake.routes["/collections?p=2"] = (200, JSON, json.dumps({"collections": [{"id": "two"}], "links": []}))
    client = StacClient(fake.url_for("/"), session=Session())
    assert [c.id for c in client.collections()] == ["one", "two"]
    fake.routes["/collections?p=2"] = (200, JSON, json.dumps(
        {"collections": [{"id": "two"}], "links": [{"rel": "next", "href": "/collections"}]}))
    with pytest.raises(ResponseError, match="page already read"):
        client.collections()


def test_get_search_sends_the_spec_parameters_and_open_dates(fake):
    serve(fake, post=False, pages=lambda r: page([feature("a")]))
    StacClient(fake.url_for("/"), session=Session()).search(
        StacQuery(bbox=(-76.5, 44.9, -75.25, 45.5), start="2024-05-01T06:30:00Z", collections=["s2", "l8"],
                  limit=50))
    sent = fake.requests[-1]
    query = dict(pair.split("=", 1) for pair in sent.query.split("&"))
    assert sent.method == "GET" and sent.path == "/search"
    assert requests.utils.unquote(query["bbox"]) == "-76.5,44.9,-75.25,45.5"
    assert requests.utils.unquote(query["datetime"]) == "2024-05-01T06:30:00Z/.."
    assert requests.utils.unquote(query["collections"]) == "s2,l8"
    assert query["limit"] == "50"


def test_conformance_is_read_from_its_link_when_the_landing_page_has_none(fake):
    fake.routes["/"] = lambda r: (200, JSON, json.dumps({"links": [
        {"rel": "conformance", "href": fake.url_for("/conformance")},
        {"rel": "search", "href": fake.url_for("/search"), "method": "POST"}]}))
    fake.routes["/conformance"] = (200, JSON, json.dumps({"conformsTo": list(FILTER_CLASSES)}))
    assert StacClient(fake.url_for("/"), session=Session()).cloud_strategy() == CLOUD_CQL2


def test_no_page_is_asked_for_once_max_records_items_have_arrived(fake):
    counter = iter(range(1000))

    def pages(request):
        n = next(counter)
        return page([feature(f"p{n}-{k}") for k in range(10)],
                    {"rel": "next", "href": fake.url_for(f"/search?page={n + 1}")})

    serve(fake, post=False, pages=pages)
    result = StacClient(fake.url_for("/"), session=Session()).search(StacQuery(max_records=25, limit=10))
    assert len(result.items) == 25 and result.truncated
    assert [r.method for r in fake.requests].count("GET") == 1 + 3  # landing + 3 pages, not a 4th


def test_client_side_cloud_filter_stops_after_reading_20_items_per_item_wanted(fake):
    counter = iter(range(10_000))
    serve(fake, post=False, pages=lambda r: page(
        [feature(f"c{next(counter)}", **{"eo:cloud_cover": 90}) for _ in range(50)],
        {"rel": "next", "href": fake.url_for(f"/search?after={next(counter)}")}))
    fake.routes["/search"] = lambda r: (200, JSON, page(
        [feature(f"c{next(counter)}", **{"eo:cloud_cover": 90}) for _ in range(50)],
        {"rel": "next", "href": fake.url_for(f"/search?after={next(counter)}")}))
    result = StacClient(fake.url_for("/"), session=Session()).search(StacQuery(max_cloud=10, max_records=5))
    assert result.items == [] and result.cloud_filter == CLOUD_CLIENT
    assert len(fake.requests) == 1 + 2  # 100 items read = 20 x 5, then stop
    assert any("checked by EO Order on 100 items" in note for note in result.notes)


def test_a_redirect_to_another_origin_is_refused_with_credentials(fake):
    other = CannedServer({"/": (200, JSON, landing(fake))})
    try:
        fake.routes["/"] = (302, {"Location": other.url_for("/")}, b"")
        client = StacClient(fake.url_for("/"), session=Session(), headers={"X-Api-Key": "k3y"})
        with pytest.raises(ResponseError, match="another server"):
            client.search(StacQuery())
        assert other.requests == []
    finally:
        other.stop()


def test_a_search_polygon_given_past_180_is_split_into_two_parts():
    query = StacQuery(intersects=[(175, 0), (185, 0), (185, 5), (175, 5)])
    kind, area = query.area()
    assert kind == "intersects" and area["type"] == "MultiPolygon" and len(area["coordinates"]) == 2
    lons = [p[0] for part in area["coordinates"] for ring in part for p in ring]
    assert min(lons) == -180 and max(lons) == 180


def test_footprint_layer_has_one_multipolygon_per_item_with_geometry(rustac, generated, qgis_app):
    from eo_order.core.stac_footprints import features_from_items, stac_layer

    grown = []
    result = client_for(rustac).search(StacQuery(bbox=(170.5, -30.5, -170.5, 40.5), limit=10, max_records=10_000),
                                       on_items=lambda items: grown.append(len(items)))
    assert sum(grown) == len(result.items) and len(grown) == result.pages  # page by page
    layer = stac_layer("STAC", features_from_items(result.items))
    assert layer.featureCount() == len(result.items)
    assert layer.fields().names() == ["item_id", "collection", "datetime", "start_datetime", "end_datetime",
                                      "cloud_cover", "platform", "gsd", "asset_keys", "self_link", "thumbnail_url"]
    by_id = {f["item_id"]: f for f in layer.getFeatures()}
    for item in result.items:
        geometry = by_id[item.id].geometry()
        assert geometry.isMultipart() and geometry.isGeosValid()
        assert geometry.equals(type(geometry).fromWkt(item.geometry_wkt))
        box_ = geometry.boundingBox()
        assert -180 <= box_.xMinimum() and box_.xMaximum() <= 180
    split = [f for f in layer.getFeatures() if len(f.geometry().asGeometryCollection()) == 2]
    assert split, "no straddling item became two parts"
    feature_ = by_id[result.items[0].id]
    assert feature_["asset_keys"] == "data,thumbnail,metadata"
    assert feature_["datetime"].toString("yyyy-MM-ddTHH:mm:ss") == \
        result.items[0].datetime.strftime("%Y-%m-%dT%H:%M:%S")


def test_a_gzip_page_is_read_whole_and_the_cap_counts_decompressed_bytes(fake):
    import gzip

    body = page([feature(f"g{k}", note="x" * 500) for k in range(400)])
    serve(fake, pages=lambda r: None)
    fake.routes["/search"] = (200, {**JSON, "Content-Encoding": "gzip"}, gzip.compress(body.encode()))
    result = StacClient(fake.url_for("/"), session=Session()).search(StacQuery())
    assert len(result.items) == 400
    assert len(gzip.compress(body.encode())) < 100_000 < len(body)  # a small download, a big page
    with pytest.raises(ResponseError, match="more than 0 MB"):
        StacClient(fake.url_for("/"), session=Session(), max_page_bytes=100_000).search(StacQuery())


def test_a_link_with_a_broken_port_is_an_error_not_a_traceback(fake):
    serve(fake, post=False, pages=lambda r: page([feature("a")], {"rel": "next", "href": "http://127.0.0.1:99999/x"}))
    with pytest.raises(EoOrderError):
        StacClient(fake.url_for("/"), session=Session(), headers={"X-Api-Key": "k"}).search(StacQuery())
    with pytest.raises(EoOrderError):
        StacClient(fake.url_for("/"), session=Session()).search(StacQuery())
