"""Words per second of the whole extractor, beside spaCy's blank English tokenizer on the same text.

Builds a corpus of at least 1M words of generated articles (bench/generate.py), then times, in the same
run and on one core:
- the baseline: `spacy.blank("en").tokenizer` over every article body;
- BorderWatch: `extract_article` (every stage, all tables) over every article.
Each is run --runs times; the medians and their ratio are printed.

    .venv/bin/python bench/extract.py [--words 1000000] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

from bench import generate
from borderwatch.articles import Article
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, as the goal is stated
    import spacy

    articles = build_corpus(args.words)
    n_words = sum(len(a.body.split()) for a in articles)
    print(
        f"corpus: {len(articles)} articles, {n_words:,} words (whitespace-separated), {args.runs} runs each"
    )
    tokenizer = spacy.blank("en").tokenizer
    lexicon = default_lexicon()
    extract_article(articles[0], lexicon)  # warm the compiled patterns

    def time_it(fn) -> float:
        start = time.perf_counter()
        for article in articles:
            fn(article)
        return time.perf_counter() - start

    baseline, ours, rows = [], [], 0
    for _ in range(args.runs):
        baseline.append(time_it(lambda a: tokenizer(a.body)))
        ours.append(time_it(lambda a: extract_article(a, lexicon)))
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
