"""Property tests: random bytes and random HTML through ingest, clean, summarize and render.

The only exception allowed out of the pipeline is :class:`InbriefError`, and no rendered
output may hold a control, bidi or invisible formatting character.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inbrief import render
from inbrief.errors import InbriefError
from inbrief.ingest import RawSource, articles_from_raw
from inbrief.summarize import SummaryOptions, summarize
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
                ["", ' class="caption"', ' class="byline"', ' href="javascript:x"', ' lang="de"']
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


def _exercise(raw: RawSource) -> None:
    try:
        articles = articles_from_raw(raw)
    except InbriefError:
        return
    for article in articles:
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
