"""The DuckDB store: one transaction per article, and the query API the dashboard reads through."""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache, partial
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from borderwatch import paths, schema
from borderwatch.articles import Article, one_line
from borderwatch.extract import claims
from borderwatch.extract.rows import TableRows as Rows  # the extractor's type, under this module's name
from borderwatch.paths import DEFAULT_DB
from borderwatch.schema import DUCKDB_TYPES, EXTRACTED_TABLES, PANDAS_DTYPES, TABLES, Table
from borderwatch.store.filters import Filter

LOCK_WAIT_SECONDS = 30.0
READ_LOCK_WAIT_SECONDS = 1.0  # a page waits this long for a writer, then says it will retry
# Never fetch or load DuckDB extensions: a file that is not a store (e.g. SQLite) must not start a download.
CONNECTION_CONFIG = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}
DUCKDB_MAGIC = b"DUCK"  # bytes 8-11 of every DuckDB file
SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass(frozen=True)
class IngestResult:
    article_id: str
    status: str  # added, replaced, unchanged
    counts: dict[str, int]


def empty_frame(table: Table) -> pd.DataFrame:
    """A typed, empty DataFrame with the table's columns."""
    return typed_frame(table, [])


def typed_frame(table: Table, rows: Sequence[Mapping[str, object]]) -> pd.DataFrame:
    """Rows as a DataFrame with exactly the table's columns, in order, with the schema's types."""
    frame = pd.DataFrame.from_records(list(rows), columns=table.column_names)
    for column in table.columns:
        dtype = PANDAS_DTYPES[column.type]
        values = frame[column.name]
        if column.type in ("date", "timestamp"):
            frame[column.name] = pd.to_datetime(values).astype(dtype)
        else:
            frame[column.name] = values.astype(dtype)
    return frame


def _create_sql(table: Table) -> str:
    cols = ", ".join(f"{c.name} {DUCKDB_TYPES[c.type]}" for c in table.columns)
    key = f", PRIMARY KEY ({table.key})" if table.name not in ("actors", "places") else ""
    return f"CREATE TABLE IF NOT EXISTS {table.name} ({cols}{key})"


class StoreError(Exception):
    """A store that cannot be used; str() is one line saying what is wrong and what to do."""

    def __init__(self, message: str):
        super().__init__(one_line(message))


class StoreBusy(StoreError):
    """The store is held by a writer for longer than a reader waits."""

    def __init__(self, message: str = "the store is being updated; this page will retry"):
        super().__init__(message)


class Store:
    """A BorderWatch store in one DuckDB file.

    Connections are short-lived so that the dashboard and the command line can share the file:
    DuckDB lets one process write at a time, and a writer that finds the file locked waits.
    Every problem with the file itself (missing, not a store, damaged, read-only, disk full, busy)
    is a StoreError with a one-line message.
    """

    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool | None = None, create: bool = True):
        """Open the store, creating it when it is missing unless read-only or `create` is False;
        `read_only=None` follows $BORDERWATCH_READ_ONLY."""
        self.path = Path(path)
        self.read_only = paths.read_only() if read_only is None else read_only
        if self.read_only or not create or self.path.exists():
            _check_store_file(self.path)
        if self.read_only:
            with self._connect(read_only=True):
                return
        if self.path.exists() and self._has_every_table():
            return  # nothing to create: opening for reading does not wait for a writer
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise StoreError(f"cannot create the folder for the store {self.path}: {err.strerror}") from None
        with self._connect() as con:
            for table in TABLES.values():
                con.execute(_create_sql(table))
            con.execute("CREATE TABLE IF NOT EXISTS bodies (article_id VARCHAR PRIMARY KEY, body VARCHAR)")

    def _has_every_table(self) -> bool:
        """Whether the file already holds every table of the schema (a store made by this version)."""
        with self._connect(read_only=True) as con:
            found = {
                row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()
            }
        return found >= {*TABLES, "bodies"}

    # -- connections ---------------------------------------------------------------------------
    @contextmanager
    def _connect(self, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection for one unit of work; a problem with the store file becomes a StoreError."""
        if not read_only and self.read_only:
            raise StoreError(
                f"the store {self.path} is open read-only ({paths.READ_ONLY_ENV}=1); "
                "unset it to add, remove or re-extract articles"
            )
        con = self._open(read_only)
        failed = True
        try:
            yield con
            failed = False
        except StoreError:
            raise
        except Exception as err:
            problem = _store_problem(self.path, err)
            if problem is None:
                raise
            raise problem from err
        finally:
            self._close(con, quietly=failed)  # a failure on close must not hide the one before it

    def _open(self, read_only: bool) -> duckdb.DuckDBPyConnection:
        """Connect, waiting while another process holds the file: about a second for a reader (then
        StoreBusy), LOCK_WAIT_SECONDS for a writer."""
        deadline = time.monotonic() + (READ_LOCK_WAIT_SECONDS if read_only else LOCK_WAIT_SECONDS)
        while True:
            try:
                return duckdb.connect(
                    str(self.path), read_only=read_only and self.path.exists(), config=CONNECTION_CONFIG
                )
            except duckdb.Error as err:
                if not _is_lock(err):
                    raise _store_problem(self.path, err) or _cannot_open(self.path, err) from err
                if time.monotonic() > deadline:
                    if read_only:
                        raise StoreBusy() from err
                    raise StoreError(
                        f"the store {self.path} is held by another program for over "
                        f"{LOCK_WAIT_SECONDS:.0f} s; wait for it to finish and try again"
                    ) from err
                time.sleep(0.05)

    def _close(self, con: duckdb.DuckDBPyConnection, quietly: bool = False) -> None:
        """Close a connection; closing writes the log to the file, which can meet a full disk."""
        try:
            con.close()
        except Exception as err:
            if quietly:
                return
            problem = _store_problem(self.path, err)
            if problem is None:
                raise
            raise problem from err

    def version(self) -> tuple[float, int]:
        """Changes whenever the store changes; the dashboard's caches key on it."""
        stats = [
            p.stat() for p in (self.path, self.path.with_suffix(self.path.suffix + ".wal")) if p.exists()
        ]
        return (max((s.st_mtime for s in stats), default=0.0), sum(s.st_size for s in stats))

    # -- writing -------------------------------------------------------------------------------
    def stored_version(self, article_id: str) -> str | None:
        """Extractor version of a stored article, or None when it is not in the store."""
        with self._connect(read_only=True) as con:
            row = con.execute(
                "SELECT extractor_version FROM articles WHERE article_id = ?", [article_id]
            ).fetchone()
        return row[0] if row else None

    def ingest(
        self, article: Article, rows: Rows | Callable[[], Rows], extractor_version: str, force: bool = False
    ) -> IngestResult:
        """Store one article and its extracted rows in one transaction, replacing an older extraction.

        `rows` may be a function, called only when the article is not already stored by this version.
        """
        with self.writer() as writer:
            return writer.ingest(article, rows, extractor_version, force)

    @contextmanager
    def writer(self) -> Iterator[Writer]:
        """One write connection for several articles (each still in its own transaction)."""
        with self._connect() as con:
            yield Writer(con)

    def remove(self, article_id: str) -> bool:
        """Remove an article and all its rows in one transaction; False when it was not there."""
        with self._connect() as con:
            con.execute("BEGIN TRANSACTION")
            try:
                found = con.execute(
                    "SELECT count(*) FROM articles WHERE article_id = ?", [article_id]
                ).fetchone()
                _delete_article(con, article_id)
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
        return bool(found and found[0])

    # -- the query API -------------------------------------------------------------------------
    def table(self, name: str, flt: Filter | None = None) -> pd.DataFrame:
        """Rows of one table that match the filter, typed as the schema says."""
        table = TABLES[name]
        where, params = (flt or Filter()).where_clause(name)
        order = _ORDER.get(name, table.key)
        sql = f"SELECT {', '.join(table.column_names)} FROM {name} WHERE {where} ORDER BY {order}"
        with self._connect(read_only=True) as con:
            frame = con.execute(sql, params).df()
        return typed_frame(table, frame.to_dict("records")) if len(frame) else empty_frame(table)

    def articles(self, flt: Filter | None = None) -> pd.DataFrame:
        return self.table("articles", flt)

    def events(self, flt: Filter | None = None) -> pd.DataFrame:
        return self.table("events", flt)

    def casualties(self, flt: Filter | None = None) -> pd.DataFrame:
        return self.table("casualties", flt)

    def troop_figures(self, flt: Filter | None = None) -> pd.DataFrame:
        return self.table("troop_figures", flt)

    def quotes(self, flt: Filter | None = None) -> pd.DataFrame:
        return self.table("quotes", flt)

    def actors(self, flt: Filter | None = None) -> pd.DataFrame:
        return self.table("actors", flt)

    def places(self, flt: Filter | None = None) -> pd.DataFrame:
        return self.table("places", flt)

    def claims(self, flt: Filter | None = None) -> pd.DataFrame:
        return self.table("claims", flt)

    def body(self, article_id: str) -> str | None:
        """The stored body of an article (the text every char_start/char_end points into)."""
        with self._connect(read_only=True) as con:
            row = con.execute("SELECT body FROM bodies WHERE article_id = ?", [article_id]).fetchone()
        return row[0] if row else None

    def stored_articles(self) -> list[Article]:
        """Every stored article with its body, as it was ingested (for re-extraction)."""
        with self._connect(read_only=True) as con:
            rows = con.execute(
                "SELECT a.article_id, a.title, a.published, a.source, a.url, a.path, a.language, b.body "
                "FROM articles a JOIN bodies b USING (article_id) ORDER BY a.published, a.article_id"
            ).fetchall()
        return [
            Article(r[0], r[1] or "", r[2], r[3] or "", r[4] or "", r[5] or "", r[6] or "en", r[7])
            for r in rows
        ]

    def counts(self) -> dict[str, int]:
        """Number of rows in every table."""
        with self._connect(read_only=True) as con:
            return {name: con.execute(f"SELECT count(*) FROM {name}").fetchone()[0] for name in TABLES}

    def date_bounds(self) -> tuple[object, object]:
        """Earliest and latest day any dated row refers to (for the date filter's default)."""
        with self._connect(read_only=True) as con:
            row = con.execute(
                "SELECT least(min(e.date_start), min(a.published)), greatest(max(e.date_end), max(a.published)) "
                "FROM articles a LEFT JOIN events e USING (article_id)"
            ).fetchone()
        return row[0], row[1]

    def article(self, article_id: str) -> Article | None:
        """One stored article with its body, as it was ingested; None when it is not in the store."""
        with self._connect(read_only=True) as con:
            r = con.execute(
                "SELECT a.article_id, a.title, a.published, a.source, a.url, a.path, a.language, b.body "
                "FROM articles a JOIN bodies b USING (article_id) WHERE a.article_id = ?",
                [article_id],
            ).fetchone()
        if r is None:
            return None
        return Article(r[0], r[1] or "", r[2], r[3] or "", r[4] or "", r[5] or "", r[6] or "en", r[7])


def _check_store_file(path: Path) -> None:
    """Refuse, before DuckDB opens it, a path that is missing, a folder or another kind of file."""
    if not path.exists():
        raise StoreError(
            f"there is no store at {path}; add articles with `python -m borderwatch ingest FILES --db {path}` "
            "or name an existing store"
        )
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a store file; name the .duckdb file")
    try:
        with path.open("rb") as handle:
            head = handle.read(16)
    except OSError as err:
        raise StoreError(f"cannot read the store {path}: {err.strerror}; check its permissions") from None
    if head.startswith(SQLITE_MAGIC):
        raise StoreError(
            f"{path} is a SQLite database, not a BorderWatch store (DuckDB); name the right file"
        )
    if head[8:12] != DUCKDB_MAGIC:
        raise StoreError(f"{path} is not a DuckDB file, so not a BorderWatch store; name the right file")


def _chain(err: BaseException) -> Iterator[BaseException]:
    """An exception and those it was raised while handling (a failed rollback hides the real cause)."""
    seen: set[int] = set()
    current: BaseException | None = err
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


_HELD = (
    "could not set lock",  # another process holds the file
    "conflicting lock",
    "different configuration than existing connections",  # this process holds it the other way
)


def _is_lock(err: BaseException) -> bool:
    """Whether the file is held by another connection (not a damaged "block", which also says "lock")."""
    text = str(err).lower()
    return any(phrase in text for phrase in _HELD)


_DISK_FULL = ("no space left on device", "file too large", "disk quota exceeded")
_READ_ONLY = ("read-only file system", "permission denied")
_DAMAGED = {  # what DuckDB says → what it means
    "checksum": "a block of it fails its checksum",
    "corrupt": "DuckDB reports it corrupt",
    "could not read enough bytes": "the file is cut short",
    "database has been invalidated": "DuckDB stopped using it after an internal error",
}


def _store_problem(path: Path, err: BaseException) -> StoreError | None:
    """The StoreError an exception stands for, or None when it is not about the store file.

    A full disk is looked for through the whole chain first, so a rollback that fails after it does
    not hide it.
    """
    chain = [str(e).lower() for e in _chain(err) if isinstance(e, duckdb.Error | OSError)]
    if any(phrase in text for text in chain for phrase in _DISK_FULL):
        return StoreError(
            f"the disk is full: the store {path} could not be written (an article being stored is left "
            "out whole, never half); free some space and run it again"
        )
    if not isinstance(err, duckdb.Error | OSError):
        return None
    text = chain[0]
    if any(phrase in text for phrase in _READ_ONLY):
        return StoreError(
            f"cannot write to the store {path}: the file or its folder is read-only; fix the permissions, "
            f"or set {paths.READ_ONLY_ENV}=1 to only read it"
        )
    if "not a valid duckdb database file" in text or ("extension" in text and "sqlite" in text):
        return StoreError(f"{path} is not a DuckDB file, so not a BorderWatch store; name the right file")
    damage = next((meaning for phrase, meaning in _DAMAGED.items() if phrase in text), None)
    if damage:
        return StoreError(
            f"the store {path} is damaged ({damage}); restore it from a backup, or build a new one "
            "with `python -m borderwatch ingest` and another --db"
        )
    if "version" in text and ("database file" in text or "storage" in text):
        return StoreError(f"the store {path} was written by another DuckDB version; {_first_line(err)}")
    return None


def _cannot_open(path: Path, err: BaseException) -> StoreError:
    return StoreError(f"cannot open the store {path}: {_first_line(err)}")


def _first_line(err: BaseException) -> str:
    """An error's message, without DuckDB's 'IO Error:'-style prefix, on one line and cut short."""
    text = " ".join(str(err).split())
    text = text.split(": ", 1)[1] if text.split(": ", 1)[0].endswith("Error") else text
    return text[:160]


class Writer:
    """Writes articles through one open connection; every article is its own transaction."""

    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.con = con

    def ingest(
        self, article: Article, rows: Rows | Callable[[], Rows], extractor_version: str, force: bool = False
    ) -> IngestResult:
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            existing = con.execute(
                "SELECT extractor_version FROM articles WHERE article_id = ?", [article.article_id]
            ).fetchone()
            if existing and existing[0] == extractor_version and not force:
                con.execute("ROLLBACK")
                return IngestResult(article.article_id, "unchanged", {})
            _delete_article(con, article.article_id)
            counts = _insert_article(con, article, rows() if callable(rows) else rows, extractor_version)
            counts["claims"] += _link_claims(con, article.article_id)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        return IngestResult(article.article_id, "replaced" if existing else "added", counts)


_ORDER = {
    "articles": "published, article_id",
    "events": "date_end NULLS LAST, article_id, char_start",
    "casualties": "article_id, char_start",
    "troop_figures": "article_id, char_start",
    "quotes": "article_id, char_start",
    "claims": "article_id, char_start",
    "actors": "name, article_id",
    "places": "name, article_id",
}


def _delete_article(con: duckdb.DuckDBPyConnection, article_id: str) -> None:
    for name in (*EXTRACTED_TABLES, "articles"):
        con.execute(f"DELETE FROM {name} WHERE article_id = ?", [article_id])
    con.execute(
        "DELETE FROM claims WHERE other_article_id = ?", [article_id]
    )  # others' claims it contradicted
    con.execute("DELETE FROM bodies WHERE article_id = ?", [article_id])


# What the claims stage reads from each stored article: the columns, and a condition that keeps only
# the rows that can take part in a claim (the stage applies its own rules to what is read).
_CLAIM_INPUTS = {
    "quotes": (
        ("quote_id", "speaker", "text", "date_said", "char_start", "char_end"),
        "speaker IS NOT NULL AND regexp_matches(text, ?) AND regexp_matches(text, ?)",
        list(claims.DENIAL_HINTS),
    ),
    "casualties": (
        (
            "casualty_id", "kind", "count", "count_low", "side", "role", "claimed_by",
            "date_start", "date_end", "date_precision", "char_start", "char_end", "evidence",
        ),
        f"kind IN ({', '.join('?' for _ in claims.CONTRADICTING_KINDS)})",
        list(claims.CONTRADICTING_KINDS),
    ),
    "events": (
        (
            "event_id", "cameo_code", "cameo_name", "negated", "claimed_by",
            "date_start", "date_end", "date_precision", "char_start", "char_end", "evidence",
        ),
        f"cameo_code IN ({', '.join('?' for _ in claims.SHOOTING_CODES)})",
        list(claims.SHOOTING_CODES),
    ),
}  # fmt: skip


def _link_claims(con: duckdb.DuckDBPyConnection, article_id: str) -> int:
    """Store the claims between one stored article and every other; the number of rows added.

    The new article's rows are read back from the store, as the others' are. Of the others, only what
    can take part is read: their denials made when the new article's reports could contradict them, and
    their reports dated where they could contradict the new article's denials.
    """
    everything = {table: ("TRUE", []) for table in _CLAIM_INPUTS}
    new = _claim_reports(con, article_id, "=", everything)[article_id]
    narrowed: dict[str, tuple[str, list[object]]] = {}
    said = new.contradicted_said()
    if said:
        narrowed["quotes"] = (
            "coalesce(date_said, (SELECT a.published FROM articles a WHERE a.article_id = quotes.article_id)) "
            "BETWEEN ? AND ?",
            list(said),
        )
    window = new.denial_window()
    if window:
        dated = (
            f"date_precision IN ({', '.join('?' for _ in claims.KNOWN_PRECISIONS)}) "
            "AND date_start <= ? AND date_end >= ?"
        )
        narrowed["casualties"] = narrowed["events"] = (
            dated,
            [*claims.KNOWN_PRECISIONS, window[1], window[0]],
        )
    others = _claim_reports(con, article_id, "<>", narrowed).values() if narrowed else []
    linked = claims.claims_between(new, others)
    _insert_rows(con, TABLES["claims"], linked)
    return len(linked)


def _claim_reports(
    con: duckdb.DuckDBPyConnection, article_id: str, op: str, narrowed: Mapping[str, tuple[str, list[object]]]
) -> dict[str, claims.Report]:
    """Articles whose id is (op '=') or is not (op '<>') the given one, as the claims stage reads them:
    the rows of each table in `narrowed` that can take part in a claim and meet its extra condition
    (tables not named are left empty)."""
    rows: dict[str, dict[str, list[dict[str, object]]]] = defaultdict(lambda: defaultdict(list))
    for table, (extra, extra_params) in narrowed.items():
        columns, condition, params = _CLAIM_INPUTS[table]
        result = con.execute(
            f"SELECT article_id, {', '.join(columns)} FROM {table} "
            f"WHERE article_id {op} ? AND {condition} AND ({extra}) ORDER BY article_id, char_start",
            [article_id, *params, *extra_params],
        )
        for values in result.fetchall():
            rows[values[0]][table].append(dict(zip(columns, values[1:], strict=True)))
    articles = con.execute(
        f"SELECT article_id, published, source FROM articles WHERE article_id {op} ? ORDER BY article_id",
        [article_id],
    ).fetchall()
    return {
        aid: claims.Report(
            aid,
            published,
            source or "",
            rows[aid]["quotes"],
            rows[aid]["casualties"],
            rows[aid]["events"],
            partial(_stored_body, con, aid),
        )
        for aid, published, source in articles
    }


def _stored_body(con: duckdb.DuckDBPyConnection, article_id: str) -> str:
    ((body,),) = con.execute("SELECT body FROM bodies WHERE article_id = ?", [article_id]).fetchall()
    return body


def _insert_article(
    con: duckdb.DuckDBPyConnection, article: Article, rows: Rows, version: str
) -> dict[str, int]:
    article_row = dict(rows.get("articles", [{}])[0]) if rows.get("articles") else {}
    article_row.update(
        article_id=article.article_id,
        title=article.title,
        published=article.published,
        source=article.source,
        url=article.url,
        path=article.path,
        language=article.language,
        ingested_at=datetime.now(UTC).replace(tzinfo=None),
        extractor_version=version,
    )
    counts = {"articles": 1}
    _insert_rows(con, TABLES["articles"], [article_row])
    con.execute("INSERT INTO bodies VALUES (?, ?)", [article.article_id, article.body])
    for name in EXTRACTED_TABLES:
        table_rows = rows.get(name, [])
        _insert_rows(con, TABLES[name], table_rows)
        counts[name] = len(table_rows)
    return counts


def _insert_rows(con: duckdb.DuckDBPyConnection, table: Table, rows: Sequence[Mapping[str, object]]) -> None:
    """Insert rows in one statement, through an Arrow table typed by the schema (DuckDB's executemany
    runs one statement per row, which was most of an ingest's time)."""
    if not rows:
        return
    names = table.column_names
    unknown = set().union(*rows) - set(names)
    if unknown:
        raise KeyError(f"{table.name} has no column(s) {sorted(unknown)}")
    incoming = pa.Table.from_pylist(
        [{name: row.get(name) for name in names} for row in rows], _arrow_schema(table)
    )
    con.register("incoming_rows", incoming)
    try:
        con.execute(
            f"INSERT INTO {table.name} ({', '.join(names)}) SELECT {', '.join(names)} FROM incoming_rows"
        )
    finally:
        con.unregister("incoming_rows")


_ARROW_TYPES = {
    schema.TEXT: pa.string(),
    schema.INT: pa.int64(),
    schema.FLOAT: pa.float64(),
    schema.BOOL: pa.bool_(),
    schema.DATE: pa.date32(),
    schema.TIMESTAMP: pa.timestamp("us"),
}


@cache
def _arrow_schema(table: Table) -> pa.Schema:
    return pa.schema([(c.name, _ARROW_TYPES[c.type]) for c in table.columns])
