"""Chinese substring search: short and long terms, wildcards and quotes taken literally,
the index kept in step with every change, and older databases made searchable."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import delete, event, text, update

from console.models import Case
from console.services import bulk, queue
from console.services.search import search
from console.store import Store
from tests.support import queue_world as qw

TEXTS = {
    "percent": "广告牌写着100%正品",
    "thousand": "罚款1000元",
    "underscore": "编号A_B的井盖",
    "letter": "编号AxB的井盖",
    "quote": '居民说"马上处理"',
    "apostrophe": "O'Brien门前有垃圾",
}


@pytest.fixture
def world(store: Store) -> qw.World:
    world = qw.build(store)
    with store.write() as session:
        for n, (name, description) in enumerate(TEXTS.items()):
            case = Case(
                number=f"T-{name}",
                source="hotline",
                category_id=world.categories["0102"],
                description=description,
                state="to_open",
                reported_at=qw.NOW - dt.timedelta(minutes=n),
                updated_at=qw.NOW,
            )
            session.add(case)
            session.flush()
            world.cases[name] = case.id
    return world


def numbers(store: Store, words: str, limit: int = 50) -> list[str]:
    with store.read() as session:
        return [row.number for row in search(session, words, limit, now=qw.NOW)]


def labels(store: Store, words: str) -> set[str]:
    return {n.removeprefix("Q-").removeprefix("T-") for n in numbers(store, words)}


def test_one_two_and_more_characters(store: Store, world: qw.World) -> None:
    assert labels(store, "圾") == {"verify", "handling-late", "apostrophe"}
    assert labels(store, "垃圾") == {"verify", "handling-late", "apostrophe"}
    assert labels(store, "暴露垃圾") == {"verify"}
    assert labels(store, "散落生活垃圾") == {"handling-late"}
    assert labels(store, "王小明") == {"verify"}  # reporter name
    assert labels(store, "八角北路3号") == {"open"}  # address (the third case)
    assert labels(store, "暴露垃圾桶") == set()


def test_case_numbers_whole_or_in_part(store: Store, world: qw.World) -> None:
    assert numbers(store, "Q-check-late") == ["Q-check-late"]
    assert labels(store, "check") == {"check-late"}
    assert labels(store, "CHECK-LATE") == {"check-late"}  # ASCII case is ignored
    late = {"open-late", "opened-late", "handling-late", "check-late"}
    assert labels(store, "late") == late
    assert labels(store, "-l") == late | {"letter"}


def test_several_words_must_all_occur(store: Store, world: qw.World) -> None:
    assert labels(store, "垃圾 朝阳路") == {"verify"}
    assert labels(store, "垃圾 门") == {"apostrophe"}
    assert labels(store, "  垃圾\t满溢 ") == {"handling-late"}


def test_wildcards_and_quotes_are_literal(store: Store, world: qw.World) -> None:
    assert labels(store, "100%") == {"percent"}
    assert labels(store, "0%") == {"percent"}
    assert labels(store, "%") == {"percent"}
    assert labels(store, "A_B") == {"underscore"}
    assert labels(store, "_") == {"underscore"}
    assert labels(store, '"马上') == {"quote"}
    assert labels(store, '"') == {"quote"}
    assert labels(store, "O'Brien") == {"apostrophe"}
    assert labels(store, "'") == {"apostrophe"}
    assert labels(store, "\\") == set()


@pytest.mark.parametrize("words", ["XAND", "AND*", "NEAR(x", "x*", "^x", "col:xyz", "(("])
def test_query_syntax_is_not_interpreted(store: Store, world: qw.World, words: str) -> None:
    assert numbers(store, words) == []


def test_newest_first_limited_and_without_merged(store: Store, world: qw.World) -> None:
    found = numbers(store, "路面", limit=3)
    assert found == ["Q-draft", "Q-shelved", "Q-not-opened"]  # merged (20 h ago) is left out
    assert "Q-merged" not in numbers(store, "merged")
    assert numbers(store, "   ") == []


def test_index_follows_updates_and_deletes(store: Store, world: qw.World) -> None:
    verify, late = world.cases["verify"], world.cases["handling-late"]
    with store.write() as session:  # the ORM, as the workflow services write
        case = session.get(Case, verify)
        assert case is not None
        case.description = "井盖缺失，已设置围挡"
        case.state = "to_open"
    with store.write() as session:  # plain SQL
        session.execute(update(Case).where(Case.id == late).values(address="杨庄路88号"))
    with store.write() as session:  # a change that touches no searched column
        session.execute(update(Case).where(Case.id == late).values(state="to_check"))
    assert labels(store, "暴露垃圾") == set()
    assert labels(store, "井盖缺失") == {"verify"}
    assert labels(store, "杨庄路88") == {"handling-late"}
    assert labels(store, "八角北路6号") == set()  # its old address
    with store.write() as session:
        session.execute(delete(Case).where(Case.id == verify))
    assert labels(store, "井盖缺失") == set()
    assert labels(store, "王小明") == set()
    check_index(store)


def check_index(store: Store) -> None:
    """SQLite: FTS5's own check that the index matches case_file row for row."""
    if store.is_sqlite:
        with store.write() as session:
            session.execute(
                text("INSERT INTO case_search (case_search, rank) VALUES ('integrity-check', 1)")
            )


def bulk_row(world: qw.World, n: int) -> dict[str, Any]:
    when = qw.NOW + dt.timedelta(minutes=n)
    return {
        "number": f"B-{n:04d}",
        "source": "inspector",
        "category_id": world.categories["0102"],
        "address": f"古城大街{n}号",
        "urgency": "normal",
        "description": "共享单车乱停放" if n % 2 else "绿化带内有垃圾",
        "reporter_name": "",
        "reporter_phone": "",
        "state": "to_verify",
        "self_handled": False,
        "escalation_level": 0,
        "supervised": False,
        "rework_count": 0,
        "extension_count": 0,
        "return_count": 0,
        "reported_at": when,
        "updated_at": when,
        "version": 1,
    }


def test_bulk_inserts_are_searchable(store: Store, world: qw.World) -> None:
    with store.write() as session:
        bulk.insert_cases(session, (bulk_row(world, n) for n in range(1, 41)), batch_size=16)
    assert len(numbers(store, "共享单车乱停", limit=100)) == 20
    assert numbers(store, "古城大街17号") == ["B-0017"]
    check_index(store)


def test_every_sqlite_plan_finds_the_same_rows(
    store: Store, world: qw.World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite lists few matches by id and walks an index for many; all plans agree."""
    f = queue.QueueFilter(text="路面问题")
    by_urgency: dict[str, Any] = {"sort": "urgency", "descending": False, "limit": 100}
    with store.read() as session:
        listed = queue.page(session, f, now=qw.NOW, limit=100)
        listed_urgency = queue.page(session, f, now=qw.NOW, **by_urgency)
        monkeypatch.setattr(queue, "LISTED_MATCHES", 1)
        walked = queue.page(session, f, now=qw.NOW, limit=100)
        walked_page = queue.page(session, f, now=qw.NOW, offset=2, limit=3)
        driven_urgency = queue.page(session, f, now=qw.NOW, **by_urgency)
        in_tab = queue.page(session, queue.QueueFilter(tab="to_open", text="路面问题"), now=qw.NOW)
    assert [r.id for r in walked] == [r.id for r in listed]
    assert [r.id for r in driven_urgency] == [r.id for r in listed_urgency]
    assert len(listed) == len(qw.ALL) - 2  # two have descriptions of their own
    assert walked_page == walked[2:5]
    assert {r.number for r in in_tab} == {"Q-open-late", "Q-open"}


def test_index_is_used(store: Store, world: qw.World) -> None:
    executed: list[tuple[str, Any]] = []

    def capture(conn: Any, cursor: Any, statement: str, params: Any, *_: Any) -> None:
        executed.append((statement, params))

    with store.read() as session:
        conn = session.connection()
        if store.is_postgres:  # a table this small would be scanned otherwise
            conn.exec_driver_sql("SET LOCAL enable_seqscan = off")
        event.listen(conn, "before_cursor_execute", capture)
        queue.count(session, queue.QueueFilter(text="暴露垃圾"), now=qw.NOW)
        event.remove(conn, "before_cursor_execute", capture)
        statement, params = executed[-1]
        explain = "EXPLAIN QUERY PLAN " if store.is_sqlite else "EXPLAIN "
        plan = "\n".join(str(r[-1]) for r in conn.exec_driver_sql(explain + statement, params))
    assert ("case_search" if store.is_sqlite else "ix_case_file_search") in plan, plan


@pytest.mark.postgres
@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
def test_postgres_extracts_chinese_trigrams(store: Store) -> None:
    with store.read() as session:
        trigrams = session.execute(text("SELECT show_trgm('暴露垃圾')")).scalar_one()
        ctype = session.execute(
            text("SELECT datctype FROM pg_database WHERE datname = current_database()")
        ).scalar_one()
    # "  暴", " 暴露", "暴露垃", "露垃圾", "垃圾 " (hashed: multi-byte trigrams show as hex)
    assert len(trigrams) == 5, (ctype, trigrams)
