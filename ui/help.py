"""Help: the README section for the current tab, shown inside QGIS (works offline).

The plugin ships its README.md; ``readme_section(title)`` cuts one section out of it (from its
heading to the next heading of the same or a higher level) and :class:`HelpDialog` renders it
as Markdown.
"""

import os
import re

from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

README = os.path.join(os.path.dirname(os.path.dirname(__file__)), "README.md")


def tr(text):
    return QCoreApplication.translate("HelpDialog", text)


def readme_section(title, path=README):
    """The Markdown of the README section whose heading is ``title`` ('' when there is none)."""
    try:
        with open(path, encoding="utf-8") as handle:
            lines = handle.read().splitlines()
    except OSError:
        return ""
    for start, line in enumerate(lines):
        match = re.match(r"(#+)\s+(.*)", line)
        if match and match.group(2).strip() == title:
            level = len(match.group(1))
            end = next((i for i in range(start + 1, len(lines))
                        if re.match(rf"#{{1,{level}}}\s", lines[i])), len(lines))
            return "\n".join(lines[start:end]).strip() + "\n"
    return ""


class HelpDialog(QDialog):
    def __init__(self, title, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("EO Order help – {0}").format(title))
        self.resize(720, 640)
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        text = readme_section(title)
        if text:
            self.browser.setMarkdown(text)
        else:
            self.browser.setPlainText(tr("No help found for “{0}”: see README.md in the plugin folder.").format(title))
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
