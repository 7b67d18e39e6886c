"""An article piped into the reader (``curl -s URL | inbrief -``), as ``less`` takes a pipe.

The reader takes its keys from standard input. When the article arrives there too, it is read
whole first; then the terminal (``/dev/tty``) becomes standard input for the keys, and the
article stays behind ``sys.stdin`` for the source ``-`` to read. Without this, the reader read
the article as keystrokes (the JSON landed in the search box, each ``a`` opened the Add dialog)
and adding ``-`` waited forever for input the keys had taken.
"""

from __future__ import annotations

import io
import os
import sys

from inbrief.errors import InbriefError
from inbrief.ingest import MAX_INPUT_BYTES


def take_piped_article() -> None:
    """Read what is piped to standard input, then give standard input to the terminal.

    Raises :class:`InbriefError` when nothing is piped (standard input is the terminal
    itself: the keys and the article cannot both come from there) or when there is no
    terminal to take the keys from.
    """
    stdin = sys.__stdin__
    if stdin is None:
        raise InbriefError("- reads an article from standard input, which is closed")
    if stdin.isatty():
        raise InbriefError(
            "- reads an article piped in (curl -s URL | inbrief -); nothing is piped here."
            " To paste an article, use inbrief --summary -"
        )
    data = stdin.buffer.read(MAX_INPUT_BYTES + 1)  # one more: the source refuses "too large"
    try:
        terminal = os.open("/dev/tty", os.O_RDWR)
    except OSError:
        raise InbriefError(
            "the reader needs a terminal for its keys; for piped text use inbrief --summary -"
        ) from None
    try:
        os.dup2(terminal, stdin.fileno())
    finally:
        os.close(terminal)
    sys.stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", errors="replace")
