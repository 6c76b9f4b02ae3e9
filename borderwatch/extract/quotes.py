"""Stage 4: direct quotes, partial quotes and reported speech, each with its speaker.

Speakers are found where wire copy puts them: after the quote ('…,” said Zas.', '…,” he said'),
before it ('He added: “…”', 'According to X, …'), in the sentence around a partial quote, or,
for a paragraph that is all quote, the speaker of the quote before it.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from itertools import accumulate, pairwise
from typing import NamedTuple, Protocol

from borderwatch.extract import budget
from borderwatch.extract.document import Document, Sentence, Span
from borderwatch.extract.english import (
    BOTH_SIDES,
    DAY_PARTS,
    NEEDS_THAT,
    REPORTING_VERBS,
    SOURCE_NOUNS,
    SPEAKER_VERB_FILLERS,
    STANCE_VERBS,
    TITLE_NOUNS,
)
from borderwatch.extract.lexicon import Lexicon
from borderwatch.extract.results import Quote
from borderwatch.extract.scan import any_of
from borderwatch.extract.speech import AUDIENCE, SPEECH_VERB, Speaker, last_actor_before, speaker_in
from borderwatch.extract.time import TimeMention

_OPEN_CLOSE = {"“": "”", '"': '"', "‘": "’", "«": "»", "„": "“", "''": "''"}
# An opening mark; ‘ only where no word or apostrophe comes before it. The lookbehind, after the mark, only
# ever applies to ‘; one character class first lets `re` skip from mark to mark in C.
# Also „…“ (closed by “ or ”) and two apostrophes ''…'' (typewriter copy), not after a word.
_QUOTE_MARK = re.compile(r"[“\"«‘„](?<![\w’']‘)|(?<![\w'])''(?=\w)")
_LOW_CLOSER = re.compile(r"[“”]")
_AS = re.compile(r"(?<![\w-])as(?![\w-])")
_CLOSERS = re.compile(r"[”\"’»“]|''")
_TITLE_WORDS = 5
_TITLE_AFTER = re.compile(r"['’]?\s*" + any_of(list(TITLE_NOUNS), word_start=True) + r"(?![\w-])")
_TITLE_BEFORE = re.compile(any_of(list(TITLE_NOUNS), word_start=True) + r"\s*$")
_ATTRIBUTION_GAP = 8  # words allowed between a quote and its speech verb
_MIN_REPORTED_WORDS = 3
_TRAILING_WORDS = 10  # longest attribution after a reported clause ('…, the Armenian Defense Ministry said.')
_TRAILING_EXTRA_WORDS = 4  # words allowed after the speaker and verb ('in a statement on Tuesday')
_ACCORDING_GAP = 4  # words allowed between 'according to' and the source's name ('a statement by the')
_VERB_IN_GAP = re.compile(r"(?<![\w-])(?:there|is|are|was|were|has|have|had)(?![\w-])", re.IGNORECASE)
_ACCORDING_TO = re.compile(any_of(["According to", "according to"], word_start=True) + r"\s+")
_CLAUSE_LEAD = re.compile(
    rf"(?:\s*(?:on|in|late on|early on)\s+\w+(?:\s+(?:{'|'.join(DAY_PARTS)}))?)?"
    r"\s*,?\s*(?:that\s+)?"
)
_ACCUSED_OF = re.compile(r"[^,.;]{1,60}?\bof\s+\w+ing\b")  # 'accused Baku’s military of opening fire'
_SINGLE_CLOSER = re.compile(r"’(?![\w])")
_CLAUSE_PUNCTUATION = re.compile(r"[,;.:]")
_CLAUSE_BREAK = re.compile(r";|,\s+(?:and|but|while)\s+|”|\"")
_THAT = re.compile(r"\bthat\s*$")
_NOT_A_CLAUSE = re.compile(r"(?:in|on|at|during|via|through)\s+(?:a|an|the|his|her|its|their)\b")
_TRAILING_HEAD_WORDS = (
    8  # words between the attribution's comma and its verb ('officials in the capital said')
)
_STANCE_VERB = re.compile(any_of(list(STANCE_VERBS), word_start=True) + r"(?![\w-])")
_PARTICIPLES = frozenset(
    ("adding", "saying", "accusing", "warning", "insisting", "claiming", "stressing", "noting")
)
# 'which he said was …', 'as she put it': a remark inside the sentence's own statement.
_RELATIVE_BEFORE = re.compile(r"(?<![\w-])(?:which|who|whom|what|[Aa]s)\s+(?:[^\s,]+\s+){1,3}$")
_STATEMENT_GAP = re.compile(r"(?i:statement|report|post|message|letter|release)\s*(?:that|which)?\s*$")
_AND_BEFORE = re.compile(r"(?<![\w-])and\s+(?:(?:also|then|later)\s+)?$")
_ADVERB_BEFORE = re.compile(r"(?<![\w-])\w{2,}ly\s+$")
# 'that' a few words after the verb: 'announced Monday that', 'said at the time that', 'told News.am that'.
_THAT_AHEAD = re.compile(r"(?:[^.;:“”\"«»]|\.(?=\S)){0,80}?(?<![\w-])(?P<that>that)\s+")
_THAT_GAP = 5  # words between the verb and its 'that'
_OBJECT_BREAK = re.compile(r";|,\s+(?:with|while|though|although|but|which)\s+")
_BOTH_SIDES = re.compile(any_of(list(BOTH_SIDES) + [w.capitalize() for w in BOTH_SIDES], word_start=True))
_BOTH_SIDES_LOOKBACK = 20
_ARTICLE = re.compile(r"(?:the|The|a|A|an|An)$")
_PHRASE_WORDS = 6
_APPOSITION_CHARS = 120
_APPOSITION_WORDS = 10  # words of an apposition ('deputy mayor of the town of Sotk')
_NOT_AN_OBJECT = re.compile(r"(?:for|to|as|in|on|at|from|by|with|back|into|that|which|who)(?![\w-])")
_NOT_A_STATEMENT = re.compile(
    r"(?:who|whom|whose|which|where|according to|how|whether|if|why|what|when)(?![\w-])", re.IGNORECASE
)
_NEGATED = re.compile(r"(?<![\w-])(?:not|never|n[’']t|no\s+longer)\s+(?:\w+\s+)?$")
_RELATIVE_WORDS = frozenset(("which", "who", "that", "as", "what", "whom", "where"))
_ABOUT_THIS = re.compile(r"(?<![\w-])(?:about|of)\s+(?:this|it|that)\W*$")
_TELLS_WHOM = frozenset(("informed", "informs"))  # their object is whom they tell: a statement needs 'that'
# Verbs a speaker may follow ('…, said the ministry'); others after a comma open a statement of their own.
_INVERTED_VERBS = frozenset(
    ("said", "says", "reported", "reports", "added", "adds", "wrote", "writes", "noted", "notes", "stated",
     "states", "explained", "continued", "announced", "claimed", "claims", "declared", "reads", "read")
)  # fmt: skip
_CLAUSE_COMMA = re.compile(r",\s")  # a comma between words, not in a figure ('1,000')
_CITING = re.compile(r",?\s*(?:citing|quoting|with reference to|referring to)\s+")
_VERBS_PER_SENTENCE = 8
_SUBJECT_REACH = 80  # characters before a verb read for a subject phrase
_SUBJECT_PRONOUNS = frozenset(("it", "he", "she", "they", "we", "I", "there", "that"))
_NOT_SUBJECT = frozenset(
    ("On", "In", "At", "After", "Before", "During", "While", "When", "If", "It", "He", "She", "They", "We", "I",
     "This", "That", "These", "There", "But", "And", "As", "Meanwhile", "However", "Which", "Who")
)  # fmt: skip


def find_quoted(body: str, paragraphs: list[Span]) -> list[Span]:
    """Spans inside quotation marks (marks excluded); an unclosed quote runs to its paragraph's end."""
    spans: list[Span] = []
    carried = ""  # the mark of a quote the previous paragraph left open
    for para in paragraphs:
        pos = para.start
        singles = _SingleQuotes(body, para)
        continued = _continued(body, para, carried)
        carried = ""
        if continued is not None:
            # The quote goes on from the paragraph before without a new opening mark, to this closer.
            spans.append(Span(para.start, continued))
            pos = continued + 1
        while True:
            opener = _QUOTE_MARK.search(body, pos, para.end)
            if not opener:
                break
            mark = opener.group()
            if mark == "‘":
                closer = singles.closer(opener.end())
            else:
                closer = _find_closer(body, opener.end(), para.end, mark)
            end = closer if closer is not None else para.end
            if mark == "‘" and singles.words(opener.end(), end) < 2:
                pos = opener.end()  # an apostrophe-like single quote, not a quotation
                continue
            if end > opener.end():
                spans.append(Span(opener.end(), end))
            if closer is None:
                carried = mark
            pos = end + len(_OPEN_CLOSE[mark])
    return spans


def _continued(body: str, para: Span, carried: str) -> int | None:
    """Where a quote left open by the paragraph before closes in this one, when this paragraph opens with
    no mark of its own and its first mark is the closer (a paragraph-spanning quotation); else None."""
    if not carried or carried == "‘" or body[para.start] in _OPEN_CLOSE:
        return None
    closer = _OPEN_CLOSE[carried]
    end = body.find(closer, para.start, para.end)
    if end < 0:
        return None
    if carried == '"':
        # A straight mark both opens and closes: the first closes only if the paragraph's count is odd.
        return end if body.count('"', para.start, para.end) % 2 == 1 else None
    opener = body.find(carried, para.start, end)
    return end if opener < 0 else None


class _SingleQuotes:
    """The closer and word count after each opening single quote of a paragraph, openers taken in order.

    A single quote read as an apostrophe leaves the search at the next mark, so a paragraph of many single
    quotes would be read to its end (or its closer) once for each: the closer found is kept for the openers
    before it, and words are counted from the paragraph's word starts, listed once.
    """

    def __init__(self, body: str, para: Span):
        self.body, self.para = body, para
        self.searched_from, self.found = -1, None
        self.word_starts: list[int] | None = None

    def closer(self, start: int) -> int | None:
        """_find_closer(body, start, paragraph end, '‘'), for starts that only grow."""
        if not (0 <= self.searched_from <= start and (self.found is None or start <= self.found)):
            self.searched_from = start
            self.found = _find_closer(self.body, start, self.para.end, "‘")
        return self.found

    def words(self, start: int, end: int) -> int:
        """len(body[start:end].split()), for a span inside the paragraph."""
        if start >= end:
            return 0
        if self.word_starts is None:
            text = self.body[self.para.start : self.para.end]
            self.word_starts = [self.para.start + m.start() for m in _WORD_RUN.finditer(text)]
        starts = self.word_starts
        return bisect_left(starts, end) - bisect_right(starts, start) + (not self.body[start].isspace())


def _find_closer(body: str, start: int, stop: int, mark: str) -> int | None:
    close = _OPEN_CLOSE[mark]
    if mark == "‘":
        match = _SINGLE_CLOSER.search(body, start, stop)
        return match.start() if match else None
    if mark == "„":
        match = _LOW_CLOSER.search(body, start, stop)
        return match.start() if match else None
    index = body.find(close, start, stop)
    return index if index >= 0 else None


def _cut_off(body: str, raw: Span) -> bool:
    """A single word after an opening mark that never closes: a quotation cut off, nothing yet quoted."""
    closed = body[raw.end : raw.end + 1] in ("”", '"', "’", "»", "“", "'")
    return not closed and len(body[raw.start : raw.end].split()) <= 1


def _title(body: str, raw: Span) -> bool:
    """A quoted name of an outlet or a document ('the “Azatamart” news agency reported'): capitalised words
    with a title noun right after the closer or right before the opener."""
    words = body[raw.start : raw.end].split()
    if not 1 <= len(words) <= _TITLE_WORDS or not all(w[:1].isupper() or not w[:1].isalpha() for w in words):
        return False
    after = _TITLE_AFTER.match(body, min(raw.end + 1, len(body)))
    before = _TITLE_BEFORE.search(body, max(0, raw.start - 30), max(0, raw.start - 1))
    return after is not None or before is not None


def _trim(body: str, span: Span) -> Span:
    """Drop surrounding spaces and the attribution comma ('…peacefully,”' → '…peacefully')."""
    start, end = span.start, span.end
    while start < end and body[start].isspace():
        start += 1
    while end > start and (body[end - 1].isspace() or body[end - 1] in ",;"):
        end -= 1
    return Span(start, end)


def extract_quotes(doc: Document, lexicon: Lexicon) -> list[Quote]:
    """Quotes in text order; also records the quoted spans on the document."""
    body = doc.body
    doc.quoted = find_quoted(body, doc.paragraphs)
    found: list[Quote] = []
    direct_sentences: set[int] = set()
    for raw in doc.quoted:
        budget.check()
        span = _trim(body, raw)
        if span.end <= span.start or _cut_off(body, raw) or _title(body, raw):
            continue
        # The opening mark's sentence; a paragraph-spanning quote's continuation has no mark of its own.
        marked = raw.start > 0 and body[raw.start - 1] in _OPEN_CLOSE
        sentence = doc.sentence_at(raw.start - 1 if marked else raw.start)
        speaker, verb, kind = _attribute(doc, raw, sentence)
        split = _second_half(doc, found, raw, sentence)
        if kind == "partial" and split is not None:
            kind = "direct"  # '“We are ready,” he said, “but not under pressure.”': one quote split in two
        if kind == "direct":
            direct_sentences.add(sentence.index)
        quote = _quote(doc, lexicon, span, sentence, speaker, verb, kind, exclude=[raw])
        if split is not None and split.speaker:
            quote = _spoken_as(quote, split)
        found.append(quote)
    for sentence in doc.sentences:
        budget.check()
        for clause, speaker, verb in _reported(doc, sentence, sentence.index in direct_sentences):
            found.append(_quote(doc, lexicon, clause, sentence, speaker, verb, "reported", exclude=[clause]))
        before = _told_about_this(doc, sentence)
        if before:
            clause, speaker, verb = before
            previous = doc.sentences[sentence.index - 1]
            found.append(_quote(doc, lexicon, clause, previous, speaker, verb, "reported", exclude=[clause]))
    found.sort(key=lambda q: q.start)
    found = _inherit_speakers(doc, _continued_speakers(doc, _sentence_speakers(found)))
    return _inherit_dates(_headline_speaker(doc, found))


def _headline_speaker(doc: Document, quotes: list[Quote]) -> list[Quote]:
    """Quotes still without a speaker in an article whose headline names one person of the text ('X says
    …'): that person's."""
    if not doc.title or all(q.speaker for q in quotes):
        return quotes
    title_words = set(re.findall(r"[\w’'-]+", doc.title))
    named = {m.name: m for m in doc.actors if m.kind == "person" and m.name.split()[-1] in title_words}
    if len(named) != 1:
        return quotes
    person = next(iter(named.values()))
    speaker = Speaker.of(person)
    return [
        q
        if q.speaker or q.kind == "reported"
        else replace(q, speaker=speaker.name, speaker_text=speaker.text, speaker_role=speaker.role or None)
        for q in quotes
    ]


def _continued_speakers(doc: Document, quotes: list[Quote]) -> list[Quote]:
    """A quote left open at its paragraph's end is spoken by whoever the continuation's attribution names
    (the next paragraph going on with no mark, or opening a new one: the wire convention)."""
    result = list(quotes)
    for i in range(len(result) - 2, -1, -1):
        quote, after = result[i], result[i + 1]
        paragraph = doc.paragraphs[doc.sentences[after.sentence_index].paragraph]
        own = doc.paragraphs[doc.sentences[quote.sentence_index].paragraph]
        if (
            not quote.speaker
            and after.speaker
            and after.start - paragraph.start <= 1
            and own is not paragraph
            and not _CLOSERS.search(doc.body, quote.end, own.end)
            and after.kind != "reported"
        ):
            result[i] = _spoken_as(quote, after)
    return result


def _sentence_speakers(quotes: list[Quote]) -> list[Quote]:
    """A quote with no attribution in a sentence whose reported statement has a speaker is that speaker's
    ('Russia called on …, expressing “extreme concern”')."""
    told = {}
    for quote in quotes:
        if quote.kind == "reported" and quote.speaker:
            told.setdefault(quote.sentence_index, quote)
    return [
        replace(
            q,
            speaker=told[q.sentence_index].speaker,
            speaker_text=told[q.sentence_index].speaker_text,
            speaker_role=told[q.sentence_index].speaker_role,
            speaker_org=told[q.sentence_index].speaker_org,
        )
        if not q.speaker and q.sentence_index in told
        else q
        for q in quotes
    ]


def _attribute(doc: Document, raw: Span, sentence: Sentence) -> tuple[Speaker | None, str, str]:
    body = doc.body
    scan = _sentence_scan(doc, sentence)
    close_end = min(raw.end + 1, sentence.end)
    verb = scan.first_verb_from(close_end)
    # The verb may be anywhere in the rest of the sentence: the checks read only the gap up to it, and the mark
    # test first, because a gap holding no quotation mark is the gap of one quote only.
    if (
        verb
        and not _mark_in(body, close_end, verb.start)
        and scan.words_at_most(close_end, verb.start, _ATTRIBUTION_GAP)
    ):
        clause_end = scan.clause_end(verb.end)
        speaker = (
            speaker_in(doc, close_end, verb.start, prefer_last=True)
            or speaker_in(doc, verb.end, clause_end)
            or _name_speaker(body, close_end, verb.start)
        )
        if speaker:
            return speaker, verb.word, _kind(doc, raw, sentence, attributed_after=True)
    kind = _kind(doc, raw, sentence, attributed_after=False)
    v = scan.last_free_verb_before(raw.start - 1)
    if v:
        speaker = speaker_in(doc, sentence.start, v.start, prefer_last=True)
        if speaker is None and not _STANCE_VERB.match(body, v.start):
            speaker = speaker_in(
                doc, v.end, raw.start - 1
            )  # '“…” said the ministry' (not 'accused Baku “…”')
        if speaker:
            return speaker, v.word, kind
    according = scan.according
    if according and according.end() <= raw.start - 1 - sentence.start:
        speaker = speaker_in(doc, sentence.start + according.end(), raw.start - 1)
        if speaker:
            return speaker, "according to", kind
    # A partial quote's speaker is the subject of the sentence's speech verb, wherever it is.
    if kind == "partial" and verb:
        speaker = speaker_in(doc, close_end, verb.start, prefer_last=True)
        if speaker:
            return speaker, verb.word, kind
    # 'Mr Pashinyan “emphasised the importance …”': the subject right before the quoted predicate.
    # (Not after 'accused Baku “of …”': Baku is whom the words are about.)
    reach = max(sentence.start, raw.start - 1 - _SUBJECT_REACH)
    if v is None and not _STANCE_VERB.search(body, reach, raw.start):
        subject = speaker_in(doc, reach, raw.start - 1, prefer_last=True)
        if subject is not None and not body[subject.end : raw.start - 1].strip():
            return subject, "", kind
    return None, "", kind


def _spoken_as(quote: Quote, other: Quote) -> Quote:
    """The quote, said by whoever says the other one (and with its verb)."""
    return replace(
        quote,
        speaker=other.speaker,
        speaker_text=other.speaker_text,
        speaker_role=other.speaker_role,
        speaker_org=other.speaker_org,
        verb=other.verb,
    )


def _second_half(doc: Document, found: list[Quote], raw: Span, sentence: Sentence) -> Quote | None:
    """The direct quote this one continues, when only its attribution stands between them in the sentence."""
    if not found:
        return None
    before = found[-1]
    if before.kind != "direct" or before.sentence_index != sentence.index or before.end > raw.start:
        return None
    gap = doc.body[before.end : raw.start]
    if len(gap.split()) > _ATTRIBUTION_GAP or not SPEECH_VERB.search(gap):
        return None
    return before


def _name_speaker(body: str, start: int, end: int) -> Speaker | None:
    """'…,” Hajiyev said' / '…,” the spokeswoman, Aliyeva, said': a capitalised name no lexicon or earlier
    text knows, as written."""
    segments = [seg for seg in body[start:end].split(",") if seg.strip()]
    named = [seg for seg in segments if all(w[:1].isupper() for w in seg.split())]
    if len(segments) > 1 and len(named) == 1:
        start = body.find(named[0], start, end)
        end = start + len(named[0])
    words = body[start:end].split()
    if not 1 <= len(words) <= 3 or not all(w[:1].isupper() and w.strip(",.").isalpha() for w in words):
        return None
    if words[0].capitalize() in _NOT_SUBJECT:
        return None
    name = " ".join(w.strip(",") for w in words)
    offset = body.find(words[0], start, end)
    return Speaker(name, name, "", "", "", "person", offset, offset + len(words[0]))


def _mark_in(body: str, start: int, end: int) -> bool:
    """Whether _QUOTE_MARK finds a mark in body[start:end] (at start, it sees no character before)."""
    if start >= end:
        return False
    return body[start] in '“"«‘„' or _QUOTE_MARK.search(body, start, end) is not None


class _Verb(NamedTuple):  # a tuple: many are made, one per speech verb of a sentence with a quote
    start: int
    end: int
    word: str


class _SentenceScan:
    """What the quote stage reads of one sentence, read once: speech verbs, 'according to', words, clauses.

    Each quote of a sentence asks about the text after or before it; reading that text again for every quote
    would be quadratic in a sentence of many quotes (or verbs).
    """

    def __init__(self, doc: Document, sentence: Sentence):
        self.doc, self.sentence = doc, sentence
        text = doc.body[sentence.start : sentence.end]
        self.matches = list(SPEECH_VERB.finditer(text))
        self.according = _ACCORDING_TO.search(text)
        self._verbs: tuple[list[_Verb], list[int], list[_Verb], list[int]] | None = None
        self._word_starts: list[int] | None = None
        self._breaks: list[int] | None = None
        self._clause_from = self._clause_stop = -1
        self._tail: int | None = None
        self._days: list[TimeMention] | None = None
        self._told: int | None = None
        self._object_breaks: list[int] | None = None

    def first_verb_from(self, offset: int) -> _Verb | None:
        """SPEECH_VERB.search(body[offset:sentence.end]), as a verb of the sentence."""
        start = self.sentence.start
        if offset > start and _word_or_hyphen(self.doc.body[offset - 1]):
            # The verb's look-behind would see a word before offset: read the rest of the sentence as it is.
            match = SPEECH_VERB.search(self.doc.body[offset : self.sentence.end])
            return _Verb(offset + match.start(), offset + match.end(), match.group("verb")) if match else None
        verbs, starts, _, _ = self._listed_verbs()
        i = bisect_left(starts, offset)
        return verbs[i] if i < len(verbs) else None

    def last_free_verb_before(self, offset: int) -> _Verb | None:
        """The last verb outside quotation marks in body[sentence.start:offset] (offset is an opening mark)."""
        _, _, free, free_ends = self._listed_verbs()
        i = bisect_right(free_ends, offset) - 1
        return free[i] if i >= 0 else None

    def _listed_verbs(self) -> tuple[list[_Verb], list[int], list[_Verb], list[int]]:
        """The verbs with their starts, and those outside quotation marks with their ends (verbs do not
        overlap, so their ends are in order too); listed for the sentences that hold a quote only."""
        if self._verbs is None:
            start = self.sentence.start
            verbs = [_Verb(start + m.start(), start + m.end(), m.group("verb")) for m in self.matches]
            free = [v for v in verbs if not self.doc.in_quote(v.start)]
            self._verbs = (verbs, [v.start for v in verbs], free, [v.end for v in free])
        return self._verbs

    def words_at_most(self, start: int, end: int, n: int) -> bool:
        """len(body[start:end].split()) <= n, from the sentence's word starts."""
        return self._words(start, end) <= n

    def _words(self, start: int, end: int) -> int:
        if end - start <= _SHORT_SPAN:
            return len(self.doc.body[start:end].split()) if start < end else 0
        if self._word_starts is None:
            text = self.doc.body[self.sentence.start : self.sentence.end]
            self._word_starts = [self.sentence.start + m.start() for m in _WORD_RUN.finditer(text)]
        body, starts = self.doc.body, self._word_starts
        inside = bisect_left(starts, end) - bisect_right(starts, start)  # words starting after start
        return inside + (not body[start].isspace())

    def clause_end(self, start: int) -> int:
        """_clause_end(body, start, sentence.end), remembering the last answer for the starts before it."""
        stop = self.sentence.end
        if not (self._clause_from <= start <= self._clause_stop):
            self._clause_from, self._clause_stop = start, _clause_end(self.doc.body, start, stop)
        return self._clause_stop

    def previous_boundary(self, stop: int) -> int:
        """Start of the clause that ends at stop, a verb's start (after the last ';' or ', ' + conjunction)."""
        if self._breaks is None:
            self._breaks = [
                m.end() for m in _CLAUSE_BREAK.finditer(self.doc.body, self.sentence.start, self.sentence.end)
            ]
        i = bisect_right(self._breaks, stop) - 1
        return self._breaks[i] if i >= 0 else self.sentence.start

    def days_said(self) -> list[TimeMention]:
        """The sentence's time phrases outside quotation marks that name one day, in order."""
        if self._days is None:
            self._days = [
                time
                for time in self.doc.within(self.doc.times, self.sentence.start, self.sentence.end)
                if not self.doc.in_quote(time.start)
                and time.precision == "day"
                and time.date_start == time.date_end
            ]
        return self._days

    def object_stop(self, start: int) -> int:
        """Where a reported object from start ends: the sentence's end, or a following ';', ', with …',
        ', though …' clause (the breaks listed once per sentence)."""
        if self._object_breaks is None:
            body, sentence = self.doc.body, self.sentence
            self._object_breaks = [
                m.start() for m in _OBJECT_BREAK.finditer(body, sentence.start, sentence.end)
            ]
        i = bisect_left(self._object_breaks, start)
        return self._object_breaks[i] if i < len(self._object_breaks) else self.sentence.end

    def quote_opens_in(self, start: int, end: int) -> bool:
        """Whether a quoted span of the document opens inside [start, end)."""
        starts = _quoted_starts(self.doc)
        i = bisect_left(starts, start)
        return i < len(starts) and starts[i] <= end

    def told_at(self) -> int:
        """doc.body.find('told', sentence.start), found once."""
        if self._told is None:
            self._told = self.doc.body.find("told", self.sentence.start)
        return self._told

    def trim_reported(self, start: int) -> Span:
        """_trim_reported(body, start, sentence.end), the sentence's trailing marks trimmed once."""
        body, end = self.doc.body, self.sentence.end
        while start < end and (body[start].isspace() or body[start] in ",:"):
            start += 1
        if self._tail is None:
            self._tail = _trim_reported(body, self.sentence.start, end).end
        return Span(start, max(self._tail, start))


_WORD_RUN = re.compile(r"\S+")  # what str.split() returns
_SHORT_SPAN = 200  # characters: a span this short is split, which costs less than listing the words


def _word_or_hyphen(char: str) -> bool:
    """What `[\\w-]` matches."""
    return char.isalnum() or char in "_-"


_SCANS = threading.local()  # per thread: the document's sentence scans


_QUOTED_STARTS = threading.local()  # per thread: the starts of the document's quoted spans


def _quoted_starts(doc: Document) -> list[int]:
    """Where each quoted span of the document starts (its first character after the mark), in order."""
    cached = getattr(_QUOTED_STARTS, "cache", None)
    if cached is None or cached[0] is not doc.quoted or cached[1] != len(doc.quoted):
        cached = _QUOTED_STARTS.cache = (doc.quoted, len(doc.quoted), sorted(q.start for q in doc.quoted))
    return cached[2]


def _sentence_scan(doc: Document, sentence: Sentence) -> _SentenceScan:
    """The sentence's scan, made once per document and list of quoted spans."""
    cached = getattr(_SCANS, "cache", None)
    if cached is None or cached[0] is not doc or cached[1] is not doc.quoted:
        cached = _SCANS.cache = (doc, doc.quoted, {})
    scan = cached[2].get(sentence)
    if scan is None:
        scan = cached[2][sentence] = _SentenceScan(doc, sentence)
    return scan


def _clause_end(body: str, start: int, stop: int) -> int:
    match = _CLAUSE_PUNCTUATION.search(body, start, stop)
    return match.start() if match else stop


def _kind(doc: Document, raw: Span, sentence: Sentence, attributed_after: bool) -> str:
    body = doc.body
    text = body[raw.start : raw.end].strip()
    if not text:
        return "partial"
    # What comes before the opening mark in its sentence, read back from the mark to its last character only.
    lead_end = raw.start - (2 if body[max(0, raw.start - 2) : raw.start] == "''" else 1)
    while lead_end > sentence.start and body[lead_end - 1].isspace():
        lead_end -= 1
    starts_statement = text[0].isupper() or text[0] in "[…0123456789"
    at_start = lead_end <= sentence.start or body[lead_end - 1] in ':,”"'
    if starts_statement and (at_start or len(text.split()) >= 8):
        return "direct"
    return "partial"


def _inherit_speakers(doc: Document, quotes: list[Quote]) -> list[Quote]:
    """A quote with no attribution continues the speaker of the quote just before it (same or previous paragraph)."""
    result = []
    last = None
    for quote in quotes:
        if quote.speaker:
            last = quote
        elif last is not None and quote.kind == "direct":  # a scare-quoted term inherits no one
            here = doc.sentences[quote.sentence_index].paragraph
            there = doc.sentences[last.sentence_index].paragraph
            if here - there <= 1:
                quote = replace(
                    quote, speaker=last.speaker, speaker_role=last.speaker_role, speaker_org=last.speaker_org
                )
        result.append(quote)
    return result


def _reported(doc: Document, sentence: Sentence, has_direct: bool) -> list[tuple[Span, Speaker, str]]:
    """The reported statements of a sentence: after 'according to', before a trailing attribution, and after
    (or, for verbs like 'accused', from) each speech verb with its speaker before it."""
    scan = _sentence_scan(doc, sentence)
    found: list[tuple[Span, Speaker, str]] = []
    if not has_direct:
        # A trailing attribution names the speaker more surely than 'according to' the medium after it.
        trailing = _trailing_attribution(doc, sentence, scan.matches)
        according = scan.according
        if trailing:
            found.append(trailing)
        elif according and not doc.in_quote(sentence.start + according.start()):
            row = _according(doc, sentence, according)
            if row:
                found.append(row)
    # Each statement may run to the sentence's end: a sentence's verbs past the first few (more than wire
    # copy writes) are not read, so that the rows' text stays linear in the sentence.
    verbs = _free_verbs(doc, sentence, scan)[:_VERBS_PER_SENTENCE]
    previous: Speaker | None = None
    for i in range(len(verbs)):
        row = _verb_report(doc, sentence, scan, verbs, i, has_direct, previous)
        if row:
            previous = row[1]
            if not any(row[0].start == other[0].start for other in found):
                found.append(row)
    return found


class _FreeVerb(NamedTuple):
    start: int
    end: int
    word: str
    stance: bool  # the verb's object is the statement ('accused …'), told from the verb on


def _told_about_this(doc: Document, sentence: Sentence) -> tuple[Span, Speaker, str] | None:
    """'X informed the agency about this.' after a statement: the sentence before, told by X."""
    body = doc.body
    if sentence.index == 0 or not _ABOUT_THIS.search(body, sentence.start, sentence.end):
        return None
    previous = doc.sentences[sentence.index - 1]
    if previous.paragraph != sentence.paragraph or doc.in_quote(previous.start):
        return None
    scan = _sentence_scan(doc, sentence)
    verbs = [v for v in _free_verbs(doc, sentence, scan) if not v.stance]
    if not verbs:
        return None
    verb = verbs[0]
    speaker = speaker_in(doc, sentence.start, verb.start, prefer_last=True) or _phrase_speaker(
        body, sentence.start, verb.start
    )
    if speaker is None:
        return None
    clause = _trim_reported(body, previous.start, previous.end)
    if len(body[clause.start : clause.end].split()) < _MIN_REPORTED_WORDS:
        return None
    return clause, speaker, verb.word


def _free_verbs(doc: Document, sentence: Sentence, scan: _SentenceScan) -> list[_FreeVerb]:
    """The sentence's speech and stance verbs outside quotation marks, in order."""
    start = sentence.start
    text = doc.body[start : sentence.end]
    verbs = [_FreeVerb(start + m.start(), start + m.end(), m.group("verb"), False) for m in scan.matches]
    stance = [
        _FreeVerb(start + m.start(), start + m.end(), m.group(), True) for m in _STANCE_VERB.finditer(text)
    ]
    by_start = {v.start: v for v in verbs}
    by_start.update({v.start: v for v in stance})  # 'accused' is both: read as a stance verb
    return [v for _, v in sorted(by_start.items()) if not doc.in_quote(v.start)]


def _verb_report(
    doc: Document,
    sentence: Sentence,
    scan: _SentenceScan,
    verbs: list[_FreeVerb],
    i: int,
    has_direct: bool,
    previous: Speaker | None,
) -> tuple[Span, Speaker, str] | None:
    """The statement told by verbs[i] and its speaker, if the verb has both (previous: the speaker of the
    sentence's last statement, whom a coordinated verb continues: '… and warned that …')."""
    body = doc.body
    verb = verbs[i]
    window_start = max(sentence.start, scan.previous_boundary(verb.start))
    if _RELATIVE_BEFORE.search(body, max(window_start, verb.start - 40), verb.start):
        return None  # 'which he said was …': a remark inside another statement
    if _NEGATED.search(body, max(window_start, verb.start - 24), verb.start):
        return None  # 'officials have not said how many …': nothing said
    coordinated = previous is not None and _AND_BEFORE.search(
        body, max(sentence.start, verb.start - 20), verb.start
    )
    speaker = previous if coordinated else _subject(doc, sentence, scan, window_start, verb)
    if speaker is None:
        return None
    if verb.stance:
        clause = _stance_clause(doc, sentence, verbs, i)
        if verb.word.startswith("describ") and not _AS.search(body, clause.start, clause.end):
            return None  # 'described a night of fear': an account, not a stance ('described it as …')
    else:
        clause = _said_clause(doc, sentence, scan, verb, speaker, has_direct)
    # A reported figure may be two words ('announced 50 dead'); a statement has a subject and a verb.
    shortest = 2 if verb.word in REPORTING_VERBS else _MIN_REPORTED_WORDS
    if clause is None or scan.words_at_most(clause.start, clause.end, shortest - 1):
        return None
    if has_direct and scan.quote_opens_in(clause.start, clause.end):
        return None  # the quote is its own row; the statement here is only what is told outside it
    return clause, speaker, verb.word


def _subject(
    doc: Document, sentence: Sentence, scan: _SentenceScan, window_start: int, verb: _FreeVerb
) -> Speaker | None:
    """Who speaks with the verb: the actor just before it, the main clause's speaker for a participle after
    a comma ('…, adding that'), both sides named before, or the noun phrase before the verb."""
    body = doc.body
    appositive = _apposition_subject(doc, window_start, verb.start)
    if appositive is not None:
        return appositive
    speaker = speaker_in(doc, window_start, verb.start, prefer_last=True)
    if speaker is not None and _close(body, speaker.end, verb.start, scan):
        return speaker
    if verb.word in _PARTICIPLES and body[window_start : verb.start].rstrip().endswith(","):
        return speaker_in(doc, sentence.start, verb.start, prefer_last=True)
    # Both read only the last words before the verb: a subject phrase is short.
    near = max(window_start, verb.start - _SUBJECT_REACH)
    found = _both_sides(doc, near, verb.start) or _phrase_speaker(
        body, near, verb.start, whole=near == window_start
    )
    if found is None and window_start > sentence.start and verb.start - sentence.start <= _SUBJECT_REACH:
        # A quoted name in the subject ('The “Hetq” agency reported') closes a mark the window starts after.
        found = _phrase_speaker(body, sentence.start, verb.start)
    return found


def _apposition_subject(doc: Document, start: int, verb_start: int) -> Speaker | None:
    """'Hikmet Hajiyev, adviser to President Ilham Aliyev, said': the name before the apposition, not a name
    inside it; but 'The president’s aide, Hikmet Hajiyev, said': the name that is the apposition."""
    body = doc.body
    closing = body.rfind(",", start, verb_start)
    if closing < 0 or body[closing + 1 : verb_start].strip():
        return None  # no comma right before the verb: no apposition ends there
    opening = body.rfind(",", max(start, closing - _APPOSITION_CHARS), closing)
    if opening < 0 or len(body[opening + 1 : closing].split()) > _APPOSITION_WORDS:
        return None
    inside = speaker_in(doc, opening + 1, closing, prefer_last=False)
    if inside is not None and inside.kind == "person" and not body[opening + 1 : inside.start].strip():
        return inside  # the apposition is itself the name
    head_from = body.rfind(",", max(start, opening - _APPOSITION_CHARS), opening)
    head_from = max(start, head_from + 1)
    if len(body[head_from:opening].split()) > _PHRASE_WORDS:
        return None
    return speaker_in(doc, head_from, opening, prefer_last=True)


def _close(body: str, start: int, end: int, scan: _SentenceScan) -> bool:
    """Whether a speaker ending at start is the subject of the verb at end: a few words apart, or 'in a
    statement that' between them."""
    if scan.words_at_most(start, end, 3):
        return True
    gap = body[start:end]
    if len(gap) > _APPOSITION_CHARS:
        return False
    words = gap.split()
    # 'X, deputy mayor of the town, said': an apposition between commas
    apposition = (
        gap.lstrip().startswith(",") and gap.rstrip().endswith(",") and len(words) <= _APPOSITION_WORDS
    )
    return apposition or (len(words) <= 8 and _STATEMENT_GAP.search(gap) is not None)


def _stance_clause(doc: Document, sentence: Sentence, verbs: list[_FreeVerb], i: int) -> Span:
    """'accused Baku of …' up to the next verb's clause ('…, with Armenia claiming'), with the adverb
    before the verb ('strongly condemned')."""
    body = doc.body
    verb = verbs[i]
    start = verb.start
    adverb = _ADVERB_BEFORE.search(body, max(sentence.start, start - 20), start)
    if adverb:
        start = adverb.start()
    end = sentence.end
    if i + 1 < len(verbs):
        following = verbs[i + 1].start
        cut = max(body.rfind(",", verb.end, following), body.rfind(" and ", verb.end, following))
        if cut > verb.end:
            end = cut
    return _trim_reported(body, start, end)


def _said_clause(
    doc: Document,
    sentence: Sentence,
    scan: _SentenceScan,
    verb: _FreeVerb,
    speaker: Speaker,
    has_direct: bool,
) -> Span | None:
    """The clause after 'said (that)', 'told reporters (that)', 'announced Monday that', or the object of
    'reported' right after its speaker ('Armenia reported one dead')."""
    body = doc.body
    rest_start = verb.end
    audience = AUDIENCE.match(body, rest_start, sentence.end)
    if audience and verb.word in ("told", "tells"):
        rest_start = audience.end()
    that = _THAT_AHEAD.match(body, rest_start, sentence.end)
    if that and len(body[rest_start : that.start("that")].split()) <= _THAT_GAP:
        clause = scan.trim_reported(that.end())
    elif has_direct or verb.word in _TELLS_WHOM or _NOT_A_CLAUSE.match(body, rest_start + 1, sentence.end):
        # '…,” the ministry said in a statement on Tuesday': after a quote, only 'that' opens a statement
        return None
    else:
        lead = _CLAUSE_LEAD.match(body, rest_start, sentence.end)
        clause = scan.trim_reported(lead.end() if lead else rest_start)
        if verb.word in NEEDS_THAT:
            adjacent = all(_is_filler(w) for w in body[speaker.end : verb.start].split())
            if verb.word not in REPORTING_VERBS or not adjacent or body[verb.end : verb.end + 1] != " ":
                return None  # 'reported clashes' after a speaker far back, 'wrote' + object: not a statement
            clause = _trim_reported(body, verb.end, scan.object_stop(verb.end))
            if _NOT_AN_OBJECT.match(body, clause.start, clause.end):
                return None  # 'reported for duty', 'reported as closed': no statement
    if clause.start >= clause.end or _NOT_A_CLAUSE.match(body, clause.start, clause.end):
        return None
    if _NOT_A_STATEMENT.match(body, clause.start, clause.end):
        return None  # 'member states who are …', 'said on Wednesday, according to …'
    if (
        body[clause.start] in '“"‘«'
        or SPEECH_VERB.match(body, clause.start)
        or _STANCE_VERB.match(body, clause.start)
    ):
        return None
    return clause


def _is_filler(word: str) -> bool:
    word = word.strip(",").lower()
    return word in SPEAKER_VERB_FILLERS or (word.endswith("ly") and len(word) > 3)


def _both_sides(doc: Document, start: int, end: int) -> Speaker | None:
    """'Both sides' / 'the two countries': the last two states named by the end of the paragraph, in text
    order ('Both sides accused each other …, with Armenia claiming that Azerbaijan …')."""
    match = _BOTH_SIDES.search(doc.body, start, end)
    if not match:
        return None
    paragraph = doc.paragraphs[doc.sentence_at(match.start()).paragraph]
    last = last_actor_before(doc, paragraph.end, ("state",))
    other = last
    for _ in range(_BOTH_SIDES_LOOKBACK):  # past repeated mentions of the same state, a bounded walk
        if other is None or other.name != last.name:
            break
        other = last_actor_before(doc, other.start, ("state",))
    if last is None or other is None or other.name == last.name:
        return None
    name = f"{other.name} and {last.name}"
    return Speaker(name, match.group(), "", "", "", "group", match.start(), match.end())


def _phrase_speaker(body: str, start: int, end: int, whole: bool = True) -> Speaker | None:
    """A speaker no lexicon names: the short noun phrase before the verb ('Locals', 'a Sputnik
    correspondent', 'The Massis city council'), its apposition and fillers dropped (whole: the window
    starts where the clause does; if not, a phrase running to its start is cut and refused)."""
    segments = body[start:end].split(",")
    closed = False  # whether the last words are followed by a comma: an apposition's closing one
    while segments and all(_is_filler(w) for w in segments[-1].split()):
        segments.pop()
        closed = True
    if not segments:
        return None
    chosen = len(segments) - 1
    first = segments[chosen].split()[0] if segments[chosen].split() else ""
    if closed and chosen > 0 and (_ARTICLE.match(first) or first.lower() in _RELATIVE_WORDS):
        chosen -= 1  # 'Anna Smith, an MP,': the name, not its apposition
    if chosen == 0 and not whole:
        return None
    phrase = segments[chosen]
    words = [w.strip('“”"«»„') for w in phrase.split()]  # 'The “Hetq” agency': the name without marks
    words = [w for w in words if w]
    while words and _is_filler(words[-1]):
        words.pop()
    if not 1 <= len(words) <= _PHRASE_WORDS or words[0].capitalize() in _NOT_SUBJECT:
        return None
    if _ARTICLE.match(words[0]):
        words = words[1:]
    if not words or not words[0][:1].isalpha():
        return None
    named = any(w[:1].isupper() for w in words) or _ARTICLE.match(phrase.split()[0])
    if not named and not any(w.lower() in SOURCE_NOUNS for w in words):
        return None  # a bare lower-case phrase is the sentence's own words, not a named source
    text = " ".join(words)
    offset = body.find(words[0], start, end)
    return Speaker(text, text, "", "", "", "group", offset, offset + len(words[0]))


def _trailing_attribution(
    doc: Document, sentence: Sentence, verbs: list[re.Match[str]]
) -> tuple[Span, Speaker, str] | None:
    """'Two villages lost power, Armenian officials said.' / '…, said the ministry.' / '…, a correspondent
    reported on Wednesday.' / '…,” the ministry reports.' after a partial quote.

    verbs: the speech verbs of the sentence's text, in order (no verb holds a comma).
    """
    body = doc.body
    if body[sentence.start] in '“"‘«':
        return None
    free = [v for v in verbs if not doc.in_quote(sentence.start + v.start())]
    limit = sentence.end
    if free and free[-1].group("verb") in _PARTICIPLES:
        # '…, officials said, adding that …': the attribution ends at the participle's comma
        before = body.rfind(",", sentence.start, sentence.start + free[-1].start())
        if before >= 0 and not body[before + 1 : sentence.start + free[-1].start()].strip():
            limit, free = before, free[:-1]
    if not free:
        return None
    comma = body.rfind(",", sentence.start, sentence.start + free[-1].start())
    # The attribution's verb is the first after that comma ('…, said media reports and a source').
    verb = next(v for v in free if sentence.start + v.start() > comma)
    v_start, v_end = sentence.start + verb.start(), sentence.start + verb.end()
    if comma < 0 or (doc.in_quote(comma) and body[comma + 1 : comma + 2] not in ("”", '"', "’", "»")):
        return None
    head_start = comma + 2 if doc.in_quote(comma) else comma + 1
    head = body[head_start:v_start]
    if len(head.split()) > _TRAILING_HEAD_WORDS or _QUOTE_MARK.search(head):
        return None
    if head.split() and head.split()[0].lower() in _RELATIVE_WORDS:
        return None  # '…, which he said was a necessity': a remark on the words before, not their source
    # '…, Aram Sargsyan, deputy mayor of the town, told reporters': the name before the apposition
    appositive = None if head.split() else _appositive_speaker(doc, sentence, comma)
    inverted = not head.split() and appositive is None
    if inverted and verb.group("verb") not in _INVERTED_VERBS:
        return None  # '…, meanwhile, accused Baku of …': the verb opens a statement, it attributes none
    after_stop = body.find(",", v_end, limit)
    after_stop = limit if after_stop < 0 else after_stop
    audience = AUDIENCE.match(body, v_end, after_stop) if verb.group("verb") in ("told", "tells") else None
    after = body[audience.end() if audience else v_end : after_stop].split()
    if len(after) > _TRAILING_EXTRA_WORDS + (6 if inverted else 0) or _SUBJECT_PRONOUNS & set(after):
        return None  # '…, she told reporters it must stop': a statement of its own after the verb
    if _VERB_IN_GAP.search(" ".join(after)):
        return None  # '…, the ministry said two soldiers were killed': the statement follows the verb
    speaker = _cited(doc, after_stop, sentence.end)
    if speaker is None and appositive is not None:
        speaker, comma = appositive
    speaker = speaker or _trailing_speaker(doc, head_start, v_start, v_end, after_stop)
    if speaker is None:
        return None
    clause = _trim_reported(body, sentence.start, comma)
    if len(body[clause.start : clause.end].split()) < _MIN_REPORTED_WORDS or _NOT_A_CLAUSE.match(
        body, clause.start, clause.end
    ):
        return None  # 'In a statement, the ministry said …': a phrase, not a statement
    return clause, speaker, verb.group("verb")


def _cited(doc: Document, start: int, end: int) -> Speaker | None:
    """The person an outlet cites after its verb ('…, News.am reports, citing the village head X'): the
    speaker of the statement, rather than the outlet."""
    body = doc.body
    citing = _CITING.match(body, start, end)
    if citing is None:
        return None
    stop = body.find(",", citing.end(), end)
    stop = _trim_reported(body, citing.end(), end if stop < 0 else stop).end
    return speaker_in(doc, citing.end(), stop, prefer_last=True) or _phrase_speaker(body, citing.end(), stop)


def _appositive_speaker(doc: Document, sentence: Sentence, comma: int) -> tuple[Speaker, int] | None:
    """'…, Aram Sargsyan, deputy mayor of the town, reported.': the name before the apposition, and the
    comma where the statement ends."""
    body = doc.body
    before = body.rfind(",", sentence.start, comma)  # the comma opening the apposition
    if before < 0 or len(body[before + 1 : comma].split()) > _APPOSITION_WORDS:
        return None
    opening = body.rfind(",", sentence.start, before)  # the comma before the name
    if opening < 0 or len(body[opening + 1 : before].split()) > _PHRASE_WORDS:
        return None
    speaker = speaker_in(doc, opening + 1, before, prefer_last=True) or _phrase_speaker(
        body, opening + 1, before
    )
    return (speaker, opening) if speaker is not None else None


def _trailing_speaker(
    doc: Document, head_start: int, v_start: int, v_end: int, after_stop: int
) -> Speaker | None:
    """The speaker of a trailing attribution: an actor opening the words before the verb (or a person among
    them), else those words as a phrase; with no words before the verb, the actor or phrase after it."""
    body = doc.body
    head = body[head_start:v_start]
    if head.split():
        speaker = speaker_in(doc, head_start, v_start, prefer_last=True)
        lead = body[head_start : speaker.start].split() if speaker else []
        if speaker and (speaker.kind == "person" or all(_ARTICLE.match(w) for w in lead)):
            return speaker
        return _phrase_speaker(body, head_start, v_start)
    # 'said media reports and a source': the speaker right after the verb, a few words at most after it
    speaker = speaker_in(doc, v_end, after_stop)
    if speaker:
        lead = body[v_end : speaker.start].split()
        if all(_ARTICLE.match(w) for w in lead) and len(body[speaker.end : after_stop].split()) <= 4:
            return speaker
        return None
    words = body[v_end:after_stop].split()
    if _VERB_IN_GAP.search(body, v_end, after_stop):
        return None  # 'said the border was calm': a statement, not a speaker
    if words and words[0] in ("on", "in", "at"):
        return None
    return _phrase_speaker(body, v_end, after_stop)


def _according(
    doc: Document, sentence: Sentence, according: re.Match[str]
) -> tuple[Span, Speaker, str] | None:
    body = doc.body
    start = sentence.start + according.end()
    speaker = speaker_in(doc, start, min(sentence.end, start + 60))
    comma = _CLAUSE_COMMA.search(body, start, min(sentence.end, start + 120))
    if speaker is None and according.start() == 0 and comma:
        # 'According to the head of the village, …': a source no lexicon names, up to its comma
        speaker = _phrase_speaker(body, start, comma.start())
    # The source follows 'according to' closely ('according to a statement by the ministry'): a name after
    # a verb is part of the statement ('according to local officials there are 300 Azerbaijani troops …').
    gap = body[start : speaker.start] if speaker else ""
    if speaker is None and according.start() > 0:
        # 'according to the state news agency NAME.': the source no lexicon names runs to the sentence's end
        stop = _trim_reported(body, start, sentence.end).end
        speaker = _phrase_speaker(body, start, stop)
    elif speaker is None or len(gap.split()) > _ACCORDING_GAP or _VERB_IN_GAP.search(gap):
        return None
    if speaker is None:
        return None
    if according.start() == 0:
        clause = _trim_reported(body, _source_end(body, speaker.end, sentence.end), sentence.end)
    else:
        clause = _trim_reported(body, sentence.start, sentence.start + according.start())
    if len(body[clause.start : clause.end].split()) < _MIN_REPORTED_WORDS:
        return None
    return clause, speaker, "according to"


def _source_end(body: str, start: int, stop: int) -> int:
    """Where an opening 'According to <source>' ends: the comma after the source's name if its words run
    on ('According to the head of the village, …'), else the name's end."""
    comma = _CLAUSE_COMMA.search(body, start, min(stop, start + 120))
    if comma is None:
        return start
    run = body[start : comma.start()]
    if not run.strip():
        return comma.end()
    # the source's name goes on ('the head | of the village,', 'Armenia | ’s ombudsman,'); words with a verb
    # are the statement's own ('According to officials there are 300 troops near the village, …')
    if len(run.split()) <= _PHRASE_WORDS and not _VERB_IN_GAP.search(run):
        return comma.end()
    return start


def _trim_reported(body: str, start: int, end: int) -> Span:
    while start < end and (body[start].isspace() or body[start] in ",:"):
        start += 1
    while end > start and (body[end - 1].isspace() or body[end - 1] in ".,;:"):
        end -= 1
    return Span(start, end)


def _quote(
    doc: Document,
    lexicon: Lexicon,
    span: Span,
    sentence: Sentence,
    speaker: Speaker | None,
    verb: str,
    kind: str,
    exclude: list[Span],
) -> Quote:
    text = doc.body[span.start : span.end]
    said = _date_said(doc, sentence, exclude)
    audience = (
        AUDIENCE.match(doc.body, _sentence_scan(doc, sentence).told_at() + len(verb))
        if verb == "told"
        else None
    )
    return Quote(
        kind=kind,
        text=text,
        start=span.start,
        end=span.end,
        sentence_index=sentence.index,
        speaker=speaker.name if speaker else None,
        speaker_text=speaker.text if speaker else None,
        speaker_role=(speaker.role or None) if speaker else None,
        speaker_org=(speaker.organisation or None) if speaker else None,
        verb=verb or None,
        date_said=said.date_start if said else None,
        date_precision=said.precision if said else "unknown",
        topic=topic_of(text, lexicon),
        audience=audience.group("audience") if audience else None,
    )


def _date_said(doc: Document, sentence: Sentence, exclude: list[Span]) -> TimeMention | None:
    for time in _sentence_scan(doc, sentence).days_said():
        if not any(s.start <= time.start < s.end for s in exclude):
            return time
    return None


def _inherit_dates(quotes: list[Quote]) -> list[Quote]:
    """A speaker's later quotes in the article share the date of that speaker's dated statement."""
    dated: dict[str, Quote] = {}
    result = []
    for quote in quotes:
        if quote.speaker and quote.date_said is not None:
            dated.setdefault(quote.speaker, quote)
        elif quote.speaker in dated:
            first = dated[quote.speaker]
            quote = replace(quote, date_said=first.date_said, date_precision=first.date_precision)
        result.append(quote)
    return result


def topic_of(text: str, lexicon: Lexicon) -> str | None:
    """The topic whose keywords occur most often in the text (ties: lexicon order); None when none occurs."""
    pattern, owner = _topic_pattern(lexicon)
    hits: dict[str, int] = {}
    for match in pattern.finditer(text.lower()):
        topic = owner[match.group()]
        hits[topic] = hits.get(topic, 0) + 1
    if not hits:
        return None
    order = list(lexicon.topics)
    return max(hits, key=lambda t: (hits[t], -order.index(t)))


@cache
def _topic_pattern(lexicon: Lexicon) -> tuple[re.Pattern[str], dict[str, str]]:
    """One regex of every topic keyword (a keyword is a word prefix: 'negotiat' matches 'negotiations')."""
    owner: dict[str, str] = {}
    for topic, keywords in lexicon.topics.items():
        for keyword in keywords:
            owner.setdefault(keyword.lower(), topic)
    return re.compile(any_of(owner)), owner


class Spanned(Protocol):
    """Anything with a character span: a quote, a stored quote row read as a record."""

    start: int
    end: int


def claimant_at(quotes: list[Quote], offset: int) -> str | None:
    """The speaker of the first quote (in the list's order) holding the offset."""
    i = first_holding(quotes, offset)
    return None if i is None else quotes[i].speaker


def first_holding(spans: Sequence[Spanned], offset: int) -> int | None:
    """The index of the first item (with .start and .end) in the list holding offset, or None."""
    index = _holding_index(spans)
    if index is None:  # not in text order: read them all
        return next((i for i, span in enumerate(spans) if span.start <= offset < span.end), None)
    starts, reach = index
    # In text order, the first holding offset is the first whose running maximum of ends passes it,
    # provided it starts at or before offset.
    i = bisect_right(reach, offset)
    return i if i < len(spans) and starts[i] <= offset else None


_HOLDING = threading.local()  # per thread: the last list of spans asked about, indexed


def _holding_index(spans: Sequence[Spanned]) -> tuple[list[int], list[int]] | None:
    """Starts and running maximum of ends of spans sorted by start (None when they are not), kept per list."""
    cached = getattr(_HOLDING, "entry", None)
    if cached is None or cached[0] is not spans or cached[1] != len(spans):
        starts = [span.start for span in spans]
        ordered = all(a <= b for a, b in pairwise(starts))
        index = (starts, list(accumulate((span.end for span in spans), max))) if ordered else None
        cached = _HOLDING.entry = (spans, len(spans), index)
    return cached[2]
