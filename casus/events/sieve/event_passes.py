"""Event passes: a candidate's arguments, doers, codes and place, rule by rule (docs/CODING.md §9).

Each pass is `(extractor, draft) -> None | reason`: it reads and changes the draft; a reason drops the
candidate. Core passes (optional=False) are the steps every event needs; the others are rules that
`--ablate NAME` can switch off. They run in the order of EVENT_PASSES.
"""
from __future__ import annotations

from casus.events.modality.modality import Modality
from casus.events.precision.precision import attacked_matter, figurative_force, no_host
from casus.events.roles.arguments import FIRST_PERSON, Arg, object_of
from casus.events.roles.doers import place_near, unnamed_doer
from casus.events.roles.placing import in_place
from casus.events.roles.sectors import recode_by_sector
from casus.events.sieve.doer_passes import (accused_standing, appeal_passive_doer, asked_in_noun, is_political,
                                              passive_unknown_doer, unknown_source)
from casus.events.sieve.draft import Draft, Pass
from casus.events.sieve.places import place_target
from casus.events.triggers.constructions import own_asker, own_claim
from casus.events.triggers.detector import ORIGIN as LEARNED
from casus.events.triggers.speech import ORIGIN as SPEECH
from casus.events.triggers.triggers import CONSTRUCTION, FORCE_ROOTS
from casus.model import Actor, ActorMention, ParsedDoc, Token

CRITICISM = "111"
RECIPROCAL_ROOTS = frozenset({"03", "04", "05", "06", "19"})
LIGHT_VERBS = frozenset({"hold", "have", "conduct", "launch", "impose", "pay", "make", "sign", "carry",
                         "stage", "begin", "start", "continue", "resume", "open", "give", "provide",
                         "offer", "extend", "deliver", "send", "announce", "agree", "reach", "expand",
                         "strengthen", "speed", "boost", "deepen", "develop", "step", "join", "take",
                         "mount", "wage", "order", "put", "lift", "ease", "end", "halt", "suspend"})
DOMESTIC_CODES = ("0811", "0812", "0813", "0814", "083", "14", "1721", "1722", "1723", "1724", "175",  # done at home
                  "082", "123", "1241", "1321", "1322", "1323", "1324")  # and their easing, refusal, threat
REPORTED_CHAIN = frozenset({"ccomp", "xcomp", "acomp", "conj"})  # links inside a reported clause's predicate
CONTROL_ADJECTIVES = frozenset({"willing", "unwilling", "ready", "prepared", "determined", "able", "unable", "eager",
                                "keen", "reluctant", "committed", "set", "poised", "resolved", "obliged"})
CALLED_AGAINST = frozenset({"15", "16", "17", "18", "19", "20"})  # acts called for against a third party


def arguments(ex, d: Draft) -> None:
    """Core: the trigger's source and target from the parse (a verb's subject and object, a noun's own arguments)."""
    if d.cand.pos == "VERB":
        d.source, d.target = ex.roles.verb_args(d.doc, d.tok, d.entry, d.index)
    else:
        d.source, d.target = ex.roles.noun_args(d.doc, d.tok, d.entry, d.index)


def speech_target(ex, d: Draft) -> None:
    """A speech act's target is the one its reported clause speaks ill of or accuses ('said the minister had failed');
    an accusation's, the one a construction names ('held the army responsible', 'was blamed on militants')."""
    if d.cand.about is not None:
        about = d.doc.tokens[d.cand.about]
        found = [m for m in d.index.for_phrase(about.i) if m.actor.code or m.actor.country or m.actor.name]
        if found:
            d.target = Arg(found, about, "spoken of in the reported clause")


def quote_speaker(ex, d: Draft) -> None:
    """Criticism told in a quoted sentence with no speech verb is the quote speaker's ('"He has failed the farmers."')."""
    if d.cand.speaker is not None:
        d.source = Arg([d.cand.speaker], None, "speaker of the quote")


def speaker_as_source(ex, d: Draft) -> None:
    """A doer 'we'/'I', or none or a bare 'it'/'they' in the reported clause's predicate, is the speaker ('said it will quit')."""
    tok = d.tok
    if d.cand.pos == "NOUN" and not light_verb_object(d.doc, tok):  # "we do not agree with the sanction"
        return
    own = d.source.token
    if not (own is not None and own.text.lower() in FIRST_PERSON) and not reported_predicate(
            d.doc, tok, ex.roles.lexicon.is_speech):  # "said X was wrong in attacking Y": X's act, not the speaker's
        return
    d.source = ex.roles.speaker_fallback(d.doc, tok, d.source, d.index, d.quotes)


def reported_predicate(doc: ParsedDoc, tok: Token, is_speech) -> bool:
    """True if the trigger is the predicate of what a speech verb reports ('said it will withdraw').

    The path to the speech verb's complement clause goes through the clause's own chain only: a verb, an
    adjective ('it is skeptical'), a verb joined to it ('they will monitor and assist'), an infinitive of a
    verb or of a control adjective ('it is willing to withdraw'), or a noun a light verb of that chain takes
    ('is prepared to impose martial law'). Not a gerund in an adjunct, a participle or clause on a noun, a
    subordinate clause, or an infinitive of an extraposed 'it' ('it would be wrong to deny').
    """
    cur = tok
    if tok.pos == "NOUN":
        if not light_verb_object(doc, tok):
            return False
        cur = doc.tokens[tok.head]
    for _ in range(8):
        if cur.head == cur.i or cur.dep not in REPORTED_CHAIN:
            return False
        head = doc.tokens[cur.head]
        if cur.dep == "ccomp" and is_speech(head.lemma.lower()):
            return True
        if cur.dep == "xcomp" and (head.lemma.lower() == "be" or (
                head.pos == "ADJ" and head.lemma.lower() not in CONTROL_ADJECTIVES)):
            return False
        cur = head
    return False


def light_verb_object(doc: ParsedDoc, noun: Token) -> bool:
    """True for an act noun that a light verb takes as its object ('impose a curfew', 'make a commitment')."""
    head = doc.tokens[noun.head]
    return noun.dep == "dobj" and head.i != noun.i and head.lemma.lower() in LIGHT_VERBS


def own_possession(ex, d: Draft) -> None:
    """The source's own forces or people are not its target ('strengthened its forces in Lebanon'): look further."""
    if d.target and d.source and _own_possession(d.doc, d.source, d.target):
        obj = object_of(d.doc, d.tok) if d.cand.pos == "VERB" else None
        d.target = ex.roles.fallback_target(d.doc, d.tok, obj, d.index, own_object=True)


def attack_unknown_doer(ex, d: Draft) -> None:
    """An attack told as done to a coded victim with no attacker named has an unknown doer ('a bombing killed a U.S. soldier')."""
    if (not d.source and is_political(d.target) and d.cand.pos == "NOUN" and d.entry.code[:2] in FORCE_ROOTS
            and d.mod.mode == "asserted" and _reported_as_done(d.doc, d.tok)):
        d.source = Arg([unknown_source(d.tok)], None, "act of force with no named doer")


def needs_source(ex, d: Draft) -> str | None:
    """Core: an event needs a doer."""
    return None if d.source else "no source"


def political_side(ex, d: Draft) -> str | None:
    """Some actor on either side must be political (sport, markets, crime among the unnamed code nothing)."""
    if not (is_political(d.source) or is_political(d.target) or d.mod.appeal_head is not None):
        return "no political actor on either side"
    return None


def condition_target(ex, d: Draft) -> None:
    """A threat or ultimatum with no target aims at the one its condition names ('… unless Baghdad accepted')."""
    if not d.target and (d.mod.mode == "threatened" or d.entry.code[:2] == "13"):
        d.target = ex.roles.condition_target(d.doc, d.tok, d.index)


def sector_recode(ex, d: Draft) -> None:
    """The actors' sectors refine the code (docs/CODING.md: sector rules, e.g. police arresting is 173)."""
    first_target = d.target.mentions[0].actor if d.target else None
    d.base = recode_by_sector(ex.sector_rules, d.entry.code, d.source.mentions[0].actor, first_target)


def verbal_attack(ex, d: Draft) -> None:
    """A politician's 'attack' on a matter (plans, costs, a record), not on an actor or a place, is criticism (111)."""
    if d.base[:2] in FORCE_ROOTS and not d.target and attacked_matter(
            d.doc, d.tok, d.index, d.source.mentions[0].actor if d.source else None) is not None:
        d.base = CRITICISM


def figurative(ex, d: Draft) -> str | None:
    """Words of force used figuratively code nothing ('will have to fight to get their voice heard')."""
    if d.mod.appeal_head is None and figurative_force(d.tok, d.entry.code, d.base):
        return "figurative force"
    return None


def mode_code(ex, d: Draft) -> None:
    """Core: the code and mode the act's modality gives (an intent, a threat, a demand of the act)."""
    d.code, d.mode = ex.modes.code(d.base, d.mod.mode)


def claim_of_responsibility(ex, d: Draft) -> None:
    """A doer's own claim of an attack is a claim of responsibility (015, asserted), not an alleged attack."""
    if d.mod.mode == "alleged" and d.base[:2] in FORCE_ROOTS and own_claim(d.doc, d.mod.cue, d.source, d.index):
        d.code, d.mode = "015", "asserted"


def appeal_roles(ex, d: Draft) -> None:
    """'A urged B to withdraw': A appeals to B; a call for an act against a third party denounces it (111)."""
    mod = d.mod
    if mod.appeal_head is None or mod.mode != "requested":
        return
    a_src, _ = (ex.roles.noun_args(d.doc, mod.appeal_head, d.entry, d.index)
                if own_asker(d.doc, mod.appeal_head) is not None  # "welcomed Iran's appeal for talks": Iran asks
                else ex.roles.verb_args(d.doc, mod.appeal_head, d.entry, d.index))
    obj = object_of(d.doc, mod.appeal_head)
    b = Arg(d.index.for_phrase(obj.i), obj, "appeal object") if obj is not None else Arg()
    if a_src:  # the one asked is the object of the appeal, else the wanted act's own doer
        inner = d.source if d.source and d.source.mentions[0] is not a_src.mentions[0] and (
            d.source.mentions[0].actor.kind != "unknown") else Arg()
        d.source, d.target = a_src, (b or inner or d.target)
        if not b and not inner and d.target and d.base[:2] in CALLED_AGAINST:
            d.code, d.mode = "111", "asserted"  # "called for sanctions against Turkey": denouncing Turkey


def demand_roles(ex, d: Draft) -> None:
    """'A said B must withdraw', 'A demanded that B withdraw': A demands of B (or of what an agentless passive acts on)."""
    mod = d.mod
    if mod.appeal_head is None or mod.mode != "demanded":
        return
    a_src, _ = (ex.roles.verb_args(d.doc, mod.appeal_head, d.entry, d.index) if mod.appeal_head.pos != "NOUN"
                else ex.roles.noun_args(d.doc, mod.appeal_head, d.entry, d.index))
    if a_src:
        doer = d.source if d.source and d.source.mentions[0].actor.kind != "unknown" else Arg()
        d.source, d.target = a_src, (doer or d.target)


def political_after_roles(ex, d: Draft) -> str | None:
    """After appeals and demands have moved the roles, some actor on either side must still be political."""
    return None if (is_political(d.source) or is_political(d.target)) else "no political actor after appeal roles"


def explain_and_attach(ex, d: Draft) -> None:
    """Core: the reasons so far, and the event's date and place from its clause (casus/events/roles/attach.py)."""
    entry, mod = d.entry, d.mod
    d.reasons = [entry.note if entry.origin in (LEARNED, SPEECH, CONSTRUCTION)  # "model: 'slammed' → 11, p 0.83"
                 else f"trigger '{d.tok.text}' → {entry.code} ({d.cand.pos.lower()} lexicon)"]
    if d.base != entry.code:
        d.reasons.append(f"actor sectors recode {entry.code} as {d.base}")
    if d.code != d.base:
        d.reasons.append(f"{mod.mode} act coded {d.code}, not {d.base}")
    d.mod = Modality(d.mode, mod.cue, mod.appeal_head, mod.reason)
    if d.mod.reason:
        d.reasons.append(d.mod.reason)
    d.date, date_reason = d.attacher.date_for(d.tok, d.report)
    d.reasons.append(date_reason)
    d.place, place_reason = d.attacher.place_for(d.tok, d.code)
    if place_reason:
        d.reasons.append(place_reason)


def place_as_target(ex, d: Draft) -> None:
    """With no named actor receiving the act, a place can: the host of a visit, a place attacked, where a curfew holds."""
    d.target = place_target(ex.place_at, d.doc, d.tok, d.base, d.source, d.target, d.place)


def visit_needs_host(ex, d: Draft) -> str | None:
    """A visit needs a host ('police arrived and detained the man' is no visit)."""
    return "a visit needs a host" if no_host(d.tok, d.code, d.target) else None


def domestic_not_self(ex, d: Draft) -> None:
    """A domestic act whose target reads as its own source has no target ('lifted the emergency in X State')."""
    if d.target and d.code.startswith(DOMESTIC_CODES) and all(
            _same(s, t) for s in d.source.mentions for t in d.target.mentions):
        d.target = Arg()


def domestic_own_country(ex, d: Draft) -> None:
    """A domestic act, or a state's police acting, with no target is done at home: the source's own country."""
    code, source, tok = d.code, d.source, d.tok
    policing = code[:2] == "17" and len(source.mentions) == 1 and "COP" in source.mentions[0].actor.sector and (
        source.mentions[0].actor.country not in ("IGO", "NGO"))  # a state's police acts at home; not Interpol
    if not d.target and (code.startswith(DOMESTIC_CODES) or policing) and len(source.mentions) == 1 and (
            source.mentions[0].actor.country):
        home = source.mentions[0].actor
        own = Actor("", tok.idx, tok.idx, name=None, code=home.country, country=home.country, kind="state",
                    reason=f"no target named: the own country of {home.text} ({home.country})")
        d.target = Arg([ActorMention(tok.i, tok.i, tok.i, own)], None, "own country (domestic act)")


def unnamed_doer_of_place(ex, d: Draft) -> None:
    """An attack with an unknown doer in a known place is done by an unnamed actor of that place ('a bombing near X')."""
    d.source = unnamed_doer(d.doc, d.tok, d.code, d.source, d.place, ex.place_at, d.index)


def nationality_from_place(ex, d: Draft) -> None:
    """People of no country acting or acted on in a place are of its country ('police arrested protesters in Minsk')."""
    where = d.place if d.place is not None or d.code[:2] not in FORCE_ROOTS else place_near(d.doc, d.tok, ex.place_at)
    if where is not None and where.country:
        d.source = in_place(d.doc, d.source, where, d.target.token)
        d.target = in_place(d.doc, d.target, where, d.source.token)


def nobody_named(ex, d: Draft) -> str | None:
    """No one did it and those it was done to are people of no country, code or role ('seven people were injured')."""
    return "nobody named" if _nobody_named(d.source, d.target) else None


def pair_roles(ex, d: Draft) -> None:
    """Core: one event per source and target, never an actor acting on itself."""
    sources, targets = d.source.mentions, d.target.mentions or [None]
    d.pairs = [(s, t) for s in sources for t in targets if t is None or not _same(s, t)]
    if not d.pairs:  # the only target found is the source itself ("France lifted its blockade")
        d.pairs = [(s, None) for s in sources]


def reciprocal(ex, d: Draft) -> None:
    """Two doers of a joint act with no target act with each other ('Japan and Russia agreed'); a veto stays two."""
    sources = d.source.mentions
    if len(sources) > 1 and not d.target and d.code[:2] in RECIPROCAL_ROOTS:
        d.pairs = [(s, t) for s in sources for t in sources if s is not t]
        d.target = Arg(sources, d.source.token, "coordinated with the source")
        d.reasons.append("reciprocal: coordinated actors")


def build(ex, d: Draft) -> None:
    """Core: the events, with code, mode, date, place, confidence and reasons."""
    d.events = [ex.build(d, s, t) for s, t in d.pairs]


EVENT_PASSES: list[Pass] = [
    Pass("arguments", arguments, optional=False),
    Pass("speech_target", speech_target),
    Pass("quote_speaker", quote_speaker),
    Pass("speaker_as_source", speaker_as_source),
    Pass("own_possession", own_possession),
    Pass("accused_standing", accused_standing),
    Pass("passive_unknown_doer", passive_unknown_doer),
    Pass("attack_unknown_doer", attack_unknown_doer),
    Pass("appeal_passive_doer", appeal_passive_doer),
    Pass("asked_in_noun", asked_in_noun),
    Pass("needs_source", needs_source, optional=False),
    Pass("political_side", political_side),
    Pass("condition_target", condition_target),
    Pass("sector_recode", sector_recode),
    Pass("verbal_attack", verbal_attack),
    Pass("figurative", figurative),
    Pass("mode_code", mode_code, optional=False),
    Pass("claim_of_responsibility", claim_of_responsibility),
    Pass("appeal_roles", appeal_roles),
    Pass("demand_roles", demand_roles),
    Pass("political_after_roles", political_after_roles),
    Pass("explain_and_attach", explain_and_attach, optional=False),
    Pass("place_as_target", place_as_target),
    Pass("visit_needs_host", visit_needs_host),
    Pass("domestic_not_self", domestic_not_self),
    Pass("domestic_own_country", domestic_own_country),
    Pass("unnamed_doer_of_place", unnamed_doer_of_place),
    Pass("nationality_from_place", nationality_from_place),
    Pass("nobody_named", nobody_named),
    Pass("pair_roles", pair_roles, optional=False),
    Pass("reciprocal", reciprocal),
    Pass("build", build, optional=False),
]


def _nobody_named(source: Arg, target: Arg) -> bool:
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
