"""The document every extraction stage reads and annotates: text, sentences and mentions with offsets."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date
from itertools import accumulate

from borderwatch.extract.gazetteer import Place
from borderwatch.extract.time import TimeMention


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    paragraph: int


@dataclass(frozen=True)
class Mention:
    """An actor or person named in the text, resolved to a normalised name."""

    start: int
    end: int
    text: str
    name: str
    kind: str  # state, armed forces, organisation, official, person, group
    country: str = ""
    role: str = ""
    organisation: str = ""


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    text: str
    place: Place


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass
class Document:
    article_id: str
    body: str
    published: date
    paragraphs: list[Span] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    actors: list[Mention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    times: list[TimeMention] = field(default_factory=list)
    quoted: list[Span] = field(default_factory=list)  # spans inside quotation marks
    title: str = ""  # the headline: whose remarks an article of one person's words reports
    # Caches for the stages' repeated look-ups (start offsets and running maximum of ends per list, clauses
    # per sentence).
    _starts: dict[int, tuple[list, list[int]]] = field(default_factory=dict, repr=False)
    _reach: dict[int, tuple[list, list[int]]] = field(default_factory=dict, repr=False)
    clause_cache: dict[int, list] = field(default_factory=dict, repr=False)

    def text(self, start: int, end: int) -> str:
        return self.body[start:end]

    def _sorted_starts(self, items: list) -> list[int]:
        cached = self._starts.get(id(items))
        if cached is None or cached[0] is not items or len(cached[1]) != len(items):
            cached = (items, [m.start for m in items])
            self._starts[id(items)] = cached
        return cached[1]

    def running_max_end(self, items: list) -> list[int]:
        """For each item, the largest end among it and the items before it (non-decreasing)."""
        cached = self._reach.get(id(items))
        if cached is None or cached[0] is not items or len(cached[1]) != len(items):
            cached = (items, list(accumulate((m.end for m in items), max)))
            self._reach[id(items)] = cached
        return cached[1]

    def sentence_at(self, offset: int) -> Sentence:
        """The sentence holding a character offset (the last one starting at or before it, else the first)."""
        return self.sentences[max(bisect_right(self._sorted_starts(self.sentences), offset) - 1, 0)]

    def covering(self, items: list, offset: int):
        """The item of a sorted list of non-overlapping spans that holds an offset, if any."""
        i = bisect_right(self._sorted_starts(items), offset) - 1
        if i >= 0 and offset < items[i].end:
            return items[i]
        return None

    def in_quote(self, offset: int) -> Span | None:
        """The quoted span holding an offset, if any (spans are sorted and do not overlap)."""
        return self.covering(self.quoted, offset)

    def starting_at(self, items: list, offset: int) -> list:
        """Items (sorted by start) starting at offset."""
        starts = self._sorted_starts(items)
        return items[bisect_left(starts, offset) : bisect_right(starts, offset)]

    def within(self, items: list, start: int, end: int) -> list:
        """Items (sorted by start, with start/end) lying inside [start, end)."""
        starts = self._sorted_starts(items)
        lo = bisect_left(starts, start)
        return [m for m in items[lo : bisect_left(starts, end, lo)] if m.end <= end]
