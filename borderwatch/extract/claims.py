"""Stage 7: statements that the article itself, or another article, contradicts.

A denial in someone's words ('there are no casualties', 'we cannot speak about any escalation')
is checked against what an article reports in another voice: casualty figures for casualties,
small-arms events for shooting, and the article's own words for escalation. Each contradiction
is one Claim holding both evidence spans (one claims row).

The stage reads an article as a `Report`: its quotes (`Said`) and its casualties and events
(`ReportedFact`), made from this extraction's results (`extract_claims`) or from stored rows (a store
comparing articles, `claims_between`).

Within one article the article binds denial and report to one story, so no date is compared.
Across articles (`claims_between`) nothing binds them but time, so a report contradicts a denial
only when it is dated to the month or better and overlaps the WINDOW_DAYS before the denial was
made (its date said, else its article's publication date). An article's own-voice words
('escalating tensions') are dated by its publication. Without that rule every denial of casualties
would be contradicted by every killing the store holds.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property

from borderwatch.articles import Article
from borderwatch.extract.document import Document, Span
from borderwatch.extract.quotes import find_quoted, first_holding
from borderwatch.extract.results import CasualtyFigure, Claim, Event, Quote
from borderwatch.extract.rows import claim_row
from borderwatch.extract.segment import paragraphs

StoredRow = Mapping[str, object]  # a row as a store holds it

WINDOW_DAYS = 31
_WINDOW = timedelta(days=WINDOW_DAYS)
KNOWN_PRECISIONS = ("day", "week", "month")  # a report dated this well can contradict another article

_TOPIC_WORDS = {
    "casualties": "casualties|casualty|victims|dead|deaths|fatalities|killed|wounded|injured|losses",
    "shooting": "shooting|firing|gunfire|shots|shelling",
    "escalation": "escalation|escalating|escalate|aggravation",
}
_NEGATORS = "no|not|never|cannot|can't|can’t|nor|without"
_DENIAL = re.compile(
    r"(?<![\w-])(?:there\s+(?:is|are|was|were|have\s+been|has\s+been)\s+)?"
    r"(?:" + _NEGATORS + r")(?:\s+[\w’']+){0,3}?\s+(?:any\s+)?"
    r"(?P<topic>" + "|".join(_TOPIC_WORDS.values()) + r")(?![\w-])",
    re.IGNORECASE,
)
# Whose casualties a denial is about, when it says: 'no civilian casualties', 'no losses among our troops'.
_ROLE_WORDS = (
    ("civilian", re.compile(r"civilian", re.IGNORECASE)),
    ("soldier", re.compile(r"soldier|servicem[ae]n|troops|military|army|personnel", re.IGNORECASE)),
)
_ROLE_SCOPE = re.compile(r"\s+(?:among|of|in)\s+(?:the\s+|our\s+|its\s+|their\s+)?[\w’'-]+(?:\s+[\w’'-]+)?")
_OWN_VOICE_ESCALATION = re.compile(r"(?<![\w-])(?:escalat\w*|aggravat\w*)(?![\w-])", re.IGNORECASE)
_NEGATOR_BEFORE = re.compile(r"(?:" + _NEGATORS + r")(?:\s+[\w’']+){0,3}\s*$", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[,.;:”\"\n]")

# What a store may use to read only the rows that can take part in a claim: quotes holding both a
# negator and a topic word (regular expressions both Python and DuckDB read), the casualty kinds
# and the event codes that can contradict a denial.
DENIAL_HINTS = (r"(?i)\b(" + _NEGATORS + r")\b", r"(?i)\b(" + "|".join(_TOPIC_WORDS.values()) + r")\b")
CONTRADICTING_KINDS = ("killed", "wounded")
SHOOTING_CODES = ("193", "194", "195")


@dataclass(frozen=True)
class Said:
    """A quote as this stage reads it; `ref` is what a claim names as its quote (a Quote, or a stored id)."""

    ref: object
    speaker: str | None
    text: str
    start: int
    end: int
    date_said: date | None

    @classmethod
    def of(cls, quote: Quote) -> Said:
        return cls(quote, quote.speaker, quote.text, quote.start, quote.end, quote.date_said)

    @classmethod
    def of_row(cls, row: StoredRow) -> Said:
        return cls(
            row["quote_id"],
            row["speaker"],
            str(row["text"]),
            int(row["char_start"]),
            int(row["char_end"]),
            row.get("date_said"),
        )


@dataclass(frozen=True)
class ReportedFact:
    """A casualty figure or an event as this stage reads it: what it says, by whom, when, and where in the text.

    `ref` is what a claim names as the contradicting row (a CasualtyFigure or Event, or a stored id); `what`
    the casualty kind or the event's CAMEO code.
    """

    ref: object
    what: str
    claimed_by: str | None
    date_start: date | None
    date_end: date | None
    date_precision: str
    start: int
    end: int
    evidence: str
    count: int | None = None  # casualties: the count, else its lower bound
    side: str | None = None
    role: str | None = None
    cameo_name: str = ""  # events
    negated: bool = False

    @classmethod
    def casualty(cls, figure: CasualtyFigure) -> ReportedFact:
        n = figure.count.count if figure.count.count is not None else figure.count.low
        dating = figure.dating
        return cls(
            figure, figure.kind, figure.claimed_by, dating.date_start, dating.date_end, dating.precision,
            figure.start, figure.end, figure.evidence, count=n, side=figure.side, role=figure.role,
        )  # fmt: skip

    @classmethod
    def event(cls, event: Event) -> ReportedFact:
        dating = event.dating
        return cls(
            event, event.trigger.cameo_code, event.claimed_by, dating.date_start, dating.date_end,
            dating.precision, event.start, event.end, event.evidence, cameo_name=event.trigger.cameo_name,
            negated=event.negated,
        )  # fmt: skip

    @classmethod
    def casualty_row(cls, row: StoredRow) -> ReportedFact:
        return cls(
            row["casualty_id"], str(row["kind"]), *_provenance(row),
            count=row["count"] if row["count"] is not None else row["count_low"],
            side=row["side"], role=row["role"],
        )  # fmt: skip

    @classmethod
    def event_row(cls, row: StoredRow) -> ReportedFact:
        return cls(
            row["event_id"], str(row["cameo_code"]), *_provenance(row), cameo_name=str(row["cameo_name"]),
            negated=bool(row["negated"]),
        )  # fmt: skip

    @property
    def well_dated(self) -> bool:
        """Dated to the month or better, with both bounds: dated well enough to compare across articles."""
        return self.date_precision in KNOWN_PRECISIONS and None not in (self.date_start, self.date_end)


def _provenance(row: StoredRow) -> tuple:
    """A stored row's claimant, dates and text span, in ReportedFact's order."""
    return (
        row["claimed_by"], row["date_start"], row["date_end"], row["date_precision"], int(row["char_start"]),
        int(row["char_end"]), str(row["evidence"]),
    )  # fmt: skip


def _records(items: Sequence[object], of_row: Callable[[StoredRow], object], of_result: Callable) -> list:
    """The stage's records of stored rows or of this extraction's results (a list holds one kind or the other;
    records are kept as they are)."""
    if not items or isinstance(items[0], Said | ReportedFact):
        return list(items)
    return [(of_row if isinstance(items[0], Mapping) else of_result)(item) for item in items]


class Report:
    """One article as this stage reads it: its publication, what it quotes and reports, and its body.

    `quotes`, `casualties` and `events` are stored rows, this extraction's results or this stage's records
    (Said, ReportedFact); they are read into records when first needed. `body` may be a function returning the
    text: it is called only when the article's own words are searched, so a store need not read every body
    to compare one article with all the others. `quoted` (the spans inside quotation marks) is found from
    the body when not given.
    """

    def __init__(
        self,
        article_id: str,
        published: date,
        source: str,
        quotes: Sequence[StoredRow | Quote | Said],
        casualties: Sequence[StoredRow | CasualtyFigure | ReportedFact],
        events: Sequence[StoredRow | Event | ReportedFact],
        body: str | Callable[[], str],
        quoted: list[Span] | None = None,
    ):
        self.article_id, self.published, self.source = article_id, published, source
        self._quotes, self._casualties, self._events = quotes, casualties, events
        self._body, self._quoted = body, quoted
        self._denials: list[_Denial] | None = None

    @cached_property
    def quotes(self) -> list[Said]:
        return _records(self._quotes, Said.of_row, Said.of)

    @cached_property
    def casualties(self) -> list[ReportedFact]:
        return _records(self._casualties, ReportedFact.casualty_row, ReportedFact.casualty)

    @cached_property
    def events(self) -> list[ReportedFact]:
        return _records(self._events, ReportedFact.event_row, ReportedFact.event)

    @classmethod
    def of(cls, article: Article, rows: Mapping[str, Sequence[StoredRow]]) -> Report:
        """An article with the rows extracted from it."""
        return cls(
            article.article_id,
            article.published,
            article.source,
            rows.get("quotes", []),
            rows.get("casualties", []),
            rows.get("events", []),
            article.body,
        )

    @property
    def body(self) -> str:
        if callable(self._body):
            self._body = self._body()
        return self._body

    def denials(self) -> list[_Denial]:
        """Every denial in the article's attributed quotes, in the order of the text."""
        if self._denials is None:
            self._denials = list(_denials(self))
        return self._denials

    def denial_window(self) -> tuple[date, date] | None:
        """The dates another article's report must overlap to contradict one of this article's denials
        (None when it denies nothing): what a store need read of the others' reports."""
        said = [denial.said for denial in self.denials()]
        return (min(said) - _WINDOW, max(said)) if said else None

    def contradicted_said(self) -> tuple[date, date] | None:
        """The dates on which another article's denial must have been made for this article to contradict
        it (None when it reports nothing that could): what a store need read of the others' denials."""
        spans = [
            (reported.date_start, reported.date_end + _WINDOW)
            for reported in (
                *(r for r in self.casualties if r.what in CONTRADICTING_KINDS),
                *(r for r in self.events if r.what in SHOOTING_CODES),
            )
            if reported.well_dated
        ]
        if _OWN_VOICE_ESCALATION.search(self.body):
            spans.append((self.published, self.published + _WINDOW))
        return (min(a for a, _ in spans), max(b for _, b in spans)) if spans else None  # type: ignore[type-var]

    def quoted_spans(self) -> list[Span]:
        if self._quoted is None:
            self._quoted = find_quoted(self.body, paragraphs(self.body))
        return self._quoted

    def reporter(self, denier: Report) -> str:
        """How a contradiction names this article: 'the article' for the denier's own."""
        if self is denier:
            return "the article"
        return f"{self.source or 'article ' + self.article_id} ({self.published:%d %B %Y})"


@dataclass(frozen=True)
class _Denial:
    quote: Said
    claimant: str
    topic: str
    role: str | None  # civilian, soldier or None when the denial does not say
    start: int  # offsets in the article body
    end: int
    text: str
    said: date


@dataclass(frozen=True)
class _Found:
    kind: str
    ref: object  # the contradicting record's ref; None for a statement
    start: int
    end: int
    text: str
    what: str  # 'reports 2 wounded (Azerbaijan, soldier)'; for a statement, its words
    speaker: object = None  # who says a statement, when it is someone's quote


def extract_claims(
    doc: Document, quotes: list[Quote], casualties: list[CasualtyFigure], events: list[Event]
) -> list[Claim]:
    """One claim per (claimant, topic) whose denial the article contradicts, at its first denial."""
    # Only what can contradict a denial is read, as a store reads it (CONTRADICTING_KINDS, SHOOTING_CODES).
    contradicting = [c for c in casualties if c.kind in CONTRADICTING_KINDS]
    shooting = [e for e in events if e.trigger.cameo_code in SHOOTING_CODES]
    report = Report(doc.article_id, doc.published, "", quotes, contradicting, shooting, doc.body, doc.quoted)
    return _contradicted(report, report)


def claims_between(new: Report, others: Iterable[Report]) -> list[dict[str, object]]:
    """Claims rows linking one article with others: the new article's denials that another
    contradicts, and other articles' denials that the new one contradicts."""
    found: list[Claim] = []
    for other in others:
        if other.article_id != new.article_id:
            found += _contradicted(new, other) + _contradicted(other, new)
    return [claim_row(claim, stored_id) for claim in found]


def claims_across(reports: Sequence[Report]) -> list[dict[str, object]]:
    """Claims rows between every pair of the given articles (both directions)."""
    rows: list[dict[str, object]] = []
    for i, report in enumerate(reports):
        rows += claims_between(report, reports[i + 1 :])
    return rows


def stored_id(ref: object) -> object:
    """A stored row's id, as Report reads it from the row: the ref itself."""
    return ref


def _contradicted(denier: Report, reporter: Report) -> list[Claim]:
    """The denier's denials that the reporter contradicts: one claim per (claimant, topic)."""
    found_claims: list[Claim] = []
    seen: set[tuple[str, str]] = set()
    same_article = reporter is denier
    # What _contradiction reads of a denial; a denial like one that found nothing finds nothing either,
    # and is not looked for again through every row of the reporter.
    uncontradicted: set[tuple] = set()
    for denial in denier.denials():
        if (denial.claimant, denial.topic) in seen:
            continue
        asked = (denial.claimant, denial.topic, denial.role, None if same_article else denial.said)
        if asked in uncontradicted:
            continue
        found = _contradiction(denial, reporter, same_article=same_article)
        if found is None:
            uncontradicted.add(asked)
            continue
        seen.add((denial.claimant, denial.topic))
        found_claims.append(_claim(denial, found, denier, reporter))
    return found_claims


def _denials(report: Report) -> Iterator[_Denial]:
    """Every denial in the article's attributed quotes, in the order of the text."""
    for quote in sorted(report.quotes, key=lambda q: q.start):
        if not quote.speaker:
            continue
        text = quote.text
        for match in _DENIAL.finditer(text):
            scope = _ROLE_SCOPE.match(text, match.end())
            words = match.group() + (scope.group() if scope else "")
            role = next((role for role, pattern in _ROLE_WORDS if pattern.search(words)), None)
            yield _Denial(
                quote,
                str(quote.speaker),
                _topic(match.group("topic")),
                role,
                quote.start + match.start(),
                quote.start + match.end(),
                match.group(),
                quote.date_said or report.published,
            )


def _topic(word: str) -> str:
    lowered = word.lower()
    return next(t for t, words in _TOPIC_WORDS.items() if re.fullmatch(words, lowered))


def _contradiction(denial: _Denial, reporter: Report, same_article: bool) -> _Found | None:
    """The first thing the reporter says that the denial denies, or None."""
    window = None if same_article else (denial.said - _WINDOW, denial.said)
    if denial.topic == "casualties":
        for casualty in reporter.casualties:
            if (
                casualty.claimed_by != denial.claimant
                and casualty.what in CONTRADICTING_KINDS
                and denial.role in (None, casualty.role)
                and _dated_within(casualty, window)
            ):
                n = casualty.count
                who = ", ".join(str(v) for v in (casualty.side, casualty.role) if v and v != "unknown")
                what = f"reports {n if n is not None else 'some'} {casualty.what}" + (
                    f" ({who})" if who else ""
                )
                return _found("casualty", casualty, what)
    elif denial.topic == "shooting":
        for event in reporter.events:
            if (
                event.what in SHOOTING_CODES
                and not event.negated
                and event.claimed_by != denial.claimant
                and _dated_within(event, window)
            ):
                return _found("event", event, f"reports {event.cameo_name}")
    elif denial.topic == "escalation" and (window is None or window[0] <= reporter.published <= window[1]):
        return _own_voice_escalation(denial, reporter)
    return None


def _dated_within(reported: ReportedFact, window: tuple[date, date] | None) -> bool:
    if window is None:
        return True
    return (
        reported.well_dated
        and reported.date_start <= window[1]  # type: ignore[operator]
        and reported.date_end >= window[0]  # type: ignore[operator]
    )


def _found(kind: str, reported: ReportedFact, what: str) -> _Found:
    return _Found(kind, reported.ref, reported.start, reported.end, reported.evidence, what)


def _own_voice_escalation(denial: _Denial, reporter: Report) -> _Found | None:
    """Escalation words the reporter says in its own voice, or that someone other than the claimant says."""
    body = reporter.body
    quoted = reporter.quoted_spans()  # in order, not overlapping
    quoted_starts = [span.start for span in quoted]
    for match in _OWN_VOICE_ESCALATION.finditer(body):
        at = match.start()
        holding = first_holding(reporter.quotes, at)
        speaker_quote = reporter.quotes[holding] if holding is not None else None
        if speaker_quote is not None and speaker_quote.speaker == denial.claimant:
            continue
        inside = bisect_right(quoted_starts, at) - 1
        if speaker_quote is None and inside >= 0 and at < quoted[inside].end:
            continue
        if _NEGATOR_BEFORE.search(body, max(0, at - 40), at):
            continue
        end = _clause_end(body, match.end())
        speaker = speaker_quote.speaker if speaker_quote else None
        return _Found("statement", None, at, end, body[at:end], f"says “{body[at:end]}”", speaker)
    return None


def _clause_end(body: str, start: int) -> int:
    match = _CLAUSE_END.search(body, start)
    return match.start() if match else len(body)


def _claim(denial: _Denial, found: _Found, denier: Report, reporter: Report) -> Claim:
    reporter_name = reporter.reporter(denier)
    if found.speaker:  # someone else's words: 'Name says “…”', with the article when it is another
        line = f"{found.speaker} {found.what}" + ("" if reporter is denier else f" ({reporter_name})")
    else:  # what the article reports, or says in its own voice
        line = f"{reporter_name} {found.what}"
    return Claim(
        article_id=denier.article_id,
        claimant=denial.claimant,
        claim_text=denial.text,
        quote=denial.quote.ref,
        contradicted_by_kind=found.kind,
        contradicted_by=found.ref,
        other_article_id=reporter.article_id,
        contradiction=f"says “{denial.text}”; {line}",
        other_text=found.text,
        start=denial.start,
        end=denial.end,
        other_start=found.start,
        other_end=found.end,
        claim_id=_cross_id(denial, denier, reporter) if reporter is not denier else None,
    )


def _cross_id(denial: _Denial, denier: Report, reporter: Report) -> str:
    """article_id, 'X' and a digest of (other article, claimant, topic): stable whatever the ingest order."""
    key = f"{reporter.article_id}|{denial.claimant}|{denial.topic}".encode()
    return f"{denier.article_id}-X{hashlib.sha256(key).hexdigest()[:8]}"
