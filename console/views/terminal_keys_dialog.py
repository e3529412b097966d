"""Field terminals' keys in the console: who holds which phone, issue and revoke keys.

A new key is shown once, in this dialog, to be typed or scanned into the phone; only its
hash is kept. Revoking takes effect on the terminal's next request. The list follows the
change feed, so a key issued at another workstation shows here too.
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from console.errors import KnownError
from console.ops import reading, writing
from console.services import terminals
from console.services.feed import Change
from console.views.pane_context import PaneContext

_COLUMNS = 7


class TerminalKeysAction(QAction):
    """File menu entry; only an administrator may use it (the service checks again)."""

    def __init__(self, ctx: PaneContext, parent: QWidget) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._window = parent
        self.dialog: TerminalKeysDialog | None = None
        self.setEnabled(ctx.actor.has("admin"))
        self.triggered.connect(self.open)
        ctx.translations.changed.connect(self.retranslate)
        self.retranslate()

    def open(self) -> None:
        if self.dialog is None:
            self.dialog = TerminalKeysDialog(self._ctx, self._window)
        self.dialog.show()
        self.dialog.raise_()

    def retranslate(self, *_args: Any) -> None:
        self.setText(self.tr("Field terminal &keys…"))


class TerminalKeysDialog(QDialog):
    def __init__(self, ctx: PaneContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("terminalKeysDialog")
        self.ctx = ctx
        self.rows: list[terminals.TerminalRow] = []
        self.zone = ZoneInfo(ctx.settings.timezone)
        self.table = QTableWidget(0, _COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.holder_label = QLabel()
        self.holder = QComboBox()
        self.holder.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.holder.setMinimumContentsLength(18)
        self.issue_button = QPushButton()
        self.issue_button.clicked.connect(self.issue)
        self.revoke_button = QPushButton()
        self.revoke_button.clicked.connect(self.revoke)
        self.key_label = QLabel()
        self.key_label.setObjectName("terminalKeyLabel")
        self.key_code: str | None = None  # the terminal the shown key belongs to
        self.key = QLineEdit()
        self.key.setReadOnly(True)
        self.key.setObjectName("terminalKey")
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(self.copy_key)
        self.status = QLabel()
        self.status.setObjectName("statusLine")
        self.status.setWordWrap(True)

        actions = QHBoxLayout()
        for widget in (self.holder_label, self.holder, self.issue_button, self.revoke_button):
            actions.addWidget(widget)
        actions.addStretch(1)
        shown = QHBoxLayout()
        for part in (self.key_label, self.key, self.copy_button):
            shown.addWidget(part)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addLayout(shown)
        layout.addWidget(self.status)
        self.resize(900, 520)

        ctx.bus.changed.connect(self._changed)
        self.retranslate()
        self._update_buttons()
        self.refresh()

    # -- data ------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.ctx.worker.submit(
            reading(self._load), success=self._loaded, failure=self.show_error, owner=self
        )

    @staticmethod
    def _load(session: Session) -> tuple[list[terminals.TerminalRow], list[tuple[int, str, str]]]:
        return terminals.list_terminals(session), terminals.inspector_accounts(session)

    def _loaded(self, data: tuple[list[terminals.TerminalRow], list[tuple[int, str, str]]]) -> None:
        rows, holders = data
        chosen = self.selected()
        self.rows = rows
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            texts = [
                row.code,
                row.holder_name,
                row.holder_username or "—",
                row.community or "—",
                row.key_prefix if row.has_key else self.tr("none"),
                self._when(row.issued_at),
                self._when(row.last_seen_at),
            ]
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                if not row.active:
                    item.setForeground(Qt.GlobalColor.gray)
                self.table.setItem(index, column, item)
            if chosen is not None and row.id == chosen.id:
                self.table.selectRow(index)
            if row.code == self.key_code and row.key_prefix != self.key.text().partition(".")[0]:
                self._clear_key()  # replaced or revoked since, here or elsewhere: useless now
        current = self.holder.currentData()
        self.holder.clear()
        self.holder.addItem(self.tr("(the terminal's holder)"), None)
        for user_id, username, display in holders:
            self.holder.addItem(f"{display} ({username})", user_id)
        if current is not None:
            self.holder.setCurrentIndex(max(0, self.holder.findData(current)))
        self._update_buttons()

    def _when(self, at: dt.datetime | None) -> str:
        return at.astimezone(self.zone).strftime("%Y-%m-%d %H:%M") if at else "—"

    def _changed(self, changes: list[Change]) -> None:
        if any(c.entity in ("field_terminal", "app_user") for c in changes):
            self.refresh()

    def selected(self) -> terminals.TerminalRow | None:
        index = self.table.currentRow()
        picked = (
            self.table.selectionModel().hasSelection() if self.table.selectionModel() else False
        )
        return self.rows[index] if picked and 0 <= index < len(self.rows) else None

    # -- actions ---------------------------------------------------------------------------

    def _confirm(self, text: str) -> bool:
        """A key change stops a phone in the street at once: never on a stray click."""
        answer = QMessageBox.question(self, self.windowTitle(), text)
        return answer == QMessageBox.StandardButton.Yes

    def issue(self) -> None:
        row = self.selected()
        if row is None:
            return
        if row.has_key and not self._confirm(
            self.tr("Terminal %1 has a key; a new one stops it at once. Issue a new key?").replace(
                "%1", row.code
            )
        ):
            return
        job = partial(
            terminals.issue_key,
            actor=self.ctx.actor,
            terminal_id=row.id,
            holder_user_id=self.holder.currentData(),
        )
        self.ctx.worker.submit(
            writing(job),
            success=self._issued,
            failure=self.show_error,
            owner=self,
        )

    def _issued(self, issued: terminals.IssuedKey) -> None:
        # Labelled with its terminal: it stays shown while other rows are picked, and
        # must not be typed into the wrong phone.
        self.key_code = issued.code
        self.key.setText(issued.key)
        self._label_key()
        self.copy_button.setEnabled(True)
        self.show_error(None)
        self.status.setText(
            self.tr("New key for %1: shown only now. Enter it in the terminal.").replace(
                "%1", issued.code
            )
        )
        self.refresh()

    def revoke(self) -> None:
        row = self.selected()
        if row is None:
            return
        if not self._confirm(
            self.tr(
                "Revoke the key of %1? The terminal cannot report until it gets a new key."
            ).replace("%1", row.code)
        ):
            return
        job = partial(terminals.revoke_key, actor=self.ctx.actor, terminal_id=row.id)
        self.ctx.worker.submit(
            writing(job),
            success=lambda _done: self._revoked(row.code),
            failure=self.show_error,
            owner=self,
        )

    def _revoked(self, code: str) -> None:
        if code == self.key_code:
            self._clear_key()
        self.show_error(None)
        self.status.setText(self.tr("The key of %1 is revoked.").replace("%1", code))
        self.refresh()

    def _clear_key(self) -> None:
        self.key_code = None
        self.key.clear()
        self.copy_button.setEnabled(False)
        self._label_key()

    def _label_key(self) -> None:
        if self.key_code is None:
            self.key_label.setText(self.tr("New key:"))
        else:
            self.key_label.setText(self.tr("New key for %1:").replace("%1", self.key_code))

    def copy_key(self) -> None:
        QGuiApplication.clipboard().setText(self.key.text())

    def show_error(self, error: KnownError | None) -> None:
        self.status.setProperty("error", error is not None)
        if error is not None:
            self.status.setText(error.message(self.ctx.translations.language))

    def _update_buttons(self) -> None:
        row = self.selected()
        admin = self.ctx.actor.has("admin")
        self.issue_button.setEnabled(admin and row is not None and row.active)
        self.revoke_button.setEnabled(admin and row is not None and row.has_key)
        self.copy_button.setEnabled(bool(self.key.text()))

    # -- texts -----------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Field terminal keys"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Terminal"),
                self.tr("Holder"),
                self.tr("Account"),
                self.tr("Community"),
                self.tr("Key"),
                self.tr("Issued"),
                self.tr("Last seen"),
            ]
        )
        self.holder_label.setText(self.tr("Holder:"))
        self.issue_button.setText(self.tr("&Issue new key"))
        self.revoke_button.setText(self.tr("&Revoke key"))
        self._label_key()
        self.copy_button.setText(self.tr("&Copy"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.refresh()
        super().changeEvent(event)
