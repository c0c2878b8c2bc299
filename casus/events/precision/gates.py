"""Gates by construction: named passes that drop coded events no analyst would keep (docs/CODING.md §8).

Each gate is a small function `(doc, event, token) -> reason or None` run in the order of GATES on
the events the extractor found, before folding; `apply(..., off={"name"})` switches gates off (for
`casus eval … --ablate NAME`). An event a gate stops is dropped, and the count per gate is kept.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

from casus.events.precision.precision import ARMED_SECTORS, PHYSICAL_TARGETS, POLITICAL_SPEAKERS
from casus.events.ranking.filter import noun_frame
from casus.events.ranking.ranker import trigger_token
from casus.events.triggers.triggers import FORCE_ROOTS
from casus.model import Event, ParsedDoc, Token

# verbs whose subject undergoes the act their object names: "survived two plots", "suffered an attack"
UNDERGO = frozenset({"survive", "escape", "suffer", "endure", "withstand", "evade", "sustain", "undergo"})
# sectors that do not make a doer political on their own (CAMEO codes them, but not as the ones acting in politics)
NON_POLITICAL_SECTORS = frozenset({"BUS", "MED", "HLH", "AGR", "SPT", "ENT"})
GOVERNING = frozenset({"GOV", "LEG", "JUD", "MIL", "COP", "IGO"})
# prepositions by which a noun names what another noun is of or about: "the right of veto", "an opinion on the suspension"
TOPIC_PREPS = frozenset({"of", "on", "about", "regarding", "concerning", "over"})
# nouns of which an act noun is a stretch, a phase, a part or an instance, not a topic: "a round of talks", "two weeks of
# protests", "an escalation of the uprising"
SPAN_NOUNS = frozenset({"round", "series", "wave", "spate", "string", "number", "part", "start", "beginning", "resumption",
                        "continuation", "escalation", "intensification", "renewal", "outbreak", "end",
                        "day", "week", "month", "year", "hour", "decade", "night", "couple", "flurry", "bout", "kind",
                        "type", "form", "sort", "lot", "host"})
# heads that a country before them names the home of, not a state acting: "the Japanese car maker", "British voters"
NON_POLITICAL_HEADS = frozenset({
    "company", "firm", "maker", "manufacturer", "producer", "operator", "carrier", "airline", "exchange", "institute",
    "federation", "association", "club", "team", "league", "society", "customer", "consumer", "voter", "visitor",
    "attendant", "shareholder", "investor", "player", "fan", "star", "artist", "actor", "singer", "store", "chain",
    "retailer", "giant", "brand", "broadcaster", "newspaper", "studio", "label", "insurer", "broker", "bank",
    "corporation", "conglomerate", "supplier", "exporter", "importer", "distributor", "developer", "utility", "lender"})
Gate = Callable[[ParsedDoc, Event, Token], "str | None"]


def noun_in_passing(doc: ParsedDoc, event: Event, tok: Token) -> str | None:
    """An eventive noun codes an act only inside an act frame: a light verb's object ('held talks'), its own
    arguments ('X's visit to Y', 'talks between X and Y'), or as the subject or head of its clause ('talks
    collapsed'). A noun an ordinary verb merely mentions ('praised the deal', 'his remarks drew fire') is not."""
    if tok.pos != "NOUN" or event.cameo.root in FORCE_ROOTS:
        return None  # attacks are told as happened in many frames ("condemned the bombing"): left to the filter
    return "noun in passing" if noun_frame(doc, tok) == "passing" else None


def victim_as_doer(doc: ParsedDoc, event: Event, tok: Token) -> str | None:
    """The one who survives, suffers or escapes an act ('X survived an assassination plot') is its victim, never its
    doer."""
    head = doc.tokens[tok.head]
    if tok.dep == "pobj" and head.head != head.i:  # "escaped from an attack"
        head = doc.tokens[head.head]
    elif tok.dep not in ("dobj", "nsubjpass"):
        return None
    if head.i == tok.i or head.lemma.lower() not in UNDERGO or event.source is None:
        return None
    subjects = [c for c in doc.children(head.i) if c.dep in ("nsubj", "nsubjpass")]
    span = [(t.idx, t.end) for s in subjects for t in doc.subtree(s.i)]
    if any(a <= event.source.start < b for a, b in span):
        return f"victim as doer ('{head.text}')"
    return None


def _governing(actor) -> bool:
    """A coded state, IGO, or an actor of a government sector."""
    return actor is not None and (actor.kind in ("state", "igo") or bool(set(actor.sector) & GOVERNING))


def no_political_doer(doc: ParsedDoc, event: Event, tok: Token) -> str | None:
    """A doer must be a political actor: a state, government body, IGO, party, armed, ethnic or religious group or
    another actor with a country or a political sector; or an unknown doer of force. A doer whose only sectors are
    business, media, health, farming, sport or entertainment, or an organisation or group with no code,
    country or sector, does a political act only to a state or government ('a firm sued the ministry'), or, when
    its country is known, to another coded actor ('Japanese doctors handed medicine to the Red Cross')."""
    src = event.source
    if src is None or src.kind == "person" and not src.sector:
        return None  # a person with no role found: left to the filter (their role may be in the story)
    if src.kind == "unknown":
        return None if event.cameo.root in FORCE_ROOTS or event.target is not None else "no doer"
    sectors = set(src.sector)
    if sectors and not sectors <= NON_POLITICAL_SECTORS:
        return None
    if not sectors and (src.country or src.code or src.kind == "person"):
        return None
    tgt = event.target
    if _governing(tgt) or (src.country and tgt is not None and (tgt.code or tgt.country)):
        return None  # "a firm sued the ministry", "Japanese doctors handed medicine to the Red Cross"
    return f"no political doer ({src.text})"


def noun_of_a_noun(doc: ParsedDoc, event: Event, tok: Token) -> str | None:
    """An act noun that names what another noun is of or about ('the right of veto', 'a transcript of the call',
    'an opinion on the suspension', 'frustration about the allegations') is that noun's topic, not an act the text
    tells; a stretch or part of the act ('a round of talks', 'two weeks of protests', 'part of its inquiry') is, and
    so is an act told as done in its own participle ('a summary of the call made by X to Y')."""
    if tok.pos != "NOUN" or event.cameo.root in FORCE_ROOTS or any(c.dep == "acl" for c in doc.children(tok.i)):
        return None  # "a summary of the call made by X to Y": the act told as done
    for _ in range(3):  # "the Tomlinson proposals and reforms": the phrase the noun heads or is listed in
        if tok.dep not in ("compound", "appos", "nmod", "conj") or tok.head == tok.i:
            break
        tok = doc.tokens[tok.head]
    if tok.dep != "pobj" or tok.head == tok.i:
        return None
    prep = doc.tokens[tok.head]
    if prep.dep != "prep" or prep.head == prep.i or prep.text.lower() not in TOPIC_PREPS:
        return None
    owner = doc.tokens[prep.head]
    if owner.pos not in ("NOUN", "PROPN", "NUM", "PRON") or owner.lemma.lower() in SPAN_NOUNS:
        return None
    return f"noun of a noun ('{owner.text} {prep.text} … {tok.text}')"


def country_of_a_business(doc: ParsedDoc, event: Event, tok: Token) -> str | None:
    """A country named only before a business, club, society or public noun ('the Japanese car maker', 'Norway's
    performing rights society', 'British voters') says where the doer is from; the doer is that body, not the state.
    Its act stands only when it is done to a state or government ('a US firm sued the Treasury')."""
    src = event.source
    if src is None or src.kind != "state" or _governing(event.target):
        return None
    words = [t for t in doc.tokens if src.start <= t.idx < src.end]
    if not words or words[-1].dep not in ("amod", "compound", "nmod", "poss") or words[-1].head == words[-1].i:
        return None
    head = doc.tokens[words[-1].head]
    for _ in range(4):  # "US phone firm MCI": up the chain of names and modifiers
        if head.dep not in ("compound", "amod", "nmod") or head.head == head.i:
            break
        head = doc.tokens[head.head]
    if head.lemma.lower() not in NON_POLITICAL_HEADS:
        return None
    return f"country of a {head.text}, not the doer"


# the reasons casus/actors gives a role whose country it took from the story or coreference, not from its own phrase
STORY_ROLE = "a role with no country in the text"
EMPLOYER_PREPS = frozenset({"for", "of", "at"})
ROLE_NOUNS = frozenset({"spokesman", "spokeswoman", "spokesperson", "administrator", "chairman", "chairwoman",
                        "executive", "director", "manager", "lawyer", "attorney", "president", "official", "chief",
                        "head", "representative", "secretary", "counsel", "officer"})
# words that make a named body a political one whatever casus codes of it: 'the Scottish Labour Party', 'the Home Office'
POLITICAL_BODY_WORDS = frozenset({"party", "government", "ministry", "department", "office", "council", "commission",
                                  "parliament", "assembly", "congress", "senate", "court", "police", "army", "force",
                                  "agency", "authority", "committee", "union", "front", "movement", "state", "federal",
                                  "house", "cabinet", "embassy", "administration", "executive", "republic", "nation",
                                  "league", "organisation", "organization", "bank", "municipality", "municipal",
                                  "city", "county", "province", "provincial", "regional", "local"})


def role_of_an_uncoded_body(doc: ParsedDoc, event: Event, tok: Token) -> str | None:
    """A role ('spokesman', 'administrator', 'chairman') of an organisation casus does not code ('the Vodafone
    spokesman', 'the company's administrator', 'a spokesman for Acme') speaks for that body, not for the government of
    the story's country: its act stands only when done to a state or government."""
    src = event.source
    why = src.reason or "" if src is not None else ""
    if not (why.startswith(STORY_ROLE) or why.startswith("coref") and "→ country" in why) or _governing(event.target):
        return None  # only a role whose country came from the story, not from a body named in its phrase
    words = [t for t in doc.tokens if src.start <= t.idx < src.end]
    if not words:
        return None
    head = next((t for t in words if not (src.start <= doc.tokens[t.head].idx < src.end) or t.head == t.i), words[-1])
    if head.lemma.lower() not in ROLE_NOUNS or head.ent_type == "ORG":  # 'the Air Force', 'the Court of Appeal'
        return None
    near = [*words, *(g for c in doc.children(head.i) if c.dep in ("poss", "compound", "nmod") or (
        c.dep == "prep" and c.text.lower() in EMPLOYER_PREPS) for g in doc.subtree(c.i))]
    if any(t.lemma.lower() in POLITICAL_BODY_WORDS for t in near):  # 'a Scottish Labour Party spokesman'
        return None
    body = next((t for t in near if t.i != head.i and (t.ent_type == "ORG" or t.lemma.lower() in NON_POLITICAL_HEADS)),
                None)
    return f"a role of {body.text}, a body casus does not code" if body is not None else None


def yes_no_question(doc: ParsedDoc, event: Event, tok: Token) -> str | None:
    """An act asked about in a yes/no question ('Should Scotland leave the union?', 'Will Tehran retaliate?') is not
    told as done, intended or demanded: a ballot's or a headline's question codes nothing. A wh-question ('why did the
    army shell the village?') takes its act as done and is left alone."""
    sent = doc.sentences[tok.sent]
    cur = tok
    for _ in range(8):
        kids = doc.children(cur.i)
        subject = next((c for c in kids if c.dep in ("nsubj", "nsubjpass", "expl")), None)
        if subject is not None and cur.pos in ("VERB", "AUX"):
            break
        if cur.head == cur.i:
            return None
        cur = doc.tokens[cur.head]
    else:
        return None
    first = min([subject.i, *(c.i for c in kids if c.dep in ("aux", "auxpass"))], default=subject.i)
    inverted = first < subject.i or cur.pos == "AUX" and cur.i < subject.i
    clause = doc.subtree(cur.i)
    if not inverted or any(t.tag in ("WDT", "WP", "WP$", "WRB") and t.i < subject.i for t in clause):
        return None
    after = [t for t in doc.tokens[clause[-1].i + 1:sent.end] if t.dep == "punct" or t.i == clause[-1].i + 1]
    ends = [t for t in (*clause[-2:], *after[:2]) if t.text == "?"]
    return f"a yes/no question ('{doc.tokens[first].text} … ?')" if ends else None


# what is said, written or decided, or a stance: such a subject is no doer, whoever owns it ('his words met a cool
# reception', 'the EU law provides protections', 'his moderate politics have clashed with the party's stances')
THING_HEADS = frozenset({
    "word", "remark", "comment", "statement", "speech", "letter", "report", "book", "article", "message", "tweet",
    "view", "opinion", "politics", "policy", "stance", "position", "record", "law", "bill", "legislation", "directive",
    "regulation", "rule", "plan", "proposal", "budget", "manifesto", "decision", "ruling", "verdict", "move", "claim",
    "idea", "document", "paper", "campaign", "programme", "program", "strategy", "reform", "scheme", "measure",
    "promise", "pledge", "approach", "attitude", "belief", "style", "leadership", "popularity", "legacy",
    "agenda", "vision", "career", "health", "future", "economy", "constitution", "treaty"})


def doer_is_a_thing(doc: ParsedDoc, event: Event, tok: Token) -> str | None:
    """A verb whose subject is a thing said, written, decided or held ('his words', 'the EU law', 'their politics') is
    not done by the actor who owns that thing: 'his words met a cool reception' is no meeting of his, 'the EU law
    provides protections' no aid by the EU. The actor is only the subject's owner or modifier, never its head."""
    src = event.source
    if src is None or tok.pos != "VERB":
        return None
    words = [t for t in doc.tokens if src.start <= t.idx < src.end]
    if not words:
        return None
    last = words[-1]
    if last.dep not in ("poss", "compound", "amod", "nmod") or last.head == last.i:
        return None
    head = doc.tokens[last.head]
    for _ in range(3):  # "the EU data protection law": up the chain of modifiers
        if head.dep not in ("compound", "amod", "nmod") or head.head == head.i:
            break
        head = doc.tokens[head.head]
    if src.start <= head.idx < src.end or head.dep not in ("nsubj", "nsubjpass") or head.head != tok.i:
        return None
    lemma = head.lemma.lower()
    if lemma not in THING_HEADS and lemma.rstrip("s") not in THING_HEADS:
        return None
    return f"the doer is a thing ('{head.text}'), not '{src.text}'"


# the struggle words of force (19x) that politics uses for words and aims: 'fight poverty', 'clashed with the stances'
STRUGGLE = frozenset({"fight", "clash", "battle", "combat", "struggle", "war", "wage"})


def figurative_struggle(doc: ParsedDoc, event: Event, tok: Token) -> str | None:
    """Force (19x) named by a word of struggle ('fight', 'clash', 'battle', 'combat') and done by no armed actor is
    figurative when what it is against is no actor — a pronoun as 'it' or 'this', or a common noun no actor or place
    of the event names ('we are fighting it', 'his politics clashed with the party's stances', 'combat poverty') — or
    when both sides are political speakers, neither armed ('the judge clashed with ministers': a row, not a battle)."""
    if event.cameo.root != "19" or tok.lemma.lower() not in STRUGGLE:
        return None
    src, tgt = event.source, event.target
    if src is not None and set(src.sector) & ARMED_SECTORS or tgt is not None and set(tgt.sector) & ARMED_SECTORS:
        return None
    if (src is not None and tgt is not None and set(src.sector) & POLITICAL_SPEAKERS and set(tgt.sector) & POLITICAL_SPEAKERS
            and src.kind != "state" and tgt.kind != "state"):
        return f"a row of words ('{tok.text}'), not force"
    against = [c for c in doc.children(tok.i) if c.dep == "dobj"]
    for prep in doc.children(tok.i):
        if prep.dep == "prep" and prep.text.lower() in ("with", "against", "on"):
            against += [g for g in doc.children(prep.i) if g.dep == "pobj"]
    for obj in against:
        word = obj.text.lower()
        if obj.pos == "PRON" and word in ("it", "this", "that"):
            return f"figurative '{tok.text} {obj.text}'"
        spans = [(a.start, a.end) for a in (src, tgt) if a is not None]
        in_actor = any(a <= t.idx < b for t in doc.subtree(obj.i) for a, b in spans)
        if obj.pos == "NOUN" and not obj.ent_type and not in_actor and obj.lemma.lower() not in PHYSICAL_TARGETS:
            return f"figurative '{tok.text}' against '{obj.text}'"
    return None


# what is published or put up: releasing or withdrawing it is no release of persons, no yielding, no retreat
PUBLISHED = frozenset({
    "report", "return", "record", "document", "data", "figure", "statistic", "detail", "name", "result", "statement",
    "transcript", "footage", "video", "film", "album", "book", "tape", "photo", "photograph", "picture", "image",
    "letter", "finding", "memo", "email", "e-mail", "file", "paper", "account", "list", "information", "evidence",
    "poster", "advert", "advertisement", "ad", "leaflet", "song", "single", "game", "product", "version", "model",
    "update", "software", "app", "guidance", "guideline", "text", "minute", "forecast", "estimate", "study", "survey",
    "poll", "audit", "review"})


def published_thing(doc: ParsedDoc, event: Event, tok: Token) -> str | None:
    """A release or withdrawal (08x) of something published or put up ('released its annual report', 'the release of
    his tax returns', 'withdrew two posters') publishes or takes it back: no person freed, no concession, no retreat."""
    if event.cameo.root != "08":
        return None
    if tok.pos == "VERB":
        things = [c for c in doc.children(tok.i) if c.dep in ("dobj", "nsubjpass")]
    else:
        things = [g for p in doc.children(tok.i) if p.dep == "prep" and p.text.lower() == "of"
                  for g in doc.children(p.i) if g.dep == "pobj"]
    for obj in things:
        lemma = obj.lemma.lower()
        if obj.pos == "NOUN" and (lemma in PUBLISHED or lemma.rstrip("s") in PUBLISHED):
            return f"a {obj.text} published or taken back, not an act of yielding"
    return None


# verbs of omission: 'failed to say', 'neglected to mention' tell what someone did not do, not a refusal to speak
OMISSION = frozenset({"fail", "neglect", "forget", "omit"})


def failed_to_say(doc: ParsedDoc, event: Event, tok: Token) -> str | None:
    """A speech act under a verb of omission ('failed to say which taxes …', 'are failing to report fraud', 'neglected
    to mention his request') is another's reproach or an omission, not a refusal to comment (011) nor a statement:
    only 'refused / declined to comment' declines."""
    if event.cameo.root != "01" or tok.dep != "xcomp" or tok.head == tok.i:
        return None
    head = doc.tokens[tok.head]
    return f"an omission ('{head.text} to {tok.text}')" if head.lemma.lower() in OMISSION else None


GATES: list[tuple[str, Gate]] = [
    ("noun_in_passing", noun_in_passing),
    ("victim_as_doer", victim_as_doer),
    ("no_political_doer", no_political_doer),
    ("noun_of_a_noun", noun_of_a_noun),
    ("country_of_a_business", country_of_a_business),
    ("yes_no_question", yes_no_question),
    ("role_of_an_uncoded_body", role_of_an_uncoded_body),
    ("doer_is_a_thing", doer_is_a_thing),
    ("figurative_struggle", figurative_struggle),
    ("published_thing", published_thing),
    ("failed_to_say", failed_to_say),
]


def apply(doc: ParsedDoc, events: Iterable[Event], off: Iterable[str] = (),
          counts: Counter | None = None) -> list[Event]:
    """The events no gate stops, in order; `off` names gates to skip; `counts` gets the stops per gate."""
    skip = set(off)
    kept = []
    for e in events:
        tok = trigger_token(doc, e)
        stopped = None
        if tok is not None:
            stopped = next((name for name, gate in GATES if name not in skip and gate(doc, e, tok)), None)
        if stopped is None:
            kept.append(e)
        elif counts is not None:
            counts[stopped] += 1
    return kept
