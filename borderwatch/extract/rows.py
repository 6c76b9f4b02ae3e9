"""The stages' results as table rows: the one place that names columns, gives ids and links rows.

Columns and their order come from `borderwatch.schema`. Ids are the article id, a letter per table and
the row's number in text order ('…-Q001' a quote, C casualty, T troop figure, E event, K claim); a claim
between articles keeps the digest id the claims stage gives it. Links (a casualty's event_id, a claim's
quote id) are made here from the results that refer to each other.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from operator import attrgetter
from typing import TypeVar

from borderwatch.articles import Article
from borderwatch.extract.document import Document, Mention, PlaceMention
from borderwatch.extract.results import CasualtyFigure, Claim, Event, Quote, TroopFigure
from borderwatch.schema import TABLES, TableRows

Row = dict[str, object]

_CHECKED: set[str] = set()  # tables whose row columns _row has checked
M = TypeVar("M", Mention, PlaceMention)

_WORD = re.compile(r"\w+(?:[-’']\w+)*")


def table_rows(
    article: Article,
    doc: Document,
    quotes: list[Quote],
    casualties: list[CasualtyFigure],
    troops: list[TroopFigure],
    events: list[Event],
    claims: list[Claim],
    extractor_version: str,
) -> TableRows:
    """Every table's rows for one article (the articles row included, stamped with the extractor version)."""
    quote_ids, casualty_ids, troop_ids, event_ids, claim_ids = (
        _numbered(doc.article_id, letter, results)
        for letter, results in (("Q", quotes), ("C", casualties), ("T", troops), ("E", events), ("K", claims))
    )
    event_of = {
        id(figure): event_id
        for event, event_id in zip(events, event_ids, strict=True)
        for figure in (*event.casualties, *event.troops)
    }
    return {
        "articles": [_article_row(article, doc, extractor_version)],
        "events": [_event_row(doc, e, i) for e, i in zip(events, event_ids, strict=True)],
        "casualties": [
            _casualty_row(doc, c, i, event_of.get(id(c)))
            for c, i in zip(casualties, casualty_ids, strict=True)
        ],
        "troop_figures": [
            _troop_row(doc, t, i, event_of.get(id(t))) for t, i in zip(troops, troop_ids, strict=True)
        ],
        "quotes": [_quote_row(doc, q, i) for q, i in zip(quotes, quote_ids, strict=True)],
        "actors": _actor_rows(doc),
        "places": _place_rows(doc),
        "claims": _claim_rows(
            claims, claim_ids, ((quotes, quote_ids), (casualties, casualty_ids), (events, event_ids))
        ),
    }


def _claim_rows(
    claims: list[Claim], claim_ids: list[str], numbered: Iterable[tuple[list, list[str]]]
) -> list[Row]:
    """One article's claims rows, naming the quote and the result each claim refers to by its id."""
    if not claims:
        return []
    ids = {
        id(result): result_id
        for results, result_ids in numbered
        for result, result_id in zip(results, result_ids, strict=True)
    }
    return [
        claim_row(claim, lambda result: ids.get(id(result)), claim_id=claim_id)
        for claim, claim_id in zip(claims, claim_ids, strict=True)
    ]


def _numbered(article_id: str, letter: str, results: list) -> list[str]:
    """Ids of one table's results in their order: '<article>-Q001', '<article>-Q002', …"""
    return [f"{article_id}-{letter}{n:03d}" for n in range(1, len(results) + 1)]


def _row(table: str, values: Row) -> Row:
    """The row, its columns checked against the schema's (names and order) the first time a table is built:
    each table's rows are written by one dict display here, so one check covers them all."""
    if table not in _CHECKED:
        if list(values) != TABLES[table].column_names:
            raise ValueError(f"{table} row columns differ from the schema: {list(values)}")
        _CHECKED.add(table)
    return values


def claim_row(claim: Claim, id_of: Callable[[object], object], claim_id: str | None = None) -> Row:
    """A claims row; id_of gives the id of the quote and the contradicting result a claim refers to."""
    return _row(
        "claims",
        {
            "claim_id": claim.claim_id or claim_id,
            "article_id": claim.article_id,
            "claimant": claim.claimant,
            "claim_text": claim.claim_text,
            "claim_quote_id": id_of(claim.quote),
            "contradicted_by_kind": claim.contradicted_by_kind,
            "contradicted_by_id": id_of(claim.contradicted_by),
            "other_article_id": claim.other_article_id,
            "contradiction": claim.contradiction,
            "other_text": claim.other_text,
            "char_start": claim.start,
            "char_end": claim.end,
            "other_char_start": claim.other_start,
            "other_char_end": claim.other_end,
        },
    )


def _quote_row(doc: Document, quote: Quote, quote_id: str | None) -> Row:
    return _row(
        "quotes",
        {
            "quote_id": quote_id,
            "article_id": doc.article_id,
            "speaker": quote.speaker,
            "speaker_text": quote.speaker_text,
            "speaker_role": quote.speaker_role,
            "speaker_org": quote.speaker_org,
            "kind": quote.kind,
            "text": quote.text,
            "verb": quote.verb,
            "date_said": quote.date_said,
            "date_precision": quote.date_precision,
            "topic": quote.topic,
            "audience": quote.audience,
            "sentence_index": quote.sentence_index,
            "char_start": quote.start,
            "char_end": quote.end,
        },
    )


def _casualty_row(
    doc: Document, figure: CasualtyFigure, casualty_id: str | None, event_id: str | None
) -> Row:
    dating = figure.dating
    return _row(
        "casualties",
        {
            "casualty_id": casualty_id,
            "article_id": doc.article_id,
            "event_id": event_id,
            "side": figure.side,
            "role": figure.role,
            "kind": figure.kind,
            "count": figure.count.count,
            "count_low": figure.count.low,
            "count_high": figure.count.high,
            "perpetrator": figure.perpetrator,
            "date_start": dating.date_start,
            "date_end": dating.date_end,
            "date_precision": dating.precision,
            "date_phrase": dating.phrase,
            "admin1": figure.admin1,
            "location": figure.location,
            "claimed_by": figure.claimed_by,
            "sentence_index": figure.sentence_index,
            "char_start": figure.start,
            "char_end": figure.end,
            "evidence": figure.evidence,
        },
    )


def _troop_row(doc: Document, figure: TroopFigure, figure_id: str | None, event_id: str | None) -> Row:
    return _row(
        "troop_figures",
        {
            "figure_id": figure_id,
            "article_id": doc.article_id,
            "event_id": event_id,
            "force": figure.force,
            "side": figure.side,
            "count": figure.count.count,
            "count_low": figure.count.low,
            "count_high": figure.count.high,
            "unit": figure.unit,
            "location": figure.location,
            "admin1": figure.admin1,
            "as_of": figure.as_of,
            "as_of_precision": figure.as_of_precision,
            "claimed_by": figure.claimed_by,
            "sentence_index": figure.sentence_index,
            "char_start": figure.start,
            "char_end": figure.end,
            "evidence": figure.evidence,
        },
    )


def _event_row(doc: Document, event: Event, event_id: str | None) -> Row:
    trigger, dating = event.trigger, event.dating
    return _row(
        "events",
        {
            "event_id": event_id,
            "article_id": doc.article_id,
            "event_type": trigger.event_type,
            "sub_event_type": trigger.sub_event_type,
            "cameo_code": trigger.cameo_code,
            "cameo_name": trigger.cameo_name,
            "trigger": event.trigger_text,
            "actor1": event.actor1,
            "actor1_text": event.actor1_text,
            "assoc_actor1": event.assoc_actor1,
            "actor2": event.actor2,
            "actor2_text": event.actor2_text,
            "interaction": event.interaction,
            "date_start": dating.date_start,
            "date_end": dating.date_end,
            "date_precision": dating.precision,
            "date_phrase": dating.phrase,
            "country": event.country,
            "admin1": event.admin1,
            "location": event.location,
            "location_text": event.location_text,
            "latitude": event.latitude,
            "longitude": event.longitude,
            "geo_precision": event.geo_precision,
            "fatalities": event.fatalities,
            "claimed_by": event.claimed_by,
            "negated": event.negated,
            "summary": event.summary,
            "sentence_index": event.sentence_index,
            "char_start": event.start,
            "char_end": event.end,
            "evidence": event.evidence,
        },
    )


def _article_row(article: Article, doc: Document, extractor_version: str) -> Row:
    return _row(
        "articles",
        {
            "article_id": article.article_id,
            "title": article.title,
            "published": article.published,
            "source": article.source,
            "url": article.url,
            "path": article.path,
            "language": article.language,
            "n_sentences": len(doc.sentences),
            "n_words": len(_WORD.findall(article.body)),
            "ingested_at": None,
            "extractor_version": extractor_version,
        },
    )


def _actor_rows(doc: Document) -> list[Row]:
    """One row per actor named, with the forms the article names it by."""
    rows = []
    for name, mentions in _grouped(doc.actors, attrgetter("name")).items():
        first = mentions[0]
        values: Row = {
            "actor_id": name,
            "name": name,
            "kind": first.kind,
            "country": first.country or None,
            "role": next((m.role for m in mentions if m.role), None),
            "organisation": next((m.organisation for m in mentions if m.organisation), None),
            "aliases": _aliases(mentions, name),
            "first_seen": doc.published,
            "n_mentions": len(mentions),
            "article_id": doc.article_id,
        }
        rows.append(_row("actors", values))
    return sorted(rows, key=lambda r: str(r["name"]))


def _place_rows(doc: Document) -> list[Row]:
    """One row per gazetteer place named, with the forms the article names it by."""
    rows = []
    for place_id, mentions in _grouped(doc.places, attrgetter("place.place_id")).items():
        place = mentions[0].place
        values: Row = {
            "place_id": place_id,
            "name": place.name,
            "kind": place.kind,
            "country": place.country,
            "admin1": place.admin1,
            "latitude": place.latitude,
            "longitude": place.longitude,
            "aliases": _aliases(mentions, place.name),
            "source": place.source,
            "n_mentions": len(mentions),
            "article_id": doc.article_id,
        }
        rows.append(_row("places", values))
    return sorted(rows, key=lambda r: str(r["name"]))


def _grouped(mentions: Iterable[M], key: Callable[[M], str]) -> dict[str, list[M]]:
    """Mentions grouped by what they name, in the order each is first named."""
    grouped: dict[str, list[M]] = defaultdict(list)
    for mention in mentions:
        grouped[key(mention)].append(mention)
    return grouped


def _aliases(mentions: Iterable[Mention | PlaceMention], name: str) -> str | None:
    """The other forms ('|'-joined, sorted) the mentions name `name` by."""
    return "|".join(sorted({m.text for m in mentions if m.text != name})) or None
