"""The retry policy: what one failed attempt means for the next.

An attempt ends with an outcome or raises one of the signals below; :class:`RetryPolicy` decides:
``Retry`` (5xx, 408, broken connection, short body) waits ``backoff * 2**(n-1)`` seconds (at most
``max_backoff``) and resumes, at most ``retries`` consecutive failed attempts without progress;
``RateLimited`` (429) waits for Retry-After (else ``rate_limit_wait``), at most
``max_rate_limit_waits`` times; ``Unauthorized`` (401) refreshes the credentials once;
``ChecksumMismatch`` deletes the part and starts again once.
"""

import time
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Optional

from ..i18n import tr_noop, translate


def tr(text):
    return translate("EoOrderDownload", text)


MAX_RETRY_AFTER = 900.0  # never wait longer than this for one 429


class Retry(Exception):
    def __init__(self, message, progressed=False):
        super().__init__(message)
        self.message = message
        self.progressed = progressed


class RateLimited(Exception):
    def __init__(self, after):
        super().__init__(after)
        self.after = after


class Unauthorized(Exception):
    """HTTP 401 to a request that carried ``headers`` from ``credential``."""

    def __init__(self, credential, headers):
        super().__init__("HTTP 401")
        self.credential = credential
        self.headers = headers


class ChecksumMismatch(Exception):
    def __init__(self, checksum, actual):
        super().__init__(checksum, actual)
        self.checksum = checksum
        self.actual = actual


class Final(Exception):
    """The attempt's outcome is decided: ``status`` with ``message``; the part is kept or not."""

    def __init__(self, status, message, keep_part=False):
        super().__init__(message)
        self.status = status
        self.message = message
        self.keep_part = keep_part


class Stopped(Exception):
    """Cancel (or a batch that must stop): the item ends as cancelled, its part kept."""


class LoginFailed(Exception):
    """The credentials could not be had (rejected login, no answer): ends the whole batch."""

    def __init__(self, error):
        super().__init__(str(error))
        self.error = error


@dataclass
class AttemptState:
    """What the attempts of one item have seen so far."""

    failures: int = 0
    rate_waits: int = 0
    auth_retried: bool = False
    checksum_restarted: bool = False
    transferred: int = 0


@dataclass(frozen=True)
class Verdict:
    """What to do after a failed attempt: wait ``delay`` seconds and try again, or end with
    ``(message, keep_part, checksum_ok)`` as a failure."""

    delay: float = 0.0
    failure: Optional[str] = None
    keep_part: bool = True
    checksum_ok: Optional[bool] = None


class RetryPolicy:
    def __init__(self, service, support, retries=3, backoff=2.0, max_backoff=60.0, rate_limit_wait=60.0,
                 max_rate_limit_waits=20):
        self.service = service
        self.support = support
        self.retries = retries
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.rate_limit_wait = rate_limit_wait
        self.max_rate_limit_waits = max_rate_limit_waits

    def after(self, signal, state, name):
        """The :class:`Verdict` for one of the signals above (not Final/Stopped/LoginFailed)."""
        handler = {Retry: self._retry, RateLimited: self._rate_limited, Unauthorized: self._unauthorized,
                   ChecksumMismatch: self._mismatch}[type(signal)]
        return handler(signal, state, name)

    def _retry(self, signal, state, name):
        state.failures = 1 if signal.progressed else state.failures + 1
        if state.failures > self.retries:
            return Verdict(failure=tr(
                "{0} Gave up after {1} attempts: run the download again later (it resumes).").format(
                signal.message, state.failures))
        return Verdict(delay=min(self.max_backoff, self.backoff * 2 ** (state.failures - 1)))

    def _rate_limited(self, signal, state, name):
        state.rate_waits += 1
        if state.rate_waits > self.max_rate_limit_waits:
            return Verdict(failure=tr(
                "{0} kept answering 'too many requests' (HTTP 429) for {1}: run the download again later "
                "(it resumes).").format(
                self.service, name))
        return Verdict(delay=signal.after if signal.after is not None else self.rate_limit_wait)

    def _unauthorized(self, signal, state, name):
        if state.auth_retried:
            what = tr(getattr(signal.credential, "what", tr_noop("credentials")))
            return Verdict(failure=tr(
                "{0} refused the {1} for {2} (HTTP 401) even after a refresh: check that your account "
                "may download it, then run the download again.").format(
                self.service, what, name))
        state.auth_retried = True
        signal.credential.invalidate(signal.headers)
        return Verdict()

    def _mismatch(self, signal, state, name):
        if state.checksum_restarted:
            label = signal.checksum.label
            return Verdict(failure=tr(
                "{0}: the downloaded file's {1} ({2}) differs from the catalogue's ({3}) twice; the file "
                "was deleted. Report it to {4} or try again later.").format(
                name, label, signal.actual, signal.checksum.hexdigest, self.support),
                keep_part=False, checksum_ok=False)
        state.checksum_restarted = True
        return Verdict()


def retry_after(value):
    """Seconds from a Retry-After header (delta-seconds or HTTP date); None when absent/unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), MAX_RETRY_AFTER)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return min(max(0.0, when.timestamp() - time.time()), MAX_RETRY_AFTER)
