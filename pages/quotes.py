"""Quotes: search, narrow by speaker/organisation/kind/topic, read each in context, download as CSV."""

from dataclasses import replace

import streamlit as st

from borderwatch import ui
from borderwatch.view import highlight
from borderwatch.view.text import MISSING, cell, is_missing
from borderwatch.view.text import markdown_literal as literal

UNATTRIBUTED = "Speaker not identified"  # a quote the extractor could not attribute: said so, not left blank

flt = ui.page_setup()
st.title("Quotes")
if ui.store_is_empty():
    st.stop()
PICKED = (("speaker", "Speaker"), ("speaker_org", "Organisation"), ("kind", "Kind"), ("topic", "Topic"))
quotes = ui.load("quotes", flt, [field for field, _ in PICKED])  # the pickers' options
claims = ui.load("claims")

query = st.text_input("Search quotes", key="quote_search", placeholder='words or "a phrase"')
searched = replace(flt, text=query)  # the store searches: the quote text or the speaker has every term
found = ui.load("quotes", searched)
pickers = st.columns(4)
choices = {}
for column, (field, label) in zip(
    pickers,
    PICKED,
    strict=True,
):
    options = sorted(quotes[field].dropna().unique())
    choices[field] = column.multiselect(label, options, key=f"quote_{field}")
shown = highlight.narrow(found, choices)

narrowing = [
    f"{label} is {', '.join(chosen)}"
    for label, chosen in zip(("speaker", "organisation", "kind", "topic"), choices.values(), strict=True)
    if chosen
]
ui.describe(searched, len(found), "quote")
if narrowing:
    st.caption(f"{len(shown)} of them shown, where " + literal(" and ".join(narrowing)) + ".")
ui.csv_download("Download these quotes (CSV)", shown, "quotes.csv", key="quotes_csv")
if shown.empty:
    if len(quotes):
        st.info("No quote matches the search and choices above; clear them to see all quotes.")
    else:
        ui.empty_state(flt, "quotes", "quotes")

contradicting = claims.dropna(subset=["claim_quote_id"]).groupby("claim_quote_id")
for q in ui.capped(shown, "quotes", ui.SHOWN_CARDS).itertuples(index=False):
    said = "date not given" if is_missing(q.date_said) else f"{q.date_said:%Y-%m-%d}"
    who = ", ".join(cell(x) for x in (q.speaker_role, q.speaker_org) if cell(x))
    with st.container(border=True):
        ui.html(
            f'<figure aria-label="Quote by {ui.esc(q.speaker, UNATTRIBUTED)}" style="margin:0">'
            f"<figcaption><b>{ui.esc(q.speaker, UNATTRIBUTED)}</b>{' — ' + ui.esc(who) if who else ''}"
            f" · said {said} · {ui.esc(q.kind)} quote · topic: {ui.esc(q.topic, MISSING)}"
            f"</figcaption>{highlight.quote_html(q.text, q.kind, searched.terms)}</figure>"
        )
        if q.quote_id in contradicting.groups:
            for claim in contradicting.get_group(q.quote_id).itertuples(index=False):
                source = "The article" if claim.other_article_id == claim.article_id else "That article"
                ui.text_line(
                    "<b>Contradicted</b> — {what}. {source}: “{words}”",
                    ui.NOTE_STYLE,
                    what=claim.contradiction,
                    source=source,
                    words=claim.other_text,
                )
        with st.expander("Surrounding sentences"):
            body = ui.body(q.article_id)
            bounds = highlight.sentence_bounds(body, q.char_start, q.char_end, 1, q.sentence_index)
            ui.html(highlight.excerpt_html(body, q.char_start, q.char_end, bounds, kind="quote"))
            st.caption(f"{q.quote_id}: characters {q.char_start}–{q.char_end} of article {q.article_id}")
