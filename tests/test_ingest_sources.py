"""Each kind of source the user can name becomes a structured article."""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

import pytest

from inbrief.errors import InbriefError
from inbrief.ingest import load_articles
from inbrief.model import BlockKind
from tests.conftest import FIXTURES, SEED_JSON, SEED_TEXT, LocalServer, Route


def test_wordpress_post_saved_as_txt_is_detected_by_content() -> None:
    [article] = load_articles(str(SEED_JSON))
    assert (
        article.title == "No path to peace: Five key takeaways from Xi and Putin’s talks in Moscow"
    )
    assert (
        article.url
        == "https://ameforum.net/ar/no-path-to-peace-five-key-takeaways-from-xi-and-putins-talks-in-moscow/"
    )
    assert article.site == "ameforum.net"
    assert article.published == "2023-03-23T05:13:55+00:00"
    assert article.byline == "Simone McCarthy"
    assert 900 < article.word_count < 1600


def test_wordpress_list_of_posts_gives_one_article_each(tmp_path: Path) -> None:
    post = json.loads(SEED_JSON.read_text(encoding="utf-8"))
    second = dict(post, title={"rendered": "Second &amp; last"}, link="https://x.example/2")
    path = tmp_path / "posts.json"
    path.write_text(json.dumps([post, second]), encoding="utf-8")
    articles = load_articles(str(path))
    assert [a.title for a in articles][1] == "Second & last"
    assert len(articles) == 2


@pytest.mark.parametrize("name", [5, 5.0, True, ["Simone"], {"name": "x"}, "  "])
def test_a_wordpress_author_that_is_not_a_name_is_no_byline(tmp_path: Path, name: object) -> None:
    post = json.loads(SEED_JSON.read_text(encoding="utf-8"))
    post["_embedded"] = {"author": [{"id": 5, "name": name}]}
    path = tmp_path / "post.json"
    path.write_text(json.dumps(post), encoding="utf-8")
    [article] = load_articles(str(path))
    assert article.byline == "Simone McCarthy"  # from the post's other author fields


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("note.txt", "Short note\n\nThe council approved the budget on Monday.\n"),
        ("note.md", "# Short note\n\nThe council approved the budget on Monday.\n"),
    ],
)
def test_a_short_text_or_markdown_file_is_read_with_whole_confidence(
    tmp_path: Path, name: str, text: str
) -> None:
    """Nothing is extracted from a page there: the reader's low-confidence warning ("the
    wrong part of the page") does not apply, however short the text (before: 0.22 here)."""
    from inbrief.tui.document_layout import flatten

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    [article] = load_articles(str(path))
    assert article.confidence == 1.0
    assert not [b for b in flatten(article, "") if b.kind == "warning"]


def test_plain_text_first_line_is_title() -> None:
    [article] = load_articles(str(SEED_TEXT))
    assert article.title.startswith("No path to peace")
    assert "Chinese leader Xi Jinping" in article.text
    assert article.sections[0].blocks[0].kind is BlockKind.DATELINE


def test_html_file_metadata_from_declarations() -> None:
    [article] = load_articles(str(FIXTURES / "article.html"))
    assert article.title == "Tidal power comes of age: what the new barrage means for the coast"
    assert article.site == "The Coastal Courier"
    assert article.byline == "Jane Rivers"
    assert article.published == "2024-05-02T08:30:00+00:00"
    assert article.language == "en-GB"
    assert article.url == "https://courier.example/energy/tidal-power"
    assert [s.heading for s in article.sections] == ["", "How the turbines work", "What comes next"]
    assert "Related stories" not in article.text


def test_html_file_in_legacy_encoding(tmp_path: Path) -> None:
    html = (FIXTURES / "article.html").read_text(encoding="utf-8")
    html = html.replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
    html = html.replace("Engineers spent", "Ingénieurs’ café: engineers spent")
    path = tmp_path / "legacy.htm"
    path.write_bytes(html.encode("cp1252"))
    [article] = load_articles(str(path))
    assert "Ingénieurs’ café" in article.text


def test_markdown_file() -> None:
    [article] = load_articles(str(FIXTURES / "article.md"))
    assert article.title == "Notes on compost"
    assert [s.heading for s in article.sections] == [
        "",
        "Getting the balance right",
        "When it is ready",
    ]
    kinds = [b.kind for s in article.sections for b in s.blocks]
    assert kinds == [
        BlockKind.PARAGRAPH, BlockKind.PARAGRAPH, BlockKind.LIST,
        BlockKind.QUOTE, BlockKind.PARAGRAPH, BlockKind.CODE,
    ]  # fmt: skip
    assert "shredded cardboard" in article.text and "](" not in article.text
    assert "**" not in article.text


def test_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    data = SEED_JSON.read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    [article] = load_articles("-")
    assert article.title.startswith("No path to peace")


def test_url_is_fetched_with_its_charset(server: LocalServer) -> None:
    body = (FIXTURES / "article.html").read_bytes()
    url = server.add(
        "/tidal", Route(body=body, headers={"Content-Type": "text/html; charset=utf-8"})
    )
    [article] = load_articles(url)
    assert article.title.startswith("Tidal power comes of age")
    assert len(article.sections) == 3


def test_url_gzip_encoded_and_redirected(server: LocalServer) -> None:
    body = gzip.compress((FIXTURES / "article.html").read_bytes())
    target = server.add(
        "/real", Route(body=body, headers={"Content-Type": "text/html", "Content-Encoding": "gzip"})
    )
    start = server.add("/moved", Route(status=301, headers={"Location": "/real"}))
    [article] = load_articles(start)
    assert article.title.startswith("Tidal power")
    assert target.endswith("/real")


def test_url_serving_wordpress_json(server: LocalServer) -> None:
    url = server.add(
        "/wp-json/wp/v2/posts/5899",
        Route(body=SEED_JSON.read_bytes(), headers={"Content-Type": "application/json"}),
    )
    [article] = load_articles(url)
    assert article.byline == "Simone McCarthy"


def test_errors_name_the_source(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.html")
    with pytest.raises(InbriefError) as info:
        load_articles(missing)
    assert str(info.value) == f"{missing}: no such file"


def test_text_that_opens_with_a_bracket_is_still_text(tmp_path: Path) -> None:
    path = tmp_path / "review.txt"
    path.write_text(
        "[Review] The new phone is fast\n\nThe phone has a bright screen and a battery that "
        "lasts two days. Reviewers praised its camera.\n",
        encoding="utf-8",
    )
    [article] = load_articles(str(path))
    assert article.title == "[Review] The new phone is fast"
    broken = tmp_path / "broken.json"
    broken.write_text('{"title": ', encoding="utf-8")
    with pytest.raises(InbriefError, match="invalid JSON"):
        load_articles(str(broken))
