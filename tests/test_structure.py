"""Cleaning into sections and typed blocks: headings, lists, quotes, captions, front matter."""

from __future__ import annotations

from lxml import html as lxml_html

from inbrief.extract.page import article_from_html
from inbrief.extract.structure import build_sections
from inbrief.ingest import load_articles
from inbrief.model import BlockKind
from tests.conftest import FIXTURES, SEED_JSON


def _sections(markup: str, title: str = "") -> list:  # type: ignore[type-arg]
    return build_sections(lxml_html.fragment_fromstring(markup, create_parent="div"), title)


def test_seed_has_five_h2_sections_under_a_lead() -> None:
    [article] = load_articles(str(SEED_JSON))
    headed = [s for s in article.sections if s.heading]
    assert [s.heading for s in headed] == [
        "No meaningful path forward on Ukraine",
        "New world order and alignment against the US",
        "‘Military mutual trust’ and defense ties",
        "Economic and energy boost",
        "Divided world",
    ]
    assert all(s.level == 2 for s in headed)
    assert article.sections[0].heading == "" and article.sections[0].blocks


def test_seed_front_matter_and_captions_are_typed_apart() -> None:
    [article] = load_articles(str(SEED_JSON))
    blocks = article.body_blocks()
    assert blocks[0].kind is BlockKind.BYLINE and blocks[0].text == "Simone McCarthy"
    assert blocks[1].kind is BlockKind.DATELINE and blocks[1].text.startswith("Hong Kong")
    captions = [b.text for b in blocks if b.kind is BlockKind.CAPTION]
    assert len(captions) == 2
    assert captions[0].startswith("Russian President Vladimir Putin meets with Chinese leader")
    paragraphs = " ".join(b.text for b in blocks if b.kind is BlockKind.PARAGRAPH)
    assert "Getty Images" not in paragraphs and "Simone McCarthy" not in paragraphs


def test_full_title_not_readability_short_title() -> None:
    [article] = load_articles(str(SEED_JSON))
    assert article.title.startswith("No path to peace:")


def test_lists_quotes_code_and_tables_keep_their_shape() -> None:
    sections = _sections(
        "<p>Intro paragraph with enough words to count as body text here.</p>"
        "<ol><li>first</li><li>second <b>bold</b></li></ol>"
        "<blockquote><p>Quoted words.</p></blockquote>"
        "<pre>  indented\n    code</pre>"
        "<table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table>"
    )
    kinds = [(b.kind, b.items) for b in sections[0].blocks]
    assert kinds[1] == (BlockKind.LIST, ["first", "second bold"])
    assert sections[0].blocks[1].ordered
    assert kinds[2] == (BlockKind.QUOTE, ["Quoted words."])
    assert kinds[3] == (BlockKind.CODE, ["  indented\n    code"])
    assert sections[0].blocks[4].kind is BlockKind.TABLE
    assert sections[0].blocks[4].rows == [["a", "b"], ["1", "2"]]


def test_headings_open_sections_at_their_level() -> None:
    sections = _sections(
        "<h1>The Title</h1><p>Lead text of the story goes here today.</p>"
        "<h2>Part one</h2><p>One.</p><h3>Detail</h3><p>Two.</p>",
        title="The Title",
    )
    assert [(s.heading, s.level) for s in sections] == [("", 0), ("Part one", 2), ("Detail", 3)]


def test_dateline_prefix_is_split_from_the_first_paragraph() -> None:
    sections = _sections(
        "<p>WASHINGTON (Reuters) — The Senate passed the bill late on Tuesday after a debate.</p>"
    )
    first, second = sections[0].blocks
    assert first.kind is BlockKind.DATELINE and first.text == "WASHINGTON (Reuters) —"
    assert second.text.startswith("The Senate passed")


def test_inline_markup_and_whitespace_fold_into_one_paragraph() -> None:
    sections = _sections(
        "<p>Some <em>emphasis</em>,\n   a <a href='x'>link</a>&nbsp;and<br>a break.</p>"
    )
    # White space folds; a <br> is a line of its own (issue 14).
    assert sections[0].blocks[0].text == "Some emphasis, a link and\na break."


def test_page_navigation_and_related_boxes_stay_out() -> None:
    article = article_from_html((FIXTURES / "article.html").read_text(encoding="utf-8"))
    assert "Home" not in article.text
    assert "Wind farm approved" not in article.text
    captions = [b for b in article.body_blocks() if b.kind is BlockKind.CAPTION]
    assert captions and captions[0].text.startswith("The barrage at low tide")
