"""Recognise page furniture that survives inside the article container, by text and links.

:mod:`inbrief.extract.prepare` removes boxes named as furniture in their markup; what is left
here are paragraphs that look like body text to the markup but read like furniture:

- labels that introduce teaser links ("DON'T MISS", "You may also like", "Also on site.com"),
  and the link paragraphs that follow them;
- a paragraph that is one link written in capitals (a promoted headline);
- calls to action: follow us, share this, sign up for the newsletter, "Advertisement";
- newsletter pitches: short paragraphs about a newsletter or inbox that carry a link.

Each rule needs two signals (wording and links, or wording and brevity), so an article that
merely mentions a newsletter keeps its sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from inbrief.model import Block, BlockKind

_LABEL = re.compile(
    r"^(don'?t miss|see more|see also|read more|read also|also read|more on this( story)?|"
    r"related( articles?| stories| content| coverage| links?)?|you (may|might) also like|"
    r"recommended( for you)?|more from [\w .]+|most (read|popular)|trending( now)?|"
    r"also on [\w.]+|further reading|watch|more stories|editor'?s picks?)\s*[:.…\-–—|]*\s*",
    re.IGNORECASE,
)
#: Whole short lines that are furniture.
_FURNITURE_LINE = re.compile(
    r"^(advert(isement)?|sponsored( content)?|comments?|loading( comments)?|like this:?|"
    r"like this (story|article)\W+share it with a friend\W*|"
    r"(image|photo|picture) (credit|source)s?:.*)\W*$",
    re.IGNORECASE,
)
#: Openings of calls to action.
_CALL_TO_ACTION = re.compile(
    r"^(share (this|it|on)\b|follow (us|@?\w+ on)\b|click here|tap here|"
    r"download (our|the) app|get the latest)",
    re.IGNORECASE,
)
_PITCH = re.compile(
    r"\bnewsletters?\b|\b(in|to) your inbox\b|\bsign up\b|\bsubscribe\b", re.IGNORECASE
)
#: "Tag: digitimes.com", "Related Roundup: MacBook Pro": a short label, a colon, a link.
_LABELLED_LINK = re.compile(r"^[^.:!?]{2,30}:\s")
_LETTERS = re.compile(r"[^\W\d_]")


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
    return link_share > 0 and len(text) <= 400 and bool(_PITCH.search(text))


def _label_only(text: str) -> bool:
    match = _LABEL.match(text)
    return match is not None and match.end() == len(text) and _words(text) <= 6


def _label_prefix(text: str) -> bool:
    match = _LABEL.match(text)
    return match is not None and match.end() < len(text) and match.group(0).rstrip()[-1:] in ":|"


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
        if _label_only(text):
            after_label = True
            continue
        if after_label and share >= 0.5:
            continue
        after_label = False
        if _label_prefix(text) and share >= 0.5:
            continue
        if share >= 0.5 and _words(text) <= 8 and _LABELLED_LINK.match(text):
            continue
        if is_shouting_link(text, share) or is_call_to_action(text, share):
            continue
        yield block
