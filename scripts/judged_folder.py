"""Write this project's judgments (eval/judged) as a judged folder that `casus eval judged` reads.

    python scripts/judged_folder.py --out /tmp/judged_casus
    casus eval judged --gold /tmp/judged_casus --split check

The folder gets docs.jsonl (the texts, read from ../shared/corpus, never kept in the repo),
judged_events.jsonl (each candidate with the mean verdict of its judges) and an empty
annotated_sentences.jsonl. Write it outside the repository.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from judge_candidates import ROOT, choose, corpus_docs  # noqa: E402

JUDGED = ROOT / "eval" / "judged"


def verdicts() -> dict[str, list[dict]]:
    """Every judge's verdict per candidate id (verdicts-*.jsonl)."""
    out: dict[str, list[dict]] = defaultdict(list)
    for path in sorted(JUDGED.glob("verdicts-*.jsonl")):
        for line in open(path, encoding="utf-8"):
            if line.strip():
                r = json.loads(line)
                out[r["cand_id"]].append(r)
    return out


def project_gold() -> tuple[dict[str, dict], list[dict]]:
    """The judged documents (id → {id, text, date}) and judged events of eval/judged/candidates.jsonl.

    Each candidate with a verdict becomes a judged event as judged_realnews writes them: the mean verdict
    of its judges, the first judge's error and why; the text is read from ../shared.
    """
    docs = corpus_docs()
    judged = verdicts()
    rows, used = [], {d["id"]: d for d in choose(docs)}
    for line in open(JUDGED / "candidates.jsonl", encoding="utf-8"):
        c = json.loads(line)
        vs = judged.get(c["cand_id"])
        if not vs:
            continue
        d = docs[c["doc_id"]]
        s, e = c["trigger"]
        rows.append({"doc_id": c["doc_id"], "corpus": c["corpus"], "sentence": c["sentence"],
                     "trigger": {"text": d["text"][s:e], "start": s, "end": e},
                     "coded": {k: c["coded"][k] for k in ("cameo", "source", "target", "mode", "confidence")},
                     "verdict": sum(v["verdict"] for v in vs) / len(vs), "error": vs[0]["error"],
                     "why": vs[0]["why"], "cand_id": c["cand_id"]})
    return {k: {k2: d[k2] for k2 in ("id", "text", "date") if d.get(k2)} for k, d in used.items()}, rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, required=True)
    a = ap.parse_args()
    if ROOT in a.out.resolve().parents:
        sys.exit(f"{a.out}: write the folder outside the repository (it holds corpus texts)")
    used, rows = project_gold()
    a.out.mkdir(parents=True, exist_ok=True)
    with open(a.out / "docs.jsonl", "w", encoding="utf-8") as fh:
        for d in used.values():
            fh.write(json.dumps(d) + "\n")
    with open(a.out / "judged_events.jsonl", "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r) + "\n")
    (a.out / "annotated_sentences.jsonl").write_text("")
    print(f"{len(used)} documents, {len(rows)} judged events → {a.out}")


if __name__ == "__main__":
    main()
