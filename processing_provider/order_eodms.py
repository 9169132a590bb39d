"""Processing algorithm ``eo_order:order_eodms`` – order footprints from EODMS, headless."""

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterString,
)

from ..core.auth import auth_hint, credentials_from_authcfg
from ..core.eodms_order import EODMS_WCS_URL, PACKAGING_FORMATS, SERVER_DEFAULT, EodmsOrderClient, order_batch
from ..core.footprints import scene_from_feature
from ..core.i18n import tr_noop, translate
from ..core.journal import OrderJournal, default_journal_path
from .base import EoOrderAlgorithm
from .tables import TableOutput


def tr(text):
    return translate("OrderEodmsAlgorithm", text)


OUTPUT_FIELDS = ("record_id", "collection_id", "coverage_id", "status", "message", "ordered_at")


class OrderEodmsAlgorithm(EoOrderAlgorithm):
    INPUT = "INPUT"
    WCS_URL = "WCS_URL"
    AUTHCFG = "AUTHCFG"
    PACKAGING_FORMAT = "PACKAGING_FORMAT"
    OUTPUT = "OUTPUT"

    NAME = "order_eodms"
    DISPLAY_NAME = tr_noop("Order scenes from EODMS")
    GROUP = "order"
    SHORT_DESCRIPTION = tr_noop("Orders footprints of an EODMS search from the EODMS order service, journalled.")
    HELP = tr_noop(
        "Orders each input footprint (fields record_id and collection_id, as written by "
        "'Search a CSW catalogue') from the EODMS WES order service: DescribeCoverage, then "
        "GetCoverage with CoverageId <collection>--<record id>. EODMS e-mails you when an order is "
        "submitted and again with the download links.\n\n"
        "Tick 'Selected features only' to order just the selection. Every attempt is written to the "
        "order journal in the QGIS profile folder before and after its request. 'Server default' sends "
        "no packaging format; a scene for which EODMS offers no packaging choice is ordered that way "
        "whatever format you pick. A rejected "
        "username/password stops the batch; a scene EODMS refuses is reported as failed and the "
        "batch goes on."
    )

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, tr("Footprints to order"), [QgsProcessing.SourceType.TypeVector]))
        self.addParameter(QgsProcessingParameterString(
            self.WCS_URL, tr("EODMS order (WCS) URL"), defaultValue=EODMS_WCS_URL))
        self.addParameter(QgsProcessingParameterAuthConfig(
            self.AUTHCFG, tr("EODMS credentials (Basic auth config)")))
        self.addParameter(QgsProcessingParameterEnum(
            self.PACKAGING_FORMAT, tr("Packaging format"), options=[*PACKAGING_FORMATS, tr("Server default")],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Orders"), QgsProcessing.SourceType.TypeVector))

    def process(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        scenes = [scene_from_feature(f) for f in source.getFeatures()]
        if not scenes:
            raise QgsProcessingException(tr("No footprints to order (is the selection empty?)."))
        url = self.parameterAsString(parameters, self.WCS_URL, context).strip()
        authcfg = self.parameterAsString(parameters, self.AUTHCFG, context)
        choices = (*PACKAGING_FORMATS, SERVER_DEFAULT)  # the last option sends no packagingFormat
        packaging = choices[self.parameterAsEnum(parameters, self.PACKAGING_FORMAT, context)]

        table = TableOutput(self, parameters, self.OUTPUT, context, OUTPUT_FIELDS)

        def progress(done, total, result):
            feedback.setProgress(100.0 * done / total)
            feedback.pushInfo(tr("{0}: {1} {2}").format(result.coverage_id, result.status, result.message))

        journal = OrderJournal(default_journal_path())
        if journal.notice:  # a damaged journal was moved aside and a new one started
            self.warn(feedback, journal.notice)
        try:  # a rejected password stops the batch (journalled): its error is the algorithm's
            client = EodmsOrderClient(url, credentials=credentials_from_authcfg(authcfg, "EODMS"),
                                      auth_hint=auth_hint(authcfg))
            results = order_batch(client, scenes, journal, packaging, progress=progress,
                                  cancelled=feedback.isCanceled)
            rows = journal.entries(len(scenes))
        finally:
            journal.close()
        table.add_rows(self._rows(rows, results))
        failed = sum(1 for r in results if not r.ok)
        if failed:
            feedback.reportError(tr("{0} of {1} scene(s) failed: see the message column.").format(
                failed, len(results)))
        return {self.OUTPUT: table.dest_id}

    @staticmethod
    def _rows(journal_rows, results):
        """One row per attempted scene, with the time the journal recorded for it."""
        times = {}
        for entry in reversed(list(journal_rows)):  # newest last wins
            times[entry.coverage_id] = entry.finished_at or entry.requested_at
        return [(result.record_id, result.collection_id, result.coverage_id, result.status, result.message,
                 times.get(result.coverage_id, "")) for result in results]
