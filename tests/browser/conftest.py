"""Browser fixtures: the real app on a free port over the hand-made store, and Debian's Chromium.

The server comes from tests/browser/server.py (failed fast with its own output, always terminated).
Every request a page makes is recorded; a test that let one leave this machine fails at teardown.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Page, expect

from tests.browser import server
from tests.browser.server import APP_IDLE, CHROMIUM, CHROMIUM_ARGS, ROOT
from tests.ui.fixtures import build_store

LOCAL_HOSTS = {"localhost", "127.0.0.1", "[::1]", "::1"}
ARTIFACTS = ROOT / "test-artifacts"
VIEWPORT = {"width": 1400, "height": 1000}
SCREENSHOT_VIEWPORT = {"width": 1400, "height": 2400}  # Streamlit scrolls inside the page; show it all
# Plotly's graph div (its own marker, not a style class) inside Streamlit's chart element.
GRAPH = "document.querySelector('[data-testid=\"stPlotlyChart\"] .js-plotly-plot')"
RUN_TIMEOUT_MS = 25_000  # as Streamlit's own browser tests allow a run
expect.set_options(timeout=RUN_TIMEOUT_MS)


def open_page(page: Page, url: str) -> None:
    page.goto(url)
    wait_for_app(page)


def wait_for_app(page: Page) -> None:
    page.locator(APP_IDLE).wait_for(timeout=RUN_TIMEOUT_MS)
    expect(page.get_by_test_id("stSkeleton")).to_have_count(0, timeout=RUN_TIMEOUT_MS)


def wait_for_graph(page: Page) -> None:
    """Plotly has drawn the page's chart and its traces."""
    page.wait_for_function(
        f"() => {{ const gd = {GRAPH}; return gd && gd.data.length && gd.querySelector('.main-svg'); }}"
    )


def drawn_event_ids(page: Page) -> list[str]:
    """The event ids the chart's traces carry (the first item of each point's customdata)."""
    return page.evaluate(
        f"() => {GRAPH}.data.flatMap(t => (t.customdata || []).filter(d => d).map(d => d[0]))"
    )


@pytest.fixture(scope="session")
def browser_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("browser-store") / "fixture.duckdb"
    build_store(path)
    return path


@contextmanager
def serve(db: Path, log_dir: Path) -> Iterator[str]:
    """A Streamlit server of the dashboard on a free port, reading the store at db; always stopped."""
    with server.serve(ROOT / "dashboard.py", log_dir / "streamlit.log", {"BORDERWATCH_DB": str(db)}) as url:
        yield url


@pytest.fixture(scope="session")
def app_url(browser_db, tmp_path_factory) -> str:
    with serve(browser_db, tmp_path_factory.mktemp("server")) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def requests_seen() -> list[str]:
    """Every URL any test's page requested, for the test that asserts none left this machine."""
    return []


@pytest.fixture(scope="session")
def browser_context(browser):
    """One context for the suite, so its HTTP cache spares each test loading the app's scripts again;
    every test still gets its own tab, which is its own Streamlit session."""
    context = browser.new_context(accept_downloads=True, viewport=VIEWPORT)
    yield context
    context.close()


@pytest.fixture
def page(browser_context, requests_seen, request):
    """A fresh tab that records every request it makes; none may leave localhost."""
    tab = browser_context.new_page()
    mine: list[str] = []
    tab.on("request", lambda r: mine.append(r.url))
    tab.requests = mine  # this test's own requests so far
    yield tab
    tab.close()
    requests_seen.extend(mine)
    offsite = [u for u in mine if not is_local(u)]
    if offsite:
        pytest.fail(f"{request.node.name} made requests off this machine: {offsite}")


def is_local(url: str) -> bool:
    parsed = urlparse(url)
    if parsed.scheme in ("data", "blob", "about"):
        return True
    return parsed.hostname in LOCAL_HOSTS


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
