"""Author names as pages write them, without the words around them.

Bylines come with labels in many languages ("By", "von", "par", "Posted by", "View all posts
by", "Author:"), sometimes glued to the name where the page's markup put them in separate
elements ("AuthorAndreas Kalt"). :func:`clean_author` removes those and keeps the names.
"""

from __future__ import annotations

import re

from lxml import html as lxml_html

from inbrief.extract.boilerplate import is_timestamp
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
    r"(?:[\s,|–—-]+(?:(?:published|updated|posted|last updated)\b\W*\w.*"
    r"|(?:on\s+)?\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b.*)"
    # a month may be run into a capitalised name ("Ian LYNAMOctober 2, 2012")
    r"|(?:[\s,|–—-]+(?:(?:on|at)\s+)?|(?<=[A-Z]))"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}\b.*)$",
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


#: Where pages mark a byline in their markup, all taken in document order.
_BYLINE_MARKUP = (
    '//*[@rel="author"]|//*[@itemprop="author"]'
    '|//*[contains(translate(@class,"B","b"),"byline")]'
    '|//*[contains(concat(" ",normalize-space(@class)," ")," author ")]'
    '|//*[contains(@class,"author-name") or contains(@class,"authorName")]'
)
_BYLINE_MARKUP_BELOW = _BYLINE_MARKUP.replace("//*", ".//*")
#: Bylines of other things than the story: its comments, its pictures.
_ELSEWHERE = re.compile(r"(?:^|\s)(?:comment|caption|credit|reply)", re.IGNORECASE)
#: Where a marked-up byline's name ends: a handle, an address, a separator, the links and
#: labels that follow it ("Kirk Hamilton View Profile Email Twitter RSS").
_NAME_END = re.compile(
    r"\s@\w|/?[\w.+-]+@[\w-]+\.\w|\s[|•·]\s|\b(?:view|profile|email|e-mail|twitter|facebook|rss|google|"
    r"comments?|follow|subscribe)\b",
    re.IGNORECASE,
)
#: A date line before the label: "Friday, January 11, 2008By Jalilur Rehman".
_DATED_LABEL = re.compile(r"^.*\b(?:19|20)\d\d[\s,]*(?=[Bb]y\b)")
#: Words that are no part of a name: a form's label ("Name"), a picture's credit ("File
#: photo").
_NOT_NAME = re.compile(
    r"\b(?:photos?|photograph\w*|images?|illustrations?|file|name|author|says|said|"
    r"enter|click|here|your?|our|my|is|are)\b",
    re.IGNORECASE,
)
#: What a marked-up byline may trail after the name: a comment count, a stray separator.
_TRAILING_COUNT = re.compile(r"[\s/|,;:–—-]+\d*$")
#: A byline in markup is a name or a few: longer text is a bio or a teaser.
_BYLINE_CHARS = 80


def byline_in_markup(tree: lxml_html.HtmlElement) -> str | None:
    """The first byline the page marks up (``rel=author``, ``itemprop=author``, a class naming a
    byline or an author) that reads as a name: not inside a comment or a picture's caption or
    credit, without the handle, links and date line after it, and not a label such as
    "Google profile" or a date alone."""
    for node in tree.xpath(_BYLINE_MARKUP)[:50]:
        if node.tag == "meta" or _in_other_part(node):
            continue
        text = clean_inline(node.text_content())
        if not text or len(text) > _BYLINE_CHARS:
            continue
        text = _DATED_LABEL.sub("", text)
        if end := _NAME_END.search(text):
            text = text[: end.start()]
        name = clean_author(text)
        name = _TRAILING_COUNT.sub("", name) if name else None
        if not name or (len(name) < 4 and name.islower()):  # "the" of "the Google Team"
            continue
        if not _NOT_NAME.search(name) and not is_timestamp(name):
            return name
    return None


def _in_other_part(node: lxml_html.HtmlElement) -> bool:
    """Inside a comment, a picture's caption or credit, or a list of other posts (a list whose
    items carry bylines of their own)."""
    for element in node.iterancestors():
        listed = element.getparent() if element.tag == "li" else None
        if listed is not None and _lists_bylines(listed):
            return True
        if element.tag in ("body", "html"):  # a page's own classes ("has-comments") say nothing
            return False
        if element.tag in ("figure", "figcaption"):
            return True
        marks = f"{element.get('class') or ''} {element.get('id') or ''}"
        if _ELSEWHERE.search(marks):
            return True
    return False


def _lists_bylines(listed: lxml_html.HtmlElement) -> bool:
    """Whether two or more items of the list carry a byline of their own."""
    bylined = (item for item in listed.iterchildren("li") if item.xpath(_BYLINE_MARKUP_BELOW))
    return next(bylined, None) is not None and next(bylined, None) is not None
