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
from qgis.PyQt.QtCore import QDate, QDateTime, Qt, QTime, QVariant

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


# Copernicus Data Space products (one row per product, footprint from the catalogue).
PRODUCT_FIELD_SPEC = (
    ("product_id", QVariant.String, 36),
    ("name", QVariant.String, 254),
    ("collection", QVariant.String, 32),
    ("sensing_start", QVariant.DateTime, 0),
    ("sensing_end", QVariant.DateTime, 0),
    ("cloud_cover", QVariant.Double, 0),
    ("online", QVariant.Bool, 0),
    ("size_bytes", QVariant.LongLong, 0),
    ("checksum_md5", QVariant.String, 32),
    ("downloaded", QVariant.Bool, 0),
    ("quicklook_url", QVariant.String, 1024),
)


def _fields(spec):
    fields = QgsFields()
    for name, kind, length in spec:
        fields.append(QgsField(name, kind, len=length))
    return fields


def footprint_fields():
    return _fields(FIELD_SPEC)


def product_fields():
    return _fields(PRODUCT_FIELD_SPEC)


def _qdatetime(value):
    if value is None:
        return None
    return QDateTime(QDate(value.year, value.month, value.day),
                     QTime(value.hour, value.minute, value.second, value.microsecond // 1000), Qt.TimeSpec.UTC)


def features_from_products(products, downloaded_ids=(), fields=None):
    """One (multi)polygon feature per Copernicus product, from its catalogue footprint
    (products without a readable footprint are skipped)."""
    fields = fields or product_fields()
    downloaded_ids = set(downloaded_ids)
    features = []
    for product in products:
        geometry = QgsGeometry.fromWkt(product.footprint_wkt or "")
        if geometry.isNull() or geometry.isEmpty():
            continue
        geometry.convertToMultiType()
        feature = QgsFeature(fields)
        feature.setGeometry(geometry)
        feature.setAttributes([
            product.product_id,
            product.name,
            product.collection,
            _qdatetime(product.sensing_start),
            _qdatetime(product.sensing_end),
            product.cloud_cover,
            bool(product.online),
            int(product.size_bytes or 0),
            product.checksum_md5 or "",
            product.product_id in downloaded_ids,
            product.quicklook_url or "",
        ])
        features.append(feature)
    return features


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
QUERY_LOG_PROPERTY = "eo_order/query_log"  # on product layers: the query log their search wrote


def new_footprint_layer(name, kind="records"):
    """An empty in-memory layer for catalogue ``records`` (polygons) or Copernicus
    ``products`` (multipolygons) with their fields and style."""
    geometry, fields = ("MultiPolygon", product_fields()) if kind == "products" else ("Polygon", footprint_fields())
    layer = QgsVectorLayer(f"{geometry}?crs={CRS}", name, "memory")
    layer.dataProvider().addAttributes(fields)
    layer.updateFields()
    (style_products if kind == "products" else style_footprints)(layer)
    return layer


def layer_kind(layer):
    """'records' (catalogue records, orderable from EODMS), 'products' (Copernicus
    products, downloadable) or None, for layers EO Order made or files with their fields."""
    if layer is None or not hasattr(layer, "fields"):
        return None
    kind = layer.customProperty(KIND_PROPERTY)
    if kind in ("records", "products"):
        return kind
    names = set(layer.fields().names())
    if {"record_id", "collection_id"} <= names:
        return "records"
    if {"product_id", "checksum_md5", "downloaded"} <= names:
        return "products"
    return None


def is_footprint_layer(layer):
    """True for layers of catalogue records (the ones EODMS orders come from)."""
    return layer_kind(layer) == "records"


def style_products(layer):
    """Copernicus products: orange outlines; downloaded products filled blue."""
    layer.setCustomProperty(KIND_PROPERTY, "products")
    outline = QgsFillSymbol.createSimple({"style": "no", "outline_color": "255,127,0,255", "outline_width": "0.6"})
    done = QgsFillSymbol.createSimple({"color": "31,120,180,90", "outline_color": "31,120,180,255",
                                       "outline_width": "0.8"})
    root = QgsRuleBasedRenderer.Rule(None)
    root.appendChild(QgsRuleBasedRenderer.Rule(done, 0, 0, '"downloaded"', "Downloaded"))
    root.appendChild(QgsRuleBasedRenderer.Rule(outline, 0, 0, "ELSE", "Not downloaded"))
    layer.setRenderer(QgsRuleBasedRenderer(root))


def style_footprints(layer, ordered_ids=()):
    """Red outlines, so overlapping scenes and the map stay visible; scenes already
    ordered (``ordered_ids``) are filled green so they stand out."""
    layer.setCustomProperty(KIND_PROPERTY, "records")
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


def footprint_layer(name, features, kind="records"):
    """A memory layer holding ``features``, added in one batch."""
    layer = new_footprint_layer(name, kind)
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



def product_layer_name(query, count):
    """Name a Copernicus result layer, e.g.
    ``Copernicus SENTINEL-2 · 2022-05-03 – 2022-05-21 · ≤ 40 % cloud · 12 products``."""
    parts = [f"Copernicus {query.collection}", f"{query.start.isoformat()[:10]} – {query.end.isoformat()[:10]}"]
    if query.max_cloud is not None:
        parts.append(f"≤ {query.max_cloud:g} % cloud")
    parts.append(f"{count} product" + ("" if count == 1 else "s"))
    return " · ".join(parts)
