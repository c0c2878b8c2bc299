"""CASUS_NER: an entity recogniser that listens to the model's own tok2vec replaces the shipped one (experimental)."""
from __future__ import annotations

import pytest

from casus.model import Article
from casus.nlp import MODEL, Parser

TEXT = "The mayor of Lyon visited Portugal on Tuesday. Nobody in Madrid was told."


@pytest.fixture(scope="module")
def listening_ner(tmp_path_factory):
    """A pipeline of the shipped tok2vec and a tiny 'ner' listening to it, fitted to one sentence of ours."""
    import spacy
    from spacy.training import Example

    nlp = spacy.load(MODEL, exclude=["tagger", "parser", "senter", "attribute_ruler", "lemmatizer", "ner"])
    config = {"model": {"@architectures": "spacy.TransitionBasedParser.v2", "state_type": "ner",
                        "extra_state_tokens": False, "hidden_width": 16, "maxout_pieces": 2, "use_upper": True,
                        "tok2vec": {"@architectures": "spacy.Tok2VecListener.v1", "width": 96,
                                    "upstream": "tok2vec"}}}
    ner = nlp.add_pipe("ner", config=config)
    doc = nlp.make_doc(TEXT)
    example = Example.from_dict(doc, {"entities": [(13, 17, "GPE"), (26, 34, "GPE"), (38, 45, "DATE"),
                                                   (57, 63, "GPE")]})
    ner.initialize(lambda: [example], nlp=nlp)
    optimizer = nlp.create_optimizer()
    for _ in range(30):  # tok2vec stays frozen: only the listener's recogniser learns
        nlp.update([example], sgd=optimizer, exclude=["tok2vec"], annotates=["tok2vec"])
    path = tmp_path_factory.mktemp("ner") / "pipeline"
    nlp.to_disk(path)
    return path


def test_listening_recogniser_replaces_the_shipped_one(listening_ner, monkeypatch):
    monkeypatch.setenv("CASUS_NER", str(listening_ner))
    parser = Parser()
    assert parser.nlp.pipe_names[-1] == "ner"
    assert "ner" in parser.nlp.get_pipe("tok2vec").listening_components
    article = Article(id="t", text=TEXT)
    whole = parser.parse(article)
    sentences = [(0, 46, True), (47, len(TEXT), False)]
    (_, _, less), = parser.parse_spans([(article, 0, (0, len(TEXT), sentences))])
    # the entity-only reading of --parse-less computes the shared embedding first: the same entities
    assert [(e.char_start, e.char_end, e.label) for e in less.entities] == \
        [(e.char_start, e.char_end, e.label) for e in whole.entities]


def test_a_recogniser_with_an_embedding_of_its_own_is_refused(monkeypatch):
    monkeypatch.setenv("CASUS_NER", MODEL)
    with pytest.raises(ValueError, match="does not listen"):
        Parser()
