"""inbrief's default summarizer: the gist, the takeaways and the section gists of an article.

- The *opening picks* are the best two sentences by the gist score (position-aware
  centrality, title overlap, length and standalone priors; see
  :mod:`inbrief.summarize.scoring`), chosen with redundancy control. They are what a
  two-sentence summary returns, and the gist is drawn from them.
- Further *takeaways* are scored with less weight on position and more room for detail, and
  chosen so that they spread over the article's parts (sections, and stretches of long ones)
  in proportion to their length and never say the same thing twice
  (:mod:`inbrief.summarize.selection`).
- Only sentences that read on their own are eligible: no pronoun or connective opening ("He
  said", "But"), no quotation fragment, no heading or label. Captions, bylines, datelines and
  quotes never reach this far (:mod:`inbrief.summarize.units`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from inbrief.summarize.centrality import Evidence
from inbrief.summarize.scoring import ScoreParams, scores
from inbrief.summarize.selection import SelectParams, best_in, select

#: A gist takes a second sentence only while the two stay within this many words.
GIST_WORDS = 45


@dataclass(frozen=True, slots=True)
class DefaultParams:
    """Tuned on the gist benchmark (``benchmarks/gist_tune.py``) and the seed article.

    Takeaways after the opening two lean less on position (they should cover the piece, not
    repeat its opening) and accept longer sentences (a takeaway may carry detail; a gist
    should be short).
    """

    gist: ScoreParams = field(default_factory=ScoreParams)
    takeaway: ScoreParams = field(
        default_factory=lambda: ScoreParams(position_weight=0.5, long_words=30)
    )
    select: SelectParams = field(default_factory=SelectParams)


DEFAULT_PARAMS = DefaultParams()


def eligible(evidence: Evidence, count: int) -> list[int]:
    """Units that read on their own; all units when too few do (a takeaway is still due)."""
    standalone = [i for i, seen in enumerate(evidence.readings) if seen.stands_alone]
    return standalone if len(standalone) >= count else list(range(len(evidence.readings)))


def opening(evidence: Evidence, params: DefaultParams = DEFAULT_PARAMS) -> list[int]:
    """The best two sentences by the gist score, in the order picked."""
    ranked = scores(evidence, params.gist)
    pool = eligible(evidence, 2)
    return select(ranked, evidence, 2, candidates=pool, params=params.select)


def takeaways(
    evidence: Evidence,
    first: Sequence[int],
    count: int,
    params: DefaultParams = DEFAULT_PARAMS,
) -> list[int]:
    """``first`` (the opening picks), then picks spread over the parts; in document order."""
    if count <= len(first):
        return sorted(first[:count])
    ranked = scores(evidence, params.takeaway)
    picks = select(
        ranked,
        evidence,
        count - len(first),
        candidates=eligible(evidence, count),
        chosen=first,
        parts=parts(evidence, count),
        params=params.select,
    )
    return sorted(picks)


def parts(evidence: Evidence, count: int) -> list[int]:
    """Each unit's *part* of the article, for spreading ``count`` takeaways over it.

    A part is a section, or a stretch of one: a section holding more than one takeaway's
    worth of words is cut into that many stretches of about equal words, so a long piece
    without headings is covered from start to end rather than from its opening only.
    """
    section_words: dict[int, int] = {}
    for section, words in zip(evidence.sections, evidence.words, strict=True):
        section_words[section] = section_words.get(section, 0) + words
    total = sum(section_words.values()) or 1
    seen: dict[int, int] = {}
    labels: dict[tuple[int, int], int] = {}
    result: list[int] = []
    for section, words in zip(evidence.sections, evidence.words, strict=True):
        size = section_words[section]
        stretches = max(1, round(count * size / total))
        before = seen.get(section, 0)
        seen[section] = before + words
        key = (section, min(stretches - 1, before * stretches // size))
        result.append(labels.setdefault(key, len(labels)))
    return result


def gist(first: Sequence[int], evidence: Evidence) -> list[int]:
    """The first opening pick, and the second too when both together stay short."""
    if len(first) > 1 and sum(evidence.words[i] for i in first[:2]) <= GIST_WORDS:
        return sorted(first[:2])
    return list(first[:1])


def section_gists(evidence: Evidence, params: DefaultParams = DEFAULT_PARAMS) -> dict[int, int]:
    """Section -> its best sentence, with position counted from the section's start."""
    ranked = scores(evidence, params.gist, ranks=evidence.section_rank)
    members: dict[int, list[int]] = {}
    for i, section in enumerate(evidence.sections):
        members.setdefault(section, []).append(i)
    return {
        section: best_in(
            ranked, [i for i in indexes if evidence.readings[i].stands_alone] or indexes
        )
        for section, indexes in members.items()
    }
