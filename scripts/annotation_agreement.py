"""Agreement between two annotators of real-news sentences (docs/AUDIT.md, "Agreement of two annotators").

    python scripts/annotation_agreement.py                      # A1 (sentences.jsonl) against A2 on A2's sample
    python scripts/annotation_agreement.py --a FILE --b FILE [--disagreements]

Both files hold rows of `eval/annotated`'s format; sentences are matched by document and offsets, and only
sentences both files hold are compared. Reported: Cohen's kappa on "holds an event", on the set of roots of
each sentence's events, on the set of exact codes, and on the set of source countries; the share of
roots both coded whose source countries agree; and the 01 question — how often one annotator codes a
statement (010, or any 01x) in a sentence where the other codes nothing. `--disagreements` prints each
sentence where the root sets differ, with its text from ../shared/corpus, for adjudication (stdout only).
The first file is read as its annotator gave it (a review's changes undone); `--reviewed` reads it as reviewed.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Hashable, Iterable

ROOT = Path(__file__).resolve().parents[1]
A_FILE = ROOT / "eval" / "annotated" / "sentences.jsonl"
B_FILE = ROOT / "eval" / "annotated" / "sentences-A2.jsonl"

Pair = tuple[list[dict], list[dict]]


def read_rows(path: Path) -> list[dict]:
    """The rows of an annotation file; exits with file, line and cause on a bad line."""
    rows = []
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        if not line.strip():
            continue
        try:
            r = json.loads(line)
            r["doc_id"], r["sentence"], r["events"]  # noqa: B018 - the fields every row must have
        except (json.JSONDecodeError, KeyError, TypeError) as err:
            sys.exit(f"{path}:{n}: not an annotation row ({err})")
        rows.append(r)
    return rows


def first_labels(row: dict) -> list[dict]:
    """A row's events as its annotator gave them, before a review (`annotate_sentences.py review`)."""
    drop = ("was", "rule", "given")
    first = [{k: v for k, v in dict(e, code=e["was"], root=e["was"][:2], **e.get("given", {})).items()
              if k not in drop} if "was" in e else e for e in row["events"]]
    return first + [{k: v for k, v in e.items() if k != "rule"} for e in row.get("removed", [])]


def _key(row: dict) -> tuple[str, int, int]:
    return row["doc_id"], row["sentence"][0], row["sentence"][1]


def pair_rows(a_rows: list[dict], b_rows: list[dict]) -> list[tuple[dict, dict]]:
    """(row of A, row of B) for every sentence both files hold, in B's order."""
    a_by = {_key(r): r for r in a_rows}
    return [(a_by[_key(r)], r) for r in b_rows if _key(r) in a_by]


def cohen_kappa(a: list[Hashable], b: list[Hashable]) -> float:
    """Cohen's kappa of two annotators' categorical labels on the same items."""
    if len(a) != len(b) or not a:
        raise ValueError("two label lists of the same, non-zero length")
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b)) / n
    ca, cb = Counter(a), Counter(b)
    expected = sum(ca[k] * cb[k] for k in ca) / (n * n)
    if expected == 1.0:
        return 1.0 if observed == 1.0 else 0.0
    return (observed - expected) / (1 - expected)


def _label(events: list[dict], field: str) -> frozenset:
    return frozenset(e[field] or "-" for e in events)


def _kappa_and_share(pairs: list[Pair], label) -> dict:
    la = [label(a) for a, _ in pairs]
    lb = [label(b) for _, b in pairs]
    return {"kappa": round(cohen_kappa(la, lb), 3), "agree": round(sum(x == y for x, y in zip(la, lb)) / len(la), 3)}


def _none_against(pairs: Iterable[Pair], pred) -> int:
    """Sentences where the first list has an event satisfying pred and the second has no event at all."""
    return sum(1 for x, y in pairs if any(pred(e) for e in x) and not y)


def agreement(pairs: list[Pair]) -> dict:
    """Agreement figures of two annotators' event lists over the same sentences (A's list first)."""
    if not pairs:
        raise ValueError("no sentence both annotators labelled")
    both_roots = [(a, b, r) for a, b in pairs for r in _label(a, "root") & _label(b, "root")]
    same_source = sum(1 for a, b, r in both_roots
                      if {e["source_country"] for e in a if e["root"] == r}
                      == {e["source_country"] for e in b if e["root"] == r})
    flipped = [(b, a) for a, b in pairs]
    is_010 = lambda e: e["code"] == "010"  # noqa: E731
    is_01 = lambda e: e["root"] == "01"  # noqa: E731
    return {
        "sentences": len(pairs),
        "with_event": {"A": sum(bool(a) for a, _ in pairs), "B": sum(bool(b) for _, b in pairs)},
        "events": {"A": sum(len(a) for a, _ in pairs), "B": sum(len(b) for _, b in pairs)},
        "holds_event": _kappa_and_share(pairs, lambda evs: bool(evs)),
        "root_set": _kappa_and_share(pairs, lambda evs: _label(evs, "root")),
        "code_set": _kappa_and_share(pairs, lambda evs: _label(evs, "code")),
        "source_set": _kappa_and_share(pairs, lambda evs: _label(evs, "source_country")),
        "source_on_shared_roots": {"roots": len(both_roots), "same_source": same_source,
                                   "share": round(same_source / len(both_roots), 3) if both_roots else None},
        "statements": {
            "A_010_B_nothing": _none_against(pairs, is_010), "B_010_A_nothing": _none_against(flipped, is_010),
            "A_01_B_nothing": _none_against(pairs, is_01), "B_01_A_nothing": _none_against(flipped, is_01),
            "A_01_B_other_root": sum(1 for a, b in pairs if "01" in _label(a, "root") and b
                                     and "01" not in _label(b, "root")),
            "B_01_A_other_root": sum(1 for a, b in pairs if "01" in _label(b, "root") and a
                                     and "01" not in _label(a, "root")),
            "both_01": sum(1 for a, b in pairs if "01" in _label(a, "root") & _label(b, "root")),
        },
        "root_kappa": {r: round(cohen_kappa([r in _label(a, "root") for a, _ in pairs],
                                            [r in _label(b, "root") for _, b in pairs]), 3)
                       for r in sorted({e["root"] for a, b in pairs for e in a + b})
                       if sum(r in _label(a, "root") or r in _label(b, "root") for a, b in pairs) >= 5},
    }


def _show(e: dict) -> str:
    return f"{e['code']} {e['source_country'] or '-'}→{e['target_country'] or '-'} ({e['mode']})"


def disagreements(matched: list[tuple[dict, dict]]) -> None:
    """Print each sentence whose root sets differ, with its text and both annotators' events."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from judge_candidates import corpus_docs

    docs = corpus_docs()
    for a, b in matched:
        if _label(a["events"], "root") == _label(b["events"], "root"):
            continue
        s, e = a["sentence"]
        print(f"--- {a['doc_id']} {s}-{e} ({a['split']})")
        print("   ", " ".join(docs[a["doc_id"]]["text"][s:e].split()))
        print("    A:", "; ".join(map(_show, a["events"])) or "nothing")
        print("    B:", "; ".join(map(_show, b["events"])) or "nothing")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--a", type=Path, default=A_FILE)
    ap.add_argument("--b", type=Path, default=B_FILE)
    ap.add_argument("--disagreements", action="store_true")
    ap.add_argument("--reviewed", action="store_true",
                    help="compare the first file's reviewed labels (default: its labels as first given)")
    args = ap.parse_args()
    for path in (args.a, args.b):
        if not path.exists():
            sys.exit(f"{path}: no such file")
    matched = pair_rows(read_rows(args.a), read_rows(args.b))
    if not args.reviewed:
        matched = [(dict(a, events=first_labels(a)), b) for a, b in matched]
    if not matched:
        sys.exit(f"{args.b}: no sentence in common with {args.a}")
    print(json.dumps(agreement([(a["events"], b["events"]) for a, b in matched]), indent=1))
    if args.disagreements:
        disagreements(matched)


if __name__ == "__main__":
    main()
