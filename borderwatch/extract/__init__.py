"""The extractor: pure functions from an article's text to table rows (no I/O, no Streamlit).

`extract_article` runs the stages in order over one Document:
segment → mentions → time → quotes → figures → events → claims.
The first three annotate the Document; the others return typed results (`results.py`) that later
stages read. `rows.py` alone turns the results into table rows, giving ids and linking rows; English
word lists the stages share are in `english.py`.
"""

from __future__ import annotations

from borderwatch.articles import Article
from borderwatch.extract.pipeline import EXTRACTOR_VERSION, extract_article, extract_document

__all__ = ["EXTRACTOR_VERSION", "Article", "extract_article", "extract_document"]
