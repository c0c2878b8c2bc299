"""Score direct-quote finding and speaker attribution against PolNeAR (BRAT standoff).

Gold. PolNeAR marks attribution relations as Source / Cue / Content spans joined by an
`E` line. A *gold direct quote* is a Content whose every fragment, trimmed of white space
and of edge punctuation (. , ; : — -), begins with an opening double quotation mark
(" “ ” or '') and ends with a closing one. Two conventions of news text count too: a
quote whose paragraph ends without a closing mark because the next paragraph reopens it,
and a transcript paragraph that opens with the mark before the speaker's label
("PENCE: Well, look, ...), whose Content starts after the label. A quote split by its attribution
("We will," he said, "continue talks") is ONE gold Content made of two fragments; mixed
and partial quotes ("He said the plan was "a disaster" for them") start or end outside
the marks and are not direct quotes. When several annotators did one article, the
annotation file whose name sorts first is used.

Predictions. `find_quotes` returns one record per run of quoted text, so the two halves of
a split quote are two records with the same speaker mention. Scoring joins consecutive
direct quotes of one paragraph that share a speaker mention standing between them into one
predicted unit, as PolNeAR joins them into one Content.

Matching. Words are runs of letters and digits; a span's words are those that start inside
it (all fragments for gold). A predicted unit P matches a gold quote G when
|P ∩ G| / max(|P|, |G|) >= 0.5 (so at least half of each side is shared); matching is
one-to-one, best overlap first. Content P/R/F1 count matched units; exact F1 counts
units with the same word set.

Speakers. Over matched pairs whose gold has a Source span, the speaker is right when
(a) the predicted speaker span overlaps the gold Source span and the gold Source is not
a pronoun, or (b) the predicted resolved name and the gold speaker's name share a name
word (capitalised word that is not a title). The gold speaker's name is the Source text,
or for a pronoun Source ("he", "she", "they", ...) the nearest preceding gold Source in
the article that contains a capitalised word: the corpus has no coreference, so this is an
approximation, taken from gold annotation only.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from casus.model import Article, ParsedDoc, Quote

OPENERS = ('"', "“", "”", "''", "``")
CLOSERS = ('"', "”", "“", "''")
PRONOUNS = frozenset("he she they i we it him her them you his their".split())
TITLES = frozenset(
    "mr mrs ms miss dr sen senator rep representative gov governor president gen general "
    "the a an of former secretary mayor vice rev judge justice prof professor".split())
SWAP_VERBS = frozenset("said says told added wrote asked".split())
_LABELLED = re.compile(r"\s*[\"“”]\s*[A-Z][A-Z .'-]*:\s*")
_WORD = re.compile(r"\w+")


@dataclass
class GoldQuote:
    """One gold direct quote: content fragments (character ranges) and its source."""

    fragments: list[tuple[int, int]]
    source: tuple[int, int] | None = None
    source_text: str | None = None
    speaker_name: str | None = None


@dataclass
class GoldArticle:
    """One PolNeAR article: its text and its gold direct quotes."""

    id: str
    text: str
    quotes: list[GoldQuote] = field(default_factory=list)


def _is_direct(text: str, fragments: Sequence[tuple[int, int]]) -> bool:
    parts = [(s, e) for s, e in fragments if text[s:e].strip(" \t\n\xa0.,;:—-")]
    return bool(parts) and all(_opens(text, s, e, k == 0) and _closes(text, s, e) for k, (s, e) in enumerate(parts))


def _opens(text: str, s: int, e: int, first: bool) -> bool:
    if text[s:e].lstrip().startswith(OPENERS):
        return True
    line = text[text.rfind("\n", 0, s) + 1:s]
    return first and bool(_LABELLED.fullmatch(line))


def _closes(text: str, s: int, e: int) -> bool:
    if text[s:e].rstrip().rstrip(".,;:—-").endswith(CLOSERS):
        return True
    rest = text[e:]
    nl = rest.find("\n")
    if nl < 0 or rest[:nl].strip(" \t\xa0.,;:—-\"”"):
        return False
    return rest[nl:].lstrip().startswith(OPENERS)


def _read_ann(path: Path) -> tuple[dict[str, tuple[str, list[tuple[int, int]]]], list[dict[str, str]]]:
    spans, relations = {}, []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if line.startswith("T") and len(cols) >= 2:
            label, _, offsets = cols[1].partition(" ")
            frags = sorted(tuple(int(x) for x in part.split()) for part in offsets.split(";"))
            spans[cols[0]] = (label, [f for f in frags if f[1] > f[0]])
        elif line.startswith("E") and len(cols) >= 2:
            relations.append(dict(arg.split(":", 1) for arg in cols[1].split()))
    return spans, relations


def _has_name(text: str) -> bool:
    return any(w[0].isupper() and w.lower() not in TITLES for w in _WORD.findall(text))


def read_split(split_dir: str | Path, limit: int | None = None) -> list[GoldArticle]:
    """Read one PolNeAR split (a folder with text/ and attributions/) into gold articles."""
    split_dir = Path(split_dir)
    chosen: dict[str, Path] = {}
    for ann in sorted((split_dir / "attributions").glob("*.ann")):
        chosen.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    articles = []
    for name in sorted(chosen)[:limit]:
        text = (split_dir / "text" / f"{name}.txt").read_text(encoding="utf-8")
        spans, relations = _read_ann(chosen[name])
        art = GoldArticle(name, text)
        last_named: str | None = None
        for rel in sorted(relations, key=lambda r: _first(spans, r)):
            src = spans.get(rel.get("Source", ""), (None, []))[1]
            cue = spans.get(rel.get("Cue", ""), (None, []))[1]
            if src and cue and _looks_swapped(text, src, cue):
                src = cue
            src_text = " ".join(text[s:e] for s, e in src) if src else None
            content = spans.get(rel.get("Content", ""), (None, []))[1]
            if content and _is_direct(text, content):
                name_ = src_text
                if src_text and src_text.strip().lower() in PRONOUNS:
                    name_ = last_named
                art.quotes.append(GoldQuote(content, (src[0][0], src[-1][1]) if src else None, src_text, name_))
            if src_text and _has_name(src_text) and src_text.strip().lower() not in PRONOUNS:
                last_named = src_text
        articles.append(art)
    return articles


def _looks_swapped(text: str, src, cue) -> bool:
    """A Source that is one speech-verb word next to a capitalised Cue: the labels were swapped."""
    src_text = " ".join(text[s:e] for s, e in src).strip().lower()
    return src_text in SWAP_VERBS and _has_name(" ".join(text[s:e] for s, e in cue))


def _first(spans, rel) -> int:
    frags = [spans[t][1] for t in rel.values() if t in spans and spans[t][1]]
    return min((f[0][0] for f in frags), default=0)


def _words(text: str, ranges: Iterable[tuple[int, int]]) -> frozenset[int]:
    out = set()
    for s, e in ranges:
        out.update(m.start() + s for m in _WORD.finditer(text[s:e]))
    return frozenset(out)


def _name_words(name: str | None) -> set[str]:
    if not name:
        return set()
    return {w.lower() for w in _WORD.findall(name) if w[0].isupper() and w.lower() not in TITLES and w.lower() not in PRONOUNS}


def predicted_units(doc: ParsedDoc, quotes: Sequence[Quote]) -> list[list[Quote]]:
    """Group direct quotes into units: consecutive parts of one paragraph with one speaker mention."""
    text = doc.article.text
    units: list[list[Quote]] = []
    for q in sorted((q for q in quotes if q.direct), key=lambda q: q.start):
        if units:
            prev = units[-1][-1]
            same_speaker = prev.speaker is not None and q.speaker is not None and prev.speaker.start == q.speaker.start
            if same_speaker and prev.end <= q.speaker.start < q.start and "\n" not in text[prev.end:q.start]:
                units[-1].append(q)
                continue
        units.append([q])
    return units


def speaker_right(gold: GoldQuote, unit: Sequence[Quote]) -> bool:
    """Whether the predicted unit's speaker agrees with the gold speaker (see module doc)."""
    sp = unit[0].speaker
    if sp is None or gold.source is None:
        return False
    gold_pronoun = (gold.source_text or "").strip().lower() in PRONOUNS
    if not gold_pronoun and sp.start < gold.source[1] and gold.source[0] < sp.end:
        return True
    return bool(_name_words(sp.name or sp.text) & _name_words(gold.speaker_name))


def score_article(gold: GoldArticle, doc: ParsedDoc, quotes: Sequence[Quote]) -> dict[str, int]:
    """Count matches, exact matches and right speakers for one article."""
    text = gold.text
    units = predicted_units(doc, quotes)
    pw = [_words(text, [(q.start, q.end) for q in u]) for u in units]
    gw = [_words(text, g.fragments) for g in gold.quotes]
    pairs = []
    for gi, g in enumerate(gw):
        for pi, p in enumerate(pw):
            shared = len(g & p)
            if shared and shared / max(len(g), len(p)) >= 0.5:
                pairs.append((shared / max(len(g), len(p)), gi, pi))
    used_g, used_p = set(), set()
    counts = dict(gold=len(gw), pred=len(pw), matched=0, exact=0, with_source=0, speaker=0)
    for _, gi, pi in sorted(pairs, reverse=True):
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        counts["matched"] += 1
        counts["exact"] += gw[gi] == pw[pi]
        if gold.quotes[gi].source is not None:
            counts["with_source"] += 1
            counts["speaker"] += speaker_right(gold.quotes[gi], units[pi])
    return counts


def _f1(p: float, r: float) -> float:
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def score_split(name: str, gold: Sequence[GoldArticle], parser, finder=None) -> dict:
    """Run the quote finder over one split and return its row of figures."""
    if finder is None:
        from casus.events import find_quotes as finder
    totals = dict(gold=0, pred=0, matched=0, exact=0, with_source=0, speaker=0)
    docs = parser.parse_many(Article(id=g.id, text=g.text) for g in gold)
    for g, doc in zip(gold, docs):
        for k, v in score_article(g, doc, finder(doc)).items():
            totals[k] += v
    p = totals["matched"] / totals["pred"] if totals["pred"] else 0.0
    r = totals["matched"] / totals["gold"] if totals["gold"] else 0.0
    ep = totals["exact"] / totals["pred"] if totals["pred"] else 0.0
    er = totals["exact"] / totals["gold"] if totals["gold"] else 0.0
    return {
        "split": name, "articles": len(gold), "gold_quotes": totals["gold"], "predicted_quotes": totals["pred"],
        "matched": totals["matched"], "precision": round(p, 4), "recall": round(r, 4), "f1": round(_f1(p, r), 4),
        "exact_f1": round(_f1(ep, er), 4),
        "speaker_accuracy": round(totals["speaker"] / totals["with_source"], 4) if totals["with_source"] else 0.0,
    }


def run(gold: str, parser, limit: int | None = None) -> list[dict]:
    """Score quotes on a PolNeAR folder (train and dev rows) or one split folder; `limit` articles per split."""
    root = Path(gold)
    if (root / "attributions").is_dir():
        splits = [(root.name, root)]
    else:
        splits = [(s, root / s) for s in ("train", "dev") if (root / s / "attributions").is_dir()]
    if not splits:
        raise FileNotFoundError(f"{gold}: no PolNeAR split (a folder with text/ and attributions/)")
    return [score_split(name, read_split(path, limit), parser) for name, path in splits]
