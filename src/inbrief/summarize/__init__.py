"""Summarize an :class:`~inbrief.model.Article`: its gist, key takeaways and section gists.

The default algorithm is :mod:`inbrief.summarize.default`; sumy's algorithms (and Lead) stay
selectable by name and choose from the same candidate sentences. Takeaways come back in
document order.
"""

from __future__ import annotations

from dataclasses import dataclass

from inbrief.errors import InbriefError
from inbrief.model import Article, Summary, Takeaway
from inbrief.nlp.language import resolve_language
from inbrief.summarize import default
from inbrief.summarize.centrality import gather
from inbrief.summarize.registry import ALGORITHMS, DEFAULT_ALGORITHM, RANKERS, Request
from inbrief.summarize.units import sentence_units, title_terms

#: Every algorithm name the CLI and the TUI accept, the default first (from the registry).
__all__ = ["ALGORITHMS", "DEFAULT_ALGORITHM", "SummaryOptions", "summarize"]


@dataclass(frozen=True, slots=True)
class SummaryOptions:
    algorithm: str = DEFAULT_ALGORITHM
    #: Number of sentences; None (and no ``ratio``) lets the algorithm decide: the default's
    #: learned length, :func:`default_count` for the others.
    sentences: int | None = None
    ratio: float | None = None
    #: Forced language code (``--language``); None uses the article's own.
    language: str | None = None


def default_count(word_count: int) -> int:
    """3 takeaways for a short piece, one more each time the length doubles, at most 8."""
    count, limit = 3, 400
    while word_count > limit and count < 8:
        count, limit = count + 1, limit * 2
    return count


def sentence_count(options: SummaryOptions, candidates: int) -> int | None:
    """The user's ``-n`` or ``-r``; None when neither is given (the algorithm decides)."""
    if options.sentences is not None:
        return max(1, options.sentences)
    if options.ratio is not None:
        return max(1, round(options.ratio * candidates))
    return None


def summarize(
    article: Article, options: SummaryOptions | None = None, warnings: list[str] | None = None
) -> Summary:
    """The article's key sentences under ``options``; warnings (if any) are appended."""
    options = options or SummaryOptions()
    if options.algorithm not in ALGORITHMS:
        raise InbriefError(
            f"unknown algorithm '{options.algorithm}' (choose from {', '.join(ALGORITHMS)})"
        )
    language, warning = resolve_language(article.language, options.language)
    if warning and warnings is not None:
        warnings.append(warning)
    units = sentence_units(article, language)
    title = title_terms(article, language)
    evidence = gather(units, title, language.code)
    request = Request(
        units,
        title,
        language,
        evidence,
        sentence_count(options, len(units)),
        default_count(article.word_count),
    )
    chosen, gist = RANKERS[options.algorithm](request) if units else ([], [])

    def takeaway(i: int) -> Takeaway:
        unit = units[i]
        return Takeaway(
            unit.text, unit.section, unit.block, unit.index, unit.item, unit.start, unit.end
        )

    # --sentences N means N sentences in all, the gist among them (so -n 1 is the gist alone).
    gist = [i for i in gist if i in chosen]
    return Summary(
        algorithm=options.algorithm,
        language=language.code,
        takeaways=[takeaway(i) for i in chosen],
        gist=[takeaway(i) for i in gist],
        section_gists={s: takeaway(i) for s, i in default.section_gists(evidence).items()},
    )
