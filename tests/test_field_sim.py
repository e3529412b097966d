"""The simulated terminal and the key commands, against a served instance on loopback."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest
from sqlalchemy import func, select

from console import cli
from console.field.app import create_app
from console.field.server import serving
from console.field.simulation import plan_day
from console.models import Attachment, Case, FieldSubmission
from console.services import accounts
from console.services.geo_checks import point_in_polygon
from console.store import Store
from tests.support.field_world import ADMIN, JURISDICTION, add_terminal, to_check
from tests.support.workflow_seed import E, N, S, W, seed

ZONE = dt.timezone(dt.timedelta(hours=8))
PASSWORD = "admin-2026-pass"


def test_a_planned_day_is_repeatable_and_inside_the_street() -> None:
    outline = [[W, S], [E, S], [E, N], [W, N], [W, S]]
    day = dt.datetime(2026, 11, 29, tzinfo=ZONE)
    options = {
        "terminals": ["T-1", "T-2"],
        "services": [("0102", "暴露垃圾")],
        "outlines": [outline],
        "count": 300,
        "day": day,
    }
    plan = plan_day(random.Random(5), **options)  # type: ignore[arg-type]
    assert plan == plan_day(random.Random(5), **options)  # type: ignore[arg-type]
    assert len({p.device_ref for p in plan}) == 300
    assert all(day <= p.at < day + dt.timedelta(days=1) for p in plan)
    assert [p.at for p in plan] == sorted(p.at for p in plan)
    assert all(point_in_polygon(p.lon, p.lat, outline) for p in plan)
    daytime = sum(1 for p in plan if 8 <= p.at.hour < 18)
    assert daytime > 0.7 * len(plan)
    assert 0.15 < sum(p.self_handled for p in plan) / len(plan) < 0.45


def _cli(capsys: pytest.CaptureFixture[str], url: str, *argv: str) -> tuple[int, str]:
    code = cli.main(["--db", url, "--lang", "en", *argv])
    return code, capsys.readouterr().out


@pytest.mark.slow
def test_keys_from_the_cli_and_a_replayed_day(
    store: Store,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    world = seed(store)
    for code in ("T-1", "T-2", "T-3"):
        add_terminal(world, code, "insp")
    waiting = world.report().id
    to_check(world, waiting)
    with store.write() as session:
        accounts.create_user(session, ADMIN, "root", "管理员", PASSWORD, ["admin"])
    monkeypatch.setenv("CONSOLE_ADMIN_PASSWORD", PASSWORD)
    url = store.url.render_as_string(hide_password=False)

    status, out = _cli(capsys, url, "terminal", "issue", "--all", "--as", "root")
    assert status == 0
    lines = out.strip().splitlines()
    assert [line.split("\t")[0] for line in lines] == ["T-1", "T-2", "T-3"]
    keys = tmp_path / "keys.tsv"
    keys.write_text(out, encoding="utf-8")
    status, out = _cli(capsys, url, "terminal", "list")
    assert status == 0 and out.count("\tinsp\t") == 3

    yesterday = (dt.datetime.now(ZONE) - dt.timedelta(days=1)).date().isoformat()
    app = create_app(store, jurisdiction_id=JURISDICTION)
    replay = ["field-sim", "--keys", str(keys), "--reports", "24", "--speed", "0"]
    replay += ["--day", yesterday, "--photos", "--seed", "3"]
    with serving(app) as base:
        status, out = _cli(capsys, url, *replay, "--url", base)
        assert status == 0, out
        assert "created 24" in out
        # The same day again: every report is recognised, none is made twice; then the
        # terminals check the case that waits for it.
        status, out = _cli(capsys, url, *replay, "--url", base, "--checks", "5")
        assert status == 0 and "answered from a retry 24" in out, out
        assert "awaiting a check 1: passed 1" in out
        assert world.case(waiting).state == "to_close"

        status, out = _cli(capsys, url, "terminal", "revoke", "T-2", "--as", "root")
        assert status == 0 and "T-2" in out
        status, out = _cli(capsys, url, *replay, "--url", base, "--seed", "4")
        assert status == 1 and "refused" in out and "401" in out
    with store.read() as session:
        cases = session.scalar(select(func.count()).select_from(Case)) or 0
        kinds = list(session.scalars(select(FieldSubmission.kind)))
        photos = session.scalar(select(func.count()).select_from(Attachment)) or 0
    reports = [k for k in kinds if k in ("report", "self_handled")]
    assert len(reports) == cases - 1 and cases > 25 and kinds.count("check_pass") == 1
    assert photos >= len(reports)


def test_a_bad_day_is_refused_with_a_message(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    keys = tmp_path / "keys.tsv"
    keys.write_text("T-1\tabc.def\n", encoding="utf-8")
    url = store.url.render_as_string(hide_password=False)
    code = cli.main(
        ["--db", url, "--lang", "en", "field-sim", "--keys", str(keys), "--day", "30.11"]
    )
    assert code == 2 and "30.11" in capsys.readouterr().err
