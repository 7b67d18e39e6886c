"""Sentence and word tokenization and stemming, cached per language."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from inbrief.nlp.language import Language

_WORD = re.compile(r"\w+(?:['’]\w+)*")


@functools.cache
def sentence_spans(language: Language) -> Callable[[str], list[tuple[int, int]]]:
    """A function giving the ``(start, end)`` offsets of a paragraph's sentences, by the
    language's Punkt model; white space around each sentence is left out."""
    import punkt  # 40 ms; paid once, only when summarizing

    tokenizer = punkt.PunktSentenceTokenizer(punkt.load_model(language.punkt_model))

    def spans(text: str) -> list[tuple[int, int]]:
        result = []
        for start, end in tokenizer.span_tokenize(text):
            sentence = text[start:end]
            stripped = sentence.strip()
            if stripped:
                first = start + len(sentence) - len(sentence.lstrip())
                result.append((first, first + len(stripped)))
        return result

    return spans


@functools.cache
def sentence_splitter(language: Language) -> Callable[[str], list[str]]:
    """A function splitting a paragraph into sentences with the language's Punkt model."""
    spans = sentence_spans(language)

    def split(text: str) -> list[str]:
        return [text[start:end] for start, end in spans(text)]

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
