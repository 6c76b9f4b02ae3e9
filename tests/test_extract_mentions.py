"""Stage 2: actors, persons and places, resolved through the gazetteers (sentences written for these tests)."""

from __future__ import annotations

import pytest

from tests.extract_helpers import document


def _actors(body: str) -> list[tuple[str, str, str]]:
    return [(body[m.start : m.end], m.name, m.kind) for m in document(body).actors]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Azerbaijani forces advanced.",
            [("Azerbaijani forces", "Azerbaijani Armed Forces", "armed forces")],
        ),
        ("Baku denied the report.", [("Baku", "Azerbaijan", "state")]),
        ("The Russian-led CSTO met.", [("Russian-led CSTO", "CSTO", "organisation")]),
        (
            "Yerevan’s defence ministry said so.",
            [("Yerevan’s defence ministry", "Armenian Defense Ministry", "organisation")],
        ),
        ("Armenian troops withdrew.", [("Armenian troops", "Armenian Armed Forces", "armed forces")]),
    ],
)
def test_actor_aliases(body, expected):
    assert _actors(body) == expected


def test_person_named_by_role_then_by_surname_and_role():
    body = (
        "Armenian Foreign Minister Ararat Mirzoyan flew to Brussels. Mirzoyan said little. "
        "Later the foreign minister met the press."
    )
    people = [
        (body[m.start : m.end], m.name, m.role, m.country)
        for m in document(body).actors
        if m.kind == "person"
    ]
    assert people == [
        ("Ararat Mirzoyan", "Ararat Mirzoyan", "Foreign Minister", "Armenia"),
        ("Mirzoyan", "Ararat Mirzoyan", "Foreign Minister", "Armenia"),
        ("the foreign minister", "Ararat Mirzoyan", "Foreign Minister", "Armenia"),
    ]


def test_person_with_organisation_before_the_role():
    body = "The OSCE’s Secretary General Helga Berg visited Goris."
    (person,) = [m for m in document(body).actors if m.kind == "person"]
    assert (person.name, person.role, person.organisation) == ("Helga Berg", "Secretary-General", "OSCE")


def test_person_with_role_after_the_name():
    body = "Toomas Kask, the EU’s special representative, arrived on Monday."
    (person,) = [m for m in document(body).actors if m.kind == "person"]
    assert (person.name, person.role, person.organisation) == (
        "Toomas Kask",
        "Special Representative",
        "European Union",
    )


def test_capitalised_words_that_are_not_names():
    body = "Prime Minister Thank God said nothing."  # 'Thank God' is not a name
    assert [m for m in document(body).actors if m.kind == "person"] == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Shelling hit Jermuk overnight.", [("Jermuk", "Jermuk", "Vayots Dzor")]),
        (
            "Troops entered the Gegharkunik province.",
            [("Gegharkunik province", "Gegharkunik", "Gegharkunik")],
        ),
        ("Villagers fled Sotk and Kut.", [("Sotk", "Sotk", "Gegharkunik"), ("Kut", "Kut", "Gegharkunik")]),
        ("Nothing happened in Nowhereville.", []),
    ],
)
def test_places(body, expected):
    got = [(body[p.start : p.end], p.place.name, p.place.admin1) for p in document(body).places]
    assert got == expected
