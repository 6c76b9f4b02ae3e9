"""Pages over small stores filled by the real extractor: claims across articles, unattributed quotes."""

from __future__ import annotations

import pytest

from borderwatch.articles import parse_article
from borderwatch.extract import EXTRACTOR_VERSION, extract_article
from borderwatch.extract.lexicon import default_lexicon
from borderwatch.ingest import store_extracted
from borderwatch.store.database import Store
from tests.ui.test_apptest import frame_with, html_bodies, html_lines

DENIAL = "---\ntitle: Ministry statement\npublished: 2022-09-16\nsource: Wire A\n---\n“There were no casualties,” the Azerbaijani Defense Ministry said on Thursday.\n"  # fmt: skip
KILLING = "---\ntitle: Two servicemen killed\npublished: 2022-09-15\nsource: Wire B\n---\nTwo Azerbaijani servicemen were killed near Kalbajar on Tuesday, Armenian officials said.\n"  # fmt: skip


@pytest.fixture(scope="module")
def two_wires(tmp_path_factory):
    path = tmp_path_factory.mktemp("claims") / "two-wires.duckdb"
    store, ids = Store(path), {}
    for name, text in (("denial", DENIAL), ("killing", KILLING)):
        article = parse_article(text, f"{name}.md")
        store_extracted(store, article, extract_article(article, default_lexicon()), EXTRACTOR_VERSION)
        ids[name] = article.article_id
    return path, ids


def test_overview_names_the_other_article_and_shows_its_words(navigation_app, two_wires):
    path, _ = two_wires
    at = navigation_app(db=path)
    assert (
        "Contradicted by (casualty) in another article: 2022-09-15 · Two servicemen killed — Wire B"
        in html_lines(at)
    )
    bodies = html_bodies(at)
    assert any('data-kind="quote"' in b and "There were no casualties</mark>" in b for b in bodies)
    assert any(
        'data-kind="evidence"' in b and "Two Azerbaijani servicemen were killed</mark>" in b for b in bodies
    )


def test_quotes_page_warns_with_the_other_articles_words(navigation_app, two_wires):
    path, _ = two_wires
    at = navigation_app("pages/quotes.py", db=path)
    (warning,) = [line for line in html_lines(at) if line.startswith("Contradicted")]
    assert warning.endswith("That article: “Two Azerbaijani servicemen were killed”")
    assert "Wire B (15 September 2022) reports 2 killed (Azerbaijan, soldier)" in warning


def test_article_page_lists_the_claim_it_contradicts_apart_from_its_own_rows(navigation_app, two_wires):
    path, ids = two_wires
    at = navigation_app("pages/article.py", query={"article": ids["killing"]}, db=path)
    assert "Claims in other articles that this article contradicts" in [h.value for h in at.subheader]
    (line,) = [b for b in html_bodies(at) if "The claim is in" in b]
    assert "<b>Azerbaijani Defense Ministry</b> says “There were no casualties”" in line
    assert "2022-09-16 · Ministry statement — Wire A" in line
    provenance = frame_with(at, "span_holds").value
    assert "claims" not in set(provenance["table"]) and provenance["span_holds"].all()


def test_a_quote_nobody_is_credited_with_says_so(navigation_app, tmp_path):
    store = Store(tmp_path / "unattributed.duckdb")
    text = "---\npublished: 2022-09-14\nsource: Wire C\n---\nResidents of Sotk described a “night of fear” after the shelling.\n"  # fmt: skip
    article = parse_article(text, "c.md")
    store.ingest(article, extract_article(article, default_lexicon()), EXTRACTOR_VERSION)
    at = navigation_app("pages/quotes.py", db=store.path)
    (card,) = [b for b in html_bodies(at) if "<figure" in b]
    assert '<figure aria-label="Quote by Speaker not identified"' in card
    assert "<b>Speaker not identified</b>" in card
