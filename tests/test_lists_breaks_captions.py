"""Numbered lists keep their numbers and nesting; <br> lines stay lines; credits keep a space."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html as lxml_html

from inbrief import render
from inbrief.extract.plaintext import article_from_markdown
from inbrief.extract.structure import build_sections
from inbrief.model import Article, Block, BlockKind, Section
from inbrief.tui.widgets.article_view import ArticleView
from tests.tui_support import app_with_articles, open_reader

INTRO = "Some intro text that is long enough to be a paragraph of the body here."
MARKDOWN = f"""# Lists

{INTRO}

3. Third step
4. Fourth step
   - sub a
   - sub b
     1. deep one
     1. deep two
5. Fifth step
"""
NESTED = ["Third step", "Fourth step", "sub a", "sub b", "deep one", "deep two", "Fifth step"]


def blocks(html: str) -> list[Block]:
    return [b for s in build_sections(lxml_html.fromstring(f"<div>{html}</div>")) for b in s.blocks]


def list_of(article: Article) -> Block:
    return next(b for b in article.body_blocks() if b.kind is BlockKind.LIST)


def test_markdown_list_numbers_and_nesting() -> None:
    block = list_of(article_from_markdown(MARKDOWN))
    assert block.items == NESTED
    assert block.levels == [0, 0, 1, 1, 2, 2, 0]
    assert [block.marker(i) for i in range(7)] == ["3.", "4.", "•", "•", "1.", "2.", "5."]
    assert Block.from_json(block.to_json()) == block


def test_html_list_numbers_and_nesting() -> None:
    (_, block) = blocks(
        f"<p>{INTRO}</p><ol start='3'><li>Third <a href='https://example.com/a'>step</a>"
        "<ul><li>sub a</li><li>sub b</li></ul> after</li><li>Fourth step</li></ol>"
    )
    assert block.items == ["Third step after", "sub a", "sub b", "Fourth step"]
    assert block.levels == [0, 1, 1, 0]
    assert [block.marker(i) for i in range(4)] == ["3.", "•", "•", "4."]
    assert block.links[0].item == 0 and block.items[0][6:10] == "step"
    (_, flat) = blocks(f"<p>{INTRO}</p><ol><li>one</li><li>two</li></ol>")
    assert flat.to_json() == {"kind": "list", "items": ["one", "two"], "ordered": True}


def test_lists_rendered_with_their_numbers() -> None:
    article = article_from_markdown(MARKDOWN)
    text = render.article_text(article).splitlines()
    start = text.index("3. Third step")
    assert text[start : start + 7] == [
        "3. Third step",
        "4. Fourth step",
        "   • sub a",
        "   • sub b",
        "      1. deep one",
        "      2. deep two",
        "5. Fifth step",
    ]
    markdown = render.article_markdown(article).splitlines()
    assert "    - sub a" in markdown and "        2. deep two" in markdown


def test_br_lines_stay_lines() -> None:
    (block,) = blocks(
        "<p>First line<br>Second <a href='https://example.com/x'>linked</a> line<br><br>Third</p>"
    )
    assert block.text == "First line\nSecond linked line\nThird"
    link = block.links[0]
    assert block.text[link.start : link.end] == "linked"
    article = Article("Poem", [Section("", 0, [block])])
    assert "First line\nSecond linked line\nThird" in render.article_text(article)
    assert "First line\\\nSecond [linked](https://example.com/x) line\\\nThird" in (
        render.article_markdown(article)
    )


@pytest.mark.parametrize(
    "caption",
    [
        "<figcaption>Putin meets Xi in Moscow on March 21, 2023.Grigory Sysoyev/AFP</figcaption>",
        "<figcaption>Putin meets Xi in Moscow on March 21, 2023."
        "<span class='credit'>Grigory Sysoyev/AFP</span></figcaption>",
    ],
)
def test_caption_and_credit_keep_a_space(caption: str) -> None:
    found = [
        b
        for b in blocks(f"<p>{INTRO}</p><figure>{caption}</figure>")
        if b.kind is BlockKind.CAPTION
    ]
    assert found[0].text == "Putin meets Xi in Moscow on March 21, 2023. Grigory Sysoyev/AFP"


@pytest.mark.asyncio
async def test_reader_shows_numbers_nesting_and_lines(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    article = article_from_markdown(MARKDOWN)
    article.sections[0].blocks.append(Block(BlockKind.PARAGRAPH, ["Line one\nLine two"]))
    app = app_with_articles(monkeypatch, tmp_path, article)
    async with app.run_test(size=(100, 40)) as pilot:
        reader = await open_reader(app, pilot)
        view = reader.query_one(ArticleView)
        lines = [view.render_line(y).text.rstrip() for y in range(view.size.height)]
        start = next(i for i, line in enumerate(lines) if "3. Third step" in line)
        shown = [line.strip() for line in lines[start : start + 7]]
        assert shown == ["3. Third step", "4. Fourth step", "• sub a", "• sub b",
                         "1. deep one", "2. deep two", "5. Fifth step"]  # fmt: skip
        assert lines[start + 2].index("•") > lines[start].index("3")  # nested: indented
        stripped = [line.strip() for line in lines]
        assert stripped[stripped.index("Line one") + 1] == "Line two"


def test_markdown_hard_breaks_stay_lines() -> None:
    source = (
        "# Poem\n\nRoses are red,  \nviolets are [blue](https://example.com/b)\\\n"
        "sugar is sweet<br>and so are you.\nStill the same line.\n"
    )
    (block,) = article_from_markdown(source).body_blocks()
    assert block.text == (
        "Roses are red,\nviolets are blue\nsugar is sweet\nand so are you. Still the same line."
    )
    link = block.links[0]
    assert block.text[link.start : link.end] == "blue"
