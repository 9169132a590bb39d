"""Credentials from the QGIS authentication database.

Only auth-config ids are ever stored (settings, projects, Processing models);
the username/password is read from the encrypted QGIS auth database when a
request is built and lives only in memory.
"""

from dataclasses import dataclass, field
from typing import Optional

from .errors import AuthError, remember_secret
from .i18n import translate


def tr(text: str) -> str:
    return translate("EoOrderAuth", text)


@dataclass(frozen=True)
class Credentials:
    username: str
    password: str = field(repr=False)

    def __post_init__(self):
        remember_secret(self.password)  # redacted from any server text quoted in a message

    def __repr__(self):
        return f"Credentials(username={self.username!r}, password=***)"


def credentials_from_authcfg(authcfg: Optional[str], service: Optional[str] = None) -> Credentials:
    """Username/password of QGIS auth config ``authcfg`` (Basic method)."""
    from qgis.core import QgsApplication, QgsAuthMethodConfig

    service = service or tr("the service")
    authcfg = (authcfg or "").strip()
    if not authcfg:
        raise AuthError(tr(
            "{0} needs a username and password: choose or create a QGIS authentication configuration (Basic) "
            "for it.").format(service))
    manager = QgsApplication.authManager()
    config = QgsAuthMethodConfig()
    if not manager.loadAuthenticationConfig(authcfg, config, True) or not config.isValid(True):
        raise AuthError(tr(
            "QGIS auth config {0!r} for {1} does not exist or cannot be decrypted: pick another one or unlock "
            "the authentication database.").format(authcfg, service))
    username = config.config("username", "")
    password = config.config("password", "")
    if not username:
        raise AuthError(tr(
            "QGIS {0} for {1} has no username: edit it in Settings > Options > Authentication "
            "(method Basic).").format(auth_hint(authcfg), service))
    return Credentials(username, password)


def auth_hint(authcfg: Optional[str]) -> str:
    """Where a user fixes the credentials of ``authcfg``, for error messages: the auth config by the
    name the user gave it ("auth config 'My CDSE account'"), not its internal id; the id only when
    the config has no name or is not in the authentication database. '' without an auth config."""
    from qgis.core import QgsApplication

    authcfg = (authcfg or "").strip()
    if not authcfg:
        return ""
    name = ""
    try:
        configs = QgsApplication.authManager().availableAuthMethodConfigs()
        if authcfg in configs:
            name = configs[authcfg].name().strip()
    except Exception:  # noqa: BLE001 - a hint must never fail the request it describes
        name = ""
    return tr("auth config '{0}'").format(name) if name else tr("auth config {0}").format(authcfg)
