"""Cost of linking claims across articles at ingest, against the same ingest without the link.

Every ingest compares the new article with every stored one (`store._link_claims`), so the cost grows
with the store. This builds N articles from the extractor benchmark's template sentences (every one
holds a denial and casualty rows, so the store reads the others' rows on every ingest: the worst
case), extracts them once, then times, in the same run:
- the baseline: ingesting them into a fresh store with the link switched off;
- BorderWatch: the same ingest with the link;
and the link alone on the last article, at the store's final size. Medians of --runs runs.

    .venv/bin/python bench/ingest.py [--articles 500] [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from bench import generate
from borderwatch.extract import EXTRACTOR_VERSION, extract_article
from borderwatch.extract.lexicon import default_lexicon
from borderwatch.store import database as store_module


def ingest_all(path: Path, articles, rows) -> float:
    start = time.perf_counter()
    with store_module.Store(path).writer() as writer:
        for article, table_rows in zip(articles, rows, strict=True):
            writer.ingest(article, table_rows, EXTRACTOR_VERSION)
    return time.perf_counter() - start


def link_once(path: Path, article_id: str, repeats: int = 5) -> float:
    times = []
    with store_module.Store(path)._connect() as con:
        for _ in range(repeats):
            con.execute("BEGIN TRANSACTION")
            start = time.perf_counter()
            store_module._link_claims(con, article_id)
            times.append(time.perf_counter() - start)
            con.execute("ROLLBACK")
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    articles = generate.articles(args.articles)
    lexicon = default_lexicon()
    rows = [extract_article(a, lexicon) for a in articles]
    linked, unlinked, last = [], [], []
    real_link = store_module._link_claims
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(args.runs):
            store_module._link_claims = lambda con, article_id: 0
            unlinked.append(ingest_all(Path(tmp) / f"base{run}.duckdb", articles, rows))
            store_module._link_claims = real_link
            path = Path(tmp) / f"link{run}.duckdb"
            linked.append(ingest_all(path, articles, rows))
            last.append(link_once(path, articles[-1].article_id))
    base, with_link = statistics.median(unlinked), statistics.median(linked)
    print(f"{len(articles)} articles, {args.runs} runs")
    print(
        f"ingest without the claims link: {base:6.2f} s  ({base / len(articles) * 1000:.1f} ms per article)"
    )
    print(
        f"ingest with the claims link:    {with_link:6.2f} s  ({with_link / len(articles) * 1000:.1f} ms per article)"
    )
    print(f"ratio with / without: {with_link / base:.2f}")
    print(f"link of one article against {len(articles) - 1} stored: {statistics.median(last) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
