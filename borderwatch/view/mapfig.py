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
from collections.abc import Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

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


def _outline_key(name: str) -> go.Scattermap:
    """The outline's legend entry: a vermillion line with no points, grouped with the outline trace.

    A Choroplethmap's legend swatch is a square filled from its colour scale, with no stroke, so the
    outline trace (transparent fill) would show an empty swatch; a line swatch shows what is drawn, and
    clicking it still hides and shows the outline.
    """
    return go.Scattermap(
        name=name,
        lat=[None],
        lon=[None],
        mode="lines",
        line={"color": HIGHLIGHT_COLOUR, "width": OUTLINE_WIDTH},
        hoverinfo="skip",
        legendgroup=OUTLINED_GROUP,
        showlegend=True,
    )


def _names(geojson: dict | None) -> list[str]:
    return [f["properties"]["name"] for f in (geojson or {}).get("features", [])]


def _counts(counts: pd.DataFrame | None) -> dict[str, float]:
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


def _number(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.1f}"


def _singular(label: str) -> str:
    """A plural label's first word made singular: 'casualties' → 'casualty', 'troops claimed' → 'troop claimed'."""
    noun, space, rest = label.partition(" ")
    if noun.endswith("ies"):
        noun = noun[:-3] + "y"
    elif noun.endswith("s"):
        noun = noun[:-1]
    return noun + space + rest


def _amount(value: float, label: str) -> str:
    """'1 event', '2 events', '1.5 events': the value and the label (a plural), escaped for hover text."""
    return html.escape(f"{_number(value)} {_singular(label) if value == 1 else label}")


def province_map_figure(
    provinces_geojson: dict,
    districts_geojson: dict | None,
    counts: pd.DataFrame | None,
    highlight: Sequence[str] = ("Gegharkunik", "Syunik"),
    markers: pd.DataFrame | None = None,
    value_label: str = "events",
    title: str = DEFAULT_TITLE,
    *,
    countries_geojson: dict | None = None,
    online_tiles: bool = False,
    height: int = 700,
) -> go.Figure:
    """A choropleth of Armenia's provinces coloured by ``counts`` (columns ``admin1``, ``value``).

    Traces, bottom to top: neighbouring countries (only with ``countries_geojson``); Azerbaijan's
    districts in grey (trace name ``Azerbaijan (districts, for context)``); Armenian provinces with no
    value in a neutral colour (``No {value_label}``); provinces with a value on a sequential
    colour-blind-safe scale (``Armenia``); a transparent trace outlining the ``highlight`` provinces;
    and, with ``markers`` (columns ``name``, ``latitude``, ``longitude``, ``value`` and optionally
    ``hover``), a marker per place.
    Every Armenian province's point carries its name as ``customdata``, for a page that reads clicks.
    ``value_label`` is a plural ("events", "troops claimed"); hover text makes its first word singular
    for a value of exactly 1.
    """
    by_province = _counts(counts)
    provinces = _names(provinces_geojson)
    label = html.escape(value_label)
    traces: list[go.BaseTraceType] = []

    if countries_geojson:
        countries = _names(countries_geojson)
        traces.append(
            _flat_areas(
                "Countries",
                countries_geojson,
                countries,
                COUNTRY_FILL,
                {"color": COUNTRY_LINE, "width": 0.8},
                hovertemplate="%{location}<extra></extra>",
                showlegend=False,
            )
        )

    districts = _names(districts_geojson)
    if districts:
        hover = [
            f"<b>{html.escape(d)}</b> (Azerbaijan)"
            + (f"<br>{_amount(by_province[d], value_label)}" if by_province.get(d) else "")
            for d in districts
        ]
        traces.append(
            _flat_areas(
                "Azerbaijan (districts, for context)",
                districts_geojson,
                districts,
                DISTRICT_FILL,
                {"color": BORDER_LINE, "width": 0.8},
                text=hover,
                hovertemplate="%{text}<extra></extra>",
                customdata=districts,
                showlegend=True,
            )
        )

    empty = [p for p in provinces if not by_province.get(p)]
    filled = [p for p in provinces if by_province.get(p)]
    traces.append(
        _flat_areas(
            f"No {value_label}",
            provinces_geojson,
            empty,
            NO_EVENTS_FILL,
            {"color": PROVINCE_LINE, "width": 1.2},
            customdata=empty,
            text=[f"<b>{html.escape(p)}</b><br>no {label}" for p in empty],
            hovertemplate="%{text}<extra></extra>",
            showlegend=True,
        )
    )
    zmax = max([by_province[p] for p in filled], default=1)
    traces.append(
        go.Choroplethmap(
            name="Armenia",
            geojson=provinces_geojson,
            featureidkey="properties.name",
            locations=filled,
            z=[by_province[p] for p in filled],
            zmin=0,
            zmax=zmax,
            colorscale=COLORSCALE,
            marker={"line": {"color": PROVINCE_LINE, "width": 1.2}},
            colorbar={
                "title": {"text": value_label.capitalize()},
                "thickness": 14,
                "len": 0.6,
                "tick0": 0,
                "dtick": _whole_step(zmax),
                "tickformat": ",d",
            },
            customdata=filled,
            text=[f"<b>{html.escape(p)}</b><br>{_amount(by_province[p], value_label)}" for p in filled],
            hovertemplate="%{text}<extra></extra>",
            showlegend=False,
        )
    )

    outlined = [p for p in highlight if p in provinces]
    if outlined:
        traces.append(
            _flat_areas(
                f"Outlined: {' and '.join(outlined)}",
                provinces_geojson,
                outlined,
                TRANSPARENT,
                {"color": HIGHLIGHT_COLOUR, "width": OUTLINE_WIDTH},
                customdata=outlined,
                hoverinfo="skip",
                legendgroup=OUTLINED_GROUP,
                showlegend=False,
            )
        )
        traces.append(_outline_key(f"Outlined: {' and '.join(outlined)}"))

    if markers is not None and not markers.empty:
        points = markers.dropna(subset=["latitude", "longitude"])
        raw = points["value"] if "value" in points.columns else pd.Series(1, index=points.index)
        values = pd.to_numeric(raw, errors="coerce").fillna(1)
        hover_column = next((c for c in ("hover", "hover_text", "text") if c in points.columns), None)
        hover = points[hover_column] if hover_column else points["name"]
        sizes = 8 + 14 * np.sqrt(values / max(values.max(), 1))
        traces.append(
            go.Scattermap(
                name=f"Places named ({value_label})",
                lat=points["latitude"],
                lon=points["longitude"],
                mode="markers",  # markers only: text on the map would fetch font glyphs
                marker={"size": sizes, "color": MARKER_COLOUR, "opacity": 0.9},
                customdata=points["name"],
                hovertext=hover,
                hovertemplate="%{hovertext}<extra></extra>",
                showlegend=True,
            )
        )

    figure = go.Figure(traces)
    figure.update_layout(
        title={"text": title},
        height=height,
        margin={"l": 0, "r": 0, "t": 56, "b": 0},
        map={
            "style": "open-street-map" if online_tiles else "white-bg",
            "center": CENTER,
            "zoom": ZOOM,
            "bounds": BOUNDS,
        },
        legend={"x": 0.01, "y": 0.99, "bgcolor": "rgba(255,255,255,0.85)", "borderwidth": 0},
        annotations=[
            {
                "text": (
                    f"Outlined in vermillion: {' and '.join(outlined)}. "
                    "Grey: Azerbaijan's districts (Nakhchivan as one unit)."
                    if outlined
                    else "Grey: Azerbaijan's districts (Nakhchivan as one unit)."
                ),
                "xref": "paper",
                "yref": "paper",
                "x": 0.01,
                "y": 0.01,
                "showarrow": False,
                "align": "left",
                "bgcolor": "rgba(255,255,255,0.85)",
                "font": {"size": 12},
            },
            {
                "text": "Boundaries: Natural Earth (public domain). Places: GeoNames (CC BY 4.0).",
                "xref": "paper",
                "yref": "paper",
                "x": 0.99,
                "y": 0.01,
                "xanchor": "right",
                "showarrow": False,
                "font": {"size": 10, "color": "#555555"},
                "bgcolor": "rgba(255,255,255,0.85)",
            },
        ],
    )
    return figure


__all__ = ["COLORSCALE", "HIGHLIGHT_COLOUR", "province_map_figure"]
