"""Who may print which report: the service checks, whatever the view offered."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.errors import PermissionDenied
from console.models import Case, User
from console.services.actor import Actor

# The command center's own posts read every report; units and inspectors work cases.
REPORT_ROLES = ("intake", "shift_leader", "dispatcher", "leader", "admin")
# The program itself: the command line run with the database's own credentials (like
# `main.py kpi`, which reads every figure anyway) when no user signs in with --as.
SYSTEM = "system"


def require_reports(actor: Actor) -> None:
    actor.require("print reports", *REPORT_ROLES, SYSTEM)


def require_case(session: Session, actor: Actor, case: Case) -> None:
    """The case sheet: the center's posts; a unit for its own cases; the inspector who
    reported it."""
    if actor.has(*REPORT_ROLES, SYSTEM):
        return
    if actor.user_id is not None:
        if actor.has("inspector") and case.reporter_user_id == actor.user_id:
            return
        if actor.has("unit") and case.unit_id is not None:
            unit_id = session.scalar(select(User.unit_id).where(User.id == actor.user_id))
            if unit_id == case.unit_id:
                return
    raise PermissionDenied(
        "perm.denied",
        action="print this case",
        roles=", ".join(sorted(actor.roles)) or "-",
        needed=", ".join(REPORT_ROLES),
    )
