"""The dashboard's Streamlit helpers: the store resource, cached loaders, sidebar filters, shared widgets.

This is the only module under borderwatch/ that imports Streamlit. Pages call these helpers, the query
API and the figure builders; they hold no logic of their own beyond layout.
"""

from __future__ import annotations

import html as html_lib
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TypeVar

import pandas as pd
import streamlit as st

from borderwatch.articles import Article
from borderwatch.articles.files import ACCEPTED_SUFFIXES, Metadata
from borderwatch.extract.lexicon import Lexicon, load_lexicon
from borderwatch.paths import db_path, read_only
from borderwatch.schema import BOOL, DATE, EXTRACTED_TABLES, FLOAT, INT, TABLES, TIMESTAMP
from borderwatch.store import export
from borderwatch.store.database import Store, StoreBusy, StoreError
from borderwatch.store.filters import Filter
from borderwatch.view import addpage, highlight, text
from borderwatch.view.text import markdown_literal, plural, web_url

APP_TITLE = "BorderWatch"
FILTER_STATE = "borderwatch_filter"
FRAMED = "borderwatch_framed"  # set by the frame in a run that drew the sidebar; taken by the page it runs
BOUNDS_STATE = "borderwatch_date_bounds"  # the corpus's date range on the previous run
# Widget keys: with bind="query-params" each is also the URL query parameter's name.
DATES_KEY, ACTORS_KEY, TYPES_KEY, PROVINCES_KEY = "dates", "actor", "event_type", "province"
DATA_PAGE = "pages/data.py"
ARTICLE_PAGE = "pages/article.py"
TABLE_PARAM = "table"  # the Data page's table picker, bound to ?table=
ARTICLE_PARAM = "article"  # the Article page's article picker, kept in ?article=


T = TypeVar("T")
BUSY_RETRIES = 10  # a page waits about this many seconds for a writer before it asks for a reload


@st.cache_resource(show_spinner=False)
def _store_at(path: str) -> Store:
    return Store(path)


def _read(what: Callable[[], T]) -> T:
    """A read from the store. A store held by a writer shows a note and is tried again (each try waits
    about a second); a broken store shows its one-line reason and stops the page, never a traceback."""
    note = None
    for _ in range(BUSY_RETRIES):
        try:
            value = what()
        except StoreBusy as err:
            note = note or st.empty()
            note.info(_as_sentence(err), icon="⏳")
            time.sleep(0.2)
            continue
        except StoreError as err:
            st.error(_as_sentence(err))
            st.stop()
        if note is not None:
            note.empty()
        return value
    st.warning("The store is still being updated. Reload the page in a moment.")
    st.stop()


def _as_sentence(err: Exception) -> str:
    """A one-line store message as a sentence: a capital first letter and a full stop."""
    words = str(err)
    return f"{words[:1].upper()}{words[1:]}."


def store() -> Store:
    """The Store object, one per store path for the whole server."""
    return _read(lambda: _store_at(str(db_path())))


# -- cached loaders: keyed on (what, filter, store version), so a changed store is read again ----------
@st.cache_data(show_spinner=False, max_entries=512)
def _table(
    path: str, name: str, flt: Filter, columns: tuple[str, ...] | None, version: tuple[float, int]
) -> pd.DataFrame:
    return _store_at(path).table(name, flt, columns)


@st.cache_data(show_spinner=False, max_entries=256)
def _counts(path: str, name: str, column: str, flt: Filter, version: tuple[float, int]) -> pd.DataFrame:
    return _store_at(path).count_by(name, column, flt)


@st.cache_data(show_spinner=False, max_entries=128)
def _body(path: str, article_id: str, version: tuple[float, int]) -> str | None:
    return _store_at(path).body(article_id)


@st.cache_data(show_spinner=False, max_entries=8)
def _bounds(path: str, version: tuple[float, int]) -> tuple[date | None, date | None]:
    return _store_at(path).date_bounds()


def load(name: str, flt: Filter | None = None, columns: Sequence[str] | None = None) -> pd.DataFrame:
    """Rows of one table matching the filter, only `columns` when given (cached until the store changes)."""
    s = store()
    wanted = tuple(columns) if columns is not None else None
    return _read(lambda: _table(str(s.path), name, flt or Filter(), wanted, s.version()))


def counts(name: str, column: str, flt: Filter | None = None) -> pd.DataFrame:
    """Rows of one table matching the filter, counted per value of a column in the store (cached)."""
    s = store()
    return _read(lambda: _counts(str(s.path), name, column, flt or Filter(), s.version()))


def body(article_id: str) -> str:
    """An article's stored body ('' when it is not in the store)."""
    s = store()
    return _read(lambda: _body(str(s.path), article_id, s.version())) or ""


ARTICLE_LABEL_COLUMNS = ("article_id", "title", "published", "source")


def article_label(article_id: str) -> str:
    """How an article in the store is named (view.text.article_label); its id when it is not there."""
    articles = load("articles", columns=ARTICLE_LABEL_COLUMNS)
    row = articles[articles["article_id"] == article_id]
    if row.empty:
        return f"article {article_id}"
    a = row.iloc[0]
    return text.article_label(a.title, a.published, a.source)


def date_bounds() -> tuple[date | None, date | None]:
    s = store()
    return _read(lambda: _bounds(str(s.path), s.version()))


def writable() -> bool:
    """False when the dashboard serves a read-only store ($BORDERWATCH_READ_ONLY): no page may change it."""
    return not read_only()


# -- the sidebar filters ---------------------------------------------------------------------------
@dataclass(frozen=True)
class FilterOptions:
    actors: list[str]
    event_types: list[str]
    provinces: list[str]


def filter_options() -> FilterOptions:
    """Choices for the sidebar: every actor, event type and province the filter can match in the store."""

    def values(*columns: tuple[str, str]) -> list[str]:
        # distinct values counted in the store: a page never reads whole tables for its sidebar
        found = (counts(name, column)[column].dropna().astype(str) for name, column in columns)
        return sorted({v for series in found for v in series if v.strip()})

    return FilterOptions(
        actors=values(
            ("events", "actor1"), ("events", "actor2"), ("quotes", "speaker"), ("quotes", "speaker_org")
        ),
        event_types=values(("events", "event_type")),
        provinces=values(("events", "admin1"), ("casualties", "admin1"), ("troop_figures", "admin1")),
    )


def sidebar_filters() -> Filter:
    """Draw the filters in the sidebar (their values live in the URL) and keep the Filter they make."""
    options = filter_options()
    lo, hi = date_bounds()
    _follow_growing_bounds(lo, hi)
    with st.sidebar:
        st.header("Filters")
        dates: tuple[date, ...] = ()
        if lo and hi:
            dates = st.date_input(
                "Dates",
                value=(lo, hi),
                min_value=lo,
                max_value=hi,
                key=DATES_KEY,
                bind="query-params",
                format="YYYY-MM-DD",
                help="Rows whose date interval overlaps this range. Undated rows are kept.",
            )
        actors = st.multiselect(
            "Actors",
            options.actors,
            key=ACTORS_KEY,
            bind="query-params",
            help="Events where actor1 or actor2 is one of these; quotes by these speakers or organisations.",
        )
        types = st.multiselect("Event types", options.event_types, key=TYPES_KEY, bind="query-params")
        provinces = st.multiselect("Provinces", options.provinces, key=PROVINCES_KEY, bind="query-params")
        flt = make_filter(tuple(dates or ()), (lo, hi), actors, types, provinces)
        st.caption(sentence(flt, "Showing rows"))
        st.button("Reset filters", on_click=reset_filters, disabled=flt.is_empty, key="reset_sidebar")
    st.session_state[FILTER_STATE] = flt
    return flt


def _follow_growing_bounds(lo: date | None, hi: date | None) -> None:
    """An untouched full date range stays the full range when the store grows (a new article's dates
    would otherwise fall outside it and be filtered out); a range the user narrowed is kept."""
    previous = st.session_state.get(BOUNDS_STATE)
    st.session_state[BOUNDS_STATE] = (lo, hi)
    if previous is None or previous == (lo, hi) or not (lo and hi):
        return
    current = st.session_state.get(DATES_KEY)
    if current is None or tuple(current) == tuple(previous):
        st.session_state[DATES_KEY] = (lo, hi)


def make_filter(
    dates: tuple[date, ...],
    bounds: tuple[date | None, date | None],
    actors: list[str],
    event_types: list[str],
    provinces: list[str],
) -> Filter:
    """The Filter the widgets' values mean; the whole corpus's date range means no date filter."""
    date_from = dates[0] if len(dates) >= 1 else None
    date_to = dates[1] if len(dates) >= 2 else None
    if (date_from, date_to) == tuple(bounds):
        date_from = date_to = None
    return Filter(date_from, date_to, tuple(actors), tuple(event_types), tuple(provinces))


def reset_filters() -> None:
    """Callback: every filter back to its default (the widgets then drop their URL parameters)."""
    lo, hi = date_bounds()
    if lo and hi:
        st.session_state[DATES_KEY] = (lo, hi)
    for key in (ACTORS_KEY, TYPES_KEY, PROVINCES_KEY):
        st.session_state[key] = []


def current_filter() -> Filter:
    """The Filter the sidebar made on this run."""
    return st.session_state.get(FILTER_STATE, Filter())


# -- the frame around every page --------------------------------------------------------------------
def pages() -> list:
    """The app's pages, in menu order, for st.navigation."""
    return [
        st.Page("pages/overview.py", title="Overview", default=True),
        st.Page("pages/timeline.py", title="Timeline"),
        st.Page("pages/map.py", title="Map"),
        st.Page("pages/quotes.py", title="Quotes"),
        st.Page(ARTICLE_PAGE, title="Article"),
        st.Page(DATA_PAGE, title="Data"),
        st.Page("pages/add.py", title="Add articles"),
    ]


def frame() -> Filter:
    """dashboard.py's part of a run, after st.navigation: page settings and the sidebar filters."""
    st.set_page_config(layout="wide", page_title=APP_TITLE)
    flt = sidebar_filters()
    st.session_state[FRAMED] = True
    return flt


def page_setup() -> Filter:
    """A page's first call: the Filter the frame's sidebar made on this run.

    Streamlit may run a page file without dashboard.py: with a `pages/` folder beside the entrypoint it
    treats the app as a legacy multipage app until a session calls st.navigation, so a link straight to
    a page (a bookmark, the first request after a restart) runs pages/x.py alone, with the legacy menu
    and no sidebar. Streamlit documents that once st.navigation has run, the app ignores `pages/` in
    every session; so such a run declares the app's pages and asks for the same URL again, which then
    runs through dashboard.py. Nothing of the page has been drawn yet.
    """
    if st.session_state.pop(FRAMED, False):
        return current_filter()
    st.navigation(pages())
    st.rerun()


# -- actions a button asks for ----------------------------------------------------------------------
# A button's callback records what it asks for and the run that follows does it once, in place (with a
# progress bar where the button is). A plain button's True would not survive the rerun page_setup makes.
REQUEST = "borderwatch_request"
NOTICES = "borderwatch_notices"  # section → messages to show once, after the rerun that follows an action


def ask(action: str) -> None:
    """A button's callback: record what was asked for."""
    st.session_state[REQUEST] = action


def asked(action: str) -> bool:
    """True once, in the run after the click that asked for this action."""
    if st.session_state.get(REQUEST) == action:
        del st.session_state[REQUEST]
        return True
    return False


def forget_requests() -> None:
    """A page's last call: a request no part of this run answered is not kept for a later one."""
    st.session_state.pop(REQUEST, None)


def notify(section: str, messages: list) -> None:
    """Keep messages to show in a section after the next rerun."""
    st.session_state.setdefault(NOTICES, {})[section] = list(messages)


def notices(section: str) -> list:
    """The messages kept for a section, once."""
    return st.session_state.setdefault(NOTICES, {}).pop(section, [])


def progress_bar(doing: str) -> Callable[[int, int, str], None]:
    """A progress bar here, as a callback (done, total, what is being done now: a file name, shown as written)."""
    bar = st.progress(0.0, text=doing)

    def report(done: int, total: int, what: str) -> None:
        bar.progress(done / max(total, 1), text=f"{doing} {done} of {total} done: {markdown_literal(what)}")

    return report


def action_button(label: str, action: str, key: str, where=st, **kwargs) -> None:
    """A button that asks for an action (see ask)."""
    where.button(label, key=key, on_click=ask, args=(action,), **kwargs)


def show(result: addpage.Result) -> None:
    """What an action did."""
    message(result.level, result.text, result.article_id)


def message(level: str, words: str, article_id: str | None = None) -> None:
    """A message shown as written (success, info, warning or error), linking to the article it names."""
    getattr(st, level)(markdown_literal(words))
    if article_id and level != "error":
        link = {ARTICLE_PARAM: article_id}
        st.page_link(ARTICLE_PAGE, label="Open it on the Article page", query_params=link)


# -- the Add page's pieces ------------------------------------------------------------------------
@st.cache_resource(show_spinner=False, max_entries=4)
def _lexicon(signature: tuple) -> Lexicon:
    return load_lexicon()


def lexicon() -> Lexicon:
    """The lexicon as its files are now, read again after an analyst edits one (so re-extraction sees it)."""
    return _lexicon(addpage.lexicon_signature())


@st.cache_data(show_spinner=False, max_entries=64)
def read_upload(name: str, data: bytes, today: date) -> addpage.Draft:
    """An upload as first read (cached: Streamlit reruns the page on every widget change)."""
    return addpage.read_upload(name, data, today)


@st.cache_data(show_spinner=False, max_entries=64)
def upload_candidate(draft: addpage.Draft, data: bytes, meta: Metadata, today: date) -> addpage.Candidate:
    """An upload read with the metadata the user gave (cached)."""
    return addpage.upload_candidate(draft, data, meta, today)


@st.cache_data(show_spinner=False, max_entries=64)
def _preview(article: Article, lexicon_signature: tuple) -> addpage.Preview:
    return addpage.preview(article, lexicon())


def preview(article: Article) -> addpage.Preview:
    """What saving an article would extract, with the lexicon as it is now (cached)."""
    return _preview(article, addpage.lexicon_signature())


def article_uploader() -> list[tuple[str, bytes]]:
    """The Add page's file picker: (name, bytes) of every file chosen."""
    files = st.file_uploader(
        "Article files",
        type=[suffix.lstrip(".") for suffix in ACCEPTED_SUFFIXES],
        accept_multiple_files=True,
        key="add_files",
        help="Markdown or text with front matter (title, published, source, url), bare text, or a saved "
        "web page. Each is read first; check what it says, then save.",
    )
    return [(f.name, f.getvalue()) for f in files or []]


HIGHLIGHT_KINDS = ("actor", "place", "date", "number", "quote")
PREVIEW_STYLE = "white-space:pre-wrap;line-height:1.7;max-height:24rem;overflow-y:auto"


def candidate_view(candidate: addpage.Candidate, stored: dict[str, str], meta: Metadata) -> None:
    """Why a candidate cannot be saved yet, or what is in the store already and what will be extracted."""
    if candidate.article is None:
        (st.warning if meta.published is None else st.error)(markdown_literal(candidate.problem))
        return
    with st.spinner("Reading the article…"):
        found = preview(candidate.article)
    if found.problem:
        st.error(markdown_literal(found.problem))
        return
    for warning in candidate.article.warnings:
        st.warning(markdown_literal(warning))
    if note := addpage.stored_note(candidate.article.article_id, stored):
        st.info(note)
    st.markdown(f"**Will extract** {addpage.describe_counts(found.counts)}.")
    html(highlight.legend_html(HIGHLIGHT_KINDS))
    marked = highlight.highlight_html(candidate.article.body, found.marks)
    html(f'<div data-testid="addPreviewText" style="{PREVIEW_STYLE}">{marked}</div>')


def stored_articles() -> pd.DataFrame:
    """Every stored article and its rows per table (addpage.stored_table), with no filter."""
    return addpage.stored_table(load("articles"), {name: load(name) for name in EXTRACTED_TABLES})


def offered_choice(label: str, labels: dict[str, str], key: str) -> str:
    """A selectbox over the labels' keys that lets go of a remembered choice no longer offered."""
    if st.session_state.get(key) not in labels:
        st.session_state.pop(key, None)
    return st.selectbox(label, list(labels), format_func=labels.get, key=key)


def stored_articles_table(table: pd.DataFrame) -> None:
    """Every stored article and its rows per table (addpage.stored_table)."""
    st.caption(
        f"All {len(table)} articles in the store and their rows per table (the sidebar filters do not apply)."
    )
    published = st.column_config.DateColumn("published", format="YYYY-MM-DD")
    st.dataframe(
        table, hide_index=True, width="stretch", key="add_stored", column_config={"published": published}
    )


def hidden_rows_note(flt: Filter, key: str) -> None:
    """Say that the sidebar filters hide rows on the other pages, and offer to reset them."""
    if flt.is_empty:
        return
    st.info(
        f"{sentence(flt, 'Showing rows')}: the other pages show only the rows these sidebar "
        "filters match, so new rows outside them are hidden until you widen or reset the filters."
    )
    st.button("Reset filters", on_click=reset_filters, key=key)


EARLIEST_PUBLISHED = date(1900, 1, 1)


def metadata_form(defaults: Metadata, suffix: str, today: date) -> Metadata:
    """Title, published date (required), source and URL of an article to add, pre-filled with its own."""
    title, published, source, url = st.columns([3, 1.7, 2, 3])
    return addpage.metadata(
        title.text_input("Title", value=defaults.title or "", key=f"add_title_{suffix}"),
        published.date_input(
            "Published",
            value=defaults.published,
            min_value=min(EARLIEST_PUBLISHED, defaults.published or EARLIEST_PUBLISHED),
            max_value=today,
            format="YYYY-MM-DD",
            key=f"add_published_{suffix}",
            help="Required: relative dates in the text ('last month') are read from it.",
        ),
        source.text_input("Source", value=defaults.source or "", key=f"add_source_{suffix}"),
        url.text_input("URL", value=defaults.url or "", key=f"add_url_{suffix}"),
    )


# -- shared page pieces ----------------------------------------------------------------------------
def sentence(flt: Filter, subject: str) -> str:
    """The filter's sentence in Markdown, the values chosen from the store shown as written."""
    return flt.describe(subject, markdown_literal)


def describe(flt: Filter, count: int, singular: str, plural_form: str | None = None, after: str = "") -> None:
    """The filter's sentence above a table or chart: '3 events where actor is CSTO'."""
    st.caption(
        sentence(flt, plural(count, singular, plural_form) + after),
        help="The sidebar filters; the Data page explains what they match.",
    )


def store_is_empty() -> bool:
    """Show how to fill an empty store and say so (pages stop when it is)."""
    if len(load("articles", columns=("article_id",))):
        return False
    st.info(
        f"The store at `{db_path()}` has no articles yet. Build it with `make store` "
        "(or `python -m borderwatch ingest data/articles`), then reload this page."
    )
    return True


def empty_state(flt: Filter, noun: str, key: str) -> None:
    """Say that nothing matches and why; offer to reset the filters when they are the reason."""
    if flt.is_empty:
        st.info(f"The store has no {noun} yet.")
        return
    st.info(f"No {noun} match this filter: {sentence(flt, noun.capitalize())}. Widen the filter or reset it.")
    st.button("Reset filters", on_click=reset_filters, key=f"reset_{key}")


def clear_provinces() -> None:
    """Callback: the Provinces filter back to every province; the other filters stay."""
    st.session_state[PROVINCES_KEY] = []


def empty_provinces_state(flt: Filter, nouns: str, key: str) -> None:
    """Say that the chosen provinces have none of ``nouns`` under the current filters; offer to clear them.

    A click on the map sets the province filter, so a province with nothing under the other filters
    (a narrower date range, an actor) leaves the page with nothing to draw until the province is cleared.
    """
    st.info(
        f"No {nouns} in {' or '.join(map(markdown_literal, flt.provinces))} under the current filters: {sentence(flt, 'Rows')}. "
        "Clear the province filter to see every province again: the button below, or Provinces in the sidebar."
    )
    st.button("Clear the province filter", on_click=clear_provinces, key=f"clear_provinces_{key}")


def esc(value: object, default: str = "") -> str:
    """A cell as HTML-escaped text."""
    return html_lib.escape(text.cell(value, default))


CAPTION_STYLE = "font-size:0.875rem;opacity:0.7;margin:0 0 0.5rem 0"
NOTE_STYLE = "background:#FFF3CD;color:#000;padding:0.5rem 0.75rem;border-radius:0.5rem;margin:0.25rem 0"


def text_line(template: str, style: str = "margin:0 0 0.5rem 0", **values: object) -> None:
    """A line of our words with article strings in it, shown as written: every value but view.text.Html
    is HTML-escaped (Markdown would link a URL in a title, and turn '![x](y)' into an image)."""
    shown = {
        name: value if isinstance(value, text.Html) else html_lib.escape(text.cell(value))
        for name, value in values.items()
    }
    st.html(f'<p style="{style}">{template.format(**shown)}</p>')


def html(markup: str) -> None:
    """Render HTML built by borderwatch.view.highlight (article text there is already escaped)."""
    st.html(markup)


def column_config(table_name: str, frame: pd.DataFrame | None = None) -> dict[str, object]:
    """st.dataframe column settings from the data dictionary: types, readable labels, descriptions.
    A URL column is links only when every URL in the frame is an http(s) address; else it is text."""
    config: dict[str, object] = {}
    for c in TABLES[table_name].columns:
        label = c.name.replace("_", " ").capitalize()
        help_text = f"{c.name}: {c.description}"
        if c.type == DATE:
            config[c.name] = st.column_config.DateColumn(label, help=help_text, format="YYYY-MM-DD")
        elif c.type == TIMESTAMP:
            config[c.name] = st.column_config.DatetimeColumn(label, help=help_text, format="YYYY-MM-DD HH:mm")
        elif c.type == INT:
            config[c.name] = st.column_config.NumberColumn(label, help=help_text, format="%d")
        elif c.type == FLOAT:
            config[c.name] = st.column_config.NumberColumn(label, help=help_text, format="%.4f")
        elif c.type == BOOL:
            config[c.name] = st.column_config.CheckboxColumn(label, help=help_text)
        elif c.name == "url" and _all_web_urls(frame, c.name):
            config[c.name] = st.column_config.LinkColumn(label, help=help_text)
        else:
            config[c.name] = st.column_config.TextColumn(label, help=help_text)
    return config


def _all_web_urls(frame: pd.DataFrame | None, column: str) -> bool:
    urls = frame[column].dropna() if frame is not None and column in frame else pd.Series(dtype=str)
    return all(web_url(u) for u in urls if str(u).strip())


SHOWN_ROWS = 1_000  # rows a page draws of one table or list; the CSV download has every matching row
SHOWN_CARDS = 100  # quotes or claims a page draws as cards, each with its text in context


def capped(frame: pd.DataFrame, noun: str = "rows", limit: int | None = None) -> pd.DataFrame:
    """The first `limit` (SHOWN_ROWS) rows in the frame's order; when there are more, a line saying so."""
    limit = SHOWN_ROWS if limit is None else limit
    if len(frame) <= limit:
        return frame
    st.caption(
        f"Showing the first {limit:,} of {len(frame):,} {noun}, in the table's order. "
        "Narrow the sidebar filters to see others; the CSV download has all of them."
    )
    return frame.head(limit)


def table(frame: pd.DataFrame, table_name: str, key: str | None = None, height: int | str = "auto") -> None:
    """A store table with typed, described columns: at most SHOWN_ROWS rows, saying so when there are more."""
    frame = capped(frame)
    st.dataframe(
        frame,
        column_config=column_config(table_name, frame),
        hide_index=True,
        width="stretch",
        height=height,
        key=key,
    )


def one_of(label: str, options: dict[str, str], default: str, key: str) -> str:
    """A required choice of one option (value → its name), drawn as a segmented control."""
    choice = st.segmented_control(
        label, options=list(options), format_func=options.get, default=default, key=key, required=True
    )
    return choice or default


def csv_download(label: str, frame: pd.DataFrame, file_name: str, key: str, where=st) -> None:
    """A button that downloads the rows as CSV (the export's format), without rerunning the page."""
    where.download_button(
        label, data=export.to_csv(frame), file_name=file_name, mime="text/csv", on_click="ignore", key=key
    )


def url_choice(label: str, options: list[str], param: str, format_func, key: str) -> str | None:
    """A selectbox whose choice is kept in ?param= (a bound selectbox would put its label in the URL)."""
    wanted = st.query_params.get(param)
    choice = st.selectbox(
        label,
        options,
        index=options.index(wanted) if wanted in options else 0,
        format_func=format_func,
        key=key,
        on_change=lambda: st.query_params.update({param: st.session_state[key]}),
    )
    return choice


def with_article(flt: Filter, article_id: str) -> Filter:
    """The filter narrowed to one article."""
    return replace(flt, article_ids=(article_id,))
