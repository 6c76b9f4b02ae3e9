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

from borderwatch import schema
from borderwatch.articles import Article
from borderwatch.extract import claims
from borderwatch.paths import DEFAULT_DB
from borderwatch.schema import DUCKDB_TYPES, EXTRACTED_TABLES, PANDAS_DTYPES, TABLES, Table
from borderwatch.store.filters import Filter

LOCK_WAIT_SECONDS = 30.0

Rows = Mapping[str, Sequence[Mapping[str, object]]]


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


class Store:
    """A BorderWatch store in one DuckDB file.

    Connections are short-lived so that the dashboard and the command line can share the file:
    DuckDB lets one process write at a time, and a writer that finds the file locked waits.
    """

    def __init__(self, path: str | Path = DEFAULT_DB):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as con:
            for table in TABLES.values():
                con.execute(_create_sql(table))
            con.execute("CREATE TABLE IF NOT EXISTS bodies (article_id VARCHAR PRIMARY KEY, body VARCHAR)")

    # -- connections ---------------------------------------------------------------------------
    @contextmanager
    def _connect(self, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        while True:
            try:
                con = duckdb.connect(str(self.path), read_only=read_only and self.path.exists())
                break
            except duckdb.IOException as err:
                if "lock" not in str(err).lower() or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        try:
            yield con
        finally:
            con.close()

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

    def articles(self, flt: Filter | None = None, columns: Sequence[str] | None = None) -> pd.DataFrame:
        return self.table("articles", flt, columns)

    def events(self, flt: Filter | None = None, columns: Sequence[str] | None = None) -> pd.DataFrame:
        return self.table("events", flt, columns)

    def casualties(self, flt: Filter | None = None, columns: Sequence[str] | None = None) -> pd.DataFrame:
        return self.table("casualties", flt, columns)

    def troop_figures(self, flt: Filter | None = None, columns: Sequence[str] | None = None) -> pd.DataFrame:
        return self.table("troop_figures", flt, columns)

    def quotes(self, flt: Filter | None = None, columns: Sequence[str] | None = None) -> pd.DataFrame:
        return self.table("quotes", flt, columns)

    def actors(self, flt: Filter | None = None, columns: Sequence[str] | None = None) -> pd.DataFrame:
        return self.table("actors", flt, columns)

    def places(self, flt: Filter | None = None, columns: Sequence[str] | None = None) -> pd.DataFrame:
        return self.table("places", flt, columns)

    def claims(self, flt: Filter | None = None, columns: Sequence[str] | None = None) -> pd.DataFrame:
        return self.table("claims", flt, columns)

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
