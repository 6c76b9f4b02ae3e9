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


HOSTILE = {
    "impossible.md": (
        "---\npublished: 2021-02-30\n---\nShelling was reported.\n",
        "not a day of the calendar",
    ),
    "early.md": ("---\npublished: 1899-12-31\n---\nShelling was reported.\n", "before 1900"),
    "huge.md": ("---\npublished: 99999999999999999999\n---\nShelling was reported.\n", "not a date"),
    "laughs.md": ("---\npublished: 2022-09-13\na: &a [x, x]\nb: [*a, *a]\n---\nShelling.\n", "YAML anchor"),
    "nested.md": ("---\npublished: 2022-09-13\ntitle: [a, b]\n---\nShelling.\n", "list or a mapping"),
}
WITH_TIME = "---\ntitle: Timed\npublished: 2022-09-14T10:30:00Z\nsource: Clock Wire\n---\nA mortar round hit a house in Sotk on Tuesday.\n"


def _hostile_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.md").write_text(GOOD, encoding="utf-8")
    (folder / "timed.md").write_text(WITH_TIME, encoding="utf-8")
    (folder / "stray.md").write_bytes(GOOD.replace("Night", "Late").encode() + b"Stray \xff byte.\n")
    for name, (text, _) in HOSTILE.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _check_hostile_lines(stderr: str) -> None:
    errors = [line for line in stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == len(HOSTILE), stderr
    for name, (_, reason) in HOSTILE.items():
        (line,) = [line for line in errors if f"{name}: " in line]
        assert reason in line


def test_extract_gives_one_line_per_hostile_file_and_writes_the_good_ones(tmp_path, capsys):
    assert main(["extract", str(_hostile_folder(tmp_path)), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    _check_hostile_lines(err)
    (warning,) = [line for line in err.splitlines() if line.startswith("warning: ")]
    assert "stray.md: 1 byte not UTF-8" in warning
    articles = {a["title"]: a["published"] for a in _csv(tmp_path / "out" / "articles.csv")}
    assert articles == {"Night shelling": "2022-09-13", "Late shelling": "2022-09-13", "Timed": "2022-09-14"}


def test_ingest_gives_one_line_per_hostile_file_and_stores_the_good_ones(tmp_path, capsys):
    db = tmp_path / "bw.duckdb"
    assert main(["ingest", str(_hostile_folder(tmp_path)), "--db", str(db)]) == 2
    _check_hostile_lines(capsys.readouterr().err)
    assert sorted(Store(db).table("articles")["title"]) == ["Late shelling", "Night shelling", "Timed"]


def test_extract_leaves_out_a_file_the_extractor_fails_on_and_writes_the_others(
    tmp_path, capsys, monkeypatch
):
    import borderwatch.__main__ as cli

    real = cli.extract_article

    def fails_on_timed(article, lexicon):
        if article.title == "Timed":
            raise RecursionError("too deep")
        return real(article, lexicon)

    monkeypatch.setattr(cli, "extract_article", fails_on_timed)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.md").write_text(GOOD, encoding="utf-8")
    (folder / "timed.md").write_text(WITH_TIME, encoding="utf-8")
    assert main(["extract", str(folder), "--out", str(tmp_path / "out")]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert "timed.md: the extractor failed on this file (RecursionError)" in line
    assert [a["title"] for a in _csv(tmp_path / "out" / "articles.csv")] == ["Night shelling"]


def test_csv_cells_that_would_run_as_formulas_are_neutralised_unless_raw(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "formula.md").write_text(
        "---\ntitle: '=HYPERLINK(\"http://example.org\")'\npublished: 2022-09-13\nsource: '@Wire'\n---\n"
        "Two Armenian soldiers were killed near Jermuk on Monday.\n",
        encoding="utf-8",
    )
    assert main(["extract", str(folder), "--out", str(tmp_path / "safe")]) == 0
    (article,) = _csv(tmp_path / "safe" / "articles.csv")
    assert (article["title"], article["source"]) == ('\'=HYPERLINK("http://example.org")', "'@Wire")
    assert main(["extract", str(folder), "--out", str(tmp_path / "raw"), "--raw"]) == 0
    (article,) = _csv(tmp_path / "raw" / "articles.csv")
    assert (article["title"], article["source"]) == ('=HYPERLINK("http://example.org")', "@Wire")
    db = tmp_path / "bw.duckdb"
    assert main(["ingest", str(folder), "--db", str(db)]) == 0
    assert main(["export", "--out", str(tmp_path / "export"), "--db", str(db)]) == 0
    assert _csv(tmp_path / "export" / "articles.csv")[0]["source"] == "'@Wire"
    assert main(["export", "--out", str(tmp_path / "export-raw"), "--db", str(db), "--raw"]) == 0
    assert _csv(tmp_path / "export-raw" / "articles.csv")[0]["source"] == "@Wire"


def test_an_out_folder_that_cannot_be_written_is_one_line(tmp_path, capsys):
    blocker = tmp_path / "out"
    blocker.write_text("a file where the folder should be\n", encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.md").write_text(GOOD, encoding="utf-8")
    assert main(["extract", str(folder), "--out", str(blocker)]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith(f"error: {blocker}: cannot write the CSV files")
