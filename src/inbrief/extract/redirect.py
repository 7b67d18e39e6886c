"""Pages that only send the reader on: ``<meta http-equiv="refresh" content="0; url=...">``.

Link shorteners, moved pages and "continue to the article" stubs answer with such a page
instead of an HTTP redirect; a browser follows it, so the reader does too, but only for a page
fetched from the web that has no article of its own, or a few words ("Redirecting…"). A page
that reloads itself, or moves on after minutes, is a page in its own right.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from lxml import etree
from lxml import html as lxml_html

#: ``content``: a delay, then (after ``;``, ``,`` or a space) the address, ``url=`` and quotes
#: optional.
_CONTENT = re.compile(
    r"""^\s*(?P<delay>\d+(?:\.\d*)?|\.\d+)[\s;,]+(?:url\s*=\s*)?"""
    r"""(?P<q>['"]?)(?P<url>[^'"]+?)(?P=q)\s*$""",
    re.I,
)
#: Seconds: a page that sends the reader on later than this is a page in its own right that
#: reloads or rotates (a live blog, a slideshow), not a stub.
MAX_DELAY = 10.0
#: Only the page's start is read (characters; its bytes, before decoding): a refresh belongs in
#: its head.
HEAD_CHARS = 32_768


def meta_refresh_target(text: str, base_url: str) -> str | None:
    """The absolute http(s) address the page's meta refresh sends the reader to within
    :data:`MAX_DELAY` seconds, if it names one other than the page itself."""
    head = text[:HEAD_CHARS]
    if "refresh" not in head.lower():
        return None
    try:
        tree = lxml_html.fromstring(head)
    except (etree.ParserError, ValueError):
        return None
    for meta in tree.iter("meta"):
        if (meta.get("http-equiv") or "").strip().lower() != "refresh":
            continue
        match = _CONTENT.match(meta.get("content") or "")
        if match is None or float(match.group("delay")) > MAX_DELAY:
            continue
        try:
            target = urljoin(base_url, match.group("url").strip()).split("#", 1)[0]
            parts = urlsplit(target)
            named = parts.scheme in ("http", "https") and bool(parts.hostname)
        except ValueError:  # a malformed address ("http://[::1")
            continue
        if named:
            return None if target == base_url.split("#", 1)[0] else target
    return None
