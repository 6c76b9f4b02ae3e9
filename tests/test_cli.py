"""The command line: extract to CSV, ingest into a store, export, and bad input (exit 2, nothing lost)."""

from __future__ import annotations

import csv
from pathlib import Path

from borderwatch.__main__ import main
from borderwatch.schema import TABLES
from borderwatch.store.database import Store

SEED = Path(__file__).resolve().parent.parent / "data" / "articles"
GOOD = "---\ntitle: Night shelling\npublished: 2022-09-13\nsource: Test Wire\n---\nTwo Armenian soldiers were killed near Jermuk on Monday.\n"


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_extract_writes_one_csv_per_table(tmp_path):
    assert main(["extract", str(SEED), "--out", str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{name}.csv" for name in TABLES)
    casualties = _csv(tmp_path / "casualties.csv")
    assert [(c["kind"], c["count"], c["date_start"], c["date_precision"]) for c in casualties] == [
        ("killed", "1", "2021-06-01", "month"),
        ("captured", "6", "2021-06-01", "month"),
    ]
    assert list(casualties[0]) == TABLES["casualties"].column_names
    (article,) = _csv(tmp_path / "articles.csv")
    assert article["published"] == "2021-07-04"


def test_ingest_then_export_and_reingest_is_a_noop(tmp_path, capsys):
    db = tmp_path / "bw.duckdb"
    assert main(["ingest", str(SEED), "--db", str(db)]) == 0
    assert ": added " in capsys.readouterr().out
    assert main(["ingest", str(SEED), "--db", str(db)]) == 0
    assert "unchanged" in capsys.readouterr().out
    out = tmp_path / "export"
    assert main(["export", "--out", str(out), "--db", str(db)]) == 0
    assert len(_csv(out / "quotes.csv")) == Store(db).counts()["quotes"] > 0


def test_bad_files_exit_2_name_the_file_and_the_good_ones_still_go_in(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.md").write_text(GOOD, encoding="utf-8")
    (folder / "empty.md").write_bytes(b"")
    (folder / "nodate.md").write_text("---\ntitle: x\n---\nBody.\n", encoding="utf-8")
    (folder / "binary.md").write_bytes(b"\x00\x01\x02PNG")
    db = tmp_path / "bw.duckdb"
    assert main(["ingest", str(folder), "--db", str(db)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 3
    assert any("empty.md" in line and "empty" in line for line in err)
    assert any("nodate.md" in line and "published" in line for line in err)
    assert any("binary.md" in line and "binary" in line for line in err)
    assert Store(db).counts()["articles"] == 1


def test_ingest_of_a_missing_path_is_reported(tmp_path, capsys):
    assert main(["ingest", str(tmp_path / "nope.md"), "--db", str(tmp_path / "bw.duckdb")]) == 2
    assert "nope.md" in capsys.readouterr().err


def test_extract_links_claims_between_the_files_given(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "denial.md").write_text(
        "---\npublished: 2022-09-16\nsource: Wire A\n---\n"
        "“There were no casualties,” the Azerbaijani Defense Ministry said on Thursday.\n",
        encoding="utf-8",
    )
    (folder / "killing.md").write_text(
        "---\npublished: 2022-09-15\nsource: Wire B\n---\n"
        "Two Azerbaijani servicemen were killed near Kalbajar on Tuesday, Armenian officials said.\n",
        encoding="utf-8",
    )
    assert main(["extract", str(folder), "--out", str(tmp_path / "out")]) == 0
    (claim,) = _csv(tmp_path / "out" / "claims.csv")
    articles = {a["source"]: a["article_id"] for a in _csv(tmp_path / "out" / "articles.csv")}
    assert (claim["article_id"], claim["other_article_id"]) == (articles["Wire A"], articles["Wire B"])
    assert claim["contradiction"].endswith(
        "Wire B (15 September 2022) reports 2 killed (Azerbaijan, soldier)"
    )
