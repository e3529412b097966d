"""The stream of demo cases: iter_case_rows() yields case_file rows, oldest first.

Rows are plain dicts ready for a Core bulk insert, so a benchmark can stream a million
of them into any seeded database (load_case_context() reads what it needs). Timeline
rows for each case are appended to the caller's `events` list when one is given.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from collections.abc import Iterable, Iterator
from typing import Any

from db.demo.case_context import CaseContext, CategorySpot
from db.demo.case_paths import CaseBuilder, Stop, iso, minutes
from db.demo.case_plan import (
    DEFAULT_CASES,
    ESCALATED_CLOSED,
    ESCALATED_OPEN,
    NOT_OPENED,
    RESOLVED,
    RESTDAY_HOURS,
    SHELVED,
    WORKDAY_HOURS,
    plan_cases,
)
from db.demo.clock import local_midnight
from db.demo.geometry import random_point
from db.demo.people import Person
from db.demo.places import ADDRESS_SPOTS
from db.demo.taxonomy import DESCRIPTION_TAILS

NUMBER_PREFIX = "BJ"  # 八角; then the report's local date and a daily serial
HOTLINE = Person("市民（12345热线转办）")
P_RETURN = 0.015
P_EXTENSION = 0.03
P_SUPERVISE = 0.003
P_AUTO_ESCALATION = 0.4
NOT_OPENED_NOTES = ("经核实不属于城市管理受理范围", "现场核实问题不存在")
_HOURS = tuple(range(24))
_WORKDAY_CUM = tuple(itertools.accumulate(WORKDAY_HOURS))
_RESTDAY_CUM = tuple(itertools.accumulate(RESTDAY_HOURS))


def _drive(b: CaseBuilder, fate: str, reporter: Person) -> None:
    """Walk the case along its planned path; Stop ends it early in an open state."""
    rng, row = b.rng, b.row
    t = b.report(reporter)
    if row["self_handled"]:
        b.callback_and_archive(t, callback=False)
        return
    if fate == NOT_OPENED:
        b.not_open(t, rng.choice(NOT_OPENED_NOTES))
        return
    t = b.open(t)
    if rng.random() < P_RETURN:  # sent to the wrong unit first (改派)
        wrong = b.ctx.street_unit(rng.choice(sorted(b.ctx.street_units)))
        t = b.send_back(b.accept(b.dispatch(t, wrong)))
    dispatched = b.dispatch(t, row["_committee"])
    accepted = b.accept(dispatched)
    if row["_escalate"]:
        automatic = rng.random() < P_AUTO_ESCALATION
        due = row["handle_due_at"]
        t = due if automatic and due else b.add(dispatched, rng.uniform(0.2, 0.8))
        t = b.escalate(max(t, accepted + minutes(10)), automatic)
        dispatched = b.dispatch(t, b.ctx.street_unit(b.spec.unit_type))
        accepted = b.accept(dispatched)
    if fate == SHELVED:
        b.shelve(dispatched)
        return
    if rng.random() < P_EXTENSION:
        b.extend(dispatched)
    if rng.random() < (P_SUPERVISE if fate == RESOLVED else 0.12):
        due = row["handle_due_at"] or dispatched
        b.supervise(min(due, accepted + (due - accepted) * rng.uniform(0.3, 0.9)))
    b.finish(dispatched, accepted)


def _after_stop(b: CaseBuilder, fate: str) -> None:
    """Extras for cases left open: a leader's supervision, a pending extension request."""
    rng, row = b.rng, b.row
    due = row["handle_due_at"]
    overdue = due is not None and due < b.ctx.as_of
    if b.state in ("dispatched", "in_handling", "to_check") and (
        (overdue and rng.random() < 0.5) or (fate == ESCALATED_OPEN and rng.random() < 0.35)
    ):
        note = "已超期，请立即处置" if overdue else "重点督办，请加快处置进度"
        b.supervise(b.last + minutes(rng.uniform(30, 600)), note)
    if b.state == "in_handling" and not overdue and rng.random() < 0.15:
        wanted = b.add(due, 1.0) if due else None
        b.request(
            b.last + minutes(rng.uniform(20, 240)),
            "extension",
            "需协调产权单位，申请延期",
            {"requested_due": iso(wanted), "hours": None},
        )


def _choose(rng: random.Random, cats: tuple[CategorySpot, ...], cum: list[float]) -> CategorySpot:
    return rng.choices(cats, cum_weights=cum)[0]


def iter_case_rows(
    rng: random.Random,
    ctx: CaseContext,
    *,
    total: int = DEFAULT_CASES,
    ids: Iterable[int] | None = None,
    events: list[dict[str, Any]] | None = None,
) -> Iterator[dict[str, Any]]:
    """Yield `total` case rows for the year before ctx.as_of, in report order.

    ids gives the primary keys to use (default 1, 2, ...); timeline rows are appended to
    events when it is a list (the caller inserts and clears it batch by batch).
    """
    plan = plan_cases(rng, ctx.calendar, ctx.as_of, total)
    cats = ctx.categories
    cum_all = list(itertools.accumulate(c.spec.weight for c in cats))
    cum_big = list(itertools.accumulate(c.spec.big for c in cats))
    if not cum_big or cum_big[-1] <= 0:
        cum_big = cum_all
    id_source = iter(ids) if ids is not None else itertools.count(1)
    width = max(4, len(str(max(plan.day_counts, default=0))))
    index = 0
    for day, count in zip(plan.days, plan.day_counts, strict=True):
        cum_hours = _WORKDAY_CUM if ctx.calendar.is_working_day(day) else _RESTDAY_CUM
        hours = rng.choices(_HOURS, cum_weights=cum_hours, k=count)
        seconds = sorted(h * 3600 + rng.randrange(3600) for h in hours)
        midnight = local_midnight(day)
        stamp = day.strftime("%Y%m%d")
        for serial, second in enumerate(seconds, start=1):
            fate, target = plan.fate(index)
            index += 1
            escalate = fate in (ESCALATED_CLOSED, ESCALATED_OPEN) or (
                fate == SHELVED and rng.random() < 0.5
            )
            cat = _choose(rng, cats, cum_big if escalate else cum_all)
            community = rng.choices(ctx.communities, cum_weights=ctx.community_cum)[0]
            grid = rng.choice(community.grids)
            lon, lat = random_point(rng, grid.ring, grid.box)
            road, spot = rng.choice(community.roads), rng.choice(ADDRESS_SPOTS)
            place = f"{road}{rng.randrange(1, 60)}号{spot}"
            # The reporter is who saw it; the registrar the account that entered it.
            reporter = registrar = grid.worker
            source = "inspector"
            if target == "to_verify":  # from the video patrol or the 12345 hotline
                source = rng.choice(("video", "hotline"))
                registrar = ctx.staff.get("intake", HOTLINE)
                reporter = registrar if source == "video" else HOTLINE
            spec = cat.spec
            row: dict[str, Any] = {
                "id": next(id_source),
                "number": f"{NUMBER_PREFIX}{stamp}{serial:0{width}d}",
                "source": source,
                "category_id": cat.id,
                "lon": lon,
                "lat": lat,
                "address": community.name + place,
                "community_id": community.id,
                "grid_id": grid.id,
                "urgency": "urgent" if spec.urgent else "normal",
                "description": place + rng.choice(spec.phrases) + rng.choice(DESCRIPTION_TAILS),
                "reporter_name": reporter.name,
                "reporter_phone": reporter.phone,
                "reporter_user_id": registrar.user_id,
                "state": "",
                "pending_request": None,
                "self_handled": fate == RESOLVED and rng.random() < spec.self_rate,
                "escalation_level": 0,
                "supervised": False,
                "rework_count": 0,
                "extension_count": 0,
                "return_count": 0,
                "unit_id": None,
                "merged_into_id": None,
                "reported_at": midnight + dt.timedelta(seconds=second),
                "verified_at": None,
                "opened_at": None,
                "dispatched_at": None,
                "handled_at": None,
                "checked_at": None,
                "closed_at": None,
                "archived_at": None,
                "open_due_at": None,
                "dispatch_due_at": None,
                "handle_due_at": None,
                "check_due_at": None,
                "escalated_at": None,
                "callback_at": None,
                "callback_result": None,
                "updated_at": None,
                "updated_by_id": None,
                "version": 1,
                "_worker": grid.worker,
                "_committee": community.committee,
                "_escalate": escalate,
            }
            level = 1 if fate == ESCALATED_OPEN else 0
            stop_at = (target, level) if target else None
            builder = CaseBuilder(rng, ctx, row, spec, events, stop_at)
            try:
                _drive(builder, fate, registrar)
            except Stop:
                _after_stop(builder, fate)
            row["state"] = builder.state
            row["updated_at"] = builder.last
            row["updated_by_id"] = builder.last_user
            del row["_worker"], row["_committee"], row["_escalate"]
            yield row
