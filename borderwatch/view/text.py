"""How the dashboard writes a value: a count with its noun, a cell that may be missing, literal text.

One rule each, shared by every page and figure builder.
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote, urlparse

import pandas as pd

MISSING = "—"  # a value the store does not have, where a number or a short field would be
# Markdown's inline syntax and directives (':red[…]'): their marks are escaped wherever they stand.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>$~|#])")
# What the parser would read as a directive or a character: ':red[…]', '&amp;'. Its mark is escaped.
_DIRECTIVE = re.compile(r"(:)(?=[a-z])|(&)(?=#?\w+;)", re.IGNORECASE)
# A word joiner: invisible and unbreakable, it keeps the text as it reads while splitting what it stands in.
WORD_JOINER = "\u2060"
# What Streamlit's Markdown turns into a link, an emoji or an icon after escapes are undone, so no escape
# reaches it: 'https://…', 'www.…', 'ann@example.org', ':fire:', ':material/home:'. A word joiner splits
# each where its pattern needs two characters side by side.
_AFTER_PARSING = re.compile(
    r"(?<=:)(?=//|(?:\\?[\w+/-])+:)|(?<=\bwww)(?=\.)|(?<=[\w+.-])(?=@[\w-])", re.IGNORECASE
)
# What makes a line a list item, a quote or a heading underline.
_LINE_START = re.compile(r"^([ \t]*)(?:([-+=])|(\d+)([.)]))", re.MULTILINE)
_WEB_SCHEMES = ("http", "https")
_URL_SAFE = ":/?#[]@!$&'()*+,;=%~"  # kept as they are; '<', '>', quotes and spaces are percent-encoded
# What one row of each table is called, singular and plural.
TABLE_NOUNS: dict[str, tuple[str, str]] = {
    "articles": ("article", "articles"),
    "events": ("event", "events"),
    "casualties": ("casualty figure", "casualty figures"),
    "troop_figures": ("troop figure", "troop figures"),
    "quotes": ("quote", "quotes"),
    "claims": ("claim", "claims"),
    "actors": ("actor", "actors"),
    "places": ("place", "places"),
}


def plural(n: float, singular: str, plural_form: str | None = None) -> str:
    """'1 event', '2 events', '1,000 casualty figures': the count and the noun that goes with it
    (the plural is the singular and an s unless it is given)."""
    number = f"{int(n):,}" if float(n).is_integer() else f"{n:,.1f}"
    return f"{number} {singular if n == 1 else plural_form or singular + 's'}"


def table_rows(n: int, table: str) -> str:
    """'1 casualty figure', '3 quotes': a count of one table's rows."""
    return plural(n, *TABLE_NOUNS[table])


def is_missing(value: object) -> bool:
    """True for None and pandas' missing values (NA, NaN, NaT)."""
    return value is None or (not isinstance(value, str) and bool(pd.isna(value)))


def cell(value: object, default: str = "") -> str:
    """A cell as text: a missing value becomes the default."""
    return default if is_missing(value) else str(value)


def article_label(title: object, published: object, source: object) -> str:
    """How an article is named everywhere: '2021-07-04 · Title — Source'."""
    day = published.strftime("%Y-%m-%d") if hasattr(published, "strftime") else cell(published, "undated")
    return f"{day} · {cell(title) or 'untitled'} — {cell(source) or 'no source'}"


def markdown_literal(text: str) -> str:
    """Text that Streamlit's Markdown shows as written: a title with * or $ is not formatting, '![x](y)'
    is no image, ':red[x]' no colour, a URL or an e-mail address no link, ':fire:' no emoji. (Where a
    link, an emoji or an icon would start, the text carries an invisible word joiner.)"""
    escaped = _DIRECTIVE.sub(lambda m: "\\" + m.group(), _MARKDOWN_SPECIAL.sub(r"\\\1", text))
    escaped = _LINE_START.sub(
        lambda m: m.group(1) + ("\\" + m.group(2) if m.group(2) else m.group(3) + "\\" + m.group(4)), escaped
    )
    return _AFTER_PARSING.sub(WORD_JOINER, escaped)


def web_url(url: object) -> str | None:
    """The URL when it is an http(s) address a link may point to; None for anything else ('javascript:')."""
    text = cell(url).strip()
    parsed = urlparse(text)
    return (
        text
        if parsed.scheme.lower() in _WEB_SCHEMES and parsed.netloc and not any(c.isspace() for c in text)
        else None
    )


def markdown_link(label: str, url: object) -> str:
    """A Markdown link to an http(s) URL (its label literal), or the label alone for any other URL."""
    target = web_url(url)
    if target is None:
        return markdown_literal(label)
    return f"[{markdown_literal(label)}](<{quote(target, safe=_URL_SAFE)}>)"


class Html(str):
    """Markup made here, from escaped parts: shown as markup, never escaped again."""


def html_link(label: str, url: object) -> Html:
    """An HTML link to an http(s) URL, opening apart from the app; the label alone for any other URL."""
    target = web_url(url)
    if target is None:
        return Html(html.escape(label))
    attributes = f'href="{html.escape(target)}" target="_blank" rel="noopener noreferrer"'
    return Html(f"<a {attributes}>{html.escape(label)}</a>")
