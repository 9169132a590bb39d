"""Search the Copernicus Data Space Ecosystem (CDSE) OData catalogue.

The search needs no login. One search is one collection, one polygon (EPSG:4326)
and one sensing period, optionally a maximum cloud cover:

    query = CdseQuery("SENTINEL-2", [(5.9, 45.8), (10.5, 45.8), (10.5, 47.8), (5.9, 47.8)],
                      "2022-05-03", "2022-05-21", max_cloud=40)
    products = CdseCatalogue().search(query)

Decisions:

- **Dates** filter the sensing start (``ContentDate/Start``): start inclusive (``ge``), end
  exclusive (``lt``). A bare date means midnight UTC; a time without a zone is UTC. Times are
  sent with millisecond precision (``2022-05-03T00:00:00.000Z``; finer parts are dropped).
- **Polygon**: one outer ring in lon/lat degrees, closed automatically, turned
  counter-clockwise; the catalogue refuses MULTIPOLYGON, so do we (as for holes).
- **Two expands** are sent as repeated parameters, ``$expand=Attributes&$expand=Assets``, the form
  the Copernicus Browser's "copy query" produces (a comma-joined ``$expand`` is reported not
  to work).
- **Paging**: ``$top`` is at most 1000, ``@odata.nextLink`` is followed. The catalogue refuses
  ``$skip`` > 10000 (HTTP 422), so when a nextLink would go beyond that the search continues
  with a new time window that starts at the sensing start of the last product received
  (``ge``, so products sharing that instant are not lost; products already received are
  dropped by Id). Results are ordered by ``ContentDate/Start asc``, which makes this exact;
  ``$count=True`` is asked on the very first page only (it is slow) to size the progress.
- **Hostile replies**: a page is read up to ``PAGE_LIMIT`` bytes after decompression (a gzip "bomb"
  or an endless reply is refused, never expanded in memory). A product without a readable footprint
  is kept (it gets no geometry in the layer) and counted (:func:`without_footprint`); a checksum
  that is not an MD5 (32 hexadecimal digits) is not kept as one.
"""

import datetime as dt
import json
import math
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from typing import Any, Callable, Dict, List, Optional
from urllib.parse import quote, urlencode, urlsplit, urlunsplit

import requests

from .errors import AuthError, Cancelled, EoOrderError, HttpError, InputError, ResponseError, redact
from .http import DEFAULT_TIMEOUT, Deadline, new_session, read_body, read_capped, send
from .i18n import tr_noop, translate
from .models import parse_when
from .xmlsafe import html_message, looks_like_html


def tr(text):
    return translate("EoOrderCdseSearch", text)


CATALOGUE_URL = "https://catalogue.dataspace.copernicus.eu/odata/v1/Products"
COLLECTIONS = (
    "SENTINEL-1",
    "SENTINEL-2",
    "SENTINEL-3",
    "SENTINEL-5P",
    "SENTINEL-6",
    "SENTINEL-1-RTC",
    "GLOBAL-MOSAICS",
    "LANDSAT-5",
    "LANDSAT-7",
    "LANDSAT-8",
    "COP-DEM",
    "TERRAAQUA",
    "SMOS",
    "ENVISAT",
    "S2GLC",
    "CCM",
)
SERVICE_NAME = tr_noop("Copernicus Data Space catalogue")  # translated when a client is made
MAX_TOP = 1000  # the catalogue's largest page
MAX_SKIP = 10000  # the catalogue answers HTTP 422 beyond this
MAX_VERTICES = 500  # the polygon travels in the URL: keep it well under URL length limits
PAGE_LIMIT = 64 << 20  # bytes of one page after decompression (1000 products are a few MB)
MD5_RE = re.compile(r"^[0-9a-f]{32}$")
ORDER_BY = "ContentDate/Start asc"
EXPANDS = ("Attributes", "Assets")

_COLLECTION_RE = re.compile(r"^[A-Z0-9][A-Z0-9_.-]*$")
_NUMBER = r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"


# --- query ------------------------------------------------------------------


def _utc(value, what):
    value = parse_when(value, what)
    if value is None:
        raise InputError(tr("A Copernicus search needs a {0}: give a date such as 2022-05-03.").format(what))
    if not isinstance(value, dt.datetime):
        value = dt.datetime(value.year, value.month, value.day, tzinfo=dt.timezone.utc)
    # The catalogue takes milliseconds: keep what is sent and what is stated identical.
    return value.replace(microsecond=value.microsecond // 1000 * 1000)


def format_time(value):
    """``2022-05-03T00:00:00.000Z`` (UTC, milliseconds), as the catalogue's filter wants it."""
    value = value.astimezone(dt.timezone.utc)
    return f"{value:%Y-%m-%dT%H:%M:%S}.{value.microsecond // 1000:03d}Z"


def format_number(value):
    """A coordinate with up to 8 decimals (about 1 mm), no trailing zeros."""
    text = f"{float(value):.8f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _parse_polygon_wkt(text):
    raw = text.strip()
    match = re.match(r"(?i)^SRID\s*=\s*(\d+)\s*;\s*", raw)
    if match:
        if match.group(1) != "4326":
            raise InputError(
                tr(
                    "The search polygon is in SRID {0}; the Copernicus catalogue needs WGS 84 "
                    "longitude/latitude (EPSG:4326): transform it first.").format(
                    match.group(1))
            )
        raw = raw[match.end():]
    kind = re.match(r"^\s*([A-Za-z]+)", raw)
    kind = kind.group(1).upper() if kind else ""
    if kind == "MULTIPOLYGON":
        raise InputError(
            tr(
                "The Copernicus catalogue searches with one POLYGON, not a MULTIPOLYGON: search each "
                "part separately or draw one polygon around them.")
        )
    if kind != "POLYGON":
        raise InputError(
            tr(
                "The search area must be a WKT POLYGON such as POLYGON((lon lat, lon lat, lon lat)); got "
                "{0!r}.").format(
                text[:60])
        )
    body = raw[len(kind):].strip()
    body = re.sub(r"(?i)^(Z|M|ZM)\b", "", body).strip()
    rings = re.findall(r"\(([^()]*)\)", body)
    if not body.startswith("((") or not body.endswith("))") or not rings:
        raise InputError(tr(
            "The search polygon {0!r} is not valid WKT: expected POLYGON((lon lat, ...)).").format(
            text[:80]))
    if len(rings) > 1:
        raise InputError(
            tr(
                "The search polygon has holes; the Copernicus search takes its outer boundary only: "
                "remove the holes (or search with the outline).")
        )
    points = []
    for pair in rings[0].split(","):
        numbers = pair.split()
        if len(numbers) not in (2, 3, 4) or not all(re.fullmatch(_NUMBER, n) for n in numbers):
            raise InputError(tr(
                "The search polygon has an unreadable point {0!r}: write 'lon lat'.").format(
                pair.strip()))
        points.append((float(numbers[0]), float(numbers[1])))
    return points


def _segments_cross(p1, p2, q1, q2):
    def orient(a, b, c):
        value = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
        return (value > 1e-15) - (value < -1e-15)

    def on_segment(a, b, c):
        return min(a[0], b[0]) <= c[0] <= max(a[0], b[0]) and min(a[1], b[1]) <= c[1] <= max(a[1], b[1])

    o1, o2, o3, o4 = orient(p1, p2, q1), orient(p1, p2, q2), orient(q1, q2, p1), orient(q1, q2, p2)
    if o1 != o2 and o3 != o4:
        return True
    return (
        (o1 == 0 and on_segment(p1, p2, q1))
        or (o2 == 0 and on_segment(p1, p2, q2))
        or (o3 == 0 and on_segment(q1, q2, p1))
        or (o4 == 0 and on_segment(q1, q2, p2))
    )


def normalise_ring(polygon):
    """A WKT POLYGON or a sequence of (lon, lat) → a closed, counter-clockwise tuple of points.

    Raises InputError for a MULTIPOLYGON, holes, fewer than 3 distinct points, coordinates out
    of range, a flat or self-crossing ring.
    """
    ring = _distinct_points(_polygon_points(polygon))
    if len(set(ring)) < 3:
        raise InputError(tr("The search polygon needs at least 3 distinct points."))
    if len(ring) > MAX_VERTICES:
        raise InputError(
            tr(
                "The search polygon has {0} points; the Copernicus search sends it in the URL, which "
                "allows about {1}: simplify the polygon.").format(
                len(ring), MAX_VERTICES)
        )
    _refuse_self_crossing(ring)
    area2 = sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, ring[1:] + ring[:1]))
    if abs(area2) < 1e-14:
        raise InputError(tr("The search polygon has no area (its points are on one line): draw it again."))
    if area2 < 0:
        ring = ring[:1] + ring[:0:-1]  # same first point, other direction
    return tuple(ring + ring[:1])


def _polygon_points(polygon):
    """The (lon, lat) points of WKT or a sequence of pairs, each checked to be finite and on Earth."""
    if isinstance(polygon, str):
        points = _parse_polygon_wkt(polygon)
    else:
        try:
            points = [(float(p[0]), float(p[1])) for p in polygon]
        except (TypeError, ValueError, IndexError):
            raise InputError(
                tr("The search polygon must be WKT text or a list of (longitude, latitude) pairs.")
            ) from None
    for lon, lat in points:
        if not (math.isfinite(lon) and math.isfinite(lat)):
            raise InputError(tr("The search polygon has a missing or infinite coordinate."))
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            raise InputError(
                tr(
                    "The search polygon point ({0:g} {1:g}) is outside longitude -180..180 / latitude "
                    "-90..90: give the polygon in WGS 84 degrees, longitude first.").format(
                    lon, lat)
            )
    return points


def _distinct_points(points):
    """The points without repeats of the previous one, and without the closing point."""
    ring = []
    for point in points:
        if not ring or ring[-1] != point:
            ring.append(point)
    if len(ring) > 1 and ring[0] == ring[-1]:
        ring.pop()
    return ring


def _refuse_self_crossing(ring):
    n = len(ring)
    edges = [(ring[i], ring[(i + 1) % n]) for i in range(n)]
    for i in range(n):
        for j in range(i + 2, n):
            if i == 0 and j == n - 1:
                continue  # adjacent through the closing point
            if _segments_cross(*edges[i], *edges[j]):
                raise InputError(
                    tr("The search polygon crosses itself (its edges intersect): draw it again without loops.")
                )


def ring_wkt(ring):
    """``POLYGON((lon lat, ..., first point again))`` for a closed ring."""
    return "POLYGON((" + ", ".join(f"{format_number(x)} {format_number(y)}" for x, y in ring) + "))"


@dataclass
class CdseQuery:
    """A Copernicus catalogue search.

    ``polygon`` is WKT (``POLYGON((lon lat, ...))``) or a sequence of (lon, lat) in EPSG:4326;
    it is closed automatically and stored as a closed tuple of points. ``start`` is inclusive
    and ``end`` exclusive on the sensing start (``ContentDate/Start``); no zone means UTC.
    ``max_cloud`` is a percentage 0-100 or None (no cloud filter).
    """

    collection: str
    polygon: Any  # WKT or (lon, lat) points; a closed tuple of points after checking
    start: Any  # a date, datetime or text; an aware UTC datetime after checking
    end: Any
    max_cloud: Optional[Any] = None  # a number or text; a float or None after checking
    max_records: int = 1000

    def __post_init__(self):
        name = str(self.collection or "").strip().upper()
        if not name:
            raise InputError(tr("Choose a Copernicus collection, for example SENTINEL-2."))
        if not _COLLECTION_RE.match(name):
            raise InputError(
                tr(
                    "{0!r} is not a Copernicus collection name; use one of {1}.").format(
                    self.collection, ', '.join(COLLECTIONS))
            )
        self.collection = name
        self.polygon = normalise_ring(self.polygon)
        self.start = _utc(self.start, tr("start date"))
        self.end = _utc(self.end, tr("end date"))
        if self.start >= self.end:
            raise InputError(
                tr(
                    "The start date {0} is not before the end date {1} (the end date is exclusive): swap "
                    "or widen them.").format(
                    format_time(self.start), format_time(self.end))
            )
        if self.max_cloud is not None and self.max_cloud != "":
            try:
                cloud = float(self.max_cloud)
            except (TypeError, ValueError):
                raise InputError(tr("The maximum cloud cover {0!r} is not a number.").format(self.max_cloud)) from None
            if not (0 <= cloud <= 100):
                raise InputError(
                    tr("The maximum cloud cover must be a percentage between 0 and 100; got {0:g}.").format(cloud)
                )
            self.max_cloud = cloud
        else:
            self.max_cloud = None
        try:
            self.max_records = int(self.max_records)
        except (TypeError, ValueError):
            raise InputError(tr(
                "The maximum number of records {0!r} is not a whole number.").format(
                self.max_records)) from None
        if self.max_records < 1:
            raise InputError(tr("The maximum number of records must be at least 1."))

    @property
    def polygon_wkt(self) -> str:
        return ring_wkt(self.polygon)


def build_filter(query, start=None, end=None):
    """The OData ``$filter`` of ``query`` (optionally for a narrower time window)."""
    start = query.start if start is None else start
    end = query.end if end is None else end
    parts = [
        f"Collection/Name eq '{query.collection}'",
        f"OData.CSC.Intersects(area=geography'SRID=4326;{query.polygon_wkt}')",
        f"ContentDate/Start ge {format_time(start)}",
        f"ContentDate/Start lt {format_time(end)}",
    ]
    if query.max_cloud is not None:
        parts.append(
            "Attributes/OData.CSC.DoubleAttribute/any(att:att/Name eq 'cloudCover' and "
            f"att/OData.CSC.DoubleAttribute/Value le {query.max_cloud:.2f})"
        )
    return " and ".join(parts)


def encode_params(pairs):
    """A query string with spaces as %20 (OData style) and ``$ / ( ) , ' :`` left readable."""
    return urlencode(pairs, quote_via=quote, safe="$/(),':")


# --- products -----------------------------------------------------------------


@dataclass
class Product:
    """One catalogue product."""

    product_id: str
    name: str = ""
    collection: str = ""
    sensing_start: Optional[dt.datetime] = None
    sensing_end: Optional[dt.datetime] = None
    cloud_cover: Optional[float] = None
    online: bool = True
    size_bytes: int = 0
    checksum_md5: Optional[str] = None
    footprint_wkt: str = ""
    quicklook_url: str = ""
    s3_path: str = ""


def parse_time(text):
    """A catalogue timestamp (``2022-05-03T10:20:31.024Z``) → aware UTC datetime, or None."""
    if not text or not isinstance(text, str):
        return None
    raw = text.strip()
    if raw.endswith(("Z", "z")):
        raw = raw[:-1] + "+00:00"
    try:
        value = dt.datetime.fromisoformat(raw)
    except ValueError:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.timezone.utc)
    return value.astimezone(dt.timezone.utc)


def ewkt_to_wkt(text):
    """``geography'SRID=4326;POLYGON ((...))'`` → ``POLYGON ((...))``."""
    if not text or not isinstance(text, str):
        return ""
    raw = text.strip()
    match = re.match(r"(?is)^(?:geography|geometry)\s*'(.*)'$", raw)
    if match:
        raw = match.group(1).strip()
    return re.sub(r"(?i)^SRID\s*=\s*\d+\s*;\s*", "", raw).strip()


def geojson_to_wkt(geometry):
    """A GeoJSON geometry (dict) → WKT ('' if unreadable)."""
    if not isinstance(geometry, dict):
        return ""

    def pt(c):
        return f"{format_number(c[0])} {format_number(c[1])}"

    def seq(cs):
        return "(" + ", ".join(pt(c) for c in cs) + ")"

    def poly(rings):
        return "(" + ", ".join(seq(r) for r in rings) + ")"

    kind = geometry.get("type")
    coords = geometry.get("coordinates")
    try:
        if kind == "Point":
            return f"POINT ({pt(coords)})"
        if kind == "LineString":
            return "LINESTRING " + seq(coords)
        if kind == "Polygon":
            return "POLYGON " + poly(coords)
        if kind == "MultiPoint":
            return "MULTIPOINT (" + ", ".join(f"({pt(c)})" for c in coords) + ")"
        if kind == "MultiLineString":
            return "MULTILINESTRING (" + ", ".join(seq(c) for c in coords) + ")"
        if kind == "MultiPolygon":
            return "MULTIPOLYGON (" + ", ".join(poly(c) for c in coords) + ")"
        if kind == "GeometryCollection":
            parts = [geojson_to_wkt(g) for g in geometry.get("geometries") or ()]
            return "GEOMETRYCOLLECTION (" + ", ".join(p for p in parts if p) + ")"
    except (TypeError, IndexError, ValueError):
        return ""
    return ""


def _attribute(item, name):
    for attribute in item.get("Attributes") or ():
        if isinstance(attribute, dict) and attribute.get("Name") == name:
            return attribute.get("Value")
    return None


def parse_product(item, collection=""):
    """A product from its catalogue JSON (a dict); None when it has no Id."""
    if not isinstance(item, dict) or not item.get("Id"):
        return None
    content = item.get("ContentDate") or {}
    cloud = _attribute(item, "cloudCover")
    try:
        cloud = float(cloud) if cloud is not None else None
    except (TypeError, ValueError):
        cloud = None
    md5 = None
    for checksum in item.get("Checksum") or ():
        if isinstance(checksum, dict) and str(checksum.get("Algorithm", "")).strip().upper() == "MD5":
            value = str(checksum.get("Value") or "").strip().lower()
            if MD5_RE.match(value):
                md5 = value
                break
    quicklook = ""
    for asset in item.get("Assets") or ():
        if isinstance(asset, dict) and str(asset.get("Type", "")).upper() == "QUICKLOOK":
            quicklook = asset.get("DownloadLink") or ""
            if quicklook:
                break
    footprint = ewkt_to_wkt(item.get("Footprint"))
    if not _readable_footprint(footprint):
        footprint = geojson_to_wkt(item.get("GeoFootprint"))
    if not _readable_footprint(footprint):
        footprint = ""  # kept, without geometry, and counted
    try:
        size = int(item.get("ContentLength") or 0)
    except (TypeError, ValueError):
        size = 0
    online = item.get("Online", True)
    if isinstance(online, str):
        online = online.strip().lower() == "true"
    return Product(
        product_id=str(item["Id"]),
        name=str(item.get("Name") or ""),
        collection=collection,
        sensing_start=parse_time(content.get("Start")),
        sensing_end=parse_time(content.get("End")),
        cloud_cover=cloud,
        online=bool(online),
        size_bytes=size,
        checksum_md5=md5,
        footprint_wkt=footprint,
        quicklook_url=quicklook,
        s3_path=str(item.get("S3Path") or ""),
    )


def without_footprint(products):
    """How many ``products`` came without a readable footprint (they are kept, without geometry)."""
    return sum(1 for product in products if not product.footprint_wkt)


def _readable_footprint(wkt):
    """True when ``wkt`` is a polygon WKT with finite coordinates (what the layer can draw)."""
    text = (wkt or "").strip()
    if not re.match(r"(?i)^(MULTI)?POLYGON\b", text):
        return False
    numbers = re.findall(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|nan|inf", text, re.I)
    try:
        values = [float(n) for n in numbers]
    except ValueError:
        return False
    return len(values) >= 6 and all(math.isfinite(v) and abs(v) <= 360 for v in values)


# --- errors -------------------------------------------------------------------


def detail_text(payload):
    """The human part of a JSON error body: ``{"detail": "..."}``, ``{"detail": {"message": ...}}``
    or FastAPI's ``{"detail": [{"loc": [...], "msg": ...}]}``, secrets removed (:func:`redact`)."""
    return redact(_detail_text(payload))


def _detail_text(payload):
    if isinstance(payload, dict):
        for key in ("detail", "message", "error_description", "error"):
            if key in payload and payload[key] not in (None, ""):
                return _detail_text(payload[key])
        return json.dumps(payload)[:300]
    if isinstance(payload, list):
        parts = []
        for entry in payload[:5]:
            if isinstance(entry, dict) and "msg" in entry:
                loc = [str(x) for x in entry.get("loc") or () if x not in ("query", "body")]
                parts.append((f"{'.'.join(loc)}: " if loc else "") + str(entry["msg"]))
            else:
                parts.append(_detail_text(entry))
        return "; ".join(parts)
    return " ".join(str(payload).split())[:300]


def _json_error_hook(what, url):
    """A requests response hook raising a clear error for a JSON error reply; other error replies
    (HTML pages, plain text) are left to core.http.send."""

    def hook(response, *args, **kwargs):
        if response.status_code < 400 or "json" not in response.headers.get("Content-Type", "").lower():
            return response
        status = response.status_code
        body = read_body(response, 1 << 20)
        try:
            detail = detail_text(json.loads(body.decode("utf-8", "replace")))
        except ValueError:
            return response  # not JSON after all: send() reports it
        if detail and not detail.endswith((".", "!", "?")):
            detail += "."
        said = tr(" Server said: {0}").format(detail) if detail else ""
        if status in (401, 403):
            raise AuthError(
                tr(
                    "{0} refused access (HTTP {1}).{2} Searching needs no login: check the catalogue URL "
                    "and your proxy settings.").format(
                    what, status, said),
                status,
            )
        if status == 404:
            raise HttpError(tr(
                "{0} was not found at {1} (HTTP 404).{2} Check the catalogue URL.").format(
                what, url, said), status)
        if status == 429:
            raise HttpError(
                tr(
                    "{0} is receiving too many requests (HTTP 429).{1} Wait a minute and search again.").format(
                    what, said), status
            )
        if status >= 500:
            raise HttpError(
                tr(
                    "{0} had a problem answering the search (HTTP {1}).{2} Try again later.").format(
                    what, status, said), status
            )
        raise HttpError(
            tr(
                "{0} rejected the search (HTTP {1}).{2} Check the collection, polygon, dates and cloud "
                "cover, or narrow the search.").format(
                what, status, said),
            status,
        )

    return hook


# --- client -------------------------------------------------------------------


def products_url(url):
    """The Products endpoint of an OData catalogue URL: ``…/odata/v1/Products`` as given, the
    service root ``…/odata/v1`` (with or without a trailing slash) or a bare host get
    ``/Products`` (``/odata/v1/Products``) added; any other URL is kept as it is. A query string
    is kept."""
    text = (url or "").strip() or CATALOGUE_URL
    parts = urlsplit(text)
    path = parts.path.rstrip("/")
    if path.lower().endswith("/odata/v1"):
        path += "/Products"
    elif not path:
        path = "/odata/v1/Products"
    elif not path.lower().endswith("/products"):
        return text
    return urlunsplit(parts._replace(path=path))


DEFAULT_PARALLEL_REQUESTS = 4  # pages in flight at once inside a time window
_WAIT = 0.1  # seconds between two looks at the cancel flag while waiting for a page


class CdseCatalogue:
    """The Copernicus Data Space OData product catalogue (no login needed to search).

    ``url``: the Products endpoint or the service root (:func:`products_url`). ``session``: a
    requests session to use (the caller closes it); without one each search makes its own, with
    a connection pool for ``parallel_requests`` connections, and closes it at the end."""

    def __init__(self, url: str = CATALOGUE_URL, *, session: Optional[requests.Session] = None,
                 timeout: Any = DEFAULT_TIMEOUT, name: str = SERVICE_NAME,
                 parallel_requests: int = DEFAULT_PARALLEL_REQUESTS) -> None:
        self.url = products_url(url)
        self.session = session
        self.timeout = timeout
        self.name = tr(name) if name == SERVICE_NAME else name
        self.parallel_requests = max(1, int(parallel_requests))

    def request_url(self, query: CdseQuery, start: Optional[dt.datetime] = None, top: int = MAX_TOP,
                    count: bool = False, skip: int = 0) -> str:
        """The URL of the page at ``skip`` of a search window [start, query.end)."""
        pairs = [
            ("$filter", build_filter(query, start=start)),
            ("$orderby", ORDER_BY),
            ("$top", str(min(MAX_TOP, max(1, int(top))))),
        ]
        if skip:
            pairs.append(("$skip", str(int(skip))))
        pairs += [("$expand", name) for name in EXPANDS]
        if count:
            pairs.append(("$count", "True"))
        return self.url + ("&" if "?" in self.url else "?") + encode_params(pairs)

    def new_session(self) -> requests.Session:
        session = new_session()
        adapter = requests.adapters.HTTPAdapter(pool_connections=1, pool_maxsize=self.parallel_requests)
        session.mount("http://", adapter)
        session.mount("https://", adapter)
        return session

    def fetch(self, url: str, session: Optional[requests.Session] = None,
              cancelled: Optional[Callable[[], bool]] = None) -> Dict[str, Any]:
        """GET one page; returns the decoded JSON object. The request ends within a
        :class:`~.http.Deadline` (and at once when ``cancelled()`` turns true)."""
        own = session is None and self.session is None
        session = session or self.session or self.new_session()
        try:
            with Deadline(self.name, self.url, cancelled, session=session):
                response = send(
                    session, "GET", url, self.name, timeout=self.timeout,
                    headers={"Accept": "application/json"},
                    hooks={"response": _json_error_hook(self.name, self.url)},
                )
                body = read_capped(response, PAGE_LIMIT, self.name)
        finally:
            if own:
                session.close()
        if looks_like_html(body):
            raise ResponseError(html_message(body, self.name, expected="JSON"))
        try:
            data = json.loads(body.decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError):
            raise ResponseError(tr("{0} sent a reply that is not valid JSON ({1} bytes{2}). Try again later.").format(
                self.name, len(body), tr(", possibly cut short") if body else tr(", empty"))) from None
        if not isinstance(data, dict) or not isinstance(data.get("value"), list):
            raise ResponseError(tr(
                "{0} sent JSON without a product list ('value'). Check that the URL is an OData Products endpoint "
                "such as {1}.").format(self.name, CATALOGUE_URL))

        return data

    def search(self, query: CdseQuery, progress: Optional[Callable[[int, int, int, Optional[int]], None]] = None,
               cancelled: Optional[Callable[[], bool]] = None,
               on_page: Optional[Callable[[List[Product]], None]] = None) -> List[Product]:
        """Every product of ``query`` once (up to ``query.max_records``), oldest sensing start first.

        Paging: pages of up to 1,000 (``$top``) at ``$skip`` 0, 1000, … 10000 inside a time window,
        up to ``parallel_requests`` of them at once; a full page at the last ``$skip`` the catalogue
        allows is the 10,000 wall, and the search goes on in a new window starting at the sensing
        start of the last product received, whether or not the server gave a nextLink (products
        already received are dropped by Id). A page shorter than asked is the end.

        ``progress(page, pages, fetched, matched)`` is called after each page (``pages`` and
        ``matched`` are estimates from ``@odata.count``); ``on_page(products)`` (on this thread)
        with each page's new products, in catalogue order, as soon as the pages before it have
        arrived. ``cancelled()`` returning true stops the search with :class:`~.errors.Cancelled`
        within a second. On Cancel or a failure the error carries ``.result``: the list of the
        products that arrived."""
        products: List[Product] = []
        try:
            self._search(query, products, progress, cancelled, on_page)
        except EoOrderError as exc:
            exc.result = products
            raise
        return products

    def _search(self, query, products, progress, cancelled, on_page):
        own = self.session is None
        session = self.session or self.new_session()
        paging = _ODataPaging(self, query, session, cancelled)
        try:
            matched = None
            page = 0
            window, skip, first = query.start, 0, True
            total = None  # products in the current window, when known
            while True:
                remaining = query.max_records - len(products)
                top = min(MAX_TOP, remaining)
                data = paging.page(window, skip, top, first, total, remaining)
                page += 1
                if first:
                    count = data.get("@odata.count")
                    matched = total = count if isinstance(count, int) and count >= 0 else None
                    first = False
                items = data["value"]
                fresh, last_start = paging.fresh_products(items, len(products))
                products.extend(fresh)
                if on_page and fresh:
                    on_page(fresh)
                if progress:
                    goal = min(query.max_records, max(matched or 0, len(products)))
                    progress(page, max(page, math.ceil(goal / MAX_TOP)), len(products), matched)
                if len(products) >= query.max_records or len(items) < top:
                    return  # the maximum, or a page shorter than asked: the last one
                if total is not None and skip + top >= total:
                    return  # the count said so
                if skip + top <= MAX_SKIP:
                    skip += top
                    continue
                window = self._next_window(window, last_start)
                skip, total = 0, None
        finally:
            paging.close()
            if own:
                session.close()

    def _next_window(self, window, last_start):
        """The 10,000 wall: the catalogue refuses a larger $skip. Go on in a new window from the last
        sensing start received (``ge``: products sharing it are asked again and dropped by Id)."""
        if last_start is None or last_start <= window:
            raise ResponseError(
                tr(
                    "{0} has more than {1} products with sensing start {2}, more than its paging can "
                    "return: narrow the polygon or the collection.").format(
                    self.name, MAX_SKIP, format_time(window))
            )
        return last_start.replace(microsecond=last_start.microsecond // 1000 * 1000)

    @staticmethod
    def _in_range(product, query):
        start = product.sensing_start
        return start is None or query.start <= start < query.end


class _ODataPaging:
    """The pages of one Copernicus search: asked ahead in parallel (up to the catalogue's
    ``parallel_requests``) inside a time window, taken in order, new products kept once."""

    def __init__(self, catalogue, query, session, cancelled):
        self.catalogue = catalogue
        self.query = query
        self.session = session
        self.cancelled = cancelled
        self.seen = set()
        self.stop = threading.Event()
        self.pool = ThreadPoolExecutor(max_workers=catalogue.parallel_requests,
                                       thread_name_prefix="EO Order OData page")
        self.futures = {}  # (window start, skip, top, count) -> Future of the page's JSON

    def halted(self):
        return self.stop.is_set() or bool(self.cancelled and self.cancelled())

    def submit(self, key):
        if key not in self.futures:
            window, skip, top, count = key
            url = self.catalogue.request_url(self.query, window, top, count, skip)
            self.futures[key] = self.pool.submit(self.catalogue.fetch, url, self.session, self.halted)

    def plan(self, window, skip, remaining, total):
        """Ask for the pages after ``skip`` that the search will need if they are full."""
        for key in [k for k in self.futures if k[0] != window or k[1] < skip]:
            self.futures.pop(key).cancel()
        ahead = 0
        while (remaining > 0 and skip <= MAX_SKIP and (total is None or skip < total)
               and ahead < self.catalogue.parallel_requests):
            self.submit((window, skip, min(MAX_TOP, remaining), False))
            remaining -= MAX_TOP
            skip += MAX_TOP
            ahead += 1

    def page(self, window, skip, top, first, total, remaining):
        """The JSON of the page at ``skip`` (the very first page waits alone: its count says how
        many pages follow; later ones ask for the next pages first)."""
        if self.cancelled and self.cancelled():
            raise Cancelled()
        key = (window, skip, top, first)
        self.submit(key)
        future = self.futures.pop(key)
        if not first:
            self.plan(window, skip + top, remaining - top, total)
        while True:
            if self.cancelled and self.cancelled():
                raise Cancelled()
            try:
                return future.result(timeout=_WAIT)
            except FutureTimeout:
                continue

    def fresh_products(self, items, kept):
        """(the page's products not seen before and in the dates, up to the maximum; the latest
        sensing start on the page)."""
        last_start = None
        fresh = []
        for item in items:
            product = parse_product(item, self.query.collection)
            if product is None:
                continue
            if product.sensing_start is not None:
                last_start = product.sensing_start if last_start is None else max(last_start, product.sensing_start)
            if product.product_id in self.seen or not CdseCatalogue._in_range(product, self.query):
                continue
            self.seen.add(product.product_id)
            fresh.append(product)
            if kept + len(fresh) >= self.query.max_records:
                break
        return fresh, last_start

    def close(self):
        self.stop.set()
        for future in self.futures.values():
            future.cancel()
        self.pool.shutdown(wait=True)
