"""WCS 1.0.0 client against a real MapServer 8 (mapserv as CGI on 127.0.0.1), plus canned replies
for what MapServer cannot be made to do (HTML pages, wrong content types, POST-only servers)."""

import gzip
import socket
import subprocess
import sys
import textwrap
import threading
from pathlib import Path
from urllib.parse import parse_qsl

import numpy as np
import pytest
import requests
from lxml import etree
from osgeo import gdal, osr

from eo_order.core.auth import Credentials
from eo_order.core.errors import Cancelled, HttpError, InputError, NetworkError, ResponseError, ServiceError
from eo_order.core.wcs10 import (
    DESCRIPTION_CHECKS,
    REQUEST_CHECKS,
    CoverageDescription,
    GetCoverageRequest,
    Wcs10Client,
    get_prefix,
    parse_capabilities,
    parse_description,
)
from tests.servers.canned import CannedServer
from tests.servers.mapserver import MapServerWcs, expected_pixels, make_test_tiff

gdal.UseExceptions()

BBOX = (-76.5, 44.9, -75.2, 45.6)
WIDTH, HEIGHT = 64, 48
NS = {"wcs": "http://www.opengis.net/wcs", "gml": "http://www.opengis.net/gml"}
TIFF_BYTES = b"II*\x00" + bytes(2000)


@pytest.fixture(scope="module")
def mapserver(tmp_path_factory):
    folder = tmp_path_factory.mktemp("mapserver")
    tif = make_test_tiff(folder / "dem.tif", WIDTH, HEIGHT, BBOX)
    with MapServerWcs(folder / "srv", tif, coverage="dem", label="Ottawa test DEM") as server:
        yield server


@pytest.fixture(scope="module")
def mapserver_bands(tmp_path_factory):
    folder = tmp_path_factory.mktemp("mapserver3")
    tif = make_test_tiff(folder / "rgb.tif", WIDTH, HEIGHT, BBOX, data_type="UInt16", bands=3)
    with MapServerWcs(folder / "srv", tif, coverage="rgb", layer_metadata={"wcs_rangeset_axes": "bands"}) as server:
        yield server


def query(recorded):
    return {k.upper(): v for k, v in parse_qsl(recorded.query, keep_blank_values=True)}


def full_request(**kwargs):
    if "resx" not in kwargs:
        kwargs.setdefault("width", WIDTH)
        kwargs.setdefault("height", HEIGHT)
    return GetCoverageRequest("dem", "EPSG:4326", BBOX, "GTiff", **kwargs)


def assert_nothing_saved(dest):
    assert not dest.exists()
    assert not dest.with_name(dest.name + ".part").exists()
    assert list(dest.parent.iterdir()) == []


# --- capabilities and description -------------------------------------------


def test_capabilities_list_the_coverage_and_later_requests_use_the_advertised_get_url(mapserver):
    client = Wcs10Client(mapserver.base_url + "/", name="Test WCS")
    caps = client.capabilities()
    first = mapserver.requests[-1]
    assert first.path == "/" and query(first) == {"SERVICE": "WCS", "VERSION": "1.0.0", "REQUEST": "GetCapabilities"}
    assert caps.version == "1.0.0"
    assert caps.title == "EO Order test WCS"
    [brief] = caps.coverages
    assert (brief.name, brief.label) == ("dem", "Ottawa test DEM")
    assert brief.lon_lat_envelope == pytest.approx(BBOX)
    assert caps.get_urls["GetCoverage"] == caps.get_urls["DescribeCoverage"] == mapserver.url
    assert caps.post_urls["GetCoverage"] == mapserver.url.rstrip("?")

    client.describe("dem")
    described = mapserver.requests[-1]
    assert described.path == "/cgi-bin/wcs"  # the DCPType Get URL, not the one the user typed
    assert query(described) == {"SERVICE": "WCS", "VERSION": "1.0.0", "REQUEST": "DescribeCoverage", "COVERAGE": "dem"}


def test_a_pasted_request_url_is_cleaned_and_version_1_0_0_is_always_asked(mapserver):
    client = Wcs10Client(mapserver.url + "service=WCS&request=GetCapabilities&version=2.0.1")
    assert client.capabilities().version == "1.0.0"
    assert query(mapserver.requests[-1])["VERSION"] == "1.0.0"


def test_mapserver_answers_2_0_1_without_version_which_is_refused_clearly(mapserver):
    reply = requests.get(mapserver.url + "SERVICE=WCS&REQUEST=GetCapabilities", timeout=30)
    with pytest.raises(ResponseError, match=r"Capabilities> version 2\.0\.1 instead of WCS 1\.0\.0"):
        parse_capabilities(reply.content, mapserver.url, "Test WCS")


def test_describe_gives_crs_formats_interpolations_and_grid(mapserver):
    desc = Wcs10Client(mapserver.url).describe("dem")
    assert (desc.name, desc.label) == ("dem", "Ottawa test DEM")
    assert desc.lon_lat_envelope == pytest.approx(BBOX)
    assert desc.request_crs == desc.response_crs == ["EPSG:4326", "EPSG:3857"]
    assert desc.native_crs == ["EPSG:4326"]
    assert desc.formats == ["GTiff"] and desc.native_format == "GeoTIFF"
    assert desc.interpolations == ["nearest neighbor", "bilinear"]
    assert desc.default_interpolation == "nearest neighbor"
    assert desc.grid_size == (WIDTH, HEIGHT)
    assert desc.grid_envelope_crs == "EPSG:4326" and desc.grid_envelope == pytest.approx(BBOX)
    assert desc.range_axes == [] and desc.time_positions == [] and desc.time_periods == []


def test_describe_lists_the_band_axis(mapserver_bands):
    desc = Wcs10Client(mapserver_bands.url).describe("rgb")
    assert desc.range_axes == [("bands", "Bands/Channels/Samples", ["1", "2", "3"])]


# --- GetCoverage against MapServer ------------------------------------------


def open_tiff(path):
    ds = gdal.Open(str(path))
    srs = osr.SpatialReference(wkt=ds.GetProjection())
    srs.AutoIdentifyEPSG()
    return ds, srs.GetAuthorityCode(None)


@pytest.mark.parametrize("size", [dict(width=WIDTH, height=HEIGHT),
                                  dict(resx=(BBOX[2] - BBOX[0]) / WIDTH, resy=(BBOX[3] - BBOX[1]) / HEIGHT)],
                         ids=["width-height", "resx-resy"])
def test_full_extent_at_native_resolution_equals_the_source(mapserver, tmp_path, size):
    client = Wcs10Client(mapserver.url)
    client.describe("dem")
    dest = tmp_path / "out" / "dem.tif"
    seen = []
    path = client.get_coverage(full_request(**size), dest, progress=lambda done, total: seen.append((done, total)))
    assert path == str(dest)
    assert [p.name for p in dest.parent.iterdir()] == ["dem.tif"]  # no .part left
    sent = query(mapserver.requests[-1])
    assert sent["CRS"] == "EPSG:4326" and sent["BBOX"] == "-76.5,44.9,-75.2,45.6" and sent["FORMAT"] == "GTiff"
    assert sent["EXCEPTIONS"] == "application/vnd.ogc.se_xml"
    assert ("WIDTH" in sent) == ("width" in size) and ("RESX" in sent) == ("resx" in size)
    ds, epsg = open_tiff(dest)
    assert (ds.RasterXSize, ds.RasterYSize, ds.RasterCount, epsg) == (WIDTH, HEIGHT, 1, "4326")
    x0, dx, _, y0, _, dy = ds.GetGeoTransform()
    assert (x0, y0, x0 + dx * WIDTH, y0 + dy * HEIGHT) == pytest.approx((-76.5, 45.6, -75.2, 44.9), abs=1e-9)
    np.testing.assert_array_equal(ds.ReadAsArray(), expected_pixels(WIDTH, HEIGHT))
    assert seen and seen[-1][0] == dest.stat().st_size


def test_band_subset_is_sent_as_a_range_parameter(mapserver_bands, tmp_path):
    client = Wcs10Client(mapserver_bands.url)
    client.describe("rgb")
    request = GetCoverageRequest("rgb", "EPSG:4326", BBOX, "GTiff", width=WIDTH, height=HEIGHT,
                                 parameters={"bands": [1, 3]})
    client.get_coverage(request, tmp_path / "rgb.tif")
    assert query(mapserver_bands.requests[-1])["BANDS"] == "1,3"
    data = gdal.Open(str(tmp_path / "rgb.tif")).ReadAsArray()
    assert data.shape == (2, HEIGHT, WIDTH)
    np.testing.assert_array_equal(data[1], expected_pixels(WIDTH, HEIGHT, band=3))


def test_unknown_coverage_is_mapserver_s_exception_and_saves_nothing(mapserver, tmp_path):
    dest = tmp_path / "nope.tif"
    with pytest.raises(ServiceError) as caught:
        Wcs10Client(mapserver.url, name="Test WCS").get_coverage(
            GetCoverageRequest("nope", "EPSG:4326", BBOX, "GTiff", width=8, height=8), dest)
    error = caught.value
    assert (error.code, error.locator) == ("InvalidParameterValue", "coverage")
    assert str(error).startswith("Test WCS reported an error (code InvalidParameterValue, locator coverage): ")
    assert "COVERAGE=nope not found" in str(error)
    assert_nothing_saved(dest)


def test_missing_crs_is_refused_before_sending_and_by_mapserver(mapserver, tmp_path):
    client = Wcs10Client(mapserver.url)
    client.capabilities()
    count = len(mapserver.requests)
    with pytest.raises(InputError, match="has no CRS"):
        client.get_coverage(GetCoverageRequest("dem", "", BBOX, "GTiff", width=8, height=8), tmp_path / "a.tif")
    assert len(mapserver.requests) == count

    dest = tmp_path / "b.tif"
    pairs = [p for p in full_request().kvp() if p[0] != "CRS"]  # what a careless client would send
    with pytest.raises(ServiceError) as caught:
        client.get_coverage_kvp(pairs, dest, "GTiff")
    assert (caught.value.code, caught.value.locator) == ("MissingParameterValue", "crs")
    assert "Required parameter CRS was not supplied" in str(caught.value)
    assert "CRS" not in query(mapserver.requests[-1])
    assert_nothing_saved(dest)


@pytest.mark.parametrize("changes, message", [
    (dict(resx=0.1, resy=0.1), "both a size"),
    (dict(width=None, height=None), "needs an output size"),
    (dict(width=0), "whole width"),
    (dict(bbox=(-75.2, 44.9, -76.5, 45.6)), "inverted"),
    (dict(crs="EPSG:32618"), r"does not accept CRS 'EPSG:32618'; its request CRSs are: EPSG:4326, EPSG:3857"),
    (dict(response_crs="EPSG:2950"), "response CRS"),
    (dict(format="image/png"), r"not offered as 'image/png'; choose one of: GTiff"),
    (dict(interpolation="bicubic"), "interpolation 'bicubic'"),
    (dict(parameters={"band": [1]}), "no range axis 'band'"),
])
def test_requests_the_description_rules_out_are_refused_before_sending(mapserver, tmp_path, changes, message):
    client = Wcs10Client(mapserver.url)
    description = client.describe("dem")
    description.range_axes = [("bands", "Bands", ["1"])]
    fields = dict(coverage="dem", crs="EPSG:4326", bbox=BBOX, format="GTiff", width=WIDTH, height=HEIGHT)
    fields.update(changes)
    count = len(mapserver.requests)
    with pytest.raises(InputError, match=message):
        client.get_coverage(GetCoverageRequest(**fields), tmp_path / "x.tif", description=description)
    assert len(mapserver.requests) == count
    assert list(tmp_path.iterdir()) == []


# --- canned servers: what MapServer will not do ------------------------------


def capabilities_xml(get_url=None, post_url=None, coverage_get=True):
    def dcp(url, method):
        return (f'<DCPType><HTTP><{method}><OnlineResource xlink:type="simple" xlink:href="{url}"/>'
                f"</{method}></HTTP></DCPType>") if url else ""

    ops = ""
    for op in ("GetCapabilities", "DescribeCoverage", "GetCoverage"):
        get = get_url if (op != "GetCoverage" or coverage_get) else None
        ops += f"<{op}>{dcp(get, 'Get')}{dcp(post_url, 'Post')}</{op}>"
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<WCS_Capabilities version="1.0.0" xmlns="http://www.opengis.net/wcs" xmlns:gml="http://www.opengis.net/gml"
    xmlns:xlink="http://www.w3.org/1999/xlink">
  <Service><name>canned</name><label>Canned WCS</label></Service>
  <Capability><Request>{ops}</Request></Capability>
  <ContentMetadata><CoverageOfferingBrief><name>dem</name><label>DEM</label>
    <lonLatEnvelope srsName="urn:ogc:def:crs:OGC:1.3:CRS84"><gml:pos>-76.5 44.9</gml:pos>
    <gml:pos>-75.2 45.6</gml:pos></lonLatEnvelope></CoverageOfferingBrief></ContentMetadata>
</WCS_Capabilities>""".encode()


XML = {"Content-Type": "text/xml"}
EXCEPTION = (b'<?xml version="1.0"?><ServiceExceptionReport version="1.2.0" xmlns="http://www.opengis.net/ogc">'
             b'<ServiceException code="InvalidFormat" locator="format">No such format</ServiceException>'
             b"</ServiceExceptionReport>")


@pytest.fixture
def canned():
    with CannedServer({}) as server:
        server.routes["/wcs"] = (200, XML, capabilities_xml(server.url_for("/wcs?"), server.url_for("/wcs")))
        yield server


def canned_get(server, reply):
    """Answer capabilities as usual and GetCoverage with ``reply``."""
    caps = capabilities_xml(server.url_for("/wcs?"), server.url_for("/wcs"))
    server.routes["/wcs"] = lambda r: reply if "GetCoverage" in r.query else (200, XML, caps)


@pytest.mark.parametrize("reply, error, message", [
    ((200, {"Content-Type": "text/html; charset=utf-8"},
      b"<!DOCTYPE html><html><head><title>Down for maintenance</title></head><body>back soon</body></html>"),
     ResponseError, 'HTML page titled "Down for maintenance" instead of the GTiff coverage'),
    ((200, {"Content-Type": "application/vnd.ogc.se_xml; charset=UTF-8"}, EXCEPTION),
     ServiceError, r"code InvalidFormat, locator format\): No such format"),
    ((200, {"Content-Type": "image/tiff"}, EXCEPTION), ServiceError, "No such format"),
    ((200, {"Content-Type": "application/octet-stream"}, EXCEPTION), ServiceError, "No such format"),
    ((200, XML, b"<gml:FeatureCollection xmlns:gml='http://www.opengis.net/gml'/>"),
     ResponseError, "XML document <FeatureCollection> instead of the GTiff coverage"),
    ((200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n" + bytes(100)),
     ResponseError, "sent image/png instead of the GTiff coverage"),
    ((200, {"Content-Type": "image/tiff"}, b"GIF89a" + bytes(100)), ResponseError, "not a GeoTIFF"),
    ((200, {"Content-Type": "image/tiff", "Content-Length": "5000"}, TIFF_BYTES), NetworkError,
     "(sent 2004 of 5000 bytes|broke after)"),  # urllib3 1.x lets the short body through, 2.x raises
    ((500, {"Content-Type": "text/plain"}, b"segfault"), HttpError, "answered HTTP 500"),
], ids=["html", "se_xml", "exception-as-tiff", "exception-as-octets", "other-xml", "png", "not-tiff", "truncated",
        "http-500"])
def test_a_reply_that_is_not_the_coverage_is_an_error_and_nothing_is_saved(canned, tmp_path, reply, error, message):
    canned_get(canned, reply)
    dest = tmp_path / "dem.tif"
    with pytest.raises(error, match=message):
        Wcs10Client(canned.url_for("/wcs"), name="Canned WCS").get_coverage(full_request(), dest)
    assert_nothing_saved(dest)


@pytest.mark.parametrize("content_type", ["image/tiff", "image/tiff; application=geotiff", "application/octet-stream"])
def test_a_tiff_is_saved_whatever_tiff_label_it_carries(canned, tmp_path, content_type):
    canned_get(canned, (200, {"Content-Type": content_type}, TIFF_BYTES))
    dest = tmp_path / "dem.tif"
    Wcs10Client(canned.url_for("/wcs")).get_coverage(full_request(), dest)
    assert dest.read_bytes() == TIFF_BYTES
    assert [p.name for p in tmp_path.iterdir()] == ["dem.tif"]


def test_cancelling_mid_transfer_leaves_nothing(canned, tmp_path):
    canned_get(canned, (200, {"Content-Type": "image/tiff"}, b"II*\x00" + bytes(600_000)))
    calls = []

    def cancelled():
        calls.append(1)
        return len(calls) > 2

    dest = tmp_path / "dem.tif"
    with pytest.raises(Cancelled):
        Wcs10Client(canned.url_for("/wcs")).get_coverage(full_request(), dest, cancelled=cancelled)
    assert_nothing_saved(dest)


def test_xml_post_encoding_when_the_server_offers_no_get_for_getcoverage(canned, tmp_path):
    canned.routes["/wcs"] = lambda r: (
        (200, {"Content-Type": "image/tiff"}, TIFF_BYTES) if r.method == "POST"
        else (200, XML, capabilities_xml(canned.url_for("/wcs?"), canned.url_for("/post"), coverage_get=False)))
    canned.routes["/post"] = (200, {"Content-Type": "image/tiff"}, TIFF_BYTES)
    client = Wcs10Client(canned.url_for("/wcs"))
    assert "GetCoverage" not in client.capabilities().get_urls
    request = full_request(interpolation="nearest neighbor", parameters={"band": [1, "3/5"]},
                           time=["2020-01-01T00:00:00Z", "2020-02-01/2020-03-01/P1D"])
    client.get_coverage(request, tmp_path / "dem.tif")
    assert (tmp_path / "dem.tif").read_bytes() == TIFF_BYTES

    sent = canned.requests[-1]
    assert (sent.method, sent.path, sent.query) == ("POST", "/post", "")
    assert sent.headers["Content-Type"].startswith("text/xml")
    root = etree.fromstring(sent.body)
    assert root.tag == "{http://www.opengis.net/wcs}GetCoverage"
    assert (root.get("service"), root.get("version")) == ("WCS", "1.0.0")
    assert [etree.QName(child).localname for child in root] == [
        "sourceCoverage", "domainSubset", "rangeSubset", "interpolationMethod", "output"]
    assert root.findtext("wcs:sourceCoverage", namespaces=NS) == "dem"
    envelope = root.find("wcs:domainSubset/wcs:spatialSubset/gml:Envelope", NS)
    assert envelope.get("srsName") == "EPSG:4326"
    assert [p.text for p in envelope.findall("gml:pos", NS)] == ["-76.5 44.9", "-75.2 45.6"]
    grid = root.find("wcs:domainSubset/wcs:spatialSubset/gml:Grid", NS)
    assert grid.get("dimension") == "2"
    assert grid.findtext("gml:limits/gml:GridEnvelope/gml:low", namespaces=NS) == "0 0"
    assert grid.findtext("gml:limits/gml:GridEnvelope/gml:high", namespaces=NS) == f"{WIDTH - 1} {HEIGHT - 1}"
    assert [a.text for a in grid.findall("gml:axisName", NS)] == ["x", "y"]
    temporal = root.find("wcs:domainSubset/wcs:temporalSubset", NS)
    assert temporal.findtext("gml:timePosition", namespaces=NS) == "2020-01-01T00:00:00Z"
    assert [temporal.findtext(f"wcs:timePeriod/wcs:{t}", namespaces=NS)
            for t in ("beginPosition", "endPosition", "timeResolution")] == ["2020-02-01", "2020-03-01", "P1D"]
    axis = root.find("wcs:rangeSubset/wcs:axisSubset", NS)
    assert axis.get("name") == "band"
    assert axis.findtext("wcs:singleValue", namespaces=NS) == "1"
    assert [axis.findtext(f"wcs:interval/wcs:{t}", namespaces=NS) for t in ("min", "max")] == ["3", "5"]
    assert root.findtext("wcs:interpolationMethod", namespaces=NS) == "nearest neighbor"
    assert root.findtext("wcs:output/wcs:crs", namespaces=NS) == "EPSG:4326"
    assert root.findtext("wcs:output/wcs:format", namespaces=NS) == "GTiff"


def test_xml_post_by_resolution_sends_a_rectified_grid():
    body = full_request(resx=0.0203125, resy=0.0145833333333333,
                        response_crs="EPSG:3857").xml()
    grid = etree.fromstring(body).find("wcs:domainSubset/wcs:spatialSubset/gml:RectifiedGrid", NS)
    assert grid.findtext("gml:limits/gml:GridEnvelope/gml:high", namespaces=NS) == "63 47"
    assert grid.findtext("gml:origin/gml:pos", namespaces=NS) == "-76.5 45.6"
    assert [v.text for v in grid.findall("gml:offsetVector", NS)] == ["0.0203125 0", "0 -0.0145833333333333"]
    assert etree.fromstring(body).findtext("wcs:output/wcs:crs", namespaces=NS) == "EPSG:3857"


def test_credentials_go_to_the_configured_origin_only(tmp_path):
    with CannedServer({}) as other, CannedServer({}) as home:
        other.routes["/wcs"] = (200, {"Content-Type": "image/tiff"}, TIFF_BYTES)
        home.routes["/wcs"] = (200, XML, capabilities_xml(other.url_for("/wcs?")))
        client = Wcs10Client(home.url_for("/wcs"), credentials=Credentials("alice", "s3cret"))
        client.get_coverage(full_request(), tmp_path / "dem.tif")
        assert home.requests[0].headers["Authorization"].startswith("Basic ")
        assert "Authorization" not in other.requests[0].headers


def test_get_prefix_ends_in_question_mark_or_ampersand():
    assert get_prefix("http://h/wcs") == "http://h/wcs?"
    assert get_prefix("http://h/wcs?") == "http://h/wcs?"
    assert get_prefix("http://h/cgi?map=/x.map") == "http://h/cgi?map=/x.map&"
    assert get_prefix("http://h/cgi?map=/x.map&") == "http://h/cgi?map=/x.map&"


def test_a_size_is_always_required_even_when_the_only_interpolation_is_none():
    desc = CoverageDescription("dem", request_crs=["EPSG:4326"], formats=["GTiff"], interpolations=["none"])
    full_request().validate(desc)  # GSKY-style: 'none' only, fetched by WIDTH/HEIGHT
    with pytest.raises(InputError, match="needs an output size"):
        GetCoverageRequest("dem", "EPSG:4326", BBOX, "GTiff").validate(desc)



# --- documents shaped like real servers' (tests/data/wcs) ---------------------------------

DATA = Path(__file__).resolve().parents[1] / "data" / "wcs"


def document(name):
    return (DATA / name).read_bytes()


@pytest.mark.parametrize("name, coverage, facts", [
    ("mapserver_describe_utm.xml", "utm_dem", dict(
        grid_crs="EPSG:32618", grid_envelope_crs="EPSG:32618", grid_envelope=(440000, 4980000, 504000, 5028000),
        grid_size=(640, 480), grid_resolution=(100, 100), native_crs=["EPSG:32618"],
        envelopes=[("EPSG:4326", (-75.7667, 44.9709, -74.9489, 45.4055)),
                   ("EPSG:32618", (440000, 4980000, 504000, 5028000))],
        time_positions=["2021-06-01", "2021-07-01"], null_values=[])),
    ("geoserver_describe.xml", "sea:sst", dict(
        grid_crs="EPSG:4326", grid_envelope_crs="EPSG:4326", grid_envelope=(-180, -80, 180, 80),
        grid_size=(1440, 640), grid_resolution=(0.25, 0.25), formats=["GeoTIFF", "GIF", "PNG", "TIFF", "ArcGrid"],
        range_axes=[("Band", "Band", ["1/1"])], null_values=["-9999.0"],
        time_positions=["2022-01-01T00:00:00.000Z", "2022-02-01T00:00:00.000Z", "2022-03-01T00:00:00.000Z"])),
    ("arcgis_describe.xml", "1", dict(
        grid_crs="EPSG:3857", grid_envelope_crs="EPSG:3857", grid_size=(2226, 3149), grid_resolution=(100, 100),
        request_crs=["EPSG:3857", "EPSG:4326"], native_format="GeoTIFF", range_axes=[("Band", "Band Numbers", ["1"])],
        interpolations=["nearest neighbor", "bilinear", "bicubic"])),
    ("gsky_describe.xml", "surface_reflectance_daily", dict(
        grid_crs="EPSG:4326", grid_envelope_crs="urn:ogc:def:crs:OGC:1.3:CRS84", grid_envelope=(-180, -90, 180, 90),
        grid_size=(4000, 4000), grid_resolution=(0.025, 0.025), request_crs=["EPSG:4326"],
        response_crs=["EPSG:4326"], formats=["GeoTIFF", "NetCDF"], interpolations=["none"], null_values=["NaN"],
        label="Daily surface reflectance")),
], ids=["mapserver-two-envelopes", "geoserver", "arcgis", "gsky"])
def test_descriptions_of_real_server_shapes_keep_every_envelope_and_find_the_grid_s(name, coverage, facts):
    desc = parse_description(document(name), coverage, "Test WCS")
    assert desc.name == coverage
    for key, value in facts.items():
        got = getattr(desc, key)
        if key == "envelopes":
            assert [c for c, _b in got] == [c for c, _b in value]
            for (_c, box), (_c2, want) in zip(got, value):
                assert box == pytest.approx(want)
        elif isinstance(value, tuple):
            assert got == pytest.approx(value), key
        else:
            assert got == value, key


def test_capabilities_of_geoserver_arcgis_and_gsky_shapes():
    geoserver = parse_capabilities(document("geoserver_capabilities.xml"), "http://127.0.0.1/geoserver/wcs")
    assert geoserver.title == "Test GeoServer WCS"
    assert [(b.name, b.label) for b in geoserver.coverages] == [("sea:sst", "Sea surface temperature"),
                                                                ("land:cover", "Land cover")]
    assert geoserver.coverages[1].lon_lat_envelope == pytest.approx((-76.5, 44.9, -75.2, 45.6))
    assert geoserver.get_urls["GetCoverage"] == "http://127.0.0.1/geoserver/wcs?"
    gsky = parse_capabilities(document("gsky_capabilities.xml"), "http://127.0.0.1/ows/test")
    [brief] = gsky.coverages
    assert brief.name == "surface_reflectance_daily" and brief.lon_lat_envelope == (-180, -90, 180, 90)
    assert gsky.get_urls["GetCoverage"] == "http://127.0.0.1/ows/test?" and gsky.post_urls == {}
    arcgis = parse_capabilities(document("arcgis_capabilities.xml"), "http://127.0.0.1/arcgis/services/x")
    [brief] = arcgis.coverages
    assert (brief.name, brief.label, arcgis.title) == ("1", "Elevation_WebMercator", "Elevation_WebMercator")
    wcs_server = "http://127.0.0.1/arcgis/services/Elevation/ImageServer/WCSServer"
    assert arcgis.get_urls["DescribeCoverage"] == wcs_server + "?" and arcgis.post_urls["GetCoverage"] == wcs_server


def test_real_mapserver_lists_two_envelopes_and_the_grid_is_in_the_native_one(tmp_path):
    tif = make_test_tiff(tmp_path / "utm.tif", 64, 48, (440000, 4980000, 504000, 5028000), epsg=32618)
    with MapServerWcs(tmp_path / "srv", tif, coverage="utm", srs="EPSG:32618 EPSG:4326") as server:
        desc = Wcs10Client(server.url).describe("utm")
    assert [crs for crs, _box in desc.envelopes] == ["EPSG:4326", "EPSG:32618"]
    assert desc.grid_crs == desc.grid_envelope_crs == "EPSG:32618"
    assert desc.grid_envelope == pytest.approx((440000, 4980000, 504000, 5028000))
    assert desc.grid_resolution == pytest.approx((1000, 1000))


def test_validate_is_a_table_of_checks():
    assert len(REQUEST_CHECKS) + len(DESCRIPTION_CHECKS) >= 8
    assert all(callable(check) for check in (*REQUEST_CHECKS, *DESCRIPTION_CHECKS))


# --- GSKY-style: interpolation 'none' only, times -------------------------------------------

GSKY = "surface_reflectance_daily"
GSKY_BOX = (140.0, -36.0, 141.0, -35.0)


@pytest.fixture
def gsky():
    """A canned GSKY-like server: its capabilities and description, and a GeoTIFF for GetCoverage."""
    with CannedServer({}) as server:
        caps = document("gsky_capabilities.xml").replace(b"http://127.0.0.1/ows/test", server.url_for("/ows").encode())
        routes = {"GetCapabilities": caps, "DescribeCoverage": document("gsky_describe.xml")}

        def answer(recorded):
            operation = dict((k.upper(), v) for k, v in parse_qsl(recorded.query))["REQUEST"]
            if operation == "GetCoverage":
                return 200, {"Content-Type": "image/tiff"}, TIFF_BYTES
            return 200, XML, routes[operation]

        server.routes["/ows"] = answer
        yield server


def test_a_coverage_whose_only_interpolation_is_none_is_fetched_by_width_and_height(gsky, tmp_path):
    client = Wcs10Client(gsky.url_for("/ows"))
    client.describe(GSKY)
    request = GetCoverageRequest(GSKY, "EPSG:4326", GSKY_BOX, "GeoTIFF", width=40, height=40,
                                 time="2023-03-02T00:00:00.000Z")
    client.get_coverage(request, tmp_path / "sr.tif")
    sent = query(gsky.requests[-1])
    assert (sent["REQUEST"], sent["WIDTH"], sent["HEIGHT"]) == ("GetCoverage", "40", "40")
    assert sent["TIME"] == "2023-03-02T00:00:00.000Z" and "INTERPOLATION" not in sent
    assert (tmp_path / "sr.tif").read_bytes() == TIFF_BYTES


@pytest.mark.parametrize("time", ["2023-03-02", "2023-03-01T00:00:00Z", "2023-03-01/2023-03-02",
                                  ["2023-03-01T00:00:00.000Z", "2023-03-03T00:00:00.000Z"]])
def test_times_the_coverage_offers_are_sent_in_any_iso_spelling(gsky, tmp_path, time):
    client = Wcs10Client(gsky.url_for("/ows"))
    client.describe(GSKY)
    client.get_coverage(GetCoverageRequest(GSKY, "EPSG:4326", GSKY_BOX, "GeoTIFF", width=4, height=4, time=time),
                        tmp_path / "sr.tif")
    assert query(gsky.requests[-1])["REQUEST"] == "GetCoverage"


@pytest.mark.parametrize("time", ["2023-04-01", "2023-02-01/2023-02-10", "last week"])
def test_a_time_the_coverage_does_not_offer_is_refused_before_sending_and_the_offered_ones_named(gsky, tmp_path,
                                                                                                  time):
    client = Wcs10Client(gsky.url_for("/ows"))
    client.describe(GSKY)
    count = len(gsky.requests)
    with pytest.raises(InputError) as caught:
        client.get_coverage(GetCoverageRequest(GSKY, "EPSG:4326", GSKY_BOX, "GeoTIFF", width=4, height=4, time=time),
                            tmp_path / "sr.tif")
    assert str(caught.value) == (
        f"Coverage '{GSKY}' is not offered at time {time}; offered: 2023-03-01T00:00:00.000Z, "
        "2023-03-02T00:00:00.000Z, 2023-03-03T00:00:00.000Z.")
    assert len(gsky.requests) == count and list(tmp_path.iterdir()) == []


def test_a_time_for_a_coverage_without_times_is_refused(mapserver, tmp_path):
    client = Wcs10Client(mapserver.url)
    client.describe("dem")
    with pytest.raises(InputError, match="has no time positions or periods: leave the time empty"):
        client.get_coverage(full_request(time="2020-01-01"), tmp_path / "dem.tif")


# --- hostile sizes: gzip bombs, endless coverages ------------------------------------------------

_BOMB_SCRIPT = textwrap.dedent("""
    import importlib.util, resource, sys
    from pathlib import Path
    root = Path(sys.argv[1])
    spec = importlib.util.spec_from_file_location("eo_order", root / "__init__.py",
                                                  submodule_search_locations=[str(root)])
    module = importlib.util.module_from_spec(spec)
    sys.modules["eo_order"] = module
    spec.loader.exec_module(module)
    from eo_order.core.errors import EoOrderError
    from eo_order.core.wcs10 import Wcs10Client
    resource.setrlimit(resource.RLIMIT_AS, (768 << 20, 768 << 20))
    client = Wcs10Client(sys.argv[2])
    try:
        if sys.argv[3] == "describe":
            client.describe("dem")
        else:
            client.capabilities()
    except EoOrderError as exc:
        print("ERROR:", exc)
        sys.exit(0)
    except MemoryError:
        print("MemoryError")
        sys.exit(3)
    print("no error")
    sys.exit(1)
""")


@pytest.fixture(scope="module")
def gzip_bomb():
    """~2.5 MB of gzip (40 members) that inflates to 2.5 GiB of spaces."""
    return gzip.compress(b" " * (64 << 20), compresslevel=9) * 40


@pytest.mark.parametrize("operation", ["capabilities", "describe"])
def test_a_gzip_bomb_is_refused_within_a_memory_limit(gzip_bomb, operation):
    with CannedServer({}) as server:
        bomb = (200, {"Content-Type": "text/xml", "Content-Encoding": "gzip"}, gzip_bomb)
        caps = capabilities_xml(server.url_for("/wcs?"))
        server.routes["/wcs"] = lambda r: bomb if operation == "capabilities" or "Describe" in r.query \
            else (200, XML, caps)
        root = Path(__file__).resolve().parents[2]
        done = subprocess.run([sys.executable, "-c", _BOMB_SCRIPT, str(root), server.url_for("/wcs"), operation],
                              capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stdout + done.stderr[-2000:]
    what = "WCS server's capabilities" if operation == "capabilities" else "WCS server's description of 'dem'"
    assert done.stdout.strip() == (f"ERROR: {what} is larger than {32 if operation == 'capabilities' else 16} MiB "
                                   "once decompressed; EO Order stopped reading it. Check the URL, or ask the "
                                   "server's administrator.")


class EndlessServer:
    """Answers every request with a GeoTIFF header and then zeros, up to ``limit`` bytes, no Content-Length."""

    def __init__(self, limit=256 << 20):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(4)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/endless?"
        self.limit, self.sent = limit, 0
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        try:
            conn, _ = self.sock.accept()
        except OSError:
            return
        with conn:
            conn.recv(65536)
            chunk = bytes(1 << 16)
            try:
                conn.sendall(b"HTTP/1.0 200 OK\r\nContent-Type: image/tiff\r\n\r\nII*\x00")
                while self.sent < self.limit:
                    conn.sendall(chunk)
                    self.sent += len(chunk)
            except OSError:
                pass  # the client hung up: what we want

    def close(self):
        self.sock.close()
        self.thread.join(timeout=10)


def test_an_endless_coverage_stops_at_the_limit_and_nothing_is_saved(tmp_path):
    endless = EndlessServer()
    try:
        with CannedServer({}) as home:
            home.routes["/wcs"] = (200, XML, capabilities_xml(endless.url))
            client = Wcs10Client(home.url_for("/wcs"), max_coverage_bytes=1 << 20)
            dest = tmp_path / "dem.tif"
            with pytest.raises(ResponseError) as caught:
                client.get_coverage(full_request(), dest)
    finally:
        endless.close()
    assert str(caught.value) == ("WCS server sent more than the 1 MiB limit for the coverage; nothing was saved. Ask "
                                 "for a smaller extent or a coarser resolution, or raise the limit.")
    assert endless.sent < 64 << 20
    assert_nothing_saved(dest)


def test_a_coverage_announced_above_the_limit_is_refused_before_writing(canned, tmp_path):
    canned_get(canned, (200, {"Content-Type": "image/tiff"}, b"II*\x00" + bytes(300_000)))
    dest = tmp_path / "dem.tif"
    with pytest.raises(ResponseError, match=r"announced a coverage of 293 KiB, more than the 100 KiB limit"):
        Wcs10Client(canned.url_for("/wcs"), max_coverage_bytes=100 << 10).get_coverage(full_request(), dest)
    assert_nothing_saved(dest)
