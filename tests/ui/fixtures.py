"""A small hand-made store for the dashboard's tests: two articles written for the tests, rows by hand.

Every row's char_start/char_end is found in its body with str.index and checked, so the spans hold.
The expected numbers the UI tests assert are written out below (EXPECTED_*), by reading these rows.

Run `python -m tests.ui.fixtures PATH` to write the store to PATH (to look at it with `make run`).
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from borderwatch.articles import Article, parse_article
from borderwatch.store.database import Store

FIXTURE_VERSION = "fixture-1"

TEXT_A = """---
title: "CSTO turns down Armenia's appeal"
published: 2021-07-04
source: Test Wire
url: https://example.org/test-wire/csto
---
The CSTO rejected an appeal from Armenia on Saturday, its Secretary-General Stanislav Zas told journalists.

In May, Azerbaijani forces advanced into Gegharkunik province near Lake Sevan. Last month one Armenian \
soldier was killed and six others were captured by Azerbaijani forces in Syunik.

According to Armenian officials, 1,000 Azerbaijani soldiers remain on Armenian territory.

“There are no casualties, there is no shooting there,” said Zas. He claimed there was no escalation of the \
conflict.
"""

TEXT_B = """---
title: "Troops cross the border near Verin Shorzha"
published: 2021-05-20
source: Example Daily
url: https://example.org/daily/verin-shorzha
---
Azerbaijani troops crossed the border near Verin Shorzha during the week of May 12.

Prime Minister Nikol Pashinyan said the army would defend the border villages of Sotk & Kut (population \
<2,000). The Armenian Defense Ministry reported that two soldiers were wounded in Gegharkunik.

Talks were held between the two sides, officials said.
"""

# Normalised names used by the rows (and by the tests' filter choices).
CSTO, ARMENIA, AZ_FORCES, AM_FORCES = "CSTO", "Armenia", "Azerbaijani Armed Forces", "Armenian Armed Forces"
AZERBAIJAN, ZAS, PASHINYAN, AM_GOVERNMENT = (
    "Azerbaijan",
    "Stanislav Zas",
    "Nikol Pashinyan",
    "Government of Armenia",
)
STRATEGIC, BATTLES = "Strategic developments", "Battles"

# What the Overview shows, written by hand from the rows below.
EXPECTED_ALL = {"Events": 5, "Killed": 1, "Captured": 6, "Troops claimed": 1000, "Quotes": 3, "Articles": 2}
EXPECTED_CSTO = {"Events": 1, "Killed": 0, "Captured": 0, "Troops claimed": None, "Quotes": 2, "Articles": 2}
EXPECTED_JUNE = {"Events": 1, "Killed": 1, "Captured": 6, "Troops claimed": None, "Quotes": 0, "Articles": 2}
EXPECTED_MAY = {"Events": 3, "Killed": 0, "Captured": 0, "Troops claimed": None, "Quotes": 1, "Articles": 2}
JUNE = (date(2021, 6, 1), date(2021, 6, 30))
MAY = (date(2021, 5, 1), date(2021, 5, 31))
DATE_BOUNDS = (date(2021, 5, 1), date(2021, 7, 4))
ACTOR_OPTIONS = sorted({CSTO, ARMENIA, AZ_FORCES, AM_FORCES, AZERBAIJAN, ZAS, PASHINYAN, AM_GOVERNMENT})
EVENT_TYPES = [BATTLES, STRATEGIC]
PROVINCES = ["Gegharkunik", "Syunik"]


def article_a() -> Article:
    return parse_article(TEXT_A, "tests/ui/article-a.md")


def article_b() -> Article:
    return parse_article(TEXT_B, "tests/ui/article-b.md")


class _Spans:
    """Finds phrases in one body and hands out provenance fields that are checked to hold."""

    def __init__(self, article: Article):
        self.article = article
        self.body = article.body

    def at(self, phrase: str, after: str = "") -> tuple[int, int]:
        start = self.body.index(phrase, self.body.index(after) if after else 0)
        end = start + len(phrase)
        assert self.body[start:end] == phrase
        return start, end

    def sentence(self, offset: int) -> int:
        return _sentence_index(self.body, offset)

    def provenance(self, phrase: str, after: str = "") -> dict[str, object]:
        start, end = self.at(phrase, after)
        return {
            "article_id": self.article.article_id,
            "sentence_index": self.sentence(start),
            "char_start": start,
            "char_end": end,
            "evidence": self.body[start:end],
        }

    def id(self, kind: str, n: int) -> str:
        return f"{self.article.article_id}-{kind}{n:03d}"


# Sentence starts of the two bodies, by hand (the sentence_index column is 0-based).
_SENTENCE_OPENINGS = {
    "A": ("The CSTO rejected", "In May,", "Last month one", "According to", "“There are no", "He claimed"),
    "B": ("Azerbaijani troops", "Prime Minister", "The Armenian Defense", "Talks were held"),
}


def _sentence_index(body: str, offset: int) -> int:
    key = "A" if body.startswith("The CSTO") else "B"
    starts = [body.index(opening) for opening in _SENTENCE_OPENINGS[key]]
    return max(i for i, s in enumerate(starts) if s <= offset)


def rows_a(a: Article) -> dict[str, list[dict[str, object]]]:
    s = _Spans(a)
    e1, e2, e3 = s.id("E", 1), s.id("E", 2), s.id("E", 3)
    c1 = s.id("C", 1)
    q1, q2 = s.id("Q", 1), s.id("Q", 2)
    quote1 = s.at("There are no casualties, there is no shooting there,")
    quote2 = s.at("there was no escalation of the conflict")
    killed = s.at("one Armenian soldier was killed")
    clash = s.at("Last month one Armenian soldier was killed", after="Lake Sevan")
    clash = (clash[0], s.at("in Syunik")[1])
    return {
        "events": [
            {
                "event_id": e1,
                "event_type": STRATEGIC,
                "sub_event_type": "other",
                "cameo_code": "1224",
                "cameo_name": "reject request for military protection or peacekeeping",
                "trigger": "rejected",
                "actor1": CSTO,
                "actor1_text": "The CSTO",
                "assoc_actor1": ZAS,
                "actor2": ARMENIA,
                "actor2_text": "Armenia",
                "interaction": "organisation – state",
                "date_start": date(2021, 7, 3),
                "date_end": date(2021, 7, 3),
                "date_precision": "day",
                "date_phrase": "on Saturday",
                "geo_precision": "unknown",
                "claimed_by": ZAS,
                "negated": False,
                "summary": "CSTO rejects Armenia's appeal",
                **s.provenance("The CSTO rejected an appeal from Armenia on Saturday"),
            },
            {
                "event_id": e2,
                "event_type": STRATEGIC,
                "sub_event_type": "non-violent transfer of territory",
                "cameo_code": "192",
                "cameo_name": "occupy territory",
                "trigger": "advanced",
                "actor1": AZ_FORCES,
                "actor1_text": "Azerbaijani forces",
                "actor2": ARMENIA,
                "interaction": "state forces – state",
                "date_start": date(2021, 5, 1),
                "date_end": date(2021, 5, 31),
                "date_precision": "month",
                "date_phrase": "In May",
                "country": ARMENIA,
                "admin1": "Gegharkunik",
                "location": "Lake Sevan",
                "location_text": "Lake Sevan",
                "latitude": 40.38,
                "longitude": 45.23,
                "geo_precision": "near",
                "negated": False,
                "summary": "Azerbaijani forces advance into Gegharkunik",
                **s.provenance(
                    "In May, Azerbaijani forces advanced into Gegharkunik province near Lake Sevan"
                ),
            },
            {
                "event_id": e3,
                "event_type": BATTLES,
                "sub_event_type": "armed clash",
                "cameo_code": "190",
                "cameo_name": "use conventional military force",
                "trigger": "killed",
                "actor1": AZ_FORCES,
                "actor1_text": "Azerbaijani forces",
                "actor2": AM_FORCES,
                "actor2_text": "Armenian soldier",
                "interaction": "state forces – state forces",
                "date_start": date(2021, 6, 1),
                "date_end": date(2021, 6, 30),
                "date_precision": "month",
                "date_phrase": "Last month",
                "country": ARMENIA,
                "admin1": "Syunik",
                "geo_precision": "admin1",
                "fatalities": 1,
                "negated": False,
                "summary": "Soldier killed, six captured in Syunik",
                **s.provenance(a.body[clash[0] : clash[1]]),
            },
        ],
        "casualties": [
            {
                "casualty_id": c1,
                "event_id": e3,
                "side": ARMENIA,
                "role": "soldier",
                "kind": "killed",
                "count": 1,
                "count_low": 1,
                "count_high": 1,
                "perpetrator": AZ_FORCES,
                "date_start": date(2021, 6, 1),
                "date_end": date(2021, 6, 30),
                "date_precision": "month",
                "date_phrase": "Last month",
                "admin1": "Syunik",
                **s.provenance("one Armenian soldier was killed"),
            },
            {
                "casualty_id": s.id("C", 2),
                "event_id": e3,
                "side": ARMENIA,
                "role": "soldier",
                "kind": "captured",
                "count": 6,
                "count_low": 6,
                "count_high": 6,
                "perpetrator": AZ_FORCES,
                "date_start": date(2021, 6, 1),
                "date_end": date(2021, 6, 30),
                "date_precision": "month",
                "date_phrase": "Last month",
                "admin1": "Syunik",
                **s.provenance("six others were captured"),
            },
        ],
        "troop_figures": [
            {
                "figure_id": s.id("T", 1),
                "force": AZ_FORCES,
                "side": AZERBAIJAN,
                "count": 1000,
                "count_low": 1000,
                "count_high": 1000,
                "unit": "soldiers",
                "location": ARMENIA,
                "as_of": date(2021, 7, 4),
                "as_of_precision": "day",
                "claimed_by": "Armenian officials",
                **s.provenance("1,000 Azerbaijani soldiers remain on Armenian territory"),
            },
        ],
        "quotes": [
            {
                "quote_id": q1,
                "article_id": a.article_id,
                "speaker": ZAS,
                "speaker_text": "Zas",
                "speaker_role": "Secretary-General",
                "speaker_org": CSTO,
                "kind": "direct",
                "text": a.body[quote1[0] : quote1[1]],
                "verb": "said",
                "date_said": date(2021, 7, 3),
                "date_precision": "day",
                "topic": "casualties",
                "audience": "journalists",
                "sentence_index": _sentence_index(a.body, quote1[0]),
                "char_start": quote1[0],
                "char_end": quote1[1],
            },
            {
                "quote_id": q2,
                "article_id": a.article_id,
                "speaker": ZAS,
                "speaker_text": "He",
                "speaker_role": "Secretary-General",
                "speaker_org": CSTO,
                "kind": "reported",
                "text": a.body[quote2[0] : quote2[1]],
                "verb": "claimed",
                "date_said": date(2021, 7, 3),
                "date_precision": "day",
                "topic": "escalation",
                "sentence_index": _sentence_index(a.body, quote2[0]),
                "char_start": quote2[0],
                "char_end": quote2[1],
            },
        ],
        "claims": [
            {
                "claim_id": s.id("K", 1),
                "article_id": a.article_id,
                "claimant": ZAS,
                "claim_text": a.body[quote1[0] : quote1[1]],
                "claim_quote_id": q1,
                "contradicted_by_kind": "casualty",
                "contradicted_by_id": c1,
                "other_article_id": a.article_id,
                "contradiction": "says no casualties; article reports 1 killed",
                "other_text": a.body[killed[0] : killed[1]],
                "char_start": quote1[0],
                "char_end": quote1[1],
                "other_char_start": killed[0],
                "other_char_end": killed[1],
            },
            {
                "claim_id": s.id("K", 2),
                "article_id": a.article_id,
                "claimant": ZAS,
                "claim_text": a.body[quote2[0] : quote2[1]],
                "claim_quote_id": q2,
                "contradicted_by_kind": "event",
                "contradicted_by_id": e3,
                "other_article_id": a.article_id,
                "contradiction": "says no escalation; article reports 1 killed and 6 captured last month",
                "other_text": a.body[clash[0] : clash[1]],
                "char_start": quote2[0],
                "char_end": quote2[1],
                "other_char_start": clash[0],
                "other_char_end": clash[1],
            },
        ],
        "actors": [
            _actor(a, CSTO, "organisation", aliases="the CSTO", n=1),
            _actor(a, ARMENIA, "state", country=ARMENIA, n=1),
            _actor(a, AZ_FORCES, "armed forces", country=AZERBAIJAN, aliases="Azerbaijani forces", n=2),
            _actor(a, ZAS, "official", role="Secretary-General", org=CSTO, aliases="Zas", n=2),
        ],
        "places": [
            _place(a, "Gegharkunik", "province", n=1),
            _place(a, "Lake Sevan", "lake", admin1="Gegharkunik", lat=40.38, lon=45.23, n=1),
            _place(a, "Syunik", "province", n=1),
        ],
    }


def rows_b(b: Article) -> dict[str, list[dict[str, object]]]:
    s = _Spans(b)
    pledge = s.at("the army would defend the border villages of Sotk & Kut (population <2,000)")
    return {
        "events": [
            {
                "event_id": s.id("E", 1),
                "event_type": STRATEGIC,
                "sub_event_type": "non-violent transfer of territory",
                "cameo_code": "192",
                "cameo_name": "occupy territory",
                "trigger": "crossed",
                "actor1": AZ_FORCES,
                "actor1_text": "Azerbaijani troops",
                "actor2": ARMENIA,
                "interaction": "state forces – state",
                "date_start": date(2021, 5, 12),
                "date_end": date(2021, 5, 18),
                "date_precision": "week",
                "date_phrase": "during the week of May 12",
                "country": ARMENIA,
                "admin1": "Gegharkunik",
                "location": "Verin Shorzha",
                "location_text": "Verin Shorzha",
                "latitude": 40.26,
                "longitude": 45.88,
                "geo_precision": "exact",
                "negated": False,
                "summary": "Azerbaijani troops cross near Verin Shorzha",
                **s.provenance(
                    "Azerbaijani troops crossed the border near Verin Shorzha during the week of May 12"
                ),
            },
            {
                "event_id": s.id("E", 2),
                "event_type": STRATEGIC,
                "sub_event_type": "other",
                "cameo_code": "046",
                "cameo_name": "engage in negotiation",
                "trigger": "Talks",
                "actor1": ARMENIA,
                "actor2": AZERBAIJAN,
                "interaction": "state – state",
                "date_start": None,
                "date_end": date(2021, 5, 20),
                "date_precision": "unknown",
                "date_phrase": None,
                "geo_precision": "unknown",
                "negated": False,
                "claimed_by": "officials",
                "summary": "Talks between the two sides",
                **s.provenance("Talks were held between the two sides"),
            },
        ],
        "casualties": [
            {
                "casualty_id": s.id("C", 1),
                "event_id": None,
                "side": ARMENIA,
                "role": "soldier",
                "kind": "wounded",
                "count": 2,
                "count_low": 2,
                "count_high": 2,
                "date_start": None,
                "date_end": date(2021, 5, 20),
                "date_precision": "unknown",
                "admin1": "Gegharkunik",
                "claimed_by": "Armenian Defense Ministry",
                **s.provenance("two soldiers were wounded in Gegharkunik"),
            },
        ],
        "quotes": [
            {
                "quote_id": s.id("Q", 1),
                "article_id": b.article_id,
                "speaker": PASHINYAN,
                "speaker_text": "Prime Minister Nikol Pashinyan",
                "speaker_role": "Prime Minister",
                "speaker_org": AM_GOVERNMENT,
                "kind": "reported",
                "text": b.body[pledge[0] : pledge[1]],
                "verb": "said",
                "date_said": date(2021, 5, 20),
                "date_precision": "day",
                "topic": "defence",
                "sentence_index": s.sentence(pledge[0]),
                "char_start": pledge[0],
                "char_end": pledge[1],
            },
        ],
        "actors": [
            _actor(b, AZ_FORCES, "armed forces", country=AZERBAIJAN, aliases="Azerbaijani troops", n=1),
            _actor(
                b, PASHINYAN, "official", role="Prime Minister", org=AM_GOVERNMENT, aliases="Pashinyan", n=1
            ),
            _actor(b, "Armenian Defense Ministry", "organisation", country=ARMENIA, n=1),
        ],
        "places": [
            _place(b, "Verin Shorzha", "village", admin1="Gegharkunik", lat=40.26, lon=45.88, n=1),
            _place(b, "Gegharkunik", "province", n=1),
        ],
    }


def _actor(a: Article, name: str, kind: str, country=None, role=None, org=None, aliases="", n=1) -> dict:
    return {"actor_id": name, "name": name, "kind": kind, "country": country, "role": role,
            "organisation": org, "aliases": aliases, "first_seen": a.published, "n_mentions": n,
            "article_id": a.article_id}  # fmt: skip


def _place(a: Article, name: str, kind: str, admin1=None, lat=None, lon=None, n=1) -> dict:
    return {"place_id": name, "name": name, "kind": kind, "country": ARMENIA, "admin1": admin1 or name,
            "latitude": lat, "longitude": lon, "aliases": "", "source": "hand-added for tests",
            "n_mentions": n, "article_id": a.article_id}  # fmt: skip


def _with_article_id(article: Article, rows: dict[str, list[dict[str, object]]]) -> dict:
    return {
        name: [{"article_id": article.article_id, **row} for row in table] for name, table in rows.items()
    }


def check_spans(article: Article, rows: dict[str, list[dict[str, object]]]) -> None:
    """Every evidence (and quote text, claim text) is exactly the body between its offsets."""
    body = article.body
    for name, table in rows.items():
        for row in table:
            if "evidence" in row:
                assert body[row["char_start"] : row["char_end"]] == row["evidence"], (name, row)
            if name == "quotes":
                assert body[row["char_start"] : row["char_end"]] == row["text"], row
            if name == "claims":
                assert body[row["char_start"] : row["char_end"]] == row["claim_text"], row
                assert body[row["other_char_start"] : row["other_char_end"]] == row["other_text"], row


def build_store(path: str | Path) -> Store:
    """A fresh store at path holding the two test articles and their hand-written rows."""
    path = Path(path)
    for stale in (path, path.with_suffix(path.suffix + ".wal")):
        stale.unlink(missing_ok=True)
    store = Store(path)
    for article, rows in ((article_a(), rows_a), (article_b(), rows_b)):
        table_rows = _with_article_id(article, rows(article))
        check_spans(article, table_rows)
        store.ingest(article, table_rows, FIXTURE_VERSION)
    return store


if __name__ == "__main__":
    print(build_store(sys.argv[1]).counts())
