"""Datelines as toponyms: the town a story was filed from, found where the NER missed or cut it.

Like `constructions.py`, each function returns token ranges with their exact gazetteer candidates for
`casus/places/find.py` to take.
"""
from __future__ import annotations

from casus.ingest.dateline import month_number
from casus.model import ParsedDoc
from casus.places.constructions import Hit, exact
from casus.places.gazetteer import Gazetteer

_DASHES = {"—", "–", "-", "--", "(", ",", ":"}


def _line_start(doc: ParsedDoc, i: int) -> bool:
    toks = doc.tokens
    return i == 0 or "\n" in toks[i - 1].ws or "\n" in toks[i - 1].text or toks[i - 1].text in {".", "\n"}


def _shouted(w: str) -> bool:
    """"TORRINGTON", "DeKALB", "ST.": capitals but for a letter or two."""
    letters = w.replace(".", "")
    return letters.isalpha() and sum(ch.isupper() for ch in letters) >= max(2, len(letters) - 2)


def day_follows(doc: ParsedDoc, k: int) -> bool:
    """Whether a wire dateline's day follows the comma at token k: "ST. LOUIS, Oct 19", "NEW LONDON, Conn., April 2"."""
    toks = doc.tokens
    if k >= len(toks) or toks[k].text != ",":
        return False
    for j in range(k + 1, min(k + 5, len(toks) - 1)):
        if month_number(toks[j].text) is not None and toks[j].text[:1].isupper() and toks[j + 1].text[:1].isdigit():
            return j == k + 1 or toks[j - 1].text == ","
        if not (toks[j].text[:1].isupper() or toks[j].text in {".", ","}):
            return False
    return False


def wire_datelines(doc: ParsedDoc, gazetteer: Gazetteer) -> list[Hit]:
    """The town of a wire dateline in capitals before a comma and the day, whole though a headline in capitals
    runs into it: "SALES DROP ST. LOUIS, Oct 19 -" is St. Louis, "NEW LONDON, Conn., April 2" New London.

    The longest run of up to four words in capitals (with dots and hyphens) ending at the comma that is a
    gazetteer name.
    """
    toks = doc.tokens
    out = []
    for k in range(1, len(toks)):
        if toks[k].text != "," or not _shouted(toks[k - 1].text) or not day_follows(doc, k):
            continue
        for i in range(max(0, k - 6), k):
            words = [w.text for w in toks[i:k] if w.text not in {".", "-"}]  # "ST . PAUL", "PORT - AU - PRINCE"
            if (len(words) <= 4 and _shouted(toks[i].text) and _shouted(toks[k - 1].text)
                    and all(_shouted(w) for w in words)):
                cands = exact(gazetteer, [w.text.title() for w in toks[i:k]])
                if cands:
                    out.append((i, k, cands, None))
                    break
    return out


def datelines(doc: ParsedDoc, gazetteer: Gazetteer) -> list[Hit]:
    """A town in capitals opening a line before a dash, colon or bracket ("TORRINGTON —", "BEIRUT:",
    "MOUNT GILEAD (AP)", "DeKALB –").

    Any size of town: a dateline names the place a story was filed from.
    """
    toks = doc.tokens
    out = []
    shouted = _shouted

    for i, t in enumerate(toks):
        if not (len(t.text) > 2 and t.text[:1].isupper() and shouted(t.text)) or not _line_start(doc, i):
            continue
        j = i
        while j < len(toks) and j - i < 3 and shouted(toks[j].text):
            j += 1
        if j >= len(toks) or toks[j].text not in _DASHES:
            continue
        cands = exact(gazetteer, [w.text.title() for w in toks[i:j]])
        if cands:
            out.append((i, j, cands, None))
    return out
