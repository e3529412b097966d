"""The case detail pane: the selected case in full, and the actions open to the user on it.

Loads run on the database worker and come back as plain data (services.case_view). An
action (case_action_flow) is one write job at the version on screen; its result is the
case read again, so the pane shows the outcome at once, and other panes hear of it
through the change feed. A refusal is shown in the user's language; a conflict (someone
else was first) reloads the case.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QLabel,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.errors import KnownError
from console.ops import reading
from console.services.case_view import CaseDetail, case_detail
from console.views.action_bar import ActionBar
from console.views.case_action_flow import ActionFlow
from console.views.case_fields import CaseFields
from console.views.case_header import CaseHeader
from console.views.pane_context import PaneContext
from console.views.photo_strip import PhotoStrip
from console.views.timeline_model import TimelineModel


class CaseDetailPane(QWidget):
    loaded = Signal(object)  # the CaseDetail (or None: no such case) just shown
    acted = Signal(str, int)  # action, case id: an action went through

    def __init__(self, ctx: PaneContext) -> None:
        super().__init__()
        self.setObjectName("case_detail_pane")
        self._ctx = ctx
        self._case_id: int | None = None
        self._detail: CaseDetail | None = None
        self._loading = False
        self._reload_again = False
        self._after_load: list[Callable[[], None]] = []
        self._error: KnownError | None = None

        self.header = CaseHeader()
        self.action_bar = ActionBar()
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setStyleSheet(
            "color: #b71c1c; background: #ffebee; border-radius: 4px; padding: 6px;"
        )
        self.message.hide()
        self.fields = CaseFields()
        scroll = QScrollArea()
        scroll.setWidget(self.fields)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.photos = PhotoStrip(ctx.worker)
        self.timeline = TimelineModel(self)
        self.timeline_view = QTableView()
        self.timeline_view.setObjectName("timeline")
        self.timeline_view.setModel(self.timeline)
        self.timeline_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.timeline_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline_view.setAlternatingRowColors(True)
        self.timeline_view.verticalHeader().hide()
        self.timeline_view.horizontalHeader().setStretchLastSection(True)
        self.timeline_view.setWordWrap(False)

        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.photos)
        lower_layout.addWidget(self.timeline_view, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(scroll)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)

        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.setSpacing(8)
        content_layout.addWidget(self.header)
        content_layout.addWidget(self.action_bar)
        content_layout.addWidget(self.message)
        content_layout.addWidget(splitter, 1)
        self.placeholder = QLabel()
        self.placeholder.setObjectName("placeholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setStyleSheet("color: #757575;")
        self.pages = QStackedWidget()
        self.pages.addWidget(self.placeholder)
        self.pages.addWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self.pages)

        self.flow = ActionFlow(ctx, self, lambda: self._detail, self._reload_then)
        self.flow.busy_changed.connect(self.action_bar.set_busy)
        self.flow.finished.connect(self._acted)
        self.flow.refused.connect(self._show_message)
        self.action_bar.triggered.connect(self.trigger)
        self.action_bar.set_online(ctx.bus.online)
        ctx.selection.selected.connect(self.show_case)
        ctx.bus.cases_changed.connect(self._cases_changed)
        ctx.bus.connection_changed.connect(self._connection_changed)
        self.retranslate()
        if ctx.selection.case_id is not None:
            self.show_case(ctx.selection.case_id)

    @property
    def detail(self) -> CaseDetail | None:
        return self._detail

    @property
    def case_id(self) -> int | None:
        return self._case_id

    # -- loading ---------------------------------------------------------------------------

    def show_case(self, case_id: int) -> None:
        if case_id != self._case_id:
            self._case_id = case_id
            self._detail = None
            self.action_bar.set_actions([])  # nothing meant for the previous case stays armed
            self._after_load.clear()
            self._show_message(None)
        self.reload()

    def reload(self) -> None:
        if self._case_id is None:
            return
        if self._loading:
            self._reload_again = True
            return
        self._loading = True
        case_id = self._case_id
        self._ctx.worker.submit(
            reading(partial(case_detail, case_id=case_id, actor=self._ctx.actor)),
            success=partial(self._loaded, case_id),
            failure=self._load_failed,
            owner=self,
        )

    def _loaded(self, case_id: int, detail: CaseDetail | None) -> None:
        self._loading = False
        if self._reload_again or case_id != self._case_id:
            self._reload_again = False
            self.reload()
            return
        self._show(detail)
        waiting, self._after_load = self._after_load, []
        for then in waiting:
            then()

    def _load_failed(self, error: KnownError) -> None:
        self._loading = False
        self._show_message(error)
        if self._reload_again:
            self._reload_again = False
            self.reload()

    def _show(self, detail: CaseDetail | None) -> None:
        self._detail = detail
        self.pages.setCurrentIndex(1 if detail is not None else 0)
        self._placeholder_text()
        self.header.show_detail(detail)
        self.fields.show_detail(detail)
        language = self._ctx.translations.language
        if detail is None:
            self.photos.set_attachments([], "Asia/Shanghai", language)
            self.timeline.set_entries([], "Asia/Shanghai")
            self.action_bar.set_actions([])
        else:
            self.photos.set_attachments(detail.attachments, detail.timezone, language)
            self.timeline.set_entries(detail.timeline, detail.timezone)
            self.timeline_view.resizeColumnsToContents()
            self.action_bar.set_actions(detail.allowed_actions)
        self.loaded.emit(detail)

    def _cases_changed(self, ids: Sequence[int]) -> None:
        if self._case_id is not None and (not ids or self._case_id in ids):
            self.reload()

    def _connection_changed(self, online: bool) -> None:
        self.action_bar.set_online(online)
        if online:
            self.reload()

    # -- actions ---------------------------------------------------------------------------

    def trigger(self, action: str) -> None:
        """Run an action on the shown case: its dialog or confirmation, then the job."""
        detail = self._detail
        if detail is None or self.flow.busy or not self._ctx.bus.online:
            return
        if action not in detail.allowed_actions:
            return
        self._show_message(None)
        self._bring_forward()
        self.flow.start(detail, action)

    def _bring_forward(self) -> None:
        """A shortcut pressed in another pane: show this one (its dock tab) first.

        A dock tabbed behind another is moved off the window, not hidden: isVisible()
        stays True there, so what counts is whether any of the pane is on screen.
        """
        if not self.visibleRegion().isEmpty():
            return
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QDockWidget):
            parent = parent.parentWidget()
        if parent is not None:
            parent.show()
            parent.raise_()

    def _acted(self, action: str, case_id: int, detail: CaseDetail | None) -> None:
        if case_id == self._case_id:
            self._show(detail)
        self.acted.emit(action, case_id)

    def _reload_then(self, then: Callable[[], None]) -> None:
        self._after_load.append(then)
        self.reload()

    def stop(self) -> None:
        """Stop the countdown's timer (the window is closing; Shell.stop calls this)."""
        self.header.stop()

    # -- texts -----------------------------------------------------------------------------

    def _show_message(self, error: KnownError | None) -> None:
        self._error = error
        if error is None:
            self.message.clear()
            self.message.hide()
            return
        self.message.setText(error.message(self._ctx.translations.language))
        self.message.show()

    def _placeholder_text(self) -> None:
        if self._case_id is None:
            self.placeholder.setText(self.tr("Select a case to see it here."))
        elif self._detail is None and not self._loading:
            self.placeholder.setText(self.tr("This case does not exist (any more)."))
        else:
            self.placeholder.setText(self.tr("Loading…"))

    def retranslate(self) -> None:
        self._placeholder_text()
        self.header.refresh()
        self.fields.retranslate()
        self.photos.retranslate()
        self.timeline.retranslate()
        self._show_message(self._error)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
