"""BorderWatch dashboard: the frame. Page config, the sidebar filters every page shares, the navigation.

Run with `make run` (or `streamlit run dashboard.py`); BORDERWATCH_DB picks the store to read.
"""

import streamlit as st

from borderwatch import ui

navigation = st.navigation(ui.pages())
ui.frame()
navigation.run()
