"""Where a refresh's CPU work runs: worker processes once there is enough of it, else the
calling thread.

A refresh's threads overlap the network waits, but they share one core's worth of Python, and
making articles and gists (:mod:`~inbrief.feeds.prepare`) is most of a refresh's CPU time. Once
a run has met :attr:`Workers.min_items` items to prepare, a process pool with one worker per
core takes that work; below it (an ordinary refresh with a few new items, a subscription) a
pool would cost more to start (about 0.7 s) than it saves, and nothing changes.

The pool's processes come from a fork server (a clean process that imported the pipeline once,
so each worker starts warm and nothing is forked from a process running threads, as the reader
is). Like :mod:`inbrief.batch`'s workers they leave Ctrl-C to the refresh and end with it, also
under ``kill -9``: each watches the refresh process, and the fork server ends once they have.

A worker that dies (a page that crashes the parser, the kernel's OOM killer) takes down the pool
and every piece of work in it, so each of those is tried once more on its own, in a one-process
pool of its own, one at a time: work that ends that process too is given up with
:class:`WorkerCrashed` (the caller keeps the teaser or reports the item), never redone in the
refresh's own process, where the same crash would end the refresh. The next work starts a new
pool. Only when processes cannot work here at all (none can start, or the first few die before
any has finished a piece of work) does the work run in the calling thread.
"""

from __future__ import annotations

import multiprocessing
import os
import select
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from typing import ParamSpec, TypeVar

from inbrief.batch import default_jobs, die_with_parent, warm_up

P = ParamSpec("P")
T = TypeVar("T")
A = TypeVar("A")

#: Items to prepare in one run before a pool is worth starting (about 1 s of work on one core).
POOL_MIN_ITEMS = 40
#: Pieces of work that fail in a process of their own, with no process of the run having
#: finished any work, before the run concludes that processes do not work here.
FAILED_STARTS = 3
#: What the fork server imports once, so every worker starts with the pipeline loaded.
_PRELOAD = ["inbrief.feeds.prepare"]


class Stopped(Exception):
    """The refresh was asked to stop while work was waiting for a worker."""


class WorkerCrashed(Exception):
    """The work ended the worker process it ran in, and again when tried on its own."""

    reason = "reading it ended the worker process (a crash or out of memory)"


class Workers:
    """Runs preparation work for one refresh run; thread-safe.

    ``processes``: the most worker processes (``None``: one per core; ``1``: never a pool).
    """

    def __init__(
        self, processes: int | None, stop: threading.Event, min_items: int = POOL_MIN_ITEMS
    ) -> None:
        cores = default_jobs()
        self.processes = cores if processes is None else max(1, min(processes, cores))
        self.min_items = min_items
        self.stop = stop
        self._lock = threading.Lock()
        self._seen = 0
        self._pool: ProcessPoolExecutor | None = None
        self._starting = False
        #: Set when no pool could start: the rest of the run works in threads.
        self.broken = False
        #: Pools lost to a dying worker in this run.
        self.crashes = 0
        #: Where work whose pool died is tried again, one piece at a time.
        self._alone: ProcessPoolExecutor | None = None
        self._alone_lock = threading.Lock()
        self._failed_alone = 0
        #: Set once a worker process has finished a piece of work.
        self.worked = False

    def run(self, items: int, function: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """``function(*args)`` (worth ``items`` items of work), in a worker process when the
        run has met enough work, else here. Raises :class:`Stopped` if the run is stopped
        while waiting for a worker, :class:`WorkerCrashed` if the work ends its worker twice."""
        pool = self._pool_for(items)
        if pool is None:
            return function(*args, **kwargs)
        try:
            future = pool.submit(function, *args, **kwargs)
        except (BrokenProcessPool, RuntimeError, OSError):  # broken or shut down meanwhile
            self._lost(pool)
            return self.run_alone(partial(function, *args, **kwargs))
        try:
            return self._wait(future)
        except BrokenProcessPool:
            self._lost(pool)
            return self.run_alone(partial(function, *args, **kwargs))

    def map(
        self,
        function: Callable[[A], T],
        inputs: Sequence[A],
        items: int,
        crashed: Callable[[A], T] | None = None,
    ) -> Iterator[T]:
        """``function(x)`` for each of ``inputs`` (together worth ``items`` items of work), in
        order; in worker processes, all at once, when the run has met enough work.

        An input that ends its worker twice gives ``crashed(x)`` (without it:
        :class:`WorkerCrashed` is raised)."""
        pool = self._pool_for(items)
        if pool is None:
            yield from map(function, inputs)
            return
        try:
            futures = [pool.submit(function, x) for x in inputs]
        except (BrokenProcessPool, RuntimeError, OSError):
            futures = []

        def redo(x: A) -> T:
            """``x``'s work after its pool died with it in hand."""
            self._lost(pool)
            try:
                return self.run_alone(partial(function, x))
            except WorkerCrashed:
                if crashed is None:
                    raise
                return crashed(x)

        try:
            for number, x in enumerate(inputs):
                if number >= len(futures):
                    yield redo(x)
                    continue
                try:
                    result = self._wait(futures[number])
                except BrokenProcessPool:
                    result = redo(x)
                yield result
        finally:
            for future in futures:  # an early stop: drop what has not started
                future.cancel()

    def _wait(self, future: Future[T]) -> T:
        while True:
            if self.stop.is_set():
                future.cancel()
                raise Stopped
            try:
                result = future.result(timeout=0.2)
            except FutureTimeout:
                continue
            self.worked = True
            return result

    def run_alone(self, work: Callable[[], T]) -> T:
        """``work()`` on its own in a one-process pool (after its pool died with it in hand):
        one piece at a time, so that a crash ends only the work that caused it. Raises
        :class:`WorkerCrashed` if it ends that process too.

        If no process of this run has finished any work and :data:`FAILED_STARTS` pieces have
        failed like this, processes do not work here at all (not the work's fault): this and
        the rest of the run's work is done in the calling thread."""
        with self._alone_lock:
            if self.stop.is_set():
                raise Stopped
            if not self.broken:
                try:
                    if self._alone is None:
                        self._alone = _start_pool(1)
                    return self._wait(self._alone.submit(work))
                except (BrokenProcessPool, RuntimeError, OSError, ValueError):
                    self._end_alone()
                    self._failed_alone += 1
                    if self.worked or self._failed_alone < FAILED_STARTS:
                        raise WorkerCrashed from None
                    with self._lock:
                        self.broken = True
        return work()

    def _end_alone(self) -> None:
        alone, self._alone = self._alone, None
        if alone is not None:
            alone.shutdown(wait=False, cancel_futures=True)

    def _pool_for(self, items: int) -> ProcessPoolExecutor | None:
        with self._lock:
            self._seen += items
            if self._pool is not None or self.broken or self._starting or self.processes < 2:
                return self._pool
            if self._seen < self.min_items or self.stop.is_set():
                return None
            self._starting = True  # this thread starts it; the others go on in theirs
        try:
            pool: ProcessPoolExecutor | None = _start_pool(self.processes)
        except (OSError, ValueError, RuntimeError):  # no processes here: threads it is
            pool = None
        with self._lock:
            self._pool, self._starting = pool, False
            self.broken = pool is None
        return pool

    def _lost(self, pool: ProcessPoolExecutor) -> None:
        """``pool`` died: the next work starts a new one (once, whichever thread saw it)."""
        with self._lock:
            if self._pool is not pool:
                return
            self._pool = None
            self.crashes += 1
        pool.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        """End the pools: waiting work is dropped, running work ends first (a page at most)."""
        with self._lock:
            pool, self._pool = self._pool, None
        with self._alone_lock:
            alone, self._alone = self._alone, None
        for each in (pool, alone):
            if each is not None:
                each.shutdown(wait=True, cancel_futures=True)


#: The resource tracker (a process of its own) removes the pools' semaphores when a refresh is
#: killed with ``kill -9`` and then warns about them on the terminal; it inherits this option.
_QUIET_TRACKER = "ignore::UserWarning:multiprocessing.resource_tracker"


def _start_pool(processes: int) -> ProcessPoolExecutor:
    if _QUIET_TRACKER not in sys.warnoptions:  # read when the tracker starts, with the pool
        sys.warnoptions.append(_QUIET_TRACKER)
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if "forkserver" in methods:
        context.set_forkserver_preload(_PRELOAD)
    return ProcessPoolExecutor(
        processes, mp_context=context, initializer=_worker_init, initargs=(os.getpid(),)
    )


def _worker_init(refresh: int) -> None:
    """In each worker: leave Ctrl-C to the refresh, end when the refresh process ends (however
    it ends), and load what the first article would otherwise pay for."""
    die_with_parent(os.getppid())  # the fork server (under spawn: the refresh itself)
    if os.getppid() != refresh:
        # The fork server outlives a refresh killed with SIGKILL: its workers hold the pipe
        # whose end it waits for, so each worker watches the refresh itself.
        threading.Thread(target=_end_with, args=(refresh,), daemon=True).start()
    warm_up()


def _end_with(pid: int) -> None:
    """End this process when process ``pid`` ends."""
    try:
        handle: int | None = os.pidfd_open(pid)  # readable once the process has ended
    except (AttributeError, OSError):  # not Linux, or ``pid`` has ended already
        handle = None
    if handle is not None:
        select.select([handle], [], [])
    else:
        while True:
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                break
            except PermissionError:
                pass
            time.sleep(0.5)
    os._exit(1)
