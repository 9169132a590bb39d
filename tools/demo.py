"""``make demo``: search a local EODMS-like catalogue for the Ottawa box, headless.

Starts pycsw on 127.0.0.1 loaded with bundled Radarsat-1-shaped records over
Canada, runs the plugin's Processing algorithm ``eo_order:search_csw`` for the
Ottawa box (-76.3556 44.9617, -75.2466 45.5371) with records before 2013-03-29
(as in the EODMS walkthrough), writes the footprints to a GeoPackage, renders a
PNG map of them and prints both paths.

pycsw is a standard CSW 2.0.2 server, so the demo uses the generic CSW profile
(box sent as CRS84); the EODMS profile sends the box the way EODMS reads it.
"""

import sys

from tools.qgis_env import ROOT, start_qgis

OTTAWA = (-76.3556, 44.9617, -75.2466, 45.5371)
OUT = ROOT / "build" / "demo"
WORLD = "/usr/share/qgis/resources/data/world_map.gpkg"


def render(footprints_path, png_path):
    from qgis.core import (
        QgsFeature,
        QgsFillSymbol,
        QgsGeometry,
        QgsMapRendererSequentialJob,
        QgsMapSettings,
        QgsRectangle,
        QgsSingleSymbolRenderer,
        QgsVectorLayer,
    )
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor

    from eo_order.core.footprints import style_footprints

    footprints = QgsVectorLayer(str(footprints_path), "footprints", "ogr")
    style_footprints(footprints)
    from osgeo import gdal

    gdal.PushErrorHandler("CPLQuietErrorHandler")  # QGIS' bundled world map has odd timestamps
    try:
        provinces = QgsVectorLayer(f"{WORLD}|layername=states_provinces", "provinces", "ogr")
    finally:
        gdal.PopErrorHandler()
    provinces.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
        {"color": "240,236,226,255", "outline_color": "150,150,150,255", "outline_width": "0.3"})))
    box = QgsVectorLayer("Polygon?crs=EPSG:4326", "search box", "memory")
    feature = QgsFeature()
    feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(*OTTAWA)))
    box.dataProvider().addFeatures([feature])
    box.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
        {"style": "no", "outline_color": "31,120,180,255", "outline_width": "0.8", "outline_style": "dash"})))

    extent = footprints.extent()
    extent.combineExtentWith(box.extent())
    extent.scale(1.3)
    settings = QgsMapSettings()
    settings.setLayers([footprints, box, provinces])
    settings.setDestinationCrs(footprints.crs())
    settings.setOutputSize(QSize(1000, 700))
    settings.setBackgroundColor(QColor(200, 220, 240))
    settings.setExtent(extent)
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    job.renderedImage().save(str(png_path), "PNG")


def main():
    app = start_qgis(processing=True)  # noqa: F841 - must stay alive
    from qgis import processing
    from qgis.core import QgsVectorLayer

    from tools.pycsw_server import PycswServer
    from tools.sample_records import demo_records

    OUT.mkdir(parents=True, exist_ok=True)
    gpkg = OUT / "ottawa_footprints.gpkg"
    png = OUT / "ottawa_footprints.png"
    for stale in (gpkg, png):
        stale.unlink(missing_ok=True)
    with PycswServer(demo_records(), OUT / "pycsw", maxrecords=10) as server:
        print(f"Local EODMS-like catalogue (pycsw): {server.url} ({server.record_count} records)")
        result = processing.run("eo_order:search_csw", {
            "CATALOG": server.url,
            "PROFILE": 2,
            "EXTENT": "{0},{2},{1},{3} [EPSG:4326]".format(*OTTAWA),
            "END_DATE": "2013-03-29",
            "OUTPUT": str(gpkg),
        })
    layer = QgsVectorLayer(result["OUTPUT"], "footprints", "ogr")
    rows = sorted((f["acquired"].toString("yyyy-MM-dd"), f["record_id"], f["beam_mode"])
                  for f in layer.getFeatures())
    print(f"{len(rows)} Radarsat-1 scenes over Ottawa before 2013-03-29:")
    for date, record_id, beam in rows:
        print(f"  {record_id:>8}  {date}  beam {beam}")
    render(gpkg, png)
    print(f"Footprints GeoPackage: {gpkg}")
    print(f"Map: {png}")
    return 0 if rows else 1


if __name__ == "__main__":
    sys.exit(main())
