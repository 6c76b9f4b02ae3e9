"""Ingest at scale: generated articles (bench/generate.py) from files into a fresh store, as
`python -m borderwatch ingest` does it (every core, claims linked across articles), then again
unchanged. Prints the rate, the per-article cost of the last 1,000 against the first 1,000 (tenths
of the corpus when it has fewer than 2,000), the peak memory and the re-ingest time.

    PYTHONPATH=. .venv/bin/python bench/ingest.py [--articles 1000] [--seed 7] [--keep FILE.duckdb]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import tempfile
import time
from pathlib import Path

from bench import generate, machine
from borderwatch.ingest import ingest_paths
from borderwatch.store.database import Store


def timed_ingest(store: Store, folder: Path) -> tuple[float, list[float]]:
    """Seconds for the whole ingest, and the time each file was done (from the start)."""
    stamps: list[float] = []
    start = time.perf_counter()
    outcomes = ingest_paths(store, [folder], progress=lambda *_: stamps.append(time.perf_counter() - start))
    errors = [o for o in outcomes if o.status == "error"]
    if errors:
        raise SystemExit(f"{len(errors)} errors, first: {errors[0].name}: {errors[0].message}")
    return time.perf_counter() - start, stamps


def per_article_ms(stamps: list[float], first: int, last: int) -> float:
    """Mean milliseconds per article between two positions of the progress."""
    return (stamps[last - 1] - (stamps[first - 1] if first else 0.0)) / (last - first) * 1000


def peak_rss_mb() -> tuple[float, float]:
    """Peak resident memory of this process and of its largest worker, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return own, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="keep the store in this file (for bench/queries.py)")
    args = parser.parse_args()
    print(machine.describe())
    with tempfile.TemporaryDirectory() as tmp:
        folder, db = Path(tmp) / "articles", Path(tmp) / "bench.duckdb"
        start = time.perf_counter()
        generate.write(args.articles, folder, args.seed)
        print(f"generated {args.articles} articles in {time.perf_counter() - start:.1f} s")
        store = Store(db)
        total, stamps = timed_ingest(store, folder)
        n = len(stamps)
        block = 1000 if n >= 2000 else max(1, n // 10)
        first, last = per_article_ms(stamps, 0, block), per_article_ms(stamps, n - block, n)
        print(f"ingest: {n} articles in {total:.1f} s = {n / total:.1f} articles/s")
        print(
            f"per article: first {block} {first:.1f} ms, last {block} {last:.1f} ms, last/first {last / first:.2f}"
        )
        print("rows: " + ", ".join(f"{name} {count:,}" for name, count in store.counts().items()))
        again, _ = timed_ingest(store, folder)
        print(f"re-ingest unchanged: {again:.1f} s = {again / total * 100:.1f} % of the ingest")
        own, worker = peak_rss_mb()
        print(f"peak RSS: writer process {own:.0f} MB, largest worker {worker:.0f} MB")
        if args.keep:
            shutil.copy(db, args.keep)
            print(f"store kept in {args.keep}")


if __name__ == "__main__":
    main()
