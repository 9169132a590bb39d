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
    assert text == ("Serveur WCS a signalé une erreur (code InvalidParameterValue)\xa0: msWCSGetCapabilities(): "
                    "token=*** is not valid")
    assert "S3cr3t" not in text


# --- the errors of the catalogues and the downloader, in French (issue 11) ---------------------------

NBSP = "\xa0"


def _csw(body, name="Test CSW"):
    """A CSW search against a local server answering ``body``; returns the result."""
    from eo_order.core.csw import CswClient, Profile
    from eo_order.core.models import BBox, SearchQuery
    from tests.servers.canned import CannedServer

    with CannedServer({"/csw": (200, {"Content-Type": "application/xml"}, body)}) as server:
        return CswClient(server.url_for("/csw"), Profile.GENERIC, name=name).search(
            SearchQuery(BBox(-180, -90, 180, 90)))


def test_a_csw_30_reply_and_an_html_page_are_french_errors(french_errors):
    from pathlib import Path

    from eo_order.core.errors import ResponseError

    csw3 = (Path(__file__).parent / "data" / "csw" / "csw3_getrecords.xml").read_bytes()
    with pytest.raises(ResponseError) as raised:
        _csw(csw3)
    assert str(raised.value) == (
        f"Test CSW a répondu par un GetRecordsResponse CSW 3.0 au lieu d'un résultat GetRecords CSW 2.0.2{NBSP}: "
        f"EO Order lit les catalogues CSW 2.0.2{NBSP}; vérifiez que l'URL est le point d'accès CSW 2.0.2 du "
        "catalogue.")
    with pytest.raises(ResponseError) as raised:
        _csw(b"<!DOCTYPE html><html><head><title>Maintenance</title></head><body>Back soon</body></html>")
    assert "Maintenance" in str(raised.value) and "Test CSW" in str(raised.value)
    assert "HTML page" not in str(raised.value) and "page HTML" in str(raised.value)


def test_short_paging_and_undrawable_boxes_are_french_warnings(french_errors):
    records = "".join(
        f'<csw:Record><dc:identifier>r{i}</dc:identifier><ows:WGS84BoundingBox><ows:LowerCorner>{corner}'
        f"</ows:LowerCorner><ows:UpperCorner>10 10</ows:UpperCorner></ows:WGS84BoundingBox></csw:Record>"
        for i, corner in enumerate(["0 0", "1 1", "x y"]))
    body = ('<csw:GetRecordsResponse xmlns:csw="http://www.opengis.net/cat/csw/2.0.2" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:ows="http://www.opengis.net/ows">'
            '<csw:SearchResults numberOfRecordsMatched="25" numberOfRecordsReturned="3" nextRecord="0">'
            f"{records}</csw:SearchResults></csw:GetRecordsResponse>").encode()
    result = _csw(body)
    assert result.records[2].box_problem == "the corner 'x y' is not two numbers"  # per record: English
    assert result.warnings() == [
        f"Le catalogue a trouvé 25 enregistrements mais n'en a envoyé que 3 (la page 1 n'a donné aucune position "
        f"d'enregistrement suivant){NBSP}: le résultat est incomplet. Réessayez plus tard, ou restreignez la "
        "recherche.",
        f"1 enregistrements ont un rectangle d'emprise impossible à tracer (1{NBSP}: le coin 'x y' n'est pas fait "
        f"de deux nombres){NBSP}; ils sont gardés sans emprise.",
    ]


def test_copernicus_search_errors_are_french(french_errors):
    import json

    from eo_order.core.cdse_search import CdseCatalogue, CdseQuery
    from eo_order.core.errors import HttpError, InputError
    from tests.servers.cdse import CdseServer, make_products

    swiss = [(5.9, 45.8), (10.5, 45.8), (10.5, 47.8), (5.9, 47.8)]
    with CdseServer(make_products(3)) as server:
        server.faults.append((500, {"Content-Type": "application/json"}, json.dumps({"detail": "database timeout"})))
        with pytest.raises(HttpError) as raised:
            CdseCatalogue(server.url).search(CdseQuery("SENTINEL-2", swiss, "2022-05-01", "2022-06-01"))
    assert str(raised.value) == (f"Catalogue de Copernicus Data Space a eu un problème en répondant à la recherche "
                                 f"(HTTP 500). Le serveur a dit{NBSP}: database timeout. Réessayez plus tard.")
    with pytest.raises(InputError) as raised:
        CdseQuery("SENTINEL-2", [(0, 0), (1, 1), (1, 0), (0, 1)], "2022-05-01", "2022-06-01")
    assert str(raised.value) == (f"Le polygone de recherche se croise lui-même (ses côtés se coupent){NBSP}: "
                                 "tracez-le de nouveau sans boucles.")


def test_copernicus_download_failures_are_french(french_errors, tmp_path):
    from eo_order.core.auth import Credentials
    from eo_order.core.cdse_auth import TokenManager
    from eo_order.core.cdse_download import FAILED, Downloader, DownloadItem
    from tests.servers.cdse_download import (
        PASSWORD,
        USERNAME,
        Content,
        DownloadServer,
        FakeClock,
        IdentityServer,
        Product,
        RedirectServer,
        StorageServer,
    )

    clock = FakeClock()
    identity, storage = IdentityServer(clock=clock), StorageServer()
    download = DownloadServer(identity, [], storage=storage)
    catalogue = RedirectServer(download)
    try:
        wrong = Product("S2B_wrong_checksum.SAFE", Content.random(40_000, seed=7), ("wrong-checksum",))
        download.add(wrong)
        entry = wrong.catalogue_entry()
        md5 = next(c["Value"] for c in entry["Checksum"] if c["Algorithm"] == "MD5")
        item = DownloadItem(entry["Id"], entry["Name"], md5, entry["ContentLength"], online=entry["Online"])
        hostile = DownloadItem("x)/../../admin?y=(", "S2A_hostile.SAFE", None, 1000)
        tokens = TokenManager(identity.token_url, credentials=Credentials(USERNAME, PASSWORD), clock=clock)
        downloader = Downloader(tokens, tmp_path, download_url=catalogue.products_url,
                                trusted_origins=(download.base_url,), sleep=lambda seconds: None)
        bad_id, bad_md5 = downloader.run([hostile, item])
    finally:
        for server in (identity, storage, download, catalogue):
            server.stop()
    assert (bad_id.status, bad_md5.status) == (FAILED, FAILED)
    assert bad_id.message == (
        f"S2A_hostile.SAFE{NBSP}: son identifiant 'x)/../../admin?y=(' n'est pas un identifiant de produit "
        "Copernicus (un UUID tel que 0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0), il n'a donc pas été demandé"
        f"{NBSP}: recherchez de nouveau ce produit dans le catalogue.")
    assert bad_md5.message.startswith(f"S2B_wrong_checksum.SAFE{NBSP}: le MD5 du fichier téléchargé (")
    assert bad_md5.message.endswith(f"deux fois{NBSP}; le fichier a été supprimé. Signalez-le à l'équipe de "
                                    "soutien de Copernicus Data Space ou réessayez plus tard.")


def test_every_box_problem_a_reader_writes_is_translated_in_warnings(french_errors):
    """The readers write a record's box problem in English (once per record, no translation there);
    problem_text must know each of them, values included, to show it in French."""
    from eo_order.core.boxes import BOUND_MISSING, CORNER_MISSING, POLYGON_NOT_NUMBER, POLYGON_UNUSABLE, problem_text
    from eo_order.core.models import check_record_box

    written = [check_record_box(*box)[1] for box in ((float("nan"), 0, 1, 1), (-200, 0, 1, 1), (0, -95, 1, 1),
                                                     (0, 5, 1, 1 - 5))]
    written += [CORNER_MISSING, BOUND_MISSING, POLYGON_NOT_NUMBER, POLYGON_UNUSABLE]  # csw and iso19139 write these
    assert [problem_text(problem) for problem in written] == [
        "une coordonnée n'est pas un nombre fini", "longitudes -200, 1 hors de -180…180",
        "latitudes -95, 1 hors de -90…90", "le sud 5 est au nord du nord -4", "un coin manque",
        "une limite du rectangle géographique manque ou n'est pas un nombre",
        "le polygone d'emprise a une coordonnée qui n'est pas un nombre",
        "le polygone d'emprise n'a aucune coordonnée utilisable"]
