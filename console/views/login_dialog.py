"""The sign-in dialog: user name, password, UI language; Enter signs in.

The check runs on the database worker (argon2 takes a noticeable fraction of a second,
and a shared server may be far away); the dialog only shows the outcome.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from console.errors import KnownError
from console.i18n import LANGUAGES, Translations
from console.messages import render
from console.ops import DatabaseWorker, reading
from console.services import auth
from console.services.actor import Actor
from console.store import Store
from console.views.labels import fill


class LoginDialog(QDialog):
    def __init__(
        self,
        worker: DatabaseWorker,
        translations: Translations,
        *,
        workstation: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._translations = translations
        self._workstation = workstation
        self._error: KnownError | None = None
        self._hints: auth.LoginHints | None = None
        self.actor: Actor | None = None

        self.title = QLabel()
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(translations.language))
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.hint = QLabel()
        self.hint.setObjectName("hint")
        self.hint.setStyleSheet("color: #555555;")
        self.hint.setWordWrap(True)
        self.hint.hide()
        # Own buttons, not standard ones: the box would reset standard texts to "OK".
        self.buttons = QDialogButtonBox()
        self.sign_in = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.quit = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.sign_in.setDefault(True)

        self.username_label = QLabel()
        self.password_label = QLabel()
        self.language_label = QLabel()
        form = QFormLayout()
        for label, field in (
            (self.username_label, self.username),
            (self.password_label, self.password),
            (self.language_label, self.language),
        ):
            label.setBuddy(field)
            form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(14)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.username.setFocus()
        self.retranslate()
        self._worker.submit(reading(auth.login_hints), success=self._show_hints, owner=self)

    # -- behaviour ---------------------------------------------------------------------

    def submit(self) -> None:
        username = self.username.text().strip()
        password = self.password.text()
        if not username:
            self.username.setFocus()
            return
        self._set_busy(True)
        workstation = self._workstation

        def job(store: Store) -> Actor:
            return auth.login(store, username, password, workstation=workstation)

        self._worker.submit(job, success=self._signed_in, failure=self._refused, owner=self)

    def _signed_in(self, actor: Actor) -> None:
        self.actor = actor
        self._set_busy(False)
        self.accept()

    def _refused(self, error: KnownError) -> None:
        self._set_busy(False)
        self._error = error
        self._show_error()
        self.password.clear()
        self.password.setFocus()

    def _show_hints(self, hints: auth.LoginHints) -> None:
        self._hints = hints
        self._update_hint()

    def _language_chosen(self, index: int) -> None:
        self._translations.set_language(self.language.itemData(index))

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.username, self.password, self.language, self.sign_in):
            widget.setEnabled(not busy)
        self.sign_in.setText(self.tr("Signing in…") if busy else self.tr("Sign in"))
        if not busy:
            self.sign_in.setDefault(True)  # disabling took the default away: Enter again

    # -- texts -------------------------------------------------------------------------

    def _show_error(self) -> None:
        if self._error is None:
            self.error.hide()
            return
        self.error.setText(self._error.message(self._translations.language))
        self.error.show()

    def _update_hint(self) -> None:
        hints = self._hints
        if hints is None:
            return
        if not hints.has_users:
            self.hint.setText(render("auth.no_users", self._translations.language))
        elif hints.demo and hints.demo_accounts:
            pairs = [f"{name} / {pw}" if pw else name for name, pw in hints.demo_accounts]
            lines = ["    ".join(pairs[i : i + 2]) for i in range(0, len(pairs), 2)]
            self.hint.setText(
                fill(self.tr("Demo database. Accounts (user / password):\n%1"), "\n".join(lines))
            )
        else:
            self.hint.clear()
        # The account lines are kept whole (no wrapping); the dialog grows to show them,
        # since the hint arrives after the dialog is on screen.
        self.hint.setWordWrap(not (hints.demo and hints.demo_accounts))
        self.hint.setVisible(bool(self.hint.text()))
        self.adjustSize()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Sign in — Sanwang Console"))
        self.title.setText(self.tr("Sanwang Console"))
        self.username_label.setText(self.tr("User name"))
        self.password_label.setText(self.tr("Password"))
        self.language_label.setText(self.tr("Language"))
        self.username.setPlaceholderText(self.tr("e.g. zhangwei"))
        self.sign_in.setText(self.tr("Sign in"))
        self.quit.setText(self.tr("Quit"))
        self._show_error()
        self._update_hint()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
