"""How the dock shows text: always as plain text, whoever wrote it.

Much of what EO Order shows comes from servers and files (OWS exception texts, SOAP faults, error
pages, connection names from an imported file, record titles), and Qt renders rich text where it
can: QgsMessageBar shows its text as HTML in a text browser whose links open on click, and QLabel,
tooltips and QMessageBox render HTML whenever the text *looks like* HTML (``Qt::mightBeRichText``).
An ``<a href>`` in an exception text would become a clickable link (phishing), an ``<img>`` would
be loaded. So every text goes through one of these helpers:

- :func:`push_message` — the message bar (the text is escaped; only a link EO Order builds itself,
  :func:`folder_link`, is added as HTML);
- :func:`plain_label` — status and message labels (``Qt.TextFormat.PlainText``);
- :func:`tooltip` — tooltips and ``ToolTipRole`` data (escaped inside a ``<p>``, so it is shown
  literally and still wraps);
- :func:`ask` / :func:`message_box` — dialogs with ``Qt.TextFormat.PlainText``.

Table and tree cells (``QTableWidgetItem``, ``QTreeWidgetItem``) are always plain text in Qt.
"""

import html

from qgis.core import Qgis
from qgis.PyQt.QtCore import Qt, QUrl
from qgis.PyQt.QtWidgets import QLabel, QMessageBox

from ..core.names import PLUGIN_NAME

TITLE = PLUGIN_NAME


def escaped(text):
    """``text`` as HTML that displays exactly these characters."""
    return html.escape("" if text is None else str(text), quote=False)


def folder_link(folder, label):
    """An ``<a href>`` to a local folder, built by EO Order (the only HTML :func:`push_message` takes)."""
    return f'<a href="{html.escape(QUrl.fromLocalFile(folder).toString())}">{escaped(label)}</a>'


def push_message(target, text, level=Qgis.MessageLevel.Info, duration=10, link=""):
    """Show ``text`` in the message bar of ``target`` (an iface, or a QgsMessageBar) as plain text;
    ``link`` is HTML from :func:`folder_link`, appended after the text."""
    bar = target.messageBar() if hasattr(target, "messageBar") else target
    body = escaped(text) + (f" {link}" if link else "")
    bar.pushMessage(TITLE, body, level, duration)


def plain_label(text="", parent=None):
    """A QLabel that shows its text literally (never as rich text)."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def tooltip(text):
    """A tooltip showing ``text`` literally ('' stays '': no tooltip)."""
    text = "" if text is None else str(text)
    return f'<p style="white-space:pre-wrap">{escaped(text)}</p>' if text.strip() else ""


def message_box(icon, title, text, buttons=QMessageBox.StandardButton.Ok, parent=None, informative=""):
    """A QMessageBox whose text and informative text are shown literally (its detailed text
    always is)."""
    box = QMessageBox(icon, title, "", buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    if informative:
        box.setInformativeText(tooltip(informative))  # that label has no format of its own: literal HTML
    return box


def ask(parent, title, text):
    """Yes/No question with a plain-text ``text``; True for Yes."""
    box = message_box(QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    try:
        return box.exec() == QMessageBox.StandardButton.Yes
    finally:
        box.deleteLater()
