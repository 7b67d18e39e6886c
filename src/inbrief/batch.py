"""Run one function over many sources on every core, yielding results in input order.

Used by the one-shot CLI when it is given more than a handful of sources. Workers are forked
after the pipeline's modules are imported, so each starts warm; results come back in the
order the sources were given, so output is the same as a sequential run.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")

#: Below this many sources a pool costs more than it saves (measured: about 40 ms to start).
POOL_THRESHOLD = 4


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def warm_up() -> None:
    """Import the heavy parts of the pipeline once, before forking."""
    import inbrief.extract.page
    import inbrief.summarize.centrality
    from inbrief.nlp.language import get_language
    from inbrief.nlp.tokens import sentence_splitter, stemmer

    english = get_language("en")
    sentence_splitter(english)
    stemmer(english)
    import readability

    del inbrief, readability  # imported for their side effect: warm modules in the parent


def map_in_order(
    function: Callable[[str], T], sources: Sequence[str], jobs: int | None = None
) -> Iterator[T]:
    """``function(source)`` for each source, in order, in a process pool when worthwhile."""
    jobs = default_jobs() if jobs is None else jobs
    if jobs <= 1 or len(sources) <= POOL_THRESHOLD or "-" in sources:
        yield from map(function, sources)
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    warm_up()
    workers = min(jobs, len(sources))
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        yield from pool.map(function, sources, chunksize=1)
