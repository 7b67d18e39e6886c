"""Turn what a user types into a safe FTS5 query: words are matched as prefixes, ANDed.

FTS5 has its own syntax (quotes, ``NEAR``, ``-``, ``:``); passing user input straight through
makes a stray quote an SQL error. Each word is quoted instead, so ``c++ "war`` just searches.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"\w[\w'’-]*", re.UNICODE)


def fts_query(text: str) -> str:
    """An FTS5 MATCH expression for ``text``; empty when there is nothing to search for."""
    terms = [w.replace('"', "") for w in _WORD.findall(text)]
    return " ".join(f'"{term}"*' for term in terms if term)
