"""Map: events, casualties or troop figures per province; named places as markers; a click filters a province."""

import streamlit as st

from borderwatch import ui
from borderwatch.view import boundaries, mapdata, mapfig
from borderwatch.view.text import TABLE_NOUNS, plural

CHART_KEY = "map_chart"
NOTICE = "map_click_notice"


def filter_on_click() -> None:
    """Chart callback: a clicked province becomes the shared province filter, set before the sidebar
    draws it (as ui.reset_filters sets it), so every page is filtered."""
    points = st.session_state[CHART_KEY].selection.points
    province, notice = mapdata.click_filter(points, ui.filter_options().provinces)
    if province:
        st.session_state[ui.PROVINCES_KEY] = [province]
    if notice:
        st.session_state[NOTICE] = notice


flt = ui.page_setup()
st.title("Map")
if ui.store_is_empty():
    st.stop()
events, casualties, troops = (ui.load(name, flt) for name in ("events", "casualties", "troop_figures"))

measure = ui.one_of("Colour provinces by", mapdata.MEASURE_NAMES, "events", key="map_measure")
online = st.checkbox(
    "OpenStreetMap base map (needs internet)",
    value=False,
    key="map_online_tiles",
    help="Off, the map draws only the boundary files shipped with BorderWatch and asks no other server.",
)
ui.describe(flt, len(events), "event")
if measure != "events":
    rows = casualties if measure == "casualties" else troops
    ui.describe(flt, len(rows), *TABLE_NOUNS["casualties" if measure == "casualties" else "troop_figures"])
if events.empty and casualties.empty and troops.empty:
    if flt.provinces:  # a clicked province (or one picked in the sidebar) with nothing under the filters
        ui.empty_provinces_state(flt, "events, casualty figures or troop figures", "map")
    else:
        ui.empty_state(flt, "events", "map")
    st.stop()

# -- what goes where ----------------------------------------------------------------------------------------
provinces, districts = boundaries.load_provinces(), boundaries.load_districts()
frame = mapdata.geojson_frame(provinces, districts)
areas = {f["properties"]["name"] for f in provinces["features"] + districts["features"]}
summary = mapdata.province_summary(events, casualties, troops, areas)
markers = mapdata.place_markers(events, casualties, troops, frame)
placed = mapdata.placement_counts(events, frame, areas)
label = mapdata.MEASURE_NOUNS[measure][1]
figure = mapfig.province_map_figure(
    mapfig.Layers(provinces, districts, boundaries.load_countries()),
    mapfig.Measure(
        mapfig.area_values(mapdata.province_values(summary, measure)),
        mapdata.area_details(summary),  # an area's hover: all three numbers and its events
        mapdata.MEASURE_NOUNS[measure],
    ),
    markers.assign(value=markers[measure]),
    title=f"{label.capitalize()} by province: Armenia, with Azerbaijan's neighbouring districts",
    online_tiles=online,
)

# -- the map ------------------------------------------------------------------------------------------------
st.caption(
    f"{mapdata.MEASURE_NOTES[measure]} Where these events are: {placed['province']} in a province "
    f"({placed['marked']} of them at a named place, drawn as a marker), {placed['outside']} outside the "
    f"map (listed below), {placed['unplaced']} with no province or place (not drawn)."
)
if notice := st.session_state.pop(NOTICE, None):
    st.info(notice)
st.plotly_chart(
    figure,
    key=CHART_KEY,
    on_select=filter_on_click,
    selection_mode="points",
    alt=f"Map of Armenia's provinces coloured by {label}, with Azerbaijan's neighbouring districts.",
)
st.caption(
    "Click a province to filter every page to it (the Provinces filter in the sidebar; clear it there). "
    "A marker is a named place with coordinates; an event known only to its province colours the "
    "province and has no marker."
)
st.dataframe(
    summary[["admin1", "events", "casualties", "troops"]],
    column_config={
        "admin1": "Province",
        "events": st.column_config.NumberColumn("Events", format="%d"),
        "casualties": st.column_config.NumberColumn("Killed, wounded or captured", format="%d"),
        "troops": st.column_config.NumberColumn("Largest troop figure", format="%d"),
    },
    hide_index=True,
    key="map_provinces",
)

# -- off the map --------------------------------------------------------------------------------------------
st.subheader("Outside the map")
outside = mapdata.outside_places(events, frame)
st.caption(
    f"{plural(len(outside), 'place')} outside the map's frame, or outside "
    "Armenia and Azerbaijan, with their events."
)
if len(outside):
    st.dataframe(ui.capped(outside, "places"), hide_index=True, key="map_outside")
