"""Connections: the built-in services plus the user's CSW 2.0.2 catalogues and WCS 1.0.0 servers.

A :class:`Connection` is a name, a kind (``csw``, ``wcs``, ``eodms_order``, ``cdse``, ``stac``), a
URL, an optional QGIS auth-config id and, for CSW catalogues, the CSW profile, the record schema and
two paging settings: *records per request* (``maxRecords`` asked in each GetRecords) and *parallel
requests* (how many pages are asked for at once; 1 = one after the other), used by
:class:`~.csw.CswClient`. The built-in ones (EODMS catalogue, EODMS RCM, EODMS ordering, Copernicus
Data Space, and three STAC APIs: Copernicus Data Space STAC, Earth Search, Planetary Computer) cannot
be removed or renamed; their auth config (and, for the catalogues, the paging settings) can be set.

Where things are kept (QgsSettings under ``eo_order/``, through :class:`~.settings.Settings`; never
a secret):

- the user's connections: ``connections/user``, a JSON list of ``{kind, name, url, profile}`` (one
  value, so names may hold any character and the order is the user's; catalogues also carry
  ``schema``, ``records_per_request`` and ``parallel_requests``); the built-in catalogues' paging
  settings: ``connections/builtin_paging``, JSON ``{url: {records_per_request, parallel_requests}}``;
- auth-config ids: per URL in ``auth/<hash of the URL>`` for catalogues and WCS servers (the keys
  EO Order used before connections existed), ``order/authcfg`` for EODMS ordering and
  ``cdse/authcfg`` for Copernicus Data Space.

The first time the store is read, the URL lists of earlier versions (``csw/custom_urls``,
``wcs/urls``) become user connections; those keys are left as they were.

Exchange files: :func:`connections_to_xml` writes EO Order's own format
(``<qgsEoOrderConnections version="1.0"><csw name url authcfg profile schema recordsPerRequest
parallelRequests/>…</…>``, every kind) or
QGIS' formats — MetaSearch's ``<qgsCSWConnections>`` and the WCS source manager's
``<qgsWCSConnections>`` — so that they can be loaded there; :func:`parse_connections_xml` reads
all three. QGIS' files may carry a username/password: those are never imported (the report says
so); make an auth config instead.
"""

import json
from dataclasses import dataclass, field, replace
from typing import Any, Collection, Iterable, List, Optional, Tuple, Union, cast
from urllib.parse import urlsplit

from lxml import etree

from .catalogs import BUILTIN, Catalog
from .csw import (
    DEFAULT_PARALLEL_REQUESTS,
    DEFAULT_RECORDS_PER_REQUEST,
    SCHEMAS,
    Profile,
    parallel_requests,
    records_per_request,
)
from .errors import InputError, refuse_userinfo, strip_userinfo
from .i18n import translate
from .settings import Settings
from .xmlsafe import PARSER_OPTIONS, local


def tr(text: str) -> str:
    return translate("EoOrderConnections", text)


CSW, WCS, EODMS_ORDER, CDSE, STAC = "csw", "wcs", "eodms_order", "cdse", "stac"
KINDS = (CSW, WCS, EODMS_ORDER, CDSE, STAC)
USER_KINDS = (CSW, WCS, STAC)
CATALOGUE_KINDS = (CSW, CDSE, STAC)  # the kinds the Search tab lists (core/catalogue.py)
KIND_LABELS = {CSW: "CSW 2.0.2 catalogue", WCS: "WCS 1.0.0 server", EODMS_ORDER: "EODMS ordering (WCS 2.0.1)",
               CDSE: "Copernicus Data Space", STAC: "STAC API"}
PROFILE_NAMES = {Profile.EODMS: "eodms", Profile.RCM: "rcm", Profile.GENERIC: "generic"}
PROFILES_BY_NAME = {name: profile for profile, name in PROFILE_NAMES.items()}

FORMAT_EO_ORDER, FORMAT_QGIS_CSW, FORMAT_QGIS_WCS = "eo_order", "qgis_csw", "qgis_wcs"
ROOT_EO_ORDER, ROOT_QGIS_CSW, ROOT_QGIS_WCS = "qgsEoOrderConnections", "qgsCSWConnections", "qgsWCSConnections"
MAX_FILE_BYTES = 10 << 20
MAX_NAME = 200

BUILTIN_PAGING_KEY = "connections/builtin_paging"  # JSON {url: {records_per_request, parallel_requests}}

NAME_EODMS_ORDER = "EODMS ordering"
NAME_CDSE = "Copernicus Data Space"
# Built-in STAC APIs (name, URL): searched like any other STAC API; their auth config is per URL.
BUILTIN_STAC = (
    ("Copernicus Data Space STAC", "https://stac.dataspace.copernicus.eu/v1"),
    ("Earth Search", "https://earth-search.aws.element84.com/v1"),
    ("Planetary Computer", "https://planetarycomputer.microsoft.com/api/stac/v1"),
)


@dataclass(frozen=True)
class Connection:
    name: str
    kind: str
    url: str
    authcfg: str = ""
    builtin: bool = False
    profile: Optional[Profile] = None  # catalogues only
    schema: str = "dc"  # catalogues only: the record schema asked for, "dc" or "iso"
    records_per_request: int = DEFAULT_RECORDS_PER_REQUEST  # catalogues only: maxRecords asked per request
    parallel_requests: int = DEFAULT_PARALLEL_REQUESTS  # catalogues only: requests in flight at once

    def __post_init__(self):
        if self.kind == CSW and self.profile is None:
            object.__setattr__(self, "profile", Profile.GENERIC)
        object.__setattr__(self, "records_per_request", records_per_request(self.records_per_request))
        object.__setattr__(self, "parallel_requests", parallel_requests(self.parallel_requests))

    @property
    def key(self) -> Tuple[str, str]:
        return (self.kind, self.name)

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)

    @property
    def catalog(self) -> Catalog:
        """The :class:`~.catalogs.Catalog` a search uses (catalogues only)."""
        return Catalog(self.name, self.url, cast(Profile, self.profile), self.schema, self.records_per_request,
                       self.parallel_requests)

    @property
    def needs_auth(self) -> bool:
        return self.kind in (EODMS_ORDER, CDSE) or self.profile == Profile.RCM


def _paging(record):
    """The paging settings of a stored record / file element (defaults when absent or unreadable)."""
    record = record if isinstance(record, dict) else {}
    return {"records_per_request": records_per_request(record.get("records_per_request")),
            "parallel_requests": parallel_requests(record.get("parallel_requests"))}


def _schema(value):
    """A stored record schema key ("dc" unless it is a known other one)."""
    value = (value or "").strip().lower()
    return value if value in SCHEMAS else "dc"


@dataclass
class ImportReport:
    """What an import did: connections added, replaced, renamed (old name → new name), left
    unchanged (already there), skipped (name, reason); names whose username/password was dropped;
    (name, id) of auth configs that are not in this QGIS' authentication database."""

    added: List[Connection] = field(default_factory=list)
    replaced: List[Connection] = field(default_factory=list)
    renamed: List[Tuple[str, str]] = field(default_factory=list)
    unchanged: List[Connection] = field(default_factory=list)
    skipped: List[Tuple[str, str]] = field(default_factory=list)
    dropped_credentials: List[str] = field(default_factory=list)
    unknown_authcfg: List[Tuple[str, str]] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.added or self.replaced)


# --- validation ------------------------------------------------------------------------------


def validate_url(url: Optional[str], kind: str = CSW) -> str:
    """``url`` stripped, or InputError saying what is wrong with it."""
    what = KIND_LABELS.get(kind, "service")
    url = (url or "").strip()
    if not url:
        raise InputError(tr("Enter the URL of the {0}.").format(what))
    if any(c.isspace() for c in url):
        raise InputError(tr("{0!r} is not a valid URL: it contains spaces.").format(url))
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise InputError(tr(
            "{0!r} is not a valid URL for a {1}: it must start with http:// or https://.").format(url, what))
    try:
        parts.port  # noqa: B018 - raises ValueError for a port out of range or not a number
    except ValueError:
        raise InputError(tr("{0!r} is not a valid URL: its port is not a number from 1 to 65535.").format(
            url)) from None
    if not parts.hostname:
        raise InputError(tr("{0!r} is not a valid URL: it names no server after {1}://.").format(url, parts.scheme))
    return refuse_userinfo(url, f"the {what}")


def validate_name(name: Optional[str]) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise InputError(tr("Give the connection a name."))
    if len(name) > MAX_NAME:
        raise InputError(tr("The name is too long ({0} characters, at most {1}).").format(len(name), MAX_NAME))
    return name


def default_name(url: Optional[str]) -> str:
    """A name for a connection made from a URL alone: the URL without its scheme."""
    parts = urlsplit((url or "").strip())
    name = parts.netloc + parts.path.rstrip("/") + (f"?{parts.query}" if parts.query else "")
    return (name or url or "").strip()[:MAX_NAME]


def unique_name(name: str, taken: Collection[str]) -> str:
    """``name``, or ``name (2)``, ``name (3)``… — the first not in ``taken``."""
    if name not in taken:
        return name
    n = 2
    while f"{name} ({n})" in taken:
        n += 1
    return f"{name} ({n})"


# --- the store -------------------------------------------------------------------------------


class ConnectionStore:
    """Built-in and user connections, kept in QgsSettings through a :class:`~.settings.Settings`."""

    def __init__(self, settings: Optional[Settings] = None) -> None:
        self.settings = settings or Settings()

    # reading

    def builtins(self) -> List[Connection]:
        s = self.settings
        paging = self._builtin_paging()
        return [Connection(c.label, CSW, c.url, s.authcfg_for(c.url), True, c.profile,
                           **_paging(paging.get(c.url))) for c in BUILTIN] + [
            Connection(NAME_EODMS_ORDER, EODMS_ORDER, s.order_wcs_url, s.order_authcfg, True),
            Connection(NAME_CDSE, CDSE, s.cdse_urls[0], s.cdse_authcfg, True),
        ] + [Connection(name, STAC, url, s.authcfg_for(url), True) for name, url in BUILTIN_STAC]

    def user(self, kind: Optional[str] = None) -> List[Connection]:
        return [self._from_record(r) for r in self._records() if kind is None or r["kind"] == kind]

    def all(self, kind: Optional[str] = None) -> List[Connection]:
        """Built-ins first, then the user's connections in the order added."""
        return [c for c in self.builtins() if kind is None or c.kind == kind] + self.user(kind)

    def find(self, kind: Optional[str], name: str) -> Optional[Connection]:
        return next((c for c in self.all(kind) if c.name == name), None)

    def find_url(self, kind: Optional[str], url: Optional[str]) -> Optional[Connection]:
        url = (url or "").strip()
        return next((c for c in self.all(kind) if c.url == url), None)

    # writing

    def add(self, connection: Connection) -> Connection:
        """Add a user connection (validated; InputError if its name or URL is taken)."""
        connection = self._validated(connection)
        self._check_free(connection)
        self._save(self._records() + [self._record(connection)])
        self._store_authcfg(connection)
        return connection

    def update(self, old: Connection, new: Connection) -> Connection:
        """Replace ``old`` by ``new``; for a built-in only the auth config changes."""
        if old.builtin:
            self.set_authcfg(old, new.authcfg)
            if old.kind == CSW:  # and the paging settings
                paging = self._builtin_paging()
                paging[old.url] = {"records_per_request": new.records_per_request,
                                   "parallel_requests": new.parallel_requests}
                self.settings._set(BUILTIN_PAGING_KEY, json.dumps(paging))
                return replace(old, authcfg=new.authcfg or "", records_per_request=new.records_per_request,
                               parallel_requests=new.parallel_requests)
            return replace(old, authcfg=new.authcfg or "")
        new = self._validated(new)
        self._check_free(new, ignore=old)
        records = self._records()
        index = self._index(records, old)
        if index is None:
            raise InputError(tr("The connection “{0}” no longer exists.").format(old.name))
        records[index] = self._record(new)
        self._save(records)
        if old.url != new.url and not self._url_in_use(old.url, records):
            self.settings.set_authcfg_for(old.url, "")
        self._store_authcfg(new)
        return new

    def remove(self, connection: Connection) -> None:
        if connection.builtin:
            raise InputError(tr("“{0}” is built in: it cannot be removed.").format(connection.name))
        records = self._records()
        index = self._index(records, connection)
        if index is not None:
            del records[index]
            self._save(records)

    def set_authcfg(self, connection: Connection, authcfg: Optional[str]) -> None:
        authcfg = (authcfg or "").strip()
        if connection.kind == EODMS_ORDER:
            self.settings.order_authcfg = authcfg
        elif connection.kind == CDSE:
            self.settings.cdse_authcfg = authcfg
        else:
            self.settings.set_authcfg_for(connection.url, authcfg)

    def ensure(self, kind: str, url: str, name: Optional[str] = None) -> Connection:
        """The connection of this kind with this URL, added (named after the URL) if missing."""
        url = validate_url(url, kind)
        existing = self.find_url(kind, url)
        if existing is not None:
            return existing
        taken = {c.name for c in self.all(kind)}
        name = unique_name(validate_name(name) if name else default_name(url), taken)
        return self.add(Connection(name, kind, url, self.settings.authcfg_for(url)))

    # exchange

    def export_xml(self, connections: Iterable[Connection], fmt: str = FORMAT_EO_ORDER) -> bytes:
        return connections_to_xml(connections, fmt)

    def import_xml(self, data: Union[bytes, str], replace_existing: bool = False,
                   known_authcfgs: Optional[Iterable[str]] = None) -> ImportReport:
        connections, dropped = parse_connections_xml(data)
        report = self.import_connections(connections, replace_existing, known_authcfgs)
        report.dropped_credentials[:0] = dropped
        return report

    def import_connections(self, connections: Iterable[Connection], replace_existing: bool = False,
                           known_authcfgs: Optional[Iterable[str]] = None) -> ImportReport:
        """Add ``connections``; a name already taken (same kind, other URL) is replaced when
        ``replace_existing``, else the newcomer is renamed “name (2)”. A URL already there is the
        same connection: it takes the newcomer's name and auth config only when replacing (an empty
        auth config is filled in either way). Built-ins take only an auth config."""
        report = ImportReport()
        known = _known_authcfgs() if known_authcfgs is None else set(known_authcfgs)
        for incoming in connections:
            try:
                self._import_one(incoming, replace_existing, report)
            except InputError as exc:
                report.skipped.append((incoming.name or strip_userinfo(incoming.url), str(exc)))
                continue
            if incoming.authcfg and known is not None and incoming.authcfg not in known:
                report.unknown_authcfg.append((incoming.name, incoming.authcfg))
        return report

    def _import_one(self, incoming, replace_existing, report):
        if incoming.kind not in KINDS:
            raise InputError(tr("unknown kind {0!r}").format(incoming.kind))
        builtin = self._matching_builtin(incoming)
        if builtin is not None:
            if incoming.authcfg and incoming.authcfg != builtin.authcfg and (replace_existing or not builtin.authcfg):
                self.set_authcfg(builtin, incoming.authcfg)
                report.replaced.append(replace(builtin, authcfg=incoming.authcfg))
            else:
                report.unchanged.append(builtin)
            return
        if incoming.kind not in USER_KINDS:
            raise InputError(tr("{0} is built in; a second one cannot be added").format(KIND_LABELS[incoming.kind]))
        url = validate_url(incoming.url, incoming.kind)
        name = validate_name(incoming.name or default_name(url))
        incoming = replace(incoming, name=name, url=url, builtin=False)
        same_url = next((c for c in self.user(incoming.kind) if c.url == url), None)
        if same_url is not None:
            if replace_existing:
                taken = {c.name for c in self.all(incoming.kind)} - {same_url.name}
                new = replace(incoming, name=name if name not in taken else same_url.name,
                              authcfg=incoming.authcfg or same_url.authcfg)
                if new != same_url:
                    report.replaced.append(self.update(same_url, new))
                    return
            elif incoming.authcfg and not same_url.authcfg:
                self.set_authcfg(same_url, incoming.authcfg)
                report.replaced.append(replace(same_url, authcfg=incoming.authcfg))
                return
            report.unchanged.append(same_url)
            return
        same_name = self.find(incoming.kind, name)
        if same_name is not None:
            if replace_existing and not same_name.builtin:
                report.replaced.append(self.update(same_name, incoming))
                return
            new_name = unique_name(name, {c.name for c in self.all(incoming.kind)})
            incoming = replace(incoming, name=new_name)
            report.renamed.append((name, new_name))
        report.added.append(self.add(incoming))

    def _matching_builtin(self, incoming):
        for builtin in self.builtins():
            if builtin.kind != incoming.kind:
                continue
            if incoming.kind in (EODMS_ORDER, CDSE) or builtin.url == (incoming.url or "").strip():
                return builtin
        return None

    def qgis_connections(self, qsettings: Any = None) -> Tuple[List[Connection], List[str]]:
        """The user's connections in QGIS itself: the WCS source manager's
        (``qgis/connections-wcs/<name>/url``, auth config ``qgis/WCS/<name>/authcfg``) and
        MetaSearch's CSW catalogues (``MetaSearch/<name>/url``). Returns (connections, names of those
        that carry a username/password, which are not taken)."""
        if qsettings is None:
            from qgis.core import QgsSettings

            qsettings = QgsSettings()
        found, with_password = [], []
        for kind, group, credentials in ((WCS, "qgis/connections-wcs", "qgis/WCS"), (CSW, "MetaSearch", "MetaSearch")):
            qsettings.beginGroup(group)
            names = list(qsettings.childGroups())
            qsettings.endGroup()
            for name in names:
                url = (qsettings.value(f"{group}/{name}/url", "", type=str) or "").strip()
                if not url:
                    continue
                authcfg = qsettings.value(f"{credentials}/{name}/authcfg", "", type=str) or ""
                if qsettings.value(f"{credentials}/{name}/username", "", type=str):
                    with_password.append(name)
                found.append(Connection(name, kind, url, authcfg.strip()))
        return found, with_password

    # storage

    def _builtin_paging(self):
        """{url: {records_per_request, parallel_requests}} of the built-in catalogues."""
        try:
            paging = json.loads(self.settings._get(BUILTIN_PAGING_KEY, "", str) or "{}")
        except ValueError:
            return {}
        return paging if isinstance(paging, dict) else {}

    def _records(self):
        text = self.settings.user_connections
        if text is None:
            return self._migrate()
        try:
            records = json.loads(text)
        except ValueError:
            return []
        return [r for r in records if isinstance(r, dict) and r.get("kind") in USER_KINDS and r.get("url")
                and r.get("name")] if isinstance(records, list) else []

    def _save(self, records):
        self.settings.user_connections = json.dumps(records, ensure_ascii=False)

    def _migrate(self):
        """Turn the URL lists of earlier versions into connections (once)."""
        records, taken = [], {CSW: {c.label for c in BUILTIN}, WCS: set()}
        builtin_urls = {c.url for c in BUILTIN}
        for kind, urls in ((CSW, self.settings.legacy_csw_urls), (WCS, self.settings.legacy_wcs_urls)):
            seen = set()
            for url in urls:
                url = url.strip()
                if url in seen or (kind == CSW and url in builtin_urls):
                    continue
                seen.add(url)
                name = unique_name(default_name(url), taken[kind])
                taken[kind].add(name)
                records.append({"kind": kind, "name": name, "url": url, "profile": "generic" if kind == CSW else ""})
        self._save(records)
        return records

    def _from_record(self, record):
        kind = record["kind"]
        profile = PROFILES_BY_NAME.get(record.get("profile") or "generic", Profile.GENERIC) if kind == CSW else None
        return Connection(record["name"], kind, record["url"], self.settings.authcfg_for(record["url"]), False, profile,
                          _schema(record.get("schema")), **_paging(record))

    @staticmethod
    def _record(connection):
        profile = PROFILE_NAMES[connection.profile] if connection.kind == CSW else ""
        record = {"kind": connection.kind, "name": connection.name, "url": connection.url, "profile": profile}
        if connection.kind == CSW and connection.schema != "dc":
            record["schema"] = connection.schema
        if connection.kind == CSW:
            record["records_per_request"] = connection.records_per_request
            record["parallel_requests"] = connection.parallel_requests
        return record

    @staticmethod
    def _index(records, connection):
        return next((i for i, r in enumerate(records)
                     if r["kind"] == connection.kind and r["name"] == connection.name), None)

    @staticmethod
    def _url_in_use(url, records):
        return any(r["url"] == url for r in records)

    def _validated(self, connection):
        if connection.kind not in USER_KINDS:
            raise InputError(tr(
                "Only CSW catalogues, WCS servers and STAC APIs can be added, not {0!r}.").format(connection.kind))
        profile = connection.profile if connection.kind == CSW else None
        return replace(connection, name=validate_name(connection.name),
                       url=validate_url(connection.url, connection.kind),
                       authcfg=(connection.authcfg or "").strip(), builtin=False, profile=profile)

    def _check_free(self, connection, ignore=None):
        for other in self.all(connection.kind):
            if ignore is not None and other.key == ignore.key and not other.builtin:
                continue
            if other.name == connection.name:
                raise InputError(tr(
                    "There is already a {0} named “{1}”: choose another name.").format(
                    connection.kind_label, connection.name))
            if other.url == connection.url:
                raise InputError(tr("“{0}” already connects to {1}.").format(other.name, connection.url))

    def _store_authcfg(self, connection):
        self.settings.set_authcfg_for(connection.url, connection.authcfg)


def _known_authcfgs():
    """Ids in QGIS' authentication database (None when it cannot be asked)."""
    try:
        from qgis.core import QgsApplication

        manager = QgsApplication.authManager()
        return set(manager.configIds()) if manager is not None else None
    except Exception:  # noqa: BLE001 - outside QGIS: nothing to check against
        return None


# --- exchange files --------------------------------------------------------------------------


def connections_to_xml(connections, fmt=FORMAT_EO_ORDER):
    """An exchange file (bytes, UTF-8) of ``connections``.

    ``FORMAT_EO_ORDER`` keeps every kind, profile, auth-config id and the built-in flag;
    ``FORMAT_QGIS_CSW`` (MetaSearch) and ``FORMAT_QGIS_WCS`` (QGIS' WCS source manager) keep the
    name and URL of the catalogues / WCS servers only (InputError when there are none).
    """
    connections = list(connections)
    if fmt == FORMAT_EO_ORDER:
        root = etree.Element(ROOT_EO_ORDER, version="1.0")
        for c in connections:
            element = etree.SubElement(root, c.kind, name=c.name, url=c.url)
            if c.authcfg:
                element.set("authcfg", c.authcfg)
            if c.kind == CSW:
                element.set("profile", PROFILE_NAMES[c.profile])
                if c.schema != "dc":
                    element.set("schema", c.schema)
                element.set("recordsPerRequest", str(c.records_per_request))
                element.set("parallelRequests", str(c.parallel_requests))
            if c.builtin:
                element.set("builtin", "true")
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    kind, root_tag, what = {FORMAT_QGIS_CSW: (CSW, ROOT_QGIS_CSW, "CSW catalogues (MetaSearch)"),
                            FORMAT_QGIS_WCS: (WCS, ROOT_QGIS_WCS, "WCS servers (QGIS' WCS connections)")}.get(
        fmt, (None, None, None))
    if kind is None:
        raise InputError(tr("Unknown connections file format {0!r}.").format(fmt))
    chosen = [c for c in connections if c.kind == kind]
    if not chosen:
        raise InputError(tr("None of the chosen connections fits this format: it holds {0} only.").format(what))
    root = etree.Element(root_tag, version="1.0")
    for c in chosen:
        etree.SubElement(root, kind, name=c.name, url=c.url)
    text = etree.tostring(root, encoding="unicode", pretty_print=True)
    doctype = "<!DOCTYPE connections>\n" if fmt == FORMAT_QGIS_WCS else ""  # as QGIS writes it
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + doctype + text).encode("utf-8")


def parse_connections_xml(data: Union[bytes, str],
                          source: str = "The file") -> Tuple[List[Connection], List[str]]:
    """Connections of an exchange file (EO Order's, MetaSearch's or QGIS' WCS format).

    Returns (connections, names whose username/password was left out). Unreadable or foreign
    files raise InputError. Parsed safely: no entities, no DTD, no network.
    """
    if isinstance(data, str):
        data = data.encode("utf-8")
    if not data or not data.strip():
        raise InputError(tr("{0} is empty: it holds no connections.").format(source))
    if len(data) > MAX_FILE_BYTES:
        raise InputError(tr("{0} is too large ({1} MB) for a connections file.").format(source, len(data) >> 20))
    try:
        root = etree.fromstring(data, etree.XMLParser(**PARSER_OPTIONS))
    except etree.XMLSyntaxError as exc:
        raise InputError(tr(
            "{0} is not readable XML ({1}). Choose a connections file exported by EO Order, MetaSearch or QGIS' WCS "
            "connections.").format(source, exc)) from None
    if root is None:
        raise InputError(tr("{0} holds no XML element.").format(source))
    tag = local(root.tag)
    if tag == ROOT_EO_ORDER:
        kinds: Tuple[str, ...] = KINDS
    elif tag == ROOT_QGIS_CSW:
        kinds = (CSW,)
    elif tag == ROOT_QGIS_WCS:
        kinds = (WCS,)
    else:
        raise InputError(tr(
            "{0} is not a connections file: it is a <{1}> document, not <{2}>, <{3}> (MetaSearch) or <{4}> (QGIS "
            "WCS).").format(source, tag, ROOT_EO_ORDER, ROOT_QGIS_CSW, ROOT_QGIS_WCS))
    connections, with_password = [], []
    for element in root:
        kind = local(element.tag)
        if kind not in kinds:
            continue
        name = " ".join((element.get("name") or "").split())
        url = (element.get("url") or "").strip()
        if element.get("username") or element.get("password"):
            with_password.append(name or url)
        profile = None
        if kind == CSW:
            profile = PROFILES_BY_NAME.get((element.get("profile") or "generic").strip().lower(), Profile.GENERIC)
        connections.append(Connection(name, kind, url, (element.get("authcfg") or "").strip(),
                                      (element.get("builtin") or "").lower() == "true", profile,
                                      _schema(element.get("schema")),
                                      **_paging({"records_per_request": element.get("recordsPerRequest"),
                                                 "parallel_requests": element.get("parallelRequests")})))
    return connections, with_password
