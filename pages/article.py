"""Article: one article's text with its extractions highlighted and numbered; where every row came from."""

import pandas as pd
import streamlit as st

from borderwatch import ui
from borderwatch.view import highlight
from borderwatch.view.text import article_label, cell, html_link

ROW_TABLES = ("events", "casualties", "troop_figures", "quotes", "claims", "actors", "places")

flt = ui.page_setup()
st.title("Article")
if ui.store_is_empty():
    st.stop()
articles = ui.load("articles").set_index("article_id")
titles = {aid: article_label(a.title, a.published, a.source) for aid, a in articles.iterrows()}
article_id = ui.url_choice("Article", list(titles), ui.ARTICLE_PARAM, titles.get, key="article_pick")
article = articles.loc[article_id]
body = ui.body(article_id)
ui.text_line(
    "Published {day} by {source} · {original} · article_id {aid} · extractor {v}",
    ui.CAPTION_STYLE,
    day=f"{article.published:%Y-%m-%d}",
    source=cell(article.source, "no source"),
    original=html_link("original", article.url),
    aid=article_id,
    v=article.extractor_version,
)

scoped = ui.with_article(flt, article_id)
tables = {name: ui.load(name, scoped) for name in ROW_TABLES}
# The claims filter also finds other articles' claims that this one contradicts: shown apart, since
# their offsets point into the other article's body.
claims = tables["claims"]
tables["claims"] = claims[claims["article_id"] == article_id]
contradicted_elsewhere = claims[claims["article_id"] != article_id]
marks = highlight.article_highlights(body, tables)
ui.describe(flt, len(marks), "highlight", after=" in this article")
if not marks and not flt.is_empty:
    ui.empty_state(flt, "extracted rows of this article", "article")
ui.html(highlight.legend_html(ui.HIGHLIGHT_KINDS))
spans = [highlight.Mark(m.start, m.end, m.kind, str(m.number), title=f"{m.number}: {m.kind}") for m in marks]
ui.html(
    '<div data-testid="articleText" style="white-space:pre-wrap;line-height:1.7">'
    f"{highlight.highlight_html(body, spans)}</div>"
)

st.subheader("What each highlight leads to")
st.dataframe(
    ui.capped(
        pd.DataFrame(
            {
                "#": [m.number for m in marks],
                "kind": [m.kind for m in marks],
                "text": [m.text for m in marks],
                "rows": [", ".join(f"{table}: {row_id}" for table, row_id in m.rows) for m in marks],
            }
        ),
        "highlights",
    ),
    hide_index=True,
    width="stretch",
    key="article_highlights",
    column_config={"#": st.column_config.NumberColumn("#", help="The superscript number in the text")},
)
for name in ROW_TABLES:
    if len(tables[name]):
        with st.expander(f"{name.replace('_', ' ').capitalize()} ({len(tables[name])} rows)"):
            ui.table(tables[name], name, key=f"article_{name}")

if len(contradicted_elsewhere):
    st.subheader("Claims in other articles that this article contradicts")
    for claim in ui.capped(contradicted_elsewhere, "claims", ui.SHOWN_CARDS).itertuples(index=False):
        ui.text_line(
            "<b>{who}</b> {what}<br>The claim is in {label}; the words here: “{words}”",
            who=cell(claim.claimant, "Someone"),
            what=claim.contradiction,
            label=ui.article_label(claim.article_id),
            words=claim.other_text,
        )

st.subheader("Provenance")
st.caption(
    "Every row extracted from this article, where it points in the body, and whether "
    "body[char_start:char_end] is still exactly its evidence."
)
st.dataframe(
    ui.capped(highlight.provenance_table(body, tables), "provenance rows"),
    hide_index=True,
    width="stretch",
    key="article_provenance",
)
