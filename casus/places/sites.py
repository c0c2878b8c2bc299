"""Named places the gazetteer lacks (a village, a district, a venue), found by what the story says of them and
placed where a place it names lies (docs/CODING.md §5): mentions of form "site", annotated, placing no event."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from casus.model import ParsedDoc
from casus.places.gazetteer import normalise
from casus.places.wordlists import load_words

DATA = Path(__file__).resolve().parent / "data"

# lower-case nouns of a kind of small place: "Torkula village", "the Wedza district", "the village of Nagrig"
KIND_NOUNS = load_words(DATA / "site_nouns.txt")
_NOT_NAMES = {"PERSON", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "NORP", "LAW",
              "LANGUAGE", "EVENT", "WORK_OF_ART", "PRODUCT"}
_GOES_ON = {",", "and", "or", "&", "'s", "’s", "-", "–"}
_REGION_CODES = {"ADM1", "ADM2"}
Site = tuple[int, int, object]  # token range and the mention of the place it lies in (None: the story's town)


def _name(doc: ParsedDoc, s: int, e: int, capitalised: Callable) -> bool:
    """One to three capitalised words, no number, none the NER calls a person, a date, a people or an event."""
    toks = doc.tokens
    return (0 < e - s <= 3 and all(capitalised(t) and not any(ch.isdigit() for ch in t.text) for t in toks[s:e])
            and not any(t.ent_type in _NOT_NAMES for t in toks[s:e]) and not all(t.text.isupper() for t in toks[s:e]))


def _run_before(doc: ParsedDoc, k: int, capitalised: Callable) -> int:
    """Where the capitalised run ending before token k starts (k itself when there is none)."""
    s = k
    while s > 0 and capitalised(doc.tokens[s - 1]) and k - s < 4:
        s -= 1
    return s


def by_kind(doc: ParsedDoc, capitalised: Callable) -> list[tuple[int, int]]:
    """A name before or after a lower-case noun of a kind of small place: "Torkula village", "the Wedza district",
    "the Hardeetown area of Chiefland", "the village of Kampungu", "Cairo's suburb of Madinaty"."""
    toks = doc.tokens
    out = []
    for k, t in enumerate(toks):
        if t.text not in KIND_NOUNS:
            continue
        s = _run_before(doc, k, capitalised)
        if s < k and _name(doc, s, k, capitalised) and not (s > 0 and toks[s - 1].text in _GOES_ON):
            out.append((s, k))
        if k + 2 < len(toks) and toks[k + 1].text == "of":
            e = k + 2
            while e < len(toks) and capitalised(toks[e]) and e - k <= 4:
                e += 1
            if _name(doc, k + 2, e, capitalised) and not (e < len(toks) and toks[e].text in {"'s", "’s", "&", "-"}):
                out.append((k + 2, e))
    return out


def before_regions(doc: ParsedDoc, capitalised: Callable, found: Sequence) -> list[Site]:
    """A name before a comma and a found state, province or county that closes the phrase, the region it lies in:
    "Oulton Park, Cheshire.", "Knockhill, Fife.", "Fort Detrick, Maryland" (not "According to Smith, Ohio ...",
    not a firm's "Kaplan & Rothstein, P.A.", not a name the region's own name goes on from)."""
    toks = doc.tokens
    out = []
    for m in found:
        if m.form != "name" or m.start < 2 or toks[m.start - 1].text != "," or not any(
                c.feature_code in _REGION_CODES for c in m.cands):
            continue
        if m.end < len(toks) and "\n" not in toks[m.end - 1].ws and (
                toks[m.end].text[:1].isupper() or toks[m.end].text in _GOES_ON | {"of"}):
            continue  # the phrase goes on: "Mason, Devon and Lee", "Kent's", "Queens of the Stone Age"
        k = m.start - 1
        s = _run_before(doc, k, capitalised)
        if s == k or not _name(doc, s, k, capitalised) or (s > 0 and toks[s - 1].text in _GOES_ON):
            continue
        if s >= 2 and toks[s - 2].text.lower() == "according":
            continue
        out.append((s, k, m))
    return out


def anchor(doc: ParsedDoc, s: int, e: int, found: Sequence, window: int = 8):
    """The found place a site lies in: the first named after it in its sentence within a few words ("the Adhamiyah
    district of Baghdad"), else the last named before it in the sentence ("Cairo's suburb of Madinaty"); None
    when the sentence names none."""
    sent = doc.tokens[s].sent
    named = [m for m in found if m.form == "name" and m.cands and doc.tokens[m.start].sent == sent]
    after = [m for m in named if e <= m.start < e + window]
    if after:
        return min(after, key=lambda m: m.start)
    before = [m for m in named if m.end <= s]
    return max(before, key=lambda m: m.start) if before else None


def sites(doc: ParsedDoc, found: Sequence, capitalised: Callable, free: Callable[[int, int], bool],
          known: Callable[[str], bool]) -> list[Site]:
    """Sites by their kind noun or their region, each with the found place it lies in; not a name the gazetteer
    knows (`known`): other rules find those, or leave them out for a reason ("the Lancaster district")."""
    keys = {m.key for m in found if m.form == "name"}

    def new(s: int, e: int) -> bool:  # nor a run holding a place the story names ("the Nenagh Municipal District")
        words = [t.text for t in doc.tokens[s:e]]
        return free(s, e) and not known(" ".join(words)) and not any(
            normalise(" ".join(words[a:b])) in keys for a in range(len(words)) for b in range(a + 1, len(words) + 1))

    out: list[Site] = [(s, e, m) for s, e, m in before_regions(doc, capitalised, found) if new(s, e)]
    for s, e in by_kind(doc, capitalised):
        if new(s, e) and not any(a < e and s < b for a, b, _ in out):
            out.append((s, e, anchor(doc, s, e, found)))
    return out


__all__ = ["KIND_NOUNS", "by_kind", "before_regions", "anchor", "sites"]
