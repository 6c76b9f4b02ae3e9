"""Highlighting: escaping, marks at the right offsets, overlapping spans; sentences; search; article spans."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from borderwatch.extract import segment
from borderwatch.schema import TABLES
from borderwatch.store.database import typed_frame
from borderwatch.view.highlight import (
    Mark,
    article_highlights,
    highlight_html,
    narrow,
    paragraph_bounds,
    provenance_table,
    quote_html,
    sentence_bounds,
    sentence_spans,
    term_marks,
    word_occurrences,
)
from tests.ui.fixtures import article_a, rows_a

_ATTRS = re.compile(r'<mark data-kind="([a-z]+)"[^>]*>')


def plain(markup: str) -> str:
    """The markup with each <mark>'s style and title dropped, its kind kept: <mark:actor>."""
    return _ATTRS.sub(r"<mark:\1>", markup)


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("The CSTO rejected it", [Mark(4, 8)], "The <mark:evidence>CSTO</mark> rejected it"),
        ("a <b> & c", [Mark(2, 5)], "a <mark:evidence>&lt;b&gt;</mark> &amp; c"),
        ("no spans <i>", [], "no spans &lt;i&gt;"),
        ("edge", [Mark(0, 4, "place", "1")], "<mark:place>edge</mark><sup>1</sup>"),
        ("clipped", [Mark(-3, 2), Mark(5, 99)], "<mark:evidence>cl</mark>ipp<mark:evidence>ed</mark>"),
        ("empty", [Mark(2, 2), Mark(4, 1)], "empty"),
        # Overlapping: cut at 1, 2, 4, 6; "cd" is in both, and the shorter span (actor) styles it.
        (
            "abcdef",
            [Mark(1, 4, "actor", "1"), Mark(2, 6, "place", "2")],
            "a<mark:actor>b</mark><mark:actor>cd</mark><sup>1</sup><mark:place>ef</mark><sup>2</sup>",
        ),
        # Nested: the inner span styles its stretch and its label comes where it ends.
        (
            "abcdef",
            [Mark(0, 6, "quote", "1"), Mark(2, 4, "number", "2")],
            "<mark:quote>ab</mark><mark:number>cd</mark><sup>2</sup><mark:quote>ef</mark><sup>1</sup>",
        ),
        # Two labels ending at one place share a superscript, outer span first: never "87".
        (
            "in Gegharkunik.",
            [Mark(3, 14, "place", "8"), Mark(0, 14, "number", "7")],
            "<mark:number>in </mark><mark:place>Gegharkunik</mark><sup>7,8</sup>.",
        ),
    ],
)
def test_highlight_html(text, spans, expected):
    assert plain(highlight_html(text, spans)) == expected


def test_script_in_the_text_is_escaped_and_titles_are_quoted():
    markup = highlight_html('<script>alert("x")</script>', [Mark(0, 8, title='say "hi" <now>')])
    assert "<script" not in markup
    assert 'title="say &quot;hi&quot; &lt;now&gt;"' in markup
    assert "&lt;script&gt;" in markup


def test_a_mark_is_styled_by_kind_with_more_than_colour():
    actor, place = highlight_html("ab", [Mark(0, 1, "actor")]), highlight_html("ab", [Mark(0, 1, "place")])
    assert "solid" in actor and "dashed" in place  # the underline style differs, not only the tint


@given(
    st.text(alphabet="ab<>&\"' \n“", max_size=40),
    st.lists(
        st.tuples(st.integers(-5, 45), st.integers(-5, 45), st.sampled_from(["actor", "quote"])), max_size=6
    ),
)
def test_marks_never_change_the_text(text, raw_spans):
    spans = [Mark(a, b, kind, str(i)) for i, (a, b, kind) in enumerate(raw_spans)]
    markup = highlight_html(text, spans)
    assert markup.count("<mark") == markup.count("</mark>")
    without_tags = re.sub(r"<sup>[^<]*</sup>|<[^>]+>", "", markup)
    assert html.unescape(without_tags) == text


def test_sentence_spans_end_at_stops_and_closing_quotes():
    text = "One is here. “Two,” he said. Three?\n\nFour"
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "One is here.",
        "“Two,” he said.",
        "Three?",
        "Four",
    ]


def test_sentence_bounds_with_context():
    text = "First one. Second one holds it. Third one."
    start = text.index("holds")
    assert text[slice(*sentence_bounds(text, start, start + 5))] == "Second one holds it."
    assert text[slice(*sentence_bounds(text, start, start + 5, context=1))] == text


def test_paragraph_bounds():
    text = "Para one.\n\nPara two has it. Still two.\n\nPara three."
    start = text.index("has it")
    assert text[slice(*paragraph_bounds(text, start, start + 6))] == "Para two has it. Still two."


def test_search_terms_are_marked_case_insensitively():
    text = "There is no Shooting there; no shooting at all"
    assert [(s.start, s.end) for s in term_marks(text, ["shooting"])] == [(12, 20), (31, 39)]


def test_narrowing_keeps_rows_holding_a_chosen_value():
    quotes = _fixture_tables()[1]["quotes"]
    assert len(narrow(quotes, {})) == len(narrow(quotes, {"kind": []})) == 2
    assert list(narrow(quotes, {"kind": ["reported"]})["kind"]) == ["reported"]
    assert narrow(quotes, {"kind": ["reported"], "speaker": ["Nobody"]}).empty


def test_quote_html_marks_terms_and_keeps_quotation_marks_for_direct_quotes():
    assert plain(quote_html("a & b", "direct", ["b"])).endswith(
        ">“a &amp; <mark:match>b</mark>”</blockquote>"
    )
    assert "“" not in quote_html("a & b", "reported")


def test_word_occurrences_are_whole_words():
    assert word_occurrences("Armenia and Armenian forces; Armenia.", "Armenia") == [(0, 7), (29, 36)]


def _fixture_tables():
    article = article_a()
    rows = {
        name: [{"article_id": article.article_id, **r} for r in table]
        for name, table in rows_a(article).items()
    }
    return article, {name: typed_frame(TABLES[name], table) for name, table in rows.items()}


def test_article_highlights_point_at_their_rows():
    article, tables = _fixture_tables()
    marks = article_highlights(article.body, tables)
    aid = article.article_id
    by_text = {(m.kind, m.text): m.rows for m in marks}
    assert by_text[("date", "on Saturday")] == (("events", f"{aid}-E001"),)
    assert by_text[("date", "Last month")] == (("events", f"{aid}-E003"),)
    assert by_text[("number", "one Armenian soldier was killed")] == (("casualties", f"{aid}-C001"),)
    assert by_text[("number", "1,000 Azerbaijani soldiers remain on Armenian territory")] == (
        ("troop_figures", f"{aid}-T001"),
    )
    assert by_text[("quote", "There are no casualties, there is no shooting there,")] == (
        ("quotes", f"{aid}-Q001"),
    )
    assert by_text[("actor", "Azerbaijani forces")] == (("actors", "Azerbaijani Armed Forces"),)
    assert by_text[("place", "Lake Sevan")] == (("places", "Lake Sevan"),)
    # "Stanislav Zas" is found whole; "Zas" alone only where it is not part of the full name.
    zas = [m for m in marks if m.rows == (("actors", "Stanislav Zas"),)]
    assert [m.text for m in zas] == ["Stanislav Zas", "Zas"]
    assert [m.number for m in marks] == list(range(1, len(marks) + 1))
    assert [m.start for m in marks] == sorted(m.start for m in marks)
    assert all(article.body[m.start : m.end] == m.text for m in marks)


def test_provenance_table_checks_every_span():
    article, tables = _fixture_tables()
    table = provenance_table(article.body, tables)
    assert len(table) == 3 + 2 + 1 + 2 + 2  # events, casualties, troop figures, quotes, claims
    assert table["span_holds"].all()
    tables["events"].loc[0, "char_start"] += 1
    assert not provenance_table(article.body, tables)["span_holds"].all()


# Sentences written for these tests: abbreviations, times, and a quotation running over two sentences.
TRICKY = (
    "Col. Petrosyan said shelling began at 5 p.m. Sunday near the U.S. embassy's summer camp. "
    "“We will not leave. The posts stay where they are,” Gen. Aliyev told reporters. "
    "Talks resume on Jan. 3.\n\nA second paragraph follows."
)
TRICKY_SENTENCES = [
    "Col. Petrosyan said shelling began at 5 p.m. Sunday near the U.S. embassy's summer camp.",
    "“We will not leave. The posts stay where they are,” Gen. Aliyev told reporters.",
    "Talks resume on Jan. 3.",
    "A second paragraph follows.",
]


def test_sentences_are_cut_as_the_extractor_cuts_them():
    assert [TRICKY[a:b] for a, b in sentence_spans(TRICKY)] == TRICKY_SENTENCES
    assert [TRICKY[s.start : s.end] for s in segment.sentences(TRICKY)] == TRICKY_SENTENCES


def test_a_row_s_sentence_index_names_the_sentence_shown():
    start = TRICKY.index("The posts stay")  # inside the quotation, the row's sentence 1
    end = start + len("The posts stay")
    assert TRICKY[slice(*sentence_bounds(TRICKY, start, end, index=1))] == TRICKY_SENTENCES[1]
    around = TRICKY[slice(*sentence_bounds(TRICKY, start, end, 1, 1))]
    assert around == TRICKY[: TRICKY.index("Talks") + len(TRICKY_SENTENCES[2])]
    # without an index the offsets find the same sentence; an index past the end falls back to them
    assert sentence_bounds(TRICKY, start, end) == sentence_bounds(TRICKY, start, end, index=1)
    assert sentence_bounds(TRICKY, start, end, index=99) == sentence_bounds(TRICKY, start, end)


def test_a_paragraph_is_cut_as_the_extractor_cuts_it():
    start = TRICKY.index("Jan. 3")
    assert TRICKY[slice(*paragraph_bounds(TRICKY, start, start + 6))] == TRICKY.split("\n\n")[0]
