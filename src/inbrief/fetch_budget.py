"""One wall-clock budget for a whole fetch, enforced at every socket operation.

httpx's timeouts are per operation: a server that sends one byte every few seconds never
trips a read timeout, however long the headers take. :class:`Budget` wraps the network
backend of httpx's connection pools so that every connect, TLS handshake, read and write
waits at most until the deadline, in slices of :data:`CANCEL_POLL` seconds between which a
caller's cancellation is seen. httpx has no public hook for a network backend; its pools
(httpcore 1.x) keep it in ``_network_backend``. tests/hostile/test_budgets.py fails should
that change.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from inbrief.errors import InbriefError

#: How often a blocked read wakes up to see whether the fetch was cancelled (seconds).
CANCEL_POLL = 0.25


class Budget:
    """The deadline ``seconds`` from now and an optional ``cancelled()`` flag."""

    def __init__(self, seconds: float, cancelled: Callable[[], bool] | None = None) -> None:
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds
        self.cancelled = cancelled or (lambda: False)

    def expired(self) -> bool:
        return time.monotonic() >= self.deadline

    def check(self) -> None:
        """Raise the one-line reason once the fetch is cancelled or out of time."""
        if self.cancelled():
            raise InbriefError("cancelled")
        if self.expired():
            raise InbriefError(f"timed out: no full answer within {self.seconds:g} s")

    def attach(self, client: Any) -> None:
        """Route every connection of ``client`` (an ``httpx.Client``) through this budget."""
        for transport in (client._transport, *client._mounts.values()):
            pool = getattr(transport, "_pool", None)
            if pool is not None:
                pool._network_backend = _Backend(pool._network_backend, self)

    def left(self, timeout: float | None) -> float:
        """The time the next blocking step may take: ``timeout`` within the deadline."""
        left = max(0.001, self.deadline - time.monotonic())
        return left if timeout is None else max(0.001, min(left, timeout))

    def slice(self, timeout: float | None) -> float:
        """One poll slice of a read; httpcore's ReadTimeout once cancelled or out of time."""
        import httpcore

        if self.cancelled() or self.expired():
            raise httpcore.ReadTimeout("the fetch's time budget is spent")
        return min(self.left(timeout), CANCEL_POLL)


class _Stream:
    """An httpcore network stream whose every wait is bounded by the budget."""

    def __init__(self, stream: Any, budget: Budget) -> None:
        self._stream = stream
        self._budget = budget

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        import httpcore

        until = time.monotonic() + (timeout if timeout is not None else self._budget.seconds)
        while True:
            wait = self._budget.slice(timeout)
            try:
                data: bytes = self._stream.read(max_bytes, wait)
                return data
            except httpcore.ReadTimeout:
                if time.monotonic() >= until:
                    raise  # the per-read timeout: nothing came for that long

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, self._budget.left(timeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None
    ) -> _Stream:
        stream = self._stream.start_tls(ssl_context, server_hostname, self._budget.left(timeout))
        return _Stream(stream, self._budget)

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _Backend:
    """An httpcore network backend whose streams are :class:`_Stream`."""

    def __init__(self, backend: Any, budget: Budget) -> None:
        self._backend = backend
        self._budget = budget

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> _Stream:
        self._budget.check()
        stream = self._backend.connect_tcp(
            host, port, self._budget.left(timeout), local_address, socket_options
        )
        return _Stream(stream, self._budget)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Any = None
    ) -> _Stream:
        stream = self._backend.connect_unix_socket(path, self._budget.left(timeout), socket_options)
        return _Stream(stream, self._budget)

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)
