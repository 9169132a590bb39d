"""Copernicus Data Space batch download against local fakes of its identity and download hosts.

The fakes (tests/servers/cdse_download.py) run on three loopback hosts: identity + catalogue on
127.0.0.1, the download host on 127.0.0.2, a foreign storage host on 127.0.0.3.
"""

import collections
import hashlib
import json
import os
import textwrap
import threading
import time
from pathlib import Path

import pytest
import requests

from eo_order.core.auth import Credentials
from eo_order.core.cdse_auth import TokenManager
from eo_order.core.cdse_download import (
    CANCELLED,
    DOWNLOAD_URL,
    FAILED,
    OFFLINE,
    SKIPPED,
    UNVERIFIED,
    VERIFIED,
    Downloader,
    DownloadItem,
    downloaded_path,
    product_filename,
)
from eo_order.core.errors import AuthError, EoOrderError
from tests.processes import run_then_kill
from tests.servers.cdse_download import (
    PASSWORD,
    USERNAME,
    Content,
    Product,
    StorageServer,
)

ROOT = Path(__file__).resolve().parents[2]
AUTH_HINT = "auth config cdse123"
KiB = 1024


def add(hosts, name, size, *faults, seed=None):
    product = Product(name, Content.random(size, seed=seed if seed is not None else size), faults)
    hosts.download.add(product)
    hosts.storage.add(product)
    return product


def item_of(product, **changes):
    """The DownloadItem a query log row gives: MD5 picked by Algorithm, not by position."""
    entry = product.catalogue_entry()
    md5 = next((c["Value"] for c in entry["Checksum"] if c["Algorithm"] == "MD5"), None)
    fields = dict(product_id=entry["Id"], name=entry["Name"], checksum_md5=md5,
                  size_bytes=entry["ContentLength"], online=entry["Online"])
    fields.update(changes)
    return DownloadItem(**fields)


def token_manager(hosts, clock, password=PASSWORD, **kwargs):
    return TokenManager(hosts.identity.token_url, credentials=Credentials(USERNAME, password), clock=clock,
                        auth_hint=AUTH_HINT, **kwargs)


def downloader(hosts, tokens, out_dir, sleeps=None, **kwargs):
    kwargs.setdefault("chunk", 64 * KiB)
    return Downloader(tokens, out_dir, download_url=hosts.catalogue.products_url,
                      trusted_origins=(hosts.download.base_url,),
                      sleep=(sleeps.append if sleeps is not None else (lambda seconds: None)), **kwargs)


def requests_for(server, product):
    return [r for r in server.recorded if product.id in r.path]


def assert_on_disk(path, product):
    data = Path(path).read_bytes()
    assert len(data) == product.content.size
    assert hashlib.md5(data).hexdigest() == product.content.md5


def test_batch_through_every_fault(hosts, clock, tmp_path):
    size = 300 * KiB
    clean = add(hosts, "S2A_MSIL1C_20240101T100000_N0510_R122_T33UUP_20240101T120000.SAFE", size)
    rate_limited = add(hosts, "S2A_429.SAFE", size + 1, "429-once")
    expired = add(hosts, "S2A_401.SAFE", size + 2, "401-once")
    busy = add(hosts, "S2A_503.SAFE", size + 3, "503-once")
    reset = add(hosts, "S1A_reset.SAFE", size + 4, "reset")
    truncated = add(hosts, "S1A_truncated.SAFE", size + 5, "truncate")
    corrupt = add(hosts, "S3A_corrupt.SEN3", size + 6, "corrupt-once")
    wrong = add(hosts, "S2B_wrong_checksum.SAFE", size + 7, "wrong-checksum")
    html = add(hosts, "S2B_html.SAFE", size + 8, "html")
    offline = add(hosts, "S1B_offline_catalogue.SAFE", size + 9, "offline")
    stale = add(hosts, "S1B_offline_stale_log.SAFE", size + 10, "offline")
    no_range = add(hosts, "S5P_no_range.nc", size + 11, "no-range", "truncate")
    foreign = add(hosts, "S2A_storage.SAFE", size + 12, "storage")
    no_md5 = add(hosts, "S2A_no_md5", size + 13)
    present = add(hosts, "S2A_present.SAFE", size + 14)
    partial = add(hosts, "S2A_partial.SAFE", size + 15)
    quota = add(hosts, "S2A_json_error.SAFE", size + 16, "json-once")
    (tmp_path / "S2A_present.SAFE.zip").write_bytes(present.content.bytes())
    (tmp_path / "S2A_partial.SAFE.zip.part").write_bytes(partial.content.bytes()[:100_000])
    (tmp_path / "S2A_partial.SAFE.zip.part.meta").write_text(json.dumps({"product_id": partial.id,
                                                                       "etag": partial.etag}))
    items = [item_of(p) for p in (clean, rate_limited, expired, busy, reset, truncated, corrupt, wrong, html,
                                  offline, no_range, foreign, present, partial, quota)]
    items += [item_of(stale, online=True), item_of(no_md5, checksum_md5=None)]
    tokens = token_manager(hosts, clock)
    sleeps, done, snapshots = [], [], []
    outcomes = downloader(hosts, tokens, tmp_path, sleeps).run(
        items, progress=snapshots.append, on_product_done=done.append)

    by_id = {o.product_id: o for o in outcomes}
    assert [o.product_id for o in outcomes] == [i.product_id for i in items]
    expected = {clean: VERIFIED, rate_limited: VERIFIED, expired: VERIFIED, busy: VERIFIED, reset: VERIFIED,
                truncated: VERIFIED, corrupt: VERIFIED, wrong: FAILED, html: FAILED, offline: OFFLINE,
                stale: OFFLINE, no_range: VERIFIED, foreign: VERIFIED, no_md5: UNVERIFIED, present: SKIPPED,
                partial: VERIFIED, quota: VERIFIED}
    assert {p.name: by_id[p.id].status for p in expected} == {p.name: s for p, s in expected.items()}

    # Exactly the good products are on disk under their final names, byte for byte; nothing else.
    good = [p for p, status in expected.items() if status in (VERIFIED, UNVERIFIED, SKIPPED)]
    assert sorted(f.name for f in tmp_path.iterdir()) == sorted(product_filename(p.name) for p in good)
    for product in good:
        outcome = by_id[product.id]
        assert outcome.path == str(tmp_path / product_filename(product.name))
        assert outcome.bytes == product.content.size
        assert_on_disk(outcome.path, product)
        assert outcome.md5_ok is (None if product is no_md5 else True)
    assert product_filename(clean.name) == clean.name + ".zip"
    assert product_filename(no_range.name) == no_range.name  # a single file keeps its name

    # Failures say what happened and what to do, and leave no file behind.
    assert by_id[wrong.id].md5_ok is False and "MD5" in by_id[wrong.id].message
    assert by_id[wrong.id].path is None and by_id[wrong.id].transferred == 2 * wrong.content.size  # retried once
    assert "web page" in by_id[html.id].message and "maintenance" in by_id[html.id].message
    assert "try again later" in by_id[html.id].message or "again later" in by_id[html.id].message
    assert "offline" in by_id[offline.id].message and "order it" in by_id[offline.id].message
    assert not requests_for(hosts.download, offline)  # Online=false: not even asked
    assert [s for pid, s in hosts.download.statuses if pid == stale.id] == [422]
    assert not requests_for(hosts.download, present) and by_id[present.id].transferred == 0

    # 429: Retry-After honoured, then the download went on.
    assert [s for pid, s in hosts.download.statuses if pid == rate_limited.id] == [429, 200]
    assert 1.0 in sleeps
    # 401: the token was refreshed (not a new login) and the request repeated once.
    assert [s for pid, s in hosts.download.statuses if pid == expired.id] == [401, 200]
    assert (tokens.logins, tokens.refreshes) == (1, 1)
    assert (hosts.identity.logins, hosts.identity.refreshes) == (1, 1)
    # Broken streams resume with Range from the .part; the server that ignores Range restarts at 0.
    for product in (reset, truncated, partial):
        statuses = [s for pid, s in hosts.download.statuses if pid == product.id]
        assert statuses[-1] == 206, product.name
        ranges = [r.headers.get("Range") for r in requests_for(hosts.download, product)]
        assert ranges[-1] and ranges[-1].startswith("bytes=") and ranges[-1] != "bytes=0-"
    assert requests_for(hosts.download, partial)[0].headers["Range"] == "bytes=100000-"
    assert hosts.download.sent[truncated.id] == truncated.content.size  # not a byte fetched twice
    assert hosts.download.sent[partial.id] == partial.content.size - 100_000
    assert [s for pid, s in hosts.download.statuses if pid == no_range.id] == [200, 200]
    # An error message served with 200 is not saved as the product: retried, then the real bytes.
    assert [s for pid, s in hosts.download.statuses if pid == quota.id] == [200, 200]
    assert "Range" not in requests_for(hosts.download, quota)[1].headers
    assert requests_for(hosts.download, no_range)[1].headers.get("Range")
    assert hosts.download.sent[corrupt.id] == 2 * corrupt.content.size  # mismatch: once more from zero

    # on_product_done: once per product, right after it finished; progress ends at 100 %.
    assert collections.Counter(o.product_id for o in done) == collections.Counter(i.product_id for i in items)
    assert snapshots[-1].products_done == len(items) and snapshots[-1].fraction == 1.0
    assert all(s.rate >= 0 for s in snapshots) and max(s.done_bytes for s in snapshots) == snapshots[-1].done_bytes
    assert any(s.eta is not None and s.total_bytes for s in snapshots)
    # Never a token or password in a message.
    secrets = set(hosts.identity._access) | set(hosts.identity._refresh) | {PASSWORD}
    assert not [o.message for o in outcomes if any(secret in o.message for secret in secrets)]


def test_bearer_only_for_trusted_hosts_across_redirects(hosts, clock, tmp_path):
    direct = add(hosts, "S2A_direct.SAFE", 100 * KiB)
    foreign = add(hosts, "S2A_foreign.SAFE", 120 * KiB, "storage")
    outcomes = downloader(hosts, token_manager(hosts, clock), tmp_path).run([item_of(direct), item_of(foreign)])
    assert [o.status for o in outcomes] == [VERIFIED, VERIFIED]
    for product in (direct, foreign):
        # catalogue (127.0.0.1) -> 301 -> download host (127.0.0.2): both trusted, both get the token
        (at_catalogue,) = requests_for(hosts.catalogue, product)
        (at_download,) = requests_for(hosts.download, product)
        assert at_catalogue.headers["Authorization"].startswith("Bearer ")
        assert at_download.headers["Authorization"] == at_catalogue.headers["Authorization"]
        assert hosts.identity.valid(at_download.headers["Authorization"].split()[1])
    # download host -> 302 -> foreign storage (127.0.0.3): served, but never saw the token
    (at_storage,) = requests_for(hosts.storage, foreign)
    assert "Authorization" not in at_storage.headers
    assert "X-Amz-Signature" in at_storage.query
    assert not requests_for(hosts.storage, direct)

    # The same rules for the real hosts: subdomains of dataspace.copernicus.eu, https only.
    real = Downloader(None, tmp_path)
    assert real.is_trusted("https://zipper.dataspace.copernicus.eu/odata/v1/Products(x)/$value")
    assert real.is_trusted("https://catalogue.dataspace.copernicus.eu/odata/v1/Products(x)/$value")
    assert not real.is_trusted("http://zipper.dataspace.copernicus.eu/odata/v1/Products(x)/$value")
    assert not real.is_trusted("https://dataspace.copernicus.eu.example.com/x")
    assert not real.is_trusted("https://eodata.s3.example.com/x?X-Amz-Signature=1")


def test_token_refreshed_not_relogged_over_a_long_batch(hosts, clock, tmp_path):
    products = [add(hosts, f"S2A_long_{i}.SAFE", 50 * KiB + i) for i in range(4)]
    tokens = token_manager(hosts, clock)
    # One product at a time; 11.7 minutes pass after each: every access token expires in between.
    outcomes = downloader(hosts, tokens, tmp_path, concurrency=1).run(
        [item_of(p) for p in products], on_product_done=lambda outcome: clock.advance(700))
    assert [o.status for o in outcomes] == [VERIFIED] * 4
    assert (hosts.identity.logins, hosts.identity.refreshes) == (1, 3)
    assert (tokens.logins, tokens.refreshes) == (1, 3)
    assert all(s == 200 for _, s in hosts.download.statuses)  # refreshed before expiry, never a 401


def test_new_login_only_when_the_refresh_token_expired(hosts, clock, tmp_path):
    products = [add(hosts, f"S2A_idle_{i}.SAFE", 40 * KiB + i) for i in range(3)]
    tokens = token_manager(hosts, clock)
    last = products[-1].id
    outcomes = downloader(hosts, tokens, tmp_path, concurrency=1).run(
        [item_of(p) for p in products], on_product_done=lambda o: o.product_id != last and clock.advance(3700))
    assert [o.status for o in outcomes] == [VERIFIED] * 3
    assert (hosts.identity.logins, hosts.identity.refreshes) == (3, 0)
    # A token the server rejects although it looked valid: refresh first, not a login.
    tokens.invalidate()
    tokens.access_token()
    assert (hosts.identity.logins, hosts.identity.refreshes) == (3, 1)


def test_threads_share_one_refresh(hosts, clock):
    tokens = token_manager(hosts, clock)
    first = tokens.access_token()
    clock.advance(590)  # inside the refresh margin
    results, start = [], threading.Barrier(8)

    def get():
        start.wait()
        results.append(tokens.access_token())

    threads = [threading.Thread(target=get) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert (hosts.identity.logins, hosts.identity.refreshes) == (1, 1)
    assert len(set(results)) == 1 and results[0] != first
    # Four threads that saw the same stale token report it: one refresh, not four.
    for _ in range(4):
        tokens.invalidate(first)
    tokens.access_token()
    for _ in range(4):
        tokens.invalidate(results[0])
        tokens.access_token()
    assert hosts.identity.refreshes == 2


def test_token_file_is_used_and_rewritten(hosts, clock, tmp_path):
    reply = requests.post(hosts.identity.token_url, data={
        "client_id": "cdse-public", "grant_type": "password", "username": USERNAME, "password": PASSWORD}).json()
    token_file = tmp_path / "CopernicusDataspace_token.json"
    token_file.write_text(json.dumps(reply))
    written = time.time() - 700
    os.utime(token_file, (written, written))
    clock.advance(700)  # the server agrees: the access token in the file has expired
    tokens = TokenManager(hosts.identity.token_url, token_file=token_file, clock=clock)  # no credentials
    token = tokens.access_token()
    assert (tokens.logins, tokens.refreshes) == (0, 1) and hosts.identity.valid(token)
    saved = json.loads(token_file.read_text())
    assert saved["access_token"] == token and saved["refresh_token"] != reply["refresh_token"]
    assert token_file.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.iterdir()] == [token_file.name]  # no temporary file left

    # A fresh manager trusts the file's still-valid access token: no request at all.
    before = len(hosts.identity.recorded)
    assert TokenManager(hosts.identity.token_url, token_file=token_file, clock=clock).access_token() == token
    assert len(hosts.identity.recorded) == before

    # Expired refresh token and no credentials: a clear error, no password login.
    clock.advance(4000)
    written = time.time() - 4000
    os.utime(token_file, (written, written))
    stale = TokenManager(hosts.identity.token_url, token_file=token_file, clock=clock)
    with pytest.raises(AuthError, match="has expired.*choose a QGIS authentication configuration"):
        stale.access_token()


def test_rejected_password_stops_the_batch_after_one_attempt(hosts, clock, tmp_path):
    products = [add(hosts, f"S2A_denied_{i}.SAFE", 10 * KiB + i) for i in range(5)]
    tokens = token_manager(hosts, clock, password="wrong password")
    done = []
    outcomes = downloader(hosts, tokens, tmp_path, concurrency=1).run(
        [item_of(p) for p in products], on_product_done=done.append)
    assert [o.status for o in outcomes] == [FAILED] * 5 and len(done) == 5
    assert hosts.identity.rejected == 1  # one try: repeated logins get accounts banned
    assert not hosts.download.recorded and not list(tmp_path.iterdir())
    message = outcomes[0].message
    assert "Copernicus Data Space rejected the username/password in auth config cdse123" in message
    assert "wrong password" not in message and USERNAME not in message
    with pytest.raises(AuthError) as error:
        tokens.access_token()  # remembered: the server is not asked again
    assert error.value.status == 401 and hosts.identity.rejected == 1


@pytest.mark.parametrize("concurrency", [2, 4])
def test_concurrency_never_exceeds_the_limit(hosts, clock, tmp_path, concurrency):
    hosts.download.rate = 2_000_000  # bytes/s per connection: downloads overlap for a while
    products = [add(hosts, f"S2A_parallel_{i}.SAFE", 200 * KiB + i) for i in range(8)]
    outcomes = downloader(hosts, token_manager(hosts, clock), tmp_path, concurrency=concurrency).run(
        [item_of(p) for p in products])
    assert [o.status for o in outcomes] == [VERIFIED] * 8
    assert hosts.download.max_active == concurrency
    assert all(s == 200 for _, s in hosts.download.statuses)  # never 429 for too many connections
    with pytest.raises(ValueError, match="1..4"):
        Downloader(None, tmp_path, concurrency=5)


def test_cancel_keeps_the_part_and_the_next_run_resumes(hosts, clock, tmp_path):
    hosts.download.rate = 4_000_000
    product = add(hosts, "S2A_cancelled.SAFE", 2 * 1024 * KiB)
    other = add(hosts, "S2A_not_started.SAFE", 10 * KiB)
    stop = threading.Event()

    def progress(snapshot):
        if snapshot.product_bytes >= 512 * KiB:
            stop.set()

    tokens = token_manager(hosts, clock)
    outcomes = downloader(hosts, tokens, tmp_path, concurrency=1).run(
        [item_of(product), item_of(other)], progress=progress, cancelled=stop.is_set)
    assert [o.status for o in outcomes] == [CANCELLED, CANCELLED]
    part = tmp_path / (product_filename(product.name) + ".part")
    assert outcomes[0].path == str(part) and outcomes[0].bytes == part.stat().st_size >= 512 * KiB
    assert "resumes" in outcomes[0].message
    assert not (tmp_path / product_filename(product.name)).exists() and not requests_for(hosts.download, other)

    kept = part.stat().st_size
    hosts.download.wait_idle()
    before = hosts.download.sent[product.id]
    outcomes = downloader(hosts, tokens, tmp_path).run([item_of(product), item_of(other)])
    assert [o.status for o in outcomes] == [VERIFIED, VERIFIED]
    assert requests_for(hosts.download, product)[-1].headers["Range"] == f"bytes={kept}-"
    assert hosts.download.sent[product.id] - before == product.content.size - kept
    assert_on_disk(outcomes[0].path, product)


RESUMABLE_RUN = textwrap.dedent("""
    import importlib.util, os, sys
    from pathlib import Path

    root = Path(sys.argv[1])
    spec = importlib.util.spec_from_file_location("eo_order", root / "__init__.py",
                                                  submodule_search_locations=[str(root)])
    sys.modules["eo_order"] = module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    from eo_order.core.auth import Credentials
    from eo_order.core.cdse_auth import TokenManager
    from eo_order.core.cdse_download import Downloader, DownloadItem

    token_url, products_url, out_dir, product_id, name, md5, size = sys.argv[2:9]
    tokens = TokenManager(token_url, credentials=Credentials(os.environ["CDSE_USER"], os.environ["CDSE_PASSWORD"]))
    engine = Downloader(tokens, out_dir, download_url=products_url, chunk=64 * 1024)
    print(engine.run([DownloadItem(product_id, name, md5, int(size))])[0].status, flush=True)
""")


def test_killed_download_resumes_without_fetching_completed_bytes(hosts, clock, tmp_path):
    hosts.download.rate = 1_000_000
    product = add(hosts, "S1A_IW_GRDH_killed.SAFE", 3 * 1024 * KiB)
    part = tmp_path / (product_filename(product.name) + ".part")
    env = dict(os.environ, CDSE_USER=USERNAME, CDSE_PASSWORD=PASSWORD)
    run_then_kill(RESUMABLE_RUN, [ROOT, hosts.identity.token_url, hosts.download.products_url, tmp_path, product.id,
                                  product.name, product.checksum, product.content.size], env,
                  lambda: part.exists() and part.stat().st_size >= 1024 * KiB, "the download")
    kept = part.stat().st_size
    assert 1024 * KiB <= kept < product.content.size
    assert not (tmp_path / product_filename(product.name)).exists()
    hosts.download.wait_idle()
    first_run = hosts.download.sent[product.id]

    outcomes = downloader(hosts, token_manager(hosts, clock), tmp_path).run([item_of(product)])
    assert outcomes[0].status == VERIFIED and outcomes[0].transferred == product.content.size - kept
    first, second = requests_for(hosts.download, product)
    assert "Range" not in first.headers and second.headers["Range"] == f"bytes={kept}-"
    assert hosts.download.sent[product.id] - first_run == product.content.size - kept
    # In all, only what was in flight when the process died was sent twice.
    assert product.content.size <= hosts.download.sent[product.id] <= product.content.size + 256 * KiB
    assert_on_disk(outcomes[0].path, product)
    assert not part.exists()


def test_unusable_download_folder_is_a_clear_error(hosts, clock, tmp_path):
    product = add(hosts, "S2A_nowhere.SAFE", 1 * KiB)
    (tmp_path / "file").write_text("not a folder")
    with pytest.raises(EoOrderError, match="Could not create the download folder .* choose another folder"):
        downloader(hosts, token_manager(hosts, clock), tmp_path / "file" / "sub").run([item_of(product)])


def test_callback_failure_stops_the_batch_and_is_raised(hosts, clock, tmp_path):
    products = [add(hosts, f"S2A_log_{i}.SAFE", 20 * KiB + i) for i in range(3)]

    def on_done(outcome):
        raise OSError("query log is read-only")

    with pytest.raises(OSError, match="read-only"):
        downloader(hosts, token_manager(hosts, clock), tmp_path, concurrency=1).run(
            [item_of(p) for p in products], on_product_done=on_done)
    assert len(requests_for(hosts.download, products[0])) == 1
    assert not requests_for(hosts.download, products[1]) and not requests_for(hosts.download, products[2])


# --- hostile servers (issue 10) -----------------------------------------------------------


def test_bearer_goes_to_an_origin_not_to_the_same_host_on_another_port(hosts, clock, tmp_path):
    other_port = StorageServer(host="127.0.0.2")  # the download host's name, another port
    try:
        hosts.download.storage = other_port
        product = add(hosts, "S2A_other_port.SAFE", 50 * KiB, "storage")
        other_port.add(product)
        outcomes = downloader(hosts, token_manager(hosts, clock), tmp_path).run([item_of(product)])
        assert [o.status for o in outcomes] == [VERIFIED]
        (at_download,) = requests_for(hosts.download, product)
        assert at_download.headers["Authorization"].startswith("Bearer ")
        (at_other_port,) = requests_for(other_port, product)
        assert "Authorization" not in at_other_port.headers
    finally:
        other_port.stop()
    real = Downloader(None, tmp_path)
    assert real.is_trusted("https://zipper.dataspace.copernicus.eu:443/odata/v1/Products(x)/$value")
    assert not real.is_trusted("https://zipper.dataspace.copernicus.eu:8443/odata/v1/Products(x)/$value")
    assert not real.is_trusted("https://download.dataspace.copernicus.eu:80/odata/v1/Products(x)/$value")
    assert not real.is_trusted("http://download.dataspace.copernicus.eu:443/odata/v1/Products(x)/$value")


def test_product_ids_that_are_not_uuids_never_reach_a_url(hosts, clock, tmp_path):
    good = add(hosts, "S2A_good_id.SAFE", 20 * KiB)
    hostile = DownloadItem("x)/../../admin?y=(", "S2A_hostile.SAFE", None, 1000)
    outcomes = downloader(hosts, token_manager(hosts, clock), tmp_path).run([hostile, item_of(good)])
    assert [o.status for o in outcomes] == [FAILED, VERIFIED]
    assert "'x)/../../admin?y=(' is not a Copernicus product id (a UUID" in outcomes[0].message
    paths = [r.path for r in hosts.catalogue.recorded + hosts.download.recorded]
    assert paths == [f"/odata/v1/Products({good.id})/$value"] * 2
    assert Downloader(None, tmp_path).product_url("a/b?c") == f"{DOWNLOAD_URL}(a%2Fb%3Fc)/$value"


def test_names_colliding_once_sanitised_never_share_a_file(hosts, clock, tmp_path):
    first = add(hosts, "S2A_T33UUP/2024.SAFE", 30 * KiB, seed=1)
    second = add(hosts, "S2A_T33UUP?2024.SAFE", 30 * KiB, seed=2)  # same size, other bytes
    tokens = token_manager(hosts, clock)
    (one,) = downloader(hosts, tokens, tmp_path).run([item_of(first)])
    # Another run, no MD5 in the catalogue: the first product's file must not pass for the second's.
    (two,) = downloader(hosts, tokens, tmp_path).run([item_of(second, checksum_md5=None)])
    assert (one.status, two.status) == (VERIFIED, UNVERIFIED)
    assert one.path != two.path
    assert_on_disk(one.path, first)
    assert_on_disk(two.path, second)
    assert os.path.basename(one.path) == f"S2A_T33UUP_2024.SAFE_{first.id}.zip"
    assert product_filename(first.name, first.id) == os.path.basename(one.path)  # deterministic
    long_a, long_b = "S2A_" + "x" * 300 + "_A", "S2A_" + "x" * 300 + "_B"
    assert product_filename(long_a, first.id) != product_filename(long_b, second.id)
    assert len(product_filename(long_a, first.id)) <= 200


def test_a_verified_file_of_another_product_with_the_same_name_is_kept(hosts, clock, tmp_path):
    first = add(hosts, "S2A_duplicate.SAFE", 30 * KiB, seed=1)
    second = add(hosts, "S2A_duplicate.SAFE", 31 * KiB, seed=2)
    tokens = token_manager(hosts, clock)
    (one,) = downloader(hosts, tokens, tmp_path).run([item_of(first)])
    assert one.path == str(tmp_path / "S2A_duplicate.SAFE.zip")  # a plain name stays plain
    for changes in ({}, {"checksum_md5": None}):  # MD5 mismatch, then size mismatch
        (two,) = downloader(hosts, tokens, tmp_path).run([item_of(second, **changes)])
        assert two.status in (VERIFIED, UNVERIFIED, SKIPPED) and two.path != one.path
        assert_on_disk(one.path, first)  # never deleted nor overwritten
        assert_on_disk(two.path, second)
        assert downloaded_path(str(tmp_path), second.name, second.id) == two.path
    assert downloaded_path(str(tmp_path), first.name, first.id) == one.path


def _cancel_midway(hosts, clock, tmp_path, product, **changes):
    hosts.download.rate = 2_000_000
    stop = threading.Event()

    def progress(snapshot):
        if snapshot.product_bytes >= 256 * KiB:
            stop.set()

    (outcome,) = downloader(hosts, token_manager(hosts, clock), tmp_path).run(
        [item_of(product, **changes)], progress=progress, cancelled=stop.is_set)
    assert outcome.status == CANCELLED
    hosts.download.wait_idle()
    hosts.download.rate = None
    return Path(outcome.path)


def test_resume_asks_if_range_and_a_changed_file_restarts(hosts, clock, tmp_path):
    product = add(hosts, "S2A_changed.SAFE", 1024 * KiB)
    part = _cancel_midway(hosts, clock, tmp_path, product, checksum_md5=None)
    meta = json.loads(Path(str(part) + ".meta").read_text())
    assert meta["product_id"] == product.id and meta["etag"] == product.etag
    product.replace(Content.random(1024 * KiB, seed=99))  # a new version, same size, on the server
    (outcome,) = downloader(hosts, token_manager(hosts, clock), tmp_path).run([item_of(product, checksum_md5=None)])
    last = requests_for(hosts.download, product)[-1]
    assert last.headers["If-Range"] == meta["etag"] and last.headers["Range"].startswith("bytes=")
    assert outcome.status == UNVERIFIED
    assert_on_disk(outcome.path, product)  # all of the new version, nothing of the old one
    assert not part.exists() and not Path(str(part) + ".meta").exists()


@pytest.mark.parametrize("fault", ["no-validator", "weak-etag"])
def test_a_part_without_a_validator_restarts_from_zero(hosts, clock, tmp_path, fault):
    product = add(hosts, f"S2A_{fault}.SAFE", 1024 * KiB, fault)
    _cancel_midway(hosts, clock, tmp_path, product)
    (outcome,) = downloader(hosts, token_manager(hosts, clock), tmp_path).run([item_of(product)])
    assert outcome.status == VERIFIED and outcome.transferred == product.content.size
    assert "Range" not in requests_for(hosts.download, product)[-1].headers
    assert_on_disk(outcome.path, product)


def test_an_endless_body_stops_at_the_announced_size(hosts, clock, tmp_path):
    product = add(hosts, "S2A_endless.SAFE", 1000, "endless")
    largest, stop = [0], threading.Event()

    def progress(snapshot):
        largest[0] = max(largest[0], snapshot.product_bytes, _size_of(tmp_path))
        if largest[0] > 1000 + 64 * KiB:
            stop.set()  # the regression: stop it rather than fill the disk

    (outcome,) = downloader(hosts, token_manager(hosts, clock), tmp_path).run(
        [item_of(product, checksum_md5=None)], progress=progress, cancelled=stop.is_set)
    assert outcome.status == FAILED and largest[0] <= 1000 + 64 * KiB
    assert "sent more than the announced 1000 bytes of S2A_endless.SAFE: refused" in outcome.message
    assert not [p for p in tmp_path.iterdir() if not p.name.endswith(".meta")] and outcome.path is None


def _size_of(folder):
    return max([p.stat().st_size for p in Path(folder).iterdir() if p.is_file()] or [0])


@pytest.mark.parametrize("fault, announced", [("long", 20_000), ("short", 1000)])
def test_a_body_of_another_size_than_the_catalogue_is_refused(hosts, clock, tmp_path, fault, announced):
    product = add(hosts, f"S2A_{fault}.SAFE", 5000, fault)
    (outcome,) = downloader(hosts, token_manager(hosts, clock), tmp_path).run([item_of(product, checksum_md5=None)])
    assert outcome.status == FAILED and not outcome.done
    assert f"announced {announced} bytes for S2A_{fault}.SAFE, but the catalogue says 5000 bytes" in outcome.message
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".zip"]


def test_a_catalogue_md5_that_is_not_one_is_ignored_and_said(hosts, clock, tmp_path):
    product = add(hosts, "S2A_bad_md5.SAFE", 40 * KiB)
    (outcome,) = downloader(hosts, token_manager(hosts, clock), tmp_path).run(
        [item_of(product, checksum_md5="see-attached")])
    assert outcome.status == UNVERIFIED and outcome.transferred == product.content.size  # one download
    assert "the catalogue's MD5 'see-attached' is not 32 hexadecimal digits: ignored" in outcome.message
    assert_on_disk(outcome.path, product)


def test_a_dripping_server_is_stopped_by_the_stall_deadline(hosts, clock, tmp_path):
    hosts.download.drip_every = 0.3
    product = add(hosts, "S2A_drip.SAFE", 100 * KiB, "drip")
    started = time.monotonic()
    (outcome,) = downloader(hosts, token_manager(hosts, clock), tmp_path, stall_window=1.0, min_rate=1000).run(
        [item_of(product)])
    assert time.monotonic() - started < 5
    assert outcome.status == FAILED
    assert "sent S2A_drip.SAFE at less than 1.0 kB/s for 1 s: stopped" in outcome.message
    assert "resume" in outcome.message


def test_cancel_takes_effect_within_a_second_while_a_server_drips(hosts, clock, tmp_path):
    hosts.download.drip_every = 0.2
    product = add(hosts, "S2A_drip_cancel.SAFE", 100 * KiB, "drip")
    stop, cancelled_at = threading.Event(), []

    def cancel():
        cancelled_at.append(time.monotonic())
        stop.set()

    threading.Timer(0.8, cancel).start()
    (outcome,) = downloader(hosts, token_manager(hosts, clock), tmp_path, timeout=(5, 30)).run(
        [item_of(product)], cancelled=stop.is_set)
    assert outcome.status == CANCELLED
    assert time.monotonic() - cancelled_at[0] < 1.0


def test_cancel_takes_effect_within_a_second_while_a_server_says_nothing(hosts, clock, tmp_path):
    product = add(hosts, "S2A_silent.SAFE", 10 * KiB, "silent")
    stop, cancelled_at = threading.Event(), []

    def cancel():
        cancelled_at.append(time.monotonic())
        stop.set()

    threading.Timer(0.5, cancel).start()
    (outcome,) = downloader(hosts, token_manager(hosts, clock), tmp_path, timeout=(5, 30)).run(
        [item_of(product)], cancelled=stop.is_set)
    assert outcome.status == CANCELLED
    assert time.monotonic() - cancelled_at[0] < 1.0
    assert requests_for(hosts.download, product)  # it was waiting for the server's answer


def test_download_and_token_urls_with_a_password_are_refused_and_the_service_root_is_accepted(tmp_path):
    from eo_order.core.cdse_auth import TokenManager
    from eo_order.core.cdse_download import Downloader
    from eo_order.core.errors import InputError

    with pytest.raises(InputError, match="contains a username and password") as caught:
        TokenManager("https://me:s3cret-pass@identity.example.org/token")
    assert "s3cret-pass" not in str(caught.value)
    tokens = TokenManager("https://identity.example.org/token")
    with pytest.raises(InputError, match="contains a username and password") as caught:
        Downloader(tokens, str(tmp_path), download_url="https://me:s3cret-pass@download.example.org/odata/v1/Products")
    assert "s3cret-pass" not in str(caught.value)
    root = Downloader(tokens, str(tmp_path), download_url="https://download.example.org/odata/v1/")
    assert root.product_url("0f5d6ff1-3c51-4c4a-a1a3-5b0e0a0bb001") == \
        "https://download.example.org/odata/v1/Products(0f5d6ff1-3c51-4c4a-a1a3-5b0e0a0bb001)/$value"
