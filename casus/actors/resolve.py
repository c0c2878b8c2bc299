"""Find and resolve actor mentions in a parsed document: names, metonyms, titles, sector nouns."""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace

from casus.actors import coref
from casus.actors.groups import GroupRules
from casus.actors.named_roles import named_roles
from casus.actors.modifiers import CONTEXT_NOUNS, Mod, ModifierRules
from casus.actors.people import HONORIFICS, POSSESSIVE, TITLE_FILLERS, PersonRules
from casus.actors.records import Draft, Match
from casus.actors.kb import (ADJECTIVE, AGENT, COUNTRY, IDENTITY, NON_STATE, ORGANIZATION, PEOPLE, PERSON, SEAT,
                             TITLE, Entry, KnowledgeBase, fold, make_code)
from casus.model import Actor, ActorMention, ParsedDoc, Token

LOCATIVE = frozenset({"in", "at", "near", "outside", "inside", "around", "across", "throughout", "into",
                      "within", "from", "to", "via", "through", "between", "toward", "towards", "of"})
PROPER = frozenset({PERSON, ORGANIZATION, COUNTRY, SEAT, PEOPLE, ADJECTIVE})
MOVEMENTS = frozenset({"movement", "movements"})  # 'the LetUsSpeak movement', 'the Kifaya movement'
PARTICLES = frozenset({"al", "el"})  # lower-case Arabic articles that begin names: 'al-Qaeda', 'al-Shabab'
PLACES = frozenset({COUNTRY, SEAT, PEOPLE, ADJECTIVE})  # entries whose country former.tsv may date
PRIORITY = {PERSON: 0, ORGANIZATION: 1, COUNTRY: 2, SEAT: 3, PEOPLE: 4, ADJECTIVE: 5, TITLE: 6, AGENT: 7}
DETERMINERS = frozenset({"the", "a", "an"})
# words step() may start a mention at without a KB match or named entity there; every other such token is skipped
STEP_WORDS = DETERMINERS | {"ethnic"} | TITLE_FILLERS


def _priority(e: Entry) -> int:
    return PRIORITY.get(e.category, 9)


def _ranked(found: list[Entry], when) -> list[Entry]:
    """Entries by category priority; among people sharing a name, those in office on the report date first."""
    if when is None or sum(e.category == PERSON for e in found) < 2:
        return sorted(found, key=_priority)
    return sorted(found, key=lambda e: (_priority(e), not e.covers(when)))


class ActorResolver:
    """Resolves actor mentions in a ParsedDoc against a KnowledgeBase."""

    def __init__(self, kb: KnowledgeBase, memory=None):
        self.kb = kb
        self.memory = memory  # casus.actors.memory.ActorMemory: people learnt from earlier documents, or None
        self._when = None  # report date of the document being matched

    def resolve(self, doc: ParsedDoc) -> list[ActorMention]:
        """Actor mentions sorted by start, non-overlapping, with coreference resolved."""
        matches = self._match(doc)
        composer = _Composer(doc, matches)
        drafts = composer.run()
        mentions = named_roles(doc, coref.resolve(doc, drafts, composer.named_countries()))
        if self.memory is not None:  # the one hook of actor memory (casus/actors/memory.py)
            mentions = self.memory.remember(doc, mentions, known=self.knows)
        return mentions

    def knows(self, name: str) -> bool:
        """True if the actor tables have this name (memory never learns what they know)."""
        return bool(self.kb.lookup(" ".join(fold(name).split())))

    def _match(self, doc: ParsedDoc) -> dict[int, Match]:
        toks = doc.tokens
        self._when = doc.article.report_date
        keys = self.kb.words_keys([t.text for t in toks])
        dl = doc.article.dateline
        out: dict[int, Match] = {}
        n, nxt = len(toks), 0
        for i in [k for k, key in enumerate(keys) if key[2] or key[0] == "the"]:  # no alias starts elsewhere
            if i < nxt:
                continue  # inside the last match
            t = toks[i]
            if t.pos == "SPACE" or (dl is not None and dl.start <= t.idx < dl.end):
                continue
            best = self._longest(toks, keys, i) if keys[i][2] else None
            if keys[i][0] == "the" and i + 1 < n and keys[i + 1][2]:
                after = self._longest(toks, keys, i + 1)
                if after is not None and (best is None or after.end > best.end) and after.get(
                        COUNTRY, ORGANIZATION, SEAT):
                    best = Match(i, after.end, after.entries)
            if best is not None:
                out[i] = best
                nxt = best.end
        if self.kb.former and doc.article.report_date is not None:
            self._date_places(doc, out)
        return out

    def _date_places(self, doc: ParsedDoc, out: dict[int, Match]) -> None:
        """'Juba' in 2005 is Sudan's: places whose state changed take the state of the report date."""
        toks, when, text = doc.tokens, doc.article.report_date, doc.article.text
        for mt in out.values():
            a = mt.start + 1 if toks[mt.start].text.lower() == "the" and mt.end > mt.start + 1 else mt.start
            b = mt.end - 1 if mt.end - 1 > a and toks[mt.end - 1].text in POSSESSIVE else mt.end
            then = self.kb.state_then(text[toks[a].idx:toks[b - 1].end], when)
            if then is not None:
                name = self.kb.country_names.get(then, then)
                mt.entries = [replace(e, country=then, name=name) if e.category in PLACES else e for e in mt.entries]

    def _longest(self, toks: list[Token], keys: list[tuple[str, str, bool]], i: int) -> Match | None:
        """The longest KB name starting at token i, within its sentence (keys: KnowledgeBase.word_keys per token)."""
        best, lk, ck, t = None, "", "", toks[i]
        when = self._when
        lookup, continues = self.kb.lookup, self.kb.continues
        for j in range(i, min(len(toks), i + self.kb.max_tokens)):
            tj = toks[j]
            if tj.pos == "SPACE" or tj.sent != t.sent:
                break
            sep = "" if j == i else (" " if toks[j - 1].ws else "")
            lk, ck = lk + sep + keys[j][0], ck + sep + keys[j][1]
            found = lookup(lk, ck)
            if found and t.text[:1].islower() and not (j > i and keys[i][0] in PARTICLES):
                # "male", "chad", "nice": names are written with a capital ('al-Qaeda', 'el-Sisi' excepted)
                found = [e for e in found if e.category not in PROPER]
            if found:
                best = Match(i, j + 1, _ranked(found, when))
            if not continues(lk, ck):
                break
        return best


class _Composer(GroupRules, PersonRules, ModifierRules):
    """Builds mentions sentence by sentence from KB matches, named entities and the parse."""

    def __init__(self, doc: ParsedDoc, matches: dict[int, Match]):
        self.doc, self.toks, self.m = doc, doc.tokens, matches
        self.when = doc.article.report_date
        self.ent_at = {e.start: e for e in doc.entities}
        self.ent_of: dict[int, object] = {}
        for e in doc.entities:
            for k in range(e.start, e.end):
                self.ent_of[k] = e
        self.out: list[Draft] = []
        self.low = [t.text.lower() for t in self.toks]

    # -- pieces -----------------------------------------------------------
    def agents_at(self, p: int) -> tuple[int, list[Entry]]:
        """A chain of sector nouns from p ('government troops', 'opposition lawmakers')."""
        chain, q = [], p
        while q in self.m and self.m[q].get(AGENT) and not self.named_person(q):
            chain.append(self.m[q].get(AGENT))
            q = self.m[q].end
            if chain[-1].kind == IDENTITY:  # 'Ibo traditional elders': plain adjectives after a people's name
                k = q
                while k < len(self.toks) and self.toks[k].pos == "ADJ" and k not in self.m:
                    k += 1
                q = k if k > q and k in self.m and self.m[k].get(AGENT) else q
        return q, chain

    # -- building ----------------------------------------------------------
    def span_head(self, a: int, b: int) -> int:
        heads = [k for k in range(a, b) if not (a <= self.toks[k].head < b) or self.toks[k].head == k]
        return heads[-1] if heads else b - 1

    def actor(self, a: int, b: int, **kw) -> Actor:
        ca, cb = self.toks[a].idx, self.toks[b - 1].end
        return Actor(text=self.doc.article.text[ca:cb], start=ca, end=cb, **kw)

    def emit(self, a: int, b: int, head: int | None = None, **kw) -> Draft:
        needs = kw.pop("needs", None)
        title = kw.pop("title", ())
        sectors = list(dict.fromkeys(kw.pop("sector", [])))
        country = kw.get("country")
        if kw.get("code") is None:
            kw["code"] = make_code(country, sectors)
        d = Draft(a, b, self.span_head(a, b) if head is None else head,
                  self.actor(a, b, sector=sectors, **kw), needs, tuple(title))
        self.out.append(d)
        return d

    def person_attrs(self, person: Entry | None) -> tuple[str | None, tuple[str, ...], str | None]:
        return person.at(self.when) if person is not None else (None, (), None)

    def named_countries(self) -> set[str]:
        """Every state the article names: countries, capitals, demonyms, national bodies and known people."""
        out = set()
        for m in self.m.values():
            e = m.get(PERSON, COUNTRY, SEAT, PEOPLE, ADJECTIVE, ORGANIZATION)
            if e is None or e.category != PERSON and self.in_entity(m):
                continue
            ent = self.ent_of.get(m.start)
            if e.category == PERSON and ent is not None and ent.label == "PERSON" and ent.start < m.start \
                    and not self.same_person(ent.start, m):
                continue  # 'Alex Villanueva' is not the minister the tables know as 'Villanueva'
            country = e.at(self.when)[0] if e.category == PERSON else e.country
            if country and country not in NON_STATE and not self.backer(m.end) and not self.stance(m.start):
                out.add(country)
        return out

    def run(self) -> list[Draft]:
        low = self.low
        # the only tokens a mention can start at: KB matches, rule words, unknown people and organisations
        live = set(self.m) | {k for k, w in enumerate(low) if w in STEP_WORDS} | {
            e.start for e in self.doc.entities if e.label in ("PERSON", "ORG")}
        self.live = sorted(live)
        for s in self.doc.sentences:
            self.sentence(s.start, s.end)
        return self.out

    def sentence(self, lo: int, hi: int) -> None:
        low, m, i = self.low, self.m, lo
        live = self.live
        for k in live[bisect_left(live, lo):bisect_left(live, hi)]:
            if k < i:
                continue
            i, w = k, low[k]
            e = self.ent_at.get(i)
            if i in m and e is not None and e.label == "PERSON" and e.end <= hi and self.party_before_name(i, e.end):
                i = e.end  # 'Tory David Amory': the party, then the name by itself
            elif i in m or w in STEP_WORDS and not (w in DETERMINERS and self.bare_determiner(i, hi)):
                i = self.step(i, hi)
            else:  # what step() concludes where no rule starts: an unknown person or organisation, else nothing
                e = self.ent_at.get(i)
                i = self.entity(e) if e is not None and e.label in ("PERSON", "ORG") and e.end <= hi else i + 1

    def bare_determiner(self, i: int, hi: int) -> bool:
        """'the'/'a'/'an' before a word no rule uses (not a match, modifier, title word or adjective)."""
        k = i + 1
        return k < hi and k not in self.m and self.low[k] not in STEP_WORDS and self.low[k] not in CONTEXT_NOUNS \
            and self.toks[k].pos not in ("ADJ", "PROPN")

    def step(self, i: int, hi: int) -> int:
        """Draft the mention starting at token i, if any; the next token to try.

        sentence() calls this only where a mention can start (STEP_WORDS, bare_determiner): a new rule
        that starts mentions at other words must widen those too.
        """
        start = i
        j = i + 1 if self.low[i] in DETERMINERS and self.mod_at(i) is None else i
        mods: list[Mod] = []
        while j < hi:
            md = self.mod_at(j)
            if md is None or md.end > hi or self.institution_at(j, mods) is not None:
                break
            mods.append(md)
            j = md.end
        if mods and start == i and self.low[i] not in DETERMINERS or mods and mods[0].entry is None:
            start = mods[0].start
        pm = self.m.get(j) if mods else None
        if pm is not None and pm.get(PERSON) and pm.end <= hi:
            ent = self.ent_of.get(mods[-1].start)
            if ent is not None and ent.label == "PERSON" and ent.start <= mods[0].start and ent.end >= pm.end \
                    and mods[-1].entry is not None and mods[-1].entry.category == COUNTRY:
                return self.entity(ent)  # 'Jordan Peterson': a first name that is a country's, not 'Saudi King Salman'
            return self.known_person(start, mods, pm)
        if pm is not None and pm.end <= hi:
            if self.institution_at(j, mods) is not None:
                return self.institution(start, mods, pm)
            if pm.get(PEOPLE) and not pm.get(AGENT, TITLE) and mods[-1].entry is not None:
                return self.ethnic(start, mods, pm)
        if self.coordinated(mods, j, hi):
            return j
        if not mods and self.low[i] == "ethnic" and i + 1 < hi and i + 1 in self.m:
            done = self.ethnic_group(i, self.m[i + 1])
            if done:
                return done
        j = self.skip_adjectives(j, hi) if mods or j > i else j  # "Iraq's interim government", 'the federal government'
        agent_end, chain = self.agents_at(j)
        tend, titles, former = self.titles_at(agent_end)
        if chain and not titles:  # 'Judge Alejandro Rivera': a sector noun that is also a title, before a name
            t2, ti2, f2 = self.titles_at(j)
            if ti2 and t2 < hi and self.name_at(t2)[0] > t2:
                chain, tend, titles, former = [], t2, ti2, f2
        if titles:
            return self.titled(start, mods, chain, tend, titles, former, hi)
        if chain:
            done = self.group(start, mods, chain, agent_end)
            if done:
                return done
        if self.based_body(mods, j, hi):
            e = mods[-1].entry
            self.emit(start, j + 1, name=None, country=e.country, sector=[], kind="group",
                      reason=f"a body based in {e.name}")
            return j + 1
        if mods:
            end = mods[-1].end
            for md in mods:
                end = max(end, self.standalone(md.start, self.m.get(md.start)) or 0)
            return end
        m = self.m.get(i)
        if m is not None and not (m.get(AGENT) and self.named_person(i)):
            return max(m.end, self.standalone(i, m) or 0)
        done = self.movement(i, hi)
        if done:
            return done
        e = self.ent_at.get(i)
        if e is not None and e.label in ("PERSON", "ORG") and e.end <= hi:
            return self.entity(e)
        return i + 1

    def movement(self, i: int, hi: int) -> int | None:
        """'the LetUsSpeak movement': a named movement the KB does not know — civil opposition of the article's state."""
        toks, q = self.toks, i + 1
        if self.low[i] not in DETERMINERS:
            return None
        while q < hi and toks[q].pos in ("PROPN", "ADJ") and toks[q].text[:1].isupper() and q not in self.m:
            q += 1
        if q == i + 1 or q >= hi or self.low[q] not in MOVEMENTS or toks[q].pos != "NOUN":
            return None
        name = self.doc.article.text[toks[i + 1].idx:toks[q].end]
        self.emit(i, q + 1, name=name, country=None, sector=["CVL", "OPP"], kind="organization", needs="sole")
        return q + 1

    def in_entity(self, m: Match, labels=("PERSON", "ORG", "FAC", "WORK_OF_ART", "EVENT", "LAW")) -> bool:
        """True if the match is part of a longer named entity ('Jordan Peterson', 'Bank of Japan')."""
        e = self.ent_of.get(m.start)
        return e is not None and e.label in labels and (e.start < m.start or e.end > m.end) and not (
            e.start < m.start and all(self.toks[k].text.lower() == "the" for k in range(e.start, m.start)))

    def standalone(self, i: int, m: Match | None) -> int | None:
        """A name with nothing around it: country, capital, organisation, known person, demonym.

        Returns the end of what it drafted when that runs past the match (an organisation named after a state).
        """
        if m is None:
            return
        toks = self.toks
        head = self.span_head(m.start, m.end)
        ht = toks[head]
        e = m.get(PERSON, ORGANIZATION, COUNTRY, SEAT, PEOPLE, ADJECTIVE)
        if e is None or e.category in (COUNTRY, SEAT, ADJECTIVE) and self.stance(m.start):
            return  # 'pro-Iranian', 'anti-US': an attitude, not an actor
        end = m.end
        while end > m.start + 1 and toks[end - 1].text in POSSESSIVE:
            end -= 1
        if e.category == PERSON:
            if end - m.start == 1 and self.other_bearer(toks[m.start].text):
                return  # 'Peterson' after 'Jordan Peterson': the person the story named, left to coreference
            c, s, why = e.at(self.when)
            d = self.emit(m.start, end, name=e.name, country=c, sector=list(s), kind="person",
                          reason=f"people table: {why}" if why else None)
            d.extra["out_of_office"] = bool(why) and why.startswith(("former ", "before office"))
            return
        done = self.named_after(m, e)
        if done is not None or self.in_entity(m):
            return done
        if e.category == ORGANIZATION:
            self.emit(m.start, end, name=e.name, country=e.country, sector=list(e.sectors), kind=e.kind, code=e.code)
            return
        gov = toks[ht.head]
        if e.category in (COUNTRY, ADJECTIVE) and self.modifier(m.start, end, e, head):
            return
        if e.category == COUNTRY:
            if ht.dep == "compound" and gov.pos == "NOUN" and head != ht.head:
                return  # 'the North Korea issue': topic, not actor
            self.emit(m.start, end, name=e.name, country=e.country, sector=[], kind="state")
        elif e.category == SEAT:
            if self.dateline_like(m.start, end):
                return
            if ht.dep in ("compound", "amod") or (ht.dep == "pobj" and gov.text.lower() in LOCATIVE
                                                  and gov.text.lower() not in ("with", "to", "from")):
                return  # a place, not a government
            text = self.doc.article.text[toks[m.start].idx:toks[end - 1].end]
            self.emit(m.start, end, name=e.name, country=e.country, sector=["GOV"], kind="state",
                      reason=f"seat of government '{text}' used as actor → {e.country} government")
        elif e.category == PEOPLE:
            where = self.of_region(end)
            if where is not None and where.entry.country != e.country:  # 'Albanians of southern Serbia'
                self.emit(m.start, end, name=None, country=where.entry.country, sector=list(e.sectors), kind="group",
                          reason=f"people of {e.name} origin living in {where.entry.name}")
                return None
            self.emit(m.start, end, name=e.name, country=e.country, sector=list(e.sectors), kind="group",
                      reason="plural demonym: the people of the country")
        elif e.category == ADJECTIVE and ht.pos in ("NOUN", "PROPN") and ht.dep in (
                "nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos"):
            self.emit(m.start, end, name=e.name, country=e.country, sector=[], kind="group",
                      reason="demonym used as a noun")

    def other_bearer(self, surname: str) -> bool:
        """True if the story has already named a person the tables do not know who bears this surname."""
        return any(d.actor.kind == "person" and d.actor.country is None and d.needs is None and not d.title
                   and d.actor.name and d.actor.name.split()[-1] == surname for d in self.out)

    def dateline_like(self, a: int, b: int) -> bool:
        """'TOKYO, January 26.' at the start of a paragraph: the reporter's city, not an actor."""
        toks = self.toks
        first = a == 0 or toks[a - 1].pos == "SPACE" or "\n" in toks[a - 1].ws or toks[a].sent != toks[a - 1].sent
        return first and all(toks[k].text.isupper() for k in range(a, b)) and b < len(toks) and toks[b].text in (",", "(", "-", "—")

    def surnamed(self, e, a: int, end: int, m: Match) -> int:
        """'Ms Hewitt', 'Nikol Pashinyan': a named person ending in a name the people tables know (same_person)."""
        person = m.get(PERSON)
        if not self.same_person(a, m):
            self.emit(a, end, name=self.doc.article.text[self.toks[a].idx:self.toks[end - 1].end], country=None,
                      sector=[], kind="person")
            return e.end
        c, sectors, why = person.at(self.when)
        self.emit(a, end, name=person.name, country=c, sector=list(sectors), kind="person",
                  reason=f"people table: {why}" if why else None)
        return e.end

    def party_before_name(self, a: int, end: int) -> bool:
        """A PERSON entity that opens with a party the KB knows and goes on with a name it does not ('Tory David
        Amory'): drafts the party and the name apart, for `named_roles` to join them."""
        m = self.m[a]
        party = m.get(ORGANIZATION)
        while end > m.end and self.toks[end - 1].text in POSSESSIVE:
            end -= 1
        if party is None or "PTY" not in party.sectors or m.end >= end or any(k in self.m for k in range(m.end, end)):
            return False
        self.emit(a, m.end, name=party.name, country=party.country, sector=list(party.sectors), kind=party.kind,
                  code=party.code)
        name = self.doc.article.text[self.toks[m.end].idx:self.toks[end - 1].end]
        self.emit(m.end, end, name=name, country=None, sector=[], kind="person")
        return True

    def entity(self, e) -> int:
        """A PERSON or ORG the KB does not know: kept, with no country."""
        toks = self.toks
        end = e.end
        while end > e.start + 1 and toks[end - 1].text in POSSESSIVE:
            end -= 1
        a = e.start + 1 if toks[e.start].text.lower() == "the" and end - e.start > 1 else e.start
        inside = [k for k in range(a, end) if k in self.m and not (self.m[k].get(AGENT) and self.named_person(k))]
        if e.label == "PERSON" and inside and inside[-1] > a and self.m[inside[-1]].end == end \
                and self.m[inside[-1]].get(PERSON) and not self.m[inside[-1]].get(TITLE, AGENT):
            return self.surnamed(e, a, end, self.m[inside[-1]])
        if inside:
            return a if a > e.start else e.start + 1
        name = self.doc.article.text[toks[a].idx:toks[end - 1].end]
        # 'Mr Cable', 'Lord Butler': a name after an honorific is a person, whatever the NER called it
        titled = a > 0 and toks[a - 1].text.lower().rstrip(".") in HONORIFICS and toks[a - 1].text[:1].isupper()
        kind = "person" if e.label == "PERSON" or titled else "organization"
        self.emit(a, end, name=name, country=None, sector=[], kind=kind)
        return e.end
