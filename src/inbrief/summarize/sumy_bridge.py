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


class _Tokenizer:
    """The interface sumy's document model expects of a tokenizer."""

    def __init__(self, language: Language) -> None:
        self.language = language.name
        self._split = sentence_splitter(language)

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(self._split(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(words(sentence))


def _summarizer_class(class_path: str) -> Callable[..., Any]:
    import importlib

    module_name, _, class_name = class_path.partition(":")
    cls: Callable[..., Any] = getattr(importlib.import_module(module_name), class_name)
    return cls


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
    class_path: str, units: Sequence[Unit], title: Sequence[str], count: int, language: Language
) -> tuple[list[int], list[int]]:
    """The sumy summarizer ``class_path`` (``"module:Class"``) over ``units``: the ``count``
    chosen, in document order, and every unit best first (its ranking)."""
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
    summarizer = _summarizer_class(class_path)(stemmer(language))
    if hasattr(summarizer, "stop_words"):
        summarizer.stop_words = language.stop_words
    if hasattr(summarizer, "bonus_words"):  # Edmundson: cue words from the title
        summarizer.bonus_words = title or ("important",)
        summarizer.stigma_words = ("advertisement", "subscribe", "cookie")
        summarizer.null_words = language.stop_words
    keep = _KeepBest(count)
    chosen = summarizer(document, keep)
    ranking = [index_of[id(sentence)] for sentence in keep.ranked]
    return sorted(index_of[id(sentence)] for sentence in chosen), ranking
