"""How a WCS 1.0.0 request is chosen from a coverage description, the same way in the WCS tab and in
``eo_order:wcs_getcoverage``: matching a QGIS CRS or a typed name to what the server offers, the
default format, the default extent (the part of the map view the coverage covers) and the size
that keeps the coverage's native resolution."""

import math
from typing import Iterable, List, Optional, Tuple

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsProject,
    QgsRectangle,
)

from .errors import InputError
from .i18n import translate
from .wcs10 import CoverageDescription, is_tiff_format


def tr(text: str) -> str:
    return translate("EoOrderWcsChoices", text)


WGS84 = "EPSG:4326"
MAX_PIXELS = 100000  # per side, as the WCS tab's size boxes


def crs_from_code(code: Optional[str]) -> QgsCoordinateReferenceSystem:
    """The QGIS CRS a WCS CRS code names (``EPSG:4326``, ``urn:ogc:def:crs:EPSG::4326``, ``CRS:84``)."""
    crs = QgsCoordinateReferenceSystem.fromOgcWmsCrs(code or "")
    return crs if crs.isValid() else QgsCoordinateReferenceSystem(code or "")


def offered_crs_code(crs: Optional[QgsCoordinateReferenceSystem], offered: Iterable[str]) -> Optional[str]:
    """The code in ``offered`` (the server's spelling) that denotes the QGIS ``crs``, or None."""
    if crs is None or not crs.isValid():
        return None
    authid = crs.authid().lower()
    for code in offered:
        if authid and code.lower() == authid:
            return code
    for code in offered:
        other = crs_from_code(code)
        if other.isValid() and other == crs:
            return code
    return None


def native_crs_code(description: CoverageDescription) -> str:
    """The coverage's native CRS if it can be requested, else its first request CRS ('' if none)."""
    offered = description.request_crs
    for code in description.native_crs:
        match = next((o for o in offered if o.lower() == code.lower()), None)
        if match:
            return match
    if offered:
        return offered[0]
    return next(iter(description.native_crs), "") or description.grid_envelope_crs or ""


def offered_name(value: Optional[str], offered: Iterable[str]) -> str:
    """``value`` spelt as the server offers it (case-insensitive match), else ``value`` unchanged."""
    value = (value or "").strip()
    return next((o for o in offered if o.lower() == value.lower()), value)


def formats_native_first(description: CoverageDescription) -> List[str]:
    """The coverage's formats, its native format first when it is one of them."""
    formats = list(description.formats)
    native = offered_name(description.native_format, formats)
    if native in formats:
        formats.remove(native)
        formats.insert(0, native)
    return formats


def default_format(description: CoverageDescription) -> str:
    """The native format if offered, else the first GeoTIFF-like format, else the first one."""
    formats = formats_native_first(description)
    native = offered_name(description.native_format, formats)
    if native and native in formats:
        return native
    return next((f for f in formats if is_tiff_format(f)), "") or next(iter(formats), description.native_format)


def _same_crs(code, crs):
    """True when WCS CRS ``code`` denotes the QGIS ``crs`` (CRS84 and EPSG:4326 count as one: QGIS
    reads both as x = longitude)."""
    grid = crs_from_code(code) if code else QgsCoordinateReferenceSystem()
    if not (grid.isValid() and crs.isValid()):
        return False
    return grid == crs or {grid.authid().upper(), crs.authid().upper()} <= {"EPSG:4326", "OGC:CRS84"}


def _transform(rect, source, target):
    """``rect`` (in ``source``) as a bounding box in ``target`` (edges densified); None if impossible."""
    if source == target:
        return QgsRectangle(rect)
    try:
        transform = QgsCoordinateTransform(source, target, QgsProject.instance())
        transform.setBallparkTransformsAreAppropriate(True)
        out = transform.transformBoundingBox(rect)
    except QgsCsException:
        return None
    return out if out.isFinite() and not out.isEmpty() else None


def valid_area(crs: QgsCoordinateReferenceSystem) -> QgsRectangle:
    """The part of the world ``crs`` is valid for, in ``crs`` (a geographic CRS: ±180, ±90)."""
    if crs.isGeographic():
        return QgsRectangle(-180, -90, 180, 90)
    bounds = crs.bounds()  # WGS 84 area of use
    if bounds.isEmpty():
        return None
    return _transform(bounds, QgsCoordinateReferenceSystem(WGS84), crs)


def coverage_extent(description: CoverageDescription, crs: QgsCoordinateReferenceSystem) -> Optional[QgsRectangle]:
    """The coverage's extent in ``crs`` (a QgsRectangle), or None: its envelope in that CRS, else its
    lon/lat envelope (or any envelope) transformed."""
    for code, box in description.envelopes or ([(description.grid_envelope_crs, description.grid_envelope)]
                                               if description.grid_envelope else []):
        if _same_crs(code, crs):
            return QgsRectangle(*box)
    candidates = []
    if description.lon_lat_envelope:
        candidates.append((QgsCoordinateReferenceSystem(WGS84), description.lon_lat_envelope))
    candidates += [(crs_from_code(code), box) for code, box in description.envelopes]
    for source, box in candidates:
        if source.isValid():
            out = _transform(QgsRectangle(*box), source, crs)
            if out is not None:
                return out
    return None


def default_extent(description: CoverageDescription, view: QgsRectangle, view_crs: QgsCoordinateReferenceSystem,
                   crs: QgsCoordinateReferenceSystem) -> Optional[QgsRectangle]:
    """The part of the map ``view`` (in ``view_crs``) that the coverage covers, in the request ``crs``.

    The view is first cut to the valid area of its CRS (a world view zoomed out in EPSG:4326 goes
    past ±90°); view and coverage are intersected in lon/lat (so a request CRS such as Web Mercator
    never sees the poles), then in the request CRS. Raises InputError when they do not overlap."""
    wgs84 = QgsCoordinateReferenceSystem(WGS84)
    area = valid_area(view_crs)
    clipped = QgsRectangle(view).intersect(area) if area is not None else QgsRectangle(view)
    view_ll = _transform(clipped, view_crs, wgs84) if not clipped.isEmpty() else None
    cover_ll = QgsRectangle(*description.lon_lat_envelope) if description.lon_lat_envelope else \
        coverage_extent(description, wgs84)
    cover = coverage_extent(description, crs)
    if view_ll is None:
        raise InputError(tr(
            "The map view is outside the area where its CRS is valid: zoom to coverage {0!r}.").format(
            description.name))
    overlap_ll = view_ll.intersect(cover_ll) if cover_ll is not None else view_ll
    overlap = _transform(overlap_ll, wgs84, crs) if _usable(overlap_ll) else None
    if overlap is not None and cover is not None:
        overlap = overlap.intersect(cover)
    if overlap is None or not _usable(overlap):
        box = ", ".join(f"{v:.6g}" for v in description.lon_lat_envelope or (
            (cover_ll.xMinimum(), cover_ll.yMinimum(), cover_ll.xMaximum(), cover_ll.yMaximum()) if cover_ll
            else ()))
        raise InputError(
            tr(
                "The map view does not overlap coverage {0!r} (lon/lat W, S, E, N: {1}): pan or zoom the map to it, "
                "use the coverage's extent, or type a box.").format(description.name, box)
        )
    return overlap


def _usable(rect):
    return rect is not None and not rect.isNull() and rect.isFinite() and rect.width() > 0 and rect.height() > 0


def native_size(description: CoverageDescription, rect: QgsRectangle,
                crs: QgsCoordinateReferenceSystem) -> Optional[Tuple[int, int]]:
    """(width, height) in pixels that keep the coverage's native resolution over ``rect`` (in ``crs``),
    or None when the description gives no resolution. Each side is 1 … MAX_PIXELS."""
    resolution = description.grid_resolution
    grid_crs = crs_from_code(description.grid_crs) if description.grid_crs else QgsCoordinateReferenceSystem()
    if not resolution or not grid_crs.isValid():
        return None
    in_grid = rect if _same_crs(description.grid_crs, crs) else _transform(rect, crs, grid_crs)
    if in_grid is None:
        return None
    width, height = in_grid.width() / resolution[0], in_grid.height() / resolution[1]
    if not (math.isfinite(width) and math.isfinite(height)):
        return None
    return (max(1, min(MAX_PIXELS, round(width))), max(1, min(MAX_PIXELS, round(height))))


def native_resolution(description: CoverageDescription,
                      crs: QgsCoordinateReferenceSystem) -> Optional[Tuple[float, float]]:
    """(resx, resy) of the coverage's grid when ``crs`` is the grid's CRS, else None."""
    if description.grid_resolution and _same_crs(description.grid_crs, crs):
        return description.grid_resolution
    return None
