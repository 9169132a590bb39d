"""Connections: built-ins and user CSW/WCS connections in QgsSettings, migration of the old URL
lists, and the exchange files (EO Order's own format and QGIS' MetaSearch / WCS formats)."""

import pytest
from lxml import etree
from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QSettings
from qgis.PyQt.QtXml import QDomDocument

from eo_order.core.connections import (
    CDSE,
    CSW,
    EODMS_ORDER,
    FORMAT_EO_ORDER,
    FORMAT_QGIS_CSW,
    FORMAT_QGIS_WCS,
    STAC,
    WCS,
    Connection,
    ConnectionStore,
    connections_to_xml,
    parse_connections_xml,
    validate_url,
)
from eo_order.core.csw import EODMS_CATALOG_URL, EODMS_RCM_URL, Profile
from eo_order.core.errors import InputError
from eo_order.core.settings import Settings

PYCSW = "http://127.0.0.1:8000/csw"
MAPSERVER = "http://127.0.0.1:8001/cgi-bin/mapserv?map=/data/dem.map"


def store_in(path):
    return ConnectionStore(Settings(QgsSettings(str(path), QSettings.Format.IniFormat)))


@pytest.fixture
def store(tmp_path, qgis_app):
    return store_in(tmp_path / "a.ini")


@pytest.fixture
def other(tmp_path, qgis_app):
    return store_in(tmp_path / "b.ini")


def view(connections):
    return [(c.kind, c.name, c.url, c.authcfg, c.builtin, c.profile) for c in connections]


def test_builtins_come_first_and_cannot_be_removed(store):
    assert [(c.kind, c.name) for c in store.all()] == [
        (CSW, "EODMS catalogue"), (CSW, "EODMS RCM"), (EODMS_ORDER, "EODMS ordering"), (CDSE, "Copernicus Data Space"),
        (STAC, "Copernicus Data Space STAC"), (STAC, "Earth Search"), (STAC, "Planetary Computer")]
    rcm = store.find(CSW, "EODMS RCM")
    assert rcm.url == EODMS_RCM_URL and rcm.profile == Profile.RCM and rcm.needs_auth
    with pytest.raises(InputError, match="built in: it cannot be removed"):
        store.remove(rcm)


def test_builtin_auth_configs_use_the_keys_the_panels_read(store):
    for name, kind, authcfg in (("EODMS RCM", CSW, "rcm0001"), ("EODMS ordering", EODMS_ORDER, "ord0001"),
                                ("Copernicus Data Space", CDSE, "cds0001")):
        builtin = store.find(kind, name)
        store.update(builtin, Connection(builtin.name, kind, builtin.url, authcfg))
    settings = store.settings
    assert settings.authcfg_for(EODMS_RCM_URL) == "rcm0001"
    assert settings.order_authcfg == "ord0001" and settings.cdse_authcfg == "cds0001"
    assert store.find(CSW, "EODMS RCM").authcfg == "rcm0001"


def test_add_edit_remove_a_user_connection(store):
    added = store.add(Connection("Local pycsw", CSW, f"  {PYCSW} ", "abc1234"))
    assert added.url == PYCSW and added.profile == Profile.GENERIC
    assert store.settings.authcfg_for(PYCSW) == "abc1234"  # the per-URL key the search tab reads
    with pytest.raises(InputError, match="already a CSW 2.0.2 catalogue named “Local pycsw”"):
        store.add(Connection("Local pycsw", CSW, "http://127.0.0.1:9/other"))
    with pytest.raises(InputError, match="“Local pycsw” already connects to"):
        store.add(Connection("Same server", CSW, PYCSW))
    assert store.add(Connection("Local pycsw", WCS, MAPSERVER)).kind == WCS  # names are per kind

    moved = store.update(added, Connection("Renamed", CSW, "http://127.0.0.1:8002/csw", "abc1234",
                                           profile=Profile.EODMS))
    assert view(store.user(CSW)) == [(CSW, "Renamed", "http://127.0.0.1:8002/csw", "abc1234", False, Profile.EODMS)]
    assert store.settings.authcfg_for(PYCSW) == ""  # the old URL's auth key is not left behind
    store.remove(moved)
    assert store.user(CSW) == []


@pytest.mark.parametrize("url, message", [
    ("", "Enter the URL of the CSW 2.0.2 catalogue."),
    ("ftp://example.org/csw", "it must start with http:// or https://"),
    ("example.org/csw", "it must start with http:// or https://"),
    ("http:///csw", "it names no server after http://"),
    ("http://example.org:99999/csw", "its port is not a number from 1 to 65535"),
    ("http://example.org/my csw", "it contains spaces"),
])
def test_bad_urls_are_refused_with_what_is_wrong(store, url, message):
    with pytest.raises(InputError, match=message):
        validate_url(url, CSW)
    with pytest.raises(InputError, match=message):
        store.add(Connection("x", CSW, url))


def test_urls_saved_by_earlier_versions_become_connections(tmp_path, qgis_app):
    path = tmp_path / "old.ini"
    old = QgsSettings(str(path), QSettings.Format.IniFormat)
    old.setValue("eo_order/csw/custom_urls", [PYCSW, EODMS_CATALOG_URL, PYCSW, "http://127.0.0.1:8003/csw/"])
    old.setValue("eo_order/wcs/urls", [MAPSERVER])
    old.setValue(f"eo_order/auth/{_key(PYCSW)}", "abc1234")
    old.sync()

    store = store_in(path)
    assert view(store.user()) == [
        (CSW, "127.0.0.1:8000/csw", PYCSW, "abc1234", False, Profile.GENERIC),
        (CSW, "127.0.0.1:8003/csw", "http://127.0.0.1:8003/csw/", "", False, Profile.GENERIC),
        (WCS, "127.0.0.1:8001/cgi-bin/mapserv?map=/data/dem.map", MAPSERVER, "", False, None),
    ]
    store.remove(store.user(WCS)[0])  # migrated once: removing one does not bring it back
    assert store_in(path).user(WCS) == []
    assert store.settings.legacy_wcs_urls == [MAPSERVER]  # the old keys are left as they were


def _key(url):
    from eo_order.core.settings import _key

    return _key(url)


def test_export_import_round_trip_keeps_every_connection(store, other):
    store.update(store.find(CSW, "EODMS RCM"), Connection("EODMS RCM", CSW, EODMS_RCM_URL, "rcm0001"))
    store.update(store.find(CDSE, "Copernicus Data Space"), Connection("x", CDSE, "", "cds0001"))
    store.add(Connection("Staging EODMS", CSW, "https://staging.example.org/csw?x=1&y=2", "stg0001",
                         profile=Profile.EODMS))
    store.add(Connection("pycsw <local> & “quoted”", CSW, PYCSW))
    store.add(Connection("MapServer DEM", WCS, MAPSERVER, "wcs0001"))

    data = store.export_xml(store.all(), FORMAT_EO_ORDER)
    root = etree.fromstring(data)
    assert root.tag == "qgsEoOrderConnections" and root.get("version") == "1.0"
    assert b"<!DOCTYPE" not in data
    assert [(e.tag, e.get("name")) for e in root] == [(c.kind, c.name) for c in store.all()]

    report = other.import_xml(data, known_authcfgs={"rcm0001", "cds0001", "stg0001", "wcs0001"})
    assert view(other.all()) == view(store.all())
    assert [c.name for c in report.added] == ["Staging EODMS", "pycsw <local> & “quoted”", "MapServer DEM"]
    assert {c.name for c in report.replaced} == {"EODMS RCM", "Copernicus Data Space"}  # their auth config
    assert report.unknown_authcfg == [] and report.dropped_credentials == []

    again = other.import_xml(data)  # importing the same file twice changes nothing
    assert not again.changed and len(again.unchanged) == len(store.all())
    assert view(other.all()) == view(store.all())


def test_qgis_formats_load_the_way_metasearch_and_qgis_read_them(store, other):
    store.add(Connection("pycsw", CSW, PYCSW, "abc1234"))
    store.add(Connection("MapServer DEM", WCS, MAPSERVER, "wcs0001"))

    csw = store.export_xml(store.all(), FORMAT_QGIS_CSW)
    root = etree.fromstring(csw)  # MetaSearch: etree root 'qgsCSWConnections', <csw name url>
    assert root.tag == "qgsCSWConnections" and root.get("version") == "1.0"
    assert [(e.tag, e.get("name"), e.get("url")) for e in root] == [
        ("csw", "EODMS catalogue", EODMS_CATALOG_URL), ("csw", "EODMS RCM", EODMS_RCM_URL), ("csw", "pycsw", PYCSW)]

    wcs = store.export_xml(store.all(), FORMAT_QGIS_WCS)
    doc = QDomDocument()  # QGIS' QgsManageConnectionsDialog reads it with QDomDocument
    assert doc.setContent(wcs, True)[0]
    assert doc.doctype().name() == "connections"
    element = doc.documentElement()
    assert (element.tagName(), element.attribute("version")) == ("qgsWCSConnections", "1.0")
    child = element.firstChildElement()
    assert (child.tagName(), child.attribute("name"), child.attribute("url")) == ("wcs", "MapServer DEM", MAPSERVER)
    assert child.nextSiblingElement().isNull()
    assert b"authcfg" not in wcs and b"authcfg" not in csw  # QGIS' formats carry no auth config

    other.import_xml(csw)
    other.import_xml(wcs)
    assert [(c.kind, c.name, c.url) for c in other.user()] == [(CSW, "pycsw", PYCSW), (WCS, "MapServer DEM", MAPSERVER)]


def test_qgis_format_holds_only_its_kind(store):
    with pytest.raises(InputError, match="holds WCS servers"):
        connections_to_xml([store.find(CDSE, "Copernicus Data Space")], FORMAT_QGIS_WCS)


def test_usernames_and_passwords_in_qgis_files_are_never_imported(other, tmp_path):
    data = b"""<!DOCTYPE connections>
<qgsWCSConnections version="1.0">
  <wcs name="Secured" url="https://wcs.example.org/wcs" username="alice" password="s3cret-pw"
       ignoreGetMapURI="false" dpiMode="7"/>
  <wms name="not a WCS" url="https://wms.example.org/"/>
</qgsWCSConnections>"""
    report = other.import_xml(data)
    assert [c.name for c in report.added] == ["Secured"] and report.dropped_credentials == ["Secured"]
    other.settings._s.sync()
    assert b"s3cret-pw" not in (tmp_path / "b.ini").read_bytes()
    assert b"alice" not in (tmp_path / "b.ini").read_bytes()


def test_a_name_already_taken_is_suffixed_or_replaced(store):
    store.add(Connection("Catalogue", CSW, PYCSW, "abc1234"))
    data = connections_to_xml([Connection("Catalogue", CSW, "http://127.0.0.1:8009/csw", "new0001")])

    report = store.import_xml(data)
    assert report.renamed == [("Catalogue", "Catalogue (2)")]
    assert [(c.name, c.url) for c in store.user()] == [
        ("Catalogue", PYCSW), ("Catalogue (2)", "http://127.0.0.1:8009/csw")]

    store.remove(store.find(CSW, "Catalogue (2)"))
    report = store.import_xml(data, replace_existing=True)
    assert [c.name for c in report.replaced] == ["Catalogue"] and report.renamed == []
    assert view(store.user()) == [(CSW, "Catalogue", "http://127.0.0.1:8009/csw", "new0001", False, Profile.GENERIC)]

    clash = connections_to_xml([Connection("EODMS RCM", CSW, "http://127.0.0.1:8010/csw")])
    assert store.import_xml(clash, replace_existing=True).renamed == [("EODMS RCM", "EODMS RCM (2)")]  # built-ins stay


def test_a_url_already_there_is_the_same_connection(store):
    store.add(Connection("Mine", CSW, PYCSW))
    data = connections_to_xml([Connection("Theirs", CSW, PYCSW, "abc1234")])
    report = store.import_xml(data)
    assert [c.name for c in store.user()] == ["Mine"] and store.user()[0].authcfg == "abc1234"  # an empty one filled
    assert report.added == []
    report = store.import_xml(data, replace_existing=True)
    assert [c.name for c in store.user()] == ["Theirs"]


def test_connections_from_metasearch_and_qgis_wcs_settings(store, tmp_path):
    qgis = QgsSettings(str(tmp_path / "qgis.ini"), QSettings.Format.IniFormat)
    qgis.setValue("qgis/connections-wcs/DEM server/url", MAPSERVER)
    qgis.setValue("qgis/WCS/DEM server/authcfg", "wcs0001")
    qgis.setValue("qgis/connections-wcs/selected", "DEM server")  # a value, not a connection
    qgis.setValue("MetaSearch/pycsw demo/url", PYCSW)
    qgis.setValue("MetaSearch/pycsw demo/username", "bob")
    qgis.setValue("MetaSearch/pycsw demo/password", "hunter2")
    qgis.setValue("MetaSearch/timeout", 10)

    found, with_password = store.qgis_connections(qgis)
    assert view(found) == [(WCS, "DEM server", MAPSERVER, "wcs0001", False, None),
                           (CSW, "pycsw demo", PYCSW, "", False, Profile.GENERIC)]
    assert with_password == ["pycsw demo"]
    report = store.import_connections(found, known_authcfgs=set())
    assert [c.name for c in report.added] == ["DEM server", "pycsw demo"]
    assert report.unknown_authcfg == [("DEM server", "wcs0001")]


@pytest.mark.parametrize("data, message", [
    (b"", "The file is empty"),
    (b"<qgsCSWConnections><csw name='a' url='http://x/'", "The file is not readable XML"),
    (b"<html><body>Not found</body></html>", "it is a <html> document, not <qgsEoOrderConnections>"),
    (b"\xff\xfe garbage", "The file is not readable XML"),
])
def test_a_bad_file_is_a_clear_error(store, data, message):
    with pytest.raises(InputError, match=message):
        store.import_xml(data)
    assert store.user() == []


def test_entities_in_a_file_stay_inert(store, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    data = f"""<?xml version="1.0"?>
<!DOCTYPE connections [<!ENTITY leak SYSTEM "file://{secret}">]>
<qgsCSWConnections version="1.0"><csw name="x&leak;" url="http://127.0.0.1:8000/csw"/></qgsCSWConnections>
""".encode()
    try:
        connections, _ = parse_connections_xml(data)
    except InputError:
        return  # refusing the file is fine too
    assert all("TOP-SECRET" not in c.name for c in connections)


def test_invalid_entries_are_skipped_with_the_reason(store):
    data = b"""<qgsEoOrderConnections version="1.0">
  <csw name="no scheme" url="example.org/csw"/>
  <wcs name="ok" url="http://127.0.0.1:8001/wcs"/>
  <unknown name="ignored" url="http://127.0.0.1/"/>
</qgsEoOrderConnections>"""
    report = store.import_xml(data)
    assert [c.name for c in report.added] == ["ok"]
    assert report.skipped == [("no scheme", "'example.org/csw' is not a valid URL for a CSW 2.0.2 catalogue: "
                                            "it must start with http:// or https://.")]


def test_ensure_adds_a_url_once(store):
    first = store.ensure(WCS, MAPSERVER)
    assert first.name == "127.0.0.1:8001/cgi-bin/mapserv?map=/data/dem.map"
    assert store.ensure(WCS, f" {MAPSERVER} ") == first and len(store.user()) == 1
    assert store.ensure(CSW, EODMS_CATALOG_URL).builtin


def test_stac_apis_are_connections_like_the_others(store, other):
    assert [(c.name, c.url) for c in store.all(STAC)] == [
        ("Copernicus Data Space STAC", "https://stac.dataspace.copernicus.eu/v1"),
        ("Earth Search", "https://earth-search.aws.element84.com/v1"),
        ("Planetary Computer", "https://planetarycomputer.microsoft.com/api/stac/v1")]
    mine = store.add(Connection("Local STAC", STAC, "http://127.0.0.1:8002/", "stac001"))
    assert store.find(STAC, "Local STAC") == mine and store.settings.authcfg_for(mine.url) == "stac001"
    with pytest.raises(InputError, match="built in: it cannot be removed"):
        store.remove(store.find(STAC, "Earth Search"))
    data = store.export_xml([mine], FORMAT_EO_ORDER)
    assert b'<stac name="Local STAC" url="http://127.0.0.1:8002/" authcfg="stac001"/>' in data
    report = other.import_xml(data, known_authcfgs={"stac001"})
    assert [(c.kind, c.name, c.url, c.authcfg) for c in report.added] == [
        (STAC, "Local STAC", "http://127.0.0.1:8002/", "stac001")]
    assert view(other.user(STAC)) == view(store.user(STAC))
