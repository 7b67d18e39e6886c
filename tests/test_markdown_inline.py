"""Inline Markdown read by CommonMark's rules: no character of the text is lost to markup
that is not there (the hand-written emphasis pattern took the underscores out of
``quick_check`` and ``snake_case`` and paired asterisks across a sentence)."""

from __future__ import annotations

from inbrief.extract.plaintext import article_from_markdown
from inbrief.model import Block
from inbrief.sniff import Kind, guess_kind


def _body(markdown: str) -> list[Block]:
    return article_from_markdown("# Title\n\n" + markdown).body_blocks()


def test_underscores_inside_words_and_code_spans_stay() -> None:
    [paragraph] = _body(
        "The library gets `PRAGMA quick_check` at open, snake_case_name stays, "
        "and `__init__` and `a * b` are code.\n"
    )
    assert paragraph.text == (
        "The library gets PRAGMA quick_check at open, snake_case_name stays, "
        "and __init__ and a * b are code."
    )


def test_emphasis_marks_go_and_lone_asterisks_stay() -> None:
    [paragraph] = _body("Both *this* and _that_ and **bold**, but 5 * 3 * 2 = 30 and a\\*b.\n")
    assert paragraph.text == "Both this and that and bold, but 5 * 3 * 2 = 30 and a*b."


def test_entities_tags_images_and_strikethrough() -> None:
    [paragraph] = _body("AT&amp;T <span>tagged</span> ~~old~~ text ![a chart](c.png) here.\n")
    assert paragraph.text == "AT&T tagged old text here."


def test_reference_links_are_links_and_their_definitions_are_not_text() -> None:
    blocks = _body(
        "See [the docs][d] and [more].\n\n"
        "[d]: https://docs.example.org/x_y\n"
        '[more]: <https://more.example/> "More"\n\n'
        "```\n[d]: stays in the code\n```\n"
    )
    paragraph, code = blocks
    assert paragraph.text == "See the docs and more."
    assert [(paragraph.text[link.start : link.end], link.url) for link in paragraph.links] == [
        ("the docs", "https://docs.example.org/x_y"),
        ("more", "https://more.example/"),
    ]
    assert code.text == "[d]: stays in the code"


README = """<p align="center">
  <img src="logo.png" alt="Logo" width="200">
</p>

<h1 align="center">Widgetizer</h1>

[![PyPI](https://img.shields.io/pypi/v/w.svg)](https://pypi.org/project/w/)

Widgetizer turns your *boring* data into **widgets** with `pandas_df` objects.

## Usage

1. Call `wz.make(df)`.

<details>
<summary>Advanced options</summary>

Set `WIDGETIZER_HOME` to move the caches.

</details>
"""


def test_a_readme_that_opens_in_html_is_markdown_with_html_blocks() -> None:
    """GitHub READMEs open with a centred logo and an <h1> in HTML: read as Markdown, by name
    or by content (piped in), the <h1> is the title and the HTML blocks give their text
    (before: the whole file was one HTML paragraph with every Markdown mark in it)."""
    assert guess_kind(README, "README.md") is Kind.MARKDOWN
    assert guess_kind(README) is Kind.MARKDOWN
    article = article_from_markdown(README)
    assert article.title == "Widgetizer"
    assert [b.text for b in article.body_blocks()] == [
        "Widgetizer turns your boring data into widgets with pandas_df objects.",
        "Call wz.make(df).",
        "Advanced options",
        "Set WIDGETIZER_HOME to move the caches.",
    ]
    assert [s.heading for s in article.sections if s.heading] == ["Usage"]


def test_html_fragments_and_documents_stay_html() -> None:
    fragment = "<div><p>Some <b>news</b> today.</p>\n<p>More - and [more].</p></div>"
    assert guess_kind(fragment) is Kind.HTML
    document = "<!doctype html><html><body>\n# not a heading\n- nor a list\n</body></html>"
    assert guess_kind(document, "page.md") is Kind.HTML
