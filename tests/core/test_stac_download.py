"""STAC asset downloads through the verified engine, against local asset hosts and a signing fake
(tests/servers/stac_assets.py)."""

import hashlib
import json
import os
import textwrap
from pathlib import Path

import pytest

from eo_order.core.download import (
    FAILED,
    SKIPPED,
    UNVERIFIED,
    VERIFIED,
    BasicCredential,
    BearerCredential,
    OriginCredentials,
)
from eo_order.core.errors import InputError
from eo_order.core.stac import parse_item
from eo_order.core.stac_download import (
    PlanetarySigner,
    StacDownloader,
    StacLogRecorder,
    asset_rows,
    read_stac_log,
    write_stac_log,
)
from tests.processes import run_then_kill
from tests.servers.cdse_download import FakeClock
from tests.servers.stac_assets import AssetServer, Content, SigningServer, asset_json, multihash

ROOT = Path(__file__).resolve().parents[2]
KiB = 1024
BASIC = BasicCredential("alice", "s3cret-pass")


@pytest.fixture
def servers():
    started = []

    def make(**kwargs):
        server = (SigningServer if kwargs.pop("signing", False) else AssetServer)(**kwargs)
        started.append(server)
        return server

    yield make
    for server in started:
        server.stop()


def content(size, seed=None):
    return Content.random(size, seed=size if seed is None else seed)


def stac_item(server, item_id, assets, collection="sentinel-2-l2a"):
    return parse_item(server.item(item_id, collection, assets))


def engine(folder, sleeps=None, **kwargs):
    kwargs.setdefault("chunk", 64 * KiB)
    return StacDownloader(folder, sleep=(sleeps.append if sleeps is not None else (lambda s: None)), **kwargs)


def download(items, choices, folder, **kwargs):
    rows = asset_rows(items, choices)
    downloader = engine(folder, **kwargs)
    return rows, downloader.run(downloader.requests(rows))


def test_checksums_md5_and_sha256_verified_mismatches_refused(servers, tmp_path):
    assets = servers()
    good_md5 = assets.add("B02.tif", content(200 * KiB))
    good_sha = assets.add("B03.tif", content(210 * KiB))
    bad_md5 = assets.add("B04.tif", content(220 * KiB))
    bad_sha = assets.add("B08.tif", content(230 * KiB))
    meta = assets.add("MTD.xml", content(3 * KiB))
    preview = assets.add("preview.png", content(2 * KiB))
    item = stac_item(assets, "S2A_T33UUP_20240501", {
        "B02": asset_json(assets.href(good_md5), checksum=multihash("md5", good_md5.content.md5),
                          size=good_md5.content.size),
        "B03": asset_json(assets.href(good_sha), checksum=multihash("sha256", good_sha.content.bytes())),
        "B04": asset_json(assets.href(bad_md5), checksum=multihash("md5", hashlib.md5(b"other").hexdigest())),
        "B08": asset_json(assets.href(bad_sha), checksum=multihash("sha256", b"other")),
        "MTD": asset_json(assets.href(meta), roles=("metadata",)),
        "thumbnail": asset_json(assets.href(preview), roles=("thumbnail",)),
    })
    rows, outcomes = download([item], ("data", "metadata"), tmp_path)
    status = {o.item_id.split("/")[1]: (o.status, o.checksum_ok) for o in outcomes}
    assert status == {"B02": (VERIFIED, True), "B03": (VERIFIED, True), "B04": (FAILED, False),
                      "B08": (FAILED, False), "MTD": (UNVERIFIED, None)}
    folder = tmp_path / "S2A_T33UUP_20240501"
    assert sorted(os.listdir(folder)) == ["B02.tif", "B03.tif", "MTD.xml"]
    assert (folder / "B03.tif").read_bytes() == good_sha.content.bytes()
    assert "SHA-256 verified" in outcomes[1].message and "MD5 verified" in outcomes[0].message
    by_key = {o.item_id.split("/")[1]: o for o in outcomes}
    assert "SHA-256" in by_key["B08"].message and "the file was deleted" in by_key["B08"].message
    # Each mismatch was downloaded twice (a second chance), then refused.
    assert len(assets.requests_for("/assets/B08.tif")) == 2

    # A second run skips what is verified, by its checksum.
    _, again = download([item], ("B02", "B03"), tmp_path)
    assert [o.status for o in again] == [SKIPPED, SKIPPED]
    assert len(assets.requests_for("/assets/B02.tif")) == 1


def test_resume_sends_if_range_and_a_changed_file_restarts(servers, tmp_path):
    assets = servers()
    cut = assets.add("cut.tif", content(300 * KiB), "truncate")
    item = stac_item(assets, "item-1", {"data": asset_json(assets.href(cut), size=cut.content.size,
                                                           checksum=multihash("sha256", cut.content.bytes()))})
    _, outcomes = download([item], ("data",), tmp_path)
    assert outcomes[0].status == VERIFIED
    first, second = assets.requests_for("/assets/cut.tif")
    assert "Range" not in first.headers
    assert second.headers["Range"] == f"bytes={cut.content.size // 2}-" and second.headers["If-Range"] == cut.etag
    assert assets.sent["cut.tif"] == cut.content.size  # nothing sent twice

    # A part of an older version of the file: If-Range does not match, the server sends it all again.
    changed = assets.add("changed.tif", content(100 * KiB, seed=1))
    item2 = stac_item(assets, "item-2", {"data": asset_json(assets.href(changed))})
    _, first_run = download([item2], ("data",), tmp_path / "old")
    part = Path(first_run[0].path + ".part")
    os.replace(first_run[0].path, part)
    part.write_bytes(part.read_bytes()[:40 * KiB])
    (part.parent / (part.name + ".meta")).write_text(json.dumps({"product_id": "item-2/data", "etag": changed.etag}))
    changed.replace(content(100 * KiB, seed=2))
    _, outcomes = download([item2], ("data",), tmp_path / "old")
    assert outcomes[0].status == UNVERIFIED
    assert Path(outcomes[0].path).read_bytes() == changed.content.bytes()
    assert assets.requests_for("/assets/changed.tif")[-1].headers["Range"] == f"bytes={40 * KiB}-"


def test_basic_credentials_go_to_the_trusted_origin_only_and_401_429_are_handled(servers, tmp_path):
    storage = servers()
    assets = servers(auth=BASIC.headers()["Authorization"], storage=storage)
    moved = assets.add("moved.tif", content(50 * KiB), "redirect")
    limited = assets.add("limited.tif", content(60 * KiB), "429-once")
    expired = assets.add("expired.tif", content(70 * KiB), "401-once")
    item = stac_item(assets, "item-auth", {
        key: asset_json(assets.href(a), checksum=multihash("md5", a.content.md5))
        for key, a in (("moved", moved), ("limited", limited), ("expired", expired))})
    sleeps = []
    credentials = OriginCredentials([(assets.base_url, BASIC)])
    _, outcomes = download([item], ("data",), tmp_path, sleeps=sleeps, credentials=credentials, per_host=1)
    assert [o.status for o in outcomes] == [VERIFIED] * 3
    assert 1.0 in sleeps  # Retry-After: 1
    assert len(assets.requests_for("/assets/expired.tif")) == 2
    assert all(r.headers.get("Authorization") for r in assets.recorded)
    assert storage.recorded and not any("Authorization" in r.headers for r in storage.recorded)

    # Without credentials: the 401 says what to do, nothing is written.
    _, refused = download([item], ("limited",), tmp_path / "none")
    assert refused[0].status == FAILED and "asks for credentials" in refused[0].message
    assert "authentication configuration" in refused[0].message
    assert not (tmp_path / "none" / "item-auth" / "limited.tif").exists()


def test_a_bearer_refused_twice_fails_with_its_message(servers, tmp_path):
    assets = servers(auth="Bearer right-token")
    asset = assets.add("a.tif", content(10 * KiB))
    item = stac_item(assets, "item-b", {"data": asset_json(assets.href(asset))})
    credentials = OriginCredentials([(assets.base_url, BearerCredential("wrong-token"))])
    _, outcomes = download([item], ("data",), tmp_path, credentials=credentials)
    assert outcomes[0].status == FAILED and "refused the access token" in outcomes[0].message
    assert "wrong-token" not in outcomes[0].message
    assert len(assets.requests_for("/assets/a.tif")) == 2  # refreshed (sent again) once
    credentials = OriginCredentials([(assets.base_url, BearerCredential("right-token"))])
    _, outcomes = download([item], ("data",), tmp_path, credentials=credentials)
    assert outcomes[0].status == UNVERIFIED


def test_planetary_computer_signing_cached_per_collection_until_expiry(servers, tmp_path):
    clock = FakeClock(start=1_700_000_000)
    signing = servers(signing=True, ttl=3600, clock=clock)
    blob = servers(signed_by=signing)
    files = [blob.add(f"B0{i}.tif", content(20 * KiB + i)) for i in range(1, 4)]
    items = [stac_item(blob, "S2_one", {f.name: asset_json(blob.href(f)) for f in files[:2]}),
             stac_item(blob, "S2_two", {files[2].name: asset_json(blob.href(files[2]))}),
             stac_item(blob, "landsat_one", {files[0].name: asset_json(blob.href(files[0]))},
                       collection="landsat-c2-l2")]
    signer = PlanetarySigner(signing.endpoint, hosts=("127.0.0.1",), clock=clock)
    rows = asset_rows(items, ("data",))
    log = tmp_path / "stac-download.csv"
    write_stac_log(log, rows)
    downloader = engine(tmp_path, signer=signer, concurrency=1)
    outcomes = downloader.run(downloader.requests(rows), on_done=StacLogRecorder(log))
    assert [o.status for o in outcomes] == [UNVERIFIED] * 4
    assert [c for c, _ in signing.issued] == ["sentinel-2-l2a", "landsat-c2-l2"]  # one token per collection
    tokens = [t for _, t in signing.issued]
    assert all("sig=" in r.query for r in blob.recorded)
    # The token is a secret: not in the log, nor in any outcome.
    text = log.read_text()
    assert all(row.downloaded for row in read_stac_log(log))
    assert "sig=" not in text and not any(t.split("sig=")[1] in text for t in tokens)
    assert not any("sig=" in o.message for o in outcomes)

    # Once the token is about to expire, a new one is fetched.
    clock.advance(3600)
    for path in tmp_path.rglob("*.tif"):
        path.unlink()
    outcomes = downloader.run(downloader.requests(rows[:1]))
    assert outcomes[0].status == UNVERIFIED and len(signing.issued) == 3


def test_a_failing_signing_service_is_retried_then_said(servers, tmp_path):
    signing = servers(signing=True, fail=True)
    blob = servers(signed_by=signing)
    asset = blob.add("x.tif", content(1 * KiB))
    item = stac_item(blob, "S2_x", {"data": asset_json(blob.href(asset))})
    signer = PlanetarySigner(signing.endpoint, hosts=("127.0.0.1",))
    _, outcomes = download([item], ("data",), tmp_path, signer=signer, retries=1)
    assert outcomes[0].status == FAILED and "Could not sign the URL of S2_x data" in outcomes[0].message
    assert not blob.recorded


def test_s3_hrefs_use_the_alternate_https_href_or_are_reported(servers, tmp_path):
    assets = servers()
    mirrored = assets.add("mirrored.tif", content(5 * KiB))
    item = stac_item(assets, "item-s3", {
        "mirrored": asset_json("s3://bucket/mirrored.tif", alternate={"https": assets.href(mirrored)}),
        "s3only": asset_json("s3://bucket/only.tif"),
    })
    rows, outcomes = download([item], ("data",), tmp_path)
    mirrored_outcome, only = outcomes
    assert mirrored_outcome.status == UNVERIFIED
    assert "s3://bucket/mirrored.tif cannot be downloaded" in mirrored_outcome.message
    assert "alternate 'https' href was used" in mirrored_outcome.message
    assert (tmp_path / "item-s3" / "mirrored.tif").read_bytes() == mirrored.content.bytes()
    assert only.status == FAILED and "s3://bucket/only.tif is not an http(s) URL" in only.message
    assert "no alternate https href" in only.message
    assert [r.path for r in assets.recorded] == ["/assets/mirrored.tif"]
    assert rows[0].href == assets.href(mirrored) and rows[1].href == "s3://bucket/only.tif"


def test_folders_per_item_and_names_never_shared(servers, tmp_path):
    assets = servers()
    one = assets.add("data.tif", content(3 * KiB))
    items = [stac_item(assets, "a/b", {"x": asset_json(assets.href(one)), "y": asset_json(assets.href(one))}),
             stac_item(assets, "a_b", {"x": asset_json(assets.href(one))})]
    rows = asset_rows(items, ("x", "y"))
    assert len({r.file for r in rows}) == 3
    assert rows[0].file.startswith("a_b_") and rows[0].file.endswith("/x_data.tif")
    assert rows[2].file == "a_b/data.tif"
    with pytest.raises(InputError, match="Choose the assets"):
        asset_rows(items, ())


def test_per_host_limit(servers, tmp_path):
    assets = servers(rate=400_000)
    files = [assets.add(f"f{i}.tif", content(60 * KiB + i)) for i in range(6)]
    item = stac_item(assets, "many", {f.name: asset_json(assets.href(f)) for f in files})
    _, outcomes = download([item], ("data",), tmp_path, concurrency=6, per_host=2)
    assert [o.status for o in outcomes] == [UNVERIFIED] * 6
    assert assets.max_active <= 2


KILLED_RUN = textwrap.dedent("""
    import importlib.util, sys
    from pathlib import Path

    root = Path(sys.argv[1])
    spec = importlib.util.spec_from_file_location("eo_order", root / "__init__.py",
                                                  submodule_search_locations=[str(root)])
    sys.modules["eo_order"] = module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    from eo_order.core.stac_download import StacDownloader, StacLogRecorder, read_stac_log

    log, folder = sys.argv[2:4]
    engine = StacDownloader(folder, concurrency=1, chunk=64 * 1024)
    engine.run(engine.requests(read_stac_log(log)), on_done=StacLogRecorder(log))
""")


def test_the_log_survives_a_kill_mid_batch_and_resumes(servers, tmp_path):
    assets = servers(rate=2_000_000)
    files = [assets.add(f"f{i}.tif", content(400 * KiB + i)) for i in range(4)]
    item = stac_item(assets, "killed", {f.name: asset_json(assets.href(f), checksum=multihash("md5", f.content.md5))
                                        for f in files})
    log = tmp_path / "stac-download.csv"
    write_stac_log(log, asset_rows([item], ("data",)))
    folder = tmp_path / "assets"

    def parts():
        return [p for p in (folder / "killed").glob("*.part") if p.stat().st_size > 0] \
            if (folder / "killed").is_dir() else []

    def some_done():
        try:
            rows = read_stac_log(log)
        except InputError:  # never: the rewrite is atomic
            raise AssertionError("the log was seen half written") from None
        return any(r.downloaded for r in rows) and bool(parts())

    run_then_kill(KILLED_RUN, [ROOT, log, folder], dict(os.environ), some_done, "the STAC download")
    rows = read_stac_log(log)
    done = [r for r in rows if r.downloaded]
    assert done and len(done) < 4
    for row in done:  # Downloaded only for files on disk, verified
        path = folder / row.file
        assert hashlib.md5(path.read_bytes()).hexdigest() == assets.assets[path.name].content.md5
    interrupted = [p.name[:-len(".part")] for p in parts()]
    assert interrupted

    downloader = engine(folder)
    outcomes = downloader.run(downloader.requests(read_stac_log(log)), on_done=StacLogRecorder(log))
    assert {o.status for o in outcomes[:len(done)]} == {SKIPPED}
    assert {o.status for o in outcomes[len(done):]} == {VERIFIED}
    assert all(r.downloaded for r in read_stac_log(log))
    for name in interrupted:  # the part left by the kill was resumed, not downloaded again
        assert assets.requests_for(f"/assets/{name}")[-1].headers.get("Range", "").startswith("bytes=")


def test_copernicus_stac_assets_get_the_copernicus_token_and_api_credentials_stay_home():
    from eo_order.core.download import TokenCredential
    from eo_order.core.stac_download import is_copernicus, stac_credentials

    class Tokens:  # the token manager's interface (access_token / invalidate)
        def access_token(self):
            return "cdse-token"

        def invalidate(self, token):
            pass

    link = "https://stac.example.org/collections/c/items/i"
    credentials = stac_credentials([link], BASIC, Tokens())
    zipper = "https://zipper.dataspace.copernicus.eu/odata/v1/Products(0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0)/$value"
    assert isinstance(credentials.for_url(zipper), TokenCredential)
    assert credentials.for_url(zipper).headers() == {"Authorization": "Bearer cdse-token"}
    assert credentials.for_url("https://stac.example.org/assets/x.tif") is BASIC
    assert credentials.for_url("https://stac.example.org:8443/assets/x.tif") is None
    assert credentials.for_url("http://stac.example.org/assets/x.tif", https_only=True) is None
    assert credentials.for_url("https://bucket.s3.amazonaws.com/x.tif") is None
    assert is_copernicus(zipper) and not is_copernicus(link)


def test_names_from_api_urls_and_choices_that_match_nothing(servers):
    assets = servers()
    item = parse_item(assets.item("S2B_MSIL1C_X", "sentinel-2-l1c", {
        "PRODUCT": {"href": "https://zipper.dataspace.copernicus.eu/odata/v1/Products(0b1c2d3e-4f50-6172-8394-"
                            "a5b6c7d8e9f0)/$value", "type": "application/zip", "roles": ["data"]},
        "QUICKLOOK": {"href": "https://example.org/ql/S2B_MSIL1C_X-ql.jpg", "roles": ["thumbnail"]}}))
    assert [r.file for r in asset_rows([item], ("data", "thumbnail"))] == [
        "S2B_MSIL1C_X/PRODUCT.zip", "S2B_MSIL1C_X/S2B_MSIL1C_X-ql.jpg"]
    with pytest.raises(InputError, match=r"None of the 1 item\(s\) has an asset with the key or role B04, "
                                         r"overview\. Their asset keys: PRODUCT, QUICKLOOK; roles: data, thumbnail"):
        asset_rows([item], ("B04", " overview"))


def test_error_pages_are_never_saved_and_5xx_is_retried(servers, tmp_path):
    assets = servers()
    page = assets.add("page.tif", content(8 * KiB), "html")
    busy = assets.add("busy.tif", content(9 * KiB), "503-once", "reset")
    item = stac_item(assets, "item-err", {"page": asset_json(assets.href(page)), "busy": asset_json(
        assets.href(busy), checksum=multihash("sha256", busy.content.bytes()), size=busy.content.size)})
    sleeps = []
    _, (html, retried) = download([item], ("data",), tmp_path, sleeps=sleeps, retries=2)
    assert html.status == FAILED and "sent a web page titled" in html.message and "Gave up after 3" in html.message
    assert not list((tmp_path / "item-err").glob("page.tif*"))
    assert retried.status == VERIFIED and (tmp_path / "item-err" / "busy.tif").read_bytes() == busy.content.bytes()
    assert sleeps and max(sleeps) <= 4.0
