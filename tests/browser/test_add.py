"""The Add articles page in Debian's Chromium: upload through the real file input, preview, save, and
find the new rows on the Timeline and Data pages; bad files named with what to do.

The server here is its own, on its own copy of the hand-made store, so the other browser tests' numbers
never move; conftest's `serve` starts and always stops it. The
tabs come from conftest's `page` fixture, which records every request. Waits follow Streamlit's own
browser tests: connected and idle, no skeleton, then the expected data; never a sleep.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from borderwatch.articles.files import article_from_bytes
from borderwatch.extract.lexicon import default_lexicon
from borderwatch.store.database import Store
from borderwatch.view import addpage
from tests.browser.conftest import (
    SCREENSHOT_VIEWPORT,
    drawn_event_ids,
    open_page,
    serve,
    wait_for_app,
    wait_for_graph,
)
from tests.ui.fixtures import build_store

pytestmark = pytest.mark.browser

N_FIXTURE_ARTICLES = 2
ARTICLE_NAME = "jermuk-shelling.md"
ARTICLE = """---
title: "Azerbaijani forces shell positions near Jermuk"
published: 2021-07-28
source: Test Wire
url: https://example.org/test-wire/jermuk-shelling
---
Azerbaijani forces shelled Armenian positions near Jermuk on Wednesday, the Armenian Defense Ministry said.

Three Armenian soldiers were wounded in the attack, the ministry said. The fire stopped by the evening.

“The situation on the border remains tense,” Prime Minister Nikol Pashinyan told reporters in Yerevan.
"""
BINARY = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"


@pytest.fixture(scope="module")
def add_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("add-store") / "add.duckdb"
    build_store(path)
    return path


@pytest.fixture(scope="module")
def add_url(add_db, tmp_path_factory) -> str:
    with serve(add_db, tmp_path_factory.mktemp("add-server")) as url:
        yield url


def upload(page: Page, *files: tuple[str, bytes, str]) -> None:
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
        [{"name": name, "mimeType": mime, "buffer": data} for name, data, mime in files]
    )
    wait_for_app(page)


def alert(page: Page, text: str):
    return page.get_by_test_id("stAlert").filter(has_text=text)


def test_empty_and_binary_files_are_named_with_what_to_do_and_change_nothing(page, add_url, add_db):
    before = Store(add_db).counts()
    open_page(page, f"{add_url}/add")
    upload(page, ("empty.txt", b"", "text/plain"), ("photo.md", BINARY, "text/markdown"))
    expect(alert(page, "empty.txt: the file is empty; nothing to read")).to_be_visible()
    expect(
        alert(page, "photo.md: the file is binary, not text; save the article as .md or .txt (UTF-8)")
    ).to_be_visible()
    expect(page.get_by_role("button", name="Save", exact=True)).to_be_disabled()
    assert Store(add_db).counts() == before


def test_an_uploaded_article_is_previewed_saved_and_found_on_other_pages(page, add_url, add_db, artifacts):
    article = article_from_bytes(ARTICLE_NAME, ARTICLE.encode())
    counts = addpage.describe_counts(addpage.preview(article, default_lexicon()).counts)
    open_page(page, f"{add_url}/add")
    upload(page, (ARTICLE_NAME, ARTICLE.encode(), "text/markdown"))
    # Read first: the form holds what the front matter says, the preview what will be extracted.
    expect(page.get_by_role("textbox", name="Title")).to_have_value(article.title)
    expect(page.get_by_role("textbox", name="Source")).to_have_value("Test Wire")
    expect(page.get_by_text(f"Will extract {counts}.")).to_be_visible()
    preview = page.get_by_test_id("addPreviewText")
    expect(preview.get_by_text("Jermuk", exact=True)).to_have_js_property("tagName", "MARK")
    expect(preview.get_by_text("Azerbaijani forces", exact=True)).to_have_js_property("tagName", "MARK")
    assert Store(add_db).stored_version(article.article_id) is None  # nothing saved yet
    page.set_viewport_size(SCREENSHOT_VIEWPORT)
    wait_for_app(page)
    page.screenshot(path=artifacts / "add.png", full_page=True)

    page.get_by_role("button", name="Save 1 article").click()
    expect(
        alert(page, f"{ARTICLE_NAME}: added “{article.title}” as article {article.article_id}")
    ).to_be_visible()
    store = Store(add_db)
    events = store.table("events")
    new_events = sorted(events.loc[events["article_id"] == article.article_id, "event_id"])
    assert new_events and len(store.table("articles")) == N_FIXTURE_ARTICLES + 1

    open_page(page, f"{add_url}/timeline")
    wait_for_graph(page)
    drawn = drawn_event_ids(page)
    assert set(new_events) <= set(drawn)

    open_page(page, f"{add_url}/data?table=events")
    grid = page.get_by_test_id("stDataFrame").first
    # The grid draws on a canvas; its accessible table (off-screen, so "hidden") holds the rows.
    expect(grid.get_by_role("row", include_hidden=True)).to_have_count(len(events) + 1)  # + header
    for event_id in new_events:
        expect(grid.get_by_role("row", include_hidden=True).filter(has_text=event_id)).to_have_count(1)
