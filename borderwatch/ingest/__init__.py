"""Adding articles: files and folders → extract → the store.

Shared by the command line and the dashboard's Add page. Files are read and extracted on every core
(the lexicon loaded once per worker process), outside any transaction; one writer stores them in
short transactions of a few articles, each article whole or absent, and links each with the stored
ones (`ingest.claims`). An article already stored by this extractor version is not extracted again.
A bad file, or any failure of one article, is one 'error' outcome and the others still go in.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from borderwatch.articles import Article, ArticleError
from borderwatch.articles.files import Metadata, files_in, read_path
from borderwatch.extract import EXTRACTOR_VERSION, extract_article
from borderwatch.extract.lexicon import Lexicon, default_lexicon
from borderwatch.ingest.claims import link_claims
from borderwatch.schema import TableRows
from borderwatch.store.database import IngestResult, Store, StoreError, Writer

BATCH_ARTICLES = 32  # articles per write transaction
BATCH_SECONDS = 0.5  # ... or fewer, so that the write lock is let go at least this often
POOL_FROM = 6  # fewer files than this are extracted in this process (a pool takes a second to start)
CHUNK = 8  # files per task sent to a worker
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class Outcome:
    name: str
    status: str  # added, replaced, unchanged, error
    article_id: str | None = None
    message: str = ""
    counts: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class _Read:
    """One file after the worker: its article and rows, unchanged (no rows), or an error."""

    name: str
    article: Article | None = None
    rows: TableRows | None = None
    error: str = ""


def store_article(store: Store | Writer, article: Article, lexicon: Lexicon, force: bool = False) -> Outcome:
    """Extract and store one article (one transaction); already stored by this extractor version: unchanged.

    The article is extracted before the store is opened for writing, and not at all when unchanged."""
    if (
        not force
        and isinstance(store, Store)
        and store.stored_version(article.article_id) == EXTRACTOR_VERSION
    ):
        return Outcome(article.path, "unchanged", article.article_id, "already in the store")
    rows = extract_article(article, lexicon)
    return _outcome(
        article.path, store.ingest(article, rows, EXTRACTOR_VERSION, force=force, link=link_claims)
    )


def store_extracted(
    store: Store | Writer,
    article: Article,
    rows: TableRows,
    version: str = EXTRACTOR_VERSION,
    force: bool = False,
) -> IngestResult:
    """Store one article's extracted rows and link it with the stored articles (one transaction)."""
    return store.ingest(article, rows, version, force=force, link=link_claims)


def ingest_paths(
    store: Store,
    paths: Iterable[Path],
    lexicon: Lexicon | None = None,
    meta: Metadata | None = None,
    force: bool = False,
    progress: Progress | None = None,
    workers: int | None = None,
) -> list[Outcome]:
    """Ingest files and folders; a bad file is an 'error' outcome and the others still go in.

    `progress(done, total, name)` is called after each file; `Rate` turns it into a rate and an ETA.
    """
    files = files_in(paths)
    known = frozenset() if force else _current(store)
    reads = _read_all(files, meta or Metadata(), known, lexicon, workers)
    outcomes: list[Outcome] = []
    batch: list[_Read] = []
    started = time.monotonic()
    for read in reads:
        batch.append(read)
        if len(batch) >= BATCH_ARTICLES or time.monotonic() - started > BATCH_SECONDS:
            outcomes += _write(store, batch, force, progress, len(outcomes), len(files))
            batch, started = [], time.monotonic()
    outcomes += _write(store, batch, force, progress, len(outcomes), len(files))
    return outcomes


def reextract_all(store: Store, lexicon: Lexicon, progress: Progress | None = None) -> list[Outcome]:
    """Re-extract every stored article from its stored body (after lexicon edits), each in its own
    transaction; the store is held only to write a batch, never while extracting. An article the
    extractor refuses (over its time budget) is an 'error' outcome and keeps its stored rows."""
    articles = store.stored_articles()
    outcomes: list[Outcome] = []
    for first in range(0, len(articles), BATCH_ARTICLES):
        batch = []
        for article in articles[first : first + BATCH_ARTICLES]:
            try:
                batch.append((article, extract_article(article, lexicon)))
            except ArticleError as err:
                outcomes.append(Outcome(article.path, "error", article.article_id, err.problem))
        with store.writer() as writer:
            for article, rows in batch:
                result = writer.ingest(article, rows, EXTRACTOR_VERSION, force=True, link=link_claims)
                outcomes.append(_outcome(article.path, result))
        if progress:
            for done, article in enumerate(articles[first : first + BATCH_ARTICLES], first + 1):
                progress(done, len(articles), article.path)
    return outcomes


class Rate:
    """Articles per second and the time left, from the calls of a progress callback."""

    def __init__(self) -> None:
        self.start = time.monotonic()

    def __call__(self, done: int, total: int) -> tuple[float, float]:
        """(articles per second so far, seconds left at that rate)."""
        elapsed = max(time.monotonic() - self.start, 1e-9)
        rate = done / elapsed
        return rate, (total - done) / rate if rate else float("inf")


# -- reading and extracting (in the workers) -----------------------------------------------------
_LEXICON: Lexicon | None = None
PARENT_CHECK_SECONDS = 0.5  # how often a worker looks whether its ingest is still there


def _start_worker(lexicon: Lexicon | None) -> None:
    """Load the lexicon once per worker process (or take the one the parent had, when forked), and
    end the worker when its ingest ends without closing the pool (kill -9)."""
    global _LEXICON
    _LEXICON = lexicon or default_lexicon()
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()


def _exit_with_parent(parent: int) -> None:
    """Wait while the ingest that started this worker runs; then end the worker, which would otherwise
    wait for work forever (an orphan is adopted by another process, so its parent id changes)."""
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)


def _read_one(path: Path, meta: Metadata, known: frozenset[str]) -> _Read:
    """Read and extract one file; catch everything, so one bad file is one error."""
    try:
        article = read_path(path, meta)
        if article.article_id in known:
            return _Read(str(path), article)
        return _Read(str(path), article, extract_article(article, _LEXICON or default_lexicon()))
    except ArticleError as err:
        return _Read(str(path), error=err.problem)
    except Exception as err:  # any failure of one file must not stop the others
        return _Read(str(path), error=f"could not be read ({type(err).__name__}: {err})")


def _read_chunk(paths: Sequence[Path], meta: Metadata, known: frozenset[str]) -> list[_Read]:
    return [_read_one(path, meta, known) for path in paths]


def _read_all(
    files: Sequence[Path], meta: Metadata, known: frozenset[str], lexicon: Lexicon | None, workers: int | None
) -> Iterator[_Read]:
    """Every file read and extracted, in order: on every core for many files, here for a few."""
    workers = workers or os.cpu_count() or 1
    if len(files) < POOL_FROM or workers == 1:
        _start_worker(lexicon)
        yield from (_read_one(path, meta, known) for path in files)
        return
    chunks = [files[i : i + CHUNK] for i in range(0, len(files), CHUNK)]
    with ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(lexicon,)) as pool:
        pending: list[Future[list[_Read]]] = []
        for chunk in chunks:
            pending.append(pool.submit(_read_chunk, chunk, meta, known))
            if len(pending) > 3 * workers:  # a bounded queue: results are written as they come
                yield from pending.pop(0).result()
        for future in pending:
            yield from future.result()


# -- writing (in this process) --------------------------------------------------------------------
def _current(store: Store) -> frozenset[str]:
    """Ids of the articles stored by this extractor version: not worth extracting again."""
    return frozenset(aid for aid, version in store.stored_versions().items() if version == EXTRACTOR_VERSION)


def _write(
    store: Store, batch: Sequence[_Read], force: bool, progress: Progress | None, done: int, total: int
) -> list[Outcome]:
    """Store a batch in one transaction; when it fails, each article alone, so one failure is one error."""
    outcomes: dict[int, Outcome] = {}
    items: list[tuple[int, _Read]] = []
    for n, read in enumerate(batch):
        if read.error or read.article is None:
            outcomes[n] = Outcome(read.name, "error", message=read.error)
        elif read.rows is None:
            outcomes[n] = Outcome(read.name, "unchanged", read.article.article_id, "already in the store")
        else:
            items.append((n, read))
    if items:
        try:
            with store.writer() as writer:
                results = writer.ingest_many(
                    [(r.article, r.rows) for _, r in items], EXTRACTOR_VERSION, force, link_claims
                )
            outcomes |= {n: _outcome(r.name, result) for (n, r), result in zip(items, results, strict=True)}
        except StoreError:  # the store itself (full disk, read-only, damaged): no article can go in
            raise
        except Exception:  # find which article failed; the others still go in
            outcomes |= {n: _write_alone(store, read, force) for n, read in items}
    ordered = [outcomes[n] for n in range(len(batch))]
    if progress:
        for i, outcome in enumerate(ordered, done + 1):
            progress(i, total, outcome.name)
    return ordered


def _write_alone(store: Store, read: _Read, force: bool) -> Outcome:
    try:
        return _outcome(read.name, store_extracted(store, read.article, read.rows, force=force))  # type: ignore[arg-type]
    except StoreError:
        raise
    except Exception as err:  # one article's failure is one error
        return Outcome(read.name, "error", message=f"could not be stored ({type(err).__name__}: {err})")


def _outcome(name: str, result: IngestResult) -> Outcome:
    if result.status == "unchanged":
        return Outcome(name, "unchanged", result.article_id, "already in the store")
    return Outcome(name, result.status, result.article_id, counts=result.counts)
