"""Which date a fact in a sentence takes: the time phrase of its own clause, or one the text lends it.

A clause with no time phrase inherits one only where the grammar supports it:
- a coordinated clause ('… was killed and six others were taken hostage') takes its neighbour's;
- a clause introduced by 'after' happened before the main clause's date (bounded above by it);
- a main clause whose 'after …' clause is dated happened after that date (bounded below by it);
- a relative clause (', which was made in May') dates the noun just before it.
Otherwise the date is unknown, bounded by the publication date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from borderwatch.extract.document import Document, Sentence
from borderwatch.extract.time import TimeMention

# Every boundary opens with a comma, a semicolon or a space: the lookahead rejects any other position at
# once, where the engine would otherwise try each of the four alternatives there.
_BOUNDARY = re.compile(
    r"(?=[,;\s])(?:(?P<after>,?\s+(?=(?:after|following)\s))|(?P<before>,?\s+(?=(?:before|prior to|until)\s))|"
    r"(?P<relative>,\s*(?=(?:which|who)\s))|"
    r"(?P<coord>;\s*|,?\s+(?:and|but)\s+(?=(?:[\w’'-]+\s+){0,5}?(?:was|were|is|are|has|have|had|been)\b)))"
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
    times = doc.within(doc.times, clause.start, clause.end)
    if times:
        times = [t for t in times if not doc.in_quote(t.start)]
    if not times:
        return None
    return times[0] if len(times) == 1 else min(times, key=lambda t: abs(t.start - offset))


def date_for(doc: Document, offset: int, dates_noun_before_relative: bool = False) -> Dating:
    """The date of the fact whose words sit at offset (see the module's rules)."""
    sentence = doc.sentence_at(offset)
    parts = sentence_clauses(doc, sentence)
    index = (
        0
        if len(parts) == 1
        else next((i for i, c in enumerate(parts) if c.start <= offset < c.end), len(parts) - 1)
    )
    clause = parts[index]
    own = _time_in(doc, clause, offset)
    if own is not None:
        return _dating(own)
    if dates_noun_before_relative and index + 1 < len(parts) and parts[index + 1].kind == "relative":
        relative = _time_in(doc, parts[index + 1], offset)
        if relative is not None:
            return _dating(relative)
    if clause.kind == "coord":
        for earlier in reversed(parts[:index]):
            time = _time_in(doc, earlier, offset)
            if time is not None:
                return _dating(time)
            if earlier.kind != "coord":
                break
    if clause.kind == "after":
        main = parts[index - 1] if index > 0 else (parts[index + 1] if index + 1 < len(parts) else None)
        if main is not None:
            time = _time_in(doc, main, offset)
            if time is not None and time.date_end is not None:
                return Dating(None, time.date_end, "unknown", time.phrase)
    for other in parts:
        if other.kind == "after" and other is not clause:
            time = _time_in(doc, other, offset)
            if time is not None and time.date_start is not None:
                return Dating(time.date_start, doc.published, "unknown", time.phrase)
    return unknown(doc.published)
