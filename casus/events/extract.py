"""Event extraction: predicates from the lexicon, arguments from the parse, modes, codes."""
from __future__ import annotations

import hashlib
from collections.abc import Sequence

from casus.actors.story import story_country
from casus.events.roles.arguments import ActorIndex, Arg, acted_on, instruments, object_of, object_words, prep_objects
from casus.events.triggers.constructions import own_claim
from casus.events.triggers.detector import ORIGIN as LEARNED
from casus.events.roles.doers import place_near, state_of_named, unnamed_doer
from casus.events.roles.roles import RoleFinder
from casus.events.triggers.triggers import FORCE_ROOTS, Candidate, find_candidates
from casus.events.roles.sectors import load_sector_rules, recode_by_sector
from casus.events.roles.attach import ClauseAttacher
from casus.events.roles.placing import country_place, in_place, place_actor, within
from casus.events.modality.modality import PURPOSE, Modality, modality
from casus.events.precision.precision import charged_that, figurative_force, named_not_done, nearer_antecedents, no_host
from casus.events.modality.modecodes import ModeCoder
from casus.events.ranking.rank import clause_position, confidence
from casus.model import Actor, ActorMention, Event, EventDate, ParsedDoc, PlaceMention, Quote, Span, TimeRef, Token

RECIPROCAL_ROOTS = frozenset({"03", "04", "05", "06", "19"})
LIGHT_VERBS = frozenset({"hold", "have", "conduct", "launch", "impose", "pay", "make", "sign", "carry",
                         "stage", "begin", "start", "continue", "resume", "open", "give", "provide",
                         "offer", "extend", "deliver", "send", "announce", "agree", "reach", "expand",
                         "strengthen", "speed", "boost", "deepen", "develop", "step", "join", "take",
                         "mount", "wage", "order", "put", "lift", "ease", "end", "halt", "suspend"})
FALLBACK_TARGET_PREPS = ("to", "with", "against", "on", "for", "toward", "towards", "at", "into", "from")
GENERIC_FORCE = "190"  # "killed", "wounded": force of no stated kind
PLACE_AIM_PREPS = ("on", "against", "at", "into", "to", "toward", "towards", "from", "over")
VENUE_ROOTS = frozenset({"01", "02", "04", "05", "10", "11", "12"})  # "condemned … in Geneva": a venue, not a target
DOMESTIC_CODES = ("0811", "0812", "0813", "0814", "083", "14", "1721", "1722", "1723", "1724", "175",  # done at home
                  "082", "123", "1241", "1321", "1322", "1323", "1324")  # and their easing, refusal, threat
UNDOING = frozenset({"overturn", "reverse", "quash", "annul", "revoke", "rescind", "cancel", "scrap", "repeal",
                     "lift", "drop", "abandon", "void", "nullify", "invalidate", "overrule", "abolish"})
CALLED_AGAINST = frozenset({"15", "16", "17", "18", "19", "20"})  # acts called for against a third party
VERBAL_FRAME_ROOTS = frozenset({"01", "02", "03", "10", "12", "13"})


class EventExtractor:
    """Turns a parsed document with its actors, times and places into events."""

    def __init__(self, lexicon, ontology, sector_rules: list[tuple[str, str, str, str]] | None = None,
                 detector=None):
        self.lexicon = lexicon
        self.detector = detector  # casus.events.triggers.detector.Detector: proposes and weighs triggers; None: lexicon only
        self.ontology = ontology
        self.sector_rules = load_sector_rules() if sector_rules is None else sector_rules
        self.modes = ModeCoder(ontology)
        self.roles = RoleFinder(lexicon)

    def extract(self, doc: ParsedDoc, actors: list[ActorMention], times: list[TimeRef],
                places: list[PlaceMention], quotes: Sequence[Quote] = ()) -> list[Event]:
        """All events of one document, in text order, not yet folded."""
        index = ActorIndex(doc, nearer_antecedents(doc, actors), places)
        attacher = ClauseAttacher(doc, times, places,
                                  is_act=lambda t: self.lexicon.lookup(t.lemma.lower(), "NOUN") is not None)
        self._place_at = {i: pm.place for pm in places for i in range(pm.start, pm.end)}
        self._story = story_country(doc.article, actors, places)  # who arrests a named person when no one is named
        report = doc.article.report_date
        events: list[Event] = []
        for sent in doc.sentences:
            cands = self._candidates(doc, sent.start, sent.end, index)
            claimed = {c.token.i for c in cands}
            specific = {c.token.i for c in cands if c.pos == "NOUN" and c.entry.code[:2] in FORCE_ROOTS
                        and c.entry.code != GENERIC_FORCE}
            compounds = {c.token.i: c.entry.code[:2] for c in cands if c.pos == "NOUN" and " " in c.entry.trigger}
            yielding = {c.token.i for c in cands if c.pos == "VERB" and c.entry.requires
                        and compounds.get(_matched_object(doc, c)) == c.entry.code[:2]}
            covered = {i for c in cands if c.pos == "VERB" and c.entry.requires and c.token.i not in yielding
                       for i in object_words(doc, acted_on(doc, c.token))}
            covered |= {i for c in cands if c.pos == "VERB" and c.entry.requires and c.entry.code[:2] == "03"
                        and (m := _matched_object(doc, c)) is not None for i in object_words(doc, doc.tokens[m])}
            moods = {c.token.i: modality(doc, c.token, self.lexicon.is_speech) for c in cands}
            cues = {m.cue.i for i, m in moods.items() if m.cue is not None and m.mode not in ("negated", "considered")
                    and i not in covered}  # "agreed to US mediation": the verb's row codes it, not as a frame
            cues |= {m.appeal_head.i for m in moods.values() if m.appeal_head is not None}
            for cand in cands:
                if cand.pos == "NOUN" and cand.token.dep == "compound" and cand.token.head in claimed:
                    continue  # "cooperation plan": the head noun speaks for both
                if cand.pos == "VERB" and cand.entry.code == GENERIC_FORCE and any(
                        g.i in specific for g in instruments(doc, cand.token)):
                    continue  # "wounded two soldiers in a bomb attack", "a bombing killed": the attack says how (183)
                if cand.token.i in yielding:
                    continue  # "went on hunger strike": the compound noun (142) is more specific than the verb's row (143)
                if cand.token.i in covered:
                    continue  # "lifted sanctions": the verb's own entry for this object codes the act
                if cand.pos == "NOUN" and _undone(doc, cand.token):
                    continue  # "overturned the convictions", "abandoned the talks": undone, not done
                if named_not_done(self.lexicon, doc, cand, claimed, index):
                    continue  # "seeking a bomb", "riot gear", "offered treasury bills", "a fire kills three" (precision.py)
                if cand.pos == "VERB" and charged_that(doc, cand.token, cand.entry.code):
                    cand = Candidate(cand.token, self.lexicon.lookup("accuse", "VERB"), "VERB")  # "charged that X rigged"
                mood = moods[cand.token.i]
                if mood.reason == PURPOSE and _ancestor_in(doc, cand.token, claimed):
                    continue  # "talks … for reaching a treaty": the aim of another act, not an act
                if mood.mode == "considered":
                    continue  # "is considering sending aid": the considering (014) is the event
                if cand.token.i in cues and cand.entry.code[:2] in VERBAL_FRAME_ROOTS:
                    continue  # "agreed to withdraw": the framed act is the event, coded as intent
                ev = self._event(doc, cand, index, attacher, report, moods[cand.token.i], quotes)
                if ev is not None:
                    events.extend(ev)
        return events

    def _candidates(self, doc: ParsedDoc, start: int, end: int, index: ActorIndex) -> list[Candidate]:
        cands = find_candidates(self.lexicon, doc, start, end, index)
        if self.detector is not None:
            cands = self.detector.revise(doc, start, end, index, self.lexicon, cands)
        return cands

    # -- arguments -------------------------------------------------------------------------
    def _event(self, doc: ParsedDoc, cand: Candidate, index: ActorIndex, attacher, report,
               mod: Modality, quotes: Sequence[Quote] = ()) -> list[Event] | None:
        tok, entry = cand.token, cand.entry
        if cand.pos == "VERB":
            source, target = self.roles.verb_args(doc, tok, entry, index)
        else:
            source, target = self.roles.noun_args(doc, tok, entry, index)
        if not (cand.pos == "NOUN" and entry.code[:2] in FORCE_ROOTS and tok.dep == "pobj" and (
                doc.tokens[tok.head].text.lower() in ("in", "during"))):  # "said women could not serve in combat"
            source = self.roles.speaker_fallback(doc, tok, source, index, quotes)
        if target and source and _own_possession(doc, source, target):
            # "Israel strengthened its forces in Lebanon": the source's own forces are not the target
            obj = object_of(doc, tok) if cand.pos == "VERB" else None
            target = self.roles.fallback_target(doc, tok, obj, index, own_object=True)
        if not source and target and _passive(doc, tok):
            source = Arg([_unknown_source(tok)], None, "passive without agent")
            if entry.code[:2] == "17" and not _political(target):  # "Ingabire was arrested … in Rwanda"
                source = state_of_named(doc, tok, target, self._place_at, index, self._story) or source
        elif (not source and _political(target) and cand.pos == "NOUN" and entry.code[:2] in FORCE_ROOTS
              and mod.mode == "asserted" and _reported_as_done(doc, tok)):
            # "a roadside bombing killed a U.S. soldier": the attack has victims but no named attacker
            source = Arg([_unknown_source(tok)], None, "act of force with no named doer")
        if not source and mod.appeal_head is not None and _passive(doc, tok):
            # "called for the embargo to be lifted": the one who asks stands on one side
            source = Arg([_unknown_source(tok)], None, "passive without agent")
        if not source or not (_political(source) or _political(target) or mod.appeal_head is not None):
            return None  # no political actor on either side: sport, markets, crime among the unnamed
        if not target and (mod.mode == "threatened" or entry.code[:2] == "13"):
            target = self.roles.condition_target(doc, tok, index)  # "… unless Baghdad accepted"
        first_target = target.mentions[0].actor if target else None
        base = recode_by_sector(self.sector_rules, entry.code, source.mentions[0].actor, first_target)
        if mod.appeal_head is None and figurative_force(tok, entry.code, base):
            return None  # "will have to fight to get their voice heard": neither force nor criticism
        code, mode = self.modes.code(base, mod.mode)
        if mod.mode == "alleged" and base[:2] in FORCE_ROOTS and own_claim(doc, mod.cue, source, index):
            code, mode = "015", "asserted"  # "UNITA claimed that they had attacked …": a claim of responsibility
        if mod.appeal_head is not None and mod.mode == "requested":
            # "A urged B to withdraw": A appeals to B
            a_src, _ = self.roles.verb_args(doc, mod.appeal_head, entry, index)
            obj = object_of(doc, mod.appeal_head)
            b = Arg(index.for_phrase(obj.i), obj, "appeal object") if obj is not None else Arg()
            if a_src:  # the one asked is the object of the appeal, else the wanted act's own doer
                inner = source if source and source.mentions[0] is not a_src.mentions[0] and (
                    source.mentions[0].actor.kind != "unknown") else Arg()
                source, target = a_src, (b or inner or target)
                if not b and not inner and target and base[:2] in CALLED_AGAINST:
                    code, mode = "111", "asserted"  # "called for sanctions against Turkey": denouncing Turkey
        elif mod.appeal_head is not None and mod.mode == "demanded":
            # "A said B must withdraw", "A demanded that B withdraw", "A's demand that B withdraw": A demands of B
            a_src, _ = (self.roles.verb_args(doc, mod.appeal_head, entry, index) if mod.appeal_head.pos != "NOUN"
                        else self.roles.noun_args(doc, mod.appeal_head, entry, index))
            if a_src:  # the one asked is the demanded act's doer, else (an agentless passive) what it acts on
                doer = source if source and source.mentions[0].actor.kind != "unknown" else Arg()
                source, target = a_src, (doer or target)
        if not (_political(source) or _political(target)):
            return None
        reasons = [entry.note if entry.origin == LEARNED  # "model: 'slammed' → 11, p 0.83"
                   else f"trigger '{tok.text}' → {entry.code} ({cand.pos.lower()} lexicon)"]
        if base != entry.code:
            reasons.append(f"actor sectors recode {entry.code} as {base}")
        if code != base:
            reasons.append(f"{mod.mode} act coded {code}, not {base}")
        mod = Modality(mode, mod.cue, mod.appeal_head, mod.reason)
        if mod.reason:
            reasons.append(mod.reason)
        date, date_reason = attacher.date_for(tok, report)
        reasons.append(date_reason)
        place, place_reason = attacher.place_for(tok, code)
        if place_reason:
            reasons.append(place_reason)
        target = self._place_target(doc, tok, base, source, target, place)  # "agreed to hold talks in X": a venue
        if no_host(tok, code, target):
            return None  # "police arrived and detained the man": a visit needs a host
        if target and code.startswith(DOMESTIC_CODES) and all(_same(s, t) for s in source.mentions for t in target.mentions):
            target = Arg()  # "the government lifted the emergency in X State" read as the government again: at home
        policing = code[:2] == "17" and len(source.mentions) == 1 and "COP" in source.mentions[0].actor.sector and (
            source.mentions[0].actor.country not in ("IGO", "NGO"))  # a state's police acts at home; not Interpol
        if not target and (code.startswith(DOMESTIC_CODES) or policing) and len(source.mentions) == 1 and (
                source.mentions[0].actor.country):
            # "imposed martial law", "lifted the state of emergency", "went on hunger strike", "police prevented
            # the demonstration": at home
            home = source.mentions[0].actor
            own = Actor("", tok.idx, tok.idx, name=None, code=home.country, country=home.country, kind="state",
                        reason=f"no target named: the own country of {home.text} ({home.country})")
            target = Arg([ActorMention(tok.i, tok.i, tok.i, own)], None, "own country (domestic act)")
        source = unnamed_doer(doc, tok, code, source, place, self._place_at, index)  # "a bombing near X killed"
        where = place if place is not None or code[:2] not in FORCE_ROOTS else place_near(doc, tok, self._place_at)
        if where is not None and where.country:  # "police arrested protesters in Minsk": both are Belarusian
            source = in_place(doc, source, where, target.token)  # "killed in a car bomb explosion in Beirut"
            target = in_place(doc, target, where, source.token)
        if _nobody_named(source, target):
            return None  # "seven people were killed when a plane crashed": no doer, and no one coded suffered it
        events = []
        sources = source.mentions
        targets = target.mentions or [None]
        pairs = [(s, t) for s in sources for t in targets if t is None or not _same(s, t)]
        if not pairs:  # the only target found is the source itself ("France lifted its blockade")
            pairs = [(s, None) for s in sources]
        if len(sources) > 1 and not target and code[:2] in RECIPROCAL_ROOTS:  # "Japan and Russia agreed"
            # only acts done with each other are reciprocal: "Russia and China vetoed" is two vetoes
            pairs = [(s, t) for s in sources for t in sources if s is not t]
            target = Arg(sources, source.token, "coordinated with the source")
            reasons.append("reciprocal: coordinated actors")
        for s, t in pairs:
            events.append(self._build(doc, cand, code, mod, s, t, source, target, date, place, reasons, report))
        return events

    def _place_target(self, doc: ParsedDoc, tok: Token, code: str, source: Arg, target: Arg, place) -> Arg:
        """The target a place gives when no named actor receives the act."""
        if target:
            return target
        if len(source.mentions) == 1 and place is not None and place.country and code[:2] == "04" and (
                place.country != source.mentions[0].actor.country):  # "arrived in Amman": the host is Jordan
            return Arg([ActorMention(tok.i, tok.i, tok.i, place_actor(place, "host of a visit to"))], None,
                       "country of the place visited")
        aimed = self._place_object(doc, tok)
        if aimed is None and code[:2] == "03":  # "agreed to set up a research center in Tokyo"
            aimed = next((p for c in doc.children(tok.i) if c.dep == "xcomp" for p in [self._place_in(doc, c)] if p), None)
        if aimed is not None:  # "shelled the town of Aleppo", "an attack on Kabul", "troops to Bosnia"
            return Arg([ActorMention(tok.i, tok.i, tok.i, place_actor(aimed, "place acted on"))], None,
                       "place as object")
        if place is not None and place.country and code[:2] not in VENUE_ROOTS and not (
                within(doc, place.start, source.token)):  # "demonstrators in Baghdad": where the source is from
            return Arg([ActorMention(tok.i, tok.i, tok.i, place_actor(place, "place the act is aimed at"))],
                       None, "place of an act on no named actor")  # "a curfew in Abidjan"
        return target

    def _place_in(self, doc: ParsedDoc, verb: Token):
        """A place with a country where a verb or its object is put ('set up a center in Tokyo', 'open an office in X')."""
        obj = object_of(doc, verb)
        return country_place(self._place_at, (p for h in [verb] + ([obj] if obj is not None else [])
                                              for p in prep_objects(doc, h, ("in", "inside"))))

    def _place_object(self, doc: ParsedDoc, tok: Token):
        """A place with a country named as the predicate's object or aim ('shelled Juba', 'the town of X')."""
        heads = [o for o in [object_of(doc, tok)] if o is not None and tok.pos == "VERB"]
        heads += prep_objects(doc, tok, PLACE_AIM_PREPS)
        for h in heads:  # "power lines leading into Kabul": the place the object runs to
            led = [p for c in doc.children(h.i) if c.dep == "acl" and c.tag in ("VBG", "VBN")
                   for p in prep_objects(doc, c, ("into", "to", "toward", "towards"))]
            place = country_place(self._place_at, [h] + prep_objects(doc, h, ("of",)) + led)
            if place is not None:
                return place
        return None

    def _build(self, doc, cand, code, mod: Modality, s: ActorMention, t: ActorMention | None,
               source: Arg, target: Arg, date: EventDate, place, reasons, report) -> Event:
        tok = cand.token
        sent = doc.sentences[tok.sent]
        text = doc.article.text
        cameo = self.ontology.get(code)
        position = clause_position(doc, tok, self.lexicon.is_speech)
        conf = confidence(doc, tok, cand.pos, code, mod.mode, s, t, position)
        why = list(reasons)
        why.insert(1, f"source ({source.via}): {s.actor.text} → {s.actor.code or s.actor.name}")
        if t is not None:
            why.insert(2, f"target ({target.via}): {t.actor.text} → {t.actor.code or t.actor.name}")
        key = "|".join([doc.article.id, str(tok.sent), str(tok.idx), code, s.actor.code or s.actor.text,
                        (t.actor.code or t.actor.text) if t else "", mod.mode])
        event_id = hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
        begin = tok.idx if cand.start is None else cand.start
        trigger = Span(text[begin:tok.end], begin, tok.end)
        evidence = {"doc_id": doc.article.id, "sentence": tok.sent,
                    "text": text[sent.char_start:sent.char_end].strip(),
                    "trigger": {"text": trigger.text, "start": trigger.start, "end": trigger.end},
                    "source_text": s.actor.text, "target_text": t.actor.text if t else None,
                    "report_date": report.isoformat() if report else None}
        return Event(
            event_id=event_id, doc_id=doc.article.id, sentence=tok.sent,
            text=text[sent.char_start:sent.char_end].strip(), trigger=trigger,
            source=s.actor, target=t.actor if t else None, cameo=cameo,
            plover=self.ontology.plover(code), mode=mod.mode, date=date,
            report_date=report.isoformat() if report else None, location=place,
            mentions=1, confidence=max(0.05, min(conf, 0.99)), reasons=why, evidence=[evidence],
        )


def _nobody_named(source: Arg, target: Arg) -> bool:
    """True when no one did the act and those it was done to are people of no country, code or role ('people were injured')."""
    return all(m.actor.kind == "unknown" and not m.actor.code for m in source.mentions) and not any(
        m.actor.country or m.actor.code or set(m.actor.sector) - {"CVL"} for m in target.mentions)


def _reported_as_done(doc: ParsedDoc, noun: Token) -> bool:
    """True for an attack noun told as what happened: a subject ('a bombing killed'), 'in/during/by' an attack.

    Not one that is opposed, condemned or discussed ('opposes any military intervention').
    """
    while noun.dep == "compound" and noun.head != noun.i:  # "a car bomb explosion"
        noun = doc.tokens[noun.head]
    head = doc.tokens[noun.head]
    if noun.dep in ("nsubj", "nsubjpass") or noun.head == noun.i:
        return True
    if noun.dep == "dobj" and head.lemma.lower() in LIGHT_VERBS:  # "launched cyber warfare against India"
        return True
    return noun.dep == "pobj" and head.text.lower() in ("in", "during", "by")


def _undone(doc: ParsedDoc, noun: Token) -> bool:
    """True for an act noun that a verb of undoing governs as its object ('overturned the convictions')."""
    return noun.dep in ("dobj", "nsubjpass") and noun.head != noun.i and (
        doc.tokens[noun.head].lemma.lower() in UNDOING)


def _matched_object(doc: ParsedDoc, cand: Candidate) -> int | None:
    """The token a verb row's object constraint matched: its object, or the object of its particle ('go on strike')."""
    obj = acted_on(doc, cand.token)
    if obj is None and " " in cand.entry.trigger:
        part = cand.entry.trigger.split(" ", 1)[1]
        obj = next((g for c in doc.children(cand.token.i) if c.text.lower() == part
                    for g in doc.children(c.i) if g.dep == "pobj"), None)
    return obj.i if obj is not None else None


def _own_possession(doc: ParsedDoc, source: Arg, target: Arg) -> bool:
    """True if the target is 'its/their/his …' something of the source's own country."""
    tok = target.token
    if tok is None or not any(c.dep == "poss" and c.tag == "PRP$" for c in doc.children(tok.i)):
        return False
    countries = {m.actor.country for m in source.mentions}
    return all(m.actor.country and m.actor.country in countries for m in target.mentions)


def _same(a: ActorMention, b: ActorMention) -> bool:
    if a is b:
        return True
    return a.actor.code is not None and a.actor.code == b.actor.code and a.actor.name == b.actor.name


def _political(arg: Arg) -> bool:
    """True if some actor of the argument is a state, a known organisation or a group with a sector."""
    return any(m.actor.country or m.actor.code or m.actor.sector for m in arg.mentions)


def _passive(doc: ParsedDoc, tok: Token) -> bool:
    if tok.pos != "VERB":
        return False
    kids = doc.children(tok.i)
    return any(c.dep in ("nsubjpass", "auxpass") for c in kids) and not any(c.dep == "agent" for c in kids)


def _unknown_source(tok: Token) -> ActorMention:
    actor = Actor("", tok.idx, tok.idx, name=None, code=None, country=None, sector=[], kind="unknown",
                  reason="passive without agent: the text does not say who acted")
    return ActorMention(tok.i, tok.i, tok.i, actor)


def _ancestor_in(doc: ParsedDoc, tok: Token, claimed: set[int]) -> bool:
    cur = tok
    for _ in range(10):
        if cur.head == cur.i:
            return False
        cur = doc.tokens[cur.head]
        if cur.i in claimed or any(c.dep == "dobj" and c.i in claimed for c in doc.children(cur.i)):
            return True  # the act itself, or a light verb's event noun ("continue talks … for")
    return False
