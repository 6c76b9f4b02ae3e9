"""Stage 2: actors, persons and places named in the text, resolved through the gazetteers.

Persons are found by their role ('Secretary-General Stanislav Zas', 'Toivo Klaar, the EU's
special representative'); a person named once in full is then recognised by surname ('Zas')
or by role ('the Secretary General').
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from borderwatch.extract.document import Document, Mention, PlaceMention
from borderwatch.extract.english import MILITARY_RANKS, MONTHS, WEEKDAYS
from borderwatch.extract.gazetteer import Gazetteer, Place
from borderwatch.extract.lexicon import Actor, Lexicon
from borderwatch.extract.scan import any_of, finditer_at, match_starts, spans_test, words_back

# A name word, with a hyphen or apostrophe inside ('Al-Sayed', 'O’Brien') but not a possessive ('Aliyev’s').
_NAME_WORD = r"[A-Z][a-z]+(?:[-’'](?![s](?![\w]))[A-Z]?[a-z]+)?"
_FULL_NAME = rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,2}}"
# (?<![\w-]){_FULL_NAME}, its capital written before the check that no word precedes it: a pattern opening
# with it opens with a capital, and `re` skips from capital to capital in C.
_FULL_NAME_AT_WORD = rf"[A-Z](?<![\w-].)[a-z]+(?:[-’'](?![s](?![\w]))[A-Z]?[a-z]+)?(?:\s+{_NAME_WORD}){{1,2}}"
_CAP_RUN = re.compile(r"[A-Z][\w’'.-]*(?P<more>(?:\s+(?:of\s+|the\s+)?[A-Z][\w’'.-]*){0,4})")
_WORD = re.compile(r"\S+")
_RANKS = "|".join(MILITARY_RANKS)
_RANK = re.compile(rf"(?:{_RANKS})\.")  # where rank_then_name can start
_POSSESSIVE_GAP = re.compile(r"(?:[’']s)?\s*")
_LAST_WORD = re.compile(r"(\w+)\s*$")
_OF_THE = re.compile(r"\s+of\s+(?:the\s+)?(\S+)")
_PLACE_SUFFIX = re.compile(
    r"\s+(?:province|Province|region|Region|marz|Marz|district|District|village|city)\b"
)
_NOT_NAME_WORDS = frozenset(
    [
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "Of",
        "For",
        "And",
        "But",
        "Or",
        "As",
        "By",
        "To",
        "From",
        "With",
        "After",
        "Before",
        "Since",
        "Thank",
        "God",
        "Here",
        "This",
        "That",
        "These",
        "Those",
        "There",
        "It",
        "He",
        "She",
        "They",
        "We",
        "You",
        "I",
        "Last",
        "Next",
        *(day.capitalize() for day in WEEKDAYS),
        *(month.capitalize() for month in MONTHS),
        "According",
        "Calling",
        "Meanwhile",
        "However",
        "Also",
        "Actually",
        "Such",
        "Minister",
        "Ministry",
        "Council",
        "Security",
    ]
)


@dataclass(frozen=True)
class Person:
    name: str
    role: str
    organisation: str
    country: str


class _Patterns:
    """Regexes built once per lexicon."""

    def __init__(self, lexicon: Lexicon):
        self.actor = re.compile(any_of(lexicon.actor_forms, word_start=True) + r"(?![\w-])")
        role = any_of(lexicon.roles)
        rank = rf"(?:(?:{_RANKS})\.?\s+)*"
        # "Secretary-General Stanislav Zas", "CSTO spokesman Vladimir Zainetdinov", "Col. Gen. Anatoly Sidorov"
        self.role_then_name = re.compile(
            rf"(?<![\w-])(?P<role>{role})(?:\s+of\s+the\s+\S+)?,?\s+{rank}(?P<name>{_FULL_NAME})(?![\w-])"
        )
        self.rank_then_name = re.compile(
            rf"(?<![\w-])(?P<rank>(?:{_RANKS})\.\s+){rank}"
            rf"(?P<name>{_FULL_NAME})(?![\w-])"
        )
        # "Toivo Klaar, the EU’s special representative", "Nikol Pashinyan, Armenia’s prime minister"
        self.name_then_role = re.compile(
            rf"(?P<name>{_FULL_NAME_AT_WORD}),\s+(?:the\s+)?(?P<org>[^,;.]{{0,60}}?)\s*(?P<role>{role})(?![\w-])"
        )
        # "The head of the district clinic, Anna Petrosyan," — the role's long apposition, then the name
        self.role_of_then_name = re.compile(
            rf"(?<![\w-])(?P<role>{role})\s+(?:of|for|in|to)\s+(?P<of>[^,.;“”\"]{{1,70}}),\s+(?P<name>{_FULL_NAME})(?=\s*,)"
        )
        self.role_alone = re.compile(
            rf"(?<![\w-])(?:[Tt]he\s+)?(?:(?P<org>\S+?)\s+)??(?P<role>{role})(?![\w-])"
        )
        self.roles = role
        # Where a role is named: role_then_name, role_of_then_name and role_alone are tried only there.
        self.role = re.compile(rf"(?<![\w-]){role}(?![\w-])")


@cache
def _patterns(lexicon: Lexicon) -> _Patterns:
    return _Patterns(lexicon)


def find_mentions(doc: Document, lexicon: Lexicon) -> None:
    """Fill doc.actors (organisations, states, forces and persons) and doc.places, in text order."""
    pats = _patterns(lexicon)
    actors = [_actor_mention(m, lexicon.actor_forms[m.group()]) for m in pats.actor.finditer(doc.body)]
    persons = _find_persons(doc.body, pats, lexicon, actors)
    taken = spans_test([(m.start, m.end) for m in persons])
    actors = [a for a in actors if not taken(a.start)]
    doc.actors = sorted(actors + persons, key=lambda m: (m.start, -m.end))
    doc.places = find_places(doc.body, lexicon)


def _actor_mention(match: re.Match[str], actor: Actor) -> Mention:
    return Mention(
        match.start(),
        match.end(),
        match.group(),
        actor.name,
        actor.kind,
        actor.country,
        actor.role,
        actor.organisation,
    )


def _organisation_before(
    body: str, start: int, actors: list[Mention], actor_starts: list[int], lexicon: Lexicon
) -> tuple[str, str]:
    """The organisation (and country) written just before a role: 'the CSTO’s', 'Armenian', 'CSTO'."""
    window = body[max(0, start - 40) : start]
    # The actors (in text order, not overlapping) starting in the 40 characters before, last first.
    for actor in reversed(actors[bisect_left(actor_starts, start - 40) : bisect_left(actor_starts, start)]):
        if actor.end <= start:
            gap = body[actor.end : start]
            if _POSSESSIVE_GAP.fullmatch(gap):
                org = actor.name if actor.kind in ("organisation", "group") else ""
                return org, actor.country
    demonym = _LAST_WORD.search(window)
    if demonym and demonym.group(1) in lexicon.demonyms:
        return "", lexicon.demonyms[demonym.group(1)]
    return "", ""


def _find_persons(body: str, pats: _Patterns, lexicon: Lexicon, actors: list[Mention]) -> list[Mention]:
    people: dict[str, Person] = {}
    mentions: list[Mention] = []
    titled: list[tuple[int, int]] = []  # 'Foreign Minister Ararat Mirzoyan': the role belongs to the name

    def add(start: int, end: int, person: Person) -> None:
        known = people.setdefault(person.name, person)
        if not known.role and person.role:
            known = people[person.name] = person
        mentions.append(
            Mention(
                start,
                end,
                body[start:end],
                known.name,
                "person",
                known.country,
                known.role,
                known.organisation,
            )
        )

    def add_titled(m: re.Match[str], org: str, country: str) -> None:
        """A name with its role: the person, and the whole role-and-name span marked as titled."""
        person = Person(m.group("name"), lexicon.roles[m.group("role")], org, country)
        add(m.start("name"), m.end("name"), person)
        titled.append((m.start(), m.end()))

    roles_at = match_starts(pats.role, body)
    actor_starts = [a.start for a in actors]
    for m in finditer_at(pats.role_then_name, body, roles_at):
        if _bad_name(m.group("name"), lexicon):
            continue
        org, country = _organisation_before(body, m.start(), actors, actor_starts, lexicon)
        trailing = _OF_THE.match(body[m.end("role") : m.start("name")])
        if trailing and trailing.group(1) in lexicon.actor_forms:
            org = lexicon.actor_forms[trailing.group(1)].name
        add_titled(m, org, country)
    for m in pats.name_then_role.finditer(body):
        if _bad_name(m.group("name"), lexicon) or m.group("name") in people:
            continue
        org, country = _organisation_in(m.group("org"), lexicon)
        add_titled(m, org, country)
    for m in finditer_at(pats.role_of_then_name, body, roles_at):
        if _bad_name(m.group("name"), lexicon) or any(s <= m.start("name") < e for s, e in titled):
            continue
        org, country = _organisation_in(m.group("of"), lexicon)
        add_titled(m, org, country)
    for m in finditer_at(pats.rank_then_name, body, match_starts(_RANK, body)):
        if not _bad_name(m.group("name"), lexicon) and m.group("name") not in people:
            add(m.start("name"), m.end("name"), Person(m.group("name"), "", "", ""))
    if not people:
        return []
    # Later mentions by surname, and by role ("the Secretary General", "the CSTO Secretary General").
    covered = [(m.start, m.end) for m in mentions]
    in_covered, in_covered_or_titled = spans_test(covered), spans_test(covered + titled)
    surnames = {p.name.split()[-1]: p for p in people.values()}
    surname_re = re.compile(any_of(surnames, word_start=True) + r"(?![\w-])")
    for m in surname_re.finditer(body):
        if not in_covered(m.start()):
            add(m.start(), m.end(), surnames[m.group()])
    exact = {m.start for m in mentions}
    for start, end, person in _misspelt_surnames(body, surnames, lexicon):
        if start not in exact and not in_covered(start):
            add(start, end, person)
    by_role, by_head = {}, {}
    for person in people.values():
        by_role.setdefault(person.role, person)
        if person.role:
            by_head.setdefault(person.role.split()[-1].lower(), person)  # 'Foreign Minister' → 'minister'
    for m in _role_alone_matches(body, pats, roles_at):
        role = lexicon.roles[m.group("role")]
        person = by_role.get(role) or (by_head.get(role.lower()) if " " not in role else None)
        if person is None or in_covered_or_titled(m.start("role")):
            continue
        org_word = m.group("org")
        if org_word in lexicon.demonyms and person.country and lexicon.demonyms[org_word] != person.country:
            continue  # 'the Azerbaijani foreign minister' is not the Armenian one named before
        if org_word and org_word in lexicon.actor_forms:
            org_actor = lexicon.actor_forms[org_word]
            if (
                person.organisation
                and org_actor.name != person.organisation
                and org_actor.kind == "organisation"
            ):
                continue
        elif (
            org_word
            and org_word.lower() not in ("the",)
            and org_word[0].isupper()
            and org_word not in (lexicon.demonyms)
        ):
            continue
        add(m.start(), m.end(), person)
    return sorted(mentions, key=lambda x: x.start)


def _role_alone_matches(body: str, pats: _Patterns, roles_at: list[int]) -> Iterator[re.Match[str]]:
    """pats.role_alone.finditer(body), searched for only just before the roles named.

    A match ends with a role at most two words after its start ('the CSTO Secretary General'), and a role
    standing alone is a match: searching from two words before each role finds the same matches.
    """
    end = 0
    for role_start in roles_at:
        if role_start < end:
            continue
        match = pats.role_alone.search(body, max(end, words_back(body, role_start, 2)))
        if match is None:
            return
        yield match
        end = match.end()


def _organisation_in(text: str, lexicon: Lexicon) -> tuple[str, str]:
    """The organisation and country named in a role's description ('the EU’s', 'Armenia’s', 'the district clinic')."""
    org, country = "", ""
    for form, actor in lexicon.actor_forms.items():
        if re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text):
            org = actor.name if actor.kind in ("organisation", "group") else ""
            country = actor.country
            break
    for demonym, c in lexicon.demonyms.items():
        if re.search(rf"\b{re.escape(demonym)}\b", text):
            country = country or c
    return org, country


_SURNAME_LIKE = re.compile(r"[A-Z](?<![\w-].)[a-z]{4,}(?![\w-])")
_NEAR_SURNAMES = 8  # surnames compared per word: those sharing its first two letters, the first few


def _misspelt_surnames(
    body: str, surnames: dict[str, Person], lexicon: Lexicon
) -> Iterator[tuple[int, int, Person]]:
    """Words spelt within one or two letters of a known surname ('Grigorian' for 'Grigoryan'): that person."""
    buckets: dict[str, list[str]] = {}
    for surname in surnames:
        if len(surname) >= 5:
            buckets.setdefault(surname[:2], []).append(surname)
    if not buckets:
        return
    for m in _SURNAME_LIKE.finditer(body):
        word = m.group()
        near = buckets.get(word[:2])
        if not near or word in surnames:
            continue
        for surname in near[:_NEAR_SURNAMES]:
            allowed = 2 if min(len(word), len(surname)) >= 7 else 1
            if _within_edits(word, surname, allowed) and not _bad_name(word, lexicon):
                yield m.start(), m.end(), surnames[surname]
                break


def _within_edits(a: str, b: str, limit: int) -> bool:
    """Whether a and b are at most limit insertions, deletions or substitutions apart."""
    if abs(len(a) - len(b)) > limit:
        return False
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, 1):
        current = [i]
        for j, other in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other)))
        if min(current) > limit:
            return False
        previous = current
    return previous[-1] <= limit


def _bad_name(name: str, lexicon: Lexicon) -> bool:
    words = name.split()
    return (
        any(w in _NOT_NAME_WORDS for w in words)
        or name in lexicon.actor_forms
        or any(w in lexicon.demonyms or w in lexicon.actor_forms for w in words)
        or lexicon.gazetteer.lookup(name) is not None
    )


def find_places(body: str, lexicon: Lexicon) -> list[PlaceMention]:
    """Places named in the text: runs of capitalised words looked up in the place gazetteer."""
    found: list[PlaceMention] = []
    gazetteer = lexicon.gazetteer
    for run in _CAP_RUN.finditer(body):
        if run.start("more") == run.end():
            words = [run.span()]  # one word, as most runs are
        else:
            words = [(w.start(), w.end()) for w in _WORD.finditer(body, run.start(), run.end())]
        i = 0
        while i < len(words):
            # Most capitalised words start no place name: the gazetteer says so without a look-up.
            first_word = body[words[i][0] : words[i][1]]
            hit = _longest_place(body, gazetteer, words, i) if gazetteer.may_start_with(first_word) else None
            if hit is None:
                i += 1
                continue
            start, end, place, i = hit
            suffix = _PLACE_SUFFIX.match(body, end)
            if suffix and place.kind == "province":
                end = suffix.end()
            found.append(PlaceMention(start, end, body[start:end], place))
    return found


def _longest_place(
    body: str, gazetteer: Gazetteer, words: list[tuple[int, int]], i: int
) -> tuple[int, int, Place, int] | None:
    """The longest run of words from words[i] that names a place: (start, end, place, index after it)."""
    start = words[i][0]
    for j in range(len(words), i, -1):
        text = body[start : words[j - 1][1]].rstrip(".,’'")
        place = gazetteer.lookup(text) if text else None
        if place is not None:
            return start, start + len(text), place, j
    return None
