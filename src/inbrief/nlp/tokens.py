"""Sentence and word tokenization and stemming, cached per language."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from typing import Any

from inbrief.model import CJK_CHAR
from inbrief.nlp.language import Language

#: Possessive: the greedy match never backtracks (what follows may match nothing), so it is
#: the same match, found a little faster.
_WORD = re.compile(r"\w++(?:['’]\w++)*+")
#: Chinese characters and Japanese kana: written without spaces between words, so a word is
#: not a run of them. Such a run is read as its overlapping character pairs (the bigrams that
#: CJK retrieval uses), which share terms between sentences as words do elsewhere.
_CJK = re.compile(CJK_CHAR + "+")
#: The lowest character of :data:`~inbrief.model.CJK_CHAR`: a text whose characters are all
#: below it has no CJK run (a cheaper test than the search).
_CJK_LOWEST = "\u3040"
#: Where a sentence ends in CJK writing: a full stop, question or exclamation mark (with no
#: space after it), and any closing quotes or brackets.
_CJK_END = re.compile("[。！？]+[」』”’）)]*")
_CJK_TAIL = re.compile("[。！？][」』”’）)]*$")


#: Punkt's pattern for a run of hyphens or dots ("--", "...", ". . ."), read at every
#: character of every paragraph, and the same pattern with each alternative opening on its
#: character: the same matches, in the same order of preference (``--+`` is ``-{2,}``), but
#: Python's regex engine can then skip to a hyphen or a dot, which makes Punkt about a
#: quarter faster on prose. Used only while Punkt's default is the pattern it replaces.
PUNKT_MULTI_CHAR = r"(?:\-{2,}|\.{2,}|(?:\.\s){2,}\.)"
FAST_MULTI_CHAR = r"(?:--+|\.\.+|\.\s(?:\.\s)+\.)"


def _punkt_rules() -> Any:
    """Punkt's default language rules, with :data:`FAST_MULTI_CHAR` when it applies."""
    import dataclasses

    import punkt

    rules = punkt.DEFAULT_LANGUAGE_VARS
    if rules.multi_char_punct_pattern != PUNKT_MULTI_CHAR:
        return rules
    return dataclasses.replace(rules, multi_char_punct_pattern=FAST_MULTI_CHAR)


@functools.cache
def sentence_spans(language: Language) -> Callable[[str], list[tuple[int, int]]]:
    """A function giving the ``(start, end)`` offsets of a paragraph's sentences, by the
    language's Punkt model; white space around each sentence is left out."""
    import punkt  # 40 ms; paid once, only when summarizing

    tokenizer = punkt.PunktSentenceTokenizer(
        punkt.load_model(language.punkt_model), rules=_punkt_rules()
    )

    def punkt_spans(text: str, offset: int = 0) -> list[tuple[int, int]]:
        result = []
        for start, end in tokenizer.span_tokenize(text):
            sentence = text[start:end]
            left = sentence.lstrip()
            if left:
                first = offset + start + len(sentence) - len(left)
                result.append((first, first + len(left.rstrip())))
        return result

    def spans(text: str) -> list[tuple[int, int]]:
        if "。" not in text and "！" not in text and "？" not in text:
            return punkt_spans(text)
        result: list[tuple[int, int]] = []
        start = 0
        for match in _CJK_END.finditer(text):  # CJK sentences first, Punkt within each
            result += punkt_spans(text[start : match.end()], start)
            start = match.end()
        return result + punkt_spans(text[start:], start)

    return spans


@functools.cache
def sentence_splitter(language: Language) -> Callable[[str], list[str]]:
    """A function splitting a paragraph into sentences with the language's Punkt model."""
    spans = sentence_spans(language)

    def split(text: str) -> list[str]:
        return [text[start:end] for start, end in spans(text)]

    return split


def words(text: str) -> list[str]:
    """Lower-cased word tokens (letters, digits, inner apostrophes); a run of Chinese
    characters or kana gives its character pairs (a single character alone)."""
    tokens: list[str] = _WORD.findall(text.lower())
    if not has_cjk(text):
        return tokens
    result: list[str] = []
    for token in tokens:
        last = 0
        for run in _CJK.finditer(token):
            if run.start() > last:
                result.append(token[last : run.start()])
            chars = run.group()
            result += [chars[i : i + 2] for i in range(len(chars) - 1)] or [chars]
            last = run.end()
        if last < len(token):
            result.append(token[last:])
    return result


def has_cjk(text: str) -> bool:
    """Whether ``text`` holds a Chinese character or kana."""
    return not (text.isascii() or max(text) < _CJK_LOWEST) and bool(_CJK.search(text))


@functools.cache
def _snowball(language: Language) -> Any:
    """The language's Snowball stemmer (PyStemmer, caching), or None when none exists."""
    if language.stemmer is None:
        return None
    import Stemmer

    snowball = Stemmer.Stemmer(language.stemmer)
    snowball.maxCacheSize = 50_000
    return snowball


@functools.cache
def stemmer(language: Language) -> Callable[[str], str]:
    """A caching stemmer for the language, or the identity when none exists."""
    snowball = _snowball(language)
    if snowball is None:
        return lambda word: word
    stem: Callable[[str], str] = snowball.stemWord
    return stem


@functools.cache
def word_stemmer(language: Language) -> Callable[[list[str]], list[str]]:
    """The stems of a list of words in one call: :func:`stemmer` word by word."""
    snowball = _snowball(language)
    if snowball is None:
        return list
    stem: Callable[[list[str]], list[str]] = snowball.stemWords
    return stem


def join_sentences(sentences: Iterable[str]) -> str:
    """Sentences as one paragraph: a space between them, none after a CJK sentence's end
    (Chinese and Japanese put no space between sentences)."""
    text = ""
    for sentence in sentences:
        text += " " + sentence if text and not _CJK_TAIL.search(text[-8:]) else sentence
    return text
