"""Search history: the last searches of every catalogue, to re-run one or take its box again.

One SQLite file (``<QGIS settings dir>/eo_order/history.sqlite`` by default) keeps the newest
``limit`` (20) searches: what was searched (``kind``: the connection kind, ``csw``, ``cdse`` or
``stac``; the catalogue's name and URL), the query as plain JSON parameters, how many results
came and when (UTC). Nothing secret is stored: credentials stay in the QGIS authentication
database.

Parameters by kind (all strings/numbers, so an entry outlives code changes):

- ``csw``: ``bbox`` [west, south, east, north], ``start``/``end`` (ISO date or null), ``title``,
  ``max_records``;
- ``cdse``: ``collection``, ``polygon`` [[lon, lat], ...], ``start``/``end`` (ISO date-times),
  ``max_cloud`` (or null), ``max_records``;
- ``stac``: ``bbox`` or ``polygon``, ``start``/``end`` (ISO date-times or null), ``collections``
  [ids], ``max_cloud`` (or null), ``max_records``.

Each catalogue (core/catalogue.py) makes its parameters and reads them back; this module does not
look at the kind.
"""

import datetime as dt
import json
import os
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Tuple, Union

from .errors import strip_userinfo
from .i18n import translate
from .sqlitefile import open_database

if TYPE_CHECKING:
    from .cdse_search import CdseQuery
    from .models import SearchQuery


def tr(text: str) -> str:
    return translate("EoOrderHistory", text)

LIMIT = 20

_SCHEMA = """
CREATE TABLE IF NOT EXISTS searches (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    searched_at TEXT NOT NULL,
    kind TEXT NOT NULL,
    catalog TEXT NOT NULL,
    url TEXT NOT NULL,
    params TEXT NOT NULL,
    result_count INTEGER NOT NULL
);
"""


def default_history_path() -> str:
    """``<QGIS settings dir>/eo_order/history.sqlite`` of the running QGIS profile."""
    from qgis.core import QgsApplication

    return os.path.join(QgsApplication.qgisSettingsDirPath(), "eo_order", "history.sqlite")


@dataclass(frozen=True)
class HistoryEntry:
    id: int
    searched_at: dt.datetime
    kind: str  # the connection kind: "csw", "cdse" or "stac"
    catalog: str
    url: str
    params: Dict[str, Any]
    result_count: int

    @property
    def box(self) -> Optional[Tuple[float, ...]]:
        """(west, south, east, north) of the search area."""
        if self.params.get("bbox"):
            return tuple(float(v) for v in self.params["bbox"])
        ring = self.params.get("polygon") or []
        if not ring:
            return None
        xs, ys = [p[0] for p in ring], [p[1] for p in ring]
        return (min(xs), min(ys), max(xs), max(ys))

    def describe(self) -> str:
        """One line for the history list, e.g. ``SENTINEL-2 · 2022-05-03 – 2022-05-21 · ≤ 40 % cloud``."""
        p = self.params
        parts = [p["collection"]] if p.get("collection") else list(p.get("collections") or [])[:3]
        start, end = (p.get("start") or "")[:10], (p.get("end") or "")[:10]
        if start or end:
            parts.append(f"{start or '…'} – {end or '…'}")
        if p.get("title") not in (None, "", "*"):
            parts.append(f"“{p['title']}”")
        if p.get("max_cloud") is not None:
            parts.append(tr("≤ {0:g} % cloud").format(float(p['max_cloud'])))
        return " · ".join(parts) or tr("any date")


class SearchHistory:
    """The history stored in ``path`` (created with its folder when needed).

    A damaged file is moved aside and a new history started (:mod:`.sqlitefile`); :attr:`notice`
    then says so (else it is '')."""

    def __init__(self, path: Optional[Union[str, "os.PathLike[str]"]] = None, limit: int = LIMIT) -> None:
        self.path = os.path.abspath(os.fspath(path or default_history_path()))
        self.limit = limit
        self._lock = threading.Lock()
        opened = open_database(self.path, lambda conn: conn.executescript(_SCHEMA), tr("search history"))
        self._conn = opened.conn
        self.notice = opened.notice  # non-empty when a damaged file was moved aside (say it once)

    def add(self, kind: str, catalog: str, url: str, params: Dict[str, Any], result_count: int,
            searched_at: Optional[dt.datetime] = None) -> Optional[HistoryEntry]:
        """Record one search and forget all but the newest ``limit``; returns the entry."""
        searched_at = searched_at or dt.datetime.now(dt.timezone.utc)
        stamp = searched_at.astimezone(dt.timezone.utc).isoformat(timespec="seconds")
        with self._lock:
            cursor = self._conn.execute(
                "INSERT INTO searches (searched_at, kind, catalog, url, params, result_count) VALUES (?,?,?,?,?,?)",
                (stamp, kind, strip_userinfo(catalog), strip_userinfo(url), json.dumps(params, sort_keys=True),
                 int(result_count)))
            self._conn.execute(
                "DELETE FROM searches WHERE id NOT IN (SELECT id FROM searches ORDER BY id DESC LIMIT ?)",
                (self.limit,))
        return self.entry(cursor.lastrowid)

    def entries(self) -> List[HistoryEntry]:
        """Newest first."""
        with self._lock:
            rows = self._conn.execute("SELECT * FROM searches ORDER BY id DESC").fetchall()
        return [entry for entry in map(_entry_or_none, rows) if entry is not None]

    def entry(self, entry_id: int) -> Optional[HistoryEntry]:
        with self._lock:
            row = self._conn.execute("SELECT * FROM searches WHERE id = ?", (entry_id,)).fetchone()
        return _entry(row) if row else None

    def clear(self) -> None:
        with self._lock:
            self._conn.execute("DELETE FROM searches")

    def close(self) -> None:
        with self._lock:
            self._conn.close()


def _entry_or_none(row):
    """The entry of a row, None for a row that cannot be read (edited or damaged: it is skipped)."""
    try:
        entry = _entry(row)
        entry.box  # noqa: B018 - the box must be readable too: the History tab shows it
        return entry if isinstance(entry.params, dict) else None
    except (ValueError, TypeError, KeyError, IndexError, AttributeError):
        return None


def _entry(row):
    entry_id, stamp, kind, catalog, url, params, count = row
    return HistoryEntry(entry_id, dt.datetime.fromisoformat(stamp), kind, catalog, url, json.loads(params), count)


def csw_params(query: "SearchQuery") -> Dict[str, Any]:
    """History parameters of a CSW :class:`~.models.SearchQuery`."""
    box = query.bbox
    return {
        "bbox": [box.west, box.south, box.east, box.north],
        "start": query.start.isoformat() if query.start else None,
        "end": query.end.isoformat() if query.end else None,
        "title": query.title,
        "max_records": query.max_records,
    }


def cdse_params(query: "CdseQuery") -> Dict[str, Any]:
    """History parameters of a :class:`~.cdse_search.CdseQuery`."""
    return {
        "collection": query.collection,
        "polygon": [list(p) for p in query.polygon],
        "start": query.start.isoformat(),
        "end": query.end.isoformat(),
        "max_cloud": query.max_cloud,
        "max_records": query.max_records,
    }
