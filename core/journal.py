"""The order journal: a crash-safe record of every order sent to a provider.

One SQLite file (``<QGIS settings dir>/eo_order/orders.sqlite`` by default) holds one row per
scene ordered. A row is written **before** the request goes out (status ``pending``) and updated
**after** the reply (``submitted`` or ``failed``, the message and the raw reply). Every write is
its own committed transaction in WAL mode with ``synchronous=FULL``, so a crash or a killed QGIS
loses nothing that was written: at worst the scene that was in flight stays ``pending``.

Statuses:

* ``pending`` – the request was about to be sent, or is being sent right now;
* ``submitted`` – the provider accepted the order (for EODMS: expect the e-mails);
* ``failed`` – the provider (or the network) refused it; ``message`` says why;
* ``interrupted`` – the program stopped while the request was in flight, so nobody knows whether
  the provider received it. :meth:`OrderJournal.recover` turns leftover ``pending`` rows into
  ``interrupted`` when a journal is opened; the user should check their e-mail before ordering
  such a scene again.

Thread safety: one connection shared by all threads behind a lock, so a task thread can write while
the main thread reads. Rows being written by a journal in *this* process are never marked
``interrupted`` by another journal opened on the same file in this process (two QGIS processes
sharing one profile are not protected against each other).

Credentials never go into the journal: callers pass scene ids, messages built from errors (which
never contain passwords) and the provider's reply.
"""

import datetime as dt
import os
import threading
from dataclasses import dataclass
from typing import Any, List, Optional, Set, Tuple, Union

from .i18n import tr_noop, translate
from .sqlitefile import open_database


def tr(text: str) -> str:
    return translate("EoOrderJournal", text)


PENDING = "pending"
SUBMITTED = "submitted"
FAILED = "failed"
INTERRUPTED = "interrupted"
STATUSES = (PENDING, SUBMITTED, FAILED, INTERRUPTED)

INTERRUPTED_MESSAGE = tr_noop(
    "The program stopped while this order was being sent, so it is unknown whether the provider "
    "received it. Check your e-mail for an order confirmation before ordering this scene again."
)


def interrupted_message() -> str:
    """:data:`INTERRUPTED_MESSAGE` in the user's language."""
    return tr(INTERRUPTED_MESSAGE)

SCHEMA_VERSION = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS orders (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    record_id TEXT NOT NULL,
    collection_id TEXT NOT NULL DEFAULT '',
    coverage_id TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    acquired TEXT NOT NULL DEFAULT '',
    packaging TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    message TEXT NOT NULL DEFAULT '',
    response TEXT NOT NULL DEFAULT '',
    requested_at TEXT NOT NULL,
    finished_at TEXT,
    wcs_url TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS orders_record ON orders (record_id, status);
"""
_COLUMNS = (
    "id",
    "record_id",
    "collection_id",
    "coverage_id",
    "title",
    "acquired",
    "packaging",
    "status",
    "message",
    "response",
    "requested_at",
    "finished_at",
    "wcs_url",
)

# Rows begun and not yet finished by journals of this process, per database file: recover()
# must not mark them interrupted while another thread is still waiting for their reply.
_IN_FLIGHT: dict = {}
_IN_FLIGHT_LOCK = threading.Lock()


@dataclass(frozen=True)
class JournalEntry:
    id: int
    record_id: str
    collection_id: str
    coverage_id: str
    title: str
    acquired: str
    packaging: str
    status: str
    message: str
    response: str
    requested_at: str
    finished_at: Optional[str]  # None while pending/interrupted
    wcs_url: str

    @property
    def order_id(self) -> str:
        """The provider's order id read from the stored reply ('' when it has none): see
        :func:`order_id_from_reply`."""
        return order_id_from_reply(self.response) if self.status == SUBMITTED else ""


ORDER_ID_MAX = 64  # characters: longer is not an id


def order_id_from_reply(response: Optional[str]) -> str:
    """The order id in an order reply kept in the journal, or ''.

    EODMS does not document its reply to a successful order; its WES replies carry the id in an
    element whose local name is ``OrderId`` (any namespace and case, also ``orderID``,
    ``Order_Id``, ``OrderIdentifier``) or in such an attribute. The first short, single-line,
    non-empty value is taken. The reply is parsed with the hardened parser (no entities, no
    network), and anything that is not XML gives ''."""
    import re

    from .errors import EoOrderError
    from .xmlsafe import local, parse_bytes

    if not response or "rderid" not in response.lower().replace("_", ""):
        return ""
    try:
        root = parse_bytes(response.encode("utf-8"), "the order reply")
    except (EoOrderError, ValueError):
        return ""

    def usable(value):
        value = (value or "").strip()
        return value if value and len(value) <= ORDER_ID_MAX and not re.search(r"\s", value) else ""

    def is_id(name):
        name = local(name).lower().replace("_", "").replace("-", "")
        return name in ("orderid", "orderidentifier", "ordernumber")

    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if is_id(element.tag) and usable(element.text):
            return usable(element.text)
        for name, value in element.attrib.items():
            if is_id(name) and usable(value):
                return usable(value)
    return ""


def default_journal_path() -> str:
    """``<QGIS settings dir>/eo_order/orders.sqlite`` of the running QGIS profile."""
    from qgis.core import QgsApplication

    return os.path.join(QgsApplication.qgisSettingsDirPath(), "eo_order", "orders.sqlite")


def _now():
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


def _text(value, limit=None):
    """Column text: bytes decoded as UTF-8 (replacing what is not), None → ''."""
    if value is None:
        return ""
    if isinstance(value, (bytes, bytearray, memoryview)):
        value = bytes(value).decode("utf-8", "replace")
    value = value if isinstance(value, str) else str(value)
    return value[:limit] if limit else value


def _setup(conn):
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.executescript(_SCHEMA)
    if conn.execute("PRAGMA user_version").fetchone()[0] < SCHEMA_VERSION:
        conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")


class OrderJournal:
    """The order journal stored in the SQLite file ``path`` (created with its folder if needed).

    Opening it calls :meth:`recover` unless ``recover=False`` (to inspect a journal as a crash
    left it). A damaged file is moved aside and a new journal started (:mod:`.sqlitefile`);
    :attr:`notice` then says so (else it is '').
    """

    RESPONSE_LIMIT = 1 << 20  # characters of a reply kept per row

    def __init__(self, path: Union[str, "os.PathLike[str]"], *, recover: bool = True) -> None:
        self.path = os.path.abspath(os.fspath(path))
        self._lock = threading.RLock()
        self._key = os.path.realpath(self.path)
        self._in_flight: Set[int] = set()  # rows begun by this journal and not finished yet
        opened = open_database(self.path, _setup, "order journal")
        self._conn = opened.conn
        self.notice = opened.notice  # non-empty when a damaged file was moved aside (say it once)
        if recover:
            self.recover()

    # -- writing ---------------------------------------------------------------------------

    def begin(self, record_id: str, collection_id: str = "", *, coverage_id: str = "", title: str = "",
              acquired: Any = "", packaging: Optional[str] = "", wcs_url: str = "") -> int:
        """Record that an order for ``record_id`` is about to be sent; returns the row id.

        The row is committed (status ``pending``) before this returns."""
        acquired = acquired.isoformat() if hasattr(acquired, "isoformat") else _text(acquired)
        values = (
            _text(record_id),
            _text(collection_id),
            _text(coverage_id),
            _text(title),
            acquired,
            _text(packaging),
            PENDING,
            _now(),
            _text(wcs_url),
        )
        with self._lock:
            cursor = self._conn.execute(
                "INSERT INTO orders (record_id, collection_id, coverage_id, title, acquired, packaging, status,"
                " requested_at, wcs_url) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                values,
            )
            row_id = cursor.lastrowid
        with _IN_FLIGHT_LOCK:
            _IN_FLIGHT.setdefault(self._key, set()).add(row_id)
            self._in_flight.add(row_id)
        return row_id

    def finish(self, row_id: int, status: str, message: str = "", response: Union[bytes, str, None] = "") -> None:
        """Record the outcome of row ``row_id`` (``submitted``/``failed``/...), committed at once."""
        if status not in STATUSES:
            raise ValueError(f"unknown order status {status!r}")
        try:
            with self._lock:
                self._conn.execute(
                    "UPDATE orders SET status = ?, message = ?, response = ?, finished_at = ? WHERE id = ?",
                    (status, _text(message), _text(response, self.RESPONSE_LIMIT), _now(), row_id),
                )
        finally:
            with _IN_FLIGHT_LOCK:
                _IN_FLIGHT.get(self._key, set()).discard(row_id)
                self._in_flight.discard(row_id)

    def recover(self) -> int:
        """Mark rows left ``pending`` by a crash (not rows in flight in this process) as
        ``interrupted``; returns how many were marked."""
        with _IN_FLIGHT_LOCK:
            busy = sorted(_IN_FLIGHT.get(self._key, ()))
        marks = ",".join("?" * len(busy))
        extra = f" AND id NOT IN ({marks})" if busy else ""
        with self._lock:
            cursor = self._conn.execute(
                f"UPDATE orders SET status = ?, message = ? WHERE status = ?{extra}",
                (INTERRUPTED, interrupted_message(), PENDING, *busy),
            )
            return cursor.rowcount

    # -- reading ---------------------------------------------------------------------------

    def entries(self, limit: Optional[int] = None) -> List[JournalEntry]:
        """Journal rows, newest first (at most ``limit``)."""
        sql = f"SELECT {', '.join(_COLUMNS)} FROM orders ORDER BY id DESC"
        params: Tuple[int, ...] = ()
        if limit is not None:
            sql += " LIMIT ?"
            params = (int(limit),)
        with self._lock:
            rows = self._conn.execute(sql, params).fetchall()
        return [JournalEntry(*row) for row in rows]

    def entry(self, row_id: int) -> Optional[JournalEntry]:
        """The row ``row_id`` (None if there is none)."""
        with self._lock:
            row = self._conn.execute(f"SELECT {', '.join(_COLUMNS)} FROM orders WHERE id = ?", (row_id,)).fetchone()
        return JournalEntry(*row) if row else None

    def submitted_ids(self) -> Set[str]:
        """Record ids of the scenes with at least one ``submitted`` order."""
        with self._lock:
            rows = self._conn.execute("SELECT DISTINCT record_id FROM orders WHERE status = ?", (SUBMITTED,))
            return {row[0] for row in rows}

    # -- life cycle --------------------------------------------------------------------------

    def close(self) -> None:
        """Close the database; rows this journal left pending are then fair game for recover()."""
        with _IN_FLIGHT_LOCK:
            _IN_FLIGHT.get(self._key, set()).difference_update(self._in_flight)
            self._in_flight.clear()
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
