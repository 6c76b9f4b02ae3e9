"""Figure builders: plain functions from the store's DataFrames to Plotly figures and headline numbers.

No Streamlit here, so every figure can be tested on a hand-made DataFrame.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import timedelta
from typing import Literal

import pandas as pd
import plotly.graph_objects as go

from borderwatch.view.counting import PEOPLE_RULE, TROOPS_RULE, largest_troops, people
from borderwatch.view.text import cell

# Okabe & Ito (2008), the colour-blind-safe palette.
OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "grey": "#999999",
}

# How an event's date precision is drawn. Shape and line style differ, not only colour.
POINT, BAND, OPEN = "point", "band", "open"
PRECISION_SHAPE = {"day": POINT, "week": BAND, "month": BAND, "year": BAND}
TRACE_NAMES = {
    POINT: "Exact day (dot)",
    BAND: "Week, month or year (solid bar)",
    OPEN: "Date unknown: before publication (dashed, open start)",
}
LANE_TITLES = {"actor": "Actor (who acted)", "event_type": "Event type"}
UNKNOWN_LANE = {"actor": "Unknown actor", "event_type": "Unknown type"}

ONE_DAY = timedelta(days=1)
ROW_GAP = timedelta(days=1)  # bars that touch (May, then June) go on separate rows, not read as one
MIN_OPEN_LEAD = timedelta(days=10)  # the shortest open-ended stub (when the figure spans little time)
BAND_WIDTH = 10
OPEN_WIDTH = 3
POINT_SIZE = 13
CAP_SIZE = 18
LABEL_LIFT = 0.38  # rows: 'date unknown' sits clear above its dashed band
ROW_HEIGHT, COMPACT_ROW_HEIGHT = 38, 26
BASE_HEIGHT, COMPACT_BASE_HEIGHT = 170, 140
MARKER_OUTLINE = "rgba(128,128,128,0.9)"  # mid grey: visible on light and dark backgrounds

Lanes = Literal["actor", "event_type"]


@dataclass(frozen=True)
class Placed:
    """One event as drawn: its lane, its row inside the figure, and its x extent."""

    event_id: str
    lane: str
    row: int
    shape: str
    x0: pd.Timestamp
    x1: pd.Timestamp


MAX_MARKS = 2_000  # more events than this are drawn as counts per day or week, not one mark each
DAILY_SPAN = timedelta(days=92)  # counts per day when the dated events span at most this; else per week
MAX_BAR_LANES = 10  # lanes drawn apart in the counts; the rest are summed into OTHER_LANES
OTHER_LANES = "Other"
LANE_COLOURS = [c for name, c in OKABE_ITO.items() if name != "grey"]


def timeline_figure(events: pd.DataFrame, lanes: Lanes = "actor", compact: bool = False) -> go.Figure:
    """Events at their date intervals: dots for exact days, bars for weeks/months/years, dashed open bars
    for unknown dates (bounded by publication); one lane per actor or event type. More than MAX_MARKS
    events are drawn as counts per period instead (timeline_counts_figure)."""
    if len(events) > MAX_MARKS:
        return timeline_counts_figure(events, lanes, compact)
    placed = place_events(events, lanes)
    by_id = events.set_index("event_id")
    fig = go.Figure()
    for shape in (BAND, OPEN, POINT):
        rows = [p for p in placed if p.shape == shape]
        if rows:
            fig.add_trace(_trace(shape, rows, by_id))
    if not compact and any(p.shape == OPEN for p in placed):
        # one label per lane, on its first dashed stub: stubs side by side would write over each other
        first_open: dict[str, Placed] = {}
        for p in sorted(placed, key=lambda p: (p.row, p.x0)):
            if p.shape == OPEN:
                first_open.setdefault(p.lane, p)
        fig.add_trace(_open_labels(list(first_open.values())))
    lane_rows: dict[str, list[int]] = {}
    for p in placed:
        lane_rows.setdefault(p.lane, []).append(p.row)
    n_rows = max((p.row for p in placed), default=0) + 1
    title = f"Events over time, by {LANE_TITLES[lanes].split(' (')[0].lower()}"
    fig.update_layout(
        title={"text": title},
        xaxis={"title": {"text": "Date"}, "type": "date"},
        yaxis={
            "title": {"text": LANE_TITLES[lanes]},
            "tickmode": "array",
            "tickvals": [sum(r) / len(r) for r in lane_rows.values()],
            "ticktext": [html.escape(lane) for lane in lane_rows],  # Plotly reads tags in tick text
            "autorange": "reversed",
            "zeroline": False,
        },
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
        height=(COMPACT_BASE_HEIGHT if compact else BASE_HEIGHT)
        + n_rows * (COMPACT_ROW_HEIGHT if compact else ROW_HEIGHT),
        margin={"t": 90, "b": 50},
        hovermode="closest",
        clickmode="event+select",
        dragmode=False if compact else "zoom",
    )
    for boundary in _lane_boundaries(lane_rows):
        fig.add_hline(y=boundary, line={"width": 1, "color": MARKER_OUTLINE, "dash": "dot"})
    return fig


@dataclass(frozen=True)
class EventCounts:
    """Events counted per lane and period: `counts` has columns lane, period (its first day), count."""

    counts: pd.DataFrame
    period: str  # "day" or "week"
    total: int  # every event, dated or not
    undated: int  # events with no start date, in no period


def event_counts(events: pd.DataFrame, lanes: Lanes = "actor") -> EventCounts:
    """Events counted per lane and per day (a span of at most DAILY_SPAN) or per week (from Monday), by
    the first day of each event's date interval. Lanes past the MAX_BAR_LANES largest are summed."""
    start = pd.to_datetime(events["date_start"], errors="coerce")
    column = "actor1" if lanes == "actor" else "event_type"
    lane = events[column].astype("string").str.strip().replace("", pd.NA).fillna(UNKNOWN_LANE[lanes])
    dated = pd.DataFrame({"lane": lane, "start": start}).dropna(subset=["start"])
    daily = dated.empty or dated["start"].max() - dated["start"].min() <= DAILY_SPAN
    if daily:
        dated["period"] = dated["start"].dt.normalize()
    else:
        dated["period"] = (
            dated["start"] - pd.to_timedelta(dated["start"].dt.day_of_week, unit="D")
        ).dt.normalize()
    largest = dated["lane"].value_counts().index[:MAX_BAR_LANES]
    dated["lane"] = dated["lane"].where(dated["lane"].isin(largest), OTHER_LANES)
    counts = dated.groupby(["lane", "period"]).size().rename("count").reset_index()
    return EventCounts(counts, "day" if daily else "week", len(events), len(events) - len(dated))


def counts_title(counted: EventCounts) -> str:
    """What the counts figure shows: '12,345 events, shown as counts per week'."""
    title = f"{counted.total:,} events, shown as counts per {counted.period}"
    if counted.undated:
        title += f" ({counted.undated:,} with no date not drawn)"
    return title


def timeline_counts_figure(events: pd.DataFrame, lanes: Lanes = "actor", compact: bool = False) -> go.Figure:
    """Too many events for one mark each: stacked bars of events per day or week, one colour per lane."""
    counted = event_counts(events, lanes)
    order = counted.counts.groupby("lane")["count"].sum().sort_values(ascending=False).index
    fig = go.Figure()
    for i, lane in enumerate(order):
        rows = counted.counts[counted.counts["lane"] == lane]
        colour = OKABE_ITO["grey"] if lane == OTHER_LANES else LANE_COLOURS[i % len(LANE_COLOURS)]
        fig.add_trace(
            go.Bar(
                x=rows["period"],
                y=rows["count"],
                name=html.escape(str(lane)),  # Plotly reads tags in trace names
                marker={"color": colour},
                hovertemplate=f"%{{x|%Y-%m-%d}}: %{{y}} events ({html.escape(str(lane))})<extra></extra>",
            )
        )
    fig.update_layout(
        title={"text": counts_title(counted)},
        barmode="stack",
        xaxis={"title": {"text": f"{counted.period.capitalize()} (first day)"}, "type": "date"},
        yaxis={"title": {"text": f"Events per {counted.period}"}},
        legend={"title": {"text": LANE_TITLES[lanes]}},
        height=COMPACT_BASE_HEIGHT + 160 if compact else BASE_HEIGHT + 330,
        margin={"t": 90, "b": 50},
        dragmode=False if compact else "zoom",
    )
    return fig


def place_events(events: pd.DataFrame, lanes: Lanes = "actor") -> list[Placed]:
    """Each event's lane, row and x extent; events of one lane that overlap get rows of their own."""
    if events.empty:
        return []
    column = "actor1" if lanes == "actor" else "event_type"
    open_lead = _open_lead(events)
    items = []
    for e in events.itertuples(index=False):
        lane = getattr(e, column)
        lane = UNKNOWN_LANE[lanes] if pd.isna(lane) or not str(lane).strip() else str(lane)
        shape = PRECISION_SHAPE.get(e.date_precision, OPEN) if not pd.isna(e.date_precision) else OPEN
        end = pd.Timestamp(e.date_end) if not pd.isna(e.date_end) else pd.NaT
        start = pd.Timestamp(e.date_start) if not pd.isna(e.date_start) else pd.NaT
        if shape != OPEN and (pd.isna(start) or pd.isna(end)):
            shape = OPEN
        if shape == OPEN:
            if pd.isna(end):
                continue  # neither bound: nothing to draw at any date
            # an unknown date bounded below ('after … in May') starts at its bound; otherwise a short stub
            # with an arrow says 'some time before this', without claiming any span of time
            x0, x1 = (end + ONE_DAY - open_lead if pd.isna(start) else start), end + ONE_DAY
        elif shape == POINT:
            x0 = x1 = start + ONE_DAY / 2  # the middle of its day, where that day's bar would be
        else:
            x0, x1 = start, end + ONE_DAY  # date_end is inclusive: the bar covers that whole day
        items.append((lane, x0, x1, shape, e.event_id))
    lane_order = list(dict.fromkeys(lane for lane, *_ in sorted(items, key=lambda i: (i[1], i[0]))))
    placed, next_row = [], 0
    for lane in lane_order:
        row_ends: list[pd.Timestamp] = []
        for _, x0, x1, shape, event_id in sorted(
            (i for i in items if i[0] == lane), key=lambda i: (i[1], i[2])
        ):
            reach = x1 if x1 > x0 else x0 + ONE_DAY
            sub = next((k for k, last in enumerate(row_ends) if last + ROW_GAP <= x0), None)
            if sub is None:
                row_ends.append(reach)
                sub = len(row_ends) - 1
            else:
                row_ends[sub] = reach
            placed.append(Placed(str(event_id), lane, next_row + sub, shape, x0, x1))
        next_row += max(1, len(row_ends))
    return placed


def _open_lead(events: pd.DataFrame) -> pd.Timedelta:
    """How long an open-ended stub is drawn: a twentieth of the figure's dated span, at least MIN_OPEN_LEAD."""
    known = pd.concat([events["date_start"].dropna(), events["date_end"].dropna()])
    span = pd.Timestamp(known.max()) - pd.Timestamp(known.min()) if len(known) else pd.Timedelta(0)
    return max(pd.Timedelta(MIN_OPEN_LEAD), span * 0.05)


def _lane_boundaries(lane_rows: dict[str, list[int]]) -> list[float]:
    firsts = sorted(min(rows) for rows in lane_rows.values())
    return [row - 0.5 for row in firsts[1:]]


def _trace(shape: str, rows: list[Placed], by_id: pd.DataFrame) -> go.Scatter:
    xs: list[object] = []
    ys: list[object] = []
    data: list[object] = []
    symbols: list[str] = []
    sizes: list[int] = []
    for p in rows:
        hover = event_hover(by_id.loc[p.event_id], p.event_id)
        if shape == POINT:
            xs += [p.x0]
            ys += [p.row]
            data += [[p.event_id, hover]]
            symbols += ["circle"]
            sizes += [POINT_SIZE]
            continue
        mid = p.x0 + (p.x1 - p.x0) / 2
        xs += [p.x0, mid, p.x1, None]
        ys += [p.row, p.row, p.row, None]
        data += [[p.event_id, hover]] * 3 + [None]
        if shape == BAND:
            symbols += ["line-ns-open", "line-ns-open", "line-ns-open", "circle"]
            sizes += [CAP_SIZE, 0, CAP_SIZE, 0]
        else:
            symbols += ["triangle-left", "line-ns-open", "line-ns-open", "circle"]
            sizes += [POINT_SIZE - 2, 0, CAP_SIZE, 0]
    colour = {POINT: OKABE_ITO["blue"], BAND: OKABE_ITO["orange"], OPEN: OKABE_ITO["vermillion"]}[shape]
    line = {
        POINT: None,
        BAND: {"width": BAND_WIDTH, "color": colour, "dash": "solid"},
        OPEN: {"width": OPEN_WIDTH, "color": colour, "dash": "dash"},
    }[shape]
    return go.Scatter(
        x=xs,
        y=ys,
        name=TRACE_NAMES[shape],
        mode="markers" if shape == POINT else "lines+markers",
        line=line,
        marker={
            "symbol": symbols,
            "size": sizes,
            "color": colour,
            "line": {
                "width": 2 if shape != POINT else 1.5,
                "color": colour if shape != POINT else MARKER_OUTLINE,
            },
        },
        customdata=data,
        hovertemplate="%{customdata[1]}<extra></extra>",
        unselected={"marker": {"opacity": 0.45}},  # when one event is picked the others fade
        connectgaps=False,
        meta={"shape": shape},
    )


def _open_labels(rows: list[Placed]) -> go.Scatter:
    """'date unknown' written at the open start of the given dashed stubs, above them. A trace of its own:
    text on a lines+markers trace drops some labels."""
    return go.Scatter(
        x=[p.x0 for p in rows],
        y=[p.row - LABEL_LIFT for p in rows],
        mode="text",
        text=["date unknown"] * len(rows),
        textposition="middle right",
        textfont={"color": OKABE_ITO["vermillion"]},
        unselected={"textfont": {"color": OKABE_ITO["vermillion"]}},  # stays readable when one is picked
        hoverinfo="skip",
        showlegend=False,
        meta={"shape": "label"},
    )


def event_hover(event: pd.Series, event_id: str) -> str:
    """Hover text of one event: what, who, when (with the article's own words for the date)."""
    what = cell(event.get("summary")) or cell(event.get("trigger")) or cell(event.get("event_type"))
    who = " → ".join(x for x in (cell(event.get("actor1")), cell(event.get("actor2"))) if x)
    precision = cell(event.get("date_precision")) or "unknown"
    start, end = event.get("date_start"), event.get("date_end")
    if precision == "unknown" and not pd.isna(start) and not pd.isna(end):
        when = f"date unknown, between {_day(start)} and {_day(end)}"
    elif precision == "unknown" or pd.isna(start):
        when = f"date unknown, before {_day(end)}" if not pd.isna(end) else "date unknown"
    elif precision == "day" or _day(start) == _day(end):
        when = _day(start)
    else:
        when = f"{_day(start)} – {_day(end)}"
    phrase = cell(event.get("date_phrase"))
    lines = [
        f"<b>{html.escape(what)}</b>",
        html.escape(who) if who else "",
        f"When: {html.escape(when)} ({html.escape(precision)} precision)",
        f"The article says: “{html.escape(phrase)}”" if phrase else "The article gives no date words",
        f"Type: {html.escape(cell(event.get('event_type')))}",
        f"<i>{html.escape(event_id)}</i>",
    ]
    return "<br>".join(x for x in lines if x)


def _day(value: object) -> str:
    return pd.Timestamp(value).date().isoformat()


# -- headline numbers ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Headline:
    """One headline number: its label, value (None when nothing is known), the table behind it, a note."""

    label: str
    value: int | None
    table: str
    help: str


def headline_counts(
    events: pd.DataFrame,
    casualties: pd.DataFrame,
    troop_figures: pd.DataFrame,
    quotes: pd.DataFrame,
    articles: pd.DataFrame,
) -> list[Headline]:
    """The Overview's numbers, computed from already-filtered tables."""
    return [
        Headline("Events", len(events), "events", "Event mentions matching the filter."),
        Headline("Killed", people(casualties, ("killed",)), "casualties", f"People killed. {PEOPLE_RULE}"),
        Headline(
            "Captured", people(casualties, ("captured",)), "casualties", f"People captured. {PEOPLE_RULE}"
        ),
        Headline("Troops claimed", largest_troops(troop_figures), "troop_figures", TROOPS_RULE),
        Headline("Quotes", len(quotes), "quotes", "Direct, partial and reported quotes."),
        Headline("Articles", len(articles), "articles", "Articles in the store."),
    ]
