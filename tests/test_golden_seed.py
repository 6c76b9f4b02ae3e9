"""The embedded article, read by hand: every row the extractor must find, with its values.

The expected values below were written by reading data/articles/2021-07-04-csto-rejects-yerevans-appeal.md
(published Sunday 2021-07-04, so "on Saturday" is 2021-07-03 and "last month" is June 2021), not copied from
the extractor's output. The stored copy of the article ends mid-word ("In additi"), so the Dushanbe
discussion and the monitoring-group remark that the full text goes on to report are not in it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from borderwatch.articles.files import read_path
from borderwatch.extract import extract_article
from borderwatch.extract.lexicon import default_lexicon

SEED = (
    Path(__file__).resolve().parent.parent
    / "data"
    / "articles"
    / "2021-07-04-csto-rejects-yerevans-appeal.md"
)
ZAS = "Stanislav Zas"
JUNE = (date(2021, 6, 1), date(2021, 6, 30), "month")
MAY = (date(2021, 5, 1), date(2021, 5, 31), "month")
SATURDAY = (date(2021, 7, 3), date(2021, 7, 3), "day")


@pytest.fixture(scope="module")
def seed():
    article = read_path(SEED)
    return article, extract_article(article, default_lexicon())


def test_article_row(seed):
    article, rows = seed
    (row,) = rows["articles"]
    assert row["published"] == date(2021, 7, 4)
    assert row["title"] == "CSTO Rejects Yerevan’s Appeal for Help in Armenia Border Breach by Azerbaijan"
    assert row["source"] == "armenianclub.com"
    # Paragraphs 1, 2, 3, 5, 6, 7, 8 are one unit each (quote paragraphs stay whole); paragraph 4 has two sentences.
    assert row["n_sentences"] == 9
    assert len(article.article_id) == 12


# (kind, speaker, first words of the text, last words of the text, verb)
EXPECTED_QUOTES = [
    ("partial", ZAS, "border incident", "border incident", "told"),
    ("reported", ZAS, "the situation does not fall", "charter on collective defense", "told"),
    ("direct", ZAS, "You have to understand", "we are in favor of solving it peacefully", "said"),
    (
        "reported",
        "Armenian officials",
        "there are 1,000 Azerbaijani soldiers",
        "living in the border areas",
        "according to",
    ),
    ("reported", ZAS, "there was no escalation", "of the conflict", "claimed"),
    ("direct", ZAS, "Actually, we cannot speak", "resolved at the negotiating table", "said"),
    (
        "reported",
        ZAS,
        "after receiving the appeal from Armenia in May",
        "in the border regions of the country",
        "explained",
    ),
    ("direct", ZAS, "Consultations were held at the level", "In additi", None),
]


def test_quotes_with_speakers(seed):
    _, rows = seed
    got = [(q["kind"], q["speaker"], q["text"], q["verb"]) for q in rows["quotes"]]
    assert len(got) == len(EXPECTED_QUOTES), got
    for (kind, speaker, text, verb), (e_kind, e_speaker, head, tail, e_verb) in zip(
        got, EXPECTED_QUOTES, strict=True
    ):
        assert (kind, speaker, verb) == (e_kind, e_speaker, e_verb), text
        assert text.startswith(head) and text.endswith(tail), text


def test_zas_is_the_csto_secretary_general_everywhere(seed):
    _, rows = seed
    for quote in rows["quotes"]:
        if quote["speaker"] == ZAS:
            assert quote["speaker_role"] == "Secretary-General"
            assert quote["speaker_org"] == "CSTO"


def test_quote_dates_said(seed):
    _, rows = seed
    first_two = rows["quotes"][:2]
    assert [(q["date_said"], q["date_precision"]) for q in first_two] == [(date(2021, 7, 3), "day")] * 2
    assert rows["quotes"][1]["audience"] == "journalists"
    officials = rows["quotes"][3]
    assert officials["date_said"] is None and officials["date_precision"] == "unknown"


def test_casualties(seed):
    _, rows = seed
    got = [
        (
            c["side"],
            c["role"],
            c["kind"],
            c["count"],
            c["perpetrator"],
            (c["date_start"], c["date_end"], c["date_precision"]),
            c["date_phrase"],
            c["claimed_by"],
            c["evidence"],
        )
        for c in rows["casualties"]
    ]
    assert got == [
        (
            "Armenia",
            "soldier",
            "killed",
            1,
            "Azerbaijani Armed Forces",
            JUNE,
            "Last month",
            None,
            "an Armenian soldier was killed",
        ),
        (
            "Armenia",
            "soldier",
            "captured",
            6,
            "Azerbaijani Armed Forces",
            JUNE,
            "Last month",
            None,
            "six others were taken hostage",
        ),
    ]


def test_troop_figure(seed):
    _, rows = seed
    (t,) = rows["troop_figures"]
    assert (t["force"], t["side"], t["count"], t["count_low"], t["count_high"], t["unit"]) == (
        "Azerbaijani Armed Forces",
        "Azerbaijan",
        1000,
        1000,
        1000,
        "soldiers",
    )
    assert (t["location"], t["as_of"], t["as_of_precision"]) == ("Armenia", date(2021, 7, 4), "day")
    assert t["claimed_by"] == "Armenian officials"
    assert t["evidence"] == "1,000 Azerbaijani soldiers"


# (cameo_code, actor1, actor2, admin1, (date_start, date_end, precision), fatalities, claimed_by)
UNKNOWN_BEFORE_PUBLICATION = (None, date(2021, 7, 4), "unknown")
EXPECTED_EVENTS = [
    ("1222", "CSTO", "Armenia", None, UNKNOWN_BEFORE_PUBLICATION, None, None),  # rejected the appeal
    ("0232", "Armenia", "CSTO", None, MAY, None, None),  # the appeal, made in May
    # the advance happened before the May appeal: bounded above by May, start unknown; one row per province
    (
        "192",
        "Azerbaijani Armed Forces",
        "Armenia",
        "Gegharkunik",
        (None, date(2021, 5, 31), "unknown"),
        None,
        None,
    ),
    (
        "192",
        "Azerbaijani Armed Forces",
        "Armenia",
        "Syunik",
        (None, date(2021, 5, 31), "unknown"),
        None,
        None,
    ),
    ("010", "CSTO", None, None, SATURDAY, None, None),  # Zas's statement to journalists on Saturday
    ("190", "Azerbaijani Armed Forces", "Armenian Armed Forces", None, JUNE, 1, None),  # soldier killed
    ("181", "Azerbaijani Armed Forces", "Armenian Armed Forces", None, JUNE, None, None),  # six taken hostage
    # consultations after the May appeal (reported by Zas): from May 2021, bounded by publication
    ("040", "CSTO", None, None, (date(2021, 5, 1), date(2021, 7, 4), "unknown"), None, ZAS),
]


def test_events(seed):
    _, rows = seed
    got = [
        (
            e["cameo_code"],
            e["actor1"],
            e["actor2"],
            e["admin1"],
            (e["date_start"], e["date_end"], e["date_precision"]),
            e["fatalities"],
            e["claimed_by"],
        )
        for e in rows["events"]
    ]
    assert got == EXPECTED_EVENTS


def test_event_places_and_statement(seed):
    _, rows = seed
    advance = [e for e in rows["events"] if e["cameo_code"] == "192"]
    assert {(e["country"], e["geo_precision"]) for e in advance} == {("Armenia", "admin1")}
    assert all(e["latitude"] is None for e in advance)  # a province is never a made-up point
    statement = next(e for e in rows["events"] if e["cameo_code"] == "010")
    assert statement["assoc_actor1"] == ZAS and statement["date_phrase"] == "on Saturday"
    assert not any(e["negated"] for e in rows["events"])


def test_events_link_their_casualties(seed):
    _, rows = seed
    by_id = {e["event_id"]: e for e in rows["events"]}
    killed, captured = rows["casualties"]
    assert by_id[killed["event_id"]]["cameo_code"] == "190"
    assert by_id[captured["event_id"]]["cameo_code"] == "181"


def test_two_contradictions(seed):
    _, rows = seed
    got = [
        (c["claimant"], c["claim_text"], c["contradicted_by_kind"], c["other_text"]) for c in rows["claims"]
    ]
    assert got == [
        (ZAS, "there are no casualties", "casualty", "an Armenian soldier was killed"),
        (ZAS, "there was no escalation", "statement", "escalating an already tense situation"),
    ]
    casualty_id = rows["casualties"][0]["casualty_id"]
    assert rows["claims"][0]["contradicted_by_id"] == casualty_id


def test_places_and_actors(seed):
    _, rows = seed
    places = {p["name"]: p for p in rows["places"]}
    assert {"Gegharkunik", "Syunik", "Armenia"} <= set(places)
    assert places["Syunik"]["kind"] == "province"
    actors = {a["name"]: a for a in rows["actors"]}
    assert {"CSTO", "Armenia", "Azerbaijani Armed Forces", ZAS, "Armenian officials"} <= set(actors)
    assert actors[ZAS]["role"] == "Secretary-General" and actors[ZAS]["organisation"] == "CSTO"
    assert "Russia-led Collective Security Treaty Organization" not in actors  # an alias, not an actor


def test_every_span_holds(seed):
    article, rows = seed
    for table, table_rows in rows.items():
        for row in table_rows:
            if "evidence" in row:
                assert article.body[row["char_start"] : row["char_end"]] == row["evidence"], (table, row)
            if table == "quotes":
                assert article.body[row["char_start"] : row["char_end"]] == row["text"]
            if table == "claims":
                assert article.body[row["char_start"] : row["char_end"]] == row["claim_text"]
                assert article.body[row["other_char_start"] : row["other_char_end"]] == row["other_text"]
