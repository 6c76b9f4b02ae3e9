"""The real app in Debian's Chromium: every page, a filter through the UI, downloads, shared URLs.

The first test opens a shared link to a page on the freshly started server (Streamlit runs that page
file without dashboard.py, as a legacy multipage app, until st.navigation has run once: the page
sends that run through dashboard.py), so keep it first. Waits follow Streamlit's own browser tests: the app container is connected and idle, no
skeleton is left, then the expected data is there; never a sleep.
"""

from __future__ import annotations

import csv
import io
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Page, expect

from borderwatch.store import export
from borderwatch.store.database import Store
from borderwatch.store.filters import Filter
from tests.browser.conftest import (
    GRAPH,
    SCREENSHOT_VIEWPORT,
    drawn_event_ids,
    is_local,
    open_page,
    wait_for_app,
    wait_for_graph,
)
from tests.ui.fixtures import CSTO, EXPECTED_ALL, EXPECTED_CSTO, JUNE, article_a

pytestmark = pytest.mark.browser

PAGES = {"overview": "", "timeline": "timeline", "quotes": "quotes", "article": "article", "data": "data"}
EVENTS_PER_SHAPE = {"point": 1, "band": 3, "open": 1}
N_QUOTES = 3
N_JUNE_CASUALTIES = 2
EVIDENCE_OF_THE_DAY_EVENT = "The CSTO rejected an appeal from Armenia on Saturday"
CSTO_QUERY = f"actor={CSTO}"


def screenshot(page: Page, path) -> None:
    """The whole page: a viewport tall enough for it (Streamlit scrolls inside, so full_page can't)."""
    page.set_viewport_size(SCREENSHOT_VIEWPORT)
    wait_for_app(page)
    page.screenshot(path=path, full_page=True)


def metric(page: Page, label: str):
    card = page.get_by_test_id("stMetric").filter(has=page.get_by_test_id("stMetricLabel").get_by_text(label))
    return card.get_by_test_id("stMetricValue")


def shown(value: int | None) -> str:
    return "—" if value is None else f"{value:,}"


def expect_headline(page: Page, expected: dict[str, int | None]) -> None:
    for label, value in expected.items():
        expect(metric(page, label)).to_have_text(shown(value))


def choose(page: Page, widget: str, option: str) -> None:
    page.get_by_role("combobox", name=widget).click()
    page.get_by_role("option", name=option, exact=True).click()
    page.keyboard.press("Escape")


def test_shared_url_restores_the_filter(page, app_url, artifacts):
    open_page(page, f"{app_url}/{PAGES['timeline']}?{CSTO_QUERY}")
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_test_id("stMultiSelect").first).to_contain_text(CSTO)
    expect(page.get_by_text("1 event where actor is CSTO")).to_be_visible()
    wait_for_graph(page)
    drawn = drawn_event_ids(page)
    assert set(drawn) == {f"{article_a().article_id}-E001"}
    # The filter follows to another page through the navigation, and stays in the URL.
    sidebar.get_by_role("link", name="Overview").click()
    expect_headline(page, EXPECTED_CSTO)
    assert CSTO_QUERY in page.url


def test_overview_headline_numbers_and_contradictions(page, app_url, artifacts):
    open_page(page, app_url)
    expect_headline(page, EXPECTED_ALL)
    expect(page.get_by_role("link", name="→ events")).to_have_attribute("href", "data?table=events")
    expect(page.get_by_text("says no casualties; article reports 1 killed")).to_be_visible()
    expect(page.get_by_text("one Armenian soldier was killed", exact=True)).to_be_visible()  # marked words
    wait_for_graph(page)
    screenshot(page, artifacts / "overview.png")


def test_a_filter_chosen_in_the_sidebar_changes_the_counts(page, app_url):
    open_page(page, app_url)
    expect_headline(page, EXPECTED_ALL)
    choose(page, "Actors", CSTO)
    expect_headline(page, EXPECTED_CSTO)
    expect(page).to_have_url(f"{app_url}/?{CSTO_QUERY}")


def test_timeline_draws_points_and_bands_and_clicking_shows_the_evidence(page, app_url, artifacts):
    open_page(page, f"{app_url}/{PAGES['timeline']}")
    wait_for_graph(page)
    shapes = page.evaluate(
        f"() => Object.fromEntries({GRAPH}.data.filter(t => t.customdata).map(t => "
        "[t.meta.shape, new Set(t.customdata.filter(d => d).map(d => d[0])).size]))"
    )
    assert shapes == EVENTS_PER_SHAPE
    # The dot Plotly drew for the day's event (its trace's SVG point), clicked where it is on the screen.
    index = page.evaluate(f"() => {GRAPH}.data.findIndex(t => t.meta.shape === 'point')")
    dot = page.locator('[data-testid="stPlotlyChart"] .scatterlayer .trace').nth(index).locator("path.point")
    box = dot.first.bounding_box()
    point = {"x": box["x"] + box["width"] / 2, "y": box["y"] + box["height"] / 2}
    page.mouse.click(point["x"], point["y"])
    evidence = page.get_by_text(EVIDENCE_OF_THE_DAY_EVENT, exact=True)
    expect(evidence).to_be_visible()
    assert evidence.evaluate("e => e.tagName") == "MARK"
    page.mouse.move(0, 0)  # no hover label over the chart in the screenshot
    screenshot(page, artifacts / "timeline.png")


def test_quotes_cards_search_and_csv_download(page, app_url, browser_db, artifacts):
    open_page(page, f"{app_url}/{PAGES['quotes']}")
    cards = page.get_by_role("figure")
    expect(cards).to_have_count(N_QUOTES)
    expect(page.get_by_text("Contradicted", exact=False)).to_have_count(2)
    screenshot(page, artifacts / "quotes.png")
    search = page.get_by_role("textbox", name="Search quotes")
    search.fill('"no shooting"')
    search.press("Enter")
    expect(cards).to_have_count(1)
    expect(cards.first.get_by_text("no shooting", exact=True)).to_have_js_property("tagName", "MARK")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download these quotes (CSV)").click()
    text = download.value.path().read_bytes().decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["quote_id"] for r in rows] == [f"{article_a().article_id}-Q001"]
    expected = Store(browser_db).table("quotes")
    assert text == export.to_csv(expected[expected["quote_id"] == rows[0]["quote_id"]])


def test_article_text_is_highlighted_and_numbered(page, app_url, artifacts):
    a = article_a()
    open_page(page, f"{app_url}/{PAGES['article']}?article={a.article_id}")
    text = page.get_by_test_id("articleText")
    expect(text.get_by_text("on Saturday", exact=True)).to_have_js_property("tagName", "MARK")
    expect(text.get_by_text("1,000 Azerbaijani soldiers remain on Armenian territory")).to_be_visible()
    marks = text.get_by_role("mark")
    assert marks.count() > 0
    screenshot(page, artifacts / "article.png")


def test_data_page_rows_and_csv_download_follow_the_filter(page, app_url, browser_db, artifacts):
    dates = "&".join(f"dates={d.isoformat()}" for d in JUNE)
    open_page(page, f"{app_url}/{PAGES['data']}?table=casualties&{dates}")
    sentence = f"{N_JUNE_CASUALTIES} casualty figures between {JUNE[0]} and {JUNE[1]}"  # one noun per table
    expect(page.get_by_text(sentence)).to_be_visible()
    grid = page.get_by_test_id("stDataFrame").first
    # The grid draws on a canvas; its accessible table (off-screen, so "hidden") holds the rows.
    expect(grid.get_by_role("row", include_hidden=True)).to_have_count(N_JUNE_CASUALTIES + 1)  # + header
    with page.expect_download() as download:
        page.get_by_role("button", name="Download casualties.csv").click()
    text = download.value.path().read_bytes().decode("utf-8")
    assert len(list(csv.DictReader(io.StringIO(text)))) == N_JUNE_CASUALTIES
    assert text == export.to_csv(
        Store(browser_db).table("casualties", Filter(date_from=JUNE[0], date_to=JUNE[1]))
    )
    screenshot(page, artifacts / "data.png")


def paths_of(urls: list[str]) -> set[str]:
    return {urlparse(u).path.strip("/") for u in urls if is_local(u)}


def test_no_request_leaves_this_machine(page, app_url, requests_seen):
    """Last: every page the tests above opened (and any they did not) asked only this machine."""
    for path in set(PAGES.values()) - paths_of(requests_seen):
        open_page(page, f"{app_url}/{path}")
    seen = [*requests_seen, *page.requests]
    assert paths_of(seen) >= set(PAGES.values())
    assert [u for u in seen if not is_local(u)] == []
