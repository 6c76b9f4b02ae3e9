"""Query API latency on a large store: median and p95 per table and filter.

Filters: none; a date range (one month); an actor (one armed force and its defence ministry); a
date range and that actor. Each query is `Store.table(name, filter)`, the typed DataFrame the
dashboard reads, timed --runs times after one warm-up. The store comes from bench/ingest.py --keep,
or is built here from --articles generated articles.

    PYTHONPATH=. .venv/bin/python bench/queries.py --db FILE.duckdb [--articles 10000] [--runs 20]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from bench import generate, machine
from borderwatch.ingest import ingest_paths
from borderwatch.store.database import Store
from borderwatch.store.filters import Filter

TABLES = ("events", "casualties", "troop_figures", "quotes", "claims", "articles")
ACTORS = ("Azerbaijani Armed Forces", "Azerbaijani Defense Ministry")
MONTH = (date(2022, 5, 1), date(2022, 5, 31))
FILTERS = {
    "no filter": Filter(),
    "date": Filter(date_from=MONTH[0], date_to=MONTH[1]),
    "actor": Filter(actors=ACTORS),
    "date+actor": Filter(date_from=MONTH[0], date_to=MONTH[1], actors=ACTORS),
}


def build(db: Path, articles: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        generate.write(articles, Path(tmp), seed=7)
        ingest_paths(Store(db), [Path(tmp)])


def timings(store: Store, name: str, flt: Filter, runs: int) -> tuple[float, float, int]:
    """(median ms, p95 ms, rows) of one query."""
    rows = len(store.table(name, flt))
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        store.table(name, flt)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, round(0.95 * (len(times) - 1)))], rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument(
        "--articles", type=int, default=10000, help="articles to generate when --db is missing"
    )
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    print(machine.describe())
    if not args.db.exists():
        build(args.db, args.articles)
    store = Store(args.db)
    print("store: " + ", ".join(f"{name} {count:,}" for name, count in store.counts().items()))
    print(f"{'table':<14} {'filter':<11} {'rows':>8} {'median ms':>10} {'p95 ms':>8}")
    for name in TABLES:
        for label, flt in FILTERS.items():
            median, p95, rows = timings(store, name, flt, args.runs)
            print(f"{name:<14} {label:<11} {rows:>8,} {median:>10.1f} {p95:>8.1f}")


if __name__ == "__main__":
    main()
