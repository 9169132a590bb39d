"""Widgets the tabs share: a search box that follows the map canvas, optional date edits, a
results table kept in step with a footprint layer's selection, and a thumbnail/quicklook view."""

from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCsException,
    QgsRectangle,
)
from qgis.gui import QgsDateEdit, QgsExtentGroupBox
from qgis.PyQt.QtCore import QCoreApplication, Qt, pyqtSignal
from qgis.PyQt.QtGui import QPixmap
from qgis.PyQt.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QPushButton, QTableWidget, QTableWidgetItem

from ..core.areas import box_from_extent
from ..core.errors import EoOrderError
from ..core.footprints import CRS
from ..core.models import BBox
from ..core.quicklook import fetch_thumbnail
from ..core.tasks import WorkTask

ROLE_FID = Qt.ItemDataRole.UserRole
ROLE_SORT = Qt.ItemDataRole.UserRole + 1


class SortItem(QTableWidgetItem):
    """A cell that sorts by its value (numbers as numbers, dates in time order), not its text."""

    def __lt__(self, other):
        mine, theirs = self.data(ROLE_SORT), other.data(ROLE_SORT)
        if mine is None or theirs is None or type(mine) is not type(theirs):
            return (mine is not None, self.text()) < (theirs is not None, other.text())
        return mine < theirs


def sort_key(value):
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    if hasattr(value, "toString"):
        return value.toString("yyyy-MM-ddTHH:mm:ss.zzz")
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (int, float)):
        return float(value)
    return str(value)


def tr(text):
    return QCoreApplication.translate("ResultsTable", text)


class CanvasExtentBox(QgsExtentGroupBox):
    """A WGS 84 search box that follows the map canvas (whatever its CRS, cut to the world) until
    the user types, draws or picks another box; *Map Canvas Extent* makes it follow again."""

    def __init__(self, canvas, title, parent=None):
        super().__init__(parent)
        self.canvas = canvas
        self.setTitleBase(title)
        self.setOutputCrs(QgsCoordinateReferenceSystem(CRS))
        self.setMapCanvas(canvas)
        self.setToolTip(tr("Defaults to the map canvas extent (turned into WGS 84); "
                           "type a box, draw one or take a layer's extent"))
        self._following = False
        self._crossing = None  # the canvas box when it crosses the antimeridian (west > east)
        canvas.extentsChanged.connect(self.follow_canvas)
        canvas.destinationCrsChanged.connect(self.follow_canvas)
        self.extentChanged.connect(self._extent_chosen)
        self.follow_canvas(force=True)

    def follow_canvas(self, force=False):
        state = self.extentState()
        if force is True or state in (QgsExtentGroupBox.ExtentState.CurrentExtent,
                                      QgsExtentGroupBox.ExtentState.OriginalExtent):
            wgs84 = QgsCoordinateReferenceSystem(CRS)
            box = self._canvas_box()
            self._following = True
            try:
                self.setCurrentExtent(box, wgs84)
                self.setOriginalExtent(box, wgs84)
                # Not setOutputExtentFromCurrent(): with a canvas, QGIS takes the canvas extent again and
                # transforms its corners (a zoomed-out Web Mercator world became a 1.3° strip).
                self.setOutputExtentFromOriginal()
            finally:
                self._following = False

    def _extent_chosen(self, _rect):
        """*Map Canvas Extent* clicked: QGIS set the corner-transformed canvas box; use ours."""
        if not self._following and self.extentState() == QgsExtentGroupBox.ExtentState.CurrentExtent:
            self.follow_canvas(force=True)

    def _canvas_box(self):
        """The canvas box as a rectangle for the widget. A canvas across the antimeridian (a map
        centred on the Pacific) gives a box with west > east, which a QgsRectangle cannot hold (it
        would swap the sides: the rest of the world): the widget shows its latitude band and
        :meth:`box` returns the crossing box itself, which CSW gets as two boxes."""
        try:  # sides sampled, poles and the antimeridian handled, cut to the world
            box = box_from_extent(self.canvas.extent(), self.canvas.mapSettings().destinationCrs())
        except (QgsCsException, EoOrderError):
            box = BBox(-180.0, -90.0, 180.0, 90.0)
        self._crossing = box if box.west > box.east else None
        if self._crossing is not None:
            return QgsRectangle(-180.0, box.south, 180.0, box.north)
        return QgsRectangle(box.west, box.south, box.east, box.north)

    def minimumSizeHint(self):  # noqa: N802 - Qt's name
        """Folded, only the title needs room: the dock stays narrow until the box is unfolded."""
        hint = super().minimumSizeHint()
        if self.isCollapsed():
            hint.setWidth(min(hint.width(), self.fontMetrics().horizontalAdvance(self.title()) + 40))
        return hint

    def box(self):
        """The chosen box as a :class:`~..core.models.BBox` (lon/lat)."""
        if self._crossing is not None and self.extentState() in (QgsExtentGroupBox.ExtentState.CurrentExtent,
                                                                  QgsExtentGroupBox.ExtentState.OriginalExtent):
            return self._crossing  # following a canvas across the antimeridian (see _canvas_box)
        rect = self.outputExtent()
        if rect.isNull() or not rect.isFinite():
            raise EoOrderError(tr("The search box is empty: zoom the map to your area or type a box."))
        return BBox.clamped(rect.xMinimum(), rect.yMinimum(), rect.xMaximum(), rect.yMaximum())

    def set_box(self, box):
        """Use this (west, south, east, north) box from now on (it stops following the canvas)."""
        self.setOutputExtentFromUser(QgsRectangle(*box), QgsCoordinateReferenceSystem(CRS))

    def shutdown(self):
        for signal in (self.canvas.extentsChanged, self.canvas.destinationCrsChanged):
            try:
                signal.disconnect(self.follow_canvas)
            except (TypeError, RuntimeError):
                pass


class OptionalDateEdit(QgsDateEdit):
    """A QgsDateEdit that shows its null text when cleared. QgsDateEdit.clear() shows *today's* date
    greyed until the widget next loses focus, so a form restored from the history (an open start,
    an old end) looked like "today … 2013-03-29"; here an empty date always reads "no limit"."""

    def clear(self):
        super().clear()
        if self.allowNull() and not self.hasFocus():
            self.displayNull()


def date_edit(tooltip, null_text=None):
    """A date edit that may be empty ('no limit')."""
    edit = OptionalDateEdit()
    edit.setAllowNull(True)
    edit.setNullRepresentation(null_text or tr("no limit"))
    edit.clear()
    edit.setToolTip(tooltip)
    edit.setCalendarPopup(True)
    return edit


def iso_date(edit):
    """``YYYY-MM-DD`` of a date edit, None when empty."""
    if edit.isNull() or not edit.date().isValid():
        return None
    return edit.date().toString("yyyy-MM-dd")


class ResultsTable(QTableWidget):
    """One row per feature of ``layer``; selecting rows selects features and vice versa.

    ``columns`` is a sequence of ``(field name, header)``; ``selectionChangedFids(set)`` is
    emitted for every change, whichever side it came from.
    """

    selectionChangedFids = pyqtSignal(set)

    def __init__(self, columns, parent=None):
        super().__init__(0, len(columns), parent)
        self.layer = None
        self.virtual = {}  # column name -> feature -> value, for columns that are not layer fields
        self.formats = {}  # column name -> value -> text, where the plain text is not the best
        self._syncing = False
        self.set_columns(columns)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.horizontalHeader().setStretchLastSection(True)
        self.setSortingEnabled(True)
        self.itemSelectionChanged.connect(self._rows_selected)

    def set_columns(self, columns, sort_by=None):
        """Show ``columns`` ((field name, header), the longest last: it takes the room that is
        left, so it never pushes the others off screen), sorted by ``sort_by`` (newest first)."""
        self._syncing = True
        self.setRowCount(0)
        self._syncing = False
        self.columns = [name for name, _header in columns]
        self.setColumnCount(len(self.columns))
        self.setHorizontalHeaderLabels([header for _name, header in columns])
        header = self.horizontalHeader()
        for column in range(len(self.columns)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents
                                        if column < len(self.columns) - 1 else QHeaderView.ResizeMode.Stretch)
        if sort_by in self.columns:
            self.sortByColumn(self.columns.index(sort_by), Qt.SortOrder.DescendingOrder)

    def show_layer(self, layer):
        self._disconnect()
        self.layer = layer
        layer.selectionChanged.connect(self._features_selected)
        layer.willBeDeleted.connect(self._layer_deleted)
        self.refresh()

    def refresh(self):
        """Re-read the rows from the layer (after attribute changes); the sort and the selection stay."""
        if self.layer is None:
            return
        self.setSortingEnabled(False)
        self._syncing = True  # emptying the table is not the user unselecting the features
        self.setRowCount(0)
        self._syncing = False
        self._add_rows(self.layer.getFeatures())
        self.setSortingEnabled(True)
        self._features_selected()

    def append_features(self, features):
        """Add rows for ``features`` just added to the layer (a search page): the user's sort and
        selection stay."""
        if self.layer is None:
            return
        self.setSortingEnabled(False)
        self._add_rows(features)
        self.setSortingEnabled(True)
        self._features_selected()

    def _add_rows(self, features):
        row = self.rowCount()
        for feature in features:
            self.insertRow(row)
            for column, name in enumerate(self.columns):
                value = self.virtual[name](feature) if name in self.virtual else feature[name]
                item = SortItem(self.formats[name](value) if name in self.formats else cell_text(value))
                item.setData(ROLE_SORT, sort_key(value))
                if column == 0:
                    item.setData(ROLE_FID, feature.id())
                self.setItem(row, column, item)
            row += 1

    def selected_features(self):
        return self.layer.selectedFeatures() if self.layer is not None else []

    def _disconnect(self):
        if self.layer is None:
            return
        for signal, slot in ((self.layer.selectionChanged, self._features_selected),
                             (self.layer.willBeDeleted, self._layer_deleted)):
            try:
                signal.disconnect(slot)
            except (TypeError, RuntimeError):
                pass

    def _layer_deleted(self):
        self.layer = None
        self.setRowCount(0)
        self.selectionChangedFids.emit(set())

    def _rows_selected(self):
        if self._syncing or self.layer is None:
            return
        fids = {self.item(i.row(), 0).data(ROLE_FID) for i in self.selectionModel().selectedRows()}
        self._syncing = True
        self.layer.selectByIds(list(fids))
        self._syncing = False
        self.selectionChangedFids.emit(fids)

    def _features_selected(self, *_args):
        if self._syncing or self.layer is None:
            return
        self._syncing = True
        self.clearSelection()
        wanted = set(self.layer.selectedFeatureIds())
        mode = self.selectionMode()
        self.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        for row in range(self.rowCount()):
            if self.item(row, 0).data(ROLE_FID) in wanted:
                self.selectRow(row)
        self.setSelectionMode(mode)
        self._syncing = False
        self.selectionChangedFids.emit(wanted)

    def shutdown(self):
        self._disconnect()


class ThumbnailView(QLabel):
    """Shows one image URL without blocking: a background task fetches it (QGIS' proxy settings,
    the request :class:`~..core.http.Deadline`) and decodes it (header checked first, at most
    200 px tall: :func:`~..core.quicklook.fetch_thumbnail`); only the small result reaches the
    main thread. Images are kept in memory for the session."""

    def __init__(self, placeholder, parent=None):
        super().__init__(placeholder, parent)
        self.setTextFormat(Qt.TextFormat.PlainText)  # error texts quote servers
        self.setMinimumHeight(80)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.task = None
        self._cache = {}

    def show_url(self, url, missing_text=""):
        self.abort()
        if not url:
            self.setText(missing_text or tr("No thumbnail for this record."))
            return
        if url in self._cache:
            self.setPixmap(self._cache[url])
            return
        self.setText(tr("Loading thumbnail…"))
        task = WorkTask(tr("EO Order: thumbnail"), lambda task: fetch_thumbnail(url, task.isCanceled))
        task.done.connect(lambda image, error: self._arrived(task, url, image, error))
        self.task = task
        QgsApplication.taskManager().addTask(task)

    def abort(self):
        task, self.task = self.task, None
        if task is not None:
            task.cancel()

    def _arrived(self, task, url, image, error):
        if task is not self.task:
            return  # superseded or aborted
        self.task = None
        if image is None:
            self.setText(tr("The thumbnail could not be loaded ({0}).").format(error or tr("not an image")))
            return
        pixmap = QPixmap.fromImage(image)
        self._cache[url] = pixmap
        self.setPixmap(pixmap)


def cell_text(value):
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return ""
    if hasattr(value, "toString"):  # QDate, QDateTime
        return value.toString("yyyy-MM-dd" if not hasattr(value, "time") else "yyyy-MM-dd HH:mm")
    if isinstance(value, bool):
        return tr("yes") if value else tr("no")
    return str(value)


def push_button(text, tip, slot, enabled=True):
    """A push button with its tooltip, connected to ``slot``."""
    button = QPushButton(text)
    button.setToolTip(tip)
    button.setEnabled(enabled)
    button.clicked.connect(slot)
    return button


def stop_task(task, done_slot):
    """Cancel a running task whose result nobody will take any more (the panel is closing)."""
    if task is None:
        return
    try:
        task.done.disconnect(done_slot)
    except (TypeError, RuntimeError):
        pass
    task.cancel()
