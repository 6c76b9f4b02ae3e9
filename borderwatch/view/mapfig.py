"""Map figure builders: plain functions from DataFrames and GeoJSON to Plotly figures (no Streamlit).

The map must work offline in a browser, so it uses MapLibre traces (``go.Choroplethmap``,
``go.Scattermap``) on the ``white-bg`` style: no tile layer, no topojson from a CDN (as
``go.Choropleth`` would fetch) and no text drawn on the map (MapLibre would fetch font glyphs for
it). Provinces are named in hover text, the legend and an annotation instead. ``online_tiles=True``
switches to OpenStreetMap raster tiles for a page that has the internet.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from borderwatch.view.text import plural

# Okabe & Ito (2008), as in borderwatch.view.charts
HIGHLIGHT_COLOUR = "#D55E00"  # vermillion
MARKER_COLOUR = "#CC79A7"  # reddish purple: visible on the whole Cividis scale and on grey
DISTRICT_FILL = "#cfcfcf"  # Azerbaijan, for context
NO_EVENTS_FILL = "#ebe5d3"  # an Armenian province with value 0: pale sand, apart from greys and the scale
COUNTRY_FILL = "#f7f7f7"
PROVINCE_LINE = "#505050"
BORDER_LINE = "#ffffff"
COUNTRY_LINE = "#9a9a9a"
TRANSPARENT = "rgba(0,0,0,0)"
COLORSCALE = "Cividis"  # sequential and colour-blind safe
OUTLINE_WIDTH = 3.5
OUTLINED_GROUP = "outlined"
COLOURBAR_STEPS = 5  # at most this many tick steps from 0 to the largest value

CENTER = {"lat": 40.05, "lon": 45.35}  # Armenia with Nakhchivan and the districts east of it
ZOOM = 6.6
# the view never leaves the frame countries.geojson is clipped to (lon 42.5-48.5, lat 37.8-42.0)
BOUNDS = {"west": 42.55, "east": 48.45, "south": 37.85, "north": 41.95}
DEFAULT_TITLE = "Events by province: Armenia, with Azerbaijan's neighbouring districts for context"
BORDER_PROVINCES = ("Gegharkunik", "Syunik")
HEIGHT = 700
DISTRICTS_NAME = "Azerbaijan (districts, for context)"
CONTEXT_NOTE = "Grey: Azerbaijan's districts (Nakhchivan as one unit)."
CREDITS = "Boundaries: Natural Earth (public domain). Places: GeoNames (CC BY 4.0)."
NOTE_BOX = {
    "xref": "paper",
    "yref": "paper",
    "y": 0.01,
    "showarrow": False,
    "bgcolor": "rgba(255,255,255,0.85)",
}

Noun = tuple[str, str]  # what a value counts, singular and plural: ("event", "events")


@dataclass(frozen=True)
class Layers:
    """The boundary files drawn (GeoJSON FeatureCollections, property ``name`` = ``admin1``)."""

    provinces: dict  # Armenia's provinces, coloured by value
    districts: dict | None = None  # Azerbaijan's neighbouring districts, grey, for context
    countries: dict | None = None  # neighbouring countries' outlines


@dataclass(frozen=True)
class Measure:
    """What the colours count: its noun, and the hover text of each area that has rows."""

    values: dict[str, float]  # area → value (summed when an area is given twice)
    details: Mapping[str, str]  # area → hover lines under its name (view.mapdata builds them)
    noun: Noun

    def hover(self, area: str, suffix: str = "") -> str:
        """An area's hover text: its name, then its details, else its value ('no events' for none)."""
        title = f"<b>{html.escape(area)}</b>{suffix}"
        value = self.values.get(area, 0)
        if self.details.get(area):
            return f"{title}<br>{self.details[area]}"
        if value:
            return f"{title}<br>{html.escape(plural(value, *self.noun))}"
        return title if suffix else f"{title}<br>no {html.escape(self.noun[1])}"


def _flat(colour: str) -> list[list]:
    return [[0, colour], [1, colour]]


def _flat_areas(
    name: str, geojson: dict, locations: list[str], fill: str, line: dict, **extra
) -> go.Choroplethmap:
    """Areas all filled with one colour (every z is 0): context, provinces with no value, an outline."""
    return go.Choroplethmap(
        name=name,
        geojson=geojson,
        featureidkey="properties.name",
        locations=locations,
        z=[0] * len(locations),
        colorscale=_flat(fill),
        showscale=False,
        marker={"line": line},
        **extra,
    )


def _names(geojson: dict | None) -> list[str]:
    return [f["properties"]["name"] for f in (geojson or {}).get("features", [])]


def area_values(counts: pd.DataFrame | None) -> dict[str, float]:
    """admin1 → value from a frame of (admin1, value) rows; an area given twice is summed."""
    if counts is None or counts.empty:
        return {}
    frame = counts[["admin1", "value"]].dropna(subset=["admin1"])
    values = pd.to_numeric(frame["value"], errors="coerce").fillna(0)
    return values.groupby(frame["admin1"].astype(str)).sum().to_dict()


def _whole_step(top: float, steps: int = COLOURBAR_STEPS) -> int:
    """The first of 1, 2, 5, 10, 20, 50, … that reaches ``top`` from 0 in at most ``steps`` steps.

    Values are counts, so a tick between two whole numbers (Plotly's own 0.5 for a top of 2) means nothing.
    """
    whole_steps = (m * 10**e for e in itertools.count() for m in (1, 2, 5))
    return next(step for step in whole_steps if step * steps >= top)


# -- the traces, bottom to top ----------------------------------------------------------------------------
def country_traces(countries: dict | None) -> list[go.Choroplethmap]:
    """Neighbouring countries' outlines, when given."""
    if not countries:
        return []
    line = {"color": COUNTRY_LINE, "width": 0.8}
    names = _names(countries)
    return [
        _flat_areas(
            "Countries",
            countries,
            names,
            COUNTRY_FILL,
            line,
            hovertemplate="%{location}<extra></extra>",
            showlegend=False,
        )
    ]


def district_traces(districts: dict | None, measure: Measure) -> list[go.Choroplethmap]:
    """Azerbaijan's districts in grey, their numbers in hover text."""
    names = _names(districts)
    if not names:
        return []
    hover = [measure.hover(d, " (Azerbaijan)") for d in names]
    line = {"color": BORDER_LINE, "width": 0.8}
    return [
        _flat_areas(
            DISTRICTS_NAME, districts, names, DISTRICT_FILL, line,
            text=hover, hovertemplate="%{text}<extra></extra>", customdata=names, showlegend=True,
        )
    ]  # fmt: skip


def empty_province_trace(provinces: dict, measure: Measure) -> go.Choroplethmap:
    """Armenian provinces with no value, in a neutral colour."""
    empty = [p for p in _names(provinces) if not measure.values.get(p)]
    line = {"color": PROVINCE_LINE, "width": 1.2}
    return _flat_areas(
        f"No {measure.noun[1]}", provinces, empty, NO_EVENTS_FILL, line,
        customdata=empty, text=[measure.hover(p) for p in empty], hovertemplate="%{text}<extra></extra>",
        showlegend=True,
    )  # fmt: skip


def valued_province_trace(provinces: dict, measure: Measure) -> go.Choroplethmap:
    """Armenian provinces with a value, on a sequential colour-blind-safe scale."""
    filled = [p for p in _names(provinces) if measure.values.get(p)]
    zmax = max([measure.values[p] for p in filled], default=1)
    colorbar = {"title": {"text": measure.noun[1].capitalize()}, "thickness": 14, "len": 0.6}
    colorbar |= {"tick0": 0, "dtick": _whole_step(zmax), "tickformat": ",d"}
    return go.Choroplethmap(
        name="Armenia",
        geojson=provinces,
        featureidkey="properties.name",
        locations=filled,
        z=[measure.values[p] for p in filled],
        zmin=0,
        zmax=zmax,
        colorscale=COLORSCALE,
        marker={"line": {"color": PROVINCE_LINE, "width": 1.2}},
        colorbar=colorbar,
        customdata=filled,
        text=[measure.hover(p) for p in filled],
        hovertemplate="%{text}<extra></extra>",
        showlegend=False,
    )


def outline_traces(provinces: dict, outlined: list[str]) -> list[go.BaseTraceType]:
    """A transparent trace outlining some provinces, and its legend key (a line with no points).

    A Choroplethmap's legend swatch is a square filled from its colour scale, with no stroke, so the
    outline trace would show an empty swatch; a line swatch shows what is drawn, and clicking it still
    hides and shows the outline.
    """
    if not outlined:
        return []
    name = f"Outlined: {' and '.join(outlined)}"
    line = {"color": HIGHLIGHT_COLOUR, "width": OUTLINE_WIDTH}
    outline = _flat_areas(
        name, provinces, outlined, TRANSPARENT, line,
        customdata=outlined, hoverinfo="skip", legendgroup=OUTLINED_GROUP, showlegend=False,
    )  # fmt: skip
    key = go.Scattermap(
        name=name, lat=[None], lon=[None], mode="lines", line=line,
        hoverinfo="skip", legendgroup=OUTLINED_GROUP, showlegend=True,
    )  # fmt: skip
    return [outline, key]


def marker_traces(markers: pd.DataFrame | None, noun: Noun) -> list[go.Scattermap]:
    """A marker per place (columns name, latitude, longitude, value, hover), sized by its value."""
    if markers is None or markers.empty:
        return []
    points = markers.dropna(subset=["latitude", "longitude"])
    raw = points["value"] if "value" in points.columns else pd.Series(1, index=points.index)
    values = pd.to_numeric(raw, errors="coerce").fillna(1)
    hover = points["hover"] if "hover" in points.columns else points["name"]
    return [
        go.Scattermap(
            name=f"Places named ({noun[1]})",
            lat=points["latitude"],
            lon=points["longitude"],
            mode="markers",  # markers only: text on the map would fetch font glyphs
            marker={
                "size": 8 + 14 * np.sqrt(values / max(values.max(), 1)),
                "color": MARKER_COLOUR,
                "opacity": 0.9,
            },
            customdata=points["name"],
            hovertext=hover,
            hovertemplate="%{hovertext}<extra></extra>",
            showlegend=True,
        )
    ]


def _layout(figure: go.Figure, title: str, outlined: list[str], online_tiles: bool) -> None:
    """Title, the offline or online base map, the legend, and the notes where map text would be."""
    note = f"Outlined in vermillion: {' and '.join(outlined)}. {CONTEXT_NOTE}" if outlined else CONTEXT_NOTE
    figure.update_layout(
        title={"text": title},
        height=HEIGHT,
        margin={"l": 0, "r": 0, "t": 56, "b": 0},
        map={
            "style": "open-street-map" if online_tiles else "white-bg",
            "center": CENTER,
            "zoom": ZOOM,
            "bounds": BOUNDS,
        },
        legend={"x": 0.01, "y": 0.99, "bgcolor": "rgba(255,255,255,0.85)", "borderwidth": 0},
        annotations=[
            NOTE_BOX | {"text": note, "x": 0.01, "align": "left", "font": {"size": 12}},
            NOTE_BOX
            | {"text": CREDITS, "x": 0.99, "xanchor": "right", "font": {"size": 10, "color": "#555555"}},
        ],
    )


def province_map_figure(
    layers: Layers,
    measure: Measure,
    markers: pd.DataFrame | None = None,
    *,
    title: str = DEFAULT_TITLE,
    highlight: Sequence[str] = BORDER_PROVINCES,
    online_tiles: bool = False,
) -> go.Figure:
    """Armenia's provinces coloured by the measure, with context, outlined border provinces and markers.

    Traces, bottom to top: neighbouring countries; Azerbaijan's districts in grey; Armenian provinces
    with no value (``No {plural}``); provinces with a value (``Armenia``); the outline of the
    ``highlight`` provinces and its legend key; the place markers. Every area carries its name as
    ``customdata``, for a page that reads clicks.
    """
    outlined = [p for p in highlight if p in _names(layers.provinces)]
    traces = [
        *country_traces(layers.countries),
        *district_traces(layers.districts, measure),
        empty_province_trace(layers.provinces, measure),
        valued_province_trace(layers.provinces, measure),
        *outline_traces(layers.provinces, outlined),
        *marker_traces(markers, measure.noun),
    ]
    figure = go.Figure(traces)
    _layout(figure, title, outlined, online_tiles)
    return figure


__all__ = ["COLORSCALE", "HIGHLIGHT_COLOUR", "Layers", "Measure", "area_values", "province_map_figure"]
