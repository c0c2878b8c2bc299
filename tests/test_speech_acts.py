"""What a speech verb reports, coded per the CAMEO codebook: criticism (111) and accusation (112) told with
'said', 'claimed', 'believes' (casus/events/triggers/speech.py, data in speech_acts.tsv)."""
from __future__ import annotations

import datetime as dt

import pytest

from casus.model import Article


def _events(pipeline, text: str, detector: bool = False) -> list:
    saved = pipeline.extractor.detector
    if not detector:
        pipeline.extractor.detector = None  # the rules alone: the learned detector may guess on its own
    try:
        art = Article(id="s", text=text, report_date=dt.date(2021, 3, 2), report_date_basis="given")
        return [e for _, evs in pipeline.code([art]) for e in evs]
    finally:
        pipeline.extractor.detector = saved


def _triples(events) -> list[tuple[str, str | None, str | None, str]]:
    return [(e.cameo.code, e.source.country if e.source else None, e.target.country if e.target else None,
             e.trigger.text) for e in events]


@pytest.mark.parametrize("text,source,target,trigger", [
    # a clause whose subject is another political actor, spoken ill of
    ("The Australian opposition leader said the Chinese government had failed its own people.", "AUS", "CHN", "said"),
    ("Dutch lawmakers told reporters that the Belgian ministry's handling of the border was a shambles.",
     "NLD", "BEL", "told"),
    # the criticism after what is said, as a parenthesis
    ("The Kenyan government's plan is a disaster, the Ugandan foreign minister said on Monday.", "UGA", "KEN", "said"),
])
def test_a_speaker_who_speaks_ill_of_another_political_actor_criticises_it(pipeline, text, source, target, trigger):
    found = _triples(_events(pipeline, text))
    assert ("111", source, target, trigger) in found, found


def test_the_reason_names_the_rule(pipeline):
    events = [e for e in _events(pipeline, "The Mexican president said the Peruvian government's policy was a "
                                           "failure.") if e.cameo.code == "111"]
    assert events and any("criticism" in r for r in events[0].reasons), events


@pytest.mark.parametrize("text", [
    # the evaluation denied: no criticism
    "The Australian opposition leader said the Chinese government had not failed its own people.",
    # no evaluation: a report of what another did
    "The Australian opposition leader said the Chinese government had opened a consulate in Perth.",
    # the speaker about its own side ('we')
    "The Australian foreign minister said we had failed the refugees.",
    # the ill word is about a thing, not an actor
    "The Australian foreign minister said the weather had been a disaster for farmers.",
    # an ill word that only names a thing ('waste recycling'), deep in a list of fields
    "The Chinese premier said the Vietnamese ministries had chosen projects in tourism, farming and waste recycling.",
])
def test_no_criticism_without_an_ill_word_about_another_actor(pipeline, text):
    found = _triples(_events(pipeline, text))
    assert not any(c == "111" and trig in ("said", "told") for c, _, _, trig in found), found


@pytest.mark.parametrize("text,source,target,trigger", [
    ("The Lithuanian government claims Belarusian border guards attacked a Lithuanian patrol.",
     "LTU", "BLR", "claims"),
    ("Georgian officials believe Russian agents rigged the local election.", "GEO", "RUS", "believe"),
    # the wrong told in the passive, with its doer after 'by'
    ("The Ukrainian ministry claimed that the prisoners were tortured by Russian soldiers.", "UKR", "RUS", "claimed"),
])
def test_a_claim_that_another_did_wrong_is_an_accusation(pipeline, text, source, target, trigger):
    found = _triples(_events(pipeline, text))
    assert ("112", source, target, trigger) in found, found


@pytest.mark.parametrize("text", [
    # the claimant's own act: no accusation (a claim of responsibility, where the act is force)
    "The Taliban claimed that its fighters attacked the Afghan army post.",
    # a claim of something no wrong
    "The Lithuanian government claims Polish officials signed the agreement.",
    # denied by the one who tells it
    "The Lithuanian government claims Belarusian guards did not push migrants across the frontier.",
])
def test_no_accusation_for_an_own_act_a_good_one_or_a_denied_one(pipeline, text):
    found = _triples(_events(pipeline, text))
    assert not any(c.startswith("112") for c, *_ in found), found


def test_dropping_statements_keeps_criticism(pipeline):
    # a user who drops 01 (`--roots -01`) keeps the criticism told with 'said'
    from casus.events.roots import parse_roots

    choice = parse_roots("-01")
    events = _events(pipeline, "The Mexican president said the Peruvian government's policy was a failure.")
    kept = [e for e in events if choice.admits(e.cameo.code)]
    assert any(e.cameo.code == "111" for e in kept), _triples(events)


def test_a_denied_word_of_praise_is_criticism(pipeline):
    text = "The Spanish opposition leader said the Catalan government had not been honest with voters."
    found = _triples(_events(pipeline, text))
    assert any(c == "111" and s == "ESP" and trig == "said" for c, s, _, trig in found), found


def test_two_people_of_one_government_code_are_two_actors(pipeline):
    # both are coded as their state's government; one still criticises the other
    text = "Tory leader Michael Howard said Gordon Brown's budget was a disaster."
    found = _triples(_events(pipeline, text))
    assert any(c == "111" and trig == "said" for c, *_, trig in found), found


@pytest.mark.parametrize("text,source", [
    ("The Scottish first minister told the Scottish Parliament that the ban would start in March.", "GBR"),
    ("The Canadian finance minister told the House of Commons that the budget was balanced.", "CAN"),
])
def test_telling_a_political_body_is_a_statement(pipeline, text, source):
    found = _triples(_events(pipeline, text))
    assert any(c == "010" and s == source and trig == "told" for c, s, _, trig in found), found


def test_telling_the_press_is_no_statement_by_itself(pipeline):
    found = _triples(_events(pipeline, "The Canadian finance minister told reporters that the budget was balanced."))
    assert not any(trig == "told" for *_, trig in found), found


@pytest.mark.parametrize("text,source", [
    ("The Eritrean government denied that its soldiers had crossed into Ethiopia.", "ERI"),
    ("Syria denied shelling the Turkish border town.", "SYR"),
])
def test_a_denial_of_an_act_is_coded_beside_it(pipeline, text, source):
    # CAMEO codes the denial itself (016, deny responsibility); the denied act is told, not done
    events = _events(pipeline, text)
    assert any(e.cameo.code == "016" and e.source.country == source for e in events), _triples(events)
    assert all(e.mode == "reported_denial" for e in events if e.cameo.code != "016"), _triples(events)


@pytest.mark.parametrize("text,source,target", [
    # a wrong of the speaker's own side denied in what is said (issue 15 item 3: denials as CAMEO codes them)
    ("The Hungarian prime minister said his remarks were not racist.", "HUN", None),
    ("The Serbian interior minister said he had done nothing wrong.", "SRB", None),
    ("The Bolivian president insisted he was innocent.", "BOL", None),
    ('The Spanish prime minister said: "I never threatened anybody."', "ESP", None),  # 'I' in a quote: the speaker
    ("The Irish foreign minister said his government did not interfere in the British election.", "IRL", None),
    # an accusation called false; its author, if the phrase names one, is the target
    ("The Kenyan government said the allegations by Uganda were baseless.", "KEN", "UGA"),
    ("A Turkish army spokesman said the reports of civilian deaths were not true.", "TUR", None),
])
def test_a_speaker_who_denies_a_wrong_of_its_own_side_denies_responsibility(pipeline, text, source, target):
    found = _triples(_events(pipeline, text))
    assert any(code == "016" and src == source and tgt == target for code, src, tgt, _ in found), found


@pytest.mark.parametrize("text", [
    "The Polish defence minister said Poland would not attack Belarus.",  # a promise, not a denial
    "The Greek finance minister said the Turkish plan was not a failure.",  # another's measure
    "The Danish prime minister said the Swedish claims were true.",  # an accusation upheld
    "The Finnish president said the Russian army had not withdrawn.",  # another's act
    "The Breton party leader said voting for her party was never a waste.",  # a clause about an act, not a wrong denied
    # 'he' inside a direct quote is another: a speaker names itself 'I'
    'The Labour minister Alan Milburn said: "He is not some reckless adventurer."',
    # an 'it' that stands for a clause is no one's side
    "The Greek tribunal chairman said it had not been proven that the Greek athletes refused to take the test.",
    # a harm the speaker suffered, denied, is no wrong of the speaker's denied
    "The Welsh first minister said his years in the army had not done him any lasting harm.",
    'The Welsh first minister said: "I do not think the army did me any lasting harm."',
])
def test_no_denial_for_a_promise_another_s_record_or_an_upheld_claim(pipeline, text):
    found = _triples(_events(pipeline, text))
    assert not any(code == "016" for code, *_ in found), found
