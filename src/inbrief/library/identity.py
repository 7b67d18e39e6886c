"""How the library recognises an article it already holds: canonical URL and content hash.

The same story reached through ``http://Example.com/a/?utm_source=x#top`` and
``https://example.com/a`` is one article; so is the same text saved twice from different
places. Both keys are pure functions of the article so they can be unit-tested alone.
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from inbrief.model import Article

#: Query parameters that only track where a click came from, never which page it is.
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|ref_src|igshid)$", re.I)
_SPACE = re.compile(r"\s+")


def canonical_url(url: str | None) -> str | None:
    """``url`` normalised for comparison, or None when there is no usable http(s) URL.

    Scheme and host are lower-cased, ``http`` and ``https`` are treated alike, default ports,
    fragments, tracking parameters and a trailing slash are dropped, and the remaining
    query parameters are sorted.
    """
    if not url:
        return None
    try:  # a page's own canonical link may be malformed: a bad port, a broken IPv6 host
        parts = urlsplit(url.strip())
        port_number = parts.port
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname.lower()
    if host.startswith("www."):
        host = host[4:]
    port = f":{port_number}" if port_number not in (None, 80, 443) else ""
    path = parts.path.rstrip("/") or "/"
    query = sorted(
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if not _TRACKING.match(key)
    )
    return urlunsplit(("https", host + port, path, urlencode(query), ""))


def content_hash(article: Article, body: str | None = None) -> str:
    """SHA-256 of the title and body with white space folded: equal text, equal hash.

    ``body`` is ``article.text`` when the caller has already built it.
    """
    body = article.text if body is None else body
    text = _SPACE.sub(" ", f"{article.title}\n{body}").strip().casefold()
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
