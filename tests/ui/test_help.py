"""The Help button's text in French: each README paragraph of the tab's section goes through the
translation; a paragraph edited since it was translated stays English (never blank)."""

from pathlib import Path

import pytest
from qgis.PyQt.QtCore import QCoreApplication, QTranslator

from eo_order.ui.help import README, HelpDialog, help_blocks, translated_section

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def french(qgis_app):
    translator = QTranslator()
    assert translator.load(str(ROOT / "i18n" / "eo_order_fr.qm"))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_the_help_of_the_orders_tab_is_in_french(french):
    dialog = HelpDialog("Order from EODMS")
    text = dialog.browser.toPlainText()
    assert dialog.windowTitle() == "Aide d'EO Order – Commander auprès d'EODMS"
    assert text.startswith("Commander auprès d'EODMS")
    assert "Une seule conclusion par lot." in text and "journal des commandes" in text
    assert "One ending per batch" not in text
    dialog.deleteLater()


def test_a_paragraph_changed_since_its_translation_is_shown_in_english(french, tmp_path):
    readme = Path(README).read_text(encoding="utf-8")
    [block] = [b for b in help_blocks(readme) if b.startswith("**One ending per batch.**")]
    changed = tmp_path / "README.md"
    changed.write_text(readme.replace(block, block + " A new sentence."), encoding="utf-8")
    text = translated_section("Order from EODMS", changed)
    assert "**One ending per batch.**" in text and "A new sentence." in text
    assert text.startswith("### Commander auprès d'EODMS") and "journal des commandes" in text
