"""A store for the Map page's tests: the hand-made store of fixtures.py and a third article, written for the
map, with places outside the map's frame, troop figures in provinces and a figure known only by its bound.

The third article lives in its own store so that the numbers the other UI tests assert stay as they are.
Its expected map values are written out below (EXPECTED_MAP_*), by reading these rows and fixtures.py's.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from borderwatch.articles import Article, parse_article
from borderwatch.store.database import Store
from tests.ui.fixtures import (
    AM_FORCES,
    ARMENIA,
    AZ_FORCES,
    AZERBAIJAN,
    BATTLES,
    CSTO,
    FIXTURE_VERSION,
    STRATEGIC,
    _Spans,
    _with_article_id,
    build_store,
    check_spans,
)

TEXT_C = """---
title: "Talks in Moscow and Dushanbe while troops stay near Sotk"
published: 2021-06-15
source: Map Test Post
url: https://example.org/map-test/sotk
---
Armenian and Azerbaijani officials met in Moscow on June 10.

CSTO defence ministers met in Dushanbe on June 11.

Three Armenian soldiers were wounded near Sotk on June 12. Armenian officials said 300 Azerbaijani \
soldiers remain near Sotk; Baku put the number at 250.

Dozens of Azerbaijani troops were seen in Syunik on June 13, and one soldier went missing there.
"""
SENTENCES_C = (
    "Armenian and Azerbaijani",
    "CSTO defence",
    "Three Armenian",
    "Armenian officials said",
    "Dozens of",
)
SOTK = (40.20007, 45.86951)  # GeoNames 616041, as in data/geo/places.csv

# The map over fixtures.py's two articles and this one (no filter), by hand:
# events: Gegharkunik A-E2 (Lake Sevan), B-E1 (Verin Shorzha), C-E3 (Sotk); Syunik A-E3, C-E4;
# casualties: Gegharkunik 2 wounded (B-C1) and 3 wounded (C-C1): one kind, so the larger, 3; Syunik 1 killed
# + 6 captured (A-C1, A-C2): two kinds, added; C-C2's missing soldier not counted; troops: Gegharkunik the larger of 300 and 250, Syunik 'dozens' → 12.
EXPECTED_MAP_EVENTS = {"Gegharkunik": 3, "Syunik": 2}
EXPECTED_MAP_CASUALTIES = {"Gegharkunik": 3, "Syunik": 1 + 6}
EXPECTED_MAP_TROOPS = {"Gegharkunik": 300, "Syunik": 12}
EXPECTED_MAP_MARKERS = ["Lake Sevan", "Sotk", "Verin Shorzha"]
EXPECTED_MAP_OUTSIDE = ["Dushanbe", "Moscow"]


def article_c() -> Article:
    return parse_article(TEXT_C, "tests/ui/article-c.md")


class _SpansC(_Spans):
    def sentence(self, offset: int) -> int:
        starts = [self.body.index(opening) for opening in SENTENCES_C]
        return max(i for i, s in enumerate(starts) if s <= offset)


def _event(s: _SpansC, n: int, phrase: str, day: int, **fields) -> dict[str, object]:
    return {
        "event_id": s.id("E", n),
        "date_start": date(2021, 6, day),
        "date_end": date(2021, 6, day),
        "date_precision": "day",
        "date_phrase": f"on June {day}",
        "negated": False,
        **fields,
        **s.provenance(phrase),
    }


def rows_c(c: Article) -> dict[str, list[dict[str, object]]]:
    s = _SpansC(c)
    meeting = {
        "event_type": STRATEGIC,
        "sub_event_type": "other",
        "cameo_code": "040",
        "cameo_name": "consult",
    }
    return {
        "events": [
            _event(
                s,
                1,
                "Armenian and Azerbaijani officials met in Moscow on June 10",
                10,
                **meeting,
                trigger="met",
                actor1=ARMENIA,
                actor2=AZERBAIJAN,
                country="Russia",
                location="Moscow",
                location_text="Moscow",
                latitude=55.75222,
                longitude=37.61556,
                geo_precision="exact",
                summary="Armenian and Azerbaijani officials meet in Moscow",
            ),
            _event(
                s,
                2,
                "CSTO defence ministers met in Dushanbe on June 11",
                11,
                **meeting,
                trigger="met",
                actor1=CSTO,
                country="Tajikistan",
                location="Dushanbe",
                location_text="Dushanbe",
                latitude=38.53575,
                longitude=68.77905,
                geo_precision="exact",
                summary="CSTO defence ministers meet in Dushanbe",
            ),
            _event(
                s,
                3,
                "Three Armenian soldiers were wounded near Sotk on June 12",
                12,
                event_type=BATTLES,
                sub_event_type="armed clash",
                trigger="wounded",
                actor1=AZ_FORCES,
                actor2=AM_FORCES,
                country=ARMENIA,
                admin1="Gegharkunik",
                location="Sotk",
                location_text="Sotk",
                latitude=SOTK[0],
                longitude=SOTK[1],
                geo_precision="near",
                summary="Three soldiers wounded near Sotk",
            ),
            _event(
                s,
                4,
                "Dozens of Azerbaijani troops were seen in Syunik on June 13",
                13,
                event_type=STRATEGIC,
                sub_event_type="other",
                trigger="seen",
                actor1=AZ_FORCES,
                country=ARMENIA,
                admin1="Syunik",
                geo_precision="admin1",
                summary="Azerbaijani troops seen in Syunik",
            ),
        ],
        "casualties": [
            {
                "casualty_id": s.id("C", 1),
                "event_id": s.id("E", 3),
                "side": ARMENIA,
                "role": "soldier",
                "kind": "wounded",
                "count": 3,
                "count_low": 3,
                "count_high": 3,
                "location": "Sotk",
                "date_start": date(2021, 6, 12),
                "date_end": date(2021, 6, 12),
                "date_precision": "day",
                **s.provenance("Three Armenian soldiers were wounded"),
            },
            {
                "casualty_id": s.id("C", 2),
                "event_id": s.id("E", 4),
                "side": ARMENIA,
                "role": "soldier",
                "kind": "missing",
                "count": 1,
                "count_low": 1,
                "count_high": 1,
                "admin1": "Syunik",
                "date_start": date(2021, 6, 13),
                "date_end": date(2021, 6, 13),
                "date_precision": "day",
                **s.provenance("one soldier went missing there"),
            },
        ],
        "troop_figures": [
            {
                "figure_id": s.id("T", 1),
                "force": AZ_FORCES,
                "side": AZERBAIJAN,
                "count": 300,
                "count_low": 300,
                "count_high": 300,
                "unit": "soldiers",
                "location": "Sotk",
                "admin1": "Gegharkunik",
                "as_of": date(2021, 6, 15),
                "as_of_precision": "day",
                "claimed_by": "Armenian officials",
                **s.provenance("300 Azerbaijani soldiers remain near Sotk"),
            },
            {
                "figure_id": s.id("T", 2),
                "force": AZ_FORCES,
                "side": AZERBAIJAN,
                "count": 250,
                "count_low": 250,
                "count_high": 250,
                "unit": "soldiers",
                "admin1": "Gegharkunik",
                "as_of": date(2021, 6, 15),
                "as_of_precision": "day",
                "claimed_by": AZERBAIJAN,
                **s.provenance("Baku put the number at 250"),
            },
            {
                "figure_id": s.id("T", 3),
                "event_id": s.id("E", 4),
                "force": AZ_FORCES,
                "side": AZERBAIJAN,
                "count": None,
                "count_low": 12,
                "count_high": None,
                "unit": "troops",
                "as_of": date(2021, 6, 13),
                "as_of_precision": "day",
                **s.provenance("Dozens of Azerbaijani troops"),
            },
        ],
    }


def build_map_store(path: str | Path) -> Store:
    """fixtures.py's store with the map's third article added."""
    store = build_store(path)
    article = article_c()
    rows = _with_article_id(article, rows_c(article))
    check_spans(article, rows)
    store.ingest(article, rows, FIXTURE_VERSION)
    return store
