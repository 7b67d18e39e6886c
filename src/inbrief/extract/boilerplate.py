"""Recognise page furniture that survives inside the article container, by text and links.

:mod:`inbrief.extract.prepare` removes boxes named as furniture in their markup; what is left
here are paragraphs that look like body text to the markup but read like furniture:

- labels that introduce teaser links ("DON'T MISS", "You may also like", "Also on site.com"),
  and the link paragraphs that follow them;
- a paragraph that is one link written in capitals (a promoted headline);
- calls to action: follow us, share this, sign up for the newsletter, "Advertisement";
- newsletter pitches: short paragraphs about a newsletter or inbox that carry a link;
- notices for scripts that did not run ("This slideshow requires JavaScript.") and
  unrendered WordPress shortcodes (``[button link=...]...[/button]``).

Picture credits ("Image copyright Getty Images") become captions; timestamp lines ("Updated
1:39 am EST, Wednesday, November 20, 2019"), wire credits and the author's closing bio become
bylines: kept, but out of the body text.

Each rule needs two signals (wording and links, or wording and brevity), so an article that
merely mentions a newsletter keeps its sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from inbrief.model import Block, BlockKind

_LABEL = re.compile(
    r"^(don'?t miss|see more|see also|read more|read also|also read|more on this( story)?|"
    r"related( articles?| stories| content| coverage| links?)?|you (may|might) also like|"
    r"recommended( for you)?|more from [\w .]+|most (read|popular)|trending( now)?|"
    r"also on [\w.]+|further reading|watch|more stories|editor'?s picks?|filed under|"
    r"tags?|tagged( with)?|categor(y|ies)|topics?|posted in)\s*[:.…\-–—|]*\s*",
    re.IGNORECASE,
)
#: Whole short lines that are furniture.
_FURNITURE_LINE = re.compile(
    r"^(advert(isement)?|sponsored( content)?|comments?|(like )?loading( comments)?|"
    r"like this:?( like loading)?|"
    r"like this (story|article)\W+share it with a friend\W*|"
    r"(image|photo|picture) (credit|source)s?:.*|more|gallery|close|expand(ed)?|print|email|"
    r"menu|share|view (gallery|comments)|our standards:.*|"
    r"(reading time|tempo de leitura|temps de lecture|lesezeit|tiempo de lectura)\W*\d+\s*\w+|"
    r"\d+\s*min(ute)?s?\s*read|"
    r"(this|the) [\w ]{0,20}requires javascript.*|please enable javascript.*|"
    r"\[(\w+)\b[^\]]*\].*\[/\w+\])\W*$",
    re.IGNORECASE,
)
#: Credit lines that say who made the piece: wire-service credits, "Posted on ... by ...".
_CREDIT_LINE = re.compile(
    r"^\(?((additional )?reporting|writing|editing|compiled|edited|written|posted|published)"
    r"( \w+)? by\b|^posted on\b|^(reporting|editing) and writing by\b",
    re.IGNORECASE,
)
#: Openings of calls to action.
_CALL_TO_ACTION = re.compile(
    r"^(share (this|it|on)\b|follow (us|@?\w+ on)\b|click here|tap here|"
    r"download (our|the) app|get the latest)",
    re.IGNORECASE,
)
_PITCH = re.compile(
    r"\bnewsletters?\b|\b(in|to) your inbox\b|\bsign up\b|\bsubscribe\b|\bclick here\b",
    re.IGNORECASE,
)
#: A newsletter pitch is a sentence or two; a longer paragraph that mentions signing up or
#: says "click here" is prose. Measured on the dev sets' paragraphs this rule removed: above
#: 40 words they were article text (gold) on every set, below 30 mostly furniture on Zyte's.
_PITCH_WORDS = 40
#: "Tag: digitimes.com", "Related Roundup: MacBook Pro": a short label, a colon, a link.
_LABELLED_LINK = re.compile(r"^[^.:!?]{2,30}:\s")
_LETTERS = re.compile(r"[^\W\d_]")
#: "Image copyright Getty Images", "Photo: AP", "(Image: GETTY)": a picture credit.
_CREDIT = re.compile(
    r"^\(?\s*(image|photo|picture)s?\s*(copyright|credit|source|by)?"
    r"\s*[:©]|^\(?\s*(image|photo|picture)s?\s+(copyright|credit|source)\b|^(credit|copyright)\s*:",
    re.IGNORECASE,
)
#: A copyright notice: "Copyright (c) 2008 Agency. All Rights Reserved.", "© Agency 2019".
_COPYRIGHT = re.compile(r"^\s*(copyright\b|\(c\)\s|©)|\ball rights reserved\b", re.IGNORECASE)
#: Words a timestamp line is made of, besides numbers: "Updated 1:39 am EST, Wednesday, ...".
_TIMESTAMP_WORDS = frozenset({
    "updated", "published", "posted", "launched", "last", "modified", "on", "at", "am", "pm",
    "a.m.", "p.m.",
    "a.m", "p.m", "est", "edt", "gmt", "utc", "pst", "pdt", "cst", "cdt", "mst", "mdt", "bst",
    "cet", "cest", "ist", "et", "pt", "z", "and", "of", "the", "|", "-", "—", "–", ",", ".",
    "jan", "feb", "mar",
    "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january", "february",
    "march", "april", "june", "july", "august", "september", "october", "november", "december",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
    "wed", "thu", "fri", "sat", "sun", "today", "yesterday",
})  # fmt: skip
#: How to reach the author, at the end of a piece: "Jane Roe may be reached at ...".
_CONTACT = re.compile(
    r"\b(may|can) be reached at\b|\b(contact|email|e-mail) (him|her|them|the author)\b|"
    r"\bfollow (him|her|them) on (twitter|facebook|instagram)\b|^have a (news )?tip\b",
    re.IGNORECASE,
)
#: "Jane Roe is a reporter for NBC News.": the author's bio at the end of a piece.
_AUTHOR_BIO = re.compile(
    r"^(?:[A-Z][\w'’.-]+\s){1,6}(?:is|was|has been)\s(?:a|an|the|[A-Z][\w'’.-]*)\b.{0,80}?"
    r"\b(reporter|writer|editor|correspondent|journalist|contributor|curator|columnist|"
    r"author|producer|critic|analyst|photographer|freelancer?|intern|anchor|host)\b"
)
#: A timestamp line names a date or says what happened then; "4:14 p.m." alone marks an entry
#: in a live blog, which is part of the story.
_TIMESTAMP_ANCHORS = _TIMESTAMP_WORDS - {
    "on", "at", "am", "pm", "a.m.", "p.m.", "a.m", "p.m", "est", "edt", "gmt", "utc", "pst", "pdt",
    "cst", "cdt", "mst", "mdt", "bst", "cet", "cest", "ist", "et", "pt", "z", "and", "of", "the",
    "|", "-", "—", "–", ",", ".",
}  # fmt: skip
_TOKEN = re.compile(r"[^\s,|]+")


@dataclass(slots=True)
class Paragraph:
    """A block as the builder saw it: how much of its text sat inside links."""

    block: Block
    link_share: float


def _words(text: str) -> int:
    return len(text.split())


def is_shouting_link(text: str, link_share: float) -> bool:
    """One link in capitals, several words long: a promoted headline, not a sentence."""
    letters: list[str] = _LETTERS.findall(text)
    if link_share < 0.9 or _words(text) < 3 or len(letters) < 12:
        return False
    return sum(letter.isupper() for letter in letters) >= 0.9 * len(letters)


def is_call_to_action(text: str, link_share: float) -> bool:
    """Short furniture lines, and short newsletter pitches that carry a link."""
    if _words(text) <= 12 and _FURNITURE_LINE.match(text):
        return True
    if _words(text) <= 25 and _CALL_TO_ACTION.match(text):
        return True
    return link_share > 0 and _words(text) <= _PITCH_WORDS and bool(_PITCH.search(text))


def is_credit(text: str) -> bool:
    """A short picture credit or copyright line ("Copyright (c) Press Association 2008")."""
    if _words(text) <= 10 and _CREDIT.match(text):
        return True
    return _words(text) <= 20 and bool(_COPYRIGHT.search(text))


def is_timestamp(text: str) -> bool:
    """A line that only says when: "Updated 1:39 am EST, Wednesday, November 20, 2019"."""
    tokens = [t.lower().strip(".,()") for t in _TOKEN.findall(text)]
    if not 2 <= len(tokens) <= 14 or not any(t[:1].isdigit() for t in tokens):
        return False
    if not any(t in _TIMESTAMP_ANCHORS or re.fullmatch(r"\d{4}", t) for t in tokens):
        return False
    return all(t in _TIMESTAMP_WORDS or not t or t[:1].isdigit() for t in tokens)


def _label_only(text: str) -> bool:
    match = _LABEL.match(text)
    return match is not None and match.end() == len(text) and _words(text) <= 6


def _label_prefix(text: str, link_share: float) -> bool:
    """ "SEE MORE: <a>headline</a>", or a label run into a linked headline with no stop."""
    match = _LABEL.match(text)
    if match is None or match.end() >= len(text):
        return False
    rest_share = min(1.0, link_share * len(text) / (len(text) - match.end()))
    if rest_share < 0.5:
        return False
    return match.group(0).rstrip()[-1:] in ":|" or rest_share >= 0.7


def drop_furniture(paragraphs: Iterable[Paragraph]) -> Iterator[Block]:
    """The blocks that are not furniture, in order."""
    after_label = False
    for paragraph in paragraphs:
        block, share = paragraph.block, paragraph.link_share
        if block.kind is not BlockKind.PARAGRAPH:
            after_label = after_label and block.kind is BlockKind.LIST and share >= 0.5
            if not after_label:
                yield block
            continue
        text = block.text
        if is_credit(text):
            yield replace(block, kind=BlockKind.CAPTION)
            continue
        if is_timestamp(text) or (_words(text) <= 40 and _CREDIT_LINE.match(text)):
            yield replace(block, kind=BlockKind.BYLINE)
            continue
        if _label_only(text):
            after_label = True
            continue
        if after_label and share >= 0.5:
            continue
        after_label = False
        if _label_prefix(text, share):
            continue
        if share >= 0.5 and _words(text) <= 8 and _LABELLED_LINK.match(text):
            continue
        if is_shouting_link(text, share) or is_call_to_action(text, share):
            continue
        yield block


def mark_author_bios(blocks: list[Block], last: int = 3) -> None:
    """Type the author's bio or contact line among the last blocks as a byline, in place."""
    for index in range(max(0, len(blocks) - last), len(blocks)):
        block = blocks[index]
        short = block.kind is BlockKind.PARAGRAPH and _words(block.text) <= 50
        if short and (_AUTHOR_BIO.match(block.text) or _CONTACT.search(block.text)):
            blocks[index] = replace(block, kind=BlockKind.BYLINE)
