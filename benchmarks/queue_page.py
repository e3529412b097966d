"""Time queue pages and tab counts on a million demo cases, beside bare SQL.

    .venv/bin/python -m benchmarks.queue_page [--db URL] [--cases 1000000] [--runs 50]

Project: console.services.queue (page(), tab_counts(), count()) on one open read
session: what a view's worker pays per call (opening the session is timed apart).
Lower bound: the same statements typed out and run on the bare driver (benchmarks.
bare_sql). Goals: a page within 20 ms at p95, and within 1.5x the bare SQL. The last
lines are sorts no index keeps in order (a sort of the whole tab): reported, no goal.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from benchmarks import scale
from benchmarks.bare_sql import DUE, Bare, page_sql, queue_rows
from console.models import Case
from console.services import queue
from console.services.queue import QueueFilter
from console.store import Store

DUE_ASC = DUE + " ASC NULLS LAST, {t}.id ASC"
REPORTED_DESC = "{t}.reported_at DESC, {t}.id DESC"


@dataclass(frozen=True)
class PageCase:
    label: str
    filter: QueueFilter
    sort: str
    descending: bool
    offset: int
    where: str  # the bare SQL's condition; "?" marks stand for params
    params: tuple[Any, ...]
    order: str
    goal: bool = True


def overdue_sql(bare: Bare) -> str:
    m = bare.mark
    return (
        f"(state = 'to_open' AND open_due_at < {m}) OR (state = 'opened' AND dispatch_due_at < {m})"
        f" OR (state IN ('dispatched', 'in_handling') AND handle_due_at < {m})"
        f" OR (state = 'to_check' AND check_due_at < {m})"
    )


def page_cases(bare: Bare, community: int) -> list[PageCase]:
    m, now = bare.mark, bare.time(scale.NOW)
    everything, in_community = "state <> 'merged'", f"state <> 'merged' AND community_id = {m}"
    return [
        PageCase(
            "in_handling by due_at",
            QueueFilter(tab="in_handling"),
            "due_at",
            False,
            0,
            "state IN ('dispatched', 'in_handling')",
            (),
            DUE_ASC,
        ),
        PageCase(
            "overdue by due_at",
            QueueFilter(tab="overdue"),
            "due_at",
            False,
            0,
            overdue_sql(bare),
            (now,) * 4,
            DUE_ASC,
        ),
        PageCase(
            "all, newest first",
            QueueFilter(),
            "reported_at",
            True,
            0,
            everything,
            (),
            REPORTED_DESC,
        ),
        PageCase(
            "all, one community, newest first",
            QueueFilter(community_id=community),
            "reported_at",
            True,
            0,
            in_community,
            (community,),
            REPORTED_DESC,
        ),
        PageCase(
            "all, newest first, offset 50,000",
            QueueFilter(),
            "reported_at",
            True,
            50_000,
            everything,
            (),
            REPORTED_DESC,
        ),
        PageCase(
            "all, one community, offset 50,000",
            QueueFilter(community_id=community),
            "reported_at",
            True,
            50_000,
            in_community,
            (community,),
            REPORTED_DESC,
        ),
        PageCase(
            "all by number, offset 50,000",
            QueueFilter(),
            "number",
            False,
            50_000,
            everything,
            (),
            "{t}.number ASC",
        ),
        PageCase(
            "all by urgency (whole-tab sort)",
            QueueFilter(),
            "urgency",
            True,
            0,
            everything,
            (),
            "{t}.urgency DESC, {t}.id DESC",
            goal=False,
        ),
        PageCase(
            "all by due_at (whole-tab sort)",
            QueueFilter(),
            "due_at",
            False,
            0,
            everything,
            (),
            DUE_ASC,
            goal=False,
        ),
    ]


def bare_tab_counts(bare: Bare) -> Callable[[], object]:
    states = "'to_verify', 'to_open', 'opened', 'dispatched', 'in_handling', 'to_check', 'to_close'"
    by_state = (
        f"SELECT state, count(*) FROM case_file WHERE state IN ({states}, 'merged') GROUP BY state"
    )
    others = (
        "SELECT (SELECT count(*) FROM case_file),"
        f" (SELECT count(*) FROM case_file WHERE {overdue_sql(bare)}),"
        f" (SELECT count(*) FROM case_file WHERE supervised = {bare.true}"
        " AND state NOT IN ('closed', 'archived', 'merged', 'not_opened'))"
    )
    now = bare.time(scale.NOW)
    return lambda: (bare.rows(by_state), bare.rows(others, (now,) * 4))


def biggest_community(store: Store) -> int:
    with store.read() as session:
        query = select(Case.community_id).group_by(Case.community_id)
        community = session.scalars(query.order_by(func.count().desc()).limit(1)).one()
    assert community is not None
    return community


def run(store: Store, runs: int) -> None:
    bare = Bare(store)
    community = biggest_community(store)
    print(scale.HEADER)
    with store.read() as session:
        for case in page_cases(bare, community):
            read = functools.partial(
                queue.page,
                session,
                case.filter,
                now=scale.NOW,
                sort=case.sort,
                descending=case.descending,
                offset=case.offset,
                limit=100,
            )
            sql = page_sql(case.where, case.order, limit=100, offset=case.offset)
            project = scale.timed(read, runs)
            lower = scale.timed(functools.partial(bare.rows, sql, case.params), runs)
            goal = "" if not case.goal else ("  ok" if project.p95 <= 0.020 else "  MISSED")
            print(scale.line(case.label, project, lower) + goal)
        first = page_sql("state <> 'merged'", REPORTED_DESC, limit=100)
        made = scale.timed(lambda: queue_rows(bare.rows(first), bare.sqlite), runs)
        print(f"{'  floor of the API: bare + QueueRow by hand':<{scale.WIDTH}} {made}")
        counts = scale.timed(lambda: queue.tab_counts(session, now=scale.NOW), runs)
        print(
            scale.line(
                "tab_counts (all nine tabs)", counts, scale.timed(bare_tab_counts(bare), runs)
            )
        )
        f = QueueFilter(community_id=community)
        one = scale.timed(lambda: queue.count(session, f, now=scale.NOW), runs)
        sql = (
            f"SELECT count(*) FROM case_file WHERE state <> 'merged' AND community_id = {bare.mark}"
        )
        print(
            scale.line(
                "count, all of one community",
                one,
                scale.timed(lambda: bare.rows(sql, (community,)), runs),
            )
        )
    session_cost = scale.timed(lambda: _one_session(store), runs)
    print(f"opening a read session and its first statement: p50 {session_cost.p50 * 1000:.2f} ms")
    bare.close()


def _one_session(store: Store) -> None:
    with store.read() as session:
        session.execute(select(1)).all()


def main() -> None:
    args = scale.arguments(__doc__.split("\n\n")[0] if __doc__ else None)
    print(scale.machine())
    with scale.database(args.db, "queue_bench") as url:
        store = scale.prepare(url, args.cases)
        run(store, args.runs)
        store.dispose()
    print(f"after: {scale.machine()}")


if __name__ == "__main__":
    main()
