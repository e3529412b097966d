"""Cost of rebound detection on case registration: report() with the campaign check
against report() with the check switched off (the lower bound), on SQLite.

    .venv/bin/python benchmarks/campaigns_rebound.py [--items 523 20000] [--cases 300]

A small street (tests.support.workflow_seed) gets a campaign of the case category with
N cleared items at random points; then the same random cases are registered twice, in
two copies of the database: once with the check, once without. Prints ms per case and
the ratio, and how many cases flagged a rebound.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, insert, select  # noqa: E402

from console import schema  # noqa: E402
from console.models import CampaignItem, Category, User  # noqa: E402
from console.services.actor import Actor  # noqa: E402
from console.services.campaigns import CampaignInput, create_campaign  # noqa: E402
from console.services.workflow import IntakeData, intake, report  # noqa: E402
from console.store import Store  # noqa: E402
from tests.support.workflow_seed import E, N, S, W, seed  # noqa: E402


def _prepare(path: Path, items: int) -> None:
    store = Store(f"sqlite:///{path}")
    schema.upgrade(store)
    world = seed(store)
    rnd = random.Random(7)
    now = dt.datetime.now(dt.UTC) - dt.timedelta(days=1)
    with store.write() as session:
        campaign = create_campaign(
            session,
            world.actors["shift"],
            CampaignInput("bench", dt.date(2026, 1, 1), category_id=world.categories["0102"]),
        )
        rows = [
            {
                "campaign_id": campaign.id,
                "community_id": None,
                "lon": rnd.uniform(W, E),
                "lat": rnd.uniform(S, N),
                "address": "",
                "description": "",
                "step_ordinal": 5,
                "owner_user_id": None,
                "cleared_at": now,
                "rebound_case_id": None,
                "created_at": now,
                "kind": "lock",
                "source": "import",
                "rebound_at": None,
                "updated_at": now,
            }
            for _ in range(items)
        ]
        session.execute(insert(CampaignItem), rows)
    store.dispose()


def _run(path: Path, cases: int, check: bool) -> tuple[float, int]:
    store = Store(f"sqlite:///{path}")
    with store.read() as session:
        user = session.scalars(select(User).where(User.username == "insp")).one()
        world_actor = Actor(user.id, "insp", frozenset({"inspector"}), "bench")
        category = session.scalars(select(Category.id).where(Category.code == "0102")).one()
    original = intake._flag_campaign_rebound
    if not check:
        intake._flag_campaign_rebound = lambda *_args: None
    rnd = random.Random(11)
    try:
        started = time.perf_counter()
        for _ in range(cases):
            data = IntakeData(
                category, rnd.uniform(W, E), rnd.uniform(S, N), "路边垃圾", "inspector"
            )
            with store.write() as session:
                report(session, world_actor, data)
        elapsed = time.perf_counter() - started
    finally:
        intake._flag_campaign_rebound = original
    with store.read() as session:
        flagged = session.scalar(
            select(func.count()).where(CampaignItem.rebound_case_id.is_not(None))
        )
    store.dispose()
    return elapsed / cases * 1000, int(flagged or 0)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, nargs="+", default=[523, 20000])
    parser.add_argument("--cases", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for items in args.items:
            base = Path(folder) / f"base{items}.sqlite3"
            _prepare(base, items)
            with_check, without = Path(folder) / "a.sqlite3", Path(folder) / "b.sqlite3"
            shutil.copyfile(base, with_check)
            shutil.copyfile(base, without)
            bound, _ = _run(without, args.cases, check=False)
            cost, flagged = _run(with_check, args.cases, check=True)
            load = Path("/proc/loadavg").read_text().split()[:3]
            print(
                f"items {items:>6}: report() {cost:6.2f} ms/case with the rebound check, "
                f"{bound:6.2f} ms/case without (lower bound), ratio {cost / bound:4.2f}, "
                f"rebounds flagged {flagged}/{args.cases}; load {' '.join(load)}"
            )


if __name__ == "__main__":
    main()
