"""Words per second of the whole extractor, beside spaCy's blank English tokenizer on the same text.

Builds a corpus of at least 1M words of generated articles (bench/generate.py), then times, in the same
run and on one core:
- the baseline: `spacy.blank("en").tokenizer` over every article body;
- BorderWatch: `extract_article` (every stage, all tables) over every article.
Each is run --runs times; the medians and their ratio are printed.

With --corpus DIR the text is real articles instead (every article file in DIR, e.g. the development
corpus), read --passes times a run; the tokenizer is made anew for every pass, so its cache of the
words it has seen never serves a pass from the one before.

    .venv/bin/python bench/extract.py [--words 1000000] [--runs 5]
    .venv/bin/python bench/extract.py --corpus ../shared/corpus/dev [--passes 20] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

from bench import generate, machine
from borderwatch.articles import Article, ArticleError
from borderwatch.articles.files import files_in, read_path
from borderwatch.extract import extract_article
from borderwatch.extract.lexicon import default_lexicon


def build_corpus(min_words: int, seed: int = 7) -> list[Article]:
    """Generated articles (bench/generate.py), the fewest that total min_words or more."""
    corpus, total = [], 0
    for article in generate.articles(min_words // 200 + 1, seed):  # articles are 200 words or more
        if total >= min_words:
            break
        corpus.append(article)
        total += len(article.body.split())
    return corpus


def read_corpus(folder: Path) -> list[Article]:
    """Every article file in the folder that reads as an article (a README without front matter does not)."""
    articles = []
    for path in files_in([folder]):
        try:
            articles.append(read_path(path))
        except ArticleError:
            continue
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=1_000_000)
    parser.add_argument("--corpus", type=Path, help="a folder of real articles to read instead")
    parser.add_argument("--passes", type=int, default=20, help="with --corpus: readings of it a run")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, as the goal is stated
    import spacy

    print(machine.describe())
    articles = read_corpus(args.corpus) if args.corpus else build_corpus(args.words)
    passes = args.passes if args.corpus else 1
    n_words = sum(len(a.body.split()) for a in articles) * passes
    print(
        f"corpus: {len(articles)} {'real' if args.corpus else 'generated'} articles read {passes} time(s), "
        f"{n_words:,} words (whitespace-separated), {args.runs} runs each"
    )
    lexicon = default_lexicon()
    extract_article(articles[0], lexicon)  # warm the compiled patterns

    def time_it(fn, fresh=lambda: None) -> float:
        """Seconds for `passes` readings of the corpus; `fresh()` (not timed) before each reading."""
        total = 0.0
        for _ in range(passes):
            state = fresh()
            start = time.perf_counter()
            for article in articles:
                fn(article, state)
            total += time.perf_counter() - start
        return total

    baseline, ours, rows = [], [], 0
    for _ in range(args.runs):
        baseline.append(time_it(lambda a, tok: tok(a.body), lambda: spacy.blank("en").tokenizer))
        ours.append(time_it(lambda a, _: extract_article(a, lexicon)))
    rows = sum(len(v) for v in extract_article(articles[0], lexicon).values())
    b, o = statistics.median(baseline), statistics.median(ours)
    print(
        f"spaCy blank('en') tokenizer: {n_words / b:>12,.0f} words/s  (median of {args.runs}: {b:.2f} s; "
        f"runs {', '.join(f'{t:.2f}' for t in baseline)})"
    )
    print(
        f"BorderWatch extract_article: {n_words / o:>12,.0f} words/s  (median of {args.runs}: {o:.2f} s; "
        f"runs {', '.join(f'{t:.2f}' for t in ours)})"
    )
    print(f"ratio extractor / tokenizer: {b / o:.2f}  (goal: 0.50 or more)")
    print(f"rows from the first article: {rows}")


if __name__ == "__main__":
    main()
