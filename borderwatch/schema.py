"""Every BorderWatch table: its columns, their types and what they mean.

The extractor, the store, the CSV export and the dashboard's data dictionary all
read this module, so a column is added here once and appears everywhere.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

# Logical types, mapped to DuckDB and pandas types below.
TEXT, INT, FLOAT, BOOL, DATE, TIMESTAMP = "text", "int", "float", "bool", "date", "timestamp"

DUCKDB_TYPES = {
    TEXT: "VARCHAR",
    INT: "BIGINT",
    FLOAT: "DOUBLE",
    BOOL: "BOOLEAN",
    DATE: "DATE",
    TIMESTAMP: "TIMESTAMP",
}
PANDAS_DTYPES = {
    TEXT: "string",
    INT: "Int64",
    FLOAT: "Float64",
    BOOL: "boolean",
    DATE: "datetime64[s]",
    TIMESTAMP: "datetime64[us]",
}

DATE_PRECISIONS = ("day", "week", "month", "year", "unknown")
GEO_PRECISIONS = ("exact", "near", "admin1", "country", "unknown")
CASUALTY_KINDS = ("killed", "wounded", "captured", "missing")
QUOTE_KINDS = ("direct", "partial", "reported")

# Table name -> its rows: what the extractor returns for an article and what the store takes in.
TableRows = Mapping[str, Sequence[Mapping[str, object]]]


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    description: str


@dataclass(frozen=True)
class Table:
    name: str
    key: str
    description: str
    columns: tuple[Column, ...]

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(f"{self.name} has no column {name!r}")


def _cols(*specs: tuple[str, str, str]) -> tuple[Column, ...]:
    return tuple(Column(*s) for s in specs)


# Column groups shared by several tables.
_DATED = (
    ("date_start", DATE, "First day the row can refer to (ISO date)."),
    ("date_end", DATE, "Last day the row can refer to, inclusive."),
    (
        "date_precision",
        TEXT,
        "How precise the date is: day, week, month, year or unknown. "
        "'in May' is a month, not May 1st; unknown is bounded by the publication date.",
    ),
    ("date_phrase", TEXT, "The words the article used for the date ('last month'); empty when none."),
)
_PROVENANCE = (
    ("sentence_index", INT, "Index of the sentence (0-based) in the article body."),
    ("char_start", INT, "Offset of the first character of the evidence in the article body."),
    ("char_end", INT, "Offset just past the last character: body[char_start:char_end] is the evidence."),
    ("evidence", TEXT, "The exact words of the article this row was read from."),
)
_CLAIMED = (
    (
        "claimed_by",
        TEXT,
        "Who says it ('Armenian officials'); empty when the article says it in its own voice.",
    ),
)

ARTICLES = Table(
    "articles",
    "article_id",
    "One row per article read.",
    _cols(
        ("article_id", TEXT, "First 12 hex digits of the SHA-256 of the body with whitespace normalised."),
        ("title", TEXT, "Headline, from the front matter."),
        ("published", DATE, "Publication date; relative dates ('last month') resolve against it."),
        ("source", TEXT, "Publisher or site."),
        ("url", TEXT, "Where the article was published."),
        ("path", TEXT, "File the article was read from."),
        ("language", TEXT, "Language code of the text (en)."),
        ("n_sentences", INT, "Number of sentences in the body."),
        ("n_words", INT, "Number of words in the body."),
        ("ingested_at", TIMESTAMP, "When the article entered the store (UTC)."),
        ("extractor_version", TEXT, "Version of the extractor that produced the rows."),
    ),
)

EVENTS = Table(
    "events",
    "event_id",
    "Things that happened or were done, one row per event mention.",
    _cols(
        ("event_id", TEXT, "Identifier: article_id, 'E' and a sequence number."),
        ("article_id", TEXT, "Article the event was read from."),
        (
            "event_type",
            TEXT,
            "ACLED event type (Battles, Explosions/Remote violence, Violence against "
            "civilians, Strategic developments).",
        ),
        (
            "sub_event_type",
            TEXT,
            "ACLED sub-event type (armed clash, non-violent transfer of territory, other …).",
        ),
        ("cameo_code", TEXT, "CAMEO event code (GDELT), e.g. 0232 appeal for military aid."),
        ("cameo_name", TEXT, "CAMEO code's name."),
        ("trigger", TEXT, "The word or phrase that names the event ('rejected', 'taken hostage')."),
        ("actor1", TEXT, "Who acted, normalised name from the actor gazetteer."),
        ("actor1_text", TEXT, "The words the article used for actor1."),
        ("assoc_actor1", TEXT, "A person acting for actor1 (the official who spoke for the organisation)."),
        ("actor2", TEXT, "Who was acted upon, normalised name."),
        ("actor2_text", TEXT, "The words the article used for actor2."),
        ("interaction", TEXT, "Kinds of the two actors, e.g. 'organisation – state'."),
        *_DATED,
        ("country", TEXT, "Country where it happened."),
        ("admin1", TEXT, "Province (first-level division) where it happened."),
        ("location", TEXT, "Named place, normalised from the place gazetteer."),
        ("location_text", TEXT, "The words the article used for the place."),
        ("latitude", FLOAT, "Latitude of the place (WGS84); empty when only a province or country is known."),
        ("longitude", FLOAT, "Longitude of the place (WGS84)."),
        ("geo_precision", TEXT, "How precise the place is: exact, near, admin1, country or unknown."),
        (
            "fatalities",
            INT,
            "People killed in this event, from its casualty rows; empty when unknown (never 0 for unknown).",
        ),
        *_CLAIMED,
        ("negated", BOOL, "True when the text says the event did not happen ('a decision … was not made')."),
        ("summary", TEXT, "One line in plain words."),
        *_PROVENANCE,
    ),
)

CASUALTIES = Table(
    "casualties",
    "casualty_id",
    "People killed, wounded, captured or missing, one row per figure stated.",
    _cols(
        ("casualty_id", TEXT, "Identifier: article_id, 'C' and a sequence number."),
        ("article_id", TEXT, "Article the figure was read from."),
        ("event_id", TEXT, "Event of the same sentence this figure belongs to, if any."),
        ("side", TEXT, "The victims' nationality or group (Armenia, Azerbaijan …)."),
        ("role", TEXT, "soldier, civilian or unknown."),
        ("kind", TEXT, "killed, wounded, captured (including taken hostage) or missing."),
        ("count", INT, "The number when the text gives one; empty when it gives only a bound."),
        ("count_low", INT, "Lower bound ('over 250' → 251, 'dozens' → 12); equals count when exact."),
        ("count_high", INT, "Upper bound; equals count when exact; empty when open."),
        ("perpetrator", TEXT, "Who caused it, when stated."),
        *_DATED,
        ("admin1", TEXT, "Province, when stated in the sentence."),
        ("location", TEXT, "Named place, when stated in the sentence."),
        *_CLAIMED,
        *_PROVENANCE,
    ),
)

TROOP_FIGURES = Table(
    "troop_figures",
    "figure_id",
    "Claims about how many troops are somewhere.",
    _cols(
        ("figure_id", TEXT, "Identifier: article_id, 'T' and a sequence number."),
        ("article_id", TEXT, "Article the figure was read from."),
        ("event_id", TEXT, "Event of the same sentence this figure belongs to, if any."),
        ("force", TEXT, "Whose troops (Azerbaijani armed forces …)."),
        ("side", TEXT, "Country the force belongs to."),
        ("count", INT, "The number when the text gives one."),
        ("count_low", INT, "Lower bound."),
        ("count_high", INT, "Upper bound; empty when open."),
        ("unit", TEXT, "What is counted: soldiers, servicemen, troops."),
        ("location", TEXT, "Where, as stated ('Armenia’s sovereign territory' → Armenia)."),
        ("admin1", TEXT, "Province, when stated."),
        ("as_of", DATE, "Date the figure refers to."),
        ("as_of_precision", TEXT, "Precision of as_of: day, week, month, year or unknown."),
        *_CLAIMED,
        *_PROVENANCE,
    ),
)

QUOTES = Table(
    "quotes",
    "quote_id",
    "What people said: direct quotes, partial quotes and reported speech.",
    _cols(
        ("quote_id", TEXT, "Identifier: article_id, 'Q' and a sequence number."),
        ("article_id", TEXT, "Article the quote was read from."),
        ("speaker", TEXT, "Who said it, normalised (full name where the article gives it)."),
        ("speaker_text", TEXT, "The words the article used for the speaker at this quote ('Zas', 'he')."),
        ("speaker_role", TEXT, "Speaker's role (Secretary-General)."),
        ("speaker_org", TEXT, "Speaker's organisation (CSTO)."),
        (
            "kind",
            TEXT,
            "direct (a whole quoted statement), partial (a quoted fragment inside the "
            "article's own sentence) or reported (indirect speech).",
        ),
        ("text", TEXT, "The quote exactly as in the article (without the quotation marks)."),
        ("verb", TEXT, "Speech verb (said, told, claimed …)."),
        ("date_said", DATE, "When it was said, where the text gives it."),
        ("date_precision", TEXT, "Precision of date_said."),
        ("topic", TEXT, "Topic from the topic lexicon (casualties, escalation, mandate …)."),
        ("audience", TEXT, "Who it was said to ('journalists'), when stated."),
        ("sentence_index", INT, "Index of the first sentence of the quote."),
        ("char_start", INT, "Offset of the quote text in the body: body[char_start:char_end] == text."),
        ("char_end", INT, "Offset just past the quote text."),
    ),
)

ACTORS = Table(
    "actors",
    "actor_id",
    "States, armed forces, organisations and people the articles mention.",
    _cols(
        ("actor_id", TEXT, "Identifier from the actor gazetteer (or the person's name)."),
        ("name", TEXT, "Normalised name."),
        ("kind", TEXT, "state, armed forces, organisation, official, person or group."),
        ("country", TEXT, "Country the actor belongs to."),
        ("role", TEXT, "Role of a person (Secretary-General)."),
        ("organisation", TEXT, "Organisation of a person."),
        ("aliases", TEXT, "Other names seen in the text, pipe-separated."),
        ("first_seen", DATE, "Publication date of the first article mentioning it."),
        ("n_mentions", INT, "Number of mentions across the articles."),
        ("article_id", TEXT, "Article the mentions were counted in."),
    ),
)

PLACES = Table(
    "places",
    "place_id",
    "Places the articles mention, with coordinates from the gazetteer.",
    _cols(
        ("place_id", TEXT, "Identifier from the place gazetteer."),
        ("name", TEXT, "Normalised name."),
        ("kind", TEXT, "province, town, village, lake, capital, country or border section."),
        ("country", TEXT, "Country."),
        ("admin1", TEXT, "Province."),
        ("latitude", FLOAT, "Latitude (WGS84); empty for a province or country."),
        ("longitude", FLOAT, "Longitude (WGS84)."),
        ("aliases", TEXT, "Other spellings, pipe-separated."),
        (
            "source",
            TEXT,
            "Where the coordinates come from (GeoNames id, Natural Earth, hand-added with citation).",
        ),
        ("n_mentions", INT, "Number of mentions in the article."),
        ("article_id", TEXT, "Article the mentions were counted in."),
    ),
)

CLAIMS = Table(
    "claims",
    "claim_id",
    "Statements that the article (or another article) contradicts, with both evidence spans.",
    _cols(
        (
            "claim_id",
            TEXT,
            "Identifier: article_id, 'K' and a sequence number when the article contradicts itself; "
            "article_id, 'X' and a digest of the other article, claimant and topic when another does.",
        ),
        ("article_id", TEXT, "Article of the claim."),
        ("claimant", TEXT, "Who makes the claim."),
        ("claim_text", TEXT, "The words of the claim: body[char_start:char_end]."),
        ("claim_quote_id", TEXT, "Quote row holding the claim, if any."),
        ("contradicted_by_kind", TEXT, "What contradicts it: casualty, event, quote or statement."),
        ("contradicted_by_id", TEXT, "Row that contradicts it."),
        (
            "other_article_id",
            TEXT,
            "Article of the contradicting words: the claim's own, or another article whose report is "
            "dated to the month or better within 31 days before the claim was made.",
        ),
        ("contradiction", TEXT, "One line: 'says “no casualties”; the article reports 1 killed'."),
        (
            "other_text",
            TEXT,
            "The contradicting words: body[other_char_start:other_char_end] of the other article.",
        ),
        ("char_start", INT, "Offset of the claim in its article's body."),
        ("char_end", INT, "End offset of the claim."),
        ("other_char_start", INT, "Offset of the contradicting words in the other article's body."),
        ("other_char_end", INT, "End offset of the contradicting words."),
    ),
)

TABLES: dict[str, Table] = {
    t.name: t for t in (ARTICLES, EVENTS, CASUALTIES, TROOP_FIGURES, QUOTES, ACTORS, PLACES, CLAIMS)
}
# Tables whose rows are extracted from one article (everything but articles itself).
EXTRACTED_TABLES = tuple(name for name in TABLES if name != "articles")


def data_dictionary() -> list[dict[str, str]]:
    """Every column of every table, as rows for display or export."""
    return [
        {"table": t.name, "column": c.name, "type": c.type, "description": c.description}
        for t in TABLES.values()
        for c in t.columns
    ]
