"""The search history store: newest first, the last 20 only, across reopenings."""

import datetime as dt

from eo_order.core.cdse_search import CdseQuery
from eo_order.core.history import SearchHistory, cdse_params, csw_params
from eo_order.core.models import BBox, SearchQuery


def test_keeps_the_newest_twenty_across_reopenings(tmp_path):
    history = SearchHistory(tmp_path / "history.sqlite")
    start = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
    for i in range(25):
        query = SearchQuery(BBox(-76 - i / 10, 45, -75, 46), end=f"2013-03-{i + 1:02d}")
        history.add("csw", "EODMS catalogue", "https://example/csw", csw_params(query), i,
                    searched_at=start + dt.timedelta(minutes=i))
    history.close()

    entries = SearchHistory(tmp_path / "history.sqlite").entries()
    assert [e.result_count for e in entries] == list(range(24, 4, -1))
    newest = entries[0]
    assert newest.searched_at == start + dt.timedelta(minutes=24)
    assert newest.box == (-78.4, 45.0, -75.0, 46.0)
    assert newest.params["end"] == "2013-03-25" and newest.params["title"] == "*"
    assert newest.describe() == "… – 2013-03-25"


def test_copernicus_entries_keep_the_exact_polygon(tmp_path):
    ring = [(5.9, 45.8), (10.5, 45.8), (8.0, 47.8)]
    query = CdseQuery("SENTINEL-2", ring, "2022-05-03", "2022-05-21", max_cloud=40)
    entry = SearchHistory(tmp_path / "h.sqlite").add("cdse", "Copernicus Data Space", "https://x/odata",
                                                     cdse_params(query), 12)
    assert CdseQuery("SENTINEL-2", entry.params["polygon"], entry.params["start"], entry.params["end"],
                     entry.params["max_cloud"]).polygon_wkt == query.polygon_wkt
    assert entry.box == (5.9, 45.8, 10.5, 47.8)
    assert entry.describe() == "SENTINEL-2 · 2022-05-03 – 2022-05-21 · ≤ 40 % cloud"


def test_a_history_that_cannot_be_opened_is_kept_in_memory_and_nothing_is_moved(tmp_path):
    (tmp_path / "plain.txt").write_text("a file where the folder should be")
    history = SearchHistory(tmp_path / "plain.txt" / "history.sqlite")
    assert "cannot be opened" in history.notice and "in memory only" in history.notice
    history.add("csw", "EODMS catalogue", "https://example/csw", {"bbox": [0, 0, 1, 1]}, 2)
    assert [e.result_count for e in history.entries()] == [2]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plain.txt"]


def test_a_locked_history_is_not_taken_for_a_damaged_one(tmp_path):
    import sqlite3

    from eo_order.core.history import _SCHEMA
    from eo_order.core.sqlitefile import open_database

    path = tmp_path / "history.sqlite"
    SearchHistory(path).close()
    locker = sqlite3.connect(path)
    locker.execute("BEGIN EXCLUSIVE")  # another QGIS holding the file
    try:
        opened = open_database(str(path), lambda conn: conn.executescript(_SCHEMA), "search history", timeout=0.1)
        assert "cannot be opened (database is locked)" in opened.notice
        assert sorted(p.name for p in tmp_path.iterdir()) == ["history.sqlite"]  # not moved aside
    finally:
        locker.rollback()
        locker.close()


def test_unreadable_rows_are_skipped_not_fatal(tmp_path):
    import sqlite3

    path = tmp_path / "history.sqlite"
    history = SearchHistory(path)
    history.add("csw", "EODMS catalogue", "https://example/csw", {"bbox": [0, 0, 1, 1]}, 5)
    raw = sqlite3.connect(path)
    for stamp, params in (("yesterday", "{}"), ("2026-01-01T00:00:00+00:00", "not json"),
                          ("2026-01-01T00:00:00+00:00", "[1, 2]"), ("2026-01-01T00:00:00+00:00", '{"bbox": "x"}')):
        raw.execute("INSERT INTO searches (searched_at, kind, catalog, url, params, result_count) "
                    "VALUES (?, 'csw', 'c', 'u', ?, 1)", (stamp, params))
    raw.commit()
    raw.close()
    assert [e.result_count for e in history.entries()] == [5]
