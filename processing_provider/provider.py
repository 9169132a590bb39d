"""The ``eo_order`` Processing provider: every step of the plugin as an algorithm."""

import os

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from .download_cdse import DownloadCdseAlgorithm
from .download_stac import DownloadStacAlgorithm
from .order_eodms import OrderEodmsAlgorithm
from .quicklooks import QuicklooksAlgorithm
from .search_cdse import SearchCdseAlgorithm
from .search_csw import SearchCswAlgorithm
from .wcs_getcoverage import WcsGetCoverageAlgorithm

ICON = os.path.join(os.path.dirname(os.path.dirname(__file__)), "icons", "eo_order.svg")


class EoOrderProvider(QgsProcessingProvider):
    def id(self):
        return "eo_order"

    def name(self):
        return "EO Order"

    def icon(self):
        return QIcon(ICON)

    def loadAlgorithms(self):
        self.addAlgorithm(SearchCswAlgorithm())
        self.addAlgorithm(SearchCdseAlgorithm())
        self.addAlgorithm(DownloadCdseAlgorithm())
        self.addAlgorithm(DownloadStacAlgorithm())
        self.addAlgorithm(OrderEodmsAlgorithm())
        self.addAlgorithm(WcsGetCoverageAlgorithm())
        self.addAlgorithm(QuicklooksAlgorithm())
