"""Summarize an :class:`~inbrief.model.Article`: its gist, key takeaways and section gists.

The default algorithm is :mod:`inbrief.summarize.default`; sumy's algorithms (and Lead) stay
selectable by name and choose from the same candidate sentences. Takeaways come back in
document order.
"""

from __future__ import annotations

from dataclasses import dataclass

from inbrief.errors import InbriefError
from inbrief.model import Article, Summary, Takeaway
from inbrief.nlp.language import Language, resolve_language
from inbrief.summarize import default
from inbrief.summarize.centrality import gather
from inbrief.summarize.units import Unit, sentence_units, title_terms

DEFAULT_ALGORITHM = "inbrief"
#: Every algorithm name the CLI and the TUI accept, the default first.
ALGORITHMS = (
    DEFAULT_ALGORITHM, "lexrank", "textrank", "lsa", "luhn", "kl", "sumbasic", "edmundson",
    "reduction", "lead",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class SummaryOptions:
    algorithm: str = DEFAULT_ALGORITHM
    #: Number of sentences; None means :func:`default_count` (or ``ratio`` when given).
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


def sentence_count(options: SummaryOptions, candidates: int, word_count: int) -> int:
    if options.sentences is not None:
        return max(1, options.sentences)
    if options.ratio is not None:
        return max(1, round(options.ratio * candidates))
    return default_count(word_count)


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
    count = sentence_count(options, len(units), article.word_count)
    title = title_terms(article, language)
    evidence = gather(units, title, language.code)

    def takeaway(i: int) -> Takeaway:
        return Takeaway(units[i].text, units[i].section, units[i].block, units[i].index)

    if options.algorithm == DEFAULT_ALGORITHM:
        first = default.opening(evidence)
        chosen = default.takeaways(evidence, first, count)
        gist = default.gist(first, evidence)
    else:
        chosen, gist = _rank(options.algorithm, language, units, title, count)
    # --sentences N means N sentences in all, the gist among them (so -n 1 is the gist alone).
    gist = [i for i in gist if i in chosen]
    return Summary(
        algorithm=options.algorithm,
        language=language.code,
        takeaways=[takeaway(i) for i in chosen],
        gist=[takeaway(i) for i in gist],
        section_gists={s: takeaway(i) for s, i in default.section_gists(evidence).items()},
    )


def _rank(
    name: str, language: Language, units: list[Unit], title: tuple[str, ...], count: int
) -> tuple[list[int], list[int]]:
    """A non-default algorithm's ``count`` units in document order, and its single best one
    (the gist), from one run of the algorithm."""
    if not units:
        return [], []
    if name == "lead":
        return list(range(min(count, len(units)))), [0]
    from inbrief.summarize.sumy_bridge import rank_with_sumy

    chosen, ranking = rank_with_sumy(name, units, title, min(count, len(units)), language)
    return chosen, ranking[:1]
