"""The bottom line of the main window: who, where, whether the database answers, and how
many cases fall due within the hour (refreshed when cases change and every minute)."""

from __future__ import annotations

import datetime as dt
from functools import partial

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from console.ops import reading
from console.services.accounts import display_name
from console.services.due_soon import due_within
from console.views.bus import ChangeBus
from console.views.labels import fill, join_labels, role_label
from console.views.pane_context import PaneContext

REFRESH_MS = 60_000
DUE_MINUTES = 60
DOT_PX = 10
DOT_COLOURS = {True: "#30c48d", False: "#e5484d"}


class ConsoleStatusBar(QStatusBar):
    def __init__(self, ctx: PaneContext, *, database: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeGripEnabled(False)
        self._ctx = ctx
        self._bus: ChangeBus = ctx.bus
        self._database = database
        self._display_name = ""
        self._due: int | None = None
        self._loading = False
        self._stale = False

        self.user = QLabel(self)
        self.user.setObjectName("user")
        self.roles = QLabel(self)
        self.roles.setObjectName("roles")
        self.database = QLabel(self)
        self.database.setObjectName("database")
        self.database.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.dot = QLabel(self)
        self.dot.setObjectName("connectionDot")
        self.dot.setFixedSize(DOT_PX, DOT_PX)
        self.connection = QLabel(self)
        self.connection.setObjectName("connection")
        self.due = QLabel(self)
        self.due.setObjectName("dueSoon")
        for widget in (self.user, self.roles, self.database):
            self.addWidget(widget)
        for widget in (self.due, self.dot, self.connection):
            self.addPermanentWidget(widget)

        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh_due)
        self._bus.cases_changed.connect(self.refresh_due)
        self._bus.connection_changed.connect(self._connection_changed)
        self.retranslate()
        ctx.worker.submit(
            reading(partial(display_name, user_id=ctx.actor.user_id)),
            success=self._name_arrived,
            failure=lambda _error: None,  # the user name alone will do
            owner=self,
        )
        self.refresh_due()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    @property
    def due_count(self) -> int | None:
        return self._due

    def refresh_due(self, *_changed: object) -> None:
        """Count again; while a count is out, one more follows it (never a pile)."""
        if self._loading:
            self._stale = True
            return
        if not self._bus.online:
            return
        self._loading = True
        now = dt.datetime.now(dt.UTC)
        self._ctx.worker.submit(
            reading(partial(due_within, now=now, minutes=DUE_MINUTES)),
            success=self._due_arrived,
            failure=self._due_failed,
            owner=self,
        )

    def _due_arrived(self, count: int) -> None:
        self._loading = False
        self._due = count
        self._show_due()
        if self._stale:
            self._stale = False
            self.refresh_due()

    def _due_failed(self, _error: object) -> None:
        # The connection state shows what went wrong; the count comes back with it.
        self._loading = False
        self._stale = False

    def _name_arrived(self, name: str) -> None:
        self._display_name = name
        self._show_user()

    def _connection_changed(self, online: bool) -> None:
        self._show_connection()
        if online:
            self.refresh_due()

    # -- texts -----------------------------------------------------------------------------

    def _show_user(self) -> None:
        actor = self._ctx.actor
        name = self._display_name
        shown = fill(self.tr("%1 (%2)"), name, actor.username) if name else actor.username
        self.user.setText(fill(self.tr("User: %1"), shown))

    def _show_connection(self) -> None:
        online = self._bus.online
        self.dot.setStyleSheet(
            f"background: {DOT_COLOURS[online]}; border-radius: {DOT_PX // 2}px;"
        )
        self.connection.setText(self.tr("Online") if online else self.tr("Offline"))
        self.dot.setToolTip(self.connection.text())

    def _show_due(self) -> None:
        count = "—" if self._due is None else str(self._due)
        self.due.setText(fill(self.tr("Due within the hour: %1"), count))
        self.due.setProperty("due", bool(self._due))
        self.due.style().unpolish(self.due)
        self.due.style().polish(self.due)

    def retranslate(self) -> None:
        self._show_user()
        roles = join_labels([role_label(r) for r in sorted(self._ctx.actor.roles)]) or "—"
        self.roles.setText(fill(self.tr("Roles: %1"), roles))
        self.database.setText(fill(self.tr("Database: %1"), self._database))
        self._show_connection()
        self._show_due()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
