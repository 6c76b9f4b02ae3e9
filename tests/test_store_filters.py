"""The filter object: its SQL for each table, its sentence, and its identity as a cache key."""

from __future__ import annotations

from datetime import date

import pytest

from borderwatch.store.filters import Filter

MAY1, JUL4 = date(2021, 5, 1), date(2021, 7, 4)


@pytest.mark.parametrize(
    ("flt", "sql", "params"),
    [
        (Filter(), "TRUE", []),
        (Filter(date_from=MAY1), "(date_end IS NULL OR date_end >= ?)", [MAY1]),
        (
            Filter(date_from=MAY1, date_to=JUL4),
            "(date_end IS NULL OR date_end >= ?) AND (date_start IS NULL OR date_start <= ?)",
            [MAY1, JUL4],
        ),
        (Filter(actors=("CSTO",)), "(actor1 IN (?) OR actor2 IN (?))", ["CSTO", "CSTO"]),
        (
            Filter(event_types=("Battles",), provinces=("Syunik", "Gegharkunik")),
            "(event_type IN (?)) AND (admin1 IN (?, ?))",
            ["Battles", "Gegharkunik", "Syunik"],
        ),
        (Filter(text="Hostage"), "(contains(lower(evidence), ?))", ["hostage"]),
    ],
)
def test_event_where_clause(flt, sql, params):
    assert flt.where_clause("events") == (sql, params)


def test_quotes_match_speaker_or_organisation_and_follow_article_for_provinces():
    sql, params = Filter(actors=("CSTO",), provinces=("Syunik",)).where_clause("quotes")
    assert sql == (
        "(speaker IN (?) OR speaker_org IN (?)) AND "
        "(article_id IN (SELECT article_id FROM events WHERE admin1 IN (?)))"
    )
    assert params == ["CSTO", "CSTO", "Syunik"]


def test_casualties_follow_their_event():
    sql, params = Filter(actors=("CSTO",)).where_clause("casualties")
    assert sql.startswith("((event_id IS NOT NULL AND event_id IN (SELECT event_id FROM events WHERE")
    assert "side IN (?) OR perpetrator IN (?) OR claimed_by IN (?)" in sql
    assert params == ["CSTO"] * 5


@pytest.mark.parametrize(
    ("flt", "subject", "sentence"),
    [
        (Filter(), "5 events", "5 events (no filter)"),
        (
            Filter(actors=("CSTO",), date_from=MAY1, date_to=JUL4),
            "3 events",
            "3 events where actor is CSTO between 2021-05-01 and 2021-07-04",
        ),
        (
            Filter(actors=("CSTO", "Armenia"), provinces=("Syunik",)),
            "2 quotes",
            "2 quotes where actor is Armenia or CSTO and province is Syunik",
        ),
        (
            Filter(date_to=JUL4, text="hostage"),
            "1 casualty figure",
            "1 casualty figure containing “hostage” up to 2021-07-04",
        ),
        (Filter(text="hostage"), "Quotes", "Quotes containing “hostage”"),
    ],
)
def test_describe(flt, subject, sentence):
    assert flt.describe(subject) == sentence


def test_equal_filters_hash_equal_whatever_the_order():
    a = Filter(actors=("CSTO", "Armenia", "CSTO"), text=" hostage ")
    b = Filter(actors=("Armenia", "CSTO"), text="hostage")
    assert a == b and hash(a) == hash(b)
    assert Filter().is_empty and not a.is_empty


def test_unknown_table_is_refused():
    with pytest.raises(KeyError):
        Filter().where_clause("nope")
