"""Gist benchmark: every summarizer against the publishers' own descriptions, in one run.

Runs the real command line, ``inbrief --summary --sentences 2 --format jsonl -a NAME``, over
the 77 benchmark inputs (one process per algorithm, all inputs at once) and prints ROUGE-1/2/L
F1 per system. Then the takeaways check on the seed article (``examples/``) at 11 sentences:
ROUGE-1 against the published extract for every algorithm, and whether any chosen sentence
comes from a caption, byline or dateline block.

    .venv/bin/python -m benchmarks.gist            # all systems
    .venv/bin/python -m benchmarks.gist inbrief lead
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.gist_data import load_pages, mean_rouge, rouge, write_inputs

ROOT = Path(__file__).resolve().parent.parent
SEED_JSON = ROOT / "examples" / "xi-putin-wordpress.json"
SEED_EXTRACT = ROOT / "examples" / "xi-putin-extract.txt"
SYSTEMS = ("inbrief", "lead", "lexrank", "textrank", "luhn", "lsa", "kl", "sumbasic", "edmundson")
LABELS = {"lead": "lead (Lead-2)"}


def run_cli(algorithm: str, sentences: int, sources: list[str]) -> list[dict[str, Any]]:
    """One ``inbrief --summary`` process over all sources; its JSON lines, parsed."""
    command = [sys.executable, "-m", "inbrief", "--summary", "--format", "jsonl"]
    command += ["--sentences", str(sentences), "--algorithm", algorithm, *sources]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    records = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    if done.returncode and not any("error" in record for record in records):
        raise SystemExit(f"{algorithm}: inbrief exited {done.returncode}: {done.stderr[-500:]}")
    return records


def joined(record: dict[str, Any], key: str = "sentences") -> str:
    """The summary as one string; a source inbrief could not read gives the empty string."""
    return " ".join(sentence["text"] for sentence in record.get(key, []))


def gist_table(systems: tuple[str, ...]) -> None:
    pages = load_pages()
    print(f"Gist benchmark: {len(pages)} pages, 2 sentences, ROUGE F1 x100 (Porter stemming)")
    print("| system | R-1 | R-2 | R-L | seconds |")
    print("|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        by_path = write_inputs(pages, Path(folder))
        failures: set[str] = set()
        for system in systems:
            started = time.perf_counter()
            records = run_cli(system, 2, list(by_path))
            elapsed = time.perf_counter() - started
            failures.update(
                f"{Path(r['source']).name}: {r['error']}" for r in records if "error" in r
            )
            pairs = [(by_path[r["source"]].reference, joined(r)) for r in records]
            if len(pairs) != len(pages):
                raise SystemExit(f"{system}: {len(pairs)} summaries for {len(pages)} pages")
            r1, r2, rl = mean_rouge(pairs)
            label = LABELS.get(system, system)
            print(f"| {label} | {r1:.1f} | {r2:.1f} | {rl:.1f} | {elapsed:.1f} |", flush=True)
            if system == "inbrief":
                gists = [(by_path[r["source"]].reference, joined(r, "gist")) for r in records]
                r1, r2, rl = mean_rouge(gists)
                print(
                    f"| inbrief, `gist` field (1-2 sentences) | {r1:.1f} | {r2:.1f} | {rl:.1f} | |"
                )
    for failure in sorted(failures):
        print(f"unreadable input, scored 0 for every system: {failure}")


def seed_takeaways(systems: tuple[str, ...], sentences: int = 11) -> None:
    """Takeaways on the seed article against its published extract, and the blocks they use."""
    from inbrief.ingest import load_articles
    from inbrief.model import BlockKind

    article = load_articles(str(SEED_JSON))[0]
    reference = SEED_EXTRACT.read_text("utf-8").split("\n", 1)[1]
    print(f"\nSeed takeaways: {SEED_JSON.name}, {sentences} sentences, ROUGE-1 F1 x100")
    print("| system | R-1 | non-body sentences |")
    print("|---|---|---|")
    for system in systems:
        record = run_cli(system, sentences, [str(SEED_JSON)])[0]
        kinds = [
            article.sections[s["section"]].blocks[s["block"]].kind for s in record["sentences"]
        ]
        bad = sum(kind not in (BlockKind.PARAGRAPH, BlockKind.LIST) for kind in kinds)
        r1 = rouge(reference, joined(record))[0]
        print(f"| {LABELS.get(system, system)} | {r1:.1f} | {bad} |", flush=True)


def main(argv: list[str]) -> None:
    systems = tuple(argv) or SYSTEMS
    gist_table(systems)
    seed_takeaways(systems)


if __name__ == "__main__":
    main(sys.argv[1:])
