"""eo_order:wcs_getcoverage run through QGIS Processing against a real MapServer 8 WCS 1.0.0."""

from urllib.parse import parse_qsl

import numpy as np
import pytest
from osgeo import gdal, osr
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProject,
    QgsRectangle,
)

from tests.servers.mapserver import MapServerWcs, expected_pixels, make_test_tiff

gdal.UseExceptions()

BBOX = (-76.4, 44.9, -75.6, 45.5)
WIDTH, HEIGHT = 64, 48
RES = 0.8 / WIDTH  # square pixels: 0.0125°
EXTENT_4326 = f"{BBOX[0]},{BBOX[2]},{BBOX[1]},{BBOX[3]} [EPSG:4326]"


@pytest.fixture(scope="module")
def mapserver(tmp_path_factory):
    folder = tmp_path_factory.mktemp("wcs_alg")
    tif = make_test_tiff(folder / "dem.tif", WIDTH, HEIGHT, BBOX)
    with MapServerWcs(folder / "srv", tif, coverage="dem", label="Ottawa test DEM") as server:
        yield server





def run(params):
    from qgis import processing

    return processing.run("eo_order:wcs_getcoverage", params)


def sent(server):
    return {k.upper(): v for k, v in parse_qsl(server.requests[-1].query, keep_blank_values=True)}


def raster_facts(path):
    ds = gdal.Open(str(path))
    srs = osr.SpatialReference(wkt=ds.GetProjection())
    srs.AutoIdentifyEPSG()
    x0, dx, _, y0, _, dy = ds.GetGeoTransform()
    extent = (x0, y0 + dy * ds.RasterYSize, x0 + dx * ds.RasterXSize, y0)
    return ds, srs.GetAuthorityCode(None), extent


@pytest.mark.parametrize("size", [dict(WIDTH=WIDTH, HEIGHT=HEIGHT), dict(RESX=RES, RESY=RES)],
                         ids=["width-height", "resx-resy"])
def test_full_extent_at_native_resolution_equals_the_source(mapserver, provider, tmp_path, size):
    out = tmp_path / "dem.tif"
    result = run({"URL": mapserver.url, "COVERAGE": "dem", "EXTENT": EXTENT_4326, "CRS": "EPSG:4326",
                  **size, "OUTPUT": str(out)})
    assert result["OUTPUT"] == str(out)
    query = sent(mapserver)
    assert query["REQUEST"] == "GetCoverage" and query["CRS"] == "EPSG:4326" and query["FORMAT"] == "GTiff"
    assert ("WIDTH" in query) == ("WIDTH" in size) and ("RESX" in query) == ("RESX" in size)
    assert [float(v) for v in query["BBOX"].split(",")] == pytest.approx(BBOX)
    ds, epsg, extent = raster_facts(out)
    assert (ds.RasterXSize, ds.RasterYSize, ds.RasterCount, epsg) == (WIDTH, HEIGHT, 1, "4326")
    assert extent == pytest.approx(BBOX, abs=1e-9)
    np.testing.assert_array_equal(ds.ReadAsArray(), expected_pixels(WIDTH, HEIGHT))
    assert [p.name for p in tmp_path.iterdir()] == ["dem.tif"]  # no .part left


def test_the_extent_is_transformed_into_the_request_crs_and_format_defaults_to_gtiff(mapserver, provider, tmp_path):
    to_merc = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"),
                                     QgsCoordinateReferenceSystem("EPSG:3857"), QgsProject.instance())
    merc = to_merc.transformBoundingBox(QgsRectangle(*BBOX))
    extent = f"{merc.xMinimum()!r},{merc.xMaximum()!r},{merc.yMinimum()!r},{merc.yMaximum()!r} [EPSG:3857]"
    out = tmp_path / "dem.tif"
    run({"URL": mapserver.url, "COVERAGE": "DEM", "EXTENT": extent, "CRS": "EPSG:4326",
         "WIDTH": WIDTH, "HEIGHT": HEIGHT, "FORMAT": "", "OUTPUT": str(out)})
    query = sent(mapserver)
    assert query["COVERAGE"] == "dem"  # the server's spelling
    assert query["FORMAT"] == "GTiff"  # MapServer's native 'GeoTIFF' is no format it offers
    assert [float(v) for v in query["BBOX"].split(",")] == pytest.approx(BBOX, abs=1e-6)
    ds, epsg, extent = raster_facts(out)
    assert (ds.RasterXSize, ds.RasterYSize, epsg) == (WIDTH, HEIGHT, "4326")
    np.testing.assert_array_equal(ds.ReadAsArray(), expected_pixels(WIDTH, HEIGHT))


def test_native_crs_is_the_default_and_a_response_crs_reprojects(mapserver, provider, tmp_path):
    out = tmp_path / "merc.tif"
    run({"URL": mapserver.url, "COVERAGE": "dem", "EXTENT": EXTENT_4326, "RESPONSE_CRS": "EPSG:3857",
         "WIDTH": 32, "HEIGHT": 24, "FORMAT": "gtiff", "INTERPOLATION": "Nearest Neighbor", "OUTPUT": str(out)})
    query = sent(mapserver)
    assert (query["CRS"], query["RESPONSE_CRS"], query["FORMAT"]) == ("EPSG:4326", "EPSG:3857", "GTiff")
    assert query["INTERPOLATION"] == "nearest neighbor"
    ds, epsg, extent = raster_facts(out)
    assert (ds.RasterXSize, ds.RasterYSize, epsg) == (32, 24, "3857")
    assert extent[0] == pytest.approx(-8505197.0, abs=2e3) and extent[2] == pytest.approx(-8416141.0, abs=2e3)


@pytest.mark.parametrize("size, message", [
    (dict(WIDTH=WIDTH, HEIGHT=HEIGHT, RESX=RES, RESY=RES), "Give either WIDTH and HEIGHT .* or RESX .*not both"),
    (dict(WIDTH=WIDTH), "Give both WIDTH and HEIGHT"),
    (dict(RESY=RES), "Give both RESX and RESY"),
    ({}, r"Give WIDTH and HEIGHT \(pixels\) or RESX and RESY .* for coverage dem \(its grid is 64 × 48 pixels\)"),
], ids=["both", "width-only", "resy-only", "none"])
def test_exactly_one_size_pair_is_required(mapserver, provider, tmp_path, size, message):
    from qgis.core import QgsProcessingException

    before = [r for r in mapserver.requests if "GetCoverage" in r.query]
    with pytest.raises(QgsProcessingException, match=message):
        run({"URL": mapserver.url, "COVERAGE": "dem", "EXTENT": EXTENT_4326, "CRS": "EPSG:4326",
             **size, "OUTPUT": str(tmp_path / "dem.tif")})
    assert [r for r in mapserver.requests if "GetCoverage" in r.query] == before
    assert list(tmp_path.iterdir()) == []


def test_unknown_coverage_fails_with_the_server_s_text(mapserver, provider, tmp_path):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException) as caught:
        run({"URL": mapserver.url, "COVERAGE": "nope", "EXTENT": EXTENT_4326, "CRS": "EPSG:4326",
             "WIDTH": 8, "HEIGHT": 8, "OUTPUT": str(tmp_path / "nope.tif")})
    text = str(caught.value)
    assert text.startswith("WCS server reported an error (code CoverageNotDefined, locator coverage): ")
    assert "COVERAGE nope cannot be opened / does not exist" in text
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("params, message", [
    (dict(CRS="EPSG:32618"), r"does not accept CRS 'EPSG:32618'; its request CRSs are: EPSG:4326, EPSG:3857"),
    (dict(FORMAT="image/png"), r"not offered as 'image/png'; choose one of: GTiff"),
    (dict(INTERPOLATION="bicubic"), r"interpolation 'bicubic'"),
], ids=["crs", "format", "interpolation"])
def test_choices_the_coverage_does_not_offer_are_refused_before_getcoverage(mapserver, provider, tmp_path,
                                                                             params, message):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match=message):
        run({"URL": mapserver.url, "COVERAGE": "dem", "EXTENT": EXTENT_4326, "WIDTH": 8, "HEIGHT": 8,
             **params, "OUTPUT": str(tmp_path / "dem.tif")})
    assert "DescribeCoverage" in mapserver.requests[-1].query
    assert list(tmp_path.iterdir()) == []


def test_unreachable_server_fails_with_a_clear_message(provider, tmp_path):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="Could not connect to WCS server at http://127.0.0.1:9/wcs"):
        run({"URL": "http://127.0.0.1:9/wcs", "COVERAGE": "dem", "EXTENT": EXTENT_4326,
             "WIDTH": 8, "HEIGHT": 8, "OUTPUT": str(tmp_path / "dem.tif")})


@pytest.fixture(scope="module")
def mapserver_bands(tmp_path_factory):
    folder = tmp_path_factory.mktemp("wcs_alg_bands")
    tif = make_test_tiff(folder / "rgb.tif", WIDTH, HEIGHT, BBOX, data_type="UInt16", bands=3)
    with MapServerWcs(folder / "srv", tif, coverage="rgb", layer_metadata={"wcs_rangeset_axes": "bands"}) as server:
        yield server


def test_range_subset_parameter_picks_bands(mapserver_bands, provider, tmp_path):
    out = tmp_path / "rgb.tif"
    run({"URL": mapserver_bands.url, "COVERAGE": "rgb", "EXTENT": EXTENT_4326, "WIDTH": WIDTH, "HEIGHT": HEIGHT,
         "PARAMETER": "bands=3", "OUTPUT": str(out)})
    assert sent(mapserver_bands)["BANDS"] == "3"
    ds, _epsg, _extent = raster_facts(out)
    assert ds.RasterCount == 1
    np.testing.assert_array_equal(ds.ReadAsArray(), expected_pixels(WIDTH, HEIGHT, band=3))


@pytest.mark.parametrize("subset, message", [("bands", "not of the form axis=value1,value2"),
                                             ("colour=1", "has no range axis 'colour'")])
def test_bad_range_subsets_are_refused_before_getcoverage(mapserver_bands, provider, tmp_path, subset, message):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match=message):
        run({"URL": mapserver_bands.url, "COVERAGE": "rgb", "EXTENT": EXTENT_4326, "WIDTH": 8, "HEIGHT": 8,
             "PARAMETER": subset, "OUTPUT": str(tmp_path / "rgb.tif")})
    assert "GetCoverage" not in mapserver_bands.requests[-1].query
    assert list(tmp_path.iterdir()) == []


# --- no temporary multi-GB files; required-one-of parameters; what the coverage offers -------------


def getcoverages(server):
    return [r for r in server.requests if "GetCoverage" in r.query]


def test_a_temporary_output_is_refused_when_the_project_has_no_folder(mapserver, provider):
    from qgis.core import QgsProcessingException

    QgsProject.instance().clear()
    before = getcoverages(mapserver)
    with pytest.raises(QgsProcessingException) as caught:
        run({"URL": mapserver.url, "COVERAGE": "dem", "EXTENT": EXTENT_4326, "WIDTH": 8, "HEIGHT": 8,
             "OUTPUT": "TEMPORARY_OUTPUT"})
    assert str(caught.value) == ("Choose a file for the coverage (OUTPUT): coverages can be large and are not "
                                 "written to a temporary file; save the project first to have them written next "
                                 "to it.")
    assert getcoverages(mapserver) == before


def test_a_temporary_output_goes_next_to_the_project(mapserver, provider, tmp_path):
    QgsProject.instance().setFileName(str(tmp_path / "ottawa.qgz"))
    try:
        first = run({"URL": mapserver.url, "COVERAGE": "dem", "EXTENT": EXTENT_4326, "WIDTH": WIDTH,
                     "HEIGHT": HEIGHT, "OUTPUT": "TEMPORARY_OUTPUT"})
        second = run({"URL": mapserver.url, "COVERAGE": "dem", "EXTENT": EXTENT_4326, "WIDTH": WIDTH,
                      "HEIGHT": HEIGHT, "OUTPUT": "TEMPORARY_OUTPUT"})
    finally:
        QgsProject.instance().clear()
    assert (first["OUTPUT"], second["OUTPUT"]) == (str(tmp_path / "dem.tif"), str(tmp_path / "dem_1.tif"))
    np.testing.assert_array_equal(gdal.Open(first["OUTPUT"]).ReadAsArray(), expected_pixels(WIDTH, HEIGHT))


def test_the_help_says_which_parameters_are_required_one_of(provider):
    from qgis.core import QgsApplication

    algorithm = QgsApplication.processingRegistry().algorithmById("eo_order:wcs_getcoverage")
    help_text = algorithm.shortHelpString()
    assert ("Size – required, one of: WIDTH and HEIGHT (pixels), or RESX and RESY (CRS units per pixel)."
            in help_text)
    assert "Output – required: a file." in help_text
    assert algorithm.parameterDefinition("WIDTH").description() == (
        "Width (pixels) – give width and height, or the resolution")
    assert algorithm.parameterDefinition("RESX").description() == (
        "X resolution (CRS units per pixel) – or width and height")


def test_an_extent_that_misses_the_coverage_is_refused(mapserver, provider, tmp_path):
    from qgis.core import QgsProcessingException

    before = getcoverages(mapserver)
    with pytest.raises(QgsProcessingException, match=r"The extent does not overlap coverage dem \(in EPSG:4326: "
                                                     r"-76.4, 44.9, -75.6, 45.5\)"):
        run({"URL": mapserver.url, "COVERAGE": "dem", "EXTENT": "10,20,10,20 [EPSG:4326]", "WIDTH": 8, "HEIGHT": 8,
             "OUTPUT": str(tmp_path / "dem.tif")})
    assert getcoverages(mapserver) == before and list(tmp_path.iterdir()) == []


def test_a_time_the_coverage_does_not_offer_is_refused(mapserver, provider, tmp_path):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="has no time positions or periods: leave the time empty"):
        run({"URL": mapserver.url, "COVERAGE": "dem", "EXTENT": EXTENT_4326, "WIDTH": 8, "HEIGHT": 8,
             "TIME": "2020-01-01", "OUTPUT": str(tmp_path / "dem.tif")})


def test_an_endless_reply_stops_at_max_size(mapserver, provider, tmp_path):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="announced a coverage of .* more than the 1 MiB limit"):
        run({"URL": mapserver.url, "COVERAGE": "dem", "EXTENT": EXTENT_4326, "WIDTH": 2000, "HEIGHT": 2000,
             "MAX_SIZE": 1, "OUTPUT": str(tmp_path / "dem.tif")})
    assert list(tmp_path.iterdir()) == []


def test_a_half_given_size_pair_is_refused_before_the_algorithm_runs(provider):
    from qgis.core import QgsApplication, QgsProcessingContext

    algorithm = QgsApplication.processingRegistry().createAlgorithmById("eo_order:wcs_getcoverage")
    ok, message = algorithm.checkParameterValues({"URL": "http://127.0.0.1:9/wcs", "COVERAGE": "dem",
                                                  "EXTENT": EXTENT_4326, "WIDTH": 10}, QgsProcessingContext())
    assert (ok, message) == (False, "Give both WIDTH and HEIGHT (pixels), or neither.")
    assert "Size – required, one of: WIDTH and HEIGHT (pixels), or RESX and RESY" in algorithm.shortHelpString()
