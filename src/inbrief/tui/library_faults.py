"""The one place the reader turns a library fault into a notification.

The core raises :class:`~inbrief.library.LibraryError` for every fault of the library file
(busy, read-only, full, damaged, I/O). A handler that touches the library is wrapped in
:func:`shows_library_errors`: the fault becomes one line on screen and the handler simply
stops, so the reader keeps running (read-only if nothing can be written). The same message
is not repeated while it is still fresh: a read-only library would otherwise say so again at
every automatic save of the reading position.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Concatenate, ParamSpec, TypeVar
from weakref import WeakKeyDictionary

from textual.app import App
from textual.widget import Widget

from inbrief.library import Fault, LibraryError

P = ParamSpec("P")
R = TypeVar("R")
W = TypeVar("W", bound=Widget)

#: Seconds during which the same library message is not shown again.
REPEAT_AFTER = 30.0
_last_shown: WeakKeyDictionary[App[object], tuple[str, float]] = WeakKeyDictionary()


def show_library_error(app: App[object], error: LibraryError) -> None:
    """Notify ``error`` in one line (a warning when reading still works, else an error)."""
    message = " ".join(str(error).split())  # the app's notify passes the terminal sanitizer
    now = time.monotonic()
    last = _last_shown.get(app)
    if last is not None and last[0] == message and now - last[1] < REPEAT_AFTER:
        return
    _last_shown[app] = (message, now)
    mild = error.fault in (Fault.BUSY, Fault.READ_ONLY)
    app.notify(
        message,
        title="Library",
        severity="warning" if mild else "error",
        timeout=8 if mild else 12,
        markup=False,
    )


def shows_library_errors(
    method: Callable[Concatenate[W, P], R],
) -> Callable[Concatenate[W, P], R | None]:
    """Wrap a widget's method that uses the library: a :class:`LibraryError` is shown with
    :func:`show_library_error` and the method returns None instead of raising."""

    def guarded(self: W, /, *args: P.args, **kwargs: P.kwargs) -> R | None:
        try:
            return method(self, *args, **kwargs)
        except LibraryError as error:
            show_library_error(self.app, error)
            return None

    guarded.__name__, guarded.__qualname__ = method.__name__, method.__qualname__
    guarded.__doc__ = method.__doc__
    return guarded
