"""sumy's algorithms over inbrief's sentences.

The units become a sumy ``ObjectDocumentModel`` (one paragraph per block) with our own
tokenizer, stemmer and stop words, so sumy never reaches for NLTK data. Importing sumy costs
about 0.3 s (its stemmer module imports NLTK), paid only when one of these is chosen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import groupby
from typing import Any

from inbrief.nlp.language import Language
from inbrief.nlp.tokens import sentence_splitter, stemmer, words
from inbrief.summarize.units import Unit

#: Algorithm name -> sumy summarizer class path.
SUMY_ALGORITHMS = {
    "lexrank": "sumy.summarizers.lex_rank:LexRankSummarizer",
    "textrank": "sumy.summarizers.text_rank:TextRankSummarizer",
    "lsa": "sumy.summarizers.lsa:LsaSummarizer",
    "luhn": "sumy.summarizers.luhn:LuhnSummarizer",
    "kl": "sumy.summarizers.kl:KLSummarizer",
    "sumbasic": "sumy.summarizers.sum_basic:SumBasicSummarizer",
    "edmundson": "sumy.summarizers.edmundson:EdmundsonSummarizer",
    "reduction": "sumy.summarizers.reduction:ReductionSummarizer",
}


class _Tokenizer:
    """The interface sumy's document model expects of a tokenizer."""

    def __init__(self, language: Language) -> None:
        self.language = language.name
        self._split = sentence_splitter(language)

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(self._split(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(words(sentence))


def _summarizer_class(name: str) -> Callable[..., Any]:
    import importlib

    module_name, _, class_name = SUMY_ALGORITHMS[name].partition(":")
    cls: Callable[..., Any] = getattr(importlib.import_module(module_name), class_name)
    return cls


def _order_lsa_terms(summarizer: Any) -> None:
    """Give sumy's LSA its term rows in sorted order rather than ``frozenset`` order.

    The row order follows the hash seed, and the SVD's floating-point results (hence near-tie
    rankings) follow the row order: without this, two processes (the reader and
    ``--summary``) could choose different sentences for the same article.
    """
    stop = frozenset(summarizer.stop_words)

    def create_dictionary(document: Any) -> dict[str, int]:
        words = map(summarizer.normalize_word, document.words)
        terms = {summarizer.stem_word(w) for w in words if w not in stop}
        return {term: row for row, term in enumerate(sorted(terms))}

    summarizer._create_dictionary = create_dictionary


class _KeepBest:
    """A sumy "count": keeps the ``n`` best-rated sentences and remembers the whole ranking.

    Every sumy summarizer ends in ``_get_best_sentences``, which hands a callable count the
    sentences sorted best first; recording that order gives the gist from the same run that
    chose the takeaways, instead of running the algorithm a second time.
    """

    def __init__(self, n: int) -> None:
        self.n = n
        self.ranked: list[Any] = []

    def __call__(self, infos: list[Any]) -> list[Any]:
        self.ranked = [info.sentence for info in infos]
        return infos[: self.n]


def rank_with_sumy(
    name: str, units: Sequence[Unit], title: Sequence[str], count: int, language: Language
) -> tuple[list[int], list[int]]:
    """sumy's ``name`` algorithm over ``units``: the ``count`` chosen, in document order, and
    every unit best first (its ranking)."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    tokenizer = _Tokenizer(language)
    index_of: dict[int, int] = {}
    paragraphs = []
    numbered = list(enumerate(units))
    for _key, group in groupby(numbered, key=lambda pair: (pair[1].section, pair[1].block)):
        sentences = []
        for index, unit in group:
            sentence = Sentence(unit.text, tokenizer)
            index_of[id(sentence)] = index
            sentences.append(sentence)
        paragraphs.append(Paragraph(sentences))
    document = ObjectDocumentModel(paragraphs)
    summarizer = _summarizer_class(name)(stemmer(language))
    if hasattr(summarizer, "stop_words"):
        summarizer.stop_words = language.stop_words
    if name == "lsa":
        _order_lsa_terms(summarizer)
    if name == "edmundson":
        summarizer.bonus_words = title or ("important",)
        summarizer.stigma_words = ("advertisement", "subscribe", "cookie")
        summarizer.null_words = language.stop_words
    keep = _KeepBest(count)
    chosen = summarizer(document, keep)
    ranking = [index_of[id(sentence)] for sentence in keep.ranked]
    return sorted(index_of[id(sentence)] for sentence in chosen), ranking
