"""The Search tab's STAC collections filter: a checkable list filled from the server's
``/collections`` (on a worker thread), kept per connection for the session."""

from qgis.core import QgsApplication
from qgis.gui import QgsCheckableComboBox
from qgis.PyQt.QtCore import QCoreApplication, Qt, pyqtSignal

from ..core.errors import EoOrderError
from ..core.tasks import WorkTask
from .messages import tooltip


def tr(text):
    return QCoreApplication.translate("SearchTab", text)


class CollectionChooser(QgsCheckableComboBox):
    """``show_for(catalogue, authcfg)`` lists that catalogue's collections (asked once per URL and
    session unless ``force``); ``failed(text)`` says why a list could not be had."""

    failed = pyqtSignal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setToolTip(tr("The STAC collections to search (none checked: all of them); listed from the server"))
        self._cache = {}  # connection URL -> [Collection]
        self._task = None
        self._wanted = set()  # ids to check once listed (a history entry's)
        self._current = None

    def show_for(self, catalogue, authcfg="", force=False, checked=None):
        self._current = catalogue
        if checked is not None:
            self._wanted = set(checked)
        if catalogue.url in self._cache and not force:
            self._fill(self._cache[catalogue.url])
            return None
        self.abort()
        self.clear()
        try:
            catalogue.prepare(authcfg)
        except EoOrderError as exc:
            self.failed.emit(str(exc))
            return None
        task = WorkTask(tr("EO Order: list collections of {0}").format(catalogue.name),
                        lambda _task: catalogue.collections())
        task.done.connect(lambda found, error: self._listed(task, catalogue, found, error))
        self._task = task
        QgsApplication.taskManager().addTask(task)
        return task

    def _listed(self, task, catalogue, found, error):
        if task is not self._task:
            return
        self._task = None
        if error:
            self.failed.emit(tr("The collections of {0} could not be listed: {1}").format(catalogue.name, error))
            return
        self._cache[catalogue.url] = found or []
        if catalogue is self._current:
            self._fill(found or [])

    def _fill(self, collections):
        wanted, self._wanted = self._wanted, set()
        self.clear()
        for collection in collections:
            state = Qt.CheckState.Checked if collection.id in wanted else Qt.CheckState.Unchecked
            self.addItemWithCheckState(collection.id, state, collection.id)
            if collection.title:
                self.setItemData(self.count() - 1, tooltip(collection.title), Qt.ItemDataRole.ToolTipRole)

    def abort(self):
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
