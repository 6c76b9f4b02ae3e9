"""The Map page in Debian's Chromium, with every request off this machine blocked and recorded.

The map is Plotly's MapLibre map on a blank style: the test waits for the graph's data and for MapLibre to
finish loading, so any tile or font request it would make has been made (and blocked) by then. The click
is a real mouse click on the map's canvas, at the pixel MapLibre's own projection gives for a town inside
Syunik.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import (
    GRAPH,
    SCREENSHOT_VIEWPORT,
    is_local,
    open_page,
    wait_for_app,
    wait_for_graph,
)
from tests.browser.test_browser import metric

pytestmark = pytest.mark.browser

MAP_PATH = "map"
PROVINCES = {
    "Aragatsotn", "Ararat", "Armavir", "Gegharkunik", "Kotayk", "Lori", "Shirak", "Syunik", "Tavush",
    "Vayots Dzor", "Yerevan",
}  # fmt: skip
OUTLINED = ["Gegharkunik", "Syunik"]
SISIAN = (46.02696, 39.52191)  # lon, lat of Sisian (GeoNames 174763), a town inside Syunik, not a marker
SYUNIK_SENTENCE = "1 event where province is Syunik"


@pytest.fixture
def offline_page(page: Page) -> Page:
    """The recording tab, with every request that is not to this machine aborted (and kept)."""
    page.blocked = []

    def only_local(route) -> None:
        if is_local(route.request.url):
            route.continue_()
        else:
            page.blocked.append(route.request.url)
            route.abort()

    page.route("**/*", only_local)
    return page


def wait_for_map(page: Page) -> None:
    """Plotly has drawn the traces and MapLibre has loaded its style and sources."""
    wait_for_graph(page)
    page.wait_for_function(
        f"() => {{ const sub = {GRAPH}._fullLayout.map._subplot; return sub && sub.map && sub.map.loaded(); }}"
    )


def trace_locations(page: Page, name_start: str) -> list[str]:
    return page.evaluate(
        f"name => {GRAPH}.data.find(t => (t.name || '').startsWith(name)).locations", name_start
    )


def pixel_of(page: Page, lon: float, lat: float) -> dict[str, float]:
    """Where a longitude and latitude are on the screen, by MapLibre's projection of the map as drawn."""
    return page.evaluate(
        f"""([lon, lat]) => {{
            const map = {GRAPH}._fullLayout.map._subplot.map;
            const at = map.project([lon, lat]), box = map.getCanvas().getBoundingClientRect();
            return {{x: box.left + at.x, y: box.top + at.y}};
        }}""",
        [lon, lat],
    )


def test_map_draws_every_province_offline(offline_page, app_url, artifacts):
    page = offline_page
    open_page(page, f"{app_url}/{MAP_PATH}")
    wait_for_map(page)
    expect(page.get_by_role("region", name="Map")).to_be_visible()  # MapLibre's canvas
    drawn = trace_locations(page, "Armenia") + trace_locations(page, "No events")
    assert sorted(drawn) == sorted(PROVINCES)
    assert trace_locations(page, "Outlined") == OUTLINED
    assert "Nakhchivan" in trace_locations(page, "Azerbaijan")
    expect(page.get_by_role("checkbox", name="OpenStreetMap base map (needs internet)")).not_to_be_checked()
    page.set_viewport_size(SCREENSHOT_VIEWPORT)
    wait_for_app(page)
    wait_for_map(page)
    page.mouse.move(0, 0)
    page.screenshot(path=artifacts / "map.png", full_page=True)
    assert page.blocked == []
    assert [u for u in page.requests if not is_local(u)] == []


def test_clicking_a_province_filters_every_page(offline_page, app_url):
    page = offline_page
    open_page(page, f"{app_url}/{MAP_PATH}")
    wait_for_map(page)
    page.get_by_role("region", name="Map").scroll_into_view_if_needed()
    point = pixel_of(page, *SISIAN)
    assert 0 < point["x"] < page.viewport_size["width"] and 0 < point["y"] < page.viewport_size["height"]
    page.mouse.click(point["x"], point["y"])
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_test_id("stMultiSelect").nth(2)).to_contain_text("Syunik")  # Provinces
    expect(page).to_have_url(f"{app_url}/{MAP_PATH}?province=Syunik")
    expect(page.get_by_text(SYUNIK_SENTENCE, exact=True)).to_be_visible()
    sidebar.get_by_role("link", name="Overview").click()
    expect(page.get_by_text(SYUNIK_SENTENCE, exact=True).first).to_be_visible()
    expect(metric(page, "Events")).to_have_text("1")
    assert page.blocked == []
