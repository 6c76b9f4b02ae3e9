"""Stage 4: direct quotes, partial quotes and reported speech, each with its speaker.

Speakers are found where wire copy puts them: after the quote ('…,” said Zas.', '…,” he said'),
before it ('He added: “…”', 'According to X, …'), in the sentence around a partial quote, or,
for a paragraph that is all quote, the speaker of the quote before it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from borderwatch.extract.document import Document, Sentence, Span
from borderwatch.extract.english import DAY_PARTS, NEEDS_THAT
from borderwatch.extract.lexicon import Lexicon
from borderwatch.extract.results import Quote
from borderwatch.extract.scan import any_of
from borderwatch.extract.speech import AUDIENCE, SPEECH_VERB, Speaker, speaker_in
from borderwatch.extract.time import TimeMention

_OPEN_CLOSE = {"“": "”", '"': '"', "‘": "’", "«": "»"}
# An opening mark; ‘ only where no word or apostrophe comes before it. The lookbehind, after the mark, only
# ever applies to ‘; one character class first lets `re` skip from mark to mark in C.
_QUOTE_MARK = re.compile(r"[“\"«‘](?<![\w’']‘)")
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


def find_quoted(body: str, paragraphs: list[Span]) -> list[Span]:
    """Spans inside quotation marks (marks excluded); an unclosed quote runs to its paragraph's end."""
    spans: list[Span] = []
    for para in paragraphs:
        pos = para.start
        while True:
            opener = _QUOTE_MARK.search(body, pos, para.end)
            if not opener:
                break
            mark = opener.group()
            closer = _find_closer(body, opener.end(), para.end, mark)
            end = closer if closer is not None else para.end
            if mark == "‘" and len(body[opener.end() : end].split()) < 2:
                pos = opener.end()  # an apostrophe-like single quote, not a quotation
                continue
            if end > opener.end():
                spans.append(Span(opener.end(), end))
            pos = end + 1
    return spans


def _find_closer(body: str, start: int, stop: int, mark: str) -> int | None:
    close = _OPEN_CLOSE[mark]
    if mark == "‘":
        match = _SINGLE_CLOSER.search(body, start, stop)
        return match.start() if match else None
    index = body.find(close, start, stop)
    return index if index >= 0 else None


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
        span = _trim(body, raw)
        if span.end <= span.start:
            continue
        sentence = doc.sentence_at(raw.start - 1)
        speaker, verb, kind = _attribute(doc, raw, sentence)
        if kind == "direct":
            direct_sentences.add(sentence.index)
        found.append(_quote(doc, lexicon, span, sentence, speaker, verb, kind, exclude=[raw]))
    for sentence in doc.sentences:
        if sentence.index in direct_sentences:
            continue
        reported = _reported(doc, sentence)
        if reported:
            clause, speaker, verb = reported
            found.append(_quote(doc, lexicon, clause, sentence, speaker, verb, "reported", exclude=[clause]))
    found.sort(key=lambda q: q.start)
    return _inherit_dates(_inherit_speakers(doc, found))


def _attribute(doc: Document, raw: Span, sentence: Sentence) -> tuple[Speaker | None, str, str]:
    body = doc.body
    close_end = min(raw.end + 1, sentence.end)
    after = body[close_end : sentence.end]
    verb = SPEECH_VERB.search(after)
    if (
        verb
        and len(after[: verb.start()].split()) <= _ATTRIBUTION_GAP
        and not _QUOTE_MARK.search(after, 0, verb.start())
    ):
        clause_end = _clause_end(body, close_end + verb.end(), sentence.end)
        speaker = speaker_in(doc, close_end, close_end + verb.start(), prefer_last=True) or speaker_in(
            doc, close_end + verb.end(), clause_end
        )
        if speaker:
            return speaker, verb.group("verb"), _kind(doc, raw, sentence, attributed_after=True)
    before = body[sentence.start : raw.start - 1]
    kind = _kind(doc, raw, sentence, attributed_after=False)
    verbs = [v for v in SPEECH_VERB.finditer(before) if not doc.in_quote(sentence.start + v.start())]
    if verbs:
        v = verbs[-1]
        speaker = speaker_in(doc, sentence.start, sentence.start + v.start(), prefer_last=True) or speaker_in(
            doc, sentence.start + v.end(), raw.start - 1
        )
        if speaker:
            return speaker, v.group("verb"), kind
    according = _ACCORDING_TO.search(before)
    if according:
        speaker = speaker_in(doc, sentence.start + according.end(), raw.start - 1)
        if speaker:
            return speaker, "according to", kind
    # A partial quote's speaker is the subject of the sentence's speech verb, wherever it is.
    if kind == "partial" and verb:
        speaker = speaker_in(doc, close_end, close_end + verb.start(), prefer_last=True)
        if speaker:
            return speaker, verb.group("verb"), kind
    return None, "", kind


def _clause_end(body: str, start: int, stop: int) -> int:
    match = _CLAUSE_PUNCTUATION.search(body, start, stop)
    return match.start() if match else stop


def _kind(doc: Document, raw: Span, sentence: Sentence, attributed_after: bool) -> str:
    body = doc.body
    text = body[raw.start : raw.end].strip()
    if not text:
        return "partial"
    lead = body[sentence.start : raw.start - 1].rstrip()
    starts_statement = text[0].isupper() or text[0] in "[…0123456789"
    at_start = not lead or lead.endswith((":", ",")) or lead.endswith(("”", '"'))
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
        elif last is not None:
            here = doc.sentences[quote.sentence_index].paragraph
            there = doc.sentences[last.sentence_index].paragraph
            if here - there <= 1:
                quote = replace(
                    quote, speaker=last.speaker, speaker_role=last.speaker_role, speaker_org=last.speaker_org
                )
        result.append(quote)
    return result


def _reported(doc: Document, sentence: Sentence) -> tuple[Span, Speaker, str] | None:
    body = doc.body
    text = body[sentence.start : sentence.end]
    according = _ACCORDING_TO.search(text)
    if according and not doc.in_quote(sentence.start + according.start()):
        found = _according(doc, sentence, according)
        if found:
            return found
    verbs = list(SPEECH_VERB.finditer(text))  # what both readings below start from
    if not verbs:
        return None
    trailing = _trailing_attribution(doc, sentence, verbs)
    if trailing:
        return trailing
    for verb in verbs:
        v_start, v_end = sentence.start + verb.start(), sentence.start + verb.end()
        if doc.in_quote(v_start):
            continue
        window_start = max(sentence.start, _previous_boundary(body, sentence.start, v_start))
        speaker = speaker_in(doc, window_start, v_start, prefer_last=True)
        if speaker is None or len(body[speaker.end : v_start].split()) > 3:
            continue
        rest_start = v_end
        audience = AUDIENCE.match(body, rest_start, sentence.end)
        if audience and verb.group("verb") in ("told", "tells"):
            rest_start = audience.end()
        lead = _CLAUSE_LEAD.match(body, rest_start, sentence.end)
        clause_start = lead.end() if lead else rest_start
        clause = _trim_reported(body, clause_start, sentence.end)
        words = body[clause.start : clause.end].split()
        if len(words) < _MIN_REPORTED_WORDS or _NOT_A_CLAUSE.match(body, clause.start, clause.end):
            continue
        accusation = verb.group("verb").startswith("accus") and _ACCUSED_OF.match(
            body, clause.start, clause.end
        )
        if (
            verb.group("verb") in NEEDS_THAT
            and not accusation
            and not _THAT.search(body[rest_start : clause.start])
        ):
            continue  # 'reported clashes', 'accused Baku of …': an object, not a reported statement
        if body[clause.start] in '“"‘':
            continue
        return clause, speaker, verb.group("verb")
    return None


def _trailing_attribution(
    doc: Document, sentence: Sentence, verbs: list[re.Match[str]]
) -> tuple[Span, Speaker, str] | None:
    """'Two villages lost power, Armenian officials said.' / '…, said the ministry.'

    verbs: the speech verbs of the sentence's text, in order (no verb holds a comma).
    """
    body = doc.body
    comma = body.rfind(",", sentence.start, sentence.end)
    if comma < 0 or doc.in_quote(comma) or body[sentence.start] in '“"‘':
        return None
    tail = body[comma + 1 : sentence.end]
    verb = next((v for v in verbs if sentence.start + v.start() > comma), None)
    if verb is None or len(tail.split()) > _TRAILING_WORDS:
        return None
    v_start, v_end = sentence.start + verb.start(), sentence.start + verb.end()
    speaker = speaker_in(doc, comma + 1, v_start, prefer_last=True) or speaker_in(doc, v_end, sentence.end)
    if speaker is None:
        return None
    # The attribution must be the whole tail: speaker and verb first, then at most a few words ('in a statement').
    head_end, tail_start = min(speaker.start, v_start), max(speaker.end, v_end)
    if (
        body[comma + 1 : head_end].split()
        or len(body[tail_start : sentence.end].split()) > _TRAILING_EXTRA_WORDS
    ):
        return None
    clause = _trim_reported(body, sentence.start, comma)
    if len(body[clause.start : clause.end].split()) < _MIN_REPORTED_WORDS:
        return None
    return clause, speaker, verb.group("verb")


def _according(
    doc: Document, sentence: Sentence, according: re.Match[str]
) -> tuple[Span, Speaker, str] | None:
    body = doc.body
    start = sentence.start + according.end()
    speaker = speaker_in(doc, start, min(sentence.end, start + 60))
    # The source follows 'according to' closely ('according to a statement by the ministry'): a name after
    # a verb is part of the statement ('according to local officials there are 300 Azerbaijani troops …').
    gap = body[start : speaker.start] if speaker else ""
    if speaker is None or len(gap.split()) > _ACCORDING_GAP or _VERB_IN_GAP.search(gap):
        return None
    if according.start() == 0:
        clause = _trim_reported(body, speaker.end, sentence.end)
    else:
        clause = _trim_reported(body, sentence.start, sentence.start + according.start())
    if len(body[clause.start : clause.end].split()) < _MIN_REPORTED_WORDS:
        return None
    return clause, speaker, "according to"


def _previous_boundary(body: str, start: int, stop: int) -> int:
    """Start of the clause that ends at stop (after the last ';' or ', ' + conjunction before it)."""
    cut = start
    for match in _CLAUSE_BREAK.finditer(body, start, stop):
        cut = match.end()
    return cut


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
        AUDIENCE.match(doc.body, doc.body.find(verb, sentence.start) + len(verb)) if verb == "told" else None
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
    for time in doc.within(doc.times, sentence.start, sentence.end):
        if any(s.start <= time.start < s.end for s in exclude) or doc.in_quote(time.start):
            continue
        if time.precision == "day" and time.date_start == time.date_end:
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


def claimant_at(quotes: list[Quote], offset: int) -> str | None:
    """The speaker of the first quote (in the list's order) holding the offset."""
    for quote in quotes:
        if quote.start <= offset < quote.end:
            return quote.speaker
    return None
