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
    "sponsored", "paywall", "breadcrumb", "breadcrumbs", "pagination", "toolbar", "modal",
    "cookie", "consent", "notification", "trending", "mostread", "popular",
}  # fmt: skip
_WORD_SPLIT = re.compile(r"[\s_\-:./]+|(?<=[a-z])(?=[A-Z])")
_PAIRS = {("read", "more"), ("sign", "up"), ("email", "signup"), ("most", "read")}
_HIDDEN_STYLE = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*hidden|left\s*:\s*-\d{3,}px|top\s*:\s*-\d{3,}px",
    re.IGNORECASE,
)
#: A box holding this many paragraphs of 150+ characters is content, whatever its name.
_ARTICLE_PARAGRAPHS = 3
_KEEP_TAGS = {"html", "body", "main", "article"}


def _words(value: str) -> list[str]:
    return [word.lower() for word in _WORD_SPLIT.split(value) if word]


def is_furniture(classes: str) -> bool:
    """True when a class/id string names page furniture (``share-bar``, ``readMore``, ...)."""
    words = _words(classes)
    if any(word in _FURNITURE_WORDS for word in words):
        return True
    return any(pair in _PAIRS for pair in pairwise(words))


def _long_paragraphs(element: lxml_html.HtmlElement) -> int:
    count = 0
    for paragraph in element.iter("p"):
        if len(paragraph.text_content()) >= 150:
            count += 1
            if count >= _ARTICLE_PARAGRAPHS:
                break
    return count


def prepare_page(tree: lxml_html.HtmlElement) -> None:
    """Protect embedded posts and remove hidden elements and page furniture, in place."""
    doomed: list[lxml_html.HtmlElement] = []
    for element in tree.iter():
        tag = element.tag
        if not isinstance(tag, str) or tag in _KEEP_TAGS:
            continue
        classes = element.get("class") or ""
        if classes and _EMBED_CLASS.search(classes):
            element.set("class", "embedded-post")
            continue
        if element.get("hidden") is not None or element.get("aria-hidden") == "true":
            doomed.append(element)
            continue
        style = element.get("style")
        if style and _HIDDEN_STYLE.search(style):
            doomed.append(element)
            continue
        names = f"{classes} {element.get('id') or ''}"
        if names.strip() and is_furniture(names) and _long_paragraphs(element) < 2:
            doomed.append(element)
    for element in doomed:
        if element.getparent() is not None:
            element.drop_tree()
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
