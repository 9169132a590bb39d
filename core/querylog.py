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

A log is the user's file too: marking a product rewrites only its ``Downloaded`` cell and keeps
everything else as it was - header lines, extra columns, extra values at the end of a row, blank
lines, the line endings and the encoding. Logs are written in UTF-8, but one saved by a text editor
may be in another encoding: a log is read as UTF-8 (with or without a byte-order mark), UTF-16 with a
byte-order mark, else Windows-1252, else Latin-1 (which reads any bytes), and written back in the
encoding it was read in; :func:`read_query_log` says which when it is not plain UTF-8.
"""

import codecs
import contextlib
import csv
import datetime as dt
import io
import json
import os
import tempfile
import threading
from typing import TYPE_CHECKING, Any, Iterable, Optional, Union

from .errors import InputError, ResponseError, strip_userinfo
from .i18n import translate

if TYPE_CHECKING:
    from .cdse_search import CdseQuery
    from .stac import StacQuery, StacResult


def tr(text):
    return translate("EoOrderQueryLog", text)


COLUMNS = ("Id", "Name", "Checksum", "Online", "Downloaded")
HEADER_KEYS = ("Collection", "Polygon", "StartTime", "StopTime", "MaxCloud", "MaxRecords", "Catalogue", "QueriedAt")
TIME_FORMAT = "%Y-%m-%dT%H:%M:%S.000"  # the seed's format; milliseconds are kept when present

_locks: dict = {}
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
        raise ResponseError(tr("The query log time {0!r} is not in the form 2022-05-03T00:00:00.000.").format(
            text)) from None
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


def default_log_name(query: Union["CdseQuery", "StacQuery"], queried_at: Optional[dt.datetime] = None) -> str:
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


def _atomic_write(path, text, encoding=("utf-8", b"")):
    """Write ``text`` to ``path`` so that readers (and a crash) see the old or the new file only.
    ``encoding``: (codec, byte-order mark) as :func:`_decode` found them."""
    path = os.fspath(path)
    codec, bom = encoding
    data = bom + text.encode(codec)
    folder = os.path.dirname(os.path.abspath(path))
    fd, temp = tempfile.mkstemp(prefix="." + os.path.basename(path) + ".", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
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


def write_query_log(path: str, query: "CdseQuery", products: Iterable[Any], catalogue_url: Optional[str] = None,
                    queried_at: Optional[dt.datetime] = None) -> str:
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


STAC_COLUMNS = ("Id", "Collection", "Datetime", "Cloud", "Assets", "SelfLink")


def write_stac_log(path: str, query: "StacQuery", result: "StacResult", catalogue_url: str,
                   queried_at: Optional[dt.datetime] = None) -> str:
    """Write the log of a STAC search (``query`` a StacQuery, ``result`` its StacResult) to ``path``
    atomically, like the query log: a ``# key: value`` header (the query, the match count and
    ``CloudFilter``: how the cloud cover was filtered — ``cql2-json filter`` and ``query extension``
    by the server, ``client side`` by EO Order, ``none`` without a cloud limit), then a CSV table
    ``Id,Collection,Datetime,Cloud,Assets,SelfLink`` (asset keys separated by spaces). Returns ``path``."""
    kind, area = query.area()
    if kind == "bbox":
        area_text = ",".join(_number(v) for v in area)
    elif kind == "intersects":
        area_text = json.dumps(area, separators=(",", ":"))
    else:
        area_text = ""
    header = {
        "Collections": ",".join(query.collections),
        "Area": area_text,
        "StartTime": format_log_time(query.start) if query.start else "",
        "StopTime": format_log_time(query.end) if query.end else "",
        "MaxCloud": _number(query.max_cloud),
        "MaxRecords": str(query.max_records),
        "CloudFilter": result.cloud_filter or "none",
        "Matched": "" if result.matched is None else str(result.matched),
        "Catalogue": strip_userinfo(catalogue_url),  # never a password in a file
        "QueriedAt": format_log_time(queried_at or _now()),
    }
    lines = [f"# {key}: {value}".rstrip() for key, value in header.items()]
    rows = [{"Id": item.id, "Collection": item.collection,
             "Datetime": format_log_time(item.time) if item.time else "",
             "Cloud": _number(item.cloud_cover), "Assets": " ".join(item.assets), "SelfLink": item.self_link}
            for item in result.items]
    text = _render(lines, list(STAC_COLUMNS), rows)
    with _lock_for(path):
        _atomic_write(path, text)
    return path


ENCODING_NAMES = {"utf-8": "UTF-8", "utf-16-le": "UTF-16", "utf-16-be": "UTF-16 (big-endian)",
                  "cp1252": "Windows-1252 (cp1252)", "latin-1": "Latin-1 (ISO-8859-1)"}


def _decode(data, path):
    """``(text, (codec, bom))`` of a log's bytes (the order of tries is in the module docstring)."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                       (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec), (codec, bom)
            except UnicodeDecodeError:
                raise InputError(tr(
                    "The query log {0} starts like {1} text but is not: save it again as UTF-8 in a "
                    "text editor.").format(
                    path, ENCODING_NAMES[codec])) from None
    for codec in ("utf-8", "cp1252", "latin-1"):
        try:
            return data.decode(codec), (codec, b"")
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes any bytes")


def _read(path):
    try:
        with open(path, "rb") as handle:
            text, encoding = _decode(handle.read(), path)
    except FileNotFoundError:
        raise InputError(tr(
            "The query log {0} does not exist: run the search again or pick another log.").format(path)) from None
    except OSError as exc:
        raise InputError(
            tr("Could not read the query log {0} ({1}): check its permissions.").format(path, exc.strerror or exc)
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
    newline = "\r\n" if "\r\n" in text else "\n"
    table = list(csv.reader(io.StringIO("".join(lines[body_start:]), newline="")))
    fieldnames = table[0] if table else []
    missing = [c for c in ("Id", "Downloaded") if c not in fieldnames]
    if missing:
        raise ResponseError(
            tr(
                "The query log {0} has no {1} column: it is not an EO Order / OData query log.").format(
                path, ' or '.join(missing))
        )
    rows = [dict(zip(fieldnames, cells)) for cells in table[1:] if any(cell.strip() for cell in cells)]
    return _Log(header_lines, header, fieldnames, rows, table, encoding, newline)


class _Log:
    """A log as read: its header, the table as dicts (``rows``) and as read (``table``: lists of
    cells, header row first, blank lines and extra cells included), how it is encoded."""

    def __init__(self, header_lines, header, fieldnames, rows, table, encoding, newline):
        self.header_lines = header_lines
        self.header = header
        self.fieldnames = fieldnames
        self.rows = rows
        self.table = table
        self.encoding = encoding
        self.newline = newline

    def render(self):
        out = io.StringIO(newline="")
        for line in self.header_lines:
            out.write(line + self.newline)
        writer = csv.writer(out, lineterminator=self.newline)
        for cells in self.table:
            writer.writerow(cells)
        return out.getvalue()

    @property
    def note(self):
        """'' for UTF-8, else which encoding was read (and will be written)."""
        codec, _bom = self.encoding
        if codec == "utf-8":
            return ""
        return f"read as {ENCODING_NAMES[codec]}, and kept in that encoding when it is updated"


def read_query_log(path, notes=None):
    """``(header, rows)``: the ``# key: value`` lines as a dict of strings, and the table rows as
    dicts (``Online`` and ``Downloaded`` as bools, the rest as strings). A log not in UTF-8 adds a
    sentence saying which encoding was used to ``notes`` (a list), when given."""
    with _lock_for(path):
        log = _read(path)
    header, rows = log.header, log.rows
    if notes is not None and log.note:
        notes.append(tr("The query log {0} is not UTF-8: {1}.").format(path, log.note))
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
        log = _read(path)
        id_at, done_at = log.fieldnames.index("Id"), log.fieldnames.index("Downloaded")
        found = False
        for cells in log.table[1:]:
            if len(cells) > id_at and cells[id_at].strip() == str(product_id):
                cells.extend([""] * (done_at + 1 - len(cells)))
                cells[done_at] = _bool_text(value)
                found = True
        if not found:
            raise InputError(tr(
                "Product {0} is not in the query log {1}: search again to refresh the log.").format(
                product_id, path))
        _atomic_write(path, log.render(), log.encoding)
