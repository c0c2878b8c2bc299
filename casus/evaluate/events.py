"""Scores for `casus eval events` on the gold formats in ../shared/eval/events.

Per file, over sentences with a gold event, using the top event per sentence that is not
negated, alleged or denied
(highest confidence): root accuracy (CAMEO 2-digit), code accuracy at the gold's depth, penta
accuracy (5 classes: 01–02, 03–05, 06–08, 09–13+16, 14–15+17–20), PLOVER type accuracy,
source/target country accuracy (sector where gold has one). Triple F1 compares per sentence the
set of (source country, target country, root or PLOVER type) of all non-negated events with the
gold's (events that are not negated, alleged or denied), so missed and extra events both count. `event precision` is the share of emitted events
whose root (or PLOVER type) matches the sentence's gold; `precision conf≥0.5` and
`precision conf<0.5` split it by the event's confidence, to show whether confidence means something.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from casus.evaluate.lines import json_lines
from casus.model import Article, InputError

# CAMEO actor codes in the gold that are not ISO-3166 alpha-3
CAMEO_COUNTRY_ALIASES = {"JAP": "JPN", "ITL": "ITA", "GMY": "DEU", "UKG": "GBR", "RUM": "ROU"}
NOT_ACTS = frozenset({"negated", "alleged", "reported_denial"})  # told of, not done by the source
FILES = ("plover_gsr.jsonl", "cameo_codebook_examples.jsonl", "penta_dev.jsonl")


@dataclass
class GoldItem:
    """One gold sentence."""

    id: str
    text: str
    date: str | None = None
    code: str | None = None
    penta: int | None = None
    plover: str | None = None
    sources: list[tuple[str | None, str | None]] = field(default_factory=list)
    targets: list[tuple[str | None, str | None]] = field(default_factory=list)


def _actor(a: dict) -> tuple[str | None, str | None]:
    code = a.get("code")
    code = CAMEO_COUNTRY_ALIASES.get(code, code)
    sector = a.get("sector")
    sector = sector[:3] if sector and sector != "***" else None
    return code, sector


def load_gold(path: Path) -> list[GoldItem]:
    """Read one gold JSONL file in any of the known formats."""
    items = []
    for n, r in json_lines(path):
        if not isinstance(r, dict) or not ({"plover_current", "example", "penta"} & r.keys()):
            raise InputError(str(path), "not a known event gold format (plover_gsr, codebook, penta)", n)
        try:
            item = _gold_item(r)
        except (KeyError, TypeError, ValueError, AttributeError) as e:
            raise InputError(str(path), f"a gold record lacks a field or has a wrong one ({type(e).__name__}: {e})",
                             n) from None
        if item is not None:
            items.append(item)
    return items


def _gold_item(r: dict) -> GoldItem | None:
    """One record of a known format as a GoldItem; None for a codebook entry without an example."""
    if "plover_current" in r:
        return GoldItem(r["id"], r["text"], r.get("date"), r.get("cameo_code"), None, r["plover_current"],
                        [_actor(a) for a in r.get("source") or []], [_actor(a) for a in r.get("target") or []])
    if "example" in r:
        return GoldItem(f"cameo-{r['cameo_code']}", r["example"], None, r["cameo_code"]) if r.get("example") else None
    return GoldItem(r["id"], r["text"], None, None, int(r["penta"]))


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


CONFIDENT = 0.5  # events at or above this confidence should match gold more often than those below


def score(items: list[GoldItem], predictions: list[list], ontology) -> dict:
    """Metrics for gold items and, per item, the list of predicted events."""
    n = len(items)
    hits = {k: 0 for k in ("root", "code", "penta", "plover", "src", "tgt", "src_sector")}
    denom = {k: 0 for k in hits}
    tp = n_pred_t = n_gold_t = 0
    emitted = matched = covered = 0
    bands = {True: [0, 0], False: [0, 0]}  # confident (>= 0.5) or not: [emitted, matched]
    for gold, events in zip(items, predictions):
        events = [e for e in events if e.mode not in NOT_ACTS]
        covered += bool(events)
        top = max(events, key=lambda e: e.confidence) if events else None
        checks = {}
        if gold.code:
            checks["root"] = top is not None and top.cameo.root == gold.code[:2]
            checks["code"] = top is not None and top.cameo.code[:len(gold.code)] == gold.code
        if gold.code or gold.penta is not None:
            want = ontology.penta(gold.code) if gold.code else gold.penta
            checks["penta"] = top is not None and ontology.penta(top.cameo.code) == want
        if gold.plover:
            checks["plover"] = top is not None and top.plover.get("type") == gold.plover
        if gold.sources:
            countries = {c for c, _ in gold.sources}
            checks["src"] = top is not None and top.source is not None and top.source.country in countries
            sectors = {s for _, s in gold.sources if s}
            if sectors:
                checks["src_sector"] = top is not None and top.source is not None and bool(sectors & set(top.source.sector))
        if gold.targets:
            countries = {c for c, _ in gold.targets}
            checks["tgt"] = top is not None and top.target is not None and top.target.country in countries
        for k, ok in checks.items():
            denom[k] += 1
            hits[k] += bool(ok)
        label = (lambda e: e.cameo.root) if gold.code else (lambda e: e.plover.get("type")) if gold.plover else None
        want_label = gold.code[:2] if gold.code else gold.plover
        if label is not None:
            emitted += len(events)
            matched += sum(label(e) == want_label for e in events)
            for e in events:
                band = bands[e.confidence >= CONFIDENT]
                band[0] += 1
                band[1] += label(e) == want_label
        if gold.sources and label is not None:
            g = {(s, t, want_label) for s, _ in gold.sources for t, _ in (gold.targets or [(None, None)])}
            p = {(e.source.country if e.source else None, e.target.country if e.target else None, label(e))
                 for e in events}
            tp += len(g & p)
            n_pred_t += len(p)
            n_gold_t += len(g)
    row = {"sentences": n, "coverage": covered / n if n else 0.0}
    names = {"root": "root acc", "code": "code acc", "penta": "penta acc", "plover": "plover acc",
             "src": "source country acc", "tgt": "target country acc", "src_sector": "source sector acc"}
    for k, name in names.items():
        row[name] = hits[k] / denom[k] if denom[k] else None
    if n_gold_t:
        row["triple P"], row["triple R"], row["triple F1"] = _prf(tp, n_pred_t, n_gold_t)
    row["event precision"] = matched / emitted if emitted else None
    for confident, (n_emitted, n_matched) in bands.items():
        name = "precision conf≥0.5" if confident else "precision conf<0.5"
        row[name] = n_matched / n_emitted if n_emitted else None
    return row


def predict(items: list[GoldItem], pipe) -> list[list]:
    """Code each gold sentence as its own article."""
    import datetime as dt

    articles = []
    for it in items:
        date = dt.date.fromisoformat(it.date) if it.date else None
        articles.append(Article(id=it.id, text=it.text, report_date=date,
                                report_date_basis="given" if date else "none"))
    return [events for _, events in pipe.code(articles)]


def run(gold: str, pipe, limit: int | None = None, diagnostics: list | None = None, worst: int = 10) -> list[dict]:
    """One row of metrics per gold file (a file, or a folder holding the known files).

    diagnostics: if given, gets (file name, confusion and worst errors) per file (`casus.evaluate.diagnose`).
    """
    path = Path(gold)
    paths = [path / f for f in FILES if (path / f).exists()] if path.is_dir() else [path]
    if not paths:
        raise InputError(gold, "no event gold files found")
    rows = []
    for p in paths:
        items = load_gold(p)[:limit] if limit else load_gold(p)
        preds = predict(items, pipe)
        rows.append({"file": p.name, **score(items, preds, pipe.extractor.ontology)})
        if diagnostics is not None:
            from casus.evaluate.diagnose import diagnose

            diagnostics.append((p.name, diagnose(items, preds, pipe.extractor.ontology, NOT_ACTS, worst)))
    return rows
