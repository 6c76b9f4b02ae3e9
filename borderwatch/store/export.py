"""CSV export: one file per table (UTF-8, header row, RFC 4180 quoting), or all of them in one ZIP."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from borderwatch.schema import TABLES, data_dictionary


def to_csv(frame: pd.DataFrame) -> str:
    """A table as CSV text: dates as YYYY-MM-DD, empty cells for unknown values, CRLF line ends."""
    out = frame.copy()
    for column in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[column]):
            fmt = "%Y-%m-%d" if (out[column].dropna().dt.normalize() == out[column].dropna()).all() else None
            out[column] = out[column].dt.strftime(fmt) if fmt else out[column].astype("string")
    return out.to_csv(index=False, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n", na_rep="")


def dictionary_csv() -> str:
    """The data dictionary (every column of every table) as CSV."""
    return to_csv(pd.DataFrame(data_dictionary()))


def write_tables(frames: Mapping[str, pd.DataFrame], directory: Path) -> list[Path]:
    """Write one CSV per table into a directory; returns the files written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name in TABLES:
        if name in frames:
            path = directory / f"{name}.csv"
            path.write_text(to_csv(frames[name]), encoding="utf-8", newline="")
            written.append(path)
    return written


def zip_tables(frames: Mapping[str, pd.DataFrame]) -> bytes:
    """Every table and the data dictionary as CSV files inside one ZIP archive."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in TABLES:
            if name in frames:
                archive.writestr(f"{name}.csv", to_csv(frames[name]))
        archive.writestr("data_dictionary.csv", dictionary_csv())
    return buffer.getvalue()
