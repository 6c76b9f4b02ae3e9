"""Hostile and damaged article files: each is refused (or repaired) with one line, never a traceback."""

from __future__ import annotations

import os
import time
from datetime import date, datetime

import pytest

import borderwatch.articles.files as files
from borderwatch.articles import (
    MAX_FIELD_CHARS,
    MAX_FRONT_MATTER_CHARS,
    ArticleError,
    decode,
    parse_article,
    parse_published,
)
from borderwatch.articles.files import article_from_bytes, read_path, safe_name

TODAY = date(2026, 1, 1)
BODY = "Two soldiers were wounded near the border on Monday.\n"


def _article(front_matter: str):
    return parse_article(f"---\n{front_matter}\n---\n{BODY}", "a.md", TODAY)


def _refusal(front_matter: str) -> str:
    with pytest.raises(ArticleError) as err:
        _article(front_matter)
    message = str(err.value)
    assert "\n" not in message and message.startswith("a.md: ")
    return message


def test_billion_laughs_is_refused_before_anything_expands():
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in "bcdefghi":
        previous = chr(ord(level) - 1)
        lines.append(f"{level}: &{level} [{','.join(['*' + previous] * 9)}]")
    front_matter = "published: 2021-07-04\n" + "\n".join(lines)
    assert len(front_matter) < 1100  # about 1 KB that would expand to 9**9 strings
    started = time.monotonic()
    assert "YAML anchor" in _refusal(front_matter)
    assert time.monotonic() - started < 1.0


@pytest.mark.parametrize(
    ("front_matter", "reason"),
    [
        ("published: 2021-07-04\ntitle: *name", "YAML alias"),
        ("published: 2021-07-04\ntitle: &name Shelling", "YAML anchor"),
        (
            "published: 2021-07-04\ntitle: [Shelling, Jermuk]",
            "'title' in the front matter is a list or a mapping",
        ),
        (
            "published: 2021-07-04\nsource:\n  name: Wire",
            "'source' in the front matter is a list or a mapping",
        ),
        ("published: 2021-07-04\ntags:\n  - border\n  - shelling", "'tags' in the front matter is a list"),
        ("published: 2021-07-04\n? [a, b]\n: c", "key must be a plain word"),
        ("- published\n- 2021-07-04", "must be 'key: value' lines"),
        ("published: 2021-07-04\ntitle: One\ntitle: Two", "'title' is given twice"),
        ("published: 2021-07-04\n...\n--- Two", "more than one YAML document"),
    ],
)
def test_front_matter_that_is_not_plain_key_value_lines_is_refused(front_matter, reason):
    assert reason in _refusal(front_matter)


@pytest.mark.parametrize(
    "nesting",
    ["[" * (MAX_FRONT_MATTER_CHARS - 100), "[" * 30_000 + "]" * 30_000, "{a: " * 15_000, "[\n" * 30_000],
)
def test_deeply_nested_brackets_are_refused_quickly(nesting):
    started = time.monotonic()
    for front_matter in (f"published: 2021-07-04\ntitle: {nesting}", nesting):
        with pytest.raises(ArticleError):
            _article(front_matter)
    assert time.monotonic() - started < 1.0


def test_a_field_over_the_limit_is_refused_and_one_at_it_accepted():
    at_limit = "T" * MAX_FIELD_CHARS
    assert _article(f"published: 2021-07-04\ntitle: {at_limit}").title == at_limit
    message = _refusal(f"published: 2021-07-04\ntitle: {at_limit}x")
    assert f"'title' in the front matter is {MAX_FIELD_CHARS + 1} characters long" in message


def test_a_front_matter_over_the_limit_is_refused():
    padding = "\n".join(f"field{i}: value" for i in range(MAX_FRONT_MATTER_CHARS // 10))
    assert "the front matter is over 64 KB" in _refusal(f"published: 2021-07-04\n{padding}")


@pytest.mark.parametrize(
    "value",
    [
        "2021-07-04T10:30:00Z",
        "2021-07-04 10:30",
        "'2021-07-04T23:59:59+04:00'",
        "2021-07-04t10:30:00.5-05:00",
    ],
)
def test_a_date_with_a_time_gives_its_date(value):
    assert _article(f"published: {value}").published == date(2021, 7, 4)


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("2021-02-30", "'published' '2021-02-30' is not a day of the calendar"),
        ("'2021-02-30'", "'published' '2021-02-30' is not a day of the calendar"),
        ("2021-13-01", "is not a day of the calendar"),
        ("1899-12-31", "'published' 1899-12-31 is before 1900"),
        ("0001-01-01", "is before 1900"),
        ("99999999999999999999", "'published' is '99999999999999999999', not a date"),
        ("2021-07-04T25:00", "not a date"),
        ("2021-07-04 and more", "not a date"),
    ],
)
def test_impossible_and_early_dates_are_refused(value, reason):
    assert reason in _refusal(f"published: {value}")


def test_a_long_bad_value_is_cut_short_in_the_message():
    message = _refusal(f"published: {'9' * 500}")
    assert len(message) < 200 and "…" in message


def test_a_huge_number_as_a_title_is_text():
    assert _article("published: 2021-07-04\ntitle: 99999999999999999999").title == "99999999999999999999"


def test_plain_values_are_read_as_written():
    article = _article("published: 2021-07-04\ntitle: yes\nsource: ~\nurl: ''\nlanguage: hy")
    assert (article.title, article.source, article.url, article.language) == ("yes", "", "", "hy")


def test_parse_published_takes_the_date_of_a_datetime():
    assert parse_published(datetime(2021, 7, 4, 10, 30), "a.md", TODAY) == date(2021, 7, 4)


def test_bidi_and_control_characters_are_stripped_from_metadata():
    article = _article(
        'published: 2021-07-04\ntitle: "Shelling\\u202e near\\u200b Jermuk\\x07"\n'
        'source: "Wire\\u2066 A\\u2069"\nurl: "https://example.org/\\u200ea\\u200f"'
    )
    assert (article.title, article.source, article.url) == (
        "Shelling near Jermuk",
        "Wire A",
        "https://example.org/a",
    )


def test_bidi_characters_are_stripped_from_file_names(tmp_path):
    assert safe_name("report\u202egnp.md") == "reportgnp.md"
    assert safe_name("dir/\u2067evil\u2069.txt") == "evil.txt"
    path = tmp_path / "report\u202etxt.md"
    path.write_text(f"---\npublished: 2021-07-04\n---\n{BODY}", encoding="utf-8")
    article = read_path(path, today=TODAY)
    assert article.path == str(tmp_path / "reporttxt.md")
    bad = tmp_path / "empty\u202e.md"
    bad.write_bytes(b"")
    with pytest.raises(ArticleError) as err:
        read_path(bad)
    assert "\u202e" not in str(err.value) and str(err.value).startswith(str(tmp_path / "empty.md"))


def test_a_stray_byte_in_utf8_is_replaced_and_warned_about():
    data = "Ереван — “quoted” text ".encode() + b"\xff" + b" and more"
    decoded = decode(data, "a.md")
    assert decoded.text == "Ереван — “quoted” text \ufffd and more"
    (warning,) = decoded.warnings
    assert warning.startswith("1 byte not UTF-8 (the first at character 23) replaced")


def test_a_stray_byte_in_ascii_text_is_replaced_not_read_as_cyrillic():
    assert decode(b"Two soldiers \xe9 were wounded.", "a.md").text == "Two soldiers \ufffd were wounded."


def test_a_windows_1251_file_still_reads_with_a_note():
    decoded = decode("Ереван сообщил о перестрелке на границе.".encode("cp1251"), "a.txt")
    assert decoded.text == "Ереван сообщил о перестрелке на границе."
    assert "read as Windows-1251" in decoded.warnings[0]


def test_a_valid_file_has_no_warnings():
    assert decode("Ереван “quoted”".encode(), "a.md").warnings == ()


def test_the_article_carries_the_decoding_warning():
    data = f"---\npublished: 2021-07-04\n---\n{BODY}".encode() + b"Stray \x80 byte.\n"
    article = article_from_bytes("a.md", data, today=TODAY)
    assert "Stray \ufffd byte." in article.body
    assert len(article.warnings) == 1 and "1 byte not UTF-8" in article.warnings[0]


def test_an_unforeseen_failure_is_one_line_from_read_path_and_article_from_bytes(tmp_path, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("something\nwent wrong")

    monkeypatch.setattr(files, "parse_article", broken)
    path = tmp_path / "a.md"
    path.write_text(f"---\npublished: 2021-07-04\n---\n{BODY}", encoding="utf-8")
    for call in (lambda: read_path(path), lambda: article_from_bytes("a.md", path.read_bytes())):
        with pytest.raises(ArticleError) as err:
            call()
        assert "\n" not in str(err.value)
        assert "could not be read (RuntimeError: something went wrong)" in str(err.value)


def test_a_pipe_or_a_folder_named_as_an_article_is_refused_without_reading(tmp_path):
    pipe = tmp_path / "pipe.md"
    os.mkfifo(pipe)  # reading it would wait for a writer for ever
    for path in (pipe, tmp_path):
        with pytest.raises(ArticleError, match="not a file"):
            read_path(path)
