"""Candidate passes: which trigger candidates of a sentence are acts of their own (docs/CODING.md §9).

Each pass is `(extractor, doc, view, cand, index) -> None | reason | Candidate`: None keeps the
candidate, a reason drops it, a Candidate replaces it. They run in the order of CANDIDATE_PASSES.
"""
from __future__ import annotations

from dataclasses import replace

from casus.events.modality.modality import PURPOSE, modality
from casus.events.precision.precision import charged_that, named_not_done
from casus.events.roles.arguments import acted_on, instruments, object_words
from casus.events.sieve.draft import Pass, SentenceView
from casus.events.triggers.constructions import own_asker
from casus.events.triggers.detector import ORIGIN as LEARNED
from casus.events.triggers.triggers import FORCE_ROOTS, Candidate
from casus.model import ParsedDoc, Token

GENERIC_FORCE = "190"
COERCIVE_ROOTS = frozenset({"13", "15", "16", "17", "18", "19", "20"})
CONSEQUENCES = frozenset({"consequence", "response", "reprisal", "retaliation", "retribution", "action", "measure"})  # "killed", "wounded": force of no stated kind
UNDOING = frozenset({"overturn", "reverse", "quash", "annul", "revoke", "rescind", "cancel", "scrap", "repeal",
                     "lift", "drop", "abandon", "void", "nullify", "invalidate", "overrule", "abolish"})
VERBAL_FRAME_ROOTS = frozenset({"01", "02", "03", "10", "12", "13"})
QUESTION_VERBS = frozenset({"ask", "inquire", "enquire", "query"})
QUESTION_WORDS = frozenset({"if", "whether", "why", "how", "what", "when", "where", "who", "which", "whom"})
WARNING_VERBS = frozenset({"warn", "caution"})
ACTOR_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# verbs of a clause that says how things are, not what its subject will do: "warned that they were in danger of …"
STATE_VERBS = frozenset({"be", "seem", "appear", "remain", "become", "see", "look", "sound", "feel"})
PESSIMISTIC = "012"
DENIAL = "016"  # deny responsibility: kept beside the act it denies
REJECT, REJECT_ROOT = "120", "12"


def sentence_view(extractor, doc: ParsedDoc, cands: list[Candidate]) -> SentenceView:
    """What the sentence's candidates say about each other: which tokens they claim, cover or frame."""
    claimed = {c.token.i for c in cands}
    specific = {c.token.i for c in cands if c.pos == "NOUN" and c.entry.code[:2] in FORCE_ROOTS
                and c.entry.code != GENERIC_FORCE}
    compounds = {c.token.i: c.entry.code[:2] for c in cands if c.pos == "NOUN" and " " in c.entry.trigger}
    yielding = {c.token.i for c in cands if c.pos == "VERB" and c.entry.requires
                and compounds.get(matched_object(doc, c)) == c.entry.code[:2]}
    covered = {i for c in cands if c.pos == "VERB" and c.entry.requires and c.token.i not in yielding
               for i in object_words(doc, acted_on(doc, c.token))
               if own_asker(doc, doc.tokens[i]) is None}  # "shunned the unions' calls": the unions' own appeal
    covered |= {i for c in cands if c.pos == "VERB" and c.entry.requires and c.entry.code[:2] == "03"
                and (m := matched_object(doc, c)) is not None for i in object_words(doc, doc.tokens[m])}
    moods = {c.token.i: modality(doc, c.token, extractor.lexicon.is_speech) for c in cands}
    cues = {m.cue.i for i, m in moods.items() if m.cue is not None and m.mode not in ("negated", "considered")
            and i not in covered}  # "agreed to US mediation": the verb's row codes it, not as a frame
    cues |= {m.appeal_head.i for m in moods.values() if m.appeal_head is not None}
    rejected, refusals = rejected_appeals(extractor, doc, cands, moods)
    return SentenceView(claimed, specific, yielding, covered, moods, cues, rejected, refusals)


def rejected_appeals(ex, doc: ParsedDoc, cands: list[Candidate], moods: dict) -> tuple[set[int], dict[int, str]]:
    """Appeal or demand nouns naming their asker that a rejecting verb (a 12x row) takes as object or passive subject
    ('rejected X's calls for …', 'X's demands were dismissed'), and per verb the refusal code (12x) of the act asked."""
    rejected: set[int] = set()
    refusals: dict[int, str] = {}
    for c in cands:
        if c.pos != "VERB" or c.entry.code[:2] != REJECT_ROOT:
            continue
        heads = [k for k in doc.children(c.token.i) if k.dep in ("dobj", "nsubjpass")]
        nouns = [n for h in heads for n in (h, *(k for k in doc.children(h.i) if k.dep == "conj"))
                 if own_asker(doc, n) is not None]
        for n in nouns:
            inside = asked_in(doc, n)
            asked = [a for a in cands if moods[a.token.i].appeal_head is n or a.token.i in inside]
            rejected |= {n.i, *(a.token.i for a in asked)}
            code = (ex.modes.code(asked[0].entry.code, "refused")[0]  # a statement asked for: a plain rejection
                    if asked and asked[0].entry.code[:2] != "01" else c.entry.code)
            if c.entry.code == REJECT and code[:2] == REJECT_ROOT and c.token.i not in refusals:
                refusals[c.token.i] = code
    return rejected, refusals


def asked_in(doc: ParsedDoc, noun: Token) -> set[int]:
    """Tokens naming what an appeal noun asks for: its 'for' object ('calls for an arms embargo') or its 'to' verb
    ('calls to sell the line')."""
    out = set()
    for c in doc.children(noun.i):
        if c.dep == "prep" and c.text.lower() == "for":
            out |= {g.i for g in doc.children(c.i) if g.dep == "pobj"}
        elif c.dep in ("acl", "xcomp") and c.pos == "VERB":
            out.add(c.i)
    return out


def rejected_appeal(ex, doc: ParsedDoc, v: SentenceView, cand: Candidate, index) -> str | Candidate | None:
    """An appeal or demand naming its asker that the sentence says was rejected ('rejected X's calls for a ceasefire')
    is the rejection's object, not the asker's appeal: the noun and the act asked in it code nothing, and the rejecting
    verb codes the refusal of that act (1246 toward X here; 120 when nothing coded is asked)."""
    head = v.moods[cand.token.i].appeal_head
    if cand.token.i in v.rejected or head is not None and head.i in v.rejected:
        return "asked in an appeal the sentence says was rejected: the rejection codes it"
    code = v.refusals.get(cand.token.i)
    if code is not None and code != cand.entry.code:
        return replace(cand, entry=replace(cand.entry, code=code))
    return None


def compound_head(ex, doc: ParsedDoc, v: SentenceView, cand: Candidate, index) -> str | None:
    """A trigger noun that modifies another trigger noun is coded by its head ('cooperation plan')."""
    if cand.pos == "NOUN" and cand.token.dep == "compound" and cand.token.head in v.claimed:
        return "compound of another trigger"
    return None


def instrument_says_how(ex, doc: ParsedDoc, v: SentenceView, cand: Candidate, index) -> str | None:
    """'Killed' or 'wounded' by a named kind of attack is that attack ('wounded in a bomb attack': 183, not 190)."""
    if cand.pos == "VERB" and cand.entry.code == GENERIC_FORCE and any(
            g.i in v.specific for g in instruments(doc, cand.token)):
        return "the instrument names the kind of force"
    return None


def compound_noun_row(ex, doc: ParsedDoc, v: SentenceView, cand: Candidate, index) -> str | None:
    """A verb row whose object is a multiword trigger of the same root yields to that noun ('went on hunger strike')."""
    return "the compound noun is more specific" if cand.token.i in v.yielding else None


def verb_row_object(ex, doc: ParsedDoc, v: SentenceView, cand: Candidate, index) -> str | None:
    """An object a verb row with that object codes is not an act of its own ('lifted sanctions': one act)."""
    return "coded by the verb's row for this object" if cand.token.i in v.covered else None


def undone_act(ex, doc: ParsedDoc, v: SentenceView, cand: Candidate, index) -> str | None:
    """An act noun a verb of undoing governs is undone, not done ('overturned the convictions')."""
    return "undone, not done" if cand.pos == "NOUN" and undone(doc, cand.token) else None


def named_only(ex, doc: ParsedDoc, v: SentenceView, cand: Candidate, index) -> str | None:
    """An act named but not reported as done: sought, worn, sold, or a thing not an act ('riot gear', precision.py)."""
    return "named, not done" if named_not_done(ex.lexicon, doc, cand, v.claimed, index) else None


def charged_as_accusation(ex, doc: ParsedDoc, v: SentenceView, cand: Candidate, index) -> Candidate | None:
    """'Charged that X rigged …' is an accusation (112), not a legal charge."""
    if cand.pos == "VERB" and charged_that(doc, cand.token, cand.entry.code):
        return Candidate(cand.token, ex.lexicon.lookup("accuse", "VERB"), "VERB")
    return None


def aim_of_another_act(ex, doc: ParsedDoc, v: SentenceView, cand: Candidate, index) -> str | None:
    """The purpose of another act in the sentence is not an act ('talks … for reaching a treaty')."""
    if v.moods[cand.token.i].reason == PURPOSE and ancestor_in(doc, cand.token, v.claimed):
        return "the aim of another act"
    return None


def considered_act(ex, doc: ParsedDoc, v: SentenceView, cand: Candidate, index) -> str | None:
    """An act only considered is not coded; the considering (014) is ('is considering sending aid')."""
    return "only considered" if v.moods[cand.token.i].mode == "considered" else None


def framed_verbal_act(ex, doc: ParsedDoc, v: SentenceView, cand: Candidate, index) -> str | None:
    """A verbal trigger that frames another act gives way to it, coded in its mode ('agreed to withdraw': intent)."""
    if cand.token.i in v.cues and cand.entry.code[:2] in VERBAL_FRAME_ROOTS and not (
            cand.entry.code == DENIAL and v.moods.get(cand.token.i) is not None):
        return "frames another act"  # a denial is CAMEO's act itself (016): "denied that its agents killed X"
    return None


def phrasal_verb(ex, doc: ParsedDoc, v: SentenceView, cand: Candidate, index) -> str | None:
    """A verb with a particle that makes a phrasal verb the lexicon lists is read as that phrasal verb only: where no row
    of it fits, it is no act, not the bare verb's ('called off the search' is no phone call, 'fired up by a speech' no
    attack, 'free up money' no release)."""
    if cand.pos != "VERB" or " " in cand.entry.trigger or cand.entry.origin == LEARNED:
        return None  # the learned detector read the particle already ('the leader went on: "…"')
    lemma = cand.token.lemma.lower()
    for c in doc.children(cand.token.i):
        particle = c.dep == "prt" or c.dep == "advmod" and c.i == cand.token.i + 1 and c.tag == "RB"  # "back away"
        phrasal = f"{lemma} {c.text.lower()}"
        if not particle or not ex.lexicon.lists(phrasal, "VERB"):
            continue
        obj = acted_on(doc, cand.token)
        if ex.lexicon.lookup(phrasal, "VERB", obj.lemma.lower() if obj is not None else None) is None:
            return f"phrasal verb '{cand.token.text} {c.text}' is not '{cand.token.text}'"  # else its row codes it
    return None


def question_not_appeal(ex, doc: ParsedDoc, v: SentenceView, cand: Candidate, index) -> str | None:
    """'Asked whether …', 'asked about …', '"…?" he asked' put a question; only 'asked X to …/for …' appeals."""
    if cand.pos != "VERB" or cand.token.lemma.lower() not in QUESTION_VERBS or cand.entry.code[:2] != "02":
        return None
    kids = doc.children(cand.token.i)
    if any(c.dep == "xcomp" or c.dep == "prep" and c.text.lower() == "for" or c.dep == "ccomp" and any(
            g.dep == "aux" and g.text.lower() == "to" for g in doc.children(c.i)) for c in kids):
        return None  # an appeal: 'asked Iran to release …', 'asked for talks'
    asks = any(c.dep == "prep" and c.text.lower() == "about" for c in kids) or any(
        c.dep in ("ccomp", "advcl", "dobj") and _question_clause(doc, c) for c in kids)
    start = doc.sentences[cand.token.sent].char_start  # a quoted question may end the sentence before
    before = doc.article.text[max(0, start - 3):cand.token.idx]
    return "a question, not an appeal" if asks or "?" in before else None


def warning_as_comment(ex, doc: ParsedDoc, v: SentenceView, cand: Candidate, index) -> Candidate | None:
    """A warning of what may happen, not of what the doer will do, is a pessimistic comment (012), not a threat.

    'warned that the reform could fail', 'warned against complacency'; but 'warned that it would retaliate',
    'warned that police will act', 'warned of reprisals' (what an actor will do, or a word of coercion or
    force) stay threats (13x).
    """
    if cand.pos != "VERB" or cand.token.lemma.lower() not in WARNING_VERBS or cand.entry.code[:2] != "13":
        return None
    content = []
    for c in doc.children(cand.token.i):
        if c.dep == "ccomp":
            content.append(c)
        elif c.dep == "prep" and c.text.lower() in ("of", "against", "about"):
            content += [g for g in doc.children(c.i) if g.dep in ("pobj", "pcomp")]
    if not content or any(_agent_or_coercion(ex, doc, c, index) for c in content):
        return None
    return Candidate(cand.token, replace(cand.entry, code=PESSIMISTIC, requires=None), "VERB", cand.start)


CANDIDATE_PASSES: list[Pass] = [
    Pass("compound_head", compound_head),
    Pass("rejected_appeal", rejected_appeal),
    Pass("instrument_says_how", instrument_says_how),
    Pass("compound_noun_row", compound_noun_row),
    Pass("verb_row_object", verb_row_object),
    Pass("undone_act", undone_act),
    Pass("named_not_done", named_only),
    Pass("charged_as_accusation", charged_as_accusation),
    Pass("aim_of_another_act", aim_of_another_act),
    Pass("considered_act", considered_act),
    Pass("framed_verbal_act", framed_verbal_act),
    Pass("question_not_appeal", question_not_appeal),
    Pass("phrasal_verb", phrasal_verb),
    Pass("warning_as_comment", warning_as_comment),
]


def matched_object(doc: ParsedDoc, cand: Candidate) -> int | None:
    """The token a verb row's object constraint matched: its object, or the object of its particle ('go on strike')."""
    obj = acted_on(doc, cand.token)
    if obj is None and " " in cand.entry.trigger:
        part = cand.entry.trigger.split(" ", 1)[1]
        obj = next((g for c in doc.children(cand.token.i) if c.text.lower() == part
                    for g in doc.children(c.i) if g.dep == "pobj"), None)
    return obj.i if obj is not None else None


def undone(doc: ParsedDoc, noun: Token) -> bool:
    """True for an act noun that a verb of undoing governs as its object ('overturned the convictions')."""
    return noun.dep in ("dobj", "nsubjpass") and noun.head != noun.i and (
        doc.tokens[noun.head].lemma.lower() in UNDOING)


def ancestor_in(doc: ParsedDoc, tok: Token, claimed: set[int]) -> bool:
    """True if a head above the token is another trigger, or a light verb whose object is one."""
    cur = tok
    for _ in range(10):
        if cur.head == cur.i:
            return False
        cur = doc.tokens[cur.head]
        if cur.i in claimed or any(c.dep == "dobj" and c.i in claimed for c in doc.children(cur.i)):
            return True  # the act itself, or a light verb's event noun ("continue talks … for")
    return False


def _question_clause(doc: ParsedDoc, clause: Token) -> bool:
    """True for a clause opened by 'if', 'whether' or a wh-word ('whether he would stand', 'why it failed')."""
    words = doc.subtree(clause.i)
    return bool(words) and (words[0].text.lower() in QUESTION_WORDS or any(
        g.dep == "mark" and g.text.lower() in ("if", "whether") for g in doc.children(clause.i)))


def _agent_or_coercion(ex, doc: ParsedDoc, content: Token, index) -> bool:
    """True when a warning's content is what an actor will do ('that police will act', 'that it would
    retaliate'), names coercion or force ('of reprisals') or a condition ('unless …'); False for a state of affairs
    ('that the recovery could stall', 'against complacency', 'that the party was in danger of …': a clause of
    'be', 'seem' or 'see' says how things are, whatever its subject)."""
    if content.dep == "ccomp" and content.lemma.lower() not in STATE_VERBS:
        subj = next((c for c in doc.children(content.i) if c.dep in ("nsubj", "nsubjpass")), None)
        if subj is None or subj.pos == "PRON" or subj.ent_type in ACTOR_ENTITIES or index.for_phrase(subj.i):
            return True
    elif content.dep == "ccomp" and any(t.text.lower() == "unless" for t in doc.subtree(content.i)):
        return True  # "warned there could be walkouts unless …": a condition makes it a threat
    for t in doc.subtree(content.i):
        for pos in ("VERB", "NOUN"):
            entry = ex.lexicon.lookup(t.lemma.lower(), pos)
            if entry is not None and entry.code[:2] in COERCIVE_ROOTS:
                return True
        if t.lemma.lower() in CONSEQUENCES:
            return True
    return False
