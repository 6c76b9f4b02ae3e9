"""Reading article files: YAML front matter, body, identity; and the checks that refuse bad input."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

import yaml

MAX_ARTICLE_BYTES = 5 * 1024 * 1024
ARTICLE_SUFFIXES = (".md", ".markdown", ".txt")
MAX_FRONT_MATTER_CHARS = 64 * 1024
MAX_FIELD_CHARS = 2000  # a title, source or URL longer than this is not metadata
EARLIEST_YEAR = 1900
MAX_MESSAGE_VALUE_CHARS = 40  # how much of a bad value an error message repeats

_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_WHITESPACE = re.compile(r"\s+")
# A date, optionally with a time and a zone (YAML's timestamp form); only the date is kept.
_DATE = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:(?:[Tt]|[ \t]+)(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-6]\d(?:\.\d+)?)?[ \t]*(?:Z|[+-](?:[01]?\d|2[0-3])(?::?[0-5]\d)?)?)?"
)
_NULLS = ("", "~", "null", "Null", "NULL")  # YAML's plain spellings of "no value"
_KEPT_CONTROLS = "\n\t"
_NOT_UTF8 = re.compile("[\udc80-\udcff]")  # the lone surrogates surrogateescape makes of invalid bytes
_ASCII = bytes(range(128))
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when PyYAML has it


def strip_controls(text: str) -> str:
    """Text without control and format characters (Unicode Cc/Cf: bidi overrides, zero-width marks),
    keeping newlines and tabs; a name shown to a user cannot then reorder or hide what follows it."""
    return "".join(ch for ch in text if ch in _KEPT_CONTROLS or unicodedata.category(ch) not in ("Cc", "Cf"))


def one_line(text: str) -> str:
    """Text for one line of metadata or a message: no control characters, whitespace runs as one space."""
    return _WHITESPACE.sub(" ", strip_controls(text)).strip()


def _shown(value: object) -> str:
    """A bad value as an error message repeats it: quoted, escaped and cut short."""
    text = str(value)
    cut = text[:MAX_MESSAGE_VALUE_CHARS] + ("…" if len(text) > MAX_MESSAGE_VALUE_CHARS else "")
    return repr(cut)


class ArticleError(ValueError):
    """An article that cannot be read; the message is one line saying what is wrong and what to do."""

    def __init__(self, source: str, problem: str):
        source, problem = one_line(str(source)), one_line(problem)
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


def unexpected(source: str, err: Exception) -> ArticleError:
    """An ArticleError for a failure no check foresaw: one line, never a traceback."""
    detail = one_line(str(err))[:120]
    return ArticleError(
        source,
        f"the file could not be read ({type(err).__name__}{': ' + detail if detail else ''}); "
        "check that it is an article saved as .md, .txt or .html",
    )


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
    warnings: tuple[str, ...] = ()  # things the reader repaired (e.g. bytes that were not UTF-8)


@dataclass(frozen=True)
class Decoded:
    text: str
    warnings: tuple[str, ...] = ()


def article_id_for(body: str) -> str:
    """First 12 hex digits of the SHA-256 of the body with whitespace normalised."""
    normalised = _WHITESPACE.sub(" ", body).strip()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:12]


def parse_published(value: object, source: str, today: date | None = None) -> date:
    """The publication date from a front-matter value; refuses missing, invalid, early and future dates.

    A date with a time ("2021-07-04T10:30:00Z", "2021-07-04 10:30") gives its date.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ArticleError(source, "no 'published' date; add 'published: YYYY-MM-DD' to the front matter")
    if isinstance(value, datetime):
        published = value.date()
    elif isinstance(value, date):
        published = value
    else:
        published = _date_from_text(str(value).strip(), source)
    if published.year < EARLIEST_YEAR:
        raise ArticleError(
            source, f"'published' {published.isoformat()} is before {EARLIEST_YEAR}; check the date"
        )
    if published > (today or date.today()):
        raise ArticleError(source, f"'published' {published.isoformat()} is in the future; check the date")
    return published


def _date_from_text(text: str, source: str) -> date:
    """YYYY-MM-DD, optionally followed by a time, as a date; an impossible day is refused."""
    match = _DATE.fullmatch(text)
    if not match:
        raise ArticleError(
            source, f"'published' is {_shown(text)}, not a date; write it as YYYY-MM-DD (e.g. 2021-07-04)"
        )
    year, month, day = (int(match.group(i)) for i in (1, 2, 3))
    try:
        return date(year, month, day)
    except ValueError:
        raise ArticleError(
            source, f"'published' {_shown(text)} is not a day of the calendar; check the date"
        ) from None


def _too_large(size: int, source: str) -> ArticleError:
    return ArticleError(
        source,
        f"the file is {size / 1e6:.1f} MB, over the {MAX_ARTICLE_BYTES // (1024 * 1024)} MB limit "
        "for one article; split it or remove what is not the article",
    )


def decode_text(data: bytes, source: str) -> str:
    """Bytes of a text file as str (see `decode`); what was repaired is not reported."""
    return decode(data, source).text


def decode(data: bytes, source: str) -> Decoded:
    """Bytes of a text file as str: UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1251.

    Which of UTF-8 and Windows-1251 is decided by the share of bytes that are not UTF-8: when most
    non-ASCII bytes are not, the file is in the legacy encoding; a stray one among valid UTF-8 is
    damage, replaced by U+FFFD with a warning.
    """
    if not data.strip():
        raise ArticleError(source, "the file is empty; nothing to read")
    if len(data) > MAX_ARTICLE_BYTES:
        raise _too_large(len(data), source)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return Decoded(data.decode("utf-16"))
        except UnicodeDecodeError:
            raise ArticleError(
                source, "the file starts as UTF-16 but is not valid UTF-16; save it as UTF-8"
            ) from None
    if b"\x00" in data:
        raise ArticleError(source, "the file is binary, not text; save the article as .md or .txt (UTF-8)")
    escaped = data.decode("utf-8-sig", errors="surrogateescape")
    invalid = len(_NOT_UTF8.findall(escaped))
    if not invalid:
        return Decoded(escaped)
    non_ascii = len(data.translate(None, _ASCII))
    if invalid > 1 and 2 * invalid > non_ascii:
        legacy = _legacy(data)
        if legacy is not None:
            return legacy
    first = _NOT_UTF8.search(escaped).start()
    plural = "s" if invalid > 1 else ""
    return Decoded(
        _NOT_UTF8.sub("\ufffd", escaped),
        (
            f"{invalid} byte{plural} not UTF-8 (the first at character {first}) replaced with \ufffd; "
            "save the file as UTF-8 to keep them",
        ),
    )


def _legacy(data: bytes) -> Decoded | None:
    """A file in Windows-1251, or None when it is not that either."""
    try:
        text = data.decode("cp1251")
    except UnicodeDecodeError:
        return None
    return Decoded(
        text,
        ("the file is not UTF-8; it was read as Windows-1251 (if letters look wrong, save it as UTF-8)",),
    )


def read_front_matter(yaml_text: str, source: str) -> dict[str, str | None]:
    """The front matter's `key: value` lines as text (None for an empty value), checked before any
    value is built: YAML aliases and anchors (which can expand a few bytes into gigabytes), lists,
    mappings and oversize fields are refused."""
    if len(yaml_text) > MAX_FRONT_MATTER_CHARS:
        raise ArticleError(
            source,
            f"the front matter is over {MAX_FRONT_MATTER_CHARS // 1024} KB; keep only title, published, "
            "source, url and language in it",
        )
    try:
        # Events are read one by one and never built into values: an alias costs one event, and the
        # first list, mapping or reference ends the reading (the pure-Python parser is quadratic in
        # the depth of nested brackets, so it must not be left to read them all).
        return _fields(yaml.parse(yaml_text, Loader=_YAML_LOADER), source)
    except yaml.YAMLError as err:
        raise ArticleError(
            source, f"the front matter is not valid YAML ({err.__class__.__name__}); fix it"
        ) from None


def _fields(events: Iterable[yaml.Event], source: str) -> dict[str, str | None]:
    """Walk the parser's events: one mapping of scalar keys to scalar values, nothing else."""
    fields: dict[str, str | None] = {}
    key: str | None = None
    in_mapping = documents = 0
    for event in events:
        _refuse_references(event, source)
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise ArticleError(source, "the front matter holds more than one YAML document; keep one")
        elif isinstance(event, yaml.MappingStartEvent) and not in_mapping and key is None:
            in_mapping = 1
        elif isinstance(event, yaml.MappingEndEvent) and in_mapping:
            in_mapping = 0
        elif isinstance(event, yaml.ScalarEvent) and in_mapping:
            if key is None:
                key = _checked(event.value, "a key", source)
                if key in fields:
                    raise ArticleError(source, f"'{_key_name(key)}' is given twice in the front matter")
            else:
                fields[key] = _scalar(event, key, source)
                key = None
        elif isinstance(event, yaml.ScalarEvent) and not event.value.strip() and not event.style:
            continue  # an empty front matter: no fields
        elif isinstance(event, yaml.CollectionStartEvent | yaml.ScalarEvent):
            raise ArticleError(source, _not_a_field(key, in_mapping))
    return fields


def _refuse_references(event: yaml.Event, source: str) -> None:
    if isinstance(event, yaml.AliasEvent):
        raise ArticleError(source, "the front matter uses a YAML alias (*); write each value out in full")
    if getattr(event, "anchor", None) is not None:
        raise ArticleError(source, "the front matter uses a YAML anchor (&); write each value out in full")


def _not_a_field(key: str | None, in_mapping: int) -> str:
    if not in_mapping:
        return "the front matter must be 'key: value' lines"
    if key is None:
        return "a front-matter key must be a plain word (e.g. 'title')"
    return (
        f"'{_key_name(key)}' in the front matter is a list or a mapping; give it one value on its line "
        "(in quotes if it starts with [ or {)"
    )


def _key_name(key: str) -> str:
    return one_line(key)[:MAX_MESSAGE_VALUE_CHARS]


def _scalar(event: yaml.ScalarEvent, key: str, source: str) -> str | None:
    if not event.style and event.value in _NULLS:
        return None
    return _checked(event.value, f"'{_key_name(key)}'", source)


def _checked(value: str, what: str, source: str) -> str:
    if len(value) > MAX_FIELD_CHARS:
        raise ArticleError(
            source,
            f"{what} in the front matter is {len(value)} characters long, over the "
            f"{MAX_FIELD_CHARS}-character limit for a field; shorten it",
        )
    return value


def parse_article(text: str, source: str, today: date | None = None) -> Article:
    """An Article from a file's text: front matter (title, published, source, url, language) then body.

    Every failure, foreseen or not, is an ArticleError with a one-line message.
    """
    try:
        return _parse_article(text, source, today)
    except ArticleError:
        raise
    except Exception as err:  # a failure no check foresaw still names the file, on one line
        raise unexpected(source, err) from None


def _parse_article(text: str, source: str, today: date | None) -> Article:
    match = _FRONT_MATTER.match(text)
    if not match:
        raise ArticleError(
            source,
            "no front matter; start the file with '---', then 'title:' and 'published: YYYY-MM-DD' lines, then '---'",
        )
    meta = read_front_matter(match.group(1), source)
    published = parse_published(meta.get("published"), source, today)
    body = text[match.end() :]
    if not body.strip():
        raise ArticleError(source, "the article has no body after the front matter; paste the text below it")
    return Article(
        article_id=article_id_for(body),
        title=one_line(meta.get("title") or ""),
        published=published,
        source=one_line(meta.get("source") or ""),
        url=one_line(meta.get("url") or ""),
        path=source,
        language=one_line(meta.get("language") or "") or "en",
        body=body,
    )
