"""Event extraction on short sentences: structure, modality and noise control."""
from __future__ import annotations

import datetime as dt

import pytest

from casus.model import Article

REPORT = dt.date(2018, 1, 26)


def code_cases(pipeline, prefix: str, cases) -> dict:
    """Code each case's sentence as its own article reported on REPORT; events by article id."""
    arts = [Article(id=f"{prefix}{i}", text=c[0], report_date=REPORT, report_date_basis="given")
            for i, c in enumerate(cases)]
    return {a.id: events for a, events in pipeline.code(arts)}

CASES = [
    # text, source country, target country, CAMEO root, mode
    ("Russian troops attacked Ukrainian soldiers near Donetsk.", "RUS", "UKR", "19", "asserted"),
    ("Ukrainian soldiers were attacked by Russian troops.", "RUS", "UKR", "19", "asserted"),
    ("Japan and Russia held talks in Moscow.", "JPN", "RUS", "04", "asserted"),
    ("The United States imposed sanctions on Iran.", "USA", "IRN", "16", "asserted"),
    ("Police arrested protesters in Cairo.", "EGY", "EGY", "17", "asserted"),
    ("France condemned the Syrian government.", "FRA", "SYR", "11", "asserted"),
    ("China will visit Pakistan next month.", "CHN", "PAK", "03", "intended"),
    ("Germany urged Turkey to release the journalists.", "DEU", "TUR", "02", "requested"),
    ("India did not attack Pakistan.", "IND", "PAK", "19", "negated"),
    ("Israeli aircraft bombed Gaza.", "ISR", "PSE", "19", "asserted"),  # 195 aerial weapons
    # a parser slip: the participle after the subject taken for the subject itself
    ("The Red Cross operating in Iraq said US forces must withdraw.", "NGO", "USA", "10", "requested"),
    # a coordinated passive is passive; a statement's author is the agent of what was done in it
    ("Russia invaded Ukraine and was sanctioned by the EU.", "IGO", "RUS", "16", "asserted"),
    ("Israel was condemned in a resolution by the UN General Assembly.", "IGO", "ISR", "11", "asserted"),
]


@pytest.fixture(scope="module")
def coded(pipeline):
    return code_cases(pipeline, "s", CASES)


@pytest.mark.parametrize("i", range(len(CASES)))
def test_dyad_code_and_mode(coded, i):
    text, src, tgt, root, mode = CASES[i]
    events = coded[f"s{i}"]
    found = [(e.source.country if e.source else None, e.target.country if e.target else None,
              e.cameo.root, e.mode) for e in events]
    if src == "EGY":  # unnamed country: police and protesters have no country of their own
        assert any(r == root for _s, _t, r, _m in found), found
        return
    assert any(s == src and t == tgt and r == root and m == mode for s, t, r, m in found) or \
        any({s, t} == {src, tgt} and r == root and m == mode for s, t, r, m in found), (text, found)


def test_passive_direction_runs_from_agent_to_subject(coded):
    for i, (text, src, tgt, root, _mode) in enumerate(CASES):
        if "was sanctioned by" in text or "in a resolution by" in text:
            dyads = {(e.source.country, e.target.country if e.target else None) for e in coded[f"s{i}"]
                     if e.cameo.root == root}
            assert (src, tgt) in dyads and (tgt, src) not in dyads, (text, dyads)


def test_negated_act_never_coded_as_asserted(coded):
    i = next(i for i, c in enumerate(CASES) if c[4] == "negated")
    assert all(e.mode != "asserted" or e.cameo.root != "19" for e in coded[f"s{i}"])


def test_no_event_without_political_actor(pipeline):
    arts = [Article(id="sport", text="Manchester United beat Chelsea 2-1 on Saturday.", report_date=REPORT),
            Article(id="market", text="Shares rose 3 percent in early trading.", report_date=REPORT)]
    for _a, events in pipeline.code(arts):
        assert events == []


def test_a_portfolio_or_field_naming_a_body_is_not_an_act(pipeline):
    arts = [Article(id="t", text="Planning and Investment Minister Tran Xuan Gia said Vietnam had a good year.",
                    report_date=REPORT),
            Article(id="c", text="The Trade Ministry of Japan gave Kenya aid.", report_date=REPORT)]
    coded = {a.id: evs for a, evs in pipeline.code(arts)}
    assert coded["t"] == [], [e.trigger.text for e in coded["t"]]
    assert [e.cameo.root for e in coded["c"]] == ["07"]  # the act itself is still coded


WORD_SENSE_CASES = [
    # text, trigger, CAMEO root that trigger must get (None: the word is no event here)
    ("The government of Samoa executed a planned shutdown of public services.", "executed", None),
    ("Iran executed two Kurdish activists on Saturday.", "executed", "17"),
    ("The Nigerian army carried out a strike on rebel positions.", "strike", "19"),  # armed forces: military
    ("Teachers in Kenya went on a strike on Monday.", "went", "14"),
    ("In a press release, Turkey's foreign ministry denounced the summit.", "release", "01"),  # no prisoner freed
    ("Zelensky declined Prime Minister Honcharuk's offer to resign.", "declined", "12"),
    ("Hungary's government says it will not accept the EU's migration plan.", "accept", "12"),  # not 011
    ("Hungary's government declined to comment on the plan.", "comment", "01"),
    ("Israeli jets hit a Hamas base in Gaza.", "hit", "19"),
    # a compound switched off in the lexicon: no detention, no withdrawal
    ("Burundi's president suffered a cardiac arrest on Monday, his government said.", "arrest", None),
    ("Myanmar's junta placed Aung San Suu Kyi under house arrest.", "arrest", "17"),
    # a phone call needs someone called; firefighters called to a fire are summoned
    ("Kenyan firefighters were called to the parliament building in Nairobi.", "called", None),
    ("Putin called Erdogan on Tuesday to discuss Syria.", "called", "04"),
    # a politician 'attacking' or 'withdrawing' acts in words and races, an army with force and troops
    ("Senator Kamala Harris attacked Joe Biden during the Democratic debates.", "attacked", "11"),
    ("Senator Kamala Harris withdrew from the presidential race.", "withdrew", "08"),
    ("Russian troops attacked Ukrainian positions near Kharkiv.", "attacked", "19"),
    ("Kenya's exports hit a record high in May.", "hit", None),
    # an act undone is not done: the noun's own code is not asserted
    ("The Supreme Court of Kenya overturned the convictions of two opposition leaders.", "convictions", None),
    ("Pakistan's government abandoned the talks with India.", "talks", None),
    # a participle's noun is what it acts on: a report is published, prisoners are freed
    ("In a report released by Kenya's health ministry on Monday, officials warned of cholera.", "released", None),
    ("Palestinian prisoners released by Israel on Monday returned to Ramallah.", "released", "08"),
]


@pytest.mark.parametrize("i", range(len(WORD_SENSE_CASES)))
def test_word_sense_by_object_and_doer(pipeline, i):
    text, trigger, root = WORD_SENSE_CASES[i]
    (_a, events), = list(pipeline.code([Article(id=f"w{i}", text=text, report_date=REPORT)]))
    roots = {e.cameo.root for e in events if e.trigger.text == trigger}
    assert roots == ({root} if root else set()), (text, [(e.trigger.text, e.cameo.code) for e in events])


def test_event_ids_are_stable(pipeline):
    art = lambda: Article(id="x", text="Japan and Russia held talks in Moscow.", report_date=REPORT)
    first = [e.event_id for _a, evs in pipeline.code([art()]) for e in evs]
    second = [e.event_id for _a, evs in pipeline.code([art()]) for e in evs]
    assert first and first == second


MODE_CASES = [
    # text, expected CAMEO root of the top event, expected mode
    ("Russia said Ukraine must withdraw its troops from the border.", "10", "requested"),
    ("Germany demanded that Turkey release the journalists.", "10", "requested"),
    ("Iran threatened to attack Israel.", "13", "threatened"),
    # calling for sanctions or force against a third party denounces it; urging someone to act appeals to them
    ("Greece's foreign minister called for sanctions against Turkey.", "11", "asserted"),
    ("Ukraine urged the European Union to impose sanctions on Russia.", "02", "requested"),
    ("Syria said it will not accept refugees from Iraq.", "12", "asserted"),
    ("Japan refused to hold talks with China.", "12", "asserted"),
    ("The United States could impose sanctions on Venezuela.", "13", "hypothetical"),
    ("France plans to send aid to Haiti.", "03", "intended"),
    ("Britain is considering sending troops to Mali.", "01", "asserted"),
]


@pytest.fixture(scope="module")
def mode_coded(pipeline):
    return code_cases(pipeline, "m", MODE_CASES)


@pytest.mark.parametrize("i", range(len(MODE_CASES)))
def test_modes_get_the_codes_cameo_prescribes(mode_coded, i):
    text, root, mode = MODE_CASES[i]
    events = [e for e in mode_coded[f"m{i}"] if e.mode != "negated"]
    assert events, text
    top = max(events, key=lambda e: e.confidence)
    assert (top.cameo.root, top.mode) == (root, mode), (text, [(e.cameo.code, e.mode, e.confidence) for e in events])


def test_requested_act_is_never_coded_as_done(mode_coded):
    for i, (text, _root, _mode) in enumerate(MODE_CASES):
        for e in mode_coded[f"m{i}"]:
            if e.cameo.root in ("17", "18", "19", "20", "16"):
                assert e.mode != "asserted" or "attack" not in text, (text, e.cameo.code, e.mode)


DATE_CASES = [
    # text, event date value, basis, precision
    ("Japan's Prime Minister Shinzo Abe met Russian President Vladimir Putin in Sochi on May 6, 2016.", "2016-05-06", "explicit", "day"),
    ("Russia attacked Ukraine in March 2014.", "2014-03", "explicit", "month"),
    ("France condemned Syria on Friday.", "2018-01-26", "relative", "day"),
    ("France condemned Syria last week.", "2018-W03", "relative", "week"),
    ("Iran will hold talks with Iraq until March.", "2018-01-26", "report", "day"),
]


@pytest.fixture(scope="module")
def date_coded(pipeline):
    return code_cases(pipeline, "d", DATE_CASES)


@pytest.mark.parametrize("i", range(len(DATE_CASES)))
def test_event_date_from_its_own_clause(date_coded, i):
    text, value, basis, precision = DATE_CASES[i]
    events = date_coded[f"d{i}"]
    assert events, text
    top = max(events, key=lambda e: e.confidence)
    assert (top.date.value, top.date.basis, top.date.precision) == (value, basis, precision), text
    assert top.report_date == "2018-01-26"


def test_embedded_acts_are_reported_not_asserted(pipeline):
    arts = [Article(id="acc", text="Iran accused Israel of attacking its embassy.", report_date=REPORT),
            Article(id="den", text="Russia denied attacking the Ukrainian convoy.", report_date=REPORT),
            Article(id="hl", text="Japan to send troops to Iraq", report_date=REPORT)]
    coded = {a.id: evs for a, evs in pipeline.code(arts)}
    acc = coded["acc"]
    assert any(e.cameo.root == "11" and e.source.country == "IRN" and e.target.country == "ISR" and e.mode == "asserted"
               for e in acc), [(e.cameo.code, e.mode) for e in acc]
    assert all(e.mode == "alleged" for e in acc if e.cameo.root in ("18", "19")), [(e.cameo.code, e.mode) for e in acc]
    assert all(e.mode == "reported_denial" for e in coded["den"] if e.cameo.root in ("18", "19"))
    assert coded["hl"] and all(e.mode == "intended" for e in coded["hl"]), [(e.cameo.code, e.mode) for e in coded["hl"]]


def test_we_in_a_quote_of_its_own_sentence_is_the_speakers_side(pipeline):
    text = ('Japanese Prime Minister Shinzo Abe spoke to reporters on Friday. "We will hold talks with Russia. '
            'We hope for progress," Abe said.')
    (_a, events), = list(pipeline.code([Article(id="q", text=text, report_date=REPORT)]))
    talks = [e for e in events if e.cameo.code == "036"]
    assert talks and talks[0].source.country == "JPN" and talks[0].target.country == "RUS"
    assert talks[0].source.text == "We"


def test_the_speaker_is_not_the_doer_of_an_agentless_passive(pipeline):
    text = "A settler was stabbed near Ramallah on Friday, the Israeli army said."
    (_a, events), = list(pipeline.code([Article(id="p", text=text, report_date=REPORT)]))
    stab = [e for e in events if e.cameo.root in ("18", "19")]
    # the doer stays unnamed (at most the unidentified armed men of the place), never the army that spoke
    assert stab and all("army" not in e.source.text and e.source.country != "ISR" for e in stab), [
        (e.cameo.code, e.source.text, e.source.code) for e in stab]


BACKGROUND_CASES = [
    # the clause's doer did not do the act named in a time, reaction or charge adjunct
    ("Kurdish protesters blocked a road in Diyarbakir after the bombing.", "bombing"),
    ("Israel launched air strikes on Gaza following a rocket attack.", "attack"),
    ("The Mexican army deployed troops to Sinaloa after the killing of three soldiers.", "killing"),
    ("Kenyan police arrested two men for the bombing of a bus.", "bombing"),
    ("Israel bombed Gaza in retaliation for the attack on Sderot.", "attack"),
]


def test_the_speaker_is_not_the_doer_of_a_background_attack(pipeline):
    arts = [Article(id="said", text="Donors said Indonesia must ensure security after the Bali bombing.",
                    report_date=REPORT),
            Article(id="ru", text="The Russian bombing of Kyiv killed ten Ukrainian civilians.", report_date=REPORT)]
    coded = {a.id: evs for a, evs in pipeline.code(arts)}
    assert not [e for e in coded["said"] if e.trigger.text == "bombing" and e.source.country], coded["said"]
    assert any(e.source.country == "RUS" for e in coded["ru"])  # a demonym before it is still the doer


def test_an_act_in_a_background_adjunct_is_not_the_clause_doers(pipeline):
    coded = code_cases(pipeline, "bg", BACKGROUND_CASES)
    for i, (text, noun) in enumerate(BACKGROUND_CASES):
        events = coded[f"bg{i}"]
        assert events, text  # the main act is still coded
        wrong = [e for e in events if e.trigger.text == noun and e.source.country is not None]
        assert not wrong, (text, [(e.cameo.code, e.source.text) for e in wrong])


def test_the_two_countries_act_as_both_states(pipeline):
    text = "India and Pakistan held talks in Delhi. The two countries agreed to reopen their border."
    (_a, events), = list(pipeline.code([Article(id="pair", text=text, report_date=REPORT)]))
    second = {(e.source.country, e.target.country if e.target else None) for e in events if e.sentence == 1}
    assert {("IND", "PAK"), ("PAK", "IND")} <= second, second


def test_considering_something_to_be_is_a_view_not_a_policy_option(pipeline):
    arts = [Article(id="view", text="Japan considers the projects to be a step towards a peace treaty.", report_date=REPORT),
            Article(id="opt", text="Japan is considering sanctions against Russia.", report_date=REPORT)]
    coded = {a.id: evs for a, evs in pipeline.code(arts)}
    assert not [e for e in coded["view"] if e.cameo.code == "014"]
    assert [e for e in coded["opt"] if e.cameo.code == "014"]


def test_coordinated_hosts_meet_each_other_not_their_own_capital(pipeline):
    (_a, events), = list(pipeline.code([Article(id="c", text="Japan and China held talks in Beijing.", report_date=REPORT)]))
    dyads = {(e.source.country, e.target.country if e.target else None) for e in events}
    assert ("CHN", "CHN") not in dyads and ("JPN", "CHN") in dyads | {(t, s) for s, t in dyads}


TARGET_CASES = [
    # text, target country of the top event (None: no target), words the target's text must contain
    # a place is the target only when no actor receives the act
    ("Kenyan police fired tear gas at protesters in Nairobi.", "KEN", "protesters"),
    ("The government imposed a curfew in Abidjan.", "CIV", "Abidjan"),
    ("The UN suspended food deliveries in Mogadishu.", "SOM", "Mogadishu"),
    ("Afghan rebels exploded a series of bombs in the capital Kabul.", "AFG", "Kabul"),  # a capital named as actor
    # a place where words are spoken is a venue, not a target
    ("France condemned the decision in Geneva.", None, None),
    # a place inside the source's own phrase tells where the source is from, not what it acts on
    ("Gunmen in Baghdad attacked a convoy.", None, None),
    # the target of an infinitival complement the framing verb speaks for
    ("Russia refused to resume gas deliveries to Ukraine.", "UKR", "Ukraine"),
    # the source's own forces or envoy are not the target; the place or country they go to or leave is
    ("Israel has strengthened its forces in Lebanon.", "LBN", "Lebanon"),
    ("The United States recalled its ambassador from Turkey.", "TUR", "Turkey"),
    # an expelled diplomat stands for the state that sent them, not the one they were posted to
    ("Athens expelled the Libyan ambassador to Greece.", "LBY", "ambassador"),
    # what is hit belongs to whoever uses or holds it; a place-less facility is in the place of the act
    ("The Pentagon said it hit five bases used by Hezbollah.", "LBN", "Hezbollah"),
    ("Russian missiles hit a hospital in Kharkiv.", "UKR", "hospital"),
    ("Britain expelled 23 diplomats from Russia.", "RUS", "Russia"),  # nameless diplomats: where they are from
    # what a weapon or attack is aimed at, in a participle after it
    ("Iran launched missiles targeting US troops in Iraq.", "USA", "troops"),
    ("Hezbollah fired rockets aimed at Israeli towns.", "ISR", "Israeli"),
    # the one a protest or a use of force is aimed at, named in its purpose clause or 'in protest of'
    ("Kenyan police opened fire to disperse Somali refugees.", "SOM", "refugees"),
    ("Farmers began a hunger strike in protest of the Indian government's farm laws.", "IND", "government"),
    ("Egyptian demonstrators marched in Cairo calling for the removal of President Hosni Mubarak.", "EGY", "Mubarak"),
    # parser slips: 'up to 16 advisers' is the object; a preposition left without its noun takes the next one
    ("Afghan rebels have kidnapped up to 16 Russian civilian advisers from a town bazaar.", "RUS", "advisers"),
    ("Peru has granted diplomatic asylum to five Panamanian army officers holed up in a diplomatic residence.",
     "PAN", "officers"),
    # the doer of what is investigated or condemned, named in a participle ('crimes committed by X')
    ("Serbian police have launched an investigation into alleged crimes committed by Croat forces.", "HRV", "Croat"),
    # a complaint's target is the one complained about; the audience only when no other is named
    ("Lebanon complained to the United Nations on Tuesday over two Israeli air raids.", "ISR", "Israeli"),
    ("Japan complained to China.", "CHN", "China"),
    # an ally, rival or neighbour of a country is not that country
    ("Russia attacked Ukraine's allies.", None, None),
    # a threat's condition names whom it is aimed at; a demand's that-clause names whom it is made of
    ("Iran threatened to launch a new offensive unless Baghdad accepted its conditions.", "IRQ", "Baghdad"),
    ("Russia threatened to stop negotiations if the United States goes ahead with the deployment.", "USA", "United States"),
    ("The International Labor Office reiterated its demand that Israel ease restrictions on Palestinian workers.",
     "ISR", "Israel"),
    # a withdrawal 'from' a country: the country left is the target, not the one withdrawing
    ("Russia announced the withdrawal of its troops from Syria.", "SYR", "Syria"),
]


@pytest.fixture(scope="module")
def target_coded(pipeline):
    return code_cases(pipeline, "t", TARGET_CASES)


@pytest.mark.parametrize("i", range(len(TARGET_CASES)))
def test_target_is_the_one_acted_on(target_coded, i):
    text, country, words = TARGET_CASES[i]
    events = [e for e in target_coded[f"t{i}"] if e.mode != "negated"]
    assert events, text
    top = max(events, key=lambda e: e.confidence)
    got = (top.target.country, top.target.text) if top.target else (None, None)
    assert got[0] == country and (words is None or words in got[1]), (text, got)


def test_withdrawal_from_a_country_keeps_the_withdrawing_side_as_source(target_coded):
    i = next(i for i, c in enumerate(TARGET_CASES) if c[0].startswith("Russia announced the withdrawal"))
    events = [e for e in target_coded[f"t{i}"] if e.cameo.root == "08"]
    assert events and all(e.source.country == "RUS" for e in events), [(e.source.text, e.cameo.code) for e in events]


def test_an_unplaced_head_takes_the_country_named_in_its_phrase(pipeline):
    arts = [Article(id="doc", text="Doctors from two American aid groups donated medicine to Iraq.", report_date=REPORT),
            Article(id="reb", text="Rebels in the Ivory Coast attacked government troops.", report_date=REPORT)]
    coded = {a.id: evs for a, evs in pipeline.code(arts)}
    assert coded["doc"] and all(e.source.country == "USA" for e in coded["doc"]), coded["doc"]
    attacks = [e for e in coded["reb"] if e.cameo.root in ("18", "19")]
    (_a, lagos), = list(pipeline.code([Article(
        id="lagos", text="Police in Lagos arrested dozens of opposition supporters.", report_date=REPORT)]))
    assert lagos and lagos[0].source.country == "NGA" and "COP" in lagos[0].source.sector  # the place's country
    (_a, minsk), = list(pipeline.code([Article(
        id="minsk", text="Police arrested protesters and journalists in Minsk.", report_date=REPORT)]))
    assert minsk and all(e.source.country == "BLR" and e.target.country == "BLR" for e in minsk)  # where it happened
    assert attacks and attacks[0].source.country == "CIV" and "REB" in attacks[0].source.sector  # still rebels


def test_state_of_siege_is_one_act_coded_by_its_verb(pipeline):
    (_a, events), = list(pipeline.code([Article(
        id="siege", text="The military government declared a 30-day state of siege in Haiti.", report_date=REPORT)]))
    assert [e.cameo.code for e in events] == ["1724"], [(e.cameo.code, e.trigger.text) for e in events]


ACT_CASES = [
    # text, CAMEO code prefix of the top event, source country, target country
    ("Irish guerrillas wounded two British soldiers in a bomb attack on Thursday.", "183", "IRL", "GBR"),  # the attack says how
    ("Two Israeli soldiers were wounded in Gaza.", "19", None, "ISR"),
    ("Palestinian youths were throwing stones at Israeli soldiers.", "145", "PSE", "ISR"),
    ("The US is providing aerial photographs and other military intelligence to Macedonia.", "064", "USA", "MKD"),
    ("Serb forces were engaged in ethnic cleansing against the Albanian population.", "203", "SRB", "ALB"),
    ("UN helicopters evacuated the wounded from the Syrian town of Douma.", "073", "IGO", "SYR"),
    ("The French president gave a warm welcome to the Ghanaian leader.", "043", "FRA", "GHA"),
    ("Nigeria contributed 500 troops to the UN force in Mali.", "074", "NGA", "IGO"),
]


@pytest.fixture(scope="module")
def act_coded(pipeline):
    return code_cases(pipeline, "a", ACT_CASES)


@pytest.mark.parametrize("i", range(len(ACT_CASES)))
def test_act_code_and_dyad(act_coded, i):
    text, code, src, tgt = ACT_CASES[i]
    events = act_coded[f"a{i}"]
    assert events, text
    top = max(events, key=lambda e: e.confidence)
    got = (top.cameo.code, top.source.country if top.source else None, top.target.country if top.target else None)
    assert got[0].startswith(code) and got[1:] == (src, tgt), (text, got)


def test_victims_of_a_passive_attack_are_not_its_doers(pipeline):
    (_a, events), = list(pipeline.code([Article(
        id="v", text="Two Israeli soldiers were killed in an attack in Gaza.", report_date=REPORT)]))
    assert events and all(e.source is None or e.source.country != "ISR" for e in events), \
        [(e.cameo.code, e.source.text if e.source else None) for e in events]


def test_who_condemns_or_rejects_an_act_is_not_its_doer(pipeline):
    arts = [Article(id="c", text="Russia condemned the attack and called on Ukraine to investigate.", report_date=REPORT),
            Article(id="r", text="Pakistan rejected the proposal for talks.", report_date=REPORT)]
    coded = {a.id: evs for a, evs in pipeline.code(arts)}
    assert not [e for e in coded["c"] if e.cameo.root in ("18", "19") and e.source.country == "RUS"]
    assert not [e for e in coded["c"] if e.cameo.root == "11" and e.target is not None and e.target.country == "UKR"]
    assert not [e for e in coded["r"] if e.cameo.root == "04" and e.source.country == "PAK" and e.mode == "asserted"]
    (_a, raids), = list(pipeline.code([Article(
        id="l", text="Lebanon complained to the United Nations over two Israeli air raids.", report_date=REPORT)]))
    assert not [e for e in raids if e.cameo.root == "19" and e.target is not None and e.target.country == "IGO"]


def test_coordinated_verbs_share_the_target_of_the_second(pipeline):
    (_a, events), = list(pipeline.code([Article(
        id="s", text="Japan donated and delivered medical supplies to Nepal.", report_date=REPORT)]))
    assert events and all(e.target is not None and e.target.country == "NPL" for e in events), \
        [(e.trigger.text, e.target) for e in events]


def test_coordinated_doers_of_a_one_sided_act_are_not_each_others_targets(pipeline):
    (_a, events), = list(pipeline.code([Article(id="v", text="Russia and China vetoed the resolution.", report_date=REPORT)]))
    assert {e.source.country for e in events} == {"RUS", "CHN"}
    assert all(e.target is None for e in events), [(e.source.country, e.target.country) for e in events if e.target]


STANCE_CASES = [
    # a stance, refusal or restriction a coder would code; text, code prefix, source, target
    ("The Kenyan government declined to comment on the report.", "011", "KEN", None),
    ("Germany is skeptical of the Russian proposal.", "012", "DEU", "RUS"),
    ("Canada remains critical of the Chinese government.", "111", "CAN", "CHN"),
    ("Israel is opposed to French mediation.", "110", "ISR", "FRA"),
    ("Egypt refused to remove the ban on opposition parties.", "124", "EGY", None),
    ("Sanctions on Iran were lifted by the European Union.", "085", "IGO", "IRN"),
    ("The stolen paintings were returned to Italy by French police.", "0842", "FRA", "ITA"),
    ("The Peruvian government declared a state of emergency in Lima.", "1724", "PER", None),
    ("Japan announced an increase in funding for Nepal.", "071", "JPN", "NPL"),
]


@pytest.fixture(scope="module")
def stance_coded(pipeline):
    return code_cases(pipeline, "st", STANCE_CASES)


@pytest.mark.parametrize("i", range(len(STANCE_CASES)))
def test_stances_refusals_and_passive_objects(stance_coded, i):
    text, code, src, tgt = STANCE_CASES[i]
    events = [e for e in stance_coded[f"st{i}"] if e.mode == "asserted"]
    found = [(e.cameo.code, e.source.country if e.source else None, e.target.country if e.target else None)
             for e in events]
    assert any(c.startswith(code) and s == src and (tgt is None or t == tgt) for c, s, t in found), (text, found)


def test_hunger_strike_is_coded_as_one_not_as_a_generic_strike(pipeline):
    (_a, events), = list(pipeline.code([Article(
        id="h", text="Kurdish prisoners in Turkey went on hunger strike.", report_date=REPORT)]))
    codes = {e.cameo.code for e in events}
    assert "142" in codes and "143" not in codes, codes


def test_a_news_agency_reporting_an_act_is_not_its_doer(pipeline):
    (_a, events), = list(pipeline.code([Article(
        id="n", text="Ten Chinese soldiers were killed in an attack on Monday, the Xinhua news agency reported.",
        report_date=REPORT)]))
    assert [e for e in events if e.cameo.root in ("18", "19")], events
    assert all(e.source is None or "MED" not in e.source.sector for e in events if e.cameo.root in ("18", "19")), \
        [(e.cameo.code, e.source.text) for e in events]


def test_an_attack_with_victims_but_no_named_attacker_is_coded_by_its_kind(pipeline):
    arts = [Article(id="b", text="A roadside bombing near Kandahar killed three Canadian soldiers on Sunday.", report_date=REPORT),
            Article(id="d", text="Two Iraqi policemen were killed by an improvised explosive device in Mosul.", report_date=REPORT),
            Article(id="q", text="An earthquake killed 20 people in Turkey.", report_date=REPORT)]
    coded = {a.id: evs for a, evs in pipeline.code(arts)}
    for key, victim in (("b", "CAN"), ("d", "IRQ")):
        found = [(e.cameo.code, e.source.kind if e.source else None, e.target.country if e.target else None)
                 for e in coded[key]]
        assert ("1833", "unknown", victim) in found, found  # the place where it happened is not the attacker
    assert not [e for e in coded["q"] if e.cameo.root in ("18", "19", "20")]


def test_yielding_on_a_curfew_or_leaving_positions(pipeline):
    arts = [Article(id="c", text="The Sudanese president shortened the nightly curfew by one hour.", report_date=REPORT),
            Article(id="e", text="Israel will evacuate its settlements in the Gaza Strip.", report_date=REPORT)]
    coded = {a.id: evs for a, evs in pipeline.code(arts)}
    assert any(e.cameo.code == "0813" and e.source.country == "SDN" for e in coded["c"]), coded["c"]
    assert any(e.cameo.code == "0356" and e.mode == "intended" and e.source.country == "ISR" for e in coded["e"]), coded["e"]


@pytest.mark.parametrize("text,code", [
    ("Ukraine accused Russia of war crimes in Bucha.", "1124"),
    ("Amnesty accused the Egyptian government of human rights abuses.", "1122"),
    ("Iran accused Israel of aggression.", "1123"),
    ("China accused Japan of provoking the crisis.", "112"),
])
def test_the_charge_after_of_chooses_the_accusation_code(pipeline, text, code):
    (_a, events), = list(pipeline.code([Article(id="acc", text=text, report_date=REPORT)]))
    top = max(events, key=lambda e: e.confidence)
    assert top.cameo.code == code and top.target is not None, (text, top.cameo.code)


def test_a_hoped_for_or_avoided_act_of_force_gets_no_unknown_attacker(pipeline):
    (_a, events), = list(pipeline.code([Article(
        id="h", text="Lavrov and Kerry said they hoped the plan could avoid military action against Syria.",
        report_date=REPORT)]))
    assert not [e for e in events if e.source is not None and e.source.kind == "unknown" and e.mode != "asserted"]


@pytest.mark.parametrize("text,code", [
    ("Japanese doctors handed over 500 kg of medicine to the Red Cross in Nepal.", "073"),  # the 'of' noun of a phrasal verb
    ("The European Union ended its mediation efforts between the Serbian factions.", "165"),  # the object's compound
    ("The United Nations withdrew its weapons inspectors from Iraq.", "1662"),
    ("The Burmese army drove out thousands of villagers from their homes.", "201"),
    ("Rebels blew up two power lines near Kabul.", "1712"),
    ("Nigerian doctors stopped work on Monday to protest against the government.", "143"),
])
def test_the_object_chooses_the_specific_code(pipeline, text, code):
    (_a, events), = list(pipeline.code([Article(id="obj", text=text, report_date=REPORT)]))
    top = max(events, key=lambda e: e.confidence)
    assert top.cameo.code == code, (text, [(e.cameo.code, e.trigger.text) for e in events])
    assert not [e for e in events if e.trigger.text == "mediation"]  # the ended mediation is not also coded as one


def test_a_call_for_an_agentless_passive_act_is_an_appeal_by_the_caller(pipeline):
    (_a, events), = list(pipeline.code([Article(
        id="p", text="German Chancellor Gerhard Schroeder has repeatedly called for the embargo on China to be lifted.",
        report_date=REPORT)]))
    assert any(e.cameo.root == "02" and e.source.country == "DEU" and e.target is not None and e.target.country == "CHN"
               for e in events), [(e.cameo.code, e.source.text, e.target) for e in events]


def test_a_stance_adjective_needs_an_actor_in_that_state(pipeline):
    (_a, events), = list(pipeline.code([Article(
        id="o", text="The British minister denied his economic forecasts were too optimistic.", report_date=REPORT)]))
    assert not [e for e in events if e.cameo.code == "013"], [(e.cameo.code, e.trigger.text) for e in events]


def test_shot_dead_is_shooting_but_calling_someone_names_is_no_phone_call(pipeline):
    arts = [Article(id="s", text="Dozens of unarmed Kenyan protesters were shot dead by police in Nairobi.", report_date=REPORT),
            Article(id="n", text="The Turkish president called the Dutch prime minister nasty.", report_date=REPORT)]
    coded = {a.id: evs for a, evs in pipeline.code(arts)}
    assert any(e.cameo.root in ("18", "19") and e.target is not None and e.target.country == "KEN" for e in coded["s"])
    assert not [e for e in coded["n"] if e.cameo.code == "041"]


def test_an_opposed_intervention_is_not_an_attack_by_someone_unknown(pipeline):
    (_a, events), = list(pipeline.code([Article(
        id="i", text="France opposes any military intervention in Libya.", report_date=REPORT)]))
    assert any(e.cameo.root == "11" and e.source.country == "FRA" for e in events)
    assert not [e for e in events if e.cameo.root == "19" and e.source is not None and e.source.kind == "unknown"]


@pytest.mark.parametrize("text", [
    "The Russian foreign ministry had no immediate comment.",
    "A spokesman for the Iranian government would not comment on the report.",
    "The Pentagon refused to say whether troops would be sent to Syria.",
])
def test_ways_of_declining_to_comment(pipeline, text):
    (_a, events), = list(pipeline.code([Article(id="dc", text=text, report_date=REPORT)]))
    assert any(e.cameo.code == "011" and e.mode == "asserted" for e in events), (text, [e.cameo.code for e in events])
    assert not [e for e in events if e.cameo.root == "12"]  # not refusing to cooperate


def test_refusing_to_meet_conditions_is_refusing_to_yield_not_to_meet(pipeline):
    (_a, events), = list(pipeline.code([Article(
        id="md", text="The U.S. said it would not meet the conditions set by Iran.", report_date=REPORT)]))
    assert any(e.cameo.code.startswith("124") and e.source.country == "USA" for e in events), \
        [e.cameo.code for e in events]
    assert not [e for e in events if e.cameo.code.startswith("125")]


@pytest.mark.parametrize("text,code", [
    ("Japan is sending troops to the United Nations peacekeeping force in South Sudan.", "074"),
    ("Russia is sending troops to the Ukrainian border.", "154"),  # a build-up, not peacekeeping
    ("Britain sent 200 soldiers to Mali to help the Malian army.", "074"),  # to help another: protection
    ("Canada offered to deploy troops to Latvia to protect it.", "0334"),  # offered: intent to protect
    ("UN peacekeepers arrived in Haiti.", "074"),  # deployed, not a visit
    ("The Chinese foreign minister arrived in Nairobi.", "042"),  # a visit
    ("The armies of Brazil and Argentina held joint war games in October.", "062"),  # done together
    ("Russia held military exercises near the Ukrainian border.", "150"),  # a show of force
    ("The Czech prime minister pledged his country's full support for the Libyan government.", "032"),
    ("The US president agreed to discontinue tariffs on Chinese goods.", "0354"),
    ("Algerian authorities suspended publication of the country's largest newspaper.", "1721"),
    ("The Sudanese president declared a cessation of hostilities in Darfur.", "0871"),
])
def test_what_is_sent_pledged_or_stopped_chooses_the_code(pipeline, text, code):
    (_a, events), = list(pipeline.code([Article(id="w", text=text, report_date=REPORT)]))
    top = max(events, key=lambda e: e.confidence)
    assert top.cameo.code == code, (text, [(e.cameo.code, e.trigger.text) for e in events])


def test_a_decision_to_act_is_the_act(pipeline):
    arts = [Article(id="d", text="Japan decided on Thursday to ease some sanctions on North Korea.", report_date=REPORT),
            Article(id="p", text="Japan plans to ease some sanctions on North Korea.", report_date=REPORT)]
    coded = {a.id: evs for a, evs in pipeline.code(arts)}
    assert any(e.cameo.code == "085" and e.mode == "asserted" and e.target.country == "PRK" for e in coded["d"])
    assert any(e.cameo.code.startswith("035") and e.mode == "intended" for e in coded["p"])  # a plan stays an intent


def test_a_domestic_measure_with_no_named_target_is_aimed_at_the_own_country(pipeline):
    arts = [Article(id="m", text="The Thai army declared martial law on Tuesday.", report_date=REPORT),
            Article(id="v", text="Thailand will visit Japan next month.", report_date=REPORT)]
    coded = {a.id: evs for a, evs in pipeline.code(arts)}
    assert any(e.cameo.code == "1724" and e.target is not None and e.target.country == "THA" for e in coded["m"]), \
        [(e.cameo.code, e.target) for e in coded["m"]]
    assert not [e for e in coded["v"] if e.target is not None and e.target.country == "THA"]  # not for acts abroad
    (_a, protest), = list(pipeline.code([Article(id="p", text="Demonstrators in Baghdad blocked a road.", report_date=REPORT)]))
    top = max(protest, key=lambda e: e.confidence)  # aimed at Iraq, not at the place in the demonstrators' phrase
    assert top.target is not None and top.target.country == "IRQ" and "Baghdad" not in top.target.text
    assert top.source.country == "IRQ" and top.target is not top.source


@pytest.mark.parametrize("text,code,src,tgt", [
    ("Humanitarian aid was delivered to Yemen by Saudi Arabia.", "07", "SAU", "YEM"),
    ("Two journalists were detained by Iranian police in Tehran.", "17", "IRN", "IRN"),
    ("The sanctions were eased by the European Union.", "08", "IGO", None),
])
def test_passive_acts_take_the_by_agent_as_doer(pipeline, text, code, src, tgt):
    (_a, events), = list(pipeline.code([Article(id="pa", text=text, report_date=REPORT)]))
    top = max(events, key=lambda e: e.confidence)
    assert top.cameo.code.startswith(code) and top.source.country == src, (text, top.cameo.code, top.source.text)
    assert tgt is None or (top.target is not None and top.target.country == tgt)


def test_committed_to_is_a_pledge(pipeline):
    (_a, events), = list(pipeline.code([Article(
        id="c", text="Kenya said it is committed to reforming its police.", report_date=REPORT)]))
    assert any(e.cameo.root == "03" and e.source.country == "KEN" for e in events), [e.cameo.code for e in events]


def test_would_not_inside_a_hope_is_not_a_refusal(pipeline):
    arts = [Article(id="h", text="France hoped that Iran would not release the prisoners.", report_date=REPORT),
            Article(id="r", text="France said it would not lift the sanctions on Iran.", report_date=REPORT)]
    coded = {a.id: evs for a, evs in pipeline.code(arts)}
    assert not [e for e in coded["h"] if e.cameo.root == "12"], [e.cameo.code for e in coded["h"]]
    assert any(e.cameo.root == "12" and e.source.country == "FRA" for e in coded["r"])  # one's own "would not" still refuses


def test_what_another_must_be_ready_to_do_is_demanded_of_it(pipeline):
    arts = [Article(id="m", text="Egypt said the United States must be ready to mediate between Israel and Syria.",
                    report_date=REPORT),
            Article(id="r", text="Japan is ready to mediate between India and Pakistan.", report_date=REPORT)]
    coded = {a.id: evs for a, evs in pipeline.code(arts)}
    assert any(e.cameo.root == "10" and e.source.country == "EGY" and e.target.country == "USA" for e in coded["m"]), \
        [(e.cameo.code, e.mode) for e in coded["m"]]
    assert any(e.cameo.root == "03" and e.mode == "intended" and e.source.country == "JPN" for e in coded["r"])


def test_agreeing_to_anothers_mediation_is_accepting_it(pipeline):
    (_a, events), = list(pipeline.code([Article(
        id="am", text="Serbia agreed to US mediation in the dispute.", report_date=REPORT)]))
    top = max(events, key=lambda e: e.confidence)
    assert top.cameo.code == "038" and top.source.country == "SRB", [(e.cameo.code, e.source.country) for e in events]
    assert not [e for e in events if e.cameo.code.startswith("039")]  # the US offered nothing


@pytest.mark.parametrize("text,root,source", [
    ("Both Russia and Ukraine are guilty of violating the truce.", "19", "RUS"),
    ("Kenya said Somali militants were responsible for kidnapping the aid workers.", "18", "SOM"),
])
def test_who_is_guilty_of_or_responsible_for_an_act_did_it(pipeline, text, root, source):
    (_a, events), = list(pipeline.code([Article(id="g", text=text, report_date=REPORT)]))
    assert any(e.cameo.root == root and e.mode == "asserted" and e.source.country == source for e in events), \
        [(e.cameo.code, e.mode, e.source.country if e.source else None) for e in events]
