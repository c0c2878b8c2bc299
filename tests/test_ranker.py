"""The trained event re-ranker: features, rescoring, the fitter and the shipped model."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from casus.events.ranking.ranker import DEFAULT_PATH, Ranker, features, fit
from casus.model import (
    Actor, Article, Cameo, Event, EventDate, ParsedDoc, Sentence, Span, Token,
)

TEXT = "Russia attacked Ukraine and criticised NATO ."


def _doc() -> ParsedDoc:
    words = [("Russia", "Russia", "PROPN", "nsubj", 1), ("attacked", "attack", "VERB", "ROOT", 1),
             ("Ukraine", "Ukraine", "PROPN", "dobj", 1), ("and", "and", "CCONJ", "cc", 1),
             ("criticised", "criticise", "VERB", "conj", 1), ("NATO", "NATO", "PROPN", "dobj", 4),
             (".", ".", "PUNCT", "punct", 1)]
    tokens, idx = [], 0
    for i, (text, lemma, pos, dep, head) in enumerate(words):
        idx = TEXT.index(text, idx)
        tokens.append(Token(i, text, idx, lemma, pos, pos, dep, head, 0, ws=" "))
        idx += len(text)
    art = Article(id="d1", text=TEXT, report_date=dt.date(2024, 1, 2))
    return ParsedDoc(art, tokens, [Sentence(0, 0, len(tokens), 0, len(TEXT))], [])


def _event(doc: ParsedDoc, trigger: int, code: str, target: str, conf: float, mode: str = "asserted") -> Event:
    tok = doc.tokens[trigger]
    return Event(
        event_id=f"e{trigger}", doc_id="d1", sentence=0, text=TEXT, trigger=Span(tok.text, tok.idx, tok.end),
        source=Actor("Russia", 0, 6, code="RUS", country="RUS", kind="state"),
        target=Actor(target, 0, 1, code=target[:3].upper(), country=target[:3].upper(), kind="state"),
        cameo=Cameo(code, code[:2], "x", 0.0, 4), plover={"type": None}, mode=mode,
        date=EventDate(None, None, None, "report"), report_date="2024-01-02", location=None,
        confidence=conf, reasons=["rule"])


@pytest.fixture()
def doc_events():
    doc = _doc()
    return doc, [_event(doc, 1, "190", "Ukraine", 0.6), _event(doc, 4, "111", "NATO", 0.7)]


def test_features_describe_the_event_and_its_rivals(doc_events):
    doc, events = doc_events
    f = features(doc, events[0], events)
    assert f["root=19"] == 1.0 and f["lemma=attack"] == 1.0 and f["dep=ROOT"] == 1.0
    assert f["root=19|other=11"] == 1.0
    assert f["is_rule_top"] == 0.0 and f["margin"] < 0
    assert f["src_country"] == 1.0 and f["tgt_country"] == 1.0
    assert features(doc, events[1], events)["is_rule_top"] == 1.0


def test_negated_rivals_do_not_count(doc_events):
    doc, events = doc_events
    events[1].mode = "negated"
    f = features(doc, events[0], events)
    assert f["is_rule_top"] == 1.0 and not any(k.startswith("root=19|other") for k in f)


def test_rescore_can_change_the_top_event_and_says_why(doc_events):
    doc, events = doc_events
    ranker = Ranker({"root=19": 2.0, "root=11": -1.0})
    out = ranker.rescore(doc, events)
    assert [e.event_id for e in out] == ["e1", "e4"]
    top = max(out, key=lambda e: e.confidence)
    assert top.cameo.root == "19"
    assert all(e.reasons[-1].startswith("ranker: ") for e in out)
    assert events[0].confidence == 0.6 and events[0].reasons == ["rule"]  # inputs untouched


def test_blend_zero_keeps_rule_confidence(doc_events):
    doc, events = doc_events
    out = Ranker({"root=19": 5.0}, blend=0.0).rescore(doc, events)
    assert [round(e.confidence, 6) for e in out] == [0.6, 0.7]


def test_save_and_load_round_trip(tmp_path, doc_events):
    doc, events = doc_events
    path = tmp_path / "m.json"
    Ranker({"root=19": 1.5, "bias": -0.25}, blend=0.8, meta={"note": "x"}).save(path)
    back = Ranker.load(path)
    assert back.weights == {"root=19": 1.5, "bias": -0.25} and back.blend == 0.8
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "other", "weights": {}}))
    with pytest.raises(ValueError, match="casus-ranker"):
        Ranker.load(bad)


def test_fit_learns_the_informative_feature_and_is_deterministic():
    rows = [{"bias": 1.0, "good": float(i % 2), "noise": float(i % 3 == 0)} for i in range(60)]
    labels = [int(i % 2 == 1 and i % 5 != 0) for i in range(60)]
    w = fit(rows, labels, l2=1.0)
    assert w["good"] > 1.0 and abs(w["noise"]) < w["good"]
    assert fit(rows, labels, l2=1.0) == w
    model = Ranker(w)
    assert model.probability(rows[1]) > 0.5 > model.probability(rows[0])


def test_shipped_model_is_small_and_was_kept_only_because_it_pays():
    assert DEFAULT_PATH.stat().st_size < 1_000_000
    model = Ranker.load()
    assert len(model.weights) > 10
    held = model.meta["heldout_pooled"] + model.meta["heldout_leave_one_file_out"]
    assert held, "the model file records its held-out scores"
    for row in held:
        for key in ("root acc", "penta acc"):
            if f"{key} before" in row:
                assert row[f"{key} after"] >= row[f"{key} before"], row


def test_rescoring_real_pipeline_output_keeps_every_event(pipeline):
    art = Article(id="r1", text="Russian troops attacked Ukrainian positions near Kharkiv, and Kyiv "
                                "condemned the assault on Tuesday.", report_date=dt.date(2024, 3, 5))
    (g,) = list(pipeline.grounded([art]))
    events = pipeline.events(g)
    out = Ranker.load().rescore(g.doc, events)
    assert [e.event_id for e in out] == [e.event_id for e in events]
    assert all(0 < e.confidence < 1 and e.reasons[-1].startswith("ranker: ") for e in out)
