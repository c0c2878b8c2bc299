"""Precision on news constructions: act words that name no act done, doers and modes that leak across phrases."""
from __future__ import annotations

import datetime as dt

import pytest

from casus.model import Article

REPORT = dt.date(2019, 6, 3)


def _code(pipeline, text: str) -> list:
    art = Article(id="p", text=text, report_date=REPORT, report_date_basis="given")
    return [e for _, evs in pipeline.code([art]) for e in evs]


def _roots(events) -> set[str]:
    return {e.cameo.root for e in events}


# (sentence, CAMEO root that must NOT be coded)
NO_ACT = [
    # a device looked for, found or made safe is no attack
    ("Egyptian police were seeking a bomb after a tip-off in Cairo.", "18"),
    ("Iraqi army engineers defused a roadside bomb near Mosul.", "18"),
    ("A landmine was found by Afghan soldiers near Kandahar.", "18"),
    ("Afghan police searched for bombs in the market of Kandahar.", "18"),
    # an act noun that only says what kind of thing its head is
    ("French police in riot gear fired tear gas at protesters in Paris.", "14"),
    ("The German investment bank challenged the Russian government in court.", "06"),
    ("Kenyan police said the asylum system was overwhelmed by claims from Somalis.", "07"),
    # weather, not a threat; the use of a right or warrant, not a military exercise
    ("The US weather service issued a hurricane warning for the Bahamas.", "13"),
    ("The Afghan court approved the exercise of the warrants.", "15"),
    # a plane past the end of a runway seizes nothing
    ("The Russian airliner overran the runway at Kabul airport.", "19"),
    # markets: instruments and products offered are no political offer or aid
    ("The company offered deposits at higher rates to Indian customers.", "03"),
    ("The Indian treasury offered bills worth 5 billion rupees to Indian banks.", "03"),
    ("Boeing plans to offer new planes to Chinese airlines.", "03"),
    # a firm buying or selling is commerce, no intent to cooperate
    ("SBC Communications agreed to buy its former parent AT&T for $16bn.", "03"),
    ("The US firm said it has started a tender offer for all shares of the Canadian company.", "03"),
    # harm by disaster or mishap, or to animals, is no act of force
    ("Catalonia apartment block fire kills three, injures sixteen.", "19"),
    ("Seven Americans were killed when a bomber crashed at the airport in Connecticut.", "18"),
    ("Three Indian soldiers were killed in a landslide in Kashmir.", "19"),
    ("The government of Egypt ordered the killing of over 300,000 pigs.", "19"),
    # what a law allows, no one yields
    ("Until recently, Pakistani law allowed the perpetrators of honor killings to go unpunished.", "08"),
    # a rally of prices is no demonstration
    ("I would look at the stock market rally for Bush as a one-day event, said the US economist.", "14"),
    # buying is no demand on anyone
    ("Renault said strong demand outside western Europe lifted its results.", "10"),
]


@pytest.mark.parametrize("i", range(len(NO_ACT)))
def test_no_act_is_coded(pipeline, i):
    text, root = NO_ACT[i]
    assert root not in _roots(_code(pipeline, text)), text


# (sentence, CAMEO root that must still be coded)
STILL_ACT = [
    ("A roadside bomb killed two Iraqi soldiers near Mosul.", "18"),
    ("Taliban fighters planted a bomb near the Afghan parliament.", "18"),
    ("Turkey held a military exercise near the Syrian border.", "15"),
    ("Russia issued a warning to Ukraine over the border.", "13"),
    ("Russian troops overran the town of Bakhmut.", "19"),
    ("Jordan sent an aid convoy to Gaza.", "07"),
    ("Japan offered a loan of 3 billion dollars to Indonesia.", "03"),  # an offer is intent (0331): CAMEO 071 wants delivery
    ("The Hong Kong government proposed a bill to allow extraditions to China.", "03"),
    ("Iran issued arrest warrants for 36 American officials.", "17"),
    ("Israeli jets killed five militants in an air strike on Gaza.", "19"),
    ("Hundreds of students took part in the protest against the Iranian government.", "14"),
    ("A few hours before the jet crashed on Wednesday, Iran launched missiles targeting US troops in Iraq.", "19"),
    ("Protesters renewed their demand for the resignation of the Iraqi prime minister.", "02"),
    ("Iran offered to buy Russian fighter jets.", "03"),
    ("The Chinese government has allowed Hong Kong citizens more freedom.", "08"),
    ("The Iraqi opposition held a rally in Baghdad.", "14"),
]


@pytest.mark.parametrize("i", range(len(STILL_ACT)))
def test_act_still_coded(pipeline, i):
    text, root = STILL_ACT[i]
    assert root in _roots(_code(pipeline, text)), text


def test_scene_of_another_act_lends_no_doer(pipeline):
    """'questioned by police during the killings': the police did not kill; 'arrested during the protest'."""
    evs = _code(pipeline, "The journalist was questioned by Kenyan police during the killings in Nairobi.")
    assert not any(e.cameo.root in ("18", "19", "20") and e.source and e.source.country == "KEN" for e in evs)
    evs = _code(pipeline, "Police in Egypt arrested 20 people during the protest in Cairo.")
    assert "14" not in _roots(evs) and "17" in _roots(evs)
    evs = _code(pipeline, "Three French soldiers died in last week's attack near Gao.")
    assert not any(e.source and e.source.country == "FRA" for e in evs)


def test_own_authors_are_not_the_target(pipeline):
    """'in a joint statement by Egypt, Greece and Cyprus': the statement's authors are not each other's target."""
    evs = _code(pipeline, "In a joint statement by Egypt, Greece and Cyprus, the leaders said they would cooperate.")
    stmts = [e for e in evs if e.cameo.root == "01"]
    assert stmts and all(e.target is None for e in stmts)


def test_negation_stays_in_its_clause(pipeline):
    """'Russia did not attend, but China signed': the second clause, with its own subject, is asserted."""
    evs = _code(pipeline, "Russia did not attend the meeting, but China signed the agreement with Pakistan.")
    signed = [e for e in evs if e.cameo.root == "05"]
    assert signed and all(e.mode == "asserted" for e in signed)
    evs = _code(pipeline, "Iran did not sign or ratify the treaty with Iraq.")
    assert evs and all(e.mode == "negated" for e in evs if e.cameo.root == "05")


def test_attack_among_politicians_is_criticism(pipeline):
    """An attack or clash between politicians, parties, judges and ministers is verbal (111); armed actors keep 19x."""
    evs = _code(pipeline, "British opposition leader Michael Howard attacked Prime Minister Tony Blair over the Iraq war.")
    assert "11" in _roots(evs) and "19" not in _roots(evs)
    evs = _code(pipeline, "The UK's top judge clashed with British ministers over inquiries.")
    assert "19" not in _roots(evs)
    assert "19" in _roots(_code(pipeline, "Syrian government forces attacked rebels near Aleppo."))
    assert "19" in _roots(_code(pipeline, "The Syrian government attacked the town of Homs."))
    assert "19" in _roots(_code(pipeline, "Serbian protesters tried to storm the Serbian parliament."))
    evs = _code(pipeline, "The Liberal Democrats will have to fight to get their voice heard in the British parliament.")
    assert not {"11", "19"} & _roots(evs)


def test_harm_with_no_doer_and_no_one_coded_is_no_event(pipeline):
    """'seven people were killed when a plane crashed': no doer, and the harmed are people of no country or role."""
    assert not _code(pipeline, "At least seven people were killed when a bomber crashed at the airport.")
    assert not _code(pipeline, "Sixty-six people were injured yesterday according to health officials.")
    evs = _code(pipeline, "Two Iraqi soldiers were killed near Mosul.")
    assert any(e.cameo.root == "19" and e.target and e.target.country == "IRQ" for e in evs)


CALLS_AND_ATTEMPTS = [
    # naming, projecting or summoning is no telephone call (041)
    ("Later in the day, the AP also called Nevada for Biden.", "041"),
    ("British firefighters were called to the building.", "041"),
    # an attempt is no appeal
    ("The US Supreme Court sought to determine whether the law was valid.", "020"),
]


@pytest.mark.parametrize("i", range(len(CALLS_AND_ATTEMPTS)))
def test_calls_and_attempts(pipeline, i):
    text, code = CALLS_AND_ATTEMPTS[i]
    assert code not in {e.cameo.code for e in _code(pipeline, text)}, text


def test_phone_call_and_appeal_still_coded(pipeline):
    assert "041" in {e.cameo.code for e in _code(pipeline, "Putin called Erdogan on Tuesday.")}
    assert "02" in _roots(_code(pipeline, "Ukraine sought military aid from Germany."))


def test_statement_that_carries_another_act_is_not_coded_apart(pipeline):
    """'In a statement, X blamed Israel': the blame is coded, not a statement aimed at Israel."""
    evs = _code(pipeline, "In a statement, the Iraqi militia blamed Israel and the United States for the attack.")
    assert "11" in _roots(evs) and "01" not in _roots(evs)


def test_pronoun_bound_by_its_own_clause_subject(pipeline):
    """'MANILA - Communist rebels said they destroyed …': 'they' is the rebels, not the coded actor of the story before."""
    text = ("CAIRO - Egypt's opposition charged that the general election was rigged.\n\n"
            "MANILA - Communist rebels said they destroyed a military radio station in the northern Philippines.")
    evs = [e for e in _code(pipeline, text) if e.trigger.text == "destroyed"]
    assert evs and all(e.source.country != "EGY" and "REB" in e.source.sector for e in evs)


def test_charged_that_is_an_accusation_and_the_charge_is_not_the_prosecutors_act(pipeline):
    evs = _code(pipeline, "Egypt's opposition charged that the general election was rigged.")
    assert "11" in _roots(evs) and "17" not in _roots(evs)
    evs = _code(pipeline, "Kenyan prosecutors charged two men with murder.")
    assert "17" in _roots(evs) and "18" not in _roots(evs)


def test_medicine_licence_is_no_aid(pipeline):
    assert "07" not in _roots(_code(pipeline, "The vaccine has been approved in Switzerland and Luxembourg."))
    assert "07" in _roots(_code(pipeline, "The EU approved medicines for Ukraine."))


def test_a_visit_needs_a_host(pipeline):
    """'Police arrived and detained the man': no visit; 'the Pope arrived in Baghdad' is one."""
    assert "04" not in _roots(_code(pipeline, "British police arrived and detained the man."))
    assert "04" in _roots(_code(pipeline, "The Pope arrived in Baghdad on Friday."))
