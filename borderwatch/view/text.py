"""How the dashboard writes a value: a count with its noun, a cell that may be missing, a stated number.

One rule each, shared by every page and figure builder.
"""

from __future__ import annotations

import re

import pandas as pd

MISSING = "—"  # a value the store does not have, where a number or a short field would be
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>$~|#])")
# Plurals that adding -s would get wrong.
IRREGULAR_PLURALS = {"casualty": "casualties", "troops claimed": "troops claimed"}


def plural(n: int, singular: str, plural_form: str | None = None) -> str:
    """'1 event', '2 events', '1,000 casualty figures': the count and the noun that goes with it."""
    return f"{n:,} {singular if n == 1 else plural_form or plural_of(singular)}"


def plural_of(singular: str) -> str:
    """'event' → 'events', 'casualty figure' → 'casualty figures', 'casualty' → 'casualties'."""
    if singular in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[singular]
    head, space, last = singular.rpartition(" ")
    if last.endswith("y") and last[-2:-1] not in tuple("aeiou"):
        last = last[:-1] + "ie"
    return f"{head}{space}{last}s"


def is_missing(value: object) -> bool:
    """True for None and pandas' missing values (NA, NaN, NaT)."""
    return value is None or (not isinstance(value, str) and bool(pd.isna(value)))


def cell(value: object, default: str = "") -> str:
    """A cell as text: a missing value becomes the default."""
    return default if is_missing(value) else str(value)


def stated_number(frame: pd.DataFrame) -> pd.Series:
    """Each casualty or troop figure's number: the exact count, else its lower bound (the conservative
    reading: 'at least 12' is 12); missing when the text gives neither."""
    if frame.empty:
        return pd.Series(dtype="Int64", index=frame.index)
    count = pd.to_numeric(frame["count"], errors="coerce")
    return count.fillna(pd.to_numeric(frame["count_low"], errors="coerce")).astype("Int64")


def markdown_literal(text: str) -> str:
    """Text that Streamlit's Markdown shows as written (a file name with * or $ is not formatting)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)
