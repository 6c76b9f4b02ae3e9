"""Extractor time on crafted, hostile inputs at 10 KB, 100 KB and 1 MB: each must grow linearly.

Each input repeats one small unit (written for this benchmark) up to the size wanted. For each input and
size the median of --runs runs of `extract_article` is printed in seconds and in ms per KB, then the ratio of
the 1 MB per-KB time to the 10 KB one, which must stay within 3 for every input. Times are the process's
CPU time (time.process_time): on a shared machine, other processes would make wall time grow with the
run's length, not with the work.

    .venv/bin/python bench/crafted.py [--runs 3] [--sizes 10,100,1000] [--only NAME,...]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date

from borderwatch.articles import Article, article_id_for
from borderwatch.extract import extract_article
from borderwatch.extract.lexicon import default_lexicon

KB = 1000
MAX_RATIO = 3.0


def _repeat(unit: str | Callable[[int], str], size: int, joiner: str = "") -> str:
    """Units (a string, or a function of the unit's number) joined until the text is at least size long."""
    parts, total, n = [], 0, 0
    while total < size:
        part = unit(n) if callable(unit) else unit
        parts.append(part)
        total += len(part) + len(joiner)
        n += 1
    return joiner.join(parts)[:size] if not callable(unit) else joiner.join(parts)


def _places(n: int) -> str:
    names = [
        "Jermuk",
        "Sotk",
        "Goris",
        "Kapan",
        "Yerevan",
        "Baku",
        "Syunik",
        "Vardenis",
        "Kalbajar",
        "Lachin",
    ]
    return names[n % len(names)] + (", " if n % 7 else ". ")


def _dates(n: int) -> str:
    months = ["January", "March", "May", "July", "September", "November"]
    return f"on {n % 28 + 1} {months[n % 6]} 2021 and "


# name → a function of the size in characters giving the article body:
# bangs: a run of '!'; quoted-phrases: short quoted phrases; x-said: 'x said' repeated; short-lines: short
# lines without a blank line; long-sentence: one sentence without punctuation; unbalanced-quotes: opening
# marks never closed; capitalised: capitalised words; one-paragraph / short-paragraphs: a wire sentence in
# one paragraph / a short one in paragraphs of its own; brackets: nested brackets; rtl-control:
# bidirectional and control characters around a name, a verb and a quotation mark; the rest: the words
# repeated in one sentence (single-quotes: opening single quotes never closed).
CRAFTED: dict[str, Callable[[int], str]] = {
    "bangs": lambda size: "Shots were fired" + "!" * size,
    "quoted-phrases": lambda size: _repeat('"ok" ', size),
    "x-said": lambda size: _repeat("x said ", size),
    "short-lines": lambda size: _repeat("a short line\n", size),
    "long-sentence": lambda size: _repeat("soldiers were seen near the border ", size),
    "unbalanced-quotes": lambda size: _repeat("“ word ", size),
    "capitalised": lambda size: _repeat("Armenian Border Guard Commander ", size),
    "numbers": lambda size: _repeat(lambda n: f"{n * 37 % 1000} soldiers, ", size),
    "dates": lambda size: _repeat(_dates, size),
    "one-paragraph": lambda size: _repeat(
        "Two Armenian soldiers were killed near Jermuk on Tuesday, the ministry said. ", size
    ),
    "short-paragraphs": lambda size: _repeat("Six soldiers were wounded, he said.\n\n", size),
    "brackets": lambda size: "(" * (size // 2) + ")" * (size // 2),
    "places": lambda size: _repeat(_places, size),
    "rtl-control": lambda size: _repeat("\u202eSotk\u200f said\u0007 “\u202c", size),
    "single-quotes": lambda size: "‘" * size,
    "name-said": lambda size: _repeat("Pashinyan said ", size),
    "he-said": lambda size: _repeat("Pashinyan said he said ", size),
    "ministry-said": lambda size: _repeat("the ministry said ", size),
    "quotes-told": lambda size: _repeat('"ok" x told ', size),
    "quoted-dates": lambda size: _repeat('"ok" on 5 May ', size),
    "figures-one-sentence": lambda size: _repeat(
        "2 Armenian soldiers were killed by Azerbaijani forces near Jermuk, ", size
    ),
    "among": lambda size: _repeat("4 killed among Armenian troops and ", size),
    "actors": lambda size: _repeat("Armenia Azerbaijan Russia CSTO Pashinyan ", size),
    "figures-in-quotes": lambda size: _repeat('"Two soldiers were killed," he said, ', size),
    "after-clauses": lambda size: _repeat("after the clash on 5 May, which was ", size),
    "coordinated": lambda size: _repeat("and two soldiers were killed ", size),
    "denials": lambda size: _repeat(
        'Baku denied that any soldiers were killed, "no soldiers were killed," the ministry said, and 2 '
        "Armenian soldiers were killed, ",
        size,
    ),
}


def article(body: str) -> Article:
    """An article around a crafted body."""
    return Article(article_id_for(body), "Crafted", date(2022, 9, 15), "bench", "", "", "en", body)


def median_seconds(body: str, runs: int) -> float:
    """Median CPU time of extract_article over runs runs."""
    lexicon = default_lexicon()
    item = article(body)
    times = []
    for _ in range(runs):
        start = time.process_time()
        extract_article(item, lexicon)
        times.append(time.process_time() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", default="10,100,1000", help="sizes in KB, comma-separated")
    parser.add_argument("--only", default="", help="names of inputs to run, comma-separated")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    only = {n.strip() for n in args.only.split(",") if n.strip()}
    print(
        f"machine: {platform.platform()}, {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs"
    )
    print(
        f"python: {platform.python_version()}; command: {' '.join(sys.argv)}; median of {args.runs} runs, CPU seconds"
    )
    extract_article(article("Two soldiers were killed, the ministry said."), default_lexicon())  # warm up
    header = "".join(f"{f'{s} KB s':>10}{'ms/KB':>8}" for s in sizes)
    print(f"{'input':<32}{header}  ratio")
    worst = 0.0
    for name, make in CRAFTED.items():
        if only and name not in only:
            continue
        per_kb = []
        cells = ""
        for size in sizes:
            seconds = median_seconds(make(size * KB), args.runs)
            per_kb.append(seconds * 1000 / size)
            cells += f"{seconds:>10.3f}{per_kb[-1]:>8.3f}"
        ratio = per_kb[-1] / per_kb[0]
        worst = max(worst, ratio)
        flag = "" if ratio <= MAX_RATIO else "  OVER"
        print(f"{name:<32}{cells}  {ratio:5.2f}{flag}", flush=True)
    print(f"worst ratio: {worst:.2f} (bound {MAX_RATIO})")


if __name__ == "__main__":
    main()
