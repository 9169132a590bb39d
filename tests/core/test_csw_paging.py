"""Paging that stops before the server's numberOfRecordsMatched is said, never silent: in the
search result, the dock's status line and the Processing log."""

import pytest
from lxml import etree

from eo_order.core.csw import CswClient, Profile
from eo_order.core.models import BBox, SearchQuery
from tests.servers.canned import CannedServer

WORLD = BBox(-180, -90, 180, 90)


def page(start, count, matched, next_record):
    """A GetRecords page of ``count`` records numbered from ``start``; ``next_record`` None = no attribute."""
    nxt = "" if next_record is None else f' nextRecord="{next_record}"'
    records = "".join(
        f"<csw:Record><dc:identifier>r{start + i}</dc:identifier><dc:title>Scene {start + i}</dc:title>"
        f"<ows:WGS84BoundingBox><ows:LowerCorner>-76 45</ows:LowerCorner><ows:UpperCorner>-75 46</ows:UpperCorner>"
        f"</ows:WGS84BoundingBox></csw:Record>" for i in range(count))
    return (f'<csw:GetRecordsResponse xmlns:csw="http://www.opengis.net/cat/csw/2.0.2" '
            f'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:ows="http://www.opengis.net/ows">'
            f'<csw:SearchResults numberOfRecordsMatched="{matched}" numberOfRecordsReturned="{count}"{nxt}>'
            f"{records}</csw:SearchResults></csw:GetRecordsResponse>").encode()


def paging_server(next_of, per_page=10):
    """25 matches served ``per_page`` a page whatever was asked; ``next_of(start)`` gives the
    nextRecord each page announces."""
    def answer(request):
        start = int(etree.fromstring(request.body).get("startPosition"))
        count = max(0, min(per_page, 25 - start + 1))
        return 200, {"Content-Type": "application/xml"}, page(start, count, 25, next_of(start)), 0

    return CannedServer({"/csw": answer})


CASES = {
    "no nextRecord": (lambda start: None, "page 1 gave no next record position"),
    "nextRecord going backwards": (lambda start: 1 if start == 11 else start + 10, "page 2 pointed back to record 1"),
}


@pytest.mark.parametrize("case", CASES)
def test_short_paging_is_a_warning_in_the_result(case):
    next_of, reason = CASES[case]
    with paging_server(next_of) as server:
        result = CswClient(server.url_for("/csw"), Profile.GENERIC, records_per_request=10).search(SearchQuery(WORLD))
    assert len(result.records) < 25
    [warning] = result.warnings()
    assert warning == (f"The catalogue matched 25 records but sent only {len(result.records)} ({reason}): "
                       "the result is incomplete. Try again later, or narrow the search.")


def test_paging_that_reaches_the_end_or_max_records_has_no_warning():
    with paging_server(lambda start: start + 10 if start + 10 <= 25 else 0) as server:
        client = CswClient(server.url_for("/csw"), Profile.GENERIC, records_per_request=10)
        full = client.search(SearchQuery(WORLD))
        capped = client.search(SearchQuery(WORLD, max_records=15))
    assert (len(full.records), full.warnings()) == (25, [])
    assert (len(capped.records), capped.warnings()) == (15, [])


def test_a_server_sending_more_than_asked_loses_nothing():
    with paging_server(lambda start: start + 15 if start + 15 <= 25 else 0, per_page=15) as server:
        result = CswClient(server.url_for("/csw"), Profile.GENERIC, records_per_request=10).search(SearchQuery(WORLD))
    assert [r.record_id for r in result.records] == [f"r{i}" for i in range(1, 26)]
    assert result.warnings() == []


def test_processing_reports_the_short_result(provider, tmp_path):
    from qgis import processing
    from qgis.core import QgsProcessingFeedback

    class Feedback(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.errors = []

        def reportError(self, error, fatalError=False):  # noqa: N802, N803 - QGIS' signature
            self.errors.append(error)

    feedback = Feedback()
    with paging_server(lambda start: None) as server:
        processing.run("eo_order:search_csw", {
            "CATALOG": server.url_for("/csw"), "PROFILE": 2, "EXTENT": "-77,-75,44,46 [EPSG:4326]",
            "OUTPUT": str(tmp_path / "out.gpkg")}, feedback=feedback)
    assert any("matched 25 records but sent only 10" in e for e in feedback.errors), feedback.errors
