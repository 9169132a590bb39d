"""core/export.py: footprint layers of both kinds to the five formats, read back with QGIS/OGR; the
dock path (memory layer → export) against the Processing path (feature sink) file for file."""

import datetime as dt
import os
import sqlite3
import stat

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant

from eo_order.core.cdse_search import CdseCatalogue, CdseQuery, Product
from eo_order.core.csw import CswClient, Profile
from eo_order.core.errors import EoOrderError, InputError
from eo_order.core.export import FORMATS, export_footprints, shapefile_field_names, with_extension
from eo_order.core.footprints import (
    PRODUCT_FIELD_SPEC,
    features_from_products,
    features_from_records,
    footprint_layer,
)
from eo_order.core.models import BBox, Record, SearchQuery

UTC = dt.timezone.utc
CATALOG = "https://www.eodms-sgdot.nrcan-rncan.gc.ca/MetaManagerCSW/csw/eodms_catalog"


def make_records():
    thumb = "https://www.eodms-sgdot.nrcan-rncan.gc.ca/wes/getObject?FeatureID=a&ObjectType=Thumbview&collectionId="
    records = [
        Record("5001", title="Radarsat-2 « Île d'Orléans », été", type="dataset", subjects=["kw, kw2", "F2"],
               format="GeoTIFF", date="2013-03-28", references={"THUMBVIEW": [thumb + "Radarsat2"]},
               source="https://example.org/src?a=1&b=2", bbox=(-71.2, 46.8, -70.8, 47.0),
               collection_id="Radarsat2"),
        Record("5002", title='Quoted "title", with a comma', type="dataset", subjects=["S7"], format="HDF",
               date="2011-01-15T10:20:00Z", references={"THUMBVIEW": [thumb + "Radarsat1"]},
               bbox=(-76.123456789, 45.0, -75.5, 45.4), collection_id="Radarsat1"),
        Record("5003", title="No date", type="service", bbox=(-120.0, 49.0, -119.0, 50.0), collection_id="RCM"),
    ]
    return features_from_records(records, CATALOG)


def make_product_features():
    products = [
        Product("8a1c0f52-0000-4000-8000-000000000001", name="S2A_MSIL1C_20220503T101621_N0400_R065.SAFE",
                collection="SENTINEL-2", sensing_start=dt.datetime(2022, 5, 3, 10, 16, 21, 24000, tzinfo=UTC),
                sensing_end=dt.datetime(2022, 5, 3, 10, 16, 46, 500000, tzinfo=UTC), cloud_cover=12.5,
                online=True, size_bytes=812_345_678_901, checksum_md5="0123456789abcdef0123456789abcdef",
                footprint_wkt="POLYGON((5.9 45.8, 10.5 45.8, 10.5 47.8, 5.9 47.8, 5.9 45.8))",
                quicklook_url="https://catalogue.dataspace.copernicus.eu/odata/v1/Assets(1)/$value"),
        Product("8a1c0f52-0000-4000-8000-000000000002", name="S1A_IW_GRDH_1SDV_20220504T053000.SAFE",
                collection="SENTINEL-1", sensing_start=dt.datetime(2022, 5, 4, 5, 30, tzinfo=UTC),
                sensing_end=dt.datetime(2022, 5, 4, 5, 30, 25, tzinfo=UTC), cloud_cover=None, online=False,
                size_bytes=1024, checksum_md5=None,
                footprint_wkt="MULTIPOLYGON(((6 46, 7 46, 7 47, 6 46)), ((8.25 46.125, 9 46, 9 47, 8.25 46.125)))"),
    ]
    return features_from_products(products, downloaded_ids={products[1].product_id})


@pytest.fixture
def records_layer(qgis_new_project):
    return footprint_layer("records", make_records(), kind="records")


@pytest.fixture
def products_layer(qgis_new_project):
    return footprint_layer("products", make_product_features(), kind="products")


# --- what a value should look like once written -------------------------------------------------


def plain(value):
    """A comparable Python value of an attribute (NULL → None, Qt dates → ISO text)."""
    if value is None or (isinstance(value, QVariant) and value.isNull()):
        return None
    if hasattr(value, "toPyDateTime"):
        return value.toString("yyyy-MM-ddTHH:mm:ss.zzz")
    if hasattr(value, "toPyDate"):
        return value.toString("yyyy-MM-dd")
    return value


def expected_value(key, qgs_field, value):
    """The documented mappings: ISO text, whole seconds in GeoPackage, booleans as 1/0."""
    kind = qgs_field.type()
    value = None if value is None or (isinstance(value, QVariant) and value.isNull()) else value
    if value is None:
        return None
    if kind == QVariant.DateTime:
        if key == "gpkg":  # QGIS 3.22's writer: whole seconds, no zone (Processing writes the same)
            return value.toString("yyyy-MM-ddTHH:mm:ss") + ".000"
        if key == "geojson":  # ISO text with Z, read back by OGR as a date-time
            return value.toString("yyyy-MM-ddTHH:mm:ss.zzz")
        return value.toString("yyyy-MM-ddTHH:mm:ss.zzz") + "Z"
    if kind == QVariant.Date:
        return value.toString("yyyy-MM-dd")
    if kind == QVariant.Bool:
        return bool(value) if key in ("gpkg", "geojson") else int(bool(value))
    return value


def same(actual, expected):
    if isinstance(expected, float) or isinstance(actual, float):
        return actual is not None and expected is not None and actual == pytest.approx(expected, rel=1e-12)
    if isinstance(expected, str) or isinstance(actual, str):
        return (actual or "") == (expected or "")  # dBase/CSV/KML do not tell '' from NULL
    return actual == expected


def read_back(path):
    layer = QgsVectorLayer(path, "back", "ogr")
    assert layer.isValid(), path
    return layer


# --- the five formats × the two kinds --------------------------------------------------------------


@pytest.mark.parametrize("kind", ["records", "products"])
@pytest.mark.parametrize("key", list(FORMATS))
def test_every_format_round_trips_features_geometries_and_values(key, kind, records_layer, products_layer, tmp_path):
    layer = records_layer if kind == "records" else products_layer
    id_field = "record_id" if kind == "records" else "product_id"
    result = export_footprints(layer, tmp_path / f"footprints.{FORMATS[key].extension}", key)

    assert result.path == str(tmp_path / f"footprints.{FORMATS[key].extension}")
    assert result.count == layer.featureCount() > 0
    back = read_back(result.path)
    assert back.crs().authid() == "EPSG:4326"
    assert back.featureCount() == layer.featureCount()
    names = back.fields().names()
    assert set(result.field_map) == set(layer.fields().names())
    assert all(result.field_map[n] in names for n in layer.fields().names())
    if key == "shp":
        assert all(len(n.encode()) <= 10 for n in names)
        assert len({n.lower() for n in names}) == len(names)
    elif key == "kml":
        assert result.field_map == {**{n: n for n in layer.fields().names()},
                                    ("title" if kind == "records" else "name"): "Name"}
    else:
        assert result.field_map == {n: n for n in layer.fields().names()}

    written = {f[result.field_map[id_field]]: f for f in back.getFeatures()}
    for original in layer.getFeatures():
        copy = written[original[id_field]]
        assert copy.geometry().hausdorffDistance(original.geometry()) < 1e-9, original[id_field]
        assert copy.geometry().area() == pytest.approx(original.geometry().area(), rel=1e-9)
        for qgs_field in layer.fields():
            want = expected_value(key, qgs_field, original[qgs_field.name()])
            got = plain(copy[result.field_map[qgs_field.name()]])
            assert same(got, want), (qgs_field.name(), got, want)


def test_geojson_keeps_milliseconds_and_utc_and_native_booleans(products_layer, tmp_path):
    result = export_footprints(products_layer, tmp_path / "p.geojson", "geojson")
    text = open(result.path, encoding="utf-8").read()
    assert '"sensing_start": "2022-05-03T10:16:21.024Z"' in text
    assert '"sensing_end": "2022-05-03T10:16:46.500Z"' in text
    assert '"online": true' in text and '"downloaded": false' in text


def test_csv_has_a_wkt_column_iso_dates_and_a_csvt(records_layer, tmp_path):
    result = export_footprints(records_layer, tmp_path / "r.csv", "csv")
    lines = open(result.path, encoding="utf-8").read().splitlines()
    assert lines[0].startswith("WKT,record_id,collection_id,title,acquired,")
    assert any('"MULTIPOLYGON (((-71.2 46.8,' in line and ",2013-03-28," in line for line in lines[1:])
    assert open(tmp_path / "r.csvt").read().startswith("WKT,String,String,String,String(10)")


def test_shapefile_names_are_the_documented_short_names(records_layer, products_layer, tmp_path):
    records = export_footprints(records_layer, tmp_path / "r.shp", "shp").field_map
    products = export_footprints(products_layer, tmp_path / "p.shp", "shp").field_map
    assert records == {"record_id": "record_id", "collection_id": "collect_id", "title": "title",
                       "acquired": "acquired", "beam_mode": "beam_mode", "format": "format",
                       "record_type": "rec_type", "thumbnail_url": "thumb_url", "source_url": "source_url",
                       "catalog": "catalog"}
    assert products == {"product_id": "product_id", "name": "name", "collection": "collection",
                        "sensing_start": "sens_start", "sensing_end": "sens_end", "cloud_cover": "cloud_pct",
                        "online": "online", "size_bytes": "size_bytes", "checksum_md5": "md5",
                        "downloaded": "downloaded", "quicklook_url": "qlook_url"}
    assert sorted(os.listdir(tmp_path)) == sorted(f"{s}.{e}" for s in "rp" for e in ("shp", "shx", "dbf", "prj", "cpg"))
    back = read_back(str(tmp_path / "p.shp"))
    types = {f.name(): f.typeName() for f in back.fields()}
    assert types["sens_start"] == "String" and types["online"] == "Integer" and types["size_bytes"] == "Integer64"


def test_unknown_long_names_are_cut_and_numbered_deterministically():
    names = ["observation_a", "observation_b", "observatio", "collection_id", "collect_id", "Ünïcödé_näme"]
    mapping = shapefile_field_names(names)
    assert mapping == {"observation_a": "observat_1", "observation_b": "observat_2", "observatio": "observatio",
                       "collection_id": "collect_1", "collect_id": "collect_id", "Ünïcödé_näme": "Ünïcöd"}
    assert shapefile_field_names(names) == mapping
    assert all(len(n.encode()) <= 10 for n in mapping.values())


def test_unknown_fields_survive_a_shapefile_with_their_mapped_names(qgis_new_project, tmp_path):
    layer = QgsVectorLayer("Polygon?crs=EPSG:4326&field=observation_a:string(20)&field=observation_b:integer"
                           "&field=OBSERVATIO:string(5)", "x", "memory")
    feature = QgsFeature(layer.fields())
    feature.setGeometry(QgsGeometry.fromWkt("POLYGON((0 0, 1 0, 1 1, 0 0))"))
    feature.setAttributes(["a", 7, "c"])
    layer.dataProvider().addFeatures([feature])
    result = export_footprints(layer, tmp_path / "x.shp", "shp")
    assert result.field_map == {"observation_a": "observat_1", "observation_b": "observat_2",
                                "OBSERVATIO": "OBSERVATIO"}
    copy = next(read_back(result.path).getFeatures())
    assert (copy["observat_1"], copy["observat_2"], copy["OBSERVATIO"]) == ("a", 7, "c")


# --- selection, CRS, file names ----------------------------------------------------------------


def test_selected_only_writes_the_selection(products_layer, tmp_path):
    chosen = next(f for f in products_layer.getFeatures() if f["collection"] == "SENTINEL-1")
    products_layer.selectByIds([chosen.id()])
    result = export_footprints(products_layer, tmp_path / "sel.gpkg", "gpkg", selected_only=True)
    assert result.count == 1
    assert [f["product_id"] for f in read_back(result.path).getFeatures()] == [chosen["product_id"]]


def test_selected_only_without_a_selection_is_a_clear_error(records_layer, tmp_path):
    with pytest.raises(InputError, match="No feature of the layer 'records' is selected"):
        export_footprints(records_layer, tmp_path / "sel.kml", "kml", selected_only=True)
    assert os.listdir(tmp_path) == []


def test_a_layer_in_another_crs_is_written_in_wgs84(qgis_new_project, tmp_path):
    mercator = QgsCoordinateReferenceSystem("EPSG:3857")
    layer = QgsVectorLayer("Polygon?crs=EPSG:3857&field=record_id:string", "m", "memory")
    to_merc = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), mercator, QgsProject.instance())
    geometry = QgsGeometry.fromWkt("POLYGON((-76 45, -75 45, -75 46, -76 46, -76 45))")
    geometry.transform(to_merc)
    feature = QgsFeature(layer.fields())
    feature.setGeometry(geometry)
    feature.setAttributes(["1"])
    layer.dataProvider().addFeatures([feature])
    back = read_back(export_footprints(layer, tmp_path / "m.kml", "kml").path)
    box = next(back.getFeatures()).geometry().boundingBox()
    assert (box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum()) == pytest.approx((-76, 45, -75, 46))


def test_the_extension_follows_the_format():
    assert with_extension("/d/a.gpkg", "shp") == "/d/a.shp"
    assert with_extension("/d/a", "geojson") == "/d/a.geojson"
    assert with_extension("/d/a.v2", "csv") == "/d/a.v2.csv"
    assert with_extension("/d/a.KML", "kml") == "/d/a.KML"


def test_an_unknown_format_is_a_clear_error(records_layer, tmp_path):
    with pytest.raises(InputError, match="Unknown export format 'xlsx'"):
        export_footprints(records_layer, tmp_path / "a.xlsx", "xlsx")


# --- failures leave nothing behind -----------------------------------------------------------


def test_a_folder_that_is_a_file_is_a_clear_error(records_layer, tmp_path):
    (tmp_path / "notes.txt").write_text("x")
    with pytest.raises(InputError, match="notes.txt is a file, not a folder"):
        export_footprints(records_layer, tmp_path / "notes.txt" / "out.gpkg", "gpkg")
    assert os.listdir(tmp_path) == ["notes.txt"]


def test_a_missing_folder_is_a_clear_error(records_layer, tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        export_footprints(records_layer, tmp_path / "nowhere" / "out.shp", "shp")
    assert os.listdir(tmp_path) == []


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder_is_a_clear_error(records_layer, tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        with pytest.raises(InputError, match="You cannot write into the folder"):
            export_footprints(records_layer, folder / "out.gpkg", "gpkg")
        assert os.listdir(folder) == []
    finally:
        folder.chmod(stat.S_IRWXU)


def fid_text_layer():
    """GeoPackage refuses a text field called fid: a real writer error."""
    layer = QgsVectorLayer("Polygon?crs=EPSG:4326&field=fid:string&field=record_id:string", "bad", "memory")
    feature = QgsFeature(layer.fields())
    feature.setGeometry(QgsGeometry.fromWkt("POLYGON((0 0, 1 0, 1 1, 0 0))"))
    feature.setAttributes(["a", "1"])
    layer.dataProvider().addFeatures([feature])
    return layer


def test_a_writer_error_is_reported_and_leaves_no_file(qgis_new_project, tmp_path):
    with pytest.raises(EoOrderError, match=r"Could not write .*bad\.gpkg \(GeoPackage\): .*Wrong field type for fid"):
        export_footprints(fid_text_layer(), tmp_path / "bad.gpkg", "gpkg")
    assert os.listdir(tmp_path) == []


def test_a_failed_export_keeps_the_previous_file(records_layer, tmp_path):
    target = tmp_path / "keep.gpkg"
    export_footprints(records_layer, target, "gpkg")
    before = target.read_bytes()
    with pytest.raises(EoOrderError):
        export_footprints(fid_text_layer(), target, "gpkg")
    assert target.read_bytes() == before
    assert os.listdir(tmp_path) == ["keep.gpkg"]


def test_a_new_shapefile_replaces_an_old_one_and_its_stale_index(records_layer, products_layer, tmp_path):
    export_footprints(products_layer, tmp_path / "fp.shp", "shp")
    (tmp_path / "fp.qix").write_bytes(b"stale spatial index")
    (tmp_path / "fp.qml").write_text("<qgis/>")  # the user's style is not ours to delete
    result = export_footprints(records_layer, tmp_path / "fp.shp", "shp")
    assert sorted(os.listdir(tmp_path)) == ["fp.cpg", "fp.dbf", "fp.prj", "fp.qml", "fp.shp", "fp.shx"]
    back = read_back(result.path)
    assert back.featureCount() == 3 and "record_id" in back.fields().names()


# --- the dock path and the Processing path write the same file ---------------------------------


def gpkg_tables(path):
    """Everything a reader sees of a GeoPackage layer: schema, rows (geometry blobs included),
    the layer's registration (minus its timestamp)."""
    with sqlite3.connect(path) as db:
        (table,) = db.execute("SELECT table_name FROM gpkg_contents").fetchone()
        return {
            "schema": db.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0],
            "rows": db.execute(f'SELECT * FROM "{table}" ORDER BY fid').fetchall(),
            "contents": db.execute("SELECT table_name, data_type, identifier, description, min_x, min_y, max_x, "
                                   "max_y, srs_id FROM gpkg_contents").fetchall(),
            "geometry": db.execute("SELECT * FROM gpkg_geometry_columns").fetchall(),
            "extensions": db.execute("SELECT table_name, column_name, extension_name FROM gpkg_extensions "
                                     "ORDER BY 1, 2, 3").fetchall(),
        }


def test_processing_and_export_write_identical_geopackages_of_products(provider, qgis_new_project, tmp_path):
    from qgis import processing

    from tests.servers.cdse import CdseServer, make_products

    entries = make_products(5, start="2022-05-02T00:00:00.250Z", cloud=[10, None, 35.75], online=[True, False],
                            size=[2**33 + 1, 0], tag="x")
    (tmp_path / "processing").mkdir()
    (tmp_path / "dock").mkdir()
    with CdseServer(entries) as server:
        result = processing.run("eo_order:search_cdse", {
            "COLLECTION": 1, "EXTENT": "6,10,46,47 [EPSG:4326]", "START_DATE": "2022-05-01",
            "END_DATE": "2022-05-03", "ODATA_URL": server.url,
            "OUTPUT": str(tmp_path / "processing" / "alps.gpkg"), "OUTPUT_LOG": str(tmp_path / "q.log")})
        products = CdseCatalogue(server.url).search(CdseQuery(
            "SENTINEL-2", "POLYGON((6 46, 10 46, 10 47, 6 47, 6 46))", "2022-05-01", "2022-05-03"))
    assert len(products) == 5
    layer = footprint_layer("alps", features_from_products(products), kind="products")
    exported = export_footprints(layer, tmp_path / "dock" / "alps.gpkg", "gpkg")

    ours, theirs = gpkg_tables(exported.path), gpkg_tables(result["OUTPUT"])
    assert ours == theirs
    assert read_back(exported.path).fields().names()[1:] == [spec[0] for spec in PRODUCT_FIELD_SPEC]  # after fid


def test_processing_and_export_write_identical_geopackages_of_records(provider, qgis_new_project, tmp_path):
    from qgis import processing

    from tools.pycsw_server import PycswServer
    from tools.sample_records import make_record

    inside = (-76.2, 45.0, -75.5, 45.4)
    xml = [make_record(str(100 + i), f"2012-01-{i + 1:02d}", inside, crs="crs84", beam_mode=f"S{i + 1}")
           for i in range(4)]
    (tmp_path / "processing").mkdir()
    (tmp_path / "dock").mkdir()
    with PycswServer(xml, tmp_path / "pycsw", maxrecords=10) as csw:
        result = processing.run("eo_order:search_csw", {
            "CATALOG": csw.url, "PROFILE": 2, "EXTENT": "-77,-75,44.5,46 [EPSG:4326]",
            "OUTPUT": str(tmp_path / "processing" / "ottawa.gpkg")})
        found = CswClient(csw.url, Profile.GENERIC).search(SearchQuery(BBox(-77, 44.5, -75, 46)))
    layer = footprint_layer("ottawa", features_from_records(found.records, csw.url), kind="records")
    exported = export_footprints(layer, tmp_path / "dock" / "ottawa.gpkg", "gpkg")
    ours, theirs = gpkg_tables(exported.path), gpkg_tables(result["OUTPUT"])
    assert len(ours["rows"]) == 4
    assert ours == theirs


LONG_ID = "earth_observation_archive:Cosmo Skymed stripmap acquisitions 2019"  # 65 characters
DCMI_DATASET = "http://purl.org/dc/dcmitype/Dataset"  # 35 characters


@pytest.fixture
def long_values_layer(qgis_new_project):
    records = [Record(LONG_ID, title="é" * 300, type=DCMI_DATASET, date="2019-05-01", bbox=(7.5, 36.0, 18.5, 44.5)),
               Record("short", title="Short", type="dataset")]  # no box: a feature without geometry
    return footprint_layer("long", features_from_records(records, CATALOG))


@pytest.mark.parametrize("key", ["gpkg", "geojson", "kml", "csv"])
def test_long_values_are_written_whole(key, long_values_layer, tmp_path):
    result = export_footprints(long_values_layer, tmp_path / f"long.{key}", key)
    assert result.warnings == []
    layer = QgsVectorLayer(result.path, "back", "ogr")
    values = {f["record_id"]: f for f in layer.getFeatures()}
    assert set(values) == {LONG_ID, "short"}
    assert values[LONG_ID]["Name" if key == "kml" else "title"] == "é" * 300  # KML: the placemark's name
    assert values[LONG_ID]["record_type"] == DCMI_DATASET


def test_a_shapefile_cuts_long_texts_with_a_warning_and_never_fails(long_values_layer, tmp_path):
    result = export_footprints(long_values_layer, tmp_path / "long.shp", "shp")
    assert result.count == 2
    assert result.warnings == ["1 value(s) of 'title' were longer than the 254 bytes a Shapefile text holds and "
                               "were cut; export to GeoPackage to keep them whole."]
    layer = QgsVectorLayer(result.path, "back", "ogr")
    values = {f["record_id"]: f for f in layer.getFeatures()}
    assert values[LONG_ID]["title"] == "é" * 127  # 254 bytes of UTF-8, cut between characters
    assert values[LONG_ID]["rec_type"] == DCMI_DATASET
