"""WorkTask: whatever goes wrong on the main thread after the work is done, QGIS keeps running."""

from qgis.core import QgsApplication

from eo_order.core.tasks import WorkTask
from tests.conftest import wait_for


class _BrokenFinish(WorkTask):
    def on_finished(self, ok):
        raise AttributeError("'Panel' object has no attribute '_gone'")


def test_an_exception_while_finishing_is_a_message_not_an_abort(qgis_app):
    logged, received = [], []
    QgsApplication.messageLog().messageReceived.connect(lambda text, tag, level: logged.append(text))
    task = _BrokenFinish("Search test catalogue", lambda _task: 42)
    task.done.connect(lambda result, error: received.append((result, error)))
    QgsApplication.taskManager().addTask(task)
    wait_for(lambda: received)  # before the fix PyQt aborted the whole process here

    result, error = received[0]
    assert result is None
    assert "internal error while finishing 'Search test catalogue'" in error
    assert "no attribute '_gone'" in error
    assert any("Traceback" in text and "_gone" in text for text in logged)
