"""Loading the lexicons and gazetteers (data files an analyst can extend) into one object.

This is the only place the extractor's knowledge is read from disk; `borderwatch.extract`
receives a `Lexicon` and does no I/O.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from borderwatch.extract.gazetteer import Gazetteer, Place, load_places
from borderwatch.paths import LEXICON_DIR


@dataclass(frozen=True)
class Actor:
    actor_id: str
    name: str
    kind: str  # state, armed forces, organisation, official, person, group
    country: str
    role: str = ""
    organisation: str = ""


@dataclass(frozen=True)
class Trigger:
    words: tuple[str, ...]
    event_type: str
    sub_event_type: str
    cameo_code: str
    cameo_name: str
    requires: tuple[str, ...]


@dataclass(frozen=True, eq=False)  # identity-hashed: stages cache compiled patterns per lexicon
class Lexicon:
    actor_forms: dict[str, Actor]  # surface form -> actor
    countries: dict[str, Actor]  # country name -> its state actor
    forces: dict[str, Actor]  # country name -> its armed forces actor
    demonyms: dict[str, str]  # demonym -> country
    roles: dict[str, str]  # surface form -> normalised role
    triggers: tuple[Trigger, ...]
    topics: dict[str, tuple[str, ...]]
    gazetteer: Gazetteer
    trigger_index: dict[str, Trigger] = field(default_factory=dict)  # lower-case word -> trigger

    def __post_init__(self) -> None:
        for trigger in self.triggers:
            for word in trigger.words:
                self.trigger_index.setdefault(word.lower(), trigger)

    def trigger_for(self, word: str) -> Trigger | None:
        return self.trigger_index.get(word.lower())


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(handle)]


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split("|") if v.strip())


def load_lexicon(directory: Path = LEXICON_DIR, places: tuple[Place, ...] | None = None) -> Lexicon:
    """Read every lexicon file of a directory (and the place gazetteer) into a Lexicon."""
    actor_forms: dict[str, Actor] = {}
    countries: dict[str, Actor] = {}
    forces: dict[str, Actor] = {}
    demonyms: dict[str, str] = {}
    for row in _rows(directory / "actors.csv"):
        actor = Actor(
            row["actor_id"], row["name"], row["kind"], row["country"], row["role"], row["organisation"]
        )
        for form in (row["name"], *_split(row["aliases"])):
            actor_forms.setdefault(form, actor)
        if actor.kind == "state":
            countries[actor.country] = actor
    for row in _rows(directory / "countries.csv"):
        country = row["country"]
        for demonym in _split(row["demonyms"]):
            demonyms[demonym] = country
        countries.setdefault(country, Actor(_slug(country), country, "state", country))
        forces[country] = actor_forms.get(row["forces_name"]) or Actor(
            _slug(row["forces_name"]), row["forces_name"], "armed forces", country
        )
        actor_forms.setdefault(country, countries[country])
        if row["capital"]:
            actor_forms.setdefault(row["capital"], countries[country])
    roles = {form: row["role"] for row in _rows(directory / "roles.csv") for form in _split(row["aliases"])}
    triggers = tuple(
        Trigger(
            _split(row["pattern"]),
            row["event_type"],
            row["sub_event_type"],
            row["cameo_code"],
            row["cameo_name"],
            _split(row["requires"]),
        )
        for row in _rows(directory / "triggers.csv")
    )
    topics = {row["topic"]: _split(row["keywords"]) for row in _rows(directory / "topics.csv")}
    return Lexicon(
        actor_forms=actor_forms,
        countries=countries,
        forces=forces,
        demonyms=demonyms,
        roles=roles,
        triggers=triggers,
        topics=topics,
        gazetteer=Gazetteer(places if places is not None else load_places()),
    )


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@cache
def default_lexicon() -> Lexicon:
    """The project's own lexicon, read once per process."""
    return load_lexicon()
