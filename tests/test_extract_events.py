"""Stage 6: events — codes, actors, dates, places and negation, on sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extract_helpers import extract

SEP14 = date(2022, 9, 14)  # a Wednesday


def _events(body: str, published: date = SEP14) -> list[tuple]:
    return [
        (e["cameo_code"], e["actor1"], e["actor2"], e["date_start"], e["date_end"], e["date_precision"])
        for e in extract(body, published)["events"]
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # passive with an agent: the agent acts; the victims' forces are acted upon
        (
            "On Tuesday two Armenian soldiers were killed by Azerbaijani forces.",
            [
                (
                    "190",
                    "Azerbaijani Armed Forces",
                    "Armenian Armed Forces",
                    date(2022, 9, 13),
                    date(2022, 9, 13),
                    "day",
                )
            ],
        ),
        # an appeal 'from X' comes from X; the rejection is the subject's
        (
            "The alliance's secretariat said the CSTO rejected an appeal from Yerevan in August.",
            [
                ("1222", "CSTO", "Armenia", date(2022, 8, 1), date(2022, 8, 31), "month"),
                ("0232", "Armenia", "CSTO", date(2022, 8, 1), date(2022, 8, 31), "month"),
            ],
        ),
        # 'after' clause: the shelling happened before the main clause's date
        (
            "Baku requested talks on Monday after Armenian forces shelled Kalbajar.",
            [
                ("046", "Azerbaijan", None, date(2022, 9, 12), date(2022, 9, 12), "day"),
                ("194", "Armenian Armed Forces", None, None, date(2022, 9, 12), "unknown"),
            ],
        ),
        # no time phrase: unknown, bounded by publication
        (
            "Azerbaijani troops crossed into Armenia.",
            [("192", "Azerbaijani Armed Forces", "Armenia", None, SEP14, "unknown")],
        ),
    ],
)
def test_events(body, expected):
    assert _events(body) == expected


def test_coordinated_clause_inherits_the_date():
    body = "Last week Azerbaijani troops shelled Jermuk and three Armenian soldiers were captured near Sotk."
    rows = extract(body, SEP14)["events"]
    # the ISO week before Wednesday 2022-09-14 runs Monday 2022-09-05 to Sunday 2022-09-11
    assert [(e["cameo_code"], e["date_start"], e["date_end"], e["date_precision"]) for e in rows] == [
        ("194", date(2022, 9, 5), date(2022, 9, 11), "week"),
        ("181", date(2022, 9, 5), date(2022, 9, 11), "week"),
    ]
    assert [(e["location"], e["admin1"], e["geo_precision"]) for e in rows] == [
        ("Jermuk", "Vayots Dzor", "exact"),
        ("Sotk", "Gegharkunik", "near"),  # captured *near* Sotk
    ]


def test_negated_event():
    body = "Armenia said a decision to send a monitoring mission was not made."
    (event,) = extract(body, SEP14)["events"]
    assert (event["cameo_code"], event["negated"]) == ("0234", True)


def test_triggers_inside_quotes_are_not_events():
    body = "“We will never accept an attack on our land,” Prime Minister Nikol Pashinyan said."
    assert extract(body, SEP14)["events"] == []


def test_province_only_event_has_no_point():
    body = "Azerbaijani forces advanced into the Syunik province in May."
    (event,) = extract(body, SEP14)["events"]
    assert (event["admin1"], event["location"], event["latitude"], event["geo_precision"]) == (
        "Syunik",
        None,
        None,
        "admin1",
    )
    assert (event["date_start"], event["date_end"], event["date_precision"], event["date_phrase"]) == (
        date(2022, 5, 1),
        date(2022, 5, 31),
        "month",
        "in May",
    )


def test_fatalities_come_from_linked_casualties_and_unknown_stays_empty():
    body = "Three Armenian soldiers were killed in clashes near Tegh. Fighting continued near Goris."
    rows = extract(body, SEP14)["events"]
    assert [(e["cameo_code"], e["fatalities"]) for e in rows] == [("190", 3), ("190", None)]
    (casualty,) = extract(body, SEP14)["casualties"]
    assert casualty["event_id"] == rows[0]["event_id"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Azerbaijani forces shelled Sotk on Monday.", "exact"),
        ("Azerbaijani forces shelled positions near Sotk on Monday.", "near"),
        ("Azerbaijani units opened fire in the direction of the village of Sotk on Monday.", "near"),
        ("Azerbaijani forces shelled positions 5 km south of Sotk on Monday.", "near"),
        ("Azerbaijani forces shelled positions on the outskirts of Sotk on Monday.", "near"),
        (
            "Azerbaijani forces shelled positions in Syunik province on Monday.",
            "admin1",
        ),  # no point to be near
    ],
)
def test_an_event_beside_a_place_is_near_it(body, expected):
    (event,) = extract(body, SEP14)["events"]
    assert event["geo_precision"] == expected


def test_a_province_named_beside_a_place_in_it_is_not_a_second_event():
    body = "Azerbaijani forces shelled Sotk, a village in Armenia's Gegharkunik province, on Monday."
    rows = extract(body, SEP14)["events"]
    assert [(e["location"], e["admin1"]) for e in rows] == [("Sotk", "Gegharkunik")]


def test_places_in_two_provinces_stay_two_events():
    body = "Azerbaijani forces shelled Jermuk in Vayots Dzor province and Sotk on Monday."
    rows = extract(body, SEP14)["events"]
    assert [(e["location"], e["admin1"]) for e in rows] == [
        ("Jermuk", "Vayots Dzor"),
        ("Sotk", "Gegharkunik"),
    ]


@pytest.mark.parametrize(
    "body",
    [
        "GORIS — Azerbaijani forces shelled positions near Jermuk on Monday, the ministry said.",
        "GORIS, Armenia (Wire) - Azerbaijani forces shelled positions near Jermuk on Monday.",
        "Intro line.\n\nGORIS – Azerbaijani forces shelled positions near Jermuk on Monday.",
    ],
)
def test_a_dateline_is_where_the_report_was_filed_not_where_the_event_was(body):
    rows = extract(body, SEP14)["events"]
    assert [(e["location"], e["admin1"]) for e in rows] == [("Jermuk", "Vayots Dzor")]


def test_a_place_in_capitals_inside_a_sentence_is_still_a_place():
    (event,) = extract("Azerbaijani forces shelled GORIS on Monday.", SEP14)["events"]
    assert (event["location"], event["admin1"]) == ("Goris", "Syunik")


def test_who_reports_an_event_claims_it_but_did_not_act_in_it():
    body = "The Armenian Defense Ministry said that two of its soldiers were killed near Sotk on Monday."
    (event,) = extract(body, SEP14)["events"]
    assert (event["actor1"], event["actor2"], event["claimed_by"]) == (
        None,
        "Armenian Armed Forces",
        "Armenian Defense Ministry",
    )


def test_a_speaker_who_says_it_acted_is_the_actor():
    (event,) = extract("Azerbaijan said it launched an offensive near Kalbajar on Monday.", SEP14)["events"]
    assert (event["actor1"], event["claimed_by"]) == ("Azerbaijan", "Azerbaijan")


def test_is_reporting_that_is_reported_speech():
    rows = extract("Armenia is reporting that two conscripts died near Sotk on Monday.", SEP14)
    assert [(q["speaker"], q["kind"], q["text"]) for q in rows["quotes"]] == [
        ("Armenia", "reported", "two conscripts died near Sotk on Monday")
    ]
    (event,) = rows["events"]
    assert (event["actor1"], event["claimed_by"]) == (None, "Armenia")


def test_a_retelling_that_names_fewer_actors_is_the_same_event():
    body = (
        "Armenia appealed to the CSTO for military assistance in May.\n\n"
        "A spokesman for the Kremlin said that after receiving the appeal from Armenia in May, "
        "Russia held talks with Baku."
    )
    appeals = [e for e in extract(body, SEP14)["events"] if e["cameo_code"] == "0232"]
    assert [(e["actor1"], e["actor2"], e["sentence_index"]) for e in appeals] == [("Armenia", "CSTO", 0)]
