"""The download job's "nothing lost" rule: the query log says Downloaded exactly for the products whose
verified file is on disk, whenever the process dies, and a re-run completes it without refetching."""

import datetime as dt
import os
import textwrap

import pytest

from eo_order.core.cdse_batch import DownloadRecorder, items_from_log
from eo_order.core.cdse_download import SKIPPED, VERIFIED, product_filename
from eo_order.core.cdse_search import CdseQuery
from eo_order.core.errors import InputError
from eo_order.core.querylog import read_query_log, write_query_log
from tests.core.test_cdse_download import ROOT, KiB, add, downloader, token_manager
from tests.processes import run_then_kill
from tests.servers.cdse_download import PASSWORD, USERNAME

QUERY = CdseQuery("SENTINEL-1", [(5.9, 45.8), (10.5, 45.8), (10.5, 47.8)], "2022-05-03", "2022-05-21")

BATCH_RUN = textwrap.dedent("""
    import importlib.util, os, sys
    from pathlib import Path

    root = Path(sys.argv[1])
    spec = importlib.util.spec_from_file_location("eo_order", root / "__init__.py",
                                                  submodule_search_locations=[str(root)])
    sys.modules["eo_order"] = module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    from eo_order.core.auth import Credentials
    from eo_order.core.cdse_auth import TokenManager
    from eo_order.core.cdse_batch import DownloadRecorder, items_from_log
    from eo_order.core.cdse_download import Downloader

    token_url, products_url, out_dir, log_path = sys.argv[2:6]
    tokens = TokenManager(token_url, credentials=Credentials(os.environ["CDSE_USER"], os.environ["CDSE_PASSWORD"]))
    engine = Downloader(tokens, out_dir, download_url=products_url, concurrency=1, chunk=64 * 1024)
    engine.run(items_from_log(log_path), on_product_done=DownloadRecorder(log_path))
""")


def log_rows(products):
    return [{"Id": p.id, "Name": p.name, "Checksum": p.checksum, "Online": True, "Downloaded": False}
            for p in products]


def downloaded(log_path):
    return {row["Name"]: row["Downloaded"] for row in read_query_log(log_path)[1]}


def test_killed_batch_leaves_the_log_true_and_the_rerun_completes_it(hosts, clock, tmp_path):
    hosts.download.rate = 1_000_000
    small = add(hosts, "S1A_IW_GRDH_first.SAFE", 64 * KiB)
    big = add(hosts, "S1A_IW_GRDH_second.SAFE", 3 * 1024 * KiB)
    last = add(hosts, "S1A_IW_GRDH_third.SAFE", 64 * KiB)
    log_path = write_query_log(tmp_path / "query.log", QUERY, log_rows([small, big, last]),
                               queried_at=dt.datetime(2024, 6, 1, tzinfo=dt.timezone.utc))
    part = tmp_path / (product_filename(big.name) + ".part")
    env = dict(os.environ, CDSE_USER=USERNAME, CDSE_PASSWORD=PASSWORD)
    run_then_kill(BATCH_RUN, [ROOT, hosts.identity.token_url, hosts.download.products_url, tmp_path, log_path], env,
                  lambda: part.exists() and part.stat().st_size >= 512 * KiB, "the second download")

    kept = part.stat().st_size
    # The log was rewritten atomically after the first product only: it is whole and true.
    assert downloaded(log_path) == {small.name: True, big.name: False, last.name: False}
    assert (tmp_path / product_filename(small.name)).exists()
    assert not (tmp_path / product_filename(big.name)).exists()
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]
    hosts.download.wait_idle()
    sent_before = dict(hosts.download.sent)

    recorder = DownloadRecorder(log_path)
    outcomes = downloader(hosts, token_manager(hosts, clock), tmp_path).run(
        items_from_log(log_path), on_product_done=recorder)
    assert [o.status for o in outcomes] == [SKIPPED, VERIFIED, VERIFIED]
    assert downloaded(log_path) == {small.name: True, big.name: True, last.name: True}
    assert sorted(recorder.done_ids) == sorted([small.id, big.id, last.id])
    assert hosts.download.sent.get(small.id) == sent_before.get(small.id)  # not fetched again
    assert outcomes[1].transferred == big.content.size - kept  # resumed where the killed run stopped


def test_items_from_log_read_what_the_download_needs(tmp_path):
    rows = [{"Id": "a1", "Name": "S2A_one.SAFE", "Checksum": "ABCDEF0123456789ABCDEF0123456789", "Online": True},
            {"Id": "b2", "Name": "S2A_two.SAFE", "Checksum": "", "Online": False}]
    path = write_query_log(tmp_path / "q.log", QUERY, rows)
    first, second = items_from_log(path)
    assert (first.product_id, first.name, first.checksum_md5, first.online) == (
        "a1", "S2A_one.SAFE", "abcdef0123456789abcdef0123456789", True)
    assert (second.checksum_md5, second.online) == (None, False)


def test_an_empty_log_is_refused_with_advice(tmp_path):
    path = write_query_log(tmp_path / "empty.log", QUERY, [])
    with pytest.raises(InputError, match="lists no products"):
        items_from_log(path)
