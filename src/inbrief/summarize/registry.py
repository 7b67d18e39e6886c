"""Every summarization algorithm by name: the one place that lists them.

A *ranker* takes a :class:`Request` (the article's candidate sentences and what is known
about them) and returns the chosen units in document order and the gist's units. The
command line's ``-a`` choices, the reader's algorithm cycling and :func:`summarize` all read
:data:`RANKERS`; the default comes first.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from inbrief.nlp.language import Language
from inbrief.summarize import default
from inbrief.summarize.centrality import Evidence
from inbrief.summarize.features import article_rows
from inbrief.summarize.learned import LENGTH_BOUNDS, Scorer, expected_count, shipped_scorer
from inbrief.summarize.units import Unit

DEFAULT_ALGORITHM = "inbrief"
#: At most this many rounds of :func:`learned_length` (it settles in two or three).
LENGTH_STEPS = 6


@dataclass(frozen=True, slots=True)
class Request:
    """What a ranker gets: the candidates, the evidence about them and the length asked."""

    units: list[Unit]
    title: tuple[str, ...]
    language: Language
    evidence: Evidence
    #: The number of sentences asked for; None lets the ranker choose (``fallback_count``
    #: is the length-by-words rule for rankers without their own).
    count: int | None
    fallback_count: int


#: Chosen unit indexes (document order) and the gist's unit indexes.
Ranked = tuple[list[int], list[int]]
Ranker = Callable[[Request], Ranked]


def rank_default(request: Request) -> Ranked:
    """inbrief's default (:mod:`inbrief.summarize.default`); without a count, as many
    sentences as the learned scorer expects a person to pick (the scorer runs only then)."""
    evidence = request.evidence
    count = request.count
    if count is None:
        count = learned_length(article_rows(request.units, evidence), shipped_scorer())
    opening = default.opening_scores(evidence)
    takeaway = default.takeaway_scores(evidence, count)
    picks = default.choose(evidence, opening, takeaway, count)
    return sorted(picks), default.gist(picks, evidence)


def learned_length(rows: Sequence[Sequence[float]], scorer: Scorer) -> int:
    """The default length: as many sentences as the scorer expects a person to keep
    (:func:`~inbrief.summarize.learned.expected_count`), given the article's
    :func:`~inbrief.summarize.features.article_rows`.

    The scorer sees the share of the article kept, so the expectation depends on the length
    assumed: starting from the middle of ``LENGTH_BOUNDS``, the expected count is taken as
    the new length until it settles (a handful of dot products per sentence). A short
    article whose sentences all carry weight keeps more of them than a long one.
    """
    return settled_length(scorer.at_length(rows))


def settled_length(at_length: Callable[[int], list[float]]) -> int:
    """:func:`learned_length` from the probabilities at each length
    (:meth:`~inbrief.summarize.learned.Scorer.at_length`)."""
    count = sum(LENGTH_BOUNDS) // 2
    for _ in range(LENGTH_STEPS):
        expected = expected_count(at_length(count))
        if expected == count:
            break
        count = expected
    return count


def rank_lead(request: Request) -> Ranked:
    """The first sentences (candidates only: no caption, no sentence under four words)."""
    count = request.count if request.count is not None else request.fallback_count
    return list(range(min(count, len(request.units)))), [0]


def sumy_ranker(class_path: str) -> Ranker:
    """A sumy summarizer class (``"module:Class"``, imported on first use) as a ranker, over
    inbrief's sentences (:mod:`inbrief.summarize.sumy_bridge`)."""

    def rank(request: Request) -> Ranked:
        from inbrief.summarize.sumy_bridge import rank_with_sumy

        count = request.count if request.count is not None else request.fallback_count
        units = request.units
        chosen, ranking = rank_with_sumy(
            class_path, units, request.title, min(count, len(units)), request.language
        )
        return chosen, ranking[:1]

    return rank


#: sumy's algorithms: name -> summarizer class (``"module:Class"``), imported on first use.
SUMY_CLASSES = {
    "lexrank": "sumy.summarizers.lex_rank:LexRankSummarizer",
    "textrank": "sumy.summarizers.text_rank:TextRankSummarizer",
    # sumy's LSA with its term rows in a stable order and its warning kept off stderr.
    "lsa": "inbrief.summarize.sumy_lsa:OrderedLsaSummarizer",
    "luhn": "sumy.summarizers.luhn:LuhnSummarizer",
    "kl": "sumy.summarizers.kl:KLSummarizer",
    "sumbasic": "sumy.summarizers.sum_basic:SumBasicSummarizer",
    "edmundson": "sumy.summarizers.edmundson:EdmundsonSummarizer",
    "reduction": "sumy.summarizers.reduction:ReductionSummarizer",
}
#: Algorithm name -> ranker; the default first.
RANKERS: dict[str, Ranker] = {
    DEFAULT_ALGORITHM: rank_default,
    **{name: sumy_ranker(class_path) for name, class_path in SUMY_CLASSES.items()},
    "lead": rank_lead,
}
ALGORITHMS = tuple(RANKERS)
