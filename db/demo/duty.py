"""The duty roster of the last two weeks (and today's plan), and a few handovers.

Working days have a day shift under the duty leader (带班领导), a staggered shift
(错时上岗) that covers the evening rush, and an evening shift; rest days have a weekend
shift and the evening shift.
"""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from console.models import Case, DutyAssignment, DutyShift, HandoverLog
from console.services.workcalendar import WorkCalendar
from db.demo.clock import local_midnight
from db.demo.people import People
from db.demo.summary import OPEN_STATES

ROSTER_DAYS = 14
# kind, start, end (hours), leader account, [(account, post)]
WORKDAY_SHIFTS = (
    (
        "day",
        8.5,
        17.5,
        "leader",
        (("shift_leader", "值班长"), ("dispatcher", "派遣员"), ("intake", "受理员")),
    ),
    ("staggered", 11.0, 20.0, "shift_leader", (("dispatcher", "派遣员"), ("duty", "受理员"))),
    ("evening", 17.5, 22.0, "duty", (("duty", "值班长/受理/派遣"),)),
)
RESTDAY_SHIFTS = (
    ("weekend", 9.0, 18.0, "leader", (("shift_leader", "值班长"), ("duty", "受理/派遣"))),
    ("evening", 17.5, 22.0, "duty", (("duty", "值班长/受理/派遣"),)),
)


def _shift_time(day: dt.date, hours: float) -> dt.datetime:
    return local_midnight(day) + dt.timedelta(hours=hours)


def insert_roster(
    rng: random.Random,
    session: Session,
    people: People,
    calendar: WorkCalendar,
    as_of: dt.datetime,
) -> list[DutyShift]:
    ids = people.user_ids
    shifts: list[DutyShift] = []
    today = as_of.date()
    for back in range(ROSTER_DAYS, -1, -1):  # today's shifts are the plan ahead
        day = today - dt.timedelta(days=back)
        plan = WORKDAY_SHIFTS if calendar.is_working_day(day) else RESTDAY_SHIFTS
        for kind, start, end, leader, posts in plan:
            shift = DutyShift(
                on_date=day,
                kind=kind,
                starts_at=_shift_time(day, start),
                ends_at=_shift_time(day, end),
                leader_user_id=ids[leader],
                note="错时上岗，覆盖早晚高峰" if kind == "staggered" else "",
            )
            session.add(shift)
            session.flush()
            session.add_all(
                DutyAssignment(shift_id=shift.id, user_id=ids[user], post=post)
                for user, post in posts
            )
            shifts.append(shift)
    _insert_handovers(rng, session, people, shifts, as_of)
    return shifts


def _insert_handovers(
    rng: random.Random,
    session: Session,
    people: People,
    shifts: list[DutyShift],
    as_of: dt.datetime,
) -> None:
    """Handovers along the chain of main shifts (the staggered one hands over to nobody):
    the last three finished shifts; the newest not yet accepted when its successor has
    not started."""
    chain = [s for s in shifts if s.kind != "staggered"]
    finished = [k for k, s in enumerate(chain) if s.ends_at <= as_of]
    pairs = [(chain[k], chain[k + 1] if k + 1 < len(chain) else None) for k in finished[-3:]]
    for from_shift, to_shift in pairs:
        written = from_shift.ends_at
        reported = session.scalar(
            select(func.count())
            .select_from(Case)
            .where(Case.reported_at >= from_shift.starts_at, Case.reported_at < written)
        )
        pending = (Case.state.in_(OPEN_STATES), Case.reported_at < written)
        open_count = session.scalar(select(func.count()).select_from(Case).where(*pending))
        still_open = session.execute(
            select(Case.number, Case.state)
            .where(*pending)
            .order_by(Case.reported_at.desc())
            .limit(5)
        ).all()
        accepted = to_shift is not None and to_shift.starts_at <= as_of
        session.add(
            HandoverLog(
                from_shift_id=from_shift.id,
                to_shift_id=to_shift.id if to_shift else None,
                written_at=written,
                written_by=from_shift.leader_user_id,
                summary=f"本班新受理案件{reported or 0}件；"
                f"未结案件{open_count or 0}件移交下一班跟进（列出最新5件）。"
                "视频巡查正常，无重大突发事件。",
                open_items=[{"number": n, "state": s} for n, s in still_open],
                accepted_by=to_shift.leader_user_id if accepted and to_shift else None,
                accepted_at=to_shift.starts_at + dt.timedelta(minutes=rng.randrange(3, 15))
                if accepted and to_shift
                else None,
            )
        )
