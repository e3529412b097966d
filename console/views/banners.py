"""Bars across the top of the main window: the database is gone; an urgent case came in.

Neither is modal: the operator keeps reading what is on screen while the database is
away, and an urgent case is one click from its detail, never a dialog in the way.
"""

from __future__ import annotations

import datetime as dt
import time
from functools import partial
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QWidget,
)

from console.i18n import Translations
from console.ops import DatabaseWorker, reading
from console.services.alerts import CaseHeadline, case_headline
from console.views.bus import ChangeBus
from console.views.labels import fill


def elapsed_text(seconds: float) -> str:
    """0:07, 12:03, 1:02:03."""
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def _icon_label(parent: QWidget, icon: QStyle.StandardPixmap) -> QLabel:
    label = QLabel(parent)
    size = parent.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
    # QIcon.pixmap(size) honours the screen's device pixel ratio: crisp at 150 % too.
    label.setPixmap(parent.style().standardIcon(icon).pixmap(size, size))
    return label


class OfflineBanner(QFrame):
    """Shown while bus.online is False, with the time the connection was lost."""

    def __init__(self, bus: ChangeBus, *, timezone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("offlineBanner")
        self._zone = ZoneInfo(timezone)  # the center's clock, as every time on screen
        self._lost_at: dt.datetime | None = None
        self._lost_mono = 0.0
        self.text = QLabel(self)
        self.text.setObjectName("offlineText")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.addWidget(_icon_label(self, QStyle.StandardPixmap.SP_MessageBoxWarning))
        layout.addWidget(self.text, 1)
        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self.retranslate)
        bus.connection_changed.connect(self.set_online)
        self.set_online(bus.online)

    def set_online(self, online: bool) -> None:
        if online:
            self._lost_at = None
            self._clock.stop()
            self.hide()
            return
        if self._lost_at is None:
            self._lost_at = dt.datetime.now(self._zone)
            self._lost_mono = time.monotonic()
        self.retranslate()
        self._clock.start()
        self.show()

    def stop(self) -> None:
        self._clock.stop()

    def retranslate(self) -> None:
        if self._lost_at is None:
            self.text.clear()
            return
        self.text.setText(
            fill(
                self.tr(
                    "Database unreachable since %1 (%2). Reconnecting… "
                    "Changes cannot be saved until it is back."
                ),
                self._lost_at.strftime("%H:%M:%S"),
                elapsed_text(time.monotonic() - self._lost_mono),
            )
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class UrgentBar(QFrame):
    """New urgent cases, newest first; clicking shows the newest, Dismiss hides them all."""

    open_case = Signal(int)

    def __init__(
        self, worker: DatabaseWorker, translations: Translations, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("urgentBar")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._worker = worker
        self._translations = translations
        self.sound = False
        self.pending: list[int] = []  # newest last
        self._headlines: dict[int, CaseHeadline] = {}
        self.text = QLabel(self)
        self.text.setObjectName("urgentText")
        self.show_button = QPushButton(self)
        self.show_button.setObjectName("showUrgent")
        self.dismiss_button = QPushButton(self)
        self.dismiss_button.setObjectName("dismissUrgent")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 5, 12, 5)
        layout.addWidget(_icon_label(self, QStyle.StandardPixmap.SP_MessageBoxInformation))
        layout.addWidget(self.text, 1)
        layout.addWidget(self.show_button)
        layout.addWidget(self.dismiss_button)
        self.show_button.clicked.connect(self.open_newest)
        self.dismiss_button.clicked.connect(self.dismiss)
        self.hide()
        self.retranslate()

    def add(self, case_id: int) -> None:
        if case_id in self.pending:
            return
        self.pending.append(case_id)
        self._worker.submit(
            reading(partial(case_headline, case_id=case_id)),
            success=self._headline_arrived,
            failure=self._headline_failed,
            owner=self,
        )
        if self.sound:
            QApplication.beep()
        self.retranslate()
        self.show()

    def open_newest(self) -> None:
        if not self.pending:
            return
        case_id = self.pending.pop()
        self.retranslate()
        self.setVisible(bool(self.pending))
        self.open_case.emit(case_id)

    def dismiss(self) -> None:
        self.pending.clear()
        self.hide()

    def _headline_arrived(self, headline: CaseHeadline | None) -> None:
        if headline is not None:
            self._headlines[headline.id] = headline
            self.retranslate()

    def _headline_failed(self, _error: object) -> None:
        pass  # the bar keeps the case number; the database state shows elsewhere

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.open_newest()
        super().mouseReleaseEvent(event)

    def retranslate(self) -> None:
        self.show_button.setText(self.tr("Show case"))
        self.dismiss_button.setText(self.tr("Dismiss"))
        if not self.pending:
            self.text.clear()
            return
        case_id = self.pending[-1]
        headline = self._headlines.get(case_id)
        if headline is None:
            text = fill(self.tr("Urgent case reported (no. %1)"), str(case_id))
        else:
            english = self._translations.language == "en" and headline.category_en
            category = headline.category_en if english else headline.category_zh
            text = fill(
                self.tr("Urgent case %1: %2, %3"),
                headline.number,
                category,
                headline.address or "—",
            )
        if len(self.pending) > 1:
            text += " " + fill(self.tr("(%1 more)"), str(len(self.pending) - 1))
        self.text.setText(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
