"""Credentials from the QGIS authentication database.

Only auth-config ids are ever stored (settings, projects, Processing models);
the username/password is read from the encrypted QGIS auth database when a
request is built and lives only in memory.
"""

from dataclasses import dataclass, field

from .errors import AuthError, remember_secret


@dataclass(frozen=True)
class Credentials:
    username: str
    password: str = field(repr=False)

    def __post_init__(self):
        remember_secret(self.password)  # redacted from any server text quoted in a message

    def __repr__(self):
        return f"Credentials(username={self.username!r}, password=***)"


def credentials_from_authcfg(authcfg, service="the service"):
    """Username/password of QGIS auth config ``authcfg`` (Basic method)."""
    from qgis.core import QgsApplication, QgsAuthMethodConfig

    authcfg = (authcfg or "").strip()
    if not authcfg:
        raise AuthError(
            f"{service} needs a username and password: choose or create a QGIS "
            "authentication configuration (Basic) for it."
        )
    manager = QgsApplication.authManager()
    config = QgsAuthMethodConfig()
    if not manager.loadAuthenticationConfig(authcfg, config, True) or not config.isValid(True):
        raise AuthError(
            f"QGIS auth config {authcfg!r} for {service} does not exist or cannot be "
            "decrypted: pick another one or unlock the authentication database."
        )
    username = config.config("username", "")
    password = config.config("password", "")
    if not username:
        raise AuthError(
            f"QGIS {auth_hint(authcfg)} for {service} has no username: edit it in "
            "Settings > Options > Authentication (method Basic)."
        )
    return Credentials(username, password)


def auth_hint(authcfg):
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
    return f"auth config '{name}'" if name else f"auth config {authcfg}"
