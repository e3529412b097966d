"""A row of buttons: exactly the workflow actions the user may take on the shown case.

Each action is a QAction shown on a tool button, with a shortcut that works anywhere in
the window: the action is also added to the top-level window, because Qt ignores the
shortcuts of hidden widgets and the detail pane may sit in a tab behind the intake pane
while the operator registers a call. The set is rebuilt on every load.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget

from console.views.case_actions import SPECS, note_required
from console.views.case_labels import action_label
from console.views.labels import fill

log = logging.getLogger("console.views")


class ActionBar(QWidget):
    triggered = Signal(str)  # the action's code

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._actions: dict[str, QAction] = {}
        self._buttons: dict[str, QToolButton] = {}
        self._online = True
        self._busy = False
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        self.empty = QLabel()
        self.empty.setObjectName("no_actions")
        self.empty.setStyleSheet("color: #757575;")
        self._layout.addWidget(self.empty)
        self._layout.addStretch(1)
        self.retranslate()

    # -- the set of actions --------------------------------------------------------------

    def set_actions(self, actions: Sequence[str]) -> None:
        """Replace the buttons with these actions (workflow order), shortcuts included."""
        for name in list(self._actions):
            self._remove(name)
        keys: set[str] = set()
        for position, name in enumerate(a for a in actions if a in SPECS):
            action = QAction(self)
            action.setObjectName(f"action_{name}")
            key = SPECS[name].shortcut
            if key in keys:  # never expected (see SPECS); a clash would silence both
                log.warning("shortcut %s of %s already taken on this case", key, name)
            else:
                keys.add(key)
                action.setShortcut(QKeySequence(key))
                action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _=False, n=name: self.triggered.emit(n))
            button = QToolButton(self)
            button.setObjectName(f"button_{name}")
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
            button.setMinimumHeight(30)
            self.addAction(action)
            window = self.window()
            if window is not self:
                window.addAction(action)
            self._layout.insertWidget(position, button)
            self._actions[name] = action
            self._buttons[name] = button
        self.empty.setVisible(not self._actions)
        self._texts()
        self._update_enabled()

    def _remove(self, name: str) -> None:
        action = self._actions.pop(name)
        button = self._buttons.pop(name)
        for widget in action.associatedObjects():
            if isinstance(widget, QWidget):
                widget.removeAction(action)
        self._layout.removeWidget(button)
        button.deleteLater()
        action.setShortcut(QKeySequence())
        action.setEnabled(False)
        action.deleteLater()

    def actions_shown(self) -> list[str]:
        return list(self._actions)

    def action(self, name: str) -> QAction:
        return self._actions[name]

    def button(self, name: str) -> QToolButton:
        return self._buttons[name]

    # -- enabled state -------------------------------------------------------------------

    def set_online(self, online: bool) -> None:
        self._online = online
        self._update_enabled()

    def set_busy(self, busy: bool) -> None:
        """While an action's job is out, no second one (a double press writes once)."""
        self._busy = busy
        self._update_enabled()

    def _update_enabled(self) -> None:
        enabled = self._online and not self._busy
        for action in self._actions.values():
            action.setEnabled(enabled)

    # -- texts ---------------------------------------------------------------------------

    def _texts(self) -> None:
        for name, action in self._actions.items():
            key = QKeySequence(SPECS[name].shortcut).toString(
                QKeySequence.SequenceFormat.NativeText
            )
            label = action_label(name)
            action.setText(label)
            tip = fill(self.tr("%1 (%2)"), label, key)
            if note_required(name):
                tip += "\n" + self.tr("Needs a note.")
            if SPECS[name].confirm:
                tip += "\n" + self.tr("Cannot be undone: asks for confirmation.")
            action.setToolTip(tip)
        self.setToolTip(self.shortcut_summary())

    def shortcut_summary(self) -> str:
        """Every action offered now with its key, one a line (the bar's own tooltip)."""
        lines = [
            f"{action_label(name)}\t{QKeySequence(SPECS[name].shortcut).toString()}"
            for name in self._actions
        ]
        return "\n".join(lines)

    def retranslate(self) -> None:
        self.empty.setText(self.tr("No action is open to you on this case."))
        self._texts()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
