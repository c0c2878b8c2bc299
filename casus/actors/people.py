"""Titled and named persons: 'Russian President Vladimir Putin', 'the country's Prime Minister Shinzo Abe'."""
from __future__ import annotations

from casus.actors.kb import PERSON, TITLE, Entry, fold
from casus.actors.modifiers import Mod
from casus.actors.records import Match


POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "madam", "mister", "lord", "lady"})
NOT_NAMES = frozenset({"EVENT", "LAW", "WORK_OF_ART", "FAC", "GPE", "LOC", "NORP", "DATE", "TIME", "MONEY",
                       "PRODUCT", "LANGUAGE", "CARDINAL", "ORDINAL", "PERCENT", "QUANTITY"})
NOT_NAME_WORDS = frozenset({"election", "elections", "assembly", "staff", "council", "committee", "court", "office",
                            "strike", "secretariat", "headquarters", "command"})  # 'the General Election'
ABROAD = frozenset({"ambassador", "envoy", "special envoy"})  # titles usually held by foreigners
FORMER = frozenset({"former", "ex", "ousted", "deposed", "exiled", "toppled", "overthrown"})
TITLE_FILLERS = frozenset({"deputy", "acting", "interim", "senior", "top", "then", "-", "chief", "new", "junior",
                           "outgoing", "incoming", "first", "vice", "assistant", "under", "self", "elected",
                           "longtime", "veteran", "embattled", "military", "civilian", "shadow"}) | FORMER


class PersonRules:
    """Mixin of the mention composer: titles, personal names, and people-table names with modifiers."""

    def titles_at(self, p: int) -> tuple[int, list[Entry], bool]:
        """Title words from p ('Prime Minister', 'former Defence Minister'): end, titles, former?"""
        toks, titles, former, q = self.toks, [], False, p
        while q < len(toks):
            m = self.m.get(q)
            e = m.get(TITLE) if m is not None else None
            if e is not None:
                titles.append(e)
                q = m.end
                continue
            low = toks[q].text.lower()
            if low in TITLE_FILLERS and titles == [] and q + 1 < len(toks):
                nxt = self.m.get(q + 1)
                if nxt is not None and nxt.get(TITLE) or toks[q + 1].text.lower() in TITLE_FILLERS:
                    former = former or low in FORMER
                    q += 1
                    continue
            if low == "and" and titles and self.m.get(q + 1) is not None and self.m[q + 1].get(TITLE):
                q += 1
                continue
            break
        return (q, titles, former) if titles else (p, [], False)

    def name_at(self, p: int) -> tuple[int, Entry | None]:
        """A personal name starting at p: a PERSON entity, a known person, or a run of proper nouns."""
        toks = self.toks
        if p >= len(toks):
            return p, None
        m = self.m.get(p)
        ent = self.ent_at.get(p)
        if m is not None and m.get(PERSON) and not (ent is not None and ent.label == "PERSON" and ent.end > m.end):
            return m.end, m.get(PERSON)  # (in 'Haider al-Abadi' the name runs past the surname 'Haider')
        e = self.ent_of.get(p)
        if e is not None and e.label in NOT_NAMES:
            return p, None  # 'the General Election': a title word inside an event's name
        e = self.ent_at.get(p)
        end = p
        if e is not None and e.label == "PERSON":
            end = e.end
        else:
            while end < len(toks) and toks[end].pos == "PROPN" and toks[end].text[:1].isupper() and (
                    end not in self.m or end > p and self.m[end].get(PERSON) and not self.m[end].get(TITLE)):
                end += 1
                if end < len(toks) and toks[end].text == "-" and not toks[end - 1].ws and end + 1 < len(toks):
                    end += 1
            if end > p and toks[end - 1].text == "-":
                end -= 1
        while end > p and toks[end - 1].text in POSSESSIVE:
            end -= 1
        if end == p or end == p + 1 and toks[p].text.lower() in NOT_NAME_WORDS and (e is None or e.label != "PERSON"):
            return p, None
        inner = self.m.get(p)
        person = None
        for k in range(p, end):
            mk = self.m.get(k)
            if mk is not None and mk.end <= end and mk.get(PERSON) and self.same_person(p, mk):
                person = mk.get(PERSON)
        return end, person if person is not None else inner.get(PERSON) if inner else None

    def same_person(self, a: int, m: Match) -> bool:
        """Is the name from token a, ending in a name the tables know, that person ('Ms Hewitt', 'Nikol Pashinyan')?

        The words before the known name must be an honorific or the table's own names for the person, or the
        tables know the person by surname alone (REIGN): 'John Hewitt' is not 'Patricia Hewitt'.
        """
        person = m.get(PERSON)
        before = {fold(self.toks[k].text).rstrip(".") for k in range(a, m.start)} - {"-"}
        known = set(fold(person.name).replace("-", " ").split())
        return before <= HONORIFICS or before <= known or len(known) == 1

    def titled(self, start, mods, chain, tend, titles, former, hi) -> int:
        """'Russian President Vladimir Putin', 'the country's Prime Minister Shinzo Abe', 'the president'."""
        toks = self.toks
        country, sectors, kind, needs_ctx = self.from_mods(mods)
        tsec = [s for t in titles for s in t.sectors]
        if kind in ("igo", "organization", "group") and set(tsec) <= {"GOV"}:
            # 'Arab League Secretary General' leads the body: IGO GOV; not for bodies with their own sector (NATO)
            tsec = tsec if kind == "igo" and set(sectors) <= {"IGO"} else []
        if chain:
            tsec = list(chain[-1].sectors) + [s for s in tsec if s not in chain[-1].sectors and s != "GOV"]
        sectors = sectors + [s for s in tsec if s not in sectors]
        if former:
            sectors = ["ELI"] + [s for s in sectors if s != "GOV"]
        if any(self.toks[k].text.lower() == "shadow" for k in range(start, tend)):
            sectors = ["OPP"]  # 'the Shadow Home Secretary': an opposition spokesman, no office
        nend, person = self.name_at(tend) if tend < hi else (tend, None)
        nstart = tend
        if nend == tend and tend + 1 < hi and toks[tend].text == ",":  # 'the Shadow Home Secretary, Theresa May,'
            n2, p2 = self.name_at(tend + 1)
            if n2 > tend + 1 and toks[self.span_head(tend + 1, n2)].dep == "appos":
                nend, person, nstart = n2, p2, tend + 1
        reasons = []
        if nend > tend:
            name = self.doc.article.text[toks[nstart].idx:toks[nend - 1].end]
            if person is not None:
                pc, ps, why = self.person_attrs(person)
                name = person.name
                if country is None and not needs_ctx:
                    # the office written in the text ('President Mitterrand') outranks the end of that office's
                    # spell by the report date (often only the date a story was filed); 'former' already made ELI
                    same_office = ps == ("ELI",) and why and any(f"former {t.name} " in why for t in titles)
                    country, sectors = pc, (sectors if same_office or ps != ("ELI",) else list(ps)) or list(ps)
                    reasons.append(f"people table: {why}" if why else "people table")
            needs = "country" if needs_ctx else None
            if country is None and not needs_ctx and not {t.name for t in titles} & ABROAD:
                needs = "sole"  # 'President Askar Akayev ... Kyrgyzstan': the one country the article names
            self.emit(start, nend, head=self.span_head(nstart, nend), name=name, country=country, sector=sectors,
                      kind="person", code=self.body_code(mods, country, sectors), reason="; ".join(reasons) or None,
                      needs=needs, title=tuple(t.name for t in titles))
            return nend
        last = toks[tend - 1]
        if last.dep in ("compound", "amod") and not (start <= last.head < tend):
            return tend  # 'presidential'/'president' used as a modifier of something else
        post = self.of_country(tend)
        end = tend
        if post is not None and country is None and not needs_ctx:
            country, extra, kind, _ = self.from_mods([post])
            sectors = sectors + [s for s in extra if s not in sectors]
            end = post.end
        if country is None and not needs_ctx:
            needs = None if toks[start].text.lower() in ("a", "an") else "antecedent"
        else:
            needs = "country" if needs_ctx else None
        self.emit(start, end, head=tend - 1, name=None, country=country, sector=sectors, kind="person",
                  code=self.body_code(mods, country, sectors),
                  needs=needs, title=tuple(t.name for t in titles))
        return end

    def known_person(self, start: int, mods: list[Mod], pm: Match) -> int:
        """'Saudi King Salman', "Jordan's King Abdullah": a table name with a country modifier."""
        country, sectors, kind, needs_ctx = self.from_mods(mods)
        person = pm.get(PERSON)
        pc, ps, why = person.at(self.when)
        same = country is None or country == pc
        name = person.name if same else self.doc.article.text[self.toks[pm.start].idx:self.toks[pm.end - 1].end]
        self.emit(start, pm.end, head=self.span_head(pm.start, pm.end), name=name, country=country or pc,
                  sector=list(ps) if same else ["GOV"], kind="person",
                  code=self.body_code(mods, country or pc, list(ps) if same else ["GOV"]),
                  reason=(f"people table: {why}" if why else None) if same else None,
                  needs="country" if needs_ctx else None)
        return pm.end
