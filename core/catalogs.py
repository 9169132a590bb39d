"""The catalogues a user can search: the built-in EODMS ones plus the user's CSW connections
(:mod:`.connections` keeps them). What a catalogue can do, and how it is named in layers and
messages (its connection's name), is :mod:`.catalogue`'s."""

from dataclasses import dataclass

from .csw import DEFAULT_PARALLEL_REQUESTS, DEFAULT_RECORDS_PER_REQUEST, EODMS_CATALOG_URL, EODMS_RCM_URL, Profile


@dataclass(frozen=True)
class Catalog:
    label: str
    url: str
    profile: Profile
    schema: str = "dc"  # the record schema to ask for: "dc" (Dublin Core) or "iso" (ISO 19139)
    records_per_request: int = DEFAULT_RECORDS_PER_REQUEST  # CswClient's paging settings
    parallel_requests: int = DEFAULT_PARALLEL_REQUESTS


BUILTIN = (
    Catalog("EODMS catalogue", EODMS_CATALOG_URL, Profile.EODMS),
    Catalog("EODMS RCM", EODMS_RCM_URL, Profile.RCM),
)

