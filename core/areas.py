"""Areas of interest for catalogue searches: QGIS geometries and extents → a lon/lat ring or box.

Every search area made from a map extent (dock canvas box, Processing EXTENT, Copernicus and CSW
alike) goes through :func:`extent_area`, which samples the extent's sides, unwraps longitudes and
handles the poles and the antimeridian (see there).

The Copernicus catalogue takes one polygon (no holes, no multipolygon) in the
URL, so a selected polygon is transformed to WGS 84, its holes dropped and,
past ``MAX_VERTICES``, simplified until it fits (the footprint of what it finds
can only grow a little, never miss).
"""

import math

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsWkbTypes,
)

from .cdse_search import MAX_VERTICES
from .errors import InputError
from .models import BBox

WGS84 = "EPSG:4326"


EDGE_POINTS = 64  # points per side of an extent transformed to lon/lat


def _world():
    return QgsRectangle(-180, -90, 180, 90)


def extent_area(rect, crs):
    """The lon/lat area (a polygon QgsGeometry in EPSG:4326) that the extent ``rect`` in ``crs``
    covers — the one function behind every search box and search polygon made from an extent.

    Transforming the four corners is wrong for most projections: the sides of a projected extent
    are curves in lon/lat, a Web Mercator view wider than the world wraps its corners around
    (−2.5e7…2.5e7 m gave −135…135°, ±4e7 m a 1.3° strip), and a polar extent contains the pole,
    which no corner shows. So: the extent is first cut to where its CRS is defined (the CRS's area
    of use), each side is sampled with :data:`EDGE_POINTS` points, longitudes are unwrapped along
    the ring, and
      * an extent around a pole becomes the latitude band from its lowest latitude to that pole;
      * an extent across the antimeridian becomes the band of its latitudes over all longitudes
        (a single box or polygon cannot cross it: the search finds more, never less);
      * otherwise the sampled ring, cut to the world (−180…180, −90…90).
    """
    if rect is None or rect.isNull() or not rect.isFinite() or rect.width() < 0 or rect.height() < 0:
        raise InputError("The search area is empty: zoom the map to your area or give a box.")
    wgs84 = QgsCoordinateReferenceSystem(WGS84)
    world = _world()
    if not crs.isValid() or crs == wgs84:
        clipped = rect.intersect(world)
        if clipped.isEmpty() and not (clipped.width() or clipped.height()) and not world.contains(rect):
            raise InputError("The search area lies outside the world (−180…180, −90…90).")
        return QgsGeometry.fromRect(clipped)
    project = QgsProject.instance()
    to_wgs84 = QgsCoordinateTransform(crs, wgs84, project)
    to_crs = QgsCoordinateTransform(wgs84, crs, project)
    rect = QgsRectangle(rect)
    try:
        defined = to_crs.transformBoundingBox(crs.bounds())
    except QgsCsException:
        defined = None
    if defined is not None and defined.isFinite() and not defined.isEmpty():
        inset = max(defined.width(), defined.height()) * 1e-9  # ±180° itself may come back as ∓180°
        defined = QgsRectangle(defined.xMinimum() + inset, defined.yMinimum() + inset,
                               defined.xMaximum() - inset, defined.yMaximum() - inset)
        if not rect.intersects(defined):
            raise InputError(f"The search area lies outside where {crs.authid() or 'its CRS'} is defined: "
                             "zoom the map to your area.")
        rect = rect.intersect(defined)
    points = []
    for x, y in _edge_points(rect):
        try:
            point = to_wgs84.transform(x, y)
        except QgsCsException:
            continue
        if math.isfinite(point.x()) and math.isfinite(point.y()):
            points.append((point.x(), point.y()))
    if len(points) < 3:
        raise InputError("The search area cannot be expressed in WGS 84 longitude/latitude.")
    unwrapped = [points[0]]
    for lon, lat in points[1:]:
        previous = unwrapped[-1][0]
        lon += 360.0 * round((previous - lon) / 360.0)
        unwrapped.append((lon, lat))
    lats = [lat for _lon, lat in points]
    south, north = max(-90.0, min(lats)), min(90.0, max(lats))
    north_pole, south_pole = _holds(rect, to_crs, 90.0), _holds(rect, to_crs, -90.0)
    if abs(unwrapped[-1][0] - unwrapped[0][0]) > 180.0 and not (north_pole or south_pole):
        north_pole = sum(lats) > 0  # the ring goes once around a pole the CRS cannot place
        south_pole = not north_pole
    if north_pole or south_pole:
        return QgsGeometry.fromRect(QgsRectangle(-180.0, -90.0 if south_pole else south,
                                                 180.0, 90.0 if north_pole else north))
    lons = [lon for lon, _lat in unwrapped]
    if min(lons) < -180.0 - 1e-6 or max(lons) > 180.0 + 1e-6:  # across the antimeridian
        return QgsGeometry.fromRect(QgsRectangle(-180.0, south, 180.0, north))
    ring = [QgsPointXY(_snap(lon), lat) for lon, lat in unwrapped]
    area = QgsGeometry.fromPolygonXY([ring + ring[:1]]).makeValid().simplify(1e-9)
    return area.intersection(QgsGeometry.fromRect(world))


def _snap(lon):
    """±180° for longitudes within a micro-degree of it (the CRS's edge, inset), else as is."""
    return max(-180.0, min(180.0, lon)) if abs(abs(lon) - 180.0) > 1e-6 else math.copysign(180.0, lon)


def _edge_points(rect):
    """The extent's outline, :data:`EDGE_POINTS` points a side, counter-clockwise, not closed."""
    x0, y0, x1, y1 = rect.xMinimum(), rect.yMinimum(), rect.xMaximum(), rect.yMaximum()
    n = EDGE_POINTS
    sides = (((x0, y0), (x1, y0)), ((x1, y0), (x1, y1)), ((x1, y1), (x0, y1)), ((x0, y1), (x0, y0)))
    return [(a[0] + (b[0] - a[0]) * i / n, a[1] + (b[1] - a[1]) * i / n) for a, b in sides for i in range(n)]


def _holds(rect, to_crs, lat):
    """True when the pole at latitude ``lat`` lies inside ``rect`` (in the CRS of ``to_crs``)."""
    try:
        pole = to_crs.transform(0.0, lat)
    except QgsCsException:
        return False
    return math.isfinite(pole.x()) and math.isfinite(pole.y()) and rect.contains(QgsPointXY(pole.x(), pole.y()))


def box_from_extent(rect, crs):
    """The lon/lat :class:`~.models.BBox` of an extent in any CRS (see :func:`extent_area`)."""
    box = extent_area(rect, crs).boundingBox()
    return BBox.clamped(box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum())


def ring_from_extent(rect, crs):
    """The ring of a map extent (any CRS), cut to the world (see :func:`extent_area`)."""
    return ring_from_geometry(extent_area(rect, crs), QgsCoordinateReferenceSystem(WGS84))


def ring_from_geometry(geometry, crs):
    """[(lon, lat), ...] of one polygon; several parts → InputError."""
    geometry = QgsGeometry(geometry)
    if geometry.isNull() or geometry.isEmpty():
        raise InputError("The search area is empty: select a polygon or zoom to your area.")
    if QgsWkbTypes.geometryType(geometry.wkbType()) != QgsWkbTypes.GeometryType.PolygonGeometry:
        raise InputError("The search area must be a polygon: select a polygon feature.")
    wgs84 = QgsCoordinateReferenceSystem(WGS84)
    if crs.isValid() and crs != wgs84:
        box = geometry.boundingBox()
        geometry = geometry.densifyByDistance(max(box.width(), box.height()) / EDGE_POINTS or 1.0)
        try:
            geometry.transform(QgsCoordinateTransform(crs, wgs84, QgsProject.instance()))
        except QgsCsException:
            raise InputError("The search area cannot be expressed in WGS 84 longitude/latitude.") from None
    geometry = geometry.intersection(QgsGeometry.fromRect(_world()))
    polygons = [g for g in geometry.asGeometryCollection()
                if QgsWkbTypes.geometryType(g.wkbType()) == QgsWkbTypes.GeometryType.PolygonGeometry]
    parts = [part for g in polygons for part in (g.asMultiPolygon() if g.isMultipart() else [g.asPolygon()])]
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
