"""Records → footprint features and layers (qgis.core only, no widgets).

The dock and the Processing algorithm build their attribute tables here, so
both write the same fields.
"""

from typing import TYPE_CHECKING, Any, Callable, Dict, FrozenSet, Iterable, List, NamedTuple, Optional

from qgis.core import (
    Qgis,
    QgsExpression,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsFillSymbol,
    QgsGeometry,
    QgsPalLayerSettings,
    QgsProperty,
    QgsRectangle,
    QgsRuleBasedRenderer,
    QgsSingleSymbolRenderer,
    QgsSymbolLayer,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import QCoreApplication, QDate, QDateTime, Qt, QTime, QVariant

from .errors import strip_userinfo

if TYPE_CHECKING:
    from .cdse_search import Product
    from .models import Record

CRS = "EPSG:4326"

# (name, type, length): the attribute table of every footprint layer. Text fields have no length
# limit (0): catalogue values run long (URN identifiers, http://purl.org/dc/dcmitype/Dataset), and
# a limit would make QGIS refuse the whole batch of features. Only Shapefile export cuts texts
# (to 254 characters, with a warning: core/export.py).
FIELD_SPEC = (
    ("record_id", QVariant.String, 0),
    ("collection_id", QVariant.String, 0),
    ("title", QVariant.String, 0),
    ("acquired", QVariant.Date, 0),
    ("beam_mode", QVariant.String, 0),
    ("format", QVariant.String, 0),
    ("record_type", QVariant.String, 0),
    ("thumbnail_url", QVariant.String, 0),
    ("source_url", QVariant.String, 0),
    ("catalog", QVariant.String, 0),
)


# Copernicus Data Space products (one row per product, footprint from the catalogue).
PRODUCT_FIELD_SPEC = (
    ("product_id", QVariant.String, 0),
    ("name", QVariant.String, 0),
    ("collection", QVariant.String, 0),
    ("sensing_start", QVariant.DateTime, 0),
    ("sensing_end", QVariant.DateTime, 0),
    ("cloud_cover", QVariant.Double, 0),
    ("online", QVariant.Bool, 0),
    ("size_bytes", QVariant.LongLong, 0),
    ("checksum_md5", QVariant.String, 0),
    ("downloaded", QVariant.Bool, 0),
    ("quicklook_url", QVariant.String, 0),
)


def _fields(spec):
    fields = QgsFields()
    for name, kind, length in spec:
        fields.append(QgsField(name, kind, len=length))
    return fields


def footprint_fields() -> QgsFields:
    return _fields(FIELD_SPEC)


def product_fields() -> QgsFields:
    return _fields(PRODUCT_FIELD_SPEC)


def _qdatetime(value):
    if value is None:
        return None
    return QDateTime(QDate(value.year, value.month, value.day),
                     QTime(value.hour, value.minute, value.second, value.microsecond // 1000), Qt.TimeSpec.UTC)


def features_from_products(products: Iterable["Product"], downloaded_ids: Iterable[str] = (),
                           fields: Optional[QgsFields] = None) -> List[QgsFeature]:
    """One (multi)polygon feature per Copernicus product, from its catalogue footprint; a product
    without a readable footprint is kept as a feature without geometry (its row is in the table)."""
    fields = fields or product_fields()
    downloaded_ids = set(downloaded_ids)
    features = []
    for product in products:
        geometry = QgsGeometry.fromWkt(product.footprint_wkt or "")
        feature = QgsFeature(fields)
        if not (geometry.isNull() or geometry.isEmpty()):
            geometry.convertToMultiType()
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


def record_geometry(bbox):
    """A multipolygon for a record box (west, south, east, north), or None for no box. A box
    across the antimeridian (west > east) becomes two parts, west…180 and -180…east; a box of
    zero width or height (a point or a line) is widened to 1e-6° so that it stays a valid polygon."""
    if bbox is None:
        return None
    west, south, east, north = bbox
    if north - south < _MIN_SPAN:
        south, north = max(-90.0, south - _MIN_SPAN / 2), min(90.0, north + _MIN_SPAN / 2)
    if west > east:
        parts = [QgsGeometry.fromRect(QgsRectangle(west, south, 180.0, north)),
                 QgsGeometry.fromRect(QgsRectangle(-180.0, south, east, north))]
        geometry = QgsGeometry.collectGeometry(parts)
    else:
        if east - west < _MIN_SPAN:
            west, east = max(-180.0, west - _MIN_SPAN / 2), min(180.0, east + _MIN_SPAN / 2)
        geometry = QgsGeometry.fromRect(QgsRectangle(west, south, east, north))
    geometry.convertToMultiType()
    return geometry


_MIN_SPAN = 1e-6


def features_from_records(records: Iterable["Record"], catalog: str,
                          fields: Optional[QgsFields] = None) -> List[QgsFeature]:
    """One feature per record, in order: a multipolygon footprint from its box, or no geometry
    when it has none (brief records, services, boxes that cannot be drawn) — every record the
    catalogue sent is in the attribute table."""
    catalog = strip_userinfo(catalog)  # never a password in a layer or an export
    fields = fields or footprint_fields()
    features: List[QgsFeature] = []
    append = features.append
    for rec in records:
        feature = QgsFeature(fields)
        geometry = record_geometry(rec.bbox)
        if geometry is not None:
            feature.setGeometry(geometry)
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

# The kinds of footprint layer, one per shape of result a catalogue gives (core/catalogue.py says
# which one each catalogue makes): CSW records (orderable from EODMS), Copernicus products
# (downloadable), STAC items.
RECORDS, PRODUCTS, ITEMS = "records", "products", "items"


class LayerKind(NamedTuple):
    """What a footprint layer of one kind holds: its fields, the fields that identify it (a file
    with them is recognised as such a layer), and which fields name a row, date it and point to
    its thumbnail/quicklook."""

    fields: Callable[[], QgsFields]
    signature: FrozenSet[str]
    id_field: str
    date_field: str
    thumbnail_field: str


def _stac_fields():
    from .stac_footprints import stac_fields

    return stac_fields()


LAYER_KINDS = {
    RECORDS: LayerKind(footprint_fields, frozenset({"record_id", "collection_id"}), "record_id", "acquired",
                       "thumbnail_url"),
    PRODUCTS: LayerKind(product_fields, frozenset({"product_id", "checksum_md5", "downloaded"}), "name",
                        "sensing_start", "quicklook_url"),
    ITEMS: LayerKind(_stac_fields, frozenset({"item_id", "asset_keys", "self_link"}), "item_id", "datetime",
                     "thumbnail_url"),
}


def new_footprint_layer(name: str, kind: str = RECORDS) -> QgsVectorLayer:
    """An empty in-memory layer (multipolygons) of ``kind`` (:data:`LAYER_KINDS`) with its
    fields and style."""
    layer = QgsVectorLayer(f"MultiPolygon?crs={CRS}", name, "memory")
    layer.dataProvider().addAttributes(LAYER_KINDS[kind].fields())
    layer.updateFields()
    STYLES[kind](layer)
    return layer


def layer_kind(layer: Any) -> Optional[str]:
    """The kind (:data:`LAYER_KINDS`: records, orderable from EODMS; Copernicus products,
    downloadable; STAC items) or None, for layers EO Order made or files with their fields."""
    if layer is None or not hasattr(layer, "fields"):
        return None
    kind = layer.customProperty(KIND_PROPERTY) if hasattr(layer, "customProperty") else None
    if kind in LAYER_KINDS:
        return kind
    names = set(layer.fields().names())  # a layer, or a Processing feature source
    return next((kind for kind, spec in LAYER_KINDS.items() if spec.signature <= names), None)


def is_footprint_layer(layer: Any) -> bool:
    """True for layers of catalogue records (the ones EODMS orders come from)."""
    return layer_kind(layer) == RECORDS


# Outline colours of catalogue collections (ColorBrewer Set1, without yellow): one per collection.
COLLECTION_COLOURS = ("#e41a1c", "#377eb8", "#4daf4a", "#984ea3", "#ff7f00", "#a65628", "#f781bf", "#999999")
LABEL_MAX_SCALE = 2_000_000  # dates are labelled once the map is zoomed in beyond 1:2,000,000


def _collection_colour_expression(layer):
    """``CASE WHEN "collection_id" = 'Radarsat1' THEN '#e41a1c' ... END``: a colour per collection
    present in ``layer`` (sorted, so the same collections always get the same colours)."""
    index = layer.fields().indexOf("collection_id")
    values = sorted({str(v) for v in layer.uniqueValues(index) if v not in (None, "")}) if index >= 0 else []
    if not values:
        return None
    cases = " ".join(f"WHEN \"collection_id\" = {QgsExpression.quotedValue(v)} "
                     f"THEN '{COLLECTION_COLOURS[i % len(COLLECTION_COLOURS)]}'" for i, v in enumerate(values))
    return f"CASE {cases} ELSE '{COLLECTION_COLOURS[-1]}' END"


def _age_colour_expression(layer):
    """Products: newer sensing times get darker outlines (the 'Oranges' ramp, 0.35 → 1)."""
    index = layer.fields().indexOf("sensing_start")
    if index < 0 or layer.featureCount() == 0:
        return None
    low, high = layer.minimumValue(index), layer.maximumValue(index)
    if not (hasattr(low, "toSecsSinceEpoch") and hasattr(high, "toSecsSinceEpoch")) or low == high:
        return None
    first, last = low.toSecsSinceEpoch(), high.toSecsSinceEpoch()
    return (f"ramp_color('Oranges', scale_linear(epoch(\"sensing_start\") / 1000, {first}, {last}, 0.35, 1))")


def _set_outline_colour(symbol, expression):
    if expression:
        for symbol_layer in symbol.symbolLayers():
            symbol_layer.setDataDefinedProperty(QgsSymbolLayer.Property.PropertyStrokeColor,
                                                QgsProperty.fromExpression(expression))
    return symbol


def style_products(layer):
    """Copernicus products: orange outlines, darker for newer sensing times; downloaded products
    filled blue; offline ones (long-term archive: not downloadable) dashed grey."""
    layer.setCustomProperty(KIND_PROPERTY, PRODUCTS)
    outline = _set_outline_colour(QgsFillSymbol.createSimple(
        {"style": "no", "outline_color": "255,127,0,255", "outline_width": "0.6"}), _age_colour_expression(layer))
    done = QgsFillSymbol.createSimple({"color": "31,120,180,90", "outline_color": "31,120,180,255",
                                       "outline_width": "0.8"})
    offline = QgsFillSymbol.createSimple({"style": "no", "outline_color": "128,128,128,255", "outline_width": "0.6",
                                          "outline_style": "dash"})
    root = QgsRuleBasedRenderer.Rule(None)
    root.appendChild(QgsRuleBasedRenderer.Rule(done, 0, 0, '"downloaded"', tr("Downloaded")))
    root.appendChild(QgsRuleBasedRenderer.Rule(offline, 0, 0, 'NOT "online"', tr("Offline (long-term archive)")))
    root.appendChild(QgsRuleBasedRenderer.Rule(outline, 0, 0, "ELSE", tr("Not downloaded")))
    layer.setRenderer(QgsRuleBasedRenderer(root))


def style_items(layer):
    """STAC items: purple outlines, darker for newer items."""
    layer.setCustomProperty(KIND_PROPERTY, ITEMS)
    layer.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
        {"style": "no", "outline_color": "106,61,154,255", "outline_width": "0.6"})))


def style_footprints(layer: QgsVectorLayer, ordered_ids: Iterable[str] = ()) -> None:
    """Outlines only, so overlapping scenes and the map stay visible, one colour per collection
    (red when there is one); scenes already ordered (``ordered_ids``) are filled green."""
    layer.setCustomProperty(KIND_PROPERTY, RECORDS)
    colours = _collection_colour_expression(layer)
    outline = _set_outline_colour(QgsFillSymbol.createSimple(
        {"style": "no", "outline_color": "227,26,28,255", "outline_width": "0.6"}), colours)
    if not ordered_ids:
        layer.setRenderer(QgsSingleSymbolRenderer(outline))
        return
    ordered = _set_outline_colour(QgsFillSymbol.createSimple({
        "color": "51,160,44,90", "outline_color": "51,160,44,255", "outline_width": "0.8"}), colours)
    quoted = ",".join(QgsExpression.quotedValue(str(i)) for i in sorted(ordered_ids))
    root = QgsRuleBasedRenderer.Rule(None)
    root.appendChild(QgsRuleBasedRenderer.Rule(ordered, 0, 0, f'"record_id" IN ({quoted})', tr("Ordered")))
    root.appendChild(QgsRuleBasedRenderer.Rule(outline, 0, 0, "ELSE", tr("Not ordered")))
    layer.setRenderer(QgsRuleBasedRenderer(root))


def set_temporal(layer):
    """Let QGIS' Temporal Controller step through the scenes: records are instants on their
    ``acquired`` day (shown for that whole day), products span ``sensing_start``–``sensing_end``."""
    properties = layer.temporalProperties()
    names = layer.fields().names()
    if "start_datetime" in names and "datetime" in names:  # STAC: an instant, or a start and end
        properties.setMode(Qgis.VectorTemporalMode.FeatureDateTimeStartAndEndFromExpressions)
        properties.setStartExpression('coalesce("datetime", "start_datetime")')
        properties.setEndExpression('coalesce("end_datetime", "datetime", "start_datetime")')
    elif "sensing_start" in names:
        properties.setMode(Qgis.VectorTemporalMode.FeatureDateTimeStartAndEndFromFields)
        properties.setStartField("sensing_start")
        properties.setEndField("sensing_end")
    elif "acquired" in names:
        # A whole day from the acquisition date. As expressions: QGIS 3.22 compares a Date field
        # with the frame's date-times as text, which would show a scene on the previous day too.
        properties.setMode(Qgis.VectorTemporalMode.FeatureDateTimeStartAndEndFromExpressions)
        properties.setStartExpression('to_datetime("acquired")')
        properties.setEndExpression('to_datetime("acquired") + make_interval(days:=1)')
    else:
        return
    properties.setIsActive(True)


def set_date_labels(layer):
    """Label each footprint with its date, only when zoomed in (no clutter at country scale)."""
    kind = layer_kind(layer)
    if kind is None:
        return
    field = LAYER_KINDS[kind].date_field
    settings = QgsPalLayerSettings()
    settings.isExpression = True
    settings.fieldName = f"format_date(\"{field}\", 'yyyy-MM-dd')"
    settings.scaleVisibility = True
    settings.maximumScale = 0  # no limit when zoomed in further
    settings.minimumScale = LABEL_MAX_SCALE
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


def present(layer: QgsVectorLayer, ordered_ids: Iterable[str] = ()) -> None:
    """Style, temporal properties and date labels of an EO Order footprint layer (of any source:
    the dock's memory layers, a GeoPackage written by Processing)."""
    kind = layer_kind(layer)
    if kind == RECORDS:
        style_footprints(layer, ordered_ids)
    elif kind is not None:
        STYLES[kind](layer)
    else:
        return
    set_temporal(layer)
    set_date_labels(layer)


def scene_from_feature(feature: QgsFeature) -> Dict[str, str]:
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


STYLES: Dict[str, Callable[[QgsVectorLayer], None]] = {
    RECORDS: style_footprints, PRODUCTS: style_products, ITEMS: style_items}


def footprint_layer(name: str, features: List[QgsFeature], kind: str = RECORDS) -> QgsVectorLayer:
    """A memory layer holding ``features``, added in one batch."""
    layer = new_footprint_layer(name, kind)
    if features and not layer.dataProvider().addFeatures(features):
        raise RuntimeError(tr("Could not add footprints to layer {0!r}: {1}").format(
            name, layer.dataProvider().lastError()))
    layer.updateExtents()
    present(layer)
    return layer


def tr(text):
    return QCoreApplication.translate("Footprints", text)


def search_layer_name(catalog_label, query, count):
    """Name a result layer after its search, e.g.
    ``EODMS catalogue · before 2013-03-29 · 12 scenes`` (in QGIS' language)."""
    parts = [strip_userinfo(catalog_label)]
    if query.title not in ("", "*"):
        parts.append(f"“{query.title}”")
    if query.start and query.end:
        parts.append(f"{query.start.isoformat()[:10]} – {query.end.isoformat()[:10]}")
    elif query.end:
        parts.append(tr("before {0}").format(query.end.isoformat()[:10]))
    elif query.start:
        parts.append(tr("from {0}").format(query.start.isoformat()[:10]))
    parts.append((tr("{0} scene") if count == 1 else tr("{0} scenes")).format(count))
    return " · ".join(parts)


def product_layer_name(query, count):
    """Name a Copernicus result layer, e.g.
    ``Copernicus SENTINEL-2 · 2022-05-03 – 2022-05-21 · ≤ 40 % cloud · 12 products``."""
    parts = [f"Copernicus {query.collection}", f"{query.start.isoformat()[:10]} – {query.end.isoformat()[:10]}"]
    if query.max_cloud is not None:
        parts.append(tr("≤ {0:g} % cloud").format(query.max_cloud))
    parts.append((tr("{0} product") if count == 1 else tr("{0} products")).format(count))
    return " · ".join(parts)


def _text(feature, name):
    index = feature.fields().indexOf(name)
    raw = feature.attribute(index) if index >= 0 else None
    if raw is None or (hasattr(raw, "isNull") and raw.isNull()):
        return ""
    if isinstance(raw, QDateTime):
        return raw.toUTC().toString("yyyy-MM-dd")
    if isinstance(raw, QDate):
        return raw.toString("yyyy-MM-dd")
    return str(raw).strip()


def footprint_date(feature: QgsFeature) -> str:
    """The acquisition (record), sensing (product) or item (STAC) date of a footprint feature, 'YYYY-MM-DD' or
    ''."""
    return (_text(feature, "acquired") or _text(feature, "sensing_start") or _text(feature, "datetime")
            or _text(feature, "start_datetime"))


def footprint_label(feature: QgsFeature) -> str:
    """How a user recognises one footprint: ``2013-02-21 · Radarsat1 SCNB · 1508208`` for an EODMS/CSW
    record (date, collection and beam, id), ``2022-05-03 · S2A_MSIL1C_…`` for a Copernicus product
    (sensing date, product name), ``2024-05-01 · sentinel-2-l2a · S2A_…`` for a STAC item. Parts that are
    empty are left out."""
    if feature.fields().indexOf("product_id") >= 0:
        parts = [footprint_date(feature), _text(feature, "name") or _text(feature, "product_id")]
    elif feature.fields().indexOf("item_id") >= 0:
        parts = [footprint_date(feature), _text(feature, "collection"), _text(feature, "item_id")]
    else:
        collection = " ".join(p for p in (_text(feature, "collection_id"), _text(feature, "beam_mode")) if p)
        parts = [footprint_date(feature), collection, _text(feature, "record_id")]
    return " · ".join(p for p in parts if p)


def newest_first(features: Iterable[QgsFeature]) -> List[QgsFeature]:
    """``features`` sorted newest first (by date; undated last), the latest added first on equal dates."""
    return sorted(features, key=lambda f: (footprint_date(f), f.id()), reverse=True)
