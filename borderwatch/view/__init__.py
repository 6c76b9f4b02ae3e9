"""Presentation without Streamlit: Plotly figure builders, map data, highlighting, the Add page's model."""
