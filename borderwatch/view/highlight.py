"""Text and character spans → safe HTML, and the sentence and search helpers the pages highlight with.

Everything from an article is HTML-escaped; only the <mark> and <sup> tags made here are markup.
Spans may overlap: the text is cut at every span boundary, so marks never nest and always close.
"""

from __future__ import annotations

import functools
import html
import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from borderwatch.extract import segment
from borderwatch.view.text import is_missing

# Each kind has a light tint (dark text on it reads in light and dark themes) and its own underline,
# so a highlight's kind is never told by colour alone. Okabe–Ito hues, lightened.
KIND_STYLES: dict[str, str] = {
    "evidence": "background:#F0E442;border-bottom:3px solid #000",
    "match": "background:#F0E442;outline:1px solid #000",
    "actor": "background:#B3DDF5;border-bottom:2px solid #0072B2",
    "place": "background:#B8E6D6;border-bottom:2px dashed #00664B",
    "date": "background:#FBE0A6;border-bottom:2px dotted #8A5A00",
    "number": "background:#F6C8AA;border-bottom:3px double #A34700",
    "quote": "background:#EBD0E0;border-bottom:2px solid #8E3F6D;font-style:italic",
}
KIND_NAMES: dict[str, str] = {
    "evidence": "evidence",
    "match": "search match",
    "actor": "actor (solid underline)",
    "place": "place (dashed underline)",
    "date": "date or time phrase (dotted underline)",
    "number": "number: casualty or troop figure (double underline)",
    "quote": "quote (italic, solid underline)",
}
_MARK_BASE = "color:#000;padding:0 1px;border-radius:2px"


@dataclass(frozen=True)
class Mark:
    """A highlighted stretch of text: [start, end) offsets, its kind, and the label shown after it."""

    start: int
    end: int
    kind: str = "evidence"
    label: str = ""
    title: str = ""


def highlight_html(text: str, spans: Iterable[Mark]) -> str:
    """The text, HTML-escaped, with each span in a <mark> followed by its label as a superscript."""
    kept = [s for s in (_clip(s, len(text)) for s in spans) if s is not None]
    cuts = sorted({0, len(text), *(s.start for s in kept), *(s.end for s in kept)})
    out: list[str] = []
    for a, b in itertools.pairwise(cuts):
        covering = [s for s in kept if s.start <= a and s.end >= b]
        piece = html.escape(text[a:b], quote=False)
        out.append(_marked(piece, covering) if covering else piece)
        ending = sorted((s for s in kept if s.end == b and s.label), key=lambda s: (s.start, -s.end))
        if ending:  # labels that end together share one superscript, "7,8", so they never read as "78"
            out.append(f"<sup>{html.escape(','.join(s.label for s in ending))}</sup>")
    return "".join(out)


def _clip(span: Mark, length: int) -> Mark | None:
    start, end = max(0, span.start), min(length, span.end)
    if end <= start:
        return None
    return Mark(start, end, span.kind, span.label, span.title)


def _marked(piece: str, covering: list[Mark]) -> str:
    # The innermost (shortest) span decides the style; the title lists every span covering the piece.
    inner = min(covering, key=lambda s: (s.end - s.start, s.start))
    style = f"{_MARK_BASE};{KIND_STYLES.get(inner.kind, KIND_STYLES['evidence'])}"
    titles = "; ".join(dict.fromkeys(s.title for s in covering if s.title))
    title = f' title="{html.escape(titles)}"' if titles else ""
    return f'<mark data-kind="{html.escape(inner.kind)}" style="{style}"{title}>{piece}</mark>'


def legend_html(kinds: Sequence[str]) -> str:
    """A one-line key: each kind drawn in its own style, with its name."""
    items = [
        f'<mark style="{_MARK_BASE};{KIND_STYLES[k]}">{html.escape(KIND_NAMES.get(k, k))}</mark>'
        for k in kinds
        if k in KIND_STYLES
    ]
    return " ".join(items)


# -- sentences and paragraphs --------------------------------------------------------------------
@functools.lru_cache(maxsize=32)
def sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Offsets of the sentences of a text as the extractor cuts them, so a row's sentence_index names
    the same sentence here (cached: a page shows several rows of one body)."""
    return tuple((s.start, s.end) for s in segment.sentences(text))


def sentence_bounds(
    text: str, start: int, end: int, context: int = 0, index: int | None = None
) -> tuple[int, int]:
    """The sentence a row's sentence_index names (or, without one, the sentences holding [start, end)),
    widened by `context` sentences on each side; always holding [start, end)."""
    sentences = sentence_spans(text)
    if not sentences:
        return start, end
    if index is not None and not is_missing(index) and 0 <= int(index) < len(sentences):
        hit = [int(index)]
    else:
        hit = [i for i, (a, b) in enumerate(sentences) if a < max(end, start + 1) and b > start]
    if not hit:
        hit = [min(range(len(sentences)), key=lambda i: abs(sentences[i][0] - start))]
    first, last = max(0, hit[0] - context), min(len(sentences) - 1, hit[-1] + context)
    return min(sentences[first][0], start), max(sentences[last][1], end)


def paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph holding [start, end) as the extractor cuts them; several when the span crosses one."""
    held = [
        (p.start, p.end) for p in segment.paragraphs(text) if p.start < max(end, start + 1) and p.end > start
    ]
    if not held:
        return start, end
    return min(held[0][0], start), max(held[-1][1], end)


def excerpt_html(text: str, start: int, end: int, bounds: tuple[int, int], kind: str = "evidence") -> str:
    """text[bounds] as HTML with [start, end) marked (offsets are into the whole text)."""
    a, b = bounds
    return highlight_html(text[a:b], [Mark(start - a, end - a, kind)])


def quote_html(text: str, kind: str, terms: Sequence[str] = ()) -> str:
    """A quote as a <blockquote>, search terms marked; direct and partial quotes keep their quotation marks
    and reported speech has none, so the kind shows in the text itself."""
    marked = highlight_html(text, term_marks(text, terms))
    if kind in ("direct", "partial"):
        marked = f"“{marked}”"
    style = "margin:0.4rem 0;padding-left:0.8rem;border-left:3px solid rgba(128,128,128,0.6)"
    return f'<blockquote data-kind="{html.escape(kind)}" style="{style}">{marked}</blockquote>'


# -- search results ---------------------------------------------------------------------------------------
def narrow(rows: pd.DataFrame, choices: Mapping[str, Sequence[str]]) -> pd.DataFrame:
    """The rows whose columns hold one of the chosen values (a column with nothing chosen keeps all)."""
    keep = pd.Series(True, index=rows.index)
    for column, chosen in choices.items():
        if chosen:
            keep &= rows[column].isin(list(chosen)).fillna(False).astype(bool)
    return rows[keep]


def term_marks(text: str, terms: Sequence[str], kind: str = "match") -> list[Mark]:
    """Every occurrence of every term in the text (case-insensitive), as spans."""
    lowered = text.lower()
    spans = []
    for term in terms:
        for m in re.finditer(re.escape(term), lowered):
            spans.append(Mark(m.start(), m.end(), kind))
    return spans


def word_occurrences(text: str, phrase: str) -> list[tuple[int, int]]:
    """Offsets of a phrase in the text as whole words (case-sensitive: names are proper nouns)."""
    if not phrase.strip():
        return []
    pattern = re.compile(rf"(?<!\w){re.escape(phrase.strip())}(?!\w)")
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


# -- an article's extractions as highlights ---------------------------------------------------------
@dataclass(frozen=True)
class Highlight:
    """One highlighted stretch of an article and the rows it leads to (table, row id)."""

    number: int
    kind: str
    start: int
    end: int
    text: str
    rows: tuple[tuple[str, str], ...]


ROW_KEYS = {
    "events": "event_id",
    "casualties": "casualty_id",
    "troop_figures": "figure_id",
    "quotes": "quote_id",
    "claims": "claim_id",
    "actors": "actor_id",
    "places": "place_id",
}


def article_highlights(body: str, tables: Mapping[str, pd.DataFrame]) -> list[Highlight]:
    """Where an article's rows are in its body: quotes, numbers (casualty and troop evidence), date
    phrases of events, and the names of actors and places; numbered in reading order."""
    found: dict[tuple[int, int, str], list[tuple[str, str]]] = {}

    def add(start: int, end: int, kind: str, table: str, row_id: str) -> None:
        if 0 <= start < end <= len(body):
            found.setdefault((start, end, kind), []).append((table, row_id))

    for q in _records(tables.get("quotes")):
        add(q["char_start"], q["char_end"], "quote", "quotes", q["quote_id"])
    for name in ("casualties", "troop_figures"):
        for r in _records(tables.get(name)):
            add(r["char_start"], r["char_end"], "number", name, r[ROW_KEYS[name]])
    for e in _records(tables.get("events")):
        span = locate_phrase(body, e.get("date_phrase"), e["char_start"], e["char_end"])
        if span:
            add(*span, "date", "events", e["event_id"])
    for name, kind in (("actors", "actor"), ("places", "place")):
        for r in _records(tables.get(name)):
            names = [r["name"], *str(r.get("aliases") or "").split("|")]
            for start, end in _outermost(o for n in names for o in word_occurrences(body, n)):
                add(start, end, kind, name, r[ROW_KEYS[name]])
    ordered = sorted(found.items(), key=lambda item: (item[0][0], -item[0][1], item[0][2]))
    return [
        Highlight(i, kind, start, end, body[start:end], tuple(rows))
        for i, ((start, end, kind), rows) in enumerate(ordered, start=1)
    ]


def locate_phrase(body: str, phrase: object, start: int, end: int) -> tuple[int, int] | None:
    """Where a row's phrase (an event's date_phrase) is: in its evidence, else in its sentence."""
    if not isinstance(phrase, str) or not phrase.strip():
        return None
    for a, b in ((start, end), sentence_bounds(body, start, end)):
        at = body.lower().find(phrase.lower(), a, b)
        if at >= 0:
            return at, at + len(phrase)
    return None


def _outermost(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Drop spans inside a longer one ('CSTO' inside 'the CSTO')."""
    kept: list[tuple[int, int]] = []
    for a, b in sorted(set(spans), key=lambda s: (s[0] - s[1], s[0])):
        if not any(ka <= a and b <= kb for ka, kb in kept):
            kept.append((a, b))
    return sorted(kept)


def _records(frame: pd.DataFrame | None) -> list[dict[str, object]]:
    if frame is None or frame.empty:
        return []
    return [{k: (None if is_missing(v) else v) for k, v in row.items()} for row in frame.to_dict("records")]


def provenance_table(body: str, tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """Every extracted row of one article with its span, and whether body[char_start:char_end] still
    equals its evidence (quotes: text; claims: claim_text)."""
    own_text = {"quotes": "text", "claims": "claim_text"}
    rows = []
    for name, key in ROW_KEYS.items():
        if name in ("actors", "places"):
            continue
        for r in _records(tables.get(name)):
            start, end = r.get("char_start"), r.get("char_end")
            words = r.get(own_text.get(name, "evidence"))
            rows.append(
                {
                    "table": name,
                    "row_id": r[key],
                    "sentence_index": r.get("sentence_index"),
                    "char_start": start,
                    "char_end": end,
                    "evidence": words,
                    "span_holds": start is not None and end is not None and body[start:end] == words,
                }
            )
    frame = pd.DataFrame(
        rows,
        columns=["table", "row_id", "sentence_index", "char_start", "char_end", "span_holds", "evidence"],
    )
    for column in ("sentence_index", "char_start", "char_end"):
        frame[column] = frame[column].astype("Int64")
    frame = frame.sort_values(["char_start", "table"], na_position="last", kind="stable")
    return frame.reset_index(drop=True)
