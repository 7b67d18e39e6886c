"""Pages that send the reader on with ``<meta http-equiv="refresh">`` are followed when they
hold no article of their own, and pages drawn by scripts say so."""

from __future__ import annotations

from pathlib import Path

import pytest

from inbrief.errors import InbriefError
from inbrief.extract.redirect import meta_refresh_target
from inbrief.ingest import load_articles
from tests.conftest import LocalServer, Route

ARTICLE = (
    "<html><head><title>The moved story</title></head><body><article><h1>The moved story</h1>"
    + "<p>The council voted on Tuesday to reopen the old harbour bridge to cyclists, after "
    "two years of repairs that cost more than planned and closed the route for commuters.</p>"
    * 4
    + "</article></body></html>"
).encode()


def stub(content: str, text: str = "Redirecting…") -> bytes:
    return (
        f"<html><head><meta http-equiv='Refresh' content='{content}'></head>"
        f"<body><p>{text}</p></body></html>"
    ).encode()


@pytest.mark.parametrize(
    ("content", "target"),
    [
        ("0; url=/story", "http://example.org/story"),
        ('0;URL="https://other.example/a?b=1"', "https://other.example/a?b=1"),
        ("0 https://other.example/c", "https://other.example/c"),
        ("600; url=/story", None),  # a page that moves on after minutes is a page
        ('5, url="next.html"', "http://example.org/dir/next.html"),
        ("0; /story#top", "http://example.org/story"),
        ("300", None),  # a reload, no address
        ("0; url=page.html", None),  # itself
        ("0; url=javascript:alert(1)", None),
        ("0; url=http://[::1", None),
    ],
)
def test_the_target_is_read_from_the_content_attribute(content: str, target: str | None) -> None:
    page = stub(content).decode()
    assert meta_refresh_target(page, "http://example.org/dir/page.html") == (
        target.replace("/dir/story", "/story") if target else None
    )


def test_a_page_that_only_refreshes_to_the_article_gives_the_article(
    server: LocalServer,
) -> None:
    server.add("/story", Route(body=ARTICLE))
    start = server.add("/s/x1", Route(body=stub("0; url=/story")))
    [article] = load_articles(start)
    assert article.title == "The moved story" and article.url == server.url("/story")


def test_an_article_with_a_refresh_stays_where_it_is(server: LocalServer) -> None:
    server.add("/elsewhere", Route(body=ARTICLE.replace(b"moved", b"other")))
    page = ARTICLE.replace(
        b"<head>", b'<head><meta http-equiv="refresh" content="600; url=/elsewhere">'
    )
    [article] = load_articles(server.add("/here", Route(body=page)))
    assert article.title == "The moved story"


def test_refreshes_in_a_loop_end_with_the_one_line_error(server: LocalServer) -> None:
    server.add("/a", Route(body=stub("0; url=/b")))
    server.add("/b", Route(body=stub("0; url=/a")))
    with pytest.raises(InbriefError, match=r"too many redirects \(more than 3 meta refreshes\)"):
        load_articles(server.url("/a"))


def test_a_local_file_is_never_followed_to_the_web(tmp_path: Path, server: LocalServer) -> None:
    server.add("/story", Route(body=ARTICLE))
    path = tmp_path / "stub.html"
    path.write_bytes(stub(f"0; url={server.url('/story')}", "Moved: see the story."))
    [article] = load_articles(str(path))
    assert article.text == "Moved: see the story."


def test_a_page_drawn_by_scripts_says_so(tmp_path: Path) -> None:
    path = tmp_path / "app.html"
    path.write_text(
        "<html><head><title>App</title><script src='/app.js'></script></head><body>"
        "<div id='root'></div><noscript>You need to enable JavaScript to run this app."
        "</noscript></body></html>"
    )
    with pytest.raises(InbriefError, match="drawn by JavaScript, which inbrief does not run"):
        load_articles(str(path))
    path.write_text("<html><body><div></div></body></html>")  # no scripts: the plain reason
    with pytest.raises(InbriefError, match=r"no article text found on the page$"):
        load_articles(str(path))
