"""EODMS-shaped Dublin Core ``csw:Record`` documents for the local test and demo servers.

The shape follows the GetRecords response in the EODMS walkthrough (seed 000): identifier, title,
type, two subjects (a keyword list and the beam mode), format, date, OVERVIEW / THUMBVIEW /
transferOptions references, a GetRecordById source URL and an ``ows:BoundingBox``.
"""

import random
from urllib.parse import urlencode

from lxml import etree

NS = {
    "csw": "http://www.opengis.net/cat/csw/2.0.2",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dct": "http://purl.org/dc/terms/",
    "ows": "http://www.opengis.net/ows",
}

# How a record's ows:BoundingBox is written: crs attribute value, and whether corners are "lat lon".
CRS_STYLES = {
    "crs84": ("urn:ogc:def:crs:OGC:1.3:CRS84", False),
    "epsg_urn": ("urn:ogc:def:crs:EPSG::4326", True),
    "none": (None, False),  # what EODMS sends: no crs attribute, "lon lat" corners
}

KEYWORDS = "Satellites, Imaging,Radar, Digital Collection, Mapping, Spatial Data, Remote Sensing"
CREATOR = (
    "Government of Canada; Natural Resources Canada; Earth Sciences Sector; "
    "Canada Centre for Mapping and Earth Observation"
)
DESCRIPTION = (
    "The Radarsat-1 satellite has a synthetic aperture radar(SAR) imaging instrument. "
    "Each of Radarsat-1's seven beam modes offer a different image resolution."
)
THUMB_URL = "https://was-eodms.compusult.net/wes/getObject"
SOURCE_URL = "https://www.eodms-sgdot.nrcan-rncan.gc.ca:80/MetaManagerCSW/csw/eodms_catalog"
TRANSFER_OPTIONS = (
    "http://gs.mdacorporation.com/SatelliteData/Radarsat1/Radarsat1.aspx",
    "http://ceocat.ccrs.nrcan.gc.ca",
)

# The Ottawa search box of the EODMS walkthrough: (minlon, minlat, maxlon, maxlat).
OTTAWA_BBOX = (-76.3556, 44.9617, -75.2466, 45.5371)


def _q(prefix, name):
    return f"{{{NS[prefix]}}}{name}"


def _sub(parent, prefix, name, text=None, **attrib):
    elem = etree.SubElement(parent, _q(prefix, name), attrib)
    if text is not None:
        elem.text = text
    return elem


def _fmt(value):
    return f"{value:.6f}".rstrip("0").rstrip(".")


def thumbnail_url(record_id, collection):
    """The THUMBVIEW/OVERVIEW URL EODMS gives a record (collectionId is a query key)."""
    query = urlencode(
        {
            "FeatureID": f"SERVICE-RSAT1_001-000000000000000000-{record_id}",
            "ObjectType": "Thumbview",
            "collectionId": collection,
        }
    )
    return f"{THUMB_URL}?{query}"


def source_url(record_id):
    """The dc:source GetRecordById URL EODMS gives a record."""
    return (
        f"{SOURCE_URL}?service=CSW&request=GetRecordById&version=2.0.2&ElementSetName=full"
        f"&outputSchema=http://www.isotc211.org/2005/gmd&Id={record_id}&outputFormat=text/html"
    )


def make_record(
    record_id,
    date,
    bbox,
    *,
    title="Radarsat-1 Raw Scenes",
    beam_mode="F2",
    collection="Radarsat1",
    fmt="GeoTIFF",
    crs="crs84",
):
    """Return one EODMS-shaped ``csw:Record`` as an XML string.

    ``bbox`` is (minlon, minlat, maxlon, maxlat); ``date`` an ISO date string; ``crs`` one of
    'crs84' (CRS84 attribute, "lon lat" corners), 'epsg_urn' (EPSG::4326 URN, "lat lon" corners)
    or 'none' (no crs attribute, "lon lat" corners, as EODMS answers).
    """
    if crs not in CRS_STYLES:
        raise ValueError(f"crs must be one of {sorted(CRS_STYLES)}, not {crs!r}")
    minlon, minlat, maxlon, maxlat = bbox
    if not (minlon <= maxlon and minlat <= maxlat):
        raise ValueError(f"bbox must be (minlon, minlat, maxlon, maxlat), got {bbox!r}")
    crs_uri, lat_first = CRS_STYLES[crs]

    rec = etree.Element(_q("csw", "Record"), nsmap=NS)
    _sub(rec, "dc", "identifier", str(record_id))
    _sub(rec, "dc", "title", title)
    _sub(rec, "dc", "type", "dataset")
    _sub(rec, "dc", "subject", KEYWORDS)
    _sub(rec, "dc", "subject", beam_mode)
    _sub(rec, "dc", "format", fmt)
    _sub(rec, "dc", "creator", CREATOR)
    _sub(rec, "dc", "description", DESCRIPTION)
    _sub(rec, "dct", "abstract", DESCRIPTION)
    _sub(rec, "dc", "publisher", "NRCan/CCMEO/EODMS section head")
    _sub(rec, "dc", "date", date)
    _sub(rec, "dc", "language", "eng; CAN")
    thumb = thumbnail_url(record_id, collection)
    _sub(rec, "dct", "references", thumb, scheme="OVERVIEW")
    _sub(rec, "dct", "references", thumb, scheme="THUMBVIEW")
    for url in TRANSFER_OPTIONS:
        _sub(rec, "dct", "references", url, scheme="transferOptions")
    _sub(rec, "dc", "source", source_url(record_id))

    box = _sub(rec, "ows", "BoundingBox")
    if crs_uri:
        box.set("crs", crs_uri)
    if lat_first:
        lower, upper = (minlat, minlon), (maxlat, maxlon)
    else:
        lower, upper = (minlon, minlat), (maxlon, maxlat)
    _sub(box, "ows", "LowerCorner", " ".join(_fmt(v) for v in lower))
    _sub(box, "ows", "UpperCorner", " ".join(_fmt(v) for v in upper))
    return etree.tostring(rec, encoding="unicode", pretty_print=True)


# Footprint sizes in degrees (width, height) by beam family, roughly 50 / 100 / 150 / 300 km.
_FOOTPRINTS = {"F": (0.8, 0.5), "S": (1.3, 0.9), "W": (2.0, 1.4), "SC": (4.0, 2.8)}
_R1_BEAMS = ["F1", "F2", "F3", "F4", "F5", "S1", "S2", "S3", "S4", "S5", "S6", "S7", "W1", "W2", "W3"]
_RCM_BEAMS = ["16M", "5M", "3M", "SC50M"]
_STYLES = ["none", "crs84", "epsg_urn"]

# Places elsewhere in Canada, (lon, lat) of the footprint centre; none touches OTTAWA_BBOX.
_ELSEWHERE = [
    ("Montreal", -73.60, 45.50),
    ("Quebec City", -71.21, 46.81),
    ("Toronto", -79.38, 43.65),
    ("Vancouver", -123.12, 49.28),
    ("Victoria", -123.37, 48.43),
    ("Calgary", -114.07, 51.05),
    ("Winnipeg", -97.14, 49.90),
    ("Halifax", -63.57, 44.65),
    ("St. John's", -52.71, 47.56),
    ("Yellowknife", -114.37, 62.45),
    ("Whitehorse", -135.06, 60.72),
    ("Iqaluit", -68.52, 63.75),
    ("Resolute", -94.83, 74.70),
    ("Inuvik", -133.72, 68.36),
    ("Alert", -62.35, 82.50),
    ("Churchill", -94.16, 58.77),
    ("Thunder Bay", -89.25, 48.38),
    ("Saskatoon", -106.67, 52.13),
    ("Regina", -104.62, 50.45),
    ("Edmonton", -113.49, 53.55),
    ("Gatineau Park north", -75.95, 46.05),  # just north of the Ottawa box: must not match it
    ("Kingston", -76.48, 44.23),  # just south-west of the Ottawa box: must not match it
    ("Sudbury", -80.99, 46.49),
    ("Moncton", -64.78, 46.09),
]


def _box(lon, lat, beam):
    family = "SC" if beam.startswith("SC") else beam[0]
    width, height = _FOOTPRINTS.get(family, _FOOTPRINTS["F"])
    if beam[0].isdigit():  # RCM medium-resolution modes: fine-sized here
        width, height = _FOOTPRINTS["F"]
    return (
        round(lon - width / 2, 6),
        round(lat - height / 2, 6),
        round(lon + width / 2, 6),
        round(lat + height / 2, 6),
    )


def _date(rng, first_year, last_year, last_day=None):
    year = rng.randint(first_year, last_year)
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    value = f"{year:04d}-{month:02d}-{day:02d}"
    if last_day and value > last_day:
        value = last_day
    return value


def demo_records():
    """A deterministic list of ~40 record strings over Canada (same output on every call).

    - 12 Radarsat-1 records intersecting OTTAWA_BBOX, dated 1996-01-01 .. 2013-03-28
      (record 1508208 is the walkthrough's own, dated 2013-02-21);
    - 4 RCM records over Ottawa dated 2019..2023 (a "before 2013-03-29" search excludes them);
    - 24 Radarsat-1 records elsewhere in Canada (two of them just outside the Ottawa box).
    Bounding-box encodings rotate through 'none', 'crs84' and 'epsg_urn'.
    """
    rng = random.Random(20130329)
    records = []
    n = 0

    def style():
        return _STYLES[n % len(_STYLES)]

    # The walkthrough's record, verbatim footprint and date.
    records.append(
        make_record(1508208, "2013-02-21", (-76.275153, 45.191208, -75.444661, 45.739692), crs=style())
    )
    n += 1
    ottawa_c = ((OTTAWA_BBOX[0] + OTTAWA_BBOX[2]) / 2, (OTTAWA_BBOX[1] + OTTAWA_BBOX[3]) / 2)
    fixed_dates = ["1996-03-14", "2013-03-28"]  # first year of operations, last day before the cut
    for i in range(11):
        beam = _R1_BEAMS[i % len(_R1_BEAMS)]
        lon = ottawa_c[0] + rng.uniform(-0.5, 0.5)
        lat = ottawa_c[1] + rng.uniform(-0.3, 0.3)
        date = fixed_dates[i] if i < len(fixed_dates) else _date(rng, 1996, 2013, "2013-03-28")
        records.append(
            make_record(
                1500000 + 1000 * i + rng.randint(0, 999),
                date,
                _box(lon, lat, beam),
                beam_mode=beam,
                crs=style(),
            )
        )
        n += 1
    for i in range(4):
        beam = _RCM_BEAMS[i]
        lon = ottawa_c[0] + rng.uniform(-0.4, 0.4)
        lat = ottawa_c[1] + rng.uniform(-0.2, 0.2)
        records.append(
            make_record(
                7000000 + 1000 * i + rng.randint(0, 999),
                _date(rng, 2019, 2023),
                _box(lon, lat, beam),
                title="RCM Image Products",
                beam_mode=beam,
                collection="RCMImageProducts",
                crs=style(),
            )
        )
        n += 1
    for i, (_name, lon, lat) in enumerate(_ELSEWHERE):
        beam = _R1_BEAMS[(i * 7) % len(_R1_BEAMS)]
        if _name in ("Gatineau Park north", "Kingston"):
            beam = f"F{1 + i % 5}"  # keep these small so they stay outside the Ottawa box
        records.append(
            make_record(
                2000000 + 1000 * i + rng.randint(0, 999),
                _date(rng, 1996, 2013, "2013-03-28"),
                _box(lon, lat, beam),
                beam_mode=beam,
                crs=style(),
            )
        )
        n += 1
    return records
