"""Reported speech and speakers: statements without quotation marks, on sentences written for these tests in
the style of wire copy. Each reported row's text is the statement, and its span holds exactly that text."""

from __future__ import annotations

from datetime import date

import pytest

from borderwatch.articles import Article, article_id_for
from borderwatch.extract import extract_article
from borderwatch.extract.lexicon import default_lexicon
from tests.extract_helpers import assert_row_invariants, extract


def _reported(body: str) -> list[tuple[str, str]]:
    rows = extract(body)
    assert_row_invariants(body, rows)
    return [(q["speaker"], q["text"]) for q in rows["quotes"] if q["kind"] == "reported"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # attribution at the end: an institution, a known actor, a long apposition, an outlet
        (
            "Two border posts near Sotk came under mortar fire overnight, the Armenian Defense Ministry said.",
            [("Armenian Defense Ministry", "Two border posts near Sotk came under mortar fire overnight")],
        ),
        (
            "Shelling damaged three houses in the village overnight, Aram Petrosyan, deputy mayor of Sotk, reported.",
            [("Aram Petrosyan", "Shelling damaged three houses in the village overnight")],
        ),
        (
            "The road to the village was closed for the night, the Hetq agency reports.",
            [("Hetq agency", "The road to the village was closed for the night")],
        ),
        (
            "Gunfire was heard near the bridge until dawn, officials in the regional capital told reporters.",
            [("officials in the regional capital", "Gunfire was heard near the bridge until dawn")],
        ),
        (
            "The talks were postponed until next week, said local media and a diplomatic source, who asked not "
            "to be named.",
            [("local media and a diplomatic source", "The talks were postponed until next week")],
        ),
        # an outlet citing a person: the person is the speaker
        (
            "Two houses were hit by shells in the village, News.am reports, citing village head Aram Petrosyan.",
            [("Aram Petrosyan", "Two houses were hit by shells in the village")],
        ),
        # attribution at the start, with a date and an apposition before the verb, and 'that' a few words on
        (
            "On April 2, Aram Petrosyan, deputy head of the Sotk community, reported that two houses were damaged.",
            [("Aram Petrosyan", "two houses were damaged")],
        ),
        (
            "The Armenian Defense Ministry announced on Monday that the situation had calmed down by midnight.",
            [("Armenian Defense Ministry", "the situation had calmed down by midnight")],
        ),
        (
            "Artsakh Ombudsman Gegham Stepanyan shared that shots had been fired at a school.",
            [("Gegham Stepanyan", "shots had been fired at a school")],
        ),
        (
            "Residents told the Hetq agency that the shelling lasted for two hours.",
            [("Residents", "the shelling lasted for two hours")],
        ),
        # 'According to …' at the start and at the end
        (
            "According to the Armenian Defense Ministry, two soldiers were wounded near Sotk.",
            [("Armenian Defense Ministry", "two soldiers were wounded near Sotk")],
        ),
        (
            "The two sides are also discussing an exchange of prisoners, according to the state news agency "
            "Armenpress.",
            [("state news agency Armenpress", "The two sides are also discussing an exchange of prisoners")],
        ),
        # the object of 'reported' right after its speaker
        (
            "Azerbaijan has officially reported 12 dead.",
            [("Azerbaijan", "12 dead")],
        ),
    ],
)
def test_reported_statement_and_speaker(body, expected):
    assert _reported(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The Armenian Defense Ministry accused Azerbaijani forces of shelling two villages near Jermuk.",
            [
                (
                    "Armenian Defense Ministry",
                    "accused Azerbaijani forces of shelling two villages near Jermuk",
                )
            ],
        ),
        (
            "Russia called on both sides to respect the ceasefire.",
            [("Russia", "called on both sides to respect the ceasefire")],
        ),
        (
            "The Armenian Foreign Ministry strongly condemned the attack on the border village.",
            [("Armenian Foreign Ministry", "strongly condemned the attack on the border village")],
        ),
        (
            "Azerbaijan described the shooting as a provocation by the other side.",
            [("Azerbaijan", "described the shooting as a provocation by the other side")],
        ),
        (
            "The Armenian Foreign Ministry demanded the immediate withdrawal of the troops.",
            [("Armenian Foreign Ministry", "demanded the immediate withdrawal of the troops")],
        ),
        (
            "The Armenian Defense Ministry warned of further attacks on the southern border.",
            [("Armenian Defense Ministry", "warned of further attacks on the southern border")],
        ),
    ],
)
def test_a_stance_verb_tells_the_statement_from_the_verb_on(body, expected):
    assert _reported(body) == expected


def test_a_second_statement_joined_by_and_has_the_same_speaker():
    body = (
        "The Armenian Foreign Ministry condemned the shelling of the village and warned that such attacks "
        "could derail the talks."
    )
    assert _reported(body) == [
        ("Armenian Foreign Ministry", "condemned the shelling of the village"),
        ("Armenian Foreign Ministry", "such attacks could derail the talks"),
    ]


def test_adding_that_after_a_quote_is_a_second_statement_by_its_speaker():
    body = (
        "“Our positions came under fire near Kalbajar,” the Azerbaijani Defense Ministry said, adding that "
        "one soldier was wounded."
    )
    rows = extract(body)["quotes"]
    assert [(q["kind"], q["speaker"], q["text"]) for q in rows] == [
        ("direct", "Azerbaijani Defense Ministry", "Our positions came under fire near Kalbajar"),
        ("reported", "Azerbaijani Defense Ministry", "one soldier was wounded"),
    ]


def test_both_sides_are_the_two_states_named_in_the_paragraph():
    body = (
        "Both sides accused each other of breaking the truce, with Armenia claiming that Azerbaijan used "
        "artillery."
    )
    assert _reported(body) == [
        ("Armenia and Azerbaijan", "accused each other of breaking the truce"),
        ("Armenia", "Azerbaijan used artillery"),
    ]


def test_a_mixed_sentence_gives_a_reported_row_and_a_quote_row():
    body = (
        "Prime Minister Nikol Pashinyan accused the neighbouring state of “preparing a new war against "
        "our people.”"
    )
    rows = extract(body)["quotes"]
    assert [(q["kind"], q["speaker"]) for q in rows] == [
        ("reported", "Nikol Pashinyan"),
        ("partial", "Nikol Pashinyan"),
    ]
    assert rows[0]["text"].startswith("accused the neighbouring state of")


def test_a_remark_inside_a_statement_is_not_a_statement_of_its_own():
    body = "Nikol Pashinyan called for an observer mission, which he said was a necessity for the region."
    assert _reported(body) == [("Nikol Pashinyan", "called for an observer mission")]


def test_a_told_sentence_with_its_own_clause_is_not_a_trailing_attribution():
    body = "Describing the shelling as a provocation, Foreign Minister Ararat Mirzoyan told reporters it must stop."
    assert _reported(body) == [("Ararat Mirzoyan", "it must stop")]


@pytest.mark.parametrize(
    "body",
    [
        "The soldiers reported for duty at the border post.",
        "The road reported as closed was opened again.",
        "Officials said on Tuesday.",
    ],
)
def test_no_statement_no_row(body):
    assert _reported(body) == []


def test_they_is_the_forces_named_last_not_the_person():
    body = (
        "Nikol Pashinyan spoke in Yerevan. Azerbaijani forces launched attacks along the border. They said the "
        "attacks were a response to shelling."
    )
    assert _reported(body)[-1] == ("Azerbaijani Armed Forces", "the attacks were a response to shelling")


def test_an_unnamed_ministry_is_the_ministry_of_the_state_last_heard_speaking():
    body = (
        "Armenia is reporting that two soldiers were killed near Sotk as Azerbaijan shelled the village. "
        "“The attack was unprovoked,” the foreign ministry said."
    )
    quotes = extract(body)["quotes"]
    assert [(q["kind"], q["speaker"]) for q in quotes] == [("reported", "Armenia"), ("direct", "Armenia")]


def test_the_foreign_ministry_is_the_foreign_ministry_named_before_not_the_defence_ministry():
    body = (
        "The Armenian Foreign Ministry issued a note. The Armenian Defense Ministry gave a briefing. "
        "“We call for calm,” the foreign ministry said."
    )
    direct = [q for q in extract(body)["quotes"] if q["kind"] == "direct"]
    assert [q["speaker"] for q in direct] == ["Armenian Foreign Ministry"]


def test_a_country_named_inside_the_quote_is_not_read_by_the_statement():
    body = (
        "The Azerbaijani Defense Ministry posted a statement on Monday. “Units of Armenia fired at our posts "
        "near Lachin,” reads the statement."
    )
    direct = [q for q in extract(body)["quotes"] if q["kind"] == "direct"]
    assert [q["speaker"] for q in direct] == ["Azerbaijani Defense Ministry"]


def test_a_long_apposition_introduces_a_person():
    body = (
        "The EU Special Representative for the border region and the wider dispute, Maria Lindqvist, wrote that "
        "‘the violence must end now’. ‘Peace cannot be forced on anyone by arms’."
    )
    quotes = extract(body)["quotes"]
    assert {q["speaker"] for q in quotes} == {"Maria Lindqvist"}


def test_a_surname_misspelt_by_a_letter_or_two_is_the_person_named_before():
    body = (
        "Kristine Grigoryan, Armenia’s human rights defender, visited the village. “Civilians were the "
        "targets of the shelling,” Grigorian said."
    )
    direct = [q for q in extract(body)["quotes"] if q["kind"] == "direct"]
    assert [q["speaker"] for q in direct] == ["Kristine Grigoryan"]


def test_a_title_before_the_name_and_the_role_word_alone():
    body = (
        "Parliament Speaker Alen Simonyan visited Jermuk. “The attack will not go unanswered,” Simonyan said. "
        "Foreign Minister Ararat Mirzoyan met envoys. The minister said that talks would resume next week."
    )
    quotes = extract(body)["quotes"]
    assert [(q["kind"], q["speaker"]) for q in quotes] == [
        ("direct", "Alen Simonyan"),
        ("reported", "Ararat Mirzoyan"),
    ]


def test_quotes_without_attribution_in_an_article_about_one_persons_remarks_are_that_persons():
    body = (
        "Prime Minister Nikol Pashinyan spoke to parliament on Wednesday about the border.\n\n"
        "“We have asked our partners for observers along the whole border.”\n\n"
        "“No agreement has been signed yet.”"
    )
    published = date(2022, 9, 14)
    headline = Article(
        article_id_for(body), "Pashinyan says observers needed", published, "t", "", "t.md", "en", body
    )
    quotes = extract_article(headline, default_lexicon())["quotes"]
    assert [(q["kind"], q["speaker"]) for q in quotes] == [
        ("direct", "Nikol Pashinyan"),
        ("direct", "Nikol Pashinyan"),
    ]


def test_a_place_named_in_the_headline_or_quote_is_not_the_speaker():
    body = "Residents of Jermuk left their homes.\n\n“Jermuk was shelled all night long by the other side.”"
    headline = Article(article_id_for(body), "Jermuk shelled", date(2022, 9, 14), "t", "", "t.md", "en", body)
    quotes = extract_article(headline, default_lexicon())["quotes"]
    assert [q["speaker"] for q in quotes] == [None]


def test_a_source_telling_about_this_reports_the_sentence_before():
    body = (
        "Two shepherds were wounded near the village on Sunday. The head of the local clinic, Aram Petrosyan, "
        "informed the Hetq agency about this."
    )
    assert _reported(body) == [("Aram Petrosyan", "Two shepherds were wounded near the village on Sunday")]


@pytest.mark.parametrize(
    "body",
    [
        "“The border is calm tonight,” the Armenian Defense Ministry said in a statement on Tuesday.",
        "The mission includes officials of CSTO member states who are staff of the organisation.",
        "Nikol Pashinyan called for an observer mission, which he said was needed.",
    ],
)
def test_no_reported_row_from_an_attribution_or_a_noun(body):
    assert [q for q in extract(body)["quotes"] if q["kind"] == "reported" and q["verb"] != "called for"] == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a person named inside the apposition is not the speaker; a name that is the apposition is
        (
            "Hikmet Hajiyev, foreign policy adviser to President Ilham Aliyev, said the border was calm.",
            [("Hikmet Hajiyev", "the border was calm")],
        ),
        (
            "Ilham Aliyev’s aide, Hikmet Hajiyev, said the border was calm.",
            [("Hikmet Hajiyev", "the border was calm")],
        ),
        # a phrase before the subject is not a statement, and the statement after the verb is
        (
            "In a statement, the ministry said two soldiers were killed.",
            [("ministry", "two soldiers were killed")],
        ),
        (
            "Two villages lost power after the shelling, Aram Petrosyan, deputy mayor of the town, told "
            "reporters on Monday.",
            [("Aram Petrosyan", "Two villages lost power after the shelling")],
        ),
    ],
)
def test_appositions_and_phrases_around_the_subject(body, expected):
    assert _reported(body) == expected


def test_it_is_the_institution_heard_speaking_not_the_forces_its_statement_names():
    body = (
        "Armenia's Defence Ministry said on Tuesday that Azerbaijani forces had opened fire near Sotk.\n\n"
        "“The enemy suffered losses,” it said in a statement."
    )
    direct = [q for q in extract(body)["quotes"] if q["kind"] == "direct"]
    assert [q["speaker"] for q in direct] == ["Armenian Defense Ministry"]


def test_a_trailing_attribution_before_adding_that_gives_two_statements():
    body = "The shelling killed two civilians, local authorities said, adding that a school had been damaged."
    assert _reported(body) == [
        ("local authorities", "The shelling killed two civilians"),
        ("local authorities", "a school had been damaged"),
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "According to Armenia's human rights ombudsman, at least 20 homes were damaged in the village.",
            [("Armenia", "at least 20 homes were damaged in the village")],
        ),
        ("Officials have not said how many soldiers were wounded.", []),
        (
            "Speaking to reporters in Baku, presidential aide Hikmet Hajiyev said that saboteurs had crossed "
            "the border.",
            [("Hikmet Hajiyev", "saboteurs had crossed the border")],
        ),
    ],
)
def test_sources_negations_and_titles(body, expected):
    assert _reported(body) == expected


def test_a_name_no_text_introduced_after_a_quote_is_its_speaker_not_the_last_speaker():
    body = (
        "Armenian Foreign Minister Ararat Mirzoyan spoke first.\n\n"
        "“We will respond to every provocation,” Hajiyev said."
    )
    direct = [q for q in extract(body)["quotes"] if q["kind"] == "direct"]
    assert [q["speaker"] for q in direct] == ["Hajiyev"]


def test_a_possessive_is_not_part_of_a_name_and_a_title_makes_a_person():
    body = (
        "U.S. Secretary of State Antony Blinken urged an end to the fighting. Prime Minister Nikol "
        "Pashinyan's office said he had spoken with Blinken."
    )
    assert _reported(body) == [
        ("Antony Blinken", "urged an end to the fighting"),
        ("Nikol Pashinyan", "he had spoken with Blinken"),
    ]


def test_a_description_and_a_quote_over_paragraphs_keep_the_person():
    body = (
        "Aram Petrosyan, the mayor of Sotk, visited the site. The city official said that three houses were "
        "destroyed.\n\n"
        "“We counted the damage all morning and it is far worse than last year\n\n"
        "“Nobody was killed, thank God,” he said."
    )
    quotes = extract(body)["quotes"]
    assert [(q["kind"], q["speaker"]) for q in quotes] == [
        ("reported", "Aram Petrosyan"),
        ("direct", "Aram Petrosyan"),
        ("direct", "Aram Petrosyan"),
    ]
    assert quotes[1]["text"] == "We counted the damage all morning and it is far worse than last year"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The fighting, which Armenian officials said began before dawn, killed at least three soldiers.",
            [],
        ),
        ("As the ministry said earlier, the situation remains tense along the border.", []),
        (
            "Aram Petrosyan, who was wounded, said that the shelling lasted for hours.",
            [("Aram Petrosyan", "the shelling lasted for hours")],
        ),
    ],
)
def test_relative_clauses_around_a_verb(body, expected):
    assert _reported(body) == expected


def test_quotation_marks_of_every_kind_and_a_quote_split_around_its_attribution():
    body = (
        "Defence Minister Suren Papikyan visited the front. «The enemy will not pass,» Papikyan said.\n\n"
        "‘We are ready for talks,’ said Foreign Minister Jeyhun Bayramov, ‘but not under any pressure.’\n\n"
        "“The situation is under control,” the spokeswoman, Aliyeva, said.\n\n"
        "The so-called “peace plan” was rejected."
    )
    quotes = extract(body)["quotes"]
    assert [(q["kind"], q["speaker"], q["text"]) for q in quotes] == [
        ("direct", "Suren Papikyan", "The enemy will not pass"),
        ("direct", "Jeyhun Bayramov", "We are ready for talks"),
        ("direct", "Jeyhun Bayramov", "but not under any pressure."),
        ("direct", "Aliyeva", "The situation is under control"),
        ("partial", None, "peace plan"),
    ]


def test_the_subject_before_a_quoted_predicate_speaks_it_but_not_the_object_of_an_accusation():
    body = (
        "Prime Minister Nikol Pashinyan held calls. In his calls, Mr Pashinyan “stressed the need for "
        "observers along the border”. The ministry accused Armenia “of provocations along the border”."
    )
    partial = [q for q in extract(body)["quotes"] if q["kind"] == "partial"]
    assert [q["speaker"] for q in partial] == ["Nikol Pashinyan", "ministry"]
