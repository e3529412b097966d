"""Responsible units, the demo accounts and the 146 field terminals of grid workers.

Demo accounts get deterministic, published passwords. That is only acceptable because
the database is flagged as a demo (app_setting "demo" = true); a real database starts
without any account (see console.services.accounts).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from console.models import FieldTerminal, ResponsibleUnit, User, UserRole
from console.services.passwords import NO_PASSWORD, hash_password
from db.demo import names, places
from db.demo.area import AreaPlan
from db.demo.case_plan import split

# username, roles: one account per role, and one on-duty clerk holding three roles, as
# small centers staff the night and weekend desk.
ACCOUNTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("inspector", ("inspector",)),
    ("intake", ("intake",)),
    ("shift_leader", ("shift_leader",)),
    ("dispatcher", ("dispatcher",)),
    ("unit", ("unit",)),
    ("leader", ("leader",)),
    ("admin", ("admin",)),
    ("duty", ("intake", "shift_leader", "dispatcher")),
)
TERMINALS = 146  # source: phones for community heads and grid workers
TERMINALS_ONLINE = 0.85


@dataclass(frozen=True)
class DemoAccount:
    username: str
    display_name: str
    roles: tuple[str, ...]
    password: str


@dataclass(frozen=True)
class Person:
    """Someone who appears on a case: a reporter, a clerk, a unit."""

    name: str
    phone: str = ""
    user_id: int | None = None
    login: str = ""  # the account's user name, which the timeline records as the actor

    @property
    def actor(self) -> str:
        return self.login or self.name


@dataclass
class People:
    accounts: list[DemoAccount]
    user_ids: dict[str, int]
    display_names: dict[str, str]
    street_units: dict[str, tuple[int, str]]  # unit_type -> (id, name)
    committees: dict[int, tuple[int, str]]  # community id -> (unit id, name)
    grid_worker: dict[int, Person]  # grid id -> the grid worker who covers it
    terminals: int = 0
    community_heads: dict[int, Person] = field(default_factory=dict)


def make_accounts(rng: random.Random) -> list[DemoAccount]:
    """Names and passwords for the demo accounts (hashing happens when inserting)."""
    display = names.unique_names(rng, len(ACCOUNTS))
    return [
        DemoAccount(username, display_name, roles, f"{username}-{rng.randrange(1000, 10000)}")
        for (username, roles), display_name in zip(ACCOUNTS, display, strict=True)
    ]


def published_passwords(seed: int) -> dict[str, str]:
    """The demo passwords a given seed hands out (generate() draws them the same way)."""
    return {a.username: a.password for a in make_accounts(random.Random(f"{seed}/accounts"))}


def hash_accounts(accounts: list[DemoAccount]) -> dict[str, str]:
    """argon2 is slow on purpose: done before the write transaction opens."""
    return {a.username: hash_password(a.password) for a in accounts}


def _insert_units(
    rng: random.Random, session: Session, area: AreaPlan
) -> tuple[dict[str, tuple[int, str]], dict[int, tuple[int, str]]]:
    street_units: dict[str, tuple[int, str]] = {}
    for code, name, unit_type in places.STREET_UNITS:
        unit = ResponsibleUnit(
            code=code, name=name, unit_type=unit_type, level="street", phone=names.landline(rng)
        )
        session.add(unit)
        session.flush()
        street_units[unit_type] = (unit.id, name)
    committees: dict[int, tuple[int, str]] = {}
    for number, community in enumerate(area.communities, start=1):
        name = f"{community.name}居委会"
        unit = ResponsibleUnit(
            code=f"SQ{number:03d}",
            name=name,
            unit_type="community",
            level="community",
            community_id=community.id,
            phone=names.landline(rng),
        )
        session.add(unit)
        session.flush()
        committees[community.id] = (unit.id, name)
    return street_units, committees


def insert_people(
    rng: random.Random,
    session: Session,
    area: AreaPlan,
    accounts: list[DemoAccount],
    hashes: dict[str, str],
    as_of: dt.datetime,
) -> People:
    street_units, committees = _insert_units(rng, session, area)
    biggest = max(area.communities, key=lambda c: c.population)
    created = as_of - dt.timedelta(days=400)
    user_ids: dict[str, int] = {}
    for account in accounts:
        home = account.username in ("inspector", "unit")
        user = User(
            username=account.username,
            display_name=account.display_name,
            password_hash=hashes[account.username],
            unit_id=committees[biggest.id][0] if account.username == "unit" else None,
            community_id=biggest.id if home else None,
            created_at=created,
            roles=[UserRole(role=r) for r in account.roles],
        )
        session.add(user)
        session.flush()
        user_ids[account.username] = user.id
    people = People(
        accounts=accounts,
        user_ids=user_ids,
        display_names={a.username: a.display_name for a in accounts},
        street_units=street_units,
        committees=committees,
        grid_worker={},
    )
    _insert_terminals(rng, session, area, people, biggest.id, as_of)
    return people


def _field_account(session: Session, number: int, name: str, as_of: dt.datetime) -> int:
    """A grid worker's own inspector account: reports from their terminal are theirs.

    It has no console password (the terminal's key is how it reports); an administrator
    can give it one like any account.
    """
    user = User(
        username=f"grid{number:03d}",
        display_name=name,
        password_hash=NO_PASSWORD,
        created_at=as_of - dt.timedelta(days=400),
        roles=[UserRole(role="inspector")],
    )
    session.add(user)
    session.flush()
    return user.id


def _insert_terminals(
    rng: random.Random,
    session: Session,
    area: AreaPlan,
    people: People,
    inspector_community: int,
    as_of: dt.datetime,
) -> None:
    communities = area.communities
    workers = split(TERMINALS - len(communities), [len(c.grids) for c in communities])
    holders = names.unique_names(rng, TERMINALS, exclude=set(people.display_names.values()))
    phones = names.unique_mobiles(rng, TERMINALS)
    rows: list[FieldTerminal] = []

    def add(post: str, community_id: int, grid_id: int | None, user_id: int | None) -> Person:
        n = len(rows)
        online = rng.random() < TERMINALS_ONLINE
        rows.append(
            FieldTerminal(
                code=f"{places.STREET_CODE}-T{n + 1:03d}",
                holder_name=holders[n],
                holder_user_id=user_id,
                holder_post=post,
                community_id=community_id,
                grid_id=grid_id,
                phone=phones[n],
                status="online" if online else "offline",
                last_seen_at=as_of - dt.timedelta(minutes=rng.randrange(1, 30 if online else 4000)),
            )
        )
        return Person(holders[n], phones[n], user_id)

    for community, count in zip(communities, workers, strict=True):
        people.community_heads[community.id] = add("community_head", community.id, None, None)
        grids = community.grids
        # Each worker covers a run of neighbouring grids (numbered row by row).
        first = 0
        for k, chunk in enumerate(split(len(grids), [1] * count)):
            covered = grids[first : first + chunk]
            first += chunk
            is_demo_inspector = community.id == inspector_community and k == 0
            if is_demo_inspector:
                holders[len(rows)] = people.display_names["inspector"]
                user_id = people.user_ids["inspector"]
            else:
                user_id = _field_account(session, len(rows) + 1, holders[len(rows)], as_of)
            person = add("grid_worker", community.id, covered[0].id, user_id)
            for grid in covered:
                people.grid_worker[grid.id] = person
    session.add_all(rows)
    session.flush()
    people.terminals = len(rows)
