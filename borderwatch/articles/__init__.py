"""Reading article files: YAML front matter, body, identity; and the checks that refuse bad input."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date

import yaml

MAX_ARTICLE_BYTES = 5 * 1024 * 1024
ARTICLE_SUFFIXES = (".md", ".markdown", ".txt")

_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_WHITESPACE = re.compile(r"\s+")


class ArticleError(ValueError):
    """An article that cannot be read; the message says what is wrong and what to do."""

    def __init__(self, source: str, problem: str):
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


@dataclass(frozen=True)
class Article:
    article_id: str
    title: str
    published: date
    source: str
    url: str
    path: str
    language: str
    body: str


def article_id_for(body: str) -> str:
    """First 12 hex digits of the SHA-256 of the body with whitespace normalised."""
    normalised = _WHITESPACE.sub(" ", body).strip()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:12]


def parse_published(value: object, source: str, today: date | None = None) -> date:
    """The publication date from a front-matter value; refuses missing, invalid and future dates."""
    if value is None or value == "":
        raise ArticleError(source, "no 'published' date; add 'published: YYYY-MM-DD' to the front matter")
    if isinstance(value, date):
        published = value
    else:
        try:
            published = date.fromisoformat(str(value).strip()[:10])
        except ValueError:
            raise ArticleError(
                source, f"'published' is {value!r}, not a date; write it as YYYY-MM-DD (e.g. 2021-07-04)"
            ) from None
    if published > (today or date.today()):
        raise ArticleError(source, f"'published' {published.isoformat()} is in the future; check the date")
    return published


def _too_large(size: int, source: str) -> ArticleError:
    return ArticleError(
        source,
        f"the file is {size / 1e6:.1f} MB, over the {MAX_ARTICLE_BYTES // (1024 * 1024)} MB limit "
        "for one article; split it or remove what is not the article",
    )


def decode_text(data: bytes, source: str) -> str:
    """Bytes of a text file as str; UTF-8 (with or without BOM) or UTF-16 with BOM, else a clear refusal."""
    if not data.strip():
        raise ArticleError(source, "the file is empty; nothing to read")
    if len(data) > MAX_ARTICLE_BYTES:
        raise _too_large(len(data), source)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ArticleError(
                source, "the file starts as UTF-16 but is not valid UTF-16; save it as UTF-8"
            ) from None
    if b"\x00" in data:
        raise ArticleError(source, "the file is binary, not text; save the article as .md or .txt (UTF-8)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        try:
            text = data.decode("cp1251")
        except UnicodeDecodeError:
            raise ArticleError(
                source, f"the file is not UTF-8 text (byte {err.start}); save it as UTF-8 and try again"
            ) from None
        return text


def parse_article(text: str, source: str, today: date | None = None) -> Article:
    """An Article from a file's text: front matter (title, published, source, url, language) then body."""
    match = _FRONT_MATTER.match(text)
    if not match:
        raise ArticleError(
            source,
            "no front matter; start the file with '---', then 'title:' and 'published: YYYY-MM-DD' lines, then '---'",
        )
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as err:
        raise ArticleError(
            source, f"the front matter is not valid YAML ({err.__class__.__name__}); fix it"
        ) from None
    if not isinstance(meta, dict):
        raise ArticleError(source, "the front matter must be 'key: value' lines")
    published = parse_published(meta.get("published"), source, today)
    body = text[match.end() :]
    if not body.strip():
        raise ArticleError(source, "the article has no body after the front matter; paste the text below it")
    return Article(
        article_id=article_id_for(body),
        title=str(meta.get("title") or "").strip(),
        published=published,
        source=str(meta.get("source") or "").strip(),
        url=str(meta.get("url") or "").strip(),
        path=source,
        language=str(meta.get("language") or "en").strip(),
        body=body,
    )
