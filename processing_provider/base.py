"""The base of every EO Order Processing algorithm.

An algorithm declares what it is as class attributes and writes :meth:`EoOrderAlgorithm.process`;
the base does the rest, the same way for all:

- **metadata**: ``NAME`` (the id after ``eo_order:``), ``DISPLAY_NAME``, ``GROUP`` (a key of
  :data:`GROUPS`), ``SHORT_DESCRIPTION`` and ``HELP``. The texts are marked with ``tr_noop`` in the
  algorithm's module and translated when QGIS asks, in the context named after the class (the
  context of the module's ``tr``);
- **errors**: an :class:`~eo_order.core.errors.EoOrderError` (any failure the core reports, already
  a message for the user) becomes a :class:`QgsProcessingException` with that text, a
  :class:`~eo_order.core.errors.Cancelled` becomes ``CANCELLED`` — in one place, never a traceback;
- **checks before running** (``checkParameterValues``, so the dialog, models and ``qgis_process``
  say them before any request): ``MAX_RECORDS`` within :data:`~.checks.MAX_RECORDS_LIMIT`, and the
  parameters of which at least one is required (``REQUIRED_ONE_OF``), then :meth:`check`;
- **feedback**: :meth:`warn` and :meth:`report_counts` (``3 verified, 1 failed``).
"""

from qgis.core import QgsProcessingAlgorithm, QgsProcessingException

from ..core.errors import Cancelled, EoOrderError
from ..core.i18n import tr_noop, translate
from .checks import max_records_problem


def tr(text):
    return translate("EoOrderAlgorithm", text)


GROUPS = {
    "search": tr_noop("Search"),
    "order": tr_noop("Order"),
    "download": tr_noop("Download"),
    "wcs": tr_noop("WCS"),
}


def processing_error(exc, cancelled=""):
    """The QgsProcessingException for a core error ``exc`` (its text, already redacted);
    ``cancelled`` replaces the text of a :class:`Cancelled`."""
    if isinstance(exc, Cancelled) and cancelled:
        return QgsProcessingException(cancelled)
    return QgsProcessingException(str(exc))


class EoOrderAlgorithm(QgsProcessingAlgorithm):
    NAME = ""
    DISPLAY_NAME = ""
    GROUP = ""
    SHORT_DESCRIPTION = ""
    HELP = ""
    CANCELLED = ""  # the message of a cancelled run ('' = the core's own)
    # ((parameter, ...), message): at least one of the parameters must be given
    REQUIRED_ONE_OF = ()

    # -- metadata --

    def _tr(self, text):
        return translate(type(self).__name__, text) if text else ""

    def name(self):
        return self.NAME

    def displayName(self):  # noqa: N802 - QGIS API
        return self._tr(self.DISPLAY_NAME)

    def group(self):
        return translate("EoOrderAlgorithm", GROUPS[self.GROUP]) if self.GROUP else ""

    def groupId(self):  # noqa: N802 - QGIS API
        return self.GROUP

    def shortDescription(self):  # noqa: N802 - QGIS API
        return self._tr(self.SHORT_DESCRIPTION)

    def shortHelpString(self):  # noqa: N802 - QGIS API
        return self._tr(self.HELP)

    def createInstance(self):  # noqa: N802 - QGIS API
        return type(self)()

    # -- checks --

    def checkParameterValues(self, parameters, context):  # noqa: N802 - QGIS API
        # before QGIS' own check, which only says that a value is incorrect
        problem = max_records_problem(parameters.get("MAX_RECORDS")) if self.parameterDefinition("MAX_RECORDS") \
            else ""
        for names, message in self.REQUIRED_ONE_OF:
            if problem:
                break
            if not any(given(parameters.get(name)) for name in names):
                problem = self._tr(message)
        problem = problem or self.check(parameters, context)
        if problem:
            return False, problem
        return super().checkParameterValues(parameters, context)

    def check(self, parameters, context):
        """Why these parameters cannot run ('' when they can): an algorithm's own checks."""
        return ""

    # -- running --

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 - QGIS API
        try:
            return self.process(parameters, context, feedback)
        except EoOrderError as exc:
            raise processing_error(exc, self._tr(self.CANCELLED)) from None

    def process(self, parameters, context, feedback):
        """The algorithm: returns the outputs; may raise EoOrderError (shown as its message)."""
        raise NotImplementedError

    # -- feedback --

    @staticmethod
    def warn(feedback, text):
        """A warning in the log (orange), the run goes on."""
        feedback.pushWarning(text)

    @staticmethod
    def report_counts(feedback, counts):
        """One line of the counts of results, in ``counts``' order, zeros left out:
        ``3 verified, 1 failed``."""
        line = ", ".join(f"{count} {what}" for what, count in counts.items() if count)
        if line:
            feedback.pushInfo(line)
        return line


def given(value):
    """True when a parameter value is given (not None, not blank text)."""
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    return True
