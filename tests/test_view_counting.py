"""The one rule for reading people and troops from the figures (the Overview's and the Map's)."""

from __future__ import annotations

import pandas as pd

from borderwatch.view import counting


def figures(*rows: tuple[str, object, object, str]) -> pd.DataFrame:
    """(kind, count, count_low, group) rows as the store types them."""
    frame = pd.DataFrame(rows, columns=["kind", "count", "count_low", "group"])
    return frame.astype({"kind": "string", "count": "Int64", "count_low": "Int64", "group": "string"})


def test_a_figure_s_number_is_its_count_else_its_lower_bound():
    rows = figures(("killed", 3, 3, "a"), ("killed", None, 12, "a"), ("killed", None, None, "a"))
    assert counting.stated_number(rows).tolist() == [3, 12, pd.NA]


def test_one_kind_takes_the_largest_figure_and_kinds_are_added():
    # "two soldiers were killed", later "at least 5 killed" (a restatement), and "3 captured"
    rows = figures(
        ("killed", 2, 2, "a"), ("killed", None, 5, "a"), ("captured", 3, 3, "a"), ("missing", 9, 9, "a")
    )
    assert counting.people(rows) == 5 + 3
    assert counting.people(rows, ("killed",)) == 5
    assert counting.people(rows.iloc[0:0]) == 0


def test_each_group_is_read_by_the_same_rule():
    rows = figures(
        ("wounded", 4, 4, "x"), ("wounded", 1, 1, "x"), ("killed", 1, 1, "y"), ("killed", 2, 2, None)
    )
    assert counting.people_by(rows, rows["group"]).to_dict() == {"x": 4, "y": 1}


def test_troops_are_the_largest_claim_or_none():
    assert counting.largest_troops(figures(("troops", 300, 300, "a"), ("troops", None, 250, "a"))) == 300
    assert counting.largest_troops(figures()) is None
