"""Pages small in bytes but huge in work (links, headings, paragraphs, nesting) stay bounded.

The work is asserted on what the parse keeps (counts), not on seconds; one end-to-end run
per shape checks the whole pipeline finishes well inside a generous limit.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from lxml import etree
from lxml import html as lxml_html

from inbrief.extract.bounds import (
    MAX_BLOCKS,
    MAX_DEPTH,
    MAX_ELEMENTS,
    MAX_HEADINGS,
    MAX_LINKS,
    flatten_nesting,
)
from inbrief.extract.metadata import MAX_TITLE_CHARS
from inbrief.extract.page import article_from_html, parse_html
from inbrief.ingest import load_articles
from tests.hostile.corpus import BODY_SENTENCES

_HEAD = "<html><head><title>Many</title></head><body><article>"


def _links(count: int) -> str:
    links = "".join(f"<a href=/{n % 100}>x</a>" for n in range(count))
    return f"{_HEAD}<p>{BODY_SENTENCES}</p><p>{links}</p></article></body></html>"


def _headings(count: int) -> str:
    parts = "".join(f"<h2>Heading {n}</h2><p>Text {n} here.</p>" for n in range(count))
    return f"{_HEAD}<p>{BODY_SENTENCES}</p>{parts}</article></body></html>"


def _paragraphs(count: int) -> str:
    parts = "".join(f"<p>Paragraph {n} says the tide rose again.</p>" for n in range(count))
    return f"{_HEAD}{parts}</article></body></html>"


def _nested(depth: int) -> str:
    return (
        "<html><body>" + "<div>" * depth + f"<p>{BODY_SENTENCES}</p><p>Second {BODY_SENTENCES}</p>"
        + "</div>" * depth + "</body></html>"
    )  # fmt: skip


def _count(root: lxml_html.HtmlElement, *tags: str) -> int:
    return sum(1 for _ in root.iter(*tags))


def test_links_beyond_the_budget_become_text() -> None:
    root = parse_html(_links(200_000))
    assert _count(root) <= MAX_ELEMENTS + 1
    assert _count(root, "a") == MAX_LINKS
    assert root.text_content().count("x") > MAX_LINKS  # the later links' text is still there


def test_headings_and_blocks_are_capped() -> None:
    root = parse_html(_headings(50_000))
    assert _count(root, "h1", "h2", "h3", "h4", "h5", "h6") == MAX_HEADINGS
    assert _count(root, "p", "h2") <= MAX_BLOCKS + 1
    assert "Heading 0" in root.text_content()


def test_paragraphs_are_capped_and_the_start_kept() -> None:
    root = parse_html(_paragraphs(50_000))
    assert _count(root, "p") == MAX_BLOCKS
    assert "Paragraph 0 says" in root.text_content()
    assert f"Paragraph {MAX_BLOCKS} says" not in root.text_content()


def test_an_ordinary_page_is_parsed_whole_and_as_before() -> None:
    page = _headings(200) + "<script>if (a < b && c > d) { x = '<div>' }</script>"
    assert etree.tostring(parse_html(page)) == etree.tostring(lxml_html.document_fromstring(page))


@pytest.mark.parametrize(
    ("shape", "page"),
    [("links", _links(300_000)), ("headings", _headings(60_000))],
    ids=["300,000 links", "60,000 headings"],
)
def test_whole_pipeline_stays_fast(shape: str, page: str, tmp_path: Path) -> None:
    """Before the bounds these took about 100 s and 30 s; now a few seconds (limit: 60)."""
    source = tmp_path / f"{shape}.html"
    source.write_text(page, encoding="utf-8")
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "inbrief", "--summary", str(source)],
        capture_output=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert time.monotonic() - started < 60


def test_deep_nesting_is_flattened_not_refused() -> None:
    article = article_from_html(_nested(50_000))
    assert "Sentence 11 of the hostile article" in article.text
    paragraphs = [block.text for block in article.body_blocks()]
    assert any(text.startswith("Second Sentence 0") for text in paragraphs)  # not run together


def test_flatten_keeps_text_scripts_and_shallow_markup() -> None:
    page = (
        "<div class='a'>" * 5 + "<script>var s = '<div>' + '</div>';</script><!-- <div> -->"
        + "<p>one</p><p>two"
        + "</div>" * 5
    )  # fmt: skip
    flat = flatten_nesting(page, max_depth=3)
    assert flat.count("<div class='a'>") == 3
    assert flat.endswith("two<br><br></div></div></div>")
    assert "<script>var s = '<div>' + '</div>';</script><!-- <div> -->" in flat
    assert "one" in flat and "two" in flat and "one<br><br>" in flat


def test_flatten_is_linear_on_unclosed_quotes() -> None:
    """An unclosed quote in every tag must not make each tag scan to the end of the page."""
    hostile = '<div title="' * 20_000 + "x" * 200_000
    started = time.monotonic()
    flatten_nesting(hostile, MAX_DEPTH)
    assert time.monotonic() - started < 5


_HUGE = "Word " * 200_000
_POST = {"title": {"rendered": _HUGE}, "content": {"rendered": "<p>Hi there.</p>"}}
_HUGE_TITLES = {
    "h1.html": f"<html><body><article><h1>{_HUGE}</h1><p>{BODY_SENTENCES}</p></article>",
    "heading.md": f"# {_HUGE}\n\n{BODY_SENTENCES}\n",
    "post.json": json.dumps(_POST),
    "word.txt": "x" * 1_000_000 + "\n",
}


@pytest.mark.parametrize("name", sorted(_HUGE_TITLES))
def test_a_megabyte_title_is_cut(tmp_path: Path, name: str) -> None:
    """A 1 MB heading (or first word, or WordPress title) that becomes the title is cut to a
    line, as ``<title>`` already was: before, the whole megabyte was printed as the summary's
    title (10,000 lines on a terminal) and stored as the library row's title."""
    path = tmp_path / name
    path.write_text(_HUGE_TITLES[name], encoding="utf-8")
    [article] = load_articles(str(path))
    assert 0 < len(article.title) <= MAX_TITLE_CHARS
