"""Modality of an event predicate: asserted, intended, hypothetical, negated or requested."""
from __future__ import annotations

from dataclasses import dataclass

from casus.model import ParsedDoc, Token

INTENT_HEADS = frozenset({
    "plan", "intend", "hope", "want", "seek", "aim", "promise", "pledge", "vow", "agree", "offer",
    "decide", "prepare", "expect", "wish", "propose", "suggest", "commit", "resolve", "undertake",
    "vote", "ready", "set", "determine", "eager", "willing", "look", "consider", "mean",
})
APPEAL_HEADS = frozenset({"urge", "call", "ask", "appeal", "request", "press", "encourage", "invite",
                          "demand", "implore", "beg", "exhort", "push", "challenge"})
THREAT_HEADS = frozenset({"threaten", "warn"})
HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may", "should", "can"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
NEGATIONS = frozenset({"not", "n't", "never", "no"})
REFUSE_HEADS = frozenset({"refuse", "decline", "fail", "reject", "deny"})
CONDITIONAL_MARKS = frozenset({"if", "unless"})


@dataclass(frozen=True)
class Modality:
    """The mode of an act and the word that set it."""

    mode: str  # asserted | intended | hypothetical | negated | requested | threatened
    cue: Token | None = None
    appeal_head: Token | None = None  # the urge/call verb for requested acts
    reason: str | None = None


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


def modality(doc: ParsedDoc, pred: Token) -> Modality:
    """Find the mode of the act at `pred` by walking up its clause chain."""
    tok, own_clause = pred, True
    for _ in range(8):
        for c in _aux_words(doc, tok.i):
            low = c.text.lower()
            if c.dep == "neg" or low in NEGATIONS:
                return Modality("negated", c, reason=f"mode negated: '{c.text}'")
            if own_clause and low in FUTURE_AUX:
                return Modality("intended", c, reason=f"mode intended: '{c.text}'")
            if own_clause and low in HYPOTHETICAL_AUX:
                return Modality("hypothetical", c, reason=f"mode hypothetical: '{c.text}'")
        for c in doc.children(tok.i):
            if c.dep == "mark" and c.text.lower() in CONDITIONAL_MARKS:
                return Modality("hypothetical", c, reason=f"mode hypothetical: conditional '{c.text}'")
        if tok.head == tok.i or tok.dep == "ccomp":
            break  # a reported clause keeps its own modality
        head = doc.tokens[tok.head]
        forms = word_forms(head)
        if tok.dep in ("xcomp", "acl") and head.pos in ("VERB", "AUX", "ADJ"):
            if forms & APPEAL_HEADS:
                return Modality("requested", head, appeal_head=head, reason=f"mode requested: '{head.text}'")
            if forms & THREAT_HEADS:
                return Modality("threatened", head, reason=f"mode threatened: '{head.text}'")
            if forms & REFUSE_HEADS:
                return Modality("negated", head, reason=f"mode negated: '{head.text}'")
            if forms & INTENT_HEADS:
                neg = [c for c in _aux_words(doc, head.i) if c.dep == "neg" or c.text.lower() in NEGATIONS]
                if neg:
                    return Modality("negated", neg[0], reason=f"mode negated: '{neg[0].text} {head.text}'")
                return Modality("intended", head, reason=f"mode intended: '{head.text}'")
            own_clause = False
        elif tok.dep in ("advcl", "pcomp") and _is_purpose(doc, tok):
            return Modality("intended", tok, reason="mode intended: purpose clause")
        elif tok.dep in ("advcl", "relcl", "conj", "xcomp", "acl"):
            own_clause = tok.dep == "conj"
        elif tok.dep == "pobj" and pred.pos != "VERB" and tok is pred:
            break  # "during his meeting": a noun in a phrase is presupposed, not governed
        elif tok.dep not in ("dobj", "pobj", "prep", "compound", "nsubj", "nsubjpass", "attr", "appos", "npadvmod"):
            break
        tok = head
    return Modality("asserted")


def _is_purpose(doc: ParsedDoc, tok: Token) -> bool:
    """'… for reaching a treaty', '… (in order) to settle': a clause stating an aim."""
    head = doc.tokens[tok.head]
    if tok.dep == "pcomp" and head.text.lower() in ("for", "toward", "towards"):
        return True
    kids = doc.children(tok.i)
    return tok.tag == "VB" and any(c.dep == "aux" and c.text.lower() == "to" for c in kids) and tok.dep == "advcl"
