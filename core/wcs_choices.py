"""How a WCS 1.0.0 request is chosen from a coverage description, the same way in the WCS tab and in
``eo_order:wcs_getcoverage``: matching a QGIS CRS or a typed name to what the server offers, the
default format, native-resolution-only coverages."""

from qgis.core import QgsCoordinateReferenceSystem

from .wcs10 import is_tiff_format


def crs_from_code(code):
    """The QGIS CRS a WCS CRS code names (``EPSG:4326``, ``urn:ogc:def:crs:EPSG::4326``, ``CRS:84``)."""
    crs = QgsCoordinateReferenceSystem.fromOgcWmsCrs(code or "")
    return crs if crs.isValid() else QgsCoordinateReferenceSystem(code or "")


def offered_crs_code(crs, offered):
    """The code in ``offered`` (the server's spelling) that denotes the QGIS ``crs``, or None."""
    if crs is None or not crs.isValid():
        return None
    authid = crs.authid().lower()
    for code in offered:
        if authid and code.lower() == authid:
            return code
    for code in offered:
        other = crs_from_code(code)
        if other.isValid() and other == crs:
            return code
    return None


def native_crs_code(description):
    """The coverage's native CRS if it can be requested, else its first request CRS ('' if none)."""
    offered = description.request_crs
    for code in description.native_crs:
        match = next((o for o in offered if o.lower() == code.lower()), None)
        if match:
            return match
    if offered:
        return offered[0]
    return next(iter(description.native_crs), "") or description.grid_envelope_crs or ""


def offered_name(value, offered):
    """``value`` spelt as the server offers it (case-insensitive match), else ``value`` unchanged."""
    value = (value or "").strip()
    return next((o for o in offered if o.lower() == value.lower()), value)


def formats_native_first(description):
    """The coverage's formats, its native format first when it is one of them."""
    formats = list(description.formats)
    native = offered_name(description.native_format, formats)
    if native in formats:
        formats.remove(native)
        formats.insert(0, native)
    return formats


def default_format(description):
    """The native format if offered, else the first GeoTIFF-like format, else the first one."""
    formats = formats_native_first(description)
    native = offered_name(description.native_format, formats)
    if native and native in formats:
        return native
    return next((f for f in formats if is_tiff_format(f)), None) or next(iter(formats), description.native_format)


def only_native_resolution(description):
    """True when the server only offers interpolation 'none' (no resampling: no size may be given)."""
    return [i.lower() for i in description.interpolations] == ["none"]
