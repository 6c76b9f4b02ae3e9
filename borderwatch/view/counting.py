"""How a number is read from the casualty and troop figures: one rule, which every page states beside it.

A figure's number is its exact count, else its lower bound ('dozens' is 12, 'at least 40' is 40).
Articles restate the same deaths and a total repeats its parts, so figures of one kind are never
added: the largest stands. Different kinds (killed, wounded, captured) are different people and are
added. Troop figures are claims about one force and are never added either.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

COUNTED_KINDS = ("killed", "wounded", "captured")  # people harmed; 'missing' is not counted
PEOPLE_RULE = (
    "For each kind, the largest figure one source states (the lower bound where only a bound is given); "
    "figures of one kind are not added, since articles restate the same deaths and a total repeats its "
    "parts; different kinds are added."
)
TROOPS_RULE = "The largest troop figure any source claims (figures are not added, since claims overlap)."


def stated_number(frame: pd.DataFrame) -> pd.Series:
    """Each figure's number: its count, else its lower bound; missing when the text gives neither."""
    if frame.empty:
        return pd.Series(dtype="Int64", index=frame.index)
    count = pd.to_numeric(frame["count"], errors="coerce")
    return count.fillna(pd.to_numeric(frame["count_low"], errors="coerce")).astype("Int64")


def people_by(casualties: pd.DataFrame, groups: pd.Series, kinds: Sequence[str] = COUNTED_KINDS) -> pd.Series:
    """People the casualty figures of each group count, by PEOPLE_RULE (groups: a label per row; a row
    with no label is in no group). Groups with no counted figure are absent."""
    rows = pd.DataFrame(
        {"group": groups, "kind": casualties["kind"], "number": stated_number(casualties)},
        index=casualties.index,
    )
    rows = rows[rows["kind"].isin(list(kinds)).fillna(False).astype(bool)].dropna(subset=["group", "number"])
    largest = rows.groupby(["group", "kind"])["number"].max()
    return largest.groupby(level="group").sum().astype("Int64")


def people(casualties: pd.DataFrame, kinds: Sequence[str] = COUNTED_KINDS) -> int:
    """People the casualty figures count, by PEOPLE_RULE: 0 when no figure of these kinds is stated."""
    total = people_by(casualties, pd.Series("all", index=casualties.index, dtype="string"), kinds)
    return int(total.sum())


def largest_troops(troops: pd.DataFrame) -> int | None:
    """The largest troop figure claimed (TROOPS_RULE); None when there is none."""
    numbers = stated_number(troops).dropna()
    return int(numbers.max()) if len(numbers) else None
