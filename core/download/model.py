"""What the download engine takes and gives: requests, checksums, outcomes, progress snapshots."""

import hashlib
from dataclasses import dataclass
from typing import Any, Callable, Optional, Tuple

from ..errors import redact
from ..i18n import translate


def tr(text: str) -> str:
    return translate("EoOrderDownload", text)


VERIFIED = "verified"  # complete, checksum matches the catalogue's
UNVERIFIED = "unverified"  # complete (length as announced), but no checksum to check
SKIPPED = "skipped"  # already on disk and verified: nothing downloaded
OFFLINE = "offline"  # not downloadable now (e.g. Copernicus' long-term archive)
FAILED = "failed"
CANCELLED = "cancelled"  # by the user; the .part is kept for the next run
DONE_STATUSES = frozenset({VERIFIED, UNVERIFIED, SKIPPED})

ALGORITHM_LABELS = {"md5": "MD5", "sha1": "SHA-1", "sha256": "SHA-256", "sha512": "SHA-512", "blake3": "BLAKE3"}


@dataclass(frozen=True)
class Checksum:
    """An expected digest: ``algorithm`` (a hashlib name, or ``blake3``) and ``hexdigest`` (lower case)."""

    algorithm: str
    hexdigest: str

    @property
    def label(self) -> str:
        return ALGORITHM_LABELS.get(self.algorithm, self.algorithm.upper())

    def available(self) -> bool:
        """False when this Python cannot compute the algorithm (BLAKE3 without the blake3 package)."""
        try:
            self.new_hasher()
        except ImportError:
            return False
        return True

    def new_hasher(self) -> Any:
        """A hashlib-style object (``update``, ``hexdigest``); ImportError for BLAKE3 without its package."""
        if self.algorithm == "blake3":
            import blake3  # noqa: PLC0415 - optional, not shipped with QGIS

            return blake3.blake3()
        return hashlib.new(self.algorithm)


@dataclass(frozen=True)
class DownloadRequest:
    """One file to download.

    ``item_id`` identifies it in outcomes and callbacks (unique in a batch); ``name`` is what messages
    call it; ``filename`` is its path under the download folder (may contain a sub-folder, ``/``
    separated) and ``own_filename`` a path no other item can get (used when ``filename`` is taken by
    another item's file; empty: ``filename`` is already the item's own). ``checksum`` and ``size``
    are what the catalogue promises (the size is a hard cap and a completeness check). ``sign``, when
    given, turns ``url`` into the URL actually requested, at each attempt (e.g. appending a SAS token
    that may expire during a long batch). ``note`` ends the outcome's message. ``unavailable``
    ``(status, message)`` reports the item at once, without any request."""

    item_id: str
    name: str
    url: str
    filename: str
    own_filename: str = ""
    checksum: Optional[Checksum] = None
    size: Optional[int] = None
    note: str = ""
    unavailable: Optional[Tuple[str, str]] = None
    sign: Optional[Callable[[str], str]] = None


@dataclass(frozen=True)
class Outcome:
    item_id: str
    name: str
    status: str  # one of VERIFIED, UNVERIFIED, SKIPPED, OFFLINE, FAILED, CANCELLED
    bytes: int  # size of the file (final, or the .part left behind)
    checksum_ok: Optional[bool]  # True: checked and equal; False: mismatch; None: not checked
    path: Optional[str]  # final file when done, the .part when one is left, else None
    message: str
    transferred: int = 0  # bytes received over the network for this item in this run

    def __post_init__(self):
        # it may quote a server's error body: no tokens in result tables
        object.__setattr__(self, "message", redact(self.message))

    @property
    def done(self) -> bool:
        """True when the file is on disk and may be marked Downloaded."""
        return self.status in DONE_STATUSES

    @property
    def product_id(self) -> str:
        """The item id (the Copernicus layer's name for it)."""
        return self.item_id

    @property
    def md5_ok(self) -> Optional[bool]:
        """``checksum_ok`` under the Copernicus layer's name."""
        return self.checksum_ok


@dataclass(frozen=True)
class Progress:
    """A snapshot passed to the ``progress`` callback (from worker threads, one call at a time).
    "Product" means one download item (a Copernicus product, a STAC asset)."""

    product_id: str
    name: str
    product_bytes: int  # bytes of this item on disk (a resumed part counts)
    product_total: Optional[int]  # its size, when known
    done_bytes: int  # all items: bytes on disk
    total_bytes: Optional[int]  # all items: sum of sizes, None while one is unknown
    rate: float  # bytes received per second in this run
    eta: Optional[float]  # seconds to go at that rate, when total_bytes is known
    products_done: int  # items finished, whatever their outcome
    products_total: int

    @property
    def fraction(self) -> float:
        """0..1 over all items: bytes when all sizes are known, else finished items."""
        if self.total_bytes:
            return min(1.0, self.done_bytes / self.total_bytes)
        return self.products_done / self.products_total if self.products_total else 1.0

    def summary(self) -> str:
        """``2 of 5 done · 1.2 GB of 3.4 GB · 18.5 MB/s · 2 min left``"""
        parts = [tr("{0} of {1} done").format(self.products_done, self.products_total)]
        if self.total_bytes:
            parts.append(tr("{0} of {1}").format(format_bytes(self.done_bytes), format_bytes(self.total_bytes)))
        else:
            parts.append(format_bytes(self.done_bytes))
        if self.rate > 0:
            parts.append(f"{format_bytes(self.rate)}/s")
        if self.eta is not None and self.products_done < self.products_total:
            parts.append(tr("{0} left").format(format_duration(self.eta)))
        return " · ".join(parts)


def format_bytes(count: Optional[float]) -> str:
    """``512 B``, ``1.5 kB``, ``18.5 MB``, ``3.4 GB`` (decimal units, as download sizes are quoted)."""
    count = float(count or 0)
    for unit in ("B", "kB", "MB"):
        if count < 1000:
            return f"{count:.0f} {unit}" if unit == "B" else f"{count:.1f} {unit}"
        count /= 1000
    return f"{count:.1f} GB"


def format_duration(seconds: float) -> str:
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min {seconds % 60:02d} s"
    return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"
