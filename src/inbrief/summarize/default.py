"""inbrief's default summarizer: the gist, the takeaways and the section gists of an article.

- The *opening picks* are the best two sentences by the gist score (position-aware
  centrality, title overlap, length and standalone priors, tuned on the publishers' own
  descriptions; see :mod:`inbrief.summarize.scoring`), chosen with redundancy control. They
  are what a one- or two-sentence summary returns, and the gist is drawn from them.
- Further *takeaways* depend on how much of the article the summary keeps. A *brief*
  summary (fewer than four sentences, less than a third of the article's, or an article
  with headings) takes them by the same formula (with headings, with less weight on
  position, so that they cover the sections). Without headings, a brief summary of more
  than two sentences is the article's opening sentences unless its picks beat them clearly
  (:func:`lead_unless_beaten`): the people who wrote CNN/DailyMail's highlights took them
  from the opening, and where the scores are unsure the plain lead is the safer summary. A
  *condensed* one (four sentences or more, and a third of the article's or
  more) takes all its sentences by TextRank's PageRank (:func:`takeaway_scores`), which
  favours long, central sentences over the opening; its gist is the best of them by the
  gist score that reads on its own (forcing the gist score's own pick in first cost 0.3
  ROUGE-1 on bbc, in-sample and held out). Takeaways spread over the article's sections
  (and stretches of long ones) in proportion to their length (:func:`parts`) and never say
  the same thing twice (:mod:`inbrief.summarize.selection`). When the user asks for no
  length, the learned scorer's expected count of picks sets it
  (:mod:`inbrief.summarize.learned`, trained on news summaries written by people).
- The opening picks read on their own: no pronoun or connective opening ("He said", "But"),
  no quotation fragment, no heading or label. A brief summary's later takeaway may lean on
  the sentence right before it when that sentence is picked too (the two read together, in
  document order); a condensed summary, which reads as a shortened article, takes any
  sentence but a heading. Captions, bylines, datelines and quotes never
  reach this far (:mod:`inbrief.summarize.units`).
- Section gists keep the hand-tuned score of :mod:`inbrief.summarize.scoring`, with positions
  counted from each section's start.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import islice

from inbrief.summarize.centrality import Evidence
from inbrief.summarize.features import kept_fraction, text_rank
from inbrief.summarize.scoring import ScoreParams, scores
from inbrief.summarize.selection import SelectParams, best_in, select

#: A gist takes a second sentence only while the two stay within this many words.
GIST_WORDS = 45
#: How many of a brief summary's picks are *opening* picks (chosen without spreading over
#: parts).
OPENING = 2
GIST_PARAMS = ScoreParams()
#: In an article with headings takeaways should cover the piece, not repeat its opening:
#: they lean less on position (0.5, as in 0.1.0) and spread over the sections.
SECTIONED_PARAMS = ScoreParams(position_weight=0.5, long_words=30)
#: A summary of at least :data:`CONDENSED_COUNT` sentences keeping at least this share of
#: the article's sentences is *condensed*: its takeaways come from the learned scorer. People
#: who keep 40% of a story pick its long, central sentences wherever they are; people who
#: write three highlights take them from the opening.
CONDENSED = 1 / 3
#: A summary of fewer sentences is a digest (a gist and up to two takeaways), never condensed.
CONDENSED_COUNT = 4
#: A brief summary of more than :data:`OPENING` sentences, in an article without headings,
#: is the article's opening sentences unless its picks' total gist score beats theirs by
#: more than this share (:func:`lead_unless_beaten`). Fitted by ``benchmarks.summary_train``
#: (best ROUGE-1 over three-sentence summaries of every dev story, each task weighing the same).
LEAD_MARGIN = 0.1


def is_condensed(evidence: Evidence, count: int) -> bool:
    """Whether a ``count``-sentence summary is condensed (see :data:`CONDENSED` and
    :data:`CONDENSED_COUNT`).

    Only in an article without headings: the scorer learned from such articles (every
    training story is one run of paragraphs) and knows nothing of sections, so with headings
    it would pull the takeaways back to the opening section.
    """
    return (
        len(set(evidence.sections)) < 2
        and count >= CONDENSED_COUNT
        and kept_fraction(count, len(evidence.words)) >= CONDENSED
    )


def eligible(evidence: Evidence, count: int) -> list[int]:
    """Units that read on their own; all units when too few do (a takeaway is still due)."""
    standalone = [i for i, seen in enumerate(evidence.readings) if seen.stands_alone]
    return standalone if len(standalone) >= count else list(range(len(evidence.readings)))


def admission(evidence: Evidence, condensed: bool) -> Callable[[int, Sequence[int]], bool]:
    """Which takeaway may follow the picks so far (see the module docstring)."""

    def admits(i: int, picks: Sequence[int]) -> bool:
        seen = evidence.readings[i]
        if seen.stands_alone:
            return True
        if condensed:
            return not seen.heading
        leans_on_pick = seen.leans and evidence.follows[i] and i - 1 in picks
        return leans_on_pick and not (seen.fragment or seen.heading)

    return admits


def opening_scores(evidence: Evidence) -> list[float]:
    """The gist score of every unit (:mod:`inbrief.summarize.scoring`, tuned on the gist
    pages): what the opening picks are chosen by."""
    return scores(evidence, GIST_PARAMS)


def takeaway_scores(evidence: Evidence, count: int) -> list[float]:
    """What a ``count``-sentence summary's takeaways after the opening are chosen by:
    TextRank's PageRank (:func:`~inbrief.summarize.features.text_rank`) when it is condensed,
    else the hand-tuned score (:data:`SECTIONED_PARAMS` with headings, the gist score
    without: a brief summary's lean on the opening comes from :func:`lead_unless_beaten`).

    A condensed summary keeps the sentences the rest of the article leans on. The learned
    scorer chose them a little better on news written like its training stories (bbc's
    held-out halves: 80.5 / 73.4 / 49.3 against 80.2 / 73.0 / 49.7) but far worse on a style
    it was not trained on (bbc left out of training: 68.9 / 57.4 / 42.5), below sumy's
    TextRank (78.5); the PageRank has nothing fitted to go wrong."""
    if len(set(evidence.sections)) > 1:
        return scores(evidence, SECTIONED_PARAMS)
    if not is_condensed(evidence, count):
        return scores(evidence, GIST_PARAMS)
    return text_rank(evidence)


def choose(
    evidence: Evidence,
    opening: Sequence[float],
    takeaway: Sequence[float],
    count: int,
    params: SelectParams | None = None,
) -> list[int]:
    """``count`` units: the opening picks by ``opening``, then picks by ``takeaway`` spread
    over the sections; in the order picked (the gist is drawn from the first two). A
    condensed summary has no opening pick: all its picks come by ``takeaway``, and the one
    with the best ``opening`` score among those that read on their own comes first (it is
    the gist)."""
    condensed = is_condensed(evidence, count)
    size = 0 if condensed else min(OPENING, count)
    first = select(opening, evidence, size, candidates=eligible(evidence, size), params=params)
    if count <= len(first):
        return first
    admits = admission(evidence, condensed)
    everything = range(len(evidence.words))
    # Whether at least ``count`` units are admitted at all (counting stops there).
    admitted = sum(1 for _ in islice(filter(lambda i: admits(i, everything), everything), count))
    picks = select(
        takeaway,
        evidence,
        count - len(first),
        chosen=first,
        parts=parts(evidence, count),
        params=params,
        admits=admits if admitted >= count else None,
    )
    if condensed:
        return gist_first(picks, opening, evidence)
    return lead_unless_beaten(evidence, takeaway, picks)


def lead(evidence: Evidence, count: int) -> list[int] | None:
    """The first ``count`` units, in document order, that make a brief summary by its own
    rules: the first reads on its own, each later one reads on its own or right after the one
    before it (None when the article has too few)."""
    admits = admission(evidence, condensed=False)
    opening: list[int] = []
    for i, seen in enumerate(evidence.readings):
        if len(opening) == count:
            break
        if seen.opens_alone if not opening else admits(i, opening):
            opening.append(i)
    return opening if len(opening) == count else None


def lead_unless_beaten(
    evidence: Evidence, takeaway: Sequence[float], picks: Sequence[int]
) -> list[int]:
    """A brief summary's ``picks``, or the article's opening sentences (:func:`lead`) unless
    the picks' total ``takeaway`` score beats theirs by more than :data:`LEAD_MARGIN` of it.

    The people who wrote three highlights of a news story took them from its opening; the
    scores prefer another sentence often on evidence too thin to show. Where the picks are
    not clearly better, the plain lead is the safer summary. Only with more picks than
    :data:`OPENING` and in an article without headings (whose takeaways cover the sections).
    """
    if len(picks) <= OPENING or len(set(evidence.sections)) > 1:
        return list(picks)
    opening = lead(evidence, len(picks))
    if opening is None or sorted(picks) == opening:
        return list(picks)
    theirs = sum(takeaway[i] for i in opening)
    gain = sum(takeaway[i] for i in picks) - theirs
    return list(picks) if gain > LEAD_MARGIN * theirs else opening


def gist_first(picks: Sequence[int], opening: Sequence[float], evidence: Evidence) -> list[int]:
    """``picks`` with the gist sentence first: the best by ``opening`` of those that read on
    their own (of all picks when none does)."""
    alone = [i for i in picks if evidence.readings[i].stands_alone] or list(picks)
    if not alone:
        return list(picks)
    lead = best_in(opening, alone)
    return [lead, *(i for i in picks if i != lead)]


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
    """The first pick, and the second too when both together stay short and the second reads
    on its own or right after the first ("It took $19m..." after the film it names); in
    document order. (A condensed summary's second pick may lean on a sentence it lacks.)"""
    if len(picks) > 1 and sum(evidence.words[i] for i in picks[:2]) <= GIST_WORDS:
        first, second = picks[:2]
        if evidence.readings[second].stands_alone or (
            second == first + 1 and evidence.follows[second]
        ):
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
