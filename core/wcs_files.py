"""Where a fetched coverage goes: its file name and folder, the same way in the WCS tab and in
``eo_order:wcs_getcoverage``.

A coverage is never saved silently into the temporary folder: it goes to the file the user chose,
or next to the project (its home folder) when it has one. With neither, the caller asks the user.
"""

import math
import os
from typing import Optional

from qgis.core import QgsProject, QgsRasterLayer, QgsRasterRange

from .names import file_stem as safe_stem
from .wcs10 import CoverageDescription, is_tiff_format

_EXTENSIONS = (
    ("png", ".png"), ("jpeg", ".jpg"), ("jpg", ".jpg"), ("gif", ".gif"), ("netcdf", ".nc"), ("hdf", ".hdf"),
    ("jp2", ".jp2"), ("grib", ".grb"), ("aaigrid", ".asc"), ("arcgrid", ".asc"), ("ascii", ".asc"),
    ("hfa", ".img"), ("img", ".img"), ("nitf", ".ntf"), ("gml", ".gml"), ("xml", ".xml"),
)


def extension_for(fmt: Optional[str]) -> str:
    """The file extension for WCS format ``fmt`` ('GTiff' → '.tif', 'image/png' → '.png')."""
    kind = (fmt or "").lower()
    if not kind or is_tiff_format(kind):
        return ".tif"
    return next((ext for key, ext in _EXTENSIONS if key in kind), ".dat")


def file_stem(name: str) -> str:
    """A coverage name made safe as a file name ('ns:dem 1' → 'ns_dem_1')."""
    return safe_stem(name, "coverage")


def project_folder(project: Optional[QgsProject] = None) -> str:
    """The folder of the current project file ('' when the project was never saved)."""
    project = project or QgsProject.instance()
    return project.homePath() if project.fileName() or project.presetHomePath() else ""


def unique_path(folder: str, stem: str, ext: str) -> str:
    """``folder/stem.ext``, or ``stem_1.ext``, ``stem_2.ext``… if taken (a ``.part`` counts as taken)."""
    path, n = os.path.join(folder, stem + ext), 0
    while os.path.exists(path) or os.path.exists(path + ".part"):
        n += 1
        path = os.path.join(folder, f"{stem}_{n}{ext}")
    return path


def coverage_file(folder: str, coverage: str, fmt: Optional[str]) -> str:
    """A new file in ``folder`` named after ``coverage`` with ``fmt``'s extension."""
    return unique_path(folder, file_stem(coverage), extension_for(fmt))


def coverage_layer(path: str, description: CoverageDescription) -> QgsRasterLayer:
    """The raster layer of a fetched coverage, named after it, its no-data transparent: the file's own
    no-data value, else the coverage's nullValues (DescribeCoverage) as the bands' no-data."""
    layer = QgsRasterLayer(path, description.name, "gdal")
    if not layer.isValid():
        return layer
    provider = layer.dataProvider()
    nulls = []
    for text in description.null_values:
        try:
            value = float(text)
        except ValueError:
            continue
        if math.isfinite(value):  # NaN is no-data for QGIS already
            nulls.append(QgsRasterRange(value, value))
    for band in range(1, layer.bandCount() + 1):
        if provider.sourceHasNoDataValue(band):
            provider.setUseSourceNoDataValue(band, True)
        elif nulls:
            provider.setUserNoDataValue(band, nulls)
    layer.triggerRepaint()
    return layer
