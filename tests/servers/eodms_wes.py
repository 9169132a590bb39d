"""A loopback stand-in for the EODMS WES order service (WCS 2.0.1, docs/eodms-ordering.md).

    with EodmsWesServer(users={"eodms-user": "secret"}, fail={"1508209": "exception"}) as wes:
        requests.get(wes.url, params={...DescribeCoverage...}, auth=("eodms-user", "secret"))
        wes.requests   # every RecordedRequest (method, path, query, headers, body), oldest first
        wes.orders     # AcceptedOrder for each GetCoverage accepted

Behaviour, as the EODMS walkthrough documents it:

* HTTP Basic auth on every request: none or wrong → 401 + a small HTML page.
* ``GET ?SERVICE=WCS&version=2.0.1&REQUEST=DescribeCoverage&coverageId=<record id>&CollectionId=<coll>``
  (parameter names case-insensitive, as KVP names are in OGC services): a wcs:CoverageDescriptions
  shaped like the walkthrough's (gml 3.2 polygon in lon lat, WES 2.7.0 extension namespaces,
  packagingFormat choices ZIP, TAR, TARGZ, TAR, TARGZ — repeated as EODMS repeats them) for a
  known (record id, collection) pair; otherwise an ows:ExceptionReport (HTTP 404 NoSuchCoverage,
  400 for missing/invalid parameters).
* ``POST`` a wcs:GetCoverage (service WCS, version 2.0.1) whose wcs:CoverageId is
  ``<collection>--<record id>`` of a known scene and whose wcs:format is ``application/gml+xml``:
  accepted with a small XML acknowledgement holding an order id (the real success body is
  undocumented). A packagingFormat sent in a wcs:Extension (any namespace, matched by local
  names) must be one the scene offers. Anything else → an ows:ExceptionReport with HTTP 400.

Fault injection per record id, on its GetCoverage: ``fail={"1508209": kind}`` with kind
``exception`` (HTTP 200 + ows:ExceptionReport), ``html`` (HTTP 200 maintenance page), ``empty``
(HTTP 200, no body), ``reset`` (the connection is dropped without a reply) or ``slow`` (accepted,
then answered after ``slow_seconds``). ``describe_fail`` does the same for DescribeCoverage.
"""

import base64
import binascii
import dataclasses
import hmac
import itertools
import threading
import uuid
from urllib.parse import parse_qsl
from xml.sax.saxutils import escape, quoteattr

from lxml import etree

from .canned import LoopbackServer

PATH = "/wes/services/WESOrder/wcs"
WCS_NS = "http://www.opengis.net/wcs/2.0"
OWS_NS = "http://www.opengis.net/ows/2.0"
GML_FORMAT = "application/gml+xml"
FAULTS = ("exception", "html", "empty", "reset", "slow")

# Scenes of the walkthrough (Radarsat1 over Ottawa): (record id, collection) → lon lat ring.
DEFAULT_SCENES = {
    ("1508207", "Radarsat1"): [(-76.45, 45.60), (-76.33, 45.14), (-75.62, 45.23), (-75.73, 45.69), (-76.45, 45.60)],
    ("1508208", "Radarsat1"): [
        (-76.275153, 45.652944),
        (-76.157606, 45.191208),
        (-75.444661, 45.278003),
        (-75.556206, 45.739692),
        (-76.275153, 45.652944),
    ],
    ("1508209", "Radarsat1"): [(-76.10, 45.70), (-75.98, 45.24), (-75.27, 45.33), (-75.38, 45.79), (-76.10, 45.70)],
    ("5117806", "Radarsat1"): [(-75.90, 45.50), (-75.80, 45.05), (-75.10, 45.12), (-75.20, 45.58), (-75.90, 45.50)],
}
# (value, display) in the order EODMS lists them, repeats included.
PACKAGING_CHOICES = [("ZIP", "Zip"), ("TAR", "Tar"), ("TARGZ", "Tar/GZ"), ("TAR", "Tar"), ("TARGZ", "Tar/GZ")]

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)

HTML_401 = b"""<!DOCTYPE html>
<html><head><title>401 Unauthorized</title></head>
<body><h1>Unauthorized</h1><p>This server could not verify that you are authorized to access
the document requested.</p></body></html>
"""
HTML_MAINTENANCE = b"""<!DOCTYPE html>
<html><head><title>EODMS - Service Unavailable</title></head>
<body><h1>EODMS is temporarily unavailable</h1><p>Scheduled maintenance is in progress.
Please try again later.</p></body></html>
"""
ORDER_REFUSED_TEXT = "Unable to submit the order for {coverage}: the image is not available for ordering."


@dataclasses.dataclass
class AcceptedOrder:
    order_id: str
    coverage_id: str
    record_id: str
    collection_id: str
    packaging: str  # '' when no packagingFormat was sent
    username: str
    body: bytes


def exception_report(code, text, locator=None):
    """An OWS 2.0 ExceptionReport (bytes)."""
    loc = f" locator={quoteattr(locator)}" if locator else ""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<ows:ExceptionReport xmlns:ows="{OWS_NS}" version="2.0.1" xml:lang="en">\n'
        f'  <ows:Exception exceptionCode="{code}"{loc}>\n'
        f"    <ows:ExceptionText>{escape(text)}</ows:ExceptionText>\n"
        "  </ows:Exception>\n"
        "</ows:ExceptionReport>\n"
    ).encode()


def coverage_description(record_id, collection_id, ring, choices=PACKAGING_CHOICES, default="ZIP"):
    """A wcs:CoverageDescriptions shaped like the walkthrough's (bytes, well-formed); with no
    ``choices`` it has no packagingFormat parameter at all (the scene offers no choice)."""
    pos_list = "\n".join(f"                  {lon:.6f} {lat:.6f}" for lon, lat in ring)
    href = (
        f"https://www.eodms-sgdot.nrcan-rncan.gc.ca/wes/services/WESSearch/csw/{collection_id}"
        f"?request=GetRecordById&Id={record_id}&version=2.0.2"
        "&outputSchema=http://schema.compusult.net/services/2.2.0/WESSearch/csw&service=CSW"
    )
    choice_xml = "".join(
        f"""
          <Choices>
            <Value>{escape(value)}</Value>
            <Display>{escape(display)}</Display>
            <Description>{escape(display)}</Description>
            <DependentParameters/>
          </Choices>"""
        for value, display in choices
    )
    parameter = "" if not choices else f"""        <Parameter xmlns="http://schema.compusult.net/services/2.7.0/WESOrder">
          <Name>packagingFormat</Name>
          <Title>Packaging Format</Title>
          <Description>Packaging Format</Description>
          <Default>{escape(default)}</Default>{choice_xml}
        </Parameter>"""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<wcs:CoverageDescriptions xmlns:wcs="{WCS_NS}">
  <wcs:CoverageDescription xmlns:gml="http://www.opengis.net/gml/3.2" gml:id="C{uuid.uuid4()}">
    <wcs:CoverageId>{escape(collection_id)}--{escape(record_id)}</wcs:CoverageId>
    <metadata xmlns="http://www.opengis.net/gmlcov/1.0" xmlns:xlink="http://www.w3.org/1999/xlink"
        xlink:href={quoteattr(href)} xlink:title="CSW GetRecordById" xlink:type="simple"/>
    <gml:domainSet>
      <gml:Polygon gml:id="C{uuid.uuid4()}" srsDimension="2" srsName="EPSG:4326">
        <gml:exterior>
          <gml:LinearRing>
            <gml:posList>
{pos_list}
            </gml:posList>
          </gml:LinearRing>
        </gml:exterior>
      </gml:Polygon>
    </gml:domainSet>
    <rangeType xmlns="http://www.opengis.net/gmlcov/1.0"/>
    <wcs:ServiceParameters>
      <wcs:CoverageSubtype>GridCoverage</wcs:CoverageSubtype>
      <wcs:nativeFormat/>
      <wcs:Extension>
        <DestinationTypes xmlns="http://schema.compusult.net/services/2.7.0/WESOrder/wcs">
          <Type>Download</Type>
        </DestinationTypes>
{parameter}
      </wcs:Extension>
    </wcs:ServiceParameters>
  </wcs:CoverageDescription>
</wcs:CoverageDescriptions>
""".encode()


def order_acknowledgement(order_id, coverage_id, packaging):
    """The fake's success reply to GetCoverage (the real one is undocumented)."""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<wes:OrderResponse xmlns:wes="http://schema.compusult.net/services/2.7.0/WESOrder">
  <wes:OrderId>{order_id}</wes:OrderId>
  <wes:Status>Submitted</wes:Status>
  <wes:CoverageId>{escape(coverage_id)}</wes:CoverageId>
  <wes:PackagingFormat>{escape(packaging or "ZIP")}</wes:PackagingFormat>
  <wes:Message>Image Request Submitted. A notification will be e-mailed when the image is delivered.</wes:Message>
</wes:OrderResponse>
""".encode()


class EodmsWesServer(LoopbackServer):
    """The fake EODMS WES WCS on 127.0.0.1; ``url`` is its endpoint.

    scenes: {(record id, collection id): [(lon, lat), ...]} that DescribeCoverage knows.
    users: {username: password} accepted by HTTP Basic auth.
    fail / describe_fail: {record id: fault} (see the module docstring).
    no_packaging: record ids whose DescribeCoverage has no packagingFormat parameter.
    """

    def __init__(self, scenes=None, users=None, *, fail=None, describe_fail=None, slow_seconds=30.0, port=0,
                 no_packaging=()):
        self.scenes = dict(DEFAULT_SCENES if scenes is None else scenes)
        self.users = dict(users or {"eodms-user": "eodms-password"})
        self.fail = dict(fail or {})
        self.describe_fail = dict(describe_fail or {})
        for kind in (*self.fail.values(), *self.describe_fail.values()):
            if kind not in FAULTS:
                raise ValueError(f"unknown fault {kind!r}; use one of {FAULTS}")
        self.slow_seconds = slow_seconds
        self.no_packaging = set(no_packaging)  # record ids whose DescribeCoverage offers no packaging choice
        self.orders = []
        self._lock = threading.Lock()
        self._order_numbers = itertools.count(524301)
        super().__init__(port)
        self.url = self.url_for(PATH)

    @property
    def requests(self):
        """Every RecordedRequest received, oldest first."""
        return self.recorded

    # -- request handling -------------------------------------------------------------------

    def handle(self, recorded):
        if recorded.path != PATH:
            return 404, {"Content-Type": "text/html"}, b"<html><head><title>404 Not Found</title></head></html>", 0
        username = self._authenticated(recorded.headers)
        if username is None:
            return (
                401,
                {"Content-Type": "text/html; charset=utf-8", "WWW-Authenticate": 'Basic realm="EODMS"'},
                HTML_401,
                0,
            )
        if recorded.method == "GET":
            return self._describe(recorded)
        if recorded.method == "POST":
            return self._get_coverage(recorded, username)
        return 405, {"Content-Type": "text/plain", "Allow": "GET, POST"}, b"GET or POST", 0

    def _authenticated(self, headers):
        value = next((v for k, v in headers.items() if k.lower() == "authorization"), "")
        scheme, _, token = value.partition(" ")
        if scheme.lower() != "basic":
            return None
        try:
            user, sep, password = base64.b64decode(token.strip(), validate=True).decode("utf-8").partition(":")
        except (binascii.Error, UnicodeDecodeError):
            return None
        expected = self.users.get(user)
        if not sep or expected is None or not hmac.compare_digest(password.encode(), expected.encode()):
            return None
        return user

    @staticmethod
    def _report(status, code, text, locator=None):
        return status, {"Content-Type": "application/xml"}, exception_report(code, text, locator), 0

    def _describe(self, recorded):
        params = {k.lower(): v for k, v in parse_qsl(recorded.query, keep_blank_values=True)}
        for name, expected in (("service", "WCS"), ("request", "DescribeCoverage"), ("version", "2.0.1")):
            if name not in params:
                return self._report(400, "MissingParameterValue", f"Parameter {name} is missing.", name)
            if params[name] != expected:
                code = "OperationNotSupported" if name == "request" else "InvalidParameterValue"
                return self._report(400, code, f"Unsupported {name} {params[name]!r}.", name)
        record_id, collection_id = params.get("coverageid", ""), params.get("collectionid", "")
        if not record_id or not collection_id:
            missing = "coverageId" if not record_id else "CollectionId"
            return self._report(400, "MissingParameterValue", f"Parameter {missing} is missing.", missing)
        ring = self.scenes.get((record_id, collection_id))
        if ring is None:
            return self._report(404, "NoSuchCoverage", f"No coverage {collection_id}--{record_id}.", "coverageId")

        def describe():
            return 200, {"Content-Type": "application/xml"}, coverage_description(
                record_id, collection_id, ring, () if record_id in self.no_packaging else PACKAGING_CHOICES), 0

        fault = self.describe_fail.get(record_id)
        if fault:
            return self._fault(fault, f"{collection_id}--{record_id}", describe)
        return describe()

    def _get_coverage(self, recorded, username):
        try:
            root = etree.fromstring(recorded.body, _PARSER)
        except etree.XMLSyntaxError as err:
            return self._report(400, "InvalidRequest", f"The request is not well-formed XML: {err}")
        if root is None or root.tag != f"{{{WCS_NS}}}GetCoverage":
            return self._report(400, "OperationNotSupported", "POST a wcs:GetCoverage (WCS 2.0.1).")
        if root.get("service") != "WCS" or root.get("version") != "2.0.1":
            return self._report(400, "InvalidParameterValue", "GetCoverage needs service=WCS and version=2.0.1.")
        coverage_id = (root.findtext(f"{{{WCS_NS}}}CoverageId") or "").strip()
        collection_id, sep, record_id = coverage_id.partition("--")
        if not sep or (record_id, collection_id) not in self.scenes:
            return self._report(400, "NoSuchCoverage", f"No coverage {coverage_id!r}.", "CoverageId")
        output_format = (root.findtext(f"{{{WCS_NS}}}format") or "").strip()
        if output_format != GML_FORMAT:
            return self._report(400, "InvalidParameterValue", f"Unsupported format {output_format!r}.", "format")
        packaging = self._packaging(root)
        if packaging and packaging not in {value for value, _ in PACKAGING_CHOICES}:
            return self._report(
                400, "InvalidParameterValue", f"Unsupported packagingFormat {packaging!r}.", "packagingFormat"
            )

        def accept():
            with self._lock:
                order_id = str(next(self._order_numbers))
                self.orders.append(
                    AcceptedOrder(order_id, coverage_id, record_id, collection_id, packaging, username, recorded.body)
                )
            return 200, {"Content-Type": "application/xml"}, order_acknowledgement(order_id, coverage_id, packaging), 0

        fault = self.fail.get(record_id)
        if fault:
            return self._fault(fault, coverage_id, accept)
        return accept()

    @staticmethod
    def _packaging(root):
        for parameter in root.iter():
            if etree.QName(parameter).localname != "Parameter":
                continue
            fields = {etree.QName(child).localname: (child.text or "").strip() for child in parameter}
            if fields.get("Name") == "packagingFormat":
                return fields.get("Value", "")
        return ""

    def _fault(self, kind, coverage_id, accept):
        if kind == "exception":
            text = ORDER_REFUSED_TEXT.format(coverage=coverage_id)
            return self._report(200, "NoApplicableCode", text)
        if kind == "html":
            return 200, {"Content-Type": "text/html; charset=utf-8"}, HTML_MAINTENANCE, 0
        if kind == "empty":
            return 200, {"Content-Type": "application/xml"}, b"", 0
        if kind == "reset":
            raise ConnectionResetError("fault injection: connection dropped")  # the handler closes it
        status, headers, body, _ = accept()  # slow
        return status, headers, body, self.slow_seconds
