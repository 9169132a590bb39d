"""OGC WCS 1.0.0 client: GetCapabilities, DescribeCoverage and GetCoverage (OGC 03-065r6).

* Every request carries ``VERSION=1.0.0``: servers negotiate down from the highest version they
  speak, and MapServer answers WCS 2.0.1 capabilities to a request without it.
* Later requests go to the DCPType Get/Post OnlineResource the capabilities advertise for each
  operation (a GET prefix is made to end in ``?`` or ``&``). GetCoverage uses KVP over GET; the
  XML encoding (§9.2.3) is POSTed only when the server advertises no Get URL for GetCoverage.
* Credentials (HTTP Basic) are only sent to the origin (scheme, host, port) of the URL the user
  configured, never to another host named in a capabilities document.
* A coverage is streamed to ``<dest>.part`` and moved over ``dest`` only once it is known to be
  the requested format: a ServiceExceptionReport (which servers often send with HTTP 200), an HTML
  page or any reply whose content type does not match FORMAT is an error, and no file is left.
* Every byte read is counted after decompression: capabilities and descriptions stop at
  :data:`CAPABILITIES_LIMIT` / :data:`DESCRIPTION_LIMIT` (a gzip bomb is an error, not gigabytes
  of memory), a coverage at ``max_coverage_bytes`` (an endless body does not fill the disk; a
  Content-Length above the cap is refused before anything is written).
"""

import math
import numbers
import os
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Callable, Dict, List, Optional, Tuple, Union
from urllib.parse import parse_qsl, quote, urlencode, urljoin, urlsplit

import requests
from lxml import etree

from .auth import Credentials
from .errors import Cancelled, EoOrderError, InputError, NetworkError, ResponseError, ServiceError
from .http import DEFAULT_TIMEOUT, new_session, read_body, send
from .i18n import translate
from .xmlsafe import exception_from, html_message, local, looks_like_html, parse_bytes, text_of


def tr(text):
    return translate("EoOrderWcs", text)


WCS = "http://www.opengis.net/wcs"
GML = "http://www.opengis.net/gml"
XLINK = "http://www.w3.org/1999/xlink"
VERSION = "1.0.0"
SE_XML = "application/vnd.ogc.se_xml"
OPERATIONS = ("GetCapabilities", "DescribeCoverage", "GetCoverage")
ERROR_BODY_LIMIT = 1 << 20
CHUNK = 1 << 16
CAPABILITIES_LIMIT = 32 << 20  # bytes of XML after decompression: ~100,000 coverage briefs
DESCRIPTION_LIMIT = 16 << 20  # a description with ~300,000 time positions
COVERAGE_LIMIT = 4 << 30  # default cap of a GetCoverage body on disk (Wcs10Client(max_coverage_bytes=…))

# Query keys of the operations themselves: dropped from a URL the user pasted with them.
_OWN_KEYS = {
    "service", "version", "request", "coverage", "crs", "response_crs", "bbox", "time", "width",
    "height", "depth", "resx", "resy", "resz", "format", "exceptions", "interpolation", "section",
    "updatesequence",
}


# --- data -------------------------------------------------------------------


@dataclass
class CoverageBrief:
    """A CoverageOfferingBrief of the capabilities."""

    name: str
    label: str = ""
    lon_lat_envelope: Optional[Tuple[float, ...]] = None  # (west, south, east, north) in WGS 84 lon/lat, or None


@dataclass
class Capabilities:
    version: str
    title: str
    coverages: List[CoverageBrief] = field(default_factory=list)
    get_urls: Dict[str, str] = field(default_factory=dict)  # operation -> GET prefix ending in ? or &
    post_urls: Dict[str, str] = field(default_factory=dict)  # operation -> POST URL

    def coverage(self, name: Optional[str]) -> Optional[CoverageBrief]:
        """The CoverageBrief called ``name`` (exact, else case-insensitive), or None."""
        for brief in self.coverages:
            if brief.name == name:
                return brief
        return next((b for b in self.coverages if b.name.lower() == (name or "").lower()), None)


@dataclass
class CoverageDescription:
    """A CoverageOffering of DescribeCoverage (lists keep the server's order)."""

    name: str
    label: str = ""
    lon_lat_envelope: Optional[Tuple[float, ...]] = None
    request_crs: List[str] = field(default_factory=list)  # requestResponseCRSs + requestCRSs
    response_crs: List[str] = field(default_factory=list)  # requestResponseCRSs + responseCRSs
    native_crs: List[str] = field(default_factory=list)
    formats: List[str] = field(default_factory=list)
    native_format: str = ""
    interpolations: List[str] = field(default_factory=list)
    default_interpolation: str = ""
    time_positions: List[str] = field(default_factory=list)  # ISO strings
    time_periods: List[Tuple[str, str, str]] = field(default_factory=list)  # (begin, end, resolution or '')
    # (name, label, [values]); interval → 'min/max[/res]'
    range_axes: List[Tuple[str, str, List[str]]] = field(default_factory=list)
    grid_size: Optional[Tuple[int, int]] = None  # (width, height) of the RectifiedGrid/Grid limits
    grid_envelope_crs: str = ""
    grid_envelope: Optional[Tuple[float, ...]] = None  # (minx, miny, maxx, maxy): the envelope of the grid's CRS
    # every spatialDomain envelope: (srsName, box), server's order
    envelopes: List[Tuple[str, Tuple[float, ...]]] = field(default_factory=list)
    grid_crs: str = ""  # the CRS the grid is in (its srsName, else the envelope it lies in)
    # (resx, resy) > 0 in grid_crs units: offset vectors, else envelope / size
    grid_resolution: Optional[Tuple[float, float]] = None
    null_values: List[str] = field(default_factory=list)  # rangeSet nullValues (single values, as text)

    def offered_times(self) -> List[str]:
        """The time positions and periods (``begin/end[/resolution]``) as a user would type them."""
        return [*self.time_positions, *("/".join(p if p[2] else p[:2]) for p in self.time_periods)]


@dataclass
class GetCoverageRequest:
    """One GetCoverage (Table 9). ``bbox`` is (minx, miny, maxx, maxy) in ``crs``; give either
    ``width`` and ``height`` or ``resx`` and ``resy``. ``parameters`` maps a range axis to the
    values wanted ({'band': [1, 3]} → ``band=1,3``); ``time`` is a string or a list of them."""

    coverage: str
    crs: str
    bbox: Tuple[float, ...]
    format: str
    width: Optional[int] = None
    height: Optional[int] = None
    resx: Optional[float] = None
    resy: Optional[float] = None
    response_crs: Optional[str] = None
    time: Optional[Union[str, List[str]]] = None
    interpolation: Optional[str] = None
    parameters: Optional[Dict[str, List[Any]]] = None
    exceptions: str = SE_XML

    def validate(self, description: Optional[CoverageDescription] = None) -> None:
        """Raise InputError for a request no server could honour, or one ``description`` rules out.

        The checks are :data:`REQUEST_CHECKS` (on the request alone), then, with a description,
        :data:`DESCRIPTION_CHECKS`, in order; the first that fails names what to change."""
        for check in REQUEST_CHECKS:
            check(self)
        if description is not None:
            for check in DESCRIPTION_CHECKS:
                check(self, description)

    def kvp(self) -> List[Tuple[str, str]]:
        """The request as (key, value) pairs, without SERVICE/VERSION/REQUEST."""
        pairs = [("COVERAGE", self.coverage), ("CRS", self.crs)]
        if self.response_crs:
            pairs.append(("RESPONSE_CRS", self.response_crs))
        if self.bbox is not None:
            pairs.append(("BBOX", ",".join(_num(v) for v in self.bbox)))
        if self.time:
            pairs.append(("TIME", ",".join(str(t) for t in _as_list(self.time))))
        if self.width is not None or self.height is not None:
            pairs += [("WIDTH", str(self.width)), ("HEIGHT", str(self.height))]
        if self.resx is not None or self.resy is not None:
            pairs += [("RESX", _num(self.resx)), ("RESY", _num(self.resy))]
        pairs.append(("FORMAT", self.format))
        if self.interpolation:
            pairs.append(("INTERPOLATION", self.interpolation))
        for axis, values in (self.parameters or {}).items():
            pairs.append((str(axis), ",".join(str(v) for v in _as_list(values))))
        if self.exceptions:
            pairs.append(("EXCEPTIONS", self.exceptions))
        return pairs

    def _xml_spatial(self, spatial):
        """The gml:Envelope and (Rectified)Grid of a spatialSubset."""
        gml = lambda n: f"{{{GML}}}{n}"  # noqa: E731
        envelope = etree.SubElement(spatial, gml("Envelope"), srsName=self.crs)
        minx, miny, maxx, maxy = (float(v) for v in self.bbox)
        etree.SubElement(envelope, gml("pos")).text = f"{_num(minx)} {_num(miny)}"
        etree.SubElement(envelope, gml("pos")).text = f"{_num(maxx)} {_num(maxy)}"
        if self.resx is not None:
            width = max(1, round((maxx - minx) / float(self.resx)))
            height = max(1, round((maxy - miny) / float(self.resy)))
            grid = etree.SubElement(spatial, gml("RectifiedGrid"), dimension="2")
        else:
            width, height = self.width, self.height
            grid = etree.SubElement(spatial, gml("Grid"), dimension="2")
        if width is not None:
            limits = etree.SubElement(etree.SubElement(grid, gml("limits")), gml("GridEnvelope"))
            etree.SubElement(limits, gml("low")).text = "0 0"
            etree.SubElement(limits, gml("high")).text = f"{width - 1} {height - 1}"
        etree.SubElement(grid, gml("axisName")).text = "x"
        etree.SubElement(grid, gml("axisName")).text = "y"
        if self.resx is not None:
            origin = etree.SubElement(etree.SubElement(grid, gml("origin")), gml("pos"))
            origin.text = f"{_num(minx)} {_num(maxy)}"
            etree.SubElement(grid, gml("offsetVector")).text = f"{_num(self.resx)} 0"
            etree.SubElement(grid, gml("offsetVector")).text = f"0 {_num(-float(self.resy))}"

    def xml(self) -> bytes:
        """The request in the XML encoding (§9.2.3, getCoverage.xsd), as UTF-8 bytes."""
        wcs, gml = (lambda n, ns=ns: f"{{{ns}}}{n}" for ns in (WCS, GML))
        root = etree.Element(wcs("GetCoverage"), nsmap={None: WCS, "gml": GML}, service="WCS", version=VERSION)
        etree.SubElement(root, wcs("sourceCoverage")).text = self.coverage
        domain = etree.SubElement(root, wcs("domainSubset"))
        if self.bbox is not None:
            self._xml_spatial(etree.SubElement(domain, wcs("spatialSubset")))
        if self.time:
            temporal = etree.SubElement(domain, wcs("temporalSubset"))
            for item in _as_list(self.time):
                parts = str(item).split("/")
                if len(parts) == 1:
                    etree.SubElement(temporal, gml("timePosition")).text = parts[0]
                    continue
                period = etree.SubElement(temporal, wcs("timePeriod"))
                etree.SubElement(period, wcs("beginPosition")).text = parts[0]
                etree.SubElement(period, wcs("endPosition")).text = parts[1]
                if len(parts) > 2 and parts[2]:
                    etree.SubElement(period, wcs("timeResolution")).text = parts[2]
        if self.parameters:
            range_subset = etree.SubElement(root, wcs("rangeSubset"))
            for axis, values in self.parameters.items():
                subset = etree.SubElement(range_subset, wcs("axisSubset"), name=str(axis))
                for value in _as_list(values):
                    parts = str(value).split("/")
                    if len(parts) == 1:
                        etree.SubElement(subset, wcs("singleValue")).text = parts[0]
                        continue
                    interval = etree.SubElement(subset, wcs("interval"))
                    for tag, part in zip(("min", "max", "res"), parts):
                        if part:
                            etree.SubElement(interval, wcs(tag)).text = part
        if self.interpolation:
            etree.SubElement(root, wcs("interpolationMethod")).text = self.interpolation
        output = etree.SubElement(root, wcs("output"))
        etree.SubElement(output, wcs("crs")).text = self.response_crs or self.crs
        etree.SubElement(output, wcs("format")).text = self.format
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def parse_range_subset(text: Optional[str]) -> Optional[Dict[str, List[str]]]:
    """``"bands=1,3; time=2020"`` → ``{"bands": ["1", "3"], "time": ["2020"]}`` (GetCoverage's
    PARAMETER range subsets, Table 9); empty text → None."""
    subsets: Dict[str, List[str]] = {}
    for part in (text or "").split(";"):
        if not part.strip():
            continue
        axis, sep, raw = part.partition("=")
        values = [v.strip() for v in raw.split(",") if v.strip()]
        if not sep or not axis.strip() or not values:
            raise InputError(tr(
                "The range subset {0!r} is not of the form axis=value1,value2 (several axes separated by ';').").format(
                part.strip()))
        subsets[axis.strip()] = values
    return subsets or None


# --- the checks of GetCoverageRequest.validate --------------------------------------------
# Each takes the request (and the coverage's description) and raises InputError naming what to change.


def _what(request):
    return tr("The request for coverage {0!r}").format(request.coverage)


def _check_required(request):
    if not (request.coverage or "").strip():
        raise InputError(tr("Choose a coverage: the GetCoverage request names none."))
    if not (request.crs or "").strip():
        raise InputError(tr("{0} has no CRS: choose one of the coverage's request CRSs.").format(_what(request)))
    if not (request.format or "").strip():
        raise InputError(tr("{0} has no output format: choose one of the coverage's formats.").format(_what(request)))


def _check_domain(request):
    if request.bbox is None and not request.time:
        raise InputError(tr("{0} needs a bounding box or a time.").format(_what(request)))
    if request.bbox is not None:
        _check_bbox(request.bbox, request.crs)


def _check_size(request):
    """WIDTH+HEIGHT or RESX+RESY: exactly one pair (Table 9), whatever the interpolations."""
    what = _what(request)
    has_size = request.width is not None or request.height is not None
    has_res = request.resx is not None or request.resy is not None
    if has_size and has_res:
        raise InputError(tr(
            "{0} gives both a size (width/height) and a resolution (resx/resy): give one.").format(what))
    if has_size:
        for label, value in (("width", request.width), ("height", request.height)):
            if not isinstance(value, numbers.Integral) or isinstance(value, bool) or value < 1:
                raise InputError(tr(
                    "{0} needs a whole {1} of at least 1 pixel; got {2!r}.").format(what, label, value))
    elif has_res:
        for label, value in (("resx", request.resx), ("resy", request.resy)):
            if not _finite(value) or float(value) <= 0:
                raise InputError(tr(
                    "{0} needs a positive {1} (in CRS units per pixel); got {2!r}.").format(what, label, value))
    else:
        raise InputError(tr(
            "{0} needs an output size (width and height) or a resolution (resx and resy).").format(what))


def _check_crs(request, description):
    _check_choice(request.crs, description.request_crs, tr("CRS {0!r}").format(request.crs), tr("request CRSs"),
                  description)


def _check_response_crs(request, description):
    if request.response_crs:
        _check_choice(request.response_crs, description.response_crs,
                      tr("response CRS {0!r}").format(request.response_crs), tr("response CRSs"), description)


def _check_format(request, description):
    if description.formats and request.format not in description.formats:
        raise InputError(tr("Coverage {0!r} is not offered as {1!r}; choose one of: {2}.").format(
            description.name, request.format, ", ".join(description.formats)))


def _check_interpolation(request, description):
    if request.interpolation:
        _check_choice(request.interpolation, description.interpolations,
                      tr("interpolation {0!r}").format(request.interpolation), tr("interpolation methods"),
                      description)


def _check_time(request, description):
    """Each TIME item must be one of the coverage's positions, or lie within its periods/positions."""
    wanted = [str(t).strip() for t in _as_list(request.time) if str(t).strip()]
    if not wanted:
        return
    offered = description.offered_times()
    if not offered:
        raise InputError(
            tr("Coverage {0!r} has no time positions or periods: leave the time empty.").format(description.name)
        )
    unknown = [item for item in wanted if not _time_offered(item, description)]
    if unknown:
        shown = offered[:12]
        more = tr(" … and {0} more").format(len(offered) - 12) if len(offered) > 12 else ""
        raise InputError(tr("Coverage {0!r} is not offered at time {1}; offered: {2}{3}.").format(
            description.name, ", ".join(unknown), ", ".join(shown), more))


def _check_parameters(request, description):
    axes = {name.lower(): values for name, _label, values in description.range_axes}
    for axis, values in (request.parameters or {}).items():
        if axes and str(axis).lower() not in axes:
            raise InputError(tr("Coverage {0!r} has no range axis {1!r}; its axes are: {2}.").format(
                description.name, axis, ", ".join(name for name, _l, _v in description.range_axes)))
        listed = axes.get(str(axis).lower()) or []
        if listed and all("/" not in v for v in listed):
            unknown = [str(v) for v in _as_list(values) if str(v) not in listed]
            if unknown:
                raise InputError(
                    tr(
                        "Coverage {0!r} has no {1} value(s) {2}; offered: {3}.").format(
                        description.name, axis, ', '.join(unknown), ', '.join(listed))
                )


REQUEST_CHECKS: Tuple[Callable[..., None], ...] = (_check_required, _check_domain, _check_size)
DESCRIPTION_CHECKS: Tuple[Callable[..., None], ...] = (
    _check_crs, _check_response_crs, _check_format, _check_interpolation, _check_time, _check_parameters)


def _instant(text):
    """An ISO 8601 date or date-time as an aware datetime (a date is midnight UTC), else None."""
    text = (text or "").strip()
    if not text:
        return None
    try:
        value = datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text)
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def _time_offered(item, description):
    """True when ``item`` (a position or ``begin/end[/res]``) is among what ``description`` offers."""
    parts = item.split("/")
    if len(parts) == 1 and item in description.time_positions:
        return True
    ranges = [(_instant(b), _instant(e)) for b, e, _r in description.time_periods]
    instants = [t for t in (_instant(p) for p in description.time_positions) if t is not None]
    wanted = [_instant(p) for p in parts[:2]]
    if any(t is None for t in wanted):
        return False  # not a date the coverage's own strings could be compared with
    if len(parts) == 1:
        return wanted[0] in instants or any(b and e and b <= wanted[0] <= e for b, e in ranges)
    begin, end = wanted
    if begin > end:
        return False
    inside = any(b and e and b <= begin and end <= e for b, e in ranges)
    return inside or any(begin <= t <= end for t in instants)


def _finite(value):
    try:
        return math.isfinite(float(value))
    except (TypeError, ValueError):
        return False


def _check_bbox(bbox, crs):
    try:
        values = [float(v) for v in bbox]
    except (TypeError, ValueError):
        values = []
    if len(values) != 4 or not all(math.isfinite(v) for v in values):
        raise InputError(tr(
            "The bounding box needs four finite numbers minx,miny,maxx,maxy in {0}; got {1!r}.").format(crs, bbox))
    minx, miny, maxx, maxy = values
    if minx >= maxx or miny >= maxy:
        raise InputError(
            tr(
                "The bounding box {0:g},{1:g},{2:g},{3:g} is inverted or empty (it must be minx,miny,maxx,maxy in "
                "{4}, with min < max): draw or type it again.").format(minx, miny, maxx, maxy, crs)
        )


def _check_choice(value, offered, label, kind, description):
    if not offered or value in offered or value.lower() in (o.lower() for o in offered):
        return
    raise InputError(
        tr(
            "Coverage {0!r} does not accept {1}; its {2} are: {3}.").format(
            description.name, label, kind, ', '.join(offered))
    )


def _as_list(values):
    if values is None:
        return []
    if isinstance(values, (str, bytes, int, float)):
        return [values]
    return list(values)


def _num(value):
    value = float(value)
    return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)


# --- parsing ----------------------------------------------------------------


def _children(element, name):
    return [c for c in element if local(c.tag) == name]


def _child(element, name):
    return next((c for c in element if local(c.tag) == name), None)


def _descendants(element, name):
    return [e for e in element.iter() if local(e.tag) == name]


def _tokens(elements):
    out = []
    for element in elements:
        for token in (element.text or "").split():
            if token not in out:
                out.append(token)
    return out


def _envelope(element):
    """(minx, miny, maxx, maxy) from two gml:pos (or gml:coordinates) children, or None."""
    if element is None:
        return None
    positions = [text_of(p) for p in _children(element, "pos")]
    if len(positions) < 2:
        coordinates = _child(element, "coordinates")
        if coordinates is not None:
            positions = text_of(coordinates).split()
    try:
        (x1, y1), (x2, y2) = ([float(v) for v in p.replace(",", " ").split()[:2]] for p in positions[:2])
    except ValueError:
        return None
    return (x1, y1, x2, y2)


def get_prefix(url):
    """``url`` made into a KVP GET prefix ending in ``?`` or ``&``."""
    url = url.strip()
    if "?" not in url:
        return url + "?"
    return url if url.endswith(("?", "&")) else url + "&"


def parse_capabilities(data: bytes, base_url: str = "", what: Optional[str] = None) -> Capabilities:
    what = what or tr("the WCS server")
    root = parse_bytes(data, what)
    name = local(root.tag)
    version = root.get("version", "")
    if name != "WCS_Capabilities":
        hint = tr(" version {0}").format(version) if version else ""
        raise ResponseError(
            tr(
                "{0} answered with <{1}>{2} instead of WCS 1.0.0 capabilities: check that the URL is a WCS endpoint "
                "that supports version 1.0.0.").format(what, name, hint)
        )
    if version and version != VERSION:
        raise ResponseError(
            tr(
                "{0} answered WCS {1} capabilities to a request for version {2}: it does not support "
                "WCS 1.0.0.").format(
                what, version, VERSION)
        )
    service = _child(root, "Service")
    title = ""
    if service is not None:
        title = text_of(_child(service, "label")) or text_of(_child(service, "name"))
    caps = Capabilities(version=version or VERSION, title=title)
    request = next(iter(_descendants(root, "Request")), None)
    for operation in request if request is not None else ():
        op = local(operation.tag)
        for method_el in operation.iter():
            method = local(method_el.tag)
            if method not in ("Get", "Post"):
                continue
            resource = _child(method_el, "OnlineResource")
            href = (resource.get(f"{{{XLINK}}}href") or resource.get("href") or "").strip() \
                if resource is not None else ""
            if not href:
                continue
            href = urljoin(base_url, href) if base_url else href
            target = caps.get_urls if method == "Get" else caps.post_urls
            target.setdefault(op, get_prefix(href) if method == "Get" else href)
    for brief in _descendants(root, "CoverageOfferingBrief"):
        caps.coverages.append(CoverageBrief(
            name=text_of(_child(brief, "name")),
            label=text_of(_child(brief, "label")),
            lon_lat_envelope=_envelope(_child(brief, "lonLatEnvelope")),
        ))
    return caps


def parse_description(data: bytes, coverage: str, what: Optional[str] = None) -> CoverageDescription:
    """The CoverageDescription of ``coverage`` in a DescribeCoverage reply."""
    what = what or tr("the WCS server")
    root = parse_bytes(data, what)
    if local(root.tag) != "CoverageDescription":
        raise ResponseError(
            tr(
                "{0} answered DescribeCoverage with <{1}> instead of a WCS 1.0.0 CoverageDescription.").format(
                what, local(root.tag))
        )
    offerings = _descendants(root, "CoverageOffering")
    offering = next((o for o in offerings if text_of(_child(o, "name")) == coverage), None)
    if offering is None:
        offering = next((o for o in offerings if text_of(_child(o, "name")).lower() == coverage.lower()), None)
    if offering is None:
        raise ResponseError(tr(
            "{0} did not describe coverage {1!r} in its DescribeCoverage reply.").format(what, coverage))
    desc = CoverageDescription(
        name=text_of(_child(offering, "name")),
        label=text_of(_child(offering, "label")),
        lon_lat_envelope=_envelope(_child(offering, "lonLatEnvelope")),
    )
    grid = _read_domain(offering, desc)
    desc.range_axes = [_read_axis(axis) for axis in _descendants(offering, "AxisDescription")]
    crs = next(iter(_descendants(offering, "supportedCRSs")), None)
    if crs is not None:
        desc.request_crs = _tokens([*_children(crs, "requestResponseCRSs"), *_children(crs, "requestCRSs")])
        desc.response_crs = _tokens([*_children(crs, "requestResponseCRSs"), *_children(crs, "responseCRSs")])
        desc.native_crs = _tokens(_children(crs, "nativeCRSs"))
    _place_grid(desc, grid)
    for holder in _descendants(offering, "nullValues"):
        desc.null_values += [text_of(v) for v in holder.iter() if local(v.tag) == "singleValue" and text_of(v)]
    formats = next(iter(_descendants(offering, "supportedFormats")), None)
    if formats is not None:
        desc.native_format = formats.get("nativeFormat", "")
        desc.formats = _tokens(_children(formats, "formats"))
    interpolations = next(iter(_descendants(offering, "supportedInterpolations")), None)
    if interpolations is not None:
        desc.default_interpolation = interpolations.get("default", "")
        desc.interpolations = [text_of(e) for e in _children(interpolations, "interpolationMethod") if text_of(e)]
        if desc.default_interpolation and desc.default_interpolation not in desc.interpolations:
            desc.interpolations.insert(0, desc.default_interpolation)
    else:
        desc.default_interpolation = "nearest neighbor"  # the schema's default
        desc.interpolations = ["nearest neighbor"]
    return desc


def _read_domain(offering, desc):
    """Envelopes, grid size and times of ``offering`` into ``desc``; returns the grid element (or None)."""
    spatial = next(iter(_descendants(offering, "spatialDomain")), None)
    grid = None
    if spatial is not None:
        for envelope in (c for c in spatial if local(c.tag).startswith("Envelope")):
            box = _envelope(envelope)
            if box is not None:
                desc.envelopes.append((envelope.get("srsName", ""), box))
        grid = next((c for c in spatial if local(c.tag) in ("RectifiedGrid", "Grid")), None)
        if grid is not None:
            desc.grid_size = _grid_size(grid)
    temporal = next(iter(_descendants(offering, "temporalDomain")), None)
    if temporal is not None:
        desc.time_positions = [text_of(e) for e in _children(temporal, "timePosition") if text_of(e)]
        for period in _children(temporal, "timePeriod"):
            desc.time_periods.append(tuple(
                text_of(_child(period, tag)) for tag in ("beginPosition", "endPosition", "timeResolution")
            ))
    return grid


def _read_axis(axis):
    """(name, label, [values]) of an AxisDescription; an interval is 'min/max[/res]'."""
    values = []
    for holder in _children(axis, "values"):
        for value in holder:
            kind = local(value.tag)
            if kind == "singleValue" and text_of(value):
                values.append(text_of(value))
            elif kind == "interval":
                parts = [text_of(_child(value, tag)) for tag in ("min", "max", "res")]
                values.append("/".join(parts if parts[2] else parts[:2]))
    return (text_of(_child(axis, "name")), text_of(_child(axis, "label")), values)


def _place_grid(desc, grid):
    """Which envelope the grid belongs to, and its resolution.

    Servers may list several envelopes (MapServer: EPSG:4326 first, then the native CRS; GSKY: a
    CRS84 envelope with a grid in EPSG:4326). The grid's CRS is its own srsName; else the CRS of
    the one envelope that holds the grid's origin (a native CRS among several); else the native
    CRS's envelope; else the last envelope. ``grid_envelope`` is the envelope in that CRS (or
    the first one when none is)."""
    origin, offsets = _grid_geometry(grid) if grid is not None else (None, [])
    envelopes = desc.envelopes
    native = {c.lower() for c in desc.native_crs}
    crs = (grid.get("srsName") or "").strip() if grid is not None else ""
    if not crs and envelopes:
        holding = [(c, b) for c, b in envelopes if origin and _holds(b, origin)]
        if len(holding) > 1:
            holding = [(c, b) for c, b in holding if c.lower() in native] or holding[-1:]
        chosen = holding or [(c, b) for c, b in envelopes if c.lower() in native] or envelopes[-1:]
        crs = chosen[0][0]
    desc.grid_crs = crs
    chosen = next(((c, b) for c, b in envelopes if c.lower() == crs.lower()), envelopes[0] if envelopes else None)
    if chosen is not None:
        desc.grid_envelope_crs, desc.grid_envelope = chosen
    if len(offsets) >= 2 and abs(offsets[0][0]) > 0 and abs(offsets[1][1]) > 0:
        desc.grid_resolution = (abs(offsets[0][0]), abs(offsets[1][1]))
    elif desc.grid_size and desc.grid_envelope and desc.grid_envelope_crs.lower() == crs.lower():
        minx, miny, maxx, maxy = desc.grid_envelope
        resx, resy = (maxx - minx) / desc.grid_size[0], abs(maxy - miny) / desc.grid_size[1]
        if resx > 0 and resy > 0:
            desc.grid_resolution = (resx, resy)


def _grid_geometry(grid):
    """The RectifiedGrid's origin (x, y) and offset vectors [(dx, dy), …] (None / [] if absent)."""
    def pair(text):
        try:
            values = [float(v) for v in text.replace(",", " ").split()[:2]]
        except ValueError:
            return None
        return tuple(values) if len(values) == 2 and all(math.isfinite(v) for v in values) else None

    origin_el = _child(grid, "origin")
    origin = pair(text_of(_child(origin_el, "pos") if _child(origin_el, "pos") is not None else origin_el)) \
        if origin_el is not None else None
    offsets = [v for v in (pair(text_of(e)) for e in _children(grid, "offsetVector")) if v is not None]
    return origin, offsets


def _holds(box, point):
    minx, miny, maxx, maxy = box
    slack_x, slack_y = abs(maxx - minx) * 1e-6, abs(maxy - miny) * 1e-6
    return min(minx, maxx) - slack_x <= point[0] <= max(minx, maxx) + slack_x and \
        min(miny, maxy) - slack_y <= point[1] <= max(miny, maxy) + slack_y


def _grid_size(grid):
    envelope = next(iter(_descendants(grid, "GridEnvelope")), None)
    if envelope is None:
        return None
    try:
        low = [int(v) for v in text_of(_child(envelope, "low")).split()]
        high = [int(v) for v in text_of(_child(envelope, "high")).split()]
    except ValueError:
        return None
    if len(low) < 2 or len(high) < 2:
        return None
    return (high[0] - low[0] + 1, high[1] - low[1] + 1)


# --- formats ----------------------------------------------------------------

TIFF_TYPES = {"image/tiff", "image/geotiff", "image/x-geotiff", "image/tif", "image/x-tiff"}
_NAMED = {
    "png": {"image/png"},
    "jpeg": {"image/jpeg"},
    "jpg": {"image/jpeg"},
    "gif": {"image/gif"},
    "netcdf": {"application/netcdf", "application/x-netcdf"},
    "hdf": {"application/x-hdf", "application/x-hdf5"},
    "hdf-eos": {"application/x-hdf", "application/x-hdf5"},
    "gml": {"application/gml+xml", "text/xml", "application/xml"},
}


def media_type(content_type):
    """``'Image/TIFF; charset=x'`` → ``'image/tiff'``."""
    return (content_type or "").split(";", 1)[0].strip().lower()


def is_tiff_format(fmt):
    fmt = media_type(fmt)
    return "tif" in fmt or fmt in ("gtiff",)


def expected_media_types(fmt):
    """The media types a reply in FORMAT ``fmt`` may carry."""
    kind = media_type(fmt)
    if is_tiff_format(kind):
        return TIFF_TYPES | ({kind} if "/" in kind else set())
    if "/" in kind:
        return {kind}
    base = kind.split("_")[0].split("-")[0]  # MapServer names such as GEOTIFF_16, PNG8...
    return _NAMED.get(kind) or _NAMED.get(base) or {f"image/{kind}", f"image/{base}"}


def _is_xml_type(kind):
    return kind in (SE_XML, "text/xml", "application/xml") or kind.endswith("+xml")


def _looks_like_tiff(head):
    return head[:4] in (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+")


# --- client -----------------------------------------------------------------


class Wcs10Client:
    """Talk to one WCS 1.0.0 server.

    ``credentials`` (a :class:`~.auth.Credentials`) are sent as HTTP Basic to the configured
    URL's origin only; ``auth_hint`` names their auth config in error messages; ``name`` names
    the server in messages ("WCS server").
    """

    def __init__(self, url: Optional[str], *, session: Any = None, credentials: Optional[Credentials] = None,
                 auth_hint: str = "", timeout: Any = DEFAULT_TIMEOUT, name: Optional[str] = None,
                 max_coverage_bytes: Optional[int] = COVERAGE_LIMIT) -> None:
        url = (url or "").strip()
        if not url:
            raise InputError(tr("Enter the URL of the WCS server."))
        if urlsplit(url).scheme.lower() not in ("http", "https"):
            raise InputError(tr("{0!r} is not a valid WCS URL: it needs http:// or https://.").format(url))
        self.url = _service_url(url)
        self.session = session or new_session()
        self.credentials = credentials
        self.auth_hint = auth_hint
        self.timeout = timeout
        self.name = name or tr("WCS server")
        self.max_coverage_bytes = int(max_coverage_bytes or COVERAGE_LIMIT)
        self._capabilities: Optional[Capabilities] = None
        self._descriptions: Dict[str, CoverageDescription] = {}

    # -- plumbing --

    def _auth(self, url):
        if self.credentials is None or not _same_origin(url, self.url):
            return None
        return (self.credentials.username, self.credentials.password)

    def _get(self, prefix, pairs):
        url = get_prefix(prefix) + urlencode(pairs, safe=":,/", quote_via=quote)
        return send(self.session, "GET", url, self.name, auth_hint=self.auth_hint, timeout=self.timeout,
                    auth=self._auth(url))

    def _post(self, url, body):
        return send(self.session, "POST", url, self.name, auth_hint=self.auth_hint, timeout=self.timeout,
                    auth=self._auth(url), data=body, headers={"Content-Type": "text/xml; charset=UTF-8"})

    def _base_pairs(self, operation):
        return [("SERVICE", "WCS"), ("VERSION", VERSION), ("REQUEST", operation)]

    # -- operations --

    def capabilities(self, refresh: bool = False) -> Capabilities:
        """The server's WCS 1.0.0 capabilities (fetched once per client unless ``refresh``)."""
        if self._capabilities is None or refresh:
            response = self._get(self.url, self._base_pairs("GetCapabilities"))
            data = read_capped(response, CAPABILITIES_LIMIT, tr("{0}'s capabilities").format(self.name))
            self._capabilities = parse_capabilities(data, self.url, self.name)
        return self._capabilities

    def describe(self, name: str) -> CoverageDescription:
        """The CoverageDescription of coverage ``name`` (remembered for get_coverage's checks)."""
        if not (name or "").strip():
            raise InputError(tr("Choose a coverage to describe."))
        caps = self.capabilities()
        get_url = caps.get_urls.get("DescribeCoverage")
        post_url = caps.post_urls.get("DescribeCoverage")
        if get_url or not post_url:
            response = self._get(get_url or self.url, [*self._base_pairs("DescribeCoverage"), ("COVERAGE", name)])
        else:
            root = etree.Element(f"{{{WCS}}}DescribeCoverage", nsmap={None: WCS}, service="WCS", version=VERSION)
            etree.SubElement(root, f"{{{WCS}}}Coverage").text = name
            response = self._post(post_url, etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
        data = read_capped(response, DESCRIPTION_LIMIT, tr("{0}'s description of {1!r}").format(self.name, name))
        description = parse_description(data, name, self.name)
        self._descriptions[name] = description
        return description

    def get_coverage(self, request: GetCoverageRequest, dest_path: str, cancelled: Optional[Callable[[], bool]] = None,
                     progress: Optional[Callable[[int, Optional[int]], None]] = None,
                     description: Optional[CoverageDescription] = None) -> str:
        """Fetch ``request`` into ``dest_path``; returns the path.

        The request is checked first (against ``description``, or the one an earlier
        :meth:`describe` of that coverage returned). KVP GET is used unless the server offers
        only an XML POST for GetCoverage. ``progress(bytes_done, bytes_total_or_None)``;
        ``cancelled()`` → True stops the transfer. On failure nothing is written at ``dest_path``.
        """
        description = description or self._descriptions.get(request.coverage)
        request.validate(description)
        caps = self.capabilities()
        get_url = caps.get_urls.get("GetCoverage")
        post_url = caps.post_urls.get("GetCoverage")
        if get_url or not post_url:
            return self.get_coverage_kvp(request.kvp(), dest_path, request.format, cancelled, progress)
        if cancelled and cancelled():
            raise Cancelled()
        response = self._post(post_url, request.xml())
        return self._save(response, dest_path, request.format, cancelled, progress)

    def get_coverage_kvp(self, pairs: List[Tuple[str, str]], dest_path: str, fmt: str,
                         cancelled: Optional[Callable[[], bool]] = None,
                         progress: Optional[Callable[[int, Optional[int]], None]] = None) -> str:
        """Send GetCoverage with the KVP ``pairs`` as given (no checks; SERVICE/VERSION/REQUEST are
        added) to the advertised Get URL and save the reply as :meth:`get_coverage` does."""
        if cancelled and cancelled():
            raise Cancelled()
        prefix = self.capabilities().get_urls.get("GetCoverage") or self.url
        response = self._get(prefix, [*self._base_pairs("GetCoverage"), *pairs])
        return self._save(response, dest_path, fmt, cancelled, progress)

    # -- saving --

    def _save(self, response, dest_path, fmt, cancelled, progress):
        dest_path = os.fspath(dest_path)
        try:
            kind = media_type(response.headers.get("Content-Type"))
            expected = expected_media_types(fmt)
            if kind not in expected and (kind == SE_XML or _is_xml_type(kind) or kind.startswith("text/")):
                raise self._wrong_reply(read_body(response, ERROR_BODY_LIMIT), kind, fmt)
            if kind not in expected and kind not in ("application/octet-stream", ""):
                raise ResponseError(
                    tr(
                        "{0} sent {1} instead of the {2} coverage that was requested; nothing was saved. Choose "
                        "another format or ask the server's administrator.").format(self.name, kind, fmt)
                )
            part = dest_path + ".part"
            try:
                head = self._stream(response, part, cancelled, progress)
                if kind not in expected or _is_xml_type(kind) or (is_tiff_format(fmt) and not _looks_like_tiff(head)):
                    self._check_content(part, head, kind, fmt, expected)
                try:
                    os.replace(part, dest_path)
                except OSError as exc:
                    raise EoOrderError(
                        tr(
                            "Could not save the coverage as {0!r} ({1}): choose another file name or folder.").format(
                            dest_path, exc.strerror or exc)
                    ) from None
            except BaseException:
                _remove(part)
                raise
        finally:
            response.close()
        return dest_path

    def _stream(self, response, part, cancelled, progress):
        """Write the body to ``part``; returns its first bytes."""
        total = response.headers.get("Content-Length")
        total = int(total) if total and total.isdigit() and not response.headers.get("Content-Encoding") else None
        cap = self.max_coverage_bytes
        if total is not None and total > cap:
            raise ResponseError(
                tr(
                    "{0} announced a coverage of {1}, more than the {2} limit; nothing was saved. Ask for a smaller "
                    "extent or a coarser resolution, or raise the limit.").format(
                    self.name, _size_text(total), _size_text(cap))
            )
        folder = os.path.dirname(os.path.abspath(part))
        done, head = 0, b""
        try:
            os.makedirs(folder, exist_ok=True)
            with open(part, "wb") as out:
                for chunk in response.iter_content(CHUNK):
                    if cancelled and cancelled():
                        raise Cancelled()
                    if done + len(chunk) > cap:
                        raise ResponseError(
                            tr(
                                "{0} sent more than the {1} limit for the coverage; nothing was saved. Ask for a "
                                "smaller extent or a coarser resolution, or raise the limit.").format(
                                self.name, _size_text(cap))
                        )
                    if len(head) < 512:
                        head += chunk[: 512 - len(head)]
                    out.write(chunk)
                    done += len(chunk)
                    if progress:
                        progress(done, total)
        except requests.exceptions.RequestException as exc:
            raise NetworkError(
                tr(
                    "The connection to {0} broke after {1} bytes of the coverage ({2}); nothing was saved. "
                    "Try again.").format(
                    self.name, done, exc.__class__.__name__)
            ) from None
        except OSError as exc:
            raise EoOrderError(
                tr(
                    "Could not write the coverage to {0!r} ({1}): check that the folder is writable and has free "
                    "space.").format(part, exc.strerror or exc)
            ) from None
        if total is not None and done < total:
            raise NetworkError(
                tr(
                    "{0} sent {1} of {2} bytes of the coverage before the connection closed; nothing was saved. Try "
                    "again.").format(self.name, done, total)
            )
        if done == 0:
            raise ResponseError(tr(
                "{0} sent an empty reply instead of the coverage; nothing was saved.").format(self.name))
        return head

    def _check_content(self, part, head, kind, fmt, expected):
        """A reply of an unlabelled or XML type, or a 'TIFF' that is not one: find out what it is."""
        stripped = head.lstrip().lstrip(b"\xef\xbb\xbf")
        if stripped.startswith(b"<"):
            with open(part, "rb") as data:
                error = self._wrong_reply(data.read(ERROR_BODY_LIMIT), kind, fmt)
            if isinstance(error, ServiceError) or not any(_is_xml_type(t) for t in expected):
                raise error
            return
        if is_tiff_format(fmt) and not _looks_like_tiff(head):
            raise ResponseError(
                tr(
                    "{0} sent a {1} that is not a GeoTIFF although {2} was requested; nothing was saved.").format(
                    self.name, kind or tr("reply"), fmt)
            )

    def _wrong_reply(self, body, kind, fmt):
        if looks_like_html(body):
            message = html_message(body, self.name, tr("the {0} coverage").format(fmt))
            return ResponseError(message + tr(" Nothing was saved."))
        stripped = body.lstrip().lstrip(b"\xef\xbb\xbf")
        if stripped.startswith(b"<"):
            try:
                root = etree.fromstring(stripped, etree.XMLParser(resolve_entities=False, no_network=True,
                                                                  load_dtd=False, huge_tree=False))
            except etree.XMLSyntaxError:
                root = None
            if root is not None:
                error = exception_from(root, self.name)
                if error is not None:
                    return error
                return ResponseError(
                    tr(
                        "{0} sent an XML document <{1}> instead of the {2} coverage; nothing was saved.").format(
                        self.name, local(root.tag), fmt)
                )
        excerpt = " ".join(body[:200].decode("utf-8", "replace").split())
        return ResponseError(
            tr("{0} sent {1} instead of the {2} coverage; nothing was saved.").format(
                self.name, kind or tr("an unlabelled reply"), fmt)
            + (tr(" It said: {0}").format(excerpt) if excerpt else "")
        )


def read_capped(response, limit, what):
    """The whole body of ``response``, counted after decompression; ResponseError past ``limit`` bytes
    (read no further: a gzip bomb never becomes gigabytes). ``what`` names the document."""
    data, done = [], 0
    try:
        for chunk in response.iter_content(8192):  # small reads: one gzip chunk inflates at most ~1000×
            done += len(chunk)
            if done > limit:
                raise ResponseError(
                    tr(
                        "{0} is larger than {1} once decompressed; EO Order stopped reading it. Check the URL, or "
                        "ask the server's administrator.").format(what, _size_text(limit))
                )
            data.append(chunk)
    except requests.exceptions.RequestException as exc:
        raise NetworkError(tr(
            "The connection broke while reading {0} ({1}). Try again.").format(what, exc.__class__.__name__)) from None
    finally:
        response.close()
    return b"".join(data)


def _size_text(size):
    for unit, shift in (("GiB", 30), ("MiB", 20), ("KiB", 10)):
        if size >= 1 << shift:
            return f"{size / (1 << shift):.3g} {unit}"
    return tr("{0} bytes").format(size)


def _remove(path):
    try:
        os.remove(path)
    except FileNotFoundError:
        pass
    except OSError:
        pass


def _service_url(url):
    """``url`` without the WCS operation keys a user may have pasted with it (map=... stays)."""
    parts = urlsplit(url)
    if not parts.query:
        return url
    kept = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k.lower() not in _OWN_KEYS]
    return parts._replace(query=urlencode(kept, safe=":,/", quote_via=quote), fragment="").geturl()


def _origin(url):
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    port = parts.port or {"http": 80, "https": 443}.get(scheme)
    return scheme, (parts.hostname or "").lower(), port


def _same_origin(a, b):
    return _origin(a) == _origin(b)
