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
