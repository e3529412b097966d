"""The database summary on both backends: aggregates over a small known street."""

from __future__ import annotations

from decimal import Decimal

from console.models import AppSetting
from console.services import feed, summary
from console.store import Store
from tests.support.small_db import fill_small_street


def test_summary_counts(store: Store) -> None:
    fill_small_street(store)
    with store.read() as session:
        s = summary.database_summary(session)
    assert s.center_name == "八角街道综合执法指挥中心"
    assert (s.communities, s.grids, s.terminals, s.users) == (2, 3, 1, 0)
    assert (s.cameras, s.cameras_online, s.cameras_offline) == (4, 2, 1)
    assert s.cases_total == 7
    assert s.cases_by_state["closed"] == 3 and s.cases_by_state["archived"] == 1
    assert s.cases_by_state["draft"] == 0
    assert s.resolved_in_community == 3
    # 3 resolved without escalation out of 6 cases (the merged duplicate is not one).
    assert s.community_rate == 50.0
    assert s.enforcement["turnout"] == Decimal(15)
    assert s.enforcement["demolition"] == Decimal("20.50")
    assert s.enforcement["ban"] == Decimal(0)
    assert s.last_audit_at is not None and s.last_audit_at.tzinfo is not None


def test_empty_database(store: Store) -> None:
    with store.read() as session:
        s = summary.database_summary(session)
    assert s.cases_total == 0 and s.community_rate is None and s.last_audit_at is None
    assert s.center_name == ""


def test_center_name_falls_back_to_street(store: Store) -> None:
    fill_small_street(store, center_name="")
    with store.read() as session:
        assert summary.center_name(session) == "八角街道"


def test_summary_if_changed_follows_the_feed(store: Store) -> None:
    with store.read() as session:
        first = summary.summary_if_changed(session, None)
        assert first is not None
        assert summary.summary_if_changed(session, first.feed_seq) is None
    with store.write() as session:
        session.add(AppSetting(key="center_name", value="新名称"))
        feed.record(session, "setting", ["center_name"], "updated")
    with store.read() as session:
        again = summary.summary_if_changed(session, first.feed_seq)
    assert again is not None and again.center_name == "新名称"
