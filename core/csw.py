"""CSW 2.0.2 search: GetRecords requests, SOAP/WS-Security for EODMS RCM, and a
streaming record parser.

Three profiles (``Profile``):

* ``EODMS`` – the EODMS catalogue: BBOX envelope without srsName in lon/lat order,
  as EODMS expects (see the EODMS walkthrough).
* ``RCM`` – the same request inside a SOAP 1.1 envelope carrying a WS-Security
  UsernameToken (PasswordText).
* ``GENERIC`` – standard CSW 2.0.2 servers (pycsw, GeoNetwork...): the envelope
  is sent with ``srsName=urn:ogc:def:crs:OGC:1.3:CRS84`` so lon/lat is the axis
  order the server reads.

Paging follows ``nextRecord`` until it is 0/absent, the server stops advancing,
or the user's maximum is reached.
"""

import datetime as dt
import enum
import math
import re
from dataclasses import dataclass, field
from urllib.parse import unquote_plus

from lxml import etree

from .errors import AuthError, Cancelled, NetworkError, ResponseError
from .http import DEFAULT_TIMEOUT, Deadline, new_session, send
from .models import Record
from .xmlsafe import SOAP11, exception_from, html_message, local, looks_like_html, pull_parser

EODMS_CATALOG_URL = "https://www.eodms-sgdot.nrcan-rncan.gc.ca/MetaManagerCSW/csw/eodms_catalog"
EODMS_RCM_URL = "https://www.eodms-sgdot.nrcan-rncan.gc.ca/MetaManagerCSW/csw/RCMImageProducts"

CSW = "http://www.opengis.net/cat/csw/2.0.2"
DC = "http://purl.org/dc/elements/1.1/"
DCT = "http://purl.org/dc/terms/"
OWS = "http://www.opengis.net/ows"
GML = "http://www.opengis.net/gml"
OGC = "http://www.opengis.net/ogc"
WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"
WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd"
PASSWORD_TEXT = (
    "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText"
)
CRS84 = "urn:ogc:def:crs:OGC:1.3:CRS84"
NSMAP = {"csw": CSW, "dc": DC, "dct": DCT, "ows": OWS, "gml": GML, "ogc": OGC}


class Profile(enum.IntEnum):
    EODMS = 0
    RCM = 1
    GENERIC = 2

    @property
    def label(self):
        return {0: "EODMS catalogue", 1: "EODMS RCM", 2: "CSW 2.0.2"}[self.value]


@dataclass
class Page:
    records: list
    matched: int = None
    returned: int = None
    next_record: int = 0


@dataclass
class SearchResult:
    records: list = field(default_factory=list)
    matched: int = 0
    pages: int = 0


# --- requests ---------------------------------------------------------------


def _literal_date(value, profile):
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    # EODMS writes bare dates with a zone designator ('2013-03-29Z', walkthrough).
    return value.isoformat() + ("Z" if profile != Profile.GENERIC else "")


def build_getrecords(query, profile, start_position=1, max_records=None):
    """The csw:GetRecords element for one page of ``query``."""
    csw, ogc, gml = (lambda n, ns=ns: f"{{{ns}}}{n}" for ns in (CSW, OGC, GML))
    root = etree.Element(
        csw("GetRecords"),
        nsmap=NSMAP,
        service="CSW",
        version="2.0.2",
        maxRecords=str(max_records or query.page_size),
        startPosition=str(start_position),
        resultType="results",
        outputFormat="application/xml",
        outputSchema=CSW,
    )
    q = etree.SubElement(root, csw("Query"), typeNames="csw:Record")
    etree.SubElement(q, csw("ElementSetName"), typeNames="csw:Record").text = "full"
    constraint = etree.SubElement(q, csw("Constraint"), version="1.1.0")
    both = etree.SubElement(etree.SubElement(constraint, ogc("Filter")), ogc("And"))

    def compare(op, literal):
        el = etree.SubElement(both, ogc(op))
        etree.SubElement(el, ogc("PropertyName")).text = "dc:date"
        etree.SubElement(el, ogc("Literal")).text = literal

    if query.start:
        compare("PropertyIsGreaterThanOrEqualTo", _literal_date(query.start, profile))
    if query.end:
        compare("PropertyIsLessThan", _literal_date(query.end, profile))
    like = etree.SubElement(
        both, ogc("PropertyIsLike"), wildCard="*", singleChar="?", escapeChar="\\"
    )
    etree.SubElement(like, ogc("PropertyName")).text = "dc:title"
    etree.SubElement(like, ogc("Literal")).text = query.title
    bbox = etree.SubElement(both, ogc("BBOX"))
    etree.SubElement(bbox, ogc("PropertyName")).text = "ows:BoundingBox"
    envelope = etree.SubElement(bbox, gml("Envelope"))
    if profile == Profile.GENERIC:
        envelope.set("srsName", CRS84)
    b = query.bbox
    etree.SubElement(envelope, gml("lowerCorner")).text = f"{b.west!r} {b.south!r}"
    etree.SubElement(envelope, gml("upperCorner")).text = f"{b.east!r} {b.north!r}"
    return root


def soap_wrap(body, credentials):
    """Wrap ``body`` in a SOAP 1.1 envelope with a WS-Security UsernameToken."""
    env = etree.Element(f"{{{SOAP11}}}Envelope", nsmap={"soapenv": SOAP11})
    header = etree.SubElement(env, f"{{{SOAP11}}}Header")
    security = etree.SubElement(header, f"{{{WSSE}}}Security", nsmap={"wsse": WSSE})
    security.set(f"{{{SOAP11}}}mustUnderstand", "1")
    token = etree.SubElement(security, f"{{{WSSE}}}UsernameToken", nsmap={"wsu": WSU})
    etree.SubElement(token, f"{{{WSSE}}}Username").text = credentials.username
    password = etree.SubElement(token, f"{{{WSSE}}}Password", Type=PASSWORD_TEXT)
    password.text = credentials.password
    etree.SubElement(env, f"{{{SOAP11}}}Body").append(body)
    return env


# --- parsing ----------------------------------------------------------------

_LATLON_CRS_ENDINGS = ("epsg::4326", "epsg:4326", "epsg/0/4326", "epsg:6.11:4326", "epsg:6.6:4326")


def crs_is_latlon(crs):
    """True when a box in ``crs`` is written latitude first (EPSG:4326 in any
    spelling, as pycsw reads it); CRS84 and unknown/absent crs are lon/lat."""
    return bool(crs) and crs.strip().lower().endswith(_LATLON_CRS_ENDINGS)


def parse_box(element):
    """(west, south, east, north) from an ows:BoundingBox / ows:WGS84BoundingBox."""
    lower = upper = None
    for child in element:
        text = child.text
        if not text:
            continue
        parts = text.split()
        try:
            corner = (float(parts[0]), float(parts[1]))
        except (ValueError, IndexError):
            return None
        if child.tag in _LOWER_CORNERS:
            lower = corner
        else:
            upper = corner
    if not lower or not upper:
        return None
    if element.tag == _OWS_BOX and crs_is_latlon(element.get("crs")):
        lower, upper = lower[::-1], upper[::-1]
    elif max(abs(lower[1]), abs(upper[1])) > 90 >= max(abs(lower[0]), abs(upper[0])):
        lower, upper = lower[::-1], upper[::-1]  # crs-less box written lat/lon
    return (lower[0], lower[1], upper[0], upper[1])


_COLLECTION_KEY = re.compile(r"[?&]collectionid=([^&#]*)", re.IGNORECASE)


def collection_from_url(url):
    """The ``collectionId`` query value of an EODMS reference URL ('' if none)."""
    match = _COLLECTION_KEY.search(url)
    return unquote_plus(match.group(1)) if match else ""


_OWS_BOX = f"{{{OWS}}}BoundingBox"
_LOWER_CORNERS = {f"{{{OWS}}}LowerCorner"}
_TAG = {f"{{{DC}}}{n}": n for n in ("identifier", "title", "type", "subject", "format", "date", "source")}
_TAG[f"{{{DCT}}}references"] = "references"
_TAG[_OWS_BOX] = "bbox"
_TAG[f"{{{OWS}}}WGS84BoundingBox"] = "bbox"
_TAG_NAMES = tuple(_TAG)
_RECORD_TAGS = {f"{{{CSW}}}Record", f"{{{CSW}}}SummaryRecord", f"{{{CSW}}}BriefRecord"}
# The only elements the response parser is told about; libxml2 skips events for the rest.
_WATCHED = [*_RECORD_TAGS, f"{{{CSW}}}SearchResults", "{*}ExceptionReport", "{*}Fault"]


def parse_record(element):
    """A :class:`Record` from a csw:Record element."""
    rec = Record(record_id="")
    subjects = rec.subjects
    refs = rec.references
    kinds = _TAG
    for child in element.iterchildren(*_TAG_NAMES):
        kind = kinds[child.tag]
        text = child.text
        if kind == "references":
            url = "".join(text.split()) if text else ""  # EODMS wraps long URLs over lines
            if url:
                refs.setdefault((child.get("scheme") or "").strip(), []).append(url)
        elif kind == "subject":
            value = " ".join(text.split()) if text else ""
            if value:
                subjects.append(value)
        elif kind == "bbox":
            if rec.bbox is None:
                rec.bbox = parse_box(child)
        elif kind == "identifier":
            if not rec.record_id:
                rec.record_id = (text or "").strip()
        elif kind == "source":
            rec.source = "".join(text.split()) if text else ""
        elif kind == "title":
            rec.title = " ".join(text.split()) if text else ""
        else:
            setattr(rec, kind, (text or "").strip())
    for scheme in ("THUMBVIEW", "OVERVIEW"):
        for url in refs.get(scheme, ()):
            rec.collection_id = collection_from_url(url)
            if rec.collection_id:
                return rec
    return rec


def parse_getrecords(chunks, what="the catalogue"):
    """Parse a GetRecords response fed as byte ``chunks``; returns a :class:`Page`.

    Records are found anywhere below the root (SOAP-wrapped or not) and each is
    freed once read, so memory stays flat however large the page.
    """
    parser = pull_parser(tag=_WATCHED)
    page = Page(records=[])
    records = page.records
    error_root = None
    started = False
    try:
        for chunk in chunks:
            if not started:
                if not chunk.strip():
                    continue
                started = True
                if looks_like_html(chunk):
                    raise ResponseError(html_message(chunk, what))
                if chunk.lstrip().lstrip(b"\xef\xbb\xbf")[:1] != b"<":
                    raise ResponseError(f"{what} did not answer with XML (it starts with {chunk[:60]!r}).")
            parser.feed(chunk)
            for event, element in parser.read_events():
                tag = element.tag
                if tag in _RECORD_TAGS:
                    if event == "end":
                        records.append(parse_record(element))
                        element.clear()
                        parent = element.getparent()
                        if parent is not None:
                            while element.getprevious() is not None:
                                del parent[0]
                elif event == "start":
                    if local(tag) == "SearchResults":
                        page.matched = _int(element.get("numberOfRecordsMatched"))
                        page.returned = _int(element.get("numberOfRecordsReturned"))
                        page.next_record = _int(element.get("nextRecord")) or 0
                    elif error_root is None:
                        error_root = element
        root = parser.close() if started else None
    except etree.XMLSyntaxError as exc:
        raise ResponseError(
            f"{what} sent malformed or truncated XML ({exc}). Try again; if it persists "
            "the service is broken."
        ) from None
    if root is None:
        raise ResponseError(f"{what} sent an empty reply.")
    if error_root is not None:
        error = exception_from(error_root, what)
        if error is not None:
            raise error
    if page.matched is None and not records:
        raise ResponseError(
            f"{what} answered with <{local(root.tag)}> instead of a CSW GetRecordsResponse: "
            "is this a CSW 2.0.2 catalogue URL?"
        )
    return page


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


# --- client -----------------------------------------------------------------


class CswClient:
    """Search one CSW 2.0.2 catalogue.

    ``credentials`` (a :class:`~.auth.Credentials`) is required for the RCM
    profile; ``auth_hint`` names where they came from for error messages.
    """

    def __init__(self, url, profile=Profile.EODMS, *, credentials=None, auth_hint="",
                 session=None, timeout=DEFAULT_TIMEOUT, name=None):
        self.url = url.strip()
        self.profile = Profile(profile)
        self.credentials = credentials
        self.auth_hint = auth_hint
        self.session = session or new_session()
        self.timeout = timeout
        self.name = name or self.profile.label
        if self.profile == Profile.RCM and credentials is None:
            raise AuthError(
                "EODMS RCM needs your EODMS username and password: choose or create a "
                "QGIS authentication configuration (Basic, username/password) for it."
            )

    def request_body(self, query, start_position=1, max_records=None):
        body = build_getrecords(query, self.profile, start_position, max_records)
        if self.profile == Profile.RCM:
            body = soap_wrap(body, self.credentials)
        return etree.tostring(body, xml_declaration=True, encoding="UTF-8")

    def fetch_page(self, query, start_position=1, max_records=None, cancelled=None):
        """One page; the whole request (answer included) is bounded by a :class:`~.http.Deadline`,
        and ``cancelled()`` turning true closes the connection at once."""
        content_type = "text/xml; charset=utf-8" if self.profile == Profile.RCM else "application/xml"
        with Deadline(self.name, self.url, cancelled, session=self.session) as deadline:
            response = send(
                self.session, "POST", self.url, self.name,
                auth_hint=self.auth_hint, timeout=self.timeout,
                data=self.request_body(query, start_position, max_records),
                headers={"Content-Type": content_type},
            )
            try:
                return parse_getrecords(_chunks(response, deadline), self.name)
            finally:
                response.close()

    def pages(self, query, cancelled=None):
        """Yield (page_number, total_pages, page) until done or ``max_records``."""
        position, fetched, number = 1, 0, 0
        while fetched < query.max_records:
            if cancelled and cancelled():
                raise Cancelled()
            want = min(query.page_size, query.max_records - fetched)
            page = self.fetch_page(query, position, want, cancelled)
            number += 1
            page.records = page.records[:want]
            fetched += len(page.records)
            total = max(number, math.ceil(min(page.matched or fetched, query.max_records) / query.page_size))
            yield number, total, page
            nxt = page.next_record
            if not page.records or not nxt or nxt <= position or (page.matched and nxt > page.matched):
                return
            position = nxt

    def search(self, query, progress=None, cancelled=None):
        """All records of ``query`` (up to ``query.max_records``), filtered to the
        date range client-side too, so the start-inclusive/end-exclusive rule holds
        whatever string comparison the server applies."""
        result = SearchResult()
        seen = set()
        for number, total, page in self.pages(query, cancelled):
            result.pages = number
            result.matched = page.matched if page.matched is not None else result.matched
            for record in page.records:
                key = record.record_id or id(record)
                if key in seen or not _in_range(record, query):
                    continue
                seen.add(key)
                result.records.append(record)
            if progress:
                progress(number, total, len(result.records), result.matched)
        return result


def _in_range(record, query):
    if not (query.start or query.end):
        return True
    acquired = record.acquired
    if acquired is None:
        return True  # keep what the server matched when the date is unreadable
    start, end = query.start, query.end
    if isinstance(start, dt.datetime):
        start = start.date()
    if start and acquired < start:
        return False
    if end is not None:
        if isinstance(end, dt.datetime):
            return acquired <= end.date()
        return acquired < end
    return True


def _chunks(response, deadline):
    try:
        yield from deadline.chunks(response)
    except Cancelled:
        raise
    except Exception as exc:  # requests/urllib3 stream errors
        if isinstance(exc, (ResponseError, NetworkError)):
            raise
        raise NetworkError(
            f"The connection to {response.url} broke while reading the records ({exc.__class__.__name__}). "
            "Try again."
        ) from None
