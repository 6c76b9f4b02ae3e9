"""Saved web pages: an HTML news page → its main text and metadata, with trafilatura.

Menus, share buttons, related-link lists and comments are dropped; the title, publication date,
site name and canonical URL come from the page's metadata.
"""

from __future__ import annotations

from datetime import date

from borderwatch.articles import Article, ArticleError, article_id_for, one_line, parse_published

MIN_ARTICLE_WORDS = 20


def article_from_html(
    html: str,
    source: str,
    *,
    title: str | None = None,
    published: date | str | None = None,
    site: str | None = None,
    url: str | None = None,
    today: date | None = None,
) -> Article:
    """An Article from a saved news page; explicit metadata overrides what the page says."""
    import trafilatura  # imported here: it is slow to import and only uploads of HTML need it

    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
    )
    meta = document.as_dict() if document is not None else {}
    text = (meta.get("text") or "").strip()
    if len(text.split()) < MIN_ARTICLE_WORDS:
        raise ArticleError(
            source,
            "no article text found in the page (it may be a menu, an index or a page that needs JavaScript); "
            "save the article's own page, or paste its text",
        )
    found_date = published or meta.get("date")
    if not found_date:
        raise ArticleError(
            source, "the page gives no publication date; enter the published date (YYYY-MM-DD)"
        )
    headline = one_line(title or meta.get("title") or "")
    body = _paragraphs(text, headline)
    return Article(
        article_id=article_id_for(body),
        title=headline,
        published=parse_published(found_date, source, today),
        source=one_line(site or meta.get("sitename") or meta.get("hostname") or ""),
        url=one_line(url or meta.get("url") or ""),
        path=source,
        language=one_line(meta.get("language") or "") or "en",
        body=body,
    )


def _paragraphs(text: str, headline: str) -> str:
    """One paragraph per extracted line, blank-line separated as article files are; the repeated headline dropped."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if lines and headline and lines[0] == headline:
        lines = lines[1:]
    return "\n\n".join(lines) + "\n"
