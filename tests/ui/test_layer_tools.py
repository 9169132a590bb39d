"""Export and quicklooks from the Layers panel's context menu (footprint layers only) and from the
tabs' button row."""

import pytest
from qgis.core import QgsProject, QgsVectorLayer

from eo_order.core.footprints import features_from_records, footprint_layer
from eo_order.core.models import Record
from eo_order.ui import layer_tools
from eo_order.ui.layer_tools import LayerActions, LayerToolsRow


def records_layer():
    records = [Record(str(i), title=f"scene {i}", date=f"2012-01-0{i + 1}", bbox=(-76 + i, 45, -75 + i, 46),
                      collection_id="Radarsat1") for i in range(2)]
    return footprint_layer("EODMS catalogue · 2 scenes", features_from_records(records, "http://csw"))


@pytest.fixture
def calls(monkeypatch):
    seen = []
    monkeypatch.setattr(layer_tools, "export_layer", lambda iface, layer: seen.append(("export", layer.name())))
    monkeypatch.setattr(layer_tools, "show_layer_quicklooks",
                        lambda iface, layer: seen.append(("quicklooks", layer.name())))
    return seen


@pytest.fixture
def actions(qgis_iface, qgis_new_project, calls):
    for name in ("addCustomActionForLayerType", "addCustomActionForLayer", "removeCustomActionForLayerType"):
        getattr(qgis_iface, name).reset_mock()
    tools = LayerActions(qgis_iface)
    yield tools
    tools.remove()


def test_the_actions_are_offered_on_footprint_layers_only(actions, qgis_iface):
    assert [a.text() for a in actions.actions] == ["Export footprints…", "Show quicklooks"]
    registered = qgis_iface.addCustomActionForLayerType.call_args_list
    assert [call.args[0] for call in registered] == actions.actions
    assert all(call.args[1] == "EO Order" and call.args[3] is False for call in registered)  # not on all layers

    footprints = records_layer()
    other = QgsVectorLayer("Point?crs=EPSG:4326&field=name:string", "towns", "memory")
    QgsProject.instance().addMapLayers([footprints, other])
    per_layer = qgis_iface.addCustomActionForLayer.call_args_list
    assert sorted((call.args[0].text(), call.args[1].name()) for call in per_layer) == [
        ("Export footprints…", footprints.name()), ("Show quicklooks", footprints.name())]


def test_an_action_runs_its_tool_on_the_right_clicked_layer(actions, qgis_iface, calls):
    footprints = records_layer()
    QgsProject.instance().addMapLayer(footprints)
    qgis_iface.setActiveLayer(footprints)
    export, quicklooks = actions.actions
    export.trigger()
    quicklooks.trigger()
    assert calls == [("export", footprints.name()), ("quicklooks", footprints.name())]


def test_removing_unregisters_every_action(actions, qgis_iface):
    registered = list(actions.actions)
    actions.remove()
    removed = [call.args[0] for call in qgis_iface.removeCustomActionForLayerType.call_args_list]
    assert removed == registered and actions.actions == []


def test_the_button_row_follows_the_layer_and_its_selection(qgis_iface, qgis_new_project, calls):
    holder = {"layer": None}
    row = LayerToolsRow(qgis_iface, lambda: holder["layer"])
    assert not row.export_button.isEnabled() and not row.quicklook_button.isEnabled()
    assert row.export_button.toolTip() and row.quicklook_button.toolTip()
    holder["layer"] = layer = records_layer()
    row.update_state()
    assert row.export_button.isEnabled() and not row.quicklook_button.isEnabled()
    layer.selectByIds([next(layer.getFeatures()).id()])
    row.update_state()
    assert row.quicklook_button.isEnabled()
    row.export_button.click()
    row.quicklook_button.click()
    assert calls == [("export", layer.name()), ("quicklooks", layer.name())]
