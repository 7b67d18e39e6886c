"""Tables: a block of their own, from Markdown and HTML, shown as columns, never summarized."""

from __future__ import annotations

from pathlib import Path

import pytest

from inbrief import render
from inbrief.extract.page import article_from_html
from inbrief.extract.plaintext import article_from_markdown
from inbrief.model import Article, Block, BlockKind
from inbrief.summarize import ALGORITHMS, SummaryOptions, summarize
from inbrief.tui.widgets.article_view import ArticleView
from tests.tui_support import app_with_articles, open_reader

BODY = (
    "The council published its water budget on Monday after a long debate. "
    "Prices will rise for most homes in the coming year, officials said. "
    "The harbour project was delayed again because of the storms in spring."
)
MARKDOWN = f"""# Water budget

{BODY}

| col a | col b |
|---|:--:|
| 1 | 2 |
| three \\| pipes | 四 |

{BODY.replace("Monday", "Tuesday")}
"""
ROWS = [["col a", "col b"], ["1", "2"], ["three | pipes", "四"]]


def table_of(article: Article) -> Block:
    return next(b for b in article.body_blocks() if b.kind is BlockKind.TABLE)


def test_markdown_table_is_a_table_block() -> None:
    article = article_from_markdown(MARKDOWN)
    assert table_of(article).rows == ROWS
    assert not any("|---" in block.text for block in article.body_blocks())


def test_html_table_is_a_table_block() -> None:
    html = (
        f"<html><body><article><h1>Water budget</h1><p>{BODY}</p><table>"
        "<tr><th>col a</th><th>col b</th></tr><tr><td>1</td><td>2</td></tr>"
        f"<tr><td>three | pipes</td><td>四</td></tr></table><p>{BODY}</p></article></body></html>"
    )
    assert table_of(article_from_html(html)).rows == ROWS


def test_json_round_trip() -> None:
    article = article_from_markdown(MARKDOWN)
    data = article.to_json()
    table = next(b for b in data["sections"][0]["blocks"] if b["kind"] == "table")
    assert table == {"kind": "table", "rows": ROWS}
    assert Article.from_json(data).to_json() == data


def test_rendered_as_columns_and_as_a_markdown_table() -> None:
    article = article_from_markdown(MARKDOWN)
    text = render.article_text(article).splitlines()
    start = text.index("col a          col b")
    assert text[start + 1 : start + 4] == ["-" * 20, "1              2", "three | pipes  四"]
    markdown = render.article_markdown(article).splitlines()
    start = markdown.index("| col a | col b |")
    assert markdown[start + 1 : start + 4] == ["|---|---|", "| 1 | 2 |", "| three \\| pipes | 四 |"]


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_never_a_summary_candidate(algorithm: str) -> None:
    article = article_from_markdown(MARKDOWN)
    summary = summarize(article, SummaryOptions(algorithm, 30))
    for takeaway in summary.takeaways + summary.gist:
        assert "col a" not in takeaway.text and "\t" not in takeaway.text


@pytest.mark.asyncio
async def test_reader_shows_aligned_columns(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    app = app_with_articles(monkeypatch, tmp_path, article_from_markdown(MARKDOWN))
    async with app.run_test(size=(100, 40)) as pilot:
        reader = await open_reader(app, pilot)
        view = reader.query_one(ArticleView)
        lines = [view.render_line(y).text.strip() for y in range(view.size.height)]
        start = lines.index("col a          col b")
        assert lines[start + 1 : start + 4] == ["─" * 20, "1              2", "three | pipes  四"]
