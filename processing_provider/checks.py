"""Checks the algorithms make before any request, so that a careless value is a clear message and
never a traceback, and a search is never run only to find that its results cannot be written."""

import math
import os
import tempfile

from qgis.PyQt.QtCore import QCoreApplication

MAX_RECORDS_LIMIT = 1_000_000  # records (products) one search may ask for


def tr(text):
    return QCoreApplication.translate("EoOrderChecks", text)


def max_records_problem(value):
    """Why ``value`` (MAX_RECORDS as given: int, float or text; None = the default) cannot be used,
    or '' when it can (a whole number from 1 to :data:`MAX_RECORDS_LIMIT`)."""
    if value is None or value == "":
        return ""
    try:
        number = float(str(value).strip())
    except ValueError:
        return tr("MAX_RECORDS must be a whole number, not {0!r}.").format(value)
    if not math.isfinite(number) or number != int(number):
        return tr("MAX_RECORDS must be a whole number, not {0!r}.").format(value)
    if number < 1:
        return tr("MAX_RECORDS must be at least 1 (it is {0}).").format(int(number))
    if number > MAX_RECORDS_LIMIT:
        return tr("MAX_RECORDS is {0}: one search can ask for at most {1} records. Give a smaller number "
                  "(or narrow the area or dates).").format(int(number), MAX_RECORDS_LIMIT)
    return ""


def folder_problem(path, what):
    """Why files cannot be written into the folder of ``path`` (made when missing), or ''.
    ``what`` names the file in the message ("The query log")."""
    folder = os.path.dirname(os.path.abspath(os.fspath(path)))
    try:
        os.makedirs(folder, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as exc:
        return tr("{0} cannot be written to {1}: the folder {2} is not writable ({3}). Choose another place; "
                  "nothing was searched or downloaded.").format(what, path, folder, exc.strerror or exc)
    return ""
