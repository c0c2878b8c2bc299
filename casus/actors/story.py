"""People with a role keep a code: a titled person or body the text gives no country takes the story's country."""
from __future__ import annotations

from collections import Counter
from dataclasses import replace

from casus.actors.kb import NON_STATE, make_code
from casus.actors.named_roles import named_roles
from casus.actors.people import HONORIFICS
from casus.model import ActorMention, Article, ParsedDoc, PlaceMention

# roles that serve the state where the story happens: councillors, police chiefs, party leaders, unions, courts
DOMESTIC = frozenset({"GOV", "COP", "LEG", "PTY", "LAB", "JUD", "OPP"})
# a story told mostly in one country: that country holds this share of the mentions with a country, and this many
DOMINANT_SHARE = 0.75
DOMINANT_MIN = 4


def story_country(article: Article, actors: list[ActorMention], places: list[PlaceMention]) -> tuple[str, str] | None:
    """The country a story happens in, and why: the dateline's place, else the one country of its places and actors,
    else the country that holds at least three quarters of their mentions with a country."""
    line = article.dateline
    if line is not None:
        for p in places:
            if line.start <= p.place.start < line.end and p.place.country:
                return p.place.country, f"the dateline's place, {p.place.name or p.place.text}"
    counts = Counter(p.place.country for p in places if p.place.country)
    counts.update(m.actor.country for m in actors if m.actor.country)  # any actor's country counts against it
    for c in NON_STATE:
        counts.pop(c, None)
    if len(counts) == 1:
        (c,) = counts
        return c, "the only country the story's places and actors are in"
    if not counts:
        return None
    (c, n), total = counts.most_common(1)[0], sum(counts.values())
    if n >= DOMINANT_MIN and n >= DOMINANT_SHARE * total:  # a British politics story that mentions Iraq twice
        return c, f"the country of {n} of the story's {total} places and actors with a country"
    return None


def with_story_country(doc: ParsedDoc, actors: list[ActorMention], places: list[PlaceMention]) -> list[ActorMention]:
    """'Police Chief Adam Palmer' in a Vancouver story is Canada's police: fill the country of such roles from the
    story, then give the same person's other mentions
    ('Mr Palmer', 'he') the code the role got."""
    want = [m for m in actors if m.actor.country is None and m.actor.kind in ("person", "group", "organization")
            and set(m.actor.sector) & DOMESTIC]
    story = story_country(doc.article, actors, places) if want else None
    if story is not None:
        c, why = story
        out = []
        for m in actors:
            if m in want:
                a = m.actor
                m = replace(m, actor=replace(a, country=c, code=make_code(c, a.sector),
                                             reason=f"a role with no country in the text: {why}"))
            out.append(m)
        actors = named_roles(doc, out)  # 'the mayor of Lyon, X': the name after a role the story just coded
    return same_person(actors)


def same_person(actors: list[ActorMention]) -> list[ActorMention]:
    """'Mr Kennedy', 'Kennedy' or 'Charles Kennedy' with no country, in a story that gave 'Lib Dem leader Charles
    Kennedy' a code: every mention of that person takes it; a surname two named people share takes none."""
    coded: dict[tuple[str, ...], ActorMention] = {}  # a coded person's full name -> its first coded mention
    full: set[tuple[str, ...]] = set()  # every full name of a person in the story, coded or not
    for m in actors:
        words = _name_words(m.actor)
        if m.actor.kind != "person" or len(words) < 2:
            continue
        full.add(words)
        if m.actor.country and m.actor.country not in NON_STATE and words not in coded:
            coded[words] = m
    if not coded:
        return actors
    out = []
    for m in actors:
        a, words = m.actor, _name_words(m.actor)
        if a.kind == "person" and a.country is None and words:
            bearers = {f for f in full if f[-len(words):] == words}
            if len(bearers) == 1 and (f := bearers.pop()) in coded:
                b = coded[f].actor
                m = replace(m, actor=replace(a, name=b.name, country=b.country, sector=list(b.sector), code=b.code,
                                             reason=f"the same person as '{b.text}' ({b.reason or b.code})"))
        out.append(m)
    return out


def _name_words(a) -> tuple[str, ...]:
    """The words of a person's name, honorifics dropped: 'Mr Kennedy' → ('kennedy',)."""
    words = [w.strip(".").lower() for w in (a.name or "").split()]
    while words and words[0] in HONORIFICS:
        words = words[1:]
    return tuple(words)
