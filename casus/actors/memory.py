"""Actor memory: people casus learns from the news it reads, and recalls in later documents.

A person is learnt from two classes of construction the resolver already codes from the text:
a title with a state ("Armenian Prime Minister Nikol Pashinyan", "Chile's Foreign Minister X")
and an apposition ("Nikol Pashinyan, Armenia's prime minister", "X, the head of Y"). Names the
actor tables already know, guesses ("the only state the article names") and coreference are not
evidence. A later mention of the name alone — the full name, or its surname when exactly one
learnt person has it — takes the learnt code while the document's report date is inside the
entry's window (`BEFORE` days before it was first seen to `AFTER` days after it was last seen),
and its reason says "learnt from doc …". The rules, thresholds and dating are in docs/ACTORS.md.
"""
from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, replace
from typing import Any

from casus.actors.coref import SOLE_STATE
from casus.actors.kb import fold, make_code
from casus.model import Actor, ActorMention, ParsedDoc

BEFORE = _dt.timedelta(days=180)  # a person is recalled this long before first seen in office ...
AFTER = _dt.timedelta(days=730)  # ... and this long after last seen (about half a term)
SHARE = 2 / 3  # a name learnt with several codes is recalled only if one has this share of sightings
MIN_SURNAME = 4  # letters a surname needs to be recalled alone
POSSESSIVE = ("'s", "’s", "'", "’")
NAME_STOP = frozenset({"the", "of", "and", "for", "in", "on", "at", "said", "says", "mr", "mrs", "ms", "dr"})
LEARNT = "learnt from doc"
STATUSES = ("learnt", "accepted", "rejected")


def name_key(name: str) -> str:
    """The key a name is remembered under: folded, possessive dropped, single spaces."""
    name = name.strip()
    for p in POSSESSIVE:
        if name.endswith(p):
            name = name[: -len(p)]
            break
    return " ".join(fold(name).split())


def personal_name(name: str | None) -> bool:
    """'Nikol Pashinyan', 'Ana Brnabic': two to four capitalised words, no digits, no function words."""
    if not name:
        return False
    words = name.replace("-", " ").split()
    if not 2 <= len(words) <= 4 or any(c.isdigit() for c in name):
        return False
    return all(w[:1].isupper() and w.lower().strip(".") not in NAME_STOP and not (len(w) > 3 and w.isupper())
               for w in words)


@dataclass
class Learnt:
    """What casus learnt about one name with one code."""

    name: str
    country: str
    sectors: tuple[str, ...]
    role: str
    first_seen: _dt.date | None
    last_seen: _dt.date | None
    count: int
    doc_id: str
    start: int
    end: int
    status: str = "learnt"  # learnt | accepted (a permanent row) | rejected (a block)

    @property
    def key(self) -> str:
        return name_key(self.name)

    @property
    def code(self) -> str:
        return make_code(self.country, self.sectors) or self.country

    def window(self) -> tuple[_dt.date | None, _dt.date | None]:
        """The report dates this entry is recalled for (None: open); accepted entries are always recalled."""
        if self.status == "accepted":
            return None, None
        return (self.first_seen - BEFORE if self.first_seen else None,
                self.last_seen + AFTER if self.last_seen else None)

    def covers(self, when: _dt.date | None) -> bool:
        lo, hi = self.window()
        return when is None or (lo is None or lo <= when) and (hi is None or when <= hi)

    def reason(self) -> str:
        seen = f"{self.first_seen}…{self.last_seen}" if self.first_seen else "undated"
        how = "accepted" if self.status == "accepted" else f"seen in {self.count} doc{'s' * (self.count != 1)}"
        return f"{LEARNT} {self.doc_id} [{self.start}:{self.end}] as {self.role or self.code} ({how}, {seen})"

    def to_row(self) -> dict[str, Any]:
        """The store's learned_actors row."""
        row = asdict(self)
        row.update(key=self.key, code=self.code, sectors=list(self.sectors))
        return row

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> "Learnt":
        fields = {k: row[k] for k in ("name", "country", "role", "first_seen", "last_seen", "count", "doc_id",
                                      "start", "end", "status")}
        return cls(sectors=tuple(row.get("sectors") or ()), **fields)


def _guessed(reason: str | None) -> bool:
    """True if the resolver took a mention's country from context, not from its own words."""
    return bool(reason) and (reason.startswith(("coref", LEARNT)) or SOLE_STATE in reason)


def _own_country(role: ActorMention | None, mentions: list[ActorMention], text: str) -> bool:
    """The title's country is in its own words: no guess, or a possessive state right before it ('Chile's ...')."""
    if role is None or not _guessed(role.actor.reason):
        return role is not None
    before = [m for m in mentions if m.actor.end <= role.actor.start and m.actor.kind == "state"]
    if not before:
        return False
    owner = max(before, key=lambda m: m.actor.end)
    gap = text[owner.actor.end:role.actor.start]
    return owner.actor.country == role.actor.country and gap[:2] in ("'s", "’s") and len(gap.split()) <= 3


def evidence(m: ActorMention, mentions: list[ActorMention] = (), text: str = "") -> str | None:
    """The role a resolved mention shows its person in, if it is evidence to learn from; else None.

    An apposition teaches only when its title has a country of its own ('Armenia's prime minister',
    'head of the World Bank'), not one guessed from the article ('vice president' in a story that
    names one state); `mentions` are the document's others, `text` its text.
    """
    a = m.actor
    if a.kind != "person" or not a.country or not personal_name(a.name):
        return None
    reason = a.reason or ""
    if reason.startswith("apposition: "):
        _, _, role = reason.partition(" is ")
        owner = next((x for x in mentions if x.actor.text == role and x is not m), None)
        if owner is not None:
            return role if _own_country(owner, list(mentions), text) else None
        body = next((x for x in mentions if x.actor.text and role.endswith(" " + x.actor.text)), None)
        return role if body is not None and not _guessed(body.actor.reason) else None  # 'X, head of Y'
    if not reason and a.text != a.name and a.text.endswith(a.name):
        return a.text[: -len(a.name)].strip(" ,") or None  # 'Armenian Prime Minister'
    return None


class ActorMemory:
    """Learnt people by name; fed and read by the actor resolver, saved by `casus ingest` in the store."""

    def __init__(self, rows: Iterable[Learnt] = ()):
        self.by_key: dict[str, dict[str, Learnt]] = {}
        self.surnames: dict[str, set[str]] = {}
        self.changed: set[tuple[str, str]] = set()
        for r in rows:
            self._put(r)

    def _put(self, r: Learnt) -> None:
        self.by_key.setdefault(r.key, {})[r.code] = r
        self.surnames.setdefault(r.key.split()[-1], set()).add(r.key)

    def __len__(self) -> int:
        return sum(len(v) for v in self.by_key.values())

    def entries(self) -> Iterator[Learnt]:
        """Every learnt row, by name."""
        for key in sorted(self.by_key):
            yield from self.by_key[key].values()

    def take_changed(self) -> list[Learnt]:
        """Rows learnt or updated since the last call (for the store)."""
        out = [self.by_key[k][c] for k, c in sorted(self.changed)]
        self.changed.clear()
        return out

    # -- recalling -----------------------------------------------------------
    def recall(self, text: str, when: _dt.date | None) -> Learnt | None:
        """The learnt entry a name (full, or a surname one learnt person has) stands for on this date."""
        key = name_key(text)
        keys = [key] if key in self.by_key else []
        if not keys and " " not in key and len(self.surnames.get(key, ())) == 1:
            keys = [k for k in self.surnames[key] if self.alias(k) == key]
        if not keys:
            return None
        best = self.winner(keys[0])
        return best if best is not None and (best.status == "accepted" or best.covers(when)) else None

    def winner(self, key: str) -> Learnt | None:
        """The row a name stands for at any date: an accepted one, else the clear majority of live sightings."""
        rows = self.by_key.get(key, {})
        accepted = [r for r in rows.values() if r.status == "accepted"]
        if accepted:
            return accepted[0]
        live = [r for r in rows.values() if r.status == "learnt"]
        if not live:
            return None
        best = max(live, key=lambda r: r.count)
        return best if best.count >= SHARE * sum(r.count for r in live) else None

    def alias(self, key: str) -> str | None:
        """The surname a learnt name may be recalled by alone, if any."""
        last = key.split()[-1]
        return last if " " in key and len(last) >= MIN_SURNAME and len(self.surnames.get(last, ())) == 1 else None

    def apply(self, doc: ParsedDoc, mentions: list[ActorMention]) -> list[ActorMention]:
        """Give learnt codes to names the resolver left without a country, and find learnt names it missed."""
        when = doc.article.report_date
        out = []
        for m in mentions:
            a = m.actor
            if not a.country and a.kind in ("person", "organization") and not (a.reason or "").startswith("coref"):
                hit = self.recall(a.name or a.text, when)
                if hit is not None:
                    m = replace(m, actor=_learnt_actor(a.text, a.start, a.end, hit))
            out.append(m)
        out.extend(self._unclaimed(doc, out, when))
        out.sort(key=lambda m: m.start)
        return out

    def _unclaimed(self, doc: ParsedDoc, mentions: list[ActorMention], when) -> Iterator[ActorMention]:
        """Learnt names in runs of capitalised proper nouns that no mention covers ('Pashinyan said')."""
        if not self.by_key:
            return
        toks, taken = doc.tokens, {k for m in mentions for k in range(m.start, m.end)}
        dl = doc.article.dateline
        i = 0
        while i < len(toks):
            j = i
            while j < len(toks) and j not in taken and toks[j].pos == "PROPN" and toks[j].text[:1].isupper() \
                    and toks[j].sent == toks[i].sent and j - i < 4:
                j += 1
            if j == i or dl is not None and dl.start <= toks[i].idx < dl.end:
                i = max(j, i + 1)
                continue
            text = doc.article.text[toks[i].idx:toks[j - 1].end]
            hit = self.recall(text, when)
            if hit is not None:
                yield ActorMention(i, j, j - 1, _learnt_actor(text, toks[i].idx, toks[j - 1].end, hit))
            i = j

    # -- learning ------------------------------------------------------------
    def learn(self, doc: ParsedDoc, mentions: list[ActorMention], known=None) -> None:
        """Remember every person this document codes from a title or an apposition (once per name and document)."""
        article, done = doc.article, set()
        for m in mentions:
            role = evidence(m, mentions, article.text)
            a = m.actor
            if role is None or (known is not None and known(a.name)):
                continue
            new = Learnt(" ".join(a.name.split()), a.country, tuple(s for s in a.sector if s != a.country),
                         " ".join(role.split()), article.report_date, article.report_date, 1, article.id,
                         a.start, a.end)
            if (new.key, new.code) in done:
                continue
            done.add((new.key, new.code))
            old = self.by_key.get(new.key, {}).get(new.code)
            if old is None:
                self._put(new)
            else:
                old.count += 1
                day = article.report_date
                if day is not None:
                    old.first_seen = min(old.first_seen or day, day)
                    old.last_seen = max(old.last_seen or day, day)
            self.changed.add((new.key, new.code))

    def remember(self, doc: ParsedDoc, mentions: list[ActorMention], known=None) -> list[ActorMention]:
        """Recall what earlier documents taught, then learn from this one: the resolver's one call."""
        mentions = self.apply(doc, mentions)
        self.learn(doc, mentions, known)
        return mentions

    # -- corrections -----------------------------------------------------------
    def find(self, name: str, code: str | None = None) -> list[Learnt]:
        """The rows of a name (all codes, or one)."""
        rows = self.by_key.get(name_key(name), {})
        return [r for c, r in rows.items() if code is None or c == code.upper()]

    def set_status(self, row: Learnt, status: str) -> None:
        """Accept (a permanent row) or reject (a block) one row."""
        if status not in STATUSES:
            raise ValueError(f"status must be one of {', '.join(STATUSES)}")
        row.status = status
        self.changed.add((row.key, row.code))

    def correct(self, row: Learnt, code: str) -> Learnt:
        """Replace a row's code by a user's: the old one is blocked, the new one accepted."""
        code = code.strip().upper()
        if len(code) < 3 or len(code) % 3 or not code.isalpha():
            raise ValueError(f"'{code}' is not an actor code (a country and 3-letter sectors, e.g. ARMGOV)")
        self.set_status(row, "rejected")
        fixed = replace(row, country=code[:3], sectors=tuple(code[i:i + 3] for i in range(3, len(code), 3)),
                        status="accepted")
        self._put(fixed)
        self.changed.add((fixed.key, fixed.code))
        return fixed


def _learnt_actor(text: str, start: int, end: int, hit: Learnt) -> Actor:
    return Actor(text=text, start=start, end=end, name=hit.name, code=hit.code, country=hit.country,
                 sector=list(hit.sectors), kind="person", reason=hit.reason())


def learnt_reasons(events: list) -> list:
    """Add 'source/target X: learnt from doc …' to the reasons of events whose actors memory coded."""
    out = []
    for e in events:
        extra = [f"{role} {a.text}: {a.reason}" for role, a in (("source", e.source), ("target", e.target))
                 if a is not None and (a.reason or "").startswith(LEARNT)]
        out.append(replace(e, reasons=[*e.reasons, *extra]) if extra else e)
    return out


def _day(d: _dt.date | None, fmt: str) -> str:
    return d.strftime(fmt) if d else ""


def to_actor_file(memory: ActorMemory) -> str:
    """The people memory recalls, as a casus actor file (people.tsv format; the dates are the recall window)."""
    lines = ["# people learnt by casus from the news (casus actors --format casus); see docs/ACTORS.md",
             "# name\taliases\tcountry\tsectors\trole\tstart\tend"]
    for key in sorted(memory.by_key):
        r = memory.winner(key)
        if r is None:
            continue
        lo, hi = r.window()
        alias = memory.alias(key)
        surname = r.name.split()[-1] if alias else ""
        lines.append("\t".join([r.name, surname, r.country, "|".join(r.sectors), r.role.replace("\t", " "),
                                 _day(lo, "%Y-%m-%d"), _day(hi, "%Y-%m-%d")]))
    return "\n".join(lines) + "\n"


def to_petrarch(memory: ActorMemory) -> str:
    """The people memory recalls, as a PETRARCH actor dictionary (dated codes over the recall window)."""
    lines = ["# people learnt by casus from the news (casus actors --format petrarch)"]
    for key in sorted(memory.by_key):
        r = memory.winner(key)
        if r is None:
            continue
        lo, hi = r.window()
        when = f" {_day(lo, '%Y%m%d')}-{_day(hi, '%Y%m%d')}" if lo and hi else ""
        lines.append(f"{'_'.join(r.name.upper().split())}_  # CountryInfo: learnt from doc {r.doc_id} "
                     f"[{r.start}:{r.end}], {r.count} docs")
        if memory.alias(key):
            lines.append(f"+{r.name.split()[-1].upper()}_")
        lines.append(f"\t[{r.code}{when}]")
    return "\n".join(lines) + "\n"
