"""A loopback front that wants HTTP Basic credentials, then relays to a backend (a real pycsw).

    with BasicAuthFront(pycsw.url, "user", "password") as front:
        CswClient(front.url, Profile.GENERIC, credentials=...)
        front.recorded[-1].headers["Authorization"]

Requests without the right ``Authorization: Basic`` get 401 with ``WWW-Authenticate: Basic`` and
a small HTML page, as Apache or nginx in front of a catalogue answer. ``url`` has the backend's
path (``/csw``).
"""

import base64
import hmac
from urllib.parse import urlsplit

import requests

from .canned import LoopbackServer

PAGE_401 = b"<html><head><title>401 Authorization Required</title></head><body>Login required</body></html>"


class BasicAuthFront(LoopbackServer):
    def __init__(self, backend_url, username, password, port=0):
        self.backend_url = backend_url
        self.expected = "Basic " + base64.b64encode(f"{username}:{password}".encode()).decode()
        self._session = requests.Session()
        self._session.trust_env = False  # loopback backend: never through a proxy
        super().__init__(port)
        self.url = self.url_for(urlsplit(backend_url).path or "/")

    def stop(self):
        super().stop()
        self._session.close()

    def handle(self, recorded):
        given = recorded.headers.get("Authorization", "")
        if not hmac.compare_digest(given.encode(), self.expected.encode()):
            return 401, {"Content-Type": "text/html", "WWW-Authenticate": 'Basic realm="catalogue"'}, PAGE_401, 0
        reply = self._session.request(
            recorded.method, self.backend_url + ("?" + recorded.query if recorded.query else ""),
            data=recorded.body or None, headers={"Content-Type": recorded.headers.get("Content-Type", "")},
            timeout=30)
        return reply.status_code, {"Content-Type": reply.headers.get("Content-Type", "application/xml")}, \
            reply.content, 0
