"""Processing algorithm ``eo_order:wcs_getcoverage`` – the WCS tab's *Fetch coverage*, headless.

It chooses CRS, format and size with the same helpers as the WCS tab (core/wcs_choices.py) and names
its file like it (core/wcs_files.py): never a temporary file, by default one next to the project.
"""


from qgis.core import (
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterCrs,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterExtent,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterString,
)

from ..core.auth import auth_hint, credentials_from_authcfg
from ..core.errors import Cancelled
from ..core.i18n import tr_noop, translate
from ..core.wcs10 import COVERAGE_LIMIT, GetCoverageRequest, Wcs10Client, parse_range_subset
from ..core.wcs_choices import (
    coverage_extent,
    crs_from_code,
    default_format,
    native_crs_code,
    offered_crs_code,
    offered_name,
)
from ..core.wcs_files import coverage_file, project_folder
from .base import EoOrderAlgorithm


def tr(text):
    return translate("WcsGetCoverageAlgorithm", text)


class WcsGetCoverageAlgorithm(EoOrderAlgorithm):
    URL = "URL"
    COVERAGE = "COVERAGE"
    EXTENT = "EXTENT"
    CRS = "CRS"
    RESPONSE_CRS = "RESPONSE_CRS"
    WIDTH = "WIDTH"
    HEIGHT = "HEIGHT"
    RESX = "RESX"
    RESY = "RESY"
    FORMAT = "FORMAT"
    TIME = "TIME"
    INTERPOLATION = "INTERPOLATION"
    PARAMETER = "PARAMETER"
    AUTHCFG = "AUTHCFG"
    MAX_SIZE = "MAX_SIZE"
    OUTPUT = "OUTPUT"

    NAME = "wcs_getcoverage"
    DISPLAY_NAME = tr_noop("Fetch a coverage from a WCS 1.0.0 server")
    GROUP = "wcs"
    SHORT_DESCRIPTION = tr_noop("One coverage of a WCS 1.0.0 server, checked against its description, into a "
                                "raster file.")
    HELP = tr_noop(
        "Fetches one coverage from an OGC WCS 1.0.0 server (GetCoverage) into a raster file.\n\n"
        "The coverage is described first (DescribeCoverage) and the request is checked against "
        "what the server offers: CRS, response CRS, format and interpolation must be among the "
        "coverage's, spelt in any case.\n\n"
        "CRS: the CRS of the request; the extent is transformed into it. Empty: the coverage's "
        "native CRS.\n"
        "Size – required, one of: WIDTH and HEIGHT (pixels), or RESX and RESY (CRS units per pixel). "
        "Give exactly one pair, also for coverages whose only interpolation is 'none'.\n"
        "Format: a format the coverage offers (MapServer calls GeoTIFF 'GTiff'); empty: the native "
        "format if offered, else the first GeoTIFF-like one.\n"
        "Time: a time position or begin/end[/resolution], as listed by DescribeCoverage.\n"
        "Range subset: values of the coverage's range axes, e.g. bands=1,3 (several axes separated "
        "by ';'), as listed by DescribeCoverage.\n\n"
        "Authentication: an auth config (Basic) sent only to the server's own address.\n\n"
        "Output – required: a file. Coverages can be large, so a temporary file is not accepted: "
        "with the default, the coverage goes next to the project file (named after the coverage); "
        "an unsaved project needs a file name. A reply larger than Max file size (advanced) is "
        "stopped and nothing is saved."
    )
    CANCELLED = tr_noop("Fetching the coverage was cancelled; nothing was saved.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterString(self.URL, tr("WCS server URL")))
        self.addParameter(QgsProcessingParameterString(self.COVERAGE, tr("Coverage name")))
        self.addParameter(QgsProcessingParameterExtent(self.EXTENT, tr("Extent")))
        self.addParameter(QgsProcessingParameterCrs(
            self.CRS, tr("Request CRS (empty: the coverage's native CRS)"), optional=True))
        self.addParameter(QgsProcessingParameterCrs(
            self.RESPONSE_CRS, tr("Response CRS (empty: the request CRS)"), optional=True))
        for name, label in ((self.WIDTH, tr("Width (pixels) – give width and height, or the resolution")),
                            (self.HEIGHT, tr("Height (pixels) – give width and height, or the resolution"))):
            self.addParameter(QgsProcessingParameterNumber(
                name, label, QgsProcessingParameterNumber.Type.Integer, optional=True, minValue=1))
        for name, label in ((self.RESX, tr("X resolution (CRS units per pixel) – or width and height")),
                            (self.RESY, tr("Y resolution (CRS units per pixel) – or width and height"))):
            self.addParameter(QgsProcessingParameterNumber(
                name, label, QgsProcessingParameterNumber.Type.Double, optional=True, minValue=0.0))
        self.addParameter(QgsProcessingParameterString(
            self.FORMAT, tr("Format (empty: native format, else GeoTIFF)"), optional=True))
        self.addParameter(QgsProcessingParameterString(self.TIME, tr("Time"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.INTERPOLATION, tr("Interpolation (empty: the server's default)"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.PARAMETER, tr("Range subset (axis=v1,v2;axis2=v3; empty: all)"), optional=True))
        self.addParameter(QgsProcessingParameterAuthConfig(self.AUTHCFG, tr("Authentication"), optional=True))
        limit = QgsProcessingParameterNumber(self.MAX_SIZE, tr("Max file size (MB)"),
                                             QgsProcessingParameterNumber.Type.Integer,
                                             defaultValue=COVERAGE_LIMIT >> 20, minValue=1)
        limit.setFlags(limit.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(limit)
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT, tr("Coverage (a file; default: next to the project)")))

    # -- helpers --

    def _number(self, parameters, name, context, as_int):
        value = parameters.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        return self.parameterAsInt(parameters, name, context) if as_int \
            else self.parameterAsDouble(parameters, name, context)

    def check(self, parameters, context):
        try:
            self._size(parameters, context)
        except QgsProcessingException as exc:
            return exc.args[0] if exc.args else str(exc)
        return ""

    def _size(self, parameters, context):
        width = self._number(parameters, self.WIDTH, context, True)
        height = self._number(parameters, self.HEIGHT, context, True)
        resx = self._number(parameters, self.RESX, context, False)
        resy = self._number(parameters, self.RESY, context, False)
        has_size = width is not None or height is not None
        has_res = resx is not None or resy is not None
        if has_size and has_res:
            raise QgsProcessingException(tr(
                "Give either WIDTH and HEIGHT (pixels) or RESX and RESY (CRS units per pixel), not both."))
        if has_size and (width is None or height is None):
            raise QgsProcessingException(tr("Give both WIDTH and HEIGHT (pixels), or neither."))
        if has_res and (resx is None or resy is None):
            raise QgsProcessingException(tr("Give both RESX and RESY (CRS units per pixel), or neither."))
        if has_res and (resx <= 0 or resy <= 0):
            raise QgsProcessingException(tr("RESX and RESY must be positive (CRS units per pixel)."))
        return width, height, resx, resy

    def _output(self, parameters, context, coverage, fmt):
        """The file to write: the one given, else (a temporary output) a new file next to the project."""
        value = parameters.get(self.OUTPUT)
        sink = value.sink.staticValue() if isinstance(value, QgsProcessingOutputLayerDefinition) else value
        if sink not in (None, "", QgsProcessing.TEMPORARY_OUTPUT):
            return self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        folder = project_folder(context.project())
        if not folder:
            raise QgsProcessingException(tr(
                "Choose a file for the coverage (OUTPUT): coverages can be large and are not written to a "
                "temporary file; save the project first to have them written next to it."))
        path = coverage_file(folder, coverage, fmt)
        if isinstance(value, QgsProcessingOutputLayerDefinition):  # the dialog's "open output file after running"
            context.addLayerToLoadOnCompletion(path, QgsProcessingContext.LayerDetails(coverage, context.project()))
        return path

    # -- run --

    def process(self, parameters, context, feedback):
        url = self.parameterAsString(parameters, self.URL, context).strip()
        coverage = self.parameterAsString(parameters, self.COVERAGE, context).strip()
        if not coverage:
            raise QgsProcessingException(tr("Give the name of the coverage to fetch (COVERAGE)."))
        width, height, resx, resy = self._size(parameters, context)
        authcfg = self.parameterAsString(parameters, self.AUTHCFG, context)
        credentials = credentials_from_authcfg(authcfg, "the WCS server") if authcfg else None
        client = Wcs10Client(url, credentials=credentials, auth_hint=auth_hint(authcfg),
                             max_coverage_bytes=self.parameterAsInt(parameters, self.MAX_SIZE, context) << 20)

        feedback.pushInfo(tr("Describing coverage {0}…").format(coverage))
        description = client.describe(coverage)
        if feedback.isCanceled():
            raise Cancelled()
        feedback.setProgress(5)
        if width is None and resx is None:
            grid = description.grid_size
            hint = tr(" (its grid is {0} × {1} pixels)").format(*grid) if grid else ""
            raise QgsProcessingException(tr(
                "Give WIDTH and HEIGHT (pixels) or RESX and RESY (CRS units per pixel) for coverage "
                "{0}{1}: one of the two pairs is required.").format(description.name, hint))

        crs = self.parameterAsCrs(parameters, self.CRS, context)
        if crs.isValid():
            code = offered_crs_code(crs, description.request_crs) or crs.authid()
        else:
            code = native_crs_code(description)
            crs = crs_from_code(code)
            if not crs.isValid():
                raise QgsProcessingException(tr(
                    "QGIS does not know coverage {0}'s native CRS {1!r}: choose a request CRS (CRS)."
                ).format(description.name, code))
        rect = self.parameterAsExtent(parameters, self.EXTENT, context, crs)
        if rect.isNull() or not rect.isFinite() or rect.width() <= 0 or rect.height() <= 0:
            raise QgsProcessingException(tr("The extent is empty: give a box with a width and a height."))
        cover = coverage_extent(description, crs)
        if cover is not None and not rect.intersects(cover):
            raise QgsProcessingException(tr(
                "The extent does not overlap coverage {0} (in {1}: {2}): give a box over the coverage."
            ).format(description.name, code, ", ".join(f"{v:.10g}" for v in (
                cover.xMinimum(), cover.yMinimum(), cover.xMaximum(), cover.yMaximum()))))

        response = self.parameterAsCrs(parameters, self.RESPONSE_CRS, context)
        response_code = None
        if response.isValid():
            response_code = offered_crs_code(response, description.response_crs) or response.authid()
        fmt = self.parameterAsString(parameters, self.FORMAT, context).strip()
        fmt = offered_name(fmt, description.formats) if fmt else default_format(description)
        interpolation = self.parameterAsString(parameters, self.INTERPOLATION, context).strip()
        time = self.parameterAsString(parameters, self.TIME, context).strip()

        request = GetCoverageRequest(
            coverage=description.name, crs=code,
            bbox=(rect.xMinimum(), rect.yMinimum(), rect.xMaximum(), rect.yMaximum()),
            format=fmt, width=width, height=height, resx=resx, resy=resy,
            response_crs=response_code,
            time=time or None,
            interpolation=offered_name(interpolation, description.interpolations) or None,
            parameters=parse_range_subset(self.parameterAsString(parameters, self.PARAMETER, context)),
        )
        request.validate(description)
        path = self._output(parameters, context, description.name, fmt)
        size = (tr("{0} × {1} pixels").format(width, height) if width is not None
                else tr("{0:g} × {1:g} units per pixel").format(resx, resy) if resx is not None
                else tr("native resolution"))
        feedback.pushInfo(tr("GetCoverage {0}: {1}, box {2}, {3}, format {4}.").format(
            description.name, code, ",".join(f"{v:.10g}" for v in request.bbox), size, fmt))

        def progress(done, total):
            if total:
                feedback.setProgress(5 + 95.0 * done / total)

        client.get_coverage(request, path, cancelled=feedback.isCanceled, progress=progress,
                            description=description)
        feedback.setProgress(100)
        feedback.pushInfo(tr("Coverage {0} saved as {1}.").format(description.name, path))
        if context.willLoadLayerOnCompletion(path):
            context.layerToLoadOnCompletionDetails(path).name = description.name
        return {self.OUTPUT: path}
