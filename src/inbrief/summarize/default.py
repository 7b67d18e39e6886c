"""inbrief's default summarizer: the gist, the takeaways and the section gists of an article.

- The *opening picks* are the best two sentences by the gist score (position-aware
  centrality, title overlap, length and standalone priors, tuned on the publishers' own
  descriptions; see :mod:`inbrief.summarize.scoring`), chosen with redundancy control. They
  are what a one- or two-sentence summary returns, and the gist is drawn from them.
- Further *takeaways* are scored by the same formula with less weight on position, plus the
  learned scorer's probability that a person would put the sentence in a summary
  (:mod:`inbrief.summarize.learned`, trained on news summaries written by people, over
  :mod:`inbrief.summarize.features`). They are chosen so that they spread over the article's
  sections (and stretches of long ones) in proportion to their length (:func:`parts`) and
  never say the same thing twice
  (:mod:`inbrief.summarize.selection`). The sum of the probabilities sets the summary's
  length when the user asks for none.
- Only sentences that read on their own are eligible: no pronoun or connective opening ("He
  said", "But"), no quotation fragment, no heading or label. Captions, bylines, datelines and
  quotes never reach this far (:mod:`inbrief.summarize.units`).
- Section gists keep the hand-tuned score of :mod:`inbrief.summarize.scoring`, with positions
  counted from each section's start.
"""

from __future__ import annotations

from collections.abc import Sequence

from inbrief.summarize.centrality import Evidence
from inbrief.summarize.scoring import ScoreParams, scores
from inbrief.summarize.selection import SelectParams, best_in, select

#: A gist takes a second sentence only while the two stay within this many words.
GIST_WORDS = 45
#: How many of the picks are *opening* picks (chosen without spreading over parts).
OPENING = 2
GIST_PARAMS = ScoreParams()
#: Takeaways after the opening two lean less on position (they should cover the piece, not
#: repeat its opening) and accept longer sentences (a takeaway may carry detail).
TAKEAWAY_PARAMS = ScoreParams(position_weight=0.5, long_words=30)
#: Weight of the learned probability (scaled to the article's best) beside the takeaway
#: score (scaled likewise); ``benchmarks/summary_train.py`` prints the figures for 0, this
#: and larger weights, in-sample, leave-one-task-out and 2-fold.
LEARNED_WEIGHT = 0.5


def eligible(evidence: Evidence, count: int) -> list[int]:
    """Units that read on their own; all units when too few do (a takeaway is still due)."""
    standalone = [i for i, seen in enumerate(evidence.readings) if seen.stands_alone]
    return standalone if len(standalone) >= count else list(range(len(evidence.readings)))


def opening_scores(evidence: Evidence) -> list[float]:
    """The gist score of every unit (:mod:`inbrief.summarize.scoring`, tuned on the gist
    pages): what the opening picks are chosen by."""
    return scores(evidence, GIST_PARAMS)


def takeaway_scores(
    evidence: Evidence, learned: Sequence[float], weight: float = LEARNED_WEIGHT
) -> list[float]:
    """The takeaway score plus ``weight`` times the learned probability, each scaled to the
    article's best.

    Only in an article without headings: the scorer learned from such articles (every
    training story is one run of paragraphs) and knows nothing of sections, so with headings
    it would pull the takeaways back to the opening section.
    """
    hand = scores(evidence, TAKEAWAY_PARAMS)
    if len(set(evidence.sections)) > 1:
        weight = 0.0
    top_hand = max(hand, default=0.0) or 1.0
    top_learned = max(learned, default=0.0) or 1.0
    return [h / top_hand + weight * p / top_learned for h, p in zip(hand, learned, strict=True)]


def choose(
    evidence: Evidence,
    opening: Sequence[float],
    takeaway: Sequence[float],
    count: int,
    params: SelectParams | None = None,
) -> list[int]:
    """``count`` units: the opening picks by ``opening``, then picks by ``takeaway`` spread
    over the sections; in the order picked (the gist is drawn from the first two)."""
    size = min(OPENING, count)
    first = select(opening, evidence, size, candidates=eligible(evidence, size), params=params)
    if count <= len(first):
        return first
    return select(
        takeaway,
        evidence,
        count - len(first),
        candidates=eligible(evidence, count),
        chosen=first,
        parts=parts(evidence, count),
        params=params,
    )


def parts(evidence: Evidence, count: int) -> list[int]:
    """Each unit's *part* of the article, for spreading ``count`` takeaways over it.

    In an article with headings a part is a section, or a stretch of one: a section holding
    more than one takeaway's worth of words is cut into that many stretches of about equal
    words, so one long section does not take every pick. An article without headings is one
    part: the news summaries people wrote (``benchmarks/summaries.py``) keep its opening
    rather than a pick from each third (cutting stretches there cost 1.3 ROUGE-1 on cnndm).
    """
    if len(set(evidence.sections)) < 2:
        return list(evidence.sections)
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


def gist(picks: Sequence[int], evidence: Evidence) -> list[int]:
    """The first pick, and the second too when both together stay short; in document order."""
    if len(picks) > 1 and sum(evidence.words[i] for i in picks[:2]) <= GIST_WORDS:
        return sorted(picks[:2])
    return list(picks[:1])


def section_gists(evidence: Evidence, params: ScoreParams = GIST_PARAMS) -> dict[int, int]:
    """Section -> its best sentence, with position counted from the section's start."""
    ranked = scores(evidence, params, ranks=evidence.section_rank)
    members: dict[int, list[int]] = {}
    for i, section in enumerate(evidence.sections):
        members.setdefault(section, []).append(i)
    return {
        section: best_in(
            ranked, [i for i in indexes if evidence.readings[i].stands_alone] or indexes
        )
        for section, indexes in members.items()
    }
