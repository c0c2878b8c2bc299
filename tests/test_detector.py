"""The learned event detector: proposes triggers the lexicon lacks (with its reason) and drops ones it rejects."""
from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from casus.events.triggers.detector import DEFAULT_PATH, NONE, Detector, load_evaluative
from casus.model import Article


def _code(pipeline, text: str, detector) -> list:
    saved = pipeline.extractor.detector
    pipeline.extractor.detector = detector
    try:
        art = Article(id="d", text=text, report_date=dt.date(2021, 3, 2), report_date_basis="given")
        return [e for _, evs in pipeline.code([art]) for e in evs]
    finally:
        pipeline.extractor.detector = saved


def _model(weights: dict[str, tuple[float, float]], propose: float = 0.5, drop: float = 1.0) -> Detector:
    names = sorted(weights)
    w = np.array([weights[n] for n in names], dtype=np.float32)
    return Detector({n: i for i, n in enumerate(names)}, w, [NONE, "11"], propose, drop, evaluative={})


SENTENCE = "The French foreign minister grumbled about the German budget plans on Monday."


def test_a_learned_trigger_is_coded_with_its_reason_and_the_usual_roles(pipeline):
    assert not any(e.cameo.root == "11" for e in _code(pipeline, SENTENCE, None))
    model = _model({"b": (2.0, 0.0), "w=grumble": (0.0, 4.0)})
    [ev] = [e for e in _code(pipeline, SENTENCE, model) if e.cameo.root == "11"]
    assert ev.trigger.text == "grumbled" and ev.cameo.code == "110"
    assert ev.source is not None and ev.source.country == "FRA"
    assert ev.reasons[0].startswith("model: 'grumbled' → 11, p 0.8")


def test_below_the_threshold_nothing_is_proposed(pipeline):
    model = _model({"b": (2.0, 0.0), "w=grumble": (0.0, 4.0)}, propose=0.95)
    assert not any(e.cameo.root == "11" for e in _code(pipeline, SENTENCE, model))


def test_a_lexicon_trigger_the_model_rejects_is_dropped(pipeline):
    text = "The Dutch prime minister criticised Belgium over the border checks."
    assert any(e.cameo.root == "11" for e in _code(pipeline, text, None))
    model = _model({"b": (0.0, 0.0), "lex=11": (5.0, 0.0)}, drop=0.9)
    assert not any(e.cameo.root == "11" for e in _code(pipeline, text, model))
    keep = _model({"b": (0.0, 0.0), "lex=11": (5.0, 0.0)}, drop=1.0)  # 'drop' 1.0: the lexicon is kept
    assert any(e.cameo.root == "11" for e in _code(pipeline, text, keep))


def test_save_and_load(tmp_path):
    model = _model({"b": (1.0, -1.0), "w=grumble": (0.0, 2.5)}, propose=0.6, drop=0.97)
    model.save(tmp_path / "m.npz")
    again = Detector.load(tmp_path / "m.npz")
    assert again.classes == [NONE, "11"] and again.propose == 0.6 and again.drop == 0.97
    p = again.probabilities([["b", "w=grumble"], ["b", "unseen"]])
    assert p[0, 1] > 0.5 > p[1, 1]
    assert Detector.load(tmp_path / "absent.npz") is None


def test_the_shipped_model_and_word_list_load():
    if not DEFAULT_PATH.exists():
        pytest.fail("casus/events/data/detector.npz is missing: run scripts/train_detector.py")
    model = Detector.load()
    assert model.classes[0] == NONE and len(model.classes) > 5 and 0 < model.propose <= 1
    words = load_evaluative()
    assert words["disgrace"] == "neg" and words["praise"] == "pos"


def test_beside_a_lexicon_act_a_proposal_needs_the_beside_threshold(pipeline):
    text = "The French foreign minister grumbled about the German sanctions on Iran."
    model = _model({"b": (2.0, 0.0), "w=grumble": (0.0, 4.0)})
    assert any(e.trigger.text == "grumbled" for e in _code(pipeline, text, model))  # beside 0.5 < p
    model.beside = 1.0
    assert not any(e.trigger.text == "grumbled" for e in _code(pipeline, text, model))
    assert any(e.trigger.text == "grumbled" for e in _code(pipeline, SENTENCE.replace("budget plans", "budget"), model))


def test_a_government_speaker_on_its_own_state_is_no_statement(pipeline):
    names = ["b", "speech"]
    w = np.array([[2.0, 0.0], [0.0, 4.0]], dtype=np.float32)
    model = Detector({n: i for i, n in enumerate(names)}, w, [NONE, "01"], 0.5, 1.0, evaluative={})
    own = _code(pipeline, "Egypt's interior minister said Egypt has made progress on roads.", model)
    assert not [e for e in own if e.cameo.root == "01"], [(e.cameo.code, e.trigger.text) for e in own]
    other = _code(pipeline, "Egypt's interior minister said Sudan has made progress on roads.", model)
    assert [e for e in other if e.cameo.root == "01" and e.trigger.text == "said"], \
        [(e.cameo.code, e.trigger.text) for e in other]
