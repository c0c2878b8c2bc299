"""Modality of an event predicate: asserted, intended, hypothetical, negated, requested, threatened."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from casus.events.triggers.constructions import joined_by
from casus.model import ParsedDoc, Token

INTENT_HEADS = frozenset({
    "plan", "intend", "hope", "want", "seek", "aim", "promise", "pledge", "vow", "agree", "offer",
    "prepare", "expect", "wish", "propose", "suggest", "commit", "undertake",
    "ready", "set", "determine", "eager", "willing", "look", "mean", "prepared", "swear", "sworn",
    "due", "schedule", "slate",  # a schedule: "is due to visit", "is scheduled to meet" (docs/CODING.md §3)
})
# "decided to ease sanctions", "voted to impose sanctions": a decision is the act itself, as CAMEO codes it
DECISION_HEADS = frozenset({"decide", "vote", "resolve"})
WANT_HEADS = frozenset({"want", "wish", "expect", "need", "like", "prefer"})
CONSIDER_HEADS = frozenset({"consider", "mull", "weigh", "explore", "study", "contemplate", "ponder", "review"})
APPEAL_HEADS = frozenset({"urge", "call", "ask", "appeal", "request", "press", "encourage", "invite",
                          "implore", "beg", "exhort", "push", "challenge", "advise", "tell"})
DEMAND_HEADS = frozenset({"demand", "insist", "require", "order", "instruct", "command"})
THREAT_HEADS = frozenset({"threaten", "warn"})
DEMAND_NOUNS = frozenset({"demand", "call", "request", "appeal", "insistence", "plea"})
ASKER_VERBS = frozenset({"reiterate", "repeat", "renew", "restate", "make", "issue", "voice", "press", "stress"})
HYPOTHETICAL_AUX = frozenset({"could", "might", "may", "can"})
OBLIGATION_AUX = frozenset({"must", "should", "ought"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
NEGATIONS = frozenset({"not", "n't", "never", "no", "neither"})
# nouns whose "is to …" says what they are, not what their subject will do: "the mandate is to fight inflation"
AIM_NOUNS = frozenset({"aim", "goal", "mandate", "plan", "idea", "task", "job", "priority", "purpose", "intention",
                       "objective", "mission", "role", "challenge", "way", "answer", "solution", "hope", "point", "step",
                       "option", "strategy", "policy", "duty", "responsibility", "target", "proposal", "intent",
                       "ambition", "aspiration", "wish", "desire", "function", "idea", "alternative", "choice", "rule"})
TIME_NOUNS = frozenset({"week", "month", "year", "weekend", "day", "monday", "tuesday", "wednesday", "thursday",
                        "friday", "saturday", "sunday", "spring", "summer", "autumn", "fall", "winter", "session"})
STATEMENT_NOUNS = frozenset({"comment", "statement", "word"})  # "had no comment": declined to comment (011)
REFUSE_HEADS = frozenset({"refuse", "decline", "fail", "reject", "oppose"})
BELIEF_HEADS = frozenset({"hope", "wish", "expect", "fear", "believe", "think", "trust", "worry", "doubt", "assume"})
DENY_HEADS = frozenset({"deny"})
ALLEGE_HEADS = frozenset({"accuse", "charge", "blame", "allege", "suspect", "claim", "condemn", "criticize",
                          "criticise", "denounce", "fault", "indict", "convict", "sue", "investigate", "probe"})
ALLEGE_NOUNS = frozenset({"claim", "allegation", "accusation", "charge", "assertion", "contention"})
CONDITIONAL_MARKS = frozenset({"if", "unless"})
PURPOSE = "mode intended: purpose clause"
FRAME_HEADS = INTENT_HEADS | APPEAL_HEADS | DEMAND_HEADS | THREAT_HEADS | REFUSE_HEADS | CONSIDER_HEADS | WANT_HEADS
PHRASE_DEPS = frozenset({"dobj", "pobj", "prep", "compound", "nsubj", "nsubjpass", "attr", "appos", "npadvmod"})


@dataclass(frozen=True)
class Modality:
    """The mode of an act, the word that set it, and for requests who asked."""

    mode: str  # asserted | intended | hypothetical | negated | requested | demanded | threatened | refused
    #            | considered | alleged | reported_denial
    cue: Token | None = None
    appeal_head: Token | None = None  # the urge/demand/say verb whose subject asks for the act
    reason: str | None = None


# Framing verbs and the mode of the act they frame, tried in order: for a "that"-clause
# ("demanded that X …") and for a "to"-infinitive ("urged X to …").
CLAUSE_FRAMES = ((DEMAND_HEADS | APPEAL_HEADS - {"tell"}, "demanded"), (THREAT_HEADS, "threatened"),
                 (DENY_HEADS, "reported_denial"), (ALLEGE_HEADS, "alleged"))
INFINITIVE_FRAMES = ((APPEAL_HEADS | DEMAND_HEADS, "requested"), (THREAT_HEADS, "threatened"),
                     (REFUSE_HEADS, "refused"), (DENY_HEADS, "reported_denial"), (CONSIDER_HEADS, "considered"))
ASKED = frozenset({"requested", "demanded"})


def _framed(mode: str, head: Token) -> Modality:
    """The mode a framing verb gives, with the verb as cue (and as the asker for requests)."""
    return Modality(mode, head, appeal_head=head if mode in ASKED else None,
                    reason=f"mode {mode}: framed by '{head.text}'")


def _frame(table, forms: set[str], head: Token) -> Modality | None:
    for heads, mode in table:
        if forms & heads:
            return _framed(mode, head)
    return None


def word_forms(tok: Token) -> set[str]:
    """The lemma and crude stems of a token, for lexicons robust to lemmatiser slips ('hopes' → 'hop')."""
    low = tok.text.lower()
    forms = {tok.lemma.lower(), low}
    for suffix in ("es", "s", "ed", "d", "ing"):
        if low.endswith(suffix) and len(low) - len(suffix) >= 3:
            forms.add(low[: -len(suffix)])
    return forms


def _aux_words(doc: ParsedDoc, i: int) -> list[Token]:
    return [c for c in doc.children(i) if c.dep in ("aux", "auxpass", "neg", "advmod")]


def _negation(doc: ParsedDoc, i: int) -> Token | None:
    return next((c for c in _neg_words(doc, i) if c.dep == "neg" or c.text.lower() in NEGATIONS), None)


def _neg_words(doc: ParsedDoc, i: int) -> list[Token]:
    """The verb's auxiliaries and adverbs, and the 'neither' of its subject ('Neither X nor Y would comment')."""
    subjects = [c for c in doc.children(i) if c.dep in ("nsubj", "nsubjpass")]
    neither = [g for s in subjects for g in doc.children(s.i)
               if g.dep in ("preconj", "det", "cc") and g.text.lower() == "neither"]
    return _aux_words(doc, i) + neither


def _own_subject(doc: ParsedDoc, tok: Token) -> bool:
    """True for a coordinated clause with a subject of its own, whose mode is not its first conjunct's."""
    return any(c.dep in ("nsubj", "nsubjpass", "expl") for c in doc.children(tok.i))


def _reported(doc: ParsedDoc, tok: Token, is_speech: Callable[[str], bool]) -> Token | None:
    """The speech verb whose reported clause holds tok ('…, he said'), if any."""
    cur = tok
    for _ in range(6):
        if cur.head == cur.i:
            return None
        head = doc.tokens[cur.head]
        if cur.dep == "ccomp" and is_speech(head.lemma.lower()):
            return head
        if cur.dep not in ("xcomp", "conj", "dobj", "pobj", "prep", "aux"):
            return None
        cur = head
    return None


def modality(doc: ParsedDoc, pred: Token, is_speech: Callable[[str], bool] = lambda _w: False) -> Modality:
    """Find the mode of the act at `pred` by walking up its clause chain."""
    no = next((c for c in doc.children(pred.i) if c.dep == "det" and c.text.lower() == "no"), None)
    if no is not None and pred.pos == "NOUN":  # "there were no talks"; "had no comment" declines to comment
        holder = doc.tokens[pred.head].lemma.lower() if pred.dep == "dobj" else ""
        mode = "refused" if pred.lemma.lower() in STATEMENT_NOUNS and holder in ("have", "make", "offer", "give") else "negated"
        return Modality(mode, no, reason=f"mode {mode}: 'no {pred.text}'")
    tok, own_clause, other_subject = pred, True, False
    for _ in range(8):
        skip, other_subject = other_subject, False  # the first conjunct's own negation is not this clause's
        for c in _neg_words(doc, tok.i) if not skip else ():
            low = c.text.lower()
            if c.dep == "neg" or low in NEGATIONS:
                if own_clause and (FUTURE_AUX | {"would"}) & {a.text.lower() for a in _aux_words(doc, tok.i)} and not (
                        tok.dep == "ccomp" and word_forms(doc.tokens[tok.head]) & BELIEF_HEADS):  # "hoped X would not": a wish
                    return Modality("refused", c, reason=f"mode refused: 'will {c.text}'")
                return Modality("negated", c, reason=f"mode negated: '{c.text}'")
        for c in _aux_words(doc, tok.i):
            low = c.text.lower()
            if not own_clause:
                break
            if low in FUTURE_AUX:
                cond = _condition(doc, tok)
                if cond is not None:  # "will withdraw unless …": a threat
                    return Modality("threatened", cond, reason=f"mode threatened: '{c.text} … {cond.text}'")
                return Modality("intended", c, reason=f"mode intended: '{c.text}'")
            if low == "would":  # future in the past inside reported speech, else a hypothesis
                speech = _reported(doc, tok, is_speech)
                if speech is not None:
                    return Modality("intended", c, reason=f"mode intended: '{c.text}' reported by '{speech.text}'")
                return Modality("hypothetical", c, reason=f"mode hypothetical: '{c.text}'")
            if low in OBLIGATION_AUX:
                speech = _reported(doc, tok, is_speech) or _complement_of(doc, tok)
                if speech is not None and word_forms(speech) & INTENT_HEADS:  # "agreed that they should cooperate"
                    return Modality("intended", speech, reason=f"mode intended: '{c.text}' agreed by '{speech.text}'")
                if speech is not None and low == "must":
                    return Modality("demanded", c, appeal_head=speech,
                                    reason=f"mode requested: '{c.text}' demanded by the speaker of '{speech.text}'")
                if speech is not None:  # "should", "ought": a call on the other (an appeal, 02), not a demand
                    return Modality("requested", c, appeal_head=speech,
                                    reason=f"mode requested: '{c.text}' urged by the speaker of '{speech.text}'")
                return Modality("hypothetical", c, reason=f"mode hypothetical: '{c.text}'")
            if low in HYPOTHETICAL_AUX:
                return Modality("hypothetical", c, reason=f"mode hypothetical: '{c.text}'")
        when = _future_time(doc, tok) if own_clause else None
        if when is not None:  # "the council meets envoys next week": a present tense with a date to come
            return Modality("intended", when, reason=f"mode intended: present tense, '{when.text}' to come")
        for c in doc.children(tok.i):
            if c.dep == "mark" and c.text.lower() in CONDITIONAL_MARKS:
                return Modality("hypothetical", c, reason=f"mode hypothetical: conditional '{c.text}'")
        if tok.head == tok.i:
            if tok.pos == "VERB" and _bare_infinitive(doc, tok):
                return Modality("intended", tok, reason="mode intended: headline infinitive ('X to do')")
            break
        head = doc.tokens[tok.head]
        forms = word_forms(head)
        if tok.dep == "pcomp" and head.dep == "prep":  # "accused Israel of attacking", "blamed X for …"
            verb = doc.tokens[head.head]
            if word_forms(verb) & ALLEGE_HEADS:
                return Modality("alleged", verb, reason=f"alleged, not asserted: reported by '{verb.text}'")
            if word_forms(verb) & DENY_HEADS:
                return Modality("reported_denial", verb, reason=f"denied: '{verb.text}'")
        asked = _demand_noun(doc, tok) if own_clause else None
        if asked is not None:  # "its demand that Israel ease …": asked of Israel, not done
            return Modality("demanded", asked, appeal_head=asked, reason=f"mode requested: the {asked.text} that")
        if tok.dep == "acl" and head.pos == "NOUN" and head.lemma.lower() in ALLEGE_NOUNS and any(
                c.dep == "mark" and c.text.lower() == "that" for c in doc.children(tok.i)):
            return Modality("alleged", head, reason=f"alleged, not asserted: the {head.text} that")  # "its claim that"
        if tok.dep == "ccomp":
            if forms & WANT_HEADS and _asks_another(doc, head, tok):
                return _framed("requested", head)
            found = _frame(CLAUSE_FRAMES, forms, head)
            if found is not None:
                return found
            break  # a reported clause keeps its own modality
        infinitive = tok.dep == "advcl" and any(c.dep == "aux" and c.text.lower() == "to" for c in doc.children(tok.i))
        if own_clause and tok.dep == "xcomp" and head.lemma.lower() == "be" and _scheduled(doc, tok, head):
            return Modality("intended", head, reason=f"mode intended: '{head.text} to' (a schedule)")  # "is to visit"
        if (tok.dep in ("xcomp", "acl") or infinitive and forms & FRAME_HEADS) and head.pos in ("VERB", "AUX", "ADJ"):
            found = _frame(INFINITIVE_FRAMES, forms, head)
            if found is not None:  # "demanded that its partners refuse to recognize X": the refusal is asked for
                return _demanded_frame(doc, head) or found
            if forms & WANT_HEADS and _asks_another(doc, head, tok):
                return _framed("requested", head)
            frame = doc.tokens[head.head] if head.dep == "acomp" else head  # "must be ready to": the copula's aux
            if forms & INTENT_HEADS and any(a.text.lower() in OBLIGATION_AUX for a in _aux_words(doc, frame.i)):
                tok, own_clause = frame, True  # what X must be ready to do is asked of X, not X's intent
                continue
            if forms & INTENT_HEADS:
                neg = _negation(doc, head.i)
                if neg is not None:
                    return Modality("refused", neg, reason=f"mode refused: '{neg.text} {head.text}'")
                return Modality("intended", head, reason=f"mode intended: '{head.text}'")
            own_clause = bool(forms & DECISION_HEADS)  # "decided to lift": the decision's own mode is the act's
        elif tok is pred and tok.dep == "pobj" and pred.pos != "VERB":
            prep = head
            verb = doc.tokens[prep.head]
            if prep.text.lower() in ("to", "on") and word_forms(verb) & (INTENT_HEADS | {"commit", "consent"}):
                return Modality("intended", verb, reason=f"mode intended: '{verb.text} {prep.text}'")
            if prep.text.lower() in ("for",) and word_forms(verb) & (APPEAL_HEADS | DEMAND_HEADS):
                return Modality("requested", verb, appeal_head=verb, reason=f"mode requested: '{verb.text} for'")
            if prep.text.lower() == "in" and joined_by(doc, pred) is verb:  # "refused to take part in drills"
                tok = verb
                continue
            break  # "during his meeting": a noun in a phrase is presupposed, not governed
        elif tok.dep in ("advcl", "pcomp") and _is_purpose(doc, tok):
            return Modality("intended", tok, reason=PURPOSE)
        elif tok.dep in ("advcl", "relcl", "conj", "xcomp", "acl"):
            own_clause = tok.dep == "conj"
            if tok.dep == "conj" and _own_subject(doc, tok):  # "Russia did not attend, but China signed"
                own_clause, other_subject = False, True
                tok = head
                continue
        elif tok.dep not in PHRASE_DEPS:
            break
        tok = head
    return Modality("asserted")


def _demand_noun(doc: ParsedDoc, clause: Token) -> Token | None:
    """The demand noun whose 'that'-clause this is: 'its demand that X …', 'reiterated its demand today that X …'.

    Only when the noun says who asks: a possessor, or a verb whose subject asks ('renewed demands that …');
    not "accepted demands that it …", where the asker is someone else.
    """
    if clause.dep not in ("ccomp", "acl") or clause.head == clause.i or not any(
            c.dep == "mark" and c.text.lower() == "that" for c in doc.children(clause.i)):
        return None
    head = doc.tokens[clause.head]
    nouns = [head] if head.pos == "NOUN" else [c for c in doc.children(head.i) if c.dep == "dobj"]
    for noun in nouns:
        if noun.lemma.lower() not in DEMAND_NOUNS:
            continue
        verb = doc.tokens[noun.head] if noun.dep == "dobj" else None
        if any(c.dep == "poss" for c in doc.children(noun.i)) or (
                verb is not None and verb.lemma.lower() in ASKER_VERBS):
            return noun
    return None


def _demanded_frame(doc: ParsedDoc, frame: Token) -> Modality | None:
    """The demand a framing verb is itself asked in ('demanded that X refuse to …'), if any."""
    if frame.dep != "ccomp" or frame.head == frame.i:
        return None
    asker = doc.tokens[frame.head]
    if not any(c.dep == "mark" and c.text.lower() == "that" for c in doc.children(frame.i)):
        return None
    return _frame(CLAUSE_FRAMES[:1], word_forms(asker), asker)


def _is_purpose(doc: ParsedDoc, tok: Token) -> bool:
    """'… for reaching a treaty', '… (in order) to settle': a clause stating an aim (not 'went on to accuse': the next
    act done)."""
    head = doc.tokens[tok.head]
    if tok.dep == "pcomp" and head.text.lower() in ("for", "toward", "towards"):
        return doc.tokens[head.head].lemma.lower() not in ("responsible", "blame")  # "responsible for kidnapping": done
    if _went_on(doc, head):
        return False
    return tok.tag == "VB" and _to_infinitive(doc, tok) and tok.dep == "advcl"


def _future_time(doc: ParsedDoc, verb: Token) -> Token | None:
    """The word of a time to come ('tomorrow', 'next week', 'later this month') on a verb in the present tense
    ('meets', 'is meeting'), if any."""
    present = verb.tag in ("VBZ", "VBP") or verb.tag == "VBG" and any(
        c.dep == "aux" and c.tag in ("VBZ", "VBP") for c in doc.children(verb.i))
    if not present:
        return None
    for c in doc.children(verb.i):
        if c.dep not in ("npadvmod", "advmod", "prep", "tmod", "obl"):
            continue
        words = [t for t in doc.subtree(c.i) if t.i - c.i < 4]
        lows = [t.text.lower() for t in words]
        for k, low in enumerate(lows):
            if low == "tomorrow" or low in ("next", "coming") and k + 1 < len(lows) and lows[k + 1] in TIME_NOUNS or (
                    low == "later" and "this" in lows[k + 1:k + 2]):
                return words[k]
    return None


def _scheduled(doc: ParsedDoc, tok: Token, be: Token) -> bool:
    """'The premier is to visit Oslo': 'be to' with the doer as subject tells a schedule; not 'is to blame', not 'the
    aim is to …' (what a plan or mandate is), not 'if the EU was to …' (a condition)."""
    if not _to_infinitive(doc, tok) or tok.lemma.lower() == "blame":
        return False
    kids = doc.children(be.i)
    subject = next((c for c in kids if c.dep in ("nsubj", "nsubjpass")), None)
    return subject is not None and subject.lemma.lower() not in AIM_NOUNS and not any(
        c.dep == "mark" and c.text.lower() in CONDITIONAL_MARKS for c in kids)


def _to_infinitive(doc: ParsedDoc, tok: Token) -> bool:
    return any(c.dep == "aux" and c.text.lower() == "to" for c in doc.children(tok.i))


def _went_on(doc: ParsedDoc, verb: Token) -> bool:
    """'went on to', 'moved on to', 'proceeded to': a verb of going on to the next act, which is done, not aimed at."""
    low = verb.lemma.lower()
    return low == "proceed" or low in ("go", "move") and any(
        c.dep == "prt" and c.text.lower() == "on" for c in doc.children(verb.i))


def _bare_infinitive(doc: ParsedDoc, tok: Token) -> bool:
    """'Japan to send troops to Iraq': a headline's future, with 'to' and no finite verb."""
    kids = doc.children(tok.i)
    return tok.tag == "VB" and any(c.dep == "aux" and c.text.lower() == "to" for c in kids) and not any(
        c.dep in ("aux", "auxpass") and c.tag in ("MD", "VBZ", "VBP", "VBD") for c in kids)


def _asks_another(doc: ParsedDoc, head: Token, clause: Token) -> bool:
    """'wants Germany to pay': the wanted act has a doer other than the one who wants it."""
    if any(c.dep in ("dobj", "obj") for c in doc.children(head.i)):
        return True
    return any(c.dep in ("nsubj", "nsubjpass") for c in doc.children(clause.i))


def _complement_of(doc: ParsedDoc, tok: Token) -> Token | None:
    """'a reminder to Iraq that it must cooperate': the verb whose object the clause completes."""
    if tok.dep not in ("ccomp", "acl") or tok.head == tok.i:
        return None
    head = doc.tokens[tok.head]
    if head.pos in ("VERB", "AUX"):
        return head
    cur = head
    for _ in range(3):  # a noun ('reminder', 'call', 'warning'): the verb it hangs from
        if cur.head == cur.i:
            return None
        cur = doc.tokens[cur.head]
        if cur.pos in ("VERB", "AUX"):
            return cur
    return None


def _condition(doc: ParsedDoc, tok: Token) -> Token | None:
    """The 'unless' of a clause attached to tok, if any: promises with an 'unless' are threats."""
    for c in doc.children(tok.i):
        if c.dep == "advcl":
            mark = next((g for g in doc.children(c.i) if g.dep == "mark" and g.text.lower() == "unless"), None)
            if mark is not None:
                return mark
    return None
