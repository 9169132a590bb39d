"""How footprint layers look and behave in QGIS: temporal properties for the Temporal Controller,
one outline colour per collection, date labels on zoom-in — for the dock's layers and for the
layers Processing loads."""

import datetime as dt

import pytest
from qgis.core import (
    QgsDateTimeRange,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
    QgsSymbolLayer,
    QgsVectorLayer,
    QgsVectorLayerTemporalContext,
)
from qgis.PyQt.QtCore import QDate, QDateTime, Qt, QTime

from eo_order.core.cdse_search import Product
from eo_order.core.footprints import (
    LABEL_MAX_SCALE,
    features_from_products,
    features_from_records,
    footprint_layer,
    style_footprints,
)
from eo_order.core.models import Record
from eo_order.processing_provider.postprocess import present_when_loaded

BOX = (-76.0, 45.0, -75.0, 46.0)


def records():
    return [Record("1", title="a", date="2013-02-21", bbox=BOX, collection_id="Radarsat1"),
            Record("2", title="b", date="2013-02-22", bbox=BOX, collection_id="Radarsat1"),
            Record("3", title="c", date="2013-02-22", bbox=BOX, collection_id="RCMImageProducts")]


def products():
    return [Product(f"id{i}", name=f"S2_{i}", collection="SENTINEL-2",
                    sensing_start=dt.datetime(2022, 5, 3 + i, 10, tzinfo=dt.timezone.utc),
                    sensing_end=dt.datetime(2022, 5, 3 + i, 10, 0, 25, tzinfo=dt.timezone.utc),
                    footprint_wkt="POLYGON((6 46, 7 46, 7 47, 6 47, 6 46))") for i in range(3)]


def visible_on(layer, day):
    """Feature ids the Temporal Controller shows for the frame [day, day + 1 day)."""
    start = QDateTime(day, QTime(0, 0), Qt.TimeSpec.UTC)
    frame = QgsDateTimeRange(start, start.addDays(1), True, False)
    context = QgsVectorLayerTemporalContext()
    context.setLayer(layer)
    expression = layer.temporalProperties().createFilterString(context, frame)
    return sorted(f["record_id"] if "record_id" in f.fields().names() else f["name"]
                  for f in layer.getFeatures(expression))


def stroke_colour_of(layer, feature, symbol):
    prop = symbol.symbolLayer(0).dataDefinedProperties().property(QgsSymbolLayer.Property.PropertyStrokeColor)
    context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    context.setFeature(feature)
    return prop.value(context)[0]


def test_records_step_by_acquisition_day(qgis_new_project):
    layer = footprint_layer("r", features_from_records(records(), "test"))
    properties = layer.temporalProperties()
    assert properties.isActive() and "acquired" in properties.startExpression()
    assert visible_on(layer, QDate(2013, 2, 21)) == ["1"]
    assert visible_on(layer, QDate(2013, 2, 22)) == ["2", "3"]
    assert visible_on(layer, QDate(2013, 2, 23)) == []


def test_products_step_by_sensing_time(qgis_new_project):
    layer = footprint_layer("p", features_from_products(products()), kind="products")
    properties = layer.temporalProperties()
    assert properties.isActive()
    assert (properties.startField(), properties.endField()) == ("sensing_start", "sensing_end")
    assert visible_on(layer, QDate(2022, 5, 4)) == ["S2_1"]


def test_each_collection_has_its_own_outline_colour_even_after_ordering(qgis_new_project):
    layer = footprint_layer("r", features_from_records(records(), "test"))
    features = {f["record_id"]: f for f in layer.getFeatures()}
    symbol = layer.renderer().symbol()
    radarsat = stroke_colour_of(layer, features["1"], symbol)
    assert radarsat == stroke_colour_of(layer, features["2"], symbol)
    rcm = stroke_colour_of(layer, features["3"], symbol)
    assert radarsat != rcm
    style_footprints(layer, {"2"})  # what the order controller does once scene 2 is ordered (new symbols)
    ordered_rule, rest_rule = layer.renderer().rootRule().children()
    assert stroke_colour_of(layer, features["3"], rest_rule.symbol()) == rcm
    assert stroke_colour_of(layer, features["2"], ordered_rule.symbol()) == radarsat


def test_dates_are_labelled_only_when_zoomed_in(qgis_new_project):
    layer = footprint_layer("r", features_from_records(records(), "test"))
    assert layer.labelsEnabled()
    settings = layer.labeling().settings()
    assert settings.scaleVisibility and settings.minimumScale == LABEL_MAX_SCALE
    assert "acquired" in settings.fieldName and settings.isExpression


def test_processing_outputs_loaded_into_the_project_get_the_same_presentation(qgis_new_project, tmp_path):
    """What happens when Processing loads a search_cdse/search_csw output: the post-processor runs."""
    source = footprint_layer("p", features_from_products(products()), kind="products")
    from qgis.core import QgsVectorFileWriter

    path = str(tmp_path / "p.gpkg")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    QgsVectorFileWriter.writeAsVectorFormatV2(source, path, QgsProject.instance().transformContext(), options)
    context = QgsProcessingContext()
    context.addLayerToLoadOnCompletion(path, QgsProcessingContext.LayerDetails("p", QgsProject.instance(), "p"))
    present_when_loaded(context, path)
    layer = QgsVectorLayer(path, "p", "ogr")
    assert not layer.temporalProperties().isActive()
    context.layerToLoadOnCompletionDetails(path).postProcessor().postProcessLayer(
        layer, context, QgsProcessingFeedback())
    assert layer.temporalProperties().isActive() and layer.labelsEnabled()
    assert layer.renderer().type() == "RuleRenderer"


def test_point_and_line_boxes_stay_valid_polygons_and_no_box_is_no_geometry(qgis_new_project):
    items = [Record("point", bbox=(-75.7, 45.4, -75.7, 45.4)), Record("line", bbox=(-76.0, 45.0, -75.0, 45.0)),
             Record("none")]
    layer = footprint_layer("r", features_from_records(items, "test"))
    features = {f["record_id"]: f for f in layer.getFeatures()}
    assert layer.featureCount() == 3
    for rid in ("point", "line"):
        geometry = features[rid].geometry()
        assert geometry.isGeosValid() and geometry.area() > 0, rid
        assert geometry.boundingBox().center().x() == pytest.approx(-75.7 if rid == "point" else -75.5)
    assert features["none"].geometry().isNull()
