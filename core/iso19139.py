"""ISO 19139 metadata records (``gmd:MD_Metadata``, ``gmi:MI_Metadata``) as :class:`~.models.Record`.

The schema GeoNetwork, INSPIRE geoportals, most national catalogues and pycsw's ``apiso``
profile answer with when a GetRecords asks for ``outputSchema="http://www.isotc211.org/2005/gmd"``.
What is read (the first non-empty value of each, all of them for lists):

============================  ============================================================
Record                        ISO 19139
============================  ============================================================
record_id                     ``gmd:fileIdentifier``
title, abstract               ``identificationInfo/*/citation/CI_Citation/title``, ``…/abstract``
type                          ``gmd:hierarchyLevel/MD_ScopeCode@codeListValue`` (dataset, series, service…)
date                          the temporal extent's begin (or time position), else the citation's
                              first date, else ``gmd:dateStamp``
subjects                      every ``MD_Keywords/keyword``
format                        ``distributionFormat/MD_Format/name``
references                    every ``CI_OnlineResource``: its ``linkage/URL`` under its protocol
                              (``OGC:WMS``, ``WWW:LINK-1.0-http--link``… ; "link" without one);
                              ``graphicOverview/MD_BrowseGraphic/fileName`` under "thumbnail"
bbox                          the first ``EX_GeographicBoundingBox`` (decimal degrees, lon/lat by
                              definition), else the envelope of the first ``EX_BoundingPolygon``
                              (``gml:posList``/``gml:pos`` in the polygon's ``srsName`` axis order)
============================  ============================================================

Texts are ``gco:CharacterString`` or ``gmx:Anchor`` (or any other single child with text); all of
them are trimmed at both ends only.
"""

from .boxes import BOUND_MISSING, POLYGON_NOT_NUMBER, POLYGON_UNUSABLE, box_from_corners
from .models import THUMBNAIL, Record, check_record_box

GMD = "http://www.isotc211.org/2005/gmd"
GMI = "http://www.isotc211.org/2005/gmi"
GCO = "http://www.isotc211.org/2005/gco"
RECORD_TAGS = (f"{{{GMD}}}MD_Metadata", f"{{{GMI}}}MI_Metadata")


def _text(element):
    """The trimmed text of ``element`` or of its first descendant that has text ('' if none)."""
    if element is None:
        return ""
    for node in element.iter():
        text = node.text
        if text and text.strip():
            return text.strip()
    return ""


def _first(element, path):
    """Text of the first element matching ``path`` (``{*}`` local-name steps) with text."""
    for found in element.iterfind(path):
        text = _text(found)
        if text:
            return text
    return ""


def _number(element, name):
    text = _first(element, f"{{*}}{name}")
    try:
        return float(text)
    except ValueError:
        return None


def _geographic_box(element):
    """(box, problem) from an EX_GeographicBoundingBox."""
    west, east, south, north = (_number(element, n) for n in (
        "westBoundLongitude", "eastBoundLongitude", "southBoundLatitude", "northBoundLatitude"))
    if None in (west, east, south, north):
        return None, BOUND_MISSING
    return check_record_box(west, south, east, north)


def _polygon_box(element):
    """(box, problem): the envelope of an EX_BoundingPolygon's first GML polygon."""
    numbers = []
    crs = None
    for node in element.iter("{*}posList", "{*}pos", "{*}coordinates"):
        if crs is None:
            holder = node
            while holder is not None and crs is None:
                crs = holder.get("srsName")
                holder = holder.getparent() if holder is not element else None
        text = (node.text or "").replace(",", " ")
        try:
            numbers.extend(float(v) for v in text.split())
        except ValueError:
            return None, POLYGON_NOT_NUMBER
    if len(numbers) < 4 or len(numbers) % 2:
        return None, POLYGON_UNUSABLE
    first, second = numbers[0::2], numbers[1::2]
    return box_from_corners((min(first), min(second)), (max(first), max(second)), crs)


def parse_iso_record(element):
    """A :class:`Record` from a ``gmd:MD_Metadata`` / ``gmi:MI_Metadata`` element."""
    rec = Record(record_id=_first(element, "{*}fileIdentifier"), schema="iso")
    for scope in element.iterfind("{*}hierarchyLevel/{*}MD_ScopeCode"):
        rec.type = (scope.get("codeListValue") or scope.text or "").strip()
        if rec.type:
            break
    ident = next(iter(element.iterfind("{*}identificationInfo/*")), None)
    citation_date = _read_identification(rec, ident) if ident is not None else ""
    rec.date = rec.date or citation_date or _first(element, "{*}dateStamp")
    rec.format = _first(element, "{*}distributionInfo//{*}MD_Format/{*}name")
    for online in element.iterfind("{*}distributionInfo//{*}CI_OnlineResource"):
        url = _first(online, "{*}linkage")
        if url:
            protocol = _first(online, "{*}protocol") or "link"
            rec.references.setdefault(protocol, []).append(url)
    return rec


def _read_identification(rec, ident):
    """Title, abstract, keywords, thumbnails, dates and box from the identification info; returns
    the citation date (used when the extent gives no date)."""
    citation_date = ""
    citation = next(iter(ident.iterfind("{*}citation/{*}CI_Citation")), None)
    if citation is not None:
        rec.title = " ".join(_first(citation, "{*}title").split())
        citation_date = _first(citation, "{*}date/{*}CI_Date/{*}date")
    rec.abstract = _first(ident, "{*}abstract")
    for keyword in ident.iterfind("{*}descriptiveKeywords/{*}MD_Keywords/{*}keyword"):
        value = " ".join(_text(keyword).split())
        if value:
            rec.subjects.append(value)
    for name in ident.iterfind("{*}graphicOverview/{*}MD_BrowseGraphic/{*}fileName"):
        url = _text(name)
        if url:
            rec.references.setdefault(THUMBNAIL, []).append(url)
    for extent in ident.iter("{*}EX_Extent"):
        if not rec.date:
            rec.date = _first(extent, ".//{*}beginPosition") or _first(extent, ".//{*}timePosition")
        _read_extent_box(rec, extent)
    return citation_date


def _read_extent_box(rec, extent):
    """The first usable geographic box or bounding polygon of an extent (else why there is none)."""
    for box_element in extent.iter("{*}EX_GeographicBoundingBox", "{*}EX_BoundingPolygon"):
        if rec.bbox is not None:
            return
        reader = _geographic_box if box_element.tag.endswith("Box") else _polygon_box
        box, problem = reader(box_element)
        if box is not None:
            rec.bbox, rec.box_problem = box, ""
        elif not rec.box_problem:
            rec.box_problem = problem
