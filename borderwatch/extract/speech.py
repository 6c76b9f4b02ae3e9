"""Who is speaking: speech verbs, and resolving a speaker from the words around them.

Shared by the quote, figure and event stages: a speaker is a person or organisation mention,
a pronoun ('he') resolved to the last person named, or a definite description ('the ministry',
'the organization') resolved to the last matching actor named before it.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from borderwatch.extract import english
from borderwatch.extract.document import Document, Mention
from borderwatch.extract.scan import any_of

SPEECH_VERBS = "|".join(english.SPEECH_VERBS + english.MORE_SPEECH_VERBS)
# No verb above is another followed by a space, so the trie (any_of) matches what the alternation did.
SPEECH_VERB = re.compile(rf"(?P<verb>{any_of(SPEECH_VERBS.split('|'), word_start=True)})(?![\w-])")
AUDIENCE = re.compile(
    r"\s+(?P<audience>journalists|reporters|the press|the media|parliament|lawmakers|a news conference|"
    r"a press conference|a briefing|state media|state television|[A-Z][\w.]+(?:\s+[A-Z][\w.]+)?)"
)
# He, she, they, his, her: the first letter, then (?<![\w-].) (no word before it) and the rest of the word.
# Opening with a letter class lets `re` skip to those letters in C rather than try every position.
_PRONOUN = re.compile(r"[HhSsTt](?<![\w-].)(?:(?<=[Hh])(?:er?|is)|(?<=[Ss])he|(?<=[Tt])hey)(?![\w-])")
# 'it' right before a speech verb ('…,” it said.'): the organisation, state or force named last.
_IT = re.compile(r"(?<![\w-])([Ii]t)\s+(?:(?:also|later|further|then|has|had)\s+)?")
_IT_KINDS = ("organisation", "state", "armed forces", "group")
# As _PRONOUN: 'the', its first letter written before the check that no word precedes it.
_DESCRIPTION = re.compile(
    r"[Tt](?<![\w-].)he\s+(?:(?:Armenian|Azerbaijani|Russian|Turkish|defen[cs]e|foreign|interior|state|press|city|"
    r"village|local|regional|district|senior|government)\s+)*"
    r"(?P<head>(?i:ministry|organi[sz]ation|agency|alliance|bloc|office|statement|commission|council|"
    r"government|secretariat|service|spokes(?:man|woman|person)|source|military|army|mod|official(?!\s+[a-z])))(?![\w-])"
)
_HEAD_KINDS = {
    "ministry": ("organisation",),
    "mod": ("organisation",),
    "organization": ("organisation",),
    "organisation": ("organisation",),
    "alliance": ("organisation",),
    "bloc": ("organisation",),
    "secretariat": ("organisation",),
    "commission": ("organisation",),
    "council": ("organisation",),
    "agency": ("organisation",),
    "service": ("organisation",),
    "office": ("organisation", "person"),
    "statement": ("organisation", "state", "person"),
    "government": ("state",),
    "military": ("armed forces",),
    "official": ("person",),  # 'the city official': the person named before
    "army": ("armed forces",),
}
_MINISTRY_BRANCH = re.compile(r"(?i:foreign|defen[cs]e)")
_BRANCH_HINT = {"forei": "foreign", "defen": "defense"}
SPEAKER_KINDS = ("person", "organisation", "state", "group", "armed forces", "official")


@dataclass(frozen=True)
class Speaker:
    name: str
    text: str
    role: str
    organisation: str
    country: str
    kind: str
    start: int
    end: int

    @classmethod
    def of(
        cls, mention: Mention, text: str | None = None, start: int | None = None, end: int | None = None
    ) -> Speaker:
        org = mention.organisation or ("" if mention.kind == "person" else mention.name)
        return cls(
            mention.name,
            text if text is not None else mention.text,
            mention.role,
            org,
            mention.country,
            mention.kind,
            mention.start if start is None else start,
            mention.end if end is None else end,
        )


def last_actor_before(
    doc: Document, offset: int, kinds: tuple[str, ...], name_hint: str = "", outside_quotes: bool = False
) -> Mention | None:
    """The last actor mention of one of the kinds ending before offset (optionally whose name has a word,
    or only outside quotation marks: who is quoted, not whom the quote names)."""
    # The mentions read are those before the first one ending after offset (the first whose running
    # maximum of ends passes it); the last of them that fits wins. Which mentions fit is worked out once per
    # document and question, so that each look-up is two bisections, not a walk back over every mention.
    actors = doc.actors
    last = bisect_right(doc.running_max_end(actors), offset) - 1
    fitting = _fitting_actors(doc, kinds, name_hint, outside_quotes)
    i = bisect_right(fitting, last) - 1
    return actors[fitting[i]] if i >= 0 else None


_FITTING = threading.local()  # per thread: the document's lists of fitting mentions, by question


def _fitting_actors(doc: Document, kinds: tuple[str, ...], name_hint: str, outside_quotes: bool) -> list[int]:
    """Indices, in order, of doc.actors of one of the kinds (name with the hint; outside quotes if asked)."""
    # Valid while the document's mention and quote lists are the same objects with the same lengths.
    cached = getattr(_FITTING, "cache", None)
    if (
        cached is None
        or cached[0] is not doc.actors
        or cached[1] is not doc.quoted
        or cached[2] != (len(doc.actors), len(doc.quoted))
    ):
        cached = _FITTING.cache = (doc.actors, doc.quoted, (len(doc.actors), len(doc.quoted)), {})
    key = (kinds, name_hint, outside_quotes)
    fitting = cached[3].get(key)
    if fitting is None:
        hint = name_hint.lower()
        fitting = cached[3][key] = [
            i
            for i, mention in enumerate(doc.actors)
            if mention.kind in kinds
            and (not hint or hint in mention.name.lower())
            and not (outside_quotes and doc.in_quote(mention.start))
        ]
    return fitting


_PLURAL_KINDS = ("armed forces", "group", "state", "organisation")


def pronoun_referent(doc: Document, offset: int, pronoun: str) -> Mention | None:
    """He/she/his/her: the last person named; they: the last forces, group, state or organisation named
    outside quotation marks (a person only when none is)."""
    if pronoun.lower() == "they":
        return last_actor_before(doc, offset, _PLURAL_KINDS, outside_quotes=True) or last_actor_before(
            doc, offset, ("person",)
        )
    return last_actor_before(doc, offset, ("person",))


def speaker_in(doc: Document, start: int, end: int, prefer_last: bool = False) -> Speaker | None:
    """The speaker named in body[start:end]: an actor mention, a pronoun or a definite description."""
    # A stage may ask about many long windows of one sentence (one per quote or verb): reading each window
    # again would be quadratic, so a long one is answered from the document's candidates, found once.
    if end - start > _SHORT_WINDOW and _neutral_bounds(doc.body, start, end):
        return _speaker_indexed(doc, start, end, prefer_last)
    return _speaker_read(doc, start, end, prefer_last)


_SHORT_WINDOW = 200  # characters: a window this short is read whole, which costs less than the look-ups


def _speaker_read(doc: Document, start: int, end: int, prefer_last: bool) -> Speaker | None:
    """speaker_in, reading the window."""
    # (offset, Speaker.of arguments): only the speaker chosen is built.
    candidates: list[tuple[int, tuple]] = [
        (mention.start, (mention,))
        for mention in doc.within(doc.actors, start, end)
        if mention.kind in SPEAKER_KINDS
    ]
    text = doc.body[start:end]
    for match in _PRONOUN.finditer(text):
        person = pronoun_referent(doc, start + match.start(), match.group())
        if person:
            candidates.append(
                (start + match.start(), (person, match.group(), start + match.start(), start + match.end()))
            )
    for match in _IT.finditer(text):
        if SPEECH_VERB.match(doc.body, start + match.end()):
            body_actor = it_referent(doc, start + match.start())
            if body_actor:
                candidates.append(
                    (
                        start + match.start(),
                        (body_actor, match.group(1), start + match.start(), start + match.start() + 2),
                    )
                )
    for match in _DESCRIPTION.finditer(text):
        resolved = resolve_description(doc, start + match.start(), match.group("head"), match.group())
        if resolved:
            candidates.append(
                (start + match.start(), (resolved, match.group(), start + match.start(), start + match.end()))
            )
    if not candidates:
        return None
    candidates.sort(key=lambda c: c[0])
    # Prefer a person named with a role over the organisation written before the role.
    persons = [c for c in candidates if c[1][0].kind == "person"]
    pool = persons or candidates
    return Speaker.of(*(pool[-1] if prefer_last else pool[0])[1])


# The categories of candidates, in the order speaker_in lists them (which breaks ties at one offset).
_MENTIONS, _PRONOUNS, _ITS, _DESCRIPTIONS = range(4)
_PATTERN_START = frozenset("HhSsTtIi")  # the letters a pronoun, 'it' or 'the' starts with


def _neutral_bounds(body: str, start: int, end: int) -> bool:
    """Whether the patterns find in body[start:end] exactly the matches they find in the whole body that lie
    inside it.

    A match at an edge can differ only where a look-around sees past the edge: where a word or hyphen comes
    before a letter a pattern starts with, where a word character is followed by a word character or hyphen,
    or where the space after 'it' goes on past the end. Elsewhere no match crosses an edge either, and no
    match lies inside another of the same pattern, so the whole body's matches hide none of the window's.
    """
    if start > 0 and _word_or_hyphen(body[start - 1]) and body[start] in _PATTERN_START:
        return False
    if end < len(body):
        before, after = body[end - 1], body[end]
        if (before.isalnum() or before == "_") and _word_or_hyphen(after):
            return False
        if before.isspace() and after.isspace():
            return False
    return True


def _word_or_hyphen(char: str) -> bool:
    """What `[\\w-]` matches."""
    return char.isalnum() or char in "_-"


@dataclass
class _Listed:
    """Candidates of one category, in text order: start and end offsets and Speaker.of arguments."""

    starts: list[int]
    ends: list[int]
    args: list[tuple]

    def first(self, start: int, end: int) -> int | None:
        """The first candidate inside [start, end), if any."""
        i = bisect_left(self.starts, start)
        while i < len(self.starts) and self.starts[i] < end:
            if self.ends[i] <= end:
                return i
            i += 1
        return None

    def last(self, start: int, end: int) -> int | None:
        """The last candidate inside [start, end), if any."""
        i = bisect_left(self.starts, end) - 1
        while i >= 0 and self.starts[i] >= start:
            if self.ends[i] <= end:
                return i
            i -= 1
        return None


def _listed(items: list[tuple[int, int, tuple]]) -> _Listed:
    return _Listed([s for s, _, _ in items], [e for _, e, _ in items], [a for _, _, a in items])


_CANDIDATES = threading.local()  # per thread: the document's candidates, (all, persons only) per category


def _document_candidates(doc: Document) -> list[tuple[_Listed, _Listed]]:
    """Every candidate speaker of the document, found in the whole body as _speaker_read finds them."""
    cached = getattr(_CANDIDATES, "cache", None)
    if (
        cached is not None
        and cached[0] is doc.body
        and cached[1] is doc.actors
        and cached[2] is doc.quoted
        and cached[3] == (len(doc.actors), len(doc.quoted))
    ):
        return cached[4]
    body = doc.body
    found: list[list[tuple[int, int, tuple]]] = [[], [], [], []]
    for mention in doc.actors:
        if mention.kind in SPEAKER_KINDS:
            found[_MENTIONS].append((mention.start, mention.end, (mention,)))
    for match in _PRONOUN.finditer(body):
        person = pronoun_referent(doc, match.start(), match.group())
        if person:
            found[_PRONOUNS].append(
                (match.start(), match.end(), (person, match.group(), match.start(), match.end()))
            )
    for match in _IT.finditer(body):
        if SPEECH_VERB.match(body, match.end()):
            body_actor = it_referent(doc, match.start())
            if body_actor:
                found[_ITS].append(
                    (
                        match.start(),
                        match.end(),
                        (body_actor, match.group(1), match.start(), match.start() + 2),
                    )
                )
    for match in _DESCRIPTION.finditer(body):
        resolved = resolve_description(doc, match.start(), match.group("head"), match.group())
        if resolved:
            found[_DESCRIPTIONS].append(
                (match.start(), match.end(), (resolved, match.group(), match.start(), match.end()))
            )
    lists = [(_listed(items), _listed([c for c in items if c[2][0].kind == "person"])) for items in found]
    _CANDIDATES.cache = (body, doc.actors, doc.quoted, (len(doc.actors), len(doc.quoted)), lists)
    return lists


def _speaker_indexed(doc: Document, start: int, end: int, prefer_last: bool) -> Speaker | None:
    """speaker_in, from the document's candidates (the window's edges must be neutral)."""
    lists = _document_candidates(doc)
    for persons_only in (True, False):  # a person first, as _speaker_read prefers
        chosen: tuple[int, int, int, tuple] | None = None
        for category, pair in enumerate(lists):
            listed = pair[0 if not persons_only else 1]
            i = listed.last(start, end) if prefer_last else listed.first(start, end)
            if i is None:
                continue
            key = (listed.starts[i], category, i, listed.args[i])
            if chosen is None or (key[:3] > chosen[:3] if prefer_last else key[:3] < chosen[:3]):
                chosen = key
        if chosen is not None:
            return Speaker.of(*chosen[3])
    return None


def resolve_description(doc: Document, offset: int, head: str, words: str) -> Mention | None:
    """'the ministry' → the last ministry named before; 'the organization' → the last organisation (named
    outside quotation marks: who is quoted, not whom the quote names)."""
    head = head.lower()
    if head.startswith("spokes") or head == "source":
        return None
    kinds = _HEAD_KINDS.get(head, ("organisation",))
    if head == "statement":
        # 'reads the statement': the statement named before is whoever issued it ('X posted a statement')
        issued = doc.body.rfind("statement", 0, offset)
        if issued >= 0:
            issuer = last_actor_before(doc, issued, kinds, outside_quotes=True)
            if issuer is not None:
                return issuer
    hint = "ministry" if head in ("ministry", "mod") else ""
    mention = None
    # 'the foreign ministry' is the last foreign ministry named, not the defence ministry named after it.
    branch = _MINISTRY_BRANCH.search(words)
    if hint and branch:
        mention = last_actor_before(
            doc, offset, kinds, _BRANCH_HINT[branch.group().lower()[:5]], outside_quotes=True
        )
    mention = mention or last_actor_before(doc, offset, kinds, hint, outside_quotes=True)
    if mention is None and hint:
        mention = last_actor_before(doc, offset, ("organisation",), outside_quotes=True)
    if mention is None and hint:
        # A ministry no earlier text names is the ministry of the state last heard speaking
        # ('Armenia is reporting …' … 'the foreign ministry said').
        mention = _last_speaking_state(doc, offset)
    return mention


_SPEAKING = threading.local()  # per thread: the document's states written just before a speech verb
_STATE_SPEAKS = re.compile(r"\s+(?:(?:is|was|has|have|had|also|officially|later)\s+){0,2}")


def _last_speaking_state(doc: Document, offset: int) -> Mention | None:
    """The last state named outside quotation marks right before a speech verb ('Armenia said'), before offset."""
    return _last_speaking(doc, offset, ("state",))


def _last_speaking(doc: Document, offset: int, kinds: tuple[str, ...]) -> Mention | None:
    """The last actor of the kinds named outside quotation marks right before a speech verb, before offset."""
    cached = getattr(_SPEAKING, "cache", None)
    if cached is None or cached[0] is not doc.actors or cached[1] is not doc.quoted:
        body = doc.body
        speaking = []
        for mention in doc.actors:
            if doc.in_quote(mention.start):
                continue
            gap = _STATE_SPEAKS.match(body, mention.end)
            if gap and SPEECH_VERB.match(body, gap.end()):
                speaking.append(mention)
        cached = _SPEAKING.cache = (doc.actors, doc.quoted, speaking, {})
    by_kinds = cached[3].get(kinds)
    if by_kinds is None:
        fitting = [m for m in cached[2] if m.kind in kinds]
        by_kinds = cached[3][kinds] = ([m.end for m in fitting], fitting)
    i = bisect_right(by_kinds[0], offset) - 1
    return by_kinds[1][i] if i >= 0 else None


def it_referent(doc: Document, offset: int) -> Mention | None:
    """'It said': the last organisation, state or force named outside quotation marks, unless it was named
    in the statement of one heard speaking ('The ministry said Azerbaijani forces fired …'): the speaker."""
    named = last_actor_before(doc, offset, _IT_KINDS, outside_quotes=True)
    speaking = _last_speaking(doc, offset, _IT_KINDS)
    if named is None or speaking is None or named is speaking:
        return named
    if doc.sentence_at(named.start).index == doc.sentence_at(speaking.start).index:
        return speaking  # named after the speaker in its own sentence: what the statement is about
    return named
