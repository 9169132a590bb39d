"""EODMS RCM: SOAP 1.1 + WS-Security UsernameToken from a QGIS auth config,
through a shim that checks the token and unwraps the body for a real pycsw."""

import pytest
from lxml import etree

from eo_order.core.auth import credentials_from_authcfg
from eo_order.core.csw import CswClient, Profile
from eo_order.core.errors import AuthError
from eo_order.core.models import BBox, SearchQuery
from tests.servers.rcm_shim import RcmShim
from tools.pycsw_server import PycswServer
from tools.sample_records import make_record

OTTAWA = BBox(-76.3556, 44.9617, -75.2466, 45.5371)
SECRET = "s3cret-Pa55"


@pytest.fixture(scope="module")
def pycsw(tmp_path_factory):
    records = [make_record(str(5000 + i), f"2021-0{i % 9 + 1}-01", (-76, 45, -75.5, 45.5),
                           title="RCM Scene", collection="RCMImageProducts", crs="crs84") for i in range(7)]
    with PycswServer(records, tmp_path_factory.mktemp("rcm"), maxrecords=3) as server:
        yield server


class ShimForGeneric(RcmShim):
    """pycsw reads lon/lat envelopes without srsName as lat/lon; EODMS does not.
    The RCM profile sends what EODMS expects, so the shim (standing in for EODMS)
    adds the CRS84 srsName before relaying to pycsw."""

    def _forward(self, csw_request):
        root = etree.fromstring(csw_request)
        for env in root.iter("{http://www.opengis.net/gml}Envelope"):
            env.set("srsName", "urn:ogc:def:crs:OGC:1.3:CRS84")
        return super()._forward(etree.tostring(root))


@pytest.mark.parametrize("wrap_reply", [True, False])
def test_rcm_search_with_the_right_credentials_from_an_auth_config(pycsw, make_authcfg, wrap_reply):
    authcfg = make_authcfg("eodms-user", SECRET)
    with ShimForGeneric(pycsw.url, "eodms-user", SECRET, wrap_reply=wrap_reply) as shim:
        client = CswClient(shim.url, Profile.RCM, credentials=credentials_from_authcfg(authcfg),
                           auth_hint=f"auth config {authcfg}", records_per_request=3)
        result = client.search(SearchQuery(OTTAWA))
        sent = etree.fromstring(shim.requests[0])
    assert sorted(r.record_id for r in result.records) == [str(5000 + i) for i in range(7)]
    assert {r.collection_id for r in result.records} == {"RCMImageProducts"}
    # the envelope carries the token in the standard namespace, and no date filter
    ns = {"wsse": "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd",
          "s": "http://schemas.xmlsoap.org/soap/envelope/", "ogc": "http://www.opengis.net/ogc"}
    assert sent.find("s:Header/wsse:Security", ns).get(f"{{{ns['s']}}}mustUnderstand") == "1"
    assert sent.findtext("s:Header/wsse:Security/wsse:UsernameToken/wsse:Username", namespaces=ns) == "eodms-user"
    assert sent.find(".//ogc:PropertyIsLessThan", ns) is None


@pytest.mark.parametrize("failure", ["soap_fault", "http401"])
def test_rcm_wrong_password_fails_clearly_and_never_shows_it(pycsw, make_authcfg, failure):
    authcfg = make_authcfg("eodms-user", "wrong-" + SECRET)
    with RcmShim(pycsw.url, "eodms-user", SECRET, auth_failure=failure) as shim:
        client = CswClient(shim.url, Profile.RCM, credentials=credentials_from_authcfg(authcfg, "EODMS RCM"),
                           auth_hint=f"auth config {authcfg}")
        with pytest.raises(AuthError) as err:
            client.search(SearchQuery(OTTAWA))
        assert len(shim.requests) == 1  # no retry with bad credentials
    message = str(err.value)
    assert message.startswith(f"EODMS RCM rejected the username/password in auth config {authcfg} (HTTP ")
    assert "Check the credentials in QGIS' authentication settings." in message
    assert SECRET not in message and "wrong-" not in message
    assert SECRET not in repr(client.credentials)


def test_missing_auth_config_is_a_clear_error(qgis_app):
    with pytest.raises(AuthError, match="auth config 'nope123' for EODMS RCM does not exist"):
        credentials_from_authcfg("nope123", "EODMS RCM")
