"""Clean a parsed page before readability-lxml scores it.

readability judges blocks by their class and id, and two of its habits cost real articles text:
it deletes every element whose class mentions "twitter" or "tweet" (embedded posts, which
are part of the story), and it keeps boxes that sit inside the article container but are
not the article (share bars, newsletter sign-ups, "read more" teasers, hover cards, ads).
This module fixes both on the page's tree, by markup alone:

- embedded social posts get a neutral class so readability keeps them;
- elements hidden from readers (``hidden``, ``display:none``, parked off-screen) go;
- boxes whose class or id names a known kind of page furniture go, unless they hold enough
  long paragraphs to be the article themselves.
"""

from __future__ import annotations

import re
from itertools import pairwise

from lxml import html as lxml_html

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
