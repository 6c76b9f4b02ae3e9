"""Any text at all: the extractor does not raise, and every row's span holds its evidence."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.extract_helpers import assert_row_invariants, extract

WIRE_WORDS = [
    "Armenian",
    "Azerbaijani",
    "soldiers",
    "were",
    "killed",
    "wounded",
    "captured",
    "by",
    "forces",
    "said",
    "told",
    "on",
    "Monday",
    "in",
    "May",
    "last",
    "month",
    "“",
    "”",
    '"',
    ",",
    ".",
    "\n\n",
    "1,000",
    "six",
    "an",
    "the",
    "CSTO",
    "Zas",
    "Secretary-General",
    "Stanislav",
    "according",
    "to",
    "officials",
    "Jermuk",
    "Syunik",
    "no",
    "casualties",
    "escalation",
    "after",
    "which",
    "and",
    "appeal",
    "rejected",
    "from",
    "Yerevan",
    "Baku",
    "‘",
    "’",
    ":",
    "at",
    "least",
    "dozens",
    "of",
    "troops",
    "there",
    "are",
    "he",
    "the ministry",
]
wire_text = st.lists(st.sampled_from(WIRE_WORDS), max_size=80).map(" ".join)


def _check(body: str, published: date) -> None:
    assert_row_invariants(body, extract(body, published))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=st.text(min_size=1, max_size=400), published=st.dates(date(1995, 1, 1), date(2030, 12, 31)))
def test_any_text(body, published):
    _check(body, published)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=wire_text, published=st.dates(date(2015, 1, 1), date(2026, 1, 1)))
def test_wire_like_text(body, published):
    _check(body, published)
