"""eo_order:quicklooks through QGIS Processing: GeoTIFFs on their footprints in the output folder,
a table row per footprint, the selection honoured, a failing thumbnail reported."""

import pytest
from osgeo import gdal
from qgis.core import QgsProcessingFeatureSourceDefinition, QgsProject, QgsVectorLayer

from eo_order.core.footprints import features_from_records, footprint_layer
from eo_order.core.models import Record
from tests.servers.canned import CannedServer
from tools.pycsw_server import radar_thumbnail

BOXES = {"1508207": (-76.45, 45.14, -76.30, 45.30), "1508208": (-76.10, 45.40, -75.95, 45.55),
         "1508209": (-75.60, 45.10, -75.45, 45.25)}


@pytest.fixture
def thumbs():
    routes = {f"/wes/getObject/{rid}": (200, {"Content-Type": "image/png"}, radar_thumbnail(rid))
              for rid in ("1508207", "1508208")}  # 1508209's answers 404
    with CannedServer(routes) as server:
        yield server


@pytest.fixture
def footprints(qgis_new_project, thumbs):
    records = [Record(rid, date="2013-02-21", bbox=box, collection_id="Radarsat1",
                      references={"THUMBVIEW": [thumbs.url_for(f"/wes/getObject/{rid}")]})
               for rid, box in BOXES.items()]
    layer = footprint_layer("footprints", features_from_records(records, "test"))
    QgsProject.instance().addMapLayer(layer)
    return layer


def run(params):
    from qgis import processing

    return processing.run("eo_order:quicklooks", params)


def extent(path):
    dataset = gdal.Open(path)
    x0, dx, _, y0, _, dy = dataset.GetGeoTransform()
    return x0, y0 + dy * dataset.RasterYSize, x0 + dx * dataset.RasterXSize, y0, dataset.RasterCount


def test_writes_a_georeferenced_tif_per_footprint_and_reports_the_failure(provider, footprints, tmp_path):
    result = run({"INPUT": footprints, "OUTPUT_FOLDER": str(tmp_path / "ql"), "OUTPUT": "memory:"})
    table = result["OUTPUT"]  # a memory layer
    rows = {f["name"]: (f["status"], f["path"], f["message"]) for f in table.getFeatures()}
    assert sorted(p.name for p in (tmp_path / "ql").iterdir()) == ["1508207.tif", "1508208.tif"]
    assert rows["1508209"][0] == "failed" and "404" in rows["1508209"][2]
    for rid in ("1508207", "1508208"):
        status, path, _ = rows[rid]
        assert status == "ok" and path == str(tmp_path / "ql" / f"{rid}.tif")
        west, south, east, north, bands = extent(path)
        pixel = (east - west) / 100
        assert bands == 2  # grey + alpha
        assert [west, south, east, north] == pytest.approx(list(BOXES[rid]), abs=pixel)


def test_selected_only_fetches_just_the_selection(provider, footprints, thumbs, tmp_path):
    footprints.selectByIds([f.id() for f in footprints.getFeatures() if f["record_id"] == "1508208"])
    run({"INPUT": QgsProcessingFeatureSourceDefinition(footprints.id(), selectedFeaturesOnly=True),
         "OUTPUT_FOLDER": str(tmp_path / "ql"), "OUTPUT": "memory:"})
    assert [p.name for p in (tmp_path / "ql").iterdir()] == ["1508208.tif"]
    assert [r.path for r in thumbs.requests] == ["/wes/getObject/1508208"]


def test_a_layer_that_is_not_footprints_is_a_clear_error(provider, qgis_new_project, tmp_path):
    from qgis.core import QgsProcessingException

    towns = QgsVectorLayer("Polygon?crs=EPSG:4326&field=name:string", "towns", "memory")
    with pytest.raises(QgsProcessingException, match="not an EO Order footprint layer"):
        run({"INPUT": towns, "OUTPUT_FOLDER": str(tmp_path / "ql"), "OUTPUT": "memory:"})
