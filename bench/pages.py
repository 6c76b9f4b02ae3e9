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
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

from bench import machine

ROOT = Path(__file__).resolve().parents[1]
STREAMLIT = Path(sys.executable).parent / "streamlit"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
PAGES = {
    "Overview": "",
    "Timeline": "timeline",
    "Map": "map",
    "Quotes": "quotes",
    "Article": "article",
    "Data": "data",
}
HELLO_APP = 'import streamlit as st\n\nst.title("Hello")\nst.write("Hello, world.")\n'
APP_IDLE = (
    '[data-testid="stApp"][data-test-connection-state="CONNECTED"][data-test-script-state="notRunning"]'
)
TITLE = '[data-testid="stMainBlockContainer"] h1'
PAGE_TIMEOUT_MS = 300_000
SERVER_START_SECONDS = 60


def free_port() -> int:
    """A local TCP port nothing listens on."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve(script: Path, env: dict[str, str]) -> Iterator[str]:
    """`streamlit run script` on a free port until the block ends; its URL."""
    port = free_port()
    command = [
        str(STREAMLIT), "run", str(script), "--server.port", str(port), "--server.headless", "true",
        "--server.fileWatcherType", "none", "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    server = subprocess.Popen(
        command, cwd=ROOT, env={**os.environ, **env}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"http://localhost:{port}"
    try:
        wait_until_healthy(server, url)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


def wait_until_healthy(server: subprocess.Popen, url: str) -> None:
    """Return once the server answers its health check; raise if it exits or never answers."""
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"streamlit exited with {server.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    raise RuntimeError(f"streamlit did not answer within {SERVER_START_SECONDS}s")


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
            with serve(hello, {}) as url:
                first, later = timings(browser, url, args.runs)
                rows.append(("hello world", first, statistics.median(later)))
        with serve(ROOT / "dashboard.py", {"BORDERWATCH_DB": str(args.store.resolve())}) as url:
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
