"""People with a role keep a code: a titled person or body the text gives no country takes the story's country."""
from __future__ import annotations

from dataclasses import replace

from casus.actors.kb import NON_STATE, make_code
from casus.model import ActorMention, Article, PlaceMention

# roles that serve the state where the story happens: councillors, police chiefs, party leaders, unions, courts
DOMESTIC = frozenset({"GOV", "COP", "LEG", "PTY", "LAB", "JUD", "OPP"})


def story_country(article: Article, actors: list[ActorMention], places: list[PlaceMention]) -> tuple[str, str] | None:
    """The country a story happens in, and why: the dateline's place, else the one country of its places and actors."""
    line = article.dateline
    if line is not None:
        for p in places:
            if line.start <= p.place.start < line.end and p.place.country:
                return p.place.country, f"the dateline's place, {p.place.name or p.place.text}"
    countries = {p.place.country for p in places if p.place.country}
    countries |= {m.actor.country for m in actors if m.actor.country}  # any actor's country counts against it
    countries -= NON_STATE
    if len(countries) == 1:
        (c,) = countries
        return c, "the only country the story's places and actors are in"
    return None


def with_story_country(article: Article, actors: list[ActorMention],
                       places: list[PlaceMention]) -> list[ActorMention]:
    """'Police Chief Adam Palmer' in a Vancouver story is Canada's police: fill the country of such roles."""
    want = [m for m in actors if m.actor.country is None and m.actor.kind in ("person", "group", "organization")
            and set(m.actor.sector) & DOMESTIC]
    if not want:
        return actors
    story = story_country(article, actors, places)
    if story is None:
        return actors
    c, why = story
    out = []
    for m in actors:
        if m in want:
            a = m.actor
            m = replace(m, actor=replace(a, country=c, code=make_code(c, a.sector),
                                         reason=f"a role with no country in the text: {why}"))
        out.append(m)
    return out
