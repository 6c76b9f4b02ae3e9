"""The boundary files the map draws (data/geo/*.geojson), read once each, without any GIS library."""

from __future__ import annotations

import json
from functools import cache

from borderwatch.paths import GEO_DIR


@cache
def _geojson(name: str) -> dict:
    return json.loads((GEO_DIR / name).read_text(encoding="utf-8"))


def load_provinces() -> dict:
    """Armenia's 11 provinces as a GeoJSON FeatureCollection (property ``name`` matches ``admin1``)."""
    return _geojson("armenia_provinces.geojson")


def load_districts() -> dict:
    """Azerbaijan's first-level units around Armenia (Nakhchivan as one unit), GeoJSON FeatureCollection."""
    return _geojson("azerbaijan_districts.geojson")


def load_countries() -> dict:
    """Outlines of Armenia and its neighbours, clipped to the region, GeoJSON FeatureCollection."""
    return _geojson("countries.geojson")
