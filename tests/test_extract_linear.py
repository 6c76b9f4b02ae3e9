"""The extractor's time grows linearly on crafted, hostile inputs; an article over its time budget is refused."""

from __future__ import annotations

import gc
import statistics
import time

import pytest

from bench.crafted import CRAFTED, article
from borderwatch.articles import ArticleError
from borderwatch.extract import extract_article
from borderwatch.extract.budget import ExtractionTimeout
from borderwatch.extract.lexicon import default_lexicon

SMALL, LARGE = 5_000, 50_000  # characters: ten times more text
MAX_GROWTH = 4.0  # per-KB time at LARGE over per-KB time at SMALL (quadratic work would give about 10)


def _cpu_seconds(body: str, runs: int = 3) -> float:
    """Median CPU time of extract_article on the body (CPU time: other processes on the machine count less)."""
    lexicon, item = default_lexicon(), article(body)
    times = []
    for _ in range(runs):
        gc.collect()
        start = time.process_time()
        extract_article(item, lexicon)
        times.append(time.process_time() - start)
    return statistics.median(times)


@pytest.mark.parametrize("name", sorted(CRAFTED))
def test_time_per_kb_stays_flat(name):
    make = CRAFTED[name]
    extract_article(article(make(1000)), default_lexicon())  # warm the caches and compiled patterns
    small = max(_cpu_seconds(make(SMALL)), 1e-3) / SMALL  # a floor: a timer tick is no growth
    large = _cpu_seconds(make(LARGE)) / LARGE
    assert large / small < MAX_GROWTH, (
        f"{name}: {large * 1e6:.3f} ms/KB at {LARGE}, {small * 1e6:.3f} at {SMALL}"
    )


def test_an_article_over_its_budget_is_refused_with_what_to_do():
    body = "Two Armenian soldiers were killed near Jermuk on Tuesday, the ministry said. " * 200
    with pytest.raises(ExtractionTimeout) as refused:
        extract_article(article(body), default_lexicon(), seconds=0.0)
    assert isinstance(refused.value, ArticleError)
    assert "split it into smaller articles" in refused.value.problem
    assert "\n" not in str(refused.value)


def test_within_its_budget_an_article_gives_the_same_rows():
    body = "Two Armenian soldiers were killed near Jermuk on Tuesday, the ministry said."
    assert extract_article(article(body), default_lexicon(), seconds=60) == extract_article(
        article(body), default_lexicon()
    )
