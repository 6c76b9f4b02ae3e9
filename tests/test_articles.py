"""Reading article files: front matter, identity, and clear refusals of bad input."""

from __future__ import annotations

from datetime import date

import pytest

from borderwatch.articles import MAX_ARTICLE_BYTES, ArticleError, article_id_for, decode_text, parse_article
from borderwatch.articles.files import read_path

GOOD = "---\ntitle: Shelling near Jermuk\npublished: 2022-09-13\nsource: Example Wire\nurl: https://example.org/a\n---\nBody text here.\n"


def test_front_matter_and_body():
    article = parse_article(GOOD, "a.md")
    assert (article.title, article.published, article.source, article.url) == (
        "Shelling near Jermuk",
        date(2022, 9, 13),
        "Example Wire",
        "https://example.org/a",
    )
    assert article.body == "Body text here.\n"
    assert article.language == "en"


def test_article_id_ignores_whitespace_differences():
    assert article_id_for("Two  soldiers\nwere wounded.") == article_id_for(" Two soldiers were wounded. ")
    assert article_id_for("Two soldiers were wounded.") != article_id_for("Three soldiers were wounded.")
    assert len(article_id_for("x")) == 12


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Just text, no front matter.", "no front matter"),
        ("---\ntitle: x\n---\nBody.", "no 'published' date"),
        ("---\ntitle: x\npublished: last Tuesday\n---\nBody.", "not a date"),
        ("---\ntitle: x\npublished: 2099-01-01\n---\nBody.", "in the future"),
        ("---\ntitle: x\npublished: 2021-07-04\n---\n   \n", "no body"),
        ('---\ntitle: "unclosed\npublished: 2021-07-04\n---\nBody.', "not valid YAML"),
    ],
)
def test_bad_articles_are_refused_with_the_reason(text, message):
    with pytest.raises(ArticleError) as err:
        parse_article(text, "bad.md", today=date(2026, 1, 1))
    assert message in str(err.value) and str(err.value).startswith("bad.md: ")


def test_encodings():
    assert decode_text("Ереван".encode("utf-16"), "a.txt") == "Ереван"
    assert decode_text("\ufeffYerevan".encode(), "a.txt") == "Yerevan"
    assert decode_text("Ереван".encode("cp1251"), "a.txt") == "Ереван"
    with pytest.raises(ArticleError, match="binary"):
        decode_text(b"\x89PNG\r\n\x1a\n\x00\x00\x00", "a.png")
    with pytest.raises(ArticleError, match="empty"):
        decode_text(b"  \n", "a.txt")


def test_oversized_file_is_refused_before_reading(tmp_path):
    big = tmp_path / "big.md"
    big.write_bytes(b"a" * (MAX_ARTICLE_BYTES + 1))
    with pytest.raises(ArticleError, match="over the 5 MB limit"):
        read_path(big)


def test_missing_file(tmp_path):
    with pytest.raises(ArticleError, match="cannot read"):
        read_path(tmp_path / "absent.md")
