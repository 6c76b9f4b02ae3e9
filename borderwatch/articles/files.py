"""Article files, uploads and pasted text → checked Articles.

Shared by the command line and the dashboard's Add page, so both accept the same formats and refuse the
same bad input with the same messages. Reading an article needs neither the extractor nor the store.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path, PurePath

from borderwatch.articles import (
    ARTICLE_SUFFIXES,
    MAX_ARTICLE_BYTES,
    Article,
    ArticleError,
    article_id_for,
    decode,
    one_line,
    parse_article,
    parse_published,
    strip_controls,
    unexpected,
)

HTML_SUFFIXES = (".html", ".htm")
ACCEPTED_SUFFIXES = (*ARTICLE_SUFFIXES, *HTML_SUFFIXES)
_UNSAFE_NAME = re.compile(r"[\x00-\x1f\\/:*?\"<>|]+")
# A bare file can take its date from front matter; pasted text only from the form's Published field.
NO_DATE_IN_FILE = "no published date; enter it as YYYY-MM-DD (the file has no front matter)"
NO_DATE_IN_TEXT = (
    "no published date; enter the date the article was published in the Published field (YYYY-MM-DD)"
)


@dataclass(frozen=True)
class Metadata:
    """Metadata given by the user; a value here wins over what the file says."""

    title: str | None = None
    published: date | str | None = None
    source: str | None = None
    url: str | None = None


def safe_name(name: str) -> str:
    """A display name for an uploaded file: its last path component, without path, control or bidi characters."""
    base = PurePath(name.replace("\\", "/")).name
    cleaned = strip_controls(_UNSAFE_NAME.sub("_", base)).strip(" .")
    return cleaned or "unnamed"


def article_from_bytes(
    name: str, data: bytes, meta: Metadata = Metadata(), today: date | None = None
) -> Article:
    """An Article from an uploaded or read file: .md/.txt with front matter, bare text with metadata, or .html.

    Every failure, foreseen or not, is an ArticleError with a one-line message naming the file.
    """
    name = safe_name(name)
    try:
        decoded = decode(data, name)
        article = _article_from_text_of(name, decoded.text, meta, today)
    except ArticleError:
        raise
    except Exception as err:  # a failure no check foresaw still names the file, on one line
        raise unexpected(name, err) from None
    return replace(article, warnings=article.warnings + decoded.warnings) if decoded.warnings else article


def _article_from_text_of(name: str, text: str, meta: Metadata, today: date | None) -> Article:
    """An Article from a file's decoded text, by the kind of file its name says it is."""
    suffix = Path(name).suffix.lower()
    if suffix not in ACCEPTED_SUFFIXES:
        raise ArticleError(
            name, f"'{suffix or 'no extension'}' files are not articles; use .md, .txt or .html"
        )
    if suffix in HTML_SUFFIXES:
        from borderwatch.articles.webpage import article_from_html

        return article_from_html(
            text,
            name,
            title=meta.title,
            published=meta.published,
            site=meta.source,
            url=meta.url,
            today=today,
        )
    if text.lstrip("\ufeff").startswith("---"):
        article = parse_article(text, name, today)
        return _override(article, meta, today)
    return article_from_text(text, name, meta, today, from_file=True)


def article_from_text(
    text: str, name: str, meta: Metadata, today: date | None = None, *, from_file: bool = False
) -> Article:
    """An Article from bare text (pasted, or with ``from_file`` a .txt without front matter) and the
    metadata the user gave."""
    body = text.strip() + "\n"
    if not text.strip():
        raise ArticleError(name, "the text is empty; paste the article's text")
    if len(body.encode("utf-8")) > MAX_ARTICLE_BYTES:
        raise ArticleError(name, "the text is over the 5 MB limit for one article")
    if meta.published is None or meta.published == "":
        raise ArticleError(name, NO_DATE_IN_FILE if from_file else NO_DATE_IN_TEXT)
    return Article(
        article_id=article_id_for(body),
        title=one_line(meta.title or ""),
        published=parse_published(meta.published, name, today),
        source=one_line(meta.source or ""),
        url=one_line(meta.url or ""),
        path=name,
        language="en",
        body=body,
    )


def _override(article: Article, meta: Metadata, today: date | None) -> Article:
    published = parse_published(meta.published, article.path, today) if meta.published else article.published
    return replace(
        article,
        title=one_line(meta.title or "") or article.title,
        published=published,
        source=one_line(meta.source or "") or article.source,
        url=one_line(meta.url or "") or article.url,
    )


def files_in(paths: Iterable[Path]) -> list[Path]:
    """Article files named, with folders searched recursively, in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ACCEPTED_SUFFIXES)
            )
        else:
            found.append(path)
    return found


_OVER_LIMIT = (
    f"the file is over the {MAX_ARTICLE_BYTES // (1024 * 1024)} MB limit for one article; "
    "split it or remove what is not the article"
)


def read_path(path: Path, meta: Metadata = Metadata(), today: date | None = None) -> Article:
    """Read one article file from disk (size checked before reading); raises only ArticleError."""
    shown = one_line(str(path))  # the path as messages and the store show it: no bidi or control characters
    try:
        if path.stat().st_size > MAX_ARTICLE_BYTES:
            raise ArticleError(shown, _OVER_LIMIT)
        if path.exists() and not path.is_file():
            raise ArticleError(shown, "not a file (a folder, device or pipe); name an article file")
        with path.open("rb") as handle:
            data = handle.read(MAX_ARTICLE_BYTES + 1)  # a file still growing is not read without end
        if len(data) > MAX_ARTICLE_BYTES:
            raise ArticleError(shown, _OVER_LIMIT)
        article = article_from_bytes(path.name, data, meta, today)
    except ArticleError as err:
        raise ArticleError(shown, err.problem) from None
    except OSError as err:
        raise ArticleError(shown, f"cannot read the file ({err.strerror or err}); check the path") from None
    except Exception as err:  # a failure no check foresaw still names the file, on one line
        raise unexpected(shown, err) from None
    return replace(article, path=shown)
