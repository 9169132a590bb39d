"""CSW replies shaped like what real servers send (tests/data/csw/: GeoNetwork DC full and brief,
GeoServer, pycsw DC, an INSPIRE ISO 19139 page, mixed schemas, boxes anywhere on Earth, replies
that are not GetRecords results), searched through CswClient from a loopback server and turned
into the layer the user gets."""

import math
from pathlib import Path

import pytest
from qgis.core import QgsWkbTypes

from eo_order.core.csw import CswClient, Profile, parse_getrecords
from eo_order.core.errors import ResponseError, ServiceError
from eo_order.core.footprints import features_from_records, footprint_layer
from eo_order.core.models import BBox, SearchQuery
from tests.servers.canned import CannedServer

DATA = Path(__file__).resolve().parents[1] / "data" / "csw"
WORLD = BBox(-180, -90, 180, 90)
RESULTS = sorted(p.name for p in DATA.glob("*.xml")
                 if p.name not in ("csw3_getrecords.xml", "getrecordbyid.xml", "exception_ows20.xml"))


def serve(*bodies):
    """A CSW endpoint answering ``bodies`` in turn (the last one again when they run out)."""
    answers = list(bodies)

    def answer(_request):
        body = answers.pop(0) if len(answers) > 1 else answers[0]
        return 200, {"Content-Type": "application/xml"}, body, 0

    return CannedServer({"/csw": answer})


def search(name_or_bytes, **query):
    body = name_or_bytes if isinstance(name_or_bytes, bytes) else (DATA / name_or_bytes).read_bytes()
    with serve(body) as server:
        client = CswClient(server.url_for("/csw"), Profile.GENERIC, name="Test CSW")
        return client.search(SearchQuery(WORLD, **query))


def layer_of(result):
    return footprint_layer("test", features_from_records(result.records, "http://csw"))


def by_id(layer):
    return {f["record_id"]: f for f in layer.getFeatures()}


@pytest.mark.parametrize("name", RESULTS)
def test_the_layer_holds_every_record_the_server_returned_or_a_warning_says_why(name, qgis_new_project):
    root_text = (DATA / name).read_text(encoding="utf-8")
    returned = int(root_text.split('numberOfRecordsReturned="')[1].split('"')[0])
    result = search(name)
    layer = layer_of(result)
    assert result.received == returned
    if layer.featureCount() != returned:
        missing = returned - layer.featureCount()
        assert any(str(missing) in w for w in result.warnings()), result.warnings()
    # every feature with a geometry has a valid one, inside the world
    for feature in layer.getFeatures():
        geometry = feature.geometry()
        if not geometry.isNull():
            assert geometry.isGeosValid(), (name, feature["record_id"])
            box = geometry.boundingBox()
            assert -180 <= box.xMinimum() <= box.xMaximum() <= 180
            assert -90 <= box.yMinimum() <= box.yMaximum() <= 90
    if layer.featureCount():
        extent = layer.extent()
        assert not extent.isEmpty() or all(f.geometry().isNull() for f in layer.getFeatures())


def test_records_without_a_box_are_kept_without_geometry(qgis_new_project):
    result = search("geonetwork_dc_brief.xml")
    layer = layer_of(result)
    assert layer.featureCount() == 4
    features = by_id(layer)
    assert not features["7d2e61c0-3f4b-4b8e-9a11-0c5a9e2f1b01"].geometry().isNull()
    assert [rid for rid, f in features.items() if f.geometry().isNull()] == [
        "a51c0e8d-28f7-4c36-b2f5-69d1f4b6e0c2", "0f3b9a77-1d2e-4f60-8c4d-5e6f7a8b9c03",
        "c1d2e3f4-0000-4aaa-8bbb-ccccdddd0004"]
    assert features["c1d2e3f4-0000-4aaa-8bbb-ccccdddd0004"]["title"] == "Geodetic control points"
    assert result.without_footprint == 3
    assert result.warnings() == []


def test_long_identifiers_and_dcmi_types_fit_the_layer(qgis_new_project):
    result = search("geoserver_dc.xml")
    layer = layer_of(result)
    features = by_id(layer)
    long_id = "earth_observation_archive:Cosmo Skymed stripmap acquisitions 2019"
    assert len(long_id) == 65
    assert features[long_id]["record_type"] == "http://purl.org/dc/dcmitype/Dataset"


def test_urls_keep_their_inner_spaces_and_lose_their_ends():
    [cosmo, mosaic] = search("geoserver_dc.xml").records
    assert cosmo.references["OGC:WMS"] == [
        "http://127.0.0.1:8080/geoserver/wms?service=WMS&request=GetMap&"
        "layers=earth_observation_archive:Cosmo Skymed stripmap acquisitions 2019"]
    assert mosaic.references["OGC:WMS"][0].endswith("layers=earth_observation_archive:CosmoSkymed")
    assert cosmo.bbox == (7.5, 36.0, 18.5, 44.5)


def test_repeated_elements_keep_the_first_value_and_lists_keep_all():
    [cover, water, service] = search("geonetwork_dc_full.xml").records
    assert cover.date == "2021-06-14"  # a trailing empty <dc:date/> does not wipe it
    assert cover.format == "GeoTIFF"  # not the second dc:format
    assert water.format == "GML"  # the first non-empty one
    assert cover.subjects == ["land cover", "Ontario", "imageryBaseMapsEarthCover"]
    assert cover.abstract == "Thirty-metre land cover classes derived from Landsat 8 composites."
    titled = search("pycsw_dc.xml").records[1]
    assert titled.title == "Maecenas enim"


def test_geonetwork_dc_uri_links_are_references_and_thumbnails():
    [cover, water, service] = search("geonetwork_dc_full.xml").records
    assert cover.references["OGC:WMS"] == ["https://maps.example.org/geoserver/ows?SERVICE=WMS&"]
    assert cover.references["WWW:DOWNLOAD-1.0-http--download"] == [
        "https://data.example.org/landcover/landcover_2020.zip"]
    assert cover.thumbnail_url.endswith("/attachments/landcover_s.png")
    assert water.references["OGC:WFS"] == ["https://maps.example.org/geoserver/wfs"]
    assert service.references["OGC:WMS"] == ["https://maps.example.org/basemap/wms"]
    assert cover.bbox == (-76.3556, 44.9617, -75.2466, 45.5371)


def test_iso_19139_records_are_read(qgis_new_project):
    result = search("inspire_iso_page.xml")
    ortho, mosaic, service = result.records
    assert ortho.record_id == "de.bund.example.ortho-dop20-2022-bavaria-south-0001"
    assert ortho.title == "Digital orthophotos 20 cm, southern Bavaria, 2022"
    assert ortho.abstract.startswith("True-colour and infrared orthophotos")
    assert ortho.type == "dataset"
    assert ortho.date == "2022-05-10"  # the temporal extent's begin
    assert ortho.subjects == ["Orthoimagery", "aerial photography"]
    assert ortho.format == "GeoTIFF"
    assert ortho.references["OGC:WMS"] == ["https://geoservices.example.eu/wms/v1/dop20?"]
    assert ortho.references["link"] == ["https://download.example.eu/dop20/index.html"]
    assert ortho.thumbnail_url == "https://geoportal.example.eu/previews/dop20_south.png"
    assert ortho.bbox == (10.2, 47.3, 13.8, 48.6)
    # gmi:MI_Metadata with a bounding polygon in ETRS89 (lat/lon)
    assert mosaic.record_id == "eu.example.s2-mosaic-2021-alps"
    assert mosaic.type == "series"
    assert mosaic.date == "2021-12-01"
    assert mosaic.bbox == (5.0, 43.7, 16.5, 48.3)
    # a service without an extent is kept
    assert (service.title, service.type, service.bbox, service.date) == (
        "View service for orthoimagery", "service", None, "2023-03-03")
    layer = layer_of(result)
    assert layer.featureCount() == 3
    assert by_id(layer)[ortho.record_id]["thumbnail_url"] == ortho.thumbnail_url


def test_records_in_schemas_eo_order_cannot_read_are_counted_and_named(qgis_new_project):
    result = search("mixed_schemas.xml")
    assert [r.record_id for r in result.records] == ["dc-1"]
    assert result.received == 5
    [warning] = result.warnings()
    assert warning.startswith("4 records are in a schema EO Order cannot read (2 in DIF, 1 in FGDC, 1 in ebRIM)")


@pytest.mark.parametrize("name, message", [
    ("csw3_getrecords.xml", "Test CSW answered with a CSW 3.0 GetRecordsResponse instead of a CSW 2.0.2 "
                            "GetRecords result"),
    ("getrecordbyid.xml", "Test CSW answered with a CSW 2.0.2 GetRecordByIdResponse instead of a CSW 2.0.2 "
                          "GetRecords result"),
])
def test_replies_that_are_not_getrecords_results_are_named(name, message):
    with pytest.raises(ResponseError) as error:
        search(name)
    assert str(error.value).startswith(message)


def test_an_ows_2_exception_report_is_the_servers_message():
    with pytest.raises(ServiceError) as error:
        search("exception_ows20.xml")
    assert str(error.value) == ("Test CSW reported an error (code VersionNegotiationFailed, locator version): "
                                "Version 2.0.2 is not supported; use 3.0.0")


def test_axis_order_comes_from_the_crs_and_wrong_guesses_are_fixed():
    records = {r.record_id: r for r in search("boxes_anywhere.xml").records}
    assert records["etrs89"].bbox == (10.2, 47.3, 13.8, 48.6)
    assert records["nad83"].bbox == (-76.3556, 44.9617, -75.2466, 45.5371)
    assert records["written-the-other-way"].bbox == (-123.3, 49.0, -122.5, 49.4)


def test_boxes_no_map_can_draw_are_dropped_but_their_records_kept(qgis_new_project):
    result = search("boxes_anywhere.xml")
    layer = layer_of(result)
    assert layer.featureCount() == 9
    features = by_id(layer)
    for rid in ("nan", "inf", "huge", "out-of-world", "upside-down"):
        assert features[rid].geometry().isNull(), rid
    [warning] = result.warnings()
    assert warning.startswith("5 records have a bounding box that cannot be drawn")
    extent = layer.extent()
    assert all(math.isfinite(v) for v in (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(),
                                          extent.yMaximum()))
    assert -180 <= extent.xMinimum() and extent.xMaximum() <= 180


def test_a_box_across_the_antimeridian_is_two_parts(qgis_new_project):
    result = search("boxes_anywhere.xml")
    assert {r.record_id: r for r in result.records}["fiji"].bbox == (177.0, -19.2, -179.5, -16.0)
    fiji = by_id(layer_of(result))["fiji"].geometry()
    assert QgsWkbTypes.flatType(fiji.wkbType()) == QgsWkbTypes.Type.MultiPolygon
    parts = sorted((p.boundingBox().xMinimum(), p.boundingBox().xMaximum()) for p in fiji.asGeometryCollection())
    assert parts == [(-180.0, -179.5), (177.0, 180.0)]
    assert fiji.area() == pytest.approx(3.5 * 3.2)


def test_parse_getrecords_keeps_at_most_limit_records_and_counts_them_all():
    page = parse_getrecords([(DATA / "geonetwork_dc_brief.xml").read_bytes()], limit=2)
    assert len(page.records) == 2
    assert page.received == 4
