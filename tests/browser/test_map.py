"""The Map page in Debian's Chromium, with every request off this machine blocked and recorded.

The map is Plotly's MapLibre map on a blank style. The test reads only what is public: the graph's
data and layout, the map's canvas and what it shows. It waits until Syunik's fill is painted where the
click will land, so the style and sources have loaded and any tile or font request the map would make
has been made (and blocked) by then. The click is a real mouse click on the canvas, at the pixel the
Web Mercator projection of the layout's centre, zoom and bounds gives for a point well inside Syunik.
"""

from __future__ import annotations

import io
import math
import time

import pytest
from PIL import Image
from playwright.sync_api import Locator, Page, expect
from shapely.geometry import shape
from shapely.ops import polylabel

from borderwatch.view.boundaries import load_provinces
from tests.browser.conftest import (
    GRAPH,
    RUN_TIMEOUT_MS,
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
CLICKED = "Syunik"  # no event marker stands inside it
TILE_SIZE = 512  # MapLibre's tiles: the world is 512 px wide at zoom 0
PAINTED_BELOW = (
    200  # a channel under this is paint: Cividis has no near-white colour; the map's ground is white
)
POLL_SECONDS = 0.25
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


def point_inside(province: str) -> tuple[float, float]:
    """Longitude and latitude of the point of the province's largest part farthest from its edges."""
    (feature,) = (f for f in load_provinces()["features"] if f["properties"]["name"] == province)
    area = shape(feature["geometry"])
    part = max(getattr(area, "geoms", [area]), key=lambda polygon: polygon.area)
    centre = polylabel(part, tolerance=0.001)
    return centre.x, centre.y


def mercator(lon: float, lat: float, world: float) -> tuple[float, float]:
    """Web Mercator: a longitude and latitude in pixels from the top left of a world this many px wide."""
    phi = math.radians(lat)
    x = (lon + 180) / 360 * world
    y = (1 - math.log(math.tan(phi) + 1 / math.cos(phi)) / math.pi) / 2 * world
    return x, y


def map_canvas(page: Page) -> Locator:
    """MapLibre's canvas, by its role and name."""
    return page.get_by_role("region", name="Map")


def drawn_view(view: dict, width: float, height: float) -> tuple[float, float, float]:
    """The world's width and the centre's pixel the map is drawn at: the layout's centre and zoom, as MapLibre
    holds them inside the layout's bounds (zoomed in until the bounds fill the canvas, the centre moved
    until the canvas lies within them)."""
    bounds = view["bounds"]
    west, north = mercator(bounds["west"], bounds["north"], TILE_SIZE)
    east, south = mercator(bounds["east"], bounds["south"], TILE_SIZE)
    zoom = max(view["zoom"], math.log2(max(width / (east - west), height / (south - north))))
    world = TILE_SIZE * 2**zoom
    x, y = mercator(view["center"]["lon"], view["center"]["lat"], world)
    scale = world / TILE_SIZE
    x = min(max(x, west * scale + width / 2), east * scale - width / 2)
    y = min(max(y, north * scale + height / 2), south * scale - height / 2)
    return world, x, y


def offset_on_map(page: Page, lon: float, lat: float) -> tuple[float, float]:
    """Where a longitude and latitude are drawn, in px from the canvas's top left, by the figure's public
    layout (map centre, zoom and bounds) and the canvas's size."""
    box = map_canvas(page).bounding_box()
    world, centre_x, centre_y = drawn_view(
        page.evaluate(f"() => {GRAPH}.layout.map"), box["width"], box["height"]
    )
    x, y = mercator(lon, lat, world)
    return box["width"] / 2 + x - centre_x, box["height"] / 2 + y - centre_y


def painted_at(canvas: Locator, x: float, y: float) -> bool:
    """The canvas shows a fill, not the white ground, at this offset."""
    image = Image.open(io.BytesIO(canvas.screenshot(animations="disabled"))).convert("RGB")
    return min(image.getpixel((int(x), int(y)))) < PAINTED_BELOW


def wait_for_map(page: Page) -> tuple[float, float]:
    """Plotly has drawn the traces and the map shows the clicked province's fill; its offset in the canvas."""
    wait_for_graph(page)
    canvas = map_canvas(page)
    expect(canvas).to_be_visible()
    offset = offset_on_map(page, *point_inside(CLICKED))
    deadline = time.monotonic() + RUN_TIMEOUT_MS / 1000
    while not painted_at(canvas, *offset):
        assert time.monotonic() < deadline, f"{CLICKED} was not painted on the map"
        time.sleep(POLL_SECONDS)
    return offset


def trace_locations(page: Page, name_start: str) -> list[str]:
    return page.evaluate(
        f"name => {GRAPH}.data.find(t => (t.name || '').startsWith(name)).locations", name_start
    )


def test_map_draws_every_province_offline(offline_page, app_url, artifacts):
    page = offline_page
    open_page(page, f"{app_url}/{MAP_PATH}")
    wait_for_map(page)
    expect(map_canvas(page)).to_be_visible()
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
    x, y = wait_for_map(page)
    canvas = map_canvas(page)
    canvas.scroll_into_view_if_needed()
    box = canvas.bounding_box()
    assert 0 < x < box["width"] and 0 < y < box["height"]
    page.mouse.click(box["x"] + x, box["y"] + y)
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_test_id("stMultiSelect").nth(2)).to_contain_text("Syunik")  # Provinces
    expect(page).to_have_url(f"{app_url}/{MAP_PATH}?province=Syunik")
    expect(page.get_by_text(SYUNIK_SENTENCE, exact=True)).to_be_visible()
    sidebar.get_by_role("link", name="Overview").click()
    expect(page.get_by_text(SYUNIK_SENTENCE, exact=True).first).to_be_visible()
    expect(metric(page, "Events")).to_have_text("1")
    assert page.blocked == []
