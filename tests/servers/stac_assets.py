"""Loopback stand-ins for STAC asset hosts and the Planetary Computer SAS signing endpoint.

    assets = AssetServer(auth="Basic ...")       # /assets/<file>, /items/<id> (STAC item JSON)
    asset = assets.add("B04.tif", Content.random(1000), "truncate")
    item = assets.item("S2A_1", "sentinel-2-l2a", {"B04": asset_json(asset, assets.href(asset))})
    signer = SigningServer(ttl=3600, clock=clock)  # /api/sas/v1/token/<collection>

Assets are :class:`~tests.servers.cdse_download.Product` objects (their ``name`` is the file name)
served with Range, If-Range, ETag and Last-Modified as the Copernicus download fake serves products,
and with the same body faults ("reset", "truncate", "corrupt-once", "no-range", "no-validator"...).
Before the body, per asset: "401-once", "429-once" (Retry-After: 1), "503-once", "html" (a 200
maintenance page), "redirect" (302 to ``storage``, another origin, which serves it without
credentials). ``auth``: the Authorization value every asset request must carry (401 otherwise).
``signed_by``: a :class:`SigningServer` whose unexpired token the query string must carry (403 with
Azure's AuthenticationFailed otherwise), as Azure Blob Storage does with SAS tokens.
"""

import datetime as dt
import hashlib
import json
import secrets
import threading
from urllib.parse import parse_qs

from .cdse_download import JSON, MAINTENANCE_PAGE, CdseLoopbackServer, Content, Product, serve_range

__all__ = ["AssetServer", "Content", "Product", "SigningServer", "asset_json", "multihash"]


def multihash(algorithm, data_or_hex):
    """The ``file:checksum`` text: md5 (0xd5) or sha2-256 (0x12) of bytes, or of a given hex digest."""
    code = {"md5": b"\xd5\x01", "sha256": b"\x12"}[algorithm]
    if isinstance(data_or_hex, str):
        digest = bytes.fromhex(data_or_hex)
    else:
        digest = hashlib.new(algorithm, data_or_hex).digest()
    return (code + bytes([len(digest)]) + digest).hex()


def asset_json(href, *, roles=("data",), checksum=None, size=None, alternate=None):
    raw = {"href": href, "type": "image/tiff; application=geotiff", "roles": list(roles)}
    if checksum:
        raw["file:checksum"] = checksum
    if size is not None:
        raw["file:size"] = size
    if alternate:
        raw["alternate"] = {name: {"href": href} for name, href in alternate.items()}
    return raw


class AssetServer(CdseLoopbackServer):
    def __init__(self, host="127.0.0.1", *, auth=None, signed_by=None, storage=None, rate=None, chunk=64 * 1024):
        self.assets = {}
        self.items = {}
        self.auth = auth
        self.signed_by = signed_by
        self.storage = storage
        self.rate = rate
        self.chunk = chunk
        self.sent = {}
        self._sent_lock = threading.Lock()
        super().__init__(host)

    def add(self, name, content, *faults):
        asset = Product(name, content if isinstance(content, Content) else Content(content), faults)
        self.assets[name] = asset
        if self.storage is not None:
            self.storage.assets[name] = asset
        return asset

    def href(self, asset):
        return self.url_for(f"/assets/{asset.name}")

    def item(self, item_id, collection, assets, bbox=(10.0, 45.0, 11.0, 46.0)):
        """Publish a STAC item at /items/<id>; returns its JSON (with its self link)."""
        west, south, east, north = bbox
        ring = [[west, south], [east, south], [east, north], [west, north], [west, south]]
        raw = {"type": "Feature", "stac_version": "1.0.0", "id": item_id, "collection": collection,
               "geometry": {"type": "Polygon", "coordinates": [ring]}, "bbox": list(bbox),
               "properties": {"datetime": "2024-05-01T10:00:00Z"},
               "links": [{"rel": "self", "href": self.url_for(f"/items/{item_id}")}], "assets": assets}
        self.items[item_id] = raw
        return raw

    def count(self, asset):
        def add(n):
            with self._sent_lock:
                self.sent[asset.name] = self.sent.get(asset.name, 0) + n
        return add

    def handle(self, recorded):
        if recorded.path.startswith("/items/"):
            raw = self.items.get(recorded.path[len("/items/"):])
            return (200, {"Content-Type": "application/geo+json"}, json.dumps(raw), 0) if raw else \
                (404, JSON, b'{"code":"NotFound"}', 0)
        asset = self.assets.get(recorded.path[len("/assets/"):]) if recorded.path.startswith("/assets/") else None
        if asset is None:
            return 404, JSON, b'{"code":"NotFound"}', 0
        refused = self._refused(recorded, asset)
        if refused is not None:
            return refused
        if "redirect" in asset.faults and self.storage is not None:
            return 302, {"Location": self.storage.url_for(f"/assets/{asset.name}?X-Amz-Signature=abc")}, b"", 0
        if "html" in asset.faults:
            return 200, {"Content-Type": "text/html; charset=utf-8"}, MAINTENANCE_PAGE, 0
        return serve_range(recorded, asset, self, self.count(asset))

    def _refused(self, recorded, asset):
        if self.auth is not None and recorded.headers.get("Authorization") != self.auth:
            return 401, {**JSON, "WWW-Authenticate": 'Basic realm="assets"'}, b'{"detail":"Unauthorized"}', 0
        if self.signed_by is not None and not self.signed_by.valid(recorded.query):
            return 403, {"Content-Type": "application/xml"}, (
                b"<Error><Code>AuthenticationFailed</Code><Message>Server failed to authenticate the request."
                b"</Message></Error>"), 0
        if asset.take("401-once"):
            return 401, JSON, b'{"detail":"Token expired"}', 0
        if asset.take("429-once"):
            return 429, {**JSON, "Retry-After": "1"}, b'{"detail":"Too many requests"}', 0
        if asset.take("503-once"):
            return 503, {"Content-Type": "text/html"}, b"<html><title>503 Service Unavailable</title></html>", 0
        return None


class SigningServer(CdseLoopbackServer):
    """``/api/sas/v1/token/<collection>`` → ``{"token": "st=…&se=…&sp=rl&sv=…&sr=c&sig=…", "msft:expiry": …}``.

    Tokens live ``ttl`` seconds on ``clock`` (seconds since the epoch, injectable). ``issued``
    lists (collection, token) in order; ``valid(query)`` is what the blob host checks."""

    def __init__(self, host="127.0.0.1", *, ttl=3600, clock=None, fail=False):
        self.ttl = ttl
        self.clock = clock
        self.fail = fail
        self.issued = []
        self._expiry = {}
        super().__init__(host)

    @property
    def endpoint(self):
        return self.url_for("/api/sas/v1/token")

    def now(self):
        return self.clock() if self.clock is not None else dt.datetime.now(dt.timezone.utc).timestamp()

    def handle(self, recorded):
        prefix = "/api/sas/v1/token/"
        if not recorded.path.startswith(prefix):
            return 404, JSON, b'{"detail":"Not found"}', 0
        if self.fail:
            return 500, JSON, b'{"detail":"Internal error"}', 0
        collection = recorded.path[len(prefix):]
        expiry = self.now() + self.ttl
        stamp = dt.datetime.fromtimestamp(expiry, dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        signature = secrets.token_urlsafe(24).replace("-", "A").replace("_", "B")
        token = f"st=2024-01-01T00%3A00%3A00Z&se={stamp.replace(':', '%3A')}&sp=rl&sv=2021-06-08&sr=c&sig={signature}"
        self.issued.append((collection, token))
        self._expiry[signature] = expiry
        return 200, JSON, json.dumps({"msft:expiry": stamp, "token": token}), 0

    def valid(self, query):
        signature = (parse_qs(query).get("sig") or [""])[0]
        expiry = self._expiry.get(signature)
        return expiry is not None and expiry > self.now()
