"""The province map: offline MapLibre traces, values as given, the two border provinces outlined."""

from __future__ import annotations

import pandas as pd
import pytest

from borderwatch.view.boundaries import load_countries, load_districts, load_provinces
from borderwatch.view.mapfig import HIGHLIGHT_COLOUR, Layers, Measure, area_values, province_map_figure

PROVINCES = {
    "Aragatsotn", "Ararat", "Armavir", "Gegharkunik", "Kotayk", "Lori", "Shirak", "Syunik", "Tavush",
    "Vayots Dzor", "Yerevan",
}  # fmt: skip
COUNTS = pd.DataFrame(
    {"admin1": ["Syunik", "Gegharkunik", "Vayots Dzor", "Kalbajar"], "value": [12, 7, 3, 2]}
)


def figure(counts, districts=True, noun=("event", "events"), details=None, countries=False, **kwargs):
    """The figure of Armenia's provinces (and Azerbaijan's districts) for (admin1, value) rows."""
    layers = Layers(
        load_provinces(), load_districts() if districts else None, load_countries() if countries else None
    )
    return province_map_figure(layers, Measure(area_values(counts), details or {}, noun), **kwargs)


def _trace(fig, name_start: str):
    return next(t for t in fig.data if (t.name or "").startswith(name_start))


@pytest.fixture(scope="module")
def fig():
    return figure(COUNTS)


def test_offline_by_default(fig):
    assert fig.layout.map.style == "white-bg"
    assert not fig.layout.map.layers  # no tile layer
    assert {t.type for t in fig.data} == {"choroplethmap", "scattermap"}  # the scattermap: a legend key
    assert "choropleth" not in {t.type for t in fig.data}  # go.Choropleth fetches a topojson from a CDN


def test_online_tiles_only_when_asked():
    fig = figure(COUNTS, online_tiles=True)
    assert fig.layout.map.style == "open-street-map"


def test_traces_in_order(fig):
    assert [t.name for t in fig.data] == [
        "Azerbaijan (districts, for context)",
        "No events",
        "Armenia",
        "Outlined: Gegharkunik and Syunik",
        "Outlined: Gegharkunik and Syunik",
    ]


def test_z_values_equal_the_counts_given(fig):
    armenia = _trace(fig, "Armenia")
    assert dict(zip(armenia.locations, armenia.z, strict=True)) == {
        "Syunik": 12,
        "Gegharkunik": 7,
        "Vayots Dzor": 3,
    }
    assert armenia.zmin == 0 and armenia.zmax == 12
    assert armenia.colorbar.title.text == "Events"
    empty = _trace(fig, "No events")
    assert set(empty.locations) == PROVINCES - {"Syunik", "Gegharkunik", "Vayots Dzor"}
    assert set(empty.z) == {0}
    assert set(armenia.locations) | set(empty.locations) == PROVINCES


def test_every_armenian_province_carries_its_name_for_clicks(fig):
    for trace in (_trace(fig, "Armenia"), _trace(fig, "No events")):
        assert list(trace.customdata) == list(trace.locations)
        assert trace.featureidkey == "properties.name"


def test_two_border_provinces_outlined(fig):
    outline = _trace(fig, "Outlined")
    assert list(outline.locations) == ["Gegharkunik", "Syunik"]
    assert outline.marker.line.width >= 3 and outline.marker.line.color == HIGHLIGHT_COLOUR
    assert {c for _, c in outline.colorscale} == {"rgba(0,0,0,0)"}  # transparent fill
    assert "Gegharkunik and Syunik" in fig.layout.annotations[0].text  # named without map text


def test_outline_has_a_visible_legend_key(fig):
    outline, key = (t for t in fig.data if t.name.startswith("Outlined"))
    # a choropleth's legend swatch is its fill (transparent here), so the outline stays out of the
    # legend and a line with no points stands for it, in its colour and width and in its group
    assert outline.showlegend is False and key.showlegend is True
    assert (key.type, key.mode, list(key.lat)) == ("scattermap", "lines", [None])
    assert (key.line.color, key.line.width) == (HIGHLIGHT_COLOUR, outline.marker.line.width)
    assert key.legendgroup == outline.legendgroup is not None


def test_azerbaijan_grey_for_context_with_its_counts_in_hover(fig):
    districts = _trace(fig, "Azerbaijan")
    assert "Kalbajar" in districts.locations and "Nakhchivan" in districts.locations
    assert set(districts.z) == {0} and districts.showscale is False
    kalbajar = districts.text[list(districts.locations).index("Kalbajar")]
    assert "2 events" in kalbajar


def test_duplicate_rows_are_summed_and_no_counts_draws_everything_neutral():
    counts = pd.DataFrame({"admin1": ["Tavush", "Tavush", None], "value": [1, 2, 5]})
    fig = figure(counts, noun=("fatality", "fatalities"))
    armenia = _trace(fig, "Armenia")
    assert (list(armenia.locations), list(armenia.z)) == (["Tavush"], [3])
    assert armenia.colorbar.title.text == "Fatalities"
    empty = figure(pd.DataFrame(columns=["admin1", "value"]))
    assert len(_trace(empty, "Armenia").locations) == 0
    assert set(_trace(empty, "No events").locations) == PROVINCES


def test_markers_are_markers_only_and_countries_optional():
    markers = pd.DataFrame(
        {
            "name": ["Sotk", "Nowhere"],
            "latitude": [40.20007, None],
            "longitude": [45.86951, None],
            "hover": ["Sotk: 3 events", "dropped: no point"],
            "value": [3, 1],
        }
    )
    fig = figure(COUNTS, countries=True, markers=markers)
    assert [t.type for t in fig.data] == ["choroplethmap"] * 5 + ["scattermap"] * 2
    assert fig.data[0].name == "Countries"
    points = fig.data[-1]
    assert points.mode == "markers"  # text on the map would fetch font glyphs from the internet
    assert list(points.customdata) == ["Sotk"] and list(points.hovertext) == ["Sotk: 3 events"]


def test_highlight_can_change_and_unknown_names_are_ignored():
    fig = figure(COUNTS, districts=False, highlight=("Tavush", "Atlantis"))
    assert [t.name for t in fig.data] == ["No events", "Armenia", "Outlined: Tavush", "Outlined: Tavush"]


@pytest.mark.parametrize(
    ("largest", "step"),
    [(1, 1), (2, 1), (5, 1), (6, 2), (12, 5), (40, 10), (1000, 200)],
)
def test_colour_bar_ticks_are_whole_numbers(largest, step):
    counts = pd.DataFrame({"admin1": ["Tavush", "Lori"], "value": [largest, 1]})
    colorbar = _trace(figure(counts, districts=False), "Armenia").colorbar
    # ticks at 0, step, 2 * step, …: whole numbers, at most five steps up to the largest count
    assert (colorbar.tick0, colorbar.dtick, colorbar.tickformat) == (0, step, ",d")


@pytest.mark.parametrize(
    ("noun", "one", "two"),
    [
        (("event", "events"), "1 event", "2 events"),
        (("casualty", "casualties"), "1 casualty", "2 casualties"),
        (("troop claimed", "troops claimed"), "1 troop claimed", "2 troops claimed"),
    ],
)
def test_hover_says_one_in_the_singular(noun, one, two):
    counts = pd.DataFrame({"admin1": ["Lori", "Shirak", "Kalbajar"], "value": [1, 2, 1]})
    fig = figure(counts, noun=noun)
    armenia = _trace(fig, "Armenia")
    hover = dict(zip(armenia.locations, armenia.text, strict=True))
    assert hover == {"Lori": f"<b>Lori</b><br>{one}", "Shirak": f"<b>Shirak</b><br>{two}"}
    districts = _trace(fig, "Azerbaijan")
    assert (
        districts.text[list(districts.locations).index("Kalbajar")]
        == f"<b>Kalbajar</b> (Azerbaijan)<br>{one}"
    )


def test_an_area_s_details_are_its_hover_under_its_name():
    details = {"Lori": "2 events · <br>• Shelling near a village", "Kalbajar": "1 event"}
    fig = figure(COUNTS, details=details)
    assert _trace(fig, "No events").text[list(_trace(fig, "No events").locations).index("Lori")] == (
        "<b>Lori</b><br>2 events · <br>• Shelling near a village"
    )
    armenia = _trace(fig, "Armenia")
    assert armenia.text[list(armenia.locations).index("Syunik")] == "<b>Syunik</b><br>12 events"
    districts = _trace(fig, "Azerbaijan")
    assert (
        districts.text[list(districts.locations).index("Kalbajar")]
        == "<b>Kalbajar</b> (Azerbaijan)<br>1 event"
    )


def test_area_names_are_escaped_in_hover():
    fig = figure(pd.DataFrame({"admin1": ["Lori"], "value": [1]}), noun=("<b>x</b>", "<b>xs</b>"))
    assert _trace(fig, "Armenia").text[0] == "<b>Lori</b><br>1 &lt;b&gt;x&lt;/b&gt;"
