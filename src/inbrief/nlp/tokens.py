"""Sentence and word tokenization and stemming, cached per language."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from inbrief.nlp.language import Language

_WORD = re.compile(r"\w+(?:['’]\w+)*")


@functools.cache
def sentence_splitter(language: Language) -> Callable[[str], list[str]]:
    """A function splitting a paragraph into sentences with the language's Punkt model."""
    import punkt  # 40 ms; paid once, only when summarizing

    tokenizer = punkt.PunktSentenceTokenizer(punkt.load_model(language.punkt_model))

    def split(text: str) -> list[str]:
        return [s.strip() for s in tokenizer.tokenize(text) if s.strip()]

    return split


def words(text: str) -> list[str]:
    """Lower-cased word tokens (letters, digits, inner apostrophes)."""
    return _WORD.findall(text.lower())


@functools.cache
def stemmer(language: Language) -> Callable[[str], str]:
    """A caching stemmer for the language, or the identity when none exists."""
    if language.stemmer is None:
        return lambda word: word
    import Stemmer

    snowball = Stemmer.Stemmer(language.stemmer)
    snowball.maxCacheSize = 50_000
    stem: Callable[[str], str] = snowball.stemWord
    return stem
