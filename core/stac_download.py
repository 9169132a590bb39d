"""STAC asset downloads through the verified engine (core/download/), and the STAC download log.

    rows = asset_rows(items, ("data", "metadata"))          # keys or roles, once for the batch
    write_stac_log(log_path, rows)                            # before the first byte
    engine = StacDownloader(folder, credentials=..., signer=PlanetarySigner())
    outcomes = engine.run(engine.requests(rows), on_done=StacLogRecorder(log_path))

What it does (docs/stac.md, "Assets, checksums, signing"):

- **Choice**: an asset is downloaded when its key, or one of its roles, is among the choices.
- **Files**: one folder per item (its id, or the sanitised id with a short hash of the id when the
  id is not a plain file name, so two items never share a folder); in it, the file name of the
  href's path (sanitised), or ``<asset key>_<that name>`` when two assets of the item share a name.
- **Checks**: ``file:checksum`` (a multihash: MD5, SHA-1, SHA-256, SHA-512, BLAKE3 when the blake3
  package is installed) and ``file:size`` are checked as the Copernicus MD5 and size are; an
  unreadable checksum, or BLAKE3 without its package, is said in the outcome and the size is checked.
- **s3:// hrefs** cannot be downloaded (EO Order speaks http(s) only): the alternate https href of
  the alternate-assets extension is used when there is one, and the outcome says so; otherwise the
  asset is reported as not downloadable, naming the href.
- **Planetary Computer**: hrefs on ``*.blob.core.windows.net`` get a SAS token from the signing
  endpoint (``{endpoint}/{collection}`` → ``{"token": …, "msft:expiry": …}``), cached per
  collection until shortly before it expires, appended to the href at each attempt. The token is a
  secret: never in the log, a message or an outcome.
- **The log** (CSV: ItemId, Collection, Asset, Href, Checksum, Size, File, ItemLink, Downloaded) is written
  before the downloads and rewritten atomically as each asset is verified, so a crash or kill
  leaves it true; reading it back resumes the batch. Hrefs are logged without any signature.
"""

import csv
import hashlib
import io
import json
import mimetypes
import os
import re
import tempfile
import threading
import time
from dataclasses import dataclass, replace
from fnmatch import fnmatchcase
from functools import partial
from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence, Tuple, Union
from urllib.parse import parse_qsl, unquote, urlsplit, urlunsplit

from .download import FAILED, Checksum, DownloadEngine, DownloadRequest, OriginCredentials, TokenCredential
from .download.part_file import remove
from .errors import EoOrderError, InputError, ResponseError, remember_secret
from .http import DEFAULT_TIMEOUT, new_session, send
from .i18n import tr_noop, translate
from .stac import StacAsset, StacClient, StacItem, parse_multihash, parse_time


def tr(text):
    return translate("EoOrderStacDownload", text)


PC_SIGN_URL = "https://planetarycomputer.microsoft.com/api/sas/v1/token"
PC_HOSTS = ("*.blob.core.windows.net",)
SIGN_MARGIN = 120.0  # seconds before its expiry a cached token is renewed
SIGN_DEFAULT_TTL = 600.0  # seconds a token without msft:expiry is kept
SIGN_REPLY_LIMIT = 64 * 1024
LOG_NAME = "stac-download.csv"  # the STAC download log, in the download folder
LOG_COLUMNS = ("ItemId", "Collection", "Asset", "Href", "Checksum", "Size", "File", "ItemLink", "Downloaded")
MAX_PART = 120  # characters of a folder or file name
MEDIA_EXTENSIONS = {"image/tiff": ".tif", "image/jp2": ".jp2", "application/zip": ".zip", "application/xml": ".xml",
                    "text/xml": ".xml", "application/json": ".json", "application/x-netcdf": ".nc",
                    "application/netcdf": ".nc", "image/png": ".png", "image/jpeg": ".jpg"}
SIGNED_QUERY = re.compile(r"(^|&)(sig|X-Amz-Signature|X-Goog-Signature|Signature|token)=", re.I)


@dataclass(frozen=True)
class AssetRow:
    """One asset to download, as the STAC download log keeps it."""

    item_id: str
    collection: str
    asset_key: str
    href: str  # the href downloaded (the https alternate of an s3:// href), never signed
    checksum: str = ""  # file:checksum (hex multihash), as the item gave it
    size: Optional[int] = None  # file:size
    file: str = ""  # <item folder>/<file name>, under the download folder
    downloaded: bool = False
    self_link: str = ""  # the item's own URL: its server's origin gets the STAC API credentials
    note: str = ""  # said in the outcome (not logged)

    @property
    def download_id(self):
        """The engine's item id: ``<item id>/<asset key>``."""
        return f"{self.item_id}/{self.asset_key}"


# --- from items to rows ------------------------------------------------------------------------


def chosen_assets(item: StacItem, choices: Iterable[str]) -> List[StacAsset]:
    """The assets of ``item`` whose key, or one of whose roles, is in ``choices`` (item order)."""
    wanted = {str(c).strip() for c in choices if str(c).strip()}
    return [a for a in item.assets.values() if a.key in wanted or wanted.intersection(a.roles)]


def asset_rows(items: Iterable[StacItem], choices: Sequence[str]) -> List[AssetRow]:
    """The :class:`AssetRow` of each chosen asset of each item (items in order, each id once)."""
    if not [c for c in choices if str(c).strip()]:
        raise InputError(tr(
            "Choose the assets to download: asset keys (such as B04, visual) or roles (data, metadata, "
            "thumbnail, overview)."))
    rows, seen = [], set()
    items = list(items)
    for item in items:
        if item.id in seen:
            continue
        seen.add(item.id)
        names = _file_names(item)
        folder = _item_folder(item.id)
        for asset in chosen_assets(item, choices):
            href, note = _downloadable_href(asset)
            rows.append(AssetRow(item.id, item.collection, asset.key, _unsigned(href), asset.checksum, asset.size,
                                 f"{folder}/{names[asset.key]}", self_link=item.self_link, note=note))
    if items and not rows:
        keys = sorted({key for item in items for key in item.assets})
        roles = sorted({role for item in items for a in item.assets.values() for role in a.roles})
        raise InputError(tr(
            "None of the {0} item(s) has an asset with the key or role {1}. Their asset keys: {2}; "
            "roles: {3}.").format(
            len(items), ', '.join(c.strip() for c in choices if c.strip()), ', '.join(keys[:30]) or 'none',
            ', '.join(roles[:30]) or 'none'))
    return rows


def _downloadable_href(asset):
    """(href, note): an s3:// (or other non-http) href is replaced by an https alternate when there is one."""
    if _is_http(asset.href):
        return asset.href, ""
    for name, href in asset.alternates.items():
        if _is_http(href):
            return href, tr(" (its href {0} cannot be downloaded by EO Order, so its alternate '{1}' href was "
                            "used)").format(_shown(asset.href), name)
    return asset.href, ""


def _is_http(href):
    return str(href).lower().startswith(("https://", "http://"))


def _shown(href):
    return _unsigned(href)[:200]


def _sanitised(text):
    return re.sub(r"[^A-Za-z0-9._+-]", "_", text or "").strip("._ ")


def _item_folder(item_id):
    safe = _sanitised(item_id)[:MAX_PART]
    if safe and safe == item_id:
        return safe
    ident = hashlib.sha1(item_id.encode("utf-8")).hexdigest()[:10]
    return f"{safe}_{ident}" if safe else ident


def _file_names(item):
    """Asset key -> file name within the item's folder (deterministic for the item)."""
    base = {asset.key: _file_name(asset) for asset in item.assets.values()}
    counts = {}
    for name in base.values():
        counts[name.lower()] = counts.get(name.lower(), 0) + 1
    return {key: (name if counts[name.lower()] == 1 else f"{_sanitised(key)[:40] or 'asset'}_{name}")
            for key, name in base.items()}


def _file_name(asset):
    """The last segment of the href's path, sanitised; when that has no extension (an API URL such
    as ``…/Products(…)/$value``), the asset key with the extension of its media type."""
    path = urlsplit(asset.href).path if "://" in asset.href else asset.href
    name = _sanitised(unquote(path.rsplit("/", 1)[-1]))[-MAX_PART:]
    if "." in name.strip("."):
        return name
    kind = asset.type.split(";")[0].strip().lower()
    extension = MEDIA_EXTENSIONS.get(kind) or mimetypes.guess_extension(kind) or ""
    return (_sanitised(asset.key)[:MAX_PART] or name or "asset") + extension


def _unsigned(href):
    """``href`` without a query string that carries a signature or token (never logged)."""
    parts = urlsplit(str(href))
    if not SIGNED_QUERY.search(parts.query):
        return str(href)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", parts.fragment))


# --- rows to engine requests ---------------------------------------------------------------------


def request_for_row(row: AssetRow, signer: Optional["PlanetarySigner"] = None) -> DownloadRequest:
    """The engine's :class:`~.download.DownloadRequest` for an :class:`AssetRow`."""
    name = f"{row.item_id} {row.asset_key}"
    if not _is_http(row.href):
        return DownloadRequest(row.download_id, name, "", row.file, unavailable=(FAILED, tr(
            "{0}: its href {1} is not an http(s) URL (s3:// and the like cannot be downloaded by EO Order yet) and "
            "the asset has no alternate https href: download it with the provider's tools.").format(
            name, _shown(row.href))))
    checksum, note = _checksum(row.checksum)
    sign = partial(signer.sign, collection=row.collection) if signer is not None and signer.applies(row.href) \
        else None
    return DownloadRequest(row.download_id, name, row.href, row.file, checksum=checksum, size=row.size or None,
                           note=row.note + note, sign=sign)


def _checksum(text):
    """(Checksum or None, note) for a ``file:checksum``."""
    if not text:
        return None, ""
    try:
        multihash = parse_multihash(text)
    except EoOrderError as exc:
        return None, tr(" (its file:checksum was ignored: {0})").format(str(exc).rstrip('.'))
    checksum = Checksum(multihash.algorithm, multihash.digest.hex())
    if not checksum.available():
        return None, tr(" (its BLAKE3 checksum cannot be checked without the Python package blake3: "
                        "only its size was checked)")

    return checksum, ""


class StacDownloader(DownloadEngine):
    """The engine for STAC assets: ``per_host`` downloads at a time per host (``concurrency`` in all).
    ``signer`` (a :class:`PlanetarySigner`) signs the hrefs it applies to."""

    i18n_context = "EoOrderStacDownload"
    service = tr_noop("The asset server")
    support = tr_noop("the STAC API's provider")

    def __init__(self, out_dir: Union[str, "os.PathLike[str]"], *, signer: Optional["PlanetarySigner"] = None,
                 concurrency: int = 8, per_host: int = 4, **kwargs: Any) -> None:
        super().__init__(out_dir, concurrency=concurrency, per_host=per_host, **kwargs)
        self.signer = signer

    def requests(self, rows: Iterable[AssetRow]) -> List[DownloadRequest]:
        return [request_for_row(row, self.signer) for row in rows]


# --- Planetary Computer signing ------------------------------------------------------------------


class PlanetarySigner:
    """Signs hrefs on ``hosts`` with a SAS token per collection from ``endpoint`` (cached until
    ``SIGN_MARGIN`` seconds before ``msft:expiry``). Thread-safe."""

    def __init__(self, endpoint: str = PC_SIGN_URL, hosts: Iterable[str] = PC_HOSTS,
                 session_factory: Callable[[], Any] = new_session, clock: Callable[[], float] = time.time,
                 timeout: Any = DEFAULT_TIMEOUT) -> None:
        self.endpoint = endpoint.rstrip("/")
        self.hosts = tuple(h.lower() for h in hosts)
        self.session_factory = session_factory
        self.clock = clock
        self.timeout = timeout
        self.fetched = 0  # tokens fetched (for the curious and the tests)
        self._cache: Dict[str, Tuple[str, float]] = {}  # collection -> (token, expires at)
        self._lock = threading.Lock()

    def applies(self, href: str) -> bool:
        """True for an href on one of ``hosts`` (patterns of a host name, or of ``host:port``)."""
        try:
            parts = urlsplit(str(href))
            host, port = (parts.hostname or "").lower(), parts.port
        except ValueError:
            return False
        names = (host, f"{host}:{port}") if port else (host,)
        return bool(host) and any(fnmatchcase(name, pattern) for name in names for pattern in self.hosts)

    def sign(self, href: str, collection: str) -> str:
        """``href`` with the collection's SAS token appended to its query."""
        token = self.token(collection)
        parts = urlsplit(href)
        kept = [pair for pair in parts.query.split("&") if pair and not _signature_key(pair.split("=", 1)[0])]
        return urlunsplit((parts.scheme, parts.netloc, parts.path, "&".join([*kept, token]), parts.fragment))

    def token(self, collection: str) -> str:
        if not collection:
            raise InputError(tr(
                "This asset needs a Planetary Computer signature, but its item names no collection: "
                "search again."))
        with self._lock:
            cached = self._cache.get(collection)
            if cached is not None and cached[1] - SIGN_MARGIN > self.clock():
                return cached[0]
            token, expires = self._fetch(collection)
            self._cache[collection] = (token, expires)
            return token

    def _fetch(self, collection):
        what = tr("The Planetary Computer signing service")
        session = self.session_factory()
        try:
            response = send(session, "GET", f"{self.endpoint}/{collection}", what, timeout=self.timeout)
            data = bytearray()
            for block in response.iter_content(SIGN_REPLY_LIMIT):
                data += block
                if len(data) > SIGN_REPLY_LIMIT:
                    raise ResponseError(tr(
                        "{0} sent more than {1} kB for one token.").format(
                        what, SIGN_REPLY_LIMIT // 1024))
        finally:
            session.close()
        try:
            reply = json.loads(bytes(data).decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            reply = None
        token = reply.get("token") if isinstance(reply, dict) else None
        if not isinstance(token, str) or not token or len(token) > 8192:
            raise ResponseError(tr(
                "{0} answered without a token for collection {1!r}: try again later.").format(
                what, collection[:80]))
        remember_secret(token)
        for _key, value in parse_qsl(token):
            remember_secret(value)
        self.fetched += 1
        expiry = parse_time(reply.get("msft:expiry"))
        now = self.clock()
        return token, (expiry.timestamp() if expiry is not None else now + SIGN_DEFAULT_TTL)


def _signature_key(key):
    return SIGNED_QUERY.search(f"{key}=") is not None


# --- the STAC download log ---------------------------------------------------------------------------


def write_stac_log(path: str, rows: Iterable[AssetRow]) -> None:
    """Write the log (atomically: a crash leaves the old or the new file, never half of one)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(LOG_COLUMNS)
    for row in rows:
        writer.writerow((row.item_id, row.collection, row.asset_key, _unsigned(row.href), row.checksum,
                         "" if row.size is None else row.size, row.file, _unsigned(row.self_link),
                         "true" if row.downloaded else "false"))
    _atomic_write(path, out.getvalue().encode("utf-8"))


def start_stac_log(path: str, rows: List[AssetRow]) -> List[AssetRow]:
    """The rows of a new batch merged into the log at ``path`` (when there is one), written before
    the first byte is downloaded: a crash leaves a log to resume from. Returns the merged rows."""
    if os.path.isfile(path):
        rows = merge_rows(read_stac_log(path), rows)
    write_stac_log(path, rows)
    return rows


def read_stac_log(path: str) -> List[AssetRow]:
    """The rows of a STAC download log (raises InputError for a file that is not one)."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = set(LOG_COLUMNS) - set(reader.fieldnames or ())
            if missing:
                raise InputError(tr(
                    "{0} is not a STAC download log (no {1} column): choose the log a STAC download "
                    "wrote.").format(
                    path, ', '.join(sorted(missing))))
            return [_row_of(record) for record in reader]
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise InputError(tr("Could not read the STAC download log {0} ({1}).").format(path, exc)) from None


def _row_of(record):
    size = (record.get("Size") or "").strip()
    return AssetRow(item_id=record["ItemId"] or "", collection=record["Collection"] or "",
                    asset_key=record["Asset"] or "", href=record["Href"] or "", checksum=record["Checksum"] or "",
                    size=int(size) if size.isdigit() else None, file=record["File"] or "",
                    self_link=record["ItemLink"] or "",
                    downloaded=(record["Downloaded"] or "").strip().lower() == "true")


def merge_rows(old: Iterable[AssetRow], new: Iterable[AssetRow]) -> List[AssetRow]:
    """``new`` rows, keeping Downloaded from ``old`` for the same asset (a search run again)."""
    done = {row.download_id for row in old if row.downloaded}
    return [replace(row, downloaded=row.download_id in done) for row in new]


class StacLogRecorder:
    """``on_done`` callback: marks each verified asset Downloaded in the log (atomic rewrite),
    before the next one finishes. An error stops the batch (the engine raises it again)."""

    def __init__(self, log_path: str) -> None:
        self.log_path = log_path
        self.done_ids: List[str] = []

    def __call__(self, outcome):
        if not outcome.done:
            return
        rows = read_stac_log(self.log_path)
        write_stac_log(self.log_path, [replace(r, downloaded=True) if r.download_id == outcome.item_id else r
                                       for r in rows])
        self.done_ids.append(outcome.item_id)


def _atomic_write(path, data):
    folder = os.path.dirname(os.path.abspath(path))
    fd, temp = tempfile.mkstemp(prefix=f".{os.path.basename(path)}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        remove(temp)
        raise


# --- items behind a footprint layer ----------------------------------------------------------------


def fetch_items(links: Iterable[str], client_for: Callable[[str], StacClient],
                cancelled: Optional[Callable[[], bool]] = None) -> List[StacItem]:
    """The STAC items at ``links`` (their self links), each fetched once, in order.
    ``client_for(url)`` gives the :class:`~.stac.StacClient` (credentials) for a link."""
    from .stac import parse_item

    items = []
    for link in dict.fromkeys(links):
        if cancelled is not None and cancelled():
            break
        client = client_for(link)
        raw = client._request("GET", link)  # noqa: SLF001 - one JSON object, with the client's guards
        item = parse_item(raw, link)
        if item is None:
            raise ResponseError(tr("{0} sent no STAC item at {1}: search again.").format(client.name, link[:200]))
        items.append(item)
    return items


# --- credentials ------------------------------------------------------------------------------------


def is_copernicus(url: str) -> bool:
    """True for a URL on the Copernicus Data Space (whose STAC assets want the Copernicus token)."""
    from .cdse_download import TRUSTED_ORIGINS

    return OriginCredentials([(origin, True) for origin in TRUSTED_ORIGINS]).for_url(url) is not None


def stac_credentials(links: Iterable[str], credential: Any = None, tokens: Any = None) -> OriginCredentials:
    """Which origin gets which credential: ``tokens`` (a Copernicus token manager) for the Copernicus
    Data Space's origins; ``credential`` (Basic or Bearer) for the origins of ``links`` (the items'
    self links: the STAC API's own server). Any other host gets nothing."""
    from .cdse_download import TRUSTED_ORIGINS

    pairs = []
    if tokens is not None:
        token = TokenCredential(tokens)
        pairs += [(origin, token) for origin in TRUSTED_ORIGINS]
    if credential is not None:
        pairs += [(link, credential) for link in dict.fromkeys(links)]
    return OriginCredentials(pairs)
