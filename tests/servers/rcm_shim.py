"""A loopback stand-in for the EODMS RCM catalogue: SOAP 1.1 + WS-Security in front of a CSW.

EODMS's RCMImageProducts endpoint takes a GetRecords inside a SOAP 1.1 envelope whose header
carries a ``wsse:UsernameToken`` (docs/rcm-soap.md). pycsw only unwraps SOAP 1.2, so this shim
checks the token, unwraps the Body's first child, POSTs it to a backend CSW (a PycswServer) and
relays the reply, SOAP-wrapped or raw.

    with PycswServer(records, tmp) as csw, RcmShim(csw.url, "user", "secret") as rcm:
        requests.post(rcm.url, data=envelope, headers={"Content-Type": "text/xml; charset=utf-8"})
        rcm.requests  # raw POST bodies received (bytes); rcm.recorded has headers too
"""

import hmac

import requests
from lxml import etree

from .canned import LoopbackServer

SOAP11_NS = "http://schemas.xmlsoap.org/soap/envelope/"
WSSE_NS = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"
PASSWORD_TEXT = (
    "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText"
)
AUTH_FAULTSTRING = "The security token could not be authenticated or authorized"

SOAP_CONTENT_TYPE = "text/xml; charset=utf-8"

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)

_HTML_401 = b"""<!DOCTYPE html>
<html><head><title>401 Unauthorized</title></head>
<body><h1>Unauthorized</h1><p>This server could not verify that you are authorized to access
the document requested.</p></body></html>
"""


def soap_fault(faultcode, faultstring, nsmap=None):
    """A SOAP 1.1 Envelope holding one Fault, as bytes."""
    envelope = etree.Element(f"{{{SOAP11_NS}}}Envelope", nsmap={"soapenv": SOAP11_NS})
    body = etree.SubElement(envelope, f"{{{SOAP11_NS}}}Body")
    fault = etree.SubElement(body, f"{{{SOAP11_NS}}}Fault")
    code = etree.SubElement(fault, "faultcode", nsmap=nsmap or {})
    code.text = faultcode
    etree.SubElement(fault, "faultstring").text = faultstring
    return etree.tostring(envelope, xml_declaration=True, encoding="UTF-8")


def soap_wrap(element):
    """``element`` inside a SOAP 1.1 Envelope/Body, as bytes."""
    envelope = etree.Element(f"{{{SOAP11_NS}}}Envelope", nsmap={"soapenv": SOAP11_NS})
    etree.SubElement(envelope, f"{{{SOAP11_NS}}}Body").append(element)
    return etree.tostring(envelope, xml_declaration=True, encoding="UTF-8")


class RcmShim(LoopbackServer):
    """SOAP 1.1 / WS-Security front for the CSW at ``backend_url``, on 127.0.0.1.

    auth_failure: 'soap_fault' (HTTP 500 + soapenv:Fault wsse:FailedAuthentication, default) or
        'http401' (HTTP 401 + a small HTML page).
    wrap_reply: relay the backend's reply inside a SOAP 1.1 Envelope/Body (default) or raw.
    wsse_namespaces: the WS-Security namespaces accepted for the token (default: the standard one
        only, so the walkthrough's misspelt ``docs.oasisopen.org`` fails authentication).
    """

    def __init__(
        self,
        backend_url,
        username="eodms-user",
        password="eodms-password",
        *,
        auth_failure="soap_fault",
        wrap_reply=True,
        wsse_namespaces=(WSSE_NS,),
        port=0,
        backend_timeout=30,
    ):
        if auth_failure not in ("soap_fault", "http401"):
            raise ValueError("auth_failure must be 'soap_fault' or 'http401'")
        self.backend_url = backend_url
        self.username = username
        self.password = password
        self.auth_failure = auth_failure
        self.wrap_reply = wrap_reply
        self.wsse_namespaces = tuple(wsse_namespaces)
        self.backend_timeout = backend_timeout
        self._session = requests.Session()
        self._session.trust_env = False  # loopback backend: never through a proxy
        super().__init__(port)
        self.url = self.url_for("/MetaManagerCSW/csw/RCMImageProducts")

    @property
    def requests(self):
        """Raw POST bodies received (bytes), oldest first."""
        return [r.body for r in self.recorded if r.method == "POST"]

    def stop(self):
        super().stop()
        self._session.close()

    # -- request handling -------------------------------------------------------------------

    def handle(self, recorded):
        if recorded.method != "POST":
            return 405, {"Content-Type": "text/plain", "Allow": "POST"}, b"POST a SOAP 1.1 envelope", 0
        try:
            root = etree.fromstring(recorded.body, _PARSER)
        except etree.XMLSyntaxError as err:
            return self._fault("soapenv:Client", f"Malformed SOAP message: {err}")
        if etree.QName(root).localname != "Envelope":
            return self._fault("soapenv:Client", "Not a SOAP envelope")
        if etree.QName(root).namespace != SOAP11_NS:
            return self._fault("soapenv:VersionMismatch", "Expected a SOAP 1.1 envelope")

        if not self._authenticated(root):
            return self._auth_failed()

        body = root.find(f"{{{SOAP11_NS}}}Body")
        payload = None if body is None else next(iter(body.iterchildren(etree.Element)), None)
        if payload is None:
            return self._fault("soapenv:Client", "Empty SOAP Body")
        return self._forward(etree.tostring(payload, xml_declaration=True, encoding="UTF-8"))

    def _authenticated(self, envelope):
        for ns in self.wsse_namespaces:
            token = envelope.find(f"{{{SOAP11_NS}}}Header/{{{ns}}}Security/{{{ns}}}UsernameToken")
            if token is None:
                continue
            user = token.findtext(f"{{{ns}}}Username")
            pwd = token.find(f"{{{ns}}}Password")
            if user is None or pwd is None:
                return False
            if pwd.get("Type", PASSWORD_TEXT) != PASSWORD_TEXT:
                return False  # PasswordDigest etc. are not what EODMS documents
            return hmac.compare_digest(user.encode(), self.username.encode()) and hmac.compare_digest(
                (pwd.text or "").encode(), self.password.encode()
            )
        return False

    def _auth_failed(self):
        if self.auth_failure == "http401":
            return 401, {"Content-Type": "text/html; charset=utf-8"}, _HTML_401, 0
        return self._fault("wsse:FailedAuthentication", AUTH_FAULTSTRING, {"wsse": WSSE_NS})

    @staticmethod
    def _fault(code, text, nsmap=None):
        return 500, {"Content-Type": SOAP_CONTENT_TYPE}, soap_fault(code, text, nsmap), 0

    def _forward(self, csw_request):
        try:
            reply = self._session.post(
                self.backend_url,
                data=csw_request,
                headers={"Content-Type": "application/xml"},
                timeout=self.backend_timeout,
            )
        except requests.RequestException as err:
            return self._fault("soapenv:Server", f"Backend catalogue unavailable: {err}")
        content_type = reply.headers.get("Content-Type", "application/xml")
        if not self.wrap_reply:
            return reply.status_code, {"Content-Type": content_type}, reply.content, 0
        try:
            answer = etree.fromstring(reply.content, _PARSER)
        except etree.XMLSyntaxError:
            # Not XML: nothing to wrap, pass it on as the backend sent it.
            return reply.status_code, {"Content-Type": content_type}, reply.content, 0
        return reply.status_code, {"Content-Type": SOAP_CONTENT_TYPE}, soap_wrap(answer), 0
