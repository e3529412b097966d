"""Runs of the demo generator: same seed, same data; the scale path and the command line
(`main.py demo`) on both backends; the seeded calendar."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from console.cli import main
from console.models import Camera, Case, CaseEvent, EnforcementAction, Grid
from console.store import Store
from db.demo import generate
from db.demo.case_plan import resolved_for
from db.demo.clock import TZ, demo_calendar

UNTIL = dt.date(2026, 11, 29)


def count(session: Session, model: Any, *where: Any) -> int:
    return int(session.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def _fingerprint(path: Path) -> tuple[str, int]:
    store = Store(f"sqlite:///{path}")
    digest = hashlib.sha256()
    rows = 0
    with store.read() as session:
        for model, columns in (
            (
                Case,
                (
                    Case.id,
                    Case.number,
                    Case.lon,
                    Case.lat,
                    Case.state,
                    Case.reported_at,
                    Case.closed_at,
                    Case.category_id,
                    Case.grid_id,
                ),
            ),
            (Grid, (Grid.code, Grid.boundary)),
            (Camera, (Camera.code, Camera.name, Camera.lon, Camera.lat)),
            (EnforcementAction, (EnforcementAction.occurred_on, EnforcementAction.quantity)),
            (CaseEvent, (CaseEvent.case_id, CaseEvent.at, CaseEvent.action)),
        ):
            for row in session.execute(select(*columns).order_by(model.id)):
                digest.update(repr(tuple(row)).encode())
                rows += 1
    store.dispose()
    return digest.hexdigest(), rows


def test_same_seed_same_data(tmp_path: Path) -> None:
    prints = []
    for name in ("a", "b"):
        path = tmp_path / f"{name}.sqlite3"
        store = Store(f"sqlite:///{path}")
        summary = generate(store, seed=7, until=UNTIL, cases=1500)
        store.dispose()
        prints.append((_fingerprint(path), [a.password for a in summary.accounts]))
    assert prints[0] == prints[1]
    assert prints[0][0][1] > 10_000  # cases, grids, cameras, ledger and timeline rows


def test_cli_scale_path_then_refuses_to_seed_twice(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--db", db_url, "--lang", "en", "demo", "--until", "2026-11-29"]
    assert main([*args, "--cases", "2000", "--no-timeline"]) == 0
    out = capsys.readouterr().out
    assert "cases 2,000" in out and "admin" in out
    store = Store(db_url)
    with store.read() as session:
        assert count(session, Case) == 2000 and count(session, CaseEvent) == 0
        resolved = count(
            session,
            Case,
            Case.state.in_(("closed", "archived")),
            Case.escalation_level == 0,
            Case.closed_at.is_not(None),
        )
    store.dispose()
    assert resolved == resolved_for(2000)
    assert main(args) == 2
    assert "already seeded" in capsys.readouterr().err


def test_seeded_calendar_skips_holidays_and_keeps_makeup_days() -> None:
    calendar = demo_calendar()
    before_national_day = dt.datetime(2026, 9, 30, 17, 0, tzinfo=TZ)
    assert calendar.add(before_national_day, "working_hours", 1) == dt.datetime(
        2026, 10, 8, 9, 0, tzinfo=TZ
    )
    assert calendar.is_working_day(dt.date(2026, 10, 10))  # Saturday, make-up day
    assert not calendar.is_working_day(dt.date(2026, 2, 16))  # Spring Festival Monday
    assert calendar.add(dt.datetime(2026, 11, 27, 10, 0, tzinfo=TZ), "working_days", 1) == (
        dt.datetime(2026, 11, 30, 10, 0, tzinfo=TZ)
    )
