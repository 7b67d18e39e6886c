"""Messages that cross screens: results of the worker threads, posted to the screen that asked."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from inbrief.library.adding import AddReport
from inbrief.model import Summary


@dataclass
class AddProgress(Message):
    """A worker is about to ingest source ``index`` of ``total``."""

    index: int
    total: int
    source: str


@dataclass
class SourcesAdded(Message):
    """An add worker finished; ``open_first`` asks to open the first article in the reader."""

    report: AddReport
    open_first: bool


@dataclass
class SummaryReady(Message):
    """A summary was computed for ``article_id``; ``can_replace`` drops stale ones."""

    article_id: int
    summary: Summary

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, SummaryReady) and message.article_id == self.article_id


@dataclass
class SummaryFailed(Message):
    article_id: int
    reason: str
