"""Export a footprint layer to a file: GeoPackage, GeoJSON, KML, CSV (WKT geometry) or ESRI Shapefile.

    result = export_footprints(layer, "/data/alps.shp", "shp", selected_only=True)
    result.path, result.count, result.field_map   # field_map: {name in the layer: name in the file}

QGIS' own writer does the work (``QgsVectorFileWriter.writeAsVectorFormatV3``, QGIS ≥ 3.20), so the
files are the ones *Export › Save Features As…* would write, with these decisions:

- **EPSG:4326** always (footprint layers are in it already; KML requires it).
- **Nothing half-written under the final name**: the writer writes ``.<name>.part-<random>.<ext>``
  (and its sidecars) in the target folder; only when it succeeds are the files renamed to the final
  name, the main file last. On failure they are removed. An existing file of that name is replaced
  as a whole (a GeoPackage's other layers too), with the stale sidecars of an old shapefile
  (``.shx .dbf .prj .cpg .qix .sbn .sbx .qpj``) or GeoPackage (``-wal -shm -journal``).
- **Field names** are kept, except:

  * **Shapefile** (at most 10 characters, case-insensitively unique):

    ================  ===========   ================  ===========
    layer             shapefile     layer             shapefile
    ================  ===========   ================  ===========
    collection_id     collect_id    sensing_start     sens_start
    record_type       rec_type      sensing_end       sens_end
    thumbnail_url     thumb_url     cloud_cover       cloud_pct
    quicklook_url     qlook_url     checksum_md5      md5
    ================  ===========   ================  ===========

    Names of 10 characters or fewer stay (``record_id``, ``source_url``, ``product_id``,
    ``size_bytes``, ``downloaded``…). Any other long name is cut to 10 characters (UTF-8 bytes);
    a name already taken gets a numeric suffix (``observatio``, ``observat_1``, ``observat_2``…; a
    cut ending in ``_`` drops it: ``collect_1``), in field order. The mapping is returned as
    ``ExportResult.field_map``.
  * **KML**: the product ``name`` (records: ``title``) is each placemark's ``<name>`` (readers show
    it as ``Name``); the other fields are ``ExtendedData``.

- **Types** (``FIELD_TYPES``): every format keeps texts and numbers. Date-times are ISO 8601 text
  with milliseconds and ``Z`` (``2022-05-03T10:20:31.024Z``) everywhere but in GeoPackage, which
  keeps its DATETIME type exactly as the Processing algorithms write it (QGIS 3.22's writer stores
  whole seconds there, without zone). Dates stay dates in GeoPackage, GeoJSON and Shapefile and are
  ISO text (``2013-03-28``) in KML and CSV. Booleans are true/false in GeoPackage and GeoJSON and
  the integers 1/0 in Shapefile, KML and CSV (the CSV's ``.csvt`` says ``Integer(Boolean)``).
  Shapefile texts are at most 254 bytes: longer values are cut (at a character boundary) and
  counted in ``ExportResult.warnings`` — the export never fails over a long value; 64-bit integers
  get 18 digits so readers see integers again.
"""

import os
import uuid
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence, Tuple, Union

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsField,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import Qt, QVariant

from .errors import EoOrderError, InputError
from .footprints import CRS
from .i18n import translate


def tr(text):
    return translate("EoOrderExport", text)



@dataclass(frozen=True)
class Format:
    key: str
    driver: str
    extension: str  # without the dot
    label: str
    dataset_options: Tuple[str, ...] = ()
    layer_options: Tuple[str, ...] = ()
    sidecars: Tuple[str, ...] = ()  # files next to the main one, as suffixes of its stem ("" + suffix)

    @property
    def filter(self) -> str:
        """A file-dialog filter, e.g. ``GeoPackage (*.gpkg *.GPKG)``."""
        return f"{self.label} (*.{self.extension} *.{self.extension.upper()})"


FORMATS = {
    fmt.key: fmt
    for fmt in (
        Format("gpkg", "GPKG", "gpkg", "GeoPackage", sidecars=(".gpkg-wal", ".gpkg-shm", ".gpkg-journal")),
        Format("geojson", "GeoJSON", "geojson", "GeoJSON"),
        Format("kml", "KML", "kml", "Keyhole Markup Language (KML)"),
        Format("csv", "CSV", "csv", "CSV with WKT geometry",
               layer_options=("GEOMETRY=AS_WKT", "CREATE_CSVT=YES", "SEPARATOR=COMMA"), sidecars=(".csvt",)),
        Format("shp", "ESRI Shapefile", "shp", "ESRI Shapefile",
               sidecars=(".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx", ".qpj")),
    )
}

# How each format stores the types of footprint fields: "native" (the writer's own mapping),
# "iso" (ISO 8601 text), "int" (1/0).
FIELD_TYPES = {
    "gpkg": {"date": "native", "datetime": "native", "bool": "native"},
    "geojson": {"date": "native", "datetime": "iso", "bool": "native"},
    "kml": {"date": "iso", "datetime": "iso", "bool": "int"},
    "csv": {"date": "iso", "datetime": "iso", "bool": "int"},
    "shp": {"date": "native", "datetime": "iso", "bool": "int"},
}

SHAPEFILE_NAMES = {
    "collection_id": "collect_id",
    "record_type": "rec_type",
    "thumbnail_url": "thumb_url",
    "sensing_start": "sens_start",
    "sensing_end": "sens_end",
    "cloud_cover": "cloud_pct",
    "checksum_md5": "md5",
    "quicklook_url": "qlook_url",
}
SHAPEFILE_NAME_BYTES = 10
SHAPEFILE_TEXT_WIDTH = 254
SHAPEFILE_INT64_WIDTH = 18  # wider numbers are read back as reals
KML_NAME_FIELDS = ("name", "title")  # the first one present becomes the placemark's <name>
KML_NAME = "Name"  # how readers call it

# Qt type ids (the same numbers in QVariant::Type and QMetaType::Type, Qt 5 and 6).
_BOOL, _INT, _LONGLONG, _STRING, _DATE, _DATETIME = 1, 2, 4, 10, 14, 16
_ISO_DATETIME_UTC = "yyyy-MM-ddTHH:mm:ss.zzzZ"
_ISO_DATETIME_LOCAL = "yyyy-MM-ddTHH:mm:ss.zzz"


@dataclass
class ExportResult:
    path: str  # the file written (the .shp of a shapefile)
    count: int  # features written
    field_map: Dict[str, str] = field(default_factory=dict)  # {name in the layer: name in the file}
    warnings: List[str] = field(default_factory=list)  # sentences: what the format could not keep (cut texts)


def format_for(fmt: Union[Format, str, None]) -> Format:
    """A :class:`Format` from itself, its key (``"shp"``), its driver or extension."""
    if isinstance(fmt, Format):
        return fmt
    text = str(fmt or "").strip().lstrip(".").lower()
    for candidate in FORMATS.values():
        if text in (candidate.key, candidate.driver.lower(), candidate.extension):
            return candidate
    raise InputError(tr("Unknown export format {0!r}: use one of {1}.").format(fmt, ', '.join(FORMATS)))


def with_extension(path: Optional[str], fmt: Union[Format, str]) -> str:
    """``path`` ending in the format's extension: another format's extension is replaced, any other
    suffix kept (``a.v2`` → ``a.v2.gpkg``)."""
    fmt = format_for(fmt)
    path = str(path or "").strip()
    if not path:
        return path
    root, ext = os.path.splitext(path)
    ext = ext.lstrip(".").lower()
    if ext == fmt.extension:
        return path
    if ext in {f.extension for f in FORMATS.values()}:
        path = root
    return f"{path}.{fmt.extension}"


# --- field names and types ------------------------------------------------------


def _fit(name, size):
    """``name`` cut to ``size`` UTF-8 bytes (never inside a character)."""
    data = name.encode("utf-8")[:size]
    return data.decode("utf-8", errors="ignore")


def shapefile_field_names(names: Sequence[str]) -> Dict[str, str]:
    """{name: shapefile name} for ``names`` in order: at most 10 bytes, case-insensitively unique,
    the known EO Order fields by :data:`SHAPEFILE_NAMES`. Deterministic."""
    result, taken = {}, set()
    # Names that already fit keep them, first come first served…
    for name in names:
        if len(name.encode("utf-8")) <= SHAPEFILE_NAME_BYTES and name.lower() not in taken:
            result[name] = name
            taken.add(name.lower())
    # …then the others get their table name or a cut one, with a suffix when taken.
    for name in names:
        if name in result:
            continue
        base = SHAPEFILE_NAMES.get(name) or _fit(name, SHAPEFILE_NAME_BYTES)
        candidate, number = base, 0
        while candidate.lower() in taken:
            number += 1
            suffix = f"_{number}"
            candidate = _fit(base, SHAPEFILE_NAME_BYTES - len(suffix)).rstrip("_") + suffix
        result[name] = candidate
        taken.add(candidate.lower())
    return {name: result[name] for name in names}


def _type_id(qgs_field):
    kind = qgs_field.type()
    return int(getattr(kind, "value", kind))


def _qt_type(name):
    """A field type for ``QgsField.setType`` on this QGIS: QMetaType.Type from 3.38, else QVariant.Type."""
    if Qgis.QGIS_VERSION_INT >= 33800:
        from qgis.PyQt.QtCore import QMetaType

        return getattr(QMetaType.Type, {"String": "QString"}.get(name, name))
    return getattr(QVariant, name)


def _is_null(value):
    return value is None or (isinstance(value, QVariant) and value.isNull())


def iso_datetime(value):
    """ISO 8601 text of a QDateTime: UTC with ``Z`` when its zone is known, else as it is."""
    if value is None or not hasattr(value, "timeSpec") or not value.isValid():
        return None
    if value.timeSpec() == Qt.TimeSpec.LocalTime:
        return value.toString(_ISO_DATETIME_LOCAL)
    return value.toUTC().toString(_ISO_DATETIME_UTC)


def iso_date(value):
    if value is None or not hasattr(value, "toString") or not value.isValid():
        return None
    return value.toString("yyyy-MM-dd")


def _to_int(value):
    return int(bool(value))


class _TextCutter:
    """Cut a text to the Shapefile's 254 bytes (UTF-8, never inside a character), counting the cuts
    in ``counts[name]`` (shared by the writer's clones of the converter)."""

    def __init__(self, name, counts):
        self.name = name
        self.counts = counts
        counts.setdefault(name, 0)

    def __call__(self, value):
        text = str(value)
        if len(text) * 4 <= SHAPEFILE_TEXT_WIDTH or len(text.encode("utf-8")) <= SHAPEFILE_TEXT_WIDTH:
            return text
        self.counts[self.name] += 1
        return _fit(text, SHAPEFILE_TEXT_WIDTH)


def _retype(out, type_name, length, convert):
    """Make ``out`` a field of ``type_name`` and ``length``; returns the value converter."""
    out.setType(_qt_type(type_name))
    out.setTypeName("")
    out.setLength(length)
    out.setPrecision(0)
    return convert


def _plan(fields, fmt, kml_name=None):
    """For each field: (output QgsField, value converter or None), and the name map."""
    kinds = FIELD_TYPES[fmt.key]
    names = [f.name() for f in fields]
    cut_counts = {}
    if fmt.key == "shp":
        field_map = shapefile_field_names(names)
    else:
        field_map = {name: name for name in names}
        if kml_name:
            field_map[kml_name] = KML_NAME
    plan = []
    for qgs_field in fields:
        out = QgsField(qgs_field)
        if fmt.key == "shp":
            out.setName(field_map[qgs_field.name()])
        kind = _type_id(qgs_field)
        convert = None
        if kind == _DATETIME and kinds["datetime"] == "iso":
            convert = _retype(out, "String", 24, iso_datetime)
        elif kind == _DATE and kinds["date"] == "iso":
            convert = _retype(out, "String", 10, iso_date)
        elif kind == _BOOL and kinds["bool"] == "int":
            convert = _retype(out, "Int", 1, _to_int)
        elif fmt.key == "shp" and kind == _STRING:
            out.setLength(SHAPEFILE_TEXT_WIDTH)
            convert = _TextCutter(qgs_field.name(), cut_counts)
        elif fmt.key == "shp" and kind == _LONGLONG and not 0 < out.length() <= SHAPEFILE_INT64_WIDTH:
            out.setLength(SHAPEFILE_INT64_WIDTH)
        plan.append((out, convert))
    return plan, field_map, cut_counts


class _Converter(QgsVectorFileWriter.FieldValueConverter):
    """Renames fields and converts values as :func:`_plan` says (the writer's own override)."""

    def __init__(self, layer_fields, plan):
        super().__init__()
        self._fields = layer_fields
        self._plan = plan
        self._by_name = {f.name(): index for index, f in enumerate(layer_fields)}

    def fieldDefinition(self, qgs_field):
        index = self._by_name.get(qgs_field.name())
        return QgsField(qgs_field) if index is None else QgsField(self._plan[index][0])

    def convert(self, index, value):
        convert = self._plan[index][1] if 0 <= index < len(self._plan) else None
        if convert is None:
            return value
        if _is_null(value):
            return QVariant()
        converted = convert(value)
        return QVariant() if converted is None else converted

    def clone(self):
        return _Converter(self._fields, self._plan)


# --- files --------------------------------------------------------------------------


def _check_target(path):
    if not path:
        raise InputError(tr("Choose the file to export to."))
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.exists(folder):
        raise InputError(tr("The folder {0} does not exist: choose an existing folder.").format(folder))
    if not os.path.isdir(folder):
        raise InputError(tr("{0} is a file, not a folder: choose a folder to export into.").format(folder))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise InputError(tr(
            "You cannot write into the folder {0} (permission denied): choose another folder.").format(folder))
    if os.path.isdir(path):
        raise InputError(tr("{0} is a folder: choose a file name.").format(path))
    return folder


def _family(folder, stem):
    """Files in ``folder`` named ``stem.<anything>`` (a dataset and its sidecars)."""
    prefix = stem + "."
    try:
        return sorted(name for name in os.listdir(folder) if name.startswith(prefix))
    except OSError:
        return []


def _remove_quietly(paths):
    for path in paths:
        try:
            os.remove(path)
        except OSError:
            pass


def _move_into_place(folder, temp_stem, final_path, fmt):
    """Rename the temporary dataset's files to the final name (main file last); stale sidecars of
    an older dataset of that name go first."""
    final_stem = os.path.splitext(os.path.basename(final_path))[0]
    temp_files = _family(folder, temp_stem)
    main_suffix = "." + fmt.extension
    _remove_quietly(os.path.join(folder, final_stem + suffix) for suffix in fmt.sidecars)
    moves = [(name, final_stem + name[len(temp_stem):]) for name in temp_files]
    moves.sort(key=lambda move: move[0][len(temp_stem):].lower() == main_suffix)  # main file last
    done = []
    try:
        for source, target in moves:
            os.replace(os.path.join(folder, source), os.path.join(folder, target))
            done.append(target)
    except OSError as exc:
        _remove_quietly(os.path.join(folder, name) for name in _family(folder, temp_stem))
        _remove_quietly(os.path.join(folder, name) for name in done)
        raise EoOrderError(tr(
            "Could not save {0}: {1}. Close programs that use the file (or remove the layer from QGIS) and export "
            "again.").format(final_path, exc.strerror or exc)) from None


def _writer_crs_options(options, layer, transform_context):
    wgs84 = QgsCoordinateReferenceSystem(CRS)
    crs = layer.crs()
    if not crs.isValid():
        raise InputError(tr(
            "The layer {0!r} has no coordinate reference system: set it (Layer Properties › Source) and "
            "export again.").format(
            layer.name()))
    if crs != wgs84:
        options.ct = QgsCoordinateTransform(crs, wgs84, transform_context)


def export_footprints(layer: QgsVectorLayer, path: Optional[str], fmt: Union[Format, str], selected_only: bool = False,
                      transform_context: Any = None) -> ExportResult:
    """Write ``layer`` (all features, or only the selected ones) to ``path`` in ``fmt`` (a key of
    :data:`FORMATS` or a :class:`Format`), in EPSG:4326. Returns an :class:`ExportResult`; raises
    :class:`InputError` / :class:`EoOrderError` with a message fit for the user."""
    fmt = format_for(fmt)
    if layer is None or not layer.isValid() or not hasattr(layer, "fields"):
        raise InputError(tr("Choose a valid vector layer to export."))
    path = with_extension(os.path.expanduser(str(path or "").strip()), fmt) if str(path or "").strip() else ""
    folder = _check_target(path)
    path = os.path.abspath(path)
    if selected_only:
        count = layer.selectedFeatureCount()
        if count == 0:
            raise InputError(tr(
                "No feature of the layer {0!r} is selected: select footprints, or export all features.").format(
                layer.name()))
    else:
        count = layer.featureCount()
    if transform_context is None:
        transform_context = QgsProject.instance().transformContext()

    final_stem = os.path.splitext(os.path.basename(path))[0]
    temp_stem = f".{final_stem}.part-{uuid.uuid4().hex[:8]}"
    temp_path = os.path.join(folder, temp_stem + "." + fmt.extension)

    fields = layer.fields()
    names = fields.names()
    kml_name = next((n for n in KML_NAME_FIELDS if n in names), None) if fmt.key == "kml" else None
    plan, field_map, cut_counts = _plan(fields, fmt, kml_name)
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = fmt.driver
    options.layerName = final_stem
    options.fileEncoding = "UTF-8"
    options.onlySelectedFeatures = bool(selected_only)
    options.datasourceOptions = list(fmt.dataset_options) + (
        [f"NameField={kml_name}"] if fmt.key == "kml" and kml_name else [])
    options.layerOptions = list(fmt.layer_options)
    converter = _Converter(fields, plan)
    options.fieldValueConverter = converter
    _writer_crs_options(options, layer, transform_context)

    try:
        result = QgsVectorFileWriter.writeAsVectorFormatV3(layer, temp_path, transform_context, options)
    except Exception as exc:  # the bindings document no exception: report whatever comes as a writer error
        result = (QgsVectorFileWriter.WriterError.ErrCreateDataSource, str(exc))
    error, message = result[0], result[1]
    if error != QgsVectorFileWriter.WriterError.NoError:
        _remove_quietly(os.path.join(folder, name) for name in _family(folder, temp_stem))
        detail = (message or "").strip() or tr("error {0}").format(int(getattr(error, "value", error)))
        raise EoOrderError(tr("Could not write {0} ({1}): {2}").format(path, fmt.label, detail))
    _move_into_place(folder, temp_stem, path, fmt)
    warnings = [tr("{0} value(s) of {1!r} were longer than the {2} bytes a Shapefile text holds and were cut; "
                   "export to GeoPackage to keep them whole.").format(n, name, SHAPEFILE_TEXT_WIDTH)
                for name, n in cut_counts.items() if n]
    return ExportResult(path, count, field_map, warnings)
