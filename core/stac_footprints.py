"""STAC items → footprint features and a memory layer (qgis.core only, no widgets).

The fields a STAC footprint layer has; core/footprints.py declares its layer kind (``ITEMS``) with
the others, and core/catalogue.py's StacCatalogue makes its features here.
"""

from typing import Iterable, List, Optional

from qgis.core import QgsFeature, QgsField, QgsFields, QgsGeometry, QgsVectorLayer
from qgis.PyQt.QtCore import QDate, QDateTime, Qt, QTime, QVariant

from .i18n import translate
from .stac import StacItem, gc_paused


def tr(text: str) -> str:
    return translate("EoOrderStacFootprints", text)


CRS = "EPSG:4326"

# (name, type, length)
STAC_FIELD_SPEC = (
    ("item_id", QVariant.String, 254),
    ("collection", QVariant.String, 128),
    ("datetime", QVariant.DateTime, 0),
    ("start_datetime", QVariant.DateTime, 0),
    ("end_datetime", QVariant.DateTime, 0),
    ("cloud_cover", QVariant.Double, 0),
    ("platform", QVariant.String, 64),
    ("gsd", QVariant.Double, 0),
    ("asset_keys", QVariant.String, 1024),
    ("self_link", QVariant.String, 1024),
    ("thumbnail_url", QVariant.String, 1024),
)


def stac_fields() -> QgsFields:
    fields = QgsFields()
    for name, kind, length in STAC_FIELD_SPEC:
        fields.append(QgsField(name, kind, len=length))
    return fields


def _qdatetime(value):
    if value is None:
        return None
    return QDateTime(QDate(value.year, value.month, value.day),
                     QTime(value.hour, value.minute, value.second, value.microsecond // 1000), Qt.TimeSpec.UTC)


def features_from_items(items: Iterable[StacItem], fields: Optional[QgsFields] = None) -> List[QgsFeature]:
    """One MultiPolygon feature per item with a geometry (items without one are not on the map:
    the search result counts them). Geometries go to QGIS as WKB, which it reads about 20× faster
    than WKT; the garbage collector is paused meanwhile (see ``stac.gc_paused``)."""
    with gc_paused():
        return _features(items, fields or stac_fields())


def _features(items, fields):
    features = []
    append = features.append
    for item in items:
        wkb = item.geometry_wkb()
        if wkb is None:
            continue
        geometry = QgsGeometry()
        geometry.fromWkb(wkb)
        if geometry.isNull():
            continue
        feature = QgsFeature(fields)
        feature.setGeometry(geometry)
        feature.setAttributes([
            item.id, item.collection, _qdatetime(item.datetime), _qdatetime(item.start), _qdatetime(item.end),
            item.cloud_cover, item.platform, item.gsd, ",".join(item.assets), item.self_link, item.thumbnail_url,
        ])
        append(feature)
    return features


def stac_layer(name, features):
    """A memory layer (MultiPolygon, WGS 84) with the STAC fields and ``features``."""
    layer = QgsVectorLayer(f"MultiPolygon?crs={CRS}", name, "memory")
    provider = layer.dataProvider()
    provider.addAttributes(stac_fields())
    layer.updateFields()
    if features and not provider.addFeatures(features):
        raise RuntimeError(tr("QGIS refused the STAC footprints (memory layer)."))
    layer.updateExtents()
    return layer
