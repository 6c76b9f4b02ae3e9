"""Command line: `python -m borderwatch extract|ingest|export|list|remove|reextract`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from borderwatch.articles import ArticleError
from borderwatch.articles.files import Metadata, files_in, read_path
from borderwatch.extract import claims, extract_article
from borderwatch.extract.lexicon import default_lexicon
from borderwatch.ingest import Rate, ingest_paths, reextract_all
from borderwatch.paths import DEFAULT_DB
from borderwatch.schema import TABLES
from borderwatch.store.database import Store, typed_frame
from borderwatch.store.export import write_tables

EXIT_BAD_INPUT = 2
PROGRESS_FROM = 10  # show a progress bar from this many files on
_RATE = Rate()  # articles per second since the command started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m borderwatch", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("extract", help="run the extractor without a store; write one CSV per table")
    p.add_argument("paths", nargs="+", type=Path)
    p.add_argument("--out", type=Path, required=True, help="folder for the CSV files")
    _metadata_flags(p)
    p = sub.add_parser("ingest", help="add article files (.md, .txt, .html) or folders to the store")
    p.add_argument("paths", nargs="+", type=Path)
    p.add_argument("--force", action="store_true", help="re-extract articles already stored")
    _metadata_flags(p)
    _db_flag(p)
    p = sub.add_parser("export", help="write one CSV per table of the store")
    p.add_argument("--out", type=Path, required=True)
    _db_flag(p)
    p = sub.add_parser("list", help="list the stored articles")
    _db_flag(p)
    p = sub.add_parser("remove", help="remove articles and all their rows")
    p.add_argument("article_ids", nargs="+")
    _db_flag(p)
    p = sub.add_parser("reextract", help="re-extract every stored article (after editing the lexicons)")
    _db_flag(p)
    args = parser.parse_args(argv)
    commands = {
        "extract": _extract,
        "ingest": _ingest,
        "export": _export,
        "list": _list,
        "remove": _remove,
        "reextract": _reextract,
    }
    return commands[args.command](args)


def _metadata_flags(p: argparse.ArgumentParser) -> None:
    p.add_argument("--published", help="publication date (YYYY-MM-DD) for files without front matter")
    p.add_argument("--title")
    p.add_argument("--source", help="publisher or site")
    p.add_argument("--url")


def _db_flag(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", type=Path, default=DEFAULT_DB, help=f"store file (default {DEFAULT_DB})")


def _meta(args: argparse.Namespace) -> Metadata:
    return Metadata(args.title, args.published, args.source, args.url)


def _progress(done: int, total: int, name: str) -> None:
    if total < PROGRESS_FROM:
        return
    width = 30
    filled = width * done // total
    rate, left = _RATE(done, total)
    print(
        f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}  {rate:.0f}/s  ETA {left:.0f} s   ",
        end="\n" if done == total else "",
        file=sys.stderr,
        flush=True,
    )


def _errors(problems: list[str]) -> int:
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    return EXIT_BAD_INPUT if problems else 0


def _extract(args: argparse.Namespace) -> int:
    lexicon, problems = default_lexicon(), []
    rows: dict[str, list] = {name: [] for name in TABLES}
    reports: dict[str, claims.Report] = {}  # one per article, for the claims between the files given
    for path in files_in(args.paths):
        try:
            article = read_path(path, _meta(args))
        except ArticleError as err:
            problems.append(str(err))
            continue
        extracted = extract_article(article, lexicon)
        for name, table_rows in extracted.items():
            rows[name].extend(table_rows)
        reports.setdefault(article.article_id, claims.Report.of(article, extracted))
    rows["claims"].extend(claims.claims_across(list(reports.values())))
    frames = {name: typed_frame(TABLES[name], table_rows) for name, table_rows in rows.items()}
    for path in write_tables(frames, args.out):
        print(f"{path}: {len(frames[path.stem])} rows")
    return _errors(problems)


def _ingest(args: argparse.Namespace) -> int:
    store = Store(args.db)
    outcomes = ingest_paths(store, args.paths, default_lexicon(), _meta(args), args.force, _progress)
    problems = []
    for outcome in outcomes:
        if outcome.status == "error":
            problems.append(f"{outcome.name}: {outcome.message}")
        elif outcome.status == "unchanged":
            print(f"{outcome.name}: unchanged ({outcome.article_id} already in the store)")
        else:
            counts = ", ".join(f"{n} {name}" for name, n in outcome.counts.items() if name != "articles")
            print(f"{outcome.name}: {outcome.status} {outcome.article_id} ({counts})")
    return _errors(problems)


def _export(args: argparse.Namespace) -> int:
    store = Store(args.db)
    frames = {name: store.table(name) for name in TABLES}
    for path in write_tables(frames, args.out):
        print(f"{path}: {len(frames[path.stem])} rows")
    return 0


def _list(args: argparse.Namespace) -> int:
    for row in Store(args.db).articles().itertuples():
        print(f"{row.article_id}  {row.published:%Y-%m-%d}  {row.source or '-'}  {row.title or row.path}")
    return 0


def _remove(args: argparse.Namespace) -> int:
    store, missing = Store(args.db), []
    for article_id in args.article_ids:
        if store.remove(article_id):
            print(f"{article_id}: removed with all its rows")
        else:
            missing.append(f"{article_id}: no such article in the store; see `python -m borderwatch list`")
    return _errors(missing)


def _reextract(args: argparse.Namespace) -> int:
    n = reextract_all(Store(args.db), default_lexicon(), _progress)
    print(f"re-extracted {n} article{'' if n == 1 else 's'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
