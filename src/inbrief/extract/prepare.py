"""Clean a parsed page before readability-lxml scores it.

readability judges blocks by their class and id, and two of its habits cost real articles text:
it deletes every element whose class mentions "twitter" or "tweet" (embedded posts, which
are part of the story), and it keeps boxes that sit inside the article container but are
not the article (share bars, newsletter sign-ups, "read more" teasers, hover cards, ads).
This module fixes both on the page's tree, by markup alone:

- embedded social posts get a neutral class so readability keeps them;
- elements hidden from readers (``hidden``, ``display:none``, parked off-screen) go;
- boxes whose class or id names a known kind of page furniture go, unless they hold enough
  long paragraphs to be the article themselves;
- text written straight into a ``<div>`` between ``<br>``s becomes ``<p>`` paragraphs, split at
  blank lines (two ``<br>``s) and at block elements. readability's own rewrite turns every
  text run after an inline element into a paragraph of its own, cutting sentences in two.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

from lxml import html as lxml_html

from inbrief.textclean import XML_INCOMPATIBLE

#: Class names of embedded social posts (Twitter/X, Instagram, TikTok, Facebook, Reddit...).
_EMBED_CLASS = re.compile(
    r"twitter-tweet|twitter-video|instagram-media|tiktok-embed|fb-post|reddit-card|"
    r"bluesky-embed|mastodon-embed",
    re.IGNORECASE,
)
#: Page furniture named in class or id. Matched against whole words of the attribute (split
#: at spaces, hyphens, underscores and camelCase humps), never inside other words.
_FURNITURE_WORDS = {
    "share", "sharing", "sharebar", "social", "newsletter", "signup", "subscribe",
    "subscription", "readmore", "related", "recommended", "rollover", "tooltip", "popover",
    "promo", "advert", "advertisement", "ad", "ads", "adslot", "taboola", "outbrain",
    "sponsored", "breadcrumb", "breadcrumbs", "pagination", "toolbar", "modal",
    "cookie", "consent", "notification", "trending", "mostread", "popular",
}  # fmt: skip
_NEGATIONS = frozenset({"no", "non", "free", "without", "noads", "noshare", "disabled"})
_WORD_SPLIT = re.compile(r"[\s_\-:./]+|(?<=[a-z])(?=[A-Z])")
_PAIRS = {("read", "more"), ("sign", "up"), ("email", "signup"), ("most", "read")}
_HIDDEN_STYLE = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*hidden|left\s*:\s*-\d{3,}px|top\s*:\s*-\d{3,}px",
    re.IGNORECASE,
)
#: Class names that hide an element from readers in every stylesheet that uses them (``hidden``,
#: Bootstrap's ``d-none``): whole class tokens only, so ``hidden-xs`` (hidden on phones alone)
#: stays.
_HIDDEN_CLASSES = frozenset({"hidden", "hide", "is-hidden", "d-none"})
#: A box holding this many paragraphs of 150+ characters is content, whatever its name.
_ARTICLE_PARAGRAPHS = 3
#: Only elements with one of these attributes can be hidden, embedded posts or furniture.
_MARKED = "//*[@class or @id or @style or @hidden or @aria-hidden]"
_KEEP_TAGS = {"html", "body", "main", "article"}


def _words(value: str) -> list[str]:
    return [word.lower() for word in _WORD_SPLIT.split(value) if word]


@lru_cache(maxsize=8192)
def is_furniture(classes: str) -> bool:
    """True when a class/id string names page furniture (``share-bar``, ``readMore``, ...)."""
    words = _words(classes)
    if _NEGATIONS.intersection(words):
        return False  # "ad-free", "no-ads", "noshare": a switch on the article, not a box
    if any(word in _FURNITURE_WORDS for word in words):
        return True
    return any(pair in _PAIRS for pair in pairwise(words))


#: Words that make a comments class a state of the post ("comments-open", "has-comments"), not a
#: box of comments: WordPress-style themes put them on the article's own container.
_COMMENT_STATES = frozenset({"open", "closed", "has", "allowed", "enabled", "disabled"})


@lru_cache(maxsize=8192)
def names_comments(classes: str) -> bool:
    """True when a class/id string names readers' comments (``commentbody``, ``comment-list``)."""
    words = _words(classes)
    if _COMMENT_STATES.intersection(words):
        return False
    return any(
        word.startswith("comment") and not word.startswith(("commentar", "commentat"))
        for word in words
    )


_INLINE_TAGS = {"span", "em", "strong", "b", "i", "small", "label", "font", "sup", "sub", "u"}
_BOX_PARTS = {"img", "picture", "div", "p", "ul", "ol", "li", "figure", "button", "svg"}


def _is_box(element: lxml_html.HtmlElement) -> bool:
    """An inline element that holds several links or block-like parts: a card, not words."""
    links = 0
    for child in element.iterdescendants():
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in _BOX_PARTS:
            return True
        links += tag == "a"
    return links >= 2 or not element.text_content().strip()


def _protect_embed(element: lxml_html.HtmlElement) -> None:
    """Give an embedded post, and wrappers that hold nothing else, a class readability keeps.

    readability deletes "tweet"/"twitter" classes outright and scores "media" negatively, so a
    ``<div class="social-media-embed">`` around a tweet would take it down with it.
    """
    text = len(element.text_content().strip())
    node: lxml_html.HtmlElement | None = element
    while node is not None and node.tag not in _KEEP_TAGS:
        node.set("class", "embedded-post")
        node.attrib.pop("id", None)
        node = node.getparent()
        if node is None or len(node.text_content().strip()) > text + 20:
            break


def _holds_embed(element: lxml_html.HtmlElement) -> bool:
    """True for a wrapper around an embedded post ("social-media-embed"): content, not a bar."""
    return any(
        _EMBED_CLASS.search(child.get("class") or "")
        for child in element.iterdescendants("blockquote", "div", "iframe")
    )


def _long_paragraphs(element: lxml_html.HtmlElement) -> int:
    count = 0
    for paragraph in element.iter("p"):
        if len(paragraph.text_content()) >= 150:
            count += 1
            if count >= _ARTICLE_PARAGRAPHS:
                break
    return count


#: A ``<noscript>`` with this many words is the page's text for readers without scripts (a blog
#: rendered by a script, say), not a notice to switch scripts on or a tracking pixel.
_NOSCRIPT_WORDS = 40


def reveal_noscript(tree: lxml_html.HtmlElement) -> None:
    """Unwrap every ``<noscript>`` in the body that holds real text, in place.

    Everything else drops ``<noscript>`` with its content; a page that puts its article there
    would otherwise show only what surrounds it (a blog's tagline).
    """
    body = tree.find("body")
    if body is None:
        return
    for element in list(body.iter("noscript")):
        if len(element.text_content().split()) >= _NOSCRIPT_WORDS:
            element.drop_tag()


def prepare_page(tree: lxml_html.HtmlElement, page_chars: int = 0) -> None:
    """Protect embedded posts and remove hidden elements and page furniture, in place.

    ``page_chars``, the length of the page's text, guards against a misnamed article: a box
    holding more than a third of it is never furniture.
    """
    doomed: list[lxml_html.HtmlElement] = []
    limit = page_chars / 3 if page_chars else float("inf")
    inline: list[lxml_html.HtmlElement] = []
    for element in tree.xpath(_MARKED):
        tag = element.tag
        if not isinstance(tag, str) or tag in _KEEP_TAGS:
            continue
        classes = element.get("class") or ""
        if classes and _EMBED_CLASS.search(classes):
            _protect_embed(element)
            continue
        if (
            element.get("hidden") is not None
            or element.get("aria-hidden") == "true"
            or (classes and _HIDDEN_CLASSES.intersection(classes.lower().split()))
        ):
            doomed.append(element)
            continue
        style = element.get("style")
        if style and _HIDDEN_STYLE.search(style):
            doomed.append(element)
            continue
        names = f"{classes} {element.get('id') or ''}"
        if names.strip() and tag != "a" and names_comments(names):
            if len(element.text_content()) <= limit:
                doomed.append(element)
            continue
        if not names.strip() or tag == "a" or not is_furniture(names):
            continue
        if tag in _INLINE_TAGS:
            inline.append(element)
        elif (
            _long_paragraphs(element) < 2
            and not _holds_embed(element)
            and len(element.text_content()) <= limit
        ):
            doomed.append(element)
    for element in doomed:
        element.drop_tree()
    # Inline furniture (a hover card inside a sentence) is judged innermost first, on what is
    # left of it: the card with its teaser links goes, the name it hangs from stays.
    for element in reversed(inline):
        if _is_box(element):
            element.drop_tree()
    # readability deletes a heading whose class or id scores negatively ("meta", "media",
    # "tags"...); what furniture there was is gone by now, so headings lose their names.
    for heading in tree.iter("h2", "h3", "h4", "h5", "h6"):
        for attr in ("class", "id"):
            heading.attrib.pop(attr, None)
    for div in tree.iter("div"):
        if _has_loose_text(div):
            _wrap_loose_text(div)


_BLOCK_TAGS = {
    "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "ul", "ol",
    "dl", "li", "blockquote", "pre", "figure", "figcaption", "table", "form", "h1", "h2", "h3",
    "h4", "h5", "h6", "hr", "center", "address", "details", "iframe", "video", "audio",
    "picture", "noscript", "script", "style", "hgroup", "fieldset", "menu",
}  # fmt: skip


def _has_loose_text(div: lxml_html.HtmlElement) -> bool:
    if div.text and div.text.strip():
        return True
    return any(child.tail and child.tail.strip() for child in div)


def _wrap_loose_text(div: lxml_html.HtmlElement) -> None:
    """Gather the div's text and inline children into ``<p>``s; blocks stay where they are."""
    children = list(div)
    text, div.text = div.text or "", None
    for child in children:
        div.remove(child)
    run: lxml_html.HtmlElement | None = None
    pending_break = False

    def add_text(value: str) -> None:
        nonlocal run
        value = XML_INCOMPATIBLE.sub("", value)  # from entities like &#27;
        if run is None:
            if not value.strip():
                return
            run = lxml_html.Element("p")
            div.append(run)
        if len(run):
            run[-1].tail = (run[-1].tail or "") + value
        else:
            run.text = (run.text or "") + value

    add_text(text)
    for child in children:
        tail, child.tail = child.tail or "", None
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "br":
            if pending_break or run is None:
                run, pending_break = None, False
            else:
                pending_break = True
        elif not tag or tag in _BLOCK_TAGS:
            run, pending_break = None, False
            div.append(child)
        else:
            if pending_break and run is not None:
                run.append(lxml_html.Element("br"))
            pending_break = False
            if run is None:
                run = lxml_html.Element("p")
                div.append(run)
            run.append(child)
        if tail.strip():
            if pending_break and run is not None:
                run.append(lxml_html.Element("br"))
                pending_break = False
            add_text(tail)
        elif tail and run is not None and not pending_break:
            add_text(tail)
