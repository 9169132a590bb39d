"""Batch accounting: which item runs next (a limit per host), sessions per thread, the watchdog,
progress snapshots, callbacks, cancel, and a login that fails once for the whole batch."""

import os
import threading
import time
from dataclasses import replace
from urllib.parse import urlsplit

import requests

from ..i18n import translate
from .http_attempt import WATCH_EVERY, Watch, reason
from .model import CANCELLED, FAILED, Outcome, Progress
from .part_file import size_of
from .retry import AttemptState, LoginFailed


def tr(text):
    return translate("EoOrderDownload", text)



def host_of(request):
    try:
        return (urlsplit(request.url).hostname or "").lower()
    except ValueError:
        return ""


class HostQueue:
    """Items in order; :meth:`take` gives the first whose host has fewer than ``per_host`` items
    running (waiting while none has), None once all are taken."""

    def __init__(self, requests_, per_host):
        self._pending = list(enumerate(requests_))
        self._per_host = per_host
        self._running = {}
        self._ready = threading.Condition()

    def take(self):
        with self._ready:
            while self._pending:
                for position, (index, request) in enumerate(self._pending):
                    host = host_of(request)
                    if self._running.get(host, 0) < self._per_host:
                        del self._pending[position]
                        self._running[host] = self._running.get(host, 0) + 1
                        return index, request
                self._ready.wait()
            return None

    def release(self, request):
        with self._ready:
            self._running[host_of(request)] -= 1
            self._ready.notify_all()


def outcome_of(request, status, part, message, state, checksum_ok=None):
    size = size_of(part) if part else 0
    return Outcome(request.item_id, request.name, status, size, checksum_ok, part if size else None, message,
                   state.transferred)


def with_note(outcome, note):
    if not note:
        return outcome
    message = outcome.message[:-1] if outcome.message.endswith(".") else outcome.message
    return replace(outcome, message=f"{message}{note}.")


class Batch:
    """Shared state of one run: sessions per thread, progress, callbacks, stop flags."""

    def __init__(self, engine, requests_, progress, cancelled, on_done):
        self.engine = engine
        self.requests = requests_
        self._progress = progress
        self._cancelled = cancelled
        self._on_done = on_done
        self._lock = threading.Lock()
        self._callback_lock = threading.Lock()
        self._local = threading.local()
        self._sessions = []
        self.callback_error = None
        self.auth_error = None
        self._started = time.monotonic()
        self._received = 0
        self._finished = 0
        self._bytes = {r.item_id: 0 for r in requests_}
        self._totals = {r.item_id: (r.size or None) for r in requests_}
        self.paths = engine.paths(requests_)
        self._watches = set()
        self._closed = threading.Event()
        self._watchdog = threading.Thread(target=self._watch_loop, name="download-watchdog", daemon=True)
        self._watchdog.start()

    # -- the watchdog: Cancel within a fraction of a second, stalled downloads stopped --

    def watching(self, response):
        """A context whose :class:`Watch` the watchdog looks at while ``response`` is being read."""
        return Watch(self._lock, self._watches, response)

    def _watch_loop(self):
        window, floor = self.engine.stall_window, self.engine.min_rate
        while not self._closed.wait(WATCH_EVERY):
            with self._lock:
                watches = list(self._watches)
            if not watches:
                continue
            stop = self.stop_requested()
            now = time.monotonic()
            for watch in watches:
                if stop:
                    watch.abort("cancel")
                elif watch.stalled(now, window, floor):
                    watch.abort("stall")

    def session(self):
        session = getattr(self._local, "session", None)
        if session is None:
            session = self._local.session = self.engine.session_factory()
            with self._lock:
                self._sessions.append(session)
        return session

    def close(self):
        self._closed.set()
        self._watchdog.join()
        for session in self._sessions:
            session.close()

    def stop_requested(self):
        if self.callback_error is not None:
            return True
        if self._cancelled is None:
            return False
        with self._callback_lock:
            return bool(self._cancelled())

    def stopped_outcome(self, request, part, state):
        if self.auth_error is not None:
            return outcome_of(request, FAILED, part, tr(
                "{0}: not tried, because the login to {1} failed (see the first failed item).").format(
                request.name, self.engine.service), state)
        return outcome_of(request, CANCELLED, part, tr(
            "{0}: cancelled; the partial download is kept and the next run resumes it.").format(
            request.name) if size_of(part) else tr(
                              "{0}: cancelled.").format(
                              request.name), state)

    # -- one item --

    def run_one(self, request):
        outcome = self._run_one(request)
        with self._lock:
            self._finished += 1
            self._bytes[request.item_id] = outcome.bytes
            if not outcome.done:  # nothing more will come: stop counting the rest of it
                self._totals[request.item_id] = self._bytes[request.item_id]
        if not outcome.done:
            outcome = with_note(outcome, request.note)
        self._report(request, outcome.bytes)
        if self._on_done is not None and self.callback_error is None:
            with self._callback_lock:
                try:
                    self._on_done(outcome)
                except BaseException as exc:  # noqa: BLE001 - raised again by run()
                    self.callback_error = exc
        return outcome

    def _run_one(self, request):
        if request.unavailable:
            status, message = request.unavailable
            return Outcome(request.item_id, request.name, status, 0, None, None, message)
        plain, own = self.paths[request.item_id]
        if self.auth_error is not None or self.stop_requested():
            return self.stopped_outcome(request, plain + ".part", AttemptState())
        final = own if own != plain and os.path.isfile(own) else plain  # its own name: any file there is its own
        skipped = self.engine.existing(self, request, final, ours=final == own)
        if skipped is not None:
            return skipped
        if final == plain and own != plain and os.path.isfile(plain):
            final = own  # a file of that name that is not this item's: leave it alone
        part = final + ".part"
        try:
            os.makedirs(os.path.dirname(final), exist_ok=True)
            return self.engine.download(self, request, final, part)
        except LoginFailed as exc:
            return self._login_failed(request, part, exc)
        except (requests.exceptions.RequestException, ConnectionError) as exc:  # OSErrors too, but not the disk's
            return outcome_of(request, FAILED, part, tr(
                "The connection failed while downloading {0} ({1}): run the download again later (it "
                "resumes).").format(
                request.name, reason(exc)), AttemptState())
        except OSError as exc:  # the disk: full, read-only, permissions
            return outcome_of(request, FAILED, part, tr(
                "Could not write {0} to {1} ({2}). Free some space or choose another folder.").format(
                request.name, self.engine.out_dir, exc.strerror or exc), AttemptState())

    def _login_failed(self, request, part, exc):
        with self._lock:
            first = self.auth_error is None
            if first:
                self.auth_error = exc.error
        if not first:
            return self.stopped_outcome(request, part, AttemptState())
        return outcome_of(request, FAILED, part, str(exc.error), AttemptState())

    # -- progress --

    def set_total(self, request, total):
        with self._lock:
            self._totals[request.item_id] = total

    def set_done(self, request, size):
        with self._lock:
            self._bytes[request.item_id] = size
            self._totals[request.item_id] = size

    def advance(self, request, item_bytes, received):
        with self._lock:
            self._bytes[request.item_id] = item_bytes
            self._received += received
        self._report(request, item_bytes)

    def _report(self, request, item_bytes):
        if self._progress is None:
            return
        with self._callback_lock:  # snapshot and call in one go, so that snapshots arrive in order
            with self._lock:
                done = sum(self._bytes.values())
                totals = list(self._totals.values())
                total = None if any(t is None for t in totals) else sum(totals)
                rate = self._received / max(1e-6, time.monotonic() - self._started)
                eta = (max(0, total - done) / rate) if total is not None and rate > 0 else None
                snapshot = Progress(request.item_id, request.name, item_bytes, self._totals[request.item_id],
                                    done, total, rate, eta, self._finished, len(self.requests))
            self._progress(snapshot)
