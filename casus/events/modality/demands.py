"""Demands told as obligations: 'X said the government must ensure security' is X demanding of the government."""
from __future__ import annotations

from casus.events.roles.arguments import ActorIndex, subject_of
from casus.events.triggers.constructions import obliged
from casus.events.modality.modality import modality
from casus.model import ParsedDoc, Token

# states, perceptions and wishes are no acts one can be asked to do: "the monarchy should symbolise …"
STATIVE = frozenset({"be", "have", "see", "seem", "look", "feel", "know", "remain", "stay", "symbolise", "symbolize",
                     "represent", "mean", "understand", "realise", "realize", "think", "believe", "get", "become",
                     "reflect", "deserve", "expect", "need", "want", "like", "come", "go", "happen", "exist", "lie"})


def demanded_act(lexicon, doc: ParsedDoc, verb: Token, index: ActorIndex) -> bool:
    """True if a verb no lexicon row codes is what a political speaker says another actor must do.

    'Wickremesinghe said the government must ensure security', 'Trump said the oppression of the
    Venezuelan people must end': a demand (10) on the one named in the clause's subject. Not when the
    speaker speaks of its own side ('Putin said Russia must respond') or nobody named is obliged.
    """
    if not obliged(doc, verb) or verb.lemma.lower() in STATIVE:
        return False
    subj, passive = subject_of(doc, verb)
    if subj is None or passive or subj.head != verb.i:
        return False
    doers = [m for m in index.for_phrase(subj.i, where=False) if m.actor.code]  # not "payers in Wales"
    mood = modality(doc, verb, lexicon.is_speech)
    if not doers or mood.mode != "demanded" or mood.appeal_head is None:
        return False
    speaker, _ = subject_of(doc, mood.appeal_head)
    speakers = [m for m in index.for_phrase(speaker.i) if m.actor.code] if speaker is not None else []
    if not speakers:
        return False
    return not any(d.actor.code.startswith(s.actor.code) or s.actor.code.startswith(d.actor.code)
                   for d in doers for s in speakers)
