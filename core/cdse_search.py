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
from dataclasses import dataclass
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

from .errors import AuthError, Cancelled, HttpError, InputError, ResponseError, redact
from .http import DEFAULT_TIMEOUT, new_session, read_body, read_capped, send
from .models import parse_when
from .xmlsafe import html_message, looks_like_html

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
SERVICE_NAME = "Copernicus Data Space catalogue"
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
        raise InputError(f"A Copernicus search needs a {what}: give a date such as 2022-05-03.")
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
                f"The search polygon is in SRID {match.group(1)}; the Copernicus catalogue needs "
                "WGS 84 longitude/latitude (EPSG:4326): transform it first."
            )
        raw = raw[match.end():]
    kind = re.match(r"^\s*([A-Za-z]+)", raw)
    kind = kind.group(1).upper() if kind else ""
    if kind == "MULTIPOLYGON":
        raise InputError(
            "The Copernicus catalogue searches with one POLYGON, not a MULTIPOLYGON: search each part "
            "separately or draw one polygon around them."
        )
    if kind != "POLYGON":
        raise InputError(
            f"The search area must be a WKT POLYGON such as POLYGON((lon lat, lon lat, lon lat)); got {text[:60]!r}."
        )
    body = raw[len(kind):].strip()
    body = re.sub(r"(?i)^(Z|M|ZM)\b", "", body).strip()
    rings = re.findall(r"\(([^()]*)\)", body)
    if not body.startswith("((") or not body.endswith("))") or not rings:
        raise InputError(f"The search polygon {text[:80]!r} is not valid WKT: expected POLYGON((lon lat, ...)).")
    if len(rings) > 1:
        raise InputError(
            "The search polygon has holes; the Copernicus search takes its outer boundary only: "
            "remove the holes (or search with the outline)."
        )
    points = []
    for pair in rings[0].split(","):
        numbers = pair.split()
        if len(numbers) not in (2, 3, 4) or not all(re.fullmatch(_NUMBER, n) for n in numbers):
            raise InputError(f"The search polygon has an unreadable point {pair.strip()!r}: write 'lon lat'.")
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
    if isinstance(polygon, str):
        points = _parse_polygon_wkt(polygon)
    else:
        try:
            points = [(float(p[0]), float(p[1])) for p in polygon]
        except (TypeError, ValueError, IndexError):
            raise InputError(
                "The search polygon must be WKT text or a list of (longitude, latitude) pairs."
            ) from None
    for lon, lat in points:
        if not (math.isfinite(lon) and math.isfinite(lat)):
            raise InputError("The search polygon has a missing or infinite coordinate.")
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            raise InputError(
                f"The search polygon point ({lon:g} {lat:g}) is outside longitude -180..180 / latitude -90..90: "
                "give the polygon in WGS 84 degrees, longitude first."
            )
    ring = []
    for point in points:
        if not ring or ring[-1] != point:
            ring.append(point)
    if len(ring) > 1 and ring[0] == ring[-1]:
        ring.pop()
    if len(set(ring)) < 3:
        raise InputError("The search polygon needs at least 3 distinct points.")
    if len(ring) > MAX_VERTICES:
        raise InputError(
            f"The search polygon has {len(ring)} points; the Copernicus search sends it in the URL, which "
            f"allows about {MAX_VERTICES}: simplify the polygon."
        )
    n = len(ring)
    edges = [(ring[i], ring[(i + 1) % n]) for i in range(n)]
    for i in range(n):
        for j in range(i + 2, n):
            if i == 0 and j == n - 1:
                continue  # adjacent through the closing point
            if _segments_cross(*edges[i], *edges[j]):
                raise InputError(
                    "The search polygon crosses itself (its edges intersect): draw it again without loops."
                )
    area2 = sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, ring[1:] + ring[:1]))
    if abs(area2) < 1e-14:
        raise InputError("The search polygon has no area (its points are on one line): draw it again.")
    if area2 < 0:
        ring = ring[:1] + ring[:0:-1]  # same first point, other direction
    return tuple(ring + ring[:1])


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
    polygon: object
    start: object
    end: object
    max_cloud: object = None
    max_records: int = 1000

    def __post_init__(self):
        name = str(self.collection or "").strip().upper()
        if not name:
            raise InputError("Choose a Copernicus collection, for example SENTINEL-2.")
        if not _COLLECTION_RE.match(name):
            raise InputError(
                f"{self.collection!r} is not a Copernicus collection name; use one of {', '.join(COLLECTIONS)}."
            )
        self.collection = name
        self.polygon = normalise_ring(self.polygon)
        self.start = _utc(self.start, "start date")
        self.end = _utc(self.end, "end date")
        if self.start >= self.end:
            raise InputError(
                f"The start date {format_time(self.start)} is not before the end date {format_time(self.end)} "
                "(the end date is exclusive): swap or widen them."
            )
        if self.max_cloud is not None and self.max_cloud != "":
            try:
                cloud = float(self.max_cloud)
            except (TypeError, ValueError):
                raise InputError(f"The maximum cloud cover {self.max_cloud!r} is not a number.") from None
            if not (0 <= cloud <= 100):
                raise InputError(
                    f"The maximum cloud cover must be a percentage between 0 and 100; got {cloud:g}."
                )
            self.max_cloud = cloud
        else:
            self.max_cloud = None
        try:
            self.max_records = int(self.max_records)
        except (TypeError, ValueError):
            raise InputError(f"The maximum number of records {self.max_records!r} is not a whole number.") from None
        if self.max_records < 1:
            raise InputError("The maximum number of records must be at least 1.")

    @property
    def polygon_wkt(self):
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
    sensing_start: dt.datetime = None
    sensing_end: dt.datetime = None
    cloud_cover: float = None
    online: bool = True
    size_bytes: int = 0
    checksum_md5: str = None
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
        said = f" Server said: {detail}" if detail else ""
        if status in (401, 403):
            raise AuthError(
                f"{what} refused access (HTTP {status}).{said} Searching needs no login: check the catalogue "
                "URL and your proxy settings.",
                status,
            )
        if status == 404:
            raise HttpError(f"{what} was not found at {url} (HTTP 404).{said} Check the catalogue URL.", status)
        if status == 429:
            raise HttpError(
                f"{what} is receiving too many requests (HTTP 429).{said} Wait a minute and search again.", status
            )
        if status >= 500:
            raise HttpError(
                f"{what} had a problem answering the search (HTTP {status}).{said} Try again later.", status
            )
        raise HttpError(
            f"{what} rejected the search (HTTP {status}).{said} Check the collection, polygon, dates and "
            "cloud cover, or narrow the search.",
            status,
        )

    return hook


# --- client -------------------------------------------------------------------


def _skip_of(url):
    for key, value in parse_qsl(urlsplit(url).query, keep_blank_values=True):
        if key == "$skip":
            try:
                return int(value)
            except ValueError:
                return 0
    return 0


def _next_url(url, top):
    """The server's nextLink without ``$count`` (slow; asked on the first page only) and with
    ``$top`` lowered to ``top`` when it asks for more."""
    parts = urlsplit(url)
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    changed, dirty = [], False
    for key, value in pairs:
        if key == "$count":
            dirty = True
            continue
        if key == "$top":
            try:
                wanted = int(value)
            except ValueError:
                wanted = top + 1
            if wanted > top:
                value, dirty = str(top), True
        changed.append((key, value))
    if "$top" not in dict(pairs):
        changed.append(("$top", str(top)))
        dirty = True
    return urlunsplit(parts._replace(query=encode_params(changed))) if dirty else url


class CdseCatalogue:
    """The Copernicus Data Space OData product catalogue (no login needed to search)."""

    def __init__(self, url=CATALOGUE_URL, *, session=None, timeout=DEFAULT_TIMEOUT, name=SERVICE_NAME):
        self.url = (url or CATALOGUE_URL).strip()
        self.session = session or new_session()
        self.timeout = timeout
        self.name = name

    def request_url(self, query, start=None, top=MAX_TOP, count=False):
        """The first-page URL of a search window [start, query.end)."""
        pairs = [
            ("$filter", build_filter(query, start=start)),
            ("$orderby", ORDER_BY),
            ("$top", str(min(MAX_TOP, max(1, int(top))))),
        ]
        pairs += [("$expand", name) for name in EXPANDS]
        if count:
            pairs.append(("$count", "True"))
        return self.url + ("&" if "?" in self.url else "?") + encode_params(pairs)

    def fetch(self, url):
        """GET one page; returns the decoded JSON object."""
        response = send(
            self.session, "GET", url, self.name, timeout=self.timeout,
            headers={"Accept": "application/json"},
            hooks={"response": _json_error_hook(self.name, self.url)},
        )
        body = read_capped(response, PAGE_LIMIT, self.name)
        if looks_like_html(body):
            raise ResponseError(html_message(body, self.name).replace("instead of XML", "instead of JSON"))
        try:
            data = json.loads(body.decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError):
            raise ResponseError(
                f"{self.name} sent a reply that is not valid JSON ({len(body)} bytes"
                + (", possibly cut short" if body else ", empty")
                + "). Try again later."
            ) from None
        if not isinstance(data, dict) or not isinstance(data.get("value"), list):
            raise ResponseError(
                f"{self.name} sent JSON without a product list ('value'). Check that the URL is an OData "
                "Products endpoint such as " + CATALOGUE_URL + "."
            )
        return data

    def search(self, query, progress=None, cancelled=None, on_page=None):
        """Every product of ``query`` once (up to ``query.max_records``), oldest sensing start first.

        ``progress(page, pages, fetched, matched)`` is called after each page (``pages`` and
        ``matched`` are estimates from ``@odata.count``); ``cancelled()`` returning true stops
        the search with :class:`~.errors.Cancelled`; ``on_page(products)`` gets each page's new
        products.
        """
        products, seen = [], set()
        matched = None
        page = 0
        window_start = query.start
        first = True
        while True:
            url = self.request_url(query, window_start, min(MAX_TOP, query.max_records - len(products)), first)
            last_start = None
            while True:
                if cancelled and cancelled():
                    raise Cancelled()
                data = self.fetch(url)
                page += 1
                if first:
                    count = data.get("@odata.count")
                    matched = count if isinstance(count, int) else None
                    first = False
                items = data["value"]
                first_new = len(products)
                for item in items:
                    product = parse_product(item, query.collection)
                    if product is None:
                        continue
                    if product.sensing_start is not None and (last_start is None or product.sensing_start > last_start):
                        last_start = product.sensing_start
                    if product.product_id in seen or not self._in_range(product, query):
                        continue
                    seen.add(product.product_id)
                    products.append(product)
                    if len(products) >= query.max_records:
                        break
                if on_page and len(products) > first_new:
                    on_page(products[first_new:])
                if progress:
                    goal = min(query.max_records, max(matched or 0, len(products)))
                    progress(page, max(page, math.ceil(goal / MAX_TOP)), len(products), matched)
                remaining = query.max_records - len(products)
                next_url = data.get("@odata.nextLink")
                if remaining <= 0 or not items or not isinstance(next_url, str) or not next_url:
                    return products
                if next_url.startswith("/") or "://" not in next_url:  # relative link
                    base = urlsplit(self.url)
                    next_url = urlunsplit((base.scheme, base.netloc, "", "", "")) + "/" + next_url.lstrip("/")
                if _skip_of(next_url) > MAX_SKIP:
                    break  # the catalogue would refuse: continue in a new time window
                next_url = _next_url(next_url, min(MAX_TOP, remaining))
                if next_url == url:
                    return products  # a server that does not advance
                url = next_url
            if last_start is None or last_start <= window_start:
                raise ResponseError(
                    f"{self.name} has more than {MAX_SKIP} products with sensing start "
                    f"{format_time(window_start)}, more than its paging can return: narrow the polygon or "
                    "the collection."
                )
            window_start = last_start.replace(microsecond=last_start.microsecond // 1000 * 1000)

    @staticmethod
    def _in_range(product, query):
        start = product.sensing_start
        return start is None or query.start <= start < query.end
