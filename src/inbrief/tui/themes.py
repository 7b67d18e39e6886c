"""Themes as data: TOML files turned into :class:`textual.theme.Theme` objects.

The bundled themes live in ``inbrief/themes/`` (package data, so a non-editable install finds
them; the repository's top-level ``themes/`` is a symlink to that directory, so there is one
copy). Users add their own in ``<config dir>/themes/``; a user theme with a bundled theme's
name replaces it.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import fields
from functools import partial
from importlib.resources import files
from pathlib import Path

from textual.color import Color, ColorParseError
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.theme import Theme

_COLOR_FIELDS = (
    "primary", "secondary", "warning", "error", "success", "accent", "foreground",
    "background", "surface", "panel", "boost",
)  # fmt: skip
_KNOWN = {f.name for f in fields(Theme)}


def theme_from_toml(text: str, origin: str) -> Theme:
    """Parse one theme file. Raises ``ValueError`` naming ``origin`` for any mistake."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{origin}: {exc}") from None
    unknown = set(data) - _KNOWN
    if unknown:
        raise ValueError(f"{origin}: unknown keys {', '.join(sorted(unknown))}")
    if not isinstance(data.get("name"), str) or not isinstance(data.get("primary"), str):
        raise ValueError(f"{origin}: 'name' and 'primary' are required strings")
    colors = [data[k] for k in _COLOR_FIELDS if k in data]
    colors += list(data.get("variables", {}).values())
    for value in colors:
        try:
            Color.parse(str(value))
        except ColorParseError:
            raise ValueError(f"{origin}: not a colour: {value!r}") from None
    try:
        return Theme(**data)
    except TypeError as exc:
        raise ValueError(f"{origin}: {exc}") from None


def bundled_theme_texts() -> list[tuple[str, str]]:
    """(file name, TOML text) of every bundled theme, in name order."""
    folder = files("inbrief").joinpath("themes")
    entries = sorted((e for e in folder.iterdir() if e.name.endswith(".toml")), key=str)
    return [(entry.name, entry.read_text(encoding="utf-8")) for entry in entries]


def load_themes(user_dir: Path | None) -> tuple[list[Theme], list[str]]:
    """Bundled themes then the user's; returns the themes and warnings for bad files."""
    sources: list[tuple[str, str]] = list(bundled_theme_texts())
    warnings: list[str] = []
    if user_dir is not None and user_dir.is_dir():
        for path in sorted(user_dir.glob("*.toml")):
            try:
                sources.append((str(path), path.read_text(encoding="utf-8")))
            except (OSError, UnicodeDecodeError) as exc:
                warnings.append(f"{path}: {exc}")
    themes: list[Theme] = []
    for origin, text in sources:
        try:
            themes.append(theme_from_toml(text, origin))
        except ValueError as exc:
            warnings.append(str(exc))
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
