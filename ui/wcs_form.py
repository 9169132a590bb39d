"""The WCS tab's request form: the choices of one GetCoverage (CRS, format, time, size, extent,
output file, and an *Advanced* section), filled from a coverage description.

The form only turns widgets into a :class:`~..core.wcs10.GetCoverageRequest`; the defaults come
from :mod:`..core.wcs_choices` (the part of the map view the coverage covers, at its native
resolution) and :mod:`..core.wcs_files` (a file the user chose, or the project's folder). Rows wrap
under their labels when the dock is narrow, so the tab needs no horizontal scroll at 420 px.
"""

import os
import re

from qgis.core import QgsCoordinateReferenceSystem, QgsRectangle
from qgis.gui import QgsCollapsibleGroupBox, QgsDoubleValidator, QgsExtentWidget, QgsFileWidget
from qgis.PyQt.QtCore import QCoreApplication, QLocale
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import EoOrderError, InputError
from ..core.wcs10 import COVERAGE_LIMIT, GetCoverageRequest, parse_range_subset
from ..core.wcs_choices import (
    MAX_PIXELS,
    crs_from_code,
    default_extent,
    default_format,
    formats_native_first,
    native_crs_code,
    native_resolution,
    native_size,
    offered_crs_code,
    valid_area,
)
from ..core.wcs_files import coverage_file, extension_for, project_folder

SIZE, RESOLUTION = 0, 1
FOLLOWING = (QgsExtentWidget.ExtentState.CurrentExtent, QgsExtentWidget.ExtentState.OriginalExtent)


def tr(text):
    return QCoreApplication.translate("WcsPanel", text)


class WcsRequestForm(QWidget):
    """The request widgets of the WCS tab for one coverage description (``set_description``)."""

    def __init__(self, canvas, parent=None):
        super().__init__(parent)
        self.canvas = canvas
        self.description = None
        self._auto_output = ""
        self._auto_size = True
        self._setting = False
        self._build()

    # --- layout -------------------------------------------------------------------

    def _build(self):
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        options = _form()
        self.crs_combo = _combo(tr("CRS of the request: the extent is sent in it (the canvas CRS when the "
                                   "coverage offers it, else its native CRS)"))
        self.crs_combo.currentIndexChanged.connect(self._crs_changed)
        options.addRow(tr("CRS"), self.crs_combo)
        self.format_combo = _combo(tr("File format of the coverage (the native format first)"))
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        options.addRow(tr("Format"), self.format_combo)
        self.time_combo = _combo(tr("Time position or period of the coverage (only for coverages with times)"))
        options.addRow(tr("Time"), self.time_combo)

        size_box = QWidget()
        size_layout = QVBoxLayout(size_box)
        size_layout.setContentsMargins(0, 0, 0, 0)
        mode_row = QHBoxLayout()
        self.size_mode = _combo(tr("Give the output size in pixels or the resolution in CRS units per pixel"))
        self.size_mode.setMinimumContentsLength(8)
        self.size_mode.addItem(tr("Size (pixels)"), SIZE)
        self.size_mode.addItem(tr("Resolution"), RESOLUTION)
        mode_row.addWidget(self.size_mode, 1)
        self.canvas_size_button = QToolButton(text=tr("Canvas"))
        self.canvas_size_button.setToolTip(tr("Use the map canvas' size in pixels"))
        self.canvas_size_button.clicked.connect(lambda: self._default_size("canvas"))
        self.grid_size_button = QToolButton(text=tr("Native"))
        self.grid_size_button.setToolTip(tr("Use the coverage's native resolution over the extent"))
        self.grid_size_button.clicked.connect(lambda: self._default_size("native"))
        mode_row.addWidget(self.canvas_size_button)
        mode_row.addWidget(self.grid_size_button)
        size_layout.addLayout(mode_row)
        self.size_stack = QStackedWidget()
        size_page = QWidget()
        pixels = QHBoxLayout(size_page)
        pixels.setContentsMargins(0, 0, 0, 0)
        self.width_spin = _spin(tr("Width of the coverage in pixels"))
        self.height_spin = _spin(tr("Height of the coverage in pixels"))
        for spin in (self.width_spin, self.height_spin):
            spin.valueChanged.connect(self._size_edited)
        pixels.addWidget(self.width_spin, 1)
        pixels.addWidget(QLabel("×"))
        pixels.addWidget(self.height_spin, 1)
        self.size_stack.addWidget(size_page)
        res_page = QWidget()
        res_layout = QHBoxLayout(res_page)
        res_layout.setContentsMargins(0, 0, 0, 0)
        self.resx_edit = _number_edit(tr("Pixel width in units of the request CRS (RESX)"))
        self.resy_edit = _number_edit(tr("Pixel height in units of the request CRS (RESY)"))
        res_layout.addWidget(self.resx_edit, 1)
        res_layout.addWidget(QLabel("×"))
        res_layout.addWidget(self.resy_edit, 1)
        self.size_stack.addWidget(res_page)
        self.size_mode.currentIndexChanged.connect(self.size_stack.setCurrentIndex)
        self.size_stack.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        size_layout.addWidget(self.size_stack)
        self.size_label = QLabel(tr("Size"))
        options.addRow(self.size_label, size_box)
        layout.addLayout(options)

        self.extent_box = QgsExtentWidget(self, QgsExtentWidget.WidgetStyle.CondensedStyle)
        self.extent_box.setMapCanvas(self.canvas)
        self.extent_box.setToolTip(tr("Area to fetch, in the request CRS. By default the part of the map view "
                                      "the coverage covers; it follows the map until you type a box, draw one "
                                      "or take a layer's extent."))
        self.extent_box.extentChanged.connect(self._extent_changed)
        self.coverage_extent_button = QPushButton(tr("Coverage extent"))
        self.coverage_extent_button.setToolTip(tr("Set the extent to the whole coverage"))
        self.coverage_extent_button.clicked.connect(self.use_coverage_extent)
        extent = _form()
        extent.addRow(tr("Extent"), self.extent_box)
        extent.addRow("", self.coverage_extent_button)
        layout.addLayout(extent)

        output = _form()
        self.output_widget = QgsFileWidget()
        self.output_widget.setStorageMode(QgsFileWidget.StorageMode.SaveFile)
        self.output_widget.setConfirmOverwrite(True)
        self.output_widget.setDialogTitle(tr("Save the coverage as"))
        self.output_widget.setToolTip(tr("File the coverage is saved to: by default a new file named after the "
                                         "coverage next to the project file (choose one when the project is "
                                         "not saved yet)"))
        self.output_widget.lineEdit().setPlaceholderText(tr("Choose a file (the project has no folder yet)"))
        output.addRow(tr("Output file"), self.output_widget)
        layout.addLayout(output)

        self.advanced = QgsCollapsibleGroupBox(tr("Advanced"))
        self.advanced.setCollapsed(True)
        advanced = _form(self.advanced)
        self.response_crs_combo = _combo(tr("CRS of the returned raster, if the server should reproject it"))
        advanced.addRow(tr("Response CRS"), self.response_crs_combo)
        self.interpolation_combo = _combo(tr("Resampling method; the server's default unless you choose one"))
        advanced.addRow(tr("Interpolation"), self.interpolation_combo)
        self.range_edit = QLineEdit()
        self.range_edit.setToolTip(tr("Range subset (PARAMETER): values of the coverage's range axes, e.g. "
                                      "bands=1,3; several axes separated by ';'. Empty: all values."))
        advanced.addRow(tr("Range subset"), self.range_edit)
        self.max_size_spin = QSpinBox()
        self.max_size_spin.setRange(1, 1 << 20)
        self.max_size_spin.setSuffix(" MB")
        self.max_size_spin.setValue(COVERAGE_LIMIT >> 20)
        self.max_size_spin.setToolTip(tr("The largest coverage file to accept: a reply beyond it is stopped "
                                         "and nothing is saved"))
        advanced.addRow(tr("Max file size"), self.max_size_spin)
        layout.addWidget(self.advanced)
        layout.addStretch(1)

    # --- the description ------------------------------------------------------------

    def set_description(self, desc):
        """Fill the request widgets from ``desc`` (a CoverageDescription), or clear them (None)."""
        self.description = desc
        combos = (self.crs_combo, self.response_crs_combo, self.format_combo, self.interpolation_combo,
                  self.time_combo)
        for combo in combos:
            combo.blockSignals(True)
            combo.clear()
        self.setEnabled(desc is not None)
        if desc is None:
            for combo in combos:
                combo.blockSignals(False)
            return
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
        for value in desc.offered_times():
            self.time_combo.addItem(value, value)
        self.time_combo.setEnabled(self.time_combo.count() > 1)
        self.range_edit.clear()
        self.range_edit.setEnabled(bool(desc.range_axes))
        self.range_edit.setPlaceholderText("; ".join(f"{name}={','.join(values)}" for name, _label, values
                                                     in desc.range_axes if values) or tr("all values"))
        for combo in combos:
            combo.blockSignals(False)
        self._auto_size = True
        self._crs_changed()
        self._default_output(new_coverage=True)

    # --- CRS, extent, size -------------------------------------------------------------

    def request_crs(self):
        code = self.crs_combo.currentData()
        return crs_from_code(code) if code else QgsCoordinateReferenceSystem()

    def _crs_changed(self, _index=None):
        crs = self.request_crs()
        if crs.isValid():
            self.extent_box.setOutputCrs(crs)
        self.follow_canvas(force=self.following())
        self._default_resolution()

    def following(self):
        """True while the extent follows the map (the user has not set one)."""
        return self.extent_box.extentState() in FOLLOWING

    def follow_canvas(self, force=False):
        """Keep the extent on the part of the map view the coverage covers, unless the user set one."""
        if not (force is True or self.following()):
            return
        crs = self.canvas.mapSettings().destinationCrs()
        view = self.canvas.extent()
        self._setting = True
        try:
            self.extent_box.setCurrentExtent(view, crs)
            self.extent_box.setOriginalExtent(*self._default_extent(view, crs))
            self.extent_box.setOutputExtentFromOriginal()
        finally:
            self._setting = False
        self._extent_changed()

    def _default_extent(self, view, view_crs):
        """(rect, crs): the overlap of view and coverage in the request CRS; the view (cut to valid
        coordinates) when there is no coverage or no overlap (``extent()`` then refuses with a message)."""
        desc, crs = self.description, self.request_crs()
        if desc is not None and crs.isValid():
            try:
                return default_extent(desc, view, view_crs, crs), crs
            except EoOrderError:
                pass
        area = valid_area(view_crs)
        return (view.intersect(area) if area is not None and view.intersects(area) else view), view_crs

    def _extent_changed(self, *_args):
        if not self._setting and self._auto_size:
            self._default_size()

    def _size_edited(self, _value=None):
        if not self._setting:
            self._auto_size = False

    def _default_size(self, which=None):
        """Width × height: the coverage's native resolution over the extent, else the canvas' pixel size."""
        size = self.canvas.mapSettings().outputSize()
        chosen = (size.width(), size.height())
        if which != "canvas" and self.description is not None:
            rect = self.extent_box.outputExtent()
            native = native_size(self.description, rect, self.request_crs()) if _usable(rect) else None
            if native:
                chosen = native
        if which is not None:
            self._auto_size = which == "native"
        self._setting = True
        try:
            self.width_spin.setValue(max(1, min(MAX_PIXELS, chosen[0])))
            self.height_spin.setValue(max(1, min(MAX_PIXELS, chosen[1])))
        finally:
            self._setting = False

    def _default_resolution(self):
        """RESX/RESY: the native resolution when the request CRS is the grid's, else extent / size."""
        desc = self.description
        if desc is None:
            return
        native = native_resolution(desc, self.request_crs())
        if native:
            resx, resy = native
        else:
            rect = self.extent_box.outputExtent()
            resx, resy = rect.width() / self.width_spin.value(), rect.height() / self.height_spin.value()
        locale = QLocale()
        locale.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
        for edit, value in ((self.resx_edit, resx), (self.resy_edit, resy)):
            edit.setText(locale.toString(float(value), "g", 12) if value > 0 else "")

    def use_coverage_extent(self):
        """Set the extent to the whole coverage (its envelope in the grid's CRS, else its lon/lat one)."""
        desc = self.description
        if desc is None:
            return
        grid_crs = crs_from_code(desc.grid_envelope_crs) if desc.grid_envelope_crs else None
        if desc.grid_envelope and grid_crs is not None and grid_crs.isValid():
            self.extent_box.setOutputExtentFromUser(QgsRectangle(*desc.grid_envelope), grid_crs)
        elif desc.lon_lat_envelope:
            self.extent_box.setOutputExtentFromUser(QgsRectangle(*desc.lon_lat_envelope),
                                                    QgsCoordinateReferenceSystem("EPSG:4326"))

    def extent(self):
        """The extent to request, in the request CRS; InputError when the view misses the coverage."""
        if self.following() and self.description is not None:
            return default_extent(self.description, self.canvas.extent(),
                                  self.canvas.mapSettings().destinationCrs(), self.request_crs())
        rect = self.extent_box.outputExtent()
        if not _usable(rect):
            raise InputError(tr("The extent is empty: zoom the map to your area or type a box."))
        return rect

    # --- output file ------------------------------------------------------------------

    def _format_changed(self, _index=None):
        self._default_output()

    def _default_output(self, new_coverage=False):
        """Name the output after the coverage with the format's extension: in the folder the user chose
        last, else next to the project; empty (the user must choose) when the project has no folder."""
        desc = self.description
        if desc is None:
            return
        fmt = self.format_combo.currentData() or ""
        ext = extension_for(fmt)
        self.output_widget.setFilter(tr("{0} (*{1});;All files (*)").format(fmt or tr("Coverage"), ext))
        current = self.output_widget.filePath().strip()
        automatic = not current or current == self._auto_output
        if new_coverage or automatic:
            folder = project_folder() if automatic else os.path.dirname(current)
            path = coverage_file(folder, desc.name, fmt) if folder else ""
        else:
            path = os.path.splitext(current)[0] + ext
        if automatic:
            self._auto_output = path
        self.output_widget.setFilePath(path)

    def output_path(self):
        path = self.output_widget.filePath().strip()
        if not path:
            raise InputError(tr("Choose the file to save the coverage to (or save the project first: coverages "
                                "then go next to it)."))
        if path == self._auto_output and (os.path.exists(path) or os.path.exists(path + ".part")):
            stem = re.sub(r"_\d+$", "", os.path.splitext(os.path.basename(path))[0])
            path = coverage_file(os.path.dirname(path), stem, self.format_combo.currentData() or "")
            self._auto_output = path
            self.output_widget.setFilePath(path)
        return path

    # --- the request ----------------------------------------------------------------------

    def build_request(self):
        """The GetCoverageRequest the widgets describe (InputError when something is missing)."""
        desc = self.description
        if desc is None:
            raise InputError(tr("Connect to a server and select a coverage first."))
        rect = self.extent()
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

    def max_bytes(self):
        return self.max_size_spin.value() << 20


# --- helpers ----------------------------------------------------------------------


def _usable(rect):
    return not rect.isNull() and rect.isFinite() and rect.width() > 0 and rect.height() > 0


def _form(parent=None):
    form = QFormLayout(parent) if parent is not None else QFormLayout()
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


def _crs_label(code):
    crs = crs_from_code(code)
    return f"{code} – {crs.description()}" if crs.isValid() and crs.description() else code


def _combo(tooltip):
    combo = QComboBox()
    combo.setToolTip(tooltip)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(12)
    combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return combo


def _spin(tooltip):
    spin = QSpinBox()
    spin.setRange(1, MAX_PIXELS)
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
