"""How the case detail pane offers each workflow action, and the job that runs one.

The table says, per action, its keyboard shortcut, which input dialog it needs (if
any) and whether it is confirmed first because it cannot be undone. run_action() is the
one write job of an action: the workflow call at the version the operator saw, then
the case read again for the pane, so the screen shows the result without a second trip.
No Qt here: it runs on the database worker.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from console.services import workflow as wf
from console.services.actor import Actor
from console.services.case_view import CaseDetail, case_detail, case_id_by_number
from console.services.workflow import PhotoInput
from console.store import Store

# Dialog kinds (action_dialogs.ask picks the dialog by it).
NOTE, VERIFY, DISPATCH, FEEDBACK, EXTENSION, CALLBACK, MERGE = (
    "note",
    "verify",
    "dispatch",
    "feedback",
    "extension",
    "callback",
    "merge",
)


@dataclass(frozen=True)
class ActionSpec:
    shortcut: str  # portable QKeySequence text
    dialog: str = ""  # "" = none: the action runs at once (or after the confirmation)
    confirm: bool = False  # cannot be undone: ask before running it


# Ctrl+Shift+letter throughout: the intake pane has Ctrl+S, Ctrl+Enter, Ctrl+P and
# Alt+letters, the queue Ctrl+F and Ctrl+1..9, the window Ctrl+Q and Ctrl+Shift+R (default
# layout). Not Ctrl+Shift+A or Z (text fields use them for deselect and redo). A case has
# at most one pending request, so approve_* share Y and reject_* share J: never two of
# them are offered at once.
SPECS: dict[str, ActionSpec] = {
    "verify": ActionSpec("Ctrl+Shift+V", VERIFY),
    "open": ActionSpec("Ctrl+Shift+O"),
    "not_open": ActionSpec("Ctrl+Shift+N", NOTE, confirm=True),
    "dispatch": ActionSpec("Ctrl+Shift+D", DISPATCH),
    "accept": ActionSpec("Ctrl+Shift+K"),
    "request_return": ActionSpec("Ctrl+Shift+G", NOTE),
    "approve_return": ActionSpec("Ctrl+Shift+Y"),
    "reject_return": ActionSpec("Ctrl+Shift+J", NOTE),
    "request_extension": ActionSpec("Ctrl+Shift+T", EXTENSION),
    "approve_extension": ActionSpec("Ctrl+Shift+Y", EXTENSION),
    "reject_extension": ActionSpec("Ctrl+Shift+J", NOTE),
    "request_shelve": ActionSpec("Ctrl+Shift+L", NOTE),
    "approve_shelve": ActionSpec("Ctrl+Shift+Y", confirm=True),
    "reject_shelve": ActionSpec("Ctrl+Shift+J", NOTE),
    "unshelve": ActionSpec("Ctrl+Shift+W"),
    "feedback": ActionSpec("Ctrl+Shift+F", FEEDBACK),
    "check_pass": ActionSpec("Ctrl+Shift+P"),
    "check_fail": ActionSpec("Ctrl+Shift+X", NOTE),
    "close": ActionSpec("Ctrl+Shift+C", confirm=True),
    "callback": ActionSpec("Ctrl+Shift+B", CALLBACK),
    "archive": ActionSpec("Ctrl+Shift+H", confirm=True),
    "supervise": ActionSpec("Ctrl+Shift+S", NOTE),
    "unsupervise": ActionSpec("Ctrl+Shift+U"),
    "escalate": ActionSpec("Ctrl+Shift+E", NOTE, confirm=True),
    "merge": ActionSpec("Ctrl+Shift+M", MERGE, confirm=True),
}


def note_required(action: str) -> bool:
    return wf.TRANSITIONS[wf.ACTIONS.index(action)].note_required


@dataclass(frozen=True)
class ActionInput:
    """What the operator gave in an action's dialog; kept to fill it again after an error."""

    note: str = ""
    exists: bool = True  # verify: the problem was found
    unit_id: int | None = None  # dispatch
    assisting_unit_ids: tuple[int, ...] = ()
    new_due: dt.datetime | None = None  # extensions (aware)
    hours: float | None = None
    result: str = ""  # callback
    target_number: str = ""  # merge
    photos: tuple[PhotoInput, ...] = ()  # feedback
    photo_paths: tuple[str, ...] = ()  # feedback: where the photos came from (shown again)


def _arguments(session: Session, action: str, given: ActionInput) -> dict[str, Any]:
    kwargs: dict[str, Any] = {"note": given.note}
    if action == "verify":
        kwargs["exists"] = given.exists
    elif action == "dispatch":
        kwargs["unit_id"] = given.unit_id
        kwargs["assisting_unit_ids"] = list(given.assisting_unit_ids)
    elif action == "request_extension":
        kwargs["new_due"], kwargs["hours"] = given.new_due, given.hours
    elif action == "approve_extension":
        kwargs["new_due"] = given.new_due
    elif action == "callback":
        kwargs["result"] = given.result
    elif action == "feedback":
        kwargs["photos"] = list(given.photos)
    elif action == "merge":
        kwargs["into"] = case_id_by_number(session, given.target_number)
    return kwargs


def perform(
    session: Session,
    actor: Actor,
    case_id: int,
    action: str,
    *,
    expected_version: int,
    given: ActionInput,
) -> None:
    """One workflow action in the caller's transaction."""
    kwargs = _arguments(session, action, given)
    wf.STEP_FUNCTIONS[action](session, actor, case_id, expected_version=expected_version, **kwargs)


def run_action(
    store: Store,
    *,
    actor: Actor,
    case_id: int,
    action: str,
    expected_version: int,
    given: ActionInput,
) -> CaseDetail | None:
    """The worker job: the action in one write transaction, then the case as it is now."""
    with store.write() as session:
        perform(session, actor, case_id, action, expected_version=expected_version, given=given)
    with store.read() as session:
        return case_detail(session, case_id, actor)
