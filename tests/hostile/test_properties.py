"""Property tests: random bytes and random HTML through ingest, clean, summarize and render.

The only exception allowed out of the pipeline is :class:`InbriefError`, and no rendered
output may hold a control, bidi or invisible formatting character.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inbrief import render
from inbrief.errors import InbriefError
from inbrief.extract.page import article_from_html
from inbrief.ingest import RawSource, articles_from_raw
from inbrief.links import openable_url
from inbrief.model import Article
from inbrief.summarize import SummaryOptions, summarize
from inbrief.tui.document_layout import flatten
from tests.hostile.corpus import FORBIDDEN

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_PIECES = [
    *"abc XYZ.,;!?'\"“”—-\n\t<>&[]/=@",
    *("\x1b", "\x1b[31m", "\x1b]8;;", "\x07", "\x00", "\x9b", "\u202e", "\u2066", "\ufeff"),
    *("&#27;", "&#x9b;", "&amp;", "&lt;", "[bold]", "[link=x]", "Mr.", "U.S."),
    *("The harbour opened today. ", "Boats left at noon and returned late. "),
]
_NASTY_TEXT = st.lists(st.sampled_from(_PIECES), max_size=60).map("".join)

_TAGS = ["p", "div", "h1", "h2", "h3", "ul", "ol", "li", "blockquote", "pre", "figure",
         "figcaption", "table", "tr", "td", "article", "main", "span", "a", "em", "script",
         "style", "br", "img", "section", "aside", "nav"]  # fmt: skip


@st.composite
def html_documents(draw: st.DrawFn) -> str:
    def element(depth: int) -> str:
        tag = draw(st.sampled_from(_TAGS))
        attrs = draw(
            st.sampled_from(
                [
                    "",
                    ' class="caption"',
                    ' class="byline"',
                    ' href="javascript:x"',
                    ' lang="de"',
                    ' href="https://ok.example/p?q=1&amp;r=ü"',
                    ' href="https://e.example/&#27;]8;;&#7;x"',
                    ' href="//cdn.example/x"',
                ]
            )
        )
        if depth > 4 or draw(st.booleans()):
            inner = draw(_NASTY_TEXT)
        else:
            inner = "".join(element(depth + 1) for _ in range(draw(st.integers(0, 4))))
        closing = draw(st.sampled_from([f"</{tag}>", f"</{tag}>", ""]))
        return f"<{tag}{attrs}>{inner}{closing}"

    head = draw(
        st.sampled_from(["", "<!DOCTYPE html>", '<html lang="fr">', "<meta charset=latin-1>"])
    )
    return head + "<body>" + "".join(element(0) for _ in range(draw(st.integers(1, 6))))


def _check_links(article: Article) -> None:
    """Every kept link is inside its item's text, trimmed, and an openable printable address."""
    for block in article.body_blocks():
        previous = (-1, 0)
        for link in block.links:
            item = block.items[link.item]
            assert 0 <= link.start < link.end <= len(item)
            assert item[link.start : link.end] == item[link.start : link.end].strip()
            assert (link.item, link.start) >= previous
            previous = (link.item, link.end)
            assert link.url.isascii() and link.url.isprintable()
            assert openable_url(link.url) == link.url
    for shown in flatten(article, ""):
        for start, end, url in shown.links:
            assert 0 <= start < end <= len(shown.text) and openable_url(url) == url


def _exercise(raw: RawSource) -> None:
    try:
        articles = articles_from_raw(raw)
    except InbriefError:
        return
    for article in articles:
        _check_links(article)
        outputs = [render.article_text(article), render.article_markdown(article)]
        outputs.append(render.dumps(render.article_json(article)))
        for algorithm in ("inbrief", "lead"):
            try:
                summary = summarize(article, SummaryOptions(algorithm=algorithm))
            except InbriefError:
                continue
            outputs += [
                render.summary_text(article, summary),
                render.summary_markdown(article, summary),
                render.dumps(render.summary_json(article, summary)),
            ]
        for output in outputs:
            assert not FORBIDDEN.search(output), (repr(FORBIDDEN.search(output)), output[:200])


@SETTINGS
@given(st.binary(max_size=2000))
def test_random_bytes(data: bytes) -> None:
    _exercise(RawSource(data, "random.bin"))


@SETTINGS
@given(html_documents())
def test_random_html(document: str) -> None:
    _exercise(RawSource(document.encode("utf-8", "surrogatepass"), "random.html"))


@SETTINGS
@given(_NASTY_TEXT)
def test_random_text(text: str) -> None:
    _exercise(RawSource(text.encode("utf-8"), "random.txt"))


_HREFS = [
    "https://ok.example/a", "/rel", "../up?x=1#f", "//cdn.example/y", "#anchor", "javascript:x",
    " java\tscript:x", "data:text/html,x", "mailto:a@b.example", "https://u@evil.example/",
    "https://bücher.example/ä ö", "https://e.example/&#27;]8;;&#7;", "http://[::1", "",
]  # fmt: skip


@st.composite
def linked_paragraphs(draw: st.DrawFn) -> str:
    def run() -> str:
        text = draw(_NASTY_TEXT)
        if draw(st.booleans()):
            return text
        href = draw(st.sampled_from(_HREFS)).replace('"', "")
        inner = draw(st.sampled_from(["{}", "<em>{}</em>", " {} ", "{}<br>{}"]))
        return f'<a href="{href}">{inner.format(text, text)}</a>'

    paragraphs = [
        "<p>" + "".join(run() for _ in range(draw(st.integers(1, 6)))) + "</p>"
        for _ in range(draw(st.integers(1, 5)))
    ]
    listing = "<ul>" + "".join(f"<li>{run()} {run()}</li>" for _ in range(3)) + "</ul>"
    return "<html><body><article><h1>T</h1>" + "".join(paragraphs) + listing + "</article>"


@SETTINGS
@given(linked_paragraphs())
def test_random_links(document: str) -> None:
    try:
        article = article_from_html(document, url="https://base.example/dir/page")
    except InbriefError:
        return
    _check_links(article)
    markdown = render.article_markdown(article)
    assert not FORBIDDEN.search(markdown) and "javascript" not in markdown
