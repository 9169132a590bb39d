"""eo_order:download_cdse through QGIS Processing against the local CDSE identity/download fakes."""

import hashlib
import os

import pytest
from qgis.core import (
    NULL,
    QgsCoordinateTransformContext,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

from eo_order.core.cdse_download import product_filename
from eo_order.core.cdse_search import CdseQuery
from eo_order.core.cdse_search import Product as CatalogueProduct
from eo_order.core.footprints import features_from_products, new_footprint_layer
from eo_order.core.querylog import read_query_log, write_query_log
from tests.servers.cdse_download import (
    PASSWORD,
    USERNAME,
    Content,
    DownloadServer,
    FakeClock,
    IdentityServer,
    Product,
)

KiB = 1024
ALPS = ((5.9, 45.8), (10.5, 45.8), (10.5, 47.8), (5.9, 47.8), (5.9, 45.8))
QUERY = CdseQuery("SENTINEL-2", ALPS, "2024-01-01", "2024-01-02")


@pytest.fixture
def cdse():
    clock = FakeClock()
    identity = IdentityServer(clock=clock)
    download = DownloadServer(identity, [])
    yield identity, download
    download.stop()
    identity.stop()


def add(download, name, size, *faults):
    return download.add(Product(name, Content.random(size, seed=size), faults))


def write_log(path, products):
    rows = [{"Id": p.id, "Name": p.name, "Checksum": p.checksum, "Online": "offline" not in p.faults,
             "Downloaded": False} for p in products]
    return str(write_query_log(path, QUERY, rows))


class Feedback(QgsProcessingFeedback):
    """Collects what the algorithm tells the user."""

    def __init__(self):
        super().__init__()
        self.infos, self.warnings = [], []

    def pushInfo(self, info):
        self.infos.append(info)

    def pushWarning(self, warning):
        self.warnings.append(warning)


def run(params, feedback=None):
    from qgis import processing

    return processing.run("eo_order:download_cdse", params, feedback=feedback)


def base_params(identity, download, folder, **params):
    return {"OUTPUT_FOLDER": str(folder), "TOKEN_URL": identity.token_url, "DOWNLOAD_URL": download.products_url,
            "OUTPUT": "memory:", **params}


def rows_of(result):
    return {f["product_id"]: f for f in result["OUTPUT"].getFeatures()}


def md5_of(path):
    return hashlib.md5(open(path, "rb").read()).hexdigest()


def gets(download, product):
    return len(download.requests_for(product.id))


@pytest.fixture
def log_batch(cdse, tmp_path, make_authcfg):
    """A query log of four products: clean, rate-limited once, offline, wrong catalogue MD5."""
    identity, download = cdse
    products = [add(download, "S2A_MSIL1C_20240101T100000_T33UUP.SAFE", 200 * KiB),
                add(download, "S2A_429.SAFE", 150 * KiB + 1, "429-once"),
                add(download, "S2B_offline.SAFE", 100 * KiB + 2, "offline"),
                add(download, "S2B_wrong_checksum.SAFE", 120 * KiB + 3, "wrong-checksum")]
    log = write_log(tmp_path / "query.log", products)
    authcfg = make_authcfg(USERNAME, PASSWORD, name="CDSE test")
    params = base_params(identity, download, tmp_path / "products", INPUT_LOG=log, AUTHCFG=authcfg)
    return identity, download, products, log, params


def test_download_from_a_query_log(provider, log_batch, tmp_path):
    identity, download, (clean, limited, offline, wrong), log, params = log_batch
    feedback = Feedback()
    result = run(params, feedback)
    folder = tmp_path / "products"
    assert result["OUTPUT_FOLDER"] == str(folder)
    for product in (clean, limited):
        path = folder / product_filename(product.name)
        assert md5_of(path) == product.content.md5 and path.stat().st_size == product.content.size
    assert sorted(os.listdir(folder)) == sorted(product_filename(p.name) for p in (clean, limited))
    assert {r["Id"]: r["Downloaded"] for r in read_query_log(log)[1]} == {
        clean.id: True, limited.id: True, offline.id: False, wrong.id: False}

    features = list(result["OUTPUT"].getFeatures())
    assert [f["product_id"] for f in features] == [clean.id, limited.id, offline.id, wrong.id]  # input order
    rows = rows_of(result)
    for product in (clean, limited):
        row = rows[product.id]
        assert (row["status"], row["md5_ok"], row["bytes"]) == ("verified", True, product.content.size)
        assert row["path"] == str(folder / product_filename(product.name)) and row["name"] == product.name
    assert (rows[offline.id]["status"], rows[offline.id]["md5_ok"], rows[offline.id]["path"]) == ("offline", NULL, "")
    assert "long-term archive" in rows[offline.id]["message"]
    assert (rows[wrong.id]["status"], rows[wrong.id]["md5_ok"]) == ("failed", False)
    assert "MD5" in rows[wrong.id]["message"]
    assert identity.logins == 1
    assert gets(download, offline) == 0 and gets(download, limited) == 2  # 429 once, then the file
    assert "2 verified, 1 offline, 1 failed" in feedback.infos
    assert feedback.warnings == [rows[offline.id]["message"], rows[wrong.id]["message"]]
    assert any("B/s" in info for info in feedback.infos) and len(feedback.infos) < 40
    assert not any(PASSWORD in text or USERNAME in text for text in feedback.infos + feedback.warnings)


def test_rerun_skips_verified_files(provider, log_batch, tmp_path):
    identity, download, (clean, limited, offline, wrong), log, params = log_batch
    run(params)
    before = {p.id: gets(download, p) for p in (clean, limited, offline)}
    rows = rows_of(run(params))
    assert {p.id: gets(download, p) for p in (clean, limited, offline)} == before  # no new GETs
    assert [rows[p.id]["status"] for p in (clean, limited, offline, wrong)] == ["skipped", "skipped", "offline",
                                                                               "failed"]
    assert rows[clean.id]["md5_ok"] is True and rows[clean.id]["bytes"] == clean.content.size
    assert [r["Downloaded"] for r in read_query_log(log)[1]] == [True, True, False, False]


def footprint_gpkg(path, products):
    layer = new_footprint_layer("footprints", kind="products")
    catalogue = [CatalogueProduct(p.id, p.name, "SENTINEL-2", size_bytes=p.content.size, checksum_md5=p.checksum,
                                  footprint_wkt="POLYGON((6 46, 7 46, 7 47, 6 47, 6 46))") for p in products]
    layer.dataProvider().addFeatures(features_from_products(catalogue, fields=layer.fields()))
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    error = QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(path), QgsCoordinateTransformContext(), options)
    assert error[0] == QgsVectorFileWriter.WriterError.NoError, error
    return str(path)


def test_download_the_selected_footprints_of_a_geopackage(provider, cdse, tmp_path, make_authcfg, qgis_new_project):
    identity, download = cdse
    products = [add(download, f"S2A_MSIL2A_{i}.SAFE", (100 + i) * KiB) for i in range(3)]
    gpkg = footprint_gpkg(tmp_path / "footprints.gpkg", products)
    log = write_log(tmp_path / "query.log", products)
    layer = QgsVectorLayer(gpkg, "footprints", "ogr")
    assert layer.isValid()
    QgsProject.instance().addMapLayer(layer)
    wanted = {products[0].id, products[2].id}
    layer.selectByIds([f.id() for f in layer.getFeatures() if f["product_id"] in wanted])

    result = run(base_params(identity, download, tmp_path / "out", AUTHCFG=make_authcfg(USERNAME, PASSWORD),
                             INPUT=QgsProcessingFeatureSourceDefinition(layer.id(), True), INPUT_LOG=log))
    assert set(rows_of(result)) == wanted and {f["status"] for f in result["OUTPUT"].getFeatures()} == {"verified"}
    assert gets(download, products[1]) == 0
    assert sorted(os.listdir(tmp_path / "out")) == sorted(product_filename(products[i].name) for i in (0, 2))
    reopened = QgsVectorLayer(gpkg, "again", "ogr")
    assert {f["product_id"]: bool(f["downloaded"]) for f in reopened.getFeatures()} == {
        p.id: p.id in wanted for p in products}
    assert {r["Id"]: r["Downloaded"] for r in read_query_log(log)[1]} == {p.id: p.id in wanted for p in products}


def test_wrong_password_stops_with_the_auth_config_named(provider, cdse, tmp_path, make_authcfg):
    identity, download = cdse
    products = [add(download, f"S2A_{i}.SAFE", 50 * KiB + i) for i in range(3)]
    wrong = "not the password 42"
    authcfg = make_authcfg(USERNAME, wrong)
    with pytest.raises(QgsProcessingException) as raised:
        run(base_params(identity, download, tmp_path / "out", AUTHCFG=authcfg,
                        INPUT_LOG=write_log(tmp_path / "q.log", products)))
    text = str(raised.value)
    assert "rejected the username/password in auth config 'EODMS test'" in text and authcfg not in text
    assert wrong not in text and USERNAME not in text
    assert identity.rejected == 1 and not download.recorded  # one try: a wrong password is not retried
    folder = tmp_path / "out"
    assert not [name for name in (os.listdir(folder) if folder.exists() else []) if not name.endswith(".part")]


def test_a_token_file_is_created_and_then_enough(provider, cdse, tmp_path, make_authcfg):
    identity, download = cdse
    first, second = add(download, "S2A_first.SAFE", 64 * KiB), add(download, "S2A_second.SAFE", 65 * KiB)
    token_file = tmp_path / "CopernicusDataspace_token.json"
    run(base_params(identity, download, tmp_path / "out", AUTHCFG=make_authcfg(USERNAME, PASSWORD),
                    TOKEN_FILE=str(token_file), INPUT_LOG=write_log(tmp_path / "a.log", [first])))
    assert token_file.is_file() and oct(token_file.stat().st_mode & 0o777) == "0o600"
    rows = rows_of(run(base_params(identity, download, tmp_path / "out", TOKEN_FILE=str(token_file),
                                   INPUT_LOG=write_log(tmp_path / "b.log", [second]))))
    assert rows[second.id]["status"] == "verified" and identity.logins == 1


def test_missing_inputs_fail_clearly(provider, cdse, tmp_path, make_authcfg):
    identity, download = cdse
    authcfg = make_authcfg(USERNAME, PASSWORD)
    with pytest.raises(QgsProcessingException, match="Give a query log or a footprint layer"):
        run(base_params(identity, download, tmp_path / "out", AUTHCFG=authcfg))
    log = write_log(tmp_path / "q.log", [add(download, "S2A.SAFE", KiB)])
    with pytest.raises(QgsProcessingException, match="need your account"):
        run(base_params(identity, download, tmp_path / "out", INPUT_LOG=log))
    assert not download.recorded and not identity.recorded


def test_a_full_disk_while_recording_a_download_stops_clearly_and_keeps_the_log(provider, cdse, tmp_path,
                                                                               make_authcfg):
    from tests.disks import fill, small_disk

    identity, download = cdse
    products = [add(download, f"S2A_full_{i}.SAFE", 2 * KiB + i) for i in range(3)]
    with small_disk(tmp_path / "disk") as disk:
        log = write_log(disk / "query.log", products)
        before = open(log, "rb").read()
        fill(disk)
        params = base_params(identity, download, tmp_path / "products", INPUT_LOG=log,
                             AUTHCFG=make_authcfg(USERNAME, PASSWORD, name="CDSE test"), CONCURRENCY=1)
        with pytest.raises(QgsProcessingException, match=r"A downloaded product could not be recorded \(No space left "
                                                         r"on device\): is the disk full\?"):
            run(params)
        assert open(log, "rb").read() == before
        assert sorted(os.listdir(disk)) == ["filler", "query.log"]
    first = tmp_path / "products" / product_filename(products[0].name)
    assert md5_of(first) == products[0].content.md5  # verified and kept


def test_a_read_only_download_folder_is_said_before_downloading(provider, cdse, tmp_path, make_authcfg):
    from tests.disks import read_only_folder

    identity, download = cdse
    products = [add(download, "S2A_ro.SAFE", 2 * KiB)]
    log = write_log(tmp_path / "query.log", products)
    with read_only_folder(tmp_path / "ro") as folder:
        params = base_params(identity, download, folder, INPUT_LOG=log,
                             AUTHCFG=make_authcfg(USERNAME, PASSWORD, name="CDSE test"))
        with pytest.raises(QgsProcessingException, match=r"The products cannot be written to .*: the folder .*ro is "
                                                         r"not writable"):
            run(params)
    assert download.requests_for(products[0].id) == []


def test_the_required_one_of_parameters_are_said_and_checked_before_running(provider, make_authcfg):
    from qgis.core import QgsApplication, QgsProcessingContext

    algorithm = QgsApplication.processingRegistry().createAlgorithmById("eo_order:download_cdse")
    described = {name: algorithm.parameterDefinition(name).description()
                 for name in ("INPUT_LOG", "INPUT", "AUTHCFG", "TOKEN_FILE")}
    assert described == {
        "INPUT_LOG": "Query log (this or the footprint layer is required)",
        "INPUT": "Product footprints (this or the query log is required)",
        "AUTHCFG": "Copernicus Data Space credentials (Basic auth config; this or a token file is required)",
        "TOKEN_FILE": "Token file (CopernicusDataspace_token.json; this or the credentials are required)",
    }
    assert "Required: the query log or the footprint layer (at least one), and the credentials or a token file " \
           "(at least one)." in algorithm.shortHelpString()
    context = QgsProcessingContext()
    ok, message = algorithm.checkParameterValues({"AUTHCFG": make_authcfg(USERNAME, PASSWORD),
                                                  "OUTPUT_FOLDER": "/tmp", "OUTPUT": "memory:"}, context)
    assert (ok, message) == (False, "Give a query log or a footprint layer of a Copernicus search (INPUT_LOG or "
                                    "INPUT: one of the two is required): there is nothing to download.")
    ok, message = algorithm.checkParameterValues({"INPUT_LOG": "/tmp/q.log", "AUTHCFG": "  ",
                                                  "OUTPUT_FOLDER": "/tmp", "OUTPUT": "memory:"}, context)
    assert not ok and "or a token file (TOKEN_FILE); one of the two is required" in message
