"""How values are written: counts with their nouns, missing cells, article names, literal Markdown, safe links."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from borderwatch.view.text import (
    MISSING,
    WORD_JOINER,
    article_label,
    cell,
    markdown_link,
    markdown_literal,
    plural,
    table_rows,
    web_url,
)

J = WORD_JOINER  # invisible: where a link, an emoji or an icon would begin


@pytest.mark.parametrize(
    ("n", "singular", "plural_form", "shown"),
    [
        (1, "event", None, "1 event"),
        (0, "event", None, "0 events"),
        (1200, "quote", None, "1,200 quotes"),
        (2, "casualty", "casualties", "2 casualties"),
        (1, "casualty", "casualties", "1 casualty"),
    ],
)
def test_a_count_takes_the_noun_that_goes_with_it(n, singular, plural_form, shown):
    assert plural(n, singular, plural_form) == shown


def test_each_table_has_one_noun():
    assert (table_rows(1, "casualties"), table_rows(3, "troop_figures")) == (
        "1 casualty figure",
        "3 troop figures",
    )


def test_missing_cells_and_article_names():
    assert [cell(v, MISSING) for v in (None, pd.NA, float("nan"), pd.NaT, "x")] == [MISSING] * 4 + ["x"]
    assert article_label("Talks resume", date(2021, 7, 4), "Wire") == "2021-07-04 · Talks resume — Wire"
    assert article_label(None, None, pd.NA) == "undated · untitled — no source"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("![map](https://example.org/a.png)", f"!\\[map\\](https:{J}//example.org/a.png)"),
        (":red[alarm] and **bold**", r"\:red\[alarm\] and \*\*bold\*\*"),
        ("see www.example.org &amp; more", f"see www{J}.example.org \\&amp; more"),
        ("Visit WWW.Example.org or http://x.am", f"Visit WWW{J}.Example.org or http:{J}//x.am"),
        ("write to press_desk@mfa.am", f"write to press\\_desk{J}@mfa.am"),
        ("hot :fire: :+1: :red_circle:", f"hot \\:{J}fire: :{J}+1: \\:{J}red\\_circle:"),
        (":material/home: at 10:30", f"\\:{J}material/home: at 10:30"),
        ("- not a list\n1. nor this", "\\- not a list\n1\\. nor this"),
        ("Shelling near Jermuk: 2 hurt", "Shelling near Jermuk: 2 hurt"),  # plain text stays as it is
        ("a ceasefire at 06:00, @MFA_Armenia said", r"a ceasefire at 06:00, @MFA\_Armenia said"),
    ],
)
def test_markdown_shows_article_text_as_written(text, shown):
    assert markdown_literal(text) == shown


@pytest.mark.parametrize(
    ("url", "web"),
    [
        ("https://example.org/a?b=1", "https://example.org/a?b=1"),
        ("HTTP://example.org", "HTTP://example.org"),
        ("javascript:alert(1)", None),
        ("data:text/html,hi", None),
        ("//example.org/x", None),
        ("https://example.org/a b", None),
        (None, None),
    ],
)
def test_only_http_addresses_are_links(url, web):
    assert web_url(url) == web


def test_a_link_is_built_only_from_a_web_address():
    assert (
        markdown_link("original", "https://example.org/a(1)<x>")
        == "[original](<https://example.org/a(1)%3Cx%3E>)"
    )
    assert markdown_link("*original*", "javascript:alert(1)") == r"\*original\*"
