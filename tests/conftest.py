"""Test set-up: import the repository root as the package ``eo_order`` (as QGIS
does once it is installed) and the dev-only ``tools`` package, without putting
the root on sys.path."""

import importlib.util
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _register(name, folder):
    if name in sys.modules:
        return
    spec = importlib.util.spec_from_file_location(
        name, folder / "__init__.py", submodule_search_locations=[str(folder)]
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)


_register("eo_order", ROOT)
_register("tools", ROOT / "tools")
_register("tests", ROOT / "tests")
