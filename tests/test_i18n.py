"""French: every string of the code is translated, the shipped .qm is built from the .ts, and the
plugin speaks French when QGIS' locale is French."""

import filecmp

import pytest
from qgis.core import QgsSettings

import eo_order
from tools.i18n import check, release, ts_path


def test_every_string_is_translated_into_french():
    assert check() == []


def test_the_shipped_qm_is_compiled_from_the_ts(tmp_path):
    (tmp_path / "i18n").mkdir()
    (tmp_path / "i18n" / "eo_order_fr.ts").write_bytes(ts_path("fr").read_bytes())
    [fresh] = release(tmp_path)
    assert filecmp.cmp(fresh, ts_path("fr").with_suffix(".qm"), shallow=False), "run: make translations"


@pytest.fixture
def french(qgis_app):
    settings = QgsSettings()
    saved = {key: settings.value(key) for key in ("locale/overrideFlag", "locale/userLocale")}
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "fr_CA")
    yield
    for key, value in saved.items():
        if value is None:
            settings.remove(key)
        else:
            settings.setValue(key, value)


def test_the_plugin_follows_a_french_qgis_locale(french, qgis_iface, qgis_new_project):
    plugin = eo_order.classFactory(qgis_iface)
    try:
        assert plugin.translator is not None
        plugin.initGui()
        assert plugin.action.text() == "Rechercher des images"
        plugin.action.trigger()
        tabs = [plugin.dock.tabs.tabText(i) for i in range(plugin.dock.tabs.count())]
        assert tabs == ["Recherche", "Commandes", "WCS", "Historique"]
        assert plugin.dock.search.search_button.text() == "Rechercher"
        from qgis.core import QgsApplication

        algorithm = QgsApplication.processingRegistry().algorithmById("eo_order:search_cdse")
        assert algorithm.displayName() == "Rechercher dans Copernicus Data Space"
        import datetime as dt

        from eo_order.core.footprints import search_layer_name
        from eo_order.core.models import BBox, SearchQuery

        query = SearchQuery(BBox(-76.4, 44.9, -75.2, 45.5), end=dt.date(2013, 3, 29))
        assert search_layer_name("EODMS catalogue", query, 12) == "EODMS catalogue · avant le 2013-03-29 · 12 scènes"
    finally:
        plugin.unload()


def test_english_stays_english_and_unloading_removed_the_french(qgis_iface):
    plugin = eo_order.classFactory(qgis_iface)
    assert plugin.translator is None
    plugin.initGui()
    assert plugin.action.text() == "Search imagery"
    plugin.unload()
