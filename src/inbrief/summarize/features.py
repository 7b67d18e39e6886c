"""What the learned sentence scorer sees of each candidate sentence: one row of numbers.

Every feature comes from the article itself (no site, no URL): where the sentence sits
(absolute and relative position, first of its paragraph, position in its section), how long
it is, how central it is (:mod:`inbrief.summarize.centrality`), how much of the title it
repeats, whether it carries numbers or a quotation, how it reads on its own
(:mod:`inbrief.summarize.standalone`), how close it is to the opening sentence, and how long
the article is, so that one model can weigh position differently in a short piece and a long
one. Plain Python (a few hundred sentences times 23 numbers): the default summarizer does
not import numpy, whose import alone costs more than summarizing.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from inbrief.summarize.centrality import Evidence
from inbrief.summarize.units import Unit

FEATURES = (
    "first", "position", "position_inverse", "relative", "section_position", "paragraph_start",
    "log_words", "short", "long", "forward", "backward", "title", "number", "quote", "leans",
    "fragment", "heading", "question", "log_sentences", "first_x_log_sentences",
    "position_x_log_sentences", "relative_x_log_sentences", "similarity_to_first",
)  # fmt: skip

_NUMBER = re.compile(r"\d")
_QUOTE = re.compile("[\"“”«»]|''|``")


def feature_rows(units: Sequence[Unit], evidence: Evidence) -> list[list[float]]:
    """One row of :data:`FEATURES` values per unit, in unit order."""
    n = len(units)
    log_n = math.log(n) if n else 0.0
    to_first = [0.0] * n  # cosine similarity to the first unit, through the postings
    for term, weight in (evidence.vectors[0] if n else {}).items():
        for index, other in evidence.postings[term]:
            to_first[index] += weight * other
    rows: list[list[float]] = []
    for i, unit in enumerate(units):
        words = evidence.words[i]
        position = math.exp(-i / 2.0)
        relative = i / max(1, n - 1)
        first = 1.0 if i == 0 else 0.0
        seen = evidence.readings[i]
        rows.append(
            [
                first,
                position,
                1.0 / (i + 1.0),
                relative,
                math.exp(-evidence.section_rank[i] / 2.0),
                float(unit.index == 0),
                math.log(words),
                float(words < 8),
                max(0.0, words - 30.0) / 30.0,
                evidence.forward[i],
                evidence.backward[i],
                evidence.title[i],
                float(bool(_NUMBER.search(unit.text))),
                float(bool(_QUOTE.search(unit.text))),
                float(seen.leans),
                float(seen.fragment),
                float(seen.heading),
                float(seen.question),
                log_n,
                first * log_n,
                position * log_n,
                relative * log_n,
                to_first[i],
            ]
        )
    return rows
