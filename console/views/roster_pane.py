"""The duty pane: the roster (值班表) and the handover log (交接班), as two tabs."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from console.views.handover_view import HandoverView
from console.views.pane_context import PaneContext
from console.views.roster_view import RosterView


class RosterPane(QWidget):
    def __init__(self, ctx: PaneContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.roster = RosterView(ctx)
        self.handover = HandoverView(ctx)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("rosterTabs")
        self.tabs.addTab(self.roster, "")
        self.tabs.addTab(self.handover, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tabs)
        self.retranslate()

    def stop(self) -> None:
        """The window is closing (the shell calls this): the roster's clock stops."""
        self.roster.stop()

    def retranslate(self) -> None:
        self.tabs.setTabText(0, self.tr("Roster"))
        self.tabs.setTabText(1, self.tr("Handover"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
