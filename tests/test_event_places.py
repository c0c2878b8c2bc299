"""Every event's place with its basis: the clause, else the sentence, the story's focus, the dateline."""
from __future__ import annotations

import datetime as dt

import pytest

from casus.ingest.chrome import Chrome
from casus.ingest.text import Given, article_from_text

REPORT = dt.date(2022, 3, 9)


def places(pipeline, text: str) -> dict[str, tuple[str | None, str | None]]:
    """Trigger text -> (place name, basis) of each event coded from `text`."""
    art = article_from_text(text, doc_id="t", file="t.txt", chrome=Chrome.load(), given=Given(date=REPORT))
    [(_, events)] = list(pipeline.code([art]))
    assert events, "the text should code at least one event"
    out = {}
    for e in events:
        loc = e.location
        out[e.trigger.text] = (loc.name, loc.basis) if loc else (None, None)
        if loc is not None and loc.end > loc.start:  # the evidence points at the text
            assert art.text[loc.start:loc.end] == loc.text
    return out


def test_clause_place_keeps_its_basis(pipeline):
    got = places(pipeline, "Kenyan police arrested twelve students in Mombasa on Tuesday.")
    assert got["arrested"] == ("Mombasa", "clause")


def test_a_place_elsewhere_in_the_sentence(pipeline):
    got = places(pipeline, "Speaking in Nairobi on Monday, the Kenyan president sharply criticised Uganda.")
    assert got["criticised"] == ("Nairobi", "sentence")


def test_a_place_in_a_phrase_about_someone_does_not_place_the_act(pipeline):
    got = places(pipeline, "Uganda, whose soldiers are stationed in Somalia, criticised Kenya on Monday.")
    assert got["criticised"] == (None, None)
    got = places(pipeline, "A Ugandan general born in Gulu criticised Kenya on Monday.")
    assert got["criticised"][0] != "Gulu"


def test_a_place_acted_on_places_the_act(pipeline):
    got = places(pipeline, "Syrian rebels shelled Aleppo on Monday. Residents of Aleppo fled.")
    assert got["shelled"] == ("Aleppo", "clause")


def test_the_story_focus_places_acts_of_its_own_country(pipeline):
    story = ("Thousands marched through Harare on Saturday.\n\n"
             "Shops in Harare stayed shut as riot police patrolled the centre.\n\n"
             "The government of Zimbabwe arrested forty opposition activists, a lawyer said.")
    got = places(pipeline, story)
    assert got["arrested"] == ("Harare", "article")


def test_the_story_focus_does_not_place_foreign_acts(pipeline):
    story = ("Thousands marched through Harare on Saturday.\n\n"
             "Shops in Harare stayed shut as riot police patrolled the centre.\n\n"
             "Britain sharply criticised South Africa over its silence, a lawyer said.")
    got = places(pipeline, story)
    assert got["criticised"] == (None, None)


@pytest.mark.parametrize("doer, other, located", [("Kenya", "Uganda", True), ("Uganda", "Kenya", False)])
def test_the_dateline_places_its_own_country_last(pipeline, doer, other, located):
    text = (f"{doer} and {other} in row over rebels\n\n"
            f"NAIROBI, March 8 (Reuters) - {doer} accused {other} on Tuesday of arming rebels.\n\n"
            "The ministry gave no details.")
    got = places(pipeline, text)
    assert got["accused"] == (("Nairobi", "dateline") if located else (None, None))


def test_the_place_of_a_saying_or_of_a_noun_does_not_place_the_act(pipeline):
    got = places(pipeline, "In Kampala, an army spokesman said Ugandan jets bombed rebel camps in Congo on Friday.")
    assert got.get("bombed", (None, None))[0] != "Kampala"
    got = places(pipeline, "A Somali envoy in Mombasa said on Monday that Kenya had criticised Ethiopia.")
    assert got["criticised"] == (None, None)  # the place describes the envoy, not the criticism


def test_a_person_taken_for_a_place_is_not_where_an_act_on_them_happens(pipeline):
    got = places(pipeline, "Kenya's ruling party on Monday suspended Mr Nakuru, a candidate in the Rift Valley.")
    assert "suspended" in got and got["suspended"][1] != "clause", got


def test_a_clause_place_must_hang_on_the_act(pipeline):
    # on the act, its object or the scene it happens at: the act's place
    got = places(pipeline, "Ethiopian troops attacked a rebel base in Gondar on Monday.")
    assert got["attacked"][0] in ("Gondar", "Gonder") and got["attacked"][1] == "clause"
    got = places(pipeline, "Kenyan police arrested twelve protesters in a raid in Kisumu on Tuesday.")
    assert got["arrested"] == ("Kisumu", "clause")
    got = places(pipeline, "Somali militants claimed the attack on the Kenyan embassy in Kampala on Friday.")
    assert got["attack"] == ("Kampala", "clause")  # the thing attacked is where the attack happens
    got = places(pipeline, "Kenya's president chaired a meeting of the regional council in Arusha on Friday.")
    assert got["meeting"] == ("Arusha", "clause")
    # on the doer or on a thing talked about: not where the act happens
    got = places(pipeline, "Ugandan officials in Kampala condemned Kenya on Friday.")
    assert got["condemned"][0] != "Kampala"
    got = places(pipeline, "The Kenyan minister complained on Monday about the crowded refugee camps in Dadaab.")
    assert got["complained"][0] != "Dadaab"


def test_the_sentence_place_of_a_condition_a_topic_or_a_trip_back_is_not_the_acts(pipeline):
    # a place in an "if" clause is another act's
    got = places(pipeline, "Kenya will ban Ugandan sugar if Uganda keeps its border closed in Busia.")
    assert got["ban"][0] != "Busia"
    # an act noun talked about ("comment on the statement") or come back from ("from a visit") was elsewhere
    got = places(pipeline, "In Lusaka, a Zambian spokesman declined to comment on the statement by Malawi.")
    assert got["statement"][0] != "Lusaka"
    got = places(pipeline, "The minister was in Lusaka after flying back from a visit to Harare.")
    assert got["visit"][0] != "Lusaka"
    got = places(pipeline, "In Lusaka, a Zambian spokesman declined to comment on the statement by Malawi.")
    assert got["comment"] == ("Lusaka", "sentence")  # the spokesman's own act keeps the sentence's place


def _filed_from_nairobi(body: str, headline: str = "Kenya and its neighbours") -> str:
    return f"{headline}\n\nNAIROBI, March 8 (Reuters) - {body}\n\nThe ministry gave no details."


def test_the_dateline_does_not_place_a_visit_abroad_aid_sent_or_a_pact_of_many(pipeline):
    got = places(pipeline, _filed_from_nairobi(
        "Kenyan President Uhuru Kenyatta will pay a state visit to Uganda next week, officials said.",
        "Kenyan leader to tour Uganda"))
    assert got["visit"][1] != "dateline"  # the visit happens in Uganda
    got = places(pipeline, _filed_from_nairobi("Kenya sent food aid to Somalia on Tuesday, officials said."))
    assert got["aid"][1] != "dateline"  # the aid arrives in Somalia
    got = places(pipeline, _filed_from_nairobi(
        "Kenya signed a fisheries pact with Uganda and Tanzania on Tuesday, officials said."))
    assert got["pact"][1] != "dateline"  # three nations' pact: where they met, not where one files from
    got = places(pipeline, _filed_from_nairobi("Kenyan warplanes bombed Somalia on Tuesday, officials said.",
                                               "Kenyan jets strike Somalia"))
    assert got["strike"][1] != "dateline"  # force is used where the other side is
    got = places(pipeline, _filed_from_nairobi("Kenya accused Uganda on Tuesday of arming rebels.",
                                               "Kenya and Uganda in row over rebels"))
    assert got["accused"] == ("Nairobi", "dateline")  # what the doer says is still placed by the dateline


def test_a_small_towns_name_before_an_act_noun_does_not_place_it(pipeline):
    # "the Hutton inquiry" is named after a person, though Hutton is also a village
    got = places(pipeline, "Kenya's parliament opened the Hutton inquiry into police abuses on Tuesday.")
    assert got["inquiry"][0] != "Hutton"
    # a capital before the act noun is where it happens
    got = places(pipeline, "Kenyan police began a Nairobi investigation into the bombing on Tuesday.")
    assert got["investigation"] == ("Nairobi", "clause")


def test_a_visit_or_aid_is_placed_where_it_arrives(pipeline):
    # a visit made to, or aid given to, another country's actor happens in that actor's country
    got = places(pipeline, "Zambia gave emergency food aid to Malawi on Friday, officials said.")
    assert got["aid"] == ("Malawi", "destination")
    got = places(pipeline, "The Zambian president paid a three-day visit to Malawi last week.")
    assert got["paid"] == ("Malawi", "destination")
    # a visit hosted happens at the host's
    got = places(pipeline, "Malawi hosted the Zambian president on Friday.")
    assert got["hosted"] == ("Malawi", "destination")
    # a meeting or a complaint between two countries goes to neither's country by this rule
    got = places(pipeline, "Zambia's president met Malawi's president on Friday.")
    assert got["met"][1] != "destination"
    got = places(pipeline, "Zambia accused Malawi on Friday of harbouring smugglers.")
    assert got["accused"][1] != "destination"


def test_the_place_of_an_act_talked_about_does_not_place_the_saying(pipeline):
    # a criticism or a demand is not made where the act it is about happened
    got = places(pipeline, "Belgium's foreign minister condemned the bombing in Kigali on Tuesday.")
    assert got["condemned"][0] != "Kigali"
    got = places(pipeline, "The Kenyan minister demanded the release of the prisoners in Kampala on Monday.")
    assert got["demanded"][0] != "Kampala"
    # the scene of the saying still places it, and an accord signed is where it was signed
    got = places(pipeline, "The Kenyan minister spoke at a rally in Mombasa on Monday.")
    assert got["rally"] == ("Mombasa", "clause") or got.get("spoke") == ("Mombasa", "clause")
    got = places(pipeline, "Tanzania and Kenya signed the trade accord in Arusha on Monday.")
    assert got["signed"] == ("Arusha", "clause")


def test_an_object_naming_an_act_of_something_is_a_topic_too(pipeline):
    got = places(pipeline, "Nigeria rejected a resumption of fighting in Mogadishu on Monday.")
    assert got["rejected"][0] != "Mogadishu"
