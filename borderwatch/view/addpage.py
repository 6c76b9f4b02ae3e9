"""The Add articles page's logic, without Streamlit: reading an upload once, what its preview shows,
what a save or a removal reports, and the table of stored articles.

An upload is known by its (name, size, sha256) key, so that the page can tell a file it has already
saved from a new one however often Streamlit reruns it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from borderwatch.articles import Article, ArticleError
from borderwatch.articles.files import Metadata, article_from_bytes, safe_name
from borderwatch.extract import extract_article
from borderwatch.extract.lexicon import Lexicon
from borderwatch.ingest import Outcome
from borderwatch.paths import GEO_DIR, LEXICON_DIR
from borderwatch.schema import EXTRACTED_TABLES, TABLES
from borderwatch.store.database import Rows, typed_frame
from borderwatch.view.highlight import Span, article_highlights

UploadKey = tuple[str, int, str]  # (safe name, size in bytes, sha256 hex digest)
PASTED_NAME = "pasted text"
# Singular and plural of what one row of each extracted table is, in the order the page lists them.
ROW_NOUNS: dict[str, tuple[str, str]] = {
    "events": ("event", "events"),
    "casualties": ("casualty figure", "casualty figures"),
    "troop_figures": ("troop figure", "troop figures"),
    "quotes": ("quote", "quotes"),
    "claims": ("claim", "claims"),
    "actors": ("actor", "actors"),
    "places": ("place", "places"),
}
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>$~|#])")
STORED_COLUMNS = ["title", "published", "source", "article_id", *EXTRACTED_TABLES, "extractor_version"]


def upload_key(name: str, data: bytes) -> UploadKey:
    """What identifies an upload across reruns: its safe name, its size and the SHA-256 of its bytes."""
    return safe_name(name), len(data), hashlib.sha256(data).hexdigest()


def widget_suffix(key: UploadKey) -> str:
    """A short, stable suffix for one upload's widget keys (two files may share content, not name)."""
    return hashlib.sha256(f"{key[0]}\0{key[2]}".encode()).hexdigest()[:12]


def markdown_literal(text: str) -> str:
    """Text that Streamlit's Markdown shows as written (a file name with * or $ is not formatting)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def metadata(title: str = "", published: date | None = None, source: str = "", url: str = "") -> Metadata:
    """The form's values as Metadata: an empty field says nothing, so the file's own value stands."""
    return Metadata(title.strip() or None, published, source.strip() or None, url.strip() or None)


# -- reading an upload ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Draft:
    """An upload as first read: what it says about itself (to pre-fill the form), or why it cannot be read."""

    name: str
    key: UploadKey
    defaults: Metadata
    problem: str | None = None  # the whole message, naming the file

    @property
    def needs_date(self) -> bool:
        return self.problem is None and self.defaults.published is None


def read_upload(name: str, data: bytes, today: date) -> Draft:
    """Read an upload with no metadata given; a file whose only fault is a missing date (bare text, a
    page without one) is not an error: the user gives the date in the form."""
    key = upload_key(name, data)
    try:
        found = article_from_bytes(name, data, Metadata(), today)
        return Draft(key[0], key, _defaults(found, found.published))
    except ArticleError as first:
        try:  # a stand-in date: if that is enough, the date was all that was missing
            found = article_from_bytes(name, data, Metadata(published=today), today)
        except ArticleError:
            return Draft(key[0], key, Metadata(), str(first))
        return Draft(key[0], key, _defaults(found, None))


def _defaults(article: Article, published: date | None) -> Metadata:
    return Metadata(article.title, published, article.source, article.url)


@dataclass(frozen=True)
class Candidate:
    """An article the user means to save, read with the metadata they gave, or why it cannot be yet."""

    key: UploadKey
    name: str
    article: Article | None
    problem: str | None = None


# -- the preview --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Preview:
    """What saving an article will extract: rows per table, and where they are in its body."""

    article: Article
    counts: dict[str, int]
    spans: tuple[Span, ...]


def preview(article: Article, lexicon: Lexicon) -> Preview:
    """Extract an article without storing it."""
    rows = extract_article(article, lexicon)
    return Preview(article, row_counts(rows), tuple(highlight_spans(article.body, rows)))


def row_counts(rows: Rows) -> dict[str, int]:
    """Rows per extracted table (every table, 0 when it has none)."""
    return {name: len(rows.get(name, ())) for name in EXTRACTED_TABLES}


def highlight_spans(body: str, rows: Rows) -> list[Span]:
    """The extracted rows as spans to mark in the body: actors, places, date phrases, numbers, quotes."""
    frames = {name: typed_frame(TABLES[name], rows.get(name, [])) for name in EXTRACTED_TABLES}
    return [
        Span(m.start, m.end, m.kind, title=f"{m.kind} → " + "; ".join(f"{t} {rid}" for t, rid in m.rows))
        for m in article_highlights(body, frames)
    ]


def describe_counts(counts: Mapping[str, int]) -> str:
    """'2 events, 1 casualty figure, 0 troop figures, … and 1 place'."""
    parts = [_count(counts.get(name, 0), *nouns) for name, nouns in ROW_NOUNS.items()]
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def _count(n: int, singular: str, plural: str) -> str:
    return f"{n} {singular if n == 1 else plural}"


# -- what an action reports ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Result:
    """A message for the page: level is success, info or error; article_id links to the Article page."""

    level: str
    text: str
    article_id: str | None = None


def outcome_result(outcome: Outcome, title: str = "") -> Result:
    """What saving one article did, in a sentence naming the file."""
    named = f"“{title}”" if title else "the article"
    if outcome.status == "unchanged":
        return Result(
            "info",
            f"{outcome.name}: {named} is already in the store (article {outcome.article_id}); "
            "nothing was changed.",
            outcome.article_id,
        )
    counts = {k: v for k, v in outcome.counts.items() if k != "articles"}
    verb = "replaced" if outcome.status == "replaced" else "added"
    return Result(
        "success",
        f"{outcome.name}: {verb} {named} as article {outcome.article_id} with {describe_counts(counts)}.",
        outcome.article_id,
    )


def reextract_result(outcome: Outcome, title: str) -> Result:
    counts = {k: v for k, v in outcome.counts.items() if k != "articles"}
    return Result("success", f"Re-extracted “{title}”: {describe_counts(counts)}.", outcome.article_id)


# -- the stored articles ------------------------------------------------------------------------------
def stored_table(articles: pd.DataFrame, tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per stored article: its title, date, source and id, and how many rows it has in each table."""
    frame = articles.loc[:, ["title", "published", "source", "article_id", "extractor_version"]].copy()
    for name in EXTRACTED_TABLES:
        rows = tables.get(name)
        per_article = rows["article_id"].value_counts() if rows is not None else pd.Series(dtype="Int64")
        frame[name] = frame["article_id"].map(per_article).fillna(0).astype("Int64")
    return frame.loc[:, STORED_COLUMNS].reset_index(drop=True)


def article_label(title: object, published: object, source: object, article_id: str) -> str:
    """How the manage section names an article: '2021-07-29 · Title — Source (id)'."""
    day = published.strftime("%Y-%m-%d") if hasattr(published, "strftime") else str(published)
    return f"{day} · {title or 'untitled'} — {source or 'no source'} ({article_id})"


def row_total(table_row: pd.Series) -> int:
    """All the extracted rows of one article (a row of stored_table)."""
    return int(sum(int(table_row[name]) for name in EXTRACTED_TABLES))


def forget_article(saved: dict[UploadKey, Result], article_id: str) -> None:
    """Forget that uploads were saved once their article is removed, so they can be added again."""
    for key in [k for k, result in saved.items() if result.article_id == article_id]:
        del saved[key]


def lexicon_signature(paths: Sequence[Path] = (LEXICON_DIR, GEO_DIR)) -> tuple[tuple[str, int, int], ...]:
    """(file, mtime, size) of every lexicon and gazetteer file: changes when an analyst edits one."""
    files = sorted(f for p in paths for f in Path(p).glob("*.csv"))
    return tuple((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in files)
