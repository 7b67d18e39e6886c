"""How much each sentence deserves a place in a summary: one number per sentence.

The score adds three kinds of evidence, each on a 0..1 scale, and then discounts sentences a
reader could not use on their own::

    score = standalone × length × (centrality + title_weight × title + position_weight × position)

- *centrality*: directed centrality (support from later sentences plus ``backward`` times
  support from earlier ones), see :mod:`inbrief.summarize.centrality`;
- *title*: the share of the title's IDF weight the sentence repeats: headlines say what the
  piece is about;
- *position*: ``exp(-rank / position_decay)``: news and most web writing put the point first;
- *length*: sentences much shorter than a statement ("Read on.") or long enough to be a run-on
  list are discounted smoothly rather than excluded;
- *standalone*: a sentence opening with a pronoun or connective ("He said", "But"), a dangling
  quotation, a question, or a line without closing punctuation (a heading or a label that
  slipped into the body) is discounted: a takeaway must read on its own.

The parameters were fitted on the development benchmark (``benchmarks/gist_tune.py``) with a
preference for few, round values; the module docstring of that script says how.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from inbrief.summarize.centrality import Evidence
from inbrief.summarize.units import Unit


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


_DEPENDENT_START = re.compile(
    r"^(he|she|they|them|it|its|his|her|their|but|and|or|nor|so|also|however|yet|still|then|"
    r"instead|meanwhile|moreover|furthermore|therefore|thus|hence|there|here|such|both|"
    r"another|others|which|who|whom|whose|while|although|though|because|besides|otherwise|"
    r"likewise|similarly|indeed|plus|except)\b",
    re.IGNORECASE,
)
#: "This comes after...", "That is why...": a demonstrative standing for something said
#: before. "This year..." or "These drugs..." (a demonstrative before a noun) is fine.
_DEMONSTRATIVE_PRONOUN = re.compile(
    r"^(this|that|these|those)(\s*[,.;:!?—–-]|\s+(is|isn't|was|wasn't|are|aren't|were|"
    r"weren't|has|have|had|will|would|could|can|may|might|should|must|does|doesn't|did|"
    r"didn't|means|meant|comes|came|makes|made|led|leads|shows|showed|includes|included|"
    r"follows|followed|suggests|suggested|happened|happens|goes|went|gives|gave|puts|put|"
    r"said|says|remains|seems|seemed|also|just|all|only|one)\b)",
    re.IGNORECASE,
)
#: A line without closing punctuation is a heading or a label when it is this short.
HEADING_WORDS = 12
_OPEN_QUOTES = "\"“‘«'"
_CLOSE_QUOTES = "\"”’»'"
_TERMINAL = (".", "!", "?", "…")


def leans_on_context(text: str) -> bool:
    """True for a sentence opening with a pronoun or connective ("He said...", "But ...")."""
    start = text.lstrip(_OPEN_QUOTES + "([ ")
    return bool(_DEPENDENT_START.match(start) or _DEMONSTRATIVE_PRONOUN.match(start))


def unbalanced_quote(text: str) -> bool:
    """True for a fragment of a quotation that opens or closes in another sentence."""
    return text.count('"') % 2 == 1 or text.count("“") != text.count("”")


def looks_like_heading(text: str) -> bool:
    """True for a heading, a label or a line introducing a list ("Ingredients:").

    Web text often drops the full stop after a paragraph's last sentence, so only a short
    line without closing punctuation (or one ending in a colon) counts.
    """
    end = text.rstrip(_CLOSE_QUOTES + ")] ")
    if end.endswith(":"):
        return True
    return not end.endswith(_TERMINAL) and len(text.split()) < HEADING_WORDS


def stands_alone(text: str) -> bool:
    """True for a sentence a reader can take as a statement on its own (a takeaway)."""
    return not (leans_on_context(text) or unbalanced_quote(text) or looks_like_heading(text))


def standalone_factor(text: str, dependent: float = 0.5) -> float:
    """1.0 for a sentence that reads on its own, lower for one that leans on its context."""
    factor = 1.0
    if leans_on_context(text):
        factor *= dependent
    if unbalanced_quote(text):
        factor *= 0.6
    if looks_like_heading(text):
        factor *= 0.5
    elif text.rstrip(_CLOSE_QUOTES + ")] ").endswith("?"):
        factor *= 0.7
    return factor


def length_factor(words: int, params: ScoreParams) -> float:
    """1.0 for ordinary sentences, shrinking for very short and very long ones."""
    if words < params.short_words:
        return words / params.short_words
    if words > params.long_words:
        return math.sqrt(params.long_words / words)
    return 1.0


def scores(
    units: Sequence[Unit],
    evidence: Evidence,
    params: ScoreParams,
    ranks: Sequence[int] | None = None,
) -> list[float]:
    """One non-negative score per unit (see the module docstring for the formula).

    ``ranks`` replaces the positions in the article, e.g. by positions within each section.
    """
    ranks = evidence.rank if ranks is None else ranks
    central = [
        max(0.0, f + params.backward * b)
        for f, b in zip(evidence.forward, evidence.backward, strict=True)
    ]
    top = max(central, default=0.0) or 1.0
    result: list[float] = []
    for i, unit in enumerate(units):
        value = (
            central[i] / top
            + params.title_weight * evidence.title[i]
            + params.position_weight * math.exp(-ranks[i] / params.position_decay)
        )
        value *= length_factor(evidence.words[i], params)
        value *= standalone_factor(unit.text, params.dependent)
        result.append(value)
    return result
