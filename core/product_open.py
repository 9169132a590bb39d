"""What QGIS can show of a downloaded product: GDAL/OGR sources inside a product file.

``layer_sources(path)`` decides, ``open_layers(path)`` adds them to the project. Rules, in order:

1. GDAL opens the file itself (GeoTIFF, NetCDF, JP2, a Sentinel-2 ``.SAFE.zip`` through the SENTINEL2
   driver...): its bands, or one source per subdataset when it has subdatasets (Sentinel-2's 10/20/60 m
   and true-colour sets, NetCDF variables).
2. A zip archive (CDSE serves ``.SAFE`` and ``.SEN3`` folders as zips) is looked into through
   ``/vsizip/``: first a product manifest a driver reads (Sentinel-1 ``manifest.safe``, Sentinel-2
   ``MTD_MSIL1C.xml``/``MTD_MSIL2A.xml``), else the raster members GDAL opens (``.tif``, ``.jp2``, ``.nc``,
   ``.img``...), else vector members (``.shp``, ``.gpkg``, ``.geojson``, ``.kml``) — at most
   ``MAX_MEMBERS`` of them, in archive order, so a product never floods the Layers panel.
3. Otherwise nothing: the caller shows the file in the file browser.

GDAL's error handler is silenced only while probing, and GDAL's exception mode is left as it was.
Nothing here raises for an unreadable file.
"""

import contextlib
import os
from dataclasses import dataclass

from osgeo import gdal, ogr

MAX_MEMBERS = 12
MANIFESTS = ("manifest.safe", "mtd_msil1c.xml", "mtd_msil2a.xml")
RASTER_SUFFIXES = (".tif", ".tiff", ".jp2", ".nc", ".img", ".hdf", ".h5", ".grib", ".grb", ".grib2", ".vrt")
VECTOR_SUFFIXES = (".shp", ".gpkg", ".geojson", ".json", ".kml", ".gml")


@dataclass(frozen=True)
class LayerSource:
    uri: str
    name: str
    kind: str  # "raster" (provider gdal) or "vector" (provider ogr)


@contextlib.contextmanager
def _quiet_gdal():
    """No GDAL error messages and no exceptions while probing; the previous state comes back."""
    use_exceptions = gdal.GetUseExceptions()
    gdal.DontUseExceptions()
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        yield
    finally:
        gdal.PopErrorHandler()
        if use_exceptions:
            gdal.UseExceptions()


def _raster_sources(uri, name):
    """Sources of a GDAL raster ``uri``: itself when it has bands, else its subdatasets."""
    dataset = gdal.OpenEx(uri, gdal.OF_RASTER | gdal.OF_READONLY)
    if dataset is None:
        return []
    subdatasets = dataset.GetSubDatasets() or []
    if subdatasets:
        return [LayerSource(sub_uri, _short(description, name), "raster") for sub_uri, description in subdatasets]
    return [LayerSource(uri, name, "raster")] if dataset.RasterCount else []


def _vector_source(uri, name):
    dataset = ogr.Open(uri)
    if dataset is None or not dataset.GetLayerCount():
        return []
    return [LayerSource(uri, name, "vector")]


def _short(description, fallback):
    """A subdataset description as a layer name, e.g. 'Bands B4, B3, B2, B8 with 10m resolution'."""
    text = " ".join((description or "").split())
    return text[:80] or fallback


def layer_sources(path):
    """The layers QGIS can open from the product file at ``path`` (see the module docstring)."""
    path = os.fspath(path)
    name = os.path.basename(path)
    if not os.path.isfile(path):
        return []
    with _quiet_gdal():
        sources = _raster_sources(path, name)
        if sources:
            return sources[:MAX_MEMBERS]
        if path.lower().endswith(".zip"):
            return _zip_sources(path)[:MAX_MEMBERS]
        return _vector_source(path, name)


def _zip_sources(path):
    root = "/vsizip/" + path
    members = gdal.ReadDirRecursive(root) or []
    files = [m for m in members if not m.endswith("/")]
    for member in files:
        if os.path.basename(member).lower() in MANIFESTS:
            sources = _raster_sources(f"{root}/{member}", os.path.basename(os.path.dirname(member)) or member)
            if sources:
                return sources
    sources = []
    for member in files:
        if member.lower().endswith(RASTER_SUFFIXES):
            sources += _raster_sources(f"{root}/{member}", os.path.basename(member))
            if len(sources) >= MAX_MEMBERS:
                return sources
    if sources:
        return sources
    for member in files:
        if member.lower().endswith(VECTOR_SUFFIXES):
            sources += _vector_source(f"{root}/{member}", os.path.basename(member))
    return sources


def open_layers(path, project=None, group_name=None):
    """Add the product's layers to ``project`` (default: the current one), in a group named
    ``group_name`` (default: the file name) when there is more than one. Returns the layers added."""
    from qgis.core import QgsProject, QgsRasterLayer, QgsVectorLayer

    project = project or QgsProject.instance()
    layers = []
    for source in layer_sources(path):
        layer = (QgsRasterLayer(source.uri, source.name, "gdal") if source.kind == "raster"
                 else QgsVectorLayer(source.uri, source.name, "ogr"))
        if layer.isValid():
            layers.append(layer)
    if len(layers) == 1:
        project.addMapLayer(layers[0])
    elif layers:
        group = project.layerTreeRoot().insertGroup(0, group_name or os.path.basename(os.fspath(path)))
        for layer in layers:
            project.addMapLayer(layer, False)
            group.addLayer(layer)
    return layers
