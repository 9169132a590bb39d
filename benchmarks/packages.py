"""Make the repository importable as the packages the benchmarks use — ``eo_order`` (the plugin),
``tools`` and ``tests`` — the way tests/conftest.py does, without the repository itself on
``sys.path``; QGIS offscreen. Every benchmark imports this module first."""

import importlib.util
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _register(name, folder):
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            name, folder / "__init__.py", submodule_search_locations=[str(folder)])
        sys.modules[name] = module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)


_register("eo_order", ROOT)
_register("tools", ROOT / "tools")
_register("tests", ROOT / "tests")
