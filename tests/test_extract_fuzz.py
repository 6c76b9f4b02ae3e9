"""Mutated articles through reading and extraction: nothing but an ArticleError escapes, rows keep their spans."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from borderwatch.articles import ArticleError, parse_article
from borderwatch.extract import extract_article
from borderwatch.extract.lexicon import default_lexicon
from tests.extract_helpers import assert_row_invariants

# Articles written for this test, in the style of wire copy.
ARTICLES = [
    "---\ntitle: Clashes near Jermuk\npublished: 2022-09-14\nsource: Test Wire\n---\n"
    "Two Armenian soldiers were killed and three others wounded when Azerbaijani forces shelled positions "
    "near Jermuk on Tuesday, the Armenian Defense Ministry said.\n\n"
    "“The situation remains tense,” Foreign Minister Ararat Mirzoyan told reporters in Yerevan on Monday.\n\n"
    "According to local officials there are more than 300 Azerbaijani troops on Armenian territory.\n",
    "---\ntitle: Prisoners\npublished: 2021-11-20\n---\n"
    "Baku denied the report, saying there were no casualties among civilians. Six servicemen were taken "
    "prisoner by Azerbaijani forces in the Gegharkunik province in May, the ombudsman said.\n\n"
    "He added: “We will not accept this.” The CSTO said it would send a mission in September.\n",
    "---\ntitle: Talks\npublished: 2021-05-28\nlanguage: en\n---\n"
    "After the clash on 12 May, dozens of villagers left Sotk; at least 1,000 Azerbaijani soldiers remain, "
    "Prime Minister Nikol Pashinyan said on Thursday. ‘We are ready,’ the ministry said.\n",
]
# Pieces a mutation inserts: quotation marks, digits, long numbers, unicode, control and direction marks.
PIECES = [
    "“", "”", '"', "‘", "’", "«", "»", "!", "?", ".", "...", ",", ";", ":", "\n", "\n\n", "\r\n", "(", ")",
    "[", "]", "0", "7", "1,000", "99999999999999999999999", "9" * 300, "2021", "12 May", "on Monday",
    " said ", " told ", " he ", " the ministry ", " Zas ", " killed ", " wounded ", " among Armenian troops ",
    "\u202e", "\u200f", "\u200b", "\x00", "\x07", "\x1b", "\ufeff", "é", "Ü", "ß", "İ", "ſ", "ﬁ", "𝟕", "٣",
    "Ереван", "Bakı", "\t", "   ",
]  # fmt: skip


@st.composite
def mutated(draw) -> str:
    """One of ARTICLES with a few chunks inserted, deleted or duplicated."""
    text = draw(st.sampled_from(ARTICLES))
    for _ in range(draw(st.integers(0, 8))):
        at = draw(st.integers(0, len(text)))
        operation = draw(st.sampled_from(["insert", "delete", "duplicate", "text"]))
        if operation == "insert":
            text = text[:at] + draw(st.sampled_from(PIECES)) * draw(st.integers(1, 40)) + text[at:]
        elif operation == "text":
            text = text[:at] + draw(st.text(max_size=20)) + text[at:]
        else:
            end = min(len(text), at + draw(st.integers(1, 200)))
            chunk = text[at:end]
            text = text[:at] + text[end:] if operation == "delete" else text[:end] + chunk * 3 + text[end:]
    return text


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=mutated())
def test_mutated_articles_are_read_or_refused(text):
    try:
        article = parse_article(text, "fuzz.md", today=date(2026, 1, 1))
        rows = extract_article(article, default_lexicon())
    except ArticleError:
        return
    assert_row_invariants(article.body, rows)
