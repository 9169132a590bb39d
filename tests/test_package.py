"""``make package``: the zip holds only runtime files, metadata.txt passes the plugin repository's
checks, and the plugin installed from the zip into a fresh QGIS profile loads (Processing via
qgis_process, the GUI via qgis.utils with an iface)."""

import os
import subprocess
import sys
import textwrap
import zipfile

import pytest

from tools.package import ROOT, build, check_metadata


@pytest.fixture(scope="module")
def package(tmp_path_factory):
    return build(tmp_path_factory.mktemp("dist"))


def test_zip_holds_the_runtime_files_only(package):
    names = zipfile.ZipFile(package).namelist()
    assert all(name.startswith("eo_order/") for name in names)
    for needed in ("eo_order/metadata.txt", "eo_order/__init__.py", "eo_order/plugin.py", "eo_order/LICENSE",
                   "eo_order/icons/eo_order.svg", "eo_order/core/cdse_download.py", "eo_order/ui/dock.py",
                   "eo_order/processing_provider/provider.py"):
        assert needed in names
    for dev_only in ("tests/", "benchmarks/", "tools/", ".ci/", "Makefile", "pyproject.toml", ".git", "__pycache__",
                     "requirements-dev.txt"):
        assert not any(dev_only in name for name in names), dev_only


def test_metadata_passes_the_repository_checks(tmp_path):
    assert check_metadata() == []
    broken = tmp_path / "metadata.txt"
    broken.write_text("[general]\nname=EO Order\nversion=one\nicon=icons/none.svg\n", encoding="utf-8")
    problems = check_metadata(broken, ROOT)
    assert "metadata.txt lacks about" in problems and "metadata.txt lacks qgisMinimumVersion" in problems
    assert any("not of the form" in p for p in problems) and any("icon" in p for p in problems)


def install(package, profiles):
    plugins = profiles / "profiles" / "default" / "python" / "plugins"
    plugins.mkdir(parents=True)
    zipfile.ZipFile(package).extractall(plugins)
    return plugins


def test_installed_zip_registers_its_algorithms_in_qgis_process(package, tmp_path):
    profiles = tmp_path / "qgis"
    install(package, profiles)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QGIS_CUSTOM_CONFIG_PATH=str(profiles))
    subprocess.run(["/usr/bin/qgis_process.bin", "plugins", "enable", "eo_order"], env=env, check=True,
                   capture_output=True, timeout=120)
    listing = subprocess.run(["/usr/bin/qgis_process.bin", "list"], env=env, check=True, capture_output=True,
                             text=True, timeout=120).stdout
    for algorithm in ("search_csw", "search_cdse", "download_cdse", "order_eodms", "wcs_getcoverage", "quicklooks"):
        assert f"eo_order:{algorithm}" in listing


GUI_LOAD = textwrap.dedent("""
    import sys
    from qgis.core import QgsApplication
    from qgis.gui import QgsMapCanvas, QgsMessageBar
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtWidgets import QMainWindow, QMenu, QToolBar
    app = QgsApplication([], True)
    app.initQgis()
    sys.path.insert(0, sys.argv[1])
    import qgis.utils

    class Iface:  # what the plugin asks of QGIS' iface, on a real main window
        def __init__(self):
            self.window, self.toolbar, self.menu = QMainWindow(), QToolBar(), QMenu("Web")
            self.canvas, self.bar = QgsMapCanvas(self.window), QgsMessageBar(self.window)
            self.actions = []
        def mainWindow(self): return self.window
        def mapCanvas(self): return self.canvas
        def messageBar(self): return self.bar
        def activeLayer(self): return None
        def addToolBarIcon(self, action): self.toolbar.addAction(action)
        def removeToolBarIcon(self, action): self.toolbar.removeAction(action)
        def addPluginToWebMenu(self, name, action): self.menu.addAction(action)
        def removePluginWebMenu(self, name, action): self.menu.removeAction(action)
        def addDockWidget(self, area, dock): self.window.addDockWidget(area, dock)
        def removeDockWidget(self, dock): self.window.removeDockWidget(dock)
        def addCustomActionForLayerType(self, action, menu, kind, all_layers): self.actions.append(action)
        def addCustomActionForLayer(self, action, layer): pass
        def removeCustomActionForLayerType(self, action): self.actions.remove(action)

    qgis.utils.iface = Iface()
    assert qgis.utils.loadPlugin("eo_order") and qgis.utils.startPlugin("eo_order")
    plugin = qgis.utils.plugins["eo_order"]
    assert sys.modules["eo_order"].__file__.startswith(sys.argv[1])
    plugin.action.trigger()
    print("tabs:", [plugin.dock.tabs.tabText(i) for i in range(plugin.dock.tabs.count())])
    print("layer actions:", [action.text() for action in qgis.utils.iface.actions])
    plugin.unload()
    assert not qgis.utils.iface.actions
    assert QgsApplication.processingRegistry().providerById("eo_order") is None
    print("unloaded")
""")


def test_installed_zip_loads_in_a_fresh_profile_with_its_dock(package, tmp_path):
    profiles = tmp_path / "qgis"
    plugins = install(package, profiles)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QGIS_CUSTOM_CONFIG_PATH=str(profiles))
    done = subprocess.run([sys.executable, "-c", GUI_LOAD, str(plugins)], env=env, capture_output=True, text=True,
                          timeout=120, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "tabs: ['Search', 'Orders', 'WCS', 'History']" in done.stdout and "unloaded" in done.stdout
    assert "layer actions: ['Export footprints…', 'Show quicklooks']" in done.stdout
