"""People table against REIGN leader spells (G20 + P5 since 2000): python scripts/actors_reign.py [CSV]."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from casus.actors import loaders, reign
from casus.actors.kb import DATA

SHARED = Path(os.environ.get("CASUS_SHARED", Path(__file__).resolve().parents[1] / ".." / "shared"))


def main(argv: list[str]) -> None:
    path = Path(argv[0]) if argv else SHARED / "reference" / "reign_leaders" / "leaderlist_3_21.csv"
    rep = reign.compare(loaders.read_tsv(DATA / "people.tsv"), reign.read_reign(path))
    print(f"REIGN spells {rep.spells}  covered {len(rep.covered)} ({rep.coverage:.3f})  "
          f"date disagreements > 31 days {len(rep.disagreements)}")
    for sp in rep.missing:
        print(f"missing\t{sp.country}\t{sp.leader}\t{sp.start}\t{sp.end_month}")
    for sp, name, why in rep.disagreements:
        print(f"differs\t{sp.country}\t{name}\t{why}")


if __name__ == "__main__":
    main(sys.argv[1:])
