"""A real STAC API for tests: ``rustac serve`` (the memory backend) on 127.0.0.1, fed generated items.

    items = generate_items(600)                      # GeoJSON dicts over three collections
    with RustacServer(tmp_path, items) as stac:
        stac.url                                     # http://127.0.0.1:<port>/

rustac (PyPI wheel, pinned in requirements-dev.txt) ships the ``rustac`` console script; its
``serve`` command loads collection JSON files and an ndjson file of items into memory. Its memory
backend conforms to core, collections, ogcapi-features and item-search — not to the filter or
query extensions — so cloud cover is filtered client side against it. Its POST search pages with
a ``next`` link carrying the whole body (``skip``), and its interval ``datetime`` is closed.

Generated items are deterministic (``random.Random(seed)``): small boxes in lon -180..180,
lat -60..60, one in ten straddling ±180 (stored as a two-part MultiPolygon, as GeoJSON asks);
``datetime`` every 12 h from 2024-01-01T00:00Z (so half fall on midnight, to test the exclusive end
date); optical collections have ``eo:cloud_cover``, the radar one has none; each item has a data
asset with ``file:checksum`` (MD5 multihash) and ``file:size``, a thumbnail, and a metadata asset
whose href is ``s3://`` with an https alternate.
"""

import datetime as dt
import hashlib
import json
import random
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

COLLECTIONS = {
    "sentinel-2-l2a": {"title": "Sentinel-2 Level-2A", "platform": "sentinel-2a", "gsd": 10, "cloud": True},
    "landsat-c2-l2": {"title": "Landsat Collection 2 Level-2", "platform": "landsat-8", "gsd": 30, "cloud": True},
    "sentinel-1-grd": {"title": "Sentinel-1 GRD", "platform": "sentinel-1a", "gsd": 10, "cloud": False},
}
T0 = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)


def rustac_binary():
    return str(Path(sys.executable).with_name("rustac"))


def data_bytes(item_id):
    """The bytes the generated data asset of ``item_id`` stands for (its checksum and size match)."""
    return (f"pixels of {item_id}\n" * 8).encode()


def generate_items(n, seed=14, base="http://127.0.0.1:9/assets"):
    rng = random.Random(seed)
    names = list(COLLECTIONS)
    items = []
    for k in range(n):
        collection = names[k % len(names)]
        spec = COLLECTIONS[collection]
        width, height = rng.uniform(0.5, 3.0), rng.uniform(0.5, 3.0)
        if k % 10 == 0:
            west = rng.uniform(180 - width + 0.1, 179.9)  # crosses ±180
        else:
            west = rng.uniform(-180, 180 - width)
        south = rng.uniform(-60, 60 - height)
        east, north = west + width, south + height
        if east > 180:
            geometry = {"type": "MultiPolygon", "coordinates": [
                [_ring(west, south, 180.0, north)], [_ring(-180.0, south, east - 360, north)]]}
            bbox = [west, south, east - 360, north]
        else:
            geometry = {"type": "Polygon", "coordinates": [_ring(west, south, east, north)]}
            bbox = [west, south, east, north]
        item_id = f"{collection}-{k:05d}"
        when = T0 + dt.timedelta(hours=12 * k)
        properties = {"datetime": when.strftime("%Y-%m-%dT%H:%M:%SZ"), "platform": spec["platform"],
                      "gsd": spec["gsd"]}
        if spec["cloud"]:
            properties["eo:cloud_cover"] = round(rng.uniform(0, 100), 2)
        payload = data_bytes(item_id)
        md5 = hashlib.md5(payload).digest()  # noqa: S324 - the multihash under test
        assets = {
            "data": {"href": f"{base}/{item_id}.tif", "type": "image/tiff; application=geotiff",
                     "roles": ["data"], "file:checksum": "d50110" + md5.hex(),  # md5 = 0xd5, a two-byte varint
                     "file:size": len(payload)},
            "thumbnail": {"href": f"{base}/{item_id}.png", "type": "image/png", "roles": ["thumbnail"]},
            "metadata": {"href": f"s3://bucket/{item_id}.xml", "roles": ["metadata"],
                         "alternate": {"https": {"href": f"{base}/{item_id}.xml"}}},
        }
        items.append({"type": "Feature", "stac_version": "1.0.0",
                      "stac_extensions": ["https://stac-extensions.github.io/eo/v1.1.0/schema.json",
                                          "https://stac-extensions.github.io/file/v2.1.0/schema.json"],
                      "id": item_id, "collection": collection, "bbox": bbox, "geometry": geometry,
                      "properties": properties, "links": [], "assets": assets})
    return items


def _ring(west, south, east, north):
    return [[west, south], [east, south], [east, north], [west, north], [west, south]]


def collection_documents():
    return [{"type": "Collection", "stac_version": "1.0.0", "id": cid, "title": spec["title"],
             "description": f"Generated test items ({spec['title']}).", "license": "CC-BY-4.0", "links": [],
             "extent": {"spatial": {"bbox": [[-180, -90, 180, 90]]},
                        "temporal": {"interval": [["2024-01-01T00:00:00Z", None]]}}}
            for cid, spec in COLLECTIONS.items()]


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RustacServer:
    """``rustac serve`` on a free loopback port with ``items``; stopped by :meth:`stop`."""

    def __init__(self, folder, items, collections=None, timeout=60.0):
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        hrefs = []
        for document in collections or collection_documents():
            path = folder / f"collection-{document['id']}.json"
            path.write_text(json.dumps(document))
            hrefs.append(str(path))
        items_path = folder / "items.ndjson"
        with items_path.open("w") as out:
            for item in items:
                out.write(json.dumps(item, separators=(",", ":")) + "\n")
        hrefs.append(str(items_path))
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self._log = (folder / "rustac.log").open("wb")
        self.process = subprocess.Popen(  # noqa: S603 - our own binary, fixed arguments
            [rustac_binary(), "serve", "--addr", f"127.0.0.1:{self.port}", *hrefs],
            stdout=self._log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while True:  # bounded wait for the port to answer
            if self.process.poll() is not None:
                self._log.close()
                raise RuntimeError(f"rustac serve exited: {(folder / 'rustac.log').read_text()[-2000:]}")
            try:
                if requests.get(self.url, timeout=2).ok:
                    break
            except requests.RequestException:
                pass
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"rustac serve did not answer within {timeout} s")
            time.sleep(0.05)

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self._log.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()
