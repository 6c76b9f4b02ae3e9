"""Article strings shown as written on every page, in Debian's Chromium: an article whose title, source,
URL, body, quote and file name all carry Markdown images, links and directives, and HTML; the title and
the body also carry bare web addresses and an emoji code, which Streamlit's Markdown would otherwise
turn into links and an emoji.

If any of it were rendered, an image would be fetched from an address that is not this machine (the
`page` fixture fails the test on such a request), a directive would colour text, or a link would
point to 'javascript:' or away from this machine, or an emoji would be drawn. The server is its own, on a store holding only this article.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from playwright.sync_api import Page, expect

from borderwatch.articles import Article, article_id_for
from borderwatch.articles.files import safe_name
from borderwatch.extract.lexicon import default_lexicon
from borderwatch.ingest import store_article
from borderwatch.store.database import Store
from tests.browser.conftest import open_page, serve, wait_for_app

pytestmark = pytest.mark.browser

FAR = "http://198.51.100.7"  # a documentation address: any request to it fails the test
BARE = f"{FAR}/bare, www.example.org, press@example.org and :fire:"  # links and an emoji if rendered
TITLE = f"Talks ![seal]({FAR}/title.png) :red[resume] **today**, see {BARE}"
SOURCE = f"[Wire]({FAR}/source) <img src={FAR}/source.png>"
URL = "javascript:alert(1)"
QUOTED = f"There will be no shooting ![flag]({FAR}/quote.png) :blue[here]"
BODY = (
    f"YEREVAN, July 3 — Armenian and Azerbaijani officials met in Moscow on Saturday. "
    f"“{QUOTED},” Stanislav Zas said.\n\n"
    f"The statement was posted at [the ministry]({FAR}/link) and <b>nowhere</b> else.\n\n"
    f"A copy is kept at {BARE}\n"
)
FILE_NAME = "![file](http:__198.51.100.7_f.png) :red[talks].md"
FILE = f'---\ntitle: "{TITLE}"\npublished: 2021-07-04\nsource: Wire\n---\nA second story, {QUOTED}.\n'
PAGES = ["", "timeline", "map", "quotes", "data", "add"]


def hostile_article() -> Article:
    body = BODY
    return Article(article_id_for(body), TITLE, date(2021, 7, 4), SOURCE, URL, "talks.md", "en", body)


@pytest.fixture(scope="module")
def literal_url(tmp_path_factory):
    db = tmp_path_factory.mktemp("literal-store") / "literal.duckdb"
    store_article(Store(db), hostile_article(), default_lexicon())
    with serve(db, tmp_path_factory.mktemp("literal-server")) as url:
        yield url


def seen(locator) -> list[str]:
    """Each element's text as it reads: without the invisible word joiners (U+2060) that keep an address or
    an emoji code from being linked or drawn."""
    return locator.evaluate_all("elements => elements.map(e => e.textContent.replaceAll('\\u2060', ''))")


def expect_nothing_rendered(page: Page) -> None:
    """No image, no directive's colour, no emoji, no link away from the app."""
    main = page.get_by_test_id("stMain")
    expect(main.locator("img")).to_have_count(0)
    expect(page.locator('a[href^="javascript"]')).to_have_count(0)
    expect(page.locator(f'a[href*="{FAR.removeprefix("http://")}"]')).to_have_count(0)
    expect(page.locator('a[href*="example.org"], a[href^="mailto"]')).to_have_count(0)
    expect(page.get_by_text("\N{FIRE}")).to_have_count(0)
    expect(page.locator('[class*="ColoredText"], [style*="color: red"]')).to_have_count(0)


def test_the_article_s_strings_are_shown_as_written_on_every_page(page, literal_url):
    for path in PAGES:
        open_page(page, f"{literal_url}/{path}")
        expect_nothing_rendered(page)
    open_page(page, literal_url)
    links = page.get_by_test_id("stMain").get_by_role("link")
    titled = [i for i, text in enumerate(seen(links)) if TITLE in text]  # the Articles list
    assert len(titled) == 1
    expect(links.nth(titled[0])).to_have_attribute("href", re.compile(r"article\?article=\w+$"))


def test_the_article_page_shows_title_source_body_and_url_literally(page, literal_url):
    a = hostile_article()
    open_page(page, f"{literal_url}/article?article={a.article_id}")
    expect_nothing_rendered(page)
    expect(page.get_by_text(f"by {SOURCE}", exact=False)).to_be_visible()
    expect(page.get_by_text("original", exact=False).locator("xpath=ancestor-or-self::a")).to_have_count(0)
    text = page.get_by_test_id("articleText")
    expect(text).to_contain_text(f"[the ministry]({FAR}/link) and <b>nowhere</b> else.")
    expect(text).to_contain_text(QUOTED)
    assert f"A copy is kept at {BARE}" in seen(text)[0]


def test_a_quote_is_shown_literally(page, literal_url):
    open_page(page, f"{literal_url}/quotes")
    expect_nothing_rendered(page)
    expect(page.get_by_role("figure").first).to_contain_text(QUOTED)


def test_an_uploaded_file_s_name_and_title_are_shown_literally(page, literal_url):
    open_page(page, f"{literal_url}/add")
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
        [{"name": FILE_NAME, "mimeType": "text/markdown", "buffer": FILE.encode("utf-8")}]
    )
    wait_for_app(page)
    expect_nothing_rendered(page)
    expect(page.get_by_text(safe_name(FILE_NAME), exact=True)).to_be_visible()
    expect(page.get_by_role("textbox", name="Title")).to_have_value(TITLE)
    expect(page.get_by_test_id("addPreviewText")).to_contain_text(QUOTED)
