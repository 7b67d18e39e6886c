"""``--format markdown`` keeps an article's text as text: a paragraph that happens to open
like Markdown (``# ``, ``1. ``, ``- ``, ``> ``, ``~~~``, ``===``) stays a paragraph, and a code
block keeps its own backticks. Checked by reading the output back with markdown-it-py
(CommonMark), the parser the Markdown input already uses."""

from __future__ import annotations

from markdown_it import MarkdownIt

from inbrief.extract.page import article_from_html
from inbrief.render import article_markdown, summary_markdown
from inbrief.summarize import SummaryOptions, summarize

_OPENINGS = [
    "# Not a heading but the start of a sentence about numbers.",
    "1. Not a list either, a sentence that opens with a number.",
    "- Minus five degrees was the coldest night of the year here.",
    "+ Plus signs open this sentence about the weather in town.",
    "> Quoted without a quote block, as the page wrote it here.",
    "~~~ Tildes open this sentence, not a code fence at all here.",
    "=== Equals signs open this sentence about the town council.",
    "10) A bracketed number opens this sentence about the river.",
]
_CODE = "code with ``` inside\n```\nand more"


def _page() -> str:
    paragraphs = "".join(f"<p>{text}</p>" for text in _OPENINGS)
    broken = "<p>A line that breaks here<br># and goes on after a hash mark there.</p>"
    return (
        "<html><head><title>Openings</title></head><body><article><h1>Openings</h1>"
        f"{paragraphs}{broken}<pre>{_CODE}</pre></article></body></html>"
    )


def _blocks(markdown: str) -> list[str]:
    """The kinds of block markdown-it reads (``heading_open``, ``paragraph_open``, ...)."""
    return [
        t.type
        for t in MarkdownIt("commonmark").parse(markdown)
        if t.type.endswith("_open") or t.type in ("fence", "code_block")
    ]


def test_paragraphs_that_open_like_markdown_stay_paragraphs() -> None:
    markdown = article_markdown(article_from_html(_page()))
    kinds = _blocks(markdown)
    assert kinds.count("heading_open") == 1  # the title only
    assert not {"bullet_list_open", "ordered_list_open", "blockquote_open"} & set(kinds)
    assert kinds.count("fence") == 1 and kinds.count("paragraph_open") >= len(_OPENINGS) + 2
    tokens = MarkdownIt("commonmark").parse(markdown)
    [fence] = [t for t in tokens if t.type == "fence"]
    assert fence.content.rstrip("\n") == _CODE  # the code's own backticks, unchanged
    text = " ".join(
        "".join(child.content for child in t.children or [] if child.type == "text")
        for t in tokens
        if t.type == "inline"
    )
    for opening in _OPENINGS:
        assert opening in text


def test_summary_takeaways_that_open_like_markdown_stay_text() -> None:
    article = article_from_html(_page())
    summary = summarize(article, SummaryOptions(algorithm="lead", sentences=10))
    markdown = summary_markdown(article, summary)
    kinds = _blocks(markdown)
    assert kinds.count("heading_open") == 3  # title, Gist, Key takeaways
    assert kinds.count("bullet_list_open") <= 1 and "ordered_list_open" not in kinds
    assert "blockquote_open" not in kinds
    assert kinds.count("list_item_open") == len(summary.bullets) > 5
