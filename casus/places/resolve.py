"""Toponym resolution: pick each toponym's GeoNames entry from the evidence in its article."""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from casus.model import ParsedDoc, Place, PlaceMention
from casus.places.find import BIG, Mention, ToponymFinder
from casus.places.gazetteer import Candidate, Gazetteer, distance_km, normalise

_NO_COUNTRY = {"CONT", "OCN", "SEA", "GULF", "RGN"}
_FEATURE_BONUS = {"PCLI": 3.0, "CONT": 3.0, "PPLC": 1.5}


@dataclass
class Weights:
    """How much each kind of evidence counts when ranking a toponym's candidates."""

    population: float = 1.3  # per order of magnitude
    primary_name: float = 2.0  # the name matched is the entry's main name, not an alternate
    country: float = 5.0  # times the share of other places in the article in the same country
    admin1: float = 2.0  # the article names the candidate's state/province or a place in it
    admin1_more: float = 1.0  # for each further place in that state (up to two more)
    near: float = 2.0  # within `near_km` of another place the article names
    near_km: float = 150.0
    local_max: bool = True  # a named state and a nearby place are one piece of evidence, not two
    qualifier: float = 10.0  # "Moscow, Idaho": the next toponym contains the candidate
    ner_missed_min_population: int = 50000  # a capitalised word the NER missed must be this big
    explicit_country: bool = False  # country context only from named countries, states and one-sense names
    mislabelled_countries: bool = True  # take country/state names the NER labelled PERSON or ORG
    org_places: bool = True  # take places named inside organisations, after 'in', or elsewhere as places
    org_min_population: int = 5000  # a person/organisation after 'in' is a place only if this big
    inner_names: bool = True  # look for a place name opening a longer entity
    institution_places: bool = True  # a town opening a body's or building's name, "Groton Town Council" (form institution)
    inner_countries: bool = True  # a country, state or capital named inside an organisation ("Air Zimbabwe")
    peoples: bool = True  # "Americans", "Ohioans", "a Texan pilot": a people's word names its country or state
    abbreviations: bool = True  # "EU", "U.S.", "T&T" name their places wherever they stand
    streets: bool = True  # a street or numbered road by its name, placed in the story's town
    adjectives: bool = True  # a country's adjective is a mention of the country ("Ukrainian troops")
    after_prepositions: bool = True  # a town's name right after 'in / near / to / from / at / between / outside'
    countries_in_unlabelled_names: bool = True  # a country, state or capital inside a name the NER left unlabelled
    regions_after_names: bool = True  # a state, county or country after a name and a comma: "Oulton Park, Cheshire"
    sites: bool = True  # a place the gazetteer lacks by its kind noun or its region: "Torkula village" (places/sites.py)
    repeats_in_names: bool = True  # a found place repeats opening a longer name, after a part-of-town word, as a lone 'person'
    surnames_not_towns: bool = True  # one word the NER called a place that closes a person's name in the story
    constructions: bool = True  # datelines, 'X and Y counties', 'Jane Doe of X', 'X police' (places/constructions.py)
    org_lead_min_population: int = 10000  # a town opening or closing an organisation's name, unless named elsewhere
    big_prior: float = 6.5  # prior of states, provinces and seas in place of their population
    county_link: float = 3.0  # a town in a county the article names, or a county holding a named town
    state_vote: float = 2.0  # times the other toponyms' ambiguity-weighted votes for the candidate's state
    state_vote_cap: float = 1.5
    list_kind: float = 2.0  # in a list of states, a state; in a list of countries, a country
    dateline: float = 3.0  # a toponym heading a story ("WASHINGTON (AP) -") is a city
    dateline_metropolis: int = 1_000_000  # an unqualified wire dateline naming a capital or a city this big is it
    mention_power: float = 0.5  # a country's weight in the article grows with (mentions of its places) ** this
    no_country_share: float = 0.5  # oceans and continents count as this share of the article's main country
    state_vote_min: float = 0.05  # less support than this is noise
    vote_temperature: float = 1.0  # how evenly a toponym's vote spreads over its less likely senses
    namesake_ratio: float = 8.0  # a town this many times smaller than a same-named capital or city abroad ...
    world_city: int = 100_000  # ... (a capital, or a city this big) needs a local sign, not the country's alone
    broad_state: float = 0.5  # a state with this share of its country's town dwellers (England) is no local sign


@dataclass
class _Group:
    key: str
    mentions: list[Mention] = field(default_factory=list)
    pick: Candidate | None = None
    reason: str = ""


class PlaceResolver:
    """Finds toponyms in a ParsedDoc and resolves each to one gazetteer candidate."""

    def __init__(self, gazetteer: Gazetteer, weights: Weights | None = None, rounds: int = 3):
        self.gazetteer = gazetteer
        self.weights = weights or Weights()
        self.rounds = rounds
        self._state_shares: dict[str, float] | None = None
        self.finder = ToponymFinder(gazetteer, self.weights)

    def resolve(self, doc: ParsedDoc, actor_spans: Sequence[tuple[int, int]] = ()) -> list[PlaceMention]:
        """Toponyms of `doc` as PlaceMentions, skipping character ranges claimed as actors."""
        mentions = self.finder.find(doc, actor_spans)
        if not mentions:
            return []
        groups: dict[str, _Group] = {}
        for m in mentions:
            groups.setdefault(m.key, _Group(m.key)).mentions.append(m)
        self._rank([g for g in groups.values() if g.mentions[0].cands])
        town = self._story_town([g for g in groups.values() if g.mentions[0].form == "name"])
        out = []
        text = doc.article.text
        for m in mentions:
            g = groups[m.key]
            c = g.pick
            if m.form == "street":
                s, e = doc.tokens[m.start].idx, doc.tokens[m.end - 1].end
                out.append(PlaceMention(m.start, m.end, Place(
                    text=text[s:e], start=s, end=e, name=text[s:e], country=town and town.country,
                    admin1=town and town.admin1, lat=town and town.lat, lon=town and town.lon, feature="STRT",
                    basis=f"street: in {town.name}, the story's town" if town else "street: no town in the story",
                    form="street")))
                continue
            if m.form == "site":
                out.extend(self._site(doc, m, groups, town))
                continue
            if c is None:
                continue
            lat, lon, reason = c.lat, c.lon, g.reason
            if lat is None:
                lat, lon, reason = self._locate_county(c, groups.values(), reason)
            s, e = doc.tokens[m.start].idx, doc.tokens[m.end - 1].end
            out.append(PlaceMention(m.start, m.end, Place(
                text=text[s:e], start=s, end=e, name=c.name, country=c.country, admin1=c.admin1,
                lat=lat, lon=lon, geonameid=c.geonameid, feature=c.feature_code, basis=reason, form=m.form)))
        return out

    @staticmethod
    def _site(doc: ParsedDoc, m: Mention, groups: dict[str, _Group], town: Candidate | None) -> list[PlaceMention]:
        """A place the gazetteer lacks, at the point of the found place it lies in, else of the story's town: a small
        place lies in the story's country, so a country or a place abroad yields to the story's town in it."""
        where = groups[m.anchor.key].pick if m.anchor is not None and m.anchor.key in groups else None
        at = where if where is not None and where.lat is not None else town
        if town is not None and where is not None and (where.country != town.country or where.feature_code == "PCLI"):
            at = town if where.country == town.country or where.feature_code != "PCLI" else where
        if at is None:
            return []
        s, e = doc.tokens[m.start].idx, doc.tokens[m.end - 1].end
        text = doc.article.text[s:e]
        why = f"site: in {at.name}" + ("" if at is where else ", the story's town")
        return [PlaceMention(m.start, m.end, Place(text=text, start=s, end=e, name=text, country=at.country,
                                                   admin1=at.admin1, lat=at.lat, lon=at.lon, feature="SITE",
                                                   basis=why, form="site"))]

    @staticmethod
    def _story_town(groups: list[_Group]) -> Candidate | None:
        """The town a story's streets lie in: its dateline's, else the town it names most (the first of a tie)
        in the country it names most."""
        towns = [g for g in groups if g.pick is not None and g.pick.feature_class == "P" and g.pick.lat is not None]
        filed = [g for g in towns if any(m.dateline for m in g.mentions)]
        if filed:
            return filed[0].pick
        countries = Counter(g.pick.country for g in groups if g.pick is not None and g.pick.country
                            for _ in g.mentions)
        if countries:
            main = countries.most_common(1)[0][0]
            towns = [g for g in towns if g.pick.country == main]
        if not towns:
            return None
        return max(towns, key=lambda g: (len(g.mentions), -g.mentions[0].start)).pick

    def country_place(self, code: str) -> Place | None:
        """A country as a place with no span in the text (the story's focus when no toponym names it)."""
        c = self.gazetteer.country(code)
        return None if c is None else Place(text="", start=0, end=0, name=c.name, country=c.country, lat=c.lat,
                                            lon=c.lon, geonameid=c.geonameid, feature=c.feature_code)

    # -- finding toponyms -------------------------------------------------------------------

    def _rank(self, groups: list[_Group]) -> None:
        w = self.weights
        by_key = {g.key: g for g in groups}
        votes, group_votes, counties, towns = self._consistency(groups)
        for g in groups:
            g.pick = max(g.mentions[0].cands, key=lambda c: self._prior(g.key, c))
            g.reason = f"place: largest entry for '{g.mentions[0].key}'"
        fixed = {g.key for g in groups if self._dateline_metropolis(g)}
        for _ in range(self.rounds):
            changed = False
            all_countries: Counter = Counter()
            for g in groups:
                if g.pick and g.pick.country and (not w.explicit_country or g.pick.feature_code in {"PCLI", "ADM1"}
                                                  or len({c.country for c in g.mentions[0].cands}) == 1):
                    all_countries[g.pick.country] += len(g.mentions) ** w.mention_power
            all_admin1 = Counter(g.pick.admin1_code for g in groups
                                 if g.pick and g.pick.admin1_code and g.pick.feature_code != "PCLI")
            grid = _Grid([g.pick for g in groups if g.pick and g.pick.lat is not None and g.pick.feature_code not in BIG])
            for g in groups:
                if g.key in fixed:
                    continue
                own = g.pick
                countries = all_countries.copy()
                if own and own.country and countries[own.country] > 0:
                    countries[own.country] -= len(g.mentions) ** w.mention_power
                n_countries = sum(countries.values())
                quals = [by_key[m.qualifier.key].pick for m in g.mentions if m.qualifier and by_key[m.qualifier.key].pick]
                list_kind = self._list_kind(g, by_key)
                dateline = any(m.dateline for m in g.mentions)
                best, best_score, best_why, best_local = None, -math.inf, "", False
                for c in g.mentions[0].cands:
                    score = self._prior(g.key, c)
                    why = []
                    if n_countries and c.country:
                        share = countries[c.country] / n_countries
                        score += w.country * share
                        if share >= 0.5:
                            why.append(f"country {c.country} named in article")
                    elif n_countries and c.feature_code in _NO_COUNTRY:  # no country to agree or disagree with
                        score += w.country * w.no_country_share * max(countries.values()) / n_countries
                    local, named_state, near = 0.0, False, False
                    n_in_admin1 = all_admin1[c.admin1_code] - (
                        own is not None and own.admin1_code == c.admin1_code and own.feature_code != "PCLI")
                    if c.admin1_code and n_in_admin1 > 0:
                        local = w.admin1 + w.admin1_more * min(n_in_admin1 - 1, 2)
                        named_state = True
                        why.append(f"{c.admin1 or c.admin1_code} named in article")
                    if c.lat is not None and c.feature_code not in BIG and grid.near(c, w.near_km, exclude=own):
                        local = max(local, w.near) if w.local_max else local + w.near
                        near = True
                        why.append("near other places in article")
                    if c.admin1_code and c.feature_code != "PCLI":
                        support = votes[c.admin1_code] - group_votes[g.key].get(c.admin1_code, 0.0)
                        if support > w.state_vote_min:
                            local = max(local, w.state_vote * min(support, w.state_vote_cap))
                            named_state = True
                    score += local
                    # in a state that is most of its country (England), a town in it named is a local sign only
                    # near this one (Richmond in a London story; not Washington, Tyne and Wear, in one on Leeds)
                    has_local = bool((named_state and (near or not self._broad_state(c.admin1_code))) or dateline
                                     or any(c.country == q.country for q in quals))
                    if c.admin2 and c.feature_code in {"PPL", "PPLC", "ADM2"}:
                        county = (c.admin1_code, normalise(c.admin2))
                        other = towns if c.feature_code == "ADM2" else counties
                        if other.get(county, set()) - {g.key}:
                            score += w.county_link
                            has_local = True
                            why.append(f"in {c.admin2}, named in article" if c.feature_code != "ADM2"
                                       else "a town in it is named in article")
                    if list_kind and _kind(c) == list_kind:
                        score += w.list_kind
                        why.append("listed with places of its kind")
                    if dateline and c.feature_class == "P":
                        score += w.dateline
                        why.append("dateline")
                    for q in quals:
                        if (q.feature_code == "PCLI" and c.country == q.country) or (
                                q.feature_code == "ADM1" and c.admin1_code == q.admin1_code and c is not q):
                            score += w.qualifier
                            why.append(f"qualified by '{q.name}'")
                    if score > best_score:
                        best, best_score, best_why, best_local = c, score, "; ".join(why), has_local
                if best is not None and not best_local:
                    city = self._world_city(g, best)
                    if city is not None:
                        best = city
                        best_why = (f"{city.name}, a city of {city.population:,} people abroad, not a namesake town "
                                    "the article gives no state, county or qualifier for")
                if best is not g.pick:
                    changed = True
                g.pick = best
                g.reason = "place: " + (best_why or f"largest entry for '{g.key}'")
            if not changed:
                break

    def _world_city(self, g: _Group, pick: Candidate) -> Candidate | None:
        """A same-named capital or city of 100,000 in another country for a town an eighth its size or less.

        Paris, Texas, Moscow, Idaho and Geneva, Illinois win on a US story's country alone, or on being within a
        drive of a city it names; a US local story names their state, their county, or towns of their state, and
        keeps them. The city must bear the name as its own, not as one of its alternates (Augsburg's "Augusta").
        """
        w = self.weights
        if pick.feature_class != "P":
            return None
        big = [c for c in g.mentions[0].cands if c.feature_class == "P" and c.country != pick.country
               and (c.feature_code == "PPLC" or c.population >= w.world_city)
               and c.population >= w.namesake_ratio * max(pick.population, 1) and _own_name(c, g.key)]
        return max(big, key=lambda c: c.population) if big else None

    def _broad_state(self, code: str | None) -> bool:
        """Whether a state holds most of its country's town dwellers (England, Leinster), so that naming it or a
        town in it says no more than naming the country."""
        if code is None:
            return False
        return self.state_shares().get(code, 0.0) >= self.weights.broad_state

    def state_shares(self) -> dict[str, float]:
        """Each state's share of its country's town dwellers, counted once over the gazetteer (about a second)."""
        if self._state_shares is None:
            by_state: Counter = Counter()
            by_country: Counter = Counter()
            country_of: dict[str, str] = {}
            for c in self.gazetteer.records:
                if c.feature_class == "P" and c.admin1_code and c.country:
                    by_state[c.admin1_code] += c.population
                    by_country[c.country] += c.population
                    country_of[c.admin1_code] = c.country
            self._state_shares = {k: n / max(by_country[country_of[k]], 1) for k, n in by_state.items()}
        return self._state_shares

    def _dateline_metropolis(self, g: _Group) -> bool:
        """Pick a capital or a big city for a wire dateline naming one with no state or country after it.

        Agencies qualify a smaller town ("ATHENS, Ga., April 8"), so "MOSCOW, April 8 -" is Russia's capital
        even when the story is about the United States, and "FRANKFURT, March 3 -" the city of 650,000, not the
        Frankfurt of 57,000 nor Frankfort, Kentucky; a local paper's "ATHENS —" is left to the story.
        Returns True when the group's pick was so fixed.
        """
        if not any(m.wire and m.qualifier is None for m in g.mentions):
            return False
        w = self.weights
        towns = sorted((c for c in g.mentions[0].cands if c.feature_class == "P"), key=lambda c: -c.population)
        big = [c for c in towns if c.feature_code == "PPLC" or c.population >= w.dateline_metropolis]
        if big:
            g.pick = max(big, key=lambda c: c.population)
            g.reason = f"place: a dateline naming {g.pick.name}, a capital or city of a million, with no state after it"
            return True
        if towns and towns[0].population >= w.world_city and _own_name(towns[0], g.key) and (
                len(towns) == 1 or towns[0].population >= w.namesake_ratio * max(towns[1].population, 1)):
            g.pick = towns[0]
            g.reason = (f"place: a dateline naming {g.pick.name}, a city of {g.pick.population:,} people, "
                        "eight times any namesake, with no state after it")
            return True
        return False

    @staticmethod
    def _list_kind(g: _Group, by_key: dict[str, _Group]) -> str | None:
        """'country' or 'state' when every member of a list this toponym stands in can be one."""
        for m in g.mentions:
            if m.siblings:
                shared = {_kind(c) for c in m.cands}
                for o in m.siblings:
                    shared &= {_kind(c) for c in by_key[o.key].mentions[0].cands}
                for kind in ("country", "state"):
                    if kind in shared:
                        return kind
        return None

    def _consistency(self, groups: list[_Group]) -> tuple[Counter, dict, dict, dict]:
        """Each toponym's votes for the states its senses lie in, and which toponyms could be a county or a town in one."""
        votes: Counter = Counter()
        group_votes: dict[str, Counter] = {}
        counties: dict[tuple, set[str]] = defaultdict(set)
        towns: dict[tuple, set[str]] = defaultdict(set)
        for g in groups:
            cands = g.mentions[0].cands
            priors = [self._prior(g.key, c) for c in cands]
            top = max(priors)
            weights = [math.exp((p - top) / self.weights.vote_temperature) for p in priors]
            total = sum(weights)
            share: Counter = Counter()
            for c, wt in zip(cands, weights):
                if c.admin1_code and c.feature_code != "PCLI":
                    share[c.admin1_code] = max(share[c.admin1_code], wt / total)
            group_votes[g.key] = share
            votes.update(share)
            for c in cands:
                if c.admin2 and c.feature_code == "ADM2":
                    counties[(c.admin1_code, normalise(c.admin2))].add(g.key)
                elif c.admin2 and c.feature_class == "P":
                    towns[(c.admin1_code, normalise(c.admin2))].add(g.key)
        return votes, group_votes, counties, towns

    def _prior(self, key: str, c: Candidate) -> float:
        w = self.weights
        if c.feature_class == "P" or c.feature_code in {"PCLI", "CONT"}:
            score = w.population * math.log10(c.population + 10)
        elif c.feature_code == "ADM2":
            score = w.population * 4.5
        else:
            score = w.population * w.big_prior
        score += _FEATURE_BONUS.get(c.feature_code, 0.0)
        name = normalise(c.name)
        if name == key or name == key + " city":
            score += w.primary_name
        return score

    def _locate_county(self, c: Candidate, groups, reason: str) -> tuple[float | None, float | None, str]:
        """A point for a county the gazetteer has no coordinates for: its namesake town, a place in it, its state."""
        inside = [g.pick for g in groups if g.pick is not None and g.pick.feature_class == "P"
                  and g.pick.admin1_code == c.admin1_code and g.pick.lat is not None]
        if inside:
            p = max(inside, key=lambda x: x.population)
            return p.lat, p.lon, reason + f"; located at {p.name}, a place in it named in the article"
        base = c.name.rsplit(" ", 1)[0]
        for p in self.gazetteer.candidates(base):
            if p.feature_class == "P" and p.admin1_code == c.admin1_code and normalise(p.name) == normalise(base):
                return p.lat, p.lon, reason + f"; located at {p.name}, its namesake town"
        for s in self.gazetteer.candidates(c.admin1 or ""):
            if s.feature_code == "ADM1" and s.admin1_code == c.admin1_code:
                return s.lat, s.lon, reason + f"; located at the centre of {s.name}"
        return None, None, reason


def _own_name(c: Candidate, key: str) -> bool:
    """Whether the name written is the entry's own ("Geneva", "Frankfurt" of Frankfurt am Main), not only one of
    its alternates (Augsburg's Latin "Augusta")."""
    name = normalise(c.name)
    return name == key or name.startswith(key + " ")


def _kind(c: Candidate) -> str:
    return {"PCLI": "country", "ADM1": "state", "ADM2": "county"}.get(c.feature_code, "place" if c.feature_class == "P" else "other")


class _Grid:
    """Places bucketed by whole degrees, so 'is any other place near?' costs a few lookups."""

    def __init__(self, places: list[Candidate]):
        self.cells: dict[tuple[int, int], list[Candidate]] = defaultdict(list)
        for p in places:
            self.cells[(math.floor(p.lat), math.floor(p.lon))].append(p)

    def near(self, c: Candidate, km: float, exclude: Candidate | None = None) -> bool:
        """Whether a place other than `exclude` (or `c`) lies within `km` of `c`."""
        reach = int(km // 80) + 1
        la, lo = math.floor(c.lat), math.floor(c.lon)
        for dy in range(-reach, reach + 1):
            for dx in range(-reach * 2, reach * 2 + 1):
                for p in self.cells.get((la + dy, lo + dx), ()):
                    if p is not exclude and p is not c and distance_km(c.lat, c.lon, p.lat, p.lon) <= km:
                        return True
        return False
