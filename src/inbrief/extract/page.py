"""A whole web page to an :class:`Article`: readability-lxml finds the body, we structure it.

The page's bytes are decoded once and parsed once. Metadata is read from that tree first;
:mod:`~inbrief.extract.prepare` then readies it for readability-lxml, whose summary
:mod:`~inbrief.extract.structure` turns into sections of typed blocks. When the body is thin
(short, a sliver of the page, or mostly links) the best alternative in
:mod:`~inbrief.extract.fallback` is used instead, and ``confidence`` says how far to trust it.
"""

from __future__ import annotations

import math

from lxml import etree
from lxml import html as lxml_html

from inbrief.errors import InbriefError
from inbrief.extract.boilerplate import is_timestamp
from inbrief.extract.bounds import parse_bounded
from inbrief.extract.fallback import sections_from_densest, sections_from_text
from inbrief.extract.metadata import Metadata, read_metadata
from inbrief.extract.prepare import prepare_page
from inbrief.extract.readable import readability_summary
from inbrief.extract.structure import BYLINE_PREFIX, build_sections
from inbrief.model import BODY_KINDS, Article, BlockKind, Section, body_words
from inbrief.textclean import XML_INCOMPATIBLE, clean_inline

#: Fewer body words than this and we doubt readability found the article.
_THIN_BODY_WORDS = 80
#: A body under this share of the page's words is a sliver: readability may have missed.
_THIN_SHARE = 0.05
#: A body with more than this share of its text in links is a menu, not an article.
_LINKY = 0.5
#: The most confidence an article found by a fallback can have.
_FALLBACK_CONFIDENCE = 0.5


def parse_html(text: str) -> lxml_html.HtmlElement:
    """Parse a page leniently and within :mod:`~inbrief.extract.bounds` (elements, links,
    headings, nesting); raise :class:`InbriefError` if nothing can be made of it."""
    return parse_bounded(text)


def article_from_html(
    page: str | bytes, url: str | None = None, charset: str | None = None
) -> Article:
    """Find the article in a full page and return it cleaned and structured.

    ``page`` is best given as the bytes received, with ``charset`` from the HTTP header if any:
    the encoding is then found the way browsers do (BOM, header, ``<meta charset>``, sniffing).
    The page is parsed once; readability-lxml works on that tree after :func:`prepare_page`.
    """
    from readability.readability import Unparseable

    from inbrief.sniff import decode

    text = decode(page, charset) if isinstance(page, bytes) else page
    # Controls are never content, and lxml refuses to build text nodes holding them.
    text = XML_INCOMPATIBLE.sub("", text)
    tree = parse_html(text)
    meta = read_metadata(tree, base_url=url)
    page_words, page_chars = _text_size(tree)
    prepare_page(tree, page_chars)
    try:
        summary_html = readability_summary(tree)
    except (Unparseable, ValueError, etree.ParserError):
        summary_html = ""
    title = meta.title or ""
    summary = parse_html(summary_html) if summary_html.strip() else None
    base = url or meta.url  # the page's own address first: relative links are relative to it
    sections = build_sections(summary, title, base) if summary is not None else []
    links = _link_density(summary) if summary is not None else 0.0
    words = body_words(sections)
    fell_back = False
    if _is_thin(words, page_words) or links > _LINKY:
        alternative = _best_alternative(tree, meta, title, base)
        if body_words(alternative) >= max(2 * words, _THIN_BODY_WORDS):
            sections, fell_back, links = alternative, True, 0.0
    article = article_from_sections(sections, meta, page_words=page_words)
    article.confidence = round(article.confidence * _link_factor(links), 3)
    if fell_back:
        article.confidence = min(article.confidence, _FALLBACK_CONFIDENCE)
    return article


def _link_density(root: lxml_html.HtmlElement) -> float:
    """Share of the text that sits inside links: high for menus and lists of headlines."""
    text = len("".join(root.text_content().split()))
    links = sum(len("".join(a.text_content().split())) for a in root.iter("a"))
    return links / text if text else 0.0


def _link_factor(density: float) -> float:
    """1 up to a fifth of the text in links, falling to 0 when three fifths are."""
    return min(1.0, max(0.0, (0.6 - density) / 0.4))


def _is_thin(words: int, page_words: int) -> bool:
    """readability's body is short, or a sliver of a page that has plenty of text."""
    return words < _THIN_BODY_WORDS or (page_words > 0 and words / page_words < _THIN_SHARE)


def _best_alternative(
    tree: lxml_html.HtmlElement, meta: Metadata, title: str, base_url: str | None
) -> list[Section]:
    """The longer of the declared JSON-LD body and the densest paragraph container."""
    declared = sections_from_text(meta.article_body) if meta.article_body else []
    densest = sections_from_densest(tree, title, base_url)
    return max(declared, densest, key=body_words)


def _text_size(tree: lxml_html.HtmlElement) -> tuple[int, int]:
    """Words and characters of the page's visible text (scripts and styles dropped)."""
    body = tree.find("body")
    if body is None:
        return 0, 0
    for node in body.xpath(".//script|.//style|.//noscript"):
        node.drop_tree()
    text = body.text_content()
    return len(text.split()), len(text)


def article_from_sections(
    sections: list[Section], meta: Metadata, page_words: int | None = None
) -> Article:
    """Assemble an article, raising if it has no body text at all."""
    article = Article(
        title=clean_inline(meta.title or ""),
        sections=sections,
        byline=meta.byline,
        site=meta.site,
        published=meta.published,
        language=meta.language,
        url=meta.url,
    )
    words = article.word_count
    if words == 0:
        raise InbriefError("no article text found on the page")
    if not article.title:
        article.title = _fallback_title(article)
    article.confidence = _confidence(words, page_words)
    if article.byline is None:
        article.byline = _byline_from_body(article)
    return article


def _byline_from_body(article: Article) -> str | None:
    """A short byline block at the top of the body ("By Jane Roe"); not a timestamp or a bio."""
    for block in article.body_blocks()[:4]:
        short = block.kind is BlockKind.BYLINE and len(block.text.split()) <= 10
        if short and not is_timestamp(block.text):
            return BYLINE_PREFIX.sub("", block.text).strip() or None
    return None


def _fallback_title(article: Article) -> str:
    for section in article.sections:
        if section.heading:
            return section.heading
    first = next(b.text for b in article.body_blocks() if b.kind in BODY_KINDS)
    words = first.split()
    return " ".join(words[:12]) + ("…" if len(words) > 12 else "")


def _confidence(words: int, page_words: int | None) -> float:
    """How sure we are that the body is the article, 0..1.

    Two signals: length (a body of 150 words or more is a full article; the score falls as the
    square root below that) and text density (a body under a quarter of the page's words is
    penalised, down to half for a body that is a sliver of a long page).
    """
    length_score: float = min(1.0, math.sqrt(words / 150))
    if not page_words:
        return round(length_score, 3)
    share = min(1.0, words / page_words)
    return round(length_score * min(1.0, 0.5 + 2 * share), 3)
