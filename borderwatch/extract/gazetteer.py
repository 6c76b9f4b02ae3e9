"""The place gazetteer (data/geo/places.csv), read at run time without any GIS library.

``data/geo/places.csv`` is built by ``scripts/build_geo.py`` from GeoNames (CC BY 4.0), Natural Earth
(public domain) and the hand-cited ``places_extra.csv``. Its columns, in order:

``place_id, name, kind, country, admin1, latitude, longitude, aliases, source, population``

- ``kind``: province, town, village, lake, capital, country, border section, mountain or region;
- ``admin1``: the province's name exactly as in ``armenia_provinces.geojson`` or
  ``azerbaijan_districts.geojson`` (a province's admin1 is its own name; a country's is empty);
- ``latitude``/``longitude``: WGS84, empty for a country, a province or a region (a province is drawn as its
  polygon, never as a made-up point) and for a place whose position could not be verified;
- ``aliases``: other spellings, pipe-separated (never the name itself).

The extractor and the command line read it, so it imports nothing of the dashboard.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from borderwatch.paths import GEO_DIR

PLACES_CSV = GEO_DIR / "places.csv"

KINDS = ("province", "town", "village", "lake", "capital", "country", "border section", "mountain", "region")
POINT_KINDS = frozenset({"town", "village", "capital", "lake", "mountain", "border section"})

# 'Gegharkunik Province', 'the Syunik region', 'Tegh village' resolve like the bare name
_SUFFIX = re.compile(r"\s+(?:province|region|marz|district|rayon|village|town|city)$")
_PREFIX = re.compile(r"^the\s+")
_LOOKED_UP_SIZE = 100_000  # texts whose look-up a Gazetteer remembers
_QUOTES = str.maketrans(
    {"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'", "‐": " ", "‑": " ", "–": " ", "-": " "}
)


@dataclass(frozen=True)
class Place:
    place_id: str
    name: str
    kind: str
    country: str
    admin1: str | None
    latitude: float | None
    longitude: float | None
    aliases: tuple[str, ...]
    source: str
    population: int | None = None


def _float(value: str) -> float | None:
    value = (value or "").strip()
    return float(value) if value else None


def _int(value: str) -> int | None:
    value = (value or "").strip()
    return int(float(value)) if value else None


@cache
def _load(path: Path) -> tuple[Place, ...]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return tuple(
        Place(
            place_id=row["place_id"].strip(),
            name=row["name"].strip(),
            kind=row["kind"].strip(),
            country=row["country"].strip(),
            admin1=row["admin1"].strip() or None,
            latitude=_float(row["latitude"]),
            longitude=_float(row["longitude"]),
            aliases=tuple(a.strip() for a in (row["aliases"] or "").split("|") if a.strip()),
            source=row["source"].strip(),
            population=_int(row.get("population", "")),
        )
        for row in rows
    )


def load_places(path: Path | None = None) -> tuple[Place, ...]:
    """Every place of the gazetteer (default data/geo/places.csv), read once per path."""
    return _load(Path(path or PLACES_CSV).resolve())


def normalise(text: str) -> str:
    """The lookup key of a place name: case, curly apostrophes, hyphens and spacing do not matter."""
    text = unicodedata.normalize("NFC", text).translate(_QUOTES)
    text = " ".join(text.split()).casefold().strip(" .,;:")
    return _PREFIX.sub("", text)


def _rank(place: Place, by_name: bool) -> tuple:
    """Which of several places sharing a surface form wins: a province or country, then a capital, then the
    form being the place's own name (not an alias), then the larger population, then Armenia's."""
    kind = 0 if place.kind in ("province", "country") else 1 if place.kind == "capital" else 2
    return (kind, 0 if by_name else 1, -(place.population or 0), place.country != "Armenia", place.place_id)


class Gazetteer:
    """Exact look-up of names and aliases (case-insensitive, tolerant of suffixes such as 'Province')."""

    def __init__(self, places: Iterable[Place]):
        self.places = tuple(places)
        candidates: dict[str, list[tuple[tuple, Place]]] = {}
        self._forms: dict[str, Place] = {}
        for place in self.places:
            for i, form in enumerate((place.name, *place.aliases)):
                candidates.setdefault(normalise(form), []).append((_rank(place, i == 0), place))
        self._index = {key: min(options, key=lambda o: o[0])[1] for key, options in candidates.items() if key}
        for place in self.places:
            for form in (place.name, *place.aliases):
                if self._index.get(normalise(form)) is place:
                    self._forms.setdefault(form, place)
        self.by_id = {p.place_id: p for p in self.places}
        # The first word of every key, loosened as in _loose_first_word: lets find_places skip the look-ups
        # of the (many) capitalised words no place name starts with.
        self._first_words = frozenset(_loose(key.split(" ", 1)[0]) for key in self._index)
        self._looked_up: dict[str, Place | None] = {}

    def lookup(self, text: str) -> Place | None:
        """The place a name or alias stands for, or None. 'the Gegharkunik marz', 'Sisiyan' and 'Lake Sev'
        all resolve; a bare suffix word ('Province') does not."""
        # The same few names come up again and again: each text is normalised and looked up once.
        if text in self._looked_up:
            return self._looked_up[text]
        if len(self._looked_up) >= _LOOKED_UP_SIZE:
            self._looked_up.clear()
        place = self._looked_up[text] = self._lookup(text)
        return place

    def _lookup(self, text: str) -> Place | None:
        if not text or not text.strip():
            return None
        key = normalise(text)
        place = self._index.get(key)
        if place is None:
            stripped = _SUFFIX.sub("", key)
            if stripped != key and stripped:
                place = self._index.get(stripped)
        return place

    def may_start_with(self, word: str) -> bool:
        """False only when no look-up of a text starting with this word (then whitespace, or nothing) can
        succeed, whatever follows it. Exact for ASCII words; any other word, and 'the', answer True."""
        # A plain word, as most are, is its own first word in lower case (see _loose_first_word).
        first = word.lower() if word.isalpha() and word.isascii() else _loose_first_word(word)
        return first is None or first == "the" or first in self._first_words

    def surface_forms(self) -> list[tuple[str, Place]]:
        """Every name and alias with the place it resolves to, longest first (then alphabetically)."""
        return sorted(self._forms.items(), key=lambda item: (-len(item[0]), item[0]))

    def __len__(self) -> int:
        return len(self.places)


def _loose(token: str) -> str:
    return token.strip(".,;:'")


def _loose_first_word(word: str) -> str | None:
    """The first word of normalise(word + anything), up to the punctuation a longer text may strip from it.

    For ASCII, normalise works character by character (the translation, lower case) and then on words (the
    spacing, the stripping at both ends, the leading 'the'), so the key of a text starting with this word
    starts with this first word, give or take the punctuation _loose removes. None: no such guarantee
    (a non-ASCII word, whose normal form may depend on what follows, or no word at all).
    """
    if word.isalpha() and word.isascii():
        return word.lower()  # what the lines below give for a plain word, faster
    text = word.translate(_QUOTES)
    if not text.isascii():
        return None
    words = text.lower().split(None, 1)
    first = _loose(words[0]) if words else ""
    return first or None


def geo_precision(place: Place | None) -> str:
    """exact (a point place with coordinates), admin1 (a province, or a place known only to its province),
    country (a country, or a region spanning several provinces) or unknown (no place)."""
    if place is None:
        return "unknown"
    if place.kind in POINT_KINDS and place.latitude is not None and place.longitude is not None:
        return "exact"
    if place.kind == "province" or place.admin1:
        return "admin1"
    if place.country:
        return "country"
    return "unknown"


__all__ = [
    "KINDS",
    "PLACES_CSV",
    "Gazetteer",
    "Place",
    "geo_precision",
    "load_places",
    "normalise",
]
