"""Numbers as news writes them: digits with separators, number words, 'a'/'an', and vague amounts.

A count is (count, low, high): 'six' → (6, 6, 6); 'at least 49' → (None, 49, None);
'over 250' → (None, 251, None); 'dozens' → (None, 12, None); 'up to 300' → (None, None, 300).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from borderwatch.extract.english import NUMBER_SCALES as _SCALES
from borderwatch.extract.english import NUMBER_TENS as _TENS
from borderwatch.extract.english import NUMBER_UNITS as _UNITS
from borderwatch.extract.scan import any_of, initials_gate

# Vague amounts: the lower bound ACLED-style readers take, never a count.
VAGUE = {
    "dozens": 12,
    "tens": 10,
    "scores": 20,
    "hundreds": 100,
    "thousands": 1000,
    "several": 2,
    "a few": 2,
    "a number of": 2,
    "many": 2,
    "some": 1,
}
_EXACTLY_VAGUE = {"a dozen": 12, "dozen": 12, "a couple of": 2, "a pair of": 2}

_SMALL_UNITS = [k for k in _UNITS if 0 < _UNITS[k] < 10]
# Tries (scan.any_of) rather than flat alternations: NUMBER is tried at every word of every sentence.
_WORD_NUMBER = (
    rf"(?:{any_of(_TENS)}(?:[- ]{any_of(_SMALL_UNITS)})?|{any_of(_UNITS)})"
    rf"(?:\s+{any_of(['hundred', 'thousand', 'million'])}(?:\s+(?:and\s+)?{any_of([*_TENS, *_UNITS])})?)?"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?(?:\s+(?:thousand|million))?"
_QUALIFIERS = (
    "at least|at most|more than|fewer than|less than|over|under|up to|nearly|almost|about|around|"
    "approximately|roughly|some|an estimated|as many as|no fewer than|no less than"
)
_VAGUE = "dozens|scores|tens|hundreds|thousands|several|a few|a number of|a dozen|a couple of|many"
_RANGE_TO = r"\s*(?:-|–|—|to)\s*"
# A vague amount times a scale: 'several hundred' (at least 200), 'tens of thousands' (at least 10,000).
_VAGUE_SCALE = (
    r"\s+(?P<vscale>hundred|thousand|million)(?![\w-])|\s+of\s+(?P<vof>thousands|millions)(?![\w-])"
)
# 'a hundred', 'a thousand and fifty': a scale word after the article, read as one of it.
_ARTICLE_SCALE = (
    rf"an?\s+{any_of(['hundred', 'thousand', 'million'])}(?:\s+(?:and\s+)?{_WORD_NUMBER})?(?![\w-])"
)
# Where a number can start (a digit, or the first letters of a word below): most words fail this at once.
_GATE = initials_gate(
    [
        *"0123456789",
        *_QUALIFIERS.split("|"),
        *_UNITS,
        *_TENS,
        *_VAGUE.split("|"),
        "a ",
        "an",
        "another",
        "between",
        "from",
    ]
)
NUMBER = re.compile(
    rf"(?<![\w,.-]){_GATE}(?:(?P<qual>{any_of(_QUALIFIERS.split('|'))})\s+)?"
    rf"(?:(?P<between>between|from)\s+)?"
    rf"(?P<num>{_DIGITS}|{_ARTICLE_SCALE}|(?:an?\s+)?{_WORD_NUMBER}(?![\w-])|"
    rf"(?P<vague>{any_of(_VAGUE.split('|'))})(?:{_VAGUE_SCALE}|(?![\w-]))|"
    rf"(?P<article>an?|one)(?=\s)|(?P<another>another)(?=\s))"
    # 'between 500 and 600' and 'from 500 to 600' must close their range; '500–600' and '500 to 600' may
    rf"(?(between)(?:{_RANGE_TO}|\s+and\s+)(?P<num2>{_DIGITS}|{_WORD_NUMBER})|"
    rf"(?:{_RANGE_TO}(?P<num3>{_DIGITS}|{_WORD_NUMBER}))?)",
    re.IGNORECASE,
)


_LEADING_ARTICLE = re.compile(r"^an?\s+")
_ALL_DIGITS = re.compile(r"\d+")
_DIGITS_SCALE = re.compile(r"(\d+(?:\.\d+)?)\s+(thousand|million)")
_WORD_SEPARATOR = re.compile(r"[\s-]+")
# The largest count a table can hold (a 64-bit integer). A longer figure is no count of people: it is
# skipped, and a digit string is not even converted, however many digits it has.
MAX_COUNT = 2**63 - 1
_MAX_DIGITS = len(str(MAX_COUNT))


@dataclass(frozen=True)
class Count:
    count: int | None
    low: int | None
    high: int | None


@lru_cache(maxsize=4096)  # news repeats a handful of numbers ('two', 'a', 'dozens'): each is read once
def parse_number(text: str) -> int | None:
    """'1,000' → 1000, 'six' → 6, 'thirty-one' → 31, 'two hundred' → 200, '5 thousand' → 5000."""
    cleaned = text.strip().lower().replace(",", "")
    cleaned = _LEADING_ARTICLE.sub("", cleaned)
    if _ALL_DIGITS.fullmatch(cleaned):
        return _fitting(int(cleaned)) if len(cleaned) <= _MAX_DIGITS else None
    m = _DIGITS_SCALE.fullmatch(cleaned)
    if m:
        if len(m.group(1)) > _MAX_DIGITS:
            return None
        return _fitting(int(float(m.group(1)) * _SCALES[m.group(2)]))
    total, current = 0, 0
    for word in _WORD_SEPARATOR.split(cleaned):
        if word == "and":
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word in _SCALES:
            current = max(current, 1) * _SCALES[word]
            if _SCALES[word] >= 1000:
                total, current = total + current, 0
        else:
            return None
    return total + current


def _fitting(n: int) -> int | None:
    """n, or None when it is larger than any count a table holds."""
    return n if n <= MAX_COUNT else None


def to_count(match: re.Match[str]) -> Count | None:
    """The (count, low, high) a NUMBER match stands for; None when it is not a number or does not fit."""
    count = _to_count(match)
    if count is None or any(n is not None and n > MAX_COUNT for n in (count.count, count.low, count.high)):
        return None  # 'more than 9223372036854775807': one more than fits
    return count


def _to_count(match: re.Match[str]) -> Count | None:
    qual = (match.group("qual") or "").lower()
    if match.group("vague"):
        return _vague_count(match, qual)
    if match.group("article") or match.group("another"):
        return Count(1, 1, 1)
    n = parse_number(match.group("num"))
    if n is None:
        return None
    second = match.group("num2") or match.group("num3")
    if second:
        high = parse_number(second)
        if high is not None and high > n:
            return Count(None, n, high)
    return _qualified(n, qual)


def _vague_count(match: re.Match[str], qual: str) -> Count:
    """'dozens' → at least 12; 'several hundred' → at least 200; 'about a dozen' → about 12."""
    word = match.group("vague").lower()
    scale = match.group("vscale") or match.group("vof")
    factor = _SCALES[scale.lower().removesuffix("s")] if scale else 1
    if word in _EXACTLY_VAGUE:
        return _qualified(_EXACTLY_VAGUE[word] * factor, qual)
    return Count(None, VAGUE[word] * factor, None)


def _qualified(n: int, qual: str) -> Count:
    """The count n with its qualifier: 'at least 49' → (None, 49, None), 'some 430' → (430, None, None)."""
    if qual in ("at least", "no fewer than", "no less than"):
        return Count(None, n, None)
    if qual in ("more than", "over"):
        return Count(None, n + 1, None)
    if qual in ("at most", "up to", "as many as"):
        return Count(None, None, n)
    if qual in ("fewer than", "less than", "under"):
        return Count(None, None, n - 1)
    if qual in ("nearly", "almost"):
        return Count(None, None, n)
    if qual in ("about", "around", "approximately", "roughly", "some", "an estimated"):
        return Count(n, None, None)
    return Count(n, n, n)
