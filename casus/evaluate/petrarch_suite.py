"""PETRARCH's own unit-test records, coded with the suite's test dictionaries: how many casus matches exactly.

The suite (`eval/events/petrarch_unittests`: `unittest_records.jsonl` and the `PETR.Validate.*`
actor, agent and verb dictionaries: fictional actors, WEIS-era verb codes) is a compatibility check for
dictionary import, not an accuracy benchmark. A record matches when the set of
(source, target, code) casus emits equals the expected set (no events for a no-event record).
Expected codes outside CAMEO (WEIS leftovers such as 223 or 903) cannot be emitted and are counted.
"""
from __future__ import annotations

import datetime as _dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from casus.model import Actor, Article

RECORDS = "unittest_records.jsonl"
ACTORS = "PETR.Validate.actors.txt"
VERBS = "PETR.Validate.verbs.txt"
AGENTS = "PETR.Validate.agents.txt"


@dataclass
class SuiteResult:
    """Matches overall and by category, with the records that missed."""

    records: int = 0
    matched: int = 0
    outside_cameo: int = 0  # records expecting a code that is not CAMEO
    by_category: dict[str, list[int]] = field(default_factory=dict)  # category -> [matched, records]
    misses: list[dict[str, Any]] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.matched / self.records if self.records else 0.0


def actor_code(actor: Actor | None) -> str | None:
    """A PETRARCH-style code: the dictionary code, else country (or ---) and sectors run together."""
    if actor is None:
        return None
    return actor.code or (actor.country or "---") + "".join(actor.sector)


def run_suite(folder: Path, pipeline, valid_code=None) -> SuiteResult:
    """Code every record of the suite in `folder` with `pipeline` (loaded with the suite's dictionaries)."""
    rows = _records(folder / RECORDS)
    articles = [Article(id=r["id"], text=r["text"], report_date=_date(r.get("date"))) for r in rows]
    result = SuiteResult()
    detector, pipeline.extractor.detector = pipeline.extractor.detector, None  # the dictionaries alone:
    try:  # the learned judge, trained on news, would drop the suite's made-up test verbs
        coded = list(pipeline.code(articles))
    finally:
        pipeline.extractor.detector = detector
    for row, (_, events) in zip(rows, coded):
        gold = {(g["source"], g["target"], g["code"]) for g in row.get("gold", [])}
        got = {(actor_code(e.source), actor_code(e.target), e.cameo.code) for e in events}
        ok = got == gold
        cat = result.by_category.setdefault(row.get("category", "?"), [0, 0])
        cat[0] += ok
        cat[1] += 1
        result.records += 1
        result.matched += ok
        if valid_code is not None and any(not valid_code(code) for _, _, code in gold):
            result.outside_cameo += 1
        if not ok:
            result.misses.append({"id": row["id"], "text": row["text"], "expected": sorted(gold, key=str),
                                  "got": sorted(got, key=str)})
    return result


def _records(path: Path) -> list[dict[str, Any]]:
    """The suite's JSONL records; a bad line is an InputError naming it."""
    from casus.model import InputError

    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as err:
            raise InputError(str(path), f"malformed JSON: {err}", n) from None
        if not isinstance(row, dict) or "id" not in row or "text" not in row:
            raise InputError(str(path), "a unit-test record needs 'id' and 'text'", n)
        rows.append(row)
    return rows


def _date(value: str | None) -> _dt.date | None:
    try:
        return _dt.datetime.strptime(str(value), "%Y%m%d").date()
    except ValueError:
        return None


def report(result: SuiteResult) -> str:
    """A short text report."""
    lines = [f"PETRARCH unit-test records matched exactly: {result.matched}/{result.records} "
             f"({result.rate:.1%}; PETRARCH2 itself: 31%); {result.outside_cameo} expect a non-CAMEO code"]
    for cat, (ok, n) in sorted(result.by_category.items(), key=lambda kv: -kv[1][1]):
        lines.append(f"  {cat:<10} {ok:>3}/{n}")
    return "\n".join(lines)


def run(gold: str, pipeline_factory=None) -> list[dict[str, Any]]:
    """Rows for `casus eval petrarch`: one per category, then the total."""
    from casus.events import Ontology

    folder = Path(gold)
    for name in (RECORDS, ACTORS, AGENTS, VERBS):
        if not (folder / name).exists():
            from casus.model import InputError

            raise InputError(str(folder / name), "missing: expected the PETRARCH unit-test folder")
    if pipeline_factory is None:
        from casus.pipeline import Pipeline

        pipeline_factory = Pipeline.load
    pipe = pipeline_factory([folder / ACTORS, folder / AGENTS], [folder / VERBS])  # (actor files, lexicon files)
    result = run_suite(folder, pipe, Ontology.load().is_valid)
    rows = [{"category": c, "records": n, "matched": ok, "rate": round(ok / n, 3)}
            for c, (ok, n) in sorted(result.by_category.items(), key=lambda kv: -kv[1][1])]
    rows.append({"category": "all", "records": result.records, "matched": result.matched,
                 "rate": round(result.rate, 3), "expect_non_cameo_code": result.outside_cameo,
                 "petrarch2": 0.31})
    return rows
