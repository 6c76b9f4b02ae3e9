"""Stage 6: events — what happened, who did it to whom, when, where, and how it is coded.

Trigger words come from the lexicon (`data/lexicon/triggers.csv`: word → ACLED type and CAMEO code).
A trigger in a quoted term of one or two words is a label, not an event; a longer quotation that dates
what it tells or completes the narrator's clause is the speaker's account of what happened, coded like
the article's own narration (its claimant is the speaker). A dated statement ('told journalists on
Saturday that …') is itself an event (CAMEO 010, make statement). An event whose clause names no place
takes the one place the sentence before it names in the same paragraph.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import cache

from borderwatch.extract import budget
from borderwatch.extract.dating import Dating, date_for, sentence_clauses
from borderwatch.extract.document import Document, Mention, PlaceMention, Sentence, Span
from borderwatch.extract.gazetteer import geo_precision
from borderwatch.extract.lexicon import Lexicon, Trigger
from borderwatch.extract.quotes import claimant_at
from borderwatch.extract.results import CasualtyFigure, Event, Quote, TroopFigure
from borderwatch.extract.scan import any_of, words_back
from borderwatch.extract.speech import resolve_description

STATEMENT = Trigger(("said",), "Strategic developments", "other", "010", "make statement", ())
_CASUALTY_CODES = {
    "killed": ("190", "193", "194", "195"),
    "wounded": ("190", "193", "194", "195"),
    "captured": ("181",),
    "missing": ("181", "190"),
}
# Ends where the trigger starts, at most three words before it: in a long clause it is searched for from
# there rather than from the clause's start.
_SHORT_CLAUSE = 40
_NEGATION_BEFORE = re.compile(
    r"(?<![\w-])(?:not|no|never|neither|nor|without|n’t|n't)(?:\s+[\w’'-]+){0,2}\s*$", re.IGNORECASE
)
_NEGATION_AFTER = re.compile(
    r"[\w\s’'-]{0,25}?\b(?:was|were|is|are|has|have|had|did|does|do)\s+(?:not|never)\b", re.IGNORECASE
)
# (?<![\w-].) after the first letter is (?<![\w-]) before it: so written, the pattern opens with a letter and
# `re` skips through the text to the next 't' or 'T' in C instead of trying every position.
_DESCRIPTION = re.compile(
    r"[Tt](?<![\w-].)he\s+(?P<head>organi[sz]ation|ministry|alliance|bloc|government)(?![\w-])"
)
_REQUIRES_WINDOW = 60
_AGENT_GAP = re.compile(r"(?:\s+[\w’'-]+){0,2}?\s+by\s+(?:the\s+)?")
_SOURCE_GAP = re.compile(r"\s+from\s+(?:the\s+)?")


@dataclass
class _Candidate:
    """A trigger found in a sentence, with its actors and place: an Event once dated and kept."""

    trigger: Trigger
    start: int
    end: int
    sentence: Sentence
    actor1: Mention | None = None
    actor2: Mention | None = None
    place: PlaceMention | None = None
    negated: bool = False


@cache
def _trigger_regex(triggers: tuple[Trigger, ...]) -> re.Pattern[str]:
    words = any_of((w for t in triggers for w in t.words), ignore_case=True)
    return re.compile(r"(?<![\w-])" + words + r"(?![\w-])", re.IGNORECASE)


def extract_events(
    doc: Document,
    lexicon: Lexicon,
    quotes: list[Quote],
    casualties: list[CasualtyFigure],
    troops: list[TroopFigure],
) -> list[Event]:
    """Events in text order, each with the casualty and troop figures of its sentence that it accounts for."""
    found: list[_Candidate] = []
    pattern = _trigger_regex(lexicon.triggers)
    actors = _event_actors(doc)
    reported = sorted(
        (Span(q.start, q.end) for q in quotes if q.kind == "reported"),
        key=lambda span: span.start,
    )
    for sentence in doc.sentences:
        budget.check()
        found.extend(_sentence_events(doc, lexicon, sentence, pattern, actors, reported))
    found.extend(_statement_events(doc, quotes))
    found.sort(key=lambda e: e.start)
    return _linked(_told(doc, found, quotes), casualties, troops, lexicon)


def _sentence_events(
    doc: Document,
    lexicon: Lexicon,
    sentence: Sentence,
    pattern: re.Pattern[str],
    actors: list[Mention],
    reported: list[Span],
) -> list[_Candidate]:
    body = doc.body
    events: list[_Candidate] = []
    seen: set[tuple[int, str]] = set()
    clause_starts: list[int] | None = None  # for a bisection per trigger, not a walk over the clauses
    quote_verdicts: dict[int, bool] = {}
    carried_place: tuple[PlaceMention, ...] | None = None  # looked up once per sentence
    for match in pattern.finditer(body, sentence.start, sentence.end):
        if _quoted_but_not_told(doc, match.start(), sentence, quote_verdicts):
            continue
        trigger = lexicon.trigger_for(match.group())
        if trigger is None or not _requirements_met(body, trigger, match.end(), sentence.end):
            continue
        parts = sentence_clauses(doc, sentence)  # cut only for the sentences that hold an event
        if clause_starts is None:
            clause_starts = [c.start for c in parts]
        # The clause holding the trigger (clauses are in order and do not overlap), else the last one.
        clause_index = bisect_right(clause_starts, match.start()) - 1
        if clause_index < 0 or match.start() >= parts[clause_index].end:
            clause_index = len(parts) - 1
        key = (clause_index, trigger.cameo_code)
        if key in seen:
            continue
        seen.add(key)
        clause = parts[clause_index]
        event = _Candidate(trigger, match.start(), match.end(), sentence)
        negation_from = clause.start
        if match.start() - negation_from > _SHORT_CLAUSE:
            negation_from = max(negation_from, words_back(body, match.start(), 3))
        event.negated = bool(
            _NEGATION_BEFORE.search(body, negation_from, match.start())
            or _NEGATION_AFTER.match(body, match.end(), clause.end)
        )
        # In reported speech ('Baku claimed that two of its men died in …') the speaker is
        # who claims the event, not who acted in it: the actors come from the reported words only, unless
        # they open with a pronoun for the speaker ('Azerbaijan said it started an offensive').
        speech = doc.covering(reported, match.start())
        if speech is not None and _SPEAKER_PRONOUN.match(body, speech.start):
            speech = None
        window = (clause.start, clause.end) if speech is None else _overlap(clause, speech)
        _assign_actors(doc, actors, event, *window, floor=speech.start if speech else sentence.start)
        places = _places(doc, event, clause.start, clause.end)
        if not places and doc.places:
            if carried_place is None:
                carried_place = _paragraph_place(doc, sentence)
            places = list(carried_place)
        if len(places) > 1:
            for place in places:
                copy = _Candidate(
                    trigger,
                    event.start,
                    event.end,
                    sentence,
                    event.actor1,
                    event.actor2,
                    place,
                    event.negated,
                )
                events.append(copy)
        else:
            event.place = places[0] if places else None
            events.append(event)
    return events


# A quoted statement of this many words can tell what happened in the speaker's voice; a shorter quoted
# term ('a “provocation”') is a label, not a report.
_STATEMENT_WORDS = 3


def _quoted_but_not_told(doc: Document, offset: int, sentence: Sentence, verdicts: dict[int, bool]) -> bool:
    """Whether a trigger at offset lies in quoted words that do not report an action: a quotation tells
    one when it dates it ('“On 12 May our units opened fire …”') or carries on the narrator's clause
    ('The ministry said its troops “repelled the attack and captured two soldiers”'); otherwise it is a
    view, a warning or a term."""
    quote = doc.in_quote(offset)
    if quote is None:
        return False
    if quote.start not in verdicts:  # judged once per quotation, however many triggers it holds
        short = len(doc.body[quote.start : quote.end].split(None, _STATEMENT_WORDS)) < _STATEMENT_WORDS
        # 'had “frozen” its participation': the narrator's own verb, only marked as the speaker's word.
        short = short and not _VERB_SLOT.search(doc.body, max(0, quote.start - 12), quote.start)
        dated = any(t.precision == "day" for t in doc.within(doc.times, quote.start, quote.end))
        verdicts[quote.start] = short or not (
            dated or _continues_narration(doc.body, quote.start, sentence.start)
        )
    return verdicts[quote.start]


_VERB_SLOT = re.compile(r"(?<![\w-])(?:had|has|have|was|were|been|to)\s*[“\"‘']?\Z", re.IGNORECASE)


def _continues_narration(body: str, quote_start: int, sentence_start: int) -> bool:
    """Whether the quotation opens after narrated words of its sentence that it completes: the last
    character before its opening mark is a letter (not a colon, comma or the sentence's start)."""
    i = quote_start - 1
    while i > sentence_start and (body[i].isspace() or body[i] in "“”\"‘’'"):
        i -= 1
    return i > sentence_start and body[i].isalpha()


def _requirements_met(body: str, trigger: Trigger, end: int, stop: int) -> bool:
    if not trigger.requires:
        return True
    window = body[end : min(stop, end + _REQUIRES_WINDOW)].lower()
    return any(word.lower() in window for word in trigger.requires)


def _event_actors(doc: Document) -> list[Mention]:
    """The document's actor mentions and its 'the organization', 'the ministry', … (each resolved to the
    actor meant), in text order: what an event's actors are chosen from.

    Found once for the document: the spans read (_actors_in) end at a trigger, a clause boundary or a
    sentence's end, never inside a word, so the descriptions inside a span are those of the whole text.
    """
    described = []
    for match in _DESCRIPTION.finditer(doc.body):
        resolved = resolve_description(doc, match.start(), match.group("head"), match.group())
        if resolved is not None:
            described.append(
                Mention(
                    match.start(), match.end(), match.group(), resolved.name, resolved.kind, resolved.country
                )
            )
    # A stable sort: at one offset, actor mentions (in their order) come before a description.
    return sorted(doc.actors + described, key=lambda m: m.start)


def _actors_in(doc: Document, actors: list[Mention], start: int, end: int) -> list[Mention]:
    """The mentions of _event_actors lying in a span, in text order."""
    return doc.within(actors, start, end)


def _last_actor_in(actors: list[Mention], start: int, end: int, body: str = "") -> Mention | None:
    """The last of _actors_in(doc, actors, start, end), found back from the end rather than listing them all;
    given the body, one named as a place ('in Yerevan') is passed over."""
    i = bisect_left(actors, end, key=lambda m: m.start) - 1
    while i >= 0 and actors[i].start >= start:
        if actors[i].end <= end and not (body and _is_locative(body, actors[i])):
            return actors[i]
        i -= 1
    return None


def _is_locative(body: str, mention: Mention) -> bool:
    """Whether a mention follows a preposition of place ('in Yerevan', 'at the Kremlin'), other than one
    giving an institution's seat ('the ministry in Baku', which names who)."""
    return (
        _LOCATIVE.search(body, max(0, mention.start - 16), mention.start) is not None
        and _SEAT.search(body, max(0, mention.start - 40), mention.start) is None
    )


_LOCATIVE = re.compile(r"(?<![\w-])(?:in|at|near|outside)\s+(?:the\s+)?\Z", re.IGNORECASE)
_SEAT = re.compile(
    r"(?<![\w-])(?:ministry|ministries|government|officials|authorities|embassy|leadership|sources|"
    r"spokes(?:man|woman|person))\s+(?:in|at)\s+(?:the\s+)?\Z",
    re.IGNORECASE,
)
_SPEAKER_PRONOUN = re.compile(r"(?:it|they|we|he|she)(?![\w-])", re.IGNORECASE)


def _overlap(a: Span, b: Span) -> tuple[int, int]:
    return max(a.start, b.start), min(a.end, b.end)


def _assign_actors(
    doc: Document, actors: list[Mention], event: _Candidate, clause_start: int, clause_end: int, floor: int
) -> None:
    """actor1 and actor2 from the clause: the subject before the trigger (else the nearest actor after
    `floor`, the sentence's start), or the agent or source just after it ('by X', 'from X')."""
    body = doc.body
    subject = _last_actor_in(actors, clause_start, event.start, body) or _last_actor_in(
        actors, max(floor, event.sentence.start), event.start, body
    )
    # 'started work in Yerevan': a capital after a preposition of place is where, not who.
    after = [m for m in _actors_in(doc, actors, event.end, clause_end) if not _is_locative(body, m)]
    # 'taken hostage by X', 'an appeal from X': the agent or source follows the trigger closely.
    agent = next((m for m in after if _AGENT_GAP.fullmatch(body, event.end, m.start)), None)
    source = (
        None if agent else next((m for m in after if _SOURCE_GAP.fullmatch(body, event.end, m.start)), None)
    )
    if agent is not None:
        event.actor1, event.actor2 = agent, subject
    elif source is not None:
        event.actor1, event.actor2 = source, subject
    else:
        event.actor1 = subject
        event.actor2 = next((m for m in after if m.name != (subject.name if subject else None)), None)


def _places(doc: Document, event: _Candidate, clause_start: int, clause_end: int) -> list[PlaceMention]:
    """Places of the event's clause, most precise first kept: a capital standing for its government
    ('from Yerevan') is not a place, nor is a dateline ('YEREVAN —', where the report was filed); a
    country gives way to a place in it, and a province to a place in that province ('Tegh, a village in
    Syunik province' is one event at Tegh, not one at Tegh and another somewhere in Syunik)."""
    actor_spans = {(m.start, m.end) for m in (event.actor1, event.actor2) if m is not None}
    places = [
        p
        for p in doc.within(doc.places, clause_start, clause_end)
        if (p.start, p.end) not in actor_spans and not _is_dateline(doc, p) and not _names_an_actor(doc, p)
    ]
    local = [p for p in places if p.place.kind != "country"]
    if not local:
        return places[:1]
    inside = {p.place.admin1 for p in local if p.place.kind != "province"}
    return [p for p in local if p.place.kind != "province" or p.place.admin1 not in inside]


_AREAS = ("province", "region")


def _paragraph_place(doc: Document, sentence: Sentence) -> tuple[PlaceMention, ...]:
    """The one place the sentence before names, when both are in one paragraph: a sentence that names
    none goes on telling what happened there ('The shootout took place near Yeraskh. The enemy opened
    fire …'). The most precise place is taken over the areas around it; nothing when there are several."""
    if sentence.index == 0:
        return ()
    before = doc.sentences[sentence.index - 1]
    paragraph = doc.covering(doc.paragraphs, sentence.start)
    if paragraph is None or before.start < paragraph.start:
        return ()
    named = [
        p
        for p in doc.within(doc.places, before.start, before.end)
        if p.place.kind != "country" and not _is_dateline(doc, p) and not _names_an_actor(doc, p)
    ]
    # The most precise tier named: a village or town over a province, a province over a wider region.
    tiers = (
        [p for p in named if p.place.kind not in _AREAS],
        [p for p in named if p.place.kind == "province"],
    )
    points = next((tier for tier in tiers if tier), named)
    return tuple(points[:1]) if len({p.place.name for p in points}) == 1 else ()


def _names_an_actor(doc: Document, place: PlaceMention) -> bool:
    """Whether a place's words name an actor instead ('Yerevan said …', 'the ministry in Baku'), unless a
    preposition of place comes before them ('in Yerevan')."""
    if _is_locative(doc.body, place):
        return False
    # The actor mention ending with the place's words: the place itself ('Yerevan said') or a longer name
    # holding it ('the defence ministry in Baku').
    actor = _last_actor_in(doc.actors, max(0, place.start - 60), place.end)
    return actor is not None and actor.start <= place.start and actor.end == place.end


# Words that put an event beside a place rather than at it: 'near Jermuk', 'adjacent to Tegh', 'in the
# direction of Tegh', '5 km from Sotk', 'on the outskirts of the village of Sotk'.
_NEAR_BEFORE = re.compile(
    r"(?<![\w-])(?:near|nearby|outside|around|close\s+to|adjacent\s+to|next\s+to|not\s+far\s+from|"
    r"on\s+the\s+outskirts\s+of|"
    r"in\s+the\s+(?:direction|vicinity|area)\s+of|towards?|[0-9.,]+\s*(?:km|kilometres|kilometers|miles)\s+"
    r"(?:\w+\s+)?(?:from|of))\s+(?:the\s+(?:village|town|city|community)\s+of\s+)?$",
    re.IGNORECASE,
)


def _geo_precision(doc: Document, mention: PlaceMention | None) -> str:
    """geo.geo_precision of the place, 'near' where the words before a point place say the event was beside it."""
    precision = geo_precision(mention.place if mention else None)
    if precision == "exact" and _near(doc, mention):
        return "near"
    return precision


_LIST_GAP = re.compile(r"\s*(?:,\s*(?:(?:and|or)\s+)?|\s(?:and|or)\s+)")
_LIST_REACH = 12  # places looked back along one list: a bound, so that a long list stays linear


def _near(doc: Document, mention: PlaceMention) -> bool:
    """Whether words before the place, or before the list it closes ('towards Goris, Sotk and Jermuk'),
    put the event beside it."""
    body = doc.body
    i = bisect_left(doc.places, mention.start, key=lambda p: p.start)
    for _ in range(_LIST_REACH):
        if _NEAR_BEFORE.search(body, max(0, mention.start - 60), mention.start):
            return True
        if i == 0 or not _LIST_GAP.fullmatch(body, doc.places[i - 1].end, mention.start):
            return False
        i -= 1
        mention = doc.places[i]
    return False


# What follows a dateline's place: ', Armenia', '(Reuters)', then a dash.
_DATELINE_TAIL = re.compile(r"(?:,\s*[A-Z][\w.’' -]{0,30}?)?\s*(?:\([^()\n]{1,40}\)\s*)?[—–-]{1,2}\s")


def _is_dateline(doc: Document, mention: PlaceMention) -> bool:
    """A place in capitals opening a paragraph, then a dash: 'YEREVAN —', 'BAKU, Azerbaijan (AP) -'."""
    text = mention.text
    if not (text.isupper() and len(text) > 1):
        return False
    paragraph = doc.covering(doc.paragraphs, mention.start)
    if paragraph is None or not _blank(doc.body, paragraph.start, mention.start):
        return False
    return _DATELINE_TAIL.match(doc.body, mention.end) is not None


def _blank(body: str, start: int, end: int) -> bool:
    """Whether body[start:end] is only spaces, read up to its first other character."""
    while start < end and body[start].isspace():
        start += 1
    return start == end


def _statement_events(doc: Document, quotes: list[Quote]) -> list[_Candidate]:
    """A reported statement with its own date in the sentence is an event: who said it, when."""
    events = []
    for quote in quotes:
        if quote.kind != "reported" or not quote.speaker:
            continue
        sentence = doc.sentences[quote.sentence_index]
        own_time = [
            t
            for t in doc.within(doc.times, sentence.start, sentence.end)
            if not (quote.start <= t.start < quote.end) and t.precision == "day"
        ]
        if not own_time:
            continue
        speaker = _first_named(doc, quote.speaker, sentence.start, quote.start)
        if speaker is None:  # a source no lexicon names ('a correspondent reported'): a report, not an act
            continue
        event = _Candidate(STATEMENT, sentence.start, sentence.end, sentence, actor1=speaker)
        events.append(event)
    return events


_NAMED = threading.local()  # per thread: the document's actor mentions by name


def _first_named(doc: Document, name: str, start: int, end: int) -> Mention | None:
    """The first actor mention with this name starting in [start, end), from the mentions of that name."""
    cached = getattr(_NAMED, "entry", None)
    if cached is None or cached[0] is not doc.actors or cached[1] != len(doc.actors):
        by_name: dict[str, list[Mention]] = defaultdict(list)
        for mention in doc.actors:
            by_name[mention.name].append(mention)
        cached = _NAMED.entry = (doc.actors, len(doc.actors), by_name)
    named = cached[2].get(name, [])
    i = bisect_left(named, start, key=lambda m: m.start)
    return named[i] if i < len(named) and named[i].start < end else None


def _told(doc: Document, found: list[_Candidate], quotes: list[Quote]) -> list[Event]:
    """One Event per event found, but the same event told twice in one article (same code, date and place,
    and no actor that differs: a retelling may leave one out) is kept once, where it is first told."""
    told = []
    seen: dict[tuple, list[tuple[str | None, str | None]]] = {}
    relatives = _last_trigger_before_relative(doc, found)
    for event in found:
        is_statement = event.trigger is STATEMENT
        dating = date_for(doc, event.start, dates_noun_before_relative=id(event) in relatives)
        if is_statement:
            time = next(
                t
                for t in doc.within(doc.times, event.sentence.start, event.sentence.end)
                if t.precision == "day"
            )
            dating = Dating(time.date_start, time.date_end, time.precision, time.phrase)
        actor1, assoc = _as_actor(event.actor1)
        actor2, _ = _as_actor(event.actor2)
        place = event.place.place if event.place else None
        admin1 = place.admin1 if place else None
        location = place.name if place and place.kind not in ("country", "province") else None
        # A date lent by an earlier sentence says nothing of which incident this is: such a mention is
        # a retelling only of another in its own sentence.
        told_when = (dating.date_start, dating.date_end, event.sentence.index if dating.carried else None)
        key = (event.trigger.cameo_code, *told_when, admin1, location, event.negated)
        if any(_same_actors((actor1, actor2), told) for told in seen.get(key, ())):
            continue
        seen.setdefault(key, []).append((actor1, actor2))
        start, end = (event.sentence.start, event.sentence.end)
        told.append(
            Event(
                trigger=event.trigger,
                trigger_text=None if is_statement else doc.body[event.start : event.end],
                trigger_start=event.start,
                actor1=actor1,
                actor1_text=event.actor1.text if event.actor1 else None,
                assoc_actor1=assoc,
                actor2=actor2,
                actor2_text=event.actor2.text if event.actor2 else None,
                interaction=_interaction(event.actor1, event.actor2),
                dating=dating,
                country=place.country if place else None,
                admin1=admin1,
                location=location,
                location_text=event.place.text if event.place else None,
                latitude=place.latitude if place else None,
                longitude=place.longitude if place else None,
                geo_precision=_geo_precision(doc, event.place),
                claimed_by=None if is_statement else claimant_at(quotes, event.start),
                negated=event.negated,
                sentence_index=event.sentence.index,
                start=start,
                end=end,
                evidence=doc.body[start:end],
                fatalities=None,
                casualties=(),
                troops=(),
            )
        )
    return told


def _same_actors(these: tuple[str | None, ...], told: tuple[str | None, ...]) -> bool:
    """Whether a retelling's actors fit an event already told: the same actors, or some of them with the
    others not named ('the appeal from Armenia' after 'Armenia appealed to the CSTO'). A mention naming
    no actor at all only repeats one that named none either."""
    if these == told:
        return True
    return any(these) and all(a is None or a == b for a, b in zip(these, told, strict=True))


def _last_trigger_before_relative(doc: Document, found: list[_Candidate]) -> set[int]:
    """Events whose trigger is the last noun before ', which …' (the relative clause dates them)."""
    by_sentence: dict[int, list[_Candidate]] = defaultdict(list)
    for event in found:
        if event.trigger is not STATEMENT:
            by_sentence[event.sentence.index].append(event)
    chosen = set()
    for index, events in by_sentence.items():
        parts = sentence_clauses(doc, doc.sentences[index])
        starts = [e.start for e in events]  # in order: `found` is sorted by start
        for i, clause in enumerate(parts[:-1]):
            if parts[i + 1].kind != "relative":
                continue
            # The last start inside the clause, and of events starting there the first (as max() keeps).
            last = bisect_left(starts, clause.end) - 1
            if last >= 0 and starts[last] >= clause.start:
                chosen.add(id(events[bisect_left(starts, starts[last])]))
    return chosen


def _as_actor(mention: Mention | None) -> tuple[str | None, str | None]:
    """A person acts for their organisation (or country); the person is kept as the associated actor."""
    if mention is None:
        return None, None
    if mention.kind == "person":
        return (mention.organisation or mention.country or mention.name), mention.name
    return mention.name, None


def _interaction(a: Mention | None, b: Mention | None) -> str | None:
    kinds = [m.kind for m in (a, b) if m is not None]
    return " – ".join(kinds) if kinds else None


def _linked(
    told: list[Event], casualties: list[CasualtyFigure], troops: list[TroopFigure], lexicon: Lexicon
) -> list[Event]:
    """Casualties and troop figures join the nearest fitting event of their sentence; fatalities follow,
    and the victims' side becomes the event's second actor."""
    if not casualties and not troops:
        return told
    by_sentence: dict[int, list[int]] = defaultdict(list)  # positions in `told`
    for i, event in enumerate(told):
        by_sentence[event.sentence_index].append(i)
    linked: dict[int, list[CasualtyFigure]] = defaultdict(list)
    # The sentence's events of a casualty's kind, with their trigger starts: listed once per sentence and kind.
    fitting: dict[tuple[int, str], tuple[list[int], list[int]]] = {}
    for casualty in casualties:
        key = (casualty.sentence_index, casualty.kind)
        if key not in fitting:
            codes = _CASUALTY_CODES.get(casualty.kind, ())
            listed = [
                i for i in by_sentence.get(casualty.sentence_index, ()) if told[i].trigger.cameo_code in codes
            ]
            fitting[key] = (listed, [told[i].trigger_start for i in listed])
        candidates, starts = fitting[key]
        if candidates:
            linked[candidates[_nearest(starts, casualty.start)]].append(casualty)
    forces: dict[int, list[TroopFigure]] = defaultdict(list)
    for figure in troops:
        candidates = by_sentence.get(figure.sentence_index)
        if candidates:
            forces[candidates[0]].append(figure)
    return [_with_figures(event, linked[i], forces[i], lexicon) for i, event in enumerate(told)]


def _nearest(starts: list[int], offset: int) -> int:
    """The index of the start nearest offset in a non-empty sorted list; on a tie the first, as min() keeps."""
    i = bisect_left(starts, offset)
    if i == len(starts) or (i > 0 and offset - starts[i - 1] <= starts[i] - offset):
        return bisect_left(starts, starts[i - 1])
    return i


def _with_figures(
    event: Event, casualties: list[CasualtyFigure], troops: list[TroopFigure], lexicon: Lexicon
) -> Event:
    """The event with its figures: the killed summed (when every figure has a count) and the victims' side."""
    if not casualties and not troops:
        return event  # most events: nothing to add, and no copy to make
    counts = [
        c.count.count if c.count.count is not None else c.count.low for c in casualties if c.kind == "killed"
    ]
    actor1, actor2 = event.actor1, event.actor2
    if casualties:
        actor1, actor2 = _victims_as_actor2(actor1, actor2, casualties[0], lexicon)
    return replace(
        event,
        actor1=actor1,
        actor2=actor2,
        fatalities=sum(counts) if counts and all(n is not None for n in counts) else None,  # type: ignore[arg-type]
        casualties=tuple(casualties),
        troops=tuple(troops),
    )


def _victims_as_actor2(
    actor1: str | None, actor2: str | None, first: CasualtyFigure, lexicon: Lexicon
) -> tuple[str | None, str | None]:
    """The victims' side is the event's second actor: its armed forces for soldiers, its civilians otherwise."""
    side = first.side
    forces = lexicon.forces.get(str(side))
    if forces is not None and actor1 == forces.name:
        actor1 = None  # the count phrase ('three Armenian soldiers') names the victims, not the attacker
    if first.perpetrator and not actor1:
        actor1 = first.perpetrator
    if side and (actor2 is None or actor2 == actor1):
        if first.role == "civilian" or forces is None:
            actor2 = f"{side} (civilians)" if first.role == "civilian" else side
        else:
            actor2 = forces.name
    return actor1, actor2
