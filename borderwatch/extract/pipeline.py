"""Runs the extraction stages over one article and turns their results into table rows."""

from __future__ import annotations

from borderwatch.articles import Article
from borderwatch.extract import budget, claims, counts, events, quotes
from borderwatch.extract.document import Document
from borderwatch.extract.gazetteer import geo_precision
from borderwatch.extract.lexicon import Lexicon
from borderwatch.extract.mentions import find_mentions
from borderwatch.extract.rows import TableRows, table_rows
from borderwatch.extract.segment import paragraphs, sentences
from borderwatch.extract.time import find_times

# Bump when the rules or lexicon semantics change: stored articles are then re-extracted.
EXTRACTOR_VERSION = "1.2.0"


def extract_document(article: Article, lexicon: Lexicon, seconds: float = budget.DEFAULT_SECONDS) -> Document:
    """The annotated document: sentences, mentions and times (the stages' shared input).

    Raises budget.ExtractionTimeout (an ArticleError) when it takes over `seconds`.
    """
    with budget.limit(seconds, _source(article)):
        return _annotated(article, lexicon)


def _annotated(article: Article, lexicon: Lexicon) -> Document:
    doc = Document(article.article_id, article.body, article.published, title=article.title)
    doc.paragraphs = paragraphs(article.body)
    budget.check()
    doc.sentences = sentences(article.body, doc.paragraphs)
    budget.check()
    find_mentions(doc, lexicon)
    budget.check()
    doc.times = find_times(article.body, article.published)
    budget.check()
    return doc


def extract_article(article: Article, lexicon: Lexicon, seconds: float = budget.DEFAULT_SECONDS) -> TableRows:
    """Every table's rows for one article (the articles row included).

    Raises budget.ExtractionTimeout (an ArticleError, refused where a bad file is) when it takes over
    `seconds`: checked between stages and in the stages' loops over sentences.
    """
    with budget.limit(seconds, _source(article)):
        doc = _annotated(article, lexicon)
        found_quotes = quotes.extract_quotes(doc, lexicon)
        budget.check()
        casualties, troops = counts.extract_figures(doc, lexicon, found_quotes)
        budget.check()
        found_events = events.extract_events(doc, lexicon, found_quotes, casualties, troops)
        budget.check()
        found_claims = claims.extract_claims(doc, found_quotes, casualties, found_events)
        budget.check()
    return table_rows(
        article, doc, found_quotes, casualties, troops, found_events, found_claims, EXTRACTOR_VERSION
    )


def _source(article: Article) -> str:
    """How a refusal names the article: its file, else its id."""
    return article.path or article.article_id


__all__ = ["EXTRACTOR_VERSION", "TableRows", "extract_article", "extract_document", "geo_precision"]
