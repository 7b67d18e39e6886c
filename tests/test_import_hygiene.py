"""The core never imports Textual or Rich; the one-shot path never imports the TUI or NLTK."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT, SEED_JSON

PACKAGE = ROOT / "src" / "inbrief"


def _core_modules() -> list[str]:
    """Every module of the package outside ``inbrief.tui``, found by walking the source tree
    (a hand-kept list missed new modules)."""
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        if len(parts) > 1 and parts[1] in ("tui", "__main__"):
            continue  # the TUI; and ``python -m inbrief``, whose import runs the CLI
        names.append(".".join(parts))
    return names


CORE_MODULES = _core_modules()


def test_the_walk_finds_the_core() -> None:
    assert {"inbrief", "inbrief.cli", "inbrief.summarize", "inbrief.library.store"} <= set(
        CORE_MODULES
    )
    assert not [name for name in CORE_MODULES if name.startswith("inbrief.tui")]
    assert len(CORE_MODULES) >= 36  # the hand-kept list had 36


def _loaded_after(code: str) -> set[str]:
    script = f"{code}\nimport sys\nprint('\\n'.join(sys.modules))"
    output = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
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
