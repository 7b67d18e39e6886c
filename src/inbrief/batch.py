"""Run one function over many sources on every core, yielding results in input order.

Used by the one-shot CLI when it is given many sources. A pool only pays when there is work
to share: it is skipped when the sources are few or small (see :func:`pool_size`), it never
has more workers than cores, and work goes out in chunks, not one source per message.
Workers are forked after the pipeline's modules are imported, so each starts warm; results
come back in the order the sources were given, so output is the same as a sequential run.

Workers leave Ctrl-C to the parent, which ends the pool at once (no worker tracebacks), and
they die with the parent however it dies (``PR_SET_PDEATHSIG`` on Linux, else a watcher
thread polling the parent's pid).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")

#: Below this many sources a pool costs more than it saves.
POOL_THRESHOLD = 4
#: Estimated one-process work (see :func:`estimated_work`) below which a pool is not worth
#: starting. ``python -m benchmarks.batch_pool --crossover`` on 2 busy cores: the chunked pool
#: took 1.05x the time of one process for 50 small files (about 110,000 here), 0.86x for
#: 200 (450,000) and 0.79x for 3,200; missing files are no work, so they never get a pool.
POOL_MIN_WORK = 400_000
#: Fixed cost of one existing file, in the bytes of text that cost as much to process.
FILE_COST = 2_000
#: A URL is mostly waiting on the network, which a pool overlaps: counted as a big page.
URL_COST = 500_000
#: Chunks per worker: enough to balance uneven sources, few enough to keep messages rare.
CHUNKS_PER_WORKER = 8


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def estimated_work(sources: Sequence[str]) -> int:
    """The work of ``sources`` for one process, in bytes of text: file sizes plus a fixed cost
    per file; missing files cost nothing, a URL counts as a large page."""
    total = 0
    for source in sources:
        if source[:8].lower().startswith(("http://", "https://")):
            total += URL_COST
            continue
        with contextlib.suppress(OSError, ValueError):  # missing: an error line, no work
            total += FILE_COST + min(os.stat(source).st_size, 20 * 1024 * 1024)
    return total


def pool_size(sources: Sequence[str], jobs: int | None = None) -> int:
    """How many worker processes to use for ``sources``: 1 means no pool."""
    cores = default_jobs()
    wanted = cores if jobs is None else min(jobs, cores)
    if wanted <= 1 or len(sources) <= POOL_THRESHOLD or "-" in sources:
        return 1
    if estimated_work(sources) < POOL_MIN_WORK:
        return 1
    return min(wanted, len(sources))


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
    workers = pool_size(sources, jobs)
    if workers <= 1:
        yield from map(function, sources)
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    warm_up()
    chunksize = max(1, len(sources) // (workers * CHUNKS_PER_WORKER))
    pool = context.Pool(workers, initializer=_worker_init, initargs=(os.getpid(),))
    try:
        yield from pool.imap(function, sources, chunksize)
        pool.close()
    finally:
        # Also on Ctrl-C, an early stop of the consumer or an error: end the workers now
        # rather than waiting for them to finish their chunks.
        pool.terminate()
        pool.join()


def _worker_init(parent: int) -> None:
    """In each worker: Ctrl-C is the parent's to handle, and the parent's death is ours."""
    die_with_parent(parent)


def die_with_parent(parent: int) -> None:
    """In a worker process of ``parent``: ignore Ctrl-C (the parent handles it and ends the
    pool) and end when the parent ends, however it ends (also used by the feed workers)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if not _kill_me_with_parent():
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)


def _kill_me_with_parent() -> bool:
    """Ask Linux to SIGKILL this process when its parent dies; False where that is unknown."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    pr_set_pdeathsig = 1
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return bool(libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0) == 0)
    except (OSError, AttributeError):
        return False


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)
