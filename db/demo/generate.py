"""generate(): seed a fresh database with the demo street, deterministically.

The same seed and --until give the same rows (ids included, on a fresh database): each
part draws from its own random.Random named after the seed, so changing one part leaves
the others' data alone. Everything is one transaction: a failed run leaves nothing.
The demo's "now" (as_of) is 00:00 on `until` in Asia/Shanghai, so a database seeded
today holds no time later than the moment it was made.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from sqlalchemy import Table, func, insert, select, text
from sqlalchemy.orm import Session

from console import messages, schema
from console.errors import InputError, KnownError
from console.models import Case, CaseEvent, Street
from console.services import audit, feed
from console.services.actor import system_actor
from console.services.bulk import batched
from console.services.writelock import hold_write_lock
from console.store import Store
from db.demo import places
from db.demo.area import insert_area, plan_area
from db.demo.cameras import insert_cameras
from db.demo.campaign import insert_campaign
from db.demo.case_context import load_case_context
from db.demo.case_plan import DAYS, DEFAULT_CASES
from db.demo.cases import iter_case_rows
from db.demo.clock import TZ, demo_calendar, local_midnight
from db.demo.difficulty import insert_difficulty_list
from db.demo.duty import insert_roster
from db.demo.enforcement import insert_ledger
from db.demo.people import DemoAccount, hash_accounts, insert_people, make_accounts
from db.demo.reference import (
    insert_calendar,
    insert_categories,
    insert_responsibilities,
    insert_rules,
    insert_settings,
)
from db.demo.summary import SeedCounts, count_summary

log = logging.getLogger("console.demo")

DEFAULT_SEED = 20261129
BATCH_SIZE = 10_000
PROGRESS_STEPS = 20  # report every 5 %

# (label, done, total): label says what is being made, in the user's language; total is
# 0 while a stage has no count, the number of cases while cases are written (reported
# at most every 5 %).
Progress = Callable[[str, int, int], None]

messages.register(
    {
        "demo.already_seeded": (
            "该数据库已有街道数据（{street}），已生成过演示数据，不能重复生成。"
            "请指定一个新的数据库（--db 或 --data-dir）",
            "This database already has a street ({street}): it is already seeded. "
            "Point --db or --data-dir at a new database",
        ),
        "demo.stage.reference": (
            "正在写入分类、日历和规则…",
            "Writing categories, calendar, rules…",
        ),
        "demo.stage.area": (
            "正在生成街道、社区和单元网格…",
            "Making the street, communities, grids…",
        ),
        "demo.stage.people": ("正在生成单位、账号和终端…", "Making units, accounts, terminals…"),
        "demo.stage.cameras": ("正在生成视频监控点位…", "Placing the cameras…"),
        "demo.stage.cases": ("正在生成案卷…", "Making the cases…"),
        "demo.stage.enforcement": (
            "正在生成执法台账和专项整治…",
            "Writing the enforcement ledger…",
        ),
        "demo.stage.duty": ("正在生成值班表…", "Making the duty roster…"),
    }
)


@dataclass(frozen=True)
class DemoSummary:
    """What generate() made: the counts read back from the database and the accounts
    (with their demo passwords, for the command to print once)."""

    seed: int
    until: dt.date
    as_of: dt.datetime
    street_code: str
    street_name: str
    center_name: str
    counts: SeedCounts
    accounts: tuple[DemoAccount, ...]
    seconds: float


def today_in_shanghai() -> dt.date:
    return dt.datetime.now(TZ).date()


def _refuse_seeded(session: Session) -> None:
    existing = session.scalar(select(Street.name).order_by(Street.id).limit(1))
    if existing is not None:
        raise KnownError("demo.already_seeded", street=existing)


def _case_ids(session: Session, count: int) -> Iterator[int]:
    """Primary keys for the cases, taken before the rows exist so timeline rows can
    point at them. PostgreSQL: drawn from the table's sequence (nextval needs only the
    USAGE privilege the application role has); SQLite: counted on from the largest."""
    if session.get_bind().dialect.name == "postgresql":
        statement = text(
            "SELECT nextval(pg_get_serial_sequence('case_file', 'id')) FROM generate_series(1, :n)"
        )
        left = count
        while left > 0:
            chunk = min(left, BATCH_SIZE)
            yield from sorted(session.scalars(statement, {"n": chunk}))
            left -= chunk
        return
    start = int(session.scalar(select(func.coalesce(func.max(Case.id), 0))) or 0) + 1
    yield from range(start, start + count)


def _insert_cases(
    session: Session,
    rng: random.Random,
    as_of: dt.datetime,
    total: int,
    timeline: bool,
    progress: Progress | None,
) -> None:
    case_table, event_table = Case.__table__, CaseEvent.__table__
    assert isinstance(case_table, Table) and isinstance(event_table, Table)
    ctx = load_case_context(session, as_of)
    events: list[dict[str, object]] | None = [] if timeline else None
    rows = iter_case_rows(rng, ctx, total=total, ids=_case_ids(session, total), events=events)
    done = 0
    reported_step = 0
    for batch in batched(rows, BATCH_SIZE):
        session.execute(insert(case_table), batch)
        if events:
            session.execute(insert(event_table), events)
            events.clear()
        done += len(batch)
        step = done * PROGRESS_STEPS // total
        if progress is not None and step > reported_step:
            progress(messages.render("demo.stage.cases"), done, total)
            reported_step = step


def generate(
    store: Store,
    *,
    seed: int = DEFAULT_SEED,
    until: dt.date | None = None,
    cases: int = DEFAULT_CASES,
    timeline: bool = True,
    progress: Progress | None = None,
    workstation: str | None = None,
) -> DemoSummary:
    """Seed store with the demo street; refuses a database that already has a street."""
    if cases < 1:
        raise InputError("input.invalid", field="cases", reason="must be at least 1")
    started = time.monotonic()
    until = until or today_in_shanghai()
    as_of = local_midnight(until)

    def stage(name: str) -> None:
        if progress is not None:
            progress(messages.render(f"demo.stage.{name}"), 0, 0)

    def rng(part: str) -> random.Random:
        return random.Random(f"{seed}/{part}")

    calendar = demo_calendar()
    schema.upgrade(store)
    with store.read() as session:  # refuse before the slow password hashing
        _refuse_seeded(session)
    accounts = make_accounts(rng("accounts"))
    hashes = hash_accounts(accounts)
    with store.write() as session:
        hold_write_lock(session)  # two generators at once: the second sees the first's street
        _refuse_seeded(session)
        stage("reference")
        insert_settings(session, seed=seed, until=until, cases=cases)
        insert_calendar(session)
        insert_categories(session)
        insert_rules(session)
        stage("area")
        area = plan_area(rng("area"))
        insert_area(session, area)
        stage("people")
        people = insert_people(rng("people"), session, area, accounts, hashes, as_of)
        insert_responsibilities(session, people.street_units, people.committees)
        stage("cameras")
        insert_cameras(rng("cameras"), session, area)
        stage("cases")
        _insert_cases(session, rng("cases"), as_of, cases, timeline, progress)
        stage("enforcement")
        days = [until - dt.timedelta(days=k) for k in range(DAYS, 0, -1)]
        insert_ledger(rng("enforcement"), session, area, calendar, days)
        owners = [people.user_ids[u] for u in ("shift_leader", "duty")]
        insert_campaign(rng("campaign"), session, area, owners, as_of)
        insert_difficulty_list(rng("difficulty"), session, area, people, as_of)
        stage("duty")
        insert_roster(rng("duty"), session, people, calendar, as_of)
        counts = count_summary(session, as_of)
        actor = system_actor(workstation or store.workstation or None)
        audit.record(
            session,
            actor,
            "demo.seed",
            entity="street",
            entity_id=area.street_id,
            detail={"seed": seed, "until": until.isoformat(), **counts.as_detail()},
        )
        for entity, ids in counts.id_ranges.items():
            feed.record(session, entity, ids, "bulk", workstation=actor.workstation)
    seconds = time.monotonic() - started
    log.info("demo street seeded in %.1f s: %s cases", seconds, counts.cases)
    return DemoSummary(
        seed=seed,
        until=until,
        as_of=as_of,
        street_code=places.STREET_CODE,
        street_name=places.STREET_NAME,
        center_name=places.CENTER_NAME,
        counts=counts,
        accounts=tuple(accounts),
        seconds=seconds,
    )
