"""Stage 7: denials the article contradicts (sentences written for these tests)."""

from __future__ import annotations

from datetime import date

from borderwatch.articles import Article
from borderwatch.extract import claims, extract_article
from borderwatch.extract.lexicon import default_lexicon
from tests.extract_helpers import article, extract


def test_denied_casualties_against_reported_ones():
    body = (
        "“There were no casualties on our side,” the Azerbaijani Defense Ministry said.\n\n"
        "Two Azerbaijani servicemen were wounded near Lachin, Armenian officials said."
    )
    (claim,) = extract(body)["claims"]
    assert claim["claimant"] == "Azerbaijani Defense Ministry"
    assert claim["claim_text"] == "There were no casualties"
    assert claim["contradicted_by_kind"] == "casualty"
    assert claim["other_text"] == "Two Azerbaijani servicemen were wounded"
    assert body[claim["other_char_start"] : claim["other_char_end"]] == claim["other_text"]


def test_denial_with_nothing_against_it_is_not_a_claim_row():
    body = "“There were no casualties,” the ministry of a small town said. The night passed quietly."
    assert extract(body)["claims"] == []


def test_denied_escalation_against_the_articles_own_words():
    body = (
        "Shelling near Jermuk marked a sharp escalation of the conflict.\n\n"
        "Foreign Minister Jeyhun Bayramov said there was no escalation."
    )
    (claim,) = extract(body)["claims"]
    assert (claim["claimant"], claim["claim_text"], claim["contradicted_by_kind"], claim["other_text"]) == (
        "Jeyhun Bayramov",
        "there was no escalation",
        "statement",
        "escalation of the conflict",
    )


def test_one_claim_per_speaker_and_topic():
    body = (
        "“No casualties,” said Foreign Minister Jeyhun Bayramov. “There were no casualties at all,” he added.\n\n"
        "One Azerbaijani soldier was killed near Kalbajar."
    )
    claims = extract(body)["claims"]
    assert [c["claim_text"] for c in claims] == ["No casualties"]


def test_the_contradiction_reads_after_the_claimant():
    body = (
        "“There were no casualties,” the Azerbaijani Defense Ministry said.\n\n"
        "Two Azerbaijani servicemen were wounded near Lachin, Armenian officials said."
    )
    (claim,) = extract(body)["claims"]
    assert claim["contradiction"] == (
        "says “There were no casualties”; the article reports 2 wounded (Azerbaijan, soldier)"
    )


# -- across articles ---------------------------------------------------------------------------------
# Dates: the denial is made on Thursday 15 September 2022 (article of the 16th); the window of
# WINDOW_DAYS before it starts on 15 August 2022.
DENIAL = "“There were no casualties,” the Azerbaijani Defense Ministry said on Thursday."
KILLING = "Two Azerbaijani servicemen were killed near Kalbajar on Tuesday, Armenian officials said."


def _report(body: str, published: date, source: str = "Test Wire") -> claims.Report:
    a = article(body, published)
    a = Article(a.article_id, a.title, a.published, source, a.url, a.path, a.language, a.body)
    return claims.Report.of(a, extract_article(a, default_lexicon()))


def test_another_articles_killing_contradicts_a_denial():
    denial, killing = _report(DENIAL, date(2022, 9, 16)), _report(KILLING, date(2022, 9, 15), "Wire B")
    (claim,) = claims.claims_between(denial, [killing])
    assert claim["article_id"] == denial.article_id
    assert claim["other_article_id"] == killing.article_id
    assert claim["claimant"] == "Azerbaijani Defense Ministry"
    assert (
        claim["claim_text"] == "There were no casualties" == DENIAL[claim["char_start"] : claim["char_end"]]
    )
    assert claim["contradicted_by_kind"] == "casualty"
    assert claim["contradicted_by_id"] == f"{killing.article_id}-C001"
    assert claim["other_text"] == "Two Azerbaijani servicemen were killed"
    assert KILLING[claim["other_char_start"] : claim["other_char_end"]] == claim["other_text"]
    assert claim["contradiction"] == (
        "says “There were no casualties”; Wire B (15 September 2022) reports 2 killed (Azerbaijan, soldier)"
    )


def test_the_pair_gives_the_same_rows_whichever_article_comes_first():
    denial, killing = _report(DENIAL, date(2022, 9, 16)), _report(KILLING, date(2022, 9, 15))
    assert claims.claims_between(denial, [killing]) == claims.claims_between(killing, [denial])
    assert claims.claims_across([denial, killing]) == claims.claims_across([killing, denial])


def test_a_killing_outside_the_window_before_the_denial_does_not_contradict_it():
    denial = _report(DENIAL, date(2022, 9, 16))
    months_before = _report(KILLING, date(2022, 6, 2))  # Tuesday 31 May 2022
    after = _report(KILLING.replace("on Tuesday", "on Saturday"), date(2022, 9, 19))  # the 17th
    assert claims.claims_between(denial, [months_before, after]) == []


def test_an_undated_killing_in_another_article_does_not_contradict_a_denial():
    undated = _report(
        "Two Azerbaijani servicemen were killed near Kalbajar, Armenian officials said.", date(2022, 9, 15)
    )
    assert [c.date_precision for c in undated.casualties] == ["unknown"]
    assert claims.claims_between(_report(DENIAL, date(2022, 9, 16)), [undated]) == []


def test_a_denial_of_civilian_casualties_is_not_contradicted_by_soldiers_killed():
    civilian_denial = DENIAL.replace("no casualties", "no civilian casualties")
    denial = _report(civilian_denial, date(2022, 9, 16))
    soldiers = _report(KILLING, date(2022, 9, 15))
    civilian = _report("A civilian was killed in Sotk on Tuesday, local officials said.", date(2022, 9, 15))
    assert [c.role for c in civilian.casualties] == ["civilian"]
    (claim,) = claims.claims_between(denial, [soldiers, civilian])
    assert claim["other_article_id"] == civilian.article_id


def test_another_articles_own_words_contradict_a_denied_escalation_published_within_the_window():
    denial = _report(
        "Foreign Minister Jeyhun Bayramov said on Friday there was no escalation.", date(2022, 9, 17)
    )
    escalation = "Shelling near Jermuk on Monday marked a sharp escalation of the conflict."
    recent, old = _report(escalation, date(2022, 9, 14)), _report(escalation, date(2022, 7, 1))
    (claim,) = claims.claims_between(denial, [recent, old])
    assert (claim["other_article_id"], claim["contradicted_by_kind"], claim["other_text"]) == (
        recent.article_id,
        "statement",
        "escalation of the conflict",
    )
    assert claim["contradiction"] == (
        "says “there was no escalation”; Test Wire (14 September 2022) says “escalation of the conflict”"
    )


def test_cross_article_claim_ids_are_unique_and_stable():
    denial = _report(DENIAL, date(2022, 9, 16))
    a = _report(KILLING, date(2022, 9, 15))
    b = _report(KILLING.replace("Two", "Three"), date(2022, 9, 15))
    rows = claims.claims_between(denial, [a, b])
    assert len(rows) == 2
    assert len({r["claim_id"] for r in rows}) == 2
    assert all(r["claim_id"].startswith(f"{denial.article_id}-X") for r in rows)
    assert [r["claim_id"] for r in claims.claims_between(denial, [b, a])] == [r["claim_id"] for r in rows][
        ::-1
    ]
