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


def _rows(body: str, table: str = "casualties") -> list[dict]:
    return extract(body, SEP14)[table]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # bounds and approximations: (count, low, high)
        ("Some 430 Armenian soldiers were killed in the fighting.", (430, None, None)),
        ("At least 207 Azerbaijani servicemen were wounded.", (None, 207, None)),
        ("More than 1,200 Armenian troops were reported missing.", (None, 1201, None)),
        ("About a hundred Armenian soldiers were taken prisoner.", (100, None, None)),
        ("Dozens of Armenian civilians were injured by the shelling.", (None, 12, None)),
        ("A dozen Azerbaijani soldiers were captured near Lachin.", (12, 12, 12)),
        ("Several hundred Armenian soldiers were wounded in the offensive.", (None, 200, None)),
    ],
)
def test_bounds_and_approximations(body, expected):
    (row,) = _rows(body)
    assert (row["count"], row["count_low"], row["count_high"]) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Junior Sergeant K. L. Hovhannisyan was killed by sniper fire near Tegh on Monday.",
            ("soldier", "killed", 1, "Junior Sergeant K. L. Hovhannisyan was killed"),
        ),
        (
            "The mayor of Sotk, Gor Vardanyan, sustained a shrapnel wound during the shelling.",
            ("civilian", "wounded", 1, "The mayor of Sotk, Gor Vardanyan, sustained a shrapnel wound"),
        ),
        ("A serviceman was wounded near Jermuk.", ("soldier", "wounded", 1, "A serviceman was wounded")),
        (
            "Later that night a local shepherd was taken captive near the border.",
            ("civilian", "captured", 1, "a local shepherd was taken captive"),
        ),
    ],
)
def test_one_named_or_singular_victim(body, expected):
    (row,) = _rows(body)
    assert (row["role"], row["kind"], row["count"], row["evidence"]) == expected


def test_a_victim_named_with_a_place_takes_its_country():
    (row,) = _rows("The mayor of Sotk, Gor Vardanyan, sustained a shrapnel wound during the shelling.")
    assert row["side"] == "Armenia"


@pytest.mark.parametrize(
    "body",
    [
        "Foreign Minister Ararat Mirzoyan was received in Moscow on Monday.",  # no casualty word
        "The village was captured after a day of fighting.",  # a place is no victim
        "He was wounded in the leg, the hospital said.",  # a pronoun: the person is told elsewhere
        "No one was killed in the exchange of fire.",
    ],
)
def test_no_singular_victim(body):
    assert _rows(body) == []


def test_two_sides_in_one_sentence_are_two_rows():
    body = "One Armenian and two Azerbaijani servicemen were injured in the exchange of fire."
    got = [(c["side"], c["kind"], c["count"]) for c in _rows(body)]
    assert got == [("Armenia", "wounded", 1), ("Azerbaijan", "wounded", 2)]


def test_a_demonym_alone_is_a_victim():
    body = "Two Armenian conscripts were killed and one Azerbaijani wounded in the overnight clash."
    got = [(c["side"], c["role"], c["kind"], c["count"]) for c in _rows(body)]
    # the one Azerbaijani is counted like the conscripts before him: a soldier
    assert got == [("Armenia", "soldier", "killed", 2), ("Azerbaijan", "soldier", "wounded", 1)]


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ("Four Armenian soldiers sustained gunshot wounds.", "wounded"),
        ("Four Armenian soldiers were taken captive.", "captured"),
        ("Four Armenian soldiers were detained by the border guards.", "captured"),
        ("Four Armenian soldiers are dead or missing.", "missing"),
        ("Azerbaijan announced 4 KIA after the battle.", "killed"),
    ],
)
def test_casualty_synonyms(body, kind):
    (row,) = _rows(body)
    assert (row["kind"], row["count"]) == (kind, 4)


def test_the_side_attacked_is_the_victims_side():
    body = "Azerbaijani units opened fire on Armenian positions near Verin Shorzha, killing one person."
    (row,) = _rows(body)
    assert (row["side"], row["count"], row["evidence"]) == ("Armenia", 1, "killing one person")


def test_the_side_opposite_the_killers():
    body = (
        "Armenia and Azerbaijan blamed each other for the clash. "
        "Azerbaijani forces shelled the village on Monday, killing two people."
    )
    (row,) = _rows(body)
    assert (row["side"], row["perpetrator"]) == ("Armenia", "Azerbaijani Armed Forces")


def test_a_wars_toll_counts_both_sides():
    body = (
        "Armenia and Azerbaijan signed a truce. The six-week war in 2020, "
        "which Azerbaijan won, left more than 5,000 dead."
    )
    (row,) = _rows(body)
    assert (row["side"], row["kind"], row["count_low"]) == ("Armenia and Azerbaijan", "killed", 5001)


def test_a_restated_figure_is_one_row():
    body = (
        "Armenia said three of its soldiers were killed on Tuesday. "
        "The deaths of the three raised tensions with Azerbaijan. "
        "The Armenian ministry later said 3 Armenian soldiers were killed and 2 were wounded."
    )
    got = [(c["side"], c["kind"], c["count"], c["evidence"]) for c in _rows(body)]
    assert got == [
        ("Armenia", "killed", 3, "three of its soldiers were killed"),
        ("Armenia", "wounded", 2, "2 were wounded"),
    ]


def test_another_victim_is_a_new_row():
    body = "An Armenian soldier was killed on Monday. Another Armenian soldier was killed on Tuesday."
    assert [c["count"] for c in _rows(body)] == [1, 1]


def test_the_same_count_on_different_days_is_two_rows():
    body = "Two Armenian soldiers were wounded on Monday. Two Armenian soldiers were wounded on Tuesday."
    assert [c["date_start"] for c in _rows(body)] == [date(2022, 9, 12), date(2022, 9, 13)]


@pytest.mark.parametrize(
    "body",
    [
        "Azerbaijani forces captured 3 villages near the border.",  # things, not people
        "Shells fell 100-300 meters from the Armenian positions.",  # a distance
        "The two towns have 20 and 8 thousand residents.",  # populations
        "Under Article 4 of the treaty, 2 members must agree.",  # clause numbers
        # people freed or held now, described by an old capture
        "Ten soldiers captured in 2020 and one serviceman captured in May have crossed the border.",
        "A 19-year-old conscript has served for 2 years at the post.",  # an age and a duration
    ],
)
def test_numbers_that_are_not_casualties(body):
    assert _rows(body) == []


def test_a_figure_in_a_quote_is_claimed_by_its_speaker():
    body = "“Three of our servicemen were injured,” the Armenian Defense Ministry said."
    (row,) = _rows(body)
    assert (row["claimed_by"], row["side"], row["count"]) == ("Armenian Defense Ministry", "Armenia", 3)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "About a hundred Azerbaijani soldiers crossed into Armenia on Monday.",
            ("Azerbaijan", 100, None, None, date(2022, 9, 12), "day"),
        ),
        (
            "Hundreds of Azerbaijani troops are massing near the border.",
            ("Azerbaijan", None, 100, None, date(2022, 9, 14), "unknown"),
        ),
        (
            "Several hundred Russian troops arrived in Syunik in May.",
            ("Russia", None, 200, None, date(2022, 5, 1), "month"),
        ),
        (
            "Between 500 and 600 Azerbaijani servicemen remain on Armenian territory.",
            ("Azerbaijan", None, 500, 600, date(2022, 9, 14), "unknown"),
        ),
        (
            "Last week 500 to 600 Azerbaijani soldiers gathered near Lachin.",
            ("Azerbaijan", None, 500, 600, date(2022, 9, 5), "week"),
        ),
    ],
)
def test_troop_figures_words_ranges_and_dates(body, expected):
    (t,) = _rows(body, "troop_figures")
    assert (
        t["side"],
        t["count"],
        t["count_low"],
        t["count_high"],
        t["as_of"],
        t["as_of_precision"],
    ) == expected


@pytest.mark.parametrize(
    "body",
    [
        "Azerbaijan released 32 Armenian soldiers in exchange for two Azerbaijani soldiers.",  # prisoners
        "The border runs 100 kilometres past 30 Armenian villages.",
        "Some 20 Armenian soldiers were killed near Sotk.",  # a casualty figure, not a force
    ],
)
def test_no_troop_figures(body):
    assert _rows(body, "troop_figures") == []


def test_taken_prisoner_after_the_noun():
    (row,) = _rows("Azerbaijani forces took two Armenian soldiers prisoner near Lachin.")
    assert (row["side"], row["kind"], row["count"]) == ("Armenia", "captured", 2)


def test_civilians_take_the_country_of_their_town():
    body = "A civilian was killed and three others were injured when a shell hit a house in Goris."
    got = [(c["side"], c["role"], c["kind"], c["count"]) for c in _rows(body)]
    assert got == [("Armenia", "civilian", "killed", 1), ("Armenia", "civilian", "wounded", 3)]


def test_killed_by_the_speakers_own_forces_are_the_other_side():
    body = "Armenia and Azerbaijan traded fire. The Azerbaijani Defense Ministry said that we killed 20 soldiers."
    (row,) = _rows(body)
    assert (row["side"], row["claimed_by"]) == ("Armenia", "Azerbaijani Defense Ministry")


def test_the_same_count_in_two_provinces_is_two_rows():
    body = "Two soldiers were killed in Jermuk. Two soldiers were killed in Goris."
    assert [c["admin1"] for c in _rows(body)] == ["Vayots Dzor", "Syunik"]


def test_a_town_restates_its_province():
    body = "Two soldiers were killed in Gegharkunik on Friday. The two soldiers were killed near Sotk."
    assert [(c["admin1"], c["evidence"]) for c in _rows(body)] == [
        ("Gegharkunik", "Two soldiers were killed")
    ]


@pytest.mark.parametrize(
    "body",
    [
        "The Lachin Corridor was captured on Monday.",  # a place's name is no person's
        "The Defense Ministry building was hit.",
    ],
)
def test_a_named_place_is_no_victim(body):
    assert _rows(body) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The Armenian death toll rose to 135 on Thursday.", ("Armenia", "killed", 135)),
        (
            "The death toll from the shelling has risen to 105 Armenian servicemen.",
            ("Armenia", "killed", 105),
        ),
        ("Azerbaijan said the death toll among its troops stands at 80.", ("Azerbaijan", "killed", 80)),
    ],
)
def test_a_death_toll_counts_the_killed(body, expected):
    (row,) = _rows(body)
    assert (row["side"], row["kind"], row["count"]) == expected
    assert _rows(body, "troop_figures") == []


def test_each_source_reports_its_own_losses():
    body = "Armenia says 105 of its troops have died since Tuesday, while Azerbaijan reports 77 dead."
    got = [(c["side"], c["count"]) for c in _rows(body)]
    assert got == [("Armenia", 105), ("Azerbaijan", 77)]


def test_a_source_announcing_a_count_reports_its_own_losses():
    body = "Armenia and Azerbaijan exchanged fire overnight. Baku has formally confirmed 12 KIA."
    (row,) = _rows(body)
    assert (row["side"], row["kind"], row["count"], row["evidence"]) == ("Azerbaijan", "killed", 12, "12 KIA")
