"""A name the words just before it give a role: 'Jordan's Minister of Energy Samir Haddad', 'Tory David Amory'."""
from __future__ import annotations

from dataclasses import replace

from casus.actors.kb import NON_STATE, make_code
from casus.model import ActorMention, ParsedDoc

PORTFOLIO = frozenset({"of", "for", "to"})  # 'Minister of Energy', 'Ambassador to Germany', 'Secretary for Health'
MAX_GAP = 4  # words between the role and the name: 'of Energy', 'to the United Nations'


def named_roles(doc: ParsedDoc, actors: list[ActorMention]) -> list[ActorMention]:
    """A person the tables do not know, named right after a role the text codes, takes that role's code:

    - a title whose portfolio or post kept it apart from the name ("Jordan's Minister of Energy Samir Haddad",
      "US Ambassador to Germany Richard Pell", "the mayor of Marseille, Benoit Payan,"): the title's code;
    - a party named before the name, with at most a plain noun or a possessive between ("Tory David Amory", "Labour
      backbencher Jane Oddie", "the SNP's Ann Rae"): the party's country, sector PTY.
    """
    out = list(actors)
    for k, m in enumerate(out):
        a = m.actor
        if a.kind != "person" or a.country or not a.name:
            continue
        role = next((p for p in reversed(out[:k]) if p.end <= m.start), None)
        if role is not None and role.start > m.start - MAX_GAP and _after_portfolio(doc, role.start):
            role = next((p for p in reversed(out[:k]) if p.end <= role.start), None)  # 'Germany' in 'to Germany X'
        r = role.actor if role is not None else None
        if r is None or not r.country or r.country in NON_STATE:
            continue
        if r.kind == "person" and not r.name and _portfolio(doc, role.end, m.start, m.head):
            why = f"named after the title '{r.text}'"
            out[k] = replace(m, actor=replace(a, country=r.country, sector=list(r.sector), code=r.code, reason=why))
        elif "PTY" in r.sector and r.kind in ("group", "organization") and _plain_nouns(doc, role.end, m.start):
            sectors = ["PTY"] + [s for s in a.sector if s != "PTY"]
            out[k] = replace(m, actor=replace(a, country=r.country, sector=sectors, code=make_code(r.country, sectors),
                                              reason=f"named after the party '{r.text}'"))
    return out


def _portfolio(doc: ParsedDoc, a: int, b: int, head: int | None = None) -> bool:
    """Nothing between, or 'of'/'for'/'to' and capitalised words ('of Energy', 'to the United Nations'), then a
    comma only before a name in apposition ('the mayor of Marseille, Benoit Payan,')."""
    toks = doc.tokens
    if a == b:
        return True
    if b - a > 1 and toks[b - 1].text == "," and head is not None and toks[head].dep == "appos":
        b -= 1
    if b - a > MAX_GAP or toks[a].text.lower() not in PORTFOLIO or toks[a].sent != toks[b].sent:
        return False
    rest = [t for t in toks[a + 1:b] if t.text.lower() != "the"]
    return bool(rest) and all(t.text[:1].isupper() and t.pos in ("PROPN", "NOUN", "ADJ") for t in rest)


def _after_portfolio(doc: ParsedDoc, a: int) -> bool:
    """True if token a follows 'of'/'for'/'to' (and 'the'): a post's place or body, not a role of its own."""
    toks = doc.tokens
    k = a - 1 if a > 0 and toks[a - 1].text.lower() == "the" else a
    return k > 0 and toks[k - 1].text.lower() in PORTFOLIO


def _plain_nouns(doc: ParsedDoc, a: int, b: int) -> bool:
    """Nothing between, or one lower-case noun ('backbencher', 'frontbencher', 'candidate'), 'MP' or a possessive."""
    toks = doc.tokens
    if a == b:
        return True
    t = toks[a]
    return b - a == 1 and (t.pos == "NOUN" and t.text.islower() or t.text in ("'s", "’s", "MP", "MEP", "MSP", "AM"))
