"""A whole web page to an :class:`Article`: readability-lxml finds the body, we structure it."""

from __future__ import annotations

import logging

from lxml import etree
from lxml import html as lxml_html

from inbrief.errors import InbriefError
from inbrief.extract.metadata import Metadata, read_metadata
from inbrief.extract.prepare import prepare_page
from inbrief.extract.structure import build_sections
from inbrief.model import BODY_KINDS, Article, Section
from inbrief.textclean import clean_inline

#: Fewer body words than this and we doubt readability found the article.
_THIN_BODY_WORDS = 80


def parse_html(text: str) -> lxml_html.HtmlElement:
    """Parse a page leniently; raise :class:`InbriefError` if nothing can be made of it."""
    try:
        root = lxml_html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise InbriefError(f"cannot parse the HTML: {exc}") from None
    return root


def article_from_html(
    page: str | bytes, url: str | None = None, charset: str | None = None
) -> Article:
    """Find the article in a full page and return it cleaned and structured.

    ``page`` is best given as the bytes received, with ``charset`` from the HTTP header if any:
    the encoding is then found the way browsers do (BOM, header, ``<meta charset>``, sniffing).
    The page is parsed once; readability-lxml works on that tree after :func:`prepare_page`.
    """
    from readability import Document  # deferred: 80 ms of imports, only HTML sources need it
    from readability.readability import Unparseable

    from inbrief.sniff import decode

    text = decode(page, charset) if isinstance(page, bytes) else page
    if "\x00" in text:
        text = text.replace("\x00", "")
    tree = parse_html(text)
    meta = read_metadata(tree, base_url=url)
    page_words = _word_count(tree)
    prepare_page(tree)
    logging.getLogger("readability.readability").setLevel(logging.CRITICAL)
    try:
        summary_html = Document(tree, url=url).summary(html_partial=True)
    except (Unparseable, ValueError, etree.ParserError):
        summary_html = ""
    title = meta.title or ""
    sections = build_sections(parse_html(summary_html), title) if summary_html.strip() else []
    return article_from_sections(sections, meta, page_words=page_words)


def _word_count(tree: lxml_html.HtmlElement) -> int:
    body = tree.find("body")
    if body is None:
        return 0
    for node in body.xpath(".//script|.//style|.//noscript"):
        node.drop_tree()
    return len(body.text_content().split())


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
        article.byline = next(
            (b.text for b in article.body_blocks() if b.kind.value == "byline"), None
        )
    return article


def _fallback_title(article: Article) -> str:
    for section in article.sections:
        if section.heading:
            return section.heading
    first = next(b.text for b in article.body_blocks() if b.kind in BODY_KINDS)
    words = first.split()
    return " ".join(words[:12]) + ("…" if len(words) > 12 else "")


def _confidence(words: int, page_words: int | None) -> float:
    """Crude until issue 5: long bodies that are a fair share of the page are trusted."""
    length_score = min(1.0, words / (_THIN_BODY_WORDS * 3))
    if not page_words:
        return length_score
    share = words / page_words
    return round(min(1.0, length_score * min(1.0, 0.5 + share)), 3)
