import pytest
from qgis.core import QgsApplication

from eo_order.processing_provider.provider import EoOrderProvider


@pytest.fixture
def provider(qgis_processing):
    """The plugin's Processing provider, registered for one test."""
    provider = EoOrderProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    yield provider
    QgsApplication.processingRegistry().removeProvider(provider)
