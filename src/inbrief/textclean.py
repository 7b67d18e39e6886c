"""Make text from the web safe and tidy: no control codes, no bidi tricks, no invisible
characters, one space per gap.

Every string that reaches an :class:`~inbrief.model.Article` passes through :func:`clean_inline`
or :func:`clean_multiline`, so the renderers never see a byte that could drive a terminal.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from inbrief.safe_text import UNSAFE_BMP_CHAR, strip_invisible

#: C0 and C1 controls (but tab and newline, which the callers fold), DEL, bidi controls and
#: the invisible characters of the BMP listed in :mod:`inbrief.safe_text` (the astral ones,
#: tag characters and the like, are removed by :func:`strip_controls`).
CONTROL_CHARS = UNSAFE_BMP_CHAR
#: What lxml refuses in a text node (C0 controls but tab, LF, CR) and non-characters.
XML_INCOMPATIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_BLANKS = re.compile(r"\n[ \t]*\n\s*")


def strip_controls(text: str) -> str:
    """Remove control, bidi and invisible characters; ESC sequences lose their ESC and show as
    text. ZWJ, ZWNJ and one variation selector per character stay (see :mod:`safe_text`)."""
    return strip_invisible(text)


def clean_inline(text: str) -> str:
    """One line of text: controls removed, every run of white space a single space."""
    text = unicodedata.normalize("NFC", strip_controls(text.replace("\n", " ")))
    return _SPACES.sub(" ", text).strip()


def clean_multiline(text: str) -> str:
    """Text with paragraphs: lines kept, runs of blank lines folded into one, spaces folded."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = strip_controls(text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()


def clean_inline_spans(
    pieces: Sequence[tuple[str, str | None]],
) -> tuple[str, list[tuple[int, int, str]]]:
    """:func:`clean_inline` of the pieces' joined text, and where each tagged piece ended up.

    ``pieces`` are ``(text, tag)`` in order, ``tag`` None for untagged text (a link's address
    for a link's text). Returns the cleaned text and ``(start, end, tag)`` spans into it, the
    folded white space kept outside them; neighbouring spans with the same tag are merged.
    The text is always exactly ``clean_inline`` of the whole (should a character compose
    across two pieces, the spans are given up rather than the text changed).
    """
    joined = "".join(text for text, _ in pieces)
    if not any(tag for _, tag in pieces):
        return clean_inline(joined), []
    out: list[str] = []
    spans: list[tuple[int, int, str]] = []
    length, after_space = 0, True
    for text, tag in pieces:
        piece = unicodedata.normalize("NFC", strip_controls(text.replace("\n", " ")))
        piece = _SPACES.sub(" ", piece)
        if after_space and piece.startswith(" "):
            piece = piece[1:]
        if not piece:
            continue
        start = length + (piece[0] == " ")
        out.append(piece)
        length += len(piece)
        end = length - (piece[-1] == " ")
        after_space = piece[-1] == " "
        if not tag or start >= end:
            continue
        if spans and spans[-1][2] == tag and start - spans[-1][1] <= 1:
            start = spans.pop()[0]
        spans.append((start, end, tag))
    text = "".join(out)
    if text.endswith(" "):
        text = text[:-1]
    expected = clean_inline(joined)
    if text != expected:
        return expected, []
    return text, [(start, min(end, len(text)), tag) for start, end, tag in spans]
