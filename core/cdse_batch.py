"""A Copernicus download job: what to fetch, and where "Downloaded" is recorded.

The dock and ``eo_order:download_cdse`` both go through here:

    items = items_from_log(log_path)                 # or items_from_features(layer.selectedFeatures())
    recorder = DownloadRecorder(log_path, layer_source=(layer.source(), "ogr"))
    outcomes = Downloader(tokens, folder).run(items, on_product_done=recorder)

:class:`DownloadRecorder` is the "nothing lost" rule: right after each product that is on disk and
verified (or skipped as already verified), it marks the product ``Downloaded`` in the query log
(atomic rewrite) and in the footprint layer's data source when that is a file (GeoPackage,
Shapefile, GeoJSON...), on the download thread, before the next product finishes. A crash or kill at
any point leaves both true: a product is marked only once its final file exists. Memory layers have
no file: the dock updates those on the main thread.
"""

import os
from typing import TYPE_CHECKING, Any, Iterable, List, Optional, Set, Tuple

from .cdse_download import DownloadItem
from .download import Outcome
from .errors import InputError
from .i18n import translate
from .querylog import read_query_log, set_downloaded

if TYPE_CHECKING:
    from qgis.core import QgsFeature, QgsVectorLayer


def tr(text: str) -> str:
    return translate("EoOrderCdseBatch", text)



def items_from_log(path: str, notes: Optional[List[str]] = None) -> List[DownloadItem]:
    """The products of a query log, in log order. The log keeps no size: the download checks the
    MD5 (``Checksum``) or, without one, the length the server announces. ``notes`` (a list) gets a
    sentence when the log is not in UTF-8 (which encoding was used)."""
    _header, rows = read_query_log(path, notes)
    items = []
    for row in rows:
        product_id = (row.get("Id") or "").strip()
        if not product_id:
            continue
        items.append(DownloadItem(
            product_id=product_id,
            name=(row.get("Name") or "").strip(),
            checksum_md5=(row.get("Checksum") or "").strip().lower() or None,
            online=bool(row.get("Online", True)),
        ))
    if not items:
        raise InputError(tr("The query log {0} lists no products: run a search that finds some first.").format(path))
    return items


def items_from_features(features: Iterable["QgsFeature"]) -> List[DownloadItem]:
    """DownloadItems of Copernicus footprint features (fields ``product_id``, ``name``,
    ``checksum_md5``, ``size_bytes``, ``online``: the layers EO Order writes)."""
    items = []
    for feature in features:
        if feature.fields().indexOf("product_id") < 0:
            raise InputError(tr("These features have no product_id field: select footprints of a Copernicus search."))
        value = _attribute_reader(feature)
        product_id = str(value("product_id", "")).strip()
        if not product_id:
            continue
        size = value("size_bytes", 0)
        items.append(DownloadItem(
            product_id=product_id,
            name=str(value("name", "") or ""),
            checksum_md5=str(value("checksum_md5", "") or "").strip().lower() or None,
            size_bytes=int(size) if size else None,
            online=_truthy(value("online", True)),
        ))
    if not items:
        raise InputError(tr("No Copernicus products selected: select footprints of a Copernicus search."))
    return items


def _attribute_reader(feature):
    names = set(feature.fields().names())

    def value(name, default=None):
        if name not in names:
            return default
        raw = feature[name]
        return default if raw is None or (hasattr(raw, "isNull") and raw.isNull()) else raw

    return value


def _truthy(value):
    if isinstance(value, str):
        return value.strip().lower() not in ("false", "0", "no", "")
    return bool(value)


def file_source(layer: Optional["QgsVectorLayer"]) -> Optional[Tuple[str, str]]:
    """``(uri, provider)`` of a layer stored in a file that EO Order may update, else None."""
    if layer is None or layer.providerType() != "ogr":
        return None
    path = layer.source().split("|", 1)[0]
    return (layer.source(), "ogr") if os.path.isfile(path) else None


def mark_downloaded_in_source(source: Tuple[str, str], product_ids: Iterable[str], value: bool = True) -> int:
    """Set ``downloaded`` for ``product_ids`` in the data source ``(uri, provider)``; returns the
    number of features changed. Opens its own provider, so it may run on any thread."""
    from qgis.core import QgsProviderRegistry

    uri, provider_key = source
    provider = QgsProviderRegistry.instance().createProvider(provider_key, uri)
    if provider is None or not provider.isValid():
        raise InputError(tr(
            "Could not open the footprint layer {0} to record the download: is it still there?").format(
            uri))
    return set_downloaded_flags(provider, product_ids, value)


def set_downloaded_flags(provider: Any, product_ids: Iterable[str], value: bool = True) -> int:
    """Set ``downloaded`` for ``product_ids`` through a vector data ``provider``; returns the number
    of features changed (0 when it has no such field)."""
    from qgis.core import QgsExpression, QgsFeatureRequest

    index = provider.fields().indexOf("downloaded")
    if index < 0 or not product_ids:
        return 0
    quoted = ",".join(QgsExpression.quotedValue(str(i)) for i in product_ids)
    request = QgsFeatureRequest().setFilterExpression(f'"product_id" IN ({quoted})')
    request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
    request.setSubsetOfAttributes([])
    changes = {feature.id(): {index: bool(value)} for feature in provider.getFeatures(request)}
    if changes and not provider.changeAttributeValues(changes):
        errors = "; ".join(provider.errors()) or tr("unknown error")
        raise InputError(tr(
            "Could not record the download in the footprint layer {0} ({1}): is it read-only?").format(
            provider.dataSourceUri(), errors))
    return len(changes)


class DownloadRecorder:
    """``on_product_done`` callback that records each product on disk (see the module docstring).

    ``log_path``: a query log to update (optional). ``layer_source``: ``(uri, provider)`` of a file
    footprint layer (optional). ``done_ids`` collects the ids marked so far. An error raised here
    stops the batch (Downloader raises it again): a log that cannot be written must not go on
    silently diverging from the disk.
    """

    def __init__(self, log_path: Optional[str] = None, layer_source: Optional[Tuple[str, str]] = None) -> None:
        self.log_path = log_path
        self.layer_source = layer_source
        self.done_ids: List[str] = []
        self._log_ids: Optional[Set[str]] = None

    def __call__(self, outcome: Outcome) -> None:
        if not outcome.done:
            return
        if self.log_path:
            if self._log_ids is None:
                self._log_ids = {(row.get("Id") or "").strip() for row in read_query_log(self.log_path)[1]}
            if outcome.product_id in self._log_ids:
                set_downloaded(self.log_path, outcome.product_id, True)
        if self.layer_source:
            mark_downloaded_in_source(self.layer_source, [outcome.product_id])
        self.done_ids.append(outcome.product_id)
