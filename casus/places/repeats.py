"""Where a story names a place again, and where a place-looking word is a person's: the finder's repeat rules
(docs/CODING.md §5)."""
from __future__ import annotations

from casus.model import ParsedDoc
from casus.places.gazetteer import BIG, Candidate, Gazetteer, normalise
from casus.places.organisations import a_persons_name, capitalised, strip_span

_PART_OF_TOWN = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "central",
                 "downtown", "metro", "metropolitan", "historic", "greater", "old", "n", "s", "e", "w", "ne", "nw", "se",
                 "sw", "upper", "lower", "inner", "outer"}  # words before a town's name that name a part of it
_TITLES = {"Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Judge", "Sheriff", "Mayor", "President", "Coach"}


def repeats(doc: ParsedDoc, start: int, end: int, key: str, cands: list[Candidate], taken: list[bool],
           weights) -> list[tuple[int, int]]:
    """Other mentions of a place's name the NER left unlabelled or mislabelled: one name, one place per story.

    The same capitalised words, not inside a person's name nor after a title, and not closing a longer
    name ("United Georgia") but a part of the town ("South Los Angeles", "Historic Dublin"); opening a
    longer name ("Dublin Mayor", "the Waterford High School") but not after a title ("Miss America").
    A person entity that is the name alone, which no longer person's name in the story holds, is the
    place ("Tbilisi says"). A smaller town's name
    repeats only if no person in the story bears it; a country, state, capital, seat or city of
    50,000 or more repeats anywhere but in a name the NER gave a person.
    """
    toks = doc.tokens
    words = [t.text for t in toks[start:end]]
    if not words[0][:1].isupper() or len(words) > 4 or key != normalise(" ".join(words)):
        return []  # "Jackson" of "Jackson and Barrow counties" is not every Jackson
    big = _big(cands, weights)
    named = a_persons_name(doc, words)
    person = set()
    w = weights
    for ent in doc.entities:
        if ent.label == "PERSON" and (ent.end - ent.start > 1 or big):
            if w.repeats_in_names and ent.end - ent.start == len(words) and not named:
                continue  # "Tbilisi says": the NER's person is the place's name alone, which no person bears
            person.update(range(ent.start, ent.end))
    if named and not big:
        return []  # a smaller town's name the story also gives a person ("Jesse Jackson")
    out = []
    n = len(words)
    opens = words[0].rstrip(".") not in _TITLES | {"Miss"} and not (len(words) == 1 and words[0].isupper())
    for i in range(len(toks) - n + 1):
        if toks[i].text != words[0] or any(taken[i:i + n]) or [t.text for t in toks[i:i + n]] != words:
            continue
        if any(k in person for k in range(i, i + n)) or (i > 0 and toks[i - 1].text.rstrip(".") in _TITLES):
            continue
        if (i > 0 and capitalised(toks[i - 1]) and toks[i - 1].sent == toks[i].sent and "\n" not in toks[i - 1].ws
                and not (w.repeats_in_names and part_of_town(doc, i - 1))):
            continue  # "United Georgia", "City Council"; but "South Los Angeles", "Historic Dublin", "N.W. Rochester"
        if i + n < len(toks) and capitalised(toks[i + n]) and not (w.repeats_in_names and opens):
            continue  # "Aleppo University" only where the story's own town opens a name
        out.append((i, i + n))
    return out


def _big(cands: list[Candidate], weights) -> bool:
    """A country, state, capital, seat or city of 50,000 or more among a name's first three senses."""
    return any(c.feature_code in BIG or c.feature_code.startswith(("PPLC", "PPLA"))
               or c.population >= weights.ner_missed_min_population for c in cands[:3])


def a_surname(doc: ParsedDoc, s: int, e: int, gazetteer: Gazetteer, weights) -> bool:
    """One word the NER called a place that closes a longer person's name in the story ("Darren Ripley" ...
    "coach Ripley"), and no country, state, capital, seat or city of 50,000 or more: the person, not a town."""
    s, e = strip_span(doc, s, e)
    if e - s != 1 or not a_persons_name(doc, [doc.tokens[s].text]):
        return False
    word = doc.tokens[s].text
    if not any(ent.label == "PERSON" and ent.end - ent.start > 1 and doc.tokens[ent.end - 1].text == word
               for ent in doc.entities):
        return False  # "Jordan" opening "Jordan Smith" is not a surname
    return not _big(gazetteer.candidates(word), weights)

def part_of_town(doc: ParsedDoc, k: int) -> bool:
    """A word naming a part of a town before its name: "South", "Historic", "N.W." (not a middle initial:
    "Irvin E. Rhodes")."""
    toks = doc.tokens
    word = toks[k].text.lower().rstrip(".")
    if word not in _PART_OF_TOWN:
        return False
    return len(word) > 2 or k == 0 or not toks[k - 1].text[:1].isupper() or toks[k - 1].sent != toks[k].sent
