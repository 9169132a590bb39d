"""Server text is shown as plain text: an OWS ExceptionText carrying an ``<a href>`` reaches the
QGIS message bar and the status line as the literal characters, never as a clickable link."""

import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsRectangle
from qgis.gui import QgsMessageBar
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QLabel, QMessageBox, QTextBrowser

from eo_order.ui.messages import message_box, push_message, tooltip
from eo_order.ui.search_tab import SearchTab
from tests.conftest import wait_for
from tests.servers.canned import CannedServer

LINK = '<a href="http://evil/">click</a>'
EXCEPTION = (
    '<?xml version="1.0"?><ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows" version="1.2.0">'
    '<ows:Exception exceptionCode="NoApplicableCode"><ows:ExceptionText>Service moved: '
    '&lt;a href="http://evil/"&gt;click&lt;/a&gt;</ows:ExceptionText></ows:Exception></ows:ExceptionReport>'
)


@pytest.fixture
def real_bar(qgis_iface, monkeypatch):
    """The real QgsMessageBar widget (pytest-qgis' stand-in only records strings)."""
    bar = QgsMessageBar()
    monkeypatch.setattr(qgis_iface, "messageBar", lambda: bar)
    yield bar
    bar.deleteLater()


def shown(bar):
    """What the message bar's text browser displays, and whether it holds a link."""
    [browser] = bar.currentItem().findChildren(QTextBrowser)
    document = browser.document()
    anchors = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            if it.fragment().charFormat().isAnchor():
                anchors.append(it.fragment().charFormat().anchorHref())
            it += 1
        block = block.next()
    return browser.toPlainText(), anchors


def test_an_exception_text_with_a_link_is_shown_literally(qgis_iface, qgis_new_project, real_bar):
    with CannedServer({"/csw": (200, {"Content-Type": "application/xml"}, EXCEPTION)}) as server:
        panel = SearchTab(qgis_iface)
        try:
            panel.extent_box.setOutputExtentFromUser(QgsRectangle(-76, 45, -75, 46),
                                                     QgsCoordinateReferenceSystem("EPSG:4326"))
            panel.add_catalog(server.url_for("/csw"))
            panel.search_button.click()
            wait_for(lambda: panel.task is None, timeout=30)
            text, anchors = shown(real_bar)
            assert LINK in text and anchors == []
            assert panel.status.textFormat() == Qt.TextFormat.PlainText and LINK in panel.status.text()
        finally:
            panel._remove_catalog()
            panel.shutdown()
            panel.deleteLater()


def test_every_helper_shows_text_literally(real_bar, qgis_app):
    push_message(real_bar, f"Server said: {LINK} & more")
    text, anchors = shown(real_bar)
    assert f"Server said: {LINK} & more" in text and anchors == []

    label = QLabel()
    label.setToolTip(tooltip(LINK))
    assert "&lt;a href" in label.toolTip() and "<a href" not in label.toolTip()

    box = message_box(QMessageBox.Icon.Information, "EODMS reply", LINK, informative=LINK)
    assert box.textFormat() == Qt.TextFormat.PlainText and box.text() == LINK
    assert "<a href" not in box.informativeText()
    box.deleteLater()
