"""Every CSW page has an overall deadline enforced while the answer streams in, and Cancel ends
a search within a second even when the server is silent or drips one byte at a time."""

import threading
import time

import pytest
from qgis.core import QgsApplication, QgsSettings

from eo_order.core.catalogue import CopernicusCatalogue, CswCatalogue
from eo_order.core.connections import CDSE, CSW, Connection
from eo_order.core.csw import CswClient, Profile
from eo_order.core.errors import Cancelled, NetworkError
from eo_order.core.http import DEADLINE_SETTING, deadline_seconds
from eo_order.core.models import BBox, SearchQuery
from eo_order.core.tasks import CatalogueSearchTask
from tests.conftest import wait_for
from tests.servers.canned import CannedServer, Drip

QUERY = SearchQuery(bbox=BBox(-76.4, 44.9, -75.2, 45.6))
XML = {"Content-Type": "application/xml"}
# The start of a real-looking GetRecords answer, one byte every 0.5 s: endless for a person.
DRIP = Drip(b'<?xml version="1.0"?><csw:GetRecordsResponse xmlns:csw="http://www.opengis.net/cat/csw/2.0.2">'
            + b" " * 400, interval=0.5)


@pytest.fixture
def stalled(qgis_app):
    routes = {"/drip": (200, XML, DRIP), "/silent": (200, XML, b"<never/>", 600)}
    with CannedServer(routes) as server:
        yield server


@pytest.fixture
def short_deadline(qgis_app):
    settings = QgsSettings()
    settings.setValue(DEADLINE_SETTING, 2)
    yield 2
    settings.remove(DEADLINE_SETTING)


def test_the_deadline_setting_has_a_sane_default(qgis_app):
    settings = QgsSettings()
    settings.remove(DEADLINE_SETTING)
    assert deadline_seconds() == 300
    for bad in ("soon", -5, 0, "nan"):
        settings.setValue(DEADLINE_SETTING, bad)
        assert deadline_seconds() == 300
    settings.remove(DEADLINE_SETTING)


def test_a_dripping_server_is_stopped_at_the_deadline_with_a_clear_message(stalled, short_deadline):
    url = stalled.url_for("/drip")
    started = time.monotonic()
    with pytest.raises(NetworkError) as caught:
        CswClient(url, Profile.GENERIC, name="Dripping CSW").search(QUERY)
    assert time.monotonic() - started < 4
    message = str(caught.value)
    assert f"Dripping CSW at {url}" in message and "within 2 s" in message and DEADLINE_SETTING in message


def test_a_silent_server_is_stopped_at_the_deadline_too(stalled, short_deadline):
    started = time.monotonic()
    with pytest.raises(NetworkError, match="within 2 s"):
        CswClient(stalled.url_for("/silent"), Profile.GENERIC).search(QUERY)
    assert time.monotonic() - started < 4


@pytest.mark.parametrize("path", ["/drip", "/silent"])
def test_cancel_ends_a_blocked_page_within_a_second(stalled, path):
    stop = threading.Event()
    outcome = []

    def search():
        try:
            CswClient(stalled.url_for(path), Profile.GENERIC).search(QUERY, cancelled=stop.is_set)
        except Exception as exc:  # noqa: BLE001 - the test looks at it
            outcome.append(exc)

    worker = threading.Thread(target=search, daemon=True)
    worker.start()
    wait_for(lambda: stalled.requests, timeout=5)
    time.sleep(0.3)  # the request is now blocked in a read (headers or body)
    stop.set()
    cancelled_at = time.monotonic()
    worker.join(timeout=10)
    assert not worker.is_alive() and time.monotonic() - cancelled_at < 1.0
    assert [type(e) for e in outcome] == [Cancelled]


@pytest.mark.parametrize("path", ["/drip", "/silent"])
def test_a_cancelled_search_task_ends_within_a_second(stalled, path):
    task = CatalogueSearchTask(CswCatalogue(Connection("Stalled CSW", CSW, stalled.url_for(path))), QUERY)
    ended = []
    task.done.connect(lambda result, error: ended.append((time.monotonic(), result, error)))
    QgsApplication.taskManager().addTask(task)
    wait_for(lambda: stalled.requests, timeout=5)
    wait_for(lambda: task.status() == task.TaskStatus.Running, timeout=5)
    task.cancel()
    cancelled_at = time.monotonic()
    wait_for(lambda: ended, timeout=10)
    assert ended[0][0] - cancelled_at < 1.5
    assert ended[0][1:] == (None, "")  # cancelled: no layer, no error


_RUNNING = []  # the tasks' Python objects must live until they end, as the dock keeps its own


def run_task(task):
    _RUNNING.append(task)
    ended = []
    task.done.connect(lambda result, error: ended.append((time.monotonic(), result, error)))
    QgsApplication.taskManager().addTask(task)
    return ended


def test_a_wcs_server_dripping_its_capabilities_is_stopped_at_the_deadline(stalled, short_deadline):
    from eo_order.core.tasks import WorkTask
    from eo_order.core.wcs10 import Wcs10Client

    client = Wcs10Client(stalled.url_for("/drip"), name="Dripping WCS")
    started = time.monotonic()
    ended = run_task(WorkTask("connect", lambda _task: client.capabilities(), deadline=(client.name, client.url)))
    wait_for(lambda: ended, timeout=10)
    assert ended[0][0] - started < 4
    assert ended[0][1] is None
    assert f"Dripping WCS at {client.url} did not finish sending its answer within 2 s" in ended[0][2]


def test_a_cancelled_copernicus_search_ends_within_a_second(stalled):
    from eo_order.core.cdse_search import CdseQuery

    query = CdseQuery("SENTINEL-2", [(5.9, 45.8), (10.5, 45.8), (8.0, 47.8)], "2022-05-01", "2022-05-03")
    task = CatalogueSearchTask(CopernicusCatalogue(Connection("Stalled CDSE", CDSE, stalled.url_for("/silent"))),
                               query)
    ended = run_task(task)
    wait_for(lambda: stalled.requests, timeout=5)
    task.cancel()
    cancelled_at = time.monotonic()
    wait_for(lambda: ended, timeout=10)
    assert ended[0][0] - cancelled_at < 1.5 and ended[0][1:] == (None, "")
