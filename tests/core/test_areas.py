"""Search areas from map extents in any CRS: sides sampled, longitudes unwrapped, poles and the
antimeridian handled, cut to the world."""

import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsRectangle

from eo_order.core.areas import box_from_extent, ring_from_extent
from eo_order.core.errors import InputError


def crs(code):
    return QgsCoordinateReferenceSystem(code)


def bounds(ring):
    xs, ys = [p[0] for p in ring], [p[1] for p in ring]
    return round(min(xs), 2), round(min(ys), 2), round(max(xs), 2), round(max(ys), 2)


def test_a_web_mercator_world_view_searches_the_whole_world(qgis_app):
    world = QgsRectangle(-2.5e7, -2e7, 2.5e7, 2e7)  # wider than the world, as a zoomed-out canvas is
    assert bounds(ring_from_extent(world, crs("EPSG:3857"))) == (-180.0, -85.02, 180.0, 85.02)
    huge = QgsRectangle(-4e7, -4e7, 4e7, 4e7)  # was a 1.3° strip
    assert bounds(ring_from_extent(huge, crs("EPSG:3857"))) == (-180.0, -89.78, 180.0, 89.78)
    box = box_from_extent(huge, crs("EPSG:3857"))
    assert (box.west, box.east) == (-180.0, 180.0)


def test_a_polar_extent_becomes_the_band_around_the_pole(qgis_app):
    arctic = QgsRectangle(-3e6, -3e6, 3e6, 3e6)  # NSIDC north polar stereographic, pole in the middle
    assert bounds(ring_from_extent(arctic, crs("EPSG:3413"))) == (-180.0, 52.21, 180.0, 90.0)
    antarctic = QgsRectangle(-2e6, -2e6, 2e6, 2e6)
    box = box_from_extent(antarctic, crs("EPSG:3031"))
    assert (box.west, round(box.south, 2), box.east, round(box.north, 2)) == (-180.0, -90.0, 180.0, -64.39)


def test_a_polar_extent_beside_the_pole_keeps_its_curved_sides(qgis_app):
    ring = ring_from_extent(QgsRectangle(1e6, -3e6, 3e6, -1e6), crs("EPSG:3413"))
    assert bounds(ring) == (-26.57, 52.21, 26.57, 77.0)  # the corners alone give 63.6…76.9° N
    assert len(ring) > 5


def test_an_ordinary_projected_extent_is_unchanged_in_substance(qgis_app):
    box = box_from_extent(QgsRectangle(-8.5e6, 5.6e6, -8.3e6, 5.8e6), crs("EPSG:3857"))
    assert [round(v, 3) for v in (box.west, box.south, box.east, box.north)] == [-76.357, 44.863, -74.56, 46.122]
    assert len(ring_from_extent(QgsRectangle(-8.5e6, 5.6e6, -8.3e6, 5.8e6), crs("EPSG:3857"))) == 5


def test_an_extent_across_the_antimeridian_covers_every_longitude_of_its_latitudes(qgis_app):
    # a Pacific-centred view (EPSG:3832, PDC Mercator) from 170° E to 170° W
    rect, pacific = QgsRectangle(2.226e6, 1e6, 4.453e6, 2e6), crs("EPSG:3832")  # centred on 150° E
    assert bounds(ring_from_extent(rect, pacific))[::2] == (-180.0, 180.0)  # Copernicus: the band
    box = box_from_extent(rect, pacific)  # CSW: a box across the antimeridian, sent as two boxes
    assert (round(box.west, 1), round(box.east, 1)) == (170.0, -170.0) and 8 < box.south < box.north < 18


def test_a_view_past_the_edge_of_a_world_map_is_cut_there(qgis_app):
    box = box_from_extent(QgsRectangle(1.9e7, 1e6, 2.5e7, 2e6), crs("EPSG:3857"))  # beyond x = 20037508 m: empty
    assert (round(box.west, 2), round(box.south, 2), box.east, round(box.north, 2)) == (170.68, 8.95, 180.0, 17.68)


def test_a_utm_view_wider_than_its_zone_is_not_cut_to_the_zone(qgis_app):
    box = box_from_extent(QgsRectangle(-200000, 4800000, 1200000, 5600000), crs("EPSG:32618"))  # zone: 78–72° W
    assert box.west < -84 and box.east > -66


def test_an_extent_that_cannot_be_transformed_is_refused(qgis_app):
    with pytest.raises(InputError, match="cannot be expressed in WGS 84"):
        ring_from_extent(QgsRectangle(5e9, 5e9, 6e9, 6e9), crs("EPSG:32618"))
