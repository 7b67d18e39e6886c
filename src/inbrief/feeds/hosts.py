"""Bounded concurrency: at most a few requests at once to any one host.

The thread pools bound the total; :class:`HostLimiter` bounds each host, so two hundred feeds
on one site are fetched a couple at a time, as a polite client does, and :class:`PageQueue`
hands teasers' pages to its threads host by host.
"""

from __future__ import annotations

import threading
from collections import Counter, OrderedDict, deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from typing import TypeVar
from urllib.parse import urlsplit

#: Requests in flight to one host at most.
PER_HOST = 2
R = TypeVar("R")
T = TypeVar("T")


def _host(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


class HostLimiter:
    """A semaphore per host name, made on first use."""

    def __init__(self, per_host: int = PER_HOST) -> None:
        self.per_host = per_host
        self._lock = threading.Lock()
        self._hosts: dict[str, threading.BoundedSemaphore] = {}

    def slot(self, url: str) -> AbstractContextManager[None]:
        """Hold one of the host's slots for the duration of a request to ``url``."""
        return self.slot_of(_host(url))

    @contextmanager
    def slot_of(self, host: str) -> Iterator[None]:
        """Hold one of ``host``'s slots."""
        with self._lock:
            semaphore = self._hosts.get(host)
            if semaphore is None:
                semaphore = self._hosts[host] = threading.BoundedSemaphore(self.per_host)
        with semaphore:
            yield


class PageQueue:
    """Teasers' pages waiting to be fetched, by host, served by ``threads`` threads of which
    at most ``fetching`` are fetching at once.

    A thread takes the next page of a host that has a free slot (hosts in turn), so the pages
    of one site never hold up another's: with plain FIFO threads, ten pages of one feed queued
    together would leave every thread but two waiting on that one host. A page holds its host's
    slot, and one of the ``fetching`` slots, while it is fetched only; extracting and storing it
    happen after, so with more threads than fetch slots the network stays busy meanwhile.
    """

    def __init__(self, threads: int, fetching: int, limiter: HostLimiter) -> None:
        self._limiter = limiter
        self._fetching = fetching
        self._cond = threading.Condition()
        self._waiting: OrderedDict[str, deque[_Job]] = OrderedDict()
        self._busy: Counter[str] = Counter()
        self._closed = False
        self._threads = [
            threading.Thread(target=self._serve, name=f"inbrief-page-{n}", daemon=True)
            for n in range(max(threads, fetching))
        ]
        for thread in self._threads:
            thread.start()

    def submit(self, url: str, fetch: Callable[[], R], then: Callable[[R], T]) -> Future[T]:
        """``then(fetch())`` in a page thread, ``fetch`` holding a slot of ``url``'s host."""
        future: Future[T] = Future()
        job = _Job(fetch, then, future)  # type: ignore[arg-type]
        with self._cond:
            if self._closed:
                raise RuntimeError("the page queue is closed")
            self._waiting.setdefault(_host(url), deque()).append(job)
            self._cond.notify()
        return future

    def _next(self) -> tuple[str, _Job] | None:
        """The next page of a host with a free slot (under the lock), or None."""
        if self._busy.total() >= self._fetching:
            return None
        for host, jobs in self._waiting.items():
            if self._busy[host] < self._limiter.per_host:
                job = jobs.popleft()
                if jobs:
                    self._waiting.move_to_end(host)  # hosts take turns
                else:
                    del self._waiting[host]
                self._busy[host] += 1
                return host, job
        return None

    def _serve(self) -> None:
        while True:
            with self._cond:
                while (found := self._next()) is None:
                    if self._closed and not self._waiting:
                        return
                    self._cond.wait()
            host, job = found
            if not job.future.set_running_or_notify_cancel():
                self._release(host)
                continue
            try:
                try:
                    with self._limiter.slot_of(host):
                        fetched = job.fetch()
                finally:
                    self._release(host)
                job.future.set_result(job.then(fetched))
            except Exception as exc:  # handed to whoever waits on it
                job.future.set_exception(exc)

    def _release(self, host: str) -> None:
        with self._cond:
            self._busy[host] -= 1
            self._cond.notify_all()

    def close(self, cancel: bool = True) -> None:
        """Stop taking pages (cancelling those not started) and wait for the threads."""
        with self._cond:
            self._closed = True
            if cancel:
                for jobs in self._waiting.values():
                    for job in jobs:
                        job.future.cancel()
                self._waiting.clear()
            self._cond.notify_all()
        for thread in self._threads:
            thread.join()


@dataclass(frozen=True, slots=True)
class _Job:
    fetch: Callable[[], object]
    then: Callable[[object], object]
    future: Future[object]
