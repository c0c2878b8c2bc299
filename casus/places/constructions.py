"""Constructions that make a name a place even where the NER did not say so.

Each function reads a parsed document and returns token ranges with their gazetteer candidates;
`casus/places/find.py` takes those not already taken or claimed as actors. Each names one kind of
construction, and only an exact gazetteer name counts (the name, or one of its alternates, whole).
"""
from __future__ import annotations

from collections.abc import Callable

from casus.model import ParsedDoc
from casus.places.gazetteer import Candidate, Gazetteer, normalise

Hit = tuple[int, int, list[Candidate], str | None]  # token range, candidates, group key (None: from the words)

_TOWNISH = {"PCLI", "ADM1", "ADM2", "PPLC", "PPLA", "PPL", "PPLX"}
_PARTIES = {"D", "R", "I", "DFL"}  # "Rep. Jay Roberts (R-Ocilla)": a legislator's party and home town
_LIST_GLUE = {",", "and", "or", "&"}
_PLURAL_ADMIN = {"counties": "County", "parishes": "Parish"}
_RESIDENCE = {"of", "from"}


def exact(gazetteer: Gazetteer, words: list[str], codes: set[str] = _TOWNISH) -> list[Candidate]:
    """Candidates whose own name or an alternate equals these words, of the given feature codes."""
    return [c for c in gazetteer.candidates(" ".join(words)) if c.feature_code in codes]


def party_homes(doc: ParsedDoc, gazetteer: Gazetteer, capitalised: Callable) -> list[Hit]:
    """A legislator's home town after the party letter: "Rep. Torrey Westrom, R-Elbow Lake", "(D-Braxton)"."""
    toks = doc.tokens
    out = []
    for i in range(1, len(toks) - 2):
        if toks[i].text not in _PARTIES or toks[i + 1].text != "-" or toks[i - 1].text not in {",", "("}:
            continue
        j = i + 2
        while j < len(toks) and capitalised(toks[j]) and j - i <= 4:
            j += 1
        cands = [c for c in exact(gazetteer, [w.text for w in toks[i + 2:j]]) if c.country == "USA"]
        if cands:
            out.append((i + 2, j, cands, None))
    return out


def plural_admin(doc: ParsedDoc, gazetteer: Gazetteer, capitalised: Callable) -> list[Hit]:
    """Names listed before 'counties' or 'parishes' are counties: "Barrow, Jackson and Madison counties"."""
    toks = doc.tokens
    out = []
    for k, t in enumerate(toks):
        suffix = _PLURAL_ADMIN.get(t.text.lower())
        if suffix is None or k == 0:
            continue
        end, i = k, k - 1
        while i >= 0:
            s = i
            while s >= 0 and capitalised(toks[s]):
                s -= 1
            s += 1
            if s > i:
                break
            words = [w.text for w in toks[s:end]]
            cands = [c for c in gazetteer.candidates(" ".join([*words, suffix])) if c.feature_code == "ADM2"]
            if not cands:
                break
            out.append((s, end, cands, normalise(" ".join([*words, suffix]))))
            i = s - 1
            while i >= 0 and toks[i].text in _LIST_GLUE:
                i -= 1
            end = i + 1
    return out


_ADMIN_WORDS = {"County", "Parish", "Borough"}


def counties(doc: ParsedDoc, gazetteer: Gazetteer, capitalised: Callable) -> list[Hit]:
    """A county named whole wherever it stands: "Walker County dispatchers", "the Kanawha County Family
    Court", "Paris-Henry County" (an exact county of the gazetteer, any words after it)."""
    toks = doc.tokens
    out = []
    for k, t in enumerate(toks):
        if t.text not in _ADMIN_WORDS or k == 0 or not capitalised(toks[k - 1]):
            continue
        for s in range(max(0, k - 3), k):  # the longest name first: "St. Lucie County"
            if not all(capitalised(w) or w.text in {"St.", "St"} for w in toks[s:k]):
                continue
            words = [w.text for w in toks[s:k + 1]]
            cands = [c for c in gazetteer.candidates(" ".join(words)) if c.feature_code == "ADM2"]
            if cands:
                out.append((s, k + 1, cands, None))
                break
    return out


def residences(doc: ParsedDoc, gazetteer: Gazetteer, capitalised: Callable) -> list[Hit]:
    """Where a named person lives or comes from: "Mindy Miller of Ravenel", "Rebecca Sears, 41, of Grovetown",
    "a Republican from Florence".
    """
    toks = doc.tokens
    person_end = {e.end for e in doc.entities if e.label == "PERSON"}
    party = {"republican", "democrat"}
    out = []
    for i, t in enumerate(toks):
        if t.text not in _RESIDENCE or i + 1 >= len(toks) or not capitalised(toks[i + 1]):
            continue
        before = i
        if before >= 3 and toks[before - 1].text == "," and toks[before - 2].text.isdigit():
            before -= 2  # "Sears, 41, of"
            if before >= 1 and toks[before - 1].text == ",":
                before -= 1
        if before not in person_end and (before == 0 or toks[before - 1].text.lower() not in party):
            continue
        j = i + 1
        while j < len(toks) and capitalised(toks[j]) and j - i <= 3:
            j += 1
        for n in range(j, i + 1, -1):  # the longest exact name
            cands = exact(gazetteer, [w.text for w in toks[i + 1:n]])
            if cands:
                out.append((i + 1, n, cands, None))
                break
    return out


def before_nouns(doc: ParsedDoc, gazetteer: Gazetteer, capitalised: Callable, nouns: frozenset[str],
                 institutions: frozenset[str] = frozenset()) -> list[Hit]:
    """A town's name before a lower-case noun of its people or bodies: "Roselle police", "Vicksburg residents",
    "a Gainesville man", or before "-based" ("the Sligo-based group");
    or opening a name the NER left unlabelled before an institution word ("Murmansk Governor", a town of
    10,000 or more when one word)."""
    toks = doc.tokens
    out = []
    i = 0
    while i < len(toks):
        if not capitalised(toks[i]):
            i += 1
            continue
        j = i
        while j < len(toks) and capitalised(toks[j]):
            j += 1
        if any(t.ent_type in {"NORP", "LANGUAGE"} for t in toks[i:j]):  # "the southern English city": a nationality
            pass
        elif j < len(toks) and j - i <= 3 and toks[j].text.islower() and toks[j].text in nouns:
            cands = exact(gazetteer, [w.text for w in toks[i:j]])
            if cands:
                out.append((i, j, cands, None))
        elif j + 1 < len(toks) and j - i <= 3 and toks[j].text == "-" and toks[j + 1].text.lower() == "based":
            cands = exact(gazetteer, [w.text for w in toks[i:j]])  # "the Sligo-based mother": where one is based
            if cands:
                out.append((i, j, cands, None))
        elif all(t.ent_iob == "O" for t in toks[i:j]):  # "Chiefland Police Chief", "Murmansk Governor"
            k = next((k for k in range(i + 1, min(j, i + 4)) if toks[k].text.lower() in institutions), None)
            cands = exact(gazetteer, [w.text for w in toks[i:k]]) if k is not None else []
            if cands and (k - i > 1 or any(c.population >= 10000 or c.feature_code in {"ADM1", "ADM2", "PCLI"}
                                           for c in cands)):
                out.append((i, k, cands, None))
        i = j
    return out


_KIND_NOUNS = {"town", "city", "village", "district", "province", "state", "island", "region", "county", "suburb",
               "municipality", "port", "prefecture", "governorate", "township", "borough", "hamlet"}


_KIND_PLURALS = {"towns", "cities", "villages", "provinces", "states", "islands", "regions", "districts", "suburbs",
                 "municipalities", "ports", "prefectures", "governorates", "townships", "boroughs", "hamlets"}


def kind_of(doc: ParsedDoc, gazetteer: Gazetteer, capitalised: Callable) -> list[Hit]:
    """A name a place noun introduces: "the town of Pulawy", "the lakeside town of Kisumu", "the island of Java";
    after a plural, each name of the list: "the nearby cities of Suwon and Incheon"."""
    toks = doc.tokens
    out = []
    for i in range(1, len(toks) - 1):
        kind = toks[i - 1].text
        plural = kind in _KIND_PLURALS
        if toks[i].text != "of" or not (kind in _KIND_NOUNS or plural):
            continue
        k = i  # the token before the next name: "of", or the list glue of a plural's list
        while True:
            j = k + 1
            while j < len(toks) and capitalised(toks[j]) and j - k <= 3:
                j += 1
            hit = None
            for n in range(j, k + 1, -1):
                cands = gazetteer.candidates(" ".join(w.text for w in toks[k + 1:n]))
                if cands:
                    hit = (k + 1, n, cands, None)
                    break
            if hit is None:
                break
            out.append(hit)
            k = hit[1]
            if not plural or k >= len(toks) or toks[k].text not in _LIST_GLUE:
                break
            if k + 1 < len(toks) and toks[k + 1].text in _LIST_GLUE:  # ", and"
                k += 1
    return out


def _run_after(doc: ParsedDoc, i: int, capitalised: Callable) -> tuple[int, int] | None:
    """The capitalised run after list glue at token i (", ", "and", ", and"), if any."""
    toks = doc.tokens
    j = i
    while j < len(toks) and j - i < 2 and toks[j].text in _LIST_GLUE:
        j += 1
    if j == i or j >= len(toks) or not capitalised(toks[j]):
        return None
    k = j
    while k < len(toks) and capitalised(toks[k]) and k - j < 4:
        k += 1
    return j, k


def _run_before(doc: ParsedDoc, i: int, capitalised: Callable) -> tuple[int, int] | None:
    """The capitalised run ending before list glue that ends at token i (exclusive)."""
    toks = doc.tokens
    j = i
    while j > 0 and i - j < 2 and toks[j - 1].text in _LIST_GLUE:
        j -= 1
    if j == i or j == 0 or not capitalised(toks[j - 1]):
        return None
    s = j
    while s > 0 and capitalised(toks[s - 1]) and j - s < 4:
        s -= 1
    return s, j


def list_members(doc: ParsedDoc, gazetteer: Gazetteer, capitalised: Callable,
                 found: list[tuple[int, int, list[Candidate]]], free: Callable[[int, int], bool]) -> list[Hit]:
    """Names listed with a place found in the same country: "Cairo, Giza, and Al-Minya", "Tacloban and Babatngon".

    A member counts when it is an exact gazetteer name with a candidate in the country of the place
    beside it; the list is followed both ways, member by member.
    """
    out: list[Hit] = []
    queue = [(s, e, cands) for s, e, cands in found if cands]
    seen = {(s, e) for s, e, _ in queue}
    while queue:
        s, e, cands = queue.pop()
        country = cands[0].country
        if country is None:
            continue
        for run in (_run_after(doc, e, capitalised), _run_before(doc, s, capitalised)):
            if run is None or run in seen or not free(*run):
                continue
            words = [t.text for t in doc.tokens[run[0]:run[1]]]
            mine = [c for c in gazetteer.candidates(" ".join(words)) if c.country == country
                    and c.feature_code in _TOWNISH | {"ADM2"}]
            if mine:
                seen.add(run)
                out.append((run[0], run[1], gazetteer.candidates(" ".join(words)), None))
                queue.append((run[0], run[1], mine))
    return out


def qualified(doc: ParsedDoc, gazetteer: Gazetteer, capitalised: Callable,
              found: list[tuple[int, int, list[Candidate]]], free: Callable[[int, int], bool]) -> list[Hit]:
    """A name followed by a comma and a state or country it lies in: "Christchurch, New Zealand"."""
    toks = doc.tokens
    out = []
    for s, e, cands in found:
        if s < 2 or toks[s - 1].text != ",":
            continue
        wide = [c for c in cands if c.feature_code in {"PCLI", "ADM1"}]
        if not wide:
            continue
        k = s - 1
        j = k
        while j > 0 and capitalised(toks[j - 1]) and k - j < 4:
            j -= 1
        if j == k or not free(j, k):
            continue
        inside = [c for c in gazetteer.candidates(" ".join(t.text for t in toks[j:k]))
                  if any(c.country == w.country and (w.feature_code == "PCLI" or c.admin1 == w.admin1) for w in wide)]
        if inside:
            out.append((j, k, inside, None))
    return out


def regions_after_names(doc: ParsedDoc, gazetteer: Gazetteer, capitalised: Callable,
                        free: Callable[[int, int], bool]) -> list[Hit]:
    """A state, province, county or country after a name and a comma, closing the phrase: "Oulton Park,
    Cheshire.", "the Ramor Theatre, Cavan;" - the region of a place the gazetteer need not know (a venue, a
    farm, a village). The region is one to three capitalised words, an exact gazetteer name of its kind, and
    neither a capitalised word nor a list goes on after it ("Smith, Kent Brown", "Mason, Devon and Lee")."""
    toks = doc.tokens
    out = []
    for i in range(2, len(toks)):
        if toks[i - 1].text != "," or not capitalised(toks[i]) or not toks[i - 2].text[:1].isupper():
            continue
        for j in range(min(len(toks), i + 3), i, -1):
            if not all(capitalised(t) for t in toks[i:j]):
                continue
            if j < len(toks) and "\n" not in toks[j - 1].ws and (toks[j].text[:1].isupper() or toks[j].text in _LIST_GLUE):
                continue  # the name goes on, or a list of names does ("Mason, Devon and the driver")
            cands = exact(gazetteer, [t.text for t in toks[i:j]], {"PCLI", "ADM1", "ADM2"})
            if cands and free(i, j):
                out.append((i, j, gazetteer.candidates(" ".join(t.text for t in toks[i:j])), None))
                break
    return out


_PLACE_PREPOSITIONS = {"in", "near", "to", "from", "at", "between", "outside"}
_NOT_PLACE_TYPES = {"DATE", "TIME", "LANGUAGE", "LAW", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY",
                    "NORP", "EVENT", "WORK_OF_ART"}
_NAME_GOES_ON = {"'s", "’s", "&", "-", "–"}


def after_prepositions(doc: ParsedDoc, gazetteer: Gazetteer, capitalised: Callable,
                       prepositions: frozenset[str] | set[str] = frozenset(_PLACE_PREPOSITIONS)) -> list[Hit]:
    """A town's name right after a preposition of place, whatever the NER called it: "drove to Lanexa", "a
    bunkhouse in Atalissa", "jogging near Briarcliff" (the whole capitalised run, one to three words, an exact
    gazetteer name of a town, county or state, its main name). Not a name the story makes the subject of a verb
    ("Bell ran": a person's), not a date's, language's or number's word ("in May"), not an
    abbreviation in capitals ("at UF"), not a name going on after it ("at McDonald's", "Church & State", "at
    Loop 286", "Wal-Mart"); `find.py` drops a name the story gives a person."""
    toks = doc.tokens
    doers = _doers(doc)
    out = []
    for i in range(1, len(toks)):
        prev = toks[i - 1]
        if prev.text.lower() not in prepositions or prev.pos != "ADP" or not (
                capitalised(toks[i]) or toks[i].pos == "NOUN" and toks[i].text.istitle() and toks[i].text.isalpha()):
            continue  # the tagger makes a rare town's name a common noun ("drove to Lanexa")
        if capitalised(toks[i - 1]) or (i >= 2 and toks[i - 2].text[:1].isupper() and toks[i - 2].pos == "PROPN"
                                        and toks[i - 1].text[:1].isupper()):
            continue
        j = i + 1
        while j < len(toks) and j - i < 3 and capitalised(toks[j]):
            j += 1
        if i >= 2 and toks[i - 2].text.lower() == "according":
            continue  # "according to Bureau of Labor Statistics data"
        if j < len(toks) and (toks[j].text[:1].isupper() or toks[j].text in _NAME_GOES_ON
                              or toks[j].text[:1].isdigit()):
            continue
        words = [t.text for t in toks[i:j]]
        if any(t.ent_type in _NOT_PLACE_TYPES for t in toks[i:j]) or any(
                w.isupper() and len(w) <= 5 for w in words):
            continue
        key = normalise(" ".join(words))
        cands = exact(gazetteer, words, _TOWNISH | {"ADM2"})
        if any(normalise(c.name) == key for c in cands) and key not in doers:
            out.append((i, j, cands, None))
    return out


def _doers(doc: ParsedDoc) -> set[str]:
    """Names the story makes the subject of a verb ("Bell ran", "Welch went"): people's, more than towns'."""
    toks = doc.tokens
    out = set()
    for t in toks:
        if t.dep in {"nsubj", "nsubjpass"} and toks[t.head].pos == "VERB" and t.text[:1].isupper():
            s = t.i
            while s > 0 and toks[s - 1].dep == "compound" and toks[s - 1].head == t.i:
                s -= 1
            out.add(normalise(" ".join(x.text for x in toks[s:t.i + 1])))
    return out
