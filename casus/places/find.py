"""Toponym finding: the place names in a parsed document, with their gazetteer candidates."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from casus.ingest.dateline import month_number
from casus.model import ParsedDoc
from casus.places import constructions, datelines, forms, repeats, sites
from casus.places.gazetteer import BIG, Candidate, Gazetteer, normalise
from casus.places.organisations import OrganisationPlaces, a_persons_name, capitalised, strip_span, unlabelled_names
from casus.places.wordlists import load_words

PLACE_LABELS = {"GPE", "LOC", "FAC"}
_LIST_GLUE = {",", "and", "or", ", and", ", or", "&"}
_DATELINE_MARKS = {"(", "—", "–", "-", "--", ","}
_TRIM_WORDS = {"the", "northern", "southern", "eastern", "western", "central", "north", "south", "east",
               "west", "downtown", "greater", "rural", "upstate", "northeastern", "northwestern",
               "southeastern", "southwestern", "metro", "suburban", "northeast", "northwest", "southeast",
               "southwest", "coastal", "western", "inner", "outer", "state", "of"}
_ADMIN_SUFFIX = {"County", "Parish", "Borough", "Township", "Province", "Region", "District"}
_FACILITY_WORDS = {"street", "st", "road", "rd", "avenue", "ave", "boulevard", "blvd", "lane", "drive", "highway",
                   "bridge", "square", "wing", "building", "hall", "courthouse", "hospital", "church", "school",
                   "airport", "bend", "park", "river", "lake", "creek", "mountain", "island", "bay", "beach",
                   "basilica", "cathedral", "chapel", "abbey", "temple", "mosque", "palace", "castle", "tower",
                   "centre", "center", "stadium", "arena", "museum", "harbor", "harbour", "port", "station",
                   "university", "college", "academy", "hotel", "theatre", "theater", "mall", "market", "plaza"}


DATA = Path(__file__).resolve().parent / "data"


def load_demonyms(path: Path) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Country and region adjectives (`data/demonyms.tsv`): the adjective's words -> the ISO-3 codes or region
    names it names."""
    table: dict[tuple[str, ...], tuple[str, ...]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            form, code = line.split("\t")[:2]
            words = tuple(form.replace("-", " - ").split())
            table[words] = (*table.get(words, ()), code)
    return table


@dataclass
class Mention:
    start: int  # token range
    end: int
    key: str
    cands: list[Candidate]
    qualifier: Mention | None = None
    qualifies: bool = False
    dateline: bool = False  # "WASHINGTON (AP) -": the place a story was filed from, a city
    wire: bool = False  # a wire dateline, the city then the day: "MOSCOW, April 8 -"
    siblings: list[Mention] = field(default_factory=list)  # other members of a list "Texas, Ohio and Iowa"
    form: str = "name"  # "adjective": a country's adjective ("Ukrainian troops"); "street": "Wichita Drive";
    # "people": a people's word ("Americans", "Ohioans"); "site": a place the gazetteer lacks ("Torkula village")
    anchor: Mention | None = None  # a site's: the found place it lies in (None: the story's town)


class ToponymFinder:
    """Finds toponyms: NER places, countries the NER mislabelled, capitalised names it missed."""

    def __init__(self, gazetteer: Gazetteer, weights, institutions: frozenset[str] | None = None,
                 place_nouns: frozenset[str] | None = None,
                 demonyms: dict[tuple[str, ...], tuple[str, ...]] | None = None):
        self.gazetteer = gazetteer
        self.weights = weights
        self.institutions = institutions if institutions is not None else load_words(DATA / "institutions.txt")
        nouns = place_nouns if place_nouns is not None else load_words(DATA / "place_nouns.txt")
        self.place_nouns = nouns | self.institutions
        self.organisations = OrganisationPlaces(gazetteer, weights, self.institutions,
                                                load_words(DATA / "institution_heads.txt"),
                                                load_words(DATA / "institution_openers.txt"))
        self.demonyms = demonyms if demonyms is not None else load_demonyms(DATA / "demonyms.tsv")
        self.endings = forms.load_endings(DATA / "demonym_endings.tsv")

    def find(self, doc: ParsedDoc, actor_spans: Sequence[tuple[int, int]] = ()) -> list[Mention]:
        """Toponym mentions in text order, linked to qualifiers, lists and datelines."""
        mentions = self._find(doc, actor_spans)
        self._link_qualifiers(doc, [m for m in mentions if m.cands])  # streets have no gazetteer entry
        return mentions

    def _find(self, doc: ParsedDoc, actor_spans: Sequence[tuple[int, int]]) -> list[Mention]:
        toks = doc.tokens
        claimed = sorted(actor_spans)
        taken = [False] * len(toks)
        found: list[Mention] = []

        def blocked(s: int, e: int) -> bool:
            cs, ce = toks[s].idx, toks[e - 1].end
            return any(a < ce and cs < b for a, b in claimed) or any(taken[s:e])

        def take(s: int, e: int, cands: list[Candidate], key: str | None = None, form: str = "name", anchor=None) -> None:
            text = "".join(t.text for t in toks[s:e])
            if e - s == 1 and _a_date(doc, s):  # "LONDON, March 3": the day, not March in Cambridgeshire
                return
            key = key or normalise(" ".join(t.text for t in toks[s:e]))
            if text.isupper() and len(text.replace(".", "")) <= 3 and form == "name":  # "EU", "WA": abbreviations of big places only
                cands = [c for c in cands if c.feature_code in BIG]
                if not cands:
                    return
            found.append(Mention(s, e, key, cands, form=form, anchor=anchor))
            for i in range(s, e):
                taken[i] = True

        if self.weights.constructions:  # "SALES DROP ST. LOUIS, Oct 19": the dateline's whole name before the NER's part
            for s, e, cands, key in datelines.wire_datelines(doc, self.gazetteer):
                if not blocked(s, e):
                    take(s, e, cands, key)
        others, facilities = [], []
        for ent in doc.entities:
            if ent.label in {"PERSON", "ORG"} and self.weights.mislabelled_countries:
                hit = self._mislabelled(doc, ent.start, ent.end, ent.label)  # the small model's "Mali" PERSON
                if hit and not blocked(hit[0], hit[1]):
                    take(*hit)
                else:
                    others.append(ent)
                continue
            if ent.label not in PLACE_LABELS:
                continue
            if ent.label == "FAC":
                facilities.append(ent)  # "Vancouver International Airport": a town opening a building's name
            end = ent.end
            while end < len(toks) and toks[end].text in _ADMIN_SUFFIX:  # "Douglas" + "County"
                end += 1
            if self.weights.surnames_not_towns and repeats.a_surname(doc, ent.start, end, self.gazetteer, self.weights):
                continue  # "coach Ripley" in a story about Darren Ripley
            for hit in self._lookup_entity(doc, ent.start, end, strict=ent.label == "FAC"):
                if not blocked(hit[0], hit[1]):
                    take(*hit)
        w = self.weights
        if w.constructions:
            cap = capitalised
            for s, e, cands, key in [*datelines.datelines(doc, self.gazetteer),
                                     *constructions.plural_admin(doc, self.gazetteer, cap),
                                     *constructions.residences(doc, self.gazetteer, cap),
                                     *constructions.kind_of(doc, self.gazetteer, cap),
                                     *constructions.before_nouns(doc, self.gazetteer, cap, self.place_nouns, self.institutions),
                                     *constructions.party_homes(doc, self.gazetteer, cap),
                                     *constructions.counties(doc, self.gazetteer, cap)]:
                if not blocked(s, e):
                    take(s, e, cands, key)
        if w.streets:  # "Wichita Drive", "Interstate 70": no gazetteer entry, placed in the story's town
            for s, e in [*forms.streets(doc), *forms.numbered_roads(doc)]:
                if not blocked(s, e):
                    take(s, e, [], "street " + normalise(" ".join(t.text for t in toks[s:e])), form="street")
        if w.org_places:
            keys = {m.key for m in found}
            for ent in others:
                hit = self.organisations.in_organisation(doc, ent.start, ent.end, ent.label, keys)
                if hit and not blocked(hit[0], hit[1]):
                    take(*hit)
        unlabelled = unlabelled_names(doc) if w.institution_places or w.countries_in_unlabelled_names else []
        if w.institution_places:  # "Groton Town Council", "University of Nebraska-Lincoln": where the body is
            keys, local = {m.key for m in found}, self._story_states(doc, found, claimed)
            names = [(ent.start, ent.end) for ent in [*others, *facilities] if ent.label in {"ORG", "FAC"}]
            for a, b in [*names, *unlabelled]:  # and names the NER missed: "Owensboro Public Schools"
                for s, e, cands in self.organisations.institution_places(doc, a, b, keys, local):
                    if not any(taken[s:e]):  # an acting body's name too: the town places no event
                        take(s, e, cands, form="institution")
        if w.countries_in_unlabelled_names:  # "SME Mauritius Limited", "Air France KLM": names the NER missed
            for a, b in unlabelled:  # a country or state, not a capital ("Licking Valley"), nor in a byline
                if toks[a].text.lower() == "by":
                    continue
                hit = self.organisations.inner_country(doc, a, b, frozenset({"PCLI", "ADM1"}))
                if hit and not blocked(hit[0], hit[1]):
                    take(*hit, form="institution")
        if w.adjectives:  # "Ukrainian troops": the country, a mention of its own kind
            for s, e, codes in forms.adjectives(doc, self.demonyms, capitalised):
                cands = [c for code in codes for c in self._adjective_places(code)]
                if cands and not blocked(s, e):
                    take(s, e, cands, "adjective " + " ".join(codes), form="adjective")
        if w.peoples:  # "Americans", "Ohioans", "a Texan pilot": a people's word, a mention of its country or state
            for s, e, form, named in forms.peoples(doc, self.demonyms, self.endings, self._state_named):
                cands = [c for code in named for c in self._adjective_places(code)] if isinstance(named, tuple) else [named]
                key = " ".join(named) if isinstance(named, tuple) else normalise(named.name)
                if cands and not blocked(s, e):
                    take(s, e, cands, f"adjective {key}", form=form)
        if w.abbreviations:
            for k in self._abbreviations(doc):
                cands = [c for c in self.gazetteer.candidates(toks[k].text) if c.feature_code in BIG]
                if cands and not blocked(k, k + 1):
                    take(k, k + 1, cands)
        i = 0
        while i < len(toks):  # capitalised runs the NER did not label
            if not capitalised(toks[i]) or toks[i].ent_iob != "O" or taken[i]:
                i += 1
                continue
            j = i
            while j < len(toks) and capitalised(toks[j]) and toks[j].ent_iob == "O" and not taken[j]:
                j += 1
            cands = self.gazetteer.candidates(" ".join(t.text for t in toks[i:j]))
            if cands and not blocked(i, j) and any(
                    c.feature_code in BIG or c.population >= w.ner_missed_min_population for c in cands[:3]):
                take(i, j, cands)
            i = j
        for s, e, cands in self._qualifiers(doc, claimed, taken):  # "Oxford, North Carolina": the state too
            take(s, e, cands)
        if w.constructions:
            def free(s: int, e: int) -> bool:
                return not blocked(s, e) and not a_persons_name(doc, [t.text for t in toks[s:e]])

            if w.after_prepositions:  # "drove to Lanexa", "near Briarcliff": a town the NER called a person or missed
                for s, e, cands, key in constructions.after_prepositions(doc, self.gazetteer, capitalised):
                    if free(s, e):
                        take(s, e, cands, key)
            spans = [(m.start, m.end, m.cands) for m in found]
            for s, e, cands, key in [*constructions.qualified(doc, self.gazetteer, capitalised, spans, free),
                                     *constructions.list_members(doc, self.gazetteer, capitalised, spans, free),
                                     *(constructions.regions_after_names(doc, self.gazetteer, capitalised, free)
                                       if w.regions_after_names else ())]:
                if free(s, e):
                    take(s, e, cands, key)
            for s, e, where in sites.sites(doc, found, capitalised, free, self.gazetteer.__contains__) if w.sites else ():
                take(s, e, [], "site " + normalise(" ".join(t.text for t in toks[s:e])), "site", where)  # "Torkula village"
        for m in list(found):
            site = m.form == "site"  # a site repeats by its words: its key is "site " and them
            for s, e in repeats.repeats(doc, m.start, m.end, m.key[5:] if site else m.key, m.cands, taken, self.weights):
                if not blocked(s, e):
                    take(s, e, m.cands, *((m.key, "site", m.anchor) if site else ()))
        found.sort(key=lambda m: m.start)
        return found

    @staticmethod
    def _abbreviations(doc: ParsedDoc) -> list[int]:
        """Tokens that abbreviate a name in capitals, whatever the NER made of them ("EU", "U.S.", "T&T", "B.C."):
        a proper noun or written with dots or '&', two to four letters, not in a line of capitals (a headline)."""
        toks = doc.tokens
        out = []
        for k, t in enumerate(toks):
            letters = t.text.replace(".", "").replace("&", "")
            if not (2 <= len(letters) <= 4 and letters.isalpha() and letters.isupper()):
                continue
            if t.pos != "PROPN" and "." not in t.text and "&" not in t.text:
                continue
            around = [toks[j].text for j in (k - 1, k + 1) if 0 <= j < len(toks) and toks[j].text.isalpha()]
            if around and all(w.isupper() and len(w) > 1 for w in around):
                continue  # "US TROOPS LEAVE": a headline in capitals
            out.append(k)
        return out

    def _story_states(self, doc: ParsedDoc, found: list[Mention], claimed: Sequence[tuple[int, int]]) -> set[str]:
        """The states the story's places lie in: each state named, as a place or as an actor ("Connecticut
        approved"), and the state of each place name's largest sense."""
        out = set()
        for m in found:
            if m.cands and m.form == "name":
                states = [c.admin1_code for c in m.cands if c.feature_code == "ADM1"]
                out.update(states or [m.cands[0].admin1_code])
        for a, b in claimed:
            out.update(c.admin1_code for c in self.gazetteer.candidates(doc.article.text[a:b]) if c.feature_code == "ADM1")
        return out - {None, ""}

    def _state_named(self, name: str) -> Candidate | None:
        """The state, province or region a name first means in the gazetteer ("Ohio", "Gaza"), if it is one."""
        cands = self.gazetteer.candidates(name)
        first = cands[0] if cands else None
        return first if first is not None and first.feature_code in {"ADM1", "RGN"} and normalise(first.name) == normalise(name) else None

    def _adjective_places(self, code: str) -> list[Candidate]:
        """What an adjective's table entry names: a country by its ISO-3 code, or a continent or region by name."""
        if len(code) == 3 and code.isupper():
            country = self.gazetteer.country(code)
            return [country] if country is not None else []
        return [c for c in self.gazetteer.candidates(code) if c.feature_code in {"CONT", "RGN"}
                and normalise(c.name) == normalise(code)]

    def _qualifiers(self, doc: ParsedDoc, claimed: Sequence[tuple[int, int]], taken: list[bool]) -> list[tuple]:
        """States and countries the actor resolver claimed that only qualify the place before them.

        "Oxford, North Carolina", "Paris, Texas": a state named after its town and a comma is a place
        mention with its own span, not a state acting.
        """
        toks = doc.tokens
        starts = {t.idx: t.i for t in toks}
        out = []
        for a, b in claimed:
            i = starts.get(a)
            if i is None or i < 2 or toks[i - 1].text != "," or not taken[i - 2] or any(taken[i:i + 8]):
                continue
            j = i
            while j < len(toks) and toks[j].end <= b:
                j += 1
            cands = [c for c in self.gazetteer.candidates(" ".join(t.text for t in toks[i:j]))
                     if c.feature_code in {"ADM1", "PCLI"}]
            if cands:
                out.append((i, j, cands))
        return out

    def _mislabelled(self, doc: ParsedDoc, s: int, e: int, label: str = "ORG") -> tuple | None:
        """A country or state name the NER called a person or organisation, unless it is a subject; a person's
        only a country, a US state or a division of `regions.tsv` ("Brittany", "Paul" of Cape Verde are names)."""
        s, e = strip_span(doc, s, e)
        if s >= e or any(doc.tokens[i].dep in {"nsubj", "nsubjpass"} for i in range(s, e)):
            return None
        key = normalise(" ".join(t.text for t in doc.tokens[s:e]))
        cands = [c for c in self.gazetteer.candidates(key)
                 if c.feature_code in {"PCLI", "ADM1"} and normalise(c.name) == key]
        if label == "PERSON" and all(c.table == "admin1" for c in cands):
            return None  # a division of admin1.tsv ("Brittany") the NER calls a person
        return (s, e, cands) if cands else None

    def _lookup_entity(self, doc: ParsedDoc, s: int, e: int, strict: bool) -> list[tuple]:
        """Place names in an entity: whole, else its comma/'and' parts, each trimmed if need be."""
        toks = doc.tokens
        s, e = strip_span(doc, s, e)
        if s >= e:
            return []
        cands = self.gazetteer.candidates(" ".join(t.text for t in toks[s:e]))
        if cands and not strict:
            return [(s, e, cands)]
        parts, cur = [], s
        for i in range(s, e + 1):
            if i == e or toks[i].text in {",", "/", "and", "&"}:
                if cur < i:
                    parts.append((cur, i))
                cur = i + 1
        out = []
        for a, b in parts:
            hit = self._lookup_part(doc, *strip_span(doc, a, b), strict=strict or len(parts) == 1)
            if hit:
                out.append(hit)
        return out

    def _lookup_part(self, doc: ParsedDoc, s: int, e: int, strict: bool) -> tuple | None:
        toks = doc.tokens
        if s >= e:
            return None
        if not strict:
            cands = self.gazetteer.candidates(" ".join(t.text for t in toks[s:e]))
            if cands:
                return s, e, cands
        while s < e - 1 and toks[s].text.lower() in _TRIM_WORDS:  # "southern Lebanon"
            proper = toks[s].text[:1].isupper()
            s += 1
            cands = self.gazetteer.candidates(" ".join(t.text for t in toks[s:e]))
            if proper:  # "Northeast Georgia" is Georgia, "North Africa" is not Africa
                cands = [c for c in cands if c.feature_code in {"PCLI", "ADM1"}]
            if cands:
                return s, e, cands
        if not self.weights.inner_names or any(t.text.lower() in _FACILITY_WORDS for t in toks[s + 1:e]):
            return None  # "Rogers Centre", "St. Peter's Basilica" are not in Rogers or St. Peter
        for n in range(e - s - 1, 0, -1):  # a place opening a longer name: "Cottonport Fire Department"
            if toks[s + n].text in {"'s", "’s"}:
                continue
            key = normalise(" ".join(t.text for t in toks[s:s + n]))
            cands = [c for c in self.gazetteer.candidates(key) if normalise(c.name) == key
                     and (c.feature_code in BIG or c.feature_code == "ADM2" or c.population >= 10000)]
            if cands and toks[s].text[:1].isupper():
                return s, s + n, cands
        return None

    def _link_qualifiers(self, doc: ParsedDoc, mentions: list[Mention]) -> None:
        toks = doc.tokens
        run: list[Mention] = []
        joined = False
        for a, b in zip(mentions, mentions[1:]):
            between = " ".join(t.text for t in toks[a.end:b.start])
            if between in {",", "("} and any(c.feature_code in {"PCLI", "ADM1"} for c in b.cands):
                a.qualifier, b.qualifies = b, True
            if between in _LIST_GLUE:
                run = run or [a]
                run.append(b)
                joined = joined or between != ","
                continue
            self._close_list(run, joined)
            run, joined = [], False
        self._close_list(run, joined)
        for m in mentions:
            first, after = toks[m.start], toks[m.end] if m.end < len(toks) else None
            text = "".join(t.text for t in toks[m.start:m.end])
            if (text.isupper() and len(text) > 2 and after is not None and after.text in _DATELINE_MARKS
                    and (m.start == 0 or "\n" in toks[m.start - 1].ws or toks[m.start - 1].text in {".", "\n"}
                         or first.sent != toks[m.start - 1].sent or datelines.day_follows(doc, m.end))):
                m.dateline = True
                m.wire = after.text == "," and m.end + 1 < len(toks) and toks[m.end + 1].text[:1].isupper() and month_number(toks[m.end + 1].text) is not None
                m.cands = self.gazetteer.candidates(m.key) or m.cands  # NER's ORG/PERSON kept only countries/states

    @staticmethod
    def _close_list(run: list[Mention], joined: bool) -> None:
        if len(run) >= 2 and joined and not any(m.qualifies for m in run[1:]):
            for m in run:
                m.siblings = [o for o in run if o is not m]

    # -- ranking ----------------------------------------------------------------------------


def _a_date(doc: ParsedDoc, i: int) -> bool:
    """Whether token i is a month's name beside a day's number ("March 3", "3 March")."""
    toks = doc.tokens
    if month_number(toks[i].text) is None:
        return False
    return (i + 1 < len(toks) and toks[i + 1].text[:1].isdigit()) or (i > 0 and toks[i - 1].text.isdigit())
