"""Links inside article text: which addresses are kept, and the one form they are kept in.

A link survives extraction only if it resolves to an absolute ``http`` or ``https`` address;
``javascript:``, ``data:``, ``file:``, ``mailto:``, in-page ``#anchors`` and addresses with a
``user@`` part are dropped. What is kept is printable ASCII: non-ASCII host names are
IDNA-encoded and every other character outside the URL alphabet is percent-encoded. So a kept
address can go into a terminal hyperlink escape (OSC 8), a Markdown file or a browser's argument
list without carrying anything else with it.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

from inbrief.textclean import CONTROL_CHARS

#: The only schemes kept in articles and handed to a browser.
SAFE_SCHEMES = frozenset({"http", "https"})
#: Longer addresses are tracking blobs or attacks, not links a reader follows.
MAX_URL = 2048
#: Characters left as they are; everything else is percent-encoded (``%`` keeps escapes).
_URL_SAFE = "%/:=&?~#+!$,;'@()*[]-._"
_BROWSER_STRIPS = re.compile(r"[\t\n\r]")


def resolve_link(href: str | None, base: str | None = None) -> str | None:
    """The absolute, printable http(s) address ``href`` points to from ``base``, or None."""
    if not href:
        return None
    # Browsers drop tabs and newlines anywhere in an address and trim spaces around it.
    href = _BROWSER_STRIPS.sub("", CONTROL_CHARS.sub("", href)).strip()
    if not href or href.startswith("#"):
        return None  # a jump within the page (footnotes, contents), not somewhere to go
    try:
        parts = urlsplit(urljoin(base, href) if base else href)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        return None
    if parts.scheme.lower() not in SAFE_SCHEMES or not parts.hostname or "@" in parts.netloc:
        return None  # user@host hides the real host ("https://bank.com@evil.example/")
    host = parts.netloc if parts.netloc.isascii() else _idna_netloc(parts.netloc)
    if host is None:
        return None
    url = urlunsplit(
        (
            parts.scheme.lower(),
            host,
            quote(parts.path, safe=_URL_SAFE),
            quote(parts.query, safe=_URL_SAFE),
            quote(parts.fragment, safe=_URL_SAFE),
        )
    )
    return url if len(url) <= MAX_URL else None


def _idna_netloc(netloc: str) -> str | None:
    """``netloc`` with its host name IDNA-encoded (``bücher.de`` -> ``xn--bcher-kva.de``)."""
    host, colon, port = netloc.partition(":")
    try:
        ascii_host = host.encode("idna").decode("ascii")
    except UnicodeError:
        return None
    return f"{ascii_host}{colon}{port}"


def openable_url(url: str | None) -> str | None:
    """``url`` in the form safe to hand to a browser, or None if it is not an http(s) address.

    The reader checks every address again here before opening it, whatever stored it.
    """
    return resolve_link(url)
