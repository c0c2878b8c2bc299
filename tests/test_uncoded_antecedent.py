"""A pronoun bound by a subject casus cannot code is that subject, not the coded actor of the sentence before
(docs/CODING.md §10, `uncoded_antecedent`)."""
from __future__ import annotations

from casus.model import Article

STORY = ("Canada and Mexico signed a trade accord in Ottawa on Monday. "
         "Harrowgate Mills said it would sue its former distributor over unpaid invoices.")


def _sued_by_a_state(events) -> bool:
    return any(e.cameo.root == "11" and e.source is not None and e.source.country in ("CAN", "MEX") for e in events)


def test_a_company_that_said_it_would_sue_is_not_the_state_before(code_all):
    assert not _sued_by_a_state(code_all(STORY))
    assert _sued_by_a_state(code_all(STORY, off=("uncoded_antecedent",)))


def test_a_coded_subject_still_takes_its_pronoun(code_all):
    text = ("Canada and Mexico signed a trade accord in Ottawa on Monday. "
            "The Brazilian government said it would sue the United States at the WTO.")
    events = code_all(text)
    assert any(e.cameo.root == "11" and e.source is not None and e.source.country == "BRA" for e in events)


def test_a_pronoun_that_is_the_verbs_object_is_not_bound_by_its_subject(pipeline):
    from casus.events.precision.antecedents import _uncoded_binder

    doc = pipeline.parser.parse(Article(id="t", text="The ministry said the retailer had asked it to delay the ruling."))
    pronoun = next(t for t in doc.tokens if t.text == "it")
    binder = _uncoded_binder(doc, set(), pronoun)
    assert binder is None or binder.text != "retailer"


NEXT = ("Canada and Mexico signed a trade accord in Ottawa on Monday. "
        "Harrowgate Mills closed its plant in Leeds last month. It said it would sue its former distributor.")


def test_it_opening_a_sentence_is_the_company_the_sentence_before_is_about(code_all):
    assert not _sued_by_a_state(code_all(NEXT))
    assert _sued_by_a_state(code_all(NEXT, off=("uncoded_antecedent", "uncoded_previous_subject")))


def test_it_after_a_coded_subject_keeps_its_actor(code_all):
    text = ("Canada and Mexico signed a trade accord in Ottawa on Monday. "
            "The Japanese government welcomed the accord. It also pledged to help small exporters in Asia.")
    events = code_all(text)
    assert any(e.trigger.text == "pledged" and e.source is not None and e.source.country == "JPN" for e in events)
