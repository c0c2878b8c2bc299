"""Countries that places give to an act's actors: groups placed where it happens, places standing in as actors."""
from __future__ import annotations

from casus.actors.coref import SOLE_STATE
from casus.events.roles.arguments import Arg, placed_in
from casus.model import Actor, ParsedDoc, Token


def country_place(place_at: dict, tokens) -> object | None:
    """The first of these tokens that is a place with a country (a casus.model.Place), if any."""
    for t in tokens:
        place = place_at.get(t.i)
        if place is not None and place.country:
            return place
    return None


def place_actor(place, why: str) -> Actor:
    """The country of a place, standing in as an actor."""
    return Actor(place.text, place.start, place.end, name=place.name, code=place.country,
                 country=place.country, kind="state", reason=f"{why}: {place.name}")


def in_place(doc: ParsedDoc, arg: Arg, place, other: Token | None) -> Arg:
    """Unplaced groups of an argument ('police', 'protesters') given the country where the act happens.

    A group whose country was only guessed as the one state the article names counts as unplaced
    ('Russian missiles hit a hospital in Kharkiv': the hospital is Ukraine's, not Russia's).
    """
    unplaced = [m for m in arg.mentions if (m.actor.sector or m.actor.kind == "group") and (
        not m.actor.country or (m.actor.reason or "").endswith(SOLE_STATE) and m.actor.country != place.country)]
    if not unplaced or within(doc, place.start, other):
        return arg
    return Arg([placed_in(m, place) if m in unplaced else m for m in arg.mentions], arg.token,
               f"{arg.via}, in {place.name}")


def within(doc: ParsedDoc, char: int, phrase: Token | None) -> bool:
    """True if the token starting at a character offset lies in the phrase headed by `phrase`."""
    if phrase is None:
        return False
    cur = next((t for t in doc.tokens if t.idx == char), None)
    for _ in range(12):
        if cur is None or cur.i == phrase.i:
            return cur is not None
        if cur.head == cur.i:
            return False
        cur = doc.tokens[cur.head]
    return False
