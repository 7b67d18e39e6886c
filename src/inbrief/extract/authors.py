"""Author names as pages write them, without the words around them.

Bylines come with labels in many languages ("By", "von", "par", "Posted by", "View all posts
by", "Author:"), sometimes glued to the name where the page's markup put them in separate
elements ("AuthorAndreas Kalt"). :func:`clean_author` removes those and keeps the names.
"""

from __future__ import annotations

import re

from inbrief.textclean import clean_inline

#: Labels that open a byline, in the languages the reader's summarizer knows.
_PREFIX = re.compile(
    r"^(?i:(?:view|see|read) (?:all|more) (?:posts|articles|stories) (?:by|from)"
    r"|(?:posted|written|published|reported|words|text|story|photos?|edited) by"
    r"|(?:geschrieben|verfasst) von|écrit par|escrito por|scritto da|by)(?:\s*:\s*|\s+)(?=\S)"
    # Particles that also start surnames (De Luca, Da Silva) count only before a capital.
    r"|^(?:[Vv]on|[Vv]om|[Pp]ar|[Pp]or|[Dd]oor|di|da|de|av|af|przez|od)\s+(?=[^\W\d_])(?=\w*[A-Z])"
)
#: "Author:", "Autor", "Auteur" before a name, with or without a space ("AuthorAndreas Kalt").
_LABEL = re.compile(
    r"^(?i:authors?|autor(?:in|en)?|auteur|autore|autori|redakteur(?:in)?|reporter|"
    r"journalist)\s*[:|–—-]?\s*(?=[^\W\d_])"
)
#: A date line run into the name: "Tom Davies Associated Press Published 11:34 PM EST Nov 19,
#: 2019", "Chris Foster, Staff Writer December 29, 2007".
_TRAILING_DATE = re.compile(
    r"[\s,|–—-]+(?:(?:published|updated|posted|last updated)\b\W*\w.*"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}\W*)$",
    re.IGNORECASE,
)
_BARE_LABEL = re.compile(r"(?i:by|von|par|por|door|author|autor|auteur|posted by|written by)")
_NAME_START = re.compile(r"[^\W\d_]")


def clean_author(value: str | None) -> str | None:
    """``value`` without byline labels; None when no name is left.

    >>> clean_author("View all posts by Jane Roe")
    'Jane Roe'
    >>> clean_author("AuthorAndreas Kalt")
    'Andreas Kalt'
    """
    if not value:
        return None
    text = clean_inline(value)
    for _ in range(3):  # "Posted by: Author: Jane" carries two labels
        before = text
        text = _PREFIX.sub("", text).lstrip(":–—- ")
        match = _LABEL.match(text)
        if match and match.end() < len(text) and _glued_or_spaced(text, match.end()):
            text = text[match.end() :]
        if text == before:
            break
    text = _TRAILING_DATE.sub("", text).strip(" ,;:|–—-")
    if _BARE_LABEL.fullmatch(text):
        return None
    return text if _NAME_START.search(text) else None


def _glued_or_spaced(text: str, end: int) -> bool:
    """A label ends where a capitalised name starts, or at a space or colon before a name."""
    if text[end - 1 : end].isspace() or text[:end].rstrip().endswith((":", "|", "–", "—", "-")):
        return True
    return text[end].isupper()
