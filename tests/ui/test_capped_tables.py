"""Pages draw at most ui.SHOWN_ROWS rows of a table (ui.SHOWN_CARDS cards), say so, and download them all."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from borderwatch import ui
from borderwatch.view import charts
from tests.ui.conftest import download_data
from tests.ui.fixtures import EXPECTED_ALL

N_QUOTES_IN_STORE = EXPECTED_ALL["Quotes"]


def captions(at) -> list[str]:
    return [c.value for c in at.caption]


@pytest.fixture
def small_caps(monkeypatch):
    """Caps below the fixture store's row counts (5 events, 3 quotes, 2 articles)."""
    monkeypatch.setattr(ui, "SHOWN_ROWS", 2)
    monkeypatch.setattr(ui, "SHOWN_CARDS", 1)


def test_data_page_shows_the_first_rows_and_downloads_all(small_caps, navigation_app):
    at = navigation_app("pages/data.py", {"table": "events"})
    assert not at.exception
    shown = next(d.value for d in at.dataframe if "event_id" in d.value.columns)
    assert len(shown) == 2
    assert any(c.startswith("Showing the first 2 of 5 rows") for c in captions(at))
    downloaded = pd.read_csv(io.BytesIO(download_data(at, "data_csv")))
    assert len(downloaded) == EXPECTED_ALL["Events"]
    # the rows shown are the first of the table's order, as the download gives it
    assert list(shown["event_id"]) == list(downloaded["event_id"][:2])


def test_a_table_under_the_cap_has_no_showing_line(small_caps, navigation_app):
    at = navigation_app("pages/data.py", {"table": "articles"})
    assert not at.exception
    assert not any(c.startswith("Showing the first") for c in captions(at))


def test_quotes_page_draws_one_card_and_downloads_every_quote(small_caps, navigation_app):
    at = navigation_app("pages/quotes.py")
    assert not at.exception
    assert any(c.startswith(f"Showing the first 1 of {N_QUOTES_IN_STORE} quotes") for c in captions(at))
    assert len(at.expander) == 1  # one "Surrounding sentences" per card drawn
    downloaded = pd.read_csv(io.BytesIO(download_data(at, "quotes_csv")))
    assert len(downloaded) == N_QUOTES_IN_STORE


def test_overview_lists_the_first_articles(monkeypatch, navigation_app):
    monkeypatch.setattr(ui, "SHOWN_ROWS", 1)
    at = navigation_app("pages/overview.py")
    assert not at.exception
    assert any(c.startswith("Showing the first 1 of 2 articles") for c in captions(at))
    article_links = [p for p in at.get("page_link") if "article=" in p.proto.query_string]
    assert len(article_links) == 1


def test_timeline_past_the_mark_limit_draws_counts_and_says_so(monkeypatch, navigation_app):
    monkeypatch.setattr(charts, "MAX_MARKS", 3)
    at = navigation_app("pages/timeline.py")
    assert not at.exception
    figure = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert figure["layout"]["title"]["text"].startswith("5 events, shown as counts per")
    assert any(c.startswith("More than 3 events: each bar counts") for c in captions(at))


def test_timeline_event_list_is_capped(small_caps, navigation_app):
    at = navigation_app("pages/timeline.py")
    assert not at.exception
    assert len(at.selectbox(key="timeline_event").options) == 2
    assert any(c.startswith("Showing the first 2 of 5 events in the list below") for c in captions(at))
