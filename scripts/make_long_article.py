"""Write a generated article of about N words (default 50,000) as Markdown, for timing the reader.

The text is deterministic pseudo-English built from a fixed vocabulary, in sections of
paragraphs with the odd list and quote, so the layout and summarizer see realistic structure.

    python scripts/make_long_article.py /tmp/long.md 50000
"""

from __future__ import annotations

import argparse
import random

_PROSE = (
    "the council said water prices would rise across the region after a dry summer while "
    "farmers and city engineers argued over reservoirs pipelines and new meters for every "
    "household in the valley where rivers ran low and the ministry promised a report"
)
_WORDS = _PROSE.split(" ")


def sentence(rng: random.Random) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(8, 24))]
    return " ".join(words).capitalize() + "."


def article(total_words: int, seed: int = 0) -> str:
    rng = random.Random(seed)
    parts = ["# A very long report on water", ""]
    written, section = 0, 0
    while written < total_words:
        section += 1
        parts += [f"## Part {section}: {' '.join(rng.sample(_WORDS, 3))}", ""]
        for paragraph in range(12):
            if paragraph == 5:
                parts += [f"- {sentence(rng)}" for _ in range(3)] + [""]
            elif paragraph == 9:
                parts += [f"> {sentence(rng)}", ""]
            else:
                text = " ".join(sentence(rng) for _ in range(rng.randint(3, 6)))
                parts += [text, ""]
                written += len(text.split())
    return "\n".join(parts)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Write a generated Markdown article for timing.")
    parser.add_argument("out", help="file to write")
    parser.add_argument("words", nargs="?", type=int, default=50_000, help="about how many words")
    args = parser.parse_args(argv)
    with open(args.out, "w", encoding="utf-8") as handle:
        handle.write(article(args.words))


if __name__ == "__main__":
    main()
