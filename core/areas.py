"""Areas of interest for catalogue searches: QGIS geometries → a lon/lat ring.

The Copernicus catalogue takes one polygon (no holes, no multipolygon) in the
URL, so a selected polygon is transformed to WGS 84, its holes dropped and,
past ``MAX_VERTICES``, simplified until it fits (the footprint of what it finds
can only grow a little, never miss).
"""

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsGeometry,
    QgsProject,
    QgsRectangle,
    QgsWkbTypes,
)

from .cdse_search import MAX_VERTICES
from .errors import InputError

WGS84 = "EPSG:4326"


def ring_from_extent(rect, crs):
    """The ring of a map extent (any CRS), cut to the world."""
    return ring_from_geometry(QgsGeometry.fromRect(rect), crs)


def ring_from_geometry(geometry, crs):
    """[(lon, lat), ...] of one polygon; several parts → InputError."""
    geometry = QgsGeometry(geometry)
    if geometry.isNull() or geometry.isEmpty():
        raise InputError("The search area is empty: select a polygon or zoom to your area.")
    if QgsWkbTypes.geometryType(geometry.wkbType()) != QgsWkbTypes.GeometryType.PolygonGeometry:
        raise InputError("The search area must be a polygon: select a polygon feature.")
    wgs84 = QgsCoordinateReferenceSystem(WGS84)
    if crs.isValid() and crs != wgs84:
        try:
            geometry.transform(QgsCoordinateTransform(crs, wgs84, QgsProject.instance()))
        except QgsCsException:
            raise InputError("The search area cannot be expressed in WGS 84 longitude/latitude.") from None
    geometry = geometry.intersection(QgsGeometry.fromRect(QgsRectangle(-180, -90, 180, 90)))
    parts = geometry.asMultiPolygon() if geometry.isMultipart() else [geometry.asPolygon()]
    parts = [p for p in parts if p]
    if len(parts) != 1:
        raise InputError(
            f"The search area has {len(parts)} separate parts; the Copernicus catalogue takes one polygon: "
            "select a single polygon (or merge them first)."
        )
    ring = parts[0][0]  # outer ring; holes are dropped (the search can only find more)
    tolerance = 0.0005
    while len(ring) > MAX_VERTICES:
        ring = QgsGeometry.fromPolygonXY([ring]).simplify(tolerance).asPolygon()[0]
        tolerance *= 2
    return [(p.x(), p.y()) for p in ring]


def ring_from_features(features, crs):
    """The union of polygon ``features`` (layer CRS ``crs``) as one ring."""
    geometries = [f.geometry() for f in features if f.hasGeometry()]
    if not geometries:
        raise InputError("No polygon selected: select the polygon feature to search in.")
    return ring_from_geometry(QgsGeometry.unaryUnion(geometries), crs)
