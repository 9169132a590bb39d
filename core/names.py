"""The plugin's name and the identifiers derived from it, written once.

Everything a user sees as the plugin's name (message-bar titles, the Web menu, the Processing
provider, the QGIS message-log tag, task descriptions) takes it from here; so does every file name
made from a name (a coverage, a record id, a layer): :func:`file_stem`."""

import re
from typing import Optional

_UNSAFE = re.compile(r"[^\w.-]+", re.UNICODE)

PLUGIN_NAME = "EO Order"
MENU = PLUGIN_NAME  # the Web menu entry and the Layers panel's sub-menu
LOG_TAG = PLUGIN_NAME  # the QGIS message log's tab
PROVIDER_ID = "eo_order"  # Processing algorithm ids: eo_order:<name>


def task_name(what: str) -> str:
    """A QgsTask description: ``EO Order: <what>``."""
    return f"{PLUGIN_NAME}: {what}"


def file_stem(name: Optional[str], default: str = "file") -> str:
    """``name`` made safe as a file name: every run of characters other than letters, digits,
    ``.``, ``_`` and ``-`` becomes ``_``, leading and trailing dots and underscores go (no hidden
    file, no ``..``); ``default`` when nothing is left ('ns:dem 1/2' → 'ns_dem_1_2')."""
    return _UNSAFE.sub("_", name or "").strip("._") or default
