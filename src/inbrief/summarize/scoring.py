"""How much each sentence deserves a place in a summary: one number per sentence.

The score adds three kinds of evidence, each on a 0..1 scale, and then discounts sentences a
reader could not use on their own::

    score = standalone × length × (centrality + title_weight × title + position_weight × position)

- *centrality*: directed centrality (support from later sentences plus ``backward`` times
  support from earlier ones), see :mod:`inbrief.summarize.centrality`;
- *title*: the share of the title's IDF weight the sentence repeats: headlines say what the
  piece is about;
- *position*: ``exp(-rank / position_decay)``: news and most web writing put the point first;
- *length*: sentences much shorter than a statement ("Read on.") are discounted in proportion,
  and long ones as ``sqrt(long_words / words)``: a summary is read for its point, and a short
  sentence that makes it beats a long one that buries it (publishers' own descriptions run to
  about 25 words);
- *standalone*: a sentence that leans on its context ("He said", "But"), a quotation fragment,
  a heading-like line or a question is discounted (see :mod:`inbrief.summarize.standalone`).

The parameters were fitted on the gist benchmark in 0.1.0 (with 2-fold cross-validation; the
tuning script gave way to ``benchmarks/summary_train.py``), preferring few, round values from a
flat optimum. ``benchmarks/summaries.py`` shows them on the other news tasks too.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from inbrief.summarize.centrality import Evidence


@dataclass(frozen=True, slots=True)
class ScoreParams:
    """The weights of :func:`scores`; the defaults are the tuned ones."""

    backward: float = 0.0
    title_weight: float = 0.4
    position_weight: float = 1.0
    position_decay: float = 2.0
    #: Sentences shorter than this many words are discounted in proportion.
    short_words: int = 8
    #: Sentences longer than this are discounted as (long_words / words) ** 0.5.
    long_words: int = 20
    #: Factor for a sentence that leans on its context ("He said", "But").
    dependent: float = 0.5


def length_factor(words: int, params: ScoreParams) -> float:
    """1.0 for ordinary sentences, shrinking for very short and very long ones."""
    if words < params.short_words:
        return words / params.short_words
    if words > params.long_words:
        return math.sqrt(params.long_words / words)
    return 1.0


def scores(
    evidence: Evidence,
    params: ScoreParams,
    ranks: Sequence[int] | None = None,
) -> list[float]:
    """One non-negative score per unit (see the module docstring for the formula).

    ``ranks`` replaces the positions in the article, e.g. by positions within each section.
    Worked out once per evidence, parameters and ranks (the opening picks, the takeaways and
    the section gists of an article without headings ask for the same scores).
    """
    ranks = evidence.rank if ranks is None else ranks
    key = (params, tuple(ranks))
    if key not in evidence.memo:
        evidence.memo[key] = _scores(evidence, params, ranks)
    return list(evidence.memo[key])


def _scores(evidence: Evidence, params: ScoreParams, ranks: Sequence[int]) -> list[float]:
    central = [
        max(0.0, f + params.backward * b)
        for f, b in zip(evidence.forward, evidence.backward, strict=True)
    ]
    top = max(central, default=0.0) or 1.0
    result: list[float] = []
    for i in range(len(central)):
        value = (
            central[i] / top
            + params.title_weight * evidence.title[i]
            + params.position_weight * math.exp(-ranks[i] / params.position_decay)
        )
        value *= length_factor(evidence.words[i], params)
        value *= evidence.readings[i].factor(params.dependent)
        result.append(value)
    return result
