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
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

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

    def similarity(self, i: int, j: int) -> float:
        """Cosine similarity of two units."""
        small, large = sorted((self.vectors[i], self.vectors[j]), key=len)
        return sum(w * large.get(t, 0.0) for t, w in small.items())


def tfidf_vectors(units: Sequence[Unit]) -> tuple[list[dict[str, float]], dict[str, float]]:
    """Unit-length vectors with sublinear TF and smoothed IDF; also the IDF of every term."""
    df: Counter[str] = Counter()
    for unit in units:
        df.update(set(unit.terms))
    n = len(units)
    idf = {term: math.log((n + 1) / count) for term, count in df.items()}
    vectors: list[dict[str, float]] = []
    for unit in units:
        counts = Counter(unit.terms)
        vector = {t: (1 + math.log(c)) * idf[t] for t, c in counts.items() if idf[t] > 0}
        norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
        vectors.append({t: w / norm for t, w in vector.items()})
    return vectors, idf


def directed_sums(
    vectors: Sequence[dict[str, float]], postings: Postings
) -> tuple[list[float], list[float]]:
    """For each unit, Σ sim(i, j) over later j and over earlier j, in one pass per term."""
    forward = [0.0] * len(vectors)
    backward = [0.0] * len(vectors)
    for plist in postings.values():
        total = sum(weight for _, weight in plist)
        before = 0.0
        for index, weight in plist:
            backward[index] += weight * before
            before += weight
            forward[index] += weight * (total - before)
    return forward, backward


def _scaled(values: list[float]) -> list[float]:
    top = max(values, default=0.0)
    return [v / top for v in values] if top > 0 else [0.0] * len(values)


def _cut_short(units: Sequence[Unit], i: int) -> bool:
    """True when the next sentence of the same block is this one's tail (see standalone)."""
    if i + 1 >= len(units):
        return False
    unit, after = units[i], units[i + 1]
    same_block = (after.section, after.block, after.order) == (
        unit.section,
        unit.block,
        unit.order + 1,
    )
    return same_block and starts_mid_sentence(after.text)


def gather(units: Sequence[Unit], title: Sequence[str], language: str = "en") -> Evidence:
    """Everything the scorer needs about ``units``, given the title's stemmed terms and the
    language code (for the standalone rules)."""
    vectors, idf = tfidf_vectors(units)
    postings: Postings = defaultdict(list)
    for index, vector in enumerate(vectors):
        for term, weight in vector.items():
            postings[term].append((index, weight))
    forward, backward = directed_sums(vectors, postings)
    unknown = math.log(len(units) + 1)
    title_weights = {t: idf.get(t, unknown) for t in dict.fromkeys(title)}  # ordered: same sums
    title_total = sum(title_weights.values())
    title_share = [
        sum(w for t, w in title_weights.items() if t in vector) / title_total
        if title_total
        else 0.0
        for vector in (set(unit.terms) for unit in units)
    ]
    section_rank: list[int] = []
    seen: Counter[int] = Counter()
    for unit in units:
        section_rank.append(seen[unit.section])
        seen[unit.section] += 1
    return Evidence(
        vectors=vectors,
        postings=dict(postings),
        forward=_scaled(forward),
        backward=_scaled(backward),
        title=title_share,
        sections=[unit.section for unit in units],
        rank=list(range(len(units))),
        section_rank=section_rank,
        words=[len(unit.words) for unit in units],
        readings=[
            reading(unit.text, _cut_short(units, i), language, opens=unit.order == 1)
            for i, unit in enumerate(units)
        ],
        follows=[
            i > 0 and units[i - 1].section == unit.section and units[i - 1].order == unit.order - 1
            for i, unit in enumerate(units)
        ],
    )
