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


SVALBARD = ((15.0, 78.0), (20.0, 78.0), (20.0, 80.0), (15.0, 80.0), (15.0, 78.0))


@pytest.fixture(scope="module")
def world(qgis_app):
    products = (make_products(2, start="2022-05-02T00:00:00Z", tag="alps")
                + make_products(2, start="2022-05-02T00:00:00Z", footprint=FAR, tag="far")
                + make_products(2, start="2022-05-02T00:00:00Z", footprint=SVALBARD, tag="arctic"))
    with CdseServer(products) as server:
        yield server


@pytest.mark.parametrize("extent, found", [
    ("-25000000,25000000,-20000000,20000000 [EPSG:3857]", 6),  # a zoomed-out world view: everything
    ("-40000000,40000000,-40000000,40000000 [EPSG:3857]", 6),  # was a 1.3° strip: nothing
    ("-3000000,3000000,-3000000,3000000 [EPSG:3413]", 2),  # around the North Pole: was a TypeError
])
def test_an_extent_in_any_crs_searches_the_area_it_shows(world, provider, tmp_path, extent, found):
    result = run({"COLLECTION": 1, "EXTENT": extent, "START_DATE": "2022-05-01", "END_DATE": "2022-05-03",
                  "ODATA_URL": world.url, "OUTPUT": "memory:", "OUTPUT_LOG": str(tmp_path / "q.log")})
    names = [f["name"] for f in result["OUTPUT"].getFeatures()]
    assert len(names) == found


def test_max_records_beyond_the_limit_is_a_clear_message(odata, provider):
    before = len(odata.recorded)
    with pytest.raises(QgsProcessingException, match="MAX_RECORDS is 99999999999: one search can ask for at most "
                                                     "1000000 records"):
        run({"COLLECTION": 1, "EXTENT": "6,10,46,47 [EPSG:4326]", "START_DATE": "2022-05-01",
             "END_DATE": "2022-05-03", "MAX_RECORDS": 99999999999, "ODATA_URL": odata.url, "OUTPUT": "memory:"})
    assert len(odata.recorded) == before


@pytest.mark.parametrize("where", ["read-only", "under a file"])
def test_an_unwritable_query_log_folder_is_said_before_searching(odata, provider, tmp_path, where):
    from tests.disks import read_only_folder

    before = len(odata.recorded)
    params = {"COLLECTION": 1, "EXTENT": "6,10,46,47 [EPSG:4326]", "START_DATE": "2022-05-01",
              "END_DATE": "2022-05-03", "ODATA_URL": odata.url, "OUTPUT": "memory:"}
    if where == "under a file":
        (tmp_path / "plain.txt").write_text("a file, not a folder")
        log = tmp_path / "plain.txt" / "logs" / "q.log"
        with pytest.raises(QgsProcessingException, match=r"The query log cannot be written to .*q\.log: the folder "
                                                         r".*logs is not writable \(Not a directory\)"):
            run({**params, "OUTPUT_LOG": str(log)})
    else:
        with read_only_folder(tmp_path / "ro") as folder:
            with pytest.raises(QgsProcessingException, match="is not writable"):
                run({**params, "OUTPUT_LOG": str(folder / "q.log")})
    assert len(odata.recorded) == before  # nothing was searched


def test_a_full_disk_while_writing_the_query_log_is_a_clear_error_and_the_old_log_stays(odata, provider, tmp_path):
    from tests.disks import fill, small_disk

    with small_disk(tmp_path / "disk") as folder:
        log = folder / "q.log"
        log.write_text("# the previous log\nId,Name,Checksum,Online,Downloaded\n")
        fill(folder)
        with pytest.raises(QgsProcessingException, match=r"The query log could not be written to .*q\.log \(No space "
                                                         r"left on device\): is the disk full\? 9 products were found"):
            run({"COLLECTION": 1, "EXTENT": "-180,180,-90,90 [EPSG:4326]", "START_DATE": "2022-05-01",
                 "END_DATE": "2022-05-03", "ODATA_URL": odata.url, "OUTPUT": "memory:", "OUTPUT_LOG": str(log)})
        assert log.read_text() == "# the previous log\nId,Name,Checksum,Online,Downloaded\n"
        assert sorted(p.name for p in folder.iterdir()) == ["filler", "q.log"]


def test_the_extent_or_the_aoi_is_required_and_said_so(provider):
    from qgis.core import QgsApplication, QgsProcessingContext

    algorithm = QgsApplication.processingRegistry().createAlgorithmById("eo_order:search_cdse")
    assert "required unless an AOI layer is given" in algorithm.parameterDefinition("EXTENT").description()
    assert "required unless an extent is given" in algorithm.parameterDefinition("AOI").description()
    assert "Required: the extent or the AOI layer (one of the two)." in algorithm.shortHelpString()
    ok, message = algorithm.checkParameterValues({"START_DATE": "2024-01-01", "END_DATE": "2024-02-01",
                                                  "OUTPUT": "memory:"}, QgsProcessingContext())
    assert (ok, message) == (False, "Give a search extent (EXTENT) or an area-of-interest layer (AOI): one of the "
                                    "two is required.")
