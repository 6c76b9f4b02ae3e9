"""The one filter object the query API takes, the dashboard keeps, and the cache keys on.

A Filter knows nothing of Streamlit or DuckDB connections: it turns itself into SQL
(`where_clause`) and into a plain-English sentence (`describe`).

Semantics, shown on the Data page:
- an event matches a date range when its interval [date_start, date_end] overlaps it (an unknown
  start counts as open);
- an actor filter matches actor1 or actor2 of an event; a quote when the speaker or the speaker's
  organisation is one of the actors; casualties and troop figures follow their event, or when they
  have none, match on their own side, perpetrator, force or claimant;
- a province filter matches an event's admin1; quotes follow their article (kept when the article
  has an event in one of the provinces);
- a claim matches an article filter when the claim or the words contradicting it are in one of
  the articles, and an actor filter by its claimant;
- text is search terms, "quoted phrases" and single words: a row matches when every term occurs,
  case-insensitively, in its evidence (quotes: the quote text or the speaker; claims: either side's
  words).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

EVENT_ALIAS = "e"
_QUERY_TERM = re.compile(r"[\"“”]([^\"“”]+)[\"“”]|(\S+)")


@dataclass(frozen=True)
class Filter:
    date_from: date | None = None
    date_to: date | None = None
    actors: tuple[str, ...] = field(default=())
    event_types: tuple[str, ...] = field(default=())
    provinces: tuple[str, ...] = field(default=())
    article_ids: tuple[str, ...] = field(default=())
    text: str = ""

    def __post_init__(self) -> None:
        # Normalise so equal filters hash equally whatever order the widgets gave.
        for name in ("actors", "event_types", "provinces", "article_ids"):
            object.__setattr__(self, name, tuple(sorted(set(getattr(self, name)))))
        object.__setattr__(self, "text", self.text.strip())

    @property
    def is_empty(self) -> bool:
        return self == Filter()

    @property
    def terms(self) -> tuple[str, ...]:
        """The search terms of `text`: "quoted phrases" and single words, lower-cased, without repeats."""
        found = ((m.group(1) or m.group(2)).strip().lower() for m in _QUERY_TERM.finditer(self.text))
        return tuple(dict.fromkeys(t for t in found if t))

    def where_clause(self, table: str) -> tuple[str, list[object]]:
        """SQL condition (without WHERE) and its parameters for one table of the store."""
        builder = _CLAUSES.get(table)
        if builder is None:
            raise KeyError(f"no filter semantics for table {table!r}")
        bits, params = builder(self)
        return (" AND ".join(f"({b})" for b in bits) if bits else "TRUE"), params

    def describe(self, subject: str = "Rows", shown: Callable[[str], str] = str) -> str:
        """A plain-English sentence: '3 events where actor is CSTO between 2021-05-01 and 2021-07-04'.

        ``subject`` is what matches, counted by the caller ('3 events', 'Showing rows'); ``shown`` writes
        each value the user chose (a page escapes them for Markdown)."""
        parts = []
        if self.actors:
            parts.append(f"actor is {_or_list(self.actors, shown)}")
        if self.event_types:
            parts.append(f"event type is {_or_list(self.event_types, shown)}")
        if self.provinces:
            parts.append(f"province is {_or_list(self.provinces, shown)}")
        if self.article_ids:
            parts.append(f"article is {_or_list(self.article_ids, shown)}")
        terms = " and ".join(f"“{shown(t)}”" for t in self.terms)
        sentence = subject + (f" containing {terms}" if terms else "")
        sentence += (" where " + " and ".join(parts)) if parts else ""
        if self.date_from and self.date_to:
            sentence += f" between {self.date_from.isoformat()} and {self.date_to.isoformat()}"
        elif self.date_from:
            sentence += f" from {self.date_from.isoformat()} on"
        elif self.date_to:
            sentence += f" up to {self.date_to.isoformat()}"
        if self.is_empty:
            sentence += " (no filter)"
        return sentence


def _or_list(values: tuple[str, ...], shown: Callable[[str], str] = str) -> str:
    named = [shown(v) for v in values]
    return named[0] if len(named) == 1 else ", ".join(named[:-1]) + " or " + named[-1]


def _in(column: str, values: tuple[str, ...]) -> tuple[str, list[object]]:
    return f"{column} IN ({', '.join('?' for _ in values)})", list(values)


def _any_in(columns: tuple[str, ...], values: tuple[str, ...]) -> tuple[str, list[object]]:
    """One of the columns holds one of the values."""
    pairs = [_in(column, values) for column in columns]
    return " OR ".join(sql for sql, _ in pairs), [v for _, params in pairs for v in params]


def _overlap(start: str, end: str, f: Filter) -> tuple[list[str], list[object]]:
    bits, params = [], []
    if f.date_from:
        bits.append(f"{end} IS NULL OR {end} >= ?")
        params.append(f.date_from)
    if f.date_to:
        bits.append(f"{start} IS NULL OR {start} <= ?")
        params.append(f.date_to)
    return bits, params


def _text(columns: tuple[str, ...], f: Filter) -> tuple[list[str], list[object]]:
    """Every search term occurs in one of the columns."""
    bits = [" OR ".join(f"contains(lower({c}), ?)" for c in columns) for _ in f.terms]
    return bits, [term for term in f.terms for _ in columns]


class _Clauses:
    """Accumulates SQL bits and their parameters in order."""

    def __init__(self) -> None:
        self.bits: list[str] = []
        self.params: list[object] = []

    def add(self, bit: str, params: list[object]) -> None:
        self.bits.append(bit)
        self.params.extend(params)

    def extend(self, pair: tuple[list[str], list[object]]) -> None:
        self.bits.extend(pair[0])
        self.params.extend(pair[1])

    def done(self) -> tuple[list[str], list[object]]:
        return self.bits, self.params


def _articles_in(f: Filter, c: _Clauses, column: str = "article_id") -> None:
    if f.article_ids:
        c.add(*_in(column, f.article_ids))


def _events(f: Filter) -> tuple[list[str], list[object]]:
    c = _Clauses()
    c.extend(_overlap("date_start", "date_end", f))
    if f.actors:
        c.add(*_any_in(("actor1", "actor2"), f.actors))
    if f.event_types:
        c.add(*_in("event_type", f.event_types))
    if f.provinces:
        c.add(*_in("admin1", f.provinces))
    _articles_in(f, c)
    c.extend(_text(("evidence",), f))
    return c.done()


def _follows_event(own: _Clauses, f: Filter) -> tuple[list[str], list[object]]:
    """Rows linked to an event follow the event's match; unlinked rows match on their own columns."""
    event_sql, event_params = Filter.where_clause(f, "events")
    own_sql = " AND ".join(f"({b})" for b in own.bits) or "TRUE"
    c = _Clauses()
    c.add(
        f"(event_id IS NOT NULL AND event_id IN (SELECT event_id FROM events WHERE {event_sql})) "
        f"OR (event_id IS NULL AND {own_sql})",
        event_params + own.params,
    )
    return c.done()


def _figures(
    f: Filter, dates: tuple[str, str], actor_columns: tuple[str, ...]
) -> tuple[list[str], list[object]]:
    """Casualty and troop figures: follow their event, or match on their own date, actor and place columns."""
    own = _Clauses()
    own.extend(_overlap(*dates, f))
    if f.actors:
        own.add(*_any_in(actor_columns, f.actors))
    if f.event_types:
        own.add("FALSE", [])
    if f.provinces:
        own.add(*_in("admin1", f.provinces))
    _articles_in(f, own)
    own.extend(_text(("evidence",), f))
    return _follows_event(own, f)


def _casualties(f: Filter) -> tuple[list[str], list[object]]:
    return _figures(f, ("date_start", "date_end"), ("side", "perpetrator", "claimed_by"))


def _troop_figures(f: Filter) -> tuple[list[str], list[object]]:
    return _figures(f, ("as_of", "as_of"), ("force", "side", "claimed_by"))


def _quotes(f: Filter) -> tuple[list[str], list[object]]:
    c = _Clauses()
    c.extend(_overlap("date_said", "date_said", f))
    if f.actors:
        c.add(*_any_in(("speaker", "speaker_org"), f.actors))
    if f.provinces:
        sql, params = _in("admin1", f.provinces)
        c.add(f"article_id IN (SELECT article_id FROM events WHERE {sql})", params)
    _articles_in(f, c)
    c.extend(_text(("text", "speaker"), f))
    return c.done()


def _articles(f: Filter) -> tuple[list[str], list[object]]:
    c = _Clauses()
    _articles_in(f, c)
    return c.done()


def _claims(f: Filter) -> tuple[list[str], list[object]]:
    c = _Clauses()
    if f.actors:
        c.add(*_in("claimant", f.actors))
    if f.article_ids:  # the claim's article or the article that contradicts it
        c.add(*_any_in(("article_id", "other_article_id"), f.article_ids))
    c.extend(_text(("claim_text", "contradiction", "other_text"), f))
    return c.done()


def _per_article(f: Filter) -> tuple[list[str], list[object]]:
    return _articles(f)


_CLAUSES = {
    "events": _events,
    "casualties": _casualties,
    "troop_figures": _troop_figures,
    "quotes": _quotes,
    "articles": _articles,
    "claims": _claims,
    "actors": _per_article,
    "places": _per_article,
}
