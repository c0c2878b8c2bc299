"""Toponym misses and false finds on the gritta corpora, by construction class, for writing place rules.

    PYTHONPATH=$PWD python scripts/place_misses.py score                 # P / R / acc@161 per set and part
    PYTHONPATH=$PWD python scripts/place_misses.py misses --set LGL --class org --show 40
    PYTHONPATH=$PWD python scripts/place_misses.py false --set GWN --show 40
    PYTHONPATH=$PWD python scripts/place_misses.py far --set GWN --show 40      # matched, placed over 161 km off

Reads `../shared/eval/places/gritta/*.xml`; parses each file once and keeps the parses in
`.casus-cache/place_misses/` (delete it after changing casus/nlp.py). `misses`, `false` and `far` list only
documents outside the check split (`split_of(doc id)`: train and dev); the check split is only scored.
A miss's class says how the gold name is written and what the NER made of it (see `classify`).
"""
from __future__ import annotations

import argparse
import hashlib
import pickle
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from casus.evaluate.places import FILES, match, read_corpus, score, scored_places  # noqa: E402
from casus.evaluate.splits import split_of  # noqa: E402
from casus.places.gazetteer import distance_km  # noqa: E402

GRITTA = ROOT.parent / "shared" / "eval" / "places" / "gritta"
CACHE = ROOT / ".casus-cache" / "place_misses"
_DEMONYM_ENDS = ("an", "ian", "ese", "ish", "i", "ic")
_STREETISH = {"street", "st", "road", "rd", "avenue", "ave", "boulevard", "blvd", "lane", "drive", "highway",
              "bridge", "square", "park", "river", "lake", "creek", "mountain", "mountains", "island", "bay",
              "beach", "valley", "hall", "center", "centre", "airport", "school", "church", "hospital", "sea",
              "ocean", "gulf", "canal", "county", "parish", "way", "pike", "route", "interstate"}


def parsed(path: Path) -> list:
    """The parsed documents of one gritta file, from the cache when it holds them."""
    digest = hashlib.sha1(path.read_bytes()).hexdigest()[:12]
    cache = CACHE / f"{path.stem}-{digest}.pickle"
    if cache.exists():
        with cache.open("rb") as f:
            return pickle.load(f)
    from casus.nlp import Parser

    docs = list(Parser().parse_many(a for a, _ in read_corpus(path)))
    CACHE.mkdir(parents=True, exist_ok=True)
    with cache.open("wb") as f:
        pickle.dump(docs, f, protocol=pickle.HIGHEST_PROTOCOL)
    return docs


def classify(doc, g, gazetteer) -> str:
    """How a missed gold toponym is written and what the NER made of it, first that holds decides."""
    text = doc.article.text
    name = text[g.start:g.end]
    toks = [t for t in doc.tokens if t.idx < g.end and t.end > g.start]
    ents = [e for e in doc.entities if e.char_start < g.end and e.char_end > g.start]
    words = name.replace(".", "").split()
    if not words:
        return "empty"
    if name.islower():
        return "lowercase"
    if name.isupper() and len(name.replace(".", "")) <= 4:
        return "abbreviation"
    if any(e.label == "NORP" for e in ents) or (len(words) == 1 and name.endswith(_DEMONYM_ENDS)
                                                  and name not in gazetteer and not ents):
        return "demonym/adjective"
    if words[-1].lower() in _STREETISH or (len(words) > 1 and words[-1].lower() in _STREETISH):
        return "feature/street/county"
    in_gaz = name in gazetteer
    lab = ",".join(sorted({e.label for e in ents})) or "none"
    if ents:
        e = ents[0]
        longer = e.char_start < g.start or e.char_end > g.end
        if e.label in {"GPE", "LOC", "FAC"}:
            return f"ner {lab}{' longer' if longer else ''}: {'in gaz' if in_gaz else 'not in gaz'}"
        return f"ner {lab}{' (inside a longer name)' if longer else ''}: {'in gaz' if in_gaz else 'not in gaz'}"
    if toks and toks[0].text[:1].isupper() and len(name) > 1 and name.isupper():
        return "all caps"
    return f"no entity: {'in gaz' if in_gaz else 'not in gaz'}"


def _context(text: str, s: int, e: int, width: int = 70) -> str:
    left = text[max(0, s - width):s].replace("\n", " ")
    right = text[e:e + width].replace("\n", " ")
    return f"{left}[[{text[s:e]}]]{right}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("what", choices=["score", "misses", "false", "far"])
    ap.add_argument("--set", dest="sets", action="append", help="LGL, GWN, GeoVirus (default all)")
    ap.add_argument("--class", dest="klass", help="show only misses whose class starts with this")
    ap.add_argument("--show", type=int, default=0, help="list this many misses / false finds with context")
    ap.add_argument("--seed", type=int, default=0, help="start the listing at this offset")
    args = ap.parse_args()
    from casus.places.gazetteer import Gazetteer
    from casus.places.resolve import PlaceResolver

    resolver = PlaceResolver(Gazetteer.load())
    for fname, name in FILES.items():
        if args.sets and name not in args.sets:
            continue
        corpus = read_corpus(GRITTA / fname)
        docs = parsed(GRITTA / fname)
        found, _ = scored_places(name, [[pm.place for pm in resolver.resolve(d)] for d in docs])
        parts = {"all": range(len(corpus)),
                 "dev": [i for i, (a, _) in enumerate(corpus) if split_of(a.id) != "check"],
                 "check": [i for i, (a, _) in enumerate(corpus) if split_of(a.id) == "check"]}
        if args.what == "score":
            for part, idx in parts.items():
                r = score(name, [found[i] for i in idx], [corpus[i] for i in idx], resolver.gazetteer)
                print(f"{name:9} {part:6} gold {r['gold']:5} pred {r['predicted']:5} P {r['P']:.3f} "
                      f"R {r['R']:.3f} F1 {r['F1']:.3f} acc@161 {r['acc@161km']}")
            continue
        classes: Counter = Counter()
        rows = []
        for i in parts["dev"]:  # never the check part
            art, gold = corpus[i]
            doc, places = docs[i], found[i]
            pairs = match([(p.start, p.end) for p in places], [(g.start, g.end) for g in gold])
            if args.what == "misses":
                hit = {j for _, j in pairs}
                for j, g in enumerate(gold):
                    if j in hit:
                        continue
                    k = classify(doc, g, resolver.gazetteer) + ("" if g.lat is not None else " [no coords]")
                    classes[k] += 1
                    if not args.klass or k.startswith(args.klass):
                        rows.append((k, art.id, _context(art.text, g.start, g.end)))
            elif args.what == "far":
                for i, j in pairs:
                    p, g = places[i], gold[j]
                    if g.lat is None:
                        continue
                    km = distance_km(p.lat, p.lon, g.lat, g.lon) if p.lat is not None else None
                    if km is None or km > 161:
                        k = f"{p.feature or 'place'} {p.form}"
                        classes[k] += 1
                        rows.append((k, art.id, f"{_context(art.text, p.start, p.end)} -> {p.name}, {p.country}"
                                               f" ({'no point' if km is None else f'{km:.0f} km'})"))
            else:
                hit = {i for i, _ in pairs}
                for j, p in enumerate(places):
                    if j not in hit:
                        k = (p.feature or "place") + ("" if p.form == "name" else f" {p.form}")
                        classes[k] += 1
                        rows.append((k, art.id, _context(art.text, p.start, p.end)))
        print(f"== {name} ({args.what}, train+dev documents): {sum(classes.values())}")
        for k, n in classes.most_common():
            print(f"  {n:5}  {k}")
        for k, doc_id, ctx in rows[args.seed:args.seed + args.show]:
            print(f"  - {k} | {doc_id} | {ctx}")


if __name__ == "__main__":
    main()
