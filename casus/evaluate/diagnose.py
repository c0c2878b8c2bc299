"""Where the event coder goes wrong: a confusion matrix of top events and the worst errors, with sentences."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

NONE = "none"  # no event coded for the sentence


@dataclass
class Miss:
    """One sentence whose top event has the wrong class."""

    id: str
    text: str
    gold: str
    predicted: str
    code: str | None
    trigger: str | None
    dyad: str | None
    confidence: float


def _label_kind(items) -> str:
    """Which class a file's gold gives: CAMEO root, PLOVER type or penta class."""
    if any(it.plover for it in items):
        return "plover"
    if any(it.code for it in items):
        return "root"
    return "penta"


def _gold_label(it, kind: str, ontology) -> str | None:
    if kind == "plover":
        return it.plover
    if kind == "root":
        return it.code[:2] if it.code else None
    return str(it.penta) if it.penta is not None else None


def _label(e, kind: str, ontology) -> str:
    if e is None:
        return NONE
    if kind == "plover":
        return e.plover.get("type") or NONE
    if kind == "root":
        return e.cameo.root
    return str(ontology.penta(e.cameo.code))


def diagnose(items, predictions, ontology, not_acts=frozenset(), worst: int = 10) -> dict:
    """Confusion of gold class × top-event class, and the misses coded with the highest confidence."""
    kind = _label_kind(items)
    matrix: Counter = Counter()
    misses: list[Miss] = []
    for it, events in zip(items, predictions):
        gold = _gold_label(it, kind, ontology)
        if gold is None:
            continue
        events = [e for e in events if e.mode not in not_acts]
        top = max(events, key=lambda e: e.confidence) if events else None
        got = _label(top, kind, ontology)
        matrix[gold, got] += 1
        if got != gold:
            dyad = None
            if top is not None:
                src = (top.source.code or top.source.text) if top.source else "?"
                tgt = (top.target.code or top.target.text) if top.target else "—"
                dyad = f"{src} → {tgt}"
            misses.append(Miss(it.id, it.text, gold, got, top.cameo.code if top else None,
                               top.trigger.text if top else None, dyad, top.confidence if top else 0.0))
    misses.sort(key=lambda m: (-m.confidence, m.id))  # confidently wrong first: those hurt users most
    return {"kind": kind, "matrix": matrix, "misses": len(misses), "worst": misses[:worst]}


def render(name: str, diag: dict) -> str:
    """Plain-text confusion matrix (rows gold, columns predicted) and the worst errors."""
    matrix: Counter = diag["matrix"]
    if not matrix:
        return ""
    golds = sorted({g for g, _ in matrix})
    preds = sorted({p for _, p in matrix} - {NONE}) + ([NONE] if any(p == NONE for _, p in matrix) else [])
    width = max(4, *(len(p) for p in preds))
    head = max(6, *(len(g) for g in golds))
    lines = [f"{name}: confusion of the top event by {diag['kind']} (rows gold, columns coded; '{NONE}': no event)",
             " " * head + " " + " ".join(p.rjust(width) for p in preds) + "  total  right"]
    for g in golds:
        cells = [matrix.get((g, p), 0) for p in preds]
        total = sum(cells)
        lines.append(g.ljust(head) + " " + " ".join((str(c) if c else ".").rjust(width) for c in cells)
                     + f"  {total:5d}  {matrix.get((g, g), 0) / total:5.2f}")
    lines.append(f"\n{name}: the {len(diag['worst'])} worst of {diag['misses']} errors (most confident first)")
    for m in diag["worst"]:
        coded = f"{m.predicted} ({m.code} '{m.trigger}', {m.dyad}, conf {m.confidence:.2f})" if m.code else m.predicted
        lines.append(f"- [{m.id}] gold {m.gold}, coded {coded}\n    {m.text}")
    return "\n".join(lines) + "\n"
