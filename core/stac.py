"""Search any STAC API (SpatioTemporal Asset Catalog): collections, item search, paging.

Qt-free, like the other protocol clients: it takes a requests session (``http.new_session``)
and returns plain dataclasses. docs/stac.md says what the code relies on about the STAC API.

    client = StacClient("https://stac.example.org/v1")
    result = client.search(StacQuery(bbox=(-76.4, 44.9, -75.2, 45.6), start="2024-05-01",
                                     end="2024-06-01", collections=("sentinel-2-l2a",), max_cloud=20))
    result.items, result.matched, result.notes, result.cloud_filter

Decisions (details in docs/stac.md):

- **Search** is POSTed to the landing page's ``search`` link when that link offers POST, else
  sent as GET with query parameters.
- **Dates**: start inclusive, end exclusive on the item's ``datetime`` (its ``start_datetime``
  when ``datetime`` is null), as everywhere in EO Order. The API's ``datetime`` interval is closed
  at both ends, so the interval ``start/end`` is sent (``..`` for an open end) and items at or after
  ``end`` (and before ``start``) are dropped again here. A bare date is midnight UTC.
- **Area**: a box (``bbox``; a box whose west is greater than its east crosses the antimeridian
  and is sent as an ``intersects`` MultiPolygon of its two halves) or a polygon (``intersects``).
- **Paging** follows the ``next`` link (GET, or POST with its ``body``, merged into the previous
  body when ``merge`` is true; its ``headers`` are sent). Never more than ``max_records`` items,
  never an id twice; a link that repeats a request already made, or a page of ids already
  received, is an error (:class:`StacPagingError`, which carries what arrived).
- **Cloud cover**: a CQL2 ``filter`` when the API conforms to the filter extension with CQL2
  JSON, else the ``query`` extension when it conforms to it, else applied here only; the check
  is applied here in every case (items without a cloud cover are left out, as the servers do).
  :attr:`StacResult.cloud_filter` says which happened.
- **Credentials** (``auth``, ``headers``) go only to the origin (scheme, host, port) of the URL
  the client was made with; a link to another origin is refused when there are credentials.
- **Hostile replies**: each JSON body is read streamed up to ``max_page_bytes``; at most
  ``MAX_PAGE_ITEMS`` items per page and ``MAX_ASSETS`` assets per item; numbers must be finite.
"""

import contextlib
import datetime as dt
import gc
import hashlib
import json
import math
import re
import struct
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional, Tuple
from urllib.parse import urlencode, urljoin, urlsplit

from .errors import Cancelled, EoOrderError, InputError, NetworkError, ResponseError
from .http import DEFAULT_TIMEOUT, new_session, send
from .i18n import translate
from .models import parse_when
from .xmlsafe import html_message, looks_like_html


def tr(text):
    return translate("EoOrderStac", text)


SERVICE_NAME = "STAC API"
MAX_PAGE_BYTES = 64 << 20  # per JSON reply
MAX_PAGE_ITEMS = 10000  # items read from one page (the rest is ignored, and said)
MAX_ASSETS = 256  # assets read per item
MAX_COLLECTION_PAGES = 100
MAX_LIMIT = 10000
DEFAULT_LIMIT = 1000  # items asked per page (servers may return fewer: the next link is followed)
SCAN_FACTOR = 20  # client-side cloud filtering reads at most this many items per item wanted
MAX_STRING = 2048  # ids, titles, hrefs: longer values are cut

CLOUD_CQL2 = "cql2-json filter"
CLOUD_QUERY = "query extension"
CLOUD_CLIENT = "client side"

_FILTER_CLASS = re.compile(r"item-search#filter$|/ogcapi-features-3/[^/]+/conf/(features-)?filter$")
_CQL2_JSON = re.compile(r"/cql2/[^/]+/conf/cql2-json$")
_CQL2_TEXT = re.compile(r"/cql2/[^/]+/conf/cql2-text$")
_QUERY_CLASS = re.compile(r"item-search#query$")
_SKIP_HEADERS = {"host", "content-length", "transfer-encoding", "connection", "cookie", "authorization"}


# --- multihash (file:checksum) -----------------------------------------------------------------

MULTIHASH_CODES = {0xD5: ("md5", 16), 0x12: ("sha256", 32), 0x13: ("sha512", 64), 0x11: ("sha1", 20),
                   0x1E: ("blake3", 32)}


@dataclass(frozen=True)
class Multihash:
    """A decoded ``file:checksum``: the algorithm's name and the expected digest."""

    algorithm: str  # hashlib name ("md5", "sha256", …) or "blake3"
    digest: bytes

    def new_hasher(self):
        """A hashlib-style object (``update``/``digest``) for this algorithm.

        BLAKE3 needs the ``blake3`` package, which QGIS does not ship: without it this raises
        :class:`~.errors.InputError` and the caller should fall back to the size check."""
        if self.algorithm == "blake3":
            try:
                import blake3  # noqa: PLC0415 - optional
            except ImportError:
                raise InputError(
                    tr(
                        "This file's checksum is BLAKE3, which needs the Python package blake3 (not shipped with "
                        "QGIS): only its size can be checked.")) from None
            return blake3.blake3()
        return hashlib.new(self.algorithm)

    def matches(self, digest):
        return bytes(digest) == self.digest


def parse_multihash(text):
    """``file:checksum`` (hex multihash: code varint, length varint, digest) → :class:`Multihash`.

    Raises :class:`~.errors.InputError` for text that is not a hex multihash, an algorithm this
    module does not know (md5 0xd5, sha1 0x11, sha2-256 0x12, sha2-512 0x13, blake3 0x1e) or a
    digest whose length does not match.
    """
    try:
        raw = bytes.fromhex(str(text).strip())
    except ValueError:
        raise InputError(tr("The checksum {0!r} is not a hexadecimal multihash.").format(str(text)[:80])) from None
    code, pos = _varint(raw, 0)
    length, pos = _varint(raw, pos)
    if code is None or length is None:
        raise InputError(tr("The checksum {0!r} is cut short.").format(str(text)[:80]))
    if code not in MULTIHASH_CODES:
        raise InputError(tr(
            "The checksum {0!r} uses multihash code 0x{1:x}, which EO Order does not know (it checks MD5, SHA-1, "
            "SHA-256, SHA-512 and BLAKE3).").format(str(text)[:80], code))
    name, size = MULTIHASH_CODES[code]
    digest = raw[pos:]
    if length != size or len(digest) != size:
        raise InputError(tr(
            "The {0} checksum {1!r} has {2} digest bytes; {3} expected.").format(
            name, str(text)[:80], len(digest), size))
    return Multihash(name, digest)


def _varint(raw, pos):
    value, shift = 0, 0
    while pos < len(raw) and shift < 63:
        byte = raw[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return value, pos
        shift += 7
    return None, pos


def multihash_hex(algorithm, digest):
    """The ``file:checksum`` text of ``digest`` computed with ``algorithm`` (for tests and logs)."""
    codes = {name: code for code, (name, _size) in MULTIHASH_CODES.items()}
    code = codes[algorithm]
    prefix = bytes([code]) if code < 0x80 else bytes([code & 0x7F | 0x80, code >> 7])
    return (prefix + bytes([len(digest)]) + bytes(digest)).hex()


# --- the query ---------------------------------------------------------------------------------


def _finite(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


@dataclass
class StacQuery:
    """What the user asked for. ``bbox`` (west, south, east, north; west > east crosses the
    antimeridian) or ``intersects`` (a GeoJSON Polygon/MultiPolygon dict, or a ring of (lon, lat)
    points), or neither (the whole world); ``start`` inclusive, ``end`` exclusive."""

    bbox: Optional[Tuple[float, ...]] = None
    intersects: Optional[Any] = None  # a GeoJSON dict or a ring of (lon, lat)
    start: Optional[Any] = None  # a date, datetime or text; an aware UTC datetime after checking
    end: Optional[Any] = None
    collections: Tuple[str, ...] = ()
    max_cloud: Optional[float] = None
    max_records: int = 1000
    limit: int = DEFAULT_LIMIT

    def __post_init__(self):
        self.start = _as_utc(parse_when(self.start, "start date"))
        self.end = _as_utc(parse_when(self.end, "end date"))
        if self.start and self.end and self.start >= self.end:
            raise InputError(
                tr(
                    "The start date {0} is not before the end date {1} (the end date is exclusive): swap or widen "
                    "them.").format(self.start.isoformat(), self.end.isoformat()))
        if self.bbox is not None and self.intersects is not None:
            raise InputError(tr("Give a search box or a search polygon, not both."))
        if self.bbox is not None:
            self.bbox = _check_bbox(self.bbox)
        if self.intersects is not None:
            self.intersects = _check_area(self.intersects)
        if isinstance(self.collections, str):
            self.collections = (self.collections,)
        self.collections = tuple(c.strip() for c in (self.collections or ()) if c and c.strip())
        if self.max_cloud is not None:
            try:
                self.max_cloud = float(self.max_cloud)
            except (TypeError, ValueError):
                raise InputError(tr("The maximum cloud cover must be a number from 0 to 100.")) from None
            if not (math.isfinite(self.max_cloud) and 0 <= self.max_cloud <= 100):
                raise InputError(tr("The maximum cloud cover must be a number from 0 to 100."))
        if int(self.max_records) < 1:
            raise InputError(tr("The maximum number of records must be at least 1."))
        self.max_records = int(self.max_records)
        self.limit = max(1, min(int(self.limit), MAX_LIMIT, self.max_records))

    def datetime_param(self) -> Optional[str]:
        """The API's ``datetime`` interval (closed; see the module docstring), or None."""
        if not (self.start or self.end):
            return None
        return f"{format_time(self.start) if self.start else '..'}/{format_time(self.end) if self.end else '..'}"

    def area(self) -> Tuple[Optional[str], Any]:
        """(``"bbox"``, [w, s, e, n]) or (``"intersects"``, GeoJSON) as sent, or (None, None)."""
        if self.bbox is not None:
            west, south, east, north = self.bbox
            if west <= east:
                return "bbox", list(self.bbox)
            return "intersects", {"type": "MultiPolygon", "coordinates": [
                [_box_ring(west, south, 180.0, north)], [_box_ring(-180.0, south, east, north)]]}
        if self.intersects is not None:
            return "intersects", self.intersects
        return None, None


def _as_utc(value):
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime(value.year, value.month, value.day, tzinfo=dt.timezone.utc)


def format_time(value):
    """RFC 3339 UTC: ``2024-05-01T00:00:00Z`` (microseconds kept when present)."""
    value = value.astimezone(dt.timezone.utc)
    text = value.strftime("%Y-%m-%dT%H:%M:%S")
    return text + (f".{value.microsecond:06d}".rstrip("0") if value.microsecond else "") + "Z"


def _box_ring(west, south, east, north):
    return [[west, south], [east, south], [east, north], [west, north], [west, south]]


def _check_bbox(bbox):
    try:
        west, south, east, north = (float(v) for v in bbox)
    except (TypeError, ValueError):
        raise InputError(tr("The search box must be four numbers: west, south, east, north.")) from None
    if not all(math.isfinite(v) for v in (west, south, east, north)):
        raise InputError(tr("The search box has a missing or infinite coordinate."))
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south < north <= 90):
        raise InputError(
            tr(
                "The search box ({0:g}, {1:g}, {2:g}, {3:g}) is not a WGS 84 box: longitudes -180..180, latitudes "
                "-90..90 with south below north.").format(west, south, east, north))
    if west == east:
        raise InputError(tr("The search box has no width."))
    return (west, south, east, north)


def _check_area(area):
    """A GeoJSON Polygon/MultiPolygon or a ring of points → GeoJSON, checked (antimeridian split)."""
    if isinstance(area, dict):
        kind, coords = area.get("type"), area.get("coordinates")
        polygons = [coords] if kind == "Polygon" else coords if kind == "MultiPolygon" else None
        if not isinstance(polygons, list):
            raise InputError(tr("The search area must be a GeoJSON Polygon or MultiPolygon."))
    else:
        polygons = [[list(area)]]
    parts = []
    for polygon in polygons:
        rings = _read_polygon(polygon)
        if rings is None:
            raise InputError(tr(
                "The search polygon needs at least 3 distinct points with finite WGS 84 coordinates (longitude "
                "first)."))
        parts.extend(_split_polygon(rings))
    if not parts:
        raise InputError(tr("The search polygon is empty."))
    if len(parts) == 1:
        return {"type": "Polygon", "coordinates": parts[0]}
    return {"type": "MultiPolygon", "coordinates": parts}


# --- geometry: GeoJSON → WKT, antimeridian-safe -------------------------------------------------


_NUMBER_TYPES = frozenset((int, float))


def _read_ring(ring):
    """A GeoJSON ring → a closed list of (lon, lat) tuples, or None when it is not a valid ring
    (fewer than 3 distinct points, a coordinate that is not a finite number, out of range)."""
    if type(ring) is not list or not 3 <= len(ring) <= 1_000_000:
        return None
    try:
        lons = [p[0] for p in ring]
        lats = [p[1] for p in ring]
    except (TypeError, IndexError, KeyError):
        return None
    if not (set(map(type, lons)) <= _NUMBER_TYPES and set(map(type, lats)) <= _NUMBER_TYPES):
        return None  # strings, booleans, nulls, nested lists
    if not (math.isfinite(sum(lons)) and math.isfinite(sum(lats))):
        return None  # NaN or infinity somewhere
    if min(lons) < -540 or max(lons) > 540 or min(lats) < -90 or max(lats) > 90:
        return None
    out = list(zip(lons, lats))
    if out[0] != out[-1]:
        out.append(out[0])
    if len(set(out)) < 3:
        return None
    return out


def _read_polygon(polygon):
    if not isinstance(polygon, (list, tuple)) or not polygon:
        return None
    rings = [_read_ring(ring) for ring in polygon]
    if rings[0] is None:
        return None
    return [rings[0]] + [ring for ring in rings[1:] if ring is not None]


def _unwrap(ring):
    """Longitudes made continuous (no step over 180°), so a ring crossing ±180 reads e.g. 170..190."""
    out = [ring[0]]
    offset = 0.0
    previous = ring[0][0]
    for lon, lat in ring[1:]:
        step = lon - previous
        if step > 180:
            offset -= 360
        elif step < -180:
            offset += 360
        previous = lon
        out.append((lon + offset, lat))
    return out


def _clip(ring, limit, keep_below):
    """Sutherland–Hodgman clip of a closed ring against the half-plane lon <= limit (or >= limit)."""
    def inside(p):
        return p[0] <= limit if keep_below else p[0] >= limit

    out = []
    for a, b in zip(ring, ring[1:]):
        a_in, b_in = inside(a), inside(b)
        if a_in:
            out.append(a)
        if a_in != b_in:
            t = (limit - a[0]) / (b[0] - a[0])
            out.append((limit, a[1] + t * (b[1] - a[1])))
    if len(out) < 3:
        return None
    out.append(out[0])
    return out if len(set(out)) >= 3 else None


def _shift(ring, by):
    return [(lon + by, lat) for lon, lat in ring] if by else ring


def _split_polygon(rings):
    """One polygon (list of rings) → a list of polygons in -180..180 (two parts when it crosses ±180)."""
    lons = [p[0] for p in rings[0]]
    low, high = min(lons), max(lons)
    if high - low <= 180 and low >= -180 and high <= 180:
        return [rings]  # the common case: no edge can cross ±180
    if any(abs(b[0] - a[0]) > 180 for ring in rings for a, b in zip(ring, ring[1:])):
        rings = [_unwrap(ring) for ring in rings]
        outer = rings[0]
        centre = sum(p[0] for p in outer) / len(outer)
        rings = [_shift(ring, -360 * round((sum(p[0] for p in ring) / len(ring) - centre) / 360)) if i else ring
                 for i, ring in enumerate(rings)]
    low = min(p[0] for p in rings[0])
    high = max(p[0] for p in rings[0])
    if low >= -180 and high <= 180:
        return [[_as_lists(ring) for ring in rings]]
    edge = 180.0 if high > 180 else -180.0
    parts = []
    for keep_below, shift in ((edge == 180.0, 0.0), (edge != 180.0, -360.0 if edge == 180.0 else 360.0)):
        outer = _clip(rings[0], edge, keep_below)
        if outer is None:
            continue
        holes = [h for h in (_clip(ring, edge, keep_below) for ring in rings[1:]) if h is not None]
        parts.append([_as_lists(_shift(ring, shift)) for ring in [outer] + holes])
    return parts


def _as_lists(ring):
    return [(lon, lat) for lon, lat in ring]


def _num(value):
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text


def _polygon_wkt(polygon):
    return "(" + ",".join("(" + ",".join([f"{lon!r} {lat!r}" for lon, lat in ring]) + ")" for ring in polygon) + ")"


def geometry_to_polygons(geometry):
    """A GeoJSON Polygon/MultiPolygon → a list of polygons (each a list of closed rings of
    (lon, lat)) in -180..180, parts crossing ±180 split in two; None when it is missing, not
    areal or invalid."""
    if not isinstance(geometry, dict):
        return None
    kind, coords = geometry.get("type"), geometry.get("coordinates")
    if kind == "Polygon":
        polygons = [coords]
    elif kind == "MultiPolygon" and isinstance(coords, list):
        polygons = coords[:10000]
    else:
        return None
    parts = []
    for polygon in polygons:
        rings = _read_polygon(polygon)
        if rings is None:
            return None
        parts.extend(_split_polygon(rings))
    return parts or None


def polygons_wkt(polygons):
    """``MULTIPOLYGON`` WKT of :func:`geometry_to_polygons`' result (None → None)."""
    if not polygons:
        return None
    return "MULTIPOLYGON(" + ",".join(_polygon_wkt(part) for part in polygons) + ")"


def polygons_wkb(polygons):
    """Little-endian ISO WKB MultiPolygon of :func:`geometry_to_polygons`' result (None → None):
    QGIS reads it far faster than WKT."""
    if not polygons:
        return None
    out = [struct.pack("<BII", 1, 6, len(polygons))]
    for polygon in polygons:
        out.append(struct.pack("<BII", 1, 3, len(polygon)))
        for ring in polygon:
            flat = [c for point in ring for c in point]
            out.append(struct.pack(f"<I{len(flat)}d", len(ring), *flat))
    return b"".join(out)


def geometry_to_wkt(geometry):
    """A GeoJSON Polygon/MultiPolygon → ``MULTIPOLYGON`` WKT in -180..180 (parts crossing ±180
    split in two), or None when it is missing, not areal or invalid."""
    return polygons_wkt(geometry_to_polygons(geometry))


# --- items -------------------------------------------------------------------------------------


@dataclass
class StacAsset:
    """One asset of an item. ``checksum`` is the ``file:checksum`` multihash (hex) when given;
    ``alternates`` maps the alternate-assets extension's names to their hrefs."""

    key: str
    href: str
    title: str = ""
    type: str = ""
    roles: Tuple[str, ...] = ()
    checksum: str = ""
    size: Optional[int] = None
    alternates: Dict[str, str] = field(default_factory=dict)

    def multihash(self) -> Optional["Multihash"]:
        """The decoded checksum (:class:`Multihash`), or None when there is none."""
        return parse_multihash(self.checksum) if self.checksum else None

    def https_href(self) -> str:
        """An http(s) href: the asset's own, else the first http(s) alternate; "" if none."""
        for href in (self.href, *self.alternates.values()):
            if href.lower().startswith(("https://", "http://")):
                return href
        return ""


@dataclass
class StacItem:
    """One STAC item, as a footprint layer and a download need it."""

    id: str
    collection: str = ""
    datetime: Optional[dt.datetime] = None
    start: Optional[dt.datetime] = None
    end: Optional[dt.datetime] = None
    cloud_cover: Optional[float] = None
    platform: str = ""
    gsd: Optional[float] = None
    self_link: str = ""
    polygons: Optional[List[Any]] = None  # see geometry_to_polygons; None: no usable geometry
    assets: Dict[str, StacAsset] = field(default_factory=dict)

    @property
    def geometry_wkt(self) -> Optional[str]:
        """The footprint as ``MULTIPOLYGON`` WKT in WGS 84 (antimeridian-safe), or None."""
        return polygons_wkt(self.polygons)

    def geometry_wkb(self) -> Optional[bytes]:
        """The footprint as WKB (MultiPolygon), or None."""
        return polygons_wkb(self.polygons)

    @property
    def asset_keys(self) -> Tuple[str, ...]:
        return tuple(self.assets)

    @property
    def time(self) -> Optional[dt.datetime]:
        """The time the date filter uses: ``datetime``, else ``start_datetime``."""
        return self.datetime or self.start

    def asset_with_role(self, *roles: str) -> Optional[StacAsset]:
        """The first asset having one of ``roles`` (in the order given), or None."""
        for role in roles:
            for asset in self.assets.values():
                if role in asset.roles:
                    return asset
        return None

    @property
    def thumbnail_url(self) -> str:
        asset = self.asset_with_role("thumbnail", "overview")
        return asset.https_href() if asset else ""


def parse_time(value):
    """An RFC 3339 time → aware UTC datetime, or None when absent or unreadable."""
    if not isinstance(value, str) or not value or len(value) > 64:
        return None
    text = value.strip()
    if text[-1:] in ("Z", "z"):
        text = text[:-1] + "+00:00"
    match = re.match(r"^(\d{4}-\d\d-\d\d[Tt ]\d\d:\d\d:\d\d)(\.\d+)?(.*)$", text)
    if match:  # Python 3.9/3.10 fromisoformat takes 3 or 6 fraction digits only
        fraction = (match.group(2) or "")[:7].ljust(7, "0") if match.group(2) else ""
        text = match.group(1).replace("t", "T").replace(" ", "T") + fraction + match.group(3)
    try:
        parsed = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.timezone.utc)
    return parsed.astimezone(dt.timezone.utc)


def _text(value):
    return value[:MAX_STRING] if isinstance(value, str) else ""


def _number(value):
    return float(value) if _finite(value) else None


def parse_asset(key, raw):
    """One entry of an item's ``assets`` → :class:`StacAsset`, or None without a text href."""
    if type(raw) is not dict:
        return None
    href = raw.get("href")
    if type(href) is not str:
        return None
    get = raw.get
    roles = get("roles")
    if type(roles) is list and set(map(type, roles)) <= {str}:
        roles = tuple(r[:MAX_STRING] for r in roles[:16])
    else:
        roles = ()
    size = get("file:size")
    checksum = get("file:checksum")
    alternate = get("alternate")
    alternates = {}
    if alternate and type(alternate) is dict:
        for name, value in list(alternate.items())[:16]:
            if type(value) is dict and type(value.get("href")) is str:
                alternates[name[:MAX_STRING]] = value["href"][:MAX_STRING]
    title, kind = get("title"), get("type")
    return StacAsset(
        key[:MAX_STRING], href[:MAX_STRING], title[:MAX_STRING] if type(title) is str else "",
        kind[:MAX_STRING] if type(kind) is str else "", roles,
        checksum if type(checksum) is str and len(checksum) <= 300 else "",
        size if type(size) is int and size >= 0 else None,
        alternates)


def parse_item(raw, base_url=""):
    """A GeoJSON Feature (STAC item) → :class:`StacItem`, or None without a usable id.

    A missing or invalid geometry gives an item with ``polygons`` None (the caller counts
    them); at most ``MAX_ASSETS`` assets are read."""
    if not isinstance(raw, dict):
        return None
    item_id = raw.get("id")
    if not isinstance(item_id, str) or not item_id or len(item_id) > MAX_STRING:
        return None
    props = raw.get("properties")
    props = props if isinstance(props, dict) else {}
    self_link = ""
    links = raw.get("links")
    if isinstance(links, list):
        for link in links[:64]:
            if isinstance(link, dict) and link.get("rel") == "self" and isinstance(link.get("href"), str):
                href = link["href"]
                self_link = _text(href if href.startswith(("https://", "http://")) else urljoin(base_url, href))
                break
    assets = {}
    raw_assets = raw.get("assets")
    if isinstance(raw_assets, dict):
        for key, value in list(raw_assets.items())[:MAX_ASSETS]:
            asset = parse_asset(key, value)
            if asset is not None:
                assets[asset.key] = asset
    cloud = _number(props.get("eo:cloud_cover"))
    collection = raw.get("collection")
    return StacItem(
        id=item_id,
        collection=_text(collection),
        datetime=parse_time(props.get("datetime")),
        start=parse_time(props.get("start_datetime")),
        end=parse_time(props.get("end_datetime")),
        cloud_cover=cloud if cloud is not None and 0 <= cloud <= 100 else None,
        platform=_text(props.get("platform")),
        gsd=_number(props.get("gsd")),
        self_link=self_link,
        polygons=geometry_to_polygons(raw.get("geometry")),
        assets=assets,
    )


# --- results -----------------------------------------------------------------------------------


@dataclass
class StacResult:
    """What a search returned: the items (catalogue order, each id once), the API's match count
    when it gave one, how the cloud filter was applied, and notes for the user."""

    items: List[StacItem] = field(default_factory=list)
    matched: Optional[int] = None
    pages: int = 0
    cloud_filter: Optional[str] = None  # CLOUD_CQL2, CLOUD_QUERY, CLOUD_CLIENT or None (no cloud filter)
    without_geometry: int = 0
    dropped: int = 0  # items the API sent that the client-side checks left out
    truncated: bool = False  # stopped at max_records (or the scan cap) with more available
    notes: List[str] = field(default_factory=list)
    requests: List[Tuple[str, str, Any]] = field(default_factory=list)  # (method, url, body) sent, for logs and tests


class StacPagingError(ResponseError):
    """Paging failed part-way; ``result`` holds what arrived before."""

    def __init__(self, message: str, result: Optional[StacResult] = None) -> None:
        super().__init__(message)
        self.result = result


@dataclass
class Collection:
    id: str
    title: str = ""
    description: str = ""

    def matches(self, text: Optional[str]) -> bool:
        text = (text or "").strip().lower()
        return not text or text in self.id.lower() or text in self.title.lower()


# --- the client --------------------------------------------------------------------------------


def _origin(url):
    parts = urlsplit(url)
    try:
        port = parts.port or {"http": 80, "https": 443}.get(parts.scheme.lower())
    except ValueError:  # a port out of range: no origin matches it
        port = -1
    return parts.scheme.lower(), (parts.hostname or "").lower(), port


@contextlib.contextmanager
def gc_paused():
    """Pause Python's cyclic garbage collector while a page is decoded and parsed.

    A 16 MB page is about a million small dicts and lists, all alive until the page is parsed:
    each automatic collection walks them again, which measured as more than half of the search's
    CPU time. They hold no reference cycles (JSON trees, then plain dataclasses), so nothing is
    lost by collecting after the page. The collector is switched on again at once afterwards (only
    if it was on), so other threads' garbage waits a fraction of a second at most.
    """
    was_enabled = gc.isenabled()
    if was_enabled:
        gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _read_capped(response, limit):
    """The streamed body (decompressed), at most ``limit`` bytes: a running total, read in 1 MiB
    pieces, so an endless or huge reply stops at the cap."""
    data = bytearray()
    try:
        for chunk in response.iter_content(1 << 20):
            data += chunk
            if len(data) >= limit:
                break
    except Exception as exc:  # noqa: BLE001 - urllib3/http.client stream errors
        raise NetworkError(
            tr(
                "The connection broke while reading {0} ({1}). Try again.").format(
                response.url[:200], exc.__class__.__name__)
        ) from None
    finally:
        response.close()
    return bytes(data)


class StacClient:
    """One STAC API. ``auth`` (a requests auth object) and ``headers`` are credentials: they are
    sent only to the origin of ``url``. ``session`` defaults to :func:`~.http.new_session`."""

    def __init__(self, url: Optional[str], *, session: Any = None, auth: Any = None,
                 headers: Optional[Dict[str, str]] = None, name: str = SERVICE_NAME, timeout: Any = DEFAULT_TIMEOUT,
                 max_page_bytes: int = MAX_PAGE_BYTES, auth_hint: str = "") -> None:
        self.url = (url or "").strip()
        if not self.url.lower().startswith(("http://", "https://")):
            raise InputError(tr("{0!r} is not a STAC API URL: it needs http:// or https://.").format(self.url))
        self.session = session or new_session()
        self.auth = auth
        self.headers = dict(headers or {})
        self.name = name
        self.timeout = timeout
        self.max_page_bytes = max_page_bytes
        self.auth_hint = auth_hint
        self._landing: Optional[Dict[str, Any]] = None

    # -- plumbing --

    @property
    def has_credentials(self) -> bool:
        return self.auth is not None or bool(self.headers)

    def _request(self, method, url, body=None, extra_headers=None, redirects=0):
        """Send one request and return the decoded JSON object (a dict)."""
        if not url.lower().startswith(("http://", "https://")):
            raise ResponseError(tr(
                "{0} gave the link {1!r}, which is not an http(s) URL.").format(self.name, url[:200]))
        same_origin = _origin(url) == _origin(self.url)
        if not same_origin and self.has_credentials:
            scheme, host, port = _origin(url)
            raise StacPagingError(
                tr(
                    "{0} links to another server ({1}://{2}:{3}); EO Order does not send your credentials there, so "
                    "the search stopped. Ask the provider to fix its links.").format(self.name, scheme, host, port))
        headers = {"Accept": "application/geo+json, application/json"}
        for name, value in (extra_headers or {}).items():
            if isinstance(name, str) and isinstance(value, str) and name.lower() not in _SKIP_HEADERS:
                headers[name] = value
        if same_origin:
            headers.update(self.headers)
        kwargs = {"headers": headers}
        if body is not None:
            kwargs["data"] = json.dumps(body, separators=(",", ":")).encode("utf-8")
            headers["Content-Type"] = "application/json"
        if same_origin and self.auth is not None:
            kwargs["auth"] = self.auth
        response = send(self.session, method, url, self.name, auth_hint=self.auth_hint, timeout=self.timeout,
                        allow_redirects=False, **kwargs)
        if response.is_redirect:
            response.close()
            location = response.headers.get("Location", "")
            if redirects >= 5 or not location:
                raise ResponseError(tr(
                    "{0} redirected {1} too often or without a Location.").format(self.name, url[:200]))
            if response.status_code in (301, 302, 303) and method == "POST":
                method, body = "GET", None
            return self._request(method, urljoin(url, location), body, extra_headers, redirects + 1)
        length = response.headers.get("Content-Length", "")
        if length.isdigit() and int(length) > self.max_page_bytes:
            response.close()
            raise ResponseError(self._too_big(url))
        data = _read_capped(response, self.max_page_bytes + 1)
        if len(data) > self.max_page_bytes:
            raise ResponseError(self._too_big(url))
        return self._decode(data, url)

    def _too_big(self, url):
        return tr("{0} sent more than {1} MB in one reply ({2}); EO Order stopped reading it. Ask for fewer items "
                  "per page.").format(self.name, self.max_page_bytes >> 20, url[:200])

    def _decode(self, data, url):
        if looks_like_html(data):
            raise ResponseError(html_message(data, self.name, "JSON"))
        try:
            with gc_paused():
                value = json.loads(data.decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            raise ResponseError(tr(
                "{0} sent a reply that is not valid JSON ({1} bytes{2}) for {3}. Check the URL; it should be the "
                "STAC API's landing page.").format(
                self.name, len(data), tr(", possibly cut short") if data else tr(", empty"), url[:200])) from None
        if not isinstance(value, dict):
            raise ResponseError(tr("{0} sent JSON that is not an object for {1}.").format(self.name, url[:200]))
        return value

    # -- landing page, conformance, collections --

    def landing(self) -> Dict[str, Any]:
        """The landing page (cached), with ``conformsTo`` read from ``/conformance`` when absent."""
        if self._landing is None:
            page = self._request("GET", self.url)
            if not isinstance(page.get("conformsTo"), list):
                link = self._link(page, "conformance")
                if link:
                    try:
                        page["conformsTo"] = self._request("GET", link["href"]).get("conformsTo", [])
                    except ResponseError:
                        page["conformsTo"] = []
            if not isinstance(page.get("links"), list):
                raise ResponseError(tr(
                    "{0} at {1} has no links: it is not a STAC API landing page.").format(self.name, self.url))
            self._landing = page
        return self._landing

    def conforms_to(self) -> Tuple[str, ...]:
        return tuple(c for c in self.landing().get("conformsTo") or () if isinstance(c, str))

    def _link(self, page, rel, method=None, base=None):
        links = page.get("links")
        for link in links[:1000] if isinstance(links, list) else ():
            if (isinstance(link, dict) and link.get("rel") == rel and isinstance(link.get("href"), str)
                    and (method is None or str(link.get("method") or "GET").upper() == method)):
                return dict(link, href=urljoin(base or self.url, link["href"]))
        return None

    def cloud_strategy(self) -> str:
        """How a cloud-cover limit is applied on this API: CLOUD_CQL2, CLOUD_QUERY or CLOUD_CLIENT."""
        classes = self.conforms_to()
        if any(_FILTER_CLASS.search(c) for c in classes) and any(_CQL2_JSON.search(c) for c in classes):
            return CLOUD_CQL2
        if any(_QUERY_CLASS.search(c) for c in classes):
            return CLOUD_QUERY
        return CLOUD_CLIENT

    def collections(self, max_pages: int = MAX_COLLECTION_PAGES, search: str = "") -> List[Collection]:
        """Every collection of ``/collections`` (following ``next`` links, at most ``max_pages``),
        those whose id or title contains ``search`` (case-insensitive)."""
        link = self._link(self.landing(), "data")
        url = link["href"] if link else self.url.rstrip("/") + "/collections"
        found, seen_urls, seen_ids = [], set(), set()
        for _ in range(max_pages):
            if url in seen_urls:
                raise ResponseError(tr(
                    "{0}'s collections list links back to a page already read ({1}).").format(self.name, url))
            seen_urls.add(url)
            page = self._request("GET", url)
            raw = page.get("collections")
            if not isinstance(raw, list):
                raise ResponseError(tr("{0} sent no 'collections' list at {1}.").format(self.name, url))
            for value in raw[:MAX_PAGE_ITEMS]:
                if isinstance(value, dict) and isinstance(value.get("id"), str) and value["id"] not in seen_ids:
                    seen_ids.add(value["id"])
                    found.append(Collection(_text(value["id"]), _text(value.get("title")),
                                            _text(value.get("description"))[:500]))
            nxt = self._link(page, "next", base=url)
            if not nxt or not raw:
                break
            url = nxt["href"]
        return [c for c in found if c.matches(search)]

    # -- search --

    def first_request(self, query: StacQuery, strategy: Optional[str] = None) -> Tuple[str, str, Any]:
        """(method, url, body-or-params) of the first search page."""
        landing = self.landing()
        post = self._link(landing, "search", "POST")
        get = self._link(landing, "search", "GET") or self._link(landing, "search")
        strategy = strategy or (self.cloud_strategy() if query.max_cloud is not None else None)
        body: Dict[str, Any] = {"limit": query.limit}
        kind, area = query.area()
        if kind:
            body[kind] = area
        when = query.datetime_param()
        if when:
            body["datetime"] = when
        if query.collections:
            body["collections"] = list(query.collections)
        if post:
            if query.max_cloud is not None and strategy == CLOUD_CQL2:
                body["filter-lang"] = "cql2-json"
                body["filter"] = body_filter(query.max_cloud)
            elif query.max_cloud is not None and strategy == CLOUD_QUERY:
                body["query"] = {"eo:cloud_cover": {"lte": query.max_cloud}}
            return "POST", post["href"], body
        url = get["href"] if get else self.url.rstrip("/") + "/search"
        params = {"limit": str(query.limit)}
        if kind == "bbox":
            params["bbox"] = ",".join(_num(v) for v in area)
        elif kind == "intersects":
            params["intersects"] = json.dumps(area, separators=(",", ":"))
        if when:
            params["datetime"] = when
        if query.collections:
            params["collections"] = ",".join(query.collections)
        if query.max_cloud is not None and strategy == CLOUD_CQL2:
            if any(_CQL2_TEXT.search(c) for c in self.conforms_to()):
                params["filter-lang"] = "cql2-text"
                params["filter"] = f'"eo:cloud_cover" <= {_num(query.max_cloud)}'
            else:
                params["filter-lang"] = "cql2-json"
                params["filter"] = json.dumps(body_filter(query.max_cloud), separators=(",", ":"))
        elif query.max_cloud is not None and strategy == CLOUD_QUERY:
            params["query"] = json.dumps({"eo:cloud_cover": {"lte": query.max_cloud}}, separators=(",", ":"))
        return "GET", url + ("&" if "?" in url else "?") + urlencode(params), None

    def search(self, query: StacQuery, progress: Optional[Callable[[int, Optional[int]], None]] = None,
               cancelled: Optional[Callable[[], bool]] = None,
               on_items: Optional[Callable[[List[StacItem]], None]] = None) -> StacResult:
        """Every item of ``query`` once, up to ``query.max_records``, in the API's order.

        ``progress(items_kept, matched_or_None)`` and ``on_items(new_items)`` (for a layer that
        grows page by page) are called after each page; ``cancelled()`` returning true raises
        :class:`~.errors.Cancelled`. Every error raised once the search started carries
        ``result``: what arrived before it. Paging errors are :class:`StacPagingError`.

        Pages are fetched one after the other (a STAC ``next`` link is known only from the page
        before it); no page is asked for once ``max_records`` items have arrived. Fetching the next
        page on a helper thread while parsing was measured slower here: the parsing and the JSON
        decoding both need the GIL, and sharing it cost more CPU than the overlap saved.
        """
        result = StacResult()
        try:
            if query.max_cloud is not None:
                result.cloud_filter = self.cloud_strategy()
            method, url, body = self.first_request(query, result.cloud_filter)
            self._collect(query, result, _pages(self, method, url, body, result), progress, cancelled, on_items)
        except EoOrderError as error:
            error.result = result
            raise
        self._add_notes(result, query)
        return result

    def _collect(self, query, result, pages, progress, cancelled, on_items):
        seen = set()
        items = result.items
        scan_cap = query.max_records * SCAN_FACTOR if result.cloud_filter == CLOUD_CLIENT else None
        try:
            while True:
                if cancelled and cancelled():
                    raise Cancelled()
                page = next(pages, None)
                if page is None:
                    return
                url, features, matched, has_next = page
                result.pages += 1
                if matched is not None:
                    result.matched = matched
                with gc_paused():
                    new_items, rest = self._parse_page(query, result, features, url, seen,
                                                       query.max_records - len(items))
                items.extend(new_items)
                if on_items and new_items:
                    on_items(new_items)
                if progress:
                    progress(len(items), result.matched)
                if len(items) >= query.max_records:
                    result.truncated = has_next or rest
                    return
                if scan_cap is not None and len(seen) >= scan_cap and has_next:
                    result.truncated = True
                    result.notes.append(tr(
                        "The cloud cover was checked by EO Order on {0} items (this API cannot filter it); stopped "
                        "there: narrow the search for more.").format(len(seen)))
                    return
        finally:
            pages.close()

    def _parse_page(self, query, result, features, url, seen, room):
        """(items kept from ``features``, at most ``room``; whether features were left unread)."""
        kept = []
        keep = self._keep
        for index, raw in enumerate(features):
            item = parse_item(raw, url)
            if item is None:
                result.dropped += 1
                continue
            if item.id in seen:
                continue
            seen.add(item.id)
            if not keep(item, query):
                result.dropped += 1
                continue
            if item.polygons is None:
                result.without_geometry += 1
            kept.append(item)
            if len(kept) >= room:
                return kept, index + 1 < len(features)
        return kept, False

    @staticmethod
    def _keep(item, query):
        if query.max_cloud is not None and (item.cloud_cover is None or item.cloud_cover > query.max_cloud):
            return False
        if query.start or query.end:
            when = item.time
            if when is not None and ((query.start and when < query.start) or (query.end and when >= query.end)):
                return False
        if query.collections and item.collection and item.collection not in query.collections:
            return False
        return True

    def _add_notes(self, result, query):
        if result.cloud_filter == CLOUD_CQL2:
            result.notes.append(tr("Cloud cover filtered by the server (CQL2 filter)."))
        elif result.cloud_filter == CLOUD_QUERY:
            result.notes.append(tr("Cloud cover filtered by the server (query extension)."))
        elif result.cloud_filter == CLOUD_CLIENT:
            result.notes.append(tr("This STAC API cannot filter cloud cover: EO Order filtered the items it received."))
        if result.without_geometry:
            result.notes.append(tr("{0} item(s) have no usable geometry (kept, not on the map).").format(
                result.without_geometry))
        if result.truncated:
            result.notes.append(tr("Stopped at {0} items (Max records); the API has more.").format(len(result.items)))


def _pages(client, method, url, body, result):
    """Yield (url, features, matched, has_next) page by page, following the ``next`` links.

    Refuses a link that repeats a request already made, or a page whose ids were all received
    before (:class:`StacPagingError`). A page is asked for only when the caller wants the next one.
    """
    made, headers, ids = set(), {}, set()
    while True:
        key = (method, url, json.dumps(body, sort_keys=True) if body is not None else "")
        if key in made:
            raise StacPagingError(
                tr(
                    "{0}'s next link repeats a request already made ({1} {2}): its paging loops. Stopped after {3} "
                    "pages; the items received are kept.").format(client.name, method, url[:200], len(made)))
        made.add(key)
        result.requests.append((method, url, body))
        page = client._request(method, url, body, headers)
        features = page.get("features")
        if not isinstance(features, list):
            raise StacPagingError(tr(
                "{0} sent a search page without 'features' ({1}).").format(client.name, url[:200]))
        if len(features) > MAX_PAGE_ITEMS:
            result.notes.append(tr("A page had {0} items; only the first {1} were read.").format(
                len(features), MAX_PAGE_ITEMS))
            features = features[:MAX_PAGE_ITEMS]
        context = page.get("context")
        matched = page.get("numberMatched", context.get("matched") if isinstance(context, dict) else None)
        if not (isinstance(matched, int) and not isinstance(matched, bool) and matched >= 0):
            matched = None
        fresh = {f.get("id") for f in features if isinstance(f, dict) and isinstance(f.get("id"), str)} - ids
        ids |= fresh
        nxt = client._link(page, "next", base=url)
        yield url, features, matched, nxt is not None
        if nxt is None or not features:
            return
        if not fresh:
            raise StacPagingError(
                tr(
                    "{0}'s next page repeated only items already received: its paging does not advance. Stopped "
                    "after {1} pages; the items received are kept.").format(client.name, len(made)))
        method, url, body, headers = _next_request(nxt, method, body)


def body_filter(max_cloud):
    """The CQL2-JSON filter ``eo:cloud_cover <= max_cloud``."""
    return {"op": "<=", "args": [{"property": "eo:cloud_cover"}, max_cloud]}


def _next_request(link, method, body):
    """(method, url, body, headers) of the request a ``next`` link describes."""
    next_method = str(link.get("method") or "GET").upper()
    if next_method not in ("GET", "POST"):
        raise ResponseError(tr(
            "A STAC next link asks for method {0!r}; only GET and POST are used.").format(next_method[:20]))
    headers = link.get("headers") if isinstance(link.get("headers"), dict) else {}
    if next_method == "GET":
        return "GET", link["href"], None, headers
    link_body = link.get("body")
    if link_body is not None and not isinstance(link_body, dict):
        raise ResponseError(tr("A STAC next link has a body that is not a JSON object."))
    if link.get("merge") is True:
        merged = dict(body or {})
        merged.update(link_body or {})
        return "POST", link["href"], merged, headers
    return "POST", link["href"], dict(link_body) if link_body is not None else dict(body or {}), headers
