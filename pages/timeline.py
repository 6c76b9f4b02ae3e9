"""Timeline: every event at its date interval; pick one to read its evidence in its paragraph."""

import streamlit as st

from borderwatch import ui
from borderwatch.view import charts, highlight
from borderwatch.view.text import cell
from borderwatch.view.text import markdown_literal as literal

EVENT_PICK = "timeline_event"
LAST_CHART_PICK = "timeline_last_chart_pick"

flt = ui.page_setup()
st.title("Timeline")
if ui.store_is_empty():
    st.stop()
events = ui.load("events", flt)

lanes = ui.one_of("Lanes", charts.LANE_TITLES, "actor", key="timeline_lanes")
ui.describe(flt, len(events), "event")
if events.empty:
    ui.empty_state(flt, "events", "timeline")
    st.stop()

chart = st.plotly_chart(
    charts.timeline_figure(events, lanes=lanes),
    key="timeline_chart",
    on_select="rerun",
    selection_mode="points",
    alt="Timeline of the events: dots are exact days, solid bars weeks or months, dashed bars unknown dates.",
)
if len(events) > charts.MAX_MARKS:
    st.caption(
        f"More than {charts.MAX_MARKS:,} events: each bar counts the events that start in its day or week, "
        "by the first day of the date the article gives. Narrow the sidebar filters to see each event "
        "at its dates and click it."
    )
else:
    st.caption(
        "A dot is an event dated to the day; a solid bar spans the week, month or year the article gives; "
        "a dashed bar with an open start is an event the article does not date (it happened before "
        "publication). Click an event to read its evidence."
    )

# A click in the chart picks the event in the box below; the box also works without a pointer.
listed = ui.capped(events, "events in the list below")  # a selectbox of every event would not load
ids = list(listed["event_id"])
clicked = [p["customdata"][0] for p in chart.selection.points if p.get("customdata")]
if clicked and clicked[0] not in ids and clicked[0] in set(events["event_id"]):
    ids.append(clicked[0])  # an event clicked in the chart is offered even past the list's cap
if clicked and clicked[0] != st.session_state.get(LAST_CHART_PICK):
    st.session_state[LAST_CHART_PICK] = st.session_state[EVENT_PICK] = clicked[0]
if st.session_state.get(EVENT_PICK) not in ids:
    st.session_state.pop(EVENT_PICK, None)
labels = {
    e.event_id: f"{cell(e.summary, e.event_type)} ({e.event_id})"
    for e in events[events["event_id"].isin(ids)].itertuples(index=False)
}
event_id = st.selectbox(
    "Event", ids, format_func=labels.get, index=None, key=EVENT_PICK, placeholder="Click an event or pick one"
)
if event_id is None:
    st.stop()

event = events.set_index("event_id").loc[event_id]
st.subheader(literal(cell(event.summary, event.event_type)))
body = ui.body(event.article_id)
bounds = highlight.paragraph_bounds(body, event.char_start, event.char_end)
spans = [
    highlight.Mark(event.char_start - bounds[0], event.char_end - bounds[0], "evidence", title="evidence")
]
ui.html(f"<blockquote>{highlight.highlight_html(body[bounds[0] : bounds[1]], spans)}</blockquote>")
st.caption(
    f"Evidence: characters {event.char_start}–{event.char_end} of article {event.article_id}, "
    f"sentence {event.sentence_index}. Date: “{literal(cell(event.date_phrase, 'no date words'))}”, "
    f"precision {event.date_precision}."
)
for name, noun in (("casualties", "casualty figures"), ("troop_figures", "troop figures")):
    rows = ui.load(name, flt)
    rows = rows[rows["event_id"] == event_id]
    st.markdown(f"**{noun.capitalize()} of this event**: {len(rows)}")
    if len(rows):
        ui.table(rows, name, key=f"timeline_{name}")
