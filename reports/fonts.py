"""The CJK font every report is set in, found on this machine and embedded as a subset.

ReportLab embeds TrueType outlines only (the Noto CJK fonts carry CFF outlines and are
refused), so the reports use WenQuanYi Zen Hei. It is looked for in CONSOLE_REPORT_FONT
(a file path), then in the usual font folders of Debian/Ubuntu, Fedora, Windows and
macOS. Without it a report cannot print Chinese, so generation stops with a message
naming the file expected and how to get it.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from console import messages
from console.errors import KnownError

FONT_ENV = "CONSOLE_REPORT_FONT"
FONT_NAME = "ReportCJK"
FONT_FILES = ("wqy-zenhei.ttc", "wqy-zenhei.ttf")
FONT_DIRS = (
    "/usr/share/fonts/truetype/wqy",  # Debian, Ubuntu (fonts-wqy-zenhei)
    "/usr/share/fonts/wqy-zenhei",  # Fedora (wqy-zenhei-fonts)
    "/usr/share/fonts/wenquanyi/wqy-zenhei",  # Arch
    "/usr/local/share/fonts",
    "~/.local/share/fonts",
    "~/.fonts",
    "~/Library/Fonts",  # macOS, per user
    "/Library/Fonts",
    "%LOCALAPPDATA%/Microsoft/Windows/Fonts",  # Windows, per user
    "%WINDIR%/Fonts",
)

messages.register(
    {
        "report.font_missing": (
            "找不到报表所需的中文字体文件 wqy-zenhei.ttc（文泉驿正黑）。已查找：{searched}。"
            "请安装字体（Debian/Ubuntu：apt-get install fonts-wqy-zenhei），"
            "或将环境变量 CONSOLE_REPORT_FONT 设为该字体文件的路径。",
            "The Chinese font the reports need, wqy-zenhei.ttc (WenQuanYi Zen Hei), was not "
            "found. Searched: {searched}. Install it (Debian/Ubuntu: apt-get install "
            "fonts-wqy-zenhei) or set the environment variable CONSOLE_REPORT_FONT to the "
            "font file's path.",
        ),
        "report.font_unusable": (
            "报表字体文件无法使用：{path}（{detail}）",
            "The report font file cannot be used: {path} ({detail})",
        ),
    }
)


class FontMissing(KnownError):
    """No usable CJK font: reports cannot be generated on this machine as it is."""


_lock = threading.Lock()
_registered: Path | None = None


def candidates(environ: dict[str, str] | None = None) -> list[Path]:
    """Where the font is looked for, in order. A file named by CONSOLE_REPORT_FONT is
    the only candidate: a setting that points nowhere should say so, not be ignored."""
    env = os.environ if environ is None else environ
    explicit = env.get(FONT_ENV, "").strip()
    if explicit:
        return [Path(explicit).expanduser()]
    found: list[Path] = []
    for folder in FONT_DIRS:
        expanded = os.path.expandvars(os.path.expanduser(folder))
        if "%" in expanded or "$" in expanded:
            continue  # a Windows variable not set on this system
        found.extend(Path(expanded) / name for name in FONT_FILES)
    return found


def find_font(paths: Iterable[Path] | None = None) -> Path:
    """The first existing candidate; FontMissing naming what was searched otherwise."""
    searched = list(paths) if paths is not None else candidates()
    for path in searched:
        if path.is_file():
            return path
    raise FontMissing("report.font_missing", searched="; ".join(str(p) for p in searched))


def register_font(paths: Iterable[Path] | None = None) -> str:
    """Register the CJK font with ReportLab once per process; returns its font name."""
    global _registered
    with _lock:
        path = find_font(paths)
        if _registered == path:
            return FONT_NAME
        try:
            font = TTFont(FONT_NAME, str(path), subfontIndex=0)
        except (TTFError, OSError) as error:
            raise FontMissing("report.font_unusable", path=str(path), detail=error) from error
        pdfmetrics.registerFont(font)
        _registered = path
        return FONT_NAME
