"""Page render times in a browser: each dashboard page on a store, beside a hello-world Streamlit app.

Serves the dashboard on the store given and a one-line Streamlit app (written to a temporary file),
both as `streamlit run` on a free local port, and opens each page in a fresh tab of Debian's Chromium
(Playwright) --runs times: the time from navigation until the page has finished its run (the app is
connected, no script is running, no element is still a placeholder). The first open of each page
fills the app's caches and is reported apart; medians are of the later opens. Ratios are to the
hello-world app's median.

    PYTHONPATH=. .venv/bin/python bench/pages.py STORE.duckdb [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

from bench import machine
from tests.browser.server import APP_IDLE, CHROMIUM, CHROMIUM_ARGS, ROOT, serve

PAGES = {
    "Overview": "",
    "Timeline": "timeline",
    "Map": "map",
    "Quotes": "quotes",
    "Article": "article",
    "Data": "data",
}
HELLO_APP = 'import streamlit as st\n\nst.title("Hello")\nst.write("Hello, world.")\n'
TITLE = '[data-testid="stMainBlockContainer"] h1'
PAGE_TIMEOUT_MS = 300_000


def render_seconds(browser: Browser, url: str) -> float:
    """Seconds from opening url in a fresh tab (a new session) until its run has finished."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    try:
        start = time.perf_counter()
        page.goto(url)
        page.locator(TITLE).first.wait_for(timeout=PAGE_TIMEOUT_MS)
        page.locator(APP_IDLE).wait_for(timeout=PAGE_TIMEOUT_MS)
        page.wait_for_function(
            "() => !document.querySelector('[data-testid=\"stSkeleton\"]')", timeout=PAGE_TIMEOUT_MS
        )
        return time.perf_counter() - start
    finally:
        context.close()


def timings(browser: Browser, url: str, runs: int) -> tuple[float, list[float]]:
    """The first open (caches cold) and `runs` later opens of one page."""
    first = render_seconds(browser, url)
    return first, [render_seconds(browser, url) for _ in range(runs)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path, help="a BorderWatch store (.duckdb)")
    parser.add_argument("--runs", type=int, default=5, help="timed opens of each page after the first")
    args = parser.parse_args()
    print(machine.describe())
    rows: list[tuple[str, float, float]] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        with tempfile.TemporaryDirectory() as tmp:
            hello = Path(tmp) / "hello.py"
            hello.write_text(HELLO_APP)
            with serve(hello, Path(tmp) / "hello.log") as url:
                first, later = timings(browser, url, args.runs)
                rows.append(("hello world", first, statistics.median(later)))
            store = {"BORDERWATCH_DB": str(args.store.resolve())}
            with serve(ROOT / "dashboard.py", Path(tmp) / "dashboard.log", store) as url:
                for name, path in PAGES.items():
                    first, later = timings(browser, f"{url}/{path}", args.runs)
                    rows.append((name, first, statistics.median(later)))
        browser.close()
    baseline = rows[0][2]
    print(f"store: {args.store}, {args.runs} timed opens per page after the first")
    print(f"{'page':<12} {'first s':>8} {'median s':>9} {'× hello':>8}")
    for name, first, median in rows:
        print(f"{name:<12} {first:>8.2f} {median:>9.2f} {median / baseline:>8.1f}")


if __name__ == "__main__":
    main()
