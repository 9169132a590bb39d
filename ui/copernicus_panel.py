"""The Copernicus tab: collection, area, sensing dates, cloud → CdseSearchTask → one product layer,
a table and the query log; then Download (DownloadController) and Open in QGIS."""

import datetime as dt
import os

from qgis.core import Qgis, QgsApplication, QgsFeatureRequest, QgsProject, QgsVectorLayer, QgsWkbTypes
from qgis.gui import QgsAuthConfigSelect, QgsFileWidget
from qgis.PyQt.QtCore import QCoreApplication, QDate, Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ..core.areas import ring_from_features
from ..core.cdse_download import format_bytes
from ..core.cdse_search import COLLECTIONS, CdseCatalogue, CdseQuery
from ..core.errors import EoOrderError, InputError
from ..core.footprints import layer_kind
from ..core.querylog import default_log_name
from ..core.settings import Settings
from ..core.tasks import CdseSearchTask
from .downloading import DownloadController
from .layer_tools import LayerToolsRow
from .messages import plain_label, push_message, tooltip
from .quicklooks import show_quicklooks
from .widgets import CanvasExtentBox, ResultsTable, ThumbnailView, date_edit, iso_date, stop_task

COLUMNS = ("name", "sensing_start", "cloud_cover", "size_bytes", "online", "downloaded")
NO_CLOUD_LIMIT = -1


def tr(text):
    return QCoreApplication.translate("CopernicusPanel", text)


class CopernicusPanel(QWidget):
    """Search Copernicus Data Space and download. ``searched(query, count)`` feeds the history."""

    searched = pyqtSignal(object, int)

    def __init__(self, iface, parent=None):
        super().__init__(parent)
        self.iface = iface
        self.canvas = iface.mapCanvas()
        self.settings = Settings()
        self.task = None
        self.layer = None
        self.downloads = DownloadController(iface, self)
        self.downloads.progressed.connect(self._download_progress)
        self.downloads.productDone.connect(self._product_done)
        self.downloads.started.connect(self._download_started)
        self.downloads.finished.connect(self._download_finished)
        self._build()

    # --- layout -------------------------------------------------------------------------

    def _build(self):
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.collection_combo = QComboBox()
        self.collection_combo.addItems(COLLECTIONS)
        self.collection_combo.setCurrentText(self.settings.cdse_collection)
        self.collection_combo.setToolTip(tr("The Copernicus Data Space collection to search"))
        form.addRow(tr("Collection"), self.collection_combo)

        today = QDate.currentDate()
        self.start_edit = date_edit(tr("Sensing start on or after this day (UTC)"), tr("choose a date"))
        self.start_edit.setDate(today.addDays(-30))
        self.end_edit = date_edit(tr("Sensing start before this day – exclusive (UTC)"), tr("choose a date"))
        self.end_edit.setDate(today.addDays(1))
        dates = QHBoxLayout()
        dates.addWidget(self.start_edit)
        dates.addWidget(QLabel("→"))
        dates.addWidget(self.end_edit)
        form.addRow(tr("Sensing"), dates)

        self.cloud_spin = QSpinBox()
        self.cloud_spin.setRange(NO_CLOUD_LIMIT, 100)
        self.cloud_spin.setSpecialValueText(tr("any"))
        self.cloud_spin.setSuffix(" %")
        self.cloud_spin.setValue(NO_CLOUD_LIMIT)
        self.cloud_spin.setToolTip(tr("Maximum cloud cover. Products without a cloud cover (radar) are "
                                      "left out once a limit is set."))
        form.addRow(tr("Max cloud"), self.cloud_spin)

        self.max_spin = QSpinBox()
        self.max_spin.setRange(1, 100000)
        self.max_spin.setValue(1000)
        self.max_spin.setToolTip(tr("Stop after this many products (all pages are fetched up to it)"))
        form.addRow(tr("Max records"), self.max_spin)
        layout.addLayout(form)

        self.extent_box = CanvasExtentBox(self.canvas, tr("Search area"), self)
        self.extent_box.setCollapsed(True)  # its title says which box is used; the table needs the room
        layout.addWidget(self.extent_box)
        self.polygon_check = QCheckBox(tr("Search in the selected polygon of the active layer instead"))
        self.polygon_check.setToolTip(tr("Uses the selected polygon features of the active layer (any CRS) "
                                         "as the search area; several are merged into one outline."))
        layout.addWidget(self.polygon_check)

        buttons = QHBoxLayout()
        self.search_button = QPushButton(tr("Search"))
        self.search_button.setToolTip(tr("Search the Copernicus catalogue in the background (no login needed)"))
        self.search_button.clicked.connect(self.search)
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setToolTip(tr("Stop the running search (nothing is added)"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        buttons.addWidget(self.search_button)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)

        self.status = plain_label(tr("Ready."))
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        self.table = ResultsTable(list(zip(COLUMNS, (tr("Product"), tr("Sensing start"), tr("Cloud %"),
                                                     tr("Size"), tr("Online"), tr("Downloaded")))))
        self.table.selectionChangedFids.connect(self._selection_changed)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._table_menu)
        self.quicklook = ThumbnailView(tr("Select a product to see its quicklook."))
        results = QSplitter(Qt.Orientation.Vertical)
        results.addWidget(self.table)
        results.addWidget(self.quicklook)
        results.setStretchFactor(0, 3)
        results.setStretchFactor(1, 1)
        layout.addWidget(results, 1)
        self.layer_tools = LayerToolsRow(self.iface, lambda: self.layer)
        layout.addWidget(self.layer_tools)
        layout.addWidget(self._download_box())

    def _download_box(self):
        box = QGroupBox(tr("Download"))
        form = QFormLayout(box)
        self.folder_widget = QgsFileWidget()
        self.folder_widget.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        self.folder_widget.setFilePath(self.settings.cdse_folder)
        self.folder_widget.setToolTip(tr("Products and query logs are saved here"))
        self.folder_widget.fileChanged.connect(self._folder_changed)
        form.addRow(tr("Folder"), self.folder_widget)
        self.auth_select = QgsAuthConfigSelect(self)
        self.auth_select.setConfigId(self.settings.cdse_authcfg)
        self.auth_select.setToolTip(tr("QGIS authentication configuration (Basic) with your Copernicus Data "
                                       "Space username and password; stored only in the QGIS auth database."))
        self.auth_select.selectedConfigIdChanged.connect(self._auth_changed)
        form.addRow(tr("Account"), self.auth_select)
        self.concurrency_spin = QSpinBox()
        self.concurrency_spin.setRange(1, 4)
        self.concurrency_spin.setValue(self.settings.cdse_concurrency)
        self.concurrency_spin.setToolTip(tr("Products downloaded at once (Copernicus allows 4 per account)"))
        self.concurrency_spin.valueChanged.connect(self._concurrency_changed)
        self.concurrency_spin.setPrefix(tr("at once: "))
        row = QHBoxLayout()
        self.download_button = QPushButton(tr("Download selected"))
        self.download_button.setToolTip(tr("Download the selected products (verified, resumable)"))
        self.download_button.setEnabled(False)
        self.download_button.clicked.connect(self.download_selected)
        self.stop_button = QPushButton(tr("Stop"))
        self.stop_button.setToolTip(tr("Stop downloading; partial files are kept and resumed next time"))
        self.stop_button.setEnabled(False)
        self.stop_button.clicked.connect(self.downloads.cancel)
        self.open_button = QPushButton(tr("Open in QGIS"))
        self.open_button.setToolTip(tr("Add the selected downloaded products to the map"))
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self.open_selected)
        for widget in (self.download_button, self.concurrency_spin, self.stop_button, self.open_button):
            row.addWidget(widget)
        form.addRow(row)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress_label = plain_label("")
        self.progress_label.setWordWrap(True)
        form.addRow(self.progress)
        form.addRow(self.progress_label)
        return box

    # --- settings ------------------------------------------------------------------------

    def _folder_changed(self, path):
        self.settings.cdse_folder = path

    def reload_connections(self):
        """The Copernicus Data Space account may have been changed in the Connections manager."""
        config_id = self.settings.cdse_authcfg
        if self.auth_select.configId() != config_id:
            self.auth_select.blockSignals(True)
            self.auth_select.setConfigId(config_id)
            self.auth_select.blockSignals(False)

    def _auth_changed(self, config_id):
        self.settings.cdse_authcfg = config_id

    def _concurrency_changed(self, value):
        self.settings.cdse_concurrency = value

    # --- search --------------------------------------------------------------------------

    def search_ring(self):
        if self.polygon_check.isChecked():
            layer = self.iface.activeLayer()
            if not isinstance(layer, QgsVectorLayer) or \
                    layer.geometryType() != QgsWkbTypes.GeometryType.PolygonGeometry:
                raise InputError(tr("Make a polygon layer active and select the polygon to search in."))
            return ring_from_features(layer.selectedFeatures(), layer.crs())
        box = self.extent_box.box()  # WGS 84, cut to the world
        return [(box.west, box.south), (box.east, box.south), (box.east, box.north), (box.west, box.north)]

    def build_query(self, ring=None):
        if self.start_edit.isNull() or self.end_edit.isNull():
            raise InputError(tr("Choose both sensing dates (the end date is exclusive)."))
        cloud = self.cloud_spin.value()
        return CdseQuery(self.collection_combo.currentText(), ring or self.search_ring(), iso_date(self.start_edit),
                         iso_date(self.end_edit), max_cloud=None if cloud == NO_CLOUD_LIMIT else cloud,
                         max_records=self.max_spin.value())

    def restore(self, entry):
        """Fill the form from a history entry; returns its exact search polygon (for a re-run)."""
        params = entry.params
        self.collection_combo.setCurrentText(params["collection"])
        self.start_edit.setDate(QDate.fromString(params["start"][:10], "yyyy-MM-dd"))
        self.end_edit.setDate(QDate.fromString(params["end"][:10], "yyyy-MM-dd"))
        cloud = params.get("max_cloud")
        self.cloud_spin.setValue(NO_CLOUD_LIMIT if cloud is None else int(round(float(cloud))))
        self.max_spin.setValue(int(params.get("max_records") or 1000))
        self.polygon_check.setChecked(False)
        self.extent_box.set_box(entry.box)
        return [tuple(point) for point in params["polygon"]]

    def search(self, ring=None):
        """Search with the form (``ring``: an exact lon/lat polygon instead of the area widgets)."""
        if self.task is not None:
            return None
        try:
            query = self.build_query(ring)
        except EoOrderError as exc:
            push_message(self.iface, str(exc), Qgis.MessageLevel.Warning)
            self.status.setText(str(exc))
            return None
        self.settings.cdse_collection = query.collection
        catalogue_url = self.settings.cdse_urls[0]
        self.task = CdseSearchTask(CdseCatalogue(catalogue_url), query, self._log_path(query))
        self.task.progressText.connect(lambda text: self.status.setText(tr("Searching: {0}…").format(text)))
        self.task.done.connect(self._search_finished)
        self.search_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.status.setText(tr("Searching Copernicus Data Space…"))
        QgsApplication.taskManager().addTask(self.task)
        return self.task

    def _log_path(self, query):
        """The query log goes into the download folder (created if needed), named as the original
        OData_query script named it; None (with a warning) if the folder cannot be created."""
        folder = self.settings.cdse_folder
        try:
            os.makedirs(folder, exist_ok=True)
        except OSError as exc:
            push_message(self.iface, tr("No query log: the folder {0} cannot be created ({1}).").format(
                folder, exc.strerror or exc), Qgis.MessageLevel.Warning)
            return None
        return os.path.join(folder, default_log_name(query, dt.datetime.now(dt.timezone.utc)))

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
        if task.log_error:
            push_message(self.iface, task.log_error, Qgis.MessageLevel.Warning)
        count = layer.featureCount()
        self.searched.emit(task.query, count)
        if count == 0:
            self.status.setText(tr("No products match this collection, area, period and cloud cover."))
            push_message(self.iface, tr("No Copernicus products found for this search."), Qgis.MessageLevel.Info)
            return
        QgsProject.instance().addMapLayer(layer)
        self.show_layer(layer)
        logged = task.log_path and not task.log_error
        log_note = tr(" Query log: {0}").format(os.path.basename(task.log_path)) if logged else ""
        self.status.setText(tr("{0} products in layer “{1}”.{2}").format(count, layer.name(), log_note))
        self.status.setToolTip(tooltip(task.log_path) if logged else "")

    def show_layer(self, layer):
        self.layer = layer
        layer.willBeDeleted.connect(self._layer_deleted)
        self.table.show_layer(layer)
        self._format_sizes()
        self.layer_tools.update_state()

    def _format_sizes(self):
        column = COLUMNS.index("size_bytes")
        for row in range(self.table.rowCount()):
            item = self.table.item(row, column)
            if item is not None and item.text().isdigit():
                item.setText(format_bytes(int(item.text())) if int(item.text()) else "")

    def _layer_deleted(self):
        self.layer = None
        self.layer_tools.update_state()

    def selected_features(self):
        return self.layer.selectedFeatures() if self.layer is not None else []

    def _selection_changed(self, fids):
        self._update_buttons()
        if len(fids) != 1 or self.layer is None:
            self.quicklook.setText(tr("Select one product to see its quicklook."))
            return
        feature = next(self.layer.getFeatures(QgsFeatureRequest().setFilterFid(next(iter(fids)))), None)
        self.quicklook.show_url(feature["quicklook_url"] if feature is not None else "",
                                tr("This product has no quicklook."))

    def _update_buttons(self):
        selected = self.selected_features()
        busy = self.downloads.busy
        self.download_button.setEnabled(bool(selected) and not busy)
        self.stop_button.setEnabled(busy)
        self.open_button.setEnabled(any(bool(f["downloaded"]) for f in selected))
        self.layer_tools.update_state()

    def _table_menu(self, position):
        selected = self.selected_features()
        if not selected:
            return
        menu = QMenu(self.table)
        text = tr("Download this product") if len(selected) == 1 else tr("Download {0} products").format(
            len(selected))
        menu.addAction(text, self.download_selected).setEnabled(not self.downloads.busy)
        menu.addAction(tr("Open in QGIS"), self.open_selected).setEnabled(self.open_button.isEnabled())
        menu.addAction(tr("Show quicklooks"), lambda: show_quicklooks(self.iface, self.layer))
        menu.popup(self.table.viewport().mapToGlobal(position))
        self._menu = menu

    # --- download ------------------------------------------------------------------------

    def download_selected(self):
        if self.layer is None or layer_kind(self.layer) != "products":
            return None
        return self.downloads.request_download(self.layer, self.selected_features())

    def open_selected(self):
        return self.downloads.open_products([f for f in self.selected_features() if f["downloaded"]])

    def _download_started(self):
        self.progress.setValue(0)
        self.progress_label.setText(tr("Starting the download…"))
        self._update_buttons()

    def _download_progress(self, snapshot):
        self.progress.setValue(int(1000 * snapshot.fraction))
        self.progress_label.setText(f"{snapshot.name}: {snapshot.summary()}")

    def _product_done(self, layer, outcome):
        self.progress_label.setText(outcome.message)
        if layer is self.layer:
            self.table.refresh()
            self._format_sizes()

    def _download_finished(self, outcomes, error):
        self._update_buttons()
        if error:
            self.progress_label.setText(error)
        elif outcomes is None:
            self.progress_label.setText(tr("Download stopped; partial files are kept and resumed next time."))
        else:
            self.progress.setValue(int(1000 * sum(1 for o in outcomes if o.done) / max(len(outcomes), 1)))
            self.progress_label.setText(self.downloads.ending)  # the batch's one ending (as in the message bar)

    # --- messages and shutdown -----------------------------------------------------------


    def shutdown(self):
        stop_task(self.task, self._search_finished)
        self.task = None
        self.downloads.shutdown()
        self.quicklook.abort()
        self.table.shutdown()
        self.extent_box.shutdown()
