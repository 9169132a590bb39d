"""The map's right-click entries for EO Order footprints, built in one place for every layer kind.

:func:`footprints_at` finds the footprints under the click; :func:`add_footprint_entries` lists
*every* one of them (topmost layer first, newest first within a layer), each labelled by
:func:`~..core.footprints.footprint_label` (date, collection/beam and id; or sensing date and
product name). Up to :data:`MAX_INLINE` footprints the entries are in the menu itself; past that each
action gets a sub-menu listing them all.
"""

from dataclasses import dataclass
from typing import Callable

from qgis.core import QgsCoordinateTransform, QgsFeatureRequest, QgsProject, QgsRectangle

from ..core.footprints import footprint_label, layer_kind, newest_first

PICK_TOLERANCE_PX = 4
MAX_INLINE = 10  # more footprints than this under the click: one sub-menu per action


@dataclass
class FootprintAction:
    """One thing a footprint's right-click can do. ``one`` labels it for one footprint (``{0}`` is the
    footprint's label), ``many`` names the sub-menu (``{0}`` is the count); ``act(layer, feature)``
    does it; ``applies(feature)`` tells whether it is offered for that footprint."""

    one: str
    many: str
    act: Callable
    applies: Callable = lambda _feature: True


@dataclass
class SelectionAction:
    """What the selection of a layer under the click can do: ``label`` (``{0}`` is the count),
    ``act(layer, features)``."""

    label: str
    act: Callable


def footprints_at(canvas, map_point, kind):
    """[(layer, [features])] of ``kind`` footprint layers (a key of core.footprints.LAYER_KINDS) under
    ``map_point`` (canvas CRS), within a few pixels: topmost layer first, newest footprint first."""
    found = []
    tolerance = canvas.mapUnitsPerPixel() * PICK_TOLERANCE_PX
    box = QgsRectangle(map_point.x() - tolerance, map_point.y() - tolerance,
                       map_point.x() + tolerance, map_point.y() + tolerance)
    for layer in canvas.layers():  # the layer drawn on top comes first
        if layer_kind(layer) != kind:
            continue
        to_layer = QgsCoordinateTransform(canvas.mapSettings().destinationCrs(), layer.crs(), QgsProject.instance())
        features = list(layer.getFeatures(QgsFeatureRequest().setFilterRect(to_layer.transformBoundingBox(box))))
        if features:
            found.append((layer, newest_first(features)))
    return found


def add_footprint_entries(menu, canvas, map_point, kind, actions, selection=None):
    """Add to ``menu`` the ``actions`` (:class:`FootprintAction`) for every ``kind`` footprint under
    ``map_point``, and ``selection`` (:class:`SelectionAction`) for each such layer with more than one
    selected feature. Returns how many footprints were found."""
    under = footprints_at(canvas, map_point, kind)
    pairs = [(layer, feature) for layer, features in under for feature in features]
    if not pairs:
        return 0
    menu.addSeparator()
    for action in actions:
        offered = [(layer, feature) for layer, feature in pairs if action.applies(feature)]
        if not offered:
            continue
        target = menu
        if len(pairs) > MAX_INLINE:
            target = menu.addMenu(action.many.format(len(offered)))
        for layer, feature in offered:
            label = footprint_label(feature) or str(feature.id())
            entry = target.addAction(label if target is not menu else action.one.format(label))
            entry.triggered.connect(lambda _=False, la=layer, f=feature, a=action: a.act(la, f))
    if selection is not None:
        for layer, _features in under:
            selected = layer.selectedFeatures()
            if len(selected) > 1:
                entry = menu.addAction(selection.label.format(len(selected)))
                entry.triggered.connect(lambda _=False, la=layer, fs=selected: selection.act(la, fs))
    return len(pairs)
