"""What the Map page draws, read from the store's tables: values per province, place markers, places off the map.

Plain functions, DataFrames in and DataFrames out (no Streamlit, no Plotly), so every number the map shows
can be checked by hand. The rules, which the page states beside the map:

- an event sits in its ``admin1`` province; it is also a marker when it has coordinates inside the map's
  frame (an event known only to its province is counted in the province, never drawn as a made-up point);
- an event is *outside the map* when its coordinates fall outside the frame or its country is neither
  Armenia nor Azerbaijan; it is listed, not drawn;
- casualties are people killed, wounded or captured (not missing) and troop figures the largest figure
  claimed, by the one rule of borderwatch.view.counting (the Overview's);
- a casualty or troop figure sits in its own ``admin1``, else in its event's.
"""

from __future__ import annotations

import html
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from borderwatch.view.counting import (
    PEOPLE_RULE,
    TROOPS_RULE,
    largest_troops,
    people,
    people_by,
    stated_number,
)
from borderwatch.view.text import plural

MEASURES = ("events", "casualties", "troops")
# What each measure's number counts on the map (legend, colour bar, hover), singular and plural.
MEASURE_NOUNS = {
    "events": ("event", "events"),
    "casualties": ("casualty", "casualties"),
    "troops": ("troop claimed", "troops claimed"),
}
MEASURE_NAMES = {"events": "Events", "casualties": "Casualties", "troops": "Troop figures"}
# What the page says each measure is (the rules of province_summary, in words).
MEASURE_NOTES = {
    "events": "Each province is coloured by the events placed in it (its admin1).",
    "casualties": (
        f"Casualties: people killed, wounded or captured (not missing) per province. {PEOPLE_RULE} "
        "A figure sits in its own province, else in its event's."
    ),
    "troops": (
        f"Troop figures per province. {TROOPS_RULE} A figure sits in its own province, else in its event's."
    ),
}
MAP_COUNTRIES = frozenset({"Armenia", "Azerbaijan"})
HOVER_EVENTS = 5  # events listed in one hover label; the rest are counted
HOVER_SUMMARY_CHARS = 70


@dataclass(frozen=True)
class Frame:
    """The map's frame in degrees (WGS84)."""

    west: float
    east: float
    south: float
    north: float

    def contains(self, latitude: pd.Series, longitude: pd.Series) -> pd.Series:
        """True where the point lies in the frame; False where it does not or has no coordinates."""
        lat, lon = _floats(latitude), _floats(longitude)
        inside = lat.between(self.south, self.north) & lon.between(self.west, self.east)
        return inside.fillna(False).astype(bool)


def geojson_frame(*collections: Mapping) -> Frame:
    """The bounding box of every coordinate of the GeoJSON FeatureCollections given."""
    lons, lats = [], []
    for collection in collections:
        for feature in collection.get("features", []):
            for lon, lat in _positions(feature["geometry"]["coordinates"]):
                lons.append(lon)
                lats.append(lat)
    return Frame(min(lons), max(lons), min(lats), max(lats))


def _positions(coordinates) -> Iterable[tuple[float, float]]:
    if coordinates and isinstance(coordinates[0], int | float):
        yield coordinates[0], coordinates[1]
        return
    for part in coordinates:
        yield from _positions(part)


def _floats(values: pd.Series) -> pd.Series:
    return pd.to_numeric(values, errors="coerce").astype("Float64")


def _texts(values: pd.Series) -> pd.Series:
    """Text cells with blanks as missing."""
    return values.astype("string").str.strip().replace("", pd.NA)


# -- where each event goes -------------------------------------------------------------------------------
def has_coordinates(events: pd.DataFrame) -> pd.Series:
    return (_floats(events["latitude"]).notna() & _floats(events["longitude"]).notna()).astype(bool)


def outside_mask(events: pd.DataFrame, frame: Frame) -> pd.Series:
    """Events placed outside the map: coordinates outside the frame, or a country other than the two."""
    coords = has_coordinates(events)
    off_frame = coords & ~frame.contains(events["latitude"], events["longitude"])
    country = _texts(events["country"])
    foreign = (country.notna() & ~country.isin(MAP_COUNTRIES)).fillna(False).astype(bool)
    return off_frame | foreign


def marker_mask(events: pd.DataFrame, frame: Frame) -> pd.Series:
    """Events drawn as a marker: coordinates inside the frame, and not outside the map."""
    return has_coordinates(events) & ~outside_mask(events, frame)


def _in_areas(province: pd.Series, areas: Collection[str] | None) -> pd.Series:
    known = province.notna() if areas is None else province.isin(list(areas))
    return known.fillna(False).astype(bool)


def placement_counts(
    events: pd.DataFrame, frame: Frame, areas: Collection[str] | None = None
) -> dict[str, int]:
    """How many events are in one of the map's areas, at a marked place, outside the map, or nowhere on it
    (``areas``: the names of the provinces and districts drawn; None takes any admin1)."""
    outside = outside_mask(events, frame)
    in_province = _in_areas(_texts(events["admin1"]), areas) & ~outside
    return {
        "province": int(in_province.sum()),
        "marked": int(marker_mask(events, frame).sum()),
        "outside": int(outside.sum()),
        "unplaced": int((~in_province & ~outside).sum()),
    }


# -- values per province ----------------------------------------------------------------------------------
def row_province(rows: pd.DataFrame, events: pd.DataFrame) -> pd.Series:
    """A casualty's or troop figure's province: its own admin1, else its event's."""
    by_event = _texts(events["admin1"]).set_axis(events["event_id"].astype("string"))
    via_event = rows["event_id"].astype("string").map(by_event)
    return _texts(rows["admin1"]).fillna(via_event).astype("string")


def province_summary(
    events: pd.DataFrame,
    casualties: pd.DataFrame,
    troops: pd.DataFrame,
    areas: Collection[str] | None = None,
) -> pd.DataFrame:
    """One row per province with rows in it: admin1, events, casualties (people), troops (largest claim).

    ``areas`` (the names the map draws) keeps only those provinces; None keeps every admin1. ``troops`` is
    missing where no troop figure names the province; ``hover`` lists the numbers and the events
    (summaries, truncated) for the map's hover label.
    """
    event_province = _texts(events["admin1"])
    n_events = event_province.value_counts()
    n_people = people_by(casualties, row_province(casualties, events))
    largest = stated_number(troops).groupby(row_province(troops, events)).max()
    names = sorted({*n_events.index, *n_people.index, *largest.index})
    names = [p for p in names if areas is None or p in set(areas)]
    summary = pd.DataFrame(
        {
            "admin1": pd.array(names, dtype="string"),
            "events": pd.array([int(n_events.get(p, 0)) for p in names], dtype="Int64"),
            "casualties": pd.array([int(n_people.get(p, 0)) for p in names], dtype="Int64"),
            "troops": pd.array([_maybe_int(largest.get(p)) for p in names], dtype="Int64"),
        }
    )
    summary["hover"] = [
        numbers_line(row.events, row.casualties, row.troops)
        + event_lines(events[(event_province == row.admin1).fillna(False).astype(bool)])
        for row in summary.itertuples(index=False)
    ]
    return summary


def _maybe_int(value) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def province_values(summary: pd.DataFrame, measure: str) -> pd.DataFrame:
    """The choropleth's input (admin1, value) for one measure: provinces with a non-zero value."""
    values = summary[["admin1", measure]].rename(columns={measure: "value"})
    return values[values["value"].fillna(0) > 0].reset_index(drop=True)


def area_details(summary: pd.DataFrame) -> dict[str, str]:
    """Each area's hover lines under its name: its numbers and its events (province_summary's hover)."""
    return dict(zip(summary["admin1"], summary["hover"], strict=True))


# -- markers and the places off the map -------------------------------------------------------------------
def _place_name(events: pd.DataFrame) -> pd.Series:
    return _texts(events["location"]).fillna(_texts(events["location_text"])).fillna("unnamed place")


def place_markers(
    events: pd.DataFrame, casualties: pd.DataFrame, troops: pd.DataFrame, frame: Frame
) -> pd.DataFrame:
    """One marker per place with coordinates inside the frame: name, admin1, latitude, longitude, events,
    casualties, troops (largest claim) and hover. A casualty or troop figure is at a place when its event
    is there, or when it has no event and its own location names the place."""
    columns = ["name", "admin1", "latitude", "longitude", "events", "casualties", "troops", "hover"]
    placed = events[marker_mask(events, frame)].assign(
        name=lambda e: _place_name(e),
        lat=lambda e: _floats(e["latitude"]),
        lon=lambda e: _floats(e["longitude"]),
    )
    rows = []
    for (name, lat, lon), group in placed.groupby(["name", "lat", "lon"], sort=True):
        ids = set(group["event_id"])
        at_casualties = casualties[_at_place(casualties, ids, name)]
        at_troops = troops[_at_place(troops, ids, name)]
        n_people, largest = people(at_casualties), largest_troops(at_troops)
        province = _texts(group["admin1"]).dropna()
        admin1 = province.iloc[0] if len(province) else None
        title = f"<b>{html.escape(name)}</b>" + (f" ({html.escape(admin1)})" if admin1 else "")
        hover = f"{title}<br>{numbers_line(len(group), n_people, largest)}{event_lines(group)}"
        rows.append((name, admin1, float(lat), float(lon), len(group), n_people, largest, hover))
    markers = pd.DataFrame(rows, columns=columns)
    return markers.astype(
        {"name": "string", "admin1": "string", "events": "Int64", "casualties": "Int64", "troops": "Int64"}
    )


def _at_place(rows: pd.DataFrame, event_ids: set[str], name: str) -> pd.Series:
    by_event = rows["event_id"].isin(event_ids).fillna(False).astype(bool)
    by_name = (rows["event_id"].isna() & (_texts(rows["location"]) == name)).fillna(False).astype(bool)
    return by_event | by_name


def outside_places(events: pd.DataFrame, frame: Frame) -> pd.DataFrame:
    """Places outside the map, one row each: place, country, latitude, longitude, events, summaries."""
    outside = events[outside_mask(events, frame)].assign(
        place=lambda e: _texts(e["location"]).fillna(_texts(e["location_text"])).fillna(_texts(e["country"])),
    )
    rows = [
        {
            "place": place,
            "country": _first(group["country"]),
            "latitude": _floats(group["latitude"]).max(),
            "longitude": _floats(group["longitude"]).max(),
            "events": len(group),
            "summaries": "; ".join(_summaries(group)),
        }
        for place, group in outside.groupby("place", sort=True, dropna=False)
    ]
    columns = ["place", "country", "latitude", "longitude", "events", "summaries"]
    return pd.DataFrame(rows, columns=columns).astype(
        {
            "place": "string",
            "country": "string",
            "latitude": "Float64",
            "longitude": "Float64",
            "events": "Int64",
        }
    )


def _first(values: pd.Series) -> str | None:
    present = _texts(values).dropna()
    return present.iloc[0] if len(present) else None


# -- hover text -------------------------------------------------------------------------------------------
def numbers_line(n_events: int, n_people: int, largest_troops: int | None) -> str:
    """'2 events · 7 killed, wounded or captured · largest troop figure 1,000'."""
    troops = "no troop figure" if largest_troops is None or pd.isna(largest_troops) else None
    troops = troops or f"largest troop figure {int(largest_troops):,}"
    return f"{plural(n_events, 'event')} · {int(n_people):,} killed, wounded or captured · {troops}"


def truncate(text: str, limit: int = HOVER_SUMMARY_CHARS) -> str:
    """The text cut at a word boundary to at most `limit` characters, with an ellipsis when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:—–-")
    return f"{cut}…"


def _summaries(events: pd.DataFrame) -> list[str]:
    summary = _texts(events["summary"]).fillna(_texts(events["event_type"])).fillna(events["event_id"])
    return [str(s) for s in summary]


def event_lines(events: pd.DataFrame, limit: int = HOVER_EVENTS) -> str:
    """The events as hover lines ('<br>• summary'), escaped and truncated; past `limit`, how many more."""
    summaries = _summaries(events)
    lines = [f"<br>• {html.escape(truncate(s))}" for s in summaries[:limit]]
    if len(summaries) > limit:
        lines.append(f"<br>… and {len(summaries) - limit} more")
    return "".join(lines)


def clicked_area(points: Iterable[Mapping]) -> str | None:
    """The name of the first area (a province or district, not a marker) a chart click selected."""
    for point in points:
        if "location" not in point:  # a marker: it has a position, not a location
            continue
        name = point.get("customdata")
        name = name[0] if isinstance(name, list | tuple) and name else name
        if isinstance(name, str) and name:
            return name
    return None


def click_filter(points: Iterable[Mapping], provinces: Collection[str]) -> tuple[str | None, str | None]:
    """What a click on the map does: (the province to filter to, or a notice why the filter stays).
    (None, None) for a click on no area (a marker, or nothing)."""
    area = clicked_area(points)
    if area is None:
        return None, None
    if area in provinces:
        return area, None
    return None, f"No row in the store names {area}, so the filter is unchanged."
