"""Hand-made Event records for the fold, store, query and export tests (no parsing)."""
from __future__ import annotations

from casus.model import Actor, Cameo, Event, EventDate, Place, Span

ACTORS = {
    "USAGOV": ("United States", "USA", ["GOV"], "state"),
    "RUSGOV": ("Russia", "RUS", ["GOV"], "state"),
    "JPNGOV": ("Japan", "JPN", ["GOV"], "state"),
    "COLREB": ("FARC", "COL", ["REB"], "group"),
    "COLCVL": ("civilians", "COL", ["CVL"], "group"),
    "IRQREB": ("insurgents", "IRQ", ["REB"], "group"),
    "IRQCVL": ("civilians", "IRQ", ["CVL"], "group"),
}
CAMEO = {
    "01": ("Make public statement", 0.0, 1), "010": ("Make statement", 0.0, 1),
    "04": ("Consult", 1.0, 1), "042": ("Make a visit", 1.9, 1), "043": ("Host a visit", 2.8, 1),
    "036": ("Express intent to meet or negotiate", 4.0, 1),
    "18": ("Assault", -9.0, 4), "181": ("Abduct, hijack, or take hostage", -9.0, 4),
    "180": ("Use unconventional violence", -9.0, 4), "183": ("Conduct suicide, car, or other non-military bombing", -10.0, 4),
    "1831": ("Carry out suicide bombing", -10.0, 4),
    "19": ("Fight", -10.0, 4), "190": ("Use conventional military force", -10.0, 4),
    "111": ("Criticize or denounce", -2.0, 3),
}
PLACES = {
    "Bogota": ("COL", 4.61, -74.08, 3688689, "PPLC"),
    "Cali": ("COL", 3.44, -76.52, 3687925, "PPLA"),
    "Baghdad": ("IRQ", 33.34, 44.40, 98182, "PPLC"),
    "Mosul": ("IRQ", 36.34, 43.13, 99072, "PPLA"),
    "Sochi": ("RUS", 43.60, 39.73, 491422, "PPL"),
    "Colombia": ("COL", 4.0, -72.0, 3686110, "PCLI"),
}


def actor(code: str | None, text: str | None = None, start: int = 0) -> Actor | None:
    if code is None:
        return None
    name, country, sector, kind = ACTORS.get(code, (code, code[:3], [code[3:]], "group"))
    text = text or name
    return Actor(text=text, start=start, end=start + len(text), name=name, code=code,
                 country=country, sector=list(sector), kind=kind)


def place(name: str | None, basis: str = "clause") -> Place | None:
    if name is None:
        return None
    country, lat, lon, gid, feature = PLACES[name]
    return Place(text=name, start=0, end=len(name), name=name, country=country, lat=lat, lon=lon,
                 geonameid=gid, feature=feature, basis=basis)


def make_event(
    event_id: str = "e1", doc_id: str = "d1", sentence: int = 0, source: str | None = "USAGOV",
    target: str | None = "RUSGOV", code: str = "042", date: str | None = "2016-05-06",
    basis: str = "explicit", precision: str = "day", where: str | None = None, mode: str = "asserted",
    trigger: str = "visited", start: int = 10, confidence: float = 0.5, reasons: list[str] | None = None,
    report_date: str | None = "2016-05-07", text: str | None = None, plover: str = "CONSULT",
    place_basis: str = "clause",
) -> Event:
    name, goldstein, quad = CAMEO[code]
    return Event(
        event_id=event_id, doc_id=doc_id, sentence=sentence,
        text=text or f"Sentence {sentence} of {doc_id}: {trigger}.",
        trigger=Span(trigger, start, start + len(trigger)),
        source=actor(source), target=actor(target, start=start + 20),
        cameo=Cameo(code, code[:2], name, goldstein, quad),
        plover={"type": plover, "mode": None}, mode=mode,
        date=EventDate(date, precision if date else None, None, basis),
        report_date=report_date, location=place(where, place_basis),
        confidence=confidence, reasons=list(reasons or []),
    )
