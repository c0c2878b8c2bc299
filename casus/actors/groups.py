"""Groups named by sector nouns: 'Iraqi troops', 'Shiite militias', 'rebels in Darfur', "Bouteflika's government"."""
from __future__ import annotations

from casus.actors.kb import AGENT, IDENTITY, NON_STATE, PERSON, RELIGIONS
from casus.actors.people import POSSESSIVE
from casus.actors.records import Draft


GOVERNING = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
LOCAL = frozenset({"REB", "RAD", "UAF", "OPP", "CVL", "EDU", "LAB"})  # 'rebels in Syria' are Syria's
PLACED = LOCAL | {"COP", "JUD", "LEG"}  # 'police in Cairo' are Egypt's; 'troops in Iraq' need not be
TRANSNATIONAL = frozenset({"NGO", "IGO"})  # sectors that are also a country code when nothing else gives one
# sector nouns that do not take the article's one state: its government, army and spies (often foreign ones;
# coref finds 'the government'), experts and reporters (often foreign), firms ('the company' is one firm, of
# any state), transnational bodies. Police, courts and legislatures are the state's own.
NOT_LOCAL = {"GOV", "MIL", "SPY", "ELI", "MED", "BUS"} | TRANSNATIONAL
LEADERS = frozenset({"leader"})  # 'Yoruba leaders', 'Shiite leaders': a people's elite, not a government
BACKED = frozenset({"backed", "sponsored", "supported", "funded", "armed", "trained", "allied", "aligned", "controlled"})


class GroupRules:
    """Mixin of the mention composer: a chain of sector nouns and where its country comes from."""

    def group(self, start, mods, chain, end) -> int | None:
        """'Iraqi troops', 'the government', 'troops of Iraq', 'the Russian side'."""
        toks = self.toks
        last = toks[end - 1]
        if last.pos not in ("NOUN", "PROPN", "PRON", "X"):
            return None
        if last.dep in ("compound", "amod", "nmod") and not (start <= last.head < end) and toks[last.head].pos in ("NOUN", "PROPN"):
            return None  # 'police station', 'army base'
        head = chain[-1]
        if head.name == "state" and self.condition_after(end):
            return None  # 'a state of emergency': a condition, not an actor
        country, sectors, kind, needs_ctx = self.from_mods(mods)
        identity = next((e for e in chain if e.kind == IDENTITY), None)  # 'Kurds', 'Shiite militias'
        sec = list(head.sectors) + [s for e in chain[:-1] for s in e.sectors if s != "GOV" and s not in head.sectors
                                    and not (e.kind == IDENTITY and s == "CVL")]
        community = identity is not None and head.name in LEADERS
        if community:
            sec = ["ELI"] + [s for s in sec if s in RELIGIONS]
        if kind in ("igo", "organization", "group") and country:
            sec = [s for s in sec if s != "GOV"]
        post = None
        owner = self.owner(start, end) if country is None and not needs_ctx and set(sec) <= GOVERNING else None
        if owner is not None:  # "President Bouteflika's government", 'the Trump administration'
            country, reason = owner.actor.country, f"government of {owner.actor.name or owner.actor.text}"
        if country is None and not needs_ctx:
            post = self.of_country(end)
            if post is not None:
                country, extra, kind, _ = self.from_mods([post])
                sectors = extra
                end = post.end
                if kind in ("organization", "group") or kind == "igo" and not set(extra) <= {"IGO"}:
                    sec = [s for s in sec if s != "GOV"]  # 'leaders of the Kifaya movement' lead it, not a state
            elif set(sec) & PLACED or identity is not None or self.based_after(end):
                where = self.in_country(end)
                country = where.entry.country if where is not None else None
            if country is None and post is None and set(sec) & TRANSNATIONAL and not identity:
                country = next(s for s in sec if s in TRANSNATIONAL)  # 'a human rights group' → NGO
        sectors = sectors + [s for s in sec if s not in sectors]
        if country and country not in NON_STATE and "IGO" in sectors and len(sectors) > 1:
            sectors = [s for s in sectors if s != "IGO"]  # 'Nigerian peacekeepers' are Nigeria's troops
        if kind in (None, "state"):
            kind = "person" if head.kind == "person" else ("state" if country and set(sectors) <= GOVERNING else "group")
        definite = toks[start].text.lower() == "the"
        needs = "country" if needs_ctx else None
        if identity is not None and country is None and not needs_ctx and (community or not set(head.sectors) & GOVERNING):
            needs = "sole"  # a people lives somewhere: its home state, else the one state the article names
            # ('Tibetan government-in-exile', 'Arab states', 'Kurdish leaders': no state from a people's name)
        elif country is None and not needs_ctx and sectors and kind != "person" and not set(sectors) & NOT_LOCAL \
                and not self.part_of_name(start, end) and toks[self.span_head(start, end)].dep != "attr":
            needs = "sole"  # 'rebels', 'workers', 'students' with no country: the one state the article names
        d = self.emit(start, end, head=self.span_head(start, end), name=None, country=country, sector=sectors,
                      kind=kind, needs=needs, code=self.body_code(mods, country, sectors), title=(head.name,) if definite and country is None and not needs else (),
                      reason=reason if owner is not None else None)
        if needs == "sole":
            d.extra["home"] = identity.country if identity is not None else None
            d.extra["also"] = identity.also if identity is not None else ()
        return end

    def based_after(self, p: int) -> bool:
        """'a newspaper based in Beirut': any body is from where it is based."""
        return p < len(self.toks) and self.toks[p].tag == "VBN" and self.toks[p].lemma.lower() == "base"

    def condition_after(self, p: int) -> bool:
        """'of emergency', 'of national emergency' after 'state': 'of' + a noun naming no KB actor ('of Texas' does)."""
        toks = self.toks
        if p >= len(toks) or toks[p].text.lower() != "of":
            return False
        obj = next((k for k in range(p + 1, min(len(toks), p + 6)) if toks[k].head == p and toks[k].dep == "pobj"), None)
        if obj is None:
            return False
        return not any(q in self.m and self.m[q].end > obj for q in range(p + 1, obj + 1))

    def backer(self, p: int) -> bool:
        """'Iranian-backed militia': the state behind a group, not where it acts."""
        toks = self.toks
        return p + 1 < len(toks) and toks[p].text == "-" and toks[p + 1].text.lower() in BACKED

    def part_of_name(self, a: int, b: int) -> bool:
        """'the University' of 'the University of Miami': a sector noun inside a longer name."""
        e = self.ent_of.get(b - 1)
        return e is not None and e.label not in ("NORP", "GPE") and (e.end > b or e.start < a)

    def owner(self, start: int, end: int) -> Draft | None:
        """A state official whose government this is: just before the noun ('X's government') or after it ('of X')."""
        toks, prev = self.toks, self.out[-1] if self.out else None
        k = start + 1 if toks[start].text.lower() == "the" else start
        if prev is not None and (prev.end == k or prev.end == k - 1 and toks[k - 1].text in POSSESSIVE):
            cand = prev
        elif end + 1 < len(toks) and toks[end].text.lower() == "of":
            cand = self.person_after(end + 1)
        else:
            return None
        a = cand.actor if cand is not None else None
        ok = a is not None and a.kind == "person" and a.country and a.country not in NON_STATE
        return cand if ok else None

    def person_after(self, p: int) -> Draft | None:
        """The titled or known person mention starting at p ('of President Prosper Avril'), drafted now."""
        if self.toks[p].text.lower() == "the":
            p += 1
        before = len(self.out)
        tend, titles, former = self.titles_at(p)
        if titles and self.name_at(tend)[0] > tend:
            self.titled(p, [], [], tend, titles, former, self.doc.sentences[self.toks[p].sent].end)
        elif p in self.m and self.m[p].get(PERSON):
            self.standalone(p, self.m[p])
        new = self.out[before:]
        del self.out[before:]
        return new[0] if len(new) == 1 and new[0].start == p else None

    def named_person(self, q: int) -> bool:
        """'Karen Bass': a people's name that begins a person's name is not the people."""
        e, m = self.ent_of.get(q), self.m[q]
        return m.get(AGENT).kind == IDENTITY and e is not None and e.label == "PERSON" and e.end > m.end
