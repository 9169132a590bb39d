"""eo_order:download_stac through QGIS Processing against local asset and signing fakes."""

import base64
import hashlib
import os

import pytest
from qgis.core import QgsProcessingException, QgsProcessingFeatureSourceDefinition, QgsProject

from eo_order.core.stac import parse_item
from eo_order.core.stac_download import read_stac_log
from eo_order.core.stac_footprints import features_from_items, stac_layer
from tests.servers.stac_assets import AssetServer, Content, SigningServer, asset_json, multihash

KiB = 1024
USER, PASSWORD = "stac-user", "stac pass 9"


@pytest.fixture
def hosts():
    signing = SigningServer()
    blob = AssetServer(signed_by=signing)
    api = AssetServer(auth="Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode())
    yield api, blob, signing
    for server in (api, blob, signing):
        server.stop()


def run(params):
    from qgis import processing

    return processing.run("eo_order:download_stac", params)


def footprints(api, blob):
    """Two items: one with its data on the API's own server (Basic auth) and an unreachable s3 one,
    one on the 'blob' host that wants a SAS token."""
    good = api.add("B04.tif", Content.random(40 * KiB, seed=1))
    wrong = api.add("B08.tif", Content.random(41 * KiB, seed=2))
    signed = blob.add("SR_B4.TIF", Content.random(42 * KiB, seed=3))
    meta = api.add("MTD.xml", Content.random(1 * KiB, seed=4))
    raw = [api.item("S2_item", "sentinel-2-l2a", {
               "B04": asset_json(api.href(good), checksum=multihash("sha256", good.content.bytes())),
               "B08": asset_json(api.href(wrong), checksum=multihash("md5", hashlib.md5(b"x").hexdigest())),
               "s3": asset_json("s3://bucket/x.tif"),
               "meta": asset_json(api.href(meta), roles=("metadata",))}),
           api.item("LC09_item", "landsat-c2-l2", {"SR_B4": asset_json(blob.href(signed), size=signed.content.size)})]
    layer = stac_layer("STAC footprints", features_from_items([parse_item(r) for r in raw]))
    QgsProject.instance().addMapLayer(layer)
    return layer, good, signed


def test_download_the_assets_of_a_stac_footprint_layer_then_resume_from_its_log(
        provider, hosts, tmp_path, make_authcfg, qgis_new_project):
    api, blob, signing = hosts
    layer, good, signed = footprints(api, blob)
    params = {"INPUT": QgsProcessingFeatureSourceDefinition(layer.id(), False), "ASSETS": "data",
              "OUTPUT_FOLDER": str(tmp_path / "out"), "AUTHCFG": make_authcfg(USER, PASSWORD, name="STAC test"),
              "SIGN_URL": signing.endpoint, "SIGNED_HOSTS": f"{blob.host}:{blob.port}", "OUTPUT": "memory:"}
    result = run(params)
    rows = {(f["item_id"], f["asset"]): f for f in result["OUTPUT"].getFeatures()}
    assert {key: row["status"] for key, row in rows.items()} == {
        ("S2_item", "B04"): "verified", ("S2_item", "B08"): "failed", ("S2_item", "s3"): "failed",
        ("LC09_item", "SR_B4"): "unverified"}
    assert (tmp_path / "out" / "S2_item" / "B04.tif").read_bytes() == good.content.bytes()
    assert (tmp_path / "out" / "LC09_item" / "SR_B4.TIF").read_bytes() == signed.content.bytes()
    assert "s3://bucket/x.tif" in rows[("S2_item", "s3")]["message"]
    assert [c for c, _ in signing.issued] == ["landsat-c2-l2"]
    # the STAC API's credentials went to its own server only, never to the blob host nor the signer
    assert all("Authorization" in r.headers for r in api.recorded)
    assert not any("Authorization" in r.headers for r in blob.recorded + signing.recorded)
    log = result["OUTPUT_LOG"]
    assert log == str(tmp_path / "out" / "stac-download.csv")
    assert {(r.item_id, r.asset_key): r.downloaded for r in read_stac_log(log)} == {
        ("S2_item", "B04"): True, ("S2_item", "B08"): False, ("S2_item", "s3"): False,
        ("LC09_item", "SR_B4"): True}
    assert "sig=" not in open(log).read()

    # From the log alone: verified files are skipped, nothing downloaded again.
    before = len(api.recorded), len(blob.recorded)
    again = run({"INPUT_LOG": log, "OUTPUT_FOLDER": str(tmp_path / "out"), "AUTHCFG": params["AUTHCFG"],
                 "SIGN_URL": signing.endpoint, "SIGNED_HOSTS": params["SIGNED_HOSTS"], "OUTPUT": "memory:"})
    statuses = {(f["item_id"], f["asset"]): f["status"] for f in again["OUTPUT"].getFeatures()}
    assert statuses[("S2_item", "B04")] == "skipped" and statuses[("LC09_item", "SR_B4")] == "skipped"
    assert len(blob.recorded) == before[1]
    assert [r.path for r in api.recorded[before[0]:]] == ["/assets/B08.tif"] * 2  # the mismatch, tried again


def test_nothing_to_download_fails_clearly(provider, tmp_path):
    with pytest.raises(QgsProcessingException,
                       match=r"Give a STAC footprint layer \(INPUT\) or a STAC download log \(INPUT_LOG\)"):
        run({"OUTPUT_FOLDER": str(tmp_path / "out"), "OUTPUT": "memory:"})
    assert not os.path.exists(tmp_path / "out" / "stac-download.csv")


def test_an_auth_config_is_never_sent_to_items_of_another_server(provider, hosts, tmp_path, make_authcfg,
                                                                  qgis_new_project):
    api, blob, _signing = hosts
    raw = [api.item("A_item", "c", {}), blob.item("B_item", "c", {})]  # a hostile API links to another host
    layer = stac_layer("STAC footprints", features_from_items([parse_item(r) for r in raw]))
    QgsProject.instance().addMapLayer(layer)
    with pytest.raises(QgsProcessingException, match="These items come from several servers"):
        run({"INPUT": QgsProcessingFeatureSourceDefinition(layer.id(), False), "ASSETS": "data",
             "OUTPUT_FOLDER": str(tmp_path / "out"), "AUTHCFG": make_authcfg(USER, PASSWORD, name="STAC test"),
             "OUTPUT": "memory:"})
    assert not blob.recorded and not api.recorded  # nothing asked of either server
