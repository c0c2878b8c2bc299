"""Events: from a parsed, grounded document to coded events.

The one public entry of the event coder; its parts live in sub-packages by job: `triggers`
(lexicon, triggers, constructions, PETRARCH verb dictionaries), `roles` (arguments and roles,
reported speech, borrowed arguments, clause attachment of dates and places), `modality` (modes
and the codes they prescribe), `quotes` (quotes and speakers), `precision` (checks that drop
acts named but not reported), `ranking` (the re-ranker and confidence) and `sieve` (the extractor's
rules as an ordered list of named passes). `extract` finds the trigger candidates and runs the
sieve's passes over them; `ontology` is the CAMEO/PLOVER table they share.
"""
from __future__ import annotations

import importlib

_PUBLIC = {
    "EventExtractor": "casus.events.extract",
    "Ontology": "casus.events.ontology",
    "Lexicon": "casus.events.triggers.lexicon",
    "is_verb_dictionary": "casus.events.triggers.petrarch_verbs",
    "read_verbs": "casus.events.triggers.petrarch_verbs",
    "Ranker": "casus.events.ranking.ranker",
    "find_quotes": "casus.events.quotes.quotes",
    "Detector": "casus.events.triggers.detector",
    "EventFilter": "casus.events.ranking.filter",
    "RelevanceModel": "casus.events.ranking.relevance",
    "GATES": "casus.events.precision.gates",
    "ANTECEDENT_RULES": "casus.events.precision.antecedents",
    "locate_events": "casus.events.roles.locate",
}

__all__ = sorted(_PUBLIC)


def __getattr__(name: str):
    """The public names, imported on first use."""
    if name in _PUBLIC:
        return getattr(importlib.import_module(_PUBLIC[name]), name)
    raise AttributeError(f"module 'casus.events' has no attribute {name!r}")
