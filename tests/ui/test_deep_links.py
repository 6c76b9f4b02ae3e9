"""A link straight to any page, with filters in its URL, shows the sidebar with those filters.

AppTest runs a page the way a server runs the first deep link after a restart: Streamlit takes an
app with a `pages/` folder for a legacy multipage app until st.navigation has run, and AppTest
forgets that before every run, so `switch_page` runs the page file on its own, and the page must
send the run through dashboard.py. Opening the app without a page runs dashboard.py at once.
"""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.ui.conftest import ENTRYPOINT, RUN_TIMEOUT
from tests.ui.fixtures import CSTO, MAY

EVERY_PAGE = [
    "pages/overview.py",
    "pages/timeline.py",
    "pages/map.py",
    "pages/quotes.py",
    "pages/article.py",
    "pages/data.py",
    "pages/add.py",
]
SIDEBAR_FILTERS = ["Actors", "Event types", "Provinces"]
QUERY = {"actor": CSTO, "dates": [d.isoformat() for d in MAY]}
SIDEBAR_SENTENCE = "Showing rows where actor is CSTO between 2021-05-01 and 2021-05-31"


@pytest.mark.parametrize("page", EVERY_PAGE)
def test_a_deep_link_shows_the_sidebar_with_the_url_s_filters(navigation_app, page):
    at = navigation_app(page, query=QUERY)
    assert not at.exception
    assert [m.label for m in at.sidebar.multiselect] == SIDEBAR_FILTERS
    assert at.sidebar.multiselect(key="actor").value == [CSTO]
    assert at.sidebar.date_input(key="dates").value == MAY
    assert SIDEBAR_SENTENCE in [c.value for c in at.sidebar.caption]


def test_the_timeline_deep_link_draws_only_the_filtered_events(navigation_app):
    at = navigation_app("pages/timeline.py", query=QUERY)
    # The fixture's only CSTO event is dated 3 July, outside May.
    assert "0 events where actor is CSTO between 2021-05-01 and 2021-05-31" in [c.value for c in at.caption]


def test_the_entrypoint_draws_the_sidebar_once_for_the_page_it_runs(monkeypatch, fixture_db):
    monkeypatch.setenv("BORDERWATCH_DB", str(fixture_db))
    at = AppTest.from_file(str(ENTRYPOINT), default_timeout=RUN_TIMEOUT)
    at.query_params.update(QUERY)
    at.run()
    assert not at.exception  # a second sidebar would repeat its widget keys, which Streamlit refuses
    assert at.title[0].value == "BorderWatch"
    assert [m.label for m in at.sidebar.multiselect] == SIDEBAR_FILTERS
    assert at.sidebar.multiselect(key="actor").value == [CSTO]
    at.sidebar.multiselect(key="actor").set_value([]).run()
    assert not at.exception
    assert [m.label for m in at.sidebar.multiselect] == SIDEBAR_FILTERS


def test_the_filters_follow_from_one_page_run_on_its_own_to_the_next(navigation_app):
    at = navigation_app("pages/timeline.py", query=QUERY)
    at.sidebar.multiselect(key="province").set_value(["Syunik"]).run()
    at.switch_page("pages/quotes.py").run()
    assert at.sidebar.multiselect(key="actor").value == [CSTO]
    assert at.sidebar.multiselect(key="province").value == ["Syunik"]
    assert at.sidebar.date_input(key="dates").value == MAY
