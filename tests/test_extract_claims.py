"""Stage 7: denials the article contradicts (sentences written for these tests)."""

from __future__ import annotations

from tests.extract_helpers import extract


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
