"""A separate window for the wall, to put full screen on a second monitor.

The pane's wall widget moves into this window while it is open and back when it
closes, so the same players keep running; nothing decodes twice.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from console.views.video_wall import VideoWall


class WallWindow(QWidget):
    closed = Signal()

    def __init__(self, wall: VideoWall) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setObjectName("videoWallWindow")
        self.setWindowTitle(self.tr("Video wall"))
        self.wall = wall
        self.screens = QComboBox()
        for screen in QGuiApplication.screens():
            self.screens.addItem(screen.name() or screen.model(), screen.name())
        self.full = QPushButton(self.tr("Full screen"))
        self.full.setCheckable(True)
        self.full.toggled.connect(self.set_full_screen)
        bar = QHBoxLayout()
        bar.addWidget(self.screens)
        bar.addWidget(self.full)
        bar.addStretch(1)
        self._bar = QWidget()
        self._bar.setLayout(bar)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._bar)
        layout.addWidget(wall, 1)
        wall.show()
        QShortcut(QKeySequence("F11"), self, self.full.toggle)
        QShortcut(QKeySequence("Esc"), self, lambda: self.full.setChecked(False))
        screens = QGuiApplication.screens()
        if len(screens) > 1:  # a second monitor is what this window is for
            self.screens.setCurrentIndex(1)

    def set_full_screen(self, full: bool) -> None:
        screens = QGuiApplication.screens()
        index = self.screens.currentIndex()
        if full and 0 <= index < len(screens):
            screen = screens[index]
            self.setScreen(screen)
            self.move(screen.geometry().topLeft())
            self._bar.hide()
            self.showFullScreen()
        else:
            self._bar.show()
            self.showNormal()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closed.emit()
        super().closeEvent(event)
