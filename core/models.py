"""Plain data passed between the protocol clients, the tasks and Processing."""

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Tuple

from .errors import InputError
from .i18n import tr_noop, translate


def tr(text):
    return translate("EoOrderModels", text)


# the names parse_when gives a date in its message (callers pass these English words)
DATE_NAMES = (tr_noop("date"), tr_noop("start date"), tr_noop("end date"), tr_noop("sensing start"),
              tr_noop("sensing end"))


@dataclass(frozen=True)
class BBox:
    """A box in WGS 84 longitude/latitude degrees. ``west > east`` is a box across the
    antimeridian (from ``west`` east to 180° and on from -180° to ``east``), as a map centred on the
    Pacific shows it; :meth:`parts` splits it into boxes that do not cross."""

    west: float
    south: float
    east: float
    north: float

    def __post_init__(self):
        values = (self.west, self.south, self.east, self.north)
        if any(v != v or v in (float("inf"), float("-inf")) for v in values):
            raise InputError(tr("The search box has a missing or infinite coordinate."))
        if not (-180 <= self.west <= 180 and -180 <= self.east <= 180):
            raise InputError(tr(
                "The search box longitudes ({0:g}, {1:g}) must lie between -180 and 180: set the box in WGS 84 "
                "degrees.").format(self.west, self.east))
        if not (-90 <= self.south <= 90 and -90 <= self.north <= 90):
            raise InputError(tr(
                "The search box latitudes ({0:g}, {1:g}) must lie between -90 and 90: set the box in WGS 84 "
                "degrees.").format(self.south, self.north))
        if self.south > self.north:
            raise InputError(tr("The search box is inverted (south > north): draw or type the box again."))

    @property
    def crosses_antimeridian(self) -> bool:
        return self.west > self.east

    def parts(self) -> List[Tuple[float, float, float, float]]:
        """The box as (west, south, east, north) tuples that do not cross the antimeridian: itself,
        or its part up to 180° and its part from -180°."""
        if not self.crosses_antimeridian:
            return [(self.west, self.south, self.east, self.north)]
        return [(self.west, self.south, 180.0, self.north), (-180.0, self.south, self.east, self.north)]

    @classmethod
    def clamped(cls, west: float, south: float, east: float, north: float) -> "BBox":
        """A box cut to the world's bounds: for map views that show more than
        the whole world (the user means "everything I see")."""
        return cls(max(-180.0, west), max(-90.0, south), min(180.0, east), min(90.0, north))

    @classmethod
    def parse(cls, text: Optional[str]) -> "BBox":
        """Read ``"west,south,east,north"`` (commas or spaces)."""
        parts = [p for p in re.split(r"[,\s]+", (text or "").strip()) if p]
        if len(parts) != 4:
            raise InputError(tr("A box needs four numbers west,south,east,north; got {0!r}.").format(text))
        try:
            return cls(*(float(p) for p in parts))
        except ValueError as exc:
            raise InputError(tr("A box needs four numbers; got {0!r}.").format(text)) from exc


def parse_when(text, what="date"):
    """Parse an ISO date or date-time (``2013-03-29``, ``2013-03-29Z``,
    ``2013-03-29T12:00:00Z``, ``2013-03-29 12:00``); empty → None.

    Returns a ``datetime.date`` for a bare date, else a timezone-aware UTC
    ``datetime.datetime`` (no zone means UTC, as on EODMS and Copernicus).
    """
    if text is None:
        return None
    if isinstance(text, dt.datetime):
        return text if text.tzinfo else text.replace(tzinfo=dt.timezone.utc)
    if isinstance(text, dt.date):
        return text
    text = str(text).strip()
    if not text:
        return None
    raw = text[:-1] if text.endswith(("Z", "z")) else text
    try:
        if len(raw) == 10:
            return dt.date.fromisoformat(raw)
        value = dt.datetime.fromisoformat(raw.replace(" ", "T", 1))
    except ValueError:
        raise InputError(tr("The {0} {1!r} is not an ISO date such as 2013-03-29 or 2013-03-29T12:00:00Z.").format(
            tr(what), text)) from None
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.timezone.utc)
    return value.astimezone(dt.timezone.utc)


def _as_datetime(value):
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime(value.year, value.month, value.day, tzinfo=dt.timezone.utc)


@dataclass
class SearchQuery:
    """What the user asked for.

    ``start`` is inclusive and ``end`` exclusive on the record date: searching
    2013-01-01 .. 2013-03-29 finds records dated 2013-01-01 up to 2013-03-28.
    """

    bbox: BBox
    start: Optional[Any] = None  # date | datetime | text | None; a date or datetime after checking
    end: Optional[Any] = None
    title: str = "*"
    max_records: int = 1000
    page_size: int = 100

    def __post_init__(self):
        self.start = parse_when(self.start, "start date")
        self.end = parse_when(self.end, "end date")
        if self.start and self.end and _as_datetime(self.start) >= _as_datetime(self.end):
            raise InputError(tr(
                "The start date {0} is not before the end date {1} (the end date is exclusive): swap or widen them."
            ).format(self.start.isoformat(), self.end.isoformat()))
        self.title = (self.title or "").strip() or "*"
        if int(self.max_records) < 1:
            raise InputError(tr("The maximum number of records must be at least 1."))
        self.max_records = int(self.max_records)
        self.page_size = max(1, min(int(self.page_size), self.max_records))


@dataclass
class Record:
    """One catalogue record, read from CSW Dublin Core (``csw:Record``, as EODMS and most
    servers send it) or ISO 19139 (``gmd:MD_Metadata``): one model for both.

    ``bbox`` is (west, south, east, north) in lon/lat degrees, already checked: finite, inside
    the world, south ≤ north. ``west > east`` means the box crosses the antimeridian (it runs
    east from ``west`` to 180° and on from -180° to ``east``). ``box_problem`` says why a box the
    record carried was not used (then ``bbox`` is None); the record is kept all the same.
    """

    record_id: str
    title: str = ""
    type: str = ""
    subjects: List[str] = field(default_factory=list)
    format: str = ""
    date: str = ""
    references: Dict[str, List[str]] = field(default_factory=dict)  # scheme -> [url, ...]
    source: str = ""
    bbox: Optional[Tuple[float, ...]] = None  # (west, south, east, north) lon/lat, or None
    collection_id: str = ""
    abstract: str = ""
    schema: str = "dc"  # "dc" (Dublin Core) or "iso" (ISO 19139)
    box_problem: str = ""

    @property
    def beam_mode(self) -> str:
        """EODMS puts the beam mode (F2, S7, W1...) in its own dc:subject; the
        other subject is a comma-separated keyword list. Take the last subject
        that is a single token."""
        for subject in reversed(self.subjects):
            if subject and " " not in subject and "," not in subject:
                return subject
        return ""

    @property
    def acquired(self):
        """The record date as ``datetime.date`` (None if absent or unreadable)."""
        text = (self.date or "").strip()
        try:
            return dt.date.fromisoformat(text[:10]) if len(text) >= 10 else None
        except ValueError:
            return None

    def reference(self, *schemes):
        """First URL of the first scheme present among ``schemes``."""
        for scheme in schemes:
            urls = self.references.get(scheme)
            if urls:
                return urls[0]
        return ""

    @property
    def thumbnail_url(self):
        """EODMS' THUMBVIEW/OVERVIEW, else a link marked as a thumbnail (GeoNetwork's ``dc:URI``,
        ISO ``graphicOverview``)."""
        return self.reference("THUMBVIEW", "OVERVIEW", THUMBNAIL)


THUMBNAIL = "thumbnail"  # the references key of thumbnails that are not EODMS'

# The world, for checking boxes read from catalogues.
WORLD_WEST, WORLD_EAST, WORLD_SOUTH, WORLD_NORTH = -180.0, 180.0, -90.0, 90.0


def check_record_box(west, south, east, north):
    """``(box, problem)``: the box as (west, south, east, north) when it can be drawn on the
    world, else ``(None, why)``. Not finite, out of the world (|lon| > 180, |lat| > 90) and
    south > north are problems; west > east is a box across the antimeridian and is kept."""
    values = (west, south, east, north)
    if not all(math.isfinite(v) for v in values):
        return None, "a coordinate is not a finite number"
    if not all(WORLD_WEST <= v <= WORLD_EAST for v in (west, east)):
        return None, f"longitudes {west:g}, {east:g} outside -180…180"
    if not all(WORLD_SOUTH <= v <= WORLD_NORTH for v in (south, north)):
        return None, f"latitudes {south:g}, {north:g} outside -90…90"
    if south > north:
        return None, f"south {south:g} is north of north {north:g}"
    return (west, south, east, north), ""
