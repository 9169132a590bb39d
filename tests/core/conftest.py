"""Fixtures shared by the Copernicus download tests: the fake clock and the three loopback hosts."""

import collections

import pytest

from tests.servers.cdse_download import DownloadServer, FakeClock, IdentityServer, RedirectServer, StorageServer


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def hosts(clock):
    """identity (127.0.0.1), storage (127.0.0.3), download (127.0.0.2), catalogue redirector (127.0.0.1)."""
    identity = IdentityServer(clock=clock)
    storage = StorageServer()
    download = DownloadServer(identity, [], storage=storage)
    catalogue = RedirectServer(download)
    servers = collections.namedtuple("Hosts", "identity storage download catalogue")(
        identity, storage, download, catalogue)
    yield servers
    for server in servers:
        server.stop()
