"""The user's settings: ``config.toml`` in the platform config directory.

::

    theme = "inbrief-light"          # written back when the theme is changed in the app

    [library]                        # written back when the sort is changed in the app
    sort = "published"               # added, published or title
    reverse = false                  # oldest first / Z to A

    [keys]                           # binding id = comma-separated keys (see the help screen)
    "reader.next-section" = "right_square_bracket,n"

``$INBRIEF_CONFIG_DIR`` overrides the directory (tests use a temporary one). Theme files
(``*.toml``, same shape as the bundled ``themes/``) placed in ``themes/`` under that
directory are loaded too. A broken file never stops the app: problems are reported as
warnings and defaults are used.
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_THEME = "inbrief-dark"
_THEME_LINE = re.compile(r"^theme\s*=.*$", re.MULTILINE)


def config_dir() -> Path:
    override = os.environ.get("INBRIEF_CONFIG_DIR")
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir("inbrief"))


@dataclass(slots=True)
class Config:
    """What the app reads at start: theme name, keymap overrides, and any problems found."""

    theme: str = DEFAULT_THEME
    keymap: dict[str, str] = field(default_factory=dict)
    #: The library list's order: ``added``, ``published`` or ``title``, and whether reversed.
    sort: str = "added"
    reverse: bool = False
    warnings: list[str] = field(default_factory=list)
    path: Path = field(default_factory=lambda: config_dir() / "config.toml")


def load_config(path: Path | None = None) -> Config:
    config = Config(path=path or config_dir() / "config.toml")
    try:
        data = tomllib.loads(config.path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return config
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        config.warnings.append(f"{config.path}: ignored ({exc})")
        return config
    theme = data.get("theme")
    if isinstance(theme, str) and theme:
        config.theme = theme
    library = data.get("library", {})
    if isinstance(library, dict):
        if isinstance(library.get("sort"), str):
            config.sort = library["sort"]
        if isinstance(library.get("reverse"), bool):
            config.reverse = library["reverse"]
    keys = data.get("keys", {})
    if isinstance(keys, dict):
        for binding_id, value in keys.items():
            if isinstance(value, str) and value.strip():
                config.keymap[str(binding_id)] = value.replace(" ", "")
            else:
                config.warnings.append(f"{config.path}: keys.{binding_id} must be a string")
    return config


def save_theme(path: Path, theme: str) -> None:
    """Record ``theme`` in the config file, keeping everything else in it as the user wrote it."""
    line = f"theme = {json.dumps(theme)}"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = ""
    if _THEME_LINE.search(text.split("\n[", 1)[0]):
        head, sep, tail = text.partition("\n[")
        text = _THEME_LINE.sub(line, head, count=1) + sep + tail
    else:
        text = f"{line}\n{text}"
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".toml.tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)


def save_setting(path: Path, table: str, key: str, value: str | bool) -> None:
    """Set ``key`` in ``[table]`` of the config file, keeping everything else as written."""
    line = f"{key} = {json.dumps(value)}"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        lines = []
    header = f"[{table}]"
    start = next((i for i, text in enumerate(lines) if text.strip() == header), None)
    if start is None:
        lines += ["", header, line] if lines else [header, line]
    else:
        end = next(
            (i for i in range(start + 1, len(lines)) if lines[i].lstrip().startswith("[")),
            len(lines),
        )
        pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
        found = next((i for i in range(start + 1, end) if pattern.match(lines[i])), None)
        if found is None:
            lines.insert(start + 1, line)
        else:
            lines[found] = line
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".toml.tmp")
    temporary.write_text("\n".join(lines) + "\n", encoding="utf-8")
    temporary.replace(path)
