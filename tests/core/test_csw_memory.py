"""Memory stays bounded whatever a CSW page holds: junk elements around the records, one record
with endless children. Each case runs in a subprocess under an address-space limit (RLIMIT_AS), so
a regression fails with MemoryError instead of swapping the machine."""

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HEADROOM_MB = 256  # what parsing may add to the process, whatever the page's size

SCRIPT = textwrap.dedent("""
    import importlib.util, json, resource, sys
    root = sys.argv[1]
    spec = importlib.util.spec_from_file_location("eo_order", root + "/__init__.py",
                                                  submodule_search_locations=[root])
    sys.modules["eo_order"] = module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    from eo_order.core.csw import parse_getrecords

    case, megabytes, headroom = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    HEAD = (b'<csw:GetRecordsResponse xmlns:csw="http://www.opengis.net/cat/csw/2.0.2" '
            b'xmlns:dc="http://purl.org/dc/elements/1.1/"><csw:SearchResults numberOfRecordsMatched="3" '
            b'numberOfRecordsReturned="3" nextRecord="0">')
    TAIL = b"</csw:SearchResults></csw:GetRecordsResponse>"
    def record(n):
        return b"<csw:Record><dc:identifier>r%d</dc:identifier><dc:title>Scene</dc:title></csw:Record>" % n
    JUNK = b"<junk/>" if case == "junk" else b""
    SUBJECT = b"<dc:subject>" + b"y" * 220 + b"</dc:subject>"
    chunk = 1 << 16

    def repeated(piece, total):
        block = piece * (chunk // len(piece))
        for _ in range(total // len(block)):
            yield block

    def chunks():
        yield HEAD + record(1)
        if case == "junk":
            yield from repeated(JUNK, megabytes << 20)
            yield record(2)
            yield from repeated(JUNK, megabytes << 20)
            yield record(3)
            yield from repeated(JUNK, megabytes << 20)
        else:
            yield b"<csw:Record><dc:identifier>huge</dc:identifier>"
            yield from repeated(SUBJECT, megabytes << 20)
            yield b"</csw:Record>" + record(2) + record(3)
        yield TAIL

    with open("/proc/self/status") as fh:
        size = next(int(line.split()[1]) for line in fh if line.startswith("VmSize:")) * 1024
    limit = size + (headroom << 20)
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    page = parse_getrecords(chunks(), "Hostile CSW")
    print(json.dumps({"ids": [r.record_id for r in page.records], "received": page.received,
                      "oversized": page.oversized, "unreadable": dict(page.unreadable)}))
""")


def run(case, megabytes):
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(ROOT), case, str(megabytes), str(HEADROOM_MB)],
                          capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS and /proc are Linux's")
def test_junk_elements_around_the_records_do_not_grow_memory():
    result = run("junk", 60)  # 180 MB of empty elements, 27 million of them
    assert result["ids"] == ["r1", "r2", "r3"]
    assert sum(result["unreadable"].values()) == result["received"] - 3 > 26_000_000


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS and /proc are Linux's")
def test_a_record_with_endless_children_is_skipped_and_counted_not_kept():
    result = run("huge_record", 120)
    assert result["ids"] == ["r1", "r2", "r3"]
    assert result["oversized"] == 1
    assert result["received"] == 4
