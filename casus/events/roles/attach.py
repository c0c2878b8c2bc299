"""Attach dates and places to an event from its own clause, never from the dateline."""
from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable

from casus.model import EventDate, ParsedDoc, Place, PlaceMention, TimeRef, Token
from casus.time.anchor import precision_of, to_date_range

NOT_WHEN = frozenset({"until", "till", "by", "before", "after", "through", "within", "ahead"})
CLAUSE_UP = ("xcomp", "conj", "advcl", "dep", "prep", "pcomp", "acl", "pobj")
PLACE_PREPS = frozenset({"in", "near", "at", "outside", "inside", "around", "across", "throughout"})
_YEAR = re.compile(r"\b\d{4}\b")
# a time past by its own words, whatever the tense around it ("two weeks ago", "yesterday", "last month", "in 2019")
_PAST_IN_ITSELF = re.compile(r"\b(?:ago|yesterday|last|earlier|previous|\d{4})\b", re.I)
NAMING = frozenset({"nummod", "compound", "amod", "nmod", "npadvmod"})
ACTED_ON = ("042", "043", "15", "18", "19", "20")  # visits and force: their object place is where they happen
SCENE_PREPS = frozenset({"at", "during", "throughout", "amid"})
SCENE_OR_IN = SCENE_PREPS | {"in"}  # the prepositions of a scene an act noun happens at
TOPIC_PREPS = frozenset({"about", "over", "regarding", "concerning"})  # what is talked about, not where
PHRASE_UP = frozenset({"pobj", "prep", "npadvmod", "nmod", "advmod", "nummod", "compound", "appos"})
CARRY_DAYS = 6  # a story's earlier day carries to its later past acts only within this many days of the report
# a paragraph ends at a blank line or at a line break after a sentence's end (not a hard-wrapped line)
_QUOTE_OPENS = re.compile(r"\s*(?:``|\"|\u201c|')")
_PARAGRAPH_END = re.compile(r"\n\s*\n|[.!?\"'’”)]\s*\n")
# saying, appealing, intending, praising, demanding, criticising, rejecting, threatening: an act these talk
# about ("condemned the bombing in Kigali") happened where its own place says, not where it was talked about
VERBAL = ("01", "02", "03", "05", "10", "11", "12", "13")
SIGNED = "057"  # a formal agreement signed: the accord's place is the signing's


def clause_head(doc: ParsedDoc, tok: Token) -> Token:
    """The verb that heads the clause containing tok (tok itself for verbs)."""
    cur = tok
    for _ in range(12):
        if cur.pos in ("VERB", "AUX") and cur.dep not in ("amod", "compound", "aux", "auxpass"):
            return cur
        if cur.head == cur.i:
            return cur
        cur = doc.tokens[cur.head]
    return cur


def _names_a_scene(place: Place) -> bool:
    """True if a place written before an act noun is where it happens ("the Madrid bombing", "a London
    conference"): a country, region, capital or seat — a smaller town's name there is more often a
    person's, firm's or title's ("the Hutton inquiry", "the Hughes statement", "his State of the Union speech")."""
    feature = place.feature or ""
    return not feature.startswith("PPL") or feature.startswith(("PPLC", "PPLA"))


def _argument_of(doc: ParsedDoc, noun: Token, verb: Token) -> bool:
    """True if an act noun is the verb's subject or object, or the scene it happens at, not its topic."""
    cur = noun
    for _ in range(4):
        if cur.head == verb.i:
            return cur.dep in ("nsubj", "nsubjpass", "dobj", "attr", "conj")
        up = doc.tokens[cur.head]
        if cur.dep == "pobj" and up.head == verb.i:
            return up.text.lower() in SCENE_OR_IN
        if cur.dep not in ("conj", "compound", "appos"):
            return False
        cur = up
    return False


class ClauseAttacher:
    """Finds the time and place expressions that belong to an event predicate's clause."""

    def __init__(self, doc: ParsedDoc, times: list[TimeRef], places: list[PlaceMention],
                 is_act: Callable[[Token], bool] | None = None):
        self.doc = doc
        self.is_act = is_act or (lambda t: False)
        self._starts = [t.idx for t in doc.tokens]
        self.times: dict[int, list[tuple[TimeRef, Token]]] = {}
        self.named: dict[int, tuple[TimeRef, Token]] = {}  # noun index -> the year written before it
        self.at: dict[int, tuple[TimeRef, Token]] = {}  # token index -> the time expression it lies in
        self.days: list[tuple[TimeRef, Token | None]] = []  # day dates of the text, in order (for story time)
        self._para_starts: list[int] | None = None  # where the text's paragraphs start (for story time)
        later: list[tuple[int, tuple[TimeRef, Token]]] = []
        for ref in times:
            if precision_of(ref.value) is None:
                continue
            head = self._span_head(ref.start, ref.end)
            if head is None:
                if ref.type == "DATE" and precision_of(ref.value) == "day" and doc.tokens and ref.end <= doc.tokens[0].idx:
                    self.days.append((ref, None))  # the story's day, named before this piece of a long text
                continue
            for t in doc.tokens[head.i - 6:head.i + 6]:
                if ref.start <= t.idx < ref.end:
                    self.at[t.i] = (ref, head)
            if ref.type == "DATE" and precision_of(ref.value) == "day":
                self.days.append((ref, head))
            prep = doc.tokens[head.head] if head.dep == "pobj" else None
            if prep is not None and prep.text.lower() in NOT_WHEN:
                continue  # "until May", "by 2020", "after the elections": a bound, not the time of the act
            noun = self._named_by(ref, head)
            if noun is not None:
                # "the 1701 Act of Settlement", "the 1967 borders": the year of a thing, not of the clause's act;
                # an act noun the clause's act happens at ("met at the 2019 summit") also dates the clause,
                # after its own times; one it acts on ("condemned the 2003 invasion") does not
                self.named[noun.i] = (ref, head)
                at = doc.tokens[noun.head]
                if is_act is not None and is_act(noun) and noun.dep == "pobj" and at.text.lower() in SCENE_PREPS:
                    later.append((clause_head(doc, noun).i, (ref, head)))
                continue
            self.times.setdefault(clause_head(doc, head).i, []).append((ref, head))
        for clause, found in later:
            self.times.setdefault(clause, []).append(found)
        self.places: dict[int, list[tuple[PlaceMention, Token]]] = {}
        for pm in places:
            head = self._span_head(pm.place.start, pm.place.end)
            if head is not None:
                self.places.setdefault(clause_head(doc, head).i, []).append((pm, head))

    def _named_by(self, ref: TimeRef, head: Token) -> Token | None:
        """The noun a bare year is written before, as its modifier ("the 1701 Act", "the 1967 borders"), or None."""
        if not re.fullmatch(r"\d{4}", ref.value) or "year" in ref.text.lower() or head.dep not in NAMING \
                or head.head <= head.i:
            return None
        noun = self.doc.tokens[head.head]
        return noun if noun.pos in ("NOUN", "PROPN") else None

    def _span_head(self, start: int, end: int) -> Token | None:
        i = bisect.bisect_right(self._starts, start) - 1
        if i < 0:
            return None
        toks = [t for t in self.doc.tokens[i:i + 40] if t.idx < end and t.end > start]
        inside = {t.i for t in toks}
        for t in toks:
            if t.head not in inside or t.head == t.i:
                return t
        return toks[0] if toks else None

    def date_for(self, pred: Token, report) -> tuple[EventDate, str]:
        """The event date: own clause, then enclosing clauses of intents/reports, else the report date."""
        doc = self.doc
        clause = clause_head(doc, pred)
        found = self._own_phrase_time(pred) if pred.pos in ("NOUN", "PROPN") else None  # "the 2003 invasion"
        found = found or self._first_time(clause) or self._when_time(clause) or self._past_time_of_infinitive(clause, report)
        via_object = found is None and (found := self._object_clause_time(clause)) is not None
        hops = 0
        while found is None and hops < 4 and clause.head != clause.i:
            hops += 1
            up = clause.dep in CLAUSE_UP or (
                clause.dep == "ccomp" and clause.tag not in ("VBD", "VBN"))
            if not up:
                break
            clause = clause_head(doc, doc.tokens[clause.head])
            found = self._first_time(clause)
        if found is not None:
            ref, head = found
            basis = "explicit" if _YEAR.search(ref.text) else "relative"
            where = "in the clause" if hops == 0 else f"of the enclosing clause '{clause.text}'"
            if via_object:
                where = "in a clause describing the object"
            if head.dep == "pobj" and doc.tokens[head.head].text.lower() in ("since", "from"):
                where += " (start of an ongoing act)"
            return (EventDate(ref.value, precision_of(ref.value), ref.text, basis, ref.start, ref.end),
                    f"date: '{ref.text}' {where}")
        carried = self._story_day(pred, clause, report)
        if carried is not None:
            ref, _ = carried
            return (EventDate(ref.value, "day", ref.text, "relative", ref.start, ref.end),
                    f"date: no time expression in the clause; '{ref.text}' earlier in the story, a past act")
        value = report.isoformat() if report else None
        return (EventDate(value, "day" if value else None, None, "report"),
                "date: no time expression in the clause; report date" if value else "date: unknown")

    def _own_phrase_time(self, noun: Token):
        """A time in an act noun's own phrase: "the 2003 invasion", "a ceremony on March 12", "remarks made last week"."""
        if noun.i in self.named:
            return self.named[noun.i]
        for ref, head in self.times.get(clause_head(self.doc, noun).i, []) + [
                f for c in self.doc.children(noun.i) if c.dep == "acl" for f in self.times.get(c.i, [])]:
            cur = head
            for _ in range(6):
                if cur.head == noun.i:
                    return ref, head
                if cur.head == cur.i or not (cur.dep in PHRASE_UP or cur.dep == "acl" and cur.head == noun.i):
                    break
                cur = self.doc.tokens[cur.head]
        return None

    def _past_time_of_infinitive(self, clause: Token, report):
        """'invited the rebels to return two weeks ago': a time wholly before the report on the act's infinitive
        names when the act was done, since what the infinitive names was still to come then."""
        if report is None:
            return None
        for c in self.doc.children(clause.i):
            if c.dep != "xcomp" or not any(a.dep == "aux" and a.text.lower() == "to" for a in self.doc.children(c.i)):
                continue
            for ref, head in self.times.get(c.i, []):
                span = to_date_range(ref.value)
                if span is not None and span[1] < report and _PAST_IN_ITSELF.search(ref.text):
                    return ref, head
        return None

    def _when_time(self, clause: Token):
        """'from 1968, when the Soviets invaded …': a 'when' clause on a time takes that time."""
        if clause.dep != "relcl" or not any(c.dep == "advmod" and c.text.lower() == "when"
                                             for c in self.doc.children(clause.i)):
            return None
        return self.at.get(clause.head)

    def _paragraph(self, pos: int) -> int:
        """The number of the paragraph holding a character position."""
        if self._para_starts is None:
            self._para_starts = [0] + [m.end() for m in _PARAGRAPH_END.finditer(self.doc.article.text)]
        return bisect.bisect_right(self._para_starts, pos) - 1

    def _story_day(self, pred: Token, clause: Token, report):
        """A past act with no time of its own happened on the story's day, when near the report: the last day
        named before it in its paragraph (or the paragraph before, when its own opens with a quotation that
        goes on with a speaker's words), else the first day the story names (its lead's). A day named as
        another act's ("last Friday's bombings") is no story day."""
        if report is None or not (clause.tag == "VBD" or clause.tag == "VBN" and any(
                c.dep in ("aux", "auxpass") and c.text.lower() in ("had", "was", "were") for c in self.doc.children(clause.i))):
            return None
        before = [d for d in self.days if d[0].end <= pred.idx and (d[1] is None or not any(
            c.tag == "POS" for c in self.doc.children(d[1].i)))]
        if not before:
            return None
        para = self._paragraph(pred.idx)
        same = [d for d in before if self._paragraph(d[0].start) == para]
        if not same and para > 0 and _QUOTE_OPENS.match(self.doc.article.text, self._para_starts[para]):
            same = [d for d in before if self._paragraph(d[0].start) == para - 1]  # the speaker's words go on
        found = same[-1] if same else before[0]  # else the first day the story names: its lead's
        try:
            gap = (report - dt.date.fromisoformat(found[0].value[:10])).days
        except ValueError:
            return None
        return found if 0 <= gap <= CARRY_DAYS else None

    def _object_clause_time(self, clause: Token):
        """'put forward a plan to develop ties … on May 6, 2016': the time in a clause modifying the object."""
        doc = self.doc
        for obj in doc.children(clause.i):
            if obj.dep != "dobj":
                continue
            for c in doc.children(obj.i):
                if c.dep in ("acl", "relcl") and c.pos in ("VERB", "AUX"):
                    found = self._first_time(c)
                    if found is not None:
                        return found
        return None

    def _on_the_act(self, prep: Token, pred: Token, clause: Token, code: str = "") -> bool:
        """True if a place phrase hangs on the act itself, not on the doer or a thing talked about.

        It may hang on the predicate, on the verb a predicate noun is the subject or object of ("held
        talks in Geneva"), on the predicate's direct object ("attacked a base in Homs"), or on a noun
        reached from the predicate through prepositions that are not of a topic ("arrested in a raid
        in Homs", "attacks on the embassy in Homs", "a meeting of the council in Homs", "talks at the
        conference in Homs"); not on the doer ("officials in Detroit visited …"), nor under "about /
        over / regarding", or "on / against" after a verb ("complained about the camps in Dadaab",
        "commented on the jailing of people for attacks on pubs in X"), nor on another act a saying,
        appeal, demand or criticism is about ("condemned the bombing in Kigali", "opposed more violence in
        the Gulf": the act noun on the way to the place is the topic, done where the place is).
        """
        doc = self.doc
        host = doc.tokens[prep.head]
        if host.i == pred.i:
            return True
        linked = pred.pos not in ("NOUN", "PROPN") or _argument_of(doc, pred, clause)
        if host.i == clause.i:
            return linked
        verbal = code.startswith(VERBAL) and not code.startswith(SIGNED)
        topic = False  # the place is of an act talked about, reached as the object or not through a scene
        cur = host
        for _ in range(3):
            if cur.dep == "dobj" and cur.head == pred.i:
                return not (topic or verbal and self._names_an_act(cur))
            if cur.dep != "pobj":
                return False
            up = doc.tokens[cur.head]
            top = doc.tokens[up.head]
            word = up.text.lower()
            if word in TOPIC_PREPS or word in ("on", "against") and top.pos in ("VERB", "AUX"):
                return False
            topic = topic or verbal and self.is_act(cur) and word not in SCENE_OR_IN
            if top.i == pred.i:
                return not topic
            if top.i == clause.i:
                return linked and word in SCENE_OR_IN
            if top.pos not in ("NOUN", "PROPN"):
                return False
            cur = top
        return False

    def _names_an_act(self, noun: Token) -> bool:
        """True if a noun is an act noun or one of an act ("the bombing", "an extension of violence")."""
        return self.is_act(noun) or any(
            c.dep == "prep" and c.text.lower() == "of" and any(g.dep == "pobj" and self.is_act(g)
                                                               for g in self.doc.children(c.i))
            for c in self.doc.children(noun.i))

    def _first_time(self, clause: Token):
        refs = self.times.get(clause.i)
        return refs[0] if refs else None

    def place_for(self, pred: Token, code: str = "") -> tuple[Place | None, str | None]:
        """The place named in the predicate's clause ('in Sochi'), or the place a visit or force acts on, or None."""
        clause = clause_head(self.doc, pred)
        for pm, head in self.places.get(clause.i, []):
            prep = self.doc.tokens[head.head]
            if head.dep == "pobj" and prep.text.lower() in PLACE_PREPS and self._on_the_act(prep, pred, clause, code) \
                    or head.dep == "compound" and head.head == pred.i and _names_a_scene(pm.place):
                place = Place(**{**pm.place.__dict__, "basis": "clause"})
                return place, f"place: '{prep.text} {pm.place.text}' in the clause"
            if head.dep in ("dobj", "npadvmod") and head.head == pred.i and code.startswith(ACTED_ON):
                # "shelled Aleppo", "visited Kyiv": the place acted on (not "suspended Houston", a person)
                place = Place(**{**pm.place.__dict__, "basis": "clause"})
                return place, f"place: '{pm.place.text}', the place acted on"
        return None, None
