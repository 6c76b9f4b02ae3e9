"""The time an article's extraction may take: a clear refusal instead of a hang.

Every stage is meant to be linear in its input, but a text unlike news (or a case no one thought of) may
still be slow; the pipeline checks the clock between stages, and the stages' per-sentence loops call
`check()`, which costs one clock reading. The deadline is held in a context variable, so the stages'
signatures stay as they are and concurrent extractions (threads) each keep their own.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from borderwatch.articles import ArticleError

DEFAULT_SECONDS = 20.0  # generous: a 5 MB article of ordinary news text takes a few seconds

_DEADLINE: ContextVar[tuple[float, float, str] | None] = ContextVar("extraction_deadline", default=None)


class ExtractionTimeout(ArticleError):
    """An article whose extraction went over its time budget."""


@contextmanager
def limit(seconds: float, source: str) -> Iterator[None]:
    """Within this block, check() raises ExtractionTimeout once `seconds` have passed."""
    token = _DEADLINE.set((time.monotonic() + seconds, seconds, source))
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def check() -> None:
    """Raise ExtractionTimeout if the running extraction is over its budget (nothing outside limit())."""
    deadline = _DEADLINE.get()
    if deadline is not None and time.monotonic() > deadline[0]:
        raise ExtractionTimeout(
            deadline[2],
            f"extracting this article took over {deadline[1]:g} s; split it into smaller articles "
            "(or remove repeated or non-article text) and add them again",
        )
