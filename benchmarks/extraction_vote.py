"""Would a vote between extractors beat each of them? Measured on a dump of one benchmark run.

``python -m benchmarks.extraction_vote DUMP.json`` reads what ``python -m benchmarks.extraction
--dump DUMP.json`` wrote (every extractor's title and text per page) and scores, per set, beside
each extractor alone:

- ``medoid``: per page, the extractor whose text agrees most (mean token F1) with the others';
- ``pair-agree``: inbrief's text when it agrees with trafilatura's at least as well as
  readability's does, else readability's (the choice a two-extractor run could make);
- ``token-vote``: the tokens at least two of the three extractors keep (a bag-of-words vote,
  the measure's own unit: it keeps no order, so it is an upper bound for a block vote, not a
  text a reader could show).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from benchmarks.extraction import SetScore, score_set
from benchmarks.extraction_score import token_scores
from benchmarks.extraction_sets import SETS, load_sets


def _agree(a: str, b: str) -> float:
    return token_scores(a, b).f1 if a and b else 0.0


def medoid(texts: dict[str, str]) -> str:
    names = list(texts)
    return texts[max(names, key=lambda n: sum(_agree(texts[n], texts[m]) for m in names if m != n))]


def pair_agree(texts: dict[str, str]) -> str:
    ours, base, other = texts["inbrief"], texts["readability-lxml"], texts["trafilatura"]
    if not ours:
        return base
    return ours if _agree(ours, other) >= _agree(base, other) else base


def token_vote(texts: dict[str, str]) -> str:
    counts = [Counter(t.lower() for t in text.split()) for text in texts.values()]
    kept: Counter[str] = Counter()
    for token in set().union(*counts):
        values = sorted((c[token] for c in counts), reverse=True)
        kept[token] = values[1]  # the count at least two extractors agree on
    return " ".join(kept.elements())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.extraction_vote")
    parser.add_argument("dump", type=Path)
    args = parser.parse_args(argv)
    data = json.loads(args.dump.read_text(encoding="utf-8"))
    names = list(data)
    keys = set(data[names[0]])
    pages = [p for p in load_sets(list(SETS)) if f"{p.set}/{p.key}" in keys]
    rules = {"medoid": medoid, "pair-agree": pair_agree, "token-vote": token_vote}
    columns = [*names, *rules]
    print("| set | " + " | ".join(columns) + " |\n|" + "---|" * (len(columns) + 1))
    for name in SETS:
        chosen = [p for p in pages if p.set == name]
        if not chosen:
            continue
        scores: list[SetScore] = []
        per_page = []
        for page in chosen:
            found = {n: data[n][f"{page.set}/{page.key}"] for n in names}
            texts = {
                n: (f["text"] if page.shingled else f"{f['title']}\n{f['text']}")
                if f["text"]
                else ""
                for n, f in found.items()
            }
            per_page.append(texts)
        for column in columns:
            if column in rules:
                texts_out = [rules[column](texts) for texts in per_page]
            else:
                texts_out = [texts[column] for texts in per_page]
            scores.append(score_set(chosen, texts_out))
        print(f"| {name} | " + " | ".join(f"{s.f1:.3f}" for s in scores) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
