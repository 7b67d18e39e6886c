"""Add sources (URLs, files) to the library: fetch, clean, store; one transaction per source.

Used by the reader's "add" worker and by ``inbrief SOURCE...``; a bad source is reported and
the others still go in.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from inbrief.errors import InbriefError
from inbrief.ingest import load_articles
from inbrief.library.store import Added, Library


@dataclass(slots=True)
class AddReport:
    """What happened to each source: articles stored (new or already there) and errors."""

    added: list[Added] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def new_count(self) -> int:
        return sum(1 for item in self.added if item.new)


def add_sources(
    library: Library,
    sources: Sequence[str],
    progress: Callable[[int, str], object] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> AddReport:
    """Ingest every source in turn; ``progress(i, source)`` is called before each one.

    Once ``cancelled()`` is True (the reader is quitting) no further source is started and a
    fetch under way ends within a fraction of a second."""
    report = AddReport()
    for index, source in enumerate(sources):
        if cancelled is not None and cancelled():
            break
        if progress is not None:
            progress(index, source)
        try:
            report.added.extend(library.add(load_articles(source, cancelled=cancelled)))
        except InbriefError as exc:
            report.errors.append(str(exc.with_source(source)))
        except (RecursionError, MemoryError):
            report.errors.append(f"{source}: the document is too large or deep to process")
    return report
