"""Add articles: upload files or paste text, check the metadata and what will be extracted, save; then
manage the store: re-extract after lexicon edits, remove an article with all its rows.

What each action does is borderwatch.view.addpage's; a click asks for it through ui.ask and the run
that follows does it once. Uploads this session has saved (known by name, size and SHA-256) show what
saving did and are not offered again, so no rerun writes twice.
"""

from datetime import date

import streamlit as st

from borderwatch import ui
from borderwatch.articles.files import Metadata
from borderwatch.view import addpage
from borderwatch.view.text import markdown_literal

SAVED = "add_saved"  # UploadKey → Result of saving it, for this session
REMOVE_PENDING = "add_remove_pending"  # the article_id waiting for the user to confirm its removal
MANAGE_PICK = "add_manage_pick"


def save_button(candidates: list[addpage.Candidate], section: str) -> None:
    """Save the candidates that are ready, each in its own transaction; report the others by name."""
    label, action = addpage.save_label(candidates), f"save_{section}"
    ui.action_button(label, action, key=f"add_{action}", type="primary", disabled=not candidates)
    for result in ui.notices(section):
        ui.show(result)
    if ui.asked(action):
        saved, problems = addpage.save(
            ui.store(), candidates, ui.lexicon(), ui.progress_bar("Extracting and saving:")
        )
        st.session_state[SAVED].update(saved)
        ui.notify(section, problems)
        st.rerun()


def upload_section(today: date, stored: dict[str, str]) -> None:
    candidates, (uploads, again) = [], addpage.distinct_uploads(ui.article_uploader())
    for name in again:
        ui.message("warning", f"{name} is uploaded twice; it is added once.")
    for name, data in uploads:
        draft = ui.read_upload(name, data, today)
        with st.container(border=True):
            st.markdown(f"**{markdown_literal(draft.name)}**")
            if draft.key in st.session_state[SAVED] or draft.problem:
                ui.show(st.session_state[SAVED].get(draft.key) or addpage.Result("error", draft.problem))
                continue
            meta = ui.metadata_form(draft.defaults, addpage.widget_suffix(draft.key), today)
            candidates.append(ui.upload_candidate(draft, data, meta, today))
            ui.candidate_view(candidates[-1], stored, meta)
    save_button(candidates, "files")


def paste_section(today: date, stored: dict[str, str]) -> None:
    text = st.text_area(
        "Article text", key="add_paste_text", height=220, placeholder="Paste the article here"
    )
    meta = ui.metadata_form(Metadata(), "paste", today)
    candidate = addpage.pasted_candidate(text, meta, today) if text.strip() else None
    if candidate and candidate.key in st.session_state[SAVED]:
        ui.show(st.session_state[SAVED][candidate.key])
    elif candidate:
        ui.candidate_view(candidate, stored, meta)
    save_button([candidate] if candidate and candidate.key not in st.session_state[SAVED] else [], "paste")


def manage_section() -> None:
    st.header("Stored articles")
    for result in ui.notices("manage"):
        ui.show(result)
    table = ui.stored_articles()
    if table.empty:
        st.info("The store has no articles yet: add some above.")
        return
    ui.stored_articles_table(table)
    if ui.writable():
        manage_actions(table)


def manage_actions(table) -> None:
    """Re-extract or remove a stored article, or re-extract them all."""
    labels = addpage.manage_labels(table)
    article_id = ui.offered_choice("Article", labels, MANAGE_PICK)
    if st.session_state.get(REMOVE_PENDING) not in (None, article_id):
        st.session_state.pop(REMOVE_PENDING)
    actions = st.container(horizontal=True)
    ui.action_button("Re-extract this article", "reextract_one", "add_reextract_one", actions)
    ui.action_button("Remove this article…", "remove_ask", "add_remove_ask", actions)
    ui.action_button(
        f"Re-extract all {len(table)} articles",
        "reextract_all",
        "add_reextract_all",
        actions,
        help="After editing the lexicon or gazetteer files: every article is read again from its stored text.",
    )
    done = None
    if ui.asked("reextract_one"):
        done = addpage.reextract_one(ui.store(), article_id, ui.lexicon(), labels[article_id])
    if ui.asked("reextract_all"):
        done = addpage.reextract_every(ui.store(), ui.lexicon(), ui.progress_bar("Re-extracting:"))
    if ui.asked("remove_ask"):
        st.session_state[REMOVE_PENDING] = article_id
    if st.session_state.get(REMOVE_PENDING) == article_id:
        done = confirm_removal(article_id, labels[article_id], addpage.row_total(table, article_id))
    if done:
        ui.notify("manage", [done])
        st.rerun()


def confirm_removal(article_id: str, label: str, n_rows: int) -> addpage.Result | None:
    ui.message("warning", addpage.removal_question(label, n_rows))
    answer = st.container(horizontal=True)
    ui.action_button("Yes, remove it", "remove", "add_remove_yes", answer, type="primary")
    answer.button("Cancel", key="add_remove_no", on_click=st.session_state.pop, args=(REMOVE_PENDING, None))
    if not ui.asked("remove"):
        return None
    st.session_state.pop(REMOVE_PENDING, None)
    return addpage.remove(ui.store(), article_id, label, st.session_state[SAVED])


flt = ui.page_setup()
st.title("Add articles")
st.caption(
    "Upload .md, .txt or .html files, or paste an article's text. Each is read first: check its title, "
    "date, source and URL and what will be extracted, then save. Bad files are named with what to do; "
    "they change nothing."
)
st.session_state.setdefault(SAVED, {})
if ui.writable():
    today = date.today()
    stored = addpage.stored_versions(ui.load("articles"))
    upload_tab, paste_tab = st.tabs(["Upload files", "Paste text"])
    with upload_tab:
        upload_section(today, stored)
    with paste_tab:
        paste_section(today, stored)
    if st.session_state[SAVED]:
        ui.hidden_rows_note(flt, "add_reset_filters")
else:
    st.info(
        "This dashboard serves its store read-only (BORDERWATCH_READ_ONLY is set): articles can be read "
        "here but not added, re-extracted or removed."
    )
manage_section()
ui.forget_requests()
