"""Words per second of the whole extractor, beside spaCy's blank English tokenizer on the same text.

Builds a synthetic corpus of at least 1M words from the template sentences below (written for this
benchmark in the style of wire copy), cut into articles of about 400 words, then times, in the same
run and on one core:
- the baseline: `spacy.blank("en").tokenizer` over every article body;
- BorderWatch: `extract_article` (every stage, all tables) over every article.
Each is run --runs times; the medians and their ratio are printed.

    .venv/bin/python bench/extract.py [--words 1000000] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import time
from datetime import date

from borderwatch.articles import Article, article_id_for
from borderwatch.extract import extract_article
from borderwatch.extract.lexicon import default_lexicon

TEMPLATES = [
    "Two Armenian soldiers were killed and three others wounded when Azerbaijani forces shelled positions "
    "near Jermuk on Tuesday, the Armenian Defense Ministry said.",
    "“The situation on the border remains tense, but we are in favour of a peaceful settlement,” "
    "Foreign Minister Ararat Mirzoyan told reporters in Yerevan on Monday.",
    "According to local officials there are more than 300 Azerbaijani troops on Armenian territory near Sotk.",
    "Baku’s defence ministry said on Wednesday that Armenian units had opened fire on its positions in the "
    "Kalbajar district, wounding one serviceman.",
    "The CSTO said it would send a fact-finding mission to the region in September, but Armenia said the "
    "decision came too late.",
    "Last month dozens of villagers left Sotk after their homes were damaged by artillery fire.",
    "Prime Minister Nikol Pashinyan appealed to the Collective Security Treaty Organization for help, and "
    "the alliance held consultations with defence ministers in Moscow.",
    "Azerbaijan denied the report, saying there were no casualties among civilians and that its forces had "
    "only responded to a provocation.",
    "Six servicemen were taken prisoner by Azerbaijani forces in the Gegharkunik province in May, the "
    "ombudsman said.",
    "EU monitors arrived in Goris on Friday, a spokesman for the mission said, adding that the ceasefire "
    "was largely holding.",
]
PARAGRAPH_SENTENCES = 3
ARTICLE_WORDS = 400


def build_corpus(min_words: int, seed: int = 7) -> list[Article]:
    """Articles of about ARTICLE_WORDS words, made by shuffling the templates, totalling min_words or more."""
    rng = random.Random(seed)
    articles, total = [], 0
    while total < min_words:
        paragraphs, words = [], 0
        while words < ARTICLE_WORDS:
            chosen = rng.sample(TEMPLATES, PARAGRAPH_SENTENCES)
            paragraphs.append(" ".join(chosen))
            words += sum(len(s.split()) for s in chosen)
        body = "\n\n".join(paragraphs) + f"\n\n(Report {len(articles)}.)\n"
        total += len(body.split())
        articles.append(
            Article(article_id_for(body), "Synthetic", date(2022, 9, 15), "bench", "", "", "en", body)
        )
    return articles


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
