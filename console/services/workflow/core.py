"""What every workflow step shares: loading a case at the version the operator saw,
checking the step, and writing timeline, audit and change feed in the caller's transaction.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import zoneinfo
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from console.models import Case, CaseEvent, User
from console.models.base import append_row
from console.services import audit, feed, reference
from console.services.actor import Actor
from console.services.workflow import messages as _messages  # noqa: F401 - registers codes
from console.services.workflow.errors import (
    Term,
    WorkflowConflict,
    WorkflowInputError,
    action_term,
    state_term,
)
from console.services.workflow.states import Transition, refusal, role_used, transition, who
from console.services.writelock import hold_write_lock

log = logging.getLogger("console.workflow")

TIMEZONE_KEY = "timezone"
DEFAULT_TIMEZONE = "Asia/Shanghai"
NOTE_MAX = 2000


def setting(session: Session, key: str, default: Any) -> Any:
    """An app_setting value of the same type as default, or default when unset or invalid."""
    value = reference.setting(session, key)
    if value is None:
        return default
    try:
        if isinstance(default, bool):
            return value if isinstance(value, bool) else str(value).lower() in ("1", "true", "yes")
        if isinstance(default, int | float):
            number = type(default)(value)
            if not math.isfinite(number) or number <= 0:
                raise ValueError(value)
            return number
    except (TypeError, ValueError):
        log.warning("ignoring invalid %s=%r; using %r", key, value, default)
        return default
    return value


def local_zone(session: Session) -> dt.tzinfo:
    name = str(setting(session, TIMEZONE_KEY, DEFAULT_TIMEZONE))
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        log.warning("unknown time zone %r; using UTC+8", name)
        return dt.timezone(dt.timedelta(hours=8))


def local_text(session: Session, at: dt.datetime | None) -> str:
    if at is None:
        return "-"
    return at.astimezone(local_zone(session)).strftime("%Y-%m-%d %H:%M:%S")


def aware(value: dt.datetime, field: str) -> dt.datetime:
    if not isinstance(value, dt.datetime) or value.tzinfo is None:
        raise WorkflowInputError("workflow.naive_time", field=field)
    return value.astimezone(dt.UTC)


def current_time(now: dt.datetime | None) -> dt.datetime:
    return dt.datetime.now(dt.UTC) if now is None else aware(now, "now")


def jsonable(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [jsonable(v) for v in value]
    return value


def conflict(session: Session, case_id: int) -> WorkflowConflict:
    """Who changed the case last, what they did and when (read from committed data)."""
    row = session.execute(
        select(Case.number, Case.updated_by_id, Case.updated_at).where(Case.id == case_id)
    ).first()
    last = session.scalar(
        select(CaseEvent.action)
        .where(CaseEvent.case_id == case_id)
        .order_by(CaseEvent.id.desc())
        .limit(1)
    )
    user = session.get(User, row.updated_by_id) if row and row.updated_by_id else None
    who_text: object = user.display_name if user is not None else Term("workflow.system")
    return WorkflowConflict(
        "workflow.conflict",
        number=row.number if row else str(case_id),
        who=who_text,
        when=local_text(session, row.updated_at if row else None),
        what=action_term(last) if last else "-",
    )


def conflict_after_failed_flush(session: Session, case_id: int) -> WorkflowConflict:
    """The session is unusable after a failed flush: ask on a fresh connection."""
    # A reader, not a writer: on SQLite the failed transaction may still hold the lock.
    engine = session.get_bind().engine.execution_options(sqlite_begin="DEFERRED")
    with Session(engine) as fresh:
        return conflict(fresh, case_id)


def flush(session: Session, case: Case) -> None:
    case_id = case.id  # read now: a failed flush expires the object
    try:
        session.flush()
    except StaleDataError as error:
        raise conflict_after_failed_flush(session, case_id) from error


def load_case(session: Session, case_id: int, *, expected_version: int | None) -> Case:
    """The case as committed now (never a cached copy), with the write lock held."""
    hold_write_lock(session)
    case = session.scalars(
        select(Case).where(Case.id == case_id).execution_options(populate_existing=True)
    ).one_or_none()
    if case is None:
        raise WorkflowInputError("workflow.not_found", case_id=case_id)
    if expected_version is not None and case.version != expected_version:
        raise conflict(session, case.id)
    return case


def clean_note(note: str | None, *, required: bool, case: Case, action: str) -> str:
    text = (note or "").strip()
    if required and not text:
        raise WorkflowInputError(
            "workflow.note_required",
            action=action_term(action),
            number=case.number,
            state=state_term(case.state),
        )
    if len(text) > NOTE_MAX:
        raise WorkflowInputError("workflow.note_too_long", max=NOTE_MAX, length=len(text))
    return text


def record_event(
    session: Session,
    actor: Actor,
    case: Case,
    *,
    action: str,
    role: str,
    from_state: str | None,
    now: dt.datetime,
    note: str = "",
    data: dict[str, Any] | None = None,
    kind: str = "updated",
) -> CaseEvent:
    """Timeline + audit + change feed for a step already written to the case row.

    The timeline row is inserted directly (the returned CaseEvent carries its values,
    not its id): every step of every case writes one.
    """
    values = {
        "case_id": case.id,
        "at": now,
        "user_id": actor.user_id,
        "actor": actor.username,
        "role": role,
        "action": action,
        "from_state": from_state,
        "to_state": case.state,
        "note": note,
        "data": jsonable(data or {}),
    }
    append_row(session, CaseEvent, values)
    event = CaseEvent(**values)
    detail = {"number": case.number, "from": from_state, "to": case.state, "version": case.version}
    if note:
        detail["note"] = note
    audit.record(session, actor, f"case.{action}", entity="case", entity_id=case.id, detail=detail)
    feed.record(session, "case", [case.id], kind, workstation=actor.workstation)
    return event


def append_event(
    session: Session,
    actor: Actor,
    case: Case,
    *,
    action: str,
    role: str,
    from_state: str | None,
    now: dt.datetime,
    note: str = "",
    data: dict[str, Any] | None = None,
    kind: str = "updated",
) -> CaseEvent:
    """Stamp the case as changed by actor, write it (version checked), then record_event."""
    case.updated_at = now
    case.updated_by_id = actor.user_id
    flush(session, case)
    return record_event(
        session,
        actor,
        case,
        action=action,
        role=role,
        from_state=from_state,
        now=now,
        note=note,
        data=data,
        kind=kind,
    )


@dataclass
class Step:
    """One action under way on one case: checked, not yet recorded."""

    session: Session
    actor: Actor
    case: Case
    transition: Transition
    role: str
    from_state: str
    note: str
    now: dt.datetime

    def finish(self, data: dict[str, Any] | None = None) -> Case:
        append_event(
            self.session,
            self.actor,
            self.case,
            action=self.transition.action,
            role=self.role,
            from_state=self.from_state,
            now=self.now,
            note=self.note,
            data=data,
        )
        return self.case


def begin(
    session: Session,
    actor: Actor,
    case_id: int,
    action: str,
    *,
    expected_version: int | None,
    note: str | None = None,
    now: dt.datetime | None = None,
) -> Step:
    """Load, check version, role, state, guards and note; raise the first refusal."""
    at = current_time(now)
    step = transition(action)
    case = load_case(session, case_id, expected_version=expected_version)
    error = refusal(case, who(session, actor), step)
    if error is not None:
        raise error
    text = clean_note(note, required=step.note_required, case=case, action=action)
    role = role_used(actor, step)
    assert role is not None
    return Step(session, actor, case, step, role, case.state, text, at)
