"""Places inside names: a place an organisation is named after ("Gainesville Police", "University of Texas",
"Texas Forest Service"), and the name helpers toponym finding shares (a person's name, a capitalised word)."""
from __future__ import annotations

from collections.abc import Iterable

from casus.model import ParsedDoc
from casus.places.gazetteer import BIG, Candidate, Gazetteer, normalise

_PLACE_PREPOSITIONS = {"in", "near", "outside", "throughout", "across", "around"}
_INSTITUTION_OF = {"state", "governor", "government", "city", "county", "republic", "province", "mayor"}
_PROPN_STOP = {"I", "A", "An", "The", "Mr", "Mrs", "Ms", "Dr", "St", "Co", "Inc", "Mt", "Ft"}
_TOWNISH = {"PCLI", "ADM1", "ADM2", "PPLC", "PPLA", "PPL", "PPLX"}
_KEEPS_ANY = {"PCLI", "ADM1", "ADM2", "PPLC"}  # a country, state, county or capital needs no local sign
_POSSESSIVE = {"'s", "’s", "'", "’"}


def strip_span(doc: ParsedDoc, s: int, e: int) -> tuple[int, int]:
    """The token range without a leading 'the' or punctuation and a trailing possessive or punctuation."""
    toks = doc.tokens
    while s < e and (toks[s].text.lower() == "the" or not toks[s].text[:1].isalnum()):
        s += 1
    while e > s and (toks[e - 1].text in {"'s", "’s", "'", "’"} or not toks[e - 1].text[:1].isalnum()):
        e -= 1
    return s, e


def a_persons_name(doc: ParsedDoc, words: list[str]) -> bool:
    """Whether these words are part of a name of two or more words the NER gave a person ("Tom Greer")."""
    n = len(words)
    for ent in doc.entities:
        if ent.label == "PERSON" and ent.end - ent.start > n:
            ent_words = [t.text for t in doc.tokens[ent.start:ent.end]]
            if any(ent_words[k:k + n] == words for k in range(len(ent_words) - n + 1)):
                return True
    return False


def capitalised(tok) -> bool:
    """A proper noun written with a capital, not a title or article ("Mr", "The")."""
    return tok.pos == "PROPN" and tok.text[:1].isupper() and tok.text.strip(".") not in _PROPN_STOP


def unlabelled_names(doc: ParsedDoc) -> list[tuple[int, int]]:
    """Runs of two or more capitalised words the NER left unlabelled, hyphens inside included ("Cookville
    Volunteer Fire Department")."""
    toks = doc.tokens
    n = len(toks)
    out, i = [], 0
    while i < n:
        t = toks[i]
        if t.ent_iob != "O" or not t.text[:1].isupper():
            i += 1
            continue
        j = i + 1  # a run opens with a capital; a hyphen inside it touches the words on both sides
        while j < n:
            u = toks[j]
            if u.ent_iob != "O" or not (u.text[:1].isupper() or (u.text == "-" and not u.ws and not toks[j - 1].ws)):
                break
            j += 1
        if j - i >= 2:
            out.append((i, j))
        i = j
    return out


class OrganisationPlaces:
    """Finds the place an organisation or a mislabelled person entity is named after."""

    def __init__(self, gazetteer: Gazetteer, weights, institutions: frozenset[str],
                 heads: frozenset[str] = frozenset(), openers: frozenset[str] = frozenset()):
        self.gazetteer = gazetteer
        self.weights = weights
        self.institutions = institutions
        self.heads = heads
        self.openers = openers

    def institution_places(self, doc: ParsedDoc, s: int, e: int, keys: set[str],
                           local: set[str]) -> list[tuple[int, int, list[Candidate]]]:
        """Places in the name of a town's body or building: the town opening it before a head word of
        `data/institution_heads.txt` ("Groton Town Council", "Vancouver International Airport"), and each place
        of a hyphened pair in it ("University of Nebraska-Lincoln", "the Armenia-Italy Friendship Group").

        A town counts when the story names it as a place elsewhere (`keys`) or names its state (`local`, the
        states of the story's other places) and the name is its own, not an alternate; a country, state, county
        or capital counts as it is. No name opening with a word of `data/institution_openers.txt` ("City
        Council", "Supreme Court").
        """
        toks = doc.tokens
        s, e = strip_span(doc, s, e)
        out = []
        head = next((k for k in range(s + 1, e) if toks[k].text.lower() in self.heads and toks[k].text[:1].isupper()), None)
        if head is not None and toks[s].text[:1].isupper():
            for n in range(min(3, head - s), 0, -1):  # the longest name first: "Fort Mill High School"
                between = toks[s + n:head]
                if not all(t.text[:1].isupper() or t.text in _POSSESSIVE for t in between):
                    continue
                cands = self._known_here(doc, toks[s:s + n], keys, local)
                if cands:
                    out.append((s, s + n, cands))
                    break
        for k in range(s + 1, e - 1):  # "Nebraska-Lincoln", "Greenville-Spartanburg": both sides places
            if toks[k].text != "-" or toks[k].ws or toks[k - 1].ws:
                continue
            left = self._pair_part(doc, [range(k - n, k) for n in (2, 1) if k - n >= s], keys, local)
            states = {c.admin1_code for c in (left[2] if left else []) if c.feature_code == "ADM1"}  # "Nebraska-Lincoln"
            right = self._pair_part(doc, [range(k + 1, k + 1 + n) for n in (2, 1) if k + 1 + n <= e], keys,
                                    local | states)
            if left and right:
                out += [left, right]
        return out

    def _pair_part(self, doc: ParsedDoc, spans: list[range], keys: set[str], local: set[str]) -> tuple | None:
        """The longest of these token ranges beside a hyphen that names a place the story backs."""
        toks = doc.tokens
        for r in spans:
            words = [toks[i] for i in r]
            if all(t.text[:1].isupper() for t in words):
                cands = self._known_here(doc, words, keys, local)
                if cands:
                    return r.start, r.stop, cands
        return None

    def _known_here(self, doc: ParsedDoc, words, keys: set[str], local: set[str]) -> list[Candidate]:
        """A place's candidates when these words name it exactly and the story backs it: named elsewhere as a
        place, a country, state, county or capital, or a town in a state the story's places lie in."""
        text = " ".join(t.text for t in words)
        key = normalise(text)
        if (not text[:1].isupper() or words[0].text.lower() in self.openers
                or a_persons_name(doc, [t.text for t in words])):
            return []
        cands = [c for c in self.gazetteer.candidates(key) if c.feature_code in _TOWNISH]
        spelt = len(key) > 3 or "." in text  # "Herts", "Korea", not "La" or "Ga"
        if key in keys or any(c.feature_code in _KEEPS_ANY and (spelt or normalise(c.name) == key) for c in cands):
            return cands
        # the town's own name in a state of the story: not "Duke", an alternate of Erwin, North Carolina
        return [c for c in cands if c.feature_class == "P" and c.admin1_code in local and normalise(c.name) == key]

    def in_organisation(self, doc: ParsedDoc, s: int, e: int, label: str, keys: set[str]) -> tuple | None:
        """A place the NER called a person or organisation: named as a place elsewhere, after 'in',
        or opening an organisation of that place ('Gainesville Police', 'University of Texas')."""
        toks = doc.tokens
        s, e = strip_span(doc, s, e)
        if s >= e:
            return None
        key = normalise(" ".join(t.text for t in toks[s:e]))
        cands = [c for c in self.gazetteer.candidates(key) if normalise(c.name) == key and c.feature_code != "PCLI"]
        if key in keys and cands and not a_persons_name(doc, [t.text for t in toks[s:e]]):
            return s, e, self.gazetteer.candidates(key)
        after_in = s > 0 and toks[s - 1].text.lower() in _PLACE_PREPOSITIONS
        if after_in and any(c.feature_code in BIG or c.population >= self.weights.org_min_population for c in cands):
            return s, e, cands
        if label != "ORG":
            return self._opening(doc, s, e, keys, institution_only=True)
        if e - s >= 3 and "of" in [t.text for t in toks[s + 1:e - 1]]:  # "University of Texas", "Bank of Princeton"
            k = max(i for i in range(s + 1, e - 1) if toks[i].text == "of") + 1
            while k < e - 1 and toks[k].text.lower() == "the":
                k += 1
            cands = self._named_after(toks[k:e], keys, institution=toks[s].text.lower() in _INSTITUTION_OF)
            cands = [c for c in cands if c.feature_code != "PPL" or c.population >= 10 * self.weights.org_lead_min_population
                     or toks[s].text.lower() in _INSTITUTION_OF or normalise(toks[k].text) in keys]
            if cands and toks[k].text[:1].isupper():
                return k, e, cands
        return self._opening(doc, s, e, keys, institution_only=False) or (
            self.inner_country(doc, s, e) if self.weights.inner_countries else None)

    def inner_country(self, doc: ParsedDoc, s: int, e: int,
                      codes: frozenset[str] = frozenset({"PCLI", "ADM1", "PPLC"})) -> tuple | None:
        """A country, state or capital named whole inside an organisation's name: "Air Zimbabwe", "HSBC Malta plc"
        (the longest, first from the left; not its first word, which `_opening` reads; not the end of a longer
        place, "New England Journal", nor joined by a hyphen, "Agence France-Presse")."""
        toks = doc.tokens
        for i in range(s + 1, e):
            if not toks[i].text[:1].isupper() or normalise(toks[i - 1].text + " " + toks[i].text) in self.gazetteer:
                continue  # "New England Journal": not England
            for n in range(min(3, e - i), 0, -1):
                if "-" in toks[i + n - 1].text or (i + n < len(toks) and toks[i + n].text == "-"):
                    continue  # "Agence France-Presse"
                key = normalise(" ".join(t.text for t in toks[i:i + n]))
                cands = [c for c in self.gazetteer.candidates(key) if normalise(c.name) == key
                         and c.feature_code in codes]
                if cands:
                    return i, i + n, cands
        return None

    def _named_after(self, words, keys: set[str], institution: bool) -> list[Candidate]:
        """A place an organisation is named after: a state, county or country, a town of some size, any town
        before an institution word, or a name the story gives as a place elsewhere.

        One word of a town under `org_lead_min_population` * 10 ("Central", "Federal", "Justice": towns,
        but words first) counts only when named as a place elsewhere or, from `org_lead_min_population`
        up, before an institution word ("Roswell Police");
        a state's short form only with its dot or in capitals ("U.S.", "UK", not "La").
        """
        text = " ".join(t.text for t in words)
        key = normalise(text)
        short_ok = "." in text or text.isupper()
        cands = [c for c in self.gazetteer.candidates(key)
                 if normalise(c.name) == key or (c.feature_code in BIG and short_ok)]
        if key in keys:
            return cands
        big = [c for c in cands if c.feature_code in {"PCLI", "ADM1", "ADM2", "PPLC"}]
        if big:
            return cands
        least = self.weights.org_lead_min_population * (1 if institution or len(words) > 1 else 10)
        return [c for c in cands if c.feature_class == "P" and (c.population >= least or institution and len(words) > 1)]

    def _opening(self, doc: ParsedDoc, s: int, e: int, keys: set[str], institution_only: bool) -> tuple | None:
        """The place opening an organisation's name: "Laurel County Sheriff's Office", "Gainesville Police",
        "Texas Forest Service" (a person's name only before an institution word: "McMinn County Sheriff")."""
        toks = doc.tokens
        if not toks[s].text[:1].isupper():
            return None
        for n in range(min(e - s - 1, 4), 0, -1):  # the longest name first: "Kansas City Star"
            word = toks[s + n].text
            if word in {"'s", "’s"}:
                continue
            institution = word.lower() in self.institutions and word not in {"City", "County"}
            if institution_only and not institution:
                continue
            if not institution and not (capitalised(toks[s + n]) or word[:1].isupper()):
                continue
            cands = self._named_after(toks[s:s + n], keys, institution)
            if cands:
                return s, s + n, cands
        return None
