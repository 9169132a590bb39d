"""eo_order:search_stac run through QGIS Processing against a real STAC API (rustac serve)."""

import csv
import datetime as dt

import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsProcessingException, QgsProject, QgsVectorLayer
from shapely.geometry import box, shape

from tests.servers.stac import RustacServer, generate_items


@pytest.fixture(scope="module")
def generated():
    return generate_items(300)


@pytest.fixture(scope="module")
def rustac(tmp_path_factory, generated):
    with RustacServer(tmp_path_factory.mktemp("rustac"), generated) as server:
        yield server


def run(params):
    from qgis import processing

    return processing.run("eo_order:search_stac", params)


def expected(generated, area, collections, start, end, max_cloud=None):
    """The generated items the search must return, computed independently (shapely, plain comparisons)."""
    out = {}
    for item in generated:
        when = dt.datetime.fromisoformat(item["properties"]["datetime"].replace("Z", "+00:00"))
        cloud = item["properties"].get("eo:cloud_cover")
        if item["collection"] in collections and shape(item["geometry"]).intersects(area) and start <= when < end \
                and (max_cloud is None or cloud is not None and cloud <= max_cloud):
            out[item["id"]] = item
    return out


def read_log(path):
    with open(path, encoding="utf-8", newline="") as handle:
        lines = handle.read().splitlines()
    header = dict(line[2:].split(": ", 1) for line in lines if line.startswith("# ") and ": " in line)
    rows = list(csv.DictReader(line for line in lines if not line.startswith("#")))
    return header, rows


def test_a_box_search_writes_exactly_the_matching_items_and_the_item_log(provider, rustac, generated, tmp_path):
    area = (-90.5, -40.5, 60.5, 50.5)
    start, end = dt.datetime(2024, 1, 10, tzinfo=dt.timezone.utc), dt.datetime(2024, 4, 1, tzinfo=dt.timezone.utc)
    want = expected(generated, box(*area), {"sentinel-2-l2a", "landsat-c2-l2"}, start, end, max_cloud=40)
    assert len(want) > 5
    log = tmp_path / "items.csv"
    result = run({"URL": rustac.url, "COLLECTIONS": "sentinel-2-l2a, landsat-c2-l2",
                  "EXTENT": "-90.5,60.5,-40.5,50.5 [EPSG:4326]", "START_DATE": "2024-01-10", "END_DATE": "2024-04-01",
                  "MAX_CLOUD": 40, "MAX_RECORDS": 1000, "OUTPUT": str(tmp_path / "items.gpkg"),
                  "OUTPUT_LOG": str(log)})
    layer = QgsVectorLayer(result["OUTPUT"], "out", "ogr")
    features = {f["item_id"]: f for f in layer.getFeatures()}
    assert set(features) == set(want)
    some_id, item = next(iter(want.items()))
    feature = features[some_id]
    assert feature["collection"] == item["collection"]
    assert feature["cloud_cover"] == pytest.approx(item["properties"]["eo:cloud_cover"])
    assert feature["asset_keys"] == ",".join(item["assets"])
    assert feature["self_link"].endswith(f"/items/{some_id}")
    assert shape(item["geometry"]).intersects(box(*area)) and not feature.geometry().isEmpty()
    del layer, features, feature

    header, rows = read_log(result["OUTPUT_LOG"])
    assert result["OUTPUT_LOG"] == str(log)
    assert header["CloudFilter"] == "client side"  # rustac's memory backend has neither filter nor query
    assert header["Collections"] == "sentinel-2-l2a,landsat-c2-l2" and header["MaxCloud"] == "40"
    assert header["StartTime"] == "2024-01-10T00:00:00.000" and header["Catalogue"] == rustac.url
    assert list(rows[0]) == ["Id", "Collection", "Datetime", "Cloud", "Assets", "SelfLink"]
    assert {row["Id"] for row in rows} == set(want)
    row = next(r for r in rows if r["Id"] == some_id)
    assert row["Assets"] == " ".join(item["assets"]) and row["SelfLink"].endswith(f"/items/{some_id}")
    assert float(row["Cloud"]) == pytest.approx(item["properties"]["eo:cloud_cover"])


def test_an_aoi_polygon_overrides_the_extent(provider, rustac, generated, tmp_path):
    ring = [(-100.5, -40.5), (20.5, -10.5), (-10.5, 50.5), (-120.5, 30.5), (-100.5, -40.5)]
    aoi = QgsVectorLayer("Polygon?crs=EPSG:4326", "aoi", "memory")
    feature = QgsFeature()
    feature.setGeometry(QgsGeometry.fromWkt("POLYGON((" + ",".join(f"{x} {y}" for x, y in ring) + "))"))
    aoi.dataProvider().addFeatures([feature])
    QgsProject.instance().addMapLayer(aoi)
    try:
        result = run({"URL": rustac.url, "COLLECTIONS": "sentinel-1-grd", "AOI": aoi.id(),
                      "EXTENT": "10,11,10,11 [EPSG:4326]", "START_DATE": "2024-01-01", "END_DATE": "2025-01-01",
                      "OUTPUT": "memory:"})
    finally:
        QgsProject.instance().removeMapLayer(aoi.id())
    want = expected(generated, shape({"type": "Polygon", "coordinates": [ring]}), {"sentinel-1-grd"},
                    dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc), dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc))
    assert len(want) > 3
    assert {f["item_id"] for f in result["OUTPUT"].getFeatures()} == set(want)
    header, _rows = read_log(result["OUTPUT_LOG"])
    assert header["CloudFilter"] == "none" and header["Area"].startswith('{"type":"Polygon"')


def test_without_an_area_nothing_is_asked_and_the_message_says_what_to_give(provider, rustac):
    with pytest.raises(QgsProcessingException, match=r"Give a search extent \(EXTENT\) or an area-of-interest layer "
                                                     r"\(AOI\): one of the two is required"):
        run({"URL": rustac.url, "OUTPUT": "memory:"})


def test_an_unreachable_api_is_a_clear_message(provider):
    with pytest.raises(QgsProcessingException, match="Could not connect to .*127.0.0.1:9"):
        run({"URL": "http://127.0.0.1:9/", "EXTENT": "0,1,0,1 [EPSG:4326]", "OUTPUT": "memory:"})
