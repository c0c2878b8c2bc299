"""Annotate real-news sentences with every event an analyst codes, stored as references (docs/AUDIT.md).

    python scripts/annotate_sentences.py sample [--batch 2|3|4] # the documents to annotate, by split (3, 4: train only)
    python scripts/annotate_sentences.py show DOC_ID [DOC_ID …] # their sentences, numbered, with raw offsets
    python scripts/annotate_sentences.py add NOTES --judge A1 [--out eval/annotated/sentences.jsonl]
    python scripts/annotate_sentences.py blind                  # a second annotator's sample, text only (no labels)
    python scripts/annotate_sentences.py add NOTES --judge A2 --sample --out eval/annotated/sentences-A2.jsonl
    python scripts/annotate_sentences.py review eval/annotated/review-01.jsonl   # apply an adjudication review

`blind` draws the agreement sample (SAMPLE_SEED, SAMPLE_SIZE: half of them sentences the first annotator
gave an event, half not, train and dev splits only) and prints those sentences' whole documents with the
sampled sentences marked `*` — never the first annotator's labels. Sentences are numbered as the rows of
the gold file (`OUT`) number them within their document, so notes written on it feed `add --sample`,
which writes rows for the sampled sentences only.

`review` applies a review file (one line per changed label: `doc_id`, `sentence`, `trigger` offsets, `was`
(the code given), `now` (the new code, or null to drop the event), `rule` (docs/AUDIT.md), and optionally
`mode`, `target_country`, `target`) to the gold file in place. A changed event keeps `was`, `rule` and `given` (the
other fields it changed, as first given); a
dropped one moves to its row's `removed` list with its `rule`, so the first annotator's labels stay readable.
Applying a review twice changes nothing.

`add` turns an annotator's notes into rows of the gold file: for each document every sentence `show`
prints becomes a row (`events` empty unless the notes give some). Notes, one line each:

    DOC bbc/politics/123.txt
    3 | 112 | trigger words | GBR | source words | USA | target words | asserted

(sentence number as `show` prints it; the words are found in that sentence, `words#2` for the second
match; `-` for no source/target; country is an ISO-3 or actor code, or `-` where the text gives none).
Rows hold the corpus file, document id and character offsets into the raw corpus text — never text.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from judge_candidates import CORPUS, JUDGED, ROOT, _part, choose, corpus_docs  # noqa: E402

sys.path.insert(0, str(ROOT))
from casus.evaluate.corpus_refs import OffsetMap  # noqa: E402
from casus.evaluate.splits import split_of  # noqa: E402

OUT = ROOT / "eval" / "annotated" / "sentences.jsonl"
SAMPLE_SEED = "agreement-A2-2026-12-07"  # the second annotator's sample (docs/AUDIT.md, "Agreement")
SAMPLE_SIZE = 200
SAMPLE_SPLITS = ("train", "dev")  # the check split is scored only: its disagreements must not shape the rules
MAX_CHARS = 3000  # whole documents, short enough to read in one go
# documents per corpus part: politics-heavy so that more sentences hold events, a few of the rest as negatives.
# Every Wikinews document of the corpus is in one of the judged sets already, so none is left to draw.
PLAN = {"bbc/politics": 27, "bbc/business": 4, "bbc/tech": 1, "bbc/sport": 1, "bbc/entertainment": 1,
        "reuters": 28}
# later batches: the next documents of the same order, none of an earlier batch (batch 2: read by two annotators)
# batch 3: training data for the learned detector only (train split), read by two annotators, half each
BATCH_PLANS = {1: PLAN, 2: {"bbc/politics": 7, "bbc/business": 1, "reuters": 7},
               3: {"bbc/politics": 21, "bbc/business": 2, "reuters": 28}}  # 21: every train BBC politics document left
SHARES = {"train": 0.6, "dev": 0.2, "check": 0.2}
BATCH_PLANS[4] = {"bbc/politics": 30, "reuters": 30}  # batch 4: train only, BBC politics up to 5,000 characters
BATCH_SHARES = {3: {"train": 1.0, "dev": 0.0, "check": 0.0}, 4: {"train": 1.0, "dev": 0.0, "check": 0.0}}
BATCH_MAX_CHARS = {4: 5000}  # the train BBC politics documents under 3,000 characters were all read by batch 3
POLITICAL = re.compile(r"\b(MINISTER|GOVERNMENT|PRESIDENT|TALKS|SANCTION|SOVIET|IRAN|IRAQ|TREATY|ARMY|"
                       r"PARLIAMENT|ELECTION|REAGAN|CONGRESS|SENATE|VOTE|PROTEST|STRIKE|TRADE WAR|GATT|TARIFF)\b")


def _key(doc_id: str) -> str:
    return hashlib.sha1(("annotate-2026-12-07:" + doc_id).encode()).hexdigest()


def _reuters_political() -> set[str]:
    """Reuters records about politics: tagged with a person (mostly officials) or a political word in the title."""
    out = set()
    with gzip.open(CORPUS / "reuters21578.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if r.get("people") or POLITICAL.search(r.get("title") or ""):
                out.add(f"reuters/{r['id']}")
    return out


def _judged_before(docs: dict[str, dict]) -> set[str]:
    """Documents of both judged sets: ../shared's judged_realnews and this repository's eval/judged."""
    done = {json.loads(line)["id"] for line in open(JUDGED / "docs.jsonl", encoding="utf-8")}
    done |= {d["id"] for d in choose(docs)}
    for path in (ROOT / "eval" / "judged").glob("candidates*.jsonl"):
        done |= {json.loads(line)["doc_id"] for line in open(path, encoding="utf-8") if line.strip()}
    return done


def sample(docs: dict[str, dict], batch: int = 1) -> list[dict]:
    """Per corpus part of a batch's plan, documents by a fixed hash, about 60/20/20 train/dev/check, none judged
    before and none of an earlier batch."""
    done, political = _judged_before(docs), _reuters_political()
    for earlier in range(1, batch):
        done |= {d["id"] for d in sample(docs, earlier)}
    chosen = []
    for part, n in BATCH_PLANS[batch].items():
        pool = sorted((d for k, d in docs.items() if _part(k) == part and k not in done
                       and 300 < len(d["text"]) <= BATCH_MAX_CHARS.get(batch, MAX_CHARS) and (part != "reuters" or k in political)),
                      key=lambda d: _key(d["id"]))
        want = {sp: round(n * share) for sp, share in BATCH_SHARES.get(batch, SHARES).items()}
        want["train"] = n - want["dev"] - want["check"]
        for d in pool:
            sp = split_of(d["id"])
            if want[sp] > 0 and _readable(d):
                want[sp] -= 1
                chosen.append(d)
    return chosen


def _readable(d: dict) -> bool:
    """Whether casus reads the document's text as the corpus holds it, up to whitespace."""
    art = _read([d])[0]
    return OffsetMap(d["text"], art.text).aligned


def _read(ds: list[dict]) -> list:
    from casus.ingest import read_inputs

    with tempfile.TemporaryDirectory() as tmp:
        inp = Path(tmp) / "docs.jsonl"
        inp.write_text("".join(json.dumps({"id": d["id"], "text": d["text"]}) + "\n" for d in ds), encoding="utf-8")
        return list(read_inputs([str(inp)]))


def sentences(docs: dict[str, dict], ids: list[str]) -> dict[str, list[tuple[int, int]]]:
    """Each document's sentences as casus splits them, as [start, end) offsets into the raw corpus text."""
    from casus.nlp import Parser

    parser = Parser()
    out = {}
    for art in _read([docs[i] for i in ids]):
        m = OffsetMap(docs[art.id]["text"], art.text)
        parsed = parser.parse(art)
        out[art.id] = [(m.to_raw(s.char_start), m.to_raw_end(s.char_end)) for s in parsed.sentences
                       if art.text[s.char_start:s.char_end].strip()]
    return out


def show(docs: dict[str, dict], ids: list[str]) -> None:
    """Print each document's numbered sentences with their raw offsets."""
    for doc_id, spans in sentences(docs, ids).items():
        text = docs[doc_id]["text"]
        print(f"=== {doc_id} · {docs[doc_id]['corpus']} · split {split_of(doc_id)} · {len(spans)} sentences")
        for n, (s, e) in enumerate(spans):
            print(f"[{n}] {s}-{e}: {' '.join(text[s:e].split())}")
        print()


def _find(text: str, s: int, e: int, words: str, where: str) -> list[int] | None:
    """Raw offsets of `words` (`words#k`: the k-th match) inside the sentence [s, e); None for '-'."""
    if words.strip() in ("", "-"):
        return None
    words, _, k = words.strip().partition("#")
    pattern = r"\s+".join(re.escape(w) for w in words.split())
    hits = list(re.finditer(pattern, text[s:e]))
    if len(hits) < int(k or 1):
        sys.exit(f"{where}: {words!r} not in the sentence")
    m = hits[int(k or 1) - 1]
    return [s + m.start(), s + m.end()]


def note_lines(notes: Path) -> Iterator[tuple[int, str, str | None]]:
    """(line number, document, event line or None for the DOC line itself) of an annotator's notes."""
    doc = None
    for n, line in enumerate(open(notes, encoding="utf-8"), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("DOC "):
            doc = line[4:].strip()
            yield n, doc, None
        elif doc is None:
            sys.exit(f"{notes}:{n}: an event line before any DOC line")
        else:
            yield n, doc, line


def note_event(rest: str, text: str, s: int, e: int, where: str) -> dict:
    """One event of a notes line ('code | trigger | src | src words | tgt | tgt words | mode') as offsets."""
    parts = [p.strip() for p in rest.split("|")]
    if len(parts) != 7:
        sys.exit(f"{where}: want 8 fields: sentence | code | trigger | src | src words | tgt | tgt words | mode")
    code, trig, sc, sw, tc, tw, mode = parts
    return {"root": code[:2], "code": code, "trigger": _find(text, s, e, trig, where),
            "source_country": None if sc == "-" else sc, "source": _find(text, s, e, sw, where),
            "target_country": None if tc == "-" else tc, "target": _find(text, s, e, tw, where), "mode": mode}


def add(notes: Path, judge: str, out: Path, docs: dict[str, dict]) -> None:
    """Append one row per sentence of each document the notes name (replacing rows of those documents)."""
    by_doc: dict[str, list[tuple[int, str, int]]] = {}
    for n, doc, line in note_lines(notes):
        by_doc.setdefault(doc, [])
        if line is not None:
            idx, _, rest = line.partition("|")
            by_doc[doc].append((int(idx), rest, n))
    spans = sentences(docs, list(by_doc))
    rows = []
    for doc_id, evs in by_doc.items():
        text = docs[doc_id]["text"]
        events: dict[int, list[dict]] = {}
        for idx, rest, n in evs:
            s, e = spans[doc_id][idx]
            events.setdefault(idx, []).append(note_event(rest, text, s, e, f"{notes}:{n}"))
        for idx, (s, e) in enumerate(spans[doc_id]):
            rows.append({"doc_id": doc_id, "corpus": docs[doc_id]["corpus"], "sentence": [s, e],
                         "split": split_of(doc_id), "events": events.get(idx, []), "judge": judge})
    kept = []
    if out.exists():
        kept = [line for line in open(out, encoding="utf-8") if json.loads(line)["doc_id"] not in by_doc]
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as fh:
        fh.writelines(kept)
        for r in rows:
            fh.write(json.dumps(r) + "\n")
    print(f"{len(by_doc)} documents, {len(rows)} sentences, {sum(len(r['events']) for r in rows)} events → {out}")


def gold_sentences(path: Path = OUT) -> dict[str, list[dict]]:
    """The gold file's rows by document, in file order (the numbering `blind` prints)."""
    by_doc: dict[str, list[dict]] = {}
    for line in open(path, encoding="utf-8"):
        if line.strip():
            r = json.loads(line)
            by_doc.setdefault(r["doc_id"], []).append(r)
    return by_doc


def agreement_sample(by_doc: dict[str, list[dict]], size: int = SAMPLE_SIZE,
                     seed: str = SAMPLE_SEED) -> list[tuple[str, int]]:
    """(doc_id, sentence number) of a seeded sample: half with a first-annotator event, half without."""
    import random

    pool: dict[bool, list[tuple[str, int]]] = {True: [], False: []}
    for doc_id, rows in sorted(by_doc.items()):
        for n, r in enumerate(rows):
            if r["split"] in SAMPLE_SPLITS and r.get("judge", "A1") == "A1":  # the sample was drawn from A1's rows
                pool[bool(r["events"] or r.get("removed"))].append((doc_id, n))  # as first given
    rng = random.Random(seed)
    half = size // 2
    return sorted(rng.sample(pool[True], half) + rng.sample(pool[False], size - half))


def blind(docs: dict[str, dict], by_doc: dict[str, list[dict]], chosen: list[tuple[str, int]]) -> None:
    """Print each sampled document's sentences, the sampled ones marked '*', with no labels."""
    marked: dict[str, set[int]] = {}
    for doc_id, n in chosen:
        marked.setdefault(doc_id, set()).add(n)
    for doc_id in sorted(marked):
        text = docs[doc_id]["text"]
        print(f"=== {doc_id} · {docs[doc_id]['corpus']} · {len(marked[doc_id])} to annotate")
        for n, r in enumerate(by_doc[doc_id]):
            s, e = r["sentence"]
            print(f"{'*' if n in marked[doc_id] else ' '}[{n}] {' '.join(text[s:e].split())}")
        print()


def add_sample(notes: Path, judge: str, out: Path, docs: dict[str, dict]) -> None:
    """Write one row per sampled sentence (the notes' events, empty where they give none) to `out`."""
    by_doc = gold_sentences()
    chosen = agreement_sample(by_doc)
    in_sample = set(chosen)
    events: dict[tuple[str, int], list[dict]] = {}
    for n, doc, line in note_lines(notes):
        if line is None:
            continue
        idx, _, rest = line.partition("|")
        key = (doc, int(idx))
        if key not in in_sample:
            sys.exit(f"{notes}:{n}: sentence {idx} of {doc} is not in the sample")
        s, e = by_doc[doc][int(idx)]["sentence"]
        events.setdefault(key, []).append(note_event(rest, docs[doc]["text"], s, e, f"{notes}:{n}"))
    rows = []
    for doc_id, idx in chosen:
        g = by_doc[doc_id][idx]
        rows.append({"doc_id": doc_id, "corpus": g["corpus"], "sentence": g["sentence"], "split": g["split"],
                     "events": events.get((doc_id, idx), []), "judge": judge})
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r) + "\n")
    tmp.replace(out)
    print(f"{len(rows)} sentences, {sum(len(r['events']) for r in rows)} events → {out}")


def review(path: Path, out: Path = OUT) -> None:
    """Apply a review file's label changes to the gold file in place (idempotent)."""
    changes: dict[tuple, dict] = {}
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        if line.strip():
            c = json.loads(line)
            if not {"doc_id", "sentence", "trigger", "was", "now", "rule"} <= set(c):
                sys.exit(f"{path}:{n}: a review line needs doc_id, sentence, trigger, was, now, rule")
            changes[(c["doc_id"], tuple(c["sentence"]), tuple(c["trigger"]), c["was"])] = c
    rows = [json.loads(line) for line in open(out, encoding="utf-8") if line.strip()]
    done = 0
    for r in rows:
        kept = []
        for e in r["events"]:
            c = changes.get((r["doc_id"], tuple(r["sentence"]), tuple(e["trigger"] or ()), e["code"]))
            if c is None or "was" in e:
                kept.append(e)
                continue
            done += 1
            if c["now"] is None:
                r.setdefault("removed", []).append(dict(e, rule=c["rule"]))
                continue
            given = {key: e[key] for key in ("mode", "target_country", "target") if key in c and e[key] != c[key]}
            e = dict(e, root=c["now"][:2], code=c["now"], was=c["was"], rule=c["rule"])
            if given:
                e.update({key: c[key] for key in given}, given=given)
            kept.append(e)
        r["events"] = kept
    tmp = out.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(r) + "\n" for r in rows)
    tmp.replace(out)
    print(f"{done} of {len(changes)} review lines applied to {out}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    sm = sub.add_parser("sample")
    sm.add_argument("--batch", type=int, default=1, choices=sorted(BATCH_PLANS))
    w = sub.add_parser("show")
    w.add_argument("doc_ids", nargs="+")
    a = sub.add_parser("add")
    a.add_argument("notes", type=Path)
    a.add_argument("--judge", required=True)
    a.add_argument("--out", type=Path, default=OUT)
    a.add_argument("--sample", action="store_true", help="rows for the agreement sample's sentences only")
    sub.add_parser("blind")
    v = sub.add_parser("review")
    v.add_argument("review_file", type=Path)
    args = ap.parse_args()
    if args.cmd == "review":
        return review(args.review_file)
    if not CORPUS.exists():
        sys.exit(f"{CORPUS}: the corpora are not here")
    docs = corpus_docs()
    if args.cmd == "sample":
        for d in sample(docs, args.batch):
            print(f"{split_of(d['id'])}\t{d['id']}")
    elif args.cmd == "show":
        show(docs, args.doc_ids)
    elif args.cmd == "blind":
        by_doc = gold_sentences()
        blind(docs, by_doc, agreement_sample(by_doc))
    elif args.sample:
        add_sample(args.notes, args.judge, args.out, docs)
    else:
        add(args.notes, args.judge, args.out, docs)


if __name__ == "__main__":
    main()
