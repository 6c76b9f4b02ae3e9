"""Every broken store is one clear line: missing, not a store, damaged, read-only, disk full, busy."""

from __future__ import annotations

import os
import random
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from borderwatch.__main__ import main
from borderwatch.articles import parse_article
from borderwatch.paths import READ_ONLY_ENV, read_only
from borderwatch.store.database import Store, StoreBusy, StoreError

ROOT = Path(__file__).resolve().parent.parent
TEXT = (
    "---\ntitle: Test\npublished: 2022-09-14\nsource: Test Wire\n---\nTwo soldiers were wounded on Monday.\n"
)


def _store_with_an_article(path: Path) -> Store:
    store = Store(path)
    store.ingest(parse_article(TEXT, "test.md"), {}, "v1")
    return store


def _one_error_line(capsys) -> str:
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1, err
    assert err[0].startswith("error: ")
    return err[0]


def _cli(*args: str, limit_bytes: int | None = None) -> subprocess.CompletedProcess:
    """The command line in its own process; with limit_bytes no file it writes can grow past that."""

    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails instead of killing
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit_bytes, limit_bytes))

    return subprocess.run(
        [sys.executable, "-m", "borderwatch", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        preexec_fn=limit if limit_bytes else None,
        timeout=120,
    )


def test_connections_never_install_or_load_extensions(tmp_path):
    store = Store(tmp_path / "bw.duckdb")
    setting = (
        "SELECT current_setting('autoinstall_known_extensions'), current_setting('autoload_known_extensions')"
    )
    with store.writer() as writer:
        assert writer.con.execute(setting).fetchone() == (False, False)
    with store._connect(read_only=True) as con:
        assert con.execute(setting).fetchone() == (False, False)


def test_a_sqlite_file_is_refused_before_duckdb_opens_it(tmp_path, capsys):
    path = tmp_path / "notes.db"
    with sqlite3.connect(path) as con:
        con.execute("CREATE TABLE notes (text TEXT)")
    before = path.read_bytes()
    with pytest.raises(StoreError, match="is a SQLite database, not a BorderWatch store"):
        Store(path)
    assert main(["list", "--db", str(path)]) == 2
    assert "SQLite database" in _one_error_line(capsys)
    assert path.read_bytes() == before


def test_a_text_file_or_a_folder_is_not_a_store(tmp_path, capsys):
    text = tmp_path / "notes.duckdb"
    text.write_text("Not a database.\n", encoding="utf-8")
    for args in (["list", "--db", str(text)], ["ingest", str(ROOT / "data" / "articles"), "--db", str(text)]):
        assert main(args) == 2
        assert "is not a DuckDB file" in _one_error_line(capsys)
    assert text.read_text(encoding="utf-8") == "Not a database.\n"
    with pytest.raises(StoreError, match="is a folder, not a store file"):
        Store(tmp_path)


def test_commands_on_a_missing_store_are_errors_not_a_new_store(tmp_path, capsys):
    missing = tmp_path / "absent.duckdb"
    assert main(["list", "--db", str(missing)]) == 2
    assert "there is no store at" in _one_error_line(capsys)
    assert main(["export", "--out", str(tmp_path / "out"), "--db", str(missing)]) == 2
    assert "there is no store at" in _one_error_line(capsys)
    assert main(["remove", "abc123def456", "--db", str(missing)]) == 2
    assert "there is no store at" in _one_error_line(capsys)
    assert main(["reextract", "--db", str(missing)]) == 2
    assert "there is no store at" in _one_error_line(capsys)
    assert not missing.exists() and not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (
            lambda data: data[:4096] + bytes(i * 7 % 256 for i in range(4096)) + data[8192:],
            "a block of it fails its checksum",
        ),
        (lambda data: data[:20_000], "the file is cut short"),
    ],
)
def test_a_damaged_store_is_one_line(tmp_path, capsys, damage, reason):
    path = tmp_path / "bw.duckdb"
    _store_with_an_article(path)
    path.write_bytes(damage(path.read_bytes()))
    for args in (
        ["list"],
        ["export", "--out", str(tmp_path / "out")],
        ["ingest", str(ROOT / "data" / "articles")],
    ):
        assert main([*args, "--db", str(path)]) == 2
        line = _one_error_line(capsys)
        assert f"the store {path} is damaged ({reason})" in line and "restore it from a backup" in line


@contextmanager
def _read_only(folder: Path):
    """Make a folder and its files read-only for this process: permissions, or as root (whom
    permissions do not stop) a read-only bind mount; skip when neither is possible."""
    if os.geteuid() != 0:
        modes = {p: p.stat().st_mode for p in (folder, *folder.iterdir())}
        for path in folder.iterdir():
            path.chmod(0o444)
        folder.chmod(0o555)
        try:
            yield
        finally:
            for path, mode in modes.items():
                path.chmod(mode)
        return
    if not shutil.which("mount"):
        pytest.skip("no mount command to make a read-only folder as root")
    bound = subprocess.run(["mount", "--bind", str(folder), str(folder)], capture_output=True)
    if bound.returncode:
        pytest.skip("cannot bind-mount a folder read-only here")
    try:
        subprocess.run(["mount", "-o", "remount,ro,bind", str(folder)], check=True, capture_output=True)
        yield
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def test_a_read_only_store_and_folder(tmp_path, capsys):
    folder = tmp_path / "shared"
    folder.mkdir()
    path = folder / "bw.duckdb"
    _store_with_an_article(path)
    with _read_only(folder):
        assert main(["ingest", str(ROOT / "data" / "articles"), "--db", str(path)]) == 2
        line = _one_error_line(capsys)
        assert f"cannot write to the store {path}" in line and f"{READ_ONLY_ENV}=1" in line
        assert main(["ingest", str(ROOT / "data" / "articles"), "--db", str(folder / "new.duckdb")]) == 2
        assert "cannot write to the store" in _one_error_line(capsys)
        assert main(["list", "--db", str(path)]) == 0  # reading still works
        assert "Test Wire" in capsys.readouterr().out


def _article_folder(tmp_path: Path, n: int) -> Path:
    """Articles of about 300 KB each, of random letters (which neither compress nor extract into rows)."""
    folder = tmp_path / "in"
    folder.mkdir()
    rng = random.Random(7)
    for i in range(n):
        words = (rng.randbytes(6).hex() for _ in range(25_000))
        body = f"Report {i}. " + " ".join(words)
        (folder / f"a{i}.md").write_text(f"---\npublished: 2022-09-13\n---\n{body}\n", encoding="utf-8")
    return folder


def test_a_full_disk_is_one_line_not_hidden_by_the_failed_rollback(tmp_path):
    path = tmp_path / "bw.duckdb"
    Store(path)
    folder = _article_folder(tmp_path, 3)
    # No file may grow past 64 KB more than the empty store: an article's log write fails, and the
    # rollback after it fails too ("no transaction is active").
    result = _cli("ingest", str(folder), "--db", str(path), limit_bytes=path.stat().st_size + 64 * 1024)
    assert result.returncode == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"error: the disk is full: the store {path} could not be written")
    store = Store(path)
    assert len(store.stored_articles()) == store.counts()["articles"] < 3  # each article whole or absent


def test_a_really_full_disk(tmp_path):
    """The same on a 1 MB file system that truly runs out of space (when this machine lets us mount one)."""
    disk = tmp_path / "disk"
    disk.mkdir()
    if (
        os.geteuid() != 0
        or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(disk)], capture_output=True
        ).returncode
    ):
        pytest.skip("cannot mount a small file system here")
    try:
        result = _cli("ingest", str(_article_folder(tmp_path, 3)), "--db", str(disk / "bw.duckdb"))
        assert result.returncode == 2
        (line,) = result.stderr.splitlines()
        assert line.startswith("error: the disk is full: the store")
    finally:
        subprocess.run(["umount", str(disk)], check=True)


@contextmanager
def _held_by_another_process(path: Path):
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print(1, flush=True); time.sleep(60)",
            str(path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "1"
        yield
    finally:
        holder.kill()
        holder.wait()


def test_a_reader_gives_up_after_about_a_second_while_a_writer_holds_the_store(tmp_path, capsys):
    path = tmp_path / "bw.duckdb"
    store = _store_with_an_article(path)
    with _held_by_another_process(path):
        started = time.monotonic()
        with pytest.raises(StoreBusy) as err:
            store.table("articles")
        assert 0.9 < time.monotonic() - started < 3.0
        assert str(err.value) == "the store is being updated; this page will retry"
        assert main(["list", "--db", str(path)]) == 2
        assert "being updated by another command" in _one_error_line(capsys)
    assert len(store.table("articles")) == 1


def test_read_only_mode(tmp_path, monkeypatch, capsys):
    path = tmp_path / "bw.duckdb"
    store = _store_with_an_article(path)
    article_id = store.table("articles")["article_id"][0]
    assert not read_only()
    monkeypatch.setenv(READ_ONLY_ENV, "1")
    assert read_only()
    viewer = Store(path)
    assert viewer.read_only and len(viewer.table("articles")) == 1
    with pytest.raises(StoreError, match=f"is open read-only \\({READ_ONLY_ENV}=1\\)"):
        viewer.remove(article_id)
    for args in (["ingest", str(ROOT / "data" / "articles")], ["remove", article_id], ["reextract"]):
        assert main([*args, "--db", str(path)]) == 2
        assert f"the store is read-only here ({READ_ONLY_ENV}=1)" in _one_error_line(capsys)
    assert len(Store(path, read_only=False).table("articles")) == 1
    with pytest.raises(StoreError, match="there is no store at"):
        Store(tmp_path / "absent.duckdb")
    assert not (tmp_path / "absent.duckdb").exists()
    monkeypatch.setenv(READ_ONLY_ENV, "0")
    assert not read_only()


def test_a_reader_in_the_same_process_as_a_writer_is_told_the_store_is_busy(tmp_path):
    store = _store_with_an_article(tmp_path / "bw.duckdb")
    with store.writer(), pytest.raises(StoreBusy):
        store.table("articles")
    assert len(store.table("articles")) == 1
