"""Numbers as wire copy writes them, and the (count, low, high) each stands for."""

from __future__ import annotations

import pytest

from borderwatch.extract.numbers import NUMBER, Count, parse_number, to_count


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,000", 1000),
        ("six", 6),
        ("thirty-one", 31),
        ("two hundred", 200),
        ("Two hundred and five", 205),
        ("5 thousand", 5000),
        ("an", None),
        ("twelve", 12),
        ("7", 7),
        ("ninety-nine", 99),
    ],
)
def test_parse_number(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    ("phrase", "count"),
    [
        ("1,000 soldiers", Count(1000, 1000, 1000)),
        ("an officer", Count(1, 1, 1)),
        ("at least 49 troops", Count(None, 49, None)),
        ("over 250 troops", Count(None, 251, None)),
        ("more than 300 people", Count(None, 301, None)),
        ("dozens of villagers", Count(None, 12, None)),
        ("hundreds of soldiers", Count(None, 100, None)),
        ("a dozen others", Count(12, 12, 12)),
        ("up to 40 servicemen", Count(None, None, 40)),
        ("nearly 20 fighters", Count(None, None, 20)),
        ("around 300 dead", Count(300, None, None)),
        ("between 10-15 civilians", Count(None, 10, 15)),
        ("Thirty-one personnel", Count(31, 31, 31)),
    ],
)
def test_count_of_first_number(phrase, count):
    match = NUMBER.search(phrase)
    assert match is not None
    assert to_count(match) == count


@pytest.mark.parametrize("word", ["Manyakhin", "Scoresby", "Severalty", "Thousandsville", "Dozensk"])
def test_vague_amount_words_inside_names_are_not_numbers(word):
    match = NUMBER.search(f"The attack killed {word} on Monday.")
    assert match is None or word not in match.group()


@pytest.mark.parametrize(
    ("phrase", "text", "count"),
    [
        ("about a hundred troops", "about a hundred", Count(100, None, None)),
        ("a hundred and twenty soldiers", "a hundred and twenty", Count(120, 120, 120)),
        ("a thousand troops", "a thousand", Count(1000, 1000, 1000)),
        ("over a thousand troops", "over a thousand", Count(None, 1001, None)),
        ("several hundred troops", "several hundred", Count(None, 200, None)),
        ("a few thousand soldiers", "a few thousand", Count(None, 2000, None)),
        ("tens of thousands of people", "tens of thousands", Count(None, 10000, None)),
        ("about a dozen soldiers", "about a dozen", Count(12, None, None)),
        ("between 500 and 600 troops", "between 500 and 600", Count(None, 500, 600)),
        ("from 40 to 50 soldiers", "from 40 to 50", Count(None, 40, 50)),
        ("500–600 troops", "500–600", Count(None, 500, 600)),
        ("some 40 to 50 soldiers", "some 40 to 50", Count(None, 40, 50)),
    ],
)
def test_number_words_and_ranges(phrase, text, count):
    match = NUMBER.search(phrase)
    assert match is not None
    assert (match.group(), to_count(match)) == (text, count)


@pytest.mark.parametrize(
    ("phrase", "text", "count"),
    [
        ("fire from two directions", "two", Count(2, 2, 2)),  # 'from' opens a range only when one follows
        ("talks between the two sides", "two", Count(2, 2, 2)),
        ("20 and 8 thousand residents", "20", Count(20, 20, 20)),  # two figures, not a range
    ],
)
def test_no_range_without_its_second_number(phrase, text, count):
    match = NUMBER.search(phrase)
    assert match is not None
    assert (match.group(), to_count(match)) == (text, count)
