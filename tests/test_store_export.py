"""CSV export is safe to open in a spreadsheet: text that would run as a formula starts with an apostrophe."""

from __future__ import annotations

import csv
import io
import zipfile

from borderwatch.schema import TABLES
from borderwatch.store.database import typed_frame
from borderwatch.store.export import to_csv, write_tables, zip_tables

HOSTILE = {
    "article_id": "abc123def456",
    "casualty_id": "abc123def456-C001",
    "side": '=HYPERLINK("http://example.org","click")',
    "role": "+soldier",
    "kind": "-killed",
    "perpetrator": "@SUM(1+1)",
    "location": "\tTab village",
    "admin1": "\rReturn",
    "count": -3,
    "count_low": -3,
    "evidence": "Two soldiers = wounded",
}


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def _frame():
    return typed_frame(TABLES["casualties"], [HOSTILE])


def test_formula_starts_are_neutralised_and_numbers_stay_numbers():
    (row,) = _rows(to_csv(_frame()))
    assert row["side"] == '\'=HYPERLINK("http://example.org","click")'
    assert (row["role"], row["kind"], row["perpetrator"]) == ("'+soldier", "'-killed", "'@SUM(1+1)")
    assert (row["location"], row["admin1"]) == ("'\tTab village", "'\rReturn")
    assert (row["count"], row["count_low"]) == ("-3", "-3")
    assert row["evidence"] == "Two soldiers = wounded"  # only a cell's first character matters
    assert row["article_id"] == "abc123def456"


def test_raw_keeps_every_value_as_stored():
    (row,) = _rows(to_csv(_frame(), raw=True))
    assert (row["side"], row["role"], row["kind"]) == (HOSTILE["side"], "+soldier", "-killed")


def test_write_tables_and_the_zip_neutralise_too(tmp_path):
    frames = {"casualties": _frame()}
    (path,) = write_tables(frames, tmp_path / "safe")
    assert _rows(path.read_text(encoding="utf-8"))[0]["kind"] == "'-killed"
    (raw_path,) = write_tables(frames, tmp_path / "raw", raw=True)
    assert _rows(raw_path.read_text(encoding="utf-8"))[0]["kind"] == "-killed"
    with zipfile.ZipFile(io.BytesIO(zip_tables(frames))) as archive:
        assert _rows(archive.read("casualties.csv").decode())[0]["perpetrator"] == "'@SUM(1+1)"
        assert "data_dictionary.csv" in archive.namelist()
    with zipfile.ZipFile(io.BytesIO(zip_tables(frames, raw=True))) as archive:
        assert _rows(archive.read("casualties.csv").decode())[0]["perpetrator"] == "@SUM(1+1)"
