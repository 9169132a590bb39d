"""The Search tab with a STAC API, end to end against a real ``rustac serve``: collections listed
from the server, a search into one footprint layer, thumbnails from the items' thumbnail assets,
the history re-run, and Download shown but not offered yet."""

import pytest
from qgis.core import QgsProject, QgsRasterLayer
from qgis.PyQt.QtCore import Qt

from eo_order.core.connections import STAC, Connection, ConnectionStore
from eo_order.core.footprints import ITEMS, layer_kind
from eo_order.core.quicklook import QuicklookCache, quicklook_items
from eo_order.ui import quicklooks
from eo_order.ui.dock import EoOrderDock
from eo_order.ui.quicklooks import show_quicklooks
from tests.conftest import wait_for
from tests.servers.canned import CannedServer
from tests.servers.stac import RustacServer, generate_items
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

    assert not tab.download_box.isHidden() and not tab.download_button.isEnabled()
    assert "comes next" in tab.download_button.toolTip()


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
