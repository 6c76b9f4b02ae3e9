"""Add articles: upload files or paste text, check the metadata and what will be extracted, save; then
manage the store: re-extract after lexicon edits, remove an article with all its rows.

Only a button's click writes: its callback records what was asked, and the run that follows does it
once. Uploads this session has saved (known by name, size and SHA-256) show
what saving did and are not offered again, so no rerun writes twice.
"""

from datetime import date

import streamlit as st

from borderwatch import ui
from borderwatch.articles import Article, ArticleError
from borderwatch.articles.files import ACCEPTED_SUFFIXES, Metadata, article_from_bytes, article_from_text
from borderwatch.extract import EXTRACTOR_VERSION
from borderwatch.extract.lexicon import Lexicon, load_lexicon
from borderwatch.ingest import reextract_all, store_article
from borderwatch.schema import EXTRACTED_TABLES
from borderwatch.view import addpage, highlight

HIGHLIGHT_KINDS = ("actor", "place", "date", "number", "quote")
ACTION = "add_action"  # what the last click asked for; done and forgotten by the run that follows
SAVED = "add_saved"  # UploadKey → Result of saving it, for this session
NOTICES = "add_notices"  # section → Results to show once, after the rerun that follows an action
REMOVE_PENDING = "add_remove_pending"  # the article_id waiting for the user to confirm its removal
MANAGE_PICK = "add_manage_pick"
EARLIEST = date(1900, 1, 1)
PREVIEW_STYLE = "white-space:pre-wrap;line-height:1.7;max-height:24rem;overflow-y:auto"


# -- cached work -------------------------------------------------------------------------------------
@st.cache_resource(show_spinner=False, max_entries=4)
def _lexicon(signature: tuple) -> Lexicon:
    return load_lexicon()


def lexicon() -> Lexicon:
    """The lexicon as its files are now, read again after an analyst edits one (so re-extraction sees it)."""
    return _lexicon(addpage.lexicon_signature())


@st.cache_data(show_spinner=False, max_entries=64)
def read_upload(name: str, data: bytes, today: date) -> addpage.Draft:
    return addpage.read_upload(name, data, today)


@st.cache_data(show_spinner=False, max_entries=64)
def read_with(name: str, data: bytes, meta: Metadata, today: date) -> Article:
    return article_from_bytes(name, data, meta, today)


@st.cache_data(show_spinner=False, max_entries=64)
def preview(article: Article, lexicon_signature: tuple) -> addpage.Preview:
    return addpage.preview(article, lexicon())


# -- clicks ------------------------------------------------------------------------------------------
def ask(action: str) -> None:
    """A button's callback: record what was asked for."""
    st.session_state[ACTION] = action


def asked(action: str) -> bool:
    """True once, in the run after the click that asked for this action."""
    if st.session_state.get(ACTION) == action:
        del st.session_state[ACTION]
        return True
    return False


def ask_removal() -> None:
    st.session_state[REMOVE_PENDING] = st.session_state.get(MANAGE_PICK)


def cancel_removal() -> None:
    st.session_state.pop(REMOVE_PENDING, None)


# -- pieces ------------------------------------------------------------------------------------------
def show(result: addpage.Result) -> None:
    getattr(st, result.level)(addpage.markdown_literal(result.text))
    if result.article_id and result.level != "error":
        st.page_link(
            ui.ARTICLE_PAGE,
            label="Open it on the Article page",
            query_params={ui.ARTICLE_PARAM: result.article_id},
        )


def show_notices(section: str) -> None:
    for result in st.session_state.setdefault(NOTICES, {}).pop(section, []):
        show(result)


def metadata_form(defaults: Metadata, suffix: str, today: date) -> Metadata:
    """Title, published date (required), source and URL, pre-filled with what the file says."""
    title, published, source, url = st.columns([3, 1.7, 2, 3])
    return addpage.metadata(
        title.text_input("Title", value=defaults.title or "", key=f"add_title_{suffix}"),
        published.date_input(
            "Published",
            value=defaults.published,
            min_value=min(EARLIEST, defaults.published or EARLIEST),
            max_value=today,
            format="YYYY-MM-DD",
            key=f"add_published_{suffix}",
            help="Required: relative dates in the text ('last month') are read from it.",
        ),
        source.text_input("Source", value=defaults.source or "", key=f"add_source_{suffix}"),
        url.text_input("URL", value=defaults.url or "", key=f"add_url_{suffix}"),
    )


def show_preview(article: Article, stored: dict[str, str]) -> None:
    """Counts per table and the highlighted text, before anything is saved."""
    found = preview(article, addpage.lexicon_signature())
    if stored.get(article.article_id) == EXTRACTOR_VERSION:
        st.info(f"Already in the store as article {article.article_id}: saving it again changes nothing.")
    elif article.article_id in stored:
        st.info(
            f"In the store as article {article.article_id}, by an older extractor: saving re-extracts it."
        )
    st.markdown(f"**Will extract** {addpage.describe_counts(found.counts)}.")
    ui.html(highlight.legend_html(HIGHLIGHT_KINDS))
    marked = highlight.highlight_html(article.body, found.spans)
    ui.html(f'<div data-testid="addPreviewText" style="{PREVIEW_STYLE}">{marked}</div>')


def candidate_card(
    draft: addpage.Draft, data: bytes, today: date, stored: dict[str, str]
) -> addpage.Candidate | None:
    """One upload: what saving it did, or why it cannot be read, or its form and preview."""
    with st.container(border=True):
        st.markdown(f"**{addpage.markdown_literal(draft.name)}**")
        if draft.key in st.session_state[SAVED]:
            show(st.session_state[SAVED][draft.key])
            return None
        if draft.problem:
            st.error(addpage.markdown_literal(draft.problem))
            return None
        meta = metadata_form(draft.defaults, addpage.widget_suffix(draft.key), today)
        try:
            article = read_with(draft.name, data, meta, today)
        except ArticleError as err:
            (st.warning if meta.published is None else st.error)(addpage.markdown_literal(str(err)))
            return addpage.Candidate(draft.key, draft.name, None, str(err))
        show_preview(article, stored)
        return addpage.Candidate(draft.key, draft.name, article)


def save_button(candidates: list[addpage.Candidate], section: str) -> None:
    """Save the candidates that are ready, each in its own transaction; report the others by name."""
    ready = [c for c in candidates if c.article is not None]
    label = f"Save {len(ready)} article{'' if len(ready) == 1 else 's'}" if ready else "Save"
    st.button(
        label,
        type="primary",
        disabled=not candidates,
        key=f"add_save_{section}",
        on_click=ask,
        args=(f"save_{section}",),
    )
    show_notices(section)
    if not asked(f"save_{section}"):
        return
    bar = st.progress(0.0, text="Extracting and saving…")
    for done, candidate in enumerate(ready):
        bar.progress(
            done / len(ready), text=f"Extracting and saving {candidate.name} ({done + 1} of {len(ready)})"
        )
        outcome = store_article(ui.store(), candidate.article, lexicon())
        st.session_state[SAVED][candidate.key] = addpage.outcome_result(outcome, candidate.article.title)
    st.session_state[NOTICES][section] = [
        addpage.Result("error", f"Not saved: {c.problem}.") for c in candidates if c.article is None
    ]
    st.rerun()


# -- adding ------------------------------------------------------------------------------------------
def upload_section(today: date, stored: dict[str, str]) -> None:
    files = st.file_uploader(
        "Article files",
        type=[suffix.lstrip(".") for suffix in ACCEPTED_SUFFIXES],
        accept_multiple_files=True,
        key="add_files",
        help="Markdown or text with front matter (title, published, source, url), bare text, or a saved "
        "web page. Each is read first; check what it says, then save.",
    )
    uploads = [(f.name, f.getvalue()) for f in files or []]
    bar = st.progress(0.0, text="Reading the files…") if len(uploads) > 1 else None
    candidates, seen = [], set()
    for done, (name, data) in enumerate(uploads):
        draft = read_upload(name, data, today)
        if bar:
            bar.progress(done / len(uploads), text=f"Reading and extracting {draft.name}")
        if draft.key in seen:
            st.warning(addpage.markdown_literal(f"{draft.name} is uploaded twice; it is added once."))
            continue
        seen.add(draft.key)
        candidate = candidate_card(draft, data, today, stored)
        if candidate:
            candidates.append(candidate)
    if bar:
        bar.empty()
    save_button(candidates, "files")


def paste_section(today: date, stored: dict[str, str]) -> None:
    text = st.text_area(
        "Article text", key="add_paste_text", height=220, placeholder="Paste the article here"
    )
    meta = metadata_form(Metadata(), "paste", today)
    candidates = []
    if text.strip():
        key = addpage.upload_key(addpage.PASTED_NAME, text.encode("utf-8"))
        if key in st.session_state[SAVED]:
            show(st.session_state[SAVED][key])
        else:
            try:
                article = article_from_text(text, addpage.PASTED_NAME, meta, today)
                show_preview(article, stored)
                candidates.append(addpage.Candidate(key, addpage.PASTED_NAME, article))
            except ArticleError as err:
                st.warning(addpage.markdown_literal(str(err)))
                candidates.append(addpage.Candidate(key, addpage.PASTED_NAME, None, str(err)))
    save_button(candidates, "paste")


def filter_note() -> None:
    """After a save, say when the sidebar filters hide rows on the other pages, and offer to reset them
    (an actor chosen, or a date range the user narrowed: the full range follows the store by itself)."""
    flt = ui.current_filter()
    if st.session_state[SAVED] and not flt.is_empty:
        st.info(
            f"{flt.describe(noun='showing rows')}: the other pages show only the rows these sidebar "
            "filters match, so new rows outside them are hidden until you widen or reset the filters."
        )
        st.button("Reset filters", on_click=ui.reset_filters, key="add_reset_filters")


# -- managing the store ------------------------------------------------------------------------------
def manage_section() -> None:
    st.header("Stored articles")
    show_notices("manage")
    articles = ui.load("articles")
    if articles.empty:
        st.info("The store has no articles yet: add some above.")
        return
    table = addpage.stored_table(articles, {name: ui.load(name) for name in EXTRACTED_TABLES})
    st.caption(
        f"All {len(table)} articles in the store and their rows per table (the sidebar filters do not apply)."
    )
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        key="add_stored",
        column_config={"published": st.column_config.DateColumn("published", format="YYYY-MM-DD")},
    )
    rows = table.set_index("article_id", drop=False)
    labels = {aid: addpage.article_label(r.title, r.published, r.source, aid) for aid, r in rows.iterrows()}
    if st.session_state.get(MANAGE_PICK) not in labels:
        st.session_state.pop(MANAGE_PICK, None)
    article_id = st.selectbox("Article", list(labels), format_func=labels.get, key=MANAGE_PICK)
    if st.session_state.get(REMOVE_PENDING) not in (None, article_id):
        st.session_state.pop(REMOVE_PENDING)
    actions = st.container(horizontal=True)
    actions.button("Re-extract this article", key="add_reextract_one", on_click=ask, args=("reextract_one",))
    actions.button("Remove this article…", key="add_remove_ask", on_click=ask_removal)
    actions.button(
        f"Re-extract all {len(table)} articles",
        key="add_reextract_all",
        help="After editing the lexicon or gazetteer files: every article is read again from its stored text.",
        on_click=ask,
        args=("reextract_all",),
    )
    if asked("reextract_one"):
        reextract_one(article_id, labels[article_id])
    if asked("reextract_all"):
        reextract_everything()
    if st.session_state.get(REMOVE_PENDING) == article_id:
        confirm_removal(article_id, labels[article_id], addpage.row_total(rows.loc[article_id]))


def reextract_one(article_id: str, label: str) -> None:
    article = next(a for a in ui.store().stored_articles() if a.article_id == article_id)
    outcome = store_article(ui.store(), article, lexicon(), force=True)
    st.session_state[NOTICES]["manage"] = [addpage.reextract_result(outcome, article.title or label)]
    st.rerun()


def reextract_everything() -> None:
    bar = st.progress(0.0, text="Re-extracting…")
    n = reextract_all(
        ui.store(),
        lexicon(),
        lambda done, total, path: bar.progress(done / total, text=f"Re-extracted {done} of {total}: {path}"),
    )
    st.session_state[NOTICES]["manage"] = [
        addpage.Result("success", f"Re-extracted all {n} articles with the lexicon as it is now.")
    ]
    st.rerun()


def confirm_removal(article_id: str, label: str, n_rows: int) -> None:
    st.warning(
        addpage.markdown_literal(
            f"Remove {label} and its {n_rows} extracted rows from every table? "
            "This cannot be undone; add the file again to bring it back."
        )
    )
    answer = st.container(horizontal=True)
    answer.button("Yes, remove it", type="primary", key="add_remove_yes", on_click=ask, args=("remove",))
    answer.button("Cancel", key="add_remove_no", on_click=cancel_removal)
    if asked("remove"):
        removed = ui.store().remove(article_id)
        addpage.forget_article(st.session_state[SAVED], article_id)
        text = f"Removed {label} and its rows." if removed else f"{label} was already gone."
        st.session_state[NOTICES]["manage"] = [addpage.Result("success", text)]
        st.session_state.pop(REMOVE_PENDING, None)
        st.rerun()


# -- the page ----------------------------------------------------------------------------------------
ui.page_setup()
st.title("Add articles")
st.caption(
    "Upload .md, .txt or .html files, or paste an article's text. Each is read first: check its title, "
    "date, source and URL and what will be extracted, then save. Bad files are named with what to do; "
    "they change nothing."
)
st.session_state.setdefault(SAVED, {})
st.session_state.setdefault(NOTICES, {})
today = date.today()
stored = dict(zip(*(ui.load("articles")[c] for c in ("article_id", "extractor_version")), strict=True))
upload_tab, paste_tab = st.tabs(["Upload files", "Paste text"])
with upload_tab:
    upload_section(today, stored)
with paste_tab:
    paste_section(today, stored)
filter_note()
manage_section()
st.session_state.pop(ACTION, None)  # a request no part of this run answered is not kept for a later one
