"""Calls told as obligations: 'X said the government must ensure security' is X demanding of the government;
'… should ensure security', X appealing to it."""
from __future__ import annotations

from casus.events.roles.arguments import ActorIndex, subject_of
from casus.events.triggers.constructions import obliged
from casus.events.modality.modality import ASKED, modality
from casus.model import ParsedDoc, Token

# states, perceptions and wishes are no acts one can be asked to do: "the monarchy should symbolise …"
STATIVE = frozenset({"be", "have", "see", "seem", "look", "feel", "know", "remain", "stay", "symbolise", "symbolize",
                     "represent", "mean", "understand", "realise", "realize", "think", "believe", "get", "become",
                     "reflect", "deserve", "expect", "need", "want", "like", "come", "go", "happen", "exist", "lie"})


def demanded_act(lexicon, doc: ParsedDoc, verb: Token, index: ActorIndex) -> str | None:
    """The lexicon word ('demand' or 'urge') of a verb no lexicon row codes that a political speaker says another
    actor must (demand, 10) or should (appeal, 02) do, else None.

    'Wickremesinghe said the government must ensure security', 'Trump said the oppression of the
    Venezuelan people must end': a demand on the one named in the clause's subject; 'the minister said the
    board should resign': an appeal. Not when the speaker speaks of its own side ('Putin said Russia must
    respond') or nobody named is obliged.
    """
    if not obliged(doc, verb) or verb.lemma.lower() in STATIVE:
        return None
    subj, passive = subject_of(doc, verb)
    if subj is None or passive or subj.head != verb.i:
        return None
    doers = [m for m in index.for_phrase(subj.i, where=False) if m.actor.code]  # not "payers in Wales"
    mood = modality(doc, verb, lexicon.is_speech)
    if not doers or mood.mode not in ASKED or mood.appeal_head is None:
        return None
    speaker, _ = subject_of(doc, mood.appeal_head)
    speakers = [m for m in index.for_phrase(speaker.i) if m.actor.code] if speaker is not None else []
    if not speakers or any(d.actor.code.startswith(s.actor.code) or s.actor.code.startswith(d.actor.code)
                           for d in doers for s in speakers):
        return None
    return "demand" if mood.mode == "demanded" else "urge"
