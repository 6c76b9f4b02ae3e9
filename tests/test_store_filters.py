"""The filter object: its SQL for each table, its sentence, and its identity as a cache key."""

from __future__ import annotations

from datetime import date

import pytest

from borderwatch.articles import Article
from borderwatch.store.database import Store
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


def test_search_text_is_phrases_and_words_lower_cased_without_repeats():
    assert Filter(text='Zas "no escalation"  zas “border incident”').terms == (
        "zas",
        "no escalation",
        "border incident",
    )
    assert Filter(text="   ").terms == ()


def test_every_search_term_must_occur_in_the_quote_text_or_the_speaker():
    sql, params = Filter(text='Zas "border incident"').where_clause("quotes")
    either = "(contains(lower(text), ?) OR contains(lower(speaker), ?))"
    assert (sql, params) == (f"{either} AND {either}", ["zas", "zas", "border incident", "border incident"])


QUOTES = [  # quotes written for this test, in wire-copy style
    ("q1", "There will be no shooting on our side of the line", "Stanislav Zas", "direct"),
    ("q2", "the border incident was settled by talks", "Defence Ministry", "reported"),
    ("q3", "Shooting resumed near the lake overnight", None, "reported"),
]


@pytest.fixture
def quote_store(tmp_path):
    store = Store(tmp_path / "search.duckdb")
    rows = [
        {"quote_id": qid, "article_id": "a1", "text": text, "speaker": speaker, "kind": kind}
        | {"sentence_index": 0, "char_start": 0, "char_end": 5}
        for qid, text, speaker, kind in QUOTES
    ]
    article = Article("a1", "Talks", date(2021, 7, 4), "Wire", "", "", "en", "Body.\n")
    store.ingest(article, {"quotes": rows}, "test-1")
    return store


@pytest.mark.parametrize(
    ("query", "found", "sentence"),
    [
        ("shooting", ["q1", "q3"], "2 quotes containing “shooting”"),
        ("SHOOTING zas", ["q1"], "1 quote containing “shooting” and “zas”"),  # the speaker counts too
        ('"border incident"', ["q2"], "1 quote containing “border incident”"),
        ('"incident border"', [], "0 quotes containing “incident border”"),  # a phrase keeps its order
        ("", ["q1", "q2", "q3"], "3 quotes (no filter)"),
    ],
)
def test_quotes_are_searched_in_the_store(quote_store, query, found, sentence):
    flt = Filter(text=query)
    quotes = quote_store.table("quotes", flt)
    assert list(quotes["quote_id"]) == found
    assert flt.describe(f"{len(quotes)} {'quote' if len(quotes) == 1 else 'quotes'}") == sentence


def test_equal_filters_hash_equal_whatever_the_order():
    a = Filter(actors=("CSTO", "Armenia", "CSTO"), text=" hostage ")
    b = Filter(actors=("Armenia", "CSTO"), text="hostage")
    assert a == b and hash(a) == hash(b)
    assert Filter().is_empty and not a.is_empty


def test_unknown_table_is_refused():
    with pytest.raises(KeyError):
        Filter().where_clause("nope")
