"""Processing algorithm ``eo_order:download_cdse`` – verified Copernicus Data Space downloads, headless."""

import os

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QVariant

from ..core.auth import auth_hint, credentials_from_authcfg
from ..core.cdse_auth import TOKEN_URL, TokenManager
from ..core.cdse_batch import DownloadRecorder, file_source, items_from_features, items_from_log
from ..core.cdse_download import (
    CANCELLED,
    DOWNLOAD_URL,
    FAILED,
    MAX_CONCURRENCY,
    OFFLINE,
    SKIPPED,
    UNVERIFIED,
    VERIFIED,
    Downloader,
    format_bytes,
)
from ..core.errors import EoOrderError
from ..core.i18n import tr_noop, translate
from .base import EoOrderAlgorithm
from .checks import folder_problem
from .tables import TableOutput


def tr(text):
    return translate("DownloadCdseAlgorithm", text)


OUTPUT_FIELDS = (("product_id", QVariant.String), ("name", QVariant.String), ("status", QVariant.String),
                 ("bytes", QVariant.LongLong), ("md5_ok", QVariant.Bool), ("path", QVariant.String),
                 ("message", QVariant.String))
STATUS_ORDER = (VERIFIED, UNVERIFIED, SKIPPED, OFFLINE, FAILED, CANCELLED)


class _WatchedTokens(TokenManager):
    """A TokenManager that remembers a failed login (rejected, or no token at all): the Downloader
    ends the batch and reports it as failed products, the algorithm turns it into one error."""

    auth_error = None

    def access_token(self):
        try:
            return super().access_token()
        except EoOrderError as exc:
            self.auth_error = exc
            raise


class DownloadCdseAlgorithm(EoOrderAlgorithm):
    INPUT_LOG = "INPUT_LOG"
    INPUT = "INPUT"
    OUTPUT_FOLDER = "OUTPUT_FOLDER"
    AUTHCFG = "AUTHCFG"
    TOKEN_FILE = "TOKEN_FILE"
    TOKEN_URL = "TOKEN_URL"
    DOWNLOAD_URL = "DOWNLOAD_URL"
    CONCURRENCY = "CONCURRENCY"
    OUTPUT = "OUTPUT"

    NAME = "download_cdse"
    DISPLAY_NAME = tr_noop("Download from Copernicus Data Space")
    GROUP = "download"
    SHORT_DESCRIPTION = tr_noop("Verified, resumable downloads of the products of a query log or footprint layer.")
    HELP = tr_noop(
        "Downloads Copernicus Data Space products into the output folder, on at most 4 connections "
        "(CDSE's limit per user). Required: the query log or the footprint layer (at least one), and "
        "the credentials or a token file (at least one). The products come from a query log written by "
        "'Search Copernicus Data Space', or from its footprint layer (fields product_id, name, checksum_md5, "
        "size_bytes, online; tick 'Selected features only' to download just the selection). When both are given, "
        "the products come from the layer and the log is updated too.\n\n"
        "Each file is written as <name>.part, checked against the catalogue's MD5 (or else the size "
        "the server announces) and only then renamed; interrupted downloads resume on the next run, "
        "and files already verified are skipped. Right after each product is on disk it is marked "
        "Downloaded in the query log and, for a file layer (GeoPackage, Shapefile...), in its "
        "'downloaded' field. Offline (long-term archive) and failed products do not stop the batch: "
        "the output table gives each product's status and message.\n\n"
        "Credentials: a Basic authentication configuration with your Copernicus Data Space "
        "username/password, and/or a token file (CopernicusDataspace_token.json, the login reply the "
        "Copernicus scripts save). A token file is reused while its session is valid and rewritten "
        "with every new login or refresh; give a new path to have one created (with an auth config). "
        "A rejected username/password stops the batch."
    )
    REQUIRED_ONE_OF = (
        ((INPUT_LOG, INPUT), tr_noop(
            "Give a query log or a footprint layer of a Copernicus search (INPUT_LOG or INPUT: one of the two is "
            "required): there is nothing to download.")),
        ((AUTHCFG, TOKEN_FILE), tr_noop(
            "Copernicus Data Space downloads need your account: choose an authentication configuration (AUTHCFG, "
            "Basic) with your username and password, or a token file (TOKEN_FILE); one of the two is required.")),
    )

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFile(
            self.INPUT_LOG, tr("Query log (this or the footprint layer is required)"),
            QgsProcessingParameterFile.Behavior.File, optional=True, fileFilter=tr("Query logs (*.log)")))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, tr("Product footprints (this or the query log is required)"),
            [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterFolderDestination(self.OUTPUT_FOLDER, tr("Download folder")))
        self.addParameter(QgsProcessingParameterAuthConfig(
            self.AUTHCFG, tr("Copernicus Data Space credentials (Basic auth config; this or a token file is required)"),
            optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.TOKEN_FILE, tr("Token file (CopernicusDataspace_token.json; this or the credentials are required)"),
            QgsProcessingParameterFile.Behavior.File, optional=True))
        advanced = [
            QgsProcessingParameterString(self.TOKEN_URL, tr("Token (login) URL"), defaultValue=TOKEN_URL),
            QgsProcessingParameterString(self.DOWNLOAD_URL, tr("OData download URL"), defaultValue=DOWNLOAD_URL),
        ]
        for parameter in advanced:
            parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
            self.addParameter(parameter)
        self.addParameter(QgsProcessingParameterNumber(
            self.CONCURRENCY, tr("Parallel downloads"), QgsProcessingParameterNumber.Type.Integer,
            defaultValue=MAX_CONCURRENCY, minValue=1, maxValue=MAX_CONCURRENCY))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Downloads"), QgsProcessing.SourceType.TypeVector))

    def process(self, parameters, context, feedback):
        log_path = self.parameterAsFile(parameters, self.INPUT_LOG, context) or None
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None and not log_path:  # given, but not a layer
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        authcfg = self.parameterAsString(parameters, self.AUTHCFG, context).strip()
        token_file = self.parameterAsFile(parameters, self.TOKEN_FILE, context) or None
        folder = self.parameterAsFileOutput(parameters, self.OUTPUT_FOLDER, context)
        for path, what in ((folder and os.path.join(folder, "product"), tr("The products")),
                           (log_path, tr("The query log"))):
            problem = folder_problem(path, what) if path else ""
            if problem:  # before any download, not after the first one
                raise QgsProcessingException(problem)
        token_url = self.parameterAsString(parameters, self.TOKEN_URL, context).strip() or TOKEN_URL
        download_url = self.parameterAsString(parameters, self.DOWNLOAD_URL, context).strip() or DOWNLOAD_URL
        concurrency = self.parameterAsInt(parameters, self.CONCURRENCY, context)
        layer_source = None
        notes = []
        if source is not None:
            items = items_from_features(source.getFeatures())
            layer_source = file_source(self._input_layer(parameters, context))
        else:
            items = items_from_log(log_path, notes)
        credentials = credentials_from_authcfg(authcfg, "Copernicus Data Space") if authcfg else None

        for note in notes:
            feedback.pushInfo(note)
        table = TableOutput(self, parameters, self.OUTPUT, context, OUTPUT_FIELDS)

        recorder = DownloadRecorder(log_path, layer_source)
        tokens = _WatchedTokens(token_url, credentials=credentials, token_file=token_file,
                                auth_hint=auth_hint(authcfg))
        reported, shares = [-1], {}  # the last 5 % step reported; the share done of each product

        def progress(p):
            if p.product_total is not None:
                shares[p.product_id] = min(1.0, p.product_bytes / p.product_total) if p.product_total else 1.0
            # Bytes when all sizes are known (footprints); else (a log has no sizes) products, in parts.
            fraction = p.fraction if p.total_bytes else sum(shares.values()) / max(1, p.products_total)
            feedback.setProgress(100.0 * fraction)
            if int(fraction * 20) > reported[0]:
                reported[0] = int(fraction * 20)
                feedback.pushInfo(_progress_text(p, fraction))

        def product_done(outcome):
            recorder(outcome)  # first: a product on disk is recorded before anything else happens
            if outcome.done:
                feedback.pushInfo(outcome.message)

        feedback.pushInfo(tr("{0} product(s) to download into {1}").format(len(items), folder))
        try:
            downloader = Downloader(tokens, folder, download_url=download_url, concurrency=concurrency)
            outcomes = downloader.run(items, progress=progress, cancelled=feedback.isCanceled,
                                      on_product_done=product_done)
        except OSError as exc:  # recording a finished product failed (disk full, file locked): stop clearly
            raise QgsProcessingException(tr(
                "A downloaded product could not be recorded ({0}): is the disk full? The products downloaded so "
                "far are on disk and verified, and the query log holds its previous version. Free some space, "
                "then run again: verified files are skipped.").format(exc.strerror or exc)) from None
        finally:
            tokens.close()
        if tokens.auth_error is not None:  # a failed login: the rest of the batch was not tried
            raise QgsProcessingException(str(tokens.auth_error))

        table.add_rows((o.product_id, o.name, o.status, o.bytes, o.md5_ok, o.path or "", o.message) for o in outcomes)

        self.report_counts(feedback, {status: sum(1 for o in outcomes if o.status == status)
                                      for status in STATUS_ORDER})
        for outcome in outcomes:
            if outcome.status in (FAILED, OFFLINE):
                self.warn(feedback, outcome.message)
        return {self.OUTPUT: table.dest_id, self.OUTPUT_FOLDER: folder}

    def _input_layer(self, parameters, context):
        """The INPUT layer (whose data source records the downloads), selection or not."""
        value = parameters.get(self.INPUT)
        if isinstance(value, QgsProcessingFeatureSourceDefinition):  # 3.22's parameterAsVectorLayer gives None
            value, _ok = value.source.valueAsString(context.expressionContext())
        return self.parameterAsVectorLayer({self.INPUT: value}, self.INPUT, context)


def _progress_text(p, fraction):
    size = f" of {format_bytes(p.product_total)}" if p.product_total else ""
    return tr("{0:.0f} % — {1}: {2}{3}; {4}").format(100.0 * fraction, p.name, format_bytes(p.product_bytes), size,
                                                   p.summary())
