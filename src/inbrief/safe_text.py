"""Which characters never reach a terminal, and the one function that shows a foreign string.

Two kinds of text end up on screen. Article text is cleaned once at ingest
(:mod:`inbrief.textclean` strips what is listed here). Everything else that inbrief shows
but did not write itself -- a server's reason phrase or headers, a redirect target, a file
name or an option value echoed back in an error, a string from the config file -- goes
through :func:`for_terminal` at the point where it is printed or drawn: it escapes those
characters visibly instead of dropping them, so the user sees what the name really holds.

What is listed:

- C0 and C1 controls and DEL: ESC, CSI (U+009B), OSC, BEL and the rest drive the terminal.
- Bidi controls (U+061C, U+200E/F, U+202A-E, U+2066-9): they reorder what is shown.
- Default-ignorable code points that carry no text (Unicode's Default_Ignorable_Code_Point
  list): soft hyphen, combining grapheme joiner, Hangul fillers, Khmer inherent vowels,
  Mongolian vowel separator, zero-width space, word joiner and invisible operators, BOM,
  shorthand and musical format controls, unassigned U+FFF0-8, tags (U+E0000-E007F) and the
  unassigned rest of that plane. They are invisible, so they hide text from the reader
  ("ASCII smuggling" with tag characters) and break search and summaries.
- Line and paragraph separators (U+2028/9) and interlinear annotation (U+FFF9-B).

Kept on purpose, although Unicode also calls them default-ignorable:

- ZWNJ and ZWJ (U+200C/D): they are spelling in Persian (``می‌خواهم``), Kurdish and Indic
  scripts (they pick conjunct forms) and they build emoji sequences (family, profession,
  skin-tone variants). Removing them changes words; they reorder and hide nothing.
- Variation selectors (U+FE00-FE0F, U+180B-D and U+180F, U+E0100-E01EF): U+FE0F asks for
  the emoji form of a character, others select CJK, Mongolian and mathematical glyph
  variants. A variation sequence is one base character plus one selector, so exactly that is
  kept; any further selector (a run of them can carry hidden data) is removed.
- Tag characters inside an emoji tag sequence (U+1F3F4, 2-6 tag letters or digits, U+E007F:
  the flags of Scotland, Wales, England): the only use tags have in text.
"""

from __future__ import annotations

import re

_CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f"
_INVISIBLE_BMP = (
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b\u200e\u200f\u2028-\u202e"
    "\u2060-\u206f\u3164\ufeff\uffa0\ufff0-\ufffb"
)
_INVISIBLE_ASTRAL = (
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e00ff\U000e01f0-\U000e0fff"
)
_SELECTORS_BMP = "\u180b-\u180d\u180f\ufe00-\ufe0f"
_SELECTORS = f"{_SELECTORS_BMP}\U000e0100-\U000e01ef"
#: Lone surrogates: no text has them; Python uses U+DC80-DCFF for undecodable bytes in names.
_SURROGATES = "\ud800-\udfff"
_FLAG = "\U0001f3f4[\U000e0030-\U000e0039\U000e0061-\U000e007a]{2,6}\U000e007f"

# Python's re tests a class of BMP characters against a bitmap, but walks a list for one
# that holds astral ranges (about 5x slower), so the common case -- text without any
# astral character -- only meets BMP classes.
#: One unsafe character of the Basic Multilingual Plane (tab and newline aside).
UNSAFE_BMP_CHAR = re.compile(f"[{_CONTROLS}{_INVISIBLE_BMP}{_SURROGATES}]")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_UNSAFE_ASTRAL_OR_FLAG = re.compile(f"({_FLAG})|[{_INVISIBLE_ASTRAL}]")
_SELECTOR_BMP = re.compile(f"[{_SELECTORS_BMP}]")
_SELECTOR = re.compile(f"[{_SELECTORS}]")
#: Anything :func:`strip_invisible` may have to act on (any astral character included).
_SUSPECT = re.compile(
    f"[{_CONTROLS}{_INVISIBLE_BMP}{_SURROGATES}{_SELECTORS_BMP}\U00010000-\U0010ffff]"
)
#: What :func:`for_terminal` escapes: every unsafe character, tab and newline too (one line).
_ESCAPED = re.compile(f"[\t\n{_CONTROLS}{_INVISIBLE_BMP}{_SURROGATES}{_INVISIBLE_ASTRAL}]")


def strip_invisible(text: str) -> str:
    """``text`` without controls, bidi controls and invisible characters (see the module)."""
    if not _SUSPECT.search(text):
        return text  # the common case, in one pass
    text = UNSAFE_BMP_CHAR.sub("", text)
    astral = _ASTRAL.search(text) is not None
    if astral:
        text = _UNSAFE_ASTRAL_OR_FLAG.sub(lambda match: match.group(1) or "", text)
    if _SELECTOR_BMP.search(text) or (astral and _SELECTOR.search(text)):
        text = _one_selector_per_base(text)
    return text


def _one_selector_per_base(text: str) -> str:
    """Keep a variation selector only right after a base character (not space, not another)."""
    out: list[str] = []
    after_base = False
    for char in text:
        if _SELECTOR.match(char):
            if after_base:
                out.append(char)
            after_base = False
            continue
        out.append(char)
        after_base = not char.isspace()
    return "".join(out)


def for_terminal(text: str) -> str:
    """``text`` made safe to print or draw as one line: each unsafe character as an escape.

    ESC becomes ``\\x1b``, a newline ``\\n``, an undecodable byte of a file name (a lone
    surrogate from ``surrogateescape``) ``\\xe9``: printable, valid UTF-8, and telling.
    """
    return _ESCAPED.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code == 9:
        return "\\t"
    if code == 10:
        return "\\n"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if 0xDC80 <= code <= 0xDCFF:  # surrogateescape: the original byte
        return f"\\x{code - 0xDC00:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"
