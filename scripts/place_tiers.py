"""Sample located events per `location.basis` for judging by reading; show them; score the judgments.

    python scripts/place_tiers.py code --out /tmp/place_tiers_coded.jsonl      # code a fresh sample of documents
    python scripts/place_tiers.py sample /tmp/place_tiers_coded.jsonl          # add rows to eval/place_tiers_judged.tsv
    python scripts/place_tiers.py show --basis clause --start 0 --stop 20      # the text around each row, for a judge
    python scripts/place_tiers.py judge 12=correct 13=wrong_place                # record judgments
    python scripts/place_tiers.py score                                        # precision per tier and split
    python scripts/place_tiers.py recheck --out /tmp/rows.jsonl                # rows whose place casus still gives

The repository keeps references only (corpus file, document id, trigger offsets, place, basis, verdict);
the text is read from ../shared every time. Offsets index the article text as casus lays it out from the
record (`casus.ingest.read_inputs`), so `show` rebuilds that layout from the same record.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import math
import random
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # judge_candidates, when imported from elsewhere

from judge_candidates import code_records  # noqa: E402
from place_tier_pools import (CORPUS, JUDGED_FILE, corpus_records, gritta_records, judged_records,  # noqa: E402
                              records_of, row_split, timeml_records, used_elsewhere)

TSV = ROOT / "eval" / "place_tiers_judged.tsv"
COUNTS = ROOT / "eval" / "place_tiers_counts.tsv"
DOCUMENTS = ROOT / "eval" / "place_tiers_documents.tsv"
BASES = ("clause", "sentence", "destination", "article", "dateline")
COLUMNS = ["corpus_file", "doc_id", "trigger_start", "trigger_end", "cameo", "basis", "place", "country",
           "geonameid", "verdict", "split", "judgment", "casus_commit", "error_class"]
JUDGMENTS = ("correct", "wrong_place", "wrong_resolution", "cannot_tell")
# kinds of mistake, for train/dev rows (docs/AUDIT.md describes each)
ERROR_CLASSES = ("wrong_entry", "name_not_place", "place_on_noun", "place_of_other_act", "other_clause",
                 "aside_on_noun", "act_elsewhere", "seat_unsupported", "foreign_or_igo_actor", "background_act",
                 "material_act_abroad", "agreement_elsewhere", "elsewhere_in_country", "doer_of_other_country",
                 "decided_at_home", "trip_elsewhere", "receiver_elsewhere")
# documents per corpus part for one `code` run, drawn by a fixed hash among those never judged before
PLAN = {"bbc/politics": 150, "bbc/business": 60, "bbc/tech": 25, "bbc/sport": 15, "bbc/entertainment": 15,
        "wikinews_2019": 60, "wikinews_2020": 60, "reuters": 300}


def _part(doc_id: str) -> str:
    return doc_id.rsplit("/", 1)[0] if doc_id.startswith("bbc/") else doc_id.split("/", 1)[0]


def _key(doc_id: str) -> str:
    return hashlib.sha1(("place-tiers-2026-12-06:" + doc_id).encode()).hexdigest()


def read_rows() -> tuple[list[str], list[dict]]:
    """The tsv's comment lines and its rows (columns added since are filled in)."""
    comments, body = [], []
    for line in open(TSV, encoding="utf-8"):
        (comments if line.startswith("#") else body).append(line)
    rows = list(csv.DictReader(body, delimiter="\t"))
    for r in rows:
        r["split"] = r.get("split") or row_split(r["doc_id"])
        r["judgment"] = r.get("judgment") or ""
        r["casus_commit"] = r.get("casus_commit") or "e187c6c"
        r["error_class"] = r.get("error_class") or ""
    return comments, rows


def write_rows(comments: list[str], rows: list[dict]) -> None:
    with open(TSV, "w", encoding="utf-8", newline="") as fh:
        fh.writelines(comments)
        w = csv.DictWriter(fh, COLUMNS, delimiter="\t", lineterminator="\n", extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)


def _pool_records(pool: str, every: bool = False) -> dict[str, tuple[str, dict]]:
    """The documents `code` draws from: the corpora, or the judged_realnews documents no judged row comes from.

    The judged_realnews documents were read by event judges, not for places: those with no row in the tsv
    were never read for a place rule, so they are fresh for the place tiers (BBC politics and business and
    the Wikinews sample are otherwise used up).
    """
    if pool == "corpus":
        return corpus_records()
    if pool == "timeml":
        return timeml_records()
    if pool == "gritta":
        return gritta_records()
    used = set() if every else {r["doc_id"] for r in read_rows()[1]}
    return {k: (JUDGED_FILE, r) for k, r in judged_records().items() if k not in used}


def code(out: Path, plan: dict[str, int], exclude: list[Path], pool: str = "corpus",
         docs: list[str] | None = None, exclude_used: bool = False, min_chars: int = 301) -> None:
    """Code the next `plan[part]` documents of each part, in a fixed hash order, and keep their events in `out`.

    Left out: documents of ../shared/eval/events/judged_realnews (read before; unless `pool` is "judged"),
    those listed in eval/place_tiers_documents.tsv and those already coded in the `exclude` files, so
    successive runs draw successive fresh documents; with `exclude_used`, those of the repository's other
    judged sets too (`used_elsewhere`). Only documents of `min_chars` characters or more are drawn.
    """
    recs = _pool_records(pool, every=bool(docs))
    listed = {ln.split("\t", 1)[0] for ln in open(DOCUMENTS, encoding="utf-8") if not ln.startswith("#")} \
        if DOCUMENTS.exists() else set()
    done = (set(judged_records()) if pool == "corpus" else set()) | listed | set(_coded(exclude)[0])
    done |= used_elsewhere() if exclude_used else set()
    chosen = [d for d in docs or [] if d in recs]
    for part, n in ({} if docs else plan).items():
        pool = sorted((k for k in recs if _part(k) == part and k not in done and len(recs[k][1]["text"]) >= min_chars),
                      key=_key)
        chosen += pool[:n]
    commit, coded = code_records([recs[k][1] for k in chosen])
    with open(out, "a", encoding="utf-8") as fh:
        fh.write(json.dumps({"documents": chosen, "casus_commit": commit,
                             "corpus_files": {k: recs[k][0] for k in chosen}}) + "\n")
        fh.write(coded if coded.endswith("\n") or not coded else coded + "\n")
    print(f"{len(chosen)} documents, {len(coded.splitlines())} events -> {out}")


def _coded(paths: list[Path]) -> tuple[list[str], list[dict], dict[str, str], dict[str, str]]:
    """(documents coded, their events, the casus commit and, when recorded, corpus file per document) of `code` runs."""
    docs, events, commit_of, file_of = [], [], {}, {}
    for line in (ln for path in paths for ln in open(path, encoding="utf-8")):
        obj = json.loads(line)
        if "documents" in obj:
            docs += obj["documents"]
            commit_of.update({d: obj["casus_commit"] for d in obj["documents"]})
            file_of.update(obj.get("corpus_files") or {})
        else:
            events.append(obj)
    return docs, events, commit_of, file_of


def sample(paths: list[Path], bases: list[str], target: int, seed: int, add: int | None = None,
           counts_file: Path = COUNTS) -> None:
    """Add located events of `bases` drawn at random: until each has `target` rows, or `add` new rows each.

    Writes the located counts of these runs to `counts_file` and adds their documents to the documents list.
    """
    recs = corpus_records()
    docs, events, commit_of, file_of = _coded(paths)
    comments, rows = read_rows()
    have = Counter(r["basis"] for r in rows)
    taken = {(r["doc_id"], int(r["trigger_start"])) for r in rows}
    rng = random.Random(seed)
    for basis in bases:
        pool = [e for e in events if (e.get("location") or {}).get("basis") == basis
                and (e["doc_id"], e["trigger"]["start"]) not in taken]
        # one event per trigger: casus may code one word as several events (one per pair of actors)
        pool = list({(e["doc_id"], e["trigger"]["start"]): e for e in reversed(pool)}.values())[::-1]
        rng.shuffle(pool)
        for e in pool[:add if add is not None else max(0, target - have[basis])]:
            loc = e["location"]
            rows.append({"corpus_file": file_of.get(e["doc_id"]) or recs[e["doc_id"]][0], "doc_id": e["doc_id"],
                         "trigger_start": e["trigger"]["start"],
                         "trigger_end": e["trigger"]["end"], "cameo": e["cameo"]["code"], "basis": basis,
                         "place": loc["name"], "country": loc["country"], "geonameid": loc.get("geonameid") or "",
                         "verdict": "", "split": row_split(e["doc_id"]), "judgment": "",
                         "casus_commit": commit_of[e["doc_id"]]})
    write_rows(comments, rows)
    counts: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for d in docs:
        counts[(_part(d), row_split(d))]["documents"] += 1
    for e in events:
        c = counts[(_part(e["doc_id"]), row_split(e["doc_id"]))]
        c["events"] += 1
        c[(e.get("location") or {}).get("basis") or "none"] += 1
    with open(counts_file, "w", encoding="utf-8") as fh:
        fh.write("# Events casus coded on the documents `scripts/place_tiers.py code` drew (never judged before),\n"
                 "# by corpus part and split, and how many of them each basis located.\n")
        cols = ["part", "split", "documents", "events", *BASES, "none"]
        fh.write("\t".join(cols) + "\n")
        for (part, split), c in sorted(counts.items()):
            fh.write("\t".join([part, split, *(str(c[k]) for k in cols[2:])]) + "\n")
    listed = {}
    if DOCUMENTS.exists():
        for line in open(DOCUMENTS, encoding="utf-8"):
            if not line.startswith(("#", "doc_id\t")) and line.strip():
                listed[line.split("\t", 1)[0]] = line
    for d in set(docs):
        listed.setdefault(d, f"{d}\t{file_of.get(d) or recs[d][0]}\t{row_split(d)}\t{commit_of[d]}\n")
    with open(DOCUMENTS, "w", encoding="utf-8") as fh:
        fh.write("# The documents `scripts/place_tiers.py code` coded for the counts and the sampled rows (references).\n")
        fh.write("doc_id\tcorpus_file\tsplit\tcasus_commit\n")
        fh.writelines(listed[d] for d in sorted(listed))
    print(f"{len(rows)} rows in {TSV}; counts in {counts_file}; documents in {DOCUMENTS}")


def show(basis: str | None, start: int, stop: int, todo: bool, width: int) -> None:
    """Print each row with the text around its trigger and the place, for a judge."""
    from casus.ingest import read_inputs
    _, rows = read_rows()
    picked = [(i, r) for i, r in enumerate(rows) if (basis is None or r["basis"] == basis)
              and (not todo or not r["judgment"])][start:stop]
    records = records_of([r for _, r in picked])
    for i, r in picked:
        rec = records[r["doc_id"]]
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
            fh.write(json.dumps(rec) + "\n")
        text = next(iter(read_inputs([fh.name]))).text
        Path(fh.name).unlink()
        a, b = int(r["trigger_start"]), int(r["trigger_end"])
        context = text[max(0, a - width):a] + "[[" + text[a:b] + "]]" + text[b:b + width]
        print(f"## row {i} · {r['doc_id']} · {r['split']} · {r['basis']} · {r['cameo']} · "
              f"{r['place']} ({r['country']}, {r['geonameid']}) · verdict={r['verdict']} {r['judgment']}")
        print("   story starts: " + " ".join(text[:200].split()))
        print("   " + " ".join(context.split()) + "\n")


def judge(marks: list[str]) -> None:
    """Record judgments as ROW=CLASS (a row number `show` prints; CLASS one of JUDGMENTS), or ROW=CLASS/ERROR.

    ERROR names the kind of mistake (ERROR_CLASSES); it is written for train and dev rows only, never for
    check rows, whose errors must not guide fixes. A row judged before keeps its verdict when only ERROR is new.
    """
    comments, rows = read_rows()
    verdict = {"correct": "1", "wrong_place": "0", "wrong_resolution": "0", "cannot_tell": ""}
    for mark in marks:
        i, _, label = mark.partition("=")
        cls, _, error = label.partition("/")
        if cls not in JUDGMENTS or not i.isdigit() or int(i) >= len(rows) or (error and error not in ERROR_CLASSES):
            sys.exit(f"{mark}: want ROW=CLASS[/ERROR] with CLASS one of {', '.join(JUDGMENTS)}, "
                     f"ERROR one of {', '.join(ERROR_CLASSES)}")
        row = rows[int(i)]
        if error and row["split"] == "check":
            sys.exit(f"{mark}: row {i} is in the check split: its errors are not recorded")
        if not (row["casus_commit"] == "e187c6c" and row["judgment"] == cls):
            row.update(judgment=cls, verdict=verdict[cls])
        row["error_class"] = error
    write_rows(comments, rows)


def recheck(coded: list[Path], out: Path | None) -> None:
    """Precision per basis of judged rows whose event still has the same place in coded output.

    With no `coded` files, codes the documents of the judged rows at this commit (into `out` if given).
    A row counts under the basis the event has now; rows whose place changed are listed for judging.
    """
    _, rows = read_rows()
    if not coded:
        _, text = code_records(list(records_of(rows).values()))
        if out:
            out.write_text(text, encoding="utf-8")
        lines = text.splitlines()
    else:
        lines = [ln for path in coded for ln in open(path, encoding="utf-8")]
    at: dict[tuple[str, int], list[dict]] = defaultdict(list)
    for e in (json.loads(ln) for ln in lines if ln.strip()):
        if "documents" in e:
            continue
        for start in {e["trigger"]["start"], *(m["trigger"]["start"] for m in e.get("evidence") or [])}:
            at[(e["doc_id"], start)].append(e)
    kept: dict[str, list[dict]] = defaultdict(list)
    for i, r in enumerate(rows):
        places = [e["location"] for e in at.get((r["doc_id"], int(r["trigger_start"])), []) if e.get("location")]
        same = [p for p in places if p.get("name") == r["place"] and str(p.get("geonameid") or "") == r["geonameid"]]
        if same:
            kept[same[0]["basis"]].append(r)
        elif places:
            print(f"row {i}: place changed to {places[0]['basis']} {places[0]['name']} ({places[0].get('geonameid')})")
    for basis in BASES:
        print(_line(basis, kept[basis]))
        print(_line("  check", [r for r in kept[basis] if r["split"] == "check"]))
    both = kept["clause"] + kept["sentence"]
    print(_line("clause+sentence", both))
    print(_line("  check", [r for r in both if r["split"] == "check"]))


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The 95% Wilson score interval of a proportion k/n."""
    if n == 0:
        return 0.0, 0.0
    p = k / n
    mid, half = (p + z * z / (2 * n)) / (1 + z * z / n), z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, mid - half), min(1.0, mid + half)


def _line(label: str, rows: list[dict]) -> str:
    judged = [r for r in rows if r["verdict"] in ("0", "1")]
    k, n = sum(r["verdict"] == "1" for r in judged), len(judged)
    lo, hi = wilson(k, n)
    if n == 0:
        return f"{label:<24} n=   0  cannot tell {len(rows)}"
    return (f"{label:<24} n={n:>4}  precision={k / n:.2f}  95% [{lo:.2f}, {hi:.2f}]"
            f"  cannot tell {len(rows) - n}")


def score(commit: str | None, counts_file: Path = COUNTS, span: str | None = None) -> None:
    """Precision per basis (all rows, by split, and before/after a casus commit) and the share located.

    span "A:B" keeps rows A to B-1 only (the row numbers `show` prints), e.g. those one `sample` run added.
    """
    _, rows = read_rows()
    if span:
        a, _, b = span.partition(":")
        rows = rows[int(a or 0):int(b) if b else None]
    for basis in BASES:
        mine = [r for r in rows if r["basis"] == basis]
        print(_line(basis, mine))
        for split in ("train", "dev", "check"):
            print(_line(f"  {split}", [r for r in mine if r["split"] == split]))
        for corpus in ("bbc", "reuters", "wikinews"):
            print(_line(f"  {corpus}", [r for r in mine if r["doc_id"].startswith(corpus)]))
        if commit:
            print(_line(f"  coded at {commit}", [r for r in mine if r["casus_commit"] == commit]))
            print(_line("  coded at other commits", [r for r in mine if r["casus_commit"] != commit]))
    print(_line("clause+sentence", [r for r in rows if r["basis"] in ("clause", "sentence")]))
    if commit:
        mine = [r for r in rows if r["basis"] in ("clause", "sentence") and r["casus_commit"] == commit]
        print(_line(f"  coded at {commit}", mine))
        for split in ("train", "dev", "check"):
            print(_line(f"    {split}", [r for r in mine if r["split"] == split]))
    for basis in BASES:
        errors = Counter(r["error_class"] for r in rows if r["basis"] == basis and r["error_class"])
        if errors:
            print(f"errors {basis} (train/dev): " + ", ".join(f"{k} {v}" for k, v in errors.most_common()))
    if counts_file.exists():
        table = [r for r in csv.DictReader((ln for ln in open(counts_file, encoding="utf-8") if not ln.startswith("#")),
                                           delimiter="\t")]
        for label, part in [("all", table), *((s, [r for r in table if r["split"] == s]) for s in ("train", "dev", "check")),
                            *((p, [r for r in table if r["part"].startswith(p)]) for p in ("bbc", "wikinews", "reuters"))]:
            ev = sum(int(r["events"]) for r in part)
            by = {b: sum(int(r.get(b) or 0) for r in part) for b in BASES}
            located = sum(by.values())
            print(f"located {label:<9} {located}/{ev} = {located / ev if ev else 0:.3f} of events in "
                  f"{sum(int(r['documents']) for r in part)} documents; " + ", ".join(f"{b} {v}" for b, v in by.items()))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("code")
    c.add_argument("--out", type=Path, required=True)
    c.add_argument("--exclude", type=Path, nargs="*", default=[], help="files earlier runs wrote: their documents are left out")
    c.add_argument("--pool", choices=("corpus", "judged", "timeml", "gritta"), default="corpus",
                   help="draw from the corpora (default), from judged_realnews documents no judged row comes from, "
                        "the TimeML news documents (TBAQ, MEANTIME; --part timeml N) or the GRITTA check-split "
                        "documents (--part gritta N)")
    c.add_argument("--docs", type=Path, help="code the documents listed in this file (one id a line) instead")
    c.add_argument("--part", nargs=2, action="append", metavar=("PART", "N"),
                   help="N documents of PART (e.g. reuters 1000) instead of the PLAN; may repeat")
    c.add_argument("--exclude-used", action="store_true",
                   help="also leave out the documents of eval/annotated, eval/judged and source_share's Reuters")
    c.add_argument("--min-chars", type=int, default=301, help="draw only documents of this many characters or more")
    s = sub.add_parser("sample")
    s.add_argument("coded", type=Path, nargs="+", help="files `code` wrote")
    s.add_argument("--basis", nargs="+", choices=BASES, default=list(BASES))
    s.add_argument("--target", type=int, default=100)
    s.add_argument("--seed", type=int, default=17)
    s.add_argument("--add", type=int, help="add this many new rows per basis (instead of filling up to --target)")
    s.add_argument("--counts", type=Path, default=COUNTS, help="where the located counts of these runs go")
    w = sub.add_parser("show")
    w.add_argument("--basis", choices=BASES)
    w.add_argument("--start", type=int, default=0)
    w.add_argument("--stop", type=int, default=20)
    w.add_argument("--todo", action="store_true", help="only rows not judged yet")
    w.add_argument("--width", type=int, default=500)
    j = sub.add_parser("judge")
    j.add_argument("marks", nargs="+", help="ROW=CLASS")
    k = sub.add_parser("recheck", help="precision of judged rows whose place casus still gives")
    k.add_argument("coded", type=Path, nargs="*", help="coded output (`casus code --format jsonl`); none: code now")
    k.add_argument("--out", type=Path, help="keep the coded output here")
    r = sub.add_parser("score")
    r.add_argument("--commit", help="also split the figures into rows coded at this casus commit and the rest")
    r.add_argument("--counts", type=Path, default=COUNTS, help="the located counts to report")
    r.add_argument("--rows", help="A:B, score rows A to B-1 only (row numbers as `show` prints them)")
    a = ap.parse_args()
    if a.cmd != "score" and not CORPUS.exists():
        sys.exit(f"{CORPUS}: the corpora are not here")
    if a.cmd == "code":
        code(a.out, {p: int(n) for p, n in a.part} if a.part else PLAN, a.exclude, a.pool,
             a.docs.read_text(encoding="utf-8").split("\n") if a.docs else None, a.exclude_used, a.min_chars)
    elif a.cmd == "sample":
        sample(a.coded, a.basis, a.target, a.seed, a.add, a.counts)
    elif a.cmd == "show":
        show(a.basis, a.start, a.stop, a.todo, a.width)
    elif a.cmd == "judge":
        judge(a.marks)
    elif a.cmd == "recheck":
        recheck(a.coded, a.out)
    else:
        score(a.commit, a.counts, a.rows)


if __name__ == "__main__":
    main()
