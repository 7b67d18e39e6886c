"""The sentences a summarizer may choose from, each with its place in the article.

Only paragraph and list sentences are candidates: captions, bylines, datelines, code, tables
and block quotes never are, whichever algorithm runs. Every algorithm gets the same units.
"""

from __future__ import annotations

from dataclasses import dataclass

from inbrief.model import Article, BlockKind
from inbrief.nlp.language import Language
from inbrief.nlp.tokens import sentence_splitter, stemmer, words

CANDIDATE_KINDS = frozenset({BlockKind.PARAGRAPH, BlockKind.LIST})
#: A sentence with fewer words than this is not a candidate ("Read on.", "Yes.").
MIN_WORDS = 4


@dataclass(frozen=True, slots=True)
class Unit:
    """A candidate sentence: text, position (section, block, index) and its stemmed terms."""

    text: str
    section: int
    block: int
    index: int
    #: Running number among all sentences of the article, candidates or not.
    order: int
    words: tuple[str, ...]
    terms: tuple[str, ...]


def split_block(items: list[str], language: Language) -> list[str]:
    """The sentences of a block's items, in order; the UI uses this to find a takeaway."""
    split = sentence_splitter(language)
    return [sentence for item in items for sentence in split(item)]


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
            for i_index, sentence in enumerate(split_block(block.items, language)):
                order += 1
                tokens = words(sentence)
                if len(tokens) < MIN_WORDS:
                    continue
                terms = tuple(filter(None, map(term_of.__getitem__, tokens)))
                units.append(Unit(sentence, s_index, b_index, i_index, order, tuple(tokens), terms))
    return units


def title_terms(article: Article, language: Language) -> tuple[str, ...]:
    stem = stemmer(language)
    return tuple(stem(w) for w in words(article.title) if w not in language.stop_words)
