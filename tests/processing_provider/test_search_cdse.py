"""eo_order:search_cdse through QGIS Processing against the local OData fake."""

import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsProcessingException, QgsProject, QgsVectorLayer

from eo_order.core.querylog import read_query_log
from tests.servers.cdse import CdseServer, make_products

ALPS = ((5.9, 45.8), (10.5, 45.8), (10.5, 47.8), (5.9, 47.8), (5.9, 45.8))
FAR = ((-60, -10), (-59, -10), (-59, -9), (-60, -9), (-60, -10))


@pytest.fixture(scope="module")
def odata():
    products = (make_products(6, start="2022-05-02T00:00:00Z", cloud=[10, 80], tag="a")
                + make_products(3, start="2022-05-02T00:00:00Z", footprint=FAR, cloud=5, tag="b")
                + make_products(2, collection="SENTINEL-1", start="2022-05-02T00:00:00Z", tag="c"))
    with CdseServer(products) as server:
        yield server


def run(params):
    from qgis import processing

    return processing.run("eo_order:search_cdse", params)


def test_search_by_extent_writes_footprints_and_the_query_log(odata, provider, tmp_path):
    log = tmp_path / "query.log"
    result = run({"COLLECTION": 1, "EXTENT": "6,10,46,47 [EPSG:4326]", "START_DATE": "2022-05-01",
                  "END_DATE": "2022-05-03", "MAX_CLOUD": 50, "ODATA_URL": odata.url,
                  "OUTPUT": str(tmp_path / "p.gpkg"), "OUTPUT_LOG": str(log)})
    layer = QgsVectorLayer(result["OUTPUT"], "p", "ogr")
    names = sorted(f["name"] for f in layer.getFeatures())
    assert len(names) == 3  # cloud 10 (3 of the 6 Alpine products), not 80, not the far ones, not S1
    assert all(f["cloud_cover"] == 10 and f["downloaded"] in (False, 0) for f in layer.getFeatures())
    assert all(f["collection"] == "SENTINEL-2" and len(f["checksum_md5"]) == 32 for f in layer.getFeatures())
    header, rows = read_query_log(result["OUTPUT_LOG"])
    assert header["Collection"] == "SENTINEL-2" and header["MaxCloud"] in ("50", "50.0", "50.00")
    assert sorted(r["Name"] for r in rows) == names
    assert list(rows[0]) == ["Id", "Name", "Checksum", "Online", "Downloaded"]


def test_aoi_polygon_overrides_the_extent(odata, provider, tmp_path, qgis_new_project):
    aoi = QgsVectorLayer("Polygon?crs=EPSG:3857", "aoi", "memory")
    feature = QgsFeature()
    feature.setGeometry(QgsGeometry.fromWkt(  # around (-59.5, -9.5) in Web Mercator
        "POLYGON((-6634000 -1068000, -6578000 -1068000, -6578000 -1006000, -6634000 -1006000, -6634000 -1068000))"))
    aoi.dataProvider().addFeatures([feature])
    QgsProject.instance().addMapLayer(aoi)
    result = run({"COLLECTION": 1, "AOI": aoi, "EXTENT": "6,10,46,47 [EPSG:4326]", "START_DATE": "2022-05-01",
                  "END_DATE": "2022-05-03", "ODATA_URL": odata.url, "OUTPUT": "memory:",
                  "OUTPUT_LOG": str(tmp_path / "q.log")})
    assert result["OUTPUT"].featureCount() == 3
    assert odata.queries()[-1]  # the fake recorded the request


def test_reversed_dates_fail_clearly(odata, provider):
    with pytest.raises(QgsProcessingException, match="is not before the end date"):
        run({"COLLECTION": 1, "EXTENT": "6,10,46,47 [EPSG:4326]", "START_DATE": "2022-05-03",
             "END_DATE": "2022-05-01", "ODATA_URL": odata.url, "OUTPUT": "memory:"})


def test_products_without_a_footprint_are_kept_and_counted_in_the_log(provider, tmp_path):
    import json

    from qgis import processing
    from qgis.core import QgsProcessingFeedback

    class Feedback(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.said = []

        def pushInfo(self, text):  # noqa: N802 - QGIS' name
            self.said.append(text)

        def pushWarning(self, text):  # noqa: N802 - QGIS' name
            self.said.append(text)

    products = make_products(12, start="2022-05-02T00:00:00Z", tag="nofp")
    for index in (2, 9):
        products[index]["Footprint"], products[index]["GeoFootprint"] = "", None
    page = json.dumps({"value": [{k: v for k, v in p.items() if not k.startswith("_")} for p in products]})
    feedback = Feedback()
    with CdseServer() as server:
        server.faults.append((200, {"Content-Type": "application/json"}, page))
        result = processing.run("eo_order:search_cdse", {
            "COLLECTION": 1, "EXTENT": "6,10,46,47 [EPSG:4326]", "START_DATE": "2022-05-01",
            "END_DATE": "2022-05-03", "ODATA_URL": server.url, "OUTPUT": str(tmp_path / "p.gpkg"),
            "OUTPUT_LOG": str(tmp_path / "q.log")}, feedback=feedback)
    layer = QgsVectorLayer(result["OUTPUT"], "p", "ogr")
    assert layer.featureCount() == 12
    # GeoPackage gives an empty geometry back for a feature written without one
    assert sum(f.geometry().isNull() or f.geometry().isEmpty() for f in layer.getFeatures()) == 2
    assert any(s.startswith("12 products, 2 without a footprint") for s in feedback.said), feedback.said
