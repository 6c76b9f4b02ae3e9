"""What pages ask the store for: the sidebar counts values in SQL, pages read only the columns they draw."""

from __future__ import annotations

import pytest

from borderwatch.store.database import Store
from tests.ui.fixtures import ACTOR_OPTIONS, PROVINCES, build_store


@pytest.fixture
def reads(monkeypatch):
    """Every Store.table and Store.count_by call a run makes: (name, columns) and (name, column)."""
    calls: dict[str, list] = {"table": [], "count_by": []}
    table, count_by = Store.table, Store.count_by

    def recorded_table(self, name, flt=None, columns=None):
        calls["table"].append((name, None if columns is None else tuple(columns)))
        return table(self, name, flt, columns)

    def recorded_count_by(self, name, column, flt=None):
        calls["count_by"].append((name, column))
        return count_by(self, name, column, flt)

    monkeypatch.setattr(Store, "table", recorded_table)
    monkeypatch.setattr(Store, "count_by", recorded_count_by)
    return calls


def test_quotes_page_sidebar_counts_values_instead_of_reading_tables(reads, navigation_app, tmp_path):
    db = tmp_path / "fresh.duckdb"  # a new path: nothing cached for it yet
    build_store(db)
    at = navigation_app("pages/quotes.py", db=db)
    assert not at.exception
    assert at.multiselect(key="actor").options == ACTOR_OPTIONS
    assert at.multiselect(key="province").options == PROVINCES
    assert {("events", "actor1"), ("quotes", "speaker_org"), ("troop_figures", "admin1")} <= set(
        reads["count_by"]
    )
    read_tables = {name for name, _ in reads["table"]}
    assert not read_tables & {"events", "casualties", "troop_figures"}  # the sidebar alone uses these
    assert ("quotes", ("speaker", "speaker_org", "kind", "topic")) in reads["table"]


def test_overview_reads_few_columns_of_the_figure_tables(reads, navigation_app, tmp_path):
    db = tmp_path / "fresh.duckdb"
    build_store(db)
    at = navigation_app("pages/overview.py", db=db)
    assert not at.exception
    assert ("casualties", ("kind", "count", "count_low")) in reads["table"]
    assert ("quotes", ("quote_id",)) in reads["table"]
    assert ("casualties", None) not in reads["table"]
