"""Runs the extraction stages over one article and turns their results into table rows."""

from __future__ import annotations

from borderwatch.articles import Article
from borderwatch.extract import claims, counts, events, quotes
from borderwatch.extract.document import Document
from borderwatch.extract.gazetteer import geo_precision
from borderwatch.extract.lexicon import Lexicon
from borderwatch.extract.mentions import find_mentions
from borderwatch.extract.rows import TableRows, table_rows
from borderwatch.extract.segment import paragraphs, sentences
from borderwatch.extract.time import find_times

# Bump when the rules or lexicon semantics change: stored articles are then re-extracted.
EXTRACTOR_VERSION = "1.1.0"


def extract_document(article: Article, lexicon: Lexicon) -> Document:
    """The annotated document: sentences, mentions and times (the stages' shared input)."""
    doc = Document(article.article_id, article.body, article.published)
    doc.paragraphs = paragraphs(article.body)
    doc.sentences = sentences(article.body, doc.paragraphs)
    find_mentions(doc, lexicon)
    doc.times = find_times(article.body, article.published)
    return doc


def extract_article(article: Article, lexicon: Lexicon) -> TableRows:
    """Every table's rows for one article (the articles row included)."""
    doc = extract_document(article, lexicon)
    found_quotes = quotes.extract_quotes(doc, lexicon)
    casualties, troops = counts.extract_figures(doc, lexicon, found_quotes)
    found_events = events.extract_events(doc, lexicon, found_quotes, casualties, troops)
    found_claims = claims.extract_claims(doc, found_quotes, casualties, found_events)
    return table_rows(
        article, doc, found_quotes, casualties, troops, found_events, found_claims, EXTRACTOR_VERSION
    )


__all__ = ["EXTRACTOR_VERSION", "TableRows", "extract_article", "extract_document", "geo_precision"]
