"""What QGIS can show of a downloaded product: the GDAL/OGR layer sources in a product file.

``layer_sources(path)`` decides, ``open_layers(path)`` adds the layers to a project; when there is no
source the caller shows the file in the file browser instead. Rules, the first that gives a source wins:

1. GDAL opens the file itself (GeoTIFF, JP2, NetCDF, HDF, GRIB, an ``S2?_MSIL1C/2A_*.zip`` through the
   SENTINEL2 driver...): the dataset when it has bands, else one source per subdataset, named after its
   description (Sentinel-2's 10/20/60 m and true-colour sets, one per NetCDF variable).
2. An archive (``.zip``; ``.tar``/``.tgz`` too, not ``.tar.gz``) is read in place through ``/vsizip/`` or ``/vsitar/``:
   a. the product manifest a driver reads, as in rule 1: Sentinel-1 ``manifest.safe`` (SAFE driver;
      Sentinel-2's own ``manifest.safe`` is rejected by it and skipped), Sentinel-2 ``MTD_MSIL1C.xml`` /
      ``MTD_MSIL2A.xml`` (SENTINEL2 driver, its subdatasets);
   b. else its raster members (``.tif``, ``.jp2``, ``.nc``, ``.img``...), as in rule 1, imagery before
      quality masks, previews and auxiliary data (``QI_DATA``, ``preview``, ``*_PVI``...);
   c. else its vector members (``.shp``, ``.gpkg``, ``.geojson``, ``.kml``...), as in rule 3.
3. OGR opens the file itself (GeoPackage, GeoJSON, KML...): one source per layer.

At most ``MAX_MEMBERS`` sources are returned, in archive order: the main product, not every file of a
SAFE folder. A dataset with both bands and subdatasets (Sentinel-1: the first swath, the other swaths and
calibrations as subdatasets) is one layer. Probing silences GDAL messages for the calling thread only and
works in either GDAL exception mode without switching it (GDAL 3.6 keeps that switch process-wide, so
flipping it would affect other threads). An unreadable or missing file gives ``[]``, never an exception.
"""

import os
from dataclasses import dataclass
from typing import List, Optional, Union

from osgeo import gdal
from qgis.core import QgsProject, QgsRasterLayer, QgsVectorLayer

from .gdal_calls import gdal_call

MAX_MEMBERS = 12
# Not ".tar.gz": QGIS 3.22 splits "/vsitar/a.tar.gz/member" at ".tar" and cannot open the layer.
ARCHIVES = {".zip": "/vsizip/", ".tar": "/vsitar/", ".tgz": "/vsitar/"}
MANIFESTS = ("manifest.safe", "mtd_msil1c.xml", "mtd_msil2a.xml")
RASTER_SUFFIXES = (".tif", ".tiff", ".jp2", ".nc", ".nc4", ".img", ".hdf", ".h5", ".he5",
                   ".grib", ".grb", ".grib2", ".vrt")
VECTOR_SUFFIXES = (".shp", ".gpkg", ".geojson", ".json", ".kml", ".gml")
SECONDARY = ("qi_data", "aux_data", "preview", "quicklook", "quick-look", "thumbnail", "_pvi")


@dataclass(frozen=True)
class LayerSource:
    uri: str
    name: str
    kind: str  # "raster" (QGIS provider "gdal") or "vector" (provider "ogr")


def layer_sources(path):
    """The layers QGIS can open from the product file at ``path`` (rules in the module docstring)."""
    path = os.fspath(path)
    if not os.path.isfile(path):
        return []
    name = os.path.basename(path)
    sources = _raster_sources(path, name)
    if not sources:
        root = _archive_root(path)
        sources = _archive_sources(root) if root else _vector_sources(path, name)
    return sources[:MAX_MEMBERS]


def open_layers(path: str, project: Optional[QgsProject] = None,
                group_name: Optional[str] = None) -> List[Union[QgsRasterLayer, QgsVectorLayer]]:
    """Add the product's valid layers to ``project`` (default: the current project) and return them.
    Several layers go into a new group at the top, ``group_name`` or the product name; only the first
    raster of a group is visible, as the rasters of one product cover each other."""
    project = project or QgsProject.instance()
    layers = []
    for source in layer_sources(path):
        if source.kind == "raster":
            layer = QgsRasterLayer(source.uri, source.name, "gdal")
        else:
            layer = QgsVectorLayer(source.uri, source.name, "ogr")
        if layer.isValid():
            layers.append(layer)
    if len(layers) == 1:
        project.addMapLayer(layers[0])
    elif layers:
        group = project.layerTreeRoot().insertGroup(0, group_name or _product_name(os.fspath(path)))
        for index, layer in enumerate(layers):
            project.addMapLayer(layer, False)
            group.addLayer(layer).setItemVisibilityChecked(index == 0 or isinstance(layer, QgsVectorLayer))
    return layers


def _quietly(call, *args):
    """``call(*args)`` with GDAL quiet; None when it fails."""
    return gdal_call(call, *args)[0]


def _raster_sources(uri, name):
    """The GDAL raster at ``uri`` when it has bands, else its subdatasets."""
    dataset = _quietly(gdal.OpenEx, uri, gdal.OF_RASTER | gdal.OF_READONLY)
    if dataset is None:
        return []
    if dataset.RasterCount:
        return [LayerSource(uri, name, "raster")]
    return [LayerSource(sub_uri, " ".join(description.split())[:80] or name, "raster")
            for sub_uri, description in _quietly(dataset.GetSubDatasets) or []]


def _vector_sources(uri, name):
    """One source per layer of the OGR dataset at ``uri`` (``uri|layername=...`` when it has several)."""
    dataset = _quietly(gdal.OpenEx, uri, gdal.OF_VECTOR | gdal.OF_READONLY)
    if dataset is None:
        return []
    names = [dataset.GetLayer(i).GetName() for i in range(dataset.GetLayerCount())]
    if len(names) == 1:
        return [LayerSource(uri, name, "vector")]
    return [LayerSource(f"{uri}|layername={layer}", layer, "vector") for layer in names]


def _archive_root(path):
    lower = path.lower()
    return next((prefix + path for suffix, prefix in ARCHIVES.items() if lower.endswith(suffix)), None)


def _product_name(path):
    """``S2A_MSIL2A_....SAFE`` for ``.../S2A_MSIL2A_....SAFE.zip``."""
    name = os.path.basename(path)
    return next((name[: -len(suffix)] for suffix in ARCHIVES if name.lower().endswith(suffix)), name)


def _archive_sources(root):
    files = [member for member in _quietly(gdal.ReadDirRecursive, root) or [] if not member.endswith("/")]
    for member in files:
        if os.path.basename(member).lower() in MANIFESTS:
            sources = _raster_sources(f"{root}/{member}", os.path.basename(os.path.dirname(member)) or member)
            if sources:
                return sources

    def members(suffixes):  # in archive order, imagery before masks, previews and auxiliary data
        found = [m for m in files if m.lower().endswith(suffixes)]
        return sorted(found, key=lambda m: any(word in m.lower() for word in SECONDARY))

    return (_first_sources(root, members(RASTER_SUFFIXES), _raster_sources)
            or _first_sources(root, members(VECTOR_SUFFIXES), _vector_sources))


def _first_sources(root, members, probe):
    """The sources ``probe`` finds in ``members``, stopping once there are ``MAX_MEMBERS``."""
    sources = []
    for member in members:
        sources += probe(f"{root}/{member}", os.path.basename(member))
        if len(sources) >= MAX_MEMBERS:
            break
    return sources
