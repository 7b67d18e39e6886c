"""Per-sentence evidence for inbrief's default summarizer, computed once per article.

A sentence's *centrality* is how much the rest of the article restates it: the sum of its
TF-IDF cosine similarities to the other sentences, where support from later sentences and
from earlier ones are kept apart (directed centrality, after PacSum, Zheng & Lapata 2019: an
opening sentence that the body goes on to develop is the one to keep). Because cosine
similarity of normalised vectors is a dot product, the sum over all later sentences is the dot
product with the *sum* of their vectors, so both directions cost one pass over the terms
(linear in the text) instead of a similarity for every pair of sentences.

Alongside: overlap with the title (IDF-weighted, so "the" in a headline counts for little),
the rank among candidates, the rank within the section, the length in words and whether the
sentence reads on its own. How they combine is :mod:`inbrief.summarize.scoring`'s business.
"""

from __future__ import annotations

import math
import operator
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import chain

from inbrief.summarize.standalone import Reading, reading, starts_mid_sentence
from inbrief.summarize.units import Unit

#: Term -> [(unit index, weight)] in increasing unit order.
Postings = dict[str, list[tuple[int, float]]]


@dataclass(frozen=True, slots=True)
class Evidence:
    """What is known about each unit (all lists are indexed like the units)."""

    #: Unit-normalised TF-IDF vectors, and the same weights indexed by term.
    vectors: list[dict[str, float]]
    postings: Postings
    #: Summed similarity to later / earlier sentences, each scaled to at most 1.
    forward: list[float]
    backward: list[float]
    #: Share of the title's IDF weight that the sentence repeats (0..1).
    title: list[float]
    #: The section each unit is in.
    sections: list[int]
    #: 0 for the first candidate of the article / of its section, and so on.
    rank: list[int]
    section_rank: list[int]
    words: list[int]
    #: Whether each sentence reads on its own (see :mod:`inbrief.summarize.standalone`).
    readings: list[Reading]
    #: Whether each unit comes right after the unit before it (same section, no sentence
    #: between): then a unit leaning on its context ("He said...") leans on that one.
    follows: list[bool]
    #: Scores already worked out over these units, by what they depend on (see
    #: :func:`inbrief.summarize.scoring.scores` and :func:`inbrief.summarize.features.text_rank`):
    #: a summary asks for the same ones twice.
    memo: dict[object, list[float]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def similarity(self, i: int, j: int) -> float:
        """Cosine similarity of two units."""
        small, large = self.vectors[i], self.vectors[j]
        if len(large) < len(small):
            small, large = large, small
        get = large.get
        return sum([w * get(t, 0.0) for t, w in small.items()])


def term_counts(terms: Sequence[str]) -> dict[str, int]:
    """Term -> how often it occurs, in order of first occurrence (as :class:`Counter` gives)."""
    counts: dict[str, int] = {}
    get = counts.get
    for term in terms:
        counts[term] = get(term, 0) + 1
    return counts


def tfidf_vectors(units: Sequence[Unit]) -> tuple[list[dict[str, float]], dict[str, float]]:
    """Unit-length vectors with sublinear TF and smoothed IDF; also the IDF of every term."""
    vectors, idf, _ = weighted([term_counts(unit.terms) for unit in units])
    return vectors, idf


def weighted(
    counted: Sequence[dict[str, int]],
) -> tuple[list[dict[str, float]], dict[str, float], Postings]:
    """:func:`tfidf_vectors` from each unit's :func:`term_counts`, and their postings (terms
    in order of first occurrence).

    A term's IDF, ``log((n + 1) / df)``, is positive (no term is in more than ``n`` units),
    so every term of a unit has a weight; a term seen once weighs its IDF (``1 + log 1`` is
    1), which spares most logarithms.
    """
    df = Counter(chain.from_iterable(counted))  # a unit's terms once each
    n = len(counted)
    idf = {term: math.log((n + 1) / count) for term, count in df.items()}
    postings: Postings = {term: [] for term in df}
    log, sqrt, mul = math.log, math.sqrt, operator.mul
    vectors: list[dict[str, float]] = []
    for index, counts in enumerate(counted):
        weights = [idf[t] if c == 1 else (1 + log(c)) * idf[t] for t, c in counts.items()]
        norm = sqrt(sum(map(mul, weights, weights))) or 1.0
        normed = [w / norm for w in weights]
        vectors.append(dict(zip(counts, normed, strict=True)))
        for term, weight in zip(counts, normed, strict=True):
            postings[term].append((index, weight))
    return vectors, idf, postings


def directed_sums(
    vectors: Sequence[dict[str, float]], postings: Postings
) -> tuple[list[float], list[float]]:
    """For each unit, Σ sim(i, j) over later j and over earlier j, in one pass per term."""
    forward = [0.0] * len(vectors)
    backward = [0.0] * len(vectors)
    for plist in postings.values():
        if len(plist) == 1:  # a term of one unit: no similarity, adds 0.0 both ways
            continue
        total = sum([weight for _, weight in plist])
        before = 0.0
        for index, weight in plist:
            backward[index] += weight * before
            before += weight
            forward[index] += weight * (total - before)
    return forward, backward


def _scaled(values: list[float]) -> list[float]:
    top = max(values, default=0.0)
    return [v / top for v in values] if top > 0 else [0.0] * len(values)


def _cut_short(units: Sequence[Unit]) -> list[bool]:
    """For each unit, whether the next sentence of the same block is its tail (see
    standalone)."""
    result = [False] * len(units)
    for i in range(len(units) - 1):
        unit, after = units[i], units[i + 1]
        if (
            after.order == unit.order + 1
            and after.block == unit.block
            and after.section == unit.section
            and starts_mid_sentence(after.text)
        ):
            result[i] = True
    return result


def gather(units: Sequence[Unit], title: Sequence[str], language: str = "en") -> Evidence:
    """Everything the scorer needs about ``units``, given the title's stemmed terms and the
    language code (for the standalone rules)."""
    counted = [term_counts(unit.terms) for unit in units]
    vectors, idf, postings = weighted(counted)
    forward, backward = directed_sums(vectors, postings)
    unknown = math.log(len(units) + 1)
    title_weights = {t: idf.get(t, unknown) for t in dict.fromkeys(title)}  # ordered: same sums
    title_total = sum(title_weights.values())
    if title_total:
        title_share = [
            sum([w for t, w in title_weights.items() if t in counts]) / title_total
            for counts in counted
        ]
    else:
        title_share = [0.0] * len(units)
    sections = [unit.section for unit in units]
    section_rank: list[int] = []
    seen: dict[int, int] = {}
    for section in sections:
        rank = seen.get(section, 0)
        section_rank.append(rank)
        seen[section] = rank + 1
    cut = _cut_short(units)
    return Evidence(
        vectors=vectors,
        postings=postings,
        forward=_scaled(forward),
        backward=_scaled(backward),
        title=title_share,
        sections=sections,
        rank=list(range(len(units))),
        section_rank=section_rank,
        words=[len(unit.words) for unit in units],
        readings=[
            reading(unit.text, cut[i], language, opens=unit.order == 1)
            for i, unit in enumerate(units)
        ],
        follows=[
            i > 0 and units[i - 1].section == unit.section and units[i - 1].order == unit.order - 1
            for i, unit in enumerate(units)
        ],
    )
