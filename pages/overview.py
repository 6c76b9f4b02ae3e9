"""Overview: headline numbers (each leading to its rows), a compact timeline, contradictions, articles."""

import streamlit as st

from borderwatch import ui
from borderwatch.view import charts, counting, highlight
from borderwatch.view.text import MISSING, article_label, cell
from borderwatch.view.text import markdown_literal as literal

flt = ui.page_setup()
st.title("BorderWatch")
st.caption("News articles on the 2021 Armenia–Azerbaijan border crisis, read into tables you can cite.")
if ui.store_is_empty():
    st.stop()

# Only the columns the numbers, the timeline and the article list need: a large store has long evidence.
COLUMNS = {
    "events": None,  # the timeline's hover shows most of an event
    "casualties": ("kind", "count", "count_low"),
    "troop_figures": ("count", "count_low"),
    "quotes": ("quote_id",),
    "articles": ui.ARTICLE_LABEL_COLUMNS,
}
tables = {name: ui.load(name, flt, columns) for name, columns in COLUMNS.items()}

# -- headline numbers ---------------------------------------------------------------------------------
st.subheader("In numbers")
ui.describe(flt, len(tables["events"]), "event")
columns = [*st.columns(3), *st.columns(3)]  # two rows of three: labels and numbers fit unclipped
for column, headline in zip(columns, charts.headline_counts(**tables), strict=True):
    with column:
        value = MISSING if headline.value is None else f"{headline.value:,}"
        st.metric(headline.label, value, help=headline.help, border=True)
        st.page_link(
            ui.DATA_PAGE,
            label=f"→ {headline.table.replace('_', ' ')}",
            help=f"The {headline.table.replace('_', ' ')} rows behind “{headline.label}” on the Data page.",
            query_params={ui.TABLE_PARAM: headline.table},
        )

st.caption(f"Killed and Captured: {counting.PEOPLE_RULE} Troops claimed: {counting.TROOPS_RULE}")

# -- compact timeline ---------------------------------------------------------------------------------
st.subheader("When")
if len(tables["events"]):
    ui.describe(flt, len(tables["events"]), "event", after=" on the timeline")
    st.plotly_chart(
        charts.timeline_figure(tables["events"], lanes="event_type", compact=True),
        key="overview_timeline",
        alt="Timeline of the events matching the filter, by event type.",
    )
    st.page_link("pages/timeline.py", label="Open the full timeline")
else:
    ui.empty_state(flt, "events", "overview_events")

# -- contradictions -----------------------------------------------------------------------------------
st.subheader("Contradictions")
claims = ui.load("claims", flt)
ui.describe(flt, len(claims), "contradicted claim")
if claims.empty:
    st.info("No claim is contradicted by what the articles report (under this filter).")
for claim in ui.capped(claims, "contradicted claims", ui.SHOWN_CARDS).itertuples(index=False):
    with st.container(border=True):
        ui.text_line("<b>{who}</b> — {what}", who=cell(claim.claimant, "Someone"), what=claim.contradiction)
        said, other = st.columns(2)
        body = ui.body(claim.article_id)
        with said:
            st.caption("The claim")
            bounds = highlight.sentence_bounds(body, claim.char_start, claim.char_end)
            ui.html(highlight.excerpt_html(body, claim.char_start, claim.char_end, bounds, kind="quote"))
        with other:
            elsewhere = claim.other_article_id != claim.article_id
            where = f" in another article: {ui.article_label(claim.other_article_id)}" if elsewhere else ""
            kind = claim.contradicted_by_kind
            ui.text_line("Contradicted by ({kind}){where}", ui.CAPTION_STYLE, kind=kind, where=where)
            other_body = ui.body(cell(claim.other_article_id, claim.article_id))
            start, end = claim.other_char_start, claim.other_char_end
            bounds = highlight.sentence_bounds(other_body, start, end)
            ui.html(highlight.excerpt_html(other_body, start, end, bounds, kind="evidence"))

# -- articles -------------------------------------------------------------------------------------------
st.subheader("Articles")
articles = tables["articles"]
ui.describe(flt, len(articles), "article")
for article in ui.capped(articles, "articles").itertuples(index=False):
    st.page_link(
        ui.ARTICLE_PAGE,
        label=literal(article_label(article.title, article.published, article.source)),
        query_params={ui.ARTICLE_PARAM: article.article_id},
    )
