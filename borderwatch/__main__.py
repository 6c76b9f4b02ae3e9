"""Command line: `python -m borderwatch extract|ingest|export|list|remove|reextract`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from borderwatch.articles import ArticleError, one_line
from borderwatch.articles.files import Metadata, files_in, read_path
from borderwatch.extract import claims, extract_article
from borderwatch.extract.lexicon import default_lexicon
from borderwatch.ingest import Rate, ingest_paths, reextract_all
from borderwatch.paths import READ_ONLY_ENV, db_path, read_only
from borderwatch.schema import TABLES
from borderwatch.store.database import Store, StoreBusy, StoreError, typed_frame
from borderwatch.store.export import write_tables

EXIT_BAD_INPUT = 2
PROGRESS_FROM = 10  # show a progress bar from this many files on
WRITING_COMMANDS = ("ingest", "remove", "reextract")
_RATE = Rate()  # articles per second since the command started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m borderwatch", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("extract", help="run the extractor without a store; write one CSV per table")
    p.add_argument("paths", nargs="+", type=Path)
    p.add_argument("--out", type=Path, required=True, help="folder for the CSV files")
    _raw_flag(p)
    _metadata_flags(p)
    p = sub.add_parser("ingest", help="add article files (.md, .txt, .html) or folders to the store")
    p.add_argument("paths", nargs="+", type=Path)
    p.add_argument("--force", action="store_true", help="re-extract articles already stored")
    _metadata_flags(p)
    _db_flag(p)
    p = sub.add_parser("export", help="write one CSV per table of the store")
    p.add_argument("--out", type=Path, required=True)
    _raw_flag(p)
    _db_flag(p)
    p = sub.add_parser("list", help="list the stored articles")
    _db_flag(p)
    p = sub.add_parser("remove", help="remove articles and all their rows")
    p.add_argument("article_ids", nargs="+")
    _db_flag(p)
    p = sub.add_parser("reextract", help="re-extract every stored article (after editing the lexicons)")
    _db_flag(p)
    args = parser.parse_args(argv)
    if args.command in WRITING_COMMANDS and read_only():
        return _errors([f"the store is read-only here ({READ_ONLY_ENV}=1); unset it to {args.command}"])
    commands = {
        "extract": _extract,
        "ingest": _ingest,
        "export": _export,
        "list": _list,
        "remove": _remove,
        "reextract": _reextract,
    }
    try:
        return commands[args.command](args)
    except StoreBusy:
        return _errors(["the store is being updated by another command; run this again when it has finished"])
    except StoreError as err:
        return _errors([str(err)])


def _metadata_flags(p: argparse.ArgumentParser) -> None:
    p.add_argument("--published", help="publication date (YYYY-MM-DD) for files without front matter")
    p.add_argument("--title")
    p.add_argument("--source", help="publisher or site")
    p.add_argument("--url")


def _db_flag(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--db",
        type=Path,
        default=None,
        help="store file (default $BORDERWATCH_DB, else data/borderwatch.duckdb)",
    )


def _raw_flag(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--raw",
        action="store_true",
        help="write values as stored (by default text a spreadsheet would run as a formula starts with ')",
    )


def _db(args: argparse.Namespace) -> Path:
    return args.db or db_path()


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
            extracted = extract_article(article, lexicon)
        except ArticleError as err:
            problems.append(str(err))
            continue
        except Exception as err:  # one file the extractor cannot handle must not stop the others
            problems.append(
                f"{one_line(str(path))}: the extractor failed on this file ({type(err).__name__}); "
                "it was left out: please report it with the file"
            )
            continue
        _warn(article.path, article.warnings)
        for name, table_rows in extracted.items():
            rows[name].extend(table_rows)
        reports.setdefault(article.article_id, claims.Report.of(article, extracted))
    rows["claims"].extend(claims.claims_across(list(reports.values())))
    frames = {name: typed_frame(TABLES[name], table_rows) for name, table_rows in rows.items()}
    return max(_write(frames, args), _errors(problems))


def _warn(name: str, warnings: tuple[str, ...]) -> None:
    for warning in warnings:
        print(f"warning: {name}: {warning}", file=sys.stderr)


def _write(frames: dict, args: argparse.Namespace) -> int:
    """Write the CSV files; a folder that cannot be written is one line and exit 2."""
    try:
        written = write_tables(frames, args.out, raw=args.raw)
    except OSError as err:
        return _errors([f"{one_line(str(args.out))}: cannot write the CSV files ({err.strerror or err})"])
    for path in written:
        print(f"{path}: {len(frames[path.stem])} rows")
    return 0


def _ingest(args: argparse.Namespace) -> int:
    store = Store(_db(args))
    outcomes = ingest_paths(store, args.paths, default_lexicon(), _meta(args), args.force, _progress)
    problems = []
    for outcome in outcomes:
        name = one_line(outcome.name)  # a file name cannot reorder the terminal line (bidi characters)
        if outcome.status == "error":
            problems.append(f"{name}: {outcome.message}")
            continue
        # Outcomes carry the reader's warnings once the ingest loop passes them on.
        _warn(name, getattr(outcome, "warnings", ()))
        if outcome.status == "unchanged":
            print(f"{name}: unchanged ({outcome.article_id} already in the store)")
        else:
            counts = ", ".join(f"{n} {table}" for table, n in outcome.counts.items() if table != "articles")
            print(f"{name}: {outcome.status} {outcome.article_id} ({counts})")
    return _errors(problems)


def _export(args: argparse.Namespace) -> int:
    store = Store(_db(args), read_only=True)  # a missing store is an error, not a new empty one
    frames = {name: store.table(name) for name in TABLES}
    return _write(frames, args)


def _list(args: argparse.Namespace) -> int:
    for row in Store(_db(args), read_only=True).table("articles").itertuples():
        shown = one_line(row.title or row.path or "")
        print(f"{row.article_id}  {row.published:%Y-%m-%d}  {one_line(row.source or '-')}  {shown}")
    return 0


def _remove(args: argparse.Namespace) -> int:
    store, missing = Store(_db(args), create=False), []
    for article_id in args.article_ids:
        if store.remove(article_id):
            print(f"{article_id}: removed with all its rows")
        else:
            missing.append(f"{article_id}: no such article in the store; see `python -m borderwatch list`")
    return _errors(missing)


def _reextract(args: argparse.Namespace) -> int:
    outcomes = reextract_all(Store(_db(args), create=False), default_lexicon(), _progress)
    problems = [f"{o.name}: {o.message} (its stored rows are kept)" for o in outcomes if o.status == "error"]
    n = len(outcomes) - len(problems)
    print(f"re-extracted {n} article{'' if n == 1 else 's'}")
    return _errors(problems)


if __name__ == "__main__":
    sys.exit(main())
