"""The verified download engine, along its seams:

- :mod:`.model` – requests, checksums, outcomes, progress snapshots;
- :mod:`.part_file` – the ``.part`` writer and its ``.meta`` (If-Range validators);
- :mod:`.credentials` – which origin gets which credential;
- :mod:`.http_attempt` – one HTTP attempt (redirects, statuses, error pages, size cap, stalls);
- :mod:`.retry` – the retry policy (429, 401, 5xx/broken with backoff);
- :mod:`.batch` – batch accounting (per-host limit, progress, callbacks, login once);
- :mod:`.engine` – :class:`DownloadEngine`, which ties them together.

Catalogue layers sit on top: ``core/cdse_download.py`` (Copernicus products) and
``core/stac_download.py`` (STAC assets).
"""

from .credentials import BasicCredential, BearerCredential, OriginCredentials, TokenCredential, origin_of
from .engine import MIN_RATE, STALL_WINDOW, DownloadEngine
from .http_attempt import MAX_REDIRECTS, WATCH_EVERY
from .model import (
    CANCELLED,
    DONE_STATUSES,
    FAILED,
    OFFLINE,
    SKIPPED,
    UNVERIFIED,
    VERIFIED,
    Checksum,
    DownloadRequest,
    Outcome,
    Progress,
    format_bytes,
    format_duration,
)

__all__ = [
    "CANCELLED", "DONE_STATUSES", "FAILED", "MAX_REDIRECTS", "MIN_RATE", "OFFLINE", "SKIPPED", "STALL_WINDOW",
    "UNVERIFIED", "VERIFIED", "WATCH_EVERY", "BasicCredential", "BearerCredential", "Checksum", "DownloadEngine",
    "DownloadRequest", "OriginCredentials", "Outcome", "Progress", "TokenCredential", "format_bytes",
    "format_duration", "origin_of",
]
