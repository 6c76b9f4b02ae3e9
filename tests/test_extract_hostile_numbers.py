"""Numbers too large for a count: skipped (no row), never an exception."""

from __future__ import annotations

import re

from borderwatch.extract.numbers import MAX_COUNT, NUMBER, Count, parse_number, to_count
from tests.extract_helpers import extract


def _count(text: str) -> Count | None:
    match = NUMBER.search(text)
    assert match is not None, text
    return to_count(match)


def test_thousands_of_digits_are_no_number():
    assert parse_number("7" * 5000) is None
    assert parse_number("4" * 400 + " million") is None


def test_the_largest_count_fits_and_one_more_does_not():
    assert parse_number(str(MAX_COUNT)) == MAX_COUNT
    assert parse_number(str(MAX_COUNT + 1)) is None
    assert _count(f"{MAX_COUNT} soldiers") == Count(MAX_COUNT, MAX_COUNT, MAX_COUNT)
    assert _count(f"more than {MAX_COUNT} soldiers") is None  # the low bound would be one past it


def test_a_scaled_figure_past_the_limit_is_no_number():
    assert parse_number("9300000000000 million") is None
    assert parse_number("12 million") == 12_000_000


def test_sentences_with_absurd_figures_give_no_casualty_and_no_troop_rows():
    body = (
        "At least " + "3" * 6000 + " Azerbaijani soldiers were killed near the border, the ministry said.\n\n"
        "Some 91234567890123456789012 Armenian troops were wounded on Monday.\n\n"
        "More than 9223372036854775807 border guards were captured.\n\n"
        "Two Armenian soldiers were killed on Tuesday."
    )
    rows = extract(body)
    assert [(r["count"], r["kind"], r["side"]) for r in rows["casualties"]] == [(2, "killed", "Armenia")]
    assert rows["troop_figures"] == []


def test_a_figure_past_the_limit_leaves_the_rest_of_its_sentence():
    body = "Shelling killed 99999999999999999999 people and wounded 4 Armenian civilians, officials said."
    rows = extract(body)
    assert [(r["count"], r["kind"]) for r in rows["casualties"]] == [(4, "wounded")]
    assert not any(re.search(r"9{20}", str(r["evidence"])) for r in rows["casualties"])
