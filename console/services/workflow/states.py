"""The case state machine as data: which action, from which states, by whom, to where.

The views ask allowed_actions(case, actor) to enable buttons; the action functions ask
refusal() for the same answer, so what the screen offers and what the service accepts
never drift apart. Checks run in a fixed order: role, state, then guards.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.orm import Session, object_session

from console.errors import KnownError
from console.models import Case, ResponsibleUnit, User
from console.services.actor import Actor
from console.services.workflow.errors import (
    WorkflowInputError,
    WorkflowPermissionDenied,
    action_term,
    request_term,
    roles_term,
    state_term,
    states_term,
)

SAME = "="  # in to_states: the action leaves the state as it is

# States in which the problem is still being worked on (督办 applies here).
OPEN_STATES = (
    "reported",
    "to_verify",
    "to_open",
    "opened",
    "dispatched",
    "in_handling",
    "shelved",
    "to_check",
    "to_close",
)
FINAL_STATES = ("not_opened", "closed", "archived", "merged")
ESCALATABLE_STATES = ("to_verify", "to_open", "opened", "dispatched", "in_handling")
# A duplicate is merged before anyone starts working on it.
MERGEABLE_STATES = ("to_verify", "to_open", "opened")
# States whose case is an acceptable target for a merge.
MERGE_TARGET_STATES = OPEN_STATES
HANDLING_STATES = ("dispatched", "in_handling")
REPORT_ROLES = ("intake", "inspector", "shift_leader", "system")
PENDING_KINDS = ("return", "extension", "shelve")


@dataclass(frozen=True)
class Transition:
    action: str
    from_states: tuple[str, ...]
    roles: tuple[str, ...]
    to_states: tuple[str, ...]  # possible outcomes; SAME = unchanged
    guards: tuple[str, ...] = ()
    note_required: bool = False


_T = Transition
_UNIT = ("own_unit", "no_pending")
TRANSITIONS: tuple[Transition, ...] = (
    _T("report", (), REPORT_ROLES, ("to_verify", "to_open", "closed")),
    _T("verify", ("to_verify",), ("inspector",), ("to_open", "not_opened")),
    # A shift leader may open a reported case before any inspector has verified it (he
    # confirmed it himself, by phone or camera): a hotline call can be dispatched at once.
    _T("open", ("to_verify", "to_open"), ("shift_leader",), ("opened",)),
    _T("not_open", ("to_open",), ("shift_leader",), ("not_opened",), note_required=True),
    _T("dispatch", ("opened",), ("dispatcher", "shift_leader"), ("dispatched",)),
    _T("accept", ("dispatched",), ("unit",), ("in_handling",), _UNIT),
    _T("request_return", HANDLING_STATES, ("unit",), (SAME,), _UNIT, True),
    _T("approve_return", HANDLING_STATES, ("shift_leader",), ("opened",), ("pending_return",)),
    _T("reject_return", HANDLING_STATES, ("shift_leader",), (SAME,), ("pending_return",), True),
    _T("request_extension", ("in_handling",), ("unit",), (SAME,), _UNIT, True),
    _T("approve_extension", ("in_handling",), ("shift_leader",), (SAME,), ("pending_extension",)),
    _T(
        "reject_extension",
        ("in_handling",),
        ("shift_leader",),
        (SAME,),
        ("pending_extension",),
        True,
    ),
    _T("request_shelve", ("in_handling",), ("unit",), (SAME,), _UNIT, True),
    _T("approve_shelve", ("in_handling",), ("shift_leader",), ("shelved",), ("pending_shelve",)),
    _T("reject_shelve", ("in_handling",), ("shift_leader",), (SAME,), ("pending_shelve",), True),
    _T("unshelve", ("shelved",), ("shift_leader",), ("in_handling",)),
    _T("feedback", HANDLING_STATES, ("unit",), ("to_check",), _UNIT, True),
    _T("check_pass", ("to_check",), ("inspector",), ("to_close",)),
    _T("check_fail", ("to_check",), ("inspector",), ("in_handling",), note_required=True),
    _T("close", ("to_close",), ("shift_leader",), ("closed",)),
    _T("callback", ("closed",), ("intake", "shift_leader"), (SAME,)),
    _T("archive", ("closed",), ("intake", "shift_leader"), ("archived",)),
    _T("supervise", OPEN_STATES, ("leader",), (SAME,), ("not_supervised",)),
    _T("unsupervise", OPEN_STATES, ("leader",), (SAME,), ("supervised",)),
    _T(
        "escalate",
        ESCALATABLE_STATES,
        ("shift_leader",),
        (SAME, "opened"),
        ("community_level",),
        True,
    ),
    _T("merge", MERGEABLE_STATES, ("intake", "shift_leader"), ("merged",)),
)
BY_ACTION: dict[str, Transition] = {t.action: t for t in TRANSITIONS}
ACTIONS = tuple(BY_ACTION)


def transition(action: str) -> Transition:
    return BY_ACTION[action]


@dataclass
class Who:
    """The actor plus what the guards need to know about them (their unit).

    unit_known is False only when no session was at hand to look the unit up; the
    own-unit guard then lets the step through and the service decides.
    """

    actor: Actor
    unit_id: int | None = None
    unit_known: bool = True


def who(session: Session | None, actor: Actor) -> Who:
    if not actor.has("unit") or actor.user_id is None:
        return Who(actor)
    if session is None:
        return Who(actor, unit_known=False)
    user = session.get(User, actor.user_id)
    return Who(actor, user.unit_id if user is not None else None)


def unit_name(case: Case) -> str:
    session = object_session(case)
    unit = session.get(ResponsibleUnit, case.unit_id) if session and case.unit_id else None
    return unit.name if unit is not None else "-"


def _params(case: Case, action: str) -> dict[str, object]:
    return {"action": action_term(action), "number": case.number, "state": state_term(case.state)}


def _pending_is(kind: str) -> Callable[[Case, Who, str], KnownError | None]:
    def guard(case: Case, _who: Who, action: str) -> KnownError | None:
        if case.pending_request == kind:
            return None
        return WorkflowInputError(
            "workflow.no_pending", **_params(case, action), request=request_term(kind)
        )

    return guard


def _no_pending(case: Case, _who: Who, action: str) -> KnownError | None:
    if case.pending_request is None:
        return None
    return WorkflowInputError(
        "workflow.pending_request",
        **_params(case, action),
        request=request_term(case.pending_request),
    )


def _own_unit(case: Case, who_: Who, action: str) -> KnownError | None:
    if not who_.unit_known or (case.unit_id is not None and who_.unit_id == case.unit_id):
        return None
    return WorkflowPermissionDenied(
        "workflow.not_own_unit", **_params(case, action), unit=unit_name(case)
    )


def _flag(attr: str, wanted: bool, code: str) -> Callable[[Case, Who, str], KnownError | None]:
    def guard(case: Case, _who: Who, action: str) -> KnownError | None:
        return (
            None
            if bool(getattr(case, attr)) == wanted
            else WorkflowInputError(code, **_params(case, action))
        )

    return guard


def _community_level(case: Case, _who: Who, action: str) -> KnownError | None:
    if case.escalation_level == 0:
        return None
    return WorkflowInputError("workflow.already_escalated", **_params(case, action))


GUARDS: dict[str, Callable[[Case, Who, str], KnownError | None]] = {
    "no_pending": _no_pending,
    "pending_return": _pending_is("return"),
    "pending_extension": _pending_is("extension"),
    "pending_shelve": _pending_is("shelve"),
    "own_unit": _own_unit,
    "not_supervised": _flag("supervised", False, "workflow.already_supervised"),
    "supervised": _flag("supervised", True, "workflow.not_supervised"),
    "community_level": _community_level,
}


def role_used(actor: Actor, step: Transition) -> str | None:
    """The first of the transition's roles the actor holds (recorded on the timeline)."""
    return next((r for r in step.roles if r in actor.roles), None)


def refusal(case: Case, who_: Who, step: Transition) -> KnownError | None:
    """Why who_ may not take this step on case now, or None if they may."""
    actor = who_.actor
    if role_used(actor, step) is None:
        return WorkflowPermissionDenied(
            "workflow.denied",
            **_params(case, step.action),
            needed=roles_term(step.roles),
            roles=roles_term(sorted(actor.roles)),
        )
    if case.state not in step.from_states:
        return WorkflowInputError(
            "workflow.wrong_state",
            **_params(case, step.action),
            allowed=states_term(step.from_states),
        )
    for name in step.guards:
        error = GUARDS[name](case, who_, step.action)
        if error is not None:
            return error
    return None


def allowed_actions(case: Case, actor: Actor, *, session: Session | None = None) -> list[str]:
    """The actions actor may take on case now, in table order (report is never listed).

    The unit check needs a session: the one given, else the case's own. For a detached
    case without one, unit steps are offered to any unit user and refused by the service
    if the case is not theirs.
    """
    who_ = who(session or object_session(case), actor)
    return [t.action for t in TRANSITIONS if t.from_states and refusal(case, who_, t) is None]


def can_report(actor: Actor) -> bool:
    return role_used(actor, BY_ACTION["report"]) is not None
