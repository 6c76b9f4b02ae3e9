"""The extractor: pure functions from an article's text to table rows (no I/O, no Streamlit).

`extract_article` runs the stages in order over one Document:
segment → mentions → time → quotes → figures → events → claims.
"""

from __future__ import annotations

from borderwatch.articles import Article
from borderwatch.extract.pipeline import EXTRACTOR_VERSION, extract_article, extract_document

__all__ = ["EXTRACTOR_VERSION", "Article", "extract_article", "extract_document"]
