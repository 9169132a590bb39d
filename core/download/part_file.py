"""The ``.part`` file an item streams into, and its ``.meta`` (what identifies the server's version).

A download writes ``<final>.part``; the first reply's strong ``ETag`` (else its ``Last-Modified``) is
kept beside it in ``<final>.part.meta`` (JSON, written atomically, with the item id under the key
``product_id``, the name the Copernicus layer always used). A part is resumed only with such a
validator (sent as ``If-Range``) and only for the same item; anything else starts from zero.
"""

import json
import os
import queue
import tempfile
import threading
from dataclasses import dataclass
from typing import Optional

WRITEBACK_EVERY = 16 << 20  # bytes of a .part written between two writeback starts (when fsync is on)


@dataclass(frozen=True)
class ResumePoint:
    offset: int  # bytes of the part kept (0: start again)
    validator: Optional[str]  # If-Range value
    etag: Optional[str]  # the strong ETag the part was started with, when known


def resume_point(part, item_id, expected=None):
    """Where a download of ``item_id`` into ``part`` starts: the part is kept only when its .meta
    belongs to the item and holds a validator, and it is not longer than ``expected``; otherwise it
    is removed (with its .meta)."""
    offset = size_of(part)
    if not offset:
        return ResumePoint(0, None, None)
    meta = read_meta(part)
    etag = validator = None
    if meta is not None and meta.get("product_id") == item_id:
        etag = meta.get("etag") or None
        validator = etag or meta.get("last_modified") or None
    if validator is None or (expected and offset > expected):
        remove_part(part)
        return ResumePoint(0, None, None)
    return ResumePoint(offset, validator, etag)


def strong_etag(response):
    """The response's strong ETag (weak ones cannot be used with If-Range), else None."""
    etag = (response.headers.get("ETag") or "").strip()
    return etag if etag.startswith('"') else None


def start_part(part, item_id, response):
    """A fresh start: remove any old part and remember what identifies this version of the file."""
    remove_part(part)
    write_meta(part, {"product_id": item_id, "etag": strong_etag(response),
                      "last_modified": (response.headers.get("Last-Modified") or "").strip() or None})


def read_meta(part):
    try:
        with open(part + ".meta", encoding="utf-8") as handle:
            meta = json.load(handle)
    except (OSError, ValueError):
        return None
    return meta if isinstance(meta, dict) else None


def write_meta(part, meta):
    """``<part>.meta`` (JSON), atomically: a temporary file in the same folder, then os.replace."""
    folder = os.path.dirname(os.path.abspath(part))
    fd, temp = tempfile.mkstemp(prefix=".meta-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(meta, handle)
        os.replace(temp, part + ".meta")
    except BaseException:
        remove(temp)
        raise


def remove_part(part):
    remove(part)
    remove(part + ".meta")


def file_digest(path, hasher, chunk=1 << 20):
    """``hasher`` fed with the file's bytes (returned, for ``hexdigest()`` or more updates)."""
    with open(path, "rb", buffering=0) as handle:
        for block in iter(lambda: handle.read(chunk), b""):
            hasher.update(block)
    return hasher


def size_of(path):
    try:
        return os.path.getsize(path)
    except (OSError, TypeError):
        return 0


def remove(path):
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


def start_writeback(fd, start, length):
    """Ask the OS to start writing a range to disk now, without waiting (Linux: fadvise DONTNEED
    starts asynchronous writeback, then drops the pages once clean). Elsewhere: nothing."""
    if hasattr(os, "posix_fadvise"):
        os.posix_fadvise(fd, start, length, os.POSIX_FADV_DONTNEED)


class PartSink:
    """Appends blocks to a .part and feeds them to ``digest``, each on its own helper thread, so that
    receiving, hashing and writing overlap (hashlib and file writes release the GIL); at most
    ``depth`` blocks wait in memory per thread. Closing finishes both, then fsyncs if the stream
    completed (the rename that follows must not reach the disk before the bytes do)."""

    def __init__(self, path, append, digest, fsync, depth=4):
        self._handle = open(path, "ab" if append else "wb")
        self._digest = digest
        self._fsync = fsync
        self._unsynced = 0
        self._window = None
        self._error = None
        self._queues = (queue.Queue(depth), queue.Queue(depth))
        self._threads = [
            threading.Thread(target=self._drain, args=(q, work), name=f"download-part-{name}", daemon=True)
            for q, work, name in zip(self._queues, (self._write, digest.update), ("writer", "hasher"))
        ]
        for thread in self._threads:
            thread.start()

    def put(self, block):
        if self._error is not None:
            raise self._error
        for pending in self._queues:
            pending.put(block)

    def _write(self, block):
        if self._error is None:
            try:
                self._handle.write(block)
                self._unsynced += len(block)
                if self._fsync and self._unsynced >= WRITEBACK_EVERY:
                    self._write_back()
            except OSError as exc:
                self._error = exc

    def _write_back(self):
        # Start writing back as we go, without waiting, so that the final fsync has little left to
        # wait for; the window before, written by now, leaves the page cache.
        self._handle.flush()
        end = self._handle.tell()
        start_writeback(self._handle.fileno(), end - self._unsynced, self._unsynced)
        if self._window is not None:
            start_writeback(self._handle.fileno(), *self._window)
        self._window = (end - self._unsynced, self._unsynced)
        self._unsynced = 0

    @staticmethod
    def _drain(pending, work):
        while True:
            block = pending.get()
            if block is None:
                return
            work(block)

    def close(self, complete):
        for pending in self._queues:
            pending.put(None)
        for thread in self._threads:
            thread.join()
        try:
            if self._error is None:
                self._handle.flush()
                if complete and self._fsync:
                    os.fsync(self._handle.fileno())
        except OSError as exc:
            self._error = exc
        finally:
            self._handle.close()
        if self._error is not None:
            raise self._error

    def __enter__(self):
        return self

    def __exit__(self, kind, value, traceback):
        self.close(complete=kind is None)
