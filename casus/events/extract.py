"""Event extraction: trigger candidates from the lexicon and detector, then the sieve's named passes."""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

from casus.actors.story import story_country
from casus.events.ranking.rank import clause_position, confidence
from casus.events.roles.attach import ClauseAttacher
from casus.events.roles.arguments import ActorIndex
from casus.events.roles.roles import RoleFinder
from casus.events.roles.sectors import load_sector_rules
from casus.events.modality.modecodes import ModeCoder
from casus.events.precision.antecedents import nearer_antecedents
from casus.events.sieve.candidates import CANDIDATE_PASSES, sentence_view
from casus.events.sieve.draft import Draft, run_event_passes
from casus.events.sieve.event_passes import EVENT_PASSES, LIGHT_VERBS  # noqa: F401 (LIGHT_VERBS re-exported)
from casus.events.triggers.speech import SpeechRules, with_speech_acts
from casus.events.triggers.triggers import Candidate, find_candidates
from casus.model import ActorMention, Event, ParsedDoc, PlaceMention, Quote, Span, TimeRef


class EventExtractor:
    """Turns a parsed document with its actors, times and places into events."""

    def __init__(self, lexicon, ontology, sector_rules: list[tuple[str, str, str, str]] | None = None,
                 detector=None, speech_rules: SpeechRules | None = None):
        self.lexicon = lexicon
        self.speech_rules = SpeechRules.load() if speech_rules is None else speech_rules
        self.detector = detector  # casus.events.triggers.detector.Detector: proposes and weighs triggers; None: lexicon only
        self.ontology = ontology
        self.sector_rules = load_sector_rules() if sector_rules is None else sector_rules
        self.modes = ModeCoder(ontology)
        self.roles = RoleFinder(lexicon)
        self.place_at: dict = {}
        self.story: tuple[str, str] | None = None

    def extract(self, doc: ParsedDoc, actors: list[ActorMention], times: list[TimeRef],
                places: list[PlaceMention], quotes: Sequence[Quote] = (), off: Iterable[str] = ()) -> list[Event]:
        """All events of one document, in text order, not yet folded; `off` names passes to skip."""
        skip = set(off)
        candidate_passes = [p for p in CANDIDATE_PASSES if not (p.optional and p.name in skip)]
        event_passes = [p for p in EVENT_PASSES if not (p.optional and p.name in skip)]
        index = ActorIndex(doc, nearer_antecedents(doc, actors, skip), places)
        attacher = ClauseAttacher(doc, times, places,
                                  is_act=lambda t: self.lexicon.lookup(t.lemma.lower(), "NOUN") is not None)
        self.place_at = {i: pm.place for pm in places for i in range(pm.start, pm.end)}
        self.story = story_country(doc.article, actors, places)  # who arrests a named person when no one is named
        report = doc.article.report_date
        events: list[Event] = []
        for sent in doc.sentences:
            cands = self._candidates(doc, sent.start, sent.end, index, quotes)
            view = sentence_view(self, doc, cands)
            for cand in cands:
                changed = []  # candidate passes that replaced the candidate (its row or code)
                for p in candidate_passes:
                    verdict = p.run(self, doc, view, cand, index)
                    if isinstance(verdict, Candidate):
                        cand = verdict
                        changed.append(p.name)
                    elif verdict is not None:
                        break
                else:
                    draft = Draft(doc, cand, index, attacher, report, view.moods[cand.token.i], quotes,
                                  changed_by=changed)
                    if run_event_passes(self, draft, event_passes):
                        events.extend(draft.events)
        return events

    def _candidates(self, doc: ParsedDoc, start: int, end: int, index: ActorIndex,
                    quotes: Sequence[Quote] = ()) -> list[Candidate]:
        cands = find_candidates(self.lexicon, doc, start, end, index)
        if self.detector is not None:
            cands = self.detector.revise(doc, start, end, index, self.lexicon, cands)
        return with_speech_acts(doc, start, end, index, self.lexicon, self.speech_rules, cands, quotes)

    def build(self, d: Draft, s: ActorMention, t: ActorMention | None) -> Event:
        """One event of a finished draft, for this source and target."""
        doc, cand, code, mod, source, target = d.doc, d.cand, d.code, d.mod, d.source, d.target
        date, place, reasons, report = d.date, d.place, d.reasons, d.report
        tok = cand.token
        sent = doc.sentences[tok.sent]
        text = doc.article.text
        cameo = self.ontology.get(code)
        position = clause_position(doc, tok, self.lexicon.is_speech)
        conf = confidence(doc, tok, cand.pos, code, mod.mode, s, t, position)
        why = list(reasons)
        if d.changed_by:  # the optional passes that made this event differ from the plain reading (a filter feature)
            why.append("passes: " + ", ".join(d.changed_by))
        why.insert(1, f"source ({source.via}): {s.actor.text} → {s.actor.code or s.actor.name}")
        if t is not None:
            why.insert(2, f"target ({target.via}): {t.actor.text} → {t.actor.code or t.actor.name}")
        key = "|".join([doc.article.id, str(tok.sent), str(tok.idx), code, s.actor.code or s.actor.text,
                        (t.actor.code or t.actor.text) if t else "", mod.mode])
        event_id = hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
        begin = tok.idx if cand.start is None else cand.start
        trigger = Span(text[begin:tok.end], begin, tok.end)
        evidence = {"doc_id": doc.article.id, "sentence": tok.sent,
                    "text": text[sent.char_start:sent.char_end].strip(),
                    "trigger": {"text": trigger.text, "start": trigger.start, "end": trigger.end},
                    "source_text": s.actor.text, "target_text": t.actor.text if t else None,
                    "report_date": report.isoformat() if report else None}
        return Event(
            event_id=event_id, doc_id=doc.article.id, sentence=tok.sent,
            text=text[sent.char_start:sent.char_end].strip(), trigger=trigger,
            source=s.actor, target=t.actor if t else None, cameo=cameo,
            plover=self.ontology.plover(code), mode=mod.mode, date=date,
            report_date=report.isoformat() if report else None, location=place,
            mentions=1, confidence=max(0.05, min(conf, 0.99)), reasons=why, evidence=[evidence],
        )
