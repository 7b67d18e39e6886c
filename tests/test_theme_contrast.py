"""Every theme's text, selection, highlight and footer colours are readable (WCAG 4.5:1) as the
terminal gets them: in truecolor, and as Rich downgrades them for a 256-colour terminal (tmux,
SSH without COLORTERM) and for a 16-colour one (TERM=screen, the Linux console).

The colours are read from what the app renders (styles of the text, the contents pane, the
footer), then mapped with ``rich.color.Color.downgrade``, which is what Textual's output does.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.color import Color, ColorSystem, ColorType
from rich.style import Style
from rich.terminal_theme import DEFAULT_TERMINAL_THEME
from textual.widget import Widget

from inbrief.tui.app import InbriefApp
from inbrief.tui.themes import load_themes
from inbrief.tui.widgets.article_view import ArticleView
from inbrief.tui.widgets.summary_pane import SummaryPane
from inbrief.tui.widgets.toc import TableOfContents
from tests.tui_support import isolate, make_app, open_reader, seeded_library

THEMES = [theme.name for theme in load_themes(None)[0]]
SYSTEMS = {
    "truecolor": ColorSystem.TRUECOLOR,
    "256": ColorSystem.EIGHT_BIT,
    "16": ColorSystem.STANDARD,
}
MINIMUM = 4.5


def _rgb(color: Color | None, system: ColorSystem, background: bool) -> tuple[int, int, int]:
    """The colour a terminal shows for ``color`` once Rich has mapped it to ``system``."""
    terminal = DEFAULT_TERMINAL_THEME
    if color is None or color.type == ColorType.DEFAULT:
        default = terminal.background_color if background else terminal.foreground_color
        return default.red, default.green, default.blue
    if color.type == ColorType.TRUECOLOR and system != ColorSystem.TRUECOLOR:
        color = color.downgrade(system)
    triplet = color.get_truecolor(terminal, foreground=not background)
    return triplet.red, triplet.green, triplet.blue


def _luminance(rgb: tuple[int, int, int]) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(style: Style, system: ColorSystem) -> float:
    fg = _luminance(_rgb(style.color, system, background=False))
    bg = _luminance(_rgb(style.bgcolor, system, background=True))
    light, dark = max(fg, bg), min(fg, bg)
    return (light + 0.05) / (dark + 0.05)


def _text_styles(strips: list[list[tuple[str, Style]]]) -> set[Style]:
    """Distinct (colour, background) of the visible characters in rendered lines."""
    found: set[Style] = set()
    for line in strips:
        for text, style in line:
            if text.strip() and not style.dim:
                found.add(Style(color=style.color, bgcolor=style.bgcolor))
    return found


def _segments(widget: object, height: int) -> list[list[tuple[str, Style]]]:
    lines = []
    for y in range(height):
        strip = widget.render_line(y)  # type: ignore[attr-defined]
        lines.append([(seg.text, seg.style or Style()) for seg in strip])
    return lines


async def _pairs(app: InbriefApp) -> dict[str, Style]:
    """Name -> rendered style of the pairs that must be readable, in the current theme."""
    pilot_app = app
    reader = pilot_app.screen
    view = reader.query_one(ArticleView)
    base = view.rich_style
    pairs = {
        "text": base,
        "highlight (h)": base + view._style("summary"),
        "find hit": base + view._style("match"),
        "current find hit": base + view._style("match-current"),
    }
    toc = reader.query_one(TableOfContents)
    for index, style in enumerate(sorted(_text_styles(_segments(toc, toc.size.height)), key=str)):
        pairs[f"contents {index}"] = style
    from textual.widgets._footer import FooterKey

    footer: set[Style] = set()
    for key in reader.query(FooterKey):
        if not key.has_class("-disabled"):
            footer |= _text_styles(_segments(key, 1))
    for index, style in enumerate(sorted(footer, key=str)):
        pairs[f"footer {index}"] = style
    return pairs


@pytest.mark.asyncio
@pytest.mark.parametrize("theme", THEMES)
async def test_theme_pairs_are_readable_in_every_palette(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, theme: str
) -> None:
    isolate(monkeypatch, tmp_path)
    app = make_app(seeded_library(tmp_path))
    app.config.theme = theme
    async with app.run_test(size=(160, 48)) as pilot:
        await open_reader(app, pilot)
        failures: list[str] = []
        for focus in ("text", "contents"):
            if focus == "contents":
                await pilot.press("shift+tab")
                await pilot.pause()
            for name, style in (await _pairs(app)).items():
                for system_name, system in SYSTEMS.items():
                    ratio = contrast(style, system)
                    failure = f"{name} in {system_name} colours: {ratio:.2f} ({style})"
                    if ratio < MINIMUM and failure not in failures:
                        failures.append(failure)
        assert not failures, "\n".join(failures)
        # The h highlight and find hits stand out from the text's background in every palette.
        pairs = await _pairs(app)
        for name in ("highlight (h)", "find hit"):
            for system_name, system in SYSTEMS.items():
                marked = _rgb(pairs[name].bgcolor, system, background=True)
                plain = _rgb(pairs["text"].bgcolor, system, background=True)
                assert marked != plain, (name, system_name)


@pytest.mark.asyncio
async def test_dark_theme_is_grey_not_navy_or_black_in_256_colours(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Over SSH and in tmux (256 colours) the panes came out navy (#00005f) and the text black."""
    isolate(monkeypatch, tmp_path)
    app = make_app(seeded_library(tmp_path))
    async with app.run_test(size=(160, 48)) as pilot:
        reader = await open_reader(app, pilot)
        text = reader.query_one(ArticleView).rich_style.bgcolor
        pane = reader.query_one(TableOfContents).rich_style.bgcolor
        for color in (text, pane):
            r, g, b = _rgb(color, ColorSystem.EIGHT_BIT, background=True)
            assert r == g == b and r > 0, (color, (r, g, b))  # on the grey ramp, not black


def _edge_style(widget: Widget, side: str) -> Style:
    """The pane edge on ``side`` as the terminal gets it: its colour over the pane's background."""
    kind, color = getattr(widget.styles, f"border_{side}")
    assert kind == "vkey", (widget, side, kind)
    background = widget.background_colors[1]
    return Style(color=(background + color).rich_color, bgcolor=background.rich_color)


@pytest.mark.asyncio
@pytest.mark.parametrize("theme", THEMES)
async def test_pane_edges_are_visible_in_every_palette(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, theme: str
) -> None:
    """The edge between the text and a side pane stands out from the pane (3:1, the contrast
    asked of lines that are not text); drawn in the panel colour it was black on black in 16
    colours (TERM=linux, NO_COLOR) and about 1.1:1 in 256."""
    isolate(monkeypatch, tmp_path)
    app = make_app(seeded_library(tmp_path))
    app.config.theme = theme
    async with app.run_test(size=(160, 48)) as pilot:
        reader = await open_reader(app, pilot)
        edges = {
            "contents": _edge_style(reader.query_one(TableOfContents), "right"),
            "summary": _edge_style(reader.query_one(SummaryPane), "left"),
        }
        for name, style in edges.items():
            for system_name, system in SYSTEMS.items():
                ratio = contrast(style, system)
                assert ratio >= 3, f"{name} edge in {system_name} colours: {ratio:.2f} ({style})"
