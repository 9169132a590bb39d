"""Processing algorithm ``eo_order:search_cdse`` – Copernicus Data Space search, headless."""

import datetime as dt
import os

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingUtils,
    QgsWkbTypes,
)

from ..core.areas import WGS84, ring_from_extent, ring_from_features
from ..core.cdse_search import CATALOGUE_URL, COLLECTIONS, CdseCatalogue, CdseQuery
from ..core.footprints import features_from_products, product_fields
from ..core.i18n import tr_noop, translate
from ..core.querylog import default_log_name, write_query_log
from .base import EoOrderAlgorithm
from .checks import MAX_RECORDS_LIMIT, folder_problem
from .postprocess import present_when_loaded


def tr(text):
    return translate("SearchCdseAlgorithm", text)


class SearchCdseAlgorithm(EoOrderAlgorithm):
    COLLECTION = "COLLECTION"
    EXTENT = "EXTENT"
    AOI = "AOI"
    START_DATE = "START_DATE"
    END_DATE = "END_DATE"
    MAX_CLOUD = "MAX_CLOUD"
    MAX_RECORDS = "MAX_RECORDS"
    ODATA_URL = "ODATA_URL"
    OUTPUT = "OUTPUT"
    OUTPUT_LOG = "OUTPUT_LOG"

    NAME = "search_cdse"
    DISPLAY_NAME = tr_noop("Search Copernicus Data Space")
    GROUP = "search"
    SHORT_DESCRIPTION = tr_noop("Copernicus products by collection, area, dates and cloud cover: footprints and a "
                                "query log.")
    HELP = tr_noop(
        "Searches the Copernicus Data Space Ecosystem OData catalogue for one collection, an area "
        "(the polygon of the AOI layer — its selected features when 'selected only' is ticked — or "
        "else the extent) and a sensing period (start inclusive, end exclusive; no zone = UTC), "
        "optionally a maximum cloud cover. Required: the extent or the AOI layer (one of the two). "
        "Writes the product footprints and the query log "
        "(a '# key: value' header with the query, then a CSV table Id,Name,Checksum,Online,"
        "Downloaded) that 'Download from Copernicus Data Space' takes as input. Result sets "
        "beyond the catalogue's 10,000-record paging limit are split into time windows."
    )
    CANCELLED = tr_noop("Search cancelled.")
    REQUIRED_ONE_OF = (((EXTENT, AOI), tr_noop(
        "Give a search extent (EXTENT) or an area-of-interest layer (AOI): one of the two is required.")),)

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterEnum(
            self.COLLECTION, tr("Collection"), options=list(COLLECTIONS), defaultValue=COLLECTIONS.index("SENTINEL-2")))
        self.addParameter(QgsProcessingParameterExtent(
            self.EXTENT, tr("Search extent (required unless an AOI layer is given)"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.AOI, tr("Area of interest (polygon layer; overrides the extent; required unless an extent is given)"),
            [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterString(self.START_DATE, tr("Sensing start (inclusive, ISO)")))
        self.addParameter(QgsProcessingParameterString(self.END_DATE, tr("Sensing end (exclusive, ISO)")))
        self.addParameter(QgsProcessingParameterNumber(
            self.MAX_CLOUD, tr("Maximum cloud cover (%)"), QgsProcessingParameterNumber.Type.Double,
            optional=True, minValue=0, maxValue=100))
        self.addParameter(QgsProcessingParameterNumber(
            self.MAX_RECORDS, tr("Maximum records"), QgsProcessingParameterNumber.Type.Integer,
            defaultValue=1000, minValue=1, maxValue=MAX_RECORDS_LIMIT))
        self.addParameter(QgsProcessingParameterString(
            self.ODATA_URL, tr("OData catalogue URL"), defaultValue=CATALOGUE_URL))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Product footprints"), QgsProcessing.SourceType.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_LOG, tr("Query log"), tr("Query log (*.log)"), optional=True))

    def process(self, parameters, context, feedback):
        wgs84 = QgsCoordinateReferenceSystem(WGS84)
        url = self.parameterAsString(parameters, self.ODATA_URL, context).strip() or CATALOGUE_URL
        log_path = self.parameterAsFileOutput(parameters, self.OUTPUT_LOG, context)
        problem = folder_problem(log_path, tr("The query log")) if log_path else ""
        if problem:  # said before searching, not after (the results would be lost)
            raise QgsProcessingException(problem)
        aoi = self.parameterAsSource(parameters, self.AOI, context)
        if aoi is not None:
            ring = ring_from_features(aoi.getFeatures(), aoi.sourceCrs())
        elif parameters.get(self.EXTENT):
            rect = self.parameterAsExtent(parameters, self.EXTENT, context)
            ring = ring_from_extent(rect, self.parameterAsExtentCrs(parameters, self.EXTENT, context))
        else:
            raise QgsProcessingException(tr("Give a search extent or an area-of-interest layer."))
        cloud = parameters.get(self.MAX_CLOUD)
        query = CdseQuery(
            COLLECTIONS[self.parameterAsEnum(parameters, self.COLLECTION, context)],
            ring,
            self.parameterAsString(parameters, self.START_DATE, context),
            self.parameterAsString(parameters, self.END_DATE, context),
            max_cloud=None if cloud in (None, "") else self.parameterAsDouble(parameters, self.MAX_CLOUD, context),
            max_records=self.parameterAsInt(parameters, self.MAX_RECORDS, context),
        )

        def progress(page, pages, fetched, matched):
            feedback.setProgress(100.0 * page / max(pages, 1))
            feedback.pushInfo(tr("Page {0} of {1}: {2} products").format(page, pages, fetched))

        products = CdseCatalogue(url).search(query, progress=progress, cancelled=feedback.isCanceled)

        queried_at = dt.datetime.now(dt.timezone.utc)
        if not log_path:
            log_path = os.path.join(QgsProcessingUtils.tempFolder(), default_log_name(query, queried_at))
        try:  # written atomically: on failure an earlier log at this path is left as it was
            write_query_log(log_path, query, products, url, queried_at)
        except OSError as exc:
            raise QgsProcessingException(tr(
                "The query log could not be written to {0} ({1}): is the disk full? {2} products were found; "
                "an earlier log at that path was left as it was. Free some space or choose another place, "
                "then run again.").format(log_path, exc.strerror or exc, len(products))) from None

        fields = product_fields()
        sink, dest_id = self.parameterAsSink(
            parameters, self.OUTPUT, context, fields, QgsWkbTypes.Type.MultiPolygon, wgs84)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        features = features_from_products(products, fields=fields)
        sink.addFeatures(features, QgsFeatureSink.Flag.FastInsert)
        missing = sum(1 for feature in features if not feature.hasGeometry())
        if missing:
            feedback.pushWarning(tr("{0} products, {1} without a footprint (kept without geometry); query log: {2}")
                                 .format(len(products), missing, log_path))
        else:
            feedback.pushInfo(tr("{0} products found; query log: {1}").format(len(products), log_path))
        present_when_loaded(context, dest_id)
        return {self.OUTPUT: dest_id, self.OUTPUT_LOG: log_path}
