"""Ordering EODMS scenes over WCS 2.0.1 (the Compusult WES order service).

For each scene (a catalogue record id and its EODMS collection id; docs/eodms-ordering.md):

1. ``DescribeCoverage`` (GET, HTTP Basic auth) tells whether the scene can be ordered, its
   footprint and the packaging formats on offer (:class:`OrderDescription`);
2. ``GetCoverage`` (POST) with ``wcs:CoverageId`` = ``<collection id>--<record id>`` and
   ``wcs:format`` = ``application/gml+xml`` places the order. Ordering is asynchronous: EODMS
   e-mails "Image Request Submitted", then "Image Request Delivery" with download links. The
   success reply is undocumented, so it is kept verbatim in the order journal.

:func:`order_batch` orders several scenes one by one and writes each to an
:class:`~.journal.OrderJournal` before and after its request.
"""

from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, List, Optional, Tuple, Union

from lxml import etree

from .auth import Credentials
from .errors import AuthError, EoOrderError, HttpError, InputError, NetworkError, ResponseError, ServiceError, redact
from .http import DEFAULT_TIMEOUT, new_session, read_body, send
from .i18n import translate
from .journal import FAILED, INTERRUPTED, SUBMITTED, OrderJournal, interrupted_message
from .xmlsafe import exception_from, local, parse_bytes, text_of


def tr(text):
    return translate("EoOrderEodms", text)


EODMS_WCS_URL = "https://www.eodms-sgdot.nrcan-rncan.gc.ca/wes/services/WESOrder/wcs"
PACKAGING_FORMATS = ("ZIP", "TAR", "TARGZ")
SERVER_DEFAULT = ""  # packaging: send no packagingFormat at all, the server packages as it likes

WCS = "http://www.opengis.net/wcs/2.0"
GML32 = "http://www.opengis.net/gml/3.2"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
# The WES namespaces the EODMS walkthrough declares in its GetCoverage (responses use 2.7.0).
WES_ORDER = "http://schema.compusult.net/services/2.6.1/WESOrder"
WES_ORDER_WCS = "http://schema.compusult.net/services/2.6.1/WESOrder/wcs"
GML_FORMAT = "application/gml+xml"
PACKAGING_PARAMETER = "packagingFormat"

BODY_LIMIT = 4 << 20  # bytes read from a DescribeCoverage/GetCoverage reply


@dataclass
class OrderDescription:
    """What DescribeCoverage says about one orderable scene."""

    coverage_id: str
    footprint: List[Tuple[float, float]] = field(default_factory=list)  # [(lon, lat), ...], closed ring
    packaging_formats: List[str] = field(default_factory=list)  # de-duplicated, in the server's order
    default_format: str = ""
    destination_types: List[str] = field(default_factory=list)  # e.g. ['Download']

    def packaging(self, wanted: Optional[str]) -> Optional[str]:
        """The server's spelling of packaging ``wanted`` (case-insensitive), or None."""
        wanted = (wanted or "").strip().upper()
        for value in self.packaging_formats:
            if value.upper() == wanted:
                return value
        return None


@dataclass
class OrderResult:
    """The outcome of ordering one scene."""

    record_id: str
    collection_id: str
    coverage_id: str
    status: str  # 'submitted' | 'failed'
    message: str = ""
    raw: Union[bytes, str] = b""  # the reply as received (bytes or str), '' when there was none
    packaging: str = ""

    def __post_init__(self):
        # Both end up in the journal, the Orders tab and result tables: no credentials a server echoed.
        self.message = redact(self.message)
        if isinstance(self.raw, str):
            self.raw = redact(self.raw)
        elif isinstance(self.raw, (bytes, bytearray)) and self.raw:
            text = bytes(self.raw).decode("utf-8", "replace")
            if redact(text) != text:
                self.raw = redact(text).encode("utf-8")

    @property
    def ok(self) -> bool:
        return self.status == SUBMITTED


# --- DescribeCoverage -------------------------------------------------------------------------


def parse_description(data, what="EODMS"):
    """An :class:`OrderDescription` from DescribeCoverage reply bytes.

    Elements are matched by local name: the WES extension namespaces carry a version
    (2.6.1 in the walkthrough's requests, 2.7.0 in its responses) that will change.
    """
    root = parse_bytes(data, what)
    _raise_for_exception_text(root, what)
    description = next((e for e in root.iter() if local(e.tag) == "CoverageDescription"), None)
    if description is None:
        raise ResponseError(
            tr(
                "{0} answered DescribeCoverage with <{1}> instead of a wcs:CoverageDescriptions: is the URL that of "
                "the EODMS WCS order service?").format(what, local(root.tag))
        )
    coverage_id = next((text_of(e) for e in description.iter() if local(e.tag) == "CoverageId"), "")
    result = OrderDescription(coverage_id=coverage_id, footprint=_footprint(description))
    for element in description.iter():
        name = local(element.tag)
        if name == "DestinationTypes":
            for child in element.iter():
                if local(child.tag) == "Type" and text_of(child) and text_of(child) not in result.destination_types:
                    result.destination_types.append(text_of(child))
        elif name == "Parameter" and _child_text(element, "Name") == PACKAGING_PARAMETER:
            result.default_format = _child_text(element, "Default")
            for choice in element:
                if local(choice.tag) != "Choices":
                    continue
                value = _child_text(choice, "Value")
                if value and value not in result.packaging_formats:
                    result.packaging_formats.append(value)
    return result


def _child_text(element, name):
    for child in element:
        if local(child.tag) == name:
            return text_of(child)
    return ""


def _footprint(description):
    """The first gml:posList under gml:domainSet as a closed ring of (lon, lat)."""
    domain = next((e for e in description.iter() if local(e.tag) == "domainSet"), description)
    pos_list = next((e for e in domain.iter() if local(e.tag) == "posList"), None)
    if pos_list is None or not pos_list.text:
        return []
    try:
        values = [float(v) for v in pos_list.text.split()]
    except ValueError:
        return []
    dimension = 2
    for element in (pos_list, *pos_list.iterancestors()):
        if (element.get("srsDimension") or "").strip().isdigit():
            dimension = max(2, int(element.get("srsDimension")))
            break
    points = [(values[i], values[i + 1]) for i in range(0, len(values) - dimension + 1, dimension)]
    # EODMS writes lon lat (docs/eodms-ordering.md) although srsName says EPSG:4326; guard against lat lon.
    if points and max(abs(p[1]) for p in points) > 90 >= max(abs(p[0]) for p in points):
        points = [(b, a) for a, b in points]
    if points and points[0] != points[-1]:
        points.append(points[0])
    return points


def _raise_for_exception_text(root, what):
    """Raise a ServiceError for an error document or an ows:ExceptionText anywhere below ``root``."""
    texts = []
    for element in root.iter():
        name = local(element.tag)
        if name in ("ExceptionReport", "ServiceExceptionReport", "Fault"):
            error = exception_from(element, what)
            if error is not None:
                raise error
        elif name == "ExceptionText" and text_of(element):
            texts.append(text_of(element))
    if texts:
        raise ServiceError(tr("{0} reported an error: {1}").format(what, "; ".join(texts)))


# --- GetCoverage ------------------------------------------------------------------------------


def build_getcoverage(coverage_id, packaging=None):
    """The wcs:GetCoverage request body (bytes) ordering ``coverage_id``.

    ⚠ How packagingFormat travels over WCS is undocumented (EODMS's RAPI takes it as an order
    parameter). This sends it as a guess, to revisit once EODMS documents it or a real reply
    says otherwise: a ``wcs:Extension`` (which the WCS 2.0.1 schema places first in a request)
    holding ``<wos:Parameter><wos:Name>packagingFormat</wos:Name><wos:Value>ZIP</wos:Value>
    </wos:Parameter>``, in the WESOrder 2.6.1 namespace the walkthrough declares (``wos``; the
    DescribeCoverage ``Parameter`` element lives in that namespace, at version 2.7.0).
    With ``packaging=None`` no extension is sent (the server's default applies).
    """
    nsmap = {"wcs": WCS, "xsi": XSI, "wos": WES_ORDER, "wes": WES_ORDER_WCS}
    root = etree.Element(f"{{{WCS}}}GetCoverage", nsmap=nsmap, service="WCS", version="2.0.1")
    root.set(f"{{{XSI}}}schemaLocation", f"{WCS} http://schemas.opengis.net/wcs/2.0/wcsAll.xsd")
    if packaging:
        extension = etree.SubElement(root, f"{{{WCS}}}Extension")
        parameter = etree.SubElement(extension, f"{{{WES_ORDER}}}Parameter")
        etree.SubElement(parameter, f"{{{WES_ORDER}}}Name").text = PACKAGING_PARAMETER
        etree.SubElement(parameter, f"{{{WES_ORDER}}}Value").text = packaging
    etree.SubElement(root, f"{{{WCS}}}CoverageId").text = coverage_id
    etree.SubElement(root, f"{{{WCS}}}format").text = GML_FORMAT
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def coverage_id_for(record_id, collection_id):
    return f"{collection_id}--{record_id}"


class EodmsOrderClient:
    """Order EODMS scenes through the WES WCS 2.0.1 endpoint ``wcs_url``.

    ``credentials`` (a :class:`~.auth.Credentials`: the EODMS username/password) are sent with
    HTTP Basic auth; ``auth_hint`` names where they came from in error messages
    ("auth config abc1234").
    """

    def __init__(
        self, wcs_url: Optional[str] = EODMS_WCS_URL, *, credentials: Optional[Credentials], auth_hint: str = "",
        session: Any = None, timeout: Any = DEFAULT_TIMEOUT, name: str = "EODMS"
    ) -> None:
        if credentials is None or not getattr(credentials, "username", ""):
            raise AuthError(
                tr(
                    "Ordering from EODMS needs your EODMS username and password: choose or create a QGIS "
                    "authentication configuration (Basic, username/password) for it.")
            )
        self.url = (wcs_url or EODMS_WCS_URL).strip()
        self.credentials = credentials
        self.auth_hint = auth_hint
        self.session = session or new_session()
        self.timeout = timeout
        self.name = name

    @property
    def _auth(self):
        return (self.credentials.username, self.credentials.password)

    def describe(self, record_id: str, collection_id: str) -> OrderDescription:
        """DescribeCoverage for one scene → :class:`OrderDescription`.

        Raises AuthError (401), ServiceError (OWS exception), ResponseError (HTML, malformed XML),
        HttpError or NetworkError."""
        record_id, collection_id = _ids(record_id, collection_id)
        params = [
            ("SERVICE", "WCS"),
            ("version", "2.0.1"),
            ("REQUEST", "DescribeCoverage"),
            ("coverageId", record_id),
            ("CollectionId", collection_id),
        ]
        response = send(
            self.session,
            "GET",
            self.url,
            self.name,
            auth_hint=self.auth_hint,
            timeout=self.timeout,
            params=params,
            auth=self._auth,
        )
        body = read_body(response, BODY_LIMIT)
        if not body.strip():
            raise ResponseError(
                tr(
                    "{0} sent an empty reply to DescribeCoverage for {1}. Try again later.").format(
                    self.name, coverage_id_for(record_id, collection_id))
            )
        return parse_description(body, self.name)

    def order(self, record_id: str, collection_id: str, packaging: Optional[str] = "ZIP") -> OrderResult:
        """Describe then order one scene; returns an :class:`OrderResult`.

        A scene EODMS (or the network) refuses comes back as a ``failed`` result whose
        ``message`` quotes the server and whose ``raw`` holds the reply. Raises only what the
        caller must act on: :class:`AuthError` (rejected credentials: stop ordering) and
        :class:`InputError` (missing ids, or a ``packaging`` the scene's description does not
        offer; ``None`` means the description's default). With ``packaging`` ``SERVER_DEFAULT``
        (''), or for a scene whose description offers no packaging choice, no packagingFormat is
        sent and the server packages the scene its own way (the result's ``packaging`` is '').
        """
        record_id, collection_id = _ids(record_id, collection_id)
        coverage_id = coverage_id_for(record_id, collection_id)

        def failed(message, raw=b"", used=packaging or ""):
            return OrderResult(record_id, collection_id, coverage_id, FAILED, message, raw, used)

        try:
            description = self.describe(record_id, collection_id)
        except AuthError:
            raise
        except (ServiceError, ResponseError, HttpError, NetworkError) as exc:
            return failed(tr("{0} cannot be ordered: {1}").format(coverage_id, exc))

        chosen = self._packaging(description, packaging, coverage_id)
        try:
            response = send(
                self.session,
                "POST",
                self.url,
                self.name,
                auth_hint=self.auth_hint,
                timeout=self.timeout,
                data=build_getcoverage(coverage_id, chosen),
                auth=self._auth,
                headers={"Content-Type": "application/xml"},
            )
            body = read_body(response, BODY_LIMIT)
        except AuthError:
            raise
        except NetworkError as exc:
            return failed(tr(
                'The order for {0} may not have reached {1}: {2} Check your e-mail for an EODMS "Image Request '
                'Submitted" message before ordering it again.').format(coverage_id, self.name, exc),
                used=chosen or "",
            )
        except (ServiceError, ResponseError, HttpError) as exc:
            return failed(tr("The order for {0} failed: {1}").format(coverage_id, exc), used=chosen or "")
        return self._result(record_id, collection_id, coverage_id, chosen or "", body)

    def _packaging(self, description, packaging, coverage_id):
        """The packagingFormat to send (None: send none, the server's default applies)."""
        if packaging is None:
            return description.default_format or None
        if packaging == SERVER_DEFAULT or not description.packaging_formats:
            return None  # asked for the server's default, or the scene offers no choice: send none
        chosen = description.packaging(packaging)
        if chosen is None:
            offered = ", ".join(description.packaging_formats)
            raise InputError(
                tr(
                    "{0} does not offer packaging {1!r} for {2} (it offers {3}): choose one of those, or the "
                    "server's default.").format(self.name, packaging, coverage_id, offered)
            )
        return chosen

    def _result(self, record_id, collection_id, coverage_id, packaging, body):
        def result(status, message):
            return OrderResult(record_id, collection_id, coverage_id, status, message, body, packaging)

        if not body.strip():
            return result(FAILED, tr(
                "{0} sent an empty reply to the order for {1}: it was probably not placed. Try again later.").format(
                self.name, coverage_id))
        try:
            root = parse_bytes(body, self.name)
            _raise_for_exception_text(root, self.name)
        except ServiceError as exc:
            return result(FAILED, tr("The order for {0} failed: {1}").format(coverage_id, exc))
        except ResponseError as exc:
            return result(FAILED, tr(
                'The order for {0} failed: {1} Before ordering it again, check your e-mail for an EODMS "Image '
                'Request Submitted" message in case it went through.').format(coverage_id, exc))
        return result(SUBMITTED, tr(
            '{0} accepted the order for {1}: expect an e-mail "Image Request Submitted", then one with the download '
            'links.').format(self.name, coverage_id))


def _ids(record_id, collection_id):
    record_id = str(record_id or "").strip()
    collection_id = str(collection_id or "").strip()
    if not record_id or not collection_id:
        raise InputError(
            tr(
                "An EODMS order needs the scene's record id and collection id; got record id {0!r} and collection id "
                "{1!r}. Search the scene again.").format(record_id, collection_id)
        )
    return record_id, collection_id


# --- batches ----------------------------------------------------------------------------------


def _field(scene, name, default=""):
    if isinstance(scene, dict):
        value = scene.get(name, default)
    else:
        value = getattr(scene, name, default)
    return default if value is None else value


def order_batch(client: EodmsOrderClient, scenes: Iterable[Any], journal: OrderJournal, packaging: Optional[str],
                progress: Optional[Callable[[int, int, OrderResult], None]] = None,
                cancelled: Optional[Callable[[], bool]] = None) -> List[OrderResult]:
    """Order ``scenes`` one by one through ``client``, journalling each; returns the
    :class:`OrderResult` of every scene attempted, in order.

    ``scenes`` are objects or dicts with ``record_id`` and ``collection_id`` (``title`` and
    ``acquired`` go into the journal too). For each scene a ``pending`` row is committed
    **before** any request and updated **after** it (``submitted``/``failed``, message, reply),
    so a crash leaves at most the in-flight scene ``pending`` (see :mod:`.journal`).

    * A refused scene (OWS exception, HTML page, empty reply, network failure, packaging not
      offered) is ``failed`` and the batch goes on.
    * :class:`AuthError` (EODMS rejected the username/password): that scene is ``failed`` and the
      error is raised again at once, with ``results`` (what was attempted, the failed scene last)
      and ``not_attempted`` (the scenes never sent) as attributes. Scenes not attempted get **no
      journal row**: the journal records requests that were made, and a scene without a row was
      never sent, so it can simply be ordered again.
    * ``cancelled()`` is checked before each scene; once true the batch stops (the scene in
      flight, if any, completes and is journalled) and the results so far are returned.
    * ``progress(done, total, result)`` is called after each scene.
    """
    scenes = list(scenes)
    results = []
    total = len(scenes)
    for index, scene in enumerate(scenes):
        if cancelled and cancelled():
            break
        record_id = str(_field(scene, "record_id")).strip()
        collection_id = str(_field(scene, "collection_id")).strip()
        coverage_id = coverage_id_for(record_id, collection_id)
        row = journal.begin(
            record_id,
            collection_id,
            coverage_id=coverage_id,
            title=_field(scene, "title"),
            acquired=_field(scene, "acquired"),
            packaging=packaging or "",
            wcs_url=client.url,
        )
        try:
            result = client.order(record_id, collection_id, packaging)
        except AuthError as exc:
            result = OrderResult(record_id, collection_id, coverage_id, FAILED, str(exc), b"", packaging or "")
            journal.finish(row, FAILED, str(exc), "")
            results.append(result)
            exc.results = results
            exc.not_attempted = scenes[index + 1 :]
            raise
        except EoOrderError as exc:  # InputError and anything else order() lets through
            result = OrderResult(record_id, collection_id, coverage_id, FAILED, str(exc), b"", packaging or "")
        except Exception as exc:  # a bug: journal it, then let it surface
            journal.finish(row, FAILED, f"Unexpected error ({exc.__class__.__name__}: {exc}).", "")
            raise
        except BaseException:  # KeyboardInterrupt, SystemExit: nobody knows if EODMS got it
            journal.finish(row, INTERRUPTED, interrupted_message(), "")
            raise
        journal.finish(row, result.status, result.message, result.raw)
        results.append(result)
        if progress:
            progress(index + 1, total, result)
    return results
