"""The Search tab with a STAC API, end to end against a real ``rustac serve``: collections listed
from the server, a search into one footprint layer, thumbnails from the items' thumbnail assets,
the history re-run, and the chosen assets of selected items downloaded, verified and logged."""

import csv
import hashlib
import os

import pytest
from qgis.core import Qgis, QgsProject, QgsRasterLayer
from qgis.gui import QgsMapMouseEvent
from qgis.PyQt.QtCore import QEvent, QPoint, Qt
from qgis.PyQt.QtWidgets import QDialogButtonBox, QMenu

from eo_order.core.connections import STAC, Connection, ConnectionStore
from eo_order.core.footprints import ITEMS, layer_kind
from eo_order.core.quicklook import QuicklookCache, quicklook_items
from eo_order.ui import quicklooks
from eo_order.ui.dock import EoOrderDock
from eo_order.ui.quicklooks import show_quicklooks
from tests.conftest import wait_for
from tests.servers.canned import CannedServer
from tests.servers.stac import RustacServer, data_bytes, generate_items
from tests.ui.test_search_tab import png_bytes

N_ITEMS = 60


@pytest.fixture(scope="module")
def thumbs(qgis_app):
    with CannedServer({}) as server:
        yield server


@pytest.fixture(scope="module")
def rustac(tmp_path_factory, thumbs):
    items = generate_items(N_ITEMS, base=thumbs.url_for("/assets"))
    png = (200, {"Content-Type": "image/png"}, png_bytes(120, 90), 0)
    thumbs.routes.update({f"/assets/{item['id']}.png": png for item in items})
    with RustacServer(tmp_path_factory.mktemp("rustac"), items) as server:
        yield server, items


@pytest.fixture
def dock(qgis_iface, qgis_new_project, tmp_path, rustac):
    server, _items = rustac
    store = ConnectionStore()
    connection = store.add(Connection("Local STAC", STAC, server.url))
    widget = EoOrderDock(qgis_iface, journal_path=tmp_path / "orders.sqlite", history_path=tmp_path / "h.sqlite")
    try:
        yield widget
    finally:
        widget.shutdown()
        store.remove(connection)
        qgis_iface.messageBar().clear_messages()


def check(tab, collection_id):
    combo = tab.stac_collections
    wait_for(lambda: combo.count() == 3, timeout=30)
    combo.setItemCheckState(combo.findText(collection_id), Qt.CheckState.Checked)


def test_a_stac_search_lists_collections_fills_a_layer_and_shows_thumbnails(dock, rustac, thumbs, tmp_path):
    server, items = rustac
    tab = dock.search
    tab.select_catalogue(STAC, server.url)
    assert tab.stac_collections.isVisibleTo(tab) and not tab.title_edit.isVisibleTo(tab)
    assert tab.polygon_check.isVisibleTo(tab) and tab.cloud_spin.isVisibleTo(tab)
    check(tab, "sentinel-2-l2a")
    tab.extent_box.set_box((-180, -90, 180, 90))
    assert tab.search() is not None
    wait_for(lambda: tab.task is None, timeout=60)

    layer = tab.layer
    wanted = sorted(item["id"] for item in items if item["collection"] == "sentinel-2-l2a")
    assert layer_kind(layer) == ITEMS and QgsProject.instance().mapLayer(layer.id()) is layer
    assert sorted(f["item_id"] for f in layer.getFeatures()) == wanted
    assert layer.name() == f"Local STAC · sentinel-2-l2a · {len(wanted)} items"
    assert tab.status.text().startswith(f"{len(wanted)} items in layer “{layer.name()}”.")
    assert tab.table.rowCount() == len(wanted)

    tab.table.selectRow(0)
    wait_for(lambda: tab.thumbnail.pixmap() is not None and not tab.thumbnail.pixmap().isNull())
    assert thumbs.requests[-1].path.startswith("/assets/sentinel-2-l2a-")
    found, missing = quicklook_items(layer, layer.selectedFeatures())  # georeferenced quicklooks from them too
    assert missing == 0 and found[0].url.startswith(thumbs.url_for("/assets/"))
    [feature] = layer.selectedFeatures()
    assert show_quicklooks(dock.iface, layer, cache=QuicklookCache(tmp_path / "ql")) is not None
    wait_for(lambda: not quicklooks.RUNNING, timeout=30)
    rasters = [lyr for lyr in QgsProject.instance().mapLayers().values() if isinstance(lyr, QgsRasterLayer)]
    assert len(rasters) == 1 and rasters[0].isValid() and feature["item_id"] in rasters[0].name()

    assert not tab.download_box.isHidden() and tab.download_button.isEnabled()
    assert "comes next" not in tab.download_button.toolTip()


def test_a_stac_search_in_the_history_runs_again_exactly(dock, rustac):
    server, _items = rustac
    tab = dock.search
    tab.select_catalogue(STAC, server.url)
    check(tab, "landsat-c2-l2")
    tab.extent_box.set_box((-60, -40, 60, 40))
    tab.search()
    wait_for(lambda: tab.task is None, timeout=60)
    first = sorted(f["item_id"] for f in tab.layer.getFeatures())
    [entry] = dock.history.entries()
    assert (entry.kind, entry.catalog, entry.url) == ("stac", "Local STAC", server.url)
    assert entry.params["collections"] == ["landsat-c2-l2"] and entry.params["bbox"] == [-60, -40, 60, 40]
    assert "landsat-c2-l2" in entry.describe()

    tab.select_catalogue("csw")
    dock.rerun(entry)
    wait_for(lambda: tab.task is None, timeout=60)
    assert tab.catalogue.name == "Local STAC" and tab.stac_collections.checkedItems() == ["landsat-c2-l2"]
    assert sorted(f["item_id"] for f in tab.layer.getFeatures()) == first


# --- Download selected: the chosen assets of the selected items -----------------------------------


@pytest.fixture
def stac_tab(dock, rustac, thumbs, tmp_path):
    """The Search tab on the local STAC API after a world-wide sentinel-2-l2a search; the items'
    data (.tif) and metadata (.xml, the https alternate of an s3:// href) assets served by ``thumbs``."""
    server, items = rustac
    for item in items:
        thumbs.routes[f"/assets/{item['id']}.tif"] = (200, {"Content-Type": "image/tiff"},
                                                      data_bytes(item["id"]), 0)
        thumbs.routes[f"/assets/{item['id']}.xml"] = (200, {"Content-Type": "application/xml"},
                                                      f"<metadata id='{item['id']}'/>".encode(), 0)
    tab = dock.search
    tab.settings.cdse_folder = str(tmp_path / "downloads")
    tab.select_catalogue(STAC, server.url)
    check(tab, "sentinel-2-l2a")
    tab.extent_box.set_box((-180, -90, 180, 90))
    tab.search()
    wait_for(lambda: tab.task is None, timeout=60)
    return tab


def select_items(tab, item_ids):
    tab.layer.selectByIds([f.id() for f in tab.layer.getFeatures() if f["item_id"] in item_ids])


def choose(tab, ticks=(), untick=()):
    """Answer the asset dialog as a user would: tick ``ticks``, untick ``untick``, press Download.
    Returns what the dialog listed: [(data, checked)]."""
    shown = []

    def answer(dialog):
        shown.extend((e.data(Qt.ItemDataRole.UserRole), e.checkState() == Qt.CheckState.Checked)
                     for e in dialog.entries())
        for data in ticks:
            dialog.set_checked(data)
        for data in untick:
            dialog.set_checked(data, False)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        return dialog.result()

    tab.download_box.stac_downloads.exec_dialog = answer
    return shown


def read_log(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_download_selected_asks_for_assets_once_and_writes_verified_files_and_the_log(stac_tab, rustac, thumbs,
                                                                                    tmp_path, qgis_iface):
    _server, items = rustac
    tab = stac_tab
    wanted = sorted(f["item_id"] for f in tab.layer.getFeatures())[:2]
    select_items(tab, wanted)
    assert tab.download_button.isEnabled() and not tab.open_button.isEnabled()
    shown = choose(tab, ticks=["role:metadata"])
    tab.download_button.click()
    assert tab.download_box.busy and tab.stop_button.isEnabled() and not tab.download_button.isEnabled()
    wait_for(lambda: not tab.download_box.busy, timeout=60)

    # One dialog for the batch: roles first (data ticked), then the items' asset keys from the layer.
    assert shown == [("role:data", True), ("role:metadata", False), ("role:overview", False),
                     ("role:thumbnail", False), ("key:data", False), ("key:thumbnail", False),
                     ("key:metadata", False)]
    folder = tmp_path / "downloads"
    for item_id in wanted:
        data = (folder / item_id / f"{item_id}.tif").read_bytes()
        assert data == data_bytes(item_id)
        raw = next(item for item in items if item["id"] == item_id)
        assert "d50110" + hashlib.md5(data).hexdigest() == raw["assets"]["data"]["file:checksum"]
        assert (folder / item_id / f"{item_id}.xml").read_bytes() == f"<metadata id='{item_id}'/>".encode()
        assert sorted(os.listdir(folder / item_id)) == [f"{item_id}.tif", f"{item_id}.xml"]  # no thumbnail, no .part
    rows = read_log(folder / "stac-download.csv")
    assert sorted((r["ItemId"], r["Asset"], r["Downloaded"]) for r in rows) == sorted(
        (item_id, asset, "true") for item_id in wanted for asset in ("data", "metadata"))
    ending = f"4 of 4 assets on disk in {folder} (2 verified, 2 complete, no checksum to verify)."
    assert tab.progress_label.text() == ending
    assert qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Success)[-1].startswith("EO Order:" + ending)
    assert tab.download_button.isEnabled() and not tab.stop_button.isEnabled()

    # The next batch skips what is verified (the log and the files say so).
    before = len(thumbs.requests)
    choose(tab)
    tab.download_selected()
    wait_for(lambda: not tab.download_box.busy, timeout=60)
    assert tab.progress_label.text() == f"2 of 2 assets on disk in {folder} (2 already there)."
    assert not [r for r in thumbs.requests[before:] if r.path.endswith(".tif")]


def test_a_checksum_mismatch_is_partly_done_and_leaves_no_file_under_the_final_name(stac_tab, thumbs, tmp_path,
                                                                                 qgis_iface):
    tab = stac_tab
    good, bad = sorted(f["item_id"] for f in tab.layer.getFeatures())[2:4]
    thumbs.routes[f"/assets/{bad}.tif"] = (200, {"Content-Type": "image/tiff"},
                                           data_bytes(bad).replace(b"pixels", b"PIXELS"), 0)  # same size
    select_items(tab, [good, bad])
    choose(tab)
    tab.download_selected()
    wait_for(lambda: not tab.download_box.busy, timeout=60)

    folder = tmp_path / "downloads"
    assert (folder / good / f"{good}.tif").read_bytes() == data_bytes(good)
    assert not (folder / bad / f"{bad}.tif").exists()
    assert {r["ItemId"]: r["Downloaded"] for r in read_log(folder / "stac-download.csv")} == {good: "true",
                                                                                            bad: "false"}
    text = tab.progress_label.text()
    assert text.startswith(f"1 of 2 assets on disk in {folder} (1 verified); 1 failed: {bad} data")
    assert "MD5" in text
    [warning] = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Warning)
    assert warning.startswith("EO Order:" + text)

    # The bad one alone: the batch failed, nothing downloaded.
    select_items(tab, [bad])
    choose(tab)
    tab.download_selected()
    wait_for(lambda: not tab.download_box.busy, timeout=60)
    assert tab.progress_label.text().startswith(f"Download failed: {bad} data")
    assert tab.progress_label.text().endswith("; nothing downloaded.")
    assert not (folder / bad / f"{bad}.tif").exists()


def test_right_clicks_on_the_table_and_the_map_download_stac_items(stac_tab, qgis_iface, tmp_path):
    tab = stac_tab
    first, second = sorted(tab.layer.getFeatures(), key=lambda f: f["item_id"])[:2]
    select_items(tab, [first["item_id"], second["item_id"]])
    tab._table_menu(QPoint(1, 1))  # noqa: SLF001 - the menu the right-click opens
    [action] = [a for a in tab._menu.actions() if a.text() == "Download the assets of 2 items…"]  # noqa: SLF001
    choose(tab, untick=["role:data"], ticks=["key:metadata"])
    action.trigger()
    wait_for(lambda: not tab.download_box.busy, timeout=60)
    folder = tmp_path / "downloads"
    assert sorted(os.listdir(folder / first["item_id"])) == [f"{first['item_id']}.xml"]

    canvas = qgis_iface.mapCanvas()
    canvas.setLayers([tab.layer])
    canvas.setDestinationCrs(tab.layer.crs())
    canvas.setExtent(first.geometry().boundingBox().buffered(1.0))
    point = first.geometry().pointOnSurface().asPoint()
    pixel = canvas.getCoordinateTransform().transform(point)
    event = QgsMapMouseEvent(canvas, QEvent.Type.MouseButtonPress, QPoint(int(pixel.x()), int(pixel.y())),
                             Qt.MouseButton.RightButton)
    menu = QMenu()
    canvas.contextMenuAboutToShow.emit(menu, event)
    entries = [a for a in menu.actions() if a.text().startswith("Download the assets of this item")]
    [entry] = [a for a in entries if first["item_id"] in a.text()]
    assert [a.text() for a in menu.actions() if a.text() == "Download the assets of 2 selected items"]
    choose(tab)
    entry.trigger()
    wait_for(lambda: not tab.download_box.busy, timeout=60)
    assert sorted(os.listdir(folder / first["item_id"])) == [f"{first['item_id']}.tif", f"{first['item_id']}.xml"]


def show_items(tab, connection, raw_items, folder):
    """The tab on ``connection`` showing a STAC footprint layer of ``raw_items`` (as a search would)."""
    from eo_order.core.catalogue import StacCatalogue
    from eo_order.core.stac import parse_item
    from eo_order.core.stac_footprints import stac_layer

    layer = stac_layer("items", StacCatalogue(connection).features([parse_item(raw) for raw in raw_items]))
    QgsProject.instance().addMapLayer(layer)
    tab.settings.cdse_folder = str(folder)
    tab.reload_connections()
    assert tab.select_catalogue(STAC, connection.url) is not None
    tab._show_columns(tab.catalogue)  # noqa: SLF001 - as a search's first page does
    tab.show_layer(layer)
    layer.selectAll()
    return layer


def test_planetary_computer_style_assets_are_signed_and_no_token_is_logged(dock, tmp_path):
    from eo_order.core.stac_download import PlanetarySigner
    from tests.servers.stac_assets import AssetServer, Content, SigningServer, asset_json, multihash

    signing = SigningServer()
    blobs = AssetServer(signed_by=signing)
    store = ConnectionStore()
    connection = store.add(Connection("Signed STAC", STAC, blobs.url_for("/")))
    try:
        asset = blobs.add("B8A.tif", Content.random(100 * 1024, seed=8))
        raw = blobs.item("S2A_SIGNED", "sentinel-2-l2a", {"B8A": asset_json(
            blobs.href(asset), checksum=multihash("sha256", asset.content.bytes()))})
        tab = dock.search
        show_items(tab, connection, [raw], tmp_path / "downloads")
        tab.download_box.stac_downloads.signer = PlanetarySigner(
            signing.endpoint, hosts=[blobs.url_for("/").split("/")[2]])  # the blob host of this test
        choose(tab)
        tab.download_selected()
        wait_for(lambda: not tab.download_box.busy, timeout=30)
        assert (tmp_path / "downloads" / "S2A_SIGNED" / "B8A.tif").read_bytes() == asset.content.bytes()
        assert [collection for collection, _token in signing.issued] == ["sentinel-2-l2a"]
        _collection, token = signing.issued[0]
        signature = token.rsplit("sig=", 1)[1]
        assert signature not in (tmp_path / "downloads" / "stac-download.csv").read_text()
        assert signature not in tab.progress_label.text()
    finally:
        store.remove(connection)
        blobs.stop()
        signing.stop()


def test_stop_keeps_the_part_the_next_download_resumes_it_with_the_api_credentials(dock, make_authcfg, tmp_path,
                                                                                  qgis_iface):
    """A STAC API behind Basic auth whose server also hosts the assets: the connection's auth config
    goes with the item and asset requests; Stop keeps the .part, the next batch resumes it."""
    from base64 import b64encode

    from tests.servers.stac_assets import AssetServer, Content, asset_json, multihash

    assets = AssetServer(auth="Basic " + b64encode(b"alice:stac-pass-1").decode(), rate=256 * 1024, chunk=16 * 1024)
    store = ConnectionStore()
    connection = store.add(Connection("Protected STAC", STAC, assets.url_for("/")))
    try:
        store.set_authcfg(connection, make_authcfg("alice", "stac-pass-1", name="Protected STAC"))
        big = assets.add("B04.tif", Content.random(3 * 1024 * 1024, seed=4))
        raw = assets.item("S2B_T31TCJ_20240501", "sentinel-2-l2a", {"B04": asset_json(
            assets.href(big), checksum=multihash("sha256", big.content.bytes()), size=big.content.size)})
        tab = dock.search
        show_items(tab, connection, [raw], tmp_path / "downloads")
        assert tab.download_button.isEnabled()
        choose(tab)
        tab.download_button.click()
        part = tmp_path / "downloads" / "S2B_T31TCJ_20240501" / "B04.tif.part"
        wait_for(lambda: part.exists() and part.stat().st_size > 0, timeout=30)
        tab.stop_button.click()
        wait_for(lambda: not tab.download_box.busy, timeout=30)
        kept = part.stat().st_size
        assert 0 < kept < big.content.size and not part.with_name("B04.tif").exists()
        assert "1 cancelled (partial files are kept and resumed next time)" in tab.progress_label.text()

        assets.rate = None
        choose(tab)
        tab.download_selected()
        wait_for(lambda: not tab.download_box.busy, timeout=30)
        assert part.with_name("B04.tif").read_bytes() == big.content.bytes() and not part.exists()
        assert tab.progress_label.text().startswith("1 of 1 assets on disk in ") and "1 verified" in \
            tab.progress_label.text()
        resumed = assets.requests_for("/assets/B04.tif")[-1]
        assert resumed.headers["Range"] == f"bytes={kept}-" and resumed.headers["If-Range"] == big.etag
        assert all(r.headers.get("Authorization") == assets.auth for r in assets.recorded)
        assert "stac-pass-1" not in (tmp_path / "downloads" / "stac-download.csv").read_text()
    finally:
        store.remove(connection)
        assets.stop()


def test_a_role_no_selected_item_has_ends_the_batch_with_their_keys_and_roles(stac_tab, qgis_iface, tmp_path):
    tab = stac_tab
    select_items(tab, sorted(f["item_id"] for f in tab.layer.getFeatures())[:1])
    choose(tab, ticks=["role:overview"], untick=["role:data"])
    account = tab.settings.cdse_authcfg
    tab.settings.cdse_authcfg = "gone123"  # a Copernicus account that no longer reads: not needed here
    try:
        assert tab.download_selected() is not None
    finally:
        tab.settings.cdse_authcfg = account
    wait_for(lambda: not tab.download_box.busy, timeout=30)
    text = tab.progress_label.text()
    assert text.startswith("None of the 1 item(s) has an asset with the key or role overview.")
    assert "Their asset keys: data, metadata, thumbnail; roles: data, metadata, thumbnail." in text
    [message] = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Critical)
    assert "None of the 1 item(s)" in message
    assert not (tmp_path / "downloads" / "stac-download.csv").exists()


def test_a_download_folder_that_cannot_be_written_is_said_before_any_asset(stac_tab, thumbs, tmp_path, qgis_iface):
    tab = stac_tab
    (tmp_path / "a-file").write_text("not a folder")
    tab.settings.cdse_folder = str(tmp_path / "a-file" / "downloads")
    select_items(tab, sorted(f["item_id"] for f in tab.layer.getFeatures())[:1])
    choose(tab)
    before = len(thumbs.requests)
    tab.download_selected()
    wait_for(lambda: not tab.download_box.busy, timeout=30)
    folder = tmp_path / "a-file" / "downloads"
    assert tab.progress_label.text().startswith(f"The download folder {folder} cannot be written (")
    assert tab.progress_label.text().endswith("): choose a writable folder in the Download box.")
    assert not [r for r in thumbs.requests[before:] if r.path.endswith((".tif", ".xml"))]
