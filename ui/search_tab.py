"""The Search tab, one for every catalogue (core/catalogue.py): pick EODMS, RCM, Copernicus, a CSW
catalogue or a STAC API; the filters that catalogue supports appear; one CatalogueSearchTask fills
one footprint layer and the results table page by page; then Order (EODMS) or Download
(Copernicus products, STAC assets) as the catalogue offers."""

import datetime as dt

from qgis.core import Qgis, QgsApplication, QgsFeatureRequest, QgsProject, QgsVectorLayer, QgsWkbTypes
from qgis.gui import QgsAuthConfigSelect, QgsCollapsibleGroupBox
from qgis.PyQt.QtCore import QCoreApplication, QDate, QLocale, Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core.areas import ring_from_features
from ..core.catalogue import DOWNLOAD, ORDER, SearchForm, catalogues
from ..core.cdse_download import format_bytes
from ..core.connections import CDSE, CSW, STAC, ConnectionStore
from ..core.errors import EoOrderError, InputError
from ..core.footprints import ITEMS, LAYER_KINDS, PRODUCTS, QUERY_LOG_PROPERTY, layer_kind, present
from ..core.settings import Settings
from ..core.tasks import CatalogueSearchTask
from .collection_chooser import CollectionChooser
from .connections_dialog import ConnectionEditDialog, ConnectionsDialog
from .download_box import DownloadBox
from .layer_tools import LayerToolsRow
from .messages import plain_label, push_message, tooltip
from .quicklooks import show_quicklooks
from .widgets import CanvasExtentBox, ResultsTable, ThumbnailView, date_edit, iso_date, push_button, stop_task

NO_CLOUD_LIMIT = -1
DEFAULT_DAYS = 30  # the dates a catalogue that needs them starts with: the last 30 days
MAX_WIDTH = 410  # the widest the tab insists on being (in a 420 px dock on a 1366 × 768 screen)


def tr(text):
    return QCoreApplication.translate("SearchTab", text)


def headers():
    """Column headers of every field a results table may show."""
    return {
        "record_id": tr("Record"), "acquired": tr("Date"), "collection_id": tr("Collection"),
        "beam_mode": tr("Beam"), "title": tr("Title"), "ordered": tr("Ordered"),
        "sensing_start": tr("Sensing start"), "online": tr("Online"), "downloaded": tr("Downloaded"),
        "cloud_cover": tr("Cloud %"), "size_bytes": tr("Size"), "name": tr("Product"),
        "item_id": tr("Item"), "datetime": tr("Date"), "collection": tr("Collection"), "platform": tr("Platform"),
    }


def number(value):
    return QLocale().toString(int(value))


class SearchTab(QWidget):
    """Search any catalogue. ``searched(catalogue, query, count)`` feeds the history;
    ``orderRequested(features)`` asks for an EODMS order."""

    layerAdded = pyqtSignal(object)
    orderRequested = pyqtSignal(list)
    searched = pyqtSignal(object, object, int)
    connectionsChanged = pyqtSignal()

    def __init__(self, iface, parent=None):
        super().__init__(parent)
        self.iface = iface
        self.canvas = iface.mapCanvas()
        self.settings = Settings()
        self.store = ConnectionStore(self.settings)
        self.task = None
        self.layer = None
        self.ordered_ids = set  # the dock gives the order journal's submitted record ids
        self._default_dates = False  # the dates are the automatic "last 30 days"
        self._build()
        self._load_catalogs()

    # --- layout ---------------------------------------------------------------------------

    def _build(self):
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)  # the tab fits a small dock: it scrolls rather than grow
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        layout.setSpacing(4)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)

        row = QHBoxLayout()
        self.catalog_combo = QComboBox()
        self.catalog_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.catalog_combo.setMinimumContentsLength(8)
        self.catalog_combo.setToolTip(tr("The catalogue to search: EODMS, EODMS RCM (needs your EODMS "
                                         "credentials), Copernicus Data Space, a CSW catalogue or a STAC API."))
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
        for button in (self.add_button, self.remove_button, self.connections_button):
            row.addWidget(button)
        form.addRow(tr("Catalogue"), row)

        self.auth_select = QgsAuthConfigSelect(self)
        self.auth_select.setToolTip(tr("QGIS authentication configuration (Basic) with your username and password "
                                       "for this catalogue (for Copernicus: your Copernicus Data Space account, "
                                       "used to download); stored only in the QGIS auth database."))
        self.auth_select.selectedConfigIdChanged.connect(self._auth_changed)
        self.auth_label = QLabel(tr("Credentials"))
        form.addRow(self.auth_label, self.auth_select)
        layout.addLayout(form)

        self.filters = QgsCollapsibleGroupBox(tr("Filters"))
        self.filters.setToolTip(tr("What to search for; the filters this catalogue supports"))
        filters = QFormLayout(self.filters)
        filters.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.start_edit = date_edit(tr("Date on or after this day (UTC; empty: no limit)"))
        self.end_edit = date_edit(tr("Date before this day – exclusive (UTC; empty: no limit)"))
        for edit in (self.start_edit, self.end_edit):
            edit.dateValueChanged.connect(self._dates_edited)
        dates = QHBoxLayout()
        dates.addWidget(self.start_edit, 1)
        dates.addWidget(QLabel("→"))
        dates.addWidget(self.end_edit, 1)
        filters.addRow(tr("Dates"), dates)

        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("*")
        self.title_edit.setToolTip(tr("Title pattern: * matches any characters, ? one character"))
        self.title_label = QLabel(tr("Title"))
        filters.addRow(self.title_label, self.title_edit)

        self.collection_combo = QComboBox()
        self.collection_combo.setToolTip(tr("The Copernicus Data Space collection to search"))
        self.collection_label = QLabel(tr("Collection"))
        filters.addRow(self.collection_label, self.collection_combo)

        stac_row = QHBoxLayout()
        self.stac_collections = CollectionChooser()
        self.stac_collections.failed.connect(self.status_text)
        self.stac_refresh = QToolButton(text="↻")
        self.stac_refresh.setToolTip(tr("List the server's collections again"))
        self.stac_refresh.clicked.connect(lambda: self.list_collections(force=True))
        stac_row.addWidget(self.stac_collections, 1)
        stac_row.addWidget(self.stac_refresh)
        self.stac_label = QLabel(tr("Collections"))
        filters.addRow(self.stac_label, stac_row)

        self.cloud_spin = QSpinBox()
        self.cloud_spin.setRange(NO_CLOUD_LIMIT, 100)
        self.cloud_spin.setSpecialValueText(tr("any"))
        self.cloud_spin.setSuffix(" %")
        self.cloud_spin.setValue(NO_CLOUD_LIMIT)
        self.cloud_spin.setToolTip(tr("Maximum cloud cover. Products without a cloud cover (radar) are "
                                      "left out once a limit is set."))
        self.cloud_label = QLabel(tr("Max cloud"))
        filters.addRow(self.cloud_label, self.cloud_spin)

        self.max_spin = QSpinBox()
        self.max_spin.setRange(1, 100000)
        self.max_spin.setValue(self.settings.max_records)
        self.max_spin.setToolTip(tr("Stop after this many records (all pages are fetched up to it)"))
        filters.addRow(tr("Max records"), self.max_spin)
        layout.addWidget(self.filters)

        self.extent_box = CanvasExtentBox(self.canvas, tr("Search box"), self)
        self.extent_box.setCollapsed(True)  # its title says which box is used; the table needs the room
        self.extent_box.collapsedStateChanged.connect(lambda _collapsed: self._fit_width())
        layout.addWidget(self.extent_box)
        self.polygon_check = QCheckBox(tr("Search in the selected polygon of the active layer instead"))
        self.polygon_check.setToolTip(tr("Uses the selected polygon features of the active layer (any CRS) "
                                         "as the search area; several are merged into one outline."))
        layout.addWidget(self.polygon_check)

        buttons = QHBoxLayout()
        self.search_button = push_button(tr("Search"),
                                          tr("Search the catalogue in the background; results appear page by page"),
                                          self.search)
        self.cancel_button = push_button(tr("Cancel"),
                                          tr("Stop the running search (what already arrived is kept)"),
                                          self.cancel, enabled=False)
        self.order_button = push_button(tr("Order selected"),
                                          tr("Order the selected scenes from EODMS"),
                                          self.order_selected, enabled=False)
        for button in (self.search_button, self.cancel_button, self.order_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)

        self.status = plain_label(tr("Ready."))
        self.status.setWordWrap(True)
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout.addWidget(self.status)

        self.table = ResultsTable([])
        self.table.setMinimumHeight(140)
        self.table.verticalHeader().setVisible(False)  # row numbers: room the columns need
        self.table.virtual["ordered"] = lambda feature: str(feature["record_id"]) in self._ordered
        self.table.formats["size_bytes"] = lambda value: format_bytes(int(value)) if value else ""
        self.table.selectionChangedFids.connect(self._selection_changed)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._table_menu)
        layout.addWidget(self.table, 1)
        self.thumbnail = ThumbnailView(tr("Select a record to see its thumbnail."))
        self.thumbnail.setMaximumHeight(210)
        layout.addWidget(self.thumbnail)
        self.layer_tools = LayerToolsRow(self.iface, lambda: self.layer)
        layout.addWidget(self.layer_tools)
        self.download_box = DownloadBox(self.iface, self.settings, self, tr("Download"))
        box = self.download_box  # its controls, by the names the tab always had
        self.downloads, self.folder_widget = box.downloads, box.folder_widget
        self.concurrency_spin = box.concurrency_spin
        self.download_button, self.stop_button, self.open_button = box.download_button, box.stop_button, box.open_button
        self.progress, self.progress_label = box.progress, box.progress_label
        for controller in (box.downloads, box.stac_downloads):
            controller.started.connect(self._update_buttons)
            controller.finished.connect(self._update_buttons)
        layout.addWidget(box)
        self._ordered = set()
        self._scroll, self._body = scroll, body
        self._fit_width()

    def _fit_width(self):
        """The tab is as wide as its form needs (up to MAX_WIDTH: a laptop's dock), so nothing is
        cut off on the right; only an unfolded search box may scroll sideways."""
        bar = self._scroll.verticalScrollBar().sizeHint().width()
        self._scroll.setMinimumWidth(min(self._body.minimumSizeHint().width() + bar, MAX_WIDTH))

    # --- catalogues and credentials -------------------------------------------------------

    def _load_catalogs(self):
        self.catalogues = catalogues(self.store, self.settings)
        self.catalog_combo.blockSignals(True)
        self.catalog_combo.clear()
        for catalogue in self.catalogues:
            self.catalog_combo.addItem(catalogue.name, catalogue.url)
            self.catalog_combo.setItemData(self.catalog_combo.count() - 1, tooltip(catalogue.url),
                                           Qt.ItemDataRole.ToolTipRole)
        last = self.settings.last_catalog
        index = next((i for i, c in enumerate(self.catalogues) if c.url == last), 0)
        self.catalog_combo.setCurrentIndex(index)
        self.catalog_combo.blockSignals(False)
        self._catalog_changed(index)

    def reload_connections(self):
        """After the connections changed elsewhere (another tab's Connections manager)."""
        self._load_catalogs()

    @property
    def catalogue(self):
        return self.catalogues[max(0, self.catalog_combo.currentIndex())]

    catalog = catalogue  # the name the tests and the history used first

    @property
    def connection(self):
        return self.catalogue.connection

    def select_catalogue(self, kind, url=None):
        """Make the catalogue of this kind (and URL, when given) the current one; returns it."""
        index = next((i for i, c in enumerate(self.catalogues)
                      if c.kind == kind and (url is None or c.url == url)), -1)
        if index >= 0:
            self.catalog_combo.setCurrentIndex(index)
            return self.catalogue
        return None

    def _catalog_changed(self, _index):
        catalogue = self.catalogue
        caps = catalogue.capabilities
        self.settings.last_catalog = catalogue.url
        self.remove_button.setEnabled(not catalogue.connection.builtin)
        self.auth_select.blockSignals(True)
        self.auth_select.setConfigId(self._authcfg(catalogue))
        self.auth_select.blockSignals(False)
        if caps.account_for == "download":
            self.auth_label.setText(tr("Account"))
        else:
            self.auth_label.setText(tr("Credentials (required)") if caps.needs_auth else tr("Credentials"))
        for label, widget, shown in ((self.title_label, self.title_edit, caps.title),
                                     (self.collection_label, self.collection_combo, bool(caps.collections)),
                                     (self.stac_label, self.stac_collections, caps.server_collections),
                                     (None, self.stac_refresh, caps.server_collections),
                                     (self.cloud_label, self.cloud_spin, caps.cloud),
                                     (None, self.polygon_check, caps.polygon)):
            widget.setVisible(shown)
            if label is not None:
                label.setVisible(shown)
        if caps.collections:
            self.collection_combo.blockSignals(True)
            self.collection_combo.clear()
            self.collection_combo.addItems(caps.collections)
            self.collection_combo.setCurrentText(self.settings.cdse_collection)
            self.collection_combo.blockSignals(False)
        if caps.server_collections:
            self.list_collections()
        if caps.dates_required and (self.start_edit.isNull() or self.end_edit.isNull()):
            today = QDate.currentDate()
            self._set_dates(today.addDays(-DEFAULT_DAYS), today.addDays(1))
            self._default_dates = True
        elif not caps.dates_required and self._default_dates:
            self._set_dates(None, None)  # the automatic dates of another catalogue are not the user's
        self.order_button.setVisible(caps.action == ORDER)
        self.download_box.setVisible(caps.action == DOWNLOAD)
        self.download_button.setToolTip(
            tr("Download the chosen assets of the selected items (verified, resumable), one folder per item; "
               "the STAC download log stac-download.csv is kept in the folder") if catalogue.kind == STAC else
            tr("Download the selected products (verified, resumable)"))
        self._update_buttons()
        if hasattr(self, "_scroll"):
            self._fit_width()

    def status_text(self, text):
        self.status.setText(text)
        self.status.setToolTip("")

    def _set_dates(self, start, end):
        for edit, value in ((self.start_edit, start), (self.end_edit, end)):
            edit.blockSignals(True)
            if value is None:
                edit.clear()
            else:
                edit.setDate(value)
            edit.blockSignals(False)

    def _dates_edited(self, *_args):
        self._default_dates = False

    def _authcfg(self, catalogue):
        if catalogue.kind == CDSE:
            return self.settings.cdse_authcfg
        return self.settings.authcfg_for(catalogue.url)

    def _auth_changed(self, config_id):
        self.store.set_authcfg(self.connection, config_id)

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

    def add_catalog(self, url, kind=CSW):
        """Select the catalogue at ``url``, adding it as a connection (named after the URL) if new."""
        try:
            connection = self.store.ensure(kind, url)
        except EoOrderError as exc:
            push_message(self.iface, str(exc), Qgis.MessageLevel.Warning)
            return None
        self.settings.last_catalog = connection.url
        self._load_catalogs()
        self.select_catalogue(kind, connection.url)
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

    def list_collections(self, force=False, checked=None):
        """Fill the collections list of the current STAC API (asked once per session)."""
        if self.catalogue.kind == STAC:
            return self.stac_collections.show_for(self.catalogue, self.auth_select.configId(), force, checked)
        return None

    # --- the form -------------------------------------------------------------------------

    def search_box(self):
        return self.extent_box.box()

    def _polygon(self):
        layer = self.iface.activeLayer()
        if not isinstance(layer, QgsVectorLayer) or layer.geometryType() != QgsWkbTypes.GeometryType.PolygonGeometry:
            raise InputError(tr("Make a polygon layer active and select the polygon to search in."))
        return ring_from_features(layer.selectedFeatures(), layer.crs())

    def build_form(self):
        caps = self.catalogue.capabilities
        cloud = self.cloud_spin.value()
        polygon = self._polygon() if caps.polygon and self.polygon_check.isChecked() else None
        if caps.collections:
            collections = (self.collection_combo.currentText(),)
        elif caps.server_collections:
            collections = tuple(self.stac_collections.checkedItems())
        else:
            collections = ()
        return SearchForm(
            bbox=None if polygon else self.search_box(), polygon=polygon,
            start=iso_date(self.start_edit), end=iso_date(self.end_edit),
            title=self.title_edit.text() if caps.title else "*", collections=collections,
            max_cloud=None if not caps.cloud or cloud == NO_CLOUD_LIMIT else cloud,
            max_records=self.max_spin.value())

    def build_query(self):
        return self.catalogue.query(self.build_form())

    def restore(self, entry):
        """Fill the form from a history entry (catalogue, area, dates, filters); returns the form
        of exactly what it searched."""
        catalogue = self.select_catalogue(entry.kind, entry.url)
        if catalogue is None and entry.kind == CDSE:
            catalogue = self.select_catalogue(CDSE)
        if catalogue is None:
            self.add_catalog(entry.url, entry.kind if entry.kind in (CSW, STAC) else CSW)
            catalogue = self.catalogue
        form = catalogue.form_from_history(entry.params)
        if entry.box:
            self.extent_box.set_box(entry.box)
        self.polygon_check.setChecked(False)
        self._set_dates(*(QDate.fromString(v, "yyyy-MM-dd") if v else None for v in (form.start, form.end)))
        self._default_dates = False
        self.title_edit.setText("" if form.title in (None, "*") else form.title)
        if catalogue.capabilities.collections and form.collections:
            self.collection_combo.setCurrentText(form.collections[0])
        if catalogue.capabilities.server_collections:
            self.list_collections(checked=form.collections)
        self.cloud_spin.setValue(NO_CLOUD_LIMIT if form.max_cloud is None else int(round(float(form.max_cloud))))
        self.max_spin.setValue(form.max_records)
        return form

    # --- search ---------------------------------------------------------------------------

    def search(self, form=None):
        """Search with the form (or ``form``: a history entry's exact area and filters); returns
        the task (None when refused: the status says why)."""
        if self.task is not None:
            return None
        catalogue = self.catalogue
        try:
            query = catalogue.query(form or self.build_form())
            catalogue.prepare(self.auth_select.configId())
        except EoOrderError as exc:
            push_message(self.iface, str(exc), Qgis.MessageLevel.Warning)
            self.status.setText(str(exc))
            self.status.setToolTip("")
            return None
        self.settings.max_records = query.max_records
        if catalogue.capabilities.collections:
            self.settings.cdse_collection = query.collection
        if catalogue.capabilities.query_log:
            catalogue.folder = self.settings.cdse_folder
            try:
                catalogue.prepare_log(query, dt.datetime.now(dt.timezone.utc))
            except OSError as exc:
                catalogue.log_path = None
                push_message(self.iface, tr("No query log: the folder {0} cannot be created ({1}).").format(
                    catalogue.folder, exc.strerror or exc), Qgis.MessageLevel.Warning)
        self._ordered = set(self.ordered_ids())
        self._growing = None
        self.task = CatalogueSearchTask(catalogue, query)
        self.task.pageArrived.connect(self._page_arrived)
        self.task.counted.connect(self._counted)
        self.task.done.connect(self._search_finished)
        self.search_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.status.setText(tr("Searching {0}…").format(catalogue.name))
        self.status.setToolTip("")
        QgsApplication.taskManager().addTask(self.task)
        return self.task

    def _counted(self, received, matched):
        catalogue = self.task.catalogue if self.task is not None else self.catalogue
        if matched >= 0:
            goal = min(matched, self.task.query.max_records) if self.task is not None else matched
            text = tr("Searching {0}: {1} of {2} records…").format(catalogue.name, number(received), number(goal))
        else:
            text = tr("Searching {0}: {1} records…").format(catalogue.name, number(received))
        self.status.setText(text)

    def _page_arrived(self, features):
        """A page of results: the layer (made and added at the first page) and the table grow."""
        task = self.task
        if task is None or not features:
            return
        if self._growing is None:
            layer = task.catalogue.new_layer(tr("{0} · searching…").format(task.catalogue.name))
            ok, added = layer.dataProvider().addFeatures(features)
            layer.updateExtents()
            present(layer, self._ordered)
            self._growing = layer
            QgsProject.instance().addMapLayer(layer)
            self._show_columns(task.catalogue)
            self.show_layer(layer)
            self.layerAdded.emit(layer)
            return
        layer = self._growing
        ok, added = layer.dataProvider().addFeatures(features)
        layer.updateExtents()
        layer.triggerRepaint()
        if self.layer is layer:
            self.table.append_features(added)

    def _show_columns(self, catalogue):
        names = list(catalogue.columns)
        if catalogue.capabilities.action == ORDER:
            names.insert(2, "ordered")
        labels = headers()
        self.table.set_columns([(name, labels[name]) for name in names], sort_by=catalogue.date_field)

    def cancel(self):
        """Stop the running search; the form is free again at once and what already arrived stays
        (the task ends on its own, within a second)."""
        task, self.task = self.task, None
        if task is None:
            return
        for signal, slot in ((task.pageArrived, self._page_arrived), (task.counted, self._counted)):
            try:
                signal.disconnect(slot)
            except (TypeError, RuntimeError):
                pass
        stop_task(task, self._search_finished)
        self.search_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        layer = self._finish_layer(task)
        if layer is None:
            self.status.setText(tr("Search cancelled: nothing was added."))
        else:
            self.status.setText(tr("Cancelled: {0} records kept in layer “{1}”.").format(
                number(layer.featureCount()), layer.name()))

    def _finish_layer(self, task, result=None):
        """Name and style the grown layer after its search; None when nothing arrived."""
        layer, self._growing = self._growing, None
        if layer is None:
            return None
        try:
            count = layer.featureCount()
        except RuntimeError:  # the user removed the layer meanwhile
            return None
        layer.setName(task.catalogue.layer_name(task.query, count))
        for key, value in (result.layer_properties.items() if result is not None else ()):
            layer.setCustomProperty(key, value)
        present(layer, self._ordered)
        layer.triggerRepaint()
        return layer

    def _search_finished(self, result, error):
        task, self.task = self.task, None
        self.search_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        if task is None:
            return
        layer = self._finish_layer(task, result)
        if error:
            if layer is not None:
                error = tr("{0} {1} records that arrived before are kept in layer “{2}”.").format(
                    error, number(layer.featureCount()), layer.name())
            self.status.setText(error)
            push_message(self.iface, error, Qgis.MessageLevel.Critical)
            return
        if result is None:
            self.status.setText(tr("Search cancelled."))
            return
        catalogue = task.catalogue
        count = layer.featureCount() if layer is not None else 0
        self.searched.emit(catalogue, task.query, count)
        warnings = " ".join(result.warnings)
        if layer is None:
            self._nothing_found(catalogue, warnings)
            return
        if self.layer is layer:
            self.table.refresh()  # the final style's values (ordered, downloaded)
        self._update_buttons()
        self.status.setText(self._found_text(catalogue, task, result, layer, count, warnings))

    def _nothing_found(self, catalogue, warnings):
        if warnings:  # the server sent records, none could be shown: say why
            self.status.setText(warnings)
            push_message(self.iface, warnings, Qgis.MessageLevel.Warning)
            return
        if catalogue.capabilities.collections:
            text = tr("No products match this collection, area, period and cloud cover.")
            if self._default_dates:
                text += " " + tr("The dates are the last {0} days: new products can take days to appear in the "
                                 "catalogue; choose an earlier period.").format(DEFAULT_DAYS)
            self.status.setText(text)
            push_message(self.iface, tr("No products found in {0} for this search.").format(catalogue.name),
                         Qgis.MessageLevel.Info)
            return
        self.status.setText(tr("No records match this area, dates and filters."))
        push_message(self.iface, tr("No records found in {0} for this search.").format(catalogue.name),
                     Qgis.MessageLevel.Info)

    def _found_text(self, catalogue, task, result, layer, count, warnings):
        nouns = {PRODUCTS: tr("{0} products in layer “{1}”."), ITEMS: tr("{0} items in layer “{1}”.")}
        missing = result.without_footprint
        if missing and catalogue.layer_kind != PRODUCTS:
            text = tr("{0} records, {1} without a footprint, in layer “{2}”.").format(count, missing, layer.name())
        else:
            text = nouns.get(catalogue.layer_kind, tr("{0} records in layer “{1}”.")).format(count, layer.name())
        if result.more_available and result.matched:
            text += " " + tr("{0} matched: raise Max records for more.").format(result.matched)
        log_path = result.layer_properties.get(QUERY_LOG_PROPERTY)
        if log_path:
            text += tr(" Query log: {0}").format(log_path.replace("\\", "/").rsplit("/", 1)[-1])
            self.status.setToolTip(tooltip(log_path))
        if warnings:
            text += " " + warnings
            push_message(self.iface, warnings, Qgis.MessageLevel.Warning)
        for note in result.notes:
            text += " " + note
        return text

    # --- results ----------------------------------------------------------------------------

    def show_layer(self, layer):
        self.layer = layer
        layer.willBeDeleted.connect(self._layer_deleted)
        self.table.show_layer(layer)
        self.layer_tools.update_state()

    def _layer_deleted(self):
        self.layer = None
        self.layer_tools.update_state()
        self._update_buttons()

    def selected_features(self):
        return self.layer.selectedFeatures() if self.layer is not None else []

    def _selection_changed(self, fids):
        self._update_buttons()
        if len(fids) != 1 or self.layer is None:
            self.thumbnail.setText(tr("Select one record to see its thumbnail."))
            return
        feature = next(self.layer.getFeatures(QgsFeatureRequest().setFilterFid(next(iter(fids)))), None)
        field = self._thumbnail_field()
        url = feature[field] if feature is not None and field in feature.fields().names() else ""
        self.thumbnail.show_url(url, tr("This record has no thumbnail."))

    def _thumbnail_field(self):
        kind = layer_kind(self.layer)
        return LAYER_KINDS[kind].thumbnail_field if kind else ""

    def _update_buttons(self):
        selected = self.selected_features()
        caps = self.catalogue.capabilities
        self.order_button.setEnabled(bool(selected) and caps.action == ORDER)
        self.download_box.update_state(selected, caps.action == DOWNLOAD and caps.action_ready
                                       and (self._is_products() or self._is_items()))
        self.layer_tools.update_state()

    def _is_products(self):
        return self.layer is not None and layer_kind(self.layer) == PRODUCTS

    def _is_items(self):
        return self.layer is not None and layer_kind(self.layer) == ITEMS

    def order_selected(self):
        features = self.selected_features()
        if features:
            self.orderRequested.emit(features)

    def _table_menu(self, position):
        selected = self.selected_features()
        if not selected:
            return
        menu = QMenu(self.table)
        caps = self.catalogue.capabilities
        count = len(selected)
        if caps.action == ORDER:
            text = tr("Order this scene") if count == 1 else tr("Order {0} selected scenes").format(count)
            menu.addAction(text, self.order_selected)
        elif self._is_products():
            text = tr("Download this product") if count == 1 else tr("Download {0} products").format(count)
            menu.addAction(text, self.download_selected).setEnabled(not self.download_box.busy)
            menu.addAction(tr("Open in QGIS"), self.open_selected).setEnabled(self.open_button.isEnabled())
        elif self._is_items() and caps.action == DOWNLOAD:
            text = tr("Download the assets of this item…") if count == 1 else \
                tr("Download the assets of {0} items…").format(count)
            menu.addAction(text, self.download_selected).setEnabled(not self.download_box.busy)
        menu.addAction(tr("Show quicklooks"), lambda: show_quicklooks(self.iface, self.layer))
        menu.popup(self.table.viewport().mapToGlobal(position))
        self._menu = menu

    # --- download ---------------------------------------------------------------------------

    def download_selected(self):
        return self.download_box.download_selected()

    def open_selected(self):
        return self.download_box.open_selected()

    # --- shutdown ---------------------------------------------------------------------------

    def shutdown(self):
        """Cancel work and disconnect from the canvas (plugin unload)."""
        stop_task(self.task, self._search_finished)
        self.task = None
        self.stac_collections.abort()
        self.download_box.shutdown()
        self.thumbnail.abort()
        self.table.shutdown()
        self.extent_box.shutdown()
