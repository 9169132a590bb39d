"""The ``eo_order`` Processing provider: every step of the plugin as an algorithm."""

import os

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..core.names import PLUGIN_NAME, PROVIDER_ID
from .download_cdse import DownloadCdseAlgorithm
from .download_stac import DownloadStacAlgorithm
from .order_eodms import OrderEodmsAlgorithm
from .quicklooks import QuicklooksAlgorithm
from .search_cdse import SearchCdseAlgorithm
from .search_csw import SearchCswAlgorithm
from .search_stac import SearchStacAlgorithm
from .wcs_getcoverage import WcsGetCoverageAlgorithm

ICON = os.path.join(os.path.dirname(os.path.dirname(__file__)), "icons", "eo_order.svg")


class EoOrderProvider(QgsProcessingProvider):
    def id(self):
        return PROVIDER_ID

    def name(self):
        return PLUGIN_NAME

    def icon(self):
        return QIcon(ICON)

    def loadAlgorithms(self):
        self.addAlgorithm(SearchCswAlgorithm())
        self.addAlgorithm(SearchCdseAlgorithm())
        self.addAlgorithm(SearchStacAlgorithm())
        self.addAlgorithm(DownloadCdseAlgorithm())
        self.addAlgorithm(DownloadStacAlgorithm())
        self.addAlgorithm(OrderEodmsAlgorithm())
        self.addAlgorithm(WcsGetCoverageAlgorithm())
        self.addAlgorithm(QuicklooksAlgorithm())
