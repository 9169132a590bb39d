"""Every algorithm stands on the one base: metadata, error conversion and checks in one place."""

import pytest
from qgis.core import QgsProcessingException

from eo_order.processing_provider.base import EoOrderAlgorithm

IDS = {"search_csw", "search_cdse", "search_stac", "download_cdse", "order_eodms", "quicklooks", "wcs_getcoverage"}


def test_every_algorithm_is_on_the_base_with_its_metadata(provider):
    algorithms = {a.name(): a for a in provider.algorithms()}
    assert IDS <= set(algorithms)
    for name in IDS:
        algorithm = algorithms[name]
        assert isinstance(algorithm, EoOrderAlgorithm), name
        assert algorithm.id() == f"eo_order:{name}"
        assert algorithm.displayName() and algorithm.shortDescription() and algorithm.shortHelpString(), name
        assert algorithm.groupId() in ("search", "order", "download", "wcs"), name
        assert algorithm.group() in ("Search", "Order", "Download", "WCS"), name
        assert type(algorithm.createInstance()) is type(algorithm)


def test_a_core_error_becomes_its_message_and_never_a_traceback(provider):
    """An InputError raised by the core (here: dates out of order) reaches the user as its text."""
    from qgis import processing

    with pytest.raises(QgsProcessingException) as raised:
        processing.run("eo_order:search_stac", {"URL": "http://127.0.0.1:9/", "EXTENT": "0,1,0,1 [EPSG:4326]",
                                                "START_DATE": "2024-03-01", "END_DATE": "2024-01-01",
                                                "OUTPUT": "memory:"})
    assert str(raised.value) == ("The start date 2024-03-01T00:00:00+00:00 is not before the end date "
                                 "2024-01-01T00:00:00+00:00 (the end date is exclusive): swap or widen them.")
