"""Bounded concurrency: at most a few requests at once to any one host.

The thread pools bound the total; :class:`HostLimiter` bounds each host, so two hundred feeds
on one site are fetched a couple at a time, as a polite client does.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit

#: Requests in flight to one host at most.
PER_HOST = 2


class HostLimiter:
    """A semaphore per host name, made on first use."""

    def __init__(self, per_host: int = PER_HOST) -> None:
        self._per_host = per_host
        self._lock = threading.Lock()
        self._hosts: dict[str, threading.BoundedSemaphore] = {}

    @contextmanager
    def slot(self, url: str) -> Iterator[None]:
        """Hold one of the host's slots for the duration of a request to ``url``."""
        try:
            host = (urlsplit(url).hostname or "").lower()
        except ValueError:
            host = ""
        with self._lock:
            semaphore = self._hosts.get(host)
            if semaphore is None:
                semaphore = self._hosts[host] = threading.BoundedSemaphore(self._per_host)
        with semaphore:
            yield
