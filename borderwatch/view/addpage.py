"""The Add articles page's logic, without Streamlit: reading an upload once, what its preview shows,
what a save or a removal reports, and the table of stored articles.

An upload is known by its (name, size, sha256) key, so that the page can tell a file it has already
saved from a new one however often Streamlit reruns it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from borderwatch.articles import Article, ArticleError
from borderwatch.articles.files import Metadata, article_from_bytes, article_from_text, safe_name
from borderwatch.extract import EXTRACTOR_VERSION, extract_article
from borderwatch.extract.lexicon import Lexicon
from borderwatch.ingest import Outcome, reextract_all, store_article
from borderwatch.paths import GEO_DIR, LEXICON_DIR
from borderwatch.schema import EXTRACTED_TABLES, TABLES, TableRows
from borderwatch.store.database import Store, typed_frame
from borderwatch.view.highlight import Mark, article_highlights
from borderwatch.view.text import article_label, plural, table_rows

UploadKey = tuple[str, int, str]  # (safe name, size in bytes, sha256 hex digest)
Progress = Callable[[int, int, str], None]  # (done, total, what is being done now)
PASTED_NAME = "pasted text"
COUNTED_TABLES = ("events", "casualties", "troop_figures", "quotes", "claims", "actors", "places")  # as said
STORED_COLUMNS = ["title", "published", "source", "article_id", *EXTRACTED_TABLES, "extractor_version"]


def upload_key(name: str, data: bytes) -> UploadKey:
    """What identifies an upload across reruns: its safe name, its size and the SHA-256 of its bytes."""
    return safe_name(name), len(data), hashlib.sha256(data).hexdigest()


def distinct_uploads(uploads: Iterable[tuple[str, bytes]]) -> tuple[list[tuple[str, bytes]], list[str]]:
    """The uploads once each, in order (by upload_key), and the safe names of those chosen again."""
    seen: set[UploadKey] = set()
    once, again = [], []
    for name, data in uploads:
        key = upload_key(name, data)
        if key in seen:
            again.append(key[0])
        else:
            seen.add(key)
            once.append((name, data))
    return once, again


def widget_suffix(key: UploadKey) -> str:
    """A short, stable suffix for one upload's widget keys (two files may share content, not name)."""
    return hashlib.sha256(f"{key[0]}\0{key[2]}".encode()).hexdigest()[:12]


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
    marks: tuple[Mark, ...]
    problem: str = ""  # why nothing could be extracted (the article is over its time budget)


# A preview runs while the user waits on the page: it gives up sooner than an ingest does.
PREVIEW_SECONDS = 10.0


def preview(article: Article, lexicon: Lexicon, seconds: float = PREVIEW_SECONDS) -> Preview:
    """Extract an article without storing it; an article the extractor refuses is a Preview with its problem."""
    try:
        rows = extract_article(article, lexicon, seconds=seconds)
    except ArticleError as err:
        return Preview(article, row_counts({}), (), problem=str(err))
    return Preview(article, row_counts(rows), tuple(highlight_marks(article.body, rows)))


def row_counts(rows: TableRows) -> dict[str, int]:
    """Rows per extracted table (every table, 0 when it has none)."""
    return {name: len(rows.get(name, ())) for name in EXTRACTED_TABLES}


def highlight_marks(body: str, rows: TableRows) -> list[Mark]:
    """The extracted rows as spans to mark in the body: actors, places, date phrases, numbers, quotes."""
    frames = {name: typed_frame(TABLES[name], rows.get(name, [])) for name in EXTRACTED_TABLES}
    return [
        Mark(m.start, m.end, m.kind, title=f"{m.kind} → " + "; ".join(f"{t} {rid}" for t, rid in m.rows))
        for m in article_highlights(body, frames)
    ]


def describe_counts(counts: Mapping[str, int]) -> str:
    """'2 events, 1 casualty figure, 0 troop figures, … and 1 place'."""
    parts = [table_rows(counts.get(name, 0), name) for name in COUNTED_TABLES]
    return ", ".join(parts[:-1]) + " and " + parts[-1]


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


def manage_label(title: object, published: object, source: object, article_id: str) -> str:
    """How the manage section names an article: its label and its id, '2021-07-29 · Title — Source (id)'."""
    return f"{article_label(title, published, source)} ({article_id})"


def row_total(table: pd.DataFrame, article_id: str) -> int:
    """All the extracted rows of one article of stored_table."""
    (row,) = table.loc[table["article_id"] == article_id, list(EXTRACTED_TABLES)].itertuples(index=False)
    return int(sum(int(n) for n in row))


def forget_article(saved: dict[UploadKey, Result], article_id: str) -> None:
    """Forget that uploads were saved once their article is removed, so they can be added again."""
    for key in [k for k, result in saved.items() if result.article_id == article_id]:
        del saved[key]


def lexicon_signature(paths: Sequence[Path] = (LEXICON_DIR, GEO_DIR)) -> tuple[tuple[str, int, int], ...]:
    """(file, mtime, size) of every lexicon and gazetteer file: changes when an analyst edits one."""
    files = sorted(f for p in paths for f in Path(p).glob("*.csv"))
    return tuple((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in files)


# -- what the page's actions do ---------------------------------------------------------------------
def stored_versions(articles: pd.DataFrame) -> dict[str, str]:
    """article_id → the extractor version that stored it, for every stored article."""
    return dict(zip(articles["article_id"], articles["extractor_version"], strict=True))


def stored_note(article_id: str, stored: Mapping[str, str]) -> str | None:
    """What saving an article already in the store would do (None when it is new)."""
    if stored.get(article_id) == EXTRACTOR_VERSION:
        return f"Already in the store as article {article_id}: saving it again changes nothing."
    if article_id in stored:
        return f"In the store as article {article_id}, by an older extractor: saving re-extracts it."
    return None


def upload_candidate(draft: Draft, data: bytes, meta: Metadata, today: date) -> Candidate:
    """An upload read with the metadata the user gave, or why it cannot be saved yet."""
    try:
        return Candidate(draft.key, draft.name, article_from_bytes(draft.name, data, meta, today))
    except ArticleError as err:
        return Candidate(draft.key, draft.name, None, str(err))


def pasted_candidate(text: str, meta: Metadata, today: date) -> Candidate:
    """Pasted text read with the metadata the user gave, or why it cannot be saved yet."""
    key = upload_key(PASTED_NAME, text.encode("utf-8"))
    try:
        return Candidate(key, PASTED_NAME, article_from_text(text, PASTED_NAME, meta, today))
    except ArticleError as err:
        return Candidate(key, PASTED_NAME, None, str(err))


def save_label(candidates: Sequence[Candidate]) -> str:
    """'Save 2 articles', or 'Save' when none is ready."""
    ready = sum(c.article is not None for c in candidates)
    return f"Save {plural(ready, 'article')}" if ready else "Save"


def save(
    store: Store, candidates: Sequence[Candidate], lexicon: Lexicon, progress: Progress
) -> tuple[dict[UploadKey, Result], list[Result]]:
    """Save the ready candidates, each in its own transaction: what each save did, and the others' faults."""
    ready = [c for c in candidates if c.article is not None]
    saved = {}
    for done, candidate in enumerate(ready):
        progress(done, len(ready), candidate.name)
        outcome = store_article(store, candidate.article, lexicon)
        saved[candidate.key] = outcome_result(outcome, candidate.article.title)
    problems = [Result("error", f"Not saved: {c.problem}.") for c in candidates if c.article is None]
    return saved, problems


def reextract_one(store: Store, article_id: str, lexicon: Lexicon, label: str) -> Result:
    """Read one stored article again with the lexicon as it is now."""
    article = store.article(article_id)
    if article is None:
        return Result("info", f"{label} is no longer in the store.")
    outcome = store_article(store, article, lexicon, force=True)
    return reextract_result(outcome, article.title or label)


def reextract_every(store: Store, lexicon: Lexicon, progress: Progress) -> Result:
    """Read every stored article again with the lexicon as it is now."""
    outcomes = reextract_all(store, lexicon, progress)
    refused = [o for o in outcomes if o.status == "error"]
    if not refused:
        return Result("success", f"Re-extracted all {len(outcomes)} articles with the lexicon as it is now.")
    return Result(
        "error",
        f"Re-extracted {len(outcomes) - len(refused)} of {len(outcomes)} articles; "
        f"{plural(len(refused), 'article')} kept {'its' if len(refused) == 1 else 'their'} stored rows: "
        + "; ".join(f"{o.name}: {o.message}" for o in refused),
    )


def removal_question(label: str, n_rows: int) -> str:
    return (
        f"Remove {label} and its {n_rows} extracted rows from every table? "
        "This cannot be undone; add the file again to bring it back."
    )


def remove(store: Store, article_id: str, label: str, saved: dict[UploadKey, Result]) -> Result:
    """Remove an article and its rows; its uploads may then be saved again."""
    removed = store.remove(article_id)
    forget_article(saved, article_id)
    return Result("success", f"Removed {label} and its rows." if removed else f"{label} was already gone.")


def manage_labels(table: pd.DataFrame) -> dict[str, str]:
    """article_id → how the manage section names it, for every row of stored_table."""
    return {
        r.article_id: manage_label(r.title, r.published, r.source, r.article_id)
        for r in table.itertuples(index=False)
    }
