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


@pytest.fixture
def french_errors(french):
    """The plugin's French translator installed, as the plugin does at start with a French QGIS."""
    from qgis.PyQt.QtCore import QCoreApplication

    from eo_order.plugin import install_translator

    translator = install_translator()
    assert translator is not None
    yield
    QCoreApplication.removeTranslator(translator)


def test_core_errors_come_out_in_french(french_errors):
    from eo_order.core.csw import CswClient, Profile
    from eo_order.core.errors import InputError, NetworkError
    from eo_order.core.models import BBox, SearchQuery

    with pytest.raises(InputError) as raised:
        BBox(-200, 44, -75, 46)
    assert str(raised.value) == ("Les longitudes du rectangle de recherche (-200, -75) doivent être entre -180 et "
                                 "180\xa0: indiquez le rectangle en degrés WGS 84.")
    with pytest.raises(InputError, match="La date de début 2013-03-29 n'est pas antérieure à la date de fin"):
        SearchQuery(BBox(-76, 44, -75, 46), start="2013-03-29", end="2013-01-01")
    with pytest.raises(NetworkError) as raised:  # a real connection refused
        CswClient("http://127.0.0.1:9/csw", Profile.GENERIC, name="CSW 2.0.2").search(
            SearchQuery(BBox(-76, 44, -75, 46)))
    assert str(raised.value).startswith("Impossible de se connecter à CSW 2.0.2 à http://127.0.0.1:9/csw (")
    assert str(raised.value).endswith("Vérifiez l'URL et vos paramètres de réseau ou de mandataire.")


def test_a_wcs_service_exception_is_french_and_its_quoted_secret_still_redacted(french_errors):
    from eo_order.core.errors import ServiceError
    from eo_order.core.wcs10 import Wcs10Client
    from tests.servers.canned import CannedServer

    report = (b'<?xml version="1.0"?><ServiceExceptionReport version="1.2.0" xmlns="http://www.opengis.net/ogc">'
              b'<ServiceException code="InvalidParameterValue">msWCSGetCapabilities(): token=S3cr3t-Tok3n-99 is '
              b'not valid</ServiceException></ServiceExceptionReport>')
    with CannedServer({"/wcs": (200, {"Content-Type": "application/vnd.ogc.se_xml"}, report)}) as server:
        with pytest.raises(ServiceError) as raised:
            Wcs10Client(server.url_for("/wcs")).capabilities()
    text = str(raised.value)
    assert text == ("serveur WCS a signalé une erreur (code InvalidParameterValue)\xa0: msWCSGetCapabilities(): "
                    "token=*** is not valid")
    assert "S3cr3t" not in text
