"""Country modifiers: 'Iraqi', "Japan's", 'of Iraq', "the country's", and countries modifying other nouns."""
from __future__ import annotations

from dataclasses import dataclass

from casus.actors.kb import ADJECTIVE, AGENT, COUNTRY, NON_STATE, ORGANIZATION, PEOPLE, PERSON, SEAT, TITLE, Entry
from casus.actors.records import Match


POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
CONTEXT_NOUNS = frozenset({"country", "nation", "state", "kingdom", "republic"})
EXPLICIT = (COUNTRY, ADJECTIVE, SEAT)
# nouns a country is the topic of, not the actor behind: 'the North Korea issue'
TOPICS = frozenset({"issue", "question", "problem", "matter", "situation", "file", "dossier", "topic", "affair",
                    "affairs", "language", "crisis", "conflict", "border", "team", "embassy"})
STANCES = frozenset({"pro", "anti"})  # 'pro-Iranian', 'anti-American': an attitude towards a country, not its nationality
# bodies a '-based' country names the home of: 'Pakistan-based groups', 'a London-based organisation'
BASED_BODIES = frozenset({"group", "organisation", "organization", "outfit", "network", "faction", "cell", "movement"})
# words that make a capital-led name a body of that state: 'Nairobi University Hospital', 'the London Stock Exchange'
INSTITUTIONS = frozenset({"university", "college", "school", "hospital", "council", "assembly", "exchange", "court",
                          "police", "municipality", "authority", "commission", "ministry", "bank", "institute",
                          "academy", "museum", "airport", "association", "chamber", "office", "agency", "board"})
COORD = frozenset({"and", "or", ",", "&"})
NAMED_SECTORS = {  # words of an organisation named after a state that say its trade (a medium, else its last word)
    **dict.fromkeys(("airline", "airlines", "airways", "railway", "railways", "rail", "telecom", "telecommunications",
                     "petroleum", "oil", "gas", "motors", "steel", "mining", "shipping", "corporation", "corp",
                     "company", "industries", "holdings", "bank"), "BUS"),
    **dict.fromkeys(("broadcasting", "television", "radio", "times", "news", "post", "herald", "tribune", "gazette",
                     "press"), "MED"),
}
SEAT_GOVERNMENTS = frozenset({"government", "regime", "administration", "leadership"})  # 'the Khartoum government'
PLACING = frozenset({"operate", "base", "live", "hide", "fight"})  # verbs that place a group: "X operating in Y"
PLACE_ADJECTIVES = frozenset({"central", "northern", "southern", "eastern", "western", "north", "south", "east",
                              "west", "northeastern", "northwestern", "southeastern", "southwestern", "rural"})


@dataclass
class Mod:
    """A pre-modifier that gives a mention its country: 'Iraqi', 'Japan's', 'UN', "the country's"."""

    start: int
    end: int
    entry: Entry | None  # None: "the country's" — country comes from context


class ModifierRules:
    """Mixin of the mention composer: modifiers that give a mention its country."""

    def mod_at(self, p: int) -> Mod | None:
        """A country/adjective/organisation modifier (optionally possessive) or "the country's" at p."""
        toks = self.toks
        if p >= len(toks):
            return None
        m = self.m.get(p)
        if m is not None:
            e = m.get(COUNTRY, ADJECTIVE, ORGANIZATION, SEAT)
            if e is None or e.category == ORGANIZATION and e.kind == "person" or self.stance(p):
                return None
            poss = m.end < len(toks) and toks[m.end].text in POSSESSIVE
            if e.category != ORGANIZATION and m.end + 1 < len(toks) and toks[m.end].text == "-" and toks[
                    m.end + 1].text.lower() in ("led", "based"):
                return Mod(p, m.end + 2, e)  # 'Vietnamese-led forces', 'London-based groups' (not '-backed')
            if e.category == SEAT and not poss and not self.seat_government(m.end):
                return None
            return Mod(p, m.end + 1 if poss else m.end, e)
        if toks[p].text.lower() == "the" and p + 2 < len(toks):
            if toks[p + 1].text.lower() in CONTEXT_NOUNS and toks[p + 2].text in POSSESSIVE:
                return Mod(p, p + 3, None)
        return None

    def stance(self, p: int) -> bool:
        """'pro-Iranian', 'anti-US', 'pro Moscow': the name at p follows 'pro'/'anti', so it gives no country."""
        toks = self.toks
        if p >= 2 and toks[p - 1].text == "-" and not toks[p - 2].ws:
            return toks[p - 2].text.lower() in STANCES
        return p >= 1 and toks[p - 1].text.lower().rstrip("-") in STANCES

    def based_body(self, mods: list[Mod], j: int, hi: int) -> bool:
        """'Pakistan-based groups': a '-based' state modifier right before a body noun the KB has no sector for."""
        toks = self.toks
        md = mods[-1] if mods else None
        return (md is not None and md.entry is not None and md.end == j and j < hi and j not in self.m
                and toks[md.end - 1].text.lower() == "based" and md.entry.country not in NON_STATE
                and toks[j].pos == "NOUN" and toks[j].lemma.lower() in BASED_BODIES)

    def named_after(self, m: Match, e: Entry) -> int | None:
        """'Kenya Anti-Corruption Commission', 'Montenegro Assembly': an unknown organisation named after a state."""
        a = m.start + 1 if self.low[m.start] == "the" else m.start
        ent = self.ent_of.get(a)
        if ent is None or ent.label != "ORG" or ent.start not in (m.start, a) or e.category not in (COUNTRY, ADJECTIVE, SEAT) \
                or not e.country or e.country in NON_STATE or self.stance(m.start):
            return None
        toks, end = self.toks, ent.end
        while end > m.end and toks[end - 1].text in POSSESSIVE:
            end -= 1
        if any(toks[k].pos in ("SPACE", "PUNCT") or "\n" in toks[k - 1].ws for k in range(m.end, end)):
            return None  # 'France - Laporte', 'Wales' + a paragraph break: a headline the parser ran together
        if e.category == SEAT and not any(toks[k].lemma.lower() in INSTITUTIONS for k in range(m.end, end)):
            return None  # 'Sofia Coppola', 'Douglas Hickox Award' tagged ORG: a capital that is also a first name
        if end <= m.end or any(k in self.m and self.m[k].get(ORGANIZATION, PERSON) for k in range(m.end, end)):
            return None  # a known body inside: it is matched on its own
        name = self.doc.article.text[toks[m.start].idx:toks[end - 1].end]
        words = [toks[k].text.lower() for k in range(m.end, end)]
        trade = next((NAMED_SECTORS[w] for w in words if NAMED_SECTORS.get(w) == "MED"), None) or (
            NAMED_SECTORS.get(words[-1]) if words else None)  # 'Kenya Broadcasting Corporation' is a medium
        self.emit(m.start, end, name=name, country=e.country, sector=[trade] if trade else [], kind="organization",
                  reason=f"organisation named after {e.name}" + (f", its name says {trade}" if trade else ""))
        return end

    def of_country(self, p: int) -> Mod | None:
        """'of Iraq' / 'of the United Nations' after a noun."""
        toks = self.toks
        if p < len(toks) and toks[p].text.lower() == "of":
            q = p + 1
            m = self.m.get(q)
            if m is None and q < len(toks) and toks[q].text.lower() == "the":
                q += 1
                m = self.m.get(q)
            if m is not None:
                e = m.get(COUNTRY, ORGANIZATION)
                if e is not None and e.kind != "person":
                    ent = self.ent_of.get(m.start)  # 'of the Uganda Revenue Authority': the whole body
                    grow = ent is not None and ent.label == "ORG" and ent.start == m.start and ent.end > m.end
                    return Mod(p, ent.end if grow else m.end, e)
        return None

    def from_mods(self, mods: list[Mod]) -> tuple[str | None, list[str], str | None, bool]:
        """Country, extra sectors, kind hint and 'needs context' from modifiers.

        An explicit country ('Ivory Coast's', 'Egyptian') beats the default country of a national
        institution among the modifiers ('Supreme Court' is the US one only when nothing else is said).
        """
        if any(md.entry is None for md in mods):
            return None, [], None, True
        if not mods:
            return None, [], None, False
        explicit = next((md.entry for md in mods if md.entry.category in EXPLICIT), None)
        org = next((md.entry for md in mods if md.entry.category == ORGANIZATION), None)
        if org is not None and explicit is not None and org.country not in NON_STATE:
            return explicit.country, list(org.sectors), "state", False
        first = mods[0].entry
        if first.category == ORGANIZATION:
            return first.country, list(first.sectors), first.kind, False
        return first.country, [], "state", False

    def body_code(self, mods: list[Mod], country: str | None, sectors: list[str]) -> str | None:
        """'NATO troops' → IGOWSTNATMIL: the full code of the body a sector noun or title belongs to, plus its sectors."""
        org = next((md.entry for md in mods if md.entry is not None and md.entry.category == ORGANIZATION), None)
        if org is None or not org.code or org.country != country:
            return None
        have = {org.code[k:k + 3] for k in range(0, len(org.code), 3)}
        return org.code + "".join(s for s in sectors if s not in have)

    def seat_government(self, p: int) -> bool:
        """'the Khartoum government', 'the Damascus regime': a seat naming the national government."""
        m = self.m.get(p)
        e = m.get(AGENT) if m is not None else None
        return e is not None and e.name in SEAT_GOVERNMENTS

    def skip_adjectives(self, j: int, hi: int) -> int:
        """"Iraq's interim government", "Nicaragua's Sandinista government": words between a country and its sector noun."""
        toks, k = self.toks, j
        while k < hi and toks[k].pos in ("ADJ", "PROPN") and k not in self.m and toks[k].text.lower() not in (
                "former", "ex"):
            k += 1
        return k if k > j and k in self.m and self.m[k].get(AGENT, TITLE) else j

    def of_region(self, p: int) -> Mod | None:
        """'of southern Serbia', 'of Macedonia' after a people: the state they are the people of."""
        toks = self.toks
        if p >= len(toks) or toks[p].text.lower() != "of":
            return None
        q = p + 1
        while q not in self.m and q < len(toks) and (toks[q].text.lower() == "the" or toks[q].text.lower() in PLACE_ADJECTIVES):
            q += 1
        m = self.m.get(q)
        e = m.get(COUNTRY) if m is not None else None
        return Mod(p, m.end, e) if e is not None and e.country not in NON_STATE else None

    def in_country(self, p: int) -> Mod | None:
        """'in Syria', 'in central Baghdad' after a group noun: where the group is."""
        toks = self.toks
        if p + 1 < len(toks) and toks[p].tag in ("VBG", "VBN") and toks[p].lemma.lower() in PLACING:
            p += 1  # 'guerrillas operating in Macedonia', 'a group based in Trinidad'
        if p >= len(toks) or toks[p].text.lower() != "in":
            return None
        q = p + 1
        for _ in range(3):
            while q not in self.m and q < len(toks) and (toks[q].text.lower() == "the" or toks[q].text.lower() in PLACE_ADJECTIVES):
                q += 1  # a match may start at 'the' ('in the Ivory Coast')
            m = self.m.get(q)
            e = m.get(COUNTRY, SEAT) if m is not None else None
            if e is not None:
                return Mod(p, m.end, e) if e.country not in NON_STATE else None
            if q + 1 >= len(toks) or toks[q].pos not in ("ADJ", "PROPN") or toks[q + 1].pos not in ("ADJ", "PROPN"):
                return None
            q += 1  # 'in Christian east Beirut', 'in mostly Shiite south Lebanon'
        return None

    def ethnic_group(self, i: int, m: Match) -> int | None:
        """'ethnic Albanians (in Serbia)': a people living outside their namesake state; the country is where they live."""
        e = m.get(PEOPLE, ADJECTIVE)
        if e is None or e.category == ADJECTIVE and not self.agents_at(m.end)[1]:
            return None
        end, chain = self.agents_at(m.end) if e.category == ADJECTIVE else (m.end, [])
        sectors = ["CVL"] + [s for c in chain for s in c.sectors if s != "CVL"]
        where = self.in_country(end)
        country = where.entry.country if where is not None and where.entry.country != e.country else None
        d = self.emit(i, end, name=None, country=country, sector=sectors, kind="group",
                      reason=f"ethnic {e.name} people living in {where.entry.name}" if country else None,
                      needs=None if country else "sole")
        d.extra["not"] = e.country
        return end

    def institution_at(self, j: int, mods: list[Mod]) -> Match | None:
        """A national institution after an explicit country ("the Ivory Coast's Supreme Court", "Russia's Duma")."""
        m = self.m.get(j)
        if m is None or not mods or mods[-1].entry is None or mods[-1].entry.category not in EXPLICIT:
            return None
        org = m.get(ORGANIZATION)
        if org is None or org.country in NON_STATE or org.country is None or org.kind == "person":
            return None
        return m

    def institution(self, start: int, mods: list[Mod], m: Match) -> int:
        """Emit '<country> <institution>' with the explicit country and the institution's sectors."""
        org, country = m.get(ORGANIZATION), mods[-1].entry.country
        reason = None if country == org.country else (
            f"explicit country {country} over the default {org.country} of '{org.name}'")
        kind = "state" if set(org.sectors) <= {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"} else org.kind
        self.emit(start, m.end, name=None, country=country, sector=list(org.sectors), kind=kind, reason=reason)
        return m.end

    def coordinated(self, mods: list[Mod], j: int, hi: int) -> bool:
        """'Hungarian and Romanian officials', 'U.S. and Russian negotiators': the first modifier shares the head."""
        toks = self.toks
        if not mods or mods[-1].entry is None or mods[-1].entry.category not in EXPLICIT:
            return False
        k, last = j, ""
        while k < hi and toks[k].text.lower() in COORD:
            nxt = self.mod_at(k + 1)
            if nxt is None or nxt.entry is None or nxt.entry.category not in EXPLICIT:
                return False
            k, last = nxt.end, toks[k].text.lower()
        if k == j or last not in ("and", "or", "&"):
            return False
        agent_end, chain = self.agents_at(k)
        head = chain[-1] if chain else (self.m[agent_end].get(TITLE) if agent_end in self.m else None)
        if head is None and k in self.m and self.m[k].get(PEOPLE):
            head = self.m[k].get(PEOPLE)
        if head is None:
            return False
        md = mods[-1]
        end = md.end - 1 if toks[md.end - 1].text in POSSESSIVE else md.end
        kind = "person" if head.kind == "person" and head.category == TITLE else "group"
        self.emit(md.start, end, name=md.entry.name, country=md.entry.country, sector=list(head.sectors),
                  kind=kind, reason=f"coordinated with the next modifier: shares '{toks[k].text}'")
        return True

    def ethnic(self, start: int, mods: list[Mod], m: Match) -> int:
        """'Bosnian Serbs', 'Iraqi Kurds': a people named with the country they live in."""
        country, _, _, needs_ctx = self.from_mods(mods)
        self.emit(start, m.end, name=None, country=country, sector=["CVL"], kind="group",
                  needs="country" if needs_ctx else None, reason="people of the country named before them")
        return m.end

    def modifier(self, start: int, end: int, e, head: int) -> bool:
        """A country naming who is behind a noun ('a U.S. request', 'Israeli army bulldozers'), not its topic."""
        toks = self.toks
        ht = toks[head]
        if ht.dep not in ("compound", "amod", "nmod") or ht.head == head:
            return False
        k, seen = ht.head, 0
        while seen < 5:
            g = toks[k]
            if g.pos not in ("NOUN", "PROPN", "ADJ") or g.lemma.lower() in TOPICS or g.text.lower() in TOPICS:
                return False
            if g.dep not in ("compound", "amod", "nmod", "conj") or g.head == k or g.pos == "PROPN" and g.ent_type:
                break
            k, seen = g.head, seen + 1
        if toks[k].pos not in ("NOUN", "PROPN") or toks[k].lemma.lower() in TOPICS:
            return False
        self.emit(start, end, name=e.name, country=e.country, sector=[], kind="state",
                  reason=f"country modifier of '{toks[ht.head].text}'")
        return True
