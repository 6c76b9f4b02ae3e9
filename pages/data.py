"""Data: every table with typed, described columns; CSV of the filtered rows; one ZIP; the dictionary."""

import pandas as pd
import streamlit as st

from borderwatch import ui
from borderwatch.schema import TABLES, data_dictionary
from borderwatch.store import export, filters
from borderwatch.view.text import TABLE_NOUNS

flt = ui.page_setup()
st.title("Data")
frames = {name: ui.load(name, flt) for name in TABLES}

name = st.selectbox("Table", list(TABLES), key=ui.TABLE_PARAM, bind="query-params")
frame = frames[name]
st.markdown(f"**{name}**: {TABLES[name].description}")
ui.describe(flt, len(frame), *TABLE_NOUNS[name])
if frame.empty:
    ui.empty_state(flt, name.replace("_", " "), f"data_{name}")
else:
    ui.table(frame, name, key=f"data_{name}")

downloads = st.container(horizontal=True, vertical_alignment="center")
ui.csv_download(f"Download {name}.csv", frame, f"{name}.csv", key="data_csv", where=downloads)
downloads.download_button(
    "Download all tables (ZIP)",
    data=export.zip_tables(frames),
    file_name="borderwatch-tables.zip",
    mime="application/zip",
    on_click="ignore",
    key="data_zip",
    help="Every table's filtered rows as CSV, and data_dictionary.csv.",
)
downloads.caption("Downloads hold the rows matching the sidebar filters, as shown here.")

st.subheader("What the filters match")
semantics = (filters.__doc__ or "").split("Semantics, shown on the Data page:", 1)[-1]
st.markdown(semantics.strip())

st.subheader("Data dictionary")
dictionary = pd.DataFrame(data_dictionary())
st.caption(f"Every column of every table ({len(dictionary)} columns); the columns of {name} come first.")
dictionary = pd.concat([dictionary[dictionary["table"] == name], dictionary[dictionary["table"] != name]])
st.dataframe(dictionary, hide_index=True, width="stretch", key="data_dictionary")
