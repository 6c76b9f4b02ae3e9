"""The query API's read path: typed frames from Arrow, column selection and counts per value."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from borderwatch.articles import parse_article
from borderwatch.schema import PANDAS_DTYPES, TABLES
from borderwatch.store.database import Store, empty_frame, typed_frame
from borderwatch.store.filters import Filter

BODY = "Shelling hit Tegh on Monday. Three soldiers were wounded near Sotk in May. Talks went on.\n"


def _event(article_id: str, n: int, **values: object) -> dict[str, object]:
    return {
        "event_id": f"{article_id}-E{n:03d}",
        "article_id": article_id,
        "negated": False,
        "char_start": n,
        "char_end": n + 1,
        "evidence": BODY[n : n + 1],
        **values,
    }


@pytest.fixture
def store(tmp_path):
    store = Store(tmp_path / "q.duckdb")
    article = parse_article(f"---\ntitle: Q\npublished: 2022-09-14\n---\n{BODY}", "q.md")
    aid = article.article_id
    events = [
        _event(aid, 0, actor1="Azerbaijan", admin1="Syunik", date_start=date(2022, 9, 12), date_end=date(2022, 9, 12), latitude=39.5),
        _event(aid, 1, actor1="Armenia", actor2="Azerbaijan", admin1="Syunik", date_start=date(2022, 5, 1), date_end=date(2022, 5, 31)),
        _event(aid, 2, actor1="CSTO", admin1="Gegharkunik", fatalities=3),
        _event(aid, 3, actor1="Armenia"),
    ]  # fmt: skip
    store.ingest(article, {"events": events}, "v1")
    return store


def test_every_column_has_the_schema_type(store):
    for name, table in TABLES.items():
        frame = store.table(name)
        assert list(frame.columns) == table.column_names
        for column in table.columns:
            assert str(frame[column.name].dtype) == PANDAS_DTYPES[column.type], (name, column.name)


def test_values_survive_the_arrow_path(store):
    events = store.table("events")
    assert list(events["date_start"]) == [pd.Timestamp(2022, 5, 1), pd.Timestamp(2022, 9, 12), pd.NaT, pd.NaT]
    assert list(events["latitude"].isna()) == [True, False, True, True]
    assert events["fatalities"].tolist() == [pd.NA, pd.NA, 3, pd.NA]
    assert events["negated"].tolist() == [False] * 4
    assert events["actor2"].tolist() == ["Azerbaijan", pd.NA, pd.NA, pd.NA]


def test_only_the_columns_asked_for(store):
    frame = store.table("events", Filter(actors=("Armenia",)), columns=["actor1", "date_end"])
    assert list(frame.columns) == ["actor1", "date_end"]
    assert frame["actor1"].tolist() == ["Armenia", "Armenia"]
    assert str(frame["date_end"].dtype) == "datetime64[s]"
    with pytest.raises(KeyError):
        store.table("events", columns=["no_such_column"])


def test_counts_per_value_follow_the_filter(store):
    counts = store.count_by("events", "admin1")
    assert list(zip(counts["admin1"], counts["count"], strict=True)) == [
        ("Gegharkunik", 1),
        ("Syunik", 2),
        (pd.NA, 1),
    ]
    dated = store.count_by("events", "date_start", Filter(date_from=date(2022, 9, 1)))
    # the September event and the two with no date (open intervals count as overlapping)
    assert dated["count"].tolist() == [1, 2]
    assert dated["date_start"].tolist()[0] == pd.Timestamp(2022, 9, 12)
    assert store.count_by("events", "actor1", Filter(actors=("Nobody",))).empty


def test_frames_built_from_rows_have_the_same_types():
    table = TABLES["casualties"]
    rows = [{"casualty_id": "x-C001", "count": 2, "date_start": date(2022, 1, 2), "unknown_key": 1}]
    frame = typed_frame(table, rows)
    assert list(frame.columns) == table.column_names
    assert frame["count"].tolist() == [2] and str(frame["count"].dtype) == "Int64"
    assert frame["date_start"].tolist() == [pd.Timestamp(2022, 1, 2)]
    empty = empty_frame(table, ["kind", "count"])
    assert list(empty.columns) == ["kind", "count"] and str(empty["count"].dtype) == "Int64"
