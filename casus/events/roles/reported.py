"""Reported speech: who acts in what a speaker says, and news media that report rather than act."""
from __future__ import annotations

from collections.abc import Callable, Sequence

from casus.events.roles.adjuncts import background
from casus.events.roles.arguments import FIRST_PERSON, ActorIndex, Arg, subject_of
from casus.events.triggers.constructions import makes_clear
from casus.model import Actor, ActorMention, ParsedDoc, Quote, Token

REPORTED_PRONOUNS = frozenset({"it", "they", "he", "she"})
ATTRIBUTION_SECTORS = frozenset({"MED"})  # "…, the Xinhua news agency reported": the reporter is not the actor


def speaker_source(doc: ParsedDoc, tok: Token, source: Arg, index: ActorIndex, is_speech: Callable[[str], bool],
                   quotes: Sequence[Quote] = ()) -> Arg:
    """'We plan …', he said: a first-person or missing source inside reported speech is the speaker."""
    if not source and tok.pos == "NOUN" and background(doc, tok):
        return source  # "X said Indonesia must ensure security after the Bali bombing": X did not bomb
    if not source and tok.pos == "VERB" and subject_of(doc, tok)[1]:
        return source  # "a settler was stabbed, the army said": the speaker is not the doer
    first_person = source.token is not None and source.token.text.lower() in FIRST_PERSON
    if source and not (first_person and not source.mentions[0].actor.country):
        return source
    bare_pronoun = source.token is not None and source.token.text.lower() in REPORTED_PRONOUNS
    if source.token is not None and not first_person and not bare_pronoun:
        return source  # "Syria says it is willing …": an unresolved 'it' in the report is the speaker
    cur = tok
    for _ in range(8):
        if cur.head == cur.i:
            break
        head = doc.tokens[cur.head]
        if cur.dep == "ccomp" and (is_speech(head.lemma.lower()) or (
                source.token is not None and source.token.head != cur.i and makes_clear(doc, head, cur))):
            # "X made it clear it will not …": not the 'it' of 'made it clear' itself
            subj, _ = subject_of(doc, head)
            found = index.for_phrase(subj.i) if subj is not None else []
            if found and not attribution(Arg(found)):
                return Arg([_speaking_for(source, found[0])], subj, f"speaker of '{head.text}'")
        cur = head
    if first_person:  # a quote in its own sentence: "We will …", he said. "We hope …"
        for q in quotes:
            if q.direct and q.speaker is not None and q.start <= tok.idx < q.end:
                spk = index.at_char(q.speaker.start)
                if spk is not None and spk.actor.country:
                    return Arg([_speaking_for(source, spk)], source.token, f"speaker of the quote ('{q.speaker.text}')")
    return source


def attribution(arg: Arg) -> bool:
    """True if every actor of the argument is a news medium, which reports acts rather than doing them."""
    return bool(arg.mentions) and all(set(m.actor.sector) & ATTRIBUTION_SECTORS for m in arg.mentions)


def _speaking_for(source: Arg, speaker: ActorMention) -> ActorMention:
    """The speaker, or "we" standing for the speaker's side with the pronoun's own span."""
    if source.token is None:
        return speaker
    t = source.token
    a = speaker.actor
    actor = Actor(t.text, t.idx, t.end, name=a.name, code=a.code, country=a.country, sector=list(a.sector),
                  kind=a.kind, reason=f"'{t.text}' in speech of {a.name or a.text}")
    return ActorMention(t.i, t.i + 1, t.i, actor)
