"""Open in QGIS: which layers a downloaded product file gives (real GDAL/OGR drivers, real QGIS layers)."""

import io
import tarfile
import zipfile

import numpy as np
import pytest
from osgeo import gdal, ogr, osr
from qgis.core import QgsProject, QgsRasterLayer, QgsVectorLayer

from eo_order.core.product_open import MAX_MEMBERS, LayerSource, layer_sources, open_layers

S2_PRODUCT = "S2A_MSIL2A_20240101T100000_N0510_R022_T33UUP_20240101T120000.SAFE"


def srs_wkt(epsg):
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    return srs.ExportToWkt()


def raster(path, width=4, height=3, origin=(8.0, 47.0), size=0.1, value=None, driver="GTiff", epsg=4326):
    """A one-band UInt16 raster whose pixels are ``row * width + col`` (or all ``value``); returns its bytes."""
    mem = gdal.GetDriverByName("MEM").Create("", width, height, 1, gdal.GDT_UInt16)
    mem.SetGeoTransform((origin[0], size, 0, origin[1], 0, -size))
    mem.SetProjection(srs_wkt(epsg))
    pixels = np.arange(width * height).reshape(height, width) if value is None else np.full((height, width), value)
    mem.GetRasterBand(1).WriteArray(pixels.astype(np.uint16))
    options = ["REVERSIBLE=YES", "QUALITY=100"] if driver == "JP2OpenJPEG" else []
    gdal.GetDriverByName(driver).CreateCopy(str(path), mem, options=options).FlushCache()
    return path.read_bytes()


def zip_of(path, members):
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def tar_of(path, members):
    with tarfile.open(path, "w:gz") as archive:  # a .tgz
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return path


def block_values(layer):
    block = layer.dataProvider().block(1, layer.extent(), layer.width(), layer.height())
    return [[block.value(row, col) for col in range(layer.width())] for row in range(layer.height())]


@pytest.fixture
def project(qgis_new_project):
    yield QgsProject.instance()
    QgsProject.instance().clear()


def use_exceptions(gdal_on, ogr_on):
    """GDAL 3.6 stacks the bindings' error handlers: ogr's has to come off before gdal's."""
    ogr.DontUseExceptions()
    gdal.DontUseExceptions()
    if gdal_on:
        gdal.UseExceptions()
    if ogr_on:
        ogr.UseExceptions()


@pytest.fixture(params=["errors as return values", "exceptions"])
def gdal_mode(request):
    """Run in either exception mode of the GDAL and OGR bindings; the probe must not switch it."""
    before = gdal.GetUseExceptions(), ogr.GetUseExceptions()
    on = request.param == "exceptions"
    use_exceptions(on, on)
    yield on
    assert (gdal.GetUseExceptions(), ogr.GetUseExceptions()) == (on, on)
    use_exceptions(*before)


def test_a_geotiff_is_one_raster_layer(tmp_path, project):
    path = tmp_path / "scène 1.tif"
    raster(path)
    assert layer_sources(path) == [LayerSource(str(path), "scène 1.tif", "raster")]
    [layer] = open_layers(path, project)
    assert isinstance(layer, QgsRasterLayer) and layer.isValid()
    assert (layer.width(), layer.height()) == (4, 3)
    extent = layer.extent()
    assert [round(v, 6) for v in (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum())] == [
        8.0, 46.7, 8.4, 47.0]
    assert project.mapLayer(layer.id()) is layer


@pytest.mark.parametrize("archive", [zip_of, tar_of], ids=["zip", "tgz"])
def test_a_raster_inside_a_safe_archive_is_read_in_place(tmp_path, project, archive):
    folder = tmp_path / "téléchargements CDSE"
    folder.mkdir()
    member = "S2A_MSIL2A_TEST.SAFE/GRANULE/L2A_T33UUP/IMG_DATA/R10m/T33UUP_B04_10m.tif"
    suffix = ".zip" if archive is zip_of else ".tgz"
    path = archive(folder / f"S2A_MSIL2A_TEST.SAFE{suffix}", {
        "S2A_MSIL2A_TEST.SAFE/INSPIRE.xml": b"<inspire/>",
        member: raster(tmp_path / "band.tif"),
    })
    prefix = "/vsizip/" if archive is zip_of else "/vsitar/"
    assert layer_sources(path) == [LayerSource(f"{prefix}{path}/{member}", "T33UUP_B04_10m.tif", "raster")]
    [layer] = open_layers(path, project)
    assert layer.isValid() and (layer.width(), layer.height()) == (4, 3)
    assert block_values(layer) == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]]


def sentinel2_l2a_members(tmp_path):
    """A minimal Sentinel-2 L2A SAFE: product MTD, tile MTD (8x6 px at 10 m, UTM 33N), the four 10 m band
    JP2s (B02=200, B03=300, B04=400, B08=800) and the Sentinel-2 manifest.safe, which the SAFE driver refuses."""
    granule = "GRANULE/L2A_T33UUP_A000001_20240101T100000"
    image = f"{granule}/IMG_DATA/R10m/T33UUP_20240101T100000_"
    bands = {"B02": 200, "B03": 300, "B04": 400, "B08": 800}
    files = "".join(f"<IMAGE_FILE>{image}{band}_10m</IMAGE_FILE>" for band in bands)
    mtd = f"""<?xml version="1.0" encoding="UTF-8"?>
<n1:Level-2A_User_Product xmlns:n1="https://psd-14.sentinel2.eo.esa.int/PSD/User_Product_Level-2A.xsd">
 <n1:General_Info><Product_Info>
  <PRODUCT_URI>{S2_PRODUCT}</PRODUCT_URI><PRODUCT_TYPE>S2MSI2A</PRODUCT_TYPE>
  <Query_Options><PRODUCT_FORMAT>SAFE_COMPACT</PRODUCT_FORMAT></Query_Options>
  <Product_Organisation><Granule_List>
   <Granule granuleIdentifier="S2A_OPER_MSI_L2A_TL_2APS_20240101T120000_A000001_T33UUP_N05.10"
            imageFormat="JPEG2000">{files}</Granule>
  </Granule_List></Product_Organisation>
 </Product_Info></n1:General_Info>
</n1:Level-2A_User_Product>"""
    tile = """<n1:Level-2A_Tile_ID xmlns:n1="https://psd-14.sentinel2.eo.esa.int/PSD/S2_PDI_Level-2A_Tile_Metadata.xsd">
 <n1:Geometric_Info><Tile_Geocoding><HORIZONTAL_CS_CODE>EPSG:32633</HORIZONTAL_CS_CODE>
  <Size resolution="10"><NROWS>6</NROWS><NCOLS>8</NCOLS></Size>
  <Geoposition resolution="10"><ULX>399960</ULX><ULY>5900040</ULY><XDIM>10</XDIM><YDIM>-10</YDIM></Geoposition>
 </Tile_Geocoding></n1:Geometric_Info>
</n1:Level-2A_Tile_ID>"""
    manifest = ('<?xml version="1.0"?><xfdu:XFDU xmlns:xfdu="urn:ccsds:schema:xfdu:1" '
                'version="esa/safe/sentinel-2.0/level-2a"></xfdu:XFDU>')
    members = {f"{S2_PRODUCT}/manifest.safe": manifest, f"{S2_PRODUCT}/MTD_MSIL2A.xml": mtd,
               f"{S2_PRODUCT}/{granule}/MTD_TL.xml": tile}
    for band, value in bands.items():
        jp2 = raster(tmp_path / f"{band}.jp2", 8, 6, (399960, 5900040), 10, value, "JP2OpenJPEG", 32633)
        members[f"{S2_PRODUCT}/{image}{band}_10m.jp2"] = jp2
    return members


@pytest.mark.skipif(gdal.GetDriverByName("JP2OpenJPEG") is None, reason="GDAL has no JPEG 2000 driver")
@pytest.mark.parametrize("file_name", [f"{S2_PRODUCT}.zip", "produit téléchargé (1).zip"],
                         ids=["SENTINEL2 opens the zip", "renamed: MTD_MSIL2A.xml inside the zip"])
def test_a_sentinel2_zip_gives_the_driver_subdatasets(tmp_path, project, gdal_mode, file_name):
    path = zip_of(tmp_path / file_name, sentinel2_l2a_members(tmp_path))
    sources = layer_sources(path)
    mtd = f"/vsizip/{path}/{S2_PRODUCT}/MTD_MSIL2A.xml"
    assert [s.uri for s in sources] == [f"SENTINEL2_L2A:{mtd}:{r}:EPSG_32633" for r in ("10m", "20m", "60m", "TCI")]
    assert sources[0].name == "Bands B2, B3, B4, B8 with 10m resolution, UTM 33N"
    layers = open_layers(path, project, group_name=S2_PRODUCT)
    # 20m and 60m have no band files in this fake product: QGIS finds them invalid and they are left out.
    assert [layer.name() for layer in layers] == [sources[0].name, sources[3].name]
    ten_m = layers[0]
    assert ten_m.isValid() and (ten_m.width(), ten_m.height(), ten_m.bandCount()) == (8, 6, 4)
    assert ten_m.crs().authid() == "EPSG:32633"
    assert [ten_m.dataProvider().sample(ten_m.extent().center(), b)[0] for b in (1, 2, 3, 4)] == [400, 300, 200, 800]
    group = project.layerTreeRoot().findGroup(S2_PRODUCT)
    assert [node.layer() for node in group.findLayers()] == layers
    assert [node.isVisible() for node in group.findLayers()] == [True, False]


def netcdf_two_variables(path):
    """A NetCDF with variables no2 and cloud on a 3x4 lat/lon grid (GDAL's multidimensional API)."""
    dataset = gdal.GetDriverByName("netCDF").CreateMultiDimensional(str(path))
    root = dataset.GetRootGroup()
    double = gdal.ExtendedDataType.Create(gdal.GDT_Float64)
    lat, lon = root.CreateDimension("lat", None, None, 3), root.CreateDimension("lon", None, None, 4)
    root.CreateMDArray("lat", [lat], double).Write(np.array([46.9, 46.8, 46.7]))
    root.CreateMDArray("lon", [lon], double).Write(np.array([8.05, 8.15, 8.25, 8.35]))
    for offset, name in enumerate(("no2", "cloud")):
        array = root.CreateMDArray(name, [lat, lon], gdal.ExtendedDataType.Create(gdal.GDT_Float32))
        array.Write(np.arange(12, dtype=np.float32).reshape(3, 4) + 100 * offset)
    dataset = None
    return path


def test_netcdf_variables_become_subdataset_layers_in_a_group(tmp_path, project):
    path = netcdf_two_variables(tmp_path / "S5P_OFFL_L2__NO2_TEST.nc")
    sources = layer_sources(path)
    assert [s.uri for s in sources] == [f'NETCDF:"{path}":no2', f'NETCDF:"{path}":cloud']
    assert [s.name for s in sources] == ["[3x4] no2 (32-bit floating-point)", "[3x4] cloud (32-bit floating-point)"]
    layers = open_layers(path, project, group_name="S5P product")
    assert [(layer.isValid(), layer.width(), layer.height()) for layer in layers] == [(True, 4, 3)] * 2
    assert [block_values(layer)[0][0] for layer in layers] == [0, 100]
    group = project.layerTreeRoot().findGroup("S5P product")
    assert [node.layer() for node in group.findLayers()] == layers


def shapefile_members(tmp_path):
    """The four files of a one-polygon shapefile ``tiles`` (WGS 84)."""
    dataset = gdal.GetDriverByName("ESRI Shapefile").Create(str(tmp_path / "tiles.shp"), 0, 0, 0, gdal.GDT_Unknown)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    layer = dataset.CreateLayer("tiles", srs, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("tile", ogr.OFTString))
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetField("tile", "T33UUP")
    feature.SetGeometry(ogr.CreateGeometryFromWkt("POLYGON ((8 46, 9 46, 9 47, 8 46))"))
    layer.CreateFeature(feature)
    dataset = layer = feature = None
    return {f"product/tiles.{ext}": (tmp_path / f"tiles.{ext}").read_bytes() for ext in ("shp", "shx", "dbf", "prj")}


def test_a_zip_with_only_a_shapefile_gives_one_vector_layer(tmp_path, project):
    path = zip_of(tmp_path / "footprints.zip", {"product/README.txt": b"tiles", **shapefile_members(tmp_path)})
    assert layer_sources(path) == [LayerSource(f"/vsizip/{path}/product/tiles.shp", "tiles.shp", "vector")]
    [layer] = open_layers(path, project)
    assert isinstance(layer, QgsVectorLayer) and layer.isValid() and layer.featureCount() == 1
    assert next(layer.getFeatures())["tile"] == "T33UUP"


def test_each_layer_of_a_geopackage_is_a_source(tmp_path, project):
    path = tmp_path / "AUX_footprints.gpkg"
    dataset = gdal.GetDriverByName("GPKG").Create(str(path), 0, 0, 0, gdal.GDT_Unknown)
    for name in ("tiles", "orbits"):
        layer = dataset.CreateLayer(name, geom_type=ogr.wkbPoint)
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(ogr.CreateGeometryFromWkt("POINT (8 46)"))
        layer.CreateFeature(feature)
    dataset = layer = feature = None
    assert [(s.uri, s.name) for s in layer_sources(path)] == [
        (f"{path}|layername=tiles", "tiles"), (f"{path}|layername=orbits", "orbits")]
    layers = open_layers(path, project)
    assert [(layer.name(), layer.featureCount()) for layer in layers] == [("tiles", 1), ("orbits", 1)]
    assert project.layerTreeRoot().findGroup("AUX_footprints.gpkg") is not None


def test_unreadable_files_give_nothing_and_add_nothing(tmp_path, project, gdal_mode):
    junk = tmp_path / "S1A_IW_GRDH_TEST.SAFE.zip"
    junk.write_bytes(np.random.default_rng(1).bytes(4096))
    text = tmp_path / "notes.txt"
    text.write_text("not a product")
    truncated = b'{"type": "FeatureCollection", "features": [{"type": '
    broken_members = zip_of(tmp_path / "broken members.zip", {
        "P.SAFE/manifest.safe": b"<?xml version='1.0'?><xfdu:XFDU",
        "P.SAFE/measurement/s1a-iw-grd-vv.tiff": b"II*\x00" + bytes(64),
        "P.SAFE/preview/map-overlay.kml": b"<kml",
        "P.SAFE/footprint.geojson": truncated,
    })
    geojson = tmp_path / "truncated.geojson"
    geojson.write_bytes(truncated)
    for path in (junk, text, broken_members, geojson, tmp_path / "missing.tif", tmp_path):
        assert layer_sources(path) == []
        assert open_layers(path, project) == []
    assert project.mapLayers() == {} and project.layerTreeRoot().children() == []


def test_an_archive_gives_at_most_max_members_imagery_first(tmp_path, project):
    tif = raster(tmp_path / "band.tif")
    members = {"P.SAFE/GRANULE/G/QI_DATA/MSK_CLDPRB_20m.tif": tif, "P.SAFE/preview/quick-look.tif": tif}
    members.update({f"P.SAFE/GRANULE/G/IMG_DATA/B{i:02d}.tif": tif for i in range(1, MAX_MEMBERS + 3)})
    path = zip_of(tmp_path / "many.zip", members)
    sources = layer_sources(path)
    assert [s.name for s in sources] == [f"B{i:02d}.tif" for i in range(1, MAX_MEMBERS + 1)]
    layers = open_layers(path, project)
    assert len(layers) == MAX_MEMBERS
    assert [node.layer() for node in project.layerTreeRoot().findGroup("many").findLayers()] == layers
