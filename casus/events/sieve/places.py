"""A place as the target of an act no named actor receives (the `place_as_target` pass)."""
from __future__ import annotations

from casus.events.roles.arguments import Arg, object_of, prep_objects
from casus.events.roles.placing import country_place, place_actor, within
from casus.model import ActorMention, ParsedDoc, Token

PLACE_AIM_PREPS = ("on", "against", "at", "into", "to", "toward", "towards", "from", "over")
VENUE_ROOTS = frozenset({"01", "02", "04", "05", "10", "11", "12"})  # "condemned … in Geneva": a venue, not a target


def place_target(place_at: dict, doc: ParsedDoc, tok: Token, code: str, source: Arg, target: Arg, place) -> Arg:
    """The target a place gives when no named actor receives the act; `place_at` maps a token to its place."""
    if target:
        return target
    if len(source.mentions) == 1 and place is not None and place.country and code[:2] == "04" and (
            place.country != source.mentions[0].actor.country):  # "arrived in Amman": the host is Jordan
        return Arg([ActorMention(tok.i, tok.i, tok.i, place_actor(place, "host of a visit to"))], None,
                   "country of the place visited")
    aimed = _place_object(place_at, doc, tok)
    if aimed is None and code[:2] == "03":  # "agreed to set up a research center in Tokyo"
        aimed = next((p for c in doc.children(tok.i) if c.dep == "xcomp" for p in [_place_in(place_at, doc, c)] if p),
                     None)
    if aimed is not None:  # "shelled the town of Aleppo", "an attack on Kabul", "troops to Bosnia"
        return Arg([ActorMention(tok.i, tok.i, tok.i, place_actor(aimed, "place acted on"))], None,
                   "place as object")
    if place is not None and place.country and code[:2] not in VENUE_ROOTS and not (
            within(doc, place.start, source.token)):  # "demonstrators in Baghdad": where the source is from
        return Arg([ActorMention(tok.i, tok.i, tok.i, place_actor(place, "place the act is aimed at"))],
                   None, "place of an act on no named actor")  # "a curfew in Abidjan"
    return target


def _place_in(place_at: dict, doc: ParsedDoc, verb: Token):
    """A place with a country where a verb or its object is put ('set up a center in Tokyo', 'open an office in X')."""
    obj = object_of(doc, verb)
    return country_place(place_at, (p for h in [verb] + ([obj] if obj is not None else [])
                                    for p in prep_objects(doc, h, ("in", "inside"))))


def _place_object(place_at: dict, doc: ParsedDoc, tok: Token):
    """A place with a country named as the predicate's object or aim ('shelled Juba', 'the town of X')."""
    heads = [o for o in [object_of(doc, tok)] if o is not None and tok.pos == "VERB"]
    heads += prep_objects(doc, tok, PLACE_AIM_PREPS)
    for h in heads:  # "power lines leading into Kabul": the place the object runs to
        led = [p for c in doc.children(h.i) if c.dep == "acl" and c.tag in ("VBG", "VBN")
               for p in prep_objects(doc, c, ("into", "to", "toward", "towards"))]
        place = country_place(place_at, [h] + prep_objects(doc, h, ("of",)) + led)
        if place is not None:
            return place
    return None
