"""One run with credentials, end to end, then a search for the secrets in everything EO Order wrote.

An RCM search with a password (SOAP shim in front of a real pycsw) from the dock, the same search
against a hostile catalogue whose SOAP fault quotes the request envelope (password included), an
export of the footprints, an EODMS order through the WES fake (HTTP Basic), and a Copernicus
download through the identity/download fakes with a token, where one product's refusal echoes the
request headers (``Authorization: Bearer …``) into its body. Afterwards the QGIS profile folder,
every output folder (exports, query log, products, the Processing result table, journal, history),
the captured stdout/stderr, the QGIS message log and the message bar are searched for the
passwords, their Basic encoding and every token the identity server issued: none may appear.
"""

import base64
import os
from pathlib import Path
from urllib.parse import quote

import pytest
from lxml import etree
from qgis.core import Qgis, QgsApplication, QgsCoordinateReferenceSystem, QgsProject, QgsRectangle
from qgis.PyQt.QtCore import QCoreApplication

from eo_order.core.cdse_search import CdseQuery
from eo_order.core.connections import CSW, Connection, ConnectionStore
from eo_order.core.csw import Profile
from eo_order.core.export import export_footprints
from eo_order.core.footprints import scene_from_feature
from eo_order.core.querylog import write_query_log
from eo_order.core.settings import Settings
from eo_order.ui.dock import EoOrderDock
from tests.conftest import wait_for
from tests.servers.canned import CannedServer
from tests.servers.cdse_download import Content, DownloadServer, FakeClock, IdentityServer, Product
from tests.servers.eodms_wes import EodmsWesServer
from tests.servers.rcm_shim import SOAP_CONTENT_TYPE, RcmShim, soap_fault
from tools.pycsw_server import PycswServer
from tools.sample_records import make_record

RCM_USER, RCM_PASSWORD = "rcm-e2e-user", "Rcm-e2e-S3cret-7781"
WES_USER, WES_PASSWORD = "wes-e2e-user", "Wes-e2e-S3cret-6652"
CDSE_USER, CDSE_PASSWORD = "cdse-e2e@example.org", "Cdse-e2e-S3cret-5523"
OTTAWA = QgsRectangle(-76.5, 45.0, -75.3, 45.8)


class ShimForPycsw(RcmShim):
    """The RCM profile sends lon/lat boxes without srsName, as EODMS reads them; pycsw needs CRS84."""

    def _forward(self, csw_request):
        root = etree.fromstring(csw_request)
        for env in root.iter("{http://www.opengis.net/gml}Envelope"):
            env.set("srsName", "urn:ogc:def:crs:OGC:1.3:CRS84")
        return super()._forward(etree.tostring(root))


class EchoingDownloadServer(DownloadServer):
    """Products named *ECHO* are refused (403) by a 'proxy' that quotes the request headers."""

    def _reply(self, recorded, product):
        if product is not None and "ECHO" in product.name:
            headers = sorted(recorded.headers.items(), key=lambda item: item[0].lower() != "authorization")
            body = "Forbidden by proxy. Request headers:\n" + "\n".join(f"{k}: {v}" for k, v in headers)
            return 403, {"Content-Type": "text/plain"}, body, 0
        return super()._reply(recorded, product)


def quoting_fault(request):
    """A hostile RCM endpoint: a SOAP fault quoting the envelope it received."""
    return 500, {"Content-Type": SOAP_CONTENT_TYPE}, soap_fault(
        "soapenv:Server", "Could not process: " + request.body.decode("utf-8", "replace")), 0


@pytest.fixture
def servers(tmp_path):
    records = [make_record(rid, "2013-02-21", (-76.4, 45.2, -75.6, 45.6), collection="Radarsat1")
               for rid in ("1508207", "1508208")]
    clock = FakeClock()
    with PycswServer(records, tmp_path / "pycsw") as pycsw, \
            ShimForPycsw(pycsw.url, RCM_USER, RCM_PASSWORD) as shim, \
            CannedServer({"/rcm": quoting_fault}) as hostile, \
            EodmsWesServer(users={WES_USER: WES_PASSWORD}) as wes:
        identity = IdentityServer(users={CDSE_USER: CDSE_PASSWORD}, clock=clock)
        download = EchoingDownloadServer(identity, [])
        try:
            yield shim, hostile, wes, identity, download
        finally:
            download.stop()
            identity.stop()


def secrets_of(identity):
    found = {RCM_PASSWORD, WES_PASSWORD, CDSE_PASSWORD, *identity._access, *identity._refresh}
    found |= {quote(s, safe="") for s in list(found)}
    found.add(base64.b64encode(f"{WES_USER}:{WES_PASSWORD}".encode()).decode())
    return {s.encode() for s in found}


def leaks(path, secrets):
    """(file, secret) pairs for every file under ``path`` holding one of ``secrets``."""
    out = []
    for root, _dirs, files in os.walk(path):
        for name in files:
            data = Path(root, name).read_bytes()
            out += [(str(Path(root, name)), s.decode()) for s in secrets if s in data]
    return out


def test_no_password_or_token_in_anything_written(qgis_iface, qgis_new_project, provider, make_authcfg, servers,
                                                  tmp_path, capfd):
    from qgis import processing

    shim, hostile, wes, identity, download = servers
    logged = []

    def collect(message, *_):
        logged.append(message)

    QgsApplication.messageLog().messageReceived.connect(collect)
    rcm_auth = make_authcfg(RCM_USER, RCM_PASSWORD, name="RCM e2e")
    wes_auth = make_authcfg(WES_USER, WES_PASSWORD, name="WES e2e")
    cdse_auth = make_authcfg(CDSE_USER, CDSE_PASSWORD, name="CDSE e2e")
    profile = tmp_path / "profile" / "eo_order"
    out = tmp_path / "out"
    out.mkdir()
    settings = Settings()
    settings.order_wcs_url = wes.url
    store = ConnectionStore()
    connections = [store.add(Connection("E2E RCM", CSW, shim.url, rcm_auth, False, Profile.RCM)),
                   store.add(Connection("E2E hostile RCM", CSW, hostile.url_for("/rcm"), rcm_auth, False, Profile.RCM))]
    dock = EoOrderDock(qgis_iface, journal_path=profile / "orders.sqlite", history_path=profile / "history.sqlite")
    try:
        panel = dock.search
        panel.extent_box.setOutputExtentFromUser(OTTAWA, QgsCoordinateReferenceSystem("EPSG:4326"))
        statuses = []
        for connection in connections:  # the RCM search, then the hostile one
            panel.catalog_combo.setCurrentIndex(panel.catalog_combo.findData(connection.url))
            panel.auth_select.setConfigId(rcm_auth)
            assert panel.search() is not None
            wait_for(lambda: panel.task is None, timeout=60)
            statuses.append(panel.status.text())
        layer = panel.layer
        assert layer is not None and layer.featureCount() == 2, statuses
        assert "SOAP fault soapenv:Server" in statuses[1]
        export_footprints(layer, str(out / "rcm.gpkg"), "gpkg")

        # order both scenes from EODMS (the dock's order task, journal in the profile folder)
        task = dock.orders.start_order([scene_from_feature(f) for f in layer.getFeatures()], "ZIP", wes_auth)
        wait_for(lambda: task not in dock.orders.tasks, timeout=60)
        assert len(wes.orders) == 2

        # download from Copernicus (Processing), one refusal quoting the request headers
        products = [download.add(Product("S2A_MSIL1C_E2E.SAFE", Content.random(40_000, seed=1))),
                    download.add(Product("S2B_ECHO_E2E.SAFE", Content.random(30_000, seed=2)))]
        rows = [{"Id": p.id, "Name": p.name, "Checksum": p.checksum, "Online": True, "Downloaded": False}
                for p in products]
        log = write_query_log(out / "query.log", CdseQuery("SENTINEL-2", ((5, 45), (6, 45), (6, 46), (5, 45)),
                                                           "2024-01-01", "2024-01-02"), rows)
        result = processing.run("eo_order:download_cdse", {
            "INPUT_LOG": str(log), "OUTPUT_FOLDER": str(out / "products"), "AUTHCFG": cdse_auth,
            "TOKEN_URL": identity.token_url, "DOWNLOAD_URL": download.products_url,
            "OUTPUT": str(out / "downloads.csv")})
        table = (out / "downloads.csv").read_text()
        assert "verified" in table and "Server said" in table and identity._access
        assert result["OUTPUT"]
        QCoreApplication.processEvents()
    finally:
        for connection in connections:
            store.remove(connection)
        settings.order_wcs_url = ""
        dock.shutdown()
        dock.deleteLater()
        QgsProject.instance().removeAllMapLayers()
        QgsApplication.messageLog().messageReceived.disconnect(collect)

    secrets = secrets_of(identity)
    assert secrets and any(RCM_PASSWORD.encode() in r.body for r in hostile.requests)  # it was sent, and echoed
    captured = capfd.readouterr()
    bar = qgis_iface.messageBar()
    shown = [m for level in (Qgis.MessageLevel.Info, Qgis.MessageLevel.Warning, Qgis.MessageLevel.Critical,
                             Qgis.MessageLevel.Success) for m in bar.get_messages(level)]
    assert any("SOAP fault" in m for m in shown)
    texts = {"stdout": captured.out, "stderr": captured.err, "message log": "\n".join(logged),
             "message bar": "\n".join(shown), "status lines": "\n".join(statuses)}
    assert [(where, s.decode()) for where, text in texts.items() for s in secrets if s.decode() in text] == []
    assert leaks(tmp_path, secrets) == []
    assert leaks(QgsApplication.qgisSettingsDirPath(), secrets) == []
    bar.clear_messages()
