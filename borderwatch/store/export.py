"""CSV export: one file per table (UTF-8, header row, RFC 4180 quoting), or all of them in one ZIP.

Text cells a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return) are
written with a leading apostrophe, as OWASP advises against CSV injection; numbers are left as numbers.
`raw=True` writes every value as stored.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from borderwatch.schema import TABLES, data_dictionary

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """A text cell made inert for spreadsheets: a leading apostrophe before a formula start."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def to_csv(frame: pd.DataFrame, raw: bool = False) -> str:
    """A table as CSV text: dates as YYYY-MM-DD, empty cells for unknown values, CRLF line ends."""
    out = frame.copy()
    for column in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[column]):
            fmt = "%Y-%m-%d" if (out[column].dropna().dt.normalize() == out[column].dropna()).all() else None
            out[column] = out[column].dt.strftime(fmt) if fmt else out[column].astype("string")
        elif not raw and _holds_text(out[column]):
            out[column] = out[column].map(neutralise, na_action="ignore")
    return out.to_csv(index=False, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n", na_rep="")


def _holds_text(column: pd.Series) -> bool:
    """Whether a column can hold text (numeric, boolean and date columns cannot start a formula)."""
    return pd.api.types.is_object_dtype(column) or pd.api.types.is_string_dtype(column)


def dictionary_csv(raw: bool = False) -> str:
    """The data dictionary (every column of every table) as CSV."""
    return to_csv(pd.DataFrame(data_dictionary()), raw)


def write_tables(frames: Mapping[str, pd.DataFrame], directory: Path, raw: bool = False) -> list[Path]:
    """Write one CSV per table into a directory; returns the files written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name in TABLES:
        if name in frames:
            path = directory / f"{name}.csv"
            path.write_text(to_csv(frames[name], raw), encoding="utf-8", newline="")
            written.append(path)
    return written


def zip_tables(frames: Mapping[str, pd.DataFrame], raw: bool = False) -> bytes:
    """Every table and the data dictionary as CSV files inside one ZIP archive."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in TABLES:
            if name in frames:
                archive.writestr(f"{name}.csv", to_csv(frames[name], raw))
        archive.writestr("data_dictionary.csv", dictionary_csv(raw))
    return buffer.getvalue()
