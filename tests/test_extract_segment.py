"""Stage 1: paragraphs and sentences with offsets; quotations stay whole."""

from __future__ import annotations

import pytest

from borderwatch.extract.segment import paragraphs, sentences


def _texts(body: str) -> list[str]:
    return [body[s.start : s.end] for s in sentences(body)]


def test_paragraphs_are_blocks_between_blank_lines():
    body = "First line.\n\n  Second block.\nStill second.\n\n\nThird."
    assert [body[p.start : p.end] for p in paragraphs(body)] == [
        "First line.",
        "Second block.\nStill second.",
        "Third.",
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Two soldiers died. Baku denied it.", ["Two soldiers died.", "Baku denied it."]),
        # abbreviations and initials do not end a sentence
        ("Col. Gen. Anatoly Sidorov arrived. He left.", ["Col. Gen. Anatoly Sidorov arrived.", "He left."]),
        ("The U.S. envoy spoke. Mr. Klaar agreed.", ["The U.S. envoy spoke.", "Mr. Klaar agreed."]),
        # a quotation of several sentences stays one unit with its attribution
        (
            "“We saw shelling. Two houses burned,” the mayor said. Then it stopped.",
            ["“We saw shelling. Two houses burned,” the mayor said.", "Then it stopped."],
        ),
        (
            '"Fire came at night. Nobody slept," he said. Police came.',
            ['"Fire came at night. Nobody slept," he said.', "Police came."],
        ),
        # an unclosed quotation (a cut-off article) runs to the end of its paragraph
        ("The minister said: “The talks failed. We will", ["The minister said: “The talks failed. We will"]),
        # question and exclamation marks, closing quotes
        (
            "Who fired first? Nobody knows! “Enough.” Silence.",
            ["Who fired first?", "Nobody knows!", "“Enough.”", "Silence."],
        ),
        # a heading line inside a block is its own unit
        ("Volatile border\nFighting erupted overnight.", ["Volatile border", "Fighting erupted overnight."]),
    ],
)
def test_sentences(body, expected):
    assert _texts(body) == expected


def test_offsets_and_paragraph_index():
    body = "One. Two.\n\nThree."
    result = sentences(body)
    assert [(s.index, s.paragraph, body[s.start : s.end]) for s in result] == [
        (0, 0, "One."),
        (1, 0, "Two."),
        (2, 1, "Three."),
    ]
