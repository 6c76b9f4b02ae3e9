"""Stage 1: paragraphs and sentences, with character offsets into the body.

A quotation that runs over several sentences stays one unit, so that the quote and its
attribution ('…,” said Zas.') are read together.
"""

from __future__ import annotations

import re

from borderwatch.extract.document import Sentence, Span
from borderwatch.extract.english import MILITARY_RANKS, MONTH_ABBREVIATIONS

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
# A candidate end of sentence: terminal punctuation, closing quotes or brackets, then space; or a line break.
# One character class opens the pattern so that `re` skips from candidate to candidate in C.
# A candidate opens a run of terminal punctuation only ((?<![.!?][.!?])): tried inside a run, the pattern would
# read the rest of the run again at every mark, and the run can be as long as the text. Neither a shorter run
# nor fewer closers can be followed by the space required, so the quantifiers need not give back (*+).
_CANDIDATE = re.compile(
    r"[.!?\n](?:(?<=[.!?])(?<![.!?][.!?])[.!?]*+[\"”’»)\]]*+(?=\s+[\"“‘«„(\[]?[A-Z0-9])|(?<=\n)(?=\s*\S))"
)
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        *(rank.lower() for rank in MILITARY_RANKS),
        # ranks news abbreviates that the mentions stage does not read before a name
        "sgt",
        "cmdr",
        "st",
        "no",
        *MONTH_ABBREVIATIONS,
        "jr",
        "sr",
        "prof",
        "gov",
        "sen",
        "rep",
        "vs",
        "etc",
        "inc",
        "ltd",
        "co",
        "corp",
        "approx",
        "u.s",
        "u.n",
        "e.g",
        "i.e",
        "a.m",
        "p.m",
    ]
)
_LONGEST_ABBREVIATION = max(len(a) for a in _ABBREVIATIONS)


def paragraphs(body: str) -> list[Span]:
    """Blocks of text separated by blank lines, trimmed."""
    spans, pos = [], 0
    for match in [*_PARAGRAPH_BREAK.finditer(body), None]:
        end = match.start() if match else len(body)
        _append_trimmed(body, pos, end, spans)
        if match:
            pos = match.end()
    return spans


def _append_trimmed(body: str, start: int, end: int, spans: list[Span]) -> None:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Span(start, end))


def sentences(body: str, paras: list[Span] | None = None) -> list[Sentence]:
    """Sentences of every paragraph, in order, never split inside an open quotation."""
    result: list[Sentence] = []
    for p_index, para in enumerate(paras if paras is not None else paragraphs(body)):
        for start, end in _split_paragraph(body, para.start, para.end):
            result.append(Sentence(len(result), start, end, p_index))
    return result


def _split_paragraph(body: str, start: int, end: int) -> list[tuple[int, int]]:
    text = body[start:end]
    pieces: list[tuple[int, int]] = []
    cut = 0
    quotes = _QuoteBalance(text)
    for match in _CANDIDATE.finditer(text):
        stop = match.end()
        if match.group() == "\n":
            if not _line_ends_unit(text, match.start()):
                continue
        elif _is_abbreviation(text, match) or quotes.open_between(cut, stop):
            continue
        pieces.append((cut, stop))
        cut = stop
    pieces.append((cut, len(text)))
    spans: list[tuple[int, int]] = []
    for a, b in pieces:
        trimmed: list[Span] = []
        _append_trimmed(body, start + a, start + b, trimmed)
        spans.extend((s.start, s.end) for s in trimmed)
    return spans


def _line_ends_unit(text: str, newline: int) -> bool:
    """A line break inside a paragraph ends a unit after final punctuation or a heading-like line."""
    # The line alone is read (from the break before it), not the paragraph up to it: the paragraph may have
    # as many lines as characters.
    line = text[text.rfind("\n", 0, newline) + 1 : newline].rstrip()
    return bool(line) and (line[-1] in '.!?:"”’' or line.startswith("#") or len(line) < 80)


def _is_abbreviation(text: str, match: re.Match[str]) -> bool:
    if not match.group().startswith(".") or match.group() != ".":
        return False
    # The word is the run of word characters and full stops ending at this one; only its last few characters
    # are read: a longer word is no abbreviation, however long it is.
    stop = match.start()
    floor = max(0, stop - _LONGEST_ABBREVIATION - 1)
    begin = stop
    while begin > floor and _in_word(text[begin - 1]):
        begin -= 1
    if begin == stop or (begin == floor and begin > 0 and _in_word(text[begin - 1])):
        return False
    token = text[begin:stop].lower()
    return token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def _in_word(char: str) -> bool:
    """What `[\\w.]` matches: a letter, digit or underscore (as `re` reads \\w), or a full stop."""
    return char.isalnum() or char in "._"


class _QuoteBalance:
    """Whether a quotation opened in text[cut:stop] is still open at stop, for cuts and stops that only grow.

    The marks are counted once each, from where the last question stopped, not again from the cut.
    """

    def __init__(self, text: str):
        self.text = text
        self.cut = self.counted_to = 0
        self.opening = self.closing = self.straight = 0

    def open_between(self, cut: int, stop: int) -> bool:
        """True when a quotation opened in text[cut:stop] is still open at stop."""
        if cut != self.cut:
            self.cut, self.counted_to = cut, cut
            self.opening = self.closing = self.straight = 0
        chunk = self.text[self.counted_to : stop]
        self.counted_to = stop
        self.opening += chunk.count("“") + chunk.count("«")
        self.closing += chunk.count("”") + chunk.count("»")
        self.straight += chunk.count('"')
        return self.opening > self.closing or self.straight % 2 == 1
