"""Killing a child process at a chosen moment, for the crash-safety tests."""

import signal
import subprocess
import sys
import time


def run_then_kill(script, args, env, ready, what, timeout=30):
    """Run ``python -c script args`` and SIGKILL it as soon as ``ready()`` is true (polled every 20 ms);
    fails if the child exits first or nothing is ready within ``timeout`` s (``what`` says what)."""
    child = subprocess.Popen([sys.executable, "-c", script, *map(str, args)], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + timeout
        while not ready():
            assert child.poll() is None, child.stderr.read().decode()
            assert time.monotonic() < deadline, f"{what} did not start"
            time.sleep(0.02)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
        child.stdout.close()
        child.stderr.close()


# Loads the plugin as package ``eo_order`` from argv[1], then caps the address space at what the
# process uses now plus argv[2] MiB (RLIMIT_AS): code that would need more fails with MemoryError
# instead of swapping. The caller's script follows, with argv[3:] as its arguments.
LIMITED_PRELUDE = """
import importlib.util, resource, sys
from pathlib import Path

root = Path(sys.argv[1])
spec = importlib.util.spec_from_file_location("eo_order", root / "__init__.py",
                                              submodule_search_locations=[str(root)])
sys.modules["eo_order"] = module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
import requests, urllib3, json, gzip, zlib  # noqa: F401,E401 - loaded before the cap
import eo_order.core.cdse_auth, eo_order.core.cdse_search  # noqa: F401,E401
with open("/proc/self/status") as status:
    used = next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmSize:"))
cap = used + int(sys.argv[2]) * (1 << 20)
resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
args = sys.argv[3:]
"""


def run_with_memory_cap(script, root, headroom_mib, args, env=None, timeout=120):
    """Run ``script`` (after LIMITED_PRELUDE; ``args`` is its argument list) in a child Python whose
    address space may grow by at most ``headroom_mib`` MiB; returns the CompletedProcess."""
    return subprocess.run([sys.executable, "-c", LIMITED_PRELUDE + script, str(root), str(headroom_mib),
                           *map(str, args)], env=env, capture_output=True, text=True, timeout=timeout)
