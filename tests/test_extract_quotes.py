"""Stage 4: quotes and their speakers, on sentences written for these tests in the style of wire copy."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extract_helpers import extract


def _quotes(body: str, published: date = date(2022, 9, 14)) -> list[tuple]:
    return [(q["kind"], q["speaker"], q["text"], q["verb"]) for q in extract(body, published)["quotes"]]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # attribution after the quote, verb first
        (
            "“We will not give up an inch of land,” said Prime Minister Nikol Pashinyan.",
            [("direct", "Nikol Pashinyan", "We will not give up an inch of land", "said")],
        ),
        # attribution after the quote, pronoun resolved to the last person named
        (
            "Defence Minister Suren Papikyan visited Goris. “The border is calm tonight,” he said.",
            [("direct", "Suren Papikyan", "The border is calm tonight", "said")],
        ),
        # attribution before the quote with a colon
        (
            "President Ilham Aliyev added: “Our army will answer every provocation.”",
            [("direct", "Ilham Aliyev", "Our army will answer every provocation.", "added")],
        ),
        # an organisation as speaker, named after the quote
        (
            "“Two servicemen were wounded by sniper fire,” the Armenian Defense Ministry said in a statement.",
            [("direct", "Armenian Defense Ministry", "Two servicemen were wounded by sniper fire", "said")],
        ),
        # straight double quotes
        (
            '"The situation is under control," the Azerbaijani Defense Ministry said.',
            [("direct", "Azerbaijani Defense Ministry", "The situation is under control", "said")],
        ),
    ],
)
def test_direct_quotes(body, expected):
    assert _quotes(body) == expected


def test_partial_quote_takes_the_speaker_of_its_sentence():
    body = "Describing the shelling as “a grave provocation,” Foreign Minister Ararat Mirzoyan told reporters it must stop."
    quotes = extract(body)["quotes"]
    partial = quotes[0]
    assert (partial["kind"], partial["speaker"], partial["text"]) == (
        "partial",
        "Ararat Mirzoyan",
        "a grave provocation",
    )
    reported = quotes[1]
    assert (reported["kind"], reported["speaker"], reported["text"], reported["audience"]) == (
        "reported",
        "Ararat Mirzoyan",
        "it must stop",
        "reporters",
    )


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Baku said on Tuesday that Armenian units had fired first.",
            [("reported", "Azerbaijan", "Armenian units had fired first", "said")],
        ),
        (
            "According to the Armenian Defense Ministry, three soldiers were wounded near Jermuk.",
            [
                (
                    "reported",
                    "Armenian Defense Ministry",
                    "three soldiers were wounded near Jermuk",
                    "according to",
                )
            ],
        ),
        (
            "Two villages lost power, according to Armenian officials.",
            [("reported", "Armenian officials", "Two villages lost power", "according to")],
        ),
    ],
)
def test_reported_speech(body, expected):
    assert _quotes(body) == expected


def test_a_quote_paragraph_with_no_attribution_continues_the_previous_speaker():
    body = (
        "“We have lost contact with two posts,” the Armenian Defense Ministry said.\n\n"
        "“Search teams have been sent to the area.”"
    )
    speakers = [q["speaker"] for q in extract(body)["quotes"]]
    assert speakers == ["Armenian Defense Ministry", "Armenian Defense Ministry"]


def test_date_said_comes_from_the_attribution_not_the_quote():
    body = "“The attack began in May,” Prime Minister Nikol Pashinyan said on Monday."
    (quote,) = extract(body, date(2022, 9, 14))["quotes"]
    assert (quote["date_said"], quote["date_precision"]) == (date(2022, 9, 12), "day")


def test_the_ministry_resolves_to_the_ministry_named_before():
    body = (
        "The Azerbaijani Defense Ministry reported heavy fire near Lachin. "
        "“Our positions were targeted overnight,” the ministry said."
    )
    direct = [q for q in extract(body)["quotes"] if q["kind"] == "direct"]
    assert [(q["speaker"], q["text"]) for q in direct] == [
        ("Azerbaijani Defense Ministry", "Our positions were targeted overnight")
    ]


def test_quote_text_is_exactly_the_article_text():
    body = "“No one — not one soldier — crossed the line,” said Colonel Aram Petrosyan."
    (quote,) = extract(body)["quotes"]
    assert (
        body[quote["char_start"] : quote["char_end"]]
        == quote["text"]
        == ("No one — not one soldier — crossed the line")
    )


def test_it_said_is_the_organisation_named_before_not_one_the_quote_names():
    body = (
        "The Azerbaijani Defense Ministry issued a statement on the exchange.\n\n"
        "“Five Armenian servicemen were handed over to Armenia at the border,” it said."
    )
    (quote,) = extract(body)["quotes"]
    assert (quote["speaker"], quote["kind"]) == ("Azerbaijani Defense Ministry", "direct")


def test_it_is_only_a_speaker_right_before_a_speech_verb():
    body = "The Armenian Defense Ministry held a briefing. It was reported that two soldiers were wounded near Sotk."
    assert [q["speaker"] for q in extract(body)["quotes"]] == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Azerbaijan denied the report, saying there were no casualties among civilians.",
            ("reported", "Azerbaijan", "there were no casualties among civilians"),
        ),
        (
            "Both sides traded blame, with Armenia claiming that Azerbaijani forces had shelled Jermuk.",
            ("reported", "Armenia", "Azerbaijani forces had shelled Jermuk"),
        ),
    ],
)
def test_speech_carried_by_a_participle(body, expected):
    assert [(q["kind"], q["speaker"], q["text"]) for q in extract(body)["quotes"]] == [expected]


def test_an_accusation_is_reported_and_its_quoted_words_are_a_partial_quote():
    body = "The Armenian Defense Ministry issued a statement accusing Baku of “a deliberate provocation”."
    assert [(q["kind"], q["speaker"], q["text"]) for q in extract(body)["quotes"]] == [
        ("reported", "Armenian Defense Ministry", "accusing Baku of “a deliberate provocation”"),
        ("partial", "Armenian Defense Ministry", "a deliberate provocation"),
    ]


def test_according_to_names_its_source_at_once():
    near = "According to a statement by the Armenian Defense Ministry, two soldiers were wounded near Sotk."
    assert [(q["speaker"], q["text"]) for q in extract(near)["quotes"]] == [
        ("Armenian Defense Ministry", "two soldiers were wounded near Sotk")
    ]
    # 'local officials' is no known actor; the Azerbaijani troops are what the officials speak of
    far = "According to local officials there are more than 300 Azerbaijani troops near Sotk."
    assert extract(far)["quotes"] == []
