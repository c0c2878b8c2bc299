"""Places for events their clause does not place: the sentence, a destination, the story's focus, the dateline.

Tiers, best first (`location.basis`): `clause` (attach.py), then
- `sentence`: a place after "in / near / at / …" elsewhere in the event's sentence, unless a phrase
  about something else holds it (a relative clause, apposition or participle on a noun: "a man
  born in X"; a background clause "after / before / since / when …") — the one nearest the
  trigger when several share a country, none when they name different countries;
- `destination`: where a trip or a gift arrives — a visit made (042) to, or aid, loans, supplies or
  protection given (070–074) to another country's actor are placed in that actor's country, a visit
  hosted (043) for a foreign guest in the host's country;
- `article`: the place the story is about — the country more than half of its places and actor
  mentions belong to (two at least), at its capital or provincial seat when one is named at least
  twice and more often than any other, else the country as a whole — when every actor of the event
  with a country belongs to that country;
- `dateline`: the place the story was filed from, when the event's doer belongs to its country and the
  act is not plainly abroad (a visit or meeting with a foreign actor, aid sent, force against another
  country, a pact of three nations).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace

from casus.model import ActorMention, Event, ParsedDoc, Place, PlaceMention, Token

ASIDE = frozenset({"relcl", "appos"})  # a clause or phrase that describes a noun, not the act
REPORTED = frozenset({"ccomp", "parataxis"})  # what someone says, apart from where they say it
SENTENCE_PREPS = frozenset({"in", "at", "near", "inside", "around", "across", "throughout"})  # not "outside"
BACKGROUND = frozenset({"after", "before", "since", "when", "while", "until", "once", "although", "though",
                        "if", "unless", "because", "whether"})  # another act's time, condition or reason
TOPIC_PREPS = frozenset({"on", "about", "over", "from", "against", "of", "regarding"})  # an act talked about
REASON_PREPS = frozenset({"for", "despite", "after", "before", "since", "until"})  # "suspended for failing to …"
NEUTRAL = frozenset({"IGO", "NGO", "MNC", ""})  # actor countries that place nothing
TRIP_ABROAD = ("036", "042")  # a meeting sought or a visit made: it happens at the host's
MATERIAL = ("07",)  # aid, loans, supplies: given where they arrive
FORCE = ("18", "19", "20")  # assault, fight, mass violence: done where the other side is
SEATS = ("PPLC", "PPLA")  # capitals and seats of a province, state or county (PPLA2 …)
TO_THE_TARGET = ("042", "070", "071", "072", "073", "074")  # a visit made, aid or protection given: at the receiver's
AT_THE_HOST = ("043",)  # a visit hosted: at the host's


def _head(doc: ParsedDoc, pm: PlaceMention) -> Token:
    """The token of a place mention whose syntactic head lies outside it."""
    span = range(pm.start, pm.end)
    return next((doc.tokens[i] for i in span if doc.tokens[i].head not in span or doc.tokens[i].head == i),
                doc.tokens[pm.start])


def _path_up(doc: ParsedDoc, tok: Token) -> list[Token]:
    """tok and its heads up to the sentence root."""
    out = [tok]
    while out[-1].head != out[-1].i and len(out) < 40:
        out.append(doc.tokens[out[-1].head])
    return out


def _country(code: str | None) -> str:
    return "" if not code or code in NEUTRAL else code


def _with_evidence(place: Place, actor) -> Place:
    """The place, or for a country no toponym names, the country with its actor's words as evidence."""
    if place.end > place.start:
        return place
    return replace(place, text=actor.text, start=actor.start, end=actor.end)


class Locator:
    """The sentence, destination, article and dateline places of one document's events."""

    def __init__(self, doc: ParsedDoc, places: Sequence[PlaceMention], dateline: Sequence[PlaceMention] = (),
                 country_place: Callable[[str], Place | None] | None = None, actors: Sequence[ActorMention] = (),
                 events: Sequence[Event] = ()):
        self.doc = doc
        self.parties: dict[int, set[str]] = {}  # trigger start -> the countries of the actors coded with it
        for e in events:
            for actor in (e.source, e.target):
                if actor is not None and _country(actor.country):
                    self.parties.setdefault(e.trigger.start, set()).add(actor.country)
        self.country_place = country_place
        self._token_at = {t.idx: t for t in doc.tokens}
        self.by_sentence: dict[int, list[tuple[PlaceMention, Token]]] = {}
        for pm in places:
            head = _head(doc, pm)
            prep = doc.tokens[head.head]
            if head.dep == "pobj" and prep.text.lower() in SENTENCE_PREPS and pm.place.country:
                self.by_sentence.setdefault(head.sent, []).append((pm, prep))
        self.focus = self._focus(places, [_country(m.actor.country) for m in actors if m.actor.kind != "unknown"])
        self.dateline = next((pm.place for pm in dateline if pm.place.country), None)

    def _focus(self, places: Sequence[PlaceMention], actor_countries: Sequence[str]) -> Place | None:
        """The place the story is about: the country most of its places and actors belong to, its most named seat."""
        countries = Counter(pm.place.country for pm in places if pm.place.country)
        countries.update(c for c in actor_countries if c)
        if not countries:
            return None
        (country, n), total = countries.most_common(1)[0], sum(countries.values())
        if n < 2 or 2 * n <= total:
            return None
        towns = Counter(pm.place.geonameid for pm in places if pm.place.country == country
                        and pm.place.geonameid is not None and (pm.place.feature or "").startswith(SEATS))
        ranked = towns.most_common(2)
        if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            return next(pm.place for pm in places if pm.place.geonameid == ranked[0][0])
        named = next((pm.place for pm in places if pm.place.country == country
                      and (pm.place.feature or "").startswith("PCL")), None)
        return named or (self.country_place(country) if self.country_place else None)

    def sentence_place(self, trigger: Token) -> tuple[Place | None, str | None]:
        """A place of the trigger's sentence that no aside or background clause holds, nearest first."""
        found = []
        for pm, prep in self.by_sentence.get(trigger.sent, []):
            if not self._held_apart(prep, trigger):
                found.append((abs(prep.i - trigger.i), pm, prep))
        if not found or len({pm.place.country for _, pm, _ in found}) > 1:
            return None, None
        _, pm, prep = min(found, key=lambda f: f[0])
        return (replace(pm.place, basis="sentence"),
                f"place: '{prep.text} {pm.place.text}' in the sentence")

    def _held_apart(self, prep: Token, trigger: Token) -> bool:
        """True unless the place's phrase sits on a verb in line with the trigger, with no aside between them.

        The phrase must hang on a verb (or the trigger): "consulates in Karachi" describes the consulates.
        Between the two and the clause joining them there must be no relative clause, apposition,
        participle on a noun, background clause, coordinated clause, and no reported clause: the place of a saying ("In
        Baghdad, a spokesman said warplanes destroyed …") is not the place of what is said, nor the reverse.
        """
        doc = self.doc
        host = doc.tokens[prep.head]
        if host.i != trigger.i and host.pos not in ("VERB", "AUX"):
            return True
        up_place, up_trigger = _path_up(doc, host), _path_up(doc, trigger)
        common = {t.i for t in up_trigger} & {t.i for t in up_place}
        if not common:
            return True
        for side in (up_place, up_trigger):
            for t in side:
                if t.i in common:
                    break
                if t.dep in ASIDE or t.dep in REPORTED or t.dep == "acl" and t.tag in ("VBN", "VBG", "VB"):
                    return True  # "a man born in X", "people living in X", "X said that …", "an offer to go to X"
                up = doc.tokens[t.head]
                if side is up_trigger and t.pos in ("NOUN", "PROPN") and t.dep == "pobj" and up.text.lower() in TOPIC_PREPS:
                    return True  # "commented on the statement": the statement was made elsewhere
                if side is up_place and t.dep == "pcomp" and up.text.lower() in REASON_PREPS:
                    return True  # "suspended her for failing to turn up at a camp in X"
                if t.dep == "conj" and t.pos in ("VERB", "AUX"):
                    return True  # "workers in London have immunity, but in a 1994 agreement it was extended …"
                if t.dep == "advcl" and any(c.dep in ("mark", "advmod") and c.text.lower() in BACKGROUND
                                            for c in doc.children(t.i)):
                    return True
        return False

    def elsewhere(self, event: Event) -> bool:
        """True if the act plainly happens away from the doer's home, so the dateline does not place it.

        A visit made or a meeting sought with another country's actor is at the host's; aid, loans or
        supplies to another country are where they arrive; force against another country is used where
        its side is (a strike on Iran is not made in Washington); an act one trigger codes with actors of three
        countries or more (an accord of six nations) is where they met, not where one of them files from.
        """
        doer = _country(event.source.country if event.source else None)
        other = _country(event.target.country if event.target else None)
        if other and other != doer and event.cameo.code.startswith(TRIP_ABROAD + MATERIAL + FORCE):
            return True
        return len(self.parties.get(event.trigger.start, ())) >= 3

    def destination(self, event: Event) -> tuple[Place | None, str | None]:
        """The country a visit goes to or a gift arrives in, when doer and receiver belong to two countries."""
        doer = _country(event.source.country if event.source else None)
        other = _country(event.target.country if event.target else None)
        if not doer or not other or doer == other or self.country_place is None:
            return None, None
        code = event.cameo.code
        actor = event.target if code.startswith(TO_THE_TARGET) else event.source if code.startswith(AT_THE_HOST) else None
        place = self.country_place(actor.country) if actor is not None else None
        if place is None:
            return None, None
        place = _with_evidence(replace(place, basis="destination"), actor)
        kind = "hosts the visit" if actor is event.source else "receives the visit or the aid"
        return place, f"place: '{place.name}', the country of {actor.text!r}, who {kind}"

    def locate(self, event: Event) -> Event:
        """The event with a place from the best tier that has one (unchanged if its clause placed it)."""
        if event.location is not None:
            return event
        trigger = self._token_at.get(event.trigger.start)
        place, why = self.sentence_place(trigger) if trigger is not None else (None, None)
        if place is None:
            place, why = self.destination(event)
        if place is None:
            doer = _country(event.source.country if event.source else None)
            other = _country(event.target.country if event.target else None)
            if self.focus is not None and {doer, other} - {""} == {self.focus.country}:
                place = _with_evidence(replace(self.focus, basis="article"), event.source if doer else event.target)
                why = f"place: '{self.focus.name}', the story's focus, in the actors' country"
            elif self.dateline is not None and doer == self.dateline.country and not self.elsewhere(event):
                place, why = replace(self.dateline, basis="dateline"), (
                    f"place: '{self.dateline.name}', the dateline, in the doer's country")
        if place is None:
            return event
        return replace(event, location=place, reasons=[*event.reasons, why])


def locate_events(doc: ParsedDoc, places: Sequence[PlaceMention], dateline: Sequence[PlaceMention],
                  events: list[Event], country_place: Callable[[str], Place | None] | None = None,
                  actors: Sequence[ActorMention] = ()) -> list[Event]:
    """Every event placed by the best tier that can place it."""
    if not events:
        return events
    locator = Locator(doc, places, dateline, country_place, actors, events)
    return [locator.locate(e) for e in events]
