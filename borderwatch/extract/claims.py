"""Stage 7: statements the article itself contradicts.

A denial in someone's words ('there are no casualties', 'we cannot speak about any escalation')
is checked against what the article reports in another voice: casualty rows for casualties,
small-arms events for shooting, and the article's own words for escalation. Each contradiction
is one claims row holding both evidence spans.
"""

from __future__ import annotations

import re

from borderwatch.extract.document import Document
from borderwatch.lexicon import Lexicon

_TOPIC_WORDS = {
    "casualties": "casualties|casualty|victims|dead|deaths|fatalities|killed|wounded|injured|losses",
    "shooting": "shooting|firing|gunfire|shots|shelling",
    "escalation": "escalation|escalating|escalate|aggravation",
}
_DENIAL = re.compile(
    r"(?<![\w-])(?:there\s+(?:is|are|was|were|have\s+been|has\s+been)\s+)?"
    r"(?:no|not|never|cannot|can't|can’t|nor|without)(?:\s+[\w’']+){0,3}?\s+(?:any\s+)?"
    r"(?P<topic>" + "|".join(_TOPIC_WORDS.values()) + r")(?![\w-])",
    re.IGNORECASE,
)
_OWN_VOICE_ESCALATION = re.compile(r"(?<![\w-])(?:escalat\w*|aggravat\w*)(?![\w-])", re.IGNORECASE)
_NEGATOR_BEFORE = re.compile(
    r"(?:no|not|never|cannot|can't|can’t|nor|without)(?:\s+[\w’']+){0,3}\s*$", re.IGNORECASE
)
_SHOOTING_CODES = ("193", "194", "195")


def _topic(word: str) -> str:
    lowered = word.lower()
    return next(t for t, words in _TOPIC_WORDS.items() if re.fullmatch(words, lowered))


def extract_claims(
    doc: Document,
    lexicon: Lexicon,
    quote_rows: list[dict[str, object]],
    casualty_rows: list[dict[str, object]],
    event_rows: list[dict[str, object]],
) -> list[dict[str, object]]:
    """One row per (claimant, topic) whose denial the article contradicts, at its first denial."""
    rows: list[dict[str, object]] = []
    seen: set[tuple[str, str]] = set()
    for quote in sorted(quote_rows, key=lambda q: int(q["char_start"])):
        claimant = quote["speaker"]
        if not claimant:
            continue
        q_start = int(quote["char_start"])
        for denial in _DENIAL.finditer(str(quote["text"])):
            topic = _topic(denial.group("topic"))
            if (str(claimant), topic) in seen:
                continue
            start, end = q_start + denial.start(), q_start + denial.end()
            other = _contradiction(doc, topic, str(claimant), quote_rows, casualty_rows, event_rows)
            if other is None:
                continue
            seen.add((str(claimant), topic))
            kind, other_id, o_start, o_end, what = other
            rows.append(
                {
                    "claim_id": None,
                    "article_id": doc.article_id,
                    "claimant": claimant,
                    "claim_text": doc.body[start:end],
                    "claim_quote_id": quote["quote_id"],
                    "contradicted_by_kind": kind,
                    "contradicted_by_id": other_id,
                    "other_article_id": doc.article_id,
                    "contradiction": f"says “{doc.body[start:end]}”; {what}",
                    "other_text": doc.body[o_start:o_end],
                    "char_start": start,
                    "char_end": end,
                    "other_char_start": o_start,
                    "other_char_end": o_end,
                }
            )
    for n, row in enumerate(rows, 1):
        row["claim_id"] = f"{doc.article_id}-K{n:03d}"
    return rows


def _contradiction(doc, topic, claimant, quote_rows, casualty_rows, event_rows):
    if topic == "casualties":
        for row in casualty_rows:
            if row["claimed_by"] != claimant and row["kind"] in ("killed", "wounded"):
                n = row["count"] if row["count"] is not None else row["count_low"]
                who = ", ".join(str(v) for v in (row["side"], row["role"]) if v and v != "unknown")
                what = f"the article reports {n if n is not None else 'some'} {row['kind']}" + (
                    f" ({who})" if who else ""
                )
                return "casualty", row["casualty_id"], row["char_start"], row["char_end"], what
    elif topic == "shooting":
        for row in event_rows:
            if row["cameo_code"] in _SHOOTING_CODES and not row["negated"] and row["claimed_by"] != claimant:
                what = f"the article reports {row['cameo_name']}"
                return "event", row["event_id"], row["char_start"], row["char_end"], what
    elif topic == "escalation":
        for match in _OWN_VOICE_ESCALATION.finditer(doc.body):
            speaker_quote = next(
                (q for q in quote_rows if int(q["char_start"]) <= match.start() < int(q["char_end"])), None
            )
            if speaker_quote is not None and speaker_quote["speaker"] == claimant:
                continue
            if doc.in_quote(match.start()) and speaker_quote is None:
                continue
            if _NEGATOR_BEFORE.search(doc.body, max(0, match.start() - 40), match.start()):
                continue
            end = _clause_end(doc.body, match.end())
            who = f"{speaker_quote['speaker']} says" if speaker_quote else "the article says"
            return "statement", None, match.start(), end, f"{who} “{doc.body[match.start() : end]}”"
    return None


def _clause_end(body: str, start: int) -> int:
    match = re.compile(r"[,.;:”\"\n]").search(body, start)
    return match.start() if match else len(body)
