"""How the dashboard writes a value: a count with its noun, a cell that may be missing, literal text.

One rule each, shared by every page and figure builder.
"""

from __future__ import annotations

import re

import pandas as pd

MISSING = "—"  # a value the store does not have, where a number or a short field would be
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>$~|#])")
# What one row of each table is called, singular and plural.
TABLE_NOUNS: dict[str, tuple[str, str]] = {
    "articles": ("article", "articles"),
    "events": ("event", "events"),
    "casualties": ("casualty figure", "casualty figures"),
    "troop_figures": ("troop figure", "troop figures"),
    "quotes": ("quote", "quotes"),
    "claims": ("claim", "claims"),
    "actors": ("actor", "actors"),
    "places": ("place", "places"),
}


def plural(n: float, singular: str, plural_form: str | None = None) -> str:
    """'1 event', '2 events', '1,000 casualty figures': the count and the noun that goes with it
    (the plural is the singular and an s unless it is given)."""
    number = f"{int(n):,}" if float(n).is_integer() else f"{n:,.1f}"
    return f"{number} {singular if n == 1 else plural_form or singular + 's'}"


def table_rows(n: int, table: str) -> str:
    """'1 casualty figure', '3 quotes': a count of one table's rows."""
    return plural(n, *TABLE_NOUNS[table])


def is_missing(value: object) -> bool:
    """True for None and pandas' missing values (NA, NaN, NaT)."""
    return value is None or (not isinstance(value, str) and bool(pd.isna(value)))


def cell(value: object, default: str = "") -> str:
    """A cell as text: a missing value becomes the default."""
    return default if is_missing(value) else str(value)


def article_label(title: object, published: object, source: object) -> str:
    """How an article is named everywhere: '2021-07-04 · Title — Source'."""
    day = published.strftime("%Y-%m-%d") if hasattr(published, "strftime") else cell(published, "undated")
    return f"{day} · {cell(title) or 'untitled'} — {cell(source) or 'no source'}"


def markdown_literal(text: str) -> str:
    """Text that Streamlit's Markdown shows as written (a file name with * or $ is not formatting)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)
