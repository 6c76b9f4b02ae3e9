"""The Add articles page through dashboard.py (AppTest), each test on a fresh copy of the hand-made store.

AppTest can upload through st.file_uploader in this Streamlit, so uploads are tested here as well as
in the browser. Store writes are counted by wrapping Writer.ingest, which every save goes through.
"""

from __future__ import annotations

from datetime import date

import pytest

from borderwatch.articles.files import article_from_bytes, article_from_text
from borderwatch.extract import EXTRACTOR_VERSION
from borderwatch.extract.lexicon import default_lexicon
from borderwatch.schema import EXTRACTED_TABLES
from borderwatch.store.database import Store, Writer
from borderwatch.view import addpage
from tests.ui.fixtures import CSTO, EXPECTED_ALL, article_a, article_b, build_store, rows_a
from tests.ui.test_apptest import html_lines

ADD = "pages/add.py"
N_FIXTURE_ARTICLES = 2
JERMUK = b"""---
title: "Shelling near Jermuk"
published: 2021-07-28
source: Test Wire
url: https://example.org/test-wire/jermuk
---
Azerbaijani forces shelled positions near Jermuk on Wednesday, the Armenian Defense Ministry said.

Three Armenian soldiers were wounded in the attack, the ministry said.
"""
BARE = b"Azerbaijani forces fired on Armenian positions near Jermuk on Monday, the ministry said.\n"
PASTED = "Azerbaijani forces shelled the outskirts of Sotk on Tuesday, the Armenian Defense Ministry said.\n"
JERMUK_DATE = date(2021, 7, 28)


@pytest.fixture
def store(tmp_path) -> Store:
    return build_store(tmp_path / "add.duckdb")


@pytest.fixture
def writes(monkeypatch) -> list[str]:
    """The article_id of every article write (a transaction through Writer.ingest), in order."""
    seen: list[str] = []
    original = Writer.ingest

    def counting(self, article, *args, **kwargs):
        seen.append(article.article_id)
        return original(self, article, *args, **kwargs)

    monkeypatch.setattr(Writer, "ingest", counting)
    return seen


@pytest.fixture
def add_page(navigation_app, store):
    return lambda **kw: navigation_app(ADD, db=store.path, **kw)


def upload(at, *files: tuple[str, bytes]):
    return at.file_uploader(key="add_files").set_value([(n, d, "text/plain") for n, d in files]).run()


def suffix(name: str, data: bytes) -> str:
    return addpage.widget_suffix(addpage.upload_key(name, data))


def texts(elements) -> list[str]:
    return [e.value for e in elements]


def preview_html(at) -> list[str]:
    return [h.value for h in at.get("html") if 'data-testid="addPreviewText"' in h.value]


def expected_counts(article) -> str:
    return addpage.describe_counts(addpage.preview(article, default_lexicon()).counts)


def jermuk():
    return article_from_bytes("jermuk.md", JERMUK)


def test_the_page_runs_through_the_entrypoint_with_the_sidebar(add_page):
    at = add_page()
    assert not at.exception
    assert at.title[0].value == "Add articles"
    assert [m.label for m in at.sidebar.multiselect] == ["Actors", "Event types", "Provinces"]
    assert at.file_uploader(key="add_files").accept_multiple_files
    assert at.button(key="add_save_files").disabled


def test_an_upload_is_read_first_its_form_prefilled_and_its_extraction_previewed(add_page, store, writes):
    at = upload(add_page(), ("jermuk.md", JERMUK))
    key = suffix("jermuk.md", JERMUK)
    assert at.text_input(key=f"add_title_{key}").value == "Shelling near Jermuk"
    assert at.date_input(key=f"add_published_{key}").value == JERMUK_DATE
    assert at.text_input(key=f"add_source_{key}").value == "Test Wire"
    assert at.text_input(key=f"add_url_{key}").value == "https://example.org/test-wire/jermuk"
    assert f"**Will extract** {expected_counts(jermuk())}." in texts(at.markdown)
    [marked] = preview_html(at)
    assert '<mark data-kind="place"' in marked and ">Jermuk</mark>" in marked
    assert '<mark data-kind="actor"' in marked and ">Azerbaijani forces</mark>" in marked
    assert at.button(key="add_save_files").label == "Save 1 article"
    assert writes == [] and len(store.table("articles")) == N_FIXTURE_ARTICLES


def overview_headline(at) -> dict[str, int]:
    at.switch_page("pages/overview.py").run()
    return {m.label: int(m.value.replace(",", "")) for m in at.metric if m.value != "—"}


def test_saving_adds_the_rows_and_every_page_shows_them(add_page, store, writes):
    at = upload(add_page(), ("jermuk.md", JERMUK))
    at.button(key="add_save_files").click().run()
    article_id = jermuk().article_id
    assert writes == [article_id]
    assert any(
        s.startswith(f"jermuk.md: added “Shelling near Jermuk” as article {article_id}")
        for s in texts(at.success)
    )
    # The caches key on store.version(): the other pages read the new rows at once.
    assert overview_headline(at)["Articles"] == EXPECTED_ALL["Articles"] + 1
    at.switch_page("pages/data.py").run()
    at.selectbox(key="table").set_value("articles").run()
    shown = next(d for d in at.dataframe if "article_id" in d.value.columns).value
    assert article_id in set(shown["article_id"])
    at.switch_page("pages/article.py").run()
    at.selectbox(key="article_pick").set_value(article_id).run()
    assert any("Published 2021-07-28 by Test Wire" in line for line in html_lines(at))


def test_a_sidebar_filter_hiding_the_new_rows_is_said_and_can_be_reset(add_page, store):
    at = add_page(query={"actor": CSTO})
    upload(at, ("jermuk.md", JERMUK)).button(key="add_save_files").click().run()
    assert any(
        i.startswith("Showing rows where actor is CSTO") and "new rows outside them are hidden" in i
        for i in texts(at.info)
    )
    at.button(key="add_reset_filters").click().run()
    assert at.multiselect(key="actor").value == []
    new_events = int((store.table("events")["article_id"] == jermuk().article_id).sum())
    assert new_events > 0
    assert overview_headline(at)["Events"] == EXPECTED_ALL["Events"] + new_events


def test_the_sidebar_s_full_date_range_grows_with_the_store(add_page, store):
    at = upload(add_page(), ("jermuk.md", JERMUK))
    at.button(key="add_save_files").click().run()
    new_events = int((store.table("events")["article_id"] == jermuk().article_id).sum())
    assert overview_headline(at)["Events"] == EXPECTED_ALL["Events"] + new_events


def test_reruns_after_saving_never_write_again(add_page, store, writes):
    at = upload(add_page(), ("jermuk.md", JERMUK))
    at.button(key="add_save_files").click().run()
    for _ in range(3):
        at.run()
    assert writes == [jermuk().article_id]
    assert len(store.table("articles")) == N_FIXTURE_ARTICLES + 1
    assert at.button(key="add_save_files").disabled  # the saved file is shown as saved, not offered again
    assert any("jermuk.md: added" in s for s in texts(at.success))


def test_bad_files_are_named_change_nothing_and_the_others_still_go_in(add_page, store, writes):
    before = store.counts()
    at = upload(
        add_page(),
        ("empty.md", b""),
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00IHDR"),
        ("notes.md", b"---\ntitle: Notes\npublished: 31/12/2021\n---\nBody.\n"),
        ("jermuk.md", JERMUK),
    )
    assert texts(at.error) == [
        "empty.md: the file is empty; nothing to read",
        "photo.txt: the file is binary, not text; save the article as .md or .txt (UTF-8)",
        "notes.md: 'published' is '31/12/2021', not a date; write it as YYYY-MM-DD (e.g. 2021-07-04)",
    ]
    assert store.counts() == before
    at.button(key="add_save_files").click().run()
    assert writes == [jermuk().article_id]
    assert len(store.table("articles")) == N_FIXTURE_ARTICLES + 1


def test_bare_text_waits_for_its_date_then_goes_in_with_it(add_page, store, writes):
    at = upload(add_page(), ("bare.txt", BARE))
    assert texts(at.warning) == [
        "bare.txt: no published date; enter it as YYYY-MM-DD (the file has no front matter)"
    ]
    assert preview_html(at) == []
    at.button(key="add_save_files").click().run()  # saving without the date: said, and nothing written
    assert texts(at.error) == [
        "Not saved: bare.txt: no published date; enter it as YYYY-MM-DD (the file has no front matter)."
    ]
    assert writes == []
    at.date_input(key=f"add_published_{suffix('bare.txt', BARE)}").set_value(date(2021, 7, 26)).run()
    assert len(preview_html(at)) == 1
    at.button(key="add_save_files").click().run()
    stored = store.table("articles").set_index("article_id").loc[writes[0]]
    assert stored.published.date() == date(2021, 7, 26) and stored.path == "bare.txt"


def test_the_same_article_again_is_said_to_be_there_already(add_page, store, writes):
    at = upload(add_page(), ("jermuk.md", JERMUK))
    at.button(key="add_save_files").click().run()
    at = upload(at, ("jermuk-copy.md", JERMUK))
    article_id = jermuk().article_id
    assert f"Already in the store as article {article_id}: saving it again changes nothing." in texts(at.info)
    at.button(key="add_save_files").click().run()
    assert (
        f"jermuk-copy.md: “Shelling near Jermuk” is already in the store (article {article_id}); "
        "nothing was changed." in texts(at.info)
    )
    assert len(store.table("articles")) == N_FIXTURE_ARTICLES + 1


def test_pasted_text_with_a_date_is_previewed_and_saved_once(add_page, store, writes):
    at = add_page()
    at.text_area(key="add_paste_text").set_value(PASTED).run()
    at.text_input(key="add_title_paste").set_value("Shelling of Sotk").run()
    at.date_input(key="add_published_paste").set_value(date(2021, 7, 27)).run()
    article = article_from_text(
        PASTED, addpage.PASTED_NAME, addpage.metadata("Shelling of Sotk", date(2021, 7, 27)), date.today()
    )
    assert f"**Will extract** {expected_counts(article)}." in texts(at.markdown)
    assert ">Sotk</mark>" in preview_html(at)[0]
    at.button(key="add_save_paste").click().run()
    at.run()
    assert writes == [article.article_id]
    stored = store.table("articles").set_index("article_id").loc[article.article_id]
    assert (stored.title, stored.published.date(), stored.path) == (
        "Shelling of Sotk",
        date(2021, 7, 27),
        "pasted text",
    )


def test_pasted_text_without_a_date_is_refused_and_changes_nothing(add_page, store, writes):
    before = store.counts()
    at = add_page()
    at.text_area(key="add_paste_text").set_value(PASTED).run()
    at.button(key="add_save_paste").click().run()
    assert texts(at.error) == [
        "Not saved: pasted text: no published date; enter the date the article was published in the "
        "Published field (YYYY-MM-DD)."
    ]
    assert writes == [] and store.counts() == before


def test_manage_lists_every_article_with_its_rows_per_table(add_page):
    at = add_page()
    table = next(d for d in at.dataframe if "extractor_version" in d.value.columns).value
    a = article_a()
    row = table.set_index("article_id").loc[a.article_id]
    assert (row.title, row.source) == (a.title, a.source)
    rows = rows_a(a)
    assert {name: int(row[name]) for name in rows} == {name: len(rows[name]) for name in rows}
    assert len(table) == N_FIXTURE_ARTICLES


def test_removing_an_article_asks_first_then_removes_all_its_rows(add_page, store):
    b = article_b()
    at = add_page()
    at.selectbox(key="add_manage_pick").set_value(b.article_id).run()
    at.button(key="add_remove_ask").click().run()
    assert any(w.startswith("Remove 2021-05-20 · Troops cross the border") for w in texts(at.warning))
    assert len(store.table("articles")) == N_FIXTURE_ARTICLES  # nothing yet
    at.button(key="add_remove_no").click().run()
    assert not [w for w in texts(at.warning) if w.startswith("Remove")]
    at.button(key="add_remove_ask").click().run()
    at.button(key="add_remove_yes").click().run()
    assert [s for s in texts(at.success) if s.startswith("Removed")]
    assert list(store.table("articles")["article_id"]) == [article_a().article_id]
    assert store.body(b.article_id) is None
    for name in EXTRACTED_TABLES:
        assert b.article_id not in set(store.table(name)["article_id"]), name


def test_reextract_one_and_all_use_the_extractor_in_one_transaction_each(add_page, store, writes):
    at = add_page()
    a = article_a()
    at.selectbox(key="add_manage_pick").set_value(a.article_id).run()
    at.button(key="add_reextract_one").click().run()
    assert writes == [a.article_id]
    assert any(s.startswith(f"Re-extracted “{a.title}”") for s in texts(at.success))
    versions = store.table("articles").set_index("article_id")["extractor_version"]
    assert versions[a.article_id] == EXTRACTOR_VERSION and versions[article_b().article_id] == "fixture-1"
    at.button(key="add_reextract_all").click().run()
    assert sorted(writes[1:]) == sorted([a.article_id, article_b().article_id])
    assert f"Re-extracted all {N_FIXTURE_ARTICLES} articles with the lexicon as it is now." in texts(
        at.success
    )
    assert set(store.table("articles")["extractor_version"]) == {EXTRACTOR_VERSION}
