"""Processing algorithm ``eo_order:search_csw`` – the dock's search, headless."""

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ..core.areas import box_from_extent
from ..core.auth import auth_hint, credentials_from_authcfg
from ..core.connections import CSW, ConnectionStore
from ..core.csw import EODMS_CATALOG_URL, CswClient, Profile
from ..core.footprints import CRS, features_from_records, footprint_fields
from ..core.i18n import tr_noop, translate
from ..core.models import SearchQuery
from .base import EoOrderAlgorithm
from .checks import MAX_RECORDS_LIMIT
from .postprocess import present_when_loaded


def tr(text):
    return translate("SearchCswAlgorithm", text)


class SearchCswAlgorithm(EoOrderAlgorithm):
    CONNECTION = "CONNECTION"
    CATALOG = "CATALOG"
    PROFILE = "PROFILE"
    EXTENT = "EXTENT"
    START_DATE = "START_DATE"
    END_DATE = "END_DATE"
    TITLE = "TITLE"
    MAX_RECORDS = "MAX_RECORDS"
    AUTHCFG = "AUTHCFG"
    SCHEMA = "SCHEMA"
    OUTPUT = "OUTPUT"
    SCHEMA_KEYS = ("dc", "iso")

    NAME = "search_csw"
    DISPLAY_NAME = tr_noop("Search a CSW catalogue (EODMS, RCM, CSW 2.0.2)")
    GROUP = "search"
    SHORT_DESCRIPTION = tr_noop("Records of a CSW 2.0.2 catalogue by extent, dates and title: their footprints.")
    HELP = tr_noop(
        "Searches a CSW 2.0.2 catalogue for records whose footprint intersects the extent "
        "and writes their footprints as polygons (EPSG:4326).\n\n"
        "Catalogue: a connection by name (one of yours or a built-in one, as in the Connections manager: "
        "its URL, profile, record schema and authentication come with it), or, when no connection is "
        "chosen, the Catalogue URL with the Profile, Record schema and Authentication given here.\n\n"
        "Profile: EODMS (the EODMS catalogue: lon/lat box without srsName), EODMS RCM (the "
        "same inside a SOAP WS-Security envelope; needs an auth config with your EODMS "
        "username and password) or generic CSW 2.0.2 (box sent as CRS84).\n\n"
        "Dates filter the record date: start inclusive, end exclusive; ISO dates or "
        "date-times (2013-03-29, 2013-03-29T12:00:00Z). Title is a like-pattern: * any "
        "characters, ? one character. All pages are fetched up to Maximum records.\n\n"
        "Record schema: Dublin Core or ISO 19139 (GeoNetwork, INSPIRE); either answer is read. "
        "Records without a bounding box are written without geometry; what could not be read "
        "(other schemas, paging that stopped early) is reported in the log."
    )
    CANCELLED = tr_noop("Search cancelled.")

    def initAlgorithm(self, config=None):
        names = [connection.name for connection in ConnectionStore().all(CSW)]
        self.addParameter(QgsProcessingParameterEnum(  # by name (static strings): models keep the name
            self.CONNECTION, tr("Connection (by name; empty: the Catalogue URL below)"), options=names,
            allowMultiple=False, defaultValue=None, optional=True, usesStaticStrings=True))
        self.addParameter(QgsProcessingParameterString(
            self.CATALOG, tr("Catalogue URL (used when no connection is chosen)"), defaultValue=EODMS_CATALOG_URL))
        self.addParameter(QgsProcessingParameterEnum(
            self.PROFILE, tr("Profile"), options=[p.label for p in Profile], defaultValue=0))
        self.addParameter(QgsProcessingParameterExtent(self.EXTENT, tr("Search extent")))
        self.addParameter(QgsProcessingParameterString(
            self.START_DATE, tr("Start date (inclusive, ISO)"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.END_DATE, tr("End date (exclusive, ISO)"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.TITLE, tr("Title pattern (* and ?)"), defaultValue="*", optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.MAX_RECORDS, tr("Maximum records"), QgsProcessingParameterNumber.Type.Integer,
            defaultValue=1000, minValue=1, maxValue=MAX_RECORDS_LIMIT))
        self.addParameter(QgsProcessingParameterAuthConfig(
            self.AUTHCFG, tr("Authentication (required for RCM)"), optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.SCHEMA, tr("Record schema to ask for"), options=[tr("Dublin Core"), tr("ISO 19139")],
            defaultValue=0, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Footprints"), QgsProcessing.SourceType.TypeVectorPolygon))

    def check(self, parameters, context):
        name = parameters.get(self.CONNECTION)
        if name and self._connection(name) is None:
            return tr("There is no CSW connection named {0!r}. Choose one of: {1}; or leave Connection empty and "
                      "give the Catalogue URL.").format(name, ", ".join(c.name for c in ConnectionStore().all(CSW)))
        return ""

    @staticmethod
    def _connection(name):
        return ConnectionStore().find(CSW, str(name).strip())

    def process(self, parameters, context, feedback):
        url = self.parameterAsString(parameters, self.CATALOG, context).strip()
        profile = Profile(self.parameterAsEnum(parameters, self.PROFILE, context))
        schema = self.SCHEMA_KEYS[min(1, max(0, self.parameterAsEnum(parameters, self.SCHEMA, context)))]
        authcfg = self.parameterAsString(parameters, self.AUTHCFG, context)
        name = self.parameterAsEnumString(parameters, self.CONNECTION, context)
        if name:
            connection = self._connection(name)
            if connection is None:
                raise QgsProcessingException(self.check(parameters, context))
            url, profile, schema = connection.url, connection.profile, connection.schema
            authcfg = authcfg or connection.authcfg
            feedback.pushInfo(tr("Connection {0}: {1} ({2}).").format(connection.name, url, profile.label))
        wgs84 = QgsCoordinateReferenceSystem(CRS)
        rect = self.parameterAsExtent(parameters, self.EXTENT, context)
        if rect.isNull() or rect.isEmpty() and rect.width() == 0 == rect.height():
            raise QgsProcessingException(tr("The search extent is empty: give a box."))
        query = SearchQuery(
            bbox=box_from_extent(rect, self.parameterAsExtentCrs(parameters, self.EXTENT, context)),
            start=self.parameterAsString(parameters, self.START_DATE, context),
            end=self.parameterAsString(parameters, self.END_DATE, context),
            title=self.parameterAsString(parameters, self.TITLE, context),
            max_records=self.parameterAsInt(parameters, self.MAX_RECORDS, context),
        )
        credentials = None
        if profile == Profile.RCM or authcfg:
            credentials = credentials_from_authcfg(authcfg, profile.label)
        client = CswClient(url, profile, credentials=credentials,
                           auth_hint=auth_hint(authcfg), name=profile.label,
                           schema=schema)

        def progress(page, pages, count, matched):
            feedback.setProgress(100.0 * page / max(pages, 1))
            feedback.pushInfo(tr("Page {0} of {1}: {2} records so far ({3} matched).").format(
                page, pages, count, matched))

        result = client.search(query, progress=progress, cancelled=feedback.isCanceled)

        fields = footprint_fields()
        sink, dest_id = self.parameterAsSink(
            parameters, self.OUTPUT, context, fields, QgsWkbTypes.Type.MultiPolygon, wgs84)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        features = features_from_records(result.records, url, fields)
        if not sink.addFeatures(features, QgsFeatureSink.Flag.FastInsert):
            raise QgsProcessingException(tr("Could not write the footprints: {0}").format(sink.lastError()))
        missing = result.without_footprint
        feedback.pushInfo(tr("{0} records written, {1} without a footprint.").format(len(features), missing))
        for warning in result.warnings():
            feedback.reportError(warning, fatalError=False)
        present_when_loaded(context, dest_id)
        return {self.OUTPUT: dest_id}
