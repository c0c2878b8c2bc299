"""Act words that name no act done: devices searched for or made safe, fields and kinds named by a modifier."""
from __future__ import annotations

from casus.events.roles.arguments import acted_on, object_words, subject_of
from casus.events.triggers.triggers import FORCE_ROOTS
from casus.model import Actor, ParsedDoc, Token

# what is done to a device that has not gone off: looking for it, finding it, making it safe, making or keeping it
DEVICE_VERBS = frozenset({"search", "seek", "look", "hunt", "find", "discover", "detect", "locate", "uncover",
                          "defuse", "dismantle", "disarm", "deactivate", "neutralize", "neutralise", "dispose",
                          "recover", "sweep", "manufacture", "build", "assemble", "possess", "store", "stockpile",
                          "hide", "smuggle"})


def handled_device(doc: ParsedDoc, noun: Token, code: str) -> bool:
    """True for a device noun of force that is searched for, found or made safe ('seeking a bomb', 'defused a mine')."""
    if code[:2] not in FORCE_ROOTS:
        return False
    tok = noun
    while tok.dep in ("compound", "conj") and tok.head != tok.i:  # "a car bomb", "guns and bombs"
        tok = doc.tokens[tok.head]
    if tok.head == tok.i:
        return False
    head = doc.tokens[tok.head]
    if tok.dep == "pobj" and head.text.lower() == "for" and head.head != head.i:  # "searched for explosives"
        head = doc.tokens[head.head]
        return head.pos == "VERB" and head.lemma.lower() in DEVICE_VERBS
    if tok.dep not in ("dobj", "nsubjpass") or head.pos != "VERB" or head.lemma.lower() not in DEVICE_VERBS:
        return False
    obj = acted_on(doc, head)
    return obj is not None and obj.i == tok.i


# head nouns that carry the act their modifier names: "an aid convoy", "a peace plan", "the bombing campaign"
CARRIERS = frozenset({"package", "convoy", "shipment", "consignment", "delivery", "plan", "proposal", "programme",
                      "program", "process", "campaign", "operation", "effort", "initiative", "flight", "mission",
                      "money", "fund", "payment", "pledge", "offer", "request", "deal", "accord", "agreement", "bill",
                      "law", "resolution", "order", "spree", "wave", "series", "action", "activity", "round", "victim",
                      "casualty", "survivor", "threat", "call", "demand", "decision", "move", "measure", "step",
                      "date", "deadline", "site", "scene", "zone", "area", "toll", "explosion", "blast", "detonation",
                      "incident", "death", "injury", "ambush", "plot", "attempt", "warrant"})
NATURAL = frozenset({"hurricane", "storm", "flood", "tsunami", "weather", "heat", "fire", "typhoon", "cyclone",
                     "snow", "avalanche", "frost", "wind", "rain", "tornado", "volcano", "earthquake", "drought",
                     "health", "smog", "pollution"})


def names_a_kind(doc: ParsedDoc, noun: Token, claimed: set[int]) -> bool:
    """True for an act noun that only says what kind of thing its head is ('offer price', 'riot gear', 'investment bank').

    Not when the head carries the act ('aid convoy', 'peace plan', 'bombing campaign') or is an act itself.
    """
    if noun.dep != "compound" or noun.head == noun.i:
        return False
    head = doc.tokens[noun.head]
    if head.i in claimed or head.pos not in ("NOUN", "PROPN"):
        return False
    lemma = head.lemma.lower()
    return lemma not in CARRIERS and not lemma.rstrip("s") in CARRIERS


def natural_hazard(doc: ParsedDoc, noun: Token) -> bool:
    """True for a warning, alert or threat about weather or nature ('a hurricane warning', 'flood alert')."""
    return any(c.dep in ("compound", "amod", "nmod") and c.lemma.lower() in NATURAL for c in doc.children(noun.i))


def exercise_of(doc: ParsedDoc, noun: Token) -> bool:
    """True for 'the exercise of' a right, power or warrant: using it, not a military exercise."""
    return noun.lemma.lower() == "exercise" and any(
        c.dep == "prep" and c.text.lower() == "of" for c in doc.children(noun.i))


# what a market offers: instruments, prices and products, not political cooperation or aid
SELLING = frozenset({"offer", "sell", "issue", "auction", "provide"})
INSTRUMENTS = frozenset({"bond", "share", "stake", "deposit", "security", "securities", "certificate",
                         "debenture", "stock", "equity", "dividend", "coupon", "yield", "rate", "price", "discount",
                         "ipo", "tranche", "treasury", "treasuries", "premium", "fare", "product", "job", "salary", "wage",
                         "bonus"})
OFFERABLE = frozenset({"plan", "proposal", "solution", "guarantee", "assurance", "apology", "compensation", "amnesty",
                       "incentive", "role", "idea", "olive", "hand", "option", "alternative", "formula", "initiative",
                       "framework", "roadmap", "terms", "condition", "opportunity", "chance", "place", "seat", "post",
                       "venue", "resignation", "condolence", "sympathy", "congratulation"})


def market_goods(lexicon, doc: ParsedDoc, verb: Token, entry) -> bool:
    """True for an offer or a sale of market goods: 'offered treasury bills', 'offered deposits at higher rates'.

    Cooperation, aid and intent rows (03, 06, 07) then name no political act: the object is an instrument,
    price or product, or a plain 'offer' has an object that is no act and nothing offered between states.
    """
    if verb.pos != "VERB" or entry.code[:2] not in ("03", "06", "07"):
        return False
    obj = acted_on(doc, verb)
    if obj is None:
        return False
    words = [doc.tokens[i] for i in object_words(doc, obj)] + [c for c in doc.children(obj.i) if c.dep == "compound"]
    if any(w.lemma.lower() in INSTRUMENTS or w.text.lower() in INSTRUMENTS for w in words):
        return True
    if verb.lemma.lower() in SELLING and any(w.lemma.lower() == "bill" for w in words):
        return True  # "offered bills worth 5 billion rupees"; a government proposing a bill is politics
    lemma = obj.lemma.lower()
    return (entry.trigger == "offer" and entry.requires is None and obj.pos == "NOUN" and obj.ent_type == ""
            and lemma not in OFFERABLE and lemma.rstrip("s") not in OFFERABLE
            and lexicon.lookup(lemma, "NOUN") is None)


def not_a_call(doc: ParsedDoc, verb: Token, code: str) -> bool:
    """True for 'call' that names, projects or summons, not a telephone call (041).

    'calling it a culture of death', 'called Nevada for Biden', 'firefighters were called to the building'.
    """
    if code != "041" or verb.lemma.lower() != "call":
        return False
    kids = doc.children(verb.i)
    if sum(c.dep == "dobj" for c in kids) > 1 or any(c.dep in ("oprd", "xcomp", "ccomp", "acomp") for c in kids):
        return True  # naming: "called it a crime"
    if any(c.dep == "prep" and c.text.lower() == "for" for c in kids):
        return True  # "called the race for Biden"
    return any(c.dep == "nsubjpass" for c in kids) and not any(c.dep == "agent" for c in kids)


ATTEMPT_VERBS = frozenset({"seek", "try", "attempt", "strive", "endeavour", "endeavor"})


def medium_of(doc: ParsedDoc, noun: Token, code: str, claimed: set[int], index) -> bool:
    """True for a statement noun that is only the medium of another coded act on an actor ('blamed Israel in a statement').

    Its target would be that act's; with no actor acted on ('in a press release, X denounced the summit') it stays.
    """
    if code[:2] != "01" or noun.dep != "pobj" or noun.head == noun.i:
        return False
    prep = doc.tokens[noun.head]
    if prep.text.lower() not in ("in", "through", "via") or prep.head not in claimed:
        return False
    return any(c.dep == "dobj" and index.for_phrase(c.i) for c in doc.children(prep.head))


def attempt_only(doc: ParsedDoc, verb: Token, code: str) -> bool:
    """True for 'sought to determine', 'tried to': an attempt at what follows, not an appeal (02)."""
    kids = doc.children(verb.i)
    return (code[:2] == "02" and verb.lemma.lower() in ATTEMPT_VERBS and any(c.dep == "xcomp" for c in kids)
            and not any(c.dep in ("dobj", "prep") for c in kids))


VERBAL_ATTACKS = frozenset({"attack", "clash", "assail", "lash", "blast", "slam", "hit", "savage", "strike"})


def figurative_force(tok: Token, lexicon_code: str, recoded: str) -> bool:
    """True for force (190) the actors' sectors made words (111) but whose trigger is no verbal attack.

    'the Liberal Democrats will have to fight to get their voice heard', 'Yukos continues to fight for its survival'.
    """
    return lexicon_code == "190" and recoded == "111" and tok.lemma.lower() not in VERBAL_ATTACKS


# what force is done to: a thing here is the object of a real attack, not of words
PHYSICAL_TARGETS = frozenset({
    "base", "camp", "convoy", "position", "post", "checkpoint", "building", "headquarters", "embassy", "consulate",
    "ship", "tanker", "vessel", "boat", "plane", "aircraft", "jet", "helicopter", "drone", "train", "bus", "car",
    "vehicle", "truck", "hospital", "school", "mosque", "church", "temple", "synagogue", "market", "village", "town",
    "city", "hotel", "office", "station", "compound", "facility", "plant", "pipeline", "border", "troops", "soldier",
    "force", "police", "patrol", "civilian", "people", "resident", "worshipper", "protester", "target", "stronghold",
    "hideout", "territory", "area", "region", "district", "home", "house", "platform", "bridge", "airport", "port"})
POLITICAL_SPEAKERS = frozenset({"GOV", "PTY", "LEG", "OPP", "ELI", "JUD", "NGO", "MED"})
ARMED_SECTORS = frozenset({"MIL", "COP", "REB", "INS", "UAF", "RAD", "SPY", "CRM"})


def attacked_matter(doc: ParsedDoc, tok: Token, index, source: Actor | None) -> Token | None:
    """The thing a politician's 'attack' is on when it is a matter, not an actor, place or target of force.

    'launched an attack on the government's spending plans', 'attacked the cost of the asylum system';
    not 'attacked an army base', 'attacked the town', 'attacked Kurdish fighters'.
    """
    if source is None or tok.lemma.lower() not in VERBAL_ATTACKS or set(source.sector) & ARMED_SECTORS:
        return None
    if not (source.kind == "person" or set(source.sector) & (POLITICAL_SPEAKERS - {"GOV"})):
        return None  # a government or state 'attacking' may use force
    if tok.pos == "VERB":
        obj = next((c for c in doc.children(tok.i) if c.dep == "dobj"), None)
    else:
        on = next((c for c in doc.children(tok.i) if c.dep == "prep" and c.text.lower() in ("on", "against")), None)
        obj = next((g for g in doc.children(on.i) if g.dep == "pobj"), None) if on is not None else None
    if obj is None or obj.pos != "NOUN" or obj.lemma.lower() in PHYSICAL_TARGETS or obj.ent_type:
        return None
    if index.at(obj.i) is not None or obj.i in index.place_at or index.for_phrase(obj.i):
        return None
    return obj


# what kills by accident or nature: no one's act of force
DISASTERS = frozenset({"fire", "blaze", "crash", "pileup", "collision", "accident", "storm", "hurricane", "typhoon",
                       "cyclone", "tornado", "flood", "flooding", "earthquake", "quake", "landslide", "mudslide",
                       "avalanche", "tsunami", "derailment", "stampede", "collapse", "heatwave", "wildfire",
                       "outbreak", "virus", "disease", "epidemic", "pandemic", "lightning", "eruption", "smash"})
MISHAPS = frozenset({"crash", "collide", "collapse", "sink", "capsize", "derail", "overturn", "burn"})
ANIMALS = frozenset({"pig", "chicken", "bird", "cattle", "cow", "poultry", "dog", "cat", "animal", "livestock", "sheep",
                     "goat", "fish", "whale", "deer", "horse", "duck", "hen", "camel", "mink", "wolf", "bear", "fox",
                     "badger", "rat", "mosquito", "locust", "elephant", "rhino", "lion", "tiger", "shark", "ibis"})


def by_mishap(doc: ParsedDoc, tok: Token, code: str) -> bool:
    """True for harm done by a disaster or mishap ('apartment fire kills three', 'killed when a plane crashed').

    Also harm to animals ('ordered the killing of 300,000 pigs').
    """
    if code[:2] not in FORCE_ROOTS:
        return False
    kids = doc.children(tok.i)
    doers = [c for c in kids if c.dep == "nsubj"] + [g for c in kids if c.dep in ("prep", "agent") and c.text.lower() in (
        "in", "during", "by", "from") for g in doc.children(c.i) if g.dep == "pobj"]
    if tok.dep == "conj" and tok.head != tok.i:  # "a fire kills three, injures sixteen": the shared subject
        doers += [c for c in doc.children(tok.head) if c.dep == "nsubj"]
    harmed = [c for c in kids if c.dep in ("dobj", "nsubjpass")] + [
        g for c in kids if c.dep == "prep" and c.text.lower() == "of" for g in doc.children(c.i) if g.dep == "pobj"]
    if any(w.lemma.lower() in DISASTERS for h in doers for w in _with_modifiers(doc, h)):
        return True
    if any(h.lemma.lower() in ANIMALS or h.lemma.lower().rstrip("s") in ANIMALS for h in harmed):
        return True
    return any(c.dep == "advcl" and c.lemma.lower() in MISHAPS and any(  # "killed when a bomber crashed"
        g.dep == "advmod" and g.text.lower() in ("when", "as") for g in doc.children(c.i)) for c in kids)


MARKET_ADJ = frozenset({"strong", "weak", "high", "low", "growing", "rising", "falling", "increased", "increasing",
                        "reduced", "slow", "sluggish", "robust", "global", "domestic", "consumer", "seasonal", "peak",
                        "pent-up", "overseas", "export", "import", "retail", "customer", "market", "oil", "energy",
                        "power", "electricity", "housing", "steady", "firm", "soft", "healthy", "brisk"})


def market_demand(doc: ParsedDoc, noun: Token) -> bool:
    """True for 'demand' as buying ('strong demand outside Europe', 'the increased demand for mail-in ballots')."""
    if noun.lemma.lower() != "demand":
        return False
    return any(c.dep in ("amod", "compound") and c.lemma.lower() in MARKET_ADJ for c in doc.children(noun.i))


def _with_modifiers(doc: ParsedDoc, tok: Token) -> list[Token]:
    return [tok] + [c for c in doc.children(tok.i) if c.dep in ("compound", "conj")]


def charged_that(doc: ParsedDoc, verb: Token, code: str) -> bool:
    """True for 'charged that …': a claim of wrongdoing (accusation), not a legal charge or arrest (17)."""
    kids = doc.children(verb.i)
    return (code[:2] == "17" and verb.lemma.lower() == "charge" and any(c.dep == "ccomp" for c in kids)
            and not any(c.dep in ("dobj", "nsubjpass") for c in kids))


MEDICINES = frozenset({"vaccine", "medicine", "drug", "treatment", "therapy", "pill", "jab"})


def licensed(doc: ParsedDoc, verb: Token, code: str) -> bool:
    """True for a medicine 'approved' with no one to receive it: a licence ('the vaccine was approved in Switzerland')."""
    if code[:2] != "07" or verb.lemma.lower() not in ("approve", "authorize", "authorise", "license", "clear"):
        return False
    obj = acted_on(doc, verb)
    return obj is not None and obj.lemma.lower() in MEDICINES and not any(  # "approved medicines for Ukraine"
        c.dep == "prep" and c.text.lower() in ("to", "for") for h in (verb, obj) for c in doc.children(h.i))


STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "SPY", "COP"})
COMMERCE = frozenset({"buy", "sell", "acquire", "purchase", "merge", "float", "list", "underwrite", "refinance"})
MARKET_OFFERS = frozenset({"tender", "public", "takeover", "rival", "hostile", "cash", "share", "initial", "exchange"})
HOLDINGS = frozenset({"share", "stake", "stock", "company", "firm", "unit", "asset", "bank", "subsidiary", "business"})


def commerce(doc: ParsedDoc, tok: Token, code: str, index) -> bool:
    """True for a firm's intent or offer (03) to buy or sell, or a bid for shares ('agreed to buy its former parent',
    'offering to buy properties', 'a tender offer for all shares'); a state's ('Iran offered to buy jets') stays."""
    if code[:2] != "03":
        return False
    subj = subject_of(doc, tok)[0] if tok.pos == "VERB" else None
    doer = index.at(subj.i) if subj is not None else None
    if doer is not None and (doer.actor.kind in ("state", "igo") or STATE_SECTORS & set(doer.actor.sector)):
        return False
    kids = doc.children(tok.i)
    if any(c.dep in ("xcomp", "acl", "ccomp") and c.lemma.lower() in COMMERCE for c in kids):
        return True
    if tok.pos != "NOUN" or tok.lemma.lower() not in ("offer", "bid"):
        return False
    return any(c.dep in ("amod", "compound") and c.lemma.lower() in MARKET_OFFERS for c in kids) or any(
        g.lemma.lower() in HOLDINGS for c in kids if c.dep == "prep" and c.text.lower() == "for"
        for g in doc.children(c.i) if g.dep == "pobj")


LEGAL_TEXTS = frozenset({"law", "rule", "constitution", "code", "act", "bill", "treaty", "regulation", "statute",
                         "provision", "clause", "amendment", "emergency", "system", "policy", "ruling", "decree",
                         "guideline", "legislation", "arrangement", "model", "framework", "deal", "agreement"})


def allowed_by_text(doc: ParsedDoc, verb: Token, code: str) -> bool:
    """True for what a law or rule allows ('Pakistani law allowed the perpetrators to go unpunished'): no one yields."""
    if code[:2] != "08" or verb.pos != "VERB" or verb.lemma.lower() not in ("allow", "permit", "enable", "let"):
        return False
    subj = subject_of(doc, verb)[0]
    return subj is not None and subj.lemma.lower() in LEGAL_TEXTS


MARKETS = frozenset({"stock", "share", "market", "equity", "bond", "price", "oil", "dollar", "index", "currency", "yen",
                     "euro", "pound", "sterling", "gold", "commodity", "futures", "relief", "bull", "bear"})


def market_rally(doc: ParsedDoc, tok: Token, code: str) -> bool:
    """True for a rally of prices ('the stock market rally for Bush', 'shares rallied'): no demonstration (14)."""
    if code[:2] != "14" or tok.lemma.lower() != "rally":
        return False
    words = [c for c in doc.children(tok.i) if c.dep in ("compound", "amod", "nmod")]
    if tok.pos == "VERB":
        words += [c for c in doc.children(tok.i) if c.dep == "nsubj"]
    words += [g for w in list(words) for g in doc.children(w.i) if g.dep == "compound"]
    return any(w.lemma.lower() in MARKETS or w.lemma.lower().rstrip("s") in MARKETS for w in words)


def named_not_done(lexicon, doc: ParsedDoc, cand, claimed: set[int], index) -> bool:
    """True for a trigger that names no act done here (each check's docstring gives its class)."""
    tok, code, noun = cand.token, cand.entry.code, cand.pos == "NOUN"
    if noun and (handled_device(doc, tok, code) or names_a_kind(doc, tok, claimed) or exercise_of(doc, tok)
                 or code[:2] == "13" and natural_hazard(doc, tok) or medium_of(doc, tok, code, claimed, index)
                 or market_demand(doc, tok)):
        return True
    if cand.pos == "VERB" and (not_a_call(doc, tok, code) or attempt_only(doc, tok, code) or licensed(doc, tok, code)
                               or allowed_by_text(doc, tok, code)):
        return True
    return (market_goods(lexicon, doc, tok, cand.entry) or by_mishap(doc, tok, code) or commerce(doc, tok, code, index)
            or market_rally(doc, tok, code))


MOVES = frozenset({"arrive", "travel", "fly", "head", "come", "go", "return", "visit"})


def no_host(tok: Token, code: str, target) -> bool:
    """True for a visit (042/043) with no host: 'Police arrived and shot him', 'officers arrived at the Walmart'."""
    if code[:3] not in ("042", "043") or tok.pos != "VERB" or tok.lemma.lower() not in MOVES:
        return False
    return not target or all(m.actor.sector and set(m.actor.sector) <= {"BUS"} and not m.actor.country
                             or m.actor.kind == "unknown" for m in target.mentions)
