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


import pytest  # noqa: E402

MASTER_PASSWORD = "eo-order-tests-master"


@pytest.fixture
def make_authcfg(qgis_app):
    """Create Basic auth configs in the QGIS auth database; returns their ids."""
    from qgis.core import QgsApplication, QgsAuthMethodConfig

    manager = QgsApplication.authManager()
    assert manager.setMasterPassword(MASTER_PASSWORD, True)
    created = []

    def make(username, password, name="EODMS test"):
        config = QgsAuthMethodConfig("Basic")
        config.setName(name)
        config.setConfig("username", username)
        config.setConfig("password", password)
        ok, stored = manager.storeAuthenticationConfig(config)
        assert ok
        created.append(stored.id())
        return stored.id()

    yield make
    for config_id in created:
        manager.removeAuthenticationConfig(config_id)


@pytest.fixture
def provider(qgis_processing):
    """The plugin's Processing provider, registered for one test."""
    from qgis.core import QgsApplication

    from eo_order.processing_provider.provider import EoOrderProvider

    provider = EoOrderProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    yield provider
    QgsApplication.processingRegistry().removeProvider(provider)


def wait_for(predicate, timeout=30.0):
    """Spin the Qt event loop until ``predicate()`` is true (bounded)."""
    import time

    from qgis.PyQt.QtCore import QCoreApplication, QEventLoop

    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met within {timeout} s")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
