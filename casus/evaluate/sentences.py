"""Scores for `casus eval sentences`: recall of the events analysts annotated in real-news sentences.

The gold (`annotated_sentences.jsonl`) lists sentences by document id and character offsets into the
documents of `docs.jsonl` beside it, each with every event an analyst would code (root, code, source
country, …) — most with none. casus codes the documents of the chosen split (`casus.evaluate.splits`);
an event counts for the sentence its trigger lies in (every folded mention counts). Reported:
recall of annotated events (an event of the same root in the sentence; and with the annotated source
country), per root for the most frequent roots, the share of annotated events whose sentence got
nothing coded, and the share of sentences without an annotated event in which casus coded something.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from casus.evaluate.splits import SPLITS, split_of
from casus.evaluate.lines import json_lines
from casus.model import InputError

TOP_ROOTS = 10
DOCS_FILE = "docs.jsonl"


@dataclass
class Sentence:
    """One annotated sentence: where it is and the events an analyst codes in it."""

    doc_id: str
    start: int
    end: int
    events: list[dict] = field(default_factory=list)
    corpus: str | None = None  # the corpus file under ../shared/corpus, for gold that holds references only


@dataclass
class Coded:
    """What casus coded in one sentence: (root, source country) per event mention."""

    pairs: list[tuple[str, str | None]] = field(default_factory=list)


def load_sentences(path: Path, split: str = "all") -> list[Sentence]:
    """The annotated sentences of one split ('all' for every one)."""
    if split != "all" and split not in SPLITS:
        raise InputError("--split", f"unknown split {split!r} (want {', '.join(SPLITS)} or all)")
    out = []
    for n, r in json_lines(path):
        try:
            s = Sentence(r["doc_id"], int(r["sentence"][0]), int(r["sentence"][1]), list(r.get("events") or []),
                         r.get("corpus"))
        except (KeyError, TypeError, ValueError, IndexError) as e:
            raise InputError(str(path), f"not an annotated sentence ({type(e).__name__}: {e})", n) from None
        if split == "all" or split_of(s.doc_id) == split:
            out.append(s)
    return out


def load_docs(path: Path, ids: set[str]):
    """The Articles of docs.jsonl whose id is in `ids`, read as `casus code` reads them."""
    from casus.ingest import read_inputs

    if not path.exists():
        raise InputError(str(path), "no docs.jsonl beside the annotated sentences")
    return [a for a in read_inputs([str(path)]) if a.id in ids]


def documents(path: Path, sentences: list[Sentence]) -> tuple[list[Sentence], list]:
    """The sentences' Articles and the sentences with offsets into them.

    From docs.jsonl beside the gold when it is there; else from the corpus files the sentences name
    under ../shared/corpus (references only: offsets into the raw text are carried over to the text as
    read, and each event's trigger, source and target spans are filled in with their text).
    """
    ids = {s.doc_id for s in sentences}
    if (path.parent / DOCS_FILE).exists():
        return sentences, load_docs(path.parent / DOCS_FILE, ids)
    import tempfile

    from casus.evaluate.corpus_refs import OffsetMap, corpus_texts, shared_folder
    from casus.ingest import read_inputs

    if any(s.corpus is None for s in sentences):
        raise InputError(str(path), "no docs.jsonl beside the annotated sentences and no corpus file named")
    shared = shared_folder(path)
    if shared is None:
        raise InputError(str(path), "its documents are in ../shared/corpus, which is not here (set CASUS_SHARED)")
    raw = corpus_texts(shared / "corpus", {s.doc_id: s.corpus for s in sentences})
    with tempfile.TemporaryDirectory() as tmp:
        inp = Path(tmp) / DOCS_FILE
        inp.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in sorted(raw.items())),
                       encoding="utf-8")
        articles = list(read_inputs([str(inp)]))
    maps = {a.id: OffsetMap(raw[a.id], a.text) for a in articles}
    bad = sorted(i for i, m in maps.items() if not m.aligned)
    if bad:
        raise InputError(str(path), f"{bad[0]}: the text as read differs from the corpus beyond whitespace")
    texts = {a.id: a.text for a in articles}
    return [_rebased(s, maps[s.doc_id], texts[s.doc_id]) for s in sentences], articles


def _rebased(s: Sentence, m, text: str) -> Sentence:
    """A sentence of reference gold with offsets into the read text and its events' spans as text."""
    events = []
    for e in s.events:
        e = dict(e)
        for key, text_key in (("trigger", "trigger"), ("source", "source_text"), ("target", "target_text")):
            span = e.get(key)
            if isinstance(span, list) and len(span) == 2:
                a, b = m.to_read(span[0]), m.to_read_end(span[1])
                e[text_key] = text[a:b]
                if key == "trigger":
                    e["trigger_span"] = [a, b]
        events.append(e)
    return Sentence(s.doc_id, m.to_read(s.start), m.to_read_end(s.end), events, s.corpus)


def coded_by_sentence(sentences: list[Sentence], events_by_doc: dict[str, list]) -> list[Coded]:
    """For each sentence, the (root, source country) of every coded mention whose trigger starts in it."""
    out = []
    for s in sentences:
        c = Coded()
        for e in events_by_doc.get(s.doc_id, ()):
            country = e.source.country if e.source is not None else None
            starts = [m["trigger"]["start"] for m in e.evidence] if e.evidence else [e.trigger.start]
            c.pairs.extend((e.cameo.root, country) for st in starts if s.start <= st < s.end)
        out.append(c)
    return out


def score(sentences: list[Sentence], coded: list[Coded], top: int = TOP_ROOTS) -> list[dict]:
    """Rows of figures: all events, then each of the `top` most frequent annotated roots."""
    per_root: dict[str, list[int]] = {}  # root: [events, root found, root + source found, nothing coded]
    empty = false = 0
    for s, c in zip(sentences, coded):
        if not s.events:
            empty += 1
            false += bool(c.pairs)
            continue
        for g in s.events:
            root = str(g.get("root") or g.get("code", ""))[:2]
            counts = per_root.setdefault(root, [0, 0, 0, 0])
            counts[0] += 1
            counts[1] += any(r == root for r, _ in c.pairs)
            # an event with no source country (an unknown accuser) is no source hit, even where the gold names none
            counts[2] += any(r == root and country is not None and country == g.get("source_country")
                             for r, country in c.pairs)
            counts[3] += not c.pairs
    total = [sum(v[i] for v in per_root.values()) for i in range(4)]

    def row(name: str, v: list[int]) -> dict:
        return {"root": name, "events": v[0], "recall root": _share(v[1], v[0]),
                "recall root+source": _share(v[2], v[0]), "nothing coded": _share(v[3], v[0])}

    first = row("all", total)
    first.update({"sentences": len(sentences), "no-event sentences": empty, "false events": _share(false, empty)})
    ranked = sorted(per_root.items(), key=lambda kv: (-kv[1][0], kv[0]))[:top]
    return [first] + [row(root, v) for root, v in ranked]


def _share(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def run(gold: str, pipe, split: str = "all", limit: int | None = None) -> list[dict]:
    """Code the documents of one split and score them against the annotated sentences."""
    path = Path(gold)
    if not path.is_file():
        raise InputError(gold, "not an annotated-sentences file")
    sentences = load_sentences(path, split)
    if not sentences:
        raise InputError(gold, f"no annotated sentences in the {split!r} split")
    ids = sorted({s.doc_id for s in sentences})[:limit] if limit else {s.doc_id for s in sentences}
    ids = set(ids)
    sentences = [s for s in sentences if s.doc_id in ids]
    sentences, articles = documents(path, sentences)
    missing = ids - {a.id for a in articles}
    if missing:
        raise InputError(str(path.parent / DOCS_FILE),
                         f"{len(missing)} annotated documents missing, e.g. {min(missing)}")
    events_by_doc = {a.id: events for a, events in pipe.code(articles)}
    rows = score(sentences, coded_by_sentence(sentences, events_by_doc))
    rows[0] = {"split": split, **rows[0]}
    return rows

