"""Every page run through dashboard.py (AppTest) on the hand-made store: numbers, filters, downloads."""

from __future__ import annotations

import html
import io
import json
import re
import zipfile
from datetime import date

import pytest

from borderwatch.schema import TABLES
from borderwatch.store import export
from borderwatch.store.database import Store
from borderwatch.store.filters import Filter
from tests.ui.conftest import download_data
from tests.ui.fixtures import (
    ACTOR_OPTIONS,
    CSTO,
    DATE_BOUNDS,
    EVENT_TYPES,
    EXPECTED_ALL,
    EXPECTED_CSTO,
    EXPECTED_JUNE,
    EXPECTED_MAY,
    JUNE,
    MAY,
    PROVINCES,
    article_a,
    article_b,
    build_store,
)

PAGES = {
    "pages/overview.py": "BorderWatch",
    "pages/timeline.py": "Timeline",
    "pages/quotes.py": "Quotes",
    "pages/article.py": "Article",
    "pages/data.py": "Data",
}
N_QUOTES, N_CONTRADICTED_QUOTES = 3, 2


def headline(at) -> dict[str, int | None]:
    return {m.label: None if m.value == "—" else int(m.value.replace(",", "")) for m in at.metric}


def captions(at) -> list[str]:
    return [c.value for c in at.caption]


def frame_with(at, column: str):
    """The first dataframe element showing a column (display dataframes carry no key to find them by)."""
    return next(d for d in at.dataframe if column in d.value.columns)


def html_bodies(at) -> list[str]:
    return [h.value for h in at.get("html")]


def html_lines(at) -> list[str]:
    """The text of every HTML element, as the browser shows it (tags dropped, entities read)."""
    return [html.unescape(re.sub(r"<[^>]+>", "", b)) for b in html_bodies(at)]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_through_the_entrypoint_with_the_sidebar(navigation_app, page):
    at = navigation_app(page)
    assert not at.exception
    assert at.title[0].value == PAGES[page]
    sidebar = at.sidebar
    assert [m.label for m in sidebar.multiselect] == ["Actors", "Event types", "Provinces"]
    assert sidebar.date_input(key="dates").value == DATE_BOUNDS


@pytest.mark.parametrize("page", PAGES)
def test_an_empty_store_says_how_to_fill_it(navigation_app, tmp_path, page):
    at = navigation_app(page, db=tmp_path / "empty.duckdb")
    assert not at.exception
    assert any("make store" in i.value or "no articles" in i.value for i in at.info)


def test_a_changed_store_is_read_again(navigation_app, tmp_path):
    path = tmp_path / "changing.duckdb"
    store = build_store(path)
    at = navigation_app(db=path)
    assert headline(at) == EXPECTED_ALL
    store.remove(article_b().article_id)  # its 2 events and 1 quote go; the cache must notice
    at.run()
    assert headline(at) == {**EXPECTED_ALL, "Events": 3, "Quotes": 2, "Articles": 1}


def test_sidebar_offers_the_store_s_actors_types_and_provinces(navigation_app):
    at = navigation_app()
    assert at.multiselect(key="actor").options == ACTOR_OPTIONS
    assert at.multiselect(key="event_type").options == EVENT_TYPES
    assert at.multiselect(key="province").options == PROVINCES


def test_overview_headline_numbers(navigation_app):
    assert headline(navigation_app()) == EXPECTED_ALL


def test_actor_filter_changes_the_numbers_and_the_sentence(navigation_app):
    at = navigation_app()
    at.multiselect(key="actor").set_value([CSTO]).run()
    assert headline(at) == EXPECTED_CSTO
    assert "1 event where actor is CSTO" in captions(at)


@pytest.mark.parametrize(("dates", "expected"), [(JUNE, EXPECTED_JUNE), (MAY, EXPECTED_MAY)])
def test_date_filter_changes_the_numbers(navigation_app, dates, expected):
    at = navigation_app()
    at.date_input(key="dates").set_value(dates).run()
    assert headline(at) == expected
    noun = "event" if expected["Events"] == 1 else "events"
    assert f"{expected['Events']} {noun} between {dates[0]} and {dates[1]}" in captions(at)


def test_url_query_parameters_restore_a_filter(navigation_app):
    at = navigation_app(query={"actor": CSTO, "dates": [d.isoformat() for d in JUNE]})
    assert at.multiselect(key="actor").value == [CSTO]
    assert at.date_input(key="dates").value == JUNE
    assert headline(at)["Events"] == 0


def test_the_filter_follows_the_user_to_another_page(navigation_app):
    at = navigation_app()
    at.multiselect(key="actor").set_value([CSTO]).run()
    at.switch_page("pages/quotes.py").run()
    assert at.multiselect(key="actor").value == [CSTO]
    assert "2 quotes where actor is CSTO" in captions(at)


def test_a_filter_matching_nothing_says_so_and_resets(navigation_app):
    at = navigation_app(query={"actor": CSTO, "dates": [d.isoformat() for d in JUNE]})
    assert any("No events match this filter" in i.value for i in at.info)
    at.button(key="reset_overview_events").click().run()
    assert headline(at) == EXPECTED_ALL
    assert at.multiselect(key="actor").value == []


def test_headline_numbers_link_to_their_rows_on_the_data_page(navigation_app):
    links = navigation_app().get("page_link")
    targets = [
        (link.proto.page, link.proto.query_string) for link in links if link.proto.label.startswith("→")
    ]
    assert ("data", "table=events") in targets and ("data", "table=troop_figures") in targets
    assert len(targets) == len(EXPECTED_ALL)


def test_overview_shows_both_sides_of_each_contradiction(navigation_app):
    bodies = html_bodies(navigation_app())
    assert any('data-kind="quote"' in b and "there is no shooting there" in b for b in bodies)
    assert any('data-kind="evidence"' in b and "one Armenian soldier was killed</mark>" in b for b in bodies)


def test_timeline_lanes_toggle(navigation_app):
    at = navigation_app("pages/timeline.py")
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert spec["layout"]["yaxis"]["title"]["text"] == "Actor (who acted)"
    at.segmented_control(key="timeline_lanes").set_value("event_type").run()
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert spec["layout"]["yaxis"]["ticktext"] == ["Strategic developments", "Battles"]


def test_timeline_event_shows_its_evidence_and_figures(navigation_app):
    at = navigation_app("pages/timeline.py")
    clash = f"{article_a().article_id}-E003"
    at.selectbox(key="timeline_event").set_value(clash).run()
    evidence = [b for b in html_bodies(at) if "<mark" in b]
    assert len(evidence) == 1
    assert "Lake Sevan. <mark" in evidence[0]  # the paragraph around the evidence, evidence marked
    assert "by Azerbaijani forces in Syunik</mark>" in evidence[0]
    assert len(frame_with(at, "casualty_id").value) == 2
    assert "**Troop figures of this event**: 0" in [m.value for m in at.markdown]


def test_quotes_search_marks_matches_and_narrows_the_cards(navigation_app):
    at = navigation_app("pages/quotes.py")
    cards = [b for b in html_bodies(at) if b.startswith("<figure")]
    assert len(cards) == N_QUOTES
    assert len([line for line in html_lines(at) if line.startswith("Contradicted")]) == N_CONTRADICTED_QUOTES
    at.text_input(key="quote_search").set_value('"no shooting"').run()
    cards = [b for b in html_bodies(at) if b.startswith("<figure")]
    assert len(cards) == 1
    assert ">no shooting</mark>" in cards[0]
    assert "Sotk &amp; Kut" not in "".join(cards)
    assert "1 quote containing “no shooting”" in captions(at)  # the store searched, through the Filter


def test_quotes_escape_article_text(navigation_app):
    at = navigation_app("pages/quotes.py")
    at.multiselect(key="quote_kind").set_value(["reported"]).run()
    cards = "".join(b for b in html_bodies(at) if b.startswith("<figure"))
    assert "Sotk &amp; Kut (population &lt;2,000)" in cards


def test_quotes_download_is_the_filtered_quotes_as_csv(navigation_app, fixture_db):
    at = navigation_app("pages/quotes.py", query={"actor": CSTO})
    at.multiselect(key="quote_kind").set_value(["direct"]).run()
    expected = Store(fixture_db).table("quotes", Filter(actors=(CSTO,)))
    expected = expected[expected["kind"] == "direct"]
    assert len(expected) == 1
    assert download_data(at, "quotes_csv").decode() == export.to_csv(expected)


def test_article_page_highlights_and_checks_provenance(navigation_app):
    a = article_a()
    at = navigation_app("pages/article.py", query={"article": a.article_id})
    text = next(b for b in html_bodies(at) if 'data-testid="articleText"' in b)
    assert '<mark data-kind="date"' in text and ">on Saturday</mark>" in text
    assert ">1,000 Azerbaijani soldiers remain on Armenian territory</mark>" in text
    highlights = frame_with(at, "#").value
    assert text.count("<sup>") == len(highlights)
    provenance = frame_with(at, "span_holds").value
    assert len(provenance) == 10 and provenance["span_holds"].all()


def test_data_page_table_and_csv_follow_the_filter(navigation_app, fixture_db):
    at = navigation_app("pages/data.py", query={"table": "casualties", "actor": CSTO})
    assert "0 casualty figures where actor is CSTO" in captions(at)  # one noun per table, everywhere
    at.multiselect(key="actor").set_value([]).run()
    at.date_input(key="dates").set_value(JUNE).run()
    flt = Filter(date_from=JUNE[0], date_to=JUNE[1])
    expected = Store(fixture_db).table("casualties", flt)
    assert len(frame_with(at, "casualty_id").value) == len(expected) == 2
    assert download_data(at, "data_csv").decode() == export.to_csv(expected)


def test_data_page_zip_holds_every_filtered_table_and_the_dictionary(navigation_app, fixture_db):
    at = navigation_app("pages/data.py", query={"actor": CSTO})
    store, flt = Store(fixture_db), Filter(actors=(CSTO,))
    with zipfile.ZipFile(io.BytesIO(download_data(at, "data_zip"))) as archive:
        assert sorted(archive.namelist()) == sorted([f"{n}.csv" for n in TABLES] + ["data_dictionary.csv"])
        assert archive.read("events.csv").decode() == export.to_csv(store.table("events", flt))
        assert archive.read("quotes.csv").decode() == export.to_csv(store.table("quotes", flt))
        assert archive.read("data_dictionary.csv").decode() == export.dictionary_csv()


def test_data_page_columns_are_typed_and_described(navigation_app):
    at = navigation_app("pages/data.py", query={"table": "events"})
    config = json.loads(frame_with(at, "event_id").proto.columns)
    assert config["date_start"]["type_config"]["type"] == "date"
    assert config["fatalities"]["type_config"]["type"] == "number"
    assert config["date_precision"]["help"].startswith("date_precision: How precise the date is")
    assert any("overlaps it" in m.value for m in at.markdown)  # the filter semantics are on the page


def test_dates_outside_the_corpus_are_not_offered(navigation_app):
    at = navigation_app()
    widget = at.date_input(key="dates")
    assert (widget.min, widget.max) == DATE_BOUNDS == (date(2021, 5, 1), date(2021, 7, 4))
