"""Draw real-news documents from ../shared/corpus, code them, and write judging candidates as references.

    python scripts/judge_candidates.py sample --out eval/judged/candidates.jsonl   # code a fresh sample
    python scripts/judge_candidates.py show eval/judged/candidates.jsonl --start 0 --stop 20

Candidates hold document ids, character offsets and casus's codes, never the text: `show` reads the
text from ../shared for a judge. Documents already in ../shared/eval/events/judged_realnews are left out.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
JUDGED = SHARED / "eval" / "events" / "judged_realnews"
# documents per corpus part: politics-heavy, as analysts read, with the other sections as negatives
PLAN = {"bbc/politics": 110, "bbc/business": 50, "bbc/tech": 25, "bbc/sport": 25, "bbc/entertainment": 25,
        "wikinews_2019": 90, "wikinews_2020": 90, "reuters": 190}


def _key(doc_id: str) -> str:
    return hashlib.sha1(("judge-sample-2026-12-06:" + doc_id).encode()).hexdigest()


def _bbc_text(raw: bytes) -> str:
    try:  # most BBC files are Latin-1; some are UTF-8 (a '£' as two bytes)
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def corpus_docs() -> dict[str, dict]:
    """Every corpus document as {id, corpus, text, date}, by the id scheme of judged_realnews."""
    docs: dict[str, dict] = {}
    for section in ("politics", "business", "tech", "sport", "entertainment"):
        for f in sorted((CORPUS / "bbc_news" / "bbc" / section).glob("*.txt")):
            doc_id = f"bbc/{section}/{f.name}"
            docs[doc_id] = {"id": doc_id, "corpus": f"bbc_news/bbc/{section}/{f.name}",
                            "text": _bbc_text(f.read_bytes()), "date": None}
    csv.field_size_limit(10**9)
    for year in ("2019", "2020"):
        with open(CORPUS / "wikinews_sample" / f"wikinews_{year}.csv", newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                doc_id = f"wikinews_{year}/{row['title'][:80]}"
                docs[doc_id] = {"id": doc_id, "corpus": f"wikinews_sample/wikinews_{year}.csv",
                                "text": row["text"], "date": (row.get("date") or "")[:10] or None}
    with gzip.open(CORPUS / "reuters21578.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            doc_id = f"reuters/{r['id']}"
            docs[doc_id] = {"id": doc_id, "corpus": "reuters21578.jsonl.gz", "text": r["text"],
                            "date": r.get("date")}
    for line in open(JUDGED / "docs.jsonl", encoding="utf-8"):  # judged before: the text exactly as coded then
        d = json.loads(line)
        docs[d["id"]] = dict(docs[d["id"]], text=d["text"])
    return {k: v for k, v in docs.items() if v["text"] and v["text"].strip()}


def _part(doc_id: str) -> str:
    return doc_id.rsplit("/", 1)[0] if doc_id.startswith("bbc/") else doc_id.split("/", 1)[0]


def _realign(text: str, word: str, at: int) -> int | None:
    """The shift that puts `word` back at `at` (casus may normalise a few characters before it)."""
    for shift in sorted(range(-300, 301), key=abs):
        if text[at + shift:at + shift + len(word)] == word:
            return shift
    return None


def _sentence(text: str, sentence: str, at: int) -> list[int]:
    """The span of the event's sentence around offset `at` (casus's sentence text may differ in spacing)."""
    words = sentence.split()
    pattern = r"\s+".join(re.escape(w) for w in words)
    for m in re.finditer(pattern, text[max(0, at - len(sentence) - 400):at + len(sentence) + 400]):
        start = m.start() + max(0, at - len(sentence) - 400)
        if start <= at < start + len(m.group()):
            return [start, start + len(m.group())]
    return [max(0, at - 150), min(len(text), at + 150)]


def choose(docs: dict[str, dict]) -> list[dict]:
    """The sampled documents: per corpus part of PLAN, by a fixed hash, leaving out those judged before."""
    done = {json.loads(line)["id"] for line in open(JUDGED / "docs.jsonl", encoding="utf-8")}
    chosen: list[dict] = []
    for part, n in PLAN.items():
        pool = sorted((d for k, d in docs.items() if _part(k) == part and k not in done
                       and len(d["text"]) > 300), key=lambda d: _key(d["id"]))
        chosen += pool[:n]
    return chosen


def code_records(records: list[dict]) -> tuple[str, str]:
    """The short commit of this checkout and `casus code --format jsonl` output for these input records."""
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
    with tempfile.TemporaryDirectory() as tmp:
        inp = Path(tmp) / "docs.jsonl"
        with open(inp, "w", encoding="utf-8") as fh:
            for record in records:
                fh.write(json.dumps(record) + "\n")
        coded = subprocess.run([sys.executable, "-m", "casus.cli", "code", str(inp), "--format", "jsonl"],
                               capture_output=True, text=True, check=True, cwd=ROOT).stdout
    return commit, coded


def sample(out: Path) -> None:
    """Code a fresh sample of documents and write one candidate per coded event."""
    chosen = choose(corpus_docs())
    commit, coded = code_records([{k: d[k] for k in ("id", "text", "date") if d[k]} for d in chosen])
    by_id = {d["id"]: d for d in chosen}
    rows = []
    for line in coded.splitlines():
        e = json.loads(line)
        d = by_id[e["doc_id"]]
        t = e["trigger"]
        shift = _realign(d["text"], t["text"], t["start"])
        if shift is None:
            continue
        t = {"start": t["start"] + shift, "end": t["end"] + shift}
        for side in ("source", "target"):
            if e[side] and e[side].get("start") is not None:
                e[side] = dict(e[side], start=e[side]["start"] + shift, end=e[side]["end"] + shift)
        sent = _sentence(d["text"], e["text"], t["start"])
        rows.append({"cand_id": f"c{len(rows):04d}", "doc_id": e["doc_id"], "corpus": d["corpus"],
                     "sentence": sent, "trigger": [t["start"], t["end"]],
                     "coded": {"cameo": e["cameo"]["code"], "source": (e["source"] or {}).get("code"),
                               "source_span": [e["source"]["start"], e["source"]["end"]] if e["source"] else None,
                               "target": (e["target"] or {}).get("code"),
                               "target_span": [e["target"]["start"], e["target"]["end"]] if e["target"] else None,
                               "mode": e["mode"], "confidence": e["confidence"]},
                     "casus_commit": commit})
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r) + "\n")
    print(f"{len(chosen)} documents, {len(rows)} candidates → {out}")


def show(path: Path, start: int, stop: int, judge: str | None = None) -> None:
    """Print candidates with their sentence and the trigger, source and target marked, for a judge."""
    docs = corpus_docs()
    rows = [json.loads(line) for line in open(path, encoding="utf-8")]
    if judge:
        mine = set(json.loads((path.parent / "assignments.json").read_text())[judge])
        rows = [r for r in rows if r["cand_id"] in mine]
    rows = rows[start:stop]
    for r in rows:
        text = docs[r["doc_id"]]["text"]
        s, e = r["sentence"]
        marks = [(r["trigger"], "[[", "]]")]
        c = r["coded"]
        for span, a, b in ((c["source_span"], "{S:", "}"), (c["target_span"], "{T:", "}")):
            if span and s <= span[0] and span[1] <= e:
                marks.append((span, a, b))
        sent = text[s:e]
        for (a, b), l, rr in sorted(marks, key=lambda m: -m[0][0]):
            if s <= a and b <= e:
                sent = sent[:a - s] + l + sent[a - s:b - s] + rr + sent[b - s:]
        lead = " ".join(text[:300].split())
        print(f"## {r['cand_id']} · {r['doc_id']} · {c['cameo']} {c['mode']} source={c['source']} "
              f"target={c['target']} conf={c['confidence']}")
        print(f"   story starts: {lead[:160]}")
        print(f"   {' '.join(sent.split())}\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample")
    s.add_argument("--out", type=Path, default=ROOT / "eval" / "judged" / "candidates.jsonl")
    w = sub.add_parser("show")
    w.add_argument("path", type=Path)
    w.add_argument("--start", type=int, default=0)
    w.add_argument("--stop", type=int, default=20)
    w.add_argument("--judge", help="show only this judge's candidates (eval/judged/assignments.json)")
    a = ap.parse_args()
    if not CORPUS.exists():
        sys.exit(f"{CORPUS}: the corpora are not here")
    sample(a.out) if a.cmd == "sample" else show(a.path, a.start, a.stop, a.judge)


if __name__ == "__main__":
    main()
