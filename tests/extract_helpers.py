"""Running the extractor on sentences written for the tests."""

from __future__ import annotations

from datetime import date

from borderwatch.articles import Article, article_id_for
from borderwatch.extract import extract_article, extract_document
from borderwatch.extract.lexicon import default_lexicon


def article(body: str, published: date = date(2022, 9, 14)) -> Article:
    return Article(article_id_for(body), "Test", published, "test", "", "test.md", "en", body)


def extract(body: str, published: date = date(2022, 9, 14)) -> dict[str, list[dict[str, object]]]:
    return extract_article(article(body, published), default_lexicon())


def document(body: str, published: date = date(2022, 9, 14)):
    return extract_document(article(body, published), default_lexicon())
