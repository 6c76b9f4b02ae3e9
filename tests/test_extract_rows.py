"""The stages' typed results and the one module that turns them into rows (sentences written for these tests)."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from borderwatch.extract import claims, counts, events, quotes
from borderwatch.extract.english import MONTHS, WEEKDAYS
from borderwatch.extract.lexicon import default_lexicon
from borderwatch.extract.time import find_times
from borderwatch.schema import TABLES
from tests.extract_helpers import document, extract

DENIAL_AND_KILLING = (
    "“Nobody was hurt and there were no casualties,” the Azerbaijani Defense Ministry said.\n\n"
    "Armenian officials said on Wednesday that Azerbaijani forces shelled Sotk, killing three Armenian soldiers."
)
TROOPS = "Azerbaijani forces shelled Jermuk on Monday, where about 400 Armenian troops are stationed."


def test_rows_have_the_schemas_columns_in_its_order():
    rows = extract(f"{DENIAL_AND_KILLING}\n\n{TROOPS}")
    for table, table_rows in rows.items():
        assert table_rows, table  # the text gives every table a row
        for row in table_rows:
            assert list(row) == TABLES[table].column_names


def test_ids_are_numbered_in_text_order_per_table():
    rows = extract(DENIAL_AND_KILLING)
    article_id = rows["articles"][0]["article_id"]
    assert [q["quote_id"] for q in rows["quotes"]] == [f"{article_id}-Q001", f"{article_id}-Q002"]
    assert [c["casualty_id"] for c in rows["casualties"]] == [f"{article_id}-C001"]
    assert [c["claim_id"] for c in rows["claims"]] == [f"{article_id}-K001"]


def test_a_casualty_links_to_the_event_whose_trigger_is_nearest():
    rows = extract(DENIAL_AND_KILLING)
    (casualty,) = rows["casualties"]
    killing = next(e for e in rows["events"] if e["trigger"] == "killing")
    shelling = next(e for e in rows["events"] if e["trigger"] == "shelled")
    assert casualty["event_id"] == killing["event_id"]
    assert (killing["fatalities"], shelling["fatalities"]) == (3, None)
    assert killing["summary"].endswith("; 3 killed")


def test_a_claim_names_its_quote_and_the_casualty_against_it():
    rows = extract(DENIAL_AND_KILLING)
    (claim,) = rows["claims"]
    denial, reported = rows["quotes"]
    assert claim["claim_quote_id"] == denial["quote_id"]
    assert claim["contradicted_by_id"] == rows["casualties"][0]["casualty_id"]
    assert denial["text"] == "Nobody was hurt and there were no casualties"
    assert reported["kind"] == "reported"


def test_a_troop_figure_links_to_the_event_of_its_sentence():
    rows = extract(TROOPS)
    (figure,) = rows["troop_figures"]
    (event,) = rows["events"]
    assert figure["event_id"] == event["event_id"]
    assert figure["evidence"] == "about 400 Armenian troops"


def test_stages_read_results_without_changing_them():
    lexicon = default_lexicon()
    doc = document(DENIAL_AND_KILLING)
    found_quotes = quotes.extract_quotes(doc, lexicon)
    casualties, troops = counts.extract_figures(doc, lexicon, found_quotes)
    before = list(casualties)
    found_events = events.extract_events(doc, lexicon, found_quotes, casualties, troops)
    found_claims = claims.extract_claims(doc, found_quotes, casualties, found_events)
    assert casualties == before
    (killing,) = [e for e in found_events if e.trigger_text == "killing"]
    assert killing.casualties[0] is casualties[0]  # the event holds the figure; the figure names no event
    assert found_claims[0].quote is found_quotes[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        casualties[0].side = "Azerbaijan"  # type: ignore[misc]


def test_every_english_month_and_weekday_is_read_as_a_date():
    # Saturday 17 September 2022: "on Monday" is the 12th, "on 3 <month>" the latest such day on or before it.
    published = date(2022, 9, 17)
    for number, month in enumerate(MONTHS, 1):
        (time,) = find_times(f"It happened on 3 {month.capitalize()}.", published)
        assert (time.date_start.month, time.precision) == (number, "day")
    for number, weekday in enumerate(WEEKDAYS):
        (time,) = find_times(f"It happened on {weekday.capitalize()}.", published)
        assert time.date_start.weekday() == number
