"""The sentences a summarizer may choose from, each with its place in the article.

Only paragraph and list sentences are candidates: captions, bylines, datelines, code, tables
and block quotes never are, whichever algorithm runs. Every algorithm gets the same units.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import chain

from inbrief.model import Article, BlockKind
from inbrief.nlp.language import Language
from inbrief.nlp.tokens import sentence_spans, sentence_splitter, stemmer, word_stemmer, words

CANDIDATE_KINDS = frozenset({BlockKind.PARAGRAPH, BlockKind.LIST})
#: A sentence with fewer words than this is not a candidate ("Read on.", "Yes.").
MIN_WORDS = 4


@dataclass(frozen=True, slots=True)
class Unit:
    """A candidate sentence: text, position (section, block, index) and its stemmed terms.

    ``item`` is the block item (a list entry; 0 for a paragraph) that holds the sentence and
    ``start``/``end`` its character offsets in that item's text: ``items[item][start:end]``
    is ``text``.
    """

    text: str
    section: int
    block: int
    index: int
    #: Running number among all sentences of the article, candidates or not.
    order: int
    words: tuple[str, ...]
    terms: tuple[str, ...]
    item: int = 0
    start: int = 0
    end: int = 0


def split_block(items: list[str], language: Language) -> list[str]:
    """The sentences of a block's items, in order."""
    split = sentence_splitter(language)
    return [sentence for item in items for sentence in split(item)]


def block_sentences(items: list[str], language: Language) -> list[tuple[int, int, int]]:
    """``(item, start, end)`` of every sentence of a block's items, in order (the sentences
    of :func:`split_block`)."""
    spans = sentence_spans(language)
    return [(i, start, end) for i, item in enumerate(items) for start, end in spans(item)]


def term_map(words: Iterable[str], language: Language) -> dict[str, str]:
    """Word -> stemmed term, or "" for a stop word or a number; each distinct word stemmed
    once, all in one call."""
    distinct = dict.fromkeys(words, "")
    stop = language.stop_words
    stemmed = [word for word in distinct if not (word in stop or word.isdigit())]
    distinct.update(zip(stemmed, word_stemmer(language)(stemmed), strict=True))
    return distinct


def sentence_units(article: Article, language: Language) -> list[Unit]:
    """Every candidate sentence of the article, in reading order."""
    found: list[tuple[str, int, int, int, int, list[str], int, int, int]] = []
    found_words: list[list[str]] = []
    spans = sentence_spans(language)
    order = 0
    for s_index, section in enumerate(article.sections):
        for b_index, block in enumerate(section.blocks):
            if block.kind not in CANDIDATE_KINDS:
                continue
            i_index = 0  # the sentence's place in the block (block_sentences)
            for item, item_text in enumerate(block.items):
                for start, end in spans(item_text):
                    sentence = item_text[start:end]
                    order += 1
                    tokens = words(sentence)
                    if len(tokens) >= MIN_WORDS:
                        found_words.append(tokens)
                        found.append(
                            (sentence, s_index, b_index, i_index, order, tokens, item, start, end)
                        )
                    i_index += 1
    term_of = term_map(chain.from_iterable(found_words), language)
    term = term_of.__getitem__
    return [
        Unit(text, s, b, i, n, tuple(tokens), tuple(filter(None, map(term, tokens))), it, x, y)
        for text, s, b, i, n, tokens, it, x, y in found
    ]


def title_terms(article: Article, language: Language) -> tuple[str, ...]:
    stem = stemmer(language)
    return tuple(stem(w) for w in words(article.title) if w not in language.stop_words)
