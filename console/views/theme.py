"""The two looks of the console: a dark command-center theme and a light office theme.

A theme is a palette (so every widget, dialogs included, gets sensible colours from the
Fusion style) plus a style sheet in resources/themes/<name>.qss for what a palette cannot
say: dock titles, banners, the status bar. Both are set on the application, so the
switch is live and applies to windows opened later too.
"""

from __future__ import annotations

import logging
from functools import cache

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from console.i18n import RESOURCES_DIR

log = logging.getLogger("console.views")

THEMES_DIR = RESOURCES_DIR / "themes"
THEMES = ("dark", "light")
DEFAULT_THEME = "dark"

Role = QPalette.ColorRole
Group = QPalette.ColorGroup

# role: colour, then the disabled colour where it differs.
_COLOURS: dict[str, dict[Role, tuple[str, ...]]] = {
    "dark": {
        Role.Window: ("#111a2b",),
        Role.WindowText: ("#dce6f2", "#5d6b80"),
        Role.Base: ("#0b1322",),
        Role.AlternateBase: ("#132038",),
        Role.Text: ("#dce6f2", "#5d6b80"),
        Role.PlaceholderText: ("#6f7f96",),
        Role.Button: ("#1a2740",),
        Role.ButtonText: ("#dce6f2", "#5d6b80"),
        Role.BrightText: ("#ffffff",),
        Role.Highlight: ("#1f6fd1", "#2a3a55"),
        Role.HighlightedText: ("#ffffff",),
        Role.ToolTipBase: ("#1a2740",),
        Role.ToolTipText: ("#dce6f2",),
        Role.Link: ("#4cb8ff",),
        Role.Light: ("#2a3a55",),
        Role.Midlight: ("#223150",),
        Role.Mid: ("#1a2740",),
        Role.Dark: ("#070d18",),
        Role.Shadow: ("#000000",),
    },
    "light": {
        Role.Window: ("#eef1f5",),
        Role.WindowText: ("#1b2533", "#9aa5b4"),
        Role.Base: ("#ffffff",),
        Role.AlternateBase: ("#f5f7fa",),
        Role.Text: ("#1b2533", "#9aa5b4"),
        Role.PlaceholderText: ("#8995a5",),
        Role.Button: ("#f7f9fb",),
        Role.ButtonText: ("#1b2533", "#9aa5b4"),
        Role.BrightText: ("#ffffff",),
        Role.Highlight: ("#1565c0", "#c9d3df"),
        Role.HighlightedText: ("#ffffff",),
        Role.ToolTipBase: ("#ffffff",),
        Role.ToolTipText: ("#1b2533",),
        Role.Link: ("#1565c0",),
        Role.Light: ("#ffffff",),
        Role.Midlight: ("#e3e8ee",),
        Role.Mid: ("#c4ccd6",),
        Role.Dark: ("#9aa5b4",),
        Role.Shadow: ("#5d6b80",),
    },
}


def normalise_theme(name: object) -> str:
    return name if isinstance(name, str) and name in THEMES else DEFAULT_THEME


def palette(name: str) -> QPalette:
    result = QPalette()
    for role, colours in _COLOURS[normalise_theme(name)].items():
        result.setColor(role, QColor(colours[0]))
        if len(colours) > 1:
            result.setColor(Group.Disabled, role, QColor(colours[1]))
    return result


@cache
def style_sheet(name: str) -> str:
    path = THEMES_DIR / f"{normalise_theme(name)}.qss"
    try:
        return path.read_text(encoding="utf-8")
    except OSError as error:  # a broken installation still gets the palette
        log.warning("cannot read the theme %s: %s", path, error)
        return ""


def apply_theme(app: QApplication, name: str) -> str:
    """Switch the whole application to theme name (unknown names: the default)."""
    name = normalise_theme(name)
    if current_theme(app) == name:
        return name  # a new style sheet re-polishes every widget: not for nothing
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    app.setPalette(palette(name))
    app.setStyleSheet(style_sheet(name))
    app.setProperty("consoleTheme", name)
    return name


def current_theme(app: QApplication) -> str | None:
    name = app.property("consoleTheme")
    return name if isinstance(name, str) else None
