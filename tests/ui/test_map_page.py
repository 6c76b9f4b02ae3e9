"""The Map page run through dashboard.py (AppTest): the choropleth's values, the filter, the measure toggle.

The chart is read from the figure JSON Streamlit sends the browser (the element's ``proto.spec``).
"""

from __future__ import annotations

import json
from datetime import date

import pandas as pd
import pytest

from tests.ui.fixtures import DATE_BOUNDS
from tests.ui.map_fixtures import (
    EXPECTED_MAP_CASUALTIES,
    EXPECTED_MAP_EVENTS,
    EXPECTED_MAP_MARKERS,
    EXPECTED_MAP_OUTSIDE,
    EXPECTED_MAP_TROOPS,
    build_map_store,
)

MAP = "pages/map.py"
PROVINCES = {
    "Aragatsotn", "Ararat", "Armavir", "Gegharkunik", "Kotayk", "Lori", "Shirak", "Syunik", "Tavush",
    "Vayots Dzor", "Yerevan",
}  # fmt: skip
# fixtures.py's store, by hand: Gegharkunik has A-E2 and B-E1 and 2 wounded (B-C1); Syunik has A-E3 with
# 1 killed and 6 captured; no troop figure names a province (A-T1 says only 'Armenian territory').
EVENTS_ALL = {"Gegharkunik": 2, "Syunik": 1}
CASUALTIES_ALL = {"Gegharkunik": 2, "Syunik": 1 + 6}
SUMMARY_SYUNIK = [("Syunik", 1, 7, None)]
# Syunik's rows (A-E3, A-C1, A-C2) are all in June; Gegharkunik has A-E2 and B-E1 in May.
MAY = (date(2021, 5, 1), date(2021, 5, 31))


@pytest.fixture(scope="module")
def map_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("map-store") / "map.duckdb"
    build_map_store(path)
    return path


def figure(at) -> dict:
    (chart,) = at.get("plotly_chart")
    return json.loads(chart.proto.spec)


def trace(at, name_start: str) -> dict:
    return next(t for t in figure(at)["data"] if t.get("name", "").startswith(name_start))


def shaded(at) -> dict[str, float]:
    """The coloured provinces and their values: the choropleth's own trace."""
    armenia = trace(at, "Armenia")
    return dict(zip(armenia["locations"], armenia["z"], strict=True))


def summary(at) -> list[tuple]:
    frame = next(d.value for d in at.dataframe if "admin1" in d.value.columns)
    return [tuple(None if pd.isna(v) else v for v in row) for row in frame.itertuples(index=False)]


def captions(at) -> list[str]:
    return [c.value for c in at.caption]


def test_map_page_runs_through_the_entrypoint_with_the_sidebar(navigation_app):
    at = navigation_app(MAP)
    assert not at.exception
    assert at.title[0].value == "Map"
    assert [m.label for m in at.sidebar.multiselect] == ["Actors", "Event types", "Provinces"]
    assert at.sidebar.date_input(key="dates").value == DATE_BOUNDS


def test_an_empty_store_says_how_to_fill_it(navigation_app, tmp_path):
    at = navigation_app(MAP, db=tmp_path / "empty.duckdb")
    assert not at.exception
    assert any("make store" in i.value for i in at.info)


def test_every_province_is_drawn_and_the_two_border_provinces_outlined(navigation_app):
    at = navigation_app(MAP)
    drawn = set(trace(at, "Armenia")["locations"]) | set(trace(at, "No events")["locations"])
    assert drawn == PROVINCES
    assert trace(at, "Outlined")["locations"] == ["Gegharkunik", "Syunik"]
    assert "Nakhchivan" in trace(at, "Azerbaijan")["locations"]


def test_events_per_province_without_a_filter(navigation_app):
    at = navigation_app(MAP)
    assert shaded(at) == EVENTS_ALL
    assert summary(at) == [("Gegharkunik", 2, 2, None), ("Syunik", 1, 7, None)]
    assert "5 events (no filter)" in captions(at)
    assert any(
        "Where these events are: 3 in a province (2 of them at a named place" in c for c in captions(at)
    )


def test_the_province_filter_changes_the_numbers(navigation_app):
    at = navigation_app(MAP)
    at.multiselect(key="province").set_value(["Syunik"]).run()
    assert shaded(at) == {"Syunik": 1}
    assert summary(at) == SUMMARY_SYUNIK
    assert "1 event where province is Syunik" in captions(at)
    assert set(trace(at, "No events")["locations"]) == PROVINCES - {"Syunik"}


def test_the_province_filter_from_the_url(navigation_app):
    at = navigation_app(MAP, query={"province": "Syunik"})
    assert at.multiselect(key="province").value == ["Syunik"]
    assert shaded(at) == {"Syunik": 1}


def test_casualties_toggle_changes_the_choropleth_values(navigation_app):
    at = navigation_app(MAP)
    at.segmented_control(key="map_measure").set_value("casualties").run()
    assert not at.exception
    assert shaded(at) == CASUALTIES_ALL
    assert trace(at, "Armenia")["colorbar"]["title"]["text"] == "Casualties"
    assert any("people killed, wounded or captured (not missing)" in c for c in captions(at))
    assert "3 casualty figures (no filter)" in captions(at)


def test_hover_names_the_province_its_numbers_and_its_events(navigation_app):
    at = navigation_app(MAP)
    armenia = trace(at, "Armenia")
    hover = dict(zip(armenia["locations"], armenia["text"], strict=True))
    assert hover["Syunik"] == (
        "<b>Syunik</b><br>1 event · 7 killed, wounded or captured · no troop figure"
        "<br>• Soldier killed, six captured in Syunik"
    )


def test_offline_by_default(navigation_app):
    at = navigation_app(MAP)
    assert at.checkbox(key="map_online_tiles").value is False  # never ticked in the tests
    layout = figure(at)["layout"]
    assert layout["map"]["style"] == "white-bg"
    assert "layers" not in layout["map"]


@pytest.mark.parametrize(
    ("measure", "expected"),
    [
        ("events", EXPECTED_MAP_EVENTS),
        ("casualties", EXPECTED_MAP_CASUALTIES),
        ("troops", EXPECTED_MAP_TROOPS),
    ],
)
def test_each_measure_on_the_map_store(navigation_app, map_db, measure, expected):
    at = navigation_app(MAP, db=map_db)
    at.segmented_control(key="map_measure").set_value(measure).run()
    assert not at.exception
    assert shaded(at) == expected


def test_markers_are_the_geocoded_places_only(navigation_app, map_db):
    at = navigation_app(MAP, db=map_db)
    markers = trace(at, "Places named")
    assert markers["customdata"] == EXPECTED_MAP_MARKERS  # Syunik's events have no place: no marker there


def test_places_outside_the_map_are_listed_with_their_events(navigation_app, map_db):
    at = navigation_app(MAP, db=map_db)
    outside = next(d.value for d in at.dataframe if "place" in d.value.columns)
    assert list(outside["place"]) == EXPECTED_MAP_OUTSIDE
    assert list(outside["summaries"]) == [
        "CSTO defence ministers meet in Dushanbe",
        "Armenian and Azerbaijani officials meet in Moscow",
    ]
    assert (
        "2 places outside the map's frame, or outside Armenia and Azerbaijan, with their events."
        in captions(at)
    )
    assert any("Where these events are: 5 in a province (3 of them" in c for c in captions(at))


# A click on a province (view.mapdata.click_filter, and a real click in tests/browser/test_map.py) sets
# the province filter, which the URL keeps; these open the page as the click leaves it.
def test_the_province_filter_a_click_sets_shades_only_that_province(navigation_app):
    at = navigation_app(MAP, query={"province": "Syunik"})
    assert at.multiselect(key="province").value == ["Syunik"]
    assert shaded(at) == {"Syunik": 1}


def test_a_province_with_no_rows_under_the_filters_says_so_and_how_to_clear_it(navigation_app):
    at = navigation_app(MAP, query={"province": "Syunik", "dates": [d.isoformat() for d in MAY]})
    assert not at.exception
    assert at.multiselect(key="province").value == ["Syunik"]
    assert not at.get("plotly_chart")  # nothing to draw
    (info,) = at.info
    assert info.value == (
        "No events, casualty figures or troop figures in Syunik under the current filters: "
        "Rows where province is Syunik between 2021-05-01 and 2021-05-31. Clear the province filter to see "
        "every province again: the button below, or Provinces in the sidebar."
    )
    at.button(key="clear_provinces_map").click().run()
    assert at.multiselect(key="province").value == []
    assert at.date_input(key="dates").value == MAY  # only the province is cleared
    assert shaded(at) == {"Gegharkunik": 2}


def test_one_place_outside_the_map_is_counted_in_the_singular(navigation_app, map_db):
    at = navigation_app(MAP, db=map_db)
    at.date_input(key="dates").set_value((date(2021, 6, 10), date(2021, 6, 10))).run()  # Moscow's day only
    outside = next(d.value for d in at.dataframe if "place" in d.value.columns)
    assert list(outside["place"]) == ["Moscow"]
    assert (
        "1 place outside the map's frame, or outside Armenia and Azerbaijan, with their events."
        in captions(at)
    )
