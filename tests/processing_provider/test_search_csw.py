"""eo_order:search_csw run through QGIS Processing against a real pycsw."""

import pytest
from qgis.core import QgsVectorLayer

from tools.pycsw_server import PycswServer
from tools.sample_records import make_record

INSIDE = (-76.2, 45.0, -75.5, 45.4)


@pytest.fixture(scope="module")
def csw(tmp_path_factory):
    records = [make_record(str(100 + i), f"2012-01-{i + 1:02d}", INSIDE, crs="crs84") for i in range(12)]
    records.append(make_record("999", "2014-01-01", INSIDE, crs="crs84"))
    records.append(make_record("555", "2012-01-01", (10, 10, 11, 11), crs="crs84"))
    with PycswServer(records, tmp_path_factory.mktemp("pycsw"), maxrecords=5) as server:
        yield server




def test_search_writes_every_matching_footprint_to_a_geopackage(csw, provider, tmp_path):
    from qgis import processing

    out = tmp_path / "footprints.gpkg"
    result = processing.run("eo_order:search_csw", {
        "CATALOG": csw.url,
        "PROFILE": 2,
        # the Ottawa box given in Web Mercator: the algorithm transforms it to WGS 84
        "EXTENT": "-8499866.5,-8376413.2,5615493.9,5706477.0 [EPSG:3857]",
        "END_DATE": "2013-03-29",
        "MAX_RECORDS": 1000,
        "OUTPUT": str(out),
    })
    layer = QgsVectorLayer(result["OUTPUT"], "out", "ogr")
    assert layer.isValid()
    assert layer.crs().authid() == "EPSG:4326"
    features = list(layer.getFeatures())
    assert sorted(f["record_id"] for f in features) == sorted(str(100 + i) for i in range(12))
    first = next(f for f in features if f["record_id"] == "100")
    assert first["collection_id"] == "Radarsat1"
    assert first["acquired"].toString("yyyy-MM-dd") == "2012-01-01"
    assert first["beam_mode"] == "F2"
    assert first["thumbnail_url"].endswith("collectionId=Radarsat1")
    assert first["catalog"] == csw.url
    box = first.geometry().boundingBox()
    assert (box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum()) == pytest.approx(INSIDE)
    for name in ("record_id", "collection_id", "title", "acquired", "beam_mode", "format",
                 "thumbnail_url", "source_url", "catalog"):
        assert layer.fields().indexOf(name) >= 0, name


def test_bad_dates_fail_with_a_clear_message(csw, provider, tmp_path):
    from qgis import processing
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="start date 2013-03-29 is not before the end date"):
        processing.run("eo_order:search_csw", {
            "CATALOG": csw.url, "PROFILE": 2, "EXTENT": "-77,-75,44,46 [EPSG:4326]",
            "START_DATE": "2013-03-29", "END_DATE": "2013-01-01", "OUTPUT": "memory:"})


def test_unreachable_catalogue_fails_with_a_clear_message(provider):
    from qgis import processing
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="Could not connect to CSW 2.0.2 at http://127.0.0.1:9/csw"):
        processing.run("eo_order:search_csw", {
            "CATALOG": "http://127.0.0.1:9/csw", "PROFILE": 2, "EXTENT": "-77,-75,44,46 [EPSG:4326]",
            "OUTPUT": "memory:"})


def test_rcm_without_credentials_says_what_to_do(provider):
    from qgis import processing
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="needs a username and password"):
        processing.run("eo_order:search_csw", {
            "CATALOG": "http://127.0.0.1:9/csw", "PROFILE": 1, "EXTENT": "-77,-75,44,46 [EPSG:4326]",
            "OUTPUT": "memory:"})


def test_an_extent_across_the_antimeridian_searches_both_sides(provider, tmp_path):
    from lxml import etree
    from qgis import processing

    records = [make_record("4100001", "2012-05-01", (177.0, -19.0, 179.5, -16.0), crs="crs84"),
               make_record("4100002", "2012-05-02", (-179.9, -17.0, -178.5, -16.2), crs="crs84"),
               make_record("4100003", "2012-05-03", (10.0, -19.0, 12.0, -16.0), crs="crs84")]
    with PycswServer(records, tmp_path / "pycsw", maxrecords=10) as server:
        # 170°E…170°W, 25°S…10°S in the Pacific-centred PDC Mercator (EPSG:3832)
        result = processing.run("eo_order:search_csw", {
            "CATALOG": server.url, "PROFILE": 2,
            "EXTENT": "2226389.8159,4452779.6317,-2857692.6112,-1111475.1029 [EPSG:3832]",
            "OUTPUT": str(tmp_path / "fiji.gpkg")})
        sent = etree.fromstring(server.requests[-1])
    layer = QgsVectorLayer(result["OUTPUT"], "out", "ogr")
    assert sorted(f["record_id"] for f in layer.getFeatures()) == ["4100001", "4100002"]
    assert len(sent.findall(".//{http://www.opengis.net/ogc}Or/{http://www.opengis.net/ogc}BBOX")) == 2


def test_max_records_beyond_the_limit_is_a_clear_message(provider):
    from qgis import processing
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="MAX_RECORDS is 99999999999: one search can ask for at most"):
        processing.run("eo_order:search_csw", {"EXTENT": "0,1,0,1 [EPSG:4326]", "MAX_RECORDS": 99999999999,
                                               "CATALOG": "http://127.0.0.1:9/csw", "OUTPUT": "memory:"})
    with pytest.raises(QgsProcessingException, match="MAX_RECORDS must be at least 1"):
        processing.run("eo_order:search_csw", {"EXTENT": "0,1,0,1 [EPSG:4326]", "MAX_RECORDS": 0,
                                               "CATALOG": "http://127.0.0.1:9/csw", "OUTPUT": "memory:"})
