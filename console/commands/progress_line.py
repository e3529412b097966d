"""A one-line progress indicator on stderr for long commands (import, export)."""

from __future__ import annotations

from typing import TextIO

from console.messages import render
from console.services.ledger import Progress


def wanted(stream: TextIO, forced: bool) -> bool:
    """Shown with --progress, or when a person watches the terminal."""
    if forced:
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


class ProgressLine:
    """Progress callback that redraws one line; close() wipes it."""

    def __init__(self, stream: TextIO, language: str, enabled: bool) -> None:
        self.stream = stream
        self.language = language
        self.enabled = enabled
        self._width = 0

    def __call__(self, progress: Progress) -> None:
        if not self.enabled:
            return
        label = render(f"ledger.phase_{progress.phase}", self.language)
        line = f"{label} {progress.done:,}"
        if progress.total:
            line += f" / {progress.total:,}"
        fraction = progress.fraction
        if fraction is not None:
            line += f"  {fraction:4.0%}"
        self._width = max(self._width, len(line) + 4)
        self.stream.write("\r" + line.ljust(self._width))
        self.stream.flush()

    def close(self) -> None:
        if self.enabled and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
            self._width = 0
