"""Links inside article text: which are kept, where their text is, and how they are written out."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st
from lxml import html as lxml_html

from inbrief.extract.page import article_from_html
from inbrief.extract.plaintext import article_from_markdown
from inbrief.extract.structure import build_sections
from inbrief.ingest import load_articles
from inbrief.links import openable_url, resolve_link
from inbrief.model import Article, Block, BlockKind, Link, Section
from inbrief.render import article_markdown
from inbrief.textclean import clean_inline, clean_inline_spans
from tests.conftest import SEED_JSON

BASE = "https://news.example/world/story.html"
FILLER = "The council met on Tuesday and argued about the water prices for a long time. " * 3


def _linked(block: Block) -> list[tuple[int, str, str]]:
    """``(item, link text, url)`` for each link of ``block``."""
    return [(x.item, block.items[x.item][x.start : x.end], x.url) for x in block.links]


def _blocks(markup: str, base: str | None = BASE) -> list[Block]:
    root = lxml_html.fragment_fromstring(markup, create_parent="div")
    return [b for s in build_sections(root, "", base) for b in s.blocks]


# -- which addresses are kept ----------------------------------------------------------------


def test_relative_links_resolve_against_the_page() -> None:
    assert resolve_link("../europe/a.html", BASE) == "https://news.example/europe/a.html"
    assert resolve_link("//cdn.example/x", BASE) == "https://cdn.example/x"
    assert resolve_link("?page=2", BASE) == "https://news.example/world/story.html?page=2"
    assert resolve_link("rel.html", None) is None  # nothing to resolve against


def test_dangerous_and_useless_links_are_dropped() -> None:
    for href in (
        "javascript:alert(1)",
        " JaVa\tScRiPt:alert(1)",
        "data:text/html,<script>x</script>",
        "file:///etc/passwd",
        "mailto:someone@example.com",
        "#section-2",
        "https://bank.example@evil.example/",
        "http://[::1",
        "http://host:99999/",
        "https://example.com/" + "a" * 3000,
        "",
        None,
    ):
        assert resolve_link(href, BASE) is None, href


def test_kept_addresses_are_printable_ascii() -> None:
    url = resolve_link('/a b/ü?q=ä&r="<x>"#frag', "https://bücher.example/")
    assert url == "https://xn--bcher-kva.example/a%20b/%C3%BC?q=%C3%A4&r=%22%3Cx%3E%22#frag"
    # An escape sequence in an address cannot reach the terminal's hyperlink escape.
    sneaky = resolve_link("https://e.example/\x1b]8;;\x07https://evil.example\x1b\\", None)
    assert sneaky is not None and sneaky.isascii() and sneaky.isprintable()
    assert "\x1b" not in sneaky and "\x07" not in sneaky
    assert resolve_link(url, None) == url  # idempotent: stored addresses re-check as equal
    assert openable_url("javascript:alert(1)") is None


# -- where the link text is -------------------------------------------------------------------


def test_link_offsets_survive_whitespace_folding() -> None:
    [block] = _blocks(
        "<p>  Water\n prices <a href='/prices'>  rose   <em>sharply</em>\n</a> , the "
        "<a href='https://other.example/report'>report</a>&nbsp;said.</p>"
    )
    assert block.text == "Water prices rose sharply , the report said."
    assert _linked(block) == [
        (0, "rose sharply", "https://news.example/prices"),
        (0, "report", "https://other.example/report"),
    ]


def test_links_in_lists_quotes_and_captions_know_their_item() -> None:
    blocks = _blocks(
        "<ul><li>First <a href='/one'>one</a></li><li>Second</li>"
        "<li><a href='/three'>Third</a> item</li></ul>"
        "<blockquote>A <a href='/q'>quoted</a> line.</blockquote>"
        "<figure><img src='x.jpg'><figcaption>Photo: <a href='/p'>Agency</a></figcaption></figure>"
    )
    listing, quote, caption = blocks
    assert listing.kind is BlockKind.LIST
    assert _linked(listing) == [
        (0, "one", "https://news.example/one"),
        (2, "Third", "https://news.example/three"),
    ]
    assert quote.kind is BlockKind.QUOTE and _linked(quote) == [
        (0, "quoted", "https://news.example/q")
    ]
    assert caption.kind is BlockKind.CAPTION and _linked(caption)[0][1] == "Agency"


def test_text_of_unkept_links_stays_as_plain_text() -> None:
    [block] = _blocks(
        f"<p>{FILLER}Tap <a href='javascript:alert(1)'>here <a href='/inner'>now</a></a> or "
        "<a>nowhere</a> or <a href='#notes'>see notes</a>.</p>"
    )
    assert block.text.endswith("Tap here now or nowhere or see notes.")
    # lxml closes the first <a> before the second, so only the http one is a link
    assert [url for _, _, url in _linked(block)] == ["https://news.example/inner"]


def test_dateline_split_moves_links_with_the_text() -> None:
    [dateline, body] = _blocks(
        "<p>WASHINGTON (Reuters) — The Senate passed <a href='/bill'>the bill</a> on Tuesday "
        "after a long debate.</p>"
    )
    assert dateline.kind is BlockKind.DATELINE
    assert _linked(body) == [(0, "the bill", "https://news.example/bill")]


def test_page_links_resolve_against_the_fetched_address() -> None:
    page = (
        "<html><head><title>Story</title></head><body><article><h1>Story</h1>"
        f"<p>{FILLER}See <a href='/data'>the data</a>.</p><p>{FILLER}</p></article></body></html>"
    )
    article = article_from_html(page.encode(), url="https://site.example/a/b")
    links = [link for block in article.body_blocks() for link in block.links]
    assert [link.url for link in links] == ["https://site.example/data"]


def test_seed_article_keeps_its_links() -> None:
    [article] = load_articles(str(SEED_JSON))
    links = [(b, x) for b in article.body_blocks() for x in b.links]
    assert len(links) >= 8
    block, first = links[0]
    assert block.items[0][first.start : first.end] == "following talks between the two leaders"
    assert first.url.startswith("https://www.cnn.com/2023/03/21/europe/")


@given(st.lists(st.tuples(st.text(max_size=12), st.sampled_from([None, "a", "b"])), max_size=8))
def test_spans_never_change_the_cleaned_text(pieces: list[tuple[str, str | None]]) -> None:
    text, spans = clean_inline_spans(pieces)
    assert text == clean_inline("".join(piece for piece, _ in pieces))
    previous_end = 0
    for start, end, tag in spans:
        assert previous_end <= start < end <= len(text) and tag in ("a", "b")
        assert text[start:end] == text[start:end].strip()
        previous_end = end


# -- Markdown sources and outputs -------------------------------------------------------------


def test_markdown_source_links_are_kept() -> None:
    article = article_from_markdown(
        '# Title\n\nSee **[the report](https://r.example/a_b_c "Report")** and '
        "[a js link](javascript:alert(1)) and <https://auto.example/x>.\n\n"
        "- item [one](https://one.example/)\n- item two\n"
    )
    paragraph, listing = article.body_blocks()
    assert paragraph.text == "See the report and a js link and https://auto.example/x."
    assert _linked(paragraph) == [
        (0, "the report", "https://r.example/a_b_c"),
        (0, "https://auto.example/x", "https://auto.example/x"),
    ]
    assert _linked(listing) == [(0, "one", "https://one.example/")]


def test_markdown_output_writes_links_and_escapes_their_text() -> None:
    text = "Read [this] (really) now"
    block = Block(
        BlockKind.PARAGRAPH,
        [text],
        links=[
            Link(0, 5, 11, "https://e.example/a_(b)"),
            Link(0, 12, 20, "javascript:alert(1)"),  # stored by something else: not written
        ],
    )
    out = article_markdown(Article("T", [Section("", 0, [block])]))
    assert "Read [\\[this\\]](https://e.example/a_%28b%29) (really) now" in out
    assert "javascript" not in out


def test_links_round_trip_through_json_and_bad_ones_are_dropped() -> None:
    block = Block(BlockKind.LIST, ["one two", "three"], links=[Link(1, 0, 5, "https://x.example/")])
    data = json.loads(json.dumps(block.to_json()))
    assert data["links"] == [{"item": 1, "start": 0, "end": 5, "url": "https://x.example/"}]
    assert Block.from_json(data) == block
    data["links"] += [
        {"item": 5, "start": 0, "end": 1, "url": "https://x.example/"},
        {"item": 0, "start": 3, "end": 99, "url": "https://x.example/"},
        {"item": 0, "start": 0, "end": 1},
        "junk",
    ]
    assert Block.from_json(data).links == block.links
    assert "links" not in Block(BlockKind.PARAGRAPH, ["plain"]).to_json()


def test_readability_runs_without_link_rewriting_and_is_left_as_shipped() -> None:
    from readability import readability

    stock = readability.html_cleaner
    page = (
        "<html><body><article><h1>Story</h1>"
        f"<p>{FILLER}<a href='javascript:alert(1)'>tap</a> <a href='/ok'>ok</a></p>"
        f"<p>{FILLER}</p></article></body></html>"
    )
    article = article_from_html(page, url="https://site.example/")
    assert readability.html_cleaner is stock and stock.javascript
    urls = [link.url for block in article.body_blocks() for link in block.links]
    assert urls == ["https://site.example/ok"] and "tap ok" in article.text
