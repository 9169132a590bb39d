"""The catalogues a user can search: the built-in EODMS ones plus the user's CSW connections
(:mod:`.connections` keeps them; ``Connection.catalog`` is the Catalog a search uses)."""

from dataclasses import dataclass
from urllib.parse import urlsplit

from .csw import DEFAULT_PARALLEL_REQUESTS, DEFAULT_RECORDS_PER_REQUEST, EODMS_CATALOG_URL, EODMS_RCM_URL, Profile


@dataclass(frozen=True)
class Catalog:
    label: str
    url: str
    profile: Profile
    schema: str = "dc"  # the record schema to ask for: "dc" (Dublin Core) or "iso" (ISO 19139)
    records_per_request: int = DEFAULT_RECORDS_PER_REQUEST  # CswClient's paging settings
    parallel_requests: int = DEFAULT_PARALLEL_REQUESTS

    @property
    def needs_auth(self):
        return self.profile == Profile.RCM

    @property
    def short_label(self):
        """For layer names: the built-in label, or a user catalogue's host and path."""
        if self.profile != Profile.GENERIC:
            return self.label
        parts = urlsplit(self.url)
        return (parts.netloc + parts.path.rstrip("/")) or self.url

    @property
    def service_name(self):
        """How messages name this catalogue ("Could not connect to <name> at <url>")."""
        return "CSW catalogue" if self.profile == Profile.GENERIC else self.label


BUILTIN = (
    Catalog("EODMS catalogue", EODMS_CATALOG_URL, Profile.EODMS),
    Catalog("EODMS RCM", EODMS_RCM_URL, Profile.RCM),
)

