"""Safe XML parsing shared by every protocol client.

Parsers never resolve entities, never load DTDs and never touch the network, so
an XML external-entity payload from a hostile or broken server stays inert.
Error documents (OWS ExceptionReport, WCS 1.0 ServiceExceptionReport, SOAP
faults) become :class:`~.errors.ServiceError`; the server text they quote is
redacted (:func:`~.errors.redact`), since a fault may echo the request's password.
"""

from lxml import etree

from .errors import AuthError, ResponseError, ServiceError, redact
from .i18n import translate


def tr(text):
    return translate("EoOrderXml", text)


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


def parse_bytes(data, what=None):
    """Parse a whole (small) document safely; HTML and malformed XML → ResponseError."""
    what = what or tr("the server")
    if looks_like_html(data):
        raise ResponseError(html_message(data, what))
    try:
        root = etree.fromstring(data, etree.XMLParser(**PARSER_OPTIONS))
    except etree.XMLSyntaxError as exc:
        raise ResponseError(tr("{0} sent malformed XML ({1}).").format(what, exc)) from None
    if root is None:
        raise ResponseError(tr("{0} sent an empty XML document.").format(what))
    raise_for_exception(root, what)
    return root


def looks_like_html(data):
    head = bytes(data[:512]).lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head[:200]


def html_title(data):
    """The ``<title>`` of an HTML page (its first 20,000 bytes), whitespace collapsed, redacted and cut
    to 120 characters; '' when it has none. The one reader of HTML titles: every message about an
    HTML page received instead of data quotes it."""
    lowered = bytes(data[:20000]).lower()
    start = lowered.find(b"<title")
    if start < 0:
        return ""
    start = lowered.find(b">", start) + 1
    end = lowered.find(b"</title", start)
    if start <= 0 or end <= start:
        return ""
    return redact(" ".join(bytes(data[start:end]).decode("utf-8", "replace").split()))[:120]


def titled(data):
    """`` titled "<title>"`` for an HTML page with a title (see :func:`html_title`), else ''."""
    title = html_title(data)
    return tr(' titled "{0}"').format(title) if title else ""


def html_message(data, what, expected="XML"):
    """Describe an HTML page received where ``expected`` (XML, JSON, a coverage…) was, quoting its title."""
    if expected == "XML":
        expected = tr("XML")
    return tr("{0} returned an HTML page{1} instead of {2}. The service may be down for maintenance or the URL may "
              "point to a web page: check the URL and try later.").format(what, titled(data), expected)


def exception_from(element, what=None):
    """The ServiceError for an error document rooted at ``element``, or None."""
    what = what or tr("the server")
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
        detail = redact("; ".join(parts)) or tr("no exception text")
        where = (tr(" (code {0}, locator {1})").format(code, locator) if locator else tr(" (code {0})").format(code)) \
            if code else ""
        return ServiceError(tr("{0} reported an error{1}: {2}").format(what, where, detail), code, locator)
    if name == "Fault" and element.tag.startswith(("{" + SOAP11, "{" + SOAP12)):
        code = text_of(element.find("faultcode")) or " ".join(
            text_of(e) for e in element.iter() if local(e.tag) == "Value"
        )
        reason = text_of(element.find("faultstring")) or " ".join(
            text_of(e) for e in element.iter() if local(e.tag) == "Text"
        )
        detail = redact(tr("SOAP fault {0}: {1}").format(code or tr("(no code)"), reason or tr("no reason given")))
        message = tr("{0} answered with a {1}").format(what, detail)
        error = AuthError(message) if "FailedAuthentication" in code or "InvalidSecurity" in code \
            else ServiceError(message, code)
        error.detail = detail
        return error
    return None


def raise_for_exception(root, what=None):
    """Raise if ``root`` is (or wraps in a SOAP Body) an error document."""
    candidates = [root]
    if local(root.tag) == "Envelope":
        candidates = [e for e in root.iter() if local(e.tag) in ("Fault", "ExceptionReport")]
    for element in candidates:
        error = exception_from(element, what)
        if error is not None:
            raise error
