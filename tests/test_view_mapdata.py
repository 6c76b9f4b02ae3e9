"""The Map page's numbers, from hand-written rows: per province, per place, and the places off the map."""

from __future__ import annotations

import pandas as pd
import pytest

from borderwatch.schema import CASUALTIES, EVENTS, TROOP_FIGURES
from borderwatch.store.database import typed_frame
from borderwatch.view import counting, mapdata
from borderwatch.view.mapdata import Frame

FRAME = Frame(west=43.4, east=47.8, south=38.8, north=41.9)  # about Armenia and the districts around it
AREAS = {"Gegharkunik", "Syunik", "Kalbajar", "Lori"}
SHORZHA, SOTK = (40.0872, 45.8325), (40.2001, 45.8695)


def event(event_id, summary, admin1=None, location=None, at=(None, None), country=None) -> dict:
    return {"event_id": event_id, "summary": summary, "admin1": admin1, "location": location,
            "latitude": at[0], "longitude": at[1], "country": country}  # fmt: skip


def figure(key, event_id=None, admin1=None, count=None, count_low=None, location=None, **more) -> dict:
    return {key: f"{key}-{event_id}-{admin1}-{count}-{count_low}", "event_id": event_id, "admin1": admin1,
            "count": count, "count_low": count_low, "location": location, **more}  # fmt: skip


EVENT_ROWS = [
    event("E1", "Soldier killed in Syunik", admin1="Syunik", country="Armenia"),  # province only
    event("E2", "Troops cross near Verin Shorzha", "Gegharkunik", "Verin Shorzha", SHORZHA, "Armenia"),
    event("E3", "Shots fired at Verin Shorzha", "Gegharkunik", "Verin Shorzha", SHORZHA, "Armenia"),
    event("E4", "Soldier missing near Sotk", "Gegharkunik", "Sotk", SOTK, "Armenia"),
    event("E5", "Talks in Moscow", "Moscow", "Moscow", (55.7558, 37.6173), "Russia"),  # outside the frame
    event("E6", "CSTO meets in Dushanbe", None, "Dushanbe", (38.5598, 68.7870), "Tajikistan"),
    event(
        "E7", "Envoys meet in Tbilisi", None, "Tbilisi", (41.6941, 44.8337), "Georgia"
    ),  # in frame, foreign
    event("E8", "Armenia appeals to the CSTO", country="Armenia"),  # the country only: not on the map
    event("E9", "Shelling reported in Kalbajar", admin1="Kalbajar", country="Azerbaijan"),
]
CASUALTY_ROWS = [
    figure("casualty_id", "E1", kind="killed", count=1, count_low=1),  # Syunik, by its event
    figure("casualty_id", "E1", kind="captured", count=6, count_low=6),
    figure("casualty_id", admin1="Gegharkunik", kind="wounded", count_low=12),  # 'dozens': the lower bound
    figure("casualty_id", "E4", kind="missing", count=2, count_low=2),  # missing: not counted
    figure("casualty_id", "E2", admin1="Gegharkunik", kind="wounded", count=3, count_low=3),
    figure("casualty_id", kind="killed", count=4, count_low=4),  # no province: not on the map
]
TROOP_ROWS = [
    figure("figure_id", admin1="Gegharkunik", count=300, count_low=300, location="Sotk"),
    figure("figure_id", admin1="Gegharkunik", count=250, count_low=250),  # a second, smaller claim
    figure("figure_id", "E1", count_low=12),  # 'dozens of troops', in Syunik by its event
    figure("figure_id", count=1000, count_low=1000, location="Armenia"),  # no province
]


@pytest.fixture
def events() -> pd.DataFrame:
    return typed_frame(EVENTS, EVENT_ROWS)


@pytest.fixture
def casualties() -> pd.DataFrame:
    return typed_frame(CASUALTIES, CASUALTY_ROWS)


@pytest.fixture
def troops() -> pd.DataFrame:
    return typed_frame(TROOP_FIGURES, TROOP_ROWS)


def records(frame: pd.DataFrame, columns: list[str]) -> list[tuple]:
    return [tuple(None if pd.isna(v) else v for v in row) for row in frame[columns].itertuples(index=False)]


def test_counts_per_province(events, casualties, troops):
    summary = mapdata.province_summary(events, casualties, troops)
    assert records(summary, ["admin1", "events", "casualties", "troops"]) == [
        ("Gegharkunik", 3, 12, 300),  # E2-E4; dozens wounded and 3 wounded: one kind, the larger; 300 > 250
        ("Kalbajar", 1, 0, None),
        ("Moscow", 1, 0, None),
        ("Syunik", 1, 1 + 6, 12),  # E1 and its figures: 1 killed, 6 captured, 'dozens' of troops
    ]


def test_areas_keep_only_what_the_map_draws(events, casualties, troops):
    summary = mapdata.province_summary(events, casualties, troops, areas=AREAS)
    assert list(summary["admin1"]) == ["Gegharkunik", "Kalbajar", "Syunik"]


@pytest.mark.parametrize(
    ("measure", "expected"),
    [
        ("events", [("Gegharkunik", 3), ("Kalbajar", 1), ("Syunik", 1)]),
        ("casualties", [("Gegharkunik", 12), ("Syunik", 7)]),
        ("troops", [("Gegharkunik", 300), ("Syunik", 12)]),
    ],
)
def test_choropleth_values_per_measure(events, casualties, troops, measure, expected):
    summary = mapdata.province_summary(events, casualties, troops, areas=AREAS)
    assert records(mapdata.province_values(summary, measure), ["admin1", "value"]) == expected


def test_a_casualty_figure_takes_its_own_province_before_its_event_s(events):
    rows = typed_frame(
        CASUALTIES, [figure("casualty_id", "E1", admin1="Gegharkunik", kind="killed", count=2)]
    )
    summary = mapdata.province_summary(events, rows, typed_frame(TROOP_FIGURES, []))
    assert dict(zip(summary["admin1"], summary["casualties"], strict=True))["Gegharkunik"] == 2


def test_province_only_event_is_counted_but_not_a_marker(events, casualties, troops):
    markers = mapdata.place_markers(events, casualties, troops, FRAME)
    assert records(
        markers, ["name", "admin1", "latitude", "longitude", "events", "casualties", "troops"]
    ) == [
        ("Sotk", "Gegharkunik", *SOTK, 1, 0, 300),  # its event's casualty is 'missing'; 300 names Sotk
        ("Verin Shorzha", "Gegharkunik", *SHORZHA, 2, 3, None),
    ]
    assert "Syunik" not in set(markers["admin1"])  # E1 is counted in Syunik (above), never a made-up point


def test_places_outside_the_frame_or_the_two_countries_are_listed(events):
    outside = mapdata.outside_places(events, FRAME)
    assert records(outside, ["place", "country", "events", "summaries"]) == [
        ("Dushanbe", "Tajikistan", 1, "CSTO meets in Dushanbe"),
        ("Moscow", "Russia", 1, "Talks in Moscow"),
        ("Tbilisi", "Georgia", 1, "Envoys meet in Tbilisi"),  # inside the frame, but in Georgia
    ]
    assert outside.loc[outside["place"] == "Moscow", ["latitude", "longitude"]].iloc[0].tolist() == [
        55.7558,
        37.6173,
    ]


def test_every_event_is_placed_once(events):
    counts = mapdata.placement_counts(events, FRAME, areas=AREAS)
    assert counts == {"province": 5, "marked": 3, "outside": 3, "unplaced": 1}  # E1-4, E9; E2-4; E5-7; E8
    assert counts["province"] + counts["outside"] + counts["unplaced"] == len(EVENT_ROWS)


def test_frame_of_geojson_spans_polygons_and_multipolygons():
    square = {"type": "Polygon", "coordinates": [[[44, 39], [45, 39], [45, 40], [44, 39]]]}
    islands = {"type": "MultiPolygon", "coordinates": [[[[46, 38.5], [47, 38.5], [47, 41], [46, 38.5]]]]}
    collection = {"features": [{"geometry": square}, {"geometry": islands}]}
    assert mapdata.geojson_frame(collection) == Frame(west=44, east=47, south=38.5, north=41)


def test_frame_contains_points_inside_and_not_missing_ones():
    lat = pd.Series([40.0, 55.7, None], dtype="Float64")
    lon = pd.Series([45.0, 37.6, 45.0], dtype="Float64")
    assert FRAME.contains(lat, lon).tolist() == [True, False, False]


def test_hover_lists_the_numbers_and_the_events_escaped_and_truncated():
    long = "Azerbaijani Armed Forces — occupy territory — Armenia, Gegharkunik, near Verin Shorzha (in May)"
    rows = typed_frame(EVENTS, [event(f"E{i}", s) for i, s in enumerate([long, "<b>", *"abcde"])])
    assert (
        mapdata.event_lines(rows, limit=2)
        == (
            "<br>• Azerbaijani Armed Forces — occupy territory — Armenia, Gegharkunik…"  # cut at a word, its comma dropped
            "<br>• &lt;b&gt;"
            "<br>… and 5 more"
        )
    )
    assert mapdata.numbers_line(1, 7, 1000) == (
        "1 event · 7 killed, wounded or captured · largest troop figure 1,000"
    )
    assert mapdata.numbers_line(2, 0, None) == "2 events · 0 killed, wounded or captured · no troop figure"


@pytest.mark.parametrize(
    ("points", "expected"),
    [
        ([{"curve_number": 3, "location": "Syunik", "customdata": "Syunik", "z": 1}], "Syunik"),
        ([{"curve_number": 6, "lat": 40.2, "lon": 45.9, "customdata": "Sotk"}], None),  # a marker
        ([{"curve_number": 0, "location": "Iran"}], None),  # the countries behind carry no name to filter
        ([], None),
    ],
)
def test_clicked_area_is_a_province_not_a_marker(points, expected):
    assert mapdata.clicked_area(points) == expected


def test_the_map_and_the_overview_read_casualties_by_one_rule(events, casualties):
    # Gegharkunik's two wounded figures (dozens, 3) are one kind: the larger stands, as on the Overview.
    summary = mapdata.province_summary(events, casualties, casualties.iloc[0:0])
    gegharkunik = casualties[mapdata.row_province(casualties, events) == "Gegharkunik"]
    assert dict(zip(summary["admin1"], summary["casualties"], strict=True))["Gegharkunik"] == 12
    assert counting.people(gegharkunik) == 12 == counting.people(gegharkunik, ("wounded",))


def test_a_click_on_a_province_filters_to_it_and_on_any_other_area_says_why_not():
    province = [{"location": "Syunik", "customdata": "Syunik"}]
    assert mapdata.click_filter(province, ["Gegharkunik", "Syunik"]) == ("Syunik", None)
    tavush = [{"location": "Tavush", "customdata": "Tavush"}]
    assert mapdata.click_filter(tavush, ["Syunik"]) == (
        None,
        "No row in the store names Tavush, so the filter is unchanged.",
    )
    assert mapdata.click_filter([{"lat": 40.2, "lon": 45.9, "customdata": "Sotk"}], ["Syunik"]) == (
        None,
        None,
    )
