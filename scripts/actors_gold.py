"""Resolver-only actor accuracy on a PLOVER gold file: python scripts/actors_gold.py [GOLD] [--misses]."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from casus.actors import gold
from casus.actors.kb import KnowledgeBase
from casus.actors.resolve import ActorResolver
from casus.nlp import Parser

SHARED = Path(os.environ.get("CASUS_SHARED", Path(__file__).resolve().parents[1] / ".." / "shared"))


def main(argv: list[str]) -> None:
    args = [a for a in argv if not a.startswith("--")]
    path = Path(args[0]) if args else SHARED / "eval" / "events" / "plover_gsr.jsonl"
    res = gold.run(path, Parser(), ActorResolver(KnowledgeBase.load()))
    print(f"actors {res.total}  country acc {res.accuracy:.3f}  "
          + "  ".join(f"{r} {h}/{n}={h / n:.3f}" for r, (h, n) in sorted(res.by_role.items()))
          + f"  sector acc (on hits with a gold sector) {res.sector_hits}/{res.sector_total}")
    if "--misses" in argv:
        for g, want, got in res.misses:
            print(f"{g.record}\t{g.role}\t{g.text!r}\twant {want}\tgot {got}")


if __name__ == "__main__":
    main(sys.argv[1:])
