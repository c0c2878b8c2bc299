"""Token patterns found through an index: the matches a rule-based token matcher gives, tried only where they can start.

A pattern is a list of token specs; a spec maps an attribute (`TAG`, `LOWER`, `DEP`, `IS_SPACE`) to a
value, or to `{"IN": [...]}`, `{"NOT_IN": [...]}` or `{"REGEX": "..."}`. A generic matcher tries every
pattern at every token; here a pattern is tried only at tokens whose lower-case form, tag, dependency
or space flag its first spec names, so the cost per token no longer grows with the number of rules.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")
INDEXED = ("LOWER", "TAG", "DEP", "IS_SPACE")  # a pattern is filed under the first of these its first spec fixes
Spec = dict[str, Any]
TokenAttrs = tuple[str, str, str, bool]  # tag, lower, dep, is_space: in the order of ATTRS


def _test(value: Any):
    """A function telling whether a token's attribute value satisfies one spec value."""
    if not isinstance(value, dict):
        return lambda v: v == value
    if set(value) == {"IN"}:
        allowed = frozenset(value["IN"])
        return lambda v: v in allowed
    if set(value) == {"NOT_IN"}:
        refused = frozenset(value["NOT_IN"])
        return lambda v: v not in refused
    if set(value) == {"REGEX"}:
        return re.compile(value["REGEX"]).search
    raise ValueError(f"unsupported token spec {value!r}")


def _compile(spec: Spec) -> list[tuple[int, Any]]:
    unknown = set(spec) - set(ATTRS)
    if unknown:
        raise ValueError(f"unsupported token attributes {sorted(unknown)}")
    return [(ATTRS.index(attr), _test(value)) for attr, value in spec.items()]


def _exact(spec: Spec, attr: str) -> list[str] | None:
    """The values of `attr` a token must have to match this spec, if the spec names them."""
    value = spec.get(attr)
    if isinstance(value, (str, bool)):
        return [value]
    if isinstance(value, dict) and set(value) == {"IN"}:
        return list(dict.fromkeys(value["IN"]))
    return None


class TokenRules:
    """Keyed token patterns, each tried only at tokens its first spec can match."""

    def __init__(self, rules: Iterable[tuple[int, Sequence[Sequence[Spec]]]]):
        self.index: list[tuple[int, dict[Any, list]]] = [(ATTRS.index(a), {}) for a in INDEXED]
        self.everywhere: list = []
        for key, patterns in rules:
            for pattern in patterns:
                entry = (key, [_compile(spec) for spec in pattern])
                for (_, bucket), attr in zip(self.index, INDEXED):
                    values = _exact(pattern[0], attr)
                    if values is not None:
                        for v in values:
                            bucket.setdefault(v, []).append(entry)
                        break
                else:
                    self.everywhere.append(entry)

    def matches(self, tokens: Sequence[TokenAttrs]) -> list[tuple[int, int, int]]:
        """Every (key, start, end) where a pattern matches the tokens."""
        out = []
        n = len(tokens)
        empty: list = []
        for i, tok in enumerate(tokens):
            for entries in [index.get(tok[at], empty) for at, index in self.index] + [self.everywhere]:
                for key, specs in entries:
                    end = i + len(specs)
                    if end <= n and all(test(tokens[i + j][attr]) for j, spec in enumerate(specs)
                                        for attr, test in spec):
                        out.append((key, i, end))
        return out
