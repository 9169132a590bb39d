"""Processing algorithm ``eo_order:search_csw`` – the dock's search, headless."""

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..core.areas import box_from_extent
from ..core.auth import auth_hint, credentials_from_authcfg
from ..core.csw import EODMS_CATALOG_URL, CswClient, Profile
from ..core.errors import Cancelled, EoOrderError
from ..core.footprints import CRS, features_from_records, footprint_fields
from ..core.models import SearchQuery
from .checks import MAX_RECORDS_LIMIT, max_records_problem
from .postprocess import present_when_loaded


def tr(text):
    return QCoreApplication.translate("SearchCswAlgorithm", text)


class SearchCswAlgorithm(QgsProcessingAlgorithm):
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

    def name(self):
        return "search_csw"

    def displayName(self):
        return tr("Search a CSW catalogue (EODMS, RCM, CSW 2.0.2)")

    def group(self):
        return tr("Search")

    def groupId(self):
        return "search"

    def shortHelpString(self):
        return tr(
            "Searches a CSW 2.0.2 catalogue for records whose footprint intersects the extent "
            "and writes their footprints as polygons (EPSG:4326).\n\n"
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

    def createInstance(self):
        return SearchCswAlgorithm()

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterString(
            self.CATALOG, tr("Catalogue URL"), defaultValue=EODMS_CATALOG_URL))
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

    def checkParameterValues(self, parameters, context):  # noqa: N802 - QGIS API
        problem = max_records_problem(parameters.get(self.MAX_RECORDS))
        if problem:  # before QGIS' own check, which only says the value is incorrect
            return False, problem
        return super().checkParameterValues(parameters, context)

    def processAlgorithm(self, parameters, context, feedback):
        url = self.parameterAsString(parameters, self.CATALOG, context).strip()
        profile = Profile(self.parameterAsEnum(parameters, self.PROFILE, context))
        wgs84 = QgsCoordinateReferenceSystem(CRS)
        try:
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
            authcfg = self.parameterAsString(parameters, self.AUTHCFG, context)
            credentials = None
            if profile == Profile.RCM or authcfg:
                credentials = credentials_from_authcfg(authcfg, profile.label)
            schema = self.SCHEMA_KEYS[min(1, max(0, self.parameterAsEnum(parameters, self.SCHEMA, context)))]
            client = CswClient(url, profile, credentials=credentials,
                               auth_hint=auth_hint(authcfg), name=profile.label,
                               schema=schema)

            def progress(page, pages, count, matched):
                feedback.setProgress(100.0 * page / max(pages, 1))
                feedback.pushInfo(tr("Page {0} of {1}: {2} records so far ({3} matched).").format(
                    page, pages, count, matched))

            result = client.search(query, progress=progress, cancelled=feedback.isCanceled)
        except Cancelled:
            raise QgsProcessingException(tr("Search cancelled.")) from None
        except EoOrderError as exc:
            raise QgsProcessingException(str(exc)) from None

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
