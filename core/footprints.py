"""Records → footprint features and layers (qgis.core only, no widgets).

The dock and the Processing algorithm build their attribute tables here, so
both write the same fields.
"""

from qgis.core import (
    QgsExpression,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsFillSymbol,
    QgsGeometry,
    QgsRectangle,
    QgsRuleBasedRenderer,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDate, QVariant

CRS = "EPSG:4326"

# (name, type, length): the attribute table of every footprint layer.
FIELD_SPEC = (
    ("record_id", QVariant.String, 64),
    ("collection_id", QVariant.String, 64),
    ("title", QVariant.String, 254),
    ("acquired", QVariant.Date, 0),
    ("beam_mode", QVariant.String, 32),
    ("format", QVariant.String, 64),
    ("record_type", QVariant.String, 32),
    ("thumbnail_url", QVariant.String, 1024),
    ("source_url", QVariant.String, 1024),
    ("catalog", QVariant.String, 1024),
)


def footprint_fields():
    fields = QgsFields()
    for name, kind, length in FIELD_SPEC:
        fields.append(QgsField(name, kind, len=length))
    return fields


def features_from_records(records, catalog, fields=None):
    """One polygon feature per record with a box (records without one are
    skipped: a footprint layer cannot show them)."""
    fields = fields or footprint_fields()
    features = []
    append = features.append
    from_rect = QgsGeometry.fromRect
    for rec in records:
        if rec.bbox is None:
            continue
        feature = QgsFeature(fields)
        feature.setGeometry(from_rect(QgsRectangle(*rec.bbox)))
        acquired = rec.acquired
        feature.setAttributes([
            rec.record_id,
            rec.collection_id,
            rec.title,
            QDate(acquired.year, acquired.month, acquired.day) if acquired else None,
            rec.beam_mode,
            rec.format,
            rec.type,
            rec.thumbnail_url,
            rec.source,
            catalog,
        ])
        append(feature)
    return features


KIND_PROPERTY = "eo_order/kind"


def new_footprint_layer(name):
    """An empty in-memory polygon layer with the footprint fields, drawn as outlines."""
    layer = QgsVectorLayer(f"Polygon?crs={CRS}", name, "memory")
    layer.dataProvider().addAttributes(footprint_fields())
    layer.updateFields()
    style_footprints(layer)
    return layer


def is_footprint_layer(layer):
    """True for layers EO Order made (or file layers with the footprint fields)."""
    if layer is None or not hasattr(layer, "fields"):
        return False
    if layer.customProperty(KIND_PROPERTY) == "footprints":
        return True
    names = set(layer.fields().names())
    return {"record_id", "collection_id"} <= names


def style_footprints(layer, ordered_ids=()):
    """Red outlines, so overlapping scenes and the map stay visible; scenes already
    ordered (``ordered_ids``) are filled green so they stand out."""
    layer.setCustomProperty(KIND_PROPERTY, "footprints")
    outline = QgsFillSymbol.createSimple({"style": "no", "outline_color": "227,26,28,255", "outline_width": "0.6"})
    if not ordered_ids:
        layer.setRenderer(QgsSingleSymbolRenderer(outline))
        return
    ordered = QgsFillSymbol.createSimple({
        "color": "51,160,44,90", "outline_color": "51,160,44,255", "outline_width": "0.8"})
    quoted = ",".join(QgsExpression.quotedValue(str(i)) for i in sorted(ordered_ids))
    root = QgsRuleBasedRenderer.Rule(None)
    root.appendChild(QgsRuleBasedRenderer.Rule(ordered, 0, 0, f'"record_id" IN ({quoted})', "Ordered"))
    root.appendChild(QgsRuleBasedRenderer.Rule(outline, 0, 0, "ELSE", "Not ordered"))
    layer.setRenderer(QgsRuleBasedRenderer(root))


def scene_from_feature(feature):
    """The order-relevant attributes of a footprint feature as a dict."""
    def value(name):
        index = feature.fields().indexOf(name)
        if index < 0:
            return ""
        raw = feature.attribute(index)
        if raw is None or (hasattr(raw, "isNull") and raw.isNull()):
            return ""
        return raw.toString("yyyy-MM-dd") if hasattr(raw, "toString") else str(raw)

    return {name: value(name) for name in ("record_id", "collection_id", "title", "acquired")}


def footprint_layer(name, features):
    """A memory layer holding ``features``, added in one batch."""
    layer = new_footprint_layer(name)
    if features and not layer.dataProvider().addFeatures(features):
        raise RuntimeError(f"Could not add footprints to layer {name!r}: {layer.dataProvider().lastError()}")
    layer.updateExtents()
    return layer


def search_layer_name(catalog_label, query, count):
    """Name a result layer after its search, e.g.
    ``EODMS catalogue · before 2013-03-29 · 12 scenes``."""
    parts = [catalog_label]
    if query.title not in ("", "*"):
        parts.append(f"“{query.title}”")
    if query.start and query.end:
        parts.append(f"{query.start.isoformat()[:10]} – {query.end.isoformat()[:10]}")
    elif query.end:
        parts.append(f"before {query.end.isoformat()[:10]}")
    elif query.start:
        parts.append(f"from {query.start.isoformat()[:10]}")
    parts.append(f"{count} scene" + ("" if count == 1 else "s"))
    return " · ".join(parts)

