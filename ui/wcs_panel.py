"""The WCS tab: any OGC WCS 1.0.0 server → its coverages → DescribeCoverage → GetCoverage → a raster layer.

Every network call runs in a :class:`~..core.tasks.WorkTask`; the request itself is built and
checked by :class:`~..core.wcs10.GetCoverageRequest`. The panel only turns widgets into it.
"""

from qgis.core import Qgis, QgsApplication, QgsProject
from qgis.gui import QgsAuthConfigSelect
from qgis.PyQt.QtCore import QCoreApplication, Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.auth import auth_hint, credentials_from_authcfg
from ..core.connections import WCS, ConnectionStore
from ..core.errors import EoOrderError, InputError
from ..core.settings import Settings
from ..core.tasks import WorkTask
from ..core.wcs10 import Wcs10Client
from ..core.wcs_files import coverage_layer
from .connections_dialog import ConnectionsDialog
from .messages import plain_label, push_message, tooltip
from .wcs_form import RESOLUTION, SIZE, WcsRequestForm

__all__ = ["RESOLUTION", "SIZE", "WcsPanel", "WcsSettings", "description_text"]

ROLE_NAME = Qt.ItemDataRole.UserRole


def tr(text):
    return QCoreApplication.translate("WcsPanel", text)


class WcsSettings:
    """The WCS tab's servers: the WCS connections of :mod:`..core.connections` (a server connected
    to is remembered as one) and the last URL used. Auth config ids per URL are kept by
    :class:`~..core.settings.Settings` like the catalogues' (only ids, never secrets)."""

    def __init__(self, settings=None):
        self.settings = settings or Settings()
        self.store = ConnectionStore(self.settings)

    @property
    def connections(self):
        return self.store.all(WCS)

    @property
    def urls(self):
        """The WCS connections' URLs, in the order added."""
        return [c.url for c in self.connections]

    def remember(self, url):
        """Keep ``url`` as a WCS connection (named after it, unless it is one already); True if new."""
        self.last_url = url
        if self.store.find_url(WCS, url) is not None:
            return False
        try:
            self.store.ensure(WCS, url)
        except InputError:  # a URL the client accepted but a connection cannot keep: just not remembered
            return False
        return True

    def forget(self, url):
        connection = self.store.find_url(WCS, url)
        if connection is not None and not connection.builtin:
            self.store.remove(connection)
        if self.last_url == url.strip():
            self.last_url = ""

    @property
    def last_url(self):
        return self.settings.wcs_last_url

    @last_url.setter
    def last_url(self, url):
        self.settings.wcs_last_url = url


class WcsPanel(QWidget):
    """Fetch coverages from a WCS 1.0.0 server. ``layerAdded(layer)`` is emitted for each new raster layer."""

    layerAdded = pyqtSignal(object)
    connectionsChanged = pyqtSignal()  # the connections manager opened from here changed something

    def __init__(self, iface, parent=None):
        super().__init__(parent)
        self.iface = iface
        self.canvas = iface.mapCanvas()
        self.auth_settings = Settings()
        self.settings = WcsSettings(self.auth_settings)
        self.client = None
        self.capabilities = None
        self.description = None
        self.connect_task = None
        self.describe_task = None
        self.fetch_task = None
        self._build()
        self._load_urls()
        self.canvas.extentsChanged.connect(self._follow_canvas)
        self.canvas.destinationCrsChanged.connect(self._follow_canvas)
        self._set_description(None)
        self.form.follow_canvas(force=True)

    # --- layout -------------------------------------------------------------

    def _build(self):
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.url_combo = QComboBox()
        self.url_combo.setEditable(True)
        self.url_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.url_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.url_combo.setMinimumContentsLength(16)
        self.url_combo.lineEdit().setPlaceholderText("https://example.org/cgi-bin/mapserv?map=…")
        self.url_combo.setToolTip(tr("A WCS connection, or the URL of a WCS 1.0.0 server (type or paste it; "
                                     "servers you connected to are kept as connections). Request keys pasted "
                                     "with it are dropped."))
        self.url_combo.currentIndexChanged.connect(self._url_chosen)
        form.addRow(tr("Server"), self.url_combo)
        row = QHBoxLayout()
        self.forget_button = QToolButton(text="–")
        self.forget_button.setToolTip(tr("Forget this server URL"))
        self.forget_button.clicked.connect(self._forget_url)
        row.addWidget(self.forget_button)
        self.connections_button = QToolButton(text=tr("Connections…"))
        self.connections_button.setToolTip(tr("Manage servers and catalogues: add, edit, remove, import or export "
                                              "them (also from and to QGIS' WCS connections)"))
        self.connections_button.clicked.connect(self.open_connections)
        row.addWidget(self.connections_button)
        row.addStretch(1)
        self.connect_button = QPushButton(tr("Connect"))
        self.connect_button.setToolTip(tr("Ask the server for its coverages (GetCapabilities) in the background"))
        self.connect_button.clicked.connect(self.connect_server)
        row.addWidget(self.connect_button)
        form.addRow(row)
        self.auth_select = QgsAuthConfigSelect(self)
        self.auth_select.setToolTip(tr("Optional QGIS authentication configuration (Basic) for this server; "
                                       "sent only to the server's own address and stored only in the QGIS "
                                       "auth database."))
        form.addRow(tr("Credentials"), self.auth_select)
        layout.addLayout(form)

        splitter = QSplitter(Qt.Orientation.Vertical)
        coverages = QWidget()
        coverage_layout = QVBoxLayout(coverages)
        coverage_layout.setContentsMargins(0, 0, 0, 0)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(tr("Filter coverages"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setToolTip(tr("Show only coverages whose name or label contains this text"))
        self.filter_edit.textChanged.connect(self._filter_coverages)
        coverage_layout.addWidget(self.filter_edit)
        self.coverage_tree = QTreeWidget()
        self.coverage_tree.setColumnCount(2)
        self.coverage_tree.setHeaderLabels([tr("Coverage"), tr("Label")])
        self.coverage_tree.setRootIsDecorated(False)
        self.coverage_tree.setSortingEnabled(True)
        self.coverage_tree.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.coverage_tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.coverage_tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.coverage_tree.header().setStretchLastSection(True)
        self.coverage_tree.setToolTip(tr("The server's coverages: select one to see its description"))
        self.coverage_tree.itemSelectionChanged.connect(self._coverage_selected)
        coverage_layout.addWidget(self.coverage_tree, 1)
        splitter.addWidget(coverages)

        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.details.setPlaceholderText(tr("Select a coverage to see its CRSs, formats, times and grid."))
        self.details.setToolTip(tr("What DescribeCoverage says about the selected coverage"))
        splitter.addWidget(self.details)

        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.form = WcsRequestForm(self.canvas)
        self.scroll.setWidget(self.form)
        splitter.addWidget(self.scroll)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 1)
        splitter.setStretchFactor(2, 3)
        layout.addWidget(splitter, 1)

        buttons = QHBoxLayout()
        self.fetch_button = QPushButton(tr("Fetch coverage"))
        self.fetch_button.setToolTip(tr("Fetch the coverage (GetCoverage) in the background and add it to the "
                                        "project as a raster layer"))
        self.fetch_button.clicked.connect(self.fetch)
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setToolTip(tr("Stop the running request; nothing is saved"))
        self.cancel_button.clicked.connect(self.cancel)
        buttons.addWidget(self.fetch_button)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)

        self.status = plain_label(tr("Enter a WCS 1.0.0 server URL and press Connect."))
        self.status.setWordWrap(True)
        self.status.setToolTip(tr("What the tab is doing, or the last error"))
        layout.addWidget(self.status)

    # --- server URLs and credentials ---------------------------------------------

    def _load_urls(self, current=None):
        """List the WCS connections (by name); ``current`` (a URL, or what was typed) stays shown."""
        current = (current if current is not None else self.settings.last_url).strip()
        self.url_combo.blockSignals(True)
        self.url_combo.clear()
        for connection in self.settings.connections:
            self.url_combo.addItem(connection.name, connection.url)
            self.url_combo.setItemData(self.url_combo.count() - 1, tooltip(connection.url), Qt.ItemDataRole.ToolTipRole)
        index = self.url_combo.findData(current) if current else 0
        if index < 0:
            index = self.url_combo.findText(current, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchCaseSensitive)
        if index >= 0:
            self.url_combo.setCurrentIndex(index)
            self.url_combo.setEditText(self.url_combo.itemText(index))
        else:
            self.url_combo.setEditText(current)
        self.url_combo.blockSignals(False)
        self._url_chosen()

    def reload_connections(self):
        """After the connections changed elsewhere (the Search tab's manager)."""
        self._load_urls(current=self.url)

    @property
    def url(self):
        """The chosen connection's URL, or the URL typed in the box."""
        text = self.url_combo.currentText().strip()
        index = self.url_combo.findText(text, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchCaseSensitive)
        return (self.url_combo.itemData(index) or text) if text and index >= 0 else text

    def set_url(self, url):
        """Put ``url`` in the server box (as if typed)."""
        self.url_combo.setEditText(url)
        self._url_chosen()

    def _url_chosen(self, _index=None):
        url = self.url
        self.forget_button.setEnabled(url in self.settings.urls)
        self.auth_select.blockSignals(True)
        self.auth_select.setConfigId(self.auth_settings.authcfg_for(url) if url else "")
        self.auth_select.blockSignals(False)

    def _forget_url(self):
        self.settings.forget(self.url)
        self._load_urls(current="")
        self.connectionsChanged.emit()

    def exec_dialog(self, dialog):
        """Run a dialog modally (tests replace this)."""
        return dialog.exec()

    def open_connections(self):
        """The connections manager; the server list follows what it changes."""
        dialog = ConnectionsDialog(self, self.auth_settings)
        dialog.changed.connect(self.reload_connections)
        dialog.changed.connect(self.connectionsChanged)
        self._connections_dialog = dialog
        self.exec_dialog(dialog)
        self.reload_connections()
        return dialog

    # --- connect: GetCapabilities --------------------------------------------------

    def _make_client(self, url):
        authcfg = self.auth_select.configId()
        credentials = credentials_from_authcfg(authcfg, tr("the WCS server")) if authcfg else None
        return Wcs10Client(url, credentials=credentials, auth_hint=auth_hint(authcfg))

    def connect_server(self):
        url = self.url
        try:
            client = self._make_client(url)
        except EoOrderError as exc:
            self._fail(str(exc), Qgis.MessageLevel.Warning)
            return
        self._cancel_tasks(fetch=False)  # a running fetch has its own client and goes on
        self.client = client
        self.capabilities = None
        self.coverage_tree.clear()
        self._set_description(None)
        authcfg = self.auth_select.configId()
        task = WorkTask(tr("EO Order: connect to {0}").format(url), lambda _task: client.capabilities(),
                        deadline=(client.name, client.url))  # the request time limit, Cancel within 1 s
        task.done.connect(lambda caps, error, task=task: self._connected(task, url, authcfg, caps, error))
        self.connect_task = task
        self.status.setText(tr("Connecting to {0}…").format(url))
        self._update_buttons()
        QgsApplication.taskManager().addTask(task)

    def _connected(self, task, url, authcfg, caps, error):
        if task is not self.connect_task:
            return
        self.connect_task = None
        self._update_buttons()
        if error:
            self._fail(error)
            return
        if caps is None:
            self.status.setText(tr("Connecting was cancelled."))
            return
        self.capabilities = caps
        added = self.settings.remember(url)
        self.auth_settings.set_authcfg_for(url, authcfg)
        self._load_urls(current=url)
        if added:
            self.connectionsChanged.emit()
        self.coverage_tree.setSortingEnabled(False)
        for brief in caps.coverages:
            item = QTreeWidgetItem([brief.name, brief.label])
            item.setData(0, ROLE_NAME, brief.name)
            tip = _envelope_text(brief.lon_lat_envelope)
            for column in (0, 1):
                item.setToolTip(column, tip)
            self.coverage_tree.addTopLevelItem(item)
        self.coverage_tree.setSortingEnabled(True)
        self._filter_coverages(self.filter_edit.text())
        title = caps.title or url
        if not caps.coverages:
            self.status.setText(tr("{0} offers no coverages.").format(title))
            push_message(self.iface, tr("{0} offers no coverages.").format(title), Qgis.MessageLevel.Info)
            return
        self.status.setText(tr("{0}: {1} coverage(s). Select one.").format(title, len(caps.coverages)))

    def _filter_coverages(self, text):
        text = (text or "").strip().lower()
        for i in range(self.coverage_tree.topLevelItemCount()):
            item = self.coverage_tree.topLevelItem(i)
            item.setHidden(bool(text) and text not in f"{item.text(0)}\n{item.text(1)}".lower())

    # --- describe: DescribeCoverage -----------------------------------------------

    def coverage_item(self, name):
        """The list item of coverage ``name`` (or None)."""
        for i in range(self.coverage_tree.topLevelItemCount()):
            item = self.coverage_tree.topLevelItem(i)
            if item.data(0, ROLE_NAME) == name:
                return item
        return None

    def _coverage_selected(self):
        items = self.coverage_tree.selectedItems()
        if items:
            self.describe(items[0].data(0, ROLE_NAME))

    def describe(self, name):
        if self.client is None or not name:
            return
        if self.describe_task is not None:
            self.describe_task.cancel()
        self._set_description(None)
        client = self.client
        task = WorkTask(tr("EO Order: describe coverage {0}").format(name), lambda _task: client.describe(name),
                        deadline=(client.name, client.url))
        task.done.connect(lambda desc, error, task=task: self._described(task, desc, error))
        self.describe_task = task
        self.details.setPlainText(tr("Describing {0}…").format(name))
        self.status.setText(tr("Describing {0}…").format(name))
        self._update_buttons()
        QgsApplication.taskManager().addTask(task)

    def _described(self, task, description, error):
        if task is not self.describe_task:
            return
        self.describe_task = None
        self._update_buttons()
        if error:
            self.details.setPlainText(error)
            self._fail(error)
            return
        if description is None:
            self.details.clear()
            self.status.setText(tr("Describing the coverage was cancelled."))
            return
        self._set_description(description)
        self.status.setText(tr("Coverage {0}: choose the extent and size, then Fetch coverage.").format(
            description.name))

    def _set_description(self, desc):
        """Show ``desc`` (a CoverageDescription) and fill the request form from it, or clear both."""
        self.description = desc
        self.details.setPlainText(description_text(desc) if desc is not None else "")
        self.form.set_description(desc)
        self._update_buttons()

    def _follow_canvas(self, *_args):
        self.form.follow_canvas()

    # --- fetch: GetCoverage ------------------------------------------------------

    def fetch(self):
        if self.fetch_task is not None:
            return
        try:
            request = self.form.build_request()
            request.validate(self.description)
            path = self.form.output_path()
        except EoOrderError as exc:
            self._fail(str(exc), Qgis.MessageLevel.Warning)
            return
        client, description = self.client, self.description
        client.max_coverage_bytes = self.form.max_bytes()

        def work(task):
            state = {"percent": -1, "mb": -1}

            def progress(done, total):
                if total:
                    percent = int(100 * done / total)
                    if percent != state["percent"]:
                        state["percent"] = percent
                        task.report(percent, tr("{0} %").format(percent))
                elif done >> 20 != state["mb"]:
                    state["mb"] = done >> 20
                    task.report(0, tr("{0} MB").format(state["mb"]))

            return client.get_coverage(request, path, cancelled=task.isCanceled, progress=progress,
                                       description=description)

        task = WorkTask(tr("EO Order: fetch coverage {0}").format(request.coverage), work)
        task.progressText.connect(self._progress_text)
        task.done.connect(lambda result, error, task=task: self._fetched(task, description, result, error))
        self.fetch_task = task
        self.status.setText(tr("Fetching {0}…").format(request.coverage))
        self._update_buttons()
        QgsApplication.taskManager().addTask(task)

    def _progress_text(self, text):
        if self.fetch_task is not None:
            self.status.setText(tr("Fetching the coverage: {0}").format(text))

    def _fetched(self, task, description, path, error):
        if task is not self.fetch_task:
            return
        self.fetch_task = None
        self._update_buttons()
        if error:
            self._fail(error)
            return
        name = description.name
        if path is None:
            self.status.setText(tr("Fetching {0} was cancelled; nothing was saved.").format(name))
            return
        layer = coverage_layer(path, description)
        if not layer.isValid():
            self._fail(tr("The server's reply for {0} was saved as {1}, but QGIS cannot open it as a raster "
                          "({2}). Try another format.").format(name, path, layer.error().summary()))
            return
        QgsProject.instance().addMapLayer(layer)
        self.layerAdded.emit(layer)
        text = tr("Coverage {0} ({1} × {2} pixels) saved as {3} and added to the project.").format(
            name, layer.width(), layer.height(), path)
        self.status.setText(text)
        push_message(self.iface, text, Qgis.MessageLevel.Success)

    # --- tasks ---------------------------------------------------------------

    def _tasks(self):
        return [t for t in (self.connect_task, self.describe_task, self.fetch_task) if t is not None]

    def cancel(self):
        for task in self._tasks():
            task.cancel()

    def _cancel_tasks(self, fetch=True):
        """Forget and cancel the running tasks (their results are then ignored)."""
        tasks = [t for t in (self.connect_task, self.describe_task) if t is not None]
        self.connect_task = self.describe_task = None
        if fetch and self.fetch_task is not None:
            tasks.append(self.fetch_task)
            self.fetch_task = None
        for task in tasks:
            task.cancel()
        self._update_buttons()

    def _update_buttons(self):
        self.connect_button.setEnabled(self.connect_task is None)
        self.fetch_button.setEnabled(self.description is not None and self.fetch_task is None)
        self.cancel_button.setEnabled(bool(self._tasks()))

    # --- messages and shutdown ---------------------------------------------------

    def _fail(self, text, level=Qgis.MessageLevel.Critical):
        self.status.setText(text)
        push_message(self.iface, text, level)


    def shutdown(self):
        """Cancel work and disconnect from the canvas (plugin unload)."""
        self._cancel_tasks()
        for signal in (self.canvas.extentsChanged, self.canvas.destinationCrsChanged):
            try:
                signal.disconnect(self._follow_canvas)
            except (TypeError, RuntimeError):
                pass


# --- helpers ----------------------------------------------------------------------


def description_text(desc):
    """A plain-text summary of a CoverageDescription."""
    lines = [f"{desc.name} – {desc.label}" if desc.label and desc.label != desc.name else desc.name]
    if desc.lon_lat_envelope:
        lines.append(tr("Lon/lat envelope: {0}").format(_box_text(desc.lon_lat_envelope)))
    if desc.grid_size:
        where = ""
        if desc.grid_envelope:
            where = tr(" over {0} in {1}").format(_box_text(desc.grid_envelope), desc.grid_envelope_crs or "?")
        lines.append(tr("Grid: {0} × {1} pixels{2}").format(desc.grid_size[0], desc.grid_size[1], where))
    lines.append(tr("Request CRSs: {0}").format(", ".join(desc.request_crs) or "–"))
    if desc.response_crs != desc.request_crs:
        lines.append(tr("Response CRSs: {0}").format(", ".join(desc.response_crs) or "–"))
    lines.append(tr("Native CRS: {0}").format(", ".join(desc.native_crs) or "–"))
    native = tr(" (native: {0})").format(desc.native_format) if desc.native_format else ""
    lines.append(tr("Formats: {0}{1}").format(", ".join(desc.formats) or "–", native))
    methods = [f"{m} ({tr('default')})" if m == desc.default_interpolation else m for m in desc.interpolations]
    lines.append(tr("Interpolations: {0}").format(", ".join(methods) or "–"))
    if desc.time_positions:
        shown = desc.time_positions[:20]
        more = tr(" … and {0} more").format(len(desc.time_positions) - 20) if len(desc.time_positions) > 20 else ""
        lines.append(tr("Time positions: {0}{1}").format(", ".join(shown), more))
    for begin, end, resolution in desc.time_periods:
        step = tr(", every {0}").format(resolution) if resolution else ""
        lines.append(tr("Time period: {0} to {1}{2}").format(begin, end, step))
    for name, label, values in desc.range_axes:
        title = f"{name} ({label})" if label else name
        lines.append(tr("Range axis {0}: {1}").format(title, ", ".join(values) or "–"))
    return "\n".join(lines)


def _box_text(box):
    return ", ".join(f"{v:.10g}" for v in box)


def _envelope_text(envelope):
    if not envelope:
        return tr("No lon/lat envelope given")
    return tr("Lon/lat envelope (W, S, E, N): {0}").format(_box_text(envelope))
