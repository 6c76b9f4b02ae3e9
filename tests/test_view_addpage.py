"""The Add page's logic: reading an upload once, preview counts and highlights, messages, the stored table."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from borderwatch.articles.files import Metadata, article_from_bytes
from borderwatch.extract.lexicon import default_lexicon
from borderwatch.ingest import Outcome, store_article
from borderwatch.view import addpage
from borderwatch.view.addpage import Draft, Result
from borderwatch.view.highlight import Mark
from borderwatch.view.text import markdown_literal

TODAY = date(2026, 11, 1)
FRONT_MATTER = (
    b"---\ntitle: Shelling near Jermuk\npublished: 2021-07-28\nsource: Test Wire\n"
    b"url: https://example.org/jermuk\n---\n"
    b"Azerbaijani forces shelled positions near Jermuk on Wednesday, the Armenian Defense Ministry said.\n"
)
BARE = b"Azerbaijani forces shelled positions near Jermuk on Wednesday, the ministry said.\n"
PAGE_WITHOUT_DATE = (
    b"<html><head><title>Shelling near Jermuk</title></head><body><article><h1>Shelling near Jermuk</h1>"
    b"<p>Azerbaijani forces shelled positions near the spa town of Jermuk on Wednesday evening, "
    b"the Armenian Defense Ministry said in a statement.</p><p>No one was hurt in the shelling, "
    b"the ministry added, and the situation on the border was calm by the morning.</p></article></body></html>"
)

# A sentence written for these tests, and rows for it by hand (the extractor is not involved).
BODY = "Azerbaijani forces shelled Jermuk on Wednesday. “We will respond,” the ministry said. Two soldiers were wounded.\n"
ROWS = {
    "events": [{"event_id": "x-E001", "date_phrase": "on Wednesday", "char_start": 0, "char_end": 47}],
    "casualties": [{"casualty_id": "x-C001", "count": 2, "char_start": 86, "char_end": 111}],
    "quotes": [{"quote_id": "x-Q001", "text": "We will respond", "char_start": 49, "char_end": 64}],
    "actors": [
        {
            "actor_id": "Azerbaijani Armed Forces",
            "name": "Azerbaijani Armed Forces",
            "aliases": "Azerbaijani forces",
        }
    ],
    "places": [{"place_id": "geonames:1", "name": "Jermuk"}],
}
EXPECTED_SPANS = [  # (start, end, kind, the words)
    (0, 18, "actor", "Azerbaijani forces"),
    (27, 33, "place", "Jermuk"),
    (34, 46, "date", "on Wednesday"),
    (49, 64, "quote", "We will respond"),
    (86, 111, "number", "Two soldiers were wounded"),
]


def test_an_upload_is_known_by_its_safe_name_size_and_sha256():
    key = addpage.upload_key("../uploads/a.md", b"abc")
    assert key == ("a.md", 3, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    assert addpage.widget_suffix(key) != addpage.widget_suffix(addpage.upload_key("b.md", b"abc"))


def test_a_file_chosen_twice_is_read_once_and_named():
    uploads = [("a.md", b"one"), ("b.md", b"one"), ("dir/a.md", b"one"), ("a.md", b"two"), ("b.md", b"one")]
    once, again = addpage.distinct_uploads(uploads)
    assert once == [("a.md", b"one"), ("b.md", b"one"), ("a.md", b"two")]
    assert again == ["a.md", "b.md"]  # same safe name and bytes as one before


@pytest.mark.parametrize(
    ("name", "data", "defaults", "problem"),
    [
        (
            "jermuk.md",
            FRONT_MATTER,
            Metadata("Shelling near Jermuk", date(2021, 7, 28), "Test Wire", "https://example.org/jermuk"),
            None,
        ),
        ("bare.txt", BARE, Metadata("", None, "", ""), None),  # the user gives the date
        ("page.html", PAGE_WITHOUT_DATE, Metadata("Shelling near Jermuk", None, "", ""), None),
        ("empty.md", b"  \n", Metadata(), "empty.md: the file is empty; nothing to read"),
        (
            "photo.txt",
            b"\x89PNG\r\n\x1a\n\x00\x00",
            Metadata(),
            "photo.txt: the file is binary, not text; save the article as .md or .txt (UTF-8)",
        ),
        (  # front matter without a date is the file's to fix: the form cannot stand in for it
            "nodate.md",
            b"---\ntitle: x\n---\nBody.\n",
            Metadata(),
            "nodate.md: no 'published' date; add 'published: YYYY-MM-DD' to the front matter",
        ),
    ],
)
def test_reading_an_upload_finds_its_metadata_or_says_what_is_wrong(name, data, defaults, problem):
    draft = addpage.read_upload(name, data, TODAY)
    assert draft == Draft(name, addpage.upload_key(name, data), defaults, problem)
    assert draft.needs_date == (problem is None and defaults.published is None)


def test_empty_form_fields_leave_the_file_s_own_values():
    assert addpage.metadata("  ", None, "", " ") == Metadata()
    assert addpage.metadata(" Title ", date(2021, 7, 28), "Wire", "") == Metadata(
        "Title", date(2021, 7, 28), "Wire", None
    )


def test_row_counts_cover_every_extracted_table():
    assert addpage.row_counts(ROWS) == {
        "events": 1,
        "casualties": 1,
        "troop_figures": 0,
        "quotes": 1,
        "actors": 1,
        "places": 1,
        "claims": 0,
    }


def test_highlight_spans_mark_actors_places_dates_numbers_and_quotes():
    spans = addpage.highlight_marks(BODY, ROWS)
    assert [(s.start, s.end, s.kind, BODY[s.start : s.end]) for s in spans] == EXPECTED_SPANS
    assert spans[1] == Mark(27, 33, "place", title="place → places geonames:1")


@pytest.mark.parametrize(
    ("counts", "sentence"),
    [
        (
            {"events": 2, "casualties": 1, "quotes": 1, "actors": 3, "places": 1},
            "2 events, 1 casualty figure, 0 troop figures, 1 quote, 0 claims, 3 actors and 1 place",
        ),
        (
            {"troop_figures": 1, "claims": 1, "places": 2},
            "0 events, 0 casualty figures, 1 troop figure, 0 quotes, 1 claim, 0 actors and 2 places",
        ),
    ],
)
def test_counts_read_as_a_sentence(counts, sentence):
    assert addpage.describe_counts(counts) == sentence


def test_a_preview_extracts_without_storing_and_marks_the_place():
    found = addpage.preview(article_from_bytes("jermuk.md", FRONT_MATTER, today=TODAY), default_lexicon())
    assert set(found.counts) == set(addpage.COUNTED_TABLES)
    body = found.article.body
    assert ("Jermuk", "place") in {(body[s.start : s.end], s.kind) for s in found.marks}


def test_a_preview_over_its_time_budget_says_what_to_do_instead_of_waiting():
    article = article_from_bytes("jermuk.md", FRONT_MATTER, today=TODAY)
    found = addpage.preview(article, default_lexicon(), seconds=0.0)
    assert "split it" in found.problem and "\n" not in found.problem
    assert found.marks == () and set(found.counts.values()) == {0}
    assert addpage.preview(article, default_lexicon()).problem == ""


@pytest.mark.parametrize(
    ("outcome", "expected"),
    [
        (
            Outcome("jermuk.md", "added", "abc123", counts={"articles": 1, "events": 2, "places": 1}),
            Result(
                "success",
                "jermuk.md: added “Shelling” as article abc123 with 2 events, 0 casualty figures, "
                "0 troop figures, 0 quotes, 0 claims, 0 actors and 1 place.",
                "abc123",
            ),
        ),
        (
            Outcome("copy.md", "unchanged", "abc123", "already in the store"),
            Result(
                "info",
                "copy.md: “Shelling” is already in the store (article abc123); nothing was changed.",
                "abc123",
            ),
        ),
    ],
)
def test_what_saving_did_is_said_with_the_file_s_name(outcome, expected):
    assert addpage.outcome_result(outcome, "Shelling") == expected


def test_the_stored_table_counts_each_article_s_rows():
    articles = pd.DataFrame(
        {
            "article_id": ["a1", "b2"],
            "title": ["First", "Second"],
            "published": pd.to_datetime(["2021-05-20", "2021-07-04"]),
            "source": ["Wire", "Daily"],
            "extractor_version": ["v1", "v1"],
        }
    )
    tables = {
        "events": pd.DataFrame({"article_id": ["a1", "a1", "b2"]}),
        "quotes": pd.DataFrame({"article_id": ["b2"]}),
        "places": pd.DataFrame({"article_id": pd.Series([], dtype="string")}),
    }
    table = addpage.stored_table(articles, tables)
    assert list(table.columns) == addpage.STORED_COLUMNS
    assert table[["article_id", "events", "quotes", "places", "claims"]].to_dict("records") == [
        {"article_id": "a1", "events": 2, "quotes": 0, "places": 0, "claims": 0},
        {"article_id": "b2", "events": 1, "quotes": 1, "places": 0, "claims": 0},
    ]
    assert addpage.row_total(table, "a1") == 2
    assert addpage.row_total(table, "b2") == 2
    assert addpage.manage_label("First", date(2021, 5, 20), "Wire", "a1") == "2021-05-20 · First — Wire (a1)"


def test_a_removed_article_s_uploads_can_be_saved_again():
    saved = {("a.md", 1, "x"): Result("success", "a", "a1"), ("b.md", 1, "y"): Result("info", "b", "b2")}
    addpage.forget_article(saved, "a1")
    assert list(saved) == [("b.md", 1, "y")]


def test_the_lexicon_signature_changes_when_a_file_is_edited(tmp_path):
    (tmp_path / "actors.csv").write_text("name\nCSTO\n")
    before = addpage.lexicon_signature([tmp_path])
    (tmp_path / "actors.csv").write_text("name\nCSTO\nOSCE\n")
    assert addpage.lexicon_signature([tmp_path]) != before


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("my_notes*v2*.md", r"my\_notes\*v2\*.md"),
        ("Cost $5 [draft]", r"Cost \$5 \[draft\]"),
        ("plain", "plain"),
    ],
)
def test_names_are_shown_literally_in_markdown(text, shown):
    assert markdown_literal(text) == shown


# -- the actions, on a store of their own ------------------------------------------------------------
PASTED = "The border near Jermuk was calm on Thursday, the ministry said.\n"
GIVEN = Metadata("Calm in Jermuk", date(2021, 7, 29), "Test Wire", None)


@pytest.fixture
def store(tmp_path):
    from borderwatch.store.database import Store

    return Store(tmp_path / "actions.duckdb")


def no_progress(done: int, total: int, what: str) -> None:
    pass


def test_saving_stores_the_ready_candidates_and_names_the_others(store):
    good = addpage.pasted_candidate(PASTED, GIVEN, TODAY)
    bad = addpage.pasted_candidate("Only a body, with no date.", Metadata(), TODAY)
    assert good.article is not None and bad.article is None
    assert addpage.save_label([good, bad]) == "Save 1 article" and addpage.save_label([bad]) == "Save"
    saved, problems = addpage.save(store, [good, bad], default_lexicon(), no_progress)
    assert list(saved) == [good.key] and saved[good.key].level == "success"
    assert problems == [Result("error", f"Not saved: {bad.problem}.")]
    assert list(store.table("articles")["article_id"]) == [good.article.article_id]
    assert addpage.stored_note(good.article.article_id, addpage.stored_versions(store.table("articles"))) == (
        f"Already in the store as article {good.article.article_id}: saving it again changes nothing."
    )


def test_one_stored_article_is_read_back_whole_and_re_extracted(store):
    article = addpage.pasted_candidate(PASTED, GIVEN, TODAY).article
    store_article(store, article, default_lexicon())
    assert store.article(article.article_id) == article
    assert store.article("not-stored") is None
    result = addpage.reextract_one(store, article.article_id, default_lexicon(), "label")
    assert result.level == "success" and result.text.startswith("Re-extracted “Calm in Jermuk”: ")
    assert addpage.reextract_one(store, "not-stored", default_lexicon(), "That article").text == (
        "That article is no longer in the store."
    )


def test_removing_says_whether_the_article_was_there(store):
    candidate = addpage.pasted_candidate(PASTED, GIVEN, TODAY)
    saved, _ = addpage.save(store, [candidate], default_lexicon(), no_progress)
    article_id = candidate.article.article_id
    assert addpage.remove(store, article_id, "It", saved) == Result("success", "Removed It and its rows.")
    assert saved == {} and store.article(article_id) is None
    assert addpage.remove(store, article_id, "It", saved) == Result("success", "It was already gone.")
