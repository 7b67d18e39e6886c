"""The core never imports Textual or Rich; the one-shot path never imports the TUI or NLTK."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import SEED_JSON

CORE_MODULES = [
    "inbrief",
    "inbrief.model",
    "inbrief.errors",
    "inbrief.textclean",
    "inbrief.sniff",
    "inbrief.fetch",
    "inbrief.ingest",
    "inbrief.render",
    "inbrief.cli",
    "inbrief.extract.page",
    "inbrief.extract.structure",
    "inbrief.extract.metadata",
    "inbrief.extract.wordpress",
    "inbrief.extract.plaintext",
    "inbrief.nlp.language",
    "inbrief.nlp.tokens",
    "inbrief.nlp.detect",
    "inbrief.batch",
    "inbrief.summarize",
    "inbrief.summarize.units",
    "inbrief.summarize.centrality",
    "inbrief.summarize.default",
    "inbrief.summarize.scoring",
    "inbrief.summarize.selection",
    "inbrief.summarize.standalone",
    "inbrief.extract.prepare",
    "inbrief.extract.boilerplate",
    "inbrief.extract.fallback",
    "inbrief.extract.dates",
    "inbrief.summarize.sumy_bridge",
    "inbrief.library",
    "inbrief.library.store",
    "inbrief.library.schema",
    "inbrief.library.identity",
    "inbrief.library.search",
    "inbrief.library.adding",
]


def _loaded_after(code: str) -> set[str]:
    script = f"{code}\nimport sys\nprint('\\n'.join(sys.modules))"
    output = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    return {name.split(".")[0] for name in output.split()}


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_module_imports_no_ui(module: str) -> None:
    loaded = _loaded_after(f"import {module}")
    assert "textual" not in loaded
    assert "rich" not in loaded


def test_one_shot_summary_imports_no_ui_and_no_nltk() -> None:
    code = (
        "import sys\n"
        f"sys.argv = ['inbrief', '--summary', {str(SEED_JSON)!r}]\n"
        "import io, contextlib\n"
        "from inbrief.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    assert main() == 0\n"
    )
    loaded = _loaded_after(code)
    assert {"textual", "rich", "nltk", "sumy"}.isdisjoint(loaded), loaded & {
        "textual",
        "rich",
        "nltk",
        "sumy",
    }
