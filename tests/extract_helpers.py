"""Running the extractor on sentences written for the tests."""

from __future__ import annotations

from datetime import date

from borderwatch.articles import Article, article_id_for
from borderwatch.extract import extract_article, extract_document
from borderwatch.extract.lexicon import default_lexicon
from borderwatch.schema import DATE_PRECISIONS, TABLES


def article(body: str, published: date = date(2022, 9, 14)) -> Article:
    return Article(article_id_for(body), "Test", published, "test", "", "test.md", "en", body)


def extract(body: str, published: date = date(2022, 9, 14)) -> dict[str, list[dict[str, object]]]:
    return extract_article(article(body, published), default_lexicon())


def document(body: str, published: date = date(2022, 9, 14)):
    return extract_document(article(body, published), default_lexicon())


def assert_row_invariants(body: str, rows: dict[str, list[dict[str, object]]]) -> None:
    """What holds of the extractor's rows for any body: every table, known columns, each span holding its
    evidence (or quote text), known date precisions, date ranges in order."""
    assert set(rows) == set(TABLES)
    for table, table_rows in rows.items():
        for row in table_rows:
            assert set(row) <= set(TABLES[table].column_names), table
            if "evidence" in row:
                assert body[row["char_start"] : row["char_end"]] == row["evidence"]
            if table == "quotes":
                assert body[row["char_start"] : row["char_end"]] == row["text"]
            for key in ("date_precision", "as_of_precision"):
                if key in row:
                    assert row[key] in DATE_PRECISIONS
            if row.get("date_start") and row.get("date_end"):
                assert row["date_start"] <= row["date_end"]
