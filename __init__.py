"""EO Order – search, order and download satellite imagery from QGIS."""


def classFactory(iface):  # noqa: N802 - QGIS' plugin entry point
    from .plugin import EoOrderPlugin

    return EoOrderPlugin(iface)
