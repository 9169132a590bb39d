"""A local fake of the Copernicus Data Space OData product catalogue.

    products = make_products(2500, collection="SENTINEL-2", start="2022-05-01T00:00:00Z",
                             step=dt.timedelta(minutes=10), footprint=SWISS_RING, cloud=lambda i: i % 100)
    with CdseServer(products) as server:
        CdseCatalogue(server.url).search(query)
        server.queries()   # [{"$filter": [...], "$top": [...], ...}, ...] one dict per request

What it does like the real service (``/odata/v1/Products``):

- ``$filter``: ``and``/``or``/``not``, parentheses, ``Collection/Name eq '…'``, ``Name eq '…'``,
  ``contains/startswith/endswith(Name,'…')``, ``Online eq true|false``,
  ``ContentDate/Start`` and ``ContentDate/End`` with ``eq gt ge lt le``,
  ``OData.CSC.Intersects(area=geography'SRID=4326;POLYGON((…))')`` (closed POLYGON only: a
  MULTIPOLYGON or an open ring is HTTP 400; the test is a real intersection, with shapely),
  ``Attributes/OData.CSC.DoubleAttribute/any(att:att/Name eq 'cloudCover' and
  att/OData.CSC.DoubleAttribute/Value le 40.00)`` (also Integer and String attributes, any
  lambda variable name). Evaluation is vectorised (numpy) and cached per filter, so paging
  through tens of thousands of products stays fast.
- ``$orderby=ContentDate/Start asc|desc`` (stable); without it, the stored order.
- ``$top`` default 20, > 1000 → HTTP 400 JSON ``{"detail": …}``; ``$skip`` > 10000 → HTTP 422
  with FastAPI's ``{"detail": [{"loc": ["query", "$skip"], "msg": …}]}``.
- ``$count=True`` → ``@odata.count``; ``@odata.context``; ``@odata.nextLink`` (absolute, the same
  parameters with ``$skip`` advanced) whenever more products remain - even when that ``$skip``
  would be refused, as the service does; with ``next_link_past_wall=False``, never a nextLink whose
  ``$skip`` would be refused (the service's documentation promises neither behaviour).
- ``delay`` seconds before each answer (a remote catalogue's round trip; requests are served
  concurrently and ``max_in_flight`` is the most served at once); ``keep_alive=True`` speaks
  HTTP/1.1 with keep-alive connections (``connections`` counts those accepted).
- ``$expand=Attributes`` / ``$expand=Assets`` (repeated parameters; ``Locations`` accepted):
  a product carries those lists only when asked. Any other expand value (including the
  comma-joined ``Attributes,Assets``, whose support by the real service is not confirmed) is
  refused with HTTP 400, so a client relying on it is caught here.

Product dicts are in the catalogue's JSON shape; keys starting with ``_`` are private to the
fake (``_collection``) and never sent. ``server.faults`` is a list of canned replies
``(status, headers, body)`` served, first in first out, before normal answers.
"""

import datetime as dt
import hashlib
import json
import re
import threading
import uuid
from urllib.parse import parse_qsl, quote, urlencode

import numpy as np
from shapely import wkt as shapely_wkt
from shapely.geometry import Polygon, shape
from shapely.prepared import prep

from .canned import LoopbackServer

PATH = "/odata/v1/Products"
MAX_TOP = 1000
MAX_SKIP = 10000
DEFAULT_TOP = 20
NAMESPACE = uuid.UUID("6f1b6a52-4a51-4a0e-9d77-6a5c0de5e0a1")
PREFIXES = {
    "SENTINEL-1": "S1A_IW_GRDH_1SDV",
    "SENTINEL-2": "S2A_MSIL1C",
    "SENTINEL-3": "S3A_OL_1_EFR",
    "SENTINEL-5P": "S5P_OFFL_L2__NO2",
    "LANDSAT-8": "LC08_L1TP",
    "COP-DEM": "DEM1_SAR_DGE_30",
}
JSON = {"Content-Type": "application/json"}


class FilterError(ValueError):
    """The $filter cannot be understood: HTTP 400."""


# --- products -----------------------------------------------------------------


def _time(value):
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    if not isinstance(value, dt.datetime):
        value = dt.datetime(value.year, value.month, value.day)
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.timezone.utc)
    return value.astimezone(dt.timezone.utc)


def iso(value):
    """``2022-05-01T00:00:00.000Z`` as the catalogue writes times."""
    return f"{value:%Y-%m-%dT%H:%M:%S}.{value.microsecond // 1000:03d}Z"


def _ring_of(footprint):
    if isinstance(footprint, str):
        geometry = shapely_wkt.loads(footprint)
        return geometry
    return Polygon([(float(x), float(y)) for x, y in footprint])


def _footprint_fields(footprint):
    geometry = _ring_of(footprint)
    text = geometry.wkt  # "POLYGON ((x y, ...))" - the catalogue's spacing
    return "geography'SRID=4326;" + text + "'", geometry.__geo_interface__


def _pick(spec, index, default=None):
    """A value per product: ``spec(index)``, a list cycled, or the constant itself."""
    if spec is None:
        return default
    if callable(spec):
        return spec(index)
    if isinstance(spec, list):
        return spec[index % len(spec)]
    return spec


def _is_ring(value):
    return (isinstance(value, (list, tuple)) and value and isinstance(value[0], (list, tuple))
            and len(value[0]) == 2 and isinstance(value[0][0], (int, float)))


def make_products(n, *, collection="SENTINEL-2", start="2022-05-01T00:00:00Z", step=dt.timedelta(minutes=10),
                  footprint=((5.9, 45.8), (10.5, 45.8), (10.5, 47.8), (5.9, 47.8), (5.9, 45.8)),
                  cloud=None, online=True, size=1024, duration=dt.timedelta(seconds=25), tag="",
                  expand=True, checksum_order=("MD5", "BLAKE3")):
    """``n`` products in the catalogue's JSON shape, one every ``step`` from ``start``.

    ``footprint`` is WKT or a ring of (lon, lat), a list of those (cycled) or a callable
    ``f(index)``; ``cloud``/``online``/``size`` are a value, a list (cycled) or a callable;
    ``cloud=None`` gives no cloudCover attribute (as for SENTINEL-1). Ids are
    deterministic UUIDs (uuid5 of collection, ``tag`` and index). The MD5 checksum is that of
    the product Id's text; ``checksum_order`` sets the order of the Checksum list (empty list:
    no checksum). Footprints are shared between products with the same value (cheap).
    """
    first = _time(start)
    cache = {}
    products = []
    prefix = PREFIXES.get(collection, collection.replace("-", ""))
    for i in range(n):
        begin = first + step * i
        fp = footprint(i) if callable(footprint) else footprint if _is_ring(footprint) else _pick(footprint, i)
        key = fp if isinstance(fp, str) else tuple(map(tuple, fp))
        if key not in cache:
            cache[key] = _footprint_fields(fp)
        ewkt, geojson = cache[key]
        product_id = str(uuid.uuid5(NAMESPACE, f"{collection}/{tag}/{i}"))
        name = f"{prefix}_{begin:%Y%m%dT%H%M%S}_{i:06d}.SAFE"
        stamp = iso(begin + dt.timedelta(hours=2))
        checksums = []
        for algorithm in checksum_order:
            value = (hashlib.md5(product_id.encode()).hexdigest() if algorithm == "MD5"
                     else hashlib.sha256(product_id.encode()).hexdigest())
            checksums.append({"Value": value, "Algorithm": algorithm, "ChecksumDate": stamp})
        product = {
            "@odata.mediaContentType": "application/octet-stream",
            "Id": product_id,
            "Name": name,
            "ContentType": "application/octet-stream",
            "ContentLength": _pick(size, i, 0),
            "OriginDate": stamp,
            "PublicationDate": stamp,
            "ModificationDate": stamp,
            "Online": bool(_pick(online, i, True)),
            "EvictionDate": "",
            "S3Path": f"/eodata/{collection}/{begin:%Y/%m/%d}/{name}",
            "Checksum": checksums,
            "ContentDate": {"Start": iso(begin), "End": iso(begin + duration)},
            "Footprint": ewkt,
            "GeoFootprint": geojson,
            "_collection": collection,
        }
        if expand:
            attributes = [
                {"@odata.type": "#OData.CSC.StringAttribute", "Name": "productType",
                 "Value": prefix.split("_")[1] if "_" in prefix else prefix, "ValueType": "String"},
            ]
            value = _pick(cloud, i)
            if value is not None:
                attributes.append({"@odata.type": "#OData.CSC.DoubleAttribute", "Name": "cloudCover",
                                   "Value": float(value), "ValueType": "Double"})
            product["Attributes"] = attributes
            asset_id = str(uuid.uuid5(NAMESPACE, f"asset/{product_id}"))
            product["Assets"] = [{
                "Type": "QUICKLOOK",
                "Id": asset_id,
                "DownloadLink": f"https://catalogue.dataspace.copernicus.eu/odata/v1/Assets({asset_id})/$value",
                "S3Path": product["S3Path"] + "/preview/quick-look.jpg",
            }]
        products.append(product)
    return products


# --- filter -------------------------------------------------------------------

_TOKEN = re.compile(
    r"""\s*(?:
        (?P<geo>geography'[^']*')
      | (?P<str>'(?:[^']|'')*')
      | (?P<time>\d{4}-\d\d-\d\d(?:T\d\d:\d\d(?::\d\d(?:\.\d+)?)?)?(?:Z|[+-]\d\d:\d\d)?)(?![\w.])
      | (?P<num>[-+]?\d+(?:\.\d*)?(?:[eE][-+]?\d+)?)
      | (?P<name>[A-Za-z_][\w.]*(?:/[A-Za-z_][\w.]*)*)
      | (?P<punct>[(),:=])
    )""",
    re.VERBOSE,
)
_OPS = {"eq", "ne", "gt", "ge", "lt", "le"}


def _tokenize(text):
    tokens, pos = [], 0
    text = text.strip()
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        if not match or match.end() == pos:
            raise FilterError(f"Invalid filter near {text[pos:pos + 30]!r}")
        kind = match.lastgroup
        tokens.append((kind, match.group(kind)))
        pos = match.end()
        while pos < len(text) and text[pos].isspace():
            pos += 1
    return tokens


def _compare(values, op, literal):
    with np.errstate(invalid="ignore"):
        return {
            "eq": values == literal,
            "ne": values != literal,
            "gt": values > literal,
            "ge": values >= literal,
            "lt": values < literal,
            "le": values <= literal,
        }[op]


class _Parser:
    def __init__(self, tokens, index):
        self.tokens, self.pos, self.index = tokens, 0, index

    def peek(self, offset=0):
        i = self.pos + offset
        return self.tokens[i] if i < len(self.tokens) else (None, None)

    def take(self, kind=None, value=None):
        token = self.peek()
        if token[0] is None or (kind and token[0] != kind) or (value is not None and token[1] != value):
            raise FilterError(f"Invalid filter: expected {value or kind}, got {token[1]!r}")
        self.pos += 1
        return token[1]

    def keyword(self, word):
        kind, value = self.peek()
        return kind == "name" and value.lower() == word

    def parse(self):
        mask = self.expr()
        if self.pos != len(self.tokens):
            raise FilterError(f"Invalid filter: unexpected {self.peek()[1]!r}")
        return mask

    def expr(self):
        mask = self.conjunction()
        while self.keyword("or"):
            self.take()
            mask = mask | self.conjunction()
        return mask

    def conjunction(self):
        mask = self.negation()
        while self.keyword("and"):
            self.take()
            mask = mask & self.negation()
        return mask

    def negation(self):
        if self.keyword("not"):
            self.take()
            return ~self.negation()
        return self.primary()

    def literal(self):
        kind, value = self.peek()
        self.pos += 1
        if kind == "str":
            return value[1:-1].replace("''", "'")
        if kind == "time":
            return np.int64(int(_time(value).timestamp() * 1000))
        if kind == "num":
            return float(value)
        if kind == "name" and value.lower() in ("true", "false"):
            return value.lower() == "true"
        raise FilterError(f"Invalid filter: {value!r} is not a value")

    def primary(self):
        kind, value = self.peek()
        if kind == "punct" and value == "(":
            self.take()
            mask = self.expr()
            self.take("punct", ")")
            return mask
        if kind != "name":
            raise FilterError(f"Invalid filter near {value!r}")
        self.take()
        lowered = value.lower()
        if lowered == "odata.csc.intersects":
            return self.intersects()
        if lowered in ("contains", "startswith", "endswith"):
            return self.text_function(lowered)
        if re.fullmatch(r"(?i)Attributes/OData\.CSC\.(Double|Integer|String)Attribute/any", value):
            return self.attribute_any(value.split("/")[1].split(".")[-1])
        op = self.take("name").lower()
        if op not in _OPS:
            raise FilterError(f"Invalid filter: unknown operator {op!r}")
        literal = self.literal()
        return self.index.compare(value, op, literal)

    def intersects(self):
        self.take("punct", "(")
        argument = self.take("name")
        if argument.lower() not in ("area", "footprint"):
            raise FilterError(f"Invalid filter: Intersects takes area=geography'...', not {argument}")
        self.take("punct", "=")
        geo = self.take("geo")
        self.take("punct", ")")
        return self.index.intersects(geo[len("geography'"):-1])

    def text_function(self, function):
        self.take("punct", "(")
        field = self.take("name")
        self.take("punct", ",")
        text = self.literal()
        self.take("punct", ")")
        if field != "Name" or not isinstance(text, str):
            raise FilterError(f"Invalid filter: {function}() works on Name with a text")
        return self.index.text(function, text)

    def attribute_any(self, attribute_type):
        self.take("punct", "(")
        var = self.take("name")
        self.take("punct", ":")
        name, op, literal = None, None, None
        for _ in range(2):
            path = self.take("name")
            operator = self.take("name").lower()
            value = self.literal()
            if path == f"{var}/Name" and operator == "eq":
                name = value
            elif path in (f"{var}/Value", f"{var}/OData.CSC.{attribute_type}/Value") and operator in _OPS:
                op, literal = operator, value
            else:
                raise FilterError(f"Invalid filter: unexpected {path} {operator} in any()")
            if self.keyword("and"):
                self.take()
        self.take("punct", ")")
        if name is None or op is None:
            raise FilterError("Invalid filter: any() needs Name eq '...' and Value <op> <value>")
        return self.index.attribute(name, op, literal)


class _Index:
    """Column arrays over the product list, for vectorised filtering."""

    def __init__(self, products):
        n = len(products)
        self.n = n
        self.starts = np.array([p["ContentDate"]["Start"].rstrip("Z") for p in products],
                               dtype="datetime64[ms]").astype(np.int64)
        self.ends = np.array([p["ContentDate"]["End"].rstrip("Z") for p in products],
                             dtype="datetime64[ms]").astype(np.int64)
        self.collections = np.array([p.get("_collection", "") for p in products], dtype=object)
        self.names = np.array([p.get("Name", "") for p in products], dtype=object)
        self.ids = np.array([p.get("Id", "") for p in products], dtype=object)
        self.online = np.array([bool(p.get("Online", True)) for p in products], dtype=bool)
        codes, first_of = np.empty(n, dtype=np.int64), {}
        for i, product in enumerate(products):
            codes[i] = first_of.setdefault(product.get("Footprint", ""), len(first_of))
        self.footprint_codes = codes
        firsts = {}
        for i, code in enumerate(codes.tolist()):
            firsts.setdefault(code, i)
        self.footprints = [self._geometry(products[firsts[c]].get("Footprint", ""), products[firsts[c]])
                           for c in range(len(first_of))]
        self._attributes = {}
        self._products = products
        self.order_asc = np.argsort(self.starts, kind="stable")

    @staticmethod
    def _geometry(ewkt, product):
        match = re.match(r"^geography'SRID=4326;(.*)'$", ewkt or "")
        if match:
            return shapely_wkt.loads(match.group(1))
        if product.get("GeoFootprint"):
            return shape(product["GeoFootprint"])
        return None

    def compare(self, path, op, literal):
        columns = {
            "Collection/Name": self.collections,
            "Name": self.names,
            "Id": self.ids,
            "Online": self.online,
            "ContentDate/Start": self.starts,
            "ContentDate/End": self.ends,
        }
        if path not in columns:
            raise FilterError(f"Invalid filter: unsupported property {path}")
        values = columns[path]
        if values.dtype == np.int64 and not isinstance(literal, np.int64):
            raise FilterError(f"Invalid filter: {path} needs a date-time such as 2022-05-03T00:00:00.000Z")
        return np.asarray(_compare(values, op, literal), dtype=bool)

    def text(self, function, text):
        test = {"contains": lambda s: text in s, "startswith": lambda s: s.startswith(text),
                "endswith": lambda s: s.endswith(text)}[function]
        return np.fromiter((test(s) for s in self.names), dtype=bool, count=self.n)

    def attribute(self, name, op, literal):
        if name not in self._attributes:
            values = []
            for product in self._products:
                value = None
                for attribute in product.get("Attributes") or ():
                    if attribute.get("Name") == name:
                        value = attribute.get("Value")
                values.append(value)
            if all(v is None or isinstance(v, (int, float)) for v in values):
                array = np.array([np.nan if v is None else float(v) for v in values], dtype=float)
            else:
                array = np.array(values, dtype=object)
            self._attributes[name] = array
        array = self._attributes[name]
        if array.dtype == float and not isinstance(literal, float):
            raise FilterError(f"Invalid filter: attribute {name} is numeric")
        mask = _compare(array, op, literal)
        return np.asarray(mask, dtype=bool)

    def intersects(self, text):
        match = re.match(r"^SRID=4326;(.*)$", text.strip())
        if not match:
            raise FilterError("Invalid filter: Intersects needs geography'SRID=4326;POLYGON((...))'")
        body = match.group(1).strip()
        if not re.match(r"(?i)^POLYGON\s*\(\(", body):
            raise FilterError("Invalid filter: the area must be a POLYGON (MULTIPOLYGON is not supported)")
        try:
            area = shapely_wkt.loads(body)
        except Exception as exc:  # noqa: BLE001 - shapely/GEOS reading errors
            raise FilterError(f"Invalid filter: unreadable polygon ({exc})") from None
        coords = list(area.exterior.coords)
        if coords[0] != coords[-1] or len(coords) < 4:
            raise FilterError("Invalid filter: the polygon must be closed")
        prepared = prep(area)
        hits = np.array([g is not None and prepared.intersects(g) for g in self.footprints], dtype=bool)
        return hits[self.footprint_codes] if len(hits) else np.zeros(self.n, dtype=bool)


# --- server -------------------------------------------------------------------


class CdseServer(LoopbackServer):
    """The fake catalogue on 127.0.0.1; ``url`` is its Products endpoint."""

    def __init__(self, products=(), port=0, *, next_link_past_wall=True, delay=0.0, keep_alive=False):
        self._lock = threading.Lock()
        self._products = list(products)
        self._index = None
        self._masks = {}
        self.faults = []
        self.next_link_past_wall = next_link_past_wall
        self.delay = delay
        self.max_in_flight = 0
        self._in_flight = 0
        if keep_alive:
            self.protocol_version = "HTTP/1.1"
        super().__init__(port)
        self.url = self.base_url + PATH

    @property
    def products(self):
        return self._products

    @products.setter
    def products(self, products):
        with self._lock:
            self._products = list(products)
            self._index, self._masks = None, {}

    def queries(self):
        """The parsed query of every request received, as dicts name → list of values."""
        result = []
        for recorded in self.recorded:
            params = {}
            for key, value in parse_qsl(recorded.query, keep_blank_values=True):
                params.setdefault(key, []).append(value)
            result.append(params)
        return result

    def _matching(self, expression):
        with self._lock:
            if self._index is None:
                self._index = _Index(self._products)
            index = self._index
            if expression not in self._masks:
                if expression.strip():
                    self._masks[expression] = _Parser(_tokenize(expression), index).parse()
                else:
                    self._masks[expression] = np.ones(index.n, dtype=bool)
            return index, self._masks[expression]

    @staticmethod
    def _error(status, detail):
        return status, JSON, json.dumps({"detail": detail}), 0

    def handle(self, recorded):
        with self._lock:
            self._in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self._in_flight)
        try:
            if self.delay and self._stopping.wait(self.delay):
                return 503, {}, b"", 0
            return self._answer(recorded)
        finally:
            with self._lock:
                self._in_flight -= 1

    def _answer(self, recorded):
        if self.faults:
            status, headers, body, *rest = self.faults.pop(0)
            return status, dict(headers or {}), body, (rest[0] if rest else 0)
        if recorded.path != PATH:
            return self._error(404, "Not Found")
        pairs = parse_qsl(recorded.query, keep_blank_values=True)
        params = {}
        for key, value in pairs:
            params.setdefault(key, []).append(value)

        def one(name, default=None):
            return params.get(name, [default])[-1]

        checked = self._paging(one) or self._expands(params)
        if isinstance(checked, tuple):
            return checked  # the catalogue's error reply
        top, skip = self._paging_values(one)
        try:
            selected = self._selected(one)
        except FilterError as exc:
            return self._error(400, str(exc))
        if isinstance(selected, tuple):
            return selected
        expands = set(params.get("$expand", []))
        page = selected[skip:skip + top]
        body = self._page_body(page, expands, len(selected), str(one("$count", "")).lower() == "true")
        wall = not self.next_link_past_wall and skip + len(page) > MAX_SKIP
        if skip + len(page) < len(selected) and top > 0 and not wall:
            rest = [(k, v) for k, v in pairs if k != "$skip"] + [("$skip", str(skip + len(page)))]
            body["@odata.nextLink"] = self.url + "?" + urlencode(rest, quote_via=quote, safe="$/(),':")
        return 200, JSON, json.dumps(body), 0

    @staticmethod
    def _paging_values(one):
        return int(one("$top", DEFAULT_TOP)), int(one("$skip", 0))

    def _paging(self, one):
        """The catalogue's error reply for a bad $top / $skip, else None."""
        try:
            top, skip = self._paging_values(one)
        except ValueError:
            return self._error(400, "Invalid $top or $skip: they must be whole numbers")
        if top < 0 or top > MAX_TOP:
            return self._error(400, f"Invalid value of $top: {top}. It must be between 0 and {MAX_TOP}.")
        if skip < 0:
            return self._error(400, f"Invalid value of $skip: {skip}.")
        if skip > MAX_SKIP:
            return 422, JSON, json.dumps({"detail": [{
                "loc": ["query", "$skip"],
                "msg": f"ensure this value is less than or equal to {MAX_SKIP}",
                "type": "value_error.number.not_le",
                "ctx": {"limit_value": MAX_SKIP},
            }]}), 0
        return None

    def _expands(self, params):
        for value in params.get("$expand", []):
            if value not in ("Attributes", "Assets", "Locations"):
                return self._error(400, f"Invalid $expand value: {value!r}")
        return None

    def _selected(self, one):
        """The indexes of the matching products in the asked order (or the error reply)."""
        orderby = (one("$orderby", "") or "").strip()
        order_match = re.fullmatch(r"ContentDate/Start(?:\s+(asc|desc))?", orderby, re.IGNORECASE)
        if orderby and not order_match:
            return self._error(400, f"Invalid $orderby: {orderby!r}")
        index, mask = self._matching(one("$filter", "") or "")
        if orderby:
            order = index.order_asc
            if (order_match.group(1) or "asc").lower() == "desc":
                order = np.argsort(-index.starts, kind="stable")
        else:
            order = np.arange(index.n)
        return order[mask[order]]

    def _page_body(self, page, expands, total, with_count):
        value = [{k: v for k, v in self._products[i].items()
                  if not k.startswith("_") and (k not in ("Attributes", "Assets") or k in expands)}
                 for i in page.tolist()]
        context = "$metadata#Products"
        if expands:
            context += "(" + ",".join(f"{name}()" for name in sorted(expands)) + ")"
        body = {"@odata.context": context}
        if with_count:
            body["@odata.count"] = total
        body["value"] = value
        return body
