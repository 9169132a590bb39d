"""Start QGIS headless for dev scripts (demo, benchmarks) and import the
repository root as the package ``eo_order``, as QGIS does once it is installed."""

import importlib.util
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QGIS_PLUGINS = "/usr/share/qgis/python/plugins"


def register_plugin_package():
    if "eo_order" not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            "eo_order", ROOT / "__init__.py", submodule_search_locations=[str(ROOT)]
        )
        module = importlib.util.module_from_spec(spec)
        sys.modules["eo_order"] = module
        spec.loader.exec_module(module)
    return sys.modules["eo_order"]


def start_qgis(processing=False):
    """A QgsApplication without GUI (kept alive by the caller), Processing optional."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    register_plugin_package()
    if processing:
        if QGIS_PLUGINS not in sys.path:
            sys.path.append(QGIS_PLUGINS)
        from processing.core.Processing import Processing

        Processing.initialize()
        from eo_order.processing_provider.provider import EoOrderProvider

        app.eo_order_provider = EoOrderProvider()  # the Python object must outlive the run
        QgsApplication.processingRegistry().addProvider(app.eo_order_provider)
    return app
