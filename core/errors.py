"""Errors the plugin shows to users, and the redaction every shown text goes through.

Every failure that reaches a user is an :class:`EoOrderError` whose text says what
failed and what to do. Texts never contain credentials: callers pass auth-config
ids, never usernames or passwords, into these messages, and every message is passed
through :func:`redact` when the error is made, because parts of it are quoted from
servers (error pages, OWS exception texts, JSON details) that may echo what we sent:
a proxy that copies the request headers into its 500 page, a SOAP fault quoting the
envelope with its WS-Security password.

:func:`strip_userinfo` is the one function that removes ``user:password@`` from a URL
before the URL is shown or stored anywhere.
"""

import re
from typing import Any, List, Optional
from urllib.parse import quote, urlsplit, urlunsplit

from .i18n import translate


def tr(text):
    return translate("EoOrderErrors", text)


REDACTED = "***"

# --- secrets in use ------------------------------------------------------------------------

_SECRETS = set()


def remember_secret(value):
    """Register a password or token in use so that :func:`redact` removes it from any text,
    however a server quotes it. Values shorter than 6 characters are not registered (they
    would blank ordinary words). Only kept in memory, like the secret itself."""
    if isinstance(value, str) and len(value.strip()) >= 6:
        _SECRETS.add(value)
        encoded = quote(value, safe="")
        if encoded != value:
            _SECRETS.add(encoded)


# --- patterns --------------------------------------------------------------------------------

_KEYS = r"(?:access_token|refresh_token|id_token|token|password|passwd|pwd|client_secret|secret|api_key|apikey|totp)"
_PATTERNS = (
    # URL user-info: scheme://user:pass@host → scheme://host
    (re.compile(r"(\b[a-z][a-z0-9+.-]*://)[^/?#\s@'\"<>]*@", re.IGNORECASE), r"\1"),
    # Authorization / Proxy-Authorization header values, as headers, JSON or form fields
    (re.compile(r"((?:proxy-)?authorization[\"']?\s*[:=]\s*[\"']?)"
                r"(?:(Bearer|Basic|Digest|Negotiate|Token)\s+[^\s\"'<>&,;]+|[^\r\n\"'<>&]+)", re.IGNORECASE),
     lambda m: m.group(1) + (m.group(2) + " " if m.group(2) else "") + REDACTED),
    # Bearer tokens anywhere
    (re.compile(r"\b(Bearer)\s+[A-Za-z0-9._~+/=-]{8,}", re.IGNORECASE), r"\1 " + REDACTED),
    # Basic credentials (base64: needs an upper-case letter and a digit or '=', so prose survives)
    (re.compile(r"\b(Basic)\s+(?=[A-Za-z0-9+/]*[0-9=])(?=[A-Za-z0-9+/]*[A-Z])[A-Za-z0-9+/]{8,}={0,2}"),
     r"\1 " + REDACTED),
    # JWTs (header.payload.signature, the header always starts with eyJ: '{"')
    (re.compile(r"\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*"), REDACTED),
    # JSON / Python-literal fields: "password": "…"
    (re.compile(rf"([\"']{_KEYS}[\"']\s*:\s*[\"'])[^\"']*", re.IGNORECASE), r"\1" + REDACTED),
    # XML elements: <wsse:Password …>…</…>
    (re.compile(rf"(<(?:[\w.-]+:)?{_KEYS}\b[^>]*>)[^<]*", re.IGNORECASE), r"\1" + REDACTED),
    # form fields and query strings: password=…&
    (re.compile(rf"(?<![\w-])({_KEYS}=)[^&\s\"'<>#]+", re.IGNORECASE), r"\1" + REDACTED),
    # header- or YAML-like lines: password: … (at a line start only, so prose such as
    # "a username and password: choose …" is left alone)
    (re.compile(rf"^(\s*[\"']?{_KEYS}[\"']?\s*:\s*)[^\s\"'<>,;]+", re.IGNORECASE | re.MULTILINE),
     r"\1" + REDACTED),
)


def redact(text):
    """``text`` with secrets removed: the passwords and tokens in use (see
    :func:`remember_secret`), ``Authorization`` values, ``Bearer``/``Basic`` credentials,
    JWTs, ``access_token``/``refresh_token``/``password`` values (JSON, XML, form, query
    string, header lines) and URL user-info. Apply it to anything quoted from a server."""
    if not isinstance(text, str) or not text:
        return text
    for secret in sorted(tuple(_SECRETS), key=len, reverse=True):
        if secret in text:
            text = text.replace(secret, REDACTED)
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


def strip_userinfo(url):
    """``url`` without ``user:password@`` (any scheme); other text is returned unchanged."""
    if not isinstance(url, str) or "@" not in url:
        return url
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        parts = None
    if parts is not None and parts.scheme and "@" in parts.netloc:
        return urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))
    return _PATTERNS[0][0].sub(r"\1", url)


def has_userinfo(url):
    """True when ``url`` carries ``user[:password]@`` before its host."""
    return isinstance(url, str) and "@" in url and strip_userinfo(url.strip()) != url.strip()


# --- errors ----------------------------------------------------------------------------------


class EoOrderError(Exception):
    """A failure with a message fit for the QGIS message bar (always :func:`redact`-ed).

    The message arrives translated (the raising module's ``tr()``, see :mod:`.i18n`); redaction runs
    here, on the translated text, so a secret quoted from a server is removed in every language.

    A search or batch that fails part-way may attach what it got before the error (declared here for
    the type checker only; absent unless set): ``result`` (a search's partial result), ``results``
    and ``not_attempted`` (an order batch's attempted results and the scenes never sent)."""

    result: Any
    results: List[Any]
    not_attempted: List[Any]

    def __init__(self, message: str = "", *args: Any) -> None:
        super().__init__(_sentence(redact(message)), *args)


def _sentence(text: str) -> str:
    """A message starts with a capital letter: many begin with a service's name ("WCS server …"),
    which a translation may make a common noun ("serveur WCS a signalé …")."""
    return text[:1].upper() + text[1:] if text[:1].islower() else text


class InputError(EoOrderError):
    """The user's input is invalid (box, dates, URL...)."""


class NetworkError(EoOrderError):
    """The server could not be reached, timed out or broke the connection."""


class HttpError(EoOrderError):
    """The server answered with an HTTP error status."""

    def __init__(self, message: str, status: Optional[int] = None) -> None:
        super().__init__(message)
        self.status = status


class AuthError(HttpError):
    """The server rejected the credentials (or none were given)."""


class ServiceError(EoOrderError):
    """The service answered with an OWS exception or a SOAP fault."""

    def __init__(self, message, code=None, locator=None):
        super().__init__(message)
        self.code = code
        self.locator = locator


class ResponseError(EoOrderError):
    """The reply is not what the protocol promises (HTML page, malformed XML...)."""


def refuse_userinfo(url, what=None):
    """Raise :class:`InputError` when ``url`` carries ``user:password@``: EO Order never keeps a
    password in a URL (it would end up in connection and layer names, exported ``catalog`` fields,
    the search history, query logs and messages). Credentials belong in a QGIS auth config."""
    if has_userinfo(url):
        raise InputError(tr(
            "The URL {0} for {1} contains a username and password (user:password@). EO Order does not keep "
            "passwords in URLs, where they would end up in names, files and logs: remove them from the URL and "
            "choose or create a QGIS authentication configuration (Basic) for it instead."
        ).format(strip_userinfo(url.strip()), what or tr("this service")))
    return url


class Cancelled(EoOrderError):
    """The user cancelled the operation."""

    def __init__(self, message: Optional[str] = None) -> None:
        super().__init__(tr("Cancelled by the user.") if message is None else message)
