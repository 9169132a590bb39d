"""The Orders and History tabs and the dialogs fit a laptop: each tab is usable in a dock of
420 × 600 px and each dialog fits 600 px wide, in English and in French (longer words)."""

from pathlib import Path

import pytest
from qgis.core import QgsProject
from qgis.PyQt.QtCore import QCoreApplication, QTranslator

from eo_order.core.footprints import features_from_records, footprint_layer
from eo_order.core.models import Record
from eo_order.ui.connections_dialog import ConnectionEditDialog, ConnectionsDialog
from eo_order.ui.dock import EoOrderDock
from eo_order.ui.export_dialog import ExportDialog
from eo_order.ui.help import HelpDialog

ROOT = Path(__file__).resolve().parents[2]
DOCK = (420, 600)


@pytest.fixture(params=["en", "fr"])
def language(request, qgis_app):
    translator = None
    if request.param == "fr":
        translator = QTranslator()
        assert translator.load(str(ROOT / "i18n" / "eo_order_fr.qm"))
        QCoreApplication.installTranslator(translator)
    yield request.param
    if translator is not None:
        QCoreApplication.removeTranslator(translator)


@pytest.fixture
def dock(language, qgis_iface, qgis_new_project, tmp_path):
    widget = EoOrderDock(qgis_iface, journal_path=tmp_path / "orders.sqlite", history_path=tmp_path / "h.sqlite")
    yield widget
    widget.shutdown()


def fits(widget, width, height):
    hint = widget.minimumSizeHint()
    return hint.width() <= width and hint.height() <= height, (type(widget).__name__, hint)


def test_the_orders_and_history_tabs_fit_a_420_by_600_dock(dock, language):
    journal = dock.orders.journal
    for index in range(30):  # long rows: the table scrolls, the tab does not widen
        row = journal.begin(f"15082{index:02d}", "Radarsat1", title="Radarsat-1 Raw Scenes " * 4, packaging="ZIP")
        journal.finish(row, "failed" if index % 3 else "submitted", "EODMS refused the order: " + "x" * 200,
                       f"<r><OrderId>77120{index}</OrderId></r>")
    dock.orders_panel.refresh()
    for _ in range(20):
        dock.history.add("csw", "EODMS catalogue with a long name", "http://127.0.0.1:9/csw",
                         {"bbox": [-76.1234, 45.1234, -75.1234, 46.1234], "start": "2013-01-01", "end": "2013-03-29",
                          "title": "a rather long title filter", "max_records": 1000}, 12)
    dock.history_panel.refresh()
    for panel in (dock.orders_panel, dock.history_panel):
        ok, detail = fits(panel, *DOCK)
        assert ok, detail


def test_the_dialogs_fit_600_px_wide(language, qgis_iface, qgis_new_project, tmp_path):
    records = [Record("1508208", title="Radarsat-1 Raw Scenes", date="2013-02-21", bbox=(-76, 45, -75, 46),
                      collection_id="Radarsat1")]
    layer = footprint_layer("EODMS catalogue · 1 scene", features_from_records(records, "test"))
    QgsProject.instance().addMapLayer(layer)
    dialogs = [ExportDialog(layer), HelpDialog("Order from EODMS"), ConnectionsDialog()]
    dialogs.append(ConnectionEditDialog(dialogs[-1].store))
    for dialog in dialogs:
        ok, detail = fits(dialog, 600, 600)
        assert ok, detail
        assert dialog.sizeHint().width() <= 720, (type(dialog).__name__, dialog.sizeHint())
        dialog.deleteLater()
