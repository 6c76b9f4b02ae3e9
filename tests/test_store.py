"""The DuckDB store: one transaction per article, no-op re-ingest, replacement, removal, filtered queries."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from borderwatch.articles import parse_article
from borderwatch.extract import extract_article
from borderwatch.extract.lexicon import default_lexicon
from borderwatch.ingest import store_extracted
from borderwatch.store.database import Store
from borderwatch.store.filters import Filter

BODY = "Two Armenian soldiers were wounded near Jermuk on Monday. The CSTO held talks in May.\n"
TEXT = f"---\ntitle: Test\npublished: 2022-09-14\nsource: Test Wire\n---\n{BODY}"


def _rows(article_id: str) -> dict[str, list[dict[str, object]]]:
    wounded = BODY.index("Two Armenian soldiers were wounded")
    talks = BODY.index("The CSTO held talks")
    return {
        "events": [
            {
                "event_id": f"{article_id}-E001",
                "article_id": article_id,
                "event_type": "Battles",
                "cameo_code": "190",
                "actor1": "Azerbaijani Armed Forces",
                "actor2": "Armenian Armed Forces",
                "date_start": date(2022, 9, 12),
                "date_end": date(2022, 9, 12),
                "date_precision": "day",
                "admin1": "Vayots Dzor",
                "fatalities": None,
                "negated": False,
                "sentence_index": 0,
                "char_start": wounded,
                "char_end": talks - 1,
                "evidence": BODY[wounded : talks - 1],
            },
            {
                "event_id": f"{article_id}-E002",
                "article_id": article_id,
                "event_type": "Strategic developments",
                "cameo_code": "046",
                "actor1": "CSTO",
                "date_start": date(2022, 5, 1),
                "date_end": date(2022, 5, 31),
                "date_precision": "month",
                "negated": False,
                "sentence_index": 1,
                "char_start": talks,
                "char_end": len(BODY) - 1,
                "evidence": BODY[talks:-1],
            },
        ],
        "casualties": [
            {
                "casualty_id": f"{article_id}-C001",
                "article_id": article_id,
                "event_id": f"{article_id}-E001",
                "side": "Armenia",
                "role": "soldier",
                "kind": "wounded",
                "count": 2,
                "count_low": 2,
                "count_high": 2,
                "sentence_index": 0,
                "char_start": wounded,
                "char_end": wounded + 34,
                "evidence": BODY[wounded : wounded + 34],
            },
        ],
    }


@pytest.fixture
def store(tmp_path):
    return Store(tmp_path / "test.duckdb")


@pytest.fixture
def article():
    return parse_article(TEXT, "test.md")


def test_ingest_then_query(store, article):
    result = store.ingest(article, _rows(article.article_id), "v1")
    assert result.status == "added"
    assert result.counts["events"] == 2 and result.counts["casualties"] == 1
    events = store.table("events")
    assert list(events["cameo_code"]) == ["046", "190"]  # ordered by date_end
    assert str(events["fatalities"].dtype) == "Int64" and events["fatalities"].isna().all()
    assert store.body(article.article_id) == BODY
    assert store.table("articles")["n_sentences"].isna().all()


def test_reingest_same_version_is_a_noop_and_new_version_replaces(store, article):
    store.ingest(article, _rows(article.article_id), "v1")
    assert store.ingest(article, _rows(article.article_id), "v1").status == "unchanged"
    assert store.counts()["events"] == 2
    fewer = _rows(article.article_id)
    fewer["events"] = fewer["events"][:1]
    assert store.ingest(article, fewer, "v2").status == "replaced"
    assert store.counts()["events"] == 1 and store.counts()["articles"] == 1
    assert store.stored_version(article.article_id) == "v2"


def test_a_failing_ingest_leaves_the_store_unchanged(store, article):
    store.ingest(article, _rows(article.article_id), "v1")
    broken = _rows(article.article_id)
    broken["events"].append(dict(broken["events"][0]))  # duplicate primary key: the insert fails
    with pytest.raises(duckdb.Error):
        store.ingest(article, broken, "v2")
    assert store.counts()["events"] == 2
    assert store.stored_version(article.article_id) == "v1"


def test_remove(store, article):
    store.ingest(article, _rows(article.article_id), "v1")
    assert store.remove(article.article_id) is True
    assert store.counts() == dict.fromkeys(store.counts(), 0)
    assert store.remove(article.article_id) is False


@pytest.mark.parametrize(
    ("flt", "events", "casualties"),
    [
        (Filter(), 2, 1),
        (Filter(actors=("CSTO",)), 1, 0),
        (Filter(actors=("Armenian Armed Forces",)), 1, 1),
        (Filter(date_from=date(2022, 9, 1)), 1, 1),
        (Filter(date_to=date(2022, 6, 1)), 1, 0),
        (Filter(provinces=("Vayots Dzor",)), 1, 1),
        (Filter(event_types=("Battles",)), 1, 1),
        (Filter(text="talks"), 1, 0),
    ],
)
def test_filtered_queries(store, article, flt, events, casualties):
    store.ingest(article, _rows(article.article_id), "v1")
    assert len(store.table("events", flt)) == events
    assert len(store.table("casualties", flt)) == casualties


def test_date_bounds_cover_events_and_publication(store, article):
    store.ingest(article, _rows(article.article_id), "v1")
    assert store.date_bounds() == (date(2022, 5, 1), date(2022, 9, 14))


# -- claims between stored articles --------------------------------------------------------------------
def _extracted(body: str, published: str, source: str):
    text = f"---\ntitle: {source}\npublished: {published}\nsource: {source}\n---\n{body}\n"
    a = parse_article(text, f"{source}.md")
    return a, extract_article(a, default_lexicon())


DENIAL = (
    "“There were no casualties,” the Azerbaijani Defense Ministry said on Thursday.",
    "2022-09-16",
    "Wire A",
)
KILLING = ("Two Azerbaijani servicemen were killed near Kalbajar on Tuesday, Armenian officials said.", "2022-09-15", "Wire B")  # fmt: skip


def _ingest(store, *specs):
    ids = []
    for spec in specs:
        a, rows = _extracted(*spec)
        store_extracted(store, a, rows, "v1")
        ids.append(a.article_id)
    return ids


def test_a_denial_and_the_article_that_contradicts_it_are_linked_whichever_comes_first(tmp_path):
    first = Store(tmp_path / "first.duckdb")
    denial_id, killing_id = _ingest(first, DENIAL, KILLING)
    second = Store(tmp_path / "second.duckdb")
    _ingest(second, KILLING, DENIAL)
    claims = first.table("claims")
    assert list(claims["article_id"]) == [denial_id]
    assert list(claims["other_article_id"]) == [killing_id]
    assert claims.iloc[0]["other_text"] == "Two Azerbaijani servicemen were killed"
    assert second.table("claims").equals(claims)


def test_reingest_keeps_one_row_per_link_and_removal_drops_it(store):
    denial_id, killing_id = _ingest(store, DENIAL, KILLING)
    a, rows = _extracted(*DENIAL)
    store_extracted(store, a, rows, "v2")  # re-extraction of the denial
    a, rows = _extracted(*KILLING)
    store_extracted(store, a, rows, "v2")  # and of the killing
    assert len(store.table("claims")) == 1
    assert store.remove(killing_id)
    assert store.table("claims").empty
    _ingest(store, KILLING)
    assert len(store.table("claims")) == 1
    assert store.remove(denial_id)
    assert store.table("claims").empty


def test_an_article_filter_finds_a_claim_from_either_side(store):
    denial_id, killing_id = _ingest(store, DENIAL, KILLING)
    for article_id in (denial_id, killing_id):
        assert len(store.table("claims", Filter(article_ids=(article_id,)))) == 1
    assert store.table("claims", Filter(article_ids=("000000000000",))).empty
    assert len(store.table("claims", Filter(text="servicemen were killed"))) == 1


def test_the_store_reads_the_dates_that_matter_and_links_only_within_the_window(store):
    # the denial has no date of its own: it was made on its article's publication day, 16 September
    undated_denial = (
        "“There were no casualties,” the Azerbaijani Defense Ministry said.",
        "2022-09-16",
        "Wire A",
    )
    in_window = KILLING  # Tuesday 13 September
    months_before = ("Three Azerbaijani servicemen were killed near Lachin on Tuesday, Armenian officials said.", "2022-06-02", "Wire C")  # fmt: skip
    denial_id, in_id, before_id = _ingest(store, undated_denial, in_window, months_before)
    assert len({denial_id, in_id, before_id}) == 3 and len(store.table("casualties")) == 2
    assert list(
        zip(store.table("claims")["article_id"], store.table("claims")["other_article_id"], strict=True)
    ) == [(denial_id, in_id)]
    other_order = Store(store.path.with_name("other-order.duckdb"))
    _ingest(other_order, months_before, in_window, undated_denial)
    assert other_order.table("claims").equals(store.table("claims"))
