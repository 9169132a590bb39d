"""The plugin's name and the identifiers derived from it, written once.

Everything a user sees as the plugin's name (message-bar titles, the Web menu, the Processing
provider, the QGIS message-log tag, task descriptions) takes it from here."""

PLUGIN_NAME = "EO Order"
MENU = PLUGIN_NAME  # the Web menu entry and the Layers panel's sub-menu
LOG_TAG = PLUGIN_NAME  # the QGIS message log's tab
PROVIDER_ID = "eo_order"  # Processing algorithm ids: eo_order:<name>


def task_name(what):
    """A QgsTask description: ``EO Order: <what>``."""
    return f"{PLUGIN_NAME}: {what}"
