"""Open EO Order's own SQLite files (order journal, search history) so that a damaged file never
stops the plugin.

:func:`open_database` connects, checks the file (``PRAGMA quick_check``) and runs the schema. When
SQLite says the file is not a database or is malformed, the file (with its ``-wal`` / ``-shm``
companions) is moved aside as ``<name>.corrupt-<UTC time>`` — kept, so nothing is deleted — and a
fresh database is started in its place. The caller gets a notice to show the user once; the same
text goes to the QGIS message log (tag "EO Order"). When the damaged file cannot even be moved, or
the file cannot be opened at all without being damaged (locked by another program, an unwritable
folder: then nothing is moved), the store lives in memory for this session and the notice says so.
"""

import datetime as dt
import os
import sqlite3

from .i18n import tr_noop, translate
from .names import LOG_TAG


def tr(text):
    return translate("EoOrderSqlite", text)


STORES = (tr_noop("order journal"), tr_noop("search history"))  # what callers name their file (translated here)



class Opened:
    """A connection and, when the file was damaged, the notice that says what happened."""

    def __init__(self, conn, notice=""):
        self.conn = conn
        self.notice = notice


def _connect(path, setup, timeout=30.0):
    conn = sqlite3.connect(path, timeout=timeout, isolation_level=None, check_same_thread=False)
    try:
        row = conn.execute("PRAGMA quick_check").fetchone()
        if row is None or row[0] != "ok":
            raise sqlite3.DatabaseError(f"integrity check failed: {row[0] if row else 'no answer'}")
        setup(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def open_database(path, setup, what, timeout=30.0):
    """Open ``path`` with ``setup(conn)`` applied; move a damaged file aside and start afresh.

    ``what`` names the store in the notice ("order journal"); ``timeout``: seconds to wait for a
    lock another program holds (then the store is kept in memory, nothing is moved)."""
    try:
        folder = os.path.dirname(path)
        if folder:
            os.makedirs(folder, exist_ok=True)
        return Opened(_connect(path, setup, timeout))
    except (OSError, sqlite3.OperationalError) as exc:
        # Locked by another program, unreadable, an unwritable folder: not damage, so nothing is
        # moved; this session still works, in memory.
        reason = getattr(exc, "strerror", None) or str(exc) or exc.__class__.__name__
        notice = tr("The EO Order {0} {1} cannot be opened ({2}): this session keeps its {0} in memory only. Check "
                    "the file and its folder (is another program using it?), then restart QGIS.").format(
            tr(what), path, reason)
        _log(notice)
        return Opened(_connect(":memory:", setup), notice)
    except sqlite3.DatabaseError as exc:  # not a database, malformed, integrity check failed
        reason = str(exc) or exc.__class__.__name__
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    aside = f"{path}.corrupt-{stamp}"
    try:
        os.replace(path, aside)
        for suffix in ("-wal", "-shm", "-journal"):
            if os.path.exists(path + suffix):
                os.replace(path + suffix, aside + suffix)
        conn = _connect(path, setup)
        notice = tr("The EO Order {0} {1} was damaged ({2}). It was moved aside to {3} and a new, empty {0} was "
                    "started.").format(tr(what), path, reason, aside)
    except (OSError, sqlite3.DatabaseError) as exc:
        conn = _connect(":memory:", setup)
        notice = tr("The EO Order {0} {1} is damaged ({2}) and could not be replaced ({3}): this session keeps its "
                    "{0} in memory only. Move or delete the file, then restart QGIS.").format(
            tr(what), path, reason, getattr(exc, "strerror", None) or exc)
    _log(notice)
    return Opened(conn, notice)


def _log(text):
    try:
        from qgis.core import Qgis, QgsMessageLog
    except ImportError:
        return
    QgsMessageLog.logMessage(text, LOG_TAG, Qgis.MessageLevel.Warning)
