"""AppTest fixtures: the hand-made store, and the app opened through its entrypoint on any page.

Pages are opened with the public `AppTest.switch_page("pages/x.py")`. Streamlit takes an app with a
`pages/` folder for a legacy multipage app until st.navigation has run in the process, and AppTest
forgets that before every run, so the page file runs on its own, as the first deep link after a server
restart does. The page's first call (`borderwatch.ui.page_setup`) then declares the app's pages with
st.navigation and reruns the same URL through dashboard.py; the tests check the sidebar is there on
every page, which is what would fail if it did not.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

import pytest
import streamlit.testing.v1.app_test as app_test_module
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

from tests.ui.fixtures import build_store

ROOT = Path(__file__).resolve().parents[2]
ENTRYPOINT = ROOT / "dashboard.py"
RUN_TIMEOUT = 30


class RecordingMediaStorage(MemoryMediaFileStorage):
    """Keeps every file a run serves (download buttons' data) by URL, for the test to read back."""

    files: ClassVar[dict[str, bytes]] = {}

    def load_and_get_id(self, path_or_data, mimetype, kind, filename=None):
        file_id = super().load_and_get_id(path_or_data, mimetype, kind, filename)
        RecordingMediaStorage.files[self.get_url(file_id)] = self.get_file(file_id).content
        return file_id


@pytest.fixture(scope="session")
def fixture_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("store") / "fixture.duckdb"
    build_store(path)
    return path


@pytest.fixture
def navigation_app(monkeypatch, fixture_db):
    """A function: page file → AppTest that has run dashboard.py on that page, on the fixture store."""
    monkeypatch.setenv("BORDERWATCH_DB", str(fixture_db))
    monkeypatch.setattr(app_test_module, "MemoryMediaFileStorage", RecordingMediaStorage)

    def open_page(
        page: str = "pages/overview.py", query: dict | None = None, db: Path | None = None
    ) -> AppTest:
        if db is not None:
            monkeypatch.setenv("BORDERWATCH_DB", str(db))
        at = AppTest.from_file(str(ENTRYPOINT), default_timeout=RUN_TIMEOUT)
        at.query_params.update(query or {})
        # Before the first run switch_page names the page by its file name, which is its url_path here,
        # so the session opens on that page with the query string, as a shared link would.
        return at.switch_page(page).run()

    return open_page


def download_data(at: AppTest, key: str) -> bytes:
    """The bytes a download button would give the browser."""
    button = at.download_button(key=key)
    return RecordingMediaStorage.files[button.proto.url]
