"""Quicklooks: thumbnails served on a loopback server, cached on disk, warped onto their footprints
(real GDAL), fetched in batches on a QgsTask, and added to the layer tree next to the footprints."""

import os

import numpy as np
import pytest
from osgeo import gdal
from qgis.core import QgsApplication, QgsGeometry, QgsLayerTreeGroup, QgsProject, QgsRectangle, QgsVectorLayer

from eo_order.core.errors import HttpError, ResponseError
from eo_order.core.footprints import features_from_records, footprint_layer
from eo_order.core.http import new_session
from eo_order.core.models import Record
from eo_order.core.quicklook import (
    QuicklookCache,
    QuicklookTask,
    add_quicklook_layers,
    fetch_image,
    footprint_corners,
    georeference,
    quicklook_items,
)
from tests.conftest import wait_for
from tests.servers.canned import CannedServer
from tools.pycsw_server import png_bytes, radar_thumbnail

# The colours of the test image's four quadrants, clockwise from the top-left.
CORNER_COLOURS = ((230, 20, 20), (20, 200, 20), (20, 20, 230), (240, 220, 20))
BOX = (-76.0, 45.0, -75.5, 45.4)
# A quadrilateral like a Sentinel-1 footprint: no side is north-south or east-west.
QUAD = ((-75.9, 45.62), (-74.7, 45.78), (-74.62, 45.1), (-75.78, 44.95))  # TL, TR, BR, BL


def quadrant_png(width=80, height=60):
    """A PNG whose four quadrants have the CORNER_COLOURS (TL, TR, BR, BL)."""
    data = np.zeros((3, height, width), np.uint8)
    top, bottom = slice(0, height // 2), slice(height // 2, height)
    left, right = slice(0, width // 2), slice(width // 2, width)
    halves = ((top, left), (top, right), (bottom, right), (bottom, left))
    for (rows, cols), colour in zip(halves, CORNER_COLOURS):
        for band, value in enumerate(colour):
            data[band][rows, cols] = value
    mem = gdal.GetDriverByName("MEM").Create("", width, height, 3, gdal.GDT_Byte)
    for band in range(3):
        mem.GetRasterBand(band + 1).WriteArray(data[band])
    return png_bytes(mem)


PNG = quadrant_png()
PNG_HEADERS = {"Content-Type": "image/png"}
HTML = b"<!DOCTYPE html><html><head><title>EODMS is down for maintenance</title></head><body>Back soon</body></html>"


@pytest.fixture
def server():
    routes = {
        "/thumb/a.png": (200, PNG_HEADERS, PNG),
        "/thumb/b.png": (200, PNG_HEADERS, radar_thumbnail("b")),
        "/thumb/c.png": (200, PNG_HEADERS, radar_thumbnail("c")),
        "/thumb/maintenance": (200, {"Content-Type": "text/html"}, HTML),
        "/thumb/json": (200, {"Content-Type": "application/json"}, b'{"detail": "Asset not found"}'),
    }
    with CannedServer(routes) as canned:
        yield canned


@pytest.fixture
def cache(tmp_path):
    return QuicklookCache(tmp_path / "quicklooks", cap_bytes=10 * 1024 * 1024)


def box_wkt(west, south, east, north):
    return QgsGeometry.fromRect(QgsRectangle(west, south, east, north)).asWkt()


def quad_wkt(points):
    return "POLYGON((" + ", ".join(f"{x} {y}" for x, y in points + points[:1]) + "))"


def pixel_at(dataset, lon, lat):
    """The band values of ``dataset`` (north-up) at a map position."""
    x0, dx, _, y0, _, dy = dataset.GetGeoTransform()
    col, row = int((lon - x0) / dx), int((lat - y0) / dy)
    assert 0 <= col < dataset.RasterXSize and 0 <= row < dataset.RasterYSize, (lon, lat)
    return tuple(int(dataset.GetRasterBand(b + 1).ReadAsArray(col, row, 1, 1)[0, 0])
                 for b in range(dataset.RasterCount))


def towards(point, centre, fraction):
    return (point[0] + (centre[0] - point[0]) * fraction, point[1] + (centre[1] - point[1]) * fraction)


def cache_files(cache):
    return sorted(os.listdir(cache.folder)) if os.path.isdir(cache.folder) else []


# --- georeferencing ----------------------------------------------------------------------------


def test_a_box_footprint_gives_a_raster_covering_exactly_the_box(tmp_path, qgis_app):
    image = tmp_path / "a.png"
    image.write_bytes(PNG)
    out = georeference(image, QgsGeometry.fromWkt(box_wkt(*BOX)), tmp_path / "a.tif")
    dataset = gdal.Open(str(out))
    x0, dx, _, y0, _, dy = dataset.GetGeoTransform()
    west, north = x0, y0
    east, south = x0 + dx * dataset.RasterXSize, y0 + dy * dataset.RasterYSize
    for got, want, step in ((west, BOX[0], dx), (south, BOX[1], -dy), (east, BOX[2], dx), (north, BOX[3], -dy)):
        assert abs(got - want) <= step / 2, (got, want)
    assert dataset.GetSpatialRef().GetAuthorityCode(None) == "4326"
    assert dataset.GetRasterBand(dataset.RasterCount).GetColorInterpretation() == gdal.GCI_AlphaBand
    # North-up: the image's top-left quadrant is in the box's north-west.
    assert pixel_at(dataset, BOX[0] + 0.02, BOX[3] - 0.02) == (*CORNER_COLOURS[0], 255)
    assert pixel_at(dataset, BOX[2] - 0.02, BOX[1] + 0.02) == (*CORNER_COLOURS[2], 255)
    assert not list(tmp_path.glob("*.part"))


def test_a_rotated_quadrilateral_gets_each_image_corner_on_its_footprint_corner(tmp_path, qgis_app):
    image = tmp_path / "a.png"
    image.write_bytes(PNG)
    out = georeference(image, quad_wkt(list(QUAD)), tmp_path / "quad.tif")
    dataset = gdal.Open(str(out))
    centre = (sum(x for x, _ in QUAD) / 4, sum(y for _, y in QUAD) / 4)
    for corner, colour in zip(QUAD, CORNER_COLOURS):
        *rgb, alpha = pixel_at(dataset, *towards(corner, centre, 0.06))
        assert alpha == 255, corner
        assert max(abs(a - b) for a, b in zip(rgb, colour)) <= 40, (corner, rgb, colour)
    # Outside the quadrilateral but inside the raster's extent: transparent.
    x0, dx, _, y0, _, dy = dataset.GetGeoTransform()
    east, south = x0 + dx * dataset.RasterXSize, y0 + dy * dataset.RasterYSize
    for lon, lat in ((x0 + dx, y0 + dy), (east - dx, y0 + dy), (east - dx, south - dy), (x0 + dx, south - dy)):
        assert pixel_at(dataset, lon, lat)[-1] == 0, (lon, lat)


def test_corners_start_north_west_and_go_clockwise(qgis_app):
    assert footprint_corners(box_wkt(*BOX)) == [(-76.0, 45.4), (-75.5, 45.4), (-75.5, 45.0), (-76.0, 45.0)]
    # Listed counter-clockwise from another corner, with a vertex in the middle of a side.
    ccw = [QUAD[2], QUAD[1], ((QUAD[1][0] + QUAD[0][0]) / 2, (QUAD[1][1] + QUAD[0][1]) / 2), QUAD[0], QUAD[3]]
    assert footprint_corners(quad_wkt(ccw)) == [pytest.approx(p) for p in QUAD]


def test_a_footprint_with_more_corners_uses_its_oriented_bounding_rectangle(qgis_app):
    hexagon = [(0, 0), (2, 0), (3, 1), (2, 2), (0, 2), (-0.5, 1)]
    corners = footprint_corners(quad_wkt(hexagon))
    assert [pytest.approx(p, abs=1e-9) for p in corners] == [(-0.5, 2), (3, 2), (3, 0), (-0.5, 0)]


def test_a_footprint_without_area_is_a_clear_error(tmp_path, qgis_app):
    with pytest.raises(Exception, match="not a polygon"):
        footprint_corners("LINESTRING(0 0, 1 1)")


def test_an_unreadable_image_is_a_clear_error_and_leaves_nothing(tmp_path, qgis_app):
    image = tmp_path / "broken.png"
    image.write_bytes(PNG[:40])
    with pytest.raises(ResponseError, match="broken.png"):
        georeference(image, box_wkt(*BOX), tmp_path / "broken.tif")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.png"]


# --- fetching and the cache --------------------------------------------------------------------


def test_a_cached_image_is_not_fetched_again(server, cache):
    url = server.url_for("/thumb/a.png")
    session = new_session()
    first = fetch_image(session, url, cache)
    second = fetch_image(session, url, cache)
    assert first == second and open(first, "rb").read() == PNG and first.endswith(".png")
    assert [r.path for r in server.requests] == ["/thumb/a.png"]
    assert QuicklookCache(cache.folder).get(url) == first  # on disk: a new session (QGIS restart) finds it


def test_an_html_page_is_a_clear_error_and_nothing_is_cached(server, cache):
    url = server.url_for("/thumb/maintenance")
    with pytest.raises(ResponseError) as caught:
        fetch_image(new_session(), url, cache)
    text = str(caught.value)
    assert url in text and "HTML page" in text and "EODMS is down for maintenance" in text
    assert cache_files(cache) == []


def test_a_json_error_body_is_not_an_image(server, cache):
    url = server.url_for("/thumb/json")
    with pytest.raises(ResponseError, match="not a PNG, JPEG, GIF or TIFF image.*Asset not found"):
        fetch_image(new_session(), url, cache)
    assert cache_files(cache) == []


def test_http_errors_name_the_url(server, cache):
    url = server.url_for("/thumb/gone.png")
    with pytest.raises(HttpError, match="404") as caught:
        fetch_image(new_session(), url, cache)
    assert url in str(caught.value) and cache_files(cache) == []


def test_eviction_keeps_the_cache_under_its_cap_least_recently_used_first(tmp_path):
    cache = QuicklookCache(tmp_path / "q", cap_bytes=2500)
    images = {name: b"\x89PNG\r\n\x1a\n" + bytes([i]) * 992 for i, name in enumerate("abcd")}  # 1000 bytes each
    paths = {}
    for age, name in enumerate("ab"):
        paths[name] = cache.put(f"http://thumbs/{name}", images[name])
        os.utime(paths[name], (1_000_000 + age, 1_000_000 + age))  # a older than b
    assert cache.get("http://thumbs/a") == paths["a"]  # a hit makes a the most recently used
    paths["c"] = cache.put("http://thumbs/c", images["c"])
    assert cache.get("http://thumbs/b") is None  # the least recently used went
    assert cache.get("http://thumbs/a") == paths["a"] and cache.get("http://thumbs/c") == paths["c"]
    assert cache.size() <= 2500
    cache.put("http://thumbs/d", images["d"])
    assert cache.size() <= 2500 and len(cache_files(cache)) == 2


def test_a_single_file_larger_than_the_cap_is_kept_while_in_use(tmp_path):
    cache = QuicklookCache(tmp_path / "q", cap_bytes=10)
    path = cache.put("http://thumbs/big", PNG)
    assert os.path.isfile(path)
    with pytest.raises(ResponseError, match="not a PNG"):
        cache.put("http://thumbs/text", b"hello")


# --- the task ----------------------------------------------------------------------------------


def run_task(task):
    finished = []
    task.done.connect(lambda result, error: finished.append((result, error)))
    QgsApplication.taskManager().addTask(task)
    wait_for(lambda: finished)
    return finished[0]


def test_a_batch_with_a_missing_thumbnail_shows_the_others_and_says_which_failed(server, cache, qgis_app):
    items = [("A", server.url_for("/thumb/a.png"), box_wkt(*BOX)),
             ("B", server.url_for("/thumb/missing.png"), box_wkt(-75, 45, -74.5, 45.4)),
             ("C", server.url_for("/thumb/c.png"), quad_wkt(list(QUAD)))]
    task = QuicklookTask(items, cache)
    results, error = run_task(task)
    assert error == ""
    assert [r.name for r in results] == ["A", "C"] and all(os.path.isfile(r.path) for r in results)
    [message] = task.messages
    assert message.startswith("B: ") and "404" in message and "missing.png" in message
    assert [gdal.Open(r.path).RasterCount for r in results] == [4, 2]  # RGB + alpha, grey + alpha

    # Shown again: everything from the cache, no request.
    count = len(server.requests)
    again = QuicklookTask(items[:1] + items[2:], cache)
    results_again, _ = run_task(again)
    assert results_again == results and len(server.requests) == count and again.messages == []


def test_a_cancelled_task_keeps_what_it_fetched_and_stops_the_image_on_its_way(server, cache, qgis_app):
    import time

    server.routes["/thumb/slow.png"] = (200, PNG_HEADERS, PNG, 60.0)
    items = [(name, server.url_for(f"/thumb/{name}.png"), box_wkt(*BOX)) for name in ("a", "slow", "c")]
    task = QuicklookTask(items, cache)
    finished = []
    task.done.connect(lambda result, error: finished.append((result, error)))
    QgsApplication.taskManager().addTask(task)
    wait_for(lambda: len(server.requests) == 2)
    task.cancel()  # while the second image is on its way (the server is silent for a minute)
    cancelled_at = time.monotonic()
    wait_for(lambda: finished)
    assert time.monotonic() - cancelled_at < 1.5
    [(results, error)] = finished
    assert error == "" and [r.name for r in results] == ["a"]
    assert [r.path for r in server.requests] == ["/thumb/a.png", "/thumb/slow.png"]


# --- layers ------------------------------------------------------------------------------------


@pytest.fixture
def footprints(qgis_new_project, server):
    records = [Record(rid, title="Radarsat-1", date="2013-02-21", bbox=box, collection_id="Radarsat1",
                      references={"THUMBVIEW": [server.url_for(f"/thumb/{rid}.png")]} if rid != "c" else {})
               for rid, box in (("a", BOX), ("b", (-75, 45, -74.5, 45.4)), ("c", (-74, 45, -73.5, 45.4)))]
    layer = footprint_layer("EODMS catalogue · 3 scenes", features_from_records(records, "test"))
    QgsProject.instance().addMapLayer(layer)
    return layer


def warped(cache, server, layer, names):
    items, _missing = quicklook_items(layer, [f for f in layer.getFeatures() if f["record_id"] in names])
    results, _error = run_task(QuicklookTask(items, cache))
    return results


def test_layers_go_into_a_group_named_after_the_footprints_just_below_them(footprints, cache, server):
    project = QgsProject.instance()
    root = project.layerTreeRoot()
    # Below the footprints (which stay drawn on top of the images), above the rest.
    project.addMapLayer(QgsVectorLayer("Point?crs=EPSG:4326", "not a quicklook", "memory"))
    root.insertLayer(len(root.children()), project.mapLayersByName("not a quicklook")[0])
    root.removeChildNode(root.children()[0])
    results = warped(cache, server, footprints, {"a", "b"})
    layers = add_quicklook_layers(project, footprints, results)
    assert [la.name() for la in layers] == ["2013-02-21 · Radarsat1 · a", "2013-02-21 · Radarsat1 · b"]
    assert all(la.isValid() for la in layers)
    assert [la.crs().authid() for la in layers] == ["EPSG:4326", "EPSG:4326"]
    names = [child.name() for child in root.children()]
    assert names == ["EODMS catalogue · 3 scenes", "EODMS catalogue · 3 scenes", "not a quicklook"]
    assert root.children()[0].layerId() == footprints.id()
    group = root.children()[1]
    assert isinstance(group, QgsLayerTreeGroup)
    assert [child.layerId() for child in group.children()] == [la.id() for la in layers]
    assert root.findLayer(layers[0].id()).isVisible()

    # Shown again: the same layers, no duplicate layer or group.
    again = add_quicklook_layers(project, footprints, warped(cache, server, footprints, {"a", "b"}))
    assert [la.id() for la in again] == [la.id() for la in layers]
    assert len([child for child in root.children() if isinstance(child, QgsLayerTreeGroup)]) == 1
    assert len(project.mapLayersByName("2013-02-21 · Radarsat1 · a")) == 1


def test_in_a_group_the_quicklooks_are_a_subgroup_below_the_footprints(footprints, cache, server):
    project = QgsProject.instance()
    root = project.layerTreeRoot()
    search = root.insertGroup(0, "My searches")
    search.addLayer(footprints)
    root.removeLayer(footprints)
    layers = add_quicklook_layers(project, footprints, warped(cache, server, footprints, {"a"}))
    [footprint_node, subgroup] = search.children()
    assert subgroup.name() == "Quicklooks" and footprint_node.layerId() == footprints.id()
    assert [child.layerId() for child in subgroup.children()] == [layers[0].id()]


def test_a_record_on_a_new_footprint_replaces_its_old_quicklook(footprints, cache, server):
    project = QgsProject.instance()
    url = server.url_for("/thumb/a.png")
    [old] = add_quicklook_layers(project, footprints, run_task(QuicklookTask([("a", url, box_wkt(*BOX))], cache))[0])
    moved = run_task(QuicklookTask([("a", url, quad_wkt(list(QUAD)))], cache))[0]
    old_id = old.id()
    [new] = add_quicklook_layers(project, footprints, moved)
    assert new.id() != old_id and project.mapLayer(old_id) is None
    assert len(project.mapLayersByName("2013-02-21 · Radarsat1 · a")) == 1


def test_items_come_from_the_thumbnail_field_and_count_records_without_one(footprints):
    items, missing = quicklook_items(footprints, list(footprints.getFeatures()))
    assert [item.name for item in items] == ["a", "b"] and missing == 1
    assert items[0].url.endswith("/thumb/a.png")
    assert QgsGeometry.fromWkt(items[0].footprint_wkt).boundingBox() == QgsRectangle(*BOX)


# --- hostile images: bounded memory and time ---------------------------------------------------

_DECODE_CHILD = """
import importlib.util, resource, sys
from pathlib import Path

resource.setrlimit(resource.RLIMIT_AS, (int(sys.argv[2]), int(sys.argv[2])))
spec = importlib.util.spec_from_file_location("eo_order", Path(sys.argv[1]) / "__init__.py",
                                              submodule_search_locations=[sys.argv[1]])
module = importlib.util.module_from_spec(spec)
sys.modules["eo_order"] = module
spec.loader.exec_module(module)
sys.path.insert(0, sys.argv[1])
from eo_order.core.errors import ResponseError
from eo_order.core.quicklook import decode_thumbnail
from tests.images import png

try:
    decode_thumbnail(png(30000, 30000, rows=64), "http://127.0.0.1/bomb.png")
    print("decoded")
except ResponseError as exc:
    print(exc)
image = decode_thumbnail(png(4000, 3000, color_type=2), "http://127.0.0.1/big.png")
print(image.width(), image.height())
"""


def test_a_png_announcing_30000_squared_pixels_is_refused_before_decoding_under_a_memory_limit(tmp_path):
    import subprocess
    import sys

    from tests.conftest import ROOT

    limit = 1536 << 20  # QGIS' libraries map a lot; the bomb alone would need 3.6 GB
    child = subprocess.run([sys.executable, "-c", _DECODE_CHILD, str(ROOT), str(limit)], capture_output=True,
                           timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert child.returncode == 0, child.stderr.decode()[-2000:]
    refused, scaled = child.stdout.decode().splitlines()[-2:]
    assert refused == ("The quicklook at http://127.0.0.1/bomb.png is 30000 × 30000 pixels: far too large for a "
                       "thumbnail (at most 25 megapixels), so it was not decoded.")
    assert scaled == "267 200"  # a large but sane image is decoded at the size shown


def test_a_quicklook_announcing_huge_dimensions_is_refused_and_not_cached(server, cache, qgis_app):
    from tests.images import png

    server.routes["/thumb/bomb.png"] = (200, PNG_HEADERS, png(30000, 30000, rows=64))
    task = QuicklookTask([("bomb", server.url_for("/thumb/bomb.png"), box_wkt(*BOX))], cache)
    results, error = run_task(task)
    assert results == [] and error == ""
    [message] = task.messages
    assert "is 30000 × 30000 pixels: far too large for a thumbnail" in message
    assert cache.size() == 0


def test_the_warp_is_bounded_and_cancellable(tmp_path, qgis_app):
    from eo_order.core.errors import Cancelled
    from tests.images import png

    big = tmp_path / "big.png"
    big.write_bytes(png(6000, 4000, color_type=0))
    out = georeference(big, box_wkt(*BOX), tmp_path / "big.tif")
    warped = gdal.Open(out)
    assert max(warped.RasterXSize, warped.RasterYSize) <= 2 * 2048  # warped from 2048 × 1365, not 6000 × 4000
    warped = None

    with pytest.raises(Cancelled):
        georeference(big, box_wkt(*BOX), tmp_path / "cancelled.tif", cancelled=lambda: True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.png", "big.tif"]  # no part, no output

    calls = []

    def cancel_while_warping():
        calls.append(1)
        return len(calls) > 1  # false for the check before the warp, true inside GDAL's progress callback

    with pytest.raises(Cancelled):
        georeference(big, box_wkt(*BOX), tmp_path / "cancelled.tif", cancelled=cancel_while_warping)
    assert len(calls) >= 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.png", "big.tif"]
