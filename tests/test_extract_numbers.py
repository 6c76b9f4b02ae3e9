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
