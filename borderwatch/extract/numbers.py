"""Numbers as news writes them: digits with separators, number words, 'a'/'an', and vague amounts.

A count is (count, low, high): 'six' → (6, 6, 6); 'at least 49' → (None, 49, None);
'over 250' → (None, 251, None); 'dozens' → (None, 12, None); 'up to 300' → (None, None, 300).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
# Vague amounts: the lower bound ACLED-style readers take, never a count.
VAGUE = {
    "dozens": 12,
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

_WORD_NUMBER = (
    r"(?:(?:"
    + "|".join(_TENS)
    + r")(?:[- ](?:"
    + "|".join(k for k in _UNITS if _UNITS[k] < 10 and k != "zero")
    + r"))?|"
    + "|".join(sorted(_UNITS, key=len, reverse=True))
    + r")"
    + r"(?:\s+(?:hundred|thousand|million)(?:\s+(?:and\s+)?(?:"
    + "|".join(_TENS)
    + "|"
    + "|".join(sorted(_UNITS, key=len, reverse=True))
    + r"))?)?"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?(?:\s+(?:thousand|million))?"
_QUALIFIER = (
    r"(?P<qual>at least|at most|more than|fewer than|less than|over|under|up to|nearly|almost|about|around|"
    r"approximately|roughly|some|an estimated|as many as|no fewer than|no less than)\s+"
)
NUMBER = re.compile(
    rf"(?<![\w,.-])(?:{_QUALIFIER})?(?P<num>{_DIGITS}|(?:[Aa]n?\s+)?{_WORD_NUMBER}(?![\w-])|"
    rf"(?P<vague>[Dd]ozens|[Ss]cores|[Hh]undreds|[Tt]housands|[Ss]everal|[Aa] few|[Aa] number of|[Aa] dozen|"
    rf"[Aa] couple of|[Mm]any)|(?P<article>[Aa]n?|[Oo]ne)(?=\s)|(?P<another>[Aa]nother)(?=\s))(?:\s*(?:-|–|to)\s*(?P<num2>{_DIGITS}|{_WORD_NUMBER}))?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Count:
    count: int | None
    low: int | None
    high: int | None


def parse_number(text: str) -> int | None:
    """'1,000' → 1000, 'six' → 6, 'thirty-one' → 31, 'two hundred' → 200, '5 thousand' → 5000."""
    cleaned = text.strip().lower().replace(",", "")
    cleaned = re.sub(r"^an?\s+", "", cleaned)
    if re.fullmatch(r"\d+", cleaned):
        return int(cleaned)
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s+(thousand|million)", cleaned)
    if m:
        return int(float(m.group(1)) * _SCALES[m.group(2)])
    total, current = 0, 0
    for word in re.split(r"[\s-]+", cleaned):
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


def to_count(match: re.Match[str]) -> Count | None:
    """The (count, low, high) a NUMBER match stands for; None when it is not a number."""
    qual = (match.group("qual") or "").lower()
    if match.group("vague"):
        word = match.group("vague").lower()
        if word in _EXACTLY_VAGUE:
            n = _EXACTLY_VAGUE[word]
            return Count(n, n, n)
        return Count(None, VAGUE[word], None)
    if match.group("article") or match.group("another"):
        return Count(1, 1, 1)
    n = parse_number(match.group("num"))
    if n is None:
        return None
    if match.group("num2"):
        high = parse_number(match.group("num2"))
        if high is not None and high > n:
            return Count(None, n, high)
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
