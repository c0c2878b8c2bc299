"""PETRARCH/TABARI verb dictionaries read as extra trigger-lexicon rows.

A verb block (`--- ATTACK [190] ---`, then its synonyms, then `- ... * ... [code]` patterns)
becomes one VERB row per synonym with the block's code and the direct object as target,
plus the pattern rows casus's lexicon can express:

* `- * AID [070]`, `- * {ARMS SHIPMENT} [072]`, `- * &FOOD [073]`: a row constrained to
  that direct-object head (`requires obj=…`), targeting the first `(PREP …)` phrase if any;
* `- * (TO) [042]`, `- * AGAINST $ [173]`, `- * WITH + [031]`: a phrasal trigger
  (`rush to`, `agree with`) targeting that preposition.

Patterns with words before the verb (`- NOT * [112]`, `- SAID * [191]`), a preposition
phrase with a fixed noun and no object (`- * (TO BORDER) [154]`), transformations and codes
outside CAMEO are not expressed; `read_verbs` lists them in `skipped` with file, line and cause.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

from casus.events.triggers.lexicon import LexEntry, _singulars, normalize
from casus.model import InputError

_BLOCK = re.compile(r"^---\s+(.+?)\s*\[([^\]]*)\]\s*---\s*$")
_CODE = re.compile(r"\[([^\]]*)\]")
_SLOTS = {"$", "+", "%", "^"}  # TABARI source, target, compound and skip markers
_PREPOSITIONS = {"about", "across", "after", "against", "among", "at", "before", "behind", "between", "by",
                 "during", "for", "from", "in", "inside", "into", "near", "of", "off", "on", "onto", "out",
                 "over", "through", "to", "toward", "towards", "under", "upon", "with", "within", "without"}
_LEMMA_WORD = re.compile(r"^[a-z][a-z'\-]*$")


def is_verb_dictionary(path: Path) -> bool:
    """True when the file looks like a PETRARCH/TABARI verb dictionary (it has `--- VERB [code] ---` blocks)."""
    try:
        with path.open(encoding="utf-8", errors="replace") as fh:
            return any(_BLOCK.match(line.strip()) for _, line in zip(range(5000), fh))
    except OSError:
        return False


def _phrase(text: str) -> str:
    return " ".join(text.replace("_", " ").replace("+", " ").split()).lower()


def _code(raw: str) -> str | None:
    """The source-side code of `[a:b]`; None for the null code `---`."""
    code = raw.split(":")[0].strip()
    return None if not code or set(code) <= {"-"} else code


def _tokens(pattern: str) -> list[str]:
    """Pattern items: words, `{multi word}`, `(PREP …)` groups and slot markers."""
    return re.findall(r"\{[^}]*\}|\([^)]*\)|[^\s{}()]+", pattern)


def read_verbs(path: Path, valid: Callable[[str], bool], skipped: list[str] | None = None
               ) -> Iterator[LexEntry]:
    """Lexicon rows of a PETRARCH verb dictionary whose codes `valid` accepts; what cannot be expressed goes to `skipped`."""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as e:
        raise InputError(str(path), f"cannot read: {e.strerror}") from e
    skip = skipped.append if skipped is not None else (lambda _: None)
    synsets: dict[str, list[str]] = {}
    synset: str | None = None
    verbs: list[str] = []
    block_code: str | None = None
    for n, raw in enumerate(lines, 1):
        body = raw.split("#", 1)[0].strip()
        if not body or body.startswith("<!--"):
            continue
        where = f"{path}:{n}"
        block = _BLOCK.match(body)
        if block:
            verbs, block_code, synset = [], _code(block.group(2)), None
            continue
        if body.startswith("&"):
            synset = body.split()[0].upper().rstrip("_")  # a synonym set: its `+phrase` lines follow
            synsets[synset] = []
            continue
        if body.startswith("+") and synset is not None:
            synsets[synset].append(_phrase(body[1:]))
            continue
        if body.startswith("-"):
            yield from _pattern(body[1:], verbs, synsets, valid, where, skip)
            continue
        synset = None
        verb, own = _verb_line(body)
        if verb is None:
            skip(f"{where}: verb {body!r} is not a single word or a verb with its particle")
            continue
        verbs.append(verb)
        code = own or block_code
        if code is None:
            continue
        if not valid(code):
            skip(f"{where}: code {code!r} is not a CAMEO code")
            continue
        yield LexEntry(verb, "VERB", code, ("dobj",), None, "PETRARCH verb", where)


def _verb_line(body: str) -> tuple[str | None, str | None]:
    """The lemma of a synonym line (`HURRY {HURRIES …}`, `CONDON_+OFF`) and its own code, if any."""
    own = _CODE.search(body)
    head = re.sub(r"\{[^}]*\}|\[[^\]]*\]", " ", body).split()
    if not head:
        return None, None
    words = head[0].replace("_", " ").split()
    if len(words) > 1 and not words[0].startswith("+") and any(w.startswith("+") for w in words):
        return None, None  # the verb is not the first word ("+ANGERED_BY" is fine, "WIRE_+TAP" is not)
    verb = _phrase(head[0])
    parts = verb.split()
    if not parts or not all(_LEMMA_WORD.match(w) for w in parts) or (len(parts) > 1 and parts[-1] not in _PREPOSITIONS):
        return None, None
    return normalize(verb), (_code(own.group(1)) if own else None)


def _pattern(text: str, verbs: list[str], synsets: dict[str, list[str]], valid: Callable[[str], bool],
             where: str, skip: Callable[[str], None]) -> Iterator[LexEntry]:
    codes = _CODE.findall(text)
    if not codes or "*" not in text:
        skip(f"{where}: pattern without a verb position or a code")
        return
    code = _code(codes[-1])
    pre, _, post = _CODE.sub(" ", text).partition("*")
    if pre.strip():
        skip(f"{where}: words before the verb are not expressed")
        return
    if code is None:
        return
    if not valid(code):
        skip(f"{where}: code {code!r} is not a CAMEO code")
        return
    items = [t for t in _tokens(post.replace("_", " ")) if t not in {"%", "^"}]
    if not items or not verbs:
        return
    first = items[0]
    if first.startswith("(") or first.lower() in _PREPOSITIONS:
        words = first.strip("()").split() if first.startswith("(") else [first]
        prep = words[0].lower()
        rest = words[1:] + ([] if first.startswith("(") else [t for t in items[1:2] if t not in _SLOTS])
        if prep not in _PREPOSITIONS or rest:
            skip(f"{where}: a preposition phrase with a fixed noun is not expressed")
            return
        for verb in verbs:
            if " " not in verb:
                yield LexEntry(f"{verb} {prep}", "VERB", code, (prep,), None, "PETRARCH pattern", where)
        return
    if first in _SLOTS:
        return  # `* +`: the plain verb with its object, as the block row already says
    heads = _heads(first, synsets)
    if not heads:
        skip(f"{where}: object {first!r} is not a word, phrase or known synset")
        return
    pp = next((t.strip("()").split()[0].lower() for t in items[1:] if t.startswith("(")), None)
    target = (pp,) if pp in _PREPOSITIONS else ()
    for verb in verbs:
        yield LexEntry(verb, "VERB", code, target, frozenset(heads), "PETRARCH pattern", where)


def _heads(item: str, synsets: dict[str, list[str]]) -> set[str]:
    """Head lemmas (last words) an object item stands for; a phrase ending in a synset takes the synset's heads."""
    last = item.strip("{}").split()[-1] if item.strip("{}").split() else ""
    phrases = synsets.get(last.upper().rstrip("_"), []) if last.startswith("&") else [_phrase(last)]
    heads = set()
    for p in phrases:
        word = p.split()[-1] if p.split() else ""
        if _LEMMA_WORD.match(word):
            heads |= {word, *_singulars(word)}  # the parser gives lemmas: "ties" -> "tie"
    return heads
