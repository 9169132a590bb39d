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

Records are asked for in Dublin Core or ISO 19139 (``SCHEMAS``, per connection) and read in
whichever the server answers with (ISO 19139 in :mod:`.iso19139`); boxes are checked and put in
lon/lat order by :mod:`.boxes`.

Paging follows ``nextRecord`` until it is 0/absent, the server stops advancing,
or the user's maximum is reached. Each request asks for ``records_per_request`` records (a
per-connection setting) and the reply is believed whatever size the server chose; up to
``parallel_requests`` pages are asked for ahead, at the positions the replies predict, and used
only where ``nextRecord`` really leads (:meth:`CswClient.pages`), so the records come in
catalogue order with neither gap nor duplicate, as with one request after the other.
The :class:`SearchResult` accounts for every record the server sent that is not in its
``records`` (``warnings()``): paging that stopped before ``numberOfRecordsMatched``, records in
schemas EO Order cannot read, oversized records, duplicates, records outside the dates, and boxes
that cannot be drawn.
"""

import datetime as dt
import enum
import itertools
import math
import re
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator, List, Optional, Set, Tuple, Union
from urllib.parse import unquote_plus

import requests
from lxml import etree

from .auth import Credentials
from .boxes import CORNER_MISSING, box_from_corners, crs_is_latlon, problem_text  # noqa: F401 - crs_is_latlon kept importable here
from .errors import AuthError, Cancelled, EoOrderError, NetworkError, ResponseError
from .http import DEFAULT_TIMEOUT, Deadline, new_session, send
from .i18n import tr_noop, translate
from .iso19139 import RECORD_TAGS as ISO_RECORD_TAGS
from .iso19139 import parse_iso_record
from .models import THUMBNAIL, Record, SearchQuery
from .xmlsafe import SOAP11, SOAP12, exception_from, html_message, local, looks_like_html, pull_parser


def tr(text):
    return translate("EoOrderCsw", text)


EODMS_CATALOG_URL = "https://www.eodms-sgdot.nrcan-rncan.gc.ca/MetaManagerCSW/csw/eodms_catalog"
EODMS_RCM_URL = "https://www.eodms-sgdot.nrcan-rncan.gc.ca/MetaManagerCSW/csw/RCMImageProducts"

CSW = "http://www.opengis.net/cat/csw/2.0.2"
CSW3 = "http://www.opengis.net/cat/csw/3.0"
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
GMD = "http://www.isotc211.org/2005/gmd"
# The record schemas a connection can ask for (GetRecords outputSchema), by the key stored with it.
# Whatever the server answers with is read: Dublin Core or ISO 19139.
SCHEMAS = {"dc": CSW, "iso": GMD}
SCHEMA_LABELS = {"dc": "Dublin Core", "iso": "ISO 19139"}
NSMAP = {"csw": CSW, "dc": DC, "dct": DCT, "ows": OWS, "gml": GML, "ogc": OGC}


class Profile(enum.IntEnum):
    EODMS = 0
    RCM = 1
    GENERIC = 2

    @property
    def label(self) -> str:
        return {0: "EODMS catalogue", 1: "EODMS RCM", 2: "CSW 2.0.2"}[self.value]


@dataclass
class Page:
    records: List[Record]
    matched: Optional[int] = None
    returned: Optional[int] = None
    next_record: int = 0
    received: int = 0  # record elements in the page, read or not
    unreadable: Counter[str] = field(default_factory=Counter)  # schema name -> records EO Order cannot read
    oversized: int = 0  # records over the size caps, skipped
    results_tag: str = ""


@dataclass
class SearchResult:
    """What a search found, and an account of every record the server sent that is not in
    ``records`` (so a layer never holds fewer records than the server returned without a word)."""

    records: List[Record] = field(default_factory=list)
    matched: int = 0
    pages: int = 0
    max_records: int = 0
    received: int = 0  # record elements the server sent, read or not
    unreadable: Counter[str] = field(default_factory=Counter)  # schema name -> records in it
    oversized: int = 0
    duplicates: int = 0
    out_of_range: int = 0  # dated outside the search's dates (the server's filter is checked)
    stop_reason: str = ""  # why paging stopped before numberOfRecordsMatched, when it did

    @property
    def without_footprint(self) -> int:
        return sum(1 for record in self.records if record.bbox is None)

    def warnings(self) -> List[str]:
        """Sentences (English) about records that are not in ``records`` or have no footprint."""
        notes = []
        expected = min(self.matched or 0, self.max_records or self.matched or 0)
        if self.received < expected:
            notes.append(tr(
                "The catalogue matched {0} records but sent only {1}{2}: the result is incomplete. Try again "
                "later, or narrow the search.").format(
                self.matched, self.received, f" ({self.stop_reason})" if self.stop_reason else ""))
        if self.unreadable:
            names = ", ".join(tr("{0} in {1}").format(count, tr(name))
                              for name, count in sorted(self.unreadable.items()))
            notes.append(tr(
                "{0} records are in a schema EO Order cannot read ({1}): choose Dublin Core or ISO 19139 for "
                "this connection.").format(sum(self.unreadable.values()), names))
        if self.oversized:
            notes.append(tr("{0} records were larger than EO Order reads ({1} MB of XML each) and were "
                            "skipped.").format(self.oversized, MAX_RECORD_BYTES // 2**20))
        if self.duplicates:
            notes.append(tr("{0} records came twice (same identifier) and are listed once.").format(self.duplicates))
        if self.out_of_range:
            notes.append(tr("{0} records dated outside the search's dates were left out.").format(self.out_of_range))
        problems = Counter(r.box_problem for r in self.records if r.bbox is None and r.box_problem)
        if problems:
            # the problems are English per record (no translation per record); translated here, once each
            detail = "; ".join(tr("{0}: {1}").format(count, problem_text(why))
                               for why, count in problems.most_common(3))
            notes.append(tr(
                "{0} records have a bounding box that cannot be drawn ({1}); they are kept without a "
                "footprint.").format(sum(problems.values()), detail))
        return notes


# --- requests ---------------------------------------------------------------


def _literal_date(value, profile):
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    # EODMS writes bare dates with a zone designator ('2013-03-29Z', walkthrough).
    return value.isoformat() + ("Z" if profile != Profile.GENERIC else "")


def build_getrecords(query, profile, start_position=1, max_records=None, schema="dc"):
    """The csw:GetRecords element for one page of ``query``, asking for records in ``schema``
    (a key of :data:`SCHEMAS`: ``dc`` Dublin Core, ``iso`` ISO 19139)."""
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
        outputSchema=SCHEMAS.get(schema, CSW),
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
    # A box across the antimeridian is sent as its two sides, OR-ed: CSW 2.0.2 envelopes cannot
    # wrap (west > east would be an empty or inverted box to most servers).
    parts = query.bbox.parts()
    holder = etree.SubElement(both, ogc("Or")) if len(parts) > 1 else both
    for west, south, east, north in parts:
        bbox = etree.SubElement(holder, ogc("BBOX"))
        etree.SubElement(bbox, ogc("PropertyName")).text = "ows:BoundingBox"
        envelope = etree.SubElement(bbox, gml("Envelope"))
        if profile == Profile.GENERIC:
            envelope.set("srsName", CRS84)
        etree.SubElement(envelope, gml("lowerCorner")).text = f"{west!r} {south!r}"
        etree.SubElement(envelope, gml("upperCorner")).text = f"{east!r} {north!r}"
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
#
# One streaming reader for every page. It takes whichever record schema the server answers
# with: Dublin Core (csw:Record/SummaryRecord/BriefRecord, read here) or ISO 19139
# (gmd:MD_Metadata, gmi:MI_Metadata, read by :mod:`.iso19139`); records in other schemas
# (DIF, FGDC, ebRIM…) are counted by schema name so the search can say what it could not read.
#
# Memory stays flat whatever a server sends: after each chunk every closed element that is not
# needed any more is freed (records once read; anything else at once), and one record may take at
# most MAX_RECORD_BYTES of XML: a larger one is skipped, freed as it streams, and counted
# (``Page.oversized``). An error document is read up to MAX_ERROR_BYTES; a reply with no CSW, SOAP
# or error element in its first MAX_RECORD_BYTES is not a CSW reply. libxml2 itself refuses text
# nodes over 10 MB and nesting deeper than 256. Only the elements that structure a reply reach
# Python (CSW, SOAP, record roots, errors), so floods of small elements cost libxml2's time only.

MAX_RECORD_BYTES = 4 * 1024 * 1024
MAX_ERROR_BYTES = 1024 * 1024


def parse_box(element):
    """(west, south, east, north) from an ows:BoundingBox / ows:WGS84BoundingBox, or None."""
    return read_box(element)[0]


def read_box(element):
    """``(box, problem)`` from an ows:BoundingBox (in its ``crs`` axis order) or an
    ows:WGS84BoundingBox (lon/lat); see :mod:`.boxes`."""
    lower = upper = None
    for child in element:
        text = child.text
        if not text:
            continue
        parts = text.split()
        try:
            corner = (float(parts[0]), float(parts[1]))
        except (ValueError, IndexError):
            return None, f"the corner {text.strip()[:40]!r} is not two numbers"
        if child.tag in _LOWER_CORNERS:
            lower = corner
        else:
            upper = corner
    if not lower or not upper:
        return None, CORNER_MISSING
    crs = element.get("crs") if element.tag == _OWS_BOX else None
    return box_from_corners(lower, upper, crs)


_COLLECTION_KEY = re.compile(r"[?&]collectionid=([^&#]*)", re.IGNORECASE)


def collection_from_url(url):
    """The ``collectionId`` query value of an EODMS reference URL ('' if none)."""
    match = _COLLECTION_KEY.search(url)
    return unquote_plus(match.group(1)) if match else ""


_OWS_BOX = f"{{{OWS}}}BoundingBox"
_LOWER_CORNERS = {f"{{{OWS}}}LowerCorner"}
_TAG = {f"{{{DC}}}{n}": n for n in ("identifier", "title", "type", "subject", "format", "date", "source")}
_TAG[f"{{{DC}}}URI"] = "uri"
_TAG[f"{{{DC}}}description"] = "abstract"
_TAG[f"{{{DCT}}}abstract"] = "abstract"
_TAG[f"{{{DCT}}}references"] = "references"
_TAG[_OWS_BOX] = "bbox"
_TAG[f"{{{OWS}}}WGS84BoundingBox"] = "bbox"
_TAG_NAMES = tuple(_TAG)
_DC_RECORD_TAGS = {f"{{{CSW}}}Record", f"{{{CSW}}}SummaryRecord", f"{{{CSW}}}BriefRecord"}
_RECORD_TAGS = _DC_RECORD_TAGS  # kept for callers of earlier versions


_LINE_BREAK = re.compile(r"[ \t]*[\r\n]\s*")


def _link(text):
    """A URL as written: the ends trimmed, line breaks with their indentation removed (EODMS
    wraps long URLs over lines), spaces within a line kept (a GeoServer layer called
    ``Cosmo Skymed`` is another layer than ``CosmoSkymed``)."""
    if not text:
        return ""
    text = text.strip()
    return _LINE_BREAK.sub("", text) if "\n" in text or "\r" in text else text


def _is_thumbnail_link(protocol, name, description):
    words = f"{name} {description}".lower()
    return protocol.lower().startswith("image/") or "thumbnail" in words or "browse" in words


def _read_reference(rec, child, text):
    url = _link(text)
    if url:
        rec.references.setdefault((child.get("scheme") or "").strip(), []).append(url)


def _read_subject(rec, child, text):
    value = " ".join(text.split()) if text else ""
    if value:
        rec.subjects.append(value)


def _read_bbox(rec, child, text):
    if rec.bbox is None:
        rec.bbox, problem = read_box(child)
        if rec.bbox is not None:
            rec.box_problem = ""
        elif not rec.box_problem:
            rec.box_problem = problem


def _read_uri(rec, child, text):
    url = _link(text)
    if url:
        protocol = (child.get("protocol") or "").strip()
        if _is_thumbnail_link(protocol, child.get("name") or "", child.get("description") or ""):
            rec.references.setdefault(THUMBNAIL, []).append(url)
        else:
            rec.references.setdefault(protocol or "link", []).append(url)


def _read_title(rec, child, text):
    if not rec.title:
        rec.title = " ".join(text.split()) if text else ""


def _read_identifier(rec, child, text):
    if not rec.record_id:
        rec.record_id = (text or "").strip()


def _read_source(rec, child, text):
    if not rec.source:
        rec.source = _link(text)


# How each Dublin Core element is read; any other kind is a single value (first non-empty kept).
_READERS = {"references": _read_reference, "subject": _read_subject, "bbox": _read_bbox, "uri": _read_uri,
            "title": _read_title, "identifier": _read_identifier, "source": _read_source}


def parse_record(element):
    """A :class:`Record` from a csw:Record (or SummaryRecord/BriefRecord) element.

    Single values keep the first non-empty element (a trailing empty ``<dc:date/>`` does not
    wipe the date); subjects and links keep all. URLs and ``dc:source`` are trimmed at the ends
    only (spaces inside are part of the value, line breaks are wrapping); titles have their whitespace
    runs collapsed. GeoNetwork's ``dc:URI`` links go into the references under their ``protocol``
    (thumbnails, named so by ``name``/``description`` or an ``image/*`` protocol, under "thumbnail")."""
    rec = Record(record_id="")
    kinds, readers = _TAG, _READERS
    for child in element.iterchildren(*_TAG_NAMES):
        kind = kinds[child.tag]
        reader = readers.get(kind)
        if reader is not None:
            reader(rec, child, child.text)
        elif not getattr(rec, kind):
            setattr(rec, kind, (child.text or "").strip())
    for scheme in ("THUMBVIEW", "OVERVIEW"):
        for url in rec.references.get(scheme, ()):
            rec.collection_id = collection_from_url(url)
            if rec.collection_id:
                return rec
    return rec


# Record readers by element; anything else directly inside csw:SearchResults is a record in a
# schema EO Order cannot read.
RECORD_READERS = dict.fromkeys(_DC_RECORD_TAGS, parse_record)
RECORD_READERS.update(dict.fromkeys(ISO_RECORD_TAGS, parse_iso_record))

# Names of record schemas EO Order does not read, by namespace (for the warning).
SCHEMA_NAMES = {
    "http://gcmd.gsfc.nasa.gov/Aboutus/xml/dif/": "DIF",
    "http://gcmd.nasa.gov/Aboutus/xml/dif/": "DIF",
    "urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0": "ebRIM",
    "http://www.w3.org/2005/Atom": "Atom",
    "http://www.opengis.net/cat/csw/csdgm": "FGDC",
    "http://standards.iso.org/iso/19115/-3/mdb/2.0": "ISO 19115-3",
    "http://standards.iso.org/iso/19115/-3/mdb/1.0": "ISO 19115-3",
    "http://www.isotc211.org/2005/gfc": tr_noop("ISO 19110 feature catalogue"),  # translated in the warning
}


def schema_name(tag):
    """A reader's name for the schema of a record element, e.g. ``DIF``, ``FGDC``, ``ebRIM``."""
    namespace, _, name = tag.rpartition("}")
    namespace = namespace.lstrip("{")
    if namespace in SCHEMA_NAMES:
        return SCHEMA_NAMES[namespace]
    if not namespace and name == "metadata":
        return "FGDC"  # FGDC CSDGM has no namespace
    if namespace.startswith("http://www.isotc211.org/"):
        return f"ISO {name}"
    return f"{name} ({namespace})" if namespace else name


def _csw_version(namespace):
    prefix = "http://www.opengis.net/cat/csw/"
    return namespace[len(prefix):] if namespace.startswith(prefix) else ""


def _describe(tag, version):
    """How a document's root reads in a message: ``a CSW 3.0 GetRecordsResponse``, ``<rss>``."""
    namespace, _, name = tag.rpartition("}")
    namespace = namespace.lstrip("{")
    csw_version = _csw_version(namespace) or (version if namespace.startswith("http://www.opengis.net/cat/csw") else "")
    if csw_version:
        return tr("a CSW {0} {1}").format(csw_version, name)
    described = f"<{name}>" + (tr(" (namespace {0})").format(namespace) if namespace else "")
    return described + (tr(", version {0}").format(version) if version else "")


_SOAP_PARTS = {f"{{{ns}}}{n}" for ns in (SOAP11, SOAP12) for n in ("Envelope", "Header", "Body")}
_ERROR_NAMES = ("ExceptionReport", "Fault")


_WATCHED = [f"{{{CSW}}}*", f"{{{CSW3}}}*", f"{{{SOAP11}}}*", f"{{{SOAP12}}}*", *ISO_RECORD_TAGS,
            "{*}ExceptionReport", "{*}Fault"]


class _PageReader:
    """The state of one streamed page (see :func:`parse_getrecords`)."""

    def __init__(self, what, limit):
        self.what = what
        self.limit = limit
        self.page = Page(records=[])
        self.root = None
        self.results = None  # the SearchResults element
        self.freed = 0  # records read and emptied that are still children of ``results``
        self.record = None  # the record being received
        self.record_start = 0
        self.oversized = False
        self.error_root = None
        self.error_start = 0

    def event(self, event, element, fed_before):
        page = self.page
        if event == "start":
            if self.root is None:
                self.root = element.getroottree().getroot()
            if self.record is not None:
                return  # a nested element of a watched namespace inside a record
            tag = element.tag
            if tag in RECORD_READERS:
                self.record, self.record_start, self.oversized = element, fed_before, False
            elif self.results is None and local(tag) == "SearchResults":
                self.results = element
                page.results_tag = tag
                page.matched = _int(element.get("numberOfRecordsMatched"))
                page.returned = _int(element.get("numberOfRecordsReturned"))
                page.next_record = _int(element.get("nextRecord")) or 0
            elif self.error_root is None and local(tag) in _ERROR_NAMES:
                self.error_root, self.error_start = element, fed_before
            return
        if element is not self.record:
            return
        self.record = None
        page.received += 1
        if self.oversized:
            page.oversized += 1
        elif self.limit is None or len(page.records) < self.limit:
            page.records.append(RECORD_READERS[element.tag](element))
        element.clear()
        if element.getparent() is self.results:
            self.freed += 1

    def prune(self, fed):
        """Free every closed element that is not needed any more: walk down the open elements
        from the root, deleting the closed children before each one (and counting those directly
        in SearchResults that are not records EO Order reads: records in other schemas)."""
        if self.record is not None and not self.oversized and fed - self.record_start > MAX_RECORD_BYTES:
            self.oversized = True
        node = self.root
        while node is not None and len(node):
            if node is self.error_root or (node is self.record and not self.oversized):
                return
            last = node[-1]
            closed = len(node) - 1
            if closed:
                if node is self.results:
                    last_freed = 1 if last.tag in RECORD_READERS and last is not self.record else 0
                    self._count_unreadable(node, closed, self.freed - last_freed)
                    self.freed = last_freed
                del node[:-1]
            node = last

    def _count_unreadable(self, results, closed, known):
        unknown = closed - known
        if unknown <= 0:
            return
        self.page.received += unknown
        if unknown <= 1000:  # name the schemas of real records; a flood of junk is just counted
            for child in results.iterchildren():
                if child.tag not in RECORD_READERS and isinstance(child.tag, str):
                    self.page.unreadable[schema_name(child.tag)] += 1
                    unknown -= 1
                    if not unknown:
                        return
        if unknown > 0:
            self.page.unreadable[tr_noop("unknown elements")] += unknown

    def finish(self):
        if self.results is not None:
            self.prune(0)
            closed = len(self.results)
            if closed:
                self._count_unreadable(self.results, closed, self.freed)


def parse_getrecords(chunks, what=None, limit=None):
    """Parse a GetRecords response fed as byte ``chunks``; returns a :class:`Page`.

    Records are found anywhere below the root (SOAP-wrapped or not), in Dublin Core or ISO
    19139; at most ``limit`` are kept (the others are counted in ``Page.received``). A reply that
    is not a CSW 2.0.2 GetRecords result (CSW 3.0, GetRecordById, another document) is an error
    naming what came back, never an empty page.
    """
    parser = pull_parser(tag=_WATCHED)
    what = what or tr("the catalogue")
    reader = _PageReader(what, limit)
    page = reader.page
    fed = 0
    started = False
    root = None
    try:
        for chunk in chunks:
            if not started:
                if not chunk.strip():
                    continue
                started = True
                _check_first_chunk(chunk, what)
            fed_before = fed
            fed += len(chunk)
            parser.feed(chunk)
            for event, element in parser.read_events():
                reader.event(event, element, fed_before)
            if reader.root is None and fed > MAX_RECORD_BYTES:
                break  # megabytes without a CSW, SOAP or error element: not a CSW reply
            if reader.error_root is not None and fed - reader.error_start > MAX_ERROR_BYTES:
                break  # enough of an error document to quote it
            reader.prune(fed)
        else:
            if started:
                root = parser.close()
                reader.finish()
    except etree.XMLSyntaxError as exc:
        if reader.error_root is None:
            raise ResponseError(
                tr(
                    "{0} sent malformed or truncated XML ({1}). Try again; if it persists the service is "
                    "broken.").format(
                    what, exc)
            ) from None
    if not started:
        raise ResponseError(tr("{0} sent an empty reply.").format(what))
    _check_document(reader, reader.root if reader.root is not None else root, what)
    return page


def _check_first_chunk(chunk, what):
    """An HTML page or a reply that is not XML at all is an error from its first bytes."""
    if looks_like_html(chunk):
        raise ResponseError(html_message(chunk, what))
    if chunk.lstrip().lstrip(b"\xef\xbb\xbf")[:1] != b"<":
        raise ResponseError(tr("{0} did not answer with XML (it starts with {1!r}).").format(what, chunk[:60]))


def _check_document(reader, root, what):
    """Raise for an error document, or for a reply that is not a CSW 2.0.2 GetRecords result."""
    page = reader.page
    if reader.error_root is not None:
        error = exception_from(reader.error_root, what)
        if error is not None:
            raise error
    if root is None:
        raise ResponseError(
            tr(
                "{0} answered with {1} MB of XML without a CSW element: check that the URL is the "
                "catalogue's CSW 2.0.2 endpoint.").format(
                what, MAX_RECORD_BYTES // 2**20))
    document = root
    while document.tag in _SOAP_PARTS and len(document):
        document = document[-1]  # Envelope → Body → its content
    is_results = page.results_tag == f"{{{CSW}}}SearchResults" or document.tag == f"{{{CSW}}}GetRecordsResponse"
    soap_records = root.tag in _SOAP_PARTS and page.received and document.tag in RECORD_READERS
    if not (is_results or soap_records):
        raise ResponseError(
            tr(
                "{0} answered with {1} instead of a CSW 2.0.2 GetRecords result: EO Order reads CSW "
                "2.0.2 catalogues; check that the URL is the catalogue's CSW 2.0.2 endpoint.").format(
                what, _describe(document.tag, document.get('version')))
        )


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


# --- client -----------------------------------------------------------------

DEFAULT_RECORDS_PER_REQUEST = 2000  # asked for in each GetRecords (the server may send fewer, or more); see README
DEFAULT_PARALLEL_REQUESTS = 4  # pages in flight at once; 1 = one after the other
MAX_RECORDS_PER_REQUEST = 10000
MAX_PARALLEL_REQUESTS = 16
AHEAD = 4  # pages asked for ahead, per parallel request, once the first reply has said how many match
# A reply up to this size is received by a pool thread and parsed by the search's thread, so that the
# pool threads are free for the next requests at once; a larger one is parsed as it streams.
BUFFER_BYTES = 8 << 20
_WAIT = 0.1  # seconds between two looks at the cancel flag while waiting for a page


def records_per_request(value):
    """A "records per request" setting as the client uses it: a whole number from 1 to
    :data:`MAX_RECORDS_PER_REQUEST` (unreadable → the default)."""
    try:
        value = int(value)
    except (TypeError, ValueError):
        return DEFAULT_RECORDS_PER_REQUEST
    return max(1, min(value, MAX_RECORDS_PER_REQUEST))


def parallel_requests(value):
    """A "parallel requests" setting as the client uses it: 1 to :data:`MAX_PARALLEL_REQUESTS`
    (unreadable → the default)."""
    try:
        value = int(value)
    except (TypeError, ValueError):
        return DEFAULT_PARALLEL_REQUESTS
    return max(1, min(value, MAX_PARALLEL_REQUESTS))


class CswClient:
    """Search one CSW 2.0.2 catalogue.

    ``credentials`` (a :class:`~.auth.Credentials`) is required for the RCM
    profile (sent in the SOAP envelope); for the other profiles, when given, they are
    sent as HTTP Basic to ``url`` only. ``auth_hint`` names where they came from for
    error messages.

    ``records_per_request`` is the ``maxRecords`` asked for in each request (never more than the
    search's maximum); ``parallel_requests`` how many requests may be in flight at once (1: one
    after the other). Both are per-connection settings. ``session``: a requests session to use
    (the caller closes it); without one, each search makes its own and closes it at the end.
    """

    def __init__(self, url: str, profile: Union[Profile, int] = Profile.EODMS, *,
                 credentials: Optional[Credentials] = None, auth_hint: str = "",
                 session: Optional[requests.Session] = None, timeout: Any = DEFAULT_TIMEOUT,
                 name: Optional[str] = None, schema: str = "dc",
                 records_per_request: int = DEFAULT_RECORDS_PER_REQUEST,
                 parallel_requests: int = DEFAULT_PARALLEL_REQUESTS) -> None:
        self.url = url.strip()
        self.profile = Profile(profile)
        self.credentials = credentials
        self.auth_hint = auth_hint
        self.session = session
        self.timeout = timeout
        self.name = name or self.profile.label
        self.schema = schema if schema in SCHEMAS else "dc"
        self.records_per_request = _records_setting(records_per_request)
        self.parallel_requests = _parallel_setting(parallel_requests)
        if self.profile == Profile.RCM and credentials is None:
            raise AuthError(
                tr(
                    "EODMS RCM needs your EODMS username and password: choose or create a QGIS "
                    "authentication configuration (Basic, username/password) for it.")
            )

    def request_body(self, query: SearchQuery, start_position: int = 1, max_records: Optional[int] = None) -> bytes:
        body = build_getrecords(query, self.profile, start_position, max_records, self.schema)
        if self.profile == Profile.RCM:
            body = soap_wrap(body, self.credentials)
        return etree.tostring(body, xml_declaration=True, encoding="UTF-8")

    def new_session(self) -> requests.Session:
        """A session for one search: its connection pool keeps up to ``parallel_requests``
        connections open for reuse."""
        session = new_session()
        adapter = requests.adapters.HTTPAdapter(pool_connections=1, pool_maxsize=self.parallel_requests)
        session.mount("http://", adapter)
        session.mount("https://", adapter)
        return session

    def fetch_page(self, query: SearchQuery, start_position: int = 1, max_records: Optional[int] = None,
                   cancelled: Optional[Callable[[], bool]] = None,
                   session: Optional[requests.Session] = None) -> Page:
        """One page; the whole request (answer included) is bounded by a :class:`~.http.Deadline`
        on the calling thread, and ``cancelled()`` turning true closes its connection at once.
        ``session``: the search's session (default: the client's, else one for this page only)."""
        own = session is None and self.session is None
        session = session or self.session or self.new_session()
        try:
            return self._fetch_page(session, query, start_position, max_records, cancelled)
        finally:
            if own:
                session.close()

    def _fetch_page(self, session, query, start_position, max_records, cancelled, buffer=0):
        """The :class:`Page` at ``start_position``; with ``buffer`` (bytes), a reply that ends within
        that many bytes is returned unparsed, as its list of chunks (see :class:`_Prefetch`)."""
        rcm = self.profile == Profile.RCM
        content_type = "text/xml; charset=utf-8" if rcm else "application/xml"
        # RCM: the password is in the SOAP envelope; other profiles: an auth config chosen for the
        # catalogue is sent as HTTP Basic. Either way send() follows no redirect for this POST, so the
        # credentials reach only this catalogue's own URL.
        auth = None
        if not rcm and self.credentials is not None:
            auth = (self.credentials.username, self.credentials.password)
        with Deadline(self.name, self.url, cancelled, session=session) as deadline:
            response = send(
                session, "POST", self.url, self.name,
                auth_hint=self.auth_hint, timeout=self.timeout,
                data=self.request_body(query, start_position, max_records),
                headers={"Content-Type": content_type},
                secret_body=rcm, auth=auth,
            )
            try:
                chunks = _chunks(response, deadline)
                if buffer:
                    received, size = [], 0
                    for chunk in chunks:
                        received.append(chunk)
                        size += len(chunk)
                        if size > buffer:  # too big to keep: parsed here as it streams
                            chunks = itertools.chain(received, chunks)
                            break
                    else:
                        return received
                return parse_getrecords(chunks, self.name, limit=query.max_records)
            finally:
                response.close()

    def pages(self, query: SearchQuery, cancelled: Optional[Callable[[], bool]] = None,
              result: Optional[SearchResult] = None) -> Iterator[Tuple[int, int, Page]]:
        """Yield (page_number, total_pages, page) in catalogue order until done or ``max_records``.
        When paging stops before the server's ``numberOfRecordsMatched``, ``result.stop_reason``
        says why.

        The pages yielded are exactly those a client following ``nextRecord`` one request after
        the other would get; up to ``parallel_requests`` of them are asked for ahead, at the
        positions the server's replies predict (see :class:`_Prefetch`), and a reply that does not
        land where predicted only costs the requests that guessed wrong."""
        size = min(self.records_per_request, query.max_records)
        position, fetched, number, step = 1, 0, 0, size
        reason = ""
        stop = threading.Event()

        def halted():
            return stop.is_set() or bool(cancelled and cancelled())

        own = self.session is None
        session = self.session or self.new_session()
        ahead = _Prefetch(self, session, query, halted, self.parallel_requests) if self.parallel_requests > 1 else None
        try:
            if ahead is not None:  # before the first reply: the first pages, if pages are as big as asked
                ahead.plan(1, size, query.max_records, size, self.parallel_requests)
            while fetched < query.max_records:
                if cancelled and cancelled():
                    raise Cancelled()
                want = min(size, query.max_records - fetched)
                if ahead is not None:
                    page = ahead.page(position, want, cancelled)
                else:
                    page = self._fetch_page(session, query, position, want, halted)
                number += 1
                room = query.max_records - fetched  # a server may send more than asked: keep them, up to the maximum
                page.records = page.records[:room]
                fetched += min(page.received, room)
                if number == 1 and page.received:
                    step = page.received  # the page size the server really uses
                last = min(page.matched or fetched, query.max_records)
                total = number + max(0, math.ceil((last - fetched) / max(step, 1)))
                yield number, total, page
                nxt = page.next_record
                if not page.received:
                    reason = tr("page {0} was empty").format(number)
                elif not nxt:
                    reason = tr("page {0} gave no next record position").format(number)
                elif nxt <= position:
                    reason = tr("page {0} pointed back to record {1}").format(number, nxt)
                elif page.matched and nxt > page.matched:
                    reason = tr("page {0} pointed past the last match, to record {1}").format(number, nxt)
                else:
                    position = nxt
                    if ahead is not None and fetched < query.max_records:
                        # records up to position ``nxt - 1`` have been seen when the server is honest
                        end = min(page.matched or query.max_records, query.max_records + nxt - 1 - fetched)
                        ahead.plan(nxt, max(page.received, 1), end, size, AHEAD * self.parallel_requests)
                    continue
                break
        finally:
            stop.set()
            if ahead is not None:
                ahead.close()
            if own:
                session.close()
        if result is not None:
            result.stop_reason = reason

    def search(self, query: SearchQuery, progress: Optional[Callable[[int, int, int, int], None]] = None,
               cancelled: Optional[Callable[[], bool]] = None,
               on_page: Optional[Callable[[List[Record]], None]] = None) -> SearchResult:
        """All records of ``query`` (up to ``query.max_records``), in catalogue order, filtered to
        the date range client-side too, so the start-inclusive/end-exclusive rule holds whatever
        string comparison the server applies. Records without a footprint are kept;
        :meth:`SearchResult.warnings` accounts for every record the server sent that is not in
        ``records``.

        ``progress(page, pages, records, matched)`` is called after each page; ``on_page(records)``
        (on this thread) with each page's new records as soon as every page before it has arrived,
        so the first page is delivered at once. On Cancel or a failure the error raised carries
        ``.result``: the :class:`SearchResult` of what arrived (its ``warnings()`` say it is
        incomplete and why)."""
        result = SearchResult(max_records=query.max_records)
        seen: Set[object] = set()
        try:
            for number, total, page in self.pages(query, cancelled, result):
                result.pages = number
                result.matched = page.matched if page.matched is not None else result.matched
                result.received += min(page.received, query.max_records - result.received)
                result.unreadable.update(page.unreadable)
                result.oversized += page.oversized
                fresh: List[Record] = []
                for record in page.records:
                    key = record.record_id or id(record)
                    if key in seen:
                        result.duplicates += 1
                        continue
                    if not _in_range(record, query):
                        result.out_of_range += 1
                        continue
                    seen.add(key)
                    fresh.append(record)
                result.records.extend(fresh)
                if on_page and fresh:
                    on_page(fresh)
                if progress:
                    progress(number, total, len(result.records), result.matched)
        except EoOrderError as exc:
            if isinstance(exc, Cancelled):
                result.stop_reason = tr("the search was cancelled")
            else:
                result.stop_reason = tr("page {0} failed").format(result.pages + 1)
            exc.result = result
            raise
        return result


_records_setting, _parallel_setting = records_per_request, parallel_requests


class _Prefetch:
    """The pages asked for ahead of the one being read, by start position.

    After each page, :meth:`plan` asks for the positions that page predicts (its ``nextRecord``,
    then one step of the server's page size after another, up to the last match), so that at most
    ``parallel`` requests are outstanding; :meth:`page` returns the page at a position, from what
    was asked ahead or with a new request. Pages asked at positions paging never reaches are
    dropped; a failed one matters only if paging reaches it."""

    def __init__(self, client, session, query, halted, parallel):
        self.client, self.session, self.query, self.halted = client, session, query, halted
        self.parallel = parallel
        self.pool = ThreadPoolExecutor(max_workers=parallel, thread_name_prefix="EO Order CSW page")
        self.futures = {}  # start position -> Future of its Page

    def _submit(self, start, want):
        self.futures[start] = self.pool.submit(
            self.client._fetch_page, self.session, self.query, start, want, self.halted, BUFFER_BYTES)

    def plan(self, start, step, end, size, limit):
        """Ask for the positions ``start``, ``start + step``, … up to ``end`` (at most ``limit``
        pages outstanding, ``size`` records each at most); drop the pages asked for that are no
        longer on that path (those not started yet are never sent)."""
        wanted = range(start, end + 1, max(step, 1))
        for position in [p for p in self.futures if p < start or p not in wanted]:
            if self.futures[position].cancel() or position < start:
                del self.futures[position]  # a page still running at a passed position is ignored
        for position in wanted:
            if len(self.futures) >= limit:
                break
            if position not in self.futures:
                self._submit(position, min(size, end - position + 1))

    def page(self, start, want, cancelled):
        future = self.futures.pop(start, None)
        if future is None:
            self._submit(start, want)
            future = self.futures.pop(start)
        while True:
            if cancelled and cancelled():
                raise Cancelled()
            try:
                page = future.result(timeout=_WAIT)
            except FutureTimeout:
                continue
            if isinstance(page, list):  # a reply kept whole: parsed here, while the next ones arrive
                page = parse_getrecords(page, self.client.name, limit=self.query.max_records)
            return page

    def close(self):
        for future in self.futures.values():
            future.cancel()
        self.futures.clear()
        self.pool.shutdown(wait=True)  # requests in flight end within the Deadline's interval


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
            tr(
                "The connection to {0} broke while reading the records ({1}). Try again.").format(
                response.url, exc.__class__.__name__)
        ) from None
