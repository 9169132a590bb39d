"""Which EO Order footprints lie under a point of the map canvas (for its right-click menu)."""

from qgis.core import QgsCoordinateTransform, QgsFeatureRequest, QgsProject, QgsRectangle

from ..core.footprints import layer_kind

PICK_TOLERANCE_PX = 4


def footprints_at(canvas, map_point, kind):
    """{layer: [features]} of ``kind`` footprint layers (core.footprints.LAYER_KINDS) under
    ``map_point`` (canvas CRS), within a few pixels."""
    found = {}
    tolerance = canvas.mapUnitsPerPixel() * PICK_TOLERANCE_PX
    box = QgsRectangle(map_point.x() - tolerance, map_point.y() - tolerance,
                       map_point.x() + tolerance, map_point.y() + tolerance)
    for layer in canvas.layers():
        if layer_kind(layer) != kind:
            continue
        to_layer = QgsCoordinateTransform(canvas.mapSettings().destinationCrs(), layer.crs(), QgsProject.instance())
        features = list(layer.getFeatures(QgsFeatureRequest().setFilterRect(to_layer.transformBoundingBox(box))))
        if features:
            found[layer] = features
    return found
