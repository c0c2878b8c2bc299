"""'We' inside a quotation stands for the speaker's side: a minister's 'we' is the government."""
from __future__ import annotations

from dataclasses import replace

from casus.actors.kb import NON_STATE, make_code
from casus.actors.records import Draft
from casus.model import ParsedDoc


FIRST_PLURAL = frozenset({"we", "us", "our", "ours", "ourselves"})
QUOTE_MARKS = frozenset({'"', "“", "”", "``", "''"})
SPEECH = frozenset({"say", "tell", "add", "announce", "declare", "state", "insist", "warn", "stress", "note",
                    "write", "explain", "reply", "vow", "pledge", "claim", "assert", "affirm", "tweet", "argue"})
OFFICIAL = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})


def quote_spans(doc: ParsedDoc) -> list[tuple[int, int]]:
    """Token ranges between paired quotation marks (a paragraph break closes an open quote)."""
    out, open_at, para = [], None, None
    text = doc.article.text
    if not any(q in text for q in QUOTE_MARKS):  # token texts are pieces of the article text
        return out
    paragraph = [s.paragraph for s in doc.sentences]
    for t in doc.tokens:
        p = paragraph[t.sent]
        if open_at is not None and p != para:
            open_at = None
        if t.text in QUOTE_MARKS:
            if open_at is None and t.text != "”":
                open_at, para = t.i, p
            elif open_at is not None:
                out.append((open_at, t.i))
                open_at = None
    return out


def _speaker(doc: ParsedDoc, span: tuple[int, int], by_token: dict[int, Draft]) -> Draft | None:
    """The subject of a speech verb outside the quote, in the sentence where it opens or closes, or the next."""
    a, b = span
    toks = doc.tokens
    sents = {toks[a].sent, toks[b].sent}
    if toks[b].sent + 1 < len(doc.sentences) and b + 1 < len(toks) and toks[b - 1].text in (".", "!", "?"):
        sents.add(toks[b].sent + 1)
    for s in sorted(sents):
        sent = doc.sentences[s]
        for k in range(sent.start, sent.end):
            v = toks[k]
            if a <= k <= b or v.lemma.lower() not in SPEECH:
                continue
            for c in doc.children(k):
                if c.dep in ("nsubj", "nsubjpass") and not (a <= c.i <= b) and c.i in by_token:
                    return by_token[c.i]
    return None


def first_person(doc: ParsedDoc, drafts: list[Draft]) -> list[Draft]:
    """Drafts for 'we'/'our' inside quotes, standing for the speaker's government, state or group."""

    spans = quote_spans(doc)
    if not spans:
        return []
    taken = {k for d in drafts for k in range(d.start, d.end)}
    by_token = {k: d for d in drafts for k in range(d.start, d.end)}
    out = []
    for span in spans:
        we = [t for t in doc.tokens[span[0] + 1:span[1]] if t.text.lower() in FIRST_PLURAL and t.i not in taken]
        if not we:
            continue
        who = _speaker(doc, span, by_token)
        if who is None or not who.actor.code:
            continue
        s = who.actor
        name = s.name or s.text
        if s.kind == "person" and s.country and s.country not in NON_STATE and set(s.sector) & OFFICIAL:
            code, sector, kind = make_code(s.country, ["GOV"]), ["GOV"], "state"
            why = f"'{{}}' in a quote by {name} → {s.country} government"
        else:
            code, sector, kind = s.code, list(s.sector), s.kind
            why = f"'{{}}' in a quote by {name}"
        for t in we:
            a = replace(s, text=t.text, start=t.idx, end=t.end, code=code, sector=sector, kind=kind,
                        name=None if kind == "state" and s.kind == "person" else s.name, reason=why.format(t.text))
            out.append(Draft(t.i, t.i + 1, t.i, a))
    return out
