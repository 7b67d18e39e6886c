"""Find where a summary sentence sits in the displayed text, to scroll to it and highlight it.

A :class:`~inbrief.model.Takeaway` names its section, block and sentence index as produced by
:func:`inbrief.summarize.units.split_block`. Only that one block is split again here, so the
lookup costs the same in a short or a 50,000-word article.
"""

from __future__ import annotations

from dataclasses import dataclass

from inbrief.model import Takeaway
from inbrief.nlp.language import Language
from inbrief.summarize.units import split_block
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

    def __init__(self, blocks: list[DisplayBlock], language: Language) -> None:
        self._language = language
        self._items: dict[tuple[int, int], list[int]] = {}
        for index, block in enumerate(blocks):
            if block.block >= 0:
                self._items.setdefault((block.section, block.block), []).append(index)
        self._blocks = blocks

    def locate(self, takeaway: Takeaway) -> Span | None:
        """The span showing ``takeaway``; the whole block if the sentence cannot be matched."""
        members = self._items.get((takeaway.section, takeaway.block))
        if not members:
            return None
        seen = 0
        for index in members:
            text = self._blocks[index].text
            sentences = split_block([text], self._language)
            if takeaway.index < seen + len(sentences):
                sentence = sentences[takeaway.index - seen]
                return self._find(index, text, sentence, sentences[: takeaway.index - seen])
            seen += len(sentences)
        return self._find_anywhere(members, strip_controls(takeaway.text))

    def _find(self, index: int, text: str, sentence: str, before: list[str]) -> Span:
        cursor = 0
        for earlier in before:  # step past earlier sentences so a repeated one maps right
            found = text.find(earlier, cursor)
            cursor = found + len(earlier) if found >= 0 else cursor
        start = text.find(sentence, cursor)
        if start < 0:
            start = text.find(sentence)
        if start < 0:
            return Span(index, 0, len(text))
        return Span(index, start, start + len(sentence))

    def _find_anywhere(self, members: list[int], sentence: str) -> Span:
        for index in members:
            start = self._blocks[index].text.find(sentence)
            if start >= 0:
                return Span(index, start, start + len(sentence))
        return Span(members[0], 0, len(self._blocks[members[0]].text))
