"""Quicklooks on the map: a record's thumbnail fetched, cached and warped onto its footprint.

    items, missing = quicklook_items(layer, layer.selectedFeatures())   # (name, url, footprint WKT)
    task = QuicklookTask(items, QuicklookCache())      # worker thread: fetch + georeference
    ...                                                # main thread, when it is done:
    add_quicklook_layers(QgsProject.instance(), layer, task.results)

The image URL is the EODMS THUMBVIEW link (``thumbnail_url`` of catalogue record layers) or the
Copernicus quicklook asset (``quicklook_url`` of product layers). Images are fetched with
:func:`.http.send`, so an HTTP error or an HTML page is a clear message, and only PNG, JPEG, GIF
or TIFF bodies are accepted.

**Georeferencing.** A thumbnail has no georeferencing of its own: its four pixel corners are tied
to four corners of the footprint (GCPs) and the image is warped (thin-plate spline, exact at the
GCPs) into an EPSG:4326 GeoTIFF with an alpha band, transparent outside the image. The corners are
the footprint's own when its convex hull has four vertices (CSW boxes; most Sentinel footprints),
else those of its oriented minimum bounding rectangle. Pixel (0, 0) goes to the most north-western
corner, then clockwise: (w, 0), (w, h), (0, h). This assumes the thumbnail is drawn north-up; for
images in acquisition geometry (Sentinel-1 descending passes are flipped relative to north-up) it
is an approximation, and a footprint that crosses the antimeridian is not handled. A Sentinel-2
quicklook shows the whole tile while the footprint may cover only its data part, so such images
are squeezed onto that part.

**Cache.** Images and warped GeoTIFFs live in ``<QGIS settings dir>/eo_order/quicklooks/``, named
by the SHA-1 of the URL (and of the footprint, for GeoTIFFs), written through a ``.part`` file
and renamed, so a reader never sees half a file. Past ``cap_bytes`` (200 MB by default) the least
recently used files (by modification time, which a cache hit refreshes) are deleted. A file an
open layer still uses may be deleted on Linux and macOS (the layer keeps its open copy until the
project closes); on Windows such a file stays until it is no longer in use.

**In the layer tree.** Quicklooks go into a group just *below* their footprint layer, so the
footprints (outline, selection, the green fill of ordered scenes, date labels) stay drawn on top of
the opaque images; the rasters keep full opacity. Each is named like its footprint in the map's
right-click menu: ``2013-03-28 · Radarsat2 SCNB · 7854123`` (date, collection/beam, id) or
``2022-05-03 · S2A_MSIL1C_…`` (sensing date, product name).
"""

import hashlib
import math
import os
import time
import traceback
import uuid
from typing import TYPE_CHECKING, Any, Callable, Iterable, List, NamedTuple, Optional, Sequence, Tuple, Union

from osgeo import gdal
from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsLayerTreeGroup,
    QgsLayerTreeLayer,
    QgsPointXY,
    QgsProject,
    QgsRasterLayer,
    QgsVectorLayer,
    QgsWkbTypes,
)

from .errors import Cancelled, EoOrderError, InputError, ResponseError
from .footprints import CRS, LAYER_KINDS, footprint_label, layer_kind
from .gdal_calls import gdal_call
from .http import Deadline, new_session, read_body, send
from .i18n import translate
from .names import task_name
from .tasks import WorkTask, log
from .xmlsafe import html_title

if TYPE_CHECKING:
    import requests


def tr(text):
    return translate("EoOrderQuicklook", text)


DEFAULT_CAP_BYTES = 200 * 1024 * 1024
MAX_IMAGE_BYTES = 32 * 1024 * 1024  # a thumbnail larger than this is not a thumbnail
# Pixels, not bytes, decide the memory a decoded image takes: a 0.8 MB PNG can announce
# 30000 × 30000 pixels (3.6 GB decoded). Dimensions are read from the header first; beyond
# MAX_IMAGE_PIXELS an image is refused before anything is decoded.
MAX_IMAGE_PIXELS = 25_000_000  # 5000 × 5000: 100 MB decoded at most
MAX_WARP_SIDE = 2048  # a quicklook is warped from at most this many pixels on its long side
THUMBNAIL_HEIGHT = 200  # the dock's thumbnail is decoded at most this tall
TIMEOUT = (10, 60)  # (connect, read) seconds
QUICKLOOK_PROPERTY = "eo_order/quicklook"  # on quicklook layers: "<footprint layer id>|<record name>"
GROUP_PROPERTY = "eo_order/quicklooks_of"  # on quicklook groups: the footprint layer id
SUBGROUP_NAME = "Quicklooks"
STALE_PART_SECONDS = 3600

# Signature → file extension of the image formats accepted.
MAGIC = (
    (b"\x89PNG\r\n\x1a\n", ".png"),
    (b"\xff\xd8\xff", ".jpg"),
    (b"GIF87a", ".gif"),
    (b"GIF89a", ".gif"),
    (b"II*\x00", ".tif"),
    (b"MM\x00*", ".tif"),
)
IMAGE_SUFFIXES = tuple(dict.fromkeys(suffix for _magic, suffix in MAGIC))


def default_cache_folder():
    """``<QGIS settings dir>/eo_order/quicklooks`` of the running QGIS profile."""
    from qgis.core import QgsApplication

    return os.path.join(QgsApplication.qgisSettingsDirPath(), "eo_order", "quicklooks")


def _sha1(text):
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def image_suffix(data):
    """``.png``, ``.jpg``, ``.gif`` or ``.tif`` for an image body, None for anything else."""
    head = bytes(data[:8])
    return next((suffix for magic, suffix in MAGIC if head.startswith(magic)), None)


class QuicklookCache:
    """Thumbnails (``<sha1 of URL>.png|.jpg|.gif|.tif``) and their warped GeoTIFFs
    (``<sha1 of URL>-<sha1 of footprint>.tif``) in ``folder``, at most ``cap_bytes`` in all,
    least recently used first out. Safe to share between threads and tasks."""

    def __init__(self, folder: Optional[Union[str, "os.PathLike[str]"]] = None,
                 cap_bytes: int = DEFAULT_CAP_BYTES) -> None:
        self.folder = os.fspath(folder) if folder is not None else default_cache_folder()
        self.cap_bytes = int(cap_bytes)

    @staticmethod
    def key(url: str) -> str:
        return _sha1(url)

    def get(self, url: str) -> Optional[str]:
        """The cached image file of ``url`` (its use refreshed), or None."""
        stem = os.path.join(self.folder, self.key(url))
        for suffix in IMAGE_SUFFIXES:
            if self._touch(stem + suffix):
                return stem + suffix
        return None

    def put(self, url: str, data: bytes) -> str:
        """Store the image body of ``url``; returns its file. Raises ResponseError for a body
        that is not a PNG, JPEG, GIF or TIFF image (nothing is stored then)."""
        suffix = image_suffix(data)
        if suffix is None:
            raise ResponseError(tr("The quicklook at {0} is not a PNG, JPEG, GIF or TIFF image.").format(url))
        path = os.path.join(self.folder, self.key(url) + suffix)
        self._write(path, data)
        self.evict(keep=(path,))
        return path

    def warped_path(self, url: str, footprint_wkt: str) -> str:
        """Where the GeoTIFF of ``url`` warped onto ``footprint_wkt`` lives (it may not exist yet)."""
        return os.path.join(self.folder, f"{self.key(url)}-{_sha1(footprint_wkt)[:16]}.tif")

    def get_warped(self, url: str, footprint_wkt: str) -> Optional[str]:
        """The cached GeoTIFF of ``url`` on ``footprint_wkt`` (its use refreshed), or None."""
        path = self.warped_path(url, footprint_wkt)
        return path if self._touch(path) else None

    def part_path(self, path: str) -> str:
        """A fresh temporary name next to ``path`` for writing it (then :func:`os.replace`)."""
        os.makedirs(self.folder, exist_ok=True)
        return f"{path}.{uuid.uuid4().hex[:12]}.part"

    def size(self) -> int:
        """Bytes the cache's finished files take."""
        return sum(size for _path, size, _mtime in self._entries())

    def evict(self, keep: Iterable[str] = ()) -> None:
        """Delete the least recently used files until the cache fits ``cap_bytes``; files in
        ``keep`` (just written, about to be used) stay even when they alone exceed it."""
        keep = {os.path.abspath(p) for p in keep}
        entries = sorted(self._entries(), key=lambda entry: entry[2])
        sizes = {path: size for path, size, _mtime in entries}
        total = sum(sizes.values())
        for path, _size, _mtime in entries:
            if total <= self.cap_bytes:
                break
            if path not in sizes or os.path.abspath(path) in keep:
                continue
            # A GeoTIFF goes with the statistics QGIS may have written next to it.
            for victim in (path, path + ".aux.xml") if not path.endswith(".aux.xml") else (path,):
                if victim not in sizes:
                    continue
                try:
                    os.remove(victim)
                except FileNotFoundError:
                    pass  # another task evicted it meanwhile
                except OSError:
                    continue  # in use (Windows): it goes later
                total -= sizes.pop(victim)

    def _entries(self):
        """(path, size, mtime) of the finished files; stale ``.part`` files are deleted."""
        try:
            scan = list(os.scandir(self.folder))
        except FileNotFoundError:
            return []
        entries, now = [], time.time()
        for entry in scan:
            try:
                stat = entry.stat()
            except FileNotFoundError:
                continue
            if not entry.is_file():
                continue
            if entry.name.endswith(".part"):
                if now - stat.st_mtime > STALE_PART_SECONDS:
                    _remove_quietly(entry.path)
                continue
            entries.append((entry.path, stat.st_size, stat.st_mtime))
        return entries

    def _write(self, path, data):
        part = self.part_path(path)
        try:
            with open(part, "wb") as handle:
                handle.write(data)
            os.replace(part, path)
        except OSError:
            _remove_quietly(part)
            raise

    @staticmethod
    def _touch(path):
        try:
            os.utime(path)
            return True
        except FileNotFoundError:
            return False
        except OSError:
            return os.path.isfile(path)


def _remove_quietly(path):
    try:
        os.remove(path)
    except OSError:
        pass


def _image_bytes(session, url, what, auth_hint, timeout, cancelled):
    """The body of ``url`` when it is an image file of at most :data:`MAX_IMAGE_BYTES` (under a
    :class:`~.http.Deadline`); an :class:`~.errors.EoOrderError` naming the URL otherwise."""
    what = what or tr("the quicklook server")
    with Deadline(what, url, cancelled, session=session):
        response = send(session, "GET", url, what, auth_hint=auth_hint, timeout=timeout)
        data = read_body(response, MAX_IMAGE_BYTES + 1)
    if len(data) > MAX_IMAGE_BYTES:
        raise ResponseError(tr(
            "The quicklook at {0} is larger than {1} MB: that is not a thumbnail, so it was not loaded.").format(
            url, MAX_IMAGE_BYTES >> 20))
    if image_suffix(data) is None:
        raise ResponseError(_not_an_image(url, data, response.headers.get("Content-Type", "")))
    return data


def fetch_image(session, url, cache, *, what=None, auth_hint="", timeout=TIMEOUT, cancelled=None):
    """The image file of ``url``: from ``cache``, else fetched with ``session`` and cached.

    Every failure is an :class:`~.errors.EoOrderError` naming the URL: HTTP errors and unreachable
    servers (from :func:`.http.send`), an HTML page or any other body that is not a PNG, JPEG, GIF
    or TIFF image, an empty or oversized reply (bytes, or pixels announced by the header), a
    request past its :class:`~.http.Deadline`. Nothing is cached then. ``cancelled()`` turning true
    closes the connection at once (:class:`~.errors.Cancelled`).
    """
    cached = cache.get(url)
    if cached:
        return cached
    data = _image_bytes(session, url, what, auth_hint, timeout, cancelled)
    dimensions = image_dimensions(data)
    if dimensions is None:
        raise ResponseError(tr("The quicklook at {0} cannot be read as an image (its header is damaged).").format(url))
    check_dimensions(*dimensions, url)
    try:
        return cache.put(url, data)
    except OSError as exc:
        raise EoOrderError(tr(
            "The quicklook of {0} could not be stored in {1} ({2}): check that the folder is writable.").format(
            url, cache.folder, exc.strerror or exc)) from None


def image_dimensions(data):
    """(width, height) read from the header of an image body, without decoding it; None when
    neither Qt nor GDAL can tell."""
    from qgis.PyQt.QtCore import QBuffer, QByteArray, QIODevice
    from qgis.PyQt.QtGui import QImageReader

    buffer = QBuffer()
    buffer.setData(QByteArray(bytes(data)))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    size = QImageReader(buffer).size()
    if size.isValid() and size.width() > 0 and size.height() > 0:
        return size.width(), size.height()
    name = f"/vsimem/eo_order_header_{uuid.uuid4().hex}"
    gdal.FileFromMemBuffer(name, bytes(data))
    try:
        dataset, _messages = gdal_call(gdal.OpenEx, name, gdal.OF_RASTER | gdal.OF_READONLY)
        return (dataset.RasterXSize, dataset.RasterYSize) if dataset is not None else None
    finally:
        dataset = None
        gdal.Unlink(name)


def check_dimensions(width, height, url):
    """Refuse an image of more than :data:`MAX_IMAGE_PIXELS` (a decompression bomb, or no thumbnail)."""
    if width * height > MAX_IMAGE_PIXELS:
        raise ResponseError(
            tr(
                "The quicklook at {0} is {1} × {2} pixels: far too large for a thumbnail (at most {3} megapixels), "
                "so it was not decoded.").format(url, width, height, MAX_IMAGE_PIXELS // 1_000_000))


def decode_thumbnail(data, url, max_height=THUMBNAIL_HEIGHT):
    """A QImage of an image body, at most ``max_height`` pixels tall, for the dock (any thread:
    QImage, unlike QPixmap, may be made off the main thread). The header's dimensions are checked
    first (:func:`check_dimensions`), so a bomb is refused before any pixel is decoded."""
    from qgis.PyQt.QtCore import QBuffer, QByteArray, QIODevice, QSize
    from qgis.PyQt.QtGui import QImageReader

    if image_suffix(data) is None:
        raise ResponseError(_not_an_image(url, data, ""))
    buffer = QBuffer()
    buffer.setData(QByteArray(bytes(data)))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    size = reader.size()
    if not size.isValid() or size.width() <= 0 or size.height() <= 0:
        raise ResponseError(tr(
            "The quicklook at {0} cannot be read as an image ({1}).").format(url, reader.errorString()))
    check_dimensions(size.width(), size.height(), url)
    if size.height() > max_height:
        reader.setScaledSize(QSize(max(1, round(size.width() * max_height / size.height())), max_height))
    image = reader.read()
    if image.isNull():
        raise ResponseError(tr("The quicklook at {0} cannot be decoded ({1}).").format(url, reader.errorString()))
    return image


def fetch_thumbnail(url: str, cancelled: Optional[Callable[[], bool]] = None,
                    session: Any = None) -> Any:
    """The image at ``url`` as a QImage at most :data:`THUMBNAIL_HEIGHT` tall, fetched and decoded
    on the calling (worker) thread under a :class:`~.http.Deadline`; every failure is an
    :class:`~.errors.EoOrderError` naming the URL."""
    own = session is None
    session = new_session() if own else session
    try:
        return decode_thumbnail(_image_bytes(session, url, None, "", TIMEOUT, cancelled), url)
    finally:
        if own:
            session.close()


def _not_an_image(url, data, content_type):
    if not data.strip():
        return tr("The quicklook at {0} is empty: the server sent no image. Try again later.").format(url)
    head = bytes(data[:512]).lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head[:200]:
        title = html_title(data)
        return tr("The quicklook at {0} is an HTML page{1}, not an image. The server may be down for maintenance or "
                  "the link may need a login: try again later.").format(
            url, tr(" titled “{0}”").format(title) if title else "")
    excerpt = " ".join(bytes(data[:120]).decode("utf-8", "replace").split())
    kind = f" ({content_type})" if content_type else ""
    return tr("The quicklook at {0} is not a PNG, JPEG, GIF or TIFF image{1}; the server sent: {2}").format(
        url, kind, excerpt)


# --- georeferencing -------------------------------------------------------------------------


def footprint_corners(footprint):
    """The four corners a thumbnail is tied to, as (lon, lat): top-left (the most north-western
    corner), top-right, bottom-right, bottom-left, i.e. clockwise. ``footprint`` is a polygon
    (QgsGeometry or WKT) in EPSG:4326; see the module docstring for the rule."""
    geometry = QgsGeometry.fromWkt(footprint) if isinstance(footprint, str) else QgsGeometry(footprint)
    if geometry.isNull() or geometry.isEmpty() or geometry.type() != QgsWkbTypes.GeometryType.PolygonGeometry:
        raise InputError(tr("The footprint is not a polygon, so the quicklook cannot be placed on the map."))
    hull = geometry.convexHull()
    points = _without_flat_vertices(_distinct(_ring(hull)), hull.area())
    if len(points) != 4:
        box = geometry.orientedMinimumBoundingBox()[0]
        points = _distinct(_ring(box))
    if len(points) != 4 or hull.area() <= 0:
        raise InputError(tr("The footprint has no area, so the quicklook cannot be placed on the map."))
    # Degrees of longitude shrink towards the poles: compare directions on a locally even grid.
    centre = hull.centroid().asPoint()
    scale = max(math.cos(math.radians(centre.y())), 1e-6)

    def angle(point):
        return math.atan2(point.y() - centre.y(), (point.x() - centre.x()) * scale)

    clockwise = sorted(points, key=angle, reverse=True)
    first = max(range(4), key=lambda i: clockwise[i].y() - clockwise[i].x() * scale)
    ordered = clockwise[first:] + clockwise[:first]
    return [(p.x(), p.y()) for p in ordered]


def _ring(polygon):
    if polygon.isMultipart():
        parts = polygon.asMultiPolygon()
        return [QgsPointXY(p) for p in max(parts, key=lambda part: len(part[0]))[0]] if parts else []
    rings = polygon.asPolygon()
    return [QgsPointXY(p) for p in rings[0]] if rings else []


def _without_flat_vertices(points, area, tolerance=1e-6):
    """``points`` (a convex ring, not closed) without the vertices that hardly bend it: those whose
    triangle with their neighbours is below ``tolerance`` × the ring's ``area`` (a vertex in the
    middle of a side, as catalogues write them, is not a corner)."""
    points = list(points)
    while len(points) > 3:
        flat = None
        for i, point in enumerate(points):
            before, after = points[i - 1], points[(i + 1) % len(points)]
            twice = abs((point.x() - before.x()) * (after.y() - before.y())
                        - (after.x() - before.x()) * (point.y() - before.y()))
            if twice / 2 <= tolerance * area:
                flat = i
                break
        if flat is None:
            break
        del points[flat]
    return points


def _distinct(points, tolerance=1e-9):
    found = []
    for point in points:
        if all(abs(point.x() - q.x()) > tolerance or abs(point.y() - q.y()) > tolerance for q in found):
            found.append(point)
    return found


def _gdal(what, call, *args, **kwargs):
    """``call(*args, **kwargs)`` with GDAL quiet; a failure is an error that says ``what`` failed
    and quotes GDAL."""
    result, messages = gdal_call(call, *args, **kwargs)
    if result is None:
        reason = messages[-1] if messages else " ".join(gdal.GetLastErrorMsg().split()) or tr("GDAL gave no reason")
        raise ResponseError(tr("{0} ({1}).").format(what, reason))
    return result


def georeference(image_path, footprint, out_path, cancelled=None):
    """Warp the image at ``image_path`` onto ``footprint`` (polygon in EPSG:4326, QgsGeometry or
    WKT): an EPSG:4326 GeoTIFF at ``out_path`` with an alpha band (transparent outside the image).
    Written to a ``.part`` file first, then renamed. Returns ``out_path``.

    Bounded: an image of more than :data:`MAX_IMAGE_PIXELS` is refused before it is read, a larger
    side than :data:`MAX_WARP_SIDE` is scaled down first, and ``cancelled()`` is checked by GDAL's
    progress callback while it warps (then :class:`~.errors.Cancelled`, and no file)."""
    image_path, out_path = os.fspath(image_path), os.fspath(out_path)
    corners = footprint_corners(footprint)
    name = os.path.basename(image_path)
    source = _gdal(tr("GDAL cannot read the quicklook image {0}").format(name), gdal.OpenEx, image_path,
                   gdal.OF_RASTER | gdal.OF_READONLY | gdal.OF_VERBOSE_ERROR)
    width, height = source.RasterXSize, source.RasterYSize
    check_dimensions(width, height, name)
    scale = min(1.0, MAX_WARP_SIDE / max(width, height))
    width, height = max(1, round(width * scale)), max(1, round(height * scale))
    pixels = ((0, 0), (width, 0), (width, height), (0, height))
    gcps = [gdal.GCP(lon, lat, 0.0, float(px), float(line)) for (lon, lat), (px, line) in zip(corners, pixels)]
    band = source.GetRasterBand(1)
    expand = "rgb" if band is not None and band.GetColorTable() is not None else None
    source = None
    vrt = f"/vsimem/eo_order_quicklook_{uuid.uuid4().hex}.vrt"
    folder = os.path.dirname(out_path) or "."
    os.makedirs(folder, exist_ok=True)
    part = os.path.join(folder, f"{os.path.basename(out_path)}.{uuid.uuid4().hex[:12]}.part")
    try:
        tied = _gdal(tr("GDAL cannot tie the quicklook image {0} to its footprint").format(name), gdal.Translate, vrt,
                     image_path, format="VRT", GCPs=gcps, outputSRS=CRS, rgbExpand=expand,
                     width=width, height=height, resampleAlg="average" if scale < 1 else None)
        tied = None  # noqa: F841 - closing writes the VRT

        def progress(_complete, _message, _data):
            return 0 if cancelled is not None and cancelled() else 1  # 0 makes GDAL stop

        if cancelled is not None and cancelled():
            raise Cancelled()
        warped, messages = gdal_call(gdal.Warp, part, vrt, format="GTiff", dstSRS=CRS, tps=True, dstAlpha=True,
                                     resampleAlg="bilinear", creationOptions=["COMPRESS=DEFLATE"],
                                     callback=progress)
        if cancelled is not None and cancelled():
            raise Cancelled()
        if warped is None:
            reason = messages[-1] if messages else tr("GDAL gave no reason")
            raise ResponseError(tr(
                "GDAL cannot warp the quicklook image {0} onto its footprint ({1}).").format(name, reason))
        warped.FlushCache()
        warped = None
        os.replace(part, out_path)
    finally:
        gdal.Unlink(vrt)
        _remove_quietly(part)
    return out_path


# --- the batch task ---------------------------------------------------------------------------


class QuicklookItem(NamedTuple):
    name: str  # record id / product name: the layer's name and its identity
    url: str
    footprint_wkt: str  # EPSG:4326


class Quicklook(NamedTuple):
    name: str
    path: str  # the warped GeoTIFF


def quicklook_items(layer: Any, features: Iterable[QgsFeature]) -> Tuple[List[QuicklookItem], int]:
    """(items, missing): a :class:`QuicklookItem` per feature of footprint ``layer`` (a layer or a
    Processing feature source) with an image URL and a polygon (in EPSG:4326, whatever the layer's
    CRS), and how many had none."""
    kind = layer_kind(layer)
    if kind is None:
        raise InputError(tr(
            "{0} is not an EO Order footprint layer: choose a search result layer.").format(
            layer.name() if hasattr(layer, "name") else tr("This layer")))
    name_field, url_field = LAYER_KINDS[kind].id_field, LAYER_KINDS[kind].thumbnail_field
    wgs84 = QgsCoordinateReferenceSystem(CRS)
    crs = layer.crs() if hasattr(layer, "crs") else layer.sourceCrs()
    transform = None
    if crs.isValid() and crs != wgs84:
        transform = QgsCoordinateTransform(crs, wgs84, QgsProject.instance())
    items, missing = [], 0
    for feature in features:
        url = _text(feature, url_field)
        geometry = QgsGeometry(feature.geometry())
        if not url or geometry.isNull() or geometry.isEmpty():
            missing += 1
            continue
        if transform is not None:
            geometry.transform(transform)
        items.append(QuicklookItem(_text(feature, name_field) or str(feature.id()), url, geometry.asWkt(9)))
    return items, missing


def _text(feature, name):
    index = feature.fields().indexOf(name)
    value = feature.attribute(index) if index >= 0 else None
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return ""
    return str(value).strip()


def quicklook_for(session: "requests.Session", item: QuicklookItem, cache: QuicklookCache,
                  cancelled: Optional[Callable[[], bool]] = None) -> str:
    """The warped GeoTIFF of one item: from the cache, else fetched and georeferenced (both
    stopped within a second by ``cancelled()``: :class:`~.errors.Cancelled`)."""
    cached = cache.get_warped(item.url, item.footprint_wkt)
    if cached:
        return cached
    image = fetch_image(session, item.url, cache, cancelled=cancelled)
    path = cache.warped_path(item.url, item.footprint_wkt)
    try:
        georeference(image, item.footprint_wkt, path, cancelled=cancelled)
    except OSError as exc:
        raise EoOrderError(tr(
            "The quicklook could not be written to {0} ({1}): check that the folder is writable.").format(
            cache.folder, exc.strerror or exc)) from None
    cache.evict(keep=(path,))
    return path


class QuicklookTask(WorkTask):
    """Fetch and georeference quicklooks on a worker thread, one item after the other.

    ``items`` are :class:`QuicklookItem` (or ``(name, url, footprint_wkt)`` tuples). A failing
    item adds a message (``"<name>: <why>"``) to ``messages`` and the batch goes on; ``results``
    lists a :class:`Quicklook` per success. Cancelling stops the current item within a second and keeps the
    results so far. ``done(results, error_text)`` is emitted on the main thread; no layer is made
    here (see :func:`add_quicklook_layers`).
    """

    def __init__(self, items: Iterable[Sequence[str]], cache: Optional[QuicklookCache] = None,
                 session_factory: Callable[[], "requests.Session"] = new_session) -> None:
        self.items = [QuicklookItem(*item) for item in items]
        # Each image has its own Deadline (and the warp its cancel check); cancelling keeps the results so far.
        super().__init__(task_name(tr("quicklooks of {0} scene(s)").format(len(self.items))), self._run_all,
                         close_on_cancel=False)
        self.cache = cache if cache is not None else QuicklookCache()
        self.session_factory = session_factory
        self.results: List[Quicklook] = []
        self.messages: List[str] = []

    def _run_all(self, _task):
        total = len(self.items)
        session = self.session_factory()
        try:
            for index, item in enumerate(self.items):
                if self.isCanceled():
                    break
                self.report(100.0 * index / max(total, 1), f"{index + 1} of {total}: {item.name}")
                try:
                    self.results.append(Quicklook(item.name, quicklook_for(session, item, self.cache,
                                                                           cancelled=self.isCanceled)))
                except Cancelled:
                    break
                except EoOrderError as exc:
                    self.messages.append(f"{item.name}: {exc}")
                except Exception as exc:  # noqa: BLE001 - one bad item must not end the batch
                    log(traceback.format_exc(), Qgis.MessageLevel.Critical)
                    self.messages.append(tr("{0}: unexpected {1} ({2}); details are in the EO Order log panel.").format(
                        item.name, exc.__class__.__name__, exc))
            self.report(100.0)
        finally:
            session.close()
        return list(self.results)


# --- layers (main thread) ----------------------------------------------------------------------


def quicklook_group(project, footprint_layer):
    """The layer-tree group of ``footprint_layer``'s quicklooks, made when missing: a group named
    after the layer just below it (the footprints stay drawn on top of the images), or a
    ``Quicklooks`` subgroup just below it when the layer is in a group already (at the top of the
    tree when the layer is not in it, or None)."""
    root = project.layerTreeRoot()
    layer_id = footprint_layer.id() if footprint_layer is not None else ""
    for group in _groups(root):
        if group.customProperty(GROUP_PROPERTY) == layer_id:
            return group
    node = root.findLayer(layer_id) if layer_id else None
    if node is None or node.parent() is None:
        parent, index = root, 0
        name = footprint_layer.name() if footprint_layer is not None else SUBGROUP_NAME
    else:
        parent = node.parent()
        index = _index_of(parent, node) + 1
        name = footprint_layer.name() if parent is root else SUBGROUP_NAME
    group = parent.insertGroup(index, name)
    group.setCustomProperty(GROUP_PROPERTY, layer_id)
    return group


def quicklook_labels(footprint_layer, names):
    """{name: label} for the footprints of ``footprint_layer`` whose record id (or product name) is
    in ``names``: the name a quicklook layer gets (see :func:`~.footprints.footprint_label`)."""
    if footprint_layer is None:
        return {}
    name_field = "name" if layer_kind(footprint_layer) == "products" else "record_id"
    wanted, labels = set(names), {}
    for feature in footprint_layer.getFeatures():
        name = _text(feature, name_field) or str(feature.id())
        if name in wanted and name not in labels:
            labels[name] = footprint_label(feature) or name
    return labels


def _groups(group):
    for child in group.children():
        if isinstance(child, QgsLayerTreeGroup):
            yield child
            yield from _groups(child)


def _index_of(parent, node):
    for index, child in enumerate(parent.children()):
        if isinstance(child, QgsLayerTreeLayer) and isinstance(node, QgsLayerTreeLayer) \
                and child.layerId() == node.layerId():
            return index
        if child is node:
            return index
    return 0


def _same_file(a, b):
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)


def add_quicklook_layers(project: QgsProject, footprint_layer: Optional[QgsVectorLayer],
                         results: Iterable[Any]) -> List[QgsRasterLayer]:
    """Add a raster layer per ``(name, tif_path)`` of ``results`` to ``project``, in the quicklook
    group of ``footprint_layer`` (see :func:`quicklook_group`); main thread only. A quicklook of
    the same record shown before is reused (made visible again) when its file is the same, else
    replaced in place. Returns the layers, in ``results`` order; a file QGIS cannot open is logged
    and left out."""
    results = [Quicklook(*result) for result in results]
    if not results:
        return []
    root = project.layerTreeRoot()
    prefix = f"{footprint_layer.id() if footprint_layer is not None else ''}|"
    shown = {layer.customProperty(QUICKLOOK_PROPERTY): layer for layer in project.mapLayers().values()
             if isinstance(layer, QgsRasterLayer) and layer.customProperty(QUICKLOOK_PROPERTY)}
    group = quicklook_group(project, footprint_layer)
    group.setItemVisibilityChecked(True)
    labels = quicklook_labels(footprint_layer, [result.name for result in results])
    layers = []
    for result in results:
        key = prefix + result.name
        label = labels.get(result.name, result.name)
        old = shown.get(key)
        old_node = root.findLayer(old.id()) if old is not None else None
        if old is not None and old.isValid() and _same_file(old.source(), result.path):
            old.setName(label)
            if old_node is None:
                group.addLayer(old)
            else:
                old_node.setItemVisibilityChecked(True)
            old.triggerRepaint()
            layers.append(old)
            continue
        layer = QgsRasterLayer(result.path, label, "gdal")
        if not layer.isValid():
            log(f"Quicklook {result.name}: QGIS cannot open {result.path}.", Qgis.MessageLevel.Warning)
            continue
        layer.setCustomProperty(QUICKLOOK_PROPERTY, key)
        project.addMapLayer(layer, False)
        if old_node is not None and old_node.parent() is not None:
            parent = old_node.parent()
            node = parent.insertLayer(_index_of(parent, old_node), layer)
        else:
            node = group.addLayer(layer)
        if node is not None:
            node.setExpanded(False)  # no grey ramp per thumbnail in the Layers panel
        if old is not None:
            project.removeMapLayer(old.id())
        shown[key] = layer
        layers.append(layer)
    if not group.children():
        group.parent().removeChildNode(group)
    return layers

