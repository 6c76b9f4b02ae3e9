"""BorderWatch dashboard: the frame. Page config, the sidebar filters every page shares, the navigation.

Run with `make run` (or `streamlit run dashboard.py`); BORDERWATCH_DB picks the store to read.
"""

import streamlit as st

from borderwatch import ui

st.set_page_config(layout="wide", page_title="BorderWatch")

PAGES = [
    st.Page("pages/overview.py", title="Overview", default=True),
    st.Page("pages/timeline.py", title="Timeline"),
    st.Page("pages/map.py", title="Map"),
    st.Page("pages/quotes.py", title="Quotes"),
    st.Page("pages/article.py", title="Article"),
    st.Page("pages/data.py", title="Data"),
    st.Page("pages/add.py", title="Add articles"),
]

navigation = st.navigation(PAGES)
ui.sidebar_filters()
navigation.run()
