"""The WCS tab: any OGC WCS 1.0.0 server → its coverages → DescribeCoverage → GetCoverage → a raster layer.

Every network call runs in a :class:`~..core.tasks.WorkTask`; the request itself is built and
checked by :class:`~..core.wcs10.GetCoverageRequest`. The panel only turns widgets into it.
"""

import os
import re

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsProject,
    QgsRasterLayer,
    QgsRectangle,
)
from qgis.gui import QgsAuthConfigSelect, QgsDoubleValidator, QgsExtentGroupBox, QgsFileWidget
from qgis.PyQt.QtCore import QCoreApplication, QDir, QLocale, Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.auth import credentials_from_authcfg
from ..core.connections import WCS, ConnectionStore
from ..core.errors import EoOrderError, InputError
from ..core.settings import Settings
from ..core.tasks import WorkTask
from ..core.wcs10 import GetCoverageRequest, Wcs10Client, is_tiff_format, parse_range_subset
from ..core.wcs_choices import (
    crs_from_code,
    default_format,
    formats_native_first,
    native_crs_code,
    offered_crs_code,
    only_native_resolution,
)
from .connections_dialog import ConnectionsDialog

TITLE = "EO Order"
ROLE_NAME = Qt.ItemDataRole.UserRole
MAX_SIZE = 100000
OUTPUT_FOLDER = "EO Order"
SIZE, RESOLUTION = 0, 1


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
        self._auto_output = ""
        self._build()
        self._load_urls()
        self.canvas.extentsChanged.connect(self._follow_canvas)
        self.canvas.destinationCrsChanged.connect(self._follow_canvas)
        self._follow_canvas(force=True)
        self._set_description(None)

    # --- layout -------------------------------------------------------------

    def _build(self):
        layout = QVBoxLayout(self)
        form = QFormLayout()

        row = QHBoxLayout()
        self.url_combo = QComboBox()
        self.url_combo.setEditable(True)
        self.url_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.url_combo.lineEdit().setPlaceholderText("https://example.org/cgi-bin/mapserv?map=…")
        self.url_combo.setToolTip(tr("A WCS connection, or the URL of a WCS 1.0.0 server (type or paste it; "
                                     "servers you connected to are kept as connections). Request keys pasted "
                                     "with it are dropped."))
        self.url_combo.currentIndexChanged.connect(self._url_chosen)
        row.addWidget(self.url_combo, 1)
        self.forget_button = QToolButton(text="–")
        self.forget_button.setToolTip(tr("Forget this server URL"))
        self.forget_button.clicked.connect(self._forget_url)
        row.addWidget(self.forget_button)
        self.connections_button = QToolButton(text=tr("Connections…"))
        self.connections_button.setToolTip(tr("Manage servers and catalogues: add, edit, remove, import or export "
                                              "them (also from and to QGIS' WCS connections)"))
        self.connections_button.clicked.connect(self.open_connections)
        row.addWidget(self.connections_button)
        self.connect_button = QPushButton(tr("Connect"))
        self.connect_button.setToolTip(tr("Ask the server for its coverages (GetCapabilities) in the background"))
        self.connect_button.clicked.connect(self.connect_server)
        row.addWidget(self.connect_button)
        form.addRow(tr("Server"), row)

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
        self.coverage_tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.coverage_tree.setToolTip(tr("The server's coverages: select one to see its description"))
        self.coverage_tree.itemSelectionChanged.connect(self._coverage_selected)
        coverage_layout.addWidget(self.coverage_tree, 1)
        splitter.addWidget(coverages)

        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setPlaceholderText(tr("Select a coverage to see its CRSs, formats, times and grid."))
        self.details.setToolTip(tr("What DescribeCoverage says about the selected coverage"))
        splitter.addWidget(self.details)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        self.options = QWidget()
        scroll.setWidget(self.options)
        options_layout = QVBoxLayout(self.options)
        options = QFormLayout()

        self.crs_combo = _combo(tr("CRS of the request: the extent is sent in it (the canvas CRS when the "
                                   "coverage offers it, else its native CRS)"))
        self.crs_combo.currentIndexChanged.connect(self._crs_changed)
        options.addRow(tr("CRS"), self.crs_combo)
        self.response_crs_combo = _combo(tr("CRS of the returned raster, if the server should reproject it"))
        options.addRow(tr("Response CRS"), self.response_crs_combo)
        self.format_combo = _combo(tr("File format of the coverage (the native format first)"))
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        options.addRow(tr("Format"), self.format_combo)
        self.interpolation_combo = _combo(tr("Resampling method; the server's default unless you choose one"))
        options.addRow(tr("Interpolation"), self.interpolation_combo)
        self.time_combo = _combo(tr("Time position or period of the coverage (only for coverages with times)"))
        options.addRow(tr("Time"), self.time_combo)
        self.range_edit = QLineEdit()
        self.range_edit.setToolTip(tr("Range subset (PARAMETER): values of the coverage's range axes, e.g. "
                                      "bands=1,3; several axes separated by ';'. Empty: all values."))
        options.addRow(tr("Range subset"), self.range_edit)

        size_row = QHBoxLayout()
        self.size_mode = _combo(tr("Give the output size in pixels or the resolution in CRS units per pixel"))
        self.size_mode.addItem(tr("Size (pixels)"), SIZE)
        self.size_mode.addItem(tr("Resolution"), RESOLUTION)
        size_row.addWidget(self.size_mode)
        self.size_stack = QStackedWidget()
        size_page = QWidget()
        size_layout = QHBoxLayout(size_page)
        size_layout.setContentsMargins(0, 0, 0, 0)
        self.width_spin = _spin(tr("Width of the coverage in pixels"))
        self.height_spin = _spin(tr("Height of the coverage in pixels"))
        size_layout.addWidget(self.width_spin)
        size_layout.addWidget(QLabel("×"))
        size_layout.addWidget(self.height_spin)
        self.canvas_size_button = QToolButton(text=tr("Canvas"))
        self.canvas_size_button.setToolTip(tr("Use the map canvas' size in pixels"))
        self.canvas_size_button.clicked.connect(lambda: self._default_size("canvas"))
        self.grid_size_button = QToolButton(text=tr("Grid"))
        self.grid_size_button.setToolTip(tr("Use the coverage's own grid size (native resolution for its "
                                            "whole extent)"))
        self.grid_size_button.clicked.connect(lambda: self._default_size("grid"))
        size_layout.addWidget(self.canvas_size_button)
        size_layout.addWidget(self.grid_size_button)
        self.size_stack.addWidget(size_page)
        res_page = QWidget()
        res_layout = QHBoxLayout(res_page)
        res_layout.setContentsMargins(0, 0, 0, 0)
        self.resx_edit = _number_edit(tr("Pixel width in units of the request CRS (RESX)"))
        self.resy_edit = _number_edit(tr("Pixel height in units of the request CRS (RESY)"))
        res_layout.addWidget(self.resx_edit)
        res_layout.addWidget(QLabel("×"))
        res_layout.addWidget(self.resy_edit)
        self.size_stack.addWidget(res_page)
        self.size_mode.currentIndexChanged.connect(self.size_stack.setCurrentIndex)
        size_row.addWidget(self.size_stack, 1)
        self.size_label = QLabel(tr("Size"))
        options.addRow(self.size_label, size_row)
        options_layout.addLayout(options)

        self.extent_box = QgsExtentGroupBox(self.options)
        self.extent_box.setTitleBase(tr("Extent"))
        self.extent_box.setMapCanvas(self.canvas)
        self.extent_box.setToolTip(tr("Area to fetch, in the request CRS. Follows the map canvas until you "
                                      "type a box, draw one or take a layer's extent."))
        options_layout.addWidget(self.extent_box)
        self.coverage_extent_button = QPushButton(tr("Coverage extent"))
        self.coverage_extent_button.setToolTip(tr("Set the extent to the whole coverage"))
        self.coverage_extent_button.clicked.connect(self.use_coverage_extent)
        options_layout.addWidget(self.coverage_extent_button, 0, Qt.AlignmentFlag.AlignLeft)

        output = QFormLayout()
        self.output_widget = QgsFileWidget()
        self.output_widget.setStorageMode(QgsFileWidget.StorageMode.SaveFile)
        self.output_widget.setConfirmOverwrite(True)
        self.output_widget.setDialogTitle(tr("Save the coverage as"))
        self.output_widget.setToolTip(tr("File the coverage is saved to (by default a new file named after the "
                                         "coverage in the “EO Order” folder of the temporary folder)"))
        output.addRow(tr("Output file"), self.output_widget)
        options_layout.addLayout(output)
        options_layout.addStretch(1)
        splitter.addWidget(scroll)
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

        self.status = QLabel(tr("Enter a WCS 1.0.0 server URL and press Connect."))
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
            self.url_combo.setItemData(self.url_combo.count() - 1, connection.url, Qt.ItemDataRole.ToolTipRole)
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
        return Wcs10Client(url, credentials=credentials, auth_hint=f"auth config {authcfg}" if authcfg else "")

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
            self._message(tr("{0} offers no coverages.").format(title), Qgis.MessageLevel.Info)
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
        """Fill the request widgets from ``desc`` (a CoverageDescription), or clear them."""
        self.description = desc
        combos = (self.crs_combo, self.response_crs_combo, self.format_combo, self.interpolation_combo,
                  self.time_combo)
        for combo in combos:
            combo.blockSignals(True)
            combo.clear()
        self.options.setEnabled(desc is not None)
        if desc is None:
            self.details.clear()
            for combo in combos:
                combo.blockSignals(False)
            self._update_buttons()
            return
        self.details.setPlainText(description_text(desc))

        codes = list(desc.request_crs) or [c for c in (native_crs_code(desc),) if c]
        for code in codes:
            self.crs_combo.addItem(_crs_label(code), code)
        default = offered_crs_code(self.canvas.mapSettings().destinationCrs(), codes) or native_crs_code(desc)
        self.crs_combo.setCurrentIndex(max(0, self.crs_combo.findData(default)))

        self.response_crs_combo.addItem(tr("Same as the request CRS"), "")
        for code in desc.response_crs:
            self.response_crs_combo.addItem(_crs_label(code), code)
        self.response_crs_combo.setEnabled(bool(desc.response_crs))

        for fmt in formats_native_first(desc):
            native = fmt.lower() == (desc.native_format or "").lower()
            self.format_combo.addItem(tr("{0} (native)").format(fmt) if native else fmt, fmt)
        self.format_combo.setCurrentIndex(max(0, self.format_combo.findData(default_format(desc))))

        server_default = desc.default_interpolation
        self.interpolation_combo.addItem(
            tr("Server default ({0})").format(server_default) if server_default else tr("Server default"), "")
        for method in desc.interpolations:
            self.interpolation_combo.addItem(method, method)
        self.interpolation_combo.setEnabled(bool(desc.interpolations))

        self.time_combo.addItem(tr("Server default (no time)"), "")
        for position in desc.time_positions:
            self.time_combo.addItem(position, position)
        for period in desc.time_periods:
            value = "/".join(period if period[2] else period[:2])
            self.time_combo.addItem(value, value)
        self.time_combo.setEnabled(self.time_combo.count() > 1)
        self.range_edit.clear()
        self.range_edit.setEnabled(bool(desc.range_axes))
        self.range_edit.setPlaceholderText("; ".join(f"{name}={','.join(values)}" for name, _label, values
                                                     in desc.range_axes if values) or tr("all values"))

        for combo in combos:
            combo.blockSignals(False)
        native_only = only_native_resolution(desc)
        for widget in (self.size_mode, self.size_stack):
            widget.setEnabled(not native_only)
        self.size_label.setText(tr("Size (native only)") if native_only else tr("Size"))
        self._default_size()
        self._crs_changed()
        self._default_output(new_coverage=True)
        self._update_buttons()

    # --- request widgets ------------------------------------------------------------

    def _crs_changed(self, _index=None):
        crs = self.request_crs()
        if crs.isValid():
            self.extent_box.setOutputCrs(crs)
        self._default_resolution()

    def request_crs(self):
        code = self.crs_combo.currentData()
        return crs_from_code(code) if code else QgsCoordinateReferenceSystem()

    def _default_size(self, which=None):
        """Width × height: the canvas' pixel size, or the coverage's grid when it is smaller (or asked)."""
        size = self.canvas.mapSettings().outputSize()
        canvas = (size.width(), size.height())
        grid = self.description.grid_size if self.description is not None else None
        if which == "canvas" or not grid:
            chosen = canvas
        elif which == "grid" or grid[0] * grid[1] <= canvas[0] * canvas[1]:
            chosen = grid
        else:
            chosen = canvas
        self.width_spin.setValue(max(1, min(MAX_SIZE, chosen[0])))
        self.height_spin.setValue(max(1, min(MAX_SIZE, chosen[1])))

    def _default_resolution(self):
        """RESX/RESY: the native resolution in the grid's CRS, else the extent over the pixel size."""
        desc = self.description
        if desc is None:
            return
        crs = self.request_crs()
        grid_crs = crs_from_code(desc.grid_envelope_crs) if desc.grid_envelope_crs else None
        if desc.grid_size and desc.grid_envelope and grid_crs is not None and grid_crs.isValid() and grid_crs == crs:
            minx, miny, maxx, maxy = desc.grid_envelope
            resx, resy = (maxx - minx) / desc.grid_size[0], abs(maxy - miny) / desc.grid_size[1]
        else:
            rect = self.extent_box.outputExtent()
            resx, resy = rect.width() / self.width_spin.value(), rect.height() / self.height_spin.value()
        locale = QLocale()
        locale.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
        for edit, value in ((self.resx_edit, resx), (self.resy_edit, resy)):
            edit.setText(locale.toString(float(value), "g", 12) if value > 0 else "")

    def _format_changed(self, _index=None):
        self._default_output()

    def _default_output(self, new_coverage=False):
        """Name the output after the coverage with the format's extension (a new file in the temporary
        "EO Order" folder unless the user chose a folder)."""
        desc = self.description
        fmt = self.format_combo.currentData() or ""
        if desc is None:
            return
        ext = extension_for(fmt)
        self.output_widget.setFilter(tr("{0} (*{1});;All files (*)").format(fmt or tr("Coverage"), ext))
        current = self.output_widget.filePath().strip()
        automatic = not current or current == self._auto_output
        if new_coverage or automatic:
            folder = default_output_folder() if automatic else os.path.dirname(current)
            path = unique_path(folder, file_stem(desc.name), ext)
        else:
            path = os.path.splitext(current)[0] + ext
        if automatic:
            self._auto_output = path
        self.output_widget.setFilePath(path)

    def output_path(self):
        path = self.output_widget.filePath().strip()
        if not path:
            raise InputError(tr("Choose the file to save the coverage to."))
        if path == self._auto_output and os.path.exists(path):
            stem, ext = os.path.splitext(os.path.basename(path))
            path = unique_path(os.path.dirname(path), re.sub(r"_\d+$", "", stem), ext)
            self._auto_output = path
            self.output_widget.setFilePath(path)
        return path

    # --- extent -------------------------------------------------------------

    def _follow_canvas(self, force=False):
        """Keep the extent on the canvas extent unless the user set another one."""
        state = self.extent_box.extentState()
        if force is True or state in (QgsExtentGroupBox.ExtentState.CurrentExtent,
                                      QgsExtentGroupBox.ExtentState.OriginalExtent):
            crs = self.canvas.mapSettings().destinationCrs()
            rect = self.canvas.extent()
            self.extent_box.setCurrentExtent(rect, crs)
            self.extent_box.setOriginalExtent(rect, crs)
            self.extent_box.setOutputExtentFromCurrent()

    def use_coverage_extent(self):
        """Set the extent to the whole coverage (its grid envelope, else its lon/lat envelope)."""
        desc = self.description
        if desc is None:
            return
        grid_crs = crs_from_code(desc.grid_envelope_crs) if desc.grid_envelope_crs else None
        if desc.grid_envelope and grid_crs is not None and grid_crs.isValid():
            self.extent_box.setOutputExtentFromUser(QgsRectangle(*desc.grid_envelope), grid_crs)
        elif desc.lon_lat_envelope:
            self.extent_box.setOutputExtentFromUser(QgsRectangle(*desc.lon_lat_envelope),
                                                    QgsCoordinateReferenceSystem("EPSG:4326"))

    # --- fetch: GetCoverage ------------------------------------------------------

    def build_request(self):
        """The GetCoverageRequest the widgets describe (InputError when something is missing)."""
        desc = self.description
        if desc is None:
            raise InputError(tr("Connect to a server and select a coverage first."))
        rect = self.extent_box.outputExtent()
        if rect.isNull() or not rect.isFinite() or rect.width() <= 0 or rect.height() <= 0:
            raise InputError(tr("The extent is empty: zoom the map to your area or type a box."))
        size = {}
        if not only_native_resolution(desc):
            if self.size_mode.currentData() == RESOLUTION:
                size = dict(resx=_number(self.resx_edit, "RESX"), resy=_number(self.resy_edit, "RESY"))
            else:
                size = dict(width=self.width_spin.value(), height=self.height_spin.value())
        return GetCoverageRequest(
            coverage=desc.name,
            crs=self.crs_combo.currentData() or "",
            bbox=(rect.xMinimum(), rect.yMinimum(), rect.xMaximum(), rect.yMaximum()),
            format=self.format_combo.currentData() or "",
            response_crs=self.response_crs_combo.currentData() or None,
            time=self.time_combo.currentData() or None,
            interpolation=self.interpolation_combo.currentData() or None,
            parameters=parse_range_subset(self.range_edit.text()),
            **size,
        )

    def fetch(self):
        if self.fetch_task is not None:
            return
        try:
            request = self.build_request()
            request.validate(self.description)
            path = self.output_path()
        except EoOrderError as exc:
            self._fail(str(exc), Qgis.MessageLevel.Warning)
            return
        client, description = self.client, self.description

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
        task.done.connect(lambda result, error, task=task: self._fetched(task, request.coverage, result, error))
        self.fetch_task = task
        self.status.setText(tr("Fetching {0}…").format(request.coverage))
        self._update_buttons()
        QgsApplication.taskManager().addTask(task)

    def _progress_text(self, text):
        if self.fetch_task is not None:
            self.status.setText(tr("Fetching the coverage: {0}").format(text))

    def _fetched(self, task, name, path, error):
        if task is not self.fetch_task:
            return
        self.fetch_task = None
        self._update_buttons()
        if error:
            self._fail(error)
            return
        if path is None:
            self.status.setText(tr("Fetching {0} was cancelled; nothing was saved.").format(name))
            return
        layer = QgsRasterLayer(path, name, "gdal")
        if not layer.isValid():
            self._fail(tr("The server's reply for {0} was saved as {1}, but QGIS cannot open it as a raster "
                          "({2}). Try another format.").format(name, path, layer.error().summary()))
            return
        QgsProject.instance().addMapLayer(layer)
        self.layerAdded.emit(layer)
        text = tr("Coverage {0} ({1} × {2} pixels) saved as {3} and added to the project.").format(
            name, layer.width(), layer.height(), path)
        self.status.setText(text)
        self._message(text, Qgis.MessageLevel.Success)

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
        self._message(text, level)

    def _message(self, text, level):
        self.iface.messageBar().pushMessage(TITLE, text, level, 10)

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


_EXTENSIONS = (
    ("png", ".png"), ("jpeg", ".jpg"), ("jpg", ".jpg"), ("gif", ".gif"), ("netcdf", ".nc"), ("hdf", ".hdf"),
    ("jp2", ".jp2"), ("grib", ".grb"), ("aaigrid", ".asc"), ("ascii", ".asc"), ("hfa", ".img"), ("img", ".img"),
    ("gml", ".gml"), ("xml", ".xml"),
)


def extension_for(fmt):
    """The file extension for WCS format ``fmt`` ('GTiff' → '.tif', 'image/png' → '.png')."""
    kind = (fmt or "").lower()
    if not kind or is_tiff_format(kind):
        return ".tif"
    return next((ext for key, ext in _EXTENSIONS if key in kind), ".dat")


def file_stem(name):
    """A coverage name made safe as a file name ('ns:dem 1' → 'ns_dem_1')."""
    stem = re.sub(r"[^\w.-]+", "_", name or "", flags=re.UNICODE).strip("._")
    return stem or "coverage"


def default_output_folder():
    return os.path.join(QDir.tempPath(), OUTPUT_FOLDER)


def unique_path(folder, stem, ext):
    """``folder/stem.ext``, or ``stem_1.ext``, ``stem_2.ext``… if taken."""
    path, n = os.path.join(folder, stem + ext), 0
    while os.path.exists(path):
        n += 1
        path = os.path.join(folder, f"{stem}_{n}{ext}")
    return path


def _box_text(box):
    return ", ".join(f"{v:.10g}" for v in box)


def _envelope_text(envelope):
    if not envelope:
        return tr("No lon/lat envelope given")
    return tr("Lon/lat envelope (W, S, E, N): {0}").format(_box_text(envelope))


def _crs_label(code):
    crs = crs_from_code(code)
    return f"{code} – {crs.description()}" if crs.isValid() and crs.description() else code


def _combo(tooltip):
    combo = QComboBox()
    combo.setToolTip(tooltip)
    return combo


def _spin(tooltip):
    spin = QSpinBox()
    spin.setRange(1, MAX_SIZE)
    spin.setToolTip(tooltip)
    return spin


def _number_edit(tooltip):
    edit = QLineEdit()
    edit.setValidator(QgsDoubleValidator(0.0, 1e12, 16, edit))
    edit.setToolTip(tooltip)
    return edit


def _number(edit, label):
    text = edit.text().strip()
    value = QgsDoubleValidator.toDouble(text) if text else 0.0
    if not value > 0:
        raise InputError(tr("Enter a positive {0} (request CRS units per pixel).").format(label))
    return value
