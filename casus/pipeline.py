"""The whole coder: Article in, grounded mentions and folded events out."""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from casus.actors.story import with_story_country
from casus.model import ActorMention, Article, Event, ParsedDoc, PlaceMention, Quote, TimeRef
from casus.pieces import CONTEXT_CHARS, PIECE_CHARS, Piece, pieces
from casus.time.verbtense import read_by_verb


@dataclass
class Grounded:
    """A parsed document with the mentions every later stage reads."""

    doc: ParsedDoc
    actors: list[ActorMention]
    times: list[TimeRef]
    places: list[PlaceMention]
    dateline_places: list[PlaceMention] = field(default_factory=list)  # where the story was filed
    # country adjectives ("Ukrainian troops") and streets ("Elkhorn Avenue"): annotated, placing no event
    annotated_only: list[PlaceMention] = field(default_factory=list)


def load_lexicon(paths: Sequence[Path], ontology, skipped: list[str] | None = None):
    """The package lexicon, then the user's files: TSV in casus's format, then PETRARCH verb dictionaries."""
    from casus.events import Lexicon
    from casus.events import is_verb_dictionary, read_verbs

    paths = [Path(p) for p in paths]
    petrarch = [p for p in paths if p.suffix.lower() != ".tsv" and is_verb_dictionary(p)]
    lexicon = Lexicon.load([p for p in paths if p not in petrarch] or None, ontology)
    for path in petrarch:
        lexicon.files.append(path)
        for entry in read_verbs(path, ontology.is_valid, skipped):
            lexicon.add(entry)
    return lexicon


def _user_parts(actor_files: Sequence[Path], lexicon_files: Sequence[Path], ontology, memory=None):
    """The stages that read user data files: actor resolver, event extractor, and the dictionary lines not used."""
    from casus.actors.kb import KnowledgeBase
    from casus.actors.resolve import ActorResolver
    from casus.events import Detector
    from casus.events import EventExtractor

    skipped: list[str] = []
    extractor = EventExtractor(load_lexicon(lexicon_files, ontology, skipped), ontology, detector=Detector.load())
    return ActorResolver(KnowledgeBase.load(extra=tuple(actor_files)), memory), extractor, skipped


class Pipeline:
    """Parser, resolvers and extractor wired together; build once, code many articles."""

    def __init__(self, parser, actor_resolver, place_resolver, extractor, find_times, fold_article, ranker=None,
                 skipped: Sequence[str] = (), event_filter=None, relevance=None, min_confidence: float | None = None,
                 selector=None, piece_chars: int = PIECE_CHARS, context_chars: int = CONTEXT_CHARS):
        self.parser = parser
        self.actor_resolver = actor_resolver
        self.place_resolver = place_resolver
        self.extractor = extractor
        self.find_times = find_times
        self.fold_article = fold_article
        self.ranker = ranker
        self.skipped = list(skipped)  # dictionary lines casus could not use, as 'file:line: cause'
        self.event_filter = event_filter  # confidence = P(right on real news); None keeps the ranker's
        self.relevance = relevance  # is the document political? (None: every document is)
        self.min_confidence = min_confidence  # drop events below it; None: the filter's default
        self.gates_off: set[str] = set()  # gates and sieve passes switched off, for `--ablate` (docs/CODING.md §8, §9)
        self.selector = selector  # what of a text can hold an event (None: parse everything)
        self.piece_chars, self.context_chars = piece_chars, context_chars
        if hasattr(parser, "allow"):
            parser.allow(piece_chars + context_chars)

    @classmethod
    def load(cls, actor_files: Sequence[Path] = (), lexicon_files: Sequence[Path] = (),
             batch_size: int = 32, memory=None, min_confidence: float | None = None, parse_all: bool = True,
             piece_chars: int = PIECE_CHARS) -> "Pipeline":
        """Load the model and every data file (package data plus the user's extra files).

        `memory` (casus.actors.memory.ActorMemory) learns people from the documents coded and recalls them later;
        min_confidence: events below it are dropped (None: the event filter's default, 0: keep all).
        """
        from casus.events import EventFilter
        from casus.events import Ontology
        from casus.events import RelevanceModel
        from casus.events import Ranker
        from casus.fold import fold_article
        from casus.nlp import Parser
        from casus.places.gazetteer import Gazetteer
        from casus.places.resolve import PlaceResolver
        from casus.time.tagger import find_times

        actor_resolver, extractor, skipped = _user_parts(actor_files, lexicon_files, Ontology.load(), memory)
        parser = Parser(batch_size=batch_size)
        selector = None if parse_all else _selector(parser, extractor)
        pipe = cls(parser, actor_resolver, PlaceResolver(Gazetteer.load()), extractor,
                   find_times, fold_article, Ranker.load(), skipped, EventFilter.load(), RelevanceModel.load(),
                   min_confidence, selector, piece_chars)
        _prepare(pipe)
        return pipe

    def with_files(self, actor_files: Sequence[Path] = (), lexicon_files: Sequence[Path] = ()) -> "Pipeline":
        """A pipeline sharing this one's model and places, with the package data plus other user files."""
        actor_resolver, extractor, skipped = _user_parts(actor_files, lexicon_files, self.extractor.ontology)
        selector = None if self.selector is None else _selector(self.parser, extractor)
        return Pipeline(self.parser, actor_resolver, self.place_resolver, extractor, self.find_times,
                        self.fold_article, self.ranker, skipped, self.event_filter, self.relevance, self.min_confidence,
                        selector, self.piece_chars, self.context_chars)

    def parsing_all(self) -> "Pipeline":
        """This pipeline parsing every sentence fully (as `--parse-all`), sharing its model and data."""
        return self._like(selector=None)

    def parsing_less(self) -> "Pipeline":
        """This pipeline parsing fully only the sentences that can hold an event (as `--parse-less`)."""
        return self._like(selector=self.selector or _selector(self.parser, self.extractor))

    def with_pieces(self, piece_chars: int, context_chars: int = CONTEXT_CHARS) -> "Pipeline":
        """This pipeline coding texts longer than `piece_chars` in pieces of that size, each re-reading
        up to `context_chars` before it."""
        return self._like(piece_chars=piece_chars, context_chars=context_chars)

    def _like(self, **changed) -> "Pipeline":
        """This pipeline with some settings changed, sharing its model and data."""
        settings = dict(selector=self.selector, piece_chars=self.piece_chars, context_chars=self.context_chars)
        settings.update(changed)
        pipe = Pipeline(self.parser, self.actor_resolver, self.place_resolver, self.extractor, self.find_times,
                        self.fold_article, self.ranker, self.skipped, self.event_filter, self.relevance,
                        self.min_confidence, **settings)
        pipe.gates_off = set(self.gates_off)
        return pipe

    def ground(self, doc: ParsedDoc) -> Grounded:
        """Resolve actors, times and places of one parsed document."""
        article = doc.article
        actors = self.actor_resolver.resolve(doc)
        times: list[TimeRef] = []
        for sent in doc.sentences:
            times.extend(self.find_times(article.text, article.report_date,
                                         start=sent.char_start, end=sent.char_end))
        times = read_by_verb(doc, times, article.report_date)  # "the ministers meet Monday": the coming Monday
        lead = self._lead_day(article, doc.sentences[0].char_start) if doc.sentences else None
        times = [lead, *times] if lead is not None else times  # a later piece of a long text: the story's day
        acting = [(m.actor.start, m.actor.end) for m in actors if m.actor.kind == "state" and m.actor.code]
        places = self.place_resolver.resolve(doc, acting)
        annotated_only = [p for p in places if p.place.form != "name"]  # adjectives, streets, institutions
        places = [p for p in places if p.place.form == "name"]
        actors = with_story_country(doc, actors, places)
        filed: list[PlaceMention] = []
        if article.dateline is not None:  # the reporter's city and day are not the event's
            line = article.dateline
            filed = [p for p in places if line.start <= p.place.start < line.end]
            places = [p for p in places if not (line.start <= p.place.start < line.end)]
            times = [t for t in times if not (line.start <= t.start < line.end)]
        return Grounded(doc, actors, times, places, filed, annotated_only)

    def _lead_day(self, article: Article, end: int) -> TimeRef | None:
        """The first day a long text names before `end` (where a later piece starts), not a dateline's, nor
        another act's ("Friday's bombing"): the story's day, as the whole text would see it (casus/events/roles/attach.py)."""
        if end <= 0:
            return None
        known = getattr(self, "_lead", None)
        if known is None or known[0] is not article.text:
            known = (article.text, 0, None)
        text, scanned, day = known
        if day is None and scanned < end:  # only the text no earlier piece has scanned (pieces start paragraphs)
            day, scanned = self._first_day(article, scanned, end), end
        self._lead = (text, scanned, day)
        return day if day is not None and day.end <= end else None

    def _first_day(self, article: Article, start: int, end: int) -> TimeRef | None:
        """The first day the text names in [start, end) that is neither the dateline's nor another act's."""
        line = article.dateline
        for t in self.find_times(article.text, article.report_date, start=start, end=end):
            if t.type == "DATE" and t.precision == "day" and not (line is not None and line.start <= t.start < line.end) \
                    and not article.text.startswith(("'s", "\u2019s"), t.end):
                return t
        return None

    def grounded(self, articles: Iterable[Article]) -> Iterator[Grounded]:
        """Parse and ground a stream of articles, in order."""
        for doc in self.parser.parse_many(articles):
            yield self.ground(doc)

    def _relevance_of(self, text: str) -> float:
        """The relevance of an article's text, judged once for all pieces of a long one."""
        if getattr(self, "_judged", None) is None or self._judged[0] is not text:
            self._judged = (text, self.relevance.judge(text))
        return self._judged[1]

    def events(self, g: Grounded, own: int = 0, sentence_shift: int = 0, until: int | None = None) -> list[Event]:
        """Folded events of one grounded document, best first within each sentence.

        For a piece of a long document: only events whose trigger lies in [own, until), with sentence
        numbers moved by `sentence_shift` to count from the start of the whole text.
        """
        text = g.doc.article.text
        lo, hi = g.doc.parsed_lines()
        quoted = text.find('"', lo, hi) >= 0 or text.find("\u201c", lo, hi) >= 0  # only the parsed lines
        quotes = self.quotes(g) if quoted else []  # speakers of quotes
        from casus.events.precision.gates import apply as apply_gates
        from casus.events import locate_events

        found = self.extractor.extract(g.doc, g.actors, g.times, g.places, quotes, off=self.gates_off)
        if own or sentence_shift or until is not None:
            found = [replace(e, sentence=e.sentence + sentence_shift) for e in found
                     if own <= e.trigger.start and (until is None or e.trigger.start < until)]
        found = apply_gates(g.doc, found, self.gates_off)
        events = self.fold_article(locate_events(g.doc, g.places, g.dateline_places, found,
                                                 self.place_resolver.country_place, g.actors))
        events = self.ranker.rescore(g.doc, events) if self.ranker is not None else events
        if self.event_filter is not None:
            relevance = self._relevance_of(text) if self.relevance is not None and events else None
            political = relevance is None or relevance >= self.relevance.threshold
            events = self.event_filter.rescore(g.doc, events, relevance, political)
            floor = self.event_filter.threshold if self.min_confidence is None else self.min_confidence
            events = [e for e in events if e.confidence >= floor]
        if getattr(self.actor_resolver, "memory", None) is not None:
            from casus.actors.memory import learnt_reasons

            events = learnt_reasons(events)
        return events

    def _plan(self, articles: Iterable[Article], parse_all: bool = False
              ) -> Iterator[tuple[Article, tuple[Piece, int | None] | None, tuple | None]]:
        """(article, (piece, end of the text that can hold events), what to parse) per piece to parse;
        (article, None, None) for an article with nothing to parse.

        What to parse is the piece's range, with the selector its cheap sentences too, each marked
        chosen or not (casus/select.py): only chosen ones are parsed fully."""
        select = None if parse_all else self.selector
        learns = getattr(self.actor_resolver, "memory", None) is not None
        for article in articles:
            text = article.text
            cut = list(pieces(text, self.piece_chars, self.context_chars, len(text)))
            if select is None:
                for piece in cut:
                    yield article, (piece, None), (piece.start, piece.end)
                continue
            choices = [select.choose(text, piece.start, piece.end) for piece in cut]
            if not learns and not any(c for choice in choices for *_, c in choice):
                yield article, None, None  # no sentence can hold an event
                continue
            for piece, choice in zip(cut, choices):
                yield article, (piece, None), (piece.start, piece.end, choice)

    def _pieces(self, articles: Iterable[Article], parse_all: bool = False
                ) -> Iterator[tuple[Article, Piece | None, Grounded | None, int, int | None]]:
        """(article, piece, grounded piece, sentences before the piece's own text, end of the text that can
        hold events) in order; piece None: nothing parsed."""
        before = 0
        for article, tag, doc in self.parser.parse_spans(self._plan(articles, parse_all)):
            if tag is None:
                yield article, None, None, 0, None
                continue
            piece, until = tag
            before = 0 if piece.index == 0 else before
            context = sum(1 for s in doc.sentences if s.char_start < piece.own)
            yield article, piece, self.ground(doc), before - context, until
            before += len(doc.sentences) - context

    def code(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
        """Events per article, streamed; a long article is coded piece by piece (memory stays flat)."""
        events: list[Event] = []
        for article, piece, g, shift, until in self._pieces(articles):
            if piece is None:
                yield article, []
                continue
            events = [] if piece.index == 0 else events
            events.extend(self.events(g, piece.own, shift, until))
            if piece.last:  # mentions of one act in two pieces fold into one event
                yield article, (self._fold_pieces(events) if piece.index else events)

    def _fold_pieces(self, events: list[Event]) -> list[Event]:
        """Fold the events of all pieces of a long article: only events of one mode and CAMEO root can be
        one act, so each such bucket is folded on its own (fast on many events), then all in order."""
        buckets: dict[tuple[str, str], list[Event]] = {}
        for e in events:
            buckets.setdefault((e.mode, e.cameo.code[:2]), []).append(e)
        folded = [f for bucket in buckets.values() for f in self.fold_article(bucket)]
        return sorted(folded, key=lambda e: (e.sentence, e.trigger.start, e.source.start if e.source else -1,
                                             e.event_id))

    def quotes(self, g: Grounded) -> list[Quote]:
        """Direct and indirect quotes with speakers."""
        from casus.events import find_quotes

        quotes = find_quotes(g.doc, g.actors)
        by_span = {(m.actor.start, m.actor.end): m.actor for m in g.actors}
        for q in quotes:  # the speaker is an actor: give it the resolver's code and country
            actor = by_span.get((q.speaker.start, q.speaker.end)) if q.speaker else None
            if actor is not None and q.speaker.code is None:
                q.speaker.code, q.speaker.country = actor.code, actor.country
                q.speaker.sector, q.speaker.kind = list(actor.sector), actor.kind
        return quotes

    def annotate(self, articles: Iterable[Article]) -> Iterator[dict]:
        """The annotation record of DESIGN.md §4 per article (the whole text is read; a long one in pieces)."""
        record: dict = {}
        for a, piece, g, _, _ in self._pieces(articles, parse_all=True):  # every text has a piece here
            own = [
                [{"start": s.char_start, "end": s.char_end} for s in g.doc.sentences if s.char_start >= piece.own],
                [t.to_dict() for t in g.times if t.start >= piece.own],
                [p.place.to_dict() for p in sorted([*g.places, *g.annotated_only], key=lambda p: p.place.start)
                 if p.place.start >= piece.own],
                [m.actor.to_dict() for m in g.actors if m.actor.start >= piece.own],
                [q.to_dict() for q in self.quotes(g) if q.start >= piece.own],
            ]
            record = dict(enumerate(own)) if piece.index == 0 else {k: record[k] + v for k, v in enumerate(own)}
            if piece.last:
                yield self._annotation(a, *record.values())

    @staticmethod
    def _annotation(a: Article, sentences: list, times: list, places: list, actors: list, quotes: list) -> dict:
        """One annotation record from its parts."""
        return {
            "doc_id": a.id,
            "report_date": a.report_date.isoformat() if a.report_date else None,
            "report_date_basis": a.report_date_basis,
            "report_date_reason": a.report_date_reason,
            "dateline": None if a.dateline is None else {
                "text": a.dateline.text, "start": a.dateline.start, "end": a.dateline.end,
                "place": a.dateline.place, "publisher": a.dateline.publisher},
            "sentences": sentences,
            "times": times,
            "places": places,
            "actors": actors,
            "quotes": quotes,
        }


def _prepare(pipe: Pipeline) -> None:
    """Do at load time what the first document would otherwise pay for (about half a CPU-second): compile the
    time grammar, count the gazetteer's state shares, import the modules the event stages import on first use."""
    import casus.events.precision.gates  # noqa: F401
    import casus.events.quotes.quotes  # noqa: F401
    import casus.events.roles.locate  # noqa: F401
    from casus.time.tagger import prepare

    prepare()
    if hasattr(pipe.place_resolver, "state_shares"):
        pipe.place_resolver.state_shares()


def _selector(parser, extractor):
    """The cheap first pass: which sentences of an article's text can hold an event (see casus/select.py)."""
    from casus.select import Selector

    return Selector.build(parser, extractor)
