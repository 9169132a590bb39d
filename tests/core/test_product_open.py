"""Open in QGIS: which layers a downloaded product file gives (real GDAL/OGR, real QGIS layers)."""

import json
import zipfile

import numpy as np
import pytest
from osgeo import gdal
from qgis.core import QgsPointXY, QgsProject, QgsRasterLayer, QgsVectorLayer

from eo_order.core.product_open import MAX_MEMBERS, layer_sources, open_layers

WGS84_WKT = ('GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563]],PRIMEM["Greenwich",0],'
             'UNIT["degree",0.0174532925199433],AUTHORITY["EPSG","4326"]]')


def geotiff(path, width=4, height=3, origin=(8.0, 47.0), size=0.1):
    dataset = gdal.GetDriverByName("GTiff").Create(str(path), width, height, 1, gdal.GDT_Byte)
    dataset.SetGeoTransform((origin[0], size, 0, origin[1], 0, -size))
    dataset.SetProjection(WGS84_WKT)
    dataset.GetRasterBand(1).WriteArray(np.arange(width * height, dtype=np.uint8).reshape(height, width))
    dataset = None
    return path


def zip_of(path, members):
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


@pytest.fixture
def project(qgis_new_project):
    yield QgsProject.instance()
    QgsProject.instance().clear()


def test_a_geotiff_is_one_raster_layer(tmp_path, project):
    path = geotiff(tmp_path / "scène 1.tif")
    [source] = layer_sources(path)
    assert source.kind == "raster" and source.name == "scène 1.tif"
    [layer] = open_layers(path, project)
    assert isinstance(layer, QgsRasterLayer) and layer.isValid()
    assert (layer.width(), layer.height()) == (4, 3)
    extent = layer.extent()
    assert (round(extent.xMinimum(), 6), round(extent.yMaximum(), 6)) == (8.0, 47.0)
    assert project.mapLayer(layer.id()) is layer


def test_a_raster_inside_a_safe_zip_is_found(tmp_path, project):
    tif = geotiff(tmp_path / "band.tif").read_bytes()
    path = zip_of(tmp_path / "S2A_MSIL2A_TEST.SAFE.zip", {
        "S2A_MSIL2A_TEST.SAFE/INSPIRE.xml": b"<inspire/>",
        "S2A_MSIL2A_TEST.SAFE/GRANULE/L2A_T33UUP/IMG_DATA/R10m/T33UUP_B04_10m.tif": tif,
    })
    [source] = layer_sources(path)
    assert source.uri.startswith("/vsizip/") and source.uri.endswith("T33UUP_B04_10m.tif")
    [layer] = open_layers(path, project)
    assert layer.isValid()
    assert layer.dataProvider().sample(QgsPointXY(8.05, 46.95), 1)[0] == 0
    assert layer.dataProvider().sample(QgsPointXY(8.35, 46.75), 1)[0] == 11


def netcdf_two_variables(path):
    """A NetCDF with variables no2 and cloud on a 3x4 lat/lon grid (GDAL's multidimensional API)."""
    dataset = gdal.GetDriverByName("netCDF").CreateMultiDimensional(str(path))
    root = dataset.GetRootGroup()
    double = gdal.ExtendedDataType.Create(gdal.GDT_Float64)
    lat, lon = root.CreateDimension("lat", None, None, 3), root.CreateDimension("lon", None, None, 4)
    root.CreateMDArray("lat", [lat], double).Write(np.array([46.9, 46.8, 46.7]))
    root.CreateMDArray("lon", [lon], double).Write(np.array([8.05, 8.15, 8.25, 8.35]))
    for name in ("no2", "cloud"):
        array = root.CreateMDArray(name, [lat, lon], gdal.ExtendedDataType.Create(gdal.GDT_Float32))
        array.Write(np.arange(12, dtype=np.float32).reshape(3, 4))
    dataset = None
    return path


def test_netcdf_variables_become_subdataset_layers_in_a_group(tmp_path, project):
    path = netcdf_two_variables(tmp_path / "S5P_OFFL_L2__NO2_TEST.nc")
    sources = layer_sources(path)
    assert [s.uri.rsplit(":", 1)[-1] for s in sources] == ["no2", "cloud"]
    assert all(s.uri.startswith("NETCDF:") and s.kind == "raster" for s in sources)
    layers = open_layers(path, project, group_name="S5P product")
    assert len(layers) == 2 and all(layer.isValid() and layer.width() == 4 for layer in layers)
    group = project.layerTreeRoot().findGroup("S5P product")
    assert group is not None and {node.layer() for node in group.findLayers()} == set(layers)


def test_a_zip_with_only_vectors_gives_a_vector_layer(tmp_path, project):
    feature = {"type": "Feature", "properties": {"tile": "T33UUP"},
               "geometry": {"type": "Polygon", "coordinates": [[[8, 46], [9, 46], [9, 47], [8, 46]]]}}
    path = zip_of(tmp_path / "footprints.zip", {
        "product/tiles.geojson": json.dumps({"type": "FeatureCollection", "features": [feature]})})
    [source] = layer_sources(path)
    assert source.kind == "vector"
    [layer] = open_layers(path, project)
    assert isinstance(layer, QgsVectorLayer) and layer.featureCount() == 1


def test_unreadable_files_give_nothing_and_add_nothing(tmp_path, project):
    junk = tmp_path / "S1A_IW_GRDH_TEST.SAFE.zip"
    junk.write_bytes(np.random.default_rng(1).bytes(4096))
    text = tmp_path / "notes.txt"
    text.write_text("not a product")
    for path in (junk, text, tmp_path / "missing.tif"):
        assert layer_sources(path) == []
        assert open_layers(path, project) == []
    assert project.mapLayers() == {}
    assert gdal.GetUseExceptions() in (0, 1)  # the probe left GDAL usable


def test_many_members_are_capped(tmp_path, project):
    tif = geotiff(tmp_path / "band.tif").read_bytes()
    path = zip_of(tmp_path / "many.zip", {f"P.SAFE/IMG/B{i:02d}.tif": tif for i in range(MAX_MEMBERS + 5)})
    assert len(layer_sources(path)) == MAX_MEMBERS
