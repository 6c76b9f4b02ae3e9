"""Runs the extraction stages over one article and turns their results into table rows."""

from __future__ import annotations

import re
from collections import defaultdict

from borderwatch.articles import Article
from borderwatch.extract import budget, claims, counts, events, quotes
from borderwatch.extract.document import Document
from borderwatch.extract.gazetteer import geo_precision
from borderwatch.extract.lexicon import Lexicon
from borderwatch.extract.mentions import find_mentions
from borderwatch.extract.segment import paragraphs, sentences
from borderwatch.extract.time import find_times

# Bump when the rules or lexicon semantics change: stored articles are then re-extracted.
EXTRACTOR_VERSION = "1.1.0"

_WORD = re.compile(r"\w+(?:[-’']\w+)*")

Rows = dict[str, list[dict[str, object]]]


def extract_document(article: Article, lexicon: Lexicon, seconds: float = budget.DEFAULT_SECONDS) -> Document:
    """The annotated document: sentences, mentions and times (the stages' shared input).

    Raises budget.ExtractionTimeout (an ArticleError) when it takes over `seconds`.
    """
    with budget.limit(seconds, _source(article)):
        return _annotated(article, lexicon)


def _annotated(article: Article, lexicon: Lexicon) -> Document:
    doc = Document(article.article_id, article.body, article.published)
    doc.paragraphs = paragraphs(article.body)
    budget.check()
    doc.sentences = sentences(article.body, doc.paragraphs)
    budget.check()
    find_mentions(doc, lexicon)
    budget.check()
    doc.times = find_times(article.body, article.published)
    budget.check()
    return doc


def extract_article(article: Article, lexicon: Lexicon, seconds: float = budget.DEFAULT_SECONDS) -> Rows:
    """Every table's rows for one article (the articles row included).

    Raises budget.ExtractionTimeout (an ArticleError, refused where a bad file is) when it takes over
    `seconds`: checked between stages and in the stages' loops over sentences.
    """
    with budget.limit(seconds, _source(article)):
        doc = _annotated(article, lexicon)
        quote_rows = quotes.extract_quotes(doc, lexicon)
        budget.check()
        casualty_rows, troop_rows = counts.extract_figures(doc, lexicon, quote_rows)
        budget.check()
        event_rows = events.extract_events(doc, lexicon, quote_rows, casualty_rows, troop_rows)
        budget.check()
        claim_rows = claims.extract_claims(doc, lexicon, quote_rows, casualty_rows, event_rows)
        budget.check()
    return {
        "articles": [_article_row(article, doc)],
        "events": event_rows,
        "casualties": casualty_rows,
        "troop_figures": troop_rows,
        "quotes": quote_rows,
        "actors": _actor_rows(doc),
        "places": _place_rows(doc),
        "claims": claim_rows,
    }


def _source(article: Article) -> str:
    """How a refusal names the article: its file, else its id."""
    return article.path or article.article_id


def _article_row(article: Article, doc: Document) -> dict[str, object]:
    return {
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
        "extractor_version": EXTRACTOR_VERSION,
    }


def _actor_rows(doc: Document) -> list[dict[str, object]]:
    grouped = defaultdict(list)
    for mention in doc.actors:
        grouped[mention.name].append(mention)
    rows = []
    for name, mentions in grouped.items():
        first = mentions[0]
        aliases = sorted({m.text for m in mentions if m.text != name})
        rows.append(
            {
                "actor_id": name,
                "name": name,
                "kind": first.kind,
                "country": first.country or None,
                "role": next((m.role for m in mentions if m.role), None),
                "organisation": next((m.organisation for m in mentions if m.organisation), None),
                "aliases": "|".join(aliases) or None,
                "first_seen": doc.published,
                "n_mentions": len(mentions),
                "article_id": doc.article_id,
            }
        )
    return sorted(rows, key=lambda r: str(r["name"]))


def _place_rows(doc: Document) -> list[dict[str, object]]:
    grouped = defaultdict(list)
    for mention in doc.places:
        grouped[mention.place.place_id].append(mention)
    rows = []
    for place_id, mentions in grouped.items():
        place = mentions[0].place
        aliases = sorted({m.text for m in mentions if m.text != place.name})
        rows.append(
            {
                "place_id": place_id,
                "name": place.name,
                "kind": place.kind,
                "country": place.country,
                "admin1": place.admin1,
                "latitude": place.latitude,
                "longitude": place.longitude,
                "aliases": "|".join(aliases) or None,
                "source": place.source,
                "n_mentions": len(mentions),
                "article_id": doc.article_id,
            }
        )
    return sorted(rows, key=lambda r: str(r["name"]))


__all__ = ["EXTRACTOR_VERSION", "extract_article", "extract_document", "geo_precision"]
