"""The dashboard on a store it cannot use as usual: read-only, broken, or held by a writer.

Each page must say in one line what is wrong (never a traceback), and a read-only dashboard must offer
no action that would change the store.
"""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from borderwatch import ui

PAGES = ("pages/overview.py", "pages/timeline.py", "pages/quotes.py", "pages/data.py", "pages/add.py")
HOLD_WRITER = (
    "import sys, time, duckdb\n"
    "con = duckdb.connect(sys.argv[1])\n"
    "con.execute('BEGIN TRANSACTION')\n"
    "print('holding', flush=True)\n"
    "time.sleep(120)\n"
)


def texts(elements) -> list[str]:
    return [e.value for e in elements]


def test_a_read_only_dashboard_offers_no_action_that_changes_the_store(navigation_app, monkeypatch):
    monkeypatch.setenv("BORDERWATCH_READ_ONLY", "1")
    at = navigation_app("pages/add.py")
    assert not at.exception
    assert any("read-only" in t for t in texts(at.info))
    assert not at.tabs, "the upload and paste tabs are not offered"
    labels = [b.label for b in at.button]
    assert not [label for label in labels if label.startswith(("Re-extract", "Remove", "Save"))]
    assert at.dataframe, "the stored articles are still listed"


def test_the_add_page_offers_its_actions_when_the_store_is_writable(navigation_app, monkeypatch):
    monkeypatch.delenv("BORDERWATCH_READ_ONLY", raising=False)
    at = navigation_app("pages/add.py")
    assert [t.label for t in at.tabs] == ["Upload files", "Paste text"]
    assert "Re-extract this article" in [b.label for b in at.button]


@pytest.mark.parametrize("page", PAGES)
def test_a_file_that_is_not_a_store_is_one_line_on_every_page(navigation_app, tmp_path, page):
    bad = tmp_path / "notes.duckdb"
    bad.write_text("meeting notes, not a store\n", encoding="utf-8")
    at = navigation_app(page, db=bad)
    assert not at.exception
    [error] = texts(at.error)
    assert "not a DuckDB file" in error and "\n" not in error
    assert bad.read_text(encoding="utf-8") == "meeting notes, not a store\n", "the file is left as it was"


def test_a_page_waits_for_a_writer_then_asks_for_a_reload_and_reads_once_it_is_gone(
    navigation_app, fixture_db, tmp_path, monkeypatch
):
    db = tmp_path / "busy.duckdb"
    shutil.copy(fixture_db, db)
    monkeypatch.setattr(ui, "BUSY_RETRIES", 2)
    writer = subprocess.Popen([sys.executable, "-c", HOLD_WRITER, str(db)], stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout.readline().strip() == "holding"
        at = navigation_app("pages/overview.py", db=db)
        assert not at.exception
        assert any("still being updated" in t for t in texts(at.warning))
        assert not at.metric, "nothing is drawn from a store that could not be read"
    finally:
        writer.kill()
        writer.wait()
    at.run()
    assert not at.exception
    assert not any("still being updated" in t for t in texts(at.warning))
    assert at.metric, "the page reads the store once the writer has gone"
