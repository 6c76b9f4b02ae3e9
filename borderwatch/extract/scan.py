"""Scanning the text cheaply: word lists shaped as tries, and patterns tried only where they can start.

`re` tries the branches of an alternation one after the other at every position of the text, so a flat
alternation of a few hundred lexicon forms costs a few hundred comparisons per character. A trie shares
the words' prefixes: a position is rejected after one comparison per distinct first character.

A pattern that can only start at a few known places (where a role is named, say) need not be searched for
at every other position: `finditer_at` tries it at those places only and yields what `finditer` would.
Likewise a pattern that must end at an offset is searched for from a few words before it (`words_back`),
not from the start of its sentence.

Every helper here leaves what is matched unchanged; only the work of finding it changes.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from itertools import accumulate


def any_of(words: Iterable[str], ignore_case: bool = False, word_start: bool = False) -> str:
    """A group matching exactly what the longest-first alternation of the words matches.

    That is `(?:w1|w2|…)` with the escaped words sorted longest first: at a position, the longest word
    that lets the rest of the pattern match wins. In a trie the words matching at one position all lie on
    one path, and going deeper before stopping tries them in that same order.

    ignore_case: the pattern is compiled with re.IGNORECASE; the words are lower-cased so that two
    spellings of one word share a path (`re` compares a literal by its lower case anyway).

    word_start: only where no word character or hyphen comes before, as `(?<![\\w-])(?:w1|w2|…)`. The check
    is made after the first letter, so that a pattern opening with this group opens with its first letters:
    `re` then skips in C to where one of them is, instead of trying the pattern at every position.
    """
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for char in word.lower() if ignore_case else word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here
    if not word_start:
        return "(?:" + _branches(tree) + ")"
    # (?<![\w-][\s\S]), one character past the first letter, is (?<![\w-]) before it.
    starts = [
        re.escape(char) + r"(?<![\w-][\s\S])" + _branches(child) for char, child in sorted(tree.items())
    ]
    return "(?:" + "|".join(starts) + ")"


def _branches(node: dict[str, dict]) -> str:
    alternatives = [re.escape(char) + _branches(child) for char, child in sorted(node.items()) if char]
    if not alternatives:
        return ""
    body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
    # A word ending here is tried after every longer word through this node (greedy '?').
    return f"(?:{body})?" if "" in node else body


def initials_gate(words: Iterable[str]) -> str:
    """A lookahead passing wherever one of the words may start in a re.IGNORECASE pattern.

    It tests the first two characters only, with case-sensitive classes that `re` checks without
    backtracking, whereas a case-insensitive alternation is tried branch by branch: placed before one, it
    turns most positions away at the cost of two class tests. Each class holds the letter in both cases
    and every non-ASCII character (some fold to ASCII letters, like 'ſ' to 's'), so whatever the pattern
    can match passes. A space in a word stands for any whitespace; a one-letter word passes any second
    character.
    """
    seconds: dict[str, set[str]] = {}
    for word in words:
        word = word.lower()
        seconds.setdefault(word[0], set()).add(word[1] if len(word) > 1 else "")
    branches = [
        _either_case(first) + ("" if "" in following else _either_case("".join(sorted(following))))
        for first, following in sorted(seconds.items())
    ]
    return "(?=(?-i:" + "|".join(branches) + "))"


def _either_case(chars: str) -> str:
    members = "".join(r"\s" if c == " " else re.escape(c) + re.escape(c.upper()) for c in chars)
    return "[" + members + "\\x80-\\U0010ffff]"


def match_starts(pattern: re.Pattern[str], text: str) -> list[int]:
    """Every position where pattern matches, in order, overlapping matches included."""
    starts: list[int] = []
    match = pattern.search(text)
    while match is not None:
        starts.append(match.start())
        match = pattern.search(text, match.start() + 1)
    return starts


def finditer_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """pattern.finditer(text), given, in increasing order, every position where a match can start.

    The same matches, left to right and not overlapping; the pattern must not match the empty string.
    """
    end = 0
    for start in starts:
        if start < end:
            continue
        match = pattern.match(text, start)
        if match is not None:
            yield match
            end = match.end()


def words_back(text: str, offset: int, n: int) -> int:
    """The start of the n-th run of non-space characters before offset (spaces right before offset skipped).

    A pattern that must end at offset and spans at most n space-separated words starts there or later, so
    it can be searched for from there instead of from the start of its sentence.
    """
    for _ in range(n):
        while offset > 0 and text[offset - 1].isspace():
            offset -= 1
        while offset > 0 and not text[offset - 1].isspace():
            offset -= 1
    return offset


def spans_test(spans: list[tuple[int, int]]) -> Callable[[int], bool]:
    """A test of whether an offset lies in one of the spans [start, end) (in any order, overlapping or not),
    in two bisections rather than a pass over every span."""
    ordered = sorted(spans)
    starts = [start for start, _ in ordered]
    reach = list(accumulate((end for _, end in ordered), max))  # the furthest end among spans so far

    def covers(offset: int) -> bool:
        i = bisect_right(starts, offset)
        return i > 0 and reach[i - 1] > offset

    return covers
