"""Place mentions in other forms than a place's name: a country's adjective ("Ukrainian troops") and a street
by its name ("Wichita Drive"). `casus/places/find.py` takes them as mentions of form "adjective" and "street";
both are annotated and neither places an event (docs/CODING.md §5).
"""
from __future__ import annotations

import re
from collections.abc import Callable

from casus.model import InputError, ParsedDoc

_STREET_WORDS = {"Street", "St.", "Road", "Rd.", "Avenue", "Ave.", "Boulevard", "Blvd.", "Drive", "Lane", "Parkway",
                 "Pike", "Highway", "Square", "Circle", "Trail"}
_NOT_IN_STREET = {"The", "A", "An", "On", "At", "In", "Of", "And", "To", "From", "By", "For", "With", "Near", "Off"}


def _street_word(t) -> bool:
    """A word of a street's name: capitalised ("Old", "Lexington", "N."), or an ordinal ("11th")."""
    w = t.text
    letters = w.replace(".", "").replace("'", "").replace("\u2019", "").replace("-", "")
    return (w[:1].isupper() and w not in _NOT_IN_STREET and letters.isalpha()) or (
        w[:-2].isdigit() and w[-2:] in {"st", "nd", "rd", "th"})


def streets(doc: ParsedDoc) -> list[tuple[int, int]]:
    """A street or road by its name: "Wichita Drive", "S. Main St.", "West 11th Street", "Old Lexington
    Highway"; not the opening of a longer name ("Wall Street Journal", "Elm Street Church"), nor a surname
    after a middle initial ("Virginia L. Lane"). Token ranges; the resolver places them in the story's town. (Numbered roads,
    "Interstate 70", are left out: LGL marks under a third of them.)"""
    toks = doc.tokens
    out = []
    for i, t in enumerate(toks):
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if t.text not in _STREET_WORDS or i == 0 or (len(toks[i - 1].text) == 2 and toks[i - 1].text[1] == "."
                                                      and toks[i - 1].text[0].isupper() and t.text == "Lane"):
            continue  # "Virginia L. Lane": a surname after a middle initial
        if nxt is not None and nxt.sent == t.sent and nxt.text[:1].isupper() and nxt.pos == "PROPN":
            continue  # "Wall Street Journal"
        s = i
        while s > 0 and i - s < 4 and _street_word(toks[s - 1]) and toks[s - 1].sent == t.sent:
            s -= 1
        if s < i:
            out.append((s, i + 1))
    return out


_ROAD_NUMBER = re.compile(r"^[AM]\d{1,4}$")
_ROAD_WORDS = {"road", "roads", "carriageway", "motorway", "junction", "roundabout", "southbound", "northbound",
               "eastbound", "westbound", "diversion", "bypass", "lane", "lanes", "traffic", "closure", "crash",
               "collision", "lorry", "slip"}


def numbered_roads(doc: ParsedDoc) -> list[tuple[int, int]]:
    """A British numbered road, "the A417", "the M25", in a sentence about roads (a word of `_ROAD_WORDS`:
    "carriageway", "junction", "diversion", ...), so that an "A380" airliner or an "M16" rifle is not one."""
    toks = doc.tokens
    road_sents = {t.sent for t in toks if t.text.lower() in _ROAD_WORDS}
    return [(i, i + 1) for i, t in enumerate(toks) if _ROAD_NUMBER.match(t.text) and t.sent in road_sents]


def adjectives(doc: ParsedDoc, table: dict[tuple[str, ...], tuple[str, ...]], capitalised: Callable,
               in_names: bool = True) -> list[tuple]:
    """A country's adjective modifying a noun names the country: "Ukrainian troops", "the Syrian-Turkish
    border", "a Kenyan citizen" (`places/data/demonyms.tsv`: token range and country codes; the longest form
    first, "South African"). Not a person ("the Nigerian scored", "French said"), not closing a longer name
    ("Native American", "African-American"), not in a person's name or a language's; with `in_names` off,
    not opening a name either ("American Airlines").
    """
    toks = doc.tokens
    longest = max((len(k) for k in table), default=0)
    firsts = {k[0] for k in table}
    lasts = {k[-1] for k in table}
    banned = {i for e in doc.entities if e.label in {"PERSON", "LANGUAGE"} for i in range(e.start, e.end)}
    if not in_names:
        banned |= {i for e in doc.entities if e.end - e.start > 1 and e.label not in {"NORP", "GPE", "LOC"}
                   for i in range(e.start, e.end)}
    modifier = {"amod", "compound", "nmod", "npadvmod"}

    def modifies(i: int, j: int) -> bool:
        t = toks[j - 1]
        if j < len(toks) and toks[j].text in {"-", "–"}:  # "Russian-backed", "Syrian-Turkish"
            return True
        if t.dep == "conj":  # "German, Irish and other immigrants": as the first of the list
            t = toks[t.head]
        return t.dep in modifier and t.head > j - 1

    def joined(i: int) -> bool:  # "Native American", "African-American": the end of a longer name
        k = i - 1
        if k >= 0 and toks[k].text in {"-", "–"} and "\n" not in toks[k].ws and not toks[k - 1].ws:
            k -= 1
        return k >= 0 and (capitalised(toks[k]) or toks[k].text[:1].isupper() and toks[k].text.isalpha()
                           and toks[k].pos in {"PROPN", "ADJ", "NOUN"} and toks[k].sent == toks[i].sent
                           and k != _sentence_start(doc, i)) and toks[k].text not in lasts

    out = []
    i = 0
    while i < len(toks):
        if toks[i].text not in firsts:
            i += 1
            continue
        for n in range(min(longest, len(toks) - i), 0, -1):
            codes = table.get(tuple(t.text for t in toks[i:i + n]))
            if codes and not banned.intersection(range(i, i + n)) and modifies(i, i + n) and not joined(i):
                out.append((i, i + n, codes))
                i += n - 1
                break
        i += 1
    return out


def _sentence_start(doc: ParsedDoc, i: int) -> int:
    toks = doc.tokens
    k = i
    while k > 0 and toks[k - 1].sent == toks[i].sent:
        k -= 1
    return k


def load_endings(path) -> list[tuple[str, str]]:
    """The spelling rules of `places/data/demonym_endings.tsv`: (ending of a people's word, what replaces it)."""
    rules = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            fields = line.split("\t")
            if len(fields) < 2 or not fields[0].isalpha() or (fields[1] and not fields[1].isalpha()):
                raise InputError(str(path), "want an ending, a tab and its replacement (letters; the replacement may "
                                 "be empty)", n)
            rules.append((fields[0], fields[1]))
    return rules


def peoples(doc: ParsedDoc, table: dict[tuple[str, ...], tuple[str, ...]], endings: list[tuple[str, str]],
            state_of: Callable[[str], object | None]) -> list[tuple]:
    """Words of a people the NER calls a nationality (NORP): a country's people in the plural ("Americans",
    "Israelis": a form of the adjective table and an s), and a state's or province's people or adjective, its
    name by a spelling rule ("Ohioans", "Floridians", "a Texan pilot", "Dagestani officials"; `state_of` gives
    the state for a name, or None). Token range, form ("people", or "adjective" when a singular word modifies a
    noun) and the table's codes or the state. Not a longer name ("Native Americans", "the Houston Texans")."""
    toks = doc.tokens
    out = []
    for ent in doc.entities:
        if ent.label != "NORP":
            continue
        s, e = ent.start, ent.end
        while s < e and toks[s].text.lower() == "the":
            s += 1
        if s >= e or not toks[e - 1].text[:1].isupper():
            continue
        words = [t.text for t in toks[s:e]]
        last = words[-1]
        plural = last.endswith("s") and len(last) > 3
        single = [*words[:-1], last[:-1]] if plural else words
        modifies = not plural and toks[e - 1].dep in {"amod", "compound", "nmod"} and toks[e - 1].head >= e
        codes = table.get(tuple(single)) if plural else None
        if codes:
            out.append((s, e, "people", codes))
            continue
        if tuple(single) in table:
            continue  # a country's adjective: `adjectives` reads it
        stem_words, word = single[:-1], single[-1]
        for ending, replacement in endings:
            if not word.endswith(ending) or len(word) - len(ending) < 3:
                continue
            state = state_of(" ".join([*stem_words, word[:len(word) - len(ending)] + replacement]))
            if state is not None:
                out.append((s, e, "adjective" if modifies else "people", state))
                break
    return out
