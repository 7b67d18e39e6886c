"""inbrief's default summarizer: position-aware centrality with redundancy control.

Each sentence is scored by how much the rest of the article restates it, with support from
later sentences counting more than from earlier ones (directed centrality, after PacSum,
Zheng & Lapata 2019), plus its overlap with the title and a prior for early position.
Sentences that cannot stand alone (opening with a pronoun or a connective, or a dangling
quotation) are penalised. Selection is greedy with maximal marginal relevance so two
takeaways never say the same thing, and the result is returned in document order.

Similarities are computed once, sparsely, through an inverted index of TF-IDF terms, so the
cost grows with shared terms rather than with the square of the sentence count.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from inbrief.summarize.units import Unit


@dataclass(frozen=True, slots=True)
class CentralityParams:
    forward_weight: float = 1.0
    backward_weight: float = 0.3
    title_weight: float = 0.6
    position_weight: float = 0.8
    position_decay: float = 0.25
    redundancy: float = 0.7
    dependent_penalty: float = 0.5


_DEPENDENT_START = re.compile(
    r"^(he|she|they|it|its|his|her|their|this|that|these|those|but|and|or|so|also|however|"
    r"yet|still|then|instead|meanwhile|moreover|furthermore|therefore|thus|there|here|such|"
    r"both|another|other|others|which|who)\b",
    re.IGNORECASE,
)
_OPEN_QUOTES = "\"“‘«'"
_CLOSE_QUOTES = '"”’»'


def standalone_factor(text: str) -> float:
    """1.0 for a sentence that reads on its own, lower for one that leans on its context."""
    factor = 1.0
    if _DEPENDENT_START.match(text.lstrip(_OPEN_QUOTES)):
        factor *= 0.5
    if text.count('"') % 2 or text.count("“") != text.count("”"):
        factor *= 0.6  # a fragment of a quotation that runs on in another sentence
    if text.rstrip(_CLOSE_QUOTES).endswith("?"):
        factor *= 0.8
    return factor


def _tfidf(units: Sequence[Unit]) -> list[dict[str, float]]:
    df: Counter[str] = Counter()
    for unit in units:
        df.update(set(unit.terms))
    n = len(units)
    vectors: list[dict[str, float]] = []
    for unit in units:
        counts = Counter(unit.terms)
        vector = {t: (1 + math.log(c)) * math.log((n + 1) / df[t]) for t, c in counts.items()}
        norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
        vectors.append({t: w / norm for t, w in vector.items() if w > 0})
    return vectors


def _similarities(vectors: list[dict[str, float]]) -> list[dict[int, float]]:
    """Sparse cosine similarity: row i maps j -> sim(i, j) for every j sharing a term."""
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for index, vector in enumerate(vectors):
        for term, weight in vector.items():
            postings[term].append((index, weight))
    rows: list[dict[int, float]] = []
    for index, vector in enumerate(vectors):
        row: dict[int, float] = defaultdict(float)
        for term, weight in vector.items():
            for other, other_weight in postings[term]:
                if other != index:
                    row[other] += weight * other_weight
        rows.append(row)
    return rows


@dataclass(frozen=True, slots=True)
class Scored:
    """Per-sentence scores and the sparse similarity rows they came from."""

    scores: list[float]
    sims: list[dict[int, float]]


def score(
    units: Sequence[Unit], title: Sequence[str], params: CentralityParams | None = None
) -> Scored:
    """Score every unit once; :func:`select` then picks any number of them."""
    params = params or CentralityParams()
    sims = _similarities(_tfidf(units))
    centrality = []
    for i, row in enumerate(sims):
        forward = sum(s for j, s in row.items() if j > i)
        backward = sum(s for j, s in row.items() if j < i)
        centrality.append(params.forward_weight * forward + params.backward_weight * backward)
    top = max(centrality, default=0.0) or 1.0
    title_counts = Counter(title)
    scores = []
    for i, unit in enumerate(units):
        overlap = sum(min(c, title_counts[t]) for t, c in Counter(unit.terms).items())
        title_score = overlap / (len(title_counts) or 1)
        position = math.exp(-params.position_decay * i)
        value = (
            centrality[i] / top
            + params.title_weight * title_score
            + params.position_weight * position
        )
        if len(unit.words) < 8:
            value *= 0.7
        elif len(unit.words) > 60:
            value *= 0.8
        value *= standalone_factor(unit.text) if i else 1.0
        scores.append(value)
    return Scored(scores, sims)


def select(
    scored: Scored,
    count: int,
    candidates: Sequence[int] | None = None,
    redundancy: float = 0.7,
) -> list[int]:
    """Greedy maximal-marginal-relevance choice of ``count`` indexes, in document order."""
    remaining = set(range(len(scored.scores)) if candidates is None else candidates)
    chosen: list[int] = []
    while len(chosen) < count and remaining:

        def gain(i: int) -> float:
            overlap = max((scored.sims[i].get(j, 0.0) for j in chosen), default=0.0)
            return scored.scores[i] - redundancy * overlap

        best = max(remaining, key=lambda i: (gain(i), -i))
        chosen.append(best)
        remaining.discard(best)
    return sorted(chosen)


def rank(
    units: Sequence[Unit], title: Sequence[str], count: int, params: CentralityParams | None = None
) -> list[int]:
    """Indexes into ``units`` of the ``count`` chosen sentences, in document order."""
    params = params or CentralityParams()
    return select(score(units, title, params), count, redundancy=params.redundancy)
