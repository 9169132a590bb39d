"""Folders that refuse writes, for the "careless input" tests: a read-only folder and a full disk.

As root (the test machines) both are real tmpfs mounts (``ro``; ``size=64k`` filled up), so the
code under test sees EROFS / ENOSPC exactly as on a real disk; otherwise the read-only folder is
a chmod 555 folder and the full disk is skipped.
"""

import contextlib
import os
import subprocess

import pytest


def _mount(folder, options):
    os.makedirs(folder, exist_ok=True)
    if os.geteuid() != 0:
        return False
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], capture_output=True)
    return done.returncode == 0


def _umount(folder):
    subprocess.run(["umount", "-l", str(folder)], capture_output=True)


@contextlib.contextmanager
def read_only_folder(folder):
    if _mount(folder, "ro,size=64k"):
        try:
            yield folder
        finally:
            _umount(folder)
        return
    if os.geteuid() == 0:
        pytest.skip("cannot mount a read-only tmpfs here")
    os.chmod(folder, 0o555)
    try:
        yield folder
    finally:
        os.chmod(folder, 0o755)


@contextlib.contextmanager
def small_disk(folder):
    """A 64 KiB tmpfs at ``folder``; call ``fill(folder)`` to use up what is left."""
    if not _mount(folder, "size=64k"):
        pytest.skip("a small tmpfs needs root")
    try:
        yield folder
    finally:
        _umount(folder)


def fill(folder):
    """Write a filler file until the disk at ``folder`` is full."""
    fd = os.open(os.path.join(folder, "filler"), os.O_WRONLY | os.O_CREAT)
    try:
        while os.write(fd, b"\0" * 1024):
            pass
    except OSError:
        pass
    finally:
        os.close(fd)
