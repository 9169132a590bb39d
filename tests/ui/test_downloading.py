"""One truthful ending per Copernicus download batch: the real DownloadController and DownloadTask
against the local identity and download fakes. One final message (green / orange / red) that says
what reached the disk and why the rest did not, a task QGIS shows as failed when nothing did, the
auth config named by its name, offline products flagged before the download starts."""

import hashlib
from pathlib import Path

import pytest
from qgis.core import Qgis, QgsApplication, QgsCoordinateTransform, QgsProject, QgsTask

from eo_order.core.cdse_search import Product as CatalogueProduct
from eo_order.core.footprints import features_from_products, footprint_layer
from eo_order.core.settings import Settings
from eo_order.ui.downloading import DownloadController
from tests.conftest import wait_for
from tests.servers.cdse_download import PASSWORD, USERNAME, Content, DownloadServer, IdentityServer, Product

RING = "POLYGON((6 46, 6.4 46, 6.4 47, 6 47, 6 46))"


@pytest.fixture
def servers():
    products = [Product(f"S2A_MSIL1C_2022050{i}_TEST", Content.random(40_000 + 1000 * i, seed=i),
                        ("offline",) if i == 3 else ()) for i in range(4)]
    identity = IdentityServer()
    download = DownloadServer(identity, products)
    yield identity, download, products
    identity.stop()
    download.stop()


@pytest.fixture
def controller(qgis_iface, qgis_new_project, servers, make_authcfg, tmp_path):
    identity, download, _products = servers
    settings = Settings()
    settings.set_cdse_urls("http://127.0.0.1:9/odata/v1", download.products_url, identity.token_url)
    settings.cdse_folder = str(tmp_path / "downloads")
    settings.cdse_authcfg = make_authcfg(USERNAME, PASSWORD, name="My CDSE account")
    control = DownloadController(qgis_iface)
    yield control
    control.shutdown()
    settings.set_cdse_urls()
    settings.cdse_folder = ""
    settings.cdse_authcfg = ""
    qgis_iface.messageBar().clear_messages()


def product_layer(products):
    entries = [CatalogueProduct(p.id, name=p.name, collection="SENTINEL-2", footprint_wkt=RING,
                                online="offline" not in p.faults, size_bytes=p.content.size, checksum_md5=p.checksum)
               for p in products]
    layer = footprint_layer("products", features_from_products(entries), kind="products")
    QgsProject.instance().addMapLayer(layer)
    return layer


def all_messages(iface):
    bar = iface.messageBar()
    return {level: bar.get_messages(level) for level in (Qgis.MessageLevel.Info, Qgis.MessageLevel.Success,
                                                         Qgis.MessageLevel.Warning, Qgis.MessageLevel.Critical)}


def run_batch(controller, layer):
    task = controller.request_download(layer, list(layer.getFeatures()))
    assert task is not None
    statuses, descriptions = [], []
    task.statusChanged.connect(statuses.append)
    task.done.connect(lambda *_: descriptions.append(task.description()))  # QGIS deletes the task after
    wait_for(lambda: not controller.busy, timeout=60)
    wait_for(lambda: statuses and statuses[-1] in (QgsTask.TaskStatus.Complete, QgsTask.TaskStatus.Terminated))
    return descriptions[0], statuses[-1]


def test_a_partly_done_batch_flags_offline_products_first_and_ends_with_one_orange_message(
        controller, servers, qgis_iface, tmp_path):
    _identity, _download, products = servers
    layer = product_layer(products)
    description, status = run_batch(controller, layer)
    messages = all_messages(qgis_iface)
    [before] = messages[Qgis.MessageLevel.Info]
    assert "1 of the 4 selected products are offline (in the long-term archive)" in before
    assert messages[Qgis.MessageLevel.Success] == [] and messages[Qgis.MessageLevel.Critical] == []
    [ending] = messages[Qgis.MessageLevel.Warning]
    folder = str(tmp_path / "downloads")
    assert f"3 of 4 products on disk in {folder} (3 verified); 1 offline (in the long-term archive): order it " \
           "in the Copernicus Data Space browser first." in ending
    # QGIS' own task list says the same, not a bare "complete".
    assert status == QgsTask.TaskStatus.Complete and description.endswith(controller.ending)
    for product in products[:3]:
        data = (tmp_path / "downloads" / (product.name + ".zip")).read_bytes()
        assert hashlib.md5(data).hexdigest() == product.content.md5
    assert [bool(f["downloaded"]) for f in layer.getFeatures()] == [True, True, True, False]


def test_a_wrong_password_is_one_red_message_naming_the_auth_config_and_a_failed_task(
        controller, servers, qgis_iface, make_authcfg, tmp_path):
    _identity, download, products = servers
    settings = Settings()
    bad = make_authcfg(USERNAME, "not the password", name="My CDSE account")
    settings.cdse_authcfg = bad
    layer = product_layer(products[:2])
    description, status = run_batch(controller, layer)
    messages = all_messages(qgis_iface)
    assert messages[Qgis.MessageLevel.Success] == [] and messages[Qgis.MessageLevel.Warning] == []
    [ending] = messages[Qgis.MessageLevel.Critical]
    assert ending.startswith("EO Order:Download failed: Copernicus Data Space rejected the username/password in "
                             "auth config 'My CDSE account' (HTTP 401")
    # Two threads: whichever logged in first failed, the other product was never tried.
    assert "; nothing downloaded." in ending
    assert any(f"1 not tried: {p.name}." in ending for p in products[:2])
    assert bad not in ending and "not the password" not in ending
    assert status == QgsTask.TaskStatus.Terminated  # QGIS shows the task failed
    assert "nothing downloaded" in description
    assert not list((tmp_path / "downloads").glob("*.zip"))


def test_only_offline_products_start_nothing_and_say_why(controller, servers, qgis_iface):
    _identity, _download, products = servers
    layer = product_layer(products[3:])
    assert controller.request_download(layer, list(layer.getFeatures())) is None
    [message] = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Warning)
    assert "Nothing downloaded: the 1 selected product(s) are offline" in message
    assert QgsApplication.taskManager().countActiveTasks() == 0


def write_geotiff(path):
    """A 4x3 GeoTIFF at 8.0–8.4 E, 46–47 N."""
    import numpy as np
    from osgeo import gdal, osr

    path.parent.mkdir(parents=True, exist_ok=True)
    dataset = gdal.GetDriverByName("GTiff").Create(str(path), 4, 3, 1, gdal.GDT_Byte)
    dataset.SetGeoTransform((8.0, 0.1, 0, 47.0, 0, -1 / 3))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    dataset.SetProjection(srs.ExportToWkt())
    dataset.GetRasterBand(1).WriteArray(np.arange(12, dtype=np.uint8).reshape(3, 4))
    dataset = None


def test_open_in_qgis_zooms_to_the_added_layers_and_says_what_was_added(controller, servers, qgis_iface):
    from qgis.core import QgsCoordinateReferenceSystem, QgsRectangle

    entries = [CatalogueProduct(f"id-{i}", name=f"S2A_MSIL2A_2022050{i}_TEST.tif", footprint_wkt=RING)
               for i in (1, 2)]
    layer = footprint_layer("products", features_from_products(entries), kind="products")
    first, second = layer.getFeatures()
    write_geotiff(Path(controller.product_path(first)))
    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:3857"))
    canvas.setExtent(QgsRectangle(-2e7, -1e7, 2e7, 1e7))  # the whole world: the raster is under a pixel
    [raster] = controller.open_products([first, second])
    to_map = QgsCoordinateTransform(raster.crs(), canvas.mapSettings().destinationCrs(), QgsProject.instance())
    raster_box = to_map.transformBoundingBox(raster.extent())
    view = canvas.extent()
    assert view.contains(raster_box)
    assert min(view.width() / raster_box.width(), view.height() / raster_box.height()) < 1.5  # fills the view
    [added] = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Success)
    assert f"Added 1 layer(s) of {first['name']}." in added
    [missing] = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Warning)
    assert f"Not downloaded yet: {second['name']}. Download them first." in missing
