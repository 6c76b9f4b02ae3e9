"""Stage 5: casualty figures (killed, wounded, captured, missing) and troop figures.

A figure is a count phrase ('an Armenian soldier', 'six others', '1,000 Azerbaijani soldiers',
'at least 49 of its troops') tied to a casualty word in its clause ('was killed', 'were taken
hostage', 'killing …'). A military count with no casualty word is a troop figure. Side, role and
perpetrator come from the phrase's own words, the agent ('by Azerbaijani forces'), or the figure
before it in the sentence ('six others').
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from borderwatch.extract import budget
from borderwatch.extract.dating import date_for
from borderwatch.extract.document import Document, PlaceMention, Sentence
from borderwatch.extract.lexicon import Lexicon
from borderwatch.extract.numbers import NUMBER, Count, to_count
from borderwatch.extract.quotes import claimant_at
from borderwatch.extract.results import CasualtyFigure, Quote, TroopFigure
from borderwatch.extract.scan import any_of, words_back

_SOLDIER_NOUNS = (
    "soldiers|soldier|servicemen|serviceman|service members|service member|troops|military personnel|"
    "personnel|border guards|border guard|guards|officers|officer|conscripts|conscript|fighters|"
    "military servicemen|militaries|contract soldiers|KIA"
)
_CIVILIAN_NOUNS = "civilians|civilian|residents|resident|villagers|villager|citizens|citizen|children|women"
_OTHER_NOUNS = (
    "people|persons|person|others|other|Armenians|Azerbaijanis|Azeris|prisoners|captives|hostages|POWs"
)
# Words that end a count phrase's modifiers: a count does not reach across a verb or a preposition.
_NOT_MODIFIER = (
    r"(?:killed|dead|died|wounded|injured|captured|missing|taken|among|and|or|in|near|at|on|by|from|to|with|"
    r"were|was|are|is|have|has|had|been|being)(?![\w-])"
)
_MODIFIER_WORDS = (
    r"civilian|military|contract|conscript|border|local|armed|enemy|young|elderly|unarmed|reserve|regular|ethnic|"
    r"more|other|additional|further|fellow|special|peacekeeping|foreign|Armenian|Azerbaijani"
)
_NOUN = re.compile(
    rf"\s+(?:of\s+(?:(?:its|their|our|his|the)\s+)?)?(?:(?:more|other|additional|further)\s+)?"
    rf"(?P<mods>(?:(?!{_NOT_MODIFIER})(?:[A-Z][\w’'-]*|{_MODIFIER_WORDS})\s+){{0,3}})(?P<noun>{_SOLDIER_NOUNS}|{_CIVILIAN_NOUNS}|{_OTHER_NOUNS})(?![\w-])"
)
_KIND_WORDS = {
    "killed": "killed",
    "dead": "killed",
    "died": "killed",
    "killing": "killed",
    "kia": "killed",
    "lost their lives": "killed",
    "perished": "killed",
    "fatalities": "killed",
    "deaths": "killed",
    "wounded": "wounded",
    "injured": "wounded",
    "wounding": "wounded",
    "injuring": "wounded",
    "injuries": "wounded",
    "captured": "captured",
    "capturing": "captured",
    "taken hostage": "captured",
    "taken prisoner": "captured",
    "detained": "captured",
    "abducted": "captured",
    "held captive": "captured",
    "taken captive": "captured",
    "missing": "missing",
}
_KIND = re.compile(rf"(?<![\w-])(?P<kind>{any_of(_KIND_WORDS, ignore_case=True)})(?![\w-])", re.IGNORECASE)
# Between a count phrase and its casualty word: auxiliaries and a few adverbs, inside one clause.
_PASSIVE_GAP = re.compile(
    r"\s*(?:(?:were|was|have|has|had|been|are|is|being|be|got|reportedly|also|later|allegedly|confirmed|"
    r"reported|officially|now|all|both|believed|feared|presumed|said|to|suffered|sustained|more|others|other)\s+)*",
    re.IGNORECASE,
)
_ACTIVE_GAP = re.compile(r"^\s*(?:(?:at least|another|more than|over|some|a further)\s+)?$", re.IGNORECASE)
# A word's first letter, then (?<!\w.), is \b before it: written so, the pattern opens with a letter and
# `re` skips to it in C instead of trying every position of the sentence.
_AGENT = re.compile(r"b(?<!\w.)y\s+(?:the\s+)?")
_SIDE_WORD = re.compile(r"[\w’'-]+")
_OF_ITS = re.compile(r"\bof\s+(?:its|their|our)\b")
_MILITARY = frozenset(_SOLDIER_NOUNS.split("|"))
_CIVILIAN = frozenset(_CIVILIAN_NOUNS.split("|"))
_TERRITORY = re.compile(
    r"\b(?:on|in|inside|within)\s+(?:the\s+)?(?P<who>[A-Z]\w+)(?:[’']s)?\s+(?:sovereign\s+)?territory"
)
_AMONG = re.compile(  # 'among', written as _AGENT's 'by'
    rf"a(?<!\w.)mong\s+(?:the\s+)?(?P<demonym>[A-Z][\w’'-]+)\s+(?P<noun>{_SOLDIER_NOUNS}|{_CIVILIAN_NOUNS}|{_OTHER_NOUNS})\b"
)
_LOCATIVE = re.compile(r"\b(?:in|near|at|inside|around|on|into|across|along|outside)\s+(?:the\s+)?$")
# A sentence about prisoners counts captives, not the size of a force.
_CAPTIVITY = re.compile(
    r"\b(?:prisoners?|captives?|captivity|detainees?|hostages?|held|detained|POWs?|exchange[ds]?)\b"
)
_NEGATED = re.compile(r"\b(?:no|not|never|none|neither|nor|zero)\s+$", re.IGNORECASE)


MIN_TROOP_FIGURE = 10


@dataclass
class _Figure:
    start: int
    end: int
    count: Count
    noun: str
    side: str | None
    role: str
    kind: str | None = None
    kind_start: int = 0
    kind_end: int = 0

    @property
    def span(self) -> tuple[int, int]:
        """The count phrase with its casualty words ('an Armenian soldier was killed', 'killing one person')."""
        if not self.kind:
            return self.start, self.end
        return min(self.start, self.kind_start), max(self.end, self.kind_end)

    perpetrator: str | None = None


def extract_figures(
    doc: Document, lexicon: Lexicon, quotes: list[Quote]
) -> tuple[list[CasualtyFigure], list[TroopFigure]]:
    """Casualty figures and troop figures of the document, in text order."""
    casualties: list[CasualtyFigure] = []
    troops: list[TroopFigure] = []
    for sentence in doc.sentences:
        budget.check()
        figures = _figures_in(doc, lexicon, sentence)
        if not figures:
            continue
        _fill_perpetrators(doc, lexicon, sentence, figures)
        for figure in figures:
            claimant = claimant_at(quotes, figure.start)
            if figure.side is None and figure.kind and figure.role == "soldier":
                figure.side = _claimant_country(lexicon, doc, claimant)
            if figure.kind:
                casualties.append(_casualty(doc, sentence, figure, claimant))
            elif (
                figure.noun in _MILITARY
                and figure.side
                and _is_force_size(figure.count)
                and not _CAPTIVITY.search(doc.body, sentence.start, sentence.end)
            ):
                troops.append(_troop(doc, lexicon, sentence, figure, claimant))
    return casualties, troops


def _figures_in(doc: Document, lexicon: Lexicon, sentence: Sentence) -> list[_Figure]:
    body = doc.body
    figures: list[_Figure] = []
    # The checks below are pure: the cheapest, and most often failed, come first.
    for number in NUMBER.finditer(body, sentence.start, sentence.end):
        noun = _NOUN.match(body, number.end(), sentence.end)
        if noun is None and number.group("article"):
            continue  # a bare 'a'/'an' is only a count before a noun
        if doc.covering(doc.times, number.start()) or _negated(body, sentence.start, number.start()):
            continue
        count = to_count(number)
        if count is None:
            continue
        if noun:
            end, noun_word, mods = noun.end(), noun.group("noun"), noun.group("mods")
        else:
            end, noun_word, mods = number.end(), "", ""
        # 'killing one person and capturing 12': a casualty word right before the count wins
        kind_match = _kind_before(body, sentence.start, number.start()) or _kind_after(
            body, end, sentence.end
        )
        if not kind_match and not noun:
            continue
        side = _side(lexicon, mods + " " + noun_word, doc, sentence, number.start(), body[number.end() : end])
        role = "soldier" if noun_word in _MILITARY else "civilian" if noun_word in _CIVILIAN else "unknown"
        figure = _Figure(number.start(), end, count, noun_word, side, role)
        if kind_match:
            figure.kind = _KIND_WORDS[kind_match.group("kind").lower()]
            figure.kind_start, figure.kind_end = kind_match.start(), kind_match.end()
        if noun_word in ("others", "other", "") or (not figure.side and figures):
            _inherit(figure, figures)
        figures.append(figure)
    if figures:
        _apply_among(lexicon, body, sentence, figures)
    return figures


def _negated(body: str, start: int, number_start: int) -> bool:
    """A negation word right before the count ('no soldiers'), looked for in that word only."""
    return _NEGATED.search(body, max(start, words_back(body, number_start, 1)), number_start) is not None


def _apply_among(lexicon: Lexicon, body: str, sentence: Sentence, figures: list[_Figure]) -> None:
    """'4 killed and 1 wounded among Armenian troops': the group named after 'among' is the victims'."""
    # Each 'among' after a figure with no side gives it its country, until one names a known country; while
    # its role is unknown, it also takes the first known role of those and the first one's noun. Worked out
    # from running tables, not by a pass over the figures for each 'among'.
    groups = []
    for match in _AMONG.finditer(body, sentence.start, sentence.end):
        noun = match.group("noun")
        role = "soldier" if noun in _MILITARY else "civilian" if noun in _CIVILIAN else "unknown"
        groups.append((match.start(), lexicon.demonyms.get(match.group("demonym")), role, noun))
    if not groups:
        return
    starts = [g[0] for g in groups]
    n = len(groups)
    next_country, next_role = [n] * (n + 1), [n] * (n + 1)  # the first group from here on with one
    for j in range(n - 1, -1, -1):
        next_country[j] = j if groups[j][1] is not None else next_country[j + 1]
        next_role[j] = j if groups[j][2] != "unknown" else next_role[j + 1]
    for figure in figures:
        first = bisect_right(starts, figure.start)
        if figure.side is not None or first == n:
            continue
        last = min(next_country[first], n - 1)  # the last group that reads this figure
        figure.side = groups[last][1]
        if figure.role == "unknown":
            figure.role = groups[next_role[first]][2] if next_role[first] <= last else "unknown"
            figure.noun = figure.noun or groups[first][3]


def _kind_after(body: str, start: int, stop: int) -> re.Match[str] | None:
    match = _KIND.search(body, start, min(stop, start + 60))
    if match and _PASSIVE_GAP.fullmatch(body, start, match.start()):
        return match
    return None


def _kind_before(body: str, start: int, number_start: int) -> re.Match[str] | None:
    """Active voice: 'killing one person', 'capturing 12', 'killed three Armenian soldiers'."""
    window_start = max(start, number_start - 40)
    last = None
    for match in _KIND.finditer(body, window_start, number_start):
        last = match
    if last and _ACTIVE_GAP.match(body[last.end() : number_start]):
        return last
    return None


def _side(
    lexicon: Lexicon, words: str, doc: Document, sentence: Sentence, offset: int, phrase: str
) -> str | None:
    for word in _SIDE_WORD.findall(words):
        if word in lexicon.demonyms:
            return lexicon.demonyms[word]
    if _OF_ITS.search(phrase):
        # 'at least 49 of its troops': the subject of the sentence owns them (the first mention with a
        # country, read from the mentions with one rather than from every mention of the sentence).
        actors, with_country = doc.actors, _with_country(doc)
        i = bisect_left(with_country, sentence.start, key=lambda k: actors[k].start)
        while i < len(with_country) and actors[with_country[i]].start < offset:
            if actors[with_country[i]].end <= offset:
                return actors[with_country[i]].country
            i += 1
    return None


_ACTORS = threading.local()  # per thread: look-ups into the document's actor mentions


def _actor_lookups(doc: Document) -> dict:
    """Look-ups into doc.actors, made once per list of mentions."""
    cached = getattr(_ACTORS, "entry", None)
    if cached is None or cached[0] is not doc.actors or cached[1] != len(doc.actors):
        cached = _ACTORS.entry = (doc.actors, len(doc.actors), {})
    return cached[2]


def _with_country(doc: Document) -> list[int]:
    """Indices of the actor mentions that have a country, in order."""
    lookups = _actor_lookups(doc)
    if "country" not in lookups:
        lookups["country"] = [i for i, m in enumerate(doc.actors) if m.country]
    return lookups["country"]


def _inherit(figure: _Figure, figures: list[_Figure]) -> None:
    """'six others' and a bare '1 wounded' take side, role and noun from the figure before them."""
    if not figures:
        return
    previous = figures[-1]
    figure.side = figure.side or previous.side
    if figure.role == "unknown":
        figure.role = previous.role
    figure.noun = figure.noun if figure.noun not in ("others", "other", "") else previous.noun


def _fill_perpetrators(doc: Document, lexicon: Lexicon, sentence: Sentence, figures: list[_Figure]) -> None:
    """An agent ('by Azerbaijani forces') applies to every casualty of its sentence that has none."""
    body = doc.body
    agent = None
    for match in _AGENT.finditer(body, sentence.start, sentence.end):
        after = doc.starting_at(doc.actors, match.end())
        if after:
            agent = after[0].name
            break
    for figure in figures:
        if not figure.kind:
            continue
        perpetrator = agent if agent is not None else _active_subject(doc, sentence, figure)
        own = lexicon.forces.get(figure.side) if figure.side else None
        if perpetrator is not None and (perpetrator == figure.side or (own and perpetrator == own.name)):
            perpetrator = None  # the victims' own side named before the verb is not who caused it
        figure.perpetrator = perpetrator


def _active_subject(doc: Document, sentence: Sentence, figure: _Figure) -> str | None:
    """'Azerbaijani forces killed three …': an actor just before an active casualty verb."""
    if figure.kind_start > figure.start:
        return None
    # The mentions of the sentence before the verb, last first, back to the first whose running maximum of
    # ends is too far before it (no mention before that one ends near the verb).
    actors, reach = doc.actors, doc.running_max_end(doc.actors)
    i = bisect_left(actors, figure.kind_start, key=lambda m: m.start) - 1
    while i >= 0 and actors[i].start >= sentence.start and reach[i] >= figure.kind_start - 30:
        mention = actors[i]
        if 0 <= figure.kind_start - mention.end <= 30 and mention.kind in ("armed forces", "state"):
            return mention.name
        i -= 1
    return None


def _is_force_size(count: Count) -> bool:
    """A troop figure says how big a force is: 'an Armenian soldier' or 'two soldiers' is not one."""
    n = count.count if count.count is not None else (count.low or count.high or 0)
    return n >= MIN_TROOP_FIGURE


def _claimant_country(lexicon: Lexicon, doc: Document, claimant: str | None) -> str | None:
    """'Seven servicemen died', says Baku's defence ministry: a state's own source counts its own troops."""
    if not claimant:
        return None
    lookups = _actor_lookups(doc)
    if "first" not in lookups:
        lookups["first"] = {}
        for m in doc.actors:
            lookups["first"].setdefault(m.name, m)
    mention = lookups["first"].get(claimant)
    if (
        mention is None
        or mention.kind not in ("organisation", "state", "armed forces")
        or not mention.country
    ):
        return None
    return mention.country


def _place(doc: Document, sentence: Sentence, after: int = 0, located: bool = False) -> PlaceMention | None:
    """The sentence's place (a town or province before a country); located: only after 'in', 'near', 'at' …"""
    places, local = _sentence_places(doc, sentence)[located]
    # The first place at or after `after`, a local one if any: found by bisection in the sentence's lists.
    for listed in (local, places):
        i = bisect_left(listed, after, key=lambda p: p.start)
        if i < len(listed):
            return listed[i]
    return None


_PLACES = threading.local()  # per thread: the places of the document's sentences


def _sentence_places(doc: Document, sentence: Sentence) -> dict[bool, tuple[list, list]]:
    """The sentence's places and its local ones (not countries), all (False) or after 'in', 'near' … (True)."""
    cached = getattr(_PLACES, "entry", None)
    if cached is None or cached[0] is not doc.places or cached[1] is not doc.body:
        cached = _PLACES.entry = (doc.places, doc.body, {})
    found = cached[2].get(sentence.index)
    if found is None:
        places = doc.within(doc.places, sentence.start, sentence.end)
        located = [p for p in places if _LOCATIVE.search(doc.body, max(0, p.start - 16), p.start)]
        found = cached[2][sentence.index] = {
            flag: (listed, [p for p in listed if p.place.kind != "country"])
            for flag, listed in ((False, places), (True, located))
        }
    return found


def _casualty(doc: Document, sentence: Sentence, f: _Figure, claimant: str | None) -> CasualtyFigure:
    place = _place(doc, sentence)
    local = place if place is not None and place.place.kind != "country" else None
    start, end = f.span
    return CasualtyFigure(
        kind=str(f.kind),
        count=f.count,
        side=f.side,
        role=f.role,
        perpetrator=f.perpetrator,
        dating=date_for(doc, f.start),
        admin1=local.place.admin1 if local else None,
        location=local.place.name if local else None,
        claimed_by=claimant,
        sentence_index=sentence.index,
        start=start,
        end=end,
        evidence=doc.body[start:end],
    )


def _troop(
    doc: Document, lexicon: Lexicon, sentence: Sentence, f: _Figure, claimant: str | None
) -> TroopFigure:
    dating = date_for(doc, f.start)
    territory = _TERRITORY.search(doc.body, f.end, sentence.end)
    place = _place(doc, sentence, after=f.end, located=True)
    location = admin1 = None
    if territory:
        who = territory.group("who")
        location = lexicon.demonyms.get(who) or (who if who in lexicon.countries else None)
    if place is not None and (location is None or place.place.kind != "country"):
        location, admin1 = place.place.name, place.place.admin1 if place.place.kind != "country" else None
    force = lexicon.forces.get(f.side) if f.side else None
    return TroopFigure(
        count=f.count,
        force=force.name if force else None,
        side=f.side,
        unit=f.noun,
        location=location,
        admin1=admin1,
        as_of=dating.date_end if dating.precision == "day" else doc.published,
        as_of_precision=dating.precision if dating.precision == "day" else "unknown",
        claimed_by=claimant,
        sentence_index=sentence.index,
        start=f.start,
        end=f.end,
        evidence=doc.body[f.start : f.end],
    )
