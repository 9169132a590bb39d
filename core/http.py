"""HTTP plumbing: one requests session per operation, failures as clear errors.

Protocol clients call :func:`send` and get a streaming ``requests.Response`` with
a 2xx status, or an :class:`~.errors.EoOrderError` that says what failed.
"""

import requests

from . import __version__
from .errors import AuthError, HttpError, NetworkError, ServiceError
from .xmlsafe import html_message, looks_like_html, parse_bytes

USER_AGENT = f"EO-Order-QGIS-plugin/{__version__}"
DEFAULT_TIMEOUT = (15, 120)  # (connect, read) seconds
ERROR_BODY_LIMIT = 1 << 20


def new_session():
    session = requests.Session()
    session.headers["User-Agent"] = USER_AGENT
    return session


def send(session, method, url, what, *, auth_hint="", timeout=DEFAULT_TIMEOUT, **kwargs):
    """Send a request, stream the reply, and turn every failure into a clear error.

    ``what`` names the service in messages ("EODMS RCM catalogue"); ``auth_hint``
    tells the user where to fix credentials ("auth config abc1234").
    """
    try:
        response = session.request(method, url, stream=True, timeout=timeout, **kwargs)
    except requests.exceptions.Timeout:
        raise NetworkError(
            f"{what} at {url} did not answer within {timeout[1] if isinstance(timeout, tuple) else timeout} s. "
            "The server may be busy: try again later or ask for fewer records per page."
        ) from None
    except requests.exceptions.InvalidURL:
        raise NetworkError(f"{url!r} is not a valid URL for {what}.") from None
    except (requests.exceptions.MissingSchema, requests.exceptions.InvalidSchema):
        raise NetworkError(f"{url!r} is not a valid URL for {what}: it needs http:// or https://.") from None
    except requests.exceptions.ConnectionError as exc:
        raise NetworkError(
            f"Could not connect to {what} at {url} ({_reason(exc)}). "
            "Check the URL and your network or proxy settings."
        ) from None
    except requests.exceptions.RequestException as exc:
        raise NetworkError(f"Request to {what} at {url} failed: {_reason(exc)}") from None
    if response.status_code >= 400:
        raise _http_error(response, what, url, auth_hint)
    return response


def read_body(response, limit=None):
    """Read a streamed body (up to ``limit`` bytes), mapping broken streams to NetworkError."""
    try:
        if limit is None:
            return response.content
        data = bytearray()
        for chunk in response.iter_content(65536):
            data += chunk
            if len(data) >= limit:
                break
        return bytes(data)
    except requests.exceptions.RequestException as exc:
        raise NetworkError(f"The connection broke while reading {response.url}: {_reason(exc)}") from None
    finally:
        response.close()


def _http_error(response, what, url, auth_hint):
    status = response.status_code
    body = read_body(response, ERROR_BODY_LIMIT)
    error = None
    if body.lstrip().startswith(b"<") and not looks_like_html(body):
        try:
            parse_bytes(body, what)
        except (ServiceError, AuthError) as exc:  # SOAP fault or OWS exception with an error status
            error = exc
        except Exception:  # noqa: BLE001 - an unreadable error body adds nothing
            pass
    if status in (401, 403) or isinstance(error, AuthError):
        where = f" in {auth_hint}" if auth_hint else ""
        detail = f", {getattr(error, 'detail', error)}" if error else ""
        return AuthError(
            f"{what} rejected the username/password{where} (HTTP {status}{detail}). "
            "Check the credentials in QGIS' authentication settings.",
            status,
        )
    if error is not None:
        return error
    if looks_like_html(body):
        return HttpError(f"HTTP {status} {response.reason} from {what}: " + html_message(body, what), status)
    excerpt = " ".join(body[:200].decode("utf-8", "replace").split())
    advice = "The server has a problem: try again later." if status >= 500 else "Check the URL and parameters."
    return HttpError(
        f"{what} answered HTTP {status} {response.reason} for {url}. {advice}"
        + (f" Server said: {excerpt}" if excerpt else ""),
        status,
    )


def _reason(exc):
    text = str(exc.args[0]) if exc.args else exc.__class__.__name__
    inner = getattr(exc.args[0], "reason", None) if exc.args else None
    if inner is not None:
        text = str(inner)
    return text.split(": ", 1)[-1][:200]

