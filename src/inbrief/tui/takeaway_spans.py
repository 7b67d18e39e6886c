"""Where a summary sentence sits in the displayed text, to scroll to it and highlight it.

A :class:`~inbrief.model.Takeaway` carries its section, block and item and its character
offsets in that item's text, as the summarizer found them, so finding it on screen is a
lookup: no sentence is split again here.
"""

from __future__ import annotations

from dataclasses import dataclass

from inbrief.model import Takeaway
from inbrief.textclean import strip_controls
from inbrief.tui.document_layout import DisplayBlock


@dataclass(frozen=True, slots=True)
class Span:
    """Characters ``[start, end)`` of display block ``block``."""

    block: int
    start: int
    end: int


class TakeawayLocator:
    """Maps takeaways to spans of the display blocks built by ``document_layout.flatten``."""

    def __init__(self, blocks: list[DisplayBlock]) -> None:
        self._blocks = blocks
        self._index = {
            (block.section, block.block, block.item): index
            for index, block in enumerate(blocks)
            if block.block >= 0
        }

    def locate(self, takeaway: Takeaway) -> Span | None:
        """The span showing ``takeaway``; the whole item if its text cannot be matched."""
        index = self._index.get((takeaway.section, takeaway.block, takeaway.item))
        if index is None:
            return None
        text = self._blocks[index].text
        if text[takeaway.start : takeaway.end] == takeaway.text:
            return Span(index, takeaway.start, takeaway.end)
        # The display text lost control characters, so the offsets moved: find the sentence.
        sentence = strip_controls(takeaway.text)
        start = text.find(sentence) if sentence else -1
        if start < 0:
            return Span(index, 0, len(text))
        return Span(index, start, start + len(sentence))
