"""Guess an article's language when the page does not declare one.

Two cheap signals, no model download: the writing system (Hangul, kana, Han, Arabic, Hebrew,
Thai, Greek, Cyrillic decide most non-Latin cases outright), then, for Latin script, which
language's stop words (sumy's lists) cover most of the first few thousand words.
"""

from __future__ import annotations

import functools
import unicodedata
from collections import Counter

from inbrief.nlp.language import stop_word_file
from inbrief.nlp.tokens import words

#: ISO code -> sumy stop-word list, for the Latin-script languages we can tell apart.
_LATIN_LISTS = {
    "en": "english", "de": "german", "fr": "french", "es": "spanish", "it": "italian",
    "pt": "portuguese", "cs": "czech", "sk": "slovak", "pl": "polish", "sv": "swedish",
}  # fmt: skip
_SCRIPTS = {
    "HANGUL": "ko", "HIRAGANA": "ja", "KATAKANA": "ja", "CJK": "zh", "ARABIC": "ar",
    "HEBREW": "he", "THAI": "th", "GREEK": "el", "CYRILLIC": "ru", "DEVANAGARI": "hi",
}  # fmt: skip
_SAMPLE_CHARS = 20_000
#: Below this share of words found in the best stop list, we do not guess.
_MIN_COVERAGE = 0.15


@functools.cache
def _latin_lists() -> dict[str, frozenset[str]]:
    return {code: stop_word_file(name) for code, name in _LATIN_LISTS.items()}


def _script(text: str) -> str | None:
    counts: Counter[str] = Counter()
    for char in text:
        if char.isalpha():
            name = unicodedata.name(char, "")
            counts[name.split(" ", 1)[0]] += 1
    if not counts:
        return None
    total = sum(counts.values())
    if counts["HIRAGANA"] + counts["KATAKANA"] > 0.05 * total:
        return "ja"
    script, count = counts.most_common(1)[0]
    return _SCRIPTS.get(script) if count > 0.5 * total else None


def detect_language(text: str) -> str | None:
    """An ISO 639-1 code for ``text``, or None when there is too little to tell."""
    sample = text[:_SAMPLE_CHARS]
    script = _script(sample)
    if script == "ru" and any(char in sample for char in "іїєґ"):
        return "uk"
    if script is not None:
        return script
    tokens = words(sample)
    if len(tokens) < 8:
        return None
    scores = {
        code: sum(1 for token in tokens if token in stop_words) / len(tokens)
        for code, stop_words in _latin_lists().items()
    }
    best = max(scores, key=lambda code: scores[code])
    return best if scores[best] >= _MIN_COVERAGE else None
