"""A Streamlit app served on a free local port, and how Debian's Chromium is started to read it.

Shared by the browser tests (tests/browser/conftest.py) and the page benchmark (bench/pages.py): the
server is started with subprocess.Popen, polled until /_stcore/health answers, failed fast with its own
output when it dies or never answers, and always terminated.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
STREAMLIT = Path(sys.executable).parent / "streamlit"
CHROMIUM = "/usr/bin/chromium"
# Headless as root, and nothing of Chromium's own traffic: this machine's network is closed.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# The app connected and no script running: a run has finished.
APP_IDLE = (
    '[data-testid="stApp"][data-test-connection-state="CONNECTED"][data-test-script-state="notRunning"]'
)
SERVER_START_SECONDS = 60
HEALTH_POLL_SECONDS = 0.2
SERVER_STOP_SECONDS = 10


class ServerError(RuntimeError):
    """The server exited or never answered; the message ends with its output."""


def free_port() -> int:
    """A local TCP port nothing listens on."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve(script: Path, log_path: Path, env: Mapping[str, str] | None = None) -> Iterator[str]:
    """`streamlit run script` (from the project root) on a free port until the block ends; its URL."""
    port = free_port()
    command = [
        str(STREAMLIT), "run", str(script), "--server.port", str(port), "--server.headless", "true",
        "--server.fileWatcherType", "none", "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    with open(log_path, "wb") as log:
        server = subprocess.Popen(
            command, cwd=ROOT, env={**os.environ, **(env or {})}, stdout=log, stderr=subprocess.STDOUT
        )
    url = f"http://localhost:{port}"
    try:
        _wait_until_healthy(server, url, log_path)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=SERVER_STOP_SECONDS)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _wait_until_healthy(server: subprocess.Popen, url: str, log_path: Path) -> None:
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise ServerError(f"streamlit exited with {server.returncode}:\n{log_path.read_text()}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(HEALTH_POLL_SECONDS)
    raise ServerError(f"streamlit did not answer within {SERVER_START_SECONDS}s:\n{log_path.read_text()}")
