"""Guess an article's language when the page does not declare one.

Two cheap signals, no model download. The writing system decides most non-Latin cases
outright (Hangul, kana, Han, Arabic, Hebrew, Thai, Greek, Devanagari; Cyrillic with the
Ukrainian letters is Ukrainian). Otherwise function words ("the", "und", "les", "que") make up
a large, stable share of running text and differ sharply between languages, so counting them
tells the languages apart; a guess is only made when one language clearly leads.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    code: frozenset(words.split())
    for code, words in {
        "en": "the and of to in is that for it with was on as are be this by have from",
        "de": "der die und das ist nicht ein eine zu den mit sich des auf für dem im",
        "fr": "le la les et des est une un du que dans pour pas qui sur au avec par",
        "es": "el la los las y de que en un una por con para del es se no al",
        "it": "il la di che e un una per non del della sono gli le con si al è",
        "pt": "o a os as e de que do da em um uma para com não no na por se é",
        "nl": "de het een en van is dat op te niet met voor zijn er aan ook als",
        "sv": "och att det som en är på för med av inte den till har om ett jag",
        "da": "og at det som en er på for med af ikke den til har om et jeg de",
        "no": "og at det som en er på for med av ikke den til har om et jeg ble",
        "pl": "i w na z że się nie do to jest o jak co od po ale przez tak",
        "cs": "a v se na je že to s z do o jako by ale pro jsou ve jsem",
        "ru": "и в не на что с по как это из к он но о для от за так же",
        "tr": "ve bir bu da de için ile ne çok gibi daha olarak ama en mi var",
        "fi": "ja on ei se että oli hän ovat kun mutta myös tai ole kuin niin",
    }.items()
}
_SCRIPTS = {
    "HANGUL": "ko", "CJK": "zh", "ARABIC": "ar", "HEBREW": "he", "THAI": "th",
    "GREEK": "el", "DEVANAGARI": "hi",
}  # fmt: skip
_TOKEN = re.compile(r"[^\W\d_]+")
_SAMPLE_WORDS = 600
#: Function words must be at least this share of the words, and the winner this many times
#: more frequent than the runner-up.
_MIN_SHARE = 0.08
_MIN_LEAD = 1.5


def _script(sample: str) -> str | None:
    """The language a non-Latin writing system settles, or None (Latin, Cyrillic, mixed)."""
    counts: Counter[str] = Counter(
        unicodedata.name(char, "").split(" ", 1)[0] for char in sample if char.isalpha()
    )
    total = sum(counts.values())
    if not total:
        return None
    if counts["HIRAGANA"] + counts["KATAKANA"] > 0.05 * total:
        return "ja"
    if counts["CYRILLIC"] > 0.5 * total and any(char in sample for char in "іїєґІЇЄҐ"):
        return "uk"
    script, count = counts.most_common(1)[0]
    return _SCRIPTS.get(script) if count > 0.5 * total else None


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of ``text``'s language, or None when no language clearly leads."""
    sample = text[: _SAMPLE_WORDS * 12]
    if script := _script(sample):
        return script
    tokens = [token.lower() for token in _TOKEN.findall(sample)][:_SAMPLE_WORDS]
    if len(tokens) < 8:
        return None
    counts = sorted(
        ((sum(t in words for t in tokens), code) for code, words in _FUNCTION_WORDS.items()),
        reverse=True,
    )
    (best, code), (second, _) = counts[0], counts[1]
    if best < _MIN_SHARE * len(tokens) or best < _MIN_LEAD * second:
        return None
    return code
