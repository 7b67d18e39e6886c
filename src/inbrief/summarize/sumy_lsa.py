"""sumy's LSA, deterministic and quiet: imported only when ``-a lsa`` runs (it imports sumy).

- Term rows in sorted order rather than ``frozenset`` order: the row order follows the hash
  seed, and the SVD's floating-point results (hence near-tie rankings) follow the row order;
  without this, two processes (the reader and ``--summary``) could choose different
  sentences for the same article.
- sumy warns (a ``UserWarning`` on stderr) when an article has fewer distinct words than
  sentences; the summary is still made, and a one-shot command must not print a library's
  warning, so that one warning is silenced while LSA runs.
"""

from __future__ import annotations

import warnings
from typing import Any

from sumy.summarizers.lsa import LsaSummarizer

#: The start of sumy's warning about fewer words than sentences.
FEW_WORDS_WARNING = r"Number of words \(\d+\) is lower than number of sentences"


class OrderedLsaSummarizer(LsaSummarizer):  # type: ignore[misc]
    """sumy's LSA with sorted term rows and its few-words warning silenced."""

    def __call__(self, document: Any, sentences_count: Any) -> Any:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", FEW_WORDS_WARNING, UserWarning)
            return super().__call__(document, sentences_count)

    def _create_dictionary(self, document: Any) -> dict[str, int]:
        stop = frozenset(self.stop_words)
        words = map(self.normalize_word, document.words)
        terms = {self.stem_word(w) for w in words if w not in stop}
        return {term: row for row, term in enumerate(sorted(terms))}
