"""Benchmark: a 10,000-record search against a catalogue that answers each request after 250 ms.

Run from the repository root:  .venv/bin/python -m benchmarks.bench_search [--records N] [--delay S]

The catalogue is tests/servers/slow_csw.py on 127.0.0.1: 10,000 EODMS-shaped Dublin Core records,
honest paging (startPosition, maxRecords, numberOfRecordsMatched/Returned, nextRecord), ``delay``
seconds before each answer, threaded. Two variants: uncapped (answers as many records as asked) and
capped at 100 records per reply (as a pycsw with ``maxrecords = 100``).

Compared, on each server:

- **EO Order**, end to end as the dock's CatalogueSearchTask does it: ``CswClient.search`` (EODMS profile,
  today's fixed page size), ``features_from_records``, ``footprint_layer`` (one memory layer). The
  layer is built once the search has ended, so its first footprint appears at the end.
- **OWSLib one request**: ``CatalogueServiceWeb.getrecords2`` asking for all records at once (on
  the capped server it receives one page and stops), then a memory layer of the records' boxes.
- **OWSLib paging at 100**: ``getrecords2`` 100 records at a time following ``nextRecord``, each
  page's boxes added to one memory layer as it arrives (MetaSearch pages the same way, by 10).
- For reference, the same EO Order core asked for one page of all records (no UI sets that page
  size today): close to the floor of one round trip + transfer + parse.

Times are wall-clock for one run each (the network wait dominates; the parse part varies with
the machine's load). Targets from issue 15 are printed next to the ratios; nothing is asserted.
"""

import argparse
import importlib.util
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _register(name, folder):  # as tests/conftest.py: a package, without ROOT on sys.path
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            name, folder / "__init__.py", submodule_search_locations=[str(folder)])
        sys.modules[name] = module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)


_register("eo_order", ROOT)
_register("tools", ROOT / "tools")
_register("tests", ROOT / "tests")

from owslib.catalogue.csw2 import CatalogueServiceWeb  # noqa: E402
from owslib.fes import BBox as OwsBBox  # noqa: E402
from qgis.core import QgsApplication, QgsFeature, QgsGeometry, QgsRectangle  # noqa: E402

from eo_order.core.csw import CswClient, Profile  # noqa: E402
from eo_order.core.footprints import features_from_records, footprint_layer, new_footprint_layer  # noqa: E402
from eo_order.core.models import BBox, SearchQuery  # noqa: E402
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


def eo_order(url, n, page_size=None):
    run = Run("EO Order (search → layer)" if page_size is None else f"EO Order core, one page of {page_size:,}")
    first_page = []
    t0 = time.perf_counter()
    query = SearchQuery(bbox=BBox(*CANADA), max_records=n,
                        **({} if page_size is None else {"page_size": page_size}))
    client = CswClient(url, Profile.EODMS, name="bench catalogue")
    try:
        result = client.search(query, progress=lambda *_: first_page or first_page.append(time.perf_counter() - t0))
        layer = footprint_layer("bench", features_from_records(result.records, url))
    finally:
        client.session.close()
    run.total = run.first = time.perf_counter() - t0  # the layer exists only once the search has ended
    run.records, run.requests = layer.featureCount(), result.pages
    run.note = f"first page parsed at {first_page[0]:.2f} s, shown at the end"
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
    with SlowCsw(records, delay=delay) as csw:
        print("uncapped server (answers as many records as asked):")
        ours = eo_order(csw.url, n)
        print(ours.line())
        one = owslib(csw.url, n)
        print(one.line())
        paged = owslib(csw.url, n, OWSLIB_PAGE)
        print(paged.line())
        floor = eo_order(csw.url, n, page_size=n)
        print(floor.line())
        print(f"  → EO Order takes {ratio(ours, one):.1f}× OWSLib's one request "
              f"(target: ≤ 1/1.5 = {one.total / 1.5:.2f} s, i.e. ≥ 1.5× faster: "
              f"{'met' if ours.total * 1.5 <= one.total else 'NOT met'}); "
              f"{ratio(ours, paged):.2f}× OWSLib paging at {OWSLIB_PAGE}; "
              f"{ratio(ours, floor):.1f}× the one-page floor")
        print(f"  → first footprint: EO Order {ours.first:.2f} s, OWSLib one request {one.first:.2f} s, "
              f"OWSLib paging {paged.first:.2f} s")

        csw.cap = 100
        print("capped server (at most 100 records per reply, whatever is asked):")
        ours_c = eo_order(csw.url, n)
        print(ours_c.line())
        one_c = owslib(csw.url, n)
        print(one_c.line())
        paged_c = owslib(csw.url, n, OWSLIB_PAGE)
        print(paged_c.line())
        speedup = ratio(paged_c, ours_c)
        print(f"  → EO Order is {speedup:.2f}× as fast as sequential paging at {OWSLIB_PAGE} "
              f"(target ≥ 3×: {'met' if speedup >= 3 else 'NOT met'}); OWSLib's one request keeps "
              f"{one_c.records:,} of {n:,} records")
        print(f"  → first footprint: EO Order {ours_c.first:.2f} s, OWSLib paging {paged_c.first:.2f} s")
        print(f"server saw at most {csw.max_in_flight} request(s) at once "
              f"({len(csw.pages)} pages served in all)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--records", type=int, default=10_000, help="records in the catalogue (10,000)")
    parser.add_argument("--delay", type=float, default=0.25, help="seconds before each answer (0.25)")
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # lines as they come, also through a pipe
    app = QgsApplication([], False)
    app.initQgis()
    bench(args.records, args.delay)
    app.exitQgis()


if __name__ == "__main__":
    main()
