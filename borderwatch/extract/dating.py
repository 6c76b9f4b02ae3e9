"""Which date a fact in a sentence takes: the time phrase of its own clause, or one the text lends it.

A clause with no time phrase inherits one only where the grammar supports it:
- a coordinated clause ('… was killed and six others were taken hostage') takes its neighbour's, and one
  opening with its own time (', and in May the country …') is cut off to keep it;
- a clause introduced by 'after' happened before the main clause's date (bounded above by it);
- a main clause whose 'after …' clause is dated happened after that date (bounded below by it);
- a relative clause (', which was made in May') dates the noun just before it.
A sentence with no time phrase at all continues the story told before it: it carries the first day named
by the last sentence that names one ('Fighting broke out on Tuesday. … The ministry said two soldiers were
wounded.').
An opening sentence with none to carry is dated by the sentence after it, as a lead is
('Three soldiers were killed. The clash broke out on Tuesday evening …').
In a lead, a day closing the sentence after its attribution ('…, officials said on Wednesday.') dates
the statement; the facts reported before it take the next sentence's day if it names one, else that one.
Otherwise the date is unknown, bounded by the publication date.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from datetime import date

from borderwatch.extract.document import Document, Sentence, Span
from borderwatch.extract.english import SPEECH_VERBS
from borderwatch.extract.time import TimeMention

# Every boundary opens with a comma, a semicolon or a space: the lookahead rejects any other position at
# once, where the engine would otherwise try each of the four alternatives there.
_BOUNDARY = re.compile(
    r"(?=[,;\s])(?:(?P<after>,?\s+(?=(?:after|following)\s))|(?P<before>,?\s+(?=(?:before|prior to|until)\s))|"
    r"(?P<relative>,\s*(?=(?:which|who)\s))|"
    r"(?P<coord>;\s*|,?\s+(?:and|but)\s+(?=(?:[\w’'-]+\s+){0,5}?(?:was|were|is|are|has|have|had|been)\b)|"
    r",\s+(?:and|but|while)\s+(?=(?:in|on|during|last|later|earlier|early|late)\s)))"
)
_LEADING_AFTER = re.compile(r"(?:After|Following)\s[^,]{3,120},\s*")


@dataclass(frozen=True)
class Clause:
    start: int
    end: int
    kind: str  # main, coord, after, before, relative


@dataclass(frozen=True)
class Dating:
    date_start: date | None
    date_end: date | None
    precision: str
    phrase: str | None
    carried: bool = False  # lent by an earlier sentence, not stated with the fact


def clauses(body: str, sentence: Sentence) -> list[Clause]:
    """The sentence cut into clauses at 'after', 'before', ', which', coordination and ';'."""
    result: list[Clause] = []
    pos, kind = sentence.start, "main"
    lead = _LEADING_AFTER.match(body, sentence.start, sentence.end)
    if lead:
        result.append(Clause(sentence.start, lead.end(), "after"))
        pos = lead.end()
    for match in _BOUNDARY.finditer(body, pos, sentence.end):
        if match.start() <= pos:
            continue
        pos, kind = _close(body, result, pos, match.start(), kind)
        pos, kind = match.end(), match.lastgroup or "main"
    _close(body, result, pos, sentence.end, kind)
    return result


def _close(body: str, result: list[Clause], start: int, end: int, kind: str) -> tuple[int, str]:
    """Append a clause; an 'after'/'before' clause ends at its first comma, and the main clause resumes."""
    comma = body.find(",", start, end) if kind in ("after", "before") else -1
    if comma > start:
        result.append(Clause(start, comma, kind))
        result.append(Clause(comma + 1, end, "main"))
    else:
        result.append(Clause(start, end, kind))
    return end, kind


def sentence_clauses(doc: Document, sentence: Sentence) -> list[Clause]:
    """clauses() of a document's sentence, computed once."""
    cached = doc.clause_cache.get(sentence.index)
    if cached is None:
        cached = doc.clause_cache[sentence.index] = clauses(doc.body, sentence)
    return cached


def unknown(published: date) -> Dating:
    return Dating(None, published, "unknown", None)


def _dating(time: TimeMention) -> Dating:
    return Dating(time.date_start, time.date_end, time.precision, time.phrase)


def _time_in(doc: Document, clause: Clause, offset: int) -> TimeMention | None:
    """The time phrase of the clause (outside quotation marks) nearest the offset, the first on a tie."""
    times, starts = _clause_times(doc, clause, doc.in_quote(offset))
    if not times:
        return None
    if len(times) == 1:
        return times[0]
    # Nearest: the last start at or before offset or the first after it, the earlier on a tie, and of
    # times starting together the first.
    i = bisect_right(starts, offset)
    if i == len(times) or (i > 0 and offset - starts[i - 1] <= starts[i] - offset):
        return times[bisect_left(starts, starts[i - 1])]
    return times[i]


class _SentenceDates:
    """A sentence's clauses with what date_for asks of them, worked out once per sentence: a sentence of
    many facts asks for each, and walking its clauses for each would be quadratic."""

    def __init__(self, doc: Document, parts: list[Clause]):
        self.parts = parts
        self.starts = [c.start for c in parts]
        dated = self.dated = [bool(_clause_times(doc, c)[0]) for c in parts]
        # For each clause, the nearest clause before it that is dated or not coordinated (where a
        # coordinated clause's walk back stops), -1 when none.
        self.walk_stop = [-1] * len(parts)
        for i in range(1, len(parts)):
            j = i - 1
            stops = dated[j] or parts[j].kind != "coord"
            self.walk_stop[i] = j if stops else self.walk_stop[j]
        self.dated_after = [i for i, c in enumerate(parts) if c.kind == "after" and dated[i]]

    def index_of(self, offset: int) -> int:
        """The clause holding offset; the last one when none does."""
        i = bisect_right(self.starts, offset) - 1
        return i if i >= 0 and offset < self.parts[i].end else len(self.parts) - 1


_CACHE = threading.local()  # per thread: the document's clause times and sentence dates


def _cache(doc: Document) -> dict:
    """This document's cache (valid while its body, time list and quoted spans are the same objects)."""
    cached = getattr(_CACHE, "entry", None)
    if (
        cached is None
        or cached[0] is not doc.body
        or cached[1] is not doc.times
        or cached[2] is not doc.quoted
    ):
        cached = _CACHE.entry = (doc.body, doc.times, doc.quoted, {})
    return cached[3]


def _clause_times(
    doc: Document, clause: Clause, quote: Span | None = None
) -> tuple[list[TimeMention], list[int]]:
    """The time phrases inside the clause and outside quotation marks (or inside the given quotation,
    which dates the facts it tells), in text order, and their starts."""
    cache = _cache(doc)
    key = ("times", clause.start, clause.end, quote.start if quote else None)
    found = cache.get(key)
    if found is None:
        times = [
            t
            for t in doc.within(doc.times, clause.start, clause.end)
            if doc.in_quote(t.start) in (None, quote)
        ]
        found = cache[key] = (times, [t.start for t in times])
    return found


def _sentence_dates(doc: Document, sentence: Sentence) -> _SentenceDates:
    cache = _cache(doc)
    key = ("sentence", sentence.index)
    found = cache.get(key)
    if found is None:
        found = cache[key] = _SentenceDates(doc, sentence_clauses(doc, sentence))
    return found


def date_for(doc: Document, offset: int, dates_noun_before_relative: bool = False) -> Dating:
    """The date of the fact whose words sit at offset (see the module's rules)."""
    sentence = doc.sentence_at(offset)
    parts = sentence_clauses(doc, sentence)
    if len(parts) == 1:  # one clause: its own time, or none (the rules below read other clauses)
        own = _time_in(doc, parts[0], offset)
        return _own(doc, sentence, own, offset) if own is not None else _carried(doc, sentence)
    dates = _sentence_dates(doc, sentence)
    index = dates.index_of(offset)
    clause = parts[index]
    own = _time_in(doc, clause, offset)
    if own is not None:
        return _own(doc, sentence, own, offset)
    if dates_noun_before_relative and index + 1 < len(parts) and parts[index + 1].kind == "relative":
        relative = _time_in(doc, parts[index + 1], offset)
        if relative is not None:
            return _dating(relative)
    if clause.kind == "coord":
        earlier = dates.walk_stop[index]
        time = _time_in(doc, parts[earlier], offset) if earlier >= 0 else None
        if time is not None:
            return _dating(time)
    if clause.kind == "after":
        main = parts[index - 1] if index > 0 else (parts[index + 1] if index + 1 < len(parts) else None)
        if main is not None:
            time = _time_in(doc, main, offset)
            if time is not None and time.date_end is not None:
                return Dating(None, time.date_end, "unknown", time.phrase)
    for i in dates.dated_after:
        if parts[i] is not clause:
            time = _time_in(doc, parts[i], offset)
            if time is not None and time.date_start is not None:
                return Dating(time.date_start, doc.published, "unknown", time.phrase)
    if not any(dates.dated):
        return _carried(doc, sentence)
    return unknown(doc.published)


def _own(doc: Document, sentence: Sentence, time: TimeMention, offset: int) -> Dating:
    """The fact's own time phrase, unless it is the day of a lead's closing attribution the fact comes before."""
    if (
        offset < time.start
        and _opens_the_story(doc, sentence)
        and _closes_attribution(doc.body, sentence, time)
    ):
        following = _next_day(doc, sentence)
        if following is not None:
            return following
    return _dating(time)


_ATTRIBUTION_BEFORE = re.compile(
    r"(?<![\w-])(?:" + "|".join(SPEECH_VERBS) + r")(?:\s+(?:reporters|journalists|\w+))?\s+\Z", re.IGNORECASE
)
_SENTENCE_TAIL = re.compile(r"[\s.!?”’\"']*\Z")


def _opens_the_story(doc: Document, sentence: Sentence) -> bool:
    """Whether no day is named before the sentence (a lead, whose facts the next sentence dates)."""
    _, starts = _days(doc)
    return bisect_left(starts, sentence.start) == 0


def _closes_attribution(body: str, sentence: Sentence, time: TimeMention) -> bool:
    """Whether a time phrase follows a speech verb and ends its sentence: '…, the ministry said on Monday.'"""
    return bool(
        _SENTENCE_TAIL.match(body, time.end, sentence.end)
        and _ATTRIBUTION_BEFORE.search(body, max(sentence.start, time.start - 40), time.start)
    )


def _carried(doc: Document, sentence: Sentence) -> Dating:
    """The last day the text names before an undated sentence, which continues that day's story; before
    any, the day of the next sentence (a lead dated by what follows it); else unknown."""
    days, starts = _days(doc)
    i = bisect_left(starts, sentence.start) - 1
    if i >= 0:
        # Of the last sentence naming a day, its first: the day its story starts ('fire began on Monday
        # evening and calmed at 2am Tuesday' goes on with Monday's exchange of fire).
        first = bisect_left(starts, doc.sentence_at(days[i].start).start)
        return replace(_dating(days[first]), carried=True)
    return _next_day(doc, sentence) or unknown(doc.published)


def _next_day(doc: Document, sentence: Sentence) -> Dating | None:
    """The first day named in the sentence after this one, as a date lent to it."""
    if sentence.index + 1 >= len(doc.sentences):
        return None
    following = doc.sentences[sentence.index + 1]
    days, starts = _days(doc)
    i = bisect_left(starts, following.start)
    if i < len(days) and days[i].start < following.end:
        return replace(_dating(days[i]), carried=True)
    return None


def _days(doc: Document) -> tuple[list[TimeMention], list[int]]:
    """The document's day-precision time phrases in text order, and their starts (listed once)."""
    cache = _cache(doc)
    found = cache.get("days")
    if found is None:
        days = [t for t in doc.times if t.precision == "day" and t.date_start is not None]
        found = cache["days"] = (days, [t.start for t in days])
    return found
