"""Processing algorithm ``eo_order:quicklooks`` – georeferenced quicklooks of footprints, headless.

The same core as the dock's *Show quicklooks* (``core.quicklook``: fetch through the profile's
cache, warp onto the footprint); each GeoTIFF is then copied into ``OUTPUT_FOLDER`` as
``<record id or product name>.tif``.
"""

import os
import shutil

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFolderDestination,
)

from ..core.errors import EoOrderError
from ..core.http import new_session
from ..core.i18n import tr_noop, translate
from ..core.names import file_stem
from ..core.quicklook import QuicklookCache, quicklook_for, quicklook_items
from .base import EoOrderAlgorithm
from .tables import TableOutput


def tr(text):
    return translate("QuicklooksAlgorithm", text)


OUTPUT_FIELDS = ("name", "url", "status", "path", "message")


def file_name(name):
    """A safe file name for a record id or product name (``S1A_….SAFE`` → ``S1A_….SAFE.tif``)."""
    return file_stem(name, "quicklook") + ".tif"


class QuicklooksAlgorithm(EoOrderAlgorithm):
    INPUT = "INPUT"
    OUTPUT_FOLDER = "OUTPUT_FOLDER"
    OUTPUT = "OUTPUT"

    NAME = "quicklooks"
    DISPLAY_NAME = tr_noop("Georeference quicklooks")
    GROUP = "search"
    SHORT_DESCRIPTION = tr_noop("The thumbnails of footprints, stretched onto them as GeoTIFFs.")
    HELP = tr_noop(
        "Fetches the thumbnail of each input footprint (EODMS THUMBVIEW in thumbnail_url, Copernicus "
        "quicklook in quicklook_url, as written by the search algorithms) and stretches it onto the "
        "footprint: the image's corners on the footprint's four corners, warped to a GeoTIFF in WGS 84 "
        "with transparency outside. The GeoTIFFs are written to the output folder as <record id or "
        "product name>.tif; the table says what happened to each footprint.\n\n"
        "Tick 'Selected features only' to take just the selection. Thumbnails are cached in the QGIS "
        "profile folder, so running again does not fetch them again. A thumbnail that cannot be "
        "fetched is reported as failed and the others go on."
    )

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, tr("Footprints"), [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterFolderDestination(self.OUTPUT_FOLDER, tr("Quicklook folder")))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Quicklooks"), QgsProcessing.SourceType.TypeVector))

    def process(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        folder = self.parameterAsString(parameters, self.OUTPUT_FOLDER, context)
        items, missing = quicklook_items(source, list(source.getFeatures()))
        try:
            os.makedirs(folder, exist_ok=True)
        except OSError as exc:
            raise QgsProcessingException(tr("Could not create the folder {0}: {1}").format(
                folder, exc.strerror or exc)) from None
        if missing:
            self.warn(feedback, tr("{0} footprint(s) have no quicklook URL or no geometry: skipped.").format(
                missing))

        table = TableOutput(self, parameters, self.OUTPUT, context, OUTPUT_FIELDS)

        cache, session, rows, failed = QuicklookCache(), new_session(), [], 0
        try:
            for index, item in enumerate(items):
                if feedback.isCanceled():
                    break
                feedback.setProgress(100.0 * index / len(items))
                try:
                    target = os.path.join(folder, file_name(item.name))
                    shutil.copyfile(quicklook_for(session, item, cache, feedback.isCanceled), target + ".part")
                    os.replace(target + ".part", target)
                    rows.append((item.name, item.url, "ok", target, ""))
                except (EoOrderError, OSError) as exc:
                    failed += 1
                    message = str(exc) if isinstance(exc, EoOrderError) else (exc.strerror or str(exc))
                    feedback.reportError(f"{item.name}: {message}")
                    rows.append((item.name, item.url, "failed", "", message))
        finally:
            session.close()
        table.add_rows(rows)
        if failed:
            feedback.reportError(tr("{0} of {1} quicklook(s) failed: see the message column.").format(
                failed, len(items)))
        return {self.OUTPUT_FOLDER: folder, self.OUTPUT: table.dest_id}
