"""eo_order:order_eodms through QGIS Processing against the local EODMS WES fake."""

import pytest
from qgis.core import QgsProcessingFeatureSourceDefinition, QgsProject

from eo_order.core.footprints import features_from_records, footprint_layer
from eo_order.core.models import Record
from tests.servers.eodms_wes import EodmsWesServer

IDS = ("1508207", "1508208", "1508209")




@pytest.fixture
def footprints(qgis_new_project):
    records = [Record(rid, date="2013-02-21", bbox=(-76, 45, -75.5, 45.5), collection_id="Radarsat1") for rid in IDS]
    layer = footprint_layer("footprints", features_from_records(records, "test"))
    QgsProject.instance().addMapLayer(layer)
    return layer


@pytest.fixture
def journal_in_tmp(tmp_path, monkeypatch):
    import eo_order.processing_provider.order_eodms as module

    monkeypatch.setattr(module, "default_journal_path", lambda: str(tmp_path / "orders.sqlite"))


def run(params):
    from qgis import processing

    return processing.run("eo_order:order_eodms", params)


def test_orders_every_footprint_and_reports_each(provider, footprints, make_authcfg, journal_in_tmp):
    with EodmsWesServer(fail={"1508209": "exception"}) as wes:
        result = run({"INPUT": footprints, "WCS_URL": wes.url, "PACKAGING_FORMAT": 2,
                      "AUTHCFG": make_authcfg("eodms-user", "eodms-password"), "OUTPUT": "memory:"})
        accepted = [(o.coverage_id, o.packaging) for o in wes.orders]
    rows = {f["record_id"]: f for f in result["OUTPUT"].getFeatures()}
    assert sorted(rows) == list(IDS)
    assert accepted == [("Radarsat1--1508207", "TARGZ"), ("Radarsat1--1508208", "TARGZ")]
    assert [rows[i]["status"] for i in IDS] == ["submitted", "submitted", "failed"]
    assert rows["1508209"]["coverage_id"] == "Radarsat1--1508209"
    assert "not available for ordering" in rows["1508209"]["message"]
    assert all(rows[i]["ordered_at"].endswith("Z") for i in IDS)


def test_selected_features_only_is_honoured(provider, footprints, make_authcfg, journal_in_tmp):
    footprints.selectByExpression("\"record_id\" = '1508208'")
    with EodmsWesServer() as wes:
        result = run({"INPUT": QgsProcessingFeatureSourceDefinition(footprints.id(), True), "WCS_URL": wes.url,
                      "AUTHCFG": make_authcfg("eodms-user", "eodms-password"), "OUTPUT": "memory:"})
        assert [o.coverage_id for o in wes.orders] == ["Radarsat1--1508208"]
    assert [f["record_id"] for f in result["OUTPUT"].getFeatures()] == ["1508208"]


def test_rejected_password_fails_the_algorithm_clearly(provider, footprints, make_authcfg, journal_in_tmp):
    from qgis.core import QgsProcessingException

    bad = make_authcfg("eodms-user", "nope", name="My EODMS account")
    with EodmsWesServer() as wes:
        with pytest.raises(QgsProcessingException,
                           match="rejected the username/password in auth config 'My EODMS account'") as failed:
            run({"INPUT": footprints, "WCS_URL": wes.url, "AUTHCFG": bad, "OUTPUT": "memory:"})
        assert bad not in str(failed.value)  # named, not by its internal id
        assert wes.orders == []


def test_a_damaged_journal_is_moved_aside_and_the_order_goes_on(provider, footprints, make_authcfg, journal_in_tmp,
                                                               tmp_path):
    from qgis import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    (tmp_path / "orders.sqlite").write_bytes(b"garbage" * 1000)
    warnings = []

    class Feedback(QgsProcessingFeedback):
        def pushWarning(self, text):  # noqa: N802 - Qt override
            warnings.append(text)
            super().pushWarning(text)

    with EodmsWesServer() as wes:
        result = processing.run("eo_order:order_eodms", {
            "INPUT": footprints, "WCS_URL": wes.url, "AUTHCFG": make_authcfg("eodms-user", "eodms-password"),
            "OUTPUT": "memory:"}, context=QgsProcessingContext(), feedback=Feedback())
        assert len(wes.orders) == 3
    assert [f["status"] for f in result["OUTPUT"].getFeatures()] == ["submitted"] * 3
    aside = [p for p in tmp_path.iterdir() if p.name.startswith("orders.sqlite.corrupt-")]
    assert len(aside) == 1 and aside[0].read_bytes() == b"garbage" * 1000
    assert len(warnings) == 1 and "order journal" in warnings[0] and aside[0].name in warnings[0]


def test_scenes_without_packaging_choice_are_ordered_with_the_server_default(provider, footprints, make_authcfg,
                                                                           journal_in_tmp):
    authcfg = make_authcfg("eodms-user", "eodms-password")
    with EodmsWesServer(no_packaging={"1508208"}) as wes:
        result = run({"INPUT": footprints, "WCS_URL": wes.url, "AUTHCFG": authcfg, "PACKAGING_FORMAT": 1,
                      "OUTPUT": "memory:"})
        assert [(o.record_id, o.packaging) for o in wes.orders] == [
            ("1508207", "TAR"), ("1508208", ""), ("1508209", "TAR")]
        run({"INPUT": footprints, "WCS_URL": wes.url, "AUTHCFG": authcfg, "PACKAGING_FORMAT": 3,  # Server default
             "OUTPUT": "memory:"})
        assert [o.packaging for o in wes.orders[3:]] == ["", "", ""]
    assert [f["status"] for f in result["OUTPUT"].getFeatures()] == ["submitted"] * 3
