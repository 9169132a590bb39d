"""Record boxes from catalogue replies: axis order and sanity.

A box written in a CRS whose official axis order is latitude first (EPSG:4326, EPSG:4258 —
ETRS89, the INSPIRE default —, EPSG:4269, EPSG:4283, …) has its corners as "lat lon". Which
CRSs those are is asked of QGIS (PROJ's database, ``QgsCoordinateReferenceSystem.hasAxisInverted``),
never taken from a list. CRS84 (``urn:ogc:def:crs:OGC:1.3:CRS84``, ``CRS:84``) is lon/lat, and so
is a box without a CRS.

After the swap, a "latitude" outside ±90 whose longitude would fit means the server wrote the
box the other way round: it is swapped back. A box that fits neither way, or that is not made of
finite numbers, is not used (the record is kept without a footprint; the reason is kept in
``Record.box_problem``, in English: it is written per record, and translated by
:func:`problem_text` only when a warning shows it).
"""

import re
import threading

from .i18n import tr_noop, translate
from .models import check_record_box


def tr(text):
    return translate("EoOrderBoxes", text)


# Why a record's box cannot be drawn, as the readers write it per record (models.check_record_box,
# csw.read_box, iso19139); {0}, {1} stand for the values written in.
CORNER_MISSING = tr_noop("a corner is missing")
BOUND_MISSING = tr_noop("a bound of the geographic bounding box is missing or not a number")
POLYGON_NOT_NUMBER = tr_noop("the bounding polygon has a coordinate that is not a number")
POLYGON_UNUSABLE = tr_noop("the bounding polygon has no usable coordinates")
_PROBLEMS = (
    tr_noop("a coordinate is not a finite number"),
    tr_noop("longitudes {0}, {1} outside -180…180"),
    tr_noop("latitudes {0}, {1} outside -90…90"),
    tr_noop("south {0} is north of north {1}"),
    tr_noop("the corner {0} is not two numbers"),
    CORNER_MISSING,
    BOUND_MISSING,
    POLYGON_NOT_NUMBER,
    POLYGON_UNUSABLE,
)
_PROBLEM_PATTERNS = [(re.compile(re.escape(p).replace(r"\{0\}", "(.*)").replace(r"\{1\}", "(.*)")), p)
                     for p in _PROBLEMS]


def problem_text(problem):
    """A record's ``box_problem`` in the user's language (the values in it kept as written)."""
    for pattern, template in _PROBLEM_PATTERNS:
        match = pattern.fullmatch(problem)
        if match:
            return tr(template).format(*match.groups())
    return problem

_CRS84 = re.compile(r"crs:?84$", re.IGNORECASE)
_EPSG_CODE = re.compile(r"epsg(?:[:/]+(?:[\d.]+)?)?[:/]+(\d+)$", re.IGNORECASE)
_cache: dict = {}
_lock = threading.Lock()


def crs_is_latlon(crs):
    """True when coordinates in ``crs`` (any spelling: ``EPSG:4258``, ``urn:ogc:def:crs:EPSG::4258``,
    ``urn:x-ogc:def:crs:EPSG:6.11:4326``, ``http://www.opengis.net/def/crs/EPSG/0/4258``) are
    written latitude first. CRS84, unknown and absent CRSs are lon/lat."""
    text = (crs or "").strip()
    if not text or _CRS84.search(text):
        return False
    key = text.lower()
    with _lock:
        cached = _cache.get(key)
    if cached is not None:
        return cached
    inverted = _ask_qgis(text)
    with _lock:
        _cache[key] = inverted
    return inverted


def _ask_qgis(text):
    from qgis.core import QgsCoordinateReferenceSystem  # noqa: PLC0415 - QGIS only when a CRS is named

    match = _EPSG_CODE.search(text)
    crs = QgsCoordinateReferenceSystem(f"EPSG:{match.group(1)}") if match else QgsCoordinateReferenceSystem()
    if not crs.isValid():
        crs.createFromOgcWmsCrs(text)
    return bool(crs.isValid() and crs.isGeographic() and crs.hasAxisInverted())


def box_from_corners(lower, upper, crs=None):
    """``(box, problem)`` from a box's lower and upper corners as written (two pairs of floats),
    in ``crs``; ``box`` is (west, south, east, north) lon/lat or None (``problem`` says why)."""
    if crs_is_latlon(crs):
        lower, upper = lower[::-1], upper[::-1]
    box, problem = check_record_box(lower[0], lower[1], upper[0], upper[1])
    if box is None:
        # The other axis order fits the world: the server wrote it the other way round.
        swapped, _ = check_record_box(lower[1], lower[0], upper[1], upper[0])
        if swapped is not None and max(abs(lower[1]), abs(upper[1])) > 90:
            return swapped, ""
    return box, problem
