"""Stage 7: statements that the article itself, or another article, contradicts.

A denial in someone's words ('there are no casualties', 'we cannot speak about any escalation')
is checked against what an article reports in another voice: casualty rows for casualties,
small-arms events for shooting, and the article's own words for escalation. Each contradiction
is one claims row holding both evidence spans.

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

from borderwatch.articles import Article
from borderwatch.extract.document import Document, Span
from borderwatch.extract.lexicon import Lexicon
from borderwatch.extract.quotes import find_quoted, first_holding
from borderwatch.extract.segment import paragraphs

Row = Mapping[str, object]

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


class Report:
    """One article as this stage reads it: its publication, its extracted rows and its body.

    `body` may be a function returning the text: it is called only when the article's own words are
    searched, so a store need not read every body to compare one article with all the others.
    `quoted` (the spans inside quotation marks) is found from the body when not given.
    """

    def __init__(
        self,
        article_id: str,
        published: date,
        source: str,
        quotes: Sequence[Row],
        casualties: Sequence[Row],
        events: Sequence[Row],
        body: str | Callable[[], str],
        quoted: list[Span] | None = None,
    ):
        self.article_id, self.published, self.source = article_id, published, source
        self.quotes, self.casualties, self.events = quotes, casualties, events
        self._body, self._quoted = body, quoted
        self._denials: list[_Denial] | None = None

    @classmethod
    def of(cls, article: Article, rows: Mapping[str, Sequence[Row]]) -> Report:
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
            (row["date_start"], row["date_end"] + _WINDOW)
            for row in (
                *(r for r in self.casualties if r["kind"] in CONTRADICTING_KINDS),
                *(r for r in self.events if r["cameo_code"] in SHOOTING_CODES),
            )
            if _well_dated(row)
        ]
        if _OWN_VOICE_ESCALATION.search(self.body):
            spans.append((self.published, self.published + _WINDOW))
        return (min(a for a, _ in spans), max(b for _, b in spans)) if spans else None

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
    quote: Row
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
    row_id: object
    start: int
    end: int
    text: str
    what: str  # 'reports 2 wounded (Azerbaijan, soldier)'; for a statement, its words
    speaker: object = None  # who says a statement, when it is someone's quote


def extract_claims(
    doc: Document,
    lexicon: Lexicon,
    quote_rows: list[dict[str, object]],
    casualty_rows: list[dict[str, object]],
    event_rows: list[dict[str, object]],
) -> list[dict[str, object]]:
    """One row per (claimant, topic) whose denial the article contradicts, at its first denial."""
    report = Report(
        doc.article_id, doc.published, "", quote_rows, casualty_rows, event_rows, doc.body, doc.quoted
    )
    rows = _contradicted(report, report)
    for n, row in enumerate(rows, 1):
        row["claim_id"] = f"{doc.article_id}-K{n:03d}"
    return rows


def claims_between(new: Report, others: Iterable[Report]) -> list[dict[str, object]]:
    """Claims rows linking one article with others: the new article's denials that another
    contradicts, and other articles' denials that the new one contradicts."""
    rows: list[dict[str, object]] = []
    for other in others:
        if other.article_id != new.article_id:
            rows += _contradicted(new, other) + _contradicted(other, new)
    return rows


def claims_across(reports: Sequence[Report]) -> list[dict[str, object]]:
    """Claims rows between every pair of the given articles (both directions)."""
    rows: list[dict[str, object]] = []
    for i, report in enumerate(reports):
        rows += claims_between(report, reports[i + 1 :])
    return rows


def _contradicted(denier: Report, reporter: Report) -> list[dict[str, object]]:
    """The denier's denials that the reporter contradicts: one row per (claimant, topic)."""
    rows: list[dict[str, object]] = []
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
        rows.append(_claim_row(denial, found, denier, reporter))
    return rows


def _denials(report: Report) -> Iterator[_Denial]:
    """Every denial in the article's attributed quotes, in the order of the text."""
    for quote in sorted(report.quotes, key=lambda q: int(q["char_start"])):
        claimant = quote["speaker"]
        if not claimant:
            continue
        text, q_start = str(quote["text"]), int(quote["char_start"])
        for match in _DENIAL.finditer(text):
            scope = _ROLE_SCOPE.match(text, match.end())
            words = match.group() + (scope.group() if scope else "")
            role = next((role for role, pattern in _ROLE_WORDS if pattern.search(words)), None)
            yield _Denial(
                quote,
                str(claimant),
                _topic(match.group("topic")),
                role,
                q_start + match.start(),
                q_start + match.end(),
                match.group(),
                quote.get("date_said") or report.published,
            )


def _topic(word: str) -> str:
    lowered = word.lower()
    return next(t for t, words in _TOPIC_WORDS.items() if re.fullmatch(words, lowered))


def _contradiction(denial: _Denial, reporter: Report, same_article: bool) -> _Found | None:
    """The first thing the reporter says that the denial denies, or None."""
    window = None if same_article else (denial.said - _WINDOW, denial.said)
    if denial.topic == "casualties":
        for row in reporter.casualties:
            if (
                row["claimed_by"] != denial.claimant
                and row["kind"] in CONTRADICTING_KINDS
                and denial.role in (None, row["role"])
                and _dated_within(row, window)
            ):
                n = row["count"] if row["count"] is not None else row["count_low"]
                who = ", ".join(str(v) for v in (row["side"], row["role"]) if v and v != "unknown")
                what = f"reports {n if n is not None else 'some'} {row['kind']}" + (
                    f" ({who})" if who else ""
                )
                return _found("casualty", row["casualty_id"], row, what)
    elif denial.topic == "shooting":
        for row in reporter.events:
            if (
                row["cameo_code"] in SHOOTING_CODES
                and not row["negated"]
                and row["claimed_by"] != denial.claimant
                and _dated_within(row, window)
            ):
                return _found("event", row["event_id"], row, f"reports {row['cameo_name']}")
    elif denial.topic == "escalation" and (window is None or window[0] <= reporter.published <= window[1]):
        return _own_voice_escalation(denial, reporter)
    return None


def _well_dated(row: Row) -> bool:
    """Dated to the month or better, with both bounds: dated well enough to compare across articles."""
    return row["date_precision"] in KNOWN_PRECISIONS and None not in (row["date_start"], row["date_end"])


def _dated_within(row: Row, window: tuple[date, date] | None) -> bool:
    if window is None:
        return True
    return _well_dated(row) and row["date_start"] <= window[1] and row["date_end"] >= window[0]


def _found(kind: str, row_id: object, row: Row, what: str) -> _Found:
    return _Found(kind, row_id, int(row["char_start"]), int(row["char_end"]), str(row["evidence"]), what)


def _own_voice_escalation(denial: _Denial, reporter: Report) -> _Found | None:
    """Escalation words the reporter says in its own voice, or that someone other than the claimant says."""
    body = reporter.body
    quoted = reporter.quoted_spans()  # in order, not overlapping
    quoted_starts = [span.start for span in quoted]
    quote_spans = [(int(q["char_start"]), int(q["char_end"]), q) for q in reporter.quotes]
    for match in _OWN_VOICE_ESCALATION.finditer(body):
        at = match.start()
        holding = first_holding(quote_spans, at)
        speaker_quote = quote_spans[holding][2] if holding is not None else None
        if speaker_quote is not None and speaker_quote["speaker"] == denial.claimant:
            continue
        inside = bisect_right(quoted_starts, at) - 1
        if speaker_quote is None and inside >= 0 and at < quoted[inside].end:
            continue
        if _NEGATOR_BEFORE.search(body, max(0, at - 40), at):
            continue
        end = _clause_end(body, match.end())
        speaker = speaker_quote["speaker"] if speaker_quote else None
        return _Found("statement", None, at, end, body[at:end], f"says “{body[at:end]}”", speaker)
    return None


def _clause_end(body: str, start: int) -> int:
    match = _CLAUSE_END.search(body, start)
    return match.start() if match else len(body)


def _claim_row(denial: _Denial, found: _Found, denier: Report, reporter: Report) -> dict[str, object]:
    reporter_name = reporter.reporter(denier)
    if found.speaker:  # someone else's words: 'Name says “…”', with the article when it is another
        line = f"{found.speaker} {found.what}" + ("" if reporter is denier else f" ({reporter_name})")
    else:  # what the article reports, or says in its own voice
        line = f"{reporter_name} {found.what}"
    return {
        "claim_id": _cross_id(denial, denier, reporter) if reporter is not denier else None,
        "article_id": denier.article_id,
        "claimant": denial.claimant,
        "claim_text": denial.text,
        "claim_quote_id": denial.quote["quote_id"],
        "contradicted_by_kind": found.kind,
        "contradicted_by_id": found.row_id,
        "other_article_id": reporter.article_id,
        "contradiction": f"says “{denial.text}”; {line}",
        "other_text": found.text,
        "char_start": denial.start,
        "char_end": denial.end,
        "other_char_start": found.start,
        "other_char_end": found.end,
    }


def _cross_id(denial: _Denial, denier: Report, reporter: Report) -> str:
    """article_id, 'X' and a digest of (other article, claimant, topic): stable whatever the ingest order."""
    key = f"{reporter.article_id}|{denial.claimant}|{denial.topic}".encode()
    return f"{denier.article_id}-X{hashlib.sha256(key).hexdigest()[:8]}"
