"""Ordering EODMS scenes over WCS 2.0.1 against a local fake of the WES order service."""

import base64
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qsl

import pytest
import requests
from lxml import etree

from eo_order.core.auth import Credentials, credentials_from_authcfg
from eo_order.core.eodms_order import (
    EODMS_WCS_URL,
    PACKAGING_FORMATS,
    SERVER_DEFAULT,
    EodmsOrderClient,
    order_batch,
    parse_description,
)
from eo_order.core.errors import AuthError, InputError
from eo_order.core.journal import OrderJournal, default_journal_path
from tests.conftest import wait_for
from tests.servers.eodms_wes import ORDER_REFUSED_TEXT, EodmsWesServer, coverage_description

ROOT = Path(__file__).resolve().parents[2]
USER, PASSWORD = "eodms-user", "S3cret-eodms-Pa55"
WCS = "{http://www.opengis.net/wcs/2.0}"
SCENES = [
    {"record_id": "1508207", "collection_id": "Radarsat1", "title": "RS1 Ottawa 7", "acquired": "2013-03-20"},
    {"record_id": "1508208", "collection_id": "Radarsat1", "title": "RS1 Ottawa 8", "acquired": "2013-03-21"},
    {"record_id": "1508209", "collection_id": "Radarsat1", "title": "RS1 Ottawa 9", "acquired": "2013-03-22"},
]


@pytest.fixture
def wes():
    servers = []

    def start(**kwargs):
        server = EodmsWesServer(users={USER: PASSWORD}, **kwargs)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


def client_for(server, password=PASSWORD, auth_hint="auth config test123"):
    return EodmsOrderClient(server.url, credentials=Credentials(USER, password), auth_hint=auth_hint)


def post_fields(recorded):
    """CoverageId, format and packagingFormat of a GetCoverage the fake received."""
    root = etree.fromstring(recorded.body)
    packaging = [
        p.findtext("{*}Value") for p in root.iter("{*}Parameter") if p.findtext("{*}Name") == "packagingFormat"
    ]
    return root.findtext(f"{WCS}CoverageId"), root.findtext(f"{WCS}format"), packaging


def describe_params(record_id, collection_id="Radarsat1"):
    return [
        ("SERVICE", "WCS"),
        ("version", "2.0.1"),
        ("REQUEST", "DescribeCoverage"),
        ("coverageId", record_id),
        ("CollectionId", collection_id),
    ]


# --- DescribeCoverage -------------------------------------------------------------------------


def test_constants():
    assert EODMS_WCS_URL == "https://www.eodms-sgdot.nrcan-rncan.gc.ca/wes/services/WESOrder/wcs"
    assert PACKAGING_FORMATS == ("ZIP", "TAR", "TARGZ")


def test_describe_reads_packaging_default_and_closed_footprint(wes):
    server = wes()
    description = client_for(server).describe("1508208", "Radarsat1")

    assert description.coverage_id == "Radarsat1--1508208"
    assert description.packaging_formats == ["ZIP", "TAR", "TARGZ"]  # the server repeats TAR and TARGZ
    assert description.default_format == "ZIP"
    assert description.destination_types == ["Download"]
    assert description.footprint[0] == (-76.275153, 45.652944)  # lon, lat
    assert description.footprint[0] == description.footprint[-1] and len(description.footprint) == 5

    (request,) = server.requests
    assert request.method == "GET"
    assert parse_qsl(request.query) == describe_params("1508208")
    assert request.headers["Authorization"] == "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()


def test_describe_matches_wes_extensions_by_local_name_whatever_their_version():
    ring = [(-76.0, 45.0), (-75.0, 45.0), (-75.0, 46.0), (-76.0, 45.0)]
    data = coverage_description("1", "Radarsat1", ring).replace(b"/services/2.7.0/", b"/services/2.6.1/")
    description = parse_description(data)
    assert description.packaging_formats == ["ZIP", "TAR", "TARGZ"]
    assert description.destination_types == ["Download"]
    assert description.footprint == ring


def test_describe_of_an_unknown_scene_fails_the_scene_with_the_servers_text(wes, tmp_path):
    server = wes()
    journal = OrderJournal(tmp_path / "orders.sqlite")
    scenes = [{"record_id": "999", "collection_id": "Radarsat1"}, SCENES[0]]

    results = order_batch(client_for(server), scenes, journal, "ZIP")

    assert [r.status for r in results] == ["failed", "submitted"]
    assert "No coverage Radarsat1--999" in results[0].message and "NoSuchCoverage" in results[0].message
    assert [r.method for r in server.requests] == ["GET", "GET", "POST"]  # no order sent for 999


# --- GetCoverage and batches ------------------------------------------------------------------


@pytest.mark.parametrize(
    "fault, expected",
    [
        ("exception", ORDER_REFUSED_TEXT.format(coverage="Radarsat1--1508208")),
        ("html", 'HTML page titled "EODMS - Service Unavailable"'),
        ("empty", "empty reply"),
        ("reset", "may not have reached EODMS"),
    ],
)
def test_batch_of_three_with_one_failing_scene(wes, tmp_path, fault, expected):
    server = wes(fail={"1508208": fault})
    journal = OrderJournal(tmp_path / "orders.sqlite")
    progress = []

    results = order_batch(client_for(server), SCENES, journal, "TAR", progress=lambda *a: progress.append(a))

    # What EODMS received: DescribeCoverage then GetCoverage, scene after scene.
    assert [r.method for r in server.requests] == ["GET", "POST"] * 3
    gets, posts = server.requests[0::2], server.requests[1::2]
    assert [parse_qsl(r.query) for r in gets] == [describe_params(s["record_id"]) for s in SCENES]
    assert [post_fields(r) for r in posts] == [
        (f"Radarsat1--{s['record_id']}", "application/gml+xml", ["TAR"]) for s in SCENES
    ]
    assert all(r.path == "/wes/services/WESOrder/wcs" and not r.query for r in posts)
    accepted = [o.coverage_id for o in server.orders]
    assert accepted == ["Radarsat1--1508207", "Radarsat1--1508209"]

    # What the caller and the journal see.
    assert [r.status for r in results] == ["submitted", "failed", "submitted"]
    assert expected in results[1].message
    assert [p[:2] for p in progress] == [(1, 3), (2, 3), (3, 3)]
    rows = list(reversed(journal.entries()))
    assert [(r.record_id, r.status) for r in rows] == [
        ("1508207", "submitted"),
        ("1508208", "failed"),
        ("1508209", "submitted"),
    ]
    assert expected in rows[1].message
    assert [r.title for r in rows] == [s["title"] for s in SCENES]
    assert [r.acquired for r in rows] == [s["acquired"] for s in SCENES]
    assert {r.coverage_id for r in rows} == {f"Radarsat1--{s['record_id']}" for s in SCENES}
    assert {(r.packaging, r.wcs_url) for r in rows} == {("TAR", server.url)}
    assert all(r.finished_at and r.requested_at <= r.finished_at for r in rows)
    for row, order in zip((rows[0], rows[2]), server.orders):
        assert f"<wes:OrderId>{order.order_id}</wes:OrderId>" in row.response  # the undocumented reply, kept
    if fault == "exception":
        assert "ExceptionReport" in rows[1].response
    assert journal.submitted_ids() == {"1508207", "1508209"}


def test_a_packaging_the_scene_does_not_offer_is_refused_before_ordering(wes):
    server = wes()
    with pytest.raises(InputError, match=r"does not offer packaging 'RAR'.*ZIP, TAR, TARGZ"):
        client_for(server).order("1508207", "Radarsat1", packaging="RAR")
    assert [r.method for r in server.requests] == ["GET"]

    result = client_for(server).order("1508207", "Radarsat1", packaging="targz")
    assert (result.status, result.packaging) == ("submitted", "TARGZ")
    assert server.orders[-1].packaging == "TARGZ"


def test_a_scene_without_packaging_choice_is_ordered_with_the_server_default(wes, tmp_path):
    server = wes(no_packaging={"1508208"})
    journal = OrderJournal(tmp_path / "orders.sqlite")
    results = order_batch(client_for(server), SCENES, journal, "TAR")
    assert [(r.record_id, r.status, r.packaging) for r in results] == [
        ("1508207", "submitted", "TAR"), ("1508208", "submitted", ""), ("1508209", "submitted", "TAR")]
    assert [(o.record_id, o.packaging) for o in server.orders] == [
        ("1508207", "TAR"), ("1508208", ""), ("1508209", "TAR")]
    assert b"packagingFormat" not in server.orders[1].body  # nothing sent: the server's default applies

    result = client_for(server).order("1508207", "Radarsat1", packaging=SERVER_DEFAULT)
    assert (result.status, result.packaging) == ("submitted", "")
    assert b"packagingFormat" not in server.orders[-1].body


def test_rejected_password_stops_the_batch_and_never_shows_the_password(wes, tmp_path, make_authcfg):
    wrong = "wrong-" + PASSWORD
    authcfg = make_authcfg(USER, wrong)
    server = wes()
    client = EodmsOrderClient(
        server.url, credentials=credentials_from_authcfg(authcfg, "EODMS"), auth_hint=f"auth config {authcfg}"
    )
    path = tmp_path / "orders.sqlite"
    journal = OrderJournal(path)

    with pytest.raises(AuthError) as caught:
        order_batch(client, SCENES, journal, "ZIP")

    message = str(caught.value)
    assert f"EODMS rejected the username/password in auth config {authcfg}" in message
    assert caught.value.status == 401
    assert len(server.requests) == 1 and server.requests[0].method == "GET"  # stopped after the first
    assert not server.orders
    assert [r.status for r in caught.value.results] == ["failed"]
    assert [s["record_id"] for s in caught.value.not_attempted] == ["1508208", "1508209"]
    (row,) = journal.entries()  # scenes not attempted leave no row
    assert (row.record_id, row.status) == ("1508207", "failed") and authcfg in row.message
    for text in (message, caught.value.results[0].message, repr(client.credentials), *map(str, row.__dict__.values())):
        assert wrong not in text and PASSWORD not in text
    journal.close()
    for file in tmp_path.iterdir():  # the database, its WAL and shared memory
        assert wrong.encode() not in file.read_bytes()


def test_missing_or_wrong_credentials_get_401_from_the_fake(wes):
    server = wes()
    params = describe_params("1508208")
    for auth in (None, (USER, "nope"), ("someone", PASSWORD)):
        reply = requests.get(server.url, params=params, auth=auth, timeout=10)
        assert reply.status_code == 401 and "<title>401 Unauthorized</title>" in reply.text
        assert reply.headers["WWW-Authenticate"].startswith("Basic")
    assert requests.get(server.url, params=params, auth=(USER, PASSWORD), timeout=10).status_code == 200


def test_cancelling_between_scenes_stops_cleanly(wes, tmp_path):
    server = wes()
    journal = OrderJournal(tmp_path / "orders.sqlite")
    done = []

    results = order_batch(
        client_for(server), SCENES, journal, "ZIP", progress=lambda *a: done.append(a), cancelled=lambda: bool(done)
    )

    assert [r.record_id for r in results] == ["1508207"]
    assert [o.record_id for o in server.orders] == ["1508207"]
    assert [(r.record_id, r.status) for r in journal.entries()] == [("1508207", "submitted")]


# --- the journal ------------------------------------------------------------------------------


def test_recover_marks_pending_rows_interrupted_and_submitted_ids(tmp_path):
    path = tmp_path / "sub" / "orders.sqlite"
    journal = OrderJournal(path)
    a = journal.begin("1", "Radarsat1", coverage_id="Radarsat1--1", packaging="ZIP")
    b = journal.begin("2", "Radarsat1", coverage_id="Radarsat1--2", packaging="ZIP")
    c = journal.begin("3", "Radarsat1", coverage_id="Radarsat1--3", packaging="ZIP")
    journal.finish(a, "submitted", "ok", b"<ack/>")
    journal.finish(b, "failed", "refused", "")
    assert journal.submitted_ids() == {"1"}

    # Another journal opened in this process must not touch the row still in flight here.
    assert OrderJournal(path).entry(c).status == "pending"
    assert journal.recover() == 0

    journal.close()  # as if the process died before finishing row c
    reopened = OrderJournal(path)
    rows = reopened.entries()
    assert [(r.id, r.status) for r in rows] == [(c, "interrupted"), (b, "failed"), (a, "submitted")]
    assert "Check your e-mail" in rows[0].message and rows[0].finished_at is None
    assert rows[2].response == "<ack/>"
    assert reopened.submitted_ids() == {"1"}
    assert [r.id for r in reopened.entries(limit=2)] == [c, b]
    assert reopened.recover() == 0


def test_default_journal_path_is_in_the_qgis_profile(qgis_app):
    from qgis.core import QgsApplication

    path = Path(default_journal_path())
    assert path.parent == Path(QgsApplication.qgisSettingsDirPath()) / "eo_order"
    assert path.name == "orders.sqlite"


_CHILD = """
import importlib.util, os, sys
from pathlib import Path

def register(name, folder):
    spec = importlib.util.spec_from_file_location(
        name, folder / "__init__.py", submodule_search_locations=[str(folder)])
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)

register("eo_order", Path(sys.argv[1]))
from eo_order.core.auth import Credentials
from eo_order.core.eodms_order import EodmsOrderClient, order_batch
from eo_order.core.journal import OrderJournal, default_journal_path

client = EodmsOrderClient(sys.argv[2], credentials=Credentials("eodms-user", os.environ["EO_TEST_PASSWORD"]))
scenes = [dict(record_id=r, collection_id="Radarsat1", title="RS1 " + r) for r in sys.argv[4].split(",")]
order_batch(client, scenes, OrderJournal(sys.argv[3]), "ZIP")
"""


def test_a_batch_killed_mid_request_leaves_a_consistent_journal(wes, tmp_path, qgis_app):
    server = wes(fail={"1508208": "slow"}, slow_seconds=120)
    path = tmp_path / "orders.sqlite"
    ids = ",".join(s["record_id"] for s in SCENES)
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(ROOT), server.url, str(path), ids],
        env={**os.environ, "EO_TEST_PASSWORD": PASSWORD},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        wait_for(lambda: child.poll() is not None or sum(r.method == "POST" for r in server.requests) == 2)
        assert child.poll() is None, child.stderr.read().decode()
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()

    with sqlite3.connect(path) as db:  # as the crash left it
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        rows = db.execute("SELECT record_id, status, message, response, finished_at FROM orders ORDER BY id").fetchall()
    db.close()
    assert [r[:2] for r in rows] == [("1508207", "submitted"), ("1508208", "pending")]
    assert "<wes:OrderId>" in rows[0][3] and rows[0][4]
    assert rows[1][2:] == ("", "", None)  # nothing half-written for the scene in flight

    journal = OrderJournal(path)  # opening recovers
    assert [(e.record_id, e.status) for e in journal.entries()] == [
        ("1508208", "interrupted"),
        ("1508207", "submitted"),
    ]
    assert journal.submitted_ids() == {"1508207"}
    # EODMS did get the interrupted order: that is why it is 'interrupted', not 'failed'.
    assert [o.record_id for o in server.orders] == ["1508207", "1508208"]
    journal.close()
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    db.close()


@pytest.mark.parametrize(("reply", "order_id"), [
    ('<wes:OrderResponse xmlns:wes="http://schema.compusult.net/services/2.7.0/WESOrder"><wes:OrderId> 771204 '
     '</wes:OrderId></wes:OrderResponse>', "771204"),
    ('<?xml version="1.0" encoding="UTF-8"?><Result><Order orderID="A-42"/></Result>', "A-42"),
    ("<Result><order_id>9</order_id></Result>", "9"),
    ("<Result><OrderId>two words</OrderId></Result>", ""),  # not an id
    ("<Result><Status>Submitted</Status></Result>", ""),
    ("<html><body>OrderId 5</body></html>", ""),  # not XML: nothing guessed
    ('<!DOCTYPE r [<!ENTITY x "1">]><r><OrderId>&x;</OrderId></r>', ""),  # no entities expanded
    ("", ""),
])
def test_the_order_id_is_read_from_the_stored_reply(tmp_path, reply, order_id):
    from eo_order.core.journal import SUBMITTED

    with OrderJournal(tmp_path / "orders.sqlite") as journal:
        row = journal.begin("1508208", "Radarsat1")
        journal.finish(row, SUBMITTED, "accepted", reply)
        assert journal.entry(row).order_id == order_id
