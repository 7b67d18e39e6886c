"""Subscriptions: RSS, Atom and JSON Feed filling the library (core: no UI imports).

This package's ``__init__`` stays light (the command line asks it which command it is given on
every run); the modules that fetch and parse are imported only by the feed commands.
"""

from __future__ import annotations

import argparse

#: ``--format`` values each feed command accepts (the others print text only).
FORMATS = {"feeds": ("text", "json"), "list": ("text", "json", "jsonl")}
_COMMANDS = ("subscribe", "refresh", "feeds", "unsubscribe", "import_opml", "export_opml", "list")


def command_of(args: argparse.Namespace) -> str | None:
    """Which feed command ``args`` asks for, if any."""
    return next((name for name in _COMMANDS if getattr(args, name, None)), None)
