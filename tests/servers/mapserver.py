"""A real WCS 1.0.0 server for tests: MapServer 8 (``mapserv``) run as CGI behind a loopback server.

    tif = make_test_tiff(tmp_path / "dem.tif")            # value = row * width + col
    with MapServerWcs(tmp_path, tif, coverage="dem") as wcs:
        requests.get(wcs.url, params={"SERVICE": "WCS", "VERSION": "1.0.0", "REQUEST": "GetCapabilities"})
        wcs.requests  # RecordedRequests received (method, path, query, headers, body)

The mapfile serves one RASTER layer (the GeoTIFF) with the wcs_* metadata MapServer needs
(extent, resolution, size and band count are read from the file with GDAL) and one GDAL/GTiff
OUTPUTFORMAT. MapServer 8 reads its config file from ``MAPSERVER_CONFIG_FILE``; the config's
``MS_MAPFILE`` names the mapfile, so requests need no ``map=`` key. Each HTTP request runs
``mapserv`` once (CGI: REQUEST_METHOD, QUERY_STRING, CONTENT_TYPE/CONTENT_LENGTH + stdin for POST);
its ``Status``/``Content-Type`` headers and body are relayed. Capabilities advertise
``<base_url><online_path>?`` as the Get/Post OnlineResource (any path reaches mapserv).
"""

import os
import shutil
import subprocess
from pathlib import Path

from .canned import LoopbackServer

MAPSERV = shutil.which("mapserv") or "/usr/bin/mapserv"
GTIFF_TYPES = {"Byte": "BYTE", "UInt16": "INT16", "Int16": "INT16", "Float32": "FLOAT32"}


def make_test_tiff(path, width=64, height=48, bbox=(-76.5, 44.9, -75.2, 45.6), epsg=4326,
                   data_type="Float32", bands=1):
    """Write a north-up GeoTIFF whose pixel (row, col) of band b (1-based) is
    ``row * width + col + (b - 1) * width * height``; returns ``path`` as str."""
    from osgeo import gdal, gdal_array, osr

    gdal.UseExceptions()
    minx, miny, maxx, maxy = bbox
    gdal_type = gdal.GetDataTypeByName(data_type)
    numeric_type = gdal_array.GDALTypeCodeToNumericTypeCode(gdal_type)
    ds = gdal.GetDriverByName("GTiff").Create(str(path), width, height, bands, gdal_type)
    ds.SetGeoTransform((minx, (maxx - minx) / width, 0.0, maxy, 0.0, -(maxy - miny) / height))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    ds.SetProjection(srs.ExportToWkt())
    for band in range(1, bands + 1):
        ds.GetRasterBand(band).WriteArray(expected_pixels(width, height, band).astype(numeric_type))
    ds.FlushCache()
    ds = None
    return str(path)


def expected_pixels(width, height, band=1):
    """The pixel values :func:`make_test_tiff` writes (float64 array, rows × cols)."""
    import numpy as np

    rows, cols = np.mgrid[0:height, 0:width]
    return (rows * width + cols + (band - 1) * width * height).astype("float64")


def _raster_facts(tif_path):
    from osgeo import gdal, osr

    gdal.UseExceptions()
    ds = gdal.Open(str(tif_path))
    try:
        gt = ds.GetGeoTransform()
        width, height = ds.RasterXSize, ds.RasterYSize
        extent = (gt[0], gt[3] + gt[5] * height, gt[0] + gt[1] * width, gt[3])
        srs = osr.SpatialReference(wkt=ds.GetProjection())
        srs.AutoIdentifyEPSG()
        epsg = int(srs.GetAuthorityCode(None) or 4326)
        data_type = gdal.GetDataTypeName(ds.GetRasterBand(1).DataType)
        return dict(width=width, height=height, extent=extent, resx=gt[1], resy=-gt[5], epsg=epsg,
                    bands=ds.RasterCount, data_type=data_type)
    finally:
        ds = None


def _q(text):
    return '"' + str(text).replace("\\", "\\\\").replace('"', '\\"') + '"'


class MapServerWcs(LoopbackServer):
    """MapServer 8 serving ``tif_path`` as WCS coverage ``coverage`` on 127.0.0.1.

    label: the coverage's wcs_label. srs: ows_srs (space-separated EPSG codes).
    formats: OUTPUTFORMAT names offered (wcs_formats); each is a GDAL/GTiff format.
    online_path: path advertised as the OnlineResource (clients must use it).
    layer_metadata: extra LAYER METADATA items (e.g. wcs_rangeset_axes, wcs_timeposition).
    """

    def __init__(self, workdir, tif_path, *, coverage="dem", label="Test elevation model",
                 service_label="EO Order test WCS", srs="EPSG:4326 EPSG:3857", formats=("GTiff",),
                 online_path="/cgi-bin/wcs", layer_metadata=None, port=0, timeout=60):
        self.workdir = Path(workdir).resolve()
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.tif_path = Path(tif_path).resolve()
        self.coverage = coverage
        self.facts = _raster_facts(self.tif_path)
        self.timeout = timeout
        self.online_path = online_path if online_path.startswith("/") else "/" + online_path
        self.mapfile = self.workdir / "wcs.map"
        self.config_file = self.workdir / "mapserver.conf"
        super().__init__(port)  # binds the port: the URL goes into the mapfile
        self.url = self.base_url + self.online_path + "?"
        self.config_file.write_text(
            "CONFIG\n  ENV\n"
            f"    MS_MAP_PATTERN {_q('^' + str(self.workdir) + '/')}\n"
            f"    MS_MAPFILE {_q(self.mapfile)}\n"
            "  END\nEND\n",
            encoding="utf-8",
        )
        self.mapfile.write_text(
            self._mapfile(label, service_label, srs, formats, layer_metadata or {}), encoding="utf-8"
        )

    @property
    def requests(self):
        """The RecordedRequests received so far, oldest first."""
        return self.recorded

    def _mapfile(self, label, service_label, srs, formats, layer_metadata):
        f = self.facts
        minx, miny, maxx, maxy = f["extent"]
        imagemode = GTIFF_TYPES.get(f["data_type"], "FLOAT32")
        outputs = "".join(
            f"""
  OUTPUTFORMAT
    NAME {_q(name)}
    DRIVER "GDAL/GTiff"
    MIMETYPE "image/tiff"
    IMAGEMODE {imagemode}
    EXTENSION "tif"
  END"""
            for name in formats
        )
        metadata = {
            "wcs_label": label,
            "wcs_rangeset_name": "values",
            "wcs_rangeset_label": "Pixel values",
            "wcs_formats": " ".join(formats),
            "wcs_nativeformat": "GeoTIFF",
            "wcs_extent": f"{minx!r} {miny!r} {maxx!r} {maxy!r}",
            "wcs_resolution": f"{f['resx']!r} {f['resy']!r}",
            "wcs_size": f"{f['width']} {f['height']}",
            "wcs_bandcount": str(f["bands"]),
            "wcs_srs": srs,
        }
        metadata.update(layer_metadata)
        layer_meta = "\n".join(f"      {_q(k)} {_q(v)}" for k, v in metadata.items())
        return f"""MAP
  NAME "eo_order_wcs"
  STATUS ON
  EXTENT {minx!r} {miny!r} {maxx!r} {maxy!r}
  SIZE {f['width']} {f['height']}
  UNITS {"DD" if f['epsg'] == 4326 else "METERS"}
  PROJECTION
    "init=epsg:{f['epsg']}"
  END{outputs}
  WEB
    METADATA
      "wcs_enable_request" "*"
      "wcs_label" {_q(service_label)}
      "wcs_description" "MapServer 8 serving a GDAL test raster for EO Order's tests"
      "wcs_onlineresource" {_q(self.url)}
      "ows_srs" {_q(srs)}
    END
  END
  LAYER
    NAME {_q(self.coverage)}
    TYPE RASTER
    STATUS ON
    DATA {_q(self.tif_path)}
    PROJECTION
      "init=epsg:{f['epsg']}"
    END
    METADATA
{layer_meta}
    END
  END
END
"""

    def cgi_environ(self, recorded):
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "MAPSERVER_CONFIG_FILE": str(self.config_file),
            "GATEWAY_INTERFACE": "CGI/1.1",
            "SERVER_PROTOCOL": "HTTP/1.0",
            "SERVER_SOFTWARE": "eo-order-tests",
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": str(self.port),
            "HTTP_HOST": f"127.0.0.1:{self.port}",
            "SCRIPT_NAME": recorded.path,
            "REQUEST_METHOD": recorded.method,
            "QUERY_STRING": recorded.query,
        }
        for name in ("PROJ_LIB", "PROJ_DATA", "GDAL_DATA"):
            if os.environ.get(name):
                env[name] = os.environ[name]
        if recorded.method == "POST":
            content_type = next((v for k, v in recorded.headers.items() if k.lower() == "content-type"), "")
            env["CONTENT_TYPE"] = content_type
            env["CONTENT_LENGTH"] = str(len(recorded.body))
        return env

    def handle(self, recorded):
        try:
            done = subprocess.run(
                [MAPSERV], input=recorded.body if recorded.method == "POST" else b"",
                env=self.cgi_environ(recorded), capture_output=True, timeout=self.timeout, check=False,
            )
        except subprocess.TimeoutExpired:
            return 504, {"Content-Type": "text/plain"}, b"mapserv timed out", 0
        return (*parse_cgi_output(done.stdout, done.stderr), 0)


def parse_cgi_output(stdout, stderr=b""):
    """(status, headers, body) from a CGI program's output."""
    for separator in (b"\r\n\r\n", b"\n\n"):
        head, found, body = stdout.partition(separator)
        if found:
            break
    else:
        message = b"mapserv wrote no CGI headers. stderr: " + stderr[-2000:]
        return 502, {"Content-Type": "text/plain"}, message
    status, headers = 200, {}
    for line in head.decode("latin-1").splitlines():
        name, _, value = line.partition(":")
        name, value = name.strip(), value.strip()
        if not name:
            continue
        if name.lower() == "status":
            status = int(value.split()[0])
        elif name.lower() != "content-length":
            headers[name] = value
    return status, headers, body
