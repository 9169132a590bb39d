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
from typing import Iterable, List, Tuple

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsWkbTypes,
)

from .cdse_search import MAX_VERTICES
from .errors import InputError
from .i18n import translate
from .models import BBox


def tr(text):
    return translate("EoOrderAreas", text)


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
    which no corner shows. So each side is sampled with :data:`EDGE_POINTS` points, longitudes are
    unwrapped along the outline (no jump of more than 180° between neighbours), and
      * an extent around a pole becomes the latitude band from its lowest latitude to that pole;
      * an extent across the antimeridian becomes that band too (one Copernicus polygon cannot
        cross it: the search finds more, never less) — :func:`box_from_extent` keeps it as a box
        with west > east instead, which CSW searches as two boxes;
      * otherwise the sampled outline, cut to the world (−180…180, −90…90).
    A map extent past the edge of a world map (Web Mercator beyond ±20037508 m, where the canvas
    shows nothing) is cut at that edge first. The extent is not cut to its CRS's area of use: a UTM
    view wider than its zone is transformed whole.
    """
    return _extent_area(rect, crs)[0]


def _extent_area(rect, crs):
    """(area, crossing): :func:`extent_area`'s polygon, and (west, east) with west > east when the
    extent crosses the antimeridian (else None)."""
    if rect is None or rect.isNull() or not rect.isFinite() or rect.width() < 0 or rect.height() < 0:
        raise InputError(tr("The search area is empty: zoom the map to your area or give a box."))
    wgs84 = QgsCoordinateReferenceSystem(WGS84)
    world = _world()
    if not crs.isValid() or crs == wgs84:
        if not rect.intersects(world):
            raise InputError(tr("The search area lies outside the world (−180…180, −90…90)."))
        return QgsGeometry.fromRect(rect.intersect(world)), None
    project = QgsProject.instance()
    to_wgs84 = QgsCoordinateTransform(crs, wgs84, project)
    to_crs = QgsCoordinateTransform(wgs84, crs, project)
    points, unwrapped = _outline(rect, to_wgs84, crs)
    lons = [lon for lon, _lat in unwrapped]
    if min(lons) < -180.0 - 1e-6 or max(lons) > 180.0 + 1e-6:
        # Beyond the edge of a world map (Web Mercator past ±20037508 m) the canvas shows nothing:
        # cut the extent there, then look again.
        edges = _world_x_range(to_crs)
        if edges is not None and (rect.xMinimum() < edges[0] or rect.xMaximum() > edges[1]):
            cut = QgsRectangle(max(rect.xMinimum(), edges[0]), rect.yMinimum(),
                               min(rect.xMaximum(), edges[1]), rect.yMaximum())
            if cut.width() > 0:
                rect = cut
                points, unwrapped = _outline(rect, to_wgs84, crs)
    lats = [lat for _lon, lat in points]
    south, north = max(-90.0, min(lats)), min(90.0, max(lats))
    north_pole, south_pole = _holds(rect, to_crs, 90.0), _holds(rect, to_crs, -90.0)
    if abs(unwrapped[-1][0] - unwrapped[0][0]) > 180.0 and not (north_pole or south_pole):
        north_pole = sum(lats) > 0  # the outline goes once around a pole the CRS cannot place
        south_pole = not north_pole
    if north_pole or south_pole:
        return QgsGeometry.fromRect(QgsRectangle(-180.0, -90.0 if south_pole else south,
                                                 180.0, 90.0 if north_pole else north)), None
    lons = [lon for lon, _lat in unwrapped]
    if min(lons) < -180.0 - 1e-6 or max(lons) > 180.0 + 1e-6:  # across the antimeridian
        crossing = None
        if max(lons) - min(lons) < 360.0:
            crossing = (_snap(min(lons) + 360.0 if min(lons) < -180.0 else min(lons)),
                        _snap(max(lons) - 360.0 if max(lons) > 180.0 else max(lons)))
        return QgsGeometry.fromRect(QgsRectangle(-180.0, south, 180.0, north)), crossing
    ring = [QgsPointXY(_snap(lon), lat) for lon, lat in unwrapped]
    area = QgsGeometry.fromPolygonXY([ring + ring[:1]]).makeValid().simplify(1e-9)
    return area.intersection(QgsGeometry.fromRect(world)), None


def _outline(rect, to_wgs84, crs):
    """(points, unwrapped): the extent's sampled outline in lon/lat, and the same with longitudes
    unwrapped (no jump of more than 180° between neighbours)."""
    points = []
    for x, y in _edge_points(rect):
        try:
            point = to_wgs84.transform(x, y)
        except QgsCsException:
            continue
        if math.isfinite(point.x()) and math.isfinite(point.y()) and abs(point.y()) <= 90.0 + 1e-9:
            points.append((point.x(), point.y()))
    if len(points) < 3:
        raise InputError(tr(
            "The search area cannot be expressed in WGS 84 longitude/latitude: is the extent within where {0} is "
            "defined?").format(crs.authid() or 'its CRS'))
    unwrapped = [points[0]]
    for lon, lat in points[1:]:
        lon += 360.0 * round((unwrapped[-1][0] - lon) / 360.0)
        unwrapped.append((lon, lat))
    return points, unwrapped


def _world_x_range(to_crs):
    """(min x, max x) of the equator in the CRS — the left and right edges of a world map in a
    cylindrical projection; None when the equator cannot be projected."""
    xs = []
    for step in range(0, 361):
        lon = max(-179.9999999, min(179.9999999, -180.0 + step))
        try:
            point = to_crs.transform(lon, 0.0)
        except QgsCsException:
            continue
        if math.isfinite(point.x()):
            xs.append(point.x())
    return (min(xs), max(xs)) if len(xs) > 1 else None


def _snap(lon):
    """±180° for longitudes within 1e-5° of it (a world map's edge, sampled just inside), else as is."""
    return max(-180.0, min(180.0, lon)) if abs(abs(lon) - 180.0) > 1e-5 else math.copysign(180.0, lon)


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


def box_from_extent(rect: QgsRectangle, crs: QgsCoordinateReferenceSystem) -> BBox:
    """The lon/lat :class:`~.models.BBox` of an extent in any CRS (see :func:`extent_area`).

    An extent across the antimeridian (a map centred on the Pacific) gives a box with west > east,
    which the CSW client sends as two boxes OR-ed; around a pole it is the latitude band."""
    area, crossing = _extent_area(rect, crs)
    box = area.boundingBox()
    if crossing is not None:
        return BBox.clamped(crossing[0], box.yMinimum(), crossing[1], box.yMaximum())
    return BBox.clamped(box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum())


def ring_from_extent(rect: QgsRectangle, crs: QgsCoordinateReferenceSystem) -> List[Tuple[float, float]]:
    """The ring of a map extent (any CRS), cut to the world (see :func:`extent_area`)."""
    return ring_from_geometry(extent_area(rect, crs), QgsCoordinateReferenceSystem(WGS84))


def ring_from_geometry(geometry: QgsGeometry, crs: QgsCoordinateReferenceSystem) -> List[Tuple[float, float]]:
    """[(lon, lat), ...] of one polygon; several parts → InputError."""
    geometry = QgsGeometry(geometry)
    if geometry.isNull() or geometry.isEmpty():
        raise InputError(tr("The search area is empty: select a polygon or zoom to your area."))
    if QgsWkbTypes.geometryType(geometry.wkbType()) != QgsWkbTypes.GeometryType.PolygonGeometry:
        raise InputError(tr("The search area must be a polygon: select a polygon feature."))
    wgs84 = QgsCoordinateReferenceSystem(WGS84)
    if crs.isValid() and crs != wgs84:
        box = geometry.boundingBox()
        geometry = geometry.densifyByDistance(max(box.width(), box.height()) / EDGE_POINTS or 1.0)
        try:
            geometry.transform(QgsCoordinateTransform(crs, wgs84, QgsProject.instance()))
        except QgsCsException:
            raise InputError(tr("The search area cannot be expressed in WGS 84 longitude/latitude.")) from None
    geometry = geometry.intersection(QgsGeometry.fromRect(_world()))
    polygons = [g for g in geometry.asGeometryCollection()
                if QgsWkbTypes.geometryType(g.wkbType()) == QgsWkbTypes.GeometryType.PolygonGeometry]
    parts = [part for g in polygons for part in (g.asMultiPolygon() if g.isMultipart() else [g.asPolygon()])]
    parts = [p for p in parts if p]
    if len(parts) != 1:
        raise InputError(
            tr(
                "The search area has {0} separate parts; the Copernicus catalogue takes one polygon: select a single "
                "polygon (or merge them first).").format(len(parts))
        )
    ring = parts[0][0]  # outer ring; holes are dropped (the search can only find more)
    tolerance = 0.0005
    while len(ring) > MAX_VERTICES:
        ring = QgsGeometry.fromPolygonXY([ring]).simplify(tolerance).asPolygon()[0]
        tolerance *= 2
    return [(p.x(), p.y()) for p in ring]


def ring_from_features(features: Iterable[QgsFeature],
                       crs: QgsCoordinateReferenceSystem) -> List[Tuple[float, float]]:
    """The union of polygon ``features`` (layer CRS ``crs``) as one ring."""
    geometries = [f.geometry() for f in features if f.hasGeometry()]
    if not geometries:
        raise InputError(tr("No polygon selected: select the polygon feature to search in."))
    return ring_from_geometry(QgsGeometry.unaryUnion(geometries), crs)
