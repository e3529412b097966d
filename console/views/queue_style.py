"""Colours of the queue's deadline states, readable on light and dark themes alike.

A coloured text on a faint tint of the same hue: on a light base the text is dark and
the tint pale, on a dark base the text is light and the tint deep, so the contrast of
text to tint stays high either way and the colours never fight the theme.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette


@dataclass(frozen=True)
class Tone:
    text: QColor
    tint: QColor


@dataclass(frozen=True)
class QueueColours:
    overdue: Tone
    near: Tone
    urgent: QColor  # the word 紧急 in the urgency column
    placeholder: QColor  # rows whose page is still on its way

    def tone(self, status: str) -> Tone | None:
        if status == "overdue":
            return self.overdue
        if status == "near":
            return self.near
        return None


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def queue_colours(palette: QPalette) -> QueueColours:
    placeholder = palette.color(QPalette.ColorRole.PlaceholderText)
    if is_dark(palette):
        return QueueColours(
            overdue=Tone(QColor("#ff8a80"), QColor("#4a1f1f")),
            near=Tone(QColor("#ffd54f"), QColor("#45391a")),
            urgent=QColor("#ff8a80"),
            placeholder=placeholder,
        )
    return QueueColours(
        overdue=Tone(QColor("#b71c1c"), QColor("#fde7e7")),
        near=Tone(QColor("#8d5a00"), QColor("#fff3d1")),
        urgent=QColor("#c62828"),
        placeholder=placeholder,
    )
