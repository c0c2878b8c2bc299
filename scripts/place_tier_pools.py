"""Where the documents of the place-tier rows come from: the corpora, judged_realnews, TimeML and GRITTA.

Each pool gives doc_id -> (the file under ../shared it was read from, the record casus is given), so a row's
text can be rebuilt from its references (`records_of`); `row_split` is the split a document's own evaluation
gives it, and `used_elsewhere` the documents other judged sets of this repository read.
"""
from __future__ import annotations

import csv
import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from casus.evaluate.splits import split_of  # noqa: E402

SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
JUDGED_DOCS = SHARED / "eval" / "events" / "judged_realnews" / "docs.jsonl"


def _bbc_text(raw: bytes) -> str:
    try:  # most BBC files are Latin-1; some are UTF-8
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def corpus_records() -> dict[str, tuple[str, dict]]:
    """Every corpus document as doc_id -> (corpus file under ../shared, the record casus is given)."""
    recs: dict[str, tuple[str, dict]] = {}
    for section in ("politics", "business", "tech", "sport", "entertainment"):
        for f in sorted((CORPUS / "bbc_news" / "bbc" / section).glob("*.txt")):
            doc_id = f"bbc/{section}/{f.name}"
            recs[doc_id] = (f"corpus/bbc_news/bbc/{section}/{f.name}", {"id": doc_id, "text": _bbc_text(f.read_bytes())})
    csv.field_size_limit(10**9)
    for year in ("2019", "2020"):
        with open(CORPUS / "wikinews_sample" / f"wikinews_{year}.csv", newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                doc_id = f"wikinews_{year}/{row['title'][:80]}"
                rec = {"id": doc_id, "text": row["text"], "date": (row.get("date") or "")[:10] or None}
                recs[doc_id] = (f"corpus/wikinews_sample/wikinews_{year}.csv", rec)
    with gzip.open(CORPUS / "reuters21578.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            doc_id = f"reuters/{r['id']}"
            rec = {"id": doc_id, "text": r["text"], "title": r.get("title"), "dateline": r.get("dateline")}
            recs[doc_id] = ("corpus/reuters21578.jsonl.gz", rec)
    return {k: (f, {a: b for a, b in r.items() if b}) for k, (f, r) in recs.items() if (r["text"] or "").strip()}


def judged_records() -> dict[str, dict]:
    """The documents of ../shared/eval/events/judged_realnews, as coded for the first judged rows."""
    return {d["id"]: {"id": d["id"], "text": d["text"]} for d in map(json.loads, open(JUDGED_DOCS, encoding="utf-8"))}


# pools whose own evaluation splits a document by its bare id (casus eval dates, casus eval places)
BARE_ID_POOLS = ("timeml/", "gritta/")


def row_split(doc_id: str) -> str:
    """train / dev / check of a document, as its own evaluation has it (a TimeML or GRITTA document by its bare id)."""
    return split_of(doc_id.split("/", 1)[1] if doc_id.startswith(BARE_ID_POOLS) else doc_id)


JUDGED_FILE = "eval/events/judged_realnews/docs.jsonl"
TIME_SETS = ("tbaq_cleaned", "meantime_en")  # news documents of ../shared/eval/time, read for times, not places


def timeml_records() -> dict[str, tuple[str, dict]]:
    """The news documents of the TimeML sets (TBAQ, MEANTIME) as doc_id -> (their folder, the record casus is given).

    casus's time rules were read from them; no place rule was (places were read from this tsv's rows and GRITTA).
    """
    from casus.evaluate.times import read_dataset
    recs: dict[str, tuple[str, dict]] = {}
    for name in TIME_SETS:
        for doc in read_dataset(SHARED / "eval" / "time" / name):
            rec = {"id": f"timeml/{doc.id}", "text": doc.text, "date": doc.dct.isoformat() if doc.dct else None}
            recs[rec["id"]] = (f"eval/time/{name}", {k: v for k, v in rec.items() if v})
    return recs


GRITTA_SETS = ("lgl", "GWN", "GeoVirus")  # news of ../shared/eval/places/gritta


def gritta_records() -> dict[str, tuple[str, dict]]:
    """The check-split news documents of the GRITTA toponym sets, as doc_id -> (their file, the record casus is given).

    Only the check split (`split_of` of the bare id, as `casus eval places` splits them): its documents were only
    scored, never read for a toponym rule, and no tier rule was read from any GRITTA document.
    """
    from casus.evaluate.places import read_corpus
    recs: dict[str, tuple[str, dict]] = {}
    for name in GRITTA_SETS:
        for article, _ in read_corpus(SHARED / "eval" / "places" / "gritta" / f"{name}.xml"):
            if split_of(article.id) == "check" and article.text.strip():
                doc_id = f"gritta/{article.id}"
                recs[doc_id] = (f"eval/places/gritta/{name}.xml", {"id": doc_id, "text": article.text})
    return recs


def records_of(rows: list[dict]) -> dict[str, dict]:
    """The record casus was given for each row's document, whichever pool it came from."""
    need = {r["corpus_file"].split("/", 2)[1] if r["corpus_file"].startswith("eval/") else "corpus" for r in rows}
    recs = corpus_records() if "corpus" in need else {}
    judged = judged_records() if "events" in need else {}
    timeml = timeml_records() if "time" in need else {}
    gritta = gritta_records() if "places" in need else {}
    out = {}
    for r in rows:
        f = r["corpus_file"]
        out[r["doc_id"]] = (judged[r["doc_id"]] if f == JUDGED_FILE else timeml[r["doc_id"]][1]
                            if f.startswith("eval/time/") else gritta[r["doc_id"]][1]
                            if f.startswith("eval/places/") else recs[r["doc_id"]][1])
    return out


# first Reuters records with text that benchmarks/source_share.py reads (its 1,000 documents: 500 Reuters)
SOURCE_SHARE_REUTERS = 500


def used_elsewhere() -> set[str]:
    """Documents other judged sets of this repository read: eval/annotated, eval/judged, source_share's Reuters."""
    used: set[str] = set()
    for path in sorted((ROOT / "eval" / "annotated").glob("*.jsonl")) + sorted((ROOT / "eval" / "judged").glob("*.jsonl")):
        for line in open(path, encoding="utf-8"):
            if line.strip():
                doc_id = json.loads(line).get("doc_id")
                used |= {doc_id} if doc_id else set()
    with gzip.open(CORPUS / "reuters21578.jsonl.gz", "rt", encoding="utf-8") as fh:
        first = (f"reuters/{r['id']}" for r in map(json.loads, fh) if (r.get("text") or "").strip())
        used |= {d for d, _ in zip(first, range(SOURCE_SHARE_REUTERS))}
    return used
