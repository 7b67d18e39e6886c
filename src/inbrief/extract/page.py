"""A whole web page to an :class:`Article`: readability-lxml finds the body, we structure it.

The page's bytes are decoded once and parsed once. Metadata is read from that tree first;
:mod:`~inbrief.extract.prepare` then readies it for readability-lxml, whose summary
:mod:`~inbrief.extract.structure` turns into sections of typed blocks. When that body is unsure
(short, a sliver of the page, or mostly links), :func:`~inbrief.extract.choice.choose` weighs it
against the alternatives of :mod:`~inbrief.extract.fallback`, readability-lxml alone on the page
as received and trafilatura (:mod:`~inbrief.extract.second`), and records which path won;
``confidence`` says how far to trust it.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree
from lxml import html as lxml_html

from inbrief.errors import InbriefError
from inbrief.extract import choice
from inbrief.extract.authors import clean_author
from inbrief.extract.boilerplate import is_timestamp
from inbrief.extract.bounds import parse_bounded
from inbrief.extract.choice import Candidate, Decision, Path
from inbrief.extract.fallback import sections_from_densest, sections_from_text
from inbrief.extract.metadata import MAX_TITLE_CHARS, Metadata, read_metadata
from inbrief.extract.prepare import prepare_page, reveal_noscript
from inbrief.extract.readable import readability_summary
from inbrief.extract.second import second_sections
from inbrief.extract.structure import BYLINE_PREFIX, build_sections, link_density
from inbrief.model import BODY_KINDS, Article, BlockKind, Section, body_words
from inbrief.textclean import XML_INCOMPATIBLE, clean_inline

_LOG = logging.getLogger("inbrief.extract")
#: An XML declaration, which lxml refuses in a decoded string ("Unicode strings with encoding
#: declaration are not supported"); the text is decoded already, so it says nothing we need.
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


#: A ``<title>`` whose end tag is mistyped (``</titavaScript"...``): everything after it would
#: be the title's text, the whole page in one line. Its text is cut at the first tag.
_UNCLOSED_TITLE = re.compile(r"(<title[^>]*>[^<]{0,1000}?)(?=<(?!/title\s*>)[a-zA-Z/!])", re.I)


NO_TEXT = "no article text found on the page"
#: Why, on a page of scripts with less than :data:`SCRIPTED_PAGE_WORDS` words of text of its own
#: (a web app, or an article that its scripts fetch).
NEEDS_SCRIPTS = "its text is drawn by JavaScript, which inbrief does not run"
SCRIPTED_PAGE_WORDS = 50


def parse_html(text: str) -> lxml_html.HtmlElement:
    """Parse a page leniently and within :mod:`~inbrief.extract.bounds` (elements, links,
    headings, nesting); raise :class:`InbriefError` if nothing can be made of it."""
    text = _XML_DECLARATION.sub("", text, count=1)
    return parse_bounded(_UNCLOSED_TITLE.sub(r"\1</title>", text, count=1))


@dataclass(frozen=True, slots=True)
class Extraction:
    """An article and the decision that says which path produced its body."""

    article: Article
    decision: Decision


def article_from_html(
    page: str | bytes, url: str | None = None, charset: str | None = None
) -> Article:
    """Find the article in a full page and return it cleaned and structured.

    ``page`` is best given as the bytes received, with ``charset`` from the HTTP header if any:
    the encoding is then found the way browsers do (BOM, header, ``<meta charset>``, sniffing).
    Raises :class:`InbriefError` when no path finds any article text.
    """
    return extract_page(page, url, charset).article


def extract_page(
    page: str | bytes,
    url: str | None = None,
    charset: str | None = None,
    limits: choice.Thresholds = choice.THRESHOLDS,
) -> Extraction:
    """:func:`article_from_html` with the :class:`Decision` that picked the body."""
    return extraction_from(page_candidates(page, url, charset), limits)


@dataclass(frozen=True, slots=True)
class PageCandidates:
    """A page's metadata, our own body, and the other paths, each run only when called.

    The page is parsed once for our own path (readability-lxml on the tree after
    :func:`prepare_page`); ``alone`` parses it again for readability on the page as received.
    """

    meta: Metadata
    page_words: int
    #: The page has scripts and next to no text: what a browser shows, scripts draw.
    scripted: bool
    own: Candidate
    alternative: Callable[[], Candidate]
    alone: Callable[[], Candidate]
    #: readability alone's text as plain paragraphs: the last resort, never typed or filtered.
    plain: Callable[[], Candidate]
    #: trafilatura on the page as received: a second opinion, asked only when no path found text.
    second: Callable[[], Candidate]


def page_candidates(
    page: str | bytes, url: str | None = None, charset: str | None = None
) -> PageCandidates:
    """Decode and parse the page, read its metadata and find our own body."""
    from inbrief.sniff import decode

    text = decode(page, charset) if isinstance(page, bytes) else page
    # Controls are never content, and lxml refuses to build text nodes holding them.
    text = XML_INCOMPATIBLE.sub("", text)
    tree = parse_html(text)
    meta = read_metadata(tree, base_url=url)
    reveal_noscript(tree)
    scripted = next(tree.iter("script"), None) is not None
    page_words, page_chars = _text_size(tree)
    prepare_page(tree, page_chars)
    title = meta.title or ""
    base = url or meta.url  # the page's own address first: relative links are relative to it
    return PageCandidates(
        meta,
        page_words,
        scripted and page_words < SCRIPTED_PAGE_WORDS,
        own=_readability_candidate(Path.OWN, tree, title, base),
        alternative=lambda: _best_alternative(tree, meta, title, base),
        alone=lambda: _readability_candidate(Path.READABILITY, parse_html(text), title, base),
        plain=lambda: _plain_readability(parse_html(text)),
        second=lambda: _second_candidate(parse_html(text), title, base),
    )


def extraction_from(
    candidates: PageCandidates, limits: choice.Thresholds = choice.THRESHOLDS
) -> Extraction:
    """The article from the path :func:`~inbrief.extract.choice.choose` picks."""
    body, decision = choice.choose(
        candidates.own,
        candidates.page_words,
        candidates.alternative,
        candidates.alone,
        limits,
        second=candidates.second,
        plain=candidates.plain,
    )
    _LOG.debug("body from %s: %s", decision.path, decision.reason)
    try:
        article = article_from_sections(body.sections, candidates.meta, candidates.page_words)
    except InbriefError:
        if candidates.scripted:
            raise InbriefError(f"{NO_TEXT}: {NEEDS_SCRIPTS}") from None
        raise
    article.confidence = round(article.confidence * _link_factor(body.link_density), 3)
    if decision.path is not Path.OWN:
        article.confidence = min(article.confidence, choice.FALLBACK_CONFIDENCE)
    return Extraction(article, decision)


def _readability_candidate(
    path: Path, tree: lxml_html.HtmlElement, title: str, base_url: str | None
) -> Candidate:
    """readability's body for ``tree`` (which it changes) as sections."""
    from readability.readability import Unparseable

    try:
        summary_html = readability_summary(tree)
    except (Unparseable, ValueError, etree.ParserError):
        return Candidate(path, [])
    if not summary_html.strip():
        return Candidate(path, [])
    try:
        summary = parse_html(summary_html)
    except InbriefError:
        return Candidate(path, [])
    return Candidate(path, build_sections(summary, title, base_url), link_density(summary))


def _second_candidate(tree: lxml_html.HtmlElement, title: str, base_url: str | None) -> Candidate:
    """trafilatura's body for ``tree`` (which it changes) as sections."""
    sections, link_share = second_sections(tree, title, base_url)
    return Candidate(Path.SECOND, sections, link_share)


def _plain_readability(tree: lxml_html.HtmlElement) -> Candidate:
    """readability's body for ``tree`` as plain paragraphs (one per line of its text)."""
    from readability.readability import Unparseable

    try:
        summary_html = readability_summary(tree)
        summary = parse_html(summary_html) if summary_html.strip() else None
    except (Unparseable, ValueError, etree.ParserError, InbriefError):
        return Candidate(Path.READABILITY, [])
    if summary is None:
        return Candidate(Path.READABILITY, [])
    for node in summary.xpath("//script|//style|//title"):
        node.drop_tree()
    return Candidate(Path.READABILITY, sections_from_text(summary.text_content()))


def _link_factor(density: float) -> float:
    """1 up to a fifth of the text in links, falling to 0 when three fifths are."""
    return min(1.0, max(0.0, (0.6 - density) / 0.4))


def _best_alternative(
    tree: lxml_html.HtmlElement, meta: Metadata, title: str, base_url: str | None
) -> Candidate:
    """The longer of the declared JSON-LD body and the densest paragraph container."""
    declared = sections_from_text(meta.article_body) if meta.article_body else []
    densest = sections_from_densest(tree, title, base_url)
    if body_words(declared) >= body_words(densest):
        return Candidate(Path.DECLARED, declared)
    return Candidate(Path.DENSEST, densest)


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
        raise InbriefError(NO_TEXT)
    if not article.title:
        article.title = _fallback_title(article)
    article.title = _one_line(article.title)
    article.confidence = _confidence(words, page_words)
    if article.byline is None:
        article.byline = _byline_from_body(article)
    return article


def _byline_from_body(article: Article) -> str | None:
    """A short byline block at the top of the body ("By Jane Roe"); not a timestamp or a bio."""
    for block in article.body_blocks()[:4]:
        short = block.kind is BlockKind.BYLINE and len(block.text.split()) <= 10
        if short and not is_timestamp(block.text):
            return clean_author(BYLINE_PREFIX.sub("", block.text))
    return None


def _one_line(title: str) -> str:
    """A title is a line: a longer one (a megabyte ``<h1>``, first word or WordPress title,
    which the summary would print whole and the library list hold) is cut, at a space if one
    is near."""
    if len(title) <= MAX_TITLE_CHARS:
        return title
    cut = title[: MAX_TITLE_CHARS - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > MAX_TITLE_CHARS // 2 else cut).rstrip() + "…"


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
