"""Events as news copy tells them: the words that name actions, the day a sentence carries, quotations
that report what happened, and the places an action lists."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extract_helpers import extract

SEP14 = date(2022, 9, 14)  # a Wednesday


def _events(body: str, published: date = SEP14) -> list[dict[str, object]]:
    return extract(body, published)["events"]


def _codes(body: str) -> set[str]:
    return {str(e["cameo_code"]) for e in _events(body)}


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ("Azerbaijani troops shelled the village of Tegh overnight.", "194"),
        ("Azerbaijani units opened fire on Armenian posts near Sotk.", "193"),
        ("Gunmen began firing at a patrol near the border.", "193"),
        ("Azerbaijani soldiers blocked the road to the village.", "191"),
        ("Soldiers were searching villagers at a new checkpoint.", "191"),
        ("The army carried out fortification works near the border.", "154"),
        ("Troops were seen building a road along the ridge.", "154"),
        ("The Security Council convened a session to review the border.", "040"),
        ("The two leaders held a phone call about the border.", "040"),
        ("Officials of both countries held talks in Moscow.", "046"),
        ("Further talks are expected to take place next month.", "046"),
        ("Border guards detained two shepherds near the river.", "181"),
        ("Soldiers threatened farmers working near the line.", "130"),
        ("Yerevan asked for military aid from its allies.", "0232"),
        ("Yerevan addressed the alliance with a request for help.", "0232"),
        ("Armenia has asked the bloc for military assistance.", "0232"),
        ("The alliance offered assistance to the two capitals.", "033"),
        ("The two sides agreed to withdraw their troops.", "0861"),
        ("Yerevan suspended its funding of the bloc.", "161"),
        ("The observer group completed its work in the region.", "042"),
    ],
)
def test_words_that_name_an_action_are_triggers(body, code):
    assert code in _codes(body)


def test_undated_sentence_carries_the_last_day_named_before_it():
    body = (
        "Fighting broke out along the border on Tuesday. "
        "The defence ministry said two Armenian soldiers were wounded near Jermuk."
    )
    wounded = [e for e in _events(body) if e["trigger"] == "wounded"]
    assert [(e["date_start"], e["date_precision"]) for e in wounded] == [(date(2022, 9, 13), "day")]


def test_nothing_named_before_or_after_leaves_the_date_unknown():
    body = "A soldier has died in a shootout on the border. The shootout took place near Yeraskh."
    assert {(e["date_start"], e["date_precision"]) for e in _events(body)} == {(None, "unknown")}


def test_a_lead_is_dated_by_the_sentence_after_it():
    body = (
        "Two soldiers have been killed in new clashes on the border. "
        "Each side accused the other of breaching the truce on Monday evening."
    )
    killed = [e for e in _events(body) if e["trigger"] == "killed"]
    assert [e["date_start"] for e in killed] == [date(2022, 9, 12)]


def test_a_closing_attribution_dates_the_statement_not_the_facts_before_it():
    body = (
        "Five soldiers were killed in clashes with Armenian troops, officials in Baku said on Wednesday. "
        "The fighting broke out on Tuesday evening, the ministry added."
    )
    killed = [e for e in _events(body) if e["trigger"] == "killed"]
    assert [e["date_start"] for e in killed] == [date(2022, 9, 13)]


def test_a_closing_attribution_with_nothing_after_it_dates_the_facts():
    body = "The delegation started work in Yerevan, a correspondent reported on Wednesday."
    (event,) = _events(body)
    assert (event["date_start"], event["admin1"]) == (date(2022, 9, 14), "Yerevan")


def test_a_dated_quotation_reports_an_action_at_each_place_it_lists():
    body = (
        "“On 12 September, Azerbaijani units opened fire on our positions in the direction of Goris, "
        "Sotk and Jermuk,” the ministry said."
    )
    fire = [e for e in _events(body) if e["cameo_code"] == "193"]
    assert {(e["date_start"], e["admin1"], e["location"]) for e in fire} == {
        (date(2022, 9, 12), "Syunik", "Goris"),
        (date(2022, 9, 12), "Gegharkunik", "Sotk"),
        (date(2022, 9, 12), "Vayots Dzor", "Jermuk"),
    }


def test_a_quotation_completing_the_narrators_clause_reports_an_action():
    body = "The ministry said its troops “repelled the attack and detained three soldiers.”"
    assert "181" in _codes(body)


def test_a_short_quoted_term_is_a_label_but_a_quoted_verb_is_the_narrators():
    assert _events("Baku accused Yerevan of a “provocation” at the border.") == []
    (frozen,) = _events("In March, the government said it had “frozen” its participation in the bloc.")
    assert (frozen["cameo_code"], frozen["date_start"], frozen["date_precision"]) == (
        "161",
        date(2022, 3, 1),
        "month",
    )


def test_a_coordinated_clause_with_its_own_time_keeps_it():
    body = "In March, Yerevan froze its participation in the alliance, and in May, the government suspended its funding for it."
    dated = sorted((str(e["trigger"]), e["date_start"]) for e in _events(body))
    assert dated == [("froze", date(2022, 3, 1)), ("suspended", date(2022, 5, 1))]


def test_a_capital_that_speaks_is_an_actor_not_the_place():
    (event,) = _events("Yerevan said Azerbaijani troops shelled Goris on Tuesday.")
    assert (event["admin1"], event["location"]) == ("Syunik", "Goris")


def test_a_retelling_is_not_merged_on_a_day_it_only_carries():
    body = (
        "Azerbaijani forces launched an assault on Armenian posts on Tuesday. "
        "Armenian sources said the forces had also launched ground assaults on fortified positions."
    )
    assaults = [e for e in _events(body) if e["cameo_code"] == "190"]
    assert len(assaults) == 2


def test_a_sentence_naming_no_place_goes_on_at_the_place_named_before_it_in_its_paragraph():
    body = (
        "The shootout took place near the village of Yeraskh on the Nakhchivan border. "
        "Azerbaijani forces opened fire after Armenian troops moved forward.\n\n"
        "Azerbaijani forces opened fire again at dawn."
    )
    fire = [e for e in _events(body) if e["trigger"] == "opened fire"]
    assert [(e["admin1"], e["location"]) for e in fire] == [("Ararat", "Yeraskh"), (None, None)]


def test_the_day_carried_is_the_first_the_last_dated_sentence_names():
    body = (
        "The ministry said on Monday that the firing began in the evening and calmed down at 2am Tuesday. "
        "A village head was wounded during the exchange of fire."
    )
    wounded = [e for e in _events(body) if e["trigger"] == "wounded"]
    assert [e["date_start"] for e in wounded] == [date(2022, 9, 12)]


def test_an_institutions_seat_names_who_not_where():
    (event,) = _events(
        "Armenian troops shelled Azerbaijani posts on Tuesday, the defence ministry in Baku said."
    )
    assert (event["admin1"], event["location"]) == (None, None)


def test_every_place_of_a_list_after_near_words_is_near():
    body = "Azerbaijani units fired at Armenian posts in the direction of Jermuk, Kapan and Sotk. Troops shelled Goris."
    got = {(e["location"], e["geo_precision"]) for e in _events(body)}
    assert got == {("Jermuk", "near"), ("Kapan", "near"), ("Sotk", "near"), ("Goris", "exact")}


def test_addressing_an_audience_is_not_an_appeal():
    assert _events("The prime minister addressed the nation on television.") == []


def test_after_the_lead_a_closing_attribution_day_stands():
    body = (
        "Fighting broke out near Jermuk on Monday. "
        "Two more soldiers were killed near Goris, the ministry said on Wednesday. "
        "A ceasefire was agreed on Tuesday."
    )
    killed = [e for e in _events(body) if e["trigger"] == "killed"]
    assert [e["date_start"] for e in killed] == [date(2022, 9, 14)]


def test_asking_a_question_is_not_an_appeal():
    assert _events("Reporters asked the minister about the border.") == []


def test_adjacent_to_a_place_is_near_it():
    (event,) = _events("Azerbaijani troops advanced into territory adjacent to Tegh.")
    assert (event["location"], event["geo_precision"]) == ("Tegh", "near")
