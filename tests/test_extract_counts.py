"""Stage 5: casualties and troop figures, on sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extract_helpers import extract

SEP14 = date(2022, 9, 14)  # a Wednesday


def _casualties(body: str) -> list[tuple]:
    return [
        (c["side"], c["role"], c["kind"], c["count"], c["count_low"], c["count_high"], c["perpetrator"])
        for c in extract(body, SEP14)["casualties"]
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Two Armenian soldiers were killed near Jermuk.", [("Armenia", "soldier", "killed", 2, 2, 2, None)]),
        (
            "An Azerbaijani serviceman was wounded and two others were captured by Armenian forces.",
            [
                ("Azerbaijan", "soldier", "wounded", 1, 1, 1, "Armenian Armed Forces"),
                ("Azerbaijan", "soldier", "captured", 2, 2, 2, "Armenian Armed Forces"),
            ],
        ),
        (
            "At least 15 Armenian servicemen were killed, the ministry said.",
            [("Armenia", "soldier", "killed", None, 15, None, None)],
        ),
        (
            "Azerbaijani troops attacked the village, killing three civilians.",
            [(None, "civilian", "killed", 3, 3, 3, "Azerbaijani Armed Forces")],
        ),
        (
            "Dozens of Armenian soldiers were reported missing.",
            [("Armenia", "soldier", "missing", None, 12, None, None)],
        ),
        (
            "The shelling left 4 killed and 1 wounded among Armenian troops.",
            [
                ("Armenia", "soldier", "killed", 4, 4, 4, None),
                ("Armenia", "soldier", "wounded", 1, 1, 1, None),
            ],
        ),
        (
            "Twelve Armenian soldiers were taken prisoner.",
            [("Armenia", "soldier", "captured", 12, 12, 12, None)],
        ),
    ],
)
def test_casualties(body, expected):
    assert _casualties(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "Azerbaijan says there were no casualties.",  # a denial is not a count
        "The talks lasted 100-300 minutes across five rounds.",  # numbers that are not casualties
        "Troops pulled back 2 kilometres on 12 May 2021.",  # a date is not a count
    ],
)
def test_no_casualties(body):
    assert extract(body, SEP14)["casualties"] == []


def test_casualty_date_follows_the_clause():
    body = "On Monday two Armenian soldiers were killed and another was wounded by Azerbaijani fire."
    rows = extract(body, SEP14)["casualties"]
    assert [(c["kind"], c["date_start"], c["date_precision"], c["date_phrase"]) for c in rows] == [
        ("killed", date(2022, 9, 12), "day", "On Monday"),
        ("wounded", date(2022, 9, 12), "day", "On Monday"),
    ]


def test_claimed_casualties_take_the_speaker():
    body = "“Seven servicemen died in the clashes,” Azerbaijan’s Defense Ministry said."
    (row,) = extract(body, SEP14)["casualties"]
    assert (row["claimed_by"], row["side"], row["count"]) == ("Azerbaijani Defense Ministry", "Azerbaijan", 7)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "According to Armenian officials, over 250 Azerbaijani troops are stationed near Sotk.",
            (
                "Azerbaijani Armed Forces",
                "Azerbaijan",
                None,
                251,
                None,
                "troops",
                "Sotk",
                "Gegharkunik",
                "Armenian officials",
            ),
        ),
        (
            "Some 3,500 Russian soldiers remain in Armenia, Moscow said.",
            ("Russian Armed Forces", "Russia", 3500, None, None, "soldiers", "Armenia", None, "Russia"),
        ),
    ],
)
def test_troop_figures(body, expected):
    (t,) = extract(body, SEP14)["troop_figures"]
    got = (
        t["force"],
        t["side"],
        t["count"],
        t["count_low"],
        t["count_high"],
        t["unit"],
        t["location"],
        t["admin1"],
        t["claimed_by"],
    )
    assert got == expected
