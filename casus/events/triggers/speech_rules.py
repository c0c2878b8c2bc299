"""The word lists of the speech-act rules: speech_acts.tsv (rule, kind, word) and evaluative.tsv's ill words."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from casus.events.ontology import read_tsv
from casus.model import InputError

DATA = Path(__file__).resolve().parent.parent / "data"
DEFAULT_FILE = DATA / "speech_acts.tsv"
EVALUATIVE_FILE = DATA / "evaluative.tsv"
RULES = {"criticism": "111", "accusation": "112", "statement": "010", "denial": "016"}
KINDS = frozenset({"verb", "cue", "praise", "topic", "conduct", "charge", "noun", "proof"})

@dataclass(frozen=True)
class SpeechRules:
    """Per rule, the speech verbs it reads and the words that make a reported clause what it needs."""

    verbs: dict[str, frozenset[str]]
    cues: dict[str, frozenset[str]]
    praise: frozenset[str] = frozenset()  # words of praise that, denied, are criticism ('not honest')
    topics: frozenset[str] = frozenset()  # nouns of public acts and measures ('the tax would be ineffective')
    conduct: frozenset[str] = frozenset()  # nouns naming a wrong way of acting ('the government's incompetence')
    charges: frozenset[str] = frozenset()  # nouns naming an accusation ('the allegations were baseless')
    truths: frozenset[str] = frozenset()  # words whose denial denies an accusation ('the claims are not true')
    claims: frozenset[str] = frozenset()  # nouns of claiming whose owner accuses ("Kenya's claim that X attacked")
    proofs: frozenset[str] = frozenset()  # nouns of proof whose denial denies a wrong ("there was no evidence that")

    @classmethod
    def load(cls, path: Path = DEFAULT_FILE, evaluative: Path = EVALUATIVE_FILE) -> "SpeechRules":
        """The rules of speech_acts.tsv; the criticism rule also takes evaluative.tsv's 'neg' words."""
        verbs: dict[str, set[str]] = {r: set() for r in RULES}
        cues: dict[str, set[str]] = {r: set() for r in RULES}
        praise: set[str] = set()
        topics: set[str] = set()
        conduct: set[str] = set()
        charges: set[str] = set()
        truths: set[str] = set()
        claims: set[str] = set()
        proofs: set[str] = set()
        for lineno, header, f in read_tsv(path):
            if len(f) < 3 or f[0] not in RULES or f[1] not in KINDS or not f[2]:
                raise InputError(str(path), f"line {lineno}: want rule ({'|'.join(RULES)}), kind "
                                            f"({'|'.join(sorted(KINDS))}), word")
            word = f[2].lower()
            if f[1] == "praise":
                (praise if f[0] == "criticism" else truths).add(word)
            elif f[1] == "topic":
                topics.add(word)
            elif f[1] == "conduct":
                conduct.add(word)
            elif f[1] == "charge":
                charges.add(word)
            elif f[1] == "noun":
                claims.add(word)
            elif f[1] == "proof":
                proofs.add(word)
            else:
                (verbs if f[1] == "verb" else cues)[f[0]].add(word)
        for _, _, f in read_tsv(evaluative):
            if len(f) >= 2 and f[1] == "neg":
                cues["criticism"].add(f[0].lower())
        return cls({r: frozenset(v) for r, v in verbs.items()}, {r: frozenset(v) for r, v in cues.items()},
                   frozenset(praise), frozenset(topics), frozenset(conduct), frozenset(charges),
                   frozenset(truths), frozenset(claims), frozenset(proofs))
