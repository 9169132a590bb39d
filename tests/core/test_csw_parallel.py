"""Parallel, negotiated CSW paging against tests/servers/slow_csw.py (a threaded catalogue that
pages honestly unless told otherwise): every record exactly once and in catalogue order, at most
``parallel_requests`` requests at once, what arrived kept on a failure or a Cancel."""

import gc
import time
import warnings

import pytest

from eo_order.core.csw import CswClient, Profile
from eo_order.core.errors import Cancelled, HttpError
from eo_order.core.models import BBox, SearchQuery
from tests.servers.slow_csw import SlowCsw, eodms_records

WORLD = BBox(-180, -90, 180, 90)
FIRST_ID = 1_500_000


def ids(records):
    return [r.record_id for r in records]


def every(n):
    return [str(FIRST_ID + i) for i in range(n)]


def client(csw, size=100, parallel=4):
    return CswClient(csw.url, Profile.EODMS, records_per_request=size, parallel_requests=parallel)


@pytest.fixture(scope="module")
def records():
    return eodms_records(1000)


def test_pages_come_in_parallel_never_more_than_asked_and_in_catalogue_order(records):
    with SlowCsw(records, delay=0.05) as csw:
        result = client(csw, size=100, parallel=3).search(SearchQuery(WORLD, max_records=1000))
    assert ids(result.records) == every(1000)
    assert result.warnings() == []
    assert csw.max_in_flight == 3  # parallel, and never more than the connection's setting
    assert sorted(start for start, _, _ in csw.pages) == list(range(1, 1000, 100))


def test_one_request_at_a_time_when_the_setting_is_1(records):
    with SlowCsw(records[:300], delay=0.01) as csw:
        result = client(csw, size=100, parallel=1).search(SearchQuery(WORLD))
    assert ids(result.records) == every(300)
    assert csw.max_in_flight == 1
    assert [start for start, _, _ in csw.pages] == [1, 101, 201]


def test_the_server_chooses_the_page_size(records):
    """Asked for 1000 at a time, a server capped at 70 sends 70: the next positions follow its size."""
    with SlowCsw(records, delay=0.01, cap=70) as csw:
        result = client(csw, size=1000).search(SearchQuery(WORLD, max_records=1000))
    assert ids(result.records) == every(1000)
    assert result.warnings() == []
    starts = sorted(start for start, _, _ in csw.pages)
    assert starts == list(range(1, 1001, 70))  # no page asked twice, none at a wrong position


def test_a_server_sending_more_than_asked_keeps_them_up_to_the_maximum(records):
    with SlowCsw(records[:500], delay=0.01, extra=7) as csw:
        full = client(csw, size=50).search(SearchQuery(WORLD))
        capped = client(csw, size=50).search(SearchQuery(WORLD, max_records=120))
    assert ids(full.records) == every(500)
    assert full.warnings() == []
    assert ids(capped.records) == every(120)
    assert capped.warnings() == []


def test_a_next_record_that_disagrees_is_followed_without_gap_or_duplicate(records):
    """Each page's nextRecord points 5 records back (the pages overlap): the positions predicted
    from the page size are wrong, paging follows nextRecord, and each record is listed once."""
    def overlapping(start, returned, matched):
        after = start + returned
        return after - 5 if after <= matched else 0

    with SlowCsw(records[:400], delay=0.01, next_record=overlapping) as csw:
        result = client(csw, size=100).search(SearchQuery(WORLD))
    assert ids(result.records) == every(400)
    assert result.duplicates == 5 * (len(result.records) // 95)  # said: "… came twice and are listed once"
    followed = [1, 96, 191, 286, 381]
    assert all(start in {s for s, _, _ in csw.pages} for start in followed)


def test_short_pages_fall_back_to_next_record(records):
    """A server whose first page is full but whose later pages are shorter than the first (without
    a word): the positions guessed from the first page leave holes; nextRecord fills them."""
    with SlowCsw(records[:600], delay=0.01) as csw:
        csw.cap = None
        pages = []

        def on_page(batch):
            pages.append(len(batch))
            csw.cap = 60  # from now on the server sends at most 60 a page

        result = client(csw, size=100).search(SearchQuery(WORLD), on_page=on_page)
    assert ids(result.records) == every(600)
    assert result.warnings() == [] and result.duplicates == 0


def test_a_failure_on_page_3_of_10_keeps_and_says_what_arrived(records):
    with SlowCsw(records, delay=0.01, fail_at={201}) as csw:
        with pytest.raises(HttpError) as caught:
            client(csw, size=100).search(SearchQuery(WORLD, max_records=1000))
    assert "HTTP 500" in str(caught.value) and "try again later" in str(caught.value)
    result = caught.value.result
    assert ids(result.records) == every(200)
    assert result.warnings() == [
        "The catalogue matched 1000 records but sent only 200 (page 3 failed): the result is incomplete. "
        "Try again later, or narrow the search."]


def test_cancel_stops_every_request_in_flight_within_a_second_and_keeps_what_arrived(records):
    with SlowCsw(records, delay=0.02) as csw:
        cancel_at = []

        def on_page(batch):
            if not cancel_at:
                csw.delay = 30  # every later request hangs, as on a stalled catalogue
                cancel_at.append(time.monotonic() + 0.3)

        def cancelled():
            return bool(cancel_at) and time.monotonic() >= cancel_at[0]

        delivered = []
        with pytest.raises(Cancelled) as caught:
            client(csw, size=100).search(SearchQuery(WORLD, max_records=1000), cancelled=cancelled,
                                         on_page=lambda batch: (on_page(batch), delivered.extend(ids(batch))))
        ended = time.monotonic()
    assert ended - cancel_at[0] < 1.0
    result = caught.value.result
    assert 100 <= len(result.records) < 1000
    assert ids(result.records) == delivered == every(len(result.records))  # what arrived, in order
    assert "(the search was cancelled)" in result.warnings()[0]


def test_on_page_delivers_the_first_page_before_the_search_ends(records):
    with SlowCsw(records, delay=0.1) as csw:
        served_at_first_page = []

        def on_page(batch):
            if not served_at_first_page:
                served_at_first_page.append((len(batch), len(csw.pages)))

        batches = []
        result = client(csw, size=100, parallel=2).search(
            SearchQuery(WORLD, max_records=1000), on_page=lambda b: (on_page(b), batches.append(ids(b))))
        served = len(csw.pages)
    [(first, answered)] = served_at_first_page
    assert first == 100 and answered <= 2  # the first pages of the 10 the search takes (2 at once)
    assert served == 10
    assert [i for batch in batches for i in batch] == ids(result.records) == every(1000)


def test_a_search_reuses_its_connections_and_closes_them(records):
    """One session per search: its keep-alive connections are reused (never more than the
    parallel requests) and closed when the search ends (no "unclosed socket" ResourceWarning)."""
    with SlowCsw(records, delay=0.01) as csw:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", ResourceWarning)
            searcher = client(csw, size=50, parallel=3)
            result = searcher.search(SearchQuery(WORLD, max_records=1000))
            del result, searcher
            gc.collect()
        pages = len(csw.pages)
    assert [str(w.message) for w in caught if issubclass(w.category, ResourceWarning)] == []
    assert pages == 20 and csw.connections <= 3


def test_the_paging_settings_are_kept_with_the_connection_and_used_by_the_search(records, tmp_path, qgis_app):
    """Set in the Connections manager, stored, exported and imported with the connection, and what
    the search asks the catalogue for; a built-in catalogue's settings can be changed too."""
    from qgis.core import QgsSettings
    from qgis.PyQt.QtCore import QSettings
    from qgis.PyQt.QtWidgets import QDialogButtonBox

    from eo_order.core.connections import CSW, ConnectionStore
    from eo_order.core.csw import EODMS_CATALOG_URL
    from eo_order.core.settings import Settings
    from eo_order.ui.connections_dialog import ConnectionsDialog

    def store_in(name):
        return ConnectionStore(Settings(QgsSettings(str(tmp_path / name), QSettings.Format.IniFormat)))

    with SlowCsw(records, delay=0.01) as csw:
        dialog = ConnectionsDialog(None, store_in("a.ini").settings)

        def fill(form):
            assert (form.records_spin.value(), form.parallel_spin.value()) == (2000, 4)  # the defaults
            form.name_edit.setText("Slow")
            form.url_edit.setText(csw.url)
            form.profile_combo.setCurrentIndex(form.profile_combo.findData(int(Profile.EODMS)))
            form.records_spin.setValue(150)
            form.parallel_spin.setValue(2)
            form.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
            return form.result()

        dialog.exec_dialog = fill
        dialog.new_connection()
        dialog.deleteLater()
        [saved] = store_in("a.ini").user(CSW)
        assert (saved.records_per_request, saved.parallel_requests) == (150, 2)
        other = store_in("b.ini")
        other.import_xml(store_in("a.ini").export_xml([saved]))
        catalog = other.find(CSW, "Slow").catalog
        result = CswClient(catalog.url, catalog.profile, records_per_request=catalog.records_per_request,
                           parallel_requests=catalog.parallel_requests).search(SearchQuery(WORLD, max_records=600))
        assert ids(result.records) == every(600)
        assert sorted(start for start, _, _ in csw.pages) == [1, 151, 301, 451]
        assert {asked for start, asked, _ in csw.pages if start == 1} == {150}
        assert csw.max_in_flight == 2

    builtin = other.find(CSW, "EODMS catalogue")
    other.update(builtin, builtin.__class__(builtin.name, CSW, builtin.url, "", True, builtin.profile,
                                            records_per_request=500, parallel_requests=1))
    again = next(c for c in store_in("b.ini").all(CSW) if c.url == EODMS_CATALOG_URL)
    assert (again.catalog.records_per_request, again.catalog.parallel_requests) == (500, 1)
