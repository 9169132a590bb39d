"""Processing algorithm ``eo_order:download_stac`` – verified STAC asset downloads, headless."""

import os

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
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
from ..core.download import (
    CANCELLED,
    FAILED,
    OFFLINE,
    SKIPPED,
    UNVERIFIED,
    VERIFIED,
    BasicCredential,
)
from ..core.i18n import tr_noop, translate
from ..core.stac import StacClient
from ..core.stac_download import (
    LOG_NAME,
    PC_HOSTS,
    PC_SIGN_URL,
    PlanetarySigner,
    StacDownloader,
    StacLogRecorder,
    asset_rows,
    fetch_items,
    is_copernicus,
    read_stac_log,
    stac_credentials,
    start_stac_log,
)
from .base import EoOrderAlgorithm
from .checks import folder_problem
from .tables import TableOutput

MAX_PER_HOST = 8


def tr(text):
    return translate("DownloadStacAlgorithm", text)


OUTPUT_FIELDS = (("item_id", QVariant.String), ("asset", QVariant.String), ("status", QVariant.String),
                 ("bytes", QVariant.LongLong), ("checksum_ok", QVariant.Bool), ("path", QVariant.String),
                 ("message", QVariant.String))
STATUS_ORDER = (VERIFIED, UNVERIFIED, SKIPPED, OFFLINE, FAILED, CANCELLED)


class DownloadStacAlgorithm(EoOrderAlgorithm):
    INPUT = "INPUT"
    INPUT_LOG = "INPUT_LOG"
    ASSETS = "ASSETS"
    OUTPUT_FOLDER = "OUTPUT_FOLDER"
    AUTHCFG = "AUTHCFG"
    CONCURRENCY = "CONCURRENCY"
    SIGN_URL = "SIGN_URL"
    SIGNED_HOSTS = "SIGNED_HOSTS"
    TOKEN_URL = "TOKEN_URL"
    OUTPUT = "OUTPUT"
    OUTPUT_LOG = "OUTPUT_LOG"

    NAME = "download_stac"
    DISPLAY_NAME = tr_noop("Download STAC assets")
    GROUP = "download"
    HELP = tr_noop(
        "Downloads the chosen assets of STAC items into the output folder, one sub-folder per item. The "
        "items come from a STAC footprint layer (its self_link field; tick 'Selected features only' to "
        "download just the selection) or from a STAC download log written by an earlier run, which "
        "resumes it.\n\n"
        "Assets: asset keys (B04, visual...) or roles (data, metadata, thumbnail...), separated by commas.\n\n"
        "Each file is written as <name>.part, checked against the asset's file:checksum (MD5, SHA-256...) "
        "or else its file:size, and only then renamed; interrupted downloads resume on the next run, and "
        "files already verified are skipped. The log (stac-download.csv in the output folder) marks each "
        "asset Downloaded as soon as it is on disk. s3:// hrefs are downloaded from their alternate https "
        "href when the item gives one, else reported. Planetary Computer assets are signed first.\n\n"
        "Credentials: a Basic authentication configuration, sent to the STAC API's own server only; for "
        "Copernicus Data Space items, your Copernicus Data Space username/password (used to get its token)."
    )
    REQUIRED_ONE_OF = (((INPUT, INPUT_LOG),
                        tr_noop("Give a STAC footprint layer (INPUT) or a STAC download log (INPUT_LOG): there is "
                                "nothing to download.")),)

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, tr("STAC footprints"), [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.INPUT_LOG, tr("STAC download log"), QgsProcessingParameterFile.Behavior.File,
            optional=True, fileFilter=tr("STAC download logs (*.csv)")))
        self.addParameter(QgsProcessingParameterString(self.ASSETS, tr("Asset keys or roles"), defaultValue="data"))
        self.addParameter(QgsProcessingParameterFolderDestination(self.OUTPUT_FOLDER, tr("Download folder")))
        self.addParameter(QgsProcessingParameterAuthConfig(
            self.AUTHCFG, tr("Credentials (Basic auth config)"), optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.CONCURRENCY, tr("Parallel downloads per server"), QgsProcessingParameterNumber.Type.Integer,
            defaultValue=4, minValue=1, maxValue=MAX_PER_HOST))
        advanced = [
            QgsProcessingParameterString(self.SIGN_URL, tr("Planetary Computer signing URL"),
                                         defaultValue=PC_SIGN_URL),
            QgsProcessingParameterString(self.SIGNED_HOSTS, tr("Hosts whose assets are signed"),
                                         defaultValue=",".join(PC_HOSTS)),
            QgsProcessingParameterString(self.TOKEN_URL, tr("Copernicus Data Space token (login) URL"),
                                         defaultValue=TOKEN_URL),
        ]
        for parameter in advanced:
            parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
            self.addParameter(parameter)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Downloads"), QgsProcessing.SourceType.TypeVector))

    def process(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, self.INPUT, context)
        log_in = self.parameterAsFile(parameters, self.INPUT_LOG, context) or None
        folder = self.parameterAsFileOutput(parameters, self.OUTPUT_FOLDER, context)
        problem = folder_problem(os.path.join(folder, LOG_NAME), tr("The STAC download log"))
        if problem:
            raise QgsProcessingException(problem)
        log_path = log_in or os.path.join(folder, LOG_NAME)
        authcfg = self.parameterAsString(parameters, self.AUTHCFG, context).strip()
        tokens = None
        try:
            credential = credentials_from_authcfg(authcfg, "the STAC API") if authcfg else None
            rows = self._rows(parameters, context, source, log_path, credential, feedback)
            links = [row.self_link for row in rows if row.self_link]
            if credential is not None and any(is_copernicus(r.href) for r in rows):
                token_url = self.parameterAsString(parameters, self.TOKEN_URL, context).strip() or TOKEN_URL
                tokens = TokenManager(token_url, credentials=credential, auth_hint=auth_hint(authcfg))
            basic = BasicCredential(credential.username, credential.password) if credential else None
            engine = StacDownloader(folder, signer=self._signer(parameters, context), per_host=self._per_host(
                parameters, context), credentials=stac_credentials(links, basic, tokens))
            requests = engine.requests(rows)
            feedback.pushInfo(tr("{0} asset(s) to download into {1}; log: {2}").format(len(rows), folder, log_path))
            outcomes = engine.run(requests, progress=lambda p: feedback.setProgress(100.0 * p.fraction),
                                  cancelled=feedback.isCanceled, on_done=self._on_done(log_path, feedback))
        except OSError as exc:  # recording a finished asset failed (disk full, file locked): stop clearly
            raise QgsProcessingException(tr(
                "A downloaded asset could not be recorded in the log ({0}): is the disk full? The assets "
                "downloaded so far are on disk and verified. Free some space, then run again with the log: "
                "verified files are skipped.").format(exc.strerror or exc)) from None
        finally:
            if tokens is not None:
                tokens.close()
        return self._report(parameters, context, feedback, outcomes, folder, log_path)

    def _rows(self, parameters, context, source, log_path, credential, feedback):
        """The assets to download: chosen from the layer's items (merged into an existing log), or the log's."""
        if source is None:
            return read_stac_log(log_path)
        choices = [c.strip() for c in self.parameterAsString(parameters, self.ASSETS, context).split(",")]
        links = [str(f["self_link"] or "") for f in source.getFeatures()] if "self_link" in source.fields().names() \
            else []
        links = [link for link in links if link and link.upper() != "NULL"]
        if not links:
            raise QgsProcessingException(tr(
                "These features have no self_link: choose the footprint layer of a STAC search."))
        auth = None
        if credential is not None:
            from requests.auth import HTTPBasicAuth

            servers = sorted({_origin(link) for link in links if not is_copernicus(link)})
            if len(servers) > 1:  # the auth config is for one STAC API: never sent to the others
                raise QgsProcessingException(tr(
                    "These items come from several servers ({0}): the auth config is sent to one STAC API "
                    "only. Download the items of each server in a run of its own.").format(", ".join(servers)))

            auth = HTTPBasicAuth(credential.username, credential.password)
        clients = {}

        def client_for(link):
            base = _origin(link) + "/"
            if base not in clients:  # the Copernicus password goes to its login only, never to its STAC API
                clients[base] = StacClient(base, auth=None if is_copernicus(link) else auth)
            return clients[base]

        feedback.pushInfo(tr("Reading {0} STAC item(s)").format(len(set(links))))
        items = fetch_items(links, client_for, feedback.isCanceled)
        rows = asset_rows(items, choices)
        return start_stac_log(log_path, rows)

    def _signer(self, parameters, context):
        endpoint = self.parameterAsString(parameters, self.SIGN_URL, context).strip() or PC_SIGN_URL
        hosts = [h.strip() for h in self.parameterAsString(parameters, self.SIGNED_HOSTS, context).split(",")]
        return PlanetarySigner(endpoint, hosts=[h for h in hosts if h] or PC_HOSTS)

    def _per_host(self, parameters, context):
        return self.parameterAsInt(parameters, self.CONCURRENCY, context)

    @staticmethod
    def _on_done(log_path, feedback):
        recorder = StacLogRecorder(log_path)

        def done(outcome):
            recorder(outcome)  # first: an asset on disk is recorded before anything else happens
            if outcome.done:
                feedback.pushInfo(outcome.message)

        return done

    def _report(self, parameters, context, feedback, outcomes, folder, log_path):
        table = TableOutput(self, parameters, self.OUTPUT, context, OUTPUT_FIELDS)
        table.add_rows((*o.item_id.rsplit("/", 1), o.status, o.bytes, o.checksum_ok, o.path or "", o.message)
                       for o in outcomes)
        self.report_counts(feedback, {status: sum(1 for o in outcomes if o.status == status)
                                      for status in STATUS_ORDER})
        for outcome in outcomes:
            if outcome.status in (FAILED, OFFLINE):
                feedback.pushWarning(outcome.message)
        return {self.OUTPUT: table.dest_id, self.OUTPUT_FOLDER: folder, self.OUTPUT_LOG: log_path}


def _origin(url):
    """``scheme://host:port`` of an item link: where a STAC API's credentials may go."""
    return "/".join(url.split("/", 3)[:3])
