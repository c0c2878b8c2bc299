"""Agreement of two judges on the candidates both judged: Cohen's kappa, exact agreement, means.

    python scripts/judge_agreement.py [eval/judged/verdicts-J1.jsonl eval/judged/verdicts-J2.jsonl]
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def read(path: Path) -> dict[str, float]:
    """Verdicts by candidate id."""
    return {r["cand_id"]: float(r["verdict"]) for r in map(json.loads, open(path, encoding="utf-8"))}


def kappa(a: list[float], b: list[float]) -> float:
    """Cohen's kappa over the verdict classes."""
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b)) / n
    ca, cb = Counter(a), Counter(b)
    expected = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


def main() -> None:
    paths = [Path(p) for p in sys.argv[1:3]] or [ROOT / "eval/judged/verdicts-J1.jsonl",
                                                  ROOT / "eval/judged/verdicts-J2.jsonl"]
    one, two = read(paths[0]), read(paths[1])
    both = sorted(set(one) & set(two))
    if not both:
        sys.exit("the two files share no candidate")
    a, b = [one[k] for k in both], [two[k] for k in both]
    print(f"{len(both)} candidates judged by both")
    print(f"mean verdict: {sum(a) / len(a):.3f} vs {sum(b) / len(b):.3f}")
    print(f"exact agreement {sum(x == y for x, y in zip(a, b)) / len(a):.3f}, "
          f"within 0.5: {sum(abs(x - y) <= 0.5 for x, y in zip(a, b)) / len(a):.3f}, "
          f"Cohen's kappa {kappa(a, b):.3f}")


if __name__ == "__main__":
    main()
