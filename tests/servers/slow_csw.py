"""A loopback CSW 2.0.2 catalogue that pages honestly and answers slowly, like a remote one.

    with SlowCsw(eodms_records(10_000), delay=0.25, cap=100) as csw:
        CswClient(csw.url).search(...)
        csw.pages        # [(startPosition, maxRecords asked, numberOfRecordsReturned), ...]
        csw.max_in_flight

What it does with a ``csw:GetRecords`` POST (bare or inside a SOAP envelope):

- waits ``delay`` seconds (the round trip of a remote catalogue), then answers;
- serves its records in their fixed order, every request alike: the filter is ignored, so what a
  client receives depends only on ``startPosition`` (1-based, default 1) and ``maxRecords``
  (default 10, as CSW 2.0.2 says). ``cap`` (optional) is the most records one reply may hold,
  whatever was asked — as a server with pycsw's ``maxrecords`` setting does, without a word;
- says what it did in ``csw:SearchResults``: ``numberOfRecordsMatched`` (all records),
  ``numberOfRecordsReturned`` and ``nextRecord`` (the position after the last record sent, ``0``
  once the last record has been sent); ``resultType="hits"`` gets the counts and no record;
- answers an ``ows:ExceptionReport`` (HTTP 200, as pycsw does) to a request it cannot read, a
  ``startPosition`` below 1 or a negative ``maxRecords``.

Misbehaviours for tests (all off by default, changeable while it runs): ``extra`` records beyond
what was asked (a server that returns more than asked), ``next_record(start, returned, matched)``
to write another ``nextRecord`` than the honest one, and ``fail_at`` — startPositions answered
with HTTP 500 instead of a page.

It is threaded and speaks HTTP/1.1 (keep-alive): requests are served concurrently (each waits its
own ``delay``), ``max_in_flight`` is the most requests it was serving at once, so a test can check
how many a parallel client really sent, and ``connections`` counts the TCP connections it accepted
(a client that reuses its connections opens few).
"""

import random
import threading

from lxml import etree

from tools.sample_records import make_record

from .canned import LoopbackServer

CSW_NS = "http://www.opengis.net/cat/csw/2.0.2"
OWS_NS = "http://www.opengis.net/ows"
_XML = {"Content-Type": "application/xml; charset=utf-8"}
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def eodms_records(n, seed=2013, first_id=1_500_000):
    """``n`` EODMS-shaped ``csw:Record`` documents (bytes, one each) over Canada, deterministic for
    a seed: identifiers ``first_id``, ``first_id + 1``, …, dates 1996–2013, boxes as EODMS writes
    them (no ``crs`` attribute, "lon lat" corners)."""
    rng = random.Random(seed)
    records = []
    for i in range(n):
        lon, lat = rng.uniform(-140, -55), rng.uniform(42, 80)
        width, height = rng.uniform(0.5, 4), rng.uniform(0.4, 3)
        date = f"{rng.randint(1996, 2013)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        box = (round(lon, 6), round(lat, 6), round(lon + width, 6), round(lat + height, 6))
        records.append(make_record(first_id + i, date, box, crs="none").encode("utf-8"))
    return records


class SlowCsw(LoopbackServer):
    """Serves ``records`` (a list of ``csw:Record`` documents as bytes) at ``url``; see the module
    docstring. ``delay`` and ``cap`` may be changed while it runs."""

    protocol_version = "HTTP/1.1"

    def __init__(self, records, *, delay=0.25, cap=None, extra=0, next_record=None, fail_at=(), port=0):
        self.records = list(records)
        self.delay = delay
        self.cap = cap
        self.extra = extra
        self.next_record = next_record
        self.fail_at = set(fail_at)
        self.pages = []  # (startPosition, maxRecords asked, numberOfRecordsReturned) per answered page
        self.max_in_flight = 0
        self._in_flight = 0
        self._lock = threading.Lock()
        super().__init__(port)
        self.url = self.url_for("/csw")

    def handle(self, recorded):
        with self._lock:
            self._in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self._in_flight)
        try:
            if self.delay and self._stopping.wait(self.delay):
                return 503, {}, b"", 0  # stopping: the client will not read it anyway
            return self._answer(recorded)
        finally:
            with self._lock:
                self._in_flight -= 1

    def _answer(self, recorded):
        if recorded.method != "POST":
            return 200, _XML, exception_report("OperationNotSupported", "request",
                                               "This catalogue takes GetRecords as an XML POST."), 0
        try:
            root = etree.fromstring(recorded.body, _PARSER)
        except etree.XMLSyntaxError as exc:
            return 200, _XML, exception_report("NoApplicableCode", "request", f"Unreadable XML: {exc}"), 0
        request = next(root.iter(f"{{{CSW_NS}}}GetRecords"), None)
        if request is None:
            return 200, _XML, exception_report("OperationNotSupported", "request",
                                               "Only csw:GetRecords is served here."), 0
        try:
            start = int(request.get("startPosition", "1"))
            asked = int(request.get("maxRecords", "10"))
        except ValueError:
            return 200, _XML, exception_report("InvalidParameterValue", "startPosition",
                                               "startPosition and maxRecords must be integers."), 0
        if start < 1 or asked < 0:
            locator = "startPosition" if start < 1 else "maxRecords"
            return 200, _XML, exception_report("InvalidParameterValue", locator,
                                               f"{locator} is out of range."), 0
        if start in self.fail_at:
            with self._lock:
                self.pages.append((start, asked, 0))
            return 500, {"Content-Type": "text/plain"}, b"Internal Server Error", 0
        size = (asked if self.cap is None else min(asked, self.cap)) + self.extra
        if request.get("resultType") == "hits":
            size = 0
        chosen = self.records[start - 1:start - 1 + size]
        after = start + len(chosen)
        next_record = after if chosen and after <= len(self.records) else 0
        if self.next_record is not None:
            next_record = self.next_record(start, len(chosen), len(self.records))
        with self._lock:
            self.pages.append((start, asked, len(chosen)))
        return 200, _XML, response(chosen, len(self.records), next_record), 0


def response(records, matched, next_record):
    """A GetRecordsResponse holding ``records`` (bytes each)."""
    head = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<csw:GetRecordsResponse xmlns:csw="{CSW_NS}" '
        'version="2.0.2"><csw:SearchStatus timestamp="2024-01-01T00:00:00Z"/>'
        f'<csw:SearchResults numberOfRecordsMatched="{matched}" numberOfRecordsReturned="{len(records)}" '
        f'nextRecord="{next_record}" recordSchema="{CSW_NS}" elementSet="full">\n'
    ).encode()
    return b"".join([head, *records, b"</csw:SearchResults></csw:GetRecordsResponse>\n"])


def exception_report(code, locator, text):
    report = etree.Element(f"{{{OWS_NS}}}ExceptionReport", nsmap={"ows": OWS_NS}, version="1.2.0")
    exc = etree.SubElement(report, f"{{{OWS_NS}}}Exception", exceptionCode=code, locator=locator)
    etree.SubElement(exc, f"{{{OWS_NS}}}ExceptionText").text = text
    return etree.tostring(report, xml_declaration=True, encoding="UTF-8")
