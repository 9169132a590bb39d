"""The order dialog as users meet it: credentials EODMS refused (HTTP 401) keep Order off until they
change, and the French dialog fits a laptop (≤ 600 px wide)."""

from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsAuthMethodConfig
from qgis.PyQt.QtCore import QCoreApplication, QEvent, QTranslator
from qgis.PyQt.QtWidgets import QDialogButtonBox

from eo_order.core.settings import Settings
from eo_order.ui.dock import EoOrderDock
from eo_order.ui.order_dialog import OrderDialog
from tests.conftest import wait_for
from tests.servers.eodms_wes import EodmsWesServer

ROOT = Path(__file__).resolve().parents[2]
SCENE = {"record_id": "1508208", "collection_id": "Radarsat1", "acquired": "2013-02-21",
         "title": "Radarsat-1 Raw Scenes (Ottawa, fine beam F2, descending orbit, full resolution)"}


@pytest.fixture
def orders(qgis_iface, qgis_new_project, tmp_path):
    with EodmsWesServer() as wes:
        settings = Settings()
        settings.order_wcs_url = wes.url
        dock = EoOrderDock(qgis_iface, journal_path=tmp_path / "orders.sqlite", history_path=tmp_path / "h.sqlite")
        yield dock.orders
        dock.shutdown()
        settings.order_wcs_url = ""
        qgis_iface.messageBar().clear_messages()


def test_credentials_eodms_refused_keep_order_off_until_they_change(orders, make_authcfg):
    bad = make_authcfg("eodms-user", "wrong", name="My EODMS account")
    good = make_authcfg("eodms-user", "eodms-password", name="Good account")
    dialog = OrderDialog([SCENE], bad, "ZIP", orders.describe)
    order = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    wait_for(lambda: "rejected" in dialog.status.text())
    assert "auth config 'My EODMS account'" in dialog.status.text()
    assert "Order is off until you choose other credentials or edit these." in dialog.status.text()
    assert not order.isEnabled()

    dialog.auth_select.setConfigId(good)  # other credentials: asked again, accepted
    wait_for(lambda: dialog.status.text().startswith("EODMS offers"))
    assert order.isEnabled()

    dialog.auth_select.setConfigId(bad)
    wait_for(lambda: not order.isEnabled() and "rejected" in dialog.status.text())
    manager = QgsApplication.authManager()  # the user fixes the password of that same auth config
    config = QgsAuthMethodConfig()
    assert manager.loadAuthenticationConfig(bad, config, True)
    config.setConfig("password", "eodms-password")
    assert manager.updateAuthenticationConfig(config)
    QCoreApplication.sendEvent(dialog, QEvent(QEvent.Type.WindowActivate))  # back from the edit dialog
    wait_for(lambda: dialog.status.text().startswith("EODMS offers"))
    assert order.isEnabled()
    dialog.reject()


@pytest.fixture
def french(qgis_app):
    translator = QTranslator()
    assert translator.load(str(ROOT / "i18n" / "eo_order_fr.qm"))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_the_french_order_dialog_fits_600_px(french, qgis_app):
    dialog = OrderDialog([SCENE, dict(SCENE, record_id="1508209")], "", "ZIP", lambda *_: None,
                         already_ordered={"1508209"})
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).text() == "Commander"
    dialog.show()
    QCoreApplication.processEvents()
    assert dialog.minimumSizeHint().width() <= 600, dialog.minimumSizeHint()
    assert dialog.sizeHint().width() <= 600 and dialog.width() <= 600, (dialog.sizeHint(), dialog.width())
    assert dialog.minimumSizeHint().height() <= 500
    dialog.reject()
