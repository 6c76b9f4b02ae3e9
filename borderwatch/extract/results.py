"""What the extraction stages find: one frozen type per kind of fact, handed from stage to stage.

Each stage returns its results and later stages read their attributes; no stage changes another's results.
Offsets are character offsets in the article body (end exclusive). Ids and the links between table rows
(a casualty's event, a claim's quote) are not here: `rows.py` makes them when it turns results into rows.

- `Quote` (quotes stage): a direct or partial quotation, or a reported statement, with its speaker.
- `CasualtyFigure`, `TroopFigure` (figures stage): a count of people killed/wounded/…, or a force's size.
- `Event` (events stage): something that happened, with the casualty and troop figures it accounts for.
- `Claim` (claims stage): a denial that a report contradicts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from borderwatch.extract.dating import Dating
from borderwatch.extract.lexicon import Trigger
from borderwatch.extract.numbers import Count


@dataclass(frozen=True)
class Quote:
    kind: str  # direct, partial or reported
    text: str
    start: int
    end: int
    sentence_index: int
    speaker: str | None  # the speaker's normalised name (own attribution, or the quote's before it)
    speaker_text: str | None  # the words naming the speaker, where this quote names them itself
    speaker_role: str | None
    speaker_org: str | None
    verb: str | None
    date_said: date | None
    date_precision: str
    topic: str | None
    audience: str | None


@dataclass(frozen=True)
class CasualtyFigure:
    kind: str  # killed, wounded, captured, missing
    count: Count
    side: str | None
    role: str  # soldier, civilian, unknown
    perpetrator: str | None
    dating: Dating
    admin1: str | None
    location: str | None
    claimed_by: str | None  # the speaker of the quote holding the figure
    sentence_index: int
    start: int  # the count phrase with its casualty words
    end: int
    evidence: str


@dataclass(frozen=True)
class TroopFigure:
    count: Count
    force: str | None
    side: str | None
    unit: str
    location: str | None
    admin1: str | None
    as_of: date | None
    as_of_precision: str
    claimed_by: str | None
    sentence_index: int
    start: int
    end: int
    evidence: str


@dataclass(frozen=True)
class Event:
    trigger: Trigger  # ACLED types and CAMEO code
    trigger_text: str | None  # None for a dated statement, which has no trigger word
    trigger_start: int
    actor1: str | None
    actor1_text: str | None
    assoc_actor1: str | None
    actor2: str | None
    actor2_text: str | None
    interaction: str | None
    dating: Dating
    country: str | None
    admin1: str | None
    location: str | None
    location_text: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: str
    claimed_by: str | None
    negated: bool
    sentence_index: int
    start: int  # the event's sentence
    end: int
    evidence: str
    fatalities: int | None  # killed, summed over the casualty figures when every one has a count
    casualties: tuple[CasualtyFigure, ...]  # the figures this event accounts for
    troops: tuple[TroopFigure, ...]

    @property
    def summary(self) -> str:
        """'Azerbaijan — fight — Armenia, Jermuk (on Tuesday); 3 killed'."""
        text = f"{'Not: ' if self.negated else ''}{self.actor1 or 'An unnamed actor'} — {self.trigger.cameo_name}"
        if self.actor2:
            text += f" — {self.actor2}"
        where = self.location or self.admin1 or self.country
        if where:
            text += f", {where}"
        if self.dating.phrase:
            text += f" ({self.dating.phrase})"
        if self.fatalities:
            text += f"; {self.fatalities} killed"
        return text


@dataclass(frozen=True)
class Claim:
    """A denial (in `article_id`'s quote) that a report (in `other_article_id`) contradicts.

    `quote` and `contradicted_by` say which rows: results of this extraction, or the ids of stored rows.
    """

    article_id: str
    claimant: str
    claim_text: str
    quote: object
    contradicted_by_kind: str  # casualty, event or statement
    contradicted_by: object | None  # None for a statement, which has no row
    other_article_id: str
    contradiction: str
    other_text: str
    start: int
    end: int
    other_start: int
    other_end: int
    claim_id: str | None = None  # set across articles (a digest); rows.py numbers one article's own
