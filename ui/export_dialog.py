"""Export a footprint layer to GeoPackage, GeoJSON, KML, CSV (WKT) or Shapefile: the dialog and
``export_layer_interactively(iface, layer)`` for the dock and the Layers panel's context menu.
The writing itself is ``core.export.export_footprints``."""

import os

from qgis.core import Qgis, QgsVectorLayer
from qgis.gui import QgsFileWidget
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QVBoxLayout,
)

from ..core.errors import EoOrderError
from ..core.export import FORMATS, export_footprints, shapefile_field_names, with_extension
from ..core.names import file_stem
from .messages import folder_link, plain_label, push_message


def tr(text):
    return QCoreApplication.translate("ExportDialog", text)


def format_labels():
    """The formats' names as the user reads them, in FORMATS order."""
    labels = {
        "gpkg": tr("GeoPackage"),
        "geojson": tr("GeoJSON"),
        "kml": tr("KML (Google Earth)"),
        "csv": tr("CSV with WKT geometry"),
        "shp": tr("ESRI Shapefile"),
    }
    return {key: labels.get(key, fmt.label) for key, fmt in FORMATS.items()}


def default_path(layer, fmt="gpkg"):
    """Next to the layer's file when it has one, else in the home folder; named after the layer."""
    source = layer.source().split("|")[0] if layer.providerType() == "ogr" else ""
    folder = os.path.dirname(source) if source and os.path.isfile(source) else os.path.expanduser("~")
    stem = file_stem(layer.name(), "footprints")
    return with_extension(os.path.join(folder, stem), fmt)


class ExportDialog(QDialog):
    """Pick a format, a file and whether only the selection goes; **Export** writes the file and
    closes the dialog, or shows what went wrong and stays open. ``export_result`` holds the
    :class:`~eo_order.core.export.ExportResult` of a successful export."""

    def __init__(self, layer, parent=None):
        super().__init__(parent)
        self.layer = layer
        self.export_result = None
        self.setWindowTitle(tr("Export footprints — {0}").format(layer.name()))
        layout = QVBoxLayout(self)
        form = QFormLayout()

        self.format_combo = QComboBox()
        for key, label in format_labels().items():
            self.format_combo.addItem(label, key)
        self.format_combo.setToolTip(tr("File format. GeoPackage keeps every field and type as they are; "
                                        "Shapefile shortens field names to 10 characters; KML and CSV "
                                        "write dates as ISO text; all are written in WGS 84 (EPSG:4326)."))
        form.addRow(tr("Format"), self.format_combo)

        self.file_widget = QgsFileWidget()
        self.file_widget.setStorageMode(QgsFileWidget.StorageMode.SaveFile)
        self.file_widget.setConfirmOverwrite(True)
        self.file_widget.setDialogTitle(tr("Export footprints to"))
        self.file_widget.setToolTip(tr("The file to write. An existing file of that name is replaced once "
                                       "the export has succeeded; the extension follows the format."))
        self.file_widget.lineEdit().setToolTip(self.file_widget.toolTip())
        self.file_widget.setFilePath(default_path(layer))
        form.addRow(tr("File"), self.file_widget)

        self.selected_check = QCheckBox()
        self.selected_check.setToolTip(tr("Export only the footprints selected on the map or in the table "
                                          "(available when some are selected)"))
        form.addRow(self.selected_check)
        layout.addLayout(form)

        self.note_label = plain_label()
        self.note_label.setWordWrap(True)
        self.note_label.setToolTip(tr("How this format stores the layer's fields"))
        layout.addWidget(self.note_label)

        self.error_label = plain_label()
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.setStyleSheet("color: #c0392b")
        self.error_label.setToolTip(tr("Why the last export failed"))
        self.error_label.hide()
        layout.addWidget(self.error_label)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.export_button.setText(tr("Export"))
        self.export_button.setToolTip(tr("Write the file"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setToolTip(tr("Close without exporting"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.format_combo.currentIndexChanged.connect(self._format_changed)
        self._format_changed()
        self._selection_changed()
        self.selected_check.setChecked(self.selected_check.isEnabled())
        layer.selectionChanged.connect(self._selection_changed)
        self.finished.connect(self._disconnect)
        self.resize(520, self.sizeHint().height())

    # --- state -------------------------------------------------------------------------

    def format_key(self):
        return self.format_combo.currentData()

    def set_format(self, key):
        self.format_combo.setCurrentIndex(self.format_combo.findData(key))

    def file_path(self):
        return self.file_widget.filePath().strip()

    def _format_changed(self, *_):
        key = self.format_key()
        label = self.format_combo.currentText()
        self.file_widget.setFilter(f"{label} (*.{FORMATS[key].extension} *.{FORMATS[key].extension.upper()})")
        if self.file_path():
            self.file_widget.setFilePath(with_extension(self.file_path(), key))
        self.note_label.setText(self._note(key))
        self.note_label.setVisible(bool(self.note_label.text()))
        self._show_error("")

    def _note(self, key):
        names = self.layer.fields().names()
        if key == "shp":
            renamed = [(old, new) for old, new in shapefile_field_names(names).items() if old != new]
            if not renamed:
                return ""
            return tr("Shapefile field names have at most 10 characters: {0}.").format(
                ", ".join(f"{old} → {new}" for old, new in renamed))
        if key == "kml":
            return tr("Dates are written as ISO text; the name or title of each footprint becomes its "
                      "placemark name.")
        if key == "csv":
            return tr("Geometries go to a WKT column; dates are written as ISO text.")
        return ""

    def _selection_changed(self, *_):
        try:
            count = self.layer.selectedFeatureCount()
        except RuntimeError:  # the layer was removed while the dialog is open
            count = 0
        self.selected_check.setText(tr("Selected features only ({0})").format(count))
        self.selected_check.setEnabled(count > 0)
        if count == 0:
            self.selected_check.setChecked(False)

    def _disconnect(self, *_):
        try:
            self.layer.selectionChanged.disconnect(self._selection_changed)
        except (RuntimeError, TypeError):
            pass

    def _show_error(self, text):
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    # --- export ---------------------------------------------------------------------------

    def export(self):
        """Write the file; returns the ExportResult, or None after showing the error in the dialog."""
        self._show_error("")
        key = self.format_key()
        path = self.file_path()
        if path:
            path = with_extension(path, key)
            self.file_widget.setFilePath(path)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = export_footprints(self.layer, path, key, selected_only=self.selected_check.isChecked())
        except EoOrderError as exc:
            self._show_error(str(exc))
            return None
        except RuntimeError:  # the layer's C++ object is gone
            self._show_error(tr("The layer no longer exists: close this dialog."))
            return None
        finally:
            QApplication.restoreOverrideCursor()
        self.export_result = result
        return result

    def accept(self):
        if self.export() is not None:
            super().accept()


def export_layer_interactively(iface, layer):
    """Open the export dialog for ``layer``; on success tell the user where the file went (with a
    link to its folder) in QGIS' message bar. Returns the ExportResult or None."""
    if not isinstance(layer, QgsVectorLayer):
        push_message(iface, tr("Choose a footprint layer to export."),
                     Qgis.MessageLevel.Warning, 8)
        return None
    dialog = ExportDialog(layer, iface.mainWindow())
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.export_result is None:
            return None
        result = dialog.export_result
    finally:
        dialog.deleteLater()
    folder = os.path.dirname(result.path)
    text = tr("Exported {0} footprint(s) to {1}.").format(result.count, result.path)
    push_message(iface, text, Qgis.MessageLevel.Success, 10, folder_link(folder, tr("Show folder")))
    for warning in result.warnings:  # texts the format could not hold whole (Shapefile)
        push_message(iface, warning, Qgis.MessageLevel.Warning, 10)
    return result
