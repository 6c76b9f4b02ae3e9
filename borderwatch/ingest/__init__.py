"""Adding articles: files and folders → extract → the store, one transaction per article.

Shared by the command line and the dashboard's Add page. A bad file or a crash never leaves half an
article behind, and the other files still go in.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from borderwatch.articles import Article, ArticleError
from borderwatch.articles.files import Metadata, files_in, read_path
from borderwatch.extract import EXTRACTOR_VERSION, extract_article
from borderwatch.extract.lexicon import Lexicon
from borderwatch.store.database import Store, Writer

WRITE_BURST_SECONDS = 1.0


@dataclass(frozen=True)
class Outcome:
    name: str
    status: str  # added, replaced, unchanged, error
    article_id: str | None = None
    message: str = ""
    counts: dict[str, int] = field(default_factory=dict)


def store_article(store: Store | Writer, article: Article, lexicon: Lexicon, force: bool = False) -> Outcome:
    """Extract and store one article (one transaction); already stored by this extractor version: unchanged."""
    result = store.ingest(article, lambda: extract_article(article, lexicon), EXTRACTOR_VERSION, force=force)
    if result.status == "unchanged":
        return Outcome(article.path, "unchanged", article.article_id, "already in the store")
    return Outcome(article.path, result.status, article.article_id, counts=result.counts)


def ingest_paths(
    store: Store,
    paths: Iterable[Path],
    lexicon: Lexicon,
    meta: Metadata | None = None,
    force: bool = False,
    progress: Callable[[int, int, str], None] | None = None,
) -> list[Outcome]:
    """Ingest files and folders; a bad file is an 'error' outcome and the others still go in."""
    meta = meta or Metadata()
    files = files_in(paths)
    outcomes: list[Outcome] = []
    pending = list(enumerate(files, 1))
    while pending:
        # Hold the write connection for a short burst, then let other processes (the dashboard) in.
        with store.writer() as writer:
            burst_end = time.monotonic() + WRITE_BURST_SECONDS
            while pending and time.monotonic() < burst_end:
                done, path = pending.pop(0)
                try:
                    outcomes.append(store_article(writer, read_path(path, meta), lexicon, force))
                except ArticleError as err:
                    outcomes.append(Outcome(str(path), "error", message=err.problem))
                if progress:
                    progress(done, len(files), str(path))
    return outcomes


def reextract_all(
    store: Store, lexicon: Lexicon, progress: Callable[[int, int, str], None] | None = None
) -> int:
    """Re-extract every stored article from its stored body (after lexicon edits); returns how many."""
    articles = store.stored_articles()
    with store.writer() as writer:
        for done, article in enumerate(articles, 1):
            writer.ingest(article, extract_article(article, lexicon), EXTRACTOR_VERSION, force=True)
            if progress:
                progress(done, len(articles), article.path)
    return len(articles)
