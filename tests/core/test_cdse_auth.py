"""Copernicus Data Space logins against a local identity server that misbehaves on purpose."""

import textwrap
from pathlib import Path

import pytest

from eo_order.core.auth import Credentials
from eo_order.core.cdse_auth import TokenManager
from eo_order.core.cdse_download import FAILED, Downloader, DownloadItem
from tests.processes import run_with_memory_cap
from tests.servers.cdse_download import PASSWORD, USERNAME, Content, Product

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("fault, said", [
    ("html", "did not answer with a token"),
    ("503", "answered HTTP 503"),
    ("401", "rejected the username/password in auth config cdse123"),
])
def test_a_failing_login_is_tried_once_per_batch(hosts, clock, tmp_path, fault, said):
    hosts.identity.fault = fault
    products = [hosts.download.add(Product(f"S2A_login_{i}.SAFE", Content.random(1000 + i))) for i in range(8)]
    tokens = TokenManager(hosts.identity.token_url, credentials=Credentials(USERNAME, PASSWORD), clock=clock,
                          auth_hint="auth config cdse123")
    engine = Downloader(tokens, tmp_path, download_url=hosts.download.products_url, sleep=lambda s: None)
    outcomes = engine.run([DownloadItem(p.id, p.name, p.content.md5, p.content.size) for p in products])
    assert hosts.identity.attempts == 1  # not 32: one login per batch, whatever the failure
    assert not hosts.download.recorded
    assert [o.status for o in outcomes] == [FAILED] * 8
    first = [o for o in outcomes if said in o.message]
    assert len(first) == 1
    others = [o for o in outcomes if o is not first[0]]
    assert all("not tried, because the login to Copernicus Data Space failed" in o.message for o in others)
    assert not any(PASSWORD in o.message for o in outcomes)


TOKEN_UNDER_CAP = textwrap.dedent("""
    from eo_order.core.auth import Credentials
    from eo_order.core.cdse_auth import TokenManager
    from eo_order.core.errors import EoOrderError

    try:
        TokenManager(args[0], credentials=Credentials("alice@example.org", "pw")).access_token()
    except EoOrderError as exc:
        print(exc)
""")


def test_a_gzip_bomb_from_the_token_endpoint_is_refused_within_bounded_memory(hosts):
    hosts.identity.fault = "bomb"  # about 1 MB that would decompress to 1 GiB
    result = run_with_memory_cap(TOKEN_UNDER_CAP, ROOT, 256, [hosts.identity.token_url])
    assert result.returncode == 0, result.stderr[-2000:]
    assert "MemoryError" not in result.stderr
    assert "login service sent a reply larger than 1 MiB (after decompression)" in result.stdout
