"""Adding articles: every kind of bad input is refused with a clear message and changes nothing."""

from __future__ import annotations

from datetime import date

import pytest

from borderwatch.articles import MAX_ARTICLE_BYTES, ArticleError
from borderwatch.articles.files import Metadata, article_from_bytes, article_from_text, safe_name
from borderwatch.extract.lexicon import default_lexicon
from borderwatch.ingest import ingest_paths, store_article
from borderwatch.store.database import Store

TODAY = date(2026, 11, 1)
GOOD = (
    "---\ntitle: Night shelling\npublished: 2022-09-13\nsource: Test Wire\n---\n"
    "Two Armenian soldiers were wounded near Jermuk on Monday, the Armenian Defense Ministry said.\n"
)
PAGE = """<html><head><title>Clash near Sotk</title>
<meta property="article:published_time" content="2022-09-14T08:00:00Z">
<meta property="og:site_name" content="Example News"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>Clash near Sotk</h1>
<p>Two Armenian soldiers were wounded near the village of Sotk on Tuesday, the Armenian Defense Ministry said.</p>
<p>“The situation remains tense but under control,” a ministry spokesman told reporters in Yerevan.</p>
</article><div>Share on Facebook</div><aside><a href="/a">Related: another story</a></aside></body></html>"""


@pytest.fixture
def store(tmp_path):
    return Store(tmp_path / "bw.duckdb")


@pytest.mark.parametrize(
    ("name", "data", "meta", "message"),
    [
        ("empty.md", b"", Metadata(), "empty"),
        ("photo.md", b"\x89PNG\r\n\x1a\n\x00\x00IHDR", Metadata(), "binary"),
        (
            "bad.txt",
            b"\xff\xfe\x00",
            Metadata(),
            None,
        ),  # UTF-16 BOM with an odd byte count: refused or decoded
        (
            "menu.html",
            b"<html><body><nav><a href='/'>Home</a></nav></body></html>",
            Metadata(),
            "no article text",
        ),
        ("nodate.md", b"---\ntitle: x\n---\nBody text.\n", Metadata(), "no 'published' date"),
        ("baddate.md", b"---\ntitle: x\npublished: 31/12/2021\n---\nBody.\n", Metadata(), "not a date"),
        ("future.md", b"---\ntitle: x\npublished: 2031-01-01\n---\nBody.\n", Metadata(), "in the future"),
        ("bare.txt", b"Two soldiers were wounded.", Metadata(), "no published date"),
        (
            "big.md",
            b"---\npublished: 2022-01-01\n---\n" + b"a " * (MAX_ARTICLE_BYTES // 2 + 1),
            Metadata(),
            "over the 5 MB limit",
        ),
        ("sheet.xlsx", b"PK\x03\x04", Metadata(), "not articles"),
    ],
)
def test_bad_input_is_refused_with_the_reason(name, data, meta, message):
    try:
        article_from_bytes(name, data, meta, TODAY)
    except ArticleError as err:
        assert str(err).startswith(f"{name}: ")
        if message:
            assert message in str(err)
    else:
        assert message is None


def test_a_missing_date_is_asked_for_where_the_text_came_from():
    text = "Two soldiers were wounded near Goris."
    with pytest.raises(ArticleError) as pasted:
        article_from_text(text, "pasted text", Metadata(title="Goris"), TODAY)
    assert str(pasted.value) == (
        "pasted text: no published date; enter the date the article was published in the Published field "
        "(YYYY-MM-DD)"
    )  # pasted text has no file, so no front matter to point to
    with pytest.raises(ArticleError) as bare_file:
        article_from_bytes("goris.txt", text.encode(), Metadata(title="Goris"), TODAY)
    assert str(bare_file.value) == (
        "goris.txt: no published date; enter it as YYYY-MM-DD (the file has no front matter)"
    )


def test_encodings_are_decoded():
    text = "---\ntitle: Ереван\npublished: 2022-09-13\n---\nАрмения и Азербайджан.\n"
    for encoding in ("utf-16", "cp1251", "utf-8-sig"):
        article = article_from_bytes("a.md", text.encode(encoding), today=TODAY)
        assert article.title == "Ереван" and article.body == "Армения и Азербайджан.\n"


def test_saved_web_page_gives_text_and_metadata():
    article = article_from_bytes("page.html", PAGE.encode(), today=TODAY)
    assert (article.title, article.published, article.source) == (
        "Clash near Sotk",
        date(2022, 9, 14),
        "Example News",
    )
    assert article.body.startswith("Two Armenian soldiers were wounded near the village of Sotk on Tuesday")
    assert "Home" not in article.body and "Share on Facebook" not in article.body
    assert "\n\n“The situation remains tense" in article.body


def test_bare_text_with_metadata():
    meta = Metadata(title="Pasted", published="2022-09-13", source="Wire")
    article = article_from_bytes("notes.txt", b"Two soldiers were wounded near Goris.", meta, TODAY)
    assert (article.title, article.published, article.source, article.body) == (
        "Pasted",
        date(2022, 9, 13),
        "Wire",
        "Two soldiers were wounded near Goris.\n",
    )


@pytest.mark.parametrize(
    ("name", "safe"),
    [("../../etc/passwd", "passwd"), ("C:\\x\\a.md", "a.md"), ("a\x00b.md", "a_b.md"), ("..", "unnamed")],
)
def test_file_names_lose_their_path_characters(name, safe):
    assert safe_name(name) == safe


def test_same_article_again_is_reported_as_already_there(store):
    article = article_from_bytes("good.md", GOOD.encode(), today=TODAY)
    assert store_article(store, article, default_lexicon()).status == "added"
    again = store_article(store, article, default_lexicon())
    assert (again.status, again.message) == ("unchanged", "already in the store")
    assert store.counts()["articles"] == 1


def test_bad_files_change_nothing_and_good_ones_go_in(store, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.md").write_text(GOOD, encoding="utf-8")
    (folder / "empty.md").write_bytes(b"")
    before = store.counts()
    outcomes = ingest_paths(store, [folder / "empty.md"], default_lexicon())
    assert [o.status for o in outcomes] == ["error"] and store.counts() == before
    outcomes = ingest_paths(store, [folder], default_lexicon())
    assert sorted(o.status for o in outcomes) == ["added", "error"]
    assert store.counts()["articles"] == 1


def test_hundreds_of_files_at_once(store, tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    n = 200
    for i in range(n):
        body = f"{i + 2} Armenian soldiers were wounded near Jermuk on Monday, officials said (report {i}).\n"
        (folder / f"a{i:03d}.md").write_text(
            f"---\ntitle: R{i}\npublished: 2022-09-13\n---\n{body}", encoding="utf-8"
        )
    seen = []
    outcomes = ingest_paths(
        store, [folder], default_lexicon(), progress=lambda done, total, _: seen.append(done)
    )
    assert [o.status for o in outcomes] == ["added"] * n
    assert seen == list(range(1, n + 1))
    assert store.counts()["articles"] == n and store.counts()["casualties"] == n


def _three_files(folder):
    folder.mkdir()
    for i, place in enumerate(("Jermuk", "Sotk", "Goris")):
        body = f"Two Armenian soldiers were wounded near {place} on Monday, officials said.\n"
        (folder / f"r{i}.md").write_text(
            f"---\ntitle: R{i}\npublished: 2022-09-13\n---\n{body}", encoding="utf-8"
        )


def test_any_failure_of_one_file_is_one_error_and_the_others_go_in(store, tmp_path, monkeypatch):
    import borderwatch.ingest as ingest

    real = ingest.extract_article

    def failing_on_sotk(article, lexicon):
        if "Sotk" in article.body:
            raise RuntimeError("extractor broke")
        return real(article, lexicon)

    monkeypatch.setattr(ingest, "extract_article", failing_on_sotk)
    _three_files(tmp_path / "in")
    outcomes = ingest_paths(store, [tmp_path / "in"], default_lexicon())
    assert [o.status for o in outcomes] == ["added", "error", "added"]
    assert "RuntimeError: extractor broke" in outcomes[1].message
    assert store.counts()["articles"] == 2


def test_unchanged_articles_are_not_extracted_again(store, tmp_path, monkeypatch):
    import borderwatch.ingest as ingest

    _three_files(tmp_path / "in")
    ingest_paths(store, [tmp_path / "in"], default_lexicon())

    def never(article, lexicon):
        raise AssertionError("an unchanged article was extracted")

    monkeypatch.setattr(ingest, "extract_article", never)
    outcomes = ingest_paths(store, [tmp_path / "in"], default_lexicon())
    assert [o.status for o in outcomes] == ["unchanged"] * 3


def test_reextracting_keeps_an_article_the_extractor_refuses_and_does_the_others(
    store, tmp_path, monkeypatch
):
    import borderwatch.ingest as ingest

    _three_files(tmp_path / "in")
    ingest_paths(store, [tmp_path / "in"], default_lexicon())
    sotk = next(a for a in store.stored_articles() if "Sotk" in a.body)
    rows_before = store.table("events").query("article_id == @sotk.article_id")
    real = ingest.extract_article

    def no_time_for_sotk(article, lexicon):  # the real extractor, with no time left for one article
        return real(article, lexicon, seconds=0.0 if article.article_id == sotk.article_id else 20.0)

    monkeypatch.setattr(ingest, "extract_article", no_time_for_sotk)
    outcomes = ingest.reextract_all(store, default_lexicon())
    assert sorted(o.status for o in outcomes) == ["error", "replaced", "replaced"]
    [refused] = [o for o in outcomes if o.status == "error"]
    assert refused.article_id == sotk.article_id and "split it" in refused.message
    assert store.table("events").query("article_id == @sotk.article_id").equals(rows_before)
