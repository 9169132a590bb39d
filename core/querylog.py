"""The Copernicus query log: what was asked, what was found, what is downloaded.

The shape follows the ``OData_query`` script EO Order replaces, so existing logs stay readable
(``pandas.read_csv(path, comment="#")`` reads the table)::

    # Collection: SENTINEL-2
    # Polygon: POLYGON((5.9 45.8, 10.5 45.8, 10.5 47.8, 5.9 47.8, 5.9 45.8))
    # StartTime: 2022-05-03T00:00:00.000
    # StopTime: 2022-05-21T00:00:00.000
    # MaxCloud: 40
    # MaxRecords: 1000
    # Catalogue: https://catalogue.dataspace.copernicus.eu/odata/v1/Products
    # QueriedAt: 2024-06-01T12:30:00.000
    Id,Name,Checksum,Online,Downloaded
    0b1c...,S2A_MSIL1C_....SAFE,5d41402abc4b2a76b9719d911017c592,True,False

Times are UTC (StopTime is exclusive); ``MaxCloud`` is empty when no cloud filter was used;
``Checksum`` is the MD5 (empty when the catalogue gives none). Every rewrite is atomic (a
temporary file in the same folder, flushed and fsynced, then ``os.replace``): a crash leaves
either the old or the new complete log, never a mix. Rewrites of one log are serialised by a
lock per path, so download threads may mark products concurrently.
"""

import contextlib
import csv
import datetime as dt
import io
import os
import tempfile
import threading

from .errors import InputError, ResponseError, strip_userinfo

COLUMNS = ("Id", "Name", "Checksum", "Online", "Downloaded")
HEADER_KEYS = ("Collection", "Polygon", "StartTime", "StopTime", "MaxCloud", "MaxRecords", "Catalogue", "QueriedAt")
TIME_FORMAT = "%Y-%m-%dT%H:%M:%S.000"  # the seed's format; milliseconds are kept when present

_locks = {}
_locks_guard = threading.Lock()


def _lock_for(path):
    key = os.path.normcase(os.path.realpath(os.fspath(path)))
    with _locks_guard:
        return _locks.setdefault(key, threading.RLock())


def format_log_time(value):
    """``2022-05-03T00:00:00.000`` in UTC (no zone, as in the original script's logs)."""
    if not isinstance(value, dt.datetime):
        value = dt.datetime(value.year, value.month, value.day, tzinfo=dt.timezone.utc)
    if value.tzinfo is not None:
        value = value.astimezone(dt.timezone.utc)
    return f"{value:%Y-%m-%dT%H:%M:%S}.{value.microsecond // 1000:03d}"


def parse_log_time(text):
    """The inverse of :func:`format_log_time`: an aware UTC datetime (None for empty)."""
    text = (text or "").strip()
    if not text:
        return None
    raw = text[:-1] if text.endswith(("Z", "z")) else text
    try:
        value = dt.datetime.fromisoformat(raw)
    except ValueError:
        raise ResponseError(f"The query log time {text!r} is not in the form 2022-05-03T00:00:00.000.") from None
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.timezone.utc)
    return value.astimezone(dt.timezone.utc)


def _number(value):
    if value is None:
        return ""
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text


def _bool_text(value):
    if isinstance(value, str):
        return "True" if value.strip().lower() == "true" else "False"
    return "True" if value else "False"


def _now():
    return dt.datetime.now(dt.timezone.utc)


def default_log_name(query, queried_at=None):
    """``OData_{start}_{stop}_query_{time}.log`` as the original script named it, with ``:``
    replaced by ``-`` so the name is valid on every file system."""
    queried_at = queried_at or _now()

    def safe(value):
        return format_log_time(value).replace(":", "-")

    return f"OData_{safe(query.start)}_{safe(query.end)}_query_{safe(queried_at)}.log"


def _row_of(item):
    if isinstance(item, dict):
        return {
            "Id": str(item.get("Id", "")),
            "Name": str(item.get("Name", "")),
            "Checksum": str(item.get("Checksum") or ""),
            "Online": _bool_text(item.get("Online", True)),
            "Downloaded": _bool_text(item.get("Downloaded", False)),
        }
    return {
        "Id": item.product_id,
        "Name": item.name,
        "Checksum": item.checksum_md5 or "",
        "Online": _bool_text(item.online),
        "Downloaded": _bool_text(getattr(item, "downloaded", False)),
    }


def _render(header_lines, fieldnames, rows):
    out = io.StringIO(newline="")
    for line in header_lines:
        out.write(line + "\n")
    writer = csv.DictWriter(out, fieldnames=fieldnames, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    return out.getvalue()


def _atomic_write(path, text):
    """Write ``text`` to ``path`` so that readers (and a crash) see the old or the new file only."""
    path = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(path))
    fd, temp = tempfile.mkstemp(prefix="." + os.path.basename(path) + ".", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if os.path.exists(path):
            with contextlib.suppress(OSError):
                os.chmod(temp, os.stat(path).st_mode & 0o7777)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    if hasattr(os, "O_DIRECTORY"):  # make the rename itself durable (POSIX)
        with contextlib.suppress(OSError):
            dir_fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)


def header_of(query, catalogue_url, queried_at):
    """The header dict (string values, in file order) of a query log."""
    return {
        "Collection": query.collection,
        "Polygon": query.polygon_wkt,
        "StartTime": format_log_time(query.start),
        "StopTime": format_log_time(query.end),
        "MaxCloud": _number(query.max_cloud),
        "MaxRecords": str(query.max_records),
        "Catalogue": catalogue_url,
        "QueriedAt": format_log_time(queried_at),
    }


def write_query_log(path, query, products, catalogue_url=None, queried_at=None):
    """Write the log of ``query`` (a CdseQuery) and its ``products`` (Products, or row dicts
    with Id/Name/Checksum/Online/Downloaded) to ``path`` atomically; returns ``path``."""
    catalogue_url = strip_userinfo(catalogue_url)  # never a password in a file
    if catalogue_url is None:
        from .cdse_search import CATALOGUE_URL

        catalogue_url = CATALOGUE_URL
    header = header_of(query, catalogue_url, queried_at or _now())
    lines = [f"# {key}: {value}".rstrip() for key, value in header.items()]
    text = _render(lines, list(COLUMNS), [_row_of(p) for p in products])
    with _lock_for(path):
        _atomic_write(path, text)
    return path


def _read(path):
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            text = handle.read()
    except FileNotFoundError:
        raise InputError(f"The query log {path} does not exist: run the search again or pick another log.") from None
    except OSError as exc:
        raise InputError(
            f"Could not read the query log {path} ({exc.strerror or exc}): check its permissions."
        ) from None
    header_lines, header, body_start = [], {}, 0
    lines = text.splitlines(keepends=True)
    for index, line in enumerate(lines):
        stripped = line.strip()
        if stripped.startswith("#"):
            header_lines.append(line.rstrip("\r\n"))
            key, sep, value = stripped[1:].partition(":")
            if sep:
                header[key.strip()] = value.strip()
            continue
        if not stripped:
            continue
        body_start = index
        break
    else:
        body_start = len(lines)
    reader = csv.DictReader(io.StringIO("".join(lines[body_start:]), newline=""))
    fieldnames = list(reader.fieldnames or ())
    missing = [c for c in ("Id", "Downloaded") if c not in fieldnames]
    if missing:
        raise ResponseError(
            f"The query log {path} has no {' or '.join(missing)} column: it is not an EO Order / OData query log."
        )
    rows = [dict(row) for row in reader if any((v or "").strip() for v in row.values() if isinstance(v, str))]
    return header_lines, header, fieldnames, rows


def read_query_log(path):
    """``(header, rows)``: the ``# key: value`` lines as a dict of strings, and the table rows as
    dicts (``Online`` and ``Downloaded`` as bools, the rest as strings)."""
    with _lock_for(path):
        _lines, header, _fields, rows = _read(path)
    for row in rows:
        for key in ("Online", "Downloaded"):
            if key in row:
                row[key] = (row[key] or "").strip().lower() == "true"
    return header, rows


def query_from_header(header):
    """Rebuild the CdseQuery a log was written for."""
    from .cdse_search import CdseQuery

    return CdseQuery(
        header.get("Collection", ""),
        header.get("Polygon", ""),
        parse_log_time(header.get("StartTime")),
        parse_log_time(header.get("StopTime")),
        max_cloud=header.get("MaxCloud") or None,
        max_records=header.get("MaxRecords") or 1000,
    )


def set_downloaded(path, product_id, value=True):
    """Mark ``product_id`` downloaded (or not) in the log at ``path``, rewriting it atomically.

    Thread-safe; the header and the other rows are kept as they are.
    """
    with _lock_for(path):
        header_lines, _header, fieldnames, rows = _read(path)
        found = False
        for row in rows:
            if (row.get("Id") or "").strip() == str(product_id):
                row["Downloaded"] = _bool_text(value)
                found = True
        if not found:
            raise InputError(f"Product {product_id} is not in the query log {path}: search again to refresh the log.")
        _atomic_write(path, _render(header_lines, fieldnames, rows))
