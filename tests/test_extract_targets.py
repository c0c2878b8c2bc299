"""Targets by class of construction: who an act is aimed at when its own phrase does not say."""
from __future__ import annotations

import datetime as dt

import pytest

from casus.model import Article

REPORT = dt.date(2018, 1, 26)

CASES = [
    # text, root of the top event, source country, target country (one of, when a pair)
    # a purpose clause's act is aimed at the one the matrix verb acts on
    ("Ghana summoned Togo's ambassador to complain about the border incident.", "11", "GHA", "TGO"),
    ("Nigeria's foreign minister summoned Niger's envoy to protest against the raids.", "14", "NGA", "NER"),
    # criticism of an act shifted after an 'as' label: the target is the act's doer
    ("France condemned as a grave violation Russia's annexation of the peninsula.", "11", "FRA", "RUS"),
    # a demand noun's 'that'-clause is asked of its subject, not done
    ("The World Health Organization repeated its demand on Monday that China share data on the outbreak.",
     "10", "IGO", "CHN"),
    # a mediator's act: the head noun of 'mediation effort' carries the 'between' pair
    ("Qatar's emir launched a mediation effort on Saturday between Sudan and Chad.", "04", "QAT", "SDN|TCD"),
    # domestic acts without a named target: the source's own country
    ("The teachers' union of Kenya called off its week-long strike.", "08", "KEN", "KEN"),
    ("The Thai army said it is ready to impose martial law.", "13", "THA", "THA"),
    ("Prime Minister Nawaz Sharif refused to resign.", "12", "PAK", "PAK"),
    # a relational head with an organisation as compound: 'its EU partners' are the EU's members
    ("Denmark criticised its European Union partners.", "11", "DNK", "IGO"),
    # a refusal asked for in a demand is the demand, to the one asked
    ("Greece demanded that its European Union partners refuse to recognize Macedonia.", "10", "GRC", "IGO"),
    # a protest's stated aim names its target before the place where it happens
    ("Students in Tehran blocked a road to show their anger at the United States' sanctions.", "14", "IRN", "USA"),
    ("Thousands of people blocked streets in Kiev in defiance of the Russian authorities.", "14", "UKR", "RUS"),
    ("Hundreds of students blocked roads in Caracas in protest at the Cuban government.", "14", "VEN", "CUB"),
    # an object-less verb's preposition governs a noun that is no actor: that noun's own preposition
    ("President Zuma has reneged on his promise to the striking miners of South Africa.", "12", "ZAF", "ZAF"),
    ("The Kenyan government refused to commit to any assistance to the Ugandan army.", "12", "KEN", "UGA"),
    # an intent whose complement is put in a place abroad: that place's country
    ("The African Union has agreed to set up a research center in Nairobi, officials said.", "03", "IGO", "KEN"),
    # an intended meeting in a city is held there, not with its country
    ("Russia and Iran agreed to hold talks in Geneva.", "03", "RUS|IRN", "IRN|RUS"),
    # forces sent are the means: the target is where they go
    ("Pakistan has refused to deploy peacekeepers in Iraq.", "12", "PAK", "IRQ"),
    # an object's stated aim names the target when the object has no author
    ("Hamas rejected an invitation to attend a meeting of Palestinian factions.", "12", "PSE", "PSE"),
    # the source's own 'its market' is not the target; what the phrase is for is
    ("Italy plans to impose restrictions on its fishing waters for Tunisian boats.", "13", "ITA", "TUN"),
    # the 'that'-clause of a demand noun under the verb's preposition, and of a warning
    ("The main rebel group, the National Liberation Forces, insisted on its demands that Uganda's government "
     "grant the Acholi more rights.", "10", "UGA", "UGA"),
    ("Egypt's interior minister warned that the Muslim Brotherhood would face arrests.", "13", "EGY", "EGY"),
    # a warning whose clause subject is the warner's own side: what that side acts on is warned
    ("Kenya's army chief warned that Kenyan troops will crush any attack by the Shabaab militants.", "13", "KEN",
     "SOM"),
    # force against a place the object leads to, and countryless victims where the attack happened
    ("Somali militants blew up a bridge leading into Mogadishu on Friday.", "17", "SOM", "SOM"),
    ("Two suicide bombers killed 15 people on Sunday when they blew themselves up in Baghdad.", "19", "IRQ", "IRQ"),
    # a state's police coerces at home when no one is named
    ("Kenyan police prevented a march by opposition supporters on Monday.", "17", "KEN", "KEN"),
    # the object's aim or act governs the actor ('a plan for resuming negotiations with India')
    ("Pakistan welcomed a plan for resuming negotiations with India.", "05", "PAK", "IND"),
    # 'the X-led war': X leads it, before the one it is waged against
    ("Turkey refused any assistance to the US-led war against Syria.", "12", "TUR", "USA"),
    # a relational group located in a country belongs to it, not to its patron
    ("Iran armed its allies in Iraq.", "07", "IRN", "IRQ"),
    # an official 'of the X region' takes the region's country
    ("Gunmen tried to assassinate the deputy governor of the Tyumen region.", "18", None, "RUS"),
    # 'restrictions on its market' for a noun under a light verb: the verb's own preposition names the target
    ("Austria, like several other states, intends to impose restrictions on its job market for Romanian workers "
     "until 2014.", "13", "AUT", "ROU"),
]


def test_unidentified_attacker_takes_the_place_s_country(pipeline):
    """An act of force with no named doer, near a place: unidentified armed forces of that country (UAF)."""
    art = Article(id="uaf", text="A roadside bombing near the town of Tikrit on Sunday killed one U.S. soldier.",
                  report_date=REPORT, report_date_basis="given")
    events = [e for _, evs in pipeline.code([art]) for e in evs]
    assert events and events[0].source.country == "IRQ" and "UAF" in events[0].source.sector
    assert events[0].target.country == "USA"


def _top(pipeline, i: int, text: str):
    art = Article(id=f"t{i}", text=text, report_date=REPORT, report_date_basis="given")
    events = [e for _, evs in pipeline.code([art]) for e in evs if e.mode not in ("negated", "alleged")]
    return max(events, key=lambda e: e.confidence) if events else None


@pytest.mark.parametrize("i", range(len(CASES)))
def test_top_event_dyad(pipeline, i):
    text, root, src, tgt = CASES[i]
    top = _top(pipeline, i, text)
    assert top is not None, text
    assert top.cameo.root == root, (text, top.cameo.code)
    if src is not None:
        assert top.source is not None and top.source.country in src.split("|"), (text, top.source)
    assert top.target is not None and top.target.country in tgt.split("|"), (text, top.target)


def test_shifted_label_is_not_an_act(pipeline):
    """'denounced as a violation': the label names no act of the one who denounces."""
    art = Article(id="lbl", text="France condemned as a grave violation Russia's annexation of the peninsula.",
                  report_date=REPORT, report_date_basis="given")
    codes = {e.cameo.root for _, evs in pipeline.code([art]) for e in evs if e.source and e.source.country == "FRA"}
    assert codes == {"11"}


def test_accepted_demand_is_not_the_asker_s(pipeline):
    """'accepted demands that it …': the one accepting does not ask."""
    art = Article(id="acc", text="Russia accepted demands from Germany that it release the prisoners.",
                  report_date=REPORT, report_date_basis="given")
    for _, evs in pipeline.code([art]):
        assert not any(e.mode == "requested" and e.source and e.source.country == "RUS" for e in evs)


def test_judged_act_borrows_no_doer(pipeline):
    """'opened an investigation of arms sales': the investigator did not sell the arms."""
    art = Article(id="jdg", text="An Argentine judge opened an investigation of illegal arms sales to Croatia.",
                  report_date=REPORT, report_date_basis="given")
    events = [e for _, evs in pipeline.code([art]) for e in evs]
    assert not any(e.cameo.root == "07" for e in events)


@pytest.mark.parametrize("text, src", [
    ("A Canadian missionary was arrested in Lebanon for spying.", "LBN"),
    ("Two journalists were detained in Cairo on Monday.", "EGY"),
])
def test_agentless_arrest_is_the_state_s(pipeline, text, src):
    """'was arrested in Lebanon': an arrest with no named doer is the doing of the state where it happened."""
    art = Article(id="arr", text=text, report_date=REPORT, report_date_basis="given")
    events = [e for _, evs in pipeline.code([art]) for e in evs if e.cameo.root == "17"]
    assert events and events[0].source.country == src


def test_victims_of_an_unclaimed_attack_take_the_place_s_country(pipeline):
    """'killed in a car bomb explosion in a district of Beirut': the attacker is Lebanese UAF, the victim Lebanese."""
    art = Article(id="vic", text="A prominent journalist has been killed in a car bomb explosion in a residential "
                  "district of eastern Beirut.", report_date=REPORT, report_date_basis="given")
    events = [e for _, evs in pipeline.code([art]) for e in evs]
    top = max(events, key=lambda e: e.confidence)
    assert top.source.country == "LBN" and top.target.country == "LBN"
