"""What the learned sentence scorer sees of each candidate sentence: one row of numbers.

Every feature comes from the article itself and from the length asked for (no site, no URL):
where the sentence sits (absolute and relative position, first of its paragraph, position in
its section), how long it is, how central it is (:mod:`inbrief.summarize.centrality`;
:func:`overlap_degree`, TextRank's word-overlap degree; :func:`text_rank`, its PageRank), how
much of the title it repeats, whether it carries numbers or a quotation, how it reads on its
own (:mod:`inbrief.summarize.standalone`), how close it is to the opening sentence, how long
the article is, and which *fraction* of the article's sentences the summary keeps, with its
products with position, length and centrality: one model serves a three-sentence digest of a
long story and a summary that keeps 40% of a short one. Plain Python (a few hundred sentences
times 35 numbers): the default summarizer does not import numpy, whose import alone costs
more than summarizing.
"""

from __future__ import annotations

import math
import operator
import re
from collections import Counter
from collections.abc import Sequence
from itertools import chain

from inbrief.summarize.centrality import Evidence
from inbrief.summarize.units import Unit

FEATURES = (
    "first", "position", "position_inverse", "relative", "section_position", "paragraph_start",
    "log_words", "short", "long", "forward", "backward", "title", "number", "quote", "leans",
    "fragment", "heading", "question", "log_sentences", "first_x_log_sentences",
    "position_x_log_sentences", "relative_x_log_sentences", "similarity_to_first",
    "overlap_degree", "text_rank", "fraction", "log_fraction", "fraction_x_position",
    "fraction_x_relative", "fraction_x_log_words", "fraction_x_forward", "fraction_x_first",
    "fraction_x_title", "fraction_x_overlap_degree", "fraction_x_text_rank",
)  # fmt: skip

_NUMBER = re.compile(r"\d")
#: Quotation marks (and TeX-style '' and ``): :func:`has_quote`.
QUOTE_MARKS = ('"', "“", "”", "«", "»", "''", "``")


def has_quote(text: str) -> bool:
    """Whether ``text`` holds one of :data:`QUOTE_MARKS`: seven substring tests, several times
    faster than a regex search for them (which has no first character to skip to)."""
    return (
        '"' in text
        or "“" in text
        or "”" in text
        or "«" in text
        or "»" in text
        or "''" in text
        or "``" in text
    )


def kept_fraction(count: int, units: int) -> float:
    """The share of the article's candidate sentences a ``count``-sentence summary keeps."""
    return min(1.0, count / max(1, units))


def overlap_degree(units: Sequence[Unit]) -> list[float]:
    """TextRank's centrality in linear time, scaled to at most 1.

    TextRank (Mihalcea & Tarau, 2004; sumy's ``TextRankSummarizer``) links two sentences by
    their shared terms over the sum of their log lengths, and its ranking follows each
    sentence's summed links (its degree) closely. Taking the mean log length for the other
    sentence's, the degree is ``Σ_t count_i(t) × count_article(t) / (log len_i + mean log
    len)``: one pass over the terms, no pair of sentences. It favours long sentences that
    share many terms with the article, which extractive references keep.
    """
    total = Counter(chain.from_iterable(unit.terms for unit in units))
    logs = [math.log(max(2, len(unit.terms))) for unit in units]
    mean_log = sum(logs) / len(logs) if logs else 1.0
    raw = [  # Σ over the unit's terms, repeats included, is Σ_t count_i(t) × total(t)
        sum(map(total.__getitem__, unit.terms)) / (log + mean_log)
        for unit, log in zip(units, logs, strict=True)
    ]
    top = max(raw, default=0.0) or 1.0
    return [value / top for value in raw]


#: PageRank's damping, and the rounds of :func:`text_rank`: started from the sentences'
#: degrees (where a walk without jumps would settle), 4 rounds come within 0.03 of the settled
#: ranks (scaled to 1) on average over the dev stories. The scorer learned these values, and a
#: condensed summary ranks its sentences by them (`default.takeaway_scores`).
DAMPING = 0.85
RANK_ROUNDS = 4


def text_rank(evidence: Evidence) -> list[float]:
    """TextRank's PageRank over shared terms, in linear time, scaled to at most 1.

    TextRank walks from a sentence to another in proportion to the distinct terms they share
    (Mihalcea & Tarau, 2004; sumy's ``TextRankSummarizer`` also divides by their log
    lengths, which this leaves out). That walk factors through the terms: the weight that
    reaches a sentence is the sum, over its terms, of what every sentence holding the term
    sends, less what it sends to itself. So a round costs one pass over the terms sentences
    share (the evidence's postings; a term of one sentence, or of every sentence, tells
    nothing), not one per pair of sentences: a 10,000-word text takes a few milliseconds.
    Unlike :func:`overlap_degree` it rewards sentences that share terms with *central*
    sentences: on the extractive bbc references it adds about 1 ROUGE-1 on held-out stories.
    Worked out once per evidence: a condensed summary of the default length asks for it for
    the length's features and again for its takeaways.
    """
    if text_rank not in evidence.memo:
        evidence.memo[text_rank] = _text_rank(evidence)
    return list(evidence.memo[text_rank])


def _text_rank(evidence: Evidence) -> list[float]:
    """:func:`text_rank`, worked out."""
    n = len(evidence.words)
    if not n:
        return []
    postings = [[i for i, _ in held] for held in evidence.postings.values() if len(held) > 1]
    holders: list[list[int]] = [[] for _ in range(n)]
    for term, indexes in enumerate(postings):
        for i in indexes:
            holders[i].append(term)
    spread = [len(p) for p in postings]
    out = [sum(map(spread.__getitem__, terms)) - len(terms) for terms in holders]
    total = sum(out)
    rank = [o / total for o in out] if total else [1.0 / n] * n
    base = (1.0 - DAMPING) / n
    # The same sums as sum(map(values.__getitem__, indexes)), the values fetched in one call:
    # a term of the postings is in two units or more, so its getter gives a tuple; a unit's
    # getter needs two terms or more (one term's value is itself, no term's sum is 0).
    from_units = [operator.itemgetter(*p) for p in postings]
    from_terms = [operator.itemgetter(*terms) if len(terms) > 1 else None for terms in holders]
    sizes = [len(terms) for terms in holders]
    for _ in range(RANK_ROUNDS):
        sent = [r / o if o else 0.0 for r, o in zip(rank, out, strict=True)]
        by_term = [sum(get(sent)) for get in from_units]
        rank = [
            base
            + DAMPING
            * ((sum(get(by_term)) if get else by_term[terms[0]] if terms else 0) - size * own)
            for get, terms, size, own in zip(from_terms, holders, sizes, sent, strict=True)
        ]
    top = max(rank) or 1.0
    return [value / top for value in rank]


def feature_rows(units: Sequence[Unit], evidence: Evidence, count: int) -> list[list[float]]:
    """One row of :data:`FEATURES` values per unit, in unit order, for a ``count``-sentence
    summary."""
    return with_fraction(article_rows(units, evidence), count)


#: Where the values that :func:`with_fraction` multiplies by the fraction sit in a row.
BY_FRACTION = tuple(
    FEATURES.index(name)
    for name in (
        "position", "relative", "log_words", "forward", "first", "title", "overlap_degree",
        "text_rank",
    )
)  # fmt: skip
#: How many features depend on the article alone (they come first in a row).
ARTICLE_FEATURES = FEATURES.index("fraction")


def log_of_fraction(fraction: float) -> float:
    """The ``log_fraction`` feature."""
    return math.log(max(fraction, 1e-3))


def with_fraction(rows: Sequence[Sequence[float]], count: int) -> list[list[float]]:
    """Rows of :func:`article_rows` completed with the features of the fraction kept by a
    ``count``-sentence summary (so several lengths cost one pass over the article)."""
    fraction = kept_fraction(count, len(rows))
    log_fraction = log_of_fraction(fraction)
    return [
        [*row, fraction, log_fraction, *(fraction * row[i] for i in BY_FRACTION)] for row in rows
    ]


def article_rows(units: Sequence[Unit], evidence: Evidence) -> list[list[float]]:
    """The features that depend on the article alone (the :data:`FEATURES` before
    ``fraction``), one row per unit."""
    n = len(units)
    log_n = math.log(n) if n else 0.0
    degree = overlap_degree(units)
    ranked = text_rank(evidence)
    to_first = [0.0] * n  # cosine similarity to the first unit, through the postings
    for term, weight in (evidence.vectors[0] if n else {}).items():
        for index, other in evidence.postings[term]:
            to_first[index] += weight * other
    exp, log, number = math.exp, math.log, _NUMBER.search
    last = max(1, n - 1)
    rows: list[list[float]] = []
    for i, (unit, words, section_rank, forward, backward, title, seen) in enumerate(
        zip(
            units,
            evidence.words,
            evidence.section_rank,
            evidence.forward,
            evidence.backward,
            evidence.title,
            evidence.readings,
            strict=True,
        )
    ):
        position = exp(-i / 2.0)
        relative = i / last
        first = 1.0 if i == 0 else 0.0
        text = unit.text
        rows.append(
            [
                first,
                position,
                1.0 / (i + 1.0),
                relative,
                exp(-section_rank / 2.0),
                float(unit.index == 0),
                log(words),
                float(words < 8),
                max(0.0, words - 30.0) / 30.0,
                forward,
                backward,
                title,
                float(bool(number(text))),
                float(has_quote(text)),
                float(seen.leans),
                float(seen.fragment),
                float(seen.heading),
                float(seen.question),
                log_n,
                first * log_n,
                position * log_n,
                relative * log_n,
                to_first[i],
                degree[i],
                ranked[i],
            ]
        )
    assert not rows or len(rows[0]) == ARTICLE_FEATURES
    return rows
