"""One interface for every catalogue the Search tab and the history know: EODMS, EODMS RCM, any
CSW 2.0.2 catalogue, Copernicus Data Space (OData) and any STAC API.

A :class:`Catalogue` says what it can do (:class:`Capabilities`: its filters, its layer kind and
fields, whether its results are ordered, downloaded or neither) and does it: turn the tab's
:class:`SearchForm` into its own query, search page by page (``on_page`` gets each new batch, so
the footprint layer grows while the search runs), make footprint features, name the layer, and
keep/restore its history parameters. :func:`catalogue_for` makes the right one from a
:class:`~.connections.Connection`. No widgets here: the dock and the search task ask the
catalogue, never a kind string.
"""

import os
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional, Tuple, Type

from qgis.core import QgsFeature, QgsVectorLayer

from .auth import auth_hint, credentials_from_authcfg
from .cdse_search import COLLECTIONS, CdseCatalogue, CdseQuery, without_footprint
from .connections import CDSE, CSW, STAC, Connection, ConnectionStore
from .csw import CswClient, Profile
from .errors import InputError
from .footprints import (
    ITEMS,
    LAYER_KINDS,
    PRODUCTS,
    QUERY_LOG_PROPERTY,
    RECORDS,
    features_from_products,
    features_from_records,
    new_footprint_layer,
    product_layer_name,
    search_layer_name,
)
from .history import cdse_params, csw_params
from .i18n import tr_noop, translate
from .models import BBox, SearchQuery
from .querylog import default_log_name, write_query_log
from .settings import Settings


def tr(text: str) -> str:
    return translate("EoOrderCatalogue", text)



ORDER, DOWNLOAD, NO_ACTION = "order", "download", "none"


@dataclass(frozen=True)
class Capabilities:
    """What a catalogue offers. Dates are always a filter; the rest only where true."""

    title: bool = False  # a title pattern (CSW)
    collections: Tuple[str, ...] = ()  # a fixed list to choose one from (Copernicus)
    server_collections: bool = False  # collections listed from the server, several at once (STAC)
    cloud: bool = False  # a maximum cloud cover
    polygon: bool = False  # a selected polygon as the search area, not only a box
    dates_required: bool = False  # both dates must be given
    needs_auth: bool = False  # searching needs credentials (RCM)
    account_for: str = "search"  # what its credentials are for: "search" or "download"
    action: str = NO_ACTION  # ORDER (EODMS), DOWNLOAD (Copernicus, STAC) or NO_ACTION
    action_ready: bool = True  # False: the action is shown but not offered yet (STAC downloads)
    query_log: bool = False  # a query log is written next to the downloads (Copernicus)


@dataclass
class SearchForm:
    """What the Search tab's widgets say, whatever the catalogue: ``bbox`` (lon/lat
    :class:`~.models.BBox`) or ``polygon`` (a lon/lat ring), dates as ``YYYY-MM-DD`` (end
    exclusive), and the filters the catalogue supports."""

    bbox: Optional[BBox] = None
    polygon: Optional[List[Any]] = None
    start: Optional[str] = None
    end: Optional[str] = None
    title: str = "*"
    collections: Tuple[str, ...] = ()
    max_cloud: Optional[float] = None
    max_records: int = 1000

    def ring(self) -> List[Tuple[float, ...]]:
        """The search area as a closed lon/lat ring (the polygon, else the box's outline)."""
        if self.polygon:
            return [tuple(p) for p in self.polygon]
        if self.bbox is None:
            raise InputError(tr("Choose a search area: zoom the map to it or type a box."))
        b = self.bbox
        west, east = (b.west, b.east) if b.west <= b.east else (-180.0, 180.0)
        # a box across the antimeridian (west > east) as one polygon is its latitude band: the
        # Copernicus catalogue takes one polygon, and the band finds more, never less
        return [(west, b.south), (east, b.south), (east, b.north), (west, b.north), (west, b.south)]


@dataclass
class CatalogueResult:
    """What a search gave: the items in catalogue order, how many the server matched (None:
    unknown), sentences about what is missing (``warnings``) or worth knowing (``notes``), and
    custom properties for the footprint layer."""

    items: List[Any] = field(default_factory=list)
    matched: Optional[int] = None
    without_footprint: int = 0
    warnings: List[str] = field(default_factory=list)
    notes: List[str] = field(default_factory=list)
    layer_properties: Dict[str, Any] = field(default_factory=dict)
    more_available: bool = False  # stopped at the maximum with more matches on the server


Progress = Callable[[int, Optional[int]], None]  # (records so far, matched or None)


class Catalogue:
    """The interface (see the module docstring). Subclasses set ``capabilities``, ``layer_kind``
    and ``columns`` (the fields the results table shows, first the row's name, the longest last)."""

    capabilities = Capabilities()
    layer_kind = RECORDS
    columns: Tuple[str, ...] = ()
    noun = tr_noop("records")  # for messages: "3,000 of 10,000 records" (translated when shown, context below)

    def __init__(self, connection: Connection):
        self.connection = connection

    # -- who it is --

    @property
    def name(self) -> str:
        """The connection's name: layers and messages are named after it, never after the URL."""
        return self.connection.name

    @property
    def url(self) -> str:
        return self.connection.url

    @property
    def kind(self) -> str:
        """The connection kind, also the history's kind."""
        return self.connection.kind

    @property
    def key(self) -> Tuple[str, str]:
        return self.connection.key

    @property
    def profile(self) -> Optional[Profile]:
        """The CSW profile (None for other catalogues)."""
        return self.connection.profile

    @property
    def date_field(self) -> str:
        return LAYER_KINDS[self.layer_kind].date_field

    @property
    def thumbnail_field(self) -> str:
        return LAYER_KINDS[self.layer_kind].thumbnail_field

    # -- searching --

    def prepare(self, authcfg: str = "") -> "Catalogue":
        """Get ready to search with the credentials of QGIS auth config ``authcfg`` (main
        thread; AuthError when the catalogue needs some that cannot be read)."""
        return self

    def query(self, form: SearchForm) -> Any:
        """The catalogue's own query for ``form`` (InputError when something is missing)."""
        raise NotImplementedError

    def search(self, query: Any, progress: Optional[Progress] = None, cancelled: Optional[Callable[[], bool]] = None,
               on_page: Optional[Callable[[List[Any]], None]] = None) -> CatalogueResult:
        """Search (a worker thread): ``on_page(items)`` gets each new batch in catalogue order,
        ``progress(received, matched)`` follows, ``cancelled()`` true raises Cancelled."""
        raise NotImplementedError

    def features(self, items: List[Any]) -> List[QgsFeature]:
        """Footprint features (this catalogue's layer kind) of ``items``."""
        raise NotImplementedError

    def new_layer(self, name: str) -> QgsVectorLayer:
        return new_footprint_layer(name, self.layer_kind)

    def layer_name(self, query: Any, count: int) -> str:
        raise NotImplementedError

    # -- history --

    def history_params(self, query: Any) -> Dict[str, Any]:
        raise NotImplementedError

    def form_from_history(self, params: Dict[str, Any]) -> SearchForm:
        """The form a history entry's parameters describe (the exact area it searched)."""
        box = params.get("bbox")
        return SearchForm(
            bbox=BBox(*[float(v) for v in box]) if box else None,
            polygon=[tuple(p) for p in params["polygon"]] if params.get("polygon") else None,
            start=(params.get("start") or "")[:10] or None, end=(params.get("end") or "")[:10] or None,
            title=params.get("title") or "*",
            collections=tuple(params.get("collections") or ([params["collection"]] if params.get("collection")
                                                            else [])),
            max_cloud=params.get("max_cloud"), max_records=int(params.get("max_records") or 1000))


# --- CSW: EODMS, EODMS RCM, any CSW 2.0.2 catalogue ---------------------------------------------


class CswCatalogue(Catalogue):
    """A CSW 2.0.2 catalogue (the generic profile): records with a title filter, no action."""

    capabilities = Capabilities(title=True)
    layer_kind = RECORDS
    columns = ("record_id", "acquired", "collection_id", "beam_mode", "title")

    def __init__(self, connection):
        super().__init__(connection)
        self.client = None

    def prepare(self, authcfg=""):
        credentials = None
        if self.capabilities.needs_auth or authcfg:
            credentials = credentials_from_authcfg(authcfg, self.name)
        self.client = CswClient(self.url, self.connection.profile, credentials=credentials,
                                auth_hint=auth_hint(authcfg), name=self.name, schema=self.connection.schema,
                                records_per_request=self.connection.records_per_request,
                                parallel_requests=self.connection.parallel_requests)
        return self

    def query(self, form):
        if form.bbox is None:
            raise InputError(tr("Choose a search box: zoom the map to your area or type a box."))
        return SearchQuery(bbox=form.bbox, start=form.start, end=form.end, title=form.title,
                           max_records=form.max_records)

    def search(self, query, progress=None, cancelled=None, on_page=None):
        if self.client is None:
            self.prepare()

        def pages(_number, _total, received, matched):
            if progress:
                progress(received, matched)

        found = self.client.search(query, progress=pages, cancelled=cancelled, on_page=on_page)
        return CatalogueResult(found.records, found.matched, found.without_footprint, list(found.warnings()),
                               more_available=bool(found.matched and found.matched > found.received
                                                   >= query.max_records))

    def features(self, items):
        return features_from_records(items, self.url)

    def layer_name(self, query, count):
        return search_layer_name(self.name, query, count)

    def history_params(self, query):
        return csw_params(query)


class EodmsCatalogue(CswCatalogue):
    """EODMS' own catalogue: its records are ordered from EODMS."""

    capabilities = Capabilities(title=True, action=ORDER)


class RcmCatalogue(EodmsCatalogue):
    """EODMS RCM (SOAP): searching needs the EODMS username and password."""

    capabilities = Capabilities(title=True, action=ORDER, needs_auth=True)


# --- Copernicus Data Space (OData) ---------------------------------------------------------------


class CopernicusCatalogue(Catalogue):
    """Copernicus Data Space: one collection, polygon, dates (required), cloud; products are
    downloaded; each search writes a query log into ``folder`` (when given)."""

    capabilities = Capabilities(collections=COLLECTIONS, cloud=True, polygon=True, dates_required=True,
                                account_for="download", action=DOWNLOAD, query_log=True)
    layer_kind = PRODUCTS
    columns = ("sensing_start", "online", "downloaded", "cloud_cover", "size_bytes", "name")
    noun = tr_noop("products")

    def __init__(self, connection, folder=""):
        super().__init__(connection)
        self.folder = folder
        self.log_path = None  # chosen on the main thread by :meth:`prepare_log`

    def query(self, form):
        if not (form.start and form.end):
            raise InputError(tr("Choose both sensing dates (the end date is exclusive)."))
        collection = form.collections[0] if form.collections else ""
        return CdseQuery(collection, form.ring(), form.start, form.end, max_cloud=form.max_cloud,
                         max_records=form.max_records)

    def prepare_log(self, query, now):
        """The query log's path in the download folder (created); OSError when it cannot be."""
        os.makedirs(self.folder, exist_ok=True)
        self.log_path = os.path.join(self.folder, default_log_name(query, now))
        return self.log_path

    def search(self, query, progress=None, cancelled=None, on_page=None):
        def pages(_page, _pages, fetched, matched):
            if progress:
                progress(fetched, matched)

        catalogue = CdseCatalogue(self.url)
        products = catalogue.search(query, progress=pages, cancelled=cancelled, on_page=on_page)
        result = CatalogueResult(products, without_footprint=without_footprint(products))
        if self.log_path:
            try:
                write_query_log(self.log_path, query, products, catalogue.url)
                result.layer_properties[QUERY_LOG_PROPERTY] = self.log_path
            except OSError as exc:
                result.warnings.append(tr("The query log could not be written to {0} ({1}): choose a writable "
                                          "download folder.").format(self.log_path, exc.strerror or exc))
        return result

    def features(self, items):
        return features_from_products(items)

    def layer_name(self, query, count):
        return product_layer_name(query, count)

    def history_params(self, query):
        return cdse_params(query)


# --- STAC API -------------------------------------------------------------------------------------


class StacCatalogue(Catalogue):
    """Any STAC API: collections listed from the server (several at once), box or polygon,
    dates, max cloud; items are footprints with thumbnails; their assets download through the
    verified engine (core/stac_download.py)."""

    capabilities = Capabilities(server_collections=True, cloud=True, polygon=True, action=DOWNLOAD)
    layer_kind = ITEMS
    columns = ("item_id", "datetime", "collection", "cloud_cover", "platform")
    noun = tr_noop("items")

    def __init__(self, connection):
        super().__init__(connection)
        self.client = None

    def prepare(self, authcfg=""):
        from .stac import StacClient

        auth = None
        if authcfg:
            credentials = credentials_from_authcfg(authcfg, self.name)
            auth = (credentials.username, credentials.password)
        self.client = StacClient(self.url, auth=auth, name=self.name,
                                 auth_hint=auth_hint(authcfg))
        return self

    def collections(self):
        """The server's collections (a worker thread)."""
        if self.client is None:
            self.prepare()
        return self.client.collections()

    def query(self, form):
        from .stac import StacQuery

        area = {"intersects": list(form.polygon)} if form.polygon else {
            "bbox": (form.bbox.west, form.bbox.south, form.bbox.east, form.bbox.north) if form.bbox else None}
        return StacQuery(start=form.start, end=form.end, collections=tuple(form.collections),
                         max_cloud=form.max_cloud, max_records=form.max_records, **area)

    def search(self, query, progress=None, cancelled=None, on_page=None):
        if self.client is None:
            self.prepare()
        found = self.client.search(query, progress=progress, cancelled=cancelled, on_items=on_page)
        result = CatalogueResult(found.items, found.matched, found.without_geometry, notes=list(found.notes),
                                 more_available=found.truncated)
        if found.without_geometry:
            result.warnings.append(tr("{0} items have no geometry: they are not in the layer.").format(
                found.without_geometry))
        return result

    def features(self, items):
        from .stac_footprints import features_from_items

        return features_from_items(items)

    def layer_name(self, query, count):
        parts = [self.name]
        if query.collections:
            parts.append(", ".join(query.collections))
        if query.start or query.end:
            parts.append(f"{query.start.isoformat()[:10] if query.start else '…'} – "
                         f"{query.end.isoformat()[:10] if query.end else '…'}")
        if query.max_cloud is not None:
            parts.append(tr("≤ {0:g} % cloud").format(query.max_cloud))
        parts.append(tr("{0} item").format(count) if count == 1 else tr("{0} items").format(count))
        return " · ".join(parts)

    def history_params(self, query):
        params = {"start": query.start.isoformat() if query.start else None,
                  "end": query.end.isoformat() if query.end else None,
                  "collections": list(query.collections), "max_cloud": query.max_cloud,
                  "max_records": query.max_records}
        if query.bbox is not None:  # as given: west > east crosses the antimeridian
            params["bbox"] = list(query.bbox)
        elif isinstance(query.intersects, dict) and query.intersects.get("type") == "Polygon":
            params["polygon"] = [list(p) for p in query.intersects["coordinates"][0]]
        return params


# --- the factory ----------------------------------------------------------------------------------


def catalogue_for(connection: Connection, settings: Optional[Settings] = None) -> Catalogue:
    """The catalogue of a CSW, Copernicus or STAC connection (InputError for other kinds)."""
    if connection.kind == CSW:
        by_profile: Dict[Optional[Profile], Type[CswCatalogue]] = {Profile.EODMS: EodmsCatalogue,
                                                                    Profile.RCM: RcmCatalogue}
        return by_profile.get(connection.profile, CswCatalogue)(connection)
    if connection.kind == CDSE:
        return CopernicusCatalogue(connection, settings.cdse_folder if settings is not None else "")
    if connection.kind == STAC:
        return StacCatalogue(connection)
    raise InputError(tr("“{0}” is not a catalogue (it is a {1}).").format(connection.name, connection.kind_label))


def catalogues(store: ConnectionStore, settings: Optional[Settings] = None) -> List[Catalogue]:
    """Every catalogue the Search tab lists: EODMS, RCM, Copernicus, then the CSW catalogues and
    STAC APIs (built-in first, then the user's in the order added)."""
    connections = store.all(CSW) + store.all(CDSE) + store.all(STAC)
    builtin = [c for c in connections if c.builtin]
    return [catalogue_for(c, settings) for c in builtin + [c for c in connections if not c.builtin]]
