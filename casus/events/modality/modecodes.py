"""The CAMEO code an act gets in its mode: intents, appeals, demands, threats and refusals."""
from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "refusal.tsv"
COOPERATIVE_ROOTS = frozenset({"03", "04", "05", "06", "07", "08"})
OUTPUT_MODE = {"demanded": "requested", "refused": "asserted"}


def read_refusals(path: Path = DATA) -> dict[str, str]:
    """Intent code prefix → rejection code, from the data file."""
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            fields = line.split("\t")
            table[fields[0].strip()] = fields[1].strip()
    return table


class ModeCoder:
    """Chooses the code of an act given its mode, from the ontology's modality table."""

    def __init__(self, ontology, refusals: dict[str, str] | None = None):
        self.ontology = ontology
        self.refusals = read_refusals() if refusals is None else refusals

    def code(self, base: str, mode: str) -> tuple[str, str]:
        """(code, output mode) for an act coded `base` in `mode`."""
        ont = self.ontology
        root = base[:2]
        if mode in ("intended", "hypothetical"):
            return ont.for_mode(base, "intended"), mode
        if mode == "requested":
            code = ont.for_mode(base, "requested")
            return (code if code[:2] == "02" else "020"), mode  # urging is an appeal, whatever is urged
        if mode == "demanded":
            appeal = ont.for_mode(base, "requested")
            demand = "10" + appeal[2:] if appeal.startswith("02") else "100"
            if not ont.is_valid(demand):
                demand = demand[:3] if ont.is_valid(demand[:3]) else "100"
            return (base if root == "10" else demand), "requested"
        if mode == "threatened":
            code = ont.for_mode(base, "threat")
            return (code if code[:2] == "13" else "130"), mode
        if mode == "refused":
            if root == "01":  # "declined to comment": CAMEO's 011; "will not accept the plan": 120
                for n in (4, 3, 2):
                    if base[:n] in self.refusals:
                        return self.refusals[base[:n]], "asserted"
            if root not in COOPERATIVE_ROOTS:
                return base, "negated"
            intent = base if root == "03" else ont.for_mode(base, "intended")
            for n in (4, 3, 2):
                if intent[:n] in self.refusals:
                    return self.refusals[intent[:n]], "asserted"
            return "120", "asserted"
        return base, mode
