"""Text in ``<pre>`` that is prose, not code: press releases and old pages wrapped by hand.

Wire services and old sites publish whole articles as preformatted text, each line broken at
70 characters and paragraphs apart by blank lines. Shown as code, such an article has no body
words, and the choice of body then falls to whatever else the page holds (its footer). A
``<pre>`` reads as prose when it has sentences and almost none of the characters code is made
of; it then becomes paragraphs, split at blank lines, with the hand-made line breaks joined.
"""

from __future__ import annotations

import re

#: Characters frequent in code and rare in prose.
_CODE_CHARS = frozenset("{}[];=<>\\$#|`")
#: Prose has fewer of them than this share of its characters.
_CODE_SHARE = 0.005
#: At least this many words and sentence ends before a ``<pre>`` counts as an article.
_MIN_WORDS = 40
_MIN_SENTENCES = 3
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]?(?:\s|$)")
_BLANK_LINE = re.compile(r"\n\s*\n")


def prose_paragraphs(text: str) -> list[str] | None:
    """The paragraphs of preformatted ``text`` when it reads as prose; None for code."""
    if len(text.split()) < _MIN_WORDS or len(_SENTENCE_END.findall(text)) < _MIN_SENTENCES:
        return None
    symbols = sum(char in _CODE_CHARS for char in text)
    if symbols > _CODE_SHARE * len(text):
        return None
    paragraphs = (" ".join(part.split()) for part in _BLANK_LINE.split(text))
    return [paragraph for paragraph in paragraphs if paragraph]
