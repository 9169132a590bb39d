"""core/catalogue.py: one interface for every catalogue — the factory, what each can do, and its
history parameters read back into the same search (old history rows included)."""

import datetime as dt

import pytest
from qgis.core import QgsExpression, QgsExpressionContext, QgsExpressionContextUtils

from eo_order.core.catalogue import (
    DOWNLOAD,
    NO_ACTION,
    ORDER,
    CopernicusCatalogue,
    CswCatalogue,
    EodmsCatalogue,
    RcmCatalogue,
    SearchForm,
    StacCatalogue,
    catalogue_for,
    catalogues,
)
from eo_order.core.cdse_search import Product
from eo_order.core.connections import CDSE, CSW, STAC, WCS, Connection, ConnectionStore
from eo_order.core.csw import Profile
from eo_order.core.errors import InputError
from eo_order.core.footprints import ITEMS, PRODUCTS, RECORDS, layer_kind
from eo_order.core.history import HistoryEntry, SearchHistory
from eo_order.core.models import BBox
from eo_order.core.settings import Settings


def test_the_factory_gives_each_connection_its_catalogue_and_capabilities(qgis_app):
    made = {c.name: c for c in catalogues(ConnectionStore(Settings()))}
    assert [type(made[n]) for n in ("EODMS catalogue", "EODMS RCM", "Copernicus Data Space", "Earth Search")] == [
        EodmsCatalogue, RcmCatalogue, CopernicusCatalogue, StacCatalogue]
    assert list(made)[:3] == ["EODMS catalogue", "EODMS RCM", "Copernicus Data Space"]
    assert made["EODMS catalogue"].capabilities.action == ORDER and made["EODMS RCM"].capabilities.needs_auth
    copernicus = made["Copernicus Data Space"].capabilities
    assert copernicus.action == DOWNLOAD and copernicus.dates_required and copernicus.polygon and copernicus.cloud
    stac = made["Earth Search"].capabilities
    assert stac.server_collections and stac.action == DOWNLOAD and stac.action_ready
    generic = catalogue_for(Connection("Mine", CSW, "http://127.0.0.1:9/csw"))
    assert type(generic) is CswCatalogue and generic.capabilities.action == NO_ACTION and generic.capabilities.title
    assert [c.layer_kind for c in (generic, made["Copernicus Data Space"], made["Earth Search"])] == [
        RECORDS, PRODUCTS, ITEMS]
    with pytest.raises(InputError, match="is not a catalogue"):
        catalogue_for(Connection("DEM", WCS, "http://127.0.0.1:9/wcs"))


def test_each_catalogue_s_layer_is_its_own_kind_and_named_after_the_connection(qgis_app):
    for connection, query_form in (
            (Connection("Ottawa archive", CSW, "http://127.0.0.1:9/csw", profile=Profile.GENERIC),
             SearchForm(bbox=BBox(-76, 45, -75, 46), end="2013-03-29")),
            (Connection("Local STAC", STAC, "http://127.0.0.1:9/stac"),
             SearchForm(bbox=BBox(-76, 45, -75, 46), collections=("sentinel-2-l2a",), max_cloud=20))):
        catalogue = catalogue_for(connection)
        query = catalogue.query(query_form)
        layer = catalogue.new_layer(catalogue.layer_name(query, 3))
        assert layer_kind(layer) == catalogue.layer_kind
        assert layer.name().startswith(connection.name + " · ") and "127.0.0.1" not in layer.name()


def test_history_parameters_search_again_exactly(tmp_path, qgis_app):
    history = SearchHistory(tmp_path / "h.sqlite")
    stac = catalogue_for(Connection("Local STAC", STAC, "http://127.0.0.1:9/stac"))
    query = stac.query(SearchForm(bbox=BBox(170, -10, 180, 10), start="2024-01-01", end="2024-02-01",
                                  collections=("a", "b"), max_cloud=30, max_records=50))
    entry = history.add(stac.kind, stac.name, stac.url, stac.history_params(query), 7)
    again = stac.query(stac.form_from_history(entry.params))
    assert (again.bbox, again.start, again.end, again.collections, again.max_cloud, again.max_records) == (
        query.bbox, query.start, query.end, query.collections, query.max_cloud, query.max_records)
    assert entry.describe() == "a · b · 2024-01-01 – 2024-02-01 · ≤ 30 % cloud"

    copernicus = catalogue_for(Connection("Copernicus Data Space", CDSE, "http://127.0.0.1:9/odata/v1/Products"))
    ring = [(5.5, 45.5), (8.0, 45.5), (5.5, 48.0), (5.5, 45.5)]
    query = copernicus.query(SearchForm(polygon=ring, start="2022-05-03", end="2022-05-04",
                                        collections=("SENTINEL-2",)))
    entry = history.add(copernicus.kind, copernicus.name, copernicus.url, copernicus.history_params(query), 3)
    again = copernicus.query(copernicus.form_from_history(entry.params))
    assert (again.polygon, again.start, again.end, again.collection) == (
        query.polygon, query.start, query.end, query.collection)


def test_an_old_csw_history_row_still_reads(qgis_app):
    """Rows written before the catalogue interface (kind "csw", a box, ISO dates) give the same search."""
    entry = HistoryEntry(1, dt.datetime(2026, 1, 2, tzinfo=dt.timezone.utc), "csw", "EODMS catalogue",
                         "https://example/csw", {"bbox": [-76, 45, -75, 46], "start": None,
                                                 "end": "2013-03-29", "title": "*", "max_records": 1000}, 12)
    catalogue = catalogue_for(Connection("EODMS catalogue", CSW, "https://example/csw", profile=Profile.EODMS))
    query = catalogue.query(catalogue.form_from_history(entry.params))
    assert (query.bbox, query.start, query.end.isoformat(), query.title) == (
        BBox(-76, 45, -75, 46), None, "2013-03-29", "*")


def test_copernicus_needs_both_dates(qgis_app):
    copernicus = catalogue_for(Connection("Copernicus Data Space", CDSE, "http://127.0.0.1:9/odata/v1/Products"))
    with pytest.raises(InputError, match="Choose both sensing dates"):
        copernicus.query(SearchForm(bbox=BBox(5, 45, 6, 46), start="2022-05-03", collections=("SENTINEL-2",)))


def test_offline_products_are_drawn_apart_before_any_download(qgis_app):
    copernicus = catalogue_for(Connection("Copernicus Data Space", CDSE, "http://127.0.0.1:9/odata/v1/Products"))
    products = [Product("a", "online", footprint_wkt="POLYGON((5 45,6 45,6 46,5 45))"),
                Product("b", "archived", online=False, footprint_wkt="POLYGON((5 45,6 45,6 46,5 45))")]
    layer = copernicus.new_layer("p")
    layer.dataProvider().addFeatures(copernicus.features(products))
    from eo_order.core.footprints import present

    present(layer)
    rules = {rule.label(): rule for rule in layer.renderer().rootRule().children()}
    assert "Offline (long-term archive)" in rules
    offline = QgsExpression(rules["Offline (long-term archive)"].filterExpression())
    matched = []
    for feature in layer.getFeatures():
        context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
        context.setFeature(feature)
        if offline.evaluate(context):
            matched.append(feature["name"])
    assert matched == ["archived"]


def test_a_box_across_the_antimeridian_searches_its_band_in_copernicus_not_the_rest_of_the_world(qgis_app):
    # a Pacific-centred canvas gives a box with west > east (170° E … 170° W); as one polygon it was
    # the ring 170 → -170, i.e. everything *but* the Pacific
    ring = SearchForm(bbox=BBox(170, -20, -170, -10)).ring()
    lons = sorted({lon for lon, _lat in ring})
    assert lons == [-180.0, 180.0]
    assert {lat for _lon, lat in ring} == {-20, -10}
    assert SearchForm(bbox=BBox(10, 40, 20, 50)).ring()[:2] == [(10, 40), (20, 40)]
