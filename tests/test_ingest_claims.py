"""Claims across articles at ingest: at most five contradicting reports per claim, the nearest in date,
whatever the order the articles came in; the store itself knows nothing of the extractor."""

from __future__ import annotations

from pathlib import Path

import pytest

from borderwatch.articles import parse_article
from borderwatch.extract import extract_article
from borderwatch.extract.lexicon import default_lexicon
from borderwatch.ingest import ingest_paths, store_extracted
from borderwatch.ingest.claims import MAX_LINKS
from borderwatch.store.database import Store

DENIAL = "“There were no casualties,” the Azerbaijani Defense Ministry said on Thursday."  # 15 September
DAYS = (13, 12, 11, 10, 9, 8, 7)  # September: the reports, from the nearest to the denial on


def _article(body: str, published: str, name: str):
    a = parse_article(
        f"---\ntitle: {name}\npublished: {published}\nsource: {name}\n---\n{body}\n", f"{name}.md"
    )
    return a, extract_article(a, default_lexicon())


def _killing(day: int):
    body = (
        f"Two Azerbaijani servicemen were killed near Kalbajar on {day} September, Armenian officials said."
    )
    return _article(body, "2022-09-14", f"Wire {day}")


@pytest.fixture(scope="module")
def articles():
    return _article(DENIAL, "2022-09-16", "Denial Wire"), [_killing(day) for day in DAYS]


def _links(store: Store) -> list[tuple[str, str]]:
    claims = store.table("claims")
    return sorted(zip(claims["article_id"], claims["other_article_id"], strict=True))


def test_a_claim_keeps_the_five_nearest_reports_whichever_came_first(tmp_path, articles):
    (denial, denial_rows), killings = articles
    nearest = sorted((denial.article_id, k.article_id) for k, _ in killings[:MAX_LINKS])
    first = Store(tmp_path / "denial-first.duckdb")
    for article, rows in [(denial, denial_rows), *killings]:
        store_extracted(first, article, rows)
    assert _links(first) == nearest
    last = Store(tmp_path / "denial-last.duckdb")
    for article, rows in [*reversed(killings), (denial, denial_rows)]:
        store_extracted(last, article, rows)
    assert _links(last) == nearest
    mixed = Store(tmp_path / "mixed.duckdb")
    for article, rows in [killings[6], killings[0], (denial, denial_rows), *killings[1:6]]:
        store_extracted(mixed, article, rows)
    assert _links(mixed) == nearest
    assert first.table("claims").equals(last.table("claims"))


def test_a_batch_in_one_transaction_links_as_one_by_one(tmp_path, articles):
    (denial, _), killings = articles
    folder = tmp_path / "in"
    folder.mkdir()
    for n, (article, _) in enumerate([*killings, (denial, None)]):
        text = (
            f"---\ntitle: t{n}\npublished: {article.published}\nsource: {article.source}\n---\n{article.body}"
        )
        (folder / f"a{n}.md").write_text(text, encoding="utf-8")
    store = Store(tmp_path / "batch.duckdb")
    outcomes = ingest_paths(store, [folder], default_lexicon(), workers=2)
    assert [o.status for o in outcomes] == ["added"] * (len(DAYS) + 1)
    assert _links(store) == sorted((denial.article_id, k.article_id) for k, _ in killings[:MAX_LINKS])


def test_removing_a_report_removes_its_link(tmp_path, articles):
    (denial, denial_rows), killings = articles
    store = Store(tmp_path / "remove.duckdb")
    for article, rows in [(denial, denial_rows), *killings[:2]]:
        store_extracted(store, article, rows)
    assert len(store.table("claims")) == 2
    assert store.remove(killings[0][0].article_id)
    assert _links(store) == [(denial.article_id, killings[1][0].article_id)]


def test_the_store_does_not_import_the_extractor():
    store_dir = Path(__file__).resolve().parent.parent / "borderwatch" / "store"
    for module in store_dir.glob("*.py"):
        assert "borderwatch.extract" not in module.read_text(encoding="utf-8"), module.name
