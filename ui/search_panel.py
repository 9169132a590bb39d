"""The Search tab: catalogue, box, dates, title → a SearchTask → one footprint layer and a table."""

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsFeatureRequest,
    QgsProject,
)
from qgis.gui import QgsAuthConfigSelect
from qgis.PyQt.QtCore import QCoreApplication, QDate, Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSpinBox,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core.auth import credentials_from_authcfg
from ..core.connections import CSW, ConnectionStore
from ..core.csw import CswClient
from ..core.errors import EoOrderError
from ..core.models import SearchQuery
from ..core.settings import Settings
from ..core.tasks import SearchTask
from .connections_dialog import ConnectionEditDialog, ConnectionsDialog
from .layer_tools import LayerToolsRow
from .messages import plain_label, push_message, tooltip
from .quicklooks import show_quicklooks
from .widgets import CanvasExtentBox, ResultsTable, ThumbnailView, date_edit, iso_date, stop_task

COLUMNS = ("record_id", "acquired", "collection_id", "beam_mode", "title")


def tr(text):
    return QCoreApplication.translate("SearchPanel", text)


class SearchPanel(QWidget):
    """Search a CSW catalogue. ``layerAdded(layer)`` is emitted for each new footprint layer."""

    layerAdded = pyqtSignal(object)
    orderRequested = pyqtSignal(list)  # footprint features to order
    searched = pyqtSignal(object, object, int)  # catalog, query, result count (for the history)
    connectionsChanged = pyqtSignal()  # the connections manager opened from here changed something

    def __init__(self, iface, parent=None):
        super().__init__(parent)
        self.iface = iface
        self.canvas = iface.mapCanvas()
        self.settings = Settings()
        self.store = ConnectionStore(self.settings)
        self.task = None
        self.layer = None
        self._build()
        self._load_catalogs()

    # --- layout -------------------------------------------------------------

    def _build(self):
        layout = QVBoxLayout(self)
        form = QFormLayout()

        row = QHBoxLayout()
        self.catalog_combo = QComboBox()
        self.catalog_combo.setToolTip(tr("The catalogue to search. EODMS RCM needs your EODMS credentials."))
        self.catalog_combo.currentIndexChanged.connect(self._catalog_changed)
        row.addWidget(self.catalog_combo, 1)
        self.add_button = QToolButton(text="+")
        self.add_button.setToolTip(tr("Add a CSW 2.0.2 catalogue (name, URL, profile, credentials)"))
        self.add_button.clicked.connect(self._add_catalog)
        self.remove_button = QToolButton(text="–")
        self.remove_button.setToolTip(tr("Remove this user-added catalogue"))
        self.remove_button.clicked.connect(self._remove_catalog)
        self.connections_button = QToolButton(text=tr("Connections…"))
        self.connections_button.setToolTip(tr("Manage catalogues and servers: add, edit, remove, import or export "
                                              "them (also from and to QGIS' MetaSearch and WCS connections)"))
        self.connections_button.clicked.connect(self.open_connections)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addWidget(self.connections_button)
        form.addRow(tr("Catalogue"), row)

        self.auth_select = QgsAuthConfigSelect(self)
        self.auth_select.setToolTip(tr("QGIS authentication configuration (Basic) holding your EODMS "
                                       "username and password; stored only in the QGIS auth database."))
        self.auth_select.selectedConfigIdChanged.connect(self._auth_changed)
        self.auth_label = QLabel(tr("Credentials"))
        form.addRow(self.auth_label, self.auth_select)

        self.start_edit = date_edit(tr("Record date on or after this day (empty: no limit)"))
        self.end_edit = date_edit(tr("Record date before this day – exclusive (empty: no limit)"))
        dates = QHBoxLayout()
        dates.addWidget(self.start_edit)
        dates.addWidget(QLabel("→"))
        dates.addWidget(self.end_edit)
        form.addRow(tr("Dates"), dates)

        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("*")
        self.title_edit.setToolTip(tr("Title pattern: * matches any characters, ? one character"))
        form.addRow(tr("Title"), self.title_edit)

        self.max_spin = QSpinBox()
        self.max_spin.setRange(1, 100000)
        self.max_spin.setValue(self.settings.max_records)
        self.max_spin.setToolTip(tr("Stop after this many records (all pages are fetched up to it)"))
        form.addRow(tr("Max records"), self.max_spin)
        layout.addLayout(form)

        self.extent_box = CanvasExtentBox(self.canvas, tr("Search box"), self)
        self.extent_box.setCollapsed(True)  # its title says which box is used; the table needs the room
        layout.addWidget(self.extent_box)

        buttons = QHBoxLayout()
        self.search_button = QPushButton(tr("Search"))
        self.search_button.setToolTip(tr("Search the catalogue in the background"))
        self.search_button.clicked.connect(self.search)
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setToolTip(tr("Stop the running search (nothing is added)"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        buttons.addWidget(self.search_button)
        buttons.addWidget(self.cancel_button)
        self.order_button = QPushButton(tr("Order selected"))
        self.order_button.setToolTip(tr("Order the selected scenes from EODMS"))
        self.order_button.setEnabled(False)
        self.order_button.clicked.connect(self.order_selected)
        buttons.addWidget(self.order_button)
        layout.addLayout(buttons)

        self.status = plain_label(tr("Ready."))
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        self.table = ResultsTable(list(zip(COLUMNS, (tr("Record"), tr("Date"), tr("Collection"), tr("Beam"),
                                                     tr("Title")))))
        self.table.selectionChangedFids.connect(self._selection_changed)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._table_menu)
        self.thumbnail = ThumbnailView(tr("Select a record to see its thumbnail."))
        results = QSplitter(Qt.Orientation.Vertical)
        results.addWidget(self.table)
        results.addWidget(self.thumbnail)
        results.setStretchFactor(0, 3)
        results.setStretchFactor(1, 1)
        layout.addWidget(results, 1)
        self.layer_tools = LayerToolsRow(self.iface, lambda: self.layer)
        layout.addWidget(self.layer_tools)

    # --- catalogues and credentials ------------------------------------------

    def _load_catalogs(self):
        self.connections = self.store.all(CSW)
        self.catalogs = [connection.catalog for connection in self.connections]
        self.catalog_combo.blockSignals(True)
        self.catalog_combo.clear()
        for connection in self.connections:
            self.catalog_combo.addItem(connection.name, connection.url)
            self.catalog_combo.setItemData(self.catalog_combo.count() - 1, tooltip(connection.url),
                                           Qt.ItemDataRole.ToolTipRole)
        index = max(0, self.catalog_combo.findData(self.settings.last_catalog))
        self.catalog_combo.setCurrentIndex(index)
        self.catalog_combo.blockSignals(False)
        self._catalog_changed(index)

    reload_connections = _load_catalogs  # after the connections changed elsewhere (the WCS tab's manager)

    @property
    def catalog(self):
        return self.catalogs[max(0, self.catalog_combo.currentIndex())]

    @property
    def connection(self):
        return self.connections[max(0, self.catalog_combo.currentIndex())]

    def _catalog_changed(self, _index):
        catalog = self.catalog
        self.settings.last_catalog = catalog.url
        self.remove_button.setEnabled(not self.connection.builtin)
        self.auth_select.blockSignals(True)
        self.auth_select.setConfigId(self.settings.authcfg_for(catalog.url))
        self.auth_select.blockSignals(False)
        self.auth_label.setText(tr("Credentials (required)") if catalog.needs_auth else tr("Credentials"))

    def _auth_changed(self, config_id):
        self.settings.set_authcfg_for(self.catalog.url, config_id)

    def _add_catalog(self):
        """The + button: a new CSW connection (the dialog checks the URL and the name)."""
        dialog = ConnectionEditDialog(self.store, kind=CSW, parent=self)
        if self.exec_dialog(dialog) == QDialog.DialogCode.Accepted and dialog.saved is not None:
            self.settings.last_catalog = dialog.saved.url
            self._load_catalogs()
            self.connectionsChanged.emit()

    def exec_dialog(self, dialog):
        """Run a dialog modally (tests replace this)."""
        return dialog.exec()

    def add_catalog(self, url):
        """Select the catalogue at ``url``, adding it as a connection (named after the URL) if new."""
        try:
            connection = self.store.ensure(CSW, url)
        except EoOrderError as exc:
            push_message(self.iface, str(exc), Qgis.MessageLevel.Warning)
            return None
        self.settings.last_catalog = connection.url
        self._load_catalogs()
        return connection

    def _remove_catalog(self):
        connection = self.connection
        if connection.builtin:
            return
        self.store.remove(connection)
        self.settings.last_catalog = ""
        self._load_catalogs()
        self.connectionsChanged.emit()

    def open_connections(self):
        """The connections manager; the catalogue list follows what it changes."""
        dialog = ConnectionsDialog(self, self.settings)
        dialog.changed.connect(self._load_catalogs)
        dialog.changed.connect(self.connectionsChanged)
        self._connections_dialog = dialog
        self.exec_dialog(dialog)
        self._load_catalogs()
        return dialog

    # --- extent -------------------------------------------------------------

    def search_box(self):
        return self.extent_box.box()

    def restore(self, entry):
        """Fill the form from a history entry (catalogue, box, dates, title, max records)."""
        params = entry.params
        if self.catalog_combo.findData(entry.url) < 0:
            self.add_catalog(entry.url)
        self.catalog_combo.setCurrentIndex(self.catalog_combo.findData(entry.url))
        self.extent_box.set_box(entry.box)
        for edit, value in ((self.start_edit, params.get("start")), (self.end_edit, params.get("end"))):
            if value:
                edit.setDate(QDate.fromString(value[:10], "yyyy-MM-dd"))
            else:
                edit.clear()
        self.title_edit.setText("" if params.get("title") in (None, "*") else params["title"])
        self.max_spin.setValue(int(params.get("max_records") or 1000))

    # --- search -------------------------------------------------------------

    def build_query(self):
        return SearchQuery(
            bbox=self.search_box(),
            start=iso_date(self.start_edit),
            end=iso_date(self.end_edit),
            title=self.title_edit.text(),
            max_records=self.max_spin.value(),
        )

    def search(self):
        """Start a search with the form; returns the task (None when refused: the status says why)."""
        if self.task is not None:
            return None
        catalog = self.catalog
        try:
            query = self.build_query()
            authcfg = self.auth_select.configId()
            credentials = None
            if catalog.needs_auth or authcfg:
                credentials = credentials_from_authcfg(authcfg, catalog.service_name)
            client = CswClient(catalog.url, catalog.profile, credentials=credentials,
                               auth_hint=f"auth config {authcfg}" if authcfg else "",
                               name=catalog.service_name, schema=catalog.schema,
                               records_per_request=catalog.records_per_request,
                               parallel_requests=catalog.parallel_requests)
        except EoOrderError as exc:
            push_message(self.iface, str(exc), Qgis.MessageLevel.Warning)
            self.status.setText(str(exc))
            return None
        self.settings.max_records = query.max_records
        self.searching = catalog
        self.task = SearchTask(client, query, catalog.short_label)
        self.task.pageFetched.connect(self._page_fetched)
        self.task.done.connect(self._search_finished)
        self.search_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.status.setText(tr("Searching {0}…").format(catalog.label))
        QgsApplication.taskManager().addTask(self.task)
        return self.task

    def cancel(self):
        """Stop the running search; the form is free again at once (the task ends on its own,
        within a second, and nothing of it is added)."""
        task, self.task = self.task, None
        if task is None:
            return
        stop_task(task, self._search_finished)
        self.search_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.status.setText(tr("Search cancelled: nothing was added."))

    def _page_fetched(self, page, pages, count):
        self.status.setText(tr("Page {0} of {1}: {2} records so far…").format(page, pages, count))

    def _search_finished(self, layer, error):
        task, self.task = self.task, None
        self.search_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        if error:
            self.status.setText(error)
            push_message(self.iface, error, Qgis.MessageLevel.Critical)
            return
        if layer is None:
            self.status.setText(tr("Search cancelled."))
            return
        count = layer.featureCount()
        self.searched.emit(self.searching, task.query, count)
        result = task.search_result
        warnings = " ".join(task.warnings())
        if count == 0:
            if warnings:  # the server sent records, none could be shown: say why
                self.status.setText(warnings)
                push_message(self.iface, warnings, Qgis.MessageLevel.Warning)
                return
            self.status.setText(tr("No records match this box, dates and title."))
            push_message(self.iface, tr("No records found in {0} for this search.").format(task.catalog_label),
                          Qgis.MessageLevel.Info)
            return
        QgsProject.instance().addMapLayer(layer)
        self.show_layer(layer)
        self.layerAdded.emit(layer)
        missing = result.without_footprint
        if missing:
            text = tr("{0} records, {1} without a footprint, in layer “{2}”.").format(count, missing, layer.name())
        else:
            text = tr("{0} records in layer “{1}”.").format(count, layer.name())
        if result.matched > result.received >= task.query.max_records:
            text += " " + tr("{0} matched: raise Max records for more.").format(result.matched)
        if warnings:
            text += " " + warnings
            push_message(self.iface, warnings, Qgis.MessageLevel.Warning)
        self.status.setText(text)

    # --- results table ↔ layer selection --------------------------------------

    def show_layer(self, layer):
        self.layer = layer
        layer.willBeDeleted.connect(self._layer_deleted)
        self.table.show_layer(layer)
        self.layer_tools.update_state()

    def selected_features(self):
        return self.layer.selectedFeatures() if self.layer is not None else []

    def order_selected(self):
        features = self.selected_features()
        if features:
            self.orderRequested.emit(features)

    def _table_menu(self, position):
        count = len(self.selected_features())
        if not count:
            return
        menu = QMenu(self.table)
        text = tr("Order this scene") if count == 1 else tr("Order {0} selected scenes").format(count)
        menu.addAction(text, self.order_selected)
        menu.addAction(tr("Show quicklooks"), lambda: show_quicklooks(self.iface, self.layer))
        menu.popup(self.table.viewport().mapToGlobal(position))
        self._menu = menu

    def _layer_deleted(self):
        self.layer = None
        self.layer_tools.update_state()

    def _selection_changed(self, fids):
        """Enable ordering and show the THUMBVIEW of a single selected record."""
        self.order_button.setEnabled(bool(fids))
        self.layer_tools.update_state()
        if len(fids) != 1 or self.layer is None:
            self.thumbnail.setText(tr("Select one record to see its thumbnail."))
            return
        feature = next(self.layer.getFeatures(QgsFeatureRequest().setFilterFid(next(iter(fids)))), None)
        self.thumbnail.show_url(feature["thumbnail_url"] if feature is not None else "",
                                tr("This record has no thumbnail."))

    # --- messages and shutdown ---------------------------------------------------


    def shutdown(self):
        """Cancel work and disconnect from the canvas (plugin unload)."""
        stop_task(self.task, self._search_finished)
        self.task = None
        self.thumbnail.abort()
        self.table.shutdown()
        self.extent_box.shutdown()
