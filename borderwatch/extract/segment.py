"""Stage 1: paragraphs and sentences, with character offsets into the body.

A quotation that runs over several sentences stays one unit, so that the quote and its
attribution ('…,” said Zas.') are read together.
"""

from __future__ import annotations

import re

from borderwatch.extract.document import Sentence, Span
from borderwatch.extract.english import MILITARY_RANKS, MONTH_ABBREVIATIONS
from borderwatch.extract.scan import words_back

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
# A candidate end of sentence: terminal punctuation, closing quotes or brackets, then space; or a line break.
# One character class opens the pattern so that `re` skips from candidate to candidate in C.
_CANDIDATE = re.compile(r"[.!?\n](?:(?<=[.!?])[.!?]*[\"”’)\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])|(?<=\n)(?=\s*\S))")
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
_WORD_BEFORE = re.compile(r"([\w.]+)\.$")


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
    for match in _CANDIDATE.finditer(text):
        stop = match.end()
        if match.group() == "\n":
            if not _line_ends_unit(text, match.start()):
                continue
        elif _is_abbreviation(text, match) or _inside_quote(text, cut, stop):
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
    line = text[:newline].rsplit("\n", 1)[-1].rstrip()
    return bool(line) and (line[-1] in '.!?:"”’' or line.startswith("#") or len(line) < 80)


def _is_abbreviation(text: str, match: re.Match[str]) -> bool:
    if not match.group().startswith(".") or match.group() != ".":
        return False
    # The word ends at the full stop, so it lies in the run of non-space characters holding it.
    word = _WORD_BEFORE.search(text, words_back(text, match.end(), 1), match.end())
    if not word:
        return False
    token = word.group(1).lower()
    return token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def _inside_quote(text: str, start: int, stop: int) -> bool:
    """True when a quotation opened in this unit is still open at `stop`."""
    chunk = text[start:stop]
    if chunk.count("“") > chunk.count("”"):
        return True
    return chunk.count('"') % 2 == 1
