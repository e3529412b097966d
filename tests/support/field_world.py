"""The workflow's small street plus field terminals with keys, and the service over it."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from fastapi.testclient import TestClient
from PIL import Image

from console.field.app import create_app
from console.models import FieldTerminal
from console.services import terminals, workflow
from console.services.actor import Actor
from console.store import Store
from tests.support.workflow_seed import PNG, POINTS, World, seed

ADMIN = Actor(None, "admin", frozenset({"admin"}), "test-ws")
JURISDICTION = "110107001"
BASE = "/open311/v2"


@dataclass
class FieldWorld:
    world: World
    client: TestClient
    keys: dict[str, str] = field(default_factory=dict)  # terminal code -> key
    terminal_ids: dict[str, int] = field(default_factory=dict)

    @property
    def store(self) -> Store:
        return self.world.store

    def report_form(self, code: str = "T-1", **changes: str) -> dict[str, str]:
        lon, lat = POINTS["A1"]
        form = {
            "api_key": self.keys[code],
            "service_code": "0102",
            "lat": str(lat),
            "long": str(lon),
            "description": "路边垃圾暴露",
        }
        form.update(changes)
        return form


def add_terminal(world: World, code: str, holder: str | None) -> int:
    with world.store.write() as session:
        row = FieldTerminal(
            code=code,
            holder_name=code,
            holder_user_id=world.actors[holder].user_id if holder else None,
        )
        session.add(row)
        session.flush()
        return row.id


def issue(store: Store, terminal_id: int) -> str:
    with store.write() as session:
        return terminals.issue_key(session, ADMIN, terminal_id).key


def jpeg(size: tuple[int, int] = (8, 8), exif: Image.Exif | None = None) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, "JPEG", exif=exif or Image.Exif())
    return out.getvalue()


def make_field_world(store: Store, **app_options: object) -> Iterator[FieldWorld]:
    world = seed(store)
    ids = {"T-1": add_terminal(world, "T-1", "insp"), "T-2": add_terminal(world, "T-2", "insp")}
    keys = {code: issue(store, tid) for code, tid in ids.items()}
    app = create_app(store, jurisdiction_id=JURISDICTION, **app_options)  # type: ignore[arg-type]
    with TestClient(app) as client:
        yield FieldWorld(world, client, keys, ids)


@pytest.fixture
def field_world(store: Store) -> Iterator[FieldWorld]:
    yield from make_field_world(store)


def to_check(world: World, case_id: int) -> None:
    """Take a reported case through opening, dispatch and the unit's feedback."""
    world.act(workflow.open_case, "shift", case_id)
    world.act(workflow.dispatch, "disp", case_id, unit_id=world.units["SQA"])
    world.act(workflow.accept, "sqa", case_id)
    with world.store.write() as session:
        workflow.attach(
            session,
            world.actors["sqa"],
            case_id,
            kind="after",
            data=PNG + b"fix",
            original_name="a",
        )
    world.act(workflow.feedback, "sqa", case_id, note="清理完毕")
