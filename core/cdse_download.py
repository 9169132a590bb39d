"""Verified, resumable batch download of Copernicus Data Space (CDSE) products over OData.

``Downloader(tokens, out_dir).run(items)`` fetches ``<download_url>(<Id>)/$value`` for each
:class:`DownloadItem` on at most 4 threads (CDSE's per-user limit) and returns one :class:`Outcome`
per product. This module is the Copernicus layer over the generic engine (``core/download/``):
product URLs from UUIDs, the token manager as the credential of the trusted origins, offline
products, file names. What it guarantees (docs/copernicus.md):

- A file appears under its final name only once it is complete and verified: the bytes stream into
  ``<name>.part`` while their MD5 is computed, the MD5 (when the catalogue gives one) or else the
  announced length is checked, and only then is the part renamed with ``os.replace``. An HTML or JSON
  error page served with status 200 is never saved as a product. The .part is written on one helper
  thread while another computes the MD5; writeback starts every 16 MiB and the part is fsynced before
  the rename, so a crash cannot leave a "verified" file whose bytes never reached the disk.
- Interrupted downloads resume only when the file on the server is provably the same: the first reply's
  ``ETag`` (a strong one) or else ``Last-Modified`` is kept beside the part in ``<part>.meta`` (JSON,
  written atomically, with the product id), and a resume sends ``Range: bytes=N-`` with
  ``If-Range: <that validator>``. A 206 reply is appended; a 200 reply (the file changed, or Range is
  not supported) restarts the file from zero. A part without a validator (or of another product) is
  not resumed: it restarts from zero.
- The announced size is a hard cap and a completeness check: the catalogue's ``ContentLength`` (when
  known) or else the size the reply announces. A reply announcing another size than the catalogue is
  refused; a body that goes past the size is cut there and refused (the file on disk never grows past
  it); a body that ends early is not complete (retried, resuming). A catalogue MD5 that is not 32
  hexadecimal digits is ignored, and the outcome says so.
- A product whose bytes arrive slower than ``min_rate`` bytes/s on average over ``stall_window``
  seconds (a server dripping a byte every few seconds, or silent) is stopped and failed with a clear
  message (the part is kept for the next run). A watchdog thread closes the connection of a stalled
  download, and of every download within a fraction of a second after Cancel: nothing waits for a
  chunk to arrive.
- Product ids must be UUIDs (what the catalogue issues); any other id is refused for that product
  (never pasted into a URL), and the id is percent-encoded in the URL path all the same.
- Redirects are followed here, not by requests, so that the ``Authorization: Bearer`` header goes to
  trusted origins only (scheme, host and port: the download URL's own origin, and
  ``https://*.dataspace.copernicus.eu`` on port 443 by default), never over a downgrade from https to
  http, never to the same host on another port, and is dropped for any other origin (e.g. a
  pre-signed storage URL).
- A login that fails (rejected password, an HTML page, a server error, no answer) is tried once per
  batch: it ends the batch with its message; the products not tried yet say so.
- 429 waits for Retry-After (else ``rate_limit_wait`` seconds) and goes on; 401 refreshes the token
  once; 5xx, broken connections and short bodies are retried with exponential backoff, resuming.
- An offline product (``Online`` false in the catalogue, or a server reply saying so) is reported as
  ``offline`` and does not stop the batch; a product whose final file already verifies is ``skipped``.

File names: CDSE serves directory-like products (``.SAFE``, ``.SEN3``, names without extension...) as
zip archives, so ``.zip`` is appended unless the name already ends with a single-file extension
(``.zip``, ``.nc``, ``.tif``...; see ``FILE_SUFFIXES``): ``S2A_MSIL1C_..._T33UUP_....SAFE`` is saved as
``S2A_MSIL1C_..._T33UUP_....SAFE.zip`` and ``S5P_OFFL_L2__NO2_....nc`` keeps its name. A name that is
not already plain (characters other than letters, digits and ``._+-``, or longer than 200
characters) is sanitised (those characters become ``_``), cut, and gets ``_<product id>`` before its
extension, so two products whose names collide once sanitised never share a file. The plain name
of a product can only be shared with a product of the very same name: a file found there is used
only when it verifies for this product (MD5, else size), is never deleted nor overwritten when it
does not, and this product then goes to ``<name>_<product id>.<ext>`` instead (that name is the
product's own: a file found there is this product's).
"""

import hashlib
import os
import re
import time
from dataclasses import dataclass
from typing import Any, Callable, Iterable, List, Optional, Union
from urllib.parse import quote

import requests

from .cdse_search import products_url
from .download import (
    CANCELLED,
    DONE_STATUSES,
    FAILED,
    MAX_REDIRECTS,
    MIN_RATE,
    OFFLINE,
    SKIPPED,
    STALL_WINDOW,
    UNVERIFIED,
    VERIFIED,
    WATCH_EVERY,
    Checksum,
    DownloadEngine,
    DownloadRequest,
    OriginCredentials,
    Outcome,
    Progress,
    TokenCredential,
    format_bytes,
    format_duration,
)
from .download.part_file import file_digest
from .errors import refuse_userinfo
from .http import DEFAULT_TIMEOUT, new_session
from .i18n import tr_noop, translate


def tr(text):
    return translate("EoOrderCdseDownload", text)


DOWNLOAD_URL = "https://download.dataspace.copernicus.eu/odata/v1/Products"
TRUSTED_ORIGINS = ("https://*.dataspace.copernicus.eu",)  # scheme://host-pattern[:port]; port: the default
SERVICE = "Copernicus Data Space"
SUPPORT = tr_noop("Copernicus Data Space support")
MAX_CONCURRENCY = 4  # CDSE: 4 concurrent connections per user
FILE_SUFFIXES = (".zip", ".nc", ".nc4", ".h5", ".he5", ".hdf", ".tif", ".tiff", ".jp2", ".tar", ".tgz", ".gz",
                 ".bz2", ".zst", ".eof", ".json", ".xml", ".dat", ".bin", ".grib", ".grb", ".grib2")
OFFLINE_WORDS = re.compile(rb"offline|not online|long[- ]term archive|\bLTA\b|not available for download", re.I)
OFFLINE_STATUSES = (400, 403, 404, 409, 410, 422, 503)  # with OFFLINE_WORDS in the body; 202 alone too
MAX_NAME = 200  # characters of a file name
UUID_RE = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
MD5_RE = re.compile(r"^[0-9a-f]{32}$")


@dataclass(frozen=True)
class DownloadItem:
    product_id: str
    name: str
    checksum_md5: Optional[str] = None
    size_bytes: Optional[int] = None  # the catalogue's ContentLength; 0 or None = unknown
    online: bool = True


def valid_product_id(value):
    """True for a Copernicus product id (a UUID such as ``0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0``)."""
    return isinstance(value, str) and bool(UUID_RE.match(value))


def valid_md5(value):
    """The MD5 as 32 lower-case hexadecimal digits, or None when ``value`` is not one."""
    text = str(value or "").strip().lower()
    return text if MD5_RE.match(text) else None


def _sanitised(name):
    return re.sub(r"[^A-Za-z0-9._+-]", "_", name or "").strip("._ ")


def _with_suffix(name):
    return name if name.lower().endswith(FILE_SUFFIXES) else name + ".zip"


def product_filename(name, product_id=""):
    """The file name for a product: its plain name when that is already safe, else the sanitised name
    with ``_<product id>`` (see the module docstring). Deterministic: the same product always gets the
    same name."""
    safe = _sanitised(name)
    if safe and safe == name and len(_with_suffix(safe)) <= MAX_NAME:
        return _with_suffix(safe)
    return own_filename(name, product_id)


def own_filename(name, product_id):
    """``<sanitised name, cut>_<product id><extension>``: a file name no other product id can get."""
    ident = re.sub(r"[^A-Za-z0-9-]", "_", str(product_id or ""))[:64]
    full = _with_suffix(_sanitised(name)) if _sanitised(name) else ".zip"
    extension = next((s for s in FILE_SUFFIXES if full.lower().endswith(s)), "")
    stem = full[:len(full) - len(extension)].rstrip("._ ")
    stem = stem[:max(0, MAX_NAME - len(ident) - len(extension) - 1)]
    return f"{stem}_{ident}{extension}" if stem else f"{ident}{extension}"


def downloaded_path(folder: str, name: str, product_id: str) -> str:
    """Where a product's downloaded file is, or would be: its own name when that file exists, else its
    plain name (see the module docstring)."""
    own = os.path.join(folder, own_filename(name, product_id))
    return own if os.path.isfile(own) else os.path.join(folder, product_filename(name, product_id))


def file_md5(path, chunk=1 << 20):
    return file_digest(path, hashlib.md5(), chunk).hexdigest()


def _offline_message(name):
    return tr("{0} is offline (in the long-term archive) and cannot be downloaded over OData now: order it from "
              "the Copernicus Data Space browser, then download it again once it is online.").format(name)


class Downloader(DownloadEngine):
    """Downloads batches of CDSE products; see the module docstring for the guarantees.

    ``tokens`` is a :class:`~.cdse_auth.TokenManager` (anything with ``access_token()`` and
    ``invalidate(token)``); it is the credential of the download URL's origin and of
    ``trusted_origins``. The other arguments are the engine's (:class:`~.download.DownloadEngine`).
    """

    i18n_context = "EoOrderCdseDownload"
    service = SERVICE

    support = SUPPORT

    def __init__(self, tokens: Any, out_dir: Union[str, "os.PathLike[str]"], *, download_url: str = DOWNLOAD_URL,
                 trusted_origins: Iterable[str] = TRUSTED_ORIGINS,
                 session_factory: Callable[[], requests.Session] = new_session, concurrency: int = MAX_CONCURRENCY,
                 retries: int = 3, backoff: float = 2.0, max_backoff: float = 60.0, rate_limit_wait: float = 60.0,
                 max_rate_limit_waits: int = 20, sleep: Optional[Callable[[float], None]] = None,
                 chunk: int = 1 << 20, timeout: Any = DEFAULT_TIMEOUT, fsync: bool = True,
                 stall_window: float = STALL_WINDOW, min_rate: float = MIN_RATE) -> None:
        if not 1 <= int(concurrency) <= MAX_CONCURRENCY:
            raise ValueError(tr("concurrency must be 1..{0} (CDSE allows {0} connections)").format(MAX_CONCURRENCY))
        self.tokens = tokens
        # the Products endpoint, or the OData service root (…/odata/v1); never a password in the URL
        self.download_url = products_url(refuse_userinfo(download_url))
        self.download_url = self.download_url.rstrip("/")
        credential = TokenCredential(tokens)
        credentials = OriginCredentials((origin, credential) for origin in trusted_origins)
        super().__init__(out_dir, credentials=credentials.plus(self.download_url, credential),
                         session_factory=session_factory, concurrency=concurrency, retries=retries,
                         backoff=backoff, max_backoff=max_backoff, rate_limit_wait=rate_limit_wait,
                         max_rate_limit_waits=max_rate_limit_waits, sleep=sleep or time.sleep, chunk=chunk,
                         timeout=timeout, fsync=fsync, stall_window=stall_window, min_rate=min_rate)

    def product_url(self, product_id: str) -> str:
        return f"{self.download_url}({quote(str(product_id), safe='')})/$value"

    def is_trusted(self, url: str) -> bool:
        """May the Bearer token be sent to ``url``? Only to a trusted origin: same scheme, a matching
        host and the same port (never to the right host on another port, nor over plain http when the
        download URL is https)."""
        return self.credential_for(url, self.download_url) is not None

    def offline_reply(self, request: DownloadRequest, status: int, body: bytes) -> Optional[str]:
        if status == 202 or (status in OFFLINE_STATUSES and OFFLINE_WORDS.search(body)):
            return _offline_message(request.name)
        return None

    def run(self, items: Iterable[DownloadItem],  # type: ignore[override]  # Copernicus items, not any request
            progress: Optional[Callable[[Progress], None]] = None,
            cancelled: Optional[Callable[[], bool]] = None,
            on_product_done: Optional[Callable[[Outcome], None]] = None) -> List[Outcome]:
        """Download ``items`` (:class:`DownloadItem`); returns their outcomes in the same order
        (duplicate ids once). See :meth:`DownloadEngine.run`; ``on_product_done`` is its ``on_done``."""
        return super().run([self.request_for(item) for item in items], progress, cancelled, on_product_done)

    def request_for(self, item: DownloadItem) -> DownloadRequest:
        """The engine's :class:`~.download.DownloadRequest` for a product."""
        name = item.name
        if not valid_product_id(item.product_id):
            return DownloadRequest(item.product_id, name, "", "", unavailable=(FAILED, (
                tr(
                    "{0}: its id {1!r} is not a Copernicus product id (a UUID such as "
                    "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0), so it was not requested: search the "
                    "catalogue again for this product.").format(
                    name or tr('A product'), str(item.product_id)[:80]))))

        if not item.online:
            return DownloadRequest(item.product_id, name, "", "", unavailable=(OFFLINE, _offline_message(name)))
        md5 = valid_md5(item.checksum_md5)
        note = ""
        if item.checksum_md5 and md5 is None:
            note = (f" (the catalogue's MD5 {str(item.checksum_md5).strip()[:40]!r} is not 32 hexadecimal digits: "
                    "ignored)")
        return DownloadRequest(item.product_id, name, self.product_url(item.product_id),
                               product_filename(name, item.product_id), own_filename(name, item.product_id),
                               checksum=Checksum("md5", md5) if md5 else None, size=item.size_bytes or None,
                               note=note)


__all__ = [
    "CANCELLED", "DONE_STATUSES", "DOWNLOAD_URL", "FAILED", "MAX_REDIRECTS", "OFFLINE", "SKIPPED", "UNVERIFIED",
    "VERIFIED", "WATCH_EVERY", "DownloadItem", "Downloader", "Outcome", "Progress", "downloaded_path", "file_md5",
    "format_bytes", "format_duration", "own_filename", "product_filename", "valid_md5",
    "valid_product_id",
]
