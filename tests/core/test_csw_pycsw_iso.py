"""ISO 19139 end to end: a real pycsw (apiso profile) loaded with ISO records, searched by a
connection that asks for outputSchema http://www.isotc211.org/2005/gmd."""

import pytest
from lxml import etree

from eo_order.core.connections import CSW, Connection, connections_to_xml, parse_connections_xml
from eo_order.core.csw import CswClient, Profile
from eo_order.core.footprints import features_from_records, footprint_layer
from eo_order.core.models import BBox, SearchQuery
from tools.pycsw_server import PycswServer

OTTAWA = BBox(-76.3556, 44.9617, -75.2466, 45.5371)
CODELISTS = "http://standards.iso.org/iso/19139/resources/gmxCodelists.xml"


def iso_record(record_id, title, date, box=None, thumbnail=None):
    """A small ISO 19139 dataset record (west, south, east, north box optional)."""
    extent = ""
    if box:
        west, south, east, north = box
        extent = f"""<gmd:extent><gmd:EX_Extent><gmd:geographicElement><gmd:EX_GeographicBoundingBox>
          <gmd:westBoundLongitude><gco:Decimal>{west}</gco:Decimal></gmd:westBoundLongitude>
          <gmd:eastBoundLongitude><gco:Decimal>{east}</gco:Decimal></gmd:eastBoundLongitude>
          <gmd:southBoundLatitude><gco:Decimal>{south}</gco:Decimal></gmd:southBoundLatitude>
          <gmd:northBoundLatitude><gco:Decimal>{north}</gco:Decimal></gmd:northBoundLatitude>
        </gmd:EX_GeographicBoundingBox></gmd:geographicElement></gmd:EX_Extent></gmd:extent>"""
    overview = ""
    if thumbnail:
        overview = f"""<gmd:graphicOverview><gmd:MD_BrowseGraphic><gmd:fileName>
          <gco:CharacterString>{thumbnail}</gco:CharacterString></gmd:fileName></gmd:MD_BrowseGraphic></gmd:graphicOverview>"""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<gmd:MD_Metadata xmlns:gmd="http://www.isotc211.org/2005/gmd" xmlns:gco="http://www.isotc211.org/2005/gco">
  <gmd:fileIdentifier><gco:CharacterString>{record_id}</gco:CharacterString></gmd:fileIdentifier>
  <gmd:hierarchyLevel><gmd:MD_ScopeCode codeList="{CODELISTS}#MD_ScopeCode"
    codeListValue="dataset">dataset</gmd:MD_ScopeCode></gmd:hierarchyLevel>
  <gmd:dateStamp><gco:Date>{date}</gco:Date></gmd:dateStamp>
  <gmd:identificationInfo><gmd:MD_DataIdentification>
    <gmd:citation><gmd:CI_Citation>
      <gmd:title><gco:CharacterString>{title}</gco:CharacterString></gmd:title>
      <gmd:date><gmd:CI_Date><gmd:date><gco:Date>{date}</gco:Date></gmd:date>
        <gmd:dateType><gmd:CI_DateTypeCode codeList="{CODELISTS}#CI_DateTypeCode"
          codeListValue="creation">creation</gmd:CI_DateTypeCode></gmd:dateType></gmd:CI_Date></gmd:date>
    </gmd:CI_Citation></gmd:citation>
    <gmd:abstract><gco:CharacterString>Scene {record_id}</gco:CharacterString></gmd:abstract>
    {overview}
    <gmd:descriptiveKeywords><gmd:MD_Keywords>
      <gmd:keyword><gco:CharacterString>radar</gco:CharacterString></gmd:keyword>
      <gmd:keyword><gco:CharacterString>Ottawa</gco:CharacterString></gmd:keyword>
    </gmd:MD_Keywords></gmd:descriptiveKeywords>
    <gmd:language><gco:CharacterString>eng</gco:CharacterString></gmd:language>
    {extent}
  </gmd:MD_DataIdentification></gmd:identificationInfo>
</gmd:MD_Metadata>"""


@pytest.fixture(scope="module")
def iso_csw(tmp_path_factory):
    records = [iso_record(f"ca.example.scene-{i:02d}", f"Scene {i}", f"2012-0{i % 9 + 1}-10",
                          (-76.2 + i * 0.01, 45.0, -75.5, 45.4), thumbnail=f"http://127.0.0.1/q/{i}.png")
               for i in range(12)]
    records.append(iso_record("ca.example.vancouver", "Vancouver", "2012-01-01", (-123.3, 49.0, -122.5, 49.4)))
    with PycswServer(records, tmp_path_factory.mktemp("pycsw_iso"), maxrecords=5, profiles="apiso") as server:
        yield server


def test_an_iso_connection_asks_for_iso_and_reads_every_record(iso_csw, qgis_new_project):
    connection = Connection("ISO catalogue", CSW, iso_csw.url, profile=Profile.GENERIC, schema="iso")
    catalog = connection.catalog
    client = CswClient(catalog.url, catalog.profile, schema=catalog.schema, records_per_request=5)
    result = client.search(SearchQuery(OTTAWA))
    body = etree.fromstring(iso_csw.requests[-1])
    assert body.get("outputSchema") == "http://www.isotc211.org/2005/gmd"
    assert sorted(r.record_id for r in result.records) == [f"ca.example.scene-{i:02d}" for i in range(12)]
    assert result.warnings() == []
    first = next(r for r in result.records if r.record_id == "ca.example.scene-03")
    assert first.schema == "iso"
    assert first.title == "Scene 3"
    assert first.date == "2012-04-10"
    assert first.subjects == ["radar", "Ottawa"]
    assert first.thumbnail_url == "http://127.0.0.1/q/3.png"
    assert first.bbox == pytest.approx((-76.17, 45.0, -75.5, 45.4))
    layer = footprint_layer("iso", features_from_records(result.records, iso_csw.url))
    assert layer.featureCount() == 12
    assert all(not f.geometry().isNull() for f in layer.getFeatures())


def test_a_dublin_core_connection_still_gets_dublin_core_from_the_same_server(iso_csw):
    client = CswClient(iso_csw.url, Profile.GENERIC)
    result = client.search(SearchQuery(OTTAWA, page_size=5))
    assert etree.fromstring(iso_csw.requests[-1]).get("outputSchema") == "http://www.opengis.net/cat/csw/2.0.2"
    assert len(result.records) == 12
    assert {r.schema for r in result.records} == {"dc"}


def test_the_schema_is_kept_with_the_connection_and_in_exported_files():
    connection = Connection("ISO catalogue", CSW, "https://example.org/csw", profile=Profile.GENERIC, schema="iso")
    [back], _ = parse_connections_xml(connections_to_xml([connection]))
    assert back.schema == "iso"
    assert back.catalog.schema == "iso"


def test_the_schema_is_stored_with_the_connection(tmp_path, qgis_app):
    from qgis.core import QgsSettings
    from qgis.PyQt.QtCore import QSettings

    from eo_order.core.connections import ConnectionStore
    from eo_order.core.settings import Settings

    def store():
        return ConnectionStore(Settings(QgsSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)))

    store().add(Connection("ISO catalogue", CSW, "https://example.org/csw", profile=Profile.GENERIC, schema="iso"))
    store().add(Connection("DC catalogue", CSW, "https://example.org/dc/csw", profile=Profile.GENERIC))
    saved = {c.name: c for c in store().all(CSW)}
    assert saved["ISO catalogue"].schema == "iso"
    assert saved["DC catalogue"].schema == "dc"


def test_processing_asks_for_the_chosen_schema(iso_csw, provider, tmp_path):
    from qgis import processing
    from qgis.core import QgsVectorLayer

    result = processing.run("eo_order:search_csw", {
        "CATALOG": iso_csw.url, "PROFILE": 2, "SCHEMA": 1, "EXTENT": "-76.3556,-75.2466,44.9617,45.5371 [EPSG:4326]",
        "OUTPUT": str(tmp_path / "iso.gpkg")})
    assert etree.fromstring(iso_csw.requests[-1]).get("outputSchema") == "http://www.isotc211.org/2005/gmd"
    layer = QgsVectorLayer(result["OUTPUT"], "iso", "ogr")
    assert sorted(f["record_id"] for f in layer.getFeatures()) == [f"ca.example.scene-{i:02d}" for i in range(12)]
