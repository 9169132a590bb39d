"""Safe XML parsing shared by every protocol client.

Parsers never resolve entities, never load DTDs and never touch the network, so
an XML external-entity payload from a hostile or broken server stays inert.
Error documents (OWS ExceptionReport, WCS 1.0 ServiceExceptionReport, SOAP
faults) become :class:`~.errors.ServiceError`; the server text they quote is
redacted (:func:`~.errors.redact`), since a fault may echo the request's password.
"""

from lxml import etree

from .errors import AuthError, ResponseError, ServiceError, redact

PARSER_OPTIONS = dict(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    dtd_validation=False,
    huge_tree=False,
    remove_blank_text=False,
)

SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/"
SOAP12 = "http://www.w3.org/2003/05/soap-envelope"


def local(tag):
    """Local part of a Clark-notation tag (``{ns}name`` → ``name``)."""
    if not isinstance(tag, str):  # comments, processing instructions
        return ""
    return tag.rpartition("}")[2]


def text_of(element):
    """Element text with whitespace runs collapsed ('' for None)."""
    if element is None or element.text is None:
        return ""
    return " ".join(element.text.split())


def pull_parser(events=("start", "end"), tag=None):
    """A safe incremental parser; ``tag`` limits events to those elements."""
    return etree.XMLPullParser(events=events, tag=tag, **PARSER_OPTIONS)


def parse_bytes(data, what="the server"):
    """Parse a whole (small) document safely; HTML and malformed XML → ResponseError."""
    if looks_like_html(data):
        raise ResponseError(html_message(data, what))
    try:
        root = etree.fromstring(data, etree.XMLParser(**PARSER_OPTIONS))
    except etree.XMLSyntaxError as exc:
        raise ResponseError(f"{what} sent malformed XML ({exc}).") from None
    if root is None:
        raise ResponseError(f"{what} sent an empty XML document.")
    raise_for_exception(root, what)
    return root


def looks_like_html(data):
    head = bytes(data[:512]).lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head[:200]


def html_message(data, what):
    """Describe an HTML page received where XML was expected, quoting its title."""
    title = ""
    lowered = bytes(data[:20000]).lower()
    start = lowered.find(b"<title")
    if start >= 0:
        start = lowered.find(b">", start) + 1
        end = lowered.find(b"</title", start)
        if end > start:
            title = redact(" ".join(bytes(data[start:end]).decode("utf-8", "replace").split()))
    hint = f' titled "{title[:120]}"' if title else ""
    return (
        f"{what} returned an HTML page{hint} instead of XML. The service may be down "
        "for maintenance or the URL may point to a web page: check the URL and try later."
    )


def exception_from(element, what="the server"):
    """The ServiceError for an error document rooted at ``element``, or None."""
    name = local(element.tag)
    if name in ("ExceptionReport", "ServiceExceptionReport"):
        parts, code, locator = [], None, None
        for exc in element.iter():
            lname = local(exc.tag)
            if lname in ("Exception", "ServiceException"):
                code = code or exc.get("exceptionCode") or exc.get("code")
                locator = locator or exc.get("locator")
                if lname == "ServiceException" and text_of(exc):
                    parts.append(text_of(exc))
            elif lname == "ExceptionText" and text_of(exc):
                parts.append(text_of(exc))
        detail = redact("; ".join(parts)) or "no exception text"
        where = f" (code {code}" + (f", locator {locator})" if locator else ")") if code else ""
        return ServiceError(f"{what} reported an error{where}: {detail}", code, locator)
    if name == "Fault" and element.tag.startswith(("{" + SOAP11, "{" + SOAP12)):
        code = text_of(element.find("faultcode")) or " ".join(
            text_of(e) for e in element.iter() if local(e.tag) == "Value"
        )
        reason = text_of(element.find("faultstring")) or " ".join(
            text_of(e) for e in element.iter() if local(e.tag) == "Text"
        )
        detail = redact(f"SOAP fault {code or '(no code)'}: {reason or 'no reason given'}")
        message = f"{what} answered with a {detail}"
        error = AuthError(message) if "FailedAuthentication" in code or "InvalidSecurity" in code \
            else ServiceError(message, code)
        error.detail = detail
        return error
    return None


def raise_for_exception(root, what="the server"):
    """Raise if ``root`` is (or wraps in a SOAP Body) an error document."""
    candidates = [root]
    if local(root.tag) == "Envelope":
        candidates = [e for e in root.iter() if local(e.tag) in ("Fault", "ExceptionReport")]
    for element in candidates:
        error = exception_from(element, what)
        if error is not None:
            raise error
