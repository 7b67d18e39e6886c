"""Choosing sentences from scores: redundancy control and spread over the article.

Selection is greedy maximal marginal relevance: each pick maximises
``score × (1 - redundancy × closest)`` where ``closest`` is the candidate's highest cosine
similarity to a sentence already chosen, so two picks never say the same thing (a near
duplicate, similarity >= ``duplicate``, keeps 1% of its gain: in practice it is taken only
when nothing else is left; a sentence with the very terms of a pick, similarity 1, is never
taken: a page that repeats a line gives it once). Because the gain never exceeds the score,
candidates are visited best score first and the search stops as soon as no remaining score
can beat the best gain: a pick costs a handful of similarity computations even on a
book-length text.

Takeaways also spread over the parts of the article that carry weight (sections, or stretches
of long sections; see :func:`inbrief.summarize.default.parts`): each part may hold its share
of the picks (by words, at least one) before further picks from it are discounted by
``crowding``. All choices are deterministic: ties go to the earlier sentence.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from inbrief.summarize.centrality import Evidence


@dataclass(frozen=True, slots=True)
class SelectParams:
    redundancy: float = 0.7
    #: Similarity at or above which a candidate counts as saying the same thing again.
    duplicate: float = 0.6
    #: Factor for a pick from a part that already holds its share of the picks.
    crowding: float = 0.5
    #: Similarity at or above which a candidate is the same sentence again (the very terms
    #: of a pick: 1 up to rounding); it is never picked.
    same: float = 0.9999


def select(
    scores: Sequence[float],
    evidence: Evidence,
    count: int,
    *,
    candidates: Sequence[int] | None = None,
    chosen: Sequence[int] = (),
    parts: Sequence[int] | None = None,
    params: SelectParams | None = None,
    admits: Callable[[int, Sequence[int]], bool] | None = None,
) -> list[int]:
    """Pick ``count`` more indexes after ``chosen``; returns all picks in the order made.

    With ``parts`` (a part label for every unit), picks are spread over the parts in
    proportion to their words. ``admits(i, picks)``, when given, says whether candidate ``i``
    may be picked after ``picks`` (e.g. a sentence that needs its predecessor beside it);
    one it refuses stays a candidate for the picks that follow.
    """
    params = params or SelectParams()
    pool = range(len(scores)) if candidates is None else candidates
    # Best score first, ties in index order (a stable sort of the ascending indexes).
    order = sorted(sorted(set(pool) - set(chosen)), key=scores.__getitem__, reverse=True)
    picks = list(chosen)
    closest = dict.fromkeys(order, 0.0)
    compared = dict.fromkeys(order, 0)
    allowed = _shares(evidence, parts, len(picks) + count) if parts else {}
    held: Counter[int] = Counter(parts[i] for i in picks) if parts else Counter()
    for _ in range(count):
        best, best_gain = -1, -1.0
        for i in order:
            if scores[i] < best_gain:
                break
            if admits is not None and not admits(i, picks):
                continue
            for j in picks[compared[i] :]:
                closest[i] = max(closest[i], evidence.similarity(i, j))
            compared[i] = len(picks)
            if closest[i] >= params.same:
                continue
            gain = scores[i] * (1 - params.redundancy * min(1.0, closest[i]))
            if closest[i] >= params.duplicate:
                gain *= 0.01
            if parts and held[parts[i]] >= allowed[parts[i]]:
                gain *= params.crowding
            if gain > best_gain or (gain == best_gain and i < best):
                best, best_gain = i, gain
        if best < 0:
            break
        picks.append(best)
        order.remove(best)
        if parts:
            held[parts[best]] += 1
    return picks


def _shares(evidence: Evidence, parts: Sequence[int], total: int) -> dict[int, int]:
    """Part -> how many of ``total`` picks it may hold before crowding: its share by words."""
    words: Counter[int] = Counter()
    for part, count in zip(parts, evidence.words, strict=True):
        words[part] += count
    all_words = sum(words.values()) or 1
    return {s: max(1, round(total * w / all_words)) for s, w in words.items()}


def best_in(scores: Sequence[float], members: Sequence[int]) -> int:
    """The highest-scoring of ``members`` (the earliest on a tie)."""
    return min(members, key=lambda i: (-scores[i], i))
