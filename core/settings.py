"""All QgsSettings keys of the plugin, behind one typed wrapper.

Secrets never go here: only QGIS auth-config ids (see :mod:`.auth`).
"""

import hashlib
from typing import Any, List, Optional, Tuple

from qgis.core import QgsSettings

from .names import PLUGIN_NAME

PREFIX = "eo_order/"


class Settings:
    def __init__(self, settings: Any = None) -> None:
        self._s = settings or QgsSettings()

    def _get(self, key, default, kind):
        return self._s.value(PREFIX + key, default, type=kind)

    def _set(self, key, value):
        self._s.setValue(PREFIX + key, value)

    # --- connections (see core/connections.py) -----------------------------------------

    @property
    def user_connections(self) -> Optional[str]:
        """The user's connections as saved (a JSON list of {kind, name, url, profile}); None when
        never saved yet (then the lists of earlier versions are migrated)."""
        if not self._s.contains(PREFIX + "connections/user"):
            return None
        return self._get("connections/user", "[]", str) or "[]"

    @user_connections.setter
    def user_connections(self, text: str) -> None:
        self._set("connections/user", text)

    @property
    def legacy_csw_urls(self) -> List[str]:
        """CSW URLs saved by EO Order before connections existed (``csw/custom_urls``; read once)."""
        return [u for u in _string_list(self._s.value(PREFIX + "csw/custom_urls", [])) if u.strip()]

    @property
    def legacy_wcs_urls(self) -> List[str]:
        """WCS URLs saved by EO Order before connections existed (``wcs/urls``; read once)."""
        return [u for u in _string_list(self._s.value(PREFIX + "wcs/urls", [])) if u.strip()]

    @property
    def wcs_last_url(self) -> str:
        return self._get("wcs/last_url", "", str)

    @wcs_last_url.setter
    def wcs_last_url(self, url: Optional[str]) -> None:
        self._set("wcs/last_url", (url or "").strip())

    def authcfg_for(self, catalog_url: str) -> str:
        return self._get(f"auth/{_key(catalog_url)}", "", str)

    def set_authcfg_for(self, catalog_url: str, authcfg_id: Optional[str]) -> None:
        self._set(f"auth/{_key(catalog_url)}", authcfg_id or "")

    @property
    def last_catalog(self) -> str:
        return self._get("csw/last_catalog", "", str)

    @last_catalog.setter
    def last_catalog(self, url: str) -> None:
        self._set("csw/last_catalog", url)

    @property
    def max_records(self) -> int:
        return self._get("csw/max_records", 1000, int)

    @max_records.setter
    def max_records(self, value: int) -> None:
        self._set("csw/max_records", int(value))

    @property
    def order_wcs_url(self) -> str:
        from .eodms_order import EODMS_WCS_URL

        return self._get("order/wcs_url", EODMS_WCS_URL, str) or EODMS_WCS_URL

    @order_wcs_url.setter
    def order_wcs_url(self, url: Optional[str]) -> None:
        self._set("order/wcs_url", url or "")

    @property
    def order_authcfg(self) -> str:
        """Auth config id holding the EODMS username/password for ordering."""
        return self._get("order/authcfg", "", str)

    @order_authcfg.setter
    def order_authcfg(self, authcfg_id: Optional[str]) -> None:
        self._set("order/authcfg", authcfg_id or "")

    @property
    def order_packaging(self) -> str:
        return self._get("order/packaging", "", str)

    @order_packaging.setter
    def order_packaging(self, value: Optional[str]) -> None:
        self._set("order/packaging", value or "")

    # --- Copernicus Data Space ---------------------------------------------------------

    @property
    def cdse_urls(self) -> Tuple[str, ...]:
        """(catalogue, download, token) URLs; the defaults are the public CDSE services."""
        from .cdse_auth import TOKEN_URL
        from .cdse_download import DOWNLOAD_URL
        from .cdse_search import CATALOGUE_URL

        return tuple(self._get(f"cdse/{key}_url", default, str) or default for key, default in
                     (("catalogue", CATALOGUE_URL), ("download", DOWNLOAD_URL), ("token", TOKEN_URL)))

    def set_cdse_urls(self, catalogue: str = "", download: str = "", token: str = "") -> None:
        for key, value in (("catalogue", catalogue), ("download", download), ("token", token)):
            self._set(f"cdse/{key}_url", value or "")

    @property
    def cdse_authcfg(self) -> str:
        """Auth config id holding the Copernicus Data Space username/password."""
        return self._get("cdse/authcfg", "", str)

    @cdse_authcfg.setter
    def cdse_authcfg(self, authcfg_id: Optional[str]) -> None:
        self._set("cdse/authcfg", authcfg_id or "")

    @property
    def cdse_folder(self) -> str:
        """Where products and query logs go: by default <Downloads>/EO Order."""
        import os

        from qgis.PyQt.QtCore import QStandardPaths

        base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DownloadLocation) \
            or os.path.expanduser("~")
        return self._get("cdse/folder", "", str) or os.path.join(base, PLUGIN_NAME)

    @cdse_folder.setter
    def cdse_folder(self, path: Optional[str]) -> None:
        self._set("cdse/folder", path or "")

    @property
    def cdse_concurrency(self) -> int:
        return min(4, max(1, self._get("cdse/concurrency", 4, int)))

    @cdse_concurrency.setter
    def cdse_concurrency(self, value: int) -> None:
        self._set("cdse/concurrency", int(value))

    @property
    def cdse_collection(self) -> str:
        return self._get("cdse/collection", "SENTINEL-2", str)

    @cdse_collection.setter
    def cdse_collection(self, value: str) -> None:
        self._set("cdse/collection", value)


def _string_list(value):
    """A QSettings list value (a lone string when it holds one item; None/@Invalid when empty)."""
    if not value:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value if v]


def _key(url):
    """A settings-safe key for a URL (QSettings treats '/' as a group separator)."""
    return hashlib.sha1(url.strip().encode("utf-8")).hexdigest()[:16]
