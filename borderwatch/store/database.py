"""The DuckDB store: one transaction per article, and the query API the dashboard reads through."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from borderwatch import paths, schema
from borderwatch.articles import Article, one_line
from borderwatch.paths import DEFAULT_DB
from borderwatch.schema import DUCKDB_TYPES, EXTRACTED_TABLES, PANDAS_DTYPES, TABLES, Table, TableRows
from borderwatch.store.filters import Filter

LOCK_WAIT_SECONDS = 30.0
READ_LOCK_WAIT_SECONDS = 1.0  # a page waits this long for a writer, then says it will retry
# Never fetch or load DuckDB extensions: a file that is not a store (e.g. SQLite) must not start a download.
CONNECTION_CONFIG = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}
DUCKDB_MAGIC = b"DUCK"  # bytes 8-11 of every DuckDB file
SQLITE_MAGIC = b"SQLite format 3\x00"

RowsOrMaker = TableRows | Callable[[], TableRows]  # the rows, or a function that extracts them
# Called in an article's transaction once its rows are in, with the ids of the articles written after
# it in the same transaction (not yet there for it); returns the rows it added. The ingest layer links
# claims across articles with it.
Linker = Callable[["Writer", Article, TableRows, frozenset[str]], int]


@dataclass(frozen=True)
class IngestResult:
    article_id: str
    status: str  # added, replaced, unchanged
    counts: dict[str, int]


def empty_frame(table: Table, columns: Sequence[str] | None = None) -> pd.DataFrame:
    """A typed, empty DataFrame with the table's columns (or the given ones)."""
    return typed_frame(table, [], columns)


def typed_frame(
    table: Table, rows: Sequence[Mapping[str, object]], columns: Sequence[str] | None = None
) -> pd.DataFrame:
    """Rows as a DataFrame with exactly the table's columns (or the given ones), in order, with the
    schema's types."""
    names = list(columns or table.column_names)
    data = pa.Table.from_pylist(
        [{name: row.get(name) for name in names} for row in rows], _arrow_schema(table, tuple(names))
    )
    return arrow_frame(table, data)


def arrow_frame(table: Table, data: pa.Table) -> pd.DataFrame:
    """An Arrow table of the table's columns as a DataFrame with the schema's types: columns are
    converted whole, never row by row."""
    names = tuple(data.column_names)
    data = data.cast(_arrow_schema(table, names))  # the same types DuckDB gives: no copy
    frame = data.to_pandas(types_mapper=_PANDAS_FROM_ARROW.get, date_as_object=False)
    for name in names:
        logical = table.column(name).type
        if logical in (schema.DATE, schema.TIMESTAMP):
            frame[name] = frame[name].astype(PANDAS_DTYPES[logical])
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

    def stored_versions(self) -> dict[str, str]:
        """Extractor version of every stored article, by article id (one query for a whole ingest)."""
        with self._connect(read_only=True) as con:
            return dict(con.execute("SELECT article_id, extractor_version FROM articles").fetchall())

    def ingest(self, article: Article, rows: RowsOrMaker, extractor_version: str, **options) -> IngestResult:
        """Store one article and its extracted rows in one transaction, replacing an older extraction.

        `rows` may be a function, called only when the article is not already stored by this version;
        the options are Writer.ingest's (`force`, and `link`, which adds what ties the article to the
        other stored articles in the same transaction).
        """
        with self.writer() as writer:
            return writer.ingest(article, rows, extractor_version, **options)

    @contextmanager
    def writer(self) -> Iterator[Writer]:
        """One write connection for several articles (each still in its own transaction)."""
        with self._connect() as con:
            _create_link_table(con)
            yield Writer(con)

    def remove(self, article_id: str) -> bool:
        """Remove an article and all its rows in one transaction; False when it was not there."""
        with self._connect() as con:
            _create_link_table(con)
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
    def table(
        self, name: str, flt: Filter | None = None, columns: Sequence[str] | None = None
    ) -> pd.DataFrame:
        """Rows of one table that match the filter, typed as the schema says; only `columns` when given."""
        table = TABLES[name]
        names = list(columns or table.column_names)
        for column in names:
            table.column(column)  # an unknown column is a KeyError, not SQL
        where, params = (flt or Filter()).where_clause(name)
        order = _ORDER.get(name, table.key)
        sql = f"SELECT {', '.join(names)} FROM {name} WHERE {where} ORDER BY {order}"
        with self._connect(read_only=True) as con:
            data = con.sql(sql, params=params).to_arrow_table()
        return arrow_frame(table, data)

    def count_by(self, name: str, column: str, flt: Filter | None = None) -> pd.DataFrame:
        """Rows of one table that match the filter, counted per value of one column (counts per day,
        province, actor …): columns `column` and `count`, in the column's order, empty values last."""
        table = TABLES[name]
        table.column(column)
        where, params = (flt or Filter()).where_clause(name)
        sql = (
            f"SELECT {column}, count(*) AS count FROM {name} WHERE {where} "
            f"GROUP BY {column} ORDER BY {column} NULLS LAST"
        )
        with self._connect(read_only=True) as con:
            data = con.sql(sql, params=params).to_arrow_table()
        frame = arrow_frame(table, data.select([column]))
        frame["count"] = pd.array(data.column("count").to_pylist(), dtype="Int64")
        return frame

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
    """Writes articles through one open connection; every article is whole or absent.

    Besides the articles, it offers the linker (the ingest layer) indexed reads of the candidates an
    article can be linked with, and ranked, bounded lists of links per group.
    """

    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.con = con
        self._reset()

    def ingest(
        self,
        article: Article,
        rows: RowsOrMaker,
        extractor_version: str,
        force: bool = False,
        link: Linker | None = None,
    ) -> IngestResult:
        """One article in its own transaction."""
        return self.ingest_many([(article, rows)], extractor_version, force, link)[0]

    def ingest_many(
        self,
        items: Sequence[tuple[Article, RowsOrMaker]],
        extractor_version: str,
        force: bool = False,
        link: Linker | None = None,
    ) -> list[IngestResult]:
        """Several articles in one transaction (all in, or none, so each is whole or absent): the
        rows of the batch go in one statement per table, then each article is linked in turn."""
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            results = self._write(items, extractor_version, force, link)
            self.flush()
            con.execute("COMMIT")
        except BaseException:
            self._reset()
            con.execute("ROLLBACK")
            raise
        return results

    def _write(
        self,
        items: Sequence[tuple[Article, RowsOrMaker]],
        version: str,
        force: bool,
        link: Linker | None,
    ) -> list[IngestResult]:
        ids = sorted({article.article_id for article, _ in items})
        stored = dict(
            self.con.execute(
                f"SELECT article_id, extractor_version FROM articles WHERE article_id IN ({_marks(ids)})", ids
            ).fetchall()
        )
        results: list[IngestResult | None] = []
        writing: list[tuple[Article, TableRows]] = []
        seen: set[str] = set()
        for article, rows in items:
            aid = article.article_id
            if aid in seen or (stored.get(aid) == version and not force):
                results.append(IngestResult(aid, "unchanged", {}))
                continue
            seen.add(aid)
            if aid in stored:
                _delete_article(self.con, aid)
            writing.append((article, rows() if callable(rows) else rows))
            results.append(None)
        counts = _insert_articles(self.con, writing, version)
        if link is not None:
            for n, (article, rows) in enumerate(writing):
                later = frozenset(a.article_id for a, _ in writing[n + 1 :])
                counts[n]["claims"] += int(link(self, article, rows, later) or 0)
        done = iter(counts)
        return [
            result
            or IngestResult(
                items[i][0].article_id,
                "replaced" if items[i][0].article_id in stored else "added",
                next(done),
            )
            for i, result in enumerate(results)
        ]

    # -- candidates for links ------------------------------------------------------------------
    def nearest_dated(
        self,
        table: str,
        columns: Sequence[str],
        window: tuple[date, date],
        near: date,
        values: Mapping[str, Sequence[object]],
        differs: Mapping[str, object],
        exclude: Collection[str],
        limit: int,
    ) -> list[dict[str, object]]:
        """Rows of other articles dated within `window` (their [date_start, date_end] overlaps it, both
        known), whose columns hold one of `values` and differ from `differs`: the nearest to `near`
        first (latest end up to it, then date precision day, week, month, then article), one per
        article, at most `limit`. Each row also has its article's `published` and `source`."""
        params: list[object] = [window[1], window[0]]
        where = ["t.date_start <= ?", "t.date_end >= ?"]
        for column, allowed in values.items():
            where.append(f"t.{column} IN ({_marks(allowed)})")
            params += list(allowed)
        for column, value in differs.items():
            where.append(f"t.{column} IS DISTINCT FROM ?")
            params.append(value)
        if exclude:
            where.append(f"t.article_id NOT IN ({_marks(exclude)})")
            params += list(exclude)
        select = ", ".join(f"t.{c}" for c in columns)
        inner = (
            f"SELECT {select}, t.article_id AS article_id, least(t.date_end, ?) AS reach, "
            f"{_PRECISION_RANK} AS precision_rank, t.char_start AS char_at FROM {table} t WHERE {' AND '.join(where)}"
        )
        # The article's publication and source are joined to the few rows kept, not to every candidate.
        outer = "SELECT n.*, a.published, a.source FROM ({}) n JOIN articles a USING (article_id) ORDER BY {}"
        order = "n.reach DESC, n.precision_rank, n.article_id, n.char_at"
        # Most often the nearest rows hold enough articles: a top-N read, then one row per article here.
        fetch = 4 * limit
        top = f"{inner} ORDER BY reach DESC, precision_rank, article_id, char_at LIMIT ?"
        rows = self._dicts(outer.format(top, order), [near, *params, fetch])
        kept: dict[object, dict[str, object]] = {}
        for row in rows:
            kept.setdefault(row["article_id"], row)
        if len(kept) < limit and len(rows) == fetch:  # many rows from few articles: rank per article
            per_article = (
                f"{inner} QUALIFY row_number() OVER (PARTITION BY t.article_id ORDER BY reach DESC, "
                "precision_rank, t.char_start) = 1 ORDER BY reach DESC, precision_rank, article_id LIMIT ?"
            )
            rows = self._dicts(outer.format(per_article, order), [near, *params, limit])
            kept = {row["article_id"]: row for row in rows}
        return [_without(row, ("reach", "precision_rank", "char_at")) for row in list(kept.values())[:limit]]

    def published_nearest(
        self, window: tuple[date, date], exclude: Collection[str], limit: int, offset: int = 0
    ) -> list[dict[str, object]]:
        """Other articles published within `window`, latest first (then by id), with their bodies."""
        params: list[object] = [window[0], window[1]]
        where = "a.published BETWEEN ? AND ?"
        if exclude:
            where += f" AND a.article_id NOT IN ({_marks(exclude)})"
            params += list(exclude)
        sql = (
            "SELECT a.article_id, a.published, a.source, b.body FROM articles a JOIN bodies b USING (article_id) "
            f"WHERE {where} ORDER BY a.published DESC, a.article_id LIMIT ? OFFSET ?"
        )
        return self._dicts(sql, [*params, limit, offset])

    def rows_by_key(
        self, table: str, columns: Sequence[str], keys: Collection[str]
    ) -> list[dict[str, object]]:
        """Rows of a table by their primary key."""
        if not keys:
            return []
        key = TABLES[table].key
        sql = f"SELECT {', '.join(columns)} FROM {table} WHERE {key} IN ({_marks(keys)}) ORDER BY {key}"
        return self._dicts(sql, list(keys))

    # -- ranked links --------------------------------------------------------------------------
    def open_groups(
        self, wanted: Sequence[LinkOffer], exclude: Collection[str], limit: int
    ) -> list[LinkGroup]:
        """Link groups of other articles that could take one of the offered links: on its topic, dates
        overlapping its window, and (for a group whose denials share a day) a row of the offer that
        can link to it with a rank key before its worst link's, or any when it has fewer than `limit`.
        Groups changed in this transaction are read as they now are."""
        if not wanted:
            return []
        bits, params = [], []
        for offer in wanted:
            bits.append("(g.topic = ? AND g.first_day <= ? AND g.last_day >= ?)")
            params += [offer.topic, offer.window[1], offer.window[0]]
        where = " OR ".join(bits)
        if exclude:
            where = f"({where}) AND g.article_id NOT IN ({_marks(exclude)})"
            params += list(exclude)
        # The offered rows are a table joined to the groups: one plan however many rows are offered.
        self.con.register("offered_rows", pa.Table.from_pylist(_offered_rows(wanted), _OFFERED_SCHEMA))
        try:
            columns = "g.article_id, g.claimant, g.topic, g.first_day, g.last_day, g.members, g.links, g.published, g.source, g.role"
            sql = (
                f"SELECT DISTINCT {columns} FROM link_groups g JOIN offered_rows o ON o.topic = g.topic "
                f"WHERE ({where}) AND (g.first_day <> g.last_day OR (o.start_day <= g.first_day "
                "AND date_diff('day', o.end_day, g.first_day) <= o.reach_days "
                "AND g.claimant IS DISTINCT FROM o.claimed_by "
                "AND (NOT o.check_role OR g.role IS NULL OR g.role = o.role) "
                "AND (g.n_links < ? OR g.worst > lpad(CAST(greatest(0, date_diff('day', o.end_day, g.first_day)) "
                "AS VARCHAR), 4, '0') || o.rank_tail)))"
            )
            found = {
                g.key: g
                for g in map(LinkGroup.of, self._dicts(sql, [*params, limit]))
                if g.key not in self._groups
            }
        finally:
            self.con.unregister("offered_rows")
        for key, group in self._groups.items():
            if group.article_id not in exclude and any(
                offer.topic == group.topic
                and group.first_day <= offer.window[1]
                and group.last_day >= offer.window[0]
                and offer.can_take(group, limit)
                for offer in wanted
            ):
                found[key] = group
        return sorted(found.values(), key=lambda g: g.key)

    def add_links(
        self, group: LinkGroup, links: Sequence[tuple[str, Mapping[str, object]]], limit: int
    ) -> int:
        """Add claims rows to a group, keeping its `limit` best-ranked links (rank keys sort ascending):
        rows that do not make it are not written, links they push out are deleted (when the
        transaction's writes are flushed). Returns the number of rows added."""
        current = self._groups.get(group.key, group)
        merged = {claim_id: (key, other) for key, claim_id, other in current.links}
        for key, row in links:
            claim_id, other = str(row["claim_id"]), str(row["other_article_id"])
            if claim_id not in merged or (key, other) < merged[claim_id]:
                merged[claim_id] = (key, other)
                self._new_claims[claim_id] = row
        kept = sorted(merged.items(), key=lambda item: (item[1][0], item[0]))[:limit]
        kept_ids = {claim_id for claim_id, _ in kept}
        for claim_id in merged.keys() - kept_ids:
            if self._new_claims.pop(claim_id, None) is None:
                self._dropped_claims.add(claim_id)
        self._groups[group.key] = replace(
            current, links=tuple((key, claim_id, other) for claim_id, (key, other) in kept)
        )
        return sum(1 for _, row in links if str(row["claim_id"]) in kept_ids)

    def flush(self) -> None:
        """Write the transaction's link changes: a few statements, however many groups changed."""
        if self._dropped_claims:
            dropped = sorted(self._dropped_claims)
            self.con.execute(f"DELETE FROM claims WHERE claim_id IN ({_marks(dropped)})", dropped)
        _insert_rows(self.con, TABLES["claims"], [self._new_claims[c] for c in sorted(self._new_claims)])
        if self._groups:
            groups = sorted(self._groups.values(), key=lambda g: g.key)
            keys = pa.table(
                {
                    "article_id": [g.article_id for g in groups],
                    "claimant": [g.claimant for g in groups],
                    "topic": [g.topic for g in groups],
                }
            )
            self.con.register("changed_keys", keys)
            try:
                self.con.execute(
                    "DELETE FROM link_groups WHERE (article_id, claimant, topic) IN "
                    "(SELECT (article_id, claimant, topic) FROM changed_keys)"
                )
            finally:
                self.con.unregister("changed_keys")
            rows = [g.row() for g in groups]
            incoming = pa.Table.from_pylist(rows, _LINK_SCHEMA)
            self.con.register("changed_groups", incoming)
            try:
                self.con.execute(
                    f"INSERT INTO link_groups SELECT {', '.join(_LINK_SCHEMA.names)} FROM changed_groups"
                )
            finally:
                self.con.unregister("changed_groups")
        self._reset()

    def _reset(self) -> None:
        self._groups: dict[tuple[str, str, str], LinkGroup] = {}
        self._new_claims: dict[str, Mapping[str, object]] = {}
        self._dropped_claims: set[str] = set()

    def _dicts(self, sql: str, params: Sequence[object]) -> list[dict[str, object]]:
        result = self.con.execute(sql, list(params))
        names = [d[0] for d in result.description]
        return [dict(zip(names, values, strict=True)) for values in result.fetchall()]


@dataclass(frozen=True)
class OfferedRow:
    """A row one article could link to another's group: its dates, a rank digit for its date
    precision, who claims it and, when it matters, whose casualties it counts (`role`)."""

    start: date
    end: date
    precision: int
    claimed_by: str | None
    role: str | None = None


@dataclass(frozen=True)
class LinkOffer:
    """Links one article could add to other articles' groups on a topic, from `rows`, to groups made
    within `window`. A row can link to a group when it starts by the group's first day, ends at most
    `reach_days` before it, is claimed by someone other than the group's claimant and, when
    `check_role` and the group names a role, counts that role. Its rank key there: the days from its
    end to that day (4 digits), its precision digit, then `tail`."""

    topic: str
    window: tuple[date, date]
    rows: tuple[OfferedRow, ...]
    reach_days: int
    tail: str
    check_role: bool = False

    def best_rank(self, group: LinkGroup) -> str:
        """The best rank key the offer could have in the group (exact when its denials share a day)."""
        if group.first_day != group.last_day:
            return "00000" + self.tail
        day = group.first_day
        keys = [
            f"{max(0, (day - r.end).days):04d}{r.precision}"
            for r in self.rows
            if r.start <= day
            and (day - r.end).days <= self.reach_days
            and r.claimed_by != group.claimant
            and not (self.check_role and group.role and r.role != group.role)
        ]
        return min(keys, default="99999") + self.tail

    def can_take(self, group: LinkGroup, limit: int) -> bool:
        """Whether one of the rows could be among the group's `limit` best links (open_groups' rule)."""
        if group.first_day != group.last_day:
            return True
        best = self.best_rank(group)
        return not best.startswith("99999") and (len(group.links) < limit or group.links[-1][0] > best)


_OFFERED_SCHEMA = pa.schema(
    [
        ("topic", pa.string()),
        ("start_day", pa.date32()),
        ("end_day", pa.date32()),
        ("claimed_by", pa.string()),
        ("role", pa.string()),
        ("check_role", pa.bool_()),
        ("reach_days", pa.int32()),
        ("rank_tail", pa.string()),
    ]
)


def _offered_rows(offers: Sequence[LinkOffer]) -> list[dict[str, object]]:
    return [
        {
            "topic": offer.topic,
            "start_day": r.start,
            "end_day": r.end,
            "claimed_by": r.claimed_by,
            "role": r.role,
            "check_role": offer.check_role,
            "reach_days": offer.reach_days,
            "rank_tail": f"{r.precision}{offer.tail}",
        }
        for offer in offers
        for r in offer.rows
    ]


@dataclass(frozen=True)
class LinkGroup:
    """What one article's links are counted and ranked by: say, one claimant's denials on one topic,
    made between first_day and last_day, read from the rows `members`; and its ranked links
    (rank key, claim id, other article), best first."""

    article_id: str
    claimant: str
    topic: str
    first_day: date
    last_day: date
    members: tuple[Mapping[str, object], ...]
    links: tuple[tuple[str, str, str], ...] = ()
    published: date | None = None  # the group's article
    source: str = ""
    role: str | None = None  # whose casualties every denial of the group is about, when they say

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.article_id, self.claimant, self.topic)

    @classmethod
    def of(cls, row: Mapping[str, object]) -> LinkGroup:
        return cls(
            str(row["article_id"]),
            str(row["claimant"]),
            str(row["topic"]),
            row["first_day"],  # type: ignore[arg-type]
            row["last_day"],  # type: ignore[arg-type]
            tuple(_from_json(m) for m in json.loads(str(row["members"]))),
            tuple(_parse_links(row["links"])),  # type: ignore[arg-type]
            row["published"],  # type: ignore[arg-type]
            str(row["source"] or ""),
            row["role"],  # type: ignore[arg-type]
        )

    def row(self) -> dict[str, object]:
        return {
            "article_id": self.article_id,
            "claimant": self.claimant,
            "topic": self.topic,
            "first_day": self.first_day,
            "last_day": self.last_day,
            "members": json.dumps([_to_json(m) for m in self.members]),
            "links": _format_links(self.links),
            "n_links": len(self.links),
            "worst": self.links[-1][0] if self.links else None,
            "published": self.published,
            "source": self.source,
            "role": self.role,
        }


def _to_json(row: Mapping[str, object]) -> dict[str, object]:
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in row.items()}


def _from_json(row: Mapping[str, object]) -> dict[str, object]:
    return {k: date.fromisoformat(v) if k.startswith("date") and v else v for k, v in row.items()}  # type: ignore[arg-type]


# Date precision as a rank: a day is nearer the truth than a week, a week than a month.
_PRECISION_RANK = "CASE t.date_precision WHEN 'day' THEN 0 WHEN 'week' THEN 1 WHEN 'month' THEN 2 ELSE 3 END"

# One row per group of links: its members as JSON, its ranked links as 'rank key,claim id,other article'
# joined by '|', how many, the worst rank key (the one a new link must beat once the group is full), and
# its article's publication and source (to name it without reading the article).
_LINK_SCHEMA = pa.schema(
    [
        ("article_id", pa.string()),
        ("claimant", pa.string()),
        ("topic", pa.string()),
        ("first_day", pa.date32()),
        ("last_day", pa.date32()),
        ("members", pa.string()),
        ("links", pa.string()),
        ("n_links", pa.int32()),
        ("worst", pa.string()),
        ("published", pa.date32()),
        ("source", pa.string()),
        ("role", pa.string()),
    ]
)
_LINK_TABLE = (
    "CREATE TABLE IF NOT EXISTS link_groups (article_id VARCHAR, claimant VARCHAR, topic VARCHAR, "
    "first_day DATE, last_day DATE, members VARCHAR, links VARCHAR, n_links INTEGER, worst VARCHAR, "
    "published DATE, source VARCHAR, role VARCHAR, PRIMARY KEY (article_id, claimant, topic))"
)


def _create_link_table(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(_LINK_TABLE)


def _parse_links(text: str | None) -> list[tuple[str, str, str]]:
    return [tuple(entry.split(",")) for entry in text.split("|")] if text else []  # type: ignore[misc]


def _format_links(entries: Sequence[tuple[str, str, str]]) -> str:
    return "|".join(",".join(entry) for entry in entries)


def _without(row: dict[str, object], names: Sequence[str]) -> dict[str, object]:
    return {k: v for k, v in row.items() if k not in names}


def _marks(values: Collection[object]) -> str:
    return ", ".join("?" for _ in values)


_ORDER = {  # the key last, so that equal stores give equal frames
    "articles": "published, article_id",
    "events": "date_end NULLS LAST, article_id, char_start, event_id",
    "casualties": "article_id, char_start, casualty_id",
    "troop_figures": "article_id, char_start, figure_id",
    "quotes": "article_id, char_start, quote_id",
    "claims": "article_id, char_start, claim_id",
    "actors": "name, article_id, actor_id",
    "places": "name, article_id, place_id",
}


def _delete_article(con: duckdb.DuckDBPyConnection, article_id: str) -> None:
    for name in (*EXTRACTED_TABLES, "articles"):
        con.execute(f"DELETE FROM {name} WHERE article_id = ?", [article_id])
    con.execute(
        "DELETE FROM claims WHERE other_article_id = ?", [article_id]
    )  # others' claims it contradicted
    con.execute("DELETE FROM bodies WHERE article_id = ?", [article_id])
    con.execute("DELETE FROM link_groups WHERE article_id = ?", [article_id])
    _unlink_groups(con, article_id)


def _unlink_groups(con: duckdb.DuckDBPyConnection, article_id: str) -> None:
    """Drop an article from the other groups' ranked links (the places it leaves are not refilled)."""
    groups = con.execute(
        "SELECT article_id, claimant, topic, links FROM link_groups WHERE contains(links, ?)", [article_id]
    ).fetchall()
    for aid, claimant, topic, links in groups:
        entries = [e for e in _parse_links(links) if e[2] != article_id]
        con.execute(
            "UPDATE link_groups SET links = ?, n_links = ?, worst = ? "
            "WHERE article_id = ? AND claimant = ? AND topic = ?",
            [_format_links(entries), len(entries), entries[-1][0] if entries else None, aid, claimant, topic],
        )


def _insert_articles(
    con: duckdb.DuckDBPyConnection, items: Sequence[tuple[Article, TableRows]], version: str
) -> list[dict[str, int]]:
    """Insert several articles' rows with one statement per table; each article's row counts."""
    now = datetime.now(UTC).replace(tzinfo=None)
    article_rows, counts = [], []
    tables: dict[str, list[Mapping[str, object]]] = {name: [] for name in EXTRACTED_TABLES}
    for article, rows in items:
        article_row = dict(rows["articles"][0]) if rows.get("articles") else {}
        article_row.update(
            article_id=article.article_id,
            title=article.title,
            published=article.published,
            source=article.source,
            url=article.url,
            path=article.path,
            language=article.language,
            ingested_at=now,
            extractor_version=version,
        )
        article_rows.append(article_row)
        counts.append({"articles": 1} | {name: len(rows.get(name, [])) for name in EXTRACTED_TABLES})
        for name in EXTRACTED_TABLES:
            tables[name].extend(rows.get(name, []))
    _insert_rows(con, TABLES["articles"], article_rows)
    if items:
        bodies = pa.table(
            {"article_id": [a.article_id for a, _ in items], "body": [a.body for a, _ in items]}
        )
        con.register("incoming_bodies", bodies)
        try:
            con.execute("INSERT INTO bodies SELECT article_id, body FROM incoming_bodies")
        finally:
            con.unregister("incoming_bodies")
    for name, table_rows in tables.items():
        _insert_rows(con, TABLES[name], table_rows)
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


# How each Arrow type the store gives becomes the schema's pandas type (dates are converted after).
_PANDAS_FROM_ARROW = {
    _ARROW_TYPES[logical]: pd.api.types.pandas_dtype(PANDAS_DTYPES[logical])
    for logical in (schema.TEXT, schema.INT, schema.FLOAT, schema.BOOL)
}


@cache
def _arrow_schema(table: Table, names: tuple[str, ...] | None = None) -> pa.Schema:
    """The Arrow types of the table's columns (or of the given ones, in their order)."""
    columns = [table.column(n) for n in names] if names else table.columns
    return pa.schema([(c.name, _ARROW_TYPES[c.type]) for c in columns])
