"""eo_order:search_csw with credentials: an auth config is sent (HTTP Basic) to a catalogue behind a
Basic-auth check, and a CATALOG URL with user:password@ is refused without showing the password."""

import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

from tests.servers.basic_auth import BasicAuthFront
from tools.pycsw_server import PycswServer
from tools.sample_records import make_record

SECRET = "Pycsw-Basic-S3cret-31"
EXTENT = "-76.5,-75.3,45.0,45.8 [EPSG:4326]"


@pytest.fixture(scope="module")
def pycsw(tmp_path_factory):
    records = [make_record(str(900 + i), f"2012-01-0{i + 1}", (-76.2, 45.0, -75.5, 45.4), crs="crs84")
               for i in range(3)]
    with PycswServer(records, tmp_path_factory.mktemp("pycsw")) as server:
        yield server


def run(params):
    from qgis import processing

    return processing.run("eo_order:search_csw", {"PROFILE": 2, "EXTENT": EXTENT, **params})


def test_the_auth_config_reaches_a_catalogue_behind_basic_auth(provider, pycsw, make_authcfg, tmp_path):
    authcfg = make_authcfg("erin", SECRET, name="catalogue")
    with BasicAuthFront(pycsw.url, "erin", SECRET) as front:
        result = run({"CATALOG": front.url, "AUTHCFG": authcfg, "OUTPUT": str(tmp_path / "out.gpkg")})
        with pytest.raises(QgsProcessingException, match="asks for a username and password"):
            run({"CATALOG": front.url, "OUTPUT": str(tmp_path / "anonymous.gpkg")})
    layer = QgsVectorLayer(result["OUTPUT"], "out", "ogr")
    rows = {f["record_id"]: f["catalog"] for f in layer.getFeatures()}
    del layer
    assert rows == dict.fromkeys(("900", "901", "902"), front.url)


def test_a_catalog_url_with_a_password_is_refused(provider, pycsw, tmp_path):
    url = pycsw.url.replace("http://", f"http://erin:{SECRET}@")
    before = len(pycsw.requests)
    with pytest.raises(QgsProcessingException) as raised:
        run({"CATALOG": url, "OUTPUT": str(tmp_path / "out.gpkg")})
    text = str(raised.value)
    assert pycsw.url in text and "authentication configuration" in text and SECRET not in text
    assert len(pycsw.requests) == before and not (tmp_path / "out.gpkg").exists()


@pytest.fixture
def connection_to(qgis_app):
    """Make a user CSW connection (removed afterwards) as the Connections manager would."""
    from eo_order.core.connections import CSW, Connection, ConnectionStore
    from eo_order.core.csw import Profile

    store, made = ConnectionStore(), []

    def make(name, url, authcfg=""):
        left = store.find_url(CSW, url)  # a connection an earlier test made to the shared pycsw
        if left is not None and not left.builtin:
            store.remove(left)
        made.append(store.add(Connection(name, CSW, url, authcfg, profile=Profile.GENERIC)))
        return made[-1]

    yield make
    for connection in made:
        store.remove(connection)


def test_a_connection_picked_by_name_brings_its_url_profile_and_auth_config(provider, pycsw, make_authcfg,
                                                                           connection_to, tmp_path):
    authcfg = make_authcfg("erin", SECRET, name="catalogue")
    with BasicAuthFront(pycsw.url, "erin", SECRET) as front:
        connection_to("Ottawa catalogue (Basic)", front.url, authcfg)
        # no CATALOG, no AUTHCFG, the EODMS profile given: the connection's own are used
        result = run({"CONNECTION": "Ottawa catalogue (Basic)", "PROFILE": 0, "OUTPUT": str(tmp_path / "out.gpkg")})
    layer = QgsVectorLayer(result["OUTPUT"], "out", "ogr")
    rows = {f["record_id"]: f["catalog"] for f in layer.getFeatures()}
    del layer
    assert rows == dict.fromkeys(("900", "901", "902"), front.url)


def test_the_connection_is_listed_by_name_and_an_unknown_name_is_a_clear_message(provider, pycsw, connection_to,
                                                                                 tmp_path):
    from qgis.core import QgsApplication

    connection_to("Ottawa catalogue", pycsw.url)
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("eo_order:search_csw")
    options = algorithm.parameterDefinition("CONNECTION").options()
    assert "Ottawa catalogue" in options and "EODMS catalogue" in options
    before = len(pycsw.requests)
    with pytest.raises(QgsProcessingException, match="There is no CSW connection named 'Nowhere'. Choose one of: "
                                                     "EODMS catalogue, EODMS RCM, .*Ottawa catalogue"):
        run({"CONNECTION": "Nowhere", "OUTPUT": str(tmp_path / "out.gpkg")})
    assert len(pycsw.requests) == before
