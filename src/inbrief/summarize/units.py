"""The sentences a summarizer may choose from, each with its place in the article.

Only paragraph and list sentences are candidates: captions, bylines, datelines, code, tables
and block quotes never are, whichever algorithm runs. Every algorithm gets the same units.
"""

from __future__ import annotations

from dataclasses import dataclass

from inbrief.model import Article, BlockKind
from inbrief.nlp.language import Language
from inbrief.nlp.tokens import sentence_spans, sentence_splitter, stemmer, words

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


class _Terms(dict[str, str]):
    """Word -> stemmed term, or "" for a stop word or a number; each word worked out once."""

    def __init__(self, language: Language) -> None:
        super().__init__()
        self._stem = stemmer(language)
        self._stop = language.stop_words

    def __missing__(self, word: str) -> str:
        term = "" if word in self._stop or word.isdigit() else self._stem(word)
        self[word] = term
        return term


def sentence_units(article: Article, language: Language) -> list[Unit]:
    """Every candidate sentence of the article, in reading order."""
    term_of = _Terms(language)
    units: list[Unit] = []
    order = 0
    for s_index, section in enumerate(article.sections):
        for b_index, block in enumerate(section.blocks):
            if block.kind not in CANDIDATE_KINDS:
                continue
            located = block_sentences(block.items, language)
            for i_index, (item, start, end) in enumerate(located):
                sentence = block.items[item][start:end]
                order += 1
                tokens = words(sentence)
                if len(tokens) < MIN_WORDS:
                    continue
                terms = tuple(filter(None, map(term_of.__getitem__, tokens)))
                units.append(
                    Unit(
                        sentence,
                        s_index,
                        b_index,
                        i_index,
                        order,
                        tuple(tokens),
                        terms,
                        item,
                        start,
                        end,
                    )
                )
    return units


def title_terms(article: Article, language: Language) -> tuple[str, ...]:
    stem = stemmer(language)
    return tuple(stem(w) for w in words(article.title) if w not in language.stop_words)
