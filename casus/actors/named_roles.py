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
      "US Ambassador to Germany Richard Pell"): the title's code;
    - a party named before the name, with at most a plain noun between ("Tory David Amory", "Labour backbencher
      Jane Oddie"): the party's country, sector PTY.
    """
    out = list(actors)
    for k, m in enumerate(out):
        a = m.actor
        if a.kind != "person" or a.country or not a.name:
            continue
        role = next((p for p in reversed(out[:k]) if p.end <= m.start), None)
        while role is not None and role.start > m.start - MAX_GAP and _portfolio(doc, role.end, m.start) and not (
                role.actor.kind == "person" and not role.actor.name):  # 'Germany' in 'Ambassador to Germany X'
            role = next((p for p in reversed(out[:k]) if p.end <= role.start), None)
        r = role.actor if role is not None else None
        if r is None or not r.country or r.country in NON_STATE:
            continue
        if r.kind == "person" and not r.name and _portfolio(doc, role.end, m.start):
            why = f"named after the title '{r.text}'"
            out[k] = replace(m, actor=replace(a, country=r.country, sector=list(r.sector), code=r.code, reason=why))
        elif "PTY" in r.sector and r.kind in ("group", "organization") and _plain_nouns(doc, role.end, m.start):
            sectors = ["PTY"] + [s for s in a.sector if s != "PTY"]
            out[k] = replace(m, actor=replace(a, country=r.country, sector=sectors, code=make_code(r.country, sectors),
                                              reason=f"named after the party '{r.text}'"))
    return out


def _portfolio(doc: ParsedDoc, a: int, b: int) -> bool:
    """Nothing between, or 'of'/'for'/'to' and capitalised words ('of Energy', 'to the United Nations')."""
    toks = doc.tokens
    if a == b:
        return True
    if b - a > MAX_GAP or toks[a].text.lower() not in PORTFOLIO or toks[a].sent != toks[b].sent:
        return False
    rest = [t for t in toks[a + 1:b] if t.text.lower() != "the"]
    return bool(rest) and all(t.text[:1].isupper() and t.pos in ("PROPN", "NOUN", "ADJ") for t in rest)


def _plain_nouns(doc: ParsedDoc, a: int, b: int) -> bool:
    """Nothing between, or one lower-case noun ('backbencher', 'frontbencher', 'candidate') or 'MP'."""
    toks = doc.tokens
    if a == b:
        return True
    t = toks[a]
    return b - a == 1 and (t.pos == "NOUN" and t.text.islower() or t.text in ("MP", "MEP", "MSP", "AM"))
