"""A real CSW 2.0.2 server (pycsw 2.6.2) on the loopback interface, for tests and demos.

    with PycswServer(records, workdir) as server:
        requests.post(server.url, data=get_records_xml)
        server.requests  # raw POST bodies the server received

CLI (run from the plugin root): ``python -m tools.pycsw_server --workdir DIR [--port N] --demo``
prints the endpoint URL as its first stdout line and serves until killed.
"""

import argparse
import configparser
import glob
import io
import logging
import os
import shutil
import signal
import socketserver
import sys
import threading
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer

from pycsw import server as pycsw_server
from pycsw.core import admin
from pycsw.core.config import StaticContext
from pycsw.core.repository import Repository

from .sample_records import THUMB_URL, demo_records

LOGGER = logging.getLogger(__name__)

TABLE = "records"


def write_config(path, *, url, database, maxrecords, logfile, profiles=""):
    """Write a pycsw 2.6 INI configuration file and return it as a ConfigParser. ``profiles``
    ``"apiso"`` makes pycsw answer ISO 19139 (outputSchema http://www.isotc211.org/2005/gmd)."""
    cfg = configparser.ConfigParser(interpolation=None)
    cfg["server"] = {
        "home": os.path.dirname(os.path.abspath(path)),
        "url": url,
        "mimetype": "application/xml; charset=UTF-8",
        "encoding": "UTF-8",
        "language": "en-US",
        "maxrecords": str(maxrecords),
        "loglevel": "WARNING",
        "logfile": logfile,
        "pretty_print": "true",
        # No gzip_compresslevel: pycsw 2.6.2 then sends gzip under a wrong Content-Length.
    }
    if profiles:
        cfg["server"]["profiles"] = profiles
    cfg["manager"] = {"transactions": "false", "allowed_ips": "127.0.0.1"}
    cfg["metadata:main"] = {
        "identification_title": "EO Order test catalogue",
        "identification_abstract": "Local pycsw with EODMS-shaped Radarsat records",
        "identification_keywords": "catalogue,discovery,radarsat",
        "identification_keywords_type": "theme",
        "identification_fees": "None",
        "identification_accessconstraints": "None",
        "provider_name": "EO Order tests",
        "provider_url": "http://127.0.0.1/",
        "contact_name": "Tester",
        "contact_position": "Tester",
        "contact_address": "None",
        "contact_city": "Ottawa",
        "contact_stateorprovince": "Ontario",
        "contact_postalcode": "K1A 0A1",
        "contact_country": "Canada",
        "contact_phone": "+1-000-000-0000",
        "contact_fax": "+1-000-000-0000",
        "contact_email": "tester@example.invalid",
        "contact_url": "http://127.0.0.1/",
        "contact_hours": "Always",
        "contact_instructions": "None",
        "contact_role": "pointOfContact",
    }
    cfg["metadata:inspire"] = {"enabled": "false"}
    cfg["repository"] = {"database": database, "table": TABLE}
    with open(path, "w", encoding="utf-8") as fh:
        cfg.write(fh)
    return cfg


class _ThreadingWSGIServer(socketserver.ThreadingMixIn, WSGIServer):
    daemon_threads = True
    allow_reuse_address = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - signature of the base class
        LOGGER.debug("%s - %s", self.address_string(), format % args)


class PycswServer:
    """pycsw serving ``records`` (csw:Record or ISO 19139 gmd:MD_Metadata XML strings or bytes)
    on 127.0.0.1. ``profiles="apiso"`` lets it answer in ISO 19139 too.

    Starts on construction; ``stop()`` or leaving the ``with`` block shuts it down.
    ``url`` is the CSW endpoint; ``requests`` the raw POST bodies received, in order.
    ``workdir`` receives records/*.xml, records.db, pycsw.cfg and pycsw.log.
    """

    def __init__(self, records, workdir, maxrecords=10, *, port=0, thumbnails=False, profiles=""):
        self.workdir = os.path.abspath(os.fspath(workdir))
        self.requests = []
        self._stopped = False
        os.makedirs(self.workdir, exist_ok=True)

        self._httpd = _ThreadingWSGIServer(("127.0.0.1", port), _QuietHandler)
        self._httpd.set_app(self._app)
        self.port = self._httpd.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}/csw"
        self.thumbnail_url = f"http://127.0.0.1:{self.port}/wes/getObject" if thumbnails else None
        if self.thumbnail_url:  # the records' EODMS thumbnail links point here instead
            records = [(r if isinstance(r, str) else bytes(r).decode("utf-8")).replace(THUMB_URL, self.thumbnail_url)
                       for r in records]

        self.database = "sqlite:///" + os.path.join(self.workdir, "records.db")
        count = self._load(records)

        self.config_path = os.path.join(self.workdir, "pycsw.cfg")
        self.logfile = os.path.join(self.workdir, "pycsw.log")
        cfg = write_config(
            self.config_path,
            url=self.url,
            database=self.database,
            maxrecords=maxrecords,
            logfile=self.logfile,
            profiles=profiles,
        )
        # pycsw would call logging.basicConfig() (process-wide) for loglevel/logfile on every
        # request; in-process we hand it the same settings minus those two and log ourselves.
        self._config = {section: dict(cfg[section]) for section in cfg.sections()}
        for key in ("loglevel", "logfile"):
            del self._config["server"][key]
        self._log_handler = logging.FileHandler(self.logfile, encoding="utf-8")
        self._log_handler.setLevel(logging.WARNING)
        logging.getLogger("pycsw").addHandler(self._log_handler)

        self.record_count = count
        self._thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"pycsw-{self.port}",
            daemon=True,
        )
        self._thread.start()

    def _load(self, records):
        recdir = os.path.join(self.workdir, "records")
        if os.path.isdir(recdir):
            shutil.rmtree(recdir)
        os.makedirs(recdir)
        dbfile = self.database[len("sqlite:///") :]
        if os.path.exists(dbfile):
            os.remove(dbfile)
        count = 0
        for count, record in enumerate(records, start=1):
            data = record.encode("utf-8") if isinstance(record, str) else bytes(record)
            with open(os.path.join(recdir, f"{count:05d}.xml"), "wb") as fh:
                fh.write(data)
        admin.setup_db(self.database, TABLE, self.workdir)
        loaded = admin.load_records(StaticContext(), self.database, TABLE, recdir)
        if len(loaded) != count:
            missing = sorted(set(glob.glob(os.path.join(recdir, "*.xml"))) - set(loaded))
            raise ValueError(
                f"pycsw loaded {len(loaded)} of {count} records; not loaded (malformed or "
                f"duplicate identifier): {', '.join(missing)}"
            )
        return count

    def _app(self, environ, start_response):
        if self.thumbnail_url and environ.get("PATH_INFO") == "/wes/getObject":
            image = radar_thumbnail(environ.get("QUERY_STRING", ""))
            start_response("200 OK", [("Content-Type", "image/png"), ("Content-Length", str(len(image)))])
            return [image]
        if environ["REQUEST_METHOD"] == "POST":
            try:
                length = int(environ.get("CONTENT_LENGTH") or 0)
            except ValueError:
                length = 0
            body = environ["wsgi.input"].read(length)
            self.requests.append(body)
            environ["wsgi.input"] = io.BytesIO(body)
            environ["CONTENT_LENGTH"] = str(len(body))
        environ["local.app_root"] = self.workdir
        csw = pycsw_server.Csw(self._config, environ)
        status, contents = csw.dispatch_wsgi()
        if isinstance(contents, str):
            contents = contents.encode("utf-8")
        start_response(
            status,
            [("Content-Type", str(csw.contenttype)), ("Content-Length", str(len(contents)))],
        )
        return [contents]

    def stop(self):
        if self._stopped:
            return
        self._stopped = True
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)
        logging.getLogger("pycsw").removeHandler(self._log_handler)
        self._log_handler.close()
        engine = Repository._engines.pop(self.database, None)
        if engine is not None:
            engine.dispose()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()

    def __repr__(self):
        return f"<PycswServer {self.url} ({self.record_count} records)>"


def radar_thumbnail(seed_text, width=160, height=120):
    """A PNG that looks like a radar thumbnail (speckled fields and a river), the same for the
    same ``seed_text``: for demos and screenshots without EODMS."""
    import zlib

    import numpy as np
    from osgeo import gdal

    rng = np.random.default_rng(zlib.crc32(seed_text.encode("utf-8")))
    y, x = np.mgrid[0:height, 0:width]
    fields = (rng.integers(60, 200, size=(6, 8))).repeat(height // 6 + 1, 0).repeat(width // 8 + 1, 1)
    image = fields[:height, :width] + rng.normal(0, 25, (height, width))
    river = np.abs(y - (height * 0.55 + 12 * np.sin(x / 17.0))) < 3
    image[river] = 15
    data = np.clip(image, 0, 255).astype(np.uint8)
    mem = gdal.GetDriverByName("MEM").Create("", width, height, 1, gdal.GDT_Byte)
    mem.GetRasterBand(1).WriteArray(data)
    return png_bytes(mem)


def png_bytes(dataset):
    """A GDAL dataset encoded as PNG, in memory (a path of its own per call: calls may overlap)."""
    import uuid

    from osgeo import gdal

    path = f"/vsimem/png_{uuid.uuid4().hex}.png"
    gdal.GetDriverByName("PNG").CreateCopy(path, dataset)
    handle = gdal.VSIFOpenL(path, "rb")
    gdal.VSIFSeekL(handle, 0, 2)
    size = gdal.VSIFTellL(handle)
    gdal.VSIFSeekL(handle, 0, 0)
    png = bytes(gdal.VSIFReadL(1, size, handle))
    gdal.VSIFCloseL(handle)
    gdal.Unlink(path)
    return png


def _read_record_dir(path):
    files = sorted(glob.glob(os.path.join(path, "*.xml")))
    if not files:
        raise SystemExit(f"no *.xml records in {path}")
    for name in files:
        with open(name, "rb") as fh:
            yield fh.read()


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m tools.pycsw_server",
        description="Serve a local pycsw CSW 2.0.2 catalogue on 127.0.0.1 until killed.",
    )
    parser.add_argument("--workdir", required=True, help="folder for the database, config and log")
    parser.add_argument("--port", type=int, default=0, help="port (default: a free one)")
    parser.add_argument("--maxrecords", type=int, default=10, help="server-side page cap")
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--demo", action="store_true", help="serve the demo Radarsat records")
    source.add_argument("--records", metavar="DIR", help="serve the csw:Record *.xml files in DIR")
    parser.add_argument("--thumbnails", action="store_true",
                        help="also serve generated thumbnails and point the records' THUMBVIEW links at them")
    args = parser.parse_args(argv)

    records = demo_records() if args.demo else list(_read_record_dir(args.records))
    server = PycswServer(records, args.workdir, args.maxrecords, port=args.port, thumbnails=args.thumbnails)
    print(server.url, flush=True)
    print(f"serving {server.record_count} records; config {server.config_path}", flush=True)

    done = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: done.set())
    try:
        done.wait()
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
