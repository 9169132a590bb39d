"""Benchmark: searches against catalogues that answer each request after 250 ms (CSW, Copernicus).

Run from the repository root:  .venv/bin/python -m benchmarks.bench_search [--records N] [--delay S]

The catalogue is tests/servers/slow_csw.py on 127.0.0.1: 10,000 EODMS-shaped Dublin Core records,
honest paging (startPosition, maxRecords, numberOfRecordsMatched/Returned, nextRecord), ``delay``
seconds before each answer, threaded. Two variants: uncapped (answers as many records as asked) and
capped at 100 records per reply (as a pycsw with ``maxrecords = 100``).

Compared, on each server:

- **EO Order**, end to end as the dock does it: ``CswClient.search`` (EODMS profile, the default
  connection settings: 2,000 records per request, 4 parallel requests) with ``on_page`` adding each
  page's footprints (``features_from_records``) to one memory layer as it arrives; "first
  footprint" is when the first page is in the layer. Other settings are timed too, and one request
  of all records (the floor: one round trip + transfer + parse).
- **OWSLib one request**: ``CatalogueServiceWeb.getrecords2`` asking for all records at once (on
  the capped server it receives one page and stops), then a memory layer of the records' boxes.
- **OWSLib paging at 100**: ``getrecords2`` 100 records at a time following ``nextRecord``, each
  page's boxes added to one memory layer as it arrives (MetaSearch pages the same way, by 10).
- **Copernicus**: 13,000 products in tests/servers/cdse.py (250 ms per request, no nextLink past
  ``$skip`` 10,000), ``CdseCatalogue.search`` with 4 parallel requests against the same with 1
  (sequential paging, the requests a nextLink-following client sends), products added to a layer
  page by page.

Times are wall-clock for one run each (the network wait dominates; the parse part varies with
the machine's load). Targets from issue 15 are printed next to the ratios; nothing is asserted.
"""

import argparse
import datetime as dt
import sys
import time

from owslib.catalogue.csw2 import CatalogueServiceWeb  # noqa: E402
from owslib.fes import BBox as OwsBBox  # noqa: E402
from qgis.core import QgsApplication, QgsFeature, QgsGeometry, QgsRectangle  # noqa: E402

from benchmarks.packages import ROOT  # noqa: F401 - registers eo_order, tools, tests
from eo_order.core.cdse_search import DEFAULT_PARALLEL_REQUESTS as CDSE_PARALLEL  # noqa: E402
from eo_order.core.cdse_search import CdseCatalogue, CdseQuery  # noqa: E402
from eo_order.core.csw import (  # noqa: E402
    DEFAULT_PARALLEL_REQUESTS,
    DEFAULT_RECORDS_PER_REQUEST,
    CswClient,
    Profile,
)
from eo_order.core.footprints import (  # noqa: E402
    features_from_products,  # noqa: E402
    features_from_records,
    new_footprint_layer,
)
from eo_order.core.models import BBox, SearchQuery  # noqa: E402
from tests.servers.cdse import CdseServer, make_products  # noqa: E402
from tests.servers.slow_csw import SlowCsw, eodms_records  # noqa: E402

CANADA = (-141.0, 41.0, -52.0, 84.0)  # every record's box lies inside (the server ignores the filter anyway)
OWSLIB_PAGE = 100


class Run:
    """What one client did: total seconds, seconds to the first footprint in a layer, records."""

    def __init__(self, label):
        self.label, self.total, self.first, self.records, self.requests, self.note = label, 0.0, 0.0, 0, 0, ""

    def line(self):
        note = f"; {self.note}" if self.note else ""
        return (f"  {self.label:<34} {self.total:6.2f} s  first footprint {self.first:6.2f} s  "
                f"{self.records:>6,} footprints in {self.requests:>3} request(s){note}")


def eo_order(url, n, size=None, parallel=None, label=None):
    """EO Order's search into one footprint layer, filled page by page as pages arrive (``on_page``),
    as the dock does; ``size``/``parallel``: the connection's settings (None: the defaults)."""
    options = {}
    if size is not None:
        options["records_per_request"] = size
    if parallel is not None:
        options["parallel_requests"] = parallel
    run = Run(label or "EO Order (search → layer)")
    t0 = time.perf_counter()
    layer = new_footprint_layer("bench")
    provider, fields = layer.dataProvider(), layer.fields()

    def on_page(records):
        provider.addFeatures(features_from_records(records, url, fields))
        if not run.first:
            run.first = time.perf_counter() - t0

    result = CswClient(url, Profile.EODMS, name="bench catalogue", **options).search(
        SearchQuery(bbox=BBox(*CANADA), max_records=n), on_page=on_page)
    layer.updateExtents()
    run.total = time.perf_counter() - t0
    run.records, run.requests = layer.featureCount(), result.pages
    return run


def owslib_features(records, fields):
    out = []
    for rec in records:
        box = rec.bbox
        if box is None:
            continue
        feature = QgsFeature(fields)
        feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(
            float(box.minx), float(box.miny), float(box.maxx), float(box.maxy))))
        feature.setAttribute("record_id", rec.identifier)
        out.append(feature)
    return out


def owslib(url, n, page=None):
    run = Run("OWSLib getrecords2, all at once" if page is None else f"OWSLib getrecords2, pages of {page}")
    t0 = time.perf_counter()
    csw = CatalogueServiceWeb(url, skip_caps=True, timeout=300)
    layer = new_footprint_layer("owslib")
    provider, fields = layer.dataProvider(), layer.fields()
    start, seen = 1, set()
    while start:
        csw.getrecords2(constraints=[OwsBBox(list(CANADA))], esn="full", startposition=start,
                        maxrecords=page or n)
        run.requests += 1
        fresh = [rec for key, rec in csw.records.items() if key not in seen]
        seen.update(csw.records)
        provider.addFeatures(owslib_features(fresh, fields))
        if run.requests == 1:
            run.first = time.perf_counter() - t0
        nxt = int(csw.results.get("nextrecord") or 0)
        start = nxt if page and nxt > start and len(seen) < n else 0
    layer.updateExtents()
    run.total = time.perf_counter() - t0
    run.records = layer.featureCount()
    if run.records < n:
        run.note = f"{n - run.records:,} records not received (no paging)"
    return run


def ratio(slow, fast):
    return slow.total / fast.total if fast.total else float("inf")


def bench(n, delay):
    t0 = time.perf_counter()
    records = eodms_records(n)
    size = sum(map(len, records))
    print(f"catalogue: {n:,} EODMS-shaped records ({size / 1e6:.1f} MB of XML, made in "
          f"{time.perf_counter() - t0:.1f} s), {delay * 1000:.0f} ms per request, 127.0.0.1")
    print(f"EO Order's defaults: {DEFAULT_RECORDS_PER_REQUEST:,} records per request, "
          f"{DEFAULT_PARALLEL_REQUESTS} parallel requests")
    with SlowCsw(records, delay=delay) as csw:
        print("uncapped server (answers as many records as asked):")
        ours = eo_order(csw.url, n)
        print(ours.line())
        one = owslib(csw.url, n)
        print(one.line())
        paged = owslib(csw.url, n, OWSLIB_PAGE)
        print(paged.line())
        for size_, parallel in ((500, 4), (1000, 4), (1000, 8), (1000, 1)):
            print(eo_order(csw.url, n, size_, parallel,
                           f"EO Order, {size_:,}/request × {parallel} at once").line())
        floor = eo_order(csw.url, n, n, 1, f"EO Order, one request of {n:,}")
        print(floor.line())
        print(f"  → EO Order is {ratio(one, ours):.2f}× as fast as OWSLib's one request "
              f"(target ≥ 1.5×: {'met' if ours.total * 1.5 <= one.total else 'NOT met'}); "
              f"{ratio(paged, ours):.1f}× OWSLib paging at {OWSLIB_PAGE}; "
              f"{ratio(ours, floor):.2f}× the one-request floor's time")
        print(f"  → first footprint: EO Order {ours.first:.2f} s, OWSLib one request {one.first:.2f} s, "
              f"OWSLib paging {paged.first:.2f} s")
        print(f"  server saw at most {csw.max_in_flight} request(s) at once")

        csw.cap = 100
        csw.max_in_flight = 0
        print("capped server (at most 100 records per reply, whatever is asked):")
        ours_c = eo_order(csw.url, n)
        print(ours_c.line())
        one_c = owslib(csw.url, n)
        print(one_c.line())
        paged_c = owslib(csw.url, n, OWSLIB_PAGE)
        print(paged_c.line())
        seq_c = eo_order(csw.url, n, parallel=1, label="EO Order, one request at a time")
        print(seq_c.line())
        speedup = ratio(paged_c, ours_c)
        print(f"  → EO Order is {speedup:.2f}× as fast as sequential paging at {OWSLIB_PAGE} "
              f"(target ≥ 3×: {'met' if speedup >= 3 else 'NOT met'}); {ratio(seq_c, ours_c):.2f}× its own "
              f"sequential paging; OWSLib's one request keeps {one_c.records:,} of {n:,} records")
        print(f"  → first footprint: EO Order {ours_c.first:.2f} s, OWSLib paging {paged_c.first:.2f} s")
        print(f"  server saw at most {csw.max_in_flight} request(s) at once")


SWISS = [(5.9, 45.8), (10.5, 45.8), (10.5, 47.8), (5.9, 47.8)]


def copernicus(url, n, parallel, label):
    """EO Order's Copernicus search into one product layer, filled page by page (``on_page``)."""
    run = Run(label)
    t0 = time.perf_counter()
    layer = new_footprint_layer("bench", kind="products")
    provider = layer.dataProvider()

    def on_page(products):
        provider.addFeatures(features_from_products(products))
        if not run.first:
            run.first = time.perf_counter() - t0

    query = CdseQuery("SENTINEL-2", SWISS, "2022-01-01", "2023-01-01", max_records=50_000)
    CdseCatalogue(url, parallel_requests=parallel).search(query, on_page=on_page)
    layer.updateExtents()
    run.total = time.perf_counter() - t0
    run.records = layer.featureCount()
    return run


def bench_copernicus(n, delay):
    products = make_products(n, start="2022-01-01T00:00:00Z", step=dt.timedelta(minutes=1), expand=False)
    print(f"Copernicus: {n:,} products in a local OData fake, {delay * 1000:.0f} ms per request, 127.0.0.1 "
          "(no nextLink past $skip 10,000)")
    with CdseServer(products, delay=delay, next_link_past_wall=False, keep_alive=True) as server:
        seen = len(server.recorded)
        sequential = copernicus(server.url, n, 1, "sequential paging (1 at a time)")
        sequential.requests, seen = len(server.recorded) - seen, len(server.recorded)
        print(sequential.line())
        server.max_in_flight = 0
        ours = copernicus(server.url, n, CDSE_PARALLEL, f"EO Order ({CDSE_PARALLEL} at once)")
        ours.requests = len(server.recorded) - seen
        print(ours.line())
        print(f"  → EO Order is {ratio(sequential, ours):.2f}× as fast as sequential paging; first footprint "
              f"{ours.first:.2f} s (sequential {sequential.first:.2f} s); server saw at most "
              f"{server.max_in_flight} request(s) at once")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--records", type=int, default=10_000, help="records in the catalogue (10,000)")
    parser.add_argument("--delay", type=float, default=0.25, help="seconds before each answer (0.25)")
    parser.add_argument("--products", type=int, default=13_000, help="products in the Copernicus fake (13,000)")
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # lines as they come, also through a pipe
    app = QgsApplication([], False)
    app.initQgis()
    if args.records:
        bench(args.records, args.delay)
    bench_copernicus(args.products, args.delay)
    app.exitQgis()


if __name__ == "__main__":
    main()
