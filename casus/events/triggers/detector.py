"""A learned event detector: scores (token → CAMEO root) over parse features, proposing and weighing triggers.

A linear model (multinomial logistic regression, numpy) over features the pipeline already has — the
token's lemma, POS, dependency, head, particle, what the lexicon says of it, whether an actor is its
subject or object, whether it reports speech or sits in reported speech. Trained by
`scripts/train_detector.py` on the train split of the annotated real-news sentences; it ships as
`casus/events/data/detector.npz` (format in FORMAT.md). In candidate finding it
1. proposes a token the lexicon does not know when some root scores at least `propose` (a learned
   trigger, coded at the root's unspecified code, e.g. 110, with the reason "model: 'slammed' → 11, p 0.83");
2. drops a lexicon candidate whose 'no event' probability is at least `drop`.
Arguments of a learned trigger come from the same role rules as a lexicon trigger's.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from casus.events.roles.arguments import ActorIndex, subject_of
from casus.events.triggers.lexicon import LexEntry
from casus.events.triggers.triggers import CONSTRUCTION, NAME_ENTITIES, Candidate
from casus.model import ParsedDoc, Token

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "detector.npz"
PACKAGE_LEXICON = str(Path(__file__).resolve().parent.parent / "data" / "lexicon.tsv")
EVALUATIVE_PATH = Path(__file__).resolve().parent.parent / "data" / "evaluative.tsv"
CONTENT_CAP = 40  # tokens of a reported clause read for its content
NONE = "none"
SCORED_POS = frozenset({"VERB", "NOUN", "ADJ"})
LEARNED_TARGETS = ("dobj", "to", "with", "against", "at", "on", "over", "for", "toward", "towards", "into")
ORIGIN = "model"


def scored_tokens(doc: ParsedDoc, start: int, end: int, index: ActorIndex, claimed: set[int]) -> list[Token]:
    """The tokens of a sentence the detector scores: lexicon candidates and content words outside names."""
    out = []
    for t in doc.tokens[start:end]:
        if t.i in claimed:
            out.append(t)
        elif t.pos in SCORED_POS and t.ent_type not in NAME_ENTITIES and index.at(t.i) is None and t.text.isalpha():
            out.append(t)
    return out


def _actor_kind(doc: ParsedDoc, tok: Token | None, index: ActorIndex) -> str:
    if tok is None:
        return "none"
    if tok.tag == "PRP":
        return "pron"
    found = index.for_phrase(tok.i)
    if not found:
        return "noun"
    a = found[0].actor
    return f"{a.kind or 'actor'}{'+c' if a.country else ''}"


def load_evaluative(path: Path = EVALUATIVE_PATH) -> dict[str, str]:
    """Evaluative words and their polarity (neg / pos) from evaluative.tsv."""
    out: dict[str, str] = {}
    header = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not header:
            header = True
            continue
        lemma, polarity = line.split("\t")[:2]
        out[lemma.strip().lower()] = polarity.strip()
    return out


def _content(doc: ParsedDoc, t: Token) -> list[Token]:
    """What a speech or judging word reports: its clausal complement, or the clause it is a parenthesis of."""
    kids = [c for c in doc.children(t.i) if c.dep in ("ccomp", "xcomp")]
    if kids:
        return [x for c in kids for x in doc.subtree(c.i)][:CONTENT_CAP]
    if t.dep in ("parataxis", "ccomp") and t.head != t.i and t.head > t.i - 40:  # "X is a disgrace, he said"
        own = {x.i for x in doc.subtree(t.i)}
        return [x for x in doc.subtree(t.head) if x.i not in own][:CONTENT_CAP]
    return []


def content_features(doc: ParsedDoc, t: Token, index: ActorIndex, evaluative: dict[str, str],
                     claimed: dict[int, str]) -> list[str]:
    """What the clause a token reports holds: evaluative words, actors, lexicon acts, modals, negation."""
    f = []
    for x in _content(doc, t):
        lemma = x.lemma.lower()
        pol = evaluative.get(lemma) or evaluative.get(x.text.lower())
        if pol:
            f.append(f"ev={pol}")
        if x.i in claimed:
            f.append(f"cl={claimed[x.i]}")
        if index.at(x.i) is not None:
            f.append("ca")
        if x.dep == "neg":
            f.append("cneg")
        if x.tag == "MD" and lemma in ("should", "must"):
            f.append("cmust")
    return sorted(set(f))


def token_features(doc: ParsedDoc, t: Token, index: ActorIndex, lexicon, cand: Candidate | None,
                   speech_head: Token | None) -> list[str]:
    """The features of one token (strings; the model keeps those it saw in training)."""
    lemma = t.lemma.lower()
    kids = doc.children(t.i)
    head = doc.tokens[t.head]
    f = ["b", f"w={lemma}", f"p={t.pos}", f"t={t.tag}", f"d={t.dep}", f"wp={lemma}|{t.pos}",
         f"hd={head.lemma.lower()}|{t.dep}", f"hp={head.pos}"]
    for c in kids:
        if c.dep == "prt" or (c.dep == "prep" and c.i == t.i + 1):
            f.append(f"wprt={lemma} {c.text.lower()}")
            f.append(f"prt={c.text.lower()}")
        if c.dep == "prep":
            pobj = next((g for g in doc.children(c.i) if g.dep == "pobj"), None)
            if pobj is not None and index.for_phrase(pobj.i):
                f.append(f"pa={c.text.lower()}")
        elif c.dep in ("dobj", "attr"):
            f.append(f"o={c.lemma.lower()}")
            f.append(f"oa={_actor_kind(doc, c, index)}")
        elif c.dep in ("ccomp", "xcomp", "neg", "auxpass", "aux"):
            f.append(f"k={c.dep}")
            if c.dep == "aux":
                f.append(f"aux={c.lemma.lower()}")
    if t.dep in ("dobj", "pobj", "nsubj", "attr"):
        f.append(f"hw={head.lemma.lower()}|{lemma}")  # "took a swipe", "made an appeal"
    if t.pos == "VERB" or cand is not None:
        subj, passive = subject_of(doc, t)
        f.append(f"s={_actor_kind(doc, subj, index)}{'|pass' if passive else ''}")
    elif t.pos == "NOUN":
        poss = next((c for c in kids if c.dep == "poss"), None)
        f.append(f"poss={_actor_kind(doc, poss, index)}")
    if cand is not None:  # a user's or PETRARCH's row is weighed apart from the package's
        kind = "lex" if cand.entry.origin.startswith(PACKAGE_LEXICON) or not cand.entry.origin else "ulex"
        f.append(f"{kind}={cand.entry.code[:2]}")
        f.append(f"{kind}w={cand.entry.code[:2]}|{lemma}")
    elif lexicon.is_speech(lemma):
        f.append("speech")
    if speech_head is not None:
        f.append("reported")
    return f


def speech_heads(doc: ParsedDoc, toks: list[Token], lexicon) -> dict[int, Token]:
    """For each token inside a reported clause ('…, he said'), the speech verb."""
    out = {}
    for t in toks:
        cur = t
        for _ in range(6):
            if cur.head == cur.i:
                break
            h = doc.tokens[cur.head]
            if cur.dep == "ccomp" and lexicon.is_speech(h.lemma.lower()):
                out[t.i] = h
                break
            cur = h
    return out


def sentence_features(doc: ParsedDoc, start: int, end: int, index: ActorIndex, lexicon,
                      cands: list[Candidate], evaluative: dict[str, str]) -> list[tuple[Token, list[str]]]:
    """Every scored token of one sentence with its features."""
    by_tok = {c.token.i: c for c in cands}
    claimed = {i: c.entry.code[:2] for i, c in by_tok.items()}
    toks = scored_tokens(doc, start, end, index, set(by_tok))
    heads = speech_heads(doc, toks, lexicon)
    out = []
    for t in toks:
        f = token_features(doc, t, index, lexicon, by_tok.get(t.i), heads.get(t.i))
        if t.pos == "VERB" or t.i in by_tok:
            content = content_features(doc, t, index, evaluative, claimed)
            f += content
            if "speech" in f:  # who speaks and what of: "the minister said the plan was a disgrace"
                who = next((x for x in f if x.startswith("s=")), "s=none")
                f += [f"sp|{who}"] + [f"sp|{x}" for x in content] + [f"sp|{who}|{x}" for x in content]
        f += [f"sl={r}" for r in sorted({r for i, r in claimed.items() if i != t.i})]
        out.append((t, f))
    return out


def _has_doer(doc: ParsedDoc, t: Token, feats: list[str], index: ActorIndex) -> bool:
    """True when an actor or a pronoun is the word's subject (a verb) or possessor (a noun) itself:
    'the minister hit out', not 'Kenya's exports hit a record high'."""
    if t.pos == "VERB":
        subj, _ = subject_of(doc, t)
        return subj is not None and (subj.tag == "PRP" or index.at(subj.i) is not None)
    return any(x.startswith("poss=") and x[5:] not in ("noun", "none") for x in feats)


def _says_it(feats: list[str], root: str) -> bool:
    """False for a speech verb proposed as criticism or another conflict root whose clause holds no word of
    criticism ('analysts said the two have different views' is no criticism; 'said the plan was a disgrace' is)."""
    return "speech" not in feats or root < "09" or "ev=neg" in feats


def _own_side(doc: ParsedDoc, t: Token, index: ActorIndex) -> bool:
    """True when a government speaker's reported clause tells of its own state or government ('the minister said
    Vietnam had a good year'): a remark on one's own side's record or prospects is no public statement (01)."""
    subj, _ = subject_of(doc, t)
    speaker = [m.actor.code for m in index.for_phrase(subj.i) if m.actor.code] if subj is not None else []
    if not any("GOV" in code for code in speaker):
        return False
    content = _content(doc, t)
    inside = {x.i for x in content}
    tops = {x.i for x in content if x.head not in inside or x.head == x.i}
    told = next((x for x in content if x.dep in ("nsubj", "nsubjpass") and x.head in tops), None)
    about = [m.actor for m in index.for_phrase(told.i)] if told is not None else []
    return bool(about) and all(a.code and any(a.code == code or a.code == code[:3] for code in speaker)
                               for a in about)


@dataclass
class Detector:
    """The trained model: feature vocabulary, weights per class, and the thresholds chosen on dev."""

    vocab: dict[str, int]
    weights: np.ndarray  # (features, classes)
    classes: list[str]  # "none" and two-digit roots
    propose: float = 0.5
    drop: float = 1.0
    judge: float = 1.0  # drop a candidate of a user's or PETRARCH's lexicon at this 'no event' probability
    beside: float = 0.5  # propose in a sentence the lexicon already has a candidate in only at this probability
    evaluative: dict[str, str] = field(default_factory=load_evaluative)

    def _threshold(self, cand: Candidate) -> float:
        """The 'no event' probability at which a lexicon candidate is dropped: the package's (its lexicon and its
        construction rules, 'held X responsible'), or a user's."""
        origin = cand.entry.origin
        package = not origin or origin.startswith(PACKAGE_LEXICON) or origin == CONSTRUCTION
        return self.drop if package else self.judge

    @property
    def _roots(self) -> np.ndarray:
        return np.array([c != NONE for c in self.classes])

    @classmethod
    def load(cls, path: Path | None = None) -> "Detector | None":
        """The shipped model (or another file); None when there is none."""
        path = Path(path) if path is not None else DEFAULT_PATH
        if not path.exists():
            return None
        with np.load(path, allow_pickle=False) as z:
            names = [str(s) for s in z["features"]]
            meta = json.loads(str(z["meta"]))
            return cls({n: i for i, n in enumerate(names)}, z["weights"].astype(np.float32), list(meta["classes"]),
                       float(meta["propose"]), float(meta["drop"]), float(meta.get("judge", 1.0)),
                       float(meta.get("beside", 0.5)))

    def save(self, path: Path, extra: dict | None = None) -> None:
        """Write the model file (npz: features, weights as float16, meta JSON)."""
        names = sorted(self.vocab, key=self.vocab.get)
        meta = {"classes": self.classes, "propose": self.propose, "drop": self.drop, "judge": self.judge,
                "beside": self.beside, **(extra or {})}
        np.savez_compressed(path, features=np.array(names), weights=self.weights.astype(np.float16),
                            meta=np.array(json.dumps(meta)))

    def probabilities(self, feats: list[list[str]]) -> np.ndarray:
        """Class probabilities per token (rows) from each token's features."""
        if not feats:
            return np.zeros((0, len(self.classes)), dtype=np.float32)
        scores = np.zeros((len(feats), self.weights.shape[1]), dtype=np.float32)
        get = self.vocab.get
        rows, flat, starts = [], [], []
        for r, fs in enumerate(feats):
            ids = [j for j in map(get, fs) if j is not None]
            if ids:
                rows.append(r)
                starts.append(len(flat))
                flat.extend(ids)
        if rows:  # one gather for all rows; each row summed on its own (np.add.reduceat adds in another order)
            gathered = self.weights[flat]
            for r, a, b in zip(rows, starts, [*starts[1:], len(flat)]):
                scores[r] = gathered[a:b].sum(axis=0)
        scores -= scores.max(axis=1, keepdims=True)
        e = np.exp(scores)
        return e / e.sum(axis=1, keepdims=True)

    def revise(self, doc: ParsedDoc, start: int, end: int, index: ActorIndex, lexicon,
               cands: list[Candidate]) -> list[Candidate]:
        """The lexicon's candidates of one sentence, less those the model rejects, plus those it proposes."""
        if cands and self.beside >= 1.0 and all(self._threshold(c) >= 1.0 for c in cands):
            return cands  # nothing to propose beside the lexicon's acts, nothing to drop: no need to score
        scored = sentence_features(doc, start, end, index, lexicon, cands, self.evaluative)
        if not scored:
            return cands
        probs = self.probabilities([f for _, f in scored])
        none = self.classes.index(NONE)
        by_tok = {c.token.i: c for c in cands}
        dropped: set[int] = set()
        added = []
        bar = max(self.propose, self.beside) if cands else self.propose  # the lexicon's act usually is the act
        roots = self._roots
        for (t, feats), p in zip(scored, probs):
            if t.i in by_tok:
                limit = self._threshold(by_tok[t.i])
                if limit < 1.0 and p[none] >= limit:  # 1.0: never
                    dropped.add(t.i)
                continue
            k = int(np.argmax(np.where(roots, p, -1.0)))  # the likeliest root, even below 'none'
            if bar < 1.0 and p[k] >= bar and _has_doer(doc, t, feats, index) and _says_it(feats, self.classes[k]) and (
                    self.classes[k] != "01" or "speech" not in feats or not _own_side(doc, t, index)):
                root = self.classes[k]
                note = f"model: '{t.text}' → {root}, p {p[k]:.2f}"
                entry = LexEntry(t.lemma.lower(), "VERB" if t.pos == "VERB" else "NOUN", f"{root}0",
                                 LEARNED_TARGETS, None, note, ORIGIN)
                added.append(Candidate(t, entry, entry.pos))
        if not dropped and not added:
            return cands
        out = [c for c in cands if c.token.i not in dropped] + added
        return sorted(out, key=lambda c: c.token.i)
