"""Processing algorithm ``eo_order:search_stac`` – a STAC API search, headless.

The core does the work: ``core/stac.py`` (``StacClient.search``: the request, next-link paging, the
cloud filter as CQL2, the query extension or client side), ``core/stac_footprints.py`` (the features)
and ``core/querylog.py`` (``write_stac_log``).
"""

import datetime as dt
import os

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingUtils,
    QgsWkbTypes,
)

from ..core.areas import box_from_extent, ring_from_features
from ..core.i18n import tr_noop, translate
from ..core.querylog import write_stac_log
from ..core.stac import CLOUD_CLIENT, CLOUD_CQL2, CLOUD_QUERY, StacClient, StacQuery
from ..core.stac_footprints import CRS, features_from_items, stac_fields
from .base import EoOrderAlgorithm
from .checks import MAX_RECORDS_LIMIT, folder_problem
from .postprocess import present_when_loaded


def tr(text):
    return translate("SearchStacAlgorithm", text)


CLOUD_FILTERS = {
    CLOUD_CQL2: tr_noop("Cloud cover filtered by the STAC API (CQL2 filter)."),
    CLOUD_QUERY: tr_noop("Cloud cover filtered by the STAC API (query extension)."),
    CLOUD_CLIENT: tr_noop("This STAC API cannot filter cloud cover: EO Order filtered the items it received."),
}


class SearchStacAlgorithm(EoOrderAlgorithm):
    URL = "URL"
    COLLECTIONS = "COLLECTIONS"
    EXTENT = "EXTENT"
    AOI = "AOI"
    START_DATE = "START_DATE"
    END_DATE = "END_DATE"
    MAX_CLOUD = "MAX_CLOUD"
    MAX_RECORDS = "MAX_RECORDS"
    OUTPUT = "OUTPUT"
    OUTPUT_LOG = "OUTPUT_LOG"

    NAME = "search_stac"
    DISPLAY_NAME = tr_noop("Search a STAC API")
    GROUP = "search"
    SHORT_DESCRIPTION = tr_noop("Items of any STAC API by collections, area, dates and cloud cover: footprints "
                                "and an item log.")
    HELP = tr_noop(
        "Searches a STAC API (its landing page URL, e.g. https://earth-search.aws.element84.com/v1) for the "
        "items of one or more collections (comma-separated ids; empty: all) in an area and a period, and "
        "writes their footprints (EPSG:4326; items across the antimeridian as two-part multipolygons) with "
        "the fields item_id, collection, datetime, start_datetime, end_datetime, cloud_cover, platform, gsd, "
        "asset_keys, self_link and thumbnail_url.\n\n"
        "Area – required, one of: the extent, or the AOI layer (its polygons merged into one; the selected "
        "features when 'selected only' is ticked), which overrides the extent.\n"
        "Dates: start inclusive, end exclusive; ISO dates or date-times (no zone = UTC).\n"
        "Maximum cloud cover: sent as a CQL2 filter when the API conforms to the filter extension, else as "
        "the query extension, else applied by EO Order to the items received; the log says which. Items "
        "without a cloud cover are left out when a maximum is given.\n"
        "Every page is fetched by the API's next links, up to Maximum records.\n\n"
        "The item log (OUTPUT_LOG) is a CSV table Id,Collection,Datetime,Cloud,Assets,SelfLink after a "
        "'# key: value' header with the query, the match count and CloudFilter (the strategy used)."
    )
    CANCELLED = tr_noop("Search cancelled.")
    REQUIRED_ONE_OF = (((EXTENT, AOI), tr_noop(
        "Give a search extent (EXTENT) or an area-of-interest layer (AOI): one of the two is required.")),)

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterString(self.URL, tr("STAC API URL (landing page)")))
        self.addParameter(QgsProcessingParameterString(
            self.COLLECTIONS, tr("Collections (comma-separated ids; empty: all)"), optional=True))
        self.addParameter(QgsProcessingParameterExtent(
            self.EXTENT, tr("Search extent (required unless an AOI layer is given)"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.AOI, tr("Area of interest (polygon layer; overrides the extent; required unless an extent is given)"),
            [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.START_DATE, tr("Start date (inclusive, ISO)"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.END_DATE, tr("End date (exclusive, ISO)"), optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.MAX_CLOUD, tr("Maximum cloud cover (%)"), QgsProcessingParameterNumber.Type.Double,
            optional=True, minValue=0, maxValue=100))
        self.addParameter(QgsProcessingParameterNumber(
            self.MAX_RECORDS, tr("Maximum records"), QgsProcessingParameterNumber.Type.Integer,
            defaultValue=1000, minValue=1, maxValue=MAX_RECORDS_LIMIT))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Item footprints"), QgsProcessing.SourceType.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_LOG, tr("Item log"), tr("Item log (*.csv)"), optional=True))

    def process(self, parameters, context, feedback):
        url = self.parameterAsString(parameters, self.URL, context).strip()
        log_path = self.parameterAsFileOutput(parameters, self.OUTPUT_LOG, context)
        problem = folder_problem(log_path, tr("The item log")) if log_path else ""
        if problem:  # said before searching, not after (the results would be lost)
            raise QgsProcessingException(problem)
        area = {}
        aoi = self.parameterAsSource(parameters, self.AOI, context)
        if aoi is not None:
            area["intersects"] = ring_from_features(aoi.getFeatures(), aoi.sourceCrs())
        else:
            rect = self.parameterAsExtent(parameters, self.EXTENT, context)
            box = box_from_extent(rect, self.parameterAsExtentCrs(parameters, self.EXTENT, context))
            area["bbox"] = (box.west, box.south, box.east, box.north)
        cloud = parameters.get(self.MAX_CLOUD)
        query = StacQuery(
            **area,
            start=self.parameterAsString(parameters, self.START_DATE, context).strip() or None,
            end=self.parameterAsString(parameters, self.END_DATE, context).strip() or None,
            collections=tuple(self.parameterAsString(parameters, self.COLLECTIONS, context).split(",")),
            max_cloud=None if cloud in (None, "") else self.parameterAsDouble(parameters, self.MAX_CLOUD, context),
            max_records=self.parameterAsInt(parameters, self.MAX_RECORDS, context),
        )

        def progress(count, matched):
            feedback.pushInfo(tr("{0} items so far ({1} matched).").format(
                count, "?" if matched is None else matched))
            if matched:
                feedback.setProgress(min(100.0, 100.0 * count / min(matched, query.max_records)))

        client = StacClient(url)
        try:
            result = client.search(query, progress=progress, cancelled=feedback.isCanceled)
        finally:
            client.session.close()
        if result.cloud_filter:
            feedback.pushInfo(translate("SearchStacAlgorithm", CLOUD_FILTERS[result.cloud_filter]))

        queried_at = dt.datetime.now(dt.timezone.utc)
        if not log_path:
            log_path = os.path.join(QgsProcessingUtils.tempFolder(),
                                    f"STAC_query_{queried_at:%Y-%m-%dT%H-%M-%S}.csv")
        try:  # written atomically: on failure an earlier log at this path is left as it was
            write_stac_log(log_path, query, result, url, queried_at)
        except OSError as exc:
            raise QgsProcessingException(tr(
                "The item log could not be written to {0} ({1}): is the disk full? {2} items were found; an "
                "earlier log at that path was left as it was. Free some space or choose another place, then run "
                "again.").format(log_path, exc.strerror or exc, len(result.items))) from None

        fields = stac_fields()
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields,
                                             QgsWkbTypes.Type.MultiPolygon, QgsCoordinateReferenceSystem(CRS))
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        features = features_from_items(result.items, fields)
        if not sink.addFeatures(features, QgsFeatureSink.Flag.FastInsert):
            raise QgsProcessingException(tr("Could not write the footprints: {0}").format(sink.lastError()))
        feedback.pushInfo(tr("{0} items found; item log: {1}").format(len(result.items), log_path))
        if result.without_geometry:
            self.warn(feedback, tr("{0} item(s) have no usable geometry: they are in the item log, not in the "
                                   "footprints.").format(result.without_geometry))
        if result.truncated:
            self.warn(feedback, tr("Stopped at {0} items (Maximum records); the STAC API has more.").format(
                len(result.items)))
        present_when_loaded(context, dest_id)
        return {self.OUTPUT: dest_id, self.OUTPUT_LOG: log_path}
