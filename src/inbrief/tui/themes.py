"""Themes as data: TOML files turned into :class:`textual.theme.Theme` objects.

The bundled themes live in ``inbrief/themes/`` (package data, so a non-editable install finds
them; the repository's top-level ``themes/`` is a symlink to that directory, so there is one
copy). Users add their own in ``<config dir>/themes/``; a user theme with a bundled theme's
name replaces it.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Iterable
from dataclasses import fields
from functools import partial
from importlib.resources import files
from pathlib import Path
from typing import Any

from textual.color import Color, ColorParseError
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.theme import Theme

from inbrief.tui.config import read_settings

_COLOR_FIELDS = (
    "primary", "secondary", "warning", "error", "success", "accent", "foreground",
    "background", "surface", "panel", "boost",
)  # fmt: skip
_KNOWN = {f.name for f in fields(Theme)}
_FLAGS = ("dark", "ansi")
#: Fractions Textual derives shades and text from; outside 0..1 (or NaN) it raises later.
_FRACTIONS = ("luminosity_spread", "text_alpha")


def theme_from_toml(text: str, origin: str) -> Theme:
    """Parse one theme file. Raises ``ValueError`` naming ``origin`` for any mistake."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{origin}: {exc}") from None
    except RecursionError:
        raise ValueError(f"{origin}: nested too deeply") from None
    return theme_from_data(data, origin)


def theme_from_data(data: dict[str, Any], origin: str) -> Theme:
    """Check every value's type and range, then build the theme (``ValueError`` if wrong)."""
    unknown = set(data) - _KNOWN
    if unknown:
        raise ValueError(f"{origin}: unknown keys {', '.join(sorted(unknown))}")
    if not isinstance(data.get("name"), str) or not isinstance(data.get("primary"), str):
        raise ValueError(f"{origin}: 'name' and 'primary' are required strings")
    variables = data.get("variables", {})
    if not isinstance(variables, dict) or not all(
        isinstance(value, str) for value in variables.values()
    ):
        raise ValueError(f"{origin}: [variables] must be a table of colour strings")
    for flag in _FLAGS:
        if flag in data and not isinstance(data[flag], bool):
            raise ValueError(f"{origin}: {flag} must be true or false")
    for name in _FRACTIONS:
        value = data.get(name, 0.5)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(f"{origin}: {name} must be a number")
        if not (math.isfinite(value) and 0 <= value <= 1):
            raise ValueError(f"{origin}: {name} must be between 0 and 1")
    colors = [data[k] for k in _COLOR_FIELDS if k in data] + list(variables.values())
    for value in colors:
        try:
            Color.parse(value if isinstance(value, str) else "")
        except ColorParseError:
            raise ValueError(f"{origin}: not a colour: {value!r}") from None
    try:
        return Theme(**data)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{origin}: {exc}") from None


def bundled_theme_texts() -> list[tuple[str, str]]:
    """(file name, TOML text) of every bundled theme, in name order."""
    folder = files("inbrief").joinpath("themes")
    entries = sorted((e for e in folder.iterdir() if e.name.endswith(".toml")), key=str)
    return [(entry.name, entry.read_text(encoding="utf-8")) for entry in entries]


def load_themes(user_dir: Path | None) -> tuple[list[Theme], list[str]]:
    """Bundled themes then the user's; returns the themes and warnings for bad files."""
    warnings: list[str] = []
    themes: list[Theme] = []
    for origin, text in bundled_theme_texts():
        try:
            themes.append(theme_from_toml(text, origin))
        except ValueError as exc:
            warnings.append(str(exc))
    if user_dir is not None and user_dir.is_dir():
        for path in sorted(user_dir.glob("*.toml")):
            try:
                themes.append(theme_from_data(read_settings(path), str(path)))
            except FileNotFoundError:
                continue
            except ValueError as exc:
                message = str(exc)
                warnings.append(message if message.startswith(str(path)) else f"{path}: {message}")
    return themes, warnings


def theme_names(themes: Iterable[Theme]) -> list[str]:
    return [theme.name for theme in themes]


class ThemeCommands(Provider):
    """The Ctrl+T picker: the app's own themes (``theme_names``), not Textual's built-ins."""

    def _names(self) -> list[str]:
        names = getattr(self.app, "theme_names", None)
        return list(names) if names is not None else sorted(self.app.available_themes)

    def _choose(self, name: str) -> None:
        self.app.theme = name

    async def discover(self) -> Hits:
        for name in self._names():
            yield DiscoveryHit(name, partial(self._choose, name))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name in self._names():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), partial(self._choose, name))
