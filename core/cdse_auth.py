"""Copernicus Data Space Ecosystem (CDSE) access tokens, shared by a batch of downloads.

One password login per batch, then refresh-token grants: CDSE allows 100 open sessions per user and
every password login opens one, so logging in per request gets accounts banned (docs/copernicus.md).
The access token lives 600 s and the refresh token 3600 s; :class:`TokenManager` refreshes a minute
before the access token expires and logs in again only when the refresh token is gone, expired or
rejected. It is thread-safe: the download threads share one manager.

Optionally the tokens live in a JSON file (``CopernicusDataspace_token.json``: the token endpoint's
reply, as written by the Copernicus download scripts); it is read once and rewritten atomically, mode
0600, whenever new tokens arrive. Tokens and passwords never appear in messages or logs.

A login or refresh that fails - credentials rejected, an HTML page or a server error instead of a
token, no answer - is tried once: the manager remembers the error and raises it again without asking
the server, so a batch of downloads ends with one clear message instead of one login per product.
The token endpoint's reply is read up to ``TOKEN_BODY_LIMIT`` bytes after decompression (a
compressed "bomb" is refused, not expanded in memory).
"""

import json
import os
import tempfile
import threading
import time
from typing import Any, Callable, Optional, Union

import requests

from .auth import Credentials
from .errors import (
    AuthError,
    EoOrderError,
    HttpError,
    NetworkError,
    ResponseError,
    redact,
    refuse_userinfo,
    remember_secret,
)
from .http import DEFAULT_TIMEOUT, new_session, read_capped
from .i18n import translate


def tr(text):
    return translate("EoOrderCdseAuth", text)


TOKEN_URL = "https://identity.dataspace.copernicus.eu/auth/realms/CDSE/protocol/openid-connect/token"
CLIENT_ID = "cdse-public"
SERVICE = "Copernicus Data Space"
REFRESH_MARGIN = 60.0  # seconds before the access token expires that it is refreshed
REFRESH_TOKEN_MARGIN = 5.0  # a refresh token this close to expiry is not worth trying
TOKEN_BODY_LIMIT = 1 << 20  # bytes of a token reply (Keycloak's are a few kB)


class TokenManager:
    """Hands out valid CDSE access tokens; one password login per batch, then refreshes.

    ``credentials`` (a :class:`~.auth.Credentials`) are needed for the password login unless the
    ``token_file`` holds a usable refresh token. ``totp`` is the one-time code of accounts with
    two-factor authentication (a string, or a callable returning the current code). ``auth_hint``
    names where the user fixes the credentials ("auth config abc1234"). ``clock`` is a monotonic
    clock in seconds (injectable for tests).
    """

    def __init__(self, token_url: str = TOKEN_URL, *, credentials: Optional[Credentials] = None,
                 token_file: Optional[Union[str, "os.PathLike[str]"]] = None,
                 session: Optional[requests.Session] = None, clock: Callable[[], float] = time.monotonic,
                 auth_hint: str = "", totp: Union[str, Callable[[], str], None] = None,
                 refresh_margin: float = REFRESH_MARGIN, timeout: Any = DEFAULT_TIMEOUT) -> None:
        self.token_url = refuse_userinfo(token_url, tr("the Copernicus login (token) service"))
        self.credentials = credentials
        self.token_file = os.fspath(token_file) if token_file is not None else None
        self.auth_hint = auth_hint
        self.totp = totp
        self.refresh_margin = refresh_margin
        self.timeout = timeout
        self.logins = 0
        self.refreshes = 0
        self._clock = clock
        self._session = session
        self._owns_session = session is None
        self._lock = threading.RLock()
        self._access: Optional[str] = None
        self._access_expires: Optional[float] = None  # clock time; None = unknown (used until the server says 401)
        self._refresh: Optional[str] = None
        self._refresh_expires: Optional[float] = None  # clock time; None = no expiry given
        self._file_loaded = False
        self._failed: Optional[EoOrderError] = None  # the error of a failed login or refresh: never tried twice

    # -- public -----------------------------------------------------------------------------

    def access_token(self) -> str:
        """A valid access token: cached, refreshed shortly before expiry, or from a new login.

        A failed login or refresh raises its error, and raises it again on every later call without
        asking the server (see the module docstring)."""
        with self._lock:
            if self._failed is not None:
                raise self._failed
            try:
                return self._access_token()
            except EoOrderError as exc:
                self._failed = exc
                raise

    def _access_token(self):
        with self._lock:
            if not self._file_loaded:
                self._file_loaded = True
                self._load_file()
            now = self._clock()
            if self._access and (self._access_expires is None or now < self._access_expires - self.refresh_margin):
                return self._access
            if self._refresh and (self._refresh_expires is None
                                  or now < self._refresh_expires - REFRESH_TOKEN_MARGIN):
                if self._refresh_grant():
                    return self._access
            self._login()
            return self._access

    def invalidate(self, token: Optional[str] = None) -> None:
        """Forget the access token (the server answered 401), so the next call refreshes it.

        Pass the token that was rejected: when several threads report the same stale token, only the
        first invalidation counts and the others get the already refreshed one.
        """
        with self._lock:
            if token is None or token == self._access:
                self._access = None
                self._access_expires = None

    def close(self) -> None:
        if self._owns_session and self._session is not None:
            self._session.close()
            self._session = None

    def __repr__(self):
        return f"TokenManager({self.token_url!r}, logins={self.logins}, refreshes={self.refreshes})"

    # -- grants -----------------------------------------------------------------------------

    def _login(self):
        if self.credentials is None:
            if self.token_file:
                raise AuthError(
                    tr(
                        "The {0} session in {1} has expired or was rejected, and no username/password is configured: "
                        "choose a QGIS authentication configuration (Basic) with your Copernicus Data "
                        "Space account.").format(
                        SERVICE, self.token_file)
                )
            raise AuthError(
                tr(
                    "{0} downloads need your account: choose or create a QGIS authentication configuration (Basic) "
                    "with your Copernicus Data Space username and password.").format(SERVICE)
            )
        form = {
            "client_id": CLIENT_ID,
            "grant_type": "password",
            "username": self.credentials.username,
            "password": self.credentials.password,
        }
        totp = self.totp() if callable(self.totp) else self.totp
        if totp:
            form["totp"] = str(totp)
        status, reply = self._post(form)
        if status == 200:
            self.logins += 1
            self._store(reply)
            return
        error = reply.get("error") if isinstance(reply, dict) else None
        if status == 401 or (status == 400 and error == "invalid_grant"):
            where = f" in {self.auth_hint}" if self.auth_hint else ""
            detail = _detail(reply)
            raise AuthError(
                tr(
                    "{0} rejected the username/password{1} (HTTP {2}{3}). Check the credentials (and the one-time "
                    "code if your account uses two-factor authentication) in QGIS' authentication settings.").format(
                    SERVICE, where, status, ', ' + detail if detail else ''),
                status,
            )
        raise self._status_error(status, reply, tr("Could not log in with {0}").format(SERVICE))

    def _refresh_grant(self):
        """True when the refresh worked; False when the refresh token was rejected (log in again)."""
        form = {"client_id": CLIENT_ID, "grant_type": "refresh_token", "refresh_token": self._refresh}
        status, reply = self._post(form)
        if status == 200:
            self.refreshes += 1
            self._store(reply)
            return True
        if status in (400, 401):
            self._refresh = self._refresh_expires = None
            return False
        raise self._status_error(status, reply, tr("Could not refresh the session with {0}").format(SERVICE))

    def _post(self, form):
        if self._session is None:
            self._session = new_session()
        try:
            response = self._session.post(self.token_url, data=form, timeout=self.timeout, allow_redirects=False,
                                          stream=True)
            body = read_capped(response, TOKEN_BODY_LIMIT, f"The {SERVICE} login service")
        except requests.exceptions.Timeout:
            raise NetworkError(
                tr(
                    "The {0} login service at {1} did not answer in time. Try again later.").format(
                    SERVICE, self.token_url)
            ) from None
        except requests.exceptions.RequestException as exc:
            raise NetworkError(
                tr(
                    "Could not reach the {0} login service at {1} ({2}). Check your network or proxy settings.").format(
                    SERVICE, self.token_url, type(exc).__name__)
            ) from None
        try:
            reply = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            reply = None
        if response.status_code == 200 and not (isinstance(reply, dict) and reply.get("access_token")):
            raise ResponseError(
                tr(
                    "The {0} login service at {1} did not answer with a token (maintenance page?). Try "
                    "again later.").format(
                    SERVICE, self.token_url)
            )
        return response.status_code, reply

    def _status_error(self, status, reply, action):
        detail = _detail(reply)
        advice = tr("The service has a problem: try again later.") if status >= 500 else tr("Check the token URL.")
        return HttpError(tr("{0}: the login service answered HTTP {1}{2}. {3}").format(
            action, status, " (" + detail + ")" if detail else "", advice), status)

    # -- token state and file ---------------------------------------------------------------

    def _store(self, reply, age=0.0, persist=True):
        now = self._clock()
        self._access = reply["access_token"]
        remember_secret(self._access)  # redacted from any text a server echoes it into
        expires_in = _number(reply.get("expires_in"))
        self._access_expires = now + expires_in - age if expires_in is not None else None
        if reply.get("refresh_token"):
            self._refresh = reply["refresh_token"]
            remember_secret(self._refresh)
            refresh_in = _number(reply.get("refresh_expires_in"))
            # Keycloak says 0 for tokens that do not expire (offline tokens).
            self._refresh_expires = now + refresh_in - age if refresh_in else None
        if persist and self.token_file:
            self._write_file(reply)

    def _load_file(self):
        if not self.token_file:
            return
        try:
            with open(self.token_file, encoding="utf-8") as handle:
                reply = json.load(handle)
            age = max(0.0, time.time() - os.path.getmtime(self.token_file))
        except (OSError, ValueError):
            return  # missing or unreadable: log in and write a fresh one
        if not isinstance(reply, dict) or not reply.get("access_token"):
            return
        if _number(reply.get("expires_in")) is None:
            reply = dict(reply, expires_in=0)  # age unknown: refresh before using it
        self._store(reply, age=age, persist=False)

    def _write_file(self, reply):
        folder = os.path.dirname(os.path.abspath(self.token_file))
        try:
            fd, tmp = tempfile.mkstemp(prefix=".token-", suffix=".tmp", dir=folder)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    json.dump(reply, handle)
                os.chmod(tmp, 0o600)
                os.replace(tmp, self.token_file)
            except BaseException:
                if os.path.exists(tmp):
                    os.unlink(tmp)
                raise
        except OSError as exc:
            raise EoOrderError(
                tr(
                    "Could not save the {0} session to {1} ({2}). Check that the folder exists and "
                    "is writable.").format(
                    SERVICE, self.token_file, exc.strerror)
            ) from None


def _number(value):
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _detail(reply):
    """The server's own explanation (Keycloak: error_description), never a token."""
    if not isinstance(reply, dict):
        return ""
    text = reply.get("error_description") or reply.get("error") or ""
    return redact(" ".join(str(text).split()))[:200]
