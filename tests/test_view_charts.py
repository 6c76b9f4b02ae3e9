"""Figure builders: points for exact days, bands for weeks and months, open dashed bands for unknown dates."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from borderwatch.schema import TABLES
from borderwatch.store.database import typed_frame
from borderwatch.view import charts
from borderwatch.view.charts import (
    BAND,
    OPEN,
    POINT,
    headline_counts,
    place_events,
    timeline_figure,
)
from tests.ui.fixtures import EXPECTED_ALL, article_a, article_b, rows_a, rows_b

A, B = article_a(), article_b()
E = {  # the fixture's events by name
    "rejected": f"{A.article_id}-E001",  # 2021-07-03, day, CSTO
    "advanced": f"{A.article_id}-E002",  # May 2021, month, Azerbaijani Armed Forces
    "clash": f"{A.article_id}-E003",  # June 2021, month, Azerbaijani Armed Forces
    "crossed": f"{B.article_id}-E001",  # 2021-05-12..18, week, Azerbaijani Armed Forces
    "talks": f"{B.article_id}-E002",  # unknown, before 2021-05-20, Armenia
}


def frames() -> dict[str, pd.DataFrame]:
    rows: dict[str, list[dict]] = {}
    for article, make in ((A, rows_a), (B, rows_b)):
        for name, table in make(article).items():
            rows.setdefault(name, []).extend({"article_id": article.article_id, **r} for r in table)
    out = {name: typed_frame(TABLES[name], rows.get(name, [])) for name in TABLES if name != "articles"}
    out["articles"] = typed_frame(
        TABLES["articles"], [{"article_id": A.article_id}, {"article_id": B.article_id}]
    )
    return out


@pytest.fixture
def events() -> pd.DataFrame:
    return frames()["events"]


def traces_by_shape(fig):
    return {trace.meta["shape"]: trace for trace in fig.data}


def event_traces(fig):
    return [trace for trace in fig.data if trace.customdata is not None]


def event_ids(trace) -> list[str]:
    return list(dict.fromkeys(d[0] for d in trace.customdata if d is not None))


def test_each_precision_is_drawn_as_its_own_shape(events):
    traces = traces_by_shape(timeline_figure(events))
    assert event_ids(traces[POINT]) == [E["rejected"]]
    assert sorted(event_ids(traces[BAND])) == sorted([E["advanced"], E["clash"], E["crossed"]])
    assert event_ids(traces[OPEN]) == [E["talks"]]


def test_shapes_differ_by_more_than_colour(events):
    traces = traces_by_shape(timeline_figure(events))
    assert traces[POINT].mode == "markers" and set(traces[POINT].marker.symbol) == {"circle"}
    assert traces[BAND].line.dash == "solid" and traces[OPEN].line.dash == "dash"
    assert traces[BAND].line.width > traces[OPEN].line.width
    assert "triangle-left" in traces[OPEN].marker.symbol  # the open start
    assert "circle" not in [
        s for s, size in zip(traces[BAND].marker.symbol, traces[BAND].marker.size, strict=True) if size
    ]
    assert len({t.name for t in event_traces(timeline_figure(events))}) == 3


def test_a_day_is_a_point_at_midday_and_a_month_spans_the_whole_month(events):
    traces = traces_by_shape(timeline_figure(events))
    assert list(traces[POINT].x) == [pd.Timestamp("2021-07-03 12:00")]
    band = traces[BAND]
    xs = [x for x, d in zip(band.x, band.customdata, strict=True) if d is not None and d[0] == E["advanced"]]
    assert (xs[0], xs[-1]) == (
        pd.Timestamp("2021-05-01"),
        pd.Timestamp("2021-06-01"),
    )  # May 1 .. end of May 31


def _open_lead(events: pd.DataFrame) -> pd.Timedelta:
    """An open stub's length: a twentieth of the dated span of the events, at least ten days."""
    known = pd.concat([events["date_start"].dropna(), events["date_end"].dropna()])
    return max(pd.Timedelta(days=10), (known.max() - known.min()) * 0.05)


def test_an_unknown_date_is_open_ended_before_publication(events):
    traces = traces_by_shape(timeline_figure(events))
    xs = [x for x in traces[OPEN].x if x is not None]
    assert xs[-1] == pd.Timestamp("2021-05-21")  # ends with the publication day, 2021-05-20
    assert pd.Timestamp(xs[-1]) - pd.Timestamp(xs[0]) == _open_lead(events)  # a stub: 'some time before'
    assert list(traces["label"].text) == ["date unknown"] and list(traces["label"].x) == [xs[0]]
    assert "label" not in traces_by_shape(timeline_figure(events, compact=True))


@pytest.mark.parametrize(
    ("event", "words"),
    [
        ("rejected", "“on Saturday”"),
        ("advanced", "“In May”"),
        ("crossed", "“during the week of May 12”"),
        ("talks", "date unknown, before 2021-05-20"),
    ],
)
def test_hover_shows_the_date_words_of_the_article(events, event, words):
    fig = timeline_figure(events)
    hovers = {d[0]: d[1] for trace in event_traces(fig) for d in trace.customdata if d is not None}
    assert words in hovers[E[event]]
    assert fig.data[0].hovertemplate == "%{customdata[1]}<extra></extra>"


def test_lanes_by_actor_or_event_type(events):
    by_actor = timeline_figure(events, lanes="actor").layout
    # lanes in the order they start: the advance in May, Armenia's undated stub ten days before its
    # bound of 20 May, then the CSTO
    assert list(by_actor.yaxis.ticktext) == ["Azerbaijani Armed Forces", "Armenia", "CSTO"]
    assert by_actor.yaxis.title.text == "Actor (who acted)"
    by_type = timeline_figure(events, lanes="event_type").layout
    assert list(by_type.yaxis.ticktext) == ["Strategic developments", "Battles"]
    assert by_type.yaxis.title.text == "Event type"


def test_overlapping_events_of_one_lane_get_rows_of_their_own(events):
    rows = {p.event_id: p.row for p in place_events(events, "actor")}
    assert rows[E["crossed"]] != rows[E["advanced"]]  # May 12-18 lies inside May
    assert rows[E["clash"]] != rows[E["advanced"]]  # June touches May: not drawn as one bar
    assert len(set(rows.values())) == 4  # Armenia, CSTO, and two rows of Azerbaijani Armed Forces


def test_figure_is_titled_and_labelled(events):
    layout = timeline_figure(events, compact=True).layout
    assert layout.title.text == "Events over time, by actor"
    assert layout.xaxis.title.text == "Date"


def test_no_events_draws_an_empty_titled_figure(events):
    fig = timeline_figure(events.iloc[0:0])
    assert len(fig.data) == 0 and fig.layout.title.text


def test_headline_counts_from_the_fixture():
    tables = frames()
    heads = headline_counts(
        tables["events"], tables["casualties"], tables["troop_figures"], tables["quotes"], tables["articles"]
    )
    assert {h.label: h.value for h in heads} == EXPECTED_ALL


def test_headline_counts_read_bounds_conservatively_and_leave_unknown_troops_empty():
    tables = frames()
    casualties = tables["casualties"].copy()
    casualties.loc[casualties["kind"] == "killed", ["count", "count_low"]] = [pd.NA, 12]  # "dozens killed"
    heads = headline_counts(
        tables["events"], casualties, tables["troop_figures"].iloc[0:0], tables["quotes"], tables["articles"]
    )
    values = {h.label: h.value for h in heads}
    assert values["Killed"] == 12 and values["Troops claimed"] is None


def test_headline_people_are_the_largest_figure_not_a_sum_of_overlapping_reports():
    tables = frames()
    killed = tables["casualties"][tables["casualties"]["kind"] == "killed"]
    # a second report of the same deaths, and a third with a larger toll
    more = pd.concat(
        [
            killed.assign(casualty_id="X1", count=1, count_low=1),
            killed.assign(casualty_id="X2", count=4, count_low=4),
        ]
    )
    casualties = pd.concat([tables["casualties"], more], ignore_index=True)
    heads = headline_counts(
        tables["events"], casualties, tables["troop_figures"], tables["quotes"], tables["articles"]
    )
    values = {h.label: h.value for h in heads}
    assert (values["Killed"], values["Captured"]) == (4, 6)


def test_an_unknown_date_bounded_below_starts_at_its_bound(events):
    """'after … in May': the date is unknown, but not before May 1st, so the dashed band starts there."""
    bounded = events.copy()
    talks = bounded["event_id"] == E["talks"]
    bounded.loc[talks, "date_start"] = pd.Timestamp("2021-05-01")
    placed = {p.event_id: p for p in place_events(bounded)}
    assert placed[E["talks"]].shape == OPEN
    assert placed[E["talks"]].x0 == pd.Timestamp("2021-05-01")
    assert placed[E["talks"]].x1 == pd.Timestamp("2021-05-21")  # date_end 2021-05-20 is inclusive
    unbounded = {p.event_id: p for p in place_events(events)}[E["talks"]]
    # unbounded: a stub ending with its last possible day, a twentieth of the figure's dated span long
    # (at least ten days): it says 'some time before', not 'since the start of the figure'
    assert (unbounded.x0, unbounded.x1) == (
        pd.Timestamp("2021-05-21") - _open_lead(events),
        pd.Timestamp("2021-05-21"),
    )


def test_date_unknown_is_written_once_per_lane(events):
    more = events.copy()
    undated = more[more["date_precision"] == "unknown"].iloc[0]
    extra = [undated.copy() for _ in range(3)]
    for n, row in enumerate(extra):
        row["event_id"], row["date_end"] = f"X{n}", pd.Timestamp("2021-06-01") + pd.Timedelta(days=20 * n)
    more = pd.concat([more, pd.DataFrame(extra)], ignore_index=True)
    traces = traces_by_shape(timeline_figure(more))
    assert sum(1 for x in traces[OPEN].x if x is None) == 4  # four dashed stubs (None separates them)
    assert list(traces["label"].text) == ["date unknown"]  # all in Armenia's lane: labelled once


# -- many events: counts per day or week ------------------------------------------------------------------
def counted_events(rows: list[tuple[str, str | None]]) -> pd.DataFrame:
    """Events from (actor1, date_start) pairs, numbered in order."""
    return typed_frame(
        TABLES["events"],
        [
            {
                "event_id": f"E{i}",
                "actor1": actor,
                "event_type": "Battles",
                "date_start": day and date.fromisoformat(day),
            }
            for i, (actor, day) in enumerate(rows)
        ],
    )


def count_rows(counted: charts.EventCounts) -> set[tuple[str, str, int]]:
    return {(r.lane, f"{r.period:%Y-%m-%d}", r.count) for r in counted.counts.itertuples(index=False)}


def test_events_spanning_months_are_counted_per_week_from_monday():
    events = counted_events(
        [("North", "2021-05-03"), ("North", "2021-05-09"), ("South", "2021-05-10"), ("North", "2021-09-01")]
    )
    counted = charts.event_counts(events, "actor")
    assert counted.period == "week"
    # 3 May is a Monday, 9 May the Sunday of its week; 1 September a Wednesday of the week from 30 August
    assert count_rows(counted) == {
        ("North", "2021-05-03", 2),
        ("South", "2021-05-10", 1),
        ("North", "2021-08-30", 1),
    }


def test_events_within_weeks_are_counted_per_day_and_undated_ones_are_said():
    events = counted_events(
        [("North", "2021-05-03"), ("North", "2021-05-03"), (None, "2021-05-20"), ("South", None)]
    )
    counted = charts.event_counts(events, "actor")
    assert counted.period == "day"
    assert count_rows(counted) == {("North", "2021-05-03", 2), ("Unknown actor", "2021-05-20", 1)}
    assert (counted.total, counted.undated) == (4, 1)
    assert charts.counts_title(counted) == "4 events, shown as counts per day (1 with no date not drawn)"


def test_lanes_past_the_largest_are_summed_as_other(monkeypatch):
    monkeypatch.setattr(charts, "MAX_BAR_LANES", 1)
    events = counted_events(
        [("North", "2021-05-03"), ("North", "2021-05-04"), ("South", "2021-05-03"), ("East", "2021-05-03")]
    )
    assert count_rows(charts.event_counts(events, "actor")) == {
        ("North", "2021-05-03", 1),
        ("North", "2021-05-04", 1),
        ("Other", "2021-05-03", 2),
    }


def test_timeline_over_the_mark_limit_draws_counted_bars(monkeypatch):
    monkeypatch.setattr(charts, "MAX_MARKS", 3)
    events = counted_events(
        [("North", "2021-05-03"), ("North", "2021-05-09"), ("South", "2021-05-10"), ("North", "2021-09-01")]
    )
    fig = timeline_figure(events, lanes="actor")
    assert {t.type for t in fig.data} == {"bar"}
    assert [t.name for t in fig.data] == ["North", "South"]
    assert sum(sum(t.y) for t in fig.data) == 4
    assert fig.layout.title.text == "4 events, shown as counts per week"
    assert fig.layout.barmode == "stack"


def test_timeline_at_the_mark_limit_still_draws_each_event(monkeypatch):
    monkeypatch.setattr(charts, "MAX_MARKS", 4)
    events = counted_events(
        [("North", "2021-05-03"), ("North", "2021-05-09"), ("South", "2021-05-10"), ("North", "2021-09-01")]
    )
    assert "bar" not in {t.type for t in timeline_figure(events, lanes="actor").data}
