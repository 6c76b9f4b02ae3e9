"""Stage 5: casualty figures (killed, wounded, captured, missing) and troop figures.

A figure is a count phrase ('an Armenian soldier', 'six others', '1,000 Azerbaijani soldiers',
'at least 49 of its troops', 'one Azerbaijani') tied to a casualty word in its clause ('was killed',
'were taken hostage', 'killing …', 'the death toll rose to …'), or one victim a singular clause names
('Junior Sergeant A. Petrosyan was killed'). A military count with no casualty word is a troop figure.

Side, role and perpetrator come from the phrase's own words, the agent ('by Azerbaijani forces'), or the
figure before it in the sentence ('six others'). When the words do not say whose dead they are, the side
is the one attacked in the sentence ('fire on Armenian positions'), the one opposite the killers, the
source's own ('Azerbaijan reports 77 dead', a ministry's quote), a civilian's town's country, or, for a
war's toll, both of the article's sides ('Armenia and Azerbaijan').

A figure told again later in the article (same kind and number, no other side, role, day or province)
is one row: the first telling, with what the others add. People described as captured before they were
freed or exchanged ('32 soldiers captured in 2020 have returned') are not casualties.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, replace

from borderwatch.extract import budget
from borderwatch.extract.dating import date_for
from borderwatch.extract.document import Document, Mention, PlaceMention, Sentence
from borderwatch.extract.english import CIVILIAN_PERSON_WORDS, MILITARY_RANK_WORDS, WAR_WORDS
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
    # a figure of dead and missing together is as sure as its least sure part
    "dead or missing": "missing",
    "killed or missing": "missing",
    "missing or dead": "missing",
    "death toll": "killed",
    "wounds": "wounded",  # 'sustained gunshot wounds'
    # 'took two soldiers prisoner': the word after the noun
    "prisoner": "captured",
    "captive": "captured",
    "hostage": "captured",
}
_KIND = re.compile(rf"(?<![\w-])(?P<kind>{any_of(_KIND_WORDS, ignore_case=True)})(?![\w-])", re.IGNORECASE)
# Between a count phrase and its casualty word: auxiliaries and a few adverbs, inside one clause.
_PASSIVE_GAP = re.compile(
    r"\s*(?:(?:were|was|have|has|had|been|are|is|being|be|got|reportedly|also|later|allegedly|confirmed|"
    r"reported|officially|now|all|both|believed|feared|presumed|said|to|suffered|sustained|received|more|others|other|"
    r"serious|severe|minor|light|gunshot|shrapnel|firearm|bullet|multiple|various)\s+)*",
    re.IGNORECASE,
)
# After a bare count in the active voice ('killing 12', 'capturing 12 and wounding 3'): the clause goes on,
# where a noun that names no people ('captured 3 villages') would make it a count of things.
_BARE_COUNT_END = re.compile(
    r"\s*(?:$|[,.;:)\u2014\u2013-]|(?:and|or|but|in|on|at|near|during|as|while|when|after|before|since|"
    r"including|among|of\s+(?:them|whom|those|its|their)|according|the|a|an|by|from|with|to|across)(?![\w-]))",
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
# A demonym standing for a person after a count: 'one Azerbaijani (wounded)'.
_DEMONYM_HEAD = re.compile(r"\s+(?P<word>[A-Z][\w’'-]*)(?![\w-])")
# After 'N soldiers captured …': a finite verb of the same clause makes the participle a description.
_FINITE_AFTER = re.compile(
    r"(?:(?!\b(?:when|after|before|as|while|because|since|but|who|which|that|where)\b)[^,;:.])*?"
    r"\b(?:have|has|had|are|were|was|is|will)\b",
    re.IGNORECASE,
)
# The target of an attack names the victims' side: 'opened fire on Armenian positions, killing one person',
# 'shots at the posts of the army of the Republic of Armenia'.
_TARGET = re.compile(
    r"\b(?:on|at|against|targeting|targeted|shelled|shelling|attacked|attacking|struck|hit)\s+(?:the\s+)?"
    r"(?:(?:positions|posts|units|villages|settlements)\s+of\s+(?:the\s+)?(?:armed\s+forces\s+of\s+(?:the\s+)?)?"
    r"(?:Republic\s+of\s+)?(?P<of>[A-Z][\w’'-]+)|(?P<who>[A-Z][\w’'-]+)\s+(?:(?:military|combat|army|border|"
    r"frontline|forward|defensive)\s+)?(?:positions|posts|forces|troops|soldiers|servicemen|units|villages|"
    r"settlements|towns|border\s+guards|army)\b)"
)
# The speaker's side as the subject of an active casualty verb: 'we killed', 'it captured', 'our forces killed'.
_SPEAKER_ACTS = re.compile(
    r"\b(?:we|it|our\s+(?:forces|troops|units|army|soldiers))\s+(?:have\s+|had\s+|has\s+)?$", re.IGNORECASE
)
# 'The (Armenian) death toll (from the attack) has risen to 105': the toll's figure is of the killed.
_TOLL = re.compile(
    r"(?:(?P<who>[A-Z][\w’'-]+)\s+)?(?P<kind>death\s+toll)(?:(?:\s+(?:from|in|of|among)\s+[^,;.]{0,60}?)?\s+"
    r"(?:has\s+|had\s+|now\s+)?(?:risen|rose|climbed|reached|increased|jumped|stands|stood|is|was|of)"
    r"(?:\s+(?:to|at))?|\s+to)\s+$"  # '… to 9' after 'bringing the death toll'
)
_SOURCE_BEFORE = re.compile(
    r"(?<=\s)(?:(?:has|have|had)\s+)?(?:[a-z]+ly\s+)?(?:reports|reported|says|said|announced|confirmed|claims|"
    r"claimed)\s+(?:that\s+)?(?:only\s+)?$"
)
_JOINER = re.compile(r"\s*(?:,\s*(?:(?:and|or)\s+)?|(?:and|or)\s+)")
_POSSESSIVE = re.compile(r"[’']s?$")
_WAR = re.compile(rf"\b{any_of(WAR_WORDS)}\b", re.IGNORECASE)
# One victim, by the grammar of a singular clause: 'was killed', 'has died', 'sustained a firearm wound'.
_ONE_VICTIM = re.compile(
    r"\b(?:(?:was|has\s+been|had\s+been|is)\s+(?:(?:reportedly|also|later|allegedly|fatally|seriously|severely|"
    r"slightly|lightly|critically|mortally|badly|then|subsequently|confirmed)\s+)*(?P<passive>killed|shot\s+dead|"
    r"wounded|injured|taken\s+(?:captive|prisoner|hostage)|captured|abducted|missing)|(?:has\s+)?(?P<died>died)|"
    r"(?:sustained|suffered|received)\s+(?:(?:a|an|serious|severe|minor|light|multiple)\s+)*(?:[\w-]+\s+)?"
    r"(?P<hurt>wounds?|injur(?:y|ies)))(?![\w-])"
)
_ONE_VICTIM_KIND = {
    "killed": "killed", "shot dead": "killed", "died": "killed", "wounded": "wounded", "injured": "wounded",
    "captured": "captured", "abducted": "captured", "missing": "missing",
}  # fmt: skip
# Where a clause's subject begins, looking back from its verb: a clause boundary or a reporting verb.
_SUBJECT_START = re.compile(
    r"(?:^|[;:“”\"‘]|\b(?:that|and|but|while|when|after|as|said|says|reported|announced)\s|,\s+(?=[a-z]))"
)
_LEAD_IN = re.compile(
    r"(?!(?:a|an|the|one|another)\s)(?:[a-z][\w’'-]*|On|In|At|During|Later|Earlier|Overnight|Then|Meanwhile|"
    r"Yesterday|Today)\s+(?:[\w’',.-]+\s+)*?(?=(?:a|an|the|one|another)\s)"
)
_NAME_WORD = re.compile(r"[A-Z][\w’'-]*\.?|[A-Z]\.")
_NOT_A_VICTIM = frozenset(("he", "she", "it", "they", "one", "no one", "nobody", "none", "anyone", "someone"))
_RANKS = frozenset(MILITARY_RANK_WORDS)
_CIVILIAN_PERSONS = frozenset(CIVILIAN_PERSON_WORDS)


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
    perpetrator_country: str | None = None
    another: bool = False  # 'another soldier': a new victim, never a restatement of an earlier figure
    demonym_only: bool = False  # 'one Armenian (and two Azerbaijani servicemen)': a figure only if it shares


def extract_figures(
    doc: Document, lexicon: Lexicon, quotes: list[Quote]
) -> tuple[list[CasualtyFigure], list[TroopFigure]]:
    """Casualty figures and troop figures of the document, in text order."""
    casualties: list[CasualtyFigure] = []
    troops: list[TroopFigure] = []
    told = _Restatements()
    for sentence in doc.sentences:
        budget.check()
        figures = _figures_in(doc, lexicon, sentence)
        if not figures:
            continue
        _fill_perpetrators(doc, lexicon, sentence, figures)
        for figure in figures:
            claimant = claimant_at(quotes, figure.start)
            if figure.side is None and figure.kind:
                figure.side = _victims_side(doc, lexicon, sentence, figure, claimant)
            if figure.kind:
                told.add(_casualty(doc, sentence, figure, claimant), figure.another)
            elif (
                figure.noun in _MILITARY
                and figure.side
                and _is_force_size(figure.count)
                and not _CAPTIVITY.search(doc.body, sentence.start, sentence.end)
            ):
                troops.append(_troop(doc, lexicon, sentence, figure, claimant))
    casualties = told.figures
    return casualties, troops


def _figures_in(doc: Document, lexicon: Lexicon, sentence: Sentence) -> list[_Figure]:
    body = doc.body
    figures: list[_Figure] = []
    # The checks below are pure: the cheapest, and most often failed, come first.
    for number in NUMBER.finditer(body, sentence.start, sentence.end):
        noun = _NOUN.match(body, number.end(), sentence.end)
        demonym = None
        if noun is None:
            # 'one Azerbaijani wounded', 'an Armenian was killed': a demonym standing for a person
            demonym = _DEMONYM_HEAD.match(body, number.end(), sentence.end)
            if demonym is not None and demonym.group("word") not in lexicon.demonyms:
                demonym = None
            if demonym is None and number.group("article"):
                continue  # a bare 'a'/'an' is only a count before a noun
        if doc.covering(doc.times, number.start()) or _negated(body, sentence.start, number.start()):
            continue
        count = to_count(number)
        if count is None:
            continue
        if noun:
            end, noun_word, mods = noun.end(), noun.group("noun"), noun.group("mods")
        elif demonym:
            end, noun_word, mods = demonym.end(), "", demonym.group("word")
        else:
            end, noun_word, mods = number.end(), "", ""
        # 'killing one person and capturing 12': a casualty word right before the count wins
        kind_match = _kind_before(body, sentence.start, number.start()) or _kind_after(
            body, end, sentence.end
        )
        joined = demonym is not None and not kind_match and _JOINER.match(body, end, sentence.end) is not None
        if not kind_match and not noun and not joined:
            continue
        if kind_match and (
            not noun
            and not demonym
            and kind_match.start() < number.start()
            and not _BARE_COUNT_END.match(body, number.end(), sentence.end)
        ):
            continue  # 'captured 3 villages': things, not people
        if kind_match and _describes_captives(body, end, kind_match, sentence.end):
            continue
        if kind_match is not None and kind_match.re is _TOLL:
            mods += " " + (kind_match.group("who") or "")  # 'the Armenian death toll'
        side = _side(lexicon, mods + " " + noun_word, doc, sentence, number.start(), body[number.end() : end])
        if side is None:
            side = _source_before(doc, lexicon, sentence.start, number.start())
        role = "soldier" if noun_word in _MILITARY else "civilian" if noun_word in _CIVILIAN else "unknown"
        figure = _Figure(
            number.start(), end, count, noun_word, side, role, another=bool(number.group("another"))
        )
        figure.demonym_only = joined
        if kind_match:
            figure.kind = _KIND_WORDS[kind_match.group("kind").lower()]
            figure.kind_start, figure.kind_end = kind_match.start(), kind_match.end()
        elif noun_word == "KIA":  # '50 KIA': killed in action, the casualty word is the noun
            figure.kind, figure.kind_start, figure.kind_end = "killed", noun.start("noun"), noun.end("noun")
        if noun_word in ("others", "other", "") or (not figure.side and figures):
            _inherit(figure, figures)
        figures.append(figure)
    if len(figures) > 1:
        figures = _shared_kinds(body, figures)
    figures.extend(_named_victims(doc, lexicon, sentence, figures))
    if figures:
        _apply_among(lexicon, body, sentence, figures)
    return figures


def _source_before(doc: Document, lexicon: Lexicon, start: int, number_start: int) -> str | None:
    """'…, while Azerbaijan reports 77 dead', 'Baku has officially announced 50 KIA': a country or its
    institution right before a reporting verb
    right before the count reports its own losses."""
    source = _SOURCE_BEFORE.search(doc.body, max(start, number_start - 30), number_start)
    if source is None:
        return None
    mention = doc.covering(doc.actors, source.start() - 2)
    if (
        mention is None
        or mention.kind not in ("state", "armed forces", "organisation")
        or not mention.country
    ):
        return None
    return mention.country if mention.country in _belligerents(doc) else None


def _shared_kinds(body: str, figures: list[_Figure]) -> list[_Figure]:
    """'One Armenian and two Azerbaijani servicemen were injured': a count joined to the next one by 'and'
    shares its casualty word and noun; a demonym left with neither is no figure."""
    following: _Figure | None = None
    for figure in reversed(figures):
        if (
            not figure.kind
            and following is not None
            and following.kind
            and following.kind_start > following.start
            and _JOINER.fullmatch(body, figure.end, following.start)
        ):
            figure.kind, figure.kind_start, figure.kind_end = (
                following.kind,
                following.kind_start,
                following.kind_end,
            )
            figure.role = following.role if figure.role == "unknown" else figure.role
            figure.noun = figure.noun or following.noun
        following = figure
    return [f for f in figures if f.kind or not f.demonym_only]


def _describes_captives(body: str, end: int, kind: re.Match[str], stop: int) -> bool:
    """'one serviceman captured in May have crossed the border': the participle describes people now
    held or freed (the sentence's verb comes after it), not a capture this sentence reports."""
    if _KIND_WORDS[kind.group("kind").lower()] != "captured" or kind.start() < end:
        return False
    if body[end : kind.start()].strip():
        return False  # 'were captured', 'have been detained': the capture is the sentence's verb
    return _FINITE_AFTER.match(body, kind.end(), min(stop, kind.end() + 80)) is not None


def _named_victims(
    doc: Document, lexicon: Lexicon, sentence: Sentence, figures: list[_Figure]
) -> list[_Figure]:
    """One victim named or described in a singular clause: 'Junior Sergeant A. Petrosyan was killed',
    'the village head, Aram Petrosyan, sustained a firearm wound'."""
    body = doc.body
    counted = {f.kind_end for f in figures if f.kind}  # casualty words a count already holds
    found: list[_Figure] = []
    for predicate in _ONE_VICTIM.finditer(body, sentence.start, sentence.end):
        if predicate.end() in counted:
            continue
        start = _subject_start(body, sentence.start, predicate.start())
        subject = body[start : predicate.start()].strip(" ,")
        role = _victim_role(doc, subject, start)
        if role is None:
            continue
        word = predicate.group("passive") or predicate.group("died") or "wounded"
        kind = _ONE_VICTIM_KIND[" ".join(word.split())] if not word.startswith("taken") else "captured"
        figure = _Figure(start, start + len(subject), Count(1, 1, 1), "", None, role, kind)
        figure.kind_start, figure.kind_end = predicate.start(), predicate.end()
        figure.side = _side_in_subject(doc, lexicon, subject, start)
        found.append(figure)
    return found


def _subject_start(body: str, sentence_start: int, verb: int) -> int:
    """Where the subject of the verb at `verb` begins: after the last clause boundary within a few words."""
    window = max(sentence_start, words_back(body, verb, 10))
    start = window if window == sentence_start else -1
    for boundary in _SUBJECT_START.finditer(body, window, verb):
        start = boundary.end()
    if start < 0:
        return verb  # no boundary within reach: too long a subject to be one person
    while start < verb and body[start].isspace():
        start += 1
    # 'Later that night a shepherd', 'On Monday the mayor': the subject starts at its determiner
    lead = _LEAD_IN.match(body, start, verb)
    return lead.end() if lead else start


def _victim_role(doc: Document, subject: str, start: int) -> str | None:
    """soldier, civilian or unknown for a subject naming one person; None when it names no person."""
    words = subject.replace(",", " ").split()
    if not words or subject.lower() in _NOT_A_VICTIM:
        return None
    lower = f" {' '.join(words).lower()} "
    if any(f" {rank} " in lower for rank in _RANKS):
        return "soldier"
    if any(f" {word} " in lower for word in _CIVILIAN_PERSONS):
        return "civilian"
    return "unknown" if _ends_in_a_name(doc, subject, start) else None


def _ends_in_a_name(doc: Document, subject: str, start: int) -> bool:
    """The subject ends with a person's name: two capitalised words (or initials) that name no place or
    institution ('Radik Oghikyan', 'A. Petrosyan')."""
    name = subject.rsplit(",", 1)[-1].strip()  # 'The mayor of Sotk, Gor Vardanyan': the last part
    start += subject.rfind(name)
    subject, words = name, name.split()
    capitalised = 0
    for word in reversed(words):
        if not _NAME_WORD.fullmatch(word):
            break
        capitalised += 1
    if capitalised < 2:
        return False
    # no word of the name may be a place or an institution ('Lachin Corridor', 'Defense Ministry')
    offset = start + len(subject)
    for word in reversed(words[-capitalised:]):
        offset = subject.rfind(word, 0, offset - start) + start
        mention = doc.covering(doc.actors, offset)
        if mention is not None and mention.kind not in ("person", "official"):
            return False
        if doc.covering(doc.places, offset) is not None:
            return False
    return True


def _side_in_subject(doc: Document, lexicon: Lexicon, subject: str, start: int) -> str | None:
    """The victim's country as the subject says it: a demonym, else a place or a person of a country."""
    for word in _SIDE_WORD.findall(subject):
        if word in lexicon.demonyms:
            return lexicon.demonyms[word]
    for place in doc.within(doc.places, start, start + len(subject)):
        if place.place.country:
            return place.place.country
    for mention in doc.within(doc.actors, start, start + len(subject)):
        if mention.country:
            return mention.country
    return None


def _victims_side(
    doc: Document, lexicon: Lexicon, sentence: Sentence, figure: _Figure, claimant: str | None
) -> str | None:
    """Whose casualties a figure counts when its own words do not say: the side attacked in its sentence,
    the side opposite their killers, the side whose source reports them, or both sides of a war's toll."""
    target, war = _sentence_sides(doc, lexicon, sentence)
    if target:
        return target
    sides = _belligerents(doc)
    own = _claimant_country(lexicon, doc, claimant)
    killers = figure.perpetrator_country
    if (
        killers is None
        and own
        and _SPEAKER_ACTS.search(doc.body, max(sentence.start, figure.kind_start - 20), figure.kind_start)
    ):
        killers = own  # '"we killed 20 soldiers", Baku said': the source's own forces did it
    if killers in sides and len(sides) == 2:
        return sides[1] if killers == sides[0] else sides[0]
    if own in sides:
        return own
    if figure.role == "civilian":
        # civilians are hurt where they live: in the sentence's town, else where the article's towns are
        place = _place(doc, sentence)
        if place is not None and place.place.kind != "country" and place.place.country:
            return place.place.country
        home = _home_country(doc)
        if home and (home in sides or not sides):
            return home
    if figure.kind == "killed" and figure.perpetrator is None and len(sides) == 2 and war:
        return " and ".join(sorted(sides))
    return None


def _sentence_sides(doc: Document, lexicon: Lexicon, sentence: Sentence) -> tuple[str | None, bool]:
    """The country the sentence says was attacked (its positions, troops or villages), and whether the
    sentence speaks of a war: read once per sentence, however many figures it holds."""
    lookups = _actor_lookups(doc)
    cached = lookups.get(("sides", sentence.index))
    if cached is None:
        target = None
        for match in _TARGET.finditer(doc.body, sentence.start, sentence.end):
            target = _country_of_word(lexicon, match.group("of") or match.group("who"))
            if target:
                break
        war = _WAR.search(doc.body, sentence.start, sentence.end) is not None
        cached = lookups[("sides", sentence.index)] = (target, war)
    return cached


def _country_of_word(lexicon: Lexicon, word: str) -> str | None:
    """'Armenian', 'Armenia', 'Armenia’s' → Armenia."""
    if word in lexicon.demonyms:
        return lexicon.demonyms[word]
    bare = _POSSESSIVE.sub("", word)
    if bare in lexicon.countries:
        return bare
    return lexicon.demonyms.get(bare)


def _belligerents(doc: Document) -> tuple[str, ...]:
    """The two countries the document names most often (its conflict's sides), most named first."""
    lookups = _actor_lookups(doc)
    if "belligerents" not in lookups:
        named = Counter(m.country for m in doc.actors if m.country)
        lookups["belligerents"] = tuple(country for country, _ in named.most_common(2))
    return lookups["belligerents"]


def _home_country(doc: Document) -> str | None:
    """The country most of the document's towns, villages and provinces are in."""
    lookups = _actor_lookups(doc)
    if "home" not in lookups:
        named = Counter(p.place.country for p in doc.places if p.place.kind != "country" and p.place.country)
        lookups["home"] = named.most_common(1)[0][0] if named else None
    return lookups["home"]


class _Restatements:
    """Casualty figures told once each: a later figure of the same kind and number, whose side, role and
    day do not differ, restates an earlier one and only adds what the earlier one did not say."""

    def __init__(self) -> None:
        self.figures: list[CasualtyFigure] = []
        self._told: dict[tuple[str, int | None], dict[str | None, int]] = {}  # (kind, number) → side → index

    def add(self, casualty: CasualtyFigure, another: bool) -> None:
        told = self._told.setdefault((casualty.kind, _number(casualty.count)), {})
        # the sides a figure is told for are few (two countries, both, unknown): this look is short
        earlier = (
            None
            if another
            else max(
                (i for side, i in told.items() if self._restates(casualty, side, self.figures[i])),
                default=None,
            )
        )
        if earlier is None:
            told[casualty.side] = len(self.figures)
            self.figures.append(casualty)
            return
        first = self.figures[earlier]
        merged = _merged(first, casualty)
        self.figures[earlier] = merged
        if merged.side != first.side:
            told.pop(first.side, None)
            told[merged.side] = earlier

    @staticmethod
    def _restates(casualty: CasualtyFigure, side: str | None, earlier: CasualtyFigure) -> bool:
        if earlier.sentence_index == casualty.sentence_index:
            return False  # one sentence states each of its figures once
        if side is not None and casualty.side is not None and side != casualty.side:
            return False
        if "unknown" not in (earlier.role, casualty.role) and earlier.role != casualty.role:
            return False
        if earlier.admin1 and casualty.admin1 and earlier.admin1 != casualty.admin1:
            return False  # the same count in two provinces: two incidents (a town restates its province)
        one, two = earlier.dating, casualty.dating
        return not (one.precision == two.precision == "day" and one.date_start != two.date_start)


def _number(count: Count) -> int | None:
    """The figure's one number: the count, else its lower bound, else its upper bound."""
    return count.count if count.count is not None else count.low if count.low is not None else count.high


def _merged(first: CasualtyFigure, again: CasualtyFigure) -> CasualtyFigure:
    """The first telling of a figure with what a restatement adds (its side, role, source, place or date)."""
    local = first.location is not None or first.admin1 is not None
    return replace(
        first,
        side=first.side or again.side,
        role=first.role if first.role != "unknown" else again.role,
        perpetrator=first.perpetrator or again.perpetrator,
        claimed_by=first.claimed_by or again.claimed_by,
        admin1=first.admin1 if local else again.admin1,
        location=first.location if local else again.location,
        dating=again.dating if first.dating.precision == "unknown" else first.dating,
    )


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
    """Active voice: 'killing one person', 'capturing 12', 'killed three Armenian soldiers'; a toll: 'the
    death toll has risen to 105'."""
    toll = _TOLL.search(body, max(start, number_start - 100), number_start)
    if toll:
        return toll
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
            agent = after[0]
            break
    for figure in figures:
        if not figure.kind:
            continue
        perpetrator = agent if agent is not None else _active_subject(doc, sentence, figure)
        if perpetrator is None and body.endswith("ing", figure.kind_start, figure.kind_end):
            perpetrator = _subject_force(doc, sentence, figure)
        if perpetrator is None:
            continue
        own = lexicon.forces.get(figure.side) if figure.side else None
        if perpetrator.name == figure.side or (own and perpetrator.name == own.name):
            continue  # the victims' own side named before the verb is not who caused it
        figure.perpetrator, figure.perpetrator_country = perpetrator.name, perpetrator.country or None


def _active_subject(doc: Document, sentence: Sentence, figure: _Figure) -> Mention | None:
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
            return mention
        i -= 1
    return None


def _subject_force(doc: Document, sentence: Sentence, figure: _Figure) -> Mention | None:
    """'Azerbaijani forces shelled the village on Monday, killing two people': the armed forces opening
    the sentence are the subject of its '-ing' clause too."""
    actors = doc.actors
    i = bisect_left(actors, sentence.start, key=lambda m: m.start)
    if i == len(actors) or actors[i].end > figure.kind_start or actors[i].kind != "armed forces":
        return None
    opening = doc.body[sentence.start : actors[i].start]
    return actors[i] if len(opening.split()) <= 1 else None  # 'The Azerbaijani army', not a later clause's


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
    # the day, week, month or year the figure is of ('in May' → May); else as of publication, unknown
    dated = dating.precision != "unknown" and dating.date_start is not None
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
        as_of=dating.date_start if dated else doc.published,
        as_of_precision=dating.precision if dated else "unknown",
        claimed_by=claimant,
        sentence_index=sentence.index,
        start=f.start,
        end=f.end,
        evidence=doc.body[f.start : f.end],
    )
