"""The campaigns pane: special campaigns (专项整治) and the difficulty list (难点清单),
two tabs of the same work: clearing problems one by one, with nothing left over."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from console.views.campaign_view import CampaignsView
from console.views.difficulty_view import DifficultyView
from console.views.pane_context import PaneContext


class CampaignPane(QWidget):
    def __init__(self, ctx: PaneContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.campaigns = CampaignsView(ctx)
        self.difficulty = DifficultyView(ctx)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("campaignTabs")
        self.tabs.addTab(self.campaigns, "")
        self.tabs.addTab(self.difficulty, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tabs)
        self.retranslate()

    def retranslate(self) -> None:
        self.tabs.setTabText(0, self.tr("Campaigns"))
        self.tabs.setTabText(1, self.tr("Difficulty list"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
