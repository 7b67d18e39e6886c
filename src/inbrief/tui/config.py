"""The user's settings: ``config.toml`` in the platform config directory.

::

    theme = "inbrief-light"          # written back when the theme is changed in the app

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
import stat
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from inbrief.safe_text import for_terminal

DEFAULT_THEME = "inbrief-dark"
#: A settings or theme file larger than this is not one (and is not read).
MAX_SETTINGS_BYTES = 256 * 1024
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
    warnings: list[str] = field(default_factory=list)
    path: Path = field(default_factory=lambda: config_dir() / "config.toml")


def read_settings(path: Path) -> dict[str, Any]:
    """Parse a small TOML settings or theme file; raises ``ValueError`` with a one-line
    reason for anything that is not one (``FileNotFoundError`` passes through).

    The file is opened without blocking and must be a regular file: a FIFO or a device
    named ``config.toml`` would otherwise hang the app at start. Deeply nested TOML makes
    ``tomllib`` recurse past Python's limit; that is a bad file too.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise ValueError(exc.strerror or str(exc)) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ValueError("not a regular file")
        if info.st_size > MAX_SETTINGS_BYTES:
            raise ValueError(f"larger than {MAX_SETTINGS_BYTES // 1024} KB")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            raw = handle.read(MAX_SETTINGS_BYTES + 1)
    except OSError as exc:
        raise ValueError(exc.strerror or str(exc)) from None
    finally:
        os.close(fd)
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ValueError(" ".join(str(exc).split())) from None
    except RecursionError:
        raise ValueError("nested too deeply") from None


def load_config(path: Path | None = None) -> Config:
    config = Config(path=path or config_dir() / "config.toml")
    try:
        data = read_settings(config.path)
    except FileNotFoundError:
        return config
    except ValueError as exc:
        config.warnings.append(f"{config.path}: ignored ({exc})")
        return config
    theme = data.get("theme")
    if isinstance(theme, str) and theme:
        config.theme = theme
    elif theme is not None:
        config.warnings.append(f"{config.path}: theme must be a theme name")
    keys = data.get("keys", {})
    if not isinstance(keys, dict):
        config.warnings.append(f"{config.path}: [keys] must be a table")
    else:
        for binding_id, value in keys.items():
            if isinstance(value, str) and value.strip() and for_terminal(value) != value:
                # No key is named with control characters; drawn raw, they would drive the
                # terminal (a footer showing "\x1b[2J" clears the screen).
                config.warnings.append(f"{config.path}: keys.{binding_id} is not a key name")
            elif isinstance(value, str) and value.strip():
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
