"""Within-article coreference for actors: pronouns, surnames, "the country's", "the president", "the two sides"."""
from __future__ import annotations

import re
from dataclasses import replace

from casus.actors import speakers
from casus.actors.kb import NON_STATE, REGIONS, make_code
from casus.actors.records import Draft
from casus.model import Actor, ActorMention, ParsedDoc, Token


PERSONAL = frozenset({"he", "him", "his", "she", "her", "hers", "himself", "herself"})
NEUTER = frozenset({"it", "its", "itself"})
PLURAL = frozenset({"they", "them", "their", "theirs", "themselves"})
SUBJECT = frozenset({"nsubj", "nsubjpass"})
PAIRS = (("the", "two", "sides"), ("both", "sides"), ("the", "two", "countries"), ("both", "countries"),
         ("the", "two", "nations"), ("both", "nations"), ("the", "two", "states"), ("both", "states"),
         ("the", "two", "governments"), ("both", "governments"), ("the", "two", "neighbours"),
         ("the", "two", "neighbors"))
_TITLE_SAME = {"pm": "prime minister", "premier": "prime minister", "vice-president": "vice president",
               "defense minister": "defence minister", "defense secretary": "defence minister",
               "defence secretary": "defence minister", "foreign secretary": "foreign minister",
               "secretary of state": "foreign minister", "spokeswoman": "spokesman", "spokesperson": "spokesman"}
PLACES = frozenset({"village", "town", "city", "region", "area", "camp", "island", "province", "district", "enclave",
                    "territory", "neighbourhood", "neighborhood", "settlement", "suburb", "valley", "port", "capital"})
SENTENCE_WINDOW = 2
# text that could hold one of PAIRS: articles without it skip the token scan
_PAIR_TEXT = re.compile("(?:" + "|".join(sorted({r"\s*".join(p[:-1]) for p in PAIRS})) + r")\s*(?:"
                        + "|".join(sorted({p[-1] for p in PAIRS})) + ")", re.IGNORECASE)
ARMED = frozenset({"MIL", "COP"})
LEADING = frozenset({"head", "leader", "chief", "commander", "director", "chairman", "chairwoman", "chair",
                     "founder", "spokesman", "spokeswoman", "spokesperson", "member", "deputy", "envoy",
                     "representative", "official", "officer"})  # "X, head of Y": X acts for Y
SOLE_STATE = "is the only country the article names"  # the end of the reason of a country guessed so
IRREGULAR = frozenset({"REB", "UAF", "CRM"})
NATIONAL = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "OPP"})  # sectors a definite noun takes from the state
HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "sir", "lady", "dame", "lord"})
FEMALE = frozenset({"mrs", "mrs.", "ms", "ms.", "miss", "lady", "dame", "queen", "spokeswoman", "congresswoman",
                    "chairwoman", "princess", "empress"})
MALE = frozenset({"mr", "mr.", "sir", "lord", "king", "spokesman", "congressman", "chairman", "prince", "emperor"})  # 'it' / 'they' look back this many sentences at most


def resolve(doc: ParsedDoc, drafts: list[Draft], named: set[str] = frozenset()) -> list[ActorMention]:
    """Fill drafts that need context, add pronoun and 'the two sides' mentions; sorted, non-overlapping.

    `named` holds every state the article names; a titled stranger takes the country when it is the only one.
    """
    pairs = _pairs(doc)
    in_pair = {k for d in pairs for k in range(d.start, d.end)}
    if in_pair:
        drafts = [d for d in drafts if not any(k in in_pair for k in range(d.start, d.end))]
    taken = {k for d in drafts for k in range(d.start, d.end)} | in_pair
    items = list(drafts) + _pronouns(doc, taken) + pairs
    items.sort(key=lambda d: (d.start, -(d.end - d.start)))
    seen: list[Draft] = []
    names: dict[str, str] = {}
    armed = {d.actor.country for d in drafts if d.actor.country and set(d.actor.sector) & ARMED}
    for d in items:
        if d.actor.kind == "state" and d.actor.country and d.actor.name and d.actor.country not in names:
            names[d.actor.country] = d.actor.name
        if d.needs == "sole":
            _sole(d, named, names, armed)
        else:
            _fill(doc, d, seen, names)
        seen.append(d)
    _title_of_body(doc, seen)
    _appositions(doc, seen)
    seen += speakers.first_person(doc, [d for d in seen if not d.extra.get("drop")])
    out, last_end = [], -1
    for d in sorted(seen, key=lambda d: (d.start, -(d.end - d.start))):
        if d.start < last_end:
            continue
        if d.extra.get("drop"):
            continue
        out.append(ActorMention(d.start, d.end, d.head, d.actor))
        last_end = d.end
    return out


def _fill(doc: ParsedDoc, d: Draft, seen: list[Draft], names: dict[str, str]) -> None:
    kind = d.extra.get("pronoun") or d.extra.get("pair") or d.needs
    a = d.actor
    if d.extra.get("pair"):
        states = _last_states(doc, seen, 2)
        if len(states) < 2:
            d.extra["drop"] = True
            return
        label = "; ".join(names.get(c, c) for c in reversed(states))
        d.actor = replace(a, name=label, code=None, country=None, sector=[], kind="group",
                          reason=f"coref: '{a.text}' → {label}")
        return
    if kind in ("personal", "neuter", "plural"):
        ante = _antecedent(doc, d, seen, kind)
        if ante is None:
            d.extra["drop"] = True
            return
        _copy(d, ante, f"coref: '{a.text}' → {ante.actor.name or ante.actor.text}")
        if kind == "personal":
            ante.extra.setdefault("gender", _gender(d))
        return
    if kind == "country":
        c = _salient_state(doc, d, seen)
        if c is None:
            return
        d.actor = replace(a, country=c, code=make_code(c, a.sector),
                          reason=f"coref: '{a.text}' → country {names.get(c, c)}")
        return
    if kind == "antecedent":
        ante = next((p for p in reversed(seen) if p.actor.kind == "person" and p.actor.code and p.actor.name
                     and ({_TITLE_SAME.get(t, t) for t in p.title} & {_TITLE_SAME.get(t, t) for t in d.title})), None)
        if ante is not None:
            _copy(d, ante, f"coref: '{a.text}' → {ante.actor.name}")
            return
        c = _salient_state(doc, d, seen)
        if c is not None:
            d.actor = replace(a, country=c, code=make_code(c, a.sector),
                              reason=f"coref: '{a.text}' → country {names.get(c, c)}")
        return
    last = seen[-1] if seen and a.country is None else None  # sorted by start: 'its' comes right before 'navy'
    owner = last if last is not None and last.end == d.start and last.extra.get("pronoun") and doc.tokens[
        last.start].dep == "poss" and _is_state(last.actor) else None
    if owner is not None and a.sector and not a.name:  # 'its navy', 'their government'
        c = owner.actor.country
        d.actor = replace(a, country=c, code=make_code(c, a.sector),
                          reason=f"coref: '{owner.actor.text} {a.text}' → {names.get(c, c)}")
    elif a.kind == "person" and a.name and not d.title:
        _surname(d, seen)
    elif d.title and a.country is None and a.kind in ("state", "group") and doc.tokens[d.start].text.lower() == "the" \
            and set(a.sector) & NATIONAL:  # 'the government' is the state's; 'the company' is one company
        c = _salient_state(doc, d, seen)
        if c is not None:
            d.actor = replace(a, country=c, code=make_code(c, a.sector),
                              reason=f"coref: '{a.text}' → country {names.get(c, c)}")


def _title_of_body(doc: ParsedDoc, drafts: list[Draft]) -> None:
    """'Vice President of the Italian Chamber of Deputies', 'the spokesperson for the German government': a bare
    title takes the country of the body it heads or speaks for; so does a title a coded body or person owns, with
    or without the name after it ('the ministry's spokesman, Ahmed Karim', "Chancellor Merkel's spokesperson")."""
    at = {k: d for d in drafts if not d.extra.get("drop") for k in range(d.start, d.end)}
    for d in drafts:
        a = d.actor
        if a.kind != "person" or a.country and not _guessed(a) or not d.title:
            continue
        body, how = _owner(doc, d, at), "owned by"
        if body is None and not a.name:
            of = next((c for c in doc.children(d.head) if c.dep == "prep" and c.text.lower() in ("of", "for")), None)
            pobj = next((c for c in doc.children(of.i) if c.dep == "pobj"), None) if of is not None else None
            body, how = at.get(pobj.i) if pobj is not None else None, "of"
            if body is not None and body.actor.kind == "person":
                body = None
        if body is None or body is d or not _is_state(body.actor):
            continue
        sectors = list(body.actor.sector) if set(a.sector) <= {"GOV"} and body.actor.sector else list(a.sector)
        c = body.actor.country
        d.actor = replace(a, country=c, sector=sectors, code=make_code(c, sectors),
                          reason=f"'{a.text}' {how} {body.actor.text}")
        d.needs = None
        d.extra["body"] = body.actor.text  # the code came from a body its own phrase names


def _guessed(a: Actor) -> bool:
    """True if the actor's code came from coreference alone (the salient state, an earlier bearer of the title):
    the body its own phrase names says more."""
    return bool(a.reason) and a.reason.startswith("coref: ")


def _owner(doc: ParsedDoc, d: Draft, at: dict) -> Draft | None:
    """The coded body or person whose possessive owns the title of a titled mention ('the ministry's spokesman')."""
    for k in range(d.start, d.end):
        for c in doc.children(k):
            if c.dep == "poss" and not d.start <= c.i < d.end and c.i in at and at[c.i] is not d:
                return at[c.i]
    return None


def _appositions(doc: ParsedDoc, drafts: list[Draft]) -> None:
    """'Ranil Wickremesinghe, the former Prime Minister of Sri Lanka, said': the name takes its appositive's codes."""
    at = {k: d for d in drafts if not d.extra.get("drop") for k in range(d.start, d.end)}
    for d in drafts:
        a = d.actor
        unknown = a.kind == "organization" and not a.code and not a.country  # a name the tagger took for a body
        if a.kind != "person" and not unknown or a.country and not d.extra.get("out_of_office") \
                or d.extra.get("pronoun") or not a.name:
            continue  # (a person the tables know out of office on the date takes what the text says he is now)
        for c in doc.children(d.head):
            other = at.get(c.i) if c.dep == "appos" else None
            if unknown and (other is None or other.actor.kind != "person" or not other.extra.get("body")):
                continue  # 'X, a spokesperson for the police': only a title coded from the body it names
            if other is not None and other is not d and other.actor.country and other.actor.kind != "state":
                _copy(d, other, f"apposition: '{a.text}' is {other.actor.text}")
                d.actor = replace(d.actor, name=a.name)
                break
            led = _body_led(doc, c, at) if c.dep == "appos" and c.lemma.lower() in LEADING else None
            if led is not None and led[0] is not d:  # "Qasem Soleimani, head of Iran's Quds Force"
                b = led[0].actor
                d.actor = replace(a, country=b.country, sector=list(b.sector),
                                  code=b.code or make_code(b.country, b.sector),
                                  reason=f"apposition: '{a.text}' is {c.text} {led[1]} {b.text}")
                break


def _body_led(doc: ParsedDoc, noun: Token, at: dict) -> tuple[Draft, str] | None:
    """The organisation or state after 'of'/'for' in 'head of X', 'a spokesman for X', if the KB knows it."""
    for p in doc.children(noun.i):
        if p.dep == "prep" and p.text.lower() in ("of", "for"):
            pobj = next((g for g in doc.children(p.i) if g.dep == "pobj"), None)
            body = at.get(pobj.i) if pobj is not None else None
            if body is not None and body.actor.country and body.actor.kind != "person":
                return body, p.text.lower()
    return None


def _sole(d: Draft, named: set[str], names: dict[str, str], armed: set[str] = frozenset()) -> None:
    """A titled person or ethnic group without a country takes its home state, else the only state the article names."""
    a = d.actor
    home = d.extra.get("home")
    lived = [s for s in (home, *d.extra.get("also", ())) if s in named]
    if home and len(lived) == 1 and lived[0] != home:  # 'Shona rebels' in an article on Mozambique
        d.actor = replace(a, country=lived[0], code=make_code(lived[0], a.sector),
                          reason=f"'{a.text}': a people living in {names.get(lived[0], lived[0])}, the state the article names")
        return
    if home:
        d.actor = replace(a, country=home, code=make_code(home, a.sector),
                          reason=f"'{a.text}': a people whose home state is {names.get(home, home)}")
        return
    others = named - {d.extra.get("not")}
    if len(others) != 1:
        return
    (c,) = others
    if c in armed and (set(a.sector) & IRREGULAR or set(a.sector) <= {"CVL", "RAD"}) and "home" in d.extra:
        return  # 'Israeli troops killed three militants / civilians': they need not be Israel's
    what = "title without nationality" if a.kind == "person" else "no country of its own"
    d.actor = replace(a, country=c, code=make_code(c, a.sector),
                      reason=f"{what}: {names.get(c, c)} {SOLE_STATE}")


def _copy(d: Draft, ante: Draft, reason: str) -> None:
    b = ante.actor
    d.actor = replace(d.actor, name=b.name, code=b.code, country=b.country, sector=list(b.sector),
                      kind=b.kind, reason=reason)
    d.title = ante.title


def _surname(d: Draft, seen: list[Draft]) -> None:
    """'Abe' after 'Shinzo Abe': the later, shorter name takes the earlier person's codes."""
    words = d.actor.text.split()
    if len(words) > 1 and words[0].lower() in HONORIFICS:
        words = words[1:]  # 'Ms Hewitt' after 'Patricia Hewitt'
    for p in reversed(seen):
        b = p.actor
        if b.kind != "person" or not b.name:
            continue
        full = b.name.split()
        if len(words) < len(full) and full[-len(words):] == words and b.code:
            _copy(d, p, f"coref: '{d.actor.text}' → {b.name}")
            return


def _is_state(a: Actor) -> bool:
    return bool(a.country) and a.country not in NON_STATE


def _last_states(doc: ParsedDoc, seen: list[Draft], n: int) -> list[str]:
    out: list[str] = []
    for p in reversed(seen):
        if _is_state(p.actor) and p.actor.country not in out:
            out.append(p.actor.country)
            if len(out) == n:
                break
    return out


def _salient_state(doc: ParsedDoc, d: Draft, seen: list[Draft]) -> str | None:
    """The state a definite description points at: this sentence's subject, else the last subject, else the last state."""
    toks = doc.tokens
    here = toks[d.start].sent
    states = [p for p in seen if _is_state(p.actor) and p.start < d.start and not p.extra.get("drop")]
    if not states:
        return None
    by_sent: dict[int, list[Draft]] = {}
    for p in states:
        by_sent.setdefault(toks[p.start].sent, []).append(p)
    for s in sorted(by_sent, reverse=True):
        subj = [p for p in by_sent[s] if toks[p.head].dep in SUBJECT]
        if subj:
            return subj[0].actor.country if s == here else subj[-1].actor.country
        if s == here:
            continue
        break
    return states[-1].actor.country


def _antecedent(doc: ParsedDoc, d: Draft, seen: list[Draft], kind: str) -> Draft | None:
    toks = doc.tokens
    here = toks[d.start].sent
    fallback = None  # nearest person of unknown gender; one of the pronoun's gender nearby wins over it
    for p in reversed(seen):
        if p.extra.get("drop") or p.start >= d.start:
            continue
        a = p.actor
        if kind == "personal":
            if fallback is not None and here - toks[p.start].sent > 1:
                return fallback
            if a.kind == "person" and (a.name or a.code):
                g = _gender(p)
                if g is not None and g == _gender(d):
                    return p
                if g is None and fallback is None:
                    fallback = p
            continue
        if here - toks[p.start].sent > SENTENCE_WINDOW:
            return fallback
        if kind == "neuter" and a.kind in ("state", "organization", "igo") and a.code and a.country not in REGIONS:
            return None if _place_between(doc, p.end, d.start) else p
        if kind == "plural" and a.code and (toks[p.head].tag in ("NNS", "NNPS") or a.kind == "group"):
            return p
    return fallback


def _gender(d: Draft) -> str | None:
    """'f' or 'm' from a pronoun, an honorific or a gendered title; None when the text does not tell."""
    low = d.actor.text.lower()
    if low in ("she", "her", "hers", "herself"):
        return "f"
    if low in ("he", "him", "his", "himself"):
        return "m"
    words = set(low.split()) | set(d.title)
    return "f" if words & FEMALE else "m" if words & MALE else d.extra.get("gender")


def _place_between(doc: ParsedDoc, a: int, b: int) -> bool:
    """A place noun nearer than the actor ('Israel razed the village and its former inhabitants fled'): 'its' is the place's."""
    return any(t.tag == "NN" and t.lemma.lower() in PLACES and t.dep in ("dobj", "nsubj", "nsubjpass", "pobj", "conj")
               for t in doc.tokens[a:b])


def _pronouns(doc: ParsedDoc, taken: set[int]) -> list[Draft]:

    out = []
    for t in doc.tokens:
        if t.pos != "PRON" or t.i in taken:
            continue
        low = t.text.lower()
        if low in PERSONAL:
            kind = "personal"
        elif low in NEUTER and t.dep in ("nsubj", "nsubjpass", "poss") and not _expletive(doc, t):
            kind = "neuter"
        elif low in PLURAL:
            kind = "plural"
        else:
            continue
        a = Actor(text=t.text, start=t.idx, end=t.end)
        out.append(Draft(t.i, t.i + 1, t.i, a, extra={"pronoun": kind}))
    return out


def _expletive(doc: ParsedDoc, t: Token) -> bool:
    """'It is unclear whether…', 'it seems that…': 'it' stands for no one."""
    if t.text.lower() != "it" or t.dep != "nsubj":
        return False
    head = doc.tokens[t.head]
    kids = doc.children(head.i)
    if head.lemma in ("be", "seem", "appear", "remain", "become") and any(
            k.dep in ("acomp", "attr") and k.pos == "ADJ" for k in kids):
        return True
    return any(k.dep in ("ccomp", "csubj") and k.i > head.i for k in kids) and head.lemma in ("be", "seem", "appear")


def _pairs(doc: ParsedDoc) -> list[Draft]:
    """'the two sides', 'both countries': a reciprocal group of the last two states."""

    toks, out = doc.tokens, []
    if not _PAIR_TEXT.search(doc.article.text):
        return out
    low = [t.text.lower() for t in toks]
    firsts = {p[0] for p in PAIRS}
    for i in range(len(toks)):
        if low[i] not in firsts:
            continue
        for pat in PAIRS:
            j = i + len(pat)
            if tuple(low[i:j]) == pat:
                ca, cb = toks[i].idx, toks[j - 1].end
                a = Actor(text=doc.article.text[ca:cb], start=ca, end=cb)
                out.append(Draft(i, j, j - 1, a, extra={"pair": True}))
    return out
