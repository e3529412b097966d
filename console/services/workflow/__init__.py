"""The closed-loop case workflow (DOMAIN.md "Case workflow").

Every action is `fn(session, actor, case_id, *, expected_version, ...) -> Case`, run in
the caller's transaction: it checks the version the operator saw, the actor's roles and
the case's state (states.TRANSITIONS), changes the case, and appends one timeline entry,
one audit row and one change-feed row. Nothing is committed here.
"""

from collections.abc import Callable
from typing import Any

from console.services.workflow.actions import (
    accept,
    archive,
    callback,
    check_fail,
    check_pass,
    close,
    feedback,
    not_open,
    open_case,
    supervise,
    unsupervise,
    verify,
)
from console.services.workflow.attachments import PhotoInput, attach
from console.services.workflow.dispatch import Suggestion, dispatch, suggest_units
from console.services.workflow.duplicates import Candidate, find_duplicates, merge
from console.services.workflow.errors import (
    WorkflowConflict,
    WorkflowInputError,
    WorkflowPermissionDenied,
)
from console.services.workflow.escalation import escalate, escalate_overdue
from console.services.workflow.extension import (
    approve_extension,
    reject_extension,
    request_extension,
)
from console.services.workflow.intake import IntakeData, locate, report
from console.services.workflow.requests import (
    approve_return,
    approve_shelve,
    reject_return,
    reject_shelve,
    request_return,
    request_shelve,
    unshelve,
)
from console.services.workflow.states import (
    ACTIONS,
    TRANSITIONS,
    Transition,
    allowed_actions,
    can_report,
)

# Every step of TRANSITIONS by its action name ("report" creates a case: not a step).
STEP_FUNCTIONS: dict[str, Callable[..., Any]] = {
    "verify": verify,
    "open": open_case,
    "not_open": not_open,
    "dispatch": dispatch,
    "accept": accept,
    "request_return": request_return,
    "approve_return": approve_return,
    "reject_return": reject_return,
    "request_extension": request_extension,
    "approve_extension": approve_extension,
    "reject_extension": reject_extension,
    "request_shelve": request_shelve,
    "approve_shelve": approve_shelve,
    "reject_shelve": reject_shelve,
    "unshelve": unshelve,
    "feedback": feedback,
    "check_pass": check_pass,
    "check_fail": check_fail,
    "close": close,
    "callback": callback,
    "archive": archive,
    "supervise": supervise,
    "unsupervise": unsupervise,
    "escalate": escalate,
    "merge": merge,
}

__all__ = [
    "ACTIONS",
    "STEP_FUNCTIONS",
    "TRANSITIONS",
    "Candidate",
    "IntakeData",
    "PhotoInput",
    "Suggestion",
    "Transition",
    "WorkflowConflict",
    "WorkflowInputError",
    "WorkflowPermissionDenied",
    "accept",
    "allowed_actions",
    "approve_extension",
    "approve_return",
    "approve_shelve",
    "archive",
    "attach",
    "callback",
    "can_report",
    "check_fail",
    "check_pass",
    "close",
    "dispatch",
    "escalate",
    "escalate_overdue",
    "feedback",
    "find_duplicates",
    "locate",
    "merge",
    "not_open",
    "open_case",
    "reject_extension",
    "reject_return",
    "reject_shelve",
    "report",
    "request_extension",
    "request_return",
    "request_shelve",
    "suggest_units",
    "supervise",
    "unshelve",
    "unsupervise",
    "verify",
]
