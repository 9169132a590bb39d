"""Help: the README section for the current tab, shown inside QGIS (works offline), in QGIS' language.

The plugin ships its README.md; ``readme_section(title)`` cuts one section out of it (from its
heading to the next heading of the same or a higher level) and :class:`HelpDialog` renders it
as Markdown.

**Translation.** :func:`help_blocks` splits a section into blocks (paragraphs, lists, code
fences; separated by blank lines) and each block goes through
``QCoreApplication.translate("HelpText", block)``: ``python -m tools.i18n update`` puts the
blocks of the sections in :data:`HELP_TITLES` into the .ts files (context ``HelpText``) like any
other string. A block whose README text changed since it was translated is shown in English until
it is translated again, so the README can change without breaking the help; ``tools.i18n check``
therefore does not count untranslated help blocks.
"""

import os
import re

from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

README = os.path.join(os.path.dirname(os.path.dirname(__file__)), "README.md")
HELP_CONTEXT = "HelpText"
# The README sections the dock's Help button shows (one per tab), whose blocks are translated.
HELP_TITLES = ("Search EODMS or a CSW catalogue", "Order from EODMS", "Copernicus Data Space", "WCS 1.0.0",
               "Search history")


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


def help_blocks(markdown):
    """The blocks of ``markdown``: runs of non-blank lines (a fenced code block is one block,
    blank lines and all), without their trailing spaces."""
    blocks, current, fenced = [], [], False
    for line in markdown.splitlines():
        if line.lstrip().startswith("```"):
            fenced = not fenced
        if not line.strip() and not fenced:
            if current:
                blocks.append("\n".join(current))
                current = []
            continue
        current.append(line.rstrip())
    if current:
        blocks.append("\n".join(current))
    return blocks


def translated_section(title, path=README):
    """The README section ``title`` in QGIS' language: each block translated where a translation
    exists (else in English)."""
    return "\n\n".join(QCoreApplication.translate(HELP_CONTEXT, block)
                        for block in help_blocks(readme_section(title, path))) + "\n"


class HelpDialog(QDialog):
    def __init__(self, title, parent=None):
        super().__init__(parent)
        text = translated_section(title).strip()
        heading = text.splitlines()[0].lstrip("#").strip() if text else title  # the title, translated
        self.setWindowTitle(tr("EO Order help – {0}").format(heading))
        self.resize(720, 640)
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        if text:
            self.browser.setMarkdown(text)
        else:
            self.browser.setPlainText(tr("No help found for “{0}”: see README.md in the plugin folder.").format(title))
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
