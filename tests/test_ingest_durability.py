"""Nothing lost: an ingest killed at any point leaves whole articles only; two ingests at once both land."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from borderwatch.articles.files import read_path
from borderwatch.extract import extract_article
from borderwatch.extract.lexicon import default_lexicon
from borderwatch.schema import EXTRACTED_TABLES
from borderwatch.store.database import Store

ROOT = Path(__file__).resolve().parent.parent
KILLS = 8
ARTICLES = 600  # enough that an ingest on every core takes seconds, so kills land half-way
SENTENCES = [
    "{n} Armenian soldiers were wounded near Jermuk on Monday, the Armenian Defense Ministry said.",
    "“The shelling did not stop until dawn,” said Foreign Minister Ararat Mirzoyan.",
    "According to local officials, {m} Azerbaijani troops remain near Sotk.",
    "Azerbaijani forces advanced into the Syunik province in May.",
]


def _write_articles(folder: Path, count: int, offset: int = 0) -> None:
    folder.mkdir(parents=True)
    for i in range(offset, offset + count):
        body = "\n\n".join(s.format(n=i + 2, m=100 + i) for s in SENTENCES) + "\n"
        text = f"---\ntitle: Report {i}\npublished: 2022-09-14\n---\n{body}"
        (folder / f"r{i:04d}.md").write_text(text, encoding="utf-8")


def _ingest(folder: Path, db: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "borderwatch", "ingest", str(folder), "--db", str(db)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _wait_for_first_article(proc: subprocess.Popen) -> None:
    """Block until the ingest's progress bar (drawn after each stored article) first appears."""
    seen = b""
    while b"]" not in seen and proc.poll() is None:
        chunk = os.read(proc.stderr.fileno(), 64)
        if not chunk:
            break
        seen += chunk


def _expected_counts(folder: Path) -> dict[str, dict[str, int]]:
    lexicon = default_lexicon()
    expected = {}
    for path in sorted(folder.iterdir()):
        article = read_path(path)
        rows = extract_article(article, lexicon)
        expected[article.article_id] = {name: len(rows[name]) for name in EXTRACTED_TABLES}
    return expected


def _assert_consistent(db: Path, expected: dict[str, dict[str, int]]) -> int:
    """Every stored article has exactly its own rows and its body; no row without its article."""
    store = Store(db)
    articles = set(store.table("articles")["article_id"])
    assert articles <= set(expected)
    for name in EXTRACTED_TABLES:
        frame = store.table(name)
        assert set(frame["article_id"]) <= articles, f"orphan rows in {name}"
        counts = frame["article_id"].value_counts().to_dict()
        for article_id in articles:
            assert counts.get(article_id, 0) == expected[article_id][name], (name, article_id)
    for article_id in articles:
        assert store.body(article_id) is not None
    return len(articles)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_at_random_points_leaves_whole_articles(tmp_path):
    folder, db = tmp_path / "articles", tmp_path / "bw.duckdb"
    _write_articles(folder, ARTICLES)
    expected = _expected_counts(folder)
    rng = random.Random(20210704)
    stored_counts = []
    for _ in range(KILLS):
        proc = _ingest(folder, db)
        _wait_for_first_article(proc)  # imports take seconds; aim the kill at the writing itself
        time.sleep(rng.uniform(0.0, 2.0))
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        stored_counts.append(_assert_consistent(db, expected))
    proc = _ingest(folder, db)
    assert proc.wait(timeout=300) == 0, proc.stderr.read().decode() if proc.stderr else ""
    assert _assert_consistent(db, expected) == len(expected)
    # the kills interrupted ingests half-way (partial stores were seen) and stored articles were never lost
    assert any(0 < n < len(expected) for n in stored_counts)
    assert stored_counts == sorted(stored_counts)


def _processes_reading(db: Path) -> list[int]:
    """Ids of the running processes whose command line names this store."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and str(db).encode() in (entry / "cmdline").read_bytes():
                found.append(int(entry.name))
        except OSError:  # the process ended while we looked
            continue
    return found


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads the process table from /proc")
def test_a_killed_ingest_leaves_no_worker_behind(tmp_path):
    folder, db = tmp_path / "articles", tmp_path / "bw.duckdb"
    _write_articles(folder, ARTICLES)
    proc = _ingest(folder, db)
    _wait_for_first_article(proc)
    assert len(_processes_reading(db)) > 1, "the ingest extracts in worker processes"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 10
    while _processes_reading(db) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _processes_reading(db) == []


def test_two_ingests_at_once_both_land(tmp_path):
    db = tmp_path / "bw.duckdb"
    _write_articles(tmp_path / "a", 25)
    _write_articles(tmp_path / "b", 25, offset=25)
    Store(db)
    first, second = _ingest(tmp_path / "a", db), _ingest(tmp_path / "b", db)
    assert first.wait(timeout=300) == 0, first.stderr.read().decode()
    assert second.wait(timeout=300) == 0, second.stderr.read().decode()
    expected = _expected_counts(tmp_path / "a") | _expected_counts(tmp_path / "b")
    assert _assert_consistent(db, expected) == 50
