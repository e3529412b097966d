"""Desk A of the live-latency benchmark: a small demo street and a leader who flags and
unflags one open case for supervision, a full workflow write each time."""

from __future__ import annotations

import time

from sqlalchemy import select

from console import schema
from console.models import Case, User
from console.services import feed, workflow
from console.services.actor import Actor
from console.services.workflow.states import OPEN_STATES
from console.store import Store
from db import demo

DEMO_CASES = 300


def make_database(url: str) -> None:
    store = Store(url)
    try:
        schema.upgrade(store)
        demo.generate(store, cases=DEMO_CASES, workstation="bench")
    finally:
        store.dispose()


class DeskA:
    def __init__(self, url: str) -> None:
        self.store = Store(url, workstation="desk-a")
        with self.store.read() as session:
            leader = session.scalars(select(User).where(User.username == "leader")).one()
            self.actor = Actor(leader.id, leader.username, frozenset({"leader"}), "desk-a")
            self.case_id = session.scalars(
                select(Case.id).where(Case.state.in_(OPEN_STATES)).order_by(Case.id).limit(1)
            ).one()

    def toggle(self) -> tuple[int, float]:
        """One change; (its feed seq, perf_counter just before COMMIT is sent)."""
        with self.store.write() as session:
            case = session.get(Case, self.case_id)
            assert case is not None
            action = workflow.unsupervise if case.supervised else workflow.supervise
            action(session, self.actor, self.case_id, expected_version=case.version)
            session.flush()
            seq = feed.last_seq(session)
            at = time.perf_counter()
        return seq, at

    def close(self) -> None:
        self.store.dispose()
