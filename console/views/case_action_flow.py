"""One workflow action from the operator's key press to its result, for the detail pane.

Dialog or confirmation first (action_dialogs), then one write job at the version the
operator saw. A refusal is reported (refused); when the action had a dialog it opens
again with what was typed and why it was refused. A conflict means the case changed
under the operator: the pane reloads it first, and the dialog comes back only if the
action is still open to them, now at the new version.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from console.errors import ConflictError, KnownError
from console.services.case_view import CaseDetail
from console.views import action_dialogs
from console.views.case_actions import SPECS, ActionInput, run_action
from console.views.input_dialog import AskRequest
from console.views.pane_context import PaneContext

# The pane's "load the case again, then call this" (then runs after the next load).
ReloadThen = Callable[[Callable[[], None]], None]


class ActionFlow(QObject):
    busy_changed = Signal(bool)  # a write job is out: no second action meanwhile
    finished = Signal(str, int, object)  # action, case id, the case as it is now
    refused = Signal(object)  # the KnownError, to be shown by the pane

    def __init__(
        self,
        ctx: PaneContext,
        pane: QWidget,
        shown: Callable[[], CaseDetail | None],
        reload_then: ReloadThen,
    ) -> None:
        super().__init__(pane)
        self._ctx = ctx
        self._pane = pane  # parent of the dialogs
        self._shown = shown
        self._reload_then = reload_then
        self.busy = False

    def start(self, detail: CaseDetail, action: str) -> None:
        self._ask_and_run(detail, action, detail.version, None, "")

    def _ask_and_run(
        self,
        detail: CaseDetail,
        action: str,
        version: int,
        previous: ActionInput | None,
        error: str,
    ) -> None:
        spec = SPECS[action]
        given = ActionInput()
        if spec.dialog:
            language = self._ctx.translations.language
            request = AskRequest(action, detail, self._ctx.worker, language, previous, error)
            answer = action_dialogs.ask(self._pane, request)
            if answer is None:
                return
            given = answer
        elif spec.confirm and not action_dialogs.confirm(self._pane, action, detail):
            return
        if not self._ctx.bus.online:  # the connection went while the dialog was open
            return
        self._set_busy(True)
        job = partial(
            run_action,
            actor=self._ctx.actor,
            case_id=detail.id,
            action=action,
            expected_version=version,
            given=given,
        )
        self._ctx.worker.submit(
            job,
            success=partial(self._done, detail.id, action),
            failure=partial(self._refused, detail.id, action, version, given),
            owner=self,
        )

    def _done(self, case_id: int, action: str, detail: CaseDetail | None) -> None:
        self._set_busy(False)
        self.finished.emit(action, case_id, detail)

    def _refused(
        self, case_id: int, action: str, version: int, given: ActionInput, error: KnownError
    ) -> None:
        self._set_busy(False)
        self.refused.emit(error)
        shown = self._shown()
        if shown is None or shown.id != case_id:
            return
        message = error.message(self._ctx.translations.language)
        if isinstance(error, ConflictError):
            self._reload_then(partial(self._retry, case_id, action, given, message, None))
        else:
            self._retry(case_id, action, given, message, version)

    def _retry(
        self, case_id: int, action: str, given: ActionInput, message: str, version: int | None
    ) -> None:
        """The dialog again, with the operator's input and the reason it was refused."""
        detail = self._shown()
        if detail is None or detail.id != case_id or not SPECS[action].dialog:
            return
        if action not in detail.allowed_actions:
            return
        at = detail.version if version is None else version
        self._ask_and_run(detail, action, at, given, message)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.busy_changed.emit(busy)
