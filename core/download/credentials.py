"""Credentials per trusted origin: who gets an ``Authorization`` header, and which.

An origin is ``scheme://host[:port]`` (the port defaults to the scheme's; the host may be a
``*.`` pattern such as ``*.dataspace.copernicus.eu``). A request gets the credential of the first
origin it matches: same scheme, a matching host and the same port. Never the right host on another
port, and never over plain http when the download started on https. Any other URL (a pre-signed
storage URL after a redirect, say) gets no credentials at all.
"""

import base64
from fnmatch import fnmatchcase
from typing import Any, Dict, Iterable, Optional, Tuple
from urllib.parse import urlsplit

from ..errors import remember_secret
from ..i18n import tr_noop, translate


def tr(text: str) -> str:
    return translate("EoOrderDownload", text)

DEFAULT_PORTS = {"http": 80, "https": 443}


def origin_of(url: object) -> Optional[Tuple[str, str, int]]:
    """``(scheme, host, port)`` of a URL (host may be a ``*.`` pattern); None when unusable."""
    try:
        parts = urlsplit(str(url))
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS or not parts.hostname:
        return None
    return scheme, parts.hostname.lower(), port or DEFAULT_PORTS[scheme]


class TokenCredential:
    """A Bearer token from a token manager (anything with ``access_token()`` and
    ``invalidate(token)``, such as the Copernicus :class:`~..cdse_auth.TokenManager`): a 401
    invalidates the token, and the next attempt gets a fresh one."""

    what = tr_noop("access token")

    def __init__(self, tokens: Any) -> None:
        self.tokens = tokens

    def headers(self) -> Dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens.access_token()}"}

    def invalidate(self, headers: Dict[str, str]) -> None:
        self.tokens.invalidate(headers["Authorization"][len("Bearer "):])


class BearerCredential:
    """A fixed Bearer token (e.g. from a QGIS auth config)."""

    what = tr_noop("access token")

    def __init__(self, token: str) -> None:
        remember_secret(token)
        self._header = f"Bearer {token}"

    def headers(self) -> Dict[str, str]:
        return {"Authorization": self._header}

    def invalidate(self, headers: Dict[str, str]) -> None:
        pass  # nothing to refresh: the retry sends it once more, then the item fails


class BasicCredential:
    """HTTP Basic from a username and password (e.g. a QGIS auth config of method Basic)."""

    what = tr_noop("username/password")

    def __init__(self, username: str, password: str) -> None:
        remember_secret(password)
        raw = f"{username}:{password}".encode()
        self._header = "Basic " + base64.b64encode(raw).decode("ascii")
        remember_secret(self._header[len("Basic "):])

    def headers(self) -> Dict[str, str]:
        return {"Authorization": self._header}

    def invalidate(self, headers: Dict[str, str]) -> None:
        pass


class OriginCredentials:
    """``[(origin, credential), …]``: the credential each trusted origin gets (first match wins)."""

    def __init__(self, pairs: Iterable[Tuple[str, Any]] = ()) -> None:
        self._pairs = tuple((o, credential) for o, credential in ((origin_of(url), c) for url, c in pairs) if o)

    def __bool__(self) -> bool:
        return bool(self._pairs)

    def plus(self, url: str, credential: Any) -> "OriginCredentials":
        """These pairs and ``url``'s origin with ``credential`` (at the end)."""
        combined = OriginCredentials()
        own = origin_of(url)
        combined._pairs = self._pairs + (((own, credential),) if own else ())
        return combined

    def for_url(self, url: str, https_only: bool = False) -> Any:
        """The credential ``url`` may get, or None. ``https_only``: never over plain http."""
        origin = origin_of(url)
        if origin is None or (https_only and origin[0] != "https"):
            return None
        scheme, host, port = origin
        for (s, pattern, p), credential in self._pairs:
            if scheme == s and port == p and fnmatchcase(host, pattern):
                return credential
        return None
