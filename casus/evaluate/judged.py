"""`casus eval judged`: precision of casus's events on real news judged by reading, and recall on annotated sentences.

The gold folder (../shared/eval/events/judged_realnews) holds the documents exactly as coded
(`docs.jsonl`), events judged by reading (`judged_events.jsonl`: verdict 1 / 0.5 / 0) and
sentences annotated with every event an analyst would code (`annotated_sentences.jsonl`, most
with none). casus codes the documents; each event is matched to a judged one of the same
document whose trigger overlaps and whose CAMEO root is the same. Judged precision is the mean
verdict of the matched events; unmatched events are unjudged and only counted. On annotated
sentences an event of casus is false when the sentence holds no annotated event, and an
annotated event is found when casus codes its root in the sentence (and, stricter, with the
source's country). Documents are split by `casus.evaluate.splits.split_of`.
"""
from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from casus.evaluate.splits import split_of
from casus.evaluate.lines import json_lines
from casus.model import Article, InputError

BINS = (0.0, 0.2, 0.4, 0.5, 0.6, 0.8, 1.01)  # reliability table: confidence bins
CORPORA = ("reuters", "bbc", "wikinews")


@dataclass
class JudgedGold:
    """The judged real-news folder, read."""

    docs: list[dict]
    judged: list[dict]
    sentences: list[dict]
    by_doc: dict[str, list[dict]] = field(default_factory=dict)  # judged events by document
    sentences_by_doc: dict[str, list[dict]] = field(default_factory=dict)  # annotated sentences by document

    def __post_init__(self) -> None:
        for j in self.judged:
            self.by_doc.setdefault(j["doc_id"], []).append(j)
        for s in self.sentences:
            self.sentences_by_doc.setdefault(s["doc_id"], []).append(s)


def _jsonl(path: Path) -> list[dict]:
    return [row for _, row in json_lines(path)]


def load_gold(folder: Path | str) -> JudgedGold:
    """Read docs.jsonl, judged_events.jsonl and annotated_sentences.jsonl of a judged folder."""
    folder = Path(folder)
    need = ("docs.jsonl", "judged_events.jsonl", "annotated_sentences.jsonl")
    missing = [n for n in need if not (folder / n).exists()]
    if missing:
        raise InputError(str(folder), f"not a judged folder: no {', '.join(missing)}")
    return JudgedGold(*(_jsonl(folder / n) for n in need))


def corpus_of(doc_id: str) -> str:
    """'reuters', 'bbc' or 'wikinews' from a judged document id."""
    return next((c for c in CORPORA if doc_id.startswith(c)), "other")


def in_split(doc_id: str, split: str) -> bool:
    """True when the document belongs to the split ('all' takes every one)."""
    return split == "all" or split_of(doc_id) == split


def articles(docs: Iterable[dict]) -> list[Article]:
    """The documents as casus reads them (the text as coded; date when known)."""
    import datetime as dt

    out = []
    for d in docs:
        date = dt.date.fromisoformat(d["date"][:10]) if d.get("date") else None
        out.append(Article(id=d["id"], text=d["text"], report_date=date,
                           report_date_basis="given" if date else "none"))
    return out


def package_digest() -> str:
    """A digest of casus's code and data files: coded output is cached under it."""
    root = Path(__file__).resolve().parents[1]
    h = hashlib.sha1()
    for p in sorted(root.rglob("*")):
        if p.is_file() and p.suffix in (".py", ".tsv", ".json", ".txt", ".npz") and "__pycache__" not in p.parts:
            h.update(str(p.relative_to(root)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


def code_docs(gold: JudgedGold, pipe_factory: Callable, split: str = "all",
              cache: Path | None = None, variant: str = "") -> dict[str, list[dict]]:
    """Event records (all confidences) per document of the split, read from the cache when the package is unchanged."""
    path = None
    if cache is not None:
        path = Path(cache) / f"judged-{package_digest()}{'-off-' + variant if variant else ''}.jsonl"
        if path.exists():
            coded: dict[str, list[dict]] = defaultdict(list)
            for r in _jsonl(path):
                coded[r["doc_id"]] = r["events"]
            if all(d["id"] in coded for d in gold.docs if in_split(d["id"], split)):
                return coded
    pipe = pipe_factory()
    coded = {}
    if path is None:
        docs = [d for d in gold.docs if in_split(d["id"], split)]
        for article, events in pipe.code(articles(docs)):
            coded[article.id] = [e.to_dict() for e in events]
        return coded
    for doc in parsed_docs(gold, pipe, Path(cache)):
        coded[doc.article.id] = [e.to_dict() for e in pipe.events(pipe.ground(doc))]
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        with open(tmp, "w", encoding="utf-8") as fh:
            for doc_id, events in coded.items():
                fh.write(json.dumps({"doc_id": doc_id, "events": events}, ensure_ascii=False) + "\n")
        tmp.replace(path)
    return coded


def parsed_docs(gold: JudgedGold, pipe, cache: Path) -> list:
    """The parsed documents, from a cache keyed by their texts and casus/nlp.py (the parse is most of the time)."""
    import pickle

    h = hashlib.sha1((Path(__file__).resolve().parents[1] / "nlp.py").read_bytes())
    for d in gold.docs:
        h.update(d["id"].encode())
        h.update(d["text"].encode())
    path = Path(cache) / f"parsed-{h.hexdigest()[:16]}.pickle"
    if path.exists():
        return pickle.loads(path.read_bytes())
    docs = list(pipe.parser.parse_many(articles(gold.docs)))
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(pickle.dumps(docs))
    tmp.replace(path)
    return docs


def _spans(event: dict) -> list[tuple[int, int]]:
    """Character spans of every folded mention's trigger (the event's own first)."""
    spans = [(event["trigger"]["start"], event["trigger"]["end"])]
    for ev in event.get("evidence") or []:
        t = ev.get("trigger") or {}
        if "start" in t and (t["start"], t["end"]) not in spans:
            spans.append((t["start"], t["end"]))
    return spans


def match(event: dict, judged: list[dict]) -> dict | None:
    """The judged event of the same document with an overlapping trigger and the same CAMEO root."""
    root = event["cameo"]["code"][:2]
    for a, b in _spans(event):
        for j in judged:
            t = j["trigger"]
            if j["coded"]["cameo"][:2] == root and a < t["end"] and t["start"] < b:
                return j
    return None


def sentence_label(event: dict, sentence: dict) -> float | None:
    """How right an event is by an annotated sentence it falls in: 1, 0.5 (root, wrong doer country) or 0."""
    root = event["cameo"]["code"][:2]
    country = (event.get("source") or {}).get("country")
    same = [g for g in sentence["events"] if g["root"] == root]
    if not same:
        return 0.0
    return 1.0 if any(not g.get("source_country") or g["source_country"] == country for g in same) else 0.5


def sentences_of(event: dict, sentences: list[dict]) -> list[dict]:
    """The annotated sentences (of the event's document) that one of its mentions falls in."""
    return [s for s in sentences for a, _ in _spans(event) if s["sentence"][0] <= a < s["sentence"][1]]


def _mean(xs: list[float]) -> float | None:
    return sum(xs) / len(xs) if xs else None


def reliability(pairs: list[tuple[float, float]]) -> list[dict]:
    """Confidence bins against the mean verdict of the matched events in each."""
    rows = []
    for lo, hi in zip(BINS, BINS[1:]):
        vs = [v for c, v in pairs if lo <= c < hi]
        rows.append({"confidence": f"{lo:.1f}–{min(hi, 1.0):.1f}", "events": len(vs), "mean verdict": _mean(vs)})
    return rows


def score(gold: JudgedGold, coded: dict[str, list[dict]], split: str = "all", min_confidence: float = 0.0) -> dict:
    """Judged precision, judged share, false events on no-event sentences, recall, density and reliability."""
    sents_by_doc: dict[str, list[dict]] = defaultdict(list)
    for s in gold.sentences:
        if in_split(s["doc_id"], split):
            sents_by_doc[s["doc_id"]].append(s)
    pairs: list[tuple[float, float]] = []
    n_events = 0
    words: dict[str, int] = defaultdict(int)
    per_corpus: dict[str, int] = defaultdict(int)
    hit_sentences: dict[tuple[str, int], list[dict]] = defaultdict(list)
    for d in gold.docs:
        doc_id = d["id"]
        if not in_split(doc_id, split):
            continue
        events = [e for e in coded.get(doc_id, []) if e["confidence"] >= min_confidence]
        n_events += len(events)
        words[corpus_of(doc_id)] += len(d["text"].split())
        per_corpus[corpus_of(doc_id)] += len(events)
        judged = gold.by_doc.get(doc_id, [])
        for e in events:
            j = match(e, judged)
            if j is not None:
                pairs.append((e["confidence"], float(j["verdict"])))
            for s in sentences_of(e, sents_by_doc.get(doc_id, [])):
                hit_sentences[(doc_id, s["sentence"][0])].append(e)
    empty = [s for ss in sents_by_doc.values() for s in ss if not s["events"]]
    full = [s for ss in sents_by_doc.values() for s in ss if s["events"]]
    false_events = sum(len(hit_sentences[(s["doc_id"], s["sentence"][0])]) for s in empty)
    false_sents = sum(bool(hit_sentences[(s["doc_id"], s["sentence"][0])]) for s in empty)
    n_gold = found_root = found_src = 0
    for s in full:
        mine = hit_sentences[(s["doc_id"], s["sentence"][0])]
        for g in s["events"]:
            n_gold += 1
            same = [e for e in mine if e["cameo"]["code"][:2] == g["root"]]
            found_root += bool(same)
            found_src += any((country := (e.get("source") or {}).get("country")) is not None
                             and country == g.get("source_country") for e in same)  # an unknown source is no hit
    verdicts = [v for _, v in pairs]
    row = {"split": split, "min conf": min_confidence, "events": n_events, "judged": len(pairs),
           "judged share": len(pairs) / n_events if n_events else None, "unjudged": n_events - len(pairs),
           "judged precision": _mean(verdicts),
           "precision conf≥0.5": _mean([v for c, v in pairs if c >= 0.5]),
           "precision conf<0.5": _mean([v for c, v in pairs if c < 0.5]),
           "no-event sentences": len(empty), "false events there": false_events,
           "sentences with a false event": false_sents / len(empty) if empty else None,
           "annotated events": n_gold, "recall root": found_root / n_gold if n_gold else None,
           "recall root+source country": found_src / n_gold if n_gold else None}
    for c in CORPORA:
        if words[c]:
            row[f"events/1000 words {c}"] = 1000 * per_corpus[c] / words[c]
    return {"row": row, "reliability": reliability(pairs)}


def run(gold: str, pipe_factory: Callable, split: str = "dev", min_confidence: float | None = None,
        cache: Path | None = None, variant: str = "") -> list[dict]:
    """Rows of `casus eval judged`: the summary row, then the reliability table rows.

    variant names what differs from the default pipeline (gates switched off), for the cache.
    """
    g = load_gold(gold)
    coded = code_docs(g, pipe_factory, split, cache, variant)
    if min_confidence is None:  # the default every command drops below
        from casus.events import EventFilter

        min_confidence = EventFilter.load().threshold
    result = score(g, coded, split, min_confidence)
    return [result["row"], *result["reliability"]]
